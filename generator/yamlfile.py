"""Reading one YAML file into a tree that remembers where every value stands.

PyYAML's node graph carries line and column marks; the usual `safe_load`
throws them away and silently accepts duplicate keys and alias bombs. Here
the file is only composed (never constructed), so every value keeps its
mark and its resolved YAML tag, and the validator can say exactly where a
problem is and why (a bare `no` is a boolean in YAML, not the text "no").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class _Loader(yaml.SafeLoader):
    """A composer that refuses anchors and aliases, which also defuses alias bombs."""

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
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except YAMLFileError:
        raise
    except yaml.MarkedYAMLError as error:
        raise _located(error) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks all syntax errors
        raise YAMLFileError(1, 1, str(error)) from None
    finally:
        loader.dispose()
    return None if root is None else _convert(root)


def _located(error: yaml.MarkedYAMLError) -> YAMLFileError:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    if "'\\t'" in problem:
        problem = "a tab character is not allowed here: indent with spaces"
    elif error.context:
        problem = f"{error.context}, {problem}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return YAMLFileError(line, column, f"YAML syntax: {problem}")


def _convert(node: Node) -> YNode:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, ScalarNode):
        return YNode("scalar", node.value, TAG_NAMES.get(node.tag, node.tag), line, column)
    if isinstance(node, SequenceNode):
        return YNode("seq", [_convert(child) for child in node.value], "list", line, column)
    assert isinstance(node, MappingNode)
    items: dict[str, YNode] = {}
    positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if not isinstance(key_node, ScalarNode):
            raise YAMLFileError(key_line, key_column, "a key must be a plain word")
        key = key_node.value
        if key in positions:
            first = positions[key][0]
            raise YAMLFileError(key_line, key_column, f'duplicate key "{key}" (first written on line {first})')
        positions[key] = (key_line, key_column)
        items[key] = _convert(value_node)
    return YNode("map", items, "mapping", line, column, positions)


def load_problem(file: str, error: YAMLFileError) -> Problem:
    return Problem(file, error.line, error.column, "", error.message)
