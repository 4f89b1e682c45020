"""Shared fixtures: temporary copies of the project, and one real MkDocs build of `seeds/`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
PROJECT_FILES = ("mkdocs.yml", "seeds", "templates", "docs/assets", "generator", "overrides")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


def copy_project(target: Path, seeds: Path | None = None) -> Path:
    """A copy of the project's inputs in `target`, with `seeds` replacing seeds/ if given."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if seeds is not None:
        shutil.rmtree(target / "seeds")
        shutil.copytree(seeds, target / "seeds")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, safe to edit and build."""
    return copy_project(tmp_path / "project")


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1627257600"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project's own seeds built once by the real `mkdocs build --strict`; yields the project copy."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    yield project
