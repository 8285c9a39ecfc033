"""Sandplay (沙盘): details of a sandplay session and its tray photos.

Photos live only inside the encrypted database (``SandplayPhoto.content``). They are
checked and cleaned in memory (``photos.clean``: JPEG or PNG by magic bytes and a
parsable structure, metadata stripped) and go from the caller's bytes straight into
the database; nothing is written to a file or the temp folder, here or on the way
out (``photo_bytes`` returns bytes for the UI to show from memory).

The session's counsellors write (details, photos); whoever may see the case reads.
Viewing a photo is audited (``photo_view``); listing photos gives no image bytes.
A removed photo is deleted from the database at once (the vault's secure_delete
overwrites its pages), with its audit entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import SandplayDetail, SandplayPhoto, ServiceSession
from station.models.vocab import ServiceKind
from station.services import access, audit, photos
from station.services.context import SignedIn
from station.services.sessions import (
    NOTE_MAX,
    TAG_SEPARATOR,
    SandplayDetails,
    session_for_reading,
    session_for_work,
)
from station.services.validation import check_text

__all__ = [
    "MAX_PHOTOS",
    "PhotoInfo",
    "SandplayDetails",
    "SandplayInput",
    "add_photo",
    "list_photos",
    "photo_bytes",
    "remove_photo",
    "set_photo_caption",
    "set_sandplay_details",
]

MAX_PHOTOS = 12
MAX_TAGS = 60
TAG_MAX = 20
STAGE_MAX = 40
CAPTION_MAX = 200
HEADER_PREFIX = 256 * 1024  # enough to reach a cleaned photo's size header
_TAG_SPLIT = re.compile(r"[、,，;；\n]+")


@dataclass(frozen=True)
class SandplayInput:
    figures: tuple[str, ...] = ()  # miniatures used; each item may hold several, "、"-separated
    themes: tuple[str, ...] = ()
    story: str = ""  # the client's own story
    observations: str = ""  # the counsellor's observations
    series_stage: str = ""  # e.g. 第3次（共8次）/ 初期


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    session_id: int
    position: int
    mime: str
    width: int
    height: int
    size_bytes: int
    caption: str
    created_at: datetime


def clean_tags(values: Iterable[str], field: str, label: str) -> tuple[str, ...]:
    """Tags without blanks or repeats, in the order given."""
    if isinstance(values, str):
        values = (values,)
    tags: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise ValidationError(f"{label}无效。", f"{field} is not text.", field=field)
        for part in _TAG_SPLIT.split(value):
            tag = part.strip()
            if not tag or tag in tags:
                continue
            if len(tag) > TAG_MAX:
                raise ValidationError(
                    f"{label}中的每一项不能超过 {TAG_MAX} 个字。",
                    f"A {field} tag is longer than {TAG_MAX}.",
                    field=field,
                )
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError(
            f"{label}最多 {MAX_TAGS} 项。", f"At most {MAX_TAGS} {field} tags.", field=field
        )
    return tuple(tags)


def _require_sandplay(row: ServiceSession) -> None:
    if row.kind != ServiceKind.SANDPLAY.value:
        raise ValidationError(
            "只有“沙盘”类型的服务记录才能填写沙盘详情或添加照片。",
            "Only a sandplay session has sandplay details and photos.",
            field="kind",
        )


def set_sandplay_details(ctx: SignedIn, session_id: int, data: SandplayInput) -> None:
    """Replace the sandplay details of a sandplay session (its case's counsellors)."""
    figures = clean_tags(data.figures, "figures", "沙具")
    themes = clean_tags(data.themes, "themes", "主题")
    story = check_text(data.story, "story", "来访者的叙述", NOTE_MAX, required=False)
    observations = check_text(data.observations, "observations", "咨询师观察", NOTE_MAX, False)
    stage = check_text(data.series_stage, "series_stage", "系列阶段", STAGE_MAX, required=False)
    with ctx.vault.transaction() as s:
        row, _case = session_for_work(s, ctx, session_id)
        _require_sandplay(row)
        detail = s.get(SandplayDetail, row.id)
        if detail is None:
            detail = SandplayDetail(session_id=row.id)
            s.add(detail)
        values = {
            "figures": TAG_SEPARATOR.join(figures),
            "themes": TAG_SEPARATOR.join(themes),
            "story": story,
            "observations": observations,
            "series_stage": stage,
        }
        changed = [name for name, value in values.items() if getattr(detail, name) != value]
        for name in changed:
            setattr(detail, name, values[name])
        if changed:
            audit.record(s, ctx, "sandplay_edit", "session", row.id, ",".join(changed))


def add_photo(ctx: SignedIn, session_id: int, data: bytes, caption: str = "") -> int:
    """Store a tray photo (JPEG or PNG, at most 15 MB, 12 per session) inside the
    encrypted database, with its metadata stripped; returns the photo's id."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValidationError("请选择一张照片。", "No photo data.", field="photo")
    content, info = photos.clean(bytes(data))
    text = check_text(caption, "caption", "照片说明", CAPTION_MAX, required=False)
    with ctx.vault.transaction() as s:
        row, _case = session_for_work(s, ctx, session_id)
        _require_sandplay(row)
        count, last = s.execute(
            select(func.count(), func.max(SandplayPhoto.position)).where(
                SandplayPhoto.session_id == row.id
            )
        ).one()
        if count >= MAX_PHOTOS:
            raise ValidationError(
                f"每次沙盘最多保存 {MAX_PHOTOS} 张照片。",
                f"At most {MAX_PHOTOS} photos per session.",
                field="photo",
            )
        photo = SandplayPhoto(
            session_id=row.id,
            position=(last or 0) + 1,
            mime=info.mime,
            content=content,
            caption=text,
        )
        s.add(photo)
        s.flush()
        audit.record(s, ctx, "photo_add", "photo", photo.id, f"session={row.id}")
        return photo.id


def _photo(session: Session, ctx: SignedIn, photo_id: int) -> SandplayPhoto:
    photo = session.get(SandplayPhoto, photo_id)
    if photo is None:
        raise access.NotFound("照片")
    try:
        session_for_reading(session, ctx, photo.session_id)
    except access.NotFound:
        raise access.NotFound("照片") from None
    return photo


def photo_bytes(ctx: SignedIn, photo_id: int) -> bytes:
    """The photo's image bytes, for showing from memory (audited ``photo_view``)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        photo = _photo(s, ctx, photo_id)
        content = bytes(photo.content)
        audit.record(s, ctx, "photo_view", "photo", photo.id, f"session={photo.session_id}")
        return content


def set_photo_caption(ctx: SignedIn, photo_id: int, caption: str) -> None:
    text = check_text(caption, "caption", "照片说明", CAPTION_MAX, required=False)
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        photo = _photo(s, ctx, photo_id)
        session_for_work(s, ctx, photo.session_id)
        if photo.caption != text:
            photo.caption = text
            audit.record(s, ctx, "photo_edit", "photo", photo.id, f"session={photo.session_id}")


def remove_photo(ctx: SignedIn, photo_id: int) -> None:
    """Delete a photo from the database (the session's counsellors, case open)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        photo = _photo(s, ctx, photo_id)
        session_for_work(s, ctx, photo.session_id)
        photo_id, session_id = photo.id, photo.session_id
        s.delete(photo)
        audit.record(s, ctx, "photo_remove", "photo", photo_id, f"session={session_id}")


def list_photos(ctx: SignedIn, session_id: int) -> list[PhotoInfo]:
    """The session's photos in order, without their bytes."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = session_for_reading(s, ctx, session_id)
        found = s.execute(
            select(
                SandplayPhoto.id,
                SandplayPhoto.position,
                SandplayPhoto.mime,
                func.length(SandplayPhoto.content),
                func.substr(SandplayPhoto.content, 1, HEADER_PREFIX),
                SandplayPhoto.caption,
                SandplayPhoto.created_at,
            )
            .where(SandplayPhoto.session_id == row.id)
            .order_by(SandplayPhoto.position, SandplayPhoto.id)
        ).all()
        result = []
        for pid, position, mime, size, prefix, caption, created_at in found:
            dims = photos.dimensions(bytes(prefix))
            if dims is None:  # a header beyond the prefix: read the whole photo
                content = s.scalar(select(SandplayPhoto.content).where(SandplayPhoto.id == pid))
                dims = photos.dimensions(bytes(content or b""))
            width, height = dims or (0, 0)
            result.append(
                PhotoInfo(
                    id=pid,
                    session_id=row.id,
                    position=position,
                    mime=mime,
                    width=width,
                    height=height,
                    size_bytes=int(size),
                    caption=caption,
                    created_at=created_at,
                )
            )
        return result
