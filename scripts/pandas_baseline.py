#!/usr/bin/env python3
"""The pandas baseline for scripts/bench.sh: the same tables as
`standings table FILE.csv --rules rules/premier-league.toml --format csv`, from the same
football-data CSV, with the same columns out: a group per `Div` (per `Div` and `Season`, named
"Div Season", when the file has a Season column), groups in the order they first appear, teams
ordered by points, goal difference and goals scored (`standings` goes on to head-to-head where
those are level; here level teams keep an arbitrary order).

    scripts/pandas_baseline.py FILE.csv > tables.csv
"""
import sys
from pathlib import Path

import pandas as pd

COLUMNS = ["competition", "group", "position", "team", "played", "won", "drawn", "lost",
           "goals_for", "goals_against", "goal_difference", "deducted", "points"]


def main(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    seasons = "Season" in header
    wanted = ["Div", "HomeTeam", "AwayTeam", "FTHG", "FTAG"] + (["Season"] if seasons else [])
    df = pd.read_csv(path, usecols=wanted, dtype={"Div": str, "Season": str})
    group = df.Div + " " + df.Season if seasons else df.Div
    # Groups in the order they first appear, as standings prints them.
    order, _ = pd.factorize(group)
    home = pd.DataFrame({"order": order, "group": group, "team": df.HomeTeam,
                         "gf": df.FTHG, "ga": df.FTAG})
    away = pd.DataFrame({"order": order, "group": group, "team": df.AwayTeam,
                         "gf": df.FTAG, "ga": df.FTHG})
    rows = pd.concat([home, away], ignore_index=True)
    rows["won"] = (rows.gf > rows.ga).astype("int64")
    rows["drawn"] = (rows.gf == rows.ga).astype("int64")
    rows["lost"] = (rows.gf < rows.ga).astype("int64")
    t = rows.groupby(["order", "group", "team"], sort=False).agg(
        played=("gf", "size"), won=("won", "sum"), drawn=("drawn", "sum"), lost=("lost", "sum"),
        goals_for=("gf", "sum"), goals_against=("ga", "sum")).reset_index()
    t["goal_difference"] = t.goals_for - t.goals_against
    t["deducted"] = 0
    t["points"] = 3 * t.won + t.drawn
    t = t.sort_values(["order", "points", "goal_difference", "goals_for"],
                      ascending=[True, False, False, False], kind="stable")
    t["position"] = t.groupby("order").cumcount() + 1
    t.insert(0, "competition", Path(path).stem)
    t[COLUMNS].to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
