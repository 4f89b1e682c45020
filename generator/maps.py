"""Locator maps drawn when the site is built, from the Natural Earth extract in generator/basemap/.

No tiles and no map service: the country outlines are vendored, the places
are the entities that carry coordinates, and the drawing is SVG written
here with a simple projection (equirectangular, stretched by the cosine of
the middle latitude, which is true enough across a region this size).

A map is two layers of the same size. The picture has `role="img"`, a
<title> and a <desc> that names every place; over it lies a layer of
transparent links, one per place, for a pointer, hidden from assistive
technology and out of the tab order because the list of places beside the
map carries the same links for everyone. The figure and that list are markup in templates/map.md.j2.
"""

from __future__ import annotations

import functools
import json
import math
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import ImageFont

from .svgtools import AXIS, BORDER, INK, LAND, LAND_FOCUS, PAGE, SVG_NS, WATER, finish

BASEMAP = Path(__file__).resolve().parent / "basemap" / "iraq-region.geojson"
FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"
FOCUS = "Iraq"
WIDTH = 360
LABEL_SIZE = 12
COUNTRY_LABEL_SIZE = 9
MIN_LABELLED_AREA = 1.2
"""Square degrees: smaller countries (and slivers cut by the map's edge) go unnamed."""
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Place:
    """A place to mark: an entity with coordinates, and where its page is from the page being drawn."""

    id: str
    name: str
    lat: float
    lon: float
    href: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MapLink:
    """A transparent link over a marker and its label, placed in percent of the map's width and height.

    HTML rather than SVG links: the theme's instant navigation, if turned on, rewrites every link's address,
    which an SVG link does not allow.
    """

    name: str
    href: str
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class MapFigure:
    """What a template needs to show a locator map."""

    id: str
    picture: str
    """The accessible SVG (role="img")."""
    links: tuple[MapLink, ...]
    """The layer of links for a pointer (the template makes them aria-hidden and out of the tab order)."""
    places: tuple[Place, ...]
    sources: tuple[str, ...]
    """Ids of the sources of the coordinates, each once."""
    description: str


def page_href(from_page: str, to_page: str) -> str:
    """A link from one generated page to another in the built site, where `x/y.md` is served at `x/y/`.

    Links inside raw HTML are not rewritten by MkDocs (unlike Markdown links), so the map's
    links are written as the built site's addresses.
    """
    def address(page: str) -> str:
        return page.removesuffix(".md").removesuffix("index").rstrip("/")

    relative = posixpath.relpath(address(to_page) or ".", address(from_page) or ".")
    return "./" if relative == "." else relative + "/"


def coordinates_text(lat: float, lon: float) -> str:
    """33.31° N, 44.36° E."""
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def describe(places: Sequence[Place]) -> str:
    names = [f"{p.name} ({coordinates_text(p.lat, p.lon)})" for p in places]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Locator map of {FOCUS} and its neighbours, marking {listed}."


def map_figure(places: Sequence[Place], figure_id: str, title: str) -> MapFigure:
    """A locator map of `places` (at least one), with an id unique on its page."""
    ordered = tuple(sorted(places, key=lambda p: (-p.lat, p.lon)))
    description = describe(ordered)
    projection = Projection.of_basemap()
    labels = _place_labels(ordered, projection)
    picture = finish(_picture(ordered, labels, projection), id_prefix=figure_id, title=title,
                     description=description, css_class="explainer-drawing explainer-map")
    sources = tuple(dict.fromkeys(source for place in ordered for source in place.sources))
    return MapFigure(figure_id, picture, _links(ordered, labels, projection), ordered, sources, description)


@dataclass(frozen=True)
class Projection:
    west: float
    south: float
    east: float
    north: float
    scale: float
    """SVG units per degree of latitude."""
    squeeze: float
    """cos(middle latitude): a degree of longitude is that much shorter than a degree of latitude."""

    @classmethod
    @functools.cache
    def of_basemap(cls) -> Projection:
        west, south, east, north = basemap()["bbox"]
        squeeze = math.cos(math.radians((south + north) / 2))
        return cls(west, south, east, north, WIDTH / ((east - west) * squeeze), squeeze)

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.scale, 1)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.squeeze * self.scale, 1), round((self.north - lat) * self.scale, 1))


