"""The demo vault: synthetic, varied, reproducible per seed."""

from __future__ import annotations

from pathlib import Path

from station.models.vocab import ServiceKind
from station.services import accounts, dashboard, demo, search
from station.services.search import CaseQuery
from station.services.views import SessionBrief


def _snapshot(root: Path) -> tuple[list[tuple[str, str, str]], tuple[int, ...]]:
    ctx = accounts.login(root, "admin", demo.DEMO_PASSWORD)
    try:
        page = search.search_cases(ctx, CaseQuery(limit=500))
        rows = [(r.code, r.status.value, r.risk_level.value) for r in page.items]
        counts = dashboard.dashboard(ctx).counts
        return rows, (counts.new_cases, counts.sessions, counts.closed_cases)
    finally:
        accounts.logout(ctx)


def test_demo_is_varied_fictional_and_reproducible(tmp_path: Path) -> None:
    first = demo.create_demo(tmp_path / "a", seed=5, clients=30)
    demo.create_demo(tmp_path / "b", seed=5, clients=30)
    rows_a, counts_a = _snapshot(first.path)
    rows_b, counts_b = _snapshot(tmp_path / "b")
    assert rows_a == rows_b and counts_a == counts_b
    assert len(rows_a) == 30
    assert {status for _, status, _ in rows_a} == {"open", "closed"}
    assert len({risk for _, _, risk in rows_a}) >= 2

    ctx = accounts.login(first.path, "counsellor1", demo.DEMO_PASSWORD)
    try:
        mine = search.search_cases(ctx, CaseQuery(limit=500)).items
        assert 0 < len(mine) < 30  # the other counsellor's cases stay theirs
        names = [r.client for r in mine]
        assert all(n.startswith(("虚构·", "匿名-")) for n in names), names
        from station.services import cases

        kinds = {
            item.detail.kind
            for row in mine
            for item in cases.timeline(ctx, row.id)
            if isinstance(item.detail, SessionBrief)
        }
        assert ServiceKind.INTAKE in kinds and len(kinds) >= 3
    finally:
        accounts.logout(ctx)
