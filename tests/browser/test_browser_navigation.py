"""Finding one's way: the search box, the menu on a phone, and the keyboard."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from sitecheck import MOBILE, OpenPage, expect

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# A focused element shows an outline or a shadow; Material's hidden colour-scheme option shows it on the label
# that follows it; the search field, when focused, opens the search panel.
FOCUS_STYLE = """() => {
    const focused = document.activeElement;
    const shown = (e) => { const s = getComputedStyle(e);
        return (s.outlineStyle !== "none" && s.outlineWidth !== "0px") || s.boxShadow !== "none"; };
    return [focused, focused.matches(".md-option") && focused.nextElementSibling].some((e) => e && shown(e))
        || (focused.matches(".md-search__input") && document.getElementById("__search").checked); }"""


def misprinted_entity(page: Page, base_url: str, article: str) -> tuple[str, str, str]:
    """An entity the article misprints: its page, its name, and a misspelling listed on its page."""
    page.goto(base_url + article)
    entity = page.locator("span.garbled a[href*='entities/']").first.evaluate("(a) => new URL(a.href).pathname")
    page.goto(base_url + entity.lstrip("/"))
    name = page.locator("h1").evaluate("(h) => h.firstChild.textContent")  # without the permalink
    misspelt = page.locator("h2#names + ul li:has(.verdict-garbled)").first.inner_text()
    return entity, name, re.findall(r"“([^”]+)”", misspelt)[0]


def search(page: Page, query: str) -> None:
    """Type into the search box as a reader would, once the index has been fetched for the search worker."""
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.keyboard.type(query)


def test_search_finds_an_entity_by_name_and_by_misspelling(open_page: OpenPage, base_url: str, article: str) -> None:
    page, log = open_page()
    entity, name, misspelt = misprinted_entity(page, base_url, article)
    for words in (name, misspelt):
        page.goto(base_url)
        search(page, words.split()[-1].split("-")[-1])  # one word of it, as a reader would type
        result = page.locator(f".md-search-result a.md-search-result__link[href*='{entity}?']")
        expect(result.first).to_be_visible()
    assert log.take() == []


def test_the_menu_works_on_a_phone(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page(viewport=MOBILE)
    page.goto(base_url)
    link = page.locator("nav.md-nav--primary a.md-nav__link[href$='timeline/']").first
    expect(link).not_to_be_in_viewport()

    page.click("label.md-header__button[for='__drawer']")
    expect(link).to_be_in_viewport()
    link.click()
    page.wait_for_url(base_url + "timeline/")
    expect(page.locator(".timeline-filter")).to_be_visible()


def test_the_skip_link_leads_the_keyboard_to_the_content(open_page: OpenPage, base_url: str, article: str) -> None:
    page, _ = open_page()
    page.goto(base_url + article)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert page.evaluate(FOCUS_STYLE), "the skip link's focus is not visible"

    target = skip.evaluate("(a) => new URL(a.href).hash")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}{article}{target}")
    expect(page.locator(f".md-content {target}")).to_be_in_viewport()
    assert page.evaluate("document.activeElement.id") == target.removeprefix("#"), "focus stays on the skip link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


def test_focus_is_always_visible(open_page: OpenPage, base_url: str, article: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page, _ = open_page()
    page.goto(base_url + article)
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        try:  # Material reacts to focus asynchronously (the search panel opens a moment later)
            page.wait_for_function(FOCUS_STYLE, timeout=2_000)
        except PlaywrightTimeoutError:
            invisible.append(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    assert not invisible, "\n".join(invisible)


def test_a_wide_table_scrolls_by_keyboard_on_a_phone(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page(viewport=MOBILE)
    page.goto(base_url + "how-to-edit/")
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-typeset__scrollwrap')"):
            break
    else:
        pytest.fail("Tab never reached a table that scrolls sideways")
    table = page.locator(".md-typeset__scrollwrap:focus")
    assert (table.get_attribute("role"), (table.get_attribute("aria-label") or "")[:7]) == ("region", "Table: ")
    assert page.evaluate(FOCUS_STYLE), "the table's focus is not visible"
    assert table.evaluate("(wrap) => wrap.scrollLeft") == 0
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)


def test_a_table_that_fits_stays_out_of_the_tab_order(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page()
    page.goto(base_url + "how-to-edit/")
    wraps = page.locator(".md-typeset__scrollwrap")
    assert wraps.count() > 5
    fitting = wraps.evaluate_all("(all) => all.filter((w) => w.scrollWidth <= w.clientWidth)"
                                 ".map((w) => w.getAttribute('tabindex'))")
    assert fitting and set(fitting) == {None}
