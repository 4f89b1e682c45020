"""The text of each block of an HTML fragment: a CMS export's body, a feed item's content, rendered Markdown.

A fragment that a CMS or a feed hands over is the article itself, with no
navigation around it, so it is read block by block rather than through the
saved-page extractor (which may drop a short paragraph it takes for
clutter). Only text is kept: tags, attributes and addresses are dropped and
nothing is fetched. Scripts, styles and the like count for nothing, as in a
browser; the text of figure captions, asides, forms and buttons is not the
article's, and is handed back as removed so that the page lists it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import ClassVar

from .article_body import Piece

HTML_MARKUP = re.compile(r"</?(?:p|br|div|h[1-6]|ul|ol|li|blockquote|figure|span|a|em|strong|b|i|section|table)\b"
                         r"[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
"""What tells a CMS field that holds HTML from one that holds plain text."""


def is_html(text: str) -> bool:
    return bool(HTML_MARKUP.search(text))


def html_text(fragment: str) -> str:
    """The words of a short HTML field (a headline with an entity or an emphasis), on one line."""
    if not is_html(fragment):
        return " ".join(fragment.split())
    reader = HtmlBlocks()
    reader.feed(fragment)
    reader.close()
    return " ".join(piece.text for piece in reader.pieces) or " ".join(html.unescape(fragment).split())


def html_pieces(fragment: str) -> tuple[list[Piece], list[str]]:
    """The blocks of an HTML fragment in reading order, and the caption and aside text that is not the article's."""
    reader = HtmlBlocks()
    reader.feed(fragment)
    reader.close()
    return reader.pieces, reader.removed


class HtmlBlocks(HTMLParser):
    """The text of each block (paragraph, heading, list item, quotation, table cell), markup dropped."""

    KINDS: ClassVar[dict[str, str]] = {
        **dict.fromkeys(("p", "li", "pre", "td", "th", "dt", "dd"), "paragraph"),
        **{f"h{level}": "heading" for level in range(1, 7)},
    }
    CONTAINERS = frozenset({"ul", "ol", "blockquote", "table", "div", "section", "article", "main", "header",
                            "footer"})
    GROUPS = frozenset({"ul", "ol", "blockquote", "table"})
    """Containers whose blocks belong together (a list, a quotation): a heading above them can head a box."""
    HIDDEN = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "head", "title"})
    ASIDE = frozenset({"figure", "figcaption", "aside", "nav", "form", "button"})
    """Text a page shows beside the article, not in it: listed as removed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[Piece] = []
        self.removed: list[str] = []
        self.current: list[str] = []
        self.open: list[str] = []
        self.hidden = 0
        self.aside = 0
        self.group = 0
        self.line_breaks = 0
        """Line breaks since the last text: two in a row end a paragraph ("text<br><br>text")."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.line_breaks += 1
            if self.line_breaks == 2:
                self.flush()
            else:
                self.current.append(" ")
        elif tag == "hr":
            self.flush()
        elif tag in self.ASIDE:
            self.flush()
            self.aside += 1
        elif tag in self.KINDS or tag in self.CONTAINERS:
            self.flush()
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.ASIDE:
            self.flush()
            self.aside = max(0, self.aside - 1)
        elif tag in self.KINDS or tag in self.CONTAINERS:
            self.flush()
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
            if tag in self.GROUPS:
                self.group += 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)
            if data.strip():
                self.line_breaks = 0

    def close(self) -> None:
        super().close()
        self.flush()  # text outside any block: a CMS's inline-only field

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        self.line_breaks = 0
        if not text:
            return
        if self.aside:
            self.removed.append(text)
            return
        tag = next((t for t in reversed(self.open) if t in self.KINDS), "p")
        self.pieces.append(Piece(text, self.KINDS[tag], self.group, item=tag == "li"))
        if tag not in {"li", "td", "th"} and "blockquote" not in self.open and self.KINDS[tag] != "heading":
            self.group += 1  # a heading shares its group with what follows: "Share this:" heads its list of links
