"""Starter files for editors: `python -m generator new article|topic|entity|source|term ID`.

A starter passes `check` the moment it is written, so an editor starts from
a working file: every value still to be written says TODO (and `check`
warns about it), each key carries its help from `schema.py` as a comment,
and every id it cites already exists. A record that must cite a source
cites the project's first source until the editor names the right one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GeneratorError, relative
from .load import load_seeds
from .model import kind_named
from .pipeline import Project
from .reference import flow
from .schema import SLUG, SLUG_RULE, Field, FileKind, Record, describe
from .schema_comment import schema_comment
from .validate import check_file

CHOICES = ("article", "topic", "entity", "source", "term", "chart")
SCHEMAS = "generator/schemas"
"""Where the editors' JSON Schemas are, relative to the project root."""


class ScaffoldError(GeneratorError):
    """The starter cannot be written (bad id, or the file or id exists already)."""


@dataclass
class Starter:
    """What `new` writes, and what the editor should know about it."""

    files: dict[Path, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def new(project: Project, kind_name: str, id: str) -> Starter:
    """The files for a new record, after checking that nothing is in the way; nothing is written here."""
    if not SLUG.match(id):
        raise ScaffoldError(f'"{id}" is not a valid id: {SLUG_RULE}')
    known = known_ids(project)
    if id in known.get(kind_name, {}):
        raise ScaffoldError(f'{kind_name} "{id}" already exists in {known[kind_name][id]}: edit it there, '
                            'or choose another id')
    starter = Starter()
    sources = list(known.get("source", {}))
    if kind_name in ("entity", "topic", "term", "chart") and not sources:
        sources = [f"{id}-source"]
        _add(starter, project, "source", sources[0], {})
        starter.notes.append(f'the project has no source yet, so a stub source "{sources[0]}" was added too')
    elif kind_name in ("entity", "topic", "term", "chart"):
        starter.notes.append(f'it cites the source "{sources[0]}" as a placeholder: replace it with the ids of '
                             'the sources that back it')
    _add(starter, project, kind_name, id, {**{k: list(v) for k, v in known.items()}, "source": sources})
    in_the_way = [path for path in starter.files if path.exists()]
    if in_the_way:
        raise ScaffoldError(f"{relative(in_the_way[0], project.root)} already exists: edit it, or choose another id")
    return starter


def write(starter: Starter) -> None:
    for path, text in starter.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as stream:
            stream.write(text)


def known_ids(project: Project) -> dict[str, dict[str, str]]:
    """Every id defined in `seeds/`, by kind, with the file that defines it (in reading order)."""
    loaded = load_seeds(project.seeds, project.root)
    ids: dict[str, dict[str, str]] = {"article": {stem: seed.name for stem, (seed, _) in loaded.texts.items()}}
    for seed, tree in loaded.documents:
        for id, _ in check_file(seed.name, seed.kind, tree, []).defined_ids():
            ids.setdefault(seed.kind.name, {}).setdefault(id, seed.name)
    return ids


def _add(starter: Starter, project: Project, kind_name: str, id: str, ids: dict[str, list[str]]) -> None:
    kind = kind_named(kind_name)
    path = project.seeds / kind.folder / f"{id}.yml"
    values = starter_values(kind.record, id, ids)
    if kind_name == "article":
        values = {"summary": values["summary"]}
        starter.files[path.with_suffix(".txt")] = article_text(id)
    if kind_name == "chart":
        values = chart_values(id, ids)
    starter.files[path] = yaml_file(kind, path, values, ids, project.root / SCHEMAS)


def starter_values(record: Record, id: str, ids: dict[str, list[str]], nested: bool = False) -> dict[str, Any]:
    """Values for the required keys of a new record: the id, a name made from it, TODO for the rest."""
    words = id.replace("-", " ")
    named = {"name": words.title(), "title": words.title() if record.name == "topic" else None,
             "term": id.upper() if "-" not in id else words, "summary": "TODO: " + _help(record, "summary")}
    values: dict[str, Any] = {}
    for spec in record.fields:
        if spec.name in named and named[spec.name] and not nested:
            values[spec.name] = named[spec.name]
        elif spec.required:
            values[spec.name] = _value(spec, id if not nested else f"{record.name}-1", ids)
    return values


def chart_values(id: str, ids: dict[str, list[str]]) -> dict[str, Any]:
    """A chart with one dated point: a point needs a date and a value, which the schema alone cannot say."""
    point = {"date": "2021-07-26", "value": 0, "note": "TODO: replace the date, the value and this note",
             "sources": [ids["source"][0]]}
    return {"title": id.replace("-", " ").title(), "units": "TODO: what the numbers count", "kind": "line",
            "series": [{"name": "TODO: what this series counts", "points": [point]}]}


def _help(record: Record, name: str) -> str:
    spec = record.field(name)
    return spec.help if spec else ""


def _value(spec: Field, id: str, ids: dict[str, list[str]]) -> Any:
    if spec.type == "list":
        assert spec.item is not None
        item = spec.item
        if item.record is not None:
            return [starter_values(item.record, id, ids, nested=True)]
        return [_value(item, id, ids)]
    if spec.type == "slug":
        return id
    if spec.type == "ref":
        return ids[spec.ref][0] if ids.get(spec.ref) else spec.example
    if spec.type == "url":
        return f"https://example.com/TODO/{id}"
    if spec.type in ("text", "markdown"):
        return f"TODO: {spec.help}"
    return spec.example


def yaml_file(kind: FileKind, path: Path, values: dict[str, Any], ids: dict[str, list[str]], schemas: Path) -> str:
    lines = [schema_comment(path.resolve(), kind, schemas.resolve()), f"# {kind.help}",
             "# Each key is explained above it; the \"How to edit\" page of the site lists them all.",
             "# Replace every TODO, then run: python -m generator check", ""]
    body = record_lines(kind.record, values, 4 if kind.list_key else 0, ids)
    if kind.list_key:
        lines += [f"{kind.list_key}:", *_as_item(body, 2)]
    else:
        lines += body
    return "\n".join(lines) + "\n"


def record_lines(record: Record, values: dict[str, Any], indent: int, ids: dict[str, list[str]],
                 helps: bool = True) -> list[str]:
    """A record as YAML: set keys written out, optional ones commented out with an example."""
    pad = " " * indent
    lines = []
    for spec in record.fields:
        if helps:
            lines.append(f"{pad}# {describe(spec)}{'' if spec.required else ' (optional)'}")
        if spec.name in values:
            lines += field_lines(spec, values[spec.name], indent, ids, helps)
            continue
        example = spec.example
        if spec.type == "list" and spec.item is not None and spec.item.record is not None and example is None:
            example = [_example(spec.item.record, ids)]
        lines += [f"{pad}# {line[indent:]}" for line in field_lines(spec, example, indent, ids, False)]
    return lines


def field_lines(spec: Field, value: Any, indent: int, ids: dict[str, list[str]], helps: bool) -> list[str]:
    pad = " " * indent
    item = spec.item
    records = isinstance(value, list) and all(isinstance(element, dict) for element in value)
    if spec.type == "list" and item is not None and item.record is not None and records:
        lines = [f"{pad}{spec.name}:"]
        for element in value:
            lines += _as_item(record_lines(item.record, element, indent + 4, ids, helps), indent + 2)
        return lines
    return [f"{pad}{spec.name}: {flow(value)}"]


def _as_item(lines: list[str], indent: int) -> list[str]:
    """Record lines (indented `indent + 2`) as one list entry: the first key gets the dash."""
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    head = [line[2:] for line in lines[:first]]
    return [*head, " " * indent + "- " + lines[first][indent + 2:], *lines[first + 1:]]


def _example(record: Record, ids: dict[str, list[str]]) -> dict[str, Any]:
    example: dict[str, Any] = {}
    for spec in record.fields:
        if spec.required:
            example[spec.name] = _value(spec, "", ids) if spec.type in ("list", "ref") else spec.example
    return example


def article_text(id: str) -> str:
    date = id[:10] if len(id) > 10 and id[4] == "-" and id[7] == "-" and id[:4].isdigit() else ""
    lines = [date, "TODO: Outlet name", "TODO: The headline | Section",
             "TODO: Replace this text with the article exactly as it was published: the date line, the outlet's "
             "name, the headline, then the paragraphs, separated by blank lines.",
             f"Keep the words as they are, mistakes included: corrections, claims and links to topics go in the "
             f"sidecar file {id}.yml beside this one."]
    return "\n\n".join(line for line in lines if line) + "\n"
