"""The words of the kiosk's own screens and of the specialist's summary, in one language each:
every string that is not education or questionnaire content (staff mode's words are in
kiosk/content/staff_words.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class UiWords:
    """Every string the screens show that is not education content, in one language."""

    language_name: str
    attract_title: str
    attract_touch: str
    home_welcome: str
    home_intro: str
    home_picture: str
    home_learn: str
    home_learn_hint: str
    home_questionnaire: str
    home_questionnaire_hint: str
    home_questionnaire_kept: str
    home_questionnaire_kept_hint: str
    home_kept_note: str
    home_kept_delete: str
    home_kept_ask: str
    home_kept_yes: str
    home_kept_no: str
    sections_title: str
    sections_intro: str
    section_position: str
    back: str
    home: str
    previous_section: str
    next_section: str
    all_sections: str
    reader_questions: str
    text_size: str
    text_size_normal: str
    text_size_large: str
    text_size_largest: str
    idle_title: str
    idle_body: str
    idle_countdown: str
    idle_countdown_one: str
    idle_continue: str
    answer_yes: str
    answer_no: str
    answer_unsure: str
    answer_prefer_not: str
    answer_none: str
    duration_month_one: str
    duration_months: str
    duration_year_one: str
    duration_years: str
    duration_in_months: str
    duration_in_years: str
    date_day: str
    date_month: str
    date_year: str
    month_names: str
    date_pattern: str
    question_progress: str
    question_next: str
    question_required: str
    question_pick_any: str
    identity_title: str
    identity_intro: str
    review_title: str
    review_intro: str
    review_not_answered: str
    review_change: str
    review_back_to: str
    review_send: str
    confirm_body: str
    urgent_title: str
    urgent_body: str
    urgent_no_one: str
    urgent_severe: str
    urgent_icon: str
    urgent_staff: str
    thanks_title: str
    thanks_body: str
    thanks_done: str
    unsaved_title: str
    unsaved_body: str
    question_moves_on: str
    question_moves_back: str
    question_different_answers: str
    question_needs_answer: str
    date_hint: str
    date_delete: str
    date_not_real: str
    date_in_future: str
    date_check_year: str
    date_century: str
    text_cut: str
    text_count: str
    record_number_wrong: str
    read_aloud: str
    speech_pause: str
    speech_resume: str
    speech_repeat: str
    speech_volume: str
    speech_louder: str
    speech_quieter: str
    speech_speed: str
    speech_faster: str
    speech_slower: str
    speech_level: str
    contrast: str
    contrast_clinic: str
    contrast_black_on_white: str
    contrast_white_on_black: str
    contrast_yellow_on_black: str
    spoken_chosen: str
    spoken_unchosen: str
    spoken_choices: str
    spoken_button: str
    pain_map_front: str
    pain_map_back: str
    pain_map_left: str
    pain_map_right: str
    pain_map_figure: str
    pain_map_list: str

    PLACEHOLDERS: ClassVar[dict[str, frozenset[str]]] = {
        "section_position": frozenset({"number", "total"}),
        "idle_countdown": frozenset({"seconds"}),
        "home_welcome": frozenset({"clinic"}),
        "duration_months": frozenset({"count"}),
        "duration_years": frozenset({"count"}),
        "question_progress": frozenset({"number", "total", "title"}),
        "date_century": frozenset({"year"}),
        "date_pattern": frozenset({"day", "month", "year"}),
        "text_cut": frozenset({"limit", "cut"}),
        "text_count": frozenset({"count", "limit"}),
        "record_number_wrong": frozenset({"format"}),
        "speech_level": frozenset({"level", "levels"}),
        "spoken_chosen": frozenset({"answer"}),
        "spoken_unchosen": frozenset({"answer"}),
        "spoken_button": frozenset({"label"}),
        "urgent_no_one": frozenset({"emergency"}),
        "urgent_severe": frozenset({"emergency"}),
    }


@dataclass(frozen=True, slots=True)
class SummaryWords:
    """The headings and labels of the specialist's printed summary, in one language."""

    title: str
    visit: str
    submitted: str
    saved: str
    date_of_birth: str
    age: str
    language_used: str
    language_names: dict[str, str]
    translated: str
    outcome: str
    red_flags: str
    flags_none: str
    urgent_flag: str
    review_flag: str
    denied: str
    candidacy: str
    criteria_met: str
    criteria_not_met: str
    none_listed: str
    exclusion_present: str
    see_above: str
    pain: str
    pain_now: str
    pain_worst: str
    pain_duration: str
    front: str
    back: str
    right_side: str
    left_side: str
    below_knee: str
    not_below_knee: str
    history: str
    own_words: str
    notes: str
    screening_aid: str
    score_answered: str
    not_scored: str
    decimal_mark: str
    questionnaire_version: str
    copy: str
    flag_answered: str
    flag_changed: str
    no_answer: str
    status_open: str
    status_unfinished: str
    kiosk_location: str
    urgent_slip_note: str
    front_desk_task: str
    assisted: str

    PLACEHOLDERS: ClassVar[dict[str, frozenset[str]]] = {
        "flag_answered": frozenset({"answer", "time"}),
        "flag_changed": frozenset({"answer", "time", "now", "changed"}),
        "exclusion_present": frozenset({"rule"}),
        "below_knee": frozenset({"regions"}),
        "score_answered": frozenset({"answered", "items"}),
        "not_scored": frozenset({"answered", "items"}),
        "front_desk_task": frozenset({"flag"}),
    }
