"""Charts and maps in a real browser: named images, a reachable data table, clean axe runs in both
colour schemes at desktop and phone sizes, no sideways scrolling and nothing loaded from elsewhere."""

from __future__ import annotations

import pytest
from sitecheck import DESKTOP, MOBILE, OpenPage, axe_violations

VISUAL_PAGES = ["", "topics/us-withdrawal-2011/", "topics/coalition-against-islamic-state/",
                "topics/pro-iran-factions/", "articles/2021-07-26-biden-kadhimi-new-phase/", "entities/baghdad/"]
SIZES = {"desktop": DESKTOP, "phone": MOBILE}
TROOPS = "US troops in Iraq, 2003–2021"


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_with_charts_and_maps_pass_axe(open_page: OpenPage, base_url: str, scheme: str, size: str) -> None:
    page, log = open_page(viewport=SIZES[size], color_scheme=scheme)
    problems = {}
    for path in VISUAL_PAGES:
        page.goto(base_url + path, wait_until="networkidle")
        found = axe_violations(page) + log.take()
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SIZES[size]["width"]:
            found.append(f"scrolls sideways: {width}px wide")
        if found:
            problems[path] = found
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.parametrize(("size", "shown"), [("desktop", "explainer-wide"), ("phone", "explainer-narrow")])
def test_one_chart_drawing_shows_with_its_name_at_each_size(open_page: OpenPage, base_url: str, size: str,
                                                            shown: str) -> None:
    page, log = open_page(viewport=SIZES[size])
    page.goto(base_url + "topics/us-withdrawal-2011/", wait_until="networkidle")
    images = page.get_by_role("img", name=TROOPS)
    assert images.count() == 1, "exactly one drawing is visible, and it has the chart's name"
    assert shown in (images.first.get_attribute("class") or "")
    box = images.first.bounding_box()
    assert box is not None and box["width"] <= SIZES[size]["width"]
    description = images.first.evaluate("svg => svg.querySelector('desc').textContent")
    assert description.startswith("Line chart of US troops, March 2003 to 9 December 2021.")
    if size == "phone":  # drawn at phone width: its text is not scaled below legibility
        assert box["width"] / 340 > 0.95
    assert log.take() == []


@pytest.mark.browser
def test_the_data_table_opens_and_lists_every_figure(open_page: OpenPage, base_url: str) -> None:
    page, _ = open_page()
    page.goto(base_url + "topics/pro-iran-factions/", wait_until="networkidle")
    figure = page.locator("figure#chart-fatah-seats")
    table = figure.locator("table")
    assert not table.is_visible(), "collapsed until asked for"
    figure.get_by_text("The figures behind this chart").click()
    assert table.is_visible()
    assert table.locator("tbody tr").all_inner_texts()[0].split("\t")[:2] == ["2018 election", "47–48"]
    assert page.get_by_role("table").count() >= 1


@pytest.mark.browser
def test_the_map_is_named_and_its_places_are_links(open_page: OpenPage, base_url: str) -> None:
    page, log = open_page(viewport=MOBILE)
    page.goto(base_url + "topics/coalition-against-islamic-state/", wait_until="networkidle")
    picture = page.get_by_role("img", name="Places in this topic")
    assert picture.count() == 1 and picture.is_visible()
    names = page.locator("figure.explainer-locator .explainer-places a").all_inner_texts()
    assert names == ["Mosul", "Erbil", "Baghdad"]
    page.locator("figure.explainer-locator .explainer-map-links a").first.click()
    page.wait_for_url("**/entities/mosul/")
    assert page.get_by_role("heading", level=1).inner_text().removesuffix("¶") == "Mosul"
    assert log.take() == []
