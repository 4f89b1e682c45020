"""The pages' history: `updates:` entries, what each one names, and where it shows.

An entry's `about:` names something on its own page by id: in an article, a
claim, a key number or an event; in a topic, a fact, a section or an event;
on any page, a free-standing event of `seeds/events/`. An item that was
published and has since been removed can still be named (the lock remembers
its id), so that the entry explaining its removal can point at it.

This module checks those names, and gathers the entries into plain data for
the templates: each page's history, newest first, and the site-wide list for
the Corrections and updates page and the feeds. Dates all come from the YAML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import Problem, did_you_mean
from .markup import strip_markdown
from .memo import Memo
from .model import UPDATE_KINDS, Claim, Event, KeyNumber, Section, Site, Update
from .paths import (
    TIMELINE_PAGE,
    UPDATES_ANCHOR,
    article_path,
    check_anchor,
    entity_path,
    event_anchor,
    fact_anchor,
    key_number_anchor,
    topic_path,
)
from .schema import file_id
from .validate import CheckedFile

HEADLINE_KINDS = ("update", "correction")
"""Kinds shown at the top of the page; a clarification only joins the page's list."""


@dataclass(frozen=True)
class Item:
    """Something on a page that an entry's `about:` can name."""

    kind: str
    """`claim`, `fact`, `key number`, `event`, `section`, or `removed item`."""
    name: str
    label: str
    """What readers see it as: the claim restated, the fact's first words, the event's title..."""
    path: str
    """The page that shows it (docs-relative)."""
    anchor: str
    """Its anchor on that page; empty when it has none."""

    @property
    def about(self) -> str:
        """How a page names it, after "about": `the claim “…”`."""
        if self.kind == "removed item":
            return f"an item since removed ({self.name})"
        return f"the {self.kind} “{self.label}”"


def article_items(article_id: str, claims: Sequence[Claim], key_numbers: Sequence[KeyNumber],
                  events: Sequence[Event], key_numbers_path: str = "", key_anchor: bool = False) -> list[Item]:
    """What an article's entries can name. Key numbers show on `key_numbers_path` (the home page for the lead)."""
    path = article_path(article_id)
    items = [Item("claim", c.id, c.claim, path, check_anchor(c.id)) for c in claims]
    items += [Item("key number", k.id, f"{k.value}: {k.label}", key_numbers_path or path,
                   key_number_anchor(k.id) if key_anchor else "") for k in key_numbers if k.id]
    items += [Item("event", e.id, e.title, TIMELINE_PAGE, event_anchor(e.id)) for e in events if e.id]
    return items


def topic_items(topic_id: str, sections: Sequence[Section], events: Sequence[Event]) -> list[Item]:
    path = topic_path(topic_id)
    items = [Item("section", s.id, s.title, path, s.id) for s in sections]
    items += [Item("fact", f.id, first_words(f.text), path, fact_anchor(f.id))
              for s in sections for f in s.facts if f.id]
    items += [Item("event", e.id, e.title, path, event_anchor(e.id)) for e in events if e.id]
    return items


def timeline_items(events: Iterable[Event]) -> list[Item]:
    """Free-standing events: any article's or topic's entries can name them."""
    return [Item("event", e.id, e.title, TIMELINE_PAGE, event_anchor(e.id)) for e in events if e.id]


def first_words(markdown: str, words: int = 12) -> str:
    text = strip_markdown(markdown).split()
    return " ".join(text[:words]) + ("…" if len(text) > words else "")


def resolve(about: str, items: Sequence[Item], removed: Iterable[str], page_path: str) -> list[Item]:
    """The items `about` names: one, or none (unknown), or several (ambiguous).

    A removed item is known by its id alone; its entry links to the history of the page it was on.
    """
    found = [item for item in items if item.name == about]
    if not found and about in set(removed):
        found = [Item("removed item", about, about, page_path, UPDATES_ANCHOR)]
    return found


# Checking the names -------------------------------------------------------------------------------------------


@dataclass
class _Page:
    """One page's entries as checked: where they are written and what they can name."""

    file: CheckedFile
    key: str
    """Key path of the page's record in its file (empty for a sidecar or a topic)."""
    page: str
    """`article/ID`, `topic/ID` or `entity/ID`: the page's key in the lock."""
    what: str
    """`article`, `topic` or `entity`."""
    record: Any
    updates: Sequence[Update]
    items: list[Item] = field(default_factory=list)


