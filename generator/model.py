"""Every record of the site, declared once: its fields, their YAML types, help and examples.

A record's editor-facing fields are made with the constructors of
`schema.py`; fields without them (`derived`) are filled by the generator,
never written by editors. From these declarations the validator checks the
files, the JSON Schemas and the "How to edit" page are written, and the
validated records are built, so adding a field here is the whole change.
Each class's docstring, up to its first blank line, is the record's help.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import schema as s
from .schema import FileKind


@dataclass(frozen=True)
class Verdict:
    """How a claim stands up, as shown to readers."""

    label: str
    symbol: str

    @property
    def mark(self) -> str:
        """The badge beside the claim's words: "✓ accurate"."""
        return f"{self.symbol} {self.label.lower()}"


VERDICTS: dict[str, Verdict] = {
    "accurate": Verdict("Accurate", "✓"),
    "inaccurate": Verdict("Inaccurate", "✗"),
    "garbled": Verdict("Garbled", "≠"),
    "unverified": Verdict("Unverified", "?"),
    "needs-context": Verdict("Needs context", "…"),
}
SOURCE_KINDS: dict[str, str] = {
    "primary": "Primary source", "wire": "News agency", "press": "News outlet", "reference": "Reference work",
    "other": "Other source",
}
"""Kinds of publisher, as the sources page names them; a claim's verdict should rest on at least one of the first
three (see `sourcing.py`)."""
MIRROR_KINDS = ("mirror", "aggregator", "content-farm", "proxy", "repost")
ENTITY_KINDS: dict[str, str] = {
    "person": "People", "organisation": "Organisations", "group": "Groups", "place": "Places",
    "agreement": "Agreements", "operation": "Operations", "other": "Other",
}
"""Each kind of entity, with the heading that lists entities of that kind."""


@dataclass(frozen=True, kw_only=True)
class Source:
    """A publication that backs statements on the site."""

    id: str = s.slug("The id other files cite.", required=True, example="ap-2021-07-26-biden-kadhimi")
    title: str = s.text("The headline or title.", required=True,
                        example="Biden, Iraqi PM to announce end of US combat mission")
    publisher: str = s.text("Who published it (the original publisher, not the copy's host).", required=True,
                            example="Associated Press")
    kind: str = s.choice(tuple(SOURCE_KINDS), "What sort of publisher it is: primary (the government, body or "
                         "person who made the statement), wire (a news agency: AP, AFP, Reuters), press (a newspaper, "
                         "broadcaster or news site under its own name), reference (an encyclopedia, library or "
                         "research institute), other (anything else: blogs, advocacy groups, transcript services).",
                         required=True, example="wire")
    date: dt.date | None = s.date("Publication date, as YYYY-MM-DD, when known.", example="2021-07-26")
    url: str = s.url("The original publisher's address for it (http or https); if you read it in a copy elsewhere, "
                     "put that copy's address in read_at.", required=True,
                     example="https://www.spokesman.com/stories/2021/jul/26/biden-iraqi-pm-to-announce-end-of-us-combat-missio/")
    via: str = s.text("The site the text was read on, when it is a copy of the original.",
                      example="The Spokesman-Review")
    read_at: str = s.url("The address of the copy you read, when it is not the original address in url.",
                         example="https://www.example-copies.net/2021/07/26/biden-iraqi-pm")
    archived: str = s.url("A web archive copy of the page (web.archive.org or archive.today), if you made or found "
                          "one.", example="https://web.archive.org/web/2021/https://example.org/story")
    accessed: dt.date | None = s.date("When you last read it, as YYYY-MM-DD.", example="2021-07-27")
    copy_of: str = s.ref("source", "Another source this one is a copy or version of (the same story carried "
                         "elsewhere). Copies of an article's original_source count as the article itself: a claim "
                         "cannot be checked against them alone.", example="afp-2021-07-26-biden-new-phase")
    original_not_found: str = s.text("When url is a copy on a known mirror because the original publisher's address "
                                     "could not be found: say where you looked. The mirror warning is then not "
                                     "raised, and the sources page says so.",
                                     example="The White House page is not in the archives searched.")
    fact_sheet: tuple[str, ...] = s.texts("Rows of the research fact sheet this source backs.", "row",
                                          "A row number such as 1.8.", example=["4.4"])
    note: str = s.text("Anything a reader should know about this source.", example="")


