"""The editors' JSON Schemas: generated from schema.py, committed, and as strict as the validator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import ROOT

from generator.json_schemas import schema_texts
from generator.model import FILE_KINDS, kind_named
from generator.schema_comment import annotate

SCHEMAS = ROOT / "generator" / "schemas"
SEED_FILES = sorted((kind.name, path) for kind in FILE_KINDS
                    for path in (ROOT / "seeds" / kind.folder).glob("*.yml"))


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_editor_sees_it(value: Any) -> Any:
    """PyYAML reads an unquoted date as a date; the YAML language server reads it as text."""
    if isinstance(value, dict):
        return {key: as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def errors(kind: str, text: str) -> list[str]:
    return [error.message for error in validator(kind).iter_errors(as_editor_sees_it(yaml.safe_load(text)))]


def test_the_committed_schemas_are_the_generated_ones() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.json")}
    assert committed == schema_texts(), "run: python -m generator schemas"


def test_there_are_seed_files_to_check() -> None:
    assert {kind for kind, _ in SEED_FILES} >= {"article", "topic", "entity", "term", "source"}


@pytest.mark.parametrize(("kind", "path"), SEED_FILES, ids=[p.name for _, p in SEED_FILES])
def test_every_seed_file_is_accepted(kind: str, path: Path) -> None:
    assert errors(kind, path.read_text(encoding="utf-8")) == []


ENTITY = """entities:
  - id: {id}
    name: "Someone"
    kind: {kind}
    description: "Someone."
    aliases: ["Some One", {{name: "Sum One", garbled: true}}]
    sources: [{source}]
"""


def test_a_good_entity_with_both_alias_forms_is_accepted() -> None:
    assert errors("entity", ENTITY.format(id="someone", kind="person", source="a-source")) == []


@pytest.mark.parametrize(("kind", "text", "message"), [
    ("entity", ENTITY.format(id="Some_One", kind="person", source="a"),
     "'Some_One' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"),
    ("entity", ENTITY.format(id="someone", kind="persn", source="a"),
     "'persn' is not one of ['person', 'organisation', 'group', 'place', 'agreement', 'operation', 'other']"),
    ("entity", ENTITY.format(id="someone", kind="person", source="a") + "    colour: red\n",
     "Additional properties are not allowed ('colour' was unexpected)"),
    ("entity", "entities:\n  - id: someone\n    name: Someone\n    kind: person\n    sources: [a]\n",
     "'description' is a required property"),
    ("topic", "title: [not, text]\nsummary: S.\nsections: [{id: s, title: S, facts: [{text: T, sources: [a]}]}]\n",
     "['not', 'text'] is not of type 'string'"),
    ("source", "sources:\n  - {id: s, title: T, publisher: P, url: 'javascript:alert(1)'}\n",
     "'javascript:alert(1)' does not match '^https?://[^\\\\s/?#]+[^\\\\s]*$'"),
    ("source", "sources:\n  - {id: s, title: T, publisher: P, url: 'https://a.b', date: 26/07/2021}\n",
     "'26/07/2021' does not match '^\\\\d{4}-\\\\d{2}-\\\\d{2}$'"),
    ("article", "summary: S.\nclaims:\n  - {id: c, match: m, claim: c, verdict: true, explanation: e, sources: [a]}\n",
     "True is not one of ['accurate', 'inaccurate', 'garbled', 'unverified', 'needs-context']"),
])
def test_bad_files_are_rejected(kind: str, text: str, message: str) -> None:
    assert message in errors(kind, text)


def test_annotate_adds_the_comment_once_and_refreshes_it(tmp_path: Path) -> None:
    seeds, schemas = tmp_path / "seeds", tmp_path / "generator" / "schemas"
    (seeds / "entities").mkdir(parents=True)
    people = seeds / "entities" / "people.yml"
    people.write_text("# yaml-language-server: $schema=old.json\n# People.\nentities: []\n", encoding="utf-8")
    (seeds / "topics").mkdir()
    (seeds / "topics" / "t.yml").write_text("title: T\n", encoding="utf-8")
    assert annotate(seeds, schemas) == [seeds / "topics" / "t.yml", people]
    assert people.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../generator/schemas/entity.schema.json\n# People.\nentities: []\n")
    assert annotate(seeds, schemas) == []


def test_every_kind_has_a_schema() -> None:
    assert sorted(schema_texts()) == sorted(f"{kind.name}.schema.json" for kind in FILE_KINDS)
    assert kind_named("term").folder == "glossary"
