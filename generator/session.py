"""The editor's loop: a generator run that remembers the last one and redoes only what an edit touched.

`make serve` runs the generator before every rebuild, in one long-lived
process (the MkDocs hook). A `Session` keeps between runs each input file's
digest and reading, a memo of checked files and built records, the last good
site with what the link stage found, the renderer with what each page was
rendered from (`depends.py`), and the pages. A run then reads and checks
again only the files whose bytes changed, links again only the articles and
topics that changed or hold a name that changed, renders only the pages whose
inputs differ, and writes only the pages whose bytes differ.

The first run of a session renders everything, exactly as
`pipeline.generate` does. A run that fails keeps the last good state, and
`docs/`, as they were; running again with the same inputs fails the same way
at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import cache, cards, paths
from .analysis import Analysis, analyse
from .depends import (
    CITATIONS,
    EVERY_EVENT,
    LEDGER,
    TITLES,
    Dependents,
    Key,
    Snapshot,
    changed_names,
    changed_records,
    changes,
)
from .errors import GeneratorError, Problem
from .feed import feeds
from .link import Linker
from .lite import LiteInputs, LiteRenderer
from .load import SeedFile, SeedRead, read_seed
from .memo import Memo
from .model import Site
from .pipeline import Project, Reuse, RunReport, check, cycle_collector_paused, timed
from .render import Renderer, glossary_words
from .write import WriteReport, write_pages


@dataclass(frozen=True)
class Built:
    """The last good run: what its pages were rendered from, and the pages."""

    snapshot: Snapshot
    pages: dict[str, str]
    """The Markdown pages, the text-only edition's pages and the feeds."""
    files: dict[str, bytes]
    """The share cards."""
    titles: dict[str, str]
    warnings: list[Problem]


