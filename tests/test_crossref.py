"""Checks across files, on the minimal seeds changed one way at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import CASES

from generator.errors import InputError
from generator.pipeline import Project, check

MINIMAL = CASES / "good" / "minimal" / "seeds"


def problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        check(Project.at(root))
    return [str(problem) for problem in caught.value.problems]


def test_references_to_a_kind_with_no_file_at_all_are_unknown(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "seeds")
    shutil.rmtree(tmp_path / "seeds" / "topics")
    assert problems(tmp_path) == [
        'seeds/articles/2021-07-26-meeting.yml:11:12: context[0].topic: unknown topic "the-meeting"',
        'seeds/entities/people.yml:13:14: entities[1].topics[0]: unknown topic "the-meeting"',
    ]
