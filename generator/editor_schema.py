"""JSON Schemas for editors, generated from `schema.py`, and the comment that points a file at its schema.

The YAML language server (VS Code's YAML extension and others) reads the
first-line comment `# yaml-language-server: $schema=…` and then completes
keys, shows each field's help and flags mistakes while the editor types.
The schemas are draft-07, the draft that server supports fully. They mirror
the validator: an optional key may be left empty, a slug or a date must
match the same pattern, an alias may be a plain string or a mapping.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from .schema import FILE_KINDS, Field, FileKind, Record
from .validate import ISO_DATE, PERIOD, SLUG

SCHEMA_FOLDER = Path(__file__).parent / "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
COMMENT_PREFIX = "# yaml-language-server:"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"

SCALARS: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "pattern": r"\S"},
    "markdown": {"type": "string", "pattern": r"\S"},
    "slug": {"type": "string", "pattern": SLUG.pattern},
    "ref": {"type": "string", "pattern": SLUG.pattern},
    "url": {"type": "string", "format": "uri", "pattern": URL_PATTERN},
    "date": {"type": "string", "format": "date", "pattern": ISO_DATE.pattern},
    "period": {"type": ["string", "integer"], "pattern": PERIOD.pattern},
    "bool": {"type": "boolean"},
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "choice": {"type": "string"},
}


def schema_name(kind: FileKind) -> str:
    return f"{kind.name}.schema.json"


def file_schema(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema of one kind of file in `seeds/`."""
    if kind.list_key:
        body: dict[str, Any] = {
            "type": "object",
            "properties": {kind.list_key: {
                "type": "array", "description": f"The {kind.record.name} entries of this file.",
                "items": record_schema(kind.record)}},
            "required": [kind.list_key],
            "additionalProperties": False,
        }
    else:
        body = record_schema(kind.record)
    return {"$schema": DRAFT, "title": f"{kind.name} file (seeds/{kind.folder}/)",
            "description": f"{kind.help} {kind.record.help}", **body}


def record_schema(record: Record) -> dict[str, Any]:
    return {
        "type": "object",
        "description": record.help,
        "properties": {spec.name: field_schema(spec) for spec in record.fields},
        "required": [spec.name for spec in record.fields if spec.required],
        "additionalProperties": False,
    }


def field_schema(spec: Field, *, top: bool = True) -> dict[str, Any]:
    """A field's schema; an optional field may also be left empty, as the validator allows."""
    schema: dict[str, Any] = {"description": describe(spec)}
    if spec.type == "list":
        assert spec.item is not None
        schema.update(type="array", items=field_schema(spec.item, top=False))
        if spec.min_items:
            schema["minItems"] = spec.min_items
    elif spec.type == "record":
        assert spec.record is not None
        schema.update(record_schema(spec.record), description=describe(spec))
        if spec.shorthand:
            shorthand = field_schema(spec.record.field(spec.shorthand) or spec, top=False)
            schema = {"description": describe(spec), "anyOf": [shorthand, schema]}
    else:
        schema.update(SCALARS[spec.type])
        if spec.choices:
            schema["enum"] = list(spec.choices)
    if spec.example not in (None, ""):
        schema["examples"] = [spec.example]
    if top and not spec.required and "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*types, "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return schema


def describe(spec: Field) -> str:
    """The field's help, with what its value must look like."""
    extra = {
        "slug": "Lowercase letters, digits and single hyphens, like mosul-2014.",
        "ref": f"The id of an existing {spec.ref}.",
        "url": "A web address starting with http:// or https://.",
        "date": "Written YYYY-MM-DD.",
        "markdown": "Markdown is allowed (no HTML).",
        "choice": "One of: " + ", ".join(spec.choices) + ".",
    }.get(spec.type, "")
    if spec.type == "record" and spec.shorthand:
        extra = f"A plain string stands for its {spec.shorthand}."
    if any(word in spec.help for word in ("Markdown", "YYYY", "http", "hyphens")):
        extra = ""
    return f"{spec.help} {extra}".strip()


def schema_texts() -> dict[str, str]:
    """Every schema file: {file name: JSON text}, stable so that the committed files can be compared."""
    return {schema_name(kind): json.dumps(file_schema(kind), indent=2, ensure_ascii=False) + "\n"
            for kind in FILE_KINDS}


def write_schemas(folder: Path = SCHEMA_FOLDER) -> list[str]:
    """Write the schemas into `folder`; returns the names of the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def schema_comment(path: Path, kind: FileKind, schemas: Path = SCHEMA_FOLDER) -> str:
    """The first line that points the YAML file at `path` to its schema, by a relative path."""
    relative = Path(os.path.relpath(schemas / schema_name(kind), path.parent)).as_posix()
    return f"{COMMENT_PREFIX} $schema={relative}"


def with_schema_comment(text: str, comment: str) -> str:
    """`text` starting with `comment`, replacing an earlier yaml-language-server line; idempotent."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and lines[0].startswith(COMMENT_PREFIX):
        lines = lines[1:]
    return comment + newline + "".join(lines)


def annotate(seeds: Path, schemas: Path = SCHEMA_FOLDER) -> list[Path]:
    """Add or refresh the schema comment in every YAML file under `seeds`; returns the files changed."""
    changed = []
    for kind in FILE_KINDS:
        folder = seeds / kind.folder
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else ():
            if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
                continue
            text = path.read_text(encoding="utf-8")
            updated = with_schema_comment(text, schema_comment(path.resolve(), kind, schemas.resolve()))
            if updated != text:
                path.write_text(updated, encoding="utf-8", newline="")
                changed.append(path)
    return changed


def field_type(spec: Field) -> str:
    """The type of a field in words, for the "How to edit" page (Markdown, records linked)."""
    if spec.type == "list":
        assert spec.item is not None
        return f"list of {field_type(spec.item)}"
    if spec.type == "record":
        assert spec.record is not None
        words = f"[{spec.record.name}](#record-{spec.record.name})"
        return f"{words} or text" if spec.shorthand else words
    if spec.type == "choice":
        return "one of " + ", ".join(spec.choices)
    return {"text": "text", "markdown": "Markdown", "slug": "id", "ref": f"{spec.ref} id", "url": "web address",
            "date": "date YYYY-MM-DD", "period": "date YYYY-MM-DD, YYYY-MM or YYYY", "bool": "true or false",
            "int": "whole number", "number": "number"}[spec.type]


def records_of(record: Record, seen: dict[str, Record] | None = None) -> dict[str, Record]:
    """`record` and every record nested in it, in reading order, each once."""
    seen = {} if seen is None else seen
    seen.setdefault(record.name, record)
    for spec in record.fields:
        inner = spec.item if spec.type == "list" else spec
        if inner is not None and inner.record is not None and inner.record.name not in seen:
            records_of(inner.record, seen)
    return seen



def reference() -> list[tuple[FileKind, list[Record]]]:
    """Each file kind with the records it introduces (a record shared by kinds appears under the first)."""
    seen: set[str] = set()
    kinds = []
    for kind in FILE_KINDS:
        records = [record for name, record in records_of(kind.record).items() if name not in seen]
        seen.update(record.name for record in records)
        kinds.append((kind, records))
    return kinds


def flow(value: Any) -> str:
    """A value in YAML's one-line form."""
    if value is None or value == "":
        return '""'
    if isinstance(value, str) and ISO_DATE.match(value):
        return value
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def reference_context() -> dict[str, Any]:
    """What templates/how-to-edit.md.j2 needs: the field reference, straight from `schema.py`."""
    return {"reference": reference(), "field_type": field_type, "describe": describe, "flow": flow,
            "schema_name": schema_name}
