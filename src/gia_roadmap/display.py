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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.month_view import CalendarMonth, month_html
from gia_roadmap.calendar.month_view import escape as _e
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import EventDates, ResolveOptions, WorkingDayCalendar, event_dates
from gia_roadmap.errors import GiaRoadmapError, InvalidTypeError, Language
from gia_roadmap.plan.findings import Finding, Report
from gia_roadmap.plan.html import measure_html, report_html, roadmap_html
from gia_roadmap.plan.model import LocatedMeasure, Measure, Roadmap
from gia_roadmap.plan.queries import DueState, resolve_measure, state_of
from gia_roadmap.plan.views import plan_schedule, state_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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

_STATE_COLOURS = {
    DueState.UPCOMING: "#90a4ae",
    DueState.DUE: "#fb8c00",
    DueState.OVERDUE: "#e53935",
    DueState.DONE: "#43a047",
    DueState.CANCELLED: "#bdbdbd",
    DueState.CONTINUOUS: "#81d4fa",
    DueState.UNKNOWN: "#9e9e9e",
}


class OptionalDependencyError(GiaRoadmapError, ImportError):
    """A feature needs a package of an optional extra that is not installed."""


# --------------------------------------------------------------------------------------------
# A calendar month
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Roadmaps, measures, reports
# --------------------------------------------------------------------------------------------


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


_CRITICAL = "#b71c1c"
_EXAM = "#6a1b9a"
_LEGEND = {
    "ru": {"exam": "дни экзаменов", "critical": "критический путь"},
    "en": {"exam": "exam days", "critical": "critical path"},
}


def _exam_days(events: EventDates | None) -> tuple[dt.date, ...]:
    """The exam days of ``events`` (a day window counts by each of its days)."""
    days: set[dt.date] = set()
    for value in event_dates(events or {}, Anchor.EXAM_DAY):
        if isinstance(value, DateWindow):
            days.update(value.start + dt.timedelta(days=i) for i in range((value.end - value.start).days + 1))
        else:
            days.add(value)
    return tuple(sorted(days))


def _critical_ids(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None,
    options: ResolveOptions | None,
) -> frozenset[object]:
    """The measures of the plan's critical path (none without a calendar to count slack in)."""
    if calendar is None:
        return frozenset()
    return frozenset(plan_schedule(roadmap, calendar, events, options=options).critical_path)


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
    lang: Language = "ru",
) -> Axes:
    """A Gantt-style timeline of the measures' resolved deadlines, one row per measure.

    Bars are the resolved windows (a window with no written start, «до …», is drawn faint up to its
    due date, marked with a dot); with ``today`` bars are coloured by state (upcoming, due,
    overdue, done …) and a vertical line marks the day. The exam days of ``events``
    (``Anchor.EXAM_DAY``) are dashed vertical lines, and the measures of the critical path
    (критический путь, :func:`~gia_roadmap.plan.views.plan_schedule`) have outlined bars and red
    labels. The legend is in Russian, or English with ``lang="en"``.

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (for working-day offsets).
        events: exam events for relative deadlines.
        today: the day to colour states by.
        options: counting rules.
        measures: only these measures (e.g. a query's result).
        max_rows: draw at most this many rows (the first in document order).
        ax: the matplotlib Axes to draw on; a new figure when None.
        lang: the language of the legend, ``"ru"`` (default) or ``"en"``.

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
    critical = _critical_ids(roadmap, calendar, events, options)
    for y, row in enumerate(rows):
        colour = _STATE_COLOURS[row.state] if today is not None else "#5c6bc0"
        on_path = row.measure.id in critical
        for bar in row.bars:
            start = mdates.date2num(bar.start)
            width = mdates.date2num(bar.end + dt.timedelta(days=1)) - start
            ax.broken_barh(
                [(start, width)],
                (y - 0.35, 0.7),
                facecolors=colour,
                alpha=0.3 if bar.open_start else 0.9,
                edgecolor=_CRITICAL if on_path else "none",
                linewidth=1.2 if on_path else 0.0,
            )
            if bar.open_start:
                ax.plot([mdates.date2num(bar.end) + 0.5], [y], marker="o", color=colour, markersize=3)
    ax.set_yticks(range(len(rows)), [r.label for r in rows], fontsize=7)
    for label, row in zip(ax.get_yticklabels(), rows, strict=True):
        if row.measure.id in critical:
            label.set_color(_CRITICAL)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d.%m.%Y"))
    handles: list[Any] = []
    names: list[str] = []
    words = _LEGEND["en" if lang == "en" else "ru"]
    exam_days = _exam_days(events)
    for day in exam_days:
        ax.axvline(mdates.date2num(day) + 0.5, color=_EXAM, linewidth=0.7, linestyle="dashed")
    if exam_days:
        handles.append(plt.Line2D([0], [0], color=_EXAM, linewidth=0.7, linestyle="dashed"))
        names.append(words["exam"])
    if any(row.measure.id in critical for row in rows):
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="none", edgecolor=_CRITICAL))
        names.append(words["critical"])
    if today is not None:
        ax.axvline(mdates.date2num(today), color="#212121", linewidth=1)
        present = [s for s in DueState if any(r.state is s for r in rows)]
        handles.extend(plt.Rectangle((0, 0), 1, 1, color=_STATE_COLOURS[s]) for s in present)
        names.extend(state_label(s, "en" if lang == "en" else "ru") for s in present)
    if handles:
        ax.legend(handles, names, fontsize=7, loc="lower right")
    title = roadmap.title.strip() or roadmap.id
    ax.set_title(title if len(title) <= 90 else title[:89] + "…", fontsize=9)
    ax.grid(axis="x", linestyle=":", linewidth=0.5)
    return ax
