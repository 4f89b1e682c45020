"""Finding names in running text, the transliteration spelling, matching with its refusals, and variant linking."""

from __future__ import annotations

import pytest

from generator.link import Linker
from generator.match import Matcher
from generator.model import Alias, Entity
from generator.names import find_names, name_key, spelling
from generator.review import Reader


def entity(id: str, name: str, kind: str = "person", aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=id, name=name, kind=kind, description="d", sources=("s",),
                  aliases=tuple(Alias(name=a) for a in aliases))


ENTITIES = [
    entity("mustafa-al-kadhimi", "Mustafa al-Kadhimi", aliases=("al-Kadhimi", "Kadhimi")),
    entity("ramzy-mardini", "Ramzy Mardini", aliases=("Mardini",)),
    entity("pmf", "Popular Mobilization Forces", "group", ("Hashd al-Shaabi", "PMF")),
    entity("ali-al-sistani", "Ali al-Sistani", aliases=("Sistani",)),
    entity("qais-al-khazali", "Qais al-Khazali", aliases=("al-Khazali",)),
    entity("qasem-soleimani", "Qasem Soleimani", aliases=("Soleimani",)),
    entity("kataib-hezbollah", "Kataib Hezbollah", "group", ("KH",)),
    entity("mosul", "Mosul", "place"),
    entity("baghdad", "Baghdad", "place"),
    entity("iran", "Iran", "place", ("Tehran",)),
    entity("jeb-bush", "Jeb Bush"),
    entity("fuad-hussein", "Fuad Hussein"),
    entity("brett-mcgurk", "Brett McGurk"),
    entity("hassan-nasrallah", "Hassan Nasrallah"),
]
MATCHER = Matcher(ENTITIES)


def printed(text: str) -> list[str]:
    return [span.printed for span in find_names(text)]


@pytest.mark.parametrize(("text", "names"), [
    ("Iraqi Prime Minister Moustaba al-Qasimi did not question it.", ["Moustaba al-Qasimi"]),
    ("Secretary of State Antony Blinken met Biden's aides.", ["Antony Blinken", "Biden"]),
    ("the pro-Tehran factions and Iran-aligned groups", ["Tehran", "Iran"]),
    ("a scholar at the Pearson Institute at the University of Chicago", ["Pearson Institute", "University of Chicago"]),
    ("2,500 U.S. soldiers and the UN", ["U.S.", "UN"]),
    ("George W. Bush ordered it.", ["George W. Bush"]),
    ("Grand Ayatollah Ali al-Sistani spoke.", ["Ali al-Sistani"]),
    ("It met Mustafa\nal-Kadhimi on Monday in January.", ["Mustafa al-Kadhimi"]),
    ("Prime Minister", []),
    ("In Mosul, the Mosul Dam holds.", ["Mosul", "Mosul Dam"]),
])
def test_names_are_found_without_titles_function_words_or_dates(text: str, names: list[str]) -> None:
    assert printed(text) == names


def test_a_sentence_start_is_marked_so_a_lone_capital_proves_nothing() -> None:
    spans = find_names("Summoned the head. “Officially, there are,” Ramsey Martini said, citing Iraq.")
    assert [(s.printed, s.initial) for s in spans] == [
        ("Summoned", True), ("Officially", True), ("Ramsey Martini", False), ("Iraq", False)]


@pytest.mark.parametrize("group", [
    ("Qassem", "Qasim", "Qasem", "Kasim", "Gassim"),
    ("Kadhimi", "Kazimi", "Kathimi", "Kadimi"),
    ("Moustafa", "Mustafa", "Mostafa"),
    ("Hachd", "Hashd"),
    ("Sistany", "Sistani", "Sistaani"),
    ("Abbadi", "Abadi"),
    ("Husayn", "Hussein", "Hussain"),                                       # ay, ei, ai: one vowel
    ("Sulaymaniyah", "Sulaimaniyya", "Soulaimaniyah", "Sulaimaniya"),       # the ending -iyya however written
    ("Nadschaf", "Najaf", "Nadjaf"),                                         # German dsch, French dj
])
def test_common_transliterations_share_one_spelling(group: tuple[str, ...]) -> None:
    assert len({spelling(word) for word in group}) == 1


