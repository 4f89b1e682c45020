"""The readers' speed budget: Lighthouse on the built site, served compressed the way GitHub Pages serves it.

Lighthouse (npm, pinned in package.json) drives Debian's Chromium with its default mobile profile: a mid-range
phone's screen, a slow 4G connection simulated (150 ms round trips, 1.6 Mbit/s down) and a CPU four times slower
than this machine's. Chromium resolves no host name at all, so nothing but 127.0.0.1 is reachable.

A page meets its budget with performance ≥ 95, Largest Contentful Paint ≤ 2.5 s, and accessibility, best
practices and SEO at 100. Each page is measured once; only a page that misses is measured four more times, and
the median run of the five is judged, so that slow moments on a shared machine do not fail the build while a
real regression (which misses every time) still does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_NAMES = ("chromium", "chromium-browser")
CATEGORIES = {"performance": "performance", "accessibility": "accessibility", "best-practices": "best practices",
              "seo": "SEO"}
# Headless as root in a container: no sandbox, no GPU, /tmp rather than a small /dev/shm. Any host name fails
# to resolve, so the page (served on 127.0.0.1) cannot reach the network, and neither can Chromium itself.
CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND")
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "Speed Index"}
SEARCH_INDEX = "search/search_index.json"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RUN_TIMEOUT = 240
SLOW_MACHINE_INDEX = 1000
"""Lighthouse's own limit: at or below this benchmark index it warns that the host's CPU is slower than it expects
and that the performance score suffers. On a machine shared with other work the index drops with the load."""


@dataclass(frozen=True)
class Budget:
    """The least score (0–100) each category may have, and the longest Largest Contentful Paint."""

    scores: dict[str, int] = field(default_factory=lambda: {
        "performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100})
    largest_contentful_paint_ms: float = 2500.0


BUDGET = Budget()


@dataclass(frozen=True)
class Result:
    """What one Lighthouse run (or the median of several) found on one page."""

    page: str
    url: str
    scores: dict[str, int | None]
    """Category → score from 0 to 100; None when Lighthouse could not score it."""
    metrics: dict[str, float]
    """Audit id of each metric in METRICS → milliseconds (CLS has no unit)."""
    transfer_bytes: int
    """Bytes sent over the network for the page load, compressed, as Lighthouse counts them."""
    search_index_loaded: bool
    failing: dict[str, list[str]]
    """Category → the audits that count towards its score and did not pass, as "id (score): title"."""
    benchmark_index: float
    """Lighthouse's measure of the machine's speed at the time (higher is faster; it drops on a busy machine)."""
    versions: str
    """Lighthouse's and the browser's versions, as "Lighthouse 12.2.3, Chromium 150"."""
    runs: int = 1


def find_chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def run_lighthouse(url: str, chromium: str, lighthouse: Path = LIGHTHOUSE) -> dict[str, Any]:
    """One Lighthouse run of `url` with the default (mobile) profile; returns its JSON report."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        output = Path(folder) / "report.json"
        command = [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={output}",
                   "--only-categories=" + ",".join(CATEGORIES), "--no-enable-error-reporting",
                   f"--chrome-path={chromium}", "--chrome-flags=" + " ".join(CHROME_FLAGS)]
        # Chromium's profile and crash files go to the temporary folder, not the home directory.
        env = {**os.environ, "CHROME_PATH": chromium, "TMPDIR": folder, "HOME": folder}
        returncode, stderr = _run(command, env, folder)
        if returncode != 0 or not output.is_file():
            raise RuntimeError(f"Lighthouse failed on {url} (exit {returncode}):\n{stderr[-3000:]}")
        report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return report


def _run(command: list[str], env: dict[str, str], folder: str) -> tuple[int, str]:
    """Run Lighthouse; if it hangs or the run is interrupted, end it and the Chromium it started."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    except BaseException as error:
        process.kill()
        process.communicate()
        _end_processes_using(folder)
        if isinstance(error, subprocess.TimeoutExpired):
            return -1, f"no report after {RUN_TIMEOUT} s"
        raise
    return process.returncode, stderr


def _end_processes_using(folder: str) -> None:
    """End the processes whose command line names `folder`: the Chromium that Lighthouse started detached, with
    its profile in this run's own temporary folder (and so nobody else's process)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if folder.encode() in cmdline.read_bytes():
                os.kill(int(cmdline.parent.name), signal.SIGKILL)
        except (OSError, ValueError):
            continue


