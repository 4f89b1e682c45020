"""Each fact about the data is written once: a field added to a model class is read, checked, documented and
offered to editors' tools with no other change; check and the build take the same path and report the same
warnings."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import CASES, copy_project, mkdocs

from generator.model import Article, Event
from generator.render import date

NEW_FIELD = '    licence: str = s.text("The terms the publisher allows reuse under.", example="CC BY 4.0")\n'


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The project's own command line, importing the generator from the copy (the folder it runs in)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_an_optional_field_added_to_the_model_alone_is_read_checked_and_documented(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CASES / "good" / "minimal" / "seeds")
    model = project / "generator" / "model.py"
    text = model.read_text(encoding="utf-8")
    anchor = '    note: str = s.text("Anything a reader should know about this source.", example="")\n'
    assert anchor in text, "the Source class moved: update this test's anchor line"
    model.write_text(text.replace(anchor, anchor + NEW_FIELD), encoding="utf-8")
    sources = project / "seeds" / "sources" / "example.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + '    licence: "All rights reserved"\n', encoding="utf-8")

    checked = run(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert "no problems found" in checked.stdout

    built = run(project, "build")
    assert built.returncode == 0, built.stderr
    how_to_edit = (project / "docs" / "how-to-edit.md").read_text(encoding="utf-8")
    assert "| `licence` | text | optional | The terms the publisher allows reuse under. | `CC BY 4.0` |" in how_to_edit

    assert run(project, "schemas").returncode == 0
    schema = json.loads((project / "generator" / "schemas" / "source.schema.json").read_text(encoding="utf-8"))
    licence = schema["properties"]["sources"]["items"]["properties"]["licence"]
    assert licence["type"] == ["string", "null"]
    assert licence["description"] == "The terms the publisher allows reuse under."

    sources.write_text(sources.read_text(encoding="utf-8").replace('"All rights reserved"', "[1, 2]"),
                       encoding="utf-8")
    refused = run(project, "check")
    assert refused.returncode == 1
    assert "seeds/sources/example.yml:8:14: sources[0].licence: expected text, got a list" in refused.stderr


def test_an_articles_own_event_repeated_in_its_sidecar_is_listed_once() -> None:
    meeting = Event(date=dt.date(2021, 7, 26), title="Leaders meet", sources=("s",), article="a")
    later = Event(date=dt.date(2021, 12, 9), title="Combat mission ends", sources=("s",), article="a")
    article = Article(id="a", blocks=(), event_date=dt.date(2021, 7, 26), event_title="Leaders meet",
                      events=(meeting, later))
    assert article.timeline_events() == [meeting, later]
    alone = Article(id="a", blocks=(), event_date=dt.date(2021, 7, 26), event_title="Leaders meet")
    assert [(e.date, e.title, e.article) for e in alone.timeline_events()] == [
        (dt.date(2021, 7, 26), "Leaders meet", "a")]


@pytest.mark.parametrize(("day", "style", "shown"), [
    (dt.date(2021, 7, 6), "long", "6 July 2021"),
    (dt.date(2011, 12, 18), "long", "18 December 2011"),
    (dt.date(2020, 1, 3), "day", "3 January"),
])
def test_dates_are_written_the_same_on_every_platform(day: dt.date, style: str, shown: str) -> None:
    assert date(day, style) == shown


@pytest.mark.slow
def test_the_build_logs_the_warnings_check_reports_and_still_succeeds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CASES / "good" / "minimal" / "seeds")
    sources = project / "seeds" / "sources" / "example.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + (
        "  - id: never-cited\n    title: Unused\n    publisher: Nobody\n    kind: other\n"
        "    url: https://example.org/unused\n"),
        encoding="utf-8")
    warning = 'seeds/sources/example.yml:8:9: sources[1].id: warning: source "never-cited" is never cited'

    checked = run(project, "check")
    assert checked.returncode == 0
    assert warning in checked.stdout.splitlines()

    built = mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    logged = [re.sub(r"^INFO\s+-\s+generator: ", "", line) for line in built.stderr.splitlines()]
    assert warning in logged
