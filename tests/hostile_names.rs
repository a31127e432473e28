//! Every writer escapes what it prints: a team whose name holds table, template and link
//! markup, HTML, and a line break followed by a GitHub workflow command, built in memory (no
//! reader sees it), must neither break a format's structure nor start a line of its own.

use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;

use standings::check::Outcome;
use standings::compare;
use standings::compute::knockout;
use standings::compute::standings::{Standings, compute};
use standings::model::{
    Competition, Group, GroupRecord, Leg, Line, Match, Outcome as MatchOutcome, Recorded, Side,
    TeamId, Tie,
};
use standings::report;
use standings::rules::RuleSet;

const EVIL: &str = "Evil | }} {{ [[x]] <b>&amp; \"q\"\n::error file=x::pwned";

/// The name as the text writers show it: the line break escaped.
const EVIL_PLAIN: &str = "Evil | }} {{ [[x]] <b>&amp; \"q\"\\n::error file=x::pwned";

fn played(home: usize, away: usize, goals: [u32; 2]) -> Match {
    Match::new(
        TeamId::new(home),
        TeamId::new(away),
        MatchOutcome::Played {
            home: goals[0],
            away: goals[1],
        },
    )
}

/// One group: Evil and Bari level on 6 points, Bari ahead on the head-to-head; the record says
/// Evil won it (a mismatch, so the name reaches annotations and failures). A final with Evil in it.
fn competition() -> Competition {
    competition_with(EVIL)
}

/// [`competition`] with `evil` as the hostile team's name.
fn competition_with(evil: &str) -> Competition {
    let teams: Vec<String> = [evil, "Bari", "Como", "Lecce"].map(String::from).into();
    let group = Group {
        name: "Group | 1".into(),
        teams,
        aliases: Vec::new(),
        fixtures: Vec::new(),
        matches: vec![
            played(0, 2, [3, 0]),
            played(1, 0, [1, 0]),
            played(0, 3, [1, 0]),
            played(2, 1, [1, 0]),
            played(1, 3, [2, 0]),
            played(2, 3, [0, 0]),
        ],
        decisions: Vec::new(),
        record: GroupRecord {
            winner: Some(Recorded::new(TeamId::new(0), Line(3))),
            ..GroupRecord::default()
        },
        cards: vec![None; 4],
        coefficients: vec![None; 4],
        values: Default::default(),
        rulings: Default::default(),
        line: Line(2),
        schedule: Default::default(),
        spans: Default::default(),
    };
    Competition {
        name: "Hostile Cup".into(),
        path: PathBuf::from("hostile.toml"),
        groups: vec![group],
        record: Default::default(),
        aliases: Vec::new(),
        ties: vec![Tie {
            round: "Final".into(),
            teams: [evil.into(), "Bari".into()],
            legs: vec![Leg {
                home: Side::First,
                score: [2, 1],
                extra_time: false,
                penalties: None,
            }],
            line: Line(4),
            spans: Default::default(),
        }],
        ranking: None,
        entrants: Vec::new(),
        origin: Default::default(),
        as_of: None,
    }
}

/// The 2003–04 Coppa Italia's group rules without its rounds, so that the one failing fact is
/// the hostile group's recorded winner.
fn rules() -> RuleSet {
    let mut rules =
        RuleSet::load(Path::new("rules/coppa-italia-2003-04.toml")).expect("bundled rules load");
    rules.structure = None;
    rules
}

fn table(format: &str, explain: bool) -> String {
    let (c, r) = (competition(), rules());
    let standings: Standings<'_> = compute(&c, &r).expect("the group computes");
    let format = report::table::format(format).expect("a registered format");
    let options = report::table::Options {
        explain,
        ..Default::default()
    };
    (format.render)(std::slice::from_ref(&standings), &options)
}

fn check(format: &str) -> String {
    check_with(EVIL, format)
}

fn check_with(evil: &str, format: &str) -> String {
    let (c, r) = (competition_with(evil), rules());
    let mut outcome = Outcome::new(false);
    outcome.add(&compute(&c, &r).expect("the group computes"));
    assert_eq!(outcome.exit_code(), 1, "the recorded winner is wrong");
    let format = report::check::format(format).expect("a registered format");
    (format.render)(&outcome, false)
}

