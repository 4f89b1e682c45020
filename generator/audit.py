"""Orphans and gaps: records that are valid but that nothing uses.

An entity no text mentions, a source nothing cites, a glossary term no text
uses and a topic no article draws on are not mistakes, only loose ends, so
they are warnings: `check` reports them, `check --strict` fails on them, and
a site build shows them in its log without stopping.
So is a name in an article that looks like a misspelt entity that no alias
covers (`review.garble_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .analysis import Analysis
from .errors import Problem
from .load import Loaded
from .model import Site
from .review import garble_problems
from .sourcing import sourcing_problems
from .validate import CheckedFile
from .yamlfile import YNode

TODO = "TODO"
ANSWER_WORDS = 120
"""A question card's answer is read at a glance: about this many words at most."""
PLACEHOLDER = "still holds a TODO placeholder: write the real value"


@dataclass(frozen=True)
class Place:
    file: str
    line: int
    column: int
    key: str


def audit(site: Site, checked: list[CheckedFile], loaded: Loaded, analysis: Analysis) -> list[Problem]:
    """A warning for every entity, source, term and topic that nothing uses, and for weak sourcing."""
    places = _places(checked)
    cited = {ref.id for file in checked for ref in file.references if ref.kind == "source"}
    prose = list(_prose(site))
    unused: list[tuple[str, str, str]] = []
    unused += [("entity", e.id, "is never mentioned in an article or a topic's facts")
               for e in site.entities if e.id not in analysis.backlinks]
    unused += [("source", s.id, "is never cited") for s in site.sources if s.id not in cited]
    unused += [("term", t.id, f'is never used: "{t.term}" appears in no article, topic, entity or event')
               for t in site.terms if not any(_uses(text, word) for text in prose for word in (t.term, *t.aliases))]
    unused += [("topic", t.id, "is not drawn on by any article (no article's context points at it)")
               for t in site.topics if t.id not in analysis.topic_articles]
    problems = placeholders(loaded) + long_answers(checked) + sourcing_problems(site, checked)
    problems += garble_problems(site, loaded, analysis.linker)
    for kind, id, message in unused:
        place = places.get((kind, id), Place("seeds", 0, 0, ""))  # every id is defined somewhere: a fallback
        problems.append(Problem(place.file, place.line, place.column, place.key,
                                f'{kind} "{id}" {message}', severity="warning"))
    return sorted(problems)


def placeholders(loaded: Loaded) -> list[Problem]:
    """A warning for each value a starter file left to write (see `scaffold.py`)."""
    problems = []
    for seed, text in loaded.texts.values():
        line = next((n for n, words in enumerate(text.splitlines(), 1) if TODO in words), 0)
        if line:
            problems.append(Problem(seed.name, line, 1, "", PLACEHOLDER, severity="warning"))
    for seed, tree in loaded.documents:
        for key, node in _scalars(tree, ""):
            if TODO in node.text:
                problems.append(Problem(seed.name, node.line, node.column, key, PLACEHOLDER, severity="warning"))
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
    for records in (site.articles, site.topics, site.entities):
        yield from (update.text for record in records for update in record.updates)


def _uses(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as a whole word, also inside a longer term ("OIR" in "CJTF-OIR")."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
