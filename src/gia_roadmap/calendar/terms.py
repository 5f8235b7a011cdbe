"""The Term model: one frozen attrs class per form of deadline text («Сроки»).

Every term class

* is an immutable ``attrs`` value (``@attrs.frozen(slots=True)``), hashable and comparable;
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

import calendar as _stdlib_calendar
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import ClassVar, Protocol, TypeAlias, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear, month_window
from gia_roadmap.errors import CalendarCoverageError, InvalidValueError
from gia_roadmap.text import Vocabulary, abbreviates

__all__ = [
    "Bound",
    "ByDate",
    "ByMonth",
    "CalendarYear",
    "Compound",
    "Conditional",
    "Continuous",
    "DateList",
    "DayRange",
    "EventDates",
    "ExactDate",
    "ExamPeriod",
    "ExamPhase",
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
    "assign_years",
    "range_start",
]


# --------------------------------------------------------------------------------------------
# Calendar protocol and resolution results
# --------------------------------------------------------------------------------------------


@runtime_checkable
class WorkingDayCalendar(Protocol):
    """What resolution needs from a calendar (``RussianCalendar`` implements it)."""

    def is_working_day(self, day: dt.date, /) -> bool:
        """True when ``day`` is a working day."""
        ...

    def add_working_days(self, day: dt.date, n: int, /) -> dt.date:
        """The n-th working day strictly after ``day`` (n > 0), strictly before (n < 0), or ``day`` (0)."""
        ...

    def next_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself when ``include_self``)."""
        ...

    def previous_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself when ``include_self``)."""
        ...

    def working_days_between(self, start: dt.date, end: dt.date, /) -> int:
        """Number of working days in the half-open span [start, end)."""
        ...


EventDates: TypeAlias = Mapping[Anchor, Sequence[dt.date | DateWindow]]
"""Dates of anchor events: ``{Anchor.EXAM_DAY: (date(2025, 6, 16), …)}``.

Period anchors (exam periods and stages) may map to :class:`DateWindow` values."""


class ResolutionStatus(enum.Enum):
    """How a resolution turned out."""

    RESOLVED = "resolved"
    """All windows are known."""
    PARTIAL = "partial"
    """Some parts resolved (windows given), others did not (see ``reason``)."""
    CONTINUOUS = "continuous"
    """Continuous activity: the window is the plan period; there is no due date."""
    NO_EVENT_DATES = "no_event_dates"
    """A relative term whose anchor has no dates in the given events."""
    NO_SCHOOL_YEAR = "no_school_year"
    """The text has no year and no school year (or plan period) was given."""
    NEEDS_CALENDAR = "needs_calendar"
    """Working-day arithmetic was needed but no calendar was given."""
    OUTSIDE_CALENDAR = "outside_calendar"
    """Working-day arithmetic fell outside the calendar's covered years."""
    UNKNOWN = "unknown"
    """The date is set elsewhere (external schedule, separate plan, on request, conditional)."""
    INVALID = "invalid"
    """The text is self-contradictory (a range that ends before it starts)."""
    MISSING = "missing"
    """The deadline cell is empty."""
    UNPARSED = "unparsed"
    """The text could not be read."""


@attrs.frozen(slots=True)
class Resolution:
    """The dates a term resolves to: inclusive windows, a status and a reason.

    Iterating over a resolution (or ``len()``) walks its windows, so it can be used where a tuple
    of :class:`DateWindow` is expected. ``reason`` explains anything that did not resolve and is
    empty when everything did.
    """

    windows: tuple[DateWindow, ...] = ()
    status: ResolutionStatus = ResolutionStatus.RESOLVED
    reason: str = ""

    def __iter__(self) -> Iterator[DateWindow]:
        return iter(self.windows)

    def __len__(self) -> int:
        return len(self.windows)

    @property
    def resolved(self) -> bool:
        """True when the status is RESOLVED or CONTINUOUS (every part has its windows)."""
        return self.status in (ResolutionStatus.RESOLVED, ResolutionStatus.CONTINUOUS)

    @property
    def due(self) -> dt.date | None:
        """The latest window end (the final due date), or None without windows."""
        return max((w.end for w in self.windows), default=None)


def _unresolved(status: ResolutionStatus, reason: str) -> Resolution:
    return Resolution((), status, reason)


def _ok(*windows: DateWindow) -> Resolution:
    return Resolution(tuple(windows), ResolutionStatus.RESOLVED, "")


@attrs.frozen(slots=True)
class ResolveOptions:
    """Configurable counting rules. The defaults follow the deadline-grammar catalogue (§6).

    Attributes:
        by_inclusive: None keeps each term's ``inclusive`` flag (inclusive unless the text says
            otherwise); True/False forces the reading of «до DATE» («до 01.11.2023» exclusive ends
            on 31.10.2023; «до декабря 2022» exclusive ends on 30.11.2022).
        bare_offset_is_latest: bare «за N дней до X» means exactly X−N (False, default) or "no later
            than X−N" with an open start (True).
        count_from_next_day: «в течение N дней со дня X» starts on X+1 and ends on X+N (True,
            Civil Code art. 191); False starts on X and ends on X+N−1.
        unspecified_days_are_working: days of unstated unit count as calendar days (False,
            default) or as working days (True).
        eve_is_working_day: «накануне X» is the calendar day before X (False, default) or the
            previous working day (True).
        until_includes_anchor_day: «до начала X» ends on X−1 (False, default) or on X (True).
        continuous_as_period: «постоянно», «круглогодично» resolve to the plan period with status
            CONTINUOUS (True, default) or to no windows with status UNKNOWN (False).
        unknown_as_period: external schedules, separate plans, requests and conditions resolve to
            no windows (False, default) or to the plan period (True); the status stays UNKNOWN.
    """

    by_inclusive: bool | None = None
    bare_offset_is_latest: bool = False
    count_from_next_day: bool = True
    unspecified_days_are_working: bool = False
    eve_is_working_day: bool = False
    until_includes_anchor_day: bool = False
    continuous_as_period: bool = True
    unknown_as_period: bool = False


