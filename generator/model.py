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
class Fact:
    text: str
    sources: tuple[str, ...]
    unverified: bool = False
    note: str = ""


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
    """Lines dropped as boilerplate ("See also ...", "Advertisement"), kept so the page can list them."""
    byline: str = ""
    """The names of the byline ("Jane Doe and Sam Roe"), without "By"."""
    dateline: str = ""
    """The place of the dateline opening the first paragraph ("BAGHDAD", "KYIV, Ukraine"); it stays in the text."""
    dateline_date: dt.date | None = None
    """The day of the dateline, with the year of the page date when the dateline has none."""
    date_source: str = ""
    """What `page_date` was read from: `published`, `date line`, `updated` or `dateline` (empty when none)."""
    updated_date: dt.date | None = None
    """The date of an "Updated …" stamp or of the page's modification time."""
    unread_dates: tuple[str, ...] = ()
    """Stamps whose date could not be read, such as "Updated 2 hours ago"."""
    source_format: str = "text"
    """`text`, `html` or `markdown`: the kind of file the article came in."""
    left_out: tuple[str, ...] = ()
    """A web page's text outside the article (navigation, adverts, footers): not part of it, listed for checking."""

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks if block.kind == "heading")


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
    byline: str = ""
    dateline: str = ""
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
