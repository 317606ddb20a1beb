"""Typed text is cleaned at the door: what a patient or a clinic editor typed is kept as the
visible letters, without the invisible characters that could reverse a printed name, pass
for an answer, or slip control codes into the record."""

from __future__ import annotations

import datetime
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import Loaded
from kiosk.content.simulate import simulate, visit_from_file
from kiosk.intake.answers import AnswerInvalid, checked
from kiosk.intake.free_text import BLANKS, INVISIBLE, cleaned
from kiosk.intake.session import AnswerRequired, IntakeSession
from tests.conftest import ROOT

TODAY = datetime.date(2025, 6, 1)
LIKELY_CANDIDATE = ROOT / "resources" / "examples" / "likely-candidate.yaml"

RLO, PDF, LRI, PDI, LRM, RLM, ALM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", \
    "\u061c"
ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN, MONGOLIAN_VS = \
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"
NUL, ESC, DEL, C1_CSI = "\x00", "\x1b", "\x7f", "\x9b"


def session_of(shipped: Loaded) -> IntakeSession:
    session = IntakeSession(shipped.content.questionnaire, shipped.content.rules, today=TODAY)
    session.start()
    return session


def first_name(shipped: Loaded, value: str) -> str:
    answer = checked(shipped.content.questionnaire.item("first-name"), value, TODAY)
    assert isinstance(answer, str)
    return answer


# -- each kind of character --------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    f"{RLO}Maria", f"{RLO}Maria{PDF}", f"Ma{LRI}ria{PDI}", f"{LRM}Maria{RLM}", f"Maria{ALM}",
    "\u202aMaria\u202b\u202d"])
def test_bidirectional_controls_go_and_the_letters_stay_in_the_order_typed(
        shipped: Loaded, typed: str) -> None:
    assert first_name(shipped, typed) == "Maria"


@pytest.mark.parametrize("typed", [
    f"Ma{ZWSP}ria", f"Ma{ZWNJ}ria", f"Ma{ZWJ}ria", f"{WORD_JOINER}Maria", f"{BOM}Maria",
    f"Ma{SOFT_HYPHEN}ria", f"Maria{MONGOLIAN_VS}", "Ma\u3164ria", "Maria\u034f"])
def test_zero_width_and_invisible_characters_go(shipped: Loaded, typed: str) -> None:
    assert first_name(shipped, typed) == "Maria"


@pytest.mark.parametrize("typed", [
    f"Ma{NUL}ria", f"{ESC}Maria", f"Maria{DEL}", f"Ma{C1_CSI}ria", "Ma\x07ria\x1f"])
def test_control_characters_go(shipped: Loaded, typed: str) -> None:
    assert first_name(shipped, typed) == "Maria"


def test_line_breaks_and_tabs_only_separate_words_on_a_one_line_answer(shipped: Loaded) -> None:
    assert first_name(shipped, "Maria\r\n\tJosé\u2028Ana\u2029") == "Maria José Ana"


def test_every_kind_of_space_becomes_one_ordinary_space_and_the_ends_are_trimmed(
        shipped: Loaded) -> None:
    assert first_name(shipped, "\u00a0 Maria\u3000\u2003 José\u202f ") == "Maria José"


def test_an_accent_typed_apart_is_joined_to_its_letter() -> None:
    assert cleaned("Jose\u0301") == "José"
    assert cleaned("Jose\u0301") == "Jos\u00e9"
    assert cleaned(f"Jose{ZWSP}\u0301") == "José"  # joined once the invisible character goes


@pytest.mark.parametrize("name", [
    "José", "Muñoz", "Çelik", "O'Brien", "Smith-Jones", "Zoë D’Arcy", "Nguyễn Thị Minh Khai",
    "Łukasz Żółć", "山田 太郎", "김민준", "محمد", "דוד", "Ἀθηνᾶ", "Владимир", "Maria 😊",
    "\u2764\ufe0f", "Ana 2nd", "St. John"])
def test_real_names_are_kept_exactly(shipped: Loaded, name: str) -> None:
    assert cleaned(name) == name
    assert first_name(shipped, name) == name


@pytest.mark.parametrize("typed", [
    "", "   ", ZWSP, ZWSP * 5, f"{ZWSP} {ZWNJ}{ZWJ}{WORD_JOINER}{BOM}", f"{RLO}{PDF}",
    SOFT_HYPHEN, "\u3164\u3164", "\u2800", "\u0301", "\ufe0f", f"{NUL}{ESC}{DEL}", "\t\n"])
def test_nothing_visible_is_no_answer(shipped: Loaded, typed: str) -> None:
    assert cleaned(typed) == ""
    with pytest.raises(AnswerInvalid) as refused:
        first_name(shipped, typed)
    assert refused.value.reason == "empty"


def test_length_counts_the_characters_kept(shipped: Loaded) -> None:
    item = shipped.content.questionnaire.item("first-name")
    assert first_name(shipped, "A" * item.max_length + ZWSP * 50) == "A" * item.max_length
    assert first_name(shipped, "A " + " " * 60 + "B") == "A B"
    with pytest.raises(AnswerInvalid) as refused:
        first_name(shipped, "A" * (item.max_length + 1))
    assert refused.value.reason == "too-long"


