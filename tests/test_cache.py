"""A run whose inputs and outputs are as the last run left them is skipped; anything else forces a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.pipeline import Project, RunReport, generate

ENTITIES = "seeds/entities/people.yml"


@pytest.fixture
def generated(project: Path) -> Project:
    at = Project.at(project)
    first = generate(at)
    assert not first.cached
    return at


def test_a_run_with_nothing_changed_is_skipped(generated: Project) -> None:
    report = generate(generated)
    assert report.cached
    assert report.written is not None
    assert report.written.written == []
    assert "index.md" in report.written.unchanged
    assert "load" not in report.timings


def assert_runs(report: RunReport) -> None:
    assert not report.cached
    assert "load" in report.timings


def test_an_edited_input_forces_a_run(generated: Project) -> None:
    path = generated.root / ENTITIES
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert_runs(generate(generated))


def test_an_edited_template_forces_a_run(generated: Project) -> None:
    path = generated.templates / "entity.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert_runs(generate(generated))


def test_a_new_input_file_forces_a_run(generated: Project) -> None:
    (generated.seeds / "entities" / "notes.txt").write_text("not an input\n", encoding="utf-8")
    with pytest.raises(InputError):
        generate(generated)


def test_a_deleted_output_forces_a_run_that_restores_it(generated: Project) -> None:
    page = generated.docs / "index.md"
    text = page.read_bytes()
    page.unlink()
    report = generate(generated)
    assert_runs(report)
    assert report.written is not None and report.written.written == ["index.md"]
    assert page.read_bytes() == text


def test_a_hand_edited_output_forces_a_run_that_restores_it(generated: Project) -> None:
    page = generated.docs / "glossary.md"
    text = page.read_bytes()
    page.write_bytes(text.replace(b"Glossary", b"Glossarx", 1))
    report = generate(generated)
    assert_runs(report)
    assert report.written is not None and report.written.written == ["glossary.md"]
    assert page.read_bytes() == text


def test_a_failed_run_stores_nothing_and_the_next_good_one_runs(generated: Project) -> None:
    path = generated.root / ENTITIES
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\n  - id: Bad Id\n", encoding="utf-8")
    with pytest.raises(InputError):
        generate(generated)
    path.write_text(good + "\n", encoding="utf-8")
    assert_runs(generate(generated))
    assert generate(generated).cached
