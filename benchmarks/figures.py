"""Figures the benchmarks measure, each with the goal it is held against, as a table or JSON.

A benchmark returns its figures as a dict of name -> Figure. A figure's goal is a comparison
("<", "<=") with a number in the figure's unit; a figure without a goal is there to be read
(a count, the memory at one visit). Whether a goal is met is said, never enforced.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Op = Literal["<", "<="]
Figures = dict[str, "Figure"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured value, its unit, its goal, and any details worth keeping beside it."""

    value: float | int | str | None
    unit: str = ""
    op: Op | None = None
    goal: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; None without a goal or without a number to compare."""
        if self.op is None or self.goal is None or not isinstance(self.value, (int, float)):
            return None
        if isinstance(self.value, float) and math.isnan(self.value):
            return None
        return self.value < self.goal if self.op == "<" else self.value <= self.goal

    def shown(self) -> str:
        if isinstance(self.value, float):
            return f"{self.value:.3g}" if abs(self.value) < 10 else f"{self.value:.1f}"
        return "-" if self.value is None else str(self.value)

    def goal_text(self) -> str:
        if self.op is None or self.goal is None:
            return ""
        return f"{self.op} {self.goal:g} {self.unit}".strip()

    def as_json(self) -> dict[str, Any]:
        value = self.value
        if isinstance(value, float):
            value = None if math.isnan(value) else round(value, 4)
        found: dict[str, Any] = {"value": value, "unit": self.unit}
        found["goal"] = (None if self.op is None
                         else {"op": self.op, "value": self.goal, "text": self.goal_text()})
        found["met"] = self.met
        if self.detail:
            found["detail"] = self.detail
        return found

    @classmethod
    def from_json(cls, found: dict[str, Any]) -> Figure:
        """The figure `as_json` gave (from a benchmark run in a child process)."""
        goal = found.get("goal") or {}
        return cls(found.get("value"), found.get("unit", ""), goal.get("op"), goal.get("value"),
                   found.get("detail", {}))


def figure_ms(values: dict[str, float | int], op: Op | None, goal: float | None) -> Figure:
    """A spread of timings as one figure: its p95 against `goal` (if any), the rest as
    details."""
    return Figure(round(float(values["p95"]), 2), "ms", op, goal,
                  {key: round(value, 2) for key, value in values.items()})


def table(groups: Iterable[tuple[str, Figures]]) -> str:
    """One table of every figure: benchmark, figure, value, goal, and whether it is met."""
    rows = [("benchmark", "figure", "value", "goal", "met")]
    for benchmark, figures in groups:
        for name, fig in figures.items():
            value = f"{fig.shown()} {fig.unit}".strip()
            extra = _details(fig.detail)
            if extra:
                value = f"{value} ({extra})"
            met = {True: "yes", False: "NO", None: ""}[fig.met]
            rows.append((benchmark, name, value, fig.goal_text(), met))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
                     + "  " + row[4])
        if number == 0:
            lines.append("  ".join("-" * width for width in widths) + "  ---")
    return "\n".join(line.rstrip() for line in lines)


def _details(detail: dict[str, Any]) -> str:
    """The short details a table row shows: a spread's p50, max and count."""
    shown = []
    for key in ("p50", "max"):
        if isinstance(detail.get(key), (int, float)):
            shown.append(f"{key} {detail[key]:.1f}")
    if isinstance(detail.get("count"), int):
        shown.append(f"n={detail['count']}")
    return ", ".join(shown)


def as_json(groups: Iterable[tuple[str, Figures]], **about: Any) -> str:
    """Every figure with its goal, by benchmark, as one JSON object (with `about` the run),
    one figure a line."""
    lines = ["{"] + [f"  {json.dumps(key)}: {_compact(value)}," for key, value in about.items()]
    lines.append('  "figures": {')
    groups = list(groups)
    for number, (benchmark, figures) in enumerate(groups):
        lines.append(f"    {json.dumps(benchmark)}: {{")
        rows = [f"      {json.dumps(name)}: {_compact(fig.as_json())}"
                for name, fig in figures.items()]
        lines.append(",\n".join(rows))
        lines.append("    }" + ("," if number < len(groups) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
