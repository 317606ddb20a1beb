"""`simulate` shows a clinic editor what the kiosk makes of an answer file: the answers a patient
would see, what branching dropped, and the outcome for the specialist, or where the file is
wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import Loaded
from tests.conftest import ROOT

EXAMPLES = ROOT / "resources" / "examples"
#: Each example's outcome, and the words of its first comment line that promise it.
PROMISED = {
    "likely-candidate.yaml": ("likely-candidate", "A likely candidate"),
    "urgent.yaml": ("urgent", "An urgent red flag"),
    "review.yaml": ("review", "A clinician review"),
    "not-suitable.yaml": ("may-not-be-suitable", "May not be suitable"),
    "spanish.yaml": ("likely-candidate", "likely candidate"),
    "branching.yaml": ("review", "counted, it would wrongly make a likely candidate"),
    "cancer-history.yaml": ("review", "a review flag and an exclusion"),
}


def simulate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["simulate", *args])
    return status, capsys.readouterr().out.splitlines()


def answer_file(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The likely-candidate example with one line changed, and that line's number."""
    text = (EXAMPLES / "likely-candidate.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "answers.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(new) + 1
    return path, line


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_each_example_gives_the_outcome_its_first_line_promises(
        example: Path, shipped: Loaded, capsys: pytest.CaptureFixture[str]) -> None:
    assert example.name in PROMISED, f"say what {example.name} should give in PROMISED"
    category, promise = PROMISED[example.name]
    first_line = example.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# ") and promise in first_line
    status, out = simulate(capsys, str(example))
    assert status == 0
    words = shipped.content.words("en").rules.outcomes[category]
    assert [line for line in out if line.startswith("Outcome:")] == [
        f"Outcome: {category} ({words})"]


def test_the_branching_example_shows_the_dropped_physio_answer_and_why(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out = simulate(capsys, str(EXAMPLES / "branching.yaml"))
    assert status == 0
    dropped = out.index("Dropped (hidden by branching, so never stored or used):")
    assert out[dropped + 1] == "  physio-helped: shown only if treatments-tried = physio"
    shown = out[:dropped]
    assert not any(line.startswith("  physio-helped:") for line in shown)
    assert "  [missing-inclusion] Criterion not met or unknown: No lasting relief from" \
           " physiotherapy, medicines or injections" in out


def test_examples_without_dropped_answers_have_no_dropped_list(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out = simulate(capsys, str(EXAMPLES / "likely-candidate.yaml"))
    assert not any(line.startswith("Dropped") for line in out)


def test_in_spanish_the_questions_and_answers_are_spanish(
        shipped: Loaded, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = simulate(capsys, "--lang", "es", str(EXAMPLES / "spanish.yaml"))
    assert status == 0
    es = shipped.content.words("es")
    en = shipped.content.words("en")
    assert out[0] == "Answers shown to the patient (es):"
    assert "  pain-duration: 2 años" in out
    assert f"Outcome: likely-candidate ({es.rules.outcomes['likely-candidate']})" in out
    duration_question = es.questionnaire.clinical("pain-duration")
    assert f"      {duration_question} -> 2 años" in out
    assert not any(en.questionnaire.clinical("pain-duration") in line for line in out)


def test_an_unknown_question_id_names_file_line_and_the_likely_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = answer_file(tmp_path, "pain-now: 6", "pain-nwo: 6")
    status, out = simulate(capsys, str(path))
    assert status == 1
    assert out == [f"{path}:{line}: pain-nwo: no such question (did you mean 'pain-now'?)",
                   "1 error(s) found"]


def test_an_answer_the_question_cannot_take_names_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = answer_file(tmp_path, "pain-now: 6", "pain-now: 11")
    status, out = simulate(capsys, str(path))
    assert status == 1
    assert out == [f"{path}:{line}: pain-now: 11 is outside 0 to 10", "1 error(s) found"]


def test_an_infinite_pain_score_is_an_error_not_a_crash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = answer_file(tmp_path, "pain-now: 6", "pain-now: .inf")
    status, out = simulate(capsys, str(path))
    assert status == 1
    assert out == [f"{path}:{line}: pain-now: inf is not a number", "1 error(s) found"]


def test_a_language_the_content_lacks_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--lang", "fr", str(EXAMPLES / "urgent.yaml")]) == 2
    assert capsys.readouterr().err.strip() == "no language 'fr'"


def test_a_value_that_cannot_be_read_is_one_error_not_two(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = answer_file(tmp_path, "pain-now: 6", "pain-now: {score: 6}")
    status, out = simulate(capsys, str(path))
    assert status == 1
    assert out == [f"{path}:{line}: pain-now: expected a single value, got a mapping",
                   "1 error(s) found"]
