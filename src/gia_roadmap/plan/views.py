"""Schedule views of a plan («график исполнения»): one row per measure, and the same rows by month,
by week, by responsible party, and as a Gantt-like chart in text or HTML.

:func:`plan_schedule` resolves every measure's deadline (bound to the exam events of its own scope,
as ``check()`` and the exports do: :class:`~gia_roadmap.plan.binding.EventBinder`), runs the
dependency schedule (:func:`~gia_roadmap.plan.scheduling.schedule`: slack in working days, the critical
path) and gives a :class:`PlanSchedule`: its :class:`ScheduleRow` values are DataFrame-ready
(:meth:`PlanSchedule.to_records`, :meth:`PlanSchedule.to_dataframe`), and it answers what is due
between two days, what is overdue and what is due soon on a day.

A measure's **due date** is the end of the latest window its deadline resolves to; its **state** on a
day is :class:`~gia_roadmap.plan.queries.DueState` (done and cancelled win over dates; a continuous
activity is never overdue; a deadline that resolves to no dates is unknown, never overdue).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    EventDates,
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    WorkingDayCalendar,
    event_dates,
)
from gia_roadmap.errors import InvalidTypeError, InvalidValueError, Language
from gia_roadmap.plan.binding import EventBinder
from gia_roadmap.plan.graph import DependencyGraph, Node
from gia_roadmap.plan.model import LocatedMeasure, Measure, MeasureId, Roadmap, Status
from gia_roadmap.plan.queries import DueState, state_of
from gia_roadmap.plan.responsible import Responsible
from gia_roadmap.plan.scheduling import schedule

__all__ = ["PlanSchedule", "ScheduleRow", "cell_text", "html_table", "plan_schedule"]

_STATE_LABELS: Mapping[str, Mapping[DueState, str]] = {
    "ru": {
        DueState.UPCOMING: "предстоит",
        DueState.DUE: "в работе",
        DueState.OVERDUE: "просрочено",
        DueState.DONE: "выполнено",
        DueState.CANCELLED: "отменено",
        DueState.CONTINUOUS: "постоянно",
        DueState.UNKNOWN: "срок не определён",
    },
    "en": {state: state.value for state in DueState},
}
_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "ru": (
        "№", "Мероприятие", "Раздел", "Сроки", "Начало", "Срок", "Ответственные", "Состояние",
        "Резерв (раб. дн.)", "Критический путь",
    ),
    "en": (
        "number", "title", "section", "term", "start", "due", "responsible", "state", "slack", "critical",
    ),
}  # fmt: skip
_NO_PARTY = {"ru": "без ответственного", "en": "no responsible party"}


def state_label(state: DueState, lang: Language = "ru") -> str:
    """A state for people: «просрочено», «в работе» … (``lang="en"``: the value)."""
    return _STATE_LABELS[_lang(lang)][state]


def _lang(lang: object) -> Language:
    if lang == "ru":
        return "ru"
    if lang == "en":
        return "en"
    raise InvalidValueError(f"lang must be 'ru' or 'en', got {lang!r}")


def party_label(responsible: Responsible) -> str:
    """A party as one phrase: the body, person or role it was read as, else the text as written."""
    return responsible.raw if responsible.party is None else str(responsible.party)


@attrs.frozen(kw_only=True)
class ScheduleRow:
    """One measure of a :class:`PlanSchedule`.

    Attributes:
        id: the measure's identity.
        number: the number as written («1.2.»).
        title: the measure as written.
        section: the section headings from the top, joined by « / ».
        term: «Сроки» as written.
        windows: the date windows the deadline resolves to (empty when it resolves to none).
        resolution: how the deadline resolved (its status and reason).
        responsible: the responsible parties, one phrase each.
        measure: the measure itself (its execution status, dependencies …).
        state: the state on the schedule's day (:attr:`PlanSchedule.today`).
        slack: working days the measure can slip without delaying a successor past its own deadline
            (None when its dates or its successors' are unknown).
        critical: the measure is on the critical path.
    """

    id: MeasureId
    number: str
    title: str
    section: str
    term: str
    windows: tuple[DateWindow, ...]
    resolution: Resolution
    responsible: tuple[str, ...]
    measure: Measure
    state: DueState
    slack: int | None
    critical: bool

    @property
    def status(self) -> Status:
        """The execution status as recorded."""
        return self.measure.status

    @property
    def start(self) -> dt.date | None:
        """The first day of the earliest window, or None."""
        return min((w.start for w in self.windows), default=None)

    @property
    def due(self) -> dt.date | None:
        """The due date: the last day of the latest window, or None."""
        return max((w.end for w in self.windows), default=None)

    def record(self, lang: Language = "ru") -> dict[str, Any]:
        """The row as a flat mapping of the schedule's columns (:meth:`PlanSchedule.to_records`)."""
        values = (
            self.number,
            self.title,
            self.section,
            self.term,
            self.start,
            self.due,
            "; ".join(self.responsible),
            state_label(self.state, lang),
            self.slack,
            self.critical,
        )
        return dict(zip(_COLUMNS[_lang(lang)], values, strict=True))


@attrs.frozen(kw_only=True)
class PlanSchedule:
    """The schedule of a plan on a day: its rows in document order and the critical path.

    Attributes:
        roadmap: the plan.
        today: the day the states are given for.
        rows: one per measure, in document order.
        critical_path: the measures of the critical path, in order (events left out).
        calendar: the working-day calendar the slack and «due soon» count with (calendar days without
            one).
    """

    roadmap: Roadmap
    today: dt.date
    rows: tuple[ScheduleRow, ...]
    critical_path: tuple[MeasureId, ...]
    calendar: WorkingDayCalendar | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ScheduleRow]:
        return iter(self.rows)

    # ------------------------------------------------------------------ questions
    def critical(self) -> tuple[ScheduleRow, ...]:
        """The rows of the critical path, in its order."""
        by_id = {row.id: row for row in self.rows}
        return tuple(by_id[i] for i in self.critical_path if i in by_id)

    def due_between(self, start: dt.date, end: dt.date) -> tuple[ScheduleRow, ...]:
        """Rows whose due date falls in ``start``..``end`` (inclusive), by due date."""
        _check_day(start, "start")
        _check_day(end, "end")
        if end < start:
            raise InvalidValueError(f"due_between: end {end} is before start {start}")
        found = [r for r in self.rows if r.due is not None and start <= r.due <= end]
        return tuple(sorted(found, key=lambda r: r.due or start))

    def overdue(self, today: dt.date | None = None) -> tuple[ScheduleRow, ...]:
        """Rows not done nor cancelled whose due date is before ``today`` (the schedule's day by
        default); continuous activities and deadlines without dates are never overdue."""
        day = self.today if today is None else _check_day(today, "today")
        return tuple(r for r in self.rows if state_of(r.resolution, r.measure, day) is DueState.OVERDUE)

    def due_soon(self, today: dt.date | None = None, *, working_days: int = 5) -> tuple[ScheduleRow, ...]:
        """Rows not done nor cancelled, due from ``today`` to ``working_days`` working days after it
        (calendar days without a calendar), by due date."""
        day = self.today if today is None else _check_day(today, "today")
        if isinstance(working_days, bool) or not isinstance(working_days, int) or working_days < 0:
            raise InvalidValueError(f"working_days must be a count ≥ 0, got {working_days!r}")
        horizon = _add_days(self.calendar, day, working_days)
        found = [
            r
            for r in self.rows
            if r.due is not None
            and day <= r.due <= horizon
            and state_of(r.resolution, r.measure, day) not in (DueState.DONE, DueState.CANCELLED)
            and r.resolution.status is not ResolutionStatus.CONTINUOUS
        ]
        return tuple(sorted(found, key=lambda r: r.due or day))

    # ------------------------------------------------------------------ groupings
    def by_month(self) -> dict[tuple[int, int], tuple[ScheduleRow, ...]]:
        """Rows by the (year, month) of their due date, in calendar order; rows without one are left out."""
        return _grouped(self.rows, lambda r: [(r.due.year, r.due.month)] if r.due else [])

    def by_week(self) -> dict[tuple[int, int], tuple[ScheduleRow, ...]]:
        """Rows by the ISO (year, week) of their due date, in calendar order."""
        return _grouped(self.rows, lambda r: [r.due.isocalendar()[:2]] if r.due else [])

    def by_responsible(self, lang: Language = "ru") -> dict[str, tuple[ScheduleRow, ...]]:
        """Rows by responsible party (a row with two parties is under both), parties in the order they
        first appear; rows without one under «без ответственного»."""
        none = _NO_PARTY[_lang(lang)]
        groups: dict[str, list[ScheduleRow]] = {}
        for row in self.rows:
            for party in row.responsible or (none,):
                groups.setdefault(party, []).append(row)
        return {party: tuple(rows) for party, rows in groups.items()}

    # ------------------------------------------------------------------ tables
    def to_records(self, lang: Language = "ru") -> list[dict[str, Any]]:
        """One mapping per row with Russian column names (``lang="en"``: English ones)."""
        return [row.record(lang) for row in self.rows]

    def to_dataframe(self, lang: Language = "ru") -> Any:
        """The rows as a ``pandas.DataFrame`` (pandas is needed; ``pip install pandas``)."""
        try:
            import pandas as pd  # optional: only this method needs it
        except ImportError as error:  # pragma: no cover - pandas is a dev dependency
            from gia_roadmap.errors import MissingDependencyError

            raise MissingDependencyError("a DataFrame of the schedule", "pandas", "pandas") from error
        return pd.DataFrame(self.to_records(lang), columns=list(_COLUMNS[_lang(lang)]))

    # ------------------------------------------------------------------ charts
    def gantt_text(self, *, width: int = 60, lang: Language = "ru") -> str:
        """A Gantt-like chart in text: one line per measure with dates, from the earliest start to the
        latest due date; ``█`` marks a window, ``▌`` a one-day deadline inside a wider cell, ``!`` an
        overdue measure's due date, ``|`` the schedule's day, ``*`` a measure of the critical path."""
        if isinstance(width, bool) or not isinstance(width, int) or width < 10:
            raise InvalidValueError(f"width must be an int ≥ 10, got {width!r}")
        dated = [r for r in self.rows if r.windows]
        if not dated:
            return "нет мероприятий со сроками" if _lang(lang) == "ru" else "no measure has dates"
        first = min(r.start for r in dated if r.start)
        last = max(r.due for r in dated if r.due)
        span = (last - first).days + 1
        label = max(len(r.number.strip() or "—") for r in dated)

        def column(day: dt.date) -> int:
            return min(width - 1, (day - first).days * width // span)

        lines = [f"{'':{label + 2}}{first:%d.%m.%Y}{' ' * max(1, width - 20)}{last:%d.%m.%Y}"]
        for row in dated:
            cells = [" "] * width
            for window in row.windows:
                for position in range(column(window.start), column(window.end) + 1):
                    cells[position] = "█" if window.days > 1 or span <= width else "▌"
            if first <= self.today <= last:
                cells[column(self.today)] = "|"
            if row.state is DueState.OVERDUE and row.due is not None:
                cells[column(row.due)] = "!"
            mark = "*" if row.critical else " "
            title = " ".join(row.title.split())[:40]
            lines.append(f"{mark}{(row.number.strip() or '—'):<{label}} {''.join(cells)} {title}")
        return "\n".join(lines)

    def to_html(self, lang: Language = "ru") -> str:
        """The schedule as an HTML table with a Gantt bar per measure (no script, no external style)."""
        language = _lang(lang)
        dated = [r for r in self.rows if r.windows]
        first = min((r.start for r in dated if r.start), default=self.today)
        last = max((r.due for r in dated if r.due), default=self.today)
        span = max(1, (last - first).days + 1)
        head = "".join(f"<th>{html.escape(c)}</th>" for c in (*_COLUMNS[language][:8], "")) + "</tr>"
        body = []
        for row in self.rows:
            colour = "#c0392b" if row.state is DueState.OVERDUE else "#2e86c1"
            bars = "".join(
                f'<span style="position:absolute;top:2px;bottom:2px;background:{colour};'
                f"left:{100 * (w.start - first).days / span:.2f}%;"
                f'width:{max(0.4, 100 * w.days / span):.2f}%"></span>'
                for w in row.windows
            )
            record = row.record(language)
            cells = "".join(f"<td>{html.escape(cell_text(v))}</td>" for v in list(record.values())[:8])
            style = ' style="font-weight:bold"' if row.critical else ""
            bar = f'<td style="position:relative;min-width:240px">{bars}</td>'
            body.append(f"<tr{style}>{cells}{bar}</tr>")
        title = html.escape(self.roadmap.title or self.roadmap.id)
        caption = f"{title} — {self.today:%d.%m.%Y}"
        return f"<table><caption>{caption}</caption><tr>{head}{''.join(body)}</table>"

    def _repr_html_(self) -> str:
        return self.to_html()


def cell_text(value: object) -> str:
    """A table value for people: a date as «01.03.2026», True as «да», None and False as nothing."""
    if value is None or value is False:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if value is True:
        return "да"
    return str(value)


def html_table(records: Sequence[Mapping[str, object]], columns: Sequence[str] | None = None) -> str:
    """Records (one mapping per row, the same keys) as an HTML table, every text escaped; ``columns``
    names the header when there are no records to take it from."""
    keys = list(records[0]) if records else list(columns or ())
    head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell_text(r.get(k)))}</td>" for k in keys) + "</tr>"
        for r in records
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _grouped(rows: Iterable[ScheduleRow], keys: Any) -> dict[Any, tuple[ScheduleRow, ...]]:
    groups: dict[Any, list[ScheduleRow]] = {}
    for row in rows:
        for key in keys(row):
            groups.setdefault(key, []).append(row)
    return {key: tuple(groups[key]) for key in sorted(groups)}


