"""Terms dated to the month: «ноябрь 2023 года», «август – сентябрь 2023 года», «ноябрь 2023 года январь
2024 года», «март, апрель-май, август 2024», «до декабря 2022», and parts of a month: «первая декада
марта», «в конце декабря 2024 года»."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, ClassVar

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow, month_window
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _combine,
    _Ctx,
    _last_day,
    _no_year,
    _ok,
    _raw,
    _unresolved,
)
from gia_roadmap.calendar.terms.years import MonthRef, YearOrigin, _month_flags

if TYPE_CHECKING:
    from gia_roadmap.calendar.terms.containers import Term

__all__ = ["ByMonth", "Month", "MonthList", "MonthPart", "MonthRange", "PartOfMonth", "PeriodList"]


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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

    def children(self) -> tuple[Term, ...]:
        """The months and month ranges, in order."""
        return self.items

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


class PartOfMonth(enum.Enum):
    """A part of a month: its decades (декада: days 1–10, 11–20, 21–last), its beginning, middle
    and end, which are read as the first, second and third decade, its halves (1–15, 16–last) and
    its weeks (неделя), which are counted in days from the month's first: the first week is days
    1–7 whatever weekday the month starts on, the fourth 22–28, the last the month's last seven days
    (a school writes «первая неделя сентября» for the days from 1 September, not for the first
    Monday–Sunday week wholly inside it)."""

    FIRST_DECADE = "first_decade"
    """«первая декада»: days 1–10."""
    SECOND_DECADE = "second_decade"
    """«вторая декада»: days 11–20."""
    THIRD_DECADE = "third_decade"
    """«третья декада»: days 21 to the month's last."""
    BEGINNING = "beginning"
    """«начало месяца»: read as days 1–10."""
    MIDDLE = "middle"
    """«середина месяца»: read as days 11–20."""
    END = "end"
    """«конец месяца»: read as days 21 to the month's last."""
    FIRST_HALF = "first_half"
    """«первая половина месяца»: days 1–15."""
    SECOND_HALF = "second_half"
    """«вторая половина месяца»: days 16 to the month's last."""
    FIRST_WEEK = "first_week"
    """«первая неделя месяца»: days 1–7."""
    SECOND_WEEK = "second_week"
    """«вторая неделя»: days 8–14."""
    THIRD_WEEK = "third_week"
    """«третья неделя»: days 15–21."""
    FOURTH_WEEK = "fourth_week"
    """«четвёртая неделя»: days 22–28."""
    LAST_WEEK = "last_week"
    """«последняя неделя»: the month's last seven days (25–31 of a 31-day month, 22–28 of February
    in a common year)."""

    @property
    def days(self) -> tuple[int, int]:
        """The first and last day: 31 stands for the month's last day, and a first day of 0 or less
        counts back from it (the last week is ``(-6, 31)``: the last day and the six before it)."""
        return _PART_DAYS[self]


_PART_DAYS = {
    PartOfMonth.FIRST_DECADE: (1, 10),
    PartOfMonth.SECOND_DECADE: (11, 20),
    PartOfMonth.THIRD_DECADE: (21, 31),
    PartOfMonth.BEGINNING: (1, 10),
    PartOfMonth.MIDDLE: (11, 20),
    PartOfMonth.END: (21, 31),
    PartOfMonth.FIRST_HALF: (1, 15),
    PartOfMonth.SECOND_HALF: (16, 31),
    PartOfMonth.FIRST_WEEK: (1, 7),
    PartOfMonth.SECOND_WEEK: (8, 14),
    PartOfMonth.THIRD_WEEK: (15, 21),
    PartOfMonth.FOURTH_WEEK: (22, 28),
    PartOfMonth.LAST_WEEK: (-6, 31),
}


@attrs.frozen
class MonthPart(_Base):
    """A part of a month: «первая декада марта», «во второй декаде мая 2024 года», «в начале декабря»,
    «конец февраля 2025 г.», «в первую неделю сентября», «последняя неделя мая». One window (see
    :class:`PartOfMonth` for the days)."""

    kind: ClassVar[str] = "month_part"
    part: PartOfMonth
    month: MonthRef
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Year flags of the month."""
        return _month_flags((self.month,))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        window = self.month.window(ctx.school_year)
        if window is None:
            return _no_year("part of a month")
        first, last = self.part.days
        start = window.start.replace(day=first) if first > 0 else window.end + dt.timedelta(days=first)
        end = window.end if last == 31 else window.start.replace(day=last)
        return _ok(DateWindow(start, end))
