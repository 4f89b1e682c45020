"""The text-only edition: one small HTML page per article and topic, and an index, under `lite/`.

For readers on slow networks and old phones: no script, no web font, no
image, and a few kilobytes a page. Citations become numbered notes at the
end, glossary terms are explained in brackets where a page first uses them,
a misspelled name is followed by its correction, and a claim's verdict is
written after its words. The pages are HTML files that the site build
copies as they are, so the theme's scripts never reach them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import markdown as markdown_library
from markupsafe import Markup, escape

from . import paths
from .analysis import Analysis, ArticleLinks
from .markup import strip_markdown
from .model import VERDICTS, Article, Site, Source, Term, Topic
from .render import date, story_header


@dataclass
class Notes:
    """The numbered notes of one page: each source once, numbered in order of first citation."""

    sources: dict[str, Source]
    cited: list[str] = field(default_factory=list)

    def cite(self, source_ids: Iterable[str]) -> Markup:
        numbers = []
        for source_id in source_ids:
            if source_id not in self.cited:
                self.cited.append(source_id)
            number = self.cited.index(source_id) + 1
            numbers.append(f'<a href="#note-{number}">{number}</a>')
        return Markup(f"<sup>[{', '.join(numbers)}]</sup>") if numbers else Markup("")

    def listed(self) -> list[Source]:
        return [self.sources[source_id] for source_id in self.cited]


@dataclass(frozen=True)
class LiteInputs:
    """What a text-only page shows besides its own record and what the link stage found in it: the editor's loop
    renders the page again when one of these changes."""

    sources: frozenset[str]
    """The sources it lists."""
    entities: frozenset[str]
    """The entities whose names it writes in (after a misspelt name)."""
    words: frozenset[str]
    """The glossary words found in its texts."""


class Glossary:
    """Explains each glossary word in brackets the first time a page uses it."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.matched: set[str] = set()
        """The words found since this was last emptied, explained or not."""
        self.gloss: dict[str, str] = {}
        for term in terms:
            gloss = term.expansion or re.split(r"(?<=[.!?])\s", strip_markdown(term.definition), maxsplit=1)[0]
            for word in (term.term, *term.aliases):
                if word != gloss:
                    self.gloss[word] = gloss.rstrip(".")
        words = sorted(self.gloss, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])") if words else None

    def explain(self, text: str, seen: set[str]) -> str:
        """`text` with " (gloss)" after the first use of each word not yet in `seen` (which this updates)."""
        if self.pattern is None:
            return text

        def explained(match: re.Match[str]) -> str:
            word, gloss = match.group(1), self.gloss[match.group(1)]
            self.matched.add(word)
            nearby = text[max(0, match.start() - 80):match.end() + 2].lower()
            if word in seen or gloss.lower() in nearby:  # "Islamic State (IS)" explains itself
                return word
            seen.add(word)
            return f"{word} ({gloss})"

        return self.pattern.sub(explained, text)


