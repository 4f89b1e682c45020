"""Untrusted text is data, never markup: an article and YAML fields full of HTML, Markdown and template syntax.

`tests/cases/untrusted/seeds/` is laid over the minimal good seeds and built
with the real `mkdocs build --strict`. The HTML is then parsed: every hostile
string must be visible exactly as written, and none of it may have become an
element, a link, an event handler or an evaluated template expression.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from htmlpages import parse, parse_html
from support import CASES, copy_project, mkdocs

from generator.pipeline import Project, generate

MINIMAL = CASES / "good" / "minimal" / "seeds"
UNTRUSTED = CASES / "untrusted" / "seeds"
ARTICLE = "articles/2021-07-26-meeting"
TEMPLATE = "{{ 7*7 }}"

ARTICLE_TEXTS = [
    "Title <b>bold</b> {{ 7*7 }} *x* </title><img src=x onerror=alert(2)>",
    "and <script>alert(1)</script> was in the text, as was <img src=x onerror=alert(1)> too.",
    "# This line starts with a hash, *stars*, _underscores_, **double stars** and `backticks` in it.",
    "A link [x](javascript:alert(1)), an autolink <javascript:alert(1)>, <!-- an open comment, "
    "and &lt;b&gt; &amp; entities.",
    "| a | b | |---|---| | 1 | 2 |.",
    "> A quoted line that is not a quote, said Biden, printed as al-<i>Kadhimi</i> {% raw %}[sic] once.",
    "1. A numbered line that is not a list.",
    "- A dashed line that is not a list.",
    r"+ A plus line, \*escaped\* stars, a trailing backslash \ and ~~tildes~~ and ==marks== and ^carets^.",
    'An attribute list { #injected .evil onclick="alert(1)" } and {: .class } follows the words.',
    "*[abbr]: an abbreviation definition that is not one.",
    "A footnote[^1] mark and its definition.",
    "[^1]: A footnote definition that is not one.",
    "Template syntax {{ 7*7 }} and {% raw %}{{ 7*7 }}{% endraw %} and {# a comment #} and ${7*7} stay as they are.",
    "Setext heading underline follows. ===",
    "The name <script>alert(8)</script> {{ 7*7 }} *x* [y](javascript:alert(1)) is mentioned here.",
    "A closing paragraph with 2,500 U.S. soldiers <b>in</b> [brackets]✓ accurate and (parens).",
]
"""Each paragraph of the hostile article as the reader must see it (lines of one paragraph joined)."""

YAML_TEXTS = {
    ARTICLE: ["<i>Outlet</i> & Co {{ 7*7 }}", "<script>alert(4)</script> {{ 7*7 }} | a | b |",
              "Label <img src=x onerror=alert(5)> {{ 7*7 }} ](javascript:alert(1))",
              "“<script>alert(1)</script>”: That was never {{ 7*7 }} words.",
              "the text prints “al-<i>Kadhimi</i> {% raw %}”; the correct name is Mustafa al-Kadhimi. "
              "Note <img src=x onerror=alert(7)> {{ 7*7 }}",
              "Leaders meet <script>alert(9)</script> {{ 7*7 }} *x* [y](javascript:alert(1)), Example <b>Wire</b> "
              "{% raw %}"],
    "index": ["Title <b>bold</b> {{ 7*7 }} *x* </title><img src=x onerror=alert(2)>", "<b>2,500</b> {{ 7*7 }}",
              "Troops *not emphasis* [x](javascript:alert(1)) {% raw %}", "The meeting <i>{{ 7*7 }}</i> # *x*"],
    "topics/the-meeting": ["The meeting <i>{{ 7*7 }}</i> # *x*", "The talks <script>alert(6)</script> {% raw %}",
                           "The leaders <b>meet</b> {{ 7*7 }}", "{{ 7*7 }} days."],
    "entities/mustafa-al-kadhimi": ["“al-<i>Kadhimi</i> {% raw %}”", "Note <img src=x onerror=alert(7)> {{ 7*7 }}"],
    "entities/joe-biden": ["<b>Joe</b> {{ 7*7 }}"],
    "entities/hostile-entity": ["<script>alert(8)</script> {{ 7*7 }} *x* [y](javascript:alert(1))"],
    "sources": ["Example <b>Wire</b> {% raw %}", "Leaders meet <script>alert(9)</script> {{ 7*7 }} *x* "
                "[y](javascript:alert(1))", "read on Copy <i>site</i> {{ 7*7 }}",
                "Note <img src=x onerror=alert(10)> {{ 7*7 }} | x |"],
    "glossary": ['United <b>States</b> {{ 7*7 }} " onmouseover="alert(11).', "<i>US</i> {{ 7*7 }}"],
    "timeline": ["Event <b>title</b> {{ 7*7 }} *x*", "The leaders <b>meet</b> {{ 7*7 }}"],
}
"""Strings from YAML fields that are not Markdown, as each page must show them."""


HIDDEN = frozenset({"script", "style", "template", "title"})
"""What a reader never sees in the page's text (the title shows in the tab, and is checked on its own)."""


