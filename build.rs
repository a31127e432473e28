//! Compiles every rule file of `rules/` into the binary: writes `$OUT_DIR/bundled_rules.rs`, a
//! list of `Bundled { name, text }` for `src/rules/library.rs`, the name being the file's stem. A new file
//! in `rules/` joins the list at the next build.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("rules");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the rules/ folder")
        .map(|e| e.expect("an entry of rules/").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a UTF-8 name");
            (stem.to_string(), p.display().to_string())
        })
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for (name, path) in &files {
        out += &format!("    Bundled {{ name: {name:?}, text: include_str!({path:?}) }},\n");
    }
    out += "]\n";
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("set by cargo")).join("bundled_rules.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