def result_of(page: str, report: dict[str, Any]) -> Result:
    """Boil a Lighthouse report down to what the budget judges and BENCHMARKS.md shows."""
    audits = report["audits"]
    scores = {name: None if report["categories"][name]["score"] is None
              else round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    metrics = {audit: float(audits[audit].get("numericValue", float("nan"))) for audit in METRICS}
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    environment = report.get("environment", {})
    browser = re.search(r"Chrome/(\d+)", environment.get("hostUserAgent", ""))
    return Result(page=page, url=report["finalDisplayedUrl"], scores=scores, metrics=metrics,
                  transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
                  search_index_loaded=any(item["url"].endswith(SEARCH_INDEX) for item in requests),
                  failing={name: failing_audits(report, name) for name in CATEGORIES},
                  benchmark_index=float(environment.get("benchmarkIndex", float("nan"))),
                  versions=f"Lighthouse {report['lighthouseVersion']}, Chromium {browser[1] if browser else '?'}")


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """The audits that weigh in `category`'s score and did not score 1, worst first."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["scoreDisplayMode"] not in ("notApplicable", "manual", "informative") \
                and (audit["score"] is None or audit["score"] < 1):
            value = f", {audit['displayValue']}".replace("\xa0", " ") if audit.get("displayValue") else ""
            score = "error" if audit["score"] is None else f"score {audit['score']:.2f}"
            found.append((audit["score"] or 0.0, f"{ref['id']} ({score}{value}): {audit['title']}"))
    return [text for _, text in sorted(found, key=lambda pair: pair[0])]


def misses(result: Result, budget: Budget = BUDGET) -> list[str]:
    """One line per target the page misses, naming the page, the metric and the audits at fault; [] if none."""
    lines = []
    runs = f" (median of {result.runs} runs)" if result.runs > 1 else ""
    busy = f"; {busy_note(result)}" if on_a_busy_machine(result) else ""
    for name in missed_categories(result, budget):
        audits = "; ".join(result.failing[name]) or "no single audit failed"
        lines.append(f"{result.page} ({result.url}): {CATEGORIES[name]} {result.scores[name]} < "
                     f"{budget.scores[name]}{runs}; failing audits: {audits}{busy if name == 'performance' else ''}")
    lcp = result.metrics["largest-contentful-paint"]
    if not lcp <= budget.largest_contentful_paint_ms:
        lines.append(f"{result.page} ({result.url}): Largest Contentful Paint {lcp / 1000:.2f} s > "
                     f"{budget.largest_contentful_paint_ms / 1000:.1f} s{runs}; failing audits: "
                     + ("; ".join(result.failing["performance"]) or "none") + busy)
    return lines


def missed_categories(result: Result, budget: Budget = BUDGET) -> list[str]:
    return [name for name, least in budget.scores.items()
            if (score := result.scores[name]) is None or score < least]


def on_a_busy_machine(result: Result) -> bool:
    """Whether Lighthouse found the machine slower than it expects, which makes every timing too pessimistic."""
    return result.benchmark_index <= SLOW_MACHINE_INDEX


def busy_note(result: Result) -> str:
    return (f"Lighthouse rated this machine's speed at {result.benchmark_index:.0f}, at or below the "
            f"{SLOW_MACHINE_INDEX} where it warns that a busy or slow machine lowers the performance figures")


def misses_only_timings_on_a_busy_machine(result: Result, budget: Budget = BUDGET) -> bool:
    """True when the page misses only on timings (performance, LCP) and the machine was too busy to time it."""
    return on_a_busy_machine(result) and bool(misses(result, budget)) \
        and set(missed_categories(result, budget)) <= {"performance"}


def median_run(results: list[Result]) -> Result:
    """The run in the middle by performance score (then by LCP), with every figure its own, so that a message
    never mixes runs; it notes how many runs it was chosen from and whether any of them loaded the search index."""
    def order(result: Result) -> tuple[float, float]:
        score = result.scores["performance"]
        return (-1.0 if score is None else float(score), -result.metrics["largest-contentful-paint"])

    middle = sorted(results, key=order)[(len(results) - 1) // 2]
    return replace(middle, runs=len(results), search_index_loaded=any(r.search_index_loaded for r in results))


@dataclass(frozen=True)
class Measured:
    """A page's judged result, the single runs behind it, and the wall time they took."""

    result: Result
    runs: list[Result]
    seconds: float


def measure(page: str, url: str, run: Callable[[str], dict[str, Any]], budget: Budget = BUDGET,
            attempts: int = 5) -> Measured:
    """Run once; if the page misses its budget, run until `attempts` runs and judge their median."""
    start = time.monotonic()
    runs = [result_of(page, run(url))]
    while misses(runs[0], budget) and len(runs) < attempts:
        runs.append(result_of(page, run(url)))
    result = runs[0] if len(runs) == 1 else median_run(runs)
    return Measured(result, runs, time.monotonic() - start)


def pages_to_measure(site: Path, site_url: str) -> dict[str, str]:
    """The home page, and the largest article, topic and entity page: the paths (from the site's root) to test."""
    locs = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP_NS}loc")]
    paths = [loc.removeprefix(site_url) for loc in locs]

    def largest(folder: str) -> str:
        inside = [path for path in paths if path.startswith(folder) and path != folder]
        if not inside:
            raise ValueError(f"the sitemap lists no page under {folder}")
        return max(inside, key=lambda path: ((site / path / "index.html").stat().st_size, path))

    return {"home": "", "article": largest("articles/"), "topic": largest("topics/"), "entity": largest("entities/")}


