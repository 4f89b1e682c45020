"""The editor's assistant as an editor uses it: suggest, review, apply, check."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from support import ROOT, copy_project

from generator.cli import main

ARTICLE = "seeds/articles/2021-07-26-biden-kadhimi-new-phase.txt"
GARBLED_ALIAS = re.compile(r'      - name: "[^"]+"\n        garbled: true\n        note: "[^\n]*"\n')
SEED_GARBLES = {
    "Moustaba al-Qasimi": "mustafa-al-kadhimi",
    "Mustafa al-Qasimi": "mustafa-al-kadhimi",
    "Hussein al-Sabi": "popular-mobilization-forces",
    "Ramsey Martini": "ramzy-mardini",
}


@pytest.fixture
def stripped(tmp_path: Path) -> Path:
    """A copy of the project whose entities have lost their garbled aliases."""
    project = copy_project(tmp_path / "project")
    removed = 0
    for path in (project / "seeds" / "entities").glob("*.yml"):
        text, count = GARBLED_ALIAS.subn("", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        removed += count
    assert removed == 4
    return project


def suggest_json(project: Path, capsys: pytest.CaptureFixture[str], article: str = ARTICLE) -> dict[str, object]:
    assert main(["--root", str(project), "suggest", str(project / article), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def names_by_status(data: dict[str, object], status: str) -> list[dict[str, object]]:
    names = data["names"]
    assert isinstance(names, list)
    return [name for name in names if name["status"] == status]


def test_suggest_finds_the_seed_garbles_with_the_right_entity_first(stripped: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data = suggest_json(stripped, capsys)
    variants = names_by_status(data, "variant")
    assert {v["printed"]: v["entity"] for v in variants} == SEED_GARBLES
    for variant in variants:
        assert variant["candidates"][0]["entity"] == variant["entity"]  # type: ignore[index]
    lines = (stripped / ARTICLE).read_text(encoding="utf-8").split("\n")
    for name in data["names"]:  # type: ignore[attr-defined]
        line, column, printed = name["line"], name["column"], name["printed"]
        assert lines[line - 1][column - 1:column - 1 + len(printed)] == printed


def test_json_has_exactly_the_documented_shape(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = suggest_json(stripped, capsys)
    assert set(data) == {"article", "names", "claims", "dates"}
    assert data["article"] == ARTICLE
    for name in data["names"]:  # type: ignore[attr-defined]
        assert set(name) == {"printed", "line", "column", "status", "entity", "score", "candidates"}
        assert name["status"] in ("known", "variant", "new")
        assert isinstance(name["score"], int) and 0 <= name["score"] <= 100
        assert (name["entity"] is None) == (name["status"] == "new")
        for candidate in name["candidates"]:
            assert set(candidate) == {"entity", "score"} and isinstance(candidate["score"], int)
    for claim in data["claims"]:  # type: ignore[attr-defined]
        assert set(claim) == {"line", "column", "text", "why"}
    for date in data["dates"]:  # type: ignore[attr-defined]
        assert set(date) == {"line", "column", "text", "date", "why"}


def test_known_and_new_names_of_the_seed_article(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = suggest_json(stripped, capsys)
    known = {n["printed"]: n["entity"] for n in names_by_status(data, "known")}
    assert known["Joe Biden"] == "joe-biden"
    assert known["Tehran"] == "iran"
    assert known["University of Chicago"] == "university-of-chicago"
    new = {n["printed"] for n in names_by_status(data, "new")}
    assert {"Iraq", "Washington", "United States", "Complete News World"} <= new
    assert not {"Summoned", "Officially"} & new, "a word that starts a sentence is no name"


def test_places_refer_to_the_file_as_received(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = ("\ufeffMay 2, 2024\r\n\r\nExample Daily\r\n\r\nTalks resume | World\r\n\r\n"
           "The envoy met Prime Minister Moustafa\r\nal-Kazimi in Bagdad on Thursday.\r\n")
    project = copy_project(tmp_path / "project")
    article = project / "seeds" / "articles" / "2024-05-02-talks.txt"
    article.write_bytes(raw.encode("utf-8"))
    data = suggest_json(project, capsys, "seeds/articles/2024-05-02-talks.txt")
    places = {n["printed"]: (n["line"], n["column"], n["status"], n["entity"]) for n in data["names"]}  # type: ignore
    assert places["Moustafa al-Kazimi"] == (7, 30, "variant", "mustafa-al-kadhimi")
    assert places["Bagdad"] == (8, 14, "variant", "baghdad")
    dates = {d["text"]: (d["line"], d["column"], d["date"]) for d in data["dates"]}  # type: ignore[attr-defined]
    assert dates["Thursday"] == (8, 24, "2024-05-02")


def test_the_report_shows_the_alias_line_that_accepts_a_garble(stripped: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{ARTICLE}: ")
    assert "  36:1     Ramsey Martini\n      → ramzy-mardini, score " in out
    assert ('accept: in seeds/entities/people.yml, under ramzy-mardini, aliases: - '
            '{name: "Ramsey Martini", garbled: true}') in out


def test_dates_flag_the_seed_page_date_and_count_from_the_events(stripped: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    dates = suggest_json(stripped, capsys)["dates"]
    assert isinstance(dates, list)
    first = dates[0]
    assert (first["line"], first["column"], first["text"], first["date"]) == (1, 1, "August 17, 2022", "2022-08-17")
    assert "387 days after the events it reports (26 July 2021, the sidecar's event_date)" in first["why"]
    monday = next(d for d in dates if d["text"] == "Monday")
    assert (monday["line"], monday["date"]) == (8, "2021-07-26")


def test_claims_list_the_attributed_quote_and_the_numbers(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = suggest_json(stripped, capsys)["claims"]
    assert isinstance(claims, list)
    by_place = {(c["line"], c["column"]): c for c in claims}
    assert by_place[(36, 1)]["text"].startswith("Ramsey Martini, an Iraqi scholar")
    assert "a quote attributed to someone" in by_place[(36, 1)]["why"]
    assert by_place[(20, 150)]["text"].startswith("Officially, there are still 2,500 U.S. soldiers")
    assert by_place[(20, 150)]["why"] == "a number"


def test_apply_adds_the_accepted_garbles_and_keeps_comments_and_layout(stripped: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    entities = stripped / "seeds" / "entities"
    before = {path.name: path.read_text(encoding="utf-8") for path in entities.glob("*.yml")}
    code = main(["--root", str(stripped), "suggest", str(stripped / ARTICLE), "--apply",
                 "--accept", "Hussein al-Sabi"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.endswith("check: ok\n")
    added = {name: _added_lines(before[name], (entities / name).read_text(encoding="utf-8")) for name in before}
    assert added == {
        "people.yml": ['      - {name: "Moustaba al-Qasimi", garbled: true}',
                       '      - {name: "Mustafa al-Qasimi", garbled: true}',
                       '      - {name: "Ramsey Martini", garbled: true}'],
        "groups.yml": ['      - {name: "Hussein al-Sabi", garbled: true}'],
        "places-and-agreements.yml": [],
    }
    assert main(["--root", str(stripped), "check", "--strict"]) == 0
    capsys.readouterr()
    assert not names_by_status(suggest_json(stripped, capsys), "variant")


def _added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`, after checking that every line of `before` is still there, in order."""
    old, new = before.split("\n"), after.split("\n")
    added, position = [], 0
    for line in new:
        if position < len(old) and line == old[position]:
            position += 1
        else:
            added.append(line)
    assert position == len(old), "a line of the file was changed or removed"
    return added


