"""Source-quality warnings: weak verdicts, known mirrors, circular checks.

Each folder in `tests/cases/sourcing/` is laid over the minimal good seeds,
like the bad-input cases, and its `expected.txt` holds the exact warnings
`check` must print. Every case also holds records that must *not* be
warned about (an unverified claim, a copy recorded in `read_at`, a host
that only ends like a listed one), so a rule that warns too much fails as
surely as one that warns too little.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_errors import case_project, expected_lines

from generator.cli import main
from generator.model import Article, Source
from generator.sourcing import ListedMirror, article_copies, mirror_for

CASES = sorted(path for path in (Path(__file__).resolve().parent / "cases" / "sourcing").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_rule_warns_exactly_where_it_should(case: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = case_project(case, tmp_path / "project")
    assert main(["--root", str(root), "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert expected_lines(case), "a case with no expected warning could not show the rule failing"
    assert lines[:-1] == expected_lines(case)
    assert lines[-1].endswith(f"(0 errors, {len(lines) - 1} warnings)")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_strict_turns_them_into_errors(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case_project(case, tmp_path / "project")
    assert main(["--root", str(root), "check", "--strict"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[:-1] == [line.replace(" warning: ", " ", 1) for line in expected_lines(case)]


MIRRORS = [ListedMirror("copies.example.net", "content-farm", "seeds/mirrors/known.yml", 2, 11)]


@pytest.mark.parametrize(("url", "listed"), [
    ("https://copies.example.net/story", True),
    ("https://www.copies.example.net/story", True),
    ("https://news.copies.example.net/story", True),
    ("HTTPS://COPIES.EXAMPLE.NET./story", True),
    ("https://copies.example.net:8443/story", True),
    ("https://notcopies.example.net/story", False),
    ("https://copies.example.net.evil.example/story", False),
    ("https://example.net/copies.example.net", False),
])
def test_a_mirror_covers_its_host_and_subdomains_only(url: str, listed: bool) -> None:
    assert (mirror_for(url, MIRRORS) is not None) is listed


def source(id: str, copy_of: str = "") -> Source:
    return Source(id=id, title="T", publisher="P", url=f"https://example.org/{id}", kind="wire", copy_of=copy_of)


def test_copies_of_the_article_are_followed_both_ways_and_through_copies_of_copies() -> None:
    sources = {s.id: s for s in [source("original"), source("copy", "original"), source("copy-of-copy", "copy"),
                                 source("the-original-copied", ""), source("earlier-version"),
                                 source("unrelated"), source("copied-from-unrelated", "unrelated")]}
    sources["original"] = source("original", "earlier-version")
    article = Article(id="a", title="A", outlet="", page_date=None, event_date=None, blocks=(),
                      original_source="original")
    assert article_copies(article, sources) == {"original", "copy", "copy-of-copy", "earlier-version"}


def test_an_article_without_an_original_has_no_copies() -> None:
    article = Article(id="a", title="A", outlet="", page_date=None, event_date=None, blocks=())
    assert article_copies(article, {"x": source("x")}) == set()
