from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from tests.pdf_helpers import pdf_pages, render_pages
from wenming_desktop.services.activities.signin import export_volunteer_signin
from wenming_desktop.ui.printing import a4_printer, paint_pdf


def test_printing_renders_every_page_of_the_sheet(demo_workspace, qapp, tmp_path: Path) -> None:
    sheet = tmp_path / "签到表.pdf"
    export_volunteer_signin(demo_workspace, 3, sheet, blank_rows=60)
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(100)
    assert paint_pdf(sheet, printer) == pdf_pages(sheet)
    assert pdf_pages(printed) == pdf_pages(sheet)
    render_pages(printed, tmp_path)  # each printed page carries ink


def test_print_preview_opens_large_at_page_width(qtbot, prepared_app) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from wenming_desktop.ui.printing import fit_preview

    dialog = QPrintPreviewDialog(a4_printer())
    qtbot.addWidget(dialog)
    fit_preview(dialog)
    area = dialog.screen().availableGeometry()
    assert dialog.width() >= area.width() * 0.85 and dialog.height() >= area.height() * 0.85
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
