"""`check`: its one-line summary and its three output formats, on one small bad fixture."""

from __future__ import annotations

import json

import pytest
from support import CASES

from generator.cli import main

BAD = CASES / "editor" / "bad-source"
SUMMARY = ("failed: 0 articles, 0 topics, 0 entities, 0 events, 1 source, 0 terms; "
           "3 problems found (3 errors, 0 warnings)\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(BAD), "check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_lists_each_problem_then_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (1, "", (
        'seeds/sources/bad.yml:2:9: sources[0].id: "Bad_Id" is not a valid id: use lowercase letters, digits and '
        'single hyphens, like "mosul-2014"\n'
        'seeds/sources/bad.yml:6:10: sources[0].url: "javascript:alert(1)" is not a web address: it must start '
        "with http:// or https://\n"
        'seeds/sources/bad.yml:7:5: sources[0].colour: unknown key "colour"\n' + SUMMARY))


def test_json_prints_the_problems_for_editor_integrations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "json")
    assert (code, err) == (1, SUMMARY)
    assert json.loads(out) == [
        {"file": "seeds/sources/bad.yml", "line": 2, "column": 9, "key": "sources[0].id", "severity": "error",
         "message": '"Bad_Id" is not a valid id: use lowercase letters, digits and single hyphens, like "mosul-2014"'},
        {"file": "seeds/sources/bad.yml", "line": 6, "column": 10, "key": "sources[0].url", "severity": "error",
         "message": '"javascript:alert(1)" is not a web address: it must start with http:// or https://'},
        {"file": "seeds/sources/bad.yml", "line": 7, "column": 5, "key": "sources[0].colour", "severity": "error",
         "message": 'unknown key "colour"'},
    ]
    assert out.startswith('[\n  {\n    "file": "seeds/sources/bad.yml",\n    "line": 2,\n    "column": 9,\n')


def test_github_prints_workflow_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "github") == (1, (
        '::error file=seeds/sources/bad.yml,line=2,col=9::sources[0].id: "Bad_Id" is not a valid id: use lowercase '
        'letters, digits and single hyphens, like "mosul-2014"\n'
        '::error file=seeds/sources/bad.yml,line=6,col=10::sources[0].url: "javascript:alert(1)" is not a web '
        "address: it must start with http:// or https://\n"
        '::error file=seeds/sources/bad.yml,line=7,col=5::sources[0].colour: unknown key "colour"\n'), SUMMARY)


def test_a_clean_project_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(CASES / "good" / "minimal"), "check"]) == 0
    assert capsys.readouterr().out == ("ok: 1 article, 1 topic, 2 entities, 2 events, 1 source, 1 term; "
                                       "no problems found\n")
