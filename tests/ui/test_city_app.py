"""The city office's window: three stations' genuine exports, made with the real exporter
from three small vaults, are registered (fingerprints compared), imported (one encrypted
to the city key, one tampered with and refused with its reason, a second import refused
as duplicates), and shown as city tables, trends and completeness; the reports are
written; an export from an unregistered station is refused."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from station.models.enums import StationKind
from station.models.vocab import Gender
from station.services import accounts, export, settings, setup
from station.services.context import SignedIn
from station.ui import messages
from station.ui.city_window import (
    CityWindow,
    CreateIdentityDialog,
    PassphraseDialog,
    TrustKeyDialog,
    export_paths,
)
from station.ui.forms import grouped
from tests.city_exports import FakeStation
from tests.conftest import FAST
from tests.records_fixtures import insert_session, make_counsellor, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import click, retype, table_cells

TODAY = date.today()
M2 = TODAY.replace(day=1) - timedelta(days=1)  # the last ended month
M1 = M2.replace(day=1) - timedelta(days=1)  # the one before
P1, P2 = f"{M1:%Y-%m}", f"{M2:%Y-%m}"
PASSPHRASE = "City-Office-2026"


@dataclass
class Station:
    code: str
    ctx: SignedIn

    @property
    def pub_text(self) -> str:
        key = settings.signing_key(self.ctx)
        return f"untrusted comment: minisign public key {key.key_id}\n{key.public_key_line}\n"

    @property
    def fingerprint(self) -> str:
        return settings.signing_key(self.ctx).fingerprint


def _station(root: Path, code: str, people: int) -> Station:
    """A small vault: ``people`` cases opened in M1, seen in M1 and M2."""
    vault_dir = root / code
    result = setup.create_vault(
        vault_dir,
        setup.StationInput(f"测试站{code}", code, StationKind.TOWNSHIP, "测试市"),
        setup.CustodianInput("admin", "王管理", "Custodian-2026"),
        device_binding=False,
        argon2=FAST,
    )
    counsellor = make_counsellor(result.ctx, vault_dir, "lin", "林咨询")
    for n in range(people):
        _client, case = new_client_case(
            counsellor,
            name=f"测试{n}",
            gender=(Gender.FEMALE, Gender.MALE)[n % 2],
            birth_year=1968 + 2 * n,
            opened_on=M1.replace(day=1 + n),
        )
        insert_session(counsellor, case, M1.replace(day=2 + n))
        insert_session(counsellor, case, M2.replace(day=2 + n))
    accounts.logout(counsellor)
    return Station(code, result.ctx)


@pytest.fixture
def folder_answer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folder chooser answers with the last entry of the list (or cancels)."""
    answers: list[str] = []
    monkeypatch.setattr(messages, "folder_chooser", lambda _p, _t: answers[-1] if answers else "")
    return answers


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> CityWindow:
    shown = CityWindow(tmp_path / "city")
    qtbot.addWidget(shown)
    shown.show()
    assert shown.snapshot is not None
    return shown