class Session:
    """Runs the generator again and again for one project, each run reusing what the last one made."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._digests = cache.Digests()
        self._inputs: dict[str, str | None] | None = None
        """The digest of every input file at the start of the last run, good or not."""
        self._failure: GeneratorError | None = None
        self._reads: dict[str, tuple[str | None, SeedRead]] = {}
        self._memo = Memo()
        self._dependents = Dependents()
        self._renderer: Renderer | None = None
        self._built: Built | None = None
        self._records: set[Key] = set()
        """The records that changed since the last good run (known once the link stage starts)."""
        self._names: set[str] = set()
        """The entity names and aliases that changed since the last good run."""
        self._pending: dict[str, str] = {}
        """Pages a run deferred that are not written yet: the next run writes them first, whatever happens."""
        self._text_only: dict[str, LiteInputs] = {}
        """What each text-only page showed besides its own record, as last rendered."""

    def run(self, later: Callable[[str, str], bool] | None = None) -> RunReport:
        """Bring `docs/` up to date with the inputs; `InputError` lists every problem when they have any.

        With `later`, the changed pages it picks (by path and text) are not written but left in
        `report.deferred`, for `write_later`, as long as some other page is written now: the preview shows
        the page an editor changed before MkDocs spends seconds on a long index page.
        """
        with cycle_collector_paused():
            if self._pending:
                self.write_later(self._pending)
            report = RunReport()
            with timed(report, "fingerprint"):
                inputs = self._digests.of(self.project.root, (self.project.seeds, self.project.templates))
            if inputs == self._inputs:
                return self._unchanged(report)
            self._inputs = inputs
            try:
                self._regenerate(report, inputs, later)
            except GeneratorError as error:
                self._failure = error
                raise
            except BaseException:
                self._inputs = None
                raise
            self._failure = None
            return report

    def _unchanged(self, report: RunReport) -> RunReport:
        """Nothing was saved since the last run: the same outcome, at once."""
        if self._failure is not None:
            raise self._failure
        assert self._built is not None
        report.cached = True
        report.site, report.pages, report.warnings = self._built.snapshot.site, self._built.pages, self._built.warnings
        report.files = self._built.files
        report.written = WriteReport()
        return report

    def write_later(self, pages: dict[str, str]) -> WriteReport:
        """Write the pages a run deferred (`run(later=...)`)."""
        assert self._built is not None
        written = write_pages(pages, self.project.docs, every=self._built.pages.keys() | self._built.files.keys())
        self._pending = {}
        return written

    def _regenerate(self, report: RunReport, inputs: dict[str, str | None],
                    later: Callable[[str, str], bool] | None) -> None:
        checked = check(self.project, report, Reuse(self._read, self._memo, self._link))
        self._reads = {name: read for name, read in self._reads.items() if name in inputs}
        site, analysis, ledger = checked.valid_site(), checked.analysis, checked.ledger
        assert analysis is not None and ledger is not None
        templates = {name.removeprefix("templates/"): digest or "" for name, digest in inputs.items()
                     if name.startswith("templates/")}
        snapshot = Snapshot(site, analysis, ledger, glossary_words(site), templates)
        settings = self.project.settings
        with timed(report, "render"):
            if self._built is None or self._renderer is None:
                pages, rendered, titles = self._render_all(snapshot)
                keys = None
            else:
                keys = changes(self._built.snapshot, snapshot, self._records)
                pages, rendered, titles = self._render_changed(self._renderer, self._built, snapshot, keys)
            extra = self._render_text_only(snapshot, keys)
            if keys is None or keys & {("list", "articles"), ("list", "topics"), ("list", "sources"), EVERY_EVENT,
                                       LEDGER}:
                extra |= feeds(site, ledger, settings.site_url, settings.site_name)
            pages.update(extra)
            rendered += list(extra)
            for path in {path for path in pages if not path.endswith(".md")} - _text_only_paths(site):
                del pages[path]
        with timed(report, "cards"):
            files = dict(self._built.files) if self._built else {}
            shown = {cards.card_path(path) for path in pages if path.endswith(".md")}
            files = {path: png for path, png in files.items() if path in shown}
            files |= cards.render_cards({path: pages[path] for path in rendered}, site, self.project.docs,
                                        settings.site_name or "Explainer")
        with timed(report, "write"):
            if self._built is None:
                cache.forget(self.project.docs)
                outputs: dict[str, str | bytes] = {**pages, **files}
                report.written = write_pages(outputs, self.project.docs)
                cache.store(self.project.docs, cache.fingerprint(self.project.inputs, settings=repr(settings)),
                            outputs)
            else:
                now: dict[str, str | bytes] = {path: pages[path] for path in rendered}
                now |= {path: files[path] for path in {cards.card_path(p) for p in rendered} if path in files}
                rendered += [path for path in now if path not in pages]
                text_now = {path: text for path, text in now.items() if isinstance(text, str)}
                report.deferred = self._pending = self._deferred(text_now, later) if later else {}
                report.written = write_pages({path: data for path, data in now.items() if path not in report.deferred},
                                             self.project.docs, every=pages.keys() | files.keys())
        self._memo.forget_unused()
        self._built = Built(snapshot, pages, files, titles, checked.problems)
        report.site, report.warnings, report.pages, report.rendered = site, checked.problems, pages, rendered
        report.files = files

    def _deferred(self, pages: dict[str, str], later: Callable[[str, str], bool]) -> dict[str, str]:
        """The pages to write later: those `later` picks whose bytes on disk differ, if any other page changed."""
        picked = {path: text for path, text in pages.items() if later(path, text)}
        if len(picked) == len(pages):
            return {}
        return {path: text for path, text in picked.items() if not _holds(self.project.docs / path, text)}

    def _read(self, seed: SeedFile) -> SeedRead:
        """The last reading of the file if its bytes are the same, else a new one."""
        digest = (self._inputs or {}).get(seed.name)
        last = self._reads.get(seed.name)
        if digest is not None and last is not None and last[0] == digest and last[1].seed.kind is seed.kind:
            return last[1]
        read = read_seed(seed)
        self._reads[seed.name] = (digest, read)
        return read

    def _link(self, site: Site) -> Analysis:
        """The link stage, again only for the articles and topics that changed or hold a changed name."""
        if self._built is None:
            return analyse(site)
        old = self._built.snapshot
        self._records = changed_records(old.site, site)
        self._names = changed_names(old.site, site, self._records)
        linker = Linker(site.entities) if self._names else old.analysis.linker
        stale = {paths.article_path(id) for kind, id in self._records if kind == "article"}
        stale |= {paths.topic_path(id) for kind, id in self._records if kind == "topic"}
        if self._names:
            names = self._names
            stale |= {paths.article_path(article.id) for article in site.articles
                      if any(name in block.text for block in article.blocks for name in names)}
            stale |= {paths.topic_path(topic.id) for topic in site.topics
                      if any(name in fact.text for section in topic.sections for fact in section.facts
                             for name in names)}
        return analyse(site, linker, old.analysis, stale)

    def _render_text_only(self, snapshot: Snapshot, keys: set[Key] | None) -> dict[str, str]:
        """The text-only pages to render again: every one on the first run or after an edit of their templates;
        else those of the articles and topics that changed, those that show a source, an entity's name or a
        glossary word that changed, and the index if the lists of articles or topics did."""
        site = snapshot.site
        lite = LiteRenderer(site, self.project.templates, snapshot.analysis)
        if keys is None or self._built is None or any(kind == "template" and id.startswith("lite/")
                                                      for kind, id in keys):
            pages = lite.render_all()
            self._text_only = dict(lite.inputs)
            return pages
        changed = {kind: {id for k, id in keys if k == kind} for kind in ("source", "entity", "term")}
        words = {word for site_then in (self._built.snapshot.site, site) for term in site_then.terms
                 if term.id in changed["term"] for word in (term.term, *term.aliases)}
        stale = {path for path, shown in self._text_only.items()
                 if shown.sources & changed["source"] or shown.entities & changed["entity"] or shown.words & words}
        stale |= {path for path, text in self._built.pages.items()  # a word new to the glossary
                  if path.startswith("lite/") and any(word in text for word in words)}
        articles, topics = {a.id: a for a in site.articles}, {t.id: t for t in site.topics}
        stale |= {paths.lite_article_path(id) for kind, id in keys if kind in ("article", "links") and id in articles}
        stale |= {paths.lite_topic_path(id) for kind, id in keys if kind == "topic" and id in topics}
        pages = {}
        for article_id, article in articles.items():
            if paths.lite_article_path(article_id) in stale:
                pages[paths.lite_article_path(article_id)] = lite.article(article)
        for topic_id, topic in topics.items():
            if paths.lite_topic_path(topic_id) in stale:
                pages[paths.lite_topic_path(topic_id)] = lite.topic(topic)
        if keys & {("list", "articles"), ("list", "topics")}:
            pages[paths.LITE_INDEX] = lite.index()
        self._text_only.update(lite.inputs)
        return pages

    def _render_all(self, snapshot: Snapshot) -> tuple[dict[str, str], list[str], dict[str, str]]:
        renderer = self._renderer = Renderer(snapshot.site, self.project.templates, snapshot.analysis,
                                             ledger=snapshot.ledger, feeds=bool(self.project.settings.site_url))
        pages = renderer.render_all()
        for path, inputs in renderer.inputs.items():
            self._dependents.record(path, inputs)
        return pages, list(pages), renderer.page_titles()

    def _render_changed(self, renderer: Renderer, built: Built, snapshot: Snapshot,
                        keys: set[Key]) -> tuple[dict[str, str], list[str], dict[str, str]]:
        """Render again the pages whose inputs (`keys`) changed, then the sources page if what it lists changed."""
        if any(kind == "template" for kind, _ in keys):
            renderer.templates_changed()
        renderer.update(snapshot.site, snapshot.analysis, snapshot.ledger)
        makers = renderer.pages()
        removed = {path for path in built.pages.keys() - makers.keys() if path.endswith(".md")}
        added = makers.keys() - built.pages.keys()
        stale = self._dependents.reading(keys) | self._dependents.linking(self._names) | added
        new_words = snapshot.words.keys() - built.snapshot.words.keys()
        if new_words:
            stale |= {path for path, text in built.pages.items() if any(word in text for word in new_words)}
        pages = dict(built.pages)
        for path in removed:
            del pages[path]
            renderer.forget(path)
            self._dependents.forget(path)
        cited = {path: renderer.citations.get(path) for path in stale}
        rendered = [path for path in makers if path in stale and path != paths.SOURCES_PAGE]
        for path in rendered:
            pages[path] = makers[path]()
            self._dependents.record(path, renderer.inputs[path])
        titles = renderer.page_titles()
        if removed or added or any(renderer.citations.get(path) != cited[path] for path in rendered):
            keys.add(CITATIONS)
        if titles != built.titles:
            keys.add(TITLES)
        if paths.SOURCES_PAGE in stale or paths.SOURCES_PAGE in self._dependents.reading(keys & {CITATIONS, TITLES}):
            pages[paths.SOURCES_PAGE] = makers[paths.SOURCES_PAGE]()
            self._dependents.record(paths.SOURCES_PAGE, renderer.inputs[paths.SOURCES_PAGE])
            rendered.append(paths.SOURCES_PAGE)
        return pages, rendered, titles


def _text_only_paths(site: Site) -> set[str]:
    """The text-only pages and feeds the site may have now (the others are left from removed records)."""
    return ({paths.lite_article_path(a.id) for a in site.articles} | {paths.lite_topic_path(t.id) for t in site.topics}
            | {paths.LITE_INDEX, paths.FEED_PATH} | {paths.topic_feed_path(t.id) for t in site.topics})


def _holds(path: Path, text: str) -> bool:
    """Whether the file at `path` holds exactly `text`."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


_SESSIONS: dict[Path, Session] = {}


def session_for(project: Project) -> Session:
    """The session of this project in this process, made on first use (the MkDocs hook keeps one per project)."""
    if project.root not in _SESSIONS:
        _SESSIONS[project.root] = Session(project)
    return _SESSIONS[project.root]
