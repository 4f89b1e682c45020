"""The article parser: structure recovered from raw scraped text, words untouched."""

from __future__ import annotations

import datetime as dt

import pytest
from support import ROOT

from generator.article import ArticleTextError, parse_article

SEED = ROOT / "seeds" / "articles" / "2021-07-26-biden-kadhimi-new-phase.txt"


def test_seed_article_header() -> None:
    parsed = parse_article(SEED.read_text(encoding="utf-8"))
    assert parsed.page_date == dt.date(2022, 8, 17)
    assert parsed.outlet == "Complete News World"
    assert parsed.title == "Biden announces “new” phase in relations with Iraq"
    assert parsed.section_label == "The world"


def test_seed_article_body() -> None:
    parsed = parse_article(SEED.read_text(encoding="utf-8"))
    headings = [b.text for b in parsed.blocks if b.kind == "heading"]
    paragraphs = [b for b in parsed.blocks if b.kind == "paragraph"]
    assert headings == ["Do not recreate the error of 2011"]
    assert len(paragraphs) == 15
    assert paragraphs[0].text.startswith("A “new phase” of the US military presence")
    assert parsed.removed == ("See also  Nine people were injured in a knife attack on a train",)
    assert [b.number for b in parsed.blocks] == list(range(1, len(parsed.blocks) + 1))


def test_paragraph_words_are_kept_exactly() -> None:
    raw = SEED.read_text(encoding="utf-8")
    parsed = parse_article(raw)
    for block in parsed.blocks:
        assert block.text in raw


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_line_endings_and_bom_do_not_matter(newline: str, bom: str) -> None:
    raw = SEED.read_text(encoding="utf-8")
    variant = bom + raw.replace("\n", newline)
    assert parse_article(variant) == parse_article(raw)


def test_no_break_spaces_become_spaces() -> None:
    parsed = parse_article("Headline\n\nOne\u00a0sentence with\u202fspaces.\n")
    assert parsed.blocks[0].text == "One sentence with spaces."


def test_lines_within_a_paragraph_are_joined() -> None:
    parsed = parse_article("Headline\n\nA paragraph that\nwraps over lines.\n")
    assert parsed.blocks[0].text == "A paragraph that wraps over lines."


def test_without_date_or_outlet() -> None:
    parsed = parse_article("Just a headline\n\nThe only paragraph.\n")
    assert (parsed.page_date, parsed.outlet, parsed.title) == (None, "", "Just a headline")


def test_cut_off_paragraph_is_not_a_heading() -> None:
    parsed = parse_article(SEED.read_text(encoding="utf-8"))
    cut = next(b for b in parsed.blocks if b.text.endswith("which could lead to IS"))
    assert cut.kind == "paragraph"


@pytest.mark.parametrize("raw", ["", "\n\n", "August 17, 2022\n\nOutlet\n\nHeadline | Section\n",
                                 "Headline\n\nSee also  Another story\n"])
def test_article_without_paragraphs_is_an_error(raw: str) -> None:
    with pytest.raises(ArticleTextError, match="no paragraphs"):
        parse_article(raw)


def test_an_article_with_no_date_and_no_dateline_says_so_with_empty_values() -> None:
    """Nothing found is an empty string, never None or a guess: `show` prints these, and the sidecar fills them."""
    parsed = parse_article("Council votes on the bridge\n\nThe council voted on Monday to build a bridge over the "
                           "river, after years of argument.\n")
    assert (parsed.page_date, parsed.date_source, parsed.outlet, parsed.dateline) == (None, "", "", "")
