"""The preview in a real browser: a broken save is listed on every page, and the page recovers by itself after the fix.

`make serve`'s server (tests/test_serve.py starts it) runs in a project copy; headless Chromium keeps a page
open while files are saved, as an editor's browser would.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sitecheck import OpenPage, expect
from test_serve import BROKEN, EDITED, KADHIMI, PAGE, fetch, server, wait_for

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["server"]  # the fixture, used by name below

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WAIT_MS = 120_000
"""How long a save may take to reach the page (generous: the machine may be busy)."""


def banner_text(page: Page) -> str:
    banner = page.locator(".preview-problems")
    expect(banner).to_be_visible(timeout=WAIT_MS)
    return banner.inner_text()


def test_a_broken_save_shows_on_every_page_until_the_fix_reloads_it(
        project: Path, server: tuple[str, subprocess.Popen[bytes], Path], open_page: OpenPage) -> None:
    base, process, log = server
    wait_for(lambda: fetch(base + PAGE), "the first page", process, log)
    page, _ = open_page(origin=base)
    page.set_default_timeout(WAIT_MS)
    page.goto(base + PAGE)
    expect(page.locator("h1")).to_contain_text("Mustafa al-Kadhimi")
    assert page.locator(".preview-problems").count() == 0

    people = project / "seeds" / "entities" / "people.yml"
    good = people.read_text(encoding="utf-8")
    with page.expect_navigation(timeout=WAIT_MS):  # the preview reloads the open page by itself
        people.write_text(good.replace("    kind: person\n", "    kind: persn\n", 1), encoding="utf-8")
    assert BROKEN in banner_text(page)
    expect(page.locator("h1")).to_contain_text("Mustafa al-Kadhimi")  # the last good page, still served

    other = open_page(origin=base)[0]
    other.goto(base + "timeline/")
    assert BROKEN in banner_text(other), "the problem is not shown on another page"

    with page.expect_navigation(timeout=WAIT_MS):
        people.write_text(good.replace(KADHIMI, f'description: "{EDITED}"'), encoding="utf-8")
    expect(page.locator(".md-content")).to_contain_text(EDITED, timeout=WAIT_MS)
    assert page.locator(".preview-problems").count() == 0
