//! A group's history (`standings history`): places after each step worked out by hand on a
//! small invented group, every text format's output on it, and the SVG bump chart rendered to
//! pixels (`resvg`) and looked at.

mod common;

use pretty_assertions::assert_eq;
use standings::compute::history::{self, History, Place, TeamLine};
use standings::diagnostic::Source;
use standings::model::Group;
use standings::read::data;
use standings::report::history as report;
use standings::rules::RuleSet;

fn rules(chain: &str) -> RuleSet {
    let text = format!(
        "name = \"test\"\n[points]\nwin = 3\ndraw = 1\nloss = 0\n[tiebreak]\norder = [{chain}]\n\
         [qualification]\nadvance = 1\n"
    );
    RuleSet::parse(&Source::new("test-rules.toml", text)).unwrap()
}

/// Four teams, three rounds of two matches, in round order:
///
/// - round 1: A 0–1 B, C 2–2 D
/// - round 2: A 3–0 C, B 0–0 D
/// - round 3: A 1–0 D, B 0–2 C
fn group(teams: &[&str]) -> Group {
    let [a, b, c, d] = [teams[0], teams[1], teams[2], teams[3]];
    let text = format!(
        "competition = \"Test Cup\"\n[[group]]\nname = \"Group 1\"\n\
         teams = [\"{a}\", \"{b}\", \"{c}\", \"{d}\"]\n\
         matches = [\"{a} 0–1 {b}\", \"{c} 2–2 {d}\", \"{a} 3–0 {c}\", \"{b} 0–0 {d}\", \
         \"{a} 1–0 {d}\", \"{b} 0–2 {c}\"]\n"
    );
    let competition = data::parse(&Source::new("test-data.toml", text)).unwrap();
    competition.groups[0].clone()
}

/// The group as it stood after each step: the first `ends[i]` matches, labelled.
fn steps(group: &Group, ends: &[(&str, usize)]) -> Vec<(String, Group)> {
    ends.iter()
        .map(|&(label, end)| {
            let mut g = group.clone();
            g.matches.truncate(end);
            (label.to_string(), g)
        })
        .collect()
}

const ROUNDS: [(&str, usize); 3] = [("Matchday 1", 2), ("Matchday 2", 4), ("Matchday 3", 6)];

fn at(position: usize) -> Option<Place> {
    Some(Place {
        position,
        shared: false,
    })
}

fn shared(position: usize) -> Option<Place> {
    Some(Place {
        position,
        shared: true,
    })
}

fn line(team: &str, places: &[Option<Place>]) -> TeamLine {
    TeamLine {
        team: team.to_string(),
        places: places.to_vec(),
    }
}

fn by_rounds(teams: &[&str], chain: &str) -> History {
    let rules = rules(chain);
    let g = group(teams);
    history::compute(
        "Test Cup",
        "Group 1",
        rules.groups.as_ref().unwrap(),
        steps(&g, &ROUNDS),
    )
}

/// Under points, goal difference, goals scored:
///
/// - after round 1: B 3 pts; C and D 1 pt each, 0 difference, 2 scored each: level on every
///   criterion, both 2=; A 0 pts, 4th.
/// - after round 2: A 3 pts (0–1, 3–0: +2), B 4 (1–0, 0–0: +1), C 1 (2–2, 0–3: −3),
///   D 2 (2–2, 0–0: 0): B 1, A 2, D 3, C 4.
/// - after round 3: A 6 (+1–0: +3), B 4 (+0–2: 1 for, 2 against, −1), C 4 (+2–0: 4 for,
///   5 against, −1), D 2 (+0–1: −1): A 1; B and C on 4 and −1, C ahead on goals scored
///   (4 against 1), 2; B 3; D 4.
///
/// Final order A, C, B, D.
fn expected() -> History {
    History {
        input: 0,
        competition: "Test Cup".into(),
        group: "Group 1".into(),
        steps: vec![
            "Matchday 1".into(),
            "Matchday 2".into(),
            "Matchday 3".into(),
        ],
        teams: vec![
            line("A", &[at(4), at(2), at(1)]),
            line("C", &[shared(2), at(4), at(2)]),
            line("B", &[at(1), at(1), at(3)]),
            line("D", &[shared(2), at(3), at(4)]),
        ],
    }
}

const CHAIN: &str = r#""points", "goal_difference", "goals_for""#;

#[test]
fn places_after_each_round_are_the_tables_of_the_matches_played_by_then() {
    assert_eq!(by_rounds(&["A", "B", "C", "D"], CHAIN), expected());
}

