"""JSON exports from a content-management system or an API: one article, in whichever shape its vendor uses.

CMSs name the same things differently, so the reader knows the usual names
rather than one vendor's: flat exports (`title`, `body`, `date`, `author`),
schema.org's NewsArticle (`headline`, `articleBody`, `datePublished`),
WordPress's REST API (`title.rendered`, `content.rendered`, `date`) and
Arc's ANS (`headlines.basic`, `content_elements`, `credits.by`). The
article may come alone, in a list of one, or wrapped (`{"data": {...}}`).
A body in HTML is read block by block as text only, like a feed's content;
a plain body is split into paragraphs at blank lines. Dates are the day
printed in their own time zone; a number is a Unix time, read in UTC.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from .article import ArticleTextError
from .article_blocks import html_pieces, html_text, is_html
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header, take_header_pieces
from .article_text import text_pieces

KEYS = {
    "title": ("headlines", "headline", "title", "hed", "heading"),
    "body": ("content_elements", "articleBody", "body", "body_html", "bodyHtml", "content", "content_html",
             "contentHtml", "html", "text", "body_text", "bodyText", "fulltext", "story"),
    "published": ("datePublished", "first_publish_date", "published_at", "publishedAt", "published", "publish_date",
                  "publishDate", "pubDate", "pub_date", "date", "display_date", "dateCreated", "created_at",
                  "createdAt", "created", "date_gmt"),
    "updated": ("dateModified", "last_updated_date", "modified", "modified_at", "modifiedAt", "updated",
                "updated_at", "updatedAt", "lastmod", "last_modified", "modified_gmt"),
    "author": ("credits", "author", "authors", "byline", "by", "creator", "creators", "writer", "writers"),
    "outlet": ("publisher", "source", "site_name", "siteName", "outlet", "publication", "site", "provider",
               "brand"),
    "section": ("articleSection", "section", "category", "categories", "taxonomy", "kicker"),
}
"""Keys by what they give, most specific first; the first that gives a value wins."""
NESTED = {
    "author": (("_embedded", "author"), ("yoast_head_json", "author")),
    "outlet": (("yoast_head_json", "og_site_name"),),
    "section": (("_embedded", "wp:term"),),
}
"""Where WordPress puts what its flat keys hold only as numeric ids (`author: 7`, `categories: [3]`)."""
WRAPPERS = ("article", "data", "item", "items", "post", "posts", "story", "stories", "result", "results", "entry",
            "entries", "document", "doc", "@graph", "response", "payload", "hits")
"""Keys an API wraps its article in; an object with one key is unwrapped too."""
TEXT_KEYS = ("rendered", "basic", "name", "display_name", "title", "text", "value", "@value", "by", "primary_section",
             "sections", "content")
"""Inside an object, the key that holds its words (`{"rendered": …}`, `{"basic": …}`, `{"name": …}`)."""
ELEMENT_MEDIA = frozenset({"image", "video", "gallery", "graphic", "audio"})
ELEMENT_LINK = frozenset({"interstitial_link", "link_list", "related_content"})
MAX_DEPTH = 8
MILLISECONDS = 10**11
"""A Unix time this large counts milliseconds."""


def parse_json(text: str) -> tuple[Header, list[Piece]]:
    """The metadata and the body's pieces of a JSON export."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleTextError(f"not valid JSON: {error.msg}", error.lineno, error.colno) from None
    article = _the_article(data)
    header = Header(title=_first_text(article, "title"), outlet=_first_text(article, "outlet"),
                    section_label=_first_text(article, "section"), source="export metadata")
    authors = _authors(article)
    if authors:
        header.bylines = [authors[0] if len(authors) == 1 else f"{', '.join(authors[:-1])} and {authors[-1]}"]
    published, unread = _date(article, "published")
    updated, unread_update = _date(article, "updated")
    if published or updated or unread or unread_update:
        header.date_lines = [DateLine(published=published, updated=updated if updated != published else None,
                                      unread=(*unread, *unread_update))]
    pieces, removed = _body(article)
    header.removed += removed
    return header, take_header_pieces(pieces, header)


def _the_article(data: Any) -> dict[str, Any]:
    """The one article in the file, unwrapped; an error when there is none, or more than one."""
    found = list(_articles(data, 0))
    if not found:
        raise ArticleTextError("no article text found in the JSON: expected the body under a key such as body, "
                               "content, text, articleBody or content_elements")
    if len(found) > 1:
        raise ArticleTextError(f"the JSON holds {len(found)} articles: keep the one this file is for (one file, one "
                               "article)")
    return found[0]


