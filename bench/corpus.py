"""A deterministic synthetic corpus: N articles and everything they need, as a valid `seeds/` tree.

The same seed always gives the same files, byte for byte. Names are invented
words, so they never collide with the English of the paragraphs, and every
quote a sidecar makes is cut from the text it points at, so the corpus passes
`generator.pipeline.check` at any size. Usage: `python -m bench.corpus FOLDER N`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.text import MONTHS, OUTLETS, SECTIONS, Writer, invented_words

SOURCE_KINDS = ("wire", "press", "primary")
"""Kinds of the synthetic sources, picked by id so that the random draws, and so the corpus, stay as they were."""

ENTITIES_PER_ARTICLE = 5
RECORDS_PER_FILE = 100
KIND_WEIGHTS = {"person": 8, "organisation": 4, "group": 2, "place": 4, "agreement": 1, "operation": 1}


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    aliases: list[str | dict[str, Any]] = field(default_factory=list)


@dataclass
class Corpus:
    """Everything drawn so far, so later records can refer to earlier ones."""

    rng: random.Random
    words: list[str]
    entities: list[Entity] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    topics: dict[str, list[str]] = field(default_factory=dict)
    """Topic id -> its section ids."""
    taken: set[str] = field(default_factory=set)
    """Every name and alias given so far: each may name one entity only."""

    def word(self) -> str:
        return self.words.pop()

    def cite(self) -> list[str]:
        return self.rng.sample(self.sources, self.rng.randint(1, 2))

    def date(self) -> dt.date:
        return dt.date(2012, 1, 1) + dt.timedelta(days=self.rng.randrange(4000))


def write_corpus(seeds: Path, articles: int, seed: int = 1) -> None:
    """Write a `seeds/` tree of `articles` articles and 5 × as many entities into `seeds`."""
    rng = random.Random(seed)
    corpus = Corpus(rng, invented_words(rng, 4 * ENTITIES_PER_ARTICLE * articles + 200))
    corpus.sources = [f"src-{index:05d}" for index in range(2 * articles + 10)]
    corpus.entities = [_entity(corpus) for _ in range(ENTITIES_PER_ARTICLE * articles)]
    writer = Writer(rng, corpus.entities)
    topics = {f"topic-{index:03d}": _topic(corpus, writer, index) for index in range(max(1, articles // 10))}
    _write_list(seeds / "sources", "sources", [_source(corpus, source) for source in corpus.sources])
    _write_list(seeds / "entities", "entities", [_entity_record(corpus, writer, e) for e in corpus.entities])
    _write_list(seeds / "glossary", "terms", [_term(corpus, writer, index) for index in range(3 + articles // 10)])
    _write_list(seeds / "events", "events", [_event(corpus, writer) for _ in range(max(2, articles // 5))])
    for topic_id, topic in topics.items():
        _dump(seeds / "topics" / f"{topic_id}.yml", topic)
    for index in range(articles):
        _article(corpus, writer, seeds / "articles", index)


def _entity(corpus: Corpus) -> Entity:
    kind = corpus.rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    core = corpus.word()
    if kind == "person":
        first = corpus.word()
        name, aliases = f"{first} {core}", [core, f"{first[0]}. {core}"]
    elif kind in ("organisation", "group"):
        noun = corpus.rng.choice(("Council", "Front", "Alliance", "Movement", "Authority", "Brigades"))
        name, aliases = f"{core} {noun}", [core + " " + noun.lower(), f"{core[:3].upper()}{noun[0]}"]
    elif kind == "place":
        name, aliases = core, [f"Greater {core}", f"{core} Province"]
    else:
        label = "Accord" if kind == "agreement" else "Operation"
        name = f"{core} {label}" if kind == "agreement" else f"Operation {core}"
        aliases = [f"the {core} {label.lower()}", core]
    chosen: list[str | dict[str, Any]] = [a for a in aliases[: corpus.rng.randint(1, 2)] if a not in corpus.taken]
    misspelt = name.replace(core, core[:-1] + ("q" if core[-1] != "q" else "k"))
    if corpus.rng.random() < 0.3 and misspelt not in corpus.taken:
        chosen.append({"name": misspelt, "garbled": True, "note": "Misspelt in a wire copy."})
    corpus.taken.update([name, *(a if isinstance(a, str) else a["name"] for a in chosen)])
    return Entity("-".join(name.lower().split()), name, kind, chosen or [aliases[0]])


def _entity_record(corpus: Corpus, writer: Writer, entity: Entity) -> dict[str, Any]:
    record: dict[str, Any] = {"id": entity.id, "name": entity.name, "kind": entity.kind,
                              "description": writer.sentence(avoid=entity)}
    if corpus.rng.random() < 0.6:
        record["role"] = writer.sentence(avoid=entity)
    record["aliases"] = entity.aliases
    if corpus.topics:
        record["topics"] = corpus.rng.sample(list(corpus.topics), min(len(corpus.topics), corpus.rng.randint(0, 2)))
    record["sources"] = corpus.cite()
    return record


def _source(corpus: Corpus, source_id: str) -> dict[str, Any]:
    rng = corpus.rng
    date = corpus.date()
    record: dict[str, Any] = {"id": source_id, "title": f"{corpus.word()} {rng.choice(SECTIONS).lower()} report",
                              "publisher": rng.choice(OUTLETS), "date": date,
                              "url": f"https://news.example.org/{date.year}/{source_id}",
                              "kind": SOURCE_KINDS[int(source_id[-1]) % len(SOURCE_KINDS)]}
    if rng.random() < 0.2:
        record["via"] = rng.choice(OUTLETS)
    if rng.random() < 0.2:
        record["note"] = "Read in an archived copy."
    return record


def _topic(corpus: Corpus, writer: Writer, index: int) -> dict[str, Any]:
    rng = corpus.rng
    sections = []
    for number in range(rng.randint(3, 5)):
        facts = [{"text": writer.sentence(), "sources": corpus.cite()} for _ in range(rng.randint(2, 4))]
        section: dict[str, Any] = {"id": f"section-{number + 1}", "title": writer.heading(), "facts": facts}
        if rng.random() < 0.3:
            section["intro"] = writer.sentence()
        sections.append(section)
    topic_id = f"topic-{index:03d}"
    corpus.topics[topic_id] = [s["id"] for s in sections]
    events = [{"date": corpus.date(), "title": writer.heading(), "text": writer.sentence(), "sources": corpus.cite()}
              for _ in range(rng.randint(2, 4))]
    return {"title": writer.heading(), "order": index + 1, "summary": writer.sentence() + " " + writer.sentence(),
            "why_it_matters": writer.sentence(), "sections": sections, "events": events}


def _term(corpus: Corpus, writer: Writer, index: int) -> dict[str, Any]:
    word = corpus.word()
    record: dict[str, Any] = {"id": f"term-{index:03d}", "term": f"{word[:2].upper()}{index}",
                              "expansion": f"{word} {corpus.rng.choice(('Accord', 'Council', 'Force'))}",
                              "definition": writer.sentence(), "sources": corpus.cite()}
    if corpus.rng.random() < 0.3:
        record["entity"] = corpus.rng.choice(corpus.entities).id
    return record


def _event(corpus: Corpus, writer: Writer) -> dict[str, Any]:
    record: dict[str, Any] = {"date": corpus.date(), "title": writer.heading(), "sources": corpus.cite()}
    if corpus.rng.random() < 0.5:
        record["topic"] = corpus.rng.choice(list(corpus.topics))
    return record


def _article(corpus: Corpus, writer: Writer, folder: Path, index: int) -> None:
    rng = corpus.rng
    cast = rng.sample(corpus.entities, min(len(corpus.entities), rng.randint(4, 8)))
    date = corpus.date()
    title = writer.title(cast[0])
    paragraphs = [writer.paragraph(cast) for _ in range(rng.randint(6, 12))]
    blocks = list(paragraphs)
    if rng.random() < 0.4:
        blocks.insert(rng.randint(3, len(blocks) - 1), writer.heading())
    if rng.random() < 0.5:
        blocks.insert(rng.randint(2, len(blocks) - 1), f"See also  {writer.heading()}")
    header = [f"{MONTHS[date.month - 1]} {date.day}, {date.year}", rng.choice(OUTLETS),
              f"{title} | {rng.choice(SECTIONS)}"]
    name = f"{date.isoformat()}-story-{index:04d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text("\n\n".join(header + blocks) + "\n", encoding="utf-8")
    _dump(folder / f"{name}.yml", _sidecar(corpus, writer, paragraphs, date))


def _sidecar(corpus: Corpus, writer: Writer, paragraphs: list[str], date: dt.date) -> dict[str, Any]:
    rng = corpus.rng
    claims = [{"id": f"claim-{number + 1}", "match": _quote(rng, paragraphs), "claim": writer.sentence(),
               "verdict": rng.choice(("accurate", "inaccurate", "garbled", "unverified", "needs-context")),
               "explanation": writer.sentence(), "sources": corpus.cite()} for number in range(rng.randint(1, 4))]
    context = []
    for _ in range(rng.randint(1, 2)):
        topic = rng.choice(list(corpus.topics))
        context.append({"match": _quote(rng, paragraphs), "topic": topic,
                        "section": rng.choice(corpus.topics[topic]), "label": writer.heading()})
    sidecar: dict[str, Any] = {
        "summary": writer.sentence() + " " + writer.sentence(),
        "why_it_matters": [{"text": writer.sentence(), "sources": corpus.cite()}],
        "key_numbers": [{"value": f"{rng.randint(2, 900) * 10:,}", "label": writer.heading(),
                         "sources": corpus.cite()}],
        "claims": claims, "context": context,
    }
    if rng.random() < 0.3:
        sidecar["corrections"] = [{"match": _quote(rng, paragraphs), "correction": writer.sentence(),
                                   "sources": corpus.cite()}]
    if rng.random() < 0.5:
        sidecar["event_title"] = writer.heading()
        sidecar["events"] = [{"date": date, "title": writer.heading(), "sources": corpus.cite()}]
    return sidecar


def _quote(rng: random.Random, paragraphs: list[str]) -> str:
    """Five to nine consecutive words of one paragraph: a quote that really stands in the text."""
    words = rng.choice(paragraphs).split(" ")
    length = rng.randint(5, 9)
    start = rng.randrange(len(words) - length)
    return " ".join(words[start:start + length])


def _write_list(folder: Path, key: str, records: list[dict[str, Any]]) -> None:
    for number, start in enumerate(range(0, len(records), RECORDS_PER_FILE)):
        _dump(folder / f"{key}-{number + 1:03d}.yml", {key: records[start:start + RECORDS_PER_FILE]})


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, width=110)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the seeds/ folder to write")
    parser.add_argument("articles", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write_corpus(args.folder, args.articles, args.seed)


if __name__ == "__main__":
    main()
