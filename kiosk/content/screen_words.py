"""The words of the kiosk's own screens, of the specialist's summary and of the staff
screens, in one language each: every string that is not education or questionnaire content."""

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


@dataclass(frozen=True, slots=True)
class StaffWords:
    """The words of staff mode (shown in the clinic's printing language)."""

    pin_title: str
    pin_prompt: str
    pin_wrong: str
    pin_locked: str
    pin_not_set: str
    pin_wrong_before_hold: str
    pin_locked_minutes: str
    pin_held: str
    pin_urgent_note: str
    pin_ok: str
    pin_cancel: str
    dashboard_title: str
    no_visits: str
    not_seen: str
    acknowledge: str
    reprint: str
    close: str
    exit_kiosk: str
    exit_confirm: str
    confirm_yes: str
    confirm_no: str
    printer_line: str
    outbox_line: str
    outbox_refused: str
    outbox_waiting: str
    outbox_overdue: str
    outbox_again: str
    state_printed: str
    state_queued: str
    state_failed: str
    save_pdf: str
    saved_to: str
    no_pdf_folder: str
    delete: str
    delete_confirm: str
    delete_confirm_unnamed: str
    delete_yes: str
    purge_all: str
    purge_confirm: str
    retry_now: str
    store_again: str
    store_again_done: str
    store_again_failed: str
    audit_title: str
    tools: str
    printers_title: str
    no_printers: str
    printer_chosen: str
    last_error: str
    test_print: str
    test_print_sent: str
    test_print_no_printer: str
    test_print_missing: str
    test_print_failed: str
    zoom_in: str
    zoom_out: str
    content_title: str
    check_content: str
    content_ok: str
    reload_content: str
    reloaded: str
    reload_refused: str
    settings_line: str
    health_title: str
    health_line: str
    health_last_first: str
    health_last_stopped: str
    health_last_unstopped: str
    back_to_visits: str
    view: str
    urgent_title: str
    urgent_identity_missing: str
    urgent_answers: str
    urgent_continue: str
    urgent_end: str
    urgent_note: str
    urgent_slip_state: str
    status_open: str
    status_unfinished: str
    keep_title: str
    keep_body: str
    keep_return: str
    keep_clear: str
    help_patient: str
    assist_title: str
    assist_note: str
    assist_language: str
    assist_on: str
    assist_off: str
    assist_hand_over: str
    assist_together: str

    PLACEHOLDERS: ClassVar[dict[str, frozenset[str]]] = {
        "urgent_title": frozenset({"visit"}),
        "store_again_done": frozenset({"count"}),
        "urgent_slip_state": frozenset({"state"}),
        "pin_wrong": frozenset({"left"}),
        "pin_locked": frozenset({"seconds"}),
        "pin_wrong_before_hold": frozenset({"left"}),
        "pin_locked_minutes": frozenset({"minutes"}),
        "printer_line": frozenset({"printer", "waiting"}),
        "outbox_line": frozenset({"delivered", "waiting", "refused"}),
        "outbox_refused": frozenset({"visit", "status", "reason"}),
        "outbox_waiting": frozenset({"reason"}),
        "outbox_overdue": frozenset({"visit", "hours", "limit"}),
        "saved_to": frozenset({"path"}),
        "printer_chosen": frozenset({"printer"}),
        "delete_confirm": frozenset({"name", "born"}),
        "delete_confirm_unnamed": frozenset({"time"}),
        "test_print_sent": frozenset({"printer"}),
        "test_print_missing": frozenset({"printer"}),
        "test_print_failed": frozenset({"error"}),
        "last_error": frozenset({"error"}),
        "settings_line": frozenset({"idle", "warning", "retention"}),
        "health_line": frozenset({"version", "content", "uptime", "last_run", "free", "store",
                                  "printing", "outbox"}),
        "health_last_stopped": frozenset({"at"}),
        "health_last_unstopped": frozenset({"at"}),
    }
