"""Reading built HTML pages in tests: links, ids, titles and visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    title: str = ""
    h1: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    content_links: list[str] = field(default_factory=list)
    """Links inside the page's main content (Material's <article>), without navigation."""
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.info.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.info.links.append(values["href"] or "")
            if "article" in self._in:
                self.info.content_links.append(values["href"] or "")
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if data == "¶":  # the permalink MkDocs adds to headings
            return
        if "title" in self._in:
            self.info.title += data
        if "h1" in self._in:
            self.info.h1 += data
        if "script" not in self._in and "style" not in self._in:
            self.info.text.append(data)


def read_page(path: Path) -> PageInfo:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.info


def internal_target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link of every HTML page whose file or fragment does not exist."""
    problems = []
    cache: dict[Path, PageInfo] = {}
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served at any depth, so its links are absolute by design
            continue
        info = cache.setdefault(page, read_page(page))
        for href in info.links:
            target = internal_target(site, page, href)
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                problems.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif fragment and file.suffix == ".html":
                ids = cache.setdefault(file, read_page(file)).ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return problems


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """A minimal DOM node, enough for tests to find elements and read their text."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """Visible text, leaving out elements that have any of the classes in `skip`."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style") and not (child.classes & skip):
                parts.append(child.text(skip))
        return "".join(parts)

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter())
        return found

    def find_all(self, tag: str = "", cls: str = "", **attrs: str) -> list[Element]:
        return [e for e in self.iter() if (not tag or e.tag == tag) and (not cls or cls in e.classes)
                and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def find(self, tag: str = "", cls: str = "", **attrs: str) -> Element | None:
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None


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


def parse_html(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root
