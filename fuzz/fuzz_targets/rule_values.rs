#![no_main]
//! Rule values: a rule file made of arbitrary values (points, forfeit score and deduction,
//! head-to-head options, a tiebreak order from the registry, advance, meetings, card points) and
//! a small group of results under it, read and computed as the binary does. The rule file is
//! well-formed TOML, so the fuzzer spends its time on the values: each either loads and the
//! group computes, checks and renders in every format, or gives a located message. Nothing may
//! panic (the targets build with overflow checks on, so no sum may wrap either).

use std::fmt::Write;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::data;
use standings::rules::RuleSet;

/// A number as a rule file may write it.
#[derive(Arbitrary, Debug)]
enum Num {
    /// A small integer: the usual point values.
    Small(i8),
    /// Any integer.
    Int(i64),
    /// Near the bound on decimals (10⁹), either way.
    NearBound(i8),
    /// A TOML float.
    Float(f64),
    /// A decimal string of up to 39 places ("-0.000123"): beyond 28 must be refused.
    Places { mantissa: i128, places: u8 },
}

impl Num {
    fn toml(&self) -> String {
        match self {
            Num::Small(n) => n.to_string(),
            Num::Int(n) => n.to_string(),
            Num::NearBound(d) => (1_000_000_000 + i64::from(*d)).to_string(),
            Num::Float(f) if f.is_nan() => "nan".into(),
            Num::Float(f) if f.is_infinite() => (if *f > 0.0 { "inf" } else { "-inf" }).into(),
            // `{:?}` is a valid TOML float for a finite f64 ("1.0", "1e-30").
            Num::Float(f) => format!("{f:?}"),
            Num::Places { mantissa, places } => {
                let places = usize::from(places % 40);
                let digits = mantissa.unsigned_abs().to_string();
                let digits = format!("{digits:0>width$}", width = places + 1);
                let (whole, fraction) = digits.split_at(digits.len() - places);
                let sign = if *mantissa < 0 { "-" } else { "" };
                if places == 0 {
                    format!("\"{sign}{whole}\"")
                } else {
                    format!("\"{sign}{whole}.{fraction}\"")
                }
            }
        }
    }
}

/// A count: usually small, sometimes anything a `u32` holds.
#[derive(Arbitrary, Debug)]
enum Count {
    Small(u8),
    Any(u32),
}

impl Count {
    fn toml(&self) -> String {
        match self {
            Count::Small(n) => n.to_string(),
            Count::Any(n) => n.to_string(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Result {
    Played(u16, u16),
    HomeForfeits,
    AwayForfeits,
    BothForfeit,
}

#[derive(Arbitrary, Debug)]
struct Input {
    win: Num,
    draw: Num,
    loss: Num,
    forfeit_score: Option<Vec<Count>>,
    deduction: Option<Num>,
    goals_count: bool,
    reapply: bool,
    deductions_count: bool,
    /// Indices into the criteria registry.
    order: Vec<u8>,
    advance: Count,
    meetings: Option<Count>,
    fair_play: Option<[Num; 4]>,
    /// Teams in the group: 2 to 6.
    teams: u8,
    /// (home, away, result); team indices are taken modulo the group's size.
    results: Vec<(u8, u8, Result)>,
    cards: Vec<(u8, [u8; 4])>,
    coefficients: Vec<(u8, Num)>,
}

fn rule_file(input: &Input) -> String {
    let keys: Vec<&str> = standings::criteria::keys().collect();
    let order: Vec<String> = input
        .order
        .iter()
        .map(|i| format!("\"{}\"", keys[usize::from(*i) % keys.len()]))
        .collect();
    let mut t = String::from("name = \"fuzz\"\n");
    let _ = write!(
        t,
        "[points]\nwin = {}\ndraw = {}\nloss = {}\n",
        input.win.toml(),
        input.draw.toml(),
        input.loss.toml()
    );
    t += "[forfeit]\n";
    if let Some(score) = &input.forfeit_score {
        let numbers: Vec<String> = score.iter().map(Count::toml).collect();
        let _ = writeln!(t, "score = [{}]", numbers.join(", "));
    }
    if let Some(d) = &input.deduction {
        let _ = writeln!(t, "deduction = {}", d.toml());
    }
    let _ = writeln!(t, "goals_count = {}", input.goals_count);
    let _ = write!(
        t,
        "[head_to_head]\nreapply = {}\ndeductions_count = {}\n",
        input.reapply, input.deductions_count
    );
    let _ = write!(t, "[tiebreak]\norder = [{}]\n", order.join(", "));
    let _ = write!(t, "[qualification]\nadvance = {}\n", input.advance.toml());
    if let Some(m) = &input.meetings {
        let _ = write!(t, "[group]\nmeetings = {}\n", m.toml());
    }
    if let Some([y, ir, dr, ydr]) = &input.fair_play {
        let _ = write!(
            t,
            "[fair_play]\nyellow = {}\nindirect_red = {}\ndirect_red = {}\nyellow_direct_red = {}\n",
            y.toml(),
            ir.toml(),
            dr.toml(),
            ydr.toml()
        );
    }
    t
}

fn data_file(input: &Input) -> String {
    let n = usize::from(input.teams % 5 + 2);
    let team = |i: u8| format!("T{}", usize::from(i) % n);
    let teams: Vec<String> = (0..n).map(|i| format!("\"T{i}\"")).collect();
    let matches: Vec<String> = input
        .results
        .iter()
        .take(40)
        .map(|(h, a, r)| {
            let (h, a) = (team(*h), team(*a));
            match r {
                // Goals up to 1,199: beyond 999 is a located error.
                Result::Played(x, y) => format!("\"{h} {}–{} {a}\"", x % 1200, y % 1200),
                Result::HomeForfeits => format!("\"{h} v {a} (forfeit: {h})\""),
                Result::AwayForfeits => format!("\"{h} v {a} (forfeit: {a})\""),
                Result::BothForfeit => format!("\"{h} v {a} (forfeit: both)\""),
            }
        })
        .collect();
    let mut t = format!(
        "competition = \"fuzz\"\n[[group]]\nname = \"G\"\nteams = [{}]\nmatches = [{}]\n",
        teams.join(", "),
        matches.join(", ")
    );
    if !input.cards.is_empty() {
        t += "[group.cards]\n";
        let mut seen = Vec::new();
        for (i, [y, ir, dr, ydr]) in &input.cards {
            let name = team(*i);
            if !seen.contains(&name) {
                let _ = writeln!(
                    t,
                    "{name} = {{ yellow = {y}, indirect_red = {ir}, direct_red = {dr}, yellow_direct_red = {ydr} }}"
                );
                seen.push(name);
            }
        }
    }
    if !input.coefficients.is_empty() {
        t += "[group.coefficients]\n";
        let mut seen = Vec::new();
        for (i, c) in &input.coefficients {
            let name = team(*i);
            if !seen.contains(&name) {
                let _ = writeln!(t, "{name} = {}", c.toml());
                seen.push(name);
            }
        }
    }
    t
}

fuzz_target!(|input: Input| {
    let rules = match RuleSet::parse(&Source::new("rules.toml", rule_file(&input))) {
        Ok(rules) => rules,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    standings_fuzz::exercise_rules(&rules);
    match data::parse(&Source::new("data.toml", data_file(&input))) {
        Ok(competition) => standings_fuzz::exercise(&competition, &rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
