"""The real thing: `mkdocs build --strict` on seeds/, and the HTML it produces."""

from __future__ import annotations

import shutil
from pathlib import Path

from htmlpages import broken_links, read_page
from support import ROOT, copy_project, mkdocs

from generator.pipeline import Project, check

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def expected_pages() -> dict[str, str]:
    """Built page path -> expected <h1>, from the project's own validated inputs."""
    site = check(Project.at(ROOT)).valid_site()
    pages = {"index.html": site.articles[0].title, "timeline/index.html": "Timeline",
             "glossary/index.html": "Glossary", "sources/index.html": "Sources",
             "entities/index.html": "People, groups and places", "topics/index.html": "Background topics"}
    pages |= {f"articles/{a.id}/index.html": a.title for a in site.articles}
    pages |= {f"topics/{t.id}/index.html": t.title for t in site.topics}
    pages |= {f"entities/{e.id}/index.html": e.name for e in site.entities}
    return pages


def test_every_page_is_built_with_its_title(built_site: Path) -> None:
    for path, heading in expected_pages().items():
        page = built_site / "site" / path
        assert page.is_file(), f"{path} was not built"
        info = read_page(page)
        assert info.h1.strip() == heading, path
        assert info.title.startswith(heading), path


def test_every_internal_link_resolves(built_site: Path) -> None:
    assert broken_links(built_site / "site") == []


def test_broken_links_are_detected(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    page = site / "glossary" / "index.html"
    broken = ('<a href="../nowhere/">gone</a> <a href="../timeline/#no-such-year">lost</a> <a href="#nowhere">x</a>'
              '<a href="https://example.org/elsewhere/">outside</a> <a href="../timeline/">fine</a>')
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", broken + "</article>"), encoding="utf-8")
    assert broken_links(site) == ["glossary/index.html: ../nowhere/ (no such file)",
                                  "glossary/index.html: ../timeline/#no-such-year (no such anchor)",
                                  "glossary/index.html: #nowhere (no such anchor)"]


def test_generated_pages_stay_out_of_git_and_hand_written_ones_stay(built_site: Path) -> None:
    docs = built_site / "docs"
    assert (docs / "assets" / "explainer.css").is_file()
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    for top in ("index.md", "articles/", "topics/", "entities/", "timeline.md", "glossary.md", "sources.md"):
        assert f"/docs/{top}" in ignored


def test_a_dropped_in_article_gets_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for file in (FIXTURES / "second-article").iterdir():
        shutil.copy(file, project / "seeds" / "articles" / file.name)
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = project / "site" / "articles" / "2024-05-02-harbour-reopens" / "index.html"
    assert read_page(page).h1.strip() == "Harbour reopens after repairs"
    home = read_page(project / "site" / "index.html")
    assert home.h1.strip() == "Harbour reopens after repairs", "the newest article leads the home page"
    articles = [link for link in home.content_links if link.startswith("articles/")]
    assert articles.index("articles/2024-05-02-harbour-reopens/") < articles.index(
        "articles/2021-07-26-biden-kadhimi-new-phase/")


def test_broken_yaml_fails_the_build_with_a_located_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    topic = project / "seeds" / "topics" / "us-withdrawal-2011.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert 'seeds/topics/us-withdrawal-2011.yml:' in result.stderr
    assert 'unknown key "titel" (did you mean "title"?)' in result.stderr
