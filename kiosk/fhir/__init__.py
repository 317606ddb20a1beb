"""FHIR R4: the questionnaire and each visit as resources a record system reads."""