#[test]
fn a_team_without_a_match_yet_has_no_place() {
    // After A 0–1 B alone: B 3 points, 1st; C and D have not played (they would be 2= on 0
    // points and 0 difference, but the place is theirs only by default); A 0 points, −1, 4th.
    // After both matches of round 1, every team has a place (as in `expected`).
    let rules = rules(CHAIN);
    let g = group(&["A", "B", "C", "D"]);
    let h = history::compute(
        "Test Cup",
        "Group 1",
        rules.groups.as_ref().unwrap(),
        steps(&g, &[("2024-08-10", 1), ("2024-08-11", 2)]),
    );
    // Final order after the second step: B 1; C, D 2=; A 4.
    assert_eq!(
        h.teams,
        vec![
            line("B", &[at(1), at(1)]),
            line("C", &[None, shared(2)]),
            line("D", &[None, shared(2)]),
            line("A", &[at(4), at(4)]),
        ]
    );
}

#[test]
fn a_criterion_without_its_data_ends_the_chain_and_the_teams_share_the_place() {
    // The chain ends with the coefficient, which the group does not record: after round 1, C
    // and D (level on points, difference and goals) reach it, and share 2nd rather than fail;
    // no later tie reaches it, so the places are those of `expected`.
    let h = by_rounds(
        &["A", "B", "C", "D"],
        r#""points", "goal_difference", "goals_for", "coefficient""#,
    );
    assert_eq!(h, expected());
}

#[test]
fn csv_has_a_row_per_team_and_step_in_final_order() {
    let csv = (report::csv::FORMAT.render)(&[expected()]);
    assert_eq!(
        csv,
        "competition,group,step,label,team,position,shared\n\
         Test Cup,Group 1,1,Matchday 1,A,4,false\n\
         Test Cup,Group 1,1,Matchday 1,C,2,true\n\
         Test Cup,Group 1,1,Matchday 1,B,1,false\n\
         Test Cup,Group 1,1,Matchday 1,D,2,true\n\
         Test Cup,Group 1,2,Matchday 2,A,2,false\n\
         Test Cup,Group 1,2,Matchday 2,C,4,false\n\
         Test Cup,Group 1,2,Matchday 2,B,1,false\n\
         Test Cup,Group 1,2,Matchday 2,D,3,false\n\
         Test Cup,Group 1,3,Matchday 3,A,1,false\n\
         Test Cup,Group 1,3,Matchday 3,C,2,false\n\
         Test Cup,Group 1,3,Matchday 3,B,3,false\n\
         Test Cup,Group 1,3,Matchday 3,D,4,false\n"
    );
}

#[test]
fn csv_leaves_the_position_of_a_team_without_a_place_empty() {
    let mut h = expected();
    h.teams[0].places[0] = None;
    let csv = (report::csv::FORMAT.render)(&[h]);
    assert_eq!(
        csv.lines().nth(1),
        Some("Test Cup,Group 1,1,Matchday 1,A,,false")
    );
}

#[test]
fn json_has_its_version_and_each_teams_places() {
    let mut h = expected();
    h.teams[3].places[0] = None;
    let json: serde_json::Value =
        serde_json::from_str(&(report::json::FORMAT.render)(&[h])).unwrap();
    let place = |p: usize, s: bool| serde_json::json!({"position": p, "shared": s});
    assert_eq!(
        json,
        serde_json::json!({
            "version": 1,
            "competitions": [{
                "competition": "Test Cup",
                "groups": [{
                    "name": "Group 1",
                    "steps": ["Matchday 1", "Matchday 2", "Matchday 3"],
                    "teams": [
                        {"team": "A", "places": [place(4, false), place(2, false), place(1, false)]},
                        {"team": "C", "places": [place(2, true), place(4, false), place(2, false)]},
                        {"team": "B", "places": [place(1, false), place(1, false), place(3, false)]},
                        {"team": "D", "places": [null, place(3, false), place(4, false)]},
                    ],
                }],
            }],
        })
    );
}

#[test]
fn text_is_a_grid_of_places() {
    let mut h = expected();
    h.teams[3].places[0] = None;
    assert_eq!(
        (report::text::FORMAT.render)(&[h]),
        "Test Cup · Group 1\n\
         Team   1  2  3\n\
         A      4  2  1\n\
         C     2=  4  2\n\
         B      1  1  3\n\
         D      -  3  4\n  \
         steps: 1 Matchday 1 · 2 Matchday 2 · 3 Matchday 3\n"
    );
}

/// The SVG rasterised (without fonts: text is not drawn, so what is seen is the lines and
/// dots alone), as RGBA rows.
fn pixels(svg: &str) -> resvg::tiny_skia::Pixmap {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// Every pixel of exactly this colour, as (x, y).
fn of_colour(pixmap: &resvg::tiny_skia::Pixmap, (r, g, b): (u8, u8, u8)) -> Vec<(u32, u32)> {
    let width = pixmap.width();
    pixmap
        .pixels()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.alpha() == 255 && (p.red(), p.green(), p.blue()) == (r, g, b))
        .map(|(i, _)| (i as u32 % width, i as u32 / width))
        .collect()
}