/// No line of the output is the name's injected workflow command.
fn no_injected_line(out: &str) {
    assert!(
        !out.lines().any(|l| l.starts_with("::error file=x")),
        "an injected line:\n{out}"
    );
}

#[test]
fn text_table_keeps_the_name_on_its_row() {
    let out = table("text", true);
    no_injected_line(&out);
    let row = out
        .lines()
        .find(|l| l.contains("Evil"))
        .expect("a row for Evil");
    assert!(row.contains(EVIL_PLAIN), "{row}");
    assert!(out.contains(&format!("Bari above {EVIL_PLAIN}: ")), "{out}");
}

#[test]
fn json_round_trips_the_name() {
    let out = table("json", false);
    no_injected_line(&out);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let teams: Vec<&str> = json["competitions"][0]["groups"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["team"].as_str().unwrap())
        .collect();
    assert_eq!(teams, ["Bari", EVIL, "Como", "Lecce"]);
}

#[test]
fn csv_quotes_the_name() {
    // A quoted field keeps its line break (RFC 4180): the name reads back whole.
    let out = table("csv", false);
    assert!(out.contains("\"Evil | }} {{ [[x]] <b>&amp; \"\"q\"\"\n::error file=x::pwned\""));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let teams: Vec<String> = reader
        .records()
        .map(|r| r.expect("a valid record")[3].to_string())
        .collect();
    assert_eq!(teams, ["Bari", EVIL, "Como", "Lecce"]);
}

#[test]
fn markdown_escapes_cells_and_line_breaks() {
    let out = table("markdown", true);
    no_injected_line(&out);
    // `&amp;` is escaped too: the name shows as written, not as `&`.
    let escaped = "Evil \\| }} {{ \\[\\[x\\]\\] &lt;b>&amp;amp; \"q\"<br>::error file=x::pwned";
    assert!(out.contains(&format!("| 2 | {escaped} | 3 |")), "{out}");
    // Every row has as many cell separators as the header: ten columns, no team of the
    // group having points deducted (so no Ded column).
    let separators = |l: &str| l.replace("\\|", "").matches('|').count();
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| separators(r) == 11), "{out}");
    assert!(out.contains("### Hostile Cup · Group \\| 1\n"));
}

/// `format`'s table with the hostile team highlighted (`--team`).
fn table_highlighting_evil(format: &str) -> String {
    let (c, r) = (competition(), rules());
    let standings: Standings<'_> = compute(&c, &r).expect("the group computes");
    let format = report::table::format(format).expect("a registered format");
    let highlight = [EVIL.to_string()];
    let options = report::table::Options {
        explain: true,
        highlight: &highlight,
    };
    (format.render)(std::slice::from_ref(&standings), &options)
}

#[test]
fn a_highlighted_hostile_name_is_escaped_as_any_other() {
    let text = table_highlighting_evil("text");
    no_injected_line(&text);
    let row = text
        .lines()
        .find(|l| l.starts_with("> "))
        .expect("a marked row");
    assert!(row.contains(EVIL_PLAIN), "{text}");

    let markdown = table_highlighting_evil("markdown");
    no_injected_line(&markdown);
    let escaped = "Evil \\| }} {{ \\[\\[x\\]\\] &lt;b>&amp;amp; \"q\"<br>::error file=x::pwned";
    assert!(
        markdown.contains(&format!("| **2** | **{escaped}** | **3** |")),
        "{markdown}"
    );
    let separators = |l: &str| l.replace("\\|", "").matches('|').count();
    assert!(
        markdown
            .lines()
            .filter(|l| l.starts_with('|'))
            .all(|r| separators(r) == 11),
        "{markdown}"
    );

    let wikitext = table_highlighting_evil("wikitext");
    no_injected_line(&wikitext);
    assert!(wikitext.contains("\n|showteam=EVI\n"), "{wikitext}");
}

