"""Share cards: a 1200×630 PNG for every page, with its title, its kind and the site's name.

Social networks and chat apps show this picture when a page is shared
(overrides/main.html names it in the Open Graph and Twitter meta tags).
Cards are drawn offline with Pillow and the DejaVu font vendored in
generator/fonts/, so no web font or service is involved, and they are
reproducible byte for byte: a PNG here holds no time stamp, and its only
text chunk is the card's key. The key is a digest of everything the card
shows and of this module's code: a card whose key is unchanged is taken
from the previous run instead of being drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import re
import struct
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from . import paths
from .model import Site

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (40, 53, 147)
"""Indigo, the site's primary colour; text is white, and the palette runs between the two."""
FOREGROUND = (255, 255, 255)
FONTS = Path(__file__).resolve().parent / "fonts"
KEY = "explainer-card"
TITLE_SIZES = (76, 68, 60, 54, 48, 44)
MOST_LINES = 4
PAGE_KINDS = {
    paths.HOME: "Home", paths.ARTICLES_INDEX: "Articles", paths.TOPICS_INDEX: "Background topics",
    paths.ENTITIES_INDEX: "People, groups and places", paths.TIMELINE_PAGE: "Timeline",
    paths.GLOSSARY_PAGE: "Glossary", paths.SOURCES_PAGE: "Sources", paths.HOW_TO_EDIT_PAGE: "Guide for editors",
}
FRONT_MATTER_TITLE = re.compile(r"\A---\ntitle: (\"(?:[^\"\\]|\\.)*\")\n", re.S)


@dataclass(frozen=True)
class Card:
    """What a card shows."""

    title: str
    kind: str
    site_name: str


def card_path(page: str) -> str:
    """Where the card of a page (a docs-relative .md path) is written: cards/articles/x.png."""
    return "cards/" + page.removesuffix(".md") + ".png"


def page_kind(page: str) -> str:
    """The kind of a page that is not an entity's, as the card names it: Article, Background topic, Story, …"""
    if page in PAGE_KINDS:
        return PAGE_KINDS[page]
    folder = page.partition("/")[0]
    return {"articles": "Article", "topics": "Background topic", "stories": "Story"}.get(folder, "Page")


def page_title(markdown: str) -> str:
    """The title a rendered page gives itself in its front matter (where the theme reads it too)."""
    match = FRONT_MATTER_TITLE.match(markdown)
    return html.unescape(json.loads(match[1])) if match else ""


def render_cards(pages: Mapping[str, str], site: Site, docs: Path, name: str) -> dict[str, bytes]:
    """A card for every page: {docs-relative .png path: PNG bytes}, reusing unchanged cards found in `docs`."""
    cards = {}
    kinds = {paths.entity_path(e.id): e.kind.capitalize() for e in site.entities}
    for page, markdown in pages.items():
        if not page.endswith(".md"):  # the text-only edition's pages are not shared with a picture
            continue
        card = Card(page_title(markdown) or name, kinds.get(page) or page_kind(page), name)
        path = card_path(page)
        key = card_key(card)
        previous = _read(docs / path)
        cards[path] = previous if previous is not None and stored_key(previous) == key else draw(card)
    return cards


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def card_key(card: Card) -> str:
    return hashlib.blake2b(f"{_code_digest()}\0{card.title}\0{card.kind}\0{card.site_name}".encode(),
                           digest_size=16).hexdigest()


@functools.cache
def _code_digest() -> str:
    """A change to the drawing code or the fonts must redraw every card."""
    digest = hashlib.blake2b(Path(__file__).read_bytes())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.read_bytes())
    return digest.hexdigest()


def stored_key(png: bytes) -> str:
    """The key in a card's text chunk, or "" if it has none."""
    position = 8
    while position + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        if kind == b"IDAT":
            break
        data = png[position + 8: position + 8 + length]
        if kind == b"tEXt" and data.startswith(KEY.encode() + b"\0"):
            return data[len(KEY) + 1:].decode("latin-1")
        position += 12 + length
    return ""


def draw(card: Card) -> bytes:
    """The card as PNG bytes.

    Text is drawn as coverage on a grey image, which becomes a 16-colour palette image running
    from the background colour to white: to the eye the same picture as RGB, at a fraction of
    the cost to encode (the encoding is most of the cost of a card).
    """
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(image)
    pen.text((MARGIN, 70), card.kind.upper(), font=_font(False, 34), fill=200)
    size, lines = _fit(card.title)
    pen.multiline_text((MARGIN, 150), "\n".join(lines), font=_font(True, size), fill=255, spacing=size // 4)
    pen.line((MARGIN, HEIGHT - 120, WIDTH - MARGIN, HEIGHT - 120), fill=110, width=2)
    pen.text((MARGIN, HEIGHT - 95), card.site_name, font=_font(True, 38), fill=230)
    palette = Image.frombytes("P", image.size, image.point(lambda coverage: coverage >> 4).tobytes())
    palette.putpalette([round(b + (f - b) * level / 15) for level in range(16)
                        for b, f in zip(BACKGROUND, FOREGROUND, strict=True)])
    info = PngImagePlugin.PngInfo()
    info.add_text(KEY, card_key(card))
    buffer = io.BytesIO()
    palette.save(buffer, "PNG", pnginfo=info, bits=4, compress_level=1)
    return buffer.getvalue()


def _fit(title: str) -> tuple[int, list[str]]:
    """The largest title size at which the title fits in `MOST_LINES`; cut with an ellipsis if none does."""
    for size in TITLE_SIZES:
        lines = _wrap(title, _font(True, size), WIDTH - 2 * MARGIN)
        if len(lines) <= MOST_LINES:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = _wrap(title, _font(True, size), WIDTH - 2 * MARGIN)[:MOST_LINES]
    lines[-1] = textwrap.shorten(lines[-1] + " …", width=max(1, len(lines[-1])), placeholder=" …")
    return size, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)
