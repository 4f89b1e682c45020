"""`make clean` removes what builds made and nothing else, and says so when it cannot."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from generator.pipeline import Project, generate


@pytest.fixture
def built(project: Path) -> Path:
    """A project copy with its Makefile, the pages generated and a stand-in for the built site."""
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    generate(Project.at(project))
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>built</p>\n", encoding="utf-8")
    return project


def make_clean(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "clean", f"PYTHON={sys.executable}"], cwd=project, capture_output=True, text=True,
                          timeout=120)


def test_clean_removes_the_generated_pages_and_the_site_and_keeps_the_rest(built: Path) -> None:
    assert (built / "docs" / "entities" / "joe-biden.md").is_file()
    result = make_clean(built)
    assert result.returncode == 0, result.stderr
    left = sorted(path.relative_to(built / "docs").as_posix() for path in (built / "docs").rglob("*") if path.is_file())
    assert left == [".generated.json", "assets/a11y.css", "assets/a11y.js", "assets/explainer.css",
                    "assets/explainer.js", "assets/glossary-tips.js", "assets/print.css", "assets/print.js",
                    "assets/search-on-demand.js", "assets/visuals.css"]
    assert not (built / "site").exists()


def test_clean_fails_loudly_when_it_cannot_remove_the_pages(built: Path) -> None:
    (built / "generator" / "write.py").write_text("def broken(:\n", encoding="utf-8")
    result = make_clean(built)
    assert result.returncode != 0
    assert "SyntaxError" in result.stderr
    assert (built / "docs" / "entities" / "joe-biden.md").is_file(), "the pages are still there, and make says so"