def about_problems(checked: Iterable[CheckedFile], removed: Mapping[str, Iterable[str]],
                   memo: Memo | None = None) -> list[Problem]:
    """Located errors for `about:` names that name nothing, or two things, and for repeated ids.

    `removed` gives, per page key (`article/ID`...), the ids of published items that have since been removed.
    With `memo` (the editor's loop), a file that is the same object as last time, with the same events of
    `seeds/events/` and the same removed ids, keeps its problems without being checked again.
    """
    memo = memo if memo is not None else Memo()
    checked = list(checked)
    event_files = tuple(file for file in checked if file.kind.name == "event")
    shared = memo.get(("about-shared",), event_files,
                      lambda: timeline_items([value for file in event_files for _, value in file.records]))
    gone = tuple(sorted((page, tuple(ids)) for page, ids in removed.items()))
    problems: list[Problem] = []
    for file in checked:
        if file.kind.name != "event":
            problems += memo.get(("about", file.name, gone), (file, shared),
                                 lambda: _file_about_problems(file, shared, removed))  # noqa: B023
    return problems


def _file_about_problems(file: CheckedFile, shared: list[Item],
                         removed: Mapping[str, Iterable[str]]) -> list[Problem]:
    problems: list[Problem] = []
    for key, value in file.records:
        page = _page(file, key, value)
        if page is None:
            continue
        problems += _repeated_ids(page)
        for index, update in enumerate(page.updates):
            if update.about:
                where = f"{page.key}.updates[{index}].about" if page.key else f"updates[{index}].about"
                message = _about_problem(update.about, page, shared, list(removed.get(page.page, ())))
                if message:
                    problems.append(Problem(page.file.name, *page.file.at(where), where, message))
    return problems


def _page(file: CheckedFile, key: str, value: Any) -> _Page | None:
    stem = file_id(file.name)
    if file.kind.name == "article":
        items = article_items(stem, value.get("claims", ()), value.get("key_numbers", ()), value.get("events", ()))
        return _Page(file, key, f"article/{stem}", "article", value, value.get("updates", ()), items)
    if file.kind.name == "topic":
        items = topic_items(stem, value.get("sections", ()), value.get("events", ()))
        return _Page(file, key, f"topic/{stem}", "topic", value, value.get("updates", ()), items)
    if file.kind.name == "entity":
        return _Page(file, key, f"entity/{value.id}", "entity", value, value.updates)
    return None


def _about_problem(about: str, page: _Page, shared: list[Item], removed: list[str]) -> str:
    found = resolve(about, [*page.items, *shared], removed, "")
    if len(found) == 1:
        return ""
    if found:
        named = " and ".join(sorted({item.about for item in found}))
        return f'"{about}" is ambiguous: it names {named}; give one of them another id'
    if page.what == "entity":
        shared_names = [item.name for item in shared]
        if shared_names:
            return (f'"{about}" is not the id of a free-standing event{did_you_mean(about, shared_names)}: an '
                    "entity's page has no claims, facts or key numbers, so leave out about: for the whole page")
        return ('an entity\'s page has no claims, facts, key numbers or events to name: leave out about:, and the '
                "entry concerns the whole page")
    names = [item.name for item in (*page.items, *shared)] + list(removed)
    kinds = "a claim, a key number or an event" if page.what == "article" else "a fact, a section or an event"
    return (f'"{about}" is not the id of {kinds} on this page{did_you_mean(about, names)}: to name a fact or a key '
            "number, give it an id: first; leave out about: when the entry concerns the whole page")


def _repeated_ids(page: _Page) -> list[Problem]:
    """Fact ids must be unique within a topic and key-number ids within an article, so that about: is clear."""
    problems = []
    first: dict[str, str] = {}
    for where, item_id in _ids(page):
        if item_id in first:
            line, column = page.file.at(where)
            problems.append(Problem(page.file.name, line, column, where,
                                    f'the id "{item_id}" is already used on this page (at {first[item_id]}): an '
                                    "update's about: must name one thing"))
        else:
            first.setdefault(item_id, where)
    return problems


def _ids(page: _Page) -> Iterable[tuple[str, str]]:
    if page.what == "article":
        for index, number in enumerate(page.record.get("key_numbers", ())):
            if number.id:
                yield f"key_numbers[{index}].id", number.id
    elif page.what == "topic":
        for s_index, section in enumerate(page.record.get("sections", ())):
            for f_index, fact in enumerate(section.facts):
                if fact.id:
                    yield f"sections[{s_index}].facts[{f_index}].id", fact.id


