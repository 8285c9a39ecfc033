"""The audit log page: rows, filters, verification (also after tampering), roles."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from station.models.enums import Role
from station.services import accounts, setup
from station.services.context import SignedIn
from station.ui.audit_model import COL_ACTION, COL_USER, SEQ_ROLE
from station.ui.audit_page import AuditPage

TEMP = "Temp-pass-2026"


def _page(qtbot: QtBot, ctx: SignedIn) -> AuditPage:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _actions(page: AuditPage) -> list[str]:
    model = page.model
    return [model.index(r, COL_ACTION).data() for r in range(model.rowCount())]


def _choose(page: AuditPage, combo_name: str, data: object) -> None:
    combo = getattr(page, combo_name)
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_rows_appear_newest_first(qtbot: QtBot, custodian: SignedIn) -> None:
    accounts.add_user(custodian, "zhangsan", "张咨询", Role.COUNSELLOR, TEMP)
    page = _page(qtbot, custodian)
    assert _actions(page) == ["新增用户", "创建档案库"]
    seqs = [page.model.index(r, 0).data(SEQ_ROLE) for r in range(page.model.rowCount())]
    assert seqs == [2, 1]
    assert page.model.index(0, COL_USER).data() == "admin"
    assert page.count_label.text() == "共 2 条记录"


def test_filter_by_action_and_user(qtbot: QtBot, custodian: SignedIn) -> None:
    new_id = accounts.add_user(custodian, "zhangsan", "张咨询", Role.COUNSELLOR, TEMP)
    accounts.set_temporary_password(custodian, new_id, TEMP + "x")
    page = _page(qtbot, custodian)
    assert "查看审计日志" not in _actions(page)  # the first view is logged after it was read

    _choose(page, "action_combo", "user_add")
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert _actions(page) == ["新增用户"]

    _choose(page, "action_combo", None)
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert "查看审计日志" in _actions(page) and "重设密码" in _actions(page)

    # the new user has done nothing: filtering by them finds nothing
    _choose(page, "user_combo", new_id)
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "共 0 条记录"


def test_date_range_filter(qtbot: QtBot, custodian: SignedIn) -> None:
    page = _page(qtbot, custodian)
    today = QDate.currentDate()
    qtbot.mouseClick(page.date_box, Qt.MouseButton.LeftButton, pos=page.date_box.rect().topLeft())
    assert page.date_box.isChecked() and page.since_edit.isEnabled()

    page.since_edit.setDate(today.addDays(-10))
    page.until_edit.setDate(today.addDays(-1))
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0

    page.until_edit.setDate(today)
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert "创建档案库" in _actions(page)

    page.since_edit.setDate(today.addDays(1))
    shown = page.model.rowCount()
    qtbot.mouseClick(page.query_button, Qt.MouseButton.LeftButton)
    assert page.filter_error.isVisible() and "开始日期" in page.filter_error.text()
    assert page.model.rowCount() == shown


def test_verification_ok_then_tampering_is_found(
    qtbot: QtBot, created: setup.SetupResult, vault_dir: Path
) -> None:
    ctx = created.ctx
    accounts.add_user(ctx, "zhangsan", "张咨询", Role.COUNSELLOR, TEMP)
    page = _page(qtbot, ctx)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "校验通过" in page.verify_label.text()
    assert "#2e7d32" in page.verify_label.styleSheet()
    assert page.verify_button.isEnabled() and not page.busy.isVisible()

    raw = sqlcipher3.connect(str(vault_dir / "vault.db"))
    raw.execute(f"PRAGMA key = \"x'{ctx.vault.data_key.hex()}'\"")
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET detail = 'admin' WHERE seq = 2")
    raw.commit()
    raw.close()

    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    text = page.verify_label.text()
    assert "校验失败" in text and "第 2 条" in text
    assert "#a33a3a" in page.verify_label.styleSheet()


def test_counsellor_sees_a_clear_refusal(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    accounts.add_user(custodian, "zhangsan", "张咨询", Role.COUNSELLOR, TEMP)
    counsellor = accounts.login(vault_dir, "zhangsan", TEMP)
    page = _page(qtbot, counsellor)
    assert page.denied_label.isVisible()
    assert "档案管理员" in page.denied_label.text()
    assert not page.content.isVisible()
    assert page.model.rowCount() == 0
