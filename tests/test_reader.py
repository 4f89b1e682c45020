"""Reader-first pages on the real built site: the story header, question cards and the text-only edition."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from htmlpages import Element, parse_html
from support import CASES, ROOT, copy_project, mkdocs

from generator.cli import main
from generator.pipeline import Project, check

GOLDEN_SEEDS = Path(__file__).resolve().parent / "golden" / "seeds"
LITE_BUDGET = 30 * 1024


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture story (one article with a question, one topic with a question) built by MkDocs."""
    project = copy_project(tmp_path_factory.mktemp("reader") / "project", GOLDEN_SEEDS)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def text_of(element: Element | None) -> str:
    assert element is not None
    return " ".join(element.text().split())


@pytest.mark.slow  # built by MkDocs
def test_the_article_opens_with_its_story_header(fixture_site: Path) -> None:
    page = parse_html(fixture_site / "articles" / "bridge-vote" / "index.html")
    header = page.find("div", cls="story-header")
    assert text_of(page.find("h1")).startswith("Council votes on the “new” bridge")
    assert text_of(header.find("p", cls="story-dek") if header else None) == \
        "Exampletown's council voted to build a bridge."
    meta = text_of(header.find("p", cls="story-meta") if header else None)
    assert meta == "Events: 4 March 2024 Printed: 13 March 2024 Place: Exampletown 1 min read"
    strip = header.find("ul", cls="key-strip") if header else None
    assert [text_of(li) for li in (strip.find_all("li") if strip else [])] == ["120 workers needed"]


@pytest.mark.slow  # built by MkDocs
def test_question_cards_open_on_the_home_page_and_start_the_topic(fixture_site: Path) -> None:
    home = parse_html(fixture_site / "index.html")
    cards = home.find_all("details", cls="question-card")
    assert [text_of(card.find("summary")) for card in cards] == ["When could work on the bridge start?"]
    answer = text_of(cards[0])
    assert "In 2025, according to the River Authority's plan." in answer
    assert cards[0].find("sup", cls="cite") is not None
    more = [a.attrs["href"] for a in cards[0].find_all("a") if "question-more" not in a.classes]
    assert "topics/bridges/" in more

    topic = parse_html(fixture_site / "topics" / "bridges" / "index.html")
    headings = [text_of(h) for h in topic.find_all("h2")]
    assert headings[0].removesuffix("¶").strip() == "Questions this page answers"
    card = topic.find("details", cls="question-card")
    assert text_of(card.find("summary") if card else None) == "Who drew up the bridge plans?"
    assert any(a.attrs.get("href", "").endswith("#plans") for a in (card.find_all("a") if card else []))


def lite_pages(site: Path) -> list[Path]:
    return sorted((site / "lite").rglob("*.html"))


@pytest.mark.slow
@pytest.mark.slow  # built by MkDocs
def test_the_text_only_edition_is_small_plain_and_complete(built_site: Path) -> None:
    site = built_site / "site"
    inputs = check(Project.at(ROOT)).valid_site()
    expected = {"lite/index.html"} | {f"lite/articles/{a.id}.html" for a in inputs.articles}
    expected |= {f"lite/topics/{t.id}.html" for t in inputs.topics}
    assert {p.relative_to(site).as_posix() for p in lite_pages(site)} == expected
    for page in lite_pages(site):
        html = page.read_text(encoding="utf-8")
        assert len(html.encode("utf-8")) <= LITE_BUDGET, f"{page.name}: {len(html.encode())} bytes"
        document = parse_html(page)
        assert not document.find_all("script") and not document.find_all("img"), page.name
        assert not [link for link in document.find_all("link") if "stylesheet" in link.attrs.get("rel", "")]
        assert not re.search(r"@font-face|@import|url\(", html), page.name


@pytest.mark.slow
@pytest.mark.slow  # built by MkDocs
def test_each_full_page_links_to_its_text_only_twin_and_back(built_site: Path) -> None:
    site = built_site / "site"
    inputs = check(Project.at(ROOT)).valid_site()
    twins = [(f"articles/{a.id}/index.html", f"lite/articles/{a.id}.html") for a in inputs.articles]
    twins += [(f"topics/{t.id}/index.html", f"lite/topics/{t.id}.html") for t in inputs.topics]
    for full, lite in twins:
        forward = [a.attrs["href"] for a in parse_html(site / full).find_all("a") if "Text-only" in a.text()]
        assert forward, f"{full} has no link to its text-only twin"
        assert (site / full).parent.joinpath(forward[0]).resolve() == (site / lite).resolve()
        back = [a.attrs["href"] for a in parse_html(site / lite).find_all("a")
                if a.text() == "Full version of this page"]
        assert back and (site / lite).parent.joinpath(back[0], "index.html").resolve() == (site / full).resolve()


@pytest.mark.slow  # built by MkDocs
def test_the_text_only_article_writes_corrections_verdicts_and_glossary_inline(fixture_site: Path) -> None:
    page = parse_html(fixture_site / "lite" / "articles" / "bridge-vote.html")
    paragraphs = [text_of(p) for p in page.find_all("p") if p.attrs.get("id", "").startswith("p-")]
    assert paragraphs[0] == ("The council of Exampletown voted on Monday to build a bridge, said mayor Jon Smiht "
                             "[sic: Jon Smith].")
    assert paragraphs[1] == "The River Authority said 120 workers would be needed [claim checked: accurate]. " \
                            "Work starts in 2025."
    assert text_of(page.find("li", id="note-1")) == "River Authority: Bridge plan"
    topic = parse_html(fixture_site / "lite" / "topics" / "bridges.html")
    assert "An older plan was dropped." in text_of(topic)


def test_a_long_answer_is_a_warning_that_strict_check_refuses(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(CASES / "good" / "minimal" / "seeds", tmp_path / "seeds")
    topic = tmp_path / "seeds" / "topics" / "the-meeting.yml"
    answer = " ".join(["word"] * 140)
    topic.write_text(topic.read_text(encoding="utf-8").replace(
        "sections:", f'questions:\n  - q: "Why?"\n    answer: "{answer}"\n'
                     "    sources: [example-2021-07-26-meeting]\nsections:"), encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 0
    warning = ("seeds/topics/the-meeting.yml:5:13: questions[0].answer: warning: the answer has 140 words: keep it "
               "to about 120, and link to a section for more")
    assert warning in capsys.readouterr().out.splitlines()
    assert main(["--root", str(tmp_path), "check", "--strict"]) == 1
