"""Years of dates written in deadlines: where each came from, and the rules that decide them.

A :class:`MonthRef` keeps a month, a :class:`DayRef` a day, each with its year and the
:class:`YearOrigin` of that year: written, propagated from the year written once at the end of a
list, rolled back across New Year, assumed from the plan's school year, or picked among the school
year's candidates by the weekday written beside the date. :func:`assign_years` is the rule the parser
applies to lists; :func:`candidate_years` and :func:`infer_year` the rule for a day written without
any year.

**Year inference for a day without a year** (``DayRef.year`` is None in the text):

1. The candidate years (:func:`candidate_years`): the school-year default — September–December → the
   school year's first year, January–August → its second — and, for September and October, also the
   next calendar year, because documents for ГИА-(N+1) routinely list the additional period of
   September N+1.
2. A written weekday picks the candidate it fits: «15 сентября (ср)» in a 2020/21 document is
   15.09.2021, a Wednesday (15.09.2020 was a Tuesday). The year's origin is then
   :attr:`YearOrigin.WEEKDAY` (flags ``assumed_year`` and ``year_from_weekday``).
3. When no candidate fits the weekday, the default is kept and the term is flagged
   ``weekday_mismatch``. Without a weekday the default is taken (flag ``assumed_year``).

A weekday written beside a date whose year is known (written or propagated) that does not fit it is
flagged ``weekday_mismatch`` too: the document has a wrong date or a wrong weekday.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear, month_window
from gia_roadmap.errors import InvalidValueError

__all__ = [
    "DayRef",
    "MonthRef",
    "YearOrigin",
    "assign_years",
    "candidate_years",
    "infer_year",
    "range_start",
]


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
    WEEKDAY = "weekday"
    """No year in the text; the weekday written beside the day picked it among the school year's
    candidate years (:func:`candidate_years`)."""
    NONE = "none"
    """No year in the text and no school year given at parse time; resolved later."""


def _check_month(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise InvalidValueError(f"{attribute.name} must be a month number 1..12, got {value!r}")


def _check_origin(instance: MonthRef, attribute: attrs.Attribute[YearOrigin], value: YearOrigin) -> None:
    if (value is YearOrigin.NONE) != (instance.year is None):
        raise InvalidValueError(f"MonthRef year {instance.year!r} is inconsistent with origin {value.name}")


@attrs.frozen(order=True)
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


def _day_flags(refs: Sequence[DayRef]) -> frozenset[str]:
    """The year and weekday flags of days in reading order (``chronology_violated`` when a day with
    a year comes before the one to its left)."""
    flags: set[str] = set()
    previous: dt.date | None = None
    for ref in refs:
        origin = ref.origin
        if origin is YearOrigin.SCHOOL_YEAR:
            flags.add("assumed_year")
        elif origin is YearOrigin.WEEKDAY:
            flags.update(("assumed_year", "year_from_weekday"))
        elif origin is YearOrigin.PROPAGATED:
            flags.add("year_propagated")
        elif origin is YearOrigin.ROLLED_BACK:
            flags.update(("year_propagated", "rolled_back"))
        elif origin is YearOrigin.NONE:
            flags.add("year_unknown")
        if ref.weekday_mismatch:
            flags.add("weekday_mismatch")
        if ref.year is not None:
            day = dt.date(ref.year, ref.month, ref.day)
            if previous is not None and day < previous:
                flags.add("chronology_violated")
            previous = day
    return frozenset(flags)


_MONTH_LENGTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The most days each month can have (February in a leap year)."""


def _valid(year: int, month: int, day: int) -> bool:
    if not 1 <= year <= 9999:
        return False
    if month == 2 and day == 29:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= _MONTH_LENGTHS[month - 1]


def _check_day(instance: DayRef, attribute: attrs.Attribute[int], value: int) -> None:
    most = _MONTH_LENGTHS[instance.month - 1]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise InvalidValueError(f"day must be a day of month {instance.month} (1..{most}), got {value!r}")


def _check_day_year(instance: DayRef, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not _valid(value, instance.month, instance.day)
    ):
        raise InvalidValueError(f"{instance.day:02d}.{instance.month:02d}.{value!r} is not a calendar date")


def _check_day_origin(instance: DayRef, attribute: attrs.Attribute[YearOrigin], value: YearOrigin) -> None:
    if (value is YearOrigin.NONE) != (instance.year is None):
        raise InvalidValueError(f"DayRef year {instance.year!r} is inconsistent with origin {value.name}")


def _check_weekday(instance: DayRef, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6):
        raise InvalidValueError(f"weekday must be 0 (Monday) .. 6 (Sunday) or None, got {value!r}")


