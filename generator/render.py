"""Rendering the validated site into Markdown pages with the Jinja2 templates.

Each template receives the records of its own page and a `PageContext` that
knows where the page lives, so every link is made relative to it and every
citation is numbered in the order it first appears on that page. The link
stage's findings arrive as plain data; the Markdown and HTML that show them
are made here and in `markup.py`. Input text reaches a template only as
data: templates escape it with the `plain` filter and never compile it, so
nothing an editor or an article writes is evaluated as a template.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import markup, paths
from .analysis import Analysis, ArticleLinks, analyse
from .charts import ChartFigure, chart_figure
from .depends import CITATIONS, EVERY_EVENT, LEDGER, LOCATED, TITLES, PageInputs, RecordsView, SiteView
from .ledger import Ledger, build_ledger
from .link import whole_words
from .maps import MapFigure, Place, coordinates_text, map_figure, page_href
from .markup import Span, attribute, page_text, plain, strip_markdown, wrap
from .memo import Memo
from .model import (
    ENTITY_KINDS,
    SOURCE_KINDS,
    VERDICTS,
    Article,
    Block,
    Entity,
    Event,
    Further,
    Site,
    Source,
    Story,
    Topic,
)
from .reference import reference_context
from .templating import Templates

WORDS_PER_MINUTE = 200
"""An unhurried reading pace, for the article's reading time."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class PageContext:
    """What a template needs to know about the page it renders: where it is and what it cites."""

    path: str
    sources: Mapping[str, Source]
    cited: list[str] = field(default_factory=list)
    """Ids of the sources cited on this page, in order of first citation."""
    inputs: PageInputs = field(default_factory=PageInputs)
    """What the page reads, recorded as it renders (see `depends.py`)."""

    def use(self, kind: str, ids: Iterable[str] = ("",)) -> None:
        """Record that the page shows these inputs of one kind."""
        self.inputs.keys.update((kind, id) for id in ids)

    @functools.cached_property
    def folder(self) -> str:
        return posixpath.dirname(self.path)

    def link(self, target: str, anchor: str = "") -> str:
        """A link from this page to `target` (a docs-relative path), for use in Markdown."""
        relative = _relative(target, self.folder)
        return f"{relative}#{anchor}" if anchor else relative

    def cite(self, source_ids: Iterable[str]) -> str:
        """Numbered citation marks linking to the sources page; numbers follow first use on the page."""
        marks = []
        for source_id in source_ids:
            if source_id not in self.cited:
                self.cited.append(source_id)
            number = self.cited.index(source_id) + 1
            marks.append(f"[{number}]({self.link(paths.SOURCES_PAGE, paths.source_anchor(source_id))})")
        return f'<sup class="cite">{",".join(marks)}</sup>' if marks else ""

    def cited_sources(self) -> list[Source]:
        return [self.sources[source_id] for source_id in self.cited]


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    """Cached: every page of a folder links to the same few thousand targets."""
    return posixpath.relpath(target, folder or ".")


def front_matter(title: str, description: str, **extra: Any) -> str:
    """YAML front matter; values are written as JSON strings, which YAML reads back unchanged."""
    # The theme prints both into HTML unescaped (<title>, the header, <meta content="...">): escape them here.
    lines = [f"title: {json.dumps(page_text(title), ensure_ascii=False)}",
             f"description: {json.dumps(page_text(meta_text(strip_markdown(description)[:300])), ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def meta_text(text: str) -> str:
    """Text for a `<meta content="…">`: the theme prints it unescaped, so straight double quotes become curly."""
    return re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text).replace('"', "\u201d")


def date(value: dt.date, style: str = "long") -> str:
    """A date as readers see it: "26 July 2021", or "26 July" for `style="day"`; the same on every platform."""
    day_month = f"{value.day} {MONTHS[value.month - 1]}"
    return day_month if style == "day" else f"{day_month} {value.year}"


@dataclass(frozen=True)
class StoryHeader:
    """What the article's header shows beside the headline and the key numbers."""

    dek: str
    place: str
    minutes: int


