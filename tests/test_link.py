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


MOSUL = Entity(id="mosul", name="Mosul", kind="place", description="d", sources=("s",))
US = Entity(id="united-states", name="United States", kind="place", description="d", sources=("s",),
            aliases=(Alias(name="US"),))
SADR = Entity(id="muqtada-al-sadr", name="Muqtada al-Sadr", kind="person", description="d", sources=("s",),
              aliases=(Alias(name="Sadr"),))


def test_a_name_that_runs_on_into_a_longer_one_is_not_linked() -> None:
    linker = Linker([MOSUL, US, SADR])
    assert found(linker, "Engineers at the Mosul Dam warned Mosul.", first_only=False) == [
        ("Mosul", "mosul", "Mosul")]
    assert found(linker, "Sadr City voted for Sadr.") == [("Sadr", "muqtada-al-sadr", "Sadr")]
    assert found(linker, "The Washington Post and US Forces-Iraq.") == []


def test_a_name_before_a_title_a_function_word_or_a_day_is_still_linked() -> None:
    linker = Linker([MOSUL, US, SADR])
    assert found(linker, "US President Joe Biden", first_only=False) == [("US", "united-states", "US")]
    assert found(linker, "Back in Mosul on Monday") == [("Mosul", "mosul", "Mosul")]
    assert found(linker, "Mosul,\nDam") == [("Mosul", "mosul", "Mosul")]
    # A lone surname is never linked as a transliteration, so only the rule for exact names can link these.
    assert found(linker, "Sadr Monday, Sadr March 3, Sadr The Younger's aide and Sadr Or his deputy.",
                 first_only=False) == [("Sadr", "muqtada-al-sadr", "Sadr")] * 4


def test_a_heading_in_title_case_loses_a_link_rather_than_linking_the_wrong_page() -> None:
    linker = Linker([MOSUL, SADR])
    assert found(linker, "Sadr Supporters Rally Across Mosul Streets", first_only=False) == []
    assert found(linker, "Protests Reach Sadr City", first_only=False) == []


def test_a_transliteration_is_linked_as_printed() -> None:
    soleimani = Entity(id="qasem-soleimani", name="Qasem Soleimani", kind="person", description="d",
                       sources=("s",))
    assert found(Linker([soleimani]), "Iranian media called Qassem Suleimani a martyr.") == [
        ("Qassem Suleimani", "qasem-soleimani", "Qassem Suleimani")]
