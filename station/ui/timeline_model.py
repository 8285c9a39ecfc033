"""A thin table model over a case's timeline (``cases.timeline``): sessions, risk
changes, crisis events, follow-ups and assessments, newest first, each with a short kind
label and one line of summary (an assessment: scale, total and band, and a mark when a
warning rule fired).

The model holds the frozen ``TimelineItem`` values the service returned, nothing
else; the case view sets them after each load.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from station.models.vocab import AssessmentMode, label
from station.services.views import (
    AssessmentBrief,
    CrisisView,
    FollowUpView,
    RiskChangeView,
    SessionBrief,
    TimelineItem,
    TimelineKind,
)
from station.ui import theme
from station.ui.table_model import RowTableModel

COL_DATE, COL_KIND, COL_SUMMARY, COL_BY = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the TimelineItem itself
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # its TimelineKind value (str)
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the id of the session, change, event or follow-up
SUMMARY_MAX = 80  # characters of free text shown on one line


def one_line(text: str, limit: int = SUMMARY_MAX) -> str:
    """The first ``limit`` characters of ``text`` on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def follow_up_state(view: FollowUpView, today: date) -> str:
    """ "done", "overdue" or "planned"."""
    if view.done_on is not None:
        return "done"
    return "overdue" if view.overdue(today) else "planned"


def kind_text(item: TimelineItem, today: date) -> str:
    detail = item.detail
    if isinstance(detail, SessionBrief):
        return label(detail.kind)
    if isinstance(detail, RiskChangeView):
        return QCoreApplication.translate("TimelineModel", "Risk level")
    if isinstance(detail, CrisisView):
        return QCoreApplication.translate("TimelineModel", "Crisis event")
    if isinstance(detail, AssessmentBrief):
        return QCoreApplication.translate("TimelineModel", "Assessment")
    state = follow_up_state(detail, today)
    if state == "done":
        return QCoreApplication.translate("TimelineModel", "Follow-up · done")
    if state == "overdue":
        return QCoreApplication.translate("TimelineModel", "Follow-up · overdue")
    return QCoreApplication.translate("TimelineModel", "Follow-up · planned")


def summary_text(item: TimelineItem, today: date) -> str:
    detail = item.detail
    parts: list[str] = []
    if isinstance(detail, SessionBrief):
        if detail.start_time is not None:
            parts.append(detail.start_time.strftime("%H:%M"))
        parts.append(
            QCoreApplication.translate("TimelineModel", "risk judgement: {0}").format(
                label(detail.risk_level)
            )
        )
    elif isinstance(detail, RiskChangeView):
        parts.append(f"{label(detail.from_level)} → {label(detail.to_level)}")
        if detail.reason:
            parts.append(one_line(detail.reason))
    elif isinstance(detail, CrisisView):
        if detail.actions:
            parts.append("、".join(label(a) for a in detail.actions))
        parts.append(one_line(detail.description))
    elif isinstance(detail, AssessmentBrief):
        parts += assessment_parts(detail)
    else:
        parts.append(label(detail.method))
        state = follow_up_state(detail, today)
        if state == "done":
            parts.append(one_line(detail.outcome))
            if detail.next_due_on is not None:
                parts.append(
                    QCoreApplication.translate("TimelineModel", "next due {0}").format(
                        f"{detail.next_due_on:%Y-%m-%d}"
                    )
                )
        elif state == "overdue":
            parts.append(
                QCoreApplication.translate("TimelineModel", "{0} days overdue").format(
                    (today - detail.due_on).days
                )
            )
        else:
            parts.append(QCoreApplication.translate("TimelineModel", "not yet done"))
    return " · ".join(p for p in parts if p)


def score_text(total: float) -> str:
    """12 rather than 12.0; other totals to at most 2 decimals."""
    return f"{total:g}" if float(total).is_integer() else f"{round(total, 2):g}"


def assessment_parts(detail: AssessmentBrief) -> list[str]:
    """PHQ-9 · 14 分 · 中度 · 有预警 (· 本人自填)."""
    parts = [detail.short_name]
    if detail.total is None:
        parts.append(QCoreApplication.translate("TimelineModel", "no total"))
    else:
        parts.append(
            QCoreApplication.translate("TimelineModel", "{0} points").format(
                score_text(detail.total)
            )
        )
    if detail.band:
        parts.append(detail.band)
    if detail.positive:
        parts.append(QCoreApplication.translate("TimelineModel", "⚑ warning"))
    if detail.mode is AssessmentMode.SELF:
        parts.append(label(detail.mode))
    return parts


class TimelineModel(RowTableModel[TimelineItem]):
    """A case's timeline, newest first (the service gives it oldest first)."""

    def __init__(self, parent: Any = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._headers = [self.tr("Date"), self.tr("Kind"), self.tr("Summary"), self.tr("By")]

    @property
    def today(self) -> date:
        return self._today or date.today()

    def set_items(self, items: Sequence[TimelineItem]) -> None:
        """Show ``items`` as ``cases.timeline`` returns them (oldest first)."""
        self.beginResetModel()
        self._rows = list(reversed(items))
        self.endResetModel()

    def clear(self) -> None:
        self.set_items(())

    def row_of(self, kind: TimelineKind, item_id: int) -> int:
        """The row of an item, or -1."""
        for row, item in enumerate(self._rows):
            if item.kind is kind and item.item_id == item_id:
                return row
        return -1

    def items(self) -> list[TimelineItem]:
        return list(self._rows)

    # -- the model ------------------------------------------------------------------------
    def cell(self, item: TimelineItem, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole line, with who wrote it
            return " · ".join(
                text for c in (COL_KIND, COL_SUMMARY, COL_BY) if (text := self._text(item, c))
            )
        if role == ITEM_ROLE:
            return item
        if role == KIND_ROLE:
            return item.kind.value
        if role == ID_ROLE:
            return item.item_id
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_KIND and self._attention(item):
            return QBrush(QColor(theme.ERROR))
        return None

    def _attention(self, item: TimelineItem) -> bool:
        detail = item.detail
        if isinstance(detail, FollowUpView):
            return follow_up_state(detail, self.today) == "overdue"
        if isinstance(detail, AssessmentBrief):
            return detail.positive
        return isinstance(detail, CrisisView)

    def _text(self, item: TimelineItem, column: int) -> str | None:
        if column == COL_DATE:
            return f"{item.on:%Y-%m-%d}"
        if column == COL_KIND:
            return kind_text(item, self.today)
        if column == COL_SUMMARY:
            return summary_text(item, self.today)
        if column == COL_BY:
            return item.by or "—"
        return None
