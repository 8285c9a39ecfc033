"""A counsellor's path through the real main window, and the window's navigation.

The path: new client → intake session → sandplay session with two photos → follow-up
planned → follow-up done → case closed; then an anonymous client (intake, close); then
search finds the real-name case by a two-character name and the anonymous one by its
alias, while a second counsellor finds neither. Around it: Ctrl+N and Ctrl+F, a case
opened from the dashboard returning there, the unsaved-changes guard, the lock taking
every page (an open case too), the station lead's window, and screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from station.models.vocab import CaseSource, CaseStatus, Concern, ServiceKind
from station.services import cases, followups, sandplay, search
from station.services.context import SignedIn
from station.services.search import CaseQuery
from station.services.views import TimelineKind
from station.ui.case_forms import CloseCaseDialog, FollowUpCompleteDialog, FollowUpPlanDialog
from station.ui.case_list_page import CaseListPage
from station.ui.case_view import CaseView
from station.ui.emergency_dialog import EmergencyDialog
from station.ui.home_page import HomePage
from station.ui.main_window import CasesArea, MainWindow
from station.ui.new_case_dialog import NewCaseDialog
from station.ui.session_form import SessionForm
from station.ui.timeline_model import ITEM_ROLE
from tests.records_fixtures import insert_session, make_counsellor, make_lead, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import choose, click, ime_type, large_font  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier


# -- helpers --------------------------------------------------------------------------------
def png_bytes(colour: str, size: int = 48) -> bytes:
    """A small PNG made in memory."""
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


@pytest.fixture
def sessions_opened() -> Iterator[list[SignedIn]]:
    """Sessions a test signs in; any still open are closed afterwards."""
    opened: list[SignedIn] = []
    yield opened
    for ctx in opened:
        if ctx.vault.is_open:
            ctx.vault.close()


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    """Window shortcuts need the active window (a closed dialog may leave none offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _window(qtbot: QtBot, ctx: SignedIn) -> MainWindow:
    window = MainWindow(ctx, ctx.vault.paths.root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _activate(qtbot, window)
    return window


def _counsellor(
    custodian: SignedIn, vault_dir: Path, login: str, name: str, opened: list[SignedIn]
) -> SignedIn:
    ctx = make_counsellor(custodian, vault_dir, login, name)
    opened.append(ctx)
    return ctx


def _cases(window: MainWindow) -> CasesArea:
    area = window.cases
    assert area is not None
    return area


def _view(window: MainWindow) -> CaseView:
    view = _cases(window).case_view
    assert isinstance(view, CaseView)
    return view


def _new_case(
    qtbot: QtBot, window: MainWindow, *, name: str = "", alias: str = ""
) -> NewCaseDialog:
    """Ctrl+N, fill the dialog (real name or alias), register and open the case."""
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = _cases(window).list_page.new_dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    if alias:
        click(qtbot, dialog.anonymous_radio)
        ime_type(dialog.alias.edit, alias)
    else:
        ime_type(dialog.name.edit, name)
    choose(dialog.source.edit, CaseSource.SELF.value)
    for box in dialog.concern_boxes:
        if box.property("value") in (Concern.WORKLOAD.value, Concern.SLEEP.value):
            box.setChecked(True)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: _cases(window).list_page.new_dialog is None)
    return dialog


def _session(qtbot: QtBot, view: CaseView, kind: ServiceKind, presenting: str) -> SessionForm:
    form = view.new_session(kind)
    assert form is not None and form.kind() is kind
    ime_type(form.presenting_edit, presenting)
    click(qtbot, form.save_button)
    assert form.session_id is not None, form.fields.messages()
    return form


def _timeline_rows(view: CaseView, kind: TimelineKind) -> list[int]:
    model = view.model
    return [r for r in range(model.rowCount()) if model.index(r, 0).data(ITEM_ROLE).kind is kind]


def _close_case(qtbot: QtBot, view: CaseView, summary: str) -> None:
    dialog = view.close_or_reopen()
    assert isinstance(dialog, CloseCaseDialog)
    qtbot.waitExposed(dialog)
    ime_type(dialog.summary_edit, summary)
    click(qtbot, dialog.ok_button)
    assert view.case is not None and view.case.status is CaseStatus.CLOSED


def _search(qtbot: QtBot, window: MainWindow, text: str) -> set[str]:
    """Ctrl+F, type, Enter: the codes the list shows."""
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    page = _cases(window).list_page
    assert window.pages is not None and window.pages.currentWidget() is _cases(window)
    assert QApplication.focusWidget() is page.search_edit
    page.search_edit.selectAll()
    ime_type(page.search_edit, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    return {page.model.row_at(r).code for r in range(page.model.rowCount())}


# -- the counsellor's path --------------------------------------------------------------------
def test_a_counsellors_path_through_the_main_window(
    qtbot: QtBot,
    custodian: SignedIn,
    vault_dir: Path,
    tmp_path: Path,
    answers: Answers,
    sessions_opened: list[SignedIn],
) -> None:
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    window = _window(qtbot, lin)
    assert window.navigation_titles() == [
        "工作台",
        "个案",
        "心理测评",
        "转介去向目录",
        "团体与讲座",
        "我的账户",
    ]
    assert isinstance(window.pages.currentWidget() if window.pages else None, HomePage)

    # new client: Ctrl+N from the dashboard; the new case opens in the 个案 area
    dialog = _new_case(qtbot, window, name="张伟")
    real_id = dialog.case_id
    assert real_id is not None
    view = _view(window)
    assert view.case_id == real_id and window.navigation is not None
    assert window.navigation.currentItem().text() == "个案"
    assert window.windowTitle() == "心理健康服务站 — 慈溪市某镇暖心港湾"  # no client named

    # intake, then a sandplay session with two photos
    intake = _session(qtbot, view, ServiceKind.INTAKE, "近期工作压力大，入睡困难。")
    click(qtbot, intake.close_button)
    sandplay_form = _session(qtbot, view, ServiceKind.SANDPLAY, "愿意尝试沙盘。")
    panel = sandplay_form.sandplay_panel
    assert panel is not None and panel.session_id == sandplay_form.session_id
    photos = [png_bytes("#4a7c59"), png_bytes("#c9a227")]
    for n, data in enumerate(photos):
        path = tmp_path / f"tray-{n}.png"  # the counsellor's own camera files
        path.write_bytes(data)
        answers.open_path = str(path)
        click(qtbot, panel.add_button)
    assert len(panel.photos()) == 2
    stored = [sandplay.photo_bytes(lin, info.id) for info in panel.photos()]
    assert stored == photos
    for file in vault_dir.rglob("*"):  # the photos sit only encrypted in the vault
        if file.is_file():
            content = file.read_bytes()
            assert all(data[16:64] not in content for data in photos), file.name
    click(qtbot, sandplay_form.close_button)
    assert len(_timeline_rows(view, TimelineKind.SESSION)) == 2

    # follow-up planned, then done
    plan = view.plan_follow_up()
    assert isinstance(plan, FollowUpPlanDialog)
    qtbot.waitExposed(plan)
    click(qtbot, plan.ok_button)
    (row,) = _timeline_rows(view, TimelineKind.FOLLOW_UP)
    view.open_item(row)
    done_button = view.findChild(QPushButton, "completeFollowUp")
    assert done_button is not None
    click(qtbot, done_button)
    done = view.dialog
    assert isinstance(done, FollowUpCompleteDialog)
    qtbot.waitExposed(done)
    ime_type(done.outcome_edit, "电话回访，睡眠有所改善。")
    click(qtbot, done.ok_button)
    (fu,) = [
        item.detail for item in cases.timeline(lin, real_id) if item.kind is TimelineKind.FOLLOW_UP
    ]
    assert fu.done_on == date.today() and fu.outcome == "电话回访，睡眠有所改善。"

    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_case_open.png"))

    # case closed, and back where it was opened from: the dashboard
    _close_case(qtbot, view, "压力缓解，睡眠恢复，结案。")
    click(qtbot, view.back_button)
    assert _cases(window).case_view is None
    assert window.navigation.currentItem().text() == "工作台"

    # an anonymous client: intake and close
    dialog = _new_case(qtbot, window, alias="青松")
    anon_id = dialog.case_id
    assert anon_id is not None
    view = _view(window)
    click(qtbot, _session(qtbot, view, ServiceKind.INTAKE, "匿名来访，担心被问责。").close_button)
    _close_case(qtbot, view, "一次性咨询，结案。")
    assert cases.case_view(lin, anon_id).client_name is None
    click(qtbot, view.back_button)

    # search: a two-character name, an alias
    real_code = cases.case_view(lin, real_id).code
    anon_code = cases.case_view(lin, anon_id).code
    assert _search(qtbot, window, "张伟") == {real_code}
    assert _search(qtbot, window, "青松") == {anon_code}
    page = _cases(window).list_page
    page.search_edit.clear()
    page.search()
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_case_list.png"))

    # the dashboard with the day's work
    window.show_page("工作台")
    home = window.home
    assert home is not None and len(home.dashboard.today.rows) == 3  # today's sessions
    assert home.dashboard.closed_cases.figure.text() == "2"
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_dashboard_counsellor.png"))

    # a second counsellor finds neither case
    zhou = _counsellor(custodian, vault_dir, "zhou", "周咨询", sessions_opened)
    other = _window(qtbot, zhou)
    assert _search(qtbot, other, "张伟") == set()
    assert _search(qtbot, other, "青松") == set()
    assert _search(qtbot, other, real_code) == set()
    assert other.grab().save(str(SHOTS / "path_case_list_other_counsellor.png"))
    other.close()
    window.close()
    assert not answers.seen or all(kind == "open" for kind, _, _ in answers.seen)


# -- navigation -----------------------------------------------------------------------------
@pytest.fixture
def lin_window(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, sessions_opened: list[SignedIn]
) -> MainWindow:
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    return _window(qtbot, lin)


def test_a_case_opened_from_the_dashboard_returns_there(
    qtbot: QtBot, lin_window: MainWindow
) -> None:
    window = lin_window
    case_id = new_client_case(window.ctx, name="李娜")[1]
    insert_session(window.ctx, case_id, date.today(), start_time=time(9, 0))
    home = window.home
    assert home is not None
    click(qtbot, home.dashboard.refresh_button)
    (row,) = home.dashboard.today.rows
    click(qtbot, row)
    view = _view(window)
    assert view.case_id == case_id
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the case view's own way back
    assert _cases(window).case_view is None
    assert window.pages is not None and window.pages.currentWidget() is home
    # opened from the list, it returns to the list as it was left
    window.show_page("个案")
    page = _cases(window).list_page
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.open_current()
    assert _view(window).case_id == case_id
    click(qtbot, _view(window).back_button)
    assert window.pages.currentWidget() is _cases(window)
    assert _cases(window).currentWidget() is page
    assert page.table.currentIndex().row() == 0


def test_leaving_a_case_with_unsaved_input_asks_first(
    qtbot: QtBot, lin_window: MainWindow, answers: Answers
) -> None:
    window = lin_window
    first = new_client_case(window.ctx, name="王芳")[1]
    second = new_client_case(window.ctx, name="赵敏")[1]
    window.open_case(first)
    view = _view(window)
    form = view.new_session(ServiceKind.INDIVIDUAL)
    assert form is not None
    ime_type(form.presenting_edit, "还没有保存的记录")
    assert view.has_unsaved_changes()

    answers.reply = False  # keep the input
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert _view(window) is view and len(answers.seen) == 1
    window.open_case(second)
    assert _view(window) is view and len(answers.seen) == 2
    window.log_out()
    assert window.ctx.vault.is_open and len(answers.seen) == 3
    # switching areas keeps the case as it is, without asking
    window.show_page("工作台")
    window.show_page("个案")
    assert _view(window) is view and form.presenting_edit.toPlainText() == "还没有保存的记录"
    assert len(answers.seen) == 3

    answers.reply = True  # now let it go
    window.open_case(second)
    assert _view(window).case_id == second
    assert not shiboken6.isValid(form) or not form.isVisible()


def test_lock_destroys_the_list_and_an_open_case(
    qtbot: QtBot, lin_window: MainWindow, answers: Answers
) -> None:
    window = lin_window
    case_id = new_client_case(window.ctx, name="孙丽")[1]
    window.open_case(case_id)
    view = _view(window)
    form = view.new_session(ServiceKind.INDIVIDUAL)
    assert form is not None
    ime_type(form.presenting_edit, "锁定时正在写")
    page = _cases(window).list_page
    window.lock()
    assert window.is_locked and window.cases is None and window.home is None
    assert not window.ctx.vault.is_open
    assert not answers.seen  # locking never asks
    for widget in (view, page, form):
        qtbot.waitUntil(lambda w=widget: not shiboken6.isValid(w))
    assert not window.findChildren(CaseView) and not window.findChildren(CaseListPage)
    assert not window.new_case_action.isEnabled() and not window.find_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # nothing happens while locked
    assert window.cases is None
    screen = window.lock_screen
    assert screen is not None
    screen.password.edit.setFocus()
    qtbot.keyClicks(screen.password.edit, "Counsel-2026")
    qtbot.keyClick(screen.password.edit, Qt.Key.Key_Return)
    assert not window.is_locked and window.cases is not None
    assert window.new_case_action.isEnabled()


def test_lock_closes_the_new_case_dialog_without_asking(
    qtbot: QtBot, lin_window: MainWindow, answers: Answers
) -> None:
    window = lin_window
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = _cases(window).list_page.new_dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    ime_type(dialog.name.edit, "周杰")
    window.lock()
    assert not dialog.isVisible() and not answers.seen
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_the_records_menu_and_the_import_dialog(qtbot: QtBot, lin_window: MainWindow) -> None:
    window = lin_window
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["个案", "账户"]
    texts = [a.text() for a in window.record_actions]
    assert texts == ["新建来访者/个案…", "查找个案", "紧急查阅…", "导入台账…"]
    assert window.new_case_action.shortcut().toString() == "Ctrl+N"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.parent() is window.cases  # it goes with the pages at lock
    dialog.reject()
    qtbot.waitUntil(lambda: window.import_dialog is None)
    window.emergency_action.trigger()
    emergency = _cases(window).list_page.emergency_dialog
    assert isinstance(emergency, EmergencyDialog)
    emergency.reject()


def test_the_custodian_has_no_emergency_access_but_imports(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    window = _window(qtbot, custodian)
    texts = [a.text() for a in window.record_actions]
    assert texts == ["新建来访者/个案…", "查找个案", "导入台账…"]
    assert _cases(window).list_page.emergency_button is None
    window.close()


def test_the_station_lead_sees_counts_and_activities_only(
    qtbot: QtBot,
    custodian: SignedIn,
    vault_dir: Path,
    sessions_opened: list[SignedIn],
) -> None:
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    case_id = new_client_case(lin, name="张伟")[1]
    insert_session(lin, case_id, date.today(), start_time=time(10, 0))
    followups.plan_follow_up(lin, case_id, date.today() - timedelta(days=0), "phone")
    lead = make_lead(custodian, vault_dir)
    sessions_opened.append(lead)
    window = _window(qtbot, lead)
    assert window.navigation_titles() == [
        "工作台",
        "心理测评",
        "团体与讲座",
        "月度统计上报",
        "我的账户",
    ]
    assert window.cases is None and not window.record_actions[0].isEnabled()
    assert [a.text() for a in window.menuBar().actions()] == ["账户"]
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert not window.findChildren(NewCaseDialog)
    home = window.home
    assert home is not None and home.dashboard.counts_only
    assert home.dashboard.sessions.figure.text() == "1"
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_dashboard_lead.png"))
    window.close()


def test_screenshots_of_the_windows_dialogs(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, sessions_opened: list[SignedIn]
) -> None:
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    new_client_case(lin, name="张伟")
    window = _window(qtbot, lin)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = _cases(window).list_page.new_dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / "path_new_case_dialog.png"))
    dialog.reject()
    window.emergency_action.trigger()
    emergency = _cases(window).list_page.emergency_dialog
    assert isinstance(emergency, EmergencyDialog)
    qtbot.waitExposed(emergency)
    qtbot.wait(50)
    assert emergency.grab().save(str(SHOTS / "path_emergency_dialog.png"))
    emergency.reject()
    window.close()


@pytest.mark.usefixtures("large_font")
def test_the_window_at_a_large_font(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, sessions_opened: list[SignedIn]
) -> None:
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    case_id = new_client_case(lin, name="张伟")[1]
    insert_session(lin, case_id, date.today(), start_time=time(9, 30))
    window = _window(qtbot, lin)
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_dashboard_counsellor_large.png"))
    window.show_page("个案")
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "path_case_list_large.png"))
    window.close()


def test_search_rules_hold_for_the_service_too(
    custodian: SignedIn, vault_dir: Path, sessions_opened: list[SignedIn]
) -> None:
    """What the list shows is what the service returns: a colleague's case stays out."""
    lin = _counsellor(custodian, vault_dir, "lin", "林咨询", sessions_opened)
    zhou = _counsellor(custodian, vault_dir, "zhou", "周咨询", sessions_opened)
    new_client_case(lin, name="张伟")
    assert search.count_cases(zhou, CaseQuery(text="张伟")) == 0
    assert search.count_cases(lin, CaseQuery(text="张伟")) == 1
