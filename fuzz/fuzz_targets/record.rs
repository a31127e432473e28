#![no_main]
//! The project's record applied to a document: any bytes as the record's data file, applied to
//! a small document that misnames a team and leaves a tie for the lots. Either the record
//! applies (then the competition is computed, checked, rendered, and written back as a data
//! file that must read back the same) or it is refused with a located message.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::read::{data, document, record};
use std::path::Path;

const DOCUMENT: &str = "= Test Cup =

===Group 1===
| Team #1 | Team #2 | Results |
| Alpha | Betta | 1–1 |
| Gamma | Delta | 1–0 |
| Gamma | Alpha | 0–2 |
| Delta | Betta | 0–3 to forfeit |
| Alpha | Delta | 2–0 |
| Betta | Gamma | 2–0 |
";

fuzz_target!(|bytes: &[u8]| {
    let rules = standings_fuzz::coppa_rules();
    let Ok(source) = Source::from_bytes(Path::new("record.toml"), bytes.to_vec()) else {
        return;
    };
    let Ok(record_competition) = data::parse(&source) else {
        return;
    };
    let doc = Source::new("test-cup.txt", DOCUMENT);
    let mut competition = document::parse(&doc).expect("the fixed document reads");
    match record::apply(&mut competition, &record_competition) {
        Ok(_) => {
            standings_fuzz::exercise(&competition, &rules);
            let text = data::write(&competition, "fuzz", None);
            let back = data::parse(&Source::new("back.toml", text.clone()))
                .unwrap_or_else(|d| panic!("the written file does not read back: {d}\n{text}"));
            assert_eq!(back, competition);
        }
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
