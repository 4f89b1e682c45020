"""Plain-text articles in any common layout: wire copy, scraped pages, text pasted from a browser.

The top of the text (its header) holds, in any order, the headline, the
outlet, a section label, a byline ("By …") and a date line or
"Published … · Updated …" stamps. The header runs to the first paragraph
of running text, or further down to the last byline or date line near the
top (a standfirst between the headline and the byline is kept, as the
first paragraph). Everything after it is the body, split into paragraphs
at blank lines; lines wrapped within a paragraph are joined again.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .article_body import BOX_HEADER, BULLET, SENTENCE_END, Piece, is_boilerplate, is_prose
from .article_dates import DateLine, is_stamp, parse_date, read_date_line
from .article_header import (
    DOMAIN,
    Header,
    classify_candidates,
    credit_byline,
    is_section_like,
    read_byline,
    settle_agency_byline,
    take_leading_pieces,
)

HEADER_SCAN = 12
"""How many non-blank lines from the top may still hold a byline or date line."""
BODY_STARTED_WORDS = 40
"""A paragraph this long is the body: no header line is looked for after it."""
HEADLINE_MAX_WORDS = 25
LONG_LINE = 100
"""Hard-wrapped text has shorter lines: a line this long is a paragraph of its own."""
SECTION_PREFIX = re.compile(r"^(?:section|category|filed\s+under)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
LABELLED = re.compile(r"^(?P<field>headline|title|hed|byline|author|writer|date|dated)\s*:\s*(?P<value>\S.*)$",
                      re.IGNORECASE)
"""A header given as labelled fields, as a slug sheet or a desk's template writes it ("Headline: …", "Byline: …")."""
OUTLET_PREFIX = re.compile(r"^(?:source|outlet|publication|publisher)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
MAIL_HEADER = re.compile(r"^(?P<field>from|sent|date|to|cc|bcc|subject|reply-to|importance|attachments?)\s*:\s*"
                         r"(?P<value>\S.*)$", re.IGNORECASE)
FORWARDED = re.compile(r"^-*\s*(?:original\s+message|forwarded\s+message|begin\s+forwarded\s+message)\s*-*:?$",
                       re.IGNORECASE)
REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.IGNORECASE)
SIGNATURE = "--"
"""The line that opens an email's signature ("-- "): what follows it is the sender's, not the story's."""
BREADCRUMB = re.compile(r"\s+(?:›|»|>|/)\s+|\s*(?:›|»|\|)\s*")


@dataclass(frozen=True)
class Line:
    text: str
    block: int
    width: int
    """The length of its longest line in the file (a wrapped line is joined from several)."""


@dataclass
class TextHeader:
    """The header lines of a text, sorted by what they say."""

    dates: list[DateLine] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    candidates: list[Line] = field(default_factory=list)
    """Short lines that are a headline, an outlet or a section label."""
    sections: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    """Headlines given by a label ("Headline: …"): they win over the short lines."""
    deck: list[Line] = field(default_factory=list)
    """Running text inside the header (a standfirst): it belongs to the body, as do short lines left over."""
    removed: list[str] = field(default_factory=list)
    in_order: list[Line] = field(default_factory=list)
    """Every header line, in the order of the text."""


@dataclass
class Envelope:
    """The mail headers of copy forwarded by email, and the signature at its end: removed, but read for the date."""

    removed: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    """The signature's lines, from its "--" on."""
    sent: DateLine | None = None
    """When the innermost message was sent, the day its story was filed."""
    subject: str = ""


def parse_text(text: str) -> tuple[Header, list[Piece]]:
    """The header's findings and the body's pieces of a normalised plain text."""
    envelope, text = _envelope(text)
    lines = _lines(text)
    header, kept, end = _read_top(lines)
    header.title = header.title or envelope.subject
    header.date_lines = header.date_lines or ([envelope.sent] if envelope.sent else [])
    header.removed = [*envelope.removed, *header.removed, *envelope.signature]
    pieces = [Piece(line.text, group=line.block) for line in kept]
    pieces += _paragraphs(lines[end:])
    header.bylines = header.bylines or ([byline] if (byline := credit_byline(pieces)) else [])
    settle_agency_byline(header, pieces)
    return header, pieces


