"""The plain facts of a chart: its dates, its figures as words, its data table and its description.

Everything a reader is told about a chart in words comes from here, from the
chart's own figures: the description a screen reader announces, the rows of
the data table and the wording of dates. The drawing (`charts.py`) uses the
same functions, so the picture and the words cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Chart, ChartPoint, Series

KIND_NAMES = {"line": "Line chart", "step": "Step chart", "bar": "Bar chart"}
MOST_STRETCHES = 6
"""Beyond this many rises and falls, the description names only the ends, the highest and the lowest figure."""


def period_start(period: str) -> dt.date:
    """The first day of a period written YYYY, YYYY-MM or YYYY-MM-DD: where it is plotted."""
    year, month, day = (int(part) for part in [*period.split("-"), "1", "1"][:3])
    return dt.date(year, month, day)


def period_text(period: str) -> str:
    """A period in words, exactly as precise as written: "2013", "March 2003", "15 December 2011"."""
    start = period_start(period)
    if len(period) == 4:
        return str(start.year)
    if len(period) == 7:
        return f"{start:%B} {start.year}"
    return f"{start.day} {start:%B} {start.year}"


def number_text(value: float) -> str:
    """A figure as readers write it: 192,000; 2.5; −3 with a real minus sign."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "\u2212")


def value_text(point: ChartPoint) -> str:
    """A point's figure in words: a number, a range "47–48", or "no figure" for a gap."""
    if point.low is not None and point.high is not None:
        return f"{number_text(point.low)}–{number_text(point.high)}"
    if point.value is not None:
        return number_text(point.value)
    return "no figure"


def where(point: ChartPoint) -> str:
    """The point's date in words, or its label."""
    return period_text(point.date) if point.date else point.label


def when(point: ChartPoint) -> str:
    """The point's date or label as a phrase: "in March 2003", "on 18 December 2011", "for the 2018 election"."""
    if not point.date:
        return f"for {point.label}"
    return ("on " if len(point.date) == 10 else "in ") + period_text(point.date)


def middle(point: ChartPoint) -> float | None:
    """Where a point sits: its value, the middle of its range, or None for a gap."""
    if point.low is not None and point.high is not None:
        return (point.low + point.high) / 2
    return point.value


@dataclass(frozen=True)
class Row:
    """One line of a chart's data table."""

    series: str
    where: str
    value: str
    note: str
    sources: tuple[str, ...]


def table_rows(chart: Chart) -> list[Row]:
    """Every point of every series, in the order written, as the data table shows it."""
    return [Row(series.name, where(point), value_text(point), point.note, point.sources)
            for series in chart.series for point in series.points]


def cited_sources(chart: Chart) -> list[str]:
    """The ids of the sources the chart's points cite, each once, in order of first citation."""
    seen: dict[str, None] = {}
    for series in chart.series:
        for point in series.points:
            seen.update(dict.fromkeys(point.sources))
    return list(seen)


def describe(chart: Chart) -> str:
    """The chart's trend in words, for the SVG's <desc>: what a sighted reader sees at a glance."""
    dated = any(point.date for series in chart.series for point in series.points)
    opening = f"{KIND_NAMES[chart.kind]} of {chart.units}"
    if dated:
        points = [p for s in chart.series for p in s.points]
        first, last = min(p.date for p in points), max(p.date for p in points)
        opening += f", {period_text(first)} to {period_text(last)}"
    sentences = [opening + "."]
    for series in chart.series:
        prefix = f"{series.name}: " if len(chart.series) > 1 or series.name != chart.title else ""
        sentences.append(prefix + (_over_time(series) if dated else _categories(series)))
    return " ".join(sentences)


def _categories(series: Series) -> str:
    figures = [f"{value_text(p)} {when(p)}" for p in series.points]
    return _join(figures) + "."


def _over_time(series: Series) -> str:
    known = [p for p in series.points if middle(p) is not None]
    if not known:
        return "No figures."
    runs = list(_runs(series.points))
    stretches = [[_sentence(s) for s in _stretches(run)] for run in runs]
    if sum(len(run) for run in stretches) > MOST_STRETCHES:
        stretches = [[_ends(known)]]
    parts: list[str] = []
    for index, sentences in enumerate(stretches):
        if index:
            before, after = runs[index - 1][-1], runs[index][0]
            parts.append(f"No figure from {where(before)} to {where(after)}")
        parts += sentences
    if len(known) > 2:
        highest = max(known, key=lambda p: p.high if p.high is not None else middle(p) or 0)
        lowest = min(known, key=lambda p: p.low if p.low is not None else middle(p) or 0)
        parts.append(f"Highest: {value_text(highest)} {when(highest)}; lowest: {value_text(lowest)} {when(lowest)}")
    return ". ".join(parts) + "."


def _runs(points: Sequence[ChartPoint]) -> Iterator[list[ChartPoint]]:
    """The stretches of known figures between gaps: a line is drawn within a run, never across a gap."""
    run: list[ChartPoint] = []
    for point in points:
        if middle(point) is None:
            if run:
                yield run
            run = []
        else:
            run.append(point)
    if run:
        yield run


def _stretches(run: list[ChartPoint]) -> Iterator[tuple[str, list[ChartPoint]]]:
    """A run cut where its direction changes: ("rises" | "falls" | "holds", its points)."""
    if len(run) == 1:
        yield "alone", run
        return
    current: tuple[str, list[ChartPoint]] | None = None
    for before, after in itertools.pairwise(run):
        a, b = middle(before), middle(after)
        assert a is not None and b is not None
        direction = "rises" if b > a else "falls" if b < a else "holds"
        if current and current[0] == direction:
            current[1].append(after)
        else:
            if current:
                yield current
            current = (direction, [before, after])
    if current:
        yield current


def _sentence(stretch: tuple[str, list[ChartPoint]]) -> str:
    direction, points = stretch
    first, last = points[0], points[-1]
    if direction == "alone":
        return f"{_capital(value_text(first))} {when(first)}"
    if direction == "holds":
        return f"Holds at {value_text(first)} from {where(first)} to {where(last)}"
    return f"{_capital(direction)} from {value_text(first)} {when(first)} to {value_text(last)} {when(last)}"


def _ends(known: list[ChartPoint]) -> str:
    first, last = known[0], known[-1]
    a, b = middle(first), middle(last)
    assert a is not None and b is not None
    verb = "Ends higher" if b > a else "Ends lower" if b < a else "Ends level"
    return f"{verb}: {value_text(first)} {when(first)}, {value_text(last)} {when(last)}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
