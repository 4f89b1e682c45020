"""The labelled name-matching benchmark (tests/fixtures/names/): its size, and the quality targets of `variant`."""

from __future__ import annotations

import pytest

from bench.names import PRECISION_TARGET, RECALL_TARGET, Outcome, evaluate


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    return evaluate()


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
