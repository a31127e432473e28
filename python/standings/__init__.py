"""Recompute football tables from match results under rules written in TOML.

The Python face of the `standings` engine (the Rust crate in this repository): the same
readers, rule files, tiebreaks and checks as the `standings` command line.

    >>> import standings
    >>> table = standings.table("E0.csv", rules="premier-league")   # a pandas DataFrame
    >>> table = standings.table(polars_frame, rules="premier-league")  # a polars DataFrame
    >>> facts = standings.check("data/uefa-euro-2024.toml")

Bad input raises `StandingsError`, which carries the file, line and column the command line
would print.
"""

from __future__ import annotations

import datetime
import json
import os
import warnings
from decimal import Decimal
from typing import Any, Optional, Union

from . import _standings

__all__ = ["StandingsError", "StandingsNote", "table", "check", "COLUMNS", "__version__"]

__version__: str = _standings.version()

#: The columns of the DataFrame `table` returns, in order.
COLUMNS = [
    "competition",
    "group",
    "position",
    "team",
    "played",
    "won",
    "drawn",
    "lost",
    "goals_for",
    "goals_against",
    "goal_difference",
    "deducted",
    "points",
    "advancing",
]


class StandingsError(ValueError):
    """Bad input: what is wrong and what was expected, and where.

    `file`, `line` and `column` locate the first problem (1-based; `None` when it is about no
    place in a file, such as a missing file); `code` is its stable code (`E206`, see
    docs/errors.md); `diagnostics` holds every problem found, as the command line's
    `--message-format json` objects.
    """

    def __init__(self, diagnostics: list[dict[str, Any]]):
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else {"message": "bad input", "labels": []}
        self.code: Optional[str] = first.get("code")
        self.message: str = first.get("message", "")
        primary = next((l for l in first.get("labels", []) if l.get("primary")), None)
        self.file: Optional[str] = primary["file"] if primary else None
        self.line: Optional[int] = primary["line"] if primary else None
        self.column: Optional[int] = primary["column"] if primary else None
        where = f"{self.file}:{self.line}:{self.column}: " if primary else ""
        more = f" (and {len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        code = f"[{self.code}] " if self.code else ""
        super().__init__(f"{where}{code}{self.message}{more}")


class StandingsNote(UserWarning):
    """What the command line notes on standard error, as a warning: the bundled league default
    used for a CSV or football.json file without rules, fixtures left out as unplayed, a note on
    dates. Silence with `warnings.filterwarnings("ignore", category=standings.StandingsNote)`.
    """


def _warn(notes: list[str]) -> None:
    for note in notes:
        warnings.warn(note.removeprefix("note: "), StandingsNote, stacklevel=3)


def _raise_input_error(error: Exception) -> None:
    raise StandingsError(json.loads(error.args[0])) from None


def _record(record: Union[str, os.PathLike, None]) -> Optional[str]:
    return None if record is None else os.fspath(record)


def _frame_kind(results: Any) -> Optional[str]:
    """`pandas` or `polars` for a DataFrame of that library, else `None`."""
    module = type(results).__module__.split(".")[0]
    if module in ("pandas", "polars") and type(results).__name__ == "DataFrame":
        return module
    return None


#: The goal columns the CSV reader reads.
_GOALS = ("FTHG", "FTAG")


def _whole(goals: Any) -> str:
    """A goal count read as a float, as its file wrote it: `2.0` → `"2"`, NaN or None → `""`."""
    if goals is None or goals != goals:
        return ""
    if float(goals).is_integer():
        return str(int(goals))
    return repr(goals)


def _frame_as_csv(results: Any, kind: str) -> str:
    """The DataFrame as football-data CSV text, as the file it was read from would have it.

    Two things a DataFrame does to a football-data file are undone, and nothing else is
    changed: a goal column holding an unplayed fixture's empty score is read as floats, and
    each whole goal count is written back whole (`2`, not `2.0`; any other value as it is, so
    the reader reports a `2.5` at its row); and a `Date` column parsed as dates is written as
    football-data writes it, `dd/mm/yyyy`.
    """
    if kind == "pandas":
        import pandas

        changed = {}
        for name in _GOALS:
            if name in results.columns and pandas.api.types.is_float_dtype(results[name]):
                changed[name] = results[name].map(_whole)
        if "Date" in results.columns and pandas.api.types.is_datetime64_any_dtype(results["Date"]):
            changed["Date"] = results["Date"].dt.strftime("%d/%m/%Y")
        return results.assign(**changed).to_csv(index=False)
    import polars

    changed = []
    for name in _GOALS:
        if name in results.columns and results.schema[name].is_float():
            changed.append(
                results[name].map_elements(_whole, return_dtype=polars.String, skip_nulls=False)
            )
    if "Date" in results.columns and results.schema["Date"] in (polars.Date, polars.Datetime):
        changed.append(results["Date"].dt.strftime("%d/%m/%Y"))
    return results.with_columns(changed).write_csv()


