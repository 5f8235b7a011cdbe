"""Helpers for your own tests: a fixed "today", small synthetic calendars and a plan builder.

* :class:`FixedClock` — a clock that always says the same day (сегодня), to pass as ``today=`` to
  :func:`gia_roadmap.plan.states`, :func:`gia_roadmap.plan.checks.check` and anything else that
  judges a plan on a given day; :meth:`FixedClock.shifted` moves it by calendar or working days.
* :class:`SyntheticCalendar` — a working-day calendar (рабочий календарь) you write by hand: a
  weekend, some holidays, some working weekends, over any years. It implements the calendar
  protocol the deadline terms use (:class:`~gia_roadmap.calendar.WorkingDayCalendar`), so a term
  resolves against it exactly as against :class:`~gia_roadmap.calendar.RussianCalendar`;
  :func:`synthetic_calendars` is a Hypothesis strategy of them.
* :class:`PlanBuilder` — :class:`~gia_roadmap.plan.RoadmapBuilder` with lenient defaults for tests:
  sections, measures with numbers, terms from text («Сроки»), responsible parties from text
  («Ответственные»), dependencies by number.

>>> import datetime as dt
>>> from gia_roadmap.testing import PlanBuilder, SyntheticCalendar
>>> cal = SyntheticCalendar(holidays=[dt.date(2030, 1, 1)])
>>> cal.add_working_days(dt.date(2029, 12, 31), 1)  # 1 January is off in this calendar
datetime.date(2030, 1, 2)
>>> plan = (
...     PlanBuilder("demo", school_year=2023)
...     .section("1. Организационное сопровождение ГИА")
...     .measure("1.1", "Совещание с руководителями ОО", term="до 01.12.2023", responsible="УО")
...     .build()
... )
>>> len(plan.measures)
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.terms import WorkingDayCalendar
from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.plan.builder import RoadmapBuilder

__all__ = [
    "Clock",
    "FixedClock",
    "PlanBuilder",
    "SyntheticCalendar",
    "synthetic_calendars",
    "system_clock",
]

_ONE = dt.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# A fixed "today"
# --------------------------------------------------------------------------------------------


@runtime_checkable
class Clock(Protocol):
    """Anything that tells today's date: ``clock() -> date``."""

    def __call__(self) -> dt.date:
        """Today."""
        ...


def system_clock() -> dt.date:
    """The real today (``datetime.date.today()``); the clock production code uses by default."""
    return dt.date.today()


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(f"expected a datetime.date, got {type(value).__name__} {value!r}")
    return value


@attrs.frozen
class FixedClock:
    """A clock frozen on one day, for tests of anything judged "as of today".

    Call it (``clock()``) or read :attr:`day`; pass ``today=clock()`` to
    :func:`gia_roadmap.plan.states` or ``check(..., today=clock())``. A code under test that takes a
    :class:`Clock` (a callable returning a date) can take the clock itself.

    Attributes:
        day: the day the clock always tells.

    >>> import datetime as dt
    >>> clock = FixedClock(dt.date(2024, 3, 1))
    >>> clock(), clock.shifted(days=-1)()
    (datetime.date(2024, 3, 1), datetime.date(2024, 2, 29))
    """

    day: dt.date = attrs.field(converter=_as_date)

    def __call__(self) -> dt.date:
        """The fixed day."""
        return self.day

    def today(self) -> dt.date:
        """The fixed day (the same as calling the clock)."""
        return self.day

    def shifted(
        self, days: int = 0, *, working_days: int = 0, calendar: WorkingDayCalendar | None = None
    ) -> FixedClock:
        """A clock moved by ``days`` calendar days, then by ``working_days`` working days of
        ``calendar`` (required when ``working_days`` is not zero)."""
        day = self.day + dt.timedelta(days=days)
        if working_days:
            if calendar is None:
                raise InvalidValueError("shifting by working days needs a calendar")
            day = calendar.add_working_days(day, working_days)
        return FixedClock(day)


# --------------------------------------------------------------------------------------------
# Synthetic calendars
# --------------------------------------------------------------------------------------------


