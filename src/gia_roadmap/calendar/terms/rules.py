"""Calendar rules: recurring deadlines («ежемесячно», «до 25 числа каждого месяца», «ежеквартально до 5
числа месяца, следующего за отчётным») and days named by their place in a month («во вторую среду
февраля», «в первую рабочую среду декабря», «последний рабочий день месяца»)."""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import enum
from typing import ClassVar

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _Ctx,
    _last_day,
    _no_year,
    _ok,
    _raw,
    _unresolved,
    event_dates,
)
from gia_roadmap.calendar.terms.years import MonthRef, _month_flags
from gia_roadmap.errors import CalendarCoverageError, InvalidTypeError, InvalidValueError

__all__ = ["Frequency", "NthDay", "Recurring"]


def _check_day_of_month(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31):
        raise InvalidValueError(f"{attribute.name} must be a day of the month 1..31 or None, got {value!r}")


def _check_following(instance: Recurring, attribute: attrs.Attribute[bool], value: bool) -> None:
    if instance.frequency is Frequency.SCHOOL_QUARTERLY and (instance.day is not None or value):
        raise InvalidValueError(
            "a recurrence once a school quarter has no day of the month and no following month "
            f"(day={instance.day!r}, following={value!r})"
        )


def _weekday_tuple(value: object) -> tuple[int, ...]:
    if not isinstance(value, tuple | list):
        raise InvalidTypeError(f"weekdays must be a tuple of days 0 (Monday) .. 6 (Sunday), got {value!r}")
    return tuple(value)


def _check_weekdays(
    instance: Recurring, attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]
) -> None:
    if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in value):
        raise InvalidValueError(f"weekdays must be days 0 (Monday) .. 6 (Sunday), got {value!r}")
    if list(value) != sorted(set(value)):
        raise InvalidValueError(f"weekdays must be given once each, Monday first, got {value!r}")
    if value and (
        instance.frequency is not Frequency.WEEKLY or instance.day is not None or instance.following
    ):
        raise InvalidValueError(
            "days of the week («по понедельникам») go with a weekly recurrence without a day of the month "
            f"(frequency={instance.frequency.value!r}, day={instance.day!r}, weekdays={value!r})"
        )


def _check_times(instance: Recurring, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(f"times must be a count of at least 1, got {value!r}")
    if value > 1 and (instance.day is not None or instance.following):
        raise InvalidValueError(
            "a count per period («2 раза в год») has no day of the month and no following month "
            f"(times={value!r}, day={instance.day!r}, following={instance.following!r})"
        )


class Frequency(enum.Enum):
    """Recurrence of a recurring term."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    SCHOOL_QUARTERLY = "school_quarterly"
    """Once a school quarter (четверть): «1 раз в четверть», «ежечетвертно», «по четвертям». The
    quarters are the school's (bound as :attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_QUARTER`)."""


@attrs.frozen
class Recurring(_Base):
    """A recurrence: «ежемесячно», «еженедельно», «до 25 числа каждого месяца» (``day`` = 25),
    «ежеквартально до 5 числа месяца, следующего за отчётным» (``following``), «1 раз в четверть»,
    «2 раза в год», «не реже двух раз в месяц», «3 раза в четверть» (``times``).

    Resolves within the plan period (or school year): monthly → one window per month (ending on
    ``day`` when given); weekly → one window per Monday–Sunday week; daily → one per day;
    quarterly/yearly → one per quarter/calendar year; once a school quarter → one per quarter the
    caller binds to :attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_QUARTER` (status
    NO_EVENT_DATES without them: each school sets its quarters). With ``following`` the report on a period is
    due in the month after it: the window runs from the day after the period to ``day`` of the next
    month (a shorter month ends it on its last day).

    ``weekdays`` (weekly only) are the days of the week it is due on («еженедельно по понедельникам»,
    «каждую среду», «по вторникам и четвергам»; Monday = 0): one window per such day.

    ``times`` is how many times the measure is due in each period («2 раза в год»: twice in each
    window; «не реже двух раз в месяц» is read the same, as the least count). The text does not say
    on which days, so the windows stay one per period; a count above one goes with no ``day`` and no
    ``following``.
    """

    kind: ClassVar[str] = "recurring"
    frequency: Frequency
    day: int | None = attrs.field(default=None, validator=_check_day_of_month)
    following: bool = attrs.field(default=False, validator=_check_following)
    raw: str = _raw()
    times: int = attrs.field(default=1, kw_only=True, validator=_check_times)
    weekdays: tuple[int, ...] = attrs.field(
        default=(), kw_only=True, converter=_weekday_tuple, validator=_check_weekdays
    )

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if self.frequency is Frequency.SCHOOL_QUARTERLY:
            return self._school_quarters(ctx)
        frame = ctx.frame
        if frame is None:
            return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, "recurring: no plan period given")
        if self.weekdays:  # «по понедельникам»: each such day of the period
            days = (frame.start + dt.timedelta(days=k) for k in range((frame.end - frame.start).days + 1))
            return _ok(*(DateWindow.day(d) for d in days if d.weekday() in self.weekdays))
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
                if self.following:
                    due_year, due_month = (
                        (last_year + 1, 1) if last_month == 12 else (last_year, last_month + 1)
                    )
                    due = _last_day(due_year, due_month)
                    due = due.replace(day=min(self.day or due.day, due.day))
                    if dt.date(year, month, 1) >= frame.start:
                        windows.append(
                            DateWindow(end + dt.timedelta(days=1), due, label=f"{month:02d}.{year}")
                        )
                    month += step
                    year += (month - 1) // 12
                    month = (month - 1) % 12 + 1
                    continue
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

    def _school_quarters(self, ctx: _Ctx) -> Resolution:
        """One window per school quarter bound by the caller (each school sets its own)."""
        windows = [
            q if isinstance(q, DateWindow) else DateWindow.day(q)
            for q in event_dates(ctx.events, Anchor.SCHOOL_QUARTER)
        ]
        if not windows:
            return _unresolved(
                ResolutionStatus.NO_EVENT_DATES,
                "once a school quarter: each school sets its quarters in its calendar graph (ФОП, "
                "п. 172.1); bind Anchor.SCHOOL_QUARTER to them",
            )
        return _ok(*windows)


