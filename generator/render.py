"""Rendering the validated site into Markdown pages with the Jinja2 templates.

Templates receive records and a `PageContext` that knows where the page
lives, so every link is made relative to it and every citation is numbered
in the order it first appears on that page. Input text reaches a template
only as data: templates escape it with the `plain` filter and never compile
it, so nothing an editor or an article writes is evaluated as a template.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from .analysis import Analysis, analyse
from .editor_schema import reference_context
from .link import whole_words
from .markup import attribute, page_text, plain, strip_markdown
from .model import Article, Site

if TYPE_CHECKING:
    from .ledger import Ledger

VERDICT_LABELS = {"accurate": "Accurate", "inaccurate": "Inaccurate", "garbled": "Garbled",
                  "unverified": "Unverified", "needs-context": "Needs context"}


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


SOURCES_PAGE, GLOSSARY_PAGE, TIMELINE_PAGE = "sources.md", "glossary.md", "timeline.md"
UPDATES_PAGE = "updates.md"
"""The site-wide Corrections and updates page."""


@dataclass
class PageContext:
    """What a template needs to know about the page it renders: where it is and what it cites."""

    path: str
    cited: list[str] = field(default_factory=list)
    cited_by: dict[str, list[tuple[str, str]]] | None = None
    """Shared across pages: source id -> (page path, anchor) where it is cited."""

    @functools.cached_property
    def folder(self) -> str:
        return posixpath.dirname(self.path)

    def link(self, target: str, anchor: str = "") -> str:
        """A link from this page to `target` (a docs-relative path), for use in Markdown."""
        relative = _relative(target, self.folder)
        return f"{relative}#{anchor}" if anchor else relative

    def cite(self, source_ids: Iterable[str], anchor: str = "") -> str:
        """Numbered citation marks linking to the sources page; numbers follow first use on the page."""
        marks = []
        for source_id in source_ids:
            if source_id not in self.cited:
                self.cited.append(source_id)
            if self.cited_by is not None:
                self.cited_by.setdefault(source_id, []).append((self.path, anchor))
            number = self.cited.index(source_id) + 1
            marks.append(f'[{number}]({self.link(SOURCES_PAGE, "source-" + source_id)})')
        return f'<sup class="cite">{",".join(marks)}</sup>' if marks else ""


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


class Renderer:
    """Renders every page of a site; `render_all` returns {docs-relative path: Markdown}."""

    def __init__(self, site: Site, templates: Path, analysis: Analysis | None = None, *,
                 ledger: Ledger | None = None, feeds: bool = False) -> None:
        # Imported here: both place pages by the paths defined in this module.
        from . import feed
        from . import ledger as history

        self.site = site
        self.analysis: Analysis = analysis if analysis is not None else analyse(site)
        self.ledger = ledger if ledger is not None else history.build_ledger(site)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined,
            autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters.update(plain=plain, attr=attribute, strip=strip_markdown, tojson=json.dumps)
        self.env.globals.update(
            site=site, analysis=self.analysis, verdicts=VERDICT_LABELS, front_matter=front_matter,
            article_path=article_path, topic_path=topic_path, entity_path=entity_path,
            sources_page=SOURCES_PAGE, glossary_page=GLOSSARY_PAGE, timeline_page=TIMELINE_PAGE,
            sources=self.analysis.sources, entities=self.analysis.entities, topics=self.analysis.topics,
            ledger=self.ledger, updates_page=UPDATES_PAGE, feed_path=feed.FEED_PATH if feeds else "",
            topic_feed_path=feed.topic_feed_path,
        )
        self.cited_by: dict[str, list[tuple[str, str]]] = {}
        self.abbreviations = self._abbreviations()
        self.term_pattern = whole_words(self.abbreviations)

    def render_all(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for article in self.site.articles:
            pages[article_path(article.id)] = self.article(article)
        for topic in self.site.topics:
            pages[topic_path(topic.id)] = self.render("topic.md.j2", topic_path(topic.id), topic=topic)
        for entity in self.site.entities:
            pages[entity_path(entity.id)] = self.render("entity.md.j2", entity_path(entity.id), entity=entity)
        pages["articles/index.md"] = self.render("articles.md.j2", "articles/index.md")
        pages["entities/index.md"] = self.render("entities.md.j2", "entities/index.md")
        pages["topics/index.md"] = self.render("topics.md.j2", "topics/index.md")
        pages[TIMELINE_PAGE] = self.render("timeline.md.j2", TIMELINE_PAGE, events=self.site.all_events())
        pages[GLOSSARY_PAGE] = self.render("glossary.md.j2", GLOSSARY_PAGE)
        pages["how-to-edit.md"] = self.render("how-to-edit.md.j2", "how-to-edit.md", **reference_context())
        pages["index.md"] = self.render("home.md.j2", "index.md")
        pages[UPDATES_PAGE] = self.render("updates.md.j2", UPDATES_PAGE)
        # Last, so that it can list every page that cites each source.
        pages[SOURCES_PAGE] = self.render("sources.md.j2", SOURCES_PAGE, cited_by=self.cited_by,
                                          titles=self.page_titles())
        return pages

    def page_titles(self) -> dict[str, str]:
        """The title of every page that can cite a source, for the sources page's links back."""
        titles = {"index.md": "Home", TIMELINE_PAGE: "Timeline", GLOSSARY_PAGE: "Glossary",
                  UPDATES_PAGE: "Corrections and updates"}
        titles |= {article_path(a.id): a.title for a in self.site.articles}
        titles |= {topic_path(t.id): t.title for t in self.site.topics}
        titles |= {entity_path(e.id): e.name for e in self.site.entities}
        return titles

    def render(self, template: str, path: str, **context: Any) -> str:
        page = PageContext(path, cited_by=self.cited_by)
        body = self.env.get_template(template).render(page=page, **context)
        return body.rstrip("\n") + "\n" + self.abbreviations_for(body)

    def article(self, article: Article) -> str:
        path = article_path(article.id)
        return self.render("article.md.j2", path, article=article, jsonld=self.article_jsonld(article),
                           blocks=self.analysis.article_blocks(article, PageContext(path)))

    def article_jsonld(self, article: Article) -> dict[str, Any]:
        """schema.org data for search engines: the article itself, and a ClaimReview per checked claim."""
        mentions = self.analysis.article_mentions
        mentioned = {m.entity for block in article.blocks for m in mentions.get((article.id, block.number), ())}
        news: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title,
                                "about": [{"@type": "Thing", "name": self.analysis.entities[e].name}
                                          for e in sorted(mentioned)]}
        if article.page_date:
            news["datePublished"] = article.page_date.isoformat()
        if article.event_date:
            news["contentReferenceTime"] = article.event_date.isoformat()
        if article.outlet:
            news["publisher"] = {"@type": "Organization", "name": article.outlet}
        if article.original_source:
            news["isBasedOn"] = self.analysis.sources[article.original_source].url
        news |= self.ledger.jsonld(article_path(article.id))
        reviews = [{"@type": "ClaimReview", "claimReviewed": claim.claim, "reviewBody": strip_markdown(
                    claim.explanation), "reviewRating": {"@type": "Rating", "alternateName": VERDICT_LABELS[
                    claim.verdict]}, "itemReviewed": {"@type": "Claim", "appearance": {
                    "@type": "NewsArticle", "headline": article.title}}} for claim in article.claims]
        return {"@context": "https://schema.org", "@graph": [news, *reviews]}

    def _abbreviations(self) -> dict[str, str]:
        """Each glossary word (term or alias) and the definition its tooltip shows."""
        definitions: dict[str, str] = {}
        for term in self.site.terms:
            title = f"{term.expansion}: " if term.expansion else ""
            title += strip_markdown(term.definition)
            for word in (term.term, *term.aliases):
                definitions[word] = title
        return definitions

    def abbreviations_for(self, body: str) -> str:
        """Markdown abbreviations for the glossary words a page uses, so each shows its definition on hover.

        Only the words found in the page are listed: the whole glossary on every page would
        dominate the output of a large site.
        """
        if not self.abbreviations:
            return ""
        used = sorted(set(self.term_pattern.findall(body)))
        lines = [f"*[{word}]: {self.abbreviations[word]}" for word in used]
        return ("\n" + "\n".join(lines) + "\n") if lines else ""


def render_site(site: Site, templates: Path, analysis: Analysis | None = None, *, ledger: Ledger | None = None,
                feeds: bool = False) -> dict[str, str]:
    """Every generated page of the site, as Markdown keyed by its path under `docs/`.

    `feeds` says whether the feeds are written (they need the site's address), so pages may link to them.
    """
    return Renderer(site, templates, analysis, ledger=ledger, feeds=feeds).render_all()
