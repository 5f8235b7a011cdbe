"""Kinds of days in the Russian production calendar (производственный календарь)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = ["CalendarDay", "DayKind", "WorkWeek"]


class WorkWeek(enum.Enum):
    """The working-week regime a calendar is computed for.

    ``FIVE_DAY`` (пятидневная рабочая неделя) is the default: Saturday and Sunday are days off and the
    Government decree on moving days off applies. ``SIX_DAY`` (шестидневная рабочая неделя), common in
    schools: only Sunday is a day off and the decree's transfers do not apply.
    """

    FIVE_DAY = "five_day"
    SIX_DAY = "six_day"


class DayKind(enum.Enum):
    """What a date is in the production calendar.

    The kinds, with the Russian terms:

    * ``WORKING`` — рабочий день.
    * ``SHORT`` — предпраздничный (сокращённый на 1 час) рабочий день, art. 95 of the Labour Code.
    * ``WEEKEND`` — выходной день (Saturday or Sunday on a five-day week, Sunday on a six-day week).
    * ``HOLIDAY`` — нерабочий праздничный день, art. 112 part 1 of the Labour Code.
    * ``TRANSFERRED_DAY_OFF`` — перенесённый выходной день: a weekday made a day off, either by the
      Government decree or by art. 112 part 2 (a weekend day that coincided with a holiday).
    * ``WORKING_WEEKEND`` — рабочий выходной: a Saturday or Sunday made a working day by the decree.
      Such a day may also be shortened; :meth:`RussianCalendar.is_short_day` tells.
    * ``SPECIAL_NON_WORKING`` — нерабочий день, declared by a Presidential decree (the 2020 COVID-19
      days, 24 June and 1 July 2020, the 2021 COVID-19 days). Whether it counts as non-working is a
      switch of the calendar.
    * ``REGIONAL_HOLIDAY`` — нерабочий праздничный день субъекта РФ: a regional non-working day by
      regional law (Ураза-байрам, Курбан-байрам, Сагаалган, a republic day …), in a calendar created
      with ``region=``. A regional day that falls on a federal holiday keeps the kind ``HOLIDAY``.
    * ``EXTRA_DAY_OFF`` — a day off added by the user (:meth:`RussianCalendar.with_overrides`), e.g. a
      regional holiday.
    * ``EXTRA_WORKING_DAY`` — a working day added by the user, e.g. a Saturday an organisation works.
    """

    WORKING = "working"
    SHORT = "short"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    TRANSFERRED_DAY_OFF = "transferred_day_off"
    WORKING_WEEKEND = "working_weekend"
    SPECIAL_NON_WORKING = "special_non_working"
    REGIONAL_HOLIDAY = "regional_holiday"
    EXTRA_DAY_OFF = "extra_day_off"
    EXTRA_WORKING_DAY = "extra_working_day"

    @property
    def russian(self) -> str:
        """The Russian name of the kind, as printed in production calendars."""
        return _RUSSIAN[self]


_RUSSIAN = {
    DayKind.WORKING: "рабочий день",
    DayKind.SHORT: "предпраздничный (сокращённый) день",
    DayKind.WEEKEND: "выходной день",
    DayKind.HOLIDAY: "нерабочий праздничный день",
    DayKind.TRANSFERRED_DAY_OFF: "перенесённый выходной день",
    DayKind.WORKING_WEEKEND: "рабочий выходной день (перенос)",
    DayKind.SPECIAL_NON_WORKING: "нерабочий день (указ Президента)",
    DayKind.REGIONAL_HOLIDAY: "нерабочий праздничный день субъекта РФ",
    DayKind.EXTRA_DAY_OFF: "дополнительный выходной (override)",
    DayKind.EXTRA_WORKING_DAY: "дополнительный рабочий день (override)",
}


@attrs.frozen
class CalendarDay:
    """Everything the calendar knows about one date.

    Attributes:
        date: the date.
        kind: its :class:`DayKind`.
        is_working: whether it counts as a working day in this calendar (depends on the
            special-days switch for ``SPECIAL_NON_WORKING``).
        is_short: a working day shortened by one hour (also true for a shortened working weekend).
        is_estimate: the answer comes from the Labour Code rules, not from official data.
        note: the holiday's name, the transfer it comes from, or the decree that declared it.
    """

    date: dt.date
    kind: DayKind
    is_working: bool
    is_short: bool
    is_estimate: bool
    note: str = ""
