"""Reading one YAML file into a tree that remembers where every value stands.

PyYAML's node graph carries line and column marks; the usual `safe_load`
throws them away and silently accepts duplicate keys and alias bombs. Here
the file is only composed (never constructed), so every value keeps its
mark and its resolved YAML tag, and the validator can say exactly where a
problem is and why (a bare `no` is a boolean in YAML, not the text "no").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import yaml
from yaml.error import Mark
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.tokens import ScalarToken

from .errors import Problem

TAG_NAMES = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "integer",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:null": "empty value",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:binary": "binary",
}


@dataclass
class YNode:
    """A value from a YAML file with its position (1-based line and column)."""

    kind: Literal["scalar", "map", "seq"]
    value: str | dict[str, YNode] | list[YNode]
    tag: str
    """For scalars: what YAML reads the text as (`text`, `boolean`, `integer`, `date`...)."""
    line: int
    column: int
    key_positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """For mappings: where each key is written."""

    @property
    def items(self) -> dict[str, YNode]:
        assert isinstance(self.value, dict)
        return self.value

    @property
    def elements(self) -> list[YNode]:
        assert isinstance(self.value, list)
        return self.value

    @property
    def text(self) -> str:
        assert isinstance(self.value, str)
        return self.value


class YAMLFileError(Exception):
    """The file is not YAML this project accepts; carries one located problem."""

    def __init__(self, line: int, column: int, message: str, key: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.key = line, column, message, key


NOT_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
"""Characters YAML does not allow in a file: control characters, mostly."""


class _Loader(yaml.SafeLoader):
    """A composer that refuses anchors and aliases, which also defuses alias bombs."""

    def __init__(self, stream: str) -> None:
        bad = NOT_YAML.search(stream)
        if bad:
            line_start = stream.rfind("\n", 0, bad.start()) + 1
            raise YAMLFileError(stream.count("\n", 0, bad.start()) + 1, bad.start() - line_start + 1,
                                f"the control character U+{ord(bad.group()):04X} is not allowed in YAML: delete it")
        super().__init__(stream)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            mark = event.start_mark
            raise YAMLFileError(mark.line + 1, mark.column + 1,
                                f'alias "*{event.anchor}" is not allowed: write the value out in full')
        return super().compose_node(parent, index)


def parse_yaml(text: str) -> YNode | None:
    """Compose `text` into a `YNode` tree, or None for an empty document.

    Raises `YAMLFileError` with the position of the first syntax problem.
    """
    if _FastLoader is not None:
        try:
            return _parse_fast(text)
        except (yaml.YAMLError, YAMLFileError, _SharedNode):
            pass  # the checking composer below says what is wrong, and where, in its own words
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except YAMLFileError:
        raise
    except yaml.MarkedYAMLError as error:
        raise syntax_error(error, text) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks all syntax errors
        raise YAMLFileError(1, 1, f"YAML syntax: {error}") from None
    finally:
        loader.dispose()
    return None if root is None else _convert(root, "")


_FastLoader = getattr(yaml, "CSafeLoader", None)
"""libyaml's composer: several times faster, and used whenever it reads a file without trouble or aliases."""


class _SharedNode(Exception):
    """A node reached twice: the file uses an alias, which only the checking composer reports."""


def _parse_fast(text: str) -> YNode | None:
    assert _FastLoader is not None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    return None if root is None else _convert(root, "", set())


TOKENS = {"'<scalar>'": "text", "'<block mapping start>'": "key", "'?'": "key", "'<block sequence start>'": "list",
          "'<stream end>'": "the end of the file", "'<block end>'": "the end of a block"}

REWRITES = {
    "'\\t'": "a tab character is not allowed here: indent with spaces",
    "mapping values are not allowed here":
        'a colon followed by a space cannot stand in unquoted text: put the whole value in "quotes"',
    "unknown escape character": 'unknown escape after a backslash in "double quotes": write \\\\ for a backslash, '
                                "or use 'single quotes'",
    "cannot start any token": 'this character cannot start a value: put the value in "quotes"',
    "found another document": 'a file holds one document: remove the "---" line',
}
"""Problems PyYAML describes in its own terms, as an editor would put them."""


