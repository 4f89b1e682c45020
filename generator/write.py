"""Writing generated pages into `docs/`, touching only what changed.

MkDocs' dev server watches `docs/`: rewriting an unchanged file would make
it rebuild forever, so a page is written only when its bytes differ. The
writer owns exactly the files listed in its manifest; a hand-written file
in the way of a generated page is an error, and pages whose source is gone
are removed. Each file is replaced atomically, so readers never see half a
page.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError

MANIFEST = ".generated.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_manifest(out_dir: Path) -> set[str]:
    try:
        return set(json.loads((out_dir / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def write_pages(pages: Mapping[str, str | bytes], out_dir: Path, every: Collection[str] | None = None) -> WriteReport:
    """Make `out_dir` hold `pages` (path -> text, or bytes for images), writing and removing as little as possible.

    With `every`, `pages` are only the pages that may have changed, and `every` lists all the pages the
    site now has: the others are left alone, and those of the last run that are not listed are removed.
    """
    every = pages.keys() if every is None else every
    owned = read_manifest(out_dir)
    in_the_way = sorted(p for p in pages if p not in owned and (out_dir / p).exists())
    if in_the_way:
        raise OutputError(f"{out_dir / in_the_way[0]}: a file that the generator did not write is where it must "
                          "write a page; move or rename the hand-written file")
    report = WriteReport()
    for path, text in sorted(pages.items()):
        target = out_dir / path
        data = text.encode("utf-8") if isinstance(text, str) else text
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(path)
            continue
        atomic_write(target, data)
        report.written.append(path)
    for path in sorted(owned - set(every)):
        target = out_dir / path
        if target.is_file():
            target.unlink()
            report.removed.append(path)
            _remove_empty_parents(target.parent, out_dir)
    manifest = json.dumps(sorted(every), indent=1).encode("utf-8") + b"\n"
    if not (out_dir / MANIFEST).is_file() or (out_dir / MANIFEST).read_bytes() != manifest:
        atomic_write(out_dir / MANIFEST, manifest)
    return report


def atomic_write(target: Path, data: bytes) -> None:
    """Replace `target` with `data` in one step: a crash leaves the old file or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the target, so the rename stays on one file system; a dot file, so a crash never leaves a page MkDocs
    # would publish.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
