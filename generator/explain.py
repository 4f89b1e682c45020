"""`python -m generator show ARTICLE`: what the parser took from an article's file, and how to correct it.

An editor sees each guess (title, date, outlet, section, byline, dateline,
subheadings, removed lines) before publishing, where it came from, and the
sidecar key that overrides it. Values the sidecar already sets are shown as
set there, beside what the file says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .article import FORMATS, ArticleTextError, parse_article
from .errors import GeneratorError, InputError, Problem
from .load import Loaded, SeedFile
from .model import ParsedText
from .yamlfile import YNode

FORMAT_NAMES = {"text": "plain text", "html": "saved web page", "mhtml": "web page saved as a single file (MHTML)",
                "markdown": "Markdown export", "json": "JSON export", "xml": "XML: NITF, NewsML-G2 or a feed item"}
ORIGINS = {
    "text": {"title": "the text's headline", "outlet": "the text's outlet line", "byline": 'the "By" line'},
    "html": {"title": "the page's title", "outlet": "the page's site name", "byline": "the page's author"},
    "mhtml": {"title": "the page's title", "outlet": "the page's site name", "byline": "the page's author"},
    "markdown": {"title": "the front matter's title", "outlet": "the front matter's outlet",
                 "byline": "the front matter's author"},
    "json": {"title": "the export's headline", "outlet": "the export's publisher or source",
             "byline": "the export's author"},
    "xml": {"title": "the file's headline", "outlet": "the file's provider, publisher or channel",
            "byline": "the file's byline or creator"},
}
"""Where each format's reader finds the title, outlet and byline."""
WEB_PAGES = frozenset({"html", "mhtml"})
"""Formats read by the saved-page extractor, which can leave text of the page out."""
DATE_SOURCES = {"published": 'the "Published" stamp', "updated": 'the "Updated" stamp', "date line": "the date line",
                "dateline": "the dateline"}
INDENT = " " * 10


class ArticleNotFound(GeneratorError):
    """`show` was asked for an article that `seeds/articles/` does not hold."""


@dataclass(frozen=True)
class Sidecar:
    name: str
    """The sidecar's path as shown in messages (it need not exist yet)."""
    values: dict[str, str]
    """The metadata it sets, as written."""


def find_text(loaded: Loaded, article: str) -> tuple[SeedFile, str]:
    """The article's file and text, by id or by path; `InputError` if there is none."""
    wanted = Path(article).stem if Path(article).suffix.lower() in FORMATS else article
    if wanted in loaded.texts:
        return loaded.texts[wanted]
    known = ", ".join(sorted(loaded.texts)) or "none"
    raise ArticleNotFound(f'no article "{article}" in seeds/articles/ (articles: {known})')


def explain(loaded: Loaded, article: str) -> str:
    """The explanation `show` prints, ending with a newline."""
    seed, raw = find_text(loaded, article)
    try:
        parsed = parse_article(raw, seed.path.suffix)
    except ArticleTextError as error:
        raise InputError([Problem(seed.name, error.line, error.column, "", str(error))]) from None
    sidecar = _sidecar(loaded, seed)
    lines = [f"{seed.name} ({FORMAT_NAMES[parsed.source_format]})"]
    lines += _metadata(parsed, sidecar)
    lines += _structure(parsed, seed)
    return "\n".join(lines) + "\n"


def _sidecar(loaded: Loaded, seed: SeedFile) -> Sidecar:
    name = seed.name.rsplit(".", 1)[0] + ".yml"
    for sidecar_seed, tree in loaded.documents:
        if sidecar_seed.kind.name == "article" and sidecar_seed.path.stem == seed.path.stem and tree.kind == "map":
            values = {key: node.text for key, node in tree.items.items() if isinstance(node, YNode)
                      and node.kind == "scalar"}
            return Sidecar(sidecar_seed.name, values)
    return Sidecar(name, {})


