"""The city office's workspace, the service the city screens call (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.errors import StationError
from station.services.city import CityIdentity, CityWorkspace
from station.services.context import SignedIn
from tests.city_exports import FakeStation, encrypt_folder, sample_doc

PASSPHRASE = "City-Office-2026"


@pytest.fixture
def workspace(tmp_path: Path) -> CityWorkspace:
    return CityWorkspace(tmp_path / "city")


def test_first_contact_key_from_an_export(workspace: CityWorkspace, tmp_path: Path) -> None:
    fake = FakeStation("CX-ZH01")
    folder = fake.export(tmp_path / "usb", "2026-09")
    candidate = workspace.key_from_export(folder, None)
    assert (candidate.station_code, candidate.key_id) == ("CX-ZH01", fake.key_id)
    assert candidate.fingerprint == fake.fingerprint  # read out from the recovery sheet
    assert candidate.fingerprint_grouped.replace(" ", "") == fake.fingerprint
    added = workspace.add_station_key(candidate.pub_text, candidate.station_code)
    assert (added.station_code, added.key_id, added.fingerprint) == (
        "CX-ZH01",
        fake.key_id,
        fake.fingerprint,
    )
    assert workspace.key_info(fake.pub_text()).fingerprint == fake.fingerprint
    [entry] = workspace.stations()
    assert (entry.code, entry.months, entry.last_sequence) == ("CX-ZH01", (), None)


def test_import_keeps_the_good_and_names_the_bad(workspace: CityWorkspace, tmp_path: Path) -> None:
    a, b = FakeStation("CX-ZH01"), FakeStation("CX-ZH02")
    workspace.add_station_key(a.pub_text(), "CX-ZH01")
    pending = workspace.add_station_key(b.pub_text())
    assert pending.station_code is None
    usb = tmp_path / "usb"
    good = a.export(usb, "2026-09")
    other = b.export(usb, "2026-09", sample_doc("CX-ZH02", "2026-09", concerns_stress="*"))
    stranger = FakeStation("CX-ZH09").export(usb, "2026-09")
    seen: list[tuple[int, int]] = []
    report = workspace.import_exports(
        [good, stranger, other], None, progress=lambda done, total: seen.append((done, total))
    )
    assert [(e.station, e.period, e.sequence) for e in report.accepted] == [
        ("CX-ZH01", "2026-09", 1),
        ("CX-ZH02", "2026-09", 1),
    ]
    assert report.rejected == (
        (stranger.name, "未登记的站点：CX-ZH09（密钥 " + stranger_key(stranger) + " 未登记）。"),
    )
    assert not report.ok
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [(s.code, s.months) for s in workspace.stations()] == [
        ("CX-ZH01", ("2026-09",)),
        ("CX-ZH02", ("2026-09",)),  # bound by its first export
    ]
    assert workspace.months() == ["2026-09"]
    city = workspace.city_tables("2026-09")
    assert city.stations == ("CX-ZH01", "CX-ZH02")
    assert city.table("concerns").cell("stress", "n").text() == "≥13"
    again = workspace.import_exports([good], None)
    assert again.accepted == () and again.rejected[0][1].startswith("重复的导出")


def stranger_key(folder: Path) -> str:
    import json

    key_id: str = json.loads((folder / "manifest.json").read_bytes())["key_id"]
    return key_id


def test_reports_over_months(workspace: CityWorkspace, tmp_path: Path) -> None:
    fake = FakeStation("CX-ZH01")
    workspace.add_station_key(fake.pub_text(), fake.code)
    usb = tmp_path / "usb"
    workspace.import_exports([fake.export(usb, "2026-08", sample_doc(fake.code, "2026-08"))], None)
    workspace.import_exports([fake.export(usb, "2026-09")], None)
    assert workspace.months() == ["2026-08", "2026-09"]
    files = workspace.write_reports("2026-09", tmp_path / "out")
    assert files.xlsx.is_file() and files.pdf.is_file()
    trends = workspace.trends("2026-09")
    assert any(len(series.points) == 2 for series in trends)
    assert workspace.completeness().delivered == {
        ("CX-ZH01", "2026-08"): 1,
        ("CX-ZH01", "2026-09"): 2,
    }
    with pytest.raises(StationError) as caught:
        workspace.city_tables("2026-10")
    assert "还没有任何站点的导出" in caught.value.zh


def test_stored_data_changed_on_disk_is_noticed(workspace: CityWorkspace, tmp_path: Path) -> None:
    fake = FakeStation("CX-ZH01")
    workspace.add_station_key(fake.pub_text(), fake.code)
    workspace.import_exports([fake.export(tmp_path / "usb", "2026-09")], None)
    stored = workspace.folder / "exports" / "CX-ZH01" / "000001" / "stats.json"
    stored.write_bytes(stored.read_bytes().replace(b"40", b"41", 1))
    with pytest.raises(StationError) as caught:
        workspace.city_tables("2026-09")
    assert "被改动过" in caught.value.zh


def test_city_identity(workspace: CityWorkspace, tmp_path: Path) -> None:
    assert workspace.recipient() is None and not workspace.has_identity()
    with pytest.raises(StationError):
        workspace.create_identity("short")
    recipient = workspace.create_identity(PASSPHRASE)
    assert recipient.startswith("age1") and workspace.recipient() == recipient
    secret_file = (workspace.folder / "city-identity.age").read_bytes()
    assert secret_file.startswith(b"age-encryption.org/v1") and b"AGE-SECRET-KEY" not in secret_file
    with pytest.raises(StationError) as exists:
        workspace.create_identity(PASSPHRASE)
    assert "不能覆盖" in exists.value.zh
    with pytest.raises(StationError) as wrong:
        workspace.unlock_identity("Wrong-pass-1")
    assert wrong.value.zh == "口令不正确。"
    identity = workspace.unlock_identity(PASSPHRASE)
    assert isinstance(identity, CityIdentity) and "AGE" not in repr(identity)

    fake = FakeStation("CX-ZH01")
    workspace.add_station_key(fake.pub_text(), fake.code)
    sealed = encrypt_folder(fake.export(tmp_path / "usb", "2026-09"), recipient)
    locked = workspace.import_exports([sealed], None)
    assert locked.rejected[0][1].startswith("这是加密的导出")
    opened = workspace.import_exports([sealed], identity)
    assert [e.source for e in opened.accepted] == [sealed.name]


def test_cancel_records_nothing(workspace: CityWorkspace, tmp_path: Path) -> None:
    fake = FakeStation("CX-ZH01")
    workspace.add_station_key(fake.pub_text(), fake.code)
    folder = fake.export(tmp_path / "usb", "2026-09")
    with pytest.raises(StationError):
        workspace.import_exports([folder], None, cancelled=lambda: True)
    assert workspace.months() == []


def test_a_real_station_export_is_accepted(
    workspace: CityWorkspace, custodian: SignedIn, tmp_path: Path
) -> None:
    """The station's own exporter, from a vault, to the city: encrypted, then re-exported."""
    from station.services import export, settings

    recipient = workspace.create_identity(PASSPHRASE)
    identity = workspace.unlock_identity(PASSPHRASE)
    export.set_city_recipient(custodian, recipient)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = export.export_month(custodian, 2026, 10, usb)
    assert first.encrypted and first.path.name.endswith(".tar.age")
    # first contact: the fingerprint in the export is the one on the recovery sheet
    candidate = workspace.key_from_export(first.path, identity)
    sheet = settings.signing_key(custodian)
    assert candidate.fingerprint == sheet.fingerprint
    assert candidate.station_code == "CX-ZH01"
    workspace.add_station_key(candidate.pub_text, candidate.station_code)
    again = export.export_month(custodian, 2026, 10, usb)  # a re-export: same figures
    report = workspace.import_exports([again.path, first.path], identity)
    assert report.ok, report.rejected
    assert [e.sequence for e in report.accepted] == [1, 2]
    city = workspace.city_tables("2026-10")
    assert city.stations == ("CX-ZH01",)
    assert {t.id for t in city.tables} >= {"services_by_kind", "people_by_gender_age"}
    assert workspace.import_exports([first.path], identity).rejected[0][1].startswith("重复")
