"""The case list: the paged model (Qt's checks, sorting by header, the case-id role, a
newer search winning over an older one), the page's search and filters against a
real vault, opening a case, and emergency access from the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from station.models.vocab import CaseStatus, Gender, RiskLevel
from station.services import audit, cases, risk, search
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.services.search import CaseQuery, SortKey
from station.services.views import AgeBand, CaseRow, Page
from station.ui import case_list_model
from station.ui.case_list_model import (
    CASE_ID_ROLE,
    COL_CLIENT,
    COL_CODE,
    COL_RISK,
    COLUMN_SORT_KEYS,
    PAGE_SIZE,
    RISK_ROLE,
    CaseListModel,
)
from station.ui.case_list_page import CaseListPage
from station.ui.emergency_dialog import EmergencyDialog
from station.ui.tasks import TaskHandle
from tests.records_fixtures import new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import large_font  # noqa: F401

TODAY = date.today()


# -- the model, over a synthetic source ---------------------------------------------------
def _rows(n: int) -> list[CaseRow]:
    return [
        CaseRow(
            id=i,
            code=f"2026-{i:04d}",
            client=f"代号{i}",
            gender=Gender.FEMALE if i % 2 else Gender.MALE,
            age_band=AgeBand.FROM_40 if i % 3 else None,
            counsellor="林咨询",
            status=CaseStatus.OPEN,
            risk_level=RiskLevel.HIGH if i % 7 == 0 else RiskLevel.NONE,
            opened_on=TODAY - timedelta(days=i),
            last_session_on=None,
            deleted=False,
        )
        for i in range(1, n + 1)
    ]


class Source:
    """Answers queries like ``search.search_cases`` and remembers them."""

    def __init__(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.queries: list[CaseQuery] = []

    def __call__(self, query: CaseQuery) -> Page[CaseRow]:
        self.queries.append(query)
        items = self.rows[query.offset : query.offset + query.limit]
        more = query.offset + query.limit < len(self.rows)
        return Page(tuple(items), query.offset, query.limit, more)

    def count(self, query: CaseQuery) -> int:
        return len(self.rows)


def _model(rows: int, page_size: int = PAGE_SIZE) -> tuple[CaseListModel, Source]:
    model = CaseListModel(page_size=page_size)
    source = Source(_rows(rows))
    model.set_source(source, source.count)
    return model, source


def test_model_passes_qt_checks_while_paging(qtmodeltester: ModelTester) -> None:
    model, source = _model(25, page_size=10)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_query(CaseQuery(text="代号"))
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    assert totals == [25]
    qtmodeltester.check(model, force_py=True)  # the tester fetches the remaining pages
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert [(q.offset, q.limit) for q in source.queries] == [(0, 10), (10, 10), (20, 10)]
    assert all(q.text == "代号" for q in source.queries)


def test_model_shows_labels_and_carries_the_case_id(qapp: QApplication) -> None:
    model, _ = _model(7)
    model.set_query(CaseQuery())
    first = model.index(0, COL_CODE)
    assert first.data() == "2026-0001"
    assert first.data(CASE_ID_ROLE) == 1
    assert model.index(0, COL_CLIENT).data() == "代号1"
    assert model.index(6, COL_RISK).data() == "高"
    assert model.index(6, COL_RISK).data(RISK_ROLE) == "high"
    assert model.index(0, COL_RISK).data() == "—"
    assert model.index(1, 2).data() == "男" and model.index(0, 2).data() == "女"
    assert model.index(2, 3).data() == "—"  # no birth year
    assert model.index(0, 3).data() == "40-49岁"
    assert model.headerData(COL_CODE, Qt.Orientation.Horizontal) == "个案编号"
    assert model.row_of_case(3) == 2 and model.row_of_case(99) == -1


def test_twenty_thousand_cases_load_two_hundred_rows_at_a_time(qapp: QApplication) -> None:
    model, source = _model(20_000)
    model.set_query(CaseQuery())
    assert model.rowCount() == 200
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert [(q.offset, q.limit) for q in source.queries] == [(0, 200), (200, 200)]
    model.reload()  # the same rows again in one request, for the scroll position
    assert model.rowCount() == 400 and source.queries[-1].limit == 400


@pytest.mark.parametrize("column", range(len(COLUMN_SORT_KEYS)))
def test_a_header_click_sorts_in_the_service(qapp: QApplication, column: int) -> None:
    model, source = _model(30, page_size=10)
    model.set_query(CaseQuery())
    model.fetchMore(QModelIndex())
    model.sort(column, Qt.SortOrder.AscendingOrder)
    query = source.queries[-1]
    assert query.sort == COLUMN_SORT_KEYS[column] and not query.descending
    assert query.offset == 0 and model.rowCount() == 10  # it starts over
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert source.queries[-1].descending
    assert model.sort_column() == column


def test_a_newer_search_wins_over_an_older_one(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tasks finish in any order: the rows shown are always the last search's."""
    pending: list[Callable[[], None]] = []

    def deferred(
        fn: Callable[[TaskHandle], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> TaskHandle:
        handle = TaskHandle()

        def finish() -> None:  # as the pool's runner does
            try:
                result = fn(handle)
            except BaseException as exc:
                on_error(exc)
            else:
                on_done(result)

        pending.append(finish)
        return handle

    monkeypatch.setattr(case_list_model, "run_task", deferred)
    model = CaseListModel()
    everyone = Source(_rows(5))
    model.set_source(lambda q: everyone(q) if not q.text else Source(_rows(1))(q))
    model.set_query(CaseQuery(text="old"))
    model.set_query(CaseQuery())
    assert model.loading and model.rowCount() == 0 and len(pending) == 2
    pending[1]()  # the newer search answers first
    assert model.rowCount() == 5 and not model.loading
    pending[0]()  # the older answer arrives late and is dropped
    assert model.rowCount() == 5 and model.query.text == ""


# -- the page, over a real vault ----------------------------------------------------------
@pytest.fixture
def caseload(lin: SignedIn, zhou: SignedIn) -> dict[str, int]:
    ids: dict[str, int] = {}
    ids["zhang"] = new_client_case(lin, name="张伟", gender=Gender.MALE)[1]
    ids["zhangli"] = new_client_case(lin, name="张丽", opened_on=TODAY - timedelta(days=40))[1]
    ids["anon"] = new_client_case(lin, anonymous=True, alias="青松")[1]
    ids["closed"] = new_client_case(lin, name="王芳", opened_on=TODAY - timedelta(days=400))[1]
    ids["zhou"] = new_client_case(zhou, name="张伟")[1]  # the same name, Zhou's case
    risk.set_risk(lin, ids["zhangli"], RiskLevel.HIGH, "严重失眠")
    cases.close_case(lin, ids["closed"], "结案")
    return ids


def _page(qtbot: QtBot, ctx: SignedIn) -> CaseListPage:
    page = CaseListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def _shown(page: CaseListPage) -> set[int]:
    model = page.model
    return {model.case_id_at(row) for row in range(model.rowCount())}


def ime_type(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Chinese input method commits it (key clicks are ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _type(qtbot: QtBot, page: CaseListPage, text: str) -> None:
    page.search_edit.setFocus()
    page.search_edit.selectAll()
    ime_type(page.search_edit, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)


def test_search_box_and_filters_select_the_counsellors_cases(
    qtbot: QtBot, lin: SignedIn, custodian: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    mine = {caseload[k] for k in ("zhang", "zhangli", "anon", "closed")}
    assert _shown(page) == mine  # the first search runs when the page is shown
    assert page.count_label.text() == "共 4 个个案"
    assert page.counsellor_combo is None  # a counsellor sees only their own anyway
    assert page.emergency_button is not None

    _type(qtbot, page, "张")
    assert _shown(page) == {caseload["zhang"], caseload["zhangli"]}
    _type(qtbot, page, "张伟")  # a two-character name; Zhou's 张伟 stays hidden
    assert _shown(page) == {caseload["zhang"]}
    _type(qtbot, page, "青松")
    assert _shown(page) == {caseload["anon"]}
    code = cases.case_view(lin, caseload["closed"]).code
    _type(qtbot, page, code)
    assert _shown(page) == {caseload["closed"]}
    _type(qtbot, page, "没有这个人")
    assert _shown(page) == set()
    assert page.results.currentWidget() is page.empty_label
    assert page.empty_label.text() == "没有符合条件的个案。"

    page.search_edit.clear()
    page.status_combo.setCurrentIndex(page.status_combo.findData(CaseStatus.CLOSED.value))
    assert _shown(page) == {caseload["closed"]}
    assert page.results.currentWidget() is page.table
    page.status_combo.setCurrentIndex(0)
    page.risk_combo.setCurrentIndex(page.risk_combo.findData("high_or_imminent"))
    assert _shown(page) == {caseload["zhangli"]}
    page.risk_combo.setCurrentIndex(0)
    page.from_edit.setDate(page.from_edit.date().addDays(-1000))
    page.to_edit.setDate(page.to_edit.date().addDays(-30))
    page.date_box.setChecked(True)
    assert _shown(page) == {caseload["zhangli"], caseload["closed"]}
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert _shown(page) == mine and not page.date_box.isChecked()
    # the audit log counts the searches, never their text
    logged = audit.browse(custodian, AuditFilter(action="case_search", user_id=lin.user_id))
    details = [row.detail for row in logged]
    assert details and all(d.startswith("rows=") for d in details)


def test_typing_searches_after_a_pause(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    page.search_edit.setFocus()
    ime_type(page.search_edit, "王芳")
    assert len(_shown(page)) == 4  # not yet
    qtbot.waitUntil(lambda: _shown(page) == {caseload["closed"]}, timeout=3000)


def test_a_reversed_date_range_is_shown_at_the_dates(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    page.from_edit.setDate(page.to_edit.date().addDays(5))
    page.date_box.setChecked(True)
    assert page.error.isVisible()
    assert page.error.text() == "开始日期不能晚于结束日期。"
    assert page.count_label.text() == ""


def test_custodian_filters_by_counsellor_and_sees_every_case(
    qtbot: QtBot, custodian: SignedIn, zhou: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, custodian)
    assert _shown(page) == set(caseload.values())
    assert page.emergency_button is None
    combo = page.counsellor_combo
    assert combo is not None
    combo.setCurrentIndex(combo.findData(zhou.user_id))
    assert _shown(page) == {caseload["zhou"]}
    _type(qtbot, page, "张伟")
    assert _shown(page) == {caseload["zhou"]}
    page.grab().save(str(SHOTS / "case_list_custodian.png"))


def test_enter_and_double_click_open_the_case(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    opened: list[int] = []
    page.open_case.connect(opened.append)
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(page.model.row_of_case(caseload["zhang"]), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    row = page.model.row_of_case(caseload["anon"])
    rect = table.visualRect(page.model.index(row, COL_CLIENT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [caseload["zhang"], caseload["anon"]]


def test_sorting_by_a_header_click_asks_the_service(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    header = page.table.horizontalHeader()
    code_column = COLUMN_SORT_KEYS.index(SortKey.CODE)
    header.setSortIndicator(code_column, Qt.SortOrder.AscendingOrder)
    codes = [page.model.row_at(r).code for r in range(page.model.rowCount())]
    assert codes == sorted(codes)
    assert page.model.query.sort == SortKey.CODE
    header.setSortIndicator(code_column, Qt.SortOrder.DescendingOrder)
    codes = [page.model.row_at(r).code for r in range(page.model.rowCount())]
    assert codes == sorted(codes, reverse=True)
    _type(qtbot, page, "张")  # a new search keeps the order
    assert page.model.query.sort == SortKey.CODE and page.model.query.descending


def test_reload_keeps_the_filters_selection_and_scroll_position(
    qtbot: QtBot, lin: SignedIn
) -> None:
    for n in range(60):
        new_client_case(lin, name=f"测试{n:02d}")
    page = _page(qtbot, lin)
    _type(qtbot, page, "测试")
    assert page.model.rowCount() == 60
    page.table.setCurrentIndex(page.model.index(45, 0))
    page.table.scrollTo(page.model.index(45, 0))
    bar = page.table.verticalScrollBar()
    before, chosen = bar.value(), page.model.case_id_at(45)
    assert before > 0
    page.hide()  # e.g. a case was opened in its place
    page.show()  # and left again: the rows are read afresh
    assert page.search_edit.text() == "测试"
    assert page.model.rowCount() == 60
    assert page.table.currentIndex().data(CASE_ID_ROLE) == chosen
    assert bar.value() == before


def test_the_real_service_pages_through_the_model(
    qtmodeltester: ModelTester, lin: SignedIn
) -> None:
    for n in range(23):
        new_client_case(lin, name=f"来访者{n:02d}")
    model = CaseListModel(page_size=10)
    model.set_source(lambda q: search.search_cases(lin, q), lambda q: search.count_cases(lin, q))
    model.set_query(CaseQuery(sort=SortKey.CODE, descending=False))
    assert model.rowCount() == 10
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    codes = [model.row_at(r).code for r in range(model.rowCount())]
    assert len(codes) == 23 and codes == sorted(codes)


# -- emergency access ---------------------------------------------------------------------
def _emergency(qtbot: QtBot, page: CaseListPage) -> EmergencyDialog:
    assert page.emergency_button is not None
    qtbot.mouseClick(page.emergency_button, Qt.MouseButton.LeftButton)
    dialog = page.emergency_dialog
    assert isinstance(dialog, EmergencyDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot: QtBot, dialog: EmergencyDialog, code: str, reason: str, confirm: bool) -> None:
    edit = dialog.code.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, code)
    reason_edit = dialog.reason.edit
    reason_edit.setFocus()
    reason_edit.selectAll()
    ime_type(reason_edit, reason)
    dialog.confirm.setChecked(confirm)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_emergency_access_needs_code_reason_and_confirmation_then_opens_the_case(
    qtbot: QtBot, lin: SignedIn, zhou: SignedIn, caseload: dict[str, int], answers: Answers
) -> None:
    page = _page(qtbot, zhou)
    opened: list[int] = []
    page.open_case.connect(opened.append)
    dialog = _emergency(qtbot, page)
    assert "审计日志" in dialog.warning_text.text() and "4 小时" in dialog.warning_text.text()
    dialog.grab().save(str(SHOTS / "emergency_dialog.png"))
    code = cases.case_view(lin, caseload["anon"]).code

    _fill(qtbot, dialog, code, "家属来电求助，情况紧急", confirm=False)
    assert dialog.fields.messages() == {"confirm": "请先勾选确认。"}
    _fill(qtbot, dialog, "2026-9999", "", confirm=True)
    assert dialog.fields.messages() == {"code": "没有找到这个个案编号，请核对后重新输入。"}
    _fill(qtbot, dialog, "2026", "", confirm=True)
    assert dialog.fields.messages() == {"code": "请输入完整的个案编号，例如 2026-0042。"}
    _fill(qtbot, dialog, code, "太短了", confirm=True)
    assert list(dialog.fields.messages()) == ["reason"]
    assert dialog.code.edit.text() == code  # nothing typed is lost
    assert dialog.isVisible() and not opened

    _fill(qtbot, dialog, code, "值班时家属来电求助，负责咨询师联系不上", confirm=True)
    assert not dialog.isVisible()
    assert opened == [caseload["anon"]]
    assert cases.case_view(zhou, caseload["anon"]).emergency_until is not None
    assert page.emergency_dialog is None
    assert not answers.seen


def test_emergency_access_to_a_case_one_already_sees_just_opens_it(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    opened: list[int] = []
    page.open_case.connect(opened.append)
    dialog = _emergency(qtbot, page)
    code = cases.case_view(lin, caseload["zhang"]).code
    _fill(qtbot, dialog, code, "测试自己负责的个案能否直接打开", confirm=True)
    assert opened == [caseload["zhang"]]


@pytest.mark.usefixtures("large_font")
def test_case_list_and_emergency_dialog_at_a_large_font(
    qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]
) -> None:
    page = _page(qtbot, lin)
    qtbot.wait(50)
    page.grab().save(str(SHOTS / "case_list_large.png"))
    dialog = _emergency(qtbot, page)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "emergency_dialog_large.png"))


def test_case_list_screenshot(qtbot: QtBot, lin: SignedIn, caseload: dict[str, int]) -> None:
    page = _page(qtbot, lin)
    window: QWidget = page
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "case_list.png"))


def test_blank_consent_form_for_paper_intake(
    qtbot: QtBot, lin: SignedIn, custodian: SignedIn, answers: Answers, tmp_path: Any
) -> None:
    from pypdf import PdfReader

    from station.ui.pdf_preview import PdfPreviewDialog

    page = CaseListPage(lin)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.consent_button, Qt.MouseButton.LeftButton)
    [preview] = page.findChildren(PdfPreviewDialog)
    answers.save_path = str(tmp_path / "consent.pdf")
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "consent.pdf").pages)
    assert "知情同意书" in text and "2026-" not in text  # blank: no case code
    preview.reject()
    saved = audit.browse(custodian, AuditFilter(action="form_save"))
    assert [(r.object_kind, r.detail) for r in saved] == [("form", "consent_blank")]
