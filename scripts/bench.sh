#!/usr/bin/env bash
# Measures standings against baselines and its own targets, and prints one table:
#
#   scripts/bench.sh [--full] [--only SECTION[,SECTION…]]
#
# Its sections, always in this order: all of them, or those --only names (separated by commas):
#
#   csv            a football-data CSV of 1,000,160 matches (scripts/generate_realistic.py:
#                  real clubs, ~53 bytes a match, a group per division and season) turned into
#                  every table by standings, the minimal single-pass fold
#                  (examples/minimal_fold.rs), pandas, polars and DuckDB (scripts/*_baseline.py),
#                  run alternately (round-robin, BENCH_ROUNDS rounds, default 5): median wall
#                  time and peak memory (/usr/bin/time's maximum resident set), each as a ratio
#                  to standings'
#   (csv) scaling  standings' wall time per match at 100 k, 1 M and, with --full or
#                  BENCH_10M=1, 10 M matches (a 518 MB file, half a minute to write, and a
#                  slower run)
#   level-group    the 2,000-team group all level, neighbours' 1-1 draws, head-to-head re-applied
#                  (scripts/generate_level_group.py): the whole process on the data file and on
#                  the same matches as CSV, and ranking alone (criterion's `level group`)
#   run-in         every team's best and worst final place in a 20-team league with 50 matches
#                  left (criterion's `run-in`; src/runin/)
#   scenarios      a 4-team group's last round (`standings scenarios`; src/scenarios/): EURO 2024
#                  Group A before it (tests/fixtures/euro-2024-group-a-last-round.toml) and a
#                  seeded group with a goal-difference gap of 8 analysed alone (criterion's
#                  `scenarios`), and `standings scenarios FILE --format json` on EURO's as a whole
#                  process: median of 21 runs by hyperfine when installed, else timed here
#   simulate       `standings simulate` under the two Coppa Italia rule sets (2002/03, 2003/04),
#                  groups/s on 1 thread and on all cores
#   start-up       median wall time of 21 runs of `standings check data/`
#
# Targets are printed beside the figures, never asserted: the exit code says only whether
# everything ran. Before anything is timed, every tool's tables are compared with standings'
# (every team's record, and row by row the group and points: the same groups in the same order,
# each ordered by points), so that no tool is timed doing something else.
#
# The binaries are the ones cargo builds, wherever its target directory is (CARGO_TARGET_DIR,
# .cargo/config.toml): cargo names their paths. Generated files go to bench/ in that target
# directory and are reused while newer than their generator. pandas, polars and duckdb are
# installed with pip when python3 cannot import them. Anything that fails stops the script
# with `bench.sh: …` on standard error and exit code 1, rather than timing a failure.
#
# Environment: BENCH_10M=1 (as --full), BENCH_ROUNDS (default 5), BENCH_MATCHES (the realistic
# file's size, default 1000000: a smaller one for a quick run), BENCH_SIM_GROUPS (default
# 1000000), BENCH_CRITERION=0 to skip the criterion benchmarks (built on first use).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

die() {
  echo "bench.sh: $*" >&2
  exit 1
}

full=${BENCH_10M:-0}
sections=(csv level-group run-in scenarios simulate start-up)
unset only
while [ $# -gt 0 ]; do
  case $1 in
    --full) full=1 ;;
    --only=*) only=${1#--only=} ;;
    --only)
      only=${2:-}
      [ $# -lt 2 ] || shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown argument $1; expected --full, --only SECTION[,SECTION…] or --help" ;;
  esac
  shift
done
declare -A chosen
if [ -n "${only+set}" ]; then
  [ -n "$only" ] || die "--only needs a section; expected one or more of ${sections[*]}, separated by commas"
  IFS=, read -ra names <<<"$only"
  for name in "${names[@]}"; do
    [[ " ${sections[*]} " == *" $name "* ]] ||
      die "unknown section \"$name\" in --only; expected one or more of ${sections[*]}, separated by commas"
    chosen[$name]=1
  done
else
  for name in "${sections[@]}"; do
    chosen[$name]=1
  done
fi
rounds=${BENCH_ROUNDS:-5}
matches_wanted=${BENCH_MATCHES:-1000000}
sim_groups=${BENCH_SIM_GROUPS:-1000000}
criterion=${BENCH_CRITERION:-1}
for n in "$rounds" "$matches_wanted" "$sim_groups"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "\"$n\" is not a positive whole number (BENCH_ROUNDS, BENCH_MATCHES, BENCH_SIM_GROUPS)"
done

# The path of the executable ($1, for messages) that cargo reports building with the arguments
# after it.
build() {
  local what=$1 path
  shift
  path=$(cargo build --release --locked "$@" --message-format json-render-diagnostics |
    python3 -c 'import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")]
print(paths[-1] if paths else "")') || die "cargo build --release failed"
  [ -n "$path" ] || die "cargo built no $what"
  [ -x "$path" ] || die "$path is not an executable file"
  echo "$path"
}
bin=$(build "standings binary" --bin standings)
"$bin" --version >/dev/null || die "$bin does not run"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time); it measures peak memory"

out=$(dirname "$bin")/../bench
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d) || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
cores=$(nproc)

