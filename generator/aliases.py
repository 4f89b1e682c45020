"""Adding accepted names to the entities' aliases, keeping each YAML file's comments and layout.

The file is read and written back by ruamel.yaml's round trip, which keeps
comments, quotes, folded text and the order of keys. Before changing a file,
writing it back unchanged must give the same bytes, with the indentation the
file uses; otherwise the file is left alone and the editor is told what to
add by hand. An alias that already names an entity is never added: a name
leads to one entity only.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1))
"""(mapping, sequence, dash offset) layouts tried until one writes the file back unchanged."""
AFTER = ("topics", "sources")
"""A new `aliases:` key goes before the first of these keys, as the schema orders them."""


@dataclass(frozen=True)
class Accepted:
    """A printed name the editor accepts as a garbled alias of an entity."""

    entity: str
    printed: str


@dataclass(frozen=True)
class Outcome:
    accepted: Accepted
    file: str
    """The entity file, as shown in messages."""
    added: bool
    reason: str = ""
    """Why it was not added."""


def add_aliases(accepted: Iterable[Accepted], files: dict[str, tuple[str, Path]],
                owners: dict[str, str]) -> list[Outcome]:
    """Add each accepted name to its entity's aliases as garbled; `files` gives each entity's file.

    `owners` maps every name and alias in use to its entity: a name already in use is not added again.
    """
    outcomes: list[Outcome] = []
    by_file: dict[Path, list[Accepted]] = {}
    items = list(dict.fromkeys(accepted))
    claimed = {item.printed: {i.entity for i in items if i.printed == item.printed} for item in items}
    for item in items:
        shown, path = files[item.entity]
        holder = owners.get(item.printed)
        if len(claimed[item.printed]) > 1:
            others = ", ".join(sorted(claimed[item.printed] - {item.entity}))
            outcomes.append(Outcome(item, shown, False, f"accepted for {others} too: a name may lead to one entity "
                                    "only"))
        elif holder is not None:
            what = "already a name or alias of this entity" if holder == item.entity else \
                f"already a name or alias of {holder}: a name may lead to one entity only"
            outcomes.append(Outcome(item, shown, False, what))
        else:
            by_file.setdefault(path, []).append(item)
    for path, batch in by_file.items():
        shown = files[batch[0].entity][0]
        reason = _rewrite(path, batch)
        outcomes += [Outcome(item, shown, reason is None, reason or "") for item in batch]
    return outcomes


def _rewrite(path: Path, items: list[Accepted]) -> str | None:
    """Add the items to the file; why not, if the file cannot be rewritten without changing its layout."""
    text = path.read_text(encoding="utf-8")
    yaml = _round_trip(text)
    if yaml is None:
        return "the file cannot be rewritten without changing its layout: add the alias by hand"
    data = yaml.load(text)
    entries = {entry.get("id"): entry for entry in data.get("entities", []) if isinstance(entry, CommentedMap)}
    for item in items:
        entry = entries.get(item.entity)
        if entry is None:
            return f"entity {item.entity} is not a list item of this file's `entities:`"
        _append(entry, item.printed)
    output = io.StringIO()
    yaml.dump(data, output)
    path.write_text(output.getvalue(), encoding="utf-8")
    return None


def _round_trip(text: str) -> YAML | None:
    """A round-trip loader and dumper that writes `text` back byte for byte, if there is one."""
    for mapping, sequence, offset in INDENTS:
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = yaml.load(text)
            output = io.StringIO()
            yaml.dump(data, output)
        except YAMLError:
            return None
        if output.getvalue() == text:
            return yaml
    return None


def _append(entry: CommentedMap, printed: str) -> None:
    item = CommentedMap([("name", DoubleQuotedScalarString(printed)), ("garbled", True)])
    item.fa.set_flow_style()
    aliases: Any = entry.get("aliases")
    if isinstance(aliases, CommentedSeq):
        aliases.append(item)
        return
    if "aliases" in entry:
        entry["aliases"] = CommentedSeq([item])
        return
    keys = list(entry)
    position = next((keys.index(key) for key in AFTER if key in entry), len(keys))
    entry.insert(position, "aliases", CommentedSeq([item]))
