"""Legacy register import (台账导入): a station's Excel/CSV register becomes clients,
cases and service sessions.

Three steps, so that a screen or the command line can show the problems first:

1. ``parse_file`` reads an .xlsx (first sheet) or .csv (UTF-8 with or without BOM,
   else GB18030, the superset of GBK) into raw rows, each with the line number the
   user sees in Excel. Nothing is copied: the file is read in memory only.
2. ``validate`` checks EVERY row (dates, vocabulary, required fields, counsellors,
   rows of the same person that contradict each other) and groups the rows by person:
   the same 姓名+联系电话, or the same 匿名代号, within the file and against the
   clients the importing user may already see.
3. ``run_import`` writes everything in ONE transaction: a client per person (or the
   matched existing one), one open case per client and one service session per row,
   plus one audit entry with counts only. Nothing is imported while bad rows exist,
   unless the caller asks to import only the good ones.

Messages name the line and the column; they repeat a cell's value only for a
vocabulary column (服务类型, 主诉类别 …), never a name, phone, unit or date.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TypeAlias, TypeVar
from xml.etree.ElementTree import ParseError as XmlParseError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Case, CaseConcern, CaseShare, Client, RiskChange, ServiceSession, User
from station.models.enums import Role
from station.models.vocab import (
    LABELS,
    CaseSource,
    CaseStatus,
    Concern,
    Gender,
    PostType,
    RankLevel,
    RiskLevel,
    ServiceKind,
    UnitType,
)
from station.services import audit
from station.services.access import client_scope
from station.services.cases import EARLIEST_OPENING
from station.services.cases import _next_code as next_case_code
from station.services.clients import FIRST_BIRTH_YEAR, MIN_AGE, PHONE_RE
from station.services.context import SignedIn
from station.services.import_vocab import Vocabulary, load_vocabulary, normalise
from station.services.validation import normalise_login

log = logging.getLogger(__name__)

E = TypeVar("E", bound=StrEnum)

HEADERS: tuple[str, ...] = (
    "姓名",
    "匿名代号",
    "性别",
    "出生年份",
    "单位",
    "单位类型",
    "职级",
    "岗位类别",
    "联系电话",
    "来访日期",
    "服务类型",
    "主诉类别",
    "风险等级",
    "咨询师",
    "备注",
)
CONCERN_SEPARATORS = re.compile(r"[、，,；;]")
HEADER_SEARCH_ROWS = 20  # a title or notes may stand above the header row
MAX_ROWS = 50_000
MAX_CSV_BYTES = 50 * 1024 * 1024
EARLIEST_VISIT = EARLIEST_OPENING  # the same bounds as the case and client forms
EARLIEST_BIRTH_YEAR = FIRST_BIRTH_YEAR
YOUNGEST_AGE = MIN_AGE
MAX_LENGTHS = {"姓名": 40, "匿名代号": 40, "单位": 100, "联系电话": 30, "备注": 4000}
IMPORT_REASON = "台账导入"  # the reason on risk changes the import makes
ACCEPTED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")

CellValue: TypeAlias = str | int | float | bool | date | time | timedelta | None


# -- views ----------------------------------------------------------------------
@dataclass(frozen=True)
class RawRow:
    """One data row as read: header -> cell value; ``line`` as Excel shows it."""

    line: int
    values: Mapping[str, CellValue]


@dataclass(frozen=True)
class ParsedFile:
    kind: str  # "xlsx" or "csv"
    encoding: str  # "xlsx", "utf-8", "utf-8-sig", "utf-16" or "gb18030"
    header_line: int
    rows: tuple[RawRow, ...]
    ignored_columns: tuple[str, ...] = ()  # extra columns (e.g. 序号), not imported


@dataclass(frozen=True)
class BadRow:
    line: int
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "；".join(self.reasons)

    def message(self) -> str:
        return f"第 {self.line} 行：{self.reason}"


@dataclass(frozen=True)
class PlannedRow:
    """One service contact that will become a ServiceSession."""

    line: int
    held_on: date
    kind: ServiceKind
    concerns: tuple[Concern, ...]
    risk: RiskLevel
    counsellor_id: int
    notes: str


@dataclass(frozen=True)
class PlannedClient:
    """One person of the file: a new client, or an existing one the user may see."""

    first_line: int
    anonymous: bool
    name: str
    alias: str
    unit: str
    phone: str
    gender: Gender | None
    birth_year: int | None
    rank_level: RankLevel | None
    post_type: PostType | None
    unit_type: UnitType | None
    existing_client_id: int | None
    existing_case_id: int | None  # the client's open case: sessions are added to it
    rows: tuple[PlannedRow, ...]

    @property
    def opened_on(self) -> date:
        return min(r.held_on for r in self.rows)

    @property
    def concerns(self) -> tuple[Concern, ...]:
        seen: dict[Concern, None] = {}
        for row in self.rows:
            for concern in row.concerns:
                seen.setdefault(concern, None)
        return tuple(seen)

    @property
    def risk(self) -> RiskLevel:
        return max((r.risk for r in self.rows), key=lambda level: level.rank)

    @property
    def counsellor_id(self) -> int:
        return self.rows[0].counsellor_id


@dataclass(frozen=True)
class ImportPlan:
    """The checked file: what would be imported, and every bad row with its reasons."""

    user_id: int
    total_rows: int
    clients: tuple[PlannedClient, ...]
    bad_rows: tuple[BadRow, ...]

    @property
    def ok(self) -> bool:
        return not self.bad_rows

    @property
    def good_rows(self) -> int:
        return sum(len(c.rows) for c in self.clients)

    @property
    def new_clients(self) -> int:
        return sum(1 for c in self.clients if c.existing_client_id is None)

    @property
    def matched_clients(self) -> int:
        return len(self.clients) - self.new_clients

    @property
    def continued_cases(self) -> int:
        return sum(1 for c in self.clients if c.existing_case_id is not None)


@dataclass(frozen=True)
class ImportResult:
    rows: int
    clients_created: int
    clients_matched: int  # existing clients the rows were added to
    cases: int  # cases opened by the import
    cases_continued: int  # existing open cases the rows were added to
    sessions: int
    skipped_rows: int

    @property
    def clients(self) -> int:
        return self.clients_created + self.clients_matched


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (format, encoding, header)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en, field="file")


class _HeaderNotFound(ImportFileError):
    def __init__(self) -> None:
        super().__init__(
            f"找不到表头行：前 {HEADER_SEARCH_ROWS} 行中没有导入模板的列名"
            "（姓名、匿名代号、性别……）。请使用导入模板。",
            "No header row with the template's column names was found.",
        )


# -- reading the file -----------------------------------------------------------
def parse_file(path: Path) -> ParsedFile:
    """Read the register's rows; ImportFileError if the file as a whole is unusable."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            "不能直接导入旧版 .xls 文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。",
            "Old .xls files cannot be imported; save as .xlsx or CSV first.",
        )
    if suffix not in ACCEPTED_SUFFIXES:
        raise ImportFileError(
            "只能导入 .xlsx 或 .csv 文件。", "Only .xlsx and .csv files can be imported."
        )
    if not path.is_file():
        raise ImportFileError("找不到要导入的文件。", "The file to import does not exist.")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def _cell(value: object) -> CellValue:
    if value is None or isinstance(value, str | int | float | bool | date | time | timedelta):
        return value
    return str(value)


