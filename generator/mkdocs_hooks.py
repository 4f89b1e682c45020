"""MkDocs hooks: run the generator before every build, so pages are never stale.

This adapter only translates MkDocs events; the generator itself never
imports MkDocs. Under `mkdocs build` (`make site`, CI) the generator runs
once, and errors in the inputs stop the build.

Under `mkdocs serve` (`make serve`) the generator runs before every rebuild
in the same process, through a `Session` that redoes only what a save
touched (see `session.py`). A problem never stops the preview, since MkDocs
would hang every request until it was fixed: `docs/` keeps the last good
pages, the terminal lists each problem as `file:line:column: message`, and
every served page shows the same list (`overrides/partials/preview.html`
reads it from the status file written here) until a save fixes it. The
preview watches `seeds/`, `templates/` and the hand-written files of
`docs/`, not the pages the generator writes. Long pages a save changed
are written after the rebuild that shows the others, and a second rebuild
builds them, so the page an editor changed does not wait for the indexes.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from watchdog import events
from watchdog.observers.api import ObservedWatch

from generator.errors import GeneratorError, InputError, Problem
from generator.pipeline import Project, RunReport, generate
from generator.report import preview_status, text_line
from generator.robots import robots_txt
from generator.session import session_for
from generator.siteconfig import SiteSettings, normalise_url
from generator.write import read_manifest

log = logging.getLogger("mkdocs.plugins.generator")
SKIP = "EXPLAINER_SKIP_GENERATE"
"""Set to 1 to build the pages already in docs/ without regenerating them (the benchmark times MkDocs alone so)."""
STATUS = "preview-status.json"
"""Written into the served site: the problems each page of the preview shows, or none."""
LONG_PAGE = 64_000
"""Characters of Markdown past which a changed page waits for a second rebuild in the preview: MkDocs takes
a good part of a second for a long index page, and the page the editor changed should not wait for it."""
PENDING = ".preview-pending"
"""A file in docs/ (MkDocs skips dot files) that the preview watches: writing it starts the second rebuild."""


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per preview: MkDocs makes a new template environment for every
    build, and compiling Material's templates again would cost most of a rebuild. Jinja checks each template's
    source against what was compiled, so an edited override is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The operating system's file events, changes only: the generator reads every input on a save, and
    reading a file must not start another rebuild."""

    CHANGES = (events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent)

    def schedule(self, event_handler: events.FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[events.FileSystemEvent]] | None = None,
                 follow_symlink: bool = False) -> ObservedWatch:
        watch: ObservedWatch = super().schedule(event_handler, path, recursive=recursive,
                                                event_filter=list(self.CHANGES), follow_symlink=follow_symlink)
        return watch


class Preview:
    """What the hook remembers between the rebuilds of one `mkdocs serve`."""

    serving = False
    project: Project | None = None
    deferred: dict[str, str] = {}  # noqa: RUF012
    built = False
    """Whether the first build of the preview is done: later builds are the dirty rebuilds after saves."""
    problems: list[str] = []  # noqa: RUF012 (one preview per process)
    removed: list[str] = []  # noqa: RUF012
    warnings: set[str] = set()  # noqa: RUF012
    templates = CompiledTemplates()


