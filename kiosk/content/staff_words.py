"""The words of staff mode, in one language: the PIN pad, the visits list, the tools and
every message a receptionist reads there (shown in the clinic's printing language)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


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
