"""No silent edits: the published values, locked, and every change to them explained.

`python -m generator lock` records the guarded values of what is published in
`seeds/published.lock.json`: each claim's verdict, each key number's value,
each event's date and each fact's text. `check` compares the content with the
lock. A guarded value that differs, or a guarded item that is gone, is an
error unless an `updates:` entry of its page, dated on or after the lock's date
and written since the lock, names it with `about:` or concerns the whole page
(no `about:`). New items need no entry.

The lock knows each item by a stable key: a claim by its id; a fact, a key
number or an event by its id when it has one, otherwise a fact by its
section and text, a key number by its label and an event by its title. When
a key no longer matches, the next item without an id in the same place (the
same section's facts, the article's key numbers or events) is taken to be
the same item, changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem
from .model import Event, Update
from .validate import CheckedFile
from .write import atomic_write

LOCK_NAME = "published.lock.json"
VERSION = 1
TIMELINE = "timeline"
"""Page key of the free-standing events of `seeds/events/`."""
FIELDS = {"claim": "verdict", "fact": "text", "key number": "value", "event": "date"}
"""The guarded value of each kind of item."""
IDENTS = {"claim": "id", "fact": "text", "key number": "label", "event": "title"}
"""What identifies an item that has no id."""
ABOUT = ("The published values that `python -m generator check` guards. Written by `python -m generator lock` "
         "when the site is published; never edit it by hand.")


@dataclass(frozen=True)
class Guarded:
    """A published value that must not change without an entry saying so."""

    page: str
    """Lock key of its page: `article/ID`, `topic/ID`, or `timeline` for free-standing events."""
    what: str
    """`claim`, `fact`, `key number` or `event`."""
    id: str
    ident: str
    value: str
    section: str = ""
    """For a fact: its section's id."""
    file: str = ""
    key: str = ""
    """Where the value is written now (empty for a value read from the lock)."""

    @property
    def group(self) -> tuple[str, str]:
        return self.what, self.section

    @property
    def names(self) -> set[str]:
        """What an entry's `about:` may write to cover it: its id, and for a fact its section's id."""
        return {name for name in (self.id, self.section) if name}

    def describe(self) -> str:
        if self.id:
            return f'{self.what} "{self.id}"'
        if self.what == "fact":
            return f'a fact of section "{self.section}"'
        return f'{self.what} "{self.ident}"'

    def as_json(self) -> dict[str, str]:
        data = {"what": self.what}
        if self.section:
            data["section"] = self.section
        if self.id:
            data["id"] = self.id
        data[IDENTS[self.what]] = self.ident
        data[FIELDS[self.what]] = self.value
        return data