# A realistic CSV of about $1 matches, generated unless a copy newer than the generator exists.
realistic() {
  local csv=$out/realistic-$1.csv
  if [ ! -s "$csv" ] || [ scripts/generate_realistic.py -nt "$csv" ]; then
    echo "bench.sh: generating $csv" >&2
    python3 scripts/generate_realistic.py "$1" 2003 "$csv.part" || die "cannot generate $csv"
    mv "$csv.part" "$csv"
  fi
  echo "$csv"
}

# Runs a command once with its output to /dev/null, appending "wall-µs peak-KB" to the file $1.
measure() {
  local samples=$1 t0 t1
  shift
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/stderr" ||
    die "$* failed; nothing to time:
$(grep -v '^Command exited' "$tmp/stderr" | head -c 3000)"
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000)) $(tail -n 1 "$tmp/rss")" >>"$samples"
}

# The median of column $2 of file $1 (the mean of the middle two for an even count).
median() {
  awk -v c="$2" '{ print $c }' "$1" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; m = int((NR + 1) / 2); print (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }' ||
    die "no samples in $1"
}

# Runs a command once, its output kept in file $1; it must succeed and print tables.
tables() {
  local file=$1
  shift
  "$@" >"$file" 2>"$tmp/stderr" || die "$* failed:
$(head -c 3000 "$tmp/stderr")"
  [ "$(wc -l <"$file")" -gt 1 ] || die "$* printed no table"
}

# Whether tables file $2 (tool $1) agrees with standings' tables in $tmp/standings.csv: the
# same header, every team's record (group, team, played ... points) and, row by row, the same
# group and points (so the same groups in the same order, each ordered by points). Only teams
# level on points, goal difference and goals scored may differ, in order and in the position
# printed: standings goes on to head-to-head there, and shares the place when that does not
# separate them either.
agree() {
  local ours=$tmp/standings.csv theirs=$2
  [ "$(head -n 1 "$ours")" = "$(head -n 1 "$theirs")" ] ||
    die "$1 prints other columns than standings: $(head -n 1 "$theirs")"
  diff <(cut -d, -f2,4-13 "$ours" | sort) <(cut -d, -f2,4-13 "$theirs" | sort) >"$tmp/diff" ||
    die "$1's records differ from standings' (< standings, > $1):
$(head -n 20 "$tmp/diff")"
  diff <(cut -d, -f1,2,13 "$ours") <(cut -d, -f1,2,13 "$theirs") >"$tmp/diff" ||
    die "$1's groups or order by points differ from standings' (< standings, > $1):
$(head -n 20 "$tmp/diff")"
}

# Rows of the table: figure, value, ratio, target, met or not.
row() {
  printf '%-56s %24s %6s  %-28s %s\n' "$1" "$2" "$3" "$4" "$5"
}
rows=()
add() {
  rows+=("$(row "$@")")
}
# Whether awk's condition $1 holds of the values after it (a, b): "met" or "not met".
met() {
  awk -v a="$2" -v b="${3:-0}" "BEGIN { exit !($1) }" && echo met || echo "not met"
}
fmt() { # awk format, value
  awk -v v="$2" "BEGIN { printf \"$1\", v }"
}