@attrs.frozen(slots=True)
class _Ctx:
    calendar: WorkingDayCalendar | None
    events: EventDates
    school_year: SchoolYear | None
    plan_period: DateWindow | None
    options: ResolveOptions

    @property
    def frame(self) -> DateWindow | None:
        """The plan period, else the school year window."""
        if self.plan_period is not None:
            return self.plan_period
        if self.school_year is not None:
            return self.school_year.window
        return None

    def lower_bound(self, end: dt.date) -> dt.date:
        frame = self.frame
        if frame is not None and frame.start <= end:
            return frame.start
        return end

    def upper_bound(self, start: dt.date) -> dt.date:
        frame = self.frame
        if frame is not None and frame.end >= start:
            return frame.end
        return start


# --------------------------------------------------------------------------------------------
# Small value types
# --------------------------------------------------------------------------------------------


class YearOrigin(enum.Enum):
    """Where the year of a month reference came from."""

    WRITTEN = "written"
    """Written next to the month («ноябрь 2023 года»)."""
    PROPAGATED = "propagated"
    """Taken from the year written once further right («август, сентябрь 2021 г.»)."""
    ROLLED_BACK = "rolled_back"
    """Taken from the right and moved back a year across New Year («декабрь – март 2024 года»)."""
    SCHOOL_YEAR = "school_year"
    """No year in the text; assumed from the plan's school year (Sep–Dec: start, Jan–Aug: start+1)."""
    NONE = "none"
    """No year in the text and no school year given at parse time; resolved later."""


