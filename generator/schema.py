"""The shape of every YAML file in `seeds/`: the single source of truth.

The validator checks files against these definitions, the JSON Schemas for
editors are generated from them, and so is the site's "How to edit" page.
A field added here is therefore validated, documented and offered by editor
completion at once; nothing else needs to change for it to be accepted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Literal

ValueType = Literal["text", "markdown", "slug", "url", "date", "bool", "int", "choice", "ref", "list", "record"]


@dataclass(frozen=True)
class Field:
    """One key of a record, as an editor writes it."""

    name: str
    type: ValueType
    help: str
    """One sentence for the "How to edit" page and editor tooltips."""
    required: bool = False
    example: object = None
    """A value shown in documentation and scaffolded files."""
    choices: tuple[str, ...] = ()
    """Allowed values for `choice` fields."""
    ref: str = ""
    """Record kind an id must exist in, for `ref` fields (and lists of refs)."""
    item: Field | None = None
    """Type of each element, for `list` fields."""
    record: Record | None = None
    """Nested record definition, for `record` fields."""
    shorthand: str = ""
    """For records: a plain string may stand for the record, filling this key."""
    min_items: int = 0


@dataclass(frozen=True)
class Record:
    """A mapping with known keys: a topic, an entity, a fact, and so on."""

    name: str
    help: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


@dataclass(frozen=True)
class FileKind:
    """A kind of file in `seeds/`: where it lives and what it holds."""

    name: str
    folder: str
    """Folder under `seeds/` holding files of this kind."""
    help: str
    record: Record
    list_key: str = ""
    """If set, the file is a mapping with this one key holding a list of records."""
    doc_fields: tuple[str, ...] = field(default=())


def _sources(required: bool = True) -> Field:
    return Field(
        "sources",
        "list",
        "Ids of the sources that back this statement (see the sources files).",
        required=required,
        example=["ap-2021-07-26-biden-kadhimi"],
        item=Field("source", "ref", "A source id.", ref="source"),
        min_items=1 if required else 0,
    )


def _list_of(name: str, help: str, record: Record, *, required: bool = False, min_items: int = 0) -> Field:
    return Field(name, "list", help, required=required, item=Field(record.name, "record", record.help, record=record),
                 min_items=min_items)


FACT = Record(
    "fact",
    "A statement an editor vouches for, with the sources that back it.",
    (
        Field("text", "markdown", "The statement, in your own words (Markdown, no HTML).", required=True,
              example="The agreement set 31 December 2011 as the date for all US forces to leave Iraq."),
        _sources(),
        Field("unverified", "bool", "True when no source confirms it yet: the page labels it as unverified.",
              example=False),
        Field("note", "markdown", "Where sources disagree, say how, shown under the statement.",
              example="Other counts give 4,477."),
    ),
)

EVENT = Record(
    "event",
    "A dated event for the timeline.",
    (
        Field("date", "date", "When it happened, as YYYY-MM-DD.", required=True, example="2011-12-18"),
        Field("title", "text", "What happened, in a short line.", required=True,
              example="The last US convoy crosses into Kuwait"),
        Field("text", "markdown", "A sentence or two of detail.", example="About 500 soldiers made the crossing."),
        _sources(),
        Field("topic", "ref", "The topic it belongs to (implied inside a topic file).", ref="topic",
              example="us-withdrawal-2011"),
        Field("id", "slug", "An id, if other files need to point at this event.", example="last-convoy"),
    ),
)

SECTION = Record(
    "section",
    "A part of a topic page, with its own heading.",
    (
        Field("id", "slug", "The section's anchor, used by articles to point at it.", required=True,
              example="residual-force-talks"),
        Field("title", "text", "The section heading.", required=True, example="Talks on a residual force fail"),
        Field("intro", "markdown", "An optional lead paragraph, without citations.", example=""),
        _list_of("facts", "The cited statements that make up the section.", FACT, required=True, min_items=1),
    ),
)

TOPIC = Record(
    "topic",
    "A background topic: one page with sections of cited facts and its own timeline events.",
    (
        Field("title", "text", "The page title.", required=True, example="The 2011 US withdrawal from Iraq"),
        Field("summary", "markdown", "Two sentences that say what the topic is.", required=True,
              example="The last US troops left Iraq in December 2011. Whether that was a mistake is still argued."),
        Field("why_it_matters", "markdown", "Why a reader of the articles needs this background.",
              example="The article's subheading warns against repeating the error of 2011."),
        Field("order", "int", "Position among the topics in the menu (lowest first).", example=1),
        _list_of("sections", "The sections of the page, in reading order.", SECTION, required=True, min_items=1),
        _list_of("events", "Timeline events of this topic.", EVENT),
    ),
)

ALIAS = Record(
    "alias",
    "Another name for an entity. Write a plain string, or a mapping to mark a misspelling.",
    (
        Field("name", "text", "The other name, exactly as it is written.", required=True, example="al-Kazimi"),
        Field("garbled", "bool", "True when this is a wrong spelling printed in an article: it is shown corrected.",
              example=False),
        Field("note", "text", "Why this spelling appears (for example: machine translation).", example=""),
    ),
)

ENTITY = Record(
    "entity",
    "A person, organisation, place or thing the stories name, with a page of its own.",
    (
        Field("id", "slug", "The page's id, in lowercase words joined by hyphens.", required=True,
              example="mustafa-al-kadhimi"),
        Field("name", "text", "The name to show.", required=True, example="Mustafa al-Kadhimi"),
        Field("kind", "choice", "What sort of thing it is.", required=True,
              choices=("person", "organisation", "group", "place", "agreement", "operation", "other"),
              example="person"),
        Field("description", "markdown", "Who or what it is, in a sentence or two.", required=True,
              example="Prime minister of Iraq from May 2020 to October 2022."),
        Field("role", "markdown", "The part it plays in these stories.",
              example="He met President Biden at the White House on 26 July 2021."),
        Field("aliases", "list", "Other names it goes by, including misspellings found in articles.",
              item=Field("alias", "record", ALIAS.help, record=ALIAS, shorthand="name"),
              example=["al-Kadhimi", {"name": "Moustaba al-Qasimi", "garbled": True}]),
        Field("topics", "list", "Topics where it plays a part.", item=Field("topic", "ref", "A topic id.",
              ref="topic"), example=["pro-iran-factions"]),
        _sources(),
    ),
)

SOURCE = Record(
    "source",
    "A publication that backs statements on the site.",
    (
        Field("id", "slug", "The id other files cite.", required=True, example="ap-2021-07-26-biden-kadhimi"),
        Field("title", "text", "The headline or title.", required=True,
              example="Biden, Iraqi PM to announce end of US combat mission"),
        Field("publisher", "text", "Who published it (the original publisher, not the copy's host).",
              required=True, example="Associated Press"),
        Field("date", "date", "Publication date, as YYYY-MM-DD, when known.", example="2021-07-26"),
        Field("url", "url", "Where to read it (http or https).", required=True,
              example="https://www.spokesman.com/stories/2021/jul/26/biden-iraqi-pm-to-announce-end-of-us-combat-missio/"),
        Field("via", "text", "The site the text was read on, when it is a copy of the original.",
              example="The Spokesman-Review"),
        Field("fact_sheet", "list", "Rows of the research fact sheet this source backs.",
              item=Field("row", "text", "A row number such as 1.8."), example=["4.4"]),
        Field("note", "text", "Anything a reader should know about this source.", example=""),
    ),
)

TERM = Record(
    "term",
    "A glossary entry. Its term shows its definition on hover on every page.",
    (
        Field("id", "slug", "The entry's id.", required=True, example="sofa"),
        Field("term", "text", "The word or acronym as it appears in text.", required=True, example="SOFA"),
        Field("expansion", "text", "What an acronym stands for.", example="Status of Forces Agreement"),
        Field("definition", "markdown", "What it means, in a sentence or two.", required=True,
              example="A treaty setting the legal rules for foreign troops in a country."),
        Field("aliases", "list", "Other forms of the term that should show the same definition.",
              item=Field("alias", "text", "Another form."), example=["Status of Forces Agreement"]),
        Field("entity", "ref", "An entity page that tells more.", ref="entity", example="sofa-2008"),
        _sources(),
    ),
)

KEY_NUMBER = Record(
    "key_number",
    "A number worth remembering, shown on the home page.",
    (
        Field("value", "text", "The number as it should be shown.", required=True, example="2,500"),
        Field("label", "text", "What the number counts.", required=True, example="US troops in Iraq in July 2021"),
        _sources(),
    ),
)

POINT = Record(
    "point",
    "A cited sentence for the home page.",
    (
        Field("text", "markdown", "The sentence.", required=True, example="The US combat mission ends."),
        _sources(),
    ),
)

CORRECTION = Record(
    "correction",
    "Something the article gets wrong that is not a misspelled name (those live on the entity's aliases).",
    (
        Field("match", "text", "The exact words of the article it concerns, if it concerns words in the text.",
              example="August 17, 2022"),
        Field("correction", "markdown", "What is right, in a sentence.", required=True,
              example="The events took place on 26 July 2021."),
        _sources(),
    ),
)

CLAIM = Record(
    "claim",
    "A checkable statement in the article, with a verdict.",
    (
        Field("id", "slug", "The claim's id.", required=True, example="troop-count"),
        Field("match", "text", "The exact words of the article that make the claim.", required=True,
              example="2,500 U.S. soldiers"),
        Field("claim", "text", "The claim restated plainly.", required=True,
              example="About 2,500 US troops were in Iraq."),
        Field("verdict", "choice", "How the claim stands up.", required=True,
              choices=("accurate", "inaccurate", "garbled", "unverified", "needs-context"), example="accurate"),
        Field("explanation", "markdown", "One line saying why.", required=True,
              example="The figure held from January 2021."),
        _sources(),
    ),
)

CONTEXT = Record(
    "context",
    "A link from a passage of the article to the topic section that explains it.",
    (
        Field("match", "text", "The exact words of the article's paragraph to attach the link to.", required=True,
              example="Do not recreate the error of 2011"),
        Field("topic", "ref", "The topic that explains it.", required=True, ref="topic",
              example="us-withdrawal-2011"),
        Field("section", "slug", "The section of that topic.", example="was-it-a-mistake"),
        Field("label", "text", "A short label for the margin link.", example="Why 2011 is called an error"),
    ),
)

ARTICLE = Record(
    "article",
    "Metadata beside an article's raw text: all optional, each one overrides or adds to what the text gives.",
    (
        Field("title", "text", "The headline, if the text's is wrong.", example="Biden announces new phase"),
        Field("outlet", "text", "The outlet that printed it.", example="Complete News World"),
        Field("byline", "text", "Who wrote it, as the byline names them, without \"By\".", example="Jane Doe"),
        Field("dateline", "text", "The place the story was filed from, as its dateline prints it.",
              example="BAGHDAD"),
        Field("page_date", "date", "The date printed on the page.", example="2022-08-17"),
        Field("event_date", "date", "When the reported events happened, if not the page date.",
              example="2021-07-26"),
        Field("event_title", "text", "The article's own event, as it should appear on the timeline.",
              example="Biden and al-Kadhimi meet at the White House"),
        Field("original_source", "ref", "The source the text was taken or translated from.", ref="source",
              example="afp-2021-07-26-weakened-iraq-pm"),
        Field("note", "markdown", "A note on the text itself (translation, copying).",
              example="This is a machine translation of a French wire report."),
        Field("summary", "markdown", "The story in brief, for the home page.", example=""),
        _list_of("why_it_matters", "Cited sentences: why the story matters.", POINT),
        _list_of("what_to_watch", "Cited sentences: what to watch next.", POINT),
        _list_of("key_numbers", "Numbers for the home page.", KEY_NUMBER),
        _list_of("corrections", "What the article gets wrong, other than misspelled names.", CORRECTION),
        _list_of("claims", "The article's checkable statements, each with a verdict.", CLAIM),
        _list_of("context", "Links from passages of the article to the topics that explain them.", CONTEXT),
        _list_of("events", "Timeline events that belong to the article's own story.", EVENT),
    ),
)

FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("article", "articles", "An article's sidecar `NAME.yml`, next to its text `NAME.txt`, `NAME.html` or "
             "`NAME.md`.", ARTICLE),
    FileKind("topic", "topics", "One background topic per file; the file name is the topic's id.", TOPIC),
    FileKind("entity", "entities", "Entities, any number per file.", ENTITY, list_key="entities"),
    FileKind("event", "events", "Timeline events that are not inside a topic or an article.", EVENT,
             list_key="events"),
    FileKind("term", "glossary", "Glossary terms, any number per file.", TERM, list_key="terms"),
    FileKind("source", "sources", "Sources, any number per file.", SOURCE, list_key="sources"),
)


def kind_named(name: str) -> FileKind:
    return next(k for k in FILE_KINDS if k.name == name)
