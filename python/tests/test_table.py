"""`standings.table`: DataFrames in, DataFrames of the same library out, tables worked by hand."""

import datetime
from decimal import Decimal

import pandas
import polars
import pytest

import standings
from conftest import REPO, SEASON, SEASON_TABLE

FIGURES = [
    "team",
    "played",
    "won",
    "drawn",
    "lost",
    "goals_for",
    "goals_against",
    "goal_difference",
    "points",
]


def rows(frame):
    """The table's figures as tuples, in the frame's order, from either library."""
    if isinstance(frame, polars.DataFrame):
        return [tuple(r) for r in frame.select(FIGURES).iter_rows()]
    return [tuple(r) for r in frame[FIGURES].itertuples(index=False)]


def test_a_pandas_frame_gives_a_pandas_table():
    table = standings.table(pandas.DataFrame(SEASON), rules="premier-league")
    assert isinstance(table, pandas.DataFrame)
    assert list(table.columns) == standings.COLUMNS
    assert rows(table) == SEASON_TABLE
    assert list(table["position"]) == [1, 2, 3]
    assert list(table["group"]) == ["E0"] * 3
    # The rule file sends one club on: the champions.
    assert list(table["advancing"]) == [True, False, False]


def test_a_polars_frame_gives_a_polars_table():
    table = standings.table(polars.DataFrame(SEASON), rules="premier-league")
    assert isinstance(table, polars.DataFrame)
    assert table.columns == standings.COLUMNS
    assert rows(table) == SEASON_TABLE


def test_a_path_gives_pandas_unless_polars_is_asked_for(season_csv, premier_league):
    # A rule file's path works as well as a bundled rule set's name.
    assert rows(standings.table(season_csv, rules=premier_league)) == SEASON_TABLE
    as_polars = standings.table(str(season_csv), rules=premier_league, library="polars")
    assert isinstance(as_polars, polars.DataFrame)
    assert rows(as_polars) == SEASON_TABLE


def test_a_data_file_uses_the_rules_it_names():
    table = standings.table(REPO / "data" / "uefa-euro-2024.toml")
    group_a = table[table["group"] == "Group A"]
    # Germany 5-1 Scotland, Hungary 1-3 Switzerland, Germany 2-0 Hungary,
    # Scotland 1-1 Switzerland, Switzerland 1-1 Germany, Scotland 0-1 Hungary.
    assert rows(group_a) == [
        ("Germany", 3, 2, 1, 0, 8, 2, 6, 7),
        ("Switzerland", 3, 1, 2, 0, 5, 3, 2, 5),
        ("Hungary", 3, 1, 0, 2, 2, 5, -3, 3),
        ("Scotland", 3, 0, 1, 2, 2, 7, -5, 1),
    ]
    assert list(group_a["advancing"]) == [True, True, False, False]
    assert set(table["group"]) == {f"Group {g}" for g in "ABCDEF"}


def test_points_are_exact(tmp_path, season_csv):
    # Half a point for a draw: Chelsea 3 + 0.5, Everton 0.5. Whole values stay integers.
    rules = (REPO / "rules" / "premier-league.toml").read_text(encoding="utf-8")
    half = tmp_path / "half.toml"
    half.write_text(rules.replace("draw = 1", "draw = 0.5"), encoding="utf-8")
    table = standings.table(season_csv, rules=str(half))
    assert list(table["points"]) == [6, Decimal("3.5"), Decimal("0.5")]
    assert isinstance(table["points"][0], int)


def test_a_bad_goal_in_a_frame_is_located_at_its_row_and_column(premier_league):
    frame = pandas.DataFrame(SEASON)
    frame["FTAG"] = frame["FTAG"].astype(str)
    frame.loc[2, "FTAG"] = "three"
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(frame, rules=premier_league)
    error = caught.value
    # The header is line 1, so the third match (index 2) is on line 4; FTAG is the 6th column,
    # after "E0,24/08/2019,Everton,Arsenal,0," (3 + 11 + 8 + 8 + 2 = 32 characters): column 33.
    assert (error.file, error.line, error.column) == ("<pandas DataFrame>.csv", 4, 33)
    assert "three" in error.message
    assert error.code is not None and error.code.startswith("E")
    assert str(error).startswith("<pandas DataFrame>.csv:4:33: ")


