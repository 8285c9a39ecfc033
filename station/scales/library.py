"""Reading and validating scale definition files (format: ``resources/scales/README.md``).

`parse_definition` is the one way a definition enters the program: the shipped files and
a custodian's imported file for a licensed scale go through the same checks, and a broken
file is refused with every reason found, each naming the place in the file.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import tomllib
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, TypeVar

from station.errors import StationError
from station.paths import resources_dir
from station.scales.definition import (
    Band,
    Item,
    Method,
    MissingRule,
    Option,
    OptionSet,
    ScaleDefinition,
    Scoring,
    Subscale,
    WarningLevel,
    WarningRule,
)
from station.scales.scoring import exact_total_range

_E = TypeVar("_E", Method, MissingRule, WarningLevel)

SCALE_ID_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")
CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")  # option sets, subscales, bands, warning rules
ITEM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,15}$")
OPS = (">=", ">", "<=", "<", "==")

TOP_KEYS = (
    "id",
    "version",
    "short_name",
    "name_zh",
    "name_en",
    "licence",
    "source",
    "instructions_zh",
    "instructions_en",
    "scoring",
    "option_sets",
    "items",
    "subscales",
    "bands",
    "warnings",
)
SCORING_KEYS = ("method", "multiplier", "missing", "max_missing", "round_prorated")
OPTION_SET_KEYS = ("id", "options")
OPTION_KEYS = ("value", "label_zh", "label_en")
ITEM_KEYS = ("id", "text_zh", "text_en", "options", "reverse")
SUBSCALE_KEYS = ("id", "name_zh", "name_en", "items", "method", "min_answered")
BAND_KEYS = ("at_least", "code", "label_zh", "label_en")
WARNING_KEYS = ("code", "level", "target", "op", "value", "reason_zh", "reason_en")

_KIND_ZH = {"str": "文字", "int": "整数", "number": "数字", "bool": "布尔值（true 或 false）"}
_KIND_EN = {"str": "text", "int": "an integer", "number": "a number", "bool": "true or false"}


class DefinitionError(StationError):
    """A definition file that cannot be used; ``reasons`` lists every problem (Chinese)."""

    def __init__(self, reasons: list[str], reasons_en: list[str], name: str = "") -> None:
        super().__init__(
            "量表定义文件有误：" + "；".join(reasons),
            "Bad scale definition file: " + "; ".join(reasons_en),
        )
        self.reasons = reasons
        self.reasons_en = reasons_en
        self.name = name  # kept out of the message: an imported file's path may name a person


class _Place:
    """Where in the file a value sits, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en


class _Checker:
    """Collects every problem instead of stopping at the first, so one round of fixes does."""

    def __init__(self) -> None:
        self.zh: list[str] = []
        self.en: list[str] = []

    def add(self, place: _Place, zh: str, en: str) -> None:
        self.zh.append(f"{place.zh}：{zh}")
        self.en.append(f"{place.en}: {en}")

    def unknown_keys(
        self, table: Mapping[str, Any], allowed: tuple[str, ...], place: _Place
    ) -> None:
        # A misspelt key (say "reverce") would otherwise be ignored and change the scoring.
        for key in table:
            if key not in allowed:
                self.add(
                    place,
                    f"未知的键“{key}”（可用的键：{'、'.join(allowed)}）",
                    f"unknown key {key!r} (allowed: {', '.join(allowed)})",
                )

    def value(
        self,
        table: Mapping[str, Any],
        key: str,
        kind: str,
        place: _Place,
        *,
        required: bool = True,
    ) -> Any:
        """The value under ``key`` if it has the right type, else None (reason recorded)."""
        if key not in table:
            if required:
                self.add(place, f"缺少“{key}”", f"{key!r} is missing")
            return None
        value = table[key]
        ok = {
            "str": isinstance(value, str),
            # TOML booleans are Python ints: a "true" must not pass as the number 1.
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
        }[kind]
        if not ok:
            self.add(
                place,
                f"“{key}”须为{_KIND_ZH[kind]}",
                f"{key!r} must be {_KIND_EN[kind]}",
            )
            return None
        if kind == "str" and not value.strip():
            self.add(place, f"“{key}”不能为空", f"{key!r} is empty")
            return None
        if kind == "number" and isinstance(value, float) and not math.isfinite(value):
            self.add(place, f"“{key}”须为有限的数字", f"{key!r} must be a finite number")
            return None
        return value

    def tables(self, table: Mapping[str, Any], key: str, place: _Place) -> list[dict[str, Any]]:
        """An array of tables (``[[key]]``); missing means empty."""
        if key not in table:
            return []
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(
                place, f"“{key}”须为表的列表（[[{key}]]）", f"{key!r} must be [[{key}]] tables"
            )
            return []
        return value

    def code(self, value: str | None, pattern: re.Pattern[str], key: str, place: _Place) -> None:
        if value is not None and not pattern.match(value):
            self.add(
                place,
                f"“{key}”“{value}”只能用小写字母、数字和下划线，且不超过 32 个字符",
                f"{key!r} {value!r} must be lowercase letters, digits and underscores",
            )


