"""Bad input never breaks the site: one located line per problem, all of them, exit code 1, no traceback.

Each folder in `tests/cases/bad/` is one scenario: its files are laid over a
copy of the minimal good seeds (`tests/cases/good/minimal/`), and its
`expected.txt` holds the exact problem lines the command line must print.
A `symlinks.txt` (lines `link -> target`) makes links at run time, since
git cannot hold them portably.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import CASES, copy_project, mkdocs

from generator.cli import main
from generator.errors import InputError
from generator.pipeline import Project, check

MINIMAL = CASES / "good" / "minimal" / "seeds"
BAD = sorted(path for path in (CASES / "bad").iterdir() if path.is_dir())
CONTROL_FILES = {"expected.txt", "symlinks.txt"}


def case_project(case: Path, target: Path) -> Path:
    """The minimal good seeds with the case's files laid over them, in `target`."""
    shutil.copytree(MINIMAL, target / "seeds")
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if path.is_file() and relative.as_posix() not in CONTROL_FILES:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
    links = case / "symlinks.txt"
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            link, _, pointee = line.partition(" -> ")
            (target / link).symlink_to(pointee)
    return target


def expected_lines(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_minimal_seeds_are_valid(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "seeds")
    site = check(Project.at(tmp_path)).valid_site()
    assert (len(site.articles), len(site.topics), len(site.entities)) == (1, 1, 2)


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_bad_input_is_reported_exactly(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case_project(case, tmp_path / "project")
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == ""
    assert "Traceback" not in err
    assert lines[:-1] == expected_lines(case)
    assert f"{len(lines) - 1} problem" in lines[-1]


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_build_writes_nothing_for_bad_input(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case_project(case, tmp_path / "project")
    assert main(["--root", str(root), "build"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == expected_lines(case)
    assert not (root / "docs").exists()


def test_every_problem_line_is_located(tmp_path: Path) -> None:
    """`file:line:column: key: message` (or `file: message` for the file as a whole), with the file under seeds/
    and never an absolute path, and never a line or column 0."""
    for case in BAD:
        for line in expected_lines(case):
            located = re.match(r"(?P<file>[^:]+)(?::(?P<row>[1-9][0-9]*):(?P<column>[1-9][0-9]*))?:(?P<rest> .+)$",
                               line)
            assert located is not None, line
            assert located["file"].startswith(("seeds/", "outside.yml")), line


def test_every_scenario_has_its_expected_output() -> None:
    assert all((case / "expected.txt").is_file() for case in BAD)


def test_problems_are_raised_as_the_project_error(tmp_path: Path) -> None:
    root = case_project(CASES / "bad" / "yaml-duplicate-key", tmp_path / "project")
    with pytest.raises(InputError) as caught:
        check(Project.at(root)).valid_site()
    assert [str(problem) for problem in caught.value.problems] == expected_lines(CASES / "bad" / "yaml-duplicate-key")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_a_failed_run_leaves_docs_and_site_as_they_were(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", MINIMAL)
    (project / "docs" / "about.md").write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - How to edit: how-to-edit.md", "  - How to edit: how-to-edit.md\n  - About: about.md"), encoding="utf-8")
    assert mkdocs(project, "build", "--strict").returncode == 0
    before = {"docs": snapshot(project / "docs"), "site": snapshot(project / "site")}
    assert "about.md" in before["docs"] and "about/index.html" in before["site"]
    people = project / "seeds" / "entities" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("    name:", "\tname:", 1), encoding="utf-8")
    expected = "seeds/entities/people.yml:3:1: YAML syntax: a tab character is not allowed here: indent with spaces"

    built = mkdocs(project, "build", "--strict")
    generated = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True,
                               text=True, timeout=600)

    assert built.returncode != 0 and expected in built.stderr
    assert generated.returncode == 1 and expected in generated.stderr.splitlines()
    assert "Traceback" not in built.stderr + generated.stderr
    assert {"docs": snapshot(project / "docs"), "site": snapshot(project / "site")} == before