def _entry(label: str, value: str, origin: str, key: str, sidecar: Sidecar) -> list[str]:
    """One finding: its value, then where it came from and the sidecar key that corrects it."""
    head = f"{label + ':':<{len(INDENT)}}"
    if key in sidecar.values:
        said = f"the file says: {value}" if value else "the file gives none"
        return [f"{head}{sidecar.values[key]}", f"{INDENT}set by `{key}:` in {sidecar.name} ({said})"]
    if not value:
        return [f"{head}(none found)", f"{INDENT}to give one, set `{key}:` in {sidecar.name}"]
    return [f"{head}{value}", f"{INDENT}from {origin}; if it is wrong, set `{key}:` in {sidecar.name}"]


def _metadata(parsed: ParsedText, sidecar: Sidecar) -> list[str]:
    origins = ORIGINS[parsed.source_format]
    lines = _entry("title", parsed.title, origins["title"], "title", sidecar)
    lines += _entry("date", _date_text(parsed), _date_origin(parsed), "page_date", sidecar)
    lines += _entry("outlet", parsed.outlet, origins["outlet"], "outlet", sidecar)
    lines += _entry("byline", parsed.byline, origins["byline"], "byline", sidecar)
    dateline = parsed.dateline + (f", {_day(parsed.dateline_date)}" if parsed.dateline_date else "")
    lines += _entry("dateline", dateline, "the start of the first paragraph, which keeps it", "dateline", sidecar)
    section = parsed.section_label or "(none found)"
    lines += [f"{'section:':<{len(INDENT)}}{section}", f"{INDENT}for information only: the page does not show it"]
    for stamp in parsed.unread_dates:
        lines += [f"{INDENT}not understood as a date: {stamp}"]
    return lines


def _date_text(parsed: ParsedText) -> str:
    if parsed.page_date is None:
        return ""
    updated = parsed.updated_date
    later = f" (updated {_day(updated)})" if updated and updated != parsed.page_date else ""
    return _day(parsed.page_date) + later


def _date_origin(parsed: ParsedText) -> str:
    if parsed.source_format in WEB_PAGES:
        return "the page's metadata"
    if parsed.source_format == "markdown" and parsed.date_source != "dateline":
        return "the front matter"
    if parsed.source_format in {"json", "xml"} and parsed.date_source != "dateline":
        return "the file's metadata"
    return DATE_SOURCES.get(parsed.date_source, "the text")


def _day(date: dt.date | None) -> str:
    return f"{date.day} {date:%B %Y}" if date else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _structure(parsed: ParsedText, seed: SeedFile) -> list[str]:
    paragraphs = sum(block.kind == "paragraph" for block in parsed.blocks)
    lines = [f"{'text:':<{len(INDENT)}}{_count(paragraphs, 'paragraph')}, {_count(len(parsed.headings), 'subheading')}"]
    lines += [f"{INDENT}paragraph {block.number} is a subheading: {block.text}"
              for block in parsed.blocks if block.kind == "heading"]
    if parsed.headings:
        fix = ("end it with a full stop" if parsed.source_format == "text" else "make it a paragraph")
        lines += [f"{INDENT}if a subheading is really a paragraph, {fix} in {seed.name}"]
    if not parsed.removed:
        lines += [f"{'removed:':<{len(INDENT)}}nothing"]
    else:
        removed = _count(len(parsed.removed), "line")
        lines += [f"{'removed:':<{len(INDENT)}}{removed} of boilerplate, listed on the page"]
        lines += [f"{INDENT}- {line}" for line in parsed.removed]
        lines += [f"{INDENT}if one of them belongs to the article, report it: the rules are in "
                  "generator/article_body.py"]
    if parsed.source_format in WEB_PAGES:
        lines += [f"{'left out:':<{len(INDENT)}}{_count(len(parsed.left_out), 'block')} of the page around the "
                  "article (navigation, adverts, links, footer)"]
        lines += [f"{INDENT}- {block}" for block in parsed.left_out]
    return lines
