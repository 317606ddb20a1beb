"""The pain block of the specialist's page: intensity, duration, scores, the pain drawing.

The drawing is printed as a small figure of both body outlines with the marked regions
hatched, beside the regions named in clinical words and one plain sentence saying whether any
marked region lies below the knee. The kiosk draws no conclusion from the drawing.
"""

from __future__ import annotations

from kiosk.intake.body_regions import below_knee, in_order
from kiosk.intake.questionnaire import Item
from kiosk.printing.summary_facts import MUTED, Facts, e, picture
from kiosk.printing.summary_scores import printed_scores

PAIN_NOW, PAIN_WORST, PAIN_DURATION = "pain-now", "pain-worst", "pain-duration"
#: The pain figure's size on the page, in points (both outlines side by side, captions below).
FIGURE_WIDTH_PT, FIGURE_HEIGHT_PT = 118, 110
#: The share of the page's width the notes take beside the drawing.
NOTES_SHARE = 0.36
#: The name the document knows the figure's image by.
FIGURE_NAME = "pain-map"


def pain_drawing(facts: Facts) -> Item | None:
    """The first pain-drawing question the patient answered, if any."""
    return next((item for item in facts.questionnaire.items()
                 if item.type == "bodymap" and item.id in facts.answers), None)


def marked_regions(facts: Facts) -> tuple[str, ...]:
    item = pain_drawing(facts)
    if item is None:
        return ()
    answer = facts.answers[item.id]
    return in_order(answer if isinstance(answer, tuple) else (str(answer),))


def _figures(facts: Facts, bands: dict[str, str]) -> str:
    say = facts.say
    parts = []
    for words, item_id in ((say.pain_now, PAIN_NOW), (say.pain_worst, PAIN_WORST),
                           (say.pain_duration, PAIN_DURATION)):
        if item_id in facts.answers and item_id not in facts.shown:
            band = f" ({e(bands[item_id])})" if bands.get(item_id) else ""
            parts.append(f'<span style="color: {MUTED};">{e(words)}</span> '
                         f'<span style="font-size: 12pt;">{facts.value(item_id)}</span>{band}')
    if not parts:
        return ""
    return f'<p>{"<br />".join(parts)}</p>'


def _drawing(facts: Facts) -> str:
    item = pain_drawing(facts)
    if item is None or item.id in facts.shown:
        return ""
    regions = marked_regions(facts)
    lines = [f'<p style="margin-top: 3px;">{facts.fact(item.id)}</p>']
    below = [r for r in regions if below_knee((r,))]
    if below:
        names = "; ".join(facts.words.questionnaire.clinical_option(item.id, r) for r in below)
        sentence = facts.say.below_knee.format(regions=names)
    else:
        sentence = facts.say.not_below_knee
    lines.append(f'<p style="margin-top: 2px;"><b>{e(sentence)}</b></p>')
    return "".join(lines)


def pain_block(facts: Facts, figure: bool, notes: str = "") -> str:
    """The pain block: figures and the drawing's words, with the drawing's image (known to
    the document as FIGURE_NAME) on their left when `figure`, and `notes` (a cell's HTML, the
    specialist's space for notes) on their right; the scored measures under them, one line
    each across the page."""
    found = printed_scores(facts, (PAIN_NOW, PAIN_WORST))
    words = _figures(facts, found.beside) + _drawing(facts)
    scored = "".join(f'<p style="margin-top: 2px;">{line}</p>' for line in found.lines)
    if not words and not scored:
        return ""
    heading = f'<p class="heading">{e(facts.say.pain)}</p>'
    if not figure or not marked_regions(facts):
        return heading + words + scored
    return (heading + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="{FIGURE_WIDTH_PT + 8}"><p style="line-height: 100%;">'
            + picture(FIGURE_NAME, FIGURE_WIDTH_PT, FIGURE_HEIGHT_PT) +
            "</p></td>"
            f'<td style="vertical-align: middle;">{words}</td>'
            + (f'<td width="{NOTES_SHARE:.0%}">{notes}</td>' if notes else "")
            + "</tr></table>" + scored)
