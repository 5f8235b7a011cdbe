"""Execution tracking («отметка об исполнении») and the execution report on a date («отчёт об исполнении
дорожной карты на дату»).

A measure's :class:`~gia_roadmap.plan.Status` records whether it was done or cancelled, when, what shows
it (a document, a link) and who reported it. :func:`mark` sets it through the API (the importer reads it
from a completion column; JSON and YAML keep it). :func:`execution_report` says, on a given day, what is
done, what is overdue, what is at risk and what is upcoming, measure by measure and by responsible party,
in Russian by default.

The states of a measure on the day ``on`` (:class:`ExecutionState`), first rule that holds (a measure
marked done or cancelled on a day after ``on`` was neither yet on ``on``: a report on a past day shows the
plan as it stood then):

* **cancelled** — marked cancelled;
* **done** — marked done no later than its due date (or with no date of execution recorded);
* **done late** — marked done after its due date;
* **continuous** — a continuous activity («постоянно»), never overdue;
* **unknown** — the deadline resolves to no dates (an external schedule, no exam events given, unread text);
* **overdue** — its due date is before ``on``;
* **at risk** — due within ``soon`` working days of ``on`` (calendar days without a calendar), or a measure
  it depends on is overdue;
* **in progress** — ``on`` lies within its window;
* **upcoming** — its window starts after ``on``.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Mapping
from typing import Any

import attrs

from gia_roadmap.calendar.terms import EventDates, ResolutionStatus, ResolveOptions, WorkingDayCalendar
from gia_roadmap.errors import InvalidTypeError, InvalidValueError, Language
from gia_roadmap.plan.model import Dependency, MeasureNumber, Roadmap, Section, Status, StatusKind
from gia_roadmap.plan.views import PlanSchedule, ScheduleRow, html_table, plan_schedule

__all__ = ["ExecutionReport", "ExecutionRow", "ExecutionState", "execution_report", "mark"]


class ExecutionState(enum.Enum):
    """A measure's state in an execution report (see the module docstring for the rules)."""

    DONE = "done"
    DONE_LATE = "done_late"
    CANCELLED = "cancelled"
    OVERDUE = "overdue"
    AT_RISK = "at_risk"
    IN_PROGRESS = "in_progress"
    UPCOMING = "upcoming"
    CONTINUOUS = "continuous"
    UNKNOWN = "unknown"

    def label(self, lang: Language = "ru") -> str:
        """The state for people: «выполнено», «просрочено», «под угрозой срыва» …"""
        if lang == "en":
            return self.value.replace("_", " ")
        if lang != "ru":
            raise InvalidValueError(f"lang must be 'ru' or 'en', got {lang!r}")
        return _LABELS[self]


_LABELS = {
    ExecutionState.DONE: "выполнено",
    ExecutionState.DONE_LATE: "выполнено с нарушением срока",
    ExecutionState.CANCELLED: "отменено",
    ExecutionState.OVERDUE: "просрочено",
    ExecutionState.AT_RISK: "под угрозой срыва",
    ExecutionState.IN_PROGRESS: "в работе",
    ExecutionState.UPCOMING: "предстоит",
    ExecutionState.CONTINUOUS: "постоянно",
    ExecutionState.UNKNOWN: "срок не определён",
}

_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "ru": (
        "№", "Мероприятие", "Ответственные", "Срок", "Состояние", "Дней просрочки", "Дата исполнения",
        "Подтверждение", "Кто сообщил",
    ),
    "en": (
        "number", "title", "responsible", "due", "state", "days overdue", "done on", "evidence",
        "reported by",
    ),
}  # fmt: skip


@attrs.frozen(kw_only=True)
class ExecutionRow:
    """One measure of an :class:`ExecutionReport`.

    Attributes:
        row: the measure's schedule row (dates, responsible parties, status).
        state: its state on the report's day.
        days_overdue: calendar days past the due date for an overdue measure (or, for one done late,
            days it was done after the due date); 0 otherwise.
        blocked_by: the numbers of overdue measures it depends on.
    """

    row: ScheduleRow
    state: ExecutionState
    days_overdue: int = 0
    blocked_by: tuple[str, ...] = ()

    def record(self, lang: Language = "ru") -> dict[str, Any]:
        """The row as a flat mapping of the report's columns."""
        status = self.row.status
        values = (
            self.row.number,
            " ".join(self.row.title.split()),
            "; ".join(self.row.responsible),
            self.row.due,
            self.state.label(lang),
            self.days_overdue,
            status.date,
            status.evidence,
            status.reported_by,
        )
        return dict(zip(_COLUMNS["en" if lang == "en" else "ru"], values, strict=True))


