"""'Please go to the front desk now': shown the moment an answer raises an urgent red flag.

Urgent, calmly: a band in the theme's urgent colour across the top holds a warning sign and
the words "please go to the front desk now", so the message never rests on colour alone.
Under it, in large plain words, why (someone needs to see them) and what to do if nobody is
at the desk or they feel very unwell (call the clinic's emergency number). It says nothing
of the answer itself (anyone may see the screen). A small staff button sits out of the way
at the bottom right. The screen stays until staff continue: the idle wipe does not clear it,
so the patient's urgent answers are not lost before someone has seen them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontInfo,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPolygonF,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import Screen, button, centred, set_button_text, text

#: Size of the warning sign, as a multiple of the band's text size.
SIGN_SIZE = 1.5
#: Widest the column of words may be, as a multiple of the screen's text size (lines of
#: about 55 characters at most).
COLUMN_EMS = 36


class WarningSign(QWidget):
    """A warning triangle with an exclamation mark cut out of it, drawn in the text colour
    the style sheet gives it, so the band's own colour shows through the mark. It is as big
    as the font the style sheet gives it asks, so it grows with the text beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("urgent_icon")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._side = 0
        self._fit_font()

    def _fit_font(self) -> None:
        self._side = max(24, round(QFontInfo(self.font()).pixelSize() * SIGN_SIZE))
        self.setFixedSize(self._side, self._side)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._side, self._side)

    def outline(self) -> QPainterPath:
        """The sign's outline for the widget's current size, with the mark taken out."""
        side = float(min(self.width(), self.height()))
        corner = side * 0.08
        top, bottom = side * 0.06 + corner, side * 0.92 - corner
        left, right = side * 0.02 + corner, side * 0.98 - corner
        triangle = QPainterPath()
        triangle.addPolygon(QPolygonF([QPointF(side / 2, top), QPointF(right, bottom),
                                       QPointF(left, bottom), QPointF(side / 2, top)]))
        rounding = QPainterPathStroker()
        rounding.setWidth(corner * 2)
        rounding.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        sign = triangle.united(rounding.createStroke(triangle))
        stem_width = side * 0.11
        mark = QPainterPath()
        mark.addRoundedRect(QRectF(side / 2 - stem_width / 2, side * 0.33, stem_width,
                                   side * 0.33), stem_width / 2, stem_width / 2)
        mark.addEllipse(QPointF(side / 2, side * 0.76), stem_width * 0.62, stem_width * 0.62)
        sign = sign.subtracted(mark)
        sign.translate((self.width() - side) / 2, (self.height() - side) / 2)
        return sign

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(self.outline(), self.palette().color(QPalette.ColorRole.WindowText))
        painter.end()


class Column(QWidget):
    """A column of words no wider than `COLUMN_EMS` times the font the style sheet gives it,
    so lines keep a readable length at every text size."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._fit_font()

    def _fit_font(self) -> None:
        self.setMaximumWidth(round(QFontInfo(self.font()).pixelSize() * COLUMN_EMS))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
        super().changeEvent(event)


class UrgentScreen(Screen):
    """Emits `acknowledged` when staff tap their button to take over."""

    has_bar = False
    acknowledged = Signal()

    def __init__(self, emergency_number: str) -> None:
        super().__init__("urgent")
        self._emergency = emergency_number
        self._sign = WarningSign()
        self._title = text("", "urgent-title", "urgent_title")
        self._body = text("", "urgent-body", "urgent_body")
        self._no_one = text("", "urgent-call", "urgent_no_one")
        self._severe = text("", "urgent-severe", "urgent_severe")
        self._staff = button("urgent_staff", "urgent-staff")
        self._staff.clicked.connect(self.acknowledged)

        self._band = QFrame()
        self._band.setObjectName("urgent_band")
        self._band.setProperty("role", "urgent-band")
        self._band_row = Column("urgent_band_row")
        self._heading = QHBoxLayout(self._band_row)
        self._heading.setContentsMargins(0, 0, 0, 0)
        self._heading.addWidget(self._sign, 0, Qt.AlignmentFlag.AlignVCenter)
        self._heading.addWidget(self._title, 1)
        self._band_layout = QVBoxLayout(self._band)
        nest(self._band_layout, centred(self._band_row))

        self._help = QFrame()
        self._help.setObjectName("urgent_help")
        self._help.setProperty("role", "urgent-help")
        self._help_layout = QVBoxLayout(self._help)
        self._help_layout.addWidget(self._no_one)
        self._help_layout.addWidget(self._severe)

        self._column = Column("urgent_column")
        self._column_layout = QVBoxLayout(self._column)
        self._column_layout.setContentsMargins(0, 0, 0, 0)
        self._column_layout.addWidget(self._body)
        self._column_layout.addWidget(self._help)

        self._content = QVBoxLayout()
        self._content.addStretch(1)
        nest(self._content, centred(self._column))
        self._content.addStretch(2)
        self._staff_row = QHBoxLayout()
        self._staff_row.addStretch(1)
        self._staff_row.addWidget(self._staff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._band)
        nest(layout, self._content, 1)
        nest(layout, self._staff_row)
        self.apply_metrics(26)

    def apply_metrics(self, body_px: int) -> None:
        gap = round(body_px * 0.8)
        self._heading.setSpacing(gap)
        band = round(gap * 1.25)
        self._band_layout.setContentsMargins(gap * 2, band, gap * 2, band)
        self._help_layout.setContentsMargins(gap * 2, gap, gap, gap)
        self._help_layout.setSpacing(round(gap * 0.6))
        self._column_layout.setSpacing(round(gap * 1.5))
        self._content.setContentsMargins(gap * 2, gap, gap * 2, gap)
        corner = round(gap * 0.6)
        self._staff_row.setContentsMargins(corner, 0, corner, corner)

    def key_stops(self) -> list[Stop]:
        return [self._staff]

    def show_words(self, words: LanguageWords) -> None:
        ui = words.ui
        self._title.setText(ui.urgent_title)
        self._body.setText(ui.urgent_body)
        self._no_one.setText(ui.urgent_no_one.format(emergency=self._emergency))
        self._severe.setText(ui.urgent_severe.format(emergency=self._emergency))
        self._sign.setAccessibleName(ui.urgent_icon)
        self._sign.setAccessibleDescription(ui.urgent_title)
        self._band.setAccessibleName(ui.urgent_title)
        self._help.setAccessibleName(self._no_one.text())
        for label in (self._title, self._body, self._no_one, self._severe):
            label.setAccessibleName(label.text())
        set_button_text(self._staff, ui.urgent_staff)
