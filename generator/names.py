"""Proper names in running text, and a spelling in which transliterations of one name compare equal.

Wire copy spells names its own way: Qassem, Qasim, Qasem; "Moustafa al-Kazimi"
for Mustafa al-Kadhimi. `spelling` maps a word to a form where the usual
differences vanish (q/k/g, dh/th/z/d, ou/u/o, ee/i/y, ai/ay/ei, French ch
and German sch for sh, German dsch for j, doubled letters, the ending
-iyah/-iyeh/-iya); `name_key` drops the al-/el- article and other particles.
`find_names` finds the spans that read as proper names: runs of capitalised
words with their particles (al-, el-, bin, Abu, de, of), acronyms, without
the titles before them ("Iraqi Prime Minister ...") or the capitalised
function word that starts a sentence. The linker (`link.py`) and the
editor's assistant (`match.py`, `suggest.py`) both build on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from .model import Entity


def words(text: str) -> frozenset[str]:
    """The words of a list written as text, one or more a line."""
    return frozenset(text.split())


HYPHEN_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn"})
"""The Arabic article, assimilated or not (al-, el-, ash-, ad-...), and kinship words, joined by a hyphen:
written or not, they do not tell two names apart."""
CONNECTORS = frozenset({"al", "el", "ul", "bin", "ibn", "bint", "ben", "de", "du", "da", "di", "del", "della",
                        "van", "von", "der", "den", "la", "le", "of", "the"})
"""Lowercase words that may stand, on their own, inside a name ("University of Chicago", "Ali al Sistani");
"the" only after "of"."""
LEADING = frozenset({"al", "el"})
"""The only lowercase words that may start a name on their own ("al Sistani")."""
TITLES = words("""
president vice prime minister ministers secretary secretary-general general gen lieutenant lt colonel col major
maj captain capt commander cmdr chief admiral adm sergeant sgt brigadier marshal field king queen prince princess
crown emir sheikh shaikh sheik sheikha ayatollah grand imam sayyid sayed mullah mufti hajji haji pope cardinal
bishop archbishop rabbi dr mr mrs ms miss sir dame lord lady senator sen representative rep congressman
congresswoman governor gov mayor ambassador envoy judge justice speaker chairman chairwoman chair deputy acting
supreme former foreign defense defence interior finance attorney spokesman spokeswoman premier chancellor director
professor prof sultan cleric leader head
""")
"""Words of a title before a name: "Iraqi Prime Minister Mustafa al-Kadhimi" names Mustafa al-Kadhimi."""
STATE_AFTER_OF = "state"
"""A title word only after "of": "Secretary of State Antony Blinken", but "Islamic State" is a name."""
DEMONYM_ENDINGS = ("i", "an", "ese", "ish")
"""A word before a title that ends so is a nationality ("Iraqi Prime Minister"), part of the title."""
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FUNCTION_WORDS = words("""
a about above across after afterwards again against all almost also although always among an and another any
anyone anything are around as at be because been before being below besides between beyond both but by can
could despite did do does doing done down during each either else elsewhere enough even ever every everyone
everything except few for from further had has have having he her here hers herself him himself his how however
i if in indeed inside instead into is it its itself just least less like many may me meanwhile might more
moreover most mostly much must my neither never nevertheless no nobody none nor not nothing now off often on
once only onto or our ours out outside over own per perhaps please rather shall she should since so some
somehow someone something sometimes soon such than that the their theirs them themselves then there thereafter
therefore these they this those though through throughout thus to today together tomorrow too toward towards
under unless until up upon very via was we were what whatever when whenever where whereas wherever whether
which while who whoever whom whose why will with within without would yesterday yet you your yours
said says say told tells added according asked
""")
"""Function words: capitalised only because a sentence or a headline starts with them, they end a name."""
GENERIC = words("""
one two three four five six seven eight nine ten first last next new old big small great good bad high low
long short early late major minor key main top senior junior officials official critics analysts experts
sources source others officially finally later earlier still again nearly almost
world news people government army police state states country city capital region province north south east
west northern southern eastern western central international national united republic federal council
ministry party forces force group groups movement front office house court parliament agency department
breaking update live video photo photos report reports latest exclusive analysis opinion comment editorial
""")
"""Ordinary words that may stand in a name ("Islamic State") but are never a name, or a match for one, alone."""
NAME_WORD = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|(?<![\w.])[A-Z]\.(?=[ \t]+[A-Z])"
                       r"|(?<![\w'’ʼ‘ʿʾ-])(?:[^\W\d_a-z]|[a-z]+-(?=[^\W\d_]))\w*(?:[-'’ʼ‘ʿʾ]\w+)*"
                       r"(?:(?<=[aeiou])['’ʼʿʾ](?=[ \t]+(?:[a-z]{1,3}-)?[^\W\d_a-z]))?")
"""A word that may be or hold a name: capitalised or hyphenated (letters or digits, joined by hyphens or
apostrophes), a dotted acronym like U.S., or an initial before a capitalised word (George W. Bush). An
apostrophe after a final vowel is a transliterated hamza or 'ayn, part of the word when the name goes on
(Mohammed Shia' al-Sudani); after a plural's s it is a possessive (the Kurds' Peshmerga)."""
_SPACE = r"[ \t\u00a0\u202f]"
_LINE = rf"(?:\r\n|\r|\n)?{_SPACE}*"
JOIN = re.compile(rf"(?=\s){_SPACE}*{_LINE}(?:(?:{'|'.join(sorted(CONNECTORS - {'the', 'of'}))}|of(?:{_SPACE}+the)?)"
                  rf"{_SPACE}+{_LINE})*")
"""What may stand between two words of one name: spaces, at most one line break at a time, and connectors."""
NON_SPACE = re.compile(r"\S+")
LEADING_ARTICLE = re.compile(rf"(?<![\w'’-])(al|el){_SPACE}+$")
OPENING = "\"“‘'(["
CLOSING = "\"”’')]"
SPELLING_RULES = (("chr", "kr"), ("dsch", "j"), ("tsch", "sh"), ("sch", "sh"), ("ch", "sh"), ("ph", "f"),
                  ("ck", "k"), ("kh", "x"), ("gh", "g"), ("dh", "d"), ("th", "d"), ("dj", "j"), ("ou", "u"),
                  ("oo", "u"), ("ee", "i"))
"""Digraphs first: French ch, dj and ou, German sch, dsch and tsch, English ee (but chr is kr, as in Christopher);
kh stays a sound of its own."""
FEMININE_ENDING = re.compile(r"(?<=[a-z]{4})i(?:yy?|e)?[ae]h?$")
"""The Arabic ending -iyya of place names and adjectives, however written (-iyah, -iya, -iyeh, -ieh, -ia): one form,
"ia", before the letters are mapped, or -iyeh would fall to a bare -i (Suleimaniyeh, a city; Soleimani, a man)."""
LETTER_MAP = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "d", "o": "u", "e": "i", "y": "i"})
"""Then single letters: q/k/g, z with dh/th/d, o with u, e and y with i (Qasem, Kasim; Kazimi, Kadhimi)."""
DIPHTHONG = re.compile(r"a([iw])(?![aiu])")
"""After the letters are mapped, ai (ay, ei, ey) and aw before a consonant are one vowel each, as French and
English write them: Husayn and Hussein, Haidar and Hidar, Mawsil and Mosul."""
DIPHTHONG_VOWELS = {"i": "i", "w": "u"}
SOFT_C = re.compile(r"c(?=[eiy])")
FINAL_H = re.compile(r"(?<=[aiu])h$")
DOUBLES = re.compile(r"(.)\1+")
NOT_LETTER = re.compile(r"[^a-z]")
ENGLISH_ENDINGS = ("ed", "ly", "ing", "ment", "ments", "tion", "tions", "sion", "sions", "ness", "ity", "ies",
                   "ous", "ful", "less", "ive", "ives", "ance", "ence", "ers", "ists", "ics", "ism")
