"""Is a printed name a known entity, a misspelling of one, or someone new?

A printed name is compared with every name and alias of the entities word by
word, in the spelling of `names.spelling`, where transliterations of one name
are equal. Two words are alike when their letters are close (edit distance,
a swap of two neighbours counting as one slip) and
their consonants are close (Jaro-Winkler on a consonant skeleton where t/d,
b/f/p/v and k/kh are one sound): that covers transliteration and a machine
translation swapping a name for a look-alike word (Mardini → Martini). Then
the words are aligned in order, and the structure of names decides:

- the last word (a surname, or the head of an organisation's name) must
  match, and counts double for a person: Ali Khamenei is not Ali al-Sistani;
- a person's given names may be left out, never replaced by other ones:
  Laith al-Khazali is not Qais al-Khazali;
- an organisation or a place must match every word, and no word may be added
  after it: the Mosul Dam is not Mosul, Hezbollah is not Kataib Hezbollah;
- a word derived from a name is another word: Iraqi is not Iraq, Baghdadi not
  Baghdad; short words may differ in vowels only (Iran is not Iraq); acronyms
  and common words never match but exactly.

Candidates come from an index of the names' last words by consonant skeleton
(and the skeleton less one letter), so matching costs the same whatever the
number of entities.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from .model import Entity
from .names import HYPHEN_PARTICLES, NAME_SEPARATOR, is_acronym, is_common, is_name_like, name_words, spelling, words

VARIANT_MIN = 70
"""A name scoring this much against an entity (0-100) is reported as a variant of it."""
APPLY_MIN = 80
"""`suggest --apply` adds a variant scoring this much or more as a garbled alias; `--accept` takes lower ones."""
SINGLE_WORD_MIN = 85
"""A name of one word carries less evidence than a full name: it is a variant only from this score."""
AMBIGUOUS_MARGIN = 3
"""Two different entities within this many points of each other: the name is not resolved."""
HEAD_MIN = 0.75
"""How alike a name's last word must be to the entity's (0-1)."""
WORD_MIN = 0.55
"""How alike every other word of an organisation's or a place's name must be."""
GIVEN_NAME_MIN = 0.7
"""How alike a person's given names must be: relatives share a surname (Masoud and Masrour Barzani)."""
SURNAME_ALONE = VARIANT_MIN - 10
"""The most a surname alone scores against a person's full name: listed as a candidate, never a variant."""
OMITTED_GIVEN_NAME = 0.85
"""The credit of a person's given name that the printed name leaves out ("Kadhimi" for Mustafa al-Kadhimi)."""
EXTRA_GIVEN_NAME = 0.15
"""The cost of a given name the printed name adds ("Mohammad Javad Zarif" for Javad Zarif)."""
TYPE_WORD_MIN = 0.85
"""How alike a word saying what kind of thing a name is ("Institute", "Forces") must be to its counterpart."""
PLURAL = 0.95
"""How alike a word and its plural are ("Force", "Forces")."""
FEMININE, FEMININE_STEM_MIN = "ia", 5
"""The ending -iyya (-iyah, -iyeh...) as `spelling` writes it, and the least stem before it that makes it one:
Syria's -ia is no ending."""
CAPITALS_MIN_LETTERS = 4
"""A word in capitals this long, with a vowel, may be a name in capitals (ERBIL); a shorter one is an acronym."""
SIBILANT = 0.85
"""The share of credit consonants get when they agree only once s and z are taken for one sound."""
MAX_WORDS = 6
DERIVED_ENDINGS = ("i", "is", "ia", "ian", "ians", "an", "ans", "n", "ns", "ish", "ist", "ists", "iya")
"""Endings that make another word of a name: Iraq/Iraqi, Iran/Iranian, Syria/Syrian, Kurd/Kurdish."""
TYPE_WORDS = frozenset(spelling(word) for word in words("""
organization organisation forces force army brigades brigade battalion battalions corps units unit party movement
front alliance coalition council ministry department agency institute university college school bank company
group committee commission union league association federation foundation court parliament assembly congress
senate government administration office house city province governorate district region republic kingdom
emirate dam bridge airport base camp river lake mountain mountains valley square street road port island bay
gulf sea desert field hospital mosque shrine church palace prison stadium hotel operation agreement treaty
kataib katai asaib harakat jaysh jaish liwa saraya hizb tayyar majlis jamaat
"""))
"""Words that say what kind of thing a name is: they must match one another, never a name's own words."""
ARABIC_TYPE_WORDS = {spelling(english): arabic for english, arabic in (
    ("brigades", ("kataib", "saraya")), ("brigade", ("liwa",)), ("companies", ("saraya",)),
    ("movement", ("harakat", "tayyar")), ("party", ("hizb",)), ("army", ("jaysh",)), ("council", ("majlis",)),
    ("leagues", ("asaib",)), ("groups", ("jamaat",)))}
