"""Dates read against the page date, a page date far from the events, and sentences with checkable statements."""

from __future__ import annotations

import datetime as dt

from generator.claims import find_claims, sentences
from generator.dates import find_dates
from generator.review import Dates, Reader

PAGE = dt.date(2021, 12, 12)  # a Sunday


def test_dates_in_the_forms_news_copy_uses() -> None:
    text = ("On Monday the ministry said that since Dec 9 and a week ago, and in January 2020, as on "
            "26 July 2021 and 2021-07-26, the 2011 withdrawal was recalled; 2,500 troops stay this year.")
    found = [(d.text, d.date) for d in find_dates(text, PAGE, "the page date")]
    assert found == [("Monday", "2021-12-06"), ("Dec 9", "2021-12-09"), ("a week ago", "2021-12-05"),
                     ("January 2020", "2020-01"), ("26 July 2021", "2021-07-26"), ("2021-07-26", "2021-07-26"),
                     ("2011", "2011"), ("this year", "2021")]


def test_a_day_and_month_after_the_page_date_belongs_to_the_year_before() -> None:
    [date] = find_dates("The vote of Dec 20 was annulled.", dt.date(2022, 1, 5), "the page date")
    assert date.date == "2021-12-20"


def test_without_a_page_date_relative_dates_stay_unresolved() -> None:
    [monday] = find_dates("They met on Monday.", None, "the page date")
    assert monday.date is None
    assert monday.why == "a relative date, with no page date to count from"


def test_numbers_that_are_not_years_and_odd_words_are_no_dates() -> None:
    assert find_dates("About 2,500 troops and 12,000 cases; he may march.", PAGE, "the page date") == []


def read(raw: str, known: Dates | None = None) -> list[tuple[int, int, str, str | None, str]]:
    suggestions = Reader([]).read("article.txt", raw, known or Dates())
    return [(d.line, d.column, d.text, d.date, d.why) for d in suggestions.dates]


def test_a_page_date_far_after_the_dates_of_the_text_is_flagged() -> None:
    raw = "August 17, 2022\n\nOutlet\n\nTitle here | World\n\nThe strike of Dec 9 killed two, officials said.\n"
    dates = read(raw)
    assert dates[0][:4] == (1, 1, "August 17, 2022", "2022-08-17")
    assert dates[0][4].startswith("the page is dated 17 August 2022, 251 days after the events it reports "
                                  "(9 December 2021, the latest date the text gives)")
    assert dates[1] == (7, 15, "Dec 9", "2021-12-09", "a day and month: the last one up to the page date")


def test_a_page_date_close_to_the_events_is_not_flagged() -> None:
    raw = "December 12, 2021\n\nOutlet\n\nTitle here | World\n\nThe strike of Dec 9 killed two, officials said.\n"
    assert [text for _, _, text, _, _ in read(raw)] == ["Dec 9"]


def test_the_sidecar_event_date_is_where_relative_dates_count_from() -> None:
    raw = "August 17, 2022\n\nOutlet\n\nTitle here | World\n\nThe leaders met on Monday, officials said.\n"
    dates = read(raw, Dates(dt.date(2022, 8, 17), dt.date(2021, 7, 26)))
    assert "387 days after the events it reports (26 July 2021, the sidecar's event_date)" in dates[0][4]
    assert dates[1][2:4] == ("Monday", "2021-07-26")


def test_sentences_do_not_end_at_abbreviations_or_initials() -> None:
    text = "About 2,500 U.S. soldiers stay. Gen. Smith said so. George W. Bush agreed! “Why?” he asked."
    assert [s.text for s in sentences(text)] == ["About 2,500 U.S. soldiers stay.", "Gen. Smith said so.",
                                                 "George W. Bush agreed!", "“Why?” he asked."]


def test_claims_are_sentences_with_a_quote_a_number_a_date_or_a_superlative() -> None:
    text = ("“Our relationship is stronger than ever,” the minister said. The talks went on. "
            "More than 12,000 cases were reported. It was the largest protest for the first time in years. "
            "They met in 2014.")
    found = [(c.text, c.why) for c in find_claims(text, [(text.index("2014"), text.index("2014") + 4)])]
    assert found == [
        ("“Our relationship is stronger than ever,” the minister said.",
         'a quote attributed to someone; a superlative or absolute ("ever")'),
        ("More than 12,000 cases were reported.", 'a number; a superlative or absolute ("More than")'),
        ("It was the largest protest for the first time in years.", 'a superlative or absolute ("largest")'),
        ("They met in 2014.", "a date"),
    ]
