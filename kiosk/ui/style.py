"""The kiosk's style sheet, built from the theme, the clinic's accent colour and the text size.

Screens never set fonts or colours themselves: they give widgets a `role` property, and this
style sheet sizes and colours every role. Sizes scale with the window's short side (the
theme's pixel sizes are for a 1080-line screen) and with the text size the patient chose.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk.content.colour import luminance
from kiosk.content.settings import ScreenSettings, TextSize
from kiosk.content.theme import Theme
from kiosk.content.viewing import smallest_capital_px
from kiosk.ui.readable_size import readable_body_px

#: Smallest size a touch control may have, in pixels (WCAG 2.2 enhanced target is 44).
MIN_TOUCH_PX = 56
REFERENCE_HEIGHT = 1080
MIN_SCALE = 0.85


@dataclass(frozen=True, slots=True)
class Metrics:
    """Pixel sizes for one window height and text size."""

    body: int
    touch: int
    gap: int

    @property
    def title(self) -> int:
        return round(self.body * 1.6)

    @property
    def subtitle(self) -> int:
        return round(self.body * 1.2)

    @property
    def small(self) -> int:
        return max(16, round(self.body * 0.78))

    @property
    def line_width(self) -> int:
        """Widest a column of body text may be: about 65 characters."""
        return self.body * 32


def metrics(theme: Theme, text_size: TextSize, width: int, height: int,
            screen: ScreenSettings) -> Metrics:
    """Sizes scale with the screen's short side, so portrait screens get the same type.

    Normal text is never smaller than a patient can read from the viewing distance of the
    `screen` settings (a capital H of 0.7 degrees, EN 301 549 5.1.4) in the theme's font.
    Where that raises it, 'largest' is never smaller than normal and 'large' keeps its place
    between the two."""
    sizes = theme.body_px
    wanted = getattr(sizes, text_size)
    scale = max(MIN_SCALE, min(width, height) / REFERENCE_HEIGHT)
    body = round(wanted * scale)
    readable = 0
    if width > 0 and height > 0:
        capital = smallest_capital_px(screen, width, height)
        readable = readable_body_px((theme.font_family, *theme.fallback_fonts), capital)
    if readable > round(sizes.normal * scale):
        largest = max(readable, round(sizes.largest * scale))
        place = (wanted - sizes.normal) / max(1, sizes.largest - sizes.normal)
        body = round(readable + (largest - readable) * place)
    return Metrics(body=body, touch=touch_px(body), gap=round(body * 0.8))


def touch_px(body_px: int) -> int:
    """The height of a touch control beside body text of `body_px` pixels."""
    return max(MIN_TOUCH_PX, round(body_px * 2.6))


def app_font(theme: Theme, m: Metrics) -> QFont:
    font = QFont()
    font.setFamilies([theme.font_family, *theme.fallback_fonts])
    font.setPixelSize(m.body)
    return font


def style_sheet(theme: Theme, accent: str, m: Metrics, bar: Metrics,
                contrast: str = "clinic") -> str:
    """The whole style sheet in contrast mode `contrast` (the clinic's look takes `accent`,
    the clinic's colour; a high-contrast mode has its own); `bar` sizes the bottom bar, which
    keeps one size so its controls (the text size buttons among them) never move under the
    patient's finger. Colours are drawn one on another only in the pairs listed in
    kiosk/content/contrast.py, each checked on start."""
    c = theme.palette(contrast, accent)
    accent = c.accent
    radius = round(m.body * 0.6)
    ring = focus_ring_px(m.body)
    # The urgent screen's words are never smaller than the 'large' text size.
    urgent = max(m.body, round(theme.body_px.large * bar.body / theme.body_px.normal))
    return f"""
QWidget#KioskWindow, QWidget[screen="true"] {{ background: {c.background}; color: {c.text}; }}
QLabel {{ color: {c.text}; font-size: {m.body}px; }}
QLabel[role="title"] {{ font-size: {m.title}px; font-weight: 700; }}
QLabel[role="subtitle"] {{ font-size: {m.subtitle}px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ color: {c.muted}; font-size: {m.small}px; }}
QLabel[role="caption"] {{ color: {c.muted}; font-size: {m.small}px; font-style: italic; }}
QLabel[role="attract-title"] {{ font-size: {round(m.title * 1.5)}px; font-weight: 700; }}
QLabel[role="attract-highlight"] {{ font-size: {m.title}px; }}
QLabel[role="attract-touch"] {{ color: {accent}; font-size: {m.subtitle}px; font-weight: 700; }}
QLabel[role="countdown"] {{ font-size: {round(m.title * 1.4)}px; font-weight: 700; }}
QFrame[role="card"] {{ background: {c.surface}; border: 2px solid {c.border};
    border-radius: {radius}px; }}
QFrame[role="bar"] {{ background: {c.surface}; border-top: 2px solid {c.border}; }}
QPushButton {{ min-height: {m.touch}px; min-width: {m.touch}px; padding: 0 {m.gap}px;
    font-size: {m.body}px; font-weight: 600; color: {c.text}; background: {c.surface};
    border: 2px solid {c.border}; border-radius: {radius}px; }}
QPushButton:pressed {{ background: {c.pressed}; }}
QPushButton:disabled {{ color: {c.muted}; background: transparent;
    border-color: {c.border}; }}
QPushButton[role="primary"] {{ background: {accent}; color: {c.on_accent};
    border-color: {accent}; }}
QPushButton[role="big"] {{ background: {accent}; color: {c.on_accent}; border-color: {accent};
    font-size: {m.subtitle}px; min-width: {m.body * 12}px; min-height: {m.body * 3}px; }}
QPushButton[role="primary"]:pressed, QPushButton[role="big"]:pressed {{ background: {c.text};
    border-color: {c.text}; }}
QPushButton[role="action"] {{ padding: {m.gap}px; background: {accent}; border-color: {accent}; }}
QPushButton[role="action"]:pressed {{ background: {c.text}; border-color: {c.text}; }}
QPushButton[role="action"] QLabel {{ color: {c.on_accent}; }}
QPushButton[role="tile"] {{ padding: {round(m.gap * 0.6)}px; background: {c.surface}; }}
QPushButton[role="tile"]:pressed {{ border-color: {accent}; background: {c.background}; }}
QLabel[role="card-title"] {{ font-size: {m.subtitle}px; font-weight: 700; }}
QLabel[role="card-line"] {{ color: {c.muted}; }}
QPushButton[role="action"] QLabel[role="card-line"] {{ color: {c.on_accent}; }}
QPushButton[role="choice"]:checked {{ background: {c.chosen}; color: {c.on_chosen};
    border-color: {c.chosen}; }}
QFrame#bottom_bar QPushButton, QFrame#bottom_bar QLabel {{ font-size: {bar.body}px;
    min-height: {bar.touch}px; min-width: {bar.touch}px; padding: 0 {round(bar.gap * 0.7)}px;
    border-radius: {round(bar.body * 0.6)}px; }}
