"""Statistics documents and a stand-in for ``statistics.finalise`` for the export tests.

The export is coded against the document shape of ``stats.json`` (see the export format
in ARCHITECTURE.md); these helpers build documents of that shape by hand, so that the
export can be tested on its own. When the real ``station.services.statistics`` is
present, :func:`use_finalise` leaves it in place unless told to use the stand-in.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from station.models import StatsRelease
from station.services import export
from station.services.context import SignedIn

SUPPRESSED = "*"


def _table(
    title: str,
    sensitivity: str,
    rows: list[tuple[str, str]],
    cols: list[tuple[str, str]],
    month: dict[str, dict[str, int | str]],
    ytd: dict[str, dict[str, int | str]] | None = None,
    ytd_rule: str = "sum",
) -> dict[str, Any]:
    table: dict[str, Any] = {
        "title": title,
        "sensitivity": sensitivity,
        "ytd_rule": ytd_rule if ytd is not None else "none",
        "rows": [{"code": c, "label": label} for c, label in rows],
        "cols": [{"code": c, "label": label} for c, label in cols],
        "month": month,
    }
    if ytd is not None:
        table["ytd"] = ytd
    return table


def sample_document(code: str = "CX-ZH01", period: str = "2026-03") -> dict[str, Any]:
    """A small, plausible document with suppressed cells, margins, YTD and shares."""
    n = [("n", "人次")]
    services = _table(
        "服务人次（按服务类型）",
        "standard",
        [
            ("individual", "个体咨询"),
            ("sandplay", "沙盘"),
            ("group", "团体辅导"),
            ("music", "音乐放松"),
            ("_total", "合计"),
        ],
        n,
        {
            "individual": {"n": 23},
            "sandplay": {"n": SUPPRESSED},
            "group": {"n": 12},
            "music": {"n": SUPPRESSED},
            "_total": {"n": 41},
        },
        {
            "individual": {"n": 61},
            "sandplay": {"n": 9},
            "group": {"n": 30},
            "music": {"n": 7},
            "_total": {"n": 107},
        },
    )
    people = _table(
        "服务人数（按性别、年龄段）",
        "standard",
        [("female", "女"), ("male", "男"), ("_total", "合计")],
        [("a30", "30岁以下"), ("a30_44", "30-44岁"), ("a45", "45岁及以上"), ("_total", "合计")],
        {
            "female": {"a30": 0, "a30_44": 9, "a45": SUPPRESSED, "_total": 14},
            "male": {"a30": 0, "a30_44": 7, "a45": SUPPRESSED, "_total": 11},
            "_total": {"a30": 0, "a30_44": 16, "a45": 9, "_total": 25},
        },
        {
            "female": {"a30": 0, "a30_44": 21, "a45": 8, "_total": 29},
            "male": {"a30": 5, "a30_44": 13, "a45": 6, "_total": 24},
            "_total": {"a30": 5, "a30_44": 34, "a45": 14, "_total": 53},
        },
        ytd_rule="distinct",
    )
    risk = _table(
        "风险等级（月末在案个案）",
        "sensitive",
        [("none", "无风险"), ("low", "低风险"), ("elevated", "较高及以上"), ("_total", "合计")],
        n,
        {
            "none": {"n": 12},
            "low": {"n": SUPPRESSED},
            "elevated": {"n": SUPPRESSED},
            "_total": {"n": 19},
        },
    )
    return {
        "schema": "station-stats/1",
        "station": {"code": code, "kind": "township"},
        "period": period,
        "ytd_from": period[:4] + "-01",
        "policy": {"k_standard": 5, "k_sensitive": 10},
        "tables": {"services_by_kind": services, "people_by_gender_age": people, "risk": risk},
        "shares": {
            "sandplay_share": {
                "label": "沙盘占服务人次比例",
                "numerator": {"table": "services_by_kind", "row": "sandplay", "col": "n"},
                "denominator": {"table": "services_by_kind", "row": "_total", "col": "n"},
                "month": SUPPRESSED,
                "ytd": 0.0841,
            },
            "individual_share": {
                "label": "个体咨询占服务人次比例",
                "numerator": {"table": "services_by_kind", "row": "individual", "col": "n"},
                "denominator": {"table": "services_by_kind", "row": "_total", "col": "n"},
                "month": 0.561,
                "ytd": 0.5701,
            },
        },
        "notes": {
            "suppressed": "*：不予公布的数（1 至 k−1 的小数及为防推算而一并隐藏的数）。",
            "late_additions": "补录的记录计入补录后首次发布的月份。",
            "ytd": "年度累计自 ytd_from 所示月份起。",
        },
    }


def document_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def fake_finalise(
    ctx: SignedIn, year: int, month: int, expected: bytes | None = None
) -> tuple[int, bytes]:
    """Release a month once (a StatsRelease row); a second call returns the same bytes."""
    with ctx.vault.transaction() as s:
        row = s.scalars(
            select(StatsRelease).where(StatsRelease.year == year, StatsRelease.month == month)
        ).one_or_none()
        if row is None:
            data = document_bytes(sample_document(period=f"{year:04d}-{month:02d}"))
            row = StatsRelease(
                year=year,
                month=month,
                policy='{"k_sensitive": 10, "k_standard": 5}',
                stats_json=data.decode(),
                created_by=ctx.user_id,
            )
            s.add(row)
            s.flush()
        return row.id, row.stats_json.encode()


def use_fake_finalise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "_finalise", fake_finalise)
