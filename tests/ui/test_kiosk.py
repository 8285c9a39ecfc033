"""The client's own form (本人自填): the kiosk shows nothing of the vault, the main window
hides and locks, the answers are saved however the kiosk ends (completion, idle, closing,
the window locking), a critical answer reaches the counsellor (never the client) after
unlocking and stays on the dashboard until answered; and the scale form's keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from station.errors import StationError
from station.scales import library
from station.scales.definition import WarningLevel
from station.services import assessments, cases, settings
from station.services.assessment_views import Recorded
from station.services.context import SignedIn
from station.ui.assessment_dialogs import CrisisPromptDialog, SelfAdministerDialog
from station.ui.case_forms import CrisisDialog
from station.ui.kiosk import KioskWindow
from station.ui.main_window import MainWindow
from station.ui.scale_form import ScaleForm
from tests.conftest import STATION
from tests.records_fixtures import STAFF_PASSWORD, make_counsellor, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import choose, click

TODAY = date.today()
CLIENT_NAME = "欧阳晓梅"
ALIAS = "晨光"
COUNSELLOR = "林咨询"
Results = list[tuple[str, list[int | None]]]


@dataclass
class Desk:
    window: MainWindow
    counsellor: SignedIn
    case_id: int
    code: str


@pytest.fixture
def desk(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> Iterator[Desk]:
    """Lin's window with one of her cases open."""
    lin = make_counsellor(custodian, vault_dir, "lin", COUNSELLOR)
    _client, case_id = new_client_case(
        lin, name=CLIENT_NAME, alias=ALIAS, opened_on=TODAY - timedelta(days=10)
    )
    code = cases.case_view(lin, case_id).code
    window = MainWindow(lin, vault_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_case(case_id)
    yield Desk(window, lin, case_id, code)
    kiosk = window.kiosk
    if kiosk is not None:
        kiosk.hand_over()
    if window.ctx.vault.is_open:
        window.close()


def _start_kiosk(
    qtbot: QtBot, desk: Desk, one_per_page: bool = True, shot: str = ""
) -> KioskWindow:
    cases_area = desk.window.cases
    assert cases_area is not None and cases_area.case_view is not None
    dialog = cases_area.case_view.self_administer()
    assert isinstance(dialog, SelfAdministerDialog)
    dialog.scale_boxes["phq9"].setChecked(True)
    (dialog.one_per_page_radio if one_per_page else dialog.one_page_radio).setChecked(True)
    if shot:
        qtbot.wait(50)
        assert dialog.grab().save(str(SHOTS / shot))
    click(qtbot, dialog.ok_button)
    kiosk = desk.window.kiosk
    assert kiosk is not None
    qtbot.waitExposed(kiosk)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
    return kiosk


def _texts(root: QWidget) -> str:
    """Every text the window holds, shown or not: labels, buttons, titles, names,
    descriptions and tool tips."""
    parts = [root.windowTitle(), root.accessibleName(), root.accessibleDescription()]
    for widget in root.findChildren(QWidget):
        parts += [
            widget.windowTitle(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.toolTip(),
        ]
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        if isinstance(widget, QGroupBox):
            parts.append(widget.title())
    return "\n".join(p for p in parts if p)


def _answer_by_keys(qtbot: QtBot, form: ScaleForm, values: list[int]) -> None:
    """One item at a time: the number key of the option (position 1…n), then Enter."""
    for index, value in enumerate(values):
        assert form.current_index == index
        item = form.items[index]
        position = [o.value for o in item.option_set.options].index(value)
        qtbot.keyClick(item.focus_target(), getattr(Qt.Key, f"Key_{position + 1}"))
        assert item.value() == value
        qtbot.keyClick(item.focus_target(), Qt.Key.Key_Return)


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.lock_screen
    assert screen is not None
    qtbot.keyClicks(screen.password.edit, STAFF_PASSWORD)
    qtbot.keyClick(screen.password.edit, Qt.Key.Key_Return)
    assert not window.is_locked


# -- the required path ------------------------------------------------------------------------
def test_critical_self_administered_phq9_prompts_after_unlock_and_waits_on_the_dashboard(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    kiosk = _start_kiosk(qtbot, desk)
    assert window.isHidden() and kiosk.isVisible() and kiosk.isFullScreen()
    qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
    form = kiosk.current_form()
    assert form is not None and form.one_per_page and form.large
    with qtbot.waitSignal(kiosk.finished) as finished:
        _answer_by_keys(qtbot, form, [1, 1, 0, 1, 0, 0, 0, 0, 1])  # item 9 above 0
    assert finished.args == [[("phq9", [1, 1, 0, 1, 0, 0, 0, 0, 1])]]

    # saved, locked behind the kiosk's calm thank-you: no score, no crisis steps
    assert window.is_locked and window.isVisible()
    assert kiosk.pages.currentWidget() is kiosk.thanks
    shown = _texts(kiosk.thanks)
    assert "12356" not in shown and "120" not in shown
    assert kiosk.tr("You have finished. Please tell the counsellor that you are done.") in shown
    assert window.crisis_prompt is None  # nothing for the client to see
    click(qtbot, kiosk.ok_button)
    assert not kiosk.isVisible()

    # the counsellor unlocks: the crisis steps at once
    _unlock(qtbot, window)
    prompt = window.crisis_prompt
    assert isinstance(prompt, CrisisPromptDialog) and prompt.isVisible()
    assert "12356" in prompt.text() and "120" in prompt.text()
    assert [w.level for w in prompt.warnings] == [WarningLevel.CRITICAL]
    assert prompt.warnings[0].case_id == desk.case_id
    assert prompt.grab().save(str(SHOTS / "crisis_prompt_after_kiosk.png"))

    # 记录危机事件… opens the case's crisis form over the prompt
    click(qtbot, prompt.crisis_buttons[desk.case_id])
    assert window.cases is not None and window.cases.case_view is not None
    assert window.cases.case_view.case_id == desk.case_id
    crisis = prompt.findChildren(CrisisDialog)
    assert len(crisis) == 1 and crisis[0].isVisible()
    crisis[0].reject()
    prompt.accept()

    # the warning waits on the dashboard, critical first, until answered
    home = window.home
    assert home is not None
    dashboard = home.dashboard
    window.show_page(window.navigation_titles()[0])
    dashboard.refresh()
    rows = dashboard.warning_rows
    assert rows and rows[0].warning.level is WarningLevel.CRITICAL
    critical = rows[0]
    assert critical.warning.case_code == desk.code
    dialog = dashboard.respond(critical.warning)
    assert dialog is not None
    choose(dialog.response_combo, "crisis")
    click(qtbot, dialog.ok_button)
    assert dashboard.warning_rows == []  # read again: nothing is open any more
    assert not dashboard.no_warnings.isHidden()
    assert assessments.open_warnings(window.ctx) == []


def test_the_kiosk_shows_nothing_of_the_vault_and_the_main_window_is_hidden(
    qtbot: QtBot, desk: Desk, custodian: SignedIn
) -> None:
    window = desk.window
    assert CLIENT_NAME in _texts(window)  # the case is open behind it, before the kiosk
    kiosk = _start_kiosk(qtbot, desk, shot="self_administer_dialog.png")
    assert window.isHidden()
    assert kiosk.parent() is None  # its own window, not a part of the vault's
    qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
    profile = settings.profile(custodian)
    shown = _texts(kiosk)
    for secret in (
        CLIENT_NAME,
        ALIAS,
        desk.code,
        COUNSELLOR,
        STATION.name,
        STATION.code,
        profile.name,
        "lin",
    ):
        assert secret not in shown, secret
    # the scale itself is there
    assert library.shipped()["phq9"].items[8].text_zh in shown
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not kiosk:
            assert not isinstance(widget, MainWindow)
    assert kiosk.grab().save(str(SHOTS / "kiosk_one_per_page.png"))


def test_kiosk_one_page_layout(qtbot: QtBot, desk: Desk) -> None:
    kiosk = _start_kiosk(qtbot, desk, one_per_page=False)
    qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
    form = kiosk.current_form()
    assert form is not None and not form.one_per_page
    assert all(not item.isHidden() for item in form.items)  # every item on the page
    form.set_answers([1, 2, 0])
    assert kiosk.grab().save(str(SHOTS / "kiosk_one_page.png"))
    with qtbot.waitSignal(kiosk.finished) as finished:
        click(qtbot, kiosk.done_buttons[0])  # six unanswered: a gentle note first
        assert kiosk.notes[0].isVisible() and kiosk.back_buttons[0].isVisible()
        click(qtbot, kiosk.back_buttons[0])
        assert form.items[3].focus_target().hasFocus()
        click(qtbot, kiosk.done_buttons[0])  # and finishing anyway is allowed
    assert finished.args == [[("phq9", [1, 2, 0, None, None, None, None, None, None])]]
    assert kiosk.grab().save(str(SHOTS / "kiosk_thanks.png"))


def test_idle_hands_over_the_partial_answers_and_locks(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    kiosk = _start_kiosk(qtbot, desk)
    kiosk.idle.set_interval_ms(300)
    qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
    form = kiosk.current_form()
    assert form is not None
    _answer_by_keys(qtbot, form, [2, 3])
    with qtbot.waitSignal(kiosk.finished, timeout=5000) as finished:
        pass  # nobody touches anything
    assert finished.args == [[("phq9", [2, 3, None, None, None, None, None, None, None])]]
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    assert window.is_locked and window.isVisible()
    _unlock(qtbot, window)
    saved = [a for a in cases.timeline(window.ctx, desk.case_id) if a.kind.value == "assessment"]
    assert len(saved) == 1  # nothing typed was lost
    assert window.crisis_prompt is None  # no critical answer in what was given


def test_locking_for_another_reason_saves_first_then_closes_the_kiosk(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    given: list[Results] = []

    def save(results: Results) -> list[Recorded]:
        assert window.ctx.vault.is_open  # saved before the vault closes
        given.append(results)
        return []

    kiosk = window.run_kiosk([library.shipped()["phq9"]], True, save)
    qtbot.waitExposed(kiosk)
    kiosk.start()
    form = kiosk.current_form()
    assert form is not None
    form.set_answers([0, 1])
    window.lock()  # the idle watcher or the Windows session lock
    assert given == [[("phq9", [0, 1, None, None, None, None, None, None, None])]]
    assert not kiosk.isVisible() and window.is_locked and window.isVisible()
    assert window.kiosk is None


def test_save_errors_reach_the_counsellor_after_unlock_not_the_client(
    qtbot: QtBot, desk: Desk, answers: Answers
) -> None:
    window = desk.window

    def save(_results: Results) -> list[Recorded]:
        raise StationError("磁盘已满，未能保存。", "Disk full.")

    kiosk = window.run_kiosk([library.shipped()["phq9"]], True, save)
    kiosk.start()
    kiosk.complete()
    assert window.is_locked
    assert not answers.seen  # nothing shown over the thank-you
    kiosk.close()
    _unlock(qtbot, window)
    assert "磁盘已满" in answers.texts()


# -- the kiosk on its own -----------------------------------------------------------------------
@pytest.fixture
def kiosk(qtbot: QtBot) -> KioskWindow:
    made = KioskWindow([library.shipped()["phq9"]], one_per_page=True)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_one_item_at_a_time_by_keyboard(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
    form = kiosk.current_form()
    assert form is not None and form.position_label is not None
    first = form.items[0]
    assert first.focus_target().hasFocus()
    qtbot.keyClick(first.focus_target(), Qt.Key.Key_Down)  # arrows choose within the item
    assert first.value() == 0
    qtbot.keyClick(first.focus_target(), Qt.Key.Key_Down)
    assert first.value() == 1
    qtbot.keyClick(first.focus_target(), Qt.Key.Key_Return)
    assert form.current_index == 1
    assert form.tr("Item {0} of {1}").format(2, 9) == form.position_label.text()
    second = form.items[1]
    qtbot.keyClick(second.focus_target(), Qt.Key.Key_4)
    assert second.value() == 3
    qtbot.keyClick(second.focus_target(), Qt.Key.Key_PageUp)  # back to item 1, kept
    assert form.current_index == 0 and first.value() == 1
    assert first.focus_target().hasFocus()
    qtbot.keyClick(first.focus_target(), Qt.Key.Key_PageDown)
    qtbot.keyClick(form.items[1].focus_target(), Qt.Key.Key_Delete)  # clears an item
    assert second.value() is None
    assert form.previous_button is not None and form.previous_button.isEnabled()
    form.go_to(8)
    assert form.next_button is not None
    assert form.next_button.text() == kiosk.tr("Finish")


def test_finished_is_emitted_exactly_once(qtbot: QtBot, kiosk: KioskWindow) -> None:
    seen: list[Results] = []
    kiosk.finished.connect(seen.append)
    kiosk.start()
    form = kiosk.current_form()
    assert form is not None
    form.set_answers([0] * 9)
    form.go_to(8)
    assert form.next_button is not None
    click(qtbot, form.next_button)
    assert kiosk.is_finished and kiosk.pages.currentWidget() is kiosk.thanks
    kiosk.close()
    kiosk.hand_over()
    assert seen == [[("phq9", [0] * 9)]]


def test_esc_does_nothing_and_closing_counts_as_finishing(qtbot: QtBot, kiosk: KioskWindow) -> None:
    seen: list[Results] = []
    kiosk.finished.connect(seen.append)
    kiosk.start()
    form = kiosk.current_form()
    assert form is not None
    qtbot.keyClick(form.items[0].focus_target(), Qt.Key.Key_2)
    qtbot.keyClick(form.items[0].focus_target(), Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible() and not seen
    kiosk.close()  # Alt+F4
    assert seen == [[("phq9", [1, None, None, None, None, None, None, None, None])]]


def test_idle_on_its_own_hands_over_and_closes(qtbot: QtBot) -> None:
    made = KioskWindow([library.shipped()["phq9"]], idle_seconds=0.3)
    qtbot.addWidget(made)
    made.show()
    made.start()
    form = made.current_form()
    assert form is not None
    form.set_answers([3])
    with qtbot.waitSignal(made.finished, timeout=5000) as finished:
        pass
    assert finished.args == [[("phq9", [3, None, None, None, None, None, None, None, None])]]
    assert not made.isVisible()


# -- the scale form's keys on one page ---------------------------------------------------------
def test_one_page_form_tab_moves_between_items_and_digits_move_on(qtbot: QtBot) -> None:
    form = ScaleForm(library.shipped()["phq9"])
    qtbot.addWidget(form)
    form.resize(760, 600)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    changes: list[bool] = []
    form.changed.connect(lambda: changes.append(True))
    form.focus_start()
    first = form.items[0]
    assert first.buttons[0].hasFocus()
    qtbot.keyClick(first.buttons[0], Qt.Key.Key_Tab)  # Tab skips the item's other options
    assert form.items[1].buttons[0].hasFocus()
    qtbot.keyClick(form.items[1].buttons[0], Qt.Key.Key_Backtab)
    assert first.buttons[0].hasFocus()
    for index, key in enumerate([Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1]):
        focused = QApplication.focusWidget()
        assert focused is form.items[index].focus_target()
        qtbot.keyClick(focused, key)  # chooses, and moves on to the next item
    assert form.answers()[:4] == [1, 2, 0, None]
    assert form.answered_count() == 3 and len(changes) == 3
    assert form.items[3].buttons[0].hasFocus()
    qtbot.keyClick(form.items[3].buttons[0], Qt.Key.Key_9)  # no ninth option: ignored
    assert form.items[3].value() is None
    form.set_answers([None] * 9)
    assert form.answered_count() == 0
    assert form.show_item_error("5", "这道题的答案无效。")
    assert form.items[4].error.isVisible()
    assert not form.show_item_error("99", "x")
    form.clear_errors()
    assert not form.items[4].error.isVisible()
