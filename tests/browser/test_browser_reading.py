"""Reading the article as a reader would: names lead to their pages and back, terms, claims, the timeline filter."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from sitecheck import OpenPage, expect

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+/|#.*$", "", url)


def test_a_name_leads_to_its_page_and_back_to_the_paragraph(open_page: OpenPage, base_url: str, article: str) -> None:
    page, log = open_page()
    page.goto(base_url + article)
    name = page.locator("span.garbled a[href*='entities/']").first
    paragraph = name.evaluate("(a) => a.closest('[id^=\"p-\"]').id")
    entity = path_of(name.evaluate("(a) => a.href"))

    name.click()
    page.wait_for_url(base_url + entity)
    expect(page.locator("h1")).to_be_visible()
    backlink = page.locator(f"h2#mentions + ul a[href$='{article}#{paragraph}']")
    expect(backlink).to_have_count(1)

    backlink.click()
    page.wait_for_url(f"{base_url}{article}#{paragraph}")
    expect(page.locator(f"#{paragraph}")).to_be_in_viewport()
    assert log.take() == []


def test_a_glossary_term_shows_its_tooltip_on_hover_and_focus(open_page: OpenPage, base_url: str,
                                                              article: str) -> None:
    page, log = open_page()
    page.goto(base_url + article)
    term = page.locator("article abbr").first  # not by its title, which the word lends the tooltip while shown
    title = term.get_attribute("title") or ""
    assert title
    tooltip = page.locator(".glossary-tip[role='tooltip']")
    expect(tooltip).to_have_count(0)

    term.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(title)
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    page.mouse.move(1, 1)
    expect(tooltip).to_have_count(0)
    assert term.get_attribute("title") == title, "the definition goes back on the word for screen readers"

    expect(term).to_have_attribute("tabindex", "0")  # in the tab order once the browser is idle
    term.focus()  # a keyboard user tabs to the word; a tap focuses it too
    expect(tooltip).to_have_text(title)
    page.keyboard.press("Escape")
    expect(tooltip).to_have_count(0)
    assert log.take() == []


def test_a_claim_badge_reveals_its_verdict(open_page: OpenPage, base_url: str, article: str) -> None:
    page, _ = open_page()
    page.goto(base_url + article)
    # The explanation is on the badge's wrapper, which Material's instant previews (if turned on) leave alone.
    hints = page.locator("mark.claim[id^='claim-'] + span.verdict-hint")
    titles = hints.evaluate_all("(spans) => spans.map((s) => s.title)")
    assert titles and all(titles), f"every badge should carry its explanation on hover: {titles}"
    badge = hints.first.locator("a.verdict")
    claim = badge.evaluate("(a) => a.parentElement.previousElementSibling.id").removeprefix("claim-")
    verdict_class = next(c for c in (badge.get_attribute("class") or "").split() if c.startswith("verdict-"))
    assert badge.evaluate("(a) => a.href") == f"{base_url}{article}#check-{claim}"

    badge.click()
    page.wait_for_url(f"{base_url}{article}#check-{claim}")
    row = page.locator(f"tr:has(#check-{claim})")
    expect(row).to_be_in_viewport()
    verdict = row.locator(f"span.verdict.{verdict_class}")
    expect(verdict).to_have_count(1)
    assert verdict.inner_text().strip().lower() in badge.inner_text().lower()


def event_topics(page: Page) -> list[tuple[str, bool]]:
    """Each timeline event's topic, and whether it is shown."""
    return page.locator("li:has(> .event[data-topic])").evaluate_all(
        "(items) => items.map((li) => [li.querySelector('.event').dataset.topic, li.checkVisibility()])"
    )


def test_the_timeline_filter_hides_the_other_topics(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page()
    page.goto(base_url + "timeline/")
    events = event_topics(page)
    topics = {topic for topic, _ in events}
    assert all(shown for _, shown in events) and len(topics) > 1
    topic = page.locator(".timeline-filter button[data-topic]").evaluate_all(
        "(buttons) => buttons.map((b) => b.dataset.topic)"
    )
    chosen = next(t for t in topic if t in topics)

    page.click(f".timeline-filter button[data-topic='{chosen}']")
    expect(page.locator(f".timeline-filter button[data-topic='{chosen}']")).to_have_attribute("aria-pressed", "true")
    assert {(t, shown) for t, shown in event_topics(page)} == {(t, t == chosen) for t in topics}

    page.click(".timeline-filter button[data-topic='all']")
    assert all(shown for _, shown in event_topics(page))
