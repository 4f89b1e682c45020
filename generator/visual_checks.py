"""Checks on charts and map coordinates that the shape of a file cannot express.

A chart point needs exactly one of a value, a low–high range or a gap; the
points of a chart are all dated or all labelled; dated points run from the
earliest to the latest. Coordinates belong to places, come with both halves
and their sources, and lie on the globe. Each problem is located at the key
it concerns, like every other problem the check reports.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from .errors import Problem
from .model import ChartPoint, Entity
from .validate import CheckedFile, a

NO_AXIS = "give a date for a chart over time, or a label for a chart of categories"
POINT_SHAPE = "needs a value, or low and high where sources disagree, or gap: true where no figure is known"
COORDINATES = ("lat", "lon", "location_sources")


def check_charts(records: list[tuple[CheckedFile, str, Any]]) -> list[Problem]:
    """Problems in the figures of each chart file (the records are the checked mappings)."""
    problems: list[Problem] = []
    for file, _, chart in records:
        for key, message in _chart_problems(chart["series"]):
            line, column = file.at(key)
            problems.append(Problem(file.name, line, column, key, message))
    return problems


def _chart_problems(all_series: Any) -> Iterator[tuple[str, str]]:
    dated: list[str] = []
    labelled: list[str] = []
    for s, series in enumerate(all_series):
        keyed = [(f"series[{s}].points[{p}]", point) for p, point in enumerate(series.points)]
        for key, point in keyed:
            yield from _point_problems(key, point)
            (dated if point.date else labelled if point.label else []).append(key)
        for (_, before), (key, after) in itertools.pairwise(keyed):
            if before.date and after.date and after.date < before.date[:len(after.date)]:
                yield f"{key}.date", f"{after.date} comes before {before.date}: list the points from earliest to latest"
    if dated and labelled:
        yield max(dated[0], labelled[0]), ("mixes dated and labelled points: give every point of a chart a date, "
                                           "or every point a label")


def _point_problems(key: str, point: ChartPoint) -> Iterator[tuple[str, str]]:
    if point.date and point.label:
        yield f"{key}.label", f"has both a date and a label: {NO_AXIS}"
    elif not (point.date or point.label):
        yield key, f"has no date and no label: {NO_AXIS}"
    is_range = point.low is not None or point.high is not None
    if [point.value is not None, is_range, point.gap].count(True) != 1:
        yield key, POINT_SHAPE
    elif is_range and (point.low is None or point.high is None):
        yield key, "a range needs both low and high"
    elif point.low is not None and point.high is not None and point.low >= point.high:
        yield f"{key}.high", f"high ({point.high:g}) must be greater than low ({point.low:g})"


def check_places(records: list[tuple[CheckedFile, str, Entity]]) -> list[Problem]:
    """Coordinates only on places, with both halves and their sources, and on the globe."""
    problems: list[Problem] = []
    for file, key, entity in records:
        for name, message in _place_problems(entity):
            where = f"{key}.{name}" if name else key
            line, column = file.at(where)
            problems.append(Problem(file.name, line, column, where, message))
    return problems


def _place_problems(entity: Entity) -> Iterator[tuple[str, str]]:
    given = [name for name in COORDINATES if getattr(entity, name) not in (None, ())]
    if not given:
        return
    if entity.kind != "place":
        yield given[0], f"only places have coordinates, and this entity is {a(entity.kind)}"
        return
    missing = [name for name in COORDINATES if name not in given]
    if missing:
        yield "", f"missing {' and '.join(missing)}: a place on the map needs lat, lon and location_sources"
    if entity.lat is not None and not -90 <= entity.lat <= 90:
        yield "lat", f"latitude {entity.lat:g} is off the globe: it must be between -90 and 90"
    if entity.lon is not None and not -180 <= entity.lon <= 180:
        yield "lon", f"longitude {entity.lon:g} is off the globe: it must be between -180 and 180"
