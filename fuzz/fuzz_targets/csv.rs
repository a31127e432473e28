#![no_main]
//! football-data CSV: any bytes either read as a season (then computed, checked, rendered) or
//! give a located message; and the fast reading (plain split, rows of the usual kind) gives
//! the same groups as the full one whenever both read the file.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::football_data;
use standings::read::results::Spans;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::league_rules();
    let Ok(source) = Source::from_bytes(Path::new("fuzz.csv"), bytes.to_vec()) else {
        return;
    };
    if let (Ok(fast), Ok(full)) = (
        football_data::parse_once(&source, Spans::Skip, true),
        football_data::parse_once(&source, Spans::Keep, true),
    ) {
        assert_eq!(fast.1, full.1, "unplayed fixtures");
        assert_eq!(fast.0.groups, full.0.groups, "the two readings differ");
    }
    match football_data::parse(&source, Spans::Skip) {
        Ok((competition, _)) => standings_fuzz::exercise(&competition, &rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
