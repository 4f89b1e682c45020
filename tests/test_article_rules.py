"""The general rules behind the article parser: dates, datelines, headers, boilerplate, Markdown and HTML.

Every expected value is written by hand. The rules must hold for layouts the
fixtures do not show, so each is tried on several variants.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.article import ArticleTextError, parse_article
from generator.article_body import is_boilerplate
from generator.article_dates import find_dateline, parse_date, read_date_line
from generator.load import load_seeds

D = dt.date


@pytest.mark.parametrize(("text", "date"), [
    ("August 17, 2022", D(2022, 8, 17)),
    ("17 August 2022", D(2022, 8, 17)),
    ("2022-08-17", D(2022, 8, 17)),
    ("Aug. 17, 2022", D(2022, 8, 17)),
    ("Wednesday 17 August 2022 14.05 BST", D(2022, 8, 17)),
    ("Wed, Aug 17, 2022, 11:30 PM EDT", D(2022, 8, 17)),
    ("6:14 PM GMT+3, May 2, 2024", D(2024, 5, 2)),
    ("2024-03-01T23:30:00-05:00", D(2024, 3, 1)),
    ("08/17/2022", D(2022, 8, 17)),
    ("17.08.2022", D(2022, 8, 17)),
    ("05.03.2024", D(2024, 3, 5)),
])
def test_usual_date_styles_are_read_in_their_own_time_zone(text: str, date: D) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["Monday", "3 hours ago", "yesterday", "May 2024", "Dec 9", "2024",
                                  "Iraq votes in 2024", "Protests on May 1, 2024 draw thousands",
                                  "Complete News World"])
def test_what_is_not_a_whole_date_is_not_read_as_one(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(("line", "published", "updated", "printed", "unread"), [
    ("Published March 4, 2024 · Updated March 5, 2024 10:32 a.m. ET", D(2024, 3, 4), D(2024, 3, 5), None, ()),
    ("Published 11:45 PM EST, Fri March 1, 2024 | Updated 1:05 AM EST, Sat March 2, 2024",
     D(2024, 3, 1), D(2024, 3, 2), None, ()),
    ("Posted on 3 March 2024 at 09:15", D(2024, 3, 3), None, None, ()),
    ("Last updated: 05.03.2024", None, D(2024, 3, 5), None, ()),
    ("First published Tue 4 Jun 2024 07.00 BST", D(2024, 6, 4), None, None, ()),
    ("Mar 13, 2024 / 11:34 AM / Updated 2 hours ago", None, None, D(2024, 3, 13), ("Updated 2 hours ago",)),
    ("Thursday, 2 May 2024 — 11:45 BST", None, None, D(2024, 5, 2), ()),
])
def test_date_lines_and_stamps(line: str, published: D | None, updated: D | None, printed: D | None,
                               unread: tuple[str, ...]) -> None:
    found = read_date_line(line)
    assert found is not None
    assert (found.published, found.updated, found.printed, found.unread) == (published, updated, printed, unread)


@pytest.mark.parametrize("line", ["Updated to add the reservoir level.", "The report was published on March 4, 2024",
                                  "Biden announces new phase", "By Jane Doe"])
def test_lines_that_are_not_date_lines(line: str) -> None:
    assert read_date_line(line) is None


@pytest.mark.parametrize(("paragraph", "page_date", "place", "day"), [
    ("BAGHDAD, Dec 9 — Iraq declared the end of the combat mission.", D(2021, 12, 10), "BAGHDAD", D(2021, 12, 9)),
    ("WASHINGTON (AP) — The president met the prime minister.", D(2021, 7, 26), "WASHINGTON", None),
    ("Baghdad (AFP) - Iraq's prime minister flew to Washington.", None, "Baghdad", None),
    ("NEW YORK, March 3 (Reuters) - Oil prices rose.", D(2024, 3, 4), "NEW YORK", D(2024, 3, 3)),
    ("KYIV, Ukraine (AP) — Air raid sirens sounded.", None, "KYIV, Ukraine", None),
    ("BAGHDAD, Dec 30 — The year ended quietly.", D(2025, 1, 2), "BAGHDAD", D(2024, 12, 30)),
    ("ERBIL, Iraq, 4 June 2024 — Flights resumed.", None, "ERBIL, Iraq", D(2024, 6, 4)),
    ("PORT-AU-PRINCE, Haiti — Gangs blocked the road.", None, "PORT-AU-PRINCE, Haiti", None),
])
def test_datelines_give_the_place_and_day(paragraph: str, page_date: D | None, place: str, day: D | None) -> None:
    dateline = find_dateline(paragraph, page_date)
    assert dateline is not None
    assert (dateline.place, dateline.day) == (place, day)


@pytest.mark.parametrize("paragraph", [
    "The minister — who spoke in Arabic — said the talks would go on.",
    "US — and Iraqi — officials met on Monday.",
    "Baghdad — the capital — was quiet.",
    "Meanwhile, in Basra — a city of two million — the heat broke records.",
    "A “new phase” of the US military presence in Iraq was announced.",
])
def test_a_dash_early_in_a_paragraph_is_not_a_dateline(paragraph: str) -> None:
    assert find_dateline(paragraph, D(2024, 1, 1)) is None


def test_the_dateline_stays_in_the_text() -> None:
    parsed = parse_article("Headline here\nMarch 4, 2024\n\nBASRA, March 3 — Farmers rationed water.\n")
    assert parsed.blocks[0].text == "BASRA, March 3 — Farmers rationed water."
    assert (parsed.dateline, parsed.dateline_date) == ("BASRA", D(2024, 3, 3))


def test_a_dateline_with_a_year_dates_an_article_that_has_no_date_line() -> None:
    parsed = parse_article("Flights resume\n\nERBIL, Iraq, 4 June 2024 — Flights resumed on Tuesday.\n")
    assert (parsed.page_date, parsed.date_source) == (D(2024, 6, 4), "dateline")


# Headers ----------------------------------------------------------------------------------------------------------

def header(raw: str) -> tuple[str, str, str, str, D | None]:
    parsed = parse_article(raw)
    return parsed.title, parsed.outlet, parsed.section_label, parsed.byline, parsed.page_date


BODY = "\n\nThe first paragraph of the story, which runs on as a sentence.\n"


@pytest.mark.parametrize(("top", "result"), [
    ("Will the marshes survive another dry summer?\nBy Jane Doe\nMarch 3, 2024",
     ("Will the marshes survive another dry summer?", "", "", "Jane Doe", D(2024, 3, 3))),
    ("March 3, 2024\nBy Jane Doe\nThe Example Times\nCouncil votes",
     ("Council votes", "The Example Times", "", "Jane Doe", D(2024, 3, 3))),
    ("Council votes to build a bridge over the river after twenty years of argument between its two towns\n"
     "3 March 2024", ("Council votes to build a bridge over the river after twenty years of argument between its "
                      "two towns", "", "", "", D(2024, 3, 3))),
    ("World\nCouncil votes\nBy JANE DOE", ("Council votes", "", "World", "JANE DOE", None)),
    ("Council votes\nexampletimes.com\nSection: Local\nBy Jane Doe | March 3, 2024",
     ("Council votes", "exampletimes.com", "Local", "Jane Doe", D(2024, 3, 3))),
    ("Home › News › Local\nCouncil votes | Politics", ("Council votes", "", "Local", "", None)),
    ("Council votes\nWritten by Jane Doe and Sam Roe, Example Wire\nUpdated 2 hours ago",
     ("Council votes", "", "", "Jane Doe and Sam Roe, Example Wire", None)),
])
def test_header_lines_in_any_order(top: str, result: tuple[str, str, str, str, D | None]) -> None:
    assert header(top + BODY) == result


def test_a_standfirst_between_headline_and_byline_stays_in_the_text() -> None:
    parsed = parse_article("Council votes\n\nThe bridge has divided the town for years.\n\nBy Jane Doe\n"
                           "March 3, 2024" + BODY)
    assert (parsed.title, parsed.byline, parsed.page_date) == ("Council votes", "Jane Doe", D(2024, 3, 3))
    assert [block.text for block in parsed.blocks] == ["The bridge has divided the town for years.",
                                                       "The first paragraph of the story, which runs on as a "
                                                       "sentence."]


@pytest.mark.parametrize("line", ["By the end of the year, troops will leave.",
                                  "By Monday night the streets were empty", "by and large the talks went well"])
def test_a_paragraph_starting_with_by_is_not_a_byline(line: str) -> None:
    parsed = parse_article("Headline here\n\n" + line + "\n\nAnother paragraph follows here.\n")
    assert parsed.byline == ""
    assert parsed.blocks[0].text == line


# Boilerplate ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Advertisement - Scroll to continue", "Story continues below advertisement",
    "Share this article", "Share", "Share on WhatsApp", "Read more: Iraq's marshes shrink", "READ MORE",
    "See also  Nine people were injured", "Also read: The budget in numbers", "Related", "Related:",
    "RELATED COVERAGE", "Related: The talks in Washington", "© 2024 Example News", "(c) 2024 Example News",
    "Copyright 2024 The Example Wire. All rights reserved.", "All rights reserved.", "Subscribe",
    "Subscribe to our newsletter", "Sign up for our daily briefing", "Newsletter", "Follow us on Telegram",
    "We use cookies to improve your experience.", "Accept all cookies", "Skip to main content", "Most read",
    "You may also like", "Comments (12)", "Leave a comment",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Related talks collapsed on Monday, officials said.", "Subscribers to the service rose by a third.",
    "Sharing the load, the two ministries agreed to meet again.", "Read the full statement, he told reporters.",
    "Home prices rose.", "Advertisements for the vote covered the city walls.", "The search went on all night.",
    "Copyrights held by the ministry were not affected, the court said.", "See you in court, the lawyer said.",
])
def test_running_text_is_never_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_boilerplate_is_removed_and_listed_and_a_cut_sentence_is_mended() -> None:
    parsed = parse_article("Headline here\n\nThe talks began on Monday.\n\nThe minister said\n\nAdvertisement\n\n"
                           "that the talks would go on.\n\nRelated\nStory one\nStory two\n\nThe end of the story.\n")
    assert [block.text for block in parsed.blocks] == ["The talks began on Monday.",
                                                       "The minister said that the talks would go on.",
                                                       "The end of the story."]
    assert parsed.removed == ("Advertisement", "Related", "Story one", "Story two")


# Markdown ---------------------------------------------------------------------------------------------------------

def test_markdown_front_matter_and_inline_formatting() -> None:
    raw = ("---\nheadline: A title\npublished: 3 March 2024\nlastmod: 2024-03-04\nauthors:\n  - name: Jane Doe\n"
           "  - Sam Roe\npublisher: Example Wire\ncategories: [World, Iraq]\n---\n\n"
           "A **bold** claim with [a link](https://example.org/x \"t\") and `code`.\n\n"
           "<script>alert(1)</script>\n\n<div>Raw <b>HTML</b> text.</div>\n")
    parsed = parse_article(raw, ".md")
    assert (parsed.title, parsed.page_date, parsed.updated_date, parsed.byline, parsed.outlet,
            parsed.section_label) == ("A title", D(2024, 3, 3), D(2024, 3, 4), "Jane Doe and Sam Roe",
                                      "Example Wire", "World")
    assert [block.text for block in parsed.blocks] == ["A bold claim with a link and code.", "Raw HTML text."]


def test_markdown_without_front_matter_takes_its_first_heading_as_the_title() -> None:
    parsed = parse_article("# The headline\n\nBy Jane Doe\n\nThe story begins here, and goes on.\n", ".md")
    assert (parsed.title, parsed.byline) == ("The headline", "Jane Doe")
    assert [block.text for block in parsed.blocks] == ["The story begins here, and goes on."]


@pytest.mark.parametrize(("raw", "line", "column", "message"), [
    ("---\ntitle: [unclosed\ndate: 2024-03-03\n---\n\nText.\n", 2, 8, "front matter: YAML syntax"),
    ("\ufeff---\r\ntitle: A title\r\ndate: someday\r\n---\r\n\r\nText.\r\n", 3, 7,
     'front matter: "someday" is not a date'),
    ("---\n- a list\n---\n\nText.\n", 2, 1, "front matter: expected keys"),
])
def test_markdown_front_matter_problems_are_located(raw: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ArticleTextError) as caught:
        parse_article(raw, ".md")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(message)


# HTML -------------------------------------------------------------------------------------------------------------

def test_a_page_without_article_text_is_an_error() -> None:
    with pytest.raises(ArticleTextError):
        parse_article("<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>", ".html")


def test_a_page_with_no_metadata_still_gives_its_headline_and_text() -> None:
    page = ("<html><body><article><h1>Council votes on the bridge</h1><p>By Jane Doe</p><p>March 3, 2024</p>"
            "<p>The council of Exampletown voted on Monday to build a bridge over the river, after years of "
            "argument between the towns on either bank.</p><h2>What comes next</h2><p>Work starts next year, "
            "the mayor said, and should take about two years to finish.</p></article></body></html>")
    parsed = parse_article(page, ".html")
    assert (parsed.title, parsed.byline, parsed.page_date) == ("Council votes on the bridge", "Jane Doe",
                                                               D(2024, 3, 3))
    assert parsed.headings == ("What comes next",)


STORY = "The council of Exampletown voted on Monday to build a bridge over the river, after years of argument."


@pytest.mark.parametrize(("raw", "suffix"), [
    (f"<html><body><p><b>Council votes on the bridge</b></p><p>By Jane Doe · March 3, 2024</p><p>{STORY}</p>"
     "</body></html>", ".html"),
    (f"<html><body><div><span>Example Gazette</span></div><div>Council votes on the bridge</div><div>By Jane Doe"
     f"</div><div>Published March 3, 2024</div><div>{STORY}</div></body></html>", ".html"),
    (f"**Council votes on the bridge**\n\nBy Jane Doe\n\nMarch 3, 2024\n\n{STORY}\n", ".md"),
    (f'{{"body": "<p>Council votes on the bridge</p><p>By Jane Doe</p><p>March 3, 2024</p><p>{STORY}</p>"}}', ".json"),
])
def test_a_text_with_no_headline_in_its_metadata_has_its_top_read_as_a_plain_texts(raw: str, suffix: str) -> None:
    """A page or export with no title and no heading: its first blocks are the headline, byline and date line."""
    parsed = parse_article(raw, suffix)
    assert (parsed.title, parsed.byline, parsed.page_date) == ("Council votes on the bridge", "Jane Doe",
                                                               D(2024, 3, 3))
    assert [block.text for block in parsed.blocks] == [STORY]


# Any input ---------------------------------------------------------------------------------------------------------

MARKUP = "<>&*_`[](){}#!|\\~^=$:;\"'-+.1 \t/?%@\n"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([".md", ".html", ".htm"]), st.text(st.sampled_from(MARKUP + "abcp/h2-") | st.characters(
    codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_any_markdown_or_page_parses_or_reports(suffix: str, raw: str) -> None:
    try:
        parsed = parse_article(raw, suffix)
    except ArticleTextError as error:
        assert error.line >= 1 and error.column >= 1
        return
    assert any(block.kind == "paragraph" for block in parsed.blocks)


def test_a_saved_page_in_its_declared_encoding_is_read(tmp_path: Path) -> None:
    """Browsers save a page's bytes as received: a page declaring windows-1252 is read in it; a text file that
    declares nothing is read in it too, with a warning at its first byte that is not UTF-8."""
    folder = tmp_path / "seeds" / "articles"
    folder.mkdir(parents=True)
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "<title>Café owners ‘cautious’</title></head><body><p>Prices rose.</p></body></html>")
    (folder / "page.html").write_bytes(page.encode("cp1252"))
    (folder / "text.txt").write_bytes("Café owners ‘cautious’\n\nPrices rose.\n".encode("cp1252"))
    loaded = load_seeds(tmp_path / "seeds", tmp_path)
    assert loaded.texts["page"][1] == page
    assert loaded.texts["text"][1] == "Café owners ‘cautious’\n\nPrices rose.\n"
    assert [(str(problem), problem.severity) for problem in loaded.problems] == [
        ("seeds/articles/text.txt:1:4: not UTF-8 text (byte 0xE9 here), so it was read as Windows-1252: check its "
         "quotes and accented letters on the page, and save the file with UTF-8 encoding to silence this",
         "warning")]


def test_a_text_that_is_neither_utf8_nor_windows_1252_is_refused_at_its_first_bad_byte(tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "articles"
    folder.mkdir(parents=True)
    (folder / "text.txt").write_bytes(b"Headline\n\nA byte \x81 that no encoding we read has.\n")
    loaded = load_seeds(tmp_path / "seeds", tmp_path)
    assert "text" not in loaded.texts
    assert [str(problem) for problem in loaded.problems] == [
        "seeds/articles/text.txt:3:8: not UTF-8 text (byte 0x81 here): save the file with UTF-8 encoding"]


# Layouts seen when text is copied from news sites ------------------------------------------------------------------

LEAD = "The council voted on Monday to build a bridge over the river, after years of argument.\n"
COPIED = [
    ("Iraq\n\nThis article is more than 2 years old\n\nCouncil votes to build the bridge\n\nThe vote ends years of "
     "argument.\n\nJane Doe in Exampletown\n\nMon 4 Mar 2024 18.00 GMT\n\nFirst published on Mon 4 Mar 2024 14.00 GMT"
     "\n\n" + LEAD, "Council votes to build the bridge", D(2024, 3, 4), "Iraq",
     ("This article is more than 2 years old",)),
    ("Council votes to build the bridge\n\n4 March 2024\n\nShare\n\nImage source, Example Agency\n\nImage caption,\n"
     "The river at dusk\n\n" + LEAD, "Council votes to build the bridge", D(2024, 3, 4), "",
     ("Share", "Image source, Example Agency", "Image caption, The river at dusk")),
    ("News|Politics\n\nCouncil votes to build the bridge\n\nThe vote ends years of argument.\n\nPublished On 4 Mar 2024"
     "\n4 Mar 2024\n\n" + LEAD, "Council votes to build the bridge", D(2024, 3, 4), "Politics", ()),
    ("Council votes to build the bridge\n\nBy Jane Doe\n\n3 minute read\n\nMarch 4, 202410:43 PM UTCUpdated 2 years "
     "ago\n\n" + LEAD + "\nOur Standards: The Example Trust Principles.\n", "Council votes to build the bridge",
     D(2024, 3, 4), "", ("3 minute read", "Our Standards: The Example Trust Principles.")),
]


@pytest.mark.parametrize(("raw", "title", "date", "section", "removed"), COPIED)
def test_layouts_of_text_copied_from_news_sites(raw: str, title: str, date: D, section: str,
                                                removed: tuple[str, ...]) -> None:
    parsed = parse_article(raw)
    assert (parsed.title, parsed.page_date, parsed.section_label, parsed.removed) == (title, date, section, removed)
    assert parsed.blocks[-1].text == LEAD.strip()


def test_a_file_of_another_kind_among_the_articles_is_named_with_every_kind_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "articles"
    folder.mkdir(parents=True)
    (folder / "notes.docx").write_bytes(b"PK")
    assert [str(problem) for problem in load_seeds(tmp_path / "seeds", tmp_path).problems] == [
        "seeds/articles/notes.docx: unexpected file: articles/ holds an article (.txt, .html, .htm, .mhtml, .mht, "
        ".md, .json or .xml) or its .yml sidecar"]