def story_header(article: Article) -> StoryHeader:
    """The dek (the sidecar's, else the summary's first sentence, as plain text), the place (the sidecar's, else the
    dateline's) and the reading time."""
    dek = article.dek or re.split(r"(?<=[.!?])\s", strip_markdown(article.summary), maxsplit=1)[0]
    words = sum(len(block.text.split()) for block in article.blocks)
    return StoryHeader(dek, article.place or article.dateline, max(1, -(-words // WORDS_PER_MINUTE)))


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: an event, the filter group it belongs to and the page that tells more."""

    event: Event
    group: str
    """The timeline filter's value: a topic id, `story` for an article's events, `other` for background."""
    label: str
    target: str
    """Docs-relative path of the page the label links to; empty for background events."""


class Renderer:
    """Renders the pages of a site; `render_all` returns {docs-relative path: Markdown}.

    The editor's loop keeps one renderer between runs: `update` hands it the next version of the site,
    and `pages` says how to render each page, so it can render only those an edit touched. Each page's
    inputs are recorded in `inputs` as it renders.
    """

    def __init__(self, site: Site, templates: Path, analysis: Analysis | None = None, *,
                 ledger: Ledger | None = None, feeds: bool = False) -> None:
        self.templates = Templates(
            templates,
            filters={"plain": plain, "attr": attribute, "strip": strip_markdown, "tojson": json.dumps, "date": date,
                     "cell": markup.cell, "linked": self._linked_filter},
            globals={"paths": paths, "verdicts": VERDICTS, "entity_kinds": ENTITY_KINDS, "source_kinds": SOURCE_KINDS,
                     "front_matter": front_matter, "verdict_label": markup.verdict_label,
                     "further_title": self.further_title, "chart_figure": self.chart_figure,
                     "map_figure": self.map_figure, "coordinates_text": coordinates_text,
                     "feed_path": paths.FEED_PATH if feeds else "",
                     "topic_feed_path": paths.topic_feed_path if feeds else None})
        self.citations: dict[str, list[str]] = {}
        """Page path -> ids of the sources it cites, recorded as each page renders."""
        self.inputs: dict[str, PageInputs] = {}
        """Page path -> what it was rendered from, recorded as each page renders."""
        self.ids_on: dict[str, set[str]] = {}
        """Page path -> ids of the figures shown on it so far, so that each figure gets an id of its own."""
        self._entries = Memo()
        self.abbreviations: dict[str, str] = {}
        analysis = analysis if analysis is not None else analyse(site)
        self.update(site, analysis, ledger if ledger is not None else build_ledger(site))

    def update(self, site: Site, analysis: Analysis, ledger: Ledger) -> None:
        """Render the next version of the site from now on."""
        self.site = site
        self.analysis = analysis
        self.ledger = ledger
        self.sources = {s.id: s for s in site.sources}
        self.entities = {e.id: e for e in site.entities}
        self.topics = {t.id: t for t in site.topics}
        self.articles = {a.id: a for a in site.articles}
        self.charts = {chart.id: chart for chart in site.charts}
        self.located = [e for e in site.entities if e.lat is not None and e.lon is not None]
        """The places with coordinates, which the maps show (found once: every page may have a map)."""
        self.stories = {story.id: story for story in site.stories}
        abbreviations = glossary_words(site)
        if abbreviations != self.abbreviations or not hasattr(self, "term_pattern"):
            self.abbreviations = abbreviations
            self.term_pattern = whole_words(self.abbreviations)

    def templates_changed(self) -> None:
        """Forget the compiled templates: the next page reads them again."""
        self.templates.changed()
        self._entries = Memo()

    def pages(self) -> dict[str, Callable[[], str]]:
        """Every page of the site and how to render it, in the order `render_all` renders them: the
        sources page, which lists what every other page cites, comes last."""
        site = self.site
        pages: dict[str, Callable[[], str]] = {}
        for article in site.articles:
            pages[paths.article_path(article.id)] = functools.partial(self.article, article)
        for topic in site.topics:
            pages[paths.topic_path(topic.id)] = functools.partial(self.topic, topic)
        for entity in site.entities:
            pages[paths.entity_path(entity.id)] = functools.partial(self.entity, entity)
        for story in site.stories:
            pages[paths.story_path(story.id)] = functools.partial(self.story, story)
        pages[paths.ARTICLES_INDEX] = functools.partial(self.render, "articles.md.j2", paths.ARTICLES_INDEX)
        pages[paths.ENTITIES_INDEX] = self.entities_index
        pages[paths.TOPICS_INDEX] = functools.partial(self.render, "topics.md.j2", paths.TOPICS_INDEX)
        pages[paths.TIMELINE_PAGE] = self.timeline
        pages[paths.GLOSSARY_PAGE] = self.glossary
        pages[paths.HOW_TO_EDIT_PAGE] = functools.partial(self.render, "how-to-edit.md.j2", paths.HOW_TO_EDIT_PAGE,
                                                          **reference_context())
        pages[paths.UPDATES_PAGE] = self.updates_page
        pages[paths.HOME] = self.home
        pages[paths.SOURCES_PAGE] = self.sources_page
        return pages

    def render_all(self) -> dict[str, str]:
        return {path: make() for path, make in self.pages().items()}

    def chart_figure(self, chart_id: str, page: PageContext) -> ChartFigure:
        """A chart for the page being rendered, with an id no other figure on that page has."""
        page.use("chart", (chart_id,))
        return chart_figure(self.charts[chart_id], self.figure_id(page, f"chart-{chart_id}"))

    def map_figure(self, page: PageContext, title: str) -> MapFigure | None:
        """A locator map of the places with coordinates that the page is about or mentions, if any."""
        page.inputs.keys.add(LOCATED)
        backlinks, located = self.analysis.backlinks, self.located
        page.use("backlinks", (e.id for e in located))
        own = [e for e in located if paths.entity_path(e.id) == page.path]
        shown = own or [e for e in located if any(link.page == page.path for link in backlinks.get(e.id, ()))]
        if not shown:
            return None
        places = [Place(e.id, e.name, e.lat, e.lon, page_href(page.path, paths.entity_path(e.id)), e.location_sources)
                  for e in shown if e.lat is not None and e.lon is not None]
        return map_figure(places, self.figure_id(page, "map"), title)

    def figure_id(self, page: PageContext, base: str) -> str:
        """`base`, or `base-2`, `base-3`… if a figure on the page has it already."""
        used = self.ids_on.setdefault(page.path, set())
        figure_id = next(f"{base}-{n}" if n > 1 else base for n in range(1, len(used) + 2)
                         if (f"{base}-{n}" if n > 1 else base) not in used)
        used.add(figure_id)
        return figure_id

    def render(self, template: str, path: str, page: PageContext | None = None, **context: Any) -> str:
        page = page or PageContext(path, self.sources)
        self.ids_on[path] = set()
        page.use("history", (path,))
        body = self.templates.render(template, page=page, site=SiteView(self.site, page.inputs),
                                     ledger=self.ledger, **context)
        self.citations[path] = list(page.cited)
        page.use("source", page.cited)
        page.use("template", self.templates.used_by(template))
        self.inputs[path] = page.inputs
        return body.rstrip("\n") + "\n" + self.abbreviations_for(body, page.inputs)

    def entries(self, template: str, page: PageContext, records: Iterable[Any]) -> list[str]:
        """Each record's entry on an index page, from `template` (which sees the record as `record`).

        An index lists thousands of records and an edit changes one, so each entry is rendered once and reused
        while its record is the same object. An entry may only link: a citation or a linked name would belong
        to the page, and a reused entry would not record it again.
        """
        page.use("template", self.templates.used_by(template))
        compiled = self.templates.get(template)

        def entry(record: Any) -> str:
            alone = PageContext(page.path, {})
            with self.templates.located(template):
                text = compiled.render(page=alone, record=record).rstrip("\n")
            if alone.cited or alone.inputs.keys or alone.inputs.linked:
                raise ValueError(f"{template}: an index entry may not cite sources or link names")
            return text

        return [self._entries.get((template, page.path, record.id), (record,), functools.partial(entry, record))
                for record in records]

    def forget(self, path: str) -> None:
        """A page that is gone: its citations no longer count."""
        self.citations.pop(path, None)
        self.inputs.pop(path, None)

    def article(self, article: Article) -> str:
        path = paths.article_path(article.id)
        links = self.analysis.articles[article.id]
        page = PageContext(path, self.sources)
        page.use("article", (article.id,))
        page.use("links", (article.id,))
        page.use("entity", links.mentioned() | {g.entity for g in links.garblings})
        page.use("topic-head", (c.topic for c in article.context))
        page.use("source", (article.original_source,) if article.original_source else ())
        original = self.sources.get(article.original_source)
        return self.render("article.md.j2", path, page, article=article, jsonld=self.article_jsonld(article, links),
                           blocks=[(block, *self.block_markdown(article, links, block, page))
                                   for block in article.blocks],
                           garblings=[(g, self.entities[g.entity]) for g in links.garblings],
                           claim_blocks={claim_id: place.block for claim_id, place in links.claims.items()},
                           original=original, topics_used=self._topics_used(article), header=story_header(article),
                           **self._story_of(article, page))

    def _story_of(self, article: Article, page: PageContext) -> dict[str, Any]:
        """The article's story, and the articles just before and after it in that story."""
        story = self.stories.get(article.story) if article.story else None
        if story is None or article.id not in story.articles:
            return {"story": None, "previous": None, "next": None, "position": 0}
        page.use("story", (story.id,))
        index = story.articles.index(article.id)
        around = [self.articles[story.articles[i]] if 0 <= i < len(story.articles) else None
                  for i in (index - 1, index + 1)]
        page.use("article", (a.id for a in around if a is not None))
        return {"story": story, "previous": around[0], "next": around[1], "position": index + 1}

    def story(self, story: Story) -> str:
        path = paths.story_path(story.id)
        page = PageContext(path, self.sources)
        page.use("story", (story.id,))
        page.use("article", story.articles)
        articles = [(self.articles[article_id], self.articles[article_id].adds or
                     story_header(self.articles[article_id]).dek) for article_id in story.articles]
        return self.render("story.md.j2", path, page, story=story, articles=articles)

    def home_items(self) -> list[tuple[str, str, dt.date | None, int]]:
        """The stories and the articles that follow no story, newest first: (title, page, date, articles)."""
        items = [(s.title, paths.story_path(s.id), self._latest(s.articles), len(s.articles))
                 for s in self.site.stories if s.articles]
        items += [(a.title, paths.article_path(a.id), a.date, 1) for a in self.site.articles if not a.story]
        return sorted(items, key=lambda item: item[2] or dt.date.min, reverse=True)

    def _latest(self, article_ids: Iterable[str]) -> dt.date | None:
        return max((d for a in article_ids if (d := self.articles[a].date)), default=None)

    def topic(self, topic: Topic) -> str:
        path = paths.topic_path(topic.id)
        used_by = self.analysis.topic_articles.get(topic.id, {})
        page = PageContext(path, self.sources)
        page.use("topic", (topic.id,))
        page.use("usage", (topic.id,))
        page.use("article", used_by)
        drawn_on = [(self.articles[article_id], [s for s in topic.sections if s.id in section_ids])
                    for article_id, section_ids in used_by.items()]
        return self.render("topic.md.j2", path, page, topic=topic, used_by=drawn_on)

    def entity(self, entity: Entity) -> str:
        path = paths.entity_path(entity.id)
        page = PageContext(path, self.sources)
        page.use("entity", (entity.id,))
        page.use("backlinks", (entity.id,))
        page.use("topic-head", entity.topics)
        return self.render("entity.md.j2", path, page, entity=entity,
                           backlinks=self.analysis.backlinks.get(entity.id, []),
                           topics=[self.topics[topic_id] for topic_id in entity.topics])

    def entities_index(self) -> str:
        """Every entity, grouped by kind in the order of `ENTITY_KINDS`; kinds without entities are left out."""
        page = PageContext(paths.ENTITIES_INDEX, self.sources)
        page.use("list", ("entities",))
        by_kind: dict[str, list[Entity]] = {kind: [] for kind in ENTITY_KINDS}
        for entity in self.site.entities:
            by_kind[entity.kind].append(entity)
        groups = [(kind, ENTITY_KINDS[kind], self.entries("entity-entry.md.j2", page, group))
                  for kind, group in by_kind.items() if group]
        return self.render("entities.md.j2", paths.ENTITIES_INDEX, page, groups=groups)

    def timeline(self) -> str:
        page = PageContext(paths.TIMELINE_PAGE, self.sources)
        page.inputs.keys.add(EVERY_EVENT)
        page.use("list", ("topics",))
        return self.render("timeline.md.j2", paths.TIMELINE_PAGE, page,
                           entries=self.timeline_entries(self.site.all_events()))

    def glossary(self) -> str:
        page = PageContext(paths.GLOSSARY_PAGE, self.sources)
        return self.render("glossary.md.j2", paths.GLOSSARY_PAGE, page,
                           entities=RecordsView(self.entities, "entity", page.inputs))

    def home(self) -> str:
        page = PageContext(paths.HOME, self.sources)
        page.use("list", ("articles", "stories"))
        return self.render("home.md.j2", paths.HOME, page, items=self.home_items(),
                           lead=self.site.articles[0] if self.site.articles else None)

    def updates_page(self) -> str:
        page = PageContext(paths.UPDATES_PAGE, self.sources)
        page.inputs.keys.add(LEDGER)
        return self.render("updates.md.j2", paths.UPDATES_PAGE, page)

    def sources_page(self) -> str:
        """Every source with the pages that cite it, from each page's own record of its citations."""
        cited_by: dict[str, list[str]] = {}
        for page_path in sorted(self.citations, key=paths.reading_order):
            if page_path == paths.SOURCES_PAGE:
                continue
            for source_id in self.citations[page_path]:
                cited_by.setdefault(source_id, []).append(page_path)
        page = PageContext(paths.SOURCES_PAGE, self.sources)
        page.inputs.keys |= {CITATIONS, TITLES, ("list", "sources")}
        return self.render("sources.md.j2", paths.SOURCES_PAGE, page, groups=self.sources_by_publisher(),
                           cited_by=cited_by, titles=self.page_titles(), sources=self.sources)

    def sources_by_publisher(self) -> list[tuple[str, list[Source]]]:
        """The sources under their publishers, A to Z; each publisher's newest first, undated ones last."""
        by_publisher: dict[str, list[Source]] = {}
        for source in self.site.sources:
            by_publisher.setdefault(source.publisher, []).append(source)
        return [(publisher, sorted(sources, key=lambda s: (s.date is None, -(s.date or dt.date.min).toordinal())))
                for publisher, sources in sorted(by_publisher.items(), key=lambda item: item[0].casefold())]

    def further_title(self, further: Further, page: PageContext) -> str:
        """The title of the section (or topic) a question's "read more" link leads to."""
        page.use("topic", (further.topic,))
        topic = self.topics[further.topic]
        section = next((s for s in topic.sections if s.id == further.section), None)
        return f"{topic.title}: {section.title}" if section else topic.title

    def _topics_used(self, article: Article) -> list[Topic]:
        return [self.topics[topic_id] for topic_id in dict.fromkeys(c.topic for c in article.context)]

    def page_titles(self) -> dict[str, str]:
        """The title of every page that can cite a source, for the sources page's links back."""
        titles = {paths.HOME: "Home", paths.TIMELINE_PAGE: "Timeline", paths.GLOSSARY_PAGE: "Glossary",
                  paths.UPDATES_PAGE: "Corrections and updates"}
        titles |= {paths.article_path(a.id): a.title for a in self.site.articles}
        titles |= {paths.topic_path(t.id): t.title for t in self.site.topics}
        titles |= {paths.entity_path(e.id): e.name for e in self.site.entities}
        return titles

    def block_markdown(self, article: Article, links: ArticleLinks, block: Block,
                       page: PageContext) -> tuple[str, str]:
        """A block's printed words as Markdown, and the notes to show under it.

        A paragraph has its names linked, its claims marked and its context links after it; a subheading stays
        plain, and its claims' badges and context links go in the notes, on a line of their own below it."""
        claims = [(claim, place) for claim in article.claims
                  if (place := links.claims.get(claim.id)) is not None and place.block == block.number]
        badges = {claim.id: markup.verdict_badge(claim.id, claim.verdict, VERDICTS[claim.verdict].mark,
                                                 claim.explanation, f"#{paths.check_anchor(claim.id)}")
                  for claim, _ in claims}
        contexts = [markup.context_link(c.label or self.topics[c.topic].title,
                                        page.link(paths.topic_path(c.topic), c.section))
                    for c in links.contexts.get(block.number, [])]
        if block.kind == "heading":
            return plain(block.text), " ".join([*badges.values(), *contexts])
        spans = [self._mention_span(m.start, m.end, m.entity, m.alias.name, m.alias.garbled, page)
                 for m in links.mentions.get(block.number, [])]
        spans += [markup.claim_mark(place.start, place.end, paths.claim_anchor(claim.id), claim.verdict,
                                    badges[claim.id]) for claim, place in claims]
        return " ".join([wrap(block.text, spans), *contexts]), ""

    def _mention_span(self, start: int, end: int, entity_id: str, printed: str, garbled: bool,
                      page: PageContext) -> Span:
        entity = self.entities[entity_id]
        target = page.link(paths.entity_path(entity_id))
        if garbled:
            return markup.garbled_link(start, end, target, printed, entity.name)
        return markup.entity_link(start, end, target, entity.name)

    def linked(self, markdown_text: str, page: PageContext, skip: tuple[str, ...] = ()) -> str:
        """Editor Markdown with the first mention of each entity linked to its page."""
        mentions = self.analysis.linker.markdown_mentions(markdown_text, skip=skip)
        page.inputs.linked.append(markdown_text)
        page.use("entity", (m.entity for m in mentions))
        spans = [self._mention_span(m.start, m.end, m.entity, m.alias.name, m.alias.garbled, page) for m in mentions]
        return wrap(markdown_text, spans, markdown=True)

    @jinja2.pass_context
    def _linked_filter(self, context: jinja2.runtime.Context, markdown_text: str, skip: str = "") -> str:
        """`{{ text | linked }}` in a template: the page comes from the template's context."""
        return self.linked(markdown_text, context["page"], (skip,) if skip else ())

    def timeline_entries(self, events: Iterable[Event]) -> list[TimelineEntry]:
        entries = []
        for event in events:
            if event.topic in self.topics:
                entry = TimelineEntry(event, event.topic, self.topics[event.topic].title,
                                      paths.topic_path(event.topic))
            elif event.article:
                entry = TimelineEntry(event, "story", "This story", paths.article_path(event.article))
            else:
                entry = TimelineEntry(event, "other", "Background", "")
            entries.append(entry)
        return entries

    def article_jsonld(self, article: Article, links: ArticleLinks) -> dict[str, Any]:
        """schema.org data for search engines: the article itself, and a ClaimReview per checked claim."""
        news: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title,
                                "about": [{"@type": "Thing", "name": self.entities[e].name}
                                          for e in sorted(links.mentioned())]}
        if article.page_date:
            news["datePublished"] = article.page_date.isoformat()
        if article.event_date:
            news["contentReferenceTime"] = article.event_date.isoformat()
        if article.outlet:
            news["publisher"] = {"@type": "Organization", "name": article.outlet}
        if article.original_source:
            news["isBasedOn"] = self.sources[article.original_source].url
        news |= self.ledger.jsonld(paths.article_path(article.id))
        reviews = [{"@type": "ClaimReview", "claimReviewed": claim.claim,
                    "reviewBody": strip_markdown(claim.explanation),
                    "reviewRating": {"@type": "Rating", "alternateName": VERDICTS[claim.verdict].label},
                    "itemReviewed": {"@type": "Claim", "appearance": {"@type": "NewsArticle",
                                                                      "headline": article.title}}}
                   for claim in article.claims]
        return {"@context": "https://schema.org", "@graph": [news, *reviews]}

    def abbreviations_for(self, body: str, inputs: PageInputs | None = None) -> str:
        """Markdown abbreviations for the glossary words a page uses, so each shows its definition on hover.

        Only the words found in the page are listed: the whole glossary on every page would
        dominate the output of a large site.
        """
        if not self.abbreviations:
            return ""
        used = sorted(set(self.term_pattern.findall(body)))
        if inputs is not None:
            inputs.words.update(used)
            inputs.keys.update(("word", word) for word in used)
        lines = [f"*[{word}]: {self.abbreviations[word]}" for word in used]
        return ("\n" + "\n".join(lines) + "\n") if lines else ""


def glossary_words(site: Site) -> dict[str, str]:
    """Each glossary word (term or alias) and the definition its tooltip shows."""
    definitions: dict[str, str] = {}
    for term in site.terms:
        title = f"{term.expansion}: " if term.expansion else ""
        title += strip_markdown(term.definition)
        for word in (term.term, *term.aliases):
            definitions[word] = title
    return definitions


def render_site(site: Site, templates: Path, analysis: Analysis | None = None, *, ledger: Ledger | None = None,
                feeds: bool = False) -> dict[str, str]:
    """Every generated page of the site, as Markdown keyed by its path under `docs/`.

    `feeds` says whether the feeds are written (they need the site's address), so pages may link to them.
    """
    return Renderer(site, templates, analysis, ledger=ledger, feeds=feeds).render_all()
