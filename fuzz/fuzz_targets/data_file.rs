#![no_main]
//! Data files: any bytes either load (and then compute, check and render) or give a located
//! message. Read under the 2003–04 Coppa Italia rules, which use every group feature.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::data;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::coppa_rules();
    let source = match Source::from_bytes(Path::new("fuzz.toml"), bytes.to_vec()) {
        Ok(s) => s,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    match data::parse(&source) {
        Ok(competition) => standings_fuzz::exercise(&competition, &rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
