"""Regenerating is incremental: unchanged inputs write nothing, an edit rewrites only what it affects."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import Project, generate
from generator.write import WriteReport

KADHIMI = 'description: "Prime minister of Iraq from 7 May 2020 to 27 October 2022."'


@pytest.fixture
def generated(project: Path) -> Project:
    """The project copy with its pages generated once."""
    at = Project.at(project)
    generate(at)
    return at


def regenerate(project: Project) -> WriteReport:
    report = generate(project).written
    assert report is not None
    return report


def snapshot(docs: Path) -> dict[str, int]:
    return {str(path.relative_to(docs)): path.stat().st_mtime_ns for path in docs.rglob("*") if path.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: expected {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def remove_entry(path: Path, entry_id: str) -> None:
    """Removes the `- id: entry_id` item, up to the next item, from a YAML list of entries."""
    text = path.read_text(encoding="utf-8")
    pattern = rf"^  - id: {re.escape(entry_id)}\n(?:(?!  - id: ).*\n)*"
    new_text, count = re.subn(pattern, "", text, flags=re.MULTILINE)
    assert count == 1, f"{path}: no entry {entry_id}"
    path.write_text(new_text, encoding="utf-8")


def test_unchanged_inputs_write_no_file(generated: Project) -> None:
    before = snapshot(generated.docs)
    report = regenerate(generated)
    assert (report.written, report.removed) == ([], [])
    assert snapshot(generated.docs) == before


def test_an_edited_description_rewrites_only_the_pages_that_show_it(generated: Project) -> None:
    edit(generated.seeds / "entities" / "people.yml", KADHIMI, 'description: "Prime minister of Iraq, 2020–22."')
    report = regenerate(generated)
    # An entity's description shows on its own page and in the list of entities, nowhere else.
    assert report.written == ["entities/index.md", "entities/mustafa-al-kadhimi.md"]
    assert report.removed == []
    for page in report.written:
        assert "Prime minister of Iraq, 2020–22." in (generated.docs / page).read_text(encoding="utf-8")
    assert not [page for page in generated.docs.rglob("*.md")
                if "Prime minister of Iraq from 7 May 2020" in page.read_text(encoding="utf-8")]


def test_a_deleted_entity_loses_its_page(generated: Project) -> None:
    assert (generated.docs / "entities" / "jeb-bush.md").is_file()
    remove_entry(generated.seeds / "entities" / "people.yml", "jeb-bush")
    report = regenerate(generated)
    assert report.removed == ["cards/entities/jeb-bush.png", "entities/jeb-bush.md"], "the page and its share card"
    assert not (generated.docs / "entities" / "jeb-bush.md").exists()
    assert "topics/coalition-against-islamic-state.md" not in report.written


def test_a_deleted_topic_loses_its_page(generated: Project) -> None:
    extra = generated.seeds / "topics" / "withdrawal-again.yml"
    shutil.copy2(generated.seeds / "topics" / "us-withdrawal-2011.yml", extra)
    assert "topics/withdrawal-again.md" in regenerate(generated).written
    extra.unlink()
    report = regenerate(generated)
    assert report.removed == ["cards/topics/withdrawal-again.png", "feed-withdrawal-again.xml",
                              "lite/topics/withdrawal-again.html", "topics/withdrawal-again.md"]
    assert not (generated.docs / "topics" / "withdrawal-again.md").exists()
    assert "topics/pro-iran-factions.md" not in report.written