def _check_ordinal(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not (value == -1 or 1 <= value <= 31):
        raise InvalidValueError(f"ordinal must be 1..31 or -1 (the last), got {value!r}")


def _check_weekday(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6):
        raise InvalidValueError(f"weekday must be 0 (Monday) .. 6 (Sunday) or None, got {value!r}")


@attrs.frozen
class NthDay(_Base):
    """A day named by its place in a month: «во вторую среду февраля» (ordinal 2, weekday 2, February),
    «в первую рабочую среду декабря» (working), «последний рабочий день месяца» (ordinal −1, any
    weekday, working, every month), «в последнюю пятницу каждого месяца».

    Resolves to one day per month: the month given, or every month of the plan period (or school
    year) when ``month`` is None. Counting working days needs a calendar (status ``needs_calendar``
    without one).

    Attributes:
        ordinal: 1..31 (the first … ; at most the fifth of a weekday), −1 for the last.
        weekday: 0 (Monday) … 6 (Sunday), or None for any day («рабочий день»).
        working: only working days of the production calendar count.
        month: the month, or None for every month («месяца», «каждого месяца»).
    """

    kind: ClassVar[str] = "nth_day"
    ordinal: int = attrs.field(validator=_check_ordinal)
    weekday: int | None = attrs.field(default=None, validator=_check_weekday)
    working: bool = False
    month: MonthRef | None = None
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags of the month (none for every month)."""
        return _month_flags((self.month,)) if self.month is not None else frozenset()

    def _day(self, ctx: _Ctx, year: int, month: int) -> dt.date | None:
        days = [dt.date(year, month, d) for d in range(1, _stdlib_calendar.monthrange(year, month)[1] + 1)]
        if self.weekday is not None:
            days = [d for d in days if d.weekday() == self.weekday]
        if self.working:
            if ctx.calendar is None:
                raise _NeedsCalendarError
            days = [d for d in days if ctx.calendar.is_working_day(d)]
        index = self.ordinal - 1 if self.ordinal > 0 else self.ordinal
        return days[index] if -len(days) <= index < len(days) else None

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if self.month is not None:
            year = self.month.effective_year(ctx.school_year)
            if year is None:
                return _no_year("month")
            months = [(year, self.month.month)]
        else:
            frame = ctx.frame
            if frame is None:
                return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, "every month: no plan period given")
            months = []
            year, month = frame.start.year, frame.start.month
            while dt.date(year, month, 1) <= frame.end:
                months.append((year, month))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        windows = []
        try:
            for year, month in months:
                day = self._day(ctx, year, month)
                if day is not None:
                    windows.append(DateWindow.day(day))
        except _NeedsCalendarError:
            return _unresolved(ResolutionStatus.NEEDS_CALENDAR, "working days need a calendar")
        except CalendarCoverageError as exc:
            return _unresolved(ResolutionStatus.OUTSIDE_CALENDAR, str(exc))
        if not windows:
            return _unresolved(ResolutionStatus.INVALID, "no such day in the month")
        return _ok(*windows)


class _NeedsCalendarError(Exception):
    pass
