"""Writing an export onto a drive: temporary name, read-back check, rename; and what a
full, removed or cancelled drive leaves behind (nothing under the final name)."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from station.errors import StationError
from station.export import usb

FILES = {"a.json": b'{"a": 1}\n', "big.bin": os.urandom(3 * usb.CHUNK + 17), "c.txt": b"c"}
NAME = "station-CX-ZH01-2026-03-000001"


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The mounted drive (tmp_path itself holds the test's home folder)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_folder_written_verified_and_renamed(stick: Path) -> None:
    seen: list[Mapping[str, bytes]] = []
    steps: list[tuple[int, int]] = []
    path = usb.write_export(
        FILES, stick, NAME, seen.append, lambda d, t: steps.append((d, t)), lambda: False
    )
    assert path == stick / NAME
    assert _entries(stick) == [NAME]
    assert {p.name: p.read_bytes() for p in path.iterdir()} == FILES
    assert seen == [FILES]  # the verifier saw the bytes read back
    total = 2 * sum(len(v) for v in FILES.values())
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    dones = [d for d, _ in steps]
    assert dones == sorted(dones)  # monotone
    assert all(t == total for _, t in steps)
    assert len(steps) > 4


def test_single_file_written(stick: Path) -> None:
    data = os.urandom(usb.CHUNK + 5)
    path = usb.write_export({NAME + ".tar.age": data}, stick, NAME + ".tar.age")
    assert path.is_file() and path.read_bytes() == data
    assert _entries(stick) == [NAME + ".tar.age"]


def test_verifier_refusal_leaves_nothing(stick: Path) -> None:
    def refuse(read: Mapping[str, bytes]) -> None:
        raise StationError("签名不对。", "bad signature")

    with pytest.raises(StationError, match="bad signature"):
        usb.write_export(FILES, stick, NAME, refuse)
    assert _entries(stick) == []


def test_existing_final_name_is_not_overwritten(stick: Path) -> None:
    (stick / NAME).mkdir()
    (stick / NAME / "keep").write_text("x")
    with pytest.raises(usb.TargetExists):
        usb.write_export(FILES, stick, NAME)
    assert _entries(stick) == [NAME]
    assert _entries(stick / NAME) == ["keep"]


def test_full_drive(stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync
    calls = {"n": 0}

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second file does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(usb.UsbFull) as info:
        usb.write_export(FILES, stick, NAME)
    assert info.value.zh.startswith("U盘空间不足")
    assert _entries(stick) == []


def test_removed_drive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "stick"
    target.mkdir()

    def pulled(path: Path, *args: object, **kwargs: object) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(usb, "_read_back", pulled)
    with pytest.raises(usb.UsbGone) as info:
        usb.write_export(FILES, target, NAME)
    assert info.value.zh.startswith("U盘已拔出或无法写入")
    assert list(target.iterdir()) == []


def test_vanished_target_folder(tmp_path: Path) -> None:
    with pytest.raises(usb.UsbGone):
        usb.write_export(FILES, tmp_path / "gone", NAME)
    assert not (tmp_path / "gone").exists()


def test_drive_pulled_during_rename(stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(src: object, dst: object) -> None:
        raise OSError(errno.ENODEV, "No such device")

    monkeypatch.setattr(os, "rename", gone)
    with pytest.raises(usb.UsbGone):
        usb.write_export(FILES, stick, NAME)
    assert _entries(stick) == []


def test_failure_after_rename_takes_the_copy_back(
    stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = usb._fsync_dir
    renamed = {"done": False}
    real_rename = os.rename

    def rename(src: Path, dst: Path) -> None:
        real_rename(src, dst)
        renamed["done"] = True

    def fsync_dir(path: Path) -> None:
        if renamed["done"]:
            raise OSError(errno.EIO, "Input/output error")
        real(path)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(usb, "_fsync_dir", fsync_dir)
    with pytest.raises(usb.UsbGone):
        usb.write_export(FILES, stick, NAME)
    assert _entries(stick) == []


@pytest.mark.parametrize("after", [0, 1, 3, 6])
def test_cancel_removes_the_partial_copy(stick: Path, after: int) -> None:
    polls = {"n": 0}

    def cancelled() -> bool:
        polls["n"] += 1
        return polls["n"] > after

    with pytest.raises(usb.ExportCancelled):
        usb.write_export(FILES, stick, NAME, None, None, cancelled)
    assert _entries(stick) == []


def test_read_back_mismatch_is_refused(stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = usb._write_file

    def corrupting(path: Path, data: bytes, *args: object) -> None:
        real_write(path, data[:-1] + bytes([data[-1] ^ 1]), *args)  # type: ignore[arg-type]

    monkeypatch.setattr(usb, "_write_file", corrupting)
    with pytest.raises(usb.WriteCheckFailed):
        usb.write_export(FILES, stick, NAME)
    assert _entries(stick) == []


def test_linux_drive_listing(tmp_path: Path) -> None:
    sys_block = tmp_path / "sys" / "block"
    for disk, removable in (("sda", "0"), ("sdb", "1")):
        (sys_block / disk / f"{disk}1").mkdir(parents=True)
        (sys_block / disk / "removable").write_text(removable + "\n")
    media = tmp_path / "media"
    stick = media / "MY STICK"
    stick.mkdir(parents=True)
    mounts = tmp_path / "mounts"
    escaped = str(stick).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda1 / ext4 rw,relatime 0 0\n"
        f"/dev/sdb1 {escaped} vfat rw,nosuid 0 0\n"
        f"/dev/sda1 {media}/internal ext4 rw 0 0\n"
        f"tmpfs /run tmpfs rw 0 0\n"
    )

    drives = usb._linux_drives(mounts, sys_block, (str(media) + "/",))
    assert [(d.path, d.label) for d in drives] == [(stick, "MY STICK")]
    assert drives[0].free_bytes > 0


def test_removable_drives_runs_here() -> None:
    drives = usb.removable_drives()
    assert all(isinstance(d, usb.Drive) for d in drives)
