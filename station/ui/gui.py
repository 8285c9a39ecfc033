"""Starting the GUI: first-run setup or login, then the main window, and back to the
login after each log out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from station.services.context import SignedIn
from station.vault.vault import VaultPaths

NO_DISPLAY = (
    "没有可用的图形显示 / no display: run under Xvfb (xvfb-run station ...) "
    "or set QT_QPA_PLATFORM=offscreen"
)


def display_available() -> tuple[bool, str]:
    """Whether Qt can show a window here; decided before any QApplication exists,
    because Qt aborts the process when it finds no display."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False, NO_DISPLAY
    return True, ""


class _Outcome:
    logged_out = False

    def set_logged_out(self) -> None:
        self.logged_out = True


def _sign_in(vault_dir: Path, demo_hint: str | None) -> SignedIn | None:
    """The setup wizard on an empty folder, else the login dialog; None when cancelled."""
    if not VaultPaths(vault_dir).exists():
        from station.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(vault_dir)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        ctx: SignedIn | None = wizard.result_ctx
        return ctx
    from station.ui.login import LoginDialog

    dialog = LoginDialog(vault_dir, demo_hint)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return dialog.ctx if accepted else None


def run(vault_dir: Path, demo_hint: str | None = None) -> int:
    """Run the GUI on ``vault_dir`` until the user quits; return the exit code."""
    from station.ui.app import get_app, install_excepthook
    from station.ui.main_window import MainWindow

    app = get_app()
    install_excepthook()
    while True:
        ctx = _sign_in(vault_dir, demo_hint)
        if ctx is None:
            return 0
        window = MainWindow(ctx, vault_dir)
        outcome = _Outcome()
        window.logged_out.connect(outcome.set_logged_out)
        window.show()
        code = app.exec()
        window.deleteLater()
        if not outcome.logged_out:
            return code
