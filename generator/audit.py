"""Orphans and gaps: records that are valid but that nothing uses.

An entity no text mentions, a source nothing cites, a glossary term no text
uses and a topic no article draws on are not mistakes, only loose ends, so
they are warnings: `check` reports them, `check --strict` fails on them, and
a site build shows them in its log without stopping.
So is a name in an article that looks like a misspelt entity that no alias
covers (`review.garble_problems`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from .analysis import Analysis
from .errors import Problem
from .link import Vocabulary
from .load import Loaded, SeedFile
from .memo import Memo
from .model import Article, Entity, Site, Topic
from .review import garble_problems
from .sourcing import sourcing_problems
from .validate import CheckedFile
from .yamlfile import YNode

TODO = "TODO"
ANSWER_WORDS = 120
"""A question card's answer is read at a glance: about this many words at most."""
PLACEHOLDER = "still holds a TODO placeholder: write the real value"


def audit(site: Site, checked: list[CheckedFile], loaded: Loaded, analysis: Analysis,
          memo: Memo | None = None) -> list[Problem]:
    """A warning for every entity, source, term and topic that nothing uses, and for every TODO left.

    With `memo` (the editor's loop), the TODOs of a file whose bytes have not changed are not looked
    for again."""
    memo = memo if memo is not None else Memo()
    cited: set[str] = set()
    for file in checked:
        cited |= memo.get(("cites", file.name), (file,),
                          lambda: {ref.id for ref in file.references if ref.kind == "source"})  # noqa: B023
    used_words = _words_used(site, memo)
    unused: list[tuple[str, str, str]] = []
    unused += [("entity", e.id, "is never mentioned in an article or a topic's facts")
               for e in site.entities if e.id not in analysis.backlinks]
    unused += [("source", s.id, "is never cited") for s in site.sources if s.id not in cited]
    unused += [("term", t.id, f'is never used: "{t.term}" appears in no article, topic, entity or event')
               for t in site.terms if used_words.isdisjoint((t.term, *t.aliases))]
    unused += [("topic", t.id, "is not drawn on by any article (no article's context points at it)")
               for t in site.topics if t.id not in analysis.topic_articles]
    problems = placeholders(loaded, memo) + long_answers(checked) + sourcing_problems(site, checked, memo)
    problems += garble_problems(site, loaded, analysis.linker, memo)
    places = _places(checked, {(kind, id) for kind, id, _ in unused}, memo)
    for kind, id, message in unused:
        place = places.get((kind, id))  # every id is defined somewhere; "seeds" is a fallback
        name, key, (line, column) = (place[0].name, place[1], place[0].at(place[1])) if place else ("seeds", "", (0, 0))
        problems.append(Problem(name, line, column, key, f'{kind} "{id}" {message}', severity="warning"))
    return sorted(problems)


def placeholders(loaded: Loaded, memo: Memo | None = None) -> list[Problem]:
    """A warning for each value a starter file left to write (see `scaffold.py`)."""
    memo = memo if memo is not None else Memo()
    problems = []
    for seed, text in loaded.texts.values():
        problems += memo.get(("todo", seed.name), (text,), lambda: _text_placeholders(seed, text))  # noqa: B023
    for seed, tree in loaded.documents:
        problems += memo.get(("todo", seed.name), (tree,), lambda: _tree_placeholders(seed, tree))  # noqa: B023
    return problems


def long_answers(checked: list[CheckedFile]) -> list[Problem]:
    """A warning for each question card whose answer runs well past `ANSWER_WORDS` words."""
    problems = []
    for file in checked:
        for key, value in file.records:
            questions = value.get("questions", ()) if isinstance(value, dict) else ()
            for index, question in enumerate(questions):
                words = len(question.answer.split())
                if words > ANSWER_WORDS * 1.1:
                    where = f"{key + '.' if key else ''}questions[{index}].answer"
                    line, column = file.at(where)
                    problems.append(Problem(file.name, line, column, where, f"the answer has {words} words: keep "
                                            f"it to about {ANSWER_WORDS}, and link to a section for more",
                                            severity="warning"))
    return problems
def _text_placeholders(seed: SeedFile, text: str) -> list[Problem]:
    line = next((n for n, words in enumerate(text.splitlines(), 1) if TODO in words), 0)
    return [Problem(seed.name, line, 1, "", PLACEHOLDER, severity="warning")] if line else []


def _tree_placeholders(seed: SeedFile, tree: YNode) -> list[Problem]:
    return [Problem(seed.name, node.line, node.column, key, PLACEHOLDER, severity="warning")
            for key, node in _scalars(tree, "") if TODO in node.text]


def _scalars(node: YNode, key: str) -> Iterator[tuple[str, YNode]]:
    if node.kind == "scalar":
        yield key, node
    elif node.kind == "seq":
        for index, element in enumerate(node.elements):
            yield from _scalars(element, f"{key}[{index}]")
    else:
        for name, child in node.items.items():
            yield from _scalars(child, f"{key}.{name}" if key else name)


def _places(checked: list[CheckedFile], wanted: set[tuple[str, str]],
            memo: Memo) -> dict[tuple[str, str], tuple[CheckedFile, str]]:
    """The file and key path where each wanted record's id is first written (a file named after its record:
    its first key)."""
    places: dict[tuple[str, str], tuple[CheckedFile, str]] = {}
    for file in checked:
        kind = file.kind.name
        for id, key in memo.get(("ids", file.name), (file,), file.defined_ids):
            if (kind, id) in wanted:
                places.setdefault((kind, id), (file, key))
    return places


def _words_used(site: Site, memo: Memo) -> set[str]:
    """The glossary words that stand in any text a reader sees; each record's are reused while it and the
    glossary's words are unchanged."""
    vocabulary = Vocabulary(word for term in site.terms for word in (term.term, *term.aliases))
    version = hashlib.blake2b("\0".join(sorted(vocabulary.words)).encode(), digest_size=16).hexdigest()
    used = vocabulary.used_in(text for event in site.events for text in (event.title, event.text))
    records: tuple[Article | Topic | Entity, ...] = (*site.articles, *site.topics, *site.entities)
    for record in records:
        used |= memo.get(("words", type(record).__name__, record.id, version), (record,),
                         lambda: vocabulary.used_in(_prose(record)))  # noqa: B023
    return used


def _prose(record: Article | Topic | Entity) -> Iterator[str]:
    """A record's texts that a reader sees, where a glossary term shows its definition on hover."""
    yield from (update.text for update in record.updates)
    if isinstance(record, Entity):
        yield from (record.description, record.role)
        return
    events = record.timeline_events() if isinstance(record, Article) else record.events
    if isinstance(record, Article):
        yield from (record.title, *(block.text for block in record.blocks), record.summary)
        yield from (point.text for point in (*record.why_it_matters, *record.what_to_watch))
    else:
        yield from (record.title, record.summary, record.why_it_matters)
        for section in record.sections:
            yield from (section.title, section.intro, *(fact.text for fact in section.facts))
    yield from (text for event in events for text in (event.title, event.text))
