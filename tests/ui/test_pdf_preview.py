"""The print preview: pages on screen, zoom, Save as PDF (the same bytes) and Print (into
a QPrinter writing a PDF file), each announced to the caller first so it can audit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from station.errors import StationError
from station.ui import pdf_preview
from station.ui.pdf_preview import PdfPreviewDialog
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import click


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        sheet.setFont("Helvetica", 28)
        sheet.drawString(72, 760, f"Test page {n}")
        sheet.rect(72, 100, 450, 600)
        sheet.showPage()
    sheet.save()
    return out.getvalue()


class Outputs:
    """The on_output hook: records each announcement; refuses when told to."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.refuse = False

    def __call__(self, how: str) -> None:
        if self.refuse:
            raise StationError("审计日志无法写入。", "The audit log could not be written.")
        self.seen.append(how)


def _dialog(
    qtbot: QtBot,
    pdf: bytes,
    outputs: Outputs,
    printer: QPrinter | None = None,
) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(
        pdf,
        "转介单 ZJ2026-0001",
        "转介单-ZJ2026-0001.pdf",
        outputs,
        choose_printer=(lambda _parent: printer),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_pages_and_zoom(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _pdf(3), Outputs())
    assert dialog.page_count() == 3
    assert dialog.pages_label.text() == "第 1 / 3 页"
    assert dialog.zoom() is None  # fits the width at first
    assert not dialog.fit_button.isEnabled()
    click(qtbot, dialog.zoom_in_button)
    first = dialog.zoom()
    assert first is not None
    click(qtbot, dialog.zoom_in_button)
    second = dialog.zoom()
    assert second is not None and second > first
    assert dialog.zoom_label.text() == f"{round(second * 100)} %"
    assert dialog.fit_button.isEnabled()
    for _ in range(12):
        if dialog.zoom_out_button.isEnabled():
            click(qtbot, dialog.zoom_out_button)
    assert dialog.zoom() == pdf_preview.ZOOM_STEPS[0]
    assert not dialog.zoom_out_button.isEnabled()
    click(qtbot, dialog.fit_button)
    assert dialog.zoom() is None
    assert dialog.windowTitle().endswith("转介单 ZJ2026-0001")
    qtbot.wait(400)  # the view renders pages in the background
    assert dialog.grab().save(str(SHOTS / "pdf_preview.png"))


def test_save_writes_the_same_bytes_after_announcing(
    qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    pdf = _pdf(2)
    outputs = Outputs()
    dialog = _dialog(qtbot, pdf, outputs)
    # cancelled in the file dialog: nothing announced, nothing written
    click(qtbot, dialog.save_button)
    assert outputs.seen == []
    kind, _title, suggested = answers.seen[-1]
    assert (kind, suggested) == ("save", "转介单-ZJ2026-0001.pdf")
    answers.save_path = str(tmp_path / "form")  # no suffix: .pdf is added
    with qtbot.waitSignal(dialog.output_done) as done:
        click(qtbot, dialog.save_button)
    assert done.args == ["save"]
    saved = tmp_path / "form.pdf"
    assert saved.read_bytes() == pdf
    assert outputs.seen == ["save"]
    assert str(saved) in dialog.status.text()


def test_nothing_is_output_when_the_caller_refuses(
    qtbot: QtBot, answers: Answers, tmp_path: Path
) -> None:
    outputs = Outputs()
    outputs.refuse = True
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    dialog = _dialog(qtbot, _pdf(1), outputs, printer)
    answers.save_path = str(tmp_path / "saved.pdf")
    click(qtbot, dialog.save_button)
    click(qtbot, dialog.print_button)
    assert not (tmp_path / "saved.pdf").exists()
    assert not target.exists()
    assert dialog.status.text() == "审计日志无法写入。"
    assert dialog.pages_label.text() == "共 1 页"


def test_print_paints_every_page_into_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    outputs = Outputs()
    dialog = _dialog(qtbot, _pdf(2), outputs, printer)
    with qtbot.waitSignal(dialog.output_done) as done:
        click(qtbot, dialog.print_button)
    assert done.args == ["print"]
    assert outputs.seen == ["print"]
    assert len(PdfReader(target).pages) == 2
    assert target.stat().st_size > 20_000  # rendered page images, not empty pages


def test_cancelled_print_dialog_prints_nothing(qtbot: QtBot) -> None:
    outputs = Outputs()
    dialog = _dialog(qtbot, _pdf(1), outputs, None)
    click(qtbot, dialog.print_button)
    assert outputs.seen == []
    assert dialog.status.isHidden()


def test_pages_as_images_without_the_pdf_widget(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_preview, "HAVE_PDF_VIEW", False)
    dialog = _dialog(qtbot, _pdf(2), Outputs())
    images = [w for w in dialog.view.findChildren(QLabel) if not w.pixmap().isNull()]
    assert len(images) == 2
    width = images[0].pixmap().width()
    click(qtbot, dialog.zoom_in_button)
    click(qtbot, dialog.zoom_in_button)
    assert images[0].pixmap().width() > width
    assert dialog.pages_label.text() == "第 1 / 2 页"


def test_bad_bytes_are_refused() -> None:
    with pytest.raises(OSError):
        pdf_preview.paint_pdf(QPrinter(), b"not a pdf")