UPDATE_KINDS: dict[str, str] = {"update": "Update", "correction": "Correction", "clarification": "Clarification"}
"""Kinds of entry in a page's history, with the label readers see."""


@dataclass(frozen=True, kw_only=True)
class Update:
    """A dated change made after the page was published. The latest shows at the top of the page, every one in its
    history and on the Corrections and updates page."""

    date: dt.date = s.date("When the change was made, as YYYY-MM-DD.", required=True, example="2021-12-09")
    kind: str = s.choice(tuple(UPDATE_KINDS), "update: the story moved on; correction: something was wrong and is "
                         "put right; clarification: something is said more clearly.", required=True,
                         example="update")
    text: str = s.markdown("What changed, for readers, in a sentence or two (Markdown, no HTML).", required=True,
                           example="Iraq announced the end of the coalition's combat mission on 9 December 2021.")
    sources: tuple[str, ...] = s.sources()
    about: str = s.slug("The id of the claim, fact, key number, event or section that this entry changes; leave "
                        "it out when the entry concerns the whole page.", example="no-combat-by-year-end")


def _updates() -> Any:
    return s.records(Update, "Changes made after publication, in any order: pages show them newest first.")


@dataclass(frozen=True, kw_only=True)
class Mirror:
    """A site that copies other publishers' work. A source whose url is on it gets a warning from check."""

    host: str = s.text("The site's host name, without http:// or a path, like newshour.media. It also covers the "
                       "site's subdomains.", required=True, example="newshour.media")
    kind: str = s.choice(MIRROR_KINDS, "What the site does: mirror (copies whole pages or a whole site), aggregator "
                         "(republishes other outlets' stories), content-farm (rewrites or spins them), proxy (serves "
                         "another site's pages at its own address), repost (a blog or site reposting releases).",
                         required=True, example="content-farm")
    note: str = s.text("What you saw there, so the next editor knows why it is listed.",
                       example="Rewrites AFP stories in its own words.")


@dataclass(frozen=True, kw_only=True)
class Fact:
    """A statement an editor vouches for, with the sources that back it."""

    text: str = s.markdown("The statement, in your own words (Markdown, no HTML).", required=True,
                           example="The agreement set 31 December 2011 as the date for all US forces to leave Iraq.")
    sources: tuple[str, ...] = s.sources()
    unverified: bool = s.flag("True when no source confirms it yet: the page labels it as unverified.",
                              example=False)
    note: str = s.markdown("Where sources disagree, say how, shown under the statement.",
                           example="Other counts give 4,477.")
    id: str = s.slug("An id, so that an update's `about:` can name this fact (unique within the topic).",
                     example="deadline-2011")


@dataclass(frozen=True, kw_only=True)
class Event:
    """A dated event for the timeline."""

    date: dt.date = s.date("When it happened, as YYYY-MM-DD.", required=True, example="2011-12-18")
    title: str = s.text("What happened, in a short line.", required=True,
                        example="The last US convoy crosses into Kuwait")
    text: str = s.markdown("A sentence or two of detail.", example="About 500 soldiers made the crossing.")
    sources: tuple[str, ...] = s.sources()
    topic: str = s.ref("topic", "The topic it belongs to (implied inside a topic file).", example="us-withdrawal-2011")
    id: str = s.slug("An id, if other files need to point at this event.", example="last-convoy")
    article: str = ""
    """Derived: set for events that belong to an article's own story, which the timeline highlights."""


@dataclass(frozen=True, kw_only=True)
class Section:
    """A part of a topic page, with its own heading."""

    id: str = s.slug("The section's anchor, used by articles to point at it.", required=True,
                     example="residual-force-talks")
    title: str = s.text("The section heading.", required=True, example="Talks on a residual force fail")
    intro: str = s.markdown("An optional lead paragraph, without citations.", example="")
    facts: tuple[Fact, ...] = s.records(Fact, "The cited statements that make up the section.", required=True,
                                        min_items=1)
    charts: tuple[str, ...] = s.refs("chart", "Charts shown at the end of the section (ids of files in "
                                     "seeds/charts/).", example=["us-troops-in-iraq"])


