"""The command line: `python -m generator build|check|show|new|schemas`.

This is one of the two places (with the MkDocs hook) where the project's
errors become exit codes and messages; a traceback is shown only with
`--debug`.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from . import editor_schema, scaffold
from .audit import audit
from .crossref import assemble
from .errors import GeneratorError, InputError, Problem, relative
from .explain import ArticleNotFound, explain
from .load import load_seeds
from .pipeline import Project, generate
from .report import FORMATS, count_records, format_problems, summary


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project.at(args.root)
    try:
        if args.command == "check":
            return run_check(project, args.format, args.strict)
        if args.command == "show":
            return run_show(project, args.article)
        if args.command == "new":
            return run_new(project, args.kind, args.id)
        if args.command == "schemas":
            return run_schemas(project, args.annotate)
        report = generate(project)
        assert report.written is not None
        written = report.written
        if report.cached:
            print(f"up to date: {len(written.unchanged)} pages, nothing changed since the last run")
        else:
            print(f"generated {len(report.pages)} pages: {len(written.written)} written, "
                  f"{len(written.unchanged)} unchanged, {len(written.removed)} removed")
        return 0
    except GeneratorError as error:
        if args.debug:
            raise
        return report_error(error)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current)")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="generate the Markdown pages into docs/")
    check = commands.add_parser("check", help="check every input without writing anything")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text for people, json for editor integrations, github for workflow annotations")
    check.add_argument("--strict", action="store_true", help="treat warnings (unused records) as errors")
    show = commands.add_parser("show", help="show what the parser took from an article's file, and how to correct it")
    show.add_argument("article", help="the article's id (its file name without .txt, .html or .md) or its path")
    new = commands.add_parser("new", help="write a starter file for a new record", epilog=NEW_EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("kind", choices=scaffold.CHOICES, help="what to add")
    new.add_argument("id", help="its id: lowercase letters, digits and single hyphens")
    schemas = commands.add_parser("schemas", help="write the editors' JSON Schemas into generator/schemas/")
    schemas.add_argument("--annotate", action="store_true",
                         help="also point every YAML file in seeds/ at its schema (first-line comment)")
    return parser


NEW_EXAMPLES = """examples:
  python -m generator new entity full-name         seeds/entities/full-name.yml
  python -m generator new source ap-2021-07-26-x   seeds/sources/ap-2021-07-26-x.yml
  python -m generator new topic short-name         seeds/topics/short-name.yml
  python -m generator new term acronym             seeds/glossary/acronym.yml
  python -m generator new article 2021-07-26-x     seeds/articles/2021-07-26-x.txt and .yml"""


def run_check(project: Project, format: str, strict: bool) -> int:
    """Check everything, print the problems and a one-line summary; 1 if any problem is an error."""
    loaded = load_seeds(project.seeds, project.root)
    try:
        site, checked = assemble(loaded, project.root)
        problems: list[Problem] = audit(site, checked, loaded)
    except InputError as error:
        problems = error.problems
    if strict:
        problems = [dataclasses.replace(p, severity="error") for p in problems]
    output = format_problems(problems, format)
    line = summary(count_records(loaded), problems)
    failed = any(p.severity == "error" for p in problems)
    if format == "text":
        print(output + line, end="\n", file=sys.stderr if failed else sys.stdout)
    else:
        print(output, end="")
        print(line, file=sys.stderr)
    return 1 if failed else 0


def run_show(project: Project, article: str) -> int:
    """Print the parse of one article: title, date, outlet, byline, dateline, subheadings, removed lines."""
    try:
        print(explain(load_seeds(project.seeds, project.root), article), end="")
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except ArticleNotFound as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def run_new(project: Project, kind: str, id: str) -> int:
    starter = scaffold.new(project, kind, id)
    scaffold.write(starter)
    for path in starter.files:
        print(f"wrote {relative(path, project.root)}")
    for note in starter.notes:
        print(f"note: {note}")
    print("next: replace every TODO in the new file, then run: python -m generator check")
    return 0


def run_schemas(project: Project, annotate: bool) -> int:
    folder = project.root / scaffold.SCHEMAS
    changed = editor_schema.write_schemas(folder)
    print(f"schemas: {len(changed)} of {len(editor_schema.schema_texts())} files updated in {scaffold.SCHEMAS}")
    if annotate:
        annotated = editor_schema.annotate(project.seeds, folder)
        print(f"seeds: schema comment added or refreshed in {len(annotated)} files")
    return 0


def report_error(error: GeneratorError) -> int:
    if isinstance(error, InputError):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    return 1
