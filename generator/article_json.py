"""JSON exports from a content-management system or an API: one article, in whichever shape its vendor uses.

CMSs name the same things differently, so the reader knows the usual names
rather than one vendor's: flat exports (`title`, `body`, `date`, `author`),
schema.org's NewsArticle (`headline`, `articleBody`, `datePublished`),
WordPress's REST API (`title.rendered`, `content.rendered`, `date`) and
Arc's ANS (`headlines.basic`, `content_elements`, `credits.by`). The
article may come alone, in a list of one, or wrapped (`{"data": {...}}`).
A body in HTML is read block by block as text only, like a feed's content;
a plain body is split into paragraphs at blank lines; a body given as a
list (`paragraphs`, `blocks`, `elements`) is read item by item, whether its
items are strings or the typed blocks of a block editor. Dates are the day
printed in their own time zone; a number is a Unix time, read in UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from .article import ArticleTextError
from .article_blocks import html_pieces, html_text, is_html
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header
from .article_text import take_header_pieces, text_pieces

KEYS = {
    "title": ("headlines", "headline", "title", "hed", "heading"),
    "body": ("content_elements", "articleBody", "body", "body_html", "bodyHtml", "content", "content_html",
             "contentHtml", "html", "text", "body_text", "bodyText", "fulltext", "story", "paragraphs", "blocks",
             "elements", "body_elements", "bodyElements"),
    "published": ("datePublished", "date_published", "first_publish_date", "published_at", "publishedAt", "published",
                  "publish_date", "publishDate", "pubDate", "pub_date", "date", "display_date", "dateCreated",
                  "created_at", "createdAt", "created", "date_gmt"),
    "updated": ("dateModified", "date_modified", "last_updated_date", "modified", "modified_at", "modifiedAt",
                "updated", "updated_at", "updatedAt", "lastmod", "last_modified", "modified_gmt"),
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
            "entries", "document", "doc", "@graph", "response", "payload", "hits", "fields", "attributes")
"""Keys an API wraps its article in; an object with one key is unwrapped too."""
TEXT_KEYS = ("rendered", "basic", "name", "display_name", "title", "text", "value", "@value", "by", "primary_section",
             "sections", "content")
"""Inside an object, the key that holds its words (`{"rendered": …}`, `{"basic": …}`, `{"name": …}`)."""
TYPE_KEYS = ("type", "_type", "nodeType", "blockType", "block_type", "kind")
"""Where a block says what it is, by editor: Arc and Editor.js, Portable Text, rich text, others."""
BLOCK_HEADING = frozenset({"header", "heading", "subheading", "subhead", "crosshead", "intertitle",
                           *(f"h{level}" for level in range(1, 7)), *(f"heading-{level}" for level in range(1, 7))})
BLOCK_LIST = frozenset({"list", "ul", "ol", "unordered-list", "ordered-list", "bulleted-list", "numbered-list"})
BLOCK_ASIDE = frozenset({"image", "photo", "picture", "video", "gallery", "graphic", "audio", "figure", "caption",
                         "embed", "oembed", "raw-embed", "tweet", "instagram", "youtube", "interstitial-link",
                         "link-list", "related-content", "related", "ad", "advertisement", "promo", "newsletter",
                         "pullquote", "pull-quote", "embedded-asset-block", "embedded-entry-block"})
"""Blocks beside the article's text: their captions and links are listed as removed."""
INLINE_TYPES = frozenset({"", "text", "span", "hyperlink", "link", "entry-hyperlink", "asset-hyperlink", "mark"})
HEADING_STYLE = re.compile(r"^h[1-6]$")
"""Portable Text marks a heading by its style, not its type."""
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
    header = Header(title=_first_text(article, "title"), outlet=_first_text(article, "outlet") or _feed_name(data),
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


def _feed_name(data: Any) -> str:
    """The name of a JSON Feed (`{"version": "https://jsonfeed.org/…", "title": …, "items": […]}`): the outlet."""
    if isinstance(data, dict) and "jsonfeed.org" in str(data.get("version", "")):
        return html_text(str(data.get("title") or ""))
    return ""


def _the_article(data: Any) -> dict[str, Any]:
    """The one article in the file, unwrapped; an error when there is none, or more than one."""
    found = list(_articles(data, 0))
    if not found:
        raise ArticleTextError("no article text found in the JSON: expected the body under a key such as body, "
                               "content, text, articleBody, paragraphs or blocks (text, or a list of paragraphs)")
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
        if (isinstance(value, dict) and _body_value(value) is not None and not any(k in value for k in TEXT_KEYS[:3])
                and not _block_kind(value)):
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
        return any(_has_words(value.get(key)) for key in (*TEXT_KEYS, "html", "items", "data", "children"))
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
    return _body_pieces(_body_value(article))


def _body_pieces(value: Any) -> tuple[list[Piece], list[str]]:
    """The pieces of a body given as HTML, plain text, a list of blocks or an object holding one of these."""
    if isinstance(value, str):
        return html_pieces(value) if is_html(value) else (text_pieces(value), [])
    if isinstance(value, list):
        return _blocks(value)
    if isinstance(value, dict):
        if _block_list(value) is not None:  # a rich-text document: {"nodeType": "document", "content": [...]}
            return _blocks(_block_list(value) or [])
        inner = next((value[key] for key in (*TEXT_KEYS, "html", "items") if _has_words(value.get(key))), None)
        return _body_pieces(inner)
    return [], []


def _blocks(blocks: list[Any]) -> tuple[list[Piece], list[str]]:
    """A body as a list of blocks, whichever editor wrote it: strings, `{"text": …}` objects, or typed blocks.

    Typed blocks are Arc's `content_elements`, Editor.js's `{"type", "data"}`, Portable Text's `{"_type",
    "style", "children"}` and rich-text `{"nodeType", "content"}`: headings, lists and quotations are kept as
    such, and the text of images, embeds, pull quotes and inline links is removed and listed.
    """
    pieces: list[Piece] = []
    removed: list[str] = []
    for block in blocks:
        group = pieces[-1].group + 1 if pieces else 0
        found, dropped = _block(block)
        pieces += [Piece(piece.text, piece.kind, piece.group + group, piece.item) for piece in found]
        removed += dropped
    return pieces, removed


def _block(block: Any) -> tuple[list[Piece], list[str]]:
    if not isinstance(block, dict):
        return _body_pieces(block)
    fields = {**block, **block["data"]} if isinstance(block.get("data"), dict) else block
    kind = _block_kind(fields)
    if kind in BLOCK_ASIDE or fields.get("subtype") == "pullquote":
        return [], [text for key in ("caption", "text", "content", "content_elements", "children")
                    for text in _texts(fields.get(key))]
    if kind in BLOCK_LIST or fields.get("listItem"):
        items = _list_items(fields)
        if items:
            return [Piece(text, "paragraph", 0, item=True) for text in items], []
    inner = _block_list(fields)
    if inner is not None:  # a container: a quotation, a section, a rich-text list item
        return _blocks(inner)
    text = _inline(fields)
    if kind in BLOCK_HEADING or HEADING_STYLE.match(str(fields.get("style", ""))):
        return ([Piece(html_text(text), "heading")] if html_text(text) else []), []
    found, removed = _body_pieces(text)
    return [Piece(piece.text, piece.kind or "paragraph", piece.group, piece.item) for piece in found], removed


def _block_kind(block: dict[str, Any]) -> str:
    kind = next((block[key] for key in TYPE_KEYS if isinstance(block.get(key), str)), "")
    return str(kind).lower().replace("_", "-")


def _block_list(block: dict[str, Any]) -> list[Any] | None:
    """The blocks a container block holds, if its content is blocks rather than inline text."""
    for key in ("content_elements", "content", "children", "blocks"):
        value = block.get(key)
        if isinstance(value, list) and any(isinstance(item, dict) and _block_kind(item) not in INLINE_TYPES
                                           and (_block_kind(item) or key in {"content_elements", "blocks"})
                                           for item in value):
            return value
    return None


def _inline(value: Any) -> str:
    """The words of one block: its text field, or its inline nodes (spans, text runs, links) joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(_inline(item) for item in value)
    if isinstance(value, dict):
        for key in (*TEXT_KEYS, "html", "children"):
            if _has_words(value.get(key)):
                return _inline(value[key])
    return ""


def _list_items(element: dict[str, Any]) -> list[str]:
    if element.get("listItem"):  # Portable Text: each item is a block of its own
        return [text] if (text := html_text(_inline(element.get("children")))) else []
    items: list[str] = []
    for item in element.get("items") or element.get("content") or element.get("children") or []:
        if isinstance(item, dict) and (_block_kind(item) in BLOCK_LIST or isinstance(item.get("items"), list)):
            items += _list_items(item)
        elif text := html_text(_inline(item)):
            items.append(text)
    return items