ENGLISH_PLURAL = re.compile(r"[^aeiousy']s$")
FUSED_ARTICLE = re.compile(r"\b(Al|El)([A-Z][a-z])")
"""The article written onto the name: AlKadhimi."""
NAME_SEPARATOR = re.compile(r"[\s\-–—‐]+")
ABD = re.compile(r"^abd(?:ul|el|al|oul)?(?=[a-z]{3})|^abd(?:ul|el|al|oul)$")


@dataclass(frozen=True)
class NameSpan:
    """A run of text that reads as a proper name."""

    start: int
    end: int
    printed: str
    """The words as printed, spaces and line breaks between them shown as one space."""
    initial: bool
    """The span starts a sentence, so its first capital proves nothing."""


@lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """`word` in a spelling where the common transliterations of one name are equal: Qassem and Kasim give kasim."""
    text = FEMININE_ENDING.sub("ia", SOFT_C.sub("s", plain(word)))
    for old, new in SPELLING_RULES:
        text = text.replace(old, new)
    text = DOUBLES.sub(r"\1", FINAL_H.sub("", text.translate(LETTER_MAP)))
    return DOUBLES.sub(r"\1", DIPHTHONG.sub(lambda m: DIPHTHONG_VOWELS[m.group(1)], text))


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """A word in lowercase ASCII letters only: Koweït gives koweit, Kata'ib gives kataib."""
    return NOT_LETTER.sub("", anyascii(word).lower())