# The time in nanoseconds a run of benches/engine.rs's criterion benchmark takes: the one
# benchmark whose name criterion's filter $1 (a regular expression) matches.
criterion_ns() {
  local bench
  echo "bench.sh: running the criterion benchmark \"$1\"" >&2
  bench=$(cargo bench --locked -q --bench engine -- "$1" --output-format bencher 2>"$tmp/stderr" | grep '^test ') ||
    die "cargo bench --bench engine -- \"$1\" failed or printed no result:
$(tail -n 20 "$tmp/stderr")"
  [ "$(wc -l <<<"$bench")" -eq 1 ] || die "criterion's filter \"$1\" matches more than one benchmark:
$bench"
  awk '{ v = $(NF-3); gsub(",", "", v); print v }' <<<"$bench"
}

# A row for a criterion benchmark: figure $1, filter $2 (criterion_ns), unit $3 (s or ms),
# target $4 and its awk condition $5 on the value in that unit; "skipped" with
# BENCH_CRITERION=0.
criterion_row() {
  local ns value
  if [ "$criterion" != 1 ]; then
    add "$1" "skipped" "" "$4" "BENCH_CRITERION=0"
    return
  fi
  ns=$(criterion_ns "$2")
  value=$(awk -v ns="$ns" -v unit="$3" 'BEGIN { printf "%.3f", ns / (unit == "ms" ? 1e6 : 1e9) }')
  add "$1" "$value $3" "" "$4" "$(met "$5" "$value")"
}

# The median wall time in milliseconds of $1 runs of a command, its output discarded, timed
# directly (not through /usr/bin/time, whose own start would count).
median_ms() {
  local runs=$1 samples t0 t1
  shift
  samples=$(mktemp "$tmp/samples.XXXXXX")
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || die "$* failed"
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000)) >>"$samples"
  done
  awk -v us="$(median "$samples" 1)" 'BEGIN { printf "%.2f", us / 1000 }'
}

# The same by hyperfine when it is installed (three warm-up runs, no shell between it and the
# command), else median_ms.
whole_process_ms() {
  local runs=$1
  shift
  if ! command -v hyperfine >/dev/null; then
    median_ms "$runs" "$@"
    return
  fi
  hyperfine --runs "$runs" --warmup 3 --shell=none --style none \
    --export-json "$tmp/hyperfine.json" -- "$(printf '%q ' "$@")" >/dev/null 2>"$tmp/stderr" ||
    die "hyperfine failed timing $*:
$(head -c 3000 "$tmp/stderr")"
  python3 -c 'import json, sys
print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$tmp/hyperfine.json" ||
    die "hyperfine wrote no median to $tmp/hyperfine.json"
}

