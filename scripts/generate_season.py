#!/usr/bin/env python3
"""Writes a football-data.co.uk-style CSV of a whole 20-team double round-robin season, and the
final table computed independently of `standings` (points 3/1/0, then goal difference, then
goals scored), as the oracle for tests/formats_io.rs.

    scripts/generate_season.py SEED OUT.csv EXPECTED.csv

Goals are Poisson-distributed from fixed team strengths; the same SEED gives the same files.
"""
import csv
import math
import random
import sys

TEAMS = [
    "Arsenal", "Aston Villa", "Birmingham", "Blackburn", "Bolton", "Charlton", "Chelsea",
    "Everton", "Fulham", "Leeds", "Leicester", "Liverpool", "Man City", "Man United",
    "Middlesbrough", "Newcastle", "Portsmouth", "Southampton", "Tottenham", "Wolves",
]


def poisson(rng, mean):
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main(seed, out, expected):
    rng = random.Random(seed)
    strength = {t: 0.6 + 1.2 * rng.random() for t in TEAMS}
    rows = []
    for home in TEAMS:
        for away in TEAMS:
            if home == away:
                continue
            hg = poisson(rng, strength[home] * 1.25)
            ag = poisson(rng, strength[away] * 0.95)
            ftr = "H" if hg > ag else "A" if ag > hg else "D"
            odds = [round(1 + 4 * rng.random(), 2) for _ in range(3)]
            rows.append(["E0", f"{1 + len(rows) % 28:02d}/08/03", home, away, hg, ag, ftr, *odds])
    rng.shuffle(rows)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Div", "Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR", "B365H", "B365D", "B365A"])
        w.writerows(rows)

    table = {t: dict(p=0, w=0, d=0, l=0, gf=0, ga=0) for t in TEAMS}
    for _, _, home, away, hg, ag, *_ in rows:
        for team, scored, conceded in ((home, hg, ag), (away, ag, hg)):
            r = table[team]
            r["p"] += 1
            r["gf"] += scored
            r["ga"] += conceded
            r["w" if scored > conceded else "d" if scored == conceded else "l"] += 1
    key = lambda t: (3 * table[t]["w"] + table[t]["d"], table[t]["gf"] - table[t]["ga"], table[t]["gf"])
    order = sorted(TEAMS, key=key, reverse=True)
    for a, b in zip(order, order[1:]):
        if key(a) == key(b):
            sys.exit(f"seed {seed}: {a} and {b} are level on points, goal difference and goals; pick another seed")
    with open(expected, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["position", "team", "played", "won", "drawn", "lost", "goals_for", "goals_against", "points"])
        for i, t in enumerate(order, 1):
            r = table[t]
            w.writerow([i, t, r["p"], r["w"], r["d"], r["l"], r["gf"], r["ga"], 3 * r["w"] + r["d"]])


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3])