@lru_cache(maxsize=16384)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart, in `plain` letters: particles dropped, Abdul and Abd al- unified."""
    found: list[str] = []
    for part in NAME_SEPARATOR.split(FUSED_ARTICLE.sub(r"\1-\2", name)):
        word = plain(part)
        if not word or part.lower() in CONNECTORS or part.lower() in HYPHEN_PARTICLES:
            continue
        match = ABD.match(word)
        if match and len(word) > len(match.group()):
            found += ["abd", word[match.end():]]
        else:
            found.append("abd" if match else word)
    return tuple(found)


def name_key(name: str) -> tuple[str, ...]:
    """What two transliterations of one name share: the `spelling` of each of its `name_words`."""
    return tuple(spelling(word) for word in name_words(name))


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_common(word: str) -> bool:
    """An ordinary English word, a month or a weekday: capitalised, it is still no name on its own."""
    lower = word.lower()
    return lower in FUNCTION_WORDS or lower in GENERIC or lower in MONTHS or lower in WEEKDAYS


def looks_english(word: str) -> bool:
    """Whether a capitalised word that starts a sentence reads as an English word rather than a name.

    By its ending: "Summoned", "Officially", "Fighting", "Protesters", "Troops"; names such as Ali,
    Sullivan, Hamas or Abbas do not end so.
    """
    lower = word.lower()
    return lower.endswith(ENGLISH_ENDINGS) or ENGLISH_PLURAL.search(lower) is not None


def _ends_name(word: str) -> bool:
    """A capitalised function word, month or weekday: it starts no name and ends the one before it."""
    lower = word.lower()
    return (lower in FUNCTION_WORDS or lower in MONTHS or lower in WEEKDAYS) and not is_acronym(word)


def _name_part(word: str) -> tuple[int, int] | None:
    """Where the name stands in a word: "Tehran" in "pro-Tehran", "Iran" in "Iran-aligned", "al-Kadhimi" whole."""
    parts = word.split("-")
    start = end = None
    position = 0
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        named = part[:1].isupper() or (part.lower() in HYPHEN_PARTICLES and following[:1].isupper())
        if named:
            start = position if start is None else start
            end = position + len(part)
        elif start is not None:
            break
        position += len(part) + 1
    return None if start is None or end is None else (start, end)


def find_names(text: str) -> list[NameSpan]:
    """Every span of `text` that reads as a proper name, in order, titles before the name left out.

    Only capitalised words are looked at one by one; lowercase words are skipped by the regular-expression
    engine, and two capitalised words belong to one name when only spaces and connectors stand between them.
    """
    spans: list[NameSpan] = []
    run: list[tuple[int, int, str]] = []
    for match in NAME_WORD.finditer(text):
        word = match.group()
        part = _name_part(word) if "-" in word else ((0, len(word)) if word[0].isupper() else None)
        if part is not None and _ends_name(word[part[0]:part[1]]):
            part = None
        gap = JOIN.fullmatch(text, run[-1][1], match.start()) if run and part and part[0] == 0 else None
        if gap is None:
            _close(text, run, spans)
            run = []
        if part is None:
            continue
        start, end = match.start() + part[0], match.start() + part[1]
        run += _connectors(text, gap.start(), gap.end()) if gap else _leading(text, start)
        run.append((start, end, text[start:end]))
        if end < match.end():
            _close(text, run, spans)
            run = []
    _close(text, run, spans)
    return spans


def _connectors(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The connectors between two words of a name ("of", "al"), as words of the run."""
    return [(m.start(), m.end(), m.group()) for m in NON_SPACE.finditer(text, start, end)]