def _check_month(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise InvalidValueError(f"{attribute.name} must be a month number 1..12, got {value!r}")


def _check_origin(instance: MonthRef, attribute: attrs.Attribute[YearOrigin], value: YearOrigin) -> None:
    if (value is YearOrigin.NONE) != (instance.year is None):
        raise InvalidValueError(f"MonthRef year {instance.year!r} is inconsistent with origin {value.name}")


@attrs.frozen(slots=True, order=True)
class MonthRef:
    """A month in a deadline, with its year and where that year came from."""

    month: int = attrs.field(validator=_check_month)
    year: int | None = None
    origin: YearOrigin = attrs.field(default=YearOrigin.NONE, validator=_check_origin)

    @classmethod
    def written(cls, year: int, month: int) -> MonthRef:
        """A month with its year written in the text."""
        return cls(month, year, YearOrigin.WRITTEN)

    @property
    def year_written(self) -> bool:
        """True when the year is written next to this month."""
        return self.origin is YearOrigin.WRITTEN

    def effective_year(self, school_year: SchoolYear | None) -> int | None:
        """The year, or the one the school year gives, or None."""
        if self.year is not None:
            return self.year
        if school_year is not None:
            return school_year.year_of_month(self.month)
        return None

    def window(self, school_year: SchoolYear | None) -> DateWindow | None:
        """The whole month as a window (None when the year is unknown)."""
        year = self.effective_year(school_year)
        return None if year is None else month_window(year, self.month)


def assign_years(
    refs: Sequence[tuple[int, int | None]], school_year: SchoolYear | None
) -> tuple[MonthRef, ...]:
    """Decide the year of each month in reading order, as the parser does.

    ``refs`` holds (month, written year or None). A year written once applies leftwards to the
    months without a year; when such a month is later in the year than its right neighbour it is
    rolled back one year («декабрь – март 2024 года» → 2023-12, 2024-03). Months with no written
    year to their right take the year from ``school_year`` (or stay None without one).
    """
    return tuple(_years_leftwards(refs, school_year, MonthRef))


def _years_leftwards(
    refs: Sequence[tuple[int, int | None]],
    school_year: SchoolYear | None,
    make: Callable[[int, int | None, YearOrigin], MonthRef],
) -> list[MonthRef]:
    """The rule of :func:`assign_years`, each reference made by ``make(month, year, origin)`` (the
    parser passes its cache of shared references). Month 0 with a year is a year written in a note
    («… 2024 года» after a list of months): it applies leftwards as a written December would, and
    its own place gets ``make(0, year, YearOrigin.WRITTEN)``."""
    out: list[MonthRef] = []
    current_year: int | None = None
    current_month = 0
    for month, year in reversed(refs):
        if year is not None:
            ref = make(month, year, YearOrigin.WRITTEN)
            current_year, current_month = year, month or 12
        elif current_year is not None:
            if month > current_month:
                current_year -= 1
                ref = make(month, current_year, YearOrigin.ROLLED_BACK)
            else:
                ref = make(month, current_year, YearOrigin.PROPAGATED)
            current_month = month
        elif school_year is not None:
            ref = make(month, school_year.year_of_month(month), YearOrigin.SCHOOL_YEAR)
        else:
            ref = make(month, None, YearOrigin.NONE)
        out.append(ref)
    out.reverse()
    return out


def range_start(start: MonthRef, end: MonthRef) -> MonthRef:
    """A range written with no year at all («август – сентябрь») takes its years from the school
    year month by month, which can run backwards when it crosses 1 September (август → start + 1,
    сентябрь → start). Read it as the year written at the end would be read: the start is rolled
    back so that the range runs forwards («август – сентябрь» in 2023/24 → 2023-08..2023-09)."""
    if (
        start.origin is YearOrigin.SCHOOL_YEAR
        and end.origin is YearOrigin.SCHOOL_YEAR
        and start.year is not None
        and end.year is not None
        and (start.year, start.month) > (end.year, end.month)
    ):
        year = end.year if start.month <= end.month else end.year - 1
        return MonthRef(start.month, year, YearOrigin.ROLLED_BACK)
    return start


def _month_flags(refs: Sequence[MonthRef]) -> frozenset[str]:
    flags: set[str] = set()
    previous: tuple[int, int] | None = None
    for ref in refs:
        if ref.origin is YearOrigin.SCHOOL_YEAR:
            flags.add("assumed_year")
        elif ref.origin is YearOrigin.PROPAGATED:
            flags.add("year_propagated")
        elif ref.origin is YearOrigin.ROLLED_BACK:
            flags.update(("year_propagated", "rolled_back"))
        elif ref.origin is YearOrigin.NONE:
            flags.add("year_unknown")
        if ref.year is not None:
            key = (ref.year, ref.month)
            if previous is not None and key < previous:
                flags.add("chronology_violated")
            previous = key
    return frozenset(flags)


class Unit(enum.Enum):
    """Unit of a relative offset."""

    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"
    DAY = "day"
    """«дней» with no «рабочих»/«календарных»: calendar days by default, flagged."""
    WEEK = "week"
    MONTH = "month"
    NONE = "none"
    """No offset («в день», «накануне», «до начала»)."""


class Bound(enum.Enum):
    """How a relative term is bounded by its anchor."""

    LATEST_BEFORE = "latest_before"
    """«не позднее чем за N … до X»: due no later than N units before X."""
    EXACT_BEFORE = "exact_before"
    """«за N … до X»: on the day N units before X."""
    WITHIN_AFTER = "within_after"
    """«в течение N … со дня X»: within N units counted from the day after X."""
    LATEST_AFTER = "latest_after"
    """«не позднее N … после X» / «с момента X»: no later than N units after X."""
    EXACT_AFTER = "exact_after"
    """«через N … после X»: on the day N units after X."""
    ON = "on"
    """«в день X»: on the day of X."""
    EVE = "eve"
    """«накануне X»: the day before X."""
    UNTIL = "until"
    """«до X», «до начала X», «перед X»: any time before X (open start)."""
    AFTER = "after"
    """«после X», «с момента X» without an offset: any time after X (open end)."""

    @property
    def direction(self) -> str:
        """ "before", "after" or "on"."""
        if self in (Bound.LATEST_BEFORE, Bound.EXACT_BEFORE, Bound.EVE, Bound.UNTIL):
            return "before"
        if self is Bound.ON:
            return "on"
        return "after"

    @property
    def takes_offset(self) -> bool:
        """True for bounds written with a count («за 2 дня», «в течение 2 дней»)."""
        return self in _OFFSET_BOUNDS


_OFFSET_BOUNDS = frozenset(
    {Bound.LATEST_BEFORE, Bound.EXACT_BEFORE, Bound.WITHIN_AFTER, Bound.LATEST_AFTER, Bound.EXACT_AFTER}
)


class ExamPhase(enum.Enum):
    """Which part of the exam campaign an exam-period term means."""

    CONDUCT = "conduct"
    """«в период проведения ГИА», «во время проведения», «при проведении»."""
    PREPARATION = "preparation"
    """«в период подготовки ГИА»."""


class Season(enum.Enum):
    """Seasons; value is the first month."""

    WINTER = 12
    SPRING = 3
    SUMMER = 6
    AUTUMN = 9


class Frequency(enum.Enum):
    """Recurrence of a recurring term."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


# --------------------------------------------------------------------------------------------
# The protocol and the shared base
# --------------------------------------------------------------------------------------------


class TermLike(Protocol):
    """What every term offers (the one small protocol all term classes share)."""

    kind: ClassVar[str]

    @property
    def raw(self) -> str:
        """The source text (not part of equality)."""
        ...

    @property
    def flags(self) -> frozenset[str]:
        """Ambiguities the parser decided, as stable snake_case names."""
        ...

    def resolve(
        self,
        calendar: WorkingDayCalendar | None = None,
        events: EventDates | None = None,
        *,
        school_year: SchoolYear | None = None,
        plan_period: DateWindow | None = None,
        options: ResolveOptions | None = None,
    ) -> Resolution:
        """Resolve to inclusive date windows (see :class:`Resolution`)."""
        ...


class _Base:
    """Shared behaviour of the term classes (no state of its own)."""

    __slots__ = ()
    kind: ClassVar[str] = ""

    @property
    def flags(self) -> frozenset[str]:
        """Ambiguities the parser decided (empty by default)."""
        return frozenset()

    def resolve(
        self,
        calendar: WorkingDayCalendar | None = None,
        events: EventDates | None = None,
        *,
        school_year: SchoolYear | None = None,
        plan_period: DateWindow | None = None,
        options: ResolveOptions | None = None,
    ) -> Resolution:
        """Resolve this term to inclusive date windows.

        Args:
            calendar: working-day calendar, needed only for working-day offsets.
            events: dates of anchor events (exam days, decisions, appeals, exam periods).
            school_year: frame for months written without a year and for «в течение года».
            plan_period: the plan's whole period («весь период»); defaults to the school year.
            options: counting rules (:class:`ResolveOptions`).
        """
        ctx = _Ctx(calendar, events or {}, school_year, plan_period, options or ResolveOptions())
        return self._resolve(ctx)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        raise NotImplementedError


def _raw() -> str:
    return attrs.field(default="", eq=False, kw_only=True)


def _combine(parts: Sequence[Resolution]) -> Resolution:
    windows = tuple(w for r in parts for w in r.windows)
    bad = [r for r in parts if not r.resolved]
    reasons = "; ".join(r.reason for r in parts if r.reason)
    if not bad:
        status = (
            ResolutionStatus.CONTINUOUS
            if parts and all(r.status is ResolutionStatus.CONTINUOUS for r in parts)
            else ResolutionStatus.RESOLVED
        )
        return Resolution(windows, status, reasons)
    if windows:
        return Resolution(windows, ResolutionStatus.PARTIAL, reasons)
    statuses = {r.status for r in bad}
    status = statuses.pop() if len(statuses) == 1 else ResolutionStatus.PARTIAL
    return Resolution((), status, reasons)


def _no_year(what: str) -> Resolution:
    return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, f"{what} has no year and no school year was given")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------------------------
# Dated forms
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class ByDate(_Base):
    """Due by a date: «в срок до 17.05.2024», «до 31.12.2023».

    ``inclusive`` is True by default (due on or before the date); the parser sets it False only
    when the text says «исключительно». ``wording`` keeps the preposition as written («до», «в
    срок до», «не позднее»). Resolves to one window ending on the date (or the day before when
    read exclusively), with an open start.
    """

    kind: ClassVar[str] = "date_by"
    day: dt.date
    inclusive: bool = True
    wording: str = "до"
    raw: str = _raw()

    def due(self, options: ResolveOptions | None = None) -> dt.date:
        """The last allowed day under ``options``."""
        inclusive = self.inclusive
        if options is not None and options.by_inclusive is not None:
            inclusive = options.by_inclusive
        return self.day if inclusive else self.day - dt.timedelta(days=1)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        end = self.due(ctx.options)
        return _ok(DateWindow(ctx.lower_bound(end), end, open_start=True))


@attrs.frozen(slots=True)
class ByMonth(_Base):
    """Due by a month: «до декабря 2022», «на период до декабря 2022».

    Inclusive by default: through the last day of the month; exclusive: through the last day of
    the previous month.
    """

    kind: ClassVar[str] = "month_by"
    month: MonthRef
    inclusive: bool = True
    wording: str = "до"
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags of the month."""
        return _month_flags((self.month,))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        year = self.month.effective_year(ctx.school_year)
        if year is None:
            return _no_year("month")
        inclusive = self.inclusive if ctx.options.by_inclusive is None else ctx.options.by_inclusive
        end = _last_day(year, self.month.month)
        if not inclusive:
            end = dt.date(year, self.month.month, 1) - dt.timedelta(days=1)
        return _ok(DateWindow(ctx.lower_bound(end), end, open_start=True))


@attrs.frozen(slots=True)
class DateList(_Base):
    """Several by-dates in one item: «до 01.11.2023, до 20.04.2024». One window per date."""

    kind: ClassVar[str] = "date_list_by"
    items: tuple[ByDate, ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``chronology_violated`` when the dates are not in order."""
        days = [i.day for i in self.items]
        return frozenset({"chronology_violated"}) if days != sorted(days) else frozenset()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


def _check_range(instance: DayRange, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if value < instance.start:
        raise InvalidValueError(f"DayRange end {value} precedes its start {instance.start}")


@attrs.frozen(slots=True)
class DayRange(_Base):
    """A span of days: «с 1 марта по 20 мая 2024 года» (the year may be written once, at the end)."""

    kind: ClassVar[str] = "day_range"
    start: dt.date
    end: dt.date = attrs.field(validator=_check_range)
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _ok(DateWindow(self.start, self.end))


@attrs.frozen(slots=True)
class ExactDate(_Base):
    """One exact day: «17.05.2024»."""

    kind: ClassVar[str] = "date"
    day: dt.date
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _ok(DateWindow.day(self.day))


@attrs.frozen(slots=True)
class Month(_Base):
    """A whole month: «ноябрь 2023 года», «Январь» (year from the school year)."""

    kind: ClassVar[str] = "month"
    month: MonthRef
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags."""
        return _month_flags((self.month,))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        window = self.month.window(ctx.school_year)
        return _no_year("month") if window is None else _ok(window)


@attrs.frozen(slots=True)
class MonthRange(_Base):
    """A span of months: «август – сентябрь 2023 года», «декабрь – март 2024 года» (rolled back),
    «сентябрь 2023 года – май 2024 года». One window from the first day of ``start`` to the last
    day of ``end``."""

    kind: ClassVar[str] = "month_range"
    start: MonthRef
    end: MonthRef
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags (``chronology_violated`` when the range runs backwards)."""
        return _month_flags((self.start, self.end))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        first = self.start.window(ctx.school_year)
        last = self.end.window(ctx.school_year)
        if first is None or last is None:
            return _no_year("month range")
        if (
            self.start.origin is YearOrigin.NONE
            and self.end.origin is YearOrigin.NONE
            and last.end < first.start
        ):
            # No year written at all and the school year crossed: roll the start back, as the parser
            # does when it knows the school year («август – сентябрь» → August to September).
            year = last.end.year if self.start.month <= self.end.month else last.end.year - 1
            first = month_window(year, self.start.month)
        if last.end < first.start:
            return _unresolved(
                ResolutionStatus.INVALID, f"range ends ({last.end}) before it starts ({first.start})"
            )
        return _ok(DateWindow(first.start, last.end))


@attrs.frozen(slots=True)
class MonthList(_Base):
    """Separate months (occurrences, not a range): «ноябрь 2023 года январь 2024 года»,
    «февраль, май 2024», «Сентябрь, март». One window per month."""

    kind: ClassVar[str] = "month_list"
    months: tuple[MonthRef, ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags."""
        return _month_flags(self.months)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        windows = [m.window(ctx.school_year) for m in self.months]
        if any(w is None for w in windows):
            return _no_year("month list")
        return _ok(*(w for w in windows if w is not None))


@attrs.frozen(slots=True)
class PeriodList(_Base):
    """Months and month ranges mixed: «март, апрель-май, август 2024». One window per item."""

    kind: ClassVar[str] = "period_list"
    items: tuple[Month | MonthRange, ...]
    raw: str = _raw()

    @property
    def refs(self) -> tuple[MonthRef, ...]:
        """All month references in reading order."""
        out: list[MonthRef] = []
        for item in self.items:
            out.extend((item.month,) if isinstance(item, Month) else (item.start, item.end))
        return tuple(out)

    @property
    def flags(self) -> frozenset[str]:
        """Year flags over all items."""
        return _month_flags(self.refs)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


def _season_window(season: Season, year: int) -> DateWindow:
    first = season.value
    if season is Season.WINTER:
        return DateWindow(dt.date(year, 12, 1), _last_day(year + 1, 2))
    return DateWindow(dt.date(year, first, 1), _last_day(year, first + 2))


@attrs.frozen(slots=True)
class SeasonTerm(_Base):
    """A season: «осень 2022 года», «весна 2023 года».

    Winter «зима YEAR» is read as December YEAR – February YEAR+1 (flag ``winter_ambiguous``).
    Without a year the school year decides (autumn/winter: start year, spring/summer: start+1).
    """

    kind: ClassVar[str] = "season"
    season: Season
    year: int | None = None
    origin: YearOrigin = YearOrigin.NONE
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``assumed_year``, ``year_unknown``, ``winter_ambiguous``."""
        flags = set()
        if self.origin is YearOrigin.SCHOOL_YEAR:
            flags.add("assumed_year")
        if self.year is None:
            flags.add("year_unknown")
        if self.season is Season.WINTER:
            flags.add("winter_ambiguous")
        return frozenset(flags)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        year = self.year
        if year is None and ctx.school_year is not None:
            year = ctx.school_year.year_of_month(self.season.value)
        if year is None:
            return _no_year("season")
        return _ok(_season_window(self.season, year))


@attrs.frozen(slots=True)
class QuarterTerm(_Base):
    """A calendar quarter: «I квартал 2024 года», «2 квартал»."""

    kind: ClassVar[str] = "quarter"
    quarter: int = attrs.field(validator=attrs.validators.in_((1, 2, 3, 4)))
    year: int | None = None
    origin: YearOrigin = YearOrigin.NONE
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``assumed_year``, ``year_unknown``."""
        if self.origin is YearOrigin.SCHOOL_YEAR:
            return frozenset({"assumed_year"})
        return frozenset({"year_unknown"}) if self.year is None else frozenset()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        first = 3 * self.quarter - 2
        year = self.year
        if year is None and ctx.school_year is not None:
            year = ctx.school_year.year_of_month(first)
        if year is None:
            return _no_year("quarter")
        return _ok(DateWindow(dt.date(year, first, 1), _last_day(year, first + 2)))


@attrs.frozen(slots=True)
class SchoolYearTerm(_Base):
    """A school year: explicit «в течение 2023-2024 учебного года», «2021 – 2022 учебный год»,
    «2023-2024 уч. г.», or implicit «в течение учебного года», «в течение года».

    Attributes:
        start_year, end_year: the years written (explicit) or taken from the school year given at
            parse time (implicit); None when implicit and no school year was given.
        explicit: the years are written in the text.
        academic: the text says «учебный год» («уч. г.»). An explicit span without it («2023-2024
            г.») is read as a school year and flagged ``academic_or_calendar_ambiguous``; an
            implicit «в течение года» without it means the plan's school year (catalogue §6.6).
    """

    kind: ClassVar[str] = "academic_year"
    start_year: int | None = None
    end_year: int | None = None
    explicit: bool = True
    academic: bool = True
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``implicit``, ``academic_or_calendar_ambiguous``, ``span_not_one_year``, ``year_unknown``."""
        flags = set()
        if not self.explicit:
            flags.add("implicit")
        elif not self.academic:
            flags.add("academic_or_calendar_ambiguous")
        if self.start_year is None:
            flags.add("year_unknown")
        elif self.end_year is not None and self.end_year != self.start_year + 1:
            flags.add("span_not_one_year")
        return frozenset(flags)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        start_year = self.start_year
        if start_year is None and ctx.school_year is not None:
            start_year = ctx.school_year.start_year
        if start_year is None:
            return _no_year("school year")
        end_year = self.end_year if self.end_year is not None else start_year + 1
        if end_year <= start_year:  # 1 September of the first year to 31 August of the last
            return _unresolved(
                ResolutionStatus.INVALID, f"school year {start_year}-{end_year} ends before it starts"
            )
        return _ok(DateWindow(dt.date(start_year, 9, 1), dt.date(end_year, 8, 31)))


@attrs.frozen(slots=True)
class CalendarYear(_Base):
    """A calendar year: «в течение 2023 года», «2022 г.». Window 1 January – 31 December."""

    kind: ClassVar[str] = "year"
    year: int
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _ok(DateWindow(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)))


@attrs.frozen(slots=True)
class PlanPeriod(_Base):
    """The plan's whole period: «Весь период», «в течение всего периода подготовки и проведения
    ГИА, ЕГЭ», «В период подготовки и проведения ГИА».

    Resolves to ``plan_period`` when given, else to the school year (reason says so).
    ``exams`` keeps the exams named («ГИА», «ЕГЭ»), empty for «весь период».
    """

    kind: ClassVar[str] = "whole_period"
    exams: tuple[str, ...] = ()
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if ctx.plan_period is not None:
            return _ok(ctx.plan_period)
        if ctx.school_year is not None:
            return Resolution(
                (ctx.school_year.window,),
                ResolutionStatus.RESOLVED,
                "plan period not given; the school year is used",
            )
        return _unresolved(
            ResolutionStatus.NO_SCHOOL_YEAR, "neither a plan period nor a school year was given"
        )


def _as_window(value: dt.date | DateWindow, label: str = "") -> DateWindow:
    if isinstance(value, DateWindow):
        return value if not label or value.label else attrs.evolve(value, label=label)
    return DateWindow.day(value, label=label)


@attrs.frozen(slots=True)
class ExamPeriod(_Base):
    """The exam campaign or its stages: «в период проведения ГИА», «во время проведения ГИА»,
    «В период подготовки ГИА», «в период досрочного, основного и дополнительного этапов ГИА, ЕГЭ
    в 2022 г.», «дополнительный (сентябрьский) период 2022 г.», «При проведении оценочных процедур».

    Resolves against ``events``: stage anchors (:attr:`Anchor.EARLY_PERIOD` …) for the named stages,
    else :attr:`Anchor.EXAM_PERIOD`; windows outside ``year`` (when written) are dropped. Without
    those events the status is NO_EVENT_DATES. The preparation phase («в период подготовки»)
    resolves like :class:`PlanPeriod`.
    """

    kind: ClassVar[str] = "exam_period"
    phase: ExamPhase = ExamPhase.CONDUCT
    stages: tuple[ExamStage, ...] = ()
    exams: tuple[str, ...] = ()
    year: int | None = None
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if self.phase is ExamPhase.PREPARATION:
            return PlanPeriod(self.exams)._resolve(ctx)
        anchors = [s.anchor for s in self.stages] or [Anchor.EXAM_PERIOD]
        windows = [_as_window(v, label=a.value) for a in anchors for v in ctx.events.get(a, ())]
        if self.year is not None:
            windows = [w for w in windows if w.start.year <= self.year <= w.end.year]
        if not windows:
            names = ", ".join(a.value for a in anchors)
            return _unresolved(ResolutionStatus.NO_EVENT_DATES, f"no dates given for {names}")
        return _ok(*windows)


@attrs.frozen(slots=True)
class Relative(_Base):
    """An offset from an anchor event: «не позднее чем за 1 рабочий день до дня проведения
    экзамена», «за 3 календарных дня до …», «в течение 2 дней со дня принятия решения», «не
    позднее 2 календарных дней после утверждения результатов председателем ГЭК», «в день
    проведения экзамена», «накануне экзаменов», «до начала работы АК», «за 1 месяц до начала
    экзамена».

    Resolves to one window per event date of ``anchor`` (see the module docstring for the
    counting rules); with no event dates: no windows, status NO_EVENT_DATES.

    Attributes:
        offset: the count N (0 for bounds without one).
        unit: working, calendar or unspecified days, weeks, months (NONE without an offset).
        bound: latest/exact/within …, which also gives the direction.
        anchor: the event.
        detail: extra words naming the event more precisely («ГИА-11», «2023 года»), may be empty.
    """

    kind: ClassVar[str] = "relative"
    offset: int
    unit: Unit
    bound: Bound
    anchor: Anchor
    detail: str = ""
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``unit_unspecified`` for bare «дней»."""
        return frozenset({"unit_unspecified"}) if self.unit is Unit.DAY else frozenset()

    @property
    def direction(self) -> str:
        """ "before", "after" or "on"."""
        return self.bound.direction

    def _shift(self, ctx: _Ctx, day: dt.date, sign: int) -> dt.date:
        unit = self.unit
        if unit is Unit.DAY:
            unit = Unit.WORKING_DAY if ctx.options.unspecified_days_are_working else Unit.CALENDAR_DAY
        n = sign * self.offset
        if unit is Unit.WORKING_DAY:
            if ctx.calendar is None:
                raise _NeedsCalendarError
            return ctx.calendar.add_working_days(day, n)
        if unit is Unit.WEEK:
            return day + dt.timedelta(weeks=n)
        if unit is Unit.MONTH:
            return day + relativedelta(months=n)
        return day + dt.timedelta(days=n)

    def _one(self, ctx: _Ctx, event: dt.date, label: str) -> DateWindow:
        bound = self.bound
        opts = ctx.options
        one = dt.timedelta(days=1)
        if bound is Bound.EXACT_BEFORE and opts.bare_offset_is_latest:
            bound = Bound.LATEST_BEFORE
        if bound is Bound.LATEST_BEFORE:
            end = self._shift(ctx, event, -1)
            return DateWindow(ctx.lower_bound(end), end, open_start=True, label=label)
        if bound is Bound.EXACT_BEFORE:
            return DateWindow.day(self._shift(ctx, event, -1), label=label)
        if bound in (Bound.WITHIN_AFTER, Bound.LATEST_AFTER):
            end = self._shift(ctx, event, +1)
            start = event + one if opts.count_from_next_day else event
            if not opts.count_from_next_day:
                end -= one
            return DateWindow(min(start, end), end, label=label)
        if bound is Bound.EXACT_AFTER:
            return DateWindow.day(self._shift(ctx, event, +1), label=label)
        if bound is Bound.ON:
            return DateWindow.day(event, label=label)
        if bound is Bound.EVE:
            if opts.eve_is_working_day:
                if ctx.calendar is None:
                    raise _NeedsCalendarError
                return DateWindow.day(ctx.calendar.previous_working_day(event), label=label)
            return DateWindow.day(event - one, label=label)
        if bound is Bound.UNTIL:
            end = event if opts.until_includes_anchor_day else event - one
            return DateWindow(ctx.lower_bound(end), end, open_start=True, label=label)
        start = event + one
        return DateWindow(start, ctx.upper_bound(start), open_end=True, label=label)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        values = ctx.events.get(self.anchor, ())
        if not values:
            return _unresolved(
                ResolutionStatus.NO_EVENT_DATES, f"no dates given for anchor {self.anchor.value}"
            )
        windows = []
        for value in values:
            day = value.start if isinstance(value, DateWindow) else value
            try:
                windows.append(self._one(ctx, day, day.isoformat()))
            except _NeedsCalendarError:
                return _unresolved(ResolutionStatus.NEEDS_CALENDAR, "working days need a calendar")
            except CalendarCoverageError as exc:
                return _unresolved(ResolutionStatus.OUTSIDE_CALENDAR, str(exc))
        return _ok(*windows)


class _NeedsCalendarError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# References, conditions, continuity, recurrence
# --------------------------------------------------------------------------------------------

# Owners of an external schedule, found by general rules: a known word in any case ending and with
# the typos a reader forgives («Рособнадзора», «Депатраментa»: :class:`~gia_roadmap.text.Vocabulary`),
# a known phrase, or an abbreviation of «институт развития образования» with a region's letters
# («ИРО», «ИРОК», «АИРО»: :func:`~gia_roadmap.text.abbreviates`), named as written.
_OWNER_WORDS: Vocabulary[str] = Vocabulary(
    {
        "фцт": "ФЦТ",
        "рособрнадзор": "Рособрнадзор",
        "рон": "Рособрнадзор",
        "минпросвещения": "Минпросвещения",
        "фипи": "ФИПИ",
        "спецсвязь": "Спецсвязь",
        "департамент": "Департамент",
        "министерство": "Министерство",
        "минобрнауки": "Министерство",
        "умо": "УМО",
        "моуо": "МОУО",
        "оо": "ОО",
    },
    endings=3,
)
_OWNER_PHRASES = (
    ("ФЦТ", re.compile(r"федеральн\w* центр\w* тестировани")),
    ("Рособрнадзор", re.compile(r"федеральн\w* служб\w* по надзору")),
)
_INSTITUTE = "институт развития образования"
_OWNER_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_OWNER_ORDER = (
    "ФЦТ", "Рособрнадзор", "Минпросвещения", "ФИПИ", "Спецсвязь", "", "Департамент", "Министерство",
    "УМО", "МОУО", "ОО",
)  # fmt: skip
_OWNER_RANK = {name: rank for rank, name in enumerate(_OWNER_ORDER)}
_INSTITUTE_RANK = _OWNER_RANK[""]  # institutes come after the federal owners, before the regional ones


def _owners(text: str) -> tuple[str, ...]:
    low = text.lower().replace("ё", "е")
    found = {name: _OWNER_RANK[name] for name, pattern in _OWNER_PHRASES if pattern.search(low)}
    for word in _OWNER_WORD.findall(text):
        name = _OWNER_WORDS.lookup(word)
        if name is not None:
            found.setdefault(name, _OWNER_RANK[name])
        elif abbreviates(word, _INSTITUTE):
            found.setdefault(word, _INSTITUTE_RANK)
    return tuple(sorted(found, key=found.__getitem__))


def _unknown(ctx: _Ctx, reason: str) -> Resolution:
    if ctx.options.unknown_as_period and ctx.frame is not None:
        return Resolution((ctx.frame,), ResolutionStatus.UNKNOWN, reason)
    return _unresolved(ResolutionStatus.UNKNOWN, reason)


@attrs.frozen(slots=True)
class ExternalSchedule(_Base):
    """Dates set by someone else's schedule or act: «по графику ФЦТ», «по согласованному со
    Спецсвязью графику», «в соответствии с Порядком и графиком Рособрнадзора», «согласно приказам
    Департамента». Resolves to UNKNOWN (reason names the reference).

    Attributes:
        preposition: «по», «в соответствии с», «согласно» … (empty for a bare «приказы Департамента»).
        text: the reference as written (whitespace and dashes normalised).
    """

    kind: ClassVar[str] = "external_schedule"
    preposition: str
    text: str
    raw: str = _raw()

    @property
    def owners(self) -> tuple[str, ...]:
        """Bodies recognised in the text (typos such as «Рособнадзора» included)."""
        return _owners(self.text)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"external schedule: {self.preposition} {self.text}".replace("  ", " "))


@attrs.frozen(slots=True)
class SeparateSchedule(_Base):
    """A separate schedule with no owner named: «по отдельному графику», «По спец. графику»,
    «Согласно графику». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "separate_schedule"
    preposition: str = "по"
    text: str = "отдельному графику"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"separate schedule: {self.preposition} {self.text}")


@attrs.frozen(slots=True)
class SeparatePlan(_Base):
    """A separate plan: «по отдельному плану», «по плану учредительного контроля», «По плану ОО»,
    «в соответствии с планом работы отделений краевого УМО». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "separate_plan"
    preposition: str = "по"
    text: str = "отдельному плану"
    raw: str = _raw()

    @property
    def owners(self) -> tuple[str, ...]:
        """Bodies recognised in the text."""
        return _owners(self.text)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"separate plan: {self.preposition} {self.text}")


