"""The command line: `python -m generator build|check`.

This is one of the two places (with the MkDocs hook) where the project's
errors become exit codes and messages; a traceback is shown only with
`--debug`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import GeneratorError, InputError
from .pipeline import Project, check, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current)")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="generate the Markdown pages into docs/")
    commands.add_parser("check", help="check every input without writing anything")
    args = parser.parse_args(argv)
    project = Project.at(args.root)
    try:
        if args.command == "check":
            site = check(project)
            print(f"ok: {len(site.articles)} articles, {len(site.topics)} topics, {len(site.entities)} entities, "
                  f"{len(site.all_events())} events, {len(site.sources)} sources, {len(site.terms)} terms")
            return 0
        report = generate(project)
        assert report.written is not None
        written = report.written
        print(f"generated {len(report.pages)} pages: {len(written.written)} written, "
              f"{len(written.unchanged)} unchanged, {len(written.removed)} removed")
        return 0
    except GeneratorError as error:
        if args.debug:
            raise
        return report_error(error)


def report_error(error: GeneratorError) -> int:
    if isinstance(error, InputError):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    return 1
