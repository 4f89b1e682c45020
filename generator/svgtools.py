"""Finishing a drawn SVG for a page: accessible, themable, and safe to use twice on one page.

A chart or map is drawn with placeholder colours; here each placeholder
becomes one of the site's CSS custom properties (defined on Material's
colour variables in docs/assets/visuals.css), so the drawing follows the
light and dark schemes. The root gets `role="img"` with a <title> and a
<desc>, its fixed size gives way to its viewBox so it scales to the page,
and every id is prefixed so that two drawings on one page never collide.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

PLACEHOLDERS = {
    "#010101": ("explainer-ink", "#222"),
    "#020202": ("explainer-axis", "#777"),
    "#030303": ("explainer-grid", "#ddd"),
    "#040404": ("explainer-series-1", "#3f51b5"),
    "#050505": ("explainer-series-2", "#c2185b"),
    "#060606": ("explainer-series-3", "#00796b"),
    "#070707": ("explainer-land", "#eee"),
    "#080808": ("explainer-land-focus", "#fff"),
    "#090909": ("explainer-water", "#dde"),
    "#0a0a0a": ("explainer-border", "#999"),
    "#0b0b0b": ("explainer-page", "#fff"),
}
"""Placeholder colour → (CSS custom property, fallback). Drawings use only these colours."""
SERIES_COLOURS = ("#040404", "#050505", "#060606")
INK, AXIS, GRID = "#010101", "#020202", "#030303"
LAND, LAND_FOCUS, WATER, BORDER, PAGE = "#070707", "#080808", "#090909", "#0a0a0a", "#0b0b0b"
DROPPED = ("role", "aria-roledescription", "aria-label", "aria-hidden", "font-family", "width", "height")
"""Attributes removed below the root: the root's role="img" speaks for the whole drawing."""


def finish(svg: str, *, id_prefix: str, title: str, description: str, css_class: str) -> str:
    """`svg` ready to be inlined in a page (see the module docstring)."""
    root = ET.fromstring(svg)
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        _finish_element(element, id_prefix, ids, is_root=element is root)
    for name in ("width", "height", "version", "class"):
        root.attrib.pop(name, None)
    root.set("class", css_class)
    root.set("role", "img")
    root.set("aria-labelledby", f"{id_prefix}-title")
    root.set("aria-describedby", f"{id_prefix}-desc")
    heading = ET.Element(f"{{{SVG_NS}}}title", id=f"{id_prefix}-title")
    heading.text = title
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"{id_prefix}-desc")
    desc.text = description
    root.insert(0, desc)
    root.insert(0, heading)
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def _finish_element(element: ET.Element, prefix: str, ids: set[str | None], *, is_root: bool) -> None:
    styles = [element.attrib.pop("style")] if "style" in element.attrib else []
    for name in ("fill", "stroke"):
        value = element.get(name, "").lower()
        if value in PLACEHOLDERS:
            prop, fallback = PLACEHOLDERS[value]
            del element.attrib[name]
            styles.append(f"{name}:var(--{prop},{fallback})")
    if styles:
        element.set("style", ";".join(styles))
    if not is_root:
        for name in DROPPED:
            if name not in ("width", "height") or element.tag.endswith(("}svg", "}image")):
                element.attrib.pop(name, None)
    if element.get("id"):
        element.set("id", f"{prefix}-{element.get('id')}")
    for name, value in list(element.attrib.items()):
        if "url(#" in value or (name.endswith("href") and value.startswith("#")):
            element.set(name, re.sub(r"#([\w.-]+)", lambda m: f"#{prefix}-{m[1]}" if m[1] in ids else m[0], value))
