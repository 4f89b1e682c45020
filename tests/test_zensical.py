"""The generated docs/ also build with Zensical, Material for MkDocs' successor, from the same mkdocs.yml.

Zensical runs no MkDocs hooks, so the pages are generated first with `python -m generator build`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import copy_project
from test_third_party import scan_site, site_url_of

pytestmark = pytest.mark.slow

zensical = pytest.importorskip("zensical", reason="zensical is pinned in requirements-dev.txt; pip install it")


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=project, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1627257600"})


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    generated = run(project, "generator", "build")
    assert generated.returncode == 0, generated.stderr
    # mkdocs.yml says `strict: true`, which Zensical honours: any warning fails the build.
    built = run(project, "zensical", "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "site"


def test_zensical_builds_the_generated_pages(zensical_site: Path) -> None:
    for page in ("index.html", "entities/mustafa-al-kadhimi/index.html", "timeline/index.html", "404.html"):
        assert (zensical_site / page).is_file(), page
    entity = (zensical_site / "entities" / "mustafa-al-kadhimi" / "index.html").read_text(encoding="utf-8")
    assert "Prime minister of Iraq" in entity


def test_zensical_pages_and_styles_load_nothing_from_another_host(zensical_site: Path) -> None:
    """No web fonts (`font: false` holds) and no CDN in pages and styles; its script bundle keeps the
    theme's on-demand loaders, for features this site does not use."""
    loads = scan_site(zensical_site, site_url_of(zensical_site))
    assert [load for load in loads if not load.file.endswith(".js")] == []
