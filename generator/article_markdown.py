"""Markdown exports from a content-management system: YAML front matter, then the article in Markdown.

The front matter gives the metadata (title, date, outlet, author, and the
usual synonyms CMSs write). The body is rendered by Python-Markdown and
only the text of each paragraph, subheading, list item and quotation is
kept: bold and links become their words, a link's address is dropped and
never followed, and raw HTML in the export counts for its text alone.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import ClassVar

import markdown

from .article import ArticleTextError
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header, take_header_pieces
from .yamlfile import YAMLFileError, YNode, parse_yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
KEYS = {
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at", "publishdate", "pubdate", "created"),
    "updated": ("updated", "updated_at", "lastmod", "modified", "last_modified"),
    "outlet": ("outlet", "publisher", "publication", "site", "site_name", "source"),
    "author": ("author", "authors", "byline", "by"),
    "section": ("section", "category", "categories"),
}
"""Front-matter keys, by what they give; the first one present wins."""


def parse_markdown(text: str) -> tuple[Header, list[Piece]]:
    """The front matter's metadata and the body's pieces of a Markdown export."""
    match = FRONT_MATTER.match(text)
    fields = _front_matter("\n" + (match["yaml"] or "")) if match else {}  # "\n": lines count from the "---"
    body = text[match.end():] if match else text
    header = Header(title=_text(fields, "title"), outlet=_text(fields, "outlet"),
                    section_label=_text(fields, "section"), source="front matter")
    authors = _texts(fields, "author")
    if authors:
        header.bylines = [authors[0] if len(authors) == 1 else f"{', '.join(authors[:-1])} and {authors[-1]}"]
    published, updated = _date(fields, "published"), _date(fields, "updated")
    if published or updated:
        header.date_lines = [DateLine(published=published, updated=updated if updated != published else None)]
    reader = _Blocks()
    reader.feed(markdown.markdown(body))
    reader.close()
    return header, take_header_pieces(reader.pieces, header)


def _front_matter(text: str) -> dict[str, YNode]:
    try:
        tree = parse_yaml(text)
    except YAMLFileError as error:
        raise ArticleTextError(f"front matter: {error.message}", error.line, error.column) from None
    if tree is None:
        return {}
    if tree.kind != "map":
        raise ArticleTextError("front matter: expected keys such as title: and date:", tree.line, tree.column)
    return {key.lower(): node for key, node in tree.items.items()}


def _node(fields: dict[str, YNode], what: str) -> YNode | None:
    return next((fields[key] for key in KEYS[what] if key in fields), None)


def _texts(fields: dict[str, YNode], what: str) -> list[str]:
    node = _node(fields, what)
    if node is None:
        return []
    values = node.elements if node.kind == "seq" else [node]
    names = [value.items.get("name", value) if value.kind == "map" else value for value in values]
    return [" ".join(name.text.split()) for name in names if name.kind == "scalar" and name.text.strip()]


def _text(fields: dict[str, YNode], what: str) -> str:
    texts = _texts(fields, what)
    return texts[0] if texts else ""


def _date(fields: dict[str, YNode], what: str) -> dt.date | None:
    node = _node(fields, what)
    if node is None or node.kind != "scalar" or not node.text.strip():
        return None
    date = parse_date(node.text)
    if date is None:
        raise ArticleTextError(f'front matter: "{node.text}" is not a date (write it as YYYY-MM-DD)',
                               node.line, node.column)
    return date


class _Blocks(HTMLParser):
    """The text of each block of rendered Markdown (paragraph, heading, list item, quotation), markup dropped."""

    KINDS: ClassVar[dict[str, str]] = {
        **dict.fromkeys(("p", "li", "pre", "td", "th", "dt", "dd"), "paragraph"),
        **{f"h{level}": "heading" for level in range(1, 7)},
    }
    HIDDEN = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[Piece] = []
        self.current: list[str] = []
        self.open: list[str] = []
        self.hidden = 0
        self.group = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.current.append(" ")
        elif tag == "hr":
            self.flush()
        elif tag in self.KINDS or tag in {"ul", "ol", "blockquote", "table", "div"}:
            self.flush()
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.KINDS or tag in {"ul", "ol", "blockquote", "table", "div"}:
            self.flush()
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
            if tag in {"ul", "ol", "blockquote", "table"}:
                self.group += 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if not text:
            return
        tag = next((t for t in reversed(self.open) if t in self.KINDS), "p")
        self.pieces.append(Piece(text, self.KINDS[tag], self.group, item=tag == "li"))
        if tag not in {"li", "td", "th"} and "blockquote" not in self.open:
            self.group += 1
