"""Waiting-room kiosk for spine clinics: education, intake questionnaire and specialist summary."""

__version__ = "0.1.0"