def test_apply_never_adds_a_name_another_entity_has(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = stripped / "seeds" / "entities" / "people.yml"
    before = people.read_bytes()
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE),
                 "--accept", "Tehran=mustafa-al-kadhimi"]) == 0
    out = capsys.readouterr().out
    assert ('not added: "Tehran" for mustafa-al-kadhimi: already a name or alias of iran: a name may lead to one '
            "entity only") in out
    assert people.read_bytes() == before


def test_apply_never_adds_one_name_to_two_entities(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = stripped / "seeds" / "entities" / "people.yml"
    before = people.read_bytes()
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE), "--accept", "Ramsey Martini",
                 "--accept", "Ramsey Martini=joe-biden"]) == 0
    out = capsys.readouterr().out
    assert 'not added: "Ramsey Martini" for ramzy-mardini: accepted for joe-biden too: a name may lead to one ' \
           "entity only" in out
    assert 'not added: "Ramsey Martini" for joe-biden: accepted for ramzy-mardini too' in out
    assert people.read_bytes() == before


def test_apply_leaves_a_file_alone_that_it_cannot_write_back_unchanged(stripped: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    people = stripped / "seeds" / "entities" / "people.yml"
    odd = people.read_text(encoding="utf-8").replace('    name: "Ramzy Mardini"', '    name:   "Ramzy Mardini"')
    people.write_text(odd, encoding="utf-8")
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE), "--apply"]) == 0
    out = capsys.readouterr().out
    assert 'not added: "Ramsey Martini" for ramzy-mardini: the file cannot be rewritten without changing its ' \
           "layout: add the alias by hand" in out
    assert people.read_text(encoding="utf-8") == odd


def test_accepting_a_name_the_article_does_not_hold_is_an_error(stripped: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE), "--accept", "Nobody Atall"]) == 1
    assert capsys.readouterr().err == ('error: "Nobody Atall" is not a name found in the article (names are matched '
                                       "as printed)\n")


def test_check_warns_about_garbles_no_alias_covers(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(stripped), "check"]) == 0
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if "looks like a misspelling" in line]
    assert [line.split(": warning: ")[0] for line in warnings] == [
        f"{ARTICLE}:8:114", f"{ARTICLE}:16:194", f"{ARTICLE}:24:138", f"{ARTICLE}:36:1"]
    assert warnings[2].endswith(
        'warning: "Hussein al-Sabi" looks like a misspelling of Hashd al-Shaabi (popular-mobilization-forces, score '
        f'{_score(warnings[2])}) that no alias covers: if it is, add {{name: "Hussein al-Sabi", garbled: true}} to '
        f'the aliases of popular-mobilization-forces (or run: python -m generator suggest {ARTICLE} --accept '
        '"Hussein al-Sabi")')
    assert main(["--root", str(stripped), "check", "--strict"]) == 1


def _score(line: str) -> str:
    match = re.search(r"score (\d+)\)", line)
    assert match
    return match.group(1)


def test_the_seed_site_holds_no_uncovered_garble(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "check", "--strict"]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_a_broken_entity_file_is_reported_with_its_place(stripped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = stripped / "seeds" / "entities" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("    kind: person\n", "    kind: [person\n", 1),
                      encoding="utf-8")
    assert main(["--root", str(stripped), "suggest", str(stripped / ARTICLE)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("seeds/entities/people.yml:")
    assert "Traceback" not in err
    assert err.endswith("nothing was written\n")


@pytest.mark.slow  # runs make, which needs the project's .venv
def test_make_suggest_runs_the_command() -> None:
    result = subprocess.run(["make", "-s", "suggest", f"A={ARTICLE}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{ARTICLE}: ")
    assert "Ramsey Martini → ramzy-mardini" in result.stdout
