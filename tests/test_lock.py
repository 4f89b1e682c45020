"""No silent edits: `lock` records the published values, and `check` refuses a change that no update explains.

Each test locks a copy of the golden fixture story (its newest article or update date is 10 May 2024),
changes it as an editor would, and runs the real command line. Expected messages are written out by hand.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

GOLDEN_SEEDS = Path(__file__).resolve().parent / "golden" / "seeds"
ARTICLE = "seeds/articles/bridge-vote.yml"
TOPIC = "seeds/topics/bridges.yml"
LOCK = "seeds/published.lock.json"


@pytest.fixture
def root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy of the fixture story, locked."""
    shutil.copytree(GOLDEN_SEEDS, tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "lock"]) == 0
    assert capsys.readouterr().out == f"locked: 8 published values as of 2024-05-10 in {LOCK}\n"
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_update(root: Path, name: str, date: str, about: str = "", kind: str = "correction") -> None:
    """Append an entry to the file's top-level `updates:` list (the fixture's files end with it)."""
    entry = (f"  - date: {date}\n    kind: {kind}\n    text: The change is explained.\n"
             "    sources: [example-daily-vote]\n")
    if about:
        entry += f"    about: {about}\n"
    with (root / name).open("a", encoding="utf-8") as stream:
        stream.write(entry)


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Exit code and the problem lines of `check` (its summary line left out)."""
    code = main(["--root", str(root), "check"])
    captured = capsys.readouterr()
    return code, (captured.err or captured.out).splitlines()[:-1]


VERDICT_CHANGED = (f'{ARTICLE}:34:14: claims[0].verdict: claim "workers" was published with the verdict "accurate" '
                   'and now has "inaccurate", and no update says so: add to this page\'s updates: an entry dated '
                   "2024-05-10 or later with about: workers (or without about:, for the whole page)")


def test_the_lock_holds_each_guarded_value_and_its_date(root: Path) -> None:
    lock = json.loads((root / LOCK).read_text(encoding="utf-8"))
    assert lock["locked"] == "2024-05-10"
    assert lock["pages"]["article/bridge-vote"]["values"] == [
        {"what": "claim", "id": "workers", "verdict": "accurate"},
        {"what": "key number", "id": "workers-needed", "label": "workers needed", "value": "120"},
        {"what": "event", "title": "The council votes", "date": "2024-03-04"},
    ]
    assert lock["pages"]["topic/bridges"]["values"] == [
        {"what": "fact", "section": "plans", "id": "who-drew-the-plans",
         "text": "The River Authority (RA) drew up the plans, approved by the Exampletown Council."},
        {"what": "fact", "section": "plans", "text": "An older plan was *dropped*."},
        {"what": "fact", "section": "plans", "text": "The bridge would land in Riverside."},
        {"what": "event", "title": "The first plan is drawn up", "date": "2020-05-01"},
    ]
    assert lock["pages"]["timeline"]["values"] == [
        {"what": "event", "title": "The old bridge closes", "date": "2019-01-01"}]
    assert lock["pages"]["entity/jon-smith"]["updates"] == [
        {"date": "2024-03-20", "kind": "clarification", "about": ""}]


def test_a_silent_change_of_a_verdict_is_refused_then_accepted_once_an_update_names_it(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(root, capsys) == (0, [])
    edit(root, ARTICLE, "verdict: accurate", "verdict: inaccurate")
    assert check(root, capsys) == (1, [VERDICT_CHANGED])
    add_update(root, ARTICLE, "2024-06-01", about="workers")
    assert check(root, capsys) == (0, [])


def test_an_update_for_the_whole_page_also_explains_it(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, ARTICLE, "verdict: accurate", "verdict: inaccurate")
    add_update(root, ARTICLE, "2024-05-10")
    assert check(root, capsys) == (0, [])


def test_an_update_dated_before_the_lock_or_about_something_else_does_not(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, ARTICLE, "verdict: accurate", "verdict: inaccurate")
    add_update(root, ARTICLE, "2024-05-09", about="workers")
    add_update(root, ARTICLE, "2024-06-01", about="workers-needed")
    add_update(root, TOPIC, "2024-06-01")
    assert check(root, capsys) == (1, [VERDICT_CHANGED])


def test_an_entry_that_was_already_there_when_locked_does_not_excuse_a_later_change(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The fixture's clarification of 10 May 2024 names this key number and is dated on the lock's day.
    edit(root, ARTICLE, 'value: "120"', 'value: "150"')
    assert check(root, capsys) == (1, [
        f'{ARTICLE}:21:12: key_numbers[0].value: key number "workers-needed" was published with the value "120" and '
        'now has "150", and no update says so: add to this page\'s updates: an entry dated 2024-05-10 or later with '
        "about: workers-needed (or without about:, for the whole page)"])


def test_a_removed_item_needs_an_entry_which_may_name_it(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, ARTICLE, """  - id: workers
    match: 120 workers would be needed
    claim: The work needs 120 workers.
    verdict: accurate
    explanation: The authority's plan gives the same figure.
    sources: [river-authority-plan]
