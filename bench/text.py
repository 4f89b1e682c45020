"""Invented names and news-like sentences for the synthetic corpus."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.corpus import Entity

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
OUTLETS = ("Complete News World", "The Daily Ledger", "Evening Courier", "Metro Wire", "Northern Gazette")
SECTIONS = ("World", "Politics", "Middle East", "Economy", "Security")
SYLLABLES = ("ka", "lo", "ver", "mi", "sa", "dun", "bre", "tor", "al", "ne", "ri", "vash", "gel", "mor", "zan",
             "pe", "quil", "ba", "ost", "fen", "da", "ru", "shi", "ven", "cor", "lin", "tav", "e", "o", "ar",
             "um", "bel", "kas", "ti", "nor", "hal", "jo", "wen", "dra", "esk")
NOUNS = ("agreement", "budget", "ceasefire", "committee", "convoy", "deadline", "election", "inquiry", "mission",
         "parliament", "pipeline", "port", "proposal", "referendum", "reform", "report", "sanctions", "statement",
         "strike", "talks", "treaty", "vote", "withdrawal", "coalition", "blockade", "summit")
VERBS = ("announced", "criticised", "delayed", "endorsed", "rejected", "signed", "questioned", "welcomed",
         "postponed", "reviewed", "defended", "opposed")
ADJECTIVES = ("new", "disputed", "long-awaited", "provisional", "controversial", "regional", "joint", "fragile",
              "preliminary", "second", "costly", "secret")
WHEN = ("on Monday", "on Tuesday", "on Wednesday", "late on Friday", "last week", "earlier this month",
        "after weeks of talks", "in a statement", "at a press conference")
TEMPLATES = (
    "{e1} {verb} the {adj} {noun} {when}.",
    "According to {e1}, the {noun} could delay the {noun2} by several months.",
    "Officials close to {e1} said the {adj} {noun} had been {verb} by {e2}.",
    "The {noun} follows a {adj} {noun2} in which {e1} played a central part.",
    "Critics argue that {e1} has yet to explain why the {noun} was {verb}.",
    "“We will not accept a {adj} {noun},” {e1} told reporters {when}.",
    "Some {number} people took part in the {noun}, according to figures from {e1}.",
    "{e1} and {e2} met {when} to discuss the {adj} {noun}, but no agreement was reached.",
    "Analysts said the {noun} leaves {e1} with fewer options ahead of the {noun2}.",
    "The {adj} {noun} was {verb} {when}, two years after {e1} first proposed it.",
)


MANY_WORDS = 50_000
"""Two or three syllables make about 65,000 words: past this many, words get up to four syllables."""


def invented_words(rng: random.Random, count: int) -> list[str]:
    """`count` distinct capitalised words made of syllables: names no English sentence contains.

    Corpora of up to about 2,500 articles draw words of two or three syllables, as they always have, so
    their files stay the same; larger ones need longer words, or the words would run out."""
    longest = 3 if count <= MANY_WORDS else 4
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, longest))).capitalize()
        if len(word) >= 4 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Writer:
    """Writes sentences, paragraphs and headings that name the given entities by name or alias."""

    def __init__(self, rng: random.Random, entities: list[Entity]) -> None:
        self.rng = rng
        self.entities = entities

    def mention(self, entity: Entity) -> str:
        roll = self.rng.random()
        names = [a for a in entity.aliases if isinstance(a, str)]
        misspelt = [a["name"] for a in entity.aliases if isinstance(a, dict)]
        if misspelt and roll < 0.08:
            return str(misspelt[0])
        if names and roll < 0.45:
            return self.rng.choice(names)
        return entity.name

    def sentence(self, cast: list[Entity] | None = None, avoid: Entity | None = None) -> str:
        pool = cast or [e for e in self.rng.sample(self.entities, min(3, len(self.entities))) if e is not avoid]
        pool = pool or self.entities
        first, second = self.rng.choice(pool), self.rng.choice(pool)
        text = self.rng.choice(TEMPLATES).format(
            e1=self.mention(first), e2=self.mention(second), verb=self.rng.choice(VERBS),
            adj=self.rng.choice(ADJECTIVES), noun=self.rng.choice(NOUNS), noun2=self.rng.choice(NOUNS),
            when=self.rng.choice(WHEN), number=f"{self.rng.randint(2, 400) * 25:,}")
        return text[0].upper() + text[1:]

    def paragraph(self, cast: list[Entity]) -> str:
        """Sentences about `cast`, 40 to 120 words in all."""
        target = self.rng.randint(40, 110)
        sentences: list[str] = []
        words = 0
        while words < target:
            sentence = self.sentence(cast)
            length = len(sentence.split())
            if words >= 40 and words + length > 120:
                break
            sentences.append(sentence)
            words += length
        return " ".join(sentences)

    def heading(self) -> str:
        """A short line without final punctuation, as subheadings and titles are printed."""
        return f"The {self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)} and what comes next"

    def title(self, entity: Entity) -> str:
        return f"{entity.name} {self.rng.choice(VERBS)} {self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)}"
