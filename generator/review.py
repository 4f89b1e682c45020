"""Reading a new article for the editor: what it names, claims and dates, before anything is published.

For an article as received it lists every proper name with a verdict (a known
entity, a variant of one, or new), the sentences that carry a checkable
statement, and its dates, with a warning when the page date is far from the
events. Places are given as line and column of the file as received. The
`suggest` command shows the result; `check` uses `garble_problems` to warn
about likely garbles that no alias covers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .article_body import is_boilerplate, is_prose
from .article_dates import parse_date
from .claims import find_claims
from .dates import DateFound, event_dates, find_dates, page_date_warning
from .errors import Problem
from .link import Linker
from .load import Loaded
from .match import APPLY_MIN, Matcher, Verdict
from .memo import Memo
from .model import Entity, Site
from .names import DEMONYM_ENDINGS, NON_SPACE, NameSpan, find_names, looks_english

BLOCK = re.compile(r"(?:[^\r\n]|\r\n?(?![ \t]*(?:\r\n?|\n))|\n(?![ \t]*(?:\r\n?|\n)))+")
"""A paragraph of the raw text: lines up to a blank line, whatever the line endings."""
FIRST_WORD = re.compile(r"\S+\s+of\s+(?:the\s+)?")
"""A name's first word and the connectors after it: at the start of a sentence, maybe no name ("Posters of ...")."""
NATIONALITY = re.compile(rf"[A-Z][a-z]{{3,}}(?:{'|'.join(DEMONYM_ENDINGS)})\s+")
"""A nationality before a name ("Lebanese Hezbollah"): maybe no part of it, but then it names a group or a place."""
PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|inside|into|across|around|towards?|via)|"
                          r"\b(?:went|go|goes|going|flew|fly|flies|travell?ed|returned|moved|headed|drove|fled|"
                          r"marched|back|on|trip|visit|way|road)\s+(?:on)?to)\s+$")
"""Words after which a name is a place's: prepositions of place, and "to" after a word of going somewhere."""
PLACE_WINDOW = 24
"""How many characters before a name `PLACE_BEFORE` looks at."""
MAX_NAME_WORDS = 6
"""The longest name looked for inside a title-case heading, in words."""
TITLE_CASE_SHARE = 0.6
"""A heading with this share of capitalised words is in title case: its capitals do not mark names."""


@dataclass(frozen=True)
class NameFound:
    start: int
    printed: str
    verdict: Verdict
    weak: bool = False
    """A lone capitalised word that starts a sentence: a name only if it is one elsewhere too."""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Located:
    """A claim or a date: where it stands, as printed, and why it is listed."""

    line: int
    column: int
    text: str
    why: str
    date: str | None = None


@dataclass
class Suggestions:
    article: str
    names: list[NameFound] = field(default_factory=list)
    claims: list[Located] = field(default_factory=list)
    dates: list[Located] = field(default_factory=list)


@dataclass(frozen=True)
class Dates:
    """The article's own dates, from its date line or its sidecar."""

    page: dt.date | None = None
    event: dt.date | None = None


