"""Settings · 量表: the scales available, a licensed scale's definition imported, and a
broken definition refused with every reason listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.services import assessments, audit
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.ui.settings_page import SettingsPage
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import table_cells

# A small licensed scale in the format of resources/scales/README.md (three items, 0–2).
VALID = """
id = "wsq3"
version = "2026.1"
short_name = "WSQ-3"
name_zh = "工作压力简表"
name_en = "Work Stress Questionnaire, 3 items"
licence = "Licensed to the station for internal use."
source = "Synthetic test scale."
instructions_zh = "请回答过去一个月的情况。"
instructions_en = "Answer for the past month."

[scoring]
method = "sum"

[[option_sets]]
id = "freq"
options = [
    { value = 0, label_zh = "没有", label_en = "Never" },
    { value = 1, label_zh = "有时", label_en = "Sometimes" },
    { value = 2, label_zh = "经常", label_en = "Often" },
]

[[items]]
id = "1"
text_zh = "工作让我感到紧张"
text_en = "Work makes me tense"
options = "freq"

[[items]]
id = "2"
text_zh = "下班后仍放不下工作"
text_en = "I cannot let go of work after hours"
options = "freq"

[[items]]
id = "3"
text_zh = "担心工作出错被问责"
text_en = "I worry about being held accountable"
options = "freq"

[[bands]]
at_least = 0
code = "low"
label_zh = "低"
label_en = "Low"

[[bands]]
at_least = 4
code = "high"
label_zh = "高"
label_en = "High"

[[warnings]]
code = "total_5"
level = "warn"
target = "total"
op = ">="
value = 5
reason_zh = "工作压力总分达到 5 分，建议关注。"
reason_en = "Work stress total of 5 or more."
"""

# The same scale with three mistakes: a missing English name, an undefined option set,
# and a warning rule with a comparison that does not exist.
BROKEN = (
    VALID.replace('name_en = "Work Stress Questionnaire, 3 items"\n', "")
    .replace('options = "freq"\n\n[[items]]\nid = "3"', 'options = "often"\n\n[[items]]\nid = "3"')
    .replace('op = ">="', 'op = "=>"')
)


def _page(qtbot: QtBot, ctx: SignedIn) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(980, 700)
    page.show()
    page.tabs.setCurrentWidget(page.scales_tab)
    return page


def _shoot(page: SettingsPage, name: str) -> None:
    QApplication.processEvents()
    assert page.grab().save(str(SHOTS / f"{name}.png"))


def test_scales_are_listed_and_a_definition_imported(
    qtbot: QtBot, custodian: SignedIn, answers: Answers, tmp_path: Path
) -> None:
    page = _page(qtbot, custodian)
    shipped = table_cells(page.scale_table)
    assert [row[0] for row in shipped] == ["CBI", "GAD-7", "K10", "K6", "PHQ-9", "WHO-5"]
    assert {row[4] for row in shipped} == {"系统自带"}

    path = tmp_path / "wsq3.toml"
    path.write_text(VALID, encoding="utf-8")
    answers.open_path = str(path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert answers.seen[-1][0] == "open"  # the file was chosen through the messages path
    assert page.import_status.text() == "已导入：WSQ-3 工作压力简表（2026.1）。"
    assert not page.problems_box.isVisible()
    rows = table_cells(page.scale_table)
    assert rows[-1] == ["WSQ-3", "工作压力简表", "2026.1", "3", "导入"]
    assert page.scale_table.selected_id() == len(rows) - 1  # the new one is selected
    assert "wsq3" in {s.id for s in assessments.scales(custodian)}
    assert audit.count(custodian, AuditFilter(action="scale_import")) == 1
    _shoot(page, "settings_scales_imported")

    # the same file again: the service says so, nothing changes
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_status.text() == "该量表定义已导入，内容相同。"
    assert len(table_cells(page.scale_table)) == len(rows)


def test_a_broken_definition_is_refused_with_every_reason(
    qtbot: QtBot, custodian: SignedIn, answers: Answers, tmp_path: Path
) -> None:
    page = _page(qtbot, custodian)
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    answers.open_path = str(path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_status.text() == "文件未导入。"
    assert page.problems_box.isVisible()
    reasons = page.problems()
    assert len(reasons) == 3, reasons
    assert any("name_en" in r for r in reasons)
    assert any("第 2 题" in r and "often" in r for r in reasons)
    assert any("预警规则" in r and "=>" in r for r in reasons)
    assert page.problems_heading.text().startswith("定义文件有 3 处问题")
    assert len(table_cells(page.scale_table)) == 6  # nothing was imported
    _shoot(page, "settings_scales_refused")

    # not UTF-8, and a file that cannot be read: a clear sentence, no crash
    path.write_bytes(VALID.replace("工作压力简表", "工作").encode("gb18030"))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert any("UTF-8" in r for r in page.problems())
    answers.open_path = str(tmp_path / "missing.toml")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_status.text().startswith("无法读取文件")
    assert not page.problems_box.isVisible()

    # the chooser cancelled: nothing happens
    answers.open_path = ""
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_status.text().startswith("无法读取文件")
