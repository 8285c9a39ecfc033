"""The audit table model: Qt's model checks, paging, local time, and the seq role."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from station.services import accounts, audit
from station.services.audit import AuditFilter, AuditRow
from station.services.context import SignedIn
from station.ui.audit_model import (
    COL_ACTION,
    COL_DETAIL,
    COL_OBJECT,
    COL_TIME,
    COL_USER,
    SEQ_ROLE,
    AuditTableModel,
    local_time,
)


def _rows(n: int) -> list[AuditRow]:
    """n synthetic rows, newest first, as ``audit.browse`` returns them."""
    return [
        AuditRow(
            seq=seq,
            at=f"2026-11-20T06:{seq % 60:02d}:00.000000Z",
            user="admin" if seq % 2 else "",
            action="login",
            action_label="登录",
            object_kind="user",
            object_id=str(seq),
            detail="",
        )
        for seq in range(n, 0, -1)
    ]


class Source:
    def __init__(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> list[AuditRow]:
        self.calls.append((offset, limit))
        return self.rows[offset : offset + limit]


def test_model_passes_qt_checks_while_paging(qtmodeltester: ModelTester) -> None:
    model = AuditTableModel(page_size=10)
    source = Source(_rows(25))
    model.set_source(source)
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)  # the tester fetches the remaining pages
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert source.calls == [(0, 10), (10, 10), (20, 10)]
    assert [model.index(r, 0).data(SEQ_ROLE) for r in (0, 24)] == [25, 1]
    model.set_source(Source(_rows(3)))  # a new query starts over, still watched by the tester
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())


def test_entries_written_meanwhile_are_not_shown_twice() -> None:
    rows = _rows(20)
    model = AuditTableModel(page_size=10)
    source = Source(rows)
    model.set_source(source)
    # two entries are written after the first page was read: offsets shift by two
    rows[:0] = [_rows(22)[0], _rows(21)[0]]
    model.fetchMore(QModelIndex())
    seqs = [model.index(r, 0).data(SEQ_ROLE) for r in range(model.rowCount())]
    assert seqs == list(range(20, 2, -1))
    model.fetchMore(QModelIndex())
    seqs = [model.index(r, 0).data(SEQ_ROLE) for r in range(model.rowCount())]
    assert seqs == list(range(20, 0, -1))


def test_time_is_shown_in_local_time() -> None:
    stamp = "2026-11-20T06:35:00.123456Z"
    expected = datetime(2026, 11, 20, 6, 35, tzinfo=UTC).astimezone()
    assert local_time(stamp) == expected.strftime("%Y-%m-%d %H:%M:%S")


def test_model_over_a_real_vault(qtmodeltester: ModelTester, custodian: SignedIn) -> None:
    accounts.logout(custodian)
    ctx = accounts.login(custodian.vault.paths.root, "admin", "Custodian-2026")
    model = AuditTableModel()
    model.set_source(lambda offset, limit: audit.browse(ctx, AuditFilter(), offset, limit))
    qtmodeltester.check(model, force_py=True)
    shown = {
        model.index(r, COL_ACTION).data(): (
            model.index(r, COL_USER).data(),
            model.index(r, COL_OBJECT).data(),
            model.index(r, COL_DETAIL).data(),
        )
        for r in range(model.rowCount())
    }
    assert shown["创建档案库"] == ("admin", "站点 #1", "已绑定设备")
    assert shown["登录"] == ("admin", "用户 #1", "")
    assert shown["退出登录"][0] == "admin"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["序号", "时间", "用户", "操作", "对象", "说明"]
    assert model.index(0, COL_TIME).data().startswith("20")
    ctx.vault.close()
