"""The name-matching benchmark behind `suggest`: recall and precision on labelled garbles, and its speed.

The labelled sentences are in tests/fixtures/names/ (cases.yml: each printed name
with the entity it stands for, or `new`), against the seed entities without
their garbled aliases plus the entities of entities.yml there. Speed is the time
to read a 1,000-word article against 1,000 invented entities. `python -m
bench.names` prints the figures, writes BENCHMARKS-names.md and fails when a
target is missed; tests/test_names_benchmark.py asserts the quality targets.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator import match, names
from generator.assemble import assemble
from generator.load import load_seeds
from generator.match import APPLY_MIN, VARIANT_MIN
from generator.model import Alias, Entity
from generator.names import find_names, name_key
from generator.review import Reader

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "names"
CASES = FIXTURES / "cases.yml"
OUTPUT = ROOT / "BENCHMARKS-names.md"
HELD_OUT = (FIXTURES / "holdout.yml", FIXTURES / "holdout2.yml")
"""Labelled sets written apart from the matcher's development (see their headers): they show how it does on
garbles it was not built around."""
RECALL_TARGET = 0.90
PRECISION_TARGET = 0.95
HELD_OUT_RECALL_TARGET = 0.90
"""Below cases.yml's measured recall: a new garble is harder than the ones the matcher grew up with."""
SPEED_TARGET_MS = 50.0
SPEED_WORDS, SPEED_ENTITIES = 1_000, 1_000


@dataclass
class Outcome:
    """Each labelled name and what the matcher made of it."""

    garbles: list[tuple[str, str, str | None, int]] = field(default_factory=list)
    """(printed, expected entity, entity found or None, score) for names that are no exact name or alias."""
    new: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(printed, status, entity) for names labelled `new`."""
    false_variants: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(printed, expected, entity found) for every variant that is wrong, labelled or not."""
    missing: list[str] = field(default_factory=list)
    """Labelled names that the name finder did not find as a span."""

    @property
    def found(self) -> int:
        return sum(expected == entity for _, expected, entity, _ in self.garbles)

    @property
    def recall(self) -> float:
        return self.found / len(self.garbles)

    @property
    def precision(self) -> float:
        variants = self.found + len(self.false_variants)
        return self.found / variants if variants else 1.0


def entities() -> list[Entity]:
    """The seed entities without their garbled aliases, and the benchmark's own."""
    loaded = load_seeds(ROOT / "seeds", ROOT)
    site, _ = assemble(loaded, ROOT)
    seeds = [replace(e, aliases=tuple(a for a in e.aliases if not a.garbled)) for e in site.entities]
    data = yaml.safe_load((FIXTURES / "entities.yml").read_text(encoding="utf-8"))
    extra = [Entity(id=item["id"], name=item["name"], kind=item["kind"], description="", sources=(),
                    aliases=tuple(Alias(name=a) for a in item.get("aliases", ()))) for item in data["entities"]]
    return seeds + extra


def cases(path: Path = CASES) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return cases


def evaluate(entity_list: list[Entity] | None = None, cases_file: Path = CASES) -> Outcome:
    """Every labelled sentence of `cases_file` read as `suggest` reads an article paragraph."""
    entity_list = entity_list or entities()
    reader = Reader(entity_list)
    exact = {name for e in entity_list for name in (e.name, *(a.name for a in e.aliases))}
    outcome = Outcome()
    for case in cases(cases_file):
        labels: dict[str, str] = case["names"]
        found = {n.printed: n.verdict for n in reader.read("case", "Paragraph\n\n" + case["text"]).names}
        outcome.missing += [printed for printed in labels if printed not in found]
        outcome.garbles += [(printed, expected, None, 0) for printed, expected in labels.items()
                            if printed not in found and expected != "new" and printed not in exact]
        for printed, verdict in found.items():
            expected = labels.get(printed, "new")
            if printed in labels and expected == "new":
                outcome.new.append((printed, verdict.status, verdict.entity))
            elif printed in labels and printed not in exact:
                # A name in capitals is known when it capitalises an exact name (BAGHDAD): resolved all the same.
                entity = verdict.entity if verdict.status != "new" else None
                outcome.garbles.append((printed, expected, entity, verdict.score))
            if verdict.status == "variant" and verdict.entity != expected:
                outcome.false_variants.append((printed, expected, verdict.entity))
    return outcome


