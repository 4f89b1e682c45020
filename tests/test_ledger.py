"""Updates and corrections as readers see them: each page's history, the site-wide page and the JSON-LD.

The built-site tests read the real `mkdocs build` of `seeds/`, whose article has two follow-ups (the
election results of October 2021 and the end of the combat mission on 9 December 2021) and the corrections of
1 December 2026 that followed the audit against AFP's French original; the others
render the golden fixture story, which also has a correction, a clarification and entries on a
topic and an entity. Expected values are written out by hand from those YAML files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from htmlpages import Element, internal_target, parse_html, read_page

from generator.cli import main
from generator.pipeline import Project, generate

ARTICLE = "articles/2021-07-26-biden-kadhimi-new-phase"
GOLDEN = Path(__file__).resolve().parent / "golden"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def rendered(seeds: Path, tmp_path: Path) -> dict[str, str]:
    shutil.copytree(seeds, tmp_path / "seeds")
    return generate(Project(tmp_path, tmp_path / "seeds", TEMPLATES, tmp_path / "docs"), write=False).pages


def front_matter_jsonld(page: str) -> dict[str, object] | None:
    head = page.split("\n---\n")[0]
    line = next((line for line in head.splitlines() if line.startswith("jsonld: ")), None)
    return json.loads(line.removeprefix("jsonld: ")) if line else None


def content(site: Path, page: str) -> Element:
    found = parse_html(site / page / "index.html").find("article")
    assert found is not None
    return found


@pytest.mark.slow
def test_the_article_shows_its_latest_update_dated_at_the_top(built_site: Path) -> None:
    article = content(built_site / "site", ARTICLE)
    text = " ".join(article.text().split())
    assert text.index("Last updated 1 December 2026") < text.index("Outlet:") < text.index("The article")
    latest = article.find("div", cls="admonition")
    assert latest is not None
    assert " ".join(latest.text().split()).startswith(
        'Correction, 1 December 2026 The verdict on "the friendship … has been torn" changes from unverified to '
        "garbled")
    link = latest.find("a", href="./#check-pro-us-factions")
    assert link is not None and "check-pro-us-factions" in read_page(
        built_site / "site" / ARTICLE / "index.html").ids


@pytest.mark.slow
def test_every_entry_is_listed_newest_first_in_a_collapsed_list(built_site: Path) -> None:
    history = content(built_site / "site", ARTICLE).find("details")
    assert history is not None and "open" not in history.attrs
    summary = history.find("summary")
    assert summary is not None and summary.text() == "All updates and corrections to this page (6)"
    items = [" ".join(item.text().split()) for item in history.find_all("li")]
    assert [item.split(":")[0] for item in items] == [
        "1 December 2026, correction (about the claim “Al-Kadhimi was torn between the US and powerful pro-Iran "
        "factions.”)",
        "1 December 2026, correction (about the claim “Al-Kadhimi said at the meeting that the relationship with the "
        "US was stronger than ever.”)",
        "1 December 2026, correction (about the claim “The announced end of the combat mission did not call the "
        "presence of US troops in Iraq into question.”)",
        "1 December 2026, correction",
        "9 December 2021, update (about the claim “Biden said the US would no longer be in a combat mission in Iraq "
        "by the end of 2021.”)", "17 October 2021, update"]


@pytest.mark.slow
def test_topic_entries_link_to_the_section_they_change(built_site: Path) -> None:
    topic = content(built_site / "site", "topics/pro-iran-factions")
    assert "Last updated 1 December 2026" in " ".join(topic.text().split())
    assert topic.find("a", href="./#fatah-in-politics") is not None
    assert topic.find("a", href="./#size-and-leaders") is not None


@pytest.mark.slow
def test_the_corrections_page_lists_every_entry_newest_first_each_linking_to_its_place(built_site: Path) -> None:
    site = built_site / "site"
    page = content(site, "updates")
    entries = [item for item in page.find_all("li") if item.find("strong")]
    dates_and_links = [(entry.find("strong").text(), entry.find_all("a")[0].attrs["href"])  # type: ignore[union-attr]
                       for entry in entries]
    assert dates_and_links == [
        ("1 December 2026, correction", f"../{ARTICLE}/#check-pro-us-factions"),
        ("1 December 2026, correction", f"../{ARTICLE}/#check-relationship-stronger"),
        ("1 December 2026, correction", f"../{ARTICLE}/#check-presence-not-questioned"),
        ("1 December 2026, correction", f"../{ARTICLE}/#updates"),
        ("1 December 2026, correction", "../topics/coalition-against-islamic-state/#updates"),
        ("1 December 2026, correction", "../topics/coalition-against-islamic-state/#global-coalition"),
        ("1 December 2026, clarification", "../topics/pro-iran-factions/#updates"),
        ("1 December 2026, correction", "../topics/pro-iran-factions/#attacks-in-2021"),
        ("1 December 2026, correction", "../topics/pro-iran-factions/#size-and-leaders"),
        ("1 December 2026, clarification", "../topics/us-withdrawal-2011/#updates"),
        ("1 December 2026, correction", "../topics/us-withdrawal-2011/#last-troops-leave"),
        ("9 December 2021, update", f"../{ARTICLE}/#check-no-combat-by-year-end"),
        ("17 October 2021, update", f"../{ARTICLE}/#updates"),
        ("17 October 2021, update", "../topics/pro-iran-factions/#fatah-in-politics"),
    ]
    for _, href in dates_and_links:
        target = internal_target(site / "updates" / "index.html", href)
        assert target is not None
        assert target[1] in read_page(target[0]).ids, href


@pytest.mark.slow
def test_json_ld_dates_the_change(built_site: Path) -> None:
    site = built_site / "site"

    def jsonld(page: str) -> list[dict[str, object]]:
        text = (site / page / "index.html").read_text(encoding="utf-8")
        start = text.find('<script type="application/ld+json">')
        if start < 0:
            return []
        data = json.loads(text[start:].split(">", 1)[1].split("</script>", 1)[0])
        return list(data.get("@graph", [data]))

    news = next(item for item in jsonld(ARTICLE) if item["@type"] == "NewsArticle")
    assert news["dateModified"] == "2026-12-01"
    corrections = news["correction"]
    assert isinstance(corrections, list) and len(corrections) == 4
    assert {c["@type"] for c in corrections} == {"CorrectionComment"}
    assert {c["datePublished"] for c in corrections} == {"2026-12-01"}
    topic = jsonld("topics/pro-iran-factions")
    assert [(t["@type"], t["name"], t["dateModified"]) for t in topic] == [
        ("WebPage", "The pro-Iran factions and the Popular Mobilization Forces", "2026-12-01")]
    assert [c["datePublished"] for c in topic[0]["correction"]] == ["2026-12-01", "2026-12-01"]  # type: ignore[index]
    assert jsonld("entities/iran") == []


def test_corrections_get_correction_comments_and_every_page_with_entries_a_date(tmp_path: Path) -> None:
    pages = rendered(GOLDEN / "seeds", tmp_path)
    article = front_matter_jsonld(pages["articles/bridge-vote.md"])
    assert article is not None
    news = article["@graph"][0]  # type: ignore[index]
    assert news["dateModified"] == "2024-05-10"
    assert news["correction"] == [{"@type": "CorrectionComment", "datePublished": "2024-04-02",
                                   "text": "The plan needs 120 workers, not 12 as this page first said."}]
    assert front_matter_jsonld(pages["entities/jon-smith.md"]) == {
        "@context": "https://schema.org", "@type": "WebPage", "name": "Jon Smith", "dateModified": "2024-03-20"}
    assert front_matter_jsonld(pages["entities/river-authority.md"]) is None


def test_the_latest_update_or_correction_heads_the_page_and_a_clarification_does_not(tmp_path: Path) -> None:
    """Entries of the same day keep the order they are written in, newest (last written) first."""
    seeds = tmp_path / "story"
    shutil.copytree(GOLDEN / "seeds", seeds)
    sidecar = seeds / "articles" / "bridge-vote.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + """  - date: 2024-06-30
    kind: clarification
    text: A clarification written last.
    sources: [example-daily-vote]
