"""XML as news agencies and feeds deliver it: NITF, NewsML-G2 and one RSS or Atom item.

Each standard says where the headline, byline, dates, dateline and body
are, so the reader looks there: NITF's `hedline`, `byline`, `docdata` and
`body.content`; NewsML-G2's `contentMeta` and the XHTML (or plain text) in
its `contentSet`; a feed item's `title`, `dc:creator`, `pubDate` and
`content:encoded` (or `description`), with the channel's title as the
outlet. The body is read block by block as text only, like a CMS export's
HTML. Namespaces are matched by local name, since agencies vary them.

The XML is parsed with expat and never reaches out: a document type that
names a DTD is not loaded, and one that declares anything in the file
(entities above all, the "billion laughs" and external-file attacks) is
refused with its line and column, as is any reference to an entity XML
does not predefine. Malformed XML is reported where expat stops.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from xml.parsers import expat

from .article import ArticleTextError
from .article_blocks import html_pieces, html_text, is_html
from .article_body import Piece
from .article_dates import DateLine, parse_date
from .article_header import Header, is_section_like, read_byline
from .article_text import take_header_pieces, text_pieces

COMPACT_DATE = re.compile(r"^(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})(?:T|$)")
"""ISO 8601 in its basic form, as NITF's `norm` attributes write it ("20240305T093000+0100"): the day printed."""
NITF_TAGS = {"hl1": "h2", "hl2": "h3", "block": "div", "media": "figure", "media-caption": "figcaption",
             "nitf-table": "table", "bq": "blockquote", "credit": "figcaption"}
"""NITF's block elements, as the HTML they stand for, so the fragment reader can read them."""
FEED_SECTION = re.compile(r"^(?P<outlet>.+?)\s+(?:[|:»›]|[-–—])\s+(?P<section>[^|:»›–—-]{1,40})$")
"""A channel title such as "Example News - World" or "Example News | World news"."""
EMAIL_AUTHOR = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$")
"""RSS's `<author>`: "desk@example.com (Jane Doe)"."""


class _Tree:
    """An XML document as an element tree with each element's line, read by expat with declarations refused."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root: ElementTree.Element | None = None
        self.lines: dict[int, int] = {}
        self.stack: list[ElementTree.Element] = []
        self.parser = expat.ParserCreate(encoding="UTF-8", namespace_separator="}")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._data
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.SkippedEntityHandler = self._skipped
        try:
            self.parser.Parse(text.encode("utf-8"), True)
        except expat.ExpatError as error:
            message = expat.ErrorString(error.code) if error.code else str(error)
            raise ArticleTextError(f"the XML is malformed: {message}", error.lineno, error.offset + 1) from None

    def line(self, element: ElementTree.Element) -> int:
        return self.lines.get(id(element), 1)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        element = ElementTree.Element(_local(name), {_local(key): value for key, value in attributes.items()})
        if self.stack:
            self.stack[-1].append(element)
        elif self.root is None:
            self.root = element
        self.stack.append(element)
        self.lines[id(element)] = self.parser.CurrentLineNumber

    def _end(self, name: str) -> None:
        self.stack.pop()

    def _data(self, data: str) -> None:
        if not self.stack:
            return
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def _doctype(self, name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            marker = "<!ENTITY" if "<!ENTITY" in self.text else "<!DOCTYPE"
            what = "an entity declaration" if marker == "<!ENTITY" else "a document type with declarations"
            self._refuse(marker, f"{what} ({marker} …>) is refused: an article's XML may not declare anything")

    def _entity(self, *_: object) -> None:
        self._refuse("<!ENTITY", "an entity declaration (<!ENTITY …>) is refused: an article's XML may not "
                     "declare anything")

    def _skipped(self, name: str, is_parameter_entity: int) -> None:
        raise ArticleTextError(f"the entity &{name}; is not defined: XML knows only &amp; &lt; &gt; &quot; and "
                               "&apos;, so write the character itself", self.parser.CurrentLineNumber,
                               self.parser.CurrentColumnNumber + 1)

    def _refuse(self, marker: str, message: str) -> None:
        index = self.text.find(marker)
        line = self.text.count("\n", 0, index) + 1 if index >= 0 else self.parser.CurrentLineNumber
        column = index - self.text.rfind("\n", 0, index) if index >= 0 else 1
        raise ArticleTextError(message, line, column)


def _local(name: str) -> str:
    """A tag or attribute without its namespace ("http://purl.org/dc/elements/1.1/}creator" is "creator")."""
    return name.rsplit("}", 1)[-1]


def parse_xml(text: str) -> tuple[Header, list[Piece]]:
    """The metadata and the body's pieces of an NITF, NewsML-G2, RSS or Atom file."""
    tree = _Tree(text)
    root = tree.root
    if root is None:
        raise ArticleTextError("the XML has no elements")
    if root.tag == "nitf":
        header, pieces = _nitf(root, tree)
    elif root.tag in {"newsItem", "newsMessage", "packageItem"} or _find(root, "newsItem") is not None:
        header, pieces = _newsml(root, tree)
    elif root.tag in {"rss", "RDF", "feed", "channel", "item", "entry"}:
        header, pieces = _feed(root, tree)
    else:
        raise ArticleTextError(f"<{root.tag}> is not an article format this reader knows: expected NITF (<nitf>), "
                               "NewsML-G2 (<newsItem>), or an RSS or Atom feed with one item", tree.line(root))
    return header, take_header_pieces(pieces, header)