@dataclass(frozen=True, kw_only=True)
class Further:
    """A section that tells more than a question's short answer."""

    topic: str = s.ref("topic", "The topic that tells more.", required=True, example="pro-iran-factions")
    section: str = s.slug("The section of that topic, if one section answers best.", example="what-is-the-pmf")


@dataclass(frozen=True, kw_only=True)
class Question:
    """A question a reader would ask, answered in a few cited sentences and shown as a card."""

    q: str = s.text("The question, as a reader would ask it.", required=True,
                    example="What is the Popular Mobilization Forces?")
    answer: str = s.markdown("The answer, in at most about 120 words (Markdown, no HTML).", required=True,
                             example="An umbrella of armed groups formed in June 2014 to fight the Islamic State.")
    sources: tuple[str, ...] = s.sources()
    more: tuple[Further, ...] = s.records(Further, "Sections that go deeper than the answer.")


@dataclass(frozen=True, kw_only=True)
class Topic:
    """A background topic: one page with sections of cited facts and its own timeline events."""

    id: str
    """Derived: the file's name."""
    title: str = s.text("The page title.", required=True, example="The 2011 US withdrawal from Iraq")
    summary: str = s.markdown("Two sentences that say what the topic is.", required=True,
                              example="The last US troops left Iraq in December 2011. Whether that was a mistake is "
                                      "still argued.")
    why_it_matters: str = s.markdown("Why a reader of the articles needs this background.",
                                     example="The article's subheading warns against repeating the error of 2011.")
    questions: tuple[Question, ...] = s.records(Question, "Readers' questions, answered at the top of the page.")
    order: int = s.integer("Position among the topics in the menu (lowest first).", example=1)
    sections: tuple[Section, ...] = s.records(Section, "The sections of the page, in reading order.", required=True,
                                              min_items=1)
    events: tuple[Event, ...] = s.records(Event, "Timeline events of this topic.")
    updates: tuple[Update, ...] = _updates()


@dataclass(frozen=True, kw_only=True)
class Alias:
    """Another name for an entity. Write a plain string, or a mapping to mark a misspelling."""

    name: str = s.text("The other name, exactly as it is written.", required=True, example="al-Kazimi")
    garbled: bool = s.flag("True when this is a wrong spelling printed in an article: it is shown corrected.",
                           example=False)
    note: str = s.text("Why this spelling appears (for example: machine translation).", example="")


@dataclass(frozen=True, kw_only=True)
class Entity:
    """A person, organisation, place or thing the stories name, with a page of its own."""

    id: str = s.slug("The page's id, in lowercase words joined by hyphens.", required=True,
                     example="mustafa-al-kadhimi")
    name: str = s.text("The name to show.", required=True, example="Mustafa al-Kadhimi")
    kind: str = s.choice(tuple(ENTITY_KINDS), "What sort of thing it is.", required=True, example="person")
    description: str = s.markdown("Who or what it is, in a sentence or two.", required=True,
                                  example="Prime minister of Iraq from May 2020 to October 2022.")
    role: str = s.markdown("The part it plays in these stories.",
                           example="He met President Biden at the White House on 26 July 2021.")
    aliases: tuple[Alias, ...] = s.records(Alias, "Other names it goes by, including misspellings found in articles.",
                                           shorthand="name",
                                           example=["al-Kadhimi", {"name": "Moustaba al-Qasimi", "garbled": True}])
    topics: tuple[str, ...] = s.refs("topic", "Topics where it plays a part.", example=["pro-iran-factions"])
    sources: tuple[str, ...] = s.sources()
    lat: float | None = s.number("For a place: its latitude in decimal degrees (north is positive), for the maps.",
                                 example=33.3128)
    lon: float | None = s.number("For a place: its longitude in decimal degrees (east is positive), for the maps.",
                                 example=44.3615)
    location_sources: tuple[str, ...] = s.refs("source", "Ids of the sources that give the coordinates (a gazetteer "
                                               "page).", example=["countrycoordinate-baghdad"])
    updates: tuple[Update, ...] = _updates()


