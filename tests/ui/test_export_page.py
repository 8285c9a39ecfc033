"""The export screen: from the month choice to the preview (exactly what leaves, "*"
where the document has it) to the folder written on the stick and the log row; the
station lead's export, encrypted to the city key; progress and cancel; a full stick; the
custodian setting the city office key; the tables view's formatting."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from station.export import usb
from station.models.vocab import Gender
from station.services import export, statistics
from station.services.context import SignedIn
from station.services.statistics import MonthState
from station.ui import messages
from station.ui.export_page import CityKeyDialog, ExportPage
from station.ui.stats_tables_view import (
    NO_SHARE,
    SUPPRESSED,
    StatsTablesView,
    count_text,
    from_document,
)
from tests.export_fixtures import sample_document
from tests.records_fixtures import insert_session, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import (
    click,
    large_font,  # noqa: F401
    retype,
    table_cells,
)

TODAY = date.today()
LAST = TODAY.replace(day=1) - timedelta(days=1)  # the last day of the last ended month
GB = 1024**3


@pytest.fixture
def records(lin: SignedIn) -> None:
    """A few people seen in the last ended month: enough for figures and for "*"."""
    for n in range(7):
        _client, case = new_client_case(
            lin,
            name=f"测试{n}",
            gender=(Gender.FEMALE, Gender.MALE)[n % 2],
            birth_year=1970 + 3 * n,
            opened_on=LAST.replace(day=2 + n),
        )
        insert_session(lin, case, LAST.replace(day=3 + n))
        insert_session(lin, case, LAST.replace(day=12 + n))


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One removable drive, as the drive list reports it."""
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setattr(export, "removable_drives", lambda: [export.Drive(folder, "STICK", 8 * GB)])
    return folder