""", "")
    edit(root, ARTICLE, "claims:\n", "claims: []\n")
    edit(root, ARTICLE, "    about: workers\n", "")  # the published correction named the claim being removed
    assert check(root, capsys) == (1, [
        f'{ARTICLE}:30:9: claims: claim "workers" (published verdict: "accurate") has been removed, and no update '
        "says so: add to this page's updates: an entry dated 2024-05-10 or later with about: workers (or without "
        "about:, for the whole page)"])
    add_update(root, ARTICLE, "2024-07-01", about="workers", kind="update")
    assert check(root, capsys) == (0, [])
    # Once locked again, the lock remembers the removed id, so the entry can go on naming it.
    assert main(["--root", str(root), "lock"]) == 0
    assert json.loads((root / LOCK).read_text(encoding="utf-8"))["pages"]["article/bridge-vote"]["removed"] == [
        "workers"]
    capsys.readouterr()
    assert check(root, capsys) == (0, [])


def test_a_new_item_needs_no_entry(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, ARTICLE, "claims:\n", """claims:
  - id: work-starts
    match: Work starts in 2025
    claim: Work starts in 2025.
    verdict: unverified
    explanation: No source gives a start date.
    sources: [river-authority-plan]
""")
    edit(root, TOPIC, "    facts:\n", """    facts:
      - text: A new fact, first in its section.
        sources: [river-authority-plan]
""")
    assert check(root, capsys) == (0, [])


def test_facts_events_and_free_standing_events_are_guarded(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, TOPIC, "An older plan was *dropped*.", "An older plan was *kept*.")
    edit(root, TOPIC, "date: 2020-05-01", "date: 2020-06-01")
    edit(root, "seeds/events/other.yml", "date: 2019-01-01", "date: 2019-02-01")
    assert check(root, capsys) == (1, [
        "seeds/events/other.yml:3:11: events[0].date: event \"The old bridge closes\" was published with the date "
        '"2019-01-01" and now has "2019-02-01", and no update says so: give the event an id:, then add to an '
        "article's or topic's updates: an entry dated 2024-05-10 or later naming it",
        f'{TOPIC}:21:15: sections[0].facts[1].text: a fact of section "plans" was published with the text "An older '
        'plan was *dropped*." and now has "An older plan was *kept*.", and no update says so: add to this page\'s '
        "updates: an entry dated 2024-05-10 or later with about: plans (or without about:, for the whole page)",
        f'{TOPIC}:29:11: events[0].date: event "The first plan is drawn up" was published with the date '
        '"2020-05-01" and now has "2020-06-01", and no update says so: add to this page\'s updates: an entry dated '
        "2024-05-10 or later without about:"])
    add_update(root, TOPIC, "2024-06-01", about="plans")
    edit(root, "seeds/events/other.yml", "  - date: 2019-02-01\n", "  - date: 2019-02-01\n    id: old-bridge-closes\n")
    add_update(root, TOPIC, "2024-06-02", about="old-bridge-closes")
    assert check(root, capsys) == (1, [
        f'{TOPIC}:29:11: events[0].date: event "The first plan is drawn up" was published with the date '
        '"2020-05-01" and now has "2020-06-01", and no update says so: add to this page\'s updates: an entry dated '
        "2024-05-10 or later without about:"])


def test_a_fact_given_an_id_keeps_its_place_in_the_lock(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An editor names an unnamed fact to correct it: the lock still knows it as the same fact."""
    edit(root, TOPIC, "      - text: An older plan was *dropped*.\n",
         "      - text: An older plan was *kept*.\n        id: older-plan\n")
    code, lines = check(root, capsys)
    assert code == 1 and len(lines) == 1 and "was published with the text" in lines[0]
    add_update(root, TOPIC, "2024-06-01", about="older-plan")
    assert check(root, capsys) == (0, [])


