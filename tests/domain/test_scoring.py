"""Each shipped scored measure gives the specialist the score its published manual or paper
gives for the same answers, with its band, and says "not scored" when too much is missing.

The answers go through a real visit (IntakeSession) of a clinic that asks every shipped
instrument, and each score is read as `simulate` prints it for an editor.
"""

from __future__ import annotations

import pytest

from kiosk.content.loader import DEFAULT_THEME, Loaded, load_all
from kiosk.content.simulate import score_line
from kiosk.intake.instruments import Instrument, ScoreRule
from kiosk.intake.questionnaire import Condition, Item, Page, Questionnaire
from kiosk.intake.scoring import scores
from kiosk.intake.session import IntakeSession
from tests.domain.instrument_content import english_only_clinic

SBST = ("start-back-leg-pain", "start-back-shoulder-neck", "start-back-walking",
        "start-back-dressing", "start-back-activity-safe", "start-back-worrying",
        "start-back-never-better", "start-back-enjoyment")


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """The shipped content at a clinic that speaks English and asks the PEG and STarT Back."""
    content, settings = english_only_clinic(tmp_path_factory.mktemp("clinic"), "peg",
                                            "start-back")
    return load_all(content, settings, DEFAULT_THEME)


def read(loaded: Loaded, answers: dict[str, object]) -> dict[str, str]:
    """Each score as the specialist reads it, by `instrument/score`, after a visit with
    `answers` (given as a patient would, one by one, through the session)."""
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    for item_id, value in answers.items():
        session.answer(item_id, value)
    words = loaded.content.words("en")
    return {f"{score.instrument}/{score.score}": score_line(score, words)
            for score in scores(loaded.content.questionnaire, session.answers)}


def start_back(agree: set[int], bothersome: str) -> dict[str, object]:
    """STarT Back answers: the numbered items 1-8 in `agree` agreed with, the rest not."""
    answers: dict[str, object] = {item: "agree" if n in agree else "disagree"
                                  for n, item in enumerate(SBST, start=1)}
    return {**answers, "start-back-bothersome": bothersome}


TOOL = "Keele STarT Back Tool"


@pytest.mark.parametrize(("agree", "bothersome", "total", "distress"), [
    ({1, 2, 3}, "slightly", "3 (0-9), Low risk", "0 (0-5)"),
    ({5, 6, 7}, "moderately", "3 (0-9), Low risk", "3 (0-5)"),
    ({1, 2, 3, 5, 6}, "not-at-all", "5 (0-9), Medium risk", "2 (0-5)"),
    ({1, 5, 6, 7}, "slightly", "4 (0-9), Medium risk", "3 (0-5)"),
    ({5, 6, 7}, "very-much", "4 (0-9), High risk", "4 (0-5)"),
    ({1, 2, 3, 4, 5, 6, 7, 8}, "extremely", "9 (0-9), High risk", "5 (0-5)"),
])
def test_start_back_risk_follows_the_keele_scoring_guide(
        measured: Loaded, agree: set[int], bothersome: str, total: str, distress: str) -> None:
    """Keele University, "Using & scoring the Keele STarT Back Screening Tool" (keele.ac.uk/
    sbst/startbacktool/usingandscoring) and its scoring flowchart: each "agree" scores 1, and
    item 9 scores 1 for "very much" or "extremely" only; total 3 or less is low risk; with 4 or
    more, a distress subscore (items 5-9) of 3 or less is medium risk, of 4 or 5 high risk.
    Worked examples: total 3 -> low; total 5 with subscore 2 -> medium; subscore 4 -> high."""
    said = read(measured, start_back(agree, bothersome))
    assert said["start-back/total"] == f"{TOOL}, Total score: {total}; answered 9 of 9"
    assert said["start-back/distress"] == (
        f"{TOOL}, Distress subscore (items 5-9): {distress}; answered 5 of 5")


