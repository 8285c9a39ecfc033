"""Sandplay details and tray photos in the session form: add two photos from the
user's files, thumbnails, the viewer (caption, previous/next, remove), read-only for
the custodian, and no photo bytes left in any new file of the temp folder."""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.models.vocab import ServiceKind
from station.services import sandplay, sessions
from station.services.context import SignedIn
from station.ui.case_view import CaseView
from station.ui.photo_viewer import PhotoViewer
from station.ui.sandplay_panel import SandplayPanel
from tests.test_sandplay import _leaks, _snapshot
from tests.ui.conftest import Answers
from tests.ui.test_case_view import (
    click,
    large_font,
    make_team,
    open_view,
    retype,
    row_of_kind,
    shot,
)


def tray_png(width: int, height: int, seed: int) -> bytes:
    """A tray-like picture (sand, a few coloured figures, grain) as PNG bytes, made in
    memory with QImage and QBuffer."""
    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xD8C08A)
    for y in range(height):  # grain, so each photo's bytes are its own
        for x in range(0, width, 3):
            shade = 0xC8 + rng.randint(0, 40)
            image.setPixel(x, y, (shade << 16) | ((shade - 20) << 8) | (shade - 70))
    for _ in range(6):
        colour = rng.choice((0x3A6EA5, 0x4F8A3C, 0xA33A3A, 0x6B4E9B, 0x2F6F73))
        cx, cy, r = rng.randint(10, width - 10), rng.randint(10, height - 10), rng.randint(4, 12)
        for y in range(max(0, cy - r), min(height, cy + r)):
            for x in range(max(0, cx - r), min(width, cx + r)):
                image.setPixel(x, y, colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _sandplay_form(qtbot: QtBot, view: CaseView) -> SandplayPanel:
    form = view.new_session(ServiceKind.SANDPLAY)
    assert form is not None
    panel = form.sandplay_panel
    assert panel is not None and panel.isVisible()
    assert not panel.add_button.isEnabled() and panel.wait_note.isVisible()
    retype(qtbot, form.presenting_edit, "第三次沙盘，主题延续。")
    retype(qtbot, panel.figures_edit.edit, "房子、小桥、大树、士兵")
    retype(qtbot, panel.themes_edit.edit, "保护，连接")
    retype(qtbot, panel.stage_edit, "第3次（共8次）")
    retype(qtbot, panel.story_edit, "小桥把两边的村子连起来了。")
    click(qtbot, form.save_button)
    assert form.fields.messages() == {} and form.session_id is not None
    assert panel.add_button.isEnabled() and not panel.wait_note.isVisible()
    return panel


def test_two_photos_thumbnails_viewer_and_removal(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, tmp_path: Path, answers: Answers
) -> None:
    temp = Path(tempfile.gettempdir())
    before = _snapshot(temp)
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id, (1000, 900))
    panel = _sandplay_form(qtbot, view)
    assert panel.figures_edit.tags() == ("房子", "小桥", "大树", "士兵")
    assert panel.themes_edit.tags() == ("保护", "连接")
    session_id = panel.session_id
    assert session_id is not None
    details = sessions.session_view(team.lin, session_id).sandplay
    assert details is not None and details.series_stage == "第3次（共8次）"

    # the user's own photo files (left where they are)
    images = [tray_png(320, 240, 1), tray_png(240, 320, 2)]
    files = [tmp_path / "托盘一.png", tmp_path / "托盘二.png"]
    for path, data in zip(files, images, strict=True):
        path.write_bytes(data)
    for path in files:
        answers.open_path = str(path)
        click(qtbot, panel.add_button)
        assert answers.seen[-1][0] == "open"
        assert not panel.photo_error.isVisible(), panel.photo_error.text()
    assert [p.read_bytes() for p in files] == images  # untouched
    assert panel.photo_list.count() == 2
    for row in range(2):
        item = panel.photo_list.item(row)
        assert not item.icon().isNull()
        assert item.text() == f"照片 {row + 1}"
    assert panel.count_label.text() == "已有 2 张，最多 12 张"
    form = view.form
    assert form is not None
    QApplication.processEvents()
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot(view, "sandplay_panel")
    shot(panel, "sandplay_panel_only")

    # the viewer: Enter on a thumbnail
    panel.photo_list.setFocus()
    panel.photo_list.setCurrentRow(0)
    qtbot.keyClick(panel.photo_list, Qt.Key.Key_Return)
    viewer = panel.viewer
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitExposed(viewer)
    assert viewer.image().width() == 320 and viewer.image().height() == 240
    assert viewer.position_label.text() == "第 1 张，共 2 张"
    retype(qtbot, viewer.caption_edit, "初始沙盘：小桥")
    qtbot.keyClick(viewer.caption_edit, Qt.Key.Key_Return)
    assert viewer.caption_status.text() == "说明已保存。"
    photos = sandplay.list_photos(team.lin, session_id)
    assert [p.caption for p in photos] == ["初始沙盘：小桥", ""]
    assert panel.photo_list.item(0).text() == "初始沙盘：小桥"
    shot(viewer, "photo_viewer")
    click(qtbot, viewer.next_button)
    assert viewer.index == 1 and viewer.image().width() == 240
    assert not viewer.next_button.isEnabled()

    # removing asks first; No keeps the photo
    answers.reply = False
    click(qtbot, viewer.remove_button)
    assert answers.seen[-1][1] == "删除这张照片？"
    assert len(sandplay.list_photos(team.lin, session_id)) == 2
    answers.reply = True
    click(qtbot, viewer.remove_button)
    remaining = sandplay.list_photos(team.lin, session_id)
    assert [p.id for p in remaining] == [photos[0].id]
    assert (
        viewer.isVisible()
        and viewer.index == 0
        and viewer.position_label.text() == "第 1 张，共 1 张"
    )
    assert panel.photo_list.count() == 1
    stored = sandplay.photo_bytes(team.lin, remaining[0].id)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()

    # nothing of the photos was written to a new file in the temp folder (the user's
    # own files aside); the vault, also under it, holds them only encrypted
    for ctx in (team.lin, team.wang):
        ctx.vault.close()
    after = _snapshot(temp)
    changed = [p for p, stamp in after.items() if before.get(p) != stamp and p not in files]
    assert changed  # the vault's own files at least
    assert _leaks([*images, stored], changed) == []


