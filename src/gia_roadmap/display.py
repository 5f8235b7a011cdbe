"""How gia_roadmap values show in notebooks: HTML views, a calendar month and a timeline plot.

* :class:`CalendarMonth` — one month of the production calendar (производственный календарь): its
  days with their kinds, the working days, days off and the norm of hours; shows as a grid in a
  notebook and as text with ``print``.
* :func:`roadmap_html`, :func:`measure_html`, :func:`report_html` — the HTML that
  :class:`~gia_roadmap.plan.Roadmap`, :class:`~gia_roadmap.plan.Measure` and
  :class:`~gia_roadmap.plan.findings.Report` show in Jupyter; :func:`html` wraps any of them into
  a value a notebook displays. Every text from a plan is HTML-escaped.
* :func:`timeline_rows` and :func:`plot_timeline` — a Gantt-style timeline (диаграмма Ганта) of the
  resolved deadlines with matplotlib, an optional extra (``pip install "gia-roadmap[plot]"``).

>>> from gia_roadmap.calendar import RussianCalendar
>>> june = CalendarMonth.of(RussianCalendar(), 2025, 6)
>>> june.working_days, june.days_off
(19, 11)
"""

from __future__ import annotations

import datetime as dt
import html as _html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from gia_roadmap.calendar.daykinds import CalendarDay, DayKind, WorkWeek
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.terms import EventDates, ResolveOptions, Term, WorkingDayCalendar
from gia_roadmap.errors import GiaRoadmapError, InvalidTypeError, Language, Severity
from gia_roadmap.plan.findings import Finding, Report
from gia_roadmap.plan.model import LocatedMeasure, Measure, Roadmap, Section
from gia_roadmap.plan.queries import DueState, resolve_measure, state_of
from gia_roadmap.text import MONTHS_NOMINATIVE, WEEKDAYS_SHORT

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from gia_roadmap.calendar.production import RussianCalendar

__all__ = [
    "CalendarMonth",
    "HtmlFragment",
    "OptionalDependencyError",
    "TimelineBar",
    "TimelineRow",
    "html",
    "measure_html",
    "month_html",
    "plot_timeline",
    "report_html",
    "roadmap_html",
    "timeline_rows",
]

_DAY_COLOURS = {
    DayKind.WORKING: "#ffffff",
    DayKind.SHORT: "#fff4cc",
    DayKind.WEEKEND: "#f3d6d6",
    DayKind.HOLIDAY: "#e57373",
    DayKind.TRANSFERRED_DAY_OFF: "#f0a8a8",
    DayKind.WORKING_WEEKEND: "#cfe8cf",
    DayKind.SPECIAL_NON_WORKING: "#d9c6e8",
    DayKind.REGIONAL_HOLIDAY: "#e9a0a0",
    DayKind.EXTRA_DAY_OFF: "#f0a8a8",
    DayKind.EXTRA_WORKING_DAY: "#cfe8cf",
}
_DAY_MARKS = {
    DayKind.WORKING: "",
    DayKind.SHORT: "*",
    DayKind.WEEKEND: "в",
    DayKind.HOLIDAY: "П",
    DayKind.TRANSFERRED_DAY_OFF: "т",
    DayKind.WORKING_WEEKEND: "р",
    DayKind.SPECIAL_NON_WORKING: "н",
    DayKind.REGIONAL_HOLIDAY: "Р",
    DayKind.EXTRA_DAY_OFF: "-",
    DayKind.EXTRA_WORKING_DAY: "+",
}
_SEVERITY_COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}
_STATE_COLOURS = {
    DueState.UPCOMING: "#90a4ae",
    DueState.DUE: "#fb8c00",
    DueState.OVERDUE: "#e53935",
    DueState.DONE: "#43a047",
    DueState.CANCELLED: "#bdbdbd",
    DueState.CONTINUOUS: "#81d4fa",
    DueState.UNKNOWN: "#9e9e9e",
}
_TABLE = 'style="border-collapse:collapse;font-size:90%"'
_CELL = 'style="border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top"'


def _e(value: object) -> str:
    """``value`` as escaped HTML text (quotes included)."""
    return _html.escape(str(value), quote=True)


class OptionalDependencyError(GiaRoadmapError, ImportError):
    """A feature needs a package of an optional extra that is not installed."""


