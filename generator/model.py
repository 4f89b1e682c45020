"""The validated content of a site, as frozen records.

Field names match the YAML keys in `schema.py`; the validator fills these
records only after every check has passed, so later stages can trust them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    date: dt.date | None = None
    via: str = ""
    fact_sheet: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Update:
    """A dated change made after publication (see `ledger.py`)."""

    date: dt.date
    kind: str
    """`update`, `correction` or `clarification`."""
    text: str
    sources: tuple[str, ...]
    about: str = ""
    """The id of the claim, fact, key number, event or section it changes; empty for the whole page."""


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]
    unverified: bool = False
    note: str = ""
    id: str = ""


@dataclass(frozen=True)
class Event:
    date: dt.date
    title: str
    sources: tuple[str, ...]
    text: str = ""
    topic: str = ""
    id: str = ""
    article: str = ""
    """Set for events that belong to an article's own story: they are highlighted."""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    facts: tuple[Fact, ...]
    intro: str = ""


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    why_it_matters: str = ""
    order: int = 0
    events: tuple[Event, ...] = ()
    updates: tuple[Update, ...] = ()


@dataclass(frozen=True)
class Alias:
    name: str
    garbled: bool = False
    note: str = ""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    description: str
    sources: tuple[str, ...]
    role: str = ""
    aliases: tuple[Alias, ...] = ()
    topics: tuple[str, ...] = ()
    updates: tuple[Update, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    sources: tuple[str, ...]
    expansion: str = ""
    aliases: tuple[str, ...] = ()
    entity: str = ""


@dataclass(frozen=True)
class KeyNumber:
    value: str
    label: str
    sources: tuple[str, ...]
    id: str = ""


@dataclass(frozen=True)
class Point:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Correction:
    correction: str
    sources: tuple[str, ...]
    match: str = ""


@dataclass(frozen=True)
class Claim:
    id: str
    match: str
    claim: str
    verdict: str
    explanation: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Context:
    match: str
    topic: str
    section: str = ""
    label: str = ""


@dataclass(frozen=True)
class Block:
    """A paragraph or subheading of an article, as printed."""

    kind: str
    """`paragraph` or `heading`."""
    text: str
    number: int
    """1-based position among the article's paragraphs (headings share the count)."""


@dataclass(frozen=True)
class ParsedText:
    """What the raw text of an article says about itself."""

    title: str
    outlet: str
    page_date: dt.date | None
    section_label: str
    blocks: tuple[Block, ...]
    removed: tuple[str, ...]
    """Lines dropped as scraper noise ("See also ..."), kept so the page can list them."""


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    outlet: str
    page_date: dt.date | None
    event_date: dt.date | None
    blocks: tuple[Block, ...]
    removed: tuple[str, ...] = ()
    section_label: str = ""
    event_title: str = ""
    original_source: str = ""
    note: str = ""
    summary: str = ""
    why_it_matters: tuple[Point, ...] = ()
    what_to_watch: tuple[Point, ...] = ()
    key_numbers: tuple[KeyNumber, ...] = ()
    corrections: tuple[Correction, ...] = ()
    claims: tuple[Claim, ...] = ()
    context: tuple[Context, ...] = ()
    events: tuple[Event, ...] = ()
    updates: tuple[Update, ...] = ()

    @property
    def date(self) -> dt.date | None:
        """The date that matters to readers: when the events happened."""
        return self.event_date or self.page_date

    @property
    def own_event(self) -> Event | None:
        """The event the article reports, for the timeline, when the sidecar names it."""
        if not (self.event_title and self.date):
            return None
        sources = (self.original_source,) if self.original_source else ()
        return Event(date=self.date, title=self.event_title, sources=sources, article=self.id)


@dataclass(frozen=True)
class Site:
    """Everything in `seeds/`, validated and cross-checked."""

    articles: tuple[Article, ...]
    topics: tuple[Topic, ...]
    entities: tuple[Entity, ...]
    terms: tuple[Term, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...] = field(default=())
    """Free-standing events from `seeds/events/`."""

    def all_events(self) -> list[Event]:
        """Every event of the site, in date order (stable for equal dates)."""
        events = [*self.events]
        for topic in self.topics:
            events.extend(topic.events)
        for article in self.articles:
            if article.own_event:
                events.append(article.own_event)
            events.extend(article.events)
        return sorted(events, key=lambda e: e.date)
