"""How `check` shows its findings: lines for people, JSON for editors, annotations for GitHub."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import Problem
from .load import Loaded
from .yamlfile import YNode

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Counts:
    """How many records of each kind the inputs hold, read from the files even when they have problems."""

    articles: int = 0
    topics: int = 0
    entities: int = 0
    events: int = 0
    sources: int = 0
    terms: int = 0


def count_records(loaded: Loaded) -> Counts:
    counts = {"articles": len(loaded.texts), "topics": 0, "entities": 0, "events": 0, "sources": 0, "terms": 0}
    plural = {"entity": "entities", "event": "events", "source": "sources", "term": "terms"}
    for seed, tree in loaded.documents:
        kind = seed.kind
        if kind.list_key:
            if kind.name in plural:  # the summary leaves out data files such as the mirror list
                counts[plural[kind.name]] += _length(tree, kind.list_key)
            continue
        counts["events"] += _length(tree, "events")
        if kind.name == "topic":
            counts["topics"] += 1
    return Counts(**counts)


def _length(tree: YNode, key: str) -> int:
    if tree.kind != "map" or key not in tree.items or tree.items[key].kind != "seq":
        return 0
    return len(tree.items[key].elements)


def summary(counts: Counts, problems: Sequence[Problem]) -> str:
    """One line: what was checked and what was found."""
    what = ", ".join(_plural(getattr(counts, f.name), f.name) for f in dataclasses.fields(counts))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    status = "failed" if errors else "ok"
    if not problems:
        return f"{status}: {what}; no problems found"
    return (f"{status}: {what}; {_plural(len(problems), 'problems')} found "
            f"({_plural(errors, 'errors')}, {_plural(warnings, 'warnings')})")


def _plural(count: int, plural: str) -> str:
    singular = {"entities": "entity"}.get(plural, plural.removesuffix("s"))
    return f"{count} {singular if count == 1 else plural}"


def format_problems(problems: Sequence[Problem], format: str) -> str:
    """Every problem in the given format, as one text ending in a newline (empty for text without problems)."""
    if format == "json":
        return json.dumps([dataclasses.asdict(p) for p in problems], indent=2, ensure_ascii=False) + "\n"
    line = github_line if format == "github" else text_line
    return "".join(line(p) + "\n" for p in problems)


def preview_status(lines: Sequence[str]) -> str:
    """What every page of the preview shows: the problems of the saved files, each as a `text_line` (JSON)."""
    return json.dumps({"problems": list(lines)}, ensure_ascii=False, indent=1) + "\n"


def text_line(problem: Problem) -> str:
    label = "warning: " if problem.severity == "warning" else ""
    key = f" {problem.key}:" if problem.key else ""
    return f"{problem.where}:{key} {label}{problem.message}"


def github_line(problem: Problem) -> str:
    """A GitHub Actions workflow command, which shows the problem on the file in the pull request."""
    where = [f"file={_escape(problem.file, True)}"]
    if problem.line:
        where += [f"line={problem.line}", f"col={problem.column}"]
    key = f"{problem.key}: " if problem.key else ""
    return f"::{problem.severity} {','.join(where)}::{_escape(key + problem.message, False)}"


def _escape(text: str, is_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text
