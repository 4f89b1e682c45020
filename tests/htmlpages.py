"""The tests' one HTML reader, and the one internal-link checker built on it.

`parse` reads HTML into a small tree of `Element`s; everything else (a page's
title and links, visible text, script bodies, the link checker) is read from
that tree, so every test reads HTML the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = frozenset({"script", "style", "template"})
"""Elements whose content a reader never sees as text."""
PERMALINK = "¶"
"""The mark MkDocs adds to headings as a link to them."""


@dataclass
class Element:
    """A minimal DOM node, enough for tests to find elements and read their text."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, skip: frozenset[str] = frozenset(), hidden: frozenset[str] = HIDDEN) -> str:
        """Visible text, leaving out `hidden` elements and elements that have any of the classes in `skip`."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in hidden and not (child.classes & skip):
                parts.append(child.text(skip, hidden))
        return "".join(parts)

    def visible(self, hidden: frozenset[str] = HIDDEN) -> str:
        """The visible text with its white space collapsed, as a reader sees it."""
        return " ".join(self.text(hidden=hidden).split())

    def source(self) -> str:
        """Everything written inside the element, scripts and styles included (for a script's or style's body)."""
        return "".join(child if isinstance(child, str) else child.source() for child in self.children)

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str = "", cls: str = "", **attrs: str) -> list[Element]:
        return [e for e in self.iter() if (not tag or e.tag == tag) and (not cls or cls in e.classes)
                and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def find(self, tag: str = "", cls: str = "", **attrs: str) -> Element | None:
        return next(iter(self.find_all(tag, cls, **attrs)), None)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """The tree of `html`; the returned root holds the document's top-level nodes."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def parse_html(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))


@dataclass
class PageInfo:
    """What the built-site tests ask of a page: its title, its heading, its anchors and its links."""

    title: str
    h1: str
    ids: set[str]
    """Every id, and the old-style `<a name>` anchors."""
    links: list[str]
    content_links: list[str]
    """Links inside the page's main content (Material's <article>), without navigation."""


def page_info(doc: Element) -> PageInfo:
    title, h1 = doc.find("title"), doc.find("h1")
    ids = {e.attrs["id"] for e in doc.iter() if e.attrs.get("id")}
    ids |= {e.attrs["name"] for e in doc.find_all("a") if e.attrs.get("name")}
    content = [a.attrs["href"] for article in doc.find_all("article") for a in article.find_all("a")
               if "href" in a.attrs]
    return PageInfo(title=title.text() if title else "", h1=h1.text().replace(PERMALINK, "") if h1 else "",
                    ids=ids, links=[a.attrs["href"] for a in doc.find_all("a") if "href" in a.attrs],
                    content_links=content)


def read_page(path: Path) -> PageInfo:
    return page_info(parse_html(path))


def internal_target(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link of `page` points at, or None for a link that leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, pages: list[Path] | None = None) -> list[str]:
    """Every internal link of the HTML `pages` (default: all of `site`) whose file or fragment does not exist."""
    problems = []
    cache: dict[Path, PageInfo] = {}

    def info(path: Path) -> PageInfo:
        if path not in cache:
            cache[path] = read_page(path)
        return cache[path]

    for page in pages if pages is not None else sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served at any depth, so its links are absolute by design
            continue
        for href in info(page).links:
            target = internal_target(page, href)
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                problems.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in info(file).ids:
                problems.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return problems
