"""Printing our PDFs through Qt's print preview and print dialog.

The sheet is laid out once, as the PDF; printing renders those same pages (pdfium, through
pypdfium2, since PySide6-Essentials has no QtPdf) at the printer's resolution, so paper and file
never differ.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

MAX_DPI = 300


def paint_pdf(pdf_path: Path, printer: QPrinter) -> int:
    """Draw every page of the PDF onto `printer`, one sheet each; returns the page count."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError("打印机无法开始打印")
        dpi = min(printer.resolution(), MAX_DPI)
        for number, page in enumerate(document):
            if number:
                printer.newPage()
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888
                if bitmap.n_channels == 4
                else QImage.Format.Format_RGB888,
            ).copy()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    return printer


def preview_and_print(parent: QWidget | None, pdf_path: Path, title: str) -> None:
    """Qt's print preview (with its print button and the system print dialog)."""
    printer = a4_printer()
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {title}")
    dialog.paintRequested.connect(lambda p: paint_pdf(pdf_path, p))
    fit_preview(dialog)
    dialog.exec()


def fit_preview(dialog: QPrintPreviewDialog) -> None:
    """A large window (nine tenths of the screen) showing the page at the window's width, so a
    sheet can be read before printing (Qt opens a small window with a whole page shrunk)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    dialog.resize(int(area.width() * 0.9), int(area.height() * 0.9))
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
