"""Look at a PDF built in memory, print it, or save it: referral forms, consent forms,
case summaries and the recovery sheet.

- :func:`ask_printer`: the system print dialog (A4, no "print to file": a file copy goes
  through "Save as PDF…", which is audited the same way);
- :func:`paint_pdf`: render each page of PDF bytes into a printer (no file written);
- :class:`PdfPreviewDialog`: the pages on screen (Qt PDF), zoom, page count, Print… and
  Save as PDF…. The caller passes ``on_output``; it runs on the UI thread with
  ``"print"`` or ``"save"`` just before the pages go to the printer or the file is
  written, so the caller writes the audit entry (``forms.record_output``). When it raises
  a :class:`~station.errors.StationError`, nothing is printed or saved.

The bytes stay in memory: no temporary file is written at any point.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.ui import messages, theme
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    button,
    button_row,
    label,
    set_status,
    spaced,
    status_label,
)

try:  # QtPdfWidgets comes with PySide6-Addons; without it the pages are shown as images
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_PDF_VIEW = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    HAVE_PDF_VIEW = False

PrinterChooser = Callable[[QWidget], QPrinter | None]
OutputHook = Callable[[str], None]

PRINT_DPI = 300  # pages are rendered at this resolution for the printer
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PAGE_GAP = 12  # pixels between pages on screen


# -- printing -------------------------------------------------------------------------------
def ask_printer(parent: QWidget, title: str = "") -> QPrinter | None:
    """The system print dialog on A4; None when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setWindowTitle(
        title or QCoreApplication.translate("PdfPreview", "Psychological care station · Print")
    )
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def _open_document(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A document reading ``pdf`` from memory; keep the buffer as long as the document."""
    device = QBuffer()
    device.setData(QByteArray(pdf))
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(device)
    if document.status() != QPdfDocument.Status.Ready:
        document.close()
        device.close()
        raise OSError("the PDF could not be rendered")
    return document, device


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Paint every page of ``pdf`` into ``printer``, each scaled to fit the printable area.
    Safe off the UI thread (painting on a QPrinter is)."""
    document, device = _open_document(pdf)
    try:
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            dpi = min(printer.resolution(), PRINT_DPI)
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(
                    page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                )
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF(target.x(), target.y(), w, h), image)
        finally:
            painter.end()
    finally:
        document.close()
        device.close()


# -- the pages on screen without QtPdfWidgets -------------------------------------------------
class _PageImages(QScrollArea):
    """The pages one under the other as images: the stand-in for ``QPdfView``."""

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._zoom = 1.0
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        inner = QWidget()
        inner.setObjectName("pdfPages")
        self._layout = QVBoxLayout(inner)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._labels: list[QLabel] = []
        for page in range(document.pageCount()):
            shown = QLabel()
            shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
            shown.setAccessibleName(
                QCoreApplication.translate("PdfPreview", "Page {0}").format(page + 1)
            )
            self._layout.addWidget(shown)
            self._labels.append(shown)
        self._layout.addStretch(1)
        self.setWidget(inner)

    def set_zoom(self, factor: float) -> None:
        self._zoom = factor
        ratio = self.devicePixelRatioF()
        dpi = self.logicalDpiX()
        for page, shown in enumerate(self._labels):
            points = self._document.pagePointSize(page)
            size = QSize(
                round(points.width() / 72 * dpi * factor * ratio),
                round(points.height() / 72 * dpi * factor * ratio),
            )
            image: QImage = self._document.render(page, size)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            shown.setPixmap(pixmap)

    def current_page(self) -> int:
        top = self.verticalScrollBar().value()
        for page, shown in enumerate(self._labels):
            if shown.geometry().bottom() >= top:
                return page
        return max(0, len(self._labels) - 1)


