"""The whole run: load → validate → link → audit → render → write, with each stage timed.

`check` runs the first four stages and reports every problem, warnings
included; `generate` runs the same stages, then renders and writes. Nothing
is written until every input has been read and checked and every page
rendered, so a run that fails leaves the previous output untouched. A run
whose inputs and outputs are as the last successful run left them is skipped
(see `cache.py`).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, cards, lock
from .analysis import Analysis, analyse
from .assemble import assemble
from .audit import audit
from .errors import InputError, Problem
from .feed import feeds
from .ledger import Ledger, build_ledger
from .lite import render_lite
from .load import Loaded, SeedFile, SeedRead, load_seeds
from .memo import Memo
from .model import Site
from .render import render_site
from .siteconfig import SiteSettings, read_settings
from .validate import CheckedFile
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
        """Everything the pages depend on; the site's settings are fingerprinted as values, since the MkDocs hook
        gives its own."""
        return (self.seeds, self.templates, cache.GENERATOR)


@dataclass
class RunReport:
    site: Site | None = None
    warnings: list[Problem] = field(default_factory=list)
    """Loose ends the audit found: reported, never a reason to stop."""
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    """Generated files other than pages: the share cards (PNG)."""
    written: WriteReport | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""
    cpu_timings: dict[str, float] = field(default_factory=dict)
    """CPU seconds spent in each stage."""
    cached: bool = False
    """True when nothing could have changed since the last run, so no stage ran."""
    rendered: list[str] = field(default_factory=list)
    """The pages this run rendered: all of them, but in the editor's loop, where the share cards of the pages
    rendered again are listed too."""
    deferred: dict[str, str] = field(default_factory=dict)
    """Changed pages left for the caller to write later (the editor's loop, see `Session.run`)."""


@contextmanager
def timed(report: RunReport, stage: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    yield
    report.timings[stage] = time.perf_counter() - start
    report.cpu_timings[stage] = time.process_time() - cpu


@dataclass
class CheckReport:
    """What `check` found: every problem, and the site when none of them is an error."""

    loaded: Loaded
    problems: list[Problem]
    site: Site | None = None
    analysis: Analysis | None = None
    ledger: Ledger | None = None
    checked: list[CheckedFile] = field(default_factory=list)
    """Each file's checked values, with where each was written."""

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def valid_site(self) -> Site:
        """The site, or `InputError` listing every error when the inputs have any."""
        if self.failed or self.site is None:
            raise InputError(p for p in self.problems if p.severity == "error")
        return self.site


@dataclass
class Reuse:
    """What the editor's loop (`session.py`) lets `check` reuse from its last run."""

    read: Callable[[SeedFile], SeedRead]
    """Reads one file, or hands back the last reading of a file whose bytes have not changed."""
    memo: Memo
    link: Callable[[Site], Analysis]
    """The link stage, reusing what it can of the last good run's."""


def check(project: Project, report: RunReport | None = None, reuse: Reuse | None = None) -> CheckReport:
    """Load, validate, link and audit every input, collecting every problem instead of stopping at the first."""
    report = report if report is not None else RunReport()
    with timed(report, "load"):
        loaded = load_seeds(project.seeds, project.root, reuse.read if reuse else None)
    try:
        with timed(report, "validate"):
            site, checked = assemble(loaded, project.root, reuse.memo if reuse else None)
    except InputError as error:
        return CheckReport(loaded, error.problems)
    with timed(report, "link"):
        analysis = reuse.link(site) if reuse else analyse(site)
        ledger = build_ledger(site, loaded.lock.nameable() if loaded.lock else None)
    with timed(report, "audit"):
        problems = audit(site, checked, loaded, analysis, reuse.memo if reuse else None)
        # A published value changed without an update that says so stops the build as well as the check.
        problems += lock.compare(checked, loaded.lock) if loaded.lock else []
    return CheckReport(loaded, sorted(problems), site, analysis, ledger, checked)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
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
    with cycle_collector_paused():
        return _generate(project, write)


def _generate(project: Project, write: bool) -> RunReport:
    report = RunReport()
    inputs = None
    if write:
        with timed(report, "fingerprint"):
            inputs = cache.fingerprint(project.inputs, settings=repr(project.settings))
            report.cached = cache.up_to_date(project.docs, inputs)
        if report.cached:
            report.written = WriteReport(unchanged=sorted(read_manifest(project.docs)))
            return report
    checked = check(project, report)
    report.site, report.warnings = checked.valid_site(), checked.problems
    assert checked.analysis and checked.ledger, "a valid site has always been through the link stage"
    site_url, site_name = project.settings.site_url, project.settings.site_name
    with timed(report, "render"):
        report.pages = render_site(report.site, project.templates, checked.analysis, ledger=checked.ledger,
                                   feeds=bool(site_url))
        report.pages |= render_lite(report.site, project.templates, checked.analysis)
        report.pages |= feeds(report.site, checked.ledger, site_url, site_name)
        report.rendered = list(report.pages)
    if write:
        with timed(report, "cards"):
            report.files = cards.render_cards(report.pages, report.site, project.docs, site_name or "Explainer")
        with timed(report, "write"):
            cache.forget(project.docs)
            outputs: dict[str, str | bytes] = {**report.pages, **report.files}
            report.written = write_pages(outputs, project.docs)
            cache.store(project.docs, inputs, outputs)
    return report
