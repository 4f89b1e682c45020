"""The article parser: structure recovered from raw scraped text, words untouched."""

from __future__ import annotations

import datetime as dt

import pytest
from support import ROOT

from generator.article import ArticleTextError, is_prose, normalise, parse_article, parse_date, split_blocks

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


@pytest.mark.parametrize(("line", "date"), [
    ("August 17, 2022", dt.date(2022, 8, 17)), ("Aug 17, 2022", dt.date(2022, 8, 17)),
    ("17 August 2022", dt.date(2022, 8, 17)), ("2022-08-17", dt.date(2022, 8, 17)),
    ("  2022-08-17 ", dt.date(2022, 8, 17)),
    ("August 17 2022", None), ("17/08/2022", None), ("Monday", None),
])
def test_the_date_line_formats(line: str, date: dt.date | None) -> None:
    assert parse_date(line) == date


def test_a_heading_is_short_and_unpunctuated_and_prose_is_not() -> None:
    assert not is_prose("Do not recreate the error of 2011")
    assert is_prose("Twelve words is still a heading, but this line has thirteen of them")
    assert not is_prose("one two three four five six seven eight nine ten eleven twelve")
    assert all(is_prose(f"It ends here{mark}") for mark in ".!?:;\"”’)…")


def test_the_header_gives_outlet_title_and_section() -> None:
    parsed = parse_article("July 26, 2021\n\nThe Wire\n\nLeaders meet | World | Politics\n\nThey met today.\n")
    assert (parsed.page_date, parsed.outlet, parsed.title, parsed.section_label) == (
        dt.date(2021, 7, 26), "The Wire", "Leaders meet | World", "Politics")
    single = parse_article("Leaders meet\n\nThey met today.\n")
    assert (single.outlet, single.title, single.section_label) == ("", "Leaders meet", "")
    labelled = parse_article("The Wire\n\n | World\n\nThey met today.\n")
    assert (labelled.outlet, labelled.title, labelled.section_label) == ("The Wire", "| World", "")


def test_noise_lines_are_removed_and_kept_and_blocks_numbered() -> None:
    raw = ("Headline\n\nFirst paragraph.\n\nRead also: another story\n\nA subheading\n\nADVERTISEMENT\n\n"
           "Related: more\n\nLast paragraph.\n")
    parsed = parse_article(raw)
    assert parsed.removed == ("Read also: another story", "ADVERTISEMENT", "Related: more")
    assert [(b.kind, b.text, b.number) for b in parsed.blocks] == [
        ("paragraph", "First paragraph.", 1), ("heading", "A subheading", 2), ("paragraph", "Last paragraph.", 3)]


def test_blank_lines_with_spaces_separate_blocks_and_tabs_too() -> None:
    assert split_blocks("a\n \t \nb\nc\n\n\n d ") == ["a", "b c", "d"]
    assert normalise("\ufeffa\r\nb\rc\u00a0d\u202fe") == "a\nb\nc d e"


def test_the_header_is_two_lines_at_most_and_a_short_first_line_after_it_is_text() -> None:
    parsed = parse_article("The Wire\n\nLeaders meet\n\nA short first line\n\nThey met today.\n")
    assert (parsed.outlet, parsed.title) == ("The Wire", "Leaders meet")
    assert [(b.kind, b.text) for b in parsed.blocks] == [("paragraph", "A short first line"),
                                                         ("paragraph", "They met today.")]
