"""Dates in an article's text, read against its page date, and a warning when the two are far apart.

Scraped copies often carry the date they were scraped or republished rather
than the date of the events: the first article's page says 17 August 2022,
its events are of 26 July 2021. Relative dates ("on Monday", "a week ago")
are counted from the events' date when the sidecar gives one, else from the
page date. Finding is a handful of patterns for the forms news copy uses and
the standard library reads them; a general date parser was not needed, and
one that searches free text finds dates in ordinary words ("may", "march").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTH_NAMES = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
FAR_DAYS = 30
"""A page dated more than this many days after (or any day before) the events it reports is flagged."""

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COUNT = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("iso", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    ("month-day", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    ("day-month", rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    ("month-year", rf"\b{_MONTH}\s+{_YEAR}\b"),
    ("weekday", r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("ago", rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("named-day", r"\b(?P<word>yesterday|today|tomorrow)\b"),
    ("this", r"\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b"),
    ("year", rf"(?<![\d,.$£€-]){_YEAR}(?![\d,]|-\d)"),
))


@dataclass(frozen=True)
class DateFound:
    """A date in the text: where, as printed, what it resolves to (YYYY, YYYY-MM or YYYY-MM-DD) and how."""

    start: int
    end: int
    text: str
    date: str | None
    why: str
    anchored: bool = False
    """Read from the text alone (a full date, a month and year): evidence of when the events happened."""


def find_dates(text: str, anchor: dt.date | None, anchor_name: str) -> list[DateFound]:
    """Every date expression in `text`, in order; relative ones counted from `anchor` (called `anchor_name`)."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            resolved = _resolve(kind, match, anchor, anchor_name)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateFound(match.start(), match.end(), match.group(), *resolved))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, match: re.Match[str], anchor: dt.date | None,
             anchor_name: str) -> tuple[str | None, str, bool] | None:
    """(date, why, anchored) for one match; None when the words are no date after all."""
    parts = match.groupdict()
    counted = f"counted from {anchor_name}" if anchor else "with no page date to count from"
    if kind == "iso":
        day = _date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        return None if day is None else (day.isoformat(), "a full date", True)
    if kind in ("month-day", "day-month"):
        return _day_month(parts, anchor, anchor_name)
    if kind == "month-year":
        return f"{parts['year']}-{MONTH_NAMES[parts['month'].lower()]:02d}", "a month", True
    if kind == "year":
        return parts["year"], "a year", False
    if anchor is None:
        return None, f"a relative date, {counted}", False
    return _relative(kind, parts, anchor), f"a relative date, {counted}", False


def _day_month(parts: dict[str, str], anchor: dt.date | None, anchor_name: str) -> tuple[str | None, str, bool] | None:
    month, day = MONTH_NAMES[parts["month"].lower()], int(parts["day"])
    if parts.get("year"):
        date = _date(int(parts["year"]), month, day)
        return None if date is None else (date.isoformat(), "a full date", True)
    if not 1 <= day <= 31:
        return None
    if anchor is None:
        return None, "a day and month without a year, and no page date to take the year from", False
    date = _date(anchor.year, month, day)
    if date is None:
        return None
    if date > anchor + dt.timedelta(days=1):
        date = _date(anchor.year - 1, month, day) or date
    return date.isoformat(), f"a day and month: the last one up to {anchor_name}", True


def _relative(kind: str, parts: dict[str, str], anchor: dt.date) -> str:
    if kind == "weekday":
        back = (anchor.weekday() - WEEKDAY_NAMES.index(parts["weekday"].lower())) % 7
        return (anchor - dt.timedelta(days=back)).isoformat()
    if kind == "named-day":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[parts["word"].lower()]
        return (anchor + dt.timedelta(days=shift)).isoformat()
    if kind == "ago":
        count = NUMBER_WORDS.get(parts["count"].lower()) or int(parts["count"])
        return (anchor - dt.timedelta(days=count * UNIT_DAYS[parts["unit"]])).isoformat()
    step = {"last": -1, "this": 0, "next": 1}[parts["which"].lower()]
    if parts["unit"] == "year":
        return str(anchor.year + step)
    if parts["unit"] == "month":
        month = anchor.month - 1 + step
        return f"{anchor.year + month // 12}-{month % 12 + 1:02d}"
    return (anchor + dt.timedelta(days=7 * step)).isoformat()


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def event_dates(found: list[DateFound]) -> Iterator[dt.date]:
    """The latest day each date read from the text alone may stand for."""
    for date in found:
        if date.anchored and date.date:
            year, month, *day = (int(part) for part in date.date.split("-"))
            if day:
                yield dt.date(year, month, day[0])
            else:
                yield (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def page_date_warning(page_date: dt.date, events: dt.date, from_sidecar: bool) -> str | None:
    """Why a page date is suspect, compared with the events' date (from the sidecar, or the text's latest)."""
    gap = (page_date - events).days
    source = "the sidecar's event_date" if from_sidecar else "the latest date the text gives"
    advice = ("the page shows the events' date; say in the sidecar's note why the page date misleads"
              if from_sidecar else "if the article reports those events, set event_date in the sidecar")
    if gap > FAR_DAYS:
        return (f"the page is dated {_long(page_date)}, {gap} days after the events it reports ({_long(events)}, "
                f"{source}): a scraped or republished copy keeps its own date; {advice}")
    if gap < -1:
        return (f"the page is dated {_long(page_date)}, before the events it reports ({_long(events)}, {source}): "
                "check the date line")
    return None


def _long(date: dt.date) -> str:
    """26 July 2021, whatever the locale."""
    month = next(name for name, number in MONTH_NAMES.items() if number == date.month)
    return f"{date.day} {month.capitalize()} {date.year}"
