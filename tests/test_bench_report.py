"""The benchmark's verdicts, on hand-made figures: a run that meets every target passes and `python -m bench.run`
exits 0; an ignored edit or a missed target is a MISS, explained from the figures, and the exit status is 1."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import bench.run
from bench import report

EDITED = ["entities/a-person.md", "entities/index.md"]


def generator_run(cpu: float, pages: int, written: list[str], memory: float = 100.0,
                  containing: list[str] | None = None) -> dict[str, Any]:
    run: dict[str, Any] = {"seconds": cpu, "cpu": cpu, "cached": False, "pages": pages, "memory": memory,
                           "cards": pages, "cards_cpu": 0.005 * pages,
                           "timings": {"load": cpu / 4, "render": cpu / 2, "write": cpu / 4},
                           "written_count": len(written), "written": written}
    if containing is not None:
        run["containing"] = containing
    return run


def size(pages: int, cpu: float, mkdocs: float) -> dict[str, Any]:
    """One corpus size whose figures meet every target: 0.5 ms a page, 2% of the build, edits shown exactly."""
    every_page = [f"page-{index}.md" for index in range(pages)]
    return {
        "full": [generator_run(cpu, pages, every_page)],
        "unchanged": [generator_run(cpu / 50, pages, [])],
        "edits": [generator_run(cpu / 2, pages, list(EDITED), containing=list(EDITED))],
        "mkdocs": [{"seconds": mkdocs, "cpu": mkdocs, "memory": 200.0}],
    }


def passing() -> dict[str, Any]:
    return {
        "sizes": {10: size(60, 0.03, 1.5), 100: size(600, 0.3, 15.0)},
        "linking": {"by_names": [{"names": 1000, "seconds": 0.002}, {"names": 40000, "seconds": 0.0022}],
                    "by_length": [{"characters": 100000, "seconds": 0.002}, {"characters": 400000, "seconds": 0.008}]},
        "seed_site": {"file": "seeds/entities/people.yml",
                      "edits": [generator_run(0.1, 90, list(EDITED), containing=list(EDITED))]},
        "seconds": 60.0,
    }


def verdicts(results: dict[str, Any]) -> dict[str, bool]:
    return {check.target: check.passed for check in report.targets(results)}


def missed(results: dict[str, Any]) -> list[str]:
    return [check.target for check in report.targets(results) if not check.passed]


def test_figures_that_meet_every_target_pass() -> None:
    found = verdicts(passing())
    assert len(found) == 12 and all(found.values()), found
    text, lines = report.markdown(passing())
    assert "- Every target is met." in text
    assert all(line.startswith("PASS  ") for line in lines)


def test_an_ignored_edit_is_a_miss_at_its_size() -> None:
    results = passing()
    results["sizes"][100]["edits"] = [generator_run(0.15, 600, [], containing=[])]
    assert missed(results) == ["one-file edit at N = 100 shows in the output and rewrites only the pages that show it"]
    text, lines = report.markdown(results)
    assert ("- **one-file edit at N = 100 shows in the output and rewrites only the pages that show it**: edit 1 of 1 "
            "shows in no page: the edited word is in none of the generated pages (0 written), so the edit was "
            "ignored.") in text
    assert "| 100 | 0.30 s | 0.006 s | 0 | 2.0% | 0.15 s | 0 | MISMATCH |" in text
    assert [line for line in lines if line.startswith("MISS")] == [
        "MISS  one-file edit at N = 100 shows in the output and rewrites only the pages that show it: 0 written, "
        "0 showing it"]


def test_an_edit_ignored_by_the_seed_site_fails_serve_however_fast() -> None:
    results = passing()
    results["seed_site"]["edits"] = [generator_run(0.01, 90, [], containing=[])]
    assert missed(results) == ["seed site: one YAML file saved → the edit shows in pages written in < 1 s of "
                               "generator time"]


def test_an_edit_that_rewrites_too_much_is_a_miss_naming_the_pages() -> None:
    results = passing()
    results["sizes"][10]["edits"][0]["written"] = [*EDITED, "timeline.md"]
    check = next(c for c in report.targets(results) if not c.passed)
    assert check.note == ("edit 1 of 1: 1 pages rewritten without showing it (timeline.md), "
                          "0 showing it but not rewritten ")


def test_a_missed_target_is_explained_from_its_figures() -> None:
    results = passing()
    results["sizes"][100]["full"][0]["memory"] = 650.0
    assert missed(results) == ["generator peak memory < 500 MB at N = 100"]
    text, _ = report.markdown(results)
    assert ("- **generator peak memory < 500 MB at N = 100**: the generator peaked at 650 MB for 600 pages "
            "(1109 KB per page), 150 MB over the target.") in text


def test_a_slow_generator_misses_per_page_and_share_with_the_figures_that_say_by_how_much() -> None:
    results = copy.deepcopy(passing())
    results["sizes"][100]["full"][0]["cpu"] = 0.9
    notes = {c.key: c.note for c in report.targets(results) if not c.passed}
    assert set(notes) == {"per-page", "share", "linear"}
    assert notes["per-page"].startswith("0.90 s of CPU for 600 pages is 1.50 ms a page; the target needs 0.30 s less")
    assert notes["share"] == ("the generator took 0.90 s and MkDocs 15.00 s of CPU, so the generator is 5.7% of the "
                              "build; with MkDocs as it is, 5% needs the generator at 0.79 s (1.32 ms a page)")
    assert notes["linear"].startswith("time per page went from 0.50 ms at N = 10 to 1.50 ms at N = 100 (× 3.00)")


@pytest.mark.parametrize(("case", "status"), [("passing", 0), ("edit ignored", 1), ("memory missed", 1),
                                              ("cards slow", 1)])
def test_the_benchmark_exits_non_zero_on_any_miss(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str], case: str, status: int) -> None:
    results = passing()
    if case == "edit ignored":
        results["sizes"][10]["edits"] = [generator_run(0.015, 60, [], containing=[])]
    elif case == "memory missed":
        results["sizes"][100]["full"][0]["memory"] = 650.0
    elif case == "cards slow":
        for run in results["sizes"][100]["full"]:
            run["cards_cpu"] = 0.012 * run["cards"]
    monkeypatch.setattr(bench.run, "run", lambda *args, **kwargs: copy.deepcopy(results))
    output = tmp_path / "BENCHMARKS.md"
    assert bench.run.main(["--sizes", "10", "100", "--output", str(output)]) == status
    assert output.read_text(encoding="utf-8").startswith("# Benchmarks\n"), "the figures are written all the same"
    err = capsys.readouterr().err
    assert ("every target met" in err) == (status == 0)
    assert ("1 of 12 targets MISSED" in err) == (status == 1)
