"""The whole run: load → validate → link → render → write, with each stage timed.

Nothing is written until every input has been read and checked and every
page rendered, so a run that fails leaves the previous output untouched.
A run whose inputs and outputs are as the last successful run left them
is skipped (see `cache.py`).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .analysis import analyse
from .crossref import build_site
from .feed import feeds
from .ledger import build_ledger
from .load import load_seeds
from .model import Site
from .render import render_site
from .siteconfig import SiteSettings, read_settings
from .write import WriteReport, read_manifest, write_pages


@dataclass(frozen=True)
class Project:
    """Where a project's inputs, templates and generated pages are."""

    root: Path
    seeds: Path
    templates: Path
    docs: Path
    settings: SiteSettings = field(default_factory=SiteSettings)
    """The site's address and name: without an address, no feed can be written."""

    @classmethod
    def at(cls, root: Path, settings: SiteSettings | None = None) -> Project:
        """The project in `root`; its settings are read from its mkdocs.yml unless given (the MkDocs hook does)."""
        root = root.resolve()
        return cls(root, root / "seeds", root / "templates", root / "docs", settings or read_settings(root))

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Everything the pages depend on."""
        return (self.seeds, self.templates, cache.GENERATOR)


@dataclass
class RunReport:
    site: Site | None = None
    pages: dict[str, str] = field(default_factory=dict)
    written: WriteReport | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""
    cached: bool = False
    """True when nothing could have changed since the last run, so no stage ran."""


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    report.timings[stage] = time.perf_counter() - start


def check(project: Project) -> Site:
    """Load and validate every input; raises `InputError` listing every problem."""
    return build_site(load_seeds(project.seeds, project.root), project.root)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the run.

    A run builds hundreds of thousands of small objects that reference counting
    frees; the cycle collector would rescan the growing heap again and again,
    a cost that grows faster than the corpus (a fifth of the time at a thousand
    articles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def generate(project: Project, *, write: bool = True) -> RunReport:
    """Run the pipeline; with `write`, bring `docs/` up to date with the inputs."""
    with _cycle_collector_paused():
        return _generate(project, write)


def _generate(project: Project, write: bool) -> RunReport:
    report = RunReport()
    inputs = None
    if write:
        with _timed(report, "fingerprint"):
            inputs = cache.fingerprint(project.inputs, settings=repr(project.settings))
            report.cached = cache.up_to_date(project.docs, inputs)
        if report.cached:
            report.written = WriteReport(unchanged=sorted(read_manifest(project.docs)))
            return report
    with _timed(report, "load"):
        loaded = load_seeds(project.seeds, project.root)
    with _timed(report, "validate"):
        report.site = build_site(loaded, project.root)
    with _timed(report, "link"):
        analysis = analyse(report.site)
        ledger = build_ledger(report.site, loaded.lock.nameable() if loaded.lock else None)
    with _timed(report, "render"):
        site_url = project.settings.site_url
        report.pages = render_site(report.site, project.templates, analysis, ledger=ledger, feeds=bool(site_url))
        report.pages |= feeds(report.site, ledger, site_url, project.settings.site_name)
    if write:
        with _timed(report, "write"):
            cache.forget(project.docs)
            report.written = write_pages(report.pages, project.docs)
            cache.store(project.docs, inputs, report.pages)
    return report
