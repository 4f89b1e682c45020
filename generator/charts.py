"""Charts drawn when the site is built: Vega-Lite specifications rendered to SVG by vl-convert.

vl-convert runs Vega-Lite offline and gives the same bytes for the same
specification, so builds stay reproducible and no charting script ever
reaches the reader's browser. Each chart is drawn twice, wide and narrow,
and the page shows the one that fits (see docs/assets/visuals.css): a
drawing scaled down to a phone would shrink its text below legibility.

This module returns SVG and plain data only; the figure, caption and data
table are markup in templates/chart.md.j2.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from . import chart_data
from .chart_data import Row
from .model import Chart, ChartPoint
from .svgtools import AXIS, GRID, INK, SERIES_COLOURS, finish

FONT_FOLDER = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu Sans"
"""Text is measured with the font vendored in generator/fonts/, never with whatever fonts a machine has."""
VEGA_LITE = "v6.4"


@dataclass(frozen=True)
class Layout:
    """One size a chart is drawn at."""

    name: str
    width: int
    height: int
    font_size: int
    x_ticks: int


LAYOUTS = (Layout("wide", 640, 320, 12, 10), Layout("narrow", 340, 280, 12, 5))


@dataclass(frozen=True)
class ChartFigure:
    """Everything a template needs to show a chart: the drawings and the plain data behind them."""

    chart: Chart
    id: str
    """The figure's id on its page."""
    description: str
    rows: tuple[Row, ...]
    sources: tuple[str, ...]
    """Ids of the sources the points cite, each once, in order of first citation."""
    drawings: tuple[tuple[str, str], ...]
    """(layout name, SVG) for each layout."""
    many_series: bool
    dated: bool
    """Whether the points are dated (a chart over time) rather than labelled."""


def chart_figure(chart: Chart, figure_id: str) -> ChartFigure:
    """A chart ready for its template; `figure_id` must be unique on the page."""
    description = chart_data.describe(chart)
    drawings = tuple((layout.name, finish(
        render(chart, layout), id_prefix=f"{figure_id}-{layout.name}", title=chart.title, description=description,
        css_class=f"explainer-drawing explainer-{layout.name}")) for layout in LAYOUTS)
    return ChartFigure(chart, figure_id, description, tuple(chart_data.table_rows(chart)),
                       tuple(chart_data.cited_sources(chart)), drawings, len(chart.series) > 1, _dated(chart))


def _dated(chart: Chart) -> bool:
    return any(point.date for series in chart.series for point in series.points)


@functools.lru_cache(maxsize=256)
def render(chart: Chart, layout: Layout) -> str:
    """The chart as SVG, drawn by vl-convert.

    Cached in the process (a chart may appear on several pages) and on disk (`drawing_cache`): drawing
    takes vl-convert about a sixth of a second, and its output for the same specification, version and
    fonts is the same to the byte, so a stored drawing is the drawing.
    """
    spec = vegalite_spec(chart, layout)
    stored = drawing_cache() / f"{_drawing_key(spec)}.svg"
    try:
        return stored.read_text(encoding="utf-8")
    except OSError:
        pass
    import vl_convert

    _register_font()
    svg = str(vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE))
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        temporary = stored.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(svg, encoding="utf-8")
        temporary.replace(stored)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return svg


def drawing_cache() -> Path:
    """Where drawn charts are kept between runs: the user's cache folder, outside the project."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "explainer" / "charts"


def _drawing_key(spec: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps([spec, VEGA_LITE, _drawing_tools()], sort_keys=True).encode()).hexdigest()


@functools.cache
def _drawing_tools() -> str:
    """vl-convert's version and the fonts it draws with: a change to either draws every chart again."""
    digest = hashlib.sha256(metadata.version("vl-convert-python").encode())
    for font in sorted(FONT_FOLDER.glob("*")):
        digest.update(font.name.encode() + font.read_bytes())
    return digest.hexdigest()


@functools.cache
def _register_font() -> None:
    import vl_convert

    vl_convert.register_font_directory(str(FONT_FOLDER))