@functools.cache
def basemap() -> dict[str, Any]:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _picture(places: Sequence[Place], labels: dict[str, tuple[float, float, str]], projection: Projection) -> str:
    parts = [f'<svg xmlns="{SVG_NS}" viewBox="0 0 {WIDTH} {projection.height}">',
             f'<rect width="{WIDTH}" height="{projection.height}" fill="{WATER}"/>']
    for feature in basemap()["features"]:
        rings = [polygon[0] for polygon in feature["geometry"]["coordinates"]]
        path = " ".join("M" + "L".join(f"{x},{y}" for x, y in (projection(lon, lat) for lon, lat in ring)) + "Z"
                        for ring in rings)
        fill = LAND_FOCUS if feature["properties"]["name"] == FOCUS else LAND
        parts.append(f'<path d="{path}" fill="{fill}" stroke="{BORDER}" stroke-width="0.7"/>')
    taken = [_label_box(p.name, *labels[p.id]) for p in places]
    taken += [(x - 5, y - 5, x + 5, y + 5) for x, y in (projection(p.lon, p.lat) for p in places)]
    for name, x, y in _country_labels(projection, taken):
        parts.append(f'<text x="{x}" y="{y}" text-anchor="middle" font-size="{COUNTRY_LABEL_SIZE}" '
                     f'letter-spacing="1" fill="{AXIS}">{_escape(name)}</text>')
    for place in places:
        x, y = projection(place.lon, place.lat)
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{INK}" stroke="{PAGE}" stroke-width="1.5"/>')
        lx, ly, anchor = labels[place.id]
        parts.append(f'<text x="{lx}" y="{ly}" text-anchor="{anchor}" font-size="{LABEL_SIZE}" fill="{INK}" '
                     f'stroke="{PAGE}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">'
                     f"{_escape(place.name)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _country_labels(projection: Projection, taken: list[Box]) -> list[tuple[str, float, float]]:
    """Country names near the middle of each country's largest area, where one fits and hides no place."""
    found = []
    for feature in basemap()["features"]:
        name = feature["properties"]["name"].upper()
        ring = max((polygon[0] for polygon in feature["geometry"]["coordinates"]), key=_area)
        if _area(ring) < MIN_LABELLED_AREA:
            continue
        cx, cy = projection(*_centroid(ring))
        for y in (cy, cy + 14, cy - 14, cy + 28):
            box = _label_box(name, cx, y, "middle", COUNTRY_LABEL_SIZE + 2)
            if _inside(box, projection) and not any(_overlap(box, other) for other in taken):
                found.append((name, cx, y))
                taken.append(box)
                break
    return found


def _links(places: Sequence[Place], labels: dict[str, tuple[float, float, str]],
           projection: Projection) -> tuple[MapLink, ...]:
    """A link over each marker and its label."""
    links = []
    for place in places:
        x, y = projection(place.lon, place.lat)
        label = _label_box(place.name, *labels[place.id])
        left, top = min(x - 8, label[0]), min(y - 8, label[1])
        right, bottom = max(x + 8, label[2]), max(y + 8, label[3])
        links.append(MapLink(place.name, place.href, _percent(left, WIDTH), _percent(top, projection.height),
                             _percent(right - left, WIDTH), _percent(bottom - top, projection.height)))
    return tuple(links)


def _percent(length: float, whole: float) -> float:
    return round(100 * length / whole, 2)


def _place_labels(places: Sequence[Place], projection: Projection) -> dict[str, tuple[float, float, str]]:
    """Where each label goes: beside its marker, on the first side where it overlaps nothing placed before."""
    taken: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in (projection(p.lon, p.lat) for p in places)]
    labels = {}
    for place in places:
        x, y = projection(place.lon, place.lat)
        candidates = [(x + 7, y + 4, "start"), (x - 7, y + 4, "end"), (x, y - 8, "middle"), (x, y + 16, "middle")]
        fitting = [c for c in candidates if _inside(_label_box(place.name, *c), projection)]
        choice = next((c for c in fitting if not any(_overlap(_label_box(place.name, *c), box) for box in taken)),
                      (fitting or candidates)[0])
        labels[place.id] = (round(choice[0], 1), round(choice[1], 1), choice[2])
        taken.append(_label_box(place.name, *choice))
    return labels


def _label_box(name: str, x: float, y: float, anchor: str, size: int = LABEL_SIZE) -> Box:
    """The box a label's text covers (letter-spaced country names are measured a size larger)."""
    width = _font(size).getlength(name)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (round(left, 1), round(y - size, 1), round(left + width, 1), round(y + 3, 1))


def _inside(box: Box, projection: Projection) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= projection.height


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def _area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _centroid(ring: list[list[float]]) -> tuple[float, float]:
    """The centroid of a polygon ring (lon, lat), where its country's name is written."""
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    cross = [x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs]
    area = sum(cross) / 2 or 1e-9
    cx = sum((x1 + x2) * c for ((x1, _), (x2, _)), c in zip(pairs, cross, strict=True)) / (6 * area)
    cy = sum((y1 + y2) * c for ((_, y1), (_, y2)), c in zip(pairs, cross, strict=True)) / (6 * area)
    return cx, cy


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
