"""The labelled name-matching benchmark (tests/fixtures/names/): its size, and the quality targets of `variant`.

cases.yml grew up with the matcher; the held-out sets were written apart from it, and have their own recall target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.names import HELD_OUT, HELD_OUT_RECALL_TARGET, PRECISION_TARGET, RECALL_TARGET, Outcome, entities, evaluate


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    return evaluate()


@pytest.fixture(scope="module")
def held_out() -> dict[str, Outcome]:
    entity_list = entities()
    return {path.name: evaluate(entity_list, path) for path in HELD_OUT}


def test_the_benchmark_is_as_large_as_promised(outcome: Outcome) -> None:
    assert len(outcome.garbles) >= 60
    assert len({expected for _, expected, _, _ in outcome.garbles}) >= 25
    assert len(outcome.new) >= 20


def test_recall_and_precision_of_variant_meet_their_targets(outcome: Outcome) -> None:
    print(f"\nname matching: recall {outcome.recall:.1%} ({outcome.found} of {len(outcome.garbles)} garbles), "
          f"precision {outcome.precision:.1%}")
    assert outcome.recall >= RECALL_TARGET, [g for g in outcome.garbles if g[1] != g[2]]
    assert outcome.precision >= PRECISION_TARGET, outcome.false_variants


def test_real_names_that_are_no_entity_come_out_new(outcome: Outcome) -> None:
    assert [(printed, status) for printed, status, _ in outcome.new if status != "new"] == []
    assert outcome.missing == [], "every labelled name is found"


def test_the_held_out_sets_are_as_large_as_promised(held_out: dict[str, Outcome]) -> None:
    assert set(held_out) == {"holdout.yml", "holdout2.yml"}
    assert len(held_out["holdout.yml"].garbles) >= 60 and len(held_out["holdout.yml"].new) >= 25
    assert len(held_out["holdout2.yml"].garbles) >= 25


@pytest.mark.parametrize("name", [path.name for path in HELD_OUT])
def test_held_out_garbles_meet_their_targets(held_out: dict[str, Outcome], name: str) -> None:
    result = held_out[name]
    print(f"\n{name}: recall {result.recall:.1%} ({result.found} of {len(result.garbles)}), "
          f"precision {result.precision:.1%}")
    assert result.recall >= HELD_OUT_RECALL_TARGET, [g for g in result.garbles if g[1] != g[2]]
    assert result.precision >= PRECISION_TARGET, result.false_variants
    assert [(printed, status) for printed, status, _ in result.new if status != "new"] == []


def test_a_held_out_set_is_read_from_its_own_file(tmp_path: Path) -> None:
    """The labels come from the file given, not from cases.yml: a wrong label shows as a miss."""
    labelled = tmp_path / "cases.yml"
    labelled.write_text('cases:\n  - text: "Qassim Suleimany met Hadi Ameri."\n'
                        '    names: {"Qassim Suleimany": qasem-soleimani, "Hadi Ameri": jeb-bush}\n', encoding="utf-8")
    result = evaluate(cases_file=labelled)
    assert {printed: (expected, found) for printed, expected, found, _ in result.garbles} == {
        "Qassim Suleimany": ("qasem-soleimani", "qasem-soleimani"), "Hadi Ameri": ("jeb-bush", "hadi-al-amiri")}
    assert result.found == 1 and result.false_variants == [("Hadi Ameri", "jeb-bush", "hadi-al-amiri")]
