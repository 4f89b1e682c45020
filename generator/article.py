"""Parsing an article's raw text, exactly as it was received.

Scraped news pages have a recognisable shape: a date line, the outlet's
name, the headline (often with " | Section" appended), then paragraphs,
with the odd subheading and scraper noise such as "See also ..." links to
other stories. The parser recovers that structure without changing the
words; metadata the text gets wrong is corrected by the article's sidecar.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import Block, ParsedText

NOISE = re.compile(r"^(see also|read also|also read|read more|related:|advertisement$)", re.IGNORECASE)
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d")
SENTENCE_END = tuple(".!?:;\"”’)…")
HEADING_MAX_WORDS = 12


class ArticleTextError(ValueError):
    """The text cannot be read as an article (for example, it has no paragraphs)."""


def normalise(raw: str) -> str:
    """Unify line endings and spaces: BOM, CRLF, CR and no-break spaces are artefacts, not words."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def split_blocks(text: str) -> list[str]:
    """Blocks separated by blank lines; lines within a block are joined with a space."""
    blocks = re.split(r"\n[ \t]*\n", text)
    joined = (" ".join(line.strip() for line in block.split("\n")) for block in blocks)
    return [block.strip() for block in joined if block.strip()]


def parse_date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def is_prose(block: str) -> bool:
    """Whether a block reads as running text rather than a label or heading."""
    return block.endswith(SENTENCE_END) or len(block.split()) > HEADING_MAX_WORDS


def parse_article(raw: str) -> ParsedText:
    """Recover date, outlet, title, paragraphs, subheadings and removed noise from raw text."""
    blocks = split_blocks(normalise(raw))
    page_date = parse_date(blocks[0]) if blocks else None
    if page_date:
        blocks = blocks[1:]
    header: list[str] = []
    while blocks and not is_prose(blocks[0]) and len(header) < 2:
        header.append(blocks.pop(0))
    outlet = header[0] if len(header) == 2 else ""
    title, _, label = (header[-1] if header else "").rpartition(" | ")
    if not title:
        title, label = label, ""
    body, removed = _body(blocks)
    if not any(block.kind == "paragraph" for block in body):
        raise ArticleTextError("the article has no paragraphs: expected running text after the headline")
    return ParsedText(title, outlet, page_date, label, tuple(body), tuple(removed))


def _body(blocks: list[str]) -> tuple[list[Block], list[str]]:
    body: list[Block] = []
    removed: list[str] = []
    for text in blocks:
        if NOISE.match(text):
            removed.append(text)
            continue
        kind = "paragraph" if is_prose(text) or not body else "heading"
        body.append(Block(kind, text, len(body) + 1))
    return body, removed
