"""转介去向目录: the custodian adds, corrects, retires and reactivates entries; a counsellor
browses, filters and searches, and can change nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import DestinationKind
from station.services import destinations
from station.services.context import SignedIn
from station.services.destinations import DestinationInput
from station.ui.destinations_page import DestinationDialog, DestinationsPage
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import choose, click, ime_type, large_font, table_cells

__all__ = ["large_font"]  # a fixture


def _page(qtbot: QtBot, ctx: SignedIn) -> DestinationsPage:
    page = DestinationsPage(ctx)
    qtbot.addWidget(page)
    page.resize(980, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def _seed(custodian: SignedIn) -> dict[str, int]:
    entries = [
        DestinationInput(
            "市第七人民医院 心理科",
            DestinationKind.HOSPITAL,
            "0574-6300 0000，门诊三楼，周一至周五",
            "抑郁、焦虑、睡眠障碍",
            "需提前电话预约",
        ),
        DestinationInput(
            "张教授（心理治疗师）", DestinationKind.EXPERT, "139 0000 0000", "沙盘、创伤"
        ),
        DestinationInput("市心理援助热线", DestinationKind.HOTLINE, "96525，24 小时", "危机干预"),
    ]
    return {e.name: destinations.add_destination(custodian, e) for e in entries}


def _names(page: DestinationsPage) -> list[str]:
    return [row[0] for row in table_cells(page.table)]


def test_custodian_adds_edits_retires_and_reactivates(
    qtbot: QtBot, custodian: SignedIn, answers: Answers
) -> None:
    ids = _seed(custodian)
    page = _page(qtbot, custodian)
    assert _names(page) == ["市第七人民医院 心理科", "张教授（心理治疗师）", "市心理援助热线"]
    assert page.add_button.isVisible()

    # add: the kind must be chosen; the service's message shows at the field
    dialog = page.add_destination()
    assert isinstance(dialog, DestinationDialog)
    ime_type(dialog.name_edit, "县精神卫生中心")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.fields.messages().keys() == {"kind"}
    assert dialog.name_edit.text() == "县精神卫生中心"  # nothing typed is lost
    choose(dialog.kind_combo, DestinationKind.HOSPITAL.value)
    ime_type(dialog.specialties_edit, "精神科评估、药物治疗")
    ime_type(dialog.contact_edit, "0574-6300 1111")
    dialog.grab().save(str(SHOTS / "destination_dialog.png"))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert "县精神卫生中心" in _names(page)
    selected = page.selected()
    assert selected is not None and selected.name == "县精神卫生中心"
    assert page.status.text() == "已新增转介去向。"

    # edit: a duplicate name is refused at the name field
    assert page.select_name("市心理援助热线")
    dialog = page.edit_destination()
    assert dialog is not None
    dialog.name_edit.selectAll()
    ime_type(dialog.name_edit, "张教授（心理治疗师）")
    click(qtbot, dialog.ok_button)
    assert "同名" in dialog.fields.messages()["name"]
    dialog.name_edit.selectAll()
    ime_type(dialog.name_edit, "全国心理援助热线")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert "全国心理援助热线" in _names(page)

    # retire: asked first; gone from the list until "show retired" is ticked
    assert page.select_name("张教授（心理治疗师）")
    assert page.retire_button.text() == "停用"
    click(qtbot, page.retire_button)
    assert answers.seen[-1][1] == "停用转介去向"
    assert "张教授（心理治疗师）" not in _names(page)
    assert "显示已停用" in page.status.text()
    page.inactive_box.setChecked(True)
    assert page.select_name("张教授（心理治疗师）")
    row = _names(page).index("张教授（心理治疗师）")
    assert table_cells(page.table)[row][-1] == "已停用"
    assert page.retire_button.text() == "重新启用"
    click(qtbot, page.retire_button)
    assert ids["张教授（心理治疗师）"] in {v.id for v in destinations.list_destinations(custodian)}
    assert page.retire_button.text() == "停用"
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "destinations_custodian.png"))


def test_counsellor_browses_read_only(qtbot: QtBot, custodian: SignedIn, lin: SignedIn) -> None:
    _seed(custodian)
    page = _page(qtbot, lin)
    for widget in (page.add_button, page.edit_button, page.retire_button, page.inactive_box):
        assert not widget.isVisible()
    assert page.add_destination() is None
    assert page.select_name("市第七人民医院 心理科")
    assert page.edit_destination() is None
    # the selected entry's contact and notes show below the table
    assert page.contact_value.text() == "0574-6300 0000，门诊三楼，周一至周五"
    assert page.notes_value.text() == "需提前电话预约"

    choose(page.kind_filter, DestinationKind.EXPERT.value)
    assert _names(page) == ["张教授（心理治疗师）"]
    choose(page.kind_filter, "")
    ime_type(page.search_edit, "危机")
    assert _names(page) == ["市心理援助热线"]
    page.search_edit.clear()
    ime_type(page.search_edit, "预约 抑郁")  # every word, over specialties and notes
    assert _names(page) == ["市第七人民医院 心理科"]
    ime_type(page.search_edit, "沙盘")
    assert _names(page) == []
    assert page.empty_label.text() == "没有符合筛选条件的条目。"
    page.search_edit.clear()
    assert len(_names(page)) == 3
    QApplication.processEvents()
    page.grab().save(str(SHOTS / "destinations_counsellor.png"))


def test_empty_directory_says_who_fills_it(
    qtbot: QtBot, custodian: SignedIn, lin: SignedIn
) -> None:
    page = _page(qtbot, lin)
    assert page.empty_label.isVisible()
    assert "档案管理员" in page.empty_label.text()
    mine = _page(qtbot, custodian)
    assert "新增去向" in mine.empty_label.text()
    mine.activateWindow()
    qtbot.waitUntil(mine.isActiveWindow)
    mine.search_edit.setFocus()
    qtbot.keyClick(mine.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(mine.dialog, DestinationDialog)
    mine.dialog.reject()


def test_readable_at_a_large_font(qtbot: QtBot, custodian: SignedIn, large_font: None) -> None:
    _seed(custodian)
    page = _page(qtbot, custodian)
    assert page.select_name("市第七人民医院 心理科")
    table: QTableWidget = page.table
    assert table.rowCount() == 3
    dialog = page.edit_destination()
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    captions = [dialog.fields[n].caption.text() for n in ("name", "kind", "specialties")]
    assert captions == ["名称", "类别", "擅长领域"]
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "destination_dialog_large.png"))
    page.grab().save(str(SHOTS / "destinations_large.png"))
    dialog.reject()
