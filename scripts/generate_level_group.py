#!/usr/bin/env python3
"""Writes the pathological head-to-head case of issue #13: one group of N teams, every match a
draw, where re-applying head-to-head peels one or two teams off at a time.

    scripts/generate_level_group.py N OUT_DIR [--meetings 1|2] [--csv]

writes OUT_DIR/level-N.toml (the data file) and OUT_DIR/level-rules.toml (the rule file it
names); with `--csv`, OUT_DIR/level-N.csv instead of the data file: the same matches as a
football-data CSV (`HomeTeam,AwayTeam,FTHG,FTAG`, no `Div`, so one group named League), read
with `standings table OUT_DIR/level-N.csv --rules OUT_DIR/level-rules.toml` (2,000 teams with
`--meetings 1` make 24 MB). The construction: teams T1..TN (named aa, ab, ... so that the file stays
under the 32 MiB input limit: 2,000 teams fit with `--meetings 1`) meet each other `meetings` times (default 2, a double
round robin); every match is 0-0 except the first meeting of each neighbouring pair (Ti, Ti+1),
which is 1-1. So every team has the same points and goal difference, overall and in every
mini-table. In the mini-table of a run of neighbours Ta..Tb, the two ends scored one
head-to-head goal and everybody inside scored two: `head_to_head.goals_for` puts the inner
teams above the two ends, re-application takes the inner run alone, and so on, N / 2 times. The
two ends of each run stay level on every criterion (their own meeting was 0–0).
"""
import argparse
import os


RULES = """\
# Issue #13's pathological case: head-to-head re-applied to a group where each
# re-application peels off two teams (scripts/generate_level_group.py).
name = "level group, head-to-head re-applied"

[points]
win = 3
draw = 1
loss = 0

[forfeit]
score = [3, 0]
deduction = 0
goals_count = true

[head_to_head]
reapply = true
deductions_count = true

[tiebreak]
order = [
  "points",
  "head_to_head.points",
  "head_to_head.goal_difference",
  "head_to_head.goals_for",
  "goal_difference",
  "goals_for",
]

[qualification]
advance = 2

[group]
meetings = {meetings}
"""


def name(i, width):
    """The i-th team's name: i in base 26, letters a..z, `width` letters."""
    letters = []
    for _ in range(width):
        letters.append(chr(ord("a") + i % 26))
        i //= 26
    return "".join(reversed(letters))


def matches(names, meetings):
    """Every match, team by team in data-file order: (home, away, home goals, away goals)."""
    n = len(names)
    for i in range(n):
        for j in range(i + 1, n):
            goals = 1 if j == i + 1 else 0
            yield names[i], names[j], goals, goals
            if meetings == 2:
                yield names[j], names[i], 0, 0


def write_csv(path, names, meetings):
    """The group's matches as football-data CSV rows, in the data file's order."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("HomeTeam,AwayTeam,FTHG,FTAG\n")
        f.writelines(f"{h},{a},{hg},{ag}\n" for h, a, hg, ag in matches(names, meetings))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("teams", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--meetings", type=int, choices=(1, 2), default=2)
    parser.add_argument("--csv", action="store_true",
                        help="write the matches as a football-data CSV, not a data file")
    args = parser.parse_args()
    n = args.teams
    width = 2
    while 26**width < n:
        width += 1
    names = [name(i, width) for i in range(n)]
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "level-rules.toml"), "w", encoding="utf-8") as f:
        f.write(RULES.format(meetings=args.meetings))
    if args.csv:
        write_csv(os.path.join(args.out_dir, f"level-{n}.csv"), names, args.meetings)
        return
    with open(os.path.join(args.out_dir, f"level-{n}.toml"), "w", encoding="utf-8") as f:
        f.write(f'competition = "Level group of {n}"\n')
        f.write('rules = "level-rules.toml"\n\n[[group]]\nname = "Level"\n')
        f.write("teams = [\n")
        for i in range(0, n, 16):
            f.write(",".join(f'"{t}"' for t in names[i : i + 16]) + ",\n")
        f.write("]\nmatches = [\n")
        line = [f'"{h} {hg}-{ag} {a}"' for h, a, hg, ag in matches(names, args.meetings)]
        for k in range(0, len(line), 16):
            f.write(",".join(line[k : k + 16]) + ",\n")
        f.write("]\n")


if __name__ == "__main__":
    main()
