"""One calm look: a single accent colour, generous spacing, readable Chinese text."""

from __future__ import annotations

from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"

ACCENT = "#2f6f73"  # muted teal: calm, and readable as white text on it
ACCENT_DARK = "#245659"
TEXT = "#1f2a30"
MUTED = "#5b6770"
SURFACE = "#f6f7f7"
BORDER = "#d5dadd"
ERROR = "#a33a3a"

BASE_POINT_SIZE = 11  # Qt scales points with the screen's DPI (125-150 % on Windows)

_DOWN = (ICONS / "chevron-down.svg").as_posix()
_UP = (ICONS / "chevron-up.svg").as_posix()

STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QWizard {{ background: {SURFACE}; }}
QPushButton {{
    padding: 6px 16px; border: 1px solid {BORDER}; border-radius: 4px; background: white;
    min-height: 1.6em;
}}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton:disabled {{ color: #9aa3a8; background: #eceeef; }}
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit {{
    padding: 4px 6px; border: 1px solid {BORDER}; border-radius: 4px; background: white;
    min-height: 1.6em;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus {{
    border: 2px solid {ACCENT};
}}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({_DOWN}); width: 12px; height: 12px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 20px; border: none; background: transparent; }}
QSpinBox::up-arrow {{ image: url({_UP}); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({_DOWN}); width: 10px; height: 10px; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="title"] {{ font-size: 16pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: 13pt; font-weight: bold; }}
QListWidget#navigation {{
    background: white; border: none; border-right: 1px solid {BORDER}; padding-top: 8px;
}}
QListWidget#navigation::item {{ padding: 10px 18px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QTableView {{ background: white; gridline-color: {BORDER}; selection-background-color: {ACCENT}; }}
QHeaderView::section {{ background: {SURFACE}; padding: 6px; border: none;
    border-bottom: 1px solid {BORDER}; }}
QStatusBar {{ background: white; border-top: 1px solid {BORDER}; }}
QGroupBox {{ border: 1px solid {BORDER}; border-radius: 6px; margin-top: 1.2em; padding: 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""
