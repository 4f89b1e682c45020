"""The validator's messages, one file at a time: each kind of mistake is named in the editor's words, at its place.

The named scenarios in tests/cases/bad/ run the whole command line; these run `check_file` on one small file, so
that every value type's wording is pinned (found missing by mutation testing).
"""

from __future__ import annotations

import pytest

from generator.errors import Problem
from generator.model import kind_named
from generator.validate import CheckedFile, check_file
from generator.yamlfile import parse_yaml

SOURCE = "sources:\n  - id: {id}\n    title: T\n    publisher: P\n    url: {url}\n    date: {date}\n    kind: wire\n"


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


def test_a_position_falls_back_to_the_nearest_written_parent_then_to_the_first_line() -> None:
    file = CheckedFile("seeds/x.yml", kind_named("topic"), positions={"": (1, 1), "sections": (4, 1),
                                                                      "sections[0]": (5, 5), "sections[0].id": (5, 9)})
    assert file.at("sections[0].id") == (5, 9)
    assert file.at("sections[0].facts[2].text") == (5, 5)
    assert file.at("sections[3]") == (4, 1)
    assert file.at("title") == (1, 1)
    assert CheckedFile("seeds/y.txt", kind_named("article")).at("claims[0].match") == (1, 1)


def test_a_reference_that_is_not_an_id_is_reported_at_its_key() -> None:
    text = "entities:\n  - id: a\n    name: A\n    kind: person\n    description: D.\n    sources: [Bad_Id]\n"
    assert problems("entity", text) == [
        'seeds/x.yml:6:15: entities[0].sources[0]: "Bad_Id" is not a valid id: use lowercase letters, digits and '
        'single hyphens, like "mosul-2014"']


def test_empty_text_is_reported_where_it_stands() -> None:
    text = 'entities:\n  - id: a\n    name: "  "\n    kind: person\n    description: D.\n    sources: [s]\n'
    assert problems("entity", text) == ["seeds/x.yml:3:11: entities[0].name: must not be empty"]


@pytest.mark.parametrize("link", ["https://a.example/x", "http://a.example/x", "mailto:desk@a.example",
                                  "../topics/x.md", "#section"])
def test_markdown_links_to_the_web_mail_or_a_relative_place_are_allowed(link: str) -> None:
    text = ("title: T\nsummary: S.\nsections:\n  - id: s\n    title: S\n    facts:\n"
            f'      - text: "See [this]({link})."\n        sources: [a]\n')
    assert problems("topic", text) == []


def test_a_markdown_link_with_another_scheme_is_refused_where_it_stands() -> None:
    text = ("title: T\nsummary: S.\nsections:\n  - id: s\n    title: S\n    facts:\n"
            '      - text: "See [this](ftp://a.example/x)."\n        sources: [a]\n')
    assert problems("topic", text) == [
        'seeds/x.yml:7:15: sections[0].facts[0].text: the link to "ftp://a.example/x" is not a web address: links '
        "must start with http:// or https://, or be relative"]


CHART = ("title: T\nunits: seats\nkind: bar\nseries:\n  - name: S\n    points:\n"
         "      - label: a\n        value: {first}\n        sources: [s]\n"
         "      - label: b\n        value: {second}\n        sources: [s]\n")


def test_a_whole_figure_stays_whole_and_a_decimal_stays_decimal() -> None:
    """17 seats is shown as 17, never 17.0: the type the validator gives is the type the page prints."""
    tree = parse_yaml(CHART.format(first="17", second="-2.5"))
    assert tree is not None
    found: list[Problem] = []
    checked = check_file("seeds/x.yml", kind_named("chart"), tree, found)
    assert found == []
    points = checked.records[0][1]["series"][0].points
    assert [(repr(point.value), type(point.value)) for point in points] == [("17", int), ("-2.5", float)]


def test_a_word_where_a_figure_belongs_gets_no_hint() -> None:
    assert problems("chart", CHART.format(first="many", second="2")) == [
        'seeds/x.yml:8:16: series[0].points[0].value: expected a number, got "many"']


def located(kind: str, text: str) -> list[tuple[str, str]]:
    """Each problem as printed, with the key it names (empty for the file as a whole)."""
    found: list[Problem] = []
    tree = parse_yaml(text)
    assert tree is not None
    check_file("seeds/x.yml", kind_named(kind), tree, found)
    return [(str(problem), problem.key) for problem in found]


def test_a_list_file_without_its_key_or_as_a_bare_list_is_located_at_its_start() -> None:
    assert located("entity", "people:\n  - id: a\n") == [
        ('seeds/x.yml:1:1: people: unknown key "people": this file holds only "entities:"', "people"),
        ('seeds/x.yml:1:1: missing the key "entities:" holding the list', "")]
    assert located("entity", "- id: a\n") == [
        ('seeds/x.yml:1:1: expected "entities:" followed by the list, got a list: start the file with the line '
         '"entities:"', "")]


def test_a_control_character_is_located_in_every_kind_of_text() -> None:
    entity = ('entities:\n  - id: a\n    name: A\n    kind: person\n    description: "Desc\\u0001ription."\n'
              '    aliases: ["Bad\\u0001name"]\n    sources: [s]\n')
    assert located("entity", entity) == [
        ("seeds/x.yml:5:18: entities[0].description: contains a control character", "entities[0].description"),
        ("seeds/x.yml:6:15: entities[0].aliases[0]: contains a control character", "entities[0].aliases[0]")]
    source = ('sources:\n  - id: a\n    title: "T\\u0001"\n    publisher: P\n    url: "https://a.example/\\u0001"\n'
              "    date: 2021-07-26\n    kind: wire\n")
    assert located("source", source) == [
        ("seeds/x.yml:3:12: sources[0].title: contains a control character", "sources[0].title"),
        ("seeds/x.yml:5:10: sources[0].url: contains a control character", "sources[0].url")]


def test_a_list_key_holding_a_mapping_asks_for_dashes() -> None:
    assert located("entity", "entities:\n  id: a\n") == [
        ("seeds/x.yml:2:3: entities: expected a list of entries, each starting with '- '", "entities")]


def test_a_missing_choice_lists_the_choices_and_an_empty_optional_value_is_no_problem() -> None:
    source = "sources:\n  - id: a\n    title: T\n    publisher: P\n    url: https://a.example\n    date: 2021-07-26\n"
    assert located("source", source) == [
        ('seeds/x.yml:2:5: sources[0]: missing required key "kind" (one of: primary, wire, press, reference, other)',
         "sources[0]")]
    assert located("source", source + "    kind: wire\n    archived:\n") == []


def test_every_key_after_an_unknown_one_is_still_checked() -> None:
    source = ("sources:\n  - id: a\n    titel: T\n    publisher: [P]\n    title: T\n    url: https://a.example\n"
              "    kind: wire\n")
    assert located("source", source) == [
        ('seeds/x.yml:3:5: sources[0].titel: unknown key "titel" (did you mean "title"?)', "sources[0].titel"),
        ("seeds/x.yml:4:16: sources[0].publisher: expected text, got a list", "sources[0].publisher")]
