"""Helpers for the browser tests: serve a built site, list its pages, record what a page does, run axe.

The built site's links are checked without a browser, by `htmlpages.broken_links` (tests/test_build.py).
"""

from __future__ import annotations

import functools
import io
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PIL import Image, ImageChops

if TYPE_CHECKING:  # imported lazily (see expect() and conftest.py), so collection never needs Playwright
    from playwright.sync_api import ConsoleMessage, Page, Request, Response

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
INK_LEVEL = 60
"""How far (0-255, in grey) a pixel must be from the background to count as ink: anti-aliasing stays below."""
MIN_HEADLINE_INK = 0.01
MIN_CONTENT_INK = 0.03
MIN_CONTENT_ROWS = 0.25
"""Shares of pixels and of pixel rows that must hold ink. A rendered page measures about 3-13% (headline) and
7-12% and 40-55% (content); a blank or hidden one, about 0."""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port; yields the base URL, ending in a slash."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def sitemap_paths(site: Path, site_url: str) -> list[str]:
    """The pages of the sitemap, as paths relative to `site_url` ("" is the home page)."""
    locs = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP_NS}loc")]
    outside = [loc for loc in locs if not loc.startswith(site_url)]
    assert not outside, f"sitemap URLs outside {site_url}: {outside}"
    return [loc.removeprefix(site_url) for loc in locs]


@dataclass
class PageLog:
    """What went wrong while a page was open: console errors, failed requests, requests to other hosts."""

    origin: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> PageLog:
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught error: {error}"))
        return self

    def _on_request(self, request: Request) -> None:
        scheme = urlsplit(request.url).scheme
        if scheme not in ("data", "blob", "about") and not request.url.startswith(self.origin):
            self.problems.append(f"request to another host: {request.url}")

    def _on_request_failed(self, request: Request) -> None:
        # A request cut short (ERR_ABORTED) because the test moved on to the next page, such as the search
        # worker's script still loading on a busy machine, is no fault of the page. A broken address fails with
        # an HTTP status or another network error.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def take(self) -> list[str]:
        """The problems recorded so far, forgetting them."""
        problems, self.problems = self.problems, []
        return problems


OpenPage = Callable[..., tuple["Page", PageLog]]
"""The `open_page` fixture: opens a page in a fresh browser context, with a log of what goes wrong on it."""


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; one line per violated rule, with its impact and the elements at fault."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
            (v) => ({id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" "))}))"""
    )
    return [f"{v['id']} ({v['impact']}): {'; '.join(v['targets'])}" for v in violations]


def expect(target: Any) -> Any:
    """Playwright's `expect`, imported when a test runs rather than when it is collected."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def ink(png: bytes) -> tuple[float, float]:
    """The share of pixels that differ from the background (the commonest colour), and of rows holding any."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    _, background = max(image.getcolors(maxcolors=image.width * image.height) or [(0, (255, 255, 255))])
    difference = ImageChops.difference(image, Image.new("RGB", image.size, background)).convert("L")
    mask = difference.point(lambda value: 255 if value > INK_LEVEL else 0)
    data, width = mask.tobytes(), mask.width
    rows = sum(1 for start in range(0, len(data), width) if data[start:start + width].strip(b"\0"))
    return mask.histogram()[255] / (image.width * image.height), rows / image.height


def rendering_problems(page: Page, headline: str) -> list[str]:
    """What shows that the page did not render its content: a headline that is not `headline`, is not in the first
    screenful or shows no ink, or a content area that is (nearly) blank. No pixel-exact comparison."""
    heading = page.locator("article h1").first
    if not heading.is_visible():
        return ["the headline is not visible"]
    problems = []
    shown = " ".join(heading.inner_text().replace("¶", "").split())
    if shown != headline:
        problems.append(f"the headline reads {shown!r}, not {headline!r}")
    box, viewport = heading.bounding_box(), page.viewport_size
    if box is None or viewport is None or box["y"] + box["height"] > viewport["height"]:
        problems.append(f"the headline is not in the first screenful: {box}")
    headline_ink, _ = ink(heading.screenshot(animations="disabled"))
    if headline_ink < MIN_HEADLINE_INK:
        problems.append(f"the headline shows no ink ({100 * headline_ink:.1f}% of its pixels)")
    content_ink, rows = ink(page.locator("article").first.screenshot(animations="disabled"))
    if content_ink < MIN_CONTENT_INK or rows < MIN_CONTENT_ROWS:
        problems.append(f"the content looks blank: ink on {100 * content_ink:.1f}% of its pixels, "
                        f"{100 * rows:.0f}% of its rows")
    return problems
