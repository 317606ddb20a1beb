"""No two visits share an id: a day's ids are short enough to read out, so a new visit draws
again when the id it drew is kept already."""

from __future__ import annotations

import pytest

import kiosk.intake.session as session_module
from kiosk.content.model import Loaded
from kiosk.intake.session import IntakeSession


def test_a_new_visit_draws_again_until_its_id_is_not_kept_already(
        shipped: Loaded, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter(["V-1201-AAAA", "V-1201-BBBB", "V-1201-AAAA", "V-1201-CCCC"])
    monkeypatch.setattr(session_module, "new_visit_id", lambda when: next(drawn))
    kept = {"V-1201-AAAA", "V-1201-BBBB"}
    content = shipped.content
    visit = IntakeSession(content.questionnaire, content.rules, id_taken=kept.__contains__)
    assert visit.visit_id == "V-1201-CCCC"
    assert visit.snapshot("en").visit_id == "V-1201-CCCC", "kept once given"