def test_custodian_sees_photos_read_only(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    sid = sessions.add_session(
        team.lin,
        team.case_id,
        sessions.SessionInput(kind=ServiceKind.SANDPLAY, held_on=date.today()),
    )
    sandplay.add_photo(team.lin, sid, tray_png(200, 150, 3), "托盘全景")
    view = open_view(qtbot, custodian, team.case_id)
    view.open_item(row_of_kind(view, "沙盘"))
    form = view.form
    assert form is not None and form.sandplay_panel is not None
    panel = form.sandplay_panel
    assert not panel.add_button.isVisible() and panel.photo_list.count() == 1
    assert panel.figures_edit.edit.isReadOnly()
    viewer = panel.open_photo(0)
    assert viewer is not None
    assert not viewer.remove_button.isVisible() and viewer.caption_edit.isReadOnly()
    assert viewer.caption_edit.text() == "托盘全景"
    viewer.reject()


def test_a_bad_file_is_refused_at_the_photo(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, tmp_path: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    panel = _sandplay_form(qtbot, view)
    not_a_photo = tmp_path / "记录.png"
    not_a_photo.write_bytes(b"this is not an image at all")
    answers.open_path = str(not_a_photo)
    click(qtbot, panel.add_button)
    assert "JPEG" in panel.photo_error.text() and panel.photo_error.isVisible()
    answers.open_path = str(tmp_path / "gone.png")
    click(qtbot, panel.add_button)
    assert panel.photo_error.text() == "无法读取所选文件。"
    answers.open_path = ""  # cancelled: nothing happens
    click(qtbot, panel.add_button)
    assert panel.photo_list.count() == 0


def test_sandplay_at_a_large_font(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, tmp_path: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    with large_font():
        view = open_view(qtbot, team.lin, team.case_id, (1100, 900))
        panel = _sandplay_form(qtbot, view)
        for seed in (4, 5):
            path = tmp_path / f"{seed}.png"
            path.write_bytes(tray_png(320, 240, seed))
            answers.open_path = str(path)
            click(qtbot, panel.add_button)
        form = view.form
        assert form is not None
        QApplication.processEvents()
        bar = form.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())
        shot(view, "sandplay_panel_large")
        viewer = panel.open_photo(1)
        assert viewer is not None
        qtbot.waitExposed(viewer)
        shot(viewer, "photo_viewer_large")
        viewer.reject()
        view.close()
