"""Finding what a text mentions: entities by any of their names, and quoted passages.

All names and aliases are compiled into one regular expression shaped as a
trie, so a paragraph is scanned once whatever the number of aliases, and
at each position the longest name wins ("Popular Mobilization Forces"
before "Popular"). Matching is case-sensitive and on whole words, so the
alias "IS" never links the word "is". A name that runs on into a longer
one no entity has is not linked: "Mosul" in "Mosul Dam", "Sadr" in "Sadr
City" name something else. In articles, a capitalised name that
no name matches exactly is also linked when it is a common transliteration
of one ("Qassem Suleimani" for Qasem Soleimani; see `names.Variants`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Alias, Entity
from .names import FUNCTION_WORDS, MONTHS, TITLES, WEEKDAYS, Variants

WORD_BEFORE_FIRST = r"(?<!\w.)"
"""Placed after a match's first character: the character before the match is not part of a word."""
WORD_AFTER = r"(?![\w])"
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
"""The word after a name, on the same line."""
MARKDOWN_PROTECTED = re.compile(r"`[^`]*`|!?\[[^\]]*\]\([^)]*\)|<[^>]*>|\[[^\]]*\]")
"""Spans of editor Markdown that must not get links inside them: code, links, HTML tags."""


@dataclass(frozen=True)
class Mention:
    """A name found in a text, as printed there."""

    start: int
    end: int
    entity: str
    alias: Alias
    """The name as written; `alias.garbled` marks a misspelling the page must correct."""


Trie = dict[str, "Trie"]


def whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of `words` as whole words, longest first, in one scan of a text.

    The word-boundary check before a match sits after its first character, so
    the regex engine can still skip ahead to the characters that start a word.
    """
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not any(trie):
        return re.compile("(?!x)x")
    return re.compile(_emit(trie, after_first=WORD_BEFORE_FIRST) + WORD_AFTER)


def _emit(node: Trie, after_first: str = "") -> str:
    ends = "" in node
    branches = [re.escape(char) + after_first + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


class Vocabulary:
    """Finds which of some words stand in texts as whole words, also inside a longer one ("OIR" in "CJTF-OIR").

    One scan finds the longest word at each place; a shorter word can only hide at the start of a longer
    one or inside it, so only the words found are looked into, never every word in every text.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.pattern = whole_words(self.words)

    def used_in(self, texts: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for text in texts:
            for match in self.pattern.finditer(text):
                found.add(match.group())
                for inner in range(match.start() + 1, match.end()):
                    if not _WORD_CHAR.match(text, inner - 1) and (hidden := self.pattern.match(text, inner)):
                        found.add(hidden.group())
        return {word for longest in found for word in _bounded_prefixes(longest, self.words)}


def words_in(texts: Iterable[str], words: Iterable[str]) -> set[str]:
    """Which of `words` stand in `texts` as whole words (see `Vocabulary`)."""
    return Vocabulary(words).used_in(texts)


_WORD_CHAR = re.compile(r"\w")


def _bounded_prefixes(longest: str, vocabulary: frozenset[str]) -> list[str]:
    """`longest` and each of the words it starts with that end where a word ends."""
    return [longest] + [longest[:end] for end in range(1, len(longest))
                        if not _WORD_CHAR.match(longest, end) and longest[:end] in vocabulary]


def name_map(entities: Iterable[Entity]) -> dict[str, tuple[str, Alias]]:
    """Every name and alias, with the entity it stands for and how it is written."""
    names: dict[str, tuple[str, Alias]] = {}
    for entity in entities:
        names.setdefault(entity.name, (entity.id, Alias(name=entity.name)))
        for alias in entity.aliases:
            names.setdefault(alias.name, (entity.id, alias))
    return names


class Linker:
    """Finds entity mentions in text, one compiled pattern for all names."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self.names = name_map(entities)
        self.pattern = whole_words(self.names)
        self.variants = Variants(entities)

    def mentions(self, text: str, *, protected: Iterable[tuple[int, int]] = (), first_only: bool = True,
                 skip: Iterable[str] = (), variants: bool = True) -> list[Mention]:
        """Mentions in `text`, outside `protected` spans; with `first_only`, one per entity.

        With `variants`, transliterations of a name are linked too, as printed and not marked as garbled.
        """
        blocked = sorted(protected)
        seen = set(skip)
        found: list[Mention] = []
        candidates = [(m.start(), m.end(), *self.names[m.group()]) for m in self.pattern.finditer(text)
                      if not runs_on(text, m.end())]
        if variants:
            exact = [(start, end) for start, end, _, _ in candidates]
            candidates += [(start, end, entity, Alias(name=text[start:end]))
                           for start, end, entity, _ in self.variants.find(text, exact)]
            candidates.sort()  # by start: an exact name and a variant never start at the same place
        for start, end, entity, alias in candidates:
            if (first_only and entity in seen) or _overlaps(start, end, blocked):
                continue
            seen.add(entity)
            found.append(Mention(start, end, entity, alias))
        return found

    def markdown_mentions(self, markdown: str, skip: Iterable[str] = ()) -> list[Mention]:
        """Mentions in editor-written Markdown, never inside its code, links or HTML.

        Editors write the names as listed, so only exact names link here: a variant would hide a typo.
        """
        protected = [(m.start(), m.end()) for m in MARKDOWN_PROTECTED.finditer(markdown)]
        return self.mentions(markdown, protected=protected, skip=skip, variants=False)


def runs_on(text: str, end: int) -> bool:
    """Whether the name ending at `end` is the start of a longer name: the next word is capitalised and is no
    function word, month, weekday or title ("Mosul Dam", but "US President Joe Biden" and "Baghdad on Monday").

    A heading in title case ("Kadhimi Visits Washington") loses a link by this, but a heading is never a page's
    only mention of a name, and a link to the wrong page ("Protests Reach Sadr City") is worse than one missing.
    """
    following = NEXT_WORD.match(text, end)
    if following is None or not following.group(1)[0].isupper():
        return False
    word = following.group(1).lower()
    return not (word in FUNCTION_WORDS or word in MONTHS or word in WEEKDAYS or word in TITLES)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text`, if it does."""
    start = text.find(quote)
    return None if start < 0 else (start, start + len(quote))
