"""`new KIND ID`: starter files that pass `check` at once and never overwrite anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from support import CASES

from generator.cli import main


@pytest.fixture
def small(project: Path) -> Path:
    """A copy of the project holding the minimal seeds (the shared `project` fixture, seeds replaced)."""
    shutil.rmtree(project / "seeds")
    shutil.copytree(CASES / "good" / "minimal" / "seeds", project / "seeds")
    return project


def test_a_new_entity_passes_check_as_soon_as_it_is_written(project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "new", "entity", "fuad-hussein-2"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "wrote seeds/entities/fuad-hussein-2.yml"
    assert main(["--root", str(project), "check"]) == 0


@pytest.mark.parametrize(("kind", "files"), [
    ("article", ["seeds/articles/2021-07-27-next-day.txt", "seeds/articles/2021-07-27-next-day.yml"]),
    ("topic", ["seeds/topics/2021-07-27-next-day.yml"]),
    ("entity", ["seeds/entities/2021-07-27-next-day.yml"]),
    ("source", ["seeds/sources/2021-07-27-next-day.yml"]),
    ("term", ["seeds/glossary/2021-07-27-next-day.yml"]),
    ("chart", ["seeds/charts/2021-07-27-next-day.yml"]),
])
def test_every_starter_passes_check_with_only_warnings(small: Path, kind: str, files: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(small), "new", kind, "2021-07-27-next-day"]) == 0
    assert all((small / name).is_file() for name in files)
    capsys.readouterr()
    assert main(["--root", str(small), "check"]) == 0
    out = capsys.readouterr().out
    assert "warning: still holds a TODO placeholder: write the real value" in out
    assert main(["--root", str(small), "check", "--strict"]) == 1


def test_a_starter_points_at_its_schema_and_explains_each_key(small: Path) -> None:
    assert main(["--root", str(small), "new", "entity", "someone"]) == 0
    text = (small / "seeds/entities/someone.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../generator/schemas/entity.schema.json"
    assert ("    # What sort of thing it is. One of: person, organisation, group, place, agreement, operation, "
            "other.\n    kind: person\n") in text
    assert yaml.safe_load(text)["entities"][0] == {
        "id": "someone", "name": "Someone", "kind": "person",
        "description": "TODO: Who or what it is, in a sentence or two.",
        "sources": ["example-2021-07-26-meeting"]}


def test_without_any_source_a_stub_source_is_written_too(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(small / "seeds" / "sources")
    (small / "seeds" / "sources").mkdir()
    for folder in ("articles", "entities", "events", "glossary", "topics"):
        shutil.rmtree(small / "seeds" / folder)
    assert main(["--root", str(small), "new", "entity", "someone"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "wrote seeds/sources/someone-source.yml", "wrote seeds/entities/someone.yml",
        'note: the project has no source yet, so a stub source "someone-source" was added too']
    assert main(["--root", str(small), "check"]) == 0


def test_an_existing_file_is_never_overwritten(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (small / "seeds/topics/taken.yml").write_text("title: mine\n", encoding="utf-8")
    assert main(["--root", str(small), "new", "topic", "taken"]) == 1
    assert capsys.readouterr().err == "error: seeds/topics/taken.yml already exists: edit it, or choose another id\n"
    assert (small / "seeds/topics/taken.yml").read_text(encoding="utf-8") == "title: mine\n"


def test_a_file_in_the_way_is_named(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (small / "seeds/articles/2021-07-27-next.yml").write_text("summary: mine\n", encoding="utf-8")
    assert main(["--root", str(small), "new", "article", "2021-07-27-next"]) == 1
    assert capsys.readouterr().err == ('error: article "2021-07-27-next" already exists in '
                                       "seeds/articles/2021-07-27-next.yml: edit it there, or choose another id\n")
    assert not (small / "seeds/articles/2021-07-27-next.txt").exists()


def test_an_id_defined_in_another_file_is_refused(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(small), "new", "entity", "joe-biden"]) == 1
    assert capsys.readouterr().err == \
        'error: entity "joe-biden" already exists in seeds/entities/people.yml: edit it there, or choose another id\n'


def test_a_bad_id_is_refused_with_the_rule(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(small), "new", "source", "AP Story"]) == 1
    assert capsys.readouterr().err == ('error: "AP Story" is not a valid id: use lowercase letters, digits '
                                       'and single hyphens, like "mosul-2014"\n')
    assert sorted(p.name for p in (small / "seeds/sources").iterdir()) == ["example.yml"]
