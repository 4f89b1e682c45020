"""The command `python -m generator suggest ARTICLE`: the editor's assistant, as a report or as JSON.

It reads an article as received against the entities in `seeds/entities/`
(see `review.py`) and prints what it found. With `--apply` it adds the
variants scoring `APPLY_MIN` or more to their entities' aliases as garbled,
with `--accept` any other name the editor has reviewed, then checks the
project; if the check fails, every file it changed is put back.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .aliases import Accepted, Outcome, add_aliases
from .article import FORMATS as ARTICLE_FORMATS
from .article import ArticleTextError, parse_article
from .errors import GeneratorError, InputError, Problem, relative
from .load import decode, load_seeds
from .match import APPLY_MIN, Verdict
from .model import Entity
from .pipeline import Project, check
from .review import Dates, NameFound, Reader, Suggestions, alias_line
from .validate import check_file
from .yamlfile import YAMLFileError, parse_yaml

FORMATS = ("text", "json")
STATUS_ORDER = ("variant", "known", "new")


class SuggestError(GeneratorError):
    """The article cannot be read, or an accepted name names no candidate."""


def run_suggest(project: Project, article: Path, format: str, apply: bool, accept: list[str]) -> int:
    """Print the suggestions for `article`; with `apply` or `accept`, write the accepted aliases. 1 on failure."""
    entities, files = load_entities(project)
    shown = relative(article, project.root)
    raw, problem = decode(article, shown, article=True)  # as the build reads it: the same encodings, the same errors
    if raw is None:
        raise SuggestError(str(problem))
    if problem:
        print(f"warning: {problem}", file=sys.stderr)
    raw = readable_text(raw, article.suffix, shown)
    suggestions = Reader(entities).read(shown, raw, sidecar_dates(article))
    print(as_json(suggestions) if format == "json" else as_text(suggestions, files), end="")
    if not (apply or accept):
        return 0
    chosen = accepted(suggestions, apply, accept, {e.id for e in entities})
    owners = {name: e.id for e in entities for name in (e.name, *(a.name for a in e.aliases))}
    backups = {path: path.read_bytes() for _, path in files.values()}
    outcomes = add_aliases(chosen, files, owners)
    out = sys.stderr if format == "json" else sys.stdout
    print(applied(outcomes), end="", file=out)
    problems = _check(project)
    if problems:
        for path, data in backups.items():
            path.write_bytes(data)
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        print("the check failed after adding the aliases: every file was put back as it was", file=sys.stderr)
        return 1
    if any(o.added for o in outcomes):
        print("check: ok", file=out)
    return 0


def readable_text(raw: str, suffix: str, shown: str) -> str:
    """The text to read: a plain-text article as received; a web page or a Markdown export as the parser reads it
    (headline and paragraphs, one per block), so lines and columns then count in that text, as `show` prints it."""
    if ARTICLE_FORMATS.get(suffix.lower(), "text") == "text":
        return raw
    try:
        parsed = parse_article(raw, suffix)
    except ArticleTextError as error:
        raise SuggestError(f"{shown}:{error.line}:{error.column}: {error}") from None
    return "\n\n".join([parsed.title, *(block.text for block in parsed.blocks)]) + "\n"


def load_entities(project: Project) -> tuple[list[Entity], dict[str, tuple[str, Path]]]:
    """Every entity, and the file each is written in (shown, path); `InputError` if an entity file is broken."""
    loaded = load_seeds(project.seeds, project.root)
    folder = relative(project.seeds / "entities", project.root) + "/"
    problems = [p for p in loaded.problems if p.file.startswith(folder)]
    entities: list[Entity] = []
    files: dict[str, tuple[str, Path]] = {}
    for seed, tree in loaded.documents:
        if seed.kind.name == "entity":
            for _, entity in check_file(seed.name, seed.kind, tree, problems).records:
                entities.append(entity)
                files.setdefault(entity.id, (seed.name, seed.path))
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    return entities, files


def sidecar_dates(article: Path) -> Dates:
    """The page and event dates the article's sidecar sets, if it has one that can be read."""
    sidecar = article.with_suffix(".yml")
    try:
        tree = parse_yaml(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else None
    except (OSError, UnicodeDecodeError, YAMLFileError):
        return Dates()
    if tree is None or tree.kind != "map":
        return Dates()
    found = {}
    for key in ("page_date", "event_date"):
        node = tree.items.get(key)
        if node is not None and node.kind == "scalar":
            try:
                found[key] = dt.date.fromisoformat(node.text.strip())
            except ValueError:
                continue
    return Dates(found.get("page_date"), found.get("event_date"))


def accepted(suggestions: Suggestions, apply: bool, accept: Iterable[str], ids: set[str]) -> list[Accepted]:
    """The variants `--apply` takes, and the names `--accept` names ("NAME" or "NAME=ENTITY-ID")."""
    chosen = [Accepted(n.verdict.entity, n.printed) for n in suggestions.names
              if apply and n.verdict.status == "variant" and n.verdict.entity and n.verdict.score >= APPLY_MIN]
    by_printed = {n.printed: n.verdict for n in suggestions.names}
    for request in accept:
        printed, _, entity = request.partition("=")
        printed, entity = printed.strip(), entity.strip()
        verdict = by_printed.get(printed)
        if verdict is None:
            raise SuggestError(f'"{printed}" is not a name found in the article (names are matched as printed)')
        entity = entity or (verdict.candidates[0].entity if verdict.candidates else "")
        if entity not in ids:
            raise SuggestError(f'"{printed}": no entity to accept it for; write --accept "{printed}=ENTITY-ID"')
        chosen.append(Accepted(entity, printed))
    return list(dict.fromkeys(chosen))


def _check(project: Project) -> list[Problem]:
    """The errors `check` finds in the whole project (warnings aside)."""
    return [p for p in check(project).problems if p.severity == "error"]


def as_json(suggestions: Suggestions) -> str:
    """The suggestions in the documented JSON shape, for other tools."""
    data: dict[str, Any] = {
        "article": suggestions.article,
        "names": [{"printed": n.printed, "line": n.line, "column": n.column, "status": n.verdict.status,
                   "entity": n.verdict.entity, "score": n.verdict.score,
                   "candidates": [{"entity": c.entity, "score": c.score} for c in n.verdict.candidates]}
                  for n in suggestions.names],
        "claims": [{"line": c.line, "column": c.column, "text": c.text, "why": c.why} for c in suggestions.claims],
        "dates": [{"line": d.line, "column": d.column, "text": d.text, "date": d.date, "why": d.why}
                  for d in suggestions.dates],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_text(suggestions: Suggestions, files: dict[str, tuple[str, Path]]) -> str:
    """The suggestions for people: variants first, each with the YAML that accepts it."""
    groups: dict[str, dict[str, list[NameFound]]] = {status: {} for status in STATUS_ORDER}
    for name in suggestions.names:
        groups[name.verdict.status].setdefault(name.printed, []).append(name)
    counts = ", ".join(f"{len(groups[s])} {label}" for s, label in
                       (("known", "known"), ("variant", "variants"), ("new", "new")))
    lines = [f"{suggestions.article}: {len(groups['known']) + len(groups['variant']) + len(groups['new'])} "
             f"names ({counts}), {len(suggestions.claims)} claims, {len(suggestions.dates)} dates", ""]
    lines += _section("Variants: likely misspellings of a known entity. Review each: --apply adds those "
                      f"scoring {APPLY_MIN} or more as garbled aliases, --accept \"NAME\" any other.",
                      [line for found in groups["variant"].values() for line in _variant(found, files)])
    lines += _section("Known: names and aliases of entities.",
                      [f"  {_place(found)}  {found[0].printed} → {found[0].verdict.entity}{_times(found)}"
                       for found in groups["known"].values()])
    lines += _section("New: no entity matches (to add one: python -m generator new entity ID).",
                      [f"  {_place(found)}  {found[0].printed}{_times(found)}{_near(found[0].verdict)}"
                       for found in groups["new"].values()])
    lines += _section("Claims: sentences with a checkable statement, candidates for the sidecar's claims.",
                      [f"  {c.line}:{c.column}  {c.why}\n      {c.text}" for c in suggestions.claims])
    lines += _section("Dates: as read, and why.",
                      [f"  {d.line}:{d.column}  {d.text} → {d.date or '?'}: {d.why}" for d in suggestions.dates])
    return "\n".join(lines) + "\n"


def _section(title: str, body: list[str]) -> list[str]:
    return [title, *(body or ["  none"]), ""]


def _variant(found: list[NameFound], files: dict[str, tuple[str, Path]]) -> list[str]:
    verdict = found[0].verdict
    best, others = verdict.candidates[0], verdict.candidates[1:4]
    also = "; also " + ", ".join(f"{c.entity} {c.score}" for c in others) if others else ""
    where = files.get(best.entity, ("seeds/entities/", Path()))[0]
    return [f"  {_place(found)}  {found[0].printed}{_times(found)}",
            f"      → {best.entity}, score {best.score}, like “{best.form}”{also}",
            f"      accept: in {where}, under {best.entity}, aliases: - {alias_line(found[0].printed)}"]


def _place(found: list[NameFound]) -> str:
    return f"{found[0].line}:{found[0].column}".ljust(7)


def _times(found: list[NameFound]) -> str:
    return f" ({len(found)} times)" if len(found) > 1 else ""


def _near(verdict: Verdict) -> str:
    if verdict.note:
        return f": {verdict.note}"
    return f" (closest: {verdict.candidates[0].entity}, {verdict.candidates[0].score})" if verdict.candidates else ""


def applied(outcomes: list[Outcome]) -> str:
    """One line per accepted name: added to which file, or why not."""
    if not outcomes:
        return f"apply: no variant scores {APPLY_MIN} or more; accept others with --accept \"NAME\"\n"
    lines = []
    for outcome in outcomes:
        item = outcome.accepted
        if outcome.added:
            lines.append(f"added to {outcome.file}: {item.entity}, aliases: - {alias_line(item.printed)}")
        else:
            lines.append(f'not added: "{item.printed}" for {item.entity}: {outcome.reason}')
    return "\n".join(lines) + "\n"