def test_a_bad_file_is_located(tmp_path, premier_league):
    path = tmp_path / "bad.csv"
    path.write_text("Div,HomeTeam,AwayTeam,FTHG,FTAG\nE0,Arsenal,Chelsea,2,-1\n", encoding="utf-8")
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(path, rules=premier_league)
    # "-1" follows "E0,Arsenal,Chelsea,2," (3 + 8 + 8 + 2 = 21 characters): column 22.
    assert (caught.value.file, caught.value.line, caught.value.column) == (str(path), 2, 22)
    assert isinstance(caught.value, ValueError)


def test_a_missing_file_is_an_error_without_a_place(tmp_path, premier_league):
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(tmp_path / "none.csv", rules=premier_league)
    assert caught.value.line is None
    assert "none.csv" in caught.value.message


def test_other_inputs_are_refused():
    with pytest.raises(TypeError):
        standings.table([("Arsenal", "Chelsea", 2, 0)])
    with pytest.raises(ValueError):
        standings.table(pandas.DataFrame(SEASON), library="polars")
    with pytest.raises(ValueError):
        standings.table("x.csv", input_format="xml")


def test_without_rules_a_league_gets_the_default_and_a_note():
    with pytest.warns(standings.StandingsNote, match="league default"):
        table = standings.table(pandas.DataFrame(SEASON))
    assert rows(table) == SEASON_TABLE


def test_an_unknown_rule_set_suggests_league_sets():
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(pandas.DataFrame(SEASON), rules="premier")
    assert caught.value.code == "E807"
    assert "premier-league" in caught.value.message


@pytest.mark.parametrize("until", ["2019-08-17", datetime.date(2019, 8, 17)])
def test_the_table_until_a_day(until):
    # Up to 17 August: Arsenal 2-0 Chelsea (10 Aug), Chelsea 1-1 Everton (17 Aug).
    #   Arsenal: W1, goals 2-0 (+2), 3 points
    #   Everton: D1, goals 1-1 (0), 1 point  -- above Chelsea on goal difference
    #   Chelsea: D1 L1, goals 1-3 (-2), 1 point
    table = standings.table(pandas.DataFrame(SEASON), rules="premier-league", until=until)
    assert rows(table) == [
        ("Arsenal", 1, 1, 0, 0, 2, 0, 2, 3),
        ("Everton", 1, 0, 1, 0, 1, 1, 0, 1),
        ("Chelsea", 2, 0, 1, 1, 1, 3, -2, 1),
    ]


def test_the_table_after_a_matchday(tmp_path):
    path = tmp_path / "cup.toml"
    path.write_text(
        """competition = "Cup"
rules = "fifa-world-cup-2018"

[[group]]
name = "Group A"
teams = ["Germany", "Scotland", "Hungary", "Switzerland"]
matches = [
  { match = "Germany 5–1 Scotland", round = 1 },
  { match = "Hungary 1–3 Switzerland", round = 1 },
  { match = "Germany 2–0 Hungary", round = 2 },
  { match = "Scotland 1–1 Switzerland", round = 2 },
]
""",
        encoding="utf-8",
    )
    # After matchday 1: Germany 3 points (+4), Switzerland 3 (+2), Hungary 0 (-2),
    # Scotland 0 (-4).
    table = standings.table(path, matchday=1)
    assert rows(table) == [
        ("Germany", 1, 1, 0, 0, 5, 1, 4, 3),
        ("Switzerland", 1, 1, 0, 0, 3, 1, 2, 3),
        ("Hungary", 1, 0, 0, 1, 1, 3, -2, 0),
        ("Scotland", 1, 0, 0, 1, 1, 5, -4, 0),
    ]


def test_a_csv_has_no_matchdays(season_csv):
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(season_csv, rules="premier-league", matchday=1)
    assert caught.value.code == "E808"
    assert "--until" in caught.value.message


