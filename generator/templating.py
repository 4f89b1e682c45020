"""The Jinja2 templates the pages are rendered from: loading them, what each includes, and their mistakes.

A mistake in a template becomes a problem located in it (`templates/x.md.j2:12:1: message`), like a
mistake in the inputs, so neither `make check`'s readers nor the preview ever see a traceback. The
editor's loop asks which templates a page's template includes, so an edited include renders again
the pages that use it, and tells the templates to forget what they compiled when one is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from .errors import InputError, Problem


class Templates:
    """The templates in one folder, with the filters and globals every page may use."""

    def __init__(self, folder: Path, filters: dict[str, Callable[..., Any]], globals: dict[str, Any]) -> None:
        self.folder = folder
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder), undefined=jinja2.StrictUndefined,
            autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters.update(filters)
        self.env.globals.update(globals)
        self._included: dict[str, set[str]] = {}

    def render(self, name: str, **context: Any) -> str:
        with self.located(name):
            return self.env.get_template(name).render(**context)

    def get(self, name: str) -> jinja2.Template:
        with self.located(name):
            return self.env.get_template(name)

    def changed(self) -> None:
        """Forget what was compiled: the next page reads the templates again."""
        self.env.cache.clear()  # type: ignore[union-attr]
        self._included.clear()

    def used_by(self, name: str) -> set[str]:
        """The template and every template it includes, however deep."""
        if name not in self._included:
            self._included[name] = {name}
            with self.located(name):
                source = self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
                referenced = list(meta.find_referenced_templates(self.env.parse(source)))
            for included in referenced:
                if included:
                    self._included[name] |= self.used_by(included)
        return self._included[name]

    @contextmanager
    def located(self, name: str) -> Iterator[None]:
        """Turns a mistake in template `name` (or one it includes) into an `InputError` located in it."""
        try:
            yield
        except jinja2.TemplateError as error:
            missing = isinstance(error, jinja2.TemplateNotFound)
            where = name if missing else getattr(error, "name", None) or name
            line = getattr(error, "lineno", None) or _line(error, self.folder / where)
            message = (f'no template "{getattr(error, "name", "")}" in {self.folder.name}/' if missing
                       else error.message or type(error).__name__)
            raise InputError([Problem(f"{self.folder.name}/{where}", line or 1, 1, "", message)]) from error


def _line(error: BaseException, path: Path) -> int:
    """The template line a runtime error happened on: Jinja puts template frames in the traceback."""
    line = 0
    frame = error.__traceback__
    while frame is not None:
        if Path(frame.tb_frame.f_code.co_filename) == path:
            line = frame.tb_lineno
        frame = frame.tb_next
    return line
