"""Sending a built handout somewhere: to a printer, page by page, or to a PDF file.

Printing renders each page of the very PDF shown in the preview (``QPdfDocument``)
and draws it on the printer's page, centred and scaled to fit, so paper and preview
never disagree. Saving writes the PDF bytes themselves, atomically: a refused disk
leaves the previous file (or nothing) and a French message, never half a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically

MAX_DPI = 300  # finer than any office printer needs; keeps a page image under 40 MB
POINTS_PER_INCH = 72.0


def page_size_of(document: QPdfDocument, page: int = 0) -> QPageSize:
    """The paper of a page of the handout (A4 or US Letter, recognised by its size)."""
    return QPageSize(document.pagePointSize(page), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)


def prepare_printer(printer: QPrinter, document: QPdfDocument, title: str) -> None:
    """Propose the handout's own paper and name in the print dialog."""
    printer.setDocName(title)
    printer.setCreator("Connecteur")
    printer.setPageLayout(QPageLayout(page_size_of(document),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))


def pages_to_print(printer: QPrinter, count: int) -> range:
    """The pages (0-based) the print dialog asked for: all, or its range."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return range(count)
    return range(max(1, first) - 1, min(count, max(first, last)))


def _target(page: QSizeF, area: QRectF) -> QRectF:
    """``page`` scaled to fit in ``area``, centred (a Letter handout on A4 paper)."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    width, height = page.width() * scale, page.height() * scale
    return QRectF(area.x() + (area.width() - width) / 2,
                  area.y() + (area.height() - height) / 2, width, height)


def print_document(document: QPdfDocument, printer: QPrinter, *,
                   step: Callable[[int, int], bool] | None = None) -> int:
    """Print the document's pages on ``printer``; returns how many were printed.

    ``step(done, total)`` is called before each page; returning False stops (the
    pages already sent stay printed, as with any printer).
    """
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        return 0
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise ConnecteurError(QCoreApplication.translate(
            "PrintOutput", "L'impression n'a pas pu commencer : vérifiez l'imprimante "
            "choisie."))
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        area = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        area.moveTo(0, 0)
        for number, index in enumerate(pages):
            if step is not None and not step(number, len(pages)):
                break
            if number:
                printer.newPage()
            size = document.pagePointSize(index)
            pixels = QSize(round(size.width() / POINTS_PER_INCH * dpi),
                           round(size.height() / POINTS_PER_INCH * dpi))
            image = document.render(index, pixels)
            target = _target(size, area)
            painter.fillRect(target, QColor(Qt.GlobalColor.white))
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def save_pdf(data: bytes, target: Path) -> Path:
    """Write the PDF to ``target`` (all of it or nothing); French error otherwise."""
    return write_atomically(Path(target), data)
