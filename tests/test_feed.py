"""The Atom feeds: valid RFC 4287 documents with absolute links, linked from every page, the same bytes every build.

The feed is read with the standard library's XML parser (expat); the elements RFC 4287 requires are
checked one by one. Expected entries are written out by hand from `seeds/`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from htmlpages import internal_target, read_page
from support import copy_project

from generator.siteconfig import SiteSettings, read_settings

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.github.io/explainer/"
"""mkdocs.yml's default, which the `mkdocs` fixture keeps unless SITE_URL is set."""
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ARTICLE = "articles/2021-07-26-biden-kadhimi-new-phase/"


def one(parent: ElementTree.Element, tag: str) -> ElementTree.Element:
    found = parent.findall(ATOM + tag)
    assert len(found) == 1, f"<{parent.tag}> has {len(found)} <{tag}>, RFC 4287 wants exactly one"
    return found[0]


def check_rfc4287(path: Path, site_url: str, name: str) -> list[ElementTree.Element]:
    """The feed's entries, once every element RFC 4287 requires has been found where it must be.

    `name` is the feed's path under the site's address, which its `self` link must give.
    """
    feed = ElementTree.parse(path).getroot()
    assert feed.tag == ATOM + "feed"
    assert one(feed, "id").text and one(feed, "title").text
    assert RFC3339.match(one(feed, "updated").text or "")
    assert one(one(feed, "author"), "name").text, "a feed-level author covers every entry"
    self_links = [link.get("href") for link in feed.findall(ATOM + "link") if link.get("rel") == "self"]
    assert self_links == [site_url + name]
    entries = feed.findall(ATOM + "entry")
    ids = []
    for entry in entries:
        ids.append(one(entry, "id").text)
        assert one(entry, "title").text
        assert RFC3339.match(one(entry, "updated").text or "")
        alternates = [link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and (alternates[0].get("href") or "").startswith(site_url)
        assert entry.findall(ATOM + "summary") or entry.findall(ATOM + "content")
    assert len(set(ids)) == len(ids), "entry ids are unique"
    updated = [one(entry, "updated").text or "" for entry in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    if entries:
        assert one(feed, "updated").text == updated[0]
    return entries


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.mark.slow
def test_the_site_feed_is_valid_atom_with_the_articles_and_their_updates(site: Path) -> None:
    entries = check_rfc4287(site / "feed.xml", SITE_URL, "feed.xml")
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert one(feed, "updated").text == "2026-12-01T00:00:00Z"
    summary = [(one(e, "title").text, one(e, "updated").text, one(e, "link").get("href"), one(e, "id").text)
               for e in entries]
    corrections = [entry for entry in summary if entry[1] == "2026-12-01T00:00:00Z"]
    assert [title for title, *_ in corrections] == [
        *["Correction: Biden announces “new” phase in relations with Iraq"] * 4,
        *["Correction: The coalition against the Islamic State"] * 2,
        *["Correction: The pro-Iran factions and the Popular Mobilization Forces"] * 2,
        "Clarification: The pro-Iran factions and the Popular Mobilization Forces",
        "Correction: The 2011 US withdrawal from Iraq", "Clarification: The 2011 US withdrawal from Iraq"]
    assert corrections[1][2:] == (
        f"{SITE_URL}{ARTICLE}#check-presence-not-questioned",
        f"tag:example.github.io,2026-12-01:/explainer/{ARTICLE}update-2026-12-01-2")
    assert summary[len(corrections):] == [
        ("Update: Biden announces “new” phase in relations with Iraq", "2021-12-09T00:00:00Z",
         f"{SITE_URL}{ARTICLE}#check-no-combat-by-year-end",
         f"tag:example.github.io,2021-12-09:/explainer/{ARTICLE}update-2021-12-09"),
        ("Update: Biden announces “new” phase in relations with Iraq", "2021-10-17T00:00:00Z",
         f"{SITE_URL}{ARTICLE}#updates", f"tag:example.github.io,2021-10-17:/explainer/{ARTICLE}update-2021-10-17"),
        ("Update: The pro-Iran factions and the Popular Mobilization Forces", "2021-10-17T00:00:00Z",
         f"{SITE_URL}topics/pro-iran-factions/#fatah-in-politics",
         "tag:example.github.io,2021-10-17:/explainer/topics/pro-iran-factions/update-2021-10-17"),
        ("New article: Biden announces “new” phase in relations with Iraq", "2021-07-26T00:00:00Z",
         f"{SITE_URL}{ARTICLE}", f"tag:example.github.io,2021-07-26:/explainer/{ARTICLE}"),
    ]


@pytest.mark.slow
def test_every_entry_leads_to_a_page_and_anchor_that_exist(site: Path) -> None:
    for feed in [site / "feed.xml", *sorted(site.glob("feed-*.xml"))]:
        for entry in check_rfc4287(feed, SITE_URL, feed.relative_to(site).as_posix()):
            href = one(entry, "link").get("href") or ""
            target = internal_target(site / "index.html", href.removeprefix(SITE_URL))
            assert target is not None and target[0].is_file(), href
            assert not target[1] or target[1] in read_page(target[0]).ids, href


@pytest.mark.slow
def test_each_topic_has_a_feed_of_its_own(site: Path) -> None:
    feeds = sorted(path.name for path in site.glob("feed-*.xml"))
    assert feeds == ["feed-coalition-against-islamic-state.xml", "feed-pro-iran-factions.xml",
                     "feed-us-withdrawal-2011.xml"]
    titles = [one(e, "title").text for e in check_rfc4287(site / "feed-pro-iran-factions.xml", SITE_URL,
                                                              "feed-pro-iran-factions.xml")]
    assert titles == [*["Correction: Biden announces “new” phase in relations with Iraq"] * 4,
                      *["Correction: The pro-Iran factions and the Popular Mobilization Forces"] * 2,
                      "Clarification: The pro-Iran factions and the Popular Mobilization Forces",
                      "Update: Biden announces “new” phase in relations with Iraq",
                      "Update: Biden announces “new” phase in relations with Iraq",
                      "Update: The pro-Iran factions and the Popular Mobilization Forces",
                      "New article: Biden announces “new” phase in relations with Iraq"]


@pytest.mark.slow
def test_every_page_links_the_feed_from_its_head(site: Path) -> None:
    pattern = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">')
    # The text-only edition is left out: it is copied as it is, with nothing in its head but what it needs.
    pages = sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != "lite")
    assert len(pages) > 40
    for page in pages:
        if page.name == "404.html":
            continue
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = pattern.findall(head)
        targets = [internal_target(page, href) for _, href in links]
        assert (site / "feed.xml", "") in targets, page
        topic = page.parent.name if page.parent.parent == site / "topics" else ""
        if topic:
            assert (site / f"feed-{topic}.xml", "") in targets, page


def generator_build(project: Path, site_url: str) -> bytes:
    env = {**os.environ, "SITE_URL": site_url}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return (project / "docs" / "feed.xml").read_bytes()


@pytest.mark.slow  # runs the generator as a program in a copy of the project
def test_two_builds_give_byte_identical_feeds_built_from_the_site_url(tmp_path: Path) -> None:
    first = generator_build(copy_project(tmp_path / "one"), "https://news.example.org/explain/")
    second = generator_build(copy_project(tmp_path / "two-elsewhere"), "https://news.example.org/explain/")
    assert first == second
    assert b"https://example.github.io" not in first
    assert b'<link rel="self" type="application/atom+xml" href="https://news.example.org/explain/feed.xml" />' in first
    assert b"<id>tag:news.example.org,2021-12-09:/explain/articles/" in first
    path = tmp_path / "one" / "docs" / "feed.xml"
    check_rfc4287(path, "https://news.example.org/explain/", "feed.xml")


@pytest.mark.slow  # runs the generator as a program in a copy of the project
def test_a_new_site_address_writes_the_feed_again(tmp_path: Path) -> None:
    """The site's address is part of what the cache compares, so a changed SITE_URL is never skipped."""
    project = copy_project(tmp_path / "project")
    assert b"https://one.example.org/" in generator_build(project, "https://one.example.org/")
    assert b"https://two.example.org/" in generator_build(project, "https://two.example.org/")


def test_the_settings_are_read_from_mkdocs_yml_as_mkdocs_reads_them(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text('site_name: Daily\nsite_url: !ENV [SITE_URL, "https://a.example.org/x"]\n'
                                         "markdown_extensions:\n  - pymdownx.emoji:\n"
                                         "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
                                         encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert read_settings(tmp_path) == SiteSettings("https://a.example.org/x/", "Daily")
    monkeypatch.setenv("SITE_URL", "https://b.example.org/")
    assert read_settings(tmp_path) == SiteSettings("https://b.example.org/", "Daily")
    assert read_settings(tmp_path / "nowhere") == SiteSettings()
