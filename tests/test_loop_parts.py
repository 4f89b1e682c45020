"""The parts the editor's loop rests on: file digests, the glossary scan, partial writes, located template errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import CASES, copy_project

from generator.cache import Digests
from generator.errors import InputError
from generator.link import words_in
from generator.pipeline import Project, generate
from generator.session import Session
from generator.write import write_pages


def test_a_save_within_the_clock_tick_is_seen(tmp_path: Path) -> None:
    """Same size, same modification time, new bytes: a file written a moment ago is hashed again."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / "a.yml"
    path.write_text("name: one\n", encoding="utf-8")
    digests = Digests()
    before = digests.of(tmp_path, [folder])
    stamp = path.stat().st_mtime_ns
    path.write_text("name: two\n", encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    after = digests.of(tmp_path, [folder])
    assert before.keys() == after.keys() == {"seeds/a.yml"}
    assert before["seeds/a.yml"] != after["seeds/a.yml"]


def test_new_and_deleted_files_change_the_digests(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.j2").write_text("a", encoding="utf-8")
    digests = Digests()
    assert set(digests.of(tmp_path, [folder])) == {"templates/sub/a.j2"}
    (folder / "b.j2").write_text("b", encoding="utf-8")
    (folder / "sub" / "a.j2").unlink()
    assert set(digests.of(tmp_path, [folder])) == {"templates/b.j2"}


def uses(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


ALPHABET = st.sampled_from("ab -.(C")


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(ALPHABET, max_size=30), max_size=3),
       words=st.sets(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=6))
def test_one_scan_finds_the_words_a_search_per_word_finds(texts: list[str], words: set[str]) -> None:
    assert words_in(texts, words) == {word for word in words if any(uses(text, word) for text in texts)}


def test_words_inside_and_at_the_start_of_longer_ones_are_found() -> None:
    assert words_in(["The CJTF-OIR command and SOFA Plus"], ["OIR", "CJTF-OIR", "SOFA", "SOFA Plus", "IR"]) == {
        "OIR", "CJTF-OIR", "SOFA", "SOFA Plus"}
    assert words_in(["The G-20 met."], ["G", "G-20"]) == {"G", "G-20"}  # a one-letter word at the start too


def test_a_partial_write_leaves_other_pages_alone_and_removes_the_gone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages({"a.md": "a\n", "b.md": "b\n", "c/d.md": "d\n"}, docs)
    stamp = (docs / "a.md").stat().st_mtime_ns
    report = write_pages({"b.md": "B\n", "e.md": "e\n"}, docs, every=["a.md", "b.md", "e.md"])
    assert (report.written, report.removed) == (["b.md", "e.md"], ["c/d.md"])
    assert (docs / "a.md").stat().st_mtime_ns == stamp
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) == ["a.md", "b.md", "e.md"]
    assert not (docs / "c").exists()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("{% if entity.role %}", "{% if entity.role %", "templates/entity.md.j2:11:1: unexpected char '#' at"),
    ("{{ entity.name | plain }}", "{{ entity.nmae | plain }}",
     "templates/entity.md.j2:3:1: 'generator.model.Entity object' has no attribute 'nmae'"),
    ('{% include "citations.md.j2" %}', '{% include "citation.md.j2" %}',
     'templates/entity.md.j2:47:1: no template "citation.md.j2" in templates/'),
])
def test_a_mistake_in_a_template_is_located(project: Path, old: str, new: str, expected: str) -> None:
    template = project / "templates" / "entity.md.j2"
    text = template.read_text(encoding="utf-8")
    assert text.count(old) == 1
    template.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        generate(Project.at(project))
    assert str(raised.value).startswith(expected), str(raised.value)
    assert not (project / "docs" / "entities").exists(), "a failed run wrote pages"


def test_a_template_may_not_read_what_the_loop_cannot_compare(project: Path) -> None:
    home = project / "templates" / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "{{ site.all_events() | length }}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        generate(Project.at(project))
    assert str(raised.value) == ("templates/home.md.j2:68:1: 'generator.depends.SiteView object' has no attribute "
                                 "'all_events'")


def test_the_loop_sees_a_section_an_article_links_to_renamed_away(tmp_path: Path) -> None:
    """The article's file is unchanged, so its quote check is kept from the last run unless it depends on the
    topics its context links name: renaming the section it links to must still be reported."""
    root = copy_project(tmp_path / "project", CASES / "good" / "minimal" / "seeds")
    session = Session(Project.at(root))
    session.run()
    topic = root / "seeds" / "topics" / "the-meeting.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("id: the-talks", "id: the-agenda"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        session.run()
    assert [(p.file, p.key) for p in caught.value.problems] == [
        ("seeds/articles/2021-07-26-meeting.yml", "context[0].section")]


def test_every_article_keeps_its_quote_problems(tmp_path: Path) -> None:
    """Each article's sidecar is checked against its own text, and the problems of all are reported."""
    root = copy_project(tmp_path / "project", CASES / "good" / "minimal" / "seeds")
    articles = root / "seeds" / "articles"
    for day in ("24", "25"):
        (articles / f"2021-07-{day}-alone.yml").write_text("summary: S.\n", encoding="utf-8")
    sidecar = (articles / "2021-07-26-meeting.yml").read_text(encoding="utf-8")
    (articles / "2021-07-26-meeting.yml").write_text(sidecar.replace('match: "met Mustafa al-Kadhimi"',
                                                                     'match: "never printed"'), encoding="utf-8")
    text = (articles / "2021-07-26-meeting.txt").read_text(encoding="utf-8")
    (articles / "2021-07-27-later.txt").write_text(text, encoding="utf-8")
    (articles / "2021-07-27-later.yml").write_text(sidecar, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generate(Project.at(root), write=False)
    assert sorted((p.file, p.key) for p in caught.value.problems) == [
        ("seeds/articles/2021-07-24-alone.yml", ""), ("seeds/articles/2021-07-25-alone.yml", ""),
        ("seeds/articles/2021-07-26-meeting.yml", "context[0].match")]
