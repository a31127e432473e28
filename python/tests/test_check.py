"""`standings.check`: the recorded facts of a data file, confirmed or not."""

import standings
from conftest import REPO

EURO = REPO / "data" / "uefa-euro-2024.toml"


def test_every_fact_of_a_bundled_season_holds():
    facts = standings.check(EURO)
    assert facts, "the data file records facts"
    verdicts = {f["verdict"] for f in facts}
    assert verdicts <= {"confirmed", "not checked", "note"}
    winner = next(f for f in facts if f["subject"].endswith("Group A") and f["fact"].startswith("winner"))
    assert winner["verdict"] == "confirmed"
    assert winner["recorded"] == winner["computed"] == "Germany"
    assert winner["file"].endswith("uefa-euro-2024.toml")
    assert isinstance(winner["line"], int)


def test_a_wrong_record_is_a_mismatch(tmp_path):
    text = EURO.read_text(encoding="utf-8")
    wrong = text.replace('record = { winner = "Germany"', 'record = { winner = "Scotland"', 1)
    assert wrong != text
    path = tmp_path / "euro.toml"
    path.write_text(wrong, encoding="utf-8")
    facts = standings.check(path, rules="uefa-euro-2024")
    mismatches = [f for f in facts if f["verdict"] == "mismatch"]
    assert len(mismatches) == 1
    (fact,) = mismatches
    assert (fact["recorded"], fact["computed"]) == ("Scotland", "Germany")
    # The fact is stated on the record line of Group A: find it in the file as written.
    line = 1 + wrong.splitlines().index(
        next(l for l in wrong.splitlines() if l.startswith('record = { winner = "Scotland"'))
    )
    assert (fact["file"], fact["line"]) == (str(path), line)


def test_a_data_file_naming_rules_outside_its_folder_needs_permission(tmp_path, monkeypatch):
    # Run from elsewhere: the data file's `../rules/...` is outside its folder and the
    # current directory, so it is refused unless allowed, as on the command line.
    monkeypatch.chdir(tmp_path)
    try:
        standings.check(EURO)
    except standings.StandingsError as error:
        assert error.code == "E217"
        assert (error.file, error.line, error.column) == (str(EURO), 19, 9)
    else:
        raise AssertionError("expected StandingsError")
    facts = standings.check(EURO, allow_rules_anywhere=True)
    assert any(f["verdict"] == "confirmed" for f in facts)