@dataclass
class Lock:
    """What `lock` recorded: the date, and for each page its guarded values and the entries it already had."""

    name: str
    """The lock file, as shown in messages."""
    locked: dt.date
    values: dict[str, list[Guarded]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """(date, kind, about) of each entry a page had when locked: those cannot excuse a later change."""
    removed: dict[str, list[str]] = field(default_factory=dict)
    """Ids of items removed since an earlier lock, which entries may still name."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each page in the lock file."""

    def nameable(self) -> dict[str, set[str]]:
        """Per page, the ids `about:` may name although they may be gone from the content."""
        names = {page: set(ids) for page, ids in self.removed.items()}
        for page, values in self.values.items():
            names.setdefault(page, set()).update(value.id for value in values if value.id)
        return names


# Reading what is published now --------------------------------------------------------------------------------


def guarded_values(checked: Iterable[CheckedFile]) -> dict[str, list[Guarded]]:
    """Every guarded value in the content, by page, each with where it is written."""
    values: dict[str, list[Guarded]] = {}
    for file in checked:
        for key, record in file.records:
            if file.kind.name == "event":
                values.setdefault(TIMELINE, []).append(_event(TIMELINE, record, file, f"{key}.date"))
            elif file.kind.name in ("article", "topic"):
                page = f"{file.kind.name}/{Path(file.name).stem}"
                values[page] = list(_page_values(page, record, file))
    return values


def _page_values(page: str, data: Mapping[str, Any], file: CheckedFile) -> Iterator[Guarded]:
    for index, claim in enumerate(data.get("claims", ())):
        yield Guarded(page, "claim", claim.id, claim.id, claim.verdict, "", file.name, f"claims[{index}].verdict")
    for index, number in enumerate(data.get("key_numbers", ())):
        yield Guarded(page, "key number", number.id, _flat(number.label), _flat(number.value), "", file.name,
                      f"key_numbers[{index}].value")
    for s_index, section in enumerate(data.get("sections", ())):
        for f_index, fact in enumerate(section.facts):
            text = _flat(fact.text)
            yield Guarded(page, "fact", fact.id, text, text, section.id, file.name,
                          f"sections[{s_index}].facts[{f_index}].text")
    for index, event in enumerate(data.get("events", ())):
        yield _event(page, event, file, f"events[{index}].date")


def _event(page: str, event: Event, file: CheckedFile, key: str) -> Guarded:
    return Guarded(page, "event", event.id, _flat(event.title), event.date.isoformat(), "", file.name, key)


def _flat(text: str) -> str:
    """Text with its whitespace runs made single spaces: refolding a YAML paragraph changes nothing."""
    return " ".join(text.split())


def page_files(checked: Iterable[CheckedFile]) -> dict[str, str]:
    """The file of every page that can hold guarded values or entries."""
    files = {}
    for file in checked:
        if file.kind.name in ("article", "topic"):
            files[f"{file.kind.name}/{Path(file.name).stem}"] = file.name
        elif file.kind.name == "entity":
            files.update({f"entity/{entity.id}": file.name for _, entity in file.records})
    return files


def page_updates(checked: Iterable[CheckedFile]) -> dict[str, list[Update]]:
    """Every page's `updates:` entries."""
    updates: dict[str, list[Update]] = {}
    for file in checked:
        for _, record in file.records:
            if file.kind.name in ("article", "topic"):
                updates[f"{file.kind.name}/{Path(file.name).stem}"] = list(record.get("updates", ()))
            elif file.kind.name == "entity":
                updates[f"entity/{record.id}"] = list(record.updates)
    return updates


# Comparing with the lock --------------------------------------------------------------------------------------


def compare(checked: list[CheckedFile], lock: Lock, withdrawn: Iterable[str] = ()) -> list[Problem]:
    """A located error for each guarded value changed or removed since `lock` with no entry explaining it."""
    now = guarded_values(checked)
    files = page_files(checked)
    fresh = _fresh_entries(page_updates(checked), lock)
    by_file = {file.name: file for file in checked}
    problems = []
    for page, locked_values in sorted(lock.values.items()):
        if page in set(withdrawn):
            continue
        if page != TIMELINE and page not in files:
            problems.append(_page_gone(lock, page, len(locked_values)))
            continue
        pairs, gone = match(locked_values, now.get(page, []))
        for old, new in pairs:
            if old.value != new.value and not _excused(page, old.names | new.names, fresh):
                file = by_file[new.file]
                problems.append(Problem(new.file, *file.at(new.key), new.key, _changed(old, new, lock)))
        for old in gone:
            if not _excused(page, old.names, fresh):
                problems.append(_removed(old, lock, files.get(page, ""), by_file))
    return sorted(problems)


def match(locked: list[Guarded], current: list[Guarded]) -> tuple[list[tuple[Guarded, Guarded]], list[Guarded]]:
    """Pairs (locked, current) of the same item, and the locked items that are gone."""
    old, new = list(locked), list(current)
    pairs: list[tuple[Guarded, Guarded]] = []

    def take(before: Guarded, after: Guarded) -> None:
        pairs.append((before, after))
        old.remove(before)
        new.remove(after)

    for before in [o for o in old if o.id]:
        after = next((n for n in new if n.what == before.what and n.id == before.id), None)
        if after is not None:
            take(before, after)
    for before in list(old):
        after = next((n for n in new if n.group == before.group and n.ident == before.ident), None)
        if after is not None:
            take(before, after)
    locked_ids = {o.id for o in locked if o.id}
    for group in dict.fromkeys(o.group for o in old):
        befores = [o for o in old if o.group == group and not o.id]
        afters = [n for n in new if n.group == group and n.id not in locked_ids]
        for before, after in zip(befores, afters, strict=False):
            take(before, after)
    return pairs, old


def _fresh_entries(updates: dict[str, list[Update]], lock: Lock) -> dict[str, list[Update]]:
    """Per page, the entries that can excuse a change: dated on or after the lock, and not there when it was taken."""
    fresh = {}
    for page, entries in updates.items():
        known = Counter(lock.entries.get(page, ()))
        kept = []
        for update in entries:
            signature = _signature(update)
            if known[signature] > 0:
                known[signature] -= 1
            elif update.date >= lock.locked:
                kept.append(update)
        fresh[page] = kept
    return fresh


def _signature(update: Update) -> tuple[str, str, str]:
    return update.date.isoformat(), update.kind, update.about


def _excused(page: str, names: set[str], fresh: dict[str, list[Update]]) -> bool:
    if page == TIMELINE:
        return any(u.about in names for entries in fresh.values() for u in entries)
    return any(not u.about or u.about in names for u in fresh.get(page, ()))


def _changed(old: Guarded, new: Guarded, lock: Lock) -> str:
    before, after = shorten_pair(old.value, new.value)
    field_name = FIELDS[old.what]
    return (f'{old.describe()} was published with the {field_name} "{before}" and now has "{after}", and no update '
            f"says so: {_remedy(new, lock)}")


def _removed(old: Guarded, lock: Lock, page_file: str, by_file: dict[str, CheckedFile]) -> Problem:
    value, _ = shorten_pair(old.value, "")
    message = (f'{old.describe()} (published {FIELDS[old.what]}: "{value}") has been removed, and no update says '
               f"so: {_remedy(old, lock)}")
    file = by_file.get(page_file)
    if file is None:
        return Problem(lock.name, lock.lines.get(old.page, 0), 1 if old.page in lock.lines else 0, "", message)
    key = {"claim": "claims", "key number": "key_numbers", "event": "events"}.get(old.what, "sections")
    if old.what == "fact":
        sections = [s.id for s in file.records[0][1].get("sections", ())] if file.records else []
        key = f"sections[{sections.index(old.section)}].facts" if old.section in sections else "sections"
    line, column = file.at(key)
    return Problem(file.name, line, column, key if key in file.positions else "", message)


def _remedy(item: Guarded, lock: Lock) -> str:
    when = f"dated {lock.locked.isoformat()} or later"
    if item.page == TIMELINE:
        if not item.id:
            return f"give the event an id:, then add to an article's or topic's updates: an entry {when} naming it"
        return f"add to an article's or topic's updates: an entry {when} with about: {item.id}"
    name = item.id or (item.section if item.what == "fact" else "")
    about = f"with about: {name}" if name else "without about:"
    also = " (or without about:, for the whole page)" if name else ""
    return f"add to this page's updates: an entry {when} {about}{also}"


def _page_gone(lock: Lock, page: str, count: int) -> Problem:
    file = lock.files.get(page, "")
    return Problem(lock.name, lock.lines.get(page, 0), 1, "",
                   f"{page} was published with {count} guarded value{'s' if count != 1 else ''}, but its file "
                   f"{file} is gone: restore it, or withdraw the page on purpose with: python -m generator lock "
                   f"--withdraw {page}")


def shorten_pair(old: str, new: str, width: int = 90) -> tuple[str, str]:
    """Both values, cut around where they differ when they are long, so the change shows."""
    if max(len(old), len(new)) <= width:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    begin = max(0, start - 30)
    cut_old, cut_new = old[begin:begin + width - 30], new[begin:begin + width - 30]
    prefix = "…" if begin else ""
    return (prefix + cut_old + ("…" if begin + width - 30 < len(old) else ""),
            prefix + cut_new + ("…" if begin + width - 30 < len(new) else ""))


# Reading and writing the lock file ----------------------------------------------------------------------------


def read_lock(path: Path, name: str) -> tuple[Lock | None, list[Problem]]:
    """The lock in `path` (None when there is none yet), or a problem saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, []
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 0, 0, "", f"cannot be read ({error}): restore it from git")]
    try:
        return parse_lock(text, name), []
    except json.JSONDecodeError as error:
        return None, [Problem(name, error.lineno, error.colno, "", f"is not valid JSON ({error.msg}): the lock is "
                              "written by python -m generator lock and never by hand; restore it from git")]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return None, [Problem(name, 1, 1, "", f"is not a lock written by python -m generator lock ({error!r}): "
                              "restore it from git")]


def parse_lock(text: str, name: str) -> Lock:
    data = json.loads(text)
    if data.get("version") != VERSION:
        raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
    lock = Lock(name, dt.date.fromisoformat(data["locked"]))
    starts = {line.strip().removesuffix(" {"): number for number, line in enumerate(text.splitlines(), 1)
              if line.endswith("{") and line.startswith('    "')}
    for page, record in data["pages"].items():
        lock.values[page] = [_guarded(page, item) for item in record.get("values", ())]
        lock.files[page] = record.get("file", "")
        lock.entries[page] = [(e["date"], e["kind"], e.get("about", "")) for e in record.get("updates", ())]
        lock.removed[page] = list(record.get("removed", ()))
        lock.lines[page] = starts.get(json.dumps(page, ensure_ascii=False) + ":", 0)
    return lock


def _guarded(page: str, item: Mapping[str, str]) -> Guarded:
    what = item["what"]
    return Guarded(page, what, item.get("id", ""), item[IDENTS[what]], item[FIELDS[what]], item.get("section", ""))


def lock_text(checked: list[CheckedFile], date: dt.date, previous: Lock | None,
              withdrawn: Iterable[str] = ()) -> str:
    """The lock file for the content of `checked`, dated `date`: stable bytes for the same inputs."""
    values = guarded_values(checked)
    files = page_files(checked)
    updates = page_updates(checked)
    pages: dict[str, dict[str, Any]] = {}
    for page in sorted(set(values) | {p for p, entries in updates.items() if entries}):
        current_ids = {value.id for value in values.get(page, ()) if value.id}
        earlier = set(previous.nameable().get(page, ())) if previous and page not in set(withdrawn) else set()
        pages[page] = {
            "file": files.get(page, ""),
            "values": [value.as_json() for value in values.get(page, ())],
            "updates": [{"date": d, "kind": k, "about": a} for d, k, a in map(_signature, updates.get(page, ()))],
            "removed": sorted(earlier - current_ids),
        }
    return _format(date, pages)


def _format(date: dt.date, pages: dict[str, dict[str, Any]]) -> str:
    """JSON with one value per line, so that a change to the lock reads as a one-line diff in review."""
    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    out = ["{", f'  "about": {line(ABOUT)},', f'  "version": {VERSION},', f'  "locked": {line(date.isoformat())},',
           '  "pages": {']
    for number, (page, record) in enumerate(pages.items(), 1):
        out.append(f"    {line(page)}: {{")
        out.append(f'      "file": {line(record["file"])},')
        for key in ("values", "updates"):
            items = record[key]
            out.append(f'      "{key}": [' + ("" if items else "],"))
            out += [f"        {line(item)}{',' if n < len(items) else ''}" for n, item in enumerate(items, 1)]
            if items:
                out.append("      ],")
        out.append(f'      "removed": {line(record["removed"])}')
        out.append("    }" + ("," if number < len(pages) else ""))
    out += ["  }", "}"]
    return "\n".join(out) + "\n"


def write_lock(path: Path, text: str) -> bool:
    """Write the lock; False when it already held exactly this."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write(path, text.encode("utf-8"))
    return True