"""The English a word-by-word translation gives for the Arabic words of `TYPE_WORDS`, in spelling form."""
TRANSLATED = 0.95
"""A name matched only once read back from a word-by-word translation scores this share of its match."""


@dataclass(frozen=True)
class Form:
    """A name or alias of an entity, as words to compare."""

    entity: str
    name: str
    words: tuple[str, ...]
    person: bool


@dataclass(frozen=True)
class Candidate:
    entity: str
    score: int
    form: str
    """The entity's name or alias that the printed name resembles most."""


@dataclass(frozen=True)
class Verdict:
    """What a printed name is: `known`, `variant` (with the best candidate) or `new`."""

    status: str
    entity: str | None
    score: int
    candidates: tuple[Candidate, ...]
    """Every entity the name resembles, best first, one per entity."""
    note: str = ""


SKELETON_MAP = str.maketrans({"t": "d", "f": "b", "p": "b", "v": "b", "x": "k", "a": None, "i": None, "u": None})


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of a spelling-form word, with t/d, b/f/p/v, s/sh and k/kh as one sound each."""
    return word.replace("sh", "s").translate(SKELETON_MAP)


def word_similarity(printed_word: str, known_word: str) -> float:
    """How alike two `plain` words are, 0-1 (`likeness`), and 0 when one is derived from the other (Iraqi, Iraq).

    The Arabic ending -iyya derives a word too (Sulaymaniyah, the city named after a Sulayman): a long word with
    it is never one without it (Suleimaniyeh is not Soleimani).
    """
    if _derived(printed_word, known_word) or _derived(known_word, printed_word) or \
            _feminine(printed_word) != _feminine(known_word):
        return 0.0
    return likeness(printed_word, known_word)


def _feminine(word: str) -> bool:
    spelt = spelling(word)
    return spelt.endswith(FEMININE) and len(spelt) >= len(FEMININE) + FEMININE_STEM_MIN


@lru_cache(maxsize=131072)
def likeness(printed_word: str, known_word: str) -> float:
    """How alike two `plain` words are, 0-1: their spellings' letters and consonants, half each.

    Letters and consonants are compared in order by edit distance, two neighbours typed the wrong way round
    counting as one slip (Kuwiat); the consonants also with weight on the first ones (Jaro-Winkler). The first
    consonant must be the same sound: a transliteration or a look-alike word keeps how a name begins. Inside a
    word, s and z (which `spelling` writes d, as dh) are near: German and Persian write s for the Arabic z, and a
    translation through French turned Kazimi into Qasimi.
    """
    if min(len(printed_word), len(known_word)) >= 3 and (printed_word + "s" == known_word or
                                                         printed_word == known_word + "s"):
        return PLURAL
    printed, known = spelling(printed_word), spelling(known_word)
    if printed == known:
        return 1.0
    printed_consonants, known_consonants = skeleton(printed), skeleton(known)
    if min(len(printed), len(known)) <= 4 and printed_consonants != known_consonants:
        return 0.0
    letters = OSA.normalized_similarity(printed, known)
    if not (printed_consonants and known_consonants):
        return letters
    if printed_consonants[0] != known_consonants[0]:
        return 0.0
    consonants = _consonant_similarity(printed_consonants, known_consonants)
    if "s" in printed_consonants or "s" in known_consonants:
        consonants = max(consonants, SIBILANT * _consonant_similarity(printed_consonants.replace("s", "d"),
                                                                      known_consonants.replace("s", "d")))
    return (letters + consonants) / 2


def _consonant_similarity(printed: str, known: str) -> float:
    return (JaroWinkler.similarity(printed, known) + OSA.normalized_similarity(printed, known)) / 2


def _derived(longer: str, shorter: str) -> bool:
    return len(longer) > len(shorter) >= 3 and longer.startswith(shorter) and \
        longer[len(shorter):] in DERIVED_ENDINGS


def _deletions(key: str) -> set[str]:
    """The key and the key less one of its letters after the first: a name keeps its first consonant."""
    return {key, *(key[:i] + key[i + 1:] for i in range(1, len(key)))}


class Matcher:
    """Every name and alias of the entities, indexed for exact look-up and by the skeleton of their last word."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.exact: dict[str, str] = {}
        self.forms: list[Form] = []
        self.heads: list[str] = []
        """The spelling of each form's last word."""
        self.by_head: dict[str, list[int]] = {}
        self.people: set[str] = set()
        for entity in entities:
            if entity.kind == "person":
                self.people.add(entity.id)
            for name in (entity.name, *(alias.name for alias in entity.aliases)):
                self.exact.setdefault(name, entity.id)
                words = name_words(name)
                if is_name_like(name) and words:
                    self._add(Form(entity.id, name, words, entity.kind == "person"))

    def _add(self, form: Form) -> None:
        index = len(self.forms)
        self.forms.append(form)
        self.heads.append(spelling(form.words[-1]))
        for key in _deletions(skeleton(spelling(form.words[-1]))):
            self.by_head.setdefault(key, []).append(index)

    def verdict(self, printed: str, place: bool = False) -> Verdict:
        """Known, variant or new, with the candidates that decided it.

        A name in capitals (a dateline, a headline: BAGHDAD, KIRKOUK) is read as the name it capitalises. When
        that name is exact, it is known, not a variant: `--apply` must not add BAGHDAD to Baghdad's aliases as a
        misspelling, which the article page would then mark as one.
        `place`: the text puts the name where a place goes ("in", "near", "went to"), so one word is not read
        as a person's surname (Slemani, a city, is not Soleimani).
        """
        if printed in self.exact:
            return Verdict("known", self.exact[printed], 100, ())
        if in_capitals(printed):
            printed = capitalised(printed)
            if printed in self.exact:
                return Verdict("known", self.exact[printed], 100, ())
        candidates = self.candidates(printed)
        if place and " " not in printed.strip():
            candidates = tuple(sorted((replace(c, score=min(c.score, SURNAME_ALONE)) if c.entity in self.people
                                       else c for c in candidates), key=lambda c: (-c.score, c.entity)))
        least = VARIANT_MIN if " " in printed.strip() else SINGLE_WORD_MIN
        if not candidates or candidates[0].score < least:
            return Verdict("new", None, candidates[0].score if candidates else 0, candidates)
        best = candidates[0]
        if len(candidates) > 1 and candidates[1].score >= VARIANT_MIN and \
                best.score - candidates[1].score < AMBIGUOUS_MARGIN:
            return Verdict("new", None, best.score, candidates,
                           f"as close to {best.entity} as to {candidates[1].entity}: not resolved")
        return Verdict("variant", best.entity, best.score, candidates)

    def candidates(self, printed: str) -> tuple[Candidate, ...]:
        """The entities `printed` may be a spelling of, best first, one per entity."""
        words = name_words(printed)
        if not words or not _matchable(printed, words):
            return ()
        best: dict[str, Candidate] = {}
        # A surname split in two by a translation ("Mc Gurk", "Nasser Allah") is also read as one word.
        readings = [words, (*words[:-2], words[-2] + words[-1])] if len(words) > 1 else [words]
        for reading, translated in [*((r, False) for r in readings), *((r, True) for r in translations(words))]:
            for index in self._retrieve(reading[-1]):
                form = self.forms[index]
                if translated and form.person:
                    continue
                score = form_score(reading, form)
                score = round(score * TRANSLATED) if translated else score
                if score and (form.entity not in best or best[form.entity].score < score):
                    best[form.entity] = Candidate(form.entity, score, form.name)
        return tuple(sorted(best.values(), key=lambda c: (-c.score, c.entity)))

    def _retrieve(self, last_word: str) -> list[int]:
        """The forms whose last word may match `last_word`: same consonants but one, and letters at least half alike.

        Half the letters alike is the least a last word scoring `HEAD_MIN` can have (the consonants count for
        the other half); one call compares them all.
        """
        found: set[int] = set()
        for key in _deletions(skeleton(spelling(last_word))):
            found.update(self.by_head.get(key, ()))
        indexes = sorted(found)
        alike = process.extract(spelling(last_word), [self.heads[i] for i in indexes], limit=None,
                                scorer=OSA.normalized_similarity, score_cutoff=2 * HEAD_MIN - 1)
        return sorted(indexes[position] for _, _, position in alike)


