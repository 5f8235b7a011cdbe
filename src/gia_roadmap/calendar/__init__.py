"""Dates: the official Russian production calendar, working-day arithmetic and deadline terms.

This package knows dates, never plans:

* :class:`RussianCalendar` — the official production calendar (производственный календарь);
* the deadline terms («Сроки»): :func:`parse_term`, :func:`split_terms`, :func:`render` and one class per
  form (:class:`Month`, :class:`MonthRange`, :class:`Relative`, …), resolved to :class:`DateWindow` values;
* :class:`SchoolYear` and the :class:`Anchor` events relative terms count from;
* :class:`ExamSchedule` (exam days of ЕГЭ, ОГЭ, итоговое сочинение, итоговое собеседование) and the
  federal timelines of the Порядки ГИА (:func:`federal_timelines`, :func:`derived_events`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the real names for type checkers and IDEs; at run time each is imported on first use
    from gia_roadmap.calendar.anchors import Anchor
    from gia_roadmap.calendar.daykinds import CalendarDay, DayKind, WorkWeek
    from gia_roadmap.calendar.parsing import parse_term, split_terms
    from gia_roadmap.calendar.production import HOLIDAY_NAMES, RussianCalendar
    from gia_roadmap.calendar.rendering import render
    from gia_roadmap.calendar.schedule import (
        Confidence,
        ExamDay,
        ExamKind,
        ExamSchedule,
        OrderKind,
        OrderStatus,
        PeriodKind,
        PeriodWindow,
        ScheduleOrder,
        Subject,
        bundled_school_years,
        bundled_sources,
        exam_subjects,
    )
    from gia_roadmap.calendar.schedule import Source as ScheduleSource
    from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
    from gia_roadmap.calendar.terms import (
        Bound,
        ByDate,
        ByMonth,
        CalendarYear,
        Compound,
        Conditional,
        Continuous,
        DateList,
        DayRange,
        ExactDate,
        ExamPeriod,
        ExamPhase,
        ExamStage,
        ExternalSchedule,
        Frequency,
        MissingTerm,
        Month,
        MonthList,
        MonthRange,
        MonthRef,
        Note,
        OnRequest,
        PerExam,
        PeriodList,
        PlanPeriod,
        QuarterTerm,
        Recurring,
        Relative,
        Resolution,
        ResolutionStatus,
        ResolveOptions,
        SchoolYearTerm,
        Season,
        SeasonTerm,
        SeparatePlan,
        SeparateSchedule,
        Term,
        TermLike,
        TermSequence,
        Unit,
        UnparsedTerm,
        WorkingDayCalendar,
        YearOrigin,
    )
    from gia_roadmap.calendar.timelines import (
        Applicability,
        DerivedDate,
        DerivedEvents,
        ExamDayResolution,
        JointAssessment,
        Timeline,
        TimelineEvent,
        TimelineRule,
        derive,
        derived_events,
        federal_timelines,
        resolve_per_exam_day,
    )
    from gia_roadmap.calendar.yeardata import Decree, SpecialDay, Transfer, WeekData, YearData, bundled_years

__all__ = [
    "HOLIDAY_NAMES",
    "Anchor",
    "Applicability",
    "Bound",
    "ByDate",
    "ByMonth",
    "CalendarDay",
    "CalendarYear",
    "Compound",
    "Conditional",
    "Confidence",
    "Continuous",
    "DateList",
    "DateWindow",
    "DayKind",
    "DayRange",
    "Decree",
    "DerivedDate",
    "DerivedEvents",
    "ExactDate",
    "ExamDay",
    "ExamDayResolution",
    "ExamKind",
    "ExamPeriod",
    "ExamPhase",
    "ExamSchedule",
    "ExamStage",
    "ExternalSchedule",
    "Frequency",
    "JointAssessment",
    "MissingTerm",
    "Month",
    "MonthList",
    "MonthRange",
    "MonthRef",
    "Note",
    "OnRequest",
    "OrderKind",
    "OrderStatus",
    "PerExam",
    "PeriodKind",
    "PeriodList",
    "PeriodWindow",
    "PlanPeriod",
    "QuarterTerm",
    "Recurring",
    "Relative",
    "Resolution",
    "ResolutionStatus",
    "ResolveOptions",
    "RussianCalendar",
    "ScheduleOrder",
    "ScheduleSource",
    "SchoolYear",
    "SchoolYearTerm",
    "Season",
    "SeasonTerm",
    "SeparatePlan",
    "SeparateSchedule",
    "SpecialDay",
    "Subject",
    "Term",
    "TermLike",
    "TermSequence",
    "Timeline",
    "TimelineEvent",
    "TimelineRule",
    "Transfer",
    "Unit",
    "UnparsedTerm",
    "WeekData",
    "WorkWeek",
    "WorkingDayCalendar",
    "YearData",
    "YearOrigin",
    "bundled_school_years",
    "bundled_sources",
    "bundled_years",
    "derive",
    "derived_events",
    "exam_subjects",
    "federal_timelines",
    "parse_term",
    "render",
    "resolve_per_exam_day",
    "split_terms",
]

# Where each public name lives. A name's submodule is imported when the name is first used (PEP 562),
# so ``import gia_roadmap.calendar.terms`` (as the Hypothesis hook does) pays neither for the term parser
# nor for the production calendar and workalendar.
_SOURCES: dict[str, tuple[str, ...]] = {
    "anchors": ("Anchor",),
    "daykinds": ("CalendarDay", "DayKind", "WorkWeek"),
    "parsing": ("parse_term", "split_terms"),
    "production": ("HOLIDAY_NAMES", "RussianCalendar"),
    "rendering": ("render",),
    "schedule": (
        "Confidence",
        "ExamDay",
        "ExamKind",
        "ExamSchedule",
        "OrderKind",
        "OrderStatus",
        "PeriodKind",
        "PeriodWindow",
        "ScheduleOrder",
        "ScheduleSource",
        "Subject",
        "bundled_school_years",
        "bundled_sources",
        "exam_subjects",
    ),
    "schoolyear": ("DateWindow", "SchoolYear"),
    "terms": (
        "Bound",
        "ByDate",
        "ByMonth",
        "CalendarYear",
        "Compound",
        "Conditional",
        "Continuous",
        "DateList",
        "DayRange",
        "ExactDate",
        "ExamPeriod",
        "ExamPhase",
        "ExamStage",
        "ExternalSchedule",
        "Frequency",
        "MissingTerm",
        "Month",
        "MonthList",
        "MonthRange",
        "MonthRef",
        "Note",
        "OnRequest",
        "PerExam",
        "PeriodList",
        "PlanPeriod",
        "QuarterTerm",
        "Recurring",
        "Relative",
        "Resolution",
        "ResolutionStatus",
        "ResolveOptions",
        "SchoolYearTerm",
        "Season",
        "SeasonTerm",
        "SeparatePlan",
        "SeparateSchedule",
        "Term",
        "TermLike",
        "TermSequence",
        "Unit",
        "UnparsedTerm",
        "WorkingDayCalendar",
        "YearOrigin",
    ),
    "timelines": (
        "Applicability",
        "DerivedDate",
        "DerivedEvents",
        "ExamDayResolution",
        "JointAssessment",
        "Timeline",
        "TimelineEvent",
        "TimelineRule",
        "derive",
        "derived_events",
        "federal_timelines",
        "resolve_per_exam_day",
    ),
    "yeardata": ("Decree", "SpecialDay", "Transfer", "WeekData", "YearData", "bundled_years"),
}
_ORIGINS: dict[str, str] = {name: module for module, names in _SOURCES.items() for name in names}
_RENAMED = {"ScheduleSource": "Source"}  # public name -> the name in its submodule


def _lazy_attribute(name: str) -> object:
    """A public name, imported from its submodule on first use and kept in the package from then on."""
    module = _ORIGINS.get(name)
    if module is None:
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r} (its public names are in {__name__}.__all__)"
        )
    value = getattr(importlib.import_module(f"{__name__}.{module}"), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:  # hidden from type checkers, which see the imports above and flag unknown names
    __getattr__ = _lazy_attribute