@attrs.frozen(slots=True)
class OnRequest(_Base):
    """On request: «по запросу ФЦТ», «по запросу МОУО, ОО». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "on_request"
    text: str = "запросу"
    raw: str = _raw()

    @property
    def owners(self) -> tuple[str, ...]:
        """Bodies recognised in the text."""
        return _owners(self.text)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"on request: по {self.text}")


@attrs.frozen(slots=True)
class Conditional(_Base):
    """A condition instead of a date: «по мере необходимости», «при необходимости», «по мере
    поступления региональной ДК», «по согласованию с Министерством …». Resolves to UNKNOWN.

    ``text`` is the whole phrase, first letter lower-cased.
    """

    kind: ClassVar[str] = "conditional"
    text: str
    raw: str = _raw()

    @property
    def condition(self) -> str:
        """ "as_needed", "on_receipt", "on_agreement" or "other"."""
        low = self.text.lower()
        if "необходимост" in low:
            return "as_needed"
        if "поступлени" in low or "получени" in low:
            return "on_receipt"
        if "согласовани" in low:
            return "on_agreement"
        return "other"

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"conditional: {self.text}")


@attrs.frozen(slots=True)
class Continuous(_Base):
    """Continuous activity, no due date: «постоянно», «круглогодично».

    Resolves to the plan period (or school year) with status CONTINUOUS, so it is never overdue.
    """

    kind: ClassVar[str] = "continuous"
    word: str = "постоянно"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if not ctx.options.continuous_as_period:
            return _unresolved(ResolutionStatus.UNKNOWN, f"continuous activity ({self.word}): no due date")
        frame = ctx.frame
        if frame is None:
            return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, "continuous activity: no plan period given")
        return Resolution((frame,), ResolutionStatus.CONTINUOUS, f"continuous activity ({self.word})")


@attrs.frozen(slots=True)
class Recurring(_Base):
    """A recurrence: «ежемесячно», «еженедельно», «до 25 числа каждого месяца» (``day`` = 25).

    Resolves within the plan period (or school year): monthly → one window per month (ending on
    ``day`` when given); weekly → one window per Monday–Sunday week; daily → one per day;
    quarterly/yearly → one per quarter/calendar year.
    """

    kind: ClassVar[str] = "recurring"
    frequency: Frequency
    day: int | None = None
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        frame = ctx.frame
        if frame is None:
            return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, "recurring: no plan period given")
        windows: list[DateWindow] = []
        if self.frequency in (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY):
            step = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}[self.frequency]
            year, month = frame.start.year, frame.start.month
            if self.frequency is Frequency.QUARTERLY:
                month -= (month - 1) % 3
            elif self.frequency is Frequency.YEARLY:
                month = 1
            while dt.date(year, month, 1) <= frame.end:
                last_month = month + step - 1
                last_year = year + (last_month - 1) // 12
                last_month = (last_month - 1) % 12 + 1
                end = _last_day(last_year, last_month)
                if self.day is not None:
                    end = min(end, dt.date(last_year, last_month, min(self.day, end.day)))
                start = max(dt.date(year, month, 1), frame.start)
                end = min(end, frame.end)
                if start <= end:
                    windows.append(DateWindow(start, end))
                month += step
                year += (month - 1) // 12
                month = (month - 1) % 12 + 1
        else:
            step_days = 7 if self.frequency is Frequency.WEEKLY else 1
            start = frame.start
            if step_days == 7:
                start -= dt.timedelta(days=start.weekday())
            while start <= frame.end:
                end = start + dt.timedelta(days=step_days - 1)
                windows.append(DateWindow(max(start, frame.start), min(end, frame.end)))
                start = end + dt.timedelta(days=1)
        return _ok(*windows)


@attrs.frozen(slots=True)
class Note(_Base):
    """A free qualifier that is neither a date nor a reference, usually in parentheses:
    «(промежуточные сведения соответствующих периодов)». Resolves to nothing (status RESOLVED,
    no windows) so it never hides the dates of the term it qualifies."""

    kind: ClassVar[str] = "note"
    text: str
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return Resolution((), ResolutionStatus.RESOLVED, "")


# --------------------------------------------------------------------------------------------
# Containers
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Compound(_Base):
    """A term plus a qualifier: «в течение учебного года по плану ИРОК», «ноябрь 2021 г. (при
    необходимости)», «Октябрь 2023 г. – май 2024 г. (по плану мобильной сети)». Parentheses carry
    data and are kept (``parenthesized``).

    Resolves to the windows of ``base``; the qualifier's reason is added to ``reason``. When the
    base itself is a reference the result stays UNKNOWN.
    """

    kind: ClassVar[str] = "compound"
    base: Term
    qualifier: Term
    parenthesized: bool = False
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Flags of the base and the qualifier."""
        return self.base.flags | self.qualifier.flags

    def _resolve(self, ctx: _Ctx) -> Resolution:
        base = self.base._resolve(ctx)
        qual = self.qualifier._resolve(ctx)
        reason = "; ".join(r for r in (base.reason, qual.reason) if r)
        return Resolution(base.windows, base.status, reason)


