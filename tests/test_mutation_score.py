"""The mutation score table of TESTING.md, from hand-made mutmut results."""

from __future__ import annotations

from pathlib import Path

import pytest
from mutation_score import END, START, main, survivors, table

FOUND = [
    ("generator.article", "generator.article.x_parse_date__mutmut_1", "killed"),
    ("generator.article", "generator.article.x_parse_date__mutmut_2", "survived"),
    ("generator.article", "generator.article.x_normalise__mutmut_1", "timeout"),
    ("generator.article", "generator.article.x_normalise__mutmut_2", "not checked"),
    ("generator.validate", "generator.validate.xǁCheckerǁtext__mutmut_4", "killed"),
    ("generator.validate", "generator.validate.xǁCheckerǁtext__mutmut_5", "no tests"),
]


def test_the_table_counts_timeouts_as_killed_and_untested_as_not() -> None:
    assert table(FOUND).splitlines()[2:] == [
        "| `generator.article` | 4 | 1 | 1 | 1 | 0 | 1 | 50.0% | 66.7% |",
        "| `generator.validate` | 2 | 1 | 0 | 0 | 1 | 0 | 50.0% | 50.0% |",
        "| **overall** | 6 | 2 | 1 | 1 | 1 | 1 | 50.0% | 60.0% |",
    ]


def test_survivors_are_listed_by_name() -> None:
    assert survivors(FOUND).splitlines()[2:] == ["- `generator.article.x_parse_date__mutmut_2 (survived)`",
                                                 "- `generator.validate.xǁCheckerǁtext__mutmut_5 (no tests)`"]


def test_the_score_goes_between_the_markers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("mutation_score.results", lambda mutmut: FOUND)
    testing = tmp_path / "TESTING.md"
    testing.write_text(f"# Testing\n\n{START}\nold\n{END}\n\nWhy.\n", encoding="utf-8")
    assert main([str(testing)]) == 0
    text = testing.read_text(encoding="utf-8")
    assert text.startswith(f"# Testing\n\n{START}\n| module |") and text.endswith(f"{END}\n\nWhy.\n")
    assert "old" not in text and "| **overall** | 6 | 2 | 1 | 1 | 1 | 1 | 50.0% | 60.0% |" in text


@pytest.mark.parametrize(("least", "status"), [("50", 0), ("51", 1)])
def test_a_score_under_the_target_fails(monkeypatch: pytest.MonkeyPatch, least: str, status: int) -> None:
    monkeypatch.setattr("mutation_score.results", lambda mutmut: FOUND)
    assert main(["--fail-under", least]) == status
