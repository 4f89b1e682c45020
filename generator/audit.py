"""Orphans and gaps: records that are valid but that nothing uses.

An entity no text mentions, a source nothing cites, a glossary term no text
uses and a topic no article draws on are not mistakes, only loose ends, so
they are warnings: `check` reports them, `check --strict` fails on them, and
a site build shows them in its log without stopping.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .analysis import Analysis
from .errors import Problem
from .link import words_in
from .load import Loaded, SeedFile
from .memo import Memo
from .model import Site
from .validate import CheckedFile
from .yamlfile import YNode

TODO = "TODO"
PLACEHOLDER = "still holds a TODO placeholder: write the real value"


@dataclass(frozen=True)
class Place:
    file: str
    line: int
    column: int
    key: str


def audit(site: Site, checked: list[CheckedFile], loaded: Loaded, analysis: Analysis,
          memo: Memo | None = None) -> list[Problem]:
    """A warning for every entity, source, term and topic that nothing uses, and for every TODO left.

    With `memo` (the editor's loop), the TODOs of a file whose bytes have not changed are not looked
    for again."""
    places = _places(checked)
    cited = {ref.id for file in checked for ref in file.references if ref.kind == "source"}
    used_words = words_in(_prose(site), (word for t in site.terms for word in (t.term, *t.aliases)))
    unused: list[tuple[str, str, str]] = []
    unused += [("entity", e.id, "is never mentioned in an article or a topic's facts")
               for e in site.entities if e.id not in analysis.backlinks]
    unused += [("source", s.id, "is never cited") for s in site.sources if s.id not in cited]
    unused += [("term", t.id, f'is never used: "{t.term}" appears in no article, topic, entity or event')
               for t in site.terms if used_words.isdisjoint((t.term, *t.aliases))]
    unused += [("topic", t.id, "is not drawn on by any article (no article's context points at it)")
               for t in site.topics if t.id not in analysis.topic_articles]
    problems = placeholders(loaded, memo)
    for kind, id, message in unused:
        place = places.get((kind, id), Place("seeds", 0, 0, ""))  # every id is defined somewhere: a fallback
        problems.append(Problem(place.file, place.line, place.column, place.key,
                                f'{kind} "{id}" {message}', severity="warning"))
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


def _places(checked: list[CheckedFile]) -> dict[tuple[str, str], Place]:
    """Where each record's id is written (a file named after its record is located at its first key)."""
    places: dict[tuple[str, str], Place] = {}
    for file in checked:
        for id, key in file.defined_ids():
            places.setdefault((file.kind.name, id), Place(file.name, *file.at(key), key))
    return places


def _prose(site: Site) -> Iterator[str]:
    """Every text a reader sees, where a glossary term shows its definition on hover."""
    for article in site.articles:
        yield article.title
        yield from (block.text for block in article.blocks)
        yield article.summary
        yield from (point.text for point in (*article.why_it_matters, *article.what_to_watch))
    for topic in site.topics:
        yield from (topic.title, topic.summary, topic.why_it_matters)
        for section in topic.sections:
            yield from (section.title, section.intro, *(fact.text for fact in section.facts))
    for entity in site.entities:
        yield from (entity.description, entity.role)
    for event in site.all_events():
        yield from (event.title, event.text)
