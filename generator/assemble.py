"""Assembling the validated `Site`: records from every file joined up, and the checks that span files.

Each file has been checked on its own (`validate.py`); here topics get
their ids from their file names, articles are parsed and joined with their
sidecars, and what no single file can show is checked: ids are unique
across all files of a kind, references point at ids that exist, an alias
names one entity only, and every quote a sidecar makes really stands in its
article's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .article import FORMATS, ArticleTextError, normalise, parse_article
from .errors import InputError, Problem, did_you_mean
from .ledger import about_problems
from .load import Loaded, SeedFile
from .memo import Memo
from .model import Article, Chart, Entity, ParsedText, Site, Source, Story, Term, Topic
from .schema import SLUG, SLUG_RULE, file_id
from .validate import CheckedFile, check_file
from .visual_checks import check_charts, check_places
from .yamlfile import YNode


def _check(seed: SeedFile, tree: YNode) -> tuple[CheckedFile, list[Problem]]:
    problems: list[Problem] = []
    return check_file(seed.name, seed.kind, tree, problems), problems


@dataclass
class Registry:
    """Where each id of each kind was defined, for duplicate and reference checks."""

    places: dict[str, dict[str, tuple[CheckedFile, str]]] = field(default_factory=dict)
    """Kind -> id -> the file and key path that define it (located only when a message needs it)."""
    excused: dict[str, set[str]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    """Kinds with a file that could not be read: references to them cannot be checked this time."""
    problems: list[Problem] = field(default_factory=list)

    def define(self, kind: str, id: str, file: CheckedFile, key: str) -> bool:
        """Record that `file` defines `id` at `key` (the id's key path; empty when the file name is the id)."""
        seen = self.places.setdefault(kind, {})
        if id in seen:
            line, column = file.at(key) if key else (0, 0)
            first, first_key = seen[id]
            first_line, first_column = first.at(first_key) if first_key else (0, 0)
            self.problems.append(Problem(file.name, line, column, key,
                                         f'duplicate {kind} id "{id}" (already defined at {first.name}:{first_line}:'
                                         f"{first_column})"))
            return False
        seen[id] = (file, key)
        return True

    def ids(self, kind: str) -> Collection[str]:
        return self.places.get(kind, {}).keys()

    def checkable(self, kind: str, id: str) -> bool:
        """Whether an unknown `id` is worth reporting, rather than a consequence of another problem."""
        return kind not in self.unreadable and id not in self.excused.get(kind, set())

    def excuse(self, kind: str, ids: Iterable[str]) -> None:
        """Ids of records with problems of their own: a reference to them is not reported as unknown too."""
        self.excused.setdefault(kind, set()).update(ids)


def assemble(loaded: Loaded, root: Path, memo: Memo | None = None) -> tuple[Site, list[CheckedFile]]:
    """Check everything that was loaded; the site and each file's checked values (with where each value was
    written, for later checks), or `InputError` with every problem. With `memo`, reuse what it holds."""
    memo = memo if memo is not None else Memo()
    problems = list(loaded.problems)
    checked = []
    for seed, tree in loaded.documents:
        file, file_problems = memo.get(("check", seed.name), (tree,), lambda: _check(seed, tree))  # noqa: B023
        checked.append(file)
        problems += file_problems
    registry = Registry(unreadable=loaded.unreadable)
    for file in checked:
        registry.excuse(file.kind.name, file.unchecked_ids)
        if not file.records and not file.kind.list_key:
            registry.excuse(file.kind.name, [file_id(file.name)])
    by_kind: dict[str, list[tuple[CheckedFile, str, Any]]] = {}
    for file in checked:
        for key, value in file.records:
            by_kind.setdefault(file.kind.name, []).append((file, key, value))
    sources = _unique(registry, "source", by_kind.get("source", []))
    entities = _unique(registry, "entity", by_kind.get("entity", []))
    terms = _unique(registry, "term", by_kind.get("term", []))
    events = [value for _, _, value in by_kind.get("event", [])]
    topics = _topics(registry, by_kind.get("topic", []), memo)
    charts = _charts(registry, by_kind.get("chart", []))
    articles = _articles(registry, loaded, by_kind.get("article", []), memo)
    stories = _stories(registry, by_kind.get("story", []), articles)
    problems += registry.problems
    problems += _check_references(checked, registry)
    problems += _check_aliases(by_kind.get("entity", []))
    problems += _check_terms(by_kind.get("term", []))
    problems += _check_urls(by_kind.get("source", []))
    single = [record for record in by_kind.get("article", []) if file_id(record[0].name) not in loaded.duplicated]
    problems += _check_article_quotes(single, articles, topics, memo)
    problems += about_problems(checked, loaded.lock.nameable() if loaded.lock else {}, memo)
    problems += check_charts(by_kind.get("chart", [])) + check_places(by_kind.get("entity", []))
    problems += _check_further_reading([*by_kind.get("topic", []), *by_kind.get("article", [])], topics)
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    site = Site(
        articles=tuple(sorted(articles.values(), key=lambda a: (a.date is None, a.date), reverse=True)),
        topics=tuple(sorted(topics.values(), key=lambda t: (t.order, t.title))),
        entities=tuple(sorted(entities, key=lambda e: e.name.lower())),
        terms=tuple(sorted(terms, key=lambda t: t.term.lower())),
        sources=tuple(sorted(sources, key=lambda s: s.id)),
        events=tuple(events),
        stories=tuple(stories),
        charts=tuple(sorted(charts, key=lambda c: c.id)),
    )
    return site, checked


def _unique(registry: Registry, kind: str, records: list[tuple[CheckedFile, str, Any]]) -> list[Any]:
    return [value for file, key, value in records if registry.define(kind, value.id, file, f"{key}.id")]


def _file_id(file: CheckedFile, registry: Registry, kind: str) -> str | None:
    id = file_id(file.name)
    if not SLUG.match(id):
        registry.problems.append(Problem(file.name, 0, 0, "", f'the file name "{id}" is not a valid id: {SLUG_RULE}'))
        return None
    return id if registry.define(kind, id, file, "") else None


def _topic(topic_id: str, data: dict[str, Any]) -> Topic:
    events = tuple(replace(event, topic=topic_id) for event in data.get("events", ()))
    return Topic(id=topic_id, **{**data, "events": events})


def _topics(registry: Registry, records: list[tuple[CheckedFile, str, Any]], memo: Memo) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for file, _, data in records:
        topic_id = _file_id(file, registry, "topic")
        if topic_id is None:
            continue
        topics[topic_id] = memo.get(("topic", topic_id), (data,), lambda: _topic(topic_id, data))  # noqa: B023
        seen: set[str] = set()
        for index, section in enumerate(topics[topic_id].sections):
            if section.id in seen:
                line, column = file.at(f"sections[{index}].id")
                registry.problems.append(Problem(file.name, line, column, f"sections[{index}].id",
                                                 f'duplicate section id "{section.id}" in this topic'))
            seen.add(section.id)
    return topics


def _charts(registry: Registry, records: list[tuple[CheckedFile, str, Any]]) -> list[Chart]:
    """One chart per file, its id the file name (like topics)."""
    return [Chart(id=chart_id, **data) for file, _, data in records
            if (chart_id := _file_id(file, registry, "chart")) is not None]


def _stories(registry: Registry, records: list[tuple[CheckedFile, str, Any]],
             articles: dict[str, Article]) -> list[Story]:
    """The stories of the story files and of the articles' `story` ids, each with its articles oldest first;
    newest story first. A story without a file takes its first article's title."""
    files = {story_id: data for file, _, data in records if (story_id := _file_id(file, registry, "story"))}
    followed: dict[str, list[Article]] = {}
    for article in articles.values():
        if article.story:
            followed.setdefault(article.story, []).append(article)
    stories = []
    for story_id in sorted(files.keys() | followed.keys()):
        members = sorted(followed.get(story_id, []), key=lambda a: (a.date or dt.date.max, a.id))
        data = files.get(story_id) or {"title": members[0].title}
        stories.append(Story(id=story_id, articles=tuple(a.id for a in members), **data))
    latest = {a.id: a.date or dt.date.min for a in articles.values()}
    return sorted(stories, key=lambda s: max((latest[a] for a in s.articles), default=dt.date.min), reverse=True)


def _article(article_id: str, parsed: ParsedText, sidecar: dict[str, Any] | None) -> Article:
    data = dict(sidecar or {})
    data["events"] = tuple(replace(e, article=article_id) for e in data.get("events", ()))
    fields = {"title": parsed.title, "outlet": parsed.outlet, "page_date": parsed.page_date,
              "byline": parsed.byline, "dateline": parsed.dateline, "event_date": None, **data}
    return Article(id=article_id, blocks=parsed.blocks, removed=parsed.removed,
                   section_label=parsed.section_label, **fields)


def _articles(registry: Registry, loaded: Loaded, sidecars: list[tuple[CheckedFile, str, Any]],
              memo: Memo) -> dict[str, Article]:
    meta = {file_id(file.name): (file, data) for file, _, data in sidecars}
    for stem, (file, _) in meta.items():
        if stem not in loaded.texts:
            first, *others = FORMATS
            registry.problems.append(Problem(file.name, 0, 0, "", f'no article text beside this file: add '
                                             f'"{stem}{first}" (or {", ".join(others)})'))
    articles: dict[str, Article] = {}
    for article_id, (seed, raw) in loaded.texts.items():
        parsed = _parse_text(registry, article_id, seed, raw, memo)
        if parsed is None:
            continue
        sidecar = meta[article_id][1] if article_id in meta else None
        if not (sidecar or {}).get("title", parsed.title):
            name = seed.name.rsplit(".", 1)[0] + ".yml"
            registry.problems.append(Problem(seed.name, 1, 1, "", f"no headline found: set `title:` in {name}"))
            continue
        articles[article_id] = memo.get(("article", article_id), (parsed, sidecar),
                                        lambda: _article(article_id, parsed, sidecar))  # noqa: B023
        registry.define("article", article_id, CheckedFile(seed.name, seed.kind), "")
    return articles


def _parse_text(registry: Registry, article_id: str, seed: SeedFile, raw: str, memo: Memo) -> ParsedText | None:
    """The parsed article text (the last run's when `raw` is the same text object), or None with the problem
    recorded."""
    if not SLUG.match(article_id):
        registry.problems.append(Problem(seed.name, 0, 0, "", f'the file name "{article_id}" is not a valid '
                                         f"id: {SLUG_RULE}"))
        return None
    if not raw.strip():
        registry.problems.append(Problem(seed.name, 1, 1, "", "the file is empty"))
        return None
    try:
        return memo.get(("parse", seed.name), (raw,), lambda: parse_article(raw, seed.path.suffix))
    except ArticleTextError as error:
        registry.problems.append(Problem(seed.name, error.line, error.column, "", str(error)))
        return None


def _check_references(checked: Iterable[CheckedFile], registry: Registry) -> list[Problem]:
    problems = []
    ids: dict[str, Collection[str]] = {}
    for file in checked:
        for ref in file.references:
            known = ids[ref.kind] if ref.kind in ids else ids.setdefault(ref.kind, registry.ids(ref.kind))
            if ref.id not in known and registry.checkable(ref.kind, ref.id):
                hint = did_you_mean(ref.id, known)
                problems.append(Problem(file.name, ref.line, ref.column, ref.key,
                                        f'unknown {ref.kind} "{ref.id}"{hint}'))
    return problems


def _check_aliases(records: list[tuple[CheckedFile, str, Entity]]) -> list[Problem]:
    """Each name or alias must lead to one entity only, or linking would guess. Names are claimed first, then
    aliases; where each was written is worked out only for a message."""
    owner: dict[str, tuple[str, CheckedFile, str, int]] = {}
    """Name -> the entity that has it, its file and key path, and the alias's index (-1 for the name)."""
    problems = []
    claims = [(file, key, entity, -1, entity.name) for file, key, entity in records]
    claims += [(file, key, entity, index, alias.name) for file, key, entity in records
               for index, alias in enumerate(entity.aliases)]
    for file, key, entity, index, name in claims:
        holder = owner.setdefault(name, (entity.id, file, key, index))
        if holder[0] != entity.id:
            where, first_where = _name_key(key, index), _name_key(holder[2], holder[3])
            line, column = file.at(where)
            first_line, first_column = holder[1].at(first_where)
            what = "the name" if holder[3] < 0 else "an alias"
            problems.append(Problem(file.name, line, column, where, f'"{name}" is already {what} of {holder[0]} '
                                    f"({holder[1].name}:{first_line}:{first_column}): a name may lead to one entity "
                                    "only"))
    return problems


def _name_key(key: str, alias: int) -> str:
    return f"{key}.name" if alias < 0 else f"{key}.aliases[{alias}]"


def _check_terms(records: list[tuple[CheckedFile, str, Term]]) -> list[Problem]:
    owner: dict[str, str] = {}
    problems = []
    for file, key, term in records:
        for index, word in enumerate((term.term, *term.aliases)):
            holder = owner.setdefault(word, term.id)
            if holder != term.id:
                where = f"{key}.term" if index == 0 else f"{key}.aliases[{index - 1}]"
                line, column = file.at(where)
                problems.append(Problem(file.name, line, column, where,
                                        f'"{word}" is already a term or alias of {holder}'))
    return problems


def _check_urls(records: list[tuple[CheckedFile, str, Source]]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for file, key, source in records:
        holder = first.setdefault(source.url, source.id)
        if holder != source.id:
            line, column = file.at(f"{key}.url")
            problems.append(Problem(file.name, line, column, f"{key}.url",
                                    f"the same address is already listed as source {holder}"))
    return problems


def _check_article_quotes(sidecars: list[tuple[CheckedFile, str, Any]], articles: dict[str, Article],
                          topics: dict[str, Topic], memo: Memo) -> list[Problem]:
    """Claims, corrections and context links quote the article; the quotes must be in it."""
    problems = []
    for file, _, data in sidecars:
        article = articles.get(file_id(file.name))
        if article is None:
            continue
        named = tuple(topics.get(context.topic) for context in data.get("context", ()))
        problems += memo.get(("quotes", file.name), (file, article, *named),
                             lambda: _article_quotes(file, data, article, topics))  # noqa: B023
    return problems


def _article_quotes(file: CheckedFile, data: dict[str, Any], article: Article,
                    topics: dict[str, Topic]) -> list[Problem]:
    problems = []
    blocks = [block.text for block in article.blocks]
    for list_key in ("claims", "context", "corrections"):
        for index, item in enumerate(data.get(list_key, ())):
            for field_name, message in _quote_problems(item, blocks, article, topics):
                key = f"{list_key}[{index}].{field_name}"
                line, column = file.at(key)
                problems.append(Problem(file.name, line, column, key, message))
    return problems


def _check_further_reading(files: list[tuple[CheckedFile, str, Any]], topics: dict[str, Topic]) -> list[Problem]:
    """A question's `more` links must point at sections their topics have."""
    problems = []
    for file, _, data in files:
        for index, question in enumerate(data.get("questions", ())):
            for number, further in enumerate(question.more):
                topic = topics.get(further.topic)
                sections = [s.id for s in topic.sections] if topic else []
                if topic and further.section and further.section not in sections:
                    key = f"questions[{index}].more[{number}].section"
                    line, column = file.at(key)
                    problems.append(Problem(file.name, line, column, key, f'topic {topic.id} has no section '
                                            f'"{further.section}"{did_you_mean(further.section, sections)}'))
    return problems


def _quote_problems(item: Any, blocks: list[str], article: Article,
                    topics: dict[str, Topic]) -> list[tuple[str, str]]:
    """(field, message) for a quote missing from the article and for a section its topic lacks."""
    found = []
    match = getattr(item, "match", "")
    quoted = normalise(match)
    if match and not any(quoted in block for block in blocks):
        dates = {article.page_date.strftime(f) for f in ("%B %d, %Y", "%Y-%m-%d")} if article.page_date else set()
        if normalise(match) not in dates:
            found.append(("match", f'"{match}" is not in the text of article {article.id} (quote its words '
                                   "exactly, within one paragraph)"))
    section = getattr(item, "section", "")
    topic = topics.get(getattr(item, "topic", ""))
    if section and topic and section not in {s.id for s in topic.sections}:
        hint = did_you_mean(section, [s.id for s in topic.sections])
        found.append(("section", f'topic {topic.id} has no section "{section}"{hint}'))
    return found
