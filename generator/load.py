"""Finding and reading the input files in `seeds/`.

Reading is kept apart from checking: this stage only turns files into
located YAML trees and raw article text, and reports files it cannot read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .article import FORMATS as ARTICLE_SUFFIXES
from .errors import Problem, relative
from .lock import LOCK_NAME, Lock, read_lock
from .model import FILE_KINDS
from .schema import FileKind
from .yamlfile import YAMLFileError, YNode, load_problem, parse_yaml

YAML_SUFFIXES = (".yml", ".yaml")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
MIME_CHARSET = re.compile(rb"""^Content-Type:[ \t]*text/html;[^\n]*?charset\s*=\s*["']?([A-Za-z0-9_-]+)""",
                          re.IGNORECASE | re.MULTILINE)
FALLBACK_ENCODING = "cp1252"
"""Windows-1252: what an article that is not UTF-8 and declares nothing is read in (see `decode`)."""
DECLARED = {".html": CHARSET, ".htm": CHARSET, ".xml": XML_ENCODING, ".mhtml": MIME_CHARSET, ".mht": MIME_CHARSET}
"""Formats that say which encoding they are in, and where."""
IGNORED_NAMES = {"README.md", ".gitkeep", LOCK_NAME}


@dataclass(frozen=True)
class SeedFile:
    path: Path
    name: str
    """The path as shown in messages, relative to the project root."""
    kind: FileKind


@dataclass
class Loaded:
    """Every input, read but not yet checked."""

    documents: list[tuple[SeedFile, YNode]] = field(default_factory=list)
    texts: dict[str, tuple[SeedFile, str]] = field(default_factory=dict)
    """Raw article text by article id (the file name without `.txt`, `.html`, `.mhtml`, `.md`, `.json` or `.xml`)."""
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    """Kinds of which a file could not be read, so their ids are not all known."""
    duplicated: set[str] = field(default_factory=set)
    """Articles with two texts (`x.txt` and `x.html`): the first is read, and its sidecar's quotes are not checked."""
    lock: Lock | None = None
    """The published values `python -m generator lock` recorded (`lock.py`), if it has been run."""

    def add(self, read: SeedRead) -> None:
        """Add one file's reading."""
        self.problems.extend(read.problems)
        if read.unreadable:
            self.unreadable.add(read.seed.kind.name)
        if read.text is not None:
            self._add_text(read.seed, read.text)
        elif read.document is not None:
            self.documents.append((read.seed, read.document))

    def _add_text(self, seed: SeedFile, text: str) -> None:
        """An article's text; a second text with the same name (`x.txt` beside `x.html`) is a problem."""
        first = self.texts.get(seed.path.stem)
        if first is not None:
            self.problems.append(Problem(seed.name, 1, 1, "", f'article "{seed.path.stem}" already has its text in '
                                         f"{first[0].name}: keep one of the two files"))
            self.duplicated.add(seed.path.stem)
            return
        self.texts[seed.path.stem] = (seed, text)


@dataclass(frozen=True)
class SeedRead:
    """What reading one input file gave: its YAML tree or article text, or the problems that stopped it."""

    seed: SeedFile
    document: YNode | None = None
    text: str | None = None
    problems: tuple[Problem, ...] = ()
    unreadable: bool = False
    """True when the file could not be read or parsed, so the ids it defines are unknown."""


def load_seeds(seeds: Path, root: Path, read: Callable[[SeedFile], SeedRead] | None = None) -> Loaded:
    """Read every input under `seeds`; unreadable files become problems, not exceptions.

    `read` reads one file (default `read_seed`); the editor's loop passes one that reuses the last
    reading of a file whose bytes have not changed.
    """
    loaded = Loaded()
    if not seeds.is_dir():
        loaded.problems.append(Problem(relative(seeds, root), 0, 0, "", "the seeds folder does not exist"))
        return loaded
    loaded.lock, problems = read_lock(seeds / LOCK_NAME, _name(seeds / LOCK_NAME, root))
    loaded.problems += problems
    known = {kind.folder for kind in FILE_KINDS}
    for path in sorted(seeds.iterdir()):
        if path.name not in known and not path.name.startswith(".") and path.name not in IGNORED_NAMES:
            folders = ", ".join(sorted(known))
            loaded.problems.append(Problem(_name(path, root), 0, 0, "",
                                           f"unexpected entry: inputs go in one of the folders {folders}"))
    for kind in FILE_KINDS:
        folder = seeds / kind.folder
        if folder.is_dir():
            shown = _name(folder, root)
            for name in sorted(os.listdir(folder)):
                if not name.startswith(".") and name not in IGNORED_NAMES:
                    loaded.add((read or read_seed)(SeedFile(folder / name, f"{shown}/{name}", kind)))
    return loaded


