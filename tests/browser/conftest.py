"""Browser fixtures: one headless Chromium per session, driving the site built from `seeds/` on 127.0.0.1.

Playwright is imported only inside the `browser` fixture, never at module level: without it installed,
`pytest -m "not browser"` still collects every test (tests/test_collection.py proves it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest
from mkdocs.config import load_config
from sitecheck import DESKTOP, OpenPage, PageLog, serve, sitemap_paths

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Playwright cannot download its own browser here, so it drives the distribution's Chromium, kept quiet and offline.
CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def cannot_run(reason: str) -> NoReturn:
    """Skip the browser tests locally; under CI=true they must run, so fail instead."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        cannot_run("Playwright is not installed (make test installs requirements-dev.txt)")
    executable = find_chromium()
    if executable is None:
        cannot_run("no Chromium on PATH (install Debian's `chromium` package to run the browser tests)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def pages(built_site: Path, site: Path) -> list[str]:
    """Every page of the sitemap, as a path relative to the local server's base URL."""
    site_url = load_config(str(built_site / "mkdocs.yml")).site_url or ""
    return sitemap_paths(site, site_url)


@pytest.fixture(scope="session")
def article(pages: list[str]) -> str:
    return next(path for path in pages if path.startswith("articles/") and path != "articles/")


@pytest.fixture
def open_page(browser: Browser, base_url: str) -> Iterator[OpenPage]:
    """Opens a page in a fresh browser context (options as for `new_context`), logging what goes wrong on it."""
    contexts = []

    def open_(origin: str = base_url, **options: object) -> tuple[Page, PageLog]:
        context = browser.new_context(viewport=options.pop("viewport", DESKTOP), **options)  # type: ignore[arg-type]
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page, PageLog(origin).attach(page)

    yield open_
    for context in contexts:
        context.close()
