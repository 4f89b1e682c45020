"""Finding names in text: whole words, longest name first, case as written, never inside protected Markdown."""

from __future__ import annotations

from generator.link import Linker, find_quote, whole_words
from generator.model import Alias, Entity

PMF = Entity(id="pmf", name="Popular Mobilization Forces", kind="group", description="d", sources=("s",),
             aliases=(Alias(name="Popular"), Alias(name="Hussein al-Sabi", garbled=True, note="Misprinted.")))
IS = Entity(id="islamic-state", name="Islamic State", kind="group", description="d", sources=("s",),
            aliases=(Alias(name="IS"),))


def found(linker: Linker, text: str, **options: object) -> list[tuple[str, str, str]]:
    return [(text[m.start:m.end], m.entity, m.alias.name) for m in linker.mentions(text, **options)]  # type: ignore[arg-type]


def test_the_longest_name_wins_and_matches_are_whole_words() -> None:
    pattern = whole_words(["Popular", "Popular Mobilization Forces", "IS"])
    text = "The Popular Mobilization Forces, Popularity, IS, ISIS, is, THIS, (IS) and Popular."
    assert [m.group() for m in pattern.finditer(text)] == ["Popular Mobilization Forces", "IS", "IS", "Popular"]


def test_no_names_match_nothing() -> None:
    assert whole_words([]).search("anything at all") is None


def test_mentions_give_the_entity_and_the_name_as_printed() -> None:
    linker = Linker([PMF, IS])
    assert found(linker, "Hussein al-Sabi and IS met the Popular Mobilization Forces.") == [
        ("Hussein al-Sabi", "pmf", "Hussein al-Sabi"), ("IS", "islamic-state", "IS")]
    garbled = linker.mentions("Hussein al-Sabi")[0].alias
    assert (garbled.garbled, garbled.note) == (True, "Misprinted.")
    assert linker.mentions("Islamic State")[0].alias == Alias(name="Islamic State")


def test_first_only_skip_and_protected_spans() -> None:
    linker = Linker([PMF, IS])
    text = "IS, Popular, IS and Popular Mobilization Forces."
    assert found(linker, text, first_only=False) == [
        ("IS", "islamic-state", "IS"), ("Popular", "pmf", "Popular"), ("IS", "islamic-state", "IS"),
        ("Popular Mobilization Forces", "pmf", "Popular Mobilization Forces")]
    assert found(linker, text, skip=["pmf"]) == [("IS", "islamic-state", "IS")]
    assert found(linker, text, protected=[(0, 2), (4, 11)]) == [("IS", "islamic-state", "IS"),
                                                                ("Popular Mobilization Forces", "pmf",
                                                                 "Popular Mobilization Forces")]
    # A span that only overlaps a name blocks it too; the next mention of that entity is found instead.
    assert found(linker, text, protected=[(1, 3)]) == [("Popular", "pmf", "Popular"), ("IS", "islamic-state", "IS")]


def test_editor_markdown_is_linked_outside_code_links_and_html_only() -> None:
    linker = Linker([PMF, IS])
    markdown = "`IS` [IS](https://x.example) <abbr title='IS'> [IS] and then IS and Popular."
    mentions = linker.markdown_mentions(markdown)
    assert [(markdown[m.start:m.end], m.start) for m in mentions] == [("IS", 61), ("Popular", 68)]
    assert linker.markdown_mentions(markdown, skip=["islamic-state"])[0].entity == "pmf"


def test_a_name_is_given_to_the_first_entity_that_claims_it() -> None:
    other = Entity(id="other", name="Other", kind="group", description="d", sources=("s",),
                   aliases=(Alias(name="Popular"),))
    assert Linker([PMF, other]).mentions("Popular")[0].entity == "pmf"
    assert Linker([other, PMF]).mentions("Popular")[0].entity == "other"


def test_find_quote() -> None:
    assert find_quote("A quiet night in Baghdad.", "night in") == (8, 16)
    assert find_quote("A quiet night in Baghdad.", "day in") is None
    assert find_quote("Baghdad", "Baghdad") == (0, 7)


def test_a_name_right_next_to_protected_markdown_is_still_found() -> None:
    linker = Linker([IS])
    assert [(m.start, m.end) for m in linker.markdown_mentions("IS`code`")] == [(0, 2)]
    assert [(m.start, m.end) for m in linker.markdown_mentions("`code`IS")] == [(6, 8)]
