"""Screenshots of the main kinds of page, at desktop and phone sizes, saved to tests/screenshots/ for review.

Each page must have rendered: its headline (the page's own <h1>) visible in the first screenful with ink on it,
and ink on a fair share of its content area. There are no pixel goldens: fonts and anti-aliasing vary. The
screenshots the README shows live in tests/screenshots/readme/ and are committed; `--update-goldens` rewrites them.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from htmlpages import read_page
from sitecheck import DESKTOP, MIN_CONTENT_INK, MOBILE, OpenPage, ink, rendering_problems

if TYPE_CHECKING:
    from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
SIZES = {"desktop": DESKTOP, "mobile": MOBILE}
# file: (page, size, the id where the screenful starts)
README_SHOTS = {
    "home-desktop.png": ("home", "desktop", ""),
    "home-questions-mobile.png": ("home", "mobile", "questions"),
    "article-mobile.png": ("article", "mobile", "the-article"),
    "chart-desktop.png": ("topic", "desktop", "chart-us-troops-in-iraq"),
}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture(scope="module")
def shown_pages(site: Path, pages: list[str], article: str) -> dict[str, str]:
    entities = [path for path in pages if path.startswith("entities/") and path != "entities/"]
    entity = max(entities, key=lambda path: (site / path / "index.html").stat().st_size)  # the richest one
    return {"home": "", "article": article, "timeline": "timeline/", "entity": entity,
            "topic": "topics/us-withdrawal-2011/"}


def save_readme_shots(page: Page, url: str, shown: tuple[str, str]) -> None:
    for name, (*readme_shown, anchor) in README_SHOTS.items():
        if tuple(readme_shown) == shown:
            page.goto(f"{url}#{anchor}", wait_until="networkidle")
            page.screenshot(path=SCREENSHOTS / "readme" / name, animations="disabled")


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
def test_screenshots(open_page: OpenPage, base_url: str, site: Path, shown_pages: dict[str, str], size: str,
                     request: pytest.FixtureRequest) -> None:
    page, log = open_page(viewport=SIZES[size], color_scheme="light")
    SCREENSHOTS.mkdir(exist_ok=True)
    problems = {}
    for name, path in shown_pages.items():
        page.goto(base_url + path, wait_until="networkidle")
        headline = " ".join(read_page(site / path / "index.html").h1.split())
        if found := rendering_problems(page, headline):
            problems[name] = found
        target = SCREENSHOTS / f"{name}-{size}.png"
        page.screenshot(path=target, full_page=True, animations="disabled")
        width, height = png_size(target)
        assert width == SIZES[size]["width"] and height >= SIZES[size]["height"], (target, width, height)
        if request.config.getoption("--update-goldens"):
            save_readme_shots(page, base_url + path, (name, size))
    assert problems == {}
    assert log.take() == []


@pytest.mark.parametrize("name", README_SHOTS)
def test_the_readme_screenshots_exist(name: str) -> None:
    size = SIZES[README_SHOTS[name][1]]  # one screenful
    path = SCREENSHOTS / "readme" / name
    assert png_size(path) == (size["width"], size["height"])
    share, _ = ink(path.read_bytes())
    assert share >= MIN_CONTENT_INK, f"{name} looks blank: ink on {100 * share:.1f}% of its pixels"
