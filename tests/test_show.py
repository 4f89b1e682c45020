"""`python -m generator show ARTICLE`: the parse explained to an editor, exactly, with the fix for each guess."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import CASES

from generator.cli import main

ARTICLES = CASES / "articles"
MINIMAL = CASES / "good" / "minimal" / "seeds"

SHOWN = CASES / "show"
"""The exact output of `show` for two articles, reviewed by hand."""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "seeds")
    for name in ("wire-basra-water.txt", "jsonld-dam-updated.html", "cms-heatwave.md"):
        shutil.copyfile(ARTICLES / name, tmp_path / "seeds" / "articles" / name)
    (tmp_path / "seeds" / "articles" / "wire-basra-water.yml").write_text(
        'title: "Salt water reaches the date farms of Basra"\n', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("article", "expected"), [
    ("wire-basra-water", "wire-basra-water.txt"),
    ("seeds/articles/jsonld-dam-updated.html", "jsonld-dam-updated.txt"),
])
def test_show_explains_the_parse_exactly(root: Path, article: str, expected: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The wire story's title is set in its sidecar; the page's date is in New York time, a day before UTC's."""
    assert main(["--root", str(root), "show", article]) == 0
    assert capsys.readouterr().out == (SHOWN / expected).read_text(encoding="utf-8")


def test_show_names_the_front_matter_for_a_markdown_export(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "show", "cms-heatwave"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "seeds/articles/cms-heatwave.md (Markdown export)"
    assert lines[2] == ("          from the front matter's title; if it is wrong, set `title:` in "
                        "seeds/articles/cms-heatwave.yml")
    assert lines[3:5] == ["date:     18 July 2024", "          from the front matter; if it is wrong, set "
                          "`page_date:` in seeds/articles/cms-heatwave.yml"]


def test_show_an_unknown_article(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "show", "no-such-article"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ('error: no article "no-such-article" in seeds/articles/ (articles: 2021-07-26-meeting, '
                            "cms-heatwave, jsonld-dam-updated, wire-basra-water)\n")


def test_show_an_article_that_cannot_be_read(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds" / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    assert main(["--root", str(root), "show", "broken"]) == 1
    assert capsys.readouterr().err.startswith("seeds/articles/broken.md:2:8: front matter: YAML syntax:")
