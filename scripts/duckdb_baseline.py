#!/usr/bin/env python3
"""The DuckDB baseline for scripts/bench.sh: the same tables as
`standings table FILE.csv --rules rules/premier-league.toml --format csv`, from the same
football-data CSV, with the same columns out: a group per `Div` (per `Div` and `Season`, named
"Div Season", when the file has a Season column), groups in the order they first appear, teams
ordered by points, goal difference and goals scored (`standings` goes on to head-to-head where
those are level; here level teams keep an arbitrary order). One SQL query over read_csv, on
every core, written by DuckDB's COPY.

    scripts/duckdb_baseline.py FILE.csv > tables.csv
"""
import sys
from pathlib import Path

import duckdb

QUERY = """
COPY (
WITH matches AS (
    SELECT row_number() OVER () AS row, {group} AS grp, HomeTeam, AwayTeam, FTHG, FTAG
    FROM read_csv('{path}', header = true, types = {types})
),
sides AS (
    SELECT row, grp, HomeTeam AS team, FTHG AS gf, FTAG AS ga FROM matches
    UNION ALL
    SELECT row, grp, AwayTeam AS team, FTAG AS gf, FTHG AS ga FROM matches
),
records AS (
    SELECT grp, team, min(row) AS first, count(*) AS played,
           count(*) FILTER (WHERE gf > ga) AS won,
           count(*) FILTER (WHERE gf = ga) AS drawn,
           count(*) FILTER (WHERE gf < ga) AS lost,
           sum(gf) AS goals_for, sum(ga) AS goals_against
    FROM sides GROUP BY grp, team
),
ranked AS (
    SELECT *, goals_for - goals_against AS goal_difference, 3 * won + drawn AS points,
           min(first) OVER (PARTITION BY grp) AS grp_order
    FROM records
)
SELECT '{competition}' AS competition, grp AS "group",
       row_number() OVER (PARTITION BY grp
                          ORDER BY points DESC, goal_difference DESC, goals_for DESC) AS position,
       team, played, won, drawn, lost, goals_for, goals_against, goal_difference,
       0 AS deducted, points
FROM ranked
-- Groups in the order they first appear, as standings prints them.
ORDER BY grp_order, position
) TO '/dev/stdout' (FORMAT csv, HEADER)
"""


def quote(text):
    """Text inside an SQL string literal."""
    return text.replace("'", "''")


def main(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    group = "Div || ' ' || Season" if "Season" in header else "Div"
    types = {c: "INTEGER" if c in ("FTHG", "FTAG") else "VARCHAR"
             for c in ("Div", "Season", "HomeTeam", "AwayTeam", "FTHG", "FTAG") if c in header}
    sql = QUERY.format(group=group, path=quote(path), competition=quote(Path(path).stem),
                       types="{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}")
    sys.stdout.flush()
    duckdb.execute(sql)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
