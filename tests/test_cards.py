"""Share cards: every page names a 1200×630 PNG card, drawn offline, the same bytes every time."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest

from generator.cards import Card, card_key, draw, render_cards, stored_key
from generator.model import Site

CARD = Card("Biden announces “new” phase in relations with Iraq", "Article", "Explainer")


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found, position = [], 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        found.append((kind, png[position + 8: position + 8 + length]))
        position += 12 + length
    return found


def test_a_card_is_1200_by_630_and_holds_no_time_stamp() -> None:
    found = chunks(draw(CARD))
    width, height = struct.unpack(">II", found[0][1][:8])
    assert (width, height) == (1200, 630)
    assert {kind for kind, _ in found} <= {b"IHDR", b"PLTE", b"tEXt", b"IDAT", b"IEND"}
    assert [data.split(b"\0")[0] for kind, data in found if kind == b"tEXt"] == [b"explainer-card"]


def test_two_renders_are_byte_identical() -> None:
    assert draw(CARD) == draw(Card(CARD.title, CARD.kind, CARD.site_name))


def test_what_the_card_shows_changes_its_pixels() -> None:
    pixels = {zlib.decompress(b"".join(d for k, d in chunks(draw(card)) if k == b"IDAT"))
              for card in (CARD, Card(CARD.title + "!", "Article", "Explainer"), Card(CARD.title, "Topic", "Explainer"),
                           Card(CARD.title, "Article", "Another site"))}
    assert len(pixels) == 4


def test_a_long_title_still_fits() -> None:
    assert len(chunks(draw(Card("word " * 80, "Article", "Explainer")))) >= 4


def test_an_unchanged_card_is_reused_and_a_changed_one_redrawn(tmp_path: Path) -> None:
    pages = {"articles/a.md": '---\ntitle: "Old title"\ndescription: "x"\n---\n# Old\n'}
    site = Site((), (), (), (), ())
    first = render_cards(pages, site, tmp_path, "Explainer")
    (tmp_path / "cards" / "articles").mkdir(parents=True)
    marked = first["cards/articles/a.png"]
    (tmp_path / "cards/articles/a.png").write_bytes(marked)
    assert stored_key(marked) == card_key(Card("Old title", "Article", "Explainer"))
    assert render_cards(pages, site, tmp_path, "Explainer")["cards/articles/a.png"] is not marked  # read back
    assert render_cards(pages, site, tmp_path, "Explainer")["cards/articles/a.png"] == marked
    renamed = {"articles/a.md": pages["articles/a.md"].replace("Old title", "New title")}
    assert render_cards(renamed, site, tmp_path, "Explainer")["cards/articles/a.png"] != marked


@pytest.mark.slow
def test_every_page_has_share_meta_pointing_at_its_card(built_site: Path) -> None:
    site = built_site / "site"
    # The text-only edition is left out: it is copied as it is, with no picture, and links to its full pages.
    pages = sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != "lite")
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert image, f"{page} has no og:image"
        assert image[1].startswith("https://example.github.io/explainer/cards/"), image[1]
        card = site / image[1].removeprefix("https://example.github.io/explainer/")
        assert card.is_file(), f"{page}: {card} is missing"
        assert struct.unpack(">II", card.read_bytes()[16:24]) == (1200, 630)
        for name in ("og:title", "og:description", "og:site_name"):
            assert f'<meta property="{name}" content="' in html, (page, name)
        assert '<meta name="twitter:card" content="summary_large_image">' in html
    article = (site / "articles" / "2021-07-26-biden-kadhimi-new-phase" / "index.html").read_text(encoding="utf-8")
    assert ('<meta property="og:image" content="https://example.github.io/explainer/cards/articles/'
            '2021-07-26-biden-kadhimi-new-phase.png">') in article
    assert '<meta property="og:type" content="article">' in article