# --------------------------------------------------------------------------------------------
# A calendar month
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class CalendarMonth:
    """One month of a production calendar: its days and totals.

    Attributes:
        year: the year.
        month: the month, 1–12.
        days: every day of the month with its kind.
        work_week: the calendar's working-week regime.
        working_days: working days (рабочие дни).
        short_days: shortened pre-holiday days (предпраздничные дни) among them.
        hours: the norm of working hours (норма рабочего времени) for a 40-, 36- and 24-hour week.
    """

    year: int
    month: int
    days: tuple[CalendarDay, ...]
    work_week: WorkWeek = WorkWeek.FIVE_DAY
    working_days: int = 0
    short_days: int = 0
    hours: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @classmethod
    def of(cls, calendar: RussianCalendar, year: int, month: int) -> CalendarMonth:
        """The month of ``calendar`` (raises as the calendar does outside its coverage)."""
        return cls(
            year,
            month,
            calendar.days_in(year, month),
            calendar.work_week,
            calendar.working_days_in(year, month),
            calendar.short_days_in(year, month),
            (
                calendar.working_hours_in(year, month, 40),
                calendar.working_hours_in(year, month, 36),
                calendar.working_hours_in(year, month, 24),
            ),
        )

    @property
    def name(self) -> str:
        """«Июнь 2025»."""
        return f"{MONTHS_NOMINATIVE[self.month - 1].capitalize()} {self.year}"

    @property
    def days_off(self) -> int:
        """Days that are not working days (выходные и праздничные дни)."""
        return sum(1 for d in self.days if not d.is_working)

    @property
    def weeks(self) -> tuple[tuple[CalendarDay | None, ...], ...]:
        """The days in rows of seven, Monday first; None pads the first and last weeks."""
        cells: list[CalendarDay | None] = [None] * self.days[0].date.weekday() if self.days else []
        cells.extend(self.days)
        cells.extend([None] * (-len(cells) % 7))
        return tuple(tuple(cells[i : i + 7]) for i in range(0, len(cells), 7))

    def __str__(self) -> str:
        lines = [self.name, " ".join(f"{w.capitalize():<4}" for w in WEEKDAYS_SHORT).rstrip()]
        for week in self.weeks:
            cells = ["    " if d is None else f"{d.date.day:>2}{_mark(d):<2}" for d in week]
            lines.append(" ".join(cells).rstrip())
        lines.append(self._totals())
        return "\n".join(lines)

    def _totals(self) -> str:
        h40, h36, h24 = (f"{h:g}" for h in self.hours)
        return (
            f"рабочих дней: {self.working_days}, выходных и праздничных: {self.days_off}, "
            f"сокращённых: {self.short_days}; норма часов (40/36/24 ч в неделю): {h40} / {h36} / {h24}"
        )

    def _repr_html_(self) -> str:
        return month_html(self)


def _mark(day: CalendarDay) -> str:
    mark = _DAY_MARKS[day.kind]
    if day.is_short and day.kind is not DayKind.SHORT:
        mark += "*"
    return mark


def month_html(month: CalendarMonth) -> str:
    """A month as an HTML grid: one cell per day, coloured by kind, the kind and note on hover."""
    head = "".join(f"<th {_CELL}>{_e(w.capitalize())}</th>" for w in WEEKDAYS_SHORT)
    rows = []
    for week in month.weeks:
        cells = []
        for day in week:
            if day is None:
                cells.append(f"<td {_CELL}></td>")
                continue
            tip = (
                day.kind.russian
                + (f": {day.note}" if day.note else "")
                + (" (оценка)" if day.is_estimate else "")
            )
            style = (
                f'style="border:1px solid #ddd;padding:2px 6px;text-align:right;'
                f'background:{_DAY_COLOURS[day.kind]}"'
            )
            cells.append(f'<td {style} title="{_e(tip)}">{day.date.day}{_e(_mark(day))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="gia-month"><table {_TABLE}><caption style="text-align:left;font-weight:bold">'
        f"{_e(month.name)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<div>{_e(month._totals())}</div></div>"
    )


# --------------------------------------------------------------------------------------------
# Roadmaps, measures, reports
# --------------------------------------------------------------------------------------------


def _term_text(term: Term) -> str:
    try:
        canonical = render(term)
    except Exception:  # rendering is best effort in a view
        canonical = ""
    raw = term.raw.strip()
    if canonical and canonical != raw:
        return f"{_e(raw)}<br><small>{_e(term.kind)}: {_e(canonical)}</small>"
    return f"{_e(raw)}<br><small>{_e(term.kind)}</small>" if raw else f"<small>{_e(term.kind)}</small>"


