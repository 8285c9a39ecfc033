"""Malformed input of any kind gives one clear reason: never a crash, never an output file.

Hypothesis changes bytes of genuine exports (manifest, stats.json, signature, the tar and
the encrypted archive), cuts them short, and puts random JSON of the wrong types, huge
numbers and very deep nesting where the format expects something else.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import string
from datetime import date
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from station import cli
from station.city import aggregate, verify
from station.city.registry import Registry
from station.city.verify import ExportRejected
from tests.city_exports import FakeStation, dumps, sample_doc, tar_bytes

TODAY = date(2026, 11, 23)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class City:
    """A genuine export, held in memory, and a registry that trusts its station."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.registry = Registry(root / "keys", root / "keys" / "accepted.json")
        self.station = FakeStation("CX-ZH01")
        self.registry.add_key(self.station.pub_text(), self.station.code)
        self.identity = pyrage.x25519.Identity.generate()
        folder = self.station.export(root / "made", "2026-09")
        self.name = folder.name
        self.files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
        self.tar = tar_bytes(folder)
        self.age = pyrage.encrypt(self.tar, [self.identity.to_public()])
        self.count = 0

    def scratch(self) -> Path:
        self.count += 1
        path = self.root / f"case{self.count}"
        path.mkdir()
        return path

    def folder(self, files: dict[str, bytes]) -> Path:
        folder = self.scratch() / self.name
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return folder

    def file(self, name: str, data: bytes) -> Path:
        path = self.scratch() / name
        path.write_bytes(data)
        return path

    def signed(self, manifest: dict[str, Any], files: dict[str, bytes] | None = None) -> Path:
        """A folder whose manifest is genuinely signed (so checks after the signature run)."""
        content = dict(files or self.files)
        data = json.dumps(manifest, sort_keys=True).encode()
        content["manifest.json"] = data
        comment = "station CX-ZH01 period 2026-09 sequence 1"
        content["manifest.json.minisig"] = self.station.sign(data, comment)
        return self.folder(content)

    def manifest(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.files["manifest.json"])
        return loaded

    def outcome(self, path: Path) -> verify.VerifiedExport | ExportRejected:
        """Open an export: a verified export or the one reason; any other exception fails."""
        try:
            return verify.open_export(path, str(self.identity), self.registry, today=TODAY)
        except ExportRejected as exc:
            assert exc.zh and exc.en and "\n" not in exc.zh
            return exc


@pytest.fixture
def city(tmp_path: Path) -> City:
    return City(tmp_path)


def flipped(data: bytes, positions: list[int], masks: list[int]) -> bytes:
    changed = bytearray(data)
    for position, mask in zip(positions, masks, strict=False):
        changed[position % len(changed)] ^= mask
    return bytes(changed)


flips = st.tuples(
    st.lists(st.integers(min_value=0, max_value=1 << 20), min_size=1, max_size=4),
    st.lists(st.integers(min_value=1, max_value=255), min_size=1, max_size=4),
)


# -- the files of an export ---------------------------------------------------------------
@FUZZ
@given(
    name=st.sampled_from(
        ["manifest.json", "manifest.json.minisig", "stats.json", "station.pub", "summary.pdf"]
    ),
    change=flips,
)
def test_any_changed_byte_of_any_file_is_rejected(
    city: City, name: str, change: tuple[list[int], list[int]]
) -> None:
    files = dict(city.files)
    files[name] = flipped(files[name], *change)
    assume(files[name] != city.files[name])  # two flips of one bit cancel out
    assert isinstance(city.outcome(city.folder(files)), ExportRejected)


@FUZZ
@given(
    name=st.sampled_from(["manifest.json", "manifest.json.minisig", "stats.json", "station.pub"]),
    keep=st.floats(min_value=0, max_value=0.999),
)
def test_any_truncated_file_is_rejected(city: City, name: str, keep: float) -> None:
    files = dict(city.files)
    files[name] = files[name][: int(len(files[name]) * keep)]
    assert isinstance(city.outcome(city.folder(files)), ExportRejected)


@FUZZ
@given(kind=st.sampled_from(["tar", "age"]), change=flips, cut=st.booleans())
def test_changed_or_cut_archives_never_crash(
    city: City, kind: str, change: tuple[list[int], list[int]], cut: bool
) -> None:
    original = city.tar if kind == "tar" else city.age
    data = original[: change[0][0] % len(original)] if cut else flipped(original, *change)
    suffix = ".tar" if kind == "tar" else ".tar.age"
    result = city.outcome(city.file(city.name + suffix, data))
    if isinstance(result, verify.VerifiedExport):
        # only bytes outside the files can change harmlessly (tar padding, header fields)
        assert dict(result.files) == city.files