# -- any text at all ---------------------------------------------------------------------------

TRICKY = st.sampled_from([
    RLO, PDF, LRI, PDI, LRM, RLM, ALM, ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN,
    MONGOLIAN_VS, NUL, ESC, DEL, C1_CSI, "\t", "\n", "\r", "\x85", "\u2028", "\u2029", " ",
    "\u00a0", "\u3000", "\u0301", "\u0308", "\ufe0f", "\u3164", "\u2800", "e", "E", "\u0958"])
ANY_TEXT = st.text(st.one_of(st.characters(exclude_categories=()), TRICKY))


@settings(deadline=None, derandomize=True)  # the same examples on every machine, untimed
@given(ANY_TEXT)
@example("\u202eMaria")
@example(f"e{ZWSP}\u0301")
@example(" \u0301 a")
def test_cleaned_text_has_no_hidden_characters_one_space_at_a_time_and_stays_cleaned(
        text: str) -> None:
    clean = cleaned(text)
    assert not [char for char in clean
                if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")]
    assert not INVISIBLE.intersection(clean) and not BLANKS.intersection(clean)
    assert unicodedata.is_normalized("NFC", clean)
    assert clean == clean.strip()
    assert "  " not in clean
    assert all(char == " " or not char.isspace() for char in clean)
    assert cleaned(clean) == clean


VISIBLE_CHARACTERS = st.characters(categories=("L", "M", "N", "P", "S"),
                                   exclude_characters=INVISIBLE | BLANKS)


@settings(deadline=None, derandomize=True)
@given(st.lists(st.text(VISIBLE_CHARACTERS, min_size=1), min_size=1, max_size=5))
@example(["\U0001e944", "\U0001e944"])  # combining marks with a space between: nothing to see
def test_text_of_visible_characters_and_single_spaces_is_only_composed(words: list[str]) -> None:
    text = " ".join(words)
    if any(char != " " and unicodedata.category(char)[0] != "M" for char in text):
        assert cleaned(text) == unicodedata.normalize("NFC", text)
    else:
        assert cleaned(text) == ""


# -- every way in ------------------------------------------------------------------------------

def test_the_session_keeps_the_cleaned_name(shipped: Loaded) -> None:
    session = session_of(shipped)
    session.answer("first-name", f"{RLO}Mar{ZWSP}ia{NUL}")
    session.answer("last-name", f"  Jose\u0301{ESC}  Muñoz{DEL} ")
    assert session.answers["first-name"] == "Maria"
    assert session.answers["last-name"] == "José Muñoz"


def test_a_name_of_invisible_characters_needs_an_answer_as_an_empty_field_does(
        shipped: Loaded) -> None:
    session = session_of(shipped)
    for typed in ("", f"{ZWSP}{ZWJ}{BOM} {SOFT_HYPHEN}"):
        # As the question screen does: a refused answer leaves the question unanswered.
        with pytest.raises(AnswerInvalid) as refused:
            session.answer("first-name", typed)
        assert refused.value.reason == "empty"
        session.answer("first-name", None)
        assert "first-name" not in session.answers
        with pytest.raises(AnswerRequired) as required:
            session.go_next()
        assert required.value.item.id == "first-name"


def answer_file(tmp_path: Path, first: str, last: str) -> Path:
    """The likely-candidate example with the names replaced by YAML double-quoted strings."""
    text = LIKELY_CANDIDATE.read_text(encoding="utf-8")
    text = text.replace("first-name: Maria", f'first-name: "{first}"', 1)
    text = text.replace("last-name: Example", f'last-name: "{last}"', 1)
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_answer_file_is_cleaned_as_a_touch_is(shipped: Loaded, tmp_path: Path) -> None:
    path = answer_file(tmp_path, r"\u202EMaria", r"Ex\u200Bample\0\e\x7F")
    out = io.StringIO()
    assert simulate(path, shipped.content, "en", out, TODAY) == 0
    assert "  first-name: Maria" in out.getvalue().splitlines()
    assert "  last-name: Example" in out.getvalue().splitlines()
    visit = visit_from_file(path, shipped.content, "en", io.StringIO())
    assert visit is not None
    assert (visit.answers["first-name"], visit.answers["last-name"]) == ("Maria", "Example")


def test_an_answer_file_with_an_invisible_name_says_it_needs_text(
        shipped: Loaded, tmp_path: Path) -> None:
    path = answer_file(tmp_path, r"\u200B\u200D\uFEFF", "Example")
    line = path.read_text(encoding="utf-8").splitlines().index(
        r'first-name: "\u200B\u200D\uFEFF"') + 1
    out = io.StringIO()
    assert simulate(path, shipped.content, "en", out, TODAY) == 1
    assert out.getvalue().splitlines() == [f"{path}:{line}: first-name: expected some text",
                                           "1 error(s) found"]