@pytest.fixture
def folder_answer(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The folder chooser answers with the first entry of the list (or cancels)."""
    answers: list[str] = []
    monkeypatch.setattr(messages, "folder_chooser", lambda _p, _t: answers[0] if answers else "")
    yield answers


def shot(widget: QWidget, name: str) -> None:
    """Lay the widget out as the event loop would, then save a screenshot."""
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def _page(qtbot: QtBot, ctx: SignedIn) -> ExportPage:
    page = ExportPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    assert page.overview is not None  # loaded when shown (tasks are synchronous here)
    return page


def _shown_cells(view: StatsTablesView, document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(shown, expected) for every cell of every table, month and year to date."""
    for table_id, table in document["tables"].items():
        for scope in ("month", "ytd"):
            for row, line in table.get(scope, {}).items():
                for col, value in line.items():
                    yield view.cell_text(table_id, row, col, scope), count_text(value)


def _preview(qtbot: QtBot, page: ExportPage) -> None:
    assert page.select_month(LAST.year, LAST.month)
    click(qtbot, page.preview_button)
    assert page.preview is not None


def test_month_to_preview_to_written_folder(
    qtbot: QtBot, custodian: SignedIn, records: None, stick: Path, answers: Answers
) -> None:
    page = _page(qtbot, custodian)
    rows = {(r.year, r.month): r for r in page.month_rows()}
    assert rows[(LAST.year, LAST.month)].exportable
    now = rows[(TODAY.year, TODAY.month)]
    assert not now.exportable and "尚未结束" in now.reason  # the reason, from the service
    assert page.selected_month() == (LAST.year, LAST.month)  # the month to release next
    assert not page.write_button.isEnabled()  # nothing confirmed before it was seen
    assert "预览" in page.write_hint.text()
    assert "尚未设置市级公钥" in page.encryption_label.text()
    assert "不加密" in page.encryption_label.text()
    assert page.destination == stick
    assert "8.0 GB" in page.drive_combo.currentText()

    click(qtbot, page.preview_button)
    preview = page.preview
    assert preview is not None and not preview.already_released
    shown = list(_shown_cells(page.tables, preview.document))
    assert shown and all(a == b for a, b in shown), [p for p in shown if p[0] != p[1]]
    assert any(a == SUPPRESSED for a, _ in shown)  # small counts are hidden, as "*"
    assert page.tables.footnotes()  # … and explained
    assert "完全一致" in page.preview_label.text() or "exactly" in page.preview_label.text()
    shot(page, "export_page_preview.png")

    assert page.write_button.isEnabled()
    click(qtbot, page.write_button)
    assert answers.seen[-1][0] == "ask"
    assert "不加密" in answers.seen[-1][2]

    written = stick / f"station-CX-ZH01-{LAST:%Y-%m}-000001"
    assert [p.name for p in stick.iterdir()] == [written.name]
    assert json.loads((written / "stats.json").read_bytes()) == preview.document
    assert (written / "stats.json").read_bytes() == preview.data  # what was seen left
    assert page.result is not None and page.result.sequence == 1
    assert str(written) in page.result_label.text()
    assert page.log_table.rowCount() == 1
    log = table_cells(page.log_table)
    assert log[0][0] == "1" and log[0][1] == f"{LAST:%Y-%m}" and log[0][4] == "否（只签名）"
    released = {(r.year, r.month): r for r in page.month_rows()}[(LAST.year, LAST.month)]
    assert released.state is MonthState.RELEASED
    assert table_cells(page.months_table)[page.months_table.currentRow()][1] == "已发布"
    assert "序号" in page.month_note.text()  # exporting again: same figures, new number
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()
    shot(page, "export_page_written.png")


def test_the_lead_exports_encrypted_into_another_folder(
    qtbot: QtBot,
    custodian: SignedIn,
    lead: SignedIn,
    records: None,
    tmp_path: Path,
    folder_answer: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export, "removable_drives", lambda: [])
    identity = pyrage.x25519.Identity.generate()
    export.set_city_recipient(custodian, str(identity.to_public()))
    page = _page(qtbot, lead)
    assert not page.key_button.isVisible()  # only the custodian sets the key
    assert "加密" in page.encryption_label.text() and "不加密" not in page.encryption_label.text()
    assert page.destination is None and "U盘" in page.drives_note.text()
    _preview(qtbot, page)
    assert not page.write_button.isEnabled()

    target = tmp_path / "elsewhere"
    target.mkdir()
    folder_answer.append(str(target))
    click(qtbot, page.folder_button)
    assert page.destination == target
    click(qtbot, page.write_button)

    archive = target / f"station-CX-ZH01-{LAST:%Y-%m}-000001.tar.age"
    assert [p.name for p in target.iterdir()] == [archive.name]
    assert page.result is not None and page.result.encrypted
    assert pyrage.decrypt(archive.read_bytes(), [identity])  # the city office can open it
    assert page.log_table.rowCount() == 1
    assert table_cells(page.log_table)[0][3:] == ["站长", "是"]


def test_progress_and_cancel(
    qtbot: QtBot,
    custodian: SignedIn,
    records: None,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, custodian)
    _preview(qtbot, page)
    real = export.export_month
    seen: list[tuple[int, int, int, int, bool]] = []
    cancel_on_first_byte = [True]

    def watched(
        ctx: SignedIn,
        year: int,
        month: int,
        out: Path,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
        *,
        expected: bytes | None = None,
    ) -> export.ExportResult:
        def report(done: int, total: int) -> None:
            progress(done, total)
            bar = page.progress
            seen.append((done, total, bar.value(), bar.maximum(), page.cancel_button.isVisible()))
            if done > 0 and cancel_on_first_byte[0]:
                click(qtbot, page.cancel_button)  # the user presses Cancel

        return real(ctx, year, month, out, report, cancelled, expected=expected)

    monkeypatch.setattr(export, "export_month", watched)
    click(qtbot, page.write_button)
    assert seen and seen[0][:2] == (0, 0)  # building the files: a busy bar
    assert all(visible for *_, visible in seen)  # Cancel is there while it runs
    assert list(stick.iterdir()) == []  # nothing left on the stick
    assert "取消" in page.result_label.text()
    assert page.log_table.rowCount() == 0
    assert page.write_button.isEnabled() and not page.cancel_button.isVisible()

    seen.clear()
    cancel_on_first_byte[0] = False
    click(qtbot, page.write_button)
    writing = [s for s in seen if s[1] > 0]
    assert writing and writing[-1][0] == writing[-1][1]
    values = [value for _d, _t, value, maximum, _v in writing if maximum == 1000]
    assert values == sorted(values) and values[-1] == 1000 and len(set(values)) > 1
    assert page.log_table.rowCount() == 1
    assert [p.name for p in stick.iterdir()] == [f"station-CX-ZH01-{LAST:%Y-%m}-000001"]


def test_a_full_stick_is_reported_and_nothing_is_lost(
    qtbot: QtBot,
    custodian: SignedIn,
    records: None,
    stick: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, custodian)
    _preview(qtbot, page)

    real_write = usb.write_export

    def full(*_args: object, **_kwargs: object) -> Path:
        raise usb.UsbFull()

    monkeypatch.setattr(usb, "write_export", full)
    click(qtbot, page.write_button)
    assert "空间不足" in page.write_error.text()
    assert answers.seen[-1][0] == "warn" and "空间不足" in answers.seen[-1][2]
    assert list(stick.iterdir()) == [] and page.log_table.rowCount() == 0
    assert export.export_log(custodian) == []
    assert page.preview is not None and page.tables.blocks  # the preview is still there
    assert page.write_button.isEnabled()  # try again with another stick

    monkeypatch.setattr(usb, "write_export", real_write)  # another stick
    click(qtbot, page.write_button)
    assert page.log_table.rowCount() == 1 and len(list(stick.iterdir())) == 1


def test_months_not_yet_releasable_say_why(
    qtbot: QtBot, custodian: SignedIn, records: None, stick: Path
) -> None:
    before = LAST.replace(day=1) - timedelta(days=1)
    first = before.replace(day=1) - timedelta(days=1)
    statistics.finalise(custodian, first.year, first.month)  # releases start there
    page = _page(qtbot, custodian)
    states = {(r.year, r.month): r for r in page.month_rows()}
    assert states[(first.year, first.month)].exportable  # released: may go again
    assert states[(before.year, before.month)].exportable  # the next one
    waiting = states[(LAST.year, LAST.month)]
    assert not waiting.exportable and "依次发布" in waiting.reason
    assert page.selected_month() == (before.year, before.month)

    assert page.select_month(LAST.year, LAST.month)
    assert "依次发布" in page.month_error.text()
    click(qtbot, page.preview_button)
    assert page.preview is None and not page.write_button.isEnabled()
    assert page.select_month(TODAY.year, TODAY.month)
    assert "尚未结束" in page.month_error.text()


def test_the_custodian_sets_the_city_key(
    qtbot: QtBot, custodian: SignedIn, stick: Path, answers: Answers, tmp_path: Path
) -> None:
    page = _page(qtbot, custodian)
    assert page.key_button.isVisible()
    click(qtbot, page.key_button)
    dialog = page.key_dialog
    assert isinstance(dialog, CityKeyDialog)
    retype(qtbot, dialog.edit, "age1notakey")
    click(qtbot, dialog.ok_button)
    assert dialog.fields.messages().get("city_recipient")  # shown at the field
    assert dialog.edit.text() == "age1notakey"  # and what was typed stays

    recipient = str(pyrage.x25519.Identity.generate().to_public())
    key_file = tmp_path / "city-recipient.txt"
    key_file.write_text(recipient + "\n", encoding="utf-8")
    answers.open_path = str(key_file)
    click(qtbot, dialog.load_button)
    assert dialog.edit.text() == recipient
    shot(dialog, "export_city_key_dialog.png")
    click(qtbot, dialog.ok_button)
    assert export.city_recipient(custodian) == recipient
    assert page.key_dialog is None
    assert "不加密" not in page.encryption_label.text()
    assert recipient[:12] in page.encryption_label.text()


def test_the_tables_view_formats_what_leaves(qtbot: QtBot) -> None:
    document = sample_document()
    document["shares"] = {
        "a": {"label": "PHQ-9 阳性检出率", "month": "*", "ytd": 0.125},
        "b": {"label": "按时回访率", "month": 0.8, "ytd": 0.75},
    }
    view = StatsTablesView()
    qtbot.addWidget(view)
    content = from_document(document)
    view.set_content(content)
    assert view.cell_text("services_by_kind", "sandplay", "n") == "*"
    assert view.cell_text("services_by_kind", "_total", "n", "ytd") == "107"
    people = view.blocks["people_by_gender_age"]
    assert people.block.rows[-1] == ("_total", "合计") and people.block.cols[-1][1] == "合计"
    assert len(people.grids) == 2  # four columns: the year to date under the month
    assert len(view.blocks["services_by_kind"].grids) == 1  # side by side
    risk = view.blocks["risk"]
    assert risk.block.ytd is None and len(risk.block.footnotes) == 2
    shares = view.share_grid
    assert shares is not None
    assert table_cells(shares) == [
        ["PHQ-9 阳性检出率", "*", "12.5%"],
        ["按时回访率", "80.0%", "75.0%"],
    ]
    document["shares"]["a"]["month"] = None
    assert from_document(document).shares[0].month == NO_SHARE
    assert document["notes"]["late_additions"] in [n for n in content.notes]


@pytest.mark.usefixtures("large_font")
def test_export_page_at_large_font(
    qtbot: QtBot, custodian: SignedIn, records: None, stick: Path
) -> None:
    page = _page(qtbot, custodian)
    _preview(qtbot, page)
    QApplication.processEvents()
    for button in page.buttons():
        if button.isVisible():
            assert button.width() >= button.sizeHint().width() - 1, button.text()
    shot(page, "export_page_large_font.png")
