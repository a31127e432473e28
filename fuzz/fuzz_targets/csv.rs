#![no_main]
//! football-data CSV: any bytes either read as a season (then computed, checked, rendered) or
//! give a located message.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::football_data;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::league_rules();
    let Ok(source) = Source::from_bytes(Path::new("fuzz.csv"), bytes.to_vec()) else {
        return;
    };
    match football_data::parse(&source) {
        Ok((competition, _)) => standings_fuzz::exercise(&competition, &rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