def vegalite_spec(chart: Chart, layout: Layout) -> dict[str, Any]:
    """The Vega-Lite specification of a chart at one size, drawn in placeholder colours (see svgtools)."""
    dated = _dated(chart)
    names = [series.name for series in chart.series]
    colour = {"field": "series", "type": "nominal", "scale": {"domain": names, "range": list(SERIES_COLOURS)},
              "legend": {"orient": "top", "title": None} if len(names) > 1 else None}
    x = _x_encoding(dated, layout)
    layers = _bar_layers() if chart.kind == "bar" else _line_layers(chart.kind)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": layout.width, "height": layout.height,
        "autosize": {"type": "fit", "contains": "padding"},
        "background": None,
        "config": _config(layout),
        "data": {"values": [_datum(series.name, point) for series in chart.series for point in series.points]},
        "encoding": {"x": x, "y": {"field": "y", "type": "quantitative", "title": chart.units,
                                   "axis": {"format": ",~f"}}, "color": colour},
        "layer": layers,
    }


def _x_encoding(dated: bool, layout: Layout) -> dict[str, Any]:
    if dated:
        return {"field": "x", "type": "temporal", "title": None, "scale": {"type": "utc"},
                "axis": {"format": "%Y", "formatType": "utc", "tickCount": {"interval": "year", "step": 1}
                         if layout.x_ticks > 12 else layout.x_ticks, "labelOverlap": True}}
    return {"field": "x", "type": "nominal", "title": None, "sort": None,
            "axis": {"labelAngle": 0, "labelLimit": layout.width // 3}}


def _line_layers(kind: str) -> list[dict[str, Any]]:
    line = {"type": "line", "strokeWidth": 2.5, "interpolate": "step-after" if kind == "step" else "linear",
            "invalid": "break-paths-show-domains"}
    return [
        {"mark": line},
        {"transform": [{"filter": "isValid(datum.y)"}], "mark": {"type": "point", "filled": True, "size": 45,
                                                                 "opacity": 1}},
        *_range_layers(),
    ]


def _bar_layers() -> list[dict[str, Any]]:
    return [
        {"transform": [{"filter": "isValid(datum.base)"}], "mark": {"type": "bar", "opacity": 1},
         "encoding": {"y": {"field": "base", "type": "quantitative"}, "xOffset": {"field": "series"}}},
        *_range_layers(INK),
        {"transform": [{"filter": "isValid(datum.top)"}],
         "mark": {"type": "text", "dy": -8, "fontWeight": "bold"},
         "encoding": {"y": {"field": "top", "type": "quantitative"}, "text": {"field": "text"},
                      "color": {"value": INK}}},
    ]


def _range_layers(colour: str = "") -> list[dict[str, Any]]:
    """Where sources disagree, a bar from the lowest to the highest figure, capped at both ends.

    On a bar chart it is drawn in the text colour, so that it stands out from the bar it tops.
    """
    ranged = [{"filter": "isValid(datum.low)"}]
    fixed: dict[str, Any] = {"color": {"value": colour}} if colour else {}
    return [
        {"transform": ranged, "mark": {"type": "rule", "strokeWidth": 2},
         "encoding": {"y": {"field": "low", "type": "quantitative"}, "y2": {"field": "high"}, **fixed}},
        *({"transform": ranged, "mark": {"type": "tick", "thickness": 2, "size": 14},
           "encoding": _end_encoding(end, fixed)} for end in ("low", "high")),
    ]


def _end_encoding(end: str, fixed: dict[str, Any]) -> dict[str, Any]:
    return {"y": {"field": end, "type": "quantitative"}, **fixed}


def _datum(series: str, point: ChartPoint) -> dict[str, Any]:
    middle = chart_data.middle(point)
    x = chart_data.period_start(point.date).isoformat() if point.date else point.label
    top = point.high if point.high is not None else point.value
    return {"series": series, "x": x, "y": middle, "base": point.low if point.low is not None else point.value,
            "low": point.low, "high": point.high, "top": top,
            "text": chart_data.value_text(point) if middle is not None else None}


def _config(layout: Layout) -> dict[str, Any]:
    size = layout.font_size
    return {
        "aria": False, "font": FONT, "view": {"stroke": None},
        "axis": {"labelColor": INK, "titleColor": INK, "domainColor": AXIS, "tickColor": AXIS, "gridColor": GRID,
                 "labelFontSize": size, "titleFontSize": size, "titleFontWeight": "normal"},
        "legend": {"labelColor": INK, "labelFontSize": size},
        "text": {"fontSize": size},
    }
