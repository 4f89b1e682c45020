"""What the published site offers browsers and crawlers: canonical links, sitemap, robots.txt, 404 page,
meta descriptions and schema.org data."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SITE_URL = "https://example.github.io/explainer/"
"""mkdocs.yml's default, which the `mkdocs` fixture keeps unless SITE_URL is set."""


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="module")
def site_url(site: Path) -> str:
    loc = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert loc, "sitemap.xml lists no page"
    return loc[1]


def pages(site: Path) -> list[Path]:
    """Every page the theme built: all HTML but the 404 page, which is not a page of the site, and the text-only
    edition, which the build copies as it is (its pages link to their full versions instead)."""
    return sorted(path for path in site.rglob("*.html")
                  if path.name != "404.html" and path.relative_to(site).parts[0] != "lite")


def address(site: Path, site_url: str, page: Path) -> str:
    return site_url + page.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if page.parent != site else "")


def head_value(text: str, pattern: str) -> str | None:
    match = re.search(pattern, text)
    return html.unescape(match[1]) if match else None


def test_the_site_url_is_the_configured_one(site_url: str) -> None:
    assert site_url == os.environ.get("SITE_URL", SITE_URL)


def test_every_page_has_its_canonical_link(site: Path, site_url: str) -> None:
    for page in pages(site):
        canonical = head_value(page.read_text(encoding="utf-8"), r'<link rel="canonical" href="([^"]+)">')
        assert canonical == address(site, site_url, page), page


def test_the_sitemap_lists_every_page(site: Path, site_url: str) -> None:
    listed = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(address(site, site_url, page) for page in pages(site))
    assert len(listed) > 40


def test_robots_txt_allows_crawling_and_names_the_sitemap(site: Path, site_url: str) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert not any(line.strip() == "Disallow: /" for line in robots)
    assert f"Sitemap: {site_url}sitemap.xml" in robots


def test_the_404_page_offers_a_way_back(site: Path, site_url: str) -> None:
    text = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in text
    root = re.sub(r"^https?://[^/]+", "", site_url)
    links = re.findall(r'<a href="([^"]+)">(Home|Timeline|Topics)</a>', text)
    assert links == [(root, "Home"), (root + "timeline/", "Timeline"), (root + "topics/", "Topics")]
    assert (site / "timeline" / "index.html").is_file()
    assert (site / "topics" / "index.html").is_file()


def test_every_page_has_its_own_meta_description(built_site: Path, site: Path) -> None:
    config = (built_site / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r"^site_description: (.+)$", config, re.MULTILINE)
    assert default
    for page in pages(site):
        description = head_value(page.read_text(encoding="utf-8"), r'<meta name="description" content="([^"]*)">')
        assert description, f"{page}: no meta description"
        assert description != default[1], f"{page}: only the site-wide description"


def test_article_pages_carry_news_article_json_ld(built_site: Path, site: Path) -> None:
    articles = sorted(path for path in (built_site / "docs" / "articles").glob("*.md") if path.name != "index.md")
    assert articles
    if not any("\njsonld:" in article.read_text(encoding="utf-8").split("\n---\n")[0] for article in articles):
        pytest.skip("no article page has `jsonld` front matter yet, so there is no JSON-LD to print")
    for article in articles:
        text = (site / "articles" / article.stem / "index.html").read_text(encoding="utf-8")
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
        assert len(scripts) == 1, article.name
        data = json.loads(scripts[0])
        assert data["@context"] == "https://schema.org"
        types = [item["@type"] for item in data.get("@graph", [data])]
        assert types.count("NewsArticle") == 1, types
