"""The whole run: load → validate → link and render → write, with each stage timed.

Nothing is written until every input has been read and checked and every
page rendered, so a run that fails leaves the previous output untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .crossref import build_site
from .load import load_seeds
from .model import Site
from .render import render_site
from .write import WriteReport, write_pages


@dataclass(frozen=True)
class Project:
    """Where a project's inputs, templates and generated pages are."""

    root: Path
    seeds: Path
    templates: Path
    docs: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        root = root.resolve()
        return cls(root, root / "seeds", root / "templates", root / "docs")


@dataclass
class RunReport:
    site: Site | None = None
    pages: dict[str, str] = field(default_factory=dict)
    written: WriteReport | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage."""


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    report.timings[stage] = time.perf_counter() - start


def check(project: Project) -> Site:
    """Load and validate every input; raises `InputError` listing every problem."""
    return build_site(load_seeds(project.seeds, project.root), project.root)


def generate(project: Project, *, write: bool = True, on_stage: Callable[[str], None] | None = None) -> RunReport:
    """Run the pipeline; with `write`, bring `docs/` up to date with the inputs."""
    report = RunReport()
    with _timed(report, "load"):
        loaded = load_seeds(project.seeds, project.root)
    with _timed(report, "validate"):
        report.site = build_site(loaded, project.root)
    with _timed(report, "render"):
        report.pages = render_site(report.site, project.templates)
    if write:
        with _timed(report, "write"):
            report.written = write_pages(report.pages, project.docs)
    return report