def test_lock_refuses_while_a_change_is_unexplained(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (root / LOCK).read_bytes()
    edit(root, ARTICLE, "verdict: accurate", "verdict: inaccurate")
    assert main(["--root", str(root), "lock"]) == 1
    assert capsys.readouterr().err.splitlines() == [VERDICT_CHANGED, "1 problem found; nothing was written"]
    assert (root / LOCK).read_bytes() == before


def test_relocking_records_the_change_and_a_later_date(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, ARTICLE, "verdict: accurate", "verdict: inaccurate")
    add_update(root, ARTICLE, "2024-06-01", about="workers")
    assert main(["--root", str(root), "lock"]) == 0
    assert capsys.readouterr().out == f"locked: 8 published values as of 2024-06-01 in {LOCK}\n"
    lock = json.loads((root / LOCK).read_text(encoding="utf-8"))
    assert lock["locked"] == "2024-06-01"
    assert {"what": "claim", "id": "workers", "verdict": "inaccurate"} in lock["pages"]["article/bridge-vote"]["values"]
    # The entry is now known: it no longer excuses a further change.
    edit(root, ARTICLE, "verdict: inaccurate", "verdict: garbled")
    code, lines = check(root, capsys)
    assert code == 1 and lines[0].startswith(f"{ARTICLE}:34:14: claims[0].verdict:") and '"garbled"' in lines[0]


def test_the_date_comes_from_the_command_line_or_the_content_and_never_goes_back(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "lock", "--date", "2024-08-01"]) == 0
    assert json.loads((root / LOCK).read_text(encoding="utf-8"))["locked"] == "2024-08-01"
    capsys.readouterr()
    assert main(["--root", str(root), "lock", "--date", "2024-07-01"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{LOCK}: --date 2024-07-01 is before the date of the last lock, 2024-08-01: a lock's date never goes back")
    assert main(["--root", str(root), "lock"]) == 0
    assert capsys.readouterr().out == f"already locked: 8 published values as of 2024-08-01 in {LOCK}\n"


def test_locking_twice_writes_the_same_bytes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = (root / LOCK).read_bytes()
    assert main(["--root", str(root), "lock"]) == 0
    assert (root / LOCK).read_bytes() == first
    assert first.endswith(b"\n}\n")
    assert b'\n        {"what": "claim", "id": "workers", "verdict": "accurate"},\n' in first


def test_a_removed_page_is_reported_until_it_is_withdrawn(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "seeds/articles/bridge-vote.yml").unlink()
    (root / "seeds/articles/bridge-vote.txt").unlink()
    code, lines = check(root, capsys)
    errors = [line for line in lines if ": warning: " not in line]
    assert code == 1
    assert errors == [f"{LOCK}:6:1: article/bridge-vote was published with 3 guarded values, but its file "
                      f"{ARTICLE} is gone: restore it, or withdraw the page on purpose with: python -m generator "
                      "lock --withdraw article/bridge-vote"]
    assert main(["--root", str(root), "lock", "--withdraw", "article/bridge-vote"]) == 0
    assert "article/bridge-vote" not in json.loads((root / LOCK).read_text(encoding="utf-8"))["pages"]
    capsys.readouterr()
    code, lines = check(root, capsys)
    assert code == 0 and lines and all(": warning: " in line for line in lines)


def test_a_damaged_lock_is_a_located_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, LOCK, '"version": 1,', '"version": 1')
    assert check(root, capsys) == (1, [
        f"{LOCK}:4:3: is not valid JSON (Expecting ',' delimiter): the lock is written by python -m generator lock "
        "and never by hand; restore it from git"])


def test_the_published_site_is_locked_and_its_lock_is_current(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The committed lock matches the seeds: `check` passes and `lock` would change nothing."""
    repository = Path(__file__).resolve().parent.parent
    shutil.copytree(repository / "seeds", tmp_path / "seeds")
    assert main(["--root", str(tmp_path), "check"]) == 0
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "lock"]) == 0
    assert capsys.readouterr().out.startswith("already locked: ")
    lock = json.loads((tmp_path / LOCK).read_text(encoding="utf-8"))
    claims = [v for v in lock["pages"]["article/2021-07-26-biden-kadhimi-new-phase"]["values"] if v["what"] == "claim"]
    assert {"what": "claim", "id": "troops-2500", "verdict": "accurate"} in claims