def _leading(text: str, start: int) -> list[tuple[int, int, str]]:
    """A lowercase article standing alone before a name ("al Sistani")."""
    match = LEADING_ARTICLE.search(text, max(0, start - 8), start)
    return [(match.start(1), match.end(1), match.group(1))] if match else []


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence: only spaces and opening quotes since the last full stop."""
    index = start
    while index > 0 and (text[index - 1].isspace() or text[index - 1] in OPENING):
        index -= 1
    while index > 0 and text[index - 1] in CLOSING:
        index -= 1
    return index == 0 or text[index - 1] in ".!?…"


def _is_connector(word: str) -> bool:
    return word.lower() in CONNECTORS and not word[:1].isupper()


def _close(text: str, run: list[tuple[int, int, str]], spans: list[NameSpan]) -> None:
    """Turn a run of words into a name span: connectors only between names, a title before it left out."""
    while run and _is_connector(run[-1][2]):
        run = run[:-1]
    while run and _is_connector(run[0][2]) and not (run[0][2] in LEADING and len(run) > 1):
        run = run[1:]
    if not run:
        return
    initial = starts_sentence(text, run[0][0])
    title = _title_length([word.lower() for _, _, word in run])
    if title:
        run, initial = run[title:], False
    if not run or all(word.lower() in TITLES for _, _, word in run):
        return
    start, end = run[0][0], run[-1][1]
    if text.endswith(("'s", "’s"), start, end) and end - start > 2:
        end -= 2
    spans.append(NameSpan(start, end, " ".join(text[start:end].split()), initial))


def _title_length(words: list[str]) -> int:
    """How many words at the start of a name are a title ("Iraqi Prime Minister", "Secretary of State")."""
    length = 0
    for index, word in enumerate(words):
        if word in TITLES or (word == STATE_AFTER_OF and index > 0 and words[index - 1] == "of"):
            length = index + 1
        elif not (word in CONNECTORS or (word.endswith(DEMONYM_ENDINGS) and index + 1 < len(words)
                                         and words[index + 1] in TITLES)):
            break
    while 0 < length < len(words) and words[length] in CONNECTORS:
        length += 1
    return length


def is_name_like(name: str) -> bool:
    """Whether a name or alias reads as a proper name that can be spelt another way: capitalised words, no acronym.

    "Ain al-Asad air base", "Iran nuclear deal (JCPOA)" and "PMF" are names too, but only ever linked as written.
    """
    words = [word for word in re.split(r"[\s\-–—]+", name) if word]
    if not words or any(is_acronym(word) or any(c.isdigit() for c in word) for word in words):
        return False
    return all(word[:1].isupper() or word.lower() in CONNECTORS or word.lower() in HYPHEN_PARTICLES for word in words)


NAME_RUN = re.compile(r"(?<![\w'’])(?:(?:al|el|ul|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’-]*"
                      r"(?:[ \t\u00a0]+(?:(?:al|el|bin|ibn|of|de|the)[ \t\u00a0]+)*"
                      r"(?:(?:al|el|ul|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’-]*)*")
"""A quick first cut of capitalised runs, read in one pass of the regular-expression engine."""
MIN_KEY_LETTERS = 5
"""A spelling variant of a shorter name is too likely to be another word (Iran, Iraq; Badr, Bader)."""


class Variants:
    """Links the common transliterations of known names: a name's `name_key` looked up in a dictionary.

    Only names that read as proper names take part. A key shared by two entities, a
    key shorter than `MIN_KEY_LETTERS`, a lone common word and a person's surname
    alone never link: a surname spelt another way may be another person's (Kazemi).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        keys: dict[tuple[str, ...], tuple[str, str]] = {}
        shared: set[tuple[str, ...]] = set()
        for entity in entities:
            for name in (entity.name, *(alias.name for alias in entity.aliases)):
                key = name_key(name)
                if not is_name_like(name) or sum(map(len, key)) < MIN_KEY_LETTERS or \
                        (len(key) == 1 and (is_common(name) or entity.kind == "person")):
                    continue
                if keys.setdefault(key, (entity.id, name))[0] != entity.id:
                    shared.add(key)
        self.keys = {key: value for key, value in keys.items() if key not in shared}

    def find(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """(start, end, entity id, name it spells) for each variant in `text` outside the `taken` spans.

        `taken` is in text order and its spans do not overlap (the exact names found before).
        """
        found = []
        next_taken = 0
        for run in NAME_RUN.finditer(text):
            start, end = run.span()
            while next_taken < len(taken) and taken[next_taken][1] <= start:
                next_taken += 1
            if next_taken < len(taken) and taken[next_taken][0] < end:
                continue
            for span_start, span_end, key in spans_with_keys(run.group()):
                hit = self.keys.get(key)
                if hit:
                    found.append((start + span_start, start + span_end, *hit))
        return found


@lru_cache(maxsize=16384)
def spans_with_keys(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The name spans of a capitalised run (titles and leading function words off), with their keys."""
    return tuple((span.start, span.end, name_key(span.printed)) for span in find_names(run)
                 if not any(is_acronym(word) for word in span.printed.split()))