def _articles(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _articles(item, depth + 1)
    elif isinstance(value, dict):
        if _body_value(value) is not None:
            yield value
            return
        inner = [value[key] for key in WRAPPERS if key in value]
        if not inner and len(value) == 1:
            inner = list(value.values())
        for item in inner:
            yield from _articles(item, depth + 1)


def _body_value(article: dict[str, Any]) -> Any:
    """The value that holds the body, if the object has one with words in it."""
    for key in KEYS["body"]:
        value = article.get(key)
        if isinstance(value, dict) and _body_value(value) is not None and not any(k in value for k in TEXT_KEYS[:3]):
            continue  # an article wrapped under "content", not a body
        if _has_words(value):
            return value
    return None


def _has_words(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_has_words(item) for item in value)
    if isinstance(value, dict):
        return any(_has_words(value.get(key)) for key in (*TEXT_KEYS, "content", "html", "items"))
    return False


def _texts(value: Any) -> list[str]:
    """The words a metadata value holds: a string, `{"name": …}`-style objects, or a list of them."""
    if isinstance(value, str):
        text = html_text(value)
        return [text] if text else []
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        for key in TEXT_KEYS:
            texts = _texts(value.get(key))
            if texts:
                return texts
    return []


def _values(article: dict[str, Any], what: str) -> Iterator[Any]:
    for key in KEYS[what]:
        if key in article:
            yield article[key]
    for path in NESTED.get(what, ()):
        value: Any = article
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            yield value


def _first_text(article: dict[str, Any], what: str) -> str:
    return next((texts[0] for value in _values(article, what) if (texts := _texts(value))), "")


def _authors(article: dict[str, Any]) -> list[str]:
    """Every author's name, in order; a byline string such as "By Jane Doe" gives its names."""
    names = next((texts for value in _values(article, "author") if (texts := _texts(value))), [])
    cleaned = []
    for name in names:
        name = name.removeprefix("By ").removeprefix("by ").strip()
        if name and name not in cleaned:
            cleaned.append(name)
    return cleaned


def _date(article: dict[str, Any], what: str) -> tuple[dt.date | None, tuple[str, ...]]:
    """The first date under the keys for `what`, and any value there that is not a date."""
    unread: list[str] = []
    for key in KEYS[what]:
        value = article.get(key)
        if isinstance(value, bool) or value is None or value == "":
            continue
        if isinstance(value, int | float):
            seconds = value / 1000 if value > MILLISECONDS else value
            try:
                return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date(), ()
            except (OverflowError, OSError, ValueError):
                unread.append(f"{key}: {value}")
                continue
        if isinstance(value, str):
            date = parse_date(value)
            if date:
                return date, ()
            unread.append(f"{key}: {value}")
    return None, tuple(unread)


def _body(article: dict[str, Any]) -> tuple[list[Piece], list[str]]:
    value = _body_value(article)
    if isinstance(article.get("content_elements"), list) and value is article["content_elements"]:
        return _elements(value)
    return _body_pieces(value)


def _body_pieces(value: Any) -> tuple[list[Piece], list[str]]:
    """The pieces of a body given as HTML, plain text, a list of paragraphs or an object holding one of these."""
    if isinstance(value, str):
        return html_pieces(value) if is_html(value) else (text_pieces(value), [])
    pieces: list[Piece] = []
    removed: list[str] = []
    if isinstance(value, list):
        for item in value:
            more, dropped = _body_pieces(item)
            group = pieces[-1].group + 1 if pieces else 0
            pieces += [Piece(piece.text, piece.kind, piece.group + group, piece.item) for piece in more]
            removed += dropped
    elif isinstance(value, dict):
        inner = next((value[key] for key in (*TEXT_KEYS, "html", "items") if _has_words(value.get(key))), None)
        return _body_pieces(inner)
    return pieces, removed


def _elements(elements: list[Any]) -> tuple[list[Piece], list[str]]:
    """An ANS body: text, headers, lists and quotations in order; captions, pull quotes and inline links removed."""
    pieces: list[Piece] = []
    removed: list[str] = []
    for group, element in enumerate(item for item in elements if isinstance(item, dict)):
        kind = str(element.get("type", ""))
        content = element.get("content")
        if kind == "header":
            pieces += [Piece(text, "heading", group) for text in _texts(content)]
        elif kind == "list":
            pieces += [Piece(text, "paragraph", group, item=True) for text in _list_items(element)]
        elif kind == "quote" and element.get("subtype") != "pullquote":
            inner, dropped = _elements(element.get("content_elements") or [])
            pieces += [Piece(piece.text, piece.kind, group, piece.item) for piece in inner]
            removed += dropped
        elif kind in ELEMENT_MEDIA | ELEMENT_LINK | {"quote"}:
            removed += [text for key in ("caption", "content", "content_elements") for text in
                        _texts(element.get(key))]
        elif isinstance(content, str):  # text, raw_html, correction: any element that carries words
            found, dropped = _body_pieces(content)
            pieces += [Piece(piece.text, piece.kind or "paragraph", group, piece.item) for piece in found]
            removed += dropped
    return pieces, removed


def _list_items(element: dict[str, Any]) -> list[str]:
    items: list[str] = []
    for item in element.get("items") or []:
        if isinstance(item, dict) and item.get("type") == "list":
            items += _list_items(item)
        else:
            items += _texts(item.get("content") if isinstance(item, dict) else item)
    return items
