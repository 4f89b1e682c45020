"""Property-based tests: for any input the parser, the validator and the linker succeed or report, never crash,
and escaped, linked text renders back to exactly the words it was made from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import markdown
import yaml
from htmlpages import Element, parse
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support import CASES, ROOT

from generator.article import ArticleTextError, normalise, parse_article
from generator.errors import InputError
from generator.markup import plain
from generator.model import FILE_KINDS
from generator.pipeline import Project, check, generate
from generator.schema import Record
from generator.validate import check_file
from generator.yamlfile import YAMLFileError, parse_yaml

MINIMAL = CASES / "good" / "minimal" / "seeds"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags (such as !ENV)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
EXTENSIONS = [next(iter(entry)) if isinstance(entry, dict) else entry
              for entry in yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                     Loader=_ConfigLoader)["markdown_extensions"]]
"""The Markdown extensions of mkdocs.yml, so text renders here as it does on the site."""

MARKUP = "<>&*_`[](){}#!|\\~^=$:;\"'-+.1 \t/?%@"
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
"""Any character a UTF-8 file can hold (lone surrogates cannot be decoded from one)."""
TEXT = st.text(st.sampled_from(MARKUP) | st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
WORD = st.text(st.sampled_from("abcXYZ-<>*_[]{}&#|'. "), min_size=1, max_size=12).map(lambda word: " ".join(
    word.split())).filter(bool)
"""A name as an article block can print it: spaces inside it single, as `block` leaves them."""

settings.register_profile("project", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
# `make mutation` runs the covering tests once per mutant: fewer examples keep that within an hour or two.
# Derandomised, so two runs over the same code try the same examples and give the same counts.
settings.register_profile("mutation", settings.get_profile("project"), max_examples=25, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "project"))
WHOLE_RUNS = max(5, settings.default.max_examples // 4)
"""Examples for a property that runs the whole generator each time: a quarter of the profile's."""


def visible(html: str) -> str:
    return parse(html).visible()


def render(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


# The article parser ------------------------------------------------------------------------------------------------

@given(st.text(st.sampled_from(MARKUP + "abc\n\r\u00a0\ufeff") | ANY_CHARACTER, max_size=400))
def test_the_article_parser_succeeds_or_reports(raw: str) -> None:
    try:
        parsed = parse_article(raw)
    except ArticleTextError:
        return
    words = " ".join(normalise(raw).split())
    for text in (parsed.title, parsed.outlet, *(b.text for b in parsed.blocks), *parsed.removed):
        assert " ".join(text.split()) in words
    assert any(block.kind == "paragraph" for block in parsed.blocks)


# The validator -----------------------------------------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
                    st.sampled_from(["no", "on", "2021-02-30", "1e3", "0x1F", "1:20", "~", "2021-07-26"]))


def field_names(record: Record) -> list[str]:
    names = [f.name for f in record.fields]
    for spec in record.fields:
        nested = spec.record or (spec.item.record if spec.item else None)
        if nested is not None:
            names += [f.name for f in nested.fields]
    return names


def yaml_values(keys: list[str]) -> st.SearchStrategy[Any]:
    return st.recursive(SCALARS, lambda children: st.lists(children, max_size=3)
                        | st.dictionaries(st.sampled_from(keys) | TEXT, children, max_size=4), max_leaves=12)


@given(st.sampled_from(FILE_KINDS).flatmap(lambda kind: st.tuples(st.just(kind), yaml_values(
    [kind.list_key, *field_names(kind.record)] if kind.list_key else field_names(kind.record)))))
def test_the_validator_reports_problems_and_never_crashes_on_any_shape(case: tuple[Any, Any]) -> None:
    kind, value = case
    text = yaml.safe_dump(value, allow_unicode=True)
    tree = parse_yaml(text)
    if tree is not None:
        problems: list[Any] = []
        check_file("seeds/x.yml", kind, tree, problems)
        assert all(p.line >= 1 and p.column >= 1 for p in problems)


@given(st.text(st.sampled_from(MARKUP + "abc\n&*!%@`'\"[]{}?:-,#|>") | ANY_CHARACTER, max_size=200))
def test_any_text_parses_as_yaml_or_reports_where(text: str) -> None:
    try:
        tree = parse_yaml(text)
    except YAMLFileError as error:
        assert error.line >= 1 and error.column >= 1 and error.message
        return
    for kind in FILE_KINDS:
        if tree is not None:
            check_file("seeds/x.yml", kind, tree, [])


