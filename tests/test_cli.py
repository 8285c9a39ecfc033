"""The `station` command line, run as a user runs it: a separate process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

PASSWORD = "Custodian-2026"


def station(
    *args: str,
    password: str | None = PASSWORD,
    home: Path,
    extra: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("STATION_PASSWORD", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "st"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    if password is not None:
        env["STATION_PASSWORD"] = password
    env.update(extra or {})
    return subprocess.run(
        [sys.executable, "-m", "station", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


INIT = [
    "init",
    "--station-name",
    "慈溪市某镇暖心港湾",
    "--station-code",
    "CX-ZH01",
    "--kind",
    "township",
    "--user",
    "admin",
]


def test_init_refuses_without_credential_store_unless_told(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    refused = station(*INIT, "--vault", str(vault), home=tmp_path)
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "device binding" in refused.stderr and "设备" in refused.stderr
    assert not vault.exists()


def test_init_prints_recovery_key_and_writes_sheet(tmp_path: Path) -> None:
    vault, sheet = tmp_path / "v", tmp_path / "usb" / "sheet.pdf"
    sheet.parent.mkdir()
    made = station(
        *INIT, "--vault", str(vault), "--no-device-binding", "--sheet", str(sheet), home=tmp_path
    )
    assert made.returncode == 0, made.stderr
    lines = [ln for ln in made.stdout.splitlines() if ln.startswith("recovery-key: ")]
    assert len(lines) == 1
    key = lines[0].removeprefix("recovery-key: ")
    assert re.fullmatch(r"([0-9A-Z]{5}-){7}[0-9A-Z]{5}", key)
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert all(group in text for group in key.split("-"))
    # Nothing of the key stays in the vault folder.
    for path in vault.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key.encode() not in data and key.replace("-", "").encode() not in data

    verified = station("verify", "--vault", str(vault), "--user", "admin", home=tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert "哈希链校验通过" in verified.stdout

    wrong = station(
        "verify", "--vault", str(vault), "--user", "admin", password="nope-nope-1", home=tmp_path
    )
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "用户名或密码不正确。 / Wrong user name or password."


def test_demo_vault_is_usable(tmp_path: Path) -> None:
    vault = tmp_path / "demo"
    made = station("demo", "--vault", str(vault), "--seed", "7", password=None, home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "user: counsellor1 (counsellor)" in made.stdout
    password = re.search(r"password: (\S+)", made.stdout)
    assert password is not None
    ok = station(
        "verify", "--vault", str(vault), "--user", "admin", password=password[1], home=tmp_path
    )
    assert ok.returncode == 0, ok.stderr
    lead = station(
        "verify", "--vault", str(vault), "--user", "lead", password=password[1], home=tmp_path
    )
    assert lead.returncode == 1 and "无权" in lead.stderr


def test_self_test_reports_each_check(tmp_path: Path) -> None:
    result = station("self-test", password=None, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("encryption", "credential store", "CJK font", "write access"):
        assert name in result.stdout
    assert "[OK  ] 加密库 / encryption: SQLCipher 4." in result.stdout
    assert "[WARN] 凭据存储" in result.stdout  # the fail backend is no secure store


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert station("init", home=tmp_path).returncode == 2
    assert station("no-such-command", home=tmp_path).returncode == 2
    no_password = station(
        "verify", "--vault", str(tmp_path), "--user", "a", password=None, home=tmp_path
    )
    assert no_password.returncode == 2


@pytest.mark.skipif(sys.platform != "linux", reason="display detection is for X11/Wayland")
def test_gui_without_display_says_so(tmp_path: Path) -> None:
    result = station("--vault", str(tmp_path / "v"), password=None, home=tmp_path)
    assert result.returncode == 1
    assert "Xvfb" in result.stderr and "offscreen" in result.stderr


def test_city_mode_without_display_says_so(tmp_path: Path) -> None:
    result = station("city", "--folder", str(tmp_path / "city"), password=None, home=tmp_path)
    assert result.returncode == 1
    assert "Xvfb" in result.stderr
    assert not (tmp_path / "city").exists()
