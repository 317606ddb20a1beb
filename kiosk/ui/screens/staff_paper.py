"""A printed document on screen: its pages drawn as sheets of paper, at a size staff choose.

The document is the one that prints (laid out in points on the clinic's paper), so the
screen shows exactly what the printer gets. It is never stretched: pages keep the paper's
shape, and start at a width that fits the screen with body text of about 18 pixels (less only
where the screen is too narrow for that). Larger and Smaller step the size; a finger drags
and flicks the pages, as everywhere in the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from kiosk.printing.pages import (
    BODY_PT,
    FOOTER_DROP_PT,
    FOOTER_FONT_PT,
    Paper,
    draw_footer,
    draw_page,
    page_layout,
)
from kiosk.ui.flick import kinetic

#: Body text at the size the view opens with, in pixels (when the screen is wide enough).
OPENING_BODY_PX = 18.0
#: Each tap on Larger or Smaller changes the size by this factor.
ZOOM_STEP = 1.25
SMALLEST_STEP = -3
LARGEST_STEP = 5
#: Room around and between the sheets, in pixels.
SHEET_GAP = 12
#: The sheets' edge: 3:1 or more on the background of every contrast mode, white or black.
EDGE_COLOUR = "#7d8d96"


class PaperSheets(QWidget):
    """Every page of a document, one under another, at `zoom` pixels per point."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staff_paper_sheets")
        self._document: QTextDocument | None = None
        self._layout = page_layout("letter")
        self._zoom = 1.0

    def show_document(self, document: QTextDocument, paper: Paper) -> None:
        self._document = document
        self._layout = page_layout(paper)
        self.set_zoom(self._zoom)

    def document(self) -> QTextDocument | None:
        return self._document

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def body_px(self) -> float:
        """How tall the summary's body text is drawn, in pixels."""
        return BODY_PT * self._zoom

    def paper_points(self) -> QRectF:
        """The whole sheet, in points."""
        return self._layout.fullRect(QPageLayout.Unit.Point)

    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    def sheet_rect(self, number: int) -> QRectF:
        """Where page `number` (from 0) is drawn, in pixels."""
        paper = self.paper_points()
        width, height = paper.width() * self._zoom, paper.height() * self._zoom
        return QRectF(SHEET_GAP, SHEET_GAP + number * (height + SHEET_GAP), width, height)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        pages = max(1, self.page_count())
        last = self.sheet_rect(pages - 1)
        self.setFixedSize(QSize(round(last.right()) + SHEET_GAP, round(last.bottom()) + SHEET_GAP))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        document = self._document
        if document is None:
            painter.end()
            return
        margins = self._layout.marginsPoints()
        page = document.pageSize()
        title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        font = QFont(document.defaultFont())
        font.setPointSizeF(FOOTER_FONT_PT)
        total = document.pageCount()
        visible = QRectF(event.rect())
        for number in range(total):
            sheet = self.sheet_rect(number)
            if not sheet.intersects(visible):
                continue
            painter.setPen(QColor(EDGE_COLOUR))
            painter.fillRect(sheet, QColor("white"))
            painter.drawRect(sheet.adjusted(-1, -1, 0, 0))
            painter.save()
            painter.translate(sheet.topLeft())
            painter.scale(self._zoom, self._zoom)
            painter.translate(margins.left(), margins.top())
            draw_page(painter, document, page, number)
            foot = QRectF(0, page.height(), page.width(), FOOTER_DROP_PT)
            draw_footer(painter, foot, font, title, f"{number + 1} / {total}")
            painter.restore()
        painter.end()


class PaperView(QScrollArea):
    """The sheets in a scroll area a finger drags; they open at a width that fits."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.sheets = PaperSheets()
        self.setWidget(self.sheets)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        kinetic(self)
        self._step = 0

    def show_document(self, document: QTextDocument, paper: Paper) -> None:
        """A new document, at the opening size, from its top."""
        self._step = 0
        self.sheets.show_document(document, paper)
        self._fit()
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def opening_zoom(self) -> float:
        """Body text of about 18 px, but never a sheet wider than the view."""
        room = (self.width() - 2 * self.frameWidth()
                - self.verticalScrollBar().sizeHint().width() - 2 * SHEET_GAP)
        paper = self.sheets.paper_points().width()
        return max(0.2, min(OPENING_BODY_PX / BODY_PT, room / paper))

    def zoom_in(self) -> None:
        self._step = min(LARGEST_STEP, self._step + 1)
        self._fit()

    def zoom_out(self) -> None:
        self._step = max(SMALLEST_STEP, self._step - 1)
        self._fit()

    @property
    def can_zoom_in(self) -> bool:
        return self._step < LARGEST_STEP

    @property
    def can_zoom_out(self) -> bool:
        return self._step > SMALLEST_STEP

    def _fit(self) -> None:
        """The size staff chose, relative to the opening size; the point in the middle of the
        view stays in the middle."""
        old = self.sheets.zoom
        bar = self.verticalScrollBar()
        middle = (bar.value() + self.viewport().height() / 2) / old if old else 0.0
        self.sheets.set_zoom(self.opening_zoom() * ZOOM_STEP ** self._step)
        bar.setValue(round(middle * self.sheets.zoom - self.viewport().height() / 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