class Reader:
    """Reads articles against one set of entities (the index is built once)."""

    def __init__(self, entities: Iterable[Entity], linker: Linker | None = None) -> None:
        entities = list(entities)
        self.matcher = Matcher(entities)
        self.linker = linker or Linker(entities)

    def read(self, name: str, raw: str, known: Dates = Dates(), names_only: bool = False) -> Suggestions:
        """Names, claims and dates of the raw article text `raw`, shown as file `name` (only names if asked)."""
        text = raw.removeprefix("\ufeff")
        lines = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        page_line, blocks = _blocks(text)
        page = known.page or (parse_date(" ".join(page_line[1].split())) if page_line else None)
        anchor, anchor_name = (known.event, "the events' date in the sidecar") if known.event else \
            (page, "the page date")
        suggestions = Suggestions(name)
        names: list[NameFound] = []
        found_dates: list[DateFound] = []
        for start, block in blocks:
            prose = is_prose(" ".join(block.split()))
            names += self._names(start, block, title_case=not prose and _title_case(block))
            if prose and not names_only:
                dates = [_shift(d, start) for d in find_dates(block, anchor, anchor_name)]
                found_dates += dates
                suggestions.claims += [Located(*_where(lines, start + c.start), c.text, c.why)
                                       for c in find_claims(block, [(d.start - start, d.end) for d in dates])]
        suggestions.names = [_located(n, lines) for n in _confirmed(names)]
        flag = _page_flag(page, known, found_dates, page_line, lines)
        suggestions.dates = [flag] if flag else []
        suggestions.dates += [Located(*_where(lines, d.start), " ".join(d.text.split()), d.why, d.date)
                              for d in found_dates]
        return suggestions

    def _names(self, offset: int, block: str, title_case: bool) -> list[NameFound]:
        """Names in one paragraph: exact names and aliases first, then every other name span with its verdict."""
        exact = self.linker.mentions(block, first_only=False, variants=False)
        spans = find_names(block)
        found: list[NameFound] = []
        inside: set[tuple[int, int]] = set()
        for span in spans:
            if any(m.start <= span.start and span.end <= m.end for m in exact):
                continue
            inside.update((m.start, m.end) for m in exact if m.start < span.end and span.start < m.end)
            found += self._span(offset, block, span, title_case)
        for mention in exact:
            if (mention.start, mention.end) not in inside:
                found.append(NameFound(offset + mention.start, block[mention.start:mention.end],
                                       Verdict("known", mention.entity, 100, ())))
        return sorted(found, key=lambda n: n.start)

    def _span(self, offset: int, block: str, span: NameSpan, title_case: bool) -> Iterator[NameFound]:
        verdict = self.matcher.verdict(span.printed, place=_in_place(block, span.start))
        first_word = FIRST_WORD.match(block, span.start, span.end) if span.initial else None
        for rest, people in ((first_word, True), (NATIONALITY.match(block, span.start, span.end), False)):
            if verdict.status == "new" and rest and rest.end() < span.end:
                rest_printed = " ".join(block[rest.end():span.end].split())
                rest_verdict = self.matcher.verdict(rest_printed)
                if rest_verdict.status != "new" and (people or rest_verdict.entity not in self.matcher.people):
                    yield NameFound(offset + rest.end(), rest_printed, rest_verdict)
                    return
        if not title_case or verdict.status != "new":
            weak = span.initial and verdict.status == "new" and " " not in span.printed
            yield NameFound(offset + span.start, span.printed, verdict, weak)
            return
        yield from self._title_case_names(offset, block, span)

    def _title_case_names(self, offset: int, block: str, span: NameSpan) -> Iterator[NameFound]:
        """In a title-case heading every word is capitalised: the longest runs of its words that name something."""
        words = list(NON_SPACE.finditer(block, span.start, span.end))
        first = 0
        while first < len(words):
            for last in range(min(len(words), first + MAX_NAME_WORDS) - 1, first - 1, -1):
                start, end = words[first].start(), words[last].end()
                verdict = self.matcher.verdict(" ".join(block[start:end].split()))
                if verdict.status != "new":
                    yield NameFound(offset + start, " ".join(block[start:end].split()), verdict)
                    first = last
                    break
            first += 1


def _blocks(text: str) -> tuple[tuple[int, str] | None, list[tuple[int, str]]]:
    """The date line, if the text starts with one, and the other paragraphs (scraper noise left out), with offsets."""
    blocks = [(m.start(), m.group()) for m in BLOCK.finditer(text) if m.group().strip()]
    page_line = None
    if blocks and parse_date(" ".join(blocks[0][1].split())):
        page_line, blocks = blocks[0], blocks[1:]
    return page_line, [(start, block) for start, block in blocks if not is_boilerplate(" ".join(block.split()))]


def _in_place(block: str, start: int) -> bool:
    """Whether the words just before `start` put a name where a place goes."""
    return PLACE_BEFORE.search(block, max(0, start - PLACE_WINDOW), start) is not None