def syntax_error(error: yaml.MarkedYAMLError, text: str) -> YAMLFileError:
    """PyYAML's parser jargon turned into a message an editor can act on, at the place to fix."""
    context, problem = error.context or "", error.problem or "not valid YAML"
    where, opened = _position(error.problem_mark), _position(error.context_mark)
    quote = _runaway_quote(text, error.problem_mark)
    found = _token(problem.rpartition("but ")[2].removeprefix("got ").removeprefix("found "))
    rewrite = next((message for part, message in REWRITES.items() if part in problem), None)
    if rewrite:
        message = rewrite
    elif "scanning a quoted scalar" in context:
        where, message = opened, "the quoted text that starts here is never closed: add the closing quote"
    elif quote:
        where, message = quote, "the quoted text that starts here runs over several lines: is a closing quote missing?"
    elif "flow sequence" in context or "flow mapping" in context:
        bracket = "[]" if "sequence" in context else "{}"
        where, message = opened, (f'the "{bracket[0]}" opened here is not closed: expected "," or "{bracket[1]}" '
                                  f"at line {where[0]}, column {where[1]}, found {found}")
    elif problem == "could not find expected ':'":
        where, message = opened, 'this line is not "key: value" (is the colon missing?)'
    elif "expected <block end>" in problem or "expected '<document start>'" in problem:
        message = f"unexpected {found} here: check the indentation, and the quotes of this line and the lines above"
    else:
        message = f"{context}: {problem}" if context else problem
    return YAMLFileError(where[0], where[1], f"YAML syntax: {message}")


def _position(mark: Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _token(name: str) -> str:
    if name in TOKENS:
        return TOKENS[name]
    return f'"{name[1:-1]}"' if len(name) > 1 and name[0] == name[-1] == "'" else name


def _runaway_quote(text: str, until: Mark | None) -> tuple[int, int] | None:
    """Where the last quoted value before `until` starts, if it spans lines (usually a missing closing quote)."""
    last: ScalarToken | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if until is not None and token.start_mark.index >= until.index:
                break
            if isinstance(token, ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.start_mark.line == last.end_mark.line:
        return None
    return _position(last.start_mark)


YAML12_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
                           r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
"""Plain values that YAML 1.2 reads as numbers although PyYAML (YAML 1.1) reads some of them, like `1e3`, as text."""


def _scalar_tag(node: ScalarNode) -> str:
    tag = TAG_NAMES.get(node.tag, node.tag)
    if tag == "text" and not node.style and YAML12_NUMBER.fullmatch(node.value):  # plain: None, or "" from libyaml
        return "number"
    return tag


def _convert(node: Node, path: str, seen: set[int] | None = None) -> YNode:
    if seen is not None:
        if id(node) in seen:
            raise _SharedNode
        seen.add(id(node))
    line, column = _position(node.start_mark)
    if isinstance(node, ScalarNode):
        return YNode("scalar", node.value, _scalar_tag(node), line, column)
    if isinstance(node, SequenceNode):
        children = [_convert(child, f"{path}[{i}]", seen) for i, child in enumerate(node.value)]
        return YNode("seq", children, "list", line, column)
    assert isinstance(node, MappingNode)
    items: dict[str, YNode] = {}
    positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        key_line, key_column = _position(key_node.start_mark)
        if not isinstance(key_node, ScalarNode):
            raise YAMLFileError(key_line, key_column, "a key must be a plain word", path)
        key = key_node.value
        key_path = f"{path}.{key}" if path else key
        if key in positions:
            first = positions[key]
            raise YAMLFileError(key_line, key_column, f'duplicate key "{key}" (first written at line {first[0]}, '
                                f"column {first[1]}): keep one of the two", key_path)
        positions[key] = (key_line, key_column)
        items[key] = _convert(value_node, key_path, seen)
    return YNode("map", items, "mapping", line, column, positions)


def load_problem(file: str, error: YAMLFileError) -> Problem:
    return Problem(file, error.line, error.column, error.key, error.message)
