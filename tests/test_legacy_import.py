"""Legacy register import (台账): parsing, row checks with line numbers, matching rows of
the same person, one transaction, roles, and no plaintext left behind."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from station.errors import PermissionDenied, ValidationError
from station.models import (
    AuditEntry,
    Case,
    CaseConcern,
    CaseCounter,
    CaseShare,
    Client,
    RiskChange,
    ServiceSession,
)
from station.models.enums import Role
from station.models.vocab import Concern, Gender, RiskLevel, ServiceKind, UnitType
from station.services import accounts, audit, legacy_import
from station.services.context import SignedIn
from station.services.import_vocab import (
    COLUMN_KINDS,
    SynonymTableError,
    import_resources_dir,
    load_vocabulary,
    parse_synonyms,
)
from station.services.legacy_import import HEADERS, ImportFileError, parse_file, run_import
from station.services.legacy_import import validate as check

THIS_YEAR = date.today().year
D1 = date.today() - timedelta(days=40)
D2 = date.today() - timedelta(days=30)
D3 = date.today() - timedelta(days=20)


def iso(day: date) -> str:
    return day.isoformat()


def slashed(day: date) -> str:
    return f"{day.year}/{day.month}/{day.day}"


@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn
    wang: SignedIn
    lead: SignedIn


def _login(custodian: SignedIn, vault_dir: Path, login: str, name: str, role: Role) -> SignedIn:
    accounts.add_user(custodian, login, name, role, "Counsel-2026")
    return accounts.login(vault_dir, login, "Counsel-2026")


@pytest.fixture
def team(custodian: SignedIn, vault_dir: Path) -> Iterator[Team]:
    lin = _login(custodian, vault_dir, "lin", "林咨询", Role.COUNSELLOR)
    wang = _login(custodian, vault_dir, "wang", "王咨询", Role.COUNSELLOR)
    lead = _login(custodian, vault_dir, "lead", "周站长", Role.LEAD)
    yield Team(custodian, lin, wang, lead)
    for ctx in (lin, wang, lead):
        accounts.logout(ctx)


Row = dict[str, object]


def write_csv(path: Path, rows: list[Row], encoding: str = "utf-8-sig") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        for row in rows:
            out.writerow([row.get(h, "") for h in HEADERS])
    return path


def write_xlsx(path: Path, rows: list[Row], title: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title is not None:
        sheet.append([title])
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([row.get(h) for h in HEADERS])
    book.save(path)
    return path


def counts(ctx: SignedIn) -> tuple[int, int, int]:
    """How many clients, cases and sessions the vault holds (all of them)."""
    with ctx.vault.transaction() as s:
        clients, cases, sessions = (
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Client, Case, ServiceSession)
        )
    return clients, cases, sessions


def plan_of(ctx: SignedIn, path: Path) -> legacy_import.ImportPlan:
    return check(ctx, parse_file(path))


CLEAN: list[Row] = [
    # line 2, 3: one real-name person, matched by 姓名+联系电话 (phone written two ways)
    {
        "姓名": "欧阳测试",
        "性别": "男",
        "出生年份": "1985",
        "单位": "慕容秘密单位",
        "单位类型": "乡镇",
        "职级": "一般干部",
        "岗位类别": "窗口",
        "联系电话": "13912345678",
        "来访日期": iso(D1),
        "服务类型": "初访",
        "主诉类别": "工作压力、失眠",
        "风险等级": "低",
        "备注": "司马标记路88号",
    },
    {
        "姓名": "欧阳测试",
        "联系电话": "139 1234 5678",
        "来访日期": slashed(D2),
        "服务类型": "个案咨询",
        "主诉类别": "焦虑",
        "风险等级": "中",
    },
    # line 4, 5: an anonymous person, matched by 匿名代号
    {"匿名代号": "A-001", "性别": "女", "来访日期": iso(D1), "服务类型": "沙盘游戏"},
    {
        "匿名代号": "A-001",
        "来访日期": iso(D3),
        "服务类型": "音乐放松",
        "主诉类别": "婚姻家庭",
        "风险等级": "高",
    },
    # line 6, 7: a real-name person with an alias; the second row gives only the alias
    {
        "姓名": "诸葛测试",
        "匿名代号": "Z-9",
        "联系电话": "13800001111",
        "来访日期": iso(D2),
        "服务类型": "谈心",
    },
    {"匿名代号": "Z-9", "来访日期": iso(D3), "服务类型": "电话咨询", "主诉类别": "问责"},
]


def test_clean_file_imports_rows_grouped_by_person(team: Team, tmp_path: Path) -> None:
    plan = plan_of(team.lin, write_csv(tmp_path / "src" / "台账.csv", CLEAN))
    assert plan.ok and plan.bad_rows == ()
    assert (plan.total_rows, plan.good_rows, plan.new_clients) == (6, 6, 3)

    result = run_import(team.lin, plan)
    assert (result.rows, result.clients, result.clients_created, result.cases) == (6, 3, 3, 3)
    assert (result.sessions, result.skipped_rows, result.cases_continued) == (6, 0, 0)
    assert counts(team.lin) == (3, 3, 6)

    with team.lin.vault.transaction() as s:
        clients = {c.name or c.alias: c for c in s.scalars(select(Client))}
        ouyang, anon, zhuge = clients["欧阳测试"], clients["A-001"], clients["诸葛测试"]
        assert not ouyang.anonymous and anon.anonymous and not zhuge.anonymous
        assert (ouyang.gender, ouyang.birth_year, ouyang.unit_type) == ("male", 1985, "township")
        assert (ouyang.post_type, ouyang.rank_level) == ("service_window", "general")
        assert anon.name == anon.phone == anon.unit == "" and anon.gender == "female"
        assert zhuge.alias == "Z-9"

        case = s.scalars(select(Case).where(Case.client_id == ouyang.id)).one()
        assert case.status == "open" and case.source == "other"
        assert case.counsellor_id == team.lin.user_id and case.opened_on == D1
        assert {c.concern for c in case.concerns} == {"workload", "sleep", "anxiety"}
        assert case.risk_level == RiskLevel.MEDIUM.value  # the highest of the rows
        assert case.code == f"{D1.year}-0001"
        sessions = s.scalars(
            select(ServiceSession).where(ServiceSession.case_id == case.id).order_by("held_on")
        ).all()
        assert [(x.kind, x.held_on) for x in sessions] == [("intake", D1), ("individual", D2)]
        assert sessions[0].presenting == "司马标记路88号" and sessions[1].presenting == ""
        assert [x.risk_level for x in sessions] == ["low", "medium"]
        assert all(x.counsellor_id == team.lin.user_id for x in sessions)
        risk_history = s.scalars(select(RiskChange).where(RiskChange.case_id == case.id)).all()
        assert [(r.from_level, r.to_level) for r in risk_history] == [("none", "medium")]

        anon_case = s.scalars(select(Case).where(Case.client_id == anon.id)).one()
        assert anon_case.risk_level == "high" and anon_case.opened_on == D1
        assert [c.concern for c in anon_case.concerns] == ["family"]
        zhuge_case = s.scalars(select(Case).where(Case.client_id == zhuge.id)).one()
        kinds = s.scalars(
            select(ServiceSession.kind).where(ServiceSession.case_id == zhuge_case.id)
        )
        assert sorted(kinds) == ["remote", "talk"]
        assert [c.concern for c in zhuge_case.concerns] == ["accountability"]

        codes = sorted(s.scalars(select(Case.code)))
        assert len(set(codes)) == 3
        assert s.get(CaseCounter, D1.year) is not None

        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "legacy_import")).one()
        assert entry.user_id == team.lin.user_id
        assert entry.detail == (
            "rows=6 clients=3 new_clients=3 cases=3 continued_cases=0 sessions=6"
        )
    assert audit.ACTION_LABELS["legacy_import"] == "台账导入"


BAD: list[Row] = [
    {"姓名": "甲测试", "来访日期": iso(D1), "服务类型": "初访", "咨询师": "lin"},  # 2: good
    {"姓名": "乙测试", "来访日期": f"{THIS_YEAR}/13/45", "服务类型": "初访", "咨询师": "lin"},
    {"姓名": "丙测试", "来访日期": iso(D1), "服务类型": "初访", "主诉类别": "焦虑、玄学"},
    {"姓名": "丁测试", "来访日期": iso(D1), "咨询师": "lin"},  # 5: no 服务类型
    {"姓名": "戊测试", "来访日期": iso(D1), "服务类型": "初访", "咨询师": "nobody"},
    {"匿名代号": "B-2", "联系电话": "13700000000", "来访日期": iso(D1), "服务类型": "沙盘"},
    {"姓名": "己测试", "来访日期": iso(D3 + timedelta(days=60)), "服务类型": "沙盘"},
    {"来访日期": iso(D1), "服务类型": "沙盘", "咨询师": "lin"},  # 9: neither name nor alias
    {"姓名": "庚测试", "性别": "未知", "来访日期": iso(D1), "服务类型": "沙盘"},
    {"姓名": "辛测试", "出生年份": "1850", "来访日期": iso(D1), "服务类型": "沙盘"},
    {"姓名": "壬测试", "来访日期": iso(D2), "服务类型": "初访", "咨询师": "lead"},
    {"姓名": "癸测试", "来访日期": iso(D2), "服务类型": "初访", "咨询师": "wang"},  # 13: good
]


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(team: Team, tmp_path: Path) -> None:
    plan = plan_of(team.custodian, write_csv(tmp_path / "bad.csv", BAD))
    reasons = {bad.line: bad.reason for bad in plan.bad_rows}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert "来访日期" in reasons[3]
    assert "主诉类别「玄学」无法识别" in reasons[4]
    assert "缺少必填项：服务类型" in reasons[5]
    assert "咨询师不是本档案库的用户" in reasons[6]
    assert "匿名来访者" in reasons[7] and "联系电话" in reasons[7]
    assert "来访日期晚于今天" in reasons[8]
    assert "姓名或匿名代号" in reasons[9]
    assert "性别「未知」无法识别" in reasons[10]
    assert "出生年份" in reasons[11]
    assert "咨询师须是“咨询师”角色" in reasons[12]
    # the custodian imports: an empty 咨询师 is a bad row too (line 4 has two problems)
    assert "咨询师为空" in reasons[4]
    assert plan.bad_rows[0].message().startswith("第 3 行：")
    # identity values are never echoed, vocabulary values are
    for text in reasons.values():
        assert "测试" not in text and "137" not in text and "nobody" not in text
    assert plan.good_rows == 2

    with pytest.raises(ValidationError) as refused:
        run_import(team.custodian, plan)
    assert "10 行有误" in refused.value.zh
    assert counts(team.custodian) == (0, 0, 0)


def test_only_good_rows_imports_exactly_the_good_ones(team: Team, tmp_path: Path) -> None:
    plan = plan_of(team.custodian, write_csv(tmp_path / "bad.csv", BAD))
    result = run_import(team.custodian, plan, only_good_rows=True)
    assert (result.rows, result.sessions, result.cases, result.skipped_rows) == (2, 2, 2, 10)
    with team.custodian.vault.transaction() as s:
        names = set(s.scalars(select(Client.name)))
        assert names == {"甲测试", "癸测试"}
        query = select(Client.name, Case.counsellor_id).join(Case, Case.client_id == Client.id)
        by_name = {name: counsellor for name, counsellor in s.execute(query)}
        assert by_name == {"甲测试": team.lin.user_id, "癸测试": team.wang.user_id}
        assert s.scalars(select(Client.created_by)).all() == [team.custodian.user_id] * 2


def test_rows_contradicting_an_earlier_row_are_bad(team: Team, tmp_path: Path) -> None:
    rows: list[Row] = [
        {"姓名": "甲测试", "联系电话": "13900000001", "匿名代号": "K1", "性别": "男"},  # 2
        {"姓名": "乙测试", "联系电话": "13900000002"},  # 3
        {"姓名": "乙测试", "联系电话": "13900000002", "匿名代号": "K1"},  # 4: K1 is 甲
        {"姓名": "甲测试", "联系电话": "13900000001", "性别": "女"},  # 5: gender differs
        {"匿名代号": "N7"},  # 6: an anonymous person
        {"姓名": "丙测试", "匿名代号": "N7"},  # 7: alias of an anonymous person
        {"姓名": "甲测试", "联系电话": "13900000001", "匿名代号": "K2"},  # 8: other alias
        {"姓名": "甲测试", "联系电话": "+86 139-0000-0001", "出生年份": 1980},  # 9: same 甲
    ]
    for row in rows:
        row.update({"来访日期": iso(D1), "服务类型": "初访"})
    plan = plan_of(team.lin, write_csv(tmp_path / "c.csv", rows))
    reasons = {bad.line: bad.reason for bad in plan.bad_rows}
    assert sorted(reasons) == [4, 5, 7, 8]
    assert "第 2 行" in reasons[4] and "第 3 行" in reasons[4]
    assert reasons[5] == "性别与第 2 行（同一来访者）不一致"
    assert "第 6 行" in reasons[7] and "匿名来访者" in reasons[7]
    assert "匿名代号却不同" in reasons[8]
    assert [len(c.rows) for c in plan.clients] == [2, 1, 1]


def test_existing_clients_are_matched_and_their_open_case_continued(
    team: Team, tmp_path: Path
) -> None:
    first = plan_of(team.lin, write_csv(tmp_path / "one.csv", CLEAN))
    run_import(team.lin, first)
    later = D3 + timedelta(days=5)
    rows: list[Row] = [
        {"姓名": "欧阳测试", "联系电话": "13912345678", "来访日期": iso(later), "服务类型": "沙盘"},
        {"匿名代号": "a-001", "来访日期": iso(later), "服务类型": "放松", "主诉类别": "失眠"},
        {"姓名": "新测试", "来访日期": iso(later), "服务类型": "初访", "风险等级": "紧急"},
    ]
    plan = plan_of(team.lin, write_csv(tmp_path / "two.csv", rows))
    assert plan.ok and (plan.new_clients, plan.matched_clients, plan.continued_cases) == (1, 2, 2)
    result = run_import(team.lin, plan)
    assert (result.clients_created, result.clients_matched) == (1, 2)
    assert (result.cases, result.cases_continued, result.sessions) == (1, 2, 3)
    assert counts(team.lin) == (4, 4, 9)
    with team.lin.vault.transaction() as s:
        anon = s.scalars(select(Client).where(Client.alias == "A-001")).one()
        case = s.scalars(select(Case).where(Case.client_id == anon.id)).one()
        assert {c.concern for c in case.concerns} == {"family", "sleep"}
        assert case.risk_level == "high"  # never lowered by an import

    # wang cannot see lin's clients: the same person becomes a new client of his
    other = plan_of(team.wang, write_csv(tmp_path / "three.csv", rows[:1]))
    assert other.ok and other.new_clients == 1

    # the custodian sees them all, and adds wang to lin's open case for wang's session
    rows[0]["咨询师"] = "wang"
    plan = plan_of(team.custodian, write_csv(tmp_path / "four.csv", rows[:1]))
    assert plan.matched_clients == 1 and plan.continued_cases == 1
    run_import(team.custodian, plan)
    with team.custodian.vault.transaction() as s:
        ouyang = s.scalars(select(Client).where(Client.name == "欧阳测试")).one()
        case = s.scalars(select(Case).where(Case.client_id == ouyang.id)).one()
        assert case.counsellor_id == team.lin.user_id
        shared = s.scalars(select(CaseShare.user_id).where(CaseShare.case_id == case.id))
        assert list(shared) == [team.wang.user_id]


def test_counsellor_imports_only_own_rows(team: Team, tmp_path: Path) -> None:
    rows: list[Row] = [
        {"姓名": "甲测试", "来访日期": iso(D1), "服务类型": "初访", "咨询师": "wang"},
        {"姓名": "乙测试", "来访日期": iso(D1), "服务类型": "初访", "咨询师": "林咨询"},
        {"姓名": "丙测试", "来访日期": iso(D1), "服务类型": "初访", "咨询师": "LIN"},
    ]
    plan = plan_of(team.lin, write_csv(tmp_path / "c.csv", rows))
    assert [b.line for b in plan.bad_rows] == [2]
    assert "您本人" in plan.bad_rows[0].reason
    assert {r.counsellor_id for c in plan.clients for r in c.rows} == {team.lin.user_id}


def test_shared_case_for_rows_of_several_counsellors(team: Team, tmp_path: Path) -> None:
    rows: list[Row] = [
        {"匿名代号": "Q1", "来访日期": iso(D2), "服务类型": "初访", "咨询师": "wang"},
        {"匿名代号": "Q1", "来访日期": iso(D1), "服务类型": "沙盘", "咨询师": "lin"},
    ]
    run_import(team.custodian, plan_of(team.custodian, write_csv(tmp_path / "q.csv", rows)))
    with team.custodian.vault.transaction() as s:
        case = s.scalars(select(Case)).one()
        assert case.counsellor_id == team.wang.user_id  # the first row's
        assert case.opened_on == D1  # the earliest date
        assert [sh.user_id for sh in case.shares] == [team.lin.user_id]


def test_gbk_csv_from_older_excel(team: Team, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gbk.csv", CLEAN, encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    parsed = parse_file(path)
    assert parsed.encoding == "gb18030" and parsed.kind == "csv"
    plan = check(team.lin, parsed)
    assert plan.ok and plan.good_rows == 6
    assert {c.name for c in plan.clients} == {"欧阳测试", "", "诸葛测试"}
    assert run_import(team.lin, plan).sessions == 6


def test_csv_without_bom_and_with_semicolons(team: Team, tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    lines = [";".join(HEADERS), ";".join("" for _ in HEADERS)]
    cells = dict.fromkeys(HEADERS, "")
    cells.update({"匿名代号": "S1", "来访日期": iso(D1), "服务类型": "沙盘"})
    lines.append(";".join(cells.values()))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.encoding == "utf-8" and [r.line for r in parsed.rows] == [3]
    assert check(team.lin, parsed).good_rows == 1


def test_xlsx_with_excel_date_cells(team: Team, tmp_path: Path) -> None:
    rows: list[Row] = [
        {
            "姓名": "欧阳测试",
            "性别": "男",
            "出生年份": 1985,
            "联系电话": 13912345678,
            "单位类型": "机关部门",
            "来访日期": datetime(D1.year, D1.month, D1.day),
            "服务类型": "个体咨询",
            "主诉类别": "睡眠问题",
        },
        {
            "姓名": "欧阳测试",
            "联系电话": "13912345678",
            "来访日期": D2,
            "服务类型": "沙盘",
            "单位类型": "事业单位",
        },
        {"匿名代号": "X1", "来访日期": slashed(D3), "服务类型": "音乐放松"},
        {"匿名代号": "X2", "来访日期": "不详", "服务类型": "音乐放松"},
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", rows, title="2026 年来访登记台账")
    parsed = parse_file(path)
    assert parsed.kind == "xlsx" and parsed.header_line == 2
    assert [r.line for r in parsed.rows] == [3, 4, 5, 6]
    plan = check(team.lin, parsed)
    assert [(b.line, "来访日期无法识别" in b.reason) for b in plan.bad_rows] == [(6, True)]
    person = next(c for c in plan.clients if c.name)
    assert [r.held_on for r in person.rows] == [D1, D2]
    assert person.phone == "13912345678" and person.birth_year == 1985
    assert person.gender is Gender.MALE
    assert person.unit_type is UnitType.PUBLIC_INSTITUTION  # the latest row's
    assert person.rows[0].concerns == (Concern.SLEEP,)
    assert person.rows[1].kind is ServiceKind.SANDPLAY
    result = run_import(team.lin, plan, only_good_rows=True)
    assert (result.rows, result.clients, result.sessions) == (3, 2, 3)


def test_header_problems_are_reported_for_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    missing.write_text(",".join(h for h in HEADERS if h != "主诉类别") + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        parse_file(missing)
    assert "表头缺少这些列：主诉类别" in error.value.zh

    no_header = tmp_path / "none.csv"
    no_header.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="No header row"):
        parse_file(no_header)

    extra = tmp_path / "extra.csv"
    extra.write_text("序号," + " , ".join(HEADERS) + "\n", encoding="utf-8")
    parsed = parse_file(extra)
    assert parsed.ignored_columns == ("序号",) and parsed.rows == ()

    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match=r"\.xls"):
        parse_file(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(ImportFileError) as error:
        parse_file(broken)
    assert "无法读取这个 Excel 文件" in error.value.zh


def test_station_lead_is_refused(team: Team, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "clean.csv", CLEAN)
    with pytest.raises(PermissionDenied):
        check(team.lead, parse_file(path))
    plan = plan_of(team.lin, path)
    with pytest.raises(PermissionDenied):
        run_import(team.lead, plan)
    with pytest.raises(ValidationError, match="another user"):
        run_import(team.wang, plan)
    assert counts(team.custodian) == (0, 0, 0)


def test_failure_mid_import_leaves_nothing(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_of(team.lin, write_csv(tmp_path / "clean.csv", CLEAN))
    real = legacy_import._add_session
    calls: list[int] = []

    def failing(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 4:
            raise OSError("disk full")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(legacy_import, "_add_session", failing)
    with pytest.raises(OSError, match="disk full"):
        run_import(team.lin, plan)
    assert len(calls) == 4  # clients, cases and sessions had been written before
    assert counts(team.lin) == (0, 0, 0)
    with team.lin.vault.transaction() as s:
        for model in (CaseCounter, CaseConcern, RiskChange, CaseShare):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        logged = s.scalars(select(AuditEntry.action).where(AuditEntry.action == "legacy_import"))
        assert list(logged) == []

    monkeypatch.setattr(legacy_import, "_add_session", real)
    assert run_import(team.lin, plan).sessions == 6  # the same plan imports afterwards


MARKERS = ["欧阳测试", "13912345678", "慕容秘密单位", "司马标记路88号", "诸葛测试"]


def _leaks(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for marker in MARKERS:
            for encoding in ("utf-8", "utf-16-le", "gb18030"):
                if marker.encode(encoding) in data:
                    found.append(f"{path.name}: {marker} ({encoding})")
    return found


def test_imported_content_never_reaches_disk_in_plaintext(
    team: Team,
    vault_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    caplog.set_level("DEBUG")
    source = tmp_path / "usb"
    for path in (
        write_csv(source / "a.csv", CLEAN),
        write_csv(source / "b.csv", CLEAN, encoding="gbk"),
        write_xlsx(source / "c.xlsx", CLEAN),
    ):
        plan = plan_of(team.custodian if path.suffix == ".xlsx" else team.lin, path)
        if path.suffix == ".xlsx":
            assert all("咨询师为空" in b.reason for b in plan.bad_rows)
            for marker in MARKERS:
                assert all(marker not in b.message() for b in plan.bad_rows)
        else:
            run_import(team.lin, plan)
    assert counts(team.lin)[2] == 12
    for ctx in (team.lin, team.wang, team.lead, team.custodian):
        accounts.logout(ctx)
    files = [p for p in vault_dir.rglob("*") if p.is_file()]
    assert files and _leaks(files) == []
    assert list(temp.iterdir()) == []
    assert not any(marker in caplog.text for marker in MARKERS)


def test_synonym_table_is_checked_when_loaded() -> None:
    vocab = load_vocabulary()
    assert vocab.resolve(ServiceKind, "沙盘游戏") is ServiceKind.SANDPLAY
    assert vocab.resolve(ServiceKind, " 个案 咨询 ") is ServiceKind.INDIVIDUAL
    assert vocab.resolve(Concern, "失眠") is Concern.SLEEP
    assert vocab.resolve(Concern, "５＋２") is Concern.WORKLOAD  # full-width forms
    assert vocab.resolve(Gender, "f") is Gender.FEMALE
    assert vocab.resolve(Concern, "玄学") is None
    for kind in COLUMN_KINDS.values():
        assert vocab.synonyms[kind], kind  # every column has real-world variants

    for text, problem in (
        ('["服务类型"]\n"沙盘室" = ["沙盘游戏"]\n', "「沙盘室」不是规范写法"),
        ('["风险等级"]\n"低" = ["一般"]\n"中" = ["一般"]\n', "「一般」同时对应「低」和「中」"),
        ('["风险等级"]\n"低" = ["中"]\n', "本身是另一个规范写法"),
        ('["科室"]\n"低" = ["一般"]\n', "没有名为「科室」的列"),
        ("[服务类型\n", "格式错误"),
        ('["性别"]\n"男" = "男性"\n', "应写成字符串列表"),
    ):
        with pytest.raises(SynonymTableError) as error:
            parse_synonyms(text)
        assert problem in error.value.zh and "synonyms.toml" in error.value.zh


def test_an_edited_synonym_table_is_used(team: Team, tmp_path: Path) -> None:
    rows: list[Row] = [{"匿名代号": "T1", "来访日期": iso(D1), "服务类型": "箱庭治疗"}]
    parsed = parse_file(write_csv(tmp_path / "t.csv", rows))
    assert "服务类型「箱庭治疗」无法识别" in check(team.lin, parsed).bad_rows[0].reason
    table = tmp_path / "synonyms.toml"
    table.write_text('["服务类型"]\n"沙盘" = ["箱庭治疗"]\n', encoding="utf-8")
    plan = check(team.lin, parsed, load_vocabulary(table))
    assert plan.ok and plan.clients[0].rows[0].kind is ServiceKind.SANDPLAY


def test_shipped_templates_match_the_importer() -> None:
    folder = import_resources_dir()
    raw = (folder / "template.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").strip() == ",".join(HEADERS)
    assert parse_file(folder / "template.csv").rows == ()

    assert parse_file(folder / "template.xlsx").rows == ()
    book = openpyxl.load_workbook(folder / "template.xlsx")
    assert book.sheetnames == ["台账", "说明"]
    sheet = book["台账"]
    assert tuple(c.value for c in sheet[1]) == HEADERS
    assert all(c.font.b for c in sheet[1])
    lists = {
        str(v.sqref).split(":")[0]: v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert lists["C2"] == '"男,女"'
    assert lists["K2"] == '"初访,个体咨询,沙盘,音乐放松,放松训练,谈心谈话,危机干预,电话网络咨询"'
    assert lists["M2"] == '"无,低,中,高,紧急"'
    assert set(lists) == {"C2", "F2", "G2", "H2", "K2", "M2"}
    guide = " ".join(str(v) for row in book["说明"].iter_rows(values_only=True) for v in row if v)
    assert "问责担忧" in guide and "顿号" in guide
    book.close()
