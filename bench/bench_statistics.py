"""Assessments, screening report, monthly statistics release, disclosure control,
export and city aggregation; figures appended to BENCHMARKS.md.

    .venv/bin/python bench/bench_statistics.py [--clients 20000] [--sessions 300000]
        [--assessments 3000] [--stations 20] [--no-write]

The big vault is bench_search's (same builder, same sizes), plus a few thousand
assessments written with the real ``write_assessment`` in one transaction. The
suppression engine runs on the real table catalogue with synthetic, consistent raw
counts. Timings on a shared machine are noisy: each figure is a median of several
runs where the call can be repeated (a release or an import is made once, or on a
fresh copy), and the comparisons that matter are ratios measured in the same run.
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pyrage

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402

from bench.bench_search import COUNSELLORS, PASSWORD, fill  # noqa: E402
from station.models import Case, StatsCell, StatsInclusion, StatsRelease  # noqa: E402
from station.models.enums import Role, StationKind  # noqa: E402
from station.models.vocab import AssessmentMode, CaseSource, Concern, Gender  # noqa: E402
from station.scales import library  # noqa: E402
from station.scales.definition import ScaleDefinition  # noqa: E402
from station.scales.scoring import score  # noqa: E402
from station.services import (  # noqa: E402
    accounts,
    assessments,
    audit,
    cases,
    clients,
    export,
    screenings,
    setup,
)
from station.services import statistics as stats_service  # noqa: E402
from station.services.city import CityIdentity, CityWorkspace  # noqa: E402
from station.services.context import SignedIn  # noqa: E402
from station.statistics import tables  # noqa: E402
from station.statistics.spec import TOTAL, CellRef, Policy, YearToDate  # noqa: E402
from station.statistics.suppression import LedgerCell, RawRelease, protect  # noqa: E402
from station.statistics.suppression import audit as audit_ledger  # noqa: E402
from station.vault.crypto import Argon2Params  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402 - in-memory only, never shipped

CITY_PASSPHRASE = "City-bench-2026"  # noqa: S105 - throwaway benchmark workspace
SCORED = 10_000
SCREENED = 200
MONTHS = 6
Rows = list[tuple[str, str]]
SPEC = tables.SPEC_BY_ID
N = tables.N
SUMMED = [s.id for s in tables.SPECS if s.ytd is YearToDate.SUM]

_T0 = time.perf_counter()


def say(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f} s] {message}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_s(fn: Callable[[], object], runs: int = 7, warm: bool = True) -> float:
    if warm:
        fn()
    return statistics.median(timed(fn) for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def shift(period: tuple[int, int], months: int) -> tuple[int, int]:
    index = period[0] * 12 + period[1] - 1 + months
    return index // 12, index % 12 + 1


def new_vault(root: Path, name: str, code: str) -> SignedIn:
    return setup.create_vault(
        root,
        setup.StationInput(name, code, StationKind.TOWNSHIP),
        setup.CustodianInput("admin", "基准", PASSWORD),
        device_binding=False,  # no credential store involved in what is measured
        argon2=Argon2Params(),
    ).ctx


def random_answers(rng: random.Random, definition: ScaleDefinition) -> list[int | None]:
    """Every item answered from its options; one in twenty forms misses one item."""
    answers: list[int | None] = [
        rng.choice(definition.option_set(item).values) for item in definition.items
    ]
    if rng.random() < 0.05:
        answers[rng.randrange(len(answers))] = None
    return answers


# -- 1 and 2: scoring, one recorded assessment, the screening report ------------------------
def bench_assessments(folder: Path) -> Rows:
    rows: Rows = []
    rng = random.Random(9)
    per_scale: dict[str, float] = {}
    for scale_id in ("phq9", "cbi"):
        definition = library.shipped_scale(scale_id)
        forms = [random_answers(rng, definition) for _ in range(SCORED)]

        def run(d: ScaleDefinition = definition, f: list[list[int | None]] = forms) -> None:
            for answers in f:
                score(d, answers)

        per_scale[scale_id] = median_s(run, runs=5) / SCORED
        rows.append(
            (
                f"`score` {definition.short_name} ({len(definition.items)} items), "
                f"{SCORED:,} random forms, median of 5 passes",
                f"{per_scale[scale_id] * 1e6:.0f} µs each",
            )
        )
    say("scoring done")

    custodian = new_vault(folder / "small", "测评站", "BENCH-A1")
    accounts.add_user(custodian, "lin", "林咨询", Role.COUNSELLOR, PASSWORD)
    lin = accounts.login(folder / "small", "lin", PASSWORD)
    client = clients.register_client(
        lin, clients.ClientInput(name="测评来访者", gender=Gender.FEMALE, birth_year=1980)
    )
    case = cases.open_case(
        lin, cases.CaseInput(client, CaseSource.SELF, (Concern.WORKLOAD,), opened_on=date.today())
    )
    phq9 = library.shipped_scale("phq9")

    def record() -> None:
        assessments.record_assessment(lin, case, "phq9", random_answers(rng, phq9))

    def bare() -> None:
        with lin.vault.transaction() as s:
            audit.record(s, lin, "bench")

    probe = folder / "small" / "fsync.probe"

    def fsync() -> None:
        with probe.open("ab") as fh:
            fh.write(b"x" * 4096)
            fh.flush()
            os.fsync(fh.fileno())

    # interleaved, so that the disk's mood (fsync latency) is shared by all three
    record()
    bare()
    runs: dict[str, list[float]] = {"record": [], "bare": [], "fsync": []}
    for _ in range(21):
        runs["record"].append(timed(record))
        runs["bare"].append(timed(bare))
        runs["fsync"].append(timed(fsync))
    recorded, bare_write, synced = (statistics.median(runs[k]) for k in runs)
    rows.append(("`record_assessment` PHQ-9 (one audited write), median of 21", ms(recorded)))
    rows.append(("bare audited write (own transaction, same vault), median of 21", ms(bare_write)))
    rows.append(("fsync of a 4 kB append in the vault's folder, median of 21", ms(synced)))
    rows.append(
        (
            "`record_assessment` / bare audited write (ratio)",
            f"{recorded / bare_write:.2f}×",
        )
    )
    rows.append(("bare audited write / fsync (ratio)", f"{bare_write / synced:.1f}×"))
    rows.append(
        (
            "`record_assessment` / `score` PHQ-9 (ratio)",
            f"{recorded / per_scale['phq9']:.0f}×",
        )
    )
    say("record_assessment done")

    scale_ids = ["phq9", "cbi"]
    definitions = {i: library.shipped_scale(i) for i in scale_ids}
    start = time.perf_counter()
    sid = screenings.create_screening(
        lin,
        screenings.ScreeningInput("年度心理体检", date.today(), scale_ids, unit="基准单位"),
    )
    for n in range(SCREENED):
        pid = screenings.add_participant(lin, sid, gender=(Gender.FEMALE, Gender.MALE)[n % 2])
        for scale_id in scale_ids:
            screenings.record_result(lin, pid, scale_id, random_answers(rng, definitions[scale_id]))
    built = time.perf_counter() - start
    report = screenings.screening_report(lin, sid)
    positive = sum(s.positive for s in report.scales)
    reported = median_s(lambda: screenings.screening_report(lin, sid), runs=9)
    rows.append(
        (
            f"build a screening through the services: {SCREENED} people × 2 scales "
            f"(PHQ-9, CBI; {positive} positive results)",
            f"{built:.1f} s ({built / (SCREENED * 3) * 1000:.1f} ms per call)",
        )
    )
    rows.append(("`screening_report` of it (its audit entry included), median of 9", ms(reported)))
    accounts.logout(lin)
    accounts.logout(custodian)
    say("screening done")
    return rows


# -- 3 and 5: the big vault: releases, ledger, export ---------------------------------------
@dataclass
class MonthFigures:
    period: tuple[int, int]
    preview: float
    finalise: float
    suppressed: int
    cells: int
    sessions: int  # service sessions counted (month)
    active: int  # cases active during the month


def month_value(preview: stats_service.StatsPreview, table: str, row: str) -> int:
    """A true month figure of the previewed release."""
    assert preview.protected is not None
    return next(
        c.value
        for c in preview.protected.cells
        if c.key.scope == "month" and c.key.cell == CellRef(table, row, N)
    )


def add_assessments(ctx: SignedIn, counsellor: SignedIn, n: int, first: date, last: date) -> int:
    """``n`` administrations of the shipped scales on cases opened in the released
    months, written with ``write_assessment`` (scored, warnings, audit) in one
    transaction."""
    rng = random.Random(17)
    found = library.shipped()
    scale_ids = sorted(found)
    written = 0
    with ctx.vault.transaction() as s:
        open_cases = s.execute(
            select(Case.id, Case.opened_on).where(
                Case.deleted_at.is_(None), Case.opened_on >= first, Case.opened_on <= last
            )
        ).all()
        for case_id, opened in rng.sample(open_cases, min(n, len(open_cases))):
            definition = found[rng.choice(scale_ids)]
            answers = random_answers(rng, definition)
            if all(a is None for a in answers):
                continue
            on = min(last, opened + timedelta(days=rng.randrange(45)))
            assessments.write_assessment(
                s,
                counsellor,
                definition,
                answers,
                on,
                AssessmentMode.ENTERED,
                case_id=case_id,
            )
            written += 1
    return written


def used_bytes(ctx: SignedIn) -> int:
    """Pages in use (page count less free pages) × page size: the database's logical
    size, WAL included, whatever has been checkpointed."""
    with ctx.vault.transaction() as s:
        pages = int(s.execute(text("PRAGMA page_count")).scalar_one())
        free = int(s.execute(text("PRAGMA freelist_count")).scalar_one())
        size = int(s.execute(text("PRAGMA page_size")).scalar_one())
    return (pages - free) * size


def ledger_size(ctx: SignedIn) -> tuple[int, int, int]:
    """Cells, inclusions and the stats.json bytes of every release."""
    with ctx.vault.transaction() as s:
        cells = int(s.scalar(select(func.count()).select_from(StatsCell)) or 0)
        inclusions = int(s.scalar(select(func.count()).select_from(StatsInclusion)) or 0)
        json_bytes = int(s.scalar(select(func.sum(func.length(StatsRelease.stats_json)))) or 0)
    return cells, inclusions, json_bytes


def bench_big_vault(folder: Path, args: argparse.Namespace) -> tuple[str, Rows, Rows]:
    root = folder / "big"
    custodian = new_vault(root, "基准站", "BENCH-S1")
    ids = [
        accounts.add_user(custodian, f"c{i}", f"咨询师{i}", Role.COUNSELLOR, PASSWORD)
        for i in range(COUNSELLORS)
    ]
    fill_s = timed(lambda: fill(custodian, ids, args.clients, args.sessions))
    say(f"big vault filled in {fill_s:.1f} s")
    counsellor = accounts.login(root, "c0", PASSWORD)
    today = date.today()
    last_ended = shift((today.year, today.month), -1)
    periods = [shift(last_ended, n - MONTHS + 1) for n in range(MONTHS)]
    window_first = date(periods[0][0], periods[0][1], 1)
    window_last = tables.month_end(periods[-1])
    added_s = time.perf_counter()
    added = add_assessments(custodian, counsellor, args.assessments, window_first, window_last)
    added_s = time.perf_counter() - added_s
    accounts.logout(counsellor)
    say(f"{added:,} assessments added in {added_s:.1f} s")

    before = used_bytes(custodian)
    months: list[MonthFigures] = []
    for year, month in periods:
        shown = stats_service.preview(custodian, year, month)
        preview_s = median_s(lambda y=year, m=month: stats_service.preview(custodian, y, m), 3)
        finalise_s = timed(
            lambda y=year, m=month, b=shown.data: stats_service.finalise(
                custodian, y, m, expected=b
            )
        )
        cells = len(shown.protected.cells) if shown.protected else 0
        months.append(
            MonthFigures(
                (year, month),
                preview_s,
                finalise_s,
                shown.suppressed,
                cells,
                month_value(shown, "services_by_kind", TOTAL),
                month_value(shown, "cases_active", "active"),
            )
        )
        say(f"{year}-{month:02d}: preview {preview_s:.2f} s, finalise {finalise_s:.2f} s")
    grown = used_bytes(custodian) - before
    n_cells, n_incl, json_bytes = ledger_size(custodian)

    release_rows: Rows = []
    for n, m in enumerate(months, start=1):
        release_rows.append(
            (
                f"month {n} ({m.period[0]}-{m.period[1]:02d}): `preview` median of 3 / "
                "`finalise`; sessions counted, cases active; cells suppressed",
                f"{secs(m.preview)} / {secs(m.finalise)}; {m.sessions:,}, {m.active:,}; "
                f"{m.suppressed} of {m.cells}",
            )
        )
    release_rows.append(
        (
            "`finalise` month 6 / month 1 (ratio)",
            f"{months[-1].finalise / months[0].finalise:.2f}×",
        )
    )
    release_rows.append(
        (
            "`finalise` / `preview`, month 6 (ratio; finalise also writes the ledger)",
            f"{months[-1].finalise / months[-1].preview:.2f}×",
        )
    )
    release_rows.append(
        (
            f"ledger after {MONTHS} releases (database growth: pages in use, indexes "
            "and the 6 audit entries included)",
            f"{n_cells:,} cells, {n_incl:,} inclusions, stats.json {json_bytes / 1e3:.0f} kB "
            f"in all; +{grown / 1e6:.1f} MB",
        )
    )

    # 5. export the sixth month (already released: the stored stats.json is exported)
    year, month = periods[-1]
    usb = folder / "usb"
    usb.mkdir()
    results: list[export.ExportResult] = []

    def export_once() -> None:
        results.append(export.export_month(custodian, year, month, usb))

    signed = median_s(export_once, runs=3)
    signed_files = list(results[-1].path.iterdir())
    signed_bytes = sum(p.stat().st_size for p in signed_files)
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    export.set_city_recipient(custodian, recipient)
    encrypted = median_s(export_once, runs=3)
    encrypted_bytes = results[-1].path.stat().st_size
    export_rows: Rows = [
        (
            f"`export_month` {year}-{month:02d}, signed only (folder), median of 3",
            f"{secs(signed)}; {signed_bytes / 1e3:.0f} kB in {len(signed_files)} files",
        ),
        (
            f"`export_month` {year}-{month:02d}, signed and encrypted (.tar.age), median of 3",
            f"{secs(encrypted)}; {encrypted_bytes / 1e3:.0f} kB",
        ),
        ("encrypted / signed only (ratio)", f"{encrypted / signed:.2f}×"),
    ]
    accounts.logout(custodian)
    say("exports done")
    size_mb = sum(p.stat().st_size for p in root.glob("vault.db*")) / 1e6
    note = (
        f"Vault: bench_search's builder, {args.clients:,} clients / {args.sessions:,} "
        f"sessions (filled in {fill_s:.1f} s), plus {added:,} assessments of the six "
        f"shipped scales on cases opened in the released months, written with "
        f"`write_assessment` (scored, warnings, audit) in one transaction in "
        f"{added_s:.1f} s; {size_mb:.0f} MB (database + WAL) at the end. Months "
        f"{periods[0][0]}-{periods[0][1]:02d} to {periods[-1][0]}-{periods[-1][1]:02d} "
        "are released one after the other with the default policy (k = 5 / 10); the "
        "previewed bytes are passed to `finalise` as `expected`."
    )
    return note, release_rows, export_rows


# -- 4: the suppression engine alone ----------------------------------------------------------


def _rows(table: str) -> list[str]:
    return [r.code for r in SPEC[table].rows]


def _cols(table: str) -> list[str]:
    return [c.code for c in SPEC[table].cols]


def simulate(per_month: int, months: int, seed: int, start: tuple[int, int]) -> list[RawRelease]:
    """A station serving ``per_month`` people a month out of a pool of four times as
    many (gender, age band, rank and a case with 1–3 concerns fixed per person), with
    skewed categories; the other tables scale with ``per_month``. Year to date as the
    real tables count it: SUM tables add up, distinct people and cases are the union
    since January, so every relation of the catalogue holds."""
    rng = random.Random(seed)
    pool = per_month * 4

    def weights(n: int) -> list[float]:
        return [rng.gammavariate(0.7, 1.0) + 1e-9 for _ in range(n)]

    def pick(codes: Sequence[str], w: Sequence[float]) -> str:
        return rng.choices(codes, w)[0]

    genders, ages = _rows("people_by_gender_age"), _cols("people_by_gender_age")
    ranks, concerns = _rows("people_by_rank"), _rows("concerns")
    gw, aw, rw, cw = (weights(len(x)) for x in (genders, ages, ranks, concerns))
    persons = [
        (
            pick(genders, gw),
            pick(ages, aw),
            pick(ranks, rw),
            rng.random() < 0.5,
            set(rng.choices(concerns, cw, k=rng.randint(1, 3))),
        )
        for _ in range(pool)
    ]
    kinds, levels = _rows("services_by_kind"), _rows("risk_levels")
    sources, dests = _rows("case_sources"), _rows("referrals_by_destination")
    scales = _rows("assessments_by_scale")
    kw, lw, sw, dw, scw = (weights(len(x)) for x in (kinds, levels, sources, dests, scales))
    tenth = max(1, per_month // 10)
    out: list[RawRelease] = []
    period = start
    sums: dict[str, Counter[tuple[str, str]]] = {}
    seen: set[int] = set()
    cases_seen: set[int] = set()
    for _ in range(months):
        if not out or period[1] == 1:
            sums = {t: Counter() for t in SUMMED}
            seen, cases_seen = set(), set()
        c: dict[str, Counter[tuple[str, str]]] = {s.id: Counter() for s in tables.SPECS}
        served = rng.sample(range(pool), per_month)
        for p in served:
            gender, age, rank, has_case, theirs = persons[p]
            c["people_by_gender_age"][(gender, age)] += 1
            c["people_by_rank"][(rank, N)] += 1
            for _ in range(rng.randint(1, 3)):
                c["services_by_kind"][(pick(kinds, kw), N)] += 1
            if has_case:
                c["cases_active"][("active", N)] += 1
                for concern in theirs:
                    c["concerns"][(concern, N)] += 1
                if rng.random() < 0.7:  # still open at the month's end
                    c["risk_levels"][(pick(levels, lw), N)] += 1
        new = rng.randint(0, max(1, per_month // 3))
        c["cases_flow"][("new", N)] = new
        c["cases_flow"][("closed", N)] = rng.randint(0, max(1, per_month // 3))
        for _ in range(new):
            c["case_sources"][(pick(sources, sw), N)] += 1
        for _ in range(rng.randint(0, per_month)):
            scale = pick(scales, scw)
            c["assessments_by_scale"][(scale, "administered")] += 1
            if rng.random() < 0.2:
                c["assessments_by_scale"][(scale, "positive")] += 1
        c["warnings"][("raised", N)] = rng.randint(0, 2 * tenth)
        c["warnings"][("handled", N)] = rng.randint(0, 2 * tenth)
        c["crisis"][("events", N)] = rng.choice([0, 0, 0, 1, 1, 2, 3])
        for _ in range(rng.randint(0, tenth)):
            c["referrals_by_destination"][(pick(dests, dw), N)] += 1
        for outcome in _rows("referrals_by_outcome"):
            c["referrals_by_outcome"][(outcome, N)] = rng.randint(0, max(1, per_month // 20))
        c["follow_ups"][("due", N)] = rng.randint(0, per_month // 2)
        c["follow_ups"][("done", N)] = rng.randint(0, per_month // 2)
        c["follow_ups_overdue"][("overdue", N)] = rng.randint(0, tenth)
        groups = rng.randint(0, 3)
        c["group_work"][("sessions", N)] = groups
        c["group_work"][("attendance", N)] = groups * rng.randint(5, 15)
        talks = rng.randint(0, 2)
        c["lectures"][("lectures", N)] = talks
        c["lectures"][("attendance", N)] = talks * rng.randint(10, 60)
        seen.update(served)
        cases_seen.update(p for p in served if persons[p][3])
        ytd: dict[str, dict[tuple[str, str], int]] = {}
        for t in SUMMED:
            sums[t].update(c[t])
            ytd[t] = dict(sums[t])
        ytd["people_by_gender_age"] = dict(Counter((persons[p][0], persons[p][1]) for p in seen))
        ytd["people_by_rank"] = dict(Counter((persons[p][2], N) for p in seen))
        ytd["cases_active"] = {("active", N): len(cases_seen)}
        ytd["concerns"] = dict(Counter((x, N) for p in cases_seen for x in persons[p][4]))
        out.append(RawRelease(period, {t: dict(v) for t, v in c.items()}, ytd))
        period = shift(period, 1)
    return out


def bench_suppression(months: int = 24) -> Rows:
    rows: Rows = []
    start = (date.today().year - 2, 1)
    per_release: dict[int, float] = {}
    for label, per_month, seed in (("small", 10, 1), ("large", 200, 2)):
        ledger: list[LedgerCell] = []
        times: list[float] = []
        for raw in simulate(per_month, months, seed, start):
            t0 = time.perf_counter()
            rel = protect(tables.SPECS, tables.RELATIONS, tables.SHARES, raw, ledger, Policy())
            times.append(time.perf_counter() - t0)
            ledger.extend(rel.cells)
        t0 = time.perf_counter()
        intervals = audit_ledger(tables.SPECS, tables.RELATIONS, ledger, shares=tables.SHARES)
        audit_s = time.perf_counter() - t0
        k = {c.key: c.k for c in ledger if c.primary}
        narrow = sum(1 for key, (lo, hi) in intervals.items() if hi - lo < k[key] - 1e-6)
        primary = len(k)
        complementary = sum(1 for c in ledger if not c.published and not c.primary)
        nonzero = sum(1 for c in ledger if c.value > 0)
        total = len(ledger)
        per_release[per_month] = statistics.median(times)
        name = f"{label} station ({per_month} people a month), {months} releases"
        rows.append(
            (
                f"{name}: `protect` per release, median / max",
                f"{ms(statistics.median(times))} / {ms(max(times))}",
            )
        )
        rows.append(
            (
                f"{name}: `audit` of the whole ledger ({total:,} cells, {primary:,} primary)",
                f"{secs(audit_s)}; {narrow} intervals narrower than k",
            )
        )
        rows.append(
            (
                f"{name}: suppressed, primary / complementary, of all cells ({nonzero:,} non-zero)",
                f"{primary:,} ({primary / total:.1%}) / {complementary:,} "
                f"({complementary / total:.1%})",
            )
        )
        say(f"suppression, {label} station done")
    rows.append(
        (
            "`protect` per release, large / small (ratio of medians)",
            f"{per_release[200] / per_release[10]:.2f}×",
        )
    )
    return rows


# -- 6: the city office -----------------------------------------------------------------------
def bench_city(folder: Path, n_stations: int) -> tuple[str, Rows]:
    base = folder / "city-base"
    workspace = CityWorkspace(base)
    recipient = workspace.create_identity(CITY_PASSPHRASE)
    identity: CityIdentity = workspace.unlock_identity(CITY_PASSPHRASE)
    today = date.today()
    year, month = shift((today.year, today.month), -1)
    usb = folder / "city-usb"
    usb.mkdir()
    paths: list[Path] = []
    for i in range(n_stations):
        root = folder / f"station{i:02d}"
        ctx = new_vault(root, f"基准站{i}", f"BENCH-C{i:02d}")
        ids = [
            accounts.add_user(ctx, f"c{j}", f"咨询师{j}", Role.COUNSELLOR, PASSWORD)
            for j in range(2)
        ]
        fill(ctx, ids, 150 + 50 * i, 2_000 + 700 * i)  # different sizes, different data
        export.set_city_recipient(ctx, recipient)
        paths.append(export.export_month(ctx, year, month, usb).path)
        accounts.logout(ctx)
        shutil.rmtree(root)
    for path in paths:
        candidate = workspace.key_from_export(path, identity)
        workspace.add_station_key(candidate.pub_text, candidate.station_code)
    say(f"{n_stations} station exports made")
    total_bytes = sum(p.stat().st_size for p in paths)

    runs: list[float] = []
    last = base
    for run in range(3):
        last = folder / f"city-{run}"
        shutil.copytree(base, last)
        ws = CityWorkspace(last)
        t0 = time.perf_counter()
        report = ws.import_exports(paths, identity)
        runs.append(time.perf_counter() - t0)
        if not report.ok or len(report.accepted) != n_stations:
            raise SystemExit(f"city import rejected exports: {report.rejected}")
    imported = statistics.median(runs)
    ws = CityWorkspace(last)
    period = f"{year:04d}-{month:02d}"
    outs = iter(folder / f"out{n}" for n in range(4))
    written = median_s(lambda: ws.write_reports(period, next(outs)), 3)
    files = ws.write_reports(period, folder / "out-final")
    say("city done")
    rows: Rows = [
        (
            f"`import_exports` of {n_stations} encrypted exports ({period}, "
            f"{total_bytes / 1e6:.1f} MB), fresh workspace each run, median of 3",
            f"{secs(imported)} ({imported / n_stations * 1000:.0f} ms per export)",
        ),
        (
            f"`write_reports` {period} (xlsx {files.xlsx.stat().st_size / 1e3:.0f} kB, "
            f"pdf {files.pdf.stat().st_size / 1e3:.0f} kB), median of 3",
            secs(written),
        ),
    ]
    note = (
        f"City: {n_stations} real station vaults (bench_search's builder, 150–"
        f"{150 + 50 * (n_stations - 1)} clients, 2,000–{2_000 + 700 * (n_stations - 1):,} "
        f"sessions each), each releasing and exporting {period} encrypted to the city's age "
        "recipient; keys registered from the exports (first contact) before timing."
    )
    return note, rows


# -- the report ---------------------------------------------------------------------------------
def table_lines(rows: Rows) -> list[str]:
    return ["| measure | figure |", "|---|---|", *[f"| {k} | {v} |" for k, v in rows], ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--sessions", type=int, default=300_000)
    parser.add_argument("--assessments", type=int, default=3_000)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scoring_rows = bench_assessments(folder)
        suppression_rows = bench_suppression()
        vault_note, release_rows, export_rows = bench_big_vault(folder, args)
        city_note, city_rows = bench_city(folder, args.stations)
    total = time.perf_counter() - _T0

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = (
        f"{platform.machine()}, {platform.system()} {platform.release()}, Python "
        f"{platform.python_version()}, {_cores()} cores"
    )
    lines = [
        f"\n## Assessments, statistics release, export and city — {stamp}\n",
        f"Machine: {machine}\n",
        "Run: `.venv/bin/python bench/bench_statistics.py` "
        f"(whole run {total / 60:.1f} min). Medians after one warm-up call unless said; "
        "a release or an import happens once per month or per fresh workspace.\n",
        "### Scoring, recording, screening report\n",
        *table_lines(scoring_rows),
        "### Monthly release on the big vault\n",
        vault_note + "\n",
        *table_lines(release_rows),
        "Later months take longer for two reasons. `tables.compute` reads every record "
        "dated from the first released month on (a late addition is counted by the first "
        "release after it), each checked against `stats_inclusions`, so its window grows "
        "by one month with every release. And bench_search's builder never closes 40 % of "
        "its cases, so the cases active in a month (read with their concerns and the "
        "year's frozen members) grow month after month.\n",
        "### Disclosure control alone (`protect`, `audit`)\n",
        "The real catalogue (`tables.SPECS`, `RELATIONS`, `SHARES`, default policy k = 5 "
        "/ 10) with synthetic counts (see `simulate`): people served from a pool of four "
        "times as many, skewed categories, consistent year to date; 24 consecutive months "
        "from January, each protected against the whole ledger before it, then one "
        "`audit` of the ledger (every interval must be at least k wide).\n",
        *table_lines(suppression_rows),
        "A small station costs more per release than a large one: more of its cells are "
        "small, hence primary, and every primary cell is a cell whose interval the audit "
        "must establish with linear programs.\n",
        "### Export\n",
        "The sixth released month of the big vault (already released: `finalise` returns "
        "the stored stats.json, so this is building stats.xlsx and summary.pdf, signing, "
        "packing, encrypting, writing and reading back).\n",
        *table_lines(export_rows),
        "### City office\n",
        city_note + "\n",
        *table_lines(city_rows),
    ]
    text_out = "\n".join(lines)
    print(text_out)
    if not args.no_write:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as fh:
            fh.write(text_out)


def _cores() -> int:
    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
