//! Transcript tests: today's command-line behaviour, pinned. Each `tests/cmd/<folder>/<case>.toml`
//! holds a command's arguments, its exit code and its full standard output and error (large
//! outputs in a `<case>.stdout` file beside it; fixture files in `<case>.in/`, which is then the
//! working directory; otherwise `fs.cwd` makes it the repository root, with `../shared` beside).
//! The glob is one folder deep (`*/*.toml`, not `**`) so that the data and rule files in the
//! `<case>.in/` fixture folders are not taken for cases. Output holding backslashes (the man
//! page, the schemas) is compared with `binary = true` and `.stdout`/`.stderr` files: as text,
//! trycmd turns every backslash into a slash. See docs/errors.md#transcripts.
//!
//! To regenerate after an intended change:
//!
//! ```text
//! TRYCMD=overwrite cargo test --test cli
//! ```
//!
//! and review every regenerated diff (`git diff tests/cmd`) before committing: each one is a
//! change users will see.
//!
//! Not here: the 100 MB input refused without being read whole (docs/errors.md, "larger than
//! 32 MiB"), which would need a 100 MB fixture; `tests/bad_input.rs` tests it on a sparse file.

#[test]
fn cli() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*/*.toml");
}
