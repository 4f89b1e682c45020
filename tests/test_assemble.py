"""Assembling the site: checks across files, on the minimal seeds changed one way at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import CASES

from generator.errors import InputError
from generator.pipeline import Project, check

MINIMAL = CASES / "good" / "minimal" / "seeds"


def problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        check(Project.at(root)).valid_site()
    return [str(problem) for problem in caught.value.problems]


def test_references_to_a_kind_with_no_file_at_all_are_unknown(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "seeds")
    shutil.rmtree(tmp_path / "seeds" / "topics")
    assert problems(tmp_path) == [
        'seeds/articles/2021-07-26-meeting.yml:11:12: context[0].topic: unknown topic "the-meeting"',
        'seeds/entities/people.yml:13:14: entities[1].topics[0]: unknown topic "the-meeting"',
    ]


def with_files(tmp_path: Path, files: dict[str, str]) -> Path:
    """The minimal seeds with `files` (paths under seeds/) added or replaced."""
    shutil.copytree(MINIMAL, tmp_path / "seeds")
    for name, text in files.items():
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_term_or_alias_claimed_by_two_terms(tmp_path: Path) -> None:
    root = with_files(tmp_path, {"glossary/z-more.yml": (
        "terms:\n  - id: usa\n    term: USA\n    aliases: [U.S.]\n    definition: D.\n"
        "    sources: [example-2021-07-26-meeting]\n"
        "  - id: us-again\n    term: U.S.\n    definition: D.\n    sources: [example-2021-07-26-meeting]\n")})
    assert problems(root) == ['seeds/glossary/z-more.yml:4:15: terms[0].aliases[0]: "U.S." is already a term or '
                              "alias of us",
                              'seeds/glossary/z-more.yml:8:11: terms[1].term: "U.S." is already a term or alias of us']


def test_one_address_listed_as_two_sources(tmp_path: Path) -> None:
    root = with_files(tmp_path, {"sources/z-copy.yml": (
        "sources:\n  - id: copy\n    title: T\n    publisher: P\n    kind: wire\n"
        "    url: https://example.org/2021/07/26/meeting\n")})
    assert problems(root) == ["seeds/sources/z-copy.yml:6:10: sources[0].url: the same address is already listed as "
                              "source example-2021-07-26-meeting"]


def test_two_sections_of_a_topic_with_one_id(tmp_path: Path) -> None:
    topic = (MINIMAL / "topics" / "the-meeting.yml").read_text(encoding="utf-8")
    twice = topic.replace("sections:\n", "sections:\n  - id: the-talks\n    title: Again\n    facts:\n"
                          "      - text: F.\n        sources: [example-2021-07-26-meeting]\n", 1)
    root = with_files(tmp_path, {"topics/the-meeting.yml": twice})
    assert problems(root) == ['seeds/topics/the-meeting.yml:9:9: sections[1].id: duplicate section id "the-talks" '
                              "in this topic"]


def test_a_sidecar_without_its_article_text(tmp_path: Path) -> None:
    root = with_files(tmp_path, {"articles/2021-07-27-alone.yml": "summary: Alone.\n",
                                 "articles/2021-07-28-alone.yml": "summary: Alone too.\n"})
    # A problem with the file as a whole is located at the file: no line, column or key (JSON output gives 0, "").
    with pytest.raises(InputError) as caught:
        check(Project.at(root)).valid_site()
    assert [(p.file, p.line, p.column, p.key, p.message) for p in caught.value.problems] == [
        (f"seeds/articles/2021-07-2{day}-alone.yml", 0, 0, "", f'no article text beside this file: add '
         f'"2021-07-2{day}-alone.txt" (or .html, .htm, .mhtml, .mht, .md, .json, .xml)') for day in (7, 8)]


def test_the_sidecar_gives_the_headline_a_text_lacks(tmp_path: Path) -> None:
    page = ("<html><body><article><p>The council met on Monday and agreed the budget for the year.</p></article>"
            "</body></html>")
    root = with_files(tmp_path, {"articles/2021-07-25-empty.txt": "Headline only\n",
                                 "articles/2021-07-27-untitled.html": page,
                                 "articles/2021-07-27-untitled.yml": "summary: S.\n",
                                 "articles/2021-07-28-untitled.html": page})
    with pytest.raises(InputError) as caught:
        check(Project.at(root)).valid_site()
    # A text that cannot be read stops neither the texts after it nor their checks.
    assert [(str(p), p.key) for p in caught.value.problems][1:] == [
        (f"seeds/articles/2021-07-2{day}-untitled.html:1:1: no headline found: set `title:` in "
         f"seeds/articles/2021-07-2{day}-untitled.yml", "") for day in (7, 8)]
    assert str(caught.value.problems[0]).startswith("seeds/articles/2021-07-25-empty.txt:")
    for name in ("2021-07-25-empty.txt", "2021-07-28-untitled.html"):
        (root / "seeds" / "articles" / name).unlink()
    (root / "seeds" / "articles" / "2021-07-27-untitled.yml").write_text("title: Budget agreed\nsummary: S.\n",
                                                                         encoding="utf-8")
    site = check(Project.at(root)).valid_site()
    assert [a.title for a in site.articles if a.id == "2021-07-27-untitled"] == ["Budget agreed"]


def test_an_article_file_name_that_is_not_an_id(tmp_path: Path) -> None:
    root = with_files(tmp_path, {"articles/Big_Story.txt": "Headline\n\nA paragraph.\n"})
    assert problems(root) == ['seeds/articles/Big_Story.txt: the file name "Big_Story" is not a valid id: use '
                              'lowercase letters, digits and single hyphens, like "mosul-2014"']


@pytest.mark.parametrize("date_line", ["July 26, 2021", "2021-07-26"])
def test_a_correction_may_quote_the_page_date_in_either_form(tmp_path: Path, date_line: str) -> None:
    article = (MINIMAL / "articles" / "2021-07-26-meeting.txt").read_text(encoding="utf-8")
    sidecar = (MINIMAL / "articles" / "2021-07-26-meeting.yml").read_text(encoding="utf-8")
    root = with_files(tmp_path, {
        "articles/2021-07-26-meeting.txt": article.replace("July 26, 2021", date_line, 1),
        "articles/2021-07-26-meeting.yml": sidecar + (f'corrections:\n  - match: "{date_line}"\n'
                                                      '    correction: "The page shows the wrong date."\n'
                                                      "    sources: [example-2021-07-26-meeting]\n")})
    site = check(Project.at(root)).valid_site()
    assert [c.match for c in site.articles[0].corrections] == [date_line]