QFrame#bottom_bar QPushButton {{ text-align: center; }}
QFrame#bottom_bar QLabel {{ padding: 0; border: none; }}
QFrame#bottom_bar QPushButton[step="1"] {{ font-size: {round(bar.body * 1.3)}px; }}
QFrame#bottom_bar QPushButton[step="2"] {{ font-size: {round(bar.body * 1.6)}px; }}
QLabel[role="warning"] {{ color: {c.urgent}; font-weight: 700; }}
QLabel[role="answer"] {{ font-weight: 700; }}
QPushButton[role="choice"] {{ text-align: left; padding: {round(m.gap * 0.3)}px {m.gap}px;
    min-height: {max(MIN_TOUCH_PX, m.body * 2)}px; }}
QLabel[role="choice-text"] {{ font-weight: 400; background: transparent; }}
QLabel[role="choice-text"][chosen="true"] {{ color: {c.on_chosen}; font-weight: 800; }}
QPushButton[role="scale"] {{ padding: 0; min-width: {m.touch}px; font-size: {m.subtitle}px;
    min-height: {round(m.touch * 1.4)}px; }}
QPushButton[role="scale"][chosen="true"] {{ font-weight: 800; color: {c.on_chosen}; }}
QPushButton[role="scale"]:checked {{ background: {c.chosen}; color: {c.on_chosen};
    border-color: {c.chosen}; }}
