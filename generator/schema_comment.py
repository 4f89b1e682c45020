"""The first-line comment that points each YAML file in `seeds/` at its JSON Schema.

The YAML language server (VS Code's YAML extension and others) reads
`# yaml-language-server: $schema=…` and then completes keys, shows each
field's help and flags mistakes while the editor types.
"""

from __future__ import annotations

import os
from pathlib import Path

from .json_schemas import SCHEMA_FOLDER, schema_name
from .model import FILE_KINDS
from .schema import FileKind

COMMENT_PREFIX = "# yaml-language-server:"


def schema_comment(path: Path, kind: FileKind, schemas: Path = SCHEMA_FOLDER) -> str:
    """The first line that points the YAML file at `path` to its schema, by a relative path."""
    relative = Path(os.path.relpath(schemas / schema_name(kind), path.parent)).as_posix()
    return f"{COMMENT_PREFIX} $schema={relative}"


def with_schema_comment(text: str, comment: str) -> str:
    """`text` starting with `comment`, replacing an earlier yaml-language-server line; idempotent."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and lines[0].startswith(COMMENT_PREFIX):
        lines = lines[1:]
    return comment + newline + "".join(lines)


def annotate(seeds: Path, schemas: Path = SCHEMA_FOLDER) -> list[Path]:
    """Add or refresh the schema comment in every YAML file under `seeds`; returns the files changed."""
    changed = []
    for kind in FILE_KINDS:
        folder = seeds / kind.folder
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else ():
            if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
                continue
            text = path.read_text(encoding="utf-8")
            updated = with_schema_comment(text, schema_comment(path.resolve(), kind, schemas.resolve()))
            if updated != text:
                path.write_text(updated, encoding="utf-8", newline="")
                changed.append(path)
    return changed