@dataclass(frozen=True, kw_only=True)
class Term:
    """A glossary entry. Its term shows its definition on hover on every page."""

    id: str = s.slug("The entry's id.", required=True, example="sofa")
    term: str = s.text("The word or acronym as it appears in text.", required=True, example="SOFA")
    expansion: str = s.text("What an acronym stands for.", example="Status of Forces Agreement")
    definition: str = s.markdown("What it means, in a sentence or two.", required=True,
                                 example="A treaty setting the legal rules for foreign troops in a country.")
    aliases: tuple[str, ...] = s.texts("Other forms of the term that should show the same definition.", "alias",
                                       "Another form.", example=["Status of Forces Agreement"])
    entity: str = s.ref("entity", "An entity page that tells more.", example="sofa-2008")
    sources: tuple[str, ...] = s.sources()


@dataclass(frozen=True, kw_only=True)
class KeyNumber:
    """A number worth remembering, shown on the home page."""

    value: str = s.text("The number as it should be shown.", required=True, example="2,500")
    label: str = s.text("What the number counts.", required=True, example="US troops in Iraq in July 2021")
    sources: tuple[str, ...] = s.sources()
    id: str = s.slug("An id, so that an update's `about:` can name this number (unique within the article).",
                     example="troops-in-iraq")


@dataclass(frozen=True, kw_only=True)
class Point:
    """A cited sentence for the home page."""

    text: str = s.markdown("The sentence.", required=True, example="The US combat mission ends.")
    sources: tuple[str, ...] = s.sources()


@dataclass(frozen=True, kw_only=True)
class Correction:
    """Something the article gets wrong that is not a misspelled name (those live on the entity's aliases)."""

    match: str = s.text("The exact words of the article it concerns, if it concerns words in the text.",
                        example="August 17, 2022")
    correction: str = s.markdown("What is right, in a sentence.", required=True,
                                 example="The events took place on 26 July 2021.")
    sources: tuple[str, ...] = s.sources()


@dataclass(frozen=True, kw_only=True)
class Claim:
    """A checkable statement in the article, with a verdict."""

    id: str = s.slug("The claim's id.", required=True, example="troop-count")
    match: str = s.text("The exact words of the article that make the claim.", required=True,
                        example="2,500 U.S. soldiers")
    claim: str = s.text("The claim restated plainly.", required=True, example="About 2,500 US troops were in Iraq.")
    verdict: str = s.choice(tuple(VERDICTS), "How the claim stands up.", required=True, example="accurate")
    explanation: str = s.markdown("One line saying why.", required=True, example="The figure held from January 2021.")
    sources: tuple[str, ...] = s.sources()


@dataclass(frozen=True, kw_only=True)
class Context:
    """A link from a passage of the article to the topic section that explains it."""

    match: str = s.text("The exact words of the article's paragraph to attach the link to.", required=True,
                        example="Do not recreate the error of 2011")
    topic: str = s.ref("topic", "The topic that explains it.", required=True, example="us-withdrawal-2011")
    section: str = s.slug("The section of that topic.", example="was-it-a-mistake")
    label: str = s.text("A short label for the margin link.", example="Why 2011 is called an error")


@dataclass(frozen=True, kw_only=True)
class Story:
    """A story that several articles follow: its page lists them in date order with what each one adds.

    A file is optional: a story named by a sidecar's `story` and with no file takes its first article's title."""

    id: str
    """Derived: the file's name, or the `story` its articles name."""
    title: str = s.text("The story's title, above its articles.", required=True,
                        example="The end of the US combat mission in Iraq")
    summary: str = s.markdown("What the story is about, in a sentence or two.",
                              example="How the US and Iraq agreed to end the combat mission, and what followed.")
    articles: tuple[str, ...] = ()
    """Derived: the ids of its articles, oldest first."""