@attrs.frozen(slots=True)
class TermSequence(_Base):
    """Several different terms in one cell: «в течение года февраль–март 2024 во время проведения
    ГИА», «2021- 2022 учебный год, 2021 г., дополнительный (сентябрьский) период 2022 г.».
    Resolves to the windows of all items."""

    kind: ClassVar[str] = "sequence"
    items: tuple[Term, ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Union of the items' flags."""
        return frozenset().union(*(i.flags for i in self.items))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


@attrs.frozen(slots=True)
class PerExam(_Base):
    """Different deadlines per exam: «для ГИА-9: апрель, май 2024 / для ГИА-11: февраль–май 2024».

    ``parts`` pairs each scope («ГИА-9») with its term. Windows are labelled with the scope.
    """

    kind: ClassVar[str] = "per_exam_type"
    parts: tuple[tuple[str, Term], ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Union of the parts' flags."""
        return frozenset().union(*(t.flags for _, t in self.parts))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        results = []
        for scope, term in self.parts:
            r = term._resolve(ctx)
            results.append(
                Resolution(tuple(attrs.evolve(w, label=scope) for w in r.windows), r.status, r.reason)
            )
        return _combine(results)


@attrs.frozen(slots=True)
class UnparsedTerm(_Base):
    """Text no rule fits: kept, never dropped. ``position`` is where reading failed (0-based, in
    the original text) and ``reason`` says what was expected there."""

    kind: ClassVar[str] = "unparsed"
    text: str
    position: int = 0
    reason: str = ""

    @property
    def raw(self) -> str:
        """The unparsed text itself."""
        return self.text

    @property
    def flags(self) -> frozenset[str]:
        """Always ``unparsed``."""
        return frozenset({"unparsed"})

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unresolved(ResolutionStatus.UNPARSED, f"unparsed at {self.position}: {self.reason}")


@attrs.frozen(slots=True)
class MissingTerm(_Base):
    """An empty deadline cell (kept and reported, never filled in silently)."""

    kind: ClassVar[str] = "missing"
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Always ``missing``."""
        return frozenset({"missing"})

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unresolved(ResolutionStatus.MISSING, "the deadline is empty")


Term: TypeAlias = (
    ByDate
    | ByMonth
    | DateList
    | DayRange
    | ExactDate
    | Month
    | MonthRange
    | MonthList
    | PeriodList
    | SeasonTerm
    | QuarterTerm
    | SchoolYearTerm
    | CalendarYear
    | PlanPeriod
    | ExamPeriod
    | Relative
    | ExternalSchedule
    | SeparateSchedule
    | SeparatePlan
    | OnRequest
    | Conditional
    | Continuous
    | Recurring
    | Note
    | Compound
    | TermSequence
    | PerExam
    | UnparsedTerm
    | MissingTerm
)
"""Any deadline term (the union of all term classes)."""

TERM_CLASSES: tuple[type[Term], ...] = (
    ByDate,
    ByMonth,
    DateList,
    DayRange,
    ExactDate,
    Month,
    MonthRange,
    MonthList,
    PeriodList,
    SeasonTerm,
    QuarterTerm,
    SchoolYearTerm,
    CalendarYear,
    PlanPeriod,
    ExamPeriod,
    Relative,
    ExternalSchedule,
    SeparateSchedule,
    SeparatePlan,
    OnRequest,
    Conditional,
    Continuous,
    Recurring,
    Note,
    Compound,
    TermSequence,
    PerExam,
    UnparsedTerm,
    MissingTerm,
)
"""Every term class, in a stable order."""

WINDOW_KINDS = (ByDate, ByMonth, DateList, DayRange, ExactDate, Month, MonthRange, MonthList, PeriodList)
"""Classes that carry explicit dates or months."""

REFERENCE_KINDS = (ExternalSchedule, SeparateSchedule, SeparatePlan, OnRequest, Conditional, Note)
"""Classes that qualify another term when they follow it (forming a :class:`Compound`)."""