def synthetic(rng: random.Random, count: int) -> list[Entity]:
    """`count` entities with invented Arabic-, Persian- and English-looking names, some with aliases."""
    onsets = ("b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z", "gh", "dh")
    vowels = ("a", "i", "u", "ou", "ee", "e", "o", "aa")

    def word(syllables: int) -> str:
        return "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables)).capitalize()

    made: list[Entity] = []
    names: set[str] = set()
    while len(made) < count:
        kind = rng.choice(("person", "person", "person", "group", "place"))
        if kind == "person":
            name = f"{word(2)} al-{word(3)}" if rng.random() < 0.6 else f"{word(2)} {word(3)}"
        elif kind == "group":
            name = f"{word(2)} {word(3)} {rng.choice(('Brigades', 'Movement', 'Party', 'Front'))}"
        else:
            name = word(3)
        if name in names:
            continue
        names.add(name)
        aliases = (Alias(name=name.split()[-1]),) if kind == "person" and rng.random() < 0.5 else ()
        made.append(Entity(id=f"e{len(made)}", name=name, kind=kind, description="", sources=(), aliases=aliases))
    return made


def garble(rng: random.Random, name: str) -> str:
    """A transliteration or a slip: one of the changes wire copy makes to a name."""
    changes = (("ou", "u"), ("u", "ou"), ("q", "k"), ("k", "q"), ("dh", "z"), ("ee", "i"), ("sh", "ch"),
               ("al-", "el-"), ("aa", "a"), ("i", "y"))
    for old, new in rng.sample(changes, len(changes)):
        if old in name:
            return name.replace(old, new, 1)
    return name + "i"


def article(rng: random.Random, people: list[Entity], words: int) -> str:
    """About `words` words of news-like sentences naming the entities, some names garbled."""
    fillers = ("said on Monday that the talks would resume after the holiday", "met officials in the capital",
               "warned that more than 2,500 troops were still in the country", "denied any role in the attack",
               "told reporters the agreement of January 2020 still held")
    sentences, count = [], 0
    while count < words:
        entity = rng.choice(people)
        name = garble(rng, entity.name) if rng.random() < 0.3 else entity.name
        sentence = f"{name} {rng.choice(fillers)}, according to Western diplomats."
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "May 2, 2024\n\nA Wire\n\nTalks resume | World\n\n" + "\n\n".join(paragraphs) + "\n"


def speed() -> dict[str, float]:
    """CPU milliseconds to build the index of 1,000 entities, and to read a 1,000-word article (best of 5).

    CPU time, as in BENCHMARKS.md: other processes on a shared machine do not inflate it.
    """
    rng = random.Random(15)
    made = synthetic(rng, SPEED_ENTITIES)
    text = article(rng, made, SPEED_WORDS)
    start = time.process_time()
    reader = Reader(made)
    build = time.process_time() - start
    best = float("inf")
    for _ in range(5):
        for cached in (match.likeness, match.skeleton, names.spelling, names.plain, names.name_words,
                       names.spans_with_keys):
            cached.cache_clear()
        start = time.process_time()
        reader.read("speed", text)
        best = min(best, time.process_time() - start)
    return {"build_ms": 1000 * build, "read_ms": 1000 * best, "words": len(text.split()),
            "names": len(find_names(text)), "entities": len(made), "keys": len({name_key(e.name) for e in made})}


def quality_targets(outcome: Outcome, recall_target: float, label: str) -> list[tuple[str, bool]]:
    """(target line, met) for recall, precision and the real names that are no entity, on one labelled set."""
    kept_new = sum(s == "new" for _, s, _ in outcome.new)
    return [(f"{label}: recall of `variant` ≥ {recall_target:.0%}: {outcome.recall:.1%} "
             f"({outcome.found} of {len(outcome.garbles)})", outcome.recall >= recall_target),
            (f"{label}: precision of `variant` ≥ {PRECISION_TARGET:.0%}: {outcome.precision:.1%}",
             outcome.precision >= PRECISION_TARGET),
            (f"{label}: real names that are no entity come out `new`: {kept_new} of {len(outcome.new)}",
             kept_new == len(outcome.new))]


def failures(outcome: Outcome) -> list[str]:
    """The garbles not resolved and the wrong variants of one labelled set, as Markdown list items."""
    missed = [f"- {printed}: expected {expected}, got {entity or 'new'} (score {score})"
              for printed, expected, entity, score in outcome.garbles if entity != expected]
    wrong = [f"- {printed}: labelled {expected}, resolved to {entity}" for printed, expected, entity in
             outcome.false_variants]
    return ["Garbles not resolved:\n", *(missed or ["- none"]), "", "Wrong variants:\n", *(wrong or ["- none"]), ""]