def _title_case(block: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", block)
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _confirmed(names: list[NameFound]) -> Iterator[NameFound]:
    """Leave out a lone capitalised word that starts a sentence and reads as English, unless it is a name elsewhere."""
    named = {n.printed for n in names if not n.weak}
    for name in names:
        if not name.weak or name.printed in named or not looks_english(name.printed):
            yield name


def _located(name: NameFound, lines: list[int]) -> NameFound:
    line, column = _where(lines, name.start)
    return NameFound(name.start, name.printed, name.verdict, name.weak, line, column)


def _where(lines: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of a character of the text."""
    line = bisect.bisect_right(lines, offset)
    return line, offset - lines[line - 1] + 1


def _shift(date: DateFound, offset: int) -> DateFound:
    return DateFound(date.start + offset, date.end + offset, date.text, date.date, date.why, date.anchored)


def _page_flag(page: dt.date | None, known: Dates, found: list[DateFound],
               page_line: tuple[int, str] | None, lines: list[int]) -> Located | None:
    """A warning on the page date when it is far from the events (from the sidecar, or dated in the text)."""
    if page is None:
        return None
    events = known.event or max(event_dates(found), default=None)
    if events is None:
        return None
    why = page_date_warning(page, events, from_sidecar=known.event is not None)
    if why is None:
        return None
    line, column = _where(lines, page_line[0]) if page_line else (0, 0)
    text = " ".join(page_line[1].split()) if page_line else page.isoformat()
    return Located(line, column, text, why, page.isoformat())


def garble_problems(site: Site, loaded: Loaded, linker: Linker | None = None,
                    memo: Memo | None = None) -> list[Problem]:
    """A warning for each name in an article that looks like a misspelt entity and that no alias links.

    `linker` is the site's, if it is built already. With `memo` (the editor's loop), an article whose text,
    entities and linker are the same objects as last time keeps its warnings without being read again.
    """
    memo = memo if memo is not None else Memo()
    # The matcher reads only the entities' ids, kinds and names: an edited description keeps the reader.
    names = tuple((e.id, e.kind, e.name, *(a.name for a in e.aliases)) for e in site.entities)
    reader = memo.get(("garble-reader", names), (linker,), lambda: Reader(site.entities, linker))
    problems = []
    for article in site.articles:
        seed, raw = loaded.texts[article.id]
        problems += memo.get(("garbles", seed.name), (raw, reader),
                             lambda: _article_garbles(reader, seed.name, raw))  # noqa: B023
    return problems


def _article_garbles(reader: Reader, name: str, raw: str) -> list[Problem]:
    found = reader.read(name, raw, names_only=True)
    linked = {(n.start, n.printed) for n in found.names if n.verdict.status == "known"}
    problems = []
    for found_name in found.names:
        verdict = found_name.verdict
        if verdict.status != "variant" or (found_name.start, found_name.printed) in linked \
                or _linked(reader, found_name):
            continue
        entity = verdict.candidates[0]
        option = "--apply" if entity.score >= APPLY_MIN else f'--accept "{found_name.printed}"'
        problems.append(Problem(
            name, found_name.line, found_name.column, "",
            f'"{found_name.printed}" looks like a misspelling of {entity.form} ({entity.entity}, score '
            f'{entity.score}) that no alias covers: if it is, add {alias_line(found_name.printed)} to the aliases '
            f"of {entity.entity} (or run: python -m generator suggest {name} {option})",
            severity="warning"))
    return problems


def _linked(reader: Reader, name: NameFound) -> bool:
    """Whether the linker links the name anyway, as a spelling variant of a name or alias."""
    return any(m.entity == name.verdict.entity for m in reader.linker.mentions(name.printed, first_only=False))


def alias_line(printed: str) -> str:
    """The YAML that accepts a printed name as a garbled alias."""
    escaped = printed.replace("\\", "\\\\").replace('"', '\\"')
    return f'{{name: "{escaped}", garbled: true}}'
