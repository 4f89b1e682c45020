"""Parsing an article exactly as it was received: plain text, a saved web page, a Markdown, JSON or XML export.

Each format has its own reader (`article_text`, `article_html`,
`article_mhtml`, `article_markdown`, `article_json`, `article_xml`), which
finds the header (headline, outlet, section, byline, dates) and hands over
the body in pieces. The rules shared by all
are applied here and in `article_body`: boilerplate is removed and listed,
paragraphs and subheadings are told apart, and a dateline opening the first
paragraph gives the place and day. The words are never changed; metadata
the file gets wrong is corrected by the article's sidecar.
"""

from __future__ import annotations

import datetime as dt
import importlib

from .article_body import Piece, build_body
from .article_dates import Dateline, find_dateline
from .article_header import Header, agency_name
from .article_text import parse_text
from .model import ParsedText

FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".mhtml": "mhtml", ".mht": "mhtml", ".md": "markdown",
           ".json": "json", ".xml": "xml"}
"""The article files `seeds/articles/` accepts, by suffix, and the format each holds."""


class ArticleTextError(ValueError):
    """The file cannot be read as an article (for example, it has no paragraphs)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def normalise(raw: str) -> str:
    """Unify line endings and spaces: BOM, CRLF, CR and no-break spaces are artefacts, not words."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def parse_article(raw: str, suffix: str = ".txt") -> ParsedText:
    """Recover the header, paragraphs, subheadings and removed boilerplate of an article file's text."""
    text = normalise(raw)
    source_format = FORMATS[suffix.lower()]
    if source_format == "text":
        header, pieces = parse_text(text)
    else:
        # Each other format's reader is `article_FORMAT.parse_FORMAT`, imported when needed: the saved-page
        # extractor takes a while to load.
        reader = importlib.import_module(f".article_{source_format}", __package__)
        header, pieces = getattr(reader, f"parse_{source_format}")(text)
    return _finish(header, pieces, source_format)


def _finish(header: Header, pieces: list[Piece], source_format: str) -> ParsedText:
    body, removed = build_body(pieces)
    if not any(block.kind == "paragraph" for block in body):
        raise ArticleTextError("the article has no paragraphs: expected running text after the headline")
    page_date, date_source, updated = _dates(header)
    first = next(block for block in body if block.kind == "paragraph")
    dateline = find_dateline(first.text, page_date) or Dateline("", None, "")
    if page_date is None and dateline.day is not None:
        page_date, date_source = dateline.day, "dateline"
    unread = tuple(text for line in header.date_lines for text in line.unread)
    outlet = header.outlet or agency_name(dateline.agency)  # "(Reuters)" names the outlet when nothing else does
    return ParsedText(header.title, outlet, page_date, header.section_label, tuple(body),
                      tuple([*header.removed, *removed]), byline=header.bylines[0] if header.bylines else "",
                      dateline=dateline.place, dateline_date=dateline.day, date_source=date_source,
                      updated_date=updated, unread_dates=unread, source_format=source_format,
                      left_out=tuple(header.left_out))


def _dates(header: Header) -> tuple[dt.date | None, str, dt.date | None]:
    """The page date and what it was read from (a "Published" stamp first), and the date of any update."""
    published = next((line.published for line in header.date_lines if line.published), None)
    printed = next((line.printed for line in header.date_lines if line.printed), None)
    updated = next((line.updated for line in header.date_lines if line.updated), None)
    if published:
        return published, "published", updated
    if printed:
        return printed, "date line", updated
    return updated, ("updated" if updated else ""), updated
