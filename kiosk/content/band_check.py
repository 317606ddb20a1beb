"""Checks of a score's bands: each can be compared, looks at a score that exists, and together
the score's own bands give every value it can take exactly one label.

A value "it can take" is one of its range in steps of its last decimal (a sum of whole
numbers: 0, 1, 2...; a mean to one decimal: 6.6, 6.7...), so a band from 1 to 4 and one from
5 to 6 leave no gap for a whole-number score, while for a mean to one decimal 4.1 to 4.9 are
left without a label.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from kiosk.content.questionnaire_check import Ids, Report, check_new_id
from kiosk.decoding.decode import entries, is_valid, is_whole
from kiosk.decoding.errors import did_you_mean, quoted
from kiosk.intake.instruments import Band, ScoreRule
from kiosk.intake.scoring import Range, rounded


def usable_number(value: object, path: str, report: Report) -> bool:
    """Whether a decoded value can be used (an infinite one is reported)."""
    if not isinstance(value, float):
        return False
    if not math.isfinite(value):
        report(path, "must be a finite number")
        return False
    return True


def check_bands(rule: ScoreRule, where: str, ranges: Mapping[str, Range], score_ids: Ids,
                report: Report) -> None:
    """`rule`'s bands, at key path `where`; `ranges` holds the range of each score of the
    instrument that could be worked out, `score_ids` the instrument's scores."""
    own: list[tuple[str, Band]] = []
    seen: set[str] = set()
    for b, band in entries(rule.bands or ()):
        path = f"{where}.bands[{b}]"
        check_new_id(band.id, path, "band", seen, report)
        if not _band_bounds(band, path, rule.decimals, report):
            continue
        looks = band.score
        if looks is None or looks == rule.id:
            own.append((path, band))
        elif isinstance(looks, str) and looks not in score_ids.ids:
            if score_ids.complete:
                report(f"{path}.score", f"no score {quoted(looks)} in this instrument"
                       + did_you_mean(looks, score_ids.ids))
        elif own:
            report(f"{path}.score", "a band on another score must come before the score's"
                   " own bands (they give every value a band, so it would never apply)")
    own_range = ranges.get(rule.id)
    if own_range is None or not is_whole(rule.bands or ()) or not isinstance(rule.id, str):
        return
    low, high = own_range
    if not own:
        report(f"{where}.bands", f"needs bands of the score's own (without score:) for every"
               f" value from {low:g} to {high:g}")
        return
    _check_cover(own, low, high, 10.0 ** -rule.decimals, where, report)


def _band_bounds(band: Band, path: str, decimals: int, report: Report) -> bool:
    """Whether the band's bounds can be compared (each problem with them is reported)."""
    if not (is_valid(band.min) and is_valid(band.max) and is_valid(band.score)):
        return False
    if band.min is None and band.max is None:
        report(path, "a band needs min, max or both")
        return False
    fine = True
    for key in ("min", "max"):
        value = getattr(band, key)
        if value is None:
            continue
        if not usable_number(value, f"{path}.{key}", report):
            fine = False
        elif 0 <= decimals <= 3 and rounded(value, decimals) != value:
            fine = False
            report(f"{path}.{key}", f"{value:g} has more decimals than the score ({decimals})")
    if fine and band.min is not None and band.max is not None and band.min > band.max:
        report(f"{path}.min", "min is larger than max")
        return False
    return fine


def _check_cover(own: list[tuple[str, Band]], low: float, high: float, step: float,
                 where: str, report: Report) -> None:
    """The score's own bands give each value from `low` to `high` (in steps of its last
    decimal) exactly one band."""
    near = step / 2

    def start(band: Band) -> float:
        return band.min if band.min is not None else -math.inf

    def gap(first: float, last: float) -> None:
        values = f"{first:g}" if abs(last - first) < near else f"{first:g} to {last:g}"
        report(f"{where}.bands", f"no band for {values}")

    expect, reach, before = low, -math.inf, None
    for path, band in sorted(own, key=lambda pair: start(pair[1])):
        end = band.max if band.max is not None else math.inf
        if end < low - near or start(band) > high + near:
            report(path, f"never applies: the score goes from {low:g} to {high:g}")
            continue
        if before is not None and start(band) <= reach + near:
            report(path, f"overlaps band {before!r}: {max(start(band), low):g} to"
                   f" {min(end, reach):g} would have two bands")
        elif start(band) > expect + near:
            gap(expect, rounded(start(band) - step, 3))
        reach, before = max(reach, end), band.id
        expect = rounded(reach + step, 3) if math.isfinite(reach) else math.inf
    if expect <= high + near:
        gap(expect, high)
