"""The link stage: what mentions what, and where, as plain data.

Mentions are found once, before any page is rendered, so that entity pages
can list every place that mentions them (backlinks), topic pages every
article that draws on them, and article pages their misspelled names and
where each claim stands. Nothing here decides how a page looks: the render
stage turns these records into Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .link import Linker, Mention, find_quote
from .model import Article, Context, Site, Topic
from .paths import article_path, paragraph_anchor, topic_path

QUOTE_WORDS = 14
WORD = re.compile(r"\S+")
EXCERPT_REACH = 120
"""Characters to look at on each side of a mention for the words of its excerpt."""


@dataclass(frozen=True)
class Backlink:
    """A place that mentions an entity."""

    page: str
    """Docs-relative path of the page."""
    anchor: str
    title: str
    """Title of the page and section, for the link text."""
    quote: str = ""
    """A short excerpt around the mention, for article paragraphs."""


@dataclass(frozen=True)
class Garbling:
    """A misspelled name printed in an article, and the entity it stands for."""

    printed: str
    entity: str
    """The entity's id."""
    block: int
    note: str


@dataclass(frozen=True)
class ClaimPlace:
    """Where a claim's words stand in the article: the block and the characters within it."""

    block: int
    start: int
    end: int


@dataclass
class ArticleLinks:
    """What the link stage found in one article."""

    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    """Block number -> the entity mentions in that paragraph."""
    garblings: list[Garbling] = field(default_factory=list)
    claims: dict[str, ClaimPlace] = field(default_factory=dict)
    """Claim id -> where its words are."""
    contexts: dict[int, list[Context]] = field(default_factory=dict)
    """Block number -> the sidecar's context links whose words are in that paragraph."""
    places: list[tuple[str, Backlink]] = field(default_factory=list)
    """(entity id, backlink) for each paragraph that mentions an entity, in reading order."""

    def mentioned(self) -> set[str]:
        """Ids of every entity the article mentions."""
        return {m.entity for mentions in self.mentions.values() for m in mentions}


@dataclass
class Analysis:
    """The link stage's result for the whole site."""

    linker: Linker
    articles: dict[str, ArticleLinks] = field(default_factory=dict)
    topics: dict[str, list[tuple[str, Backlink]]] = field(default_factory=dict)
    """Topic id -> (entity id, backlink) for each section whose facts mention an entity, once per section."""
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    """Entity id -> every place that mentions it: articles in the site's order, then topics."""
    topic_articles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Topic id -> article id -> ids of the sections its context links point at, in the order of first use."""


def analyse(site: Site, linker: Linker | None = None, previous: Analysis | None = None,
            stale: Collection[str] = ()) -> Analysis:
    """Find every mention in articles and topics once.

    The editor's loop passes the `previous` analysis, made with the same `linker`: the links of each
    article and topic are then taken from it, except for those whose page path is in `stale`.
    """
    analysis = Analysis(linker=linker or Linker(site.entities))
    for article in site.articles:
        reused = previous.articles.get(article.id) if previous else None
        if reused is None or article_path(article.id) in stale:
            reused = _analyse_article(analysis.linker, article)
        analysis.articles[article.id] = reused
        _count_context(analysis, article)
    for topic in site.topics:
        places = previous.topics.get(topic.id) if previous else None
        if places is None or topic_path(topic.id) in stale:
            places = _analyse_topic(analysis.linker, topic)
        analysis.topics[topic.id] = places
    for places in (*(links.places for links in analysis.articles.values()), *analysis.topics.values()):
        for entity_id, backlink in places:
            analysis.backlinks.setdefault(entity_id, []).append(backlink)
    return analysis


def _analyse_topic(linker: Linker, topic: Topic) -> list[tuple[str, Backlink]]:
    places: list[tuple[str, Backlink]] = []
    for section in topic.sections:
        seen: set[str] = set()
        for fact in section.facts:
            for mention in linker.markdown_mentions(fact.text):
                if mention.entity not in seen:
                    seen.add(mention.entity)
                    places.append((mention.entity, Backlink(topic_path(topic.id), section.id,
                                                            f"{topic.title}: {section.title}")))
    return places


def _count_context(analysis: Analysis, article: Article) -> None:
    """Record which topic sections the article's context links point at."""
    for context in article.context:
        sections = analysis.topic_articles.setdefault(context.topic, {}).setdefault(article.id, [])
        if context.section and context.section not in sections:
            sections.append(context.section)


def _analyse_article(linker: Linker, article: Article) -> ArticleLinks:
    links = ArticleLinks()
    path = article_path(article.id)
    for block in article.blocks:
        if block.kind != "paragraph":
            continue
        mentions = linker.mentions(block.text)
        links.mentions[block.number] = mentions
        for mention in mentions:
            links.places.append((mention.entity, Backlink(
                path, paragraph_anchor(block.number), f"{article.title}, paragraph {block.number}",
                excerpt(block.text, mention))))
            if mention.alias.garbled:
                links.garblings.append(Garbling(mention.alias.name, mention.entity, block.number, mention.alias.note))
    for claim in article.claims:
        for block in article.blocks:
            where = find_quote(block.text, claim.match)
            if where is not None:
                links.claims[claim.id] = ClaimPlace(block.number, *where)
                break
    for context in article.context:
        number = next((b.number for b in article.blocks if context.match in b.text), None)
        if number is not None:
            links.contexts.setdefault(number, []).append(context)
    return links


def excerpt(text: str, mention: Mention) -> str:
    """About `QUOTE_WORDS` words of `text` around a mention, cut at word boundaries, with ellipses."""
    half = QUOTE_WORDS // 2
    # Look only as far as the quote can reach, so long paragraphs cost no more than short ones.
    window = max(0, mention.start - EXCERPT_REACH)
    starts = [m.start() for m in WORD.finditer(text, window, mention.start)]
    ends = [m.end() for m in WORD.finditer(text, mention.end, mention.end + EXCERPT_REACH)]
    if len(starts) > half or (window and starts):
        begin = starts[-min(half, len(starts) - 1)] if window else starts[-half]
    else:
        begin = 0
    if len(ends) > half or (mention.end + EXCERPT_REACH < len(text) and ends):
        finish = ends[min(half, len(ends) - 1) - 1] if len(ends) > 1 else ends[0]
    else:
        finish = len(text)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if finish < len(text) else ""
    return f"{prefix}{text[begin:finish].strip()}{suffix}"