@settings(max_examples=WHOLE_RUNS)
@given(yaml_values(["entities", *field_names(FILE_KINDS[2].record)]))
def test_a_whole_run_succeeds_or_raises_input_error(tmp_path_factory: Any, value: Any) -> None:
    root = tmp_path_factory.mktemp("run")
    shutil.copytree(MINIMAL, root / "seeds")
    (root / "seeds" / "entities" / "extra.yml").write_text(yaml.safe_dump(value, allow_unicode=True),
                                                           encoding="utf-8")
    try:
        check(Project.at(root)).valid_site()
    except InputError as error:
        assert error.problems


# The linker and the escaping ---------------------------------------------------------------------------------------

def block(text: str) -> str:
    """Text as an article block holds it: one line, no outer spaces."""
    return " ".join(normalise(text).split())


def shown(text: str) -> str:
    """What a reader sees: control characters cannot be shown, so they appear as U+FFFD."""
    return "".join("\ufffd" if (ord(c) < 32 and c not in "\t\n\r") or c == "\x7f" else c for c in text)


@given(TEXT.map(block).filter(bool))
def test_escaped_text_renders_as_exactly_its_characters(text: str) -> None:
    html = render(plain(text) + "\n{ #p-1 .article-paragraph }")
    assert visible(html) == shown(text)
    assert "<a " not in html and "<img" not in html and "<script" not in html


ARTICLE_ID = "2021-07-27-property"
ADDED_MARKS = frozenset({"fix", "verdict", "context-link", "headerlink"})
"""What the page adds to the printed words: the [sic] mark, verdict badges, links to topics, permalinks."""


def article_page(root: Path, text: str, names: list[str]) -> Element:
    """The real article page, through the whole generator, for `text` and one entity per name (each with a
    garbled alias), rendered with the site's Markdown extensions."""
    shutil.copytree(MINIMAL, root / "seeds")
    entities = [{"id": f"e{index}", "name": name, "kind": "other", "description": "Someone.",
                 "aliases": [{"name": f"{name} x", "garbled": True}], "sources": ["example-2021-07-26-meeting"]}
                for index, name in enumerate(names)]
    (root / "seeds" / "entities" / "property.yml").write_text(
        yaml.safe_dump({"entities": entities}, allow_unicode=True), encoding="utf-8")
    (root / "seeds" / "articles" / f"{ARTICLE_ID}.txt").write_text(f"Headline\n\n{text}\n", encoding="utf-8")
    project = Project(root, root / "seeds", ROOT / "templates", root / "docs")
    page = generate(project, write=False).pages[f"articles/{ARTICLE_ID}.md"]
    return parse(render(page.split("\n---\n", 1)[-1]))


@settings(max_examples=WHOLE_RUNS)
@given(st.lists(WORD, min_size=1, max_size=4, unique=True), st.lists(TEXT | WORD, max_size=8))
def test_linking_never_changes_the_visible_words(tmp_path_factory: Any, names: list[str], pieces: list[str]) -> None:
    spelt = [*names, *(f"{name} x" for name in names)]
    assume(len(set(spelt)) == len(spelt))
    # The first mention of an entity is linked: even-numbered entities are first printed garbled.
    printed = [word for index, name in enumerate(names)
               for word in ((f"{name} x", name) if index % 2 == 0 else (name, f"{name} x"))]
    text = block(" ".join(["Words", *pieces, *printed, "end."]))
    doc = article_page(tmp_path_factory.mktemp("linked"), text, names)
    [paragraph] = doc.find_all("p", cls="article-paragraph")
    assert " ".join(paragraph.text(ADDED_MARKS).split()) == shown(text)
    links = [a for a in paragraph.find_all("a") if "/entities/" in a.attrs.get("href", "")]
    assert links, "no name was linked"
    assert {a.text() for a in links} <= set(spelt)
    assert {a.attrs["href"] for a in links} <= {f"../entities/e{index}.md" for index in range(len(names))}
    for mark in paragraph.find_all("span", cls="garbled"):
        assert mark.find("a") is not None and mark.find("sup", cls="fix") is not None
