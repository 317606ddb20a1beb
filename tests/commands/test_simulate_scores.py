"""`simulate` ends with every scored measure of the visit: each score with its range, its band
and how many of its questions were answered, or "not scored" when too many were left blank."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import ROOT
from tests.domain.instrument_content import english_only_clinic

CANDIDATE = ROOT / "resources" / "examples" / "likely-candidate.yaml"
MEASURES = """peg-pain: 6
peg-enjoyment: 7
peg-activity: 8
start-back-leg-pain: agree
start-back-shoulder-neck: agree
start-back-walking: agree
start-back-dressing: disagree
start-back-activity-safe: agree
start-back-worrying: agree
start-back-never-better: disagree
start-back-enjoyment: disagree
start-back-bothersome: moderately
"""


def scores_of(capsys: pytest.CaptureFixture[str], tmp_path: Path, measures: str) -> list[str]:
    """The lines after "Scores:" for the likely candidate with `measures` answered too."""
    content, settings = english_only_clinic(tmp_path, "peg", "start-back")
    answers = tmp_path / "answers.yaml"
    answers.write_text(CANDIDATE.read_text(encoding="utf-8") + measures, encoding="utf-8")
    status = main(["--content", str(content), "--settings", str(settings), "simulate",
                   str(answers)])
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    return out[out.index("Scores:") + 1:]


def test_every_score_is_printed_with_its_band_and_answered_count(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert scores_of(capsys, tmp_path, MEASURES) == [
        "  Numeric pain rating (NRS 0-10), Pain now: 6 (0-10), Moderate; answered 1 of 1",
        "  PEG, pain intensity and interference (Krebs 2009), PEG score, mean of 3 items: 7.0"
        " (0-10); answered 3 of 3",
        "  Keele STarT Back Tool, Total score: 5 (0-9), Medium risk; answered 9 of 9",
        "  Keele STarT Back Tool, Distress subscore (items 5-9): 2 (0-5); answered 5 of 5"]


def test_a_measure_left_half_answered_says_not_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measures = MEASURES.replace("peg-activity: 8\n", "").replace(
        "start-back-worrying: agree\n", "")
    found = scores_of(capsys, tmp_path, measures)
    assert found[1].endswith("PEG score, mean of 3 items: not scored: 2 of 3 answered")
    assert found[2] == "  Keele STarT Back Tool, Total score: not scored: 8 of 9 answered"
    assert found[3] == ("  Keele STarT Back Tool, Distress subscore (items 5-9): not scored:"
                        " 4 of 5 answered")
