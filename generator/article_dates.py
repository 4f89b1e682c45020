"""Dates as news copy prints them: date lines, "Published … · Updated …" stamps and datelines.

The dates themselves are read by dateparser, with settings that make it
deterministic: English only, a fixed month-day order for numeric dates
(day-month when they are written with dots, as in Europe), no relative dates
("2 hours ago") and no timestamps, and day, month and year all required, so
the clock is never consulted. A date keeps the day it has in its own time
zone: "11:45 PM EST, March 1" is 1 March, whatever the time in UTC.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser

_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
             "PARSERS": ["custom-formats", "absolute-time"], "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
_PARSERS = {order: DateDataParser(languages=["en"], settings={**_SETTINGS, "DATE_ORDER": order})
            for order in ("MDY", "DMY")}
YEAR = re.compile(r"(?<!\d)(1[89]|2[01])\d\d(?!\d)")
DOTTED = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
MAX_DATE_WORDS = 14
MAX_LINE = 200
COMMON_FORMATS = ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"]
"""Not a list of accepted formats: dateparser tries these with strptime before its general parser, which is
a hundred times slower, so the most usual date lines cost little; any other style goes to the general parser."""
TIME_OF_DAY = re.compile(r"(?:\b[Aa]t\s+)?\b\d{1,2}(?:(?:[:.]\d{2}){1,2}\s*(?:[AaPp]\.?[Mm]\.?)?|\s*[AaPp]\.?[Mm]\.?)"
                         r"(?:\s*\(?(?:[A-Z]{1,5}(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?(?![\w:])")
"""A time of day with its zone ("6:14 PM GMT+3", "18.40 BST"), dropped when the date cannot be read with it."""

PUBLISHED = r"(?:first\s+)?published|posted|issued|filed"
UPDATED = r"(?:last\s+)?updated|(?:last\s+)?modified|revised"
STAMP = re.compile(rf"\b(?P<word>{PUBLISHED}|{UPDATED})\b(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE)
STAMP_START = re.compile(rf"^(?:{PUBLISHED}|{UPDATED})\b", re.IGNORECASE)
UPDATED_WORD = re.compile(rf"^(?:{UPDATED})$", re.IGNORECASE)
GLUED_STAMP = re.compile(r"(?<=[A-Za-z0-9])(?=(?:Updated|Published|Posted)\b)")
GLUED_YEAR = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d)")
"""Text scraped from a page can run a year into a time, or a zone into "Updated": "July 26, 202110:43 PM UTCUpdated"."""
SEPARATORS = re.compile(r"\s+[·•|/—–]\s+|\s*[·•|]\s*|;\s+")
TIME_ONLY = re.compile(r"^(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,5}(?:[+-]\d{1,2})?)?$",
                       re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def parse_date(text: str) -> dt.date | None:
    """The date `text` is, if it is a full date (with a time and zone or not) and nothing else."""
    text = " ".join(text.split()).strip(" ,;:·|-—–")
    if not YEAR.search(text) or len(text.split()) > MAX_DATE_WORDS:
        return None
    parser = _PARSERS["DMY" if DOTTED.search(text) else "MDY"]
    found = _parse(parser, text)
    if found is None and TIME_OF_DAY.search(text):
        found = _parse(parser, TIME_OF_DAY.sub(" ", text))  # the day is all we need; some zones confuse the parser
    return found


def _parse(parser: DateDataParser, text: str) -> dt.date | None:
    try:
        found = parser.get_date_data(text, date_formats=COMMON_FORMATS).date_obj
    except (ValueError, OverflowError, TypeError, KeyError, IndexError):
        return None
    return found.date() if found else None


@dataclass(frozen=True)
class DateLine:
    """What a header line says about dates: a plain date line, or "Published …" and "Updated …" stamps."""

    published: dt.date | None = None
    updated: dt.date | None = None
    printed: dt.date | None = None
    """A date with no "Published" or "Updated" in front of it."""
    unread: tuple[str, ...] = ()
    """Stamps whose date could not be read (such as "Updated 2 hours ago")."""


def read_date_line(line: str) -> DateLine | None:
    """The dates of a line made only of dates and stamps ("Published … · Updated …"), else None."""
    if len(line) > MAX_LINE:
        return None
    line = GLUED_YEAR.sub(r"\1 ", GLUED_STAMP.sub(" · ", line))
    if not (YEAR.search(line) or STAMP_START.match(line)):
        return None
    published = updated = printed = None
    unread: list[str] = []
    for part in (p.strip() for p in SEPARATORS.split(line)):
        if not part or TIME_ONLY.match(part):
            continue
        stamps = list(STAMP.finditer(part))
        if not stamps:
            date = parse_date(part)
            if date is None:
                return None
            printed = printed or date
            continue
        if stamps[0].start() != 0:
            return None
        for index, stamp in enumerate(stamps):
            end = stamps[index + 1].start() if index + 1 < len(stamps) else len(part)
            date = parse_date(part[stamp.end():end])
            if date is None and not is_stamp(part[stamp.start():end]):
                return None
            if date is None:
                unread.append(part[stamp.start():end].strip(" ,;"))
            elif UPDATED_WORD.match(" ".join(stamp.group("word").split())):
                updated = updated or date
            else:
                published = published or date
    if not (published or updated or printed or unread):
        return None
    return DateLine(published, updated, printed, tuple(unread))


def is_stamp(line: str) -> bool:
    """Whether a line is a "Published …" or "Updated …" stamp with a number in it (even one that cannot be read)."""
    return bool(STAMP_START.match(line)) and len(line.split()) <= MAX_DATE_WORDS and any(c.isdigit() for c in line)


@dataclass(frozen=True)
class Dateline:
    """The place (and day) a wire story opens with: "BAGHDAD, Dec 9 —", "WASHINGTON (AP) —"."""

    place: str
    day: dt.date | None
    printed: str
    """The dateline as printed, up to and including its dash (it stays in the text)."""
    agency: str = ""
    """The agency in its brackets, as printed: "Reuters" in "NEW YORK, March 3 (Reuters) -"."""


DASH = re.compile(r"\s*[—–]\s*|\s+--?\s+")
AGENCY = re.compile(r"\s*\((?P<agency>[A-Za-z][A-Za-z .&'-]{0,30})\)$")
CAPS_PLACE = re.compile(r"^[A-Z][A-Z'’.\- ]*[A-Z.]$")
TITLE_PLACE = re.compile(r"^[A-Z][a-z'’.\-]+(?: (?:[A-Z][a-z'’.\-]+|de|al|el|es|of))*$")
MONTH_DAY = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?$")
MAX_PREFIX = 70


def find_dateline(paragraph: str, page_date: dt.date | None) -> Dateline | None:
    """The dateline opening `paragraph`, if it has one; the day gets its year from `page_date` when it lacks one."""
    dash = DASH.search(paragraph, 0, MAX_PREFIX + 4)
    if dash is None or dash.start() == 0 or dash.end() >= len(paragraph):
        return None
    prefix = paragraph[:dash.start()]
    agency = AGENCY.search(prefix)
    if agency:
        prefix = prefix[:agency.start()]
    parts = [part.strip() for part in prefix.split(",")]
    day_text = parts.pop() if len(parts) > 1 and MONTH_DAY.match(parts[-1]) else ""
    if not parts or len(parts) > 2 or not all(parts):
        return None
    capitals = CAPS_PLACE.match(parts[0]) and sum(c.isalpha() for c in parts[0]) >= 3
    titled = (agency or day_text) and TITLE_PLACE.match(parts[0])
    region_ok = len(parts) == 1 or CAPS_PLACE.match(parts[1]) or TITLE_PLACE.match(parts[1])
    if not (capitals or titled) or not region_ok:
        return None
    return Dateline(", ".join(parts), _day(day_text, page_date), paragraph[:dash.end()].rstrip(),
                    agency["agency"].strip() if agency else "")


def _day(text: str, page_date: dt.date | None) -> dt.date | None:
    if not text:
        return None
    if YEAR.search(text):
        return parse_date(text)
    if page_date is None:
        return None
    day = parse_date(f"{text} {page_date.year}")
    if day and day > page_date + dt.timedelta(days=7):
        day = parse_date(f"{text} {page_date.year - 1}")  # filed in December, printed in January
    return day
