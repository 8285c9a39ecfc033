"""Write the legacy-register import templates from the importer's own definitions.

    .venv/bin/python tools/make_import_template.py

Writes ``resources/import/template.xlsx`` (the header row, drop-down lists of the
canonical labels, and a second sheet 说明 with the instructions and allowed values)
and ``resources/import/template.csv`` (the header row only, UTF-8 with BOM so that
Excel opens it with the Chinese intact). Run it again whenever the headers or the
canonical labels (``station.models.vocab.LABELS``) change.
"""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from station.models.vocab import LABELS  # noqa: E402
from station.services.import_vocab import COLUMN_KINDS, import_resources_dir  # noqa: E402
from station.services.legacy_import import (  # noqa: E402
    CONCERN_SEPARATORS,
    EARLIEST_BIRTH_YEAR,
    HEADERS,
    MAX_LENGTHS,
)

DATA_ROWS = 5000  # rows that get the drop-down lists and column formats
WIDTHS = {
    "姓名": 10,
    "匿名代号": 12,
    "性别": 7,
    "出生年份": 10,
    "单位": 24,
    "单位类型": 12,
    "职级": 11,
    "岗位类别": 11,
    "联系电话": 15,
    "来访日期": 12,
    "服务类型": 13,
    "主诉类别": 24,
    "风险等级": 10,
    "咨询师": 11,
    "备注": 40,
}
DROP_DOWNS = ("性别", "单位类型", "职级", "岗位类别", "服务类型", "风险等级")
REQUIRED = {"来访日期", "服务类型"}
FIXED_TIME = datetime(2026, 1, 1)  # document properties: no build time, no author

NOTES: dict[str, str] = {
    "姓名": "实名来访者填写；匿名来访者留空、只填匿名代号。姓名与匿名代号至少填一项。",
    "匿名代号": "匿名来访者的代号（如 A-001）。同一代号的各行视为同一人。",
    "性别": "从下拉列表选择。",
    "出生年份": f"四位年份，如 1985（{EARLIEST_BIRTH_YEAR} 年以后）。",
    "单位": "实名来访者的工作单位。匿名来访者不得填写。",
    "单位类型": "从下拉列表选择。",
    "职级": "从下拉列表选择。",
    "岗位类别": "从下拉列表选择。",
    "联系电话": "实名来访者的电话。匿名来访者不得填写。同一姓名+联系电话的各行视为同一人。",
    "来访日期": "必填。写作 2026-09-01 或 2026/9/1，或使用 Excel 日期格式；不能晚于今天。",
    "服务类型": "必填。从下拉列表选择。",
    "主诉类别": "可填多个，用顿号“、”分隔，如：工作负荷、睡眠问题。",
    "风险等级": "从下拉列表选择；留空视为“无”。",
    "咨询师": "咨询师在本系统中的用户名（登录名）；留空表示导入人本人。"
    "档案管理员导入时每行都须填写。",
    "备注": "本次来访的简要情况，导入后记入服务记录的“来访情况”。",
}

GUIDE = [
    "一、每一行是一次服务（一次来访）。同一个人来访多次，就写多行：",
    "    实名来访者按“姓名+联系电话”识别为同一人，匿名来访者按“匿名代号”识别。",
    "二、导入时为每位来访者建立一个个案（状态：进行中，来源：其他），",
    "    主诉类别取各行之和，风险等级取各行中最高的一级，咨询师取此人第一行的咨询师；",
    "    每一行生成一条服务记录，备注记入“来访情况”。",
    "三、导入前会先检查每一行，有误的行会列出行号和原因，全部改正之前不导入任何记录；",
    "    也可以选择跳过有误的行、只导入无误的行。导入是一次完成的：要么全部导入，要么全不导入。",
    "四、常见的其他写法（如“沙盘游戏”“个案咨询”“失眠”）会自动对应到规范写法，",
    "    对应关系见 resources/import/synonyms.toml，可由站点补充。",
    "五、请勿修改“台账”页的表头；可以在右侧增加“序号”等列，导入时忽略。空行也会被忽略。",
    "六、台账含有来访者的个人信息：导入完成后，请按规定删除或加密保存原始文件，",
    "    不要留在 U 盘或桌面上。",
]

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def _allowed(column: str) -> str:
    kind: type[StrEnum] | None = COLUMN_KINDS.get(column)
    return "、".join(LABELS[kind].values()) if kind is not None else ""


