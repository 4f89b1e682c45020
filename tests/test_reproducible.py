"""Two builds of the same inputs, in different folders, are byte-identical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import ROOT, copy_project, mkdocs

pytestmark = pytest.mark.slow


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    builds = []
    for name in ("first", "second-build"):
        project = copy_project(tmp_path / name / "project")
        result = mkdocs(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
        builds.append(files(project / "site"))
    first, second = builds
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert not any(str(tmp_path).encode() in data for data in first.values())


def test_dates_come_from_source_date_epoch(built_site: Path) -> None:
    # The `mkdocs` fixture sets SOURCE_DATE_EPOCH=1627257600.
    sitemap = (built_site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2021-07-26"}


@pytest.mark.skipif(not (shutil.which("make") and shutil.which("git")), reason="needs make and git")
def test_make_dates_builds_from_the_last_commit_not_the_clock() -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    last_commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, env=env, capture_output=True,
                                 text=True, check=True).stdout.strip()
    printed = subprocess.run(["make", "-s", "--eval", "print-epoch: ; @echo $$SOURCE_DATE_EPOCH", "print-epoch"],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert printed == last_commit