def _number(value: Any) -> Any:
    """A JSON number read exactly: whole numbers as `int`, others as `Decimal`."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    # The command line's `--format json` document, version 1 (docs/output.md).
    if document.get("version") != 1:
        raise RuntimeError(f"the engine wrote JSON version {document.get('version')!r}; expected 1")
    rows = []
    for competition in document["competitions"]:
        for group in competition["groups"]:
            advancing = set(group["advancing"])
            for row in group["rows"]:
                rows.append(
                    {
                        "competition": competition["competition"],
                        "group": group["name"],
                        "position": row["position"],
                        "team": row["team"],
                        "played": row["played"],
                        "won": row["won"],
                        "drawn": row["drawn"],
                        "lost": row["lost"],
                        "goals_for": row["goals_for"],
                        "goals_against": row["goals_against"],
                        "goal_difference": row["goal_difference"],
                        "deducted": _number(row["deducted"]),
                        "points": _number(row["points"]),
                        "advancing": row["team"] in advancing,
                    }
                )
    return rows


def _frame(rows: list[dict[str, Any]], library: str) -> Any:
    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    if library == "polars":
        import polars

        return polars.DataFrame(columns, strict=False)
    import pandas

    return pandas.DataFrame(columns, columns=COLUMNS)


def table(
    results: Union[str, os.PathLike, Any],
    rules: Optional[str] = None,
    *,
    input_format: Optional[str] = None,
    library: Optional[str] = None,
    allow_rules_anywhere: bool = False,
    until: Union[str, datetime.date, None] = None,
    matchday: Optional[int] = None,
    record: Union[str, os.PathLike, None] = None,
) -> Any:
    """Every group's table, one row per team, best first within each group.

    `results` is a path (a data file, a football-data CSV, a football.json file or a season
    summary) or a pandas or polars DataFrame with football-data's columns (`HomeTeam`,
    `AwayTeam`, `FTHG`, `FTAG`, and `Div`/`Season` to split groups). `rules` is a bundled
    rule set's name (`"premier-league"`) or a rule file's path; a data file names its own.
    The result is a DataFrame of the same library as `results` (for a path: `library`,
    `"pandas"` unless told `"polars"`), with the columns in `COLUMNS`. Points are exact:
    whole numbers as integers, others as `decimal.Decimal`. `input_format` (`"data"`,
    `"document"`, `"csv"`, `"json"`) overrides recognising the kind from the content, and
    `allow_rules_anywhere` lets a data file's `rules` point outside its folder and the
    current directory, as the command line's `--allow-rules-anywhere`.

    `until` (a `datetime.date` or `"YYYY-MM-DD"`) or `matchday` (1 or more) give the table as
    it stood at the end of that day or after that matchday, as `--until` and `--matchday` do
    (docs/output.md, "Tables as they stood").

    `record` is `--record`: for a source that is not a data file, the data file whose team
    names and recorded decisions to apply (`"none"` for the source alone); by default, as on
    the command line, the project's data file for the same competition, if there is one.

    The command line's notes (the league default used when a CSV or football.json file is
    given no rules, fixtures left out as unplayed) are issued as `StandingsNote` warnings.
    """
    if isinstance(until, datetime.datetime):
        raise TypeError("until is a day: give a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(until, datetime.date):
        until = until.isoformat()
    kind = _frame_kind(results)
    try:
        if kind is not None:
            if library is not None and library != kind:
                raise ValueError(f"library={library!r} but results is a {kind} DataFrame")
            text = _frame_as_csv(results, kind)
            document, notes = _standings.table(
                f"<{kind} DataFrame>.csv",
                text,
                rules,
                input_format or "csv",
                False,
                _record(record),
                until,
                matchday,
            )
        elif isinstance(results, (str, os.PathLike)):
            kind = library or "pandas"
            if kind not in ("pandas", "polars"):
                raise ValueError(f"library must be 'pandas' or 'polars'; got {kind!r}")
            document, notes = _standings.table(
                os.fspath(results),
                None,
                rules,
                input_format,
                allow_rules_anywhere,
                _record(record),
                until,
                matchday,
            )
        else:
            raise TypeError(
                "results must be a path or a pandas or polars DataFrame; "
                f"got {type(results).__name__}"
            )
    except _standings.InputError as error:
        _raise_input_error(error)
    _warn(notes)
    return _frame(_rows(json.loads(document, parse_float=Decimal)), kind)


def check(
    path: Union[str, os.PathLike],
    rules: Optional[str] = None,
    *,
    allow_rules_anywhere: bool = False,
    record: Union[str, os.PathLike, None] = None,
) -> list[dict[str, Any]]:
    """Every fact the file's record states, checked against the tables computed from it.

    Each fact is a dict: `verdict` (`"confirmed"`, `"mismatch"`, `"unresolved"`,
    `"not checked"` or `"note"`), `competition`, `subject` (competition and group), `fact`
    (the words `standings check` prints), `recorded` and `computed` (values in words, or
    `None`), `sentence`, and the `file` and `line` that state it. `rules`,
    `allow_rules_anywhere` and `record` are as for `table`.
    """
    try:
        return _standings.check(os.fspath(path), rules, allow_rules_anywhere, _record(record))
    except _standings.InputError as error:
        _raise_input_error(error)
