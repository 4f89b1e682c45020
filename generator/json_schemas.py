"""JSON Schemas for editors' YAML tooling, generated from the record declarations.

Editors' tools read them through the comment `schema_comment.py` writes at
the top of each seeds file. They are draft-07, the draft the YAML language
server supports fully, and mirror the validator: an optional key may be left
empty, a slug or a date must match the same pattern, an alias may be a plain
string or a mapping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import FILE_KINDS
from .schema import ISO_DATE, PERIOD, SLUG, Field, FileKind, Record, describe

SCHEMA_FOLDER = Path(__file__).parent / "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
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
