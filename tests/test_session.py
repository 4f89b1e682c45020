"""The editor's loop renders only the pages an edit touches, and leaves docs/ byte for byte as a full run would.

Each test edits one kind of input in a project copy whose pages a `Session` generated, runs the session
again, and compares every file in docs/ with a full `generate` of the same inputs in a fresh copy.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.pipeline import Project, RunReport, generate
from generator.session import Session
from generator.write import MANIFEST

ARTICLE = "seeds/articles/2021-07-26-biden-kadhimi-new-phase"
KADHIMI = 'description: "Prime minister of Iraq from 7 May 2020 to 27 October 2022."'
CACHE_RECORD = ".generated-cache.json"
"""The one-shot run's record of what it read (see cache.py): not a page, and not written by the loop."""


def docs_files(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*"))
            if path.is_file() and path.name != CACHE_RECORD}


def full_run(project: Path, elsewhere: Path) -> dict[str, bytes]:
    """The pages a full run makes from the same inputs, in a fresh copy of the project."""
    shutil.copytree(project, elsewhere, ignore=shutil.ignore_patterns("docs"))
    shutil.copytree(project / "docs" / "assets", elsewhere / "docs" / "assets")
    generate(Project.at(elsewhere))
    return docs_files(elsewhere / "docs")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{path}: expected {old!r} {count} time(s), found {text.count(old)}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def loop(project: Path) -> Session:
    """A session that has generated the project copy's pages once."""
    session = Session(Project.at(project))
    first = session.run()
    assert not first.cached and len(first.rendered) == len(first.pages)
    return session


def rerun_and_compare(loop: Session, tmp_path: Path) -> RunReport:
    report = loop.run()
    assert not report.cached
    expected = full_run(loop.project.root, tmp_path / "full")
    actual = docs_files(loop.project.docs)
    assert actual.keys() == expected.keys()
    differing = sorted(path for path in expected if actual[path] != expected[path])
    assert differing == [], f"pages that differ from a full run: {differing}"
    assert report.written is not None
    # Every page whose bytes changed was rendered again, and only those were written.
    assert set(report.written.written) <= set(report.rendered)
    return report


Edit = Callable[[Path], None]


def entity_description(root: Path) -> None:
    edit(root / "seeds/entities/people.yml", KADHIMI, 'description: "Prime minister of Iraq, 2020–22."')


def alias_added(root: Path) -> None:
    """A new alias that the article prints first in its opening paragraph: the link moves to it."""
    edit(root / "seeds/entities/people.yml", '      - "al-Kazimi"\n',
         '      - "al-Kazimi"\n      - "Iraqi Prime Minister"\n')


def alias_removed(root: Path) -> None:
    edit(root / "seeds/entities/people.yml", '    aliases: ["Biden"]\n', "")


def entity_renamed(root: Path) -> None:
    edit(root / "seeds/entities/people.yml", 'name: "Joe Biden"', 'name: "Joseph R. Biden"')


def entity_deleted(root: Path) -> None:
    path = root / "seeds/entities/people.yml"
    text = path.read_text(encoding="utf-8")
    new_text, count = re.subn(r"^  - id: jeb-bush\n(?:(?!  - id: ).*\n)*", "", text, flags=re.MULTILINE)
    assert count == 1
    path.write_text(new_text, encoding="utf-8")


def source_title(root: Path) -> None:
    edit(root / "seeds/sources/meeting-2021.yml", 'title: "Biden to welcome weakened Iraq PM amid Iran hostility"',
         'title: "Biden welcomes a weakened Iraqi prime minister"')


def add_update(path: Path) -> None:
    """An entry at the end of the file's `updates:` list (its last key), as the lock asks of an edit to a
    published value; the page's history and the Corrections and updates page change with it."""
    text = path.read_text(encoding="utf-8")
    assert text.rstrip().splitlines()[-1].startswith("    "), f"{path}: updates: is not the last key"
    entry = ("  - date: 2026-12-02\n    kind: update\n    text: A change made in a test.\n"
             "    sources: [ap-2010-08-02-troop-levels]\n")
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")


def topic_fact(root: Path) -> None:
    """A fact that now names another entity: the topic page links it, and that entity's page lists the topic."""
    edit(root / "seeds/topics/us-withdrawal-2011.yml", "by 30 June 2009, and all US forces had to leave Iraq",
         "by 30 June 2009, and all US forces had to leave Iraq, as Barack Obama confirmed,")
    add_update(root / "seeds/topics/us-withdrawal-2011.yml")