@attrs.frozen(order=True)
class DayRef:
    """A day in a deadline: the day and month as written, the year with where it came from, and the
    weekday when the text names one («22.04. (пт)», «26 мая (чт.)»).

    ``DayRef.of(date)`` is a day with its year written. :meth:`date` gives the calendar date, inferring
    a missing year from a school year (see the module docstring); ``weekday_mismatch`` tells a written
    weekday that does not fit.

    Attributes:
        month: 1..12.
        day: 1..31, a day the month can have (29 February only in a leap year when the year is known).
        year: the year, or None when the text has none and no school year was given at parse time.
        origin: where the year came from.
        weekday: the weekday written beside the day, 0 = Monday … 6 = Sunday; None when none is.
    """

    month: int = attrs.field(validator=_check_month)
    day: int = attrs.field(validator=_check_day)
    year: int | None = attrs.field(default=None, validator=_check_day_year)
    origin: YearOrigin = attrs.field(default=YearOrigin.NONE, validator=_check_day_origin)
    weekday: int | None = attrs.field(default=None, validator=_check_weekday)

    @classmethod
    def of(cls, day: dt.date, *, weekday: int | None = None) -> DayRef:
        """A day with its year written in the text."""
        return cls(day.month, day.day, day.year, YearOrigin.WRITTEN, weekday)

    def date(self, school_year: SchoolYear | None = None) -> dt.date | None:
        """The calendar date: with its own year, or with the year :func:`infer_year` gives for
        ``school_year``; None when neither is known."""
        year = self.year
        if year is None:
            if school_year is None:
                return None
            year = infer_year(self.month, self.day, self.weekday, school_year)[0]
            if year is None:
                return None
        return dt.date(year, self.month, self.day)

    @property
    def weekday_mismatch(self) -> bool:
        """True when a weekday is written and the year is known and the date falls on another day."""
        if self.weekday is None or self.year is None:
            return False
        return dt.date(self.year, self.month, self.day).weekday() != self.weekday

    @property
    def year_written(self) -> bool:
        """True when the year is written next to this day."""
        return self.origin is YearOrigin.WRITTEN


def to_day_ref(value: dt.date | DayRef) -> DayRef:
    """``value`` as a :class:`DayRef` (a date is a day with its year written): the converter of the
    term classes' day fields, so ``ExactDate(date(2024, 5, 17))`` keeps working."""
    if isinstance(value, dt.date):
        return DayRef.of(value)
    return value


def candidate_years(month: int, school_year: SchoolYear) -> tuple[int, ...]:
    """The years a day of ``month`` written without a year can fall in, default first.

    >>> candidate_years(11, SchoolYear(2023)), candidate_years(3, SchoolYear(2023))
    ((2023,), (2024,))
    >>> candidate_years(9, SchoolYear(2020))   # the additional period of September 2021 too
    (2020, 2021)
    """
    default = school_year.year_of_month(month)
    if month in (9, 10):
        return (default, default + 1)
    return (default,)


def infer_year(
    month: int, day: int, weekday: int | None, school_year: SchoolYear
) -> tuple[int | None, YearOrigin]:
    """The year of a day written without one, and its origin (see the module docstring).

    Returns ``(None, YearOrigin.NONE)`` when the day exists in no candidate year (29 February of a
    school year whose spring is not in a leap year).

    >>> infer_year(9, 15, 2, SchoolYear(2020))   # «15 сентября (ср)»: 15.09.2021 is a Wednesday
    (2021, <YearOrigin.WEEKDAY: 'weekday'>)
    >>> infer_year(9, 15, None, SchoolYear(2020))
    (2020, <YearOrigin.SCHOOL_YEAR: 'school_year'>)
    """
    candidates = [y for y in candidate_years(month, school_year) if _valid(y, month, day)]
    if not candidates:
        return None, YearOrigin.NONE
    if weekday is not None:
        for year in candidates:
            if dt.date(year, month, day).weekday() == weekday:
                return year, (YearOrigin.SCHOOL_YEAR if year == candidates[0] else YearOrigin.WEEKDAY)
    return candidates[0], YearOrigin.SCHOOL_YEAR


def day_years_leftwards(
    refs: Sequence[tuple[int, int, int | None, int | None]], school_year: SchoolYear | None
) -> list[tuple[int | None, YearOrigin]]:
    """The year of each day (or month) of a list in reading order, and its origin.

    ``refs`` holds ``(month, day, written year or None, written weekday or None)``; day 0 is a whole
    month. A year written once applies leftwards; a day (or month) later in the year than its right
    neighbour is rolled back a year («29 декабря – 10 января 2024 года» → 29.12.2023). Days with no
    written year to their right get theirs from :func:`infer_year` (months from the school year),
    or stay None without a school year.
    """
    out: list[tuple[int | None, YearOrigin]] = []
    current_year: int | None = None
    current = (0, 0)
    for month, day, year, weekday in reversed(refs):
        if year is not None:
            out.append((year, YearOrigin.WRITTEN))
            current_year, current = year, (month or 12, day or 31)
        elif current_year is not None:
            if (month, day) > current:
                current_year -= 1
                out.append((current_year, YearOrigin.ROLLED_BACK))
            else:
                out.append((current_year, YearOrigin.PROPAGATED))
            current = (month, day)
        elif school_year is None:
            out.append((None, YearOrigin.NONE))
        elif day:
            out.append(infer_year(month, day, weekday, school_year))
        else:
            out.append((school_year.year_of_month(month), YearOrigin.SCHOOL_YEAR))
    out.reverse()
    return out
