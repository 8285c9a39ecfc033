"""The case view: header, identity reveal, timeline (model and view), roles, leaving.

The helpers at the top build a case with a timeline of every kind; the other case-view
test modules use them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from station.models.enums import Role
from station.models.vocab import (
    CaseSource,
    Concern,
    CrisisAction,
    FollowUpMethod,
    Gender,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
)
from station.services import audit, cases, followups, risk, sessions
from station.services.access import NotFound
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.services.risk import CrisisInput
from station.services.sessions import SessionInput
from station.services.views import TimelineKind
from station.ui.case_view import NOT_SHOWN, CaseView
from station.ui.timeline_model import (
    COL_DATE,
    COL_KIND,
    COL_SUMMARY,
    ID_ROLE,
    ITEM_ROLE,
    KIND_ROLE,
    TimelineModel,
)
from tests.records_fixtures import make_counsellor, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import click, retype

TODAY = date.today()
CLIENT_NAME = "测试来访者"


# -- helpers shared by the case-view tests ------------------------------------------------
@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn  # the case's counsellor
    wang: SignedIn  # a colleague the case is shared with
    case_id: int
    client_id: int


def make_team(custodian: SignedIn, vault_dir: Path, *, shared: bool = True) -> Team:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    wang = make_counsellor(custodian, vault_dir, "wang", "王咨询")
    client_id, case_id = new_client_case(
        lin,
        name=CLIENT_NAME,
        gender=Gender.FEMALE,
        birth_year=TODAY.year - 44,
        rank_level=RankLevel.MIDDLE,
        unit="某街道办",
        phone="13800000000",
        source=CaseSource.TALK,
        talk_trigger=TalkTrigger.POST_CHANGE,
        concerns=(Concern.WORKLOAD, Concern.SLEEP),
        opened_on=TODAY - timedelta(days=40),
    )
    if shared:
        cases.share_case(lin, case_id, wang.user_id)
    return Team(custodian, lin, wang, case_id, client_id)


def fill_timeline(team: Team) -> None:
    """Sessions of three kinds, a risk change up and down, a crisis event, and
    follow-ups done, planned and overdue."""
    lin, case_id = team.lin, team.case_id

    def session(days_ago: int, kind: ServiceKind, **extra: object) -> int:
        data = SessionInput(
            kind=kind,
            held_on=TODAY - timedelta(days=days_ago),
            start_time=time(9, 30),
            room="一号咨询室",
            presenting="工作压力大，入睡困难。",
            **extra,  # type: ignore[arg-type]
        )
        return sessions.add_session(lin, case_id, data)

    session(35, ServiceKind.INTAKE, private_note="初访印象：防御较强")
    session(28, ServiceKind.INDIVIDUAL)
    risk.set_risk(lin, case_id, RiskLevel.HIGH, "表达强烈无望感")
    risk.record_crisis(
        lin,
        case_id,
        CrisisInput(
            occurred_on=TODAY - timedelta(days=20),
            description="深夜来电，情绪崩溃。",
            actions=(CrisisAction.FAMILY_NOTIFIED, CrisisAction.EXPERT),
            safety_plan="家属陪伴；每日电话联系。",
        ),
    )
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM, "专家会诊后评估，情绪趋稳")
    session(14, ServiceKind.SANDPLAY, risk_level=RiskLevel.MEDIUM)
    done = followups.plan_follow_up(lin, case_id, TODAY - timedelta(days=10), FollowUpMethod.PHONE)
    followups.complete_follow_up(lin, done, TODAY - timedelta(days=9), "睡眠有改善。")
    followups.plan_follow_up(lin, case_id, TODAY - timedelta(days=3), FollowUpMethod.VISIT)
    followups.plan_follow_up(lin, case_id, TODAY + timedelta(days=14), FollowUpMethod.ONLINE)


def open_view(
    qtbot: QtBot, ctx: SignedIn, case_id: int, size: tuple[int, int] = (980, 760)
) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


@contextmanager
def large_font() -> Iterator[None]:
    """The app font at 14 pt (about 150 % scaling)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    large = QFont(font)
    large.setPointSize(14)
    app.setFont(large)
    try:
        yield
    finally:
        app.setFont(font)


def shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()  # let layouts settle after synchronous tasks
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def row_of_kind(view: CaseView, text: str) -> int:
    """The first (newest) timeline row whose kind label is ``text``."""
    return kinds_shown(view).index(text)


def kinds_shown(view: CaseView) -> list[str]:
    model = view.model
    return [model.index(r, COL_KIND).data() for r in range(model.rowCount())]


