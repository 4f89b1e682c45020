"""Entity linking's cost against the number of names, and against the length of the text.

One pass over the text whatever the number of aliases means: the time to
scan a fixed text stays flat as names are added, and grows in proportion to
the text's length.
"""

from __future__ import annotations

import random
import time
from typing import Any

from bench.text import Writer, invented_words
from generator.link import Linker
from generator.model import Alias, Entity

NAME_COUNTS = (1_000, 10_000, 40_000)
PARAGRAPHS = (200, 800)


def _entities(rng: random.Random, names: int) -> list[Entity]:
    words = invented_words(rng, names)
    return [Entity(id=f"e{index}", name=word, kind="person", description="", sources=("s",),
                   aliases=(Alias(name=f"{word} Org"), Alias(name=f"The {word}")))
            for index, word in enumerate(words[: names // 3])]


def _scan_seconds(linker: Linker, paragraphs: list[str]) -> float:
    best = float("inf")
    for _ in range(7):
        start = time.process_time()
        for text in paragraphs:
            linker.mentions(text)
        best = min(best, time.process_time() - start)
    return best


def linking_costs() -> dict[str, Any]:
    """Seconds to scan the same paragraphs with ever more names, and ever more paragraphs with the same names."""
    rng = random.Random(7)
    by_names = []
    text_rng = random.Random(8)
    for count in NAME_COUNTS:
        entities = _entities(rng, count)
        writer = Writer(random.Random(9), [])
        paragraphs = _paragraphs(writer, entities, text_rng, PARAGRAPHS[0])
        linker = Linker(entities)
        by_names.append({"names": len(linker.names), "seconds": _scan_seconds(linker, paragraphs)})
    entities = _entities(rng, NAME_COUNTS[1])
    linker = Linker(entities)
    by_length = []
    for count in PARAGRAPHS:
        paragraphs = _paragraphs(Writer(random.Random(9), []), entities, text_rng, count)
        by_length.append({"characters": sum(map(len, paragraphs)), "seconds": _scan_seconds(linker, paragraphs)})
    return {"by_names": by_names, "by_length": by_length}


def _paragraphs(writer: Writer, entities: list[Entity], rng: random.Random, count: int) -> list[str]:
    """The same kind of text for any name list: a few names drawn from the first hundred entities."""
    from bench.corpus import Entity as Cast

    pool = [Cast(e.id, e.name, e.kind, [a.name for a in e.aliases]) for e in entities[:100]]
    return [writer.paragraph(rng.sample(pool, 4)) for _ in range(count)]
