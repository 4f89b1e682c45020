"""Articles as received in many layouts: plain text, saved web pages, Markdown, JSON and XML exports.

Each article in `tests/cases/articles/` was written for these tests and has a
reviewed `NAME.expected.yml`: its title, date, outlet, byline, dateline,
subheadings and removed lines, the strings of boilerplate around it, and its
body as a reader must see it. The parse must match, and the page that the
real `mkdocs build` makes must show exactly the body's words, in order, and
none of the boilerplate. A hostile page must build as plain text.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CASES, copy_project, mkdocs

from generator.article import FORMATS, parse_article
from generator.model import ParsedText

ARTICLES = CASES / "articles"
MINIMAL = CASES / "good" / "minimal" / "seeds"
FILES = sorted(path for path in ARTICLES.iterdir() if path.suffix in FORMATS)
HOSTILE = ARTICLES / "hostile-page.html"


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.with_name(f"{path.stem}.expected.yml").read_text(encoding="utf-8"))
    return data


def read(path: Path) -> str:
    """The file as the loader reads it: bytes decoded, line endings untouched."""
    return path.read_bytes().decode("utf-8")


def parse(path: Path) -> ParsedText:
    return parse_article(read(path), path.suffix)


def body_blocks(body: str) -> list[str]:
    return [" ".join(block.split()) for block in body.split("\n\n") if block.strip()]


def found(parsed: ParsedText) -> dict[str, Any]:
    return {"title": parsed.title, "date": parsed.page_date, "date_source": parsed.date_source,
            "updated": parsed.updated_date, "outlet": parsed.outlet, "section": parsed.section_label,
            "byline": parsed.byline, "dateline": parsed.dateline, "dateline_date": parsed.dateline_date,
            "headings": list(parsed.headings), "removed": list(parsed.removed)}


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_parse_matches_its_reviewed_expectation(path: Path) -> None:
    want = expected(path)
    got = found(parse(path))
    assert got == {key: want[key] for key in got}


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_body_is_every_paragraph_and_subheading_in_order(path: Path) -> None:
    assert [block.text for block in parse(path).blocks] == body_blocks(expected(path)["body"])


def test_the_fixtures_cover_twenty_articles_in_fifteen_layouts_and_every_format() -> None:
    articles = [path for path in FILES if path != HOSTILE]
    assert len(articles) >= 20
    assert len({expected(path)["layout"] for path in articles}) >= 15
    assert {FORMATS[path.suffix] for path in articles} == set(FORMATS.values())


def test_the_crlf_and_bom_fixture_really_has_both() -> None:
    data = (ARTICLES / "crlf-bom-bazaar.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n") > 10


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_line_endings_and_a_byte_order_mark_change_nothing(path: Path) -> None:
    raw = read(path).removeprefix("\ufeff").replace("\r\n", "\n")
    variants = ["\ufeff" + raw.replace("\n", "\r\n"), raw.replace("\n", "\r"), raw]
    parses = {repr(parse_article(variant, path.suffix)) for variant in variants}
    assert len(parses) == 1


def test_parsing_a_page_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for path in FILES:
        assert parse(path).blocks
    assert calls == []


def test_the_parse_does_not_depend_on_the_time_zone_or_the_clock() -> None:
    """Every date comes from the text: the same parse under time zones a day apart."""
    script = ("import sys; from pathlib import Path; from generator.article import parse_article\n"
              "for name in sys.argv[1:]:\n"
              "    path = Path(name)\n"
              "    print(repr(parse_article(path.read_bytes().decode('utf-8'), path.suffix)))\n")
    outputs = set()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"):
        env = {"PATH": "/usr/bin:/bin", "TZ": zone, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        result = subprocess.run([sys.executable, "-c", script, *map(str, FILES)], env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


# The built pages ------------------------------------------------------------------------------------------------

class Reader(HTMLParser):
    """Visible text and elements of a built page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in {"meta", "link", "img", "br", "hr", "input", "source", "wbr", "embed"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if "script" in self.open:
            self.scripts.append(data)
        elif "style" not in self.open and "title" not in self.open and data != "¶":
            self.text.append(data)

    @property
    def words(self) -> list[str]:
        return " ".join(self.text).split()


def article_section(html: str) -> str:
    """The HTML of the article's text: from its heading to the next section or the end of the content."""
    start = html.index("</h2>", html.index('id="the-article"')) + len("</h2>")
    ends = [i for i in (html.find("<h2", start), html.find("</article>", start)) if i > 0]
    return html[start:min(ends)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("formats") / "project", MINIMAL)
    for path in FILES:
        shutil.copyfile(path, project / "seeds" / "articles" / path.name)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(site: Path, path: Path) -> str:
    return (site / "articles" / path.stem / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_built_page_shows_every_word_of_the_body_in_order_and_nothing_else(built: Path, path: Path) -> None:
    section = Reader(article_section(page(built, path)))
    assert section.words == " ".join(body_blocks(expected(path)["body"])).split()


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_no_boilerplate_reaches_the_article_text(built: Path, path: Path) -> None:
    text = " ".join(Reader(article_section(page(built, path))).words)
    assert [line for line in expected(path)["boilerplate"] if line in text] == []


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_page_shows_the_title_byline_and_dateline(built: Path, path: Path) -> None:
    html = page(built, path)
    want = expected(path)
    heading = html[html.index("<h1"):html.index("</h1>")]
    assert " ".join(Reader(heading).words) == " ".join(want["title"].split())
    meta = " ".join(Reader(html[html.index('class="article-meta"'):html.index('id="the-article"')]).words)
    assert (f"By: {want['byline']}" in meta) == bool(want["byline"])
    assert (f"Reported from: {want['dateline']}" in meta) == bool(want["dateline"])


@pytest.mark.slow
def test_a_hostile_page_builds_as_plain_text_with_nothing_executable(built: Path) -> None:
    html = page(built, HOSTILE)
    reader = Reader(html)
    for text in reader.scripts:
        assert "alert(" not in text
    content = Reader(html[html.index("<article"):html.index("</article>")])
    assert not {"iframe", "object", "embed", "img", "form", "input", "button", "base", "svg", "style"} & {
        tag for tag, _ in content.elements}
    for tag, attributes in reader.elements:
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        assert not attributes.get("href", "").strip().lower().startswith(("javascript:", "data:")), attributes
        assert "injected" not in attributes.get("id", "") and "evil" not in attributes.get("class", "")
        assert not (tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh")
    assert "evil.example" not in html
    visible = " ".join(reader.words)
    assert "49" not in visible
    assert "{{ 7*7 }}" in visible and "<script>alert(34)</script>" in visible and "{% raw %}" in visible
