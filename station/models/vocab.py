"""Case-record vocabulary: stored values (English) and their canonical Chinese labels.

The labels are the ones the registers (台账), the import template and the UI use;
they are domain data, so they live here rather than in the translation catalogue.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class RankLevel(StrEnum):
    GENERAL = "general"  # 一般干部
    MIDDLE = "middle"  # 中层干部
    LEADING = "leading"  # 领导干部


class RankDetail(StrEnum):
    """Finer levels, each inside one RankLevel (optional on a client)."""

    CLERK = "clerk"  # 科员及以下
    DEPUTY_SECTION = "deputy_section"  # 副科级
    SECTION = "section"  # 正科级
    DEPUTY_DIVISION = "deputy_division"  # 副处级
    DIVISION = "division"  # 正处级
    BUREAU = "bureau"  # 厅局级及以上


class PostType(StrEnum):
    FRONTLINE = "frontline"
    SERVICE_WINDOW = "service_window"
    KEY_PROJECT = "key_project"
    OFFICE = "office"
    OTHER = "other"


class UnitType(StrEnum):
    TOWNSHIP = "township"
    AGENCY = "agency"
    LEGAL = "legal"
    PUBLIC_INSTITUTION = "public_institution"
    STATE_ENTERPRISE = "state_enterprise"
    OTHER = "other"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CaseSource(StrEnum):
    SELF = "self"
    UNIT = "unit"
    TALK = "talk"  # heart-to-heart talk, with its 七必谈 trigger
    SCREENING = "screening"
    OTHER = "other"


class TalkTrigger(StrEnum):
    """The seven must-talks (七必谈)."""

    IDEOLOGICAL = "ideological"
    WORK_SETBACK = "work_setback"
    REPORTED_OR_DISCIPLINED = "reported_or_disciplined"
    MAJOR_DIFFICULTY = "major_difficulty"
    POST_CHANGE = "post_change"
    KEY_POST = "key_post"
    OWN_REQUEST = "own_request"


class Concern(StrEnum):
    WORKLOAD = "workload"
    CAREER = "career"
    ACCOUNTABILITY = "accountability"
    BURNOUT = "burnout"
    SLEEP = "sleep"
    ANXIETY = "anxiety"
    LOW_MOOD = "low_mood"
    FAMILY = "family"
    INTERPERSONAL = "interpersonal"
    PHYSICAL = "physical"
    CRISIS = "crisis"
    OTHER = "other"


class ServiceKind(StrEnum):
    INTAKE = "intake"
    INDIVIDUAL = "individual"
    SANDPLAY = "sandplay"
    MUSIC = "music"
    RELAXATION = "relaxation"
    TALK = "talk"
    CRISIS = "crisis"
    REMOTE = "remote"


class RiskLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    IMMINENT = "imminent"

    @property
    def rank(self) -> int:
        return list(RiskLevel).index(self)

    @property
    def pinned(self) -> bool:
        """High and imminent cases stay on the dashboard until lowered with a reason."""
        return self in (RiskLevel.HIGH, RiskLevel.IMMINENT)


class CrisisAction(StrEnum):
    FAMILY_NOTIFIED = "family_notified"
    UNIT_NOTIFIED = "unit_notified"
    HOSPITAL = "hospital"
    POLICE = "police"
    EXPERT = "expert"


class FollowUpMethod(StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    ONLINE = "online"
    MESSAGE = "message"


class GroupTheme(StrEnum):
    STRESS = "stress"
    MUSIC = "music"
    SALON = "salon"
    TEAM = "team"
    OTHER = "other"


class AssessmentMode(StrEnum):
    ENTERED = "entered"  # the counsellor typed in a paper form
    SELF = "self"  # the client filled it on the station PC (kiosk)


class WarningResponse(StrEnum):
    """The response taken to a warning (预警响应)."""

    CONTACTED = "contacted"
    SESSION_BOOKED = "session_booked"
    REFERRAL = "referral"
    CRISIS = "crisis"
    NO_ACTION = "no_action"  # needs a reason


class DestinationKind(StrEnum):
    HOSPITAL = "hospital"  # hospital psychiatry
    CLINIC = "clinic"  # psychological clinic
    EXPERT = "expert"
    INSTITUTION = "institution"
    HOTLINE = "hotline"
    OTHER = "other"


class ReferralReason(StrEnum):
    DIAGNOSIS = "diagnosis"  # needs a psychiatric assessment or diagnosis
    MEDICATION = "medication"
    SPECIALIST = "specialist"  # specialised therapy beyond the station
    CRISIS = "crisis"
    CONSULTATION = "consultation"  # expert consultation (专家会诊)
    OTHER = "other"


class ReferralUrgency(StrEnum):
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class ReferralConsent(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    EMERGENCY = "emergency"  # emergency without consent: a justification is required


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    FEEDBACK = "feedback"  # feedback received
    CLOSED = "closed"


class FormIdentity(StrEnum):
    """How a referral form names the person: the counsellor's choice per referral."""

    NAME = "name"
    CODE = "code"