def topic_title(root: Path) -> None:
    """Pages that list the topic show its title: the article's background, entity pages, the indexes."""
    edit(root / "seeds/topics/us-withdrawal-2011.yml", 'title: "The 2011 US withdrawal from Iraq"',
         'title: "The US withdrawal from Iraq in 2011"')


def topic_event_date(root: Path) -> None:
    edit(root / "seeds/topics/us-withdrawal-2011.yml", "  - date: 2008-11-16", "  - date: 1999-11-16")
    add_update(root / "seeds/topics/us-withdrawal-2011.yml")


def article_text(root: Path) -> None:
    """A paragraph added at the end of the article, naming two entities."""
    path = root / f"{ARTICLE}.txt"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nBarack Obama and Jeb Bush were not "
                    "mentioned by the White House.\n", encoding="utf-8")


def sidecar_claim(root: Path) -> None:
    edit(root / f"{ARTICLE}.yml", "    claim: \"Iraq's legislative elections were three months away.\"\n"
         "    verdict: accurate", "    claim: \"Iraq's legislative elections were three months away.\"\n"
         "    verdict: inaccurate")
    add_update(root / f"{ARTICLE}.yml")


def article_date(root: Path) -> None:
    edit(root / f"{ARTICLE}.yml", "event_date: 2021-07-26", "event_date: 2021-07-25")


def glossary_definition(root: Path) -> None:
    edit(root / "seeds/glossary/terms.yml", "The US–Iraq agreement signed on 17 November 2008.",
         "The agreement the US and Iraq signed on 17 November 2008.")


def glossary_term_added(root: Path) -> None:
    """A new term for a word the pages already print: every page that prints it lists its definition."""
    path = root / "seeds/glossary/terms.yml"
    path.write_text(path.read_text(encoding="utf-8") + '  - id: pfizer\n    term: "Pfizer"\n    definition: "A US '
                    'maker of medicines and vaccines."\n    sources: [krg-2021-07-24-final-round]\n', encoding="utf-8")


def template_of_one_kind(root: Path) -> None:
    edit(root / "templates/entity.md.j2", "## Where it is mentioned { #mentions }",
         "## Where the stories mention it { #mentions }")


def included_template(root: Path) -> None:
    edit(root / "templates/citations.md.j2", "## Sources { #sources }", "## Sources cited { #sources }")


def article_added(root: Path) -> None:
    for suffix in (".txt", ".yml"):
        shutil.copy2(root / f"{ARTICLE}{suffix}", root / f"seeds/articles/2021-07-27-second-report{suffix}")


def source_added_and_cited(root: Path) -> None:
    path = root / "seeds/sources/meeting-2021.yml"
    path.write_text(path.read_text(encoding="utf-8") + '  - id: example-2021-07-27-report\n    title: "A later '
                    'report"\n    publisher: "Example News"\n    kind: press\n    url: "https://example.org/2021/07/27/report"\n',
                    encoding="utf-8")
    edit(root / "seeds/entities/people.yml", "rferl-2021-06-27-strikes]\n  - id: mustafa-al-kadhimi",
         "rferl-2021-06-27-strikes, example-2021-07-27-report]\n  - id: mustafa-al-kadhimi")


def update_only(root: Path) -> None:
    """Only an entry added to a topic's updates: its page's history and the Corrections and updates page."""
    add_update(root / "seeds/topics/us-withdrawal-2011.yml")


def chart_title(root: Path) -> None:
    """A chart shown on a topic page."""
    edit(root / "seeds/charts/fatah-seats.yml", 'title: "Fatah Alliance seats in Iraq\'s parliament"',
         'title: "The Fatah Alliance\'s seats in parliament"')


def story_joined(root: Path) -> None:
    """The article now follows a story: the story's page appears and the home page lists the story."""
    edit(root / f"{ARTICLE}.yml", 'title: "Biden announces “new” phase in relations with Iraq"\n',
         'title: "Biden announces “new” phase in relations with Iraq"\nstory: us-iraq-talks\n')


def question_asked(root: Path) -> None:
    """A topic's question card, reworded."""
    edit(root / "seeds/topics/us-withdrawal-2011.yml", '  - q: "Why did US troops leave Iraq in 2011?"',
         '  - q: "Why did the US troops leave Iraq in 2011?"')


EDITS: dict[str, Edit] = {edit.__name__: edit for edit in (
    entity_description, alias_added, alias_removed, entity_renamed, entity_deleted, source_title, topic_fact,
    topic_title, topic_event_date, article_text, sidecar_claim, article_date, glossary_definition, glossary_term_added,
    template_of_one_kind, included_template, article_added, source_added_and_cited, update_only,
    chart_title, story_joined, question_asked)}


