"""The pain map's regions as a specialist reads them: stable ids, below the knee, answers."""

from __future__ import annotations

import pytest

from kiosk.content.body_outline import body_outlines
from kiosk.content.loader import Loaded
from kiosk.content.wording import answer_words
from kiosk.intake.answers import AnswerInvalid, checked
from kiosk.intake.body_regions import REGION_IDS, below_knee
from kiosk.intake.questionnaire import Item


def test_every_region_is_drawn_and_every_drawn_region_is_known() -> None:
    drawn = {shape.name for outline in body_outlines() for shape in outline.regions()}
    assert drawn == set(REGION_IDS)
    assert {"lower-back-left", "lower-back-centre", "lower-back-right", "buttock-left",
            "thigh-back-right", "calf-left", "foot-right", "neck"} <= drawn


def test_below_the_knee_is_calf_shin_or_foot_and_not_the_knee() -> None:
    assert below_knee(["lower-back-centre", "calf-left"])
    assert below_knee(["foot-right"])
    assert not below_knee(["lower-back-centre", "buttock-left", "thigh-back-left", "knee-left"])
    assert not below_knee([])


def test_an_answer_is_the_marked_regions_once_each_in_map_order() -> None:
    item = Item("where", "bodymap", required=True)
    assert checked(item, ["calf-left", "lower-back-centre", "calf-left"]) == (
        "lower-back-centre", "calf-left")
    with pytest.raises(AnswerInvalid, match="'elbow' is not a body region"):
        checked(item, ["elbow"])
    with pytest.raises(AnswerInvalid, match="expected one or more"):
        checked(item, [])
    assert checked(Item("where", "bodymap"), []) == ()


def test_the_regions_are_named_in_both_languages(shipped: Loaded) -> None:
    item = shipped.content.questionnaire.item("pain-location")
    assert item.type == "bodymap"
    answer = ("lower-back-left", "calf-left")
    assert answer_words(item, answer, shipped.content.words("en")) == (
        "Lower back, left side; Left calf")
    assert answer_words(item, answer, shipped.content.words("es")) == (
        "Parte baja de la espalda, lado izquierdo; Pantorrilla izquierda")
