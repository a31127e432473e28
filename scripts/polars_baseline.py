#!/usr/bin/env python3
"""The polars baseline for scripts/bench.sh: the same tables as
`standings table FILE.csv --rules rules/premier-league.toml --format csv`, from the same
football-data CSV, with the same columns out: a group per `Div` (per `Div` and `Season`, named
"Div Season", when the file has a Season column), groups in the order they first appear, teams
ordered by points, goal difference and goals scored (`standings` goes on to head-to-head where
those are level; here level teams keep an arbitrary order). One lazy query: polars reads only
the columns it needs, on every core.

    scripts/polars_baseline.py FILE.csv > tables.csv
"""
import sys
from pathlib import Path

import polars as pl

COLUMNS = ["competition", "group", "position", "team", "played", "won", "drawn", "lost",
           "goals_for", "goals_against", "goal_difference", "deducted", "points"]


def main(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    text = {c: pl.String for c in ("Div", "Season", "HomeTeam", "AwayTeam") if c in header}
    matches = pl.scan_csv(path, schema_overrides=text).with_row_index("row")
    if "Season" in header:
        group = pl.concat_str([pl.col("Div"), pl.col("Season")], separator=" ")
    else:
        group = pl.col("Div")
    matches = matches.select("row", group.alias("group"), "HomeTeam", "AwayTeam", "FTHG", "FTAG")
    sides = pl.concat([
        matches.select("row", "group", team="HomeTeam", gf="FTHG", ga="FTAG"),
        matches.select("row", "group", team="AwayTeam", gf="FTAG", ga="FTHG"),
    ])
    gf, ga = pl.col("gf"), pl.col("ga")
    tables = (
        sides.group_by("group", "team")
        .agg(
            first=pl.col("row").min(),
            played=pl.len(),
            won=(gf > ga).sum(),
            drawn=(gf == ga).sum(),
            lost=(gf < ga).sum(),
            goals_for=gf.sum(),
            goals_against=ga.sum(),
        )
        .with_columns(
            # Groups in the order they first appear, as standings prints them.
            order=pl.col("first").min().over("group"),
            goal_difference=pl.col("goals_for") - pl.col("goals_against"),
            deducted=pl.lit(0),
            points=3 * pl.col("won") + pl.col("drawn"),
            competition=pl.lit(Path(path).stem),
        )
        .sort(["order", "points", "goal_difference", "goals_for"],
              descending=[False, True, True, True])
        .with_columns(position=pl.int_range(1, pl.len() + 1).over("order"))
        .select(COLUMNS)
    )
    tables.collect().write_csv(sys.stdout.buffer)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