def _read_xlsx(path: Path) -> ParsedFile:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = ImportFileError(
        "无法读取这个 Excel 文件（文件已损坏，或不是 .xlsx 格式）。",
        "This Excel file cannot be read (damaged, or not .xlsx).",
    )
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, styles): not our concern
            warnings.simplefilter("ignore", UserWarning)
            book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise unreadable from None
    try:
        if not book.worksheets:
            raise unreadable
        sheet = book.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # a wrong stored size must not cut rows off
        records = (
            (line, [_cell(v) for v in values])
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        header_line, rows, ignored = _table(records)
    except (zipfile.BadZipFile, KeyError, ValueError, XmlParseError, OSError):
        raise unreadable from None
    finally:
        book.close()
    return ParsedFile("xlsx", "xlsx", header_line, rows, ignored)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data[len(codecs.BOM_UTF8) :], "utf-8")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data, "utf-16")]  # Excel's "Unicode text"
    else:
        candidates = [("utf-8", data, "utf-8"), ("gb18030", data, "gb18030")]
    for name, payload, codec in candidates:
        try:
            return payload.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        "无法识别文件的文字编码：请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。",
        "Unknown text encoding; save as CSV UTF-8 or .xlsx.",
    )


def _read_csv(path: Path) -> ParsedFile:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise ImportFileError("文件太大，无法导入。", "The file is too large to import.")
    text, encoding = _decode(path.read_bytes())
    for delimiter in (",", "\t", ";"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        records = enumerate(reader, start=1)
        try:
            header_line, rows, ignored = _table(records)
        except _HeaderNotFound:
            continue
        except csv.Error:
            raise ImportFileError(
                "CSV 文件格式有误，无法读取。", "The CSV file is malformed."
            ) from None
        return ParsedFile("csv", encoding, header_line, rows, ignored)
    raise _HeaderNotFound


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(
    records: Iterable[tuple[int, Sequence[CellValue]]],
) -> tuple[int, tuple[RawRow, ...], tuple[str, ...]]:
    """Find the header row, then turn every later non-blank row into a RawRow."""
    it: Iterator[tuple[int, Sequence[CellValue]]] = iter(records)
    columns: dict[str, int] | None = None
    header_line = 0
    ignored: list[str] = []
    for line, cells in it:
        if line > HEADER_SEARCH_ROWS:
            break
        names = [c.strip() if isinstance(c, str) else "" for c in cells]
        if sum(1 for n in names if n in HEADERS) < 2:
            continue
        columns = {}
        for index, name in enumerate(names):
            if name in HEADERS:
                if name in columns:
                    raise ImportFileError(
                        f"表头中「{name}」出现了不止一次。",
                        "A column name appears more than once in the header.",
                    )
                columns[name] = index
            elif name:
                ignored.append(name)
        header_line = line
        break
    if columns is None:
        raise _HeaderNotFound
    missing = [h for h in HEADERS if h not in columns]
    if missing:
        raise ImportFileError(
            f"表头缺少这些列：{'、'.join(missing)}。表头须与导入模板一致：{'、'.join(HEADERS)}。",
            f"The header lacks {len(missing)} of the template's columns.",
        )
    rows: list[RawRow] = []
    for line, cells in it:
        values = {h: (cells[i] if i < len(cells) else None) for h, i in columns.items()}
        if all(_blank(v) for v in values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(
                f"文件超过 {MAX_ROWS} 行，请分成几个文件导入。",
                f"More than {MAX_ROWS} rows; split the file.",
            )
        rows.append(RawRow(line, values))
    return header_line, tuple(rows), tuple(ignored)


# -- checking each row ----------------------------------------------------------
@dataclass(frozen=True)
class _User:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class _Row:
    line: int
    name: str
    alias: str
    gender: Gender | None
    birth_year: int | None
    unit: str
    unit_type: UnitType | None
    rank_level: RankLevel | None
    post_type: PostType | None
    phone: str
    planned: PlannedRow

    @property
    def anonymous(self) -> bool:
        return not self.name


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _shown(value: str) -> str:
    """A vocabulary cell as quoted back to the user (never an identity column)."""
    return value if len(value) <= 20 else value[:20] + "…"


def name_key(name: str) -> str:
    return normalise(name)


def alias_key(alias: str) -> str:
    return normalise(alias)


def phone_key(phone: str) -> str:
    """Digits only; a Chinese mobile number with +86 / 0086 matches the bare one."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone) if ch.isdigit())
    for prefix in ("0086", "86"):
        rest = digits.removeprefix(prefix)
        if rest != digits and len(rest) == 11 and rest.startswith("1"):
            return rest
    return digits


_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[ T]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DATE_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _visit_date(value: CellValue, today: date) -> date | str:
    """The date, or the reason it is refused (without repeating the value)."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        if 30_000 <= value <= 80_000:  # an Excel date serial in a cell without date format
            converted = from_excel(value)
            if isinstance(converted, datetime):
                day = converted.date()
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        match = _DATE_TEXT.match(text) or _DATE_DIGITS.match(text)
        if match:
            try:
                day = date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return "来访日期不是有效的日期（月份或日期超出范围）"
    if day is None:
        return "来访日期无法识别（可写作 2026-09-01 或 2026/9/1，或使用 Excel 日期格式）"
    if day > today:
        return "来访日期晚于今天"
    if day < EARLIEST_VISIT:
        return f"来访日期早于 {EARLIEST_VISIT.year} 年"
    return day


def _birth_year(value: CellValue, today: date) -> int | str | None:
    latest = today.year - YOUNGEST_AGE
    out_of_range = f"出生年份应为 {EARLIEST_BIRTH_YEAR} 至 {latest} 之间的四位年份"
    year: int | None = None
    if _blank(value):
        return None
    if isinstance(value, date):
        year = value.year
    elif isinstance(value, bool):
        return out_of_range
    elif isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("年").strip()
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
    if year is None or not EARLIEST_BIRTH_YEAR <= year <= latest:
        return out_of_range
    return year


def _vocab(
    vocab: Vocabulary, kind: type[E], column: str, value: CellValue, reasons: list[str]
) -> E | None:
    text = _text(value)
    if not text:
        return None
    member = vocab.resolve(kind, text)
    if member is None:
        allowed = "、".join(LABELS[kind].values())
        reasons.append(f"{column}「{_shown(text)}」无法识别（可填：{allowed}）")
    return member


def _concerns(vocab: Vocabulary, value: CellValue, reasons: list[str]) -> tuple[Concern, ...]:
    found: dict[Concern, None] = {}
    unknown: list[str] = []
    for part in CONCERN_SEPARATORS.split(_text(value)):
        part = part.strip()
        if not part:
            continue
        member = vocab.resolve(Concern, part)
        if member is None:
            unknown.append(_shown(part))
        else:
            found.setdefault(member, None)
    if unknown:
        allowed = "、".join(LABELS[Concern].values())
        reasons.append(
            f"主诉类别「{'、'.join(unknown)}」无法识别（可填：{allowed}，多个用“、”分隔）"
        )
    return tuple(found)


def _counsellor(
    ctx: SignedIn,
    text: str,
    by_login: Mapping[str, _User],
    by_display: Mapping[str, list[_User]],
    reasons: list[str],
) -> int | None:
    if not text:
        if ctx.role is Role.COUNSELLOR:
            return ctx.user_id
        reasons.append("咨询师为空：由档案管理员导入时，每一行都须填写咨询师的用户名")
        return None
    user = by_login.get(normalise_login(text))
    if user is None:
        named = by_display.get(text, [])
        if len(named) > 1:
            reasons.append("咨询师的显示名对应多个用户，请改填用户名")
            return None
        user = named[0] if named else None
    if user is None:
        reasons.append("咨询师不是本档案库的用户（请填写用户名，或留空表示导入人本人）")
        return None
    if not user.active:
        reasons.append("咨询师的账户已停用")
        return None
    if user.role is not Role.COUNSELLOR:
        reasons.append("咨询师须是“咨询师”角色的用户")
        return None
    if ctx.role is Role.COUNSELLOR and user.id != ctx.user_id:
        reasons.append("咨询师须是您本人或留空；其他咨询师的记录请由档案管理员导入")
        return None
    return user.id


def _check_row(
    ctx: SignedIn,
    raw: RawRow,
    vocab: Vocabulary,
    by_login: Mapping[str, _User],
    by_display: Mapping[str, list[_User]],
    today: date,
) -> _Row | list[str]:
    """The checked row, or every reason it is refused."""
    v = raw.values
    reasons: list[str] = []
    texts = {h: _text(v.get(h)) for h in MAX_LENGTHS}
    for column, limit in MAX_LENGTHS.items():
        if len(texts[column]) > limit:
            reasons.append(f"{column}超过 {limit} 个字")
    name, alias, unit = texts["姓名"], texts["匿名代号"], texts["单位"]
    phone = unicodedata.normalize("NFKC", texts["联系电话"]).strip()
    if not name and not alias:
        reasons.append("缺少必填项：姓名或匿名代号（至少填写一项）")
    if not name and alias:
        filled = [c for c, t in (("单位", unit), ("联系电话", phone)) if t]
        if filled:
            reasons.append(f"匿名来访者（只有匿名代号、没有姓名）不能填写{'、'.join(filled)}")
    if phone and not PHONE_RE.match(phone):
        reasons.append("联系电话格式不正确（只能包含数字、空格、括号、连字符和开头的 +）")
    gender = _vocab(vocab, Gender, "性别", v.get("性别"), reasons)
    birth = _birth_year(v.get("出生年份"), today)
    if isinstance(birth, str):
        reasons.append(birth)
        birth = None
    unit_type = _vocab(vocab, UnitType, "单位类型", v.get("单位类型"), reasons)
    rank_level = _vocab(vocab, RankLevel, "职级", v.get("职级"), reasons)
    post_type = _vocab(vocab, PostType, "岗位类别", v.get("岗位类别"), reasons)
    held_on: date | str | None = None
    if _blank(v.get("来访日期")):
        reasons.append("缺少必填项：来访日期")
    else:
        held_on = _visit_date(v.get("来访日期"), today)
        if isinstance(held_on, str):
            reasons.append(held_on)
    kind: ServiceKind | None = None
    if _blank(v.get("服务类型")):
        reasons.append("缺少必填项：服务类型")
    else:
        kind = _vocab(vocab, ServiceKind, "服务类型", v.get("服务类型"), reasons)
    concerns = _concerns(vocab, v.get("主诉类别"), reasons)
    risk = _vocab(vocab, RiskLevel, "风险等级", v.get("风险等级"), reasons)
    counsellor_id = _counsellor(ctx, _text(v.get("咨询师")), by_login, by_display, reasons)
    if reasons or not isinstance(held_on, date) or kind is None or counsellor_id is None:
        return reasons
    planned = PlannedRow(
        line=raw.line,
        held_on=held_on,
        kind=kind,
        concerns=concerns,
        risk=risk or RiskLevel.NONE,
        counsellor_id=counsellor_id,
        notes=texts["备注"],
    )
    return _Row(
        raw.line,
        name,
        alias,
        gender,
        birth,
        unit,
        unit_type,
        rank_level,
        post_type,
        phone,
        planned,
    )


# -- grouping rows by person ----------------------------------------------------
T = TypeVar("T")


@dataclass
class _Person:
    rows: list[_Row] = field(default_factory=list)
    alias: str = ""

    @property
    def first(self) -> _Row:
        return self.rows[0]

    @property
    def anonymous(self) -> bool:
        return self.first.anonymous

    def earliest(self, get: Callable[[_Row], T | None]) -> tuple[T, int] | None:
        """The first value the rows give for a field that must not change, with its line."""
        for row in self.rows:
            value = get(row)
            if value is not None:
                return value, row.line
        return None

    def latest(self, get: Callable[[_Row], T | None]) -> T | None:
        """The value of the most recent row (by date, then line) that has one.

        Unit, rank and post may change over the years a register covers.
        """
        for row in sorted(self.rows, key=lambda r: (r.planned.held_on, r.line), reverse=True):
            value = get(row)
            if value is not None and value != "":
                return value
        return None


def _assign(
    row: _Row, by_alias: dict[str, _Person], by_identity: dict[tuple[str, str], _Person]
) -> _Person | str | None:
    """The person this row belongs to (None: a new one), or why it contradicts the file."""
    a_key = alias_key(row.alias) if row.alias else ""
    by_a = by_alias.get(a_key) if a_key else None
    if row.anonymous:
        return by_a
    by_id = by_identity.get((name_key(row.name), phone_key(row.phone)))
    if by_a is not None and by_id is not None and by_a is not by_id:
        return (
            f"匿名代号与第 {by_a.first.line} 行相同，姓名+联系电话却与第 {by_id.first.line} 行"
            "相同：无法确定是哪一位来访者"
        )
    if by_a is not None and by_id is None:
        if by_a.anonymous:
            return (
                f"匿名代号已在第 {by_a.first.line} 行用于一位匿名来访者；"
                "同一人请统一按实名或匿名登记"
            )
        return f"匿名代号已在第 {by_a.first.line} 行用于另一位来访者（姓名或联系电话不同）"
    if by_id is not None and a_key and by_id.alias and alias_key(by_id.alias) != a_key:
        return f"姓名+联系电话与第 {by_id.first.line} 行相同，匿名代号却不同"
    return by_id


def _consistent(row: _Row, person: _Person) -> list[str]:
    """Gender and birth year of one person cannot differ between rows."""
    reasons = []
    gender = person.earliest(lambda r: r.gender)
    if row.gender is not None and gender is not None and gender[0] is not row.gender:
        reasons.append(f"性别与第 {gender[1]} 行（同一来访者）不一致")
    birth = person.earliest(lambda r: r.birth_year)
    if row.birth_year is not None and birth is not None and birth[0] != row.birth_year:
        reasons.append(f"出生年份与第 {birth[1]} 行（同一来访者）不一致")
    return reasons


def _group(rows: list[_Row], bad: dict[int, list[str]]) -> list[_Person]:
    persons: list[_Person] = []
    by_alias: dict[str, _Person] = {}
    by_identity: dict[tuple[str, str], _Person] = {}
    for row in rows:
        target = _assign(row, by_alias, by_identity)
        if isinstance(target, str):
            bad[row.line] = [target]
            continue
        if target is not None:
            problems = _consistent(row, target)
            if problems:
                bad[row.line] = problems
                continue
            person = target
        else:
            person = _Person()
            persons.append(person)
            if not row.anonymous:
                by_identity[(name_key(row.name), phone_key(row.phone))] = person
        person.rows.append(row)
        if row.alias and not person.alias:
            person.alias = row.alias
            by_alias[alias_key(row.alias)] = person
    return persons


def _planned(person: _Person, existing: _Match | None = None) -> PlannedClient:
    first = person.first
    gender = person.earliest(lambda r: r.gender)
    birth = person.earliest(lambda r: r.birth_year)
    return PlannedClient(
        first_line=first.line,
        anonymous=first.anonymous,
        name=first.name,
        alias=person.alias,
        unit=person.latest(lambda r: r.unit) or "",
        phone=first.phone,
        gender=gender[0] if gender else None,
        birth_year=birth[0] if birth else None,
        rank_level=person.latest(lambda r: r.rank_level),
        post_type=person.latest(lambda r: r.post_type),
        unit_type=person.latest(lambda r: r.unit_type),
        existing_client_id=existing.client_id if existing else None,
        existing_case_id=existing.case_id if existing else None,
        rows=tuple(r.planned for r in person.rows),
    )


# -- matching against the clients the user may see -----------------------------
@dataclass(frozen=True)
class _Match:
    client_id: int
    case_id: int | None  # its open case, when it has one


def _chunks(values: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    items = sorted(set(values))
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _forms(text: str) -> set[str]:
    """Spellings an existing record may use for a value (compared exactly afterwards)."""
    nfkc = unicodedata.normalize("NFKC", text).strip()
    return {text.strip(), nfkc, re.sub(r"\s+", "", text), re.sub(r"\s+", "", nfkc)}


def _candidates(session: Session, ctx: SignedIn, clients: Sequence[PlannedClient]) -> list[Client]:
    """Existing clients that share an alias or a name with the file, that the user sees.

    Only clients this user may see (``client_scope``) and that are not deleted count:
    a client the user cannot see is never revealed, the import makes a new one.
    """
    aliases = {form.lower() for c in clients if c.alias for form in _forms(c.alias)}
    names = {form for c in clients if not c.anonymous for form in _forms(c.name)}
    found: dict[int, Client] = {}
    scope = client_scope(ctx)
    columns = ((func.lower(Client.alias), aliases), (Client.name, names))
    for column, values in columns:
        for chunk in _chunks(values):
            query = select(Client).where(scope, Client.deleted_at.is_(None), column.in_(chunk))
            found.update((c.id, c) for c in session.scalars(query))
    return sorted(found.values(), key=lambda c: c.id)


def _which_client(
    planned: PlannedClient,
    by_alias: Mapping[str, list[Client]],
    by_identity: Mapping[tuple[str, str], list[Client]],
) -> Client | str | None:
    a = by_alias.get(alias_key(planned.alias), []) if planned.alias else []
    if planned.anonymous:
        if len(a) > 1:
            return "匿名代号在档案库中对应多位来访者，无法确定是哪一位"
        return a[0] if a else None
    n = by_identity.get((name_key(planned.name), phone_key(planned.phone)), [])
    if a and n:
        same = [c for c in a if c in n]
        return same[0] if same else "匿名代号和姓名+联系电话分别对应档案库中不同的来访者"
    if a:
        return "匿名代号已被档案库中另一位来访者使用（姓名或联系电话不同）"
    if n:
        client = n[0]
        if planned.alias and client.alias and alias_key(client.alias) != alias_key(planned.alias):
            return "档案库中同一姓名+联系电话的来访者使用另一个匿名代号"
        return client
    return None


def _open_case(session: Session, client_id: int) -> Case | None:
    return session.scalars(
        select(Case)
        .where(
            Case.client_id == client_id,
            Case.deleted_at.is_(None),
            Case.status == CaseStatus.OPEN.value,
        )
        .order_by(Case.id)
    ).first()


def _match_existing(
    session: Session, ctx: SignedIn, clients: Sequence[PlannedClient]
) -> list[_Match | str | None]:
    """Per planned client: the existing client (and open case) it continues, None for a
    new client, or why it contradicts the vault."""
    by_alias: dict[str, list[Client]] = {}
    by_identity: dict[tuple[str, str], list[Client]] = {}
    for client in _candidates(session, ctx, clients):
        if client.alias:
            by_alias.setdefault(alias_key(client.alias), []).append(client)
        if client.name and not client.anonymous:
            key = (name_key(client.name), phone_key(client.phone))
            by_identity.setdefault(key, []).append(client)
    out: list[_Match | str | None] = []
    claimed: dict[int, int] = {}  # existing client id -> first line of the file's person
    for planned in clients:
        found = _which_client(planned, by_alias, by_identity)
        if found is None or isinstance(found, str):
            out.append(found)
            continue
        earlier = claimed.setdefault(found.id, planned.first_line)
        if earlier != planned.first_line:
            out.append(
                f"与第 {earlier} 行是档案库中的同一位来访者：同一人请统一填写匿名代号"
                "或姓名+联系电话"
            )
            continue
        case = _open_case(session, found.id)
        if case is None:
            out.append(_Match(found.id, None))
        elif ctx.role is Role.CUSTODIAN or ctx.user_id in _counsellors_of(case):
            out.append(_Match(found.id, case.id))
        else:
            out.append("该来访者在档案库中已有进行中的个案，您不是它的咨询师：请由档案管理员导入")
    return out


def _counsellors_of(case: Case) -> set[int]:
    return {case.counsellor_id} | {share.user_id for share in case.shares}


# -- validate -------------------------------------------------------------------
def _require_importer(ctx: SignedIn) -> None:
    """Counsellors and the custodian import; the station lead sees no person's record."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN)


def _users(session: Session) -> list[_User]:
    return [
        _User(u.id, u.login, u.display_name, Role(u.role), u.active)
        for u in session.scalars(select(User).order_by(User.id))
    ]


def validate(ctx: SignedIn, parsed: ParsedFile, vocabulary: Vocabulary | None = None) -> ImportPlan:
    """Check every row and group rows by person; nothing is written."""
    _require_importer(ctx)
    vocab = vocabulary if vocabulary is not None else load_vocabulary()
    today = date.today()
    bad: dict[int, list[str]] = {}
    with ctx.vault.transaction() as s:
        users = _users(s)
        by_login = {u.login: u for u in users}
        by_display: dict[str, list[_User]] = {}
        for user in users:
            by_display.setdefault(user.display_name.strip(), []).append(user)
        checked: list[_Row] = []
        for raw in parsed.rows:
            result = _check_row(ctx, raw, vocab, by_login, by_display, today)
            if isinstance(result, list):
                bad[raw.line] = result
            else:
                checked.append(result)
        persons = _group(checked, bad)
        matches = _match_existing(s, ctx, [_planned(p) for p in persons])
    clients: list[PlannedClient] = []
    for person, match in zip(persons, matches, strict=True):
        if isinstance(match, str):
            for row in person.rows:
                bad[row.line] = [match]
        else:
            clients.append(_planned(person, match))
    return ImportPlan(
        user_id=ctx.user_id,
        total_rows=len(parsed.rows),
        clients=tuple(clients),
        bad_rows=tuple(BadRow(line, tuple(bad[line])) for line in sorted(bad)),
    )


# -- import ---------------------------------------------------------------------
def _create_client(session: Session, ctx: SignedIn, planned: PlannedClient) -> int:
    client = Client(
        anonymous=planned.anonymous,
        alias=planned.alias,
        name=planned.name,
        unit=planned.unit,
        phone=planned.phone,
        gender=planned.gender.value if planned.gender else None,
        birth_year=planned.birth_year,
        rank_level=planned.rank_level.value if planned.rank_level else None,
        post_type=planned.post_type.value if planned.post_type else None,
        unit_type=planned.unit_type.value if planned.unit_type else None,
        created_by=ctx.user_id,
    )
    session.add(client)
    session.flush()
    return client.id


def _raise_risk(session: Session, ctx: SignedIn, case: Case, level: RiskLevel) -> None:
    """Raise (never lower) the case's level, with its history row like the risk service."""
    old = RiskLevel(case.risk_level)
    if level.rank <= old.rank:
        return
    session.add(
        RiskChange(
            case_id=case.id,
            from_level=old.value,
            to_level=level.value,
            reason=IMPORT_REASON,
            changed_by=ctx.user_id,
        )
    )
    case.risk_level = level.value


def _create_case(session: Session, client_id: int, planned: PlannedClient) -> Case:
    opened_on = planned.opened_on
    case = Case(
        code=next_case_code(session, opened_on.year),
        client_id=client_id,
        counsellor_id=planned.counsellor_id,
        status=CaseStatus.OPEN.value,
        opened_on=opened_on,
        source=CaseSource.OTHER.value,
        risk_level=RiskLevel.NONE.value,
        concerns=[],
        shares=[],
    )
    session.add(case)
    session.flush()
    return case


def _continue_case(session: Session, ctx: SignedIn, case: Case, planned: PlannedClient) -> None:
    """Add the planned rows' concerns, risk, counsellors and dates to the case."""
    have = {c.concern for c in case.concerns}
    case.concerns.extend(
        CaseConcern(concern=c.value) for c in planned.concerns if c.value not in have
    )
    counsellors = _counsellors_of(case)
    for user_id in dict.fromkeys(r.counsellor_id for r in planned.rows):
        if user_id not in counsellors:  # they held a session: they see the case
            case.shares.append(CaseShare(user_id=user_id))
    _raise_risk(session, ctx, case, planned.risk)
    if planned.opened_on < case.opened_on:  # sessions never predate the case
        case.opened_on = planned.opened_on
    session.flush()


def _add_session(session: Session, ctx: SignedIn, case_id: int, row: PlannedRow) -> None:
    session.add(
        ServiceSession(
            case_id=case_id,
            kind=row.kind.value,
            held_on=row.held_on,
            counsellor_id=row.counsellor_id,
            presenting=row.notes,
            risk_level=row.risk.value,
            created_by=ctx.user_id,
        )
    )


class _Stale(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "校验之后档案库有了变动（用户、来访者或个案），请重新校验文件后再导入。",
            "The vault changed since the file was checked; check it again.",
            field="file",
        )


def _check_counsellors(session: Session, plan: ImportPlan) -> None:
    wanted = {r.counsellor_id for c in plan.clients for r in c.rows}
    usable = set(
        session.scalars(
            select(User.id).where(
                User.id.in_(wanted), User.active.is_(True), User.role == Role.COUNSELLOR.value
            )
        )
    )
    if usable != wanted:
        raise _Stale


def run_import(ctx: SignedIn, plan: ImportPlan, only_good_rows: bool = False) -> ImportResult:
    """Import the plan in one transaction: all of it, or nothing.

    Each person becomes a new client, or continues the existing client it matched;
    the rows go into that client's open case, or into a new open case (source
    “other”, concerns the union of the rows', risk the highest, counsellor the
    first row's; the other rows' counsellors are shared on it). One session per row.
    """
    _require_importer(ctx)
    if plan.user_id != ctx.user_id:
        raise ValidationError(
            "这份校验结果属于另一位用户，请重新校验文件。",
            "The checked file belongs to another user; check it again.",
            field="file",
        )
    if plan.bad_rows and not only_good_rows:
        n = len(plan.bad_rows)
        raise ValidationError(
            f"文件中有 {n} 行有误，未导入任何记录。请改正后重新导入，或选择只导入无误的行。",
            f"{n} rows are wrong; nothing was imported.",
            field="file",
        )
    if not plan.clients:
        raise ValidationError("没有可以导入的行。", "No row can be imported.", field="file")
    created = matched = opened = continued = sessions = 0
    with ctx.vault.transaction() as s:
        _check_counsellors(s, plan)
        matches = _match_existing(s, ctx, plan.clients)
        for planned, match in zip(plan.clients, matches, strict=True):
            if isinstance(match, str):
                raise _Stale
            if match is None:
                client_id = _create_client(s, ctx, planned)
                created += 1
            else:
                client_id = match.client_id
                matched += 1
            case = s.get(Case, match.case_id) if match and match.case_id else None
            if case is None:
                case = _create_case(s, client_id, planned)
                opened += 1
            else:
                continued += 1
            _continue_case(s, ctx, case, planned)
            for row in planned.rows:
                _add_session(s, ctx, case.id, row)
                sessions += 1
        s.flush()
        audit.record(
            s,
            ctx,
            "legacy_import",
            detail=(
                f"rows={plan.good_rows} clients={created + matched} new_clients={created} "
                f"cases={opened} continued_cases={continued} sessions={sessions}"
            ),
        )
    log.info(
        "legacy import: %d rows, %d clients (%d new), %d new cases, %d continued, "
        "%d sessions, %d rows skipped",
        plan.good_rows,
        created + matched,
        created,
        opened,
        continued,
        sessions,
        len(plan.bad_rows),
    )
    return ImportResult(
        rows=plan.good_rows,
        clients_created=created,
        clients_matched=matched,
        cases=opened,
        cases_continued=continued,
        sessions=sessions,
        skipped_rows=len(plan.bad_rows),
    )