class DirtyNotice(logging.Filter):
    """Drops MkDocs' notice that a dirty build may leave navigation stale, printed on every rebuild of the
    preview: the generator rewrites every page a save changes, index pages included, and MkDocs rebuilds them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(*, command: str, dirty: bool) -> None:
    Preview.serving = command == "serve"
    if Preview.serving and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if Preview.serving:
        config.extra["preview_status"] = STATUS
        # A preview needs no sitemap: MkDocs would write every page's entry again after each save.
        config.theme.static_templates.discard("sitemap.xml")
        if Preview.built:
            # The search index of the first build stays: after a save, Material would rewrite all of it, and
            # its merge of a dirty rebuild's pages assumes one page per rebuild.
            for name, plugin in config.plugins.items():
                if name.endswith("search") and "enabled" in plugin.config:
                    plugin.config["enabled"] = False
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get(SKIP) == "1":
        log.info(f"generator: skipped ({SKIP}=1)")
        return
    settings = SiteSettings(normalise_url(config.site_url), config.site_name or "")
    project = Project.at(Path(config.config_file_path).parent, settings)
    if Preview.serving:
        _preview(project)
        return
    try:
        report = generate(project)
    except InputError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise PluginError(f"{len(error.problems)} problem(s) in seeds/; the previous pages are kept") from None
    except GeneratorError as error:
        raise PluginError(str(error)) from None
    _log_run(report, report.warnings)


def _preview(project: Project) -> None:
    """Regenerate for the preview; never raise, or MkDocs would stop answering until the next good build."""
    Preview.removed, Preview.project = [], project
    try:
        report = session_for(project).run(later=lambda path, text: len(text) > LONG_PAGE)
    except InputError as error:
        _broken([text_line(problem) for problem in error.problems])
        return
    except GeneratorError as error:
        _broken([str(error)])
        return
    except Exception as error:  # a fault of the generator's own: shown, never a hung preview
        log.error("".join(traceback.format_exception(error)).rstrip())
        _broken([f"the generator failed: {type(error).__name__}: {error}"])
        return
    if Preview.problems:
        log.info("generator: the problems are fixed")
    Preview.problems = []
    new_warnings = [w for w in report.warnings if text_line(w) not in Preview.warnings]
    Preview.warnings = {text_line(w) for w in report.warnings}
    _log_run(report, new_warnings)
    if report.written:
        Preview.removed = report.written.removed
    Preview.deferred = report.deferred
    if report.deferred:
        log.info(f"generator: {len(report.deferred)} long pages follow in a second rebuild")


def _broken(lines: list[str]) -> None:
    for line in lines:
        log.error(line)
    log.error(f"generator: {len(lines)} problem(s): the preview keeps the last good pages, with the problems "
              "listed on each, until a save fixes them")
    Preview.problems = lines


def _log_run(report: RunReport, warnings: list[Problem]) -> None:
    for warning in warnings:
        # At info level: a loose end must not stop `mkdocs build --strict` or stall `mkdocs serve`;
        # `python -m generator check --strict`, which CI runs, is where loose ends fail.
        log.info(f"generator: {text_line(warning)}")
    written = report.written
    if written and (written.written or written.removed):
        log.info(f"generator: {len(written.written)} pages written, {len(written.removed)} removed")


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if Preview.serving:
        env.bytecode_cache = Preview.templates
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Watch the hand-written files of docs/ but not the generated pages: the generator writes them during the
    rebuild that a save under seeds/ or templates/ starts, and watching them would start a second one.

    Saves are noticed by the operating system's file events (inotify on Linux) rather than by MkDocs'
    polling of every watched file each half second, which on a large site costs time and a second's
    worth of stat calls; the watches made so far move to the new observer."""
    docs = Path(config.docs_dir)
    generated = {page.split("/", 1)[0] for page in read_manifest(docs)}
    server.unwatch(config.docs_dir)
    if config.config_file_path:
        server.unwatch(config.config_file_path)
    server.observer = ChangeObserver()
    if config.config_file_path:
        server.watch(config.config_file_path)
    for entry in sorted(docs.iterdir()):
        if entry.name not in generated and not entry.name.startswith("."):
            server.watch(str(entry))
    (docs / PENDING).touch()
    server.watch(str(docs / PENDING))
    return server


def _write_deferred(config: MkDocsConfig) -> None:
    """Write the long pages the generator held back, and start the rebuild that builds them."""
    if Preview.deferred and Preview.project is not None:
        session_for(Preview.project).write_later(Preview.deferred)
        Preview.deferred = {}
        Path(config.docs_dir, PENDING).write_text(f"{time.time()}\n", encoding="utf-8")


def on_build_error(error: Exception) -> None:
    if Preview.serving and Preview.deferred and Preview.project is not None:
        session_for(Preview.project).write_later(Preview.deferred)
        Preview.deferred = {}


def on_post_build(config: MkDocsConfig) -> None:
    if Preview.serving:
        Preview.built = True
        _write_deferred(config)
        # A dirty rebuild leaves the pages of removed inputs in the served site: take them out.
        for page in Preview.removed:
            built = Path(File(page, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
            built.unlink(missing_ok=True)
        Path(config.site_dir, STATUS).write_text(preview_status(Preview.problems), encoding="utf-8")
    if config.site_url:
        Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