def _status_text(measure: Measure) -> str:
    status = measure.status
    text = status.kind.value + (f" {status.date.isoformat()}" if status.date else "")
    return _e(text)


def _measure_row(measure: Measure) -> str:
    return (
        f"<tr><td {_CELL}>{_e(measure.number.raw.strip())}</td><td {_CELL}>{_e(measure.title)}</td>"
        f"<td {_CELL}>{_term_text(measure.term)}</td><td {_CELL}>{_e(measure.responsible_raw)}</td>"
        f"<td {_CELL}>{_status_text(measure)}</td></tr>"
    )


def _count(section: Section) -> int:
    return len(section.measures) + sum(_count(s) for s in section.subgroups)


def _section_html(section: Section, budget: list[int], open_: bool) -> str:
    rows = []
    for measure in section.measures:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        rows.append(_measure_row(measure))
    table = ""
    if rows:
        head = "".join(
            f"<th {_CELL}>{h}</th>" for h in ("№", "Мероприятие", "Сроки", "Ответственные", "Статус")
        )
        table = f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    subs = "".join(_section_html(s, budget, open_) for s in section.subgroups)
    heading = section.heading.strip() or "(без заголовка)"
    summary = f"{_e(heading)} <small>({_count(section)} · {_e(section.kind.value)})</small>"
    attribute = " open" if open_ else ""
    return f'<details{attribute} style="margin-left:1em"><summary>{summary}</summary>{table}{subs}</details>'


def roadmap_html(roadmap: Roadmap, *, max_measures: int = 300) -> str:
    """A roadmap as HTML: its header, then each section (collapsible) with a table of measures.

    Args:
        roadmap: the plan.
        max_measures: show at most this many measures (a note says how many were left out).
    """
    total = len(roadmap.measures)
    facts = [
        ("id", roadmap.id),
        ("уровень", roadmap.level.value),
        ("учебный год", "" if roadmap.school_year is None else str(roadmap.school_year)),
        ("период", "" if roadmap.period is None else str(roadmap.period)),
        ("территория", roadmap.territory),
        ("разделов / мероприятий", f"{len(roadmap.sections)} / {total}"),
    ]
    header = "".join(f"<tr><th {_CELL}>{_e(k)}</th><td {_CELL}>{_e(v)}</td></tr>" for k, v in facts if v)
    title = roadmap.title.strip() or roadmap.id
    issuer = f"<div>{_e(roadmap.issuer)}</div>" if roadmap.issuer.strip() else ""
    budget = [max(0, max_measures)]
    open_ = total <= 30
    sections = "".join(_section_html(s, budget, open_) for s in roadmap.sections)
    shown = min(total, max(0, max_measures))
    more = f"<div><em>{total - shown} more measures not shown</em></div>" if shown < total else ""
    return (
        f'<div class="gia-roadmap"><div style="font-weight:bold">{_e(title)}</div>{issuer}'
        f"<table {_TABLE}>{header}</table>{sections}{more}</div>"
    )


def _responsible_html(measure: Measure) -> str:
    if not measure.responsible:
        return _e(measure.responsible_raw)
    items = []
    for r in measure.responsible:
        party = "—" if r.party is None else f"{type(r.party).__name__}: {r.party}"
        note = f" ({r.note})" if r.note else ""
        items.append(f"<li>«{_e(r.raw)}» → {_e(party)} <small>[{_e(r.quality.value)}{_e(note)}]</small></li>")
    return f'<ul style="margin:0;padding-left:1.2em">{"".join(items)}</ul>'


def measure_html(measure: Measure) -> str:
    """One measure as an HTML table of its fields (empty fields left out)."""
    term = measure.term
    flags = ", ".join(sorted(term.flags))
    rows: list[tuple[str, str]] = [
        ("№", _e(measure.number.raw.strip() or "—")),
        ("Мероприятие", _e(measure.title)),
        ("Сроки", _term_text(term) + (f"<br><small>flags: {_e(flags)}</small>" if flags else "")),
        ("Ответственные", _responsible_html(measure)),
        ("Экзамены", _e(", ".join(s.value for s in measure.exam_scope))),
        ("Участники", _e("; ".join(t.raw for t in measure.participants))),
        ("Адресаты", _e("; ".join(t.raw for t in measure.targets))),
        ("Ожидаемый результат", _e(measure.expected_result)),
        ("Подтверждающий документ", _e(measure.evidence)),
        ("Описание", _e(measure.description)),
        ("Зависит от", _e(", ".join(f"{d.kind.value} {d.on.number}" for d in measure.dependencies))),
        ("Статус", _status_text(measure)),
        ("Примечания", _e("; ".join(measure.notes))),
    ]
    body = "".join(f"<tr><th {_CELL}>{_e(k)}</th><td {_CELL}>{v}</td></tr>" for k, v in rows if v)
    return f'<table class="gia-measure" {_TABLE}>{body}</table>'


