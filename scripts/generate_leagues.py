#!/usr/bin/env python3
"""Writes a football-data-style CSV of many 20-team double round-robin seasons, one `Div` per
season, for benchmarks: scripts/generate_leagues.py SEASONS SEED OUT.csv (380 matches a season;
2632 seasons make 1,000,160 matches)."""
import random
import sys

from generate_season import poisson

TEAMS = ["ARS", "AVL", "BIR", "BLB", "BOL", "CHA", "CHE", "EVE", "FUL", "LEE",
         "LEI", "LIV", "MCI", "MUN", "MID", "NEW", "POR", "SOU", "TOT", "WOL"]


def main(seasons, seed, out):
    rng = random.Random(seed)
    with open(out, "w") as f:
        f.write("Div,HomeTeam,AwayTeam,FTHG,FTAG,FTR\n")
        for s in range(seasons):
            div = f"S{s + 1:04d}"
            strength = {t: 0.6 + 1.2 * rng.random() for t in TEAMS}
            for home in TEAMS:
                for away in TEAMS:
                    if home != away:
                        hg = poisson(rng, strength[home] * 1.25)
                        ag = poisson(rng, strength[away] * 0.95)
                        ftr = "H" if hg > ag else "A" if ag > hg else "D"
                        f.write(f"{div},{home},{away},{hg},{ag},{ftr}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
