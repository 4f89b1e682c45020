"""The benchmark's synthetic corpus: the same seed gives the same files, and they pass every check."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator.pipeline import Project, check


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "first", 12, seed=3)
    write_corpus(tmp_path / "second", 12, seed=3)
    assert files(tmp_path / "first") == files(tmp_path / "second")


def test_another_seed_writes_other_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "first", 12, seed=3)
    write_corpus(tmp_path / "second", 12, seed=4)
    assert files(tmp_path / "first") != files(tmp_path / "second")


@pytest.mark.parametrize("articles", [1, 10, 30])
def test_the_corpus_passes_every_check(tmp_path: Path, articles: int) -> None:
    write_corpus(tmp_path / "seeds", articles)
    site = check(Project.at(tmp_path)).valid_site()
    assert len(site.articles) == articles
    assert len(site.entities) == 5 * articles
    assert len(site.topics) == max(1, articles // 10)


def test_articles_mention_entities_and_carry_quotes_that_stand_in_their_text(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 10)
    site = check(Project.at(tmp_path)).valid_site()
    names = {alias.name for entity in site.entities for alias in entity.aliases} | {e.name for e in site.entities}
    for article in site.articles:
        paragraphs = [block.text for block in article.blocks if block.kind == "paragraph"]
        assert all(40 <= len(text.split()) <= 120 for text in paragraphs)
        assert any(name in text for name in names for text in paragraphs)
        assert article.claims and all(any(c.match in text for text in paragraphs) for c in article.claims)
    assert any(article.removed for article in site.articles), "no article has a 'See also' line to remove"
    assert any(block.kind == "heading" for article in site.articles for block in article.blocks)