LABELS: dict[type[StrEnum], dict[str, str]] = {
    Gender: {"male": "男", "female": "女"},
    RankLevel: {"general": "一般干部", "middle": "中层干部", "leading": "领导干部"},
    RankDetail: {
        "clerk": "科员及以下",
        "deputy_section": "副科级",
        "section": "正科级",
        "deputy_division": "副处级",
        "division": "正处级",
        "bureau": "厅局级及以上",
    },
    PostType: {
        "frontline": "一线执法",
        "service_window": "窗口服务",
        "key_project": "重点工程",
        "office": "机关",
        "other": "其他",
    },
    UnitType: {
        "township": "乡镇街道",
        "agency": "机关部门",
        "legal": "政法单位",
        "public_institution": "事业单位",
        "state_enterprise": "国有企业",
        "other": "其他",
    },
    CaseStatus: {"open": "进行中", "closed": "已结案"},
    CaseSource: {
        "self": "主动来访",
        "unit": "单位推荐",
        "talk": "谈心谈话",
        "screening": "测评预警",
        "other": "其他",
    },
    TalkTrigger: {
        "ideological": "思想波动",
        "work_setback": "工作不顺或出现失误",
        "reported_or_disciplined": "被反映问题或受到处分",
        "major_difficulty": "学习生活工作遇到重大困难",
        "post_change": "岗位调整",
        "key_post": "关键岗位",
        "own_request": "本人提出要求",
    },
    Concern: {
        "workload": "工作负荷",
        "career": "职业发展",
        "accountability": "问责担忧",
        "burnout": "职业倦怠",
        "sleep": "睡眠问题",
        "anxiety": "焦虑",
        "low_mood": "情绪低落",
        "family": "婚姻家庭",
        "interpersonal": "人际关系",
        "physical": "身体健康",
        "crisis": "危机",
        "other": "其他",
    },
    ServiceKind: {
        "intake": "初访",
        "individual": "个体咨询",
        "sandplay": "沙盘",
        "music": "音乐放松",
        "relaxation": "放松训练",
        "talk": "谈心谈话",
        "crisis": "危机干预",
        "remote": "电话网络咨询",
    },
    RiskLevel: {"none": "无", "low": "低", "medium": "中", "high": "高", "imminent": "紧急"},
    CrisisAction: {
        "family_notified": "通知家属",
        "unit_notified": "通知单位",
        "hospital": "送医",
        "police": "报警",
        "expert": "专家会诊",
    },
    FollowUpMethod: {"phone": "电话", "visit": "面谈", "online": "线上", "message": "短信/消息"},
    GroupTheme: {
        "stress": "压力管理",
        "music": "音乐放松",
        "salon": "心理沙龙",
        "team": "团队建设",
        "other": "其他",
    },
    AssessmentMode: {"entered": "纸质录入", "self": "本人自填"},
    WarningResponse: {
        "contacted": "已联系本人",
        "session_booked": "已预约咨询",
        "referral": "已转介",
        "crisis": "危机干预",
        "no_action": "无需处理（注明理由）",
    },
    DestinationKind: {
        "hospital": "医院精神（心理）科",
        "clinic": "心理咨询（治疗）机构",
        "expert": "专家",
        "institution": "其他专业机构",
        "hotline": "心理援助热线",
        "other": "其他",
    },
    ReferralReason: {
        "diagnosis": "需精神科评估诊断",
        "medication": "需药物治疗",
        "specialist": "需专科心理治疗",
        "crisis": "危机干预",
        "consultation": "专家会诊",
        "other": "其他",
    },
    ReferralUrgency: {"routine": "常规", "soon": "尽快", "urgent": "紧急", "emergency": "危急"},
    ReferralConsent: {
        "given": "本人同意",
        "refused": "本人拒绝",
        "emergency": "紧急情况未经同意",
    },
    ReferralStatus: {
        "draft": "草稿",
        "sent": "已发出",
        "accepted": "已接收",
        "declined": "已拒收",
        "feedback": "已反馈",
        "closed": "已关闭",
    },
    FormIdentity: {"name": "填写姓名", "code": "仅填个案编号"},
}


def label(value: StrEnum) -> str:
    return LABELS[type(value)][value.value]


def from_label(kind: type[E], text: str) -> E | None:
    """The member whose canonical Chinese label is ``text``, or None."""
    for value, name in LABELS[kind].items():
        if name == text:
            return kind(value)
    return None
