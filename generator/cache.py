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
import stat
import time
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


class Digests:
    """The digest of each file under some folders, read again only when its size or times changed.

    A file's bytes are hashed when it is new, when its size, modification time or inode changed, and
    whenever it was modified less than `RECENT` seconds before it was last hashed: a save within the
    file system's clock tick of that reading could keep its time and size, so a recent file is never
    trusted on its times alone.
    """

    RECENT = 2.0

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int, int], str, bool]] = {}

    def of(self, root: Path, folders: Iterable[Path]) -> dict[str, str | None]:
        """Path relative to `root` -> digest of every file under `folders`; None for a file that cannot be read."""
        trusted_before = time.time_ns() - int(self.RECENT * 1e9)
        last, self._known = self._known, {}
        digests: dict[str, str | None] = {}
        for folder in folders:
            self._walk(folder, folder.relative_to(root).as_posix(), last, trusted_before, digests)
        return digests

    def _walk(self, folder: Path, shown: str, last: dict[str, tuple[tuple[int, int, int], str, bool]],
              trusted_before: int, digests: dict[str, str | None]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            name = f"{shown}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    self._walk(Path(entry.path), name, last, trusted_before, digests)
            else:
                digests[name] = self._digest(Path(entry.path), name, last.get(name), trusted_before)

    def _digest(self, path: Path, name: str, last: tuple[tuple[int, int, int], str, bool] | None,
                trusted_before: int) -> str | None:
        try:
            status = path.lstat()
            signature = (status.st_mtime_ns, status.st_size, status.st_ino)
            # A link is hashed every time: what it points at can change while the link stays the same.
            if last is not None and last[0] == signature and last[2] and not stat.S_ISLNK(status.st_mode):
                digest = last[1]
            else:
                digest = _file_digest(path)
        except OSError:
            return None
        self._known[name] = (signature, digest, status.st_mtime_ns < trusted_before)
        return digest


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
