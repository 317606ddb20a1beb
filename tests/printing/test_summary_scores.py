"""Scored measures on the specialist's page: each instrument on one line with its scores,
band, how much was answered and its notice; the answers behind a score not printed again.
A clinic with the PEG and the STarT Back Tool turned on (English only: their Spanish wording
is a stand-in that may not be asked)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.content.loader import DEFAULT_THEME, Loaded, load_all
from tests.domain.instrument_content import english_only_clinic
from tests.printing.test_summary import printed, submitted

START_BACK = {
    "start-back-leg-pain": "agree", "start-back-shoulder-neck": "agree",
    "start-back-walking": "agree", "start-back-dressing": "disagree",
    "start-back-activity-safe": "agree", "start-back-worrying": "disagree",
    "start-back-never-better": "disagree", "start-back-enjoyment": "disagree",
    "start-back-bothersome": "moderately"}
PEG = {"peg-pain": 6, "peg-enjoyment": 7, "peg-activity": 8}


def with_instruments(folder: Path) -> Loaded:
    content, settings = english_only_clinic(folder, "peg", "start-back")
    return load_all(content, settings, DEFAULT_THEME)


def test_each_instrument_prints_its_scores_band_and_notice_once(
        qapp: QApplication, tmp_path: Path) -> None:
    loaded = with_instruments(tmp_path / "clinic")
    visit = submitted(loaded, "likely-candidate.yaml", changes={**START_BACK, **PEG})
    pages = printed(loaded, visit, tmp_path / "scores.pdf")
    assert len(pages) == 1, "a typical visit stays on one page with both measures"
    [text] = pages
    # Keele's scoring guide: total 4 or more with a distress subscore of 3 or less is medium.
    assert ("Keele STarT Back Tool: Total score 4 (0\u20139), Distress subscore (items 5-9) 1"
            " (0\u20135) \u2014 Medium risk \u00b7 answered 9 of 9"
            " \u00a9 Keele University 01/08/07. Funded by Arthritis Research UK.") in text
    # The PEG is the mean of its three 0-10 items: (6 + 7 + 8) / 3 = 7.0.
    assert ("PEG, pain intensity and interference (Krebs 2009): PEG score, mean of 3 items 7.0"
            " (0\u201310) \u00b7 answered 3 of 3") in text
    words = loaded.content.words("en").questionnaire
    for item_id in (*START_BACK, *PEG):
        assert words.clinical(item_id) not in text, "the score stands for its answers"
    assert "Now 6 / 10 (Moderate)" in text, "the pain rating's band beside the figure"
    assert text.count("Numeric pain rating") == 0 and text.count(" 6 / 10") == 1


def test_a_measure_with_too_few_answers_says_it_was_not_scored(
        qapp: QApplication, tmp_path: Path) -> None:
    loaded = with_instruments(tmp_path / "clinic")
    visit = submitted(loaded, "likely-candidate.yaml", changes={**START_BACK, **PEG})
    answers = dict(visit.answers)
    for item_id in ("peg-enjoyment", "peg-activity"):
        answers.pop(item_id)
    partial = dataclasses.replace(visit, answers=answers)
    text = " ".join(printed(loaded, partial, tmp_path / "partial.pdf"))
    assert ("PEG, pain intensity and interference (Krebs 2009): PEG score, mean of 3 items"
            " not scored: 1 of 3 answered Keele") in text
