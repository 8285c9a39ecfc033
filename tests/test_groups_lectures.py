"""Group work and lectures: programmes, sessions, attendance limited to visible clients,
anonymous headcounts, monthly totals, and the station lead kept to aggregates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry
from station.models.vocab import Gender, GroupTheme, RankLevel
from station.services import access, accounts, cases, groups, lectures
from station.services.context import SignedIn
from station.services.groups import Attendee, GroupSessionInput, HeadcountCell, ProgrammeInput
from station.services.lectures import LectureInput
from tests.records_fixtures import make_counsellor, make_lead, new_client, new_client_case

TODAY = date.today()
LAST_MONTH = TODAY.replace(day=1) - timedelta(days=1)
F, M = Gender.FEMALE, Gender.MALE
GENERAL, MIDDLE, LEADING = RankLevel.GENERAL, RankLevel.MIDDLE, RankLevel.LEADING


@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn
    zhao: SignedIn
    lead: SignedIn
    lins_client: int  # a client of lin's case (woman, middle-level)
    zhaos_client: int  # a client of zhao's case (man, general)


@pytest.fixture
def team(custodian: SignedIn, vault_dir: Path) -> Iterator[Team]:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    zhao = make_counsellor(custodian, vault_dir, "zhao", "赵咨询")
    lead = make_lead(custodian, vault_dir)
    lins_client, _ = new_client_case(lin, gender=F, rank_level=MIDDLE)
    zhaos_client, _ = new_client_case(zhao, gender=M, rank_level=GENERAL)
    yield Team(custodian, lin, zhao, lead, lins_client, zhaos_client)
    for ctx in (lin, zhao, lead):
        accounts.logout(ctx)


def _programme(ctx: SignedIn, *facilitators: int, theme: GroupTheme = GroupTheme.STRESS) -> int:
    return groups.add_programme(
        ctx, ProgrammeInput("减压团体", theme, facilitators, "八次团体辅导。")
    )


def _group_session(ctx: SignedIn, programme_id: int, held_on: date = TODAY) -> int:
    return groups.add_group_session(
        ctx, programme_id, GroupSessionInput(held_on, 90, "团体活动室", "破冰与放松。")
    )


def _actions(ctx: SignedIn) -> list[tuple[str, str, str, str]]:
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(
                AuditEntry.action, AuditEntry.object_kind, AuditEntry.object_id, AuditEntry.detail
            ).order_by(AuditEntry.seq)
        ).all()
    return [(a, k, o, d) for a, k, o, d in rows]


# -- programmes and sessions ------------------------------------------------------------


def test_programme_with_facilitators_and_sessions(team: Team) -> None:
    pid = _programme(team.lin)  # no facilitators given: the creator leads it
    listed = groups.list_programmes(team.zhao)
    assert [(p.id, p.title, p.theme) for p in listed] == [(pid, "减压团体", GroupTheme.STRESS)]
    assert [f.display_name for f in listed[0].facilitators] == ["林咨询"]

    with pytest.raises(PermissionDenied):  # zhao does not lead it
        _group_session(team.zhao, pid)
    groups.update_programme(
        team.lin,
        pid,
        ProgrammeInput("减压团体（秋季）", GroupTheme.SALON, (team.lin.user_id, team.zhao.user_id)),
    )
    first = _group_session(team.zhao, pid)
    second = _group_session(team.custodian, pid, TODAY - timedelta(days=7))
    view = groups.programme_view(team.lin, pid)
    assert view.title == "减压团体（秋季）" and view.theme is GroupTheme.SALON
    assert [s.id for s in view.sessions] == [second, first]  # by date
    assert {f.id for f in view.facilitators} == {team.lin.user_id, team.zhao.user_id}

    groups.update_group_session(team.zhao, first, GroupSessionInput(TODAY, 120, "二楼", "冥想"))
    gview = groups.group_session_view(team.zhao, first)
    assert (gview.duration_minutes, gview.room, gview.notes) == (120, "二楼", "冥想")
    groups.delete_group_session(team.lin, second)
    assert [s.id for s in groups.programme_view(team.lin, pid).sessions] == [first]
    with pytest.raises(access.NotFound):
        groups.group_session_view(team.lin, second)
    groups.delete_programme(team.custodian, pid)
    assert groups.list_programmes(team.lin) == []

    actions = [(a, k) for a, k, _o, _d in _actions(team.custodian)]
    for expected in [
        ("group_add", "group"),
        ("group_edit", "group"),
        ("group_session_add", "group_session"),
        ("group_session_edit", "group_session"),
        ("group_view", "group_session"),
        ("group_session_delete", "group_session"),
        ("group_delete", "group"),
    ]:
        assert expected in actions


def test_programme_and_session_validation(team: Team) -> None:
    bad_programmes = [
        (ProgrammeInput("", GroupTheme.STRESS), "title"),
        (ProgrammeInput("团体", "yoga"), "theme"),  # type: ignore[arg-type]
        (ProgrammeInput("团体", GroupTheme.TEAM, (team.lead.user_id,)), "facilitators"),
        (ProgrammeInput("团体", GroupTheme.TEAM, (9999,)), "facilitators"),
        (ProgrammeInput("团" * 101, GroupTheme.TEAM), "title"),
    ]
    for data, field in bad_programmes:
        with pytest.raises(ValidationError) as err:
            groups.add_programme(team.lin, data)
        assert err.value.field == field
    assert groups.list_programmes(team.lin) == []

    pid = _programme(team.lin)
    bad_sessions = [
        (GroupSessionInput(TODAY, 0), "duration_minutes"),
        (GroupSessionInput(TODAY, 481), "duration_minutes"),
        (GroupSessionInput(TODAY + timedelta(days=400)), "held_on"),
        (GroupSessionInput(TODAY, room="室" * 41), "room"),
    ]
    for sdata, field in bad_sessions:
        with pytest.raises(ValidationError) as err:
            groups.add_group_session(team.lin, pid, sdata)
        assert err.value.field == field
    assert groups.programme_view(team.lin, pid).sessions == ()


# -- attendance -------------------------------------------------------------------------


def test_attendance_only_with_clients_the_user_may_see(team: Team) -> None:
    pid = _programme(team.lin, team.lin.user_id, team.zhao.user_id)
    gid = _group_session(team.lin, pid)
    groups.set_session_attendance(team.lin, gid, [team.lins_client], [])
    with pytest.raises(access.NotFound):  # zhao's client: not lin's to name
        groups.set_session_attendance(
            team.lin, gid, [team.lins_client, team.zhaos_client], [HeadcountCell(F, GENERAL, 3)]
        )
    assert [a.client_id for a in groups.group_session_view(team.lin, gid).attendees] == [
        team.lins_client
    ]
    assert groups.attendance_total(team.lin, gid).anonymous == 0  # nothing of it was written
    # zhao adds his own client; each sees only their own, and a count of the others
    groups.set_session_attendance(team.zhao, gid, [team.zhaos_client], [])
    lins = groups.group_session_view(team.lin, gid)
    assert [a.client_id for a in lins.attendees] == [team.lins_client]
    assert lins.other_registered == 1 and lins.attendance.registered == 2
    # lin clearing her list leaves zhao's attendee alone
    groups.set_session_attendance(team.lin, gid, [], [])
    everyone = groups.group_session_view(team.custodian, gid)
    assert [a.client_id for a in everyone.attendees] == [team.zhaos_client]
    assert groups.attendance_total(team.lin, gid).registered == 1
    # the custodian sees and records every client
    groups.set_session_attendance(team.custodian, gid, [team.lins_client, team.zhaos_client], [])
    assert groups.attendance_total(team.custodian, gid).registered == 2
    # the log holds ids and counts, never a client's name
    attendance = [(o, d) for a, _k, o, d in _actions(team.custodian) if a == "attendance_edit"]
    assert attendance[0] == (str(gid), "clients +1 -0 headcount=0")
    assert not any("测试来访者" in d for _a, _k, _o, d in _actions(team.custodian))


def test_attendance_waits_for_the_session_to_take_place(team: Team) -> None:
    pid = _programme(team.lin)
    planned = _group_session(team.lin, pid, TODAY + timedelta(days=14))
    with pytest.raises(ValidationError) as err:
        groups.set_session_attendance(team.lin, planned, [team.lins_client], [])
    assert err.value.field == "held_on"
    with pytest.raises(ValidationError):
        groups.set_session_attendance(team.lin, planned, [], [HeadcountCell(F, GENERAL, 3)])
    with pytest.raises(ValidationError):
        groups.set_headcount(team.lin, planned, [HeadcountCell(F, GENERAL, 3)])


def test_headcount_and_totals_per_session(team: Team) -> None:
    pid = _programme(team.lin)
    gid = _group_session(team.lin, pid)
    cells = [
        HeadcountCell(F, GENERAL, 6),
        HeadcountCell(M, MIDDLE, 3),
        HeadcountCell(M, LEADING, 0),
    ]
    groups.set_session_attendance(team.lin, gid, [team.lins_client], cells)
    total = groups.attendance_total(team.lin, gid)
    assert (total.registered, total.anonymous, total.total) == (1, 9, 10)
    view = groups.group_session_view(team.lin, gid)
    assert view.headcount == (HeadcountCell(M, MIDDLE, 3), HeadcountCell(F, GENERAL, 6))
    groups.set_session_attendance(
        team.lin, gid, [team.lins_client], [HeadcountCell(F, GENERAL, 4)]
    )  # replaces
    assert groups.attendance_total(team.lin, gid).anonymous == 4
    groups.set_headcount(team.lin, gid, [HeadcountCell(F, GENERAL, 5)])  # the headcount alone
    total = groups.attendance_total(team.lin, gid)
    assert (total.registered, total.anonymous) == (1, 5)

    for bad in (
        [HeadcountCell(F, GENERAL, -1)],
        [HeadcountCell(F, GENERAL, 10_001)],
        [HeadcountCell(F, GENERAL, 2), HeadcountCell(F, GENERAL, 3)],
        [HeadcountCell("x", GENERAL, 2)],  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError) as err:  # checked before anything is written
            groups.set_session_attendance(team.lin, gid, [], bad)
        assert err.value.field == "headcount"
        with pytest.raises(ValidationError) as err:
            groups.set_headcount(team.lin, gid, bad)
        assert err.value.field == "headcount"
    total = groups.attendance_total(team.lin, gid)
    assert (total.registered, total.anonymous) == (1, 5)
    with pytest.raises(ValidationError) as err:
        groups.set_session_attendance(team.lin, gid, ["1"], [])  # type: ignore[list-item]
    assert err.value.field == "client_ids"


def test_attendance_is_saved_in_one_transaction(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _programme(team.lin)
    gid = _group_session(team.lin, pid)
    groups.set_session_attendance(team.lin, gid, [team.lins_client], [HeadcountCell(F, GENERAL, 2)])

    def edits() -> list[str]:
        return [d for a, _k, _o, d in _actions(team.custodian) if a == "attendance_edit"]

    assert edits() == ["clients +1 -0 headcount=2"]  # one save, one entry
    groups.set_session_attendance(team.lin, gid, [team.lins_client], [HeadcountCell(F, GENERAL, 2)])
    assert len(edits()) == 1  # nothing changed: nothing written

    def fail(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(groups, "headcount_rows", fail)  # writing the headcount fails
    with pytest.raises(RuntimeError):
        groups.set_session_attendance(team.lin, gid, [], [HeadcountCell(M, LEADING, 5)])
    monkeypatch.undo()
    view = groups.group_session_view(team.lin, gid)
    assert [a.client_id for a in view.attendees] == [team.lins_client]  # not half a save
    assert view.headcount == (HeadcountCell(F, GENERAL, 2),)
    assert (view.attendance.registered, view.attendance.anonymous) == (1, 2)
    assert len(edits()) == 1


def test_attendance_choices_stay_within_the_users_clients(team: Team) -> None:
    li, li_case = new_client_case(team.lin, name="李明")  # a two-character name, no alias
    masked, _case = new_client_case(team.lin, anonymous=True)  # alias 匿名-1, no name
    pending = new_client(team.lin, name="王芳")  # registered by lin, no case yet
    li_code = cases.case_view(team.lin, li_case).code

    def found(ctx: SignedIn, text: str) -> list[tuple[int, str]]:
        return [(c.client_id, c.label) for c in groups.attendance_choices(ctx, text)]

    lins = {team.lins_client, li, masked, pending}
    assert {c for c, _label in found(team.lin, "")} == lins  # never zhao's client
    assert found(team.lin, "李明") == [(li, "李明")]  # the name, where lin sees the identity
    assert found(team.lin, "匿名") == [(masked, "匿名-1")]
    assert found(team.lin, "测试来访者") == [(team.lins_client, "测试来访者")]  # not zhao's
    assert found(team.lin, "王芳") == [(pending, "王芳")]
    by_code = groups.attendance_choices(team.lin, li_code)
    assert [(c.client_id, c.case_code) for c in by_code] == [(li, li_code)]
    assert groups.attendance_choices(team.lin, "王芳")[0].case_code == ""
    for wildcard in ("%", "_", "李%", "李_"):  # LIKE wildcards are searched as text
        assert found(team.lin, wildcard) == []
    assert groups.attendance_choices(team.lin, "", limit=1)[0].client_id == pending  # newest

    # zhao sees neither lin's clients nor their identity, until lin shares the case
    assert found(team.zhao, "李明") == [] and found(team.zhao, "匿名") == []
    assert {c for c, _label in found(team.zhao, "")} == {team.zhaos_client}
    cases.share_case(team.lin, li_case, team.zhao.user_id)
    assert found(team.zhao, "李明") == [(li, "李明")]
    assert found(team.custodian, "李明") == [(li, "李明")]

    with pytest.raises(ValidationError) as err:
        groups.attendance_choices(team.lin, "李" * 41)
    assert err.value.field == "text"
    with pytest.raises(ValidationError):
        groups.attendance_choices(team.lin, "", limit=0)

    # a real-name client without an alias is shown by name among the attendees too
    gid = _group_session(team.lin, _programme(team.lin))
    groups.set_session_attendance(team.lin, gid, [li, masked], [])
    assert groups.group_session_view(team.lin, gid).attendees == (
        Attendee(li, "李明"),
        Attendee(masked, "匿名-1"),
    )


def test_picking_attendees_opens_no_case(team: Team) -> None:
    gid = _group_session(team.lin, _programme(team.lin))

    def views() -> int:
        return sum(a in ("case_view", "identity_view") for a, *_ in _actions(team.custodian))

    before = views()
    for text in ("", "测试", f"{TODAY.year}-"):
        for choice in groups.attendance_choices(team.lin, text):
            assert choice.label and choice.client_id == team.lins_client
    groups.set_session_attendance(team.lin, gid, [team.lins_client], [])
    groups.group_session_view(team.lin, gid)
    assert views() == before
    # the search itself is logged like the case list's: a count, never the text
    searches = [d for a, _k, _o, d in _actions(team.custodian) if a == "case_search"]
    assert searches[-3:] == ["rows=1 attendance"] * 3


def test_facilitator_choices_list_every_role_that_leads_groups(team: Team) -> None:
    names = [u.display_name for u in groups.facilitator_choices(team.lin)]
    assert sorted(names) == sorted(["王管理", "林咨询", "赵咨询"])  # never the station lead
    custodian_id = team.custodian.user_id
    assert custodian_id in {u.id for u in groups.facilitator_choices(team.lin)}
    assert groups.facilitator_choices(team.custodian) == groups.facilitator_choices(team.zhao)
    # whoever is offered may lead a programme a counsellor creates
    pid = _programme(team.lin, *(u.id for u in groups.facilitator_choices(team.lin)))
    assert custodian_id in {f.id for f in groups.programme_view(team.lin, pid).facilitators}
    accounts.deactivate_user(team.custodian, team.zhao.user_id)
    assert "赵咨询" not in [u.display_name for u in groups.facilitator_choices(team.lin)]


def test_monthly_group_totals(team: Team) -> None:
    stress = _programme(team.lin)
    salon = _programme(team.zhao, theme=GroupTheme.SALON)
    a = _group_session(team.lin, stress)
    b = _group_session(team.lin, stress)
    c = _group_session(team.zhao, salon)
    old = _group_session(team.zhao, salon, LAST_MONTH)
    gone = _group_session(team.zhao, salon)
    unranked = new_client(team.lin, rank_level=None)
    groups.set_session_attendance(
        team.lin, a, [team.lins_client, unranked], [HeadcountCell(F, GENERAL, 5)]
    )
    groups.set_session_attendance(
        team.lin, b, [], [HeadcountCell(F, GENERAL, 2), HeadcountCell(M, MIDDLE, 1)]
    )
    groups.set_session_attendance(team.zhao, c, [team.zhaos_client], [])
    groups.set_headcount(team.zhao, old, [HeadcountCell(M, LEADING, 7)])
    groups.set_headcount(team.zhao, gone, [HeadcountCell(M, LEADING, 9)])
    groups.delete_group_session(team.zhao, gone)

    totals = groups.group_totals(team.lead, TODAY)  # the station lead reads figures
    assert (totals.year, totals.month) == (TODAY.year, TODAY.month)
    assert (totals.programmes, totals.sessions) == (2, 3)
    assert (totals.registered, totals.anonymous, totals.total) == (3, 8, 11)
    assert totals.by_theme == (
        groups.ThemeTotal(GroupTheme.STRESS, 2, 10),
        groups.ThemeTotal(GroupTheme.SALON, 1, 1),
    )
    assert totals.by_gender_rank == (
        HeadcountCell(M, GENERAL, 1),  # zhao's client
        HeadcountCell(M, MIDDLE, 1),
        HeadcountCell(F, GENERAL, 7),
        HeadcountCell(F, MIDDLE, 1),  # lin's client
    )
    assert totals.unclassified == 1
    previous = groups.group_totals(team.lin, LAST_MONTH)
    assert (previous.sessions, previous.total) == (1, 7)


def test_station_lead_reads_only_group_totals(team: Team) -> None:
    pid = _programme(team.lin)
    gid = _group_session(team.lin, pid)
    calls: list[Callable[[], object]] = [
        lambda: groups.add_programme(team.lead, ProgrammeInput("团体", GroupTheme.TEAM)),
        lambda: groups.list_programmes(team.lead),
        lambda: groups.programme_view(team.lead, pid),
        lambda: groups.update_programme(team.lead, pid, ProgrammeInput("团体", GroupTheme.TEAM)),
        lambda: groups.add_group_session(team.lead, pid, GroupSessionInput(TODAY)),
        lambda: groups.group_session_view(team.lead, gid),
        lambda: groups.set_session_attendance(team.lead, gid, [], []),
        lambda: groups.set_headcount(team.lead, gid, []),
        lambda: groups.attendance_choices(team.lead, ""),
        lambda: groups.facilitator_choices(team.lead),
        lambda: groups.attendance_total(team.lead, gid),
        lambda: groups.delete_group_session(team.lead, gid),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert groups.group_totals(team.lead, TODAY).sessions == 1


# -- lectures ---------------------------------------------------------------------------


def _lecture(ctx: SignedIn, held_on: date = TODAY, *cells: HeadcountCell) -> int:
    return lectures.add_lecture(
        ctx, LectureInput(held_on, "压力与睡眠", "市心理中心专家", tuple(cells))
    )


def test_lecture_records_an_aggregate_audience(team: Team) -> None:
    lid = _lecture(team.lin, TODAY, HeadcountCell(F, GENERAL, 20), HeadcountCell(M, LEADING, 4))
    _lecture(team.custodian, TODAY, HeadcountCell(F, GENERAL, 10))
    _lecture(team.zhao, LAST_MONTH, HeadcountCell(M, MIDDLE, 30))
    view = lectures.lecture_view(team.zhao, lid)
    assert (view.topic, view.speaker, view.total) == ("压力与睡眠", "市心理中心专家", 24)
    assert view.audience == (HeadcountCell(M, LEADING, 4), HeadcountCell(F, GENERAL, 20))
    assert not view.can_edit  # zhao did not record it
    assert [r.audience for r in lectures.list_lectures(team.lin, TODAY)] == [10, 24]

    totals = lectures.lecture_totals(team.lead, TODAY)
    assert (totals.lectures, totals.audience) == (2, 34)
    assert totals.by_gender_rank == (HeadcountCell(M, LEADING, 4), HeadcountCell(F, GENERAL, 30))
    assert lectures.lecture_totals(team.lead, LAST_MONTH).audience == 30
    added = [d for a, _k, o, d in _actions(team.custodian) if a == "lecture_add" and o == str(lid)]
    assert added == ["audience=24"]


def test_lecture_edits_and_deletion(team: Team) -> None:
    lid = _lecture(team.lin, TODAY, HeadcountCell(F, GENERAL, 20))
    new = LectureInput(TODAY, "职业倦怠的自我调适", "", (HeadcountCell(M, GENERAL, 12),))
    with pytest.raises(PermissionDenied):
        lectures.update_lecture(team.zhao, lid, new)
    lectures.update_lecture(team.lin, lid, new)
    view = lectures.lecture_view(team.lin, lid)
    assert (view.topic, view.total, view.audience) == (
        "职业倦怠的自我调适",
        12,
        (HeadcountCell(M, GENERAL, 12),),
    )
    edits = [d for a, _k, _o, d in _actions(team.custodian) if a == "lecture_edit"]
    assert edits == ["topic,speaker,audience"]
    with pytest.raises(PermissionDenied):
        lectures.delete_lecture(team.zhao, lid)
    lectures.delete_lecture(team.custodian, lid)
    assert lectures.list_lectures(team.lin) == []
    assert lectures.lecture_totals(team.lin, TODAY).lectures == 0
    with pytest.raises(access.NotFound):
        lectures.lecture_view(team.lin, lid)


def test_lecture_validation(team: Team) -> None:
    bad = [
        (LectureInput(TODAY, "  "), "topic"),
        (LectureInput(TODAY + timedelta(days=2), "讲座"), "held_on"),
        (LectureInput(TODAY, "讲座", "讲" * 61), "speaker"),
        (LectureInput(TODAY, "讲座", audience=(HeadcountCell(F, GENERAL, -3),)), "audience"),
        (
            LectureInput(
                TODAY, "讲座", audience=(HeadcountCell(F, MIDDLE, 1), HeadcountCell(F, MIDDLE, 2))
            ),
            "audience",
        ),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as err:
            lectures.add_lecture(team.lin, data)
        assert err.value.field == field
    assert lectures.list_lectures(team.lin) == []


def test_station_lead_reads_only_lecture_totals(team: Team) -> None:
    lid = _lecture(team.lin, TODAY, HeadcountCell(F, GENERAL, 5))
    calls: list[Callable[[], object]] = [
        lambda: _lecture(team.lead),
        lambda: lectures.list_lectures(team.lead),
        lambda: lectures.lecture_view(team.lead, lid),
        lambda: lectures.update_lecture(team.lead, lid, LectureInput(TODAY, "讲座")),
        lambda: lectures.delete_lecture(team.lead, lid),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert lectures.lecture_totals(team.lead, TODAY).audience == 5
