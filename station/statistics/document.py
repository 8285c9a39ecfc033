"""stats.json: the one document that leaves a station each month, built from a protected
release, written as deterministic bytes, and checked against its JSON Schema
(``resources/statistics/stats.schema.json``; the city office uses the same check).

What is in it, and what is deliberately not:
- the station's code and kind only. The code is what the city office registers the
  station (and its signing key) under and aggregates by; the station's name and
  region are left out: a name such as "某镇暖心港湾" or a region string adds nothing the
  city office's own register does not know, and a region finer than the city can
  narrow a published count to a small place.
- the period as "YYYY-MM" and the first month of the year to date; no other date,
  no time of export (identical bytes for a re-export of a finished month).
- the thresholds applied; every table's categories with their Chinese labels; counts
  as integers or "*" (suppressed, whatever the reason); shares as fractions 0–1,
  "*" when numerator or denominator is suppressed, null when the denominator is 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any, Protocol

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match

from station.errors import StationError
from station.models.enums import StationKind
from station.paths import resources_dir
from station.statistics.spec import TOTAL, CellRef, Policy, ShareSpec, TableSpec, YearToDate
from station.statistics.suppression import CellKey, Period, ProtectedRelease

SCHEMA_ID = "station-stats/1"
SUPPRESSED = "*"
SHARE_DIGITS = 4
TOTAL_LABEL = "合计"

NOTES = {
    "suppressed": (
        "*：不予公布的数。数值为 1 至 k−1 的小数，以及为防止由其他公布数推算出小数"
        "而一并隐藏的数，统一标记为 *，无法区分。0 照常公布。敏感表格（风险等级、预警、"
        "危机干预、转介）只公布全站合计，不做交叉分类。比例仅在分子和分母均公布时给出，"
        "分母为 0 时为 null。"
    ),
    "late_additions": (
        "每月数字包含当月发生的记录，以及在此前月份统计发布之后才补录的更早记录（补录计入补录后首次发布的月份，"
        "同样做小数保护）。已发布的月份不再更改。"
    ),
    "ytd": (
        "年度累计：次数类表格为本年已发布各月之和；人数、在案个案和主诉类别为本年去重计数。"
        "月末风险等级和月末逾期回访为月末状态，没有年度累计。累计自 ytd_from 所示月份起。"
    ),
}


class StationIdentity(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def kind(self) -> str: ...


def period_text(period: Period) -> str:
    return f"{period[0]:04d}-{period[1]:02d}"


def _value(value: int | None) -> int | str:
    return SUPPRESSED if value is None else int(value)


def _grid(
    spec: TableSpec, cells: Mapping[tuple[str, str], int | None]
) -> tuple[list[str], list[str], dict[str, dict[str, int | str]]]:
    """Row codes, column codes (margins last) and the {row: {col: value}} matrix."""
    rows = [r.code for r in spec.rows]
    cols = [c.code for c in spec.cols]
    if any(row == TOTAL for row, _ in cells):
        rows.append(TOTAL)
    if any(col == TOTAL for _, col in cells):
        cols.append(TOTAL)
    matrix: dict[str, dict[str, int | str]] = {}
    for row in rows:
        line: dict[str, int | str] = {}
        for col in cols:
            if (row, col) not in cells:
                raise ValueError(f"{spec.id}: cell ({row}, {col}) missing from the release")
            line[col] = _value(cells[(row, col)])
        matrix[row] = line
    return rows, cols, matrix


def _categories(codes: Sequence[str], spec_cats: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"code": c, "label": TOTAL_LABEL if c == TOTAL else spec_cats[c]} for c in codes]


def _cell_ref(ref: CellRef) -> dict[str, str]:
    return {"table": ref.table, "row": ref.row, "col": ref.col}


def _share(num: int | None, den: int | None) -> float | str | None:
    if num is None or den is None:
        return SUPPRESSED
    if den == 0:
        return None
    return round(num / den, SHARE_DIGITS)


def build_document(
    profile: StationIdentity,
    protected: ProtectedRelease,
    specs: Sequence[TableSpec],
    shares: Sequence[ShareSpec],
    policy: Policy,
    *,
    ytd_from: Period | None = None,
) -> dict[str, Any]:
    """The stats.json document of a protected release (only published figures)."""
    period = protected.period
    published = protected.published()
    grouped: dict[tuple[str, str], dict[tuple[str, str], int | None]] = {}
    for key, value in published.items():
        if key.period != period:
            continue
        grouped.setdefault((key.scope, key.cell.table), {})[(key.cell.row, key.cell.col)] = value
    tables: dict[str, Any] = {}
    for spec in specs:
        rows, cols, month = _grid(spec, grouped.get(("month", spec.id), {}))
        table: dict[str, Any] = {
            "title": spec.title_zh,
            "sensitivity": spec.sensitivity.value,
            "ytd_rule": spec.ytd.value,
            "rows": _categories(rows, {r.code: r.label_zh for r in spec.rows}),
            "cols": _categories(cols, {c.code: c.label_zh for c in spec.cols}),
            "month": month,
        }
        if spec.ytd is not YearToDate.NONE:
            _rows, _cols, ytd = _grid(spec, grouped.get(("ytd", spec.id), {}))
            table["ytd"] = ytd
        tables[spec.id] = table
    ytd_specs = {s.id for s in specs if s.ytd is not YearToDate.NONE}
    share_doc: dict[str, Any] = {}
    for share in shares:
        entry: dict[str, Any] = {
            "label": share.label_zh,
            # where its parts are, so the city office can recompute it over stations
            "numerator": _cell_ref(share.numerator),
            "denominator": _cell_ref(share.denominator),
        }
        for scope in ("month", "ytd"):
            if scope == "ytd" and share.numerator.table not in ytd_specs:
                continue
            num = published.get(CellKey(period, scope, share.numerator))
            den = published.get(CellKey(period, scope, share.denominator))
            entry[scope] = _share(num, den)
        share_doc[share.id] = entry
    return {
        "schema": SCHEMA_ID,
        "station": {"code": profile.code, "kind": StationKind(profile.kind).value},
        "period": period_text(period),
        "ytd_from": period_text(ytd_from or (period[0], 1)),
        "policy": {"k_standard": policy.k_standard, "k_sensitive": policy.k_sensitive},
        "tables": tables,
        "shares": share_doc,
        "notes": dict(NOTES),
    }


def dumps(document: Mapping[str, Any]) -> bytes:
    """UTF-8, sorted keys, two-space indent, final newline: the same document always
    gives the same bytes."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


