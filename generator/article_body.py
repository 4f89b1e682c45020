"""An article's body, whatever format it came in: boilerplate removed, paragraphs and subheadings told apart.

Every parser (plain text, HTML, Markdown) hands over the body as `Piece`s,
in reading order. The rules here are the same for all: a line that is
boilerplate ("Advertisement", "Share this article", "Read more: …",
copyright lines, "Subscribe", a rule such as "___") is removed and listed;
nothing else is. A wire's credits ("(Reporting by …; Editing by …)",
"… contributed to this report") are the agency's words, and stay.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Block

SENTENCE_END = tuple(".!?:;\"”’)…")
HEADING_MAX_WORDS = 12
BOILERPLATE_MAX_WORDS = 25
BOILERPLATE_MAX_CHARS = 250

_ALWAYS = r"""
    advertisement(?:\s*[-–—:|]?\s*(?:scroll|continue|story)\b.*)? | ads? | sponsored(?:\s+content)? | paid\s+content
  | (?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)\b.* | continue\s+reading\b.*
  | share(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post|link))?(?:\s+(?:on|via|by)\s+\S+)?\s*:?
  | (?:share|post)\s+(?:on|to)\s+(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email)\b.*
  | (?:read|see)\s+(?:more|also|next)\b.* | also\s+read\b.* | more\s+on\s+this\s+(?:story|topic)\b.*
  | related(?:\s+(?:articles?|stories|story|coverage|content|links|reading|news|topics|video))?\s*(?::.*)?
  | (?:©|\(c\)\s*\d|copyright\b).* | .*\ball\s+rights\s+reserved\b.*
  | subscribe\b.* | (?:already\s+a\s+subscriber|become\s+a\s+subscriber|sign\s+up|newsletters?)\b.*
  | (?:get|join)\s+(?:our|the)\s+.*newsletter.*
  | follow\s+(?:us|@\S+|\S+(?:\s+\S+)?\s+on\s+(?:twitter|x|facebook|instagram|telegram))\b.*
  | (?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|(?:accept|reject|manage)(?:\s+all)?\s+cookies
     |cookie\s+(?:settings|policy|preferences|notice))\b.*
  | skip\s+to\s+(?:main\s+)?(?:content|navigation)\b.* | back\s+to\s+top
  | (?:most\s+(?:read|popular|viewed)|trending(?:\s+now)?|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also
     \s+like|don['’]t\s+miss|editor['’]s\s+picks?|more\s+stories|more\s+from\s+\S+(?:\s+\S+){0,3})\s*:?
  | (?:menu|search|sign\s+in|log\s*in|log\s+out|print|email|tweet|copy\s+link|loading(?:\.*|…)|close|home)
  | (?:\d+\s+)?comments?(?:\s*\(\d+\))? | (?:leave|post|add)\s+a\s+comment\b.* | view\s+comments?
  | this\s+article\s+is\s+more\s+than\s+\S+\s+(?:days?|weeks?|months?|years?)\s+old | \d+\s+min(?:ute)?s?\s+read
  | (?:image|media|video)\s+(?:source|caption|copyright|credit)s?\s*[,:].* | our\s+standards\s*:.*
  | (?:follow|find\s+more\s+of)\s+.{0,80}\bcoverage\b.* | the\s+post\s+.+\s+appeared\s+first\s+on\s+(?-i:[A-Z0-9]).*
"""
BOILERPLATE = re.compile(rf"^(?:{_ALWAYS})$", re.IGNORECASE | re.VERBOSE)
RULE = re.compile(r"^[_*=~#·•—–-](?:\s*[_*=~#·•—–-]){2,}$")
"""A line drawn across the page ("___", "* * *"): boilerplate when it stands alone, but under a line of its own
block it may underline a heading, and the reader must see it as it was received."""
BOX_HEADER = re.compile(r"^(?:related\b|share\b|read\s+more|more\s+on\s+this|see\s+also|also\s+read|you\s+(?:may|might)"
                        r"\s+also|recommended|most\s+(?:read|popular|viewed)|trending|more\s+stories|more\s+from)"
                        r"[^:]*:?$", re.IGNORECASE)
"""A boilerplate line that heads a box of links: the lines listed under it go too."""
BULLET = re.compile(r"^[•·▪►◦‣*-]\s+\S")


@dataclass(frozen=True)
class Piece:
    """A line or paragraph of the body, before it is classified."""

    text: str
    kind: str = ""
    """`paragraph` or `heading` when the markup says so; empty when the words must tell."""
    group: int = 0
    """Pieces of one block of text, or of one list, share a group."""
    item: bool = False
    """A list item: never a heading."""


def is_boilerplate(text: str) -> bool:
    if len(text) > BOILERPLATE_MAX_CHARS:
        return False
    return bool(BOILERPLATE.match(text.strip())) and len(text.split()) <= BOILERPLATE_MAX_WORDS


def is_prose(text: str) -> bool:
    """Whether a block reads as running text rather than a label or heading."""
    return text.endswith(SENTENCE_END) or len(text.split()) > HEADING_MAX_WORDS


def build_body(pieces: list[Piece]) -> tuple[list[Block], list[str]]:
    """Numbered paragraphs and subheadings, and the boilerplate removed from between them."""
    kept, removed = _drop_boilerplate(pieces)
    body: list[Block] = []
    for piece in kept:
        kind = piece.kind or ("paragraph" if piece.item or is_prose(piece.text) or not body else "heading")
        body.append(Block(kind, piece.text, len(body) + 1))
    return body, removed


def _drop_boilerplate(pieces: list[Piece]) -> tuple[list[Piece], list[str]]:
    """Boilerplate out, with the links listed under a "Related" header; a paragraph an advert cut in two is mended."""
    kept: list[Piece] = []
    removed: list[str] = []
    box: int | None = None
    cut = False
    lines_in_group = Counter(piece.group for piece in pieces)
    for piece in pieces:
        in_box = box is not None and (piece.group == box or (piece.item and BULLET.match(piece.text) is not None))
        rule = lines_in_group[piece.group] == 1 and RULE.match(piece.text.strip()) is not None
        if rule or is_boilerplate(piece.text) or (in_box and not is_prose(piece.text)):
            removed.append(piece.text)
            box = piece.group if BOX_HEADER.match(piece.text) or in_box else None
            cut = cut or bool(kept)
            continue
        box = None
        if cut and kept and _continues(kept[-1], piece):
            previous = kept.pop()
            piece = Piece(f"{previous.text} {piece.text}", previous.kind, previous.group, previous.item)
        cut = False
        kept.append(piece)
    return kept, removed


def _continues(before: Piece, after: Piece) -> bool:
    """Whether `after` goes on with the sentence `before` left open (split by a removed line)."""
    return (not before.kind or before.kind == "paragraph") and not after.kind and not before.text.endswith(
        SENTENCE_END) and after.text[:1].islower()
