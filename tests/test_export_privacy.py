"""Nothing that points to a person leaves in an export.

A vault is seeded through the services with distinctive identities and free text; the
last ended month is exported twice (signed only, then encrypted to a city key) with the
real statistics release; then every byte that left is searched: the raw files, every
part of the xlsx zip, the PDF's raw bytes and its extracted text, the decrypted tar
(headers included). None of the seeded names, aliases, units, phones, contacts, notes,
case codes, birth years or full dates may appear, and every published count from 1 to
k−1 must be "*".
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pyrage
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from station.export import package
from station.models import Case
from station.models.vocab import CaseSource, Concern, Gender, RankLevel, RiskLevel, ServiceKind
from station.services import cases, clients, export, sessions
from station.services.context import SignedIn

# Distinctive identities: nothing like them can occur in an export by chance.
PEOPLE = [
    # name, alias, unit, phone, emergency contact, gender, birth year, rank
    (
        "欧阳翠花",
        "",
        "青溪镇财政所",
        "13907310001",
        "欧阳大壮",
        Gender.FEMALE,
        1967,
        RankLevel.GENERAL,
    ),
    (
        "司马悦",
        "",
        "东湖街道办事处",
        "13907310002",
        "司马懿远",
        Gender.MALE,
        1973,
        RankLevel.MIDDLE,
    ),
    (
        "诸葛明珠",
        "",
        "白沙乡纪委",
        "13907310003",
        "诸葛亮堂",
        Gender.FEMALE,
        1981,
        RankLevel.GENERAL,
    ),
    (
        "上官飞燕",
        "",
        "清河县组织部",
        "13907310004",
        "上官云龙",
        Gender.FEMALE,
        1979,
        RankLevel.LEADING,
    ),
    (
        "皇甫嵩岳",
        "",
        "龙潭镇党政办",
        "13907310005",
        "皇甫秀兰",
        Gender.MALE,
        1984,
        RankLevel.GENERAL,
    ),
    ("令狐晴川", "", "柳林社区", "13907310006", "令狐冲霄", Gender.FEMALE, 1986, RankLevel.GENERAL),
    ("慕容海棠", "", "西山林场", "13907310007", "慕容复生", Gender.FEMALE, 1969, RankLevel.MIDDLE),
    ("尉迟恭谨", "", "北岭水利站", "13907310008", "尉迟敬德", Gender.MALE, 1977, RankLevel.GENERAL),
    (
        "公孙丽娟",
        "",
        "南塘派出所",
        "13907310009",
        "公孙胜利",
        Gender.FEMALE,
        1990,
        RankLevel.GENERAL,
    ),
    (
        "长孙无忌",
        "",
        "城关镇司法所",
        "13907310010",
        "长孙皇后",
        Gender.MALE,
        1971,
        RankLevel.GENERAL,
    ),
    (
        "东方既白",
        "",
        "桃源村委会",
        "13907310011",
        "东方不败",
        Gender.FEMALE,
        1988,
        RankLevel.GENERAL,
    ),
    ("夏侯惇厚", "", "石门乡农办", "13907310012", "夏侯渊博", Gender.MALE, 1975, RankLevel.MIDDLE),
]
ANONYMOUS_ALIASES = ["匿名-蓝鲸七号", "匿名-雪豹九号"]
FREE_TEXT = [
    "主诉夜间惊醒伴心悸甲乙丙",
    "干预采用正念呼吸丁戊己",
    "观察到来访者反复搓手庚辛壬",
    "计划下周复诊癸子丑",
    "过程记录仅本人可见寅卯辰",
    "风险理由提及轻生念头巳午未",
    "结案小结情绪明显好转申酉戌",
]
STAFF = ["林咨询", "王管理"]  # counsellor and custodian display names
STATION_NOT_EXPORTED = ["慈溪市某镇暖心港湾", "浙江省慈溪市", "慈溪"]
# A calendar date YYYY-MM-DD (the export's own names, "…-2026-03-000001", are not dates:
# a month, then a six-digit sequence number).
FULL_DATE = re.compile(rb"(?<!\d)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
BINARY = (".pdf", ".xlsx", ".age", "(decrypted tar)")


def _last_ended_month(today: date) -> tuple[int, int]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.year, last.month


def _seed(custodian: SignedIn, lin: SignedIn, year: int, month: int) -> dict[str, list[str]]:
    day = date(year, month, 10)
    case_ids: list[int] = []
    for i, (name, _alias, unit, phone, contact, gender, born, rank) in enumerate(PEOPLE):
        client_id = clients.register_client(
            lin,
            clients.ClientInput(
                name=name,
                unit=unit,
                phone=phone,
                emergency_contact=contact,
                gender=gender,
                birth_year=born,
                rank_level=rank,
            ),
        )
        case_ids.append(
            cases.open_case(
                lin,
                cases.CaseInput(
                    client_id=client_id,
                    source=CaseSource.SELF,
                    concerns=(Concern.WORKLOAD, Concern.SLEEP) if i % 2 else (Concern.ANXIETY,),
                    opened_on=day,
                    risk_level=RiskLevel.LOW if i == 0 else RiskLevel.NONE,
                    risk_reason=FREE_TEXT[5] if i == 0 else "",
                ),
            )
        )
    for alias in ANONYMOUS_ALIASES:
        client_id = clients.register_client(
            lin,
            clients.ClientInput(anonymous=True, alias=alias, gender=Gender.MALE, birth_year=1982),
        )
        case_ids.append(
            cases.open_case(
                lin,
                cases.CaseInput(
                    client_id=client_id,
                    source=CaseSource.SELF,
                    concerns=(Concern.CAREER,),
                    opened_on=day,
                ),
            )
        )
    for n, case_id in enumerate(case_ids):
        sessions.add_session(
            lin,
            case_id,
            sessions.SessionInput(
                kind=ServiceKind.INDIVIDUAL if n % 5 else ServiceKind.SANDPLAY,
                held_on=day + timedelta(days=n % 7),
                room="心理咨询室三号",
                presenting=FREE_TEXT[0],
                intervention=FREE_TEXT[1],
                observation=FREE_TEXT[2],
                plan=FREE_TEXT[3],
                private_note=FREE_TEXT[4],
            ),
        )
    cases.close_case(lin, case_ids[-1], FREE_TEXT[6], closed_on=day + timedelta(days=8))
    with custodian.vault.transaction() as s:
        codes = list(s.scalars(select(Case.code)))
    return {
        "names": [p[0] for p in PEOPLE],
        "aliases": ANONYMOUS_ALIASES,
        "units": [p[2] for p in PEOPLE],
        "phones": [p[3] for p in PEOPLE],
        "contacts": [p[4] for p in PEOPLE],
        "free text": [*FREE_TEXT, "心理咨询室三号"],
        "case codes": codes,
        "staff": STAFF,
        "station name": STATION_NOT_EXPORTED,
        "full dates": [f"{year:04d}-{month:02d}-{d:02d}" for d in range(1, 29)]
        + [f"{year}年{month}月{d}日" for d in range(1, 29)],
    }


def _encodings(text: str) -> Iterator[bytes]:
    yield text.encode("utf-8")
    yield text.encode("utf-16-be")
    yield text.encode("utf-16-le")
    yield text.encode("gb18030")


def _texts(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """Every form of an exported file to search: raw, unzipped parts, PDF text."""
    yield name, data
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for item in z.infolist():
                yield f"{name}!{item.filename}", z.read(item)
    if name.endswith(".pdf"):
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() for page in reader.pages)
        yield f"{name} (text)", text.encode("utf-8")
        yield f"{name} (metadata)", repr(reader.metadata).encode("utf-8")


def _check_small_counts(document: dict[str, object]) -> int:
    """Every published count is 0 or ≥ k; returns how many cells are "*"."""
    policy = document["policy"]
    assert isinstance(policy, dict)
    stars = 0
    tables = document["tables"]
    assert isinstance(tables, dict)
    for table in tables.values():
        k = policy["k_sensitive" if table["sensitivity"] == "sensitive" else "k_standard"]
        for scope in ("month", "ytd"):
            for row in table.get(scope, {}).values():
                for value in row.values():
                    if value == "*":
                        stars += 1
                    else:
                        assert isinstance(value, int) and not 1 <= value < k, value
    return stars


def test_nothing_personal_leaves(
    custodian: SignedIn, lin: SignedIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year, month = _last_ended_month(date.today())
    forbidden = _seed(custodian, lin, year, month)
    stick = tmp_path / "stick"
    stick.mkdir()

    plain = export.export_month(custodian, year, month, stick)
    identity = pyrage.x25519.Identity.generate()
    export.set_city_recipient(custodian, str(identity.to_public()))
    sealed = export.export_month(custodian, year, month, stick)
    assert not plain.encrypted and sealed.encrypted

    exported: dict[str, bytes] = {}
    for path in sorted(stick.rglob("*")):
        if path.is_file():
            exported[str(path.relative_to(stick))] = path.read_bytes()
    blob = exported[sealed.path.name]
    tar = pyrage.decrypt(blob, [identity])
    exported["(decrypted tar)"] = tar
    folder, inner = package.read_tar(tar)
    for name, data in inner.items():
        exported[f"(tar)/{name}"] = data
    assert inner["stats.json"] == (plain.path / "stats.json").read_bytes()
    # the file names themselves
    exported["(names)"] = "\n".join([*exported, folder]).encode("utf-8")

    searched = 0
    for name, data in exported.items():
        for label, content in _texts(name, data):
            searched += 1
            assert not FULL_DATE.search(content), f"a full date in {label}"
            for kind, values in forbidden.items():
                for value in values:
                    for encoded in _encodings(value):
                        assert encoded not in content, f"{kind} found in {label}"
            # birth years: as numbers of their own in any text form
            text = content.decode("utf-8", errors="replace")
            if not label.endswith(BINARY):  # binary forms: their text is searched instead
                for born in {p[6] for p in PEOPLE} | {1982}:
                    assert not re.search(rf"(?<!\d){born}(?!\d)", text), f"{born} in {label}"
    assert searched > 20

    document = json.loads(inner["stats.json"])
    stars = _check_small_counts(document)
    assert stars > 0  # the seeded month has small cells, and they are hidden
    published = [
        v
        for t in document["tables"].values()
        for row in t["month"].values()
        for v in row.values()
        if isinstance(v, int) and v > 0
    ]
    assert published  # and figures large enough to be shown

    wb = load_workbook(io.BytesIO(inner["stats.xlsx"]))
    ws = wb.active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert sum(1 for c in cells if c.value == "*") == stars
    k_min = min(document["policy"].values())
    for c in cells:
        if isinstance(c.value, int):
            assert not 1 <= c.value < k_min, c.coordinate
    pdf_text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(inner["summary.pdf"])).pages
    )
    assert "*" in pdf_text and "已隐藏" in pdf_text