@pytest.mark.parametrize("name", EDITS)
def test_an_edit_gives_the_pages_of_a_full_run(loop: Session, tmp_path: Path, name: str) -> None:
    before = docs_files(loop.project.docs)
    EDITS[name](loop.project.root)
    report = rerun_and_compare(loop, tmp_path)
    after = docs_files(loop.project.docs)
    assert report.written is not None
    changed = sorted(path for path in after.keys() & before.keys() if after[path] != before[path]
                     and path != MANIFEST)
    assert sorted(report.written.written) == sorted(changed + [p for p in after.keys() - before.keys()])
    assert sorted(report.written.removed) == sorted(before.keys() - after.keys())
    assert changed, "the edit changed no page: the test edits nothing that shows"


@pytest.mark.parametrize("name", ["entity_description", "source_title", "sidecar_claim", "glossary_definition",
                                  "topic_fact"])
def test_a_local_edit_renders_few_pages(loop: Session, tmp_path: Path, name: str) -> None:
    EDITS[name](loop.project.root)
    report = rerun_and_compare(loop, tmp_path)
    pages = [path for path in report.rendered if path.endswith(".md")]
    assert 0 < len(pages) <= len(report.pages) // 4, sorted(pages)


def test_an_entity_description_renders_the_pages_that_show_the_entity(loop: Session, tmp_path: Path) -> None:
    entity_description(loop.project.root)
    report = rerun_and_compare(loop, tmp_path)
    assert {"entities/mustafa-al-kadhimi.md", "entities/index.md"} <= set(report.rendered)
    assert "entities/jeb-bush.md" not in report.rendered
    assert report.written is not None
    assert sorted(report.written.written) == ["entities/index.md", "entities/mustafa-al-kadhimi.md"]


def test_a_run_with_nothing_saved_renders_nothing(loop: Session) -> None:
    report = loop.run()
    assert report.cached and report.rendered == []


def test_a_broken_save_keeps_the_pages_and_the_fix_catches_up(loop: Session, tmp_path: Path) -> None:
    before = docs_files(loop.project.docs)
    people = loop.project.seeds / "entities" / "people.yml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("    kind: person\n", "    kind: persn\n", 1), encoding="utf-8")
    with pytest.raises(InputError) as broken:
        loop.run()
    assert "persn" in str(broken.value)
    with pytest.raises(InputError):
        loop.run()  # the same inputs fail the same way, without a second look
    assert docs_files(loop.project.docs) == before
    people.write_text(good.replace(KADHIMI, 'description: "Prime minister of Iraq, 2020–22."'), encoding="utf-8")
    rerun_and_compare(loop, tmp_path)


def test_edits_in_a_row_stay_equal_to_full_runs(loop: Session, tmp_path: Path) -> None:
    for number, name in enumerate(("alias_added", "entity_renamed", "topic_fact", "glossary_term_added",
                                   "article_text", "included_template")):
        EDITS[name](loop.project.root)
        rerun_and_compare(loop, tmp_path / str(number))


def test_pages_held_back_are_written_later_or_by_the_next_run(loop: Session, tmp_path: Path) -> None:
    """The preview holds back long pages for a second rebuild; whatever happens, they reach docs/."""
    index = loop.project.docs / "entities" / "index.md"
    before = index.read_bytes()
    entity_description(loop.project.root)
    report = loop.run(later=lambda path, text: path == "entities/index.md")
    assert report.written is not None and report.written.written == ["entities/mustafa-al-kadhimi.md"]
    assert list(report.deferred) == ["entities/index.md"]
    assert index.read_bytes() == before
    assert loop.write_later(report.deferred).written == ["entities/index.md"]
    assert docs_files(loop.project.docs) == full_run(loop.project.root, tmp_path / "full")

    edit(loop.project.root / "seeds/entities/people.yml", "Prime minister of Iraq, 2020–22.", "Iraq's premier.")
    held = loop.run(later=lambda path, text: path == "entities/index.md").deferred
    assert list(held) == ["entities/index.md"]
    loop.run()  # the next run writes what the last one held back, even with nothing saved since
    assert docs_files(loop.project.docs) == full_run(loop.project.root, tmp_path / "again")


def test_nothing_is_held_back_when_every_changed_page_would_be(loop: Session) -> None:
    glossary_definition(loop.project.root)
    report = loop.run(later=lambda path, text: True)
    assert report.deferred == {}
    assert report.written is not None and report.written.written
