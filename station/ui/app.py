"""The QApplication: translations, font, style, and the crash hook."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from station.ui import clipboard, theme

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "PingFang SC",
    "SimHei",
)
log = logging.getLogger(__name__)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Load our Chinese catalogue and Qt's own (buttons such as OK/Cancel)."""
    loaded: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / "station_zh_CN.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
        loaded.append(qt_base)
    return loaded


def ui_font() -> QFont:
    families = set(QFontDatabase.families())
    font = QFont()
    for family in _CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            break
    font.setPointSize(theme.BASE_POINT_SIZE)
    return font


def configure(app: QApplication) -> None:
    app.setApplicationName("station")
    app.setOrganizationName("station")
    install_translations(app)
    # A copied identifier must not outlive the program on the clipboard.
    app.aboutToQuit.connect(clipboard.clear_if_ours)
    app.setFont(ui_font())
    app.setStyleSheet(theme.STYLESHEET)


def get_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    configure(app)
    return app


def install_excepthook() -> None:
    """Log the type and place of an unexpected error (never its message, which may
    hold personal data) and tell the user; the window and its input stay open."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        frames = traceback.extract_tb(tb)
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames[-6:]))
        log.error("unexpected %s at %s", kind.__name__, where)
        QMessageBox.critical(
            None,
            "程序错误",
            "程序遇到了意外错误。已保存的记录不受影响，当前输入仍在窗口中。\n"
            "请记下操作步骤并联系技术支持。",
        )

    sys.excepthook = hook
