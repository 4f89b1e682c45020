"""Golden files: the Markdown of every page kind, rendered from a small fixture story.

After a deliberate change to templates or rendering, run `make golden` and
review the diff of tests/golden/pages/ like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT

from generator.pipeline import Project, generate

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTED = GOLDEN / "pages"
TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("golden")
    shutil.copytree(GOLDEN / "seeds", root / "seeds")
    project = Project(root, root / "seeds", TEMPLATES, root / "docs")
    return generate(project, write=False).pages


def test_goldens(rendered: dict[str, str], request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for path, text in rendered.items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(EXPECTED.rglob("*")) if p.is_file()}
    assert sorted(rendered) == sorted(expected), "pages added or removed: run `make golden` and review"
    for path, text in expected.items():
        assert rendered[path] == text, f"{path} differs from its golden file: run `make golden` and review"


@pytest.mark.parametrize("kind", ["index.md", "articles/bridge-vote.md", "topics/bridges.md",
                                  "entities/jon-smith.md", "entities/index.md", "topics/index.md",
                                  "timeline.md", "glossary.md", "sources.md", "lite/index.html",
                                  "lite/articles/bridge-vote.html", "lite/topics/bridges.html"])
def test_every_page_kind_has_a_golden(kind: str) -> None:
    assert (EXPECTED / kind).is_file()
