"""The school year's own dates: when a school year starts and ends (calendar facts with their source),
and what the library cannot know about it (the school's quarters).

The start and end of the school year (учебный год) are set by the federal calendar graph
(федеральный календарный учебный график) of the federal educational programmes:

* **start**: «Учебный год в образовательной организации начинается 1 сентября. Если этот день
  приходится на выходной день, то в этом случае учебный год начинается в первый, следующий за ним,
  рабочий день» — ФОП НОО (приказ Минпросвещения России от 18.05.2023 № 372), п. 172.3;
* **end**: «Учебный год в образовательной организации заканчивается 26 мая. Если этот день приходится
  на выходной день, то в этом случае учебный год заканчивается в предыдущий рабочий день» — the same
  programme, п. 172.4. For grades 9 and 11 the school's calendar graph ends the year by the ГИА
  schedule; a plan that means that date binds :attr:`Anchor.SCHOOL_YEAR_END` to it.

The rule is applied to every school year the library is asked about. With a working-day calendar the
day off is the calendar's; without one, Saturdays and Sundays are the days off (1 September and
26 May are never public holidays, Трудовой кодекс РФ, ст. 112).

>>> school_year_start(SchoolYear(2024)), school_year_end(SchoolYear(2024))
(datetime.date(2024, 9, 2), datetime.date(2025, 5, 26))

The school's quarters (четверти) are not a federal fact: «режим работы и график учебного года
устанавливается образовательной организацией самостоятельно … (по четвертям, триместрам,
индивидуальному графику)» (the same programme, п. 172.1, as amended by приказ Минпросвещения России
от 09.10.2024 № 704). Terms counted from quarters resolve once the caller binds
:attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_QUARTER` to the school's quarters (windows, in
order) or :attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_QUARTER_END` to their last days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.errors import InvalidTypeError


class WorkingDayCalendar(Protocol):
    """What these rules need of a calendar (``RussianCalendar`` has it)."""

    def is_working_day(self, day: dt.date, /) -> bool:
        """True when ``day`` is a working day."""
        ...

__all__ = ["SCHOOL_YEAR_SOURCE", "school_year_end", "school_year_event", "school_year_start"]

SCHOOL_YEAR_SOURCE = (
    "ФОП НОО (приказ Минпросвещения России от 18.05.2023 № 372), п. 172.3–172.4: учебный год начинается "
    "1 сентября (в первый следующий рабочий день, если это выходной) и заканчивается 26 мая (в предыдущий "
    "рабочий день, если это выходной)"
)
"""The source of :func:`school_year_start` and :func:`school_year_end`."""


def _is_day_off(day: dt.date, calendar: WorkingDayCalendar | None) -> bool:
    if calendar is None:
        return day.weekday() >= 5
    return not calendar.is_working_day(day)


def _check(school_year: SchoolYear) -> None:
    if not isinstance(school_year, SchoolYear):
        raise InvalidTypeError(f"school_year must be a SchoolYear, got {type(school_year).__name__}")


def school_year_start(school_year: SchoolYear, calendar: WorkingDayCalendar | None = None) -> dt.date:
    """The first day of ``school_year``: 1 September, or the first working day after it when it is a
    day off (:data:`SCHOOL_YEAR_SOURCE`).

    >>> school_year_start(SchoolYear(2023))   # a Friday
    datetime.date(2023, 9, 1)
    >>> school_year_start(SchoolYear(2024))   # 1 September 2024 was a Sunday
    datetime.date(2024, 9, 2)
    """
    _check(school_year)
    day = school_year.start
    while _is_day_off(day, calendar):
        day += dt.timedelta(days=1)
    return day


def school_year_end(school_year: SchoolYear, calendar: WorkingDayCalendar | None = None) -> dt.date:
    """The last day of ``school_year``: 26 May, or the working day before it when it is a day off
    (:data:`SCHOOL_YEAR_SOURCE`). The ГИА schedule ends the year of grades 9 and 11 instead: bind
    :attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_YEAR_END` to that date when a plan means it.

    >>> school_year_end(SchoolYear(2023))   # 26 May 2024 was a Sunday
    datetime.date(2024, 5, 24)
    """
    _check(school_year)
    day = dt.date(school_year.end_year, 5, 26)
    while _is_day_off(day, calendar):
        day -= dt.timedelta(days=1)
    return day


def school_year_event(
    anchor: Anchor,
    school_year: SchoolYear | None,
    calendar: WorkingDayCalendar | None = None,
    quarters: Sequence[dt.date | DateWindow] = (),
) -> tuple[dt.date, ...]:
    """The dates the school year gives an anchor that no event date was bound to: its start or end
    for :attr:`Anchor.SCHOOL_YEAR_START` and :attr:`Anchor.SCHOOL_YEAR_END` (none without a school
    year), the last days of the school's ``quarters`` (the windows bound to
    :attr:`Anchor.SCHOOL_QUARTER`) for :attr:`Anchor.SCHOOL_QUARTER_END`; none for other anchors.

    >>> school_year_event(Anchor.SCHOOL_YEAR_END, SchoolYear(2024))
    (datetime.date(2025, 5, 26),)
    """
    if anchor is Anchor.SCHOOL_QUARTER_END:
        return tuple(q.end if isinstance(q, DateWindow) else q for q in quarters)
    if school_year is None:
        return ()
    if anchor is Anchor.SCHOOL_YEAR_START:
        return (school_year_start(school_year, calendar),)
    if anchor is Anchor.SCHOOL_YEAR_END:
        return (school_year_end(school_year, calendar),)
    return ()
