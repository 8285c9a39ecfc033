"""Removable drives, and writing an export onto one safely.

:func:`write_export` writes under a hidden temporary name
(``.<final_name>.partial-<random>``), flushes every file to the device, reads it back
(from the device where the OS allows dropping its cache: ``posix_fadvise`` on Linux),
compares it with what was meant to be written, lets the caller verify it (signature),
and only then renames it to the final name. Whatever goes wrong (stick full, stick
pulled, cancel), nothing is ever left under the final name, and the partial copy is
removed where the drive still allows it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from station.errors import StationError

__all__ = [
    "CHUNK",
    "Drive",
    "ExportCancelled",
    "TargetExists",
    "UsbFull",
    "UsbGone",
    "WriteCheckFailed",
    "removable_drives",
    "remove_written",
    "write_export",
]

CHUNK = 256 * 1024
_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
# Windows error codes behind an OSError when a drive is full (any other: the drive has gone).
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL


class ExportCancelled(StationError):
    def __init__(self) -> None:
        super().__init__("导出已取消，U盘上没有留下导出文件。", "The export was cancelled.")


class UsbFull(StationError):
    def __init__(self) -> None:
        super().__init__(
            "U盘空间不足，导出未写入。请换一个U盘或清理空间后重试。",
            "The drive is full; nothing was exported. Free some space or use another drive.",
        )


class UsbGone(StationError):
    def __init__(self) -> None:
        super().__init__(
            "U盘已拔出或无法写入，导出未完成。请重新插入U盘后重试。",
            "The drive was removed or cannot be written; the export is not complete.",
        )


class TargetExists(StationError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"目标位置已有同名的导出“{name}”，未覆盖。请换一个文件夹或先移走它。",
            f"An export named {name} is already there; it was not overwritten.",
        )


class WriteCheckFailed(StationError):
    def __init__(self) -> None:
        super().__init__(
            "写入U盘后读回校验不一致，导出未完成。U盘可能有故障，请换一个U盘重试。",
            "Reading the export back from the drive gave different bytes; the drive may be "
            "faulty. Nothing was left under the export's name.",
        )


@dataclass(frozen=True)
class Drive:
    path: Path  # the mount point or drive root ("E:\\")
    label: str  # the volume label, or the mount point's name
    free_bytes: int


# -- listing removable drives ------------------------------------------------------------
def removable_drives() -> list[Drive]:
    """Removable drives that are mounted and writable-looking, sorted by path."""
    if sys.platform == "win32":
        return _windows_drives()
    return _linux_drives()


def _windows_drives() -> list[Drive]:
    if sys.platform != "win32":  # for mypy on other platforms
        return []
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    drive_removable = 2
    sem_failcriticalerrors = 0x0001
    # No "insert a disk" dialog for an empty card reader.
    old_mode = kernel32.SetErrorMode(sem_failcriticalerrors)
    drives: list[Drive] = []
    try:
        mask = kernel32.GetLogicalDrives()
        for index in range(26):
            if not mask & (1 << index):
                continue
            root = f"{chr(ord('A') + index)}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != drive_removable:
                continue
            label_buf = ctypes.create_unicode_buffer(261)
            fs_buf = ctypes.create_unicode_buffer(261)
            serial, max_len, flags = wintypes.DWORD(), wintypes.DWORD(), wintypes.DWORD()
            if not kernel32.GetVolumeInformationW(
                ctypes.c_wchar_p(root),
                label_buf,
                261,
                ctypes.byref(serial),
                ctypes.byref(max_len),
                ctypes.byref(flags),
                fs_buf,
                261,
            ):
                continue  # no medium
            free = ctypes.c_ulonglong(0)
            if not kernel32.GetDiskFreeSpaceExW(
                ctypes.c_wchar_p(root), ctypes.byref(free), None, None
            ):
                continue
            drives.append(Drive(Path(root), label_buf.value or "可移动磁盘", int(free.value)))
    finally:
        kernel32.SetErrorMode(old_mode)
    return drives


def _unescape_mount(field: str) -> str:
    """/proc/mounts escapes space, tab, newline and backslash as octal (\\040 …)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _block_device(device: str, sys_block: Path) -> Path | None:
    """/sys/block/<disk> for a partition or disk device (/dev/sdb1 → /sys/block/sdb)."""
    if not device.startswith("/dev/"):
        return None
    try:
        name = Path(os.path.realpath(device)).name
    except OSError:
        return None
    if (sys_block / name).exists():
        return sys_block / name
    for disk in sys_block.iterdir() if sys_block.is_dir() else ():
        if (disk / name).exists():
            return disk
    return None


def _is_removable(disk: Path) -> bool:
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
        return "/usb" in os.path.realpath(disk)  # USB disks that report removable = 0
    except OSError:
        return False


def _linux_drives(
    mounts: Path = Path("/proc/mounts"),
    sys_block: Path = Path("/sys/block"),
    roots: tuple[str, ...] = _MOUNT_ROOTS,
) -> list[Drive]:
    try:
        lines = mounts.read_text().splitlines()
    except OSError:
        return []
    drives: list[Drive] = []
    seen: set[str] = set()
    for line in lines:
        parts = line.split()
        if len(parts) < 4:
            continue
        device, mount_point = parts[0], _unescape_mount(parts[1])
        if not mount_point.startswith(roots) or mount_point in seen:
            continue
        if "ro" in parts[3].split(","):
            continue
        disk = _block_device(device, sys_block)
        if disk is None or not _is_removable(disk):
            continue
        try:
            free = shutil.disk_usage(mount_point).free
        except OSError:
            continue
        seen.add(mount_point)
        drives.append(Drive(Path(mount_point), Path(mount_point).name, free))
    return sorted(drives, key=lambda d: str(d.path))


