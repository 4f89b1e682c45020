"""Sentences that make a checkable statement: candidates for the claims an editor checks in the sidecar.

A statement can be checked when it is a quote attributed to someone, when it
gives a number or a date, or when it is a superlative or an absolute ("for
the first time", "never", "more than"). Finding them is the editor's first
pass over a new article; deciding which matter stays the editor's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .names import words

ABBREVIATIONS = words("""
mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep st no vs jan feb mar apr jun jul aug sep sept oct nov
dec inc corp co ltd jr sr
""")
"""Words whose period does not end a sentence."""
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|tells|added|argued|argues|stated|states|announced|announces|"
                         r"warned|warns|wrote|writes|insisted|claimed|claims|declared|stressed|noted|explained|"
                         r"according to|described)\b", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w])(?:\d+(?:[.,]\d+)*\s?(?:%|per ?cent|percent)?|(?:two|three|four|five|six|seven|eight|"
                    r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                    r"hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half)\b)",
                    re.IGNORECASE)
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
SUPERLATIVE = re.compile(r"\b(?:for the first time|first|last|never|ever|always|no longer|more than|less than|"
                         r"fewer than|at least|at most|most|least|largest|biggest|highest|lowest|worst|best|"
                         r"greatest|strongest|weakest|deadliest|longest|record|unprecedented|only)\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    """As printed, with line breaks shown as spaces."""


@dataclass(frozen=True)
class ClaimFound:
    start: int
    end: int
    text: str
    why: str


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of a paragraph, with where each starts and ends."""
    start = 0
    for boundary in SENTENCE_BREAK.finditer(text):
        before = text[start:boundary.start()].rstrip("\"”’)]")
        last_word = re.search(r"(\w+)\.$", before)
        if last_word and (last_word.group(1).lower() in ABBREVIATIONS or re.search(r"\b(?:[A-Z]\.)+$", before)):
            continue
        yield from _sentence(text, start, boundary.start())
        start = boundary.end()
    yield from _sentence(text, start, len(text))


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        yield Sentence(offset, offset + len(stripped), " ".join(stripped.split()))


def reasons(sentence: str, has_date: bool) -> list[str]:
    """Why a sentence makes a checkable statement; empty when it does not."""
    found = []
    if QUOTE.search(sentence) and ATTRIBUTION.search(sentence):
        found.append("a quote attributed to someone")
    if any(not YEAR_ONLY.match(match.group().strip()) for match in NUMBER.finditer(sentence)):
        found.append("a number")
    if has_date:
        found.append("a date")
    superlative = SUPERLATIVE.search(sentence)
    if superlative:
        found.append(f'a superlative or absolute ("{superlative.group()}")')
    return found


def find_claims(text: str, dates: list[tuple[int, int]]) -> list[ClaimFound]:
    """The sentences of a paragraph that carry a checkable statement; `dates` are the spans of its dates."""
    found = []
    for sentence in sentences(text):
        has_date = any(sentence.start <= start < sentence.end for start, _ in dates)
        why = reasons(sentence.text, has_date)
        if why:
            found.append(ClaimFound(sentence.start, sentence.end, sentence.text, "; ".join(why)))
    return found
