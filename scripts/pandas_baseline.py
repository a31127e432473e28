#!/usr/bin/env python3
"""The pandas baseline for scripts/bench.sh: the same tables as
`standings table FILE.csv --rules rules/premier-league.toml --format csv`, from the same CSV,
with the same columns out (ordered by points, goal difference and goals scored; `standings`
goes on to head-to-head where those are level)."""
import sys
from pathlib import Path

import pandas as pd


def main(path):
    df = pd.read_csv(path, usecols=["Div", "HomeTeam", "AwayTeam", "FTHG", "FTAG"])
    home = pd.DataFrame({"group": df.Div, "team": df.HomeTeam, "gf": df.FTHG, "ga": df.FTAG})
    away = pd.DataFrame({"group": df.Div, "team": df.AwayTeam, "gf": df.FTAG, "ga": df.FTHG})
    rows = pd.concat([home, away], ignore_index=True)
    rows["won"] = (rows.gf > rows.ga).astype(int)
    rows["drawn"] = (rows.gf == rows.ga).astype(int)
    rows["lost"] = (rows.gf < rows.ga).astype(int)
    t = rows.groupby(["group", "team"], sort=False).agg(
        played=("gf", "size"), won=("won", "sum"), drawn=("drawn", "sum"), lost=("lost", "sum"),
        goals_for=("gf", "sum"), goals_against=("ga", "sum")).reset_index()
    t["goal_difference"] = t.goals_for - t.goals_against
    t["deducted"] = 0
    t["points"] = 3 * t.won + t.drawn
    t = t.sort_values(["group", "points", "goal_difference", "goals_for"],
                      ascending=[True, False, False, False], kind="stable")
    t["position"] = t.groupby("group").cumcount() + 1
    t.insert(0, "competition", Path(path).stem)
    cols = ["competition", "group", "position", "team", "played", "won", "drawn", "lost",
            "goals_for", "goals_against", "goal_difference", "deducted", "points"]
    t[cols].to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main(sys.argv[1])
