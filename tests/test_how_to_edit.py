"""The "How to edit" page documents every field of schema.py, so the reference cannot drift."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from generator.editor_schema import records_of
from generator.pipeline import Project, generate
from generator.schema import FILE_KINDS, Record


@pytest.fixture(scope="module")
def page() -> str:
    return generate(Project.at(ROOT), write=False).pages["how-to-edit.md"]


def sections(page: str) -> dict[str, str]:
    """The text under each `#### … { #record-NAME }` heading, up to the next heading."""
    parts = re.split(r"^#{3,4} .*\{ #record-([a-z_]+) \}$", page, flags=re.MULTILINE)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {name: re.split(r"^#{2,4} ", body, flags=re.MULTILINE)[0] for name, body in pairs}


def every_record() -> list[Record]:
    records: dict[str, Record] = {}
    for kind in FILE_KINDS:
        records.update(records_of(kind.record))
    return list(records.values())


@pytest.mark.parametrize("record", every_record(), ids=lambda r: r.name)
def test_every_field_is_on_the_page(page: str, record: Record) -> None:
    body = sections(page).get(record.name, "")
    rows = {line.split("|")[1].strip() for line in body.splitlines() if line.startswith("| `")}
    assert rows == {f"`{spec.name}`" for spec in record.fields}


def test_each_field_row_says_type_requirement_help_and_example(page: str) -> None:
    assert ("| `kind` | one of person, organisation, group, place, agreement, operation, other | required | "
            "What sort of thing it is. One of: person, organisation, group, place, agreement, operation, other. | "
            "`person` |") in page
    assert ("| `date` | date YYYY-MM-DD | optional | Publication date, as YYYY-MM-DD, when known. | "
            "`2021-07-26` |") in page


def test_every_file_kind_and_folder_is_listed(page: str) -> None:
    for kind in FILE_KINDS:
        assert f"| [{kind.name}](#kind-{kind.name}) | `seeds/{kind.folder}/` |" in page


def test_the_nested_sections_parser_finds_all_records(page: str) -> None:
    assert len(sections(page)) == len(every_record()) == 14


def test_a_new_field_missing_from_the_page_would_be_caught(page: str) -> None:
    without_kind = page.replace("| `kind` |", "| kind |")
    body = sections(without_kind)["entity"]
    assert "`kind`" not in {line.split("|")[1].strip() for line in body.splitlines() if line.startswith("| `")}
