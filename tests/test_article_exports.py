"""The general rules of the JSON and XML readers, and of the layouts added with them, on small hand-written inputs.

The fixtures in `tests/cases/articles/` show one article per shape; these try
the variants around them (wrappers, other vendors' keys, Atom, bad input), so
that the rules hold for exports the fixtures do not show. Every expected value
is written by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.article import ArticleTextError, parse_article
from generator.article_body import is_boilerplate
from generator.load import load_seeds

D = dt.date
TEXT = "The council voted on Monday to build a bridge over the river, after years of argument."
MORE = "Work starts next year, the mayor said."


def parsed_json(data: object) -> tuple[str, D | None, str, str, str, list[str]]:
    parsed = parse_article(json.dumps(data), ".json")
    return (parsed.title, parsed.page_date, parsed.byline, parsed.outlet, parsed.section_label,
            [block.text for block in parsed.blocks])


# JSON --------------------------------------------------------------------------------------------------------------

ARTICLE = {"title": "Council votes on the bridge", "body": f"<p>{TEXT}</p><p>{MORE}</p>", "date": "2024-03-04",
           "author": "Jane Doe"}


@pytest.mark.parametrize("data", [
    ARTICLE, [ARTICLE], {"article": ARTICLE}, {"data": ARTICLE}, {"items": [ARTICLE]}, {"payload": {"post": ARTICLE}},
    {"meta": {"count": 1}, "results": [ARTICLE]},
])
def test_a_json_article_is_found_alone_in_a_list_or_wrapped(data: object) -> None:
    assert parsed_json(data) == ("Council votes on the bridge", D(2024, 3, 4), "Jane Doe", "", "", [TEXT, MORE])


def test_schema_org_json_ld_with_a_graph() -> None:
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Council votes on the bridge - Example Gazette"},
        {"@type": "NewsArticle", "headline": "Council votes on the bridge",
         "datePublished": "2024-03-04T23:30:00-05:00", "dateModified": "2024-03-05T10:00:00-05:00",
         "articleSection": ["Local", "Politics"],
         "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Sam Roe"}],
         "publisher": {"@type": "Organization", "name": "Example Gazette"}, "articleBody": f"{TEXT}\n\n{MORE}"}]}
    parsed = parse_article(json.dumps(data), ".json")
    assert (parsed.title, parsed.page_date, parsed.updated_date, parsed.byline, parsed.outlet,
            parsed.section_label) == ("Council votes on the bridge", D(2024, 3, 4), D(2024, 3, 5),
                                      "Jane Doe and Sam Roe", "Example Gazette", "Local")
    assert [block.text for block in parsed.blocks] == [TEXT, MORE]


def test_json_values_in_other_shapes() -> None:
    """A byline string, an author object, a Unix time in milliseconds, a body as a list of paragraphs."""
    data = {"headline": {"basic": "Council votes on the bridge"}, "byline": "By Jane Doe",
            "published": 1709596800000, "source": {"name": "Example Wire"}, "category": {"name": "Local"},
            "content": [TEXT, {"text": MORE}]}
    assert parsed_json(data) == ("Council votes on the bridge", D(2024, 3, 5), "Jane Doe", "Example Wire", "Local",
                                 [TEXT, MORE])


BLOCKS = [("paragraph", TEXT), ("heading", "Next steps"), ("paragraph", MORE)]


@pytest.mark.parametrize("body", [
    {"paragraphs": [TEXT, "Next steps", MORE]},
    {"body": [{"type": "paragraph", "text": TEXT}, {"type": "heading", "text": "Next steps"},
              {"type": "paragraph", "text": MORE}]},
    {"elements": [{"content": TEXT}, {"type": "h2", "content": "Next steps"}, {"content": MORE}]},
    {"blocks": [{"type": "paragraph", "data": {"text": TEXT}}, {"type": "header", "data": {"text": "Next steps"}},
                {"type": "image", "data": {"caption": "The river."}}, {"type": "paragraph", "data": {"text": MORE}}]},
    {"body": [{"_type": "block", "style": "normal", "children": [{"_type": "span", "text": TEXT[:20]},
                                                                 {"_type": "span", "text": TEXT[20:]}]},
              {"_type": "block", "style": "h2", "children": [{"_type": "span", "text": "Next steps"}]},
              {"_type": "block", "style": "normal", "children": [{"_type": "span", "text": MORE}]}]},
    {"fields": {"body": {"nodeType": "document", "content": [
        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": TEXT}]},
        {"nodeType": "heading-2", "content": [{"nodeType": "text", "value": "Next steps"}]},
        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": MORE[:9]},
                                              {"nodeType": "hyperlink", "content": [{"nodeType": "text",
                                                                                     "value": MORE[9:]}]}]}]}}},
])
def test_a_body_given_as_a_list_of_blocks(body: dict[str, object]) -> None:
    """Strings, `{"text": …}` objects and the typed blocks of Editor.js, Portable Text and rich-text editors."""
    parsed = parse_article(json.dumps({"title": "Council votes on the bridge", **body}), ".json")
    assert [(block.kind, block.text) for block in parsed.blocks] == BLOCKS
    assert parsed.removed in {(), ("The river.",)}


def test_a_json_date_that_cannot_be_read_is_listed_not_guessed() -> None:
    parsed = parse_article(json.dumps({**ARTICLE, "date": "the day after"}), ".json")
    assert (parsed.page_date, parsed.unread_dates) == (None, ("date: the day after",))


def test_html_in_a_json_body_is_text_only_with_captions_listed() -> None:
    body = (f"<script>alert(1)</script><p>{TEXT}</p><figure><img src=x><figcaption>The river. Photo: A. Smith"
            f"</figcaption></figure><aside>Sign up for our newsletter</aside><h2>Next steps</h2>{MORE}<br><br>"
            "The end.")
    parsed = parse_article(json.dumps({**ARTICLE, "body": body}), ".json")
    assert [(block.kind, block.text) for block in parsed.blocks] == [
        ("paragraph", TEXT), ("heading", "Next steps"), ("paragraph", MORE), ("paragraph", "The end.")]
    assert parsed.removed == ("The river. Photo: A. Smith", "Sign up for our newsletter")


@pytest.mark.parametrize(("raw", "line", "column", "message"), [
    ('{\n  "title": "A",\n  "body": "Text."\n  "date": "2024-03-04"\n}', 4, 3, "not valid JSON: Expecting ','"),
    ('{"title": "A", "summary": "Text."}', 1, 1, "no article text found in the JSON"),
    (json.dumps([ARTICLE, ARTICLE]), 1, 1, "the JSON holds 2 articles"),
    ("", 1, 1, "not valid JSON: Expecting value"),
])
def test_json_problems_are_located(raw: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ArticleTextError) as caught:
        parse_article(raw, ".json")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(message)


# XML ---------------------------------------------------------------------------------------------------------------

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Gazette | Local</title>
  <entry>
    <title type="html">Council votes on the &lt;em&gt;bridge&lt;/em&gt;</title>
    <author><name>Jane Doe</name></author>
    <published>2024-03-04T09:00:00+01:00</published>
    <updated>2024-03-06T09:00:00+01:00</updated>
    <summary>A short summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{TEXT}</p><p>{MORE}</p></div></content>
  </entry>
</feed>
"""