def shot(widget: QWidget, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def _type(qtbot: QtBot, edit: QWidget, text: str) -> None:
    retype(qtbot, edit, text)


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[list[Station]]:
    made: list[Station] = []
    yield made
    for station in made:
        if station.ctx.vault.is_open:
            station.ctx.vault.close()


def _create_city_key(qtbot: QtBot, window: CityWindow, answers: Answers) -> str:
    assert window.create_button.isVisible() and not window.recipient_edit.isVisible()
    click(qtbot, window.create_button)
    dialog = window.dialog
    assert isinstance(dialog, CreateIdentityDialog)
    _type(qtbot, dialog.first, PASSPHRASE)
    _type(qtbot, dialog.second, PASSPHRASE + "x")
    click(qtbot, dialog.ok_button)
    assert dialog.fields.messages().get("repeat")  # the two differ: said at the second one
    _type(qtbot, dialog.second, PASSPHRASE)
    click(qtbot, dialog.ok_button)
    recipient = window.workspace.recipient()
    assert recipient is not None and recipient.startswith("age1")
    assert answers.seen[-1][0] == "info" and recipient in answers.seen[-1][2]
    assert window.recipient_edit.text() == recipient and not window.create_button.isVisible()
    return recipient


def city_cell_text(window: CityWindow, period: str, table_id: str) -> str:
    table = window.workspace.city_tables(period).table(table_id)
    return table.cell(table.rows[0][0], table.cols[0][0]).text()


def _trust(
    qtbot: QtBot, window: CityWindow, answers: Answers, path: Path, code: str | None
) -> TrustKeyDialog:
    answers.open_path = str(path)
    click(qtbot, window.add_key_button)
    dialog = window.dialog
    assert isinstance(dialog, TrustKeyDialog)
    if code is not None:
        _type(qtbot, dialog.code_edit, code)
    return dialog


def test_city_office_imports_three_stations(
    qtbot: QtBot,
    window: CityWindow,
    stations: list[Station],
    tmp_path: Path,
    answers: Answers,
    folder_answer: list[str],
) -> None:
    recipient = _create_city_key(qtbot, window, answers)
    shot(window, "city_stations_empty.png")

    # three stations export with the real exporter; the first encrypts its second month
    a, b, c = (
        _station(tmp_path, code, n)
        for code, n in (("CX-ZH01", 18), ("CX-ZH02", 16), ("CX-DW03", 12))
    )
    stations.extend([a, b, c])
    stick = tmp_path / "stick"
    stick.mkdir()
    a1 = export.export_month(a.ctx, M1.year, M1.month, stick)
    export.set_city_recipient(a.ctx, recipient)
    a2 = export.export_month(a.ctx, M2.year, M2.month, stick)
    assert a2.encrypted and a2.path.name.endswith(".tar.age") and not a1.encrypted
    b1 = export.export_month(b.ctx, M1.year, M1.month, stick)
    export.export_month(b.ctx, M2.year, M2.month, stick)
    export.export_month(c.ctx, M1.year, M1.month, stick)
    c2 = export.export_month(c.ctx, M2.year, M2.month, stick)
    stats = c2.path / "stats.json"
    stats.write_bytes(stats.read_bytes().replace(b'"n": 0', b'"n": 1', 1))  # tampered

    # keys: A from its .pub file (code typed), B from its export at first contact (code
    # read from the manifest), C from its .pub without a code (bound by its first export)
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "a.pub").write_text(a.pub_text, encoding="utf-8")
    (keys / "c.pub").write_text(c.pub_text, encoding="utf-8")
    dialog = _trust(qtbot, window, answers, keys / "a.pub", "CX-ZH01")
    assert dialog.fingerprint_label.text() == grouped(a.fingerprint)
    assert dialog.key_id_label.text() == settings.signing_key(a.ctx).key_id
    instruction = dialog.findChild(QLabel, "compareInstruction")
    assert instruction is not None and "恢复密钥单" in instruction.text()
    shot(dialog, "city_trust_key.png")
    click(qtbot, dialog.ok_button)
    dialog = _trust(qtbot, window, answers, b1.path / "station.pub", None)
    assert dialog.code_edit.text() == "CX-ZH02"
    assert dialog.fingerprint_label.text() == grouped(b.fingerprint)
    click(qtbot, dialog.ok_button)
    dialog = _trust(qtbot, window, answers, keys / "c.pub", None)
    assert dialog.code_edit.text() == ""
    click(qtbot, dialog.ok_button)
    registered = [row[0] for row in table_cells(window.stations_table)]
    assert registered[:2] == ["CX-ZH01", "CX-ZH02"] and "首次导出" in registered[2]

    # import the whole stick: the passphrase is asked for the encrypted export
    assert len(export_paths(stick)) == 6
    folder_answer.append(str(stick))
    window.tabs.setCurrentIndex(1)
    click(qtbot, window.import_folder_button)
    unlock = window.dialog
    assert isinstance(unlock, PassphraseDialog)
    _type(qtbot, unlock.edit, "wrong-passphrase-1")
    click(qtbot, unlock.ok_button)
    assert "口令" in unlock.fields.messages().get("passphrase", "")
    assert window.last_import is None  # nothing imported while the dialog is open
    _type(qtbot, unlock.edit, PASSPHRASE)
    click(qtbot, unlock.ok_button)

    report = window.last_import
    assert report is not None
    assert sorted((e.station, e.period, e.sequence) for e in report.accepted) == [
        ("CX-DW03", P1, 1),
        ("CX-ZH01", P1, 1),
        ("CX-ZH01", P2, 2),
        ("CX-ZH02", P1, 1),
        ("CX-ZH02", P2, 2),
    ]
    assert [name for name, _ in report.rejected] == [c2.path.name]
    reason = table_cells(window.rejected_table)[0][1]
    assert "被改动" in reason and "stats.json" in reason
    assert window.accepted_table.rowCount() == 5 and window.rejected_table.isVisible()
    assert "5" in window.import_status.text() and "1" in window.import_status.text()
    shot(window, "city_import.png")
    codes = [row[0] for row in table_cells(window.stations_table)]
    assert codes == ["CX-DW03", "CX-ZH01", "CX-ZH02"]  # C bound by its export

    # the city tables of the last month: what the service adds up, rendered
    assert window.current_month() == P2
    city = window.workspace.city_tables(P2)
    assert city.stations == ("CX-ZH01", "CX-ZH02")
    shown = 0
    for table in city.tables:
        for scope, cells in (("month", table.month), ("ytd", table.ytd or {})):
            for (row, col), cell in cells.items():
                assert window.tables.cell_text(table.id, row, col, scope) == cell.text()
                shown += 1
    assert shown > 50
    texts = [t for t in window.tables.footnotes()]
    assert texts  # "*" or ranges are explained under their tables
    window.tabs.setCurrentIndex(2)
    shot(window, "city_tables.png")

    # trends: key figures over both months, in the chart and as text
    window.tabs.setCurrentIndex(3)
    assert window.series_combo.itemData(0) == "key"
    chart = window.chart_view.chart()
    lines = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert lines and all(line.count() <= 2 for line in lines)
    headers = [
        window.trend_table.horizontalHeaderItem(i).text()
        for i in range(window.trend_table.columnCount())
    ]
    assert P1 in headers and P2 in headers
    rows = table_cells(window.trend_table)
    assert any(line.count() == 2 for line in lines), rows  # a figure exact in both months
    active = next(r for r in rows if r[0].startswith("在案个案"))
    assert active[1:3] == [
        city_cell_text(window, P1, "cases_active"),
        city_cell_text(window, P2, "cases_active"),
    ]
    assert rows[-1][0] == "报送站点数" and rows[-1][1:3] == ["3/3", "2/3"]
    shot(window, "city_trends.png")

    # completeness: C's second month is missing (its export was refused)
    window.tabs.setCurrentIndex(4)
    assert window.completeness_text("CX-DW03", P2) == "未收到"
    assert window.completeness_text("CX-ZH01", P2) == "第 2 号"
    assert window.completeness_text("CX-ZH02", P1) == "第 1 号"
    assert "CX-DW03" in window.completeness_summary.text()
    shot(window, "city_completeness.png")

    # reports of the month
    out = tmp_path / "reports"
    folder_answer.append(str(out))
    click(qtbot, window.reports_button)
    assert window.written is not None
    assert window.written.xlsx == out / f"city-{P2}.xlsx" and window.written.xlsx.stat().st_size
    assert window.written.pdf.read_bytes().startswith(b"%PDF")
    assert str(window.written.pdf) in window.reports_status.text()

    # the same stick again: nothing new, each refused as a duplicate (no passphrase asked
    # again while the window is open)
    folder_answer.append(str(stick))
    window.tabs.setCurrentIndex(1)
    click(qtbot, window.import_folder_button)
    again = window.last_import
    assert again is not None and again is not report
    assert not again.accepted and len(again.rejected) == 6
    assert sum("重复" in reason for _, reason in again.rejected) == 5


