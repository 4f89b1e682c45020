"""`mkdocs gh-deploy` publishes the built site to the gh-pages branch of a remote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support import mkdocs

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]


@pytest.fixture(autouse=True)
def identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """A git identity for the commits, whatever the machine's git configuration holds."""
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.org")


def git(folder: Path, *args: str) -> str:
    command = ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=True, timeout=60).stdout


def test_gh_deploy_pushes_the_site_to_gh_pages(project: Path, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    remote.mkdir()
    git(remote, "init", "--bare")
    git(project, "init")
    git(project, "add", ".")
    git(project, "commit", "-m", "The project")
    git(project, "remote", "add", "origin", str(remote))
    result = mkdocs(project, "gh-deploy", "--force", "--remote-name", "origin")
    assert result.returncode == 0, result.stderr
    published = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    for name in ("index.html", "sitemap.xml", ".nojekyll", "404.html", "robots.txt",
                 "entities/mustafa-al-kadhimi/index.html"):
        assert name in published
    assert not any(name.startswith(("seeds/", "generator/")) for name in published)
