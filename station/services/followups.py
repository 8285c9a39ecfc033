"""Follow-ups (回访 / 跟踪): planned with a due date and method, completed with an
outcome and, when given, the next due date (which plans the next one). A follow-up
is overdue when it is not done and its due date is before today."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Case, FollowUp
from station.models.enums import Role
from station.models.vocab import FollowUpMethod
from station.services import access, audit
from station.services.cases import follow_up_view_of, live_case_for_work
from station.services.clients import check_date, require_choice, user_refs
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import FollowUpView, UserRef

OUTCOME_MAX = 4000


def _method(method: FollowUpMethod | str | None) -> FollowUpMethod:
    return require_choice(FollowUpMethod, method, "method", "回访方式")


def _due(due_on: date | None, field: str = "due_on") -> date:
    return check_date(due_on, field, "回访日期")


def _follow_up_for_work(session: Session, ctx: SignedIn, follow_up_id: int) -> FollowUp:
    row = session.get(FollowUp, follow_up_id)
    if row is None or row.deleted_at is not None:
        raise access.NotFound("回访")
    live_case_for_work(session, ctx, row.case_id)  # NotFound unless it is the user's case
    return row


def plan_follow_up(
    ctx: SignedIn, case_id: int, due_on: date | None, method: FollowUpMethod | str | None
) -> int:
    """Plan a follow-up on a case (closed cases too: 回访 often follows 结案)."""
    ctx.require(Role.COUNSELLOR)
    due = _due(due_on)
    how = _method(method)
    with ctx.vault.transaction() as s:
        case = live_case_for_work(s, ctx, case_id)
        check_date(due, "due_on", "回访日期", not_before=case.opened_on)
        row = FollowUp(case_id=case.id, due_on=due, method=how.value, created_by=ctx.user_id)
        s.add(row)
        s.flush()
        audit.record(s, ctx, "follow_up_plan", "follow_up", row.id, f"case={case.id}")
        return row.id


def reschedule_follow_up(
    ctx: SignedIn, follow_up_id: int, due_on: date | None, method: FollowUpMethod | str | None
) -> None:
    """Change the due date or method of a follow-up not yet done."""
    ctx.require(Role.COUNSELLOR)
    due = _due(due_on)
    how = _method(method)
    with ctx.vault.transaction() as s:
        row = _follow_up_for_work(s, ctx, follow_up_id)
        if row.done_on is not None:
            raise ValidationError("该回访已完成，不能再改期。", "The follow-up is already done.")
        case = s.get(Case, row.case_id)
        assert case is not None
        check_date(due, "due_on", "回访日期", not_before=case.opened_on)
        changed = []
        if row.due_on != due:
            row.due_on = due
            changed.append("due_on")
        if row.method != how.value:
            row.method = how.value
            changed.append("method")
        if changed:
            audit.record(s, ctx, "follow_up_update", "follow_up", row.id, ",".join(changed))


def complete_follow_up(
    ctx: SignedIn,
    follow_up_id: int,
    done_on: date | None,
    outcome: str,
    next_due_on: date | None = None,
) -> int | None:
    """Record a follow-up as done; when ``next_due_on`` is given the next follow-up is
    planned (same method) and its id returned."""
    ctx.require(Role.COUNSELLOR)
    done = check_date(done_on, "done_on", "回访完成日期", not_after=date.today())
    text = check_text(outcome, "outcome", "回访结果", OUTCOME_MAX)
    following = None
    if next_due_on is not None:
        following = check_date(next_due_on, "next_due_on", "下次回访日期")
        if following <= done:
            raise ValidationError(
                "下次回访日期应晚于本次完成日期。",
                "The next follow-up comes after this one.",
                field="next_due_on",
            )
    with ctx.vault.transaction() as s:
        row = _follow_up_for_work(s, ctx, follow_up_id)
        if row.done_on is not None:
            raise ValidationError("该回访已完成。", "The follow-up is already done.")
        case = s.get(Case, row.case_id)
        assert case is not None
        check_date(done, "done_on", "回访完成日期", not_before=case.opened_on)
        row.done_on = done
        row.outcome = text
        row.next_due_on = following
        audit.record(s, ctx, "follow_up_done", "follow_up", row.id, f"case={row.case_id}")
        if following is None:
            return None
        nxt = FollowUp(
            case_id=row.case_id, due_on=following, method=row.method, created_by=ctx.user_id
        )
        s.add(nxt)
        s.flush()
        audit.record(s, ctx, "follow_up_plan", "follow_up", nxt.id, f"case={row.case_id}")
        return nxt.id


def overdue_in(session: Session, ctx: SignedIn, today: date) -> list[FollowUpView]:
    """Overdue follow-ups of the cases this user sees (not deleted), oldest first."""
    rows = session.execute(
        select(FollowUp, Case.code)
        .join(Case, Case.id == FollowUp.case_id)
        .where(
            access.case_scope(ctx),
            Case.deleted_at.is_(None),
            FollowUp.deleted_at.is_(None),
            FollowUp.done_on.is_(None),
            FollowUp.due_on < today,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    ).all()
    refs = user_refs(session, [f.created_by for f, _ in rows])
    return [
        follow_up_view_of(f, code, refs.get(f.created_by, UserRef(f.created_by, "")))
        for f, code in rows
    ]


def overdue_follow_ups(ctx: SignedIn, today: date | None = None) -> list[FollowUpView]:
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        return overdue_in(s, ctx, today or date.today())
