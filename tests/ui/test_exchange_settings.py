"""Settings › 转介与上报: station contact, referral reminder, statistics policy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station.services import settings, statistics
from station.services.context import SignedIn
from station.ui.exchange_settings import ExchangeSettings
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import retype


def _tab(qtbot: QtBot, ctx: SignedIn) -> ExchangeSettings:
    tab = ExchangeSettings(ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 760)
    tab.show()
    return tab


def test_contact_and_reminder_days_are_saved(qtbot: QtBot, custodian: SignedIn) -> None:
    tab = _tab(qtbot, custodian)
    assert tab.days_spin.value() == 14
    retype(qtbot, tab.contact_edit, "电话 0000-0000000，二楼 201 室")
    tab.days_spin.setValue(21)
    qtbot.mouseClick(tab.forms_button, Qt.MouseButton.LeftButton)
    assert tab.forms_status.text() == "已保存。"
    assert settings.station_contact(custodian) == "电话 0000-0000000，二楼 201 室"
    assert settings.referral_feedback_days(custodian) == 21


def test_policy_file_is_validated_and_applied(
    qtbot: QtBot, custodian: SignedIn, answers: Answers, tmp_path: Path
) -> None:
    tab = _tab(qtbot, custodian)
    assert "5" in tab.policy_label.text() and "10" in tab.policy_label.text()

    too_low = tmp_path / "low.toml"
    too_low.write_text("k_standard = 2\nk_sensitive = 10\n", encoding="utf-8")
    answers.open_path = str(too_low)
    qtbot.mouseClick(tab.policy_button, Qt.MouseButton.LeftButton)
    assert "策略文件有误" in tab.policy_status.text()
    assert statistics.current_policy(custodian).policy.k_standard == 5

    raised = tmp_path / "city.toml"
    raised.write_text('k_standard = 6\nk_sensitive = 12\nissued_by = "市干部心理服务中心"\n')
    answers.open_path = str(raised)
    qtbot.mouseClick(tab.policy_button, Qt.MouseButton.LeftButton)
    assert statistics.current_policy(custodian).policy.k_sensitive == 12
    assert "12" in tab.policy_label.text() and "市干部心理服务中心" in tab.policy_label.text()

    qtbot.mouseClick(tab.default_button, Qt.MouseButton.LeftButton)
    assert statistics.current_policy(custodian).policy.k_sensitive == 10
    tab.grab().save(str(SHOTS / "settings-exchange.png"))