QPushButton[role="keypad"] {{ font-size: {m.title}px; font-weight: 700; padding: 0; }}
QLabel[role="stepper-value"] {{ font-size: {m.title}px; font-weight: 700; }}
QPushButton[role="stepper"] {{ font-size: {m.title}px; min-width: {round(m.touch * 1.3)}px;
    min-height: {round(m.touch * 1.1)}px; }}
QPushButton[role="stepper"] {{ padding: 0; }}
QFrame[role="progress"] {{ border: 2px solid {c.border}; border-radius: {round(m.gap * 0.4)}px;
    background: {c.surface}; }}
QFrame[role="progress-fill"] {{ background: {accent}; border: none;
    border-radius: {round(m.gap * 0.3)}px; }}
QLineEdit {{ font-size: {m.subtitle}px; min-height: {m.touch}px; padding: 0 {m.gap}px;
    border: 2px solid {c.border}; border-radius: {radius}px; background: {c.surface};
    color: {c.text}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: {round(m.gap * 0.8)}px; background: transparent; }}
QScrollBar::handle:vertical {{ background: {c.border}; border-radius: {round(m.gap * 0.4)}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QFrame[role="urgent-band"] {{ background: {c.urgent}; border: none; }}
QWidget#urgent_band_row, QWidget#urgent_column {{ font-size: {urgent}px; }}
QFrame[role="urgent-band"] QLabel, QWidget#urgent_icon {{ color: {c.surface};
    background: transparent; }}
QLabel[role="urgent-title"], QWidget#urgent_icon {{ font-size: {round(urgent * 1.6)}px;
    font-weight: 700; }}
QLabel[role="urgent-body"] {{ font-size: {round(urgent * 1.2)}px; font-weight: 600; }}
QFrame[role="urgent-help"] {{ background: {c.surface}; border: 2px solid {c.border};
    border-left: {round(m.gap * 0.6)}px solid {c.urgent}; border-radius: {radius}px;
    border-top-left-radius: 0; border-bottom-left-radius: 0; }}
QLabel[role="urgent-call"], QLabel[role="urgent-severe"] {{ background: transparent;
    border: none; font-size: {urgent}px; }}
QLabel[role="urgent-call"] {{ font-size: {round(urgent * 1.2)}px; font-weight: 700; }}
QPushButton[role="urgent-staff"] {{ font-size: {m.small}px; font-weight: 600; color: {c.muted};
    background: transparent; border: 2px solid {c.border}; min-width: 0;
    min-height: {MIN_TOUCH_PX}px; padding: 0 {round(m.gap * 0.8)}px; }}
QPushButton[role="urgent-staff"]:pressed {{ background: {c.pressed}; color: {c.text}; }}
QWidget#pain_map_figure {{ color: {c.text}; }}
QWidget#KioskWindow QPushButton:focus, QWidget#KioskWindow QLineEdit:focus {{
    border: {ring}px solid {c.focus}; outline: none; }}
{_picture_plate(c.background, c.text)}"""


def _picture_plate(background: str, text: str) -> str:
    """Pictures are drawn in dark lines: on a dark screen they stand on a plate the colour of
    the words (white, or yellow)."""
    if luminance(background) >= 0.2:
        return ""
    return f"QWidget#KioskWindow Picture {{ qproperty-plate: {text}; }}\n"


def focus_ring_px(body_px: int) -> int:
    """How thick the focus ring is beside body text of `body_px` pixels: 4 px or more."""
    return max(4, round(body_px * 0.2))


def restyle_by(widget: QWidget, name: str, value: object) -> bool:
    """Set the property the style sheet styles `widget` by (its role, whether it is chosen)
    and style it again, only when the value changes (restyling is dear); True if it did."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return True
