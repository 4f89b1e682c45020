"""Checking each file against its schema, one located problem per mistake.

The checker walks a file's YAML tree beside its `schema.Record`, converts
values to Python (dates, booleans, model records) and notes every problem
with its line, column and key path. References to other files are only
collected here; `crossref.py` checks them once every file is read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem, did_you_mean
from .schema import ISO_DATE, NUMBER, PERIOD, SLUG, SLUG_RULE, TYPE_WORDS, Field, FileKind, Record, file_id
from .yamlfile import YNode

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
"""Control characters other than tab and newline."""
URL_UNSAFE = set('<>"`\\{}|^')
RAW_HTML = re.compile(r"<(?!https?://)[/!?]?[A-Za-z][^<>]*>|<!--")
"""An HTML tag or comment in editor Markdown; `<https://...>` autolinks are Markdown and allowed."""
MARKDOWN_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")

@dataclass(frozen=True)
class Reference:
    """An id one file uses to point at a record of another kind."""

    kind: str
    id: str
    key: str
    line: int
    column: int


@dataclass
class CheckedFile:
    """One file's values after the shape check, with where each value was written."""

    name: str
    kind: FileKind
    records: list[tuple[str, Any]] = field(default_factory=list)
    """(key path, value) of each top-level record: a model object, or, for a file that is one record (a topic, an
    article's sidecar), the mapping of its values, which `assemble` completes with what the file name and the
    article's text give."""
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    unchecked_ids: list[str] = field(default_factory=list)
    """Ids of records that have problems: references to them are not reported as unknown as well."""

    def at(self, key: str) -> tuple[int, int]:
        """Position of the value at `key`, or of its nearest written parent."""
        while key not in self.positions and key:
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", key)
            key = parent if parent != key else ""  # a top-level key's parent is the file itself
        return self.positions.get(key, (1, 1))

    def defined_ids(self) -> list[tuple[str, str]]:
        """(id, key path of the id) of each record this file defines: a one-record file's id is its name."""
        if not self.kind.list_key:
            return [(file_id(self.name), "")] if self.records else []
        return [(value.id, f"{key}.id") for key, value in self.records if getattr(value, "id", "")]