@dataclass(frozen=True, kw_only=True)
class ChartPoint:
    """One figure of a chart, with the sources that back it."""

    date: str = s.period("When, for a chart over time: YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source.",
                         example="2007-10")
    label: str = s.text("What the figure is for, for a chart of categories (bars) instead of dates.",
                        example="2018 election")
    value: float | None = s.number("The figure, written with digits only (no commas).", example=170000)
    low: float | None = s.number("Where sources disagree: the lowest figure (write high too, and no value).",
                                 example=47)
    high: float | None = s.number("Where sources disagree: the highest figure.", example=48)
    gap: bool = s.flag("True where no figure is known: the line breaks here instead of joining its neighbours.",
                       example=False)
    note: str = s.text("What the figure is, when the date or label does not say (shown in the data table).",
                       example="The peak, during the surge")
    sources: tuple[str, ...] = s.sources()


@dataclass(frozen=True, kw_only=True)
class Series:
    """One line (or one set of bars) of a chart."""

    name: str = s.text("What the series counts, shown in the legend and the data table.", required=True,
                       example="US troops in Iraq")
    points: tuple[ChartPoint, ...] = s.records(ChartPoint, "Its figures, earliest first (or in the order the bars "
                                               "should stand).", required=True, min_items=1)


CHART_KINDS = ("line", "step", "bar")


@dataclass(frozen=True, kw_only=True)
class Chart:
    """A chart drawn when the site is built, with its data table; every figure cites its sources."""

    id: str
    """Derived: the file's name."""
    title: str = s.text("The chart's title.", required=True, example="US troops in Iraq, 2003–2021")
    units: str = s.text("What the numbers count, for the axis and the description.", required=True,
                        example="troops")
    kind: str = s.choice(CHART_KINDS, "How to draw it: line, step (a level that holds until it changes) or bar.",
                         required=True, example="line")
    series: tuple[Series, ...] = s.records(Series, "The series of figures.", required=True, min_items=1)
    note: str = s.markdown("What the chart shows and what to keep in mind, shown under it.",
                           example="Counts are approximate; where sources disagree the range is shown.")


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
    """`text`, `html`, `mhtml`, `markdown`, `json` or `xml`: the kind of file the article came in."""
    left_out: tuple[str, ...] = ()
    """A web page's text outside the article (navigation, adverts, footers): not part of it, listed for checking."""

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks if block.kind == "heading")