def _date_set(values: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(_as_date(v) for v in values)


def _weekday_set(values: Iterable[int]) -> frozenset[int]:
    days = frozenset(int(v) for v in values)
    if not all(0 <= d <= 6 for d in days):
        raise InvalidValueError(
            f"weekend days are weekday numbers 0 (Monday) … 6 (Sunday), got {sorted(days)}"
        )
    if len(days) == 7:
        raise InvalidValueError("a weekend of all seven days leaves no working day")
    return days


def _no_overlap(
    instance: SyntheticCalendar, attribute: attrs.Attribute[Any], value: frozenset[dt.date]
) -> None:
    both = value & instance.holidays
    if both:
        listed = ", ".join(d.isoformat() for d in sorted(both))
        raise InvalidValueError(f"a day cannot be both a holiday and a working weekend: {listed}")


@attrs.frozen
class SyntheticCalendar:
    """A small working-day calendar written by hand, valid for every year.

    A day is a working day unless its weekday is in ``weekend`` or it is in ``holidays``; a day of
    ``working_weekends`` (рабочий выходной) is a working day whatever its weekday. It implements
    :class:`~gia_roadmap.calendar.WorkingDayCalendar` with the counting conventions of
    :class:`~gia_roadmap.calendar.RussianCalendar` (see :meth:`add_working_days` and
    :meth:`working_days_between`), so unit tests of deadline rules can use a calendar whose every
    day off they chose, in any year, without the official data.

    Attributes:
        holidays: extra days off (праздничные и перенесённые выходные дни).
        working_weekends: weekend days that are working days.
        weekend: weekday numbers of the weekly days off (0 = Monday … 6 = Sunday); Saturday and
            Sunday by default, ``{6}`` for a six-day week (шестидневная рабочая неделя).

    >>> import datetime as dt
    >>> cal = SyntheticCalendar(holidays={dt.date(2025, 6, 12), dt.date(2025, 6, 13)})
    >>> cal.add_working_days(dt.date(2025, 6, 16), -1)
    datetime.date(2025, 6, 11)
    """

    holidays: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    working_weekends: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=_date_set, validator=_no_overlap
    )
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekday_set)

    @classmethod
    def copy_of(cls, calendar: WorkingDayCalendar, start: dt.date, end: dt.date) -> SyntheticCalendar:
        """A synthetic calendar that agrees with ``calendar`` on every day of ``start``..``end``
        (inclusive) and has a plain Saturday–Sunday weekend outside it.

        Useful to freeze a slice of the official calendar into a test.
        """
        holidays, working = set(), set()
        day = _as_date(start)
        while day <= end:
            off = day.weekday() >= 5
            if calendar.is_working_day(day):
                if off:
                    working.add(day)
            elif not off:
                holidays.add(day)
            day += _ONE
        return cls(holidays=holidays, working_weekends=working)

    def with_holidays(self, *days: dt.date) -> SyntheticCalendar:
        """A copy with more days off (a working weekend named here stops being one)."""
        extra = _date_set(days)
        return attrs.evolve(
            self, holidays=self.holidays | extra, working_weekends=self.working_weekends - extra
        )

    def with_working_days(self, *days: dt.date) -> SyntheticCalendar:
        """A copy where ``days`` are working days (holidays named here stop being days off)."""
        extra = _date_set(days)
        weekend_days = {d for d in extra if d.weekday() in self.weekend}
        return attrs.evolve(
            self, holidays=self.holidays - extra, working_weekends=self.working_weekends | weekend_days
        )

    # ------------------------------------------------------------------ the calendar protocol
    def is_working_day(self, day: dt.date, /) -> bool:
        """True when ``day`` is a working day."""
        day = _as_date(day)
        if day in self.working_weekends:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself when ``include_self``)."""
        day = _as_date(day)
        if not include_self:
            day += _ONE
        while not self.is_working_day(day):
            day += _ONE
        return day

    def previous_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself when ``include_self``)."""
        day = _as_date(day)
        if not include_self:
            day -= _ONE
        while not self.is_working_day(day):
            day -= _ONE
        return day

    def add_working_days(self, day: dt.date, n: int, /) -> dt.date:
        """The n-th working day strictly after ``day`` (n > 0), strictly before it (n < 0), or
        ``day`` itself (n == 0, even on a day off) — as :meth:`RussianCalendar.add_working_days`."""
        day = _as_date(day)
        if isinstance(n, bool) or not isinstance(n, int):
            raise InvalidTypeError(f"n must be an int, got {type(n).__name__} {n!r}")
        step = self.next_working_day if n > 0 else self.previous_working_day
        for _ in range(abs(n)):
            day = step(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date, /) -> int:
        """Working days in the half-open span ``[start, end)``; negative when ``end < start``
        (so ``between(a, b) + between(b, c) == between(a, c)``)."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        span = (end - start).days
        weeks, rest = divmod(span, 7)
        count = weeks * (7 - len(self.weekend))
        first = start + dt.timedelta(days=weeks * 7)
        count += sum(1 for i in range(rest) if (first + dt.timedelta(days=i)).weekday() not in self.weekend)
        count -= sum(1 for d in self.holidays if start <= d < end and d.weekday() not in self.weekend)
        count += sum(1 for d in self.working_weekends if start <= d < end and d.weekday() in self.weekend)
        return count

    def working_days_in(self, year: int, month: int | None = None) -> int:
        """Number of working days of a year, or of one month of it."""
        if month is None:
            return self.working_days_between(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        return self.working_days_between(start, end)


def synthetic_calendars(
    start: dt.date = dt.date(2030, 1, 1),
    end: dt.date = dt.date(2030, 12, 31),
    *,
    max_holidays: int = 40,
    max_working_weekends: int = 5,
    weekends: tuple[frozenset[int], ...] = (frozenset({5, 6}), frozenset({6})),
) -> st.SearchStrategy[SyntheticCalendar]:
    """A Hypothesis strategy of synthetic calendars whose special days lie in ``start``..``end``.

    Holidays and working weekends are drawn from the span (never the same day twice); the weekly days
    off from ``weekends`` (five- and six-day weeks by default). Use it to test a deadline rule on
    calendars more hostile than the official one: long runs of holidays, a six-day week, working
    Saturdays.
    """
    days = st.dates(start, end)

    @st.composite
    def build(draw: st.DrawFn) -> SyntheticCalendar:
        weekend = draw(st.sampled_from(weekends))
        holidays = draw(st.frozensets(days, max_size=max_holidays))
        working = draw(
            st.frozensets(days.filter(lambda d: d.weekday() in weekend), max_size=max_working_weekends)
        )
        return SyntheticCalendar(holidays=holidays - working, working_weekends=working, weekend=weekend)

    return build()


# --------------------------------------------------------------------------------------------
# The plan builder
# --------------------------------------------------------------------------------------------


class PlanBuilder(RoadmapBuilder):
    """The plan builder of the testing kit: :class:`~gia_roadmap.plan.RoadmapBuilder` with the defaults
    a test wants — a plan id of its own, and lenient reading (``strict=False``), so a test can build a
    plan with an unreadable deadline or an undeclared party on purpose (both are kept and reported in
    :attr:`~gia_roadmap.plan.RoadmapBuilder.problems`). One builder, two sets of defaults::

        plan = (
            PlanBuilder("demo", school_year=2023, glossary={"УО": "Управление образования"})
            .section("1. Организационное сопровождение ГИА")
            .measure("1.1", "Совещание", term="до 01.12.2023", responsible="УО")
            .measure("1.2", "Отчёт", term="декабрь", after="1.1")
            .subsection("1.3 Подготовка ППЭ")
            .measure("1.3.1", "Проверка ППЭ", term="май 2024")
            .end()
            .section("2. Информационное сопровождение")
            .measure("2.1", "Публикация", term="постоянно", done=dt.date(2023, 9, 5))
            .build()
        )

    Args:
        plan_id: the roadmap id (part of every measure's identity).
        strict: False by default (see above); every other keyword is the
            :class:`~gia_roadmap.plan.RoadmapBuilder`'s.
    """

    def __init__(self, plan_id: str = "test-plan", *, strict: bool = False, **options: Any) -> None:
        super().__init__(plan_id, strict=strict, **options)