class Page:
    """The parts of an HTML page that matter here: visible text, the title, elements and script bodies."""

    def __init__(self, html: str) -> None:
        self.doc = parse(html)
        title = self.doc.find("title")
        self.title = title.text() if title else ""
        self.visible = self.doc.visible(HIDDEN)
        self.elements = [(e.tag, e.attrs) for e in self.doc.iter() if e.tag != "root"]
        self.scripts = [(e.attrs.get("type", ""), e.source()) for e in self.doc.find_all("script")]
        """(type, text) of each script element."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untrusted") / "project", MINIMAL)
    shutil.copytree(UNTRUSTED, project / "seeds", dirs_exist_ok=True)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site: Path, name: str) -> Page:
    path = site / "index.html" if name == "index" else site / name / "index.html"
    return Page(path.read_text(encoding="utf-8"))


def pages(site: Path) -> Iterator[tuple[str, Page]]:
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), Page(path.read_text(encoding="utf-8"))


def test_the_article_shows_every_character_it_received(site: Path) -> None:
    visible = page(site, ARTICLE).visible
    missing = [text for text in ARTICLE_TEXTS if " ".join(text.split()) not in visible]
    assert missing == []


@pytest.mark.parametrize("name", sorted(YAML_TEXTS))
def test_yaml_text_fields_show_as_written(site: Path, name: str) -> None:
    visible = page(site, name).visible
    missing = [text for text in YAML_TEXTS[name] if text and text not in visible]
    assert missing == []


def test_titles_and_descriptions_show_as_written(site: Path) -> None:
    article = page(site, ARTICLE)
    assert article.title == "Title <b>bold</b> {{ 7*7 }} *x* </title><img src=x onerror=alert(2)> - Explainer"
    hostile = page(site, "entities/hostile-entity")
    assert hostile.title == "<script>alert(8)</script> {{ 7*7 }} *x* [y](javascript:alert(1)) - Explainer"
    descriptions = [a["content"] for tag, a in hostile.elements if tag == "meta" and a.get("name") == "description"]
    assert len(descriptions) == 1 and descriptions[0].startswith("An entity whose name is hostile")
    assert descriptions[0].endswith("alert(13)\u201d & so on.")


def test_no_script_image_handler_or_script_link_comes_from_the_input(site: Path) -> None:
    for name, parsed in pages(site):
        for kind, text in parsed.scripts:
            if kind == "application/ld+json":
                json.loads(text)  # data, whole: nothing broke out of the element
            else:
                assert "alert(" not in text, name
        for tag, attributes in parsed.elements:
            assert tag != "img", name
            assert not [a for a in attributes if a.startswith("on")], (name, tag, attributes)
            assert not attributes.get("href", "").strip().lower().startswith(("javascript:", "data:")), name
            assert "injected" not in attributes.get("id", ""), name
            assert "evil" not in attributes.get("class", ""), name


def test_no_template_expression_is_evaluated(site: Path) -> None:
    for name, parsed in pages(site):
        assert "49" not in parsed.visible, name
    assert TEMPLATE in page(site, ARTICLE).visible


def test_no_markdown_structure_comes_from_the_article(site: Path) -> None:
    html = (site / ARTICLE / "index.html").read_text(encoding="utf-8")
    body = Page(html[html.index('id="the-article"'):html.index('id="corrections"')])
    tags = [tag for tag, _ in body.elements]
    paragraphs = [a["id"] for tag, a in body.elements if tag == "p" and "article-paragraph" in a.get("class", "")]
    assert paragraphs == [f"p-{n}" for n in range(1, 17) if n != 14]
    assert [a["id"] for tag, a in body.elements if tag == "h3"] == ["p-14"]
    assert not {"blockquote", "ol", "ul", "li", "table", "hr", "h1", "em", "strong", "code", "del"} & set(tags)
    assert not [a for tag, a in body.elements if tag == "abbr" and "abbreviation" in a.get("title", "")]
    assert 'class="footnote"' not in html


def test_the_generator_passes_input_to_templates_as_data(tmp_path: Path) -> None:
    """The generated Markdown holds no evaluated expression and no HTML or script link from the input."""
    project = copy_project(tmp_path / "project", MINIMAL)
    shutil.copytree(UNTRUSTED, project / "seeds", dirs_exist_ok=True)
    report = generate(Project.at(project), write=False)
    for name, page_markdown in report.pages.items():
        if name.endswith(".html"):  # the text-only edition: HTML the build copies as it is
            assert "49 " not in page_markdown, name
            (tmp_path / "page.html").write_text(page_markdown, encoding="utf-8")
            for element in parse_html(tmp_path / "page.html").iter():
                assert element.tag not in ("script", "iframe", "img", "object"), name
                assert not [key for key in element.attrs if key.startswith("on")], name
                assert not element.attrs.get("href", "").strip().lower().startswith("javascript:"), name
            continue
        markdown = page_markdown.split("\n---\n", 1)[-1]  # front matter holds data, such as JSON-LD
        assert "49 " not in markdown and "](javascript" not in markdown, name
