"""The writer: only changed pages are written, stale ones removed, hand-written ones never touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.write import atomic_write, read_manifest, write_pages


def test_first_write_then_nothing_to_do(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "topics/a.md": "# A\n"}
    first = write_pages(pages, tmp_path)
    assert first.written == ["index.md", "topics/a.md"]
    before = {p: (tmp_path / p).stat().st_mtime_ns for p in pages}
    again = write_pages(pages, tmp_path)
    assert (again.written, again.removed, again.unchanged) == ([], [], ["index.md", "topics/a.md"])
    assert {p: (tmp_path / p).stat().st_mtime_ns for p in pages} == before


def test_only_changed_pages_are_rewritten(tmp_path: Path) -> None:
    write_pages({"index.md": "# Home\n", "topics/a.md": "# A\n"}, tmp_path)
    report = write_pages({"index.md": "# Home\n", "topics/a.md": "# A, edited\n"}, tmp_path)
    assert report.written == ["topics/a.md"]
    assert (tmp_path / "topics/a.md").read_text(encoding="utf-8") == "# A, edited\n"


def test_pages_whose_source_is_gone_are_removed(tmp_path: Path) -> None:
    write_pages({"index.md": "# Home\n", "topics/a.md": "# A\n"}, tmp_path)
    report = write_pages({"index.md": "# Home\n"}, tmp_path)
    assert report.removed == ["topics/a.md"]
    assert not (tmp_path / "topics").exists(), "the emptied folder goes too"


def test_hand_written_files_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "extra.css").write_text("body {}", encoding="utf-8")
    write_pages({"index.md": "# Home\n"}, tmp_path)
    write_pages({}, tmp_path)
    assert (tmp_path / "assets" / "extra.css").read_text(encoding="utf-8") == "body {}"


def test_a_hand_written_page_in_the_way_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "glossary.md").write_text("# My own glossary\n", encoding="utf-8")
    with pytest.raises(OutputError, match="did not write"):
        write_pages({"index.md": "# Home\n", "glossary.md": "# Glossary\n"}, tmp_path)
    assert (tmp_path / "glossary.md").read_text(encoding="utf-8") == "# My own glossary\n"
    assert not (tmp_path / "index.md").exists(), "nothing is written when one page cannot be"


def test_the_error_names_the_file_in_the_way_and_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "glossary.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_pages({"glossary.md": "# Glossary\n"}, tmp_path)
    assert str(caught.value) == (f"{tmp_path / 'glossary.md'}: a file that the generator did not write is where it "
                                 "must write a page; move or rename the hand-written file")


def test_a_failed_replace_leaves_no_temporary_file_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "index.md").mkdir()  # a folder where the page goes: the last step, the rename, fails
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path / "index.md", b"# Home\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["index.md"]


def test_the_temporary_file_is_hidden_beside_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside it, so the rename is one step on one file system; hidden, so MkDocs never publishes a half-written page
    a crash left behind (it skips dot files)."""
    renamed: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(source: str, target: Path) -> None:
        renamed.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "a" / "index.md", b"# Home\n")
    [(temporary, target)] = renamed
    assert (temporary.parent, temporary.name[:5], target) == (tmp_path / "a", ".tmp-", tmp_path / "a" / "index.md")


def test_the_manifest_lists_exactly_the_pages_written(tmp_path: Path) -> None:
    write_pages({"b.md": "B\n", "a/c.md": "C\n"}, tmp_path)
    assert read_manifest(tmp_path) == {"a/c.md", "b.md"}
    write_pages({"b.md": "B\n"}, tmp_path)
    assert read_manifest(tmp_path) == {"b.md"}


def test_pages_go_into_folders_made_as_deep_as_needed(tmp_path: Path) -> None:
    report = write_pages({"a/b/c/page.md": "Deep\n"}, tmp_path)
    assert report.written == ["a/b/c/page.md"]
    assert (tmp_path / "a" / "b" / "c" / "page.md").read_text(encoding="utf-8") == "Deep\n"