@dataclass(frozen=True, kw_only=True)
class Article:
    """Metadata beside an article's raw text: all optional, each one overrides or adds to what the text gives."""

    id: str
    """Derived: the file's name."""
    blocks: tuple[Block, ...]
    """Derived: the paragraphs and subheadings of the text."""
    removed: tuple[str, ...] = ()
    """Derived: lines of the text dropped as scraper noise."""
    section_label: str = ""
    """Derived: the section the page printed beside the headline."""
    title: str = s.text("The headline, if the text's is wrong.", example="Biden announces new phase")
    outlet: str = s.text("The outlet that printed it.", example="Complete News World")
    byline: str = s.text("Who wrote it, as the byline names them, without \"By\".", example="Jane Doe")
    dateline: str = s.text("The place the story was filed from, as its dateline prints it.", example="BAGHDAD")
    page_date: dt.date | None = s.date("The date printed on the page.", example="2022-08-17")
    event_date: dt.date | None = s.date("When the reported events happened, if not the page date.",
                                        example="2021-07-26")
    event_title: str = s.text("The article's own event, as it should appear on the timeline.",
                              example="Biden and al-Kadhimi meet at the White House")
    original_source: str = s.ref("source", "The source the text was taken or translated from.",
                                 example="afp-2021-07-26-weakened-iraq-pm")
    note: str = s.markdown("A note on the text itself (translation, copying).",
                           example="This is a machine translation of a French wire report.")
    summary: str = s.markdown("The story in brief, for the home page.", example="")
    story: str = s.slug("The story this article follows, when several articles follow one story (the id of a "
                        "file in seeds/stories/, or any new id: articles naming the same id form one story).",
                        example="us-combat-mission-ends")
    adds: str = s.markdown("What this article adds to its story, for the story's page (else its dek).",
                           example="Iraq announces that the coalition's combat mission is over.")
    dek: str = s.text("One sentence under the headline that says what the story is about (else the summary's "
                      "first sentence).", example="Biden and al-Kadhimi agree to end the US combat mission in Iraq.")
    place: str = s.text("Where the reported events happened, if the text's dateline doesn't say.",
                        example="Washington")
    questions: tuple[Question, ...] = s.records(Question, "Readers' questions about the story, shown as cards on "
                                                          "the home page.")
    why_it_matters: tuple[Point, ...] = s.records(Point, "Cited sentences: why the story matters.")
    what_to_watch: tuple[Point, ...] = s.records(Point, "Cited sentences: what to watch next.")
    key_numbers: tuple[KeyNumber, ...] = s.records(KeyNumber, "Numbers for the home page.")
    corrections: tuple[Correction, ...] = s.records(Correction,
                                                    "What the article gets wrong, other than misspelled names.")
    claims: tuple[Claim, ...] = s.records(Claim, "The article's checkable statements, each with a verdict.")
    context: tuple[Context, ...] = s.records(Context,
                                             "Links from passages of the article to the topics that explain them.")
    events: tuple[Event, ...] = s.records(Event, "Timeline events that belong to the article's own story.")
    charts: tuple[str, ...] = s.refs("chart", "Charts shown with the key numbers on the home page while this is the "
                                     "latest article.", example=["us-troops-in-iraq"])
    updates: tuple[Update, ...] = _updates()

    @property
    def date(self) -> dt.date | None:
        """The date that matters to readers: when the events happened."""
        return self.event_date or self.page_date

    @property
    def own_event(self) -> Event | None:
        """The event the article reports, for the timeline: the sidecar's `event_title`, else the headline."""
        if not self.date:
            return None
        sources = (self.original_source,) if self.original_source else ()
        return Event(date=self.date, title=self.event_title or self.title, sources=sources, article=self.id)

    def timeline_events(self) -> list[Event]:
        """The article's own event and its sidecar's events, each once: a sidecar event on the same day with the
        same title as the own event is the same event."""
        own = self.own_event
        if own is None or any((e.date, e.title) == (own.date, own.title) for e in self.events):
            return list(self.events)
        return [own, *self.events]


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
    stories: tuple[Story, ...] = field(default=())
    """Stories with their articles, newest first."""
    charts: tuple[Chart, ...] = field(default=())

    def all_events(self) -> list[Event]:
        """Every event of the site, in date order (stable for equal dates)."""
        events = [*self.events]
        for topic in self.topics:
            events.extend(topic.events)
        for article in self.articles:
            events.extend(article.timeline_events())
        return sorted(events, key=lambda e: e.date)


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("article", "articles", "An article's sidecar `NAME.yml`, next to its text `NAME.txt`, `NAME.html`, "
             "`NAME.mhtml`, `NAME.md`, `NAME.json` or `NAME.xml`.", Article),
    FileKind("topic", "topics", "One background topic per file; the file name is the topic's id.", Topic),
    FileKind("entity", "entities", "Entities, any number per file.", Entity, list_key="entities"),
    FileKind("event", "events", "Timeline events that are not inside a topic or an article.", Event,
             list_key="events"),
    FileKind("term", "glossary", "Glossary terms, any number per file.", Term, list_key="terms"),
    FileKind("source", "sources", "Sources, any number per file.", Source, list_key="sources"),
    FileKind("mirror", "mirrors", "Known mirrors, aggregators and content farms: a source read there should cite the "
             "original publisher instead.", Mirror, list_key="mirrors"),
    FileKind("chart", "charts", "One chart per file; the file name is the chart's id.", Chart),
    FileKind("story", "stories", "One story per file, for articles that follow one story; the file name is the "
             "story's id. Optional: a story its articles name needs no file.", Story),
)


def kind_named(name: str) -> FileKind:
    return next(k for k in FILE_KINDS if k.name == name)