class Checker:
    """Checks one file's tree against its kind; collects problems instead of raising."""

    def __init__(self, name: str, kind: FileKind, problems: list[Problem]) -> None:
        self.result = CheckedFile(name, kind)
        self.problems = problems

    def problem(self, where: YNode | tuple[int, int], key: str, message: str) -> None:
        line, column = (where.line, where.column) if isinstance(where, YNode) else where
        self.problems.append(Problem(self.result.name, line, column, key, message))

    def check_file(self, root: YNode) -> CheckedFile:
        kind = self.result.kind
        self.result.positions[""] = (root.line, root.column)
        if not kind.list_key:
            value = self.record(root, kind.record, "", build=False)
            if value is not None:
                self.result.records.append(("", value))
            return self.result
        if not self.list_file_shape(root, kind.list_key):
            return self.result
        items = root.items[kind.list_key]
        if items.kind != "seq":
            self.problem(items, kind.list_key, "expected a list of entries, each starting with '- '")
            return self.result
        for index, element in enumerate(items.elements):
            key = f"{kind.list_key}[{index}]"
            self.result.positions[key] = (element.line, element.column)
            value = self.record(element, kind.record, key)
            if value is not None:
                self.result.records.append((key, value))
            elif element.kind == "map" and "id" in element.items and element.items["id"].kind == "scalar":
                self.result.unchecked_ids.append(element.items["id"].text)
        return self.result

    def list_file_shape(self, root: YNode, list_key: str) -> bool:
        """Whether the file is `list_key:` holding the list; says what is wrong if not."""
        if root.kind != "map":
            self.problem(root, "", f'expected "{list_key}:" followed by the list, got {describe(root)}: start the '
                                   f'file with the line "{list_key}:"')
            return False
        for name in root.items:
            if name != list_key:
                self.problem(root.key_positions[name], name,
                             f'unknown key "{name}"{did_you_mean(name, [list_key])}: this file holds only '
                             f'"{list_key}:"')
        if list_key not in root.items:
            self.problem(root, "", f'missing the key "{list_key}:" holding the list')
        return set(root.items) == {list_key}

    def record(self, node: YNode, record: Record, key: str, build: bool = True) -> Any:
        if node.kind != "map":
            self.problem(node, key, f"expected a mapping of keys for {a(record.name)}, got {describe(node)}")
            return None
        values: dict[str, Any] = {}
        ok = True
        for name, child in node.items.items():
            spec = record.field(name)
            child_key = f"{key}.{name}" if key else name
            if spec is None:
                hint = did_you_mean(name, [f.name for f in record.fields])
                self.problem(node.key_positions[name], child_key, f'unknown key "{name}"{hint}')
                ok = False
                continue
            if child.kind == "scalar" and child.tag == "empty value" and not spec.required:
                continue
            value = self.value(child, spec, child_key)
            if value is None:
                ok = False
            else:
                values[name] = value
        for spec in record.fields:
            if spec.required and spec.name not in node.items:
                choices = f" (one of: {', '.join(spec.choices)})" if spec.choices else ""
                self.problem(node, key, f'missing required key "{spec.name}"{choices}')
                ok = False
        if not ok:
            return None
        return record.type(**values) if build else values

    def value(self, node: YNode, spec: Field, key: str) -> Any:
        self.result.positions[key] = (node.line, node.column)
        if node.kind == "scalar" and node.tag == "empty value":
            self.problem(node, key, no_value(node))
            return None
        if spec.type == "list":
            return self.list(node, spec, key)
        if spec.type == "record":
            assert spec.record is not None
            if spec.shorthand and node.kind == "scalar":
                if self.text(node, spec, key) is None:
                    return None
                return self.record(YNode("map", {spec.shorthand: node}, "mapping", node.line, node.column,
                                         {spec.shorthand: (node.line, node.column)}), spec.record, key)
            return self.record(node, spec.record, key)
        if node.kind != "scalar":
            self.problem(node, key, f"expected {TYPE_WORDS[spec.type].noun}, got {describe(node)}")
            return None
        return SCALAR_CHECKS[spec.type](self, node, spec, key)

    def list(self, node: YNode, spec: Field, key: str) -> tuple[Any, ...] | None:
        if node.kind != "seq":
            self.problem(node, key, f"expected a list (entries starting with '- '), got {describe(node)}")
            return None
        assert spec.item is not None
        values = [self.value(element, spec.item, f"{key}[{i}]") for i, element in enumerate(node.elements)]
        if len(values) < spec.min_items:
            self.problem(node, key, f"needs at least {spec.min_items} entr{'y' if spec.min_items == 1 else 'ies'}")
            return None
        return None if any(v is None for v in values) else tuple(values)

    def text(self, node: YNode, spec: Field, key: str) -> str | None:
        if node.tag != "text":
            self.problem(node, key, f'expected text, got {node.tag} "{node.text}" (YAML reads it so): '
                                    f'put it in quotes, "{node.text}"')
            return None
        if not node.text.strip():
            self.problem(node, key, "must not be empty")
            return None
        if CONTROL.search(node.text):
            self.problem(node, key, "contains a control character")
            return None
        return node.text.strip()

    def slug(self, node: YNode, spec: Field, key: str) -> str | None:
        text = self.text(node, spec, key)
        if text is not None and not SLUG.match(text):
            self.problem(node, key, f'"{text}" is not a valid id: {SLUG_RULE}')
            return None
        return text

    def ref(self, node: YNode, spec: Field, key: str) -> str | None:
        text = self.slug(node, spec, key)
        if text is not None:
            self.result.references.append(Reference(spec.ref, text, key, node.line, node.column))
        return text

    def url(self, node: YNode, spec: Field, key: str) -> str | None:
        text = self.text(node, spec, key)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.problem(node, key, f'"{text}" is not a web address: it must start with http:// or https://')
            return None
        bad = next((c for c in text if c.isspace() or c in URL_UNSAFE), None)
        if bad is not None:
            self.problem(node, key, f"the web address contains {bad!r}, which must be percent-encoded "
                                    f"(as %{ord(bad):02X})")
            return None
        return text

    def markdown(self, node: YNode, spec: Field, key: str) -> str | None:
        text = self.text(node, spec, key)
        if text is None:
            return None
        tag = RAW_HTML.search(text)
        if tag:
            self.problem(node, key, f'HTML is not allowed in Markdown text (found "{tag.group()}"): write Markdown, '
                                    "or write &lt; for a literal <")
            return None
        for target in MARKDOWN_LINK.findall(text):
            scheme = urlsplit(target).scheme
            if scheme and scheme not in ("http", "https", "mailto"):
                self.problem(node, key, f'the link to "{target}" is not a web address: links must start with '
                                        "http:// or https://, or be relative")
                return None
        return text

    def date(self, node: YNode, spec: Field, key: str) -> dt.date | None:
        if node.tag not in ("date", "text") or not ISO_DATE.match(node.text):
            self.problem(node, key, f'expected a date written YYYY-MM-DD, got "{node.text}"')
            return None
        try:
            return dt.date.fromisoformat(node.text)
        except ValueError:
            self.problem(node, key, f'"{node.text}" is not a real date')
            return None

    def period(self, node: YNode, spec: Field, key: str) -> str | None:
        if node.tag not in ("date", "text", "integer") or not PERIOD.match(node.text):
            self.problem(node, key, f'expected a date written YYYY-MM-DD, YYYY-MM or YYYY, got "{node.text}"')
            return None
        try:
            dt.date.fromisoformat((node.text + "-01-01")[:10])  # YYYY and YYYY-MM read as their first day
        except ValueError:
            self.problem(node, key, f'"{node.text}" is not a real date')
            return None
        return node.text

    def number(self, node: YNode, spec: Field, key: str) -> float | None:
        if node.tag not in ("integer", "number") or not NUMBER.match(node.text):
            if NUMBER.match(node.text):
                hint = " (in quotes, so YAML reads it as text): remove the quotes"
            elif re.search(r"\d[,\s]\d", node.text):
                hint = ": write digits only, without commas or spaces"
            else:
                hint = ""
            self.problem(node, key, f'expected a number, got "{node.text}"{hint}')
            return None
        return int(node.text) if re.fullmatch(r"[-+]?\d+", node.text) else float(node.text)

    def boolean(self, node: YNode, spec: Field, key: str) -> bool | None:
        if node.tag != "boolean" or node.text not in ("true", "false"):
            self.problem(node, key, f'expected true or false, got "{node.text}"')
            return None
        return node.text == "true"

    def integer(self, node: YNode, spec: Field, key: str) -> int | None:
        if node.tag != "integer" or not re.fullmatch(r"[-+]?[0-9]+", node.text):
            self.problem(node, key, f'expected a whole number written with digits only, got "{node.text}"')
            return None
        return int(node.text)

    def choice(self, node: YNode, spec: Field, key: str) -> str | None:
        text = self.text(node, spec, key)
        if text is not None and text not in spec.choices:
            options = ", ".join(spec.choices)
            self.problem(node, key, f'"{text}" is not one of: {options}{did_you_mean(text, spec.choices)}')
            return None
        return text


SCALAR_CHECKS = {
    "text": Checker.text, "markdown": Checker.markdown, "slug": Checker.slug, "ref": Checker.ref,
    "url": Checker.url, "date": Checker.date, "bool": Checker.boolean, "int": Checker.integer,
    "choice": Checker.choice, "period": Checker.period, "number": Checker.number,
}


def describe(node: YNode) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    return f'{node.tag} "{node.text}"'


def no_value(node: YNode) -> str:
    if not node.text:
        return "has no value: write one after the colon"
    return f'has no value (YAML reads {node.text} as empty): put it in quotes, "{node.text}", if you mean the text'


def a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def check_file(name: str, kind: FileKind, root: YNode, problems: list[Problem]) -> CheckedFile:
    """Check one file's tree; problems are appended to `problems`."""
    return Checker(name, kind, problems).check_file(root)
