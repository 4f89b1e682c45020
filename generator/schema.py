"""How a record's fields are declared, and the rules derived from those declarations.

Every record an editor writes (a source, an entity, a claim...) is declared
once, as a dataclass in `model.py` whose fields are made with the
constructors below. Each constructor records the field's YAML type, help,
example and whether it is required; `record_of` reads them back as a
`Record`, from which the validator checks files, the JSON Schemas for
editors are generated and the "How to edit" page is written. Adding a field
to a model class is therefore the only change needed for it to be read,
checked, documented and offered by editor completion.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

ValueType = Literal["text", "markdown", "slug", "url", "date", "period", "bool", "int", "number", "choice", "ref",
                    "list", "record"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
"""A date as precise as a source gives it: YYYY-MM-DD, YYYY-MM or YYYY."""
NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
SLUG_RULE = 'use lowercase letters, digits and single hyphens, like "mosul-2014"'
"""How an id must be written, in the words every message about ids uses."""
SPEC = "spec"
"""The key of a dataclass field's metadata that holds its `Field`."""


@dataclass(frozen=True)
class TypeWords:
    """How a value type is named to editors."""

    noun: str
    """In messages: "expected a date, got ..."."""
    name: str
    """In the "How to edit" page's type column."""
    rule: str
    """Added to a field's help in editor tooltips: what a valid value looks like."""


TYPE_WORDS: dict[ValueType, TypeWords] = {
    "text": TypeWords("text", "text", ""),
    "markdown": TypeWords("text", "Markdown", "Markdown is allowed (no HTML)."),
    "slug": TypeWords("an id", "id", "Lowercase letters, digits and single hyphens, like mosul-2014."),
    "ref": TypeWords("an id", "{ref} id", "The id of an existing {ref}."),
    "url": TypeWords("a web address", "web address", "A web address starting with http:// or https://."),
    "date": TypeWords("a date", "date YYYY-MM-DD", "Written YYYY-MM-DD."),
    "period": TypeWords("a date", "date YYYY-MM-DD, YYYY-MM or YYYY", "Written YYYY-MM-DD, YYYY-MM or YYYY."),
    "bool": TypeWords("true or false", "true or false", ""),
    "int": TypeWords("a whole number", "whole number", ""),
    "number": TypeWords("a number", "number", "Digits only, with a decimal point if needed."),
    "choice": TypeWords("text", "one of {choices}", "One of: {choices}."),
    "list": TypeWords("a list", "list of {item}", ""),
    "record": TypeWords("a mapping", "{record}", ""),
}


@dataclass(frozen=True)
class Field:
    """One key of a record, as an editor writes it."""

    name: str
    type: ValueType
    help: str
    """One sentence for the "How to edit" page and editor tooltips."""
    required: bool = False
    example: object = None
    """A value shown in documentation and scaffolded files."""
    choices: tuple[str, ...] = ()
    """Allowed values for `choice` fields."""
    ref: str = ""
    """Record kind an id must exist in, for `ref` fields (and lists of refs)."""
    item: Field | None = None
    """Type of each element, for `list` fields."""
    record_type: builtins.type | None = None
    """The model class of a nested record, for `record` fields."""
    shorthand: str = ""
    """For records: a plain string may stand for the record, filling this key."""
    min_items: int = 0

    @property
    def record(self) -> Record | None:
        return record_of(self.record_type) if self.record_type is not None else None


@dataclass(frozen=True)
class Record:
    """A mapping with known keys (a topic, an entity, a fact...), derived from its model class."""

    name: str
    help: str
    fields: tuple[Field, ...]
    type: type

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


@dataclass(frozen=True)
class FileKind:
    """A kind of file in `seeds/`: where it lives and what it holds."""

    name: str
    folder: str
    """Folder under `seeds/` holding files of this kind."""
    help: str
    record_type: type
    list_key: str = ""
    """If set, the file is a mapping with this one key holding a list of records; else the file is one record
    whose id is its file name."""

    @property
    def record(self) -> Record:
        return record_of(self.record_type)


@functools.cache
def record_of(cls: type) -> Record:
    """The editor-facing fields of a model class, in the order they are declared."""
    fields = tuple(dataclasses.replace(f.metadata[SPEC], name=f.name)
                   for f in dataclasses.fields(cls) if SPEC in f.metadata)
    return Record(_snake(cls.__name__), _doc_help(cls), fields, cls)


def _doc_help(cls: type) -> str:
    """A class's docstring up to its first blank line: the record's help for editors."""
    return " ".join((cls.__doc__ or "").split("\n\n")[0].split())


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def file_id(name: str) -> str:
    """The id a file gives its record: its name without the folder and the suffix (as `PurePosixPath.stem`)."""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    return base[:dot] if 0 < dot < len(base) - 1 else base


def describe(spec: Field) -> str:
    """The field's help, followed by what its value must look like."""
    rule = TYPE_WORDS[spec.type].rule.format(ref=spec.ref, choices=", ".join(spec.choices))
    if spec.type == "record" and spec.shorthand:
        rule = f"A plain string stands for its {spec.shorthand}."
    if any(word in spec.help for word in ("Markdown", "YYYY", "http", "hyphens")):
        rule = ""
    return f"{spec.help} {rule}".strip()


# The constructors a model class declares its editor-facing fields with. A required field has no default; an optional
# one defaults to its type's empty value, which is also what an empty YAML value gives.

def _declare(type: ValueType, help: str, required: bool, example: object, default: object = "",
             **spec: Any) -> Any:
    declared = Field("", type, help, required=required, example=example, **spec)
    if required:
        return dataclasses.field(metadata={SPEC: declared})
    return dataclasses.field(default=default, metadata={SPEC: declared})


def text(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("text", help, required, example)


def markdown(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("markdown", help, required, example)


def slug(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("slug", help, required, example)


def ref(kind: str, help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("ref", help, required, example, ref=kind)


def url(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("url", help, required, example)


def date(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("date", help, required, example, default=None)


def period(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("period", help, required, example)


def number(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("number", help, required, example, default=None)


def flag(help: str, *, example: object = None) -> Any:
    return _declare("bool", help, False, example, default=False)


def integer(help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("int", help, required, example, default=0)


def choice(choices: tuple[str, ...], help: str, *, required: bool = False, example: object = None) -> Any:
    return _declare("choice", help, required, example, choices=choices)


def texts(help: str, item: str, item_help: str, *, example: object = None) -> Any:
    return _declare("list", help, False, example, default=(), item=Field(item, "text", item_help))


def refs(kind: str, help: str, *, required: bool = False, example: object = None) -> Any:
    item = Field(kind, "ref", f"A {kind} id.", ref=kind)
    return _declare("list", help, required, example, default=(), item=item, min_items=1 if required else 0)


def records(record_type: type, help: str, *, required: bool = False, min_items: int = 0, shorthand: str = "",
            example: object = None) -> Any:
    item = Field(_snake(record_type.__name__), "record", _doc_help(record_type), record_type=record_type,
                 shorthand=shorthand)
    return _declare("list", help, required, example, default=(), item=item, min_items=min_items)


def sources(*, required: bool = True) -> Any:
    """The `sources` list every statement carries."""
    return refs("source", "Ids of the sources that back this statement (see the sources files).", required=required,
                example=["ap-2021-07-26-biden-kadhimi"])
