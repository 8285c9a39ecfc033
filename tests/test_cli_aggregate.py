"""`station aggregate`, run as the city office runs it: a separate process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pyrage
import pytest
from openpyxl import load_workbook

from tests.city_exports import FakeStation, encrypt_folder, sample_doc, tar_folder
from tests.test_cli import station


def aggregate(
    *args: str, home: Path, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`station aggregate ARGS` in a separate process (no password unless given)."""
    return station("aggregate", *args, home=home, password=password, timeout=180)


class Setup:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.keys = root / "keys"
        self.keys.mkdir()
        self.usb = root / "usb"
        self.a = FakeStation("CX-ZH01")
        self.b = FakeStation("CX-ZH02")
        for fake in (self.a, self.b):
            (self.keys / f"{fake.code}.pub").write_text(fake.pub_text())

    def run(self, out: str, *exports: Path, extra: tuple[str, ...] = (), password: str | None = None
            ) -> subprocess.CompletedProcess[str]:  # fmt: skip
        return aggregate(
            "--out",
            str(self.root / out),
            "--keys",
            str(self.keys),
            *extra,
            *(str(e) for e in exports),
            home=self.root,
            password=password,
        )

    def outputs(self, out: str) -> list[str]:
        folder = self.root / out
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []

    def accepted(self) -> dict[str, object]:
        path = self.keys / "accepted.json"
        if not path.exists():
            return {}
        loaded: dict[str, object] = json.loads(path.read_text())["stations"]
        return loaded


@pytest.fixture
def city(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def test_genuine_exports_give_the_city_report(city: Setup) -> None:
    a = city.a.export(city.usb, "2026-09")
    b = tar_folder(city.b.export(city.usb, "2026-09"))
    done = city.run("report", a, b)
    assert done.returncode == 0, done.stderr
    assert city.outputs("report") == ["city-2026-09.pdf", "city-2026-09.xlsx"]
    assert f"accepted: {a.name} (CX-ZH01 2026-09 #1)" in done.stdout
    book = load_workbook(city.root / "report" / "city-2026-09.xlsx")
    rows = [[c.value for c in row] for row in book["本月"].iter_rows()]
    people = next(i for i, row in enumerate(rows) if row[0] == "服务人数（性别×年龄段）")
    assert rows[people + 4][:4] == ["合计", 36, 42, 78]
    assert set(city.accepted()) == {"CX-ZH01", "CX-ZH02"}


def test_the_same_exports_again_are_duplicates(city: Setup) -> None:
    a = city.a.export(city.usb, "2026-09")
    assert city.run("first", a).returncode == 0
    again = city.run("second", a)
    assert again.returncode == 1
    assert f"{a.name}: 重复的导出" in again.stderr
    assert city.outputs("second") == []


def test_a_changed_byte_rejects_the_batch_and_writes_nothing(city: Setup) -> None:
    good = city.a.export(city.usb, "2026-09")
    bad = city.b.export(city.usb, "2026-09")
    data = bytearray((bad / "stats.json").read_bytes())
    data[40] ^= 0x01
    (bad / "stats.json").write_bytes(bytes(data))
    done = city.run("report", good, bad)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("station-")]
    assert lines == [f"{bad.name}: 文件被改动：stats.json。 / File changed: stats.json."]
    assert "没有生成报表" in done.stderr
    assert city.outputs("report") == []
    assert city.accepted() == {}


def test_missing_signature_unknown_key_replay_and_skip(city: Setup) -> None:
    unsigned = city.a.export(
        city.usb / "u", "2026-07", sequence=5, previous="0" * 64, advance=False
    )
    (unsigned / "manifest.json.minisig").unlink()
    stranger = FakeStation("CX-ZH09").export(city.usb, "2026-09")
    done = city.run("report", unsigned, stranger)
    assert done.returncode == 1
    assert f"{unsigned.name}: 未签名" in done.stderr
    assert f"{stranger.name}: 未登记的站点" in done.stderr

    first = city.a.export(city.usb, "2026-08")
    second = city.a.export(city.usb, "2026-09")
    assert city.run("ok", first, second).returncode == 0
    replay = city.a.export(city.usb / "r", "2026-07", sequence=2, previous=True, advance=False)
    city.a.export(city.usb / "lost", "2026-10")  # sequence 3 never arrives
    skipped = city.a.export(city.usb, "2026-10", sequence=4)
    done = city.run("late", replay, skipped)
    assert done.returncode == 1
    assert f"{replay.name}: 序号重放" in done.stderr
    assert f"{skipped.name}: 序号跳号" in done.stderr
    assert city.outputs("late") == []


def test_encrypted_exports_with_a_plain_or_sealed_identity(city: Setup) -> None:
    identity = pyrage.x25519.Identity.generate()
    plain = city.root / "city.key"
    plain.write_text(f"# created by age-keygen\n{identity}\n")
    sealed = city.root / "city-identity.age"
    sealed.write_bytes(pyrage.passphrase.encrypt(str(identity).encode(), "Passphrase-2026"))
    a = encrypt_folder(city.a.export(city.usb, "2026-09"), str(identity.to_public()))
    without = city.run("none", a)
    assert without.returncode == 1 and "需要市办公室的身份密钥" in without.stderr
    assert city.run("plain", a, extra=("--identity", str(plain))).returncode == 0
    b = encrypt_folder(city.b.export(city.usb, "2026-09"), str(identity.to_public()))
    wrong = city.run("wrong", b, extra=("--identity", str(sealed)), password="nope")
    assert wrong.returncode == 1 and "口令不正确" in wrong.stderr
    done = city.run("sealed", b, extra=("--identity", str(sealed)), password="Passphrase-2026")
    assert done.returncode == 0, done.stderr
    assert city.outputs("sealed") == ["city-2026-09.pdf", "city-2026-09.xlsx"]


def test_several_months_give_one_report_each(city: Setup) -> None:
    first = city.a.export(city.usb, "2026-08", sample_doc("CX-ZH01", "2026-08", services=30))
    second = city.a.export(city.usb, "2026-09")
    done = city.run("report", second, first)
    assert done.returncode == 0, done.stderr
    assert city.outputs("report") == [
        "city-2026-08.pdf",
        "city-2026-08.xlsx",
        "city-2026-09.pdf",
        "city-2026-09.xlsx",
    ]
    book = load_workbook(city.root / "report" / "city-2026-09.xlsx")
    trend = [[c.value for c in row] for row in book["环比趋势"].iter_rows()]
    assert trend[0][3:5] == ["2026-08", "2026-09"]
    services = next(row for row in trend if row[0] == "服务人次" and row[1] == "合计")
    assert services[3:6] == [30, 40, 10]


def test_usage_errors(city: Setup) -> None:
    done = aggregate("--out", "x", "--keys", str(city.root / "nope"), "e", home=city.root)
    assert done.returncode == 1 and "公钥文件夹不存在" in done.stderr
    done = aggregate("--out", "x", home=city.root)
    assert done.returncode == 2
