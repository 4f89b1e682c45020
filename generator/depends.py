"""What each page was rendered from, and which pages an edit makes stale.

The render stage records, as each page renders, the inputs it reads: the
records it shows, the link stage's findings it uses, the site-wide lists its
template walks, the texts it searched for entity names, the glossary words it
lists and the templates it was made with. Between two runs, `changes` says
which of those inputs differ, and `Dependents` which pages read them. Both are
plain data and comparisons: nothing here renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .analysis import Analysis
from .ledger import Ledger
from .link import name_map
from .model import Site

Key = tuple[str, str]
"""One input of a page, by kind and id: ("entity", "jeb-bush"), ("list", "articles"), ("template", "entity.md.j2").

Kinds: a record (`article`, `topic`, `entity`, `source`, `term`, `story`, `chart`), or only a topic's title and summary
(`topic-head`, what pages that link to a topic show of it); what the link stage found (`links` of an
article, `backlinks` of an entity, `usage` of a topic by the articles); a `list` of the site (`articles`,
`topics`, `entities`, `terms`, `sources`, `events`, `stories`, `charts`); every `events` of the timeline; the
`history` of updates and corrections of a page (by path), and every entry of the `ledger`; a glossary `word`; a
`template`; and, for the sources page, the `citations` and `titles` of every page."""

LISTS = ("articles", "topics", "entities", "terms", "sources", "events", "stories", "charts")
"""The site's lists a template may walk (`site.articles`...)."""
RECORDS = {"article": "articles", "topic": "topics", "entity": "entities", "source": "sources", "term": "terms",
           "story": "stories", "chart": "charts"}
"""Each kind of record with an id, and the site's list that holds it."""
EVERY_EVENT: Key = ("events", "")
CITATIONS: Key = ("citations", "")
TITLES: Key = ("titles", "")
LOCATED: Key = ("located", "")
"""The places with coordinates, which the maps show."""
LEDGER: Key = ("ledger", "")
"""Every entry of the ledger (the Corrections and updates page)."""


@dataclass
class PageInputs:
    """What one page was rendered from, recorded while it renders."""

    keys: set[Key] = field(default_factory=set)
    linked: list[str] = field(default_factory=list)
    """Texts searched for entity names: a name added or removed anywhere may change the page if a text holds it."""
    words: set[str] = field(default_factory=set)
    """The glossary words the page lists with their definitions."""


class SiteView:
    """The site as a template sees it: each list the template reads is recorded as an input of its page."""

    def __init__(self, site: Site, inputs: PageInputs) -> None:
        self._site = site
        self._inputs = inputs

    def __getattr__(self, name: str) -> Any:
        if name not in LISTS:
            raise AttributeError(f"templates read the site's lists {', '.join(LISTS)}, not {name!r}: a page "
                                 "must not depend on what `depends.py` cannot compare")
        self._inputs.keys.add(("list", name))
        return getattr(self._site, name)


class RecordsView(Mapping[str, Any]):
    """Records by id, as a template sees them: each record it looks up is recorded as an input of its page."""

    def __init__(self, records: Mapping[str, Any], kind: str, inputs: PageInputs) -> None:
        self._records, self._kind, self._inputs = records, kind, inputs

    def __getitem__(self, id: str) -> Any:
        self._inputs.keys.add((self._kind, id))
        return self._records[id]

    def __iter__(self) -> Iterator[str]:
        self._inputs.keys.add(("list", RECORDS[self._kind]))
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


@dataclass(frozen=True)
class Snapshot:
    """What the pages of one run were rendered from: the site, what the link stage found, the glossary's
    definitions and the templates' digests."""

    site: Site
    analysis: Analysis
    ledger: Ledger
    words: Mapping[str, str]
    templates: Mapping[str, str]


def changed_records(old: Site, new: Site) -> set[Key]:
    """The records added, removed or changed between two versions of the site."""
    keys: set[Key] = set()
    for kind, attribute in RECORDS.items():
        before = {record.id: record for record in getattr(old, attribute)}
        after = {record.id: record for record in getattr(new, attribute)}
        keys |= {(kind, id) for id in _differing(before, after)}
    return keys


