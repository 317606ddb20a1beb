"""Clinic settings: name, colours, language and every duration the kiosk uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.intake.typed_date import DateOrder

TextSize = Literal["normal", "large", "largest"]
TEXT_SIZES: tuple[TextSize, ...] = ("normal", "large", "largest")

#: WCAG 2.2.1: before a time limit ends, give at least 20 seconds to extend it.
MIN_WARNING_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """Who the kiosk belongs to and how it looks."""

    name: str
    logo: str | None = None  # image file, relative to the settings file
    accent_color: str = "#1f6f8b"
    emergency_number: str = "911"


@dataclass(frozen=True, slots=True)
class KioskSettings:
    """How the kiosk behaves on the waiting-room screen."""

    language: str = "en"
    text_size: TextSize = "normal"
    idle_seconds: float = 90.0
    warning_seconds: float = 30.0
    attract_seconds: float = 6.0
    animations: bool = True
    thanks_seconds: float = 20.0
    location: str | None = None  # where this kiosk stands, printed on the urgent slip
    # A one-tap answer (yes/no, one of several, 0-10) moves on by itself after this long;
    # 0 keeps Next on every question.
    auto_advance_seconds: float = 0.8
    date_order: DateOrder = "mdy"  # the order a date of birth is typed in
    # The format of the clinic's record numbers or appointment codes, as a regular expression
    # the whole answer must match; none: the record-number question is not asked.
    record_number_pattern: str | None = None
    # That format in plain words for the patient, in each language (shown under the question).
    record_number_format: dict[str, str] = field(default_factory=dict)
    # The opt-in scored measures this clinic asks (ids from questionnaire.yaml `scoring:`),
    # each turned on after checking its licence terms; none by default.
    instruments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreenSettings:
    """The waiting-room screen as a patient sees it: its size and how far away they read it.

    Text at the normal size is made large enough to read from `viewing_distance_mm`
    (EN 301 549 5.1.4)."""

    diagonal_inches: float = 21.5  # a common waiting-room touchscreen
    # A patient who touches the screen, seated or standing, has it within a bent arm's reach:
    # eyes about 350-450 mm from the glass; the middle of that.
    viewing_distance_mm: float = 400.0


@dataclass(frozen=True, slots=True)
class PrintingSettings:
    """Where and how the specialist's summary is printed, and what the kiosk keeps."""

    language: str = "en"
    paper: Literal["letter", "a4"] = "letter"
    printer: str | None = None
    urgent_printer: str | None = None  # urgent slips go here when set, else to `printer`
    retention_hours: float = 24.0


#: What a visit's delivery writes (SMART v2 system scopes): conditional creates and updates
#: search first, so each resource type is also read and searched.
DELIVERY_SCOPE = ("system/Patient.crs system/QuestionnaireResponse.cruds"
                  " system/Observation.cruds system/Flag.cruds")
#: Added to the scope when the kiosk makes front-desk Tasks.
TASK_SCOPE = "system/Task.crs"


@dataclass(frozen=True, slots=True)
class FhirSettings:
    """How the clinic's FHIR server knows this kiosk's questionnaire, visits and patients.

    `canonical_base` is the clinic's own web address for FHIR definitions (the Questionnaire
    is `<canonical_base>/Questionnaire/<name>`); without it, exports name the content's
    placeholder address and say so. `identifier_system` is the clinic's system for visit ids
    (default `<canonical_base>/visit`), `record_number_system` that of its record numbers
    (default `<canonical_base>/record-number`), `publisher` the clinic's name unless given,
    and `kiosk_name` sets this kiosk's visit ids apart from those of the group's others.

    `server` is the base address of the clinic's FHIR server every visit is delivered to
    (https; none: visits go to no server). The kiosk shows who it is in one of two ways:
    SMART Backend Services, with `client_id` (as registered at the clinic's authorization
    server) and `private_key_file` (its signing key, made by `kiosk fhir-key`) asking for
    `scope`; or a static bearer token in `token_file`. Both files are in the kiosk's config
    folder, readable by the kiosk's user only. With `front_desk_tasks` each urgent red flag
    also makes a Task for the front desk (for a record system that shows a work list). A visit
    not yet delivered is kept past the
    printing retention until it is, but `keep_undelivered_hours` at most."""

    canonical_base: str | None = None
    identifier_system: str | None = None
    record_number_system: str | None = None
    publisher: str | None = None
    kiosk_name: str | None = None
    server: str | None = None
    client_id: str | None = None
    private_key_file: str | None = None
    scope: str = DELIVERY_SCOPE
    token_file: str | None = None
    front_desk_tasks: bool = False
    keep_undelivered_hours: float = 168.0


