"""The built site loads nothing from another host: no CDN fonts, scripts, styles, images or frames.

Links that a reader follows (`<a href>`) are fine; what counts is what a browser fetches by itself.
Source maps (`*.map`) are skipped: only a browser's developer tools fetch them, and they hold source
text, comments included.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from htmlpages import parse
from support import copy_project, mkdocs

pytestmark = pytest.mark.slow

RESOURCE_ATTRIBUTES = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "input": ("src",),
}
SCRIPT_TYPES = {None, "", "text/javascript", "application/javascript", "module"}
ABSOLUTE = r"(?:https?:)?//"
# A protocol-relative URL needs a host with a dot, so that `//comment` in a string is not one.
URL_IN_QUOTES = re.compile(r"""(["'`])((?:https?://|//[\w-]+\.[\w.-]+)[^"'`\s]*)""")
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]*)\1\s*\)|@import\s+(["'])([^"']*)\3""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
XML_STYLESHEET = re.compile(r"""<\?xml-stylesheet[^>]*href=["']([^"']+)""")


@dataclass(frozen=True)
class Load:
    """A request the page would make by itself."""

    file: str
    how: str
    """The element and attribute, or the kind of code, that makes the request."""
    url: str


def is_external(url: str, site_url: str) -> bool:
    url = url.strip()
    own = re.sub(r"^https?:", "", site_url)
    return re.match(ABSOLUTE, url) is not None and not re.sub(r"^https?:", "", url).startswith(own)


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_loads(text: str) -> Iterator[tuple[str, str]]:
    for match in CSS_URL.finditer(CSS_COMMENT.sub("", text)):
        yield ("CSS @import", match[4]) if match[4] is not None else ("CSS url()", match[2])


def js_loads(text: str) -> Iterator[tuple[str, str]]:
    for match in URL_IN_QUOTES.finditer(text):
        yield "URL in script", match[2]


def json_loads(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """URLs under the keys a web manifest loads from; the search index holds only relative locations."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from json_loads(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from json_loads(item, key)
    elif isinstance(value, str) and key in {"src", "href", "url", "start_url"}:
        yield f"JSON {key}", value


def html_loads(text: str) -> Iterator[tuple[str, str]]:
    """What an HTML page loads: resource attributes, inline styles and inline scripts."""
    for element in parse(text).iter():
        for name in RESOURCE_ATTRIBUTES.get(element.tag, ()):
            value = element.attrs.get(name, "")
            for url in srcset_urls(value) if name == "srcset" else [value]:
                yield f"<{element.tag} {name}>", url
        if element.attrs.get("style"):
            yield from css_loads(element.attrs["style"])
        if element.tag == "style":
            yield from css_loads(element.source())
        if element.tag == "script" and not element.attrs.get("src") and element.attrs.get("type") in SCRIPT_TYPES:
            yield from js_loads(element.source())


SCANNERS: dict[str, Callable[[str], Iterator[tuple[str, str]]]] = {
    ".html": html_loads, ".svg": html_loads, ".css": css_loads, ".js": js_loads, ".mjs": js_loads,
    ".json": lambda text: json_loads(json.loads(text)),
    ".xml": lambda text: (("<?xml-stylesheet href>", url) for url in XML_STYLESHEET.findall(text)),
}


def scan_site(site: Path, site_url: str) -> list[Load]:
    """Every load of a resource from a host other than `site_url`, in every built file."""
    found = []
    for path in sorted(site.rglob("*")):
        scanner = SCANNERS.get(path.suffix)
        if scanner is None or not path.is_file():
            continue
        for how, url in scanner(path.read_text(encoding="utf-8")):
            if is_external(url, site_url):
                found.append(Load(str(path.relative_to(site)), how, url))
    return found


def site_url_of(site: Path) -> str:
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert canonical, "the home page has no canonical link"
    return canonical[1]


def all_html(site: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html")))


def repository_widget_absent(site: Path) -> bool:
    return 'data-md-component="source"' not in all_html(site)


def polyfill_only_without_resize_observer(site: Path) -> bool:
    guarded = re.compile(r'typeof ResizeObserver\s*==\s*"undefined"\s*\?\s*[\w$]+\("https://unpkg\.com/resize-obs')
    return any(guarded.search(path.read_text(encoding="utf-8")) for path in site.rglob("*.js"))


# Loaders in Material's JavaScript bundle that run only in a case this site never has; each
# check proves the case absent from this build.
DORMANT: dict[str, Callable[[Path], bool]] = {
    # Only in browsers without ResizeObserver, which every browser Material supports has.
    "https://unpkg.com/resize-observer-polyfill": polyfill_only_without_resize_observer,
    # Only on a page with a Mermaid diagram.
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": lambda site: 'class="mermaid"' not in all_html(site),
    # Only with `repo_url` set: the repository's stars and version, from GitHub or GitLab.
    "https://api.github.com/repos/${e}/${t}": repository_widget_absent,
    "https://api.github.com/users/${e}": repository_widget_absent,
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": repository_widget_absent,
}


def test_the_built_site_loads_nothing_from_another_host(built_site: Path) -> None:
    site = built_site / "site"
    assert [load for load in scan_site(site, site_url_of(site)) if load.url not in DORMANT] == []


@pytest.mark.parametrize("url", DORMANT)
def test_the_loaders_left_in_the_theme_never_run_here(built_site: Path, url: str) -> None:
    assert DORMANT[url](built_site / "site")


def test_web_fonts_would_be_caught(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", ""), encoding="utf-8")
    assert mkdocs(project, "build").returncode == 0
    site = project / "site"
    loads = [load for load in scan_site(site, site_url_of(site)) if load.url not in DORMANT]
    assert {re.sub(r"^(https?:)?//([^/]+).*", r"\2", load.url) for load in loads} == {"fonts.googleapis.com",
                                                                                      "fonts.gstatic.com"}
    assert {load.how for load in loads} == {"<link href>"}


SCANNER_CASES = [
    ("page.html", '<link rel="stylesheet" href="https://cdn.example.net/a.css">',
     [("<link href>", "https://cdn.example.net/a.css")]),
    ("page.html", '<img srcset="/own.png 1x, //img.example.net/b.png 2x">',
     [("<img srcset>", "//img.example.net/b.png")]),
    ("page.html", '<div style="background: url(https://img.example.net/c.png)"></div>',
     [("CSS url()", "https://img.example.net/c.png")]),
    ("page.html", '<script>fetch("https://api.example.net/d")</script>',
     [("URL in script", "https://api.example.net/d")]),
    ("page.html", '<a href="https://news.example.net/">source</a><link rel="canonical" href="https://me.example.org/">',
     []),
    ("page.html", '<script type="application/ld+json">{"url": "https://news.example.net/"}</script>', []),
    ("style.css", '/* url(https://x.example.net/) */ @import "https://css.example.net/e.css";',
     [("CSS @import", "https://css.example.net/e.css")]),
    ("code.js", 'import("https://esm.example.net/f.js"); // see https://docs.example.net/',
     [("URL in script", "https://esm.example.net/f.js")]),
    ("code.js", 'a.src = "https://me.example.org/own.js"', []),
]


@pytest.mark.parametrize(("name", "text", "expected"), SCANNER_CASES)
def test_the_scanner_reports_loads_and_only_loads(tmp_path: Path, name: str, text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    found = scan_site(tmp_path, "https://me.example.org/")
    assert [(load.how, load.url) for load in found] == expected
