"""Every page of the sitemap, in a real browser: it loads cleanly, passes axe in both colour schemes, fits a phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitecheck import MOBILE, OpenPage, axe_violations

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


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_accessibility_violations(open_page: OpenPage, base_url: str, pages: list[str], scheme: str) -> None:
    page, _ = open_page(color_scheme=scheme)
    problems = {}
    for path in pages:
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