def test_until_and_matchday_are_checked():
    frame = pandas.DataFrame(SEASON)
    with pytest.raises(ValueError):
        standings.table(frame, until="17/08/2019")
    with pytest.raises(ValueError):
        standings.table(frame, until="2019-08-17", matchday=1)
    with pytest.raises(ValueError):
        standings.table(frame, matchday=0)
    with pytest.raises(ValueError):
        standings.table(frame, matchday=-1)
    with pytest.raises(TypeError):
        standings.table(frame, until=datetime.datetime(2019, 8, 17, 12))


def with_fixture(frame_library):
    """SEASON and a fifth, unplayed match (Everton v Chelsea), as a DataFrame reads it: the
    goal columns become floats, the empty scores NaN or null."""
    data = {name: list(values) for name, values in SEASON.items()}
    for name, value in [
        ("Div", "E0"),
        ("Date", "07/09/2019"),
        ("HomeTeam", "Everton"),
        ("AwayTeam", "Chelsea"),
        ("FTHG", None),
        ("FTAG", None),
        ("FTR", None),
    ]:
        data[name].append(value)
    if frame_library == "pandas":
        frame = pandas.DataFrame(data)
        assert frame["FTHG"].dtype == "float64"
    else:
        frame = polars.DataFrame(data).with_columns(polars.col("FTHG", "FTAG").cast(polars.Float64))
    return frame


@pytest.mark.parametrize("frame_library", ["pandas", "polars"])
def test_a_frame_with_an_unplayed_fixture_reads_as_its_file(frame_library):
    with pytest.warns(standings.StandingsNote, match="1 fixture"):
        table = standings.table(with_fixture(frame_library), rules="premier-league")
    assert rows(table) == SEASON_TABLE


def test_a_fractional_goal_is_still_an_error():
    frame = pandas.DataFrame(SEASON)
    frame["FTHG"] = frame["FTHG"].astype(float)
    frame.loc[1, "FTHG"] = 1.5
    with pytest.raises(standings.StandingsError) as caught:
        standings.table(frame, rules="premier-league")
    # The second match (index 1) is on line 3; the whole goals around it read as before.
    assert caught.value.line == 3
    assert '"1.5" in FTHG' in caught.value.message


@pytest.mark.parametrize("frame_library", ["pandas", "polars"])
def test_parsed_dates_are_read_as_days(frame_library):
    if frame_library == "pandas":
        frame = pandas.DataFrame(SEASON)
        frame["Date"] = pandas.to_datetime(frame["Date"], format="%d/%m/%Y")
    else:
        frame = polars.DataFrame(SEASON).with_columns(
            polars.col("Date").str.strptime(polars.Date, "%d/%m/%Y")
        )
    # Up to 17 August, as in test_the_table_until_a_day.
    table = standings.table(frame, rules="premier-league", until="2019-08-17")
    assert [r[0] for r in rows(table)] == ["Arsenal", "Everton", "Chelsea"]


SUMMARY = REPO.parent / "shared" / "seeds" / "coppa-italia-2003-04.txt"


@pytest.mark.skipif(not SUMMARY.exists(), reason="../shared/seeds is not beside the repository")
def test_a_season_summary_borrows_the_project_s_record_unless_told_not_to(monkeypatch):
    # As on the command line: run from the repository, the project's data file for the
    # competition names Group 8's "Fiorentina" Brindisi and records the drawing of lots that put
    # Brindisi above Catania, both 7 points, goal difference 6, level head to head.
    monkeypatch.chdir(REPO)
    with pytest.warns(standings.StandingsNote, match="Brindisi"):
        table = standings.table(SUMMARY, rules="coppa-italia-2003-04")
    group = table[table["group"] == "Group 8"]
    assert list(group["team"])[:2] == ["Brindisi", "Catania"]
    assert list(group["position"])[:2] == [1, 2]
    # The source alone: the document's name, and the two share first place.
    alone = standings.table(SUMMARY, rules="coppa-italia-2003-04", record="none")
    group = alone[alone["group"] == "Group 8"]
    assert set(list(group["team"])[:2]) == {"Fiorentina", "Catania"}
    assert list(group["position"])[:2] == [1, 1]