def _check_day(day: object, name: str) -> dt.date:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InvalidTypeError(f"{name} must be a datetime.date, got {type(day).__name__} {day!r}")
    return day


def _add_days(calendar: WorkingDayCalendar | None, day: dt.date, count: int) -> dt.date:
    if calendar is None or count == 0:
        return day + dt.timedelta(days=count)
    return calendar.add_working_days(day, count)


def _hull(windows: Sequence[DateWindow]) -> DateWindow | None:
    if not windows:
        return None
    return DateWindow(min(w.start for w in windows), max(w.end for w in windows))


def _heading(located: LocatedMeasure) -> str:
    return " / ".join(s.heading for s in located.sections if s.heading)


def plan_schedule(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    today: dt.date | None = None,
    options: ResolveOptions | None = None,
) -> PlanSchedule:
    """The schedule of ``roadmap``: every measure's dates, state on ``today`` (the current day by
    default), slack and the critical path.

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (relative deadlines in working days and the slack need it).
        events: the exam events (an :class:`~gia_roadmap.calendar.events.ExamEvents`, or a mapping):
            relative deadlines resolve only with them.
        today: the day states are given for.
        options: counting rules for deadlines.
    """
    if not isinstance(roadmap, Roadmap):
        raise InvalidTypeError(f"roadmap must be a Roadmap, got {type(roadmap).__name__}")
    day = dt.date.today() if today is None else _check_day(today, "today")
    located = list(roadmap.walk())
    binder = EventBinder(roadmap, events)  # one per plan: measures of one scope share its events
    resolutions = [binder.resolve(item.measure, calendar, options=options) for item in located]
    graph = DependencyGraph.from_roadmap(roadmap, located=located)
    windows: dict[Node, DateWindow | None] = {}
    for item, resolution in zip(located, resolutions, strict=True):
        continuous = resolution.status is ResolutionStatus.CONTINUOUS
        windows[item.id] = None if continuous else _hull(resolution.windows)
    for event in graph.events:
        values = event_dates(events or {}, event.anchor)
        windows[event] = _hull([v if isinstance(v, DateWindow) else DateWindow.day(v) for v in values])
    plan = schedule(graph, windows, calendar)
    critical = tuple(node for node in plan.critical_path if isinstance(node, MeasureId))
    on_path = set(critical)
    rows = []
    for item, resolution in zip(located, resolutions, strict=True):
        measure = item.measure
        node = plan.nodes.get(item.id)
        rows.append(
            ScheduleRow(
                id=item.id,
                number=measure.number.raw,
                title=measure.title,
                section=_heading(item),
                term=measure.term.raw,
                windows=tuple(resolution.windows),
                resolution=resolution,
                responsible=tuple(party_label(r) for r in measure.all_responsible),
                measure=measure,
                state=state_of(resolution, measure, day),
                slack=None if node is None else node.slack,
                critical=item.id in on_path,
            )
        )
    return PlanSchedule(
        roadmap=roadmap, today=day, rows=tuple(rows), critical_path=critical, calendar=calendar
    )
