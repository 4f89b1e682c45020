"""The suite can be collected without Playwright: `pytest -m "not browser"` needs nothing the browser tests need.

A folder put first on the import path holds a `playwright` package that refuses to be imported, as if it were
not installed; pytest then collects (and runs some of) the suite in a child process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

BLOCKER = 'raise ImportError("No module named \'playwright\' (blocked by the test)")\n'


@pytest.fixture
def without_playwright(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import playwright` fails."""
    blocked = tmp_path / "blocked"
    (blocked / "playwright").mkdir(parents=True)
    (blocked / "playwright" / "__init__.py").write_text(BLOCKER, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocked), os.environ.get("PYTHONPATH", "")])}


def pytest_run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_the_blocker_really_hides_playwright(without_playwright: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-c", "import playwright.sync_api"], env=without_playwright,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "blocked by the test" in result.stderr


def test_everything_but_the_browser_tests_collects_without_playwright(without_playwright: dict[str, str]) -> None:
    result = pytest_run(without_playwright, "--collect-only", "-m", "not browser", "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    counts = re.match(r"(\d+)/(\d+) tests collected \((\d+) deselected\)", summary)
    assert counts, summary
    selected, total, deselected = map(int, counts.groups())
    assert selected > 200 and deselected > 0 and selected + deselected == total


def test_the_browser_tests_collect_too(without_playwright: dict[str, str]) -> None:
    result = pytest_run(without_playwright, "--collect-only", "tests/browser")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_a_test_beside_the_browser_tests_runs_without_playwright(without_playwright: dict[str, str]) -> None:
    result = pytest_run(without_playwright, "-m", "not browser", "tests/browser/test_browser_screenshots.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b4 passed, 2 deselected\b", result.stdout), result.stdout