def in_capitals(printed: str) -> bool:
    """Whether a name is a word or words in capitals rather than an acronym: each has a vowel and four letters."""
    pieces = [piece for piece in NAME_SEPARATOR.split(printed) if piece and piece.lower() not in HYPHEN_PARTICLES]
    return bool(pieces) and all(
        is_acronym(piece) and "." not in piece and len(piece) >= CAPITALS_MIN_LETTERS and
        any(c in "AEIOUY" for c in piece) for piece in pieces)


def capitalised(printed: str) -> str:
    """A name in capitals as a name is written: BAGHDAD as Baghdad, AL-KADHIMI as al-Kadhimi."""
    return " ".join("-".join(part.lower() if part.lower() in HYPHEN_PARTICLES else part.capitalize()
                             for part in word.split("-")) for word in printed.split())


def translations(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """An organisation's name as a translation word by word may have printed it, read back in the original order.

    A word saying what kind of thing it is goes first in Arabic and in French, last in English: an English one is
    also read as its Arabic counterpart, first (Hezbollah Brigades as Kataib Hezbollah; Movement of Hezbollah
    al-Nujaba as Harakat Hezbollah al-Nujaba), and one that comes first is also read last (Organization of Badr
    as Badr Organization).
    """
    if len(words) < 2:
        return []
    found: list[tuple[str, ...]] = []
    for index, word in enumerate(words):
        for arabic in ARABIC_TYPE_WORDS.get(spelling(word), ()):
            found.append((*words[:index], arabic, *words[index + 1:]))
            if index == len(words) - 1:
                found.append((arabic, *words[:-1]))
    if spelling(words[0]) in TYPE_WORDS:
        found.append((*words[1:], words[0]))
    return found


def _matchable(printed: str, words: tuple[str, ...]) -> bool:
    """Short names, common words and acronyms are matched exactly or not at all."""
    pieces = printed.split()
    if any(is_acronym(piece) for piece in pieces):
        return False
    if len(words) == 1:
        return len(words[0]) >= 4 and not is_common(pieces[-1]) and spelling(words[0]) not in TYPE_WORDS
    return True


def form_score(printed: tuple[str, ...], form: Form) -> int:
    """How well the printed words match a form, 0-100; 0 when the structure of names forbids the match."""
    if form.person:
        return _person_score(printed, form.words)
    if word_similarity(printed[-1], form.words[-1]) < HEAD_MIN or len(printed) != len(form.words):
        return 0
    similarities = [word_similarity(p, k) for p, k in zip(printed, form.words, strict=True)]
    if any(s < WORD_MIN for s in similarities) or _types_differ(printed, form.words, similarities):
        return 0
    return round(100 * sum(similarities) / len(similarities))


def _joined(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The words, and the words with two neighbours written as one (Abubakr for Abu Bakr)."""
    return [words, *((*words[:i], words[i] + words[i + 1], *words[i + 2:]) for i in range(len(words) - 1))]


def _given_names(given: tuple[str, ...], names: tuple[str, ...], head: float) -> float:
    """The best score of the printed given names against the known ones: in order, the first matched."""
    best, total = 0.0, 2.0 + len(names)
    for count in range(1, min(len(given), len(names)) + 1):
        for chosen in itertools.combinations(range(len(given)), count):
            if chosen[0] != 0:
                continue
            for targets in itertools.combinations(range(len(names)), count):
                pairs = [word_similarity(given[i], names[j]) for i, j in zip(chosen, targets, strict=True)]
                if any(s < GIVEN_NAME_MIN for s in pairs):
                    continue
                credit = sum(pairs) + OMITTED_GIVEN_NAME * (len(names) - count)
                extra = EXTRA_GIVEN_NAME * (len(given) - count)
                best = max(best, (2 * head + credit - extra) / total)
    return best


def _types_differ(printed: tuple[str, ...], known: tuple[str, ...], similarities: list[float]) -> bool:
    """A word saying what kind of thing a name is must meet the same word ("Forces"), slightly misspelt at most."""
    for printed_word, known_word, similarity in zip(printed, known, similarities, strict=True):
        printed_type, known_type = spelling(printed_word) in TYPE_WORDS, spelling(known_word) in TYPE_WORDS
        if (known_type and similarity < TYPE_WORD_MIN) or (printed_type and not known_type):
            return True
    return False


def _person_score(printed: tuple[str, ...], known: tuple[str, ...]) -> int:
    """Given names aligned in order before the surname: some may be left out or added after the first, none replaced.

    A surname alone is not resolved to a person whose name has given names (unless the editors list the
    surname as an alias, which is then a form of its own): "Bush" may be any Bush, "Austin" a city.
    """
    given, names = printed[:-1][-MAX_WORDS:], known[:-1][-MAX_WORDS:]
    head = word_similarity(printed[-1], known[-1])
    if head < HEAD_MIN and given and names:
        head = likeness(printed[-1], known[-1])  # al-Amir for al-Amiri, when a given name vouches for the person
    if head < HEAD_MIN:
        return 0
    total = 2.0 + len(names)
    if not names:
        return 0 if given else round(100 * head)
    if not given:
        return min(SURNAME_ALONE, round(100 * (2 * head + OMITTED_GIVEN_NAME * len(names)) / total))
    best = 0.0
    for printed_given in _joined(given):
        for known_given in _joined(names):
            best = max(best, _given_names(printed_given, known_given, head))
    return round(100 * best)