def _finding_row(finding: Finding, lang: Language = "ru") -> str:
    from gia_roadmap.plan.messages import ui

    colour = _SEVERITY_COLOURS[finding.severity]
    badge = f'<span style="color:{colour};font-weight:bold">{_e(finding.severity.label(lang))}</span>'
    text = finding.text(lang)
    message = _e(text)
    if finding.evidence and f"«{finding.evidence}»" not in text:
        message += f"<br><small>«{_e(finding.evidence)}»</small>"
    hint = finding.hint(lang)
    if hint:
        message += f"<br><small><em>{_e(hint)}</em></small>"
    if finding.suppressed is not None:
        reason = ui("suppressed", lang).format(reason=finding.suppressed.reason)
        message += f"<br><small>{_e(reason)}</small>"
    style = ' style="opacity:0.55"' if finding.suppressed is not None else ""
    return (
        f"<tr{style}><td {_CELL}>{badge}</td><td {_CELL}><code>{_e(finding.code)}</code><br>"
        f"<small>{_e(finding.title(lang))}</small></td><td {_CELL}>{_e(finding.where(lang))}</td>"
        f"<td {_CELL}>{message}</td></tr>"
    )


def report_html(report: Report, *, max_findings: int = 300, lang: Language = "ru") -> str:
    """A check report as HTML, in Russian unless ``lang="en"``: the summary, one row per finding
    (worst first: what, where, the source text and what to do), then the reading notices apart."""
    from gia_roadmap.plan.messages import ui

    findings = report.sorted("severity").findings
    shown = findings[: max(0, max_findings)]
    head = "".join(f"<th {_CELL}>{_e(ui(h, lang))}</th>" for h in ("severity", "code", "where", "what"))
    rows = "".join(_finding_row(f, lang) for f in shown)
    more = (
        f"<div><em>{_e(ui('more', lang).format(count=len(findings) - len(shown)))}</em></div>"
        if len(shown) < len(findings)
        else ""
    )
    table = f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" if rows else ""
    empty = "" if findings else f"<div>{_e(ui('no_findings', lang))}</div>"
    notices = ""
    if report.notices:
        items = "".join(
            f"<li><code>{_e(n.code)}</code> {_e(n.where(lang))}: {_e(n.text(lang))}</li>"
            for n in report.notices
        )
        notices = f"<details><summary>{_e(ui('notices_heading', lang))}</summary><ul>{items}</ul></details>"
    return (
        f'<div class="gia-report"><div style="font-weight:bold">{_e(report.summary().describe(lang))}</div>'
        f"{empty}{table}{more}{notices}</div>"
    )


@attrs.frozen(slots=True)
class HtmlFragment:
    """Ready HTML that a notebook displays (``_repr_html_``); ``str()`` gives the HTML text."""

    text: str

    def _repr_html_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def html(value: Roadmap | Measure | LocatedMeasure | Report | CalendarMonth | Finding) -> HtmlFragment:
    """The HTML view of a roadmap, measure, report, finding or calendar month, for a notebook cell.

    Raises:
        TypeError: for any other value.
    """
    if isinstance(value, Roadmap):
        return HtmlFragment(roadmap_html(value))
    if isinstance(value, LocatedMeasure):
        return HtmlFragment(f"<div><small>{_e(value.id)}</small></div>{measure_html(value.measure)}")
    if isinstance(value, Measure):
        return HtmlFragment(measure_html(value))
    if isinstance(value, Report):
        return HtmlFragment(report_html(value))
    if isinstance(value, Finding):
        return HtmlFragment(report_html(Report((value,))))
    if isinstance(value, CalendarMonth):
        return HtmlFragment(month_html(value))
    raise InvalidTypeError(f"no HTML view for {type(value).__name__}")


# --------------------------------------------------------------------------------------------
# Timeline (Gantt-style)
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class TimelineBar:
    """One resolved window of a measure on the timeline.

    Attributes:
        start: first day (inclusive).
        end: last day (inclusive).
        open_start: the term gives no start («до …»): ``start`` is the plan period's start.
    """

    start: dt.date
    end: dt.date
    open_start: bool = False


