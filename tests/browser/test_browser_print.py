"""Printing: any page prints as a clean handout, its text alone, with its links as numbered notes at the end."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sitecheck import OpenPage, expect

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# What surrounds the text on screen, and must not print.
CHROME = (".md-header", ".md-tabs", "nav", ".md-sidebar", ".md-footer", ".md-search", ".md-top", ".md-skip",
          "button", ".md-typeset .headerlink")
VISIBLE = """(selector) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility())
    .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""))"""


@pytest.fixture(scope="module")
def printed_pages(pages: list[str], article: str) -> list[str]:
    """One page of each kind, and every index page."""
    kinds = ("topics/", "entities/")
    one_of_each = [next(path for path in pages if path.startswith(kind) and path != kind) for kind in kinds]
    return [path for path in pages if path.count("/") <= 1] + [article, *one_of_each]


def print_view(page: Page, url: str) -> None:
    """Open `url` on screen, then switch to the print media type, as the browser does when it prints."""
    page.emulate_media(media="screen")
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")


def test_printed_pages_show_the_text_and_nothing_around_it(open_page: OpenPage, base_url: str,
                                                            printed_pages: list[str]) -> None:
    page, log = open_page()
    problems = {}
    for path in printed_pages:
        print_view(page, base_url + path)
        shown = [f"{selector} is printed: {', '.join(found)}" for selector in CHROME
                 if (found := page.evaluate(VISIBLE, selector))]
        if not page.locator("article h1").is_visible():
            shown.append("the page's title is not printed")
        if shown:
            problems[path] = shown
    assert not problems, "\n".join(f"/{path}: {'; '.join(lines)}" for path, lines in problems.items())
    assert log.take() == []


def test_links_are_printed_as_numbered_notes(open_page: OpenPage, base_url: str, article: str) -> None:
    page, _ = open_page()
    print_view(page, base_url + article)
    notes = page.locator(".print-links li")
    expect(page.locator(".print-links h2")).to_have_text("Links on this page")
    entity = page.locator("article p a[href*='/entities/']").first
    number = int(entity.get_attribute("data-print-note") or 0)
    address = entity.evaluate("(a) => a.href")
    assert address.startswith(base_url + "entities/")
    assert notes.nth(number - 1).inner_text().endswith(": " + address)
    # The mark follows the name (after a misprinted name's "[sic]").
    mark = entity.evaluate("(a) => (a.parentElement.matches('.garbled') ? a.parentElement : a).nextElementSibling")
    assert mark is not None
    marks = page.locator("sup.print-note").all_inner_texts()
    assert f"[{number}]" in marks and marks == [f"[{n}]" for n in range(1, len(marks) + 1)]
    # Each address is listed once, and every link leaving the page has a note.
    listed = [re.sub(r"^.*: ", "", text) for text in notes.all_inner_texts()]
    assert len(listed) == len(set(listed)) == len(marks)
    leaving = page.evaluate("""() => [...document.querySelectorAll("article a[href]")]
        .filter((a) => !a.closest(".print-links, .headerlink") && new URL(a.href).pathname !== location.pathname
                       && !new URL(a.href).hash.startsWith("#source-"))
        .map((a) => a.href)""")
    assert sorted(set(leaving)) == sorted(listed)


def test_citations_and_links_within_the_page_get_no_note(open_page: OpenPage, base_url: str, article: str) -> None:
    page, _ = open_page()
    print_view(page, base_url + article)
    assert page.locator("sup.cite a").count() > 0 and page.locator("a.verdict").count() > 0
    assert page.locator("sup.cite a[data-print-note], a.verdict[data-print-note]").count() == 0
    brackets = page.locator("sup.cite").first.evaluate(
        "(sup) => [getComputedStyle(sup, '::before').content, getComputedStyle(sup, '::after').content]")
    assert brackets == ['"["', '"]"']  # printed as [1]
    expect(page.locator("h2#sources + ol li").first).to_be_visible()


def test_a_dark_page_prints_black_on_white_with_its_hidden_parts_open(open_page: OpenPage, base_url: str,
                                                                     article: str) -> None:
    page, _ = open_page(color_scheme="dark")
    print_view(page, base_url + article)
    for text in (page.locator("article h1"), page.locator("article p[id^='p-']").first):
        colour = text.evaluate("(e) => getComputedStyle(e).color")
        assert all(int(channel) <= 0x33 for channel in re.findall(r"\d+", colour)), colour  # black or nearly
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    details = page.locator("article details")
    assert details.count() > 0
    assert details.evaluate_all("(all) => all.every((d) => d.open)")


def test_the_page_is_restored_after_printing(open_page: OpenPage, base_url: str, article: str) -> None:
    page, _ = open_page()
    print_view(page, base_url + article)
    expect(page.locator(".print-links")).to_have_count(1)
    page.emulate_media(media="screen")
    expect(page.locator(".print-links, sup.print-note, [data-print-note]")).to_have_count(0)
    assert page.locator("article details").evaluate_all("(all) => all.every((d) => !d.open)")
    expect(page.locator(".md-header")).to_be_visible()


def test_the_print_stylesheet_never_delays_the_screen(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="stylesheet" href="assets/print\.css" media="print">', home)
    assert "print.css" not in re.sub(r'<link[^>]*media="print"[^>]*>', "", home)


def test_a_page_prints_to_pdf_with_its_notes(open_page: OpenPage, base_url: str, article: str) -> None:
    page, log = open_page()
    page.goto(base_url + article, wait_until="networkidle")
    # The browser's own print: a listener added after the page's sees what is printed.
    page.evaluate("""() => addEventListener("beforeprint", () => {
        window.printedNotes = document.querySelectorAll(".print-links li").length; })""")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2
    assert page.evaluate("window.printedNotes") > 0
    expect(page.locator(".print-links")).to_have_count(0)  # put back after printing
    assert log.take() == []
