#![no_main]
//! Season summaries: any bytes either read as a competition (then computed, checked, rendered
//! and written back as a data file that must read back the same) or give a located message.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::{data, document};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::coppa_rules();
    let source = match Source::from_bytes(Path::new("fuzz.txt"), bytes.to_vec()) {
        Ok(s) => s,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    match document::parse(&source) {
        Ok(competition) => {
            standings_fuzz::exercise(&competition, &rules);
            // What import writes must read back as the same competition, or not at all: a team
            // name holding match notation (" 2–1 ") cannot be written, and `import` refuses
            // such a summary (E310) rather than write it; it must never read back as another.
            let text = data::write(&competition, "fuzz", None);
            if let Ok(back) = data::parse(&Source::new("back.toml", text)) {
                assert_eq!(back, competition);
            }
        }
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
