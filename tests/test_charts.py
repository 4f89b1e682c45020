"""Charts: each drawn chart matches its YAML, and its words say what its figures say.

The expected values are read from the chart files with PyYAML and formatted
here, never taken from the chart module; the drawn positions are read back
from the SVG in the built site, and the data table and caption from its HTML.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT

from generator.chart_data import describe, number_text, period_text
from generator.model import Chart, ChartPoint, Series

SVG = "{http://www.w3.org/2000/svg}"
CHART_FILES = sorted((ROOT / "seeds" / "charts").glob("*.yml"))
SHOWN_ON = {"us-troops-in-iraq": ["topics/us-withdrawal-2011/", "topics/coalition-against-islamic-state/", ""],
            "fatah-seats": ["topics/pro-iran-factions/"]}
"""Where each chart is placed (written by hand from the seeds)."""


def sources_by_id() -> dict[str, dict[str, Any]]:
    found = {}
    for path in (ROOT / "seeds" / "sources").glob("*.yml"):
        for source in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]:
            found[source["id"]] = source
    return found


def chart_yaml(chart_id: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "seeds" / "charts" / f"{chart_id}.yml").read_text(encoding="utf-8"))


def figure_html(site: Path, page: str, chart_id: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    start = html.index(f'<figure class="explainer-figure explainer-chart" id="chart-{chart_id}"')
    return html[start: html.index("</figure>", start)]


def drawing(figure: str, layout: str) -> ET.Element:
    match = re.search(rf'<svg [^>]*class="explainer-drawing explainer-{layout}".*?</svg>', figure, re.S)
    assert match, f"no {layout} drawing"
    return ET.fromstring(match[0])


def translations(svg: ET.Element, mark: str) -> list[tuple[float, float]]:
    """The positions of a mark group's symbols, in the order drawn (Vega draws data in order)."""
    group = next(g for g in svg.iter(f"{SVG}g") if mark in (g.get("class") or "").split())
    return [tuple(map(float, re.findall(r"[-\d.]+", path.get("transform", ""))[:2]))  # type: ignore[misc]
            for path in group.iter(f"{SVG}path")]


def days(value: Any) -> int:
    text = str(value)
    year, month, day = ([*map(int, text.split("-")), 1, 1])[:3]
    return (dt.date(year, month, day) - dt.date(2000, 1, 1)).days


def is_linear(pairs: list[tuple[float, float]]) -> bool:
    """Whether pixel positions are one linear function of the values (as a linear scale draws them)."""
    (v0, p0), (v1, p1) = pairs[0], max(pairs, key=lambda pair: abs(pair[0] - pairs[0][0]))
    slope = (p1 - p0) / (v1 - v0)
    return all(abs(p0 + slope * (value - v0) - position) < 0.6 for value, position in pairs)