def test_an_unregistered_station_is_refused(
    qtbot: QtBot, window: CityWindow, tmp_path: Path, answers: Answers
) -> None:
    stranger = FakeStation("CX-XX09")
    folder = stranger.export(tmp_path / "stick", P2)
    answers.open_path = ""
    window.start_import([folder])  # one export folder: imported as it is
    report = window.last_import
    assert report is not None and not report.accepted
    assert "未登记" in table_cells(window.rejected_table)[0][1]
    assert window.current_month() is None and window.tables.content is None
    assert export_paths(folder) == [folder]
    assert export_paths(tmp_path / "stick") == [folder]
    (tmp_path / "empty").mkdir()
    assert export_paths(tmp_path / "empty") == []


def test_run_city_opens_the_window_on_its_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station.ui import app as station_app
    from station.ui import city_app

    seen: list[CityWindow] = []

    def exec_once() -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, CityWindow))
        return 0

    monkeypatch.setattr(station_app, "install_excepthook", lambda: None)
    monkeypatch.setattr(station_app.get_app(), "exec", exec_once)
    folder = tmp_path / "office"
    assert city_app.run_city(folder) == 0
    assert folder.is_dir()
    assert [w.workspace.folder for w in seen if w.isVisible()] == [folder]
    assert city_app.default_city_folder().name == "city"