def test_start_back_with_an_item_unanswered_is_not_scored(measured: Loaded) -> None:
    """The tool is scored only with all 9 answers (its guide gives no rule for missing ones)."""
    answers = start_back({1, 2, 3, 5, 6}, "extremely")
    del answers["start-back-walking"]
    said = read(measured, answers)
    assert said["start-back/total"] == f"{TOOL}, Total score: not scored: 8 of 9 answered"
    assert said["start-back/distress"].endswith(": 3 (0-5); answered 5 of 5")


PEG = "PEG, pain intensity and interference (Krebs 2009), PEG score, mean of 3 items"


@pytest.mark.parametrize(("pain", "enjoyment", "activity", "shown"), [
    (6, 7, 8, "7.0"), (6, 7, 7, "6.7"), (5, 5, 6, "5.3"), (0, 0, 0, "0.0"), (10, 10, 10, "10.0"),
])
def test_peg_is_the_mean_of_its_three_items(measured: Loaded, pain: int, enjoyment: int,
                                            activity: int, shown: str) -> None:
    """Krebs et al., J Gen Intern Med 2009;24(6):733-738: the PEG score is the mean of the
    three 0-10 items (average pain, interference with enjoyment of life and with general
    activity); e.g. 6, 7 and 8 give 7.0. Shown to one decimal, rounded half up."""
    said = read(measured, {"peg-pain": pain, "peg-enjoyment": enjoyment,
                           "peg-activity": activity})
    assert said["peg/peg"] == f"{PEG}: {shown} (0-10); answered 3 of 3"


def test_peg_with_an_item_unanswered_is_not_scored(measured: Loaded) -> None:
    said = read(measured, {"peg-pain": 6, "peg-enjoyment": 7})
    assert said["peg/peg"] == f"{PEG}: not scored: 2 of 3 answered"


@pytest.mark.parametrize(("now", "band"), [
    (0, "No pain"), (1, "Mild"), (4, "Mild"), (5, "Moderate"), (6, "Moderate"), (7, "Severe"),
    (10, "Severe"),
])
def test_pain_now_is_banded_at_the_usual_cut_points(measured: Loaded, now: int,
                                                    band: str) -> None:
    """Serlin et al., Pain 1995;61(2):277-284 (1-4 mild, 5-6 moderate, 7-10 severe), the cut
    points used most often in Woo et al.'s review (Ann Palliat Med 2015;4(4):176-183)."""
    said = read(measured, {"pain-now": now})
    assert said["pain-rating/pain-now"] == (
        f"Numeric pain rating (NRS 0-10), Pain now: {now} (0-10), {band}; answered 1 of 1")


def test_without_instruments_turned_on_only_the_pain_rating_is_scored(shipped: Loaded) -> None:
    found = scores(shipped.content.questionnaire, {"pain-now": 3})
    assert [(s.instrument, s.score, s.value) for s in found] == [
        ("pain-rating", "pain-now", 3.0)]


def test_a_hidden_answer_and_a_not_sure_answer_do_not_count() -> None:
    """Only visible answers are scored, and "not sure" has no value: both count as missing."""
    flare = Item("flare", "yesno", unsure=True)
    items = (flare, Item("flare-pain", "scale", show_if=Condition("flare", "=", "yes")),
             Item("sitting", "scale"))
    count = Instrument("flare-count", (ScoreRule("sum", "sum", max_missing=2),),
                       items=("flare", "flare-pain", "sitting"), values={"yes": 1, "no": 0})
    questionnaire = Questionnaire("https://example.org/q", "1", (Page("p", items),),
                                  scoring=(count,))
    [hidden] = scores(questionnaire, {"flare": "no", "flare-pain": 9, "sitting": 4})
    assert (hidden.value, hidden.answered, hidden.items) == (4.0, 2, 3)
    [unsure] = scores(questionnaire, {"flare": "unsure", "sitting": 4})
    assert (unsure.value, unsure.answered) == (4.0, 1)
    [too_few] = scores(questionnaire, {"flare": "unsure"})
    assert (too_few.value, too_few.band, too_few.answered) == (None, None, 0)