def markdown(outcome: Outcome, timing: dict[str, float],
             held_out: dict[str, Outcome] | None = None) -> tuple[str, list[tuple[str, bool]]]:
    """The text of BENCHMARKS-names.md, and (target line, met) for each target."""
    held_out = held_out or {}
    garbled_entities = len({expected for _, expected, _, _ in outcome.garbles})
    targets = [*quality_targets(outcome, RECALL_TARGET, "cases.yml"),
               *(target for name, result in held_out.items()
                 for target in quality_targets(result, HELD_OUT_RECALL_TARGET, name)),
               (f"a {timing['words']:,.0f}-word article against {timing['entities']:,.0f} entities read in ≤ "
                f"{SPEED_TARGET_MS:.0f} ms: {timing['read_ms']:.1f} ms", timing["read_ms"] <= SPEED_TARGET_MS)]
    held_out_lines = []
    for name, result in held_out.items():
        held_out_lines += [f"### {name}\n",
                           f"{len(result.garbles)} garbled forms of {len({e for _, e, _, _ in result.garbles})} "
                           f"entities and {len(result.new)} real names that are no entity.\n", *failures(result)]
    lines = [
        "# Benchmarks: name matching\n",
        "How well `python -m generator suggest` resolves garbled names, measured by `python -m bench.names` "
        "(also run by `make bench`); `tests/test_names_benchmark.py` asserts the same targets. This file is "
        "rewritten by every run.\n",
        f"The labelled sentences (`tests/fixtures/names/cases.yml`) hold {len(outcome.garbles)} garbled forms of "
        f"{garbled_entities} entities and {len(outcome.new)} real names that are no entity, near misses among "
        "them (Ali Khamenei and Ali al-Sistani, the Mosul Dam and Mosul, Laith and Qais al-Khazali). The "
        "entities are those of `seeds/entities/` without their garbled aliases, and those of "
        "`tests/fixtures/names/entities.yml`. A name is a variant at a score of "
        f"{VARIANT_MIN} or more; `--apply` writes those of {APPLY_MIN} or more.\n",
        "The held-out sets (`tests/fixtures/names/holdout.yml`, `holdout2.yml`) were written apart from the "
        "matcher's development, in the same format: they say how it does on garbles it was not built around. "
        "holdout.yml was measured before the matcher was changed for it, and its failures were then read for "
        "their general causes; holdout2.yml was written before those changes and measured only after them. "
        f"Their recall target is {HELD_OUT_RECALL_TARGET:.0%}. Before those changes the matcher scored, on "
        "holdout.yml, recall 86.4% (108 of 125) and precision 99.1% (Suleimaniyeh resolved to Qasem Soleimani), "
        "and on holdout2.yml recall 92.9% (39 of 42) and precision 100%, every real name that is no entity "
        "`new` in both; on cases.yml, recall 97.3% and precision 99.1%.\n",
        "## Targets\n", *(f"- {'PASS' if ok else '**MISS**'} {line}" for line, ok in targets), "",
        "## cases.yml\n", *failures(outcome),
        "## Held-out sets\n", *held_out_lines,
        "## Speed\n",
        f"{timing['entities']:,.0f} invented entities ({timing['keys']:,.0f} distinct names), an article of "
        f"{timing['words']:,.0f} words with {timing['names']:.0f} name spans, about a third of the names garbled: "
        f"the index builds in {timing['build_ms']:.1f} ms and the article is read (names, verdicts, claims, "
        f"dates) in {timing['read_ms']:.1f} ms, CPU time with every cache emptied first, best of 5, on the "
        "machine of BENCHMARKS.md.\n",
    ]
    return "\n".join(lines), targets


def summary(outcome: Outcome) -> str:
    """Recall, precision and the share of real names that are no entity left `new`, with what went wrong."""
    kept_new = sum(status == "new" for _, status, _ in outcome.new)
    lines = [f"recall {outcome.recall:.1%} ({outcome.found} of {len(outcome.garbles)} garbles), "
             f"precision {outcome.precision:.1%}, no entity left new: {kept_new} of {len(outcome.new)}"]
    lines += [f"  missed {printed}: expected {expected}, got {entity or 'new'} (score {score})"
              for printed, expected, entity, score in outcome.garbles if entity != expected]
    lines += [f"  wrong {printed}: labelled {expected}, resolved to {entity}"
              for printed, expected, entity in outcome.false_variants]
    lines += [f"  not found as a name: {printed}" for printed in outcome.missing]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--cases", type=Path, help="only print recall and precision on this labelled file")
    args = parser.parse_args(argv)
    if args.cases:
        print(summary(evaluate(cases_file=args.cases)))
        return 0
    entity_list = entities()
    held_out = {path.name: evaluate(entity_list, path) for path in HELD_OUT}
    text, targets = markdown(evaluate(entity_list), speed(), held_out)
    args.output.write_text(text, encoding="utf-8")
    for line, ok in targets:
        print(f"{'PASS' if ok else 'MISS'}  {line}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