def test_the_article_and_particles_do_not_tell_two_spellings_apart() -> None:
    assert name_key("Moustafa al-Kazimi") == name_key("Mustafa Kadhimi") == name_key("Mustafa el-Kadhimi")
    assert name_key("Abdul-Mahdi") == name_key("Abd al-Mahdi") == name_key("Abdel Mahdi")


@pytest.mark.parametrize(("name", "expected"), [
    ("Moustaba al-Qasimi", "mustafa-al-kadhimi"),
    ("Mustafa al-Qasimi", "mustafa-al-kadhimi"),
    ("Hussein al-Sabi", "pmf"),
    ("Ramsey Martini", "ramzy-mardini"),
    ("Moustafa al-Kazimi", "mustafa-al-kadhimi"),
    ("Hachd al-Chaabi", "pmf"),
    ("Qassem Suleimani", "qasem-soleimani"),
    ("Kais al-Khazaali", "qais-al-khazali"),
    ("Kataeb Hizbullah", "kataib-hezbollah"),
    ("Mossoul", "mosul"),
    ("Popular Mobilisation Forces", "pmf"),
    ("Brett Mc Gurk", "brett-mcgurk"),          # a surname split in two
    ("Hassan Nasser Allah", "hassan-nasrallah"),
])
def test_garbles_resolve_to_their_entity(name: str, expected: str) -> None:
    verdict = MATCHER.verdict(name)
    assert (verdict.status, verdict.entity) == ("variant", expected)
    assert verdict.candidates[0].entity == expected


@pytest.mark.parametrize("name", [
    "Ali Khamenei",      # the same given name as Ali al-Sistani, another surname
    "Mosul Dam",         # a place's name inside a longer one
    "Ali",               # a given name alone
    "Laith al-Khazali",  # the same surname as Qais al-Khazali, another given name
    "Hezbollah",         # a word of Kataib Hezbollah, another group
    "Iraq",              # one letter from Iran: short names may differ in vowels only
    "Baghdadi",          # a word derived from Baghdad
    "Bush",              # a surname alone: any Bush
    "Saddam Hussein",    # another Hussein
    "Hussein",
    "Forces",            # a common word
    "PMU",               # acronyms match exactly or not at all
    "Brett Gurk",        # half of a surname is not the surname
])
def test_different_people_places_and_words_are_refused(name: str) -> None:
    verdict = MATCHER.verdict(name)
    assert verdict.status == "new"
    assert verdict.entity is None


def test_exact_names_are_known() -> None:
    verdict = MATCHER.verdict("Hashd al-Shaabi")
    assert (verdict.status, verdict.entity, verdict.score) == ("known", "pmf", 100)


def test_a_name_as_close_to_two_entities_is_not_resolved() -> None:
    twins = [entity("a", "Hadi al-Amiri"), entity("b", "Hadi al-Ameri")]
    verdict = Matcher(twins).verdict("Hadi al-Amiry")
    assert verdict.status == "new"
    assert {c.entity for c in verdict.candidates} == {"a", "b"}
    assert "not resolved" in verdict.note


LINKER = Linker(ENTITIES)


def linked(text: str) -> list[tuple[str, str, bool]]:
    return [(text[m.start:m.end], m.entity, m.alias.garbled) for m in LINKER.mentions(text, first_only=False)]


def test_the_linker_links_transliterations_without_marking_them_garbled() -> None:
    text = "Prime Minister Moustafa al-Kazimi met Qassem Suleimani in Mossoul."
    assert linked(text) == [("Moustafa al-Kazimi", "mustafa-al-kadhimi", False),
                            ("Qassem Suleimani", "qasem-soleimani", False), ("Mossoul", "mosul", False)]


def test_the_linker_refuses_what_matching_refuses() -> None:
    text = "Ali Khamenei, Laith al-Khazaali, the Mossoul Dam, Hezbollah, Suleimani and Iraq."
    assert linked(text) == []


def test_exact_names_still_win_and_editor_markdown_links_exact_names_only() -> None:
    assert linked("Kadhimi and Kadhimy") == [("Kadhimi", "mustafa-al-kadhimi", False)]
    markdown = LINKER.markdown_mentions("Moustafa al-Kazimi met Mustafa al-Kadhimi.")
    assert [(m.start, m.end, m.entity) for m in markdown] == [(23, 41, "mustafa-al-kadhimi")]