def _read_top(lines: list[Line]) -> tuple[Header, list[Line], int]:
    """The header read from the top of the lines, the header lines that belong to the body, and where it ends."""
    end = _header_end(lines)
    found = TextHeader()
    for line in lines[:end]:
        _sort_header_line(line, found)
    header, leftover = classify_candidates([line.text for line in found.candidates], found.sections, found.outlets)
    header.title = found.titles[0] if found.titles else header.title
    header.date_lines = found.dates
    header.removed = found.removed
    header.bylines = found.bylines
    kept = [*found.deck, *(found.candidates[index] for index in leftover)]
    return header, [line for line in found.in_order if any(line is k for k in kept)], end


def take_header_pieces(pieces: list[Piece], header: Header) -> list[Piece]:
    """The headline, byline and date lines at the top of a page's or export's text are the header's, not the body's.

    When the metadata gives no headline and the text does not open with a heading (a document exported from an
    editor, a page with no title), the top is read as a plain text's is: headline, outlet, byline, date lines.
    """
    if not header.title and pieces and pieces[0].kind != "heading":
        pieces = _top_as_text(pieces, header)
    pieces = take_leading_pieces(pieces, header)
    settle_agency_byline(header, pieces)
    return pieces


def _top_as_text(pieces: list[Piece], header: Header) -> list[Piece]:
    """The pieces left once the header at their top is read as a text file's, its findings added to `header`."""
    lines = [Line(piece.text, index, len(piece.text)) for index, piece in enumerate(pieces)]
    found, kept, end = _read_top(lines)
    header.title = found.title
    header.outlet = header.outlet or found.outlet
    header.section_label = header.section_label or found.section_label
    header.bylines = header.bylines or found.bylines
    header.date_lines = header.date_lines or found.date_lines
    header.removed += found.removed
    return [*(pieces[line.block] for line in kept), *pieces[end:]]


def _envelope(text: str) -> tuple[Envelope, str]:
    """The mail headers at the top of forwarded copy (one set per message) and the signature at its end, if any.

    Headers count only as a set with a From: line and a Subject: or Sent: line, so that a lone "Date: …" line
    of a story stays its date line.
    """
    rows = text.split("\n")
    envelope = Envelope()
    end = 0
    for index, row in enumerate(rows):
        if row.strip() and not (MAIL_HEADER.match(row.strip()) or FORWARDED.match(row.strip())):
            break
        end = index + 1
    fields = [match for row in rows[:end] if (match := MAIL_HEADER.match(row.strip()))]
    names = {match["field"].lower() for match in fields}
    if "from" not in names or not names & {"subject", "sent"}:
        return envelope, text
    envelope.removed = [row.strip() for row in rows[:end] if row.strip()]
    for match in fields:
        if match["field"].lower() in {"sent", "date"}:
            date = parse_date(match["value"])
            envelope.sent = DateLine(printed=date) if date else envelope.sent
        elif match["field"].lower() == "subject":
            envelope.subject = REPLY_PREFIX.sub("", match["value"]).strip()
    rest = rows[end:]
    signature = next((index for index in range(len(rest) - 1, -1, -1) if rest[index].rstrip() == SIGNATURE), None)
    if signature is not None:
        envelope.signature = [SIGNATURE, *(row.strip() for row in rest[signature + 1:] if row.strip())]
        rest = rest[:signature]
    return envelope, "\n".join(rest)


def text_pieces(text: str) -> list[Piece]:
    """The paragraphs of a plain text that has no header of its own (a CMS export's body field)."""
    return _paragraphs(_lines(text))


def _lines(text: str) -> list[Line]:
    """Non-blank lines, numbered by the blank-line-separated block they stand in.

    A line that starts in lower case, or follows a line ending in a comma, goes on
    with the line before it (a wrapped headline, caption or paragraph), unless that
    one ends a sentence or is a byline or date line.
    """
    lines: list[Line] = []
    for number, block in enumerate(re.split(r"\n[ \t]*\n", text)):
        for row in (row.strip() for row in block.split("\n") if row.strip()):
            previous = lines[-1] if lines and lines[-1].block == number else None
            if previous and _goes_on(previous.text, row):
                lines[-1] = Line(f"{previous.text} {row}", number, max(previous.width, len(row)))
            else:
                lines.append(Line(row, number, len(row)))
    return lines


def _goes_on(previous: str, row: str) -> bool:
    if previous.endswith(SENTENCE_END) or not (previous.endswith(",") or (row[:1].islower() and not DOMAIN.match(row))):
        return False
    return not _is_header_line(previous)