SECTION = "lighthouse"
"""The name of the section of BENCHMARKS.md that holds these figures (see bench/sections.py)."""


def _kilobytes(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def section_text(measured: list[Measured], paths: dict[str, str], when: str) -> str:
    """The readers' speed section of BENCHMARKS.md: each page's figures against the budget."""
    rows = ["| page | performance | LCP | FCP | TBT | CLS | Speed Index | accessibility | best practices | SEO | "
            "transferred | search index loaded | runs | verdict |", "|---|" + "---:|" * 12 + "---|"]
    for item in measured:
        r = item.result
        ms = r.metrics
        scores = " | ".join(str(r.scores[name]) for name in CATEGORIES if name != "performance")
        rows.append(f"| {r.page} (`/{paths[r.page]}`) | {r.scores['performance']} | "
                    f"{ms['largest-contentful-paint'] / 1000:.1f} s | {ms['first-contentful-paint'] / 1000:.1f} s | "
                    f"{ms['total-blocking-time']:.0f} ms | {ms['cumulative-layout-shift']:.3f} | "
                    f"{ms['speed-index'] / 1000:.1f} s | {scores} | {_kilobytes(r.transfer_bytes)} | "
                    f"{'yes' if r.search_index_loaded else 'no'} | {r.runs} | "
                    f"{'**MISS**' if misses(r) else 'PASS'} |")
    first = measured[0].result
    seconds = sum(item.seconds for item in measured)
    index = statistics.median(item.result.benchmark_index for item in measured)
    load = os.getloadavg()[0]
    return "\n".join([
        "## Readers' speed: Lighthouse\n",
        f"Measured {when} by `make lighthouse` (the same checks run in `make test`, without writing this "
        f"section): {first.versions}, with Lighthouse's default mobile profile (a phone's screen, a slow 4G "
        "connection simulated at 150 ms round trips and 1.6 Mbit/s, the CPU slowed four times), on the site built "
        "from `seeds/` and served gzip-compressed on 127.0.0.1 as GitHub Pages serves it "
        f"(`bench/pages_server.py`). Lighthouse rated this machine's speed at {index:.0f} (its benchmark index; "
        f"{SLOW_MACHINE_INDEX} or less, it warns, lowers the performance figures); the load average at the end was "
        f"{load:.1f} on {os.cpu_count()} cores. Total Blocking Time, and with it the performance score, counts "
        "the main thread's work four times over, so it grows with whatever else the machine is doing.\n",
        "Budget on each page: performance ≥ 95, Largest Contentful Paint ≤ 2.5 s, and accessibility, best "
        "practices and SEO at 100. Each page runs once; a page that misses runs four more times and the median run "
        "of the five is judged. *transferred* is what the first load downloads, compressed.\n",
        "\n".join(rows) + "\n",
        f"The four pages took {seconds:.0f} s.\n",
    ])
