"""Synthetic case records for the demo vault: every name is marked 虚构 (fictional).

Written through the same services a counsellor uses, so the demo exercises the
real rules and audit trail. Dates run over the 24 months before ``today``;
the same seed gives the same records for the same day.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from station.models.vocab import (
    CaseSource,
    Concern,
    CrisisAction,
    FollowUpMethod,
    Gender,
    GroupTheme,
    PostType,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
    UnitType,
)
from station.services import cases, clients, followups, groups, lectures, risk, sandplay, sessions
from station.services.context import SignedIn

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
_GIVEN = (
    "晓明",
    "海燕",
    "建国",
    "丽华",
    "志强",
    "秀英",
    "文斌",
    "春梅",
    "国栋",
    "雅琴",
    "宏伟",
    "静怡",
    "立新",
    "淑芬",
    "子涵",
    "浩然",
    "玉兰",
    "振华",
    "佳怡",
    "永刚",
)
_UNITS = (
    "演示镇人民政府",
    "演示区市场监管局",
    "演示街道办事处",
    "演示区税务分局",
    "演示县综合执法局",
    "演示区政务服务中心",
    "演示市重点工程指挥部",
)
_ROOMS = ("沙盘室", "个体咨询室", "音乐放松室", "放松训练室")

_PRESENTING = (
    "近两月连续加班，入睡困难，白天注意力下降。",
    "担心年度考核和问责，反复回想工作中的细节。",
    "岗位调整后适应困难，感到力不从心。",
    "与家人沟通减少，常因小事争执，情绪低落。",
    "对工作意义感到迷茫，提不起劲。",
    "晋升受挫后自我评价降低，回避同事交流。",
)
_INTERVENTION = (
    "共情倾听，澄清压力来源；教授腹式呼吸。",
    "认知重评：区分可控与不可控因素，制定小目标。",
    "渐进式肌肉放松训练，布置睡眠卫生作业。",
    "沙盘游戏，来访者自由摆放并讲述。",
    "音乐放松二十分钟，随后讨论身体感受。",
)
_OBSERVATION = (
    "情绪较上次平稳，能主动谈及家庭支持。",
    "语速偏快，谈到考核时明显紧张。",
    "配合度高，作业完成较好。",
    "仍有早醒，白天疲惫感减轻。",
)
_PLAN = ("两周后继续个体咨询。", "下周进行放松训练。", "一个月后回访。", "建议参加团体辅导。")
_FIGURES = ("小房子", "桥", "大树", "士兵", "小船", "围栏", "家人", "动物", "灯塔", "车辆")
_THEMES = ("分隔与连接", "保护", "旅程", "冲突", "秩序", "成长")


@dataclass(frozen=True)
class DemoCounts:
    clients: int
    cases: int
    sessions: int
    photos: int
    follow_ups: int
    group_sessions: int
    lectures: int


def _png(rng: random.Random, width: int = 240, height: int = 180) -> bytes:
    """A synthetic sand-tray picture: sand colour with a few coloured discs."""
    discs = [
        (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(8, 28),
            (rng.randrange(40, 200), rng.randrange(40, 200), rng.randrange(40, 200)),
        )
        for _ in range(rng.randint(3, 7))
    ]
    rows = bytearray()
    for y in range(height):
        row = bytearray(bytes((222 - y // 12, 196 - y // 14, 150 - y // 16)) * width)
        for cx, cy, radius, colour in discs:
            dy = y - cy
            if abs(dy) <= radius:
                half = int((radius * radius - dy * dy) ** 0.5)
                left, right = max(0, cx - half), min(width, cx + half + 1)
                row[3 * left : 3 * right] = bytes(colour) * (right - left)
        rows += b"\x00" + row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + chunk(b"IEND", b"")
    )


def _weighted(rng: random.Random, options: Sequence[tuple[object, int]]) -> object:
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def populate(
    counsellors: Sequence[SignedIn],
    lead_author: SignedIn,
    seed: int,
    today: date,
    clients_wanted: int = 240,
) -> DemoCounts:
    rng = random.Random(seed)
    start = today - timedelta(days=730)
    n_cases = n_sessions = n_photos = n_follow = 0
    client_ids: list[int] = []
    for i in range(clients_wanted):
        ctx = counsellors[i % len(counsellors)]
        anonymous = rng.random() < 0.2
        gender = Gender.FEMALE if rng.random() < 0.42 else Gender.MALE
        rank = _weighted(
            rng, [(RankLevel.GENERAL, 6), (RankLevel.MIDDLE, 3), (RankLevel.LEADING, 1)]
        )
        data = clients.ClientInput(
            anonymous=anonymous,
            alias=f"匿名-{i + 1:03d}" if anonymous else "",
            name="" if anonymous else f"虚构·{rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}",
            unit="" if anonymous else rng.choice(_UNITS),
            phone="" if anonymous else f"000-0000-{rng.randrange(10000):04d}",
            gender=gender,
            birth_year=today.year - rng.randint(24, 58),
            rank_level=rank,  # type: ignore[arg-type]
            post_type=rng.choice(list(PostType)),
            unit_type=rng.choice(list(UnitType)),
        )
        client_id = clients.register_client(ctx, data)
        client_ids.append(client_id)
        opened = start + timedelta(days=rng.randrange(725))
        source = _weighted(
            rng,
            [
                (CaseSource.SELF, 5),
                (CaseSource.UNIT, 2),
                (CaseSource.TALK, 2),
                (CaseSource.SCREENING, 2),
                (CaseSource.OTHER, 1),
            ],
        )
        initial_risk = _weighted(
            rng,
            [(RiskLevel.NONE, 6), (RiskLevel.LOW, 4), (RiskLevel.MEDIUM, 2), (RiskLevel.HIGH, 1)],
        )
        case_id = cases.open_case(
            ctx,
            cases.CaseInput(
                client_id=client_id,
                source=source,  # type: ignore[arg-type]
                concerns=tuple(rng.sample(list(Concern)[:-2], k=rng.randint(1, 3))),
                talk_trigger=rng.choice(list(TalkTrigger)) if source is CaseSource.TALK else None,
                opened_on=opened,
                risk_level=initial_risk,  # type: ignore[arg-type]
                risk_reason="初访评估",
            ),
        )
        n_cases += 1
        cases.record_consent(ctx, case_id, "2026版", opened, True)
        day = opened
        last = opened
        for k in range(1 + rng.randint(0, 6)):
            if day > today:
                break
            kind = (
                ServiceKind.INTAKE
                if k == 0
                else _weighted(
                    rng,
                    [
                        (ServiceKind.INDIVIDUAL, 6),
                        (ServiceKind.SANDPLAY, 3),
                        (ServiceKind.MUSIC, 2),
                        (ServiceKind.RELAXATION, 2),
                        (ServiceKind.REMOTE, 1),
                        (ServiceKind.TALK, 1),
                    ],
                )
            )
            session_id = sessions.add_session(
                ctx,
                case_id,
                sessions.SessionInput(
                    kind=kind,  # type: ignore[arg-type]
                    held_on=day,
                    start_time=time(rng.choice((9, 10, 14, 15, 16)), rng.choice((0, 30))),
                    duration_minutes=rng.choice((45, 50, 60)),
                    room=rng.choice(_ROOMS),
                    presenting=rng.choice(_PRESENTING),
                    intervention=rng.choice(_INTERVENTION),
                    observation=rng.choice(_OBSERVATION),
                    plan=rng.choice(_PLAN),
                    risk_level=initial_risk,  # type: ignore[arg-type]
                    private_note="（示例过程记录）来访者提到童年经历，下次留意。"
                    if rng.random() < 0.3
                    else "",
                ),
            )
            n_sessions += 1
            last = day
            if kind is ServiceKind.SANDPLAY:
                sandplay.set_sandplay_details(
                    ctx,
                    session_id,
                    sandplay.SandplayInput(
                        figures=tuple(rng.sample(_FIGURES, k=rng.randint(2, 5))),
                        themes=tuple(rng.sample(_THEMES, k=rng.randint(1, 2))),
                        story="（虚构）一座小岛上，人们在修一座通向岸边的桥。",
                        observations="沙具摆放由分散到集中。",
                        series_stage=f"第{k}次",
                    ),
                )
                if rng.random() < 0.5:
                    sandplay.add_photo(ctx, session_id, _png(rng), "沙盘全景")
                    n_photos += 1
            day += timedelta(days=rng.randint(7, 21))
        if rng.random() < 0.03 and last <= today:
            risk.record_crisis(
                ctx,
                case_id,
                risk.CrisisInput(
                    occurred_on=last,
                    description="（虚构）来访者表达强烈无望感，评估存在风险。",
                    actions=tuple(rng.sample(list(CrisisAction), k=2)),
                    safety_plan="约定每日联系人；移除危险物品；预约专科门诊。",
                ),
            )
        follow_due = last + timedelta(days=30)
        follow_id = followups.plan_follow_up(
            ctx, case_id, follow_due, rng.choice(list(FollowUpMethod))
        )
        n_follow += 1
        # a station keeps up with its follow-ups: only recent ones are left overdue
        stale = follow_due < today - timedelta(days=45)
        if follow_due <= today - timedelta(days=7) and (stale or rng.random() < 0.8):
            followups.complete_follow_up(ctx, follow_id, follow_due, "情绪稳定，睡眠改善。")
            if (today - last).days > 60 and rng.random() < 0.85:
                current = cases.case_view(ctx, case_id).risk_level
                if current.pinned:
                    risk.set_risk(ctx, case_id, RiskLevel.LOW, "随访稳定，风险下降")
                cases.close_case(
                    ctx,
                    case_id,
                    "目标基本达成，来访者自评压力明显下降。",
                    closed_on=min(follow_due, today),
                )
    n_groups = _groups(counsellors, client_ids, rng, today)
    n_lectures = _lectures(lead_author, rng, today)
    return DemoCounts(
        len(client_ids), n_cases, n_sessions, n_photos, n_follow, n_groups, n_lectures
    )


def _cells(rng: random.Random, scale: int) -> tuple[groups.HeadcountCell, ...]:
    return tuple(
        groups.HeadcountCell(g, r, rng.randint(0, scale)) for g in Gender for r in RankLevel
    )


def _groups(
    counsellors: Sequence[SignedIn], client_ids: list[int], rng: random.Random, today: date
) -> int:
    count = 0
    themes = [
        (GroupTheme.STRESS, "压力管理小组"),
        (GroupTheme.MUSIC, "音乐放松体验"),
        (GroupTheme.SALON, "心理沙龙：睡个好觉"),
        (GroupTheme.TEAM, "团队融合工作坊"),
    ]
    for i, (theme, title) in enumerate(themes):
        ctx = counsellors[i % len(counsellors)]
        programme = groups.add_programme(ctx, groups.ProgrammeInput(title, theme))
        first = today - timedelta(days=rng.randint(60, 600))
        for k in range(rng.randint(3, 6)):
            held = first + timedelta(days=14 * k)
            if held > today:
                break
            gs = groups.add_group_session(
                ctx, programme, groups.GroupSessionInput(held_on=held, room="团体活动室")
            )
            groups.set_session_attendance(ctx, gs, [], _cells(rng, 4))
            count += 1
    return count


def _lectures(ctx: SignedIn, rng: random.Random, today: date) -> int:
    count = 0
    topics = (
        "压力与情绪管理",
        "睡眠与健康",
        "沟通与家庭关系",
        "职业倦怠的识别与应对",
        "心理危机识别与转介",
    )
    month = date(today.year - 2, today.month, 1)
    while month <= today:
        held = month + timedelta(days=rng.randint(3, 25))
        if held <= today and rng.random() < 0.6:
            lectures.add_lecture(
                ctx,
                lectures.LectureInput(
                    held_on=held,
                    topic=rng.choice(topics),
                    speaker="演示讲师",
                    audience=_cells(rng, 20),
                ),
            )
            count += 1
        month = (month + timedelta(days=32)).replace(day=1)
    return count
