"""`station export --vault DIR --user NAME --month YYYY-MM --out DIR`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pyrage
import pytest

from station import cli
from station.export import package
from station.services import export
from station.services.context import SignedIn
from tests.conftest import PASSWORD
from tests.export_fixtures import use_fake_finalise
from tests.test_cli import INIT, station


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _run(vault_dir: Path, stick: Path, month: str = "2026-03", user: str = "admin") -> int:
    args = ["export", "--vault", str(vault_dir), "--user", user, "--month", month]
    return cli.main([*args, "--out", str(stick)])


def test_export_plain_says_it_is_not_encrypted(
    custodian: SignedIn,
    vault_dir: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_fake_finalise(monkeypatch)
    monkeypatch.setenv("STATION_PASSWORD", PASSWORD)
    assert _run(vault_dir, stick) == 0
    out, err = capsys.readouterr()
    folder = stick / "station-CX-ZH01-2026-03-000001"
    assert out.splitlines() == [f"export: {folder}", "sequence: 1", "encrypted: no"]
    assert "没有加密" in err and "NOT encrypted" in err
    assert sorted(p.name for p in folder.iterdir()) == sorted(package.ALL_FILES)


def test_export_encrypted(
    custodian: SignedIn,
    vault_dir: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_fake_finalise(monkeypatch)
    monkeypatch.setenv("STATION_PASSWORD", PASSWORD)
    export.set_city_recipient(custodian, str(pyrage.x25519.Identity.generate().to_public()))
    assert _run(vault_dir, stick) == 0
    assert _run(vault_dir, stick) == 0
    out, err = capsys.readouterr()
    archive = stick / "station-CX-ZH01-2026-03-000002.tar.age"
    assert f"export: {archive}" in out.splitlines()
    assert "sequence: 2" in out and "encrypted: yes" in out
    assert err == ""
    assert archive.is_file()


def test_bad_month_and_wrong_role(
    custodian: SignedIn,
    lin: SignedIn,
    vault_dir: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_fake_finalise(monkeypatch)
    monkeypatch.setenv("STATION_PASSWORD", PASSWORD)
    assert _run(vault_dir, stick, month="2026-3") == 2
    assert _run(vault_dir, stick, month="2026-13") == 2
    capsys.readouterr()
    monkeypatch.setenv("STATION_PASSWORD", "Counsel-2026")
    assert _run(vault_dir, stick, user="lin") == 1
    assert "无权" in capsys.readouterr().err
    assert list(stick.iterdir()) == []


def test_export_as_a_user_runs_it(tmp_path: Path) -> None:
    """A separate process, the real statistics release, a fresh vault."""
    vault, stick = tmp_path / "v", tmp_path / "stick"
    stick.mkdir()
    made = station(*INIT, "--vault", str(vault), "--no-device-binding", home=tmp_path)
    assert made.returncode == 0, made.stderr
    last = date.today().replace(day=1) - timedelta(days=1)
    month = f"{last.year:04d}-{last.month:02d}"
    args = ["export", "--vault", str(vault), "--user", "admin", "--month", month]
    done = station(*args, "--out", str(stick), home=tmp_path)
    assert done.returncode == 0, done.stderr
    folder = stick / f"station-CX-ZH01-{month}-000001"
    assert f"export: {folder}" in done.stdout and "encrypted: no" in done.stdout
    assert "NOT encrypted" in done.stderr
    assert (folder / "manifest.json.minisig").is_file()
    missing = station(*args, "--out", str(tmp_path / "nowhere"), home=tmp_path)
    assert missing.returncode == 1 and "U盘" in missing.stderr