def test_a_spelling_two_entities_share_links_neither() -> None:
    linker = Linker([entity("a", "Hadi al-Amiri"), entity("b", "Hadi al-Ameri"), entity("c", "Qais al-Khazali")])
    text = "Hadi al-Amiry and Kais al-Khazaali"
    assert [(m.entity, text[m.start:m.end]) for m in linker.mentions(text)] == [("c", "Kais al-Khazaali")]


def test_a_title_case_heading_yields_only_the_names_it_holds() -> None:
    raw = ("July 26, 2021\n\nWire Service\n\nPremier Mustafa Kazimi Visits Mossoul After The Talks\n\n"
           "The talks ended, officials said.\n")
    found = [(n.line, n.column, n.printed, n.verdict.status, n.verdict.entity)
             for n in Reader(ENTITIES).read("a.txt", raw).names]
    assert found == [(3, 1, "Wire Service", "new", None),
                     (5, 9, "Mustafa Kazimi", "variant", "mustafa-al-kadhimi"),
                     (5, 31, "Mossoul", "variant", "mosul")]


PLACES_AND_PEOPLE = [*ENTITIES, entity("sulaymaniyah", "Sulaymaniyah", "place"), entity("kuwait", "Kuwait", "place"),
                     entity("hezbollah", "Hezbollah", "group"), entity("badr", "Badr Organization", "group"),
                     entity("nujaba", "Harakat Hezbollah al-Nujaba", "group")]
WIDER = Matcher(PLACES_AND_PEOPLE)


@pytest.mark.parametrize(("name", "expected"), [
    ("Kuwiat", "kuwait"),                             # two letters typed the wrong way round
    ("Suleimaniyeh", "sulaymaniyah"),                 # -iyeh is the city's ending, not Soleimani's -i
    ("Soleimaniyeh", "sulaymaniyah"),
    ("Hisbollah", "hezbollah"),                       # German s for z
    ("MOSSOUL", "mosul"),                             # a dateline in capitals, misspelt
    ("Hezbollah Brigades", "kataib-hezbollah"),       # translated word by word, in English order
    ("Organization of Badr", "badr"),
    ("Movement of Hezbollah al-Nujaba", "nujaba"),
])
def test_general_garbles_resolve(name: str, expected: str) -> None:
    verdict = WIDER.verdict(name)
    assert (verdict.status, verdict.entity) == ("variant", expected)


def test_an_exact_name_in_capitals_is_known_so_apply_never_calls_it_a_misspelling() -> None:
    verdict = WIDER.verdict("BAGHDAD")
    assert (verdict.status, verdict.entity) == ("known", "baghdad")


@pytest.mark.parametrize("name", [
    "CJTF",                # an acronym in capitals is no name in capitals
    "UN",
    "Hezbollah Party",     # no entity is the party of that name
    "Brigades",
    "Badr Brigades",       # another kind of group than the Badr Organization
])
def test_general_readings_refuse_what_they_should(name: str) -> None:
    verdict = WIDER.verdict(name)
    assert verdict.status == "new", verdict


def test_one_word_where_a_place_goes_is_not_read_as_a_surname() -> None:
    raw = "May 2, 2024\n\nA Wire\n\nTalks | World\n\nThe delegation went on to Slemani. An aide of Slemani spoke.\n"
    found = [(n.printed, n.verdict.status, n.verdict.entity) for n in Reader(PLACES_AND_PEOPLE).read("a", raw).names]
    assert ("Slemani", "new", None) in found
    assert ("Slemani", "variant", "qasem-soleimani") in found


def test_a_nationality_before_a_garbled_group_is_left_out_but_not_before_a_person() -> None:
    raw = "May 2, 2024\n\nA Wire\n\nTalks | World\n\nThe Lebanese Hisbollah met the Iraqi Kazimi.\n"
    found = [(n.printed, n.verdict.status, n.verdict.entity) for n in Reader(PLACES_AND_PEOPLE).read("a", raw).names]
    assert ("Hisbollah", "variant", "hezbollah") in found
    assert ("Iraqi Kazimi", "new", None) in found


def test_an_apostrophe_for_a_hamza_stays_in_the_name_but_a_plural_possessive_does_not() -> None:
    assert printed("Mohammed Shia' al-Sudani named the Kurds' Peshmerga commander.") == [
        "Mohammed Shia' al-Sudani", "Kurds", "Peshmerga"]