# -- writing --------------------------------------------------------------------------
def _translate(exc: OSError) -> StationError:
    winerror = getattr(exc, "winerror", None)
    if exc.errno in _FULL_ERRNOS or winerror in _WIN_FULL:
        return UsbFull()
    return UsbGone()


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return  # directories cannot be opened for fsync on Windows
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _drop_cache(fd: int) -> None:
    """Ask the OS to forget the file's cached pages, so reading back reads the device."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _remove(path: Path) -> None:
    """Remove a partial file or folder; the drive may be gone, so never raise."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def remove_written(path: Path) -> None:
    """Take back an export that :func:`write_export` wrote (best effort, never raises)."""
    _remove(path)


class _Progress:
    def __init__(self, total: int, report: Callable[[int, int], None] | None) -> None:
        self.done = 0
        self.total = total
        self._report = report

    def add(self, amount: int) -> None:
        self.done = min(self.total, self.done + amount)
        if self._report is not None:
            self._report(self.done, self.total)


def _chunks(data: bytes) -> Iterator[memoryview]:
    view = memoryview(data)
    for start in range(0, len(data), CHUNK):
        yield view[start : start + CHUNK]


def _write_file(
    path: Path, data: bytes, progress: _Progress, cancelled: Callable[[], bool]
) -> None:
    with open(path, "xb") as fh:
        for chunk in _chunks(data):
            if cancelled():
                raise ExportCancelled
            fh.write(chunk)
            progress.add(len(chunk))
        fh.flush()
        os.fsync(fh.fileno())
        _drop_cache(fh.fileno())


def _read_back(
    path: Path, expected: bytes, progress: _Progress, cancelled: Callable[[], bool]
) -> bytes:
    digest = hashlib.sha256()
    parts: list[bytes] = []
    with open(path, "rb") as fh:
        _drop_cache(fh.fileno())
        while chunk := fh.read(CHUNK):
            if cancelled():
                raise ExportCancelled
            digest.update(chunk)
            parts.append(chunk)
            progress.add(len(chunk))
    if digest.digest() != hashlib.sha256(expected).digest():
        raise WriteCheckFailed
    return b"".join(parts)


def write_export(
    source_files: Mapping[str, bytes],
    target_dir: Path,
    final_name: str,
    verify: Callable[[Mapping[str, bytes]], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write an export to ``target_dir / final_name`` and return that path.

    - ``source_files`` maps file names to content. If it holds exactly one entry named
      ``final_name``, that one file is written (the encrypted archive); otherwise a
      folder ``final_name`` holding the files is written.
    - ``verify`` gets the content as read back from the drive ({name: bytes}) after
      every byte was compared with ``source_files``; it raises (a StationError) to
      refuse it, e.g. on a bad signature.
    - ``progress(done, total)`` in bytes, ``total`` = twice the export's size (writing,
      then reading back); ``done`` never decreases and ends equal to ``total``.
    - ``cancelled()`` is polled between chunks until the rename; when it returns true,
      the partial copy is removed and :class:`ExportCancelled` is raised.

    Raises :class:`UsbFull` (no space), :class:`UsbGone` (drive removed, unreadable or
    read-only), :class:`TargetExists`, :class:`WriteCheckFailed`, :class:`ExportCancelled`
    (all StationError). In every failure nothing exists under ``final_name``.
    """
    if "/" in final_name or "\\" in final_name or final_name in ("", ".", ".."):
        raise ValueError("final_name must be a plain name")
    is_cancelled = cancelled if cancelled is not None else (lambda: False)
    single = len(source_files) == 1 and final_name in source_files
    final = target_dir / final_name
    partial = target_dir / f".{final_name}.partial-{secrets.token_hex(6)}"
    meter = _Progress(2 * sum(len(d) for d in source_files.values()), progress)
    if progress is not None:
        progress(0, meter.total)
    renamed = False
    try:
        if not target_dir.is_dir():
            raise UsbGone()
        if os.path.lexists(final):
            raise TargetExists(final_name)
        if is_cancelled():
            raise ExportCancelled
        read: dict[str, bytes] = {}
        if single:
            _write_file(partial, source_files[final_name], meter, is_cancelled)
            _fsync_dir(target_dir)
            read[final_name] = _read_back(partial, source_files[final_name], meter, is_cancelled)
        else:
            partial.mkdir()
            for name, data in source_files.items():
                if "/" in name or "\\" in name or name.startswith("."):
                    raise ValueError("file names must be plain names")
                _write_file(partial / name, data, meter, is_cancelled)
            _fsync_dir(partial)
            _fsync_dir(target_dir)
            for name, data in source_files.items():
                read[name] = _read_back(partial / name, data, meter, is_cancelled)
        if verify is not None:
            verify(read)
        if is_cancelled():
            raise ExportCancelled
        if os.path.lexists(final):
            raise TargetExists(final_name)
        os.rename(partial, final)
        renamed = True
        _fsync_dir(target_dir)
    except OSError as exc:
        # After the rename only the directory flush can fail: the drive went away at
        # that moment, so the copy may not be durable; take it back rather than leave
        # an export the caller will not record.
        _remove(final if renamed else partial)
        raise _translate(exc) from exc
    except BaseException:
        _remove(final if renamed else partial)
        raise
    if progress is not None:
        progress(meter.total, meter.total)
    return final
