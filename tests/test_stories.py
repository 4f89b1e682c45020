"""Stories that grow over several articles: a story page, previous and next links, the home page's list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from htmlpages import Element, parse_html
from support import CASES, copy_project, mkdocs

STORY = Path(__file__).resolve().parent / "fixtures" / "story"
FIRST, SECOND = "2024-05-02-harbour-reopens", "2024-06-10-harbour-fees"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal seeds plus two articles of one story, added in reverse order, built by MkDocs."""
    project = copy_project(tmp_path_factory.mktemp("stories") / "project", CASES / "good" / "minimal" / "seeds")
    for path in sorted(STORY.iterdir(), reverse=True):
        shutil.copy(path, project / "seeds" / "articles" / path.name)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def words(element: Element | None) -> str:
    assert element is not None
    return " ".join(element.text().split())


def resolve(site: Path, page: str, href: str) -> Path:
    return ((site / page).parent / href / "index.html").resolve()


def test_the_story_page_lists_its_articles_in_date_order_with_what_each_adds(site: Path) -> None:
    page = parse_html(site / "stories" / "harbour-repairs" / "index.html")
    assert words(page.find("h1")).startswith("Harbour reopens after repairs")
    items = [words(li) for li in page.find("article").find_all("li")] if page.find("article") else []
    assert items[:2] == [
        "2 May 2024: Harbour reopens after repairs, Example Daily. The harbour reopens.",
        "10 June 2024: Harbour fees rise a month after reopening, Example Daily. Mooring fees rise to pay for the "
        "repairs.",
    ]


def test_each_article_links_to_the_previous_and_next_of_its_story(site: Path) -> None:
    first_page, second_page = f"articles/{FIRST}/index.html", f"articles/{SECOND}/index.html"
    first, second = (parse_html(site / page).find("nav", cls="story-nav") for page in (first_page, second_page))
    assert words(first).startswith("Article 1 of 2 in the story Harbour reopens after repairs.")
    assert words(second).startswith("Article 2 of 2 in the story")
    following = [a for a in first.find_all("a") if a.attrs.get("rel") == "next"] if first else []
    before = [a for a in second.find_all("a") if a.attrs.get("rel") == "prev"] if second else []
    assert not [a for a in first.find_all("a") if a.attrs.get("rel") == "prev"] if first else False
    assert resolve(site, first_page, following[0].attrs["href"]) == (site / second_page).resolve()
    assert resolve(site, second_page, before[0].attrs["href"]) == (site / first_page).resolve()


def test_the_home_page_lists_stories_newest_first(site: Path) -> None:
    home = parse_html(site / "index.html")
    heading = home.find("h2", id="stories")
    assert heading is not None
    listed = [words(li) for li in home.find_all("li") if "articles)" in li.text() or "2021" in li.text()]
    assert listed[0] == "Harbour reopens after repairs, 10 June 2024 (2 articles)"


def test_the_timeline_shows_each_articles_own_event(site: Path) -> None:
    timeline = words(parse_html(site / "timeline" / "index.html").find("article"))
    assert "2 May Harbour reopens after repairs." in timeline
    assert "10 June Harbour fees rise a month after reopening." in timeline