# --- The realistic CSV: standings, the minimal fold and the baselines, alternated; scaling. --
section_csv() {
  fold_bin=$(build "minimal_fold example" --example minimal_fold)

  # Python modules, installed with pip when missing.
  for module in pandas polars duckdb; do
    if ! python3 -c "import $module" 2>/dev/null; then
      echo "bench.sh: installing $module with pip" >&2
      python3 -m pip install -q "$module" >&2 || die "pip install $module failed"
      python3 -c "import $module" || die "$module cannot be imported after pip installed it"
    fi
  done

  csv=$(realistic "$matches_wanted")
  matches=$(($(wc -l <"$csv") - 1))
  [ "$matches" -gt 0 ] || die "$csv has no matches"
  bytes=$(wc -c <"$csv")
  rules=rules/premier-league.toml
  tools=(standings minimal pandas polars duckdb)
  command_for() { # tool, file: sets cmd to the command line that turns the file into tables
    case $1 in
      standings) cmd=("$bin" table "$2" --rules "$rules" --format csv) ;;
      minimal) cmd=("$fold_bin" "$2") ;;
      *) cmd=(python3 "scripts/$1_baseline.py" "$2") ;;
    esac
  }
  label() {
    case $1 in
      standings) echo "standings" ;;
      minimal) echo "minimal fold" ;;
      *) echo "$1" ;;
    esac
  }

  echo "bench.sh: checking every tool's tables against standings' on $csv" >&2
  for tool in "${tools[@]}"; do
    command_for "$tool" "$csv"
    tables "$tmp/$tool.csv" "${cmd[@]}"
    [ "$tool" = standings ] || agree "$(label "$tool")" "$tmp/$tool.csv"
  done
  groups=$(sed 1d "$tmp/standings.csv" | cut -d, -f2 | uniq | wc -l)

  echo "bench.sh: timing $rounds alternated rounds on $csv" >&2
  for ((r = 0; r < rounds; r++)); do
    # Each round starts with the next tool, so that no tool always follows the same one.
    for ((i = 0; i < ${#tools[@]}; i++)); do
      tool=${tools[$(((i + r) % ${#tools[@]}))]}
      command_for "$tool" "$csv"
      measure "$tmp/$tool.samples" "${cmd[@]}"
    done
  done
  declare -A wall rss
  for tool in "${tools[@]}"; do
    wall[$tool]=$(median "$tmp/$tool.samples" 1)
    rss[$tool]=$(median "$tmp/$tool.samples" 2)
  done
  size=$(fmt '%.1f' "$(awk -v m="$matches" 'BEGIN { print m / 1e6 }')")M
  for tool in "${tools[@]}"; do
    seconds=$(fmt '%.3f s' "$(awk -v us="${wall[$tool]}" 'BEGIN { print us / 1e6 }')")
    ratio=$(awk -v a="${wall[$tool]}" -v b="${wall[standings]}" 'BEGIN { printf "%.2f", a / b }')
    case $tool in
      minimal) add "$size CSV: $(label "$tool"), wall" "$seconds" "$ratio" "≥ 0.77 (standings ≤ 1.3×)" "$(met 'a >= 1 / 1.3' "$ratio")" ;;
      polars) add "$size CSV: $(label "$tool"), wall" "$seconds" "$ratio" "≥ 3 (standings 3× faster)" "$(met 'a >= 3' "$ratio")" ;;
      *) add "$size CSV: $(label "$tool"), wall" "$seconds" "$ratio" "" "" ;;
    esac
  done
  for tool in "${tools[@]}"; do
    per=$(awk -v kb="${rss[$tool]}" -v m="$matches" 'BEGIN { printf "%.1f", kb * 1024 / m }')
    value="$(fmt '%.1f' "$(awk -v kb="${rss[$tool]}" 'BEGIN { print kb / 1024 }')") MB, $per B/match"
    ratio=$(awk -v a="${rss[$tool]}" -v b="${rss[standings]}" 'BEGIN { printf "%.2f", a / b }')
    if [ "$tool" = standings ]; then
      add "$size CSV: $(label "$tool"), peak memory" "$value" "$ratio" "≤ 20 B/match" "$(met 'a <= 20' "$per")"
    else
      add "$size CSV: $(label "$tool"), peak memory" "$value" "$ratio" "" ""
    fi
  done

  # --- Scaling: standings' time per match from 100 k matches up. ------------------------------
  ns_per_match() { # samples file, matches
    awk -v us="$(median "$1" 1)" -v m="$2" 'BEGIN { printf "%.1f", us * 1000 / m }'
  }
  small=$(realistic 100000)
  small_matches=$(($(wc -l <"$small") - 1))
  echo "bench.sh: timing standings on $small" >&2
  for _ in 1 2 3 4 5 6 7; do
    measure "$tmp/small.samples" "$bin" table "$small" --rules "$rules" --format csv
  done
  base=$(ns_per_match "$tmp/small.samples" "$small_matches")
  add "time per match, $small_matches-match CSV" "$base ns" "1.00" "" ""
  if [ "$matches" != "$small_matches" ]; then
    per=$(ns_per_match "$tmp/standings.samples" "$matches")
    ratio=$(awk -v a="$per" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
    add "time per match, $matches-match CSV (÷ the 100 k)" "$per ns" "$ratio" "≤ 1.25 (flat)" "$(met 'a <= 1.25' "$ratio")"
  fi
  if [ "$full" = 1 ]; then
    big=$(realistic 10000000)
    big_matches=$(($(wc -l <"$big") - 1))
    echo "bench.sh: timing standings on $big" >&2
    for _ in 1 2 3; do
      measure "$tmp/big.samples" "$bin" table "$big" --rules "$rules" --format csv
    done
    per=$(ns_per_match "$tmp/big.samples" "$big_matches")
    ratio=$(awk -v a="$per" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
    add "time per match, $big_matches-match CSV (÷ the 100 k)" "$per ns" "$ratio" "≤ 1.25 (flat)" "$(met 'a <= 1.25' "$ratio")"
    big_rss=$(median "$tmp/big.samples" 2)
    add "10M CSV: standings, peak memory" "$(awk -v kb="$big_rss" -v m="$big_matches" 'BEGIN { printf "%.1f MB, %.1f B/match", kb / 1024, kb * 1024 / m }')" "" "≤ 20 B/match" "$(met 'a <= 20' "$(awk -v kb="$big_rss" -v m="$big_matches" 'BEGIN { print kb * 1024 / m }')")"
  else
    add "time per match, 10M-match CSV" "skipped" "" "≤ 1.25 (flat)" "run with --full"
  fi
}

# --- The 2,000-team level group. -----------------------------------------------------------
section_level_group() {
  level=$out/level
  if [ ! -s "$level/level-2000.toml" ] || [ scripts/generate_level_group.py -nt "$level/level-2000.toml" ]; then
    echo "bench.sh: generating $level/level-2000.toml" >&2
    python3 scripts/generate_level_group.py 2000 "$level" --meetings 1 || die "cannot generate $level/level-2000.toml"
  fi
  if [ ! -s "$level/level-2000.csv" ] || [ scripts/generate_level_group.py -nt "$level/level-2000.csv" ]; then
    echo "bench.sh: generating $level/level-2000.csv" >&2
    python3 scripts/generate_level_group.py 2000 "$level" --meetings 1 --csv || die "cannot generate $level/level-2000.csv"
  fi
  level_toml=("$bin" table "$level/level-2000.toml" --format csv)
  level_csv=("$bin" table "$level/level-2000.csv" --rules "$level/level-rules.toml" --format csv)
  tables "$tmp/level-toml.csv" "${level_toml[@]}"
  tables "$tmp/level-csv.csv" "${level_csv[@]}"
  [ "$(wc -l <"$tmp/level-toml.csv")" -eq 2001 ] || die "the 2,000-team group's table does not have 2,000 rows"
  cmp -s <(cut -d, -f3- "$tmp/level-toml.csv") <(cut -d, -f3- "$tmp/level-csv.csv") ||
    die "the 2,000-team group ranks differently from its data file and from its CSV"
  echo "bench.sh: timing the 2,000-team level group" >&2
  for _ in 1 2 3; do
    measure "$tmp/level-toml.samples" "${level_toml[@]}"
    measure "$tmp/level-csv.samples" "${level_csv[@]}"
  done
  for kind in toml csv; do
    s=$(awk -v us="$(median "$tmp/level-$kind.samples" 1)" 'BEGIN { printf "%.2f", us / 1e6 }')
    mb=$(awk -v kb="$(median "$tmp/level-$kind.samples" 2)" 'BEGIN { printf "%.0f", kb / 1024 }')
    what=$([ "$kind" = toml ] && echo "data file" || echo "CSV")
    add "level group, 2,000 teams: whole process, $what" "$s s, $mb MB" "" "" ""
  done
  criterion_row "level group, 2,000 teams: ranking alone (criterion)" \
    "level group/rank 2000" s "< 1 s" 'a < 1'
}

# --- Run-in: every team's best and worst place in a 20-team league with 5 matchdays (50
# matches) left (criterion's `run-in`, its league generated in benches/engine.rs). -----------
section_run_in() {
  criterion_row "run-in, 20 teams, 50 matches left: best and worst of all (criterion)" \
    "run-in/20 teams" s "< 10 s" 'a < 10'
}

# --- Scenarios: a 4-team group's last round (criterion's `scenarios`, benches/engine.rs), and
# `standings scenarios` on EURO 2024 Group A as a whole process. ------------------------------
section_scenarios() {
  criterion_row "scenarios, EURO 2024 Group A: analysis (criterion)" \
    "scenarios/EURO 2024" ms "< 10 ms" 'a < 10'
  criterion_row "scenarios, 4 teams, GD gap of 8: analysis (criterion)" \
    "scenarios/4-team group" ms "< 10 ms" 'a < 10'
  local euro=tests/fixtures/euro-2024-group-a-last-round.toml ms how
  local scenarios=("$bin" scenarios "$euro" --format json)
  "${scenarios[@]}" >"$tmp/scenarios.json" 2>"$tmp/stderr" || die "${scenarios[*]} failed:
$(head -c 3000 "$tmp/stderr")"
  python3 -c 'import json, sys
groups = json.load(open(sys.argv[1]))["groups"]
sys.exit(not (len(groups) == 1 and len(groups[0]["teams"]) == 4))' "$tmp/scenarios.json" ||
    die "${scenarios[*]} printed no scenarios of one 4-team group"
  how=$(command -v hyperfine >/dev/null && echo hyperfine || echo "own loop")
  echo "bench.sh: timing ${scenarios[*]} ($how)" >&2
  ms=$(whole_process_ms 21 "${scenarios[@]}")
  add "scenarios, EURO 2024 Group A: whole process ($how)" "$ms ms" "" "< 10 ms" "$(met 'a < 10' "$ms")"
}

# --- Simulation: each group played once, ranked under both Coppa Italia rule sets (the issue's
# case), as a whole process. ------------------------------------------------------------------
section_simulate() {
  simulate=("$bin" simulate --rules rules/coppa-italia-2003-04.toml
    --rules rules/coppa-italia-2002-03.toml --groups "$sim_groups" --seed 3)
  tables "$tmp/simulate.txt" "${simulate[@]}" --threads 1
  echo "bench.sh: timing simulate on 1 and $cores threads" >&2
  for _ in 1 2 3; do
    measure "$tmp/sim1.samples" "${simulate[@]}" --threads 1
    measure "$tmp/simall.samples" "${simulate[@]}" --threads "$cores"
  done
  sim1=$(awk -v us="$(median "$tmp/sim1.samples" 1)" -v g="$sim_groups" 'BEGIN { printf "%.0f", g / (us / 1e6) }')
  simall=$(awk -v us="$(median "$tmp/simall.samples" 1)" -v g="$sim_groups" 'BEGIN { printf "%.0f", g / (us / 1e6) }')
  ratio=$(awk -v a="$simall" -v b="$sim1" 'BEGIN { printf "%.2f", a / b }')
  add "simulate: groups/s, 1 thread (whole process)" "$sim1" "1.00" "≥ 3,000,000" "$(met 'a >= 3000000' "$sim1")"
  add "simulate: groups/s, $cores threads (÷ 1 thread)" "$simall" "$ratio" "≥ 1.8 (2 threads)" "$(met 'a >= 1.8' "$ratio")"
}

# --- Start-up. ------------------------------------------------------------------------------
section_start_up() {
  "$bin" check data/ >/dev/null 2>"$tmp/stderr" || die "$bin check data/ failed:
$(head -c 3000 "$tmp/stderr")"
  local ms
  ms=$(median_ms 21 "$bin" check data/)
  add "start-up: standings check data/, median of 21" "$ms ms" "" "< 5 ms" "$(met 'a < 5' "$ms")"
}

for name in "${sections[@]}"; do
  if [ -n "${chosen[$name]:-}" ]; then
    "section_${name//-/_}"
  fi
done

# --- The table. -----------------------------------------------------------------------------
printf 'standings benchmarks: %s, %s core(s), %s\n' "$(git describe --always --dirty 2>/dev/null || echo '?')" "$cores" "$(uname -m)"
if [ -n "${chosen[csv]:-}" ]; then
  printf 'realistic CSV: %s, %s matches in %s groups, %s bytes (%s bytes a match); medians of %s alternated rounds\n' \
    "$(basename "$csv")" "$matches" "$groups" "$bytes" \
    "$(awk -v b="$bytes" -v m="$matches" 'BEGIN { printf "%.1f", b / m }')" "$rounds"
fi
row "figure" "value" "ratio" "target" ""
for r in "${rows[@]}"; do
  echo "$r"
done
cat <<'EOF'
ratio: a tool's wall time or peak memory ÷ standings' on the same file; time per match ÷ the
100 k file's; simulate on all cores ÷ on 1 thread. Wall times are whole processes (start-up
and, for the baselines, Python's and the module's import included), run through /usr/bin/time,
whose maximum resident set size is the peak memory; start-up and the scenarios' whole process
are timed without it, medians of 21 runs (the scenarios' by hyperfine, after 3 warm-up runs,
when it is installed). Targets are never asserted.
EOF
