"""Locator maps: the base map is the vendored extract, places are marked where they are, links lead home."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.maps import Place, basemap, coordinates_text, map_figure, page_href

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(("source", "target", "href"), [
    ("topics/us-withdrawal-2011.md", "entities/baghdad.md", "../../entities/baghdad/"),
    ("index.md", "entities/baghdad.md", "entities/baghdad/"),
    ("entities/index.md", "entities/baghdad.md", "baghdad/"),
    ("entities/erbil.md", "entities/baghdad.md", "../baghdad/"),
    ("entities/baghdad.md", "index.md", "../../"),
])
def test_links_are_written_as_the_built_sites_addresses(source: str, target: str, href: str) -> None:
    assert page_href(source, target) == href


def test_the_base_map_is_iraq_and_its_neighbours() -> None:
    names = {feature["properties"]["name"] for feature in basemap()["features"]}
    assert {"Iraq", "Iran", "Syria", "Turkey", "Kuwait", "Saudi Arabia", "Jordan"} <= names
    assert basemap()["bbox"] == [35.0, 28.0, 50.5, 38.6]


def test_places_are_marked_where_they_are() -> None:
    places = [Place("baghdad", "Baghdad", 33.3128, 44.3615, "b/", ("s",)),
              Place("mosul", "Mosul", 36.3667, 43.1167, "m/", ("t",))]
    figure = map_figure(places, "map", "Places")
    svg = ET.fromstring(figure.picture)
    marks = [(float(c.get("cx", 0)), float(c.get("cy", 0))) for c in svg.iter(f"{SVG}circle")]
    (mosul_x, mosul_y), (baghdad_x, baghdad_y) = marks  # north first
    assert mosul_x < baghdad_x and mosul_y < baghdad_y, "Mosul lies north-west of Baghdad"
    width = float(svg.get("viewBox", "").split()[2])
    assert abs(baghdad_x - (44.3615 - 35.0) / 15.5 * width) < 1
    assert svg.get("role") == "img" and figure.places[0].name == "Mosul"
    assert "Baghdad (33.31° N, 44.36° E)" in figure.description
    assert figure.sources == ("t", "s")
    assert [(link.href, link.name) for link in figure.links] == [("m/", "Mosul"), ("b/", "Baghdad")]
    assert abs(figure.links[1].left - (baghdad_x - 8) / width * 100) < 0.5, "the link lies over the marker"


def test_coordinates_read_as_a_gazetteer_writes_them() -> None:
    assert coordinates_text(33.3128, 44.3615) == "33.31° N, 44.36° E"
    assert coordinates_text(-1.5, -70.25) == "1.50° S, 70.25° W"


@pytest.mark.slow
def test_the_article_maps_the_places_it_mentions(built_site: Path) -> None:
    html = (built_site / "site" / "articles" / "2021-07-26-biden-kadhimi-new-phase" / "index.html").read_text(
        encoding="utf-8")
    figure = html[html.index('<figure class="explainer-figure explainer-locator"'):]
    figure = figure[:figure.index("</figure>")]
    picture = ET.fromstring(re.search(r'<svg [^>]*role="img".*?</svg>', figure, re.S)[0])  # type: ignore[index]
    desc = picture.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    # The article names Baghdad and Syria; only Baghdad has coordinates. Mosul is not named in it.
    assert desc.text == "Locator map of Iraq and its neighbours, marking Baghdad (33.31° N, 44.36° E)."
    assert '<a href="../../entities/baghdad/">Baghdad</a>: 33.31° N, 44.36° E' in figure
    assert ('<div class="explainer-map-links" aria-hidden="true"><a href="../../entities/baghdad/" tabindex="-1" '
            'style="left:') in figure
