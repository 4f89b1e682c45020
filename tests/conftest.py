"""Shared fixtures: temporary copies of the project, and one real MkDocs build of `seeds/`.

Paths and helpers (ROOT, CASES, copy_project, mkdocs) are imported from support.py, never from here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_project, mkdocs


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")
    parser.addoption("--update-benchmarks", action="store_true",
                     help="write the Lighthouse figures into BENCHMARKS.md (make lighthouse)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutation testing, run the quickest tests first: mutmut stops at the first failure, so most mutants die in
    a fraction of a second instead of after whichever slow test the given order put first."""
    timings = Path("mutmut-stats.json")
    if "MUTANT_UNDER_TEST" not in os.environ or not timings.is_file():
        return
    seconds = json.loads(timings.read_text(encoding="utf-8")).get("duration_by_test", {})
    items.sort(key=lambda item: seconds.get(item.nodeid, 0.0))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, safe to edit and build."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project's own seeds built once by the real `mkdocs build --strict`; yields the project copy."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    yield project
