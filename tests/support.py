"""Helpers shared by the tests: the project's paths, throwaway copies of it, and running MkDocs.

They live here rather than in conftest.py so that tests can import them by a
name no other module takes (tests/browser/ has a conftest.py of its own).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
# pyproject.toml too: under mutation testing, the copied generator looks for mutmut's settings beside it.
PROJECT_FILES = ("mkdocs.yml", "pyproject.toml", "seeds", "templates", "docs/assets", "generator", "overrides")


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


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1627257600"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)
