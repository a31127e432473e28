#![no_main]
//! Rule files: any bytes either load as a rule set or give a located message.

use libfuzzer_sys::fuzz_target;
use standings::diagnostic::Source;
use standings::rules::RuleSet;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let source = match Source::from_bytes(Path::new("fuzz.toml"), bytes.to_vec()) {
        Ok(s) => s,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    match RuleSet::parse(&source) {
        Ok(rules) => standings_fuzz::exercise_rules(&rules),
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