""", encoding="utf-8")
    page = rendered(seeds, tmp_path / "out")["articles/bridge-vote.md"]
    top = page.split("## The article")[0]
    assert "Last updated 30 June 2024\n{ #updates .last-updated }" in top
    assert '!!! info "Update, 10 May 2024"' in top, "the clarification is not a headline"
    order = [line.split("</span>")[1].split("**")[1] for line in top.splitlines() if line.startswith("    - <span")]
    assert order == ["30 June 2024, clarification", "10 May 2024, update", "10 May 2024, clarification",
                     "2 April 2024, correction"]


def test_every_date_comes_from_the_yaml(tmp_path: Path) -> None:
    seeds = tmp_path / "story"
    shutil.copytree(GOLDEN / "seeds", seeds)
    topic = seeds / "topics" / "bridges.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("date: 2024-04-20", "date: 1999-02-03"),
                     encoding="utf-8")
    pages = rendered(seeds, tmp_path / "out")
    assert "Last updated 3 February 1999" in pages["topics/bridges.md"]
    assert '!!! info "Update, 3 February 1999"' in pages["topics/bridges.md"]
    assert "- **3 February 1999, update** on [Bridges of Exampletown]" in pages["updates.md"]


def test_a_glossary_term_used_only_in_an_update_is_not_reported_unused(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parent / "cases" / "good" / "minimal" / "seeds", seeds)
    with (seeds / "glossary" / "terms.yml").open("a", encoding="utf-8") as stream:
        stream.write('  - id: covax\n    term: "COVAX"\n    definition: "A vaccine-sharing scheme."\n'
                     "    sources: [example-2021-07-26-meeting]\n")
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert 'term "covax" is never used' in capsys.readouterr().out
    with (seeds / "articles" / "2021-07-26-meeting.yml").open("a", encoding="utf-8") as stream:
        stream.write("updates:\n  - date: 2021-08-15\n    kind: update\n    text: Doses arrived through COVAX.\n"
                     "    sources: [example-2021-07-26-meeting]\n")
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().out == ("ok: 1 article, 1 topic, 2 entities, 2 events, 1 source, 2 terms; "
                                       "no problems found\n")