# -- validation --------------------------------------------------------------------------
def schema_path() -> Any:
    return resources_dir() / "statistics" / "stats.schema.json"


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


_REASONS = {
    "required": "缺少必填项",
    "additionalProperties": "含有不允许的项",
    "unevaluatedProperties": "含有不允许的项",
    "const": "取值不符",
    "enum": "取值不在允许范围内",
    "type": "类型不对",
    "pattern": "格式不对",
    "minimum": "数值过小",
    "maximum": "数值过大（比例须为 0 到 1 之间的小数）",
    "minItems": "项目太少",
    "maxItems": "项目太多（敏感表格只能有一列，不做交叉分类）",
    "not": "含有不应出现的项（月末状态表没有年度累计）",
    "uniqueItems": "类别重复",
    "minLength": "不能为空",
    "maxLength": "过长",
    "propertyNames": "名称格式不对",
    "oneOf": "取值须为非负整数或 *（比例须为 0 到 1 之间的小数、* 或 null）",
}

# A full date (year, month and day) anywhere in the text: nothing finer than the month
# may leave a station.
_FULL_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _where(path: Sequence[object]) -> str:
    return ".".join(str(p) for p in path) or "（整个文件）"


def _fail(where: str, reason: str, en: str) -> StationError:
    return StationError(
        f"统计文件（stats.json）不符合格式：{where}：{reason}。",
        f"stats.json does not match its schema at {where}: {en}",
    )


def _strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in the document (keys included) with where it is."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            here = f"{path}.{k}" if path else str(k)
            yield here, str(k)
            yield from _strings(v, here)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, f"{path}.{n}")


def _check_grid(tid: str, table: Mapping[str, Any], scope: str) -> None:
    rows = [r["code"] for r in table["rows"]]
    cols = [c["code"] for c in table["cols"]]
    grid = table[scope]
    if sorted(grid) != sorted(rows) or len(set(rows)) != len(rows):
        raise _fail(f"tables.{tid}.{scope}", "行与 rows 列出的类别不一致", "rows do not match")
    for row in rows:
        if sorted(grid[row]) != sorted(cols) or len(set(cols)) != len(cols):
            raise _fail(
                f"tables.{tid}.{scope}.{row}", "列与 cols 列出的类别不一致", "columns do not match"
            )


def validate_document(data: object) -> None:
    """Raise StationError (with a Chinese reason naming the place) unless ``data`` is a
    well-formed stats.json document: the schema, then what a schema cannot say (each
    table's cells match its categories; year to date present exactly when the table has
    one; no full date anywhere)."""
    error: SchemaError | None = best_match(_validator().iter_errors(data))
    if error is not None:
        reason = _REASONS.get(str(error.validator), "不符合格式要求")
        # the rule broken, not the offending value: a malformed file may hold anything
        raise _fail(_where(list(error.absolute_path)), reason, f"{error.validator} failed")
    assert isinstance(data, dict)
    for tid, table in data["tables"].items():
        _check_grid(tid, table, "month")
        has_ytd = table["ytd_rule"] != YearToDate.NONE.value
        if has_ytd != ("ytd" in table):
            raise _fail(
                f"tables.{tid}", "年度累计与 ytd_rule 不一致", "ytd does not match ytd_rule"
            )
        if has_ytd:
            _check_grid(tid, table, "ytd")
        if (
            table["sensitivity"] == "sensitive"
            and sum(1 for c in table["cols"] if c["code"] != TOTAL) != 1
        ):
            raise _fail(f"tables.{tid}", "敏感表格只能有一列（不做交叉分类）", "cross-tabulated")
    for sid, share in data["shares"].items():
        for part in ("numerator", "denominator"):
            ref = share[part]
            table = data["tables"].get(ref["table"])
            if (
                table is None
                or ref["row"] not in {r["code"] for r in table["rows"]}
                or ref["col"] not in {c["code"] for c in table["cols"]}
            ):
                raise _fail(f"shares.{sid}.{part}", "指向不存在的单元格", "refers to no cell")
    for where, text in _strings(data):
        if _FULL_DATE.search(text):
            raise _fail(where, "含有精确到日的日期", "contains a full date")
