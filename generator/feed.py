"""Atom 1.0 feeds (RFC 4287) of new articles, updates and corrections.

`feed.xml` covers the whole site; `feed-TOPIC.xml` covers one topic: its own
entries, and the articles that draw on it with theirs. Every date comes from
the YAML, ids are tag URIs built from the site's address (RFC 4151), and
links are absolute, so a feed reader can follow them. The standard library's
ElementTree writes the XML: it gives the same bytes for the same inputs and
needs no dependency (feedgen gave stable bytes too when every date was set,
at twice the time and with lxml to install).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

from .ledger import Entry, Ledger
from .markup import strip_markdown
from .model import Article, Site
from .paths import FEED_PATH, article_path, topic_feed_path, topic_path

ATOM = "http://www.w3.org/2005/Atom"
FEED_LIMIT = 50
"""Entries per feed, newest first: enough for a reader that polls now and then."""


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    date: dt.date
    link: str
    summary: str
    category: str


@dataclass(frozen=True)
class Address:
    """The site's address, and how pages and ids are written from it."""

    site_url: str

    def page(self, path: str, anchor: str = "") -> str:
        """The absolute address of a generated page (MkDocs' directory URLs), with an anchor."""
        return self.site_url + page_url(path) + (f"#{anchor}" if anchor else "")

    def tag(self, date: dt.date, path: str, suffix: str = "") -> str:
        """A tag URI: stable for as long as the site keeps its host, whatever the entry's text becomes."""
        parts = urlsplit(self.site_url)
        return f"tag:{parts.hostname},{date.isoformat()}:{parts.path or '/'}{page_url(path)}{suffix}"


def page_url(path: str) -> str:
    """`articles/x.md` -> `articles/x/`, `index.md` -> ``, as MkDocs publishes them."""
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/" if "/" in stem else ""
    return stem + "/"


def feeds(site: Site, ledger: Ledger, site_url: str, site_name: str) -> dict[str, str]:
    """The site's feed and one per topic, keyed by their path under `docs/`; none without a site address."""
    if not site_url:
        return {}
    address = Address(site_url if site_url.endswith("/") else site_url + "/")
    everything = [*_article_entries(site.articles, address), *_ledger_entries(ledger.entries, address)]
    newest = max((entry.date for entry in everything), default=None) or _newest_date(site)
    name = site_name or "Explainer"
    out = {FEED_PATH: atom(address, FEED_PATH, name, "New articles, updates and corrections.", everything, name,
                           newest)}
    drawing: dict[str, list[Article]] = {}
    for article in site.articles:
        for topic_id in dict.fromkeys(c.topic for c in article.context):
            drawing.setdefault(topic_id, []).append(article)
    by_page: dict[str, list[Entry]] = {}
    for entry in ledger.entries:
        by_page.setdefault(entry.page, []).append(entry)
    for topic in site.topics:
        articles = drawing.get(topic.id, [])
        pages = [topic_path(topic.id), *(article_path(a.id) for a in articles)]
        entries = [*_article_entries(articles, address),
                   *_ledger_entries((e for page in pages for e in by_page.get(page, ())), address)]
        path = topic_feed_path(topic.id)
        out[path] = atom(address, path, f"{name}: {topic.title}",
                         f"New articles, updates and corrections on {topic.title}.", entries, name, newest)
    return out


def _newest_date(site: Site) -> dt.date:
    """For a feed with no entry at all: the newest date the content gives, so that `updated` still comes from it."""
    dates = [e.date for e in site.all_events()] + [s.date for s in site.sources if s.date]
    return max(dates, default=dt.date(1970, 1, 1))


def _article_entries(articles: Iterable[Article], address: Address) -> list[FeedEntry]:
    """A new article is dated by its events (or its page); an undated one cannot be placed in a feed."""
    return [FeedEntry(address.tag(a.date, article_path(a.id)), f"New article: {a.title}", a.date,
                      address.page(article_path(a.id)), strip_markdown(a.summary) or a.title, "article")
            for a in articles if a.date]


def _ledger_entries(entries: Iterable[Entry], address: Address) -> list[FeedEntry]:
    return [FeedEntry(address.tag(e.update.date, e.page, e.anchor), f"{e.kind_label}: {e.page_title}",
                      e.update.date, address.page(*e.place), strip_markdown(e.update.text), e.update.kind)
            for e in entries]


def atom(address: Address, path: str, title: str, subtitle: str, entries: list[FeedEntry], author: str,
         fallback: dt.date) -> str:
    """An Atom document: newest entries first; `fallback` dates a feed that has no entries."""
    entries = sorted(entries, key=lambda e: (-e.date.toordinal(), e.id))[:FEED_LIMIT]
    feed = ElementTree.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    _text(feed, "id", address.site_url + path)
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _text(feed, "updated", _timestamp(max((e.date for e in entries), default=fallback)))
    _text(ElementTree.SubElement(feed, "author"), "name", author)
    ElementTree.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml",
                                          "href": address.site_url + path})
    ElementTree.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": address.site_url})
    for entry in entries:
        element = ElementTree.SubElement(feed, "entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title)
        _text(element, "published", _timestamp(entry.date))
        _text(element, "updated", _timestamp(entry.date))
        ElementTree.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry.link})
        ElementTree.SubElement(element, "category", {"term": entry.category})
        _text(element, "summary", entry.summary, type="text")
    ElementTree.indent(feed)
    data: bytes = ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data.decode("utf-8") + "\n"


def _text(parent: ElementTree.Element, tag: str, text: str, **attributes: str) -> None:
    ElementTree.SubElement(parent, tag, attributes).text = text


def _timestamp(date: dt.date) -> str:
    """RFC 3339, as Atom requires; the YAML gives days, so the time is midnight UTC."""
    return f"{date.isoformat()}T00:00:00Z"
