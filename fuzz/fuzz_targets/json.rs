#![no_main]
//! football.json: any bytes either read as a competition (then computed, checked, rendered) or
//! give a located message.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::openfootball;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::league_rules();
    let Ok(source) = Source::from_bytes(Path::new("fuzz.json"), bytes.to_vec()) else {
        return;
    };
    match openfootball::parse(&source) {
        Ok(parsed) => standings_fuzz::exercise(&parsed.competition, &rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