# -- the dialog -------------------------------------------------------------------------------
class PdfPreviewDialog(QDialog):
    """A PDF on screen with zoom, its page count, Print… and Save as PDF….

    ``title`` names the document (转介单 ZJ2026-0007); ``suggested_name`` is the file name
    offered on saving (it must hold no personal data). ``on_output("print" | "save")``
    runs just before each print or save (see the module). ``output_done(how)`` fires when
    one went through."""

    output_done = Signal(str)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        on_output: OutputHook,
        parent: QWidget | None = None,
        *,
        choose_printer: PrinterChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._title = title
        self._suggested = suggested_name
        self._on_output = on_output
        self._choose_printer = choose_printer or (
            lambda parent: ask_printer(
                parent, self.tr("Psychological care station · Print {0}").format(title)
            )
        )
        self._zoom: float | None = None  # None: fit the page width
        self._ready = False  # resize events come before the view exists
        self.setWindowTitle(self.tr("Psychological care station · {0}").format(title))
        self.setObjectName("pdfPreview")
        self.setMinimumSize(720, 560)
        self.resize(900, 760)

        self.document, self._device = _open_document(pdf)
        self.document.setParent(self)
        self._device.setParent(self)

        layout = spaced(QVBoxLayout(self), 16)
        heading = label(title, "heading", wrap=False)
        heading.setObjectName("previewTitle")
        self.pages_label = label("", "muted", wrap=False)
        self.pages_label.setObjectName("pageCount")
        self.zoom_out_button = button("−", name="zoomOut", accessible=self.tr("Zoom out"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_label = label("", wrap=False)
        self.zoom_label.setObjectName("zoomLevel")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = button("+", name="zoomIn", accessible=self.tr("Zoom in"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button = button(self.tr("Fit width"), name="fitWidth")
        self.fit_button.setToolTip("Ctrl+0")
        for small in (self.zoom_out_button, self.zoom_in_button):
            small.setFixedWidth(44)
        layout.addLayout(
            button_row(
                heading,
                self.pages_label,
                self.zoom_out_button,
                self.zoom_label,
                self.zoom_in_button,
                self.fit_button,
                stretch_after=2,
            )
        )

        self.view: QAbstractScrollArea
        if HAVE_PDF_VIEW:
            view = QPdfView(self)
            view.setDocument(self.document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setPageSpacing(PAGE_GAP)
            view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())
            self.view = view
        else:  # tests reach this through HAVE_PDF_VIEW = False
            images = _PageImages(self.document, self)
            images.verticalScrollBar().valueChanged.connect(lambda _value: self._show_page())
            self.view = images
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Preview of {0}").format(title))
        self.view.setStyleSheet(f"#pdfView {{ background: {theme.BORDER}; }}")
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.viewport().installEventFilter(self)  # resized after the view's layout
        layout.addWidget(self.view, 1)

        layout.addWidget(
            label(
                self.tr(
                    "A printout or a saved file leaves the encrypted records: keep it as you "
                    "keep paper case files. Every print and save is written to the audit log."
                ),
                "muted",
            )
        )
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.status = status_label()
        self.status.setObjectName("previewStatus")
        layout.addWidget(self.status)
        self.close_button = button(self.tr("Close"), name="closePreview")
        self.save_button = button(self.tr("Save as PDF…"), name="savePdf")
        self.save_button.setToolTip("Ctrl+S")
        self.print_button = button(self.tr("Print…"), primary=True, name="printPdf")
        self.print_button.setToolTip("Ctrl+P")
        row = button_row(self.close_button, self.save_button, self.print_button, stretch_after=1)
        row.setSpacing(SPACING)
        layout.addLayout(row)
        self.busy.controls = [self.save_button, self.print_button, self.close_button]

        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_width)
        for keys, slot in (
            ("Ctrl++", lambda: self.step_zoom(1)),
            ("Ctrl+=", lambda: self.step_zoom(1)),
            ("Ctrl+-", lambda: self.step_zoom(-1)),
            ("Ctrl+0", self.fit_width),
            ("Ctrl+P", self.print_document),
            ("Ctrl+S", self.save),
        ):
            QShortcut(QKeySequence(keys), self, slot)

        self.setTabOrder(self.view, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, self.close_button)
        self.setTabOrder(self.close_button, self.zoom_out_button)
        self.setTabOrder(self.zoom_out_button, self.zoom_in_button)
        self.setTabOrder(self.zoom_in_button, self.fit_button)
        self._ready = True
        self.fit_width()
        self._show_page()
        self.print_button.setFocus()

    # -- reading ---------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def zoom(self) -> float | None:
        """The zoom factor, or None while the page width fits the window."""
        return self._zoom

    def _show_page(self) -> None:
        count = self.page_count()
        if isinstance(self.view, _PageImages):
            current = self.view.current_page()
        else:
            assert HAVE_PDF_VIEW and isinstance(self.view, QPdfView)
            current = self.view.pageNavigator().currentPage()
        self.pages_label.setText(
            self.tr("Page {0} of {1}").format(min(current + 1, count), count)
            if count > 1
            else self.tr("1 page")
        )
        self.pages_label.setAccessibleName(self.tr("{0} pages").format(count))

    def _fit_factor(self) -> float:
        """The zoom at which the first page fills the view's width."""
        if not self.page_count():
            return 1.0
        points = self.document.pagePointSize(0)
        page_px = points.width() / 72 * self.logicalDpiX()
        if isinstance(self.view, _PageImages):
            room = self.view.viewport().width() - 2 * PAGE_GAP
        else:
            assert HAVE_PDF_VIEW and isinstance(self.view, QPdfView)
            margins = self.view.documentMargins()
            room = self.view.viewport().width() - margins.left() - margins.right()
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], max(200, room) / page_px))

    def _show_zoom(self) -> None:
        factor = self._zoom if self._zoom is not None else self._fit_factor()
        percent = f"{round(factor * 100)} %"
        self.zoom_label.setText(percent)
        self.zoom_label.setAccessibleName(
            self.tr("Zoom: fit width")
            if self._zoom is None
            else self.tr("Zoom: {0}").format(percent)
        )
        self.fit_button.setEnabled(self._zoom is not None)
        self.zoom_in_button.setEnabled(self._zoom is None or self._zoom < ZOOM_STEPS[-1])
        self.zoom_out_button.setEnabled(self._zoom is None or self._zoom > ZOOM_STEPS[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While fitting the width, a wider or narrower view changes the zoom shown."""
        if (
            self._ready
            and watched is self.view.viewport()
            and event.type() == QEvent.Type.Resize
            and self._zoom is None
        ):
            if isinstance(self.view, _PageImages):
                self.view.set_zoom(self._fit_factor())
            self._show_zoom()
        return super().eventFilter(watched, event)

    # -- zoom ------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self._zoom = None
        if isinstance(self.view, _PageImages):
            self.view.set_zoom(self._fit_factor())
        else:
            assert HAVE_PDF_VIEW and isinstance(self.view, QPdfView)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._show_zoom()

    def set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        self._zoom = factor
        if isinstance(self.view, _PageImages):
            self.view.set_zoom(factor)
        else:
            assert HAVE_PDF_VIEW and isinstance(self.view, QPdfView)
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._show_zoom()

    def step_zoom(self, steps: int) -> None:
        """One zoom step larger (1) or smaller (-1), from the fitted width too."""
        current = self._zoom if self._zoom is not None else self._fit_factor()
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 0.01]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    # -- output ----------------------------------------------------------------------------
    def _announce(self, how: str) -> bool:
        """Let the caller record the output first; False (and the message) if it refused."""
        try:
            self._on_output(how)
        except StationError as exc:
            set_status(self.status, exc.zh, "error")
            return False
        return True

    def _run(self, how: str, work: Callable[[], object], done: str, failed: str) -> None:
        set_status(self.status, "", "muted")

        def finished(_: object) -> None:
            set_status(self.status, done, "muted")
            self.output_done.emit(how)

        self.busy.run(
            self.tr("Printing…") if how == "print" else self.tr("Saving…"),
            work,
            finished,
            lambda exc: set_status(self.status, exc.zh, "error"),
            os_failed=lambda exc: set_status(
                self.status, f"{failed}{exc.strerror or exc}", "error"
            ),
        )

    def print_document(self) -> None:
        """Choose a printer in the system dialog, record the print, paint the pages."""
        if self.busy.running:
            return
        printer = self._choose_printer(self)
        if printer is None or not self._announce("print"):
            return
        pdf = self._pdf
        self._run(
            "print",
            lambda: paint_pdf(printer, pdf),
            self.tr("Sent to the printer."),
            self.tr("Could not print: "),
        )

    def save(self) -> None:
        """Choose where to save, record the save, write the bytes as they are."""
        if self.busy.running:
            return
        chosen = messages.choose_save_path(
            self,
            self.tr("Save {0} as PDF").format(self._title),
            self._suggested,
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not self._announce("save"):
            return
        pdf = self._pdf
        self._run(
            "save",
            lambda: path.write_bytes(pdf),
            self.tr("Saved: {0}").format(path),
            self.tr("Could not save the file: "),
        )

    def reject(self) -> None:
        if self.busy.running:  # wait for the printer or the disk
            return
        super().reject()
