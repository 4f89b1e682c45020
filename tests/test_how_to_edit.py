"""The "How to edit" page documents every field of schema.py, so the reference cannot drift."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from generator.model import FILE_KINDS
from generator.pipeline import Project, generate
from generator.schema import Record


@pytest.fixture(scope="module")
def page() -> str:
    return generate(Project.at(ROOT), write=False).pages["how-to-edit.md"]


def sections(page: str) -> dict[str, str]:
    """The text under each `#### … { #record-NAME }` heading, up to the next heading."""
    parts = re.split(r"^#{3,4} .*\{ #record-([a-z_]+) \}$", page, flags=re.MULTILINE)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {name: re.split(r"^#{2,4} ", body, flags=re.MULTILINE)[0] for name, body in pairs}


RECORDS = {"article", "claim", "context", "correction", "key_number", "point", "event", "topic", "section", "fact",
           "entity", "alias", "source", "term", "mirror", "question", "further", "update", "chart", "series",
           "chart_point", "story"}
"""Every kind of record an editor writes, by hand: the page must document each of them."""


def schema_records() -> dict[str, Record]:
    """Every record schema.py declares, found by walking its file kinds (the page's own walk is under test)."""
    found: dict[str, Record] = {}
    waiting = [kind.record for kind in FILE_KINDS]
    while waiting:
        record = waiting.pop()
        if found.setdefault(record.name, record) is record:
            for spec in record.fields:
                nested = spec.item.record if spec.item else spec.record
                if nested is not None and nested.name not in found:
                    waiting.append(nested)
    return found


def field_rows(body: str) -> list[str]:
    """The field names of a record's table, in order, as the page writes them (`name`)."""
    return [line.split("|")[1].strip() for line in body.splitlines() if line.startswith("| `")]


def test_the_schema_declares_the_records_we_expect() -> None:
    assert set(schema_records()) == RECORDS


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_field_is_on_the_page(page: str, name: str) -> None:
    assert name in sections(page), f"no section for {name}"
    record = schema_records()[name]
    assert set(field_rows(sections(page)[name])) == {f"`{spec.name}`" for spec in record.fields}


def test_an_entity_and_a_source_list_their_fields_in_order(page: str) -> None:
    assert field_rows(sections(page)["entity"]) == [
        "`id`", "`name`", "`kind`", "`description`", "`role`", "`aliases`", "`topics`", "`sources`", "`lat`",
        "`lon`", "`location_sources`", "`updates`"]
    assert field_rows(sections(page)["source"]) == [
        "`id`", "`title`", "`publisher`", "`kind`", "`date`", "`url`", "`via`", "`read_at`", "`archived`",
        "`accessed`", "`copy_of`", "`original_not_found`", "`fact_sheet`", "`note`"]


def test_each_field_row_says_type_requirement_help_and_example(page: str) -> None:
    assert ("| `kind` | one of person, organisation, group, place, agreement, operation, other | required | "
            "What sort of thing it is. One of: person, organisation, group, place, agreement, operation, other. | "
            "`person` |") in page
    assert ("| `date` | date YYYY-MM-DD | optional | Publication date, as YYYY-MM-DD, when known. | "
            "`2021-07-26` |") in page


def test_every_file_kind_and_folder_is_listed(page: str) -> None:
    for kind in FILE_KINDS:
        assert f"| [{kind.name}](#kind-{kind.name}) | `seeds/{kind.folder}/` |" in page


def test_the_page_has_one_section_per_record_and_no_other(page: str) -> None:
    assert set(sections(page)) == RECORDS


def test_a_field_missing_from_the_page_would_be_caught(page: str) -> None:
    without_kind = page.replace("| `kind` |", "| kind |")
    assert "`kind`" not in field_rows(sections(without_kind)["entity"])