def _exact(value: float) -> Fraction:
    # Through the decimal text: 0.1 in a file means one tenth, not the nearest binary double.
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def parse_definition(data: bytes, name: str) -> ScaleDefinition:
    """Read and check one definition file; raise `DefinitionError` with every reason found."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(
            ["文件不是 UTF-8 编码，请用记事本另存为 UTF-8"],
            ["the file is not UTF-8 encoded"],
            name,
        ) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(
            [f"不是有效的 TOML 格式（{exc}）"], [f"not valid TOML ({exc})"], name
        ) from None
    check = _Checker()
    definition = _read(doc, check, hashlib.sha256(data).hexdigest())
    if check.zh or definition is None:
        raise DefinitionError(check.zh, check.en, name)
    return definition


def _read(doc: dict[str, Any], check: _Checker, digest: str) -> ScaleDefinition | None:
    top = _Place("量表信息", "scale")
    check.unknown_keys(doc, TOP_KEYS, top)
    texts: dict[str, str] = {}
    for key in TOP_KEYS[:9]:
        value = check.value(doc, key, "str", top)
        if value is not None:
            texts[key] = value
    if "id" in texts and not SCALE_ID_RE.match(texts["id"]):
        check.add(
            top,
            f"量表编号“{texts['id']}”须为 2–32 位小写字母、数字或下划线，以字母开头",
            f"scale id {texts['id']!r} must match {SCALE_ID_RE.pattern}",
        )

    option_sets, declared = _option_sets(doc, check)
    items, item_ids = _items(doc, check, declared)
    scoring = _scoring(doc, check, len(items))
    subscales, subscale_ids = _subscales(doc, check, item_ids)
    bands = _bands(doc, check)
    warnings = _warnings(doc, check, item_ids, subscale_ids)
    if check.zh or scoring is None:
        return None
    definition = ScaleDefinition(
        id=texts["id"],
        version=texts["version"],
        short_name=texts["short_name"],
        name_zh=texts["name_zh"],
        name_en=texts["name_en"],
        licence=texts["licence"],
        source=texts["source"],
        instructions_zh=texts["instructions_zh"],
        instructions_en=texts["instructions_en"],
        option_sets=tuple(option_sets),
        items=tuple(items),
        subscales=tuple(subscales),
        scoring=scoring,
        bands=tuple(bands),
        warnings=tuple(warnings),
        digest=digest,
    )
    _check_band_range(definition, check)
    return definition


def _option_sets(doc: dict[str, Any], check: _Checker) -> tuple[list[OptionSet], set[str]]:
    """The well-formed option sets, and every id declared (a broken set is reported once)."""
    tables = check.tables(doc, "option_sets", _Place("选项组", "option_sets"))
    if "option_sets" not in doc:
        check.add(_Place("选项组", "option_sets"), "缺少“option_sets”", "'option_sets' is missing")
    found: list[OptionSet] = []
    seen: set[str] = set()
    for n, table in enumerate(tables, start=1):
        place = _Place(f"第 {n} 个选项组", f"option set {n}")
        check.unknown_keys(table, OPTION_SET_KEYS, place)
        set_id = check.value(table, "id", "str", place)
        check.code(set_id, CODE_RE, "id", place)
        if set_id is not None:
            place = _Place(f"选项组“{set_id}”", f"option set {set_id!r}")
            if set_id in seen:
                check.add(place, "选项组编号重复", "duplicate option set id")
            seen.add(set_id)
        raw = table.get("options")
        if not isinstance(raw, list) or not raw:
            check.add(place, "没有选项（“options”须为非空列表）", "no options")
            continue
        options: list[Option] = []
        values: set[int] = set()
        for m, entry in enumerate(raw, start=1):
            oplace = _Place(f"{place.zh}第 {m} 个选项", f"{place.en}, option {m}")
            if not isinstance(entry, dict):
                check.add(oplace, "须为 {value = …, label_zh = …, label_en = …}", "must be a table")
                continue
            check.unknown_keys(entry, OPTION_KEYS, oplace)
            value = check.value(entry, "value", "int", oplace)
            label_zh = check.value(entry, "label_zh", "str", oplace)
            label_en = check.value(entry, "label_en", "str", oplace)
            if value is not None and value in values:
                check.add(oplace, f"选项值 {value} 重复", f"duplicate value {value}")
            if value is None or label_zh is None or label_en is None:
                continue
            values.add(value)
            options.append(Option(value, label_zh, label_en))
        if set_id is not None and len(options) == len(raw):
            found.append(OptionSet(set_id, tuple(options)))
    return found, seen


def _items(
    doc: dict[str, Any], check: _Checker, option_sets: set[str]
) -> tuple[list[Item], set[str]]:
    """The well-formed items, and every item id declared (for rules that name items)."""
    whole = _Place("题目", "items")
    tables = check.tables(doc, "items", whole)
    if "items" not in doc:
        check.add(whole, "缺少“items”", "'items' is missing")
    elif doc["items"] == []:
        check.add(whole, "至少需要一道题", "at least one item is needed")
    found: list[Item] = []
    seen: set[str] = set()
    for n, table in enumerate(tables, start=1):
        place = _Place(f"第 {n} 题", f"item {n}")
        check.unknown_keys(table, ITEM_KEYS, place)
        item_id = check.value(table, "id", "str", place)
        if item_id is not None and not ITEM_ID_RE.match(item_id):
            check.add(
                place,
                f"题目编号“{item_id}”只能用小写字母、数字和下划线（如 “1”）",
                f"item id {item_id!r} must match {ITEM_ID_RE.pattern}",
            )
        if item_id is not None and item_id in seen:
            check.add(place, f"题目编号“{item_id}”重复", f"duplicate item id {item_id!r}")
        text_zh = check.value(table, "text_zh", "str", place)
        text_en = check.value(table, "text_en", "str", place)
        set_id = check.value(table, "options", "str", place)
        if set_id is not None and set_id not in option_sets:
            check.add(place, f"选项组“{set_id}”未定义", f"option set {set_id!r} is not defined")
        reverse = check.value(table, "reverse", "bool", place, required=False)
        if item_id is not None:
            seen.add(item_id)
        if item_id is None or text_zh is None or text_en is None or set_id is None:
            continue
        found.append(Item(item_id, text_zh, text_en, set_id, bool(reverse)))
    return found, seen


def _scoring(doc: dict[str, Any], check: _Checker, n_items: int) -> Scoring | None:
    place = _Place("计分规则 [scoring]", "[scoring]")
    table = doc.get("scoring")
    if not isinstance(table, dict):
        check.add(place, "缺少计分规则表 [scoring]", "the [scoring] table is missing")
        return None
    check.unknown_keys(table, SCORING_KEYS, place)
    method_text = check.value(table, "method", "str", place)
    method = _enum(Method, method_text, "method", place, check)
    multiplier = check.value(table, "multiplier", "number", place, required=False)
    if multiplier is not None and multiplier <= 0:
        check.add(place, f"乘数 multiplier 须大于 0（现为 {multiplier}）", "multiplier must be > 0")
    missing_text = check.value(table, "missing", "str", place, required=False)
    missing = (
        MissingRule.NONE
        if missing_text is None and "missing" not in table
        else _enum(MissingRule, missing_text, "missing", place, check)
    )
    max_missing = check.value(table, "max_missing", "int", place, required=False)
    rounding = check.value(table, "round_prorated", "bool", place, required=False)
    if missing is MissingRule.PRORATE:
        if max_missing is None and "max_missing" not in table:
            check.add(place, "按比例折算（prorate）须写明 max_missing", "prorate needs max_missing")
        elif max_missing is not None and not 1 <= max_missing < n_items:
            check.add(
                place,
                f"max_missing 须在 1 到 {n_items - 1} 之间，且小于题数 {n_items}"
                f"（现为 {max_missing}）",
                f"max_missing must be 1..{n_items - 1}, below the item count {n_items}",
            )
    elif missing is MissingRule.NONE and max_missing:
        check.add(
            place,
            '缺答规则为 none 时不能设置 max_missing（要按比例折算请写 missing = "prorate"）',
            "max_missing is set but missing is 'none'",
        )
    if method is Method.MEAN and rounding is True:
        check.add(
            place, "均值计分（mean）不能取整：round_prorated 须为 false", "a mean is not rounded"
        )
    if method is None or missing is None or ("multiplier" in table and multiplier is None):
        return None
    if max_missing is None and "max_missing" in table:
        return None
    return Scoring(
        method=method,
        multiplier=1 if multiplier is None else multiplier,
        missing=missing,
        max_missing=max_missing or 0,
        round_prorated=(method is Method.SUM) if rounding is None else rounding,
    )


def _enum(kind: type[_E], text: str | None, key: str, place: _Place, check: _Checker) -> _E | None:
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        allowed = "、".join(e.value for e in kind)
        check.add(
            place,
            f"“{key}”的值“{text}”无效（可用：{allowed}）",
            f"{key!r} {text!r} is not one of {', '.join(e.value for e in kind)}",
        )
        return None


def _subscales(
    doc: dict[str, Any], check: _Checker, item_ids: set[str]
) -> tuple[list[Subscale], set[str]]:
    found: list[Subscale] = []
    seen: set[str] = set()
    for n, table in enumerate(check.tables(doc, "subscales", _Place("分量表", "subscales")), 1):
        place = _Place(f"第 {n} 个分量表", f"subscale {n}")
        check.unknown_keys(table, SUBSCALE_KEYS, place)
        sub_id = check.value(table, "id", "str", place)
        check.code(sub_id, CODE_RE, "id", place)
        if sub_id is not None:
            place = _Place(f"分量表“{sub_id}”", f"subscale {sub_id!r}")
            if sub_id in seen:
                check.add(place, "分量表编号重复", "duplicate subscale id")
            seen.add(sub_id)
        name_zh = check.value(table, "name_zh", "str", place)
        name_en = check.value(table, "name_en", "str", place)
        method = _enum(Method, check.value(table, "method", "str", place), "method", place, check)
        members = table.get("items")
        if (
            not isinstance(members, list)
            or not members
            or not all(isinstance(m, str) for m in members)
        ):
            check.add(place, '“items”须为题目编号的非空列表，如 ["1", "2"]', "bad 'items'")
            members = None
        else:
            for member in members:
                if member not in item_ids:
                    check.add(place, f"题目“{member}”不存在", f"item {member!r} does not exist")
            if len(set(members)) != len(members):
                check.add(place, "题目重复", "an item is listed twice")
        min_answered = check.value(table, "min_answered", "int", place)
        if (
            members is not None
            and min_answered is not None
            and not (1 <= min_answered <= len(members))
        ):
            check.add(
                place,
                f"min_answered 须在 1 到 {len(members)} 之间（现为 {min_answered}）",
                f"min_answered must be 1..{len(members)}",
            )
        if None in (sub_id, name_zh, name_en, method, members, min_answered):
            continue
        assert members is not None and method is not None  # for mypy: checked just above
        found.append(Subscale(sub_id, name_zh, name_en, tuple(members), method, min_answered))
    return found, seen


def _bands(doc: dict[str, Any], check: _Checker) -> list[Band]:
    found: list[Band] = []
    codes: set[str] = set()
    previous: Fraction | None = None
    for n, table in enumerate(check.tables(doc, "bands", _Place("分级", "bands")), start=1):
        place = _Place(f"第 {n} 个分级", f"band {n}")
        check.unknown_keys(table, BAND_KEYS, place)
        at_least = check.value(table, "at_least", "number", place)
        code = check.value(table, "code", "str", place)
        check.code(code, CODE_RE, "code", place)
        if code is not None:
            place = _Place(f"第 {n} 个分级“{code}”", f"band {n} ({code})")
            if code in codes:
                check.add(place, "分级代码重复", "duplicate band code")
            codes.add(code)
        label_zh = check.value(table, "label_zh", "str", place)
        label_en = check.value(table, "label_en", "str", place)
        if at_least is not None:
            if previous is not None and _exact(at_least) <= previous:
                check.add(
                    place,
                    f"起点 at_least = {at_least} 须大于上一个分级的起点（分级须从低到高排列）",
                    "at_least must be above the previous band's",
                )
            previous = _exact(at_least)
        if None in (at_least, code, label_zh, label_en):
            continue
        found.append(Band(at_least, code, label_zh, label_en))
    return found


def _warnings(
    doc: dict[str, Any], check: _Checker, item_ids: set[str], subscale_ids: set[str]
) -> list[WarningRule]:
    targets = {"total"} | {f"subscale:{s}" for s in subscale_ids} | {f"item:{i}" for i in item_ids}
    found: list[WarningRule] = []
    codes: set[str] = set()
    for n, table in enumerate(check.tables(doc, "warnings", _Place("预警规则", "warnings")), 1):
        place = _Place(f"第 {n} 条预警规则", f"warning rule {n}")
        check.unknown_keys(table, WARNING_KEYS, place)
        code = check.value(table, "code", "str", place)
        check.code(code, CODE_RE, "code", place)
        if code is not None:
            place = _Place(f"第 {n} 条预警规则“{code}”", f"warning rule {n} ({code})")
            if code in codes:
                check.add(place, "规则代码重复", "duplicate rule code")
            codes.add(code)
        level_text = check.value(table, "level", "str", place)
        level = _enum(WarningLevel, level_text, "level", place, check)
        target = check.value(table, "target", "str", place)
        if target is not None and target not in targets:
            check.add(
                place,
                f"对象“{target}”不存在（可用 total、subscale:<分量表编号>、item:<题目编号>）",
                f"target {target!r} does not exist",
            )
        op = check.value(table, "op", "str", place)
        if op is not None and op not in OPS:
            check.add(
                place,
                f"比较符“{op}”无效（可用：{' '.join(OPS)}）",
                f"op {op!r} is not one of {' '.join(OPS)}",
            )
        value = check.value(table, "value", "number", place)
        reason_zh = check.value(table, "reason_zh", "str", place)
        reason_en = check.value(table, "reason_en", "str", place)
        if None in (code, level, target, op, value, reason_zh, reason_en):
            continue
        assert level is not None  # for mypy: checked just above
        found.append(WarningRule(code, level, target, op, value, reason_zh, reason_en))
    return found


def _check_band_range(definition: ScaleDefinition, check: _Checker) -> None:
    """Bands must cover the whole range of possible totals, starting at its lowest value."""
    low, high = exact_total_range(definition)
    shown = f"{float(low):g}–{float(high):g}"
    for n, band in enumerate(definition.bands, start=1):
        place = _Place(f"第 {n} 个分级“{band.code}”", f"band {n} ({band.code})")
        at_least = _exact(band.at_least)
        if n == 1 and at_least != low:
            check.add(
                place,
                f"第一个分级的起点须等于最低可能总分 {float(low):g}（现为 {band.at_least}）",
                f"the first band must start at the lowest possible total {float(low):g}",
            )
        elif not low <= at_least <= high:
            check.add(
                place,
                f"起点 {band.at_least} 超出总分范围 {shown}",
                f"at_least {band.at_least} is outside the total range {shown}",
            )


# -- the shipped library ----------------------------------------------------------
@functools.cache
def _shipped() -> Mapping[str, ScaleDefinition]:
    found: dict[str, ScaleDefinition] = {}
    for path in sorted((resources_dir() / "scales").glob("*.toml")):
        definition = parse_definition(path.read_bytes(), path.name)
        if definition.id != path.stem:
            raise DefinitionError(
                [f"文件名“{path.name}”须与量表编号一致（{definition.id}.toml）"],
                [f"file {path.name} must be named after its id ({definition.id}.toml)"],
                path.name,
            )
        found[definition.id] = definition
    return MappingProxyType(found)


def shipped() -> Mapping[str, ScaleDefinition]:
    """Every definition in ``resources/scales`` by id (read and checked once)."""
    return _shipped()


def shipped_scale(scale_id: str) -> ScaleDefinition:
    definition = shipped().get(scale_id)
    if definition is None:
        shown = scale_id[:40]
        raise StationError(f"没有编号为 {shown} 的量表。", f"No scale with id {shown}.")
    return definition
