"""Definition files: the shipped ones parse, and the validator refuses broken ones with
reasons that name the place in the file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.errors import StationError
from station.paths import resources_dir
from station.scales import library
from station.scales.definition import Method, MissingRule, WarningLevel
from station.scales.library import DefinitionError, parse_definition

SCALES = resources_dir() / "scales"
PHQ9 = (SCALES / "phq9.toml").read_text(encoding="utf-8")
CBI = (SCALES / "cbi.toml").read_text(encoding="utf-8")
WHO5 = (SCALES / "who5.toml").read_text(encoding="utf-8")


@pytest.fixture
def fresh_library() -> Iterator[None]:
    library._shipped.cache_clear()
    yield
    library._shipped.cache_clear()


def edited(text: str, old: str, new: str, count: int = 1) -> bytes:
    """``text`` with the ``count``-th occurrence of ``old`` replaced (it must be there)."""
    at = -1
    for _ in range(count):
        at = text.index(old, at + 1)
    return (text[:at] + new + text[at + len(old) :]).encode("utf-8")


def reasons(data: bytes) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        parse_definition(data, "broken.toml")
    error = caught.value
    assert isinstance(error, StationError)
    assert error.zh == "量表定义文件有误：" + "；".join(error.reasons)
    assert len(error.reasons_en) == len(error.reasons)
    return error.reasons


# -- the shipped library ---------------------------------------------------------------
def test_every_shipped_file_parses() -> None:
    shipped = library.shipped()
    assert sorted(shipped) == ["cbi", "gad7", "k10", "k6", "phq9", "who5"]
    assert {p.stem for p in SCALES.glob("*.toml")} == set(shipped)
    for scale_id, definition in shipped.items():
        data = (SCALES / f"{scale_id}.toml").read_bytes()
        assert definition.digest == hashlib.sha256(data).hexdigest()
        assert definition.bands and definition.warnings


@pytest.mark.parametrize(
    ("scale_id", "items", "values", "missing", "max_missing"),
    [
        ("phq9", 9, (0, 1, 2, 3), MissingRule.PRORATE, 2),
        ("gad7", 7, (0, 1, 2, 3), MissingRule.PRORATE, 2),
        ("who5", 5, (5, 4, 3, 2, 1, 0), MissingRule.NONE, 0),
        ("k10", 10, (1, 2, 3, 4, 5), MissingRule.PRORATE, 1),
        ("k6", 6, (0, 1, 2, 3, 4), MissingRule.NONE, 0),
        ("cbi", 19, (100, 75, 50, 25, 0), MissingRule.PRORATE, 16),
    ],
)
def test_shipped_scale_shapes(
    scale_id: str, items: int, values: tuple[int, ...], missing: MissingRule, max_missing: int
) -> None:
    definition = library.shipped_scale(scale_id)
    assert len(definition.items) == items
    assert {definition.option_set(i).values for i in definition.items} == {values}
    assert definition.scoring.missing is missing
    assert definition.scoring.max_missing == max_missing
    assert all(i.text_zh and i.text_en for i in definition.items)


def test_who5_multiplies_by_four() -> None:
    assert library.shipped_scale("who5").scoring.multiplier == 4


def test_phq9_item9_rule_is_critical() -> None:
    rules = {r.code: r for r in library.shipped_scale("phq9").warnings}
    assert rules["item9"].target == "item:9" and rules["item9"].op == ">"
    assert rules["item9"].value == 0 and rules["item9"].level is WarningLevel.CRITICAL


def test_cbi_structure() -> None:
    cbi = library.shipped_scale("cbi")
    assert cbi.scoring.method is Method.MEAN
    assert [i.id for i in cbi.items if i.reverse] == ["13"]
    degree = [i.id for i in cbi.items if i.options == "degree"]
    assert degree == ["7", "8", "9", "14", "15", "16", "17"]
    subscales = {s.id: s for s in cbi.subscales}
    assert subscales["personal"].items == tuple(str(n) for n in range(1, 7))
    assert subscales["work"].items == tuple(str(n) for n in range(7, 14))
    assert subscales["client"].items == tuple(str(n) for n in range(14, 20))
    assert {s.min_answered for s in cbi.subscales} == {3}
    assert {s.method for s in cbi.subscales} == {Method.MEAN}
    assert "服务对象" in cbi.item("14").text_zh


def test_unknown_scale_id() -> None:
    with pytest.raises(StationError) as caught:
        library.shipped_scale("scl90")
    assert caught.value.zh == "没有编号为 scl90 的量表。"
    assert caught.value.en == "No scale with id scl90."


def test_shipped_file_must_be_named_after_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_library: None
) -> None:
    (tmp_path / "scales").mkdir()
    (tmp_path / "scales" / "depression.toml").write_text(PHQ9, encoding="utf-8")
    monkeypatch.setattr(library, "resources_dir", lambda: tmp_path)
    with pytest.raises(DefinitionError) as caught:
        library.shipped()
    assert "depression.toml" in caught.value.zh and "phq9.toml" in caught.value.zh


def test_readme_example_parses_and_scores() -> None:
    readme = (SCALES / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.DOTALL)
    assert len(blocks) == 1
    definition = parse_definition(blocks[0].encode("utf-8"), "example.toml")
    assert definition.id == "licensed_example"
    assert [i.id for i in definition.items if i.reverse] == ["3", "5"]
    assert {s.id for s in definition.subscales} == {"sleep", "strain"}
    assert {r.level for r in definition.warnings} == set(WarningLevel)


def test_readme_records_the_pss10_finding() -> None:
    readme = (SCALES / "README.md").read_text(encoding="utf-8")
    assert "PSS-10" in readme and "Mind Garden" in readme
    for licensed in ("SCL-90", "PSQI", "ISI", "MBI", "C-SSRS"):
        assert licensed in readme
    assert not (SCALES / "pss10.toml").exists()


# -- the validator -------------------------------------------------------------------------
BROKEN = [
    pytest.param(
        edited(PHQ9, 'options = "freq"', 'options = "freqq"', count=3),
        "第 3 题：选项组“freqq”未定义",
        id="undefined-option-set",
    ),
    pytest.param(
        edited(
            PHQ9,
            PHQ9[PHQ9.index("options = [") : PHQ9.index("]\n", PHQ9.index("options = [")) + 1],
            "options = []",
        ),
        "选项组“freq”：没有选项",
        id="missing-options",
    ),
    pytest.param(
        edited(PHQ9, "{ value = 1,", "{ value = 0,"),
        "选项组“freq”第 2 个选项：选项值 0 重复",
        id="duplicate-option-value",
    ),
    pytest.param(
        edited(PHQ9, "{ value = 2,", '{ value = "2",'),
        "选项组“freq”第 3 个选项：“value”须为整数",
        id="option-value-text",
    ),
    pytest.param(
        edited(PHQ9, "{ value = 3,", "{ value = true,"),
        "选项组“freq”第 4 个选项：“value”须为整数",
        id="option-value-bool",
    ),
    pytest.param(
        edited(PHQ9, 'id = "2"', 'id = "1"'),
        "第 2 题：题目编号“1”重复",
        id="duplicate-item-id",
    ),
    pytest.param(
        edited(PHQ9, 'options = "freq"', 'options = "freq"\nreverce = true'),
        "第 1 题：未知的键“reverce”",
        id="typo-key",
    ),
    pytest.param(
        edited(PHQ9, 'options = "freq"', 'options = "freq"\nreverse = "yes"'),
        "第 1 题：“reverse”须为布尔值（true 或 false）",
        id="reverse-not-bool",
    ),
    pytest.param(
        edited(PHQ9, 'name_zh = "患者健康问卷抑郁量表"\n', ""),
        "量表信息：缺少“name_zh”",
        id="missing-name",
    ),
    pytest.param(
        edited(PHQ9, 'id = "phq9"', 'id = "PHQ-9"'),
        "量表信息：量表编号“PHQ-9”须为 2–32 位小写字母、数字或下划线",
        id="bad-scale-id",
    ),
    pytest.param(
        edited(PHQ9, "short_name", "shortname"),
        "量表信息：未知的键“shortname”",
        id="unknown-top-key",
    ),
    pytest.param(
        edited(PHQ9, "at_least = 10", "at_least = 3"),
        "第 3 个分级“moderate”：起点 at_least = 3 须大于上一个分级的起点",
        id="bands-not-ascending",
    ),
    pytest.param(
        edited(PHQ9, "at_least = 0", "at_least = 1"),
        "第 1 个分级“minimal”：第一个分级的起点须等于最低可能总分 0",
        id="first-band-above-lowest",
    ),
    pytest.param(
        edited(PHQ9, "at_least = 20", "at_least = 28"),
        "第 5 个分级“severe”：起点 28 超出总分范围 0–27",
        id="band-beyond-range",
    ),
    pytest.param(
        edited(PHQ9, 'target = "item:9"', 'target = "item:10"'),
        "第 3 条预警规则“item9”：对象“item:10”不存在",
        id="unknown-item-in-rule",
    ),
    pytest.param(
        edited(PHQ9, 'op = ">"', 'op = "=>"'),
        "第 3 条预警规则“item9”：比较符“=>”无效",
        id="bad-op",
    ),
    pytest.param(
        edited(PHQ9, 'level = "critical"', 'level = "urgent"'),
        "第 3 条预警规则“item9”：“level”的值“urgent”无效",
        id="bad-level",
    ),
    pytest.param(
        edited(PHQ9, 'code = "total_20"', 'code = "total_10"'),
        "第 2 条预警规则“total_10”：规则代码重复",
        id="duplicate-rule-code",
    ),
    pytest.param(
        edited(PHQ9, "max_missing = 2", "max_missing = 9"),
        "计分规则 [scoring]：max_missing 须在 1 到 8 之间",
        id="max-missing-not-below-items",
    ),
    pytest.param(
        edited(PHQ9, "max_missing = 2\n", ""),
        "计分规则 [scoring]：按比例折算（prorate）须写明 max_missing",
        id="prorate-without-max-missing",
    ),
    pytest.param(
        edited(PHQ9, 'method = "sum"', 'method = "median"'),
        "计分规则 [scoring]：“method”的值“median”无效",
        id="bad-method",
    ),
    pytest.param(
        edited(WHO5, "multiplier = 4", "multiplier = 0"),
        "计分规则 [scoring]：乘数 multiplier 须大于 0",
        id="multiplier-zero",
    ),
    pytest.param(
        edited(WHO5, "multiplier = 4", "multiplier = inf"),
        "计分规则 [scoring]：“multiplier”须为有限的数字",
        id="multiplier-infinite",
    ),
    pytest.param(
        edited(PHQ9, "value = 10", "value = nan"),
        "第 1 条预警规则“total_10”：“value”须为有限的数字",
        id="rule-value-nan",
    ),
    pytest.param(
        edited(WHO5, 'missing = "none"', 'missing = "none"\nmax_missing = 1'),
        "计分规则 [scoring]：缺答规则为 none 时不能设置 max_missing",
        id="max-missing-without-prorate",
    ),
    pytest.param(
        edited(CBI, "round_prorated = false", "round_prorated = true"),
        "计分规则 [scoring]：均值计分（mean）不能取整",
        id="mean-rounded",
    ),
    pytest.param(
        edited(CBI, 'items = ["1", "2", "3", "4", "5", "6"]', 'items = ["1", "2", "20"]'),
        "分量表“personal”：题目“20”不存在",
        id="unknown-item-in-subscale",
    ),
    pytest.param(
        edited(CBI, "min_answered = 3", "min_answered = 7"),
        "分量表“personal”：min_answered 须在 1 到 6 之间",
        id="min-answered-too-high",
    ),
    pytest.param(
        edited(CBI, "min_answered = 3", "min_answered = 0", count=2),
        "分量表“work”：min_answered 须在 1 到 7 之间",
        id="min-answered-zero",
    ),
    pytest.param(
        edited(CBI, 'target = "subscale:client"', 'target = "subscale:clients"'),
        "第 5 条预警规则“client_50”：对象“subscale:clients”不存在",
        id="unknown-subscale-in-rule",
    ),
    pytest.param(
        ("items = []\n" + PHQ9.split("[[items]]")[0]).encode("utf-8"),
        "题目：至少需要一道题",
        id="no-items",
    ),
    pytest.param(
        PHQ9.replace("[scoring]", "[scoring_rule]").encode("utf-8"),
        "计分规则 [scoring]：缺少计分规则表 [scoring]",
        id="no-scoring",
    ),
    pytest.param(
        edited(PHQ9, 'instructions_zh = "', 'instructions_zh = "\n'),
        "不是有效的 TOML 格式",
        id="invalid-toml",
    ),
    pytest.param(
        PHQ9.encode("gb18030"),
        "文件不是 UTF-8 编码",
        id="not-utf8",
    ),
]


@pytest.mark.parametrize(("data", "expected"), BROKEN)
def test_broken_definition_is_refused_with_a_reason_naming_the_place(
    data: bytes, expected: str
) -> None:
    found = reasons(data)
    assert any(expected in r for r in found), found


def test_every_problem_is_reported_at_once() -> None:
    data = edited(PHQ9, 'options = "freq"', 'options = "nope"', count=3).decode()
    data = data.replace('op = ">"', 'op = "=>"').replace('level = "high"', 'level = "hi"')
    found = reasons(data.encode("utf-8"))
    assert len(found) == 3
    assert found[0].startswith("第 3 题：")
    assert found[1].startswith("第 2 条预警规则“total_20”：")
    assert found[2].startswith("第 3 条预警规则“item9”：")


def test_reasons_have_english_too() -> None:
    with pytest.raises(DefinitionError) as caught:
        parse_definition(edited(PHQ9, 'options = "freq"', 'options = "x"'), "broken.toml")
    assert caught.value.reasons_en == ["item 1: option set 'x' is not defined"]
    assert caught.value.en.startswith("Bad scale definition file: ")
    assert caught.value.name == "broken.toml"


def test_digest_follows_the_bytes() -> None:
    one = parse_definition(PHQ9.encode("utf-8"), "phq9.toml")
    two = parse_definition((PHQ9 + "\n# 注释\n").encode("utf-8"), "phq9.toml")
    assert one.digest != two.digest
    assert one.items == two.items