# What the three standards share --------------------------------------------------------------------------------

def _find(element: ElementTree.Element | None, *path: str) -> ElementTree.Element | None:
    """The first descendant reached by a path of local names, each at any depth below the one before."""
    for name in path:
        if element is None:
            return None
        element = next((child for child in element.iter(name) if child is not element), None)
    return element


def _child(element: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    return next((child for child in element if child.tag == name), None) if element is not None else None


def _text(element: ElementTree.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _attribute(element: ElementTree.Element | None, name: str) -> str:
    return (element.get(name) or "").strip() if element is not None else ""


def _first(*values: str) -> str:
    return next((value for value in values if value), "")


def _date(value: str) -> dt.date | None:
    compact = COMPACT_DATE.match(value.strip())
    if compact and "-" not in value[:8]:
        try:
            return dt.date(int(compact["year"]), int(compact["month"]), int(compact["day"]))
        except ValueError:
            return None
    return parse_date(value) if value.strip() else None


def _date_lines(published: Iterable[str], updated: Iterable[str]) -> list[DateLine]:
    """One date line from the first readable published and updated dates; dates that cannot be read are listed."""
    published_values = [value for value in published if value]
    updated_values = [value for value in updated if value]
    published_date = next((date for value in published_values if (date := _date(value))), None)
    updated_date = next((date for value in updated_values if (date := _date(value))), None)
    unread = tuple(value for value in (*published_values[:1], *updated_values[:1]) if _date(value) is None)
    if not (published_date or updated_date or unread):
        return []
    return [DateLine(published=published_date, unread=unread,
                     updated=updated_date if updated_date != published_date else None)]


def _byline(text: str) -> str:
    return read_byline(text) or re.sub(r"^by\s+", "", text, flags=re.IGNORECASE).strip()


def _markup(element: ElementTree.Element, renames: dict[str, str] | None = None) -> str:
    """An element's content as HTML for the fragment reader, tags renamed where a standard has its own."""
    element = copy.deepcopy(element)
    for inner in element.iter():
        inner.tag = (renames or {}).get(inner.tag, inner.tag)
    return ElementTree.tostring(element, encoding="unicode", method="html")


def _body_of(value: str) -> tuple[list[Piece], list[str]]:
    """The pieces of a body held as text: HTML (escaped or in CDATA, as feeds carry it) or plain paragraphs."""
    return html_pieces(value) if is_html(value) else (text_pieces(value), [])


def _with_dateline(pieces: list[Piece], dateline: str) -> list[Piece]:
    """A dateline given apart from the text opens its first paragraph, as the agency's copy prints it."""
    first = next((index for index, piece in enumerate(pieces) if piece.kind != "heading"), None)
    if not dateline or first is None or pieces[first].text.lower().startswith(dateline.split(",")[0].lower()):
        return pieces
    lead = pieces[first]
    opened = Piece(f"{dateline.rstrip(' -—–')} — {lead.text}", lead.kind, lead.group, lead.item)
    return [*pieces[:first], opened, *pieces[first + 1:]]


def _no_body(tree: _Tree, where: ElementTree.Element, expected: str) -> ArticleTextError:
    return ArticleTextError(f"no article text found: expected {expected}", tree.line(where))


# NITF ------------------------------------------------------------------------------------------------------------

def _nitf(root: ElementTree.Element, tree: _Tree) -> tuple[Header, list[Piece]]:
    head, body_head = _child(root, "head"), _find(root, "body.head")
    docdata, pubdata = _find(head, "docdata"), _find(head, "pubdata")
    header = Header(title=_first(_text(_find(body_head, "hl1")), _text(_find(head, "title"))),
                    outlet=_first(_attribute(pubdata, "name"), _text(_find(body_head, "distributor")),
                                  _attribute(_find(docdata, "doc.copyright"), "holder")),
                    section_label=_attribute(pubdata, "position.section"), source="NITF head")
    byline = _find(body_head, "byline")
    names = [_text(person) for person in byline.iter("person")] if byline is not None else []
    byline_text = _names(names) if names else _byline(_text_without(byline, {"byttl"}).rstrip(" ,"))
    header.bylines = [byline_text] if byline_text else []
    dateline = _find(body_head, "dateline")
    header.date_lines = _date_lines(
        [_attribute(_find(docdata, "date.issue"), "norm"), _attribute(_find(docdata, "date.release"), "norm"),
         _attribute(pubdata, "date.publication"), _attribute(_find(dateline, "story.date"), "norm")], [])
    content = _find(root, "body.content")
    if content is None or not _text(content):
        raise _no_body(tree, content if content is not None else root, "paragraphs in <body.content>")
    pieces, removed = html_pieces(_markup(content, NITF_TAGS))
    end = _find(root, "body.end")
    if end is not None:
        more, dropped = html_pieces(_markup(end, {"tagline": "p", "bibliography": "p"}))
        pieces += more
        removed += dropped
    header.removed += removed
    return header, _with_dateline(pieces, _text(dateline))


def _text_without(element: ElementTree.Element | None, skipped: set[str]) -> str:
    """An element's words, leaving out the children named (a byline's title, `<byttl>`)."""
    def words(inner: ElementTree.Element) -> Iterable[str]:
        yield inner.text or ""
        for child in inner:
            if child.tag not in skipped:
                yield from words(child)
            yield child.tail or ""
    return " ".join("".join(words(element)).split()) if element is not None else ""


def _names(names: list[str]) -> str:
    names = [name for name in names if name]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}" if names else ""


# NewsML-G2 -------------------------------------------------------------------------------------------------------

def _newsml(root: ElementTree.Element, tree: _Tree) -> tuple[Header, list[Piece]]:
    items = [item for item in root.iter("newsItem") if _find(item, "contentSet") is not None]
    if len(items) > 1:
        raise ArticleTextError(f"the file holds {len(items)} news items: keep the one this file is for (one file, "
                               "one article)", tree.line(items[1]))
    item = items[0] if items else root
    item_meta, meta = _find(item, "itemMeta"), _find(item, "contentMeta")
    headline = next((h for h in (meta.iter("headline") if meta is not None else ())
                     if _attribute(h, "role") in {"", "hld:main"}), _find(meta, "headline"))
    provider = _find(item_meta, "provider")
    header = Header(title=_first(_text(headline), _text(_find(item_meta, "title"))),
                    outlet=_first(_text(_find(provider, "name")), _attribute(provider, "literal"),
                                  _text(_find(item, "copyrightHolder", "name")),
                                  _text(_find(meta, "infoSource", "name"))),
                    section_label=_text(_find(meta, "subject", "name")), source="NewsML-G2 metadata")
    creators = [_first(_text(_find(creator, "name")), _attribute(creator, "literal"))
                for creator in (meta.iter("creator") if meta is not None else ())]
    header.bylines = [byline] if (byline := _first(_byline(_text(_find(meta, "by"))), _names(creators))) else []
    header.date_lines = _date_lines(
        [_text(_find(meta, "contentCreated")), _text(_find(item_meta, "firstCreated"))],
        [_text(_find(meta, "contentModified")), _text(_find(item_meta, "versionCreated"))])
    content_set = _find(item, "contentSet")
    inline_xml, inline_data = _find(content_set, "inlineXML"), _find(content_set, "inlineData")
    if inline_xml is not None and _text(inline_xml):
        body = _find(inline_xml, "body")
        pieces, removed = html_pieces(_markup(body if body is not None else inline_xml))
    elif inline_data is not None and _text(inline_data):
        pieces, removed = _body_of(inline_data.text or "")
    else:
        raise _no_body(tree, content_set if content_set is not None else item,
                       "the text in <contentSet>'s <inlineXML> or <inlineData>")
    header.removed += removed
    return header, _with_dateline(pieces, _text(_find(meta, "dateline")))


# RSS and Atom ----------------------------------------------------------------------------------------------------

def _feed(root: ElementTree.Element, tree: _Tree) -> tuple[Header, list[Piece]]:
    items = [root] if root.tag in {"item", "entry"} else [*root.iter("item"), *root.iter("entry")]
    if len(items) != 1:
        where = items[1] if items else root
        count = f"{len(items)} items" if items else "no item"
        raise ArticleTextError(f"the feed holds {count}: keep the one item that is the article (one file, one "
                               "article)", tree.line(where))
    item = items[0]
    channel = _child(root, "channel") if root.tag == "rss" else root if root.tag in {"channel", "feed"} else None
    outlet, section = _feed_title(html_text(_text(_child(channel, "title"))))
    header = Header(title=html_text(_text(_child(item, "title"))),
                    outlet=_first(_text(_child(item, "publisher")), _text(_child(item, "source")), outlet),
                    section_label=_first(_text(_child(item, "category")), _attribute(_child(item, "category"),
                                                                                      "term"), section),
                    source="feed item")
    authors = [_text(_child(author, "name")) or _rss_author(_text(author))
               for author in item if author.tag in {"creator", "author"}]
    header.bylines = [byline] if (byline := _names([_byline(name) for name in authors])) else []
    header.date_lines = _date_lines([_text(_child(item, name)) for name in ("pubDate", "published", "date", "issued")],
                                    [_text(_child(item, name)) for name in ("updated", "modified")])
    content = next((element for name in ("encoded", "content", "description", "summary")
                    if (element := _child(item, name)) is not None and _text(element)), None)
    if content is None:
        raise _no_body(tree, item, "the text in the item's <content:encoded>, <content> or <description>")
    if len(content) and content.get("type") == "xhtml":
        pieces, removed = html_pieces("".join(_markup(child) for child in content))
    else:
        pieces, removed = _body_of(content.text or "")
    header.removed += removed
    return header, pieces


def _feed_title(title: str) -> tuple[str, str]:
    """The outlet and section of a channel title: "Example News - World" is Example News's World section."""
    match = FEED_SECTION.match(title)
    if match and (is_section_like(match["section"]) or is_section_like(match["section"].removesuffix(" news"))):
        return match["outlet"], match["section"]
    return title, ""


def _rss_author(text: str) -> str:
    match = EMAIL_AUTHOR.match(text)
    return match["name"] if match else text
