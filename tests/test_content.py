"""The curated content meets the newsroom's rules: complete, cited, and honest about what is unconfirmed.

The validator already refuses missing sources, unknown ids, duplicate URLs and
impossible dates; these tests add the editorial rules for the first story.
"""

from __future__ import annotations

import re

import pytest
from support import ROOT

from generator.pipeline import Project, check

PROJECT = Project.at(ROOT)
REPORT = check(PROJECT)
SITE = REPORT.valid_site()
TOPICS = {topic.id: topic for topic in SITE.topics}

# Items the research fact sheet marks as known from memory only: never stated as confirmed.
MEMORY_ONLY = [
    r"Abu Alaa al-Walai",
    r"Jeddah",
    r"(1 January|January 1,?) 2009",
    r"Before Bilateral Meeting",
]


def all_statements() -> list[tuple[str, bool]]:
    """Every statement on the site with whether it is labelled unverified."""
    found: list[tuple[str, bool]] = []
    for topic in SITE.topics:
        found += [(topic.summary, False), (topic.why_it_matters, False)]
        found += [(f.text + " " + f.note, f.unverified) for s in topic.sections for f in s.facts]
    for event in SITE.all_events():
        found.append((f"{event.title} {event.text}", False))
    for entity in SITE.entities:
        found.append((f"{entity.description} {entity.role}", False))
    for term in SITE.terms:
        found.append((f"{term.expansion} {term.definition}", False))
    for article in SITE.articles:
        found += [(f"{c.claim} {c.explanation}", c.verdict == "unverified") for c in article.claims]
        found += [(p.text, False) for p in (*article.why_it_matters, *article.what_to_watch)]
        found += [(f"{n.value} {n.label}", False) for n in article.key_numbers]
    return found


@pytest.mark.parametrize("pattern", MEMORY_ONLY)
def test_memory_only_facts_are_never_stated_as_confirmed(pattern: str) -> None:
    for text, unverified in all_statements():
        if re.search(pattern, text):
            assert unverified, f"unconfirmed item stated as fact: {text[:120]}"


@pytest.mark.parametrize("topic_id", ["us-withdrawal-2011", "coalition-against-islamic-state", "pro-iran-factions"])
def test_each_topic_is_complete(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", topic.summary.strip()) if s]
    assert len(sentences) == 2, "the summary is two sentences"
    assert topic.why_it_matters
    assert sum(len(s.facts) for s in topic.sections) >= 10
    assert len(topic.events) >= 8


def test_people_groups_and_places() -> None:
    assert len(SITE.entities) >= 20
    assert {"person", "organisation", "place"} <= {e.kind for e in SITE.entities}
    garbled = {a.name for e in SITE.entities for a in e.aliases if a.garbled}
    assert {"Moustaba al-Qasimi", "Hussein al-Sabi", "Ramsey Martini"} <= garbled


def test_glossary_explains_the_acronyms() -> None:
    words = {w for t in SITE.terms for w in (t.term, *t.aliases)}
    assert {"SOFA", "SFA", "PMF", "JCPOA", "CJTF-OIR", "OIR", "IS", "ISIS", "ISIL", "Daesh"} <= words


def test_article_corrections_and_claims() -> None:
    article = next(a for a in SITE.articles if a.id == "2021-07-26-biden-kadhimi-new-phase")
    assert article.page_date and article.event_date and article.page_date != article.event_date
    matches = " | ".join(c.match for c in article.corrections)
    assert "August 17, 2022" in matches, "the misleading page date is corrected"
    assert "which could lead to IS" in matches, "the sentence cut off mid-way is pointed out"
    claimed = " ".join(c.match for c in article.claims)
    for words in ("2,500", "fifty attacks", "12,000", "three months before the legislative elections",
                  "a week ago", "2011", "2014", "2015"):
        assert words in claimed, f"no claim checks {words!r}"
    assert {c.verdict for c in article.claims} <= {"accurate", "inaccurate", "garbled", "unverified", "needs-context"}


def test_every_source_is_cited_and_nothing_is_left_loose() -> None:
    assert [str(p) for p in REPORT.problems] == []
