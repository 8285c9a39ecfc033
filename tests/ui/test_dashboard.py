"""The dashboard (工作台): its sections with real data, opening a case from a row, calm
empty states, the station lead's counts only, and screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import FollowUpMethod, RiskLevel, ServiceKind
from station.services import cases, emergency, followups, risk
from station.services.context import SignedIn
from station.ui.dashboard_page import DashboardPage, RowButton
from station.ui.home_page import HomePage
from tests.records_fixtures import insert_session, new_client_case
from tests.ui.conftest import SHOTS

TODAY = date.today()


@pytest.fixture
def large_font() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    large = QFont(font)
    large.setPointSize(14)  # about 150 % scaling
    app.setFont(large)
    yield
    app.setFont(font)


@pytest.fixture
def caseload(lin: SignedIn, zhou: SignedIn) -> dict[str, int]:
    """Lin's cases: one with two sessions today, one at high risk with an overdue
    follow-up, one imminent that Zhou opened in an emergency; one closed case."""
    ids: dict[str, int] = {}
    ids["today"] = new_client_case(lin, name="张伟", opened_on=TODAY - timedelta(days=20))[1]
    ids["high"] = new_client_case(lin, name="李娜", opened_on=TODAY - timedelta(days=30))[1]
    ids["imminent"] = new_client_case(lin, anonymous=True, alias="青松")[1]
    ids["closed"] = new_client_case(lin, name="王芳")[1]
    insert_session(lin, ids["today"], TODAY, start_time=time(14, 0), kind=ServiceKind.SANDPLAY)
    insert_session(lin, ids["today"], TODAY, start_time=time(9, 30))
    risk.set_risk(lin, ids["high"], RiskLevel.HIGH, "睡眠很差，情绪持续低落")
    risk.set_risk(lin, ids["imminent"], RiskLevel.IMMINENT, "表达了轻生念头")
    followups.plan_follow_up(lin, ids["high"], TODAY - timedelta(days=3), FollowUpMethod.PHONE)
    cases.close_case(lin, ids["closed"], "来访者状态平稳，结案。")
    code = cases.case_view(lin, ids["imminent"]).code
    found = emergency.find_case_code(zhou, code)
    assert found == ids["imminent"]
    emergency.open_in_emergency(zhou, found, "值班时来访者家属来电求助，负责咨询师联系不上")
    return ids


def _page(qtbot: QtBot, ctx: SignedIn) -> DashboardPage:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(960, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def _shot(qtbot: QtBot, widget: QWidget, name: str) -> None:
    qtbot.wait(50)  # let queued layout work settle
    assert widget.grab().save(str(SHOTS / name))


def _texts(rows: list[RowButton]) -> list[str]:
    return [row.accessibleName() for row in rows]


def test_counsellor_sees_each_section_and_opens_a_case_from_a_row(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    assert page.data is not None  # loaded when shown

    today = _texts(page.today.rows)
    assert len(today) == 2
    assert today[0].startswith("09:30") and "个体咨询" in today[0] and "张伟" in today[0]
    assert today[1].startswith("14:00") and "沙盘" in today[1]
    assert not page.today.empty_label.isVisible()

    (overdue,) = page.overdue.rows
    assert overdue.case_id == caseload["high"]
    assert "电话" in overdue.accessibleName() and "逾期 3 天" in overdue.accessibleName()

    assert [row.case_id for row in page.pinned.rows] == [caseload["imminent"], caseload["high"]]
    badges = [row.badge.text() for row in page.pinned.rows if row.badge is not None]
    assert badges == ["紧急", "高"]
    assert "青松" in page.pinned.rows[0].main_label.text()

    (grant,) = page.grants.rows
    assert grant.case_id == caseload["imminent"]
    assert "周咨询" in grant.accessibleName() and "负责咨询师联系不上" in grant.toolTip()
    assert grant.note_label is not None and grant.note_label.text().startswith("有效至")

    opened_days = [TODAY - timedelta(days=20), TODAY - timedelta(days=30), TODAY, TODAY]
    this_month = sum(1 for day in opened_days if (day.year, day.month) == (TODAY.year, TODAY.month))
    assert page.new_cases.figure.text() == str(this_month)
    assert page.sessions.figure.text() == "2"
    assert page.closed_cases.figure.text() == "1"

    opened: list[int] = []
    page.open_case.connect(opened.append)
    qtbot.mouseClick(page.pinned.rows[1], Qt.MouseButton.LeftButton)
    page.grants.rows[0].setFocus()
    qtbot.keyClick(page.grants.rows[0], Qt.Key.Key_Return)
    assert opened == [caseload["high"], caseload["imminent"]]
    assert page.refresh_button.isEnabled()
    _shot(qtbot, page, "dashboard_counsellor.png")


def test_refresh_shows_new_work_and_empty_sections_say_so_calmly(
    qtbot: QtBot, lin: SignedIn
) -> None:
    page = _page(qtbot, lin)
    for section in page.sections:
        assert section.empty_label.isVisible() and not section.rows
    assert page.today.empty_label.text() == "今天没有安排的服务。"
    assert page.overdue.empty_label.text() == "没有逾期的回访。"
    assert page.sessions.figure.text() == "0"

    case_id = new_client_case(lin, name="赵敏")[1]
    insert_session(lin, case_id, TODAY, start_time=time(10, 0))
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert [row.case_id for row in page.today.rows] == [case_id]
    assert not page.today.empty_label.isVisible()
    assert page.sessions.figure.text() == "1"


def test_station_lead_sees_the_counts_only(
    qtbot: QtBot, lead: SignedIn, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lead)
    assert page.counts_only
    assert all(not section.isVisible() and not section.rows for section in page.sections)
    assert page.sessions.figure.text() == "2"  # station-wide
    assert page.closed_cases.figure.text() == "1"
    shown = "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisible())
    codes = [cases.case_view(lin, case_id).code for case_id in caseload.values()]
    for secret in ("张伟", "李娜", "青松", "周咨询", *codes):
        assert secret not in shown
    _shot(qtbot, page, "dashboard_lead.png")


def test_the_home_page_holds_the_dashboard(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    home = HomePage(lin)
    qtbot.addWidget(home)
    home.resize(1000, 760)
    home.show()
    qtbot.waitExposed(home)
    opened: list[int] = []
    home.open_case.connect(opened.append)
    qtbot.mouseClick(home.dashboard.today.rows[0], Qt.MouseButton.LeftButton)
    assert opened == [caseload["today"]]
    _shot(qtbot, home, "home_counsellor.png")


@pytest.mark.usefixtures("large_font")
def test_dashboard_at_a_large_font(
    qtbot: QtBot, lin: SignedIn, lead: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    page.resize(920, 860)
    qtbot.wait(50)
    _shot(qtbot, page, "dashboard_counsellor_large.png")
    lead_page = _page(qtbot, lead)
    _shot(qtbot, lead_page, "dashboard_lead_large.png")


def test_custodian_sees_every_pinned_case_and_grant(
    qtbot: QtBot, custodian: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, custodian)
    assert [row.case_id for row in page.pinned.rows] == [caseload["imminent"], caseload["high"]]
    (grant,) = page.grants.rows
    assert grant.case_id == caseload["imminent"]
    # the custodian sees whose case each row is
    assert all(row.note_label is not None for row in page.today.rows)
    assert "林咨询" in page.today.rows[0].accessibleName()
