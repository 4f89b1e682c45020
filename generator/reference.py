"""The field reference of the "How to edit" page, read from the record declarations.

The page is a template (`templates/how-to-edit.md.j2`); this module gives it
each kind of file with the records it introduces, and the words for each
field's type, so the page documents exactly the fields the validator checks.
"""

from __future__ import annotations

from typing import Any

import yaml

from .json_schemas import schema_name
from .model import FILE_KINDS
from .schema import ISO_DATE, TYPE_WORDS, Field, FileKind, Record, describe


def field_type(spec: Field) -> str:
    """The type of a field in words, for the "How to edit" page (Markdown, records linked)."""
    if spec.type == "list":
        assert spec.item is not None
        return f"list of {field_type(spec.item)}"
    if spec.type == "record":
        assert spec.record is not None
        words = f"[{spec.record.name}](#record-{spec.record.name})"
        return f"{words} or text" if spec.shorthand else words
    return TYPE_WORDS[spec.type].name.format(ref=spec.ref, choices=", ".join(spec.choices))


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
    """What templates/how-to-edit.md.j2 needs: the field reference, straight from the record declarations."""
    return {"reference": reference(), "field_type": field_type, "describe": describe, "flow": flow,
            "schema_name": schema_name}