# -- JSON of the wrong kind ----------------------------------------------------------------
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(string.printable, max_size=20)
    | st.just("*"),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(
    field=st.sampled_from([*sorted(verify._MANIFEST_KEYS), "files.stats.json"]), value=json_values
)
def test_manifest_fields_of_any_type(city: City, field: str, value: object) -> None:
    manifest = city.manifest()
    if field == "files.stats.json":
        manifest["files"]["stats.json"] = value
    else:
        manifest[field] = value
    result = city.outcome(city.signed(manifest))
    if isinstance(result, verify.VerifiedExport):
        assert manifest == city.manifest()  # only a value equal to the original passes


def _stats_paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            paths += _stats_paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            paths += _stats_paths(value, (*prefix, index))
    return paths


STATS_PATHS = _stats_paths(sample_doc("CX-ZH01", "2026-09"))


@FUZZ
@given(where=st.sampled_from(STATS_PATHS), value=json_values)
def test_stats_values_of_any_type(city: City, where: tuple[Any, ...], value: object) -> None:
    doc: Any = sample_doc("CX-ZH01", "2026-09")
    if where:
        target = doc
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value
    else:
        doc = value
    stats = json.dumps(doc, ensure_ascii=False).encode()
    manifest = city.manifest()
    manifest["files"]["stats.json"] = hashlib.sha256(stats).hexdigest()
    result = city.outcome(city.signed(manifest, {**city.files, "stats.json": stats}))
    if isinstance(result, verify.VerifiedExport):
        # whatever was accepted adds up without an error
        city_month = aggregate.aggregate_month("2026-09", [result.stats])
        assert city_month.stations == ("CX-ZH01",)


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b"[" * 100_000,
        b'{"schema": "station-stats/1", "n": ' + b"9" * 100_000 + b"}",
        b'{"schema": "station-stats/1", "n": 1' + b"0" * 400 + b".5}",
        b'{"schema": "station-stats/1", "n": -1e400}',
        b'"' + b"\\" * 100_001 + b'"',
        b"\x00" * 1000,
    ],
    ids=["deep-list", "deep-dict", "unclosed", "huge-int", "huge-float", "inf", "escapes", "nul"],
)
def test_pathological_json_in_manifest_and_stats(city: City, payload: bytes) -> None:
    for name in ("manifest.json", "stats.json"):
        if name == "manifest.json":
            path = city.folder({**city.files, name: payload})
        else:
            manifest = city.manifest()
            manifest["files"][name] = hashlib.sha256(payload).hexdigest()
            path = city.signed(manifest, {**city.files, name: payload})
        result = city.outcome(path)
        assert isinstance(result, ExportRejected)
        assert result.reason in (verify.Reason.MALFORMED, verify.Reason.INVALID_STATS)


def test_load_json_caps_without_recursion() -> None:
    with pytest.raises(ExportRejected) as caught:
        verify.load_json(b"[" * 1_000_000 + b"]" * 1_000_000, "x.json", max_bytes=4_000_000)
    assert "嵌套" in caught.value.zh
    assert verify.load_json(dumps({"a": [1, {"b": "*"}]}), "x.json", max_bytes=100) == {
        "a": [1, {"b": "*"}]
    }


# -- through the command: nothing is written -------------------------------------------------
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(["manifest.json", "manifest.json.minisig", "stats.json", "station.pub"]),
    change=flips,
)
def test_the_command_writes_nothing_for_a_bad_export(
    city: City, name: str, change: tuple[list[int], list[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    if not hasattr(city, "good"):
        good_station = FakeStation("CX-ZH02")
        city.registry.add_key(good_station.pub_text(), good_station.code)
        city.good = good_station.export(city.scratch(), "2026-09")  # type: ignore[attr-defined]
    good: Path = city.good  # type: ignore[attr-defined]
    files = dict(city.files)
    files[name] = flipped(files[name], *change)
    assume(files[name] != city.files[name])
    bad = city.folder(files)
    out = city.scratch() / "report"
    args = cli.build_parser().parse_args(
        ["aggregate", "--out", str(out), "--keys", str(city.registry.keys_dir), str(good), str(bad)]
    )
    assert isinstance(args, argparse.Namespace)
    assert cli.cmd_aggregate(args) == 1
    assert not out.exists() or not any(out.iterdir())
    assert city.registry.accepted() == {}
    err = capsys.readouterr().err
    assert f"{bad.name}: " in err
