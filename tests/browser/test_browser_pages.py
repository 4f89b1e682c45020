"""Every page of the sitemap, in a real browser: it loads cleanly, passes axe in both colour schemes at desktop and
phone widths, and fits a phone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sitecheck import DESKTOP, MOBILE, OpenPage, axe_violations

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Material picks the palette whose media query matches; these are the schemes mkdocs.yml names for each.
SCHEMES = {"light": "default", "dark": "slate"}


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"/{path}:\n  " + "\n  ".join(lines) for path, lines in problems.items())


@pytest.mark.slow
def test_sitemap_lists_the_pages(pages: list[str]) -> None:
    assert "" in pages and "timeline/" in pages
    assert any(path.startswith("articles/") for path in pages)
    assert any(path.startswith("entities/") for path in pages)


@pytest.mark.browser
def test_every_page_loads_cleanly(open_page: OpenPage, base_url: str, pages: list[str]) -> None:
    page, log = open_page()
    problems = {}
    for path in pages:
        response = page.goto(base_url + path, wait_until="networkidle")
        status = [f"HTTP {response.status if response else 'no response'}"] if not response or not response.ok else []
        if found := status + log.take():
            problems[path] = found
    assert not problems, report(problems)


def one_of_each_kind(site: Path, pages: list[str]) -> list[str]:
    """Each page of its own kind (home, timeline, the indexes...), and the longest article, topic and entity page:
    each kind comes from one template, so its longest page shows whatever the template does at a width."""
    kinds: dict[str, list[str]] = {}
    for path in pages:
        kinds.setdefault(path.split("/")[0] if path.count("/") > 1 else path, []).append(path)
    return [max(group, key=lambda path: (site / path / "index.html").stat().st_size) for group in kinds.values()]


def test_one_of_each_kind_picks_the_longest_of_each_template(tmp_path: Path) -> None:
    sizes = {"": 5, "timeline/": 1, "entities/": 2, "entities/a/": 3, "entities/b/": 9, "articles/x/": 1}
    for path, size in sizes.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("x" * size, encoding="utf-8")
    assert one_of_each_kind(tmp_path, list(sizes)) == ["", "timeline/", "entities/", "entities/b/", "articles/x/"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_no_accessibility_violations(open_page: OpenPage, base_url: str, site: Path, pages: list[str], scheme: str,
                                     size: str) -> None:
    """Every page at desktop width; at phone width, one page of each kind (axe over every page at both widths
    would double the suite's longest test)."""
    page, _ = open_page(color_scheme=scheme, viewport=DESKTOP if size == "desktop" else MOBILE)
    problems = {}
    for path in pages if size == "desktop" else one_of_each_kind(site, pages):
        page.goto(base_url + path)
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        wrong = [f"colour scheme is {shown!r}, not {SCHEMES[scheme]!r}"] if shown != SCHEMES[scheme] else []
        if found := wrong + axe_violations(page):
            problems[path] = found
    assert not problems, report(problems)


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(open_page: OpenPage, base_url: str, pages: list[str]) -> None:
    page, _ = open_page(viewport=MOBILE)
    too_wide = {}
    for path in pages:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > MOBILE["width"]:
            too_wide[path] = [f"{width}px wide: " + ", ".join(widest_elements(page))]
    assert not too_wide, report(too_wide)


def widest_elements(page: Page) -> list[str]:
    """The elements that stick out past the viewport's right edge, to say what to fix."""
    return page.evaluate(  # type: ignore[no-any-return]
        """() => [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
            .slice(-5).map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""))"""
    )
