"""The readers' speed budget: Lighthouse on the site built from `seeds/`, served compressed as GitHub Pages serves it.

The home page and the largest article, topic and entity page must each score at least 95 for performance, paint
their largest content within 2.5 s and score 100 for accessibility, best practices and SEO (bench/lighthouse.py
has the budget and how a page is judged). `--update-benchmarks` also writes the figures into BENCHMARKS.md
(`make lighthouse`). The tests need Debian's Chromium and the pinned Lighthouse from `npm ci`; without them they
are skipped, except under CI=true, where they must run. On a machine so busy that Lighthouse warns its timings
suffer (bench/lighthouse.py, SLOW_MACHINE_INDEX), a page that misses on timings alone is skipped with the figures,
except under CI=true.
"""

from __future__ import annotations

import os
import random
import shutil
import string
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from support import ROOT

from bench import lighthouse, sections
from bench.lighthouse import (
    LIGHTHOUSE,
    Measured,
    find_chromium,
    measure,
    misses,
    misses_only_timings_on_a_busy_machine,
    pages_to_measure,
    run_lighthouse,
)
from bench.pages_server import serve_like_pages

pytestmark = [pytest.mark.lighthouse, pytest.mark.slow]

PAGES = ("home", "article", "topic", "entity")
BENCHMARKS = ROOT / "BENCHMARKS.md"


def missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def run() -> Callable[[str], dict[str, Any]]:
    """One Lighthouse run of a URL, with the project's Lighthouse and the distribution's Chromium."""
    chromium = find_chromium()
    if chromium is None:
        missing("no Chromium on PATH (install Debian's `chromium` package to run Lighthouse)")
    if not LIGHTHOUSE.is_file():
        missing("Lighthouse is not installed (run `npm ci` in the project folder)")
    assert chromium is not None
    return lambda url: run_lighthouse(url, chromium)


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> str:
    return load_config(str(built_site / "mkdocs.yml")).site_url or ""


@pytest.fixture(scope="module")
def served(built_site: Path, site_url: str) -> Iterator[str]:
    """The built site's URL on 127.0.0.1, under the same path as on GitHub Pages (/explainer/)."""
    with serve_like_pages(built_site / "site", urlsplit(site_url).path) as url:
        yield url


@pytest.fixture(scope="module")
def paths(built_site: Path, site_url: str) -> dict[str, str]:
    return pages_to_measure(built_site / "site", site_url)


@pytest.fixture(scope="module")
def measured(request: pytest.FixtureRequest, paths: dict[str, str]) -> Iterator[list[Measured]]:
    """The pages measured in this run; afterwards, a summary on the terminal, and BENCHMARKS.md if asked."""
    found: list[Measured] = []
    yield found
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if found and reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown even when pytest captures output
            reporter.write_line("")
            for item in found:
                r = item.result
                reporter.write_line(
                    f"Lighthouse {r.page}: performance {r.scores['performance']}, LCP "
                    f"{r.metrics['largest-contentful-paint'] / 1000:.2f} s, accessibility "
                    f"{r.scores['accessibility']}, best practices {r.scores['best-practices']}, SEO {r.scores['seo']}"
                    f" ({r.runs} run(s), {item.seconds:.0f} s, benchmark index {r.benchmark_index:.0f})")
    if request.config.getoption("--update-benchmarks") and len(found) == len(PAGES):
        text = lighthouse.section_text(sorted(found, key=lambda m: PAGES.index(m.result.page)), paths,
                                       time.strftime("%d %B %Y").lstrip("0"))
        old = BENCHMARKS.read_text(encoding="utf-8")
        BENCHMARKS.write_text(sections.with_section(old, lighthouse.SECTION, text), encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_the_page_keeps_within_the_speed_budget(page: str, served: str, paths: dict[str, str],
                                                run: Callable[[str], dict[str, Any]],
                                                measured: list[Measured]) -> None:
    result = measure(page, served + paths[page], run)
    measured.append(result)
    problems = misses(result.result)
    if misses_only_timings_on_a_busy_machine(result.result) and os.environ.get("CI") != "true":
        pytest.skip("too busy a machine to time the page (CI=true judges it all the same):\n" + "\n".join(problems))
    assert not problems, "\n".join(problems)


def test_the_search_index_is_not_part_of_the_first_load(measured: list[Measured]) -> None:
    if not measured:
        pytest.skip("no page was measured")
    assert [m.result.page for m in measured if any(run.search_index_loaded for run in m.runs)] == []


@pytest.mark.parametrize("page", ["article", "index"])
def test_the_text_only_pages_score_100_for_performance(page: str, served: str, paths: dict[str, str],
                                                      run: Callable[[str], dict[str, Any]]) -> None:
    """The text-only edition is for the slowest connections: no script, style sheet, font or image to wait for."""
    article_id = paths["article"].strip("/").rsplit("/", 1)[-1]
    path = f"lite/articles/{article_id}.html" if page == "article" else "lite/"
    report = run(served + path)
    assert report["finalDisplayedUrl"].endswith(path)
    assert report["categories"]["performance"]["score"] == 1.0, report["categories"]["performance"]["score"]


def incompressible_script(size: int) -> str:
    """JavaScript of `size` bytes that gzip cannot shrink much: a string of random letters, always the same ones."""
    letters = random.Random(19).choices(string.ascii_letters + string.digits, k=size)
    return f'window.padding = "{"".join(letters)}";\n'


def test_a_page_that_blocks_its_first_paint_misses_the_budget(built_site: Path, site_url: str, tmp_path: Path,
                                                             run: Callable[[str], dict[str, Any]]) -> None:
    """The budget can fail: 400 KB of script in the head of the home page delays its first paint on a slow 4G."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    (site / "assets" / "heavy.js").write_text(incompressible_script(400_000), encoding="utf-8")
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    assert text.count("</head>") == 1
    home.write_text(text.replace("</head>", '<script src="assets/heavy.js"></script></head>'), encoding="utf-8")
    with serve_like_pages(site, urlsplit(site_url).path) as url:
        result = measure("home", url, run, attempts=1).result
    problems = misses(result)
    assert any(line.startswith(f"home ({url}): performance ") for line in problems), problems
    assert any(line.startswith(f"home ({url}): Largest Contentful Paint ") for line in problems), problems
    assert "largest-contentful-paint (score" in "\n".join(problems)
