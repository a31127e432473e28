#!/usr/bin/env bash
# Fuzz every reader and the rule values: scripts/fuzz.sh SECONDS [TARGET...]
#
# Builds the targets in fuzz/ (cargo-fuzz on the stable toolchain, with RUSTC_BOOTSTRAP=1 for
# the sanitizer flags) optimised, with debug assertions and overflow checks on
# (`--debug-assertions`: an integer overflow panics, so it is found, not wrapped), seeds each corpus
# from the bundled files, runs each target for SECONDS,
# and prints how many inputs each ran. A crash stops its target and leaves the input in
# fuzz/artifacts/TARGET/; turn it into a regression test (tests/bad_input.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: scripts/fuzz.sh SECONDS [rule_file|data_file|document|csv|json|record|rule_values ...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rule_file data_file document csv json record rule_values)

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1

seed() {
  local dir=fuzz/corpus/$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$f")"; done
}
seed rule_file rules/*.toml
seed data_file data/*.toml
seed document ../shared/seeds/*.txt
seed csv tests/fixtures/*.csv
seed json tests/fixtures/*.json
seed record data/coppa-italia-2003-04.toml fuzz/seeds/record.toml
seed rule_values # structured input (`arbitrary`): no seed files

(cd fuzz && cargo fuzz build -O --debug-assertions) >fuzz/build.log 2>&1 || { cat fuzz/build.log; exit 1; }

status=0
for t in "${targets[@]}"; do
  log=fuzz/$t.log
  if (cd fuzz && cargo fuzz run -O --debug-assertions "$t" "corpus/$t" -- -max_total_time="$seconds" -print_final_stats=1) >"$log" 2>&1; then
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
    echo "$t: $runs runs in ${seconds}s, no crash"
  else
    echo "$t: CRASH (see $log and fuzz/artifacts/$t/)"
    status=1
  fi
done
exit $status