def actions_of(ctx: SignedIn) -> list[str]:
    return [row.action for row in audit.browse(ctx, AuditFilter())]


# -- the header -------------------------------------------------------------------------------
def test_header_shows_the_case_and_the_timeline(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    view = open_view(qtbot, team.lin, team.case_id)
    code = cases.case_view(team.lin, team.case_id).code
    assert view.code_label.text() == f"个案 {code}"
    client = view.client_value.text()
    assert CLIENT_NAME in client and "女" in client and "40-49岁" in client
    assert "中层干部" in client
    assert view.risk_badge.text() == "风险：中"
    assert "进行中" in view.status_value.text()
    assert "林咨询" in view.counsellor_value.text() and "王咨询" in view.counsellor_value.text()
    assert view.consent_value.text() == "未记录"
    assert view.concerns_value.text() == "工作负荷、睡眠问题"
    assert view.source_value.text() == "谈心谈话（岗位调整）"
    # no identity beyond the name until asked for
    assert not view.identity_box.isVisible()
    assert all("13800000000" not in w.text() for w in view.findChildren(QLabel))

    # newest first, every kind with its label
    shown = kinds_shown(view)
    assert shown[0] == "回访 · 计划"
    assert "回访 · 逾期" in shown and "回访 · 已完成" in shown
    assert {"初访", "个体咨询", "沙盘", "风险等级", "危机事件"} <= set(shown)
    dates = [view.model.index(r, COL_DATE).data() for r in range(view.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    summaries = [view.model.index(r, COL_SUMMARY).data() for r in range(view.model.rowCount())]
    assert any("高 → 中" in s and "专家会诊" in s for s in summaries)
    assert any("通知家属、专家会诊" in s for s in summaries)
    assert any(s == "面谈 · 逾期 3 天" for s in summaries)
    # the window title never names the client
    assert CLIENT_NAME not in view.window().windowTitle()
    shot(view, "case_view")


def test_case_view_at_a_large_font(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    with large_font():
        view = open_view(qtbot, team.lin, team.case_id, (1100, 860))
        view.open_item(row_of_kind(view, "危机事件"))
        shot(view, "case_view_large")
        view.close()


def test_identity_is_revealed_on_request_and_audited(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    before = actions_of(custodian).count("identity_view")
    click(qtbot, view.identity_button)
    assert view.identity_box.isVisible()
    text = " ".join(w.text() for w in view.identity_box.findChildren(QLabel))
    assert "13800000000" in text and "某街道办" in text and CLIENT_NAME in text
    assert actions_of(custodian).count("identity_view") == before + 1
    shot(view, "case_view_identity")
    click(qtbot, view.identity_button)  # hide: the values are dropped
    qtbot.waitUntil(lambda: not view.identity_box.isVisible())
    assert all(not w.isVisible() for w in view.identity_box.findChildren(QLabel))
    click(qtbot, view.identity_button)  # each reveal asks the service again
    assert actions_of(custodian).count("identity_view") == before + 2


def test_anonymous_client_shows_alias_and_no_identity(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    _, case_id = new_client_case(lin, anonymous=True, alias="青松-07")
    view = open_view(qtbot, lin, case_id)
    assert view.client_value.text().startswith("青松-07 · 匿名")
    click(qtbot, view.identity_button)
    text = " ".join(w.text() for w in view.identity_box.findChildren(QLabel))
    assert "匿名来访者" in text and NOT_SHOWN not in text


def test_copy_code_goes_through_the_clearing_clipboard(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    code = cases.case_view(team.lin, team.case_id).code
    click(qtbot, view.copy_button)
    assert QGuiApplication.clipboard().text() == code
    assert "30" in view.copied_label.text()


# -- roles ------------------------------------------------------------------------------------
def test_custodian_reads_and_may_reassign_or_delete(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    view = open_view(qtbot, custodian, team.case_id)
    for hidden in (
        view.new_session_button,
        view.risk_button,
        view.crisis_button,
        view.follow_up_button,
        view.consent_button,
        view.edit_button,
        view.close_button,
    ):
        assert not hidden.isVisible(), hidden.objectName()
    assert view.share_button.isVisible() and view.reassign_button.isVisible()
    assert view.new_session() is None and view.change_risk() is None
    # a session opens read-only, without any private note
    view.open_item(row_of_kind(view, "初访"))
    form = view.form
    assert form is not None and form.view is not None
    assert not form.editable and form.private_edit is None
    assert not form.save_button.isVisible() and form.presenting_edit.isReadOnly()
    assert not view.has_unsaved_changes()
    shot(view, "case_view_custodian")

    dialog = view.reassign()
    assert dialog is not None
    dialog.counsellor_combo.setCurrentIndex(dialog.counsellor_combo.findText("王咨询"))
    click(qtbot, dialog.ok_button)
    assert cases.case_view(custodian, team.case_id).counsellor.display_name == "王咨询"
    assert "王咨询" in view.counsellor_value.text().split(" · ")[0]

    answers.reply = True
    click(qtbot, view.delete_button)
    assert "删除" in answers.seen[-1][1]
    assert view.banner.text() == "此个案已删除。" and not view.delete_button.isVisible()
    assert cases.case_view(custodian, team.case_id).deleted

    # a deleted case can be restored, or purged for good after a warning
    click(qtbot, view.restore_button)
    assert not cases.case_view(custodian, team.case_id).deleted
    assert view.delete_button.isVisible() and not view.purge_button.isVisible()
    click(qtbot, view.delete_button)
    answers.reply = False
    click(qtbot, view.purge_button)
    assert "彻底清除" in answers.seen[-1][1]
    assert cases.case_view(custodian, team.case_id).deleted  # nothing purged on "No"
    answers.reply = True
    with qtbot.waitSignal(view.closed):
        click(qtbot, view.purge_button)
    with pytest.raises(NotFound):
        cases.case_view(custodian, team.case_id)


def test_a_colleague_sees_the_case_but_not_the_private_note(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    view = open_view(qtbot, team.wang, team.case_id)
    assert view.new_session_button.isVisible()
    assert not view.share_button.isVisible()  # only the assigned counsellor shares
    view.open_item(row_of_kind(view, "初访"))
    form = view.form
    assert form is not None and form.editable
    assert form.private_edit is None and form.private_box is None
    assert form.findChild(QWidget, "private_note") is None


# -- the timeline model --------------------------------------------------------------------------
def test_timeline_model_passes_qt_checks(
    qtmodeltester: ModelTester, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    items = cases.timeline(team.lin, team.case_id)
    model = TimelineModel()
    model.set_items(items)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(items) == 9
    first = model.index(0, 0)
    assert first.data(ITEM_ROLE) == items[-1]
    assert first.data(KIND_ROLE) == TimelineKind.FOLLOW_UP.value
    assert first.data(ID_ROLE) == items[-1].item_id
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["日期", "类型", "摘要", "记录人"]
    model.set_items(items[:2])  # a reload, still watched by the tester
    assert model.rowCount() == 2
    model.clear()
    assert model.rowCount() == 0


def test_opening_items_shows_their_details(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    view = open_view(qtbot, team.lin, team.case_id)
    view.timeline_view.setFocus()
    view.timeline_view.selectRow(0)
    qtbot.keyClick(view.timeline_view, Qt.Key.Key_Return)
    assert view.detail is not None and view.detail.objectName() == "timelineDetail"
    assert view.detail.findChild(QWidget, "completeFollowUp") is not None
    shot(view, "case_view_follow_up")
    view.open_item(row_of_kind(view, "危机事件"))
    assert view.detail.findChild(QWidget, "correctCrisis") is not None
    view.open_item(row_of_kind(view, "沙盘"))
    assert view.form is not None and view.form.sandplay_panel is not None
    assert view.form.private_edit is not None  # the author sees the note field


# -- leaving ------------------------------------------------------------------------------------
def test_back_asks_only_with_unsaved_input(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view.timeline_view, Qt.Key.Key_Escape)
    assert answers.seen == []
    form = view.new_session()
    assert form is not None
    retype(qtbot, form.presenting_edit, "还没保存的记录")
    assert view.has_unsaved_changes()
    answers.reply = False
    with qtbot.assertNotEmitted(view.closed):
        click(qtbot, view.back_button)
    assert answers.seen[-1][0] == "ask"
    assert view.form is form and form.presenting_edit.toPlainText() == "还没保存的记录"
    assert not view.confirm_leave()
    answers.reply = True
    assert view.confirm_leave()
    with qtbot.waitSignal(view.closed):
        click(qtbot, view.back_button)


def test_lead_role_is_not_shown_a_case(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    from tests.records_fixtures import make_lead

    team = make_team(custodian, vault_dir)
    lead = make_lead(custodian, vault_dir)
    assert lead.role is Role.LEAD
    view = open_view(qtbot, lead, team.case_id)
    assert view.banner.isVisible() and view.banner.text() == "您的角色无权执行此操作。"
    assert not view.header_box.isVisible() and not view.new_session_button.isVisible()
    assert view.model.rowCount() == 0