class Cells(HTMLParser):
    """The rows of the figure's data table, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.mark.slow
@pytest.mark.parametrize("chart_id", sorted(SHOWN_ON))
def test_every_point_is_plotted_in_order(built_site: Path, chart_id: str) -> None:
    data = chart_yaml(chart_id)
    points = data["series"][0]["points"]
    known = [p for p in points if not p.get("gap")]
    for page in SHOWN_ON[chart_id]:
        figure = figure_html(built_site / "site", page, chart_id)
        for layout in ("wide", "narrow"):
            svg = drawing(figure, layout)
            if data["kind"] == "bar":
                first = next(g for g in svg.iter(f"{SVG}g") if "mark-rect" in (g.get("class") or ""))  # the bars
                bars = [re.findall(r"[-\d.]+", p.get("d", "")) for p in first.iter(f"{SVG}path")]
                assert len(bars) == len(known)
                tops = [(p.get("low", p.get("value")), float(bar[1])) for p, bar in zip(known, bars, strict=True)]
                assert is_linear(tops), tops
                continue
            marks = translations(svg, "mark-symbol")
            assert len(marks) == len(known), f"{page} {layout}: {len(marks)} points drawn, {len(known)} in the file"
            xs = [(days(p["date"]), x) for p, (x, _) in zip(known, marks, strict=True)]
            ys = [(p["value"], y) for p, (_, y) in zip(known, marks, strict=True)]
            assert [x for _, x in xs] == sorted(x for _, x in xs), "points drawn out of date order"
            assert is_linear(xs) and is_linear(ys), (xs, ys)


@pytest.mark.slow
def test_a_gap_breaks_the_line(built_site: Path) -> None:
    points = chart_yaml("us-troops-in-iraq")["series"][0]["points"]
    runs = 1 + sum(1 for before, point in itertools.pairwise(points)
                   if point.get("gap") and not before.get("gap"))
    figure = figure_html(built_site / "site", "topics/us-withdrawal-2011/", "us-troops-in-iraq")
    line = next(g for g in drawing(figure, "wide").iter(f"{SVG}g") if "mark-line" in (g.get("class") or ""))
    path = next(line.iter(f"{SVG}path")).get("d", "")
    assert path.count("M") == runs == 3, path


@pytest.mark.slow
@pytest.mark.parametrize("chart_id", sorted(SHOWN_ON))
def test_the_table_holds_every_figure_and_the_caption_names_every_source(built_site: Path, chart_id: str) -> None:
    data, sources = chart_yaml(chart_id), sources_by_id()
    figure = figure_html(built_site / "site", SHOWN_ON[chart_id][0], chart_id)
    table = Cells()
    table.feed(figure[figure.index("<table"):])
    expected = []
    for point in data["series"][0]["points"]:
        value = (f"{point['low']:,}–{point['high']:,}" if "low" in point else
                 "no figure" if point.get("gap") else f"{point['value']:,}")
        expected.append(value)
    assert [row[1] for row in table.rows[1:]] == expected
    caption = figure[figure.index("<figcaption"): figure.index("</figcaption>")]
    cited = {source for point in data["series"][0]["points"] for source in point["sources"]}
    for source_id in cited:
        assert f'href="../../sources/#source-{source_id}"' in caption or f'href="sources/#source-{source_id}"' in \
            caption, source_id
        assert sources[source_id]["publisher"].replace("&", "&amp;") in caption


@pytest.mark.slow
def test_the_drawing_is_an_image_with_a_name_and_a_description(built_site: Path) -> None:
    figure = figure_html(built_site / "site", "topics/us-withdrawal-2011/", "us-troops-in-iraq")
    svg = drawing(figure, "narrow")
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and title.text == "US troops in Iraq, 2003–2021"
    assert desc is not None and svg.get("aria-describedby") == desc.get("id")
    assert "Falls from 192,000 in March 2003 to 150 on 18 December 2011." in (desc.text or "")
    assert not re.search(r'(fill|stroke)="#[0-9a-f]{6}"', figure, re.I), "a colour not taken from the theme"


def point(date: str = "", value: float | None = None, **more: Any) -> ChartPoint:
    return ChartPoint(sources=("s",), date=date, value=value, **more)


@pytest.mark.parametrize(("points", "expected"), [
    ([point("2003-03", 192000), point("2007-10", 170000), point("2011-12-18", 150)],
     "Falls from 192,000 in March 2003 to 150 on 18 December 2011. Highest: 192,000 in March 2003; lowest: 150 on "
     "18 December 2011."),
    ([point("2019", 10), point("2020", 30), point("2021", gap=True), point("2022", 30), point("2023", 30)],
     "Rises from 10 in 2019 to 30 in 2020. No figure from 2020 to 2022. Holds at 30 from 2022 to 2023. "
     "Highest: 30 in 2020; lowest: 10 in 2019."),
    ([point("2018", low=47, high=48), point("2021", 17)], "Falls from 47–48 in 2018 to 17 in 2021."),
])
def test_the_description_follows_the_figures(points: list[ChartPoint], expected: str) -> None:
    chart = Chart(id="c", title="Title", units="things", kind="line",
                  series=(Series(name="Title", points=tuple(points)),))
    assert describe(chart).split(". ", 1)[1] == expected


def test_a_bar_chart_of_categories_is_described_bar_by_bar() -> None:
    bars = (ChartPoint(sources=("s",), label="2018 election", low=47, high=48),
            ChartPoint(sources=("s",), label="2021 election", value=17))
    chart = Chart(id="c", title="Seats", units="seats", kind="bar", series=(Series(name="Fatah", points=bars),))
    assert describe(chart) == "Bar chart of seats. Fatah: 47–48 for 2018 election and 17 for 2021 election."


@pytest.mark.parametrize(("period", "words"), [("2013", "2013"), ("2003-03", "March 2003"),
                                                ("2011-12-18", "18 December 2011")])
def test_dates_are_as_precise_as_written(period: str, words: str) -> None:
    assert period_text(period) == words


@pytest.mark.parametrize(("value", "words"), [(192000, "192,000"), (2.5, "2.5"), (-3, "−3"), (0, "0")])
def test_numbers_read_as_people_write_them(value: float, words: str) -> None:
    assert number_text(value) == words


def test_every_chart_file_is_placed_somewhere() -> None:
    assert sorted(path.stem for path in CHART_FILES) == sorted(SHOWN_ON)


def test_a_drawing_is_kept_on_disk_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import charts

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    chart = Chart(id="c", title="Seats", units="seats", kind="bar",
                  series=(Series(name="Party", points=(point(label="2018", value=47.0),
                                                       point(label="2021", value=17.0))),))
    layout = charts.LAYOUTS[0]
    charts.render.cache_clear()
    drawn = charts.render(chart, layout)
    stored = list((tmp_path / "explainer" / "charts").glob("*.svg"))
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == drawn and drawn.startswith("<svg")

    stored[0].write_text("<svg>kept</svg>", encoding="utf-8")  # a later run reads the drawing instead of drawing
    charts.render.cache_clear()
    assert charts.render(chart, layout) == "<svg>kept</svg>"

    other = Chart(id="c", title="Seats", units="seats", kind="bar",
                  series=(Series(name="Party", points=(point(label="2018", value=48.0),)),))
    charts.render.cache_clear()
    assert charts.render(other, layout).startswith("<svg") and len(list(stored[0].parent.glob("*.svg"))) == 2
    charts.render.cache_clear()
