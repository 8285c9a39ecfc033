"""What the record services hand to the UI: frozen, plain values (never ORM objects).

Identity fields (name, unit, phone, emergency contact) are ``None`` whenever the
viewer may not see them, so a view can be shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from station.models.vocab import (
    AssessmentMode,
    CaseSource,
    CaseStatus,
    Concern,
    CrisisAction,
    FollowUpMethod,
    Gender,
    PostType,
    RankDetail,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
    UnitType,
    WarningResponse,
)
from station.scales.definition import WarningLevel

if TYPE_CHECKING:  # defined with the referral service, which imports this module
    from station.services.referrals import ReferralBrief

T = TypeVar("T")


class AgeBand(StrEnum):
    """Age bands used by every list and by the statistics (from the birth year only)."""

    UNDER_30 = "under_30"
    FROM_30 = "30_39"
    FROM_40 = "40_49"
    FROM_50 = "50_59"
    FROM_60 = "60_plus"


AGE_BAND_LABELS: dict[AgeBand, str] = {
    AgeBand.UNDER_30: "30岁以下",
    AgeBand.FROM_30: "30-39岁",
    AgeBand.FROM_40: "40-49岁",
    AgeBand.FROM_50: "50-59岁",
    AgeBand.FROM_60: "60岁及以上",
}


@dataclass(frozen=True)
class UserRef:
    id: int
    display_name: str


@dataclass(frozen=True)
class CaseBrief:
    id: int
    code: str
    status: CaseStatus
    deleted: bool


@dataclass(frozen=True)
class ClientView:
    id: int
    anonymous: bool
    alias: str
    gender: Gender | None
    birth_year: int | None
    age_band: AgeBand | None
    rank_level: RankLevel | None
    rank_detail: RankDetail | None
    post_type: PostType | None
    unit_type: UnitType | None
    identity_shown: bool
    name: str | None
    unit: str | None
    phone: str | None
    emergency_contact: str | None
    created_by: int
    deleted: bool
    cases: tuple[CaseBrief, ...]  # the cases of this client the viewer may see


@dataclass(frozen=True)
class Consent:
    form_version: str
    signed_on: date | None
    limits_explained: bool

    @property
    def recorded(self) -> bool:
        return bool(self.form_version) and self.signed_on is not None


@dataclass(frozen=True)
class CaseView:
    id: int
    code: str
    client_id: int
    client_alias: str
    client_anonymous: bool
    client_name: str | None  # None unless the viewer sees the client's identity
    gender: Gender | None
    age_band: AgeBand | None
    rank_level: RankLevel | None
    counsellor: UserRef
    shared_with: tuple[UserRef, ...]
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    closing_summary: str
    source: CaseSource
    talk_trigger: TalkTrigger | None
    concerns: tuple[Concern, ...]
    risk_level: RiskLevel
    consent: Consent
    deleted: bool
    can_work: bool  # may add entries: sessions, risk, crisis, follow-ups, consent
    can_close: bool  # may close or reopen it: its assigned or shared counsellors
    can_share: bool  # may share and unshare it: the assigned counsellor, the custodian
    emergency_until: datetime | None  # set when the viewer sees it through emergency access


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: only what the list shows."""

    id: int
    code: str
    client: str  # the name where the viewer sees identity (and it has one), else the alias
    gender: Gender | None
    age_band: AgeBand | None
    counsellor: str
    status: CaseStatus
    risk_level: RiskLevel
    opened_on: date
    last_session_on: date | None
    deleted: bool


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    offset: int
    limit: int
    has_more: bool


class TimelineKind(StrEnum):
    SESSION = "session"
    RISK_CHANGE = "risk_change"
    CRISIS = "crisis"
    FOLLOW_UP = "follow_up"
    ASSESSMENT = "assessment"


@dataclass(frozen=True)
class SessionBrief:
    id: int
    kind: ServiceKind
    held_on: date
    start_time: time | None
    counsellor: UserRef
    risk_level: RiskLevel
    private_note: str | None  # only for the note's author


@dataclass(frozen=True)
class RiskChangeView:
    id: int
    case_id: int
    from_level: RiskLevel
    to_level: RiskLevel
    reason: str
    changed_by: UserRef
    changed_at: datetime


@dataclass(frozen=True)
class CrisisView:
    id: int
    case_id: int
    occurred_on: date
    description: str
    actions: tuple[CrisisAction, ...]
    safety_plan: str
    created_by: UserRef


@dataclass(frozen=True)
class FollowUpView:
    id: int
    case_id: int
    case_code: str
    due_on: date
    method: FollowUpMethod
    done_on: date | None
    outcome: str
    next_due_on: date | None
    created_by: UserRef

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


@dataclass(frozen=True)
class AssessmentBrief:
    id: int
    case_id: int | None
    scale_id: str
    short_name: str  # "PHQ-9"
    administered_on: date
    mode: AssessmentMode
    total: float | None  # None when too many answers are missing
    band: str | None  # the band's Chinese label
    complete: bool
    positive: bool  # a warning rule fired
    by: UserRef


TimelineDetail = SessionBrief | RiskChangeView | CrisisView | FollowUpView | AssessmentBrief


@dataclass(frozen=True)
class TimelineItem:
    on: date
    kind: TimelineKind
    item_id: int
    by: str  # display name of the counsellor or author
    risk_level: RiskLevel | None  # a session's judgement, or the level a change set
    detail: TimelineDetail


@dataclass(frozen=True)
class EmergencyGrant:
    id: int
    case_id: int
    case_code: str
    user: UserRef  # who broke the glass
    reason: str
    granted_at: datetime
    expires_at: datetime
    active: bool


@dataclass(frozen=True)
class TodaySession:
    session_id: int
    case_id: int
    case_code: str
    client: str
    kind: ServiceKind
    start_time: time | None
    counsellor: str


@dataclass(frozen=True)
class PinnedCase:
    case_id: int
    code: str
    client: str
    counsellor: str
    risk_level: RiskLevel
    since: datetime | None  # when it reached this level


@dataclass(frozen=True)
class MonthCounts:
    year: int
    month: int
    new_cases: int
    sessions: int
    closed_cases: int
    follow_ups_done: int


@dataclass(frozen=True)
class WarningItem:
    id: int
    assessment_id: int
    scale_short_name: str
    level: WarningLevel
    reason: str
    score: float
    raised_at: datetime
    # where it belongs: a case, or a screening participant
    case_id: int | None
    case_code: str | None
    screening_id: int | None
    participant_code: str | None
    subject: str  # what a list shows: client name/alias, or participant name/code
    response: WarningResponse | None
    response_note: str
    responded_at: datetime | None
    responded_by: str | None

    @property
    def open(self) -> bool:
        return self.response is None


@dataclass(frozen=True)
class Dashboard:
    today: date
    today_sessions: tuple[TodaySession, ...]
    overdue_follow_ups: tuple[FollowUpView, ...]
    pinned: tuple[PinnedCase, ...]
    emergency_grants: tuple[EmergencyGrant, ...]
    counts: MonthCounts
    open_warnings: tuple[WarningItem, ...] = ()  # assessment warnings without a response
    overdue_referrals: tuple[ReferralBrief, ...] = ()  # sent/accepted, no feedback in time
