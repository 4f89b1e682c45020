"""The link stage: what mentions what, where, and the Markdown that shows it.

Mentions are found once, before any page is rendered, so that entity pages
can list every place that mentions them (backlinks) and topic pages every
article that draws on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .link import Linker, Mention, find_quote
from .markup import Span, attribute, plain, wrap
from .model import Article, Block, Claim, Entity, Site, Source, Term, Topic

if TYPE_CHECKING:
    from .render import PageContext

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
    """A misspelled name printed in an article, and what it should be."""

    printed: str
    entity: Entity
    block: int
    note: str


@dataclass
class Analysis:
    site: Site
    linker: Linker
    sources: dict[str, Source]
    entities: dict[str, Entity]
    topics: dict[str, Topic]
    terms: dict[str, Term]
    article_mentions: dict[tuple[str, int], list[Mention]] = field(default_factory=dict)
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    backlink_keys: set[tuple[str, str, str]] = field(default_factory=set)
    """(entity id, page, anchor) of each backlink, so a place is listed once."""
    topic_articles: dict[str, dict[str, tuple[Article, list[str]]]] = field(default_factory=dict)
    """Topic id -> article id -> (article, ids of the sections its context links point at)."""
    garblings: dict[str, list[Garbling]] = field(default_factory=dict)
    claim_blocks: dict[tuple[str, str], int] = field(default_factory=dict)
    """(article id, claim id) -> number of the block that holds the claim's words."""

    def article_blocks(self, article: Article, page: PageContext) -> list[tuple[Block, str]]:
        """Each block of the article with its Markdown: the printed words, linked and marked."""
        return [(block, self.block_markdown(article, block, page)) for block in article.blocks]

    def block_markdown(self, article: Article, block: Block, page: PageContext) -> str:
        if block.kind == "heading":
            return plain(block.text)
        spans = [self._mention_span(m, page) for m in self.article_mentions.get((article.id, block.number), [])]
        spans += [self._claim_span(claim, block.text) for claim in article.claims]
        markdown = wrap(block.text, [s for s in spans if s is not None])
        for context in article.context:
            if context.match in block.text:
                label = context.label or self.topics[context.topic].title
                target = page.link(f"topics/{context.topic}.md", context.section)
                markdown += f' <span class="context-link">[{plain(label)}]({target})</span>'
        return markdown

    def linked(self, markdown: str, page: PageContext, skip: tuple[str, ...] = ()) -> str:
        """Editor Markdown with the first mention of each entity linked to its page."""
        spans = [self._mention_span(m, page) for m in self.linker.markdown_mentions(markdown, skip=skip)]
        return wrap(markdown, [s for s in spans if s is not None], markdown=True)

    def _mention_span(self, mention: Mention, page: PageContext) -> Span | None:
        entity = self.entities[mention.entity]
        target = page.link(f"entities/{entity.id}.md")
        if not mention.alias.garbled:
            return Span(mention.start, mention.end, "[", f']({target} "{attribute(entity.name)}")')
        title = attribute(f"Printed as “{mention.alias.name}”; the correct name is {entity.name}")
        return Span(mention.start, mention.end, f'<span class="garbled" title="{title}">[',
                    f']({target} "{title}")<sup class="fix" title="{title}">&#91;sic&#93;</sup></span>')

    def _claim_span(self, claim: Claim, text: str) -> Span | None:
        where = find_quote(text, claim.match)
        if where is None:
            return None
        verdict = claim.verdict
        # The explanation sits on a wrapper, not the link: Material's instant previews strip link titles.
        return Span(where[0], where[1], f'<mark class="claim verdict-{verdict}" id="claim-{claim.id}">',
                    f'</mark><span class="verdict-hint" title="{attribute(claim.explanation)}">'
                    f'<a class="verdict verdict-{verdict}" href="#check-{claim.id}">{VERDICT_MARKS[verdict]}</a>'
                    '</span>')


VERDICT_MARKS = {"accurate": "✓ accurate", "inaccurate": "✗ inaccurate", "garbled": "≠ garbled",
                 "unverified": "? unverified", "needs-context": "… needs context"}


def analyse(site: Site) -> Analysis:
    """Find every mention in articles and topics once, and index the site for rendering."""
    analysis = Analysis(
        site=site, linker=Linker(site.entities), sources={s.id: s for s in site.sources},
        entities={e.id: e for e in site.entities}, topics={t.id: t for t in site.topics},
        terms={t.id: t for t in site.terms},
    )
    for article in site.articles:
        _analyse_article(analysis, article)
    for topic in site.topics:
        for section in topic.sections:
            for fact in section.facts:
                for mention in analysis.linker.markdown_mentions(fact.text):
                    _add_backlink(analysis, mention.entity, Backlink(
                        f"topics/{topic.id}.md", section.id, f"{topic.title}: {section.title}"))
    return analysis


def _analyse_article(analysis: Analysis, article: Article) -> None:
    path = f"articles/{article.id}.md"
    for block in article.blocks:
        if block.kind != "paragraph":
            continue
        mentions = analysis.linker.mentions(block.text)
        analysis.article_mentions[(article.id, block.number)] = mentions
        for mention in mentions:
            _add_backlink(analysis, mention.entity, Backlink(
                path, f"p-{block.number}", f"{article.title}, paragraph {block.number}", excerpt(block.text, mention)))
            if mention.alias.garbled:
                analysis.garblings.setdefault(article.id, []).append(
                    Garbling(mention.alias.name, analysis.entities[mention.entity], block.number, mention.alias.note))
    for claim in article.claims:
        number = next(b.number for b in article.blocks if claim.match in b.text)
        analysis.claim_blocks[(article.id, claim.id)] = number
    for context in article.context:
        _, sections = analysis.topic_articles.setdefault(context.topic, {}).setdefault(article.id, (article, []))
        if context.section and context.section not in sections:
            sections.append(context.section)


def _add_backlink(analysis: Analysis, entity_id: str, backlink: Backlink) -> None:
    key = (entity_id, backlink.page, backlink.anchor)
    if key not in analysis.backlink_keys:
        analysis.backlink_keys.add(key)
        analysis.backlinks.setdefault(entity_id, []).append(backlink)


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