def read_seed(seed: SeedFile) -> SeedRead:
    """Read and parse one input file; what is wrong with it becomes problems."""
    path, name, kind = seed.path, seed.name, seed.kind
    is_text = kind.name == "article" and path.suffix.lower() in ARTICLE_SUFFIXES
    if path.suffix not in YAML_SUFFIXES and not is_text:
        first, *others = ARTICLE_SUFFIXES
        expected = (f"an article ({first}, {', '.join(others[:-1])} or {others[-1]}) or its .yml sidecar"
                    if kind.name == "article" else "a .yml file")
        return SeedRead(seed, problems=(Problem(name, 0, 0, "", f"unexpected file: {kind.folder}/ holds {expected}"),))
    seeds = path.parent.parent
    if not path.resolve().is_relative_to(seeds.resolve()):
        return SeedRead(seed, problems=(Problem(name, 0, 0, "", "is a link to a file outside seeds/, which is not "
                                                "allowed: copy the file into seeds/ instead"),))
    text, problem = decode(path, name, article=is_text)
    if text is None:
        return SeedRead(seed, problems=(problem,) if problem else (), unreadable=True)
    if is_text:
        return SeedRead(seed, text=text, problems=(problem,) if problem else ())
    try:
        document = parse_yaml(text)
    except YAMLFileError as error:
        return SeedRead(seed, problems=(load_problem(name, error),), unreadable=True)
    if document is None:
        return SeedRead(seed, problems=(Problem(name, 1, 1, "", "the file is empty"),))
    return SeedRead(seed, document=document)


def decode(path: Path, name: str, article: bool = False) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem that stops it being read; an article in Windows-1252 is read with a warning.

    Wire copy saved on Windows often comes in Windows-1252 (its curly quotes are bytes 0x91-0x94, which UTF-8
    never starts a character with). An article is read in it when UTF-8 fails and nothing declares another
    encoding, and the warning points at the first such byte so the editor can check the page there. YAML stays
    UTF-8 only: editors write it, and their editor saves it so.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(name, 0, 0, "", f"cannot be read: {error.strerror}")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        declaration = DECLARED.get(path.suffix.lower())
        declared = _declared_charset(data, declaration) if declaration else None
        if declared:
            return declared, None
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data[: error.start].count(b"\n") + 1
        column = len(data[line_start: error.start].decode("utf-8", errors="replace")) + 1
        byte = data[error.start: error.start + 1].hex().upper()
        if article:
            try:
                text = data.decode(FALLBACK_ENCODING)
            except UnicodeDecodeError:
                pass
            else:
                return text, Problem(name, line, column, "", f"not UTF-8 text (byte 0x{byte} here), so it was read "
                                     f"as Windows-1252: check its quotes and accented letters on the page, and "
                                     f"save the file with UTF-8 encoding to silence this", severity="warning")
        return None, Problem(name, line, column, "", f"not UTF-8 text (byte 0x{byte} here): "
                             "save the file with UTF-8 encoding")


def _declared_charset(data: bytes, declaration: re.Pattern[bytes]) -> str | None:
    """A saved web page in the encoding its `<meta charset>` declares (browsers save the bytes they received), or
    an agency's XML in the one its `<?xml … encoding=…?>` declares, or a page saved as a single file in the one
    its HTML part's header declares."""
    match = declaration.search(data[:4096])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _name(path: Path, root: Path) -> str:
    """The path as shown in messages, without following a link (which may lead out of the project)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return relative(path, root)