def _runs_on(text: str) -> bool:
    """Whether a line is running text, which a header holds only as a standfirst.

    A headline may be long and may end with a question mark or a quotation, but
    it does not end with a full stop.
    """
    return len(text.split()) > HEADLINE_MAX_WORDS or text.rstrip("\"”’)]").endswith((".", "…", ";", ",", ":"))


def _is_header_line(text: str) -> bool:
    return bool(read_byline(text) or is_stamp(text) or read_date_line(text) or _labelled(text))


def _labelled(text: str) -> tuple[str, str] | None:
    """The field and value of a labelled header line ("Byline: Jane Doe"), if it is one."""
    match = LABELLED.match(text)
    if not match or len(match["value"].split()) > HEADLINE_MAX_WORDS:
        return None
    return match["field"].lower(), match["value"].strip()


def _header_end(lines: list[Line]) -> int:
    """Where the header ends: after its last byline or date line near the top, and never inside the first paragraph."""
    first_prose = next((i for i, line in enumerate(lines) if _runs_on(line.text)), len(lines))
    end = first_prose
    for index, line in enumerate(lines[:HEADER_SCAN]):
        if len(line.text.split()) >= BODY_STARTED_WORDS:
            break
        if index >= first_prose and _is_header_line(line.text):
            end = index + 1
    return end


def _sort_header_line(line: Line, found: TextHeader) -> None:
    found.in_order.append(line)
    text = line.text
    date_line = read_date_line(text) or (DateLine(unread=(text,)) if is_stamp(text) else None)
    byline = read_byline(text)
    if is_boilerplate(text):
        found.removed.append(text)
    elif date_line:
        found.dates.append(date_line)
    elif byline:
        found.bylines.append(byline)
        found.dates += _date_parts_beside_byline(text)
    elif labelled := _labelled(text):
        field_name, value = labelled
        if field_name in {"byline", "author", "writer"}:
            found.bylines.append(read_byline(value) or value)
        elif field_name in {"date", "dated"}:
            found.dates.append(read_date_line(value) or DateLine(unread=(text,)))
        else:
            found.titles.append(value)
    elif match := SECTION_PREFIX.match(text):
        found.sections.append(match["value"])
    elif match := OUTLET_PREFIX.match(text):
        found.outlets.append(match["value"])
    elif _breadcrumb(text):
        found.sections.append(BREADCRUMB.split(text)[-1].strip())
    elif _runs_on(text):
        found.deck.append(line)
    else:
        found.candidates.append(line)


def _breadcrumb(text: str) -> bool:
    """A trail of short section names ("Home › World › Middle East", "News|Politics"), not a headline with a section."""
    crumbs = [crumb.strip() for crumb in BREADCRUMB.split(text)]
    if len(crumbs) < 2 or is_prose(text) or any(not crumb or len(crumb.split()) > 3 for crumb in crumbs):
        return False
    return len(crumbs) > 2 or "|" not in text or is_section_like(crumbs[0]) or crumbs[0].lower() == "home"


def _date_parts_beside_byline(text: str) -> list[DateLine]:
    """The dates of a line like "By Jane Doe | March 4, 2024"."""
    parts = re.split(r"\s+[·•|—–]\s+", text)
    dates = [read_date_line(part) for part in parts[1:]]
    return [date for date in dates if date]


def _paragraphs(lines: list[Line]) -> list[Piece]:
    """The body's paragraphs: lines of a block are joined, unless each line is a paragraph of its own."""
    pieces: list[Piece] = []
    for number in sorted({line.block for line in lines}):
        block = [line for line in lines if line.block == number]
        width = max(line.width for line in block)
        current = block[0].text
        in_box = False
        for before, after in itertools.pairwise(block):
            in_box = in_box or bool(BOX_HEADER.match(before.text) and is_boilerplate(before.text))
            if in_box or _breaks(before, after.text, width):
                pieces.append(Piece(current, group=number, item=bool(BULLET.match(current))))
                current = after.text
            else:
                current = f"{current} {after.text}"
        pieces.append(Piece(current, group=number, item=bool(BULLET.match(current))))
    return pieces


def _breaks(before: Line, after: str, width: int) -> bool:
    """Whether a line break between two lines of one block ends a paragraph (rather than wrapping one)."""
    text = before.text
    if before.width > LONG_LINE or is_boilerplate(text) or is_boilerplate(after) or BULLET.match(after):
        return True
    return width >= 40 and text.endswith(SENTENCE_END) and before.width < 0.6 * width
