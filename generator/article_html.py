"""Web pages as saved from a browser: the article extracted with trafilatura, as text only.

trafilatura finds the article among the page's navigation, adverts, cookie
banners, related links and footers, and gives its paragraphs and
subheadings as XML; only their text is kept, so none of the page's markup
can reach the site. Title, author, site name and section come from the
page's metadata (`extract_metadata`, which reads OpenGraph, JSON-LD and
meta tags), and the publication and modification dates from htmldate, with
its clock-free settings. Nothing is fetched: the page is parsed from the
text given, and no address in it is followed.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import trafilatura
from htmldate import find_date
from lxml_html_clean import Cleaner
from trafilatura.metadata import extract_metadata
from trafilatura.settings import use_config

from .article import ArticleTextError
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header
from .article_text import take_header_pieces

for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # a page that cannot be read is reported as a problem instead

DATE_SEARCH = {"extensive_search": False, "min_date": "1900-01-01", "max_date": "2100-12-31"}
"""htmldate reads dates from the page's markup only (not from its running text), and never compares with today."""
EXTRACTION = {"output_format": "xml", "include_comments": False, "include_tables": True, "include_images": False,
              "include_links": False, "include_formatting": False, "favor_recall": True, "deduplicate": False}
"""Keep every paragraph trafilatura is unsure of (boilerplate rules remove the rest); no reader comments."""
CLEANER = Cleaner(scripts=True, javascript=True, comments=True, style=True, processing_instructions=True,
                  embedded=True, frames=True, forms=False, links=False, meta=False, page_structure=False,
                  remove_unknown_tags=False, safe_attrs_only=False, kill_tags={"noscript"})
"""Scripts, styles, frames and embedded objects out before extraction, keeping the text that follows them
(the extractor drops a paragraph whose words come after an `<embed>`); class names stay, since they help
the extractor tell boilerplate from text. `<noscript>` goes with its text: a browser never shows it."""
CONDITIONAL_COMMENT = re.compile(r"<!--\[if\b[^\]]*\]>.*?<!\[endif\]-->", re.DOTALL | re.IGNORECASE)
"""Word's "Save as HTML" keeps the document's properties in conditional comments (`<o:Created>` among them): the
times the file was made and saved, not when the story was published, so the metadata is read without them."""
PLACE_PREFIX = 60
"""How much of a piece's text is looked for in the page to find where it stands."""
BLOCK_TAGS = {"p": "paragraph", "head": "heading", "item": "paragraph", "code": "paragraph", "row": "paragraph"}
CONTAINER_TAGS = {"list", "table", "quote", "div", "main"}


def parse_html(page: str) -> tuple[Header, list[Piece]]:
    """The metadata and the article's pieces of a saved web page."""
    try:
        extracted = trafilatura.extract(CLEANER.clean_html(page), config=use_config(), **EXTRACTION)  # type: ignore[arg-type]
    except Exception as error:  # a third-party parser on untrusted input: its failure is a problem with the file
        raise ArticleTextError(f"the page cannot be read as HTML ({error})") from None
    if not extracted:
        raise ArticleTextError("no article text found in the page: is this the saved article page?")
    pieces: list[Piece] = []
    main = ElementTree.fromstring(extracted).find("main")
    for number, element in enumerate(main if main is not None else ()):
        _collect(element, number, pieces)
    blocks = _page_blocks(page)
    pieces = _in_page_order(pieces, blocks)
    header = _metadata(CONDITIONAL_COMMENT.sub("", page))
    pieces = take_header_pieces(pieces, header)
    header.left_out = _left_out(blocks, header, pieces)
    return header, pieces


def _in_page_order(pieces: list[Piece], blocks: list[str]) -> list[Piece]:
    """The pieces in the order the page shows them: the extractor can put the block it is surest of first (a
    story `<div>` before the headline and date `<div>`s above it)."""
    visible = "\n".join(blocks)
    places: list[int] = []
    for piece in pieces:
        found = visible.find(piece.text[:PLACE_PREFIX])
        places.append(found if found >= 0 else (places[-1] if places else 0))
    return [piece for _, piece in sorted(zip(places, pieces, strict=True), key=lambda pair: pair[0])]


def _collect(element: ElementTree.Element, group: int, pieces: list[Piece]) -> None:
    """The text of each paragraph, subheading, list item and table row, in order; markup is dropped."""
    if element.tag in CONTAINER_TAGS and any(child.tag in BLOCK_TAGS or child.tag in CONTAINER_TAGS
                                             for child in element):
        for child in element:
            _collect(child, group, pieces)
        return
    if element.tag == "row":
        lines = [" | ".join(text for cell in element if (text := " ".join("".join(cell.itertext()).split())))]
    else:
        lines = _lines(element)
    kind = BLOCK_TAGS.get(element.tag, "paragraph")
    pieces += [Piece(text, kind, group, item=element.tag == "item") for text in lines if text]


def _lines(element: ElementTree.Element) -> list[str]:
    """An element's text, split where the page broke the line (`<br>`, which the extractor gives as `<lb/>`).

    The extractor makes one `<lb/>` of two `<br>`s, so a break is not known to end a paragraph; but the lines
    it separates are never one run of words ("Jane Doe, Reporter<br>8 March 2024"), so they are kept apart.
    """
    lines: list[list[str]] = [[]]

    def walk(node: ElementTree.Element) -> None:
        lines[-1].append(node.text or "")
        for child in node:
            if child.tag == "lb":
                lines.append([])
            else:
                walk(child)
            lines[-1].append(child.tail or "")

    walk(element)
    return [" ".join("".join(line).split()) for line in lines]


def _metadata(page: str) -> Header:
    meta = extract_metadata(page, date_config=dict(DATE_SEARCH))
    authors = [name.strip() for name in (meta.author or "").split(";") if name.strip()]
    published = _page_date(page, original=True)
    modified = _page_date(page, original=False)
    date_line = DateLine(published=published, updated=modified if modified != published else None)
    return Header(title=meta.title or "", outlet=meta.sitename or "",
                  section_label=(meta.categories or [""])[0], bylines=[_names(authors)] if authors else [],
                  date_lines=[date_line] if published or modified else [], source="page metadata")


def _page_date(page: str, *, original: bool) -> dt.date | None:
    found = find_date(page, original_date=original, outputformat="%Y-%m-%d", **DATE_SEARCH)  # type: ignore[arg-type]
    return parse_date(found) if found else None


def _names(authors: list[str]) -> str:
    return authors[0] if len(authors) == 1 else f"{', '.join(authors[:-1])} and {authors[-1]}"


class _PageText(HTMLParser):
    """The visible text of a page, one entry per block of text, without scripts and styles."""

    HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "button"})
    INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "small", "time", "abbr", "cite", "q", "sup", "sub",
                        "mark", "u", "s", "label", "bdi", "bdo", "code", "kbd", "var", "data", "img", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag not in self.INLINE:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag not in self.INLINE:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def _page_blocks(page: str) -> list[str]:
    """The page's visible text, block by block, in its own order."""
    reader = _PageText()
    reader.feed(page)
    reader.close()
    reader.flush()
    return reader.blocks


def _left_out(blocks: list[str], header: Header, pieces: list[Piece]) -> list[str]:
    """The page's text that is not the article's: navigation, adverts, related links, footers (for `show`)."""
    kept = " ".join([header.title, *(piece.text for piece in pieces)])
    left: list[str] = []
    for block in blocks:
        if block not in kept and block not in left:
            left.append(block)
    return left