#: Loudness and speed of the read-aloud voice go in steps from 1 to 5 (the bar shows
#: "Volume 3 of 5"); the words per minute and loudness of each step are the speech engine's.
SpeechStep = Literal[1, 2, 3, 4, 5]
SPEECH_STEPS = 5


@dataclass(frozen=True, slots=True)
class SpeechSettings:
    """Reading every screen aloud, in the patient's language, when the patient turns it on."""

    enabled: bool = True  # false hides the "Read aloud" control on every kiosk of the clinic
    volume: SpeechStep = 3  # the loudness each visit starts at
    rate: SpeechStep = 3  # the speed each visit starts at


Corner = Literal["top-right", "top-left", "bottom-right", "bottom-left"]


@dataclass(frozen=True, slots=True)
class StaffSettings:
    """The hidden way in for the front desk: a gesture, then a PIN."""

    pin_hash: str | None = None  # written by `kiosk set-pin`; never the PIN itself
    corner: Corner = "top-right"
    corner_px: int = 96
    taps: int = 5
    tap_seconds: float = 3.0
    wrong_pins: int = 5
    lockout_seconds: float = 60.0  # the first lock; each lock in a row after it grows
    lockouts_before_hold: int = 3  # locks in a row; then wrong PINs hold staff mode for IT
    idle_seconds: float = 120.0
    pdf_folder: str | None = None  # where "Save as PDF" writes, e.g. a USB stick's mount


#: The weakest scrypt hash of the staff PIN the kiosk accepts: what `kiosk set-pin` writes.
MIN_SCRYPT_N, MIN_SCRYPT_R, MIN_SCRYPT_P = 2**14, 8, 1
MIN_SALT_BYTES, MIN_KEY_BYTES = 16, 32
#: The costliest it checks: more would freeze the PIN pad (memory 128 * n * r bytes; time
#: grows with n * r * p).
MAX_SCRYPT_MEMORY = 64 * 1024 * 1024
MAX_SCRYPT_WORK = 2**16 * 8
MAX_SALT_BYTES = MAX_KEY_BYTES = 64
SET_PIN_AGAIN = "set the PIN again with: python main.py set-pin"


@dataclass(frozen=True, slots=True)
class PinHash:
    """The parts of `scrypt$<n>$<r>$<p>$<salt hex>$<key hex>`, as `kiosk set-pin` writes it."""

    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def read_pin_hash(stored: str) -> PinHash:
    """The parts of a PIN hash at least as strong as the floor, or ValueError saying what is
    wrong in words for the settings file's editor (never quoting the hash itself)."""
    parts = stored.split("$")
    try:
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError
        n, r, p = (int(part, 10) for part in parts[1:4])
        found = PinHash(n, r, p, bytes.fromhex(parts[4]), bytes.fromhex(parts[5]))
    except ValueError:
        raise ValueError("is not a PIN hash written by set-pin (scrypt$n$r$p$salt$key); "
                         + SET_PIN_AGAIN) from None
    weak = [what for what, too_weak in (
        (f"scrypt n is {n}, at least {MIN_SCRYPT_N} is needed", n < MIN_SCRYPT_N),
        (f"scrypt r is {r}, at least {MIN_SCRYPT_R} is needed", r < MIN_SCRYPT_R),
        (f"scrypt p is {p}, at least {MIN_SCRYPT_P} is needed", p < MIN_SCRYPT_P),
        (f"the salt is {len(found.salt)} bytes, at least {MIN_SALT_BYTES} are needed",
         len(found.salt) < MIN_SALT_BYTES),
        (f"the key is {len(found.key)} bytes, at least {MIN_KEY_BYTES} are needed",
         len(found.key) < MIN_KEY_BYTES)) if too_weak]
    if weak:
        raise ValueError(f"the PIN hash is too weak ({'; '.join(weak)}); {SET_PIN_AGAIN}")
    if n & (n - 1):
        raise ValueError(f"scrypt n must be a power of 2 (it is {n}); {SET_PIN_AGAIN}")
    if (128 * n * r > MAX_SCRYPT_MEMORY or n * r * p > MAX_SCRYPT_WORK
            or len(found.salt) > MAX_SALT_BYTES or len(found.key) > MAX_KEY_BYTES):
        raise ValueError("the PIN hash is too costly to check on the kiosk (it would freeze"
                         f" the PIN pad); {SET_PIN_AGAIN}")
    return found


def pin_hash_problem(stored: str | None) -> str | None:
    """What is wrong with the settings' PIN hash, or None when it is missing or good enough."""
    if stored is None:
        return None
    try:
        read_pin_hash(stored)
    except ValueError as refused:
        return str(refused)
    return None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything in settings.yaml, typed."""

    clinic: ClinicSettings
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    screen: ScreenSettings = field(default_factory=ScreenSettings)
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    fhir: FhirSettings = field(default_factory=FhirSettings)
