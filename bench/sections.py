"""Sections of BENCHMARKS.md that another tool writes, kept when `make bench` rewrites the rest of the file.

A section runs from `<!-- section: NAME -->` to `<!-- /section: NAME -->`. `make bench` writes the build
benchmark and carries every such section over from the old file; `make lighthouse` replaces its own.
"""

from __future__ import annotations

import re


def _pattern(name: str = r"[\w-]+") -> re.Pattern[str]:
    return re.compile(rf"<!-- section: ({name}) -->\n.*?<!-- /section: \1 -->\n", re.DOTALL)


def sections(text: str) -> dict[str, str]:
    """Every marked section of `text`, by name, markers included."""
    return {match[1]: match[0] for match in _pattern().finditer(text)}


def with_section(text: str, name: str, body: str) -> str:
    """`text` with the section `name` holding `body`: in place if it is there, else added at the end."""
    block = f"<!-- section: {name} -->\n{body.rstrip()}\n<!-- /section: {name} -->\n"
    pattern = _pattern(re.escape(name))
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    return text.rstrip("\n") + "\n\n" + block


def carry_over(old: str, new: str) -> str:
    """`new` with every section of `old` that `new` lacks, added at the end."""
    for name, block in sections(old).items():
        if name not in sections(new):
            new = new.rstrip("\n") + "\n\n" + block
    return new
