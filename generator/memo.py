"""Reusing what the last run made from the very same inputs.

The editor's loop (`session.py`) keeps a `Memo` between runs and hands the
stages the very same YAML tree or text object for every file whose bytes have
not changed. A stage asks the memo instead of redoing its work: an entry is
reused only when its inputs are those same objects, so nothing is compared
by value and nothing stale can be returned.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Values made by earlier runs, each under a key with the inputs it was made from.

    Records rebuilt from reused inputs are the same objects as last time, which later stages compare
    in no time.
    """

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple[object, ...], Any]] = {}
        self._used: set[Hashable] = set()

    def get(self, key: Hashable, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        """The value made from `inputs` last time under `key`, or a new one from `make`."""
        self._used.add(key)
        entry = self._entries.get(key)
        if entry is not None and len(entry[0]) == len(inputs) and all(map(operator.is_, entry[0], inputs)):
            value: T = entry[1]
            return value
        value = make()
        self._entries[key] = (inputs, value)
        return value

    def forget_unused(self) -> None:
        """Drop the entries no run has asked for since the last call (files deleted or renamed)."""
        self._entries = {key: entry for key, entry in self._entries.items() if key in self._used}
        self._used = set()
