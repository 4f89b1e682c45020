"""Turning text into safe Markdown, with links and marks added around its words.

Article text is data, never markup: every character that Markdown, HTML,
attribute lists or templates could read as syntax is written as a numeric
character reference, so the page shows exactly the characters received.
Links and marks are added around spans of the text and never inside words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

SYNTAX_CHARS = "&<>\\`*_[]{}|#!~^=$"
ESCAPES = {ord(char): f"&#{ord(char)};" for char in SYNTAX_CHARS}
ESCAPES |= {code: "\ufffd" for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}
ESCAPES[0x0D] = " "
"""Control characters cannot be shown, and Markdown uses some of them internally: they show as U+FFFD."""
LINE_START = re.compile(r"^(\s*)([-+>]|\d+(?=[.)]))")


def plain(text: str) -> str:
    """Markdown that renders as exactly `text`, whatever characters it holds."""
    escaped = text.replace("\n", " ").translate(ESCAPES)
    match = LINE_START.match(escaped)
    if match and match.group(2) in "-+>":
        escaped = f"{match.group(1)}&#{ord(match.group(2))};{escaped[match.end():]}"
    elif match:
        end = match.end()
        escaped = f"{escaped[:end]}&#{ord(escaped[end])};{escaped[end + 1:]}"
    return escaped


def attribute(text: str) -> str:
    """Text for a link title or an HTML attribute: quotes and markup defused."""
    return plain(text).replace('"', "&quot;")


@dataclass(frozen=True)
class Span:
    """A range of the text to wrap: `before` and `after` are Markdown put around it."""

    start: int
    end: int
    before: str
    after: str


def wrap(text: str, spans: Sequence[Span], *, markdown: bool = False) -> str:
    """`text` escaped (unless it is already `markdown`), with each span's Markdown around its range.

    Spans may nest but must not cross: a span that crosses an earlier one is
    dropped, so the words are never cut apart.
    """
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if all(span.end <= k.start or span.start >= k.end or (k.start <= span.start and span.end <= k.end)
               for k in kept):
            kept.append(span)
    events: list[tuple[int, int, int, str]] = []
    for order, span in enumerate(kept):
        events.append((span.start, 1, order, span.before))
        events.append((span.end, 0, -order, span.after))
    events.sort()
    out: list[str] = []
    position = 0
    for index, _, _, markup in events:
        out.append(_escape(text[position:index], position == 0, markdown))
        out.append(markup)
        position = index
    out.append(_escape(text[position:], position == 0, markdown))
    return "".join(out)


def _escape(text: str, line_start: bool, markdown: bool) -> str:
    if markdown:
        return text
    return plain(text) if line_start else text.replace("\n", " ").translate(ESCAPES)


EMPHASIS = re.compile(r"(\*\*|\*|`)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")
"""Paired emphasis and code marks, as Markdown reads them: a lone `*` (as in `7*7`) or a `_` inside a word stays."""


@functools.lru_cache(maxsize=65536)
def strip_markdown(markdown: str) -> str:
    """Markdown reduced to plain text, for tooltips and meta descriptions."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return " ".join(text.split())


def page_text(text: str) -> str:
    """Text for front matter the theme prints into HTML as it is (the page title, the meta description)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# The marks the article page puts around the words of the text; the link stage says where, these say how.

def entity_link(start: int, end: int, target: str, name: str) -> Span:
    """A mention of an entity, linked to its page, its name as the link's title."""
    return Span(start, end, "[", f']({target} "{attribute(name)}")')


def garbled_link(start: int, end: int, target: str, printed: str, name: str) -> Span:
    """A misspelled name: linked like any mention, marked [sic], with the correct name on hover."""
    title = attribute(f"Printed as “{printed}”; the correct name is {name}")
    return Span(start, end, f'<span class="garbled" title="{title}">[',
                f']({target} "{title}")<sup class="fix" title="{title}">&#91;sic&#93;</sup></span>')


def verdict_badge(claim_id: str, verdict: str, mark: str, explanation: str, target: str) -> str:
    """The badge after a claim's words, leading to its row in the table of checked claims."""
    # The explanation sits on a wrapper, not the link: Material's instant previews strip link titles.
    return (f'<span class="verdict-hint" title="{attribute(strip_markdown(explanation))}">'
            f'<a class="verdict verdict-{verdict}" href="{target}">{mark}</a></span>')


def claim_mark(start: int, end: int, anchor: str, verdict: str, badge: str) -> Span:
    """A claim's words, highlighted in its verdict's colour and followed by its badge."""
    return Span(start, end, f'<mark class="claim verdict-{verdict}" id="{anchor}">', f"</mark>{badge}")


def context_link(label: str, target: str) -> str:
    """The margin link from a passage to the topic section that explains it."""
    return f'<span class="context-link">[{plain(label)}]({target})</span>'


def verdict_label(verdict: str, label: str) -> str:
    """A verdict named in a table or list, in its colour."""
    return f'<span class="verdict verdict-{verdict}">{label}</span>'


def cell(markdown: str) -> str:
    """Markdown for one cell of a Markdown table: on one line, with no bar to end the cell early."""
    return " ".join(markdown.split("\n")).replace("|", "&#124;")
