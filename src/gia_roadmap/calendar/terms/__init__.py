"""The Term model: one frozen attrs class per form of deadline text («Сроки»).

Every term class

* is an immutable ``attrs`` value (``@attrs.frozen``), hashable and comparable;
* keeps the source text it was read from in ``raw``. ``raw`` takes **no part in equality or
  hashing** (``attrs.field(eq=False)``): two terms are equal when they *mean* the same thing, so
  ``parse_term("Ноябрь 2023 г.") == parse_term("ноябрь 2023 года")`` and the round trip
  ``parse_term(render(t)) == t`` holds although the rendered text differs from the original;
* has a class-level ``kind`` (a stable snake_case name such as ``"month_range"``), a ``flags``
  property naming the ambiguities the parser had to decide (``assumed_year``, ``rolled_back``,
  ``chronology_violated``, ``unit_unspecified`` …), and
* resolves to dates with ``term.resolve(calendar, events, school_year=…, plan_period=…)``, which
  returns a :class:`Resolution`: a tuple of inclusive :class:`DateWindow` values plus a
  :class:`ResolutionStatus` and a human-readable ``reason`` whenever nothing (or not everything)
  could be resolved. Resolution never raises for missing information; a relative term whose
  anchor has no dates resolves to no windows with status ``NO_EVENT_DATES``.

Years are stored as the parser decided them: a :class:`MonthRef` keeps the year and where it came
from (:class:`YearOrigin`: written, propagated from the year written once at the end of a list,
rolled back across New Year, or assumed from the plan's school year). Stale years are kept as
written and never corrected.

Counting defaults (all configurable through :class:`ResolveOptions`, see its docstring):

* «до DATE» is inclusive (due on or before DATE);
* «в течение N дней со дня X», «не позднее N дней после X», «с момента X»: counted from the day
  after X (Civil Code art. 191); the window is X+1..X+N (working days with «рабочих»);
* «не позднее чем за N рабочих дней до X»: the latest working day d with N working days between
  d and X, i.e. ``calendar.add_working_days(X, -N)``; with calendar days X−N;
* bare «за N календарных дней до X»: exactly X−N; «за 1 месяц до X»: X minus one calendar month;
* «накануне X»: the day before X; «в день X»: X; «до начала X»: up to the day before X;
* days of unstated unit («в течение 2 дней») count as calendar days (flag ``unit_unspecified``);
* «в течение года», «в течение учебного года»: the plan's school year; «весь период»: the plan
  period (or the school year when no plan period is given);
* external schedules, separate plans, requests and conditions resolve to status ``UNKNOWN``;
  continuous activity («постоянно») to the plan period with status ``CONTINUOUS`` (never overdue).
"""

from __future__ import annotations

from gia_roadmap.calendar.terms.containers import (
    REFERENCE_KINDS as REFERENCE_KINDS,
)
from gia_roadmap.calendar.terms.containers import (
    TERM_CLASSES as TERM_CLASSES,
)
from gia_roadmap.calendar.terms.containers import (
    Compound,
    MissingTerm,
    PerExam,
    PeriodEnd,
    Term,
    TermSequence,
    UnparsedTerm,
    parts,
    walk,
)
from gia_roadmap.calendar.terms.days import ByDate, DateList, DayList, DayRange, ExactDate, FromDate
from gia_roadmap.calendar.terms.months import (
    ByMonth,
    Month,
    MonthList,
    MonthPart,
    MonthRange,
    PartOfMonth,
    PeriodList,
)
from gia_roadmap.calendar.terms.periods import (
    CalendarYear,
    HalfYearTerm,
    PlanPeriod,
    QuarterTerm,
    SchoolYearTerm,
    Season,
    SeasonTerm,
)
from gia_roadmap.calendar.terms.references import (
    Conditional,
    Continuous,
    ExternalSchedule,
    Label,
    Note,
    OnRequest,
    SeparatePlan,
    SeparateSchedule,
    TimeOfDay,
)
from gia_roadmap.calendar.terms.relative import Bound, ExamPeriod, ExamPhase, Relative, Unit
from gia_roadmap.calendar.terms.resolution import (
    EventDates,
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    TermLike,
    WorkingDayCalendar,
    event_dates,
)
from gia_roadmap.calendar.terms.rules import Frequency, NthDay, Recurring
from gia_roadmap.calendar.terms.years import (
    DayRef,
    MonthRef,
    YearOrigin,
    assign_years,
    candidate_years,
    infer_year,
    range_start,
)
from gia_roadmap.calendar.terms.years import _years_leftwards as _years_leftwards  # the parser's year rule

__all__ = [
    "Bound",
    "ByDate",
    "ByMonth",
    "CalendarYear",
    "Compound",
    "Conditional",
    "Continuous",
    "DateList",
    "DayList",
    "DayRange",
    "DayRef",
    "EventDates",
    "ExactDate",
    "ExamPeriod",
    "ExamPhase",
    "ExternalSchedule",
    "Frequency",
    "FromDate",
    "HalfYearTerm",
    "Label",
    "MissingTerm",
    "Month",
    "MonthList",
    "MonthPart",
    "MonthRange",
    "MonthRef",
    "Note",
    "NthDay",
    "OnRequest",
    "PartOfMonth",
    "PerExam",
    "PeriodEnd",
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
    "TimeOfDay",
    "Unit",
    "UnparsedTerm",
    "WorkingDayCalendar",
    "YearOrigin",
    "assign_years",
    "candidate_years",
    "event_dates",
    "infer_year",
    "parts",
    "range_start",
    "walk",
]
