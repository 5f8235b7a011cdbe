"""School years and inclusive date windows.

A Russian school year runs from 1 September to 31 August: ``SchoolYear(2023)`` is
2023-09-01..2024-08-31. It is the default frame for deadline text written without a year
(«Январь» in a 2022/2023 plan means January 2023).

:class:`DateWindow` is what every deadline term resolves to: an inclusive ``start``..``end``
span of days, optionally marked as having an open start (a «до …» deadline says when the work
must be finished, not when it may begin) or an open end.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import re

import attrs

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import dash_class

__all__ = ["DateWindow", "SchoolYear", "month_window", "school_year_of"]


def _check_year(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{attribute.name} must be an int year, got {value!r}")
    if not 1 <= value <= 9998:
        raise InvalidValueError(f"{attribute.name} must lie in 1..9998, got {value!r}")


@attrs.frozen(order=True)
class SchoolYear:
    """The school year that starts on 1 September of ``start_year``.

    >>> SchoolYear(2023).start, SchoolYear(2023).end
    (datetime.date(2023, 9, 1), datetime.date(2024, 8, 31))
    """

    start_year: int = attrs.field(validator=_check_year)

    @property
    def end_year(self) -> int:
        """The calendar year in which the school year ends."""
        return self.start_year + 1

    @property
    def start(self) -> dt.date:
        """1 September of the start year."""
        return dt.date(self.start_year, 9, 1)

    @property
    def end(self) -> dt.date:
        """31 August of the following year."""
        return dt.date(self.start_year + 1, 8, 31)

    @property
    def window(self) -> DateWindow:
        """The whole school year as an inclusive window."""
        return DateWindow(self.start, self.end, label=str(self))

    def year_of_month(self, month: int) -> int:
        """The calendar year of ``month`` inside this school year (Sep–Dec: start year, Jan–Aug: next)."""
        if not 1 <= month <= 12:
            raise InvalidValueError(f"month must lie in 1..12, got {month!r}")
        return self.start_year if month >= 9 else self.start_year + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @classmethod
    def parse(cls, value: SchoolYear | int | str) -> SchoolYear:
        """A school year from what people write: ``2025``, ``"2025/26"``, ``"2025/2026"``,
        ``"2025–2026 учебный год"``, ``"2025-26 уч. г."`` (any dash or a slash; the second year must
        follow the first), or a :class:`SchoolYear`.

        Raises:
            InvalidTypeError: ``value`` is not a school year, an int or a str.
            InvalidValueError: the text is not a school year, or its years do not follow each other.

        >>> SchoolYear.parse("2025/26"), SchoolYear.parse("2025–2026 учебный год")
        (SchoolYear(start_year=2025), SchoolYear(start_year=2025))
        """
        if isinstance(value, SchoolYear):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"school_year must be a SchoolYear, a start year (2025) or a text («2025/26»), got {value!r}"
            )
        match = _SCHOOL_YEAR_TEXT.fullmatch(value.strip())
        if match is None:
            raise InvalidValueError(
                f"school_year {value!r} is not a school year; write 2025, «2025/26» or «2025/2026»"
            )
        start = int(match.group(1))
        if match.group(2) is None:
            return cls(start)
        written = match.group(2)
        end = int(written) if len(written) == 4 else start // 100 * 100 + int(written)
        if len(written) == 2 and end < start:
            end += 100  # «2099/00»
        if end != start + 1:
            raise InvalidValueError(
                f"school_year {value!r}: a school year runs from one year to the next, "
                f"so «{start}/{str(start + 1)[-len(written):]}»"
            )
        return cls(start)

    @classmethod
    def containing(cls, day: dt.date) -> SchoolYear:
        """The school year that contains ``day``."""
        return cls(day.year if day.month >= 9 else day.year - 1)

    def __str__(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"


_SCHOOL_YEAR_TEXT = re.compile(
    rf"(\d{{4}})(?:\s*{dash_class('/')}\s*(\d{{4}}|\d{{2}}))?(?:\s*(?:учебн\w*|уч\.?)\s*(?:год\w*|г\.?))?",
    re.IGNORECASE,
)


def _check_window(instance: DateWindow, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if instance.start > value:
        raise InvalidValueError(f"DateWindow end {value} precedes its start {instance.start}")


def _check_date(instance: object, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(f"{attribute.name} must be a datetime.date, got {value!r}")


_SCHOOL_YEARS: dict[int, SchoolYear] = {}


def school_year_of(value: object, *, field: str = "school_year") -> SchoolYear | None:
    """``value`` as a school year: a :class:`SchoolYear` as it is, an int as its start year, None as
    None. Anything else is an :class:`~gia_roadmap.errors.InvalidTypeError` naming ``field``.

    >>> school_year_of(2024)
    SchoolYear(start_year=2024)
    """
    if value is None or isinstance(value, SchoolYear):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        found = _SCHOOL_YEARS.get(value)
        if found is None:  # school years are immutable values: one per start year is shared
            found = SchoolYear(value)  # an invalid year is its error
            if len(_SCHOOL_YEARS) < 256:
                _SCHOOL_YEARS[value] = found
        return found
    raise InvalidTypeError(
        f"{field} must be a SchoolYear or its start year (an int such as 2024), "
        f"got {type(value).__name__} {value!r}"
    )


@attrs.frozen(order=True)
class DateWindow:
    """An inclusive span of days ``start``..``end``.

    Attributes:
        start: first day of the window (inclusive).
        end: last day of the window (inclusive); the due date of a deadline.
        open_start: the text gives no start («до 17.05.2024», «не позднее чем за …»); ``start`` is
            then the best known lower bound (plan period or school year start), or ``end`` itself.
        open_end: the text gives no end («после …»); ``end`` is the best known upper bound.
        label: what the window belongs to (an exam scope such as «ГИА-9», the event date a
            relative term was counted from), empty when nothing needs saying.
    """

    start: dt.date = attrs.field(validator=_check_date)
    end: dt.date = attrs.field(validator=[_check_date, _check_window])
    open_start: bool = attrs.field(default=False, kw_only=True)
    open_end: bool = attrs.field(default=False, kw_only=True)
    label: str = attrs.field(default="", kw_only=True)

    @classmethod
    def day(cls, day: dt.date, *, label: str = "") -> DateWindow:
        """A one-day window."""
        return cls(day, day, label=label)

    @property
    def days(self) -> int:
        """Number of calendar days in the window (inclusive)."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def overlaps(self, other: DateWindow) -> bool:
        """True when the two windows share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        core = f"{self.start.isoformat()}..{self.end.isoformat()}"
        if self.open_start:
            core = "…" + core
        if self.open_end:
            core += "…"
        return f"{core} [{self.label}]" if self.label else core


def month_window(year: int, month: int, *, label: str = "") -> DateWindow:
    """The whole calendar month ``year``-``month`` as an inclusive window."""
    last = _stdlib_calendar.monthrange(year, month)[1]
    return DateWindow(dt.date(year, month, 1), dt.date(year, month, last), label=label)
