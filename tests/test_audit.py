"""Orphans and gaps: warnings for records nothing uses; errors with --strict."""

from __future__ import annotations

import pytest
from support import CASES

from generator.cli import main

ORPHANS = CASES / "editor" / "orphans"
WARNINGS = [
    'seeds/entities/people.yml:15:9: entities[2].id: warning: entity "nobody-at-all" is never mentioned in an '
    "article or a topic's facts",
    'seeds/glossary/terms.yml:7:9: terms[1].id: warning: term "xyz" is never used: "XYZ" appears in no article, '
    "topic, entity or event",
    'seeds/sources/example.yml:8:9: sources[1].id: warning: source "never-cited" is never cited',
    'seeds/topics/lonely.yml:1:1: warning: topic "lonely" is not drawn on by any article (no article\'s context '
    "points at it)",
]


def test_unused_records_are_warnings_that_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ORPHANS), "check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        *WARNINGS,
        "ok: 1 article, 2 topics, 3 entities, 1 event, 2 sources, 2 terms; 4 problems found (0 errors, 4 warnings)"]


def test_strict_makes_them_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ORPHANS), "check", "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        *(line.replace(" warning: ", " ") for line in WARNINGS),
        "failed: 1 article, 2 topics, 3 entities, 1 event, 2 sources, 2 terms; 4 problems found (4 errors, 0 warnings)"]


def test_the_minimal_project_has_no_loose_ends(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(CASES / "good" / "minimal"), "check", "--strict"]) == 0