def _register_sheet(ws: Worksheet) -> None:
    ws.title = "台账"
    ws.append(list(HEADERS))
    for index, header in enumerate(HEADERS, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[letter].width = WIDTHS[header]
        area = f"{letter}2:{letter}{DATA_ROWS + 1}"
        if header in DROP_DOWNS:
            allowed = list(LABELS[COLUMN_KINDS[header]].values())
            check = DataValidation(
                type="list",
                formula1='"' + ",".join(allowed) + '"',
                allow_blank=True,
                showDropDown=False,  # False shows the arrow (Excel's inverted flag)
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle=header,
                error=f"请从下拉列表中选择：{'、'.join(allowed)}",
                showInputMessage=False,
            )
        else:
            limit = MAX_LENGTHS.get(header)
            prompt = NOTES[header] + (f"（最多 {limit} 字）" if limit else "")
            check = DataValidation(
                allow_blank=True,
                showInputMessage=True,
                promptTitle=header,
                prompt=prompt[:255],
            )
        check.add(area)
        ws.add_data_validation(check)
        if header == "来访日期":
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
        elif header in ("联系电话", "匿名代号"):
            ws.column_dimensions[letter].number_format = "@"  # keep leading zeros
    ws.row_dimensions[1].height = 22
    ws.freeze_panes = "A2"


def _guide_sheet(ws: Worksheet) -> None:
    ws.title = "说明"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 60
    ws.append(["台账导入说明"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for line in GUIDE:
        ws.append([line])
    ws.append([])
    ws.append(["列名", "必填", "填写说明", "可选值（规范写法）"])
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for header in HEADERS:
        required = "是" if header in REQUIRED else ""
        if header in ("姓名", "匿名代号"):
            required = "二选一"
        ws.append([header, required, NOTES[header], _allowed(header)])
        for cell in ws[ws.max_row]:
            cell.alignment = WRAP
    ws.append([])
    others = " ".join(c for c in CONCERN_SEPARATORS.pattern.strip("[]") if c != "、")
    ws.append([f"主诉类别的分隔符：顿号“、”（也接受 {others}）。"])
    ws.append([])
    ws.append(["示例（请勿把示例写进“台账”页）："])
    ws.append(list(HEADERS))
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT
    ws.append(
        [
            "张某某",
            "",
            "男",
            1985,
            "某某镇人民政府",
            "乡镇街道",
            "一般干部",
            "窗口服务",
            "13800000000",
            "2026-09-01",
            "初访",
            "工作负荷、睡眠问题",
            "低",
            "lin",
            "首次来访，近期加班多，入睡困难",
        ]
    )
    anonymous: list[str | int] = ["", "A-001", "女", 1990, "", "机关部门", "中层干部", "机关"]
    anonymous += ["", "2026/9/3", "沙盘", "职业发展", "无", "", "匿名来访"]
    ws.append(anonymous)


def build(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.properties.creator = "station"
    book.properties.lastModifiedBy = "station"
    book.properties.created = FIXED_TIME
    book.properties.title = "台账导入模板"
    first = book.active
    assert isinstance(first, Worksheet)
    _register_sheet(first)
    _guide_sheet(book.create_sheet())
    book.active = 0
    xlsx = folder / "template.xlsx"
    book.save(xlsx)
    csv_path = folder / "template.csv"
    csv_path.write_bytes(("\ufeff" + ",".join(HEADERS) + "\r\n").encode("utf-8"))
    return xlsx, csv_path


def main() -> int:
    for path in build(import_resources_dir()):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
