"""Text into safe Markdown: every syntax character written as a reference, marks wrapped around whole spans."""

from __future__ import annotations

import pytest

from generator.markup import Span, attribute, cell, page_text, plain, strip_markdown, wrap


def test_each_syntax_character_becomes_a_numeric_reference() -> None:
    assert plain("a&b<c>d\\e`f*g_h[i]j{k}l|m#n!o~p^q=r$s") == (
        "a&#38;b&#60;c&#62;d&#92;e&#96;f&#42;g&#95;h&#91;i&#93;j&#123;k&#125;l&#124;m&#35;n&#33;o&#126;p&#94;q"
        "&#61;r&#36;s")


def test_plain_words_and_other_punctuation_stay() -> None:
    assert plain("Mustafa al-Kadhimi, 2,500 (U.S.): “new” phase; 50% - ok?") == \
        "Mustafa al-Kadhimi, 2,500 (U.S.): “new” phase; 50% - ok?"


@pytest.mark.parametrize(("text", "expected"), [
    ("- not a list", "&#45; not a list"), ("+ not a list", "&#43; not a list"), ("> not a quote", "&#62; not a quote"),
    ("  - indented", "  &#45; indented"), ("12. not a list", "12&#46; not a list"),
    ("3) not a list", "3&#41; not a list"),
    ("2021 was a year.", "2021 was a year."), ("a - b", "a - b"),
])
def test_a_line_that_would_start_a_list_or_quote_does_not(text: str, expected: str) -> None:
    assert plain(text) == expected


def test_control_characters_show_as_replacement_and_lines_join() -> None:
    assert plain("a\x00b\x07c\x1fd\x7fe\tf") == "a\ufffdb\ufffdc\ufffdd\ufffde\tf"  # a tab is white space
    assert plain("one\ntwo\rthree") == "one two three"


def test_attribute_text_also_defuses_quotes() -> None:
    assert attribute('Say "hi" & <b>') == "Say &quot;hi&quot; &#38; &#60;b&#62;"


def test_page_text_escapes_html_only() -> None:
    assert page_text('Tom & "Jerry" <b>*x*</b>') == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;*x*&lt;/b&gt;"


def test_wrap_puts_markup_around_spans_and_escapes_between() -> None:
    text = "Biden met al-Kadhimi *today*."
    spans = [Span(0, 5, "[", "](a.md)"), Span(10, 20, "<b>", "</b>")]
    assert wrap(text, spans) == "[Biden](a.md) met <b>al-Kadhimi</b> &#42;today&#42;."


def test_nested_spans_close_inside_out_and_crossing_ones_are_dropped() -> None:
    text = "abcdefgh"
    nested = [Span(0, 8, "<o>", "</o>"), Span(2, 4, "<i>", "</i>"), Span(2, 4, "<j>", "</j>")]
    assert wrap(text, nested) == "<o>ab<i><j>cd</j></i>efgh</o>"
    crossing = [Span(0, 4, "<a>", "</a>"), Span(2, 6, "<b>", "</b>"), Span(6, 8, "<c>", "</c>")]
    assert wrap(text, crossing) == "<a>abcd</a>ef<c>gh</c>"


def test_a_span_that_starts_where_another_ends_is_kept() -> None:
    touching = [Span(0, 2, "<x>", "</x>"), Span(2, 4, "<y>", "</y>")]
    assert wrap("abcd", touching) == "<x>ab</x><y>cd</y>"


def test_a_table_cell_is_one_line_with_no_bar_and_its_words_as_written() -> None:
    assert cell("Two  spaces\nthen | a bar") == "Two  spaces then &#124; a bar"


def test_spans_are_applied_whatever_their_order() -> None:
    spans = [Span(4, 5, "(", ")"), Span(0, 1, "[", "]")]
    assert wrap("a b c", spans) == "[a] b (c)"


def test_a_span_at_the_start_still_escapes_a_list_marker_after_it() -> None:
    assert wrap("- item", []) == "&#45; item"
    assert wrap("x - item", [Span(0, 1, "<b>", "</b>")]) == "<b>x</b> - item"


def test_markdown_text_is_wrapped_without_escaping() -> None:
    assert wrap("*Biden* said", [Span(1, 6, "[", "](a.md)")], markdown=True) == "*[Biden](a.md)* said"


@pytest.mark.parametrize(("markdown", "text"), [
    ("See [the report](https://a.example/x) now", "See the report now"),
    ("An ![image](a.png) here", "An image here"),
    ("**bold**, *italic*, `code`, __under__ and _it_", "bold, italic, code, under and it"),
    ("7*7 and snake_case_name stay", "7*7 and snake_case_name stay"),
    ("  spaced\n  out  ", "spaced out"),
])
def test_strip_markdown_keeps_the_words(markdown: str, text: str) -> None:
    assert strip_markdown(markdown) == text


def test_spans_that_start_together_nest_the_longer_outside() -> None:
    spans = [Span(0, 3, "<i>", "</i>"), Span(0, 8, "<o>", "</o>")]
    assert wrap("abcdefgh", spans) == "<o><i>abc</i>defgh</o>"


def test_only_the_text_at_the_start_of_the_line_is_escaped_as_a_line_start() -> None:
    assert wrap("- item x", [Span(7, 8, "<b>", "</b>")]) == "&#45; item <b>x</b>"
    assert wrap("a - b", [Span(0, 1, "<b>", "</b>"), Span(4, 5, "<i>", "</i>")]) == "<b>a</b> - <i>b</i>"


def test_line_breaks_between_spans_become_spaces() -> None:
    assert wrap("a\nb c", [Span(0, 1, "<b>", "</b>")]) == "<b>a</b> b c"
    assert wrap("a\nb c", [Span(4, 5, "<b>", "</b>")]) == "a b <b>c</b>"
