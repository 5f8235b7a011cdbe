"""Days, school years and exam days the library can answer for: the official production calendar's
coverage (or the rules-only estimates, when asked) and the bundled exam schedules."""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from gia_roadmap.calendar.exams import ExamKind, ExamScope
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import (
    ExamDay,
    ExamSchedule,
    PeriodWindow,
    ScheduleOrder,
    ScheduleSource,
    bundled_school_years,
)
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear

__all__ = [
    "covered_dates",
    "date_windows",
    "exam_days",
    "exam_schedules",
    "period_windows",
    "schedule_orders",
    "schedule_sources",
    "school_years",
    "working_days",
]

_GIA_EXAMS = frozenset({ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11})


@functools.cache
def _calendar(rules_only: bool) -> RussianCalendar:
    return RussianCalendar(rules_only=rules_only)


def covered_dates(*, rules_only: bool = False) -> st.SearchStrategy[dt.date]:
    """Days the production calendar answers for: the years of its official data (decrees) by default;
    with ``rules_only`` every year a ``RussianCalendar(rules_only=True)`` estimates from the Labour Code
    rules as well. Either way a calendar of that kind never raises
    :class:`~gia_roadmap.errors.CalendarCoverageError` on them."""
    first, last = _calendar(rules_only).covered_years
    return st.dates(dt.date(first, 1, 1), dt.date(last, 12, 31))


def working_days(
    calendar: RussianCalendar | None = None, *, rules_only: bool = False
) -> st.SearchStrategy[dt.date]:
    """Working days (рабочие дни) of ``calendar`` (the federal five-day calendar by default, or with
    ``rules_only`` its rules-only twin) within the years it covers, each equally likely: for the
    federal calendar those of :func:`covered_dates`, for a regional one its run of official years.

    Built by counting: the n-th working day of the coverage for a drawn n, never by filtering, so a
    region with many days off or a six-day week costs nothing more.
    """
    if calendar is None:
        calendar = _calendar(rules_only)
    first_year, last_year = calendar.covered_years
    first = calendar.next_working_day(dt.date(first_year, 1, 1), include_self=True)
    count = calendar.working_days_between(first, dt.date(last_year, 12, 31))
    return st.integers(0, count - 1).map(lambda n: calendar.add_working_days(first, n))


def school_years(*, with_schedule: bool = False, rules_only: bool = False) -> st.SearchStrategy[SchoolYear]:
    """School years (учебные годы, 1 September – 31 August) whose every day the calendar covers.

    Args:
        with_schedule: only the years with a bundled exam schedule holding ГИА exam days (ЕГЭ, ОГЭ,
            ГВЭ), so that ``ExamSchedule.bundled(year)`` and its events are there.
        rules_only: the years a ``RussianCalendar(rules_only=True)`` covers (ignored with a schedule).
    """
    if with_schedule:
        return st.sampled_from(_scheduled_years())
    first, last = _calendar(rules_only).covered_years
    return st.integers(first, last - 1).map(SchoolYear)


@functools.cache
def _scheduled_years() -> tuple[SchoolYear, ...]:
    return tuple(
        SchoolYear(year)
        for year in bundled_school_years()
        if any(day.exam in _GIA_EXAMS for day in ExamSchedule.bundled(year).days)
    )


@st.composite
def date_windows(draw: st.DrawFn) -> DateWindow:
    """Inclusive windows of covered days, with optional open ends and a label."""
    start = draw(covered_dates())
    end = min(start + dt.timedelta(days=draw(st.integers(0, 400))), dt.date(start.year + 1, 12, 31))
    return DateWindow(
        start,
        end,
        open_start=draw(st.booleans()),
        open_end=draw(st.booleans()),
        label=draw(st.sampled_from(("", "основной период", "резерв"))),
    )


def _kinds(scope: ExamScope | ExamKind | None) -> frozenset[ExamKind]:
    if scope is None:
        return frozenset(ExamKind)
    if isinstance(scope, ExamKind):
        return frozenset({scope})
    return frozenset(scope.exam_kinds)


@functools.cache
def _bundled() -> tuple[ExamSchedule, ...]:
    return tuple(ExamSchedule.bundled(year) for year in bundled_school_years())


def exam_schedules() -> st.SearchStrategy[ExamSchedule]:
    """The bundled exam schedules (2021/22 onwards), each as its orders in force give it."""
    return st.sampled_from(_bundled())


def exam_days(
    scope: ExamScope | ExamKind | None = None, *, school_year: SchoolYear | int | None = None
) -> st.SearchStrategy[ExamDay]:
    """Exam days (дни проведения экзамена) of the bundled schedules, with their exam, period, subjects,
    confidence and sources.

    Args:
        scope: the exams wanted: an :class:`~gia_roadmap.calendar.exams.ExamScope` («ГИА-9» is the ОГЭ
            and the ГВЭ-9 days; «итоговое сочинение» its own days) or one
            :class:`~gia_roadmap.calendar.exams.ExamKind`; every kind when None.
        school_year: one school year's schedule; every bundled one when None.
    """
    kinds = _kinds(scope)
    year = school_year.start_year if isinstance(school_year, SchoolYear) else school_year
    days = [
        day
        for schedule in _bundled()
        if year is None or schedule.school_year.start_year == year
        for day in schedule.days
        if day.exam in kinds
    ]
    if not days:
        raise ValueError(f"no bundled exam days for {scope} in {school_year or 'any school year'}")
    return st.sampled_from(days)


def period_windows() -> st.SearchStrategy[PeriodWindow]:
    """The exam periods' windows of the bundled schedules."""
    return st.sampled_from([w for schedule in _bundled() for w in schedule.windows])


def schedule_orders() -> st.SearchStrategy[ScheduleOrder]:
    """The orders (приказы) the bundled schedules cite."""
    return st.sampled_from([order for schedule in _bundled() for order in schedule.orders])


def schedule_sources() -> st.SearchStrategy[ScheduleSource]:
    """The sources the bundled schedules cite."""
    return st.sampled_from([source for schedule in _bundled() for source in schedule.sources])