def test_an_atom_entry_with_xhtml_content() -> None:
    parsed = parse_article(ATOM, ".xml")
    assert (parsed.title, parsed.page_date, parsed.updated_date, parsed.byline, parsed.outlet,
            parsed.section_label) == ("Council votes on the bridge", D(2024, 3, 4), D(2024, 3, 6), "Jane Doe",
                                      "Example Gazette", "Local")
    assert [block.text for block in parsed.blocks] == [TEXT, MORE]


def test_an_rss_item_alone_with_a_plain_description_and_an_email_author() -> None:
    item = (f"<item><title>Council votes on the bridge</title><author>desk@example.org (Jane Doe)</author>"
            f"<pubDate>Mon, 04 Mar 2024 23:30:00 -0500</pubDate><description>{TEXT}\n\n{MORE}</description></item>")
    parsed = parse_article(item, ".xml")
    assert (parsed.title, parsed.page_date, parsed.byline) == ("Council votes on the bridge", D(2024, 3, 4),
                                                               "Jane Doe")
    assert [block.text for block in parsed.blocks] == [TEXT, MORE]


def test_newsml_with_plain_text_in_inline_data() -> None:
    item = (f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta><provider literal="Example Wire"/>'
            f"<firstCreated>2024-03-04T10:00:00Z</firstCreated></itemMeta><contentMeta>"
            f"<headline>Council votes on the bridge</headline><creator literal=\"Jane Doe\"/>"
            f"<dateline>EXAMPLETOWN</dateline></contentMeta><contentSet><inlineData>{TEXT}\n\n{MORE}</inlineData>"
            "</contentSet></newsItem>")
    parsed = parse_article(item, ".xml")
    assert (parsed.title, parsed.page_date, parsed.outlet, parsed.byline, parsed.dateline) == (
        "Council votes on the bridge", D(2024, 3, 4), "Example Wire", "Jane Doe", "EXAMPLETOWN")
    assert [block.text for block in parsed.blocks] == [f"EXAMPLETOWN — {TEXT}", MORE]


