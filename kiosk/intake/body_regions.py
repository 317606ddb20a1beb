"""The regions of the pain map: where on the body a patient says it hurts.

A pain drawing is read by the spine specialist; the kiosk only records which regions were
marked. Each region has a stable id (the answer stores ids, the FHIR export codes them, the
outlines in `resources/content/illustrations/body-front.svg` and `body-back.svg` name their
shapes with them). Left and right are always the patient's own.

Pain that reaches below the knee suggests nerve-root pain rather than back pain alone
(CLINICAL.md section 5), so the regions below the knee are named here for the summary's plain
sentence; the kiosk draws no conclusion from the map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

View = Literal["front", "back"]


@dataclass(frozen=True, slots=True)
class BodyRegion:
    """One region a patient can mark: its id, the view the list names it under (arms, hands
    and feet are drawn on both views), and whether it lies below the knee."""

    id: str
    view: View
    below_knee: bool = False


#: Every region in the order the list alternative shows them: the back first (where a spine
#: patient's pain mostly is), top to bottom, then the front; the patient's left before right.
REGIONS: tuple[BodyRegion, ...] = (
    BodyRegion("neck", "back"),
    BodyRegion("shoulder-left", "back"),
    BodyRegion("upper-back", "back"),
    BodyRegion("shoulder-right", "back"),
    BodyRegion("lower-back-left", "back"),
    BodyRegion("lower-back-centre", "back"),
    BodyRegion("lower-back-right", "back"),
    BodyRegion("buttock-left", "back"),
    BodyRegion("buttock-right", "back"),
    BodyRegion("thigh-back-left", "back"),
    BodyRegion("thigh-back-right", "back"),
    BodyRegion("calf-left", "back", below_knee=True),
    BodyRegion("calf-right", "back", below_knee=True),
    BodyRegion("arm-left", "front"),
    BodyRegion("arm-right", "front"),
    BodyRegion("hand-left", "front"),
    BodyRegion("hand-right", "front"),
    BodyRegion("chest", "front"),
    BodyRegion("abdomen", "front"),
    BodyRegion("groin", "front"),
    BodyRegion("thigh-front-left", "front"),
    BodyRegion("thigh-front-right", "front"),
    BodyRegion("knee-left", "front"),
    BodyRegion("knee-right", "front"),
    BodyRegion("shin-left", "front", below_knee=True),
    BodyRegion("shin-right", "front", below_knee=True),
    BodyRegion("foot-left", "front", below_knee=True),
    BodyRegion("foot-right", "front", below_knee=True),
)

REGION_IDS: tuple[str, ...] = tuple(region.id for region in REGIONS)
VIEWS: tuple[View, ...] = ("front", "back")
_BY_ID = {region.id: region for region in REGIONS}


def region(region_id: str) -> BodyRegion:
    """The region of `region_id`; KeyError for an unknown id."""
    return _BY_ID[region_id]


def in_order(region_ids: Iterable[str]) -> tuple[str, ...]:
    """`region_ids` once each, in the map's order; unknown ids raise KeyError."""
    wanted = set(region_ids)
    for region_id in wanted:
        region(region_id)
    return tuple(region_id for region_id in REGION_IDS if region_id in wanted)


def below_knee(region_ids: Iterable[str]) -> bool:
    """Whether any marked region lies below the knee (calf, shin or foot)."""
    return any(region(region_id).below_knee for region_id in region_ids)


def unknown_regions(region_ids: Iterable[str]) -> list[str]:
    """The ids in `region_ids` that name no region, in the order given."""
    return [region_id for region_id in region_ids if region_id not in _BY_ID]