@attrs.frozen(kw_only=True)
class ExecutionReport:
    """«Отчёт об исполнении на дату»: every measure's state on ``on``.

    Attributes:
        roadmap: the plan.
        on: the report's day.
        soon: the «due soon» horizon in working days.
        rows: one per measure, in document order.
    """

    roadmap: Roadmap
    on: dt.date
    soon: int
    rows: tuple[ExecutionRow, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def of(self, *states: ExecutionState) -> tuple[ExecutionRow, ...]:
        """The rows in any of ``states``."""
        return tuple(r for r in self.rows if r.state in states)

    @property
    def counts(self) -> dict[ExecutionState, int]:
        """How many measures are in each state (every state listed, zeros included)."""
        counts = dict.fromkeys(ExecutionState, 0)
        for row in self.rows:
            counts[row.state] += 1
        return counts

    def by_responsible(self, lang: Language = "ru") -> dict[str, dict[ExecutionState, int]]:
        """Per responsible party (a measure with two parties counts for both), its counts by state."""
        none = "без ответственного" if lang == "ru" else "no responsible party"
        out: dict[str, dict[ExecutionState, int]] = {}
        for row in self.rows:
            for party in row.row.responsible or (none,):
                out.setdefault(party, dict.fromkeys(ExecutionState, 0))[row.state] += 1
        return out

    def to_records(self, lang: Language = "ru") -> list[dict[str, Any]]:
        """One mapping per measure, with Russian column names (``lang="en"``: English ones)."""
        return [row.record(lang) for row in self.rows]

    def to_dataframe(self, lang: Language = "ru") -> Any:
        """The rows as a ``pandas.DataFrame``."""
        import pandas as pd  # optional: only this method needs it

        return pd.DataFrame(self.to_records(lang), columns=list(_COLUMNS["en" if lang == "en" else "ru"]))

    def summary(self, lang: Language = "ru") -> str:
        """The report's head line: «На 01.03.2026: выполнено 3, просрочено 1, …» (states with measures)."""
        parts = [f"{state.label(lang)} {n}" for state, n in self.counts.items() if n]
        head = f"На {self.on:%d.%m.%Y}" if lang == "ru" else f"On {self.on.isoformat()}"
        return f"{head}: {', '.join(parts)}" if parts else head

    def text(self, lang: Language = "ru") -> str:
        """The report as plain text: the head line, then the overdue, at-risk and done-late measures,
        then the counts per responsible party."""
        ru = lang == "ru"
        lines = [
            ("Отчёт об исполнении дорожной карты " if ru else "Execution report of ")
            + f"«{self.roadmap.title or self.roadmap.id}»",
            self.summary(lang),
        ]
        for state in (ExecutionState.OVERDUE, ExecutionState.AT_RISK, ExecutionState.DONE_LATE):
            rows = self.of(state)
            if not rows:
                continue
            lines.append(f"{state.label(lang).capitalize()}:")
            for row in rows:
                due = f"{row.row.due:%d.%m.%Y}" if row.row.due else "—"
                extra = f", {row.days_overdue} дн." if row.days_overdue and ru else ""
                if row.days_overdue and not ru:
                    extra = f", {row.days_overdue} days"
                who = "; ".join(row.row.responsible) or "—"
                title = " ".join(row.row.title.split())
                lines.append(f"  {row.row.number.strip() or '—'} {title} (срок {due}{extra}; {who})")
        lines.append("По ответственным:" if ru else "By responsible party:")
        for party, counts in self.by_responsible(lang).items():
            parts = [f"{state.label(lang)} {n}" for state, n in counts.items() if n]
            lines.append(f"  {party}: {', '.join(parts)}")
        return "\n".join(lines)

    def to_html(self, lang: Language = "ru") -> str:
        """The report as an HTML table under its head line."""
        table = html_table(self.to_records(lang), _COLUMNS["en" if lang == "en" else "ru"])
        title = html.escape(self.roadmap.title or self.roadmap.id)
        return f"<h3>{title}</h3><p>{html.escape(self.summary(lang))}</p>{table}"

    def _repr_html_(self) -> str:
        return self.to_html()


_Key = tuple[str, tuple[int, ...], object]


def _keys(row: ScheduleRow) -> tuple[_Key, _Key]:
    """How a dependency may point at the row: by its section and number, or section and ordinal."""
    number = MeasureNumber.parse(row.id.number).canonical
    return ("number", row.id.section, number), ("ordinal", row.id.section, row.id.ordinal)


def _target(dependency: Dependency) -> _Key:
    ref = dependency.on
    if ref.ordinal is None:
        return ("number", ref.section, ref.number)
    return ("ordinal", ref.section, ref.ordinal)


def _state(row: ScheduleRow, on: dt.date, horizon: dt.date, overdue: set[_Key]) -> ExecutionState:
    status = row.status
    due = row.due
    if status.date is not None and status.date > on:  # done (cancelled) after the report's day: not yet
        status = Status()
    if status.kind is StatusKind.CANCELLED:
        return ExecutionState.CANCELLED
    if status.kind is StatusKind.DONE:
        late = due is not None and status.date is not None and status.date > due
        return ExecutionState.DONE_LATE if late else ExecutionState.DONE
    if row.resolution.status is ResolutionStatus.CONTINUOUS:
        return ExecutionState.CONTINUOUS
    if due is None or row.start is None:
        return ExecutionState.UNKNOWN
    if due < on:
        return ExecutionState.OVERDUE
    if due <= horizon or any(_target(d) in overdue for d in row.measure.dependencies):
        return ExecutionState.AT_RISK
    if row.start <= on:
        return ExecutionState.IN_PROGRESS
    return ExecutionState.UPCOMING


def execution_report(
    roadmap: Roadmap,
    on: dt.date,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    soon: int = 5,
    options: ResolveOptions | None = None,
    schedule: PlanSchedule | None = None,
) -> ExecutionReport:
    """«Отчёт об исполнении на дату»: what is done, overdue, at risk and upcoming on ``on``.

    Args:
        roadmap: the plan, with the execution status of its measures.
        on: the report's day.
        calendar: the working-day calendar («due soon» counts working days with it).
        events: the exam events (relative deadlines resolve only with them).
        soon: the horizon of «at risk», in working days.
        options: counting rules for deadlines.
        schedule: the plan's :func:`~gia_roadmap.plan.views.plan_schedule` when already made.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise InvalidTypeError(f"on must be a datetime.date, got {type(on).__name__} {on!r}")
    if isinstance(soon, bool) or not isinstance(soon, int) or soon < 0:
        raise InvalidValueError(f"soon must be a count of working days ≥ 0, got {soon!r}")
    plan = schedule or plan_schedule(roadmap, calendar, events, today=on, options=options)
    if calendar is None or soon == 0:
        horizon = on + dt.timedelta(days=soon)
    else:
        horizon = calendar.add_working_days(on, soon)
    overdue: set[_Key] = set()
    for row in plan.rows:
        if _state(row, on, on, set()) is ExecutionState.OVERDUE:
            overdue.update(_keys(row))
    rows = []
    for row in plan.rows:
        state = _state(row, on, horizon, overdue)
        days = 0
        if state is ExecutionState.OVERDUE and row.due is not None:
            days = (on - row.due).days
        elif state is ExecutionState.DONE_LATE and row.due is not None and row.status.date is not None:
            days = (row.status.date - row.due).days
        blocked = tuple(d.on.number for d in row.measure.dependencies if _target(d) in overdue)
        rows.append(ExecutionRow(row=row, state=state, days_overdue=days, blocked_by=blocked))
    return ExecutionReport(roadmap=roadmap, on=on, soon=soon, rows=tuple(rows))


def mark(
    roadmap: Roadmap,
    number: str,
    *,
    done: dt.date | None = None,
    cancelled: dt.date | None = None,
    evidence: str = "",
    reported_by: str = "",
    note: str = "",
) -> Roadmap:
    """The plan with measure ``number`` marked done on ``done`` (or cancelled on ``cancelled``), with
    what shows it and who reported it; every measure with that number is marked.

    Raises:
        InvalidValueError: no measure has the number, or both or neither of ``done`` and ``cancelled``
            are given.
    """
    if (done is None) == (cancelled is None):
        raise InvalidValueError("mark: give exactly one of done= and cancelled= (the day it happened)")
    kind = StatusKind.DONE if done is not None else StatusKind.CANCELLED
    status = Status(kind, done or cancelled, note, evidence, reported_by)
    wanted = MeasureNumber.parse(number).canonical
    if not roadmap.find(number):
        known = ", ".join(dict.fromkeys(m.number.canonical for m in roadmap.measures if m.number.canonical))
        raise InvalidValueError(
            f"mark: no measure of plan {roadmap.id!r} has the number «{number}»; known: {known}"
        )

    def update(section: Section) -> Section:
        measures = tuple(
            attrs.evolve(m, status=status) if m.number.canonical == wanted else m for m in section.measures
        )
        return attrs.evolve(section, measures=measures, subgroups=tuple(update(s) for s in section.subgroups))

    return attrs.evolve(roadmap, sections=tuple(update(s) for s in roadmap.sections))