#[test]
fn the_bump_chart_draws_a_line_per_team_ending_at_its_final_place() {
    let svg = (report::svg::FORMAT.render)(&[expected()]);
    let pixmap = pixels(&svg);
    let total = pixmap.pixels().len();
    let background = pixmap
        .pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue(), p.alpha()) == (255, 255, 255, 255))
        .count();
    // Not blank: a fair share of the image is drawn on (four thick lines, their dots, the axes).
    assert!(
        total - background > total / 100,
        "{background} of {total} pixels are background"
    );
    // Each team's line is in its own colour, and a line's right end (its last dot) sits at its
    // final place: the team finishing 1st ends highest, the 4th lowest.
    let mut ends = Vec::new();
    for row in 0..4 {
        let drawn = of_colour(&pixmap, report::svg::COLOURS[row]);
        assert!(
            drawn.len() > 200,
            "team {row}'s colour: {} pixels",
            drawn.len()
        );
        let right = drawn.iter().map(|p| p.0).max().unwrap();
        let end: Vec<u32> = drawn
            .iter()
            .filter(|p| p.0 + 4 >= right)
            .map(|p| p.1)
            .collect();
        ends.push(end.iter().sum::<u32>() / end.len() as u32);
    }
    assert!(
        ends.windows(2).all(|w| w[0] < w[1]),
        "the lines' ends from the top: {ends:?}"
    );
    // A (1st) was 4th after round 1: its line starts lowest of all, at D's final height.
    let a_start = {
        let drawn = of_colour(&pixmap, report::svg::COLOURS[0]);
        let left = drawn.iter().map(|p| p.0).min().unwrap();
        let start: Vec<u32> = drawn
            .iter()
            .filter(|p| p.0 <= left + 4)
            .map(|p| p.1)
            .collect();
        start.iter().sum::<u32>() / start.len() as u32
    };
    assert!(
        a_start.abs_diff(ends[3]) <= 2,
        "A starts at {a_start}, D ends at {}",
        ends[3]
    );
}

#[test]
fn the_bump_chart_escapes_names() {
    let mut h = expected();
    h.teams[0].team = "<script>&\"".into();
    h.group = "</svg><g>".into();
    let svg = (report::svg::FORMAT.render)(&[h]);
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(!svg.contains("</svg><g>"));
    assert!(svg.contains("&lt;script&gt;&amp;&quot;"));
    assert!(svg.contains("&lt;/svg&gt;&lt;g&gt;"));
    // Still one well-formed image.
    pixels(&svg);
}

#[test]
fn the_bump_chart_stays_bounded_for_a_long_season_of_many_teams() {
    // 24 teams over 38 rounds: every team's place is its row, the last steps shared by two.
    let teams: Vec<TeamLine> = (0..24)
        .map(|i| TeamLine {
            team: format!("A club with a very long name indeed, number {i}"),
            places: (0..38).map(|_| at(i + 1)).collect(),
        })
        .collect();
    let h = History {
        input: 0,
        competition: "League".into(),
        group: "Division".into(),
        steps: (1..=38).map(|i| format!("Matchday {i}")).collect(),
        teams,
    };
    let svg = (report::svg::FORMAT.render)(&[h]);
    let pixmap = pixels(&svg);
    assert!(pixmap.width() <= 1600 && pixmap.height() <= 800);
    // Names are cut to 28 characters.
    assert!(svg.contains("A club with a very long nam…"));
    assert!(!svg.contains("indeed"));
    // Every colour of the palette is seen.
    for colour in report::svg::COLOURS {
        assert!(!of_colour(&pixmap, colour).is_empty(), "{colour:?}");
    }
}

#[test]
fn the_command_writes_the_chart_to_its_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("league.svg");
    let run = assert_cmd::Command::cargo_bin("standings")
        .unwrap()
        .args([
            "history",
            "tests/fixtures/as_of/league.toml",
            "--format",
            "svg",
            "--output",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(run.stdout.is_empty());
    // Final order North, South, West, East (tests/cmd/history/rounds.toml): four coloured lines.
    let svg = std::fs::read_to_string(&out).unwrap();
    let pixmap = pixels(&svg);
    for row in 0..4 {
        assert!(of_colour(&pixmap, report::svg::COLOURS[row]).len() > 200);
    }
    assert!(svg.contains(">\nNorth\n</text>"), "{svg}");
}

#[test]
fn two_inputs_of_one_competition_are_two_competitions_in_json() {
    // The same file twice: the same competition's name, but each input its own.
    let league = "tests/fixtures/as_of/league.toml";
    let run = common::standings(&["history", league, league, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let competitions = json["competitions"].as_array().unwrap();
    assert_eq!(competitions.len(), 2);
    for c in competitions {
        assert_eq!(c["competition"], "Compass League");
        assert_eq!(c["groups"].as_array().unwrap().len(), 1);
    }
}
