"""Shared fixtures: the repository's folders and small inputs whose tables are worked by hand."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: A three-club season in football-data's columns. Worked by hand (3 for a win, 1 for a draw):
#:   Arsenal  2-0 Chelsea, Chelsea 1-1 Everton, Everton 0-3 Arsenal, Chelsea 2-1 Arsenal
#:   Arsenal: W2 D0 L1, goals 6-2 (+4), 6 points
#:   Chelsea: W1 D1 L1, goals 3-4 (-1), 4 points
#:   Everton: W0 D1 L1, goals 1-4 (-3), 1 point
SEASON = {
    "Div": ["E0", "E0", "E0", "E0"],
    "Date": ["10/08/2019", "17/08/2019", "24/08/2019", "31/08/2019"],
    "HomeTeam": ["Arsenal", "Chelsea", "Everton", "Chelsea"],
    "AwayTeam": ["Chelsea", "Everton", "Arsenal", "Arsenal"],
    "FTHG": [2, 1, 0, 2],
    "FTAG": [0, 1, 3, 1],
    "FTR": ["H", "D", "A", "H"],
}

#: The rows of SEASON's table: team, played, won, drawn, lost, for, against, difference, points.
SEASON_TABLE = [
    ("Arsenal", 3, 2, 0, 1, 6, 2, 4, 6),
    ("Chelsea", 3, 1, 1, 1, 3, 4, -1, 4),
    ("Everton", 2, 0, 1, 1, 1, 4, -3, 1),
]


@pytest.fixture
def season_csv(tmp_path):
    """SEASON written as a football-data CSV file."""
    columns = list(SEASON)
    lines = [",".join(columns)]
    for i in range(len(SEASON["Div"])):
        lines.append(",".join(str(SEASON[c][i]) for c in columns))
    path = tmp_path / "E0.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def premier_league():
    """The bundled Premier League rule file."""
    return str(REPO / "rules" / "premier-league.toml")