def test_a_doctype_that_only_names_its_dtd_is_read_without_loading_it() -> None:
    nitf = ('<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd">\n<nitf><body><body.head>'
            f"<hedline><hl1>Council votes on the bridge</hl1></hedline></body.head><body.content><p>{TEXT}</p>"
            "</body.content></body></nitf>")
    parsed = parse_article(nitf, ".xml")
    assert (parsed.title, [block.text for block in parsed.blocks]) == ("Council votes on the bridge", [TEXT])


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "&lol;&lol;&lol;">\n'
                  ']>\n<rss><channel><item><title>&lol1;</title><description>Text.</description></item></channel></rss>')
EXTERNAL = ('<?xml version="1.0"?>\n<!DOCTYPE item [<!ELEMENT item ANY>]>\n<item><title>A</title>'
            "<description>Text.</description></item>")


@pytest.mark.parametrize(("raw", "line", "column", "message"), [
    (BILLION_LAUGHS, 3, 2, "an entity declaration (<!ENTITY …>) is refused"),
    (EXTERNAL, 2, 1, "a document type with declarations (<!DOCTYPE …>) is refused"),
    ("<rss>\n<channel>\n<item><title>A</title>\n</channel>\n</rss>", 4, 3, "the XML is malformed: mismatched tag"),
    ("<item><title>A&nbsp;B</title><description>Text.</description></item>", 1, 15,
     "the XML is malformed: undefined entity"),
    ("<rss><channel>\n<item><title>A</title><description>One.</description></item>\n"
     "<item><title>B</title><description>Two.</description></item>\n</channel></rss>", 3, 1,
     "the feed holds 2 items"),
    ("<?xml version='1.0'?>\n\n<html><body><p>Text.</p></body></html>", 3, 1, "<html> is not an article format"),
    ("<nitf><body><body.head><hedline><hl1>A</hl1></hedline></body.head></body></nitf>", 1, 1,
     "no article text found: expected paragraphs in <body.content>"),
    ("", 1, 1, "the XML is malformed: no element found"),
])
def test_xml_problems_are_located(raw: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ArticleTextError) as caught:
        parse_article(raw, ".xml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(message)


def test_agency_xml_in_its_declared_encoding_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "articles"
    folder.mkdir(parents=True)
    xml = (f'<?xml version="1.0" encoding="ISO-8859-1"?>\n<item><title>Café owners</title><description>{TEXT}'
           "</description></item>")
    (folder / "wire.xml").write_bytes(xml.encode("latin-1"))
    (folder / "export.json").write_bytes(json.dumps({"title": "Café", "body": TEXT}, ensure_ascii=False)
                                         .encode("latin-1"))
    loaded = load_seeds(tmp_path / "seeds", tmp_path)
    assert loaded.texts["wire"][1] == xml
    assert loaded.texts["export"][1] == json.dumps({"title": "Café", "body": TEXT}, ensure_ascii=False)
    assert [(problem.line, problem.column, problem.severity) for problem in loaded.problems] == [(1, 15, "warning")]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([".json", ".xml", ".mhtml"]), st.text(st.sampled_from('<>&{}[]":,/!?= \n-abcpitemtlrsnf0') |
                                                   st.characters(codec="utf-8", exclude_categories=("Cs",)),
                                                   max_size=300))
