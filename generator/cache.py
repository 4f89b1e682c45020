"""Skipping a regeneration that could change nothing.

The pages depend only on the files under `seeds/` and `templates/` and on the
generator's own code. After a successful run, a fingerprint of all of them is
stored beside the writer's manifest, with a digest of every file written. The
next run skips everything when the fingerprint is the same and every written
file still holds the same bytes: an edited input, a deleted page or a page
edited by hand all force a full run. Contents are hashed rather than trusting
modification times, which a quick edit can leave unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .write import MANIFEST, atomic_write

CACHE = ".generated-cache.json"
VERSION = 1
GENERATOR = Path(__file__).resolve().parent
"""The generator's own code and data: a change to it may change every page."""


def fingerprint(folders: Iterable[Path], settings: str = "") -> str | None:
    """A digest of every file and folder name and every file's bytes under `folders`; None if one is unreadable.

    `settings` stands for what else the output depends on: the site's address and name, which the feeds and the
    share cards write out.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"\0settings {settings}\0".encode())
    try:
        for folder in folders:
            digest.update(f"\0root {folder.name}\0".encode())
            for path in _tree(folder):
                digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
                if path.is_file():
                    digest.update(_file_digest(path).encode())
    except OSError:
        return None
    return digest.hexdigest()


def _tree(folder: Path) -> Iterable[Path]:
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        yield Path(top)
        for name in sorted(files):
            yield Path(top, name)


def _file_digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "blake2b").hexdigest()


def _text_digest(data: bytes) -> str:
    return hashlib.blake2b(data).hexdigest()


def up_to_date(out_dir: Path, inputs: str | None) -> bool:
    """Whether the last successful run had these inputs and its files in `out_dir` are untouched since."""
    if inputs is None:
        return False
    try:
        stored = json.loads((out_dir / CACHE).read_text(encoding="utf-8"))
        if stored.get("version") != VERSION or stored.get("inputs") != inputs:
            return False
        outputs: dict[str, str] = stored["outputs"]
        return all(_file_digest(out_dir / path) == digest for path, digest in outputs.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def store(out_dir: Path, inputs: str | None, pages: Mapping[str, str | bytes]) -> None:
    """Record a successful run: the inputs it read and a digest of each file it left in `out_dir`."""
    if inputs is None:
        return
    outputs = {path: _text_digest(text.encode("utf-8") if isinstance(text, str) else text)
               for path, text in sorted(pages.items())}
    outputs[MANIFEST] = _file_digest(out_dir / MANIFEST)
    record = {"version": VERSION, "inputs": inputs, "outputs": outputs}
    atomic_write(out_dir / CACHE, json.dumps(record, indent=0, sort_keys=True).encode("utf-8") + b"\n")


def forget(out_dir: Path) -> None:
    """Drop the record, so the next run regenerates whatever it finds."""
    (out_dir / CACHE).unlink(missing_ok=True)