@attrs.frozen(slots=True)
class TimelineRow:
    """One measure on the timeline.

    Attributes:
        label: «number title», shortened.
        measure: the measure with its identity.
        bars: its resolved windows.
        state: its state on ``today`` (UNKNOWN when no day was given).
    """

    label: str
    measure: LocatedMeasure
    bars: tuple[TimelineBar, ...]
    state: DueState = DueState.UNKNOWN


def timeline_rows(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    today: dt.date | None = None,
    options: ResolveOptions | None = None,
    measures: Iterable[LocatedMeasure] | None = None,
    label_width: int = 48,
) -> tuple[TimelineRow, ...]:
    """The rows of a timeline: each measure whose term resolves to windows, in document order.

    Measures whose term resolves to no dates (external schedules, unparsed text, no event dates)
    are left out. ``measures`` restricts the rows (e.g. the result of a query).
    """
    rows = []
    for located in roadmap.walk() if measures is None else measures:
        resolution = resolve_measure(roadmap, located.measure, calendar, events, options)
        if not resolution.windows:
            continue
        bars = tuple(TimelineBar(w.start, w.end, w.open_start) for w in resolution.windows)
        state = DueState.UNKNOWN if today is None else state_of(resolution, located.measure, today)
        label = f"{located.measure.number.canonical} {located.measure.title}".strip()
        if len(label) > label_width:
            label = label[: label_width - 1].rstrip() + "…"
        rows.append(TimelineRow(label, located, bars, state))
    return tuple(rows)


def _matplotlib() -> tuple[Any, Any]:
    """``matplotlib.pyplot`` and ``matplotlib.dates``, or a clear error naming the extra."""
    try:
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise OptionalDependencyError(
            'plot_timeline needs matplotlib, an optional extra: pip install "gia-roadmap[plot]"'
        ) from exc
    return plt, mdates


def plot_timeline(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    today: dt.date | None = None,
    options: ResolveOptions | None = None,
    measures: Iterable[LocatedMeasure] | None = None,
    max_rows: int = 40,
    ax: Axes | None = None,
) -> Axes:
    """A Gantt-style timeline of the measures' resolved deadlines, one row per measure.

    Bars are the resolved windows (a window with no written start, «до …», is drawn faint up to its
    due date, marked with a dot); with ``today`` bars are coloured by state (upcoming, due,
    overdue, done …) and a vertical line marks the day.

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (for working-day offsets).
        events: exam events for relative deadlines.
        today: the day to colour states by.
        options: counting rules.
        measures: only these measures (e.g. a query's result).
        max_rows: draw at most this many rows (the first in document order).
        ax: the matplotlib Axes to draw on; a new figure when None.

    Returns:
        The Axes drawn on.

    Raises:
        OptionalDependencyError: matplotlib is not installed (``pip install "gia-roadmap[plot]"``).
    """
    plt, mdates = _matplotlib()

    rows = timeline_rows(roadmap, calendar, events, today=today, options=options, measures=measures)
    rows = rows[: max(0, max_rows)]
    if ax is None:
        _, ax = plt.subplots(figsize=(11, max(2.0, 0.3 * len(rows) + 1.2)))
    assert ax is not None
    for y, row in enumerate(rows):
        colour = _STATE_COLOURS[row.state] if today is not None else "#5c6bc0"
        for bar in row.bars:
            start = mdates.date2num(bar.start)
            width = mdates.date2num(bar.end + dt.timedelta(days=1)) - start
            ax.broken_barh(
                [(start, width)], (y - 0.35, 0.7), facecolors=colour, alpha=0.3 if bar.open_start else 0.9
            )
            if bar.open_start:
                ax.plot([mdates.date2num(bar.end) + 0.5], [y], marker="o", color=colour, markersize=3)
    ax.set_yticks(range(len(rows)), [r.label for r in rows], fontsize=7)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d.%m.%Y"))
    if today is not None:
        ax.axvline(mdates.date2num(today), color="#212121", linewidth=1)
        present = [s for s in DueState if any(r.state is s for r in rows)]
        handles = [plt.Rectangle((0, 0), 1, 1, color=_STATE_COLOURS[s]) for s in present]
        if handles:
            ax.legend(handles, [s.value for s in present], fontsize=7, loc="lower right")
    title = roadmap.title.strip() or roadmap.id
    ax.set_title(title if len(title) <= 90 else title[:89] + "…", fontsize=9)
    ax.grid(axis="x", linestyle=":", linewidth=0.5)
    return ax