#[test]
fn wikitext_escapes_template_markup() {
    let out = table("wikitext", false);
    no_injected_line(&out);
    let escaped = "Evil &#124; &#125;&#125; &#123;&#123; &#91;&#91;x&#93;&#93; &lt;b>&amp;amp; \"q\"<br />::error file=x::pwned";
    assert!(
        out.contains(&format!("|name_EVI={escaped} |win_EVI=2")),
        "{out}"
    );
    // The template opens and closes once; nothing in a name opens or closes another.
    assert_eq!(out.matches("{{").count(), 1, "{out}");
    assert_eq!(out.matches("}}").count(), 1, "{out}");
    assert_eq!(out.matches("[[").count(), 0, "{out}");
    assert!(out.contains("=== Group &#124; 1 ===\n"));
}

#[test]
fn check_text_keeps_each_fact_on_its_line() {
    let out = check("text");
    no_injected_line(&out);
    assert!(
        out.contains(&format!(
            "MISMATCH     Hostile Cup · Group | 1 · winner: expected {EVIL_PLAIN}; computed Bari\n"
        )),
        "{out}"
    );
}

#[test]
fn github_annotations_escape_every_field() {
    let out = check("github");
    no_injected_line(&out);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        annotations,
        [
            "::error file=hostile.toml,line=3,col=1,title=MISMATCH::Hostile Cup · Group | 1 · winner: expected Evil | }} {{ [[x]] <b>&amp; \"q\"%0A::error file=x::pwned; computed Bari",
        ]
    );
}

#[test]
fn junit_escapes_markup() {
    let out = check("junit");
    no_injected_line(&out);
    assert!(!out.contains("<b>"), "{out}");
    assert_eq!(
        winner_case(&out),
        format!("Hostile Cup · Group | 1 · winner: expected {EVIL_PLAIN}; computed Bari")
    );
    let report = quick_junit::Report::deserialize_from_str(&out).expect("valid JUnit XML");
    assert_eq!(report.failures, 1);
}

#[test]
fn tie_and_compare_keep_names_on_their_lines() {
    let (c, r) = (competition(), rules());
    let outcomes = c
        .ties
        .iter()
        .map(|t| knockout::decide(t, &r.knockout))
        .collect();
    let ties = report::knockout::ties(&[(&c, outcomes)]);
    no_injected_line(&ties);
    assert!(ties.contains(&format!("{EVIL_PLAIN} 2–1 Bari")), "{ties}");

    let groups = r.groups.as_ref().expect("group rules");
    let comparisons = [(&c, compare::competition(&c, [Some(groups), Some(groups)]))];
    let path = Path::new("rules/coppa-italia-2003-04.toml");
    let out = report::compare::render([(path, &r), (path, &r)], &comparisons);
    no_injected_line(&out);
    assert!(out.contains(EVIL_PLAIN), "{out}");
}

#[test]
fn junit_is_well_formed_with_characters_xml_cannot_hold() {
    // U+FFFF and U+FFFE are not allowed anywhere in XML 1.0; a NUL, an escape neither.
    let out = check_with("Evil\u{ffff}\u{fffe}\u{0}\u{1b}[31m", "junit");
    assert!(
        !out.contains(['\u{ffff}', '\u{fffe}', '\u{0}', '\u{1b}']),
        "{out:?}"
    );
    assert_eq!(
        winner_case(&out),
        "Hostile Cup · Group | 1 · winner: expected Evil\\u{ffff}\\u{fffe}\\u{0}\\u{1b}[31m; computed Bari"
    );
}

/// The name of the winner's test case in a JUnit report, which must be well-formed XML.
fn winner_case(junit: &str) -> String {
    let report = quick_junit::Report::deserialize_from_str(junit).expect("valid JUnit XML");
    report.test_suites[0]
        .test_cases
        .iter()
        .find(|c| c.name.contains("winner"))
        .expect("the winner's case")
        .name
        .to_string()
}

/// The group's history over two steps (its first three matches, then all), in `format`.
fn history(format: &str) -> String {
    let (c, r) = (competition(), rules());
    let group = &c.groups[0];
    let mut part = group.clone();
    part.matches.truncate(3);
    let h = standings::compute::history::compute(
        &c.name,
        &group.name,
        r.groups.as_ref().expect("group rules"),
        [
            ("Day 1".to_string(), part),
            ("Day 2".to_string(), group.clone()),
        ],
    );
    let format = report::history::format(format).expect("a registered format");
    (format.render)(std::slice::from_ref(&h))
}