# Gathering the entries for pages and feeds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One `updates:` entry, placed: the page it is on and the place it changed."""

    update: Update
    page: str
    """The page that carries it (docs-relative path)."""
    page_title: str
    anchor: str
    """Its own anchor in that page's history: `update-YYYY-MM-DD`, then `-2`, `-3` on the same day."""
    item: Item | None
    """What it changed; None when it concerns the whole page."""
    order: int
    """Its position in the page's list, for a stable order between entries of the same day."""

    @property
    def kind_label(self) -> str:
        return UPDATE_KINDS[self.update.kind]

    @property
    def place(self) -> tuple[str, str]:
        """The page and anchor of what it changed."""
        if self.item is not None:
            return self.item.path, self.item.anchor
        return self.page, UPDATES_ANCHOR


@dataclass(frozen=True)
class History:
    """A page's entries, newest first."""

    entries: tuple[Entry, ...]

    @property
    def latest(self) -> Entry | None:
        """The newest update or correction: shown at the top of the page."""
        return next((e for e in self.entries if e.update.kind in HEADLINE_KINDS), None)

    @property
    def last_updated(self) -> dt.date:
        return max(e.update.date for e in self.entries)

    @property
    def corrections(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.update.kind == "correction")


@dataclass(frozen=True)
class Ledger:
    """Every entry of the site, by page and in one list, newest first."""

    histories: dict[str, History]
    entries: tuple[Entry, ...]

    def history(self, path: str) -> History | None:
        return self.histories.get(path)

    @property
    def last_updated(self) -> dt.date | None:
        return self.entries[0].update.date if self.entries else None

    def jsonld(self, path: str) -> dict[str, Any]:
        """schema.org fields for the page at `path`: `dateModified`, and `correction` when it has corrections."""
        history = self.history(path)
        if history is None:
            return {}
        fields: dict[str, Any] = {"dateModified": history.last_updated.isoformat()}
        if history.corrections:
            fields["correction"] = [{"@type": "CorrectionComment", "text": strip_markdown(e.update.text),
                                     "datePublished": e.update.date.isoformat()} for e in history.corrections]
        return fields

    def page_meta(self, path: str, title: str, feed: str = "") -> dict[str, Any]:
        """Front matter for a page without schema.org data of its own: a WebPage when it has entries.

        `feed` is the path of the page's own feed, which the theme links from the page's head.
        """
        meta: dict[str, Any] = {"feed": feed, "feed_title": f"{title}: new articles, updates and corrections"}
        meta = meta if feed else {}
        fields = self.jsonld(path)
        if fields:
            meta["jsonld"] = {"@context": "https://schema.org", "@type": "WebPage", "name": title, **fields}
        return meta


def build_ledger(site: Site, removed: Mapping[str, Iterable[str]] | None = None) -> Ledger:
    """Place every entry of the site; `removed` as for `about_problems`."""
    removed = removed or {}
    shared = timeline_items(site.events)
    lead = site.articles[0].id if site.articles else ""
    pages: list[tuple[str, str, str, Sequence[Update], list[Item]]] = []
    for article in site.articles:
        on_home = article.id == lead
        items = article_items(article.id, article.claims, article.key_numbers, article.events,
                              "index.md" if on_home else "", key_anchor=on_home)
        pages.append((article_path(article.id), f"article/{article.id}", article.title, article.updates, items))
    for topic in site.topics:
        items = topic_items(topic.id, topic.sections, topic.events)
        pages.append((topic_path(topic.id), f"topic/{topic.id}", topic.title, topic.updates, items))
    for entity in site.entities:
        pages.append((entity_path(entity.id), f"entity/{entity.id}", entity.name, entity.updates, []))
    histories: dict[str, History] = {}
    for path, key, title, updates, items in pages:
        if updates:
            entries = _place(path, title, updates, [*items, *shared], removed.get(key, ()))
            histories[path] = History(tuple(sorted(entries, key=lambda e: (e.update.date, e.order), reverse=True)))
    everything = [entry for history in histories.values() for entry in history.entries]
    everything.sort(key=lambda e: (-e.update.date.toordinal(), e.page, -e.order))
    return Ledger(histories, tuple(everything))


def _place(path: str, title: str, updates: Sequence[Update], items: list[Item], removed: Iterable[str]) -> list[Entry]:
    entries = []
    seen: dict[str, int] = {}
    for order, update in enumerate(updates):
        anchor = f"update-{update.date.isoformat()}"
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor += f"-{seen[anchor]}"
        found = resolve(update.about, items, removed, path) if update.about else []
        entries.append(Entry(update, path, title, anchor, found[0] if found else None, order))
    return entries


def latest_date(site: Site) -> dt.date | None:
    """The newest date of any article or `updates:` entry: when the site's content last moved on."""
    dates = [a.date for a in site.articles if a.date]
    for records in (site.articles, site.topics, site.entities):
        dates += [u.date for record in records for u in record.updates]
    return max(dates, default=None)
