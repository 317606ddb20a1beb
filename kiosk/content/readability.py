"""Readability scores for the kiosk's patient education text (pure standard library).

Two measures are offered:

* ``english_grade`` - Flesch-Kincaid grade level:
  ``0.39 * words / sentences + 11.8 * syllables / words - 15.59``.
* ``spanish_ease`` - Fernandez-Huerta reading ease:
  ``206.84 - 0.60 * P - 1.02 * F``, where P is syllables per 100 words and F is words per
  sentence (the corrected reading of the formula: the printed "sentences per 100 words"
  would score short sentences as harder; higher means easier).

Text rules shared by both:

* A sentence ends with ``.``, ``!`` or ``?`` (followed by a space or the end of the text) or
  with a newline. Callers feed a section as its title and body blocks joined with ``". "``,
  so each heading and each bullet counts as its own sentence. A period inside a number
  (``5.000``) does not end a sentence.
* A word is a run of letters (apostrophes inside it allowed); hyphens split words. A number
  counts as one word of one syllable per digit, at most four.
* Syllables are counted with heuristics (vowel groups plus a few rules), so the scores are
  estimates, good for comparing drafts, not exact.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")

_EN_SHORT_WORD = 3  # words this short have one syllable ("the", "you", "day")
_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_EN_SILENT_END = re.compile(r"[^aeiouy]e$|[^aeiouytd]ed$|[^aeiouyszxhcg]es$")
_EN_SYLLABIC_LE = re.compile(r"[^aeiouy]les?$")
_ES_VOWELS = frozenset("aeiouáéíóúü")
# Strong vowels, plus accented i/u, which break a diphthong (hiatus: "dí-a", "ba-úl").
_ES_STRONG = frozenset("aeoáéóíú")


def _sentences(text: str) -> list[list[str]]:
    """Split text into sentences, each a list of word tokens; drop sentences without words."""
    parts = (_TOKEN.findall(part) for part in _SENTENCE_END.split(text))
    return [words for words in parts if words]


def _number_syllables(token: str) -> int:
    return min(4, sum(ch.isdigit() for ch in token)) or 1


def english_syllables(word: str) -> int:
    """Estimate the syllables in one English word (never less than 1)."""
    if word[:1].isdigit():
        return _number_syllables(word)
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= _EN_SHORT_WORD:
        return 1
    count = len(_EN_VOWEL_GROUP.findall(w[1:] if w[0] == "y" else w))
    # Silent endings: "e" ("make", but not "people"), "ed" ("used", but not "needed") and
    # "es" ("makes", but not "uses", "boxes" or the syllabic "-les" of "needles").
    if _EN_SILENT_END.search(w) and not _EN_SYLLABIC_LE.search(w):
        count -= 1
    # A vowel before "-ing" is its own syllable ("being", "doing").
    if re.search(r"[aeiou]ing$", w):
        count += 1
    return max(1, count)


def spanish_syllables(word: str) -> int:
    """Estimate the syllables in one Spanish word (never less than 1).

    Each group of adjacent vowels is one syllable (a diphthong or triphthong, as in "cuidado"
    or "buey") unless two strong vowels meet, or a strong vowel meets an accented i or u; those
    pairs are split (hiatus: "le-er", "dí-a"). A final "y" after a vowel ("hoy", "muy") joins
    the group before it; "y" on its own is one syllable.
    """
    if word[:1].isdigit():
        return _number_syllables(word)
    w = word.lower()
    if w == "y":
        return 1
    count = 0
    prev = ""
    for ch in w:
        if ch in _ES_VOWELS:
            if not prev or (prev in _ES_STRONG and ch in _ES_STRONG):
                count += 1
            prev = ch
        else:
            prev = ""
    return max(1, count)


def english_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of English text (0.0 for text without words)."""
    sentences = _sentences(text)
    words = [word for sentence in sentences for word in sentence]
    if not words:
        return 0.0
    syllables = sum(english_syllables(word) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


def spanish_ease(text: str) -> float:
    """Return the Fernandez-Huerta reading ease of Spanish text (0.0 for text without words).

    Scores of 60-70 read as "normal", 70-80 as "fairly easy", above 80 as "easy".
    """
    sentences = _sentences(text)
    words = [word for sentence in sentences for word in sentence]
    if not words:
        return 0.0
    per_100 = 100.0 / len(words)
    syllables = sum(spanish_syllables(word) for word in words) * per_100
    words_per_sentence = len(words) / len(sentences)
    return 206.84 - 0.60 * syllables - 1.02 * words_per_sentence
