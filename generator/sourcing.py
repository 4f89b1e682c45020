"""Source quality: warnings for weak, copied and circular sourcing.

Three rules, each a warning (`check --strict` makes them errors):

- a claim whose verdict is not `unverified` but whose sources are all of
  kind `other` (no government, news agency or news outlet backs it);
- a source whose `url` is on a site listed in `seeds/mirrors/` (a mirror,
  aggregator, content farm or proxy) and that does not say, in
  `original_not_found`, why the original publisher's address is missing;
- a claim about an article that is checked only against copies of that
  article: its sidecar's `original_source`, and every source linked to it
  through `copy_of` (another copy of the same wire story).

The rules read the checked files rather than the assembled site only, so
that every warning points at the line and column of the value concerned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import Problem
from .memo import Memo
from .model import Article, Claim, Site, Source
from .schema import file_id
from .validate import CheckedFile

HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$")
"""A host name as editors list it: lowercase labels joined by dots, no scheme, port or path."""


@dataclass(frozen=True)
class ListedMirror:
    """A known mirror, aggregator or content farm, and where it is listed."""

    host: str
    kind: str
    file: str
    line: int
    column: int


def sourcing_problems(site: Site, checked: list[CheckedFile], memo: Memo | None = None) -> list[Problem]:
    """A warning for every weak, copied or circular source; see the module docstring. With `memo` (the editor's
    loop), a file of sources that is the same object as last time, against the same mirrors, is not checked again."""
    memo = memo if memo is not None else Memo()
    mirrors, problems = known_mirrors(checked)
    listed = tuple(mirrors)
    sources = {source.id: source for source in site.sources}
    articles = {article.id: article for article in site.articles}
    for file in checked:
        if file.kind.name == "source":
            problems += memo.get(("mirror-warnings", file.name, listed), (file,),
                                 lambda: _mirror_warnings(file, mirrors))  # noqa: B023
        elif file.kind.name == "article" and file_id(file.name) in articles:
            problems += _claim_warnings(file, articles[file_id(file.name)], sources)
    return problems


def known_mirrors(checked: Iterable[CheckedFile]) -> tuple[list[ListedMirror], list[Problem]]:
    """The listed mirrors, and a warning for each host written wrongly or listed twice."""
    mirrors: list[ListedMirror] = []
    problems: list[Problem] = []
    seen: dict[str, ListedMirror] = {}
    for file in checked:
        if file.kind.name != "mirror":
            continue
        for key, record in file.records:
            line, column = file.at(f"{key}.host")
            mirror = ListedMirror(record.host.lower(), record.kind, file.name, line, column)
            if not HOST.match(mirror.host):
                problems.append(_warning(file.name, line, column, f"{key}.host",
                                         f'"{mirror.host}" is not a host name: write only the site\'s address, '
                                         'like newshour.media, without http:// or a path'))
            elif mirror.host in seen:
                first = seen[mirror.host]
                problems.append(_warning(file.name, line, column, f"{key}.host",
                                         f'"{mirror.host}" is already listed at {first.file}:{first.line}:'
                                         f"{first.column}: keep one of the two"))
            else:
                seen[mirror.host] = mirror
                mirrors.append(mirror)
    return mirrors, problems


def mirror_for(url: str, mirrors: Iterable[ListedMirror]) -> ListedMirror | None:
    """The listed site that serves `url` (its host or a subdomain of it), if any."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")
    return next((m for m in mirrors if host == m.host or host.endswith("." + m.host)), None)


def article_copies(article: Article, sources: dict[str, Source]) -> set[str]:
    """Ids of the article's original source and of every source linked to it through `copy_of`, either way."""
    if not article.original_source:
        return set()
    linked: dict[str, set[str]] = {}
    for source in sources.values():
        if source.copy_of:
            linked.setdefault(source.id, set()).add(source.copy_of)
            linked.setdefault(source.copy_of, set()).add(source.id)
    copies, todo = set(), [article.original_source]
    while todo:
        id = todo.pop()
        if id not in copies:
            copies.add(id)
            todo.extend(linked.get(id, ()))
    return copies


def _mirror_warnings(file: CheckedFile, mirrors: list[ListedMirror]) -> list[Problem]:
    problems = []
    for key, source in file.records:
        mirror = mirror_for(source.url, mirrors)
        if mirror is None or source.original_not_found:
            continue
        line, column = file.at(f"{key}.url")
        problems.append(_warning(
            file.name, line, column, f"{key}.url",
            f'source "{source.id}" is read on {mirror.host}, a known {mirror.kind} ({mirror.file}:{mirror.line}): '
            "put the original publisher's address in url and this one in read_at, or say in original_not_found "
            "why the original cannot be found"))
    return problems


def _claim_warnings(file: CheckedFile, article: Article, sources: dict[str, Source]) -> list[Problem]:
    copies = article_copies(article, sources)
    problems = []
    for index, claim in enumerate(article.claims):
        if claim.verdict == "unverified":
            continue
        key = f"claims[{index}].sources"
        line, column = file.at(key)
        for message in _claim_messages(claim, sources, copies):
            problems.append(_warning(file.name, line, column, key, message))
    return problems


def _claim_messages(claim: Claim, sources: dict[str, Source], copies: set[str]) -> list[str]:
    cited = ", ".join(claim.sources)
    messages = []
    if all(sources[id].kind == "other" for id in claim.sources if id in sources):
        messages.append(f'claim "{claim.id}" is rated {claim.verdict} on sources of kind "other" only ({cited}): '
                        "cite a primary, wire or press source, or make the verdict unverified")
    if copies and set(claim.sources) <= copies:
        messages.append(f'claim "{claim.id}" is checked only against copies of the article itself ({cited}): cite '
                        "a source that does not come from the article, or make the verdict unverified")
    return messages


def _warning(file: str, line: int, column: int, key: str, message: str) -> Problem:
    return Problem(file, line, column, key, message, severity="warning")

