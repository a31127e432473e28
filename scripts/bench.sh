#!/usr/bin/env bash
# Measures the engine and prints a short table: scripts/bench.sh
#   folding   matches/s for a 1,000,000-match CSV of 20-team leagues (engine, and end to end
#             from the CSV file, against the pandas baseline on the same file)
#   ranking   4-team groups/s with forfeits and head-to-head ties
#   simulate  groups/s, one thread and all threads
#   start-up  wall time of `standings check data/` as a whole process
#
# The binary is the one cargo builds, wherever its target directory is (CARGO_TARGET_DIR,
# .cargo/config.toml): cargo names its path. Anything that cannot run stops the script with a
# message and a non-zero exit, rather than timing a failure.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

die() {
  echo "bench.sh: $*" >&2
  exit 1
}

# The release binary's path, as cargo reports it when building it.
bin=$(cargo build --release --locked --bin standings --message-format json-render-diagnostics |
  python3 -c 'import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")]
print(paths[-1] if paths else "")') || die "cargo build --release failed"
[ -n "$bin" ] || die "cargo built no standings binary"
[ -x "$bin" ] || die "$bin is not an executable file"
"$bin" --version >/dev/null || die "$bin does not run"

out=$(dirname "$bin")/../bench
mkdir -p "$out"
cores=$(nproc)

csv=$out/leagues.csv
[ -f "$csv" ] || python3 scripts/generate_leagues.py 2632 2003 "$csv" || die "cannot generate $csv"
matches=$(($(wc -l <"$csv") - 1))
[ "$matches" -gt 0 ] || die "$csv has no matches"

# Best of three wall times, in seconds.
best() {
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null || die "$* failed (exit $?); nothing to time"
    t1=$(date +%s%N)
    local t=$(((t1 - t0) / 1000))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  awk -v us="$best" 'BEGIN { printf "%.3f", us / 1e6 }'
}

ours=$(best "$bin" table "$csv" --rules rules/premier-league.toml --format csv)
python3 -c "import pandas" 2>/dev/null || pip install -q pandas >/dev/null 2>&1 || true
if python3 -c "import pandas" 2>/dev/null; then
  theirs=$(best python3 scripts/pandas_baseline.py "$csv")
else
  theirs=""
fi

# Start-up: median of 21 runs of the whole process.
startup=$(for _ in $(seq 21); do
  t0=$(date +%s%N)
  "$bin" check data/ >/dev/null || die "$bin check data/ failed (exit $?)"
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
done | sort -n | sed -n 11p)

# Criterion: ns per iteration, turned into rates.
bench=$(cargo bench --locked -q --bench engine -- --output-format bencher | grep '^test ') ||
  die "cargo bench --bench engine failed or printed no results"
rate() { # name elements
  local line
  line=$(echo "$bench" | grep -F "$1") || die "no benchmark named \"$1\" in cargo bench's output"
  echo "$line" | awk -v n="$2" '{ v = $(NF-3); gsub(",", "", v); printf "%.0f", n / (v / 1e9) }'
}
fold=$(rate "fold/" 1000000)
rank=$(rate "rank/" 1000)
sim1=$(rate "simulate/1 thread" 20000)
simall=$(rate "simulate/all threads" 20000)

printf 'standings benchmarks on %s core(s) (%s)\n' "$cores" "$(uname -m)"
printf '%-58s %16s\n' "figure" "value"
printf '%-58s %16s\n' "fold: matches/s, one core, once parsed (1M matches)" "$fold"
printf '%-58s %16s\n' "fold end to end: $matches-match CSV to tables, wall s" "$ours"
if [ -n "$theirs" ]; then
  printf '%-58s %16s\n' "pandas baseline, same CSV, same columns out, wall s" "$theirs"
  printf '%-58s %16s\n' "speed-up over pandas, end to end" "$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1fx", a / b }')"
else
  printf '%-58s %16s\n' "pandas baseline" "pandas missing"
fi
printf '%-58s %16s\n' "rank: 4-team groups/s, one core (forfeits, h2h ties)" "$rank"
printf '%-58s %16s\n' "simulate: groups/s, 1 thread" "$sim1"
printf '%-58s %16s\n' "simulate: groups/s, all $cores threads" "$simall"
printf '%-58s %16s\n' "start-up: standings check data/, median wall ms" "$(awk -v us="$startup" 'BEGIN { printf "%.2f", us / 1000 }')"
