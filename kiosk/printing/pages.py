"""Putting a document on paper: the clinic's page, laid out in points, painted page by page.

A document is laid out once, in points, on the clinic's paper (Letter or A4, margins of about
15 mm), whatever the screen: the same visit gives the same pages on every kiosk. `render` paints
it on any paged device, a PDF writer or a real printer, scaled to the device's resolution, with
the document's title and the page number in the bottom margin of every page, so a second sheet
still names its patient and visit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from kiosk.content.theme import Theme

Paper = Literal["letter", "a4"]
PAPER_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGIN_MM = 15.0
BODY_PT = 10.0
#: Where the title and page number go: this far into the bottom margin, in points.
FOOTER_DROP_PT = 14.0
FOOTER_FONT_PT = 7.5
FOOTER_COLOUR = "#4a5963"


class PrintFailed(OSError):
    """The printer or the PDF file could not be opened for painting."""


def page_layout(paper: Paper) -> QPageLayout:
    """The paper from settings, upright, with margins of about 15 mm."""
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


_POINTS: list[QImage] = []


def _points_device() -> QImage:
    """A paint device of 72 dots per inch, so a document's units are points on any screen.
    Kept for the life of the process: a document's layout holds on to its paint device."""
    if not _POINTS:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(72 / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _POINTS.append(image)
    return _POINTS[0]


def paper_document(theme: Theme, paper: Paper) -> QTextDocument:
    """An empty document laid out in points on `paper`, in the theme's font at body size."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(_points_device())
    document.setUseDesignMetrics(True)
    font = QFont()
    font.setFamilies([theme.font_family, *theme.fallback_fonts])
    font.setPointSizeF(BODY_PT)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setPageSize(page_layout(paper).paintRect(QPageLayout.Unit.Point).size())
    return document


def render(document: QTextDocument, printer: QPagedPaintDevice, paper: Paper | None = None
           ) -> None:
    """Paint every page of `document` on `printer` (a QPrinter or a QPdfWriter), on `paper`
    with the document's margins when given (else on the page layout the printer has).

    Use this rather than `QTextDocument.print_`, which stretches the page to the printer's
    page in each direction and leaves out the foot of the page."""
    if paper is not None:
        printer.setPageLayout(page_layout(paper))
    page = document.pageSize()
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer or file could not be opened")
    try:
        scale = min(printer.width() / page.width(), printer.height() / page.height())
        title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        font = QFont(document.defaultFont())
        font.setPointSizeF(FOOTER_FONT_PT)
        total = document.pageCount()
        for number in range(total):
            if number:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            draw_page(painter, document, page, number)
            painter.restore()
            foot = QRectF(0, page.height() * scale, page.width() * scale,
                          FOOTER_DROP_PT * scale)
            draw_footer(painter, foot, font, title, f"{number + 1} / {total}")
    finally:
        painter.end()


def draw_page(painter: QPainter, document: QTextDocument, page: QSizeF, number: int) -> None:
    """Page `number` of `document` (pages of size `page`) at the painter's origin."""
    painter.save()
    painter.translate(0, -number * page.height())
    document.drawContents(painter, QRectF(0, number * page.height(), page.width(),
                                          page.height()))
    painter.restore()


def draw_footer(painter: QPainter, foot: QRectF, font: QFont, title: str, count: str) -> None:
    """The footer under a page: the document's title on the left, "2 / 3" on the right."""
    painter.setFont(font)
    painter.setPen(QColor(FOOTER_COLOUR))
    painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, count)


def write_pdf(document: QTextDocument, path: Path, paper: Paper) -> None:
    """Write `document` to a PDF file on `paper`; raises PrintFailed if it cannot be written.
    The PDF is made in memory first, so a failure leaves no half-written file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Spine clinic kiosk")
    render(document, writer, paper)
    buffer.close()
    try:
        path.write_bytes(data.data())
    except OSError as exc:
        raise PrintFailed(f"{path}: cannot be written ({exc.strerror or exc})") from None
