"""Vault benchmarks: one command, figures appended to BENCHMARKS.md.

    .venv/bin/python bench/run.py [--entries 100000]

Timings on a shared machine are noisy: each figure is the median of several
runs, and the comparisons that matter are ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import keyring

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from station.models.enums import StationKind  # noqa: E402
from station.services import accounts, audit, setup  # noqa: E402
from station.vault import audit_chain, database  # noqa: E402
from station.vault.crypto import calibrate_argon2, new_data_key  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402 - in-memory only, never shipped


def median_seconds(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        params = calibrate_argon2()
        result = setup.create_vault(
            folder / "v",
            setup.StationInput("基准站", "BENCH-1", StationKind.TOWNSHIP),
            setup.CustodianInput("admin", "基准", "Bench-pass-1"),
            device_binding=True,
            argon2=params,
        )
        accounts.logout(result.ctx)
        login = median_seconds(
            lambda: accounts.logout(accounts.login(folder / "v", "admin", "Bench-pass-1"))
        )
        rows.append(("Argon2id passes chosen by calibration (64 MiB, p=4)", str(params.time_cost)))
        rows.append(
            ("login + logout (unwrap slot, open, audit 2 entries), median", f"{login:.3f} s")
        )

        db = folder / "raw.db"
        engine = database.make_engine(db, new_data_key())
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t(x)")
        engine.dispose()
        key = new_data_key()
        raw_open = median_seconds(lambda: _open_once(folder / "raw2.db", key), runs=9)
        rows.append(
            (
                "open SQLCipher connection with raw key + first query, median",
                f"{raw_open * 1000:.1f} ms",
            )
        )
        rows.append(("login time / raw-key open time (ratio)", f"{login / raw_open:.0f}×"))

        ctx = accounts.login(folder / "v", "admin", "Bench-pass-1")
        start = time.perf_counter()
        with ctx.vault.transaction() as s:
            for i in range(args.entries):
                audit_chain.append(s, ctx.vault.suite, user_id=1, action="bench", object_id=str(i))
        append = time.perf_counter() - start
        rows.append(
            (
                f"append {args.entries:,} audit entries in one transaction",
                f"{append:.2f} s ({append / args.entries * 1e6:.0f} µs each)",
            )
        )
        verify = median_seconds(lambda: audit.verify_chain(ctx, log=False), runs=3)
        rows.append((f"verify the chain of {args.entries:,} entries, median", f"{verify:.2f} s"))
        one = median_seconds(lambda: _append_one(ctx), runs=9)
        rows.append(
            ("one audited write (own transaction, anchor file), median", f"{one * 1000:.1f} ms")
        )
        accounts.logout(ctx)

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = (
        f"{platform.machine()}, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}, {_cores()} cores"
    )
    lines = [
        f"\n## Vault — {stamp}\n",
        f"Machine: {machine}\n",
        "| measure | figure |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in rows],
        "",
    ]
    out = ROOT / "BENCHMARKS.md"
    if not out.exists():
        out.write_text(
            "# Benchmarks\n\nRun `.venv/bin/python bench/run.py`; newest last.\n", encoding="utf-8"
        )
    with out.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    print("\n".join(lines))


def _open_once(path: Path, key: bytes) -> None:
    engine = database.make_engine(path, key)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    engine.dispose()


def _append_one(ctx: accounts.SignedIn) -> None:
    with ctx.vault.transaction() as s:
        audit.record(s, ctx, "bench")


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
