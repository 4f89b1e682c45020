"""The search index (the site's largest file) loads when a reader opens search, and search then works as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitecheck import OpenPage, expect

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
RESULT = ".md-search-result a.md-search-result__link"


def index_requests(page: Page) -> list[str]:
    """A live list of the page's requests for the search index."""
    found: list[str] = []

    def on_request(request: Request) -> None:
        if request.url.split("?")[0].endswith(INDEX):
            found.append(request.url)

    page.on("request", on_request)
    return found


def test_reading_pages_never_loads_the_index(open_page: OpenPage, base_url: str, article: str) -> None:
    page, log = open_page()
    requested = index_requests(page)
    page.goto(base_url + article, wait_until="networkidle")
    page.locator("article a[href*='entities/']").first.click()  # as a reader moves on
    page.wait_for_url(f"{base_url}entities/**")
    page.wait_for_load_state("networkidle")
    assert requested == []
    assert log.take() == []


def test_opening_search_loads_the_index_once_and_search_works(open_page: OpenPage, base_url: str) -> None:
    page, log = open_page()
    requested = index_requests(page)
    page.goto(base_url + "timeline/", wait_until="networkidle")
    assert requested == []
    page.click("input.md-search__input")
    page.keyboard.type("Kadhimi")
    expect(page.locator(RESULT).first).to_be_visible()
    page.keyboard.press("Escape")
    page.click("input.md-search__input")
    page.keyboard.type(" Biden")
    expect(page.locator(RESULT).first).to_be_visible()
    assert len(requested) == 1
    assert log.take() == []


def test_the_keyboard_shortcut_opens_search_with_its_index(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page()
    requested = index_requests(page)
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type("Soleimani")
    expect(page.locator(RESULT).first).to_be_visible()
    assert len(requested) == 1


def test_a_link_to_a_search_shows_its_results(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page()
    page.goto(base_url + "?q=Muhandis")
    expect(page.locator(RESULT).first).to_be_visible()
