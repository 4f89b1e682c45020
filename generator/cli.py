"""The command line: `python -m generator build|check|lock|new|schemas|show|suggest`.

This is one of the two places (with the MkDocs hook) where the project's
errors become exit codes and messages; a traceback is shown only with
`--debug`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from . import json_schemas, lock, scaffold, schema_comment, suggest
from .article import FORMATS as ARTICLE_FORMATS
from .assemble import assemble
from .errors import GeneratorError, InputError, Problem, relative
from .explain import ArticleNotFound, explain
from .ledger import latest_date
from .load import load_seeds
from .match import APPLY_MIN
from .pipeline import Project, check, generate
from .report import FORMATS, count_records, format_problems, summary, text_line


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project.at(args.root)
    try:
        if args.command == "check":
            return run_check(project, args.format, args.strict)
        if args.command == "lock":
            return run_lock(project, args.date, args.withdraw)
        if args.command == "show":
            return run_show(project, args.article)
        if args.command == "new":
            return run_new(project, args.kind, args.id)
        if args.command == "schemas":
            return run_schemas(project, args.annotate)
        if args.command == "suggest":
            return suggest.run_suggest(project, args.article, args.format, args.apply, args.accept)
        report = generate(project)
        assert report.written is not None
        written = report.written
        for warning in report.warnings:
            print(text_line(warning), file=sys.stderr)
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
    locking = commands.add_parser("lock", help="record the published values that check guards (run it when you "
                                  "publish)", description=LOCK_HELP)
    locking.add_argument("--date", type=_date, help="the date of publication, YYYY-MM-DD (default: the newest date "
                         "of an article or an updates: entry in seeds/)")
    locking.add_argument("--withdraw", action="append", default=[], metavar="PAGE",
                         help="a page whose file was removed on purpose, such as article/2021-07-26-short-name")
    show = commands.add_parser("show", help="show what the parser took from an article's file, and how to correct "
                               "it")
    show.add_argument("article", help=f"the article's id (its file name without {', '.join(ARTICLE_FORMATS)}) or "
                      "its path")
    new = commands.add_parser("new", help="write a starter file for a new record", epilog=NEW_EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("kind", choices=scaffold.CHOICES, help="what to add")
    new.add_argument("id", help="its id: lowercase letters, digits and single hyphens")
    schemas = commands.add_parser("schemas", help="write the editors' JSON Schemas into generator/schemas/")
    schemas.add_argument("--annotate", action="store_true",
                         help="also point every YAML file in seeds/ at its schema (first-line comment)")
    suggesting = commands.add_parser("suggest",
                                     help="list a new article's names (known, misspelt, new), claims and dates")
    suggesting.add_argument("article", type=Path, help="the article's text file, as received")
    suggesting.add_argument("--format", choices=suggest.FORMATS, default="text",
                            help="text for people, json for tools")
    suggesting.add_argument("--apply", action="store_true",
                        help=f"add the misspellings scoring {APPLY_MIN} or more to their entities' aliases")
    suggesting.add_argument("--accept", action="append", default=[], metavar="NAME[=ENTITY]",
                        help="also add this printed name (to its best candidate, or to ENTITY); repeatable")
    return parser


LOCK_HELP = """Write seeds/published.lock.json: each claim's verdict, each key number's value, each event's date and
each fact's text. From then on, check fails when one of them changes (or goes) without an updates: entry dated on
or after the lock's date. The lock is refused while check finds such a change."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date written YYYY-MM-DD') from None


NEW_EXAMPLES = """examples:
  python -m generator new entity full-name         seeds/entities/full-name.yml
  python -m generator new source ap-2021-07-26-x   seeds/sources/ap-2021-07-26-x.yml
  python -m generator new topic short-name         seeds/topics/short-name.yml
  python -m generator new term acronym             seeds/glossary/acronym.yml
  python -m generator new article 2021-07-26-x     seeds/articles/2021-07-26-x.txt and .yml
  python -m generator new chart short-name         seeds/charts/short-name.yml"""


def run_check(project: Project, format: str, strict: bool) -> int:
    """Check everything, print the problems and a one-line summary; 1 if any problem is an error."""
    report = check(project)
    problems = report.problems
    if strict:
        problems = [dataclasses.replace(p, severity="error") for p in problems]
    output = format_problems(problems, format)
    line = summary(count_records(report.loaded), problems)
    failed = any(p.severity == "error" for p in problems)
    if format == "text":
        print(output + line, end="\n", file=sys.stderr if failed else sys.stdout)
    else:
        print(output, end="")
        print(line, file=sys.stderr)
    return 1 if failed else 0


def run_lock(project: Project, date: dt.date | None, withdrawn: list[str]) -> int:
    """Check, compare with the previous lock, then record the published values; nothing is written on a problem."""
    loaded = load_seeds(project.seeds, project.root)
    site, checked = assemble(loaded, project.root)
    previous = loaded.lock
    problems = lock.compare(checked, previous, withdrawn) if previous else []
    unknown = sorted(set(withdrawn) - set(previous.values if previous else ()))
    problems += [Problem(relative(project.seeds / lock.LOCK_NAME, project.root), 0, 0, "",
                         f'--withdraw {page}: the lock holds no page "{page}"') for page in unknown]
    when = date or latest_date(site) or (previous.locked if previous else None)
    if when is None:
        problems.append(Problem(relative(project.seeds, project.root), 0, 0, "", "no article and no updates: entry "
                                "gives a date: give the date of publication with --date YYYY-MM-DD"))
    elif previous and when < previous.locked:
        if date is not None:
            problems.append(Problem(previous.name, 0, 0, "", f"--date {date.isoformat()} is before the date of the "
                                    f"last lock, {previous.locked.isoformat()}: a lock's date never goes back"))
        when = previous.locked
    if problems or when is None:
        raise InputError(problems)
    path = project.seeds / lock.LOCK_NAME
    changed = lock.write_lock(path, lock.lock_text(checked, when, previous, withdrawn))
    count = sum(len(values) for values in lock.guarded_values(checked).values())
    print(f"{'locked' if changed else 'already locked'}: {count} published values as of {when.isoformat()} in "
          f"{relative(path, project.root)}")
    return 0


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
    changed = json_schemas.write_schemas(folder)
    print(f"schemas: {len(changed)} of {len(json_schemas.schema_texts())} files updated in {scaffold.SCHEMAS}")
    if annotate:
        annotated = schema_comment.annotate(project.seeds, folder)
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
