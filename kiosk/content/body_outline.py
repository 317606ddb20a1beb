"""The pain map's body outlines, read from the content's SVG pictures.

`illustrations/body-front.svg` and `body-back.svg` draw a body as polygons; a polygon whose id is
a body region (see `kiosk.intake.body_regions`) is a region a patient can mark, any other
polygon (the head) is outline only. Screens and the printed figure draw from the same shapes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kiosk.content.files import DEFAULT_CONTENT
from kiosk.intake.body_regions import REGION_IDS, VIEWS, View

SVG = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]
#: The patient's sides in each view, from the viewer's left to right (the front view faces the
#: viewer: the patient's right is on the viewer's left).
SIDES = {"front": ("right", "left"), "back": ("left", "right")}


@dataclass(frozen=True, slots=True)
class Shape:
    """One polygon of an outline: a region's id (or another part's name) and its corners."""

    name: str
    points: tuple[Point, ...]

    @property
    def is_region(self) -> bool:
        return self.name in REGION_IDS


@dataclass(frozen=True, slots=True)
class BodyOutline:
    """One view of the body: its size in picture units and its shapes, in drawing order."""

    view: View
    width: float
    height: float
    shapes: tuple[Shape, ...]

    def regions(self) -> tuple[Shape, ...]:
        return tuple(shape for shape in self.shapes if shape.is_region)


def outline_file(view: View, root: Path = DEFAULT_CONTENT) -> Path:
    return root / "illustrations" / f"body-{view}.svg"


@cache
def read_outline(path: Path, view: View) -> BodyOutline:
    """The outline drawn in `path` (its viewBox gives the size)."""
    tree = ElementTree.parse(path)
    svg = tree.getroot()
    _, _, width, height = (float(n) for n in svg.attrib["viewBox"].split())
    shapes = []
    for polygon in svg.iter(f"{SVG}polygon"):
        pairs = polygon.attrib["points"].split()
        points = tuple((float(x), float(y)) for x, y in (pair.split(",") for pair in pairs))
        shapes.append(Shape(polygon.attrib.get("id", ""), points))
    return BodyOutline(view, width, height, tuple(shapes))


def body_outlines(root: Path = DEFAULT_CONTENT) -> tuple[BodyOutline, ...]:
    """The front and the back of the body, in that order."""
    return tuple(read_outline(outline_file(view, root), view) for view in VIEWS)