def test_any_json_xml_or_mhtml_parses_or_reports(suffix: str, raw: str) -> None:
    try:
        parsed = parse_article(raw, suffix)
    except ArticleTextError as error:
        assert error.line >= 1 and error.column >= 1
        return
    assert any(block.kind == "paragraph" for block in parsed.blocks)


# Markdown with TOML front matter ------------------------------------------------------------------------------------

def test_toml_front_matter_problems_are_located() -> None:
    with pytest.raises(ArticleTextError) as caught:
        parse_article('+++\ntitle = "A"\ndate = "the day after"\n+++\n\nText.\n', ".md")
    assert (caught.value.line, caught.value.column, str(caught.value)) == (
        3, 8, 'front matter: "the day after" is not a date (write it as YYYY-MM-DD)')
    with pytest.raises(ArticleTextError) as caught:
        parse_article('+++\ntitle = "A\n+++\n\nText.\n', ".md")
    assert (caught.value.line, str(caught.value).startswith("front matter: TOML syntax")) == (2, True)


# Text layouts -------------------------------------------------------------------------------------------------------

def test_header_lines_without_a_sender_are_no_email() -> None:
    parsed = parse_article(f"To: the council\nSubject: the bridge\n\nCouncil votes on the bridge\n\n{TEXT}\n")
    assert (parsed.removed, parsed.blocks[-1].text) == ((), TEXT)


def test_a_reply_subject_gives_the_title_when_the_text_has_no_headline() -> None:
    raw = (f"From: Desk <desk@example.org>\nDate: Mon, 4 Mar 2024 09:00:00 +0000\nSubject: Re: FW: Bridge vote\n\n"
           f"{TEXT}\n")
    parsed = parse_article(raw)
    assert (parsed.title, parsed.page_date, len(parsed.removed)) == ("Bridge vote", D(2024, 3, 4), 3)


@pytest.mark.parametrize(("trailer", "byline"), [
    ("(Reporting by Jane Doe in Exampletown; Editing by Sam Roe)", "Jane Doe"),
    ("(Reporting by Jane Doe and Ali Hassan in New York; Writing by Sam Roe)", "Jane Doe and Ali Hassan"),
    ("Reporting by Jane Doe; editing by Sam Roe", "Jane Doe"),
    ("(Editing by Sam Roe)", ""),
    ("Reporting by the council found the bridge unsafe.", ""),
])
def test_a_wire_credit_line_names_the_reporters_and_stays_in_the_text(trailer: str, byline: str) -> None:
    parsed = parse_article(f"Council votes on the bridge\n\n{TEXT}\n\n{trailer}\n")
    assert (parsed.byline, parsed.blocks[-1].text, parsed.removed) == (byline, trailer, ())


@pytest.mark.parametrize(("top", "first", "trailer", "byline", "outlet"), [
    ("By REUTERS", "VALMERA, March 5 (Reuters) - The port reopened.", "(Reporting by Lena Ortiz; Editing by Tom Hale)",
     "Lena Ortiz", "Reuters"),
    ("By AFP", "The port reopened on Tuesday.", "", "AFP", "AFP"),
    ("By The Associated Press", "The port reopened on Tuesday.", "", "The Associated Press", "The Associated Press"),
    ("", "NEW YORK (AP) — The port reopened.", "", "", "The Associated Press"),
    ("", "BERLIN, March 5 (dpa) - The port reopened.", "", "", "dpa"),
    ("", "BEIJING, March 5 (Xinhua) -- The port reopened.", "", "", "Xinhua"),
    ("Example Gazette\nBy REUTERS", "VALMERA, March 5 (Reuters) - The port reopened.", "", "REUTERS",
     "Example Gazette"),
    ("By Jane Doe", "LUSAKA, March 5 (Meridian) - The port reopened.", "", "Jane Doe", ""),
])
def test_an_agency_names_the_outlet_and_its_credit_line_the_reporter(top: str, first: str, trailer: str,
                                                                    byline: str, outlet: str) -> None:
    """An agency for a byline names no person: the credit line's reporter does; the agency is the outlet, unless
    the copy names another."""
    parsed = parse_article(f"Port reopens after strike\n{top}\n\n{first}\n\n{trailer}\n")
    assert (parsed.byline, parsed.outlet) == (byline, outlet)


