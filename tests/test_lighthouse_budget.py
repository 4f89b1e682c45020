"""The speed budget's verdicts, on hand-written Lighthouse reports: what passes, what misses, and what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import lighthouse, sections
from bench.lighthouse import Budget, measure, misses, misses_only_timings_on_a_busy_machine, pages_to_measure, result_of

URL = "http://127.0.0.1:8000/explainer/"


def audit(score: float | None, title: str, display: str = "", mode: str = "numeric",
          value: float = 0.0) -> dict[str, Any]:
    return {"score": score, "title": title, "displayValue": display, "scoreDisplayMode": mode, "numericValue": value}


def report(performance: float = 0.99, accessibility: float | None = 1.0, lcp: float = 1500.0, tbt: float = 40.0,
           contrast: float = 1.0, index_loaded: bool = False, machine: float = 1500.0) -> dict[str, Any]:
    """A Lighthouse 12 report cut down to the fields the budget reads."""
    requests = [{"url": URL}, {"url": URL + "assets/main.css"}]
    if index_loaded:
        requests.append({"url": URL + "search/search_index.json"})
    audits = {
        "first-contentful-paint": audit(0.98, "First Contentful Paint", "1.2 s", value=1200.0),
        "largest-contentful-paint": audit(1.0 if lcp <= 2500 else 0.8, "Largest Contentful Paint",
                                          f"{lcp / 1000:.1f} s", value=lcp),
        "total-blocking-time": audit(1.0 if tbt < 200 else 0.6, "Total Blocking Time", f"{tbt:.0f}\xa0ms", value=tbt),
        "cumulative-layout-shift": audit(1.0, "Cumulative Layout Shift", "0", value=0.0),
        "speed-index": audit(1.0, "Speed Index", "1.2 s", value=1200.0),
        "uses-long-cache-ttl": audit(0.5, "Uses efficient cache policy on static assets"),
        "color-contrast": audit(contrast, "Background and foreground colors have a sufficient contrast ratio",
                                mode="binary"),
        "aria-allowed-role": audit(None, "Uses ARIA roles only on compatible elements", mode="notApplicable"),
        "is-on-https": audit(1.0, "Uses HTTPS", mode="binary"),
        "canonical": audit(1.0, "Document has a valid rel=canonical", mode="binary"),
        "total-byte-weight": audit(1.0, "Avoids enormous network payloads", value=80_000.0),
        "network-requests": {"details": {"items": requests}},
    }
    metric_weights = {"first-contentful-paint": 10, "largest-contentful-paint": 25, "total-blocking-time": 30,
                      "cumulative-layout-shift": 25, "speed-index": 10, "uses-long-cache-ttl": 0}
    categories = {
        "performance": (performance, metric_weights),
        "accessibility": (accessibility, {"color-contrast": 7, "aria-allowed-role": 1}),
        "best-practices": (1.0, {"is-on-https": 5}),
        "seo": (1.0, {"canonical": 1}),
    }
    return {
        "lighthouseVersion": "12.2.3", "finalDisplayedUrl": URL,
        "environment": {"benchmarkIndex": machine, "hostUserAgent": "Mozilla/5.0 HeadlessChrome/150.0.0.0"},
        "audits": audits,
        "categories": {name: {"score": score, "auditRefs": [{"id": key, "weight": weight}
                                                             for key, weight in refs.items()]}
                       for name, (score, refs) in categories.items()},
    }


def test_a_page_within_budget_misses_nothing() -> None:
    result = result_of("home", report())
    assert result.scores == {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert result.metrics["largest-contentful-paint"] == 1500.0
    assert result.transfer_bytes == 80_000 and not result.search_index_loaded
    assert result.versions == "Lighthouse 12.2.3, Chromium 150"
    assert misses(result) == []


def test_a_slow_page_is_named_with_its_metric_and_the_audits_at_fault() -> None:
    assert misses(result_of("article", report(performance=0.91, tbt=420.0))) == [
        f"article ({URL}): performance 91 < 95; failing audits: total-blocking-time (score 0.60, 420 ms): "
        "Total Blocking Time; first-contentful-paint (score 0.98, 1.2 s): First Contentful Paint"
    ]


def test_a_late_largest_paint_misses_even_when_the_score_holds() -> None:
    [line] = misses(result_of("topic", report(performance=0.96, lcp=2600.0)))
    assert line.startswith(f"topic ({URL}): Largest Contentful Paint 2.60 s > 2.5 s; failing audits: ")
    assert "largest-contentful-paint (score 0.80, 2.6 s): Largest Contentful Paint" in line


def test_an_accessibility_failure_names_the_rule() -> None:
    assert misses(result_of("entity", report(accessibility=0.93, contrast=0.0))) == [
        f"entity ({URL}): accessibility 93 < 100; failing audits: color-contrast (score 0.00): "
        "Background and foreground colors have a sufficient contrast ratio"
    ]


def test_a_category_lighthouse_could_not_score_is_a_miss() -> None:
    [line] = misses(result_of("home", report(accessibility=None)))
    assert line.startswith(f"home ({URL}): accessibility None < 100")


def test_the_budget_can_be_set() -> None:
    strict = Budget(scores={"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100},
                    largest_contentful_paint_ms=1000.0)
    assert len(misses(result_of("home", report()), strict)) == 2


def test_a_page_that_passes_at_once_runs_once() -> None:
    calls: list[str] = []

    def run(url: str) -> dict[str, Any]:
        calls.append(url)
        return report()

    measured = measure("home", URL, run)
    assert calls == [URL] and measured.result.runs == 1 and misses(measured.result) == []


def test_a_miss_runs_four_more_times_and_the_median_is_judged() -> None:
    reports = iter([report(performance=0.80, tbt=900.0, index_loaded=True), report(performance=0.97),
                    report(performance=0.98), report(performance=0.93), report(performance=0.99)])
    measured = measure("home", URL, lambda url: next(reports))
    assert len(measured.runs) == 5 and measured.result.runs == 5
    assert measured.result.scores["performance"] == 97
    assert measured.result.metrics["total-blocking-time"] == 40.0
    assert measured.result.search_index_loaded  # in any run
    assert misses(measured.result) == []


def test_a_page_that_misses_every_time_fails_with_the_median_run() -> None:
    reports = iter([report(performance=0.80, tbt=900.0), report(performance=0.90, tbt=300.0),
                    report(performance=0.85, tbt=500.0), report(performance=0.70, tbt=1200.0),
                    report(performance=0.88, tbt=400.0)])
    measured = measure("home", URL, lambda url: next(reports))
    [line] = misses(measured.result)
    # Every figure comes from the one run in the middle: no audit is listed twice with two values.
    assert line == (f"home ({URL}): performance 85 < 95 (median of 5 runs); failing audits: total-blocking-time "
                    "(score 0.60, 500 ms): Total Blocking Time; first-contentful-paint (score 0.98, 1.2 s): "
                    "First Contentful Paint")


def test_the_pages_measured_are_home_and_the_largest_of_each_kind(tmp_path: Path) -> None:
    site_url = "https://example.org/explainer/"
    pages = {"": 10, "articles/": 10, "articles/a/": 50, "articles/b/": 40, "topics/t/": 5, "topics/u/": 7,
             "entities/small/": 1, "entities/big/": 90, "entities/": 500}
    for path, size in pages.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("x" * size, encoding="utf-8")
    locs = "".join(f"<url><loc>{site_url}{path}</loc></url>" for path in pages)
    (tmp_path / "sitemap.xml").write_text(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>', encoding="utf-8")
    assert pages_to_measure(tmp_path, site_url) == {"home": "", "article": "articles/a/", "topic": "topics/u/",
                                                    "entity": "entities/big/"}


def test_the_section_replaces_itself_and_survives_the_build_benchmark() -> None:
    text = sections.with_section("# Benchmarks\n\nBuild figures.\n", lighthouse.SECTION, "## Speed\n\nold")
    assert text == ("# Benchmarks\n\nBuild figures.\n\n<!-- section: lighthouse -->\n## Speed\n\nold\n"
                    "<!-- /section: lighthouse -->\n")
    text = sections.with_section(text, lighthouse.SECTION, "## Speed\n\nnew\n")
    assert text.count("<!-- section: lighthouse -->") == 1 and "new" in text and "old" not in text
    rewritten = sections.carry_over(text, "# Benchmarks\n\nNew build figures.\n")
    assert rewritten == "# Benchmarks\n\nNew build figures.\n\n" + sections.sections(text)["lighthouse"]


def test_a_site_without_a_kind_of_page_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.org/</loc></url></urlset>',
        encoding="utf-8")
    with pytest.raises(ValueError, match="the sitemap lists no page under"):
        pages_to_measure(tmp_path, "https://e.org/")


def test_a_busy_machine_is_named_beside_a_timing_miss() -> None:
    result = result_of("home", report(performance=0.80, tbt=900.0, machine=600.0))
    [line] = misses(result)
    assert line.endswith("; Lighthouse rated this machine's speed at 600, at or below the 1000 where it warns that "
                         "a busy or slow machine lowers the performance figures")
    assert misses_only_timings_on_a_busy_machine(result)


@pytest.mark.parametrize(("kind", "machine", "expected"), [
    ("timing", 1500.0, False),  # a quiet machine: the miss is the page's
    ("accessibility", 600.0, False),  # no machine makes a page less accessible
    ("none", 600.0, False),  # nothing missed
])
def test_other_misses_are_never_put_down_to_the_machine(kind: str, machine: float, expected: bool) -> None:
    kwargs: dict[str, Any] = {"timing": {"performance": 0.80}, "accessibility": {"accessibility": 0.9, "contrast": 0.0,
                                                                               "performance": 0.8},
                              "none": {}}[kind]
    result = result_of("home", report(machine=machine, **kwargs))
    assert misses_only_timings_on_a_busy_machine(result) is expected
    assert "Lighthouse rated this machine" not in "\n".join(line for line in misses(result)
                                                              if "accessibility" in line)


def test_the_benchmarks_section_shows_each_page_against_the_budget() -> None:
    passing = lighthouse.Measured(result_of("home", report()), [], 12.0)
    failing = lighthouse.Measured(result_of("article", report(performance=0.90, tbt=420.0, index_loaded=True)), [],
                                  30.0)
    text = lighthouse.section_text([passing, failing], {"home": "", "article": "articles/a/"}, "1 July 2026")
    assert text.startswith("## Readers' speed: Lighthouse\n\nMeasured 1 July 2026 by `make lighthouse`")
    assert "Lighthouse 12.2.3, Chromium 150" in text and "benchmark index" in text
    figures = "| 1.5 s | 1.2 s | {} | 0.000 | 1.2 s | 100 | 100 | 100 | 78 KB |"
    assert f"| home (`/`) | 99 {figures.format('40 ms')} no | 1 | PASS |" in text
    assert f"| article (`/articles/a/`) | 90 {figures.format('420 ms')} yes | 1 | **MISS** |" in text
    assert text.rstrip().endswith("The four pages took 42 s.")
