//! `scripts/bench.sh` fails loudly when it cannot run its subject: a benchmark that times a
//! missing binary and reports a speed-up is worse than none.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use pretty_assertions::assert_eq;
use tempfile::TempDir;

/// Runs the script with `cargo` replaced by a shell script whose body is `body`.
fn bench_with_cargo(body: &str) -> (Option<i32>, String, String) {
    let bin = TempDir::new().unwrap();
    let cargo = bin.path().join("cargo");
    fs::write(&cargo, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench.sh"))
        .env("PATH", path)
        .output()
        .expect("bash runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether `python3` runs (the script reads cargo's JSON with it).
fn python3() -> bool {
    let found = Command::new("python3").arg("--version").output().is_ok();
    if !found {
        eprintln!("python3 is not installed: skipping, as bench.sh cannot run without it");
    }
    found
}

#[test]
fn a_build_that_makes_no_binary_stops_the_script() {
    if !python3() {
        return;
    }
    let (code, stdout, stderr) = bench_with_cargo("exit 0");
    assert_eq!(
        (code, stdout, stderr),
        (
            Some(1),
            String::new(),
            "bench.sh: cargo built no standings binary\n".to_string()
        )
    );
}

#[test]
fn a_failed_build_stops_the_script() {
    let (code, stdout, stderr) = bench_with_cargo("exit 101");
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert!(
        stderr.ends_with("bench.sh: cargo build --release failed\n"),
        "{stderr}"
    );
}