@pytest.mark.parametrize("line", ["Follow AP's coverage of the elections at https://x.org",
                                  "The post Bridge vote appeared first on Example Gazette."])
def test_feed_footers_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("rule", ["___", "* * *", "—————"])
def test_a_rule_standing_alone_is_removed_but_one_under_a_line_stays(rule: str) -> None:
    alone = parse_article(f"Council votes on the bridge\n\n{TEXT}\n\n{rule}\n\nThe vote is on Monday.\n")
    assert ([b.text for b in alone.blocks], alone.removed) == ([TEXT, "The vote is on Monday."], (rule,))
    under = parse_article(f"Council votes on the bridge\n\n{TEXT}\n\nThe vote is on Monday.\n{rule}\n")
    assert (" ".join(b.text for b in under.blocks).endswith(f"Monday. {rule}"), under.removed) == (True, ())


@pytest.mark.parametrize("line", ["Follow the money, the auditor told the council.",
                                  "The post of mayor appeared first on the ballot.",
                                  "Associated Press writer Jane Doe in London contributed to this report."])
def test_text_that_only_looks_like_a_footer_is_kept(line: str) -> None:
    assert not is_boilerplate(line)


# Pages saved as a single file (MHTML) -------------------------------------------------------------------------------

def mhtml(*parts: tuple[str, str]) -> str:
    """A single-file save as Chrome writes it: a multipart/related message, one part per (header, body)."""
    boundary = "----MultipartBoundary--x1----"
    head = (f'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";'
            f'\r\n\tboundary="{boundary}"\r\n\r\n')
    return head + "".join(f"\r\n--{boundary}\r\n{header}\r\n\r\n{body}\r\n" for header, body in parts) + \
        f"\r\n--{boundary}--\r\n"


PAGE_QP = ("<html><head><title>Council votes on the bridge</title><meta name=3D\"author\" content=3D\"Jane Doe\">"
           f"</head><body><article><h1>Council votes on the bridge</h1><p>{TEXT}</p><p>Work starts next year, the "
           "mayor=\r\n said, and it should take the =E2=80=9Cbetter part=E2=80=9D of two years.</p></article></body>"
           "</html>")


def test_a_single_file_save_is_read_as_the_page_it_holds() -> None:
    raw = mhtml(("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", "iVBORw0KGgo="),
                ("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", PAGE_QP))
    parsed = parse_article(raw, ".mhtml")
    assert (parsed.title, parsed.byline, parsed.source_format) == ("Council votes on the bridge", "Jane Doe", "mhtml")
    assert [block.text for block in parsed.blocks] == [
        TEXT, "Work starts next year, the mayor said, and it should take the “better part” of two years."]


@pytest.mark.parametrize(("raw", "line", "message"), [
    (f"<html><body><p>{TEXT}</p></body></html>", 1, "not a page saved as a single file"),
    (mhtml(("Content-Type: text/css", "p{margin:0}"), ("Content-Type: image/png\r\nContent-Transfer-Encoding: base64",
                                                      "iVBORw0KGgo=")), 3,
     "the file holds no web page (no text/html part; it holds image/png, text/css)"),
    (mhtml(("Content-Type: text/html; charset=klingon", PAGE_QP)), 9, 'the page\'s charset "klingon"'),
    (mhtml(("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
            "<p>Caf=E9</p>")), 9, "the page is not utf-8 text as its header says (byte 0xE9)"),
])
def test_single_file_problems_are_located(raw: str, line: int, message: str) -> None:
    with pytest.raises(ArticleTextError) as caught:
        parse_article(raw, ".mht")
    assert (caught.value.line, str(caught.value)[:len(message)]) == (line, message)


def test_a_single_file_save_is_loaded_in_the_charset_its_page_declares(tmp_path: Path) -> None:
    folder = tmp_path / "seeds" / "articles"
    folder.mkdir(parents=True)
    raw = mhtml(("Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit",
                 f"<html><body><h1>Café owners</h1><p>{TEXT}</p></body></html>"))
    (folder / "page.mht").write_bytes(raw.encode("cp1252"))
    loaded = load_seeds(tmp_path / "seeds", tmp_path)
    assert (loaded.problems, loaded.texts["page"][1]) == ([], raw)
    assert parse_article(loaded.texts["page"][1], ".mht").title == "Café owners"
