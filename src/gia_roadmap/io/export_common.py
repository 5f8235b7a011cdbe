"""What every export shows: one flat row per measure with its resolved dates, and the findings.

The exports (XLSX, iCalendar, pandas, HTML) all start from :func:`measure_rows` — each measure with
its section path, number as written, title, the raw «Сроки» beside the resolved date windows, and the
responsible parties — and from :func:`findings_for`, which runs :func:`gia_roadmap.plan.checks.check`.
Pass ``findings=`` to any export to show your own list instead (findings, import problems or rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from gia_roadmap.calendar import DateWindow, ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Problem
from gia_roadmap.plan.model import LocatedMeasure, Roadmap
from gia_roadmap.plan.responsible import Responsible
from gia_roadmap.plan.views import ScheduleRow, plan_schedule

__all__ = [
    "PLAN_COLUMNS",
    "FindingRow",
    "MeasureRow",
    "PlanValue",
    "findings_for",
    "measure_rows",
    "party_text",
    "plan_values",
    "window_text",
]


@attrs.frozen
class MeasureRow:
    """One measure, flattened for a table, a calendar or a report.

    Attributes:
        id: the measure's identity as text («altai-2024/§1/2.1#0»).
        section: the section headings from the top, joined by « / ».
        section_kind: the canonical section kind (``SectionKind.value``).
        number: the number as written («2.1.», empty when unnumbered).
        title: «Мероприятия» as written.
        term_raw: «Сроки» as written.
        term_kind: the deadline form (``term.kind``: «month», «relative» …).
        windows: the resolved inclusive date windows (empty when nothing resolved).
        status: the resolution status (``ResolutionStatus.value``).
        reason: why (part of) the term did not resolve; empty when it did.
        responsible: the parties, one per item, as read (or as written when unresolved).
        responsible_raw: the responsible cell as written.
        exam_scope: exam scope labels («ГИА-9», «ЕГЭ»).
        dependencies: the measures it depends on, as «FS 1.2» (the link kind and the number).
        categories: the trained categories it names (their Russian labels).
        execution: the execution status (``StatusKind.value``: «planned», «done», «cancelled»).
        done_on: the day it was done or cancelled, None when not recorded.
        evidence: what shows it was done.
        reported_by: who reported it.
        notes: the measure's notes.
        slack: working days it can slip without delaying a successor past its deadline, None when
            unknown.
        critical: it is on the critical path.
    """

    id: str
    section: str
    section_kind: str
    number: str
    title: str
    term_raw: str
    term_kind: str
    windows: tuple[DateWindow, ...]
    status: str
    reason: str
    responsible: tuple[str, ...]
    responsible_raw: str
    exam_scope: tuple[str, ...]
    dependencies: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    execution: str = "planned"
    done_on: dt.date | None = None
    evidence: str = ""
    reported_by: str = ""
    notes: tuple[str, ...] = ()
    slack: int | None = None
    critical: bool = False

    @property
    def start(self) -> dt.date | None:
        """The earliest window start, or None."""
        return min((w.start for w in self.windows), default=None)

    @property
    def end(self) -> dt.date | None:
        """The latest window end (the due date), or None."""
        return max((w.end for w in self.windows), default=None)


@attrs.frozen
class FindingRow:
    """One finding or import problem, flattened: code, severity, message and where."""

    code: str
    severity: str
    message: str
    where: str


def party_text(responsible: Responsible) -> str:
    """A party as one phrase: the body, person or role it resolved to, else the text as written."""
    party = responsible.party
    if party is None:
        return responsible.raw
    return str(party)


def measure_rows(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> tuple[MeasureRow, ...]:
    """Every measure of ``roadmap`` in document order, its term resolved in the plan's school year, with
    its dependencies, trained categories, execution status, slack and place on the critical path.

    Relative terms («не позднее чем за 1 рабочий день до дня проведения экзамена») resolve only with
    ``events`` (e.g. from an :class:`~gia_roadmap.calendar.schedule.ExamSchedule`) and, for working
    days, a ``calendar``.
    """
    view = plan_schedule(roadmap, calendar, events, today=_ANY_DAY, options=options)
    return tuple(_row(located, row) for located, row in zip(roadmap.walk(), view.rows, strict=True))


_ANY_DAY = dt.date(2000, 1, 1)  # the rows carry no state on a day: the schedule's day is not used


def _row(located: LocatedMeasure, scheduled: ScheduleRow) -> MeasureRow:
    measure = located.measure
    resolution = scheduled.resolution
    headings = [s.heading or (str(s.number) if s.number else "") for s in located.sections]
    categories = (t.category for t in (*measure.targets, *measure.participants) if t.category is not None)
    return MeasureRow(
        id=str(located.id),
        section=" / ".join(h for h in headings if h),
        section_kind=located.section_kind.value,
        number=measure.number.raw,
        title=measure.title,
        term_raw=measure.term.raw,
        term_kind=measure.term.kind,
        windows=tuple(resolution.windows),
        status=resolution.status.value,
        reason=resolution.reason,
        responsible=tuple(party_text(r) for r in measure.all_responsible),
        responsible_raw=measure.responsible_raw
        or "; ".join(a.responsible_raw for a in measure.level_actions if a.responsible_raw),
        exam_scope=tuple(s.label for s in measure.exam_scope),
        dependencies=tuple(f"{d.kind.value} {d.on.number}" for d in measure.dependencies),
        categories=tuple(dict.fromkeys(c.label for c in categories)),
        execution=measure.status.kind.value,
        done_on=measure.status.date,
        evidence=measure.status.evidence,
        reported_by=measure.status.reported_by,
        notes=measure.notes,
        slack=scheduled.slack,
        critical=scheduled.critical,
    )


def findings_for(
    roadmap: Roadmap,
    findings: Iterable[FindingRow | Problem] | None = None,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
) -> tuple[FindingRow, ...]:
    """The findings to show beside ``roadmap``.

    Given ``findings`` (finding rows, or any :class:`~gia_roadmap.errors.Problem`: findings, import
    problems) wins. Otherwise :func:`gia_roadmap.plan.checks.check` runs on the roadmap with
    ``calendar`` and ``events``.
    """
    if findings is not None:
        return tuple(_as_row(f) for f in findings)
    # The checks (and networkx under them) load only when an export asks for findings, so importing
    # the exports (and the CLI that offers them) stays light.
    from gia_roadmap.plan.checks import check

    return tuple(_as_row(f) for f in check(roadmap, calendar=calendar, events=events))


def _as_row(item: FindingRow | Problem) -> FindingRow:
    if isinstance(item, FindingRow):
        return item
    return FindingRow(item.code, item.severity.value, item.message, str(item.location))


def window_text(windows: Sequence[DateWindow]) -> str:
    """Windows as «01.11.2023–30.11.2023; 01.01.2024–31.01.2024» (one date when a window is one day)."""
    parts = []
    for window in windows:
        if window.start == window.end:
            parts.append(window.start.strftime("%d.%m.%Y"))
        else:
            parts.append(f"{window.start:%d.%m.%Y}–{window.end:%d.%m.%Y}")
    return "; ".join(parts)


#: The columns of a plan table (the XLSX «План» sheet, the CSV export), in order.
PLAN_COLUMNS = (
    "Раздел",
    "№",
    "Мероприятие",
    "Сроки (как написано)",
    "Вид срока",
    "Начало",
    "Окончание",
    "Окна",
    "Статус",
    "Причина",
    "Ответственные (как написано)",
    "Ответственные (прочитано)",
    "Экзамены",
    "Зависимости",
    "Обучаемые категории",
    "Исполнение",
    "Дата исполнения",
    "Подтверждение",
    "Кто сообщил",
    "Резерв (раб. дн.)",
    "Критический путь",
    "Примечания",
    "Идентификатор",
)

PlanValue = str | dt.date | None
"""A value of a plan table: a text, a date, or nothing."""


def plan_values(row: MeasureRow) -> tuple[PlanValue, ...]:
    """The values of :data:`PLAN_COLUMNS` for one measure."""
    return (
        row.section,
        row.number,
        row.title,
        row.term_raw,
        row.term_kind,
        row.start,
        row.end,
        window_text(row.windows),
        row.status,
        row.reason,
        row.responsible_raw,
        "; ".join(row.responsible),
        ", ".join(row.exam_scope),
        ", ".join(row.dependencies),
        ", ".join(row.categories),
        _EXECUTION.get(row.execution, row.execution),
        row.done_on,
        row.evidence,
        row.reported_by,
        None if row.slack is None else str(row.slack),
        "да" if row.critical else "",
        "\n".join(row.notes),
        row.id,
    )


_EXECUTION = {"planned": "запланировано", "done": "выполнено", "cancelled": "отменено"}
