"""Markdown exports from a content-management system: front matter, then the article in Markdown.

The front matter (YAML between `---` lines, or TOML between `+++` lines as
Hugo and Zola write it; an export may have none) gives the metadata: title,
date, outlet, author, and the usual synonyms CMSs write. The body is
rendered by Python-Markdown and only the text of each paragraph,
subheading, list item and quotation is kept: bold and links become their
words, a link's address is dropped and never followed, and raw HTML in the
export counts for its text alone.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import markdown

from .article import ArticleTextError
from .article_blocks import html_pieces
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header
from .article_text import take_header_pieces
from .yamlfile import YAMLFileError, YNode, parse_yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<toml>.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
TOML_ERROR_PLACE = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")
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
    toml = TOML_FRONT_MATTER.match(text) if not match else None
    if match:
        fields = _front_matter("\n" + (match["yaml"] or ""))  # "\n": lines count from the "---"
    else:
        fields = _toml_front_matter("\n" + (toml["toml"] or "")) if toml else {}
    found = match or toml
    body = text[found.end():] if found else text
    header = Header(title=_text(fields, "title"), outlet=_text(fields, "outlet"),
                    section_label=_text(fields, "section"), source="front matter")
    authors = _texts(fields, "author")
    if authors:
        header.bylines = [authors[0] if len(authors) == 1 else f"{', '.join(authors[:-1])} and {authors[-1]}"]
    published, updated = _date(fields, "published"), _date(fields, "updated")
    if published or updated:
        header.date_lines = [DateLine(published=published, updated=updated if updated != published else None)]
    pieces, removed = html_pieces(markdown.markdown(body))
    header.removed += removed
    return header, take_header_pieces(pieces, header)


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


def _toml_front_matter(text: str) -> dict[str, YNode]:
    """TOML front matter as located nodes, so that a bad date is reported where it is written."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        place = TOML_ERROR_PLACE.search(str(error))
        line, column = (int(place["line"]), int(place["column"])) if place else (1, 1)
        message = TOML_ERROR_PLACE.sub("", str(error))
        raise ArticleTextError(f"front matter: TOML syntax: {message}", line, column) from None
    lines = text.split("\n")
    fields: dict[str, YNode] = {}
    for key, value in table.items():
        written = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=\s*")
        number = next((i for i, row in enumerate(lines) if written.match(row)), None)
        place = written.match(lines[number]) if number is not None else None
        line, column = (number + 1, place.end() + 1) if number is not None and place else (1, 1)
        fields[key.lower()] = _toml_node(value, line, column)
    return fields


def _toml_node(value: Any, line: int, column: int) -> YNode:
    if isinstance(value, dict):
        return YNode("map", {key: _toml_node(item, line, column) for key, item in value.items()}, "map", line, column)
    if isinstance(value, list):
        return YNode("seq", [_toml_node(item, line, column) for item in value], "seq", line, column)
    text = value.isoformat() if isinstance(value, dt.date | dt.time) else str(value)
    return YNode("scalar", text, "text", line, column)


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