def changes(old: Snapshot, new: Snapshot, records: set[Key]) -> set[Key]:
    """Every input that differs between two snapshots, given the records that do (`changed_records`)."""
    keys = set(records)
    topics = {id for kind, id in records if kind == "topic"}
    if topics:
        before = {t.id: (t.title, t.summary) for t in old.site.topics if t.id in topics}
        after = {t.id: (t.title, t.summary) for t in new.site.topics if t.id in topics}
        keys |= {("topic-head", id) for id in _differing(before, after)}
    lists = {name for name in LISTS if getattr(old.site, name) != getattr(new.site, name)}
    keys |= {("list", name) for name in lists}
    if lists & {"articles", "topics", "events"} and old.site.all_events() != new.site.all_events():
        keys.add(EVERY_EVENT)
    if "entities" in lists and located(old.site) != located(new.site):
        keys.add(LOCATED)
    keys |= {("links", id) for id in _differing(old.analysis.articles, new.analysis.articles)}
    keys |= {("backlinks", id) for id in _differing(old.analysis.backlinks, new.analysis.backlinks)}
    keys |= {("usage", id) for id in _differing(old.analysis.topic_articles, new.analysis.topic_articles)}
    keys |= {("history", path) for path in _differing(old.ledger.histories, new.ledger.histories)}
    if old.ledger.entries != new.ledger.entries:
        keys.add(LEDGER)
    keys |= {("word", word) for word in _differing(old.words, new.words)}
    keys |= {("template", name) for name in _differing(old.templates, new.templates)}
    return keys


def located(site: Site) -> list[tuple[str, str, float | None, float | None, tuple[str, ...]]]:
    """What a map shows of each place with coordinates."""
    return [(e.id, e.name, e.lat, e.lon, e.location_sources) for e in site.entities
            if e.lat is not None and e.lon is not None]


def _differing(before: Mapping[str, object], after: Mapping[str, object]) -> set[str]:
    """The keys added, removed or mapped to a different value (the same object is not compared further)."""
    missing = object()
    return {key for key in before.keys() | after.keys()
            if (old := before.get(key, missing)) is not (new := after.get(key, missing)) and old != new}


def changed_names(old: Site, new: Site, records: set[Key]) -> set[str]:
    """The entity names and aliases that were added, removed or now stand for something else, given the records
    that changed (`changed_records`). A name stands for one entity only, so only changed entities can change one."""
    changed = {id for kind, id in records if kind == "entity"}
    if not changed:
        return set()
    return _differing(name_map(e for e in old.entities if e.id in changed),
                      name_map(e for e in new.entities if e.id in changed))


class Dependents:
    """Which pages read each input, kept up to date as pages are rendered and removed."""

    def __init__(self) -> None:
        self.inputs: dict[str, PageInputs] = {}
        self._readers: dict[Key, set[str]] = {}

    def record(self, path: str, inputs: PageInputs) -> None:
        self.forget(path)
        self.inputs[path] = inputs
        for key in inputs.keys:
            self._readers.setdefault(key, set()).add(path)

    def forget(self, path: str) -> None:
        old = self.inputs.pop(path, None)
        if old is not None:
            for key in old.keys:
                self._readers[key].discard(path)

    def reading(self, keys: Iterable[Key]) -> set[str]:
        """The pages that read any of `keys`."""
        return {path for key in keys for path in self._readers.get(key, ())}

    def linking(self, names: Iterable[str]) -> set[str]:
        """The pages that searched a text holding any of `names` for entity names."""
        names = list(names)
        return {path for path, inputs in self.inputs.items()
                if any(name in text for text in inputs.linked for name in names)} if names else set()

    def listing(self, words: Iterable[str]) -> set[str]:
        """The pages that list any of the glossary `words`."""
        words = set(words)
        return {path for path, inputs in self.inputs.items() if not words.isdisjoint(inputs.words)} if words else set()
