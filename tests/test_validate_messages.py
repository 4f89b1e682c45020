"""The validator's messages, one file at a time: each kind of mistake is named in the editor's words, at its place.

The named scenarios in tests/cases/bad/ run the whole command line; these run `check_file` on one small file, so
that every value type's wording is pinned (found missing by mutation testing).
"""

from __future__ import annotations

import pytest

from generator.errors import Problem
from generator.schema import kind_named
from generator.validate import check_file
from generator.yamlfile import parse_yaml

SOURCE = "sources:\n  - id: {id}\n    title: T\n    publisher: P\n    url: {url}\n    date: {date}\n"


def problems(kind: str, text: str) -> list[str]:
    found: list[Problem] = []
    tree = parse_yaml(text)
    assert tree is not None
    check_file("seeds/x.yml", kind_named(kind), tree, found)
    return [str(problem) for problem in found]


@pytest.mark.parametrize(("fields", "expected"), [
    ({"id": "[a]", "url": "https://a.example", "date": "2021-07-26"},
     "seeds/x.yml:2:9: sources[0].id: expected an id, got a list"),
    ({"id": "a", "url": "{u: 1}", "date": "2021-07-26"},
     "seeds/x.yml:5:10: sources[0].url: expected a web address, got a mapping"),
    ({"id": "a", "url": "https://a.example", "date": "[2021]"},
     "seeds/x.yml:6:11: sources[0].date: expected a date, got a list"),
])
def test_a_list_or_mapping_where_a_value_belongs_names_the_value_expected(fields: dict[str, str],
                                                                          expected: str) -> None:
    assert problems("source", SOURCE.format(**fields)) == [expected]


def test_a_boolean_an_integer_and_a_reference_name_what_they_expect() -> None:
    text = ("title: T\norder: [1]\nsummary: S.\nsections:\n  - id: s\n    title: S\n    facts:\n"
            "      - text: F.\n        sources: [{a: b}]\n        unverified: {x: y}\n")
    assert problems("topic", text) == [
        "seeds/x.yml:2:8: order: expected a whole number, got a list",
        "seeds/x.yml:9:19: sections[0].facts[0].sources[0]: expected an id, got a mapping",
        "seeds/x.yml:10:21: sections[0].facts[0].unverified: expected true or false, got a mapping",
    ]


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("source", "sources:\n  - just text\n",
     'seeds/x.yml:2:5: sources[0]: expected a mapping of keys for a source, got text "just text"'),
    ("entity", "entities:\n  - just text\n",
     'seeds/x.yml:2:5: entities[0]: expected a mapping of keys for an entity, got text "just text"'),
    ("event", "events:\n  - [a]\n", "seeds/x.yml:2:5: events[0]: expected a mapping of keys for an event, got a list"),
])
def test_a_record_that_is_not_a_mapping_is_named_with_its_article(kind: str, text: str, expected: str) -> None:
    assert problems(kind, text) == [expected]


def test_scalars_of_the_wrong_kind_say_how_yaml_read_them() -> None:
    text = ("title: T\norder: 1.5\nsummary: S.\nsections:\n  - id: s\n    title: S\n    facts:\n"
            "      - text: F.\n        sources: [a]\n        unverified: yes\n")
    assert problems("topic", text) == [
        'seeds/x.yml:2:8: order: expected a whole number written with digits only, got "1.5"',
        'seeds/x.yml:10:21: sections[0].facts[0].unverified: expected true or false, got "yes"',
    ]


def test_true_and_false_are_read_as_booleans() -> None:
    text = ("title: T\nsummary: S.\nsections:\n  - id: s\n    title: S\n    facts:\n"
            "      - text: F.\n        sources: [a]\n        unverified: false\n"
            "      - text: G.\n        sources: [a]\n        unverified: true\n")
    assert problems("topic", text) == []
