"""Problems found in the inputs, and the one exception type that carries them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the inputs, located as precisely as the input allows."""

    file: str
    """Path of the input file, relative to the project root."""
    line: int
    """1-based line; 1 when the problem concerns the whole file."""
    column: int
    """1-based column; 1 when the problem concerns the whole file."""
    key: str
    """Where in the file's data, such as `entities[2].aliases[0]`; empty for the file as a whole."""
    message: str
    severity: str = "error"
    """`error` stops the build; `warning` is reported and, with --strict, stops it too."""

    def __str__(self) -> str:
        key = f" {self.key}:" if self.key else ""
        return f"{self.file}:{self.line}:{self.column}:{key} {self.message}"


class GeneratorError(Exception):
    """Base class: anything the command line reports as a message rather than a traceback."""


class InputError(GeneratorError):
    """The inputs have problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(GeneratorError):
    """The output folder cannot be written as asked (for example, a hand-written page is in the way)."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix when a near name exists, else an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def relative(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the project root, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
