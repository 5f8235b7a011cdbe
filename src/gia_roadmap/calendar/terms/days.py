"""Terms dated to the day: «17.05.2024», «в срок до 17.05.2024», «не ранее 1 марта», «с 1 марта по 20 мая
2024 года», «до 01.11.2023, до 20.04.2024», «12, 15 и 19 мая».

Every day is a :class:`~gia_roadmap.calendar.terms.years.DayRef`: the day and month as written, the year
with its origin, and the weekday when the text writes one. The day fields also accept a plain
:class:`datetime.date` (a day with its year written).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    _Base,
    _combine,
    _Ctx,
    _no_year,
    _ok,
    _raw,
    _unresolved,
)
from gia_roadmap.calendar.terms.years import DayRef, _day_flags, to_day_ref
from gia_roadmap.errors import InvalidValueError

if TYPE_CHECKING:
    from gia_roadmap.calendar.terms.containers import Term

__all__ = ["ByDate", "DateList", "DayList", "DayRange", "ExactDate", "FromDate"]


class _OneDay(_Base):
    """A term of one day (``day``): its flags are the day's year and weekday flags."""

    __slots__ = ()
    day: DayRef

    @property
    def flags(self) -> frozenset[str]:
        """Year and weekday flags of the day."""
        return _day_flags((self.day,))


@attrs.frozen
class ExactDate(_OneDay):
    """One exact day: «17.05.2024», «1 декабря 2021 г.», «22.04. (пт)»."""

    kind: ClassVar[str] = "date"
    day: DayRef = attrs.field(converter=to_day_ref)
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        day = self.day.date(ctx.school_year)
        return _no_year("date") if day is None else _ok(DateWindow.day(day))


@attrs.frozen
class ByDate(_OneDay):
    """Due by a date: «в срок до 17.05.2024», «до 31.12.2023», «не позднее 1 марта 2026 года».

    ``inclusive`` is True by default (due on or before the date); the parser sets it False only
    when the text says «исключительно». ``wording`` keeps the preposition as written («до», «в
    срок до», «не позднее»). Resolves to one window ending on the date (or the day before when
    read exclusively), with an open start.
    """

    kind: ClassVar[str] = "date_by"
    day: DayRef = attrs.field(converter=to_day_ref)
    inclusive: bool = True
    wording: str = "до"
    raw: str = _raw()

    def due(
        self, options: ResolveOptions | None = None, school_year: SchoolYear | None = None
    ) -> dt.date | None:
        """The last allowed day under ``options`` (None when the year is unknown)."""
        day = self.day.date(school_year)
        if day is None:
            return None
        inclusive = self.inclusive
        if options is not None and options.by_inclusive is not None:
            inclusive = options.by_inclusive
        return day if inclusive else day - dt.timedelta(days=1)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        end = self.due(ctx.options, ctx.school_year)
        if end is None:
            return _no_year("date")
        return _ok(DateWindow(ctx.lower_bound(end), end, open_start=True))


@attrs.frozen
class FromDate(_OneDay):
    """Not before a date: «не ранее 1 марта 2024 года», «с 01.09.2023», «начиная с 1 сентября», «после
    15.05.2024».

    ``inclusive`` is False only for «после» (the work starts the day after). Resolves to one window
    starting on the date with an open end (it ends with the plan period, or on the start itself
    without one).
    """

    kind: ClassVar[str] = "date_from"
    day: DayRef = attrs.field(converter=to_day_ref)
    inclusive: bool = True
    wording: str = "не ранее"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        day = self.day.date(ctx.school_year)
        if day is None:
            return _no_year("date")
        start = day if self.inclusive else day + dt.timedelta(days=1)
        return _ok(DateWindow(start, ctx.upper_bound(start), open_end=True))


def _check_range(instance: DayRange, attribute: attrs.Attribute[DayRef], value: DayRef) -> None:
    start = instance.start
    if start.year is not None and value.year is not None and value.date() < start.date():  # type: ignore[operator]
        raise InvalidValueError(f"DayRange end {value.date()} precedes its start {start.date()}")


@attrs.frozen
class DayRange(_Base):
    """A span of days: «с 1 марта по 20 мая 2024 года», «5–22 сентября», «29 мая – 1 июля», «1-24 марта
    2023», «в период с 12 по 16 декабря» (the month and the year may be written once, at the end)."""

    kind: ClassVar[str] = "day_range"
    start: DayRef = attrs.field(converter=to_day_ref)
    end: DayRef = attrs.field(converter=to_day_ref, validator=_check_range)
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year and weekday flags of both ends."""
        return _day_flags((self.start, self.end))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        start, end = self.start.date(ctx.school_year), self.end.date(ctx.school_year)
        if start is None or end is None:
            return _no_year("day range")
        if end < start:
            return _unresolved(ResolutionStatus.INVALID, f"range ends ({end}) before it starts ({start})")
        return _ok(DateWindow(start, end))


@attrs.frozen
class DateList(_Base):
    """Several by-dates in one item: «до 01.11.2023, до 20.04.2024». One window per date."""

    kind: ClassVar[str] = "date_list_by"
    items: tuple[ByDate, ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year and weekday flags; ``chronology_violated`` when the dates are not in order."""
        return _day_flags([i.day for i in self.items])

    def children(self) -> tuple[Term, ...]:
        """The dates, in order."""
        return self.items

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


@attrs.frozen
class DayList(_Base):
    """Several days or spans of days as separate occurrences: «12, 15 и 19 мая 2024 года», «22.04. (пт),
    26.04. (вт)», «1–5 и 20–24 марта». One window per item."""

    kind: ClassVar[str] = "day_list"
    items: tuple[ExactDate | DayRange, ...]
    raw: str = _raw()

    @property
    def refs(self) -> tuple[DayRef, ...]:
        """All days in reading order (both ends of a span)."""
        out: list[DayRef] = []
        for item in self.items:
            out.extend((item.day,) if isinstance(item, ExactDate) else (item.start, item.end))
        return tuple(out)

    @property
    def flags(self) -> frozenset[str]:
        """Year and weekday flags over all items; ``chronology_violated`` when out of order."""
        return _day_flags(self.refs)

    def children(self) -> tuple[Term, ...]:
        """The days and spans, in order."""
        return self.items

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])
