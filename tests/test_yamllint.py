"""The YAML linter run by pre-commit accepts the seeds as they are."""

from __future__ import annotations

import subprocess
import sys

import yaml
from support import ROOT


def lint(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "yamllint", "--strict", "-c", ".yamllint.yaml", *paths],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_seeds_pass_yamllint() -> None:
    result = lint("seeds")
    assert (result.returncode, result.stdout) == (0, "")


def test_yamllint_config_catches_a_real_mistake(tmp_path: object) -> None:
    result = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "-c", ".yamllint.yaml", "-"],
                            input="entities:\n  - id: a\n    id: b\n", cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1
    assert 'duplication of key "id" in mapping  (key-duplicates)' in result.stdout


def test_pre_commit_runs_the_check_and_yamllint_on_seeds() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["generator-check"]["entry"].endswith("-m generator check")
    assert hooks["yamllint"]["entry"].endswith("yamllint --strict -c .yamllint.yaml")
    assert hooks["yamllint"]["files"] == r"^seeds/.*\.ya?ml$"
