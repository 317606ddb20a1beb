"""The FHIR R4 resources the kiosk exports, by the names the rest of the kiosk uses.

`questionnaire_resource` is the one Questionnaire of a content version (every language in it),
`questionnaire_response` a visit's answers to it; kiosk.fhir.bundle makes a visit's
transaction Bundle. Without a Publication (the clinic's settings), both name the content's own
address.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from kiosk.fhir.enable_when import enable_when, fhir_type
from kiosk.fhir.publication import Publication
from kiosk.fhir.questionnaire import item_text, questionnaire
from kiosk.fhir.response import ASSISTED_TAG, answer_count, answer_values, questionnaire_response

if TYPE_CHECKING:
    from kiosk.content.model import Content

__all__ = ["ASSISTED_TAG", "answer_count", "answer_values", "enable_when", "fhir_type",
           "item_text", "questionnaire_resource", "questionnaire_response"]


def questionnaire_resource(content: Content, language: str,
                           publication: Publication | None = None,
                           date: datetime.date | None = None) -> dict[str, Any]:
    """The questionnaire as one FHIR R4 Questionnaire, texts in `language` and every other
    language as translations (ValueError when FHIR cannot say something of it)."""
    return questionnaire(content, publication or Publication.of(content), language, date)
