"""Checking and cleaning sandplay tray photos, without Qt or PIL.

A photo is accepted only when it is a JPEG or a PNG by its magic bytes AND its
structure parses: every JPEG segment up to the end-of-image marker, or every PNG
chunk with a correct CRC up to IEND. Width and height come from the frame header
(JPEG SOF) or IHDR (PNG).

Metadata is stripped, not rejected. What is kept is only what a viewer needs to
draw the picture correctly; everything else is dropped:

- JPEG: APP0 JFIF is kept without its embedded thumbnail, APP2 ICC colour
  profiles and APP14 Adobe (colour transform) are kept. APP1 (EXIF, XMP), every
  other APPn (IPTC, maker notes, MPF), comments and bytes after the end-of-image
  marker (phones append preview or depth images there) are dropped. When the EXIF
  block carried an orientation other than "normal", a minimal EXIF block holding
  that one tag is written in its place so the tray is not shown sideways; no
  other EXIF value (camera, time taken, GPS position, serial number, thumbnail)
  survives, and nothing derived from EXIF is stored anywhere else.
- PNG: the critical chunks and the colour/transparency/animation chunks are
  kept; text chunks (tEXt, zTXt, iTXt), eXIf, tIME, any unknown ancillary chunk
  and bytes after IEND are dropped.

All of this works on bytes in memory; nothing is written to a file.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from station.errors import ValidationError

JPEG_MIME = "image/jpeg"
PNG_MIME = "image/png"
MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_SIDE = 20_000
MAX_PIXELS = 100_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SOI = b"\xff\xd8"
FIELD = "photo"

# JPEG frame types a common decoder (libjpeg) reads: baseline, extended, progressive.
_SOF_SUPPORTED = {0xC0, 0xC1, 0xC2}
_SOF_ALL = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_RST = set(range(0xD0, 0xD8))
_EXIF_ID = b"Exif\x00\x00"
_JFIF_ID = b"JFIF\x00"
_ICC_ID = b"ICC_PROFILE\x00"
_ADOBE_ID = b"Adobe"
_ORIENTATION_TAG = 0x0112

# PNG chunks kept: critical ones, then what affects how the pixels look or move.
_PNG_CRITICAL = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
_PNG_KEEP = _PNG_CRITICAL | {
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"bKGD",
    b"pHYs",
    b"hIST",
    b"cICP",
    b"mDCv",
    b"cLLi",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


@dataclass(frozen=True)
class ImageInfo:
    mime: str
    width: int
    height: int


def _bad(zh: str, en: str) -> ValidationError:
    return ValidationError(zh, en, field=FIELD)


def _damaged() -> ValidationError:
    return _bad("图片文件已损坏或不完整，无法读取。", "The image file is damaged or incomplete.")


def _check_size(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise _damaged()
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _bad(
            f"图片尺寸过大（每边不超过 {MAX_SIDE} 像素，总计不超过 1 亿像素）。",
            "The image is too large in pixels.",
        )


def sniff(data: bytes) -> str | None:
    """The MIME type by magic bytes, or None when the data is neither JPEG nor PNG."""
    if data.startswith(PNG_SIGNATURE):
        return PNG_MIME
    if data.startswith(JPEG_SOI + b"\xff"):
        return JPEG_MIME
    return None


def clean(data: bytes) -> tuple[bytes, ImageInfo]:
    """Check a photo and return it with its metadata stripped, plus its type and size.

    Raises ValidationError (field "photo") for anything that is not a whole,
    readable JPEG or PNG within the limits.
    """
    if not data:
        raise _bad("请选择一张照片。", "No photo data.")
    if len(data) > MAX_PHOTO_BYTES:
        raise _bad("照片不能超过 15 MB。", "A photo is at most 15 MB.")
    mime = sniff(data)
    if mime == PNG_MIME:
        return _clean_png(data)
    if mime == JPEG_MIME:
        return _clean_jpeg(data)
    raise _bad("只接受 JPEG 或 PNG 格式的照片。", "Only JPEG and PNG photos are accepted.")


def dimensions(prefix: bytes) -> tuple[int, int] | None:
    """Width and height read from the first bytes of a stored photo, or None when the
    prefix is too short to reach the header (the caller then reads the whole photo)."""
    if prefix.startswith(PNG_SIGNATURE):
        if len(prefix) < 24:
            return None
        width, height = struct.unpack(">II", prefix[16:24])
        return int(width), int(height)
    if not prefix.startswith(JPEG_SOI):
        return None
    pos = 2
    while pos + 4 <= len(prefix):
        if prefix[pos] != 0xFF:
            return None
        marker = prefix[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _SOF_ALL:
            if pos + 9 > len(prefix):
                return None
            height, width = struct.unpack(">HH", prefix[pos + 5 : pos + 9])
            return int(width), int(height)
        if marker == 0xDA or marker == 0xD9:
            return None
        (length,) = struct.unpack(">H", prefix[pos + 2 : pos + 4])
        pos += 2 + length
    return None


# -- PNG ---------------------------------------------------------------------------------


def _clean_png(data: bytes) -> tuple[bytes, ImageInfo]:
    pos = len(PNG_SIGNATURE)
    kept: list[bytes] = [PNG_SIGNATURE]
    width = height = 0
    color_type = -1
    seen_plte = seen_idat = idat_closed = False
    first = True
    while True:
        if pos + 8 > len(data):
            raise _damaged()
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if length > 0x7FFFFFFF or end > len(data) or not kind.isalpha():
            raise _damaged()
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : end])
        if zlib.crc32(kind + body) != crc:
            raise _damaged()
        if first:
            if kind != b"IHDR" or length != 13:
                raise _damaged()
            width, height, depth, color_type, compression, filtering, interlace = struct.unpack(
                ">IIBBBBB", body
            )
            if (
                depth not in _PNG_DEPTHS.get(color_type, set())
                or compression != 0
                or filtering != 0
                or interlace not in (0, 1)
            ):
                raise _damaged()
            _check_size(width, height)
            first = False
        elif kind == b"IHDR":
            raise _damaged()
        if kind == b"IDAT":
            if idat_closed:
                raise _damaged()
            seen_idat = True
        elif seen_idat:
            idat_closed = True
        if kind == b"PLTE":
            seen_plte = True
        critical = kind[0:1].isupper()
        if critical and kind not in _PNG_CRITICAL:
            raise _bad(
                "PNG 图片使用了无法识别的格式扩展。", "The PNG uses an unknown critical chunk."
            )
        if kind in _PNG_KEEP:
            kept.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    if not seen_idat or (color_type == 3 and not seen_plte):
        raise _damaged()
    return b"".join(kept), ImageInfo(PNG_MIME, width, height)


# -- JPEG --------------------------------------------------------------------------------


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _exif_orientation(payload: bytes) -> int | None:
    """The orientation tag (1-8) of an APP1 EXIF payload, or None."""
    if not payload.startswith(_EXIF_ID):
        return None
    tiff = payload[len(_EXIF_ID) :]
    if tiff[:4] == b"II*\x00":
        order = "<"
    elif tiff[:4] == b"MM\x00*":
        order = ">"
    else:
        return None
    try:
        (ifd,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
        for i in range(count):
            at = ifd + 2 + 12 * i
            tag, kind, n = struct.unpack(order + "HHI", tiff[at : at + 8])
            if tag == _ORIENTATION_TAG and kind == 3 and n == 1:
                (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
                return int(value) if 1 <= value <= 8 else None
    except struct.error:
        return None
    return None


def _orientation_only_exif(orientation: int) -> bytes:
    """A minimal APP1 EXIF payload carrying only the orientation tag."""
    tiff = b"MM\x00*" + struct.pack(">I", 8)
    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", _ORIENTATION_TAG, 3, 1, orientation, 0)
    return _EXIF_ID + tiff + ifd + struct.pack(">I", 0)


def _keep_app(marker: int, payload: bytes) -> bytes | None:
    """The segment to write for an APPn/COM segment, or None to drop it."""
    if marker == 0xE0 and payload.startswith(_JFIF_ID) and len(payload) >= 14:
        # JFIF header without its thumbnail: thumbnail width and height set to 0.
        return _segment(marker, payload[:12] + b"\x00\x00")
    if marker == 0xE1:
        orientation = _exif_orientation(payload)
        if orientation is not None and orientation != 1:
            return _segment(marker, _orientation_only_exif(orientation))
        return None
    if marker == 0xE2 and payload.startswith(_ICC_ID):
        return _segment(marker, payload)
    if marker == 0xEE and payload.startswith(_ADOBE_ID):
        return _segment(marker, payload)
    return None


def _scan_end(data: bytes, pos: int) -> int:
    """The offset of the first marker after entropy-coded data starting at ``pos``."""
    while True:
        at = data.find(b"\xff", pos)
        if at < 0 or at + 1 >= len(data):
            raise _damaged()
        nxt = data[at + 1]
        if nxt == 0x00 or nxt in _RST:
            pos = at + 2
        elif nxt == 0xFF:
            pos = at + 1  # fill byte before a marker
        else:
            return at


def _clean_jpeg(data: bytes) -> tuple[bytes, ImageInfo]:
    out: list[bytes] = [JPEG_SOI]
    pos = 2
    frame: tuple[int, int] | None = None
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise _damaged()
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            break
        if marker in _RST or marker in (0x01, 0xD8, 0x00):
            raise _damaged()
        if pos + 4 > len(data):
            raise _damaged()
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise _damaged()
        payload = data[pos + 4 : end]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            kept = _keep_app(marker, payload)
            if kept is not None:
                out.append(kept)
            pos = end
            continue
        if marker in _SOF_ALL:
            if frame is not None or len(payload) < 6:
                raise _damaged()
            if marker not in _SOF_SUPPORTED:
                raise _bad(
                    "不支持这种 JPEG 编码方式，请用相机或手机的普通 JPEG 格式。",
                    "This JPEG coding process is not supported.",
                )
            precision, height, width, components = struct.unpack(">BHHB", payload[:6])
            if precision != 8 or components not in (1, 3, 4) or len(payload) < 6 + 3 * components:
                raise _damaged()
            _check_size(width, height)
            frame = (width, height)
        out.append(data[pos:end])
        pos = end
        if marker == 0xDA:
            if frame is None:
                raise _damaged()
            scan_end = _scan_end(data, pos)
            out.append(data[pos:scan_end])
            pos = scan_end
    if frame is None:
        raise _damaged()
    return b"".join(out), ImageInfo(JPEG_MIME, frame[0], frame[1])
