"""The checks pre-commit runs on an editor's commit: yamllint and the generator's check, as the hooks call them.

Each hook is run with the command line written in .pre-commit-config.yaml (with `.venv/bin/` meaning the
environment running the tests), on the real seeds and on seed files broken the way editors break them.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT

PEOPLE = Path("seeds") / "entities" / "people.yml"


def hooks() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def run_hook(hook_id: str, cwd: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """Run a hook's command line as pre-commit would, in `cwd`, with `files` when the hook takes file names."""
    hook = hooks()[hook_id]
    command = [str(Path(sys.executable).parent / word.removeprefix(".venv/bin/")) if word.startswith(".venv/bin/")
               else word for word in shlex.split(hook["entry"])]
    if hook.get("pass_filenames", True):
        command += files
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def selected(hook_id: str, paths: list[str]) -> list[str]:
    """The staged paths pre-commit hands to the hook (its `files` pattern, searched as pre-commit does)."""
    pattern = re.compile(hooks()[hook_id].get("files", ""))
    return [path for path in paths if pattern.search(path)]


STAGED = ["seeds/entities/people.yml", "seeds/topics/a.yaml", "seeds/articles/x.txt", "mkdocs.yml",
          "generator/schema.py", "templates/entity.md.j2", "tests/cases/bad/x/seeds/entities/a.yml", "README.md"]


def test_yamllint_is_given_the_seed_yaml_files_only() -> None:
    assert selected("yamllint", STAGED) == ["seeds/entities/people.yml", "seeds/topics/a.yaml"]


def test_the_check_runs_when_seeds_templates_or_the_generator_change() -> None:
    assert selected("generator-check", STAGED) == ["seeds/entities/people.yml", "seeds/topics/a.yaml",
                                                   "seeds/articles/x.txt", "generator/schema.py",
                                                   "templates/entity.md.j2"]


def test_yamllint_accepts_the_seeds() -> None:
    seed_files = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "seeds").rglob("*.yml"))
    result = run_hook("yamllint", ROOT, *seed_files)
    assert (result.returncode, result.stdout) == (0, "")


# Mistakes in a real seed file: (text in people.yml, what it becomes, yamllint's report for the changed line).
MISTAKES = {
    "a key written twice": ('    name: "Joe Biden"\n', '    name: "Joe Biden"\n    name: "Joseph Biden"\n',
                            'duplication of key "name" in mapping  (key-duplicates)'),
    "trailing spaces": ("    kind: person\n", "    kind: person  \n", "trailing spaces  (trailing-spaces)"),
    "a bare yes": ("    kind: person\n", "    kind: yes\n", "truthy value should be one of [false, true]  (truthy)"),
    "a tab for indentation": ('    name: "Joe Biden"\n', '\tname: "Joe Biden"\n',
                              "syntax error: found character '\\t' that cannot start any token (syntax)"),
    "a line far too long": ('    name: "Joe Biden"\n', f'    name: "Joe Biden {"very " * 40}long"\n',
                            "line too long (226 > 200 characters)  (line-length)"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_yamllint_flags_a_broken_seed_file(tmp_path: Path, mistake: str) -> None:
    old, new, report = MISTAKES[mistake]
    text = (ROOT / PEOPLE).read_text(encoding="utf-8")
    assert old in text, f"{PEOPLE} no longer holds {old!r}: choose another mistake to make"
    line = text[:text.index(old)].count("\n") + 1 + new.count("\n") - 1
    shutil.copy2(ROOT / ".yamllint.yaml", tmp_path)
    (tmp_path / PEOPLE).parent.mkdir(parents=True)
    (tmp_path / PEOPLE).write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_hook("yamllint", tmp_path, PEOPLE.as_posix())
    assert result.returncode != 0
    flagged = [row.split(maxsplit=2) for row in result.stdout.splitlines()[1:] if row.strip()]
    assert [(where.split(":")[0], message) for where, _, message in flagged] == [(str(line), report)]


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A project folder holding a copy of the seeds (all the check reads)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_the_check_hook_passes_the_seeds(seeds_copy: Path) -> None:
    result = run_hook("generator-check", seeds_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_the_check_hook_stops_a_commit_with_a_broken_seed(seeds_copy: Path) -> None:
    people = seeds_copy / PEOPLE
    people.write_text(people.read_text(encoding="utf-8").replace("    kind: person\n", "    knid: person\n", 1),
                      encoding="utf-8")
    result = run_hook("generator-check", seeds_copy)
    assert result.returncode == 1
    assert 'seeds/entities/people.yml:6:5: entities[0].knid: unknown key "knid" (did you mean "kind"?)' in \
        result.stderr.splitlines()