class LiteRenderer:
    """Renders the text-only pages; `render_all` returns {docs-relative path: HTML}."""

    def __init__(self, site: Site, templates: Path, analysis: Analysis) -> None:
        self.site = site
        self.analysis = analysis
        self.sources = {s.id: s for s in site.sources}
        self.entities = {e.id: e for e in site.entities}
        self.glossary = Glossary(site.terms)
        self.converter = markdown_library.Markdown()
        """One converter for every text: making one costs more than converting a short text."""
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates / "lite"), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                      keep_trailing_newline=True)
        self.env.filters.update(date=date, strip=strip_markdown)
        self.env.globals.update(verdicts=VERDICTS)
        self.inputs: dict[str, LiteInputs] = {}
        """Page path -> what the page showed, recorded as each article or topic renders."""

    def render_all(self) -> dict[str, str]:
        pages = {paths.lite_article_path(a.id): self.article(a) for a in self.site.articles}
        pages |= {paths.lite_topic_path(t.id): self.topic(t) for t in self.site.topics}
        pages[paths.LITE_INDEX] = self.index()
        return pages

    def index(self) -> str:
        return self.render("index.html.j2", paths.LITE_INDEX, site=self.site,
                           articles=[(a, paths.lite_article_path(a.id)) for a in self.site.articles],
                           topics=[(t, paths.lite_topic_path(t.id)) for t in self.site.topics], full_page="")

    def render(self, template: str, path: str, **context: Any) -> str:
        folder = posixpath.dirname(path)

        def link(target: str) -> str:
            """A link from this page to another file of the built site (a lite page or a generated page's URL)."""
            relative = posixpath.relpath(target or ".", folder or ".")
            return relative + "/" if not target or target.endswith("/") else relative

        return self.env.get_template(template).render(link=link, index=paths.LITE_INDEX, **context)

    def article(self, article: Article) -> str:
        notes, seen = Notes(self.sources), set[str]()
        self.glossary.matched = set()
        links = self.analysis.articles[article.id]
        paragraphs = [(block, self._paragraph(article, links, block.number, block.text, seen))
                      for block in article.blocks]
        claims = [(claim, notes.cite(claim.sources)) for claim in article.claims]
        path = paths.lite_article_path(article.id)
        text = self.render("article.html.j2", path, article=article,
                           header=story_header(article), paragraphs=paragraphs, claims=claims, notes=notes,
                           corrections=[(c, self.markdown(c.correction, seen), notes.cite(c.sources))
                                        for c in article.corrections],
                           full_page=paths.built_url(paths.article_path(article.id)))
        garbled = frozenset(m.entity for found in links.mentions.values() for m in found if m.alias.garbled)
        self.inputs[path] = LiteInputs(frozenset(notes.cited), garbled, frozenset(self.glossary.matched))
        return text

    def topic(self, topic: Topic) -> str:
        notes, seen = Notes(self.sources), set[str]()
        self.glossary.matched = set()
        sections = [(section, [(self.markdown(fact.text, seen), fact, notes.cite(fact.sources))
                               for fact in section.facts]) for section in topic.sections]
        questions = [(question, self.markdown(question.answer, seen), notes.cite(question.sources))
                     for question in topic.questions]
        events = [(event, notes.cite(event.sources)) for event in sorted(topic.events, key=lambda e: e.date)]
        path = paths.lite_topic_path(topic.id)
        text = self.render("topic.html.j2", path, topic=topic,
                           summary=self.markdown(topic.summary, seen), questions=questions,
                           why=self.markdown(topic.why_it_matters, seen), sections=sections, events=events,
                           notes=notes, full_page=paths.built_url(paths.topic_path(topic.id)))
        self.inputs[path] = LiteInputs(frozenset(notes.cited), frozenset(), frozenset(self.glossary.matched))
        return text

    def _paragraph(self, article: Article, links: ArticleLinks, number: int, text: str, seen: set[str]) -> Markup:
        """The printed words, escaped, with corrections of misspelled names and claim verdicts written in."""
        inserts: list[tuple[int, int, str]] = []  # (where, order among inserts at one place, text)
        for mention in links.mentions.get(number, []):
            if mention.alias.garbled:
                inserts.append((mention.end, 0, f" [sic: {self.entities[mention.entity].name}]"))
        for claim in article.claims:
            place = links.claims.get(claim.id)
            if place is not None and place.block == number:
                inserts.append((place.end, 1, f" [claim checked: {VERDICTS[claim.verdict].label.lower()}]"))
        pieces, position = [], 0
        for index, _, insert in sorted(inserts):
            pieces += [escape(self.glossary.explain(text[position:index], seen)), escape(insert)]
            position = index
        pieces.append(escape(self.glossary.explain(text[position:], seen)))
        return Markup("").join(pieces)

    def markdown(self, text: str, seen: set[str]) -> Markup:
        """Editor Markdown as HTML, with glossary words explained; relative links to other pages are dropped
        (their words stay), since the text-only pages stand apart from the full site."""
        html = self.converter.reset().convert(self.glossary.explain(text, seen))
        html = re.sub(r'<a href="(?!https?://|mailto:)[^"]*">(.*?)</a>', r"\1", html)
        if html.count("<p>") == 1:
            html = html.removeprefix("<p>").removesuffix("</p>")
        return Markup(html)  # safe: the validator refuses HTML in editor Markdown


def render_lite(site: Site, templates: Path, analysis: Analysis) -> dict[str, str]:
    """Every page of the text-only edition, as HTML keyed by its path under `docs/`."""
    return LiteRenderer(site, templates, analysis).render_all()
