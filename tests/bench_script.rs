//! `scripts/bench.sh` fails loudly when it cannot run its subject: a benchmark that times a
//! missing binary and reports a speed-up is worse than none. Its sections can be run alone
//! (`--only`); the scenarios section is run here against a stand-in `cargo` and `standings`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use pretty_assertions::assert_eq;
use rstest::rstest;
use tempfile::TempDir;

/// Writes an executable shell script with body `body` at `path`.
fn script(path: &Path, body: &str) {
    fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// Runs the script with `cargo` replaced by a shell script whose body is `body`.
fn bench_with_cargo(body: &str) -> (Option<i32>, String, String) {
    bench(body, &[], &[])
}

/// Runs the script with arguments `args` and environment `env`, `cargo` replaced by a shell
/// script whose body is `cargo` (`$FAKE` is the folder it is in).
fn bench(cargo: &str, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let bin = TempDir::new().unwrap();
    script(&bin.path().join("cargo"), cargo);
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench.sh"))
        .args(args)
        .envs(env.iter().copied())
        .env("FAKE", bin.path())
        .env("PATH", path)
        .output()
        .expect("bash runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A `cargo` whose `build` reports `$FAKE/standings`, a shell script with body `standings`,
/// and whose `bench` runs the shell commands `bench`.
fn fake_cargo(standings: &str, bench: &str) -> String {
    format!(
        r#"case $1 in
  build)
    printf '#!/bin/sh\n%s\n' '{standings}' >"$FAKE/standings"
    chmod +x "$FAKE/standings"
    printf '{{"reason":"compiler-artifact","executable":"%s"}}\n' "$FAKE/standings" ;;
  bench) {bench} ;;
  *) exit 101 ;;
esac"#
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

/// The sections `--only` names, as the script lists them.
const SECTIONS: &str = "csv level-group run-in scenarios simulate start-up";

#[rstest]
#[case::misspelt(&["--only", "run-in,scenario"], "unknown section \"scenario\" in --only")]
#[case::an_empty_name(&["--only=run-in,,scenarios"], "unknown section \"\" in --only")]
#[case::empty(&["--only="], "--only needs a section")]
#[case::missing(&["--only"], "--only needs a section")]
fn a_wrong_section_stops_the_script_before_anything_is_built(
    #[case] args: &[&str],
    #[case] message: &str,
) {
    let (code, stdout, stderr) = bench("exit 101", args, &[]);
    assert_eq!(
        (code, stdout, stderr),
        (
            Some(1),
            String::new(),
            format!(
                "bench.sh: {message}; expected one or more of {SECTIONS}, separated by commas\n"
            )
        )
    );
}

/// Every section is described by `--help` and accepted by `--only`, alone or in a list (the
/// script goes on to the build, which fails here).
#[rstest]
fn every_section_is_described_and_can_be_chosen(
    #[values("csv", "level-group", "run-in", "scenarios", "simulate", "start-up")] section: &str,
) {
    assert!(SECTIONS.split(' ').any(|s| s == section));
    let (code, help, _) = bench("exit 101", &["--help"], &[]);
    assert_eq!(code, Some(0));
    assert!(
        help.lines()
            .any(|l| l.starts_with(&format!("  {section} "))),
        "--help does not describe {section}:\n{help}"
    );
    for args in [
        vec!["--only".to_string(), section.to_string()],
        vec![format!("--only=start-up,{section}")],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = bench("exit 101", &args, &[]);
        assert_eq!((code, stdout.as_str()), (Some(1), ""), "{args:?}");
        assert!(
            stderr.ends_with("bench.sh: cargo build --release failed\n"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_failed_criterion_benchmark_stops_the_scenarios() {
    if !python3() {
        return;
    }
    let cargo = fake_cargo("exit 0", "echo 'no such bench' >&2; exit 101");
    let (code, stdout, stderr) = bench(&cargo, &["--only", "scenarios"], &[]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(
        stderr.ends_with(
            "bench.sh: cargo bench --bench engine -- \"scenarios/EURO 2024\" failed or printed no result:\nno such bench\n"
        ),
        "{stderr}"
    );
}

#[test]
fn scenarios_that_are_not_one_group_of_four_are_not_timed() {
    if !python3() {
        return;
    }
    // A `standings scenarios` that succeeds and prints a group of three teams.
    let standings = r#"echo "{\"version\": 1, \"groups\": [{\"teams\": [1, 2, 3]}]}""#;
    let (code, stdout, stderr) = bench(
        &fake_cargo(standings, "exit 101"),
        &["--only=scenarios"],
        &[("BENCH_CRITERION", "0")],
    );
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(
        stderr.ends_with(
            "/standings scenarios tests/fixtures/euro-2024-group-a-last-round.toml --format json printed no scenarios of one 4-team group\n"
        ),
        "{stderr}"
    );
}

#[test]
fn the_scenarios_section_prints_its_figures_beside_their_targets() {
    if !python3() {
        return;
    }
    let standings = r#"echo "{\"version\": 1, \"groups\": [{\"teams\": [1, 2, 3, 4]}]}""#;
    // criterion's bencher lines: 2.5 ms for EURO's group, 12 ms for the goal-difference gap.
    let criterion = r#"case "$*" in
    *EURO*) echo 'test scenarios/EURO 2024 Group A, last round ... bench:     2,500,000 ns/iter (+/- 1,000)' ;;
    *) echo 'test scenarios/4-team group, goal-difference gap of 8 ... bench:    12,000,000 ns/iter (+/- 1,000)' ;;
  esac"#;
    let (code, stdout, stderr) = bench(
        &fake_cargo(standings, criterion),
        &["--only", "scenarios"],
        &[],
    );
    assert_eq!(code, Some(0), "{stderr}");
    // Columns are separated by two spaces or more.
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("figure "))
        .skip(1)
        .take_while(|l| !l.starts_with("ratio: "))
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    // Only the section asked for: three rows, no realistic CSV.
    assert!(!stdout.contains("realistic CSV"), "{stdout}");
    assert_eq!(rows.len(), 3, "{stdout}");
    // 2,500,000 ns = 2.500 ms < 10 ms; 12,000,000 ns = 12.000 ms ≥ 10 ms.
    assert_eq!(
        rows[..2],
        [
            vec![
                "scenarios, EURO 2024 Group A: analysis (criterion)",
                "2.500 ms",
                "< 10 ms",
                "met"
            ],
            vec![
                "scenarios, 4 teams, GD gap of 8: analysis (criterion)",
                "12.000 ms",
                "< 10 ms",
                "not met"
            ],
        ]
    );
    // The whole process is the stand-in's, timed by hyperfine or by the script's own loop.
    let whole = &rows[2];
    assert!(
        whole[0].starts_with("scenarios, EURO 2024 Group A: whole process ("),
        "{whole:?}"
    );
    assert!(
        whole.len() == 4 && whole[1].ends_with(" ms") && whole[2] == "< 10 ms",
        "{whole:?}"
    );
}