#[test]
fn history_keeps_the_name_in_its_place_in_every_format() {
    let text = history("text");
    no_injected_line(&text);
    assert!(text.contains(EVIL_PLAIN), "{text}");
    let csv = history("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let teams: Vec<String> = reader
        .records()
        .map(|r| r.expect("a valid record")[4].to_string())
        .collect();
    assert_eq!(teams.len(), 8);
    assert!(teams.contains(&EVIL.to_string()), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&history("json")).expect("JSON");
    let names = &json["competitions"][0]["groups"][0]["teams"];
    assert!(names.as_array().unwrap().iter().any(|t| t["team"] == EVIL));
    let svg = history("svg");
    assert!(!svg.contains("<b>"), "{svg}");
    // Cut to 28 characters, and escaped.
    assert!(
        svg.contains("Evil | }} {{ [[x]] &lt;b&gt;&amp;amp;…"),
        "{svg}"
    );
}

/// `scenarios` in text and Markdown: the hostile team, with a fixture still to play, neither
/// starts a line of its own nor brings markup into Markdown.
#[test]
fn scenarios_escape_names_in_text_and_markdown() {
    use standings::model::Fixture;
    use standings::report::scenarios::{Format, GroupScenarios, render};
    let mut c = competition();
    let r = rules();
    let group = &mut c.groups[0];
    // The last match, Como 0–0 Lecce, becomes a fixture still to play.
    group.matches.pop();
    group
        .fixtures
        .push(Fixture::new(TeamId::new(2), TeamId::new(3)));
    let scenarios = standings::scenarios::analyse(group, r.groups.as_ref().unwrap()).unwrap();
    let groups = [GroupScenarios {
        group: &c.groups[0],
        scenarios,
    }];
    let text = render(&groups, Format::Text, &[]);
    assert!(text.contains(EVIL_PLAIN), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("::error")), "{text}");
    let markdown = render(&groups, Format::Markdown, &[]);
    assert!(!markdown.contains("<b>"), "{markdown}");
    assert!(
        !markdown.lines().any(|l| l.starts_with("::error")),
        "{markdown}"
    );
    assert!(
        markdown.contains(r"Evil \| }} {{ \[\[x\]\] &lt;b>"),
        "{markdown}"
    );
}

/// The run-in (`run-in`, and `scenarios` on a league) of the hostile group with one more
/// fixture to play, in `format`.
fn run_in(format: report::runin::Format) -> String {
    let (mut c, r) = (competition(), rules());
    c.groups[0].fixtures.push(standings::model::Fixture::new(
        TeamId::new(0),
        TeamId::new(1),
    ));
    let group_rules = r.groups.as_ref().expect("group rules");
    let run_in = standings::runin::of_group(&c.groups[0], group_rules).expect("a run-in");
    let competitions = [report::runin::CompetitionRunIn {
        competition: "Hostile Cup",
        rules: &r.name,
        groups: vec![run_in],
    }];
    report::runin::render(&competitions, format)
}

#[test]
fn run_in_escapes_the_name_in_every_format() {
    let text = run_in(report::runin::Format::Text);
    no_injected_line(&text);
    assert!(text.contains(EVIL_PLAIN), "{text}");
    let markdown = run_in(report::runin::Format::Markdown);
    no_injected_line(&markdown);
    let escaped = "Evil \\| }} {{ \\[\\[x\\]\\] &lt;b>&amp;amp; \"q\"<br>::error file=x::pwned";
    assert!(markdown.contains(&format!("| {escaped} |")), "{markdown}");
    assert!(
        markdown.contains("## Hostile Cup · Group \\| 1\n"),
        "{markdown}"
    );
    // Every row has the header's cell separators: seven columns, eight separators.
    let separators = |l: &str| l.replace("\\|", "").matches('|').count();
    let rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| separators(r) == 8), "{markdown}");
    let json: serde_json::Value =
        serde_json::from_str(&run_in(report::runin::Format::Json)).expect("JSON");
    let teams = &json["competitions"][0]["groups"][0]["teams"];
    assert!(
        teams
            .as_array()
            .expect("teams")
            .iter()
            .any(|t| t["team"] == EVIL),
        "{json}"
    );
}
