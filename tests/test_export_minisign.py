"""The city office can check an export with the standalone minisign tool (Debian's
``minisign``): ``minisign -Vm manifest.json -p station.pub``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from station.export import minisign_format
from station.services import export
from station.services.context import SignedIn
from tests.export_fixtures import use_fake_finalise

MINISIGN = shutil.which("minisign")
pytestmark = pytest.mark.skipif(
    MINISIGN is None, reason="the minisign tool is not installed (Debian: apt install minisign)"
)


def _minisign_verify(folder: Path) -> subprocess.CompletedProcess[str]:
    assert MINISIGN is not None
    return subprocess.run(
        [MINISIGN, "-V", "-m", "manifest.json", "-p", "station.pub"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.fixture
def folder(custodian: SignedIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_fake_finalise(monkeypatch)
    stick = tmp_path / "stick"
    stick.mkdir()
    return export.export_month(custodian, 2026, 3, stick).path


def test_minisign_verifies_a_genuine_export(folder: Path) -> None:
    done = _minisign_verify(folder)
    assert done.returncode == 0, done.stderr
    assert "Signature and comment signature verified" in done.stdout
    assert "Trusted comment: station CX-ZH01 period 2026-03 sequence 1" in done.stdout


@pytest.mark.parametrize("position", [0, 40, -2])
def test_minisign_rejects_a_changed_byte(folder: Path, position: int) -> None:
    manifest = folder / "manifest.json"
    data = bytearray(manifest.read_bytes())
    data[position] ^= 0x01
    manifest.write_bytes(bytes(data))
    done = _minisign_verify(folder)
    assert done.returncode != 0
    assert "verification failed" in (done.stdout + done.stderr).lower()


def test_minisign_rejects_a_changed_trusted_comment(folder: Path) -> None:
    sig = folder / "manifest.json.minisig"
    sig.write_text(sig.read_text().replace("sequence 1", "sequence 9"))
    assert _minisign_verify(folder).returncode != 0
    with pytest.raises(minisign_format.SignatureError):
        minisign_format.verify(
            (folder / "manifest.json").read_bytes(),
            sig.read_text(),
            (folder / "station.pub").read_text(),
        )


def test_our_verifier_accepts_what_minisign_signs(tmp_path: Path) -> None:
    """And the other way round: a key pair and signature made by the minisign tool
    verify with ``minisign_format.verify`` (prehashed, as minisign ≥ 0.8 signs)."""
    assert MINISIGN is not None
    key, pub = tmp_path / "k.key", tmp_path / "k.pub"
    subprocess.run(
        [MINISIGN, "-G", "-W", "-s", str(key), "-p", str(pub)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    data = tmp_path / "data.bin"
    data.write_bytes(b"some bytes\n")
    subprocess.run(
        [MINISIGN, "-S", "-s", str(key), "-m", str(data), "-t", "station X period 2026-03"],
        check=True,
        capture_output=True,
        timeout=30,
    )
    signature = (tmp_path / "data.bin.minisig").read_text()
    comment = minisign_format.verify(data.read_bytes(), signature, pub.read_text())
    assert comment == "station X period 2026-03"
