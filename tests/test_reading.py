"""The explainer reading experience, checked on the real built site of seeds/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from htmlpages import Element, parse_html
from support import ROOT

from generator.model import Article, Site
from generator.pipeline import Project, check

ADDED_MARKS = frozenset({"fix", "verdict", "context-link", "headerlink"})


@pytest.fixture(scope="module")
def site() -> Site:
    """The seeds as the generator read them: what the built pages must show."""
    return check(Project.at(ROOT)).valid_site()


@pytest.fixture(scope="module")
def article(site: Site) -> Article:
    assert len(site.articles) == 1, "these tests read the seed story; name the article to read if there are more"
    return site.articles[0]


def page(built_site: Path, path: str) -> Element:
    return parse_html(built_site / "site" / path / "index.html")


def article_page(built_site: Path, article: Article) -> Element:
    return page(built_site, f"articles/{article.id}")


@pytest.mark.parametrize(("printed", "entity"), [("Moustaba al-Qasimi", "mustafa-al-kadhimi"),
                                                  ("Hussein al-Sabi", "popular-mobilization-forces"),
                                                  ("Ramsey Martini", "ramzy-mardini")])
def test_garbled_names_link_to_the_right_entity_and_show_the_correction(
        site: Site, article: Article, built_site: Path, printed: str, entity: str) -> None:
    doc = article_page(built_site, article)
    marks = [m for m in doc.find_all("span", cls="garbled") if m.find("a") and m.find("a").text() == printed]
    assert marks, f"{printed} is not marked as garbled"
    link, fix = marks[0].find("a"), marks[0].find("sup", cls="fix")
    assert link is not None and fix is not None
    assert link.attrs["href"] == f"../../entities/{entity}/"
    name = next(e.name for e in site.entities if e.id == entity)
    assert name in fix.attrs["title"]
    corrections = doc.find("h2", id="corrections")
    assert corrections is not None
    assert f"prints “{printed}”" in doc.text()


def test_every_claim_has_a_verdict_badge_and_sources(article: Article, built_site: Path) -> None:
    doc = article_page(built_site, article)
    rows = {span.attrs["id"]: row for row in doc.find_all("tr") for span in row.find_all("span")
            if span.attrs.get("id", "").startswith("check-")}
    for claim in article.claims:
        row = rows.get(f"check-{claim.id}")
        assert row is not None, f"claim {claim.id} missing from the claims table"
        assert row.find("span", cls=f"verdict-{claim.verdict}") is not None
        assert row.find("sup", cls="cite") is not None, f"claim {claim.id} shows no source"


def test_claims_are_marked_where_they_stand(article: Article, built_site: Path) -> None:
    doc = article_page(built_site, article)
    marked = {m.attrs["id"].removeprefix("claim-") for m in doc.find_all("mark", cls="claim")}
    in_paragraphs = {c.id for c in article.claims
                     if any(b.kind == "paragraph" and c.match in b.text for b in article.blocks)}
    in_headings = {c.id for c in article.claims
                   if any(b.kind == "heading" and c.match in b.text for b in article.blocks)}
    assert marked, "no claim is marked in the text"
    assert marked <= in_paragraphs
    badges = doc.find_all("a", cls="verdict")
    # A claim in a subheading gets its badge on the line under it: the heading's words stay plain.
    assert {b.attrs["href"].removeprefix("#check-") for b in badges} == marked | in_headings


def test_linking_never_changes_the_articles_words(article: Article, built_site: Path) -> None:
    doc = article_page(built_site, article)
    shown = [p.text(ADDED_MARKS) for p in doc.find_all("p", cls="article-paragraph")]
    printed = [b.text for b in article.blocks if b.kind == "paragraph"]
    assert [" ".join(s.split()) for s in shown] == [" ".join(p.split()) for p in printed]


BACKLINKS = {
    # Read off the seed article by hand: the paragraphs that print each name, misspelt or not.
    "mustafa-al-kadhimi": ["../../articles/2021-07-26-biden-kadhimi-new-phase/#p-1",
                           "../../articles/2021-07-26-biden-kadhimi-new-phase/#p-5"],
    "popular-mobilization-forces": ["../../articles/2021-07-26-biden-kadhimi-new-phase/#p-8"],
    "ramzy-mardini": ["../../articles/2021-07-26-biden-kadhimi-new-phase/#p-14"],
    "joe-biden": ["../../articles/2021-07-26-biden-kadhimi-new-phase/#p-1"],
}


@pytest.mark.parametrize(("entity_id", "targets"), BACKLINKS.items())
def test_an_entity_page_lists_the_paragraphs_that_mention_it(built_site: Path, entity_id: str,
                                                            targets: list[str]) -> None:
    mentions = page(built_site, f"entities/{entity_id}").find("h2", id="mentions")
    assert mentions is not None
    hrefs = [a.attrs.get("href", "") for a in page(built_site, f"entities/{entity_id}").find_all("a")]
    for target in targets:
        assert target in hrefs, f"{entity_id} lacks its backlink to {target}"


def test_timeline_merges_every_topic_in_date_order_and_highlights_the_story(site: Site, built_site: Path) -> None:
    doc = page(built_site, "timeline")
    events = doc.find_all("span", cls="event")
    topics = {e.attrs["data-topic"] for e in events}
    assert {t.id for t in site.topics} <= topics
    years = [int(h.attrs["id"].removeprefix("year-")) for h in doc.find_all("h2") if h.attrs.get("id", "")
             .startswith("year-")]
    assert years == sorted(years)
    assert len(events) == len(site.all_events())
    story = [e for e in events if "event-story" in e.classes]
    assert story, "the article's own events are not highlighted"
    assert all(e.attrs["data-topic"] == "story" for e in story)


def test_each_topic_page_shows_its_own_timeline_slice(site: Site, built_site: Path) -> None:
    for topic in site.topics:
        doc = page(built_site, f"topics/{topic.id}")
        section = doc.find("h2", id="timeline")
        assert section is not None
        items = re.findall(r"^\s*(\d{1,2} \w+ \d{4}):", doc.text(), flags=re.M)
        assert len(items) >= len(topic.events)


def test_glossary_terms_are_tooltips_on_every_page(site: Site, built_site: Path) -> None:
    words = {w for t in site.terms for w in (t.term, *t.aliases)}
    pages_with_terms = 0
    for html in (built_site / "site").rglob("index.html"):
        doc = parse_html(html)
        for abbr in doc.find_all("abbr"):
            assert abbr.text() in words
            assert abbr.attrs.get("title")
        pages_with_terms += bool(doc.find_all("abbr"))
    assert pages_with_terms >= len(site.topics) + 1


def test_citations_are_numbered_and_the_sources_page_links_back(site: Site, built_site: Path) -> None:
    topic = site.topics[0]
    doc = page(built_site, f"topics/{topic.id}")
    cites = [a for sup in doc.find_all("sup", cls="cite") for a in sup.find_all("a")]
    assert cites and cites[0].text() == "1"
    assert cites[0].attrs["href"].startswith("../../sources/#source-")
    sources = page(built_site, "sources")
    anchor = cites[0].attrs["href"].split("#")[1]
    item = next(li for li in sources.find_all("li") if li.find("span", id=anchor))
    assert f"../topics/{topic.id}/" in [a.attrs.get("href") for a in item.find_all("a")]


def test_home_page_has_key_numbers_with_sources(article: Article, built_site: Path) -> None:
    doc = page(built_site, "")
    numbers = doc.find_all("div", cls="key-number")
    assert len(numbers) == len(article.key_numbers) > 0
    assert all(n.find("sup", cls="cite") for n in numbers)
    assert "2,500" in [n.find("span", cls="key-number-value").text() for n in numbers]
