"""Text views of the calendar and of a resolved deadline term, for ``gia-roadmap calendar`` and
``gia-roadmap resolve``.

Sub-commands served here:

* ``gia-roadmap calendar YEAR [--month M] [--six-day] [--rules-only]`` — the production calendar as a
  month-by-month grid with day kinds, working days, days off and the norm of hours.
* ``gia-roadmap resolve "TEXT" [--school-year 2023] [--exam-day DATE ...] [--event ANCHOR=DATE ...]`` —
  the typed deadline term of a «Сроки» text, its canonical rendering and the date windows it resolves to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gia_roadmap.calendar import CalendarDay, WorkWeek
from gia_roadmap.calendar.month_view import day_mark
from gia_roadmap.errors import GiaRoadmapError
from gia_roadmap.text import MONTHS_NOMINATIVE, WEEKDAYS_SHORT

if TYPE_CHECKING:  # (the term parser and gia_roadmap.display are imported by the functions that use them)
    from gia_roadmap.calendar import RussianCalendar

__all__ = ["render_calendar"]

LEGEND = (
    "Обозначения: П праздник (ст. 112 ТК РФ) · в выходной · т перенесённый выходной · "
    "р рабочий выходной (перенос) · * предпраздничный сокращённый день · н нерабочий день (указ Президента)"
    " · Р нерабочий праздничный день субъекта РФ"
)


def _mark(day: CalendarDay) -> str:
    return day_mark(day) or " "


def _month_grid(days: Sequence[CalendarDay]) -> list[str]:
    lines = [" ".join(f"{w.capitalize():<4}" for w in WEEKDAYS_SHORT).rstrip()]
    cells = ["    "] * days[0].date.weekday()
    for day in days:
        cells.append(f"{day.date.day:>2}{_mark(day).strip():<2}")
    while cells:
        week, cells = cells[:7], cells[7:]
        lines.append(" ".join(week).rstrip())
    return lines


def render_calendar(calendar: RussianCalendar, year: int, month: int | None = None) -> str:
    """The text report of ``gia-roadmap calendar``: a grid per month with totals."""
    out: list[str] = []
    week = "шестидневная" if calendar.work_week is WorkWeek.SIX_DAY else "пятидневная"
    out.append(f"Производственный календарь на {year} год · {week} рабочая неделя")
    data = calendar.year_data(year)
    if data.decree is not None:
        out.append(f"Основание: {data.decree.citation()}")
    else:
        out.append("ОЦЕНКА по правилам ТК РФ (ст. 95, 112): официальных данных за этот год нет")
    out.append("")
    months = [month] if month is not None else list(range(1, 13))
    for m in months:
        days = calendar.days_in(year, m)
        working = calendar.working_days_in(year, m)
        off = len(days) - working
        out.append(
            f"{MONTHS_NOMINATIVE[m - 1].capitalize()} {year}: рабочих дней {working}, "
            f"выходных и праздничных {off}, "
            f"норма часов (40/36/24 ч в неделю) {_hours(calendar, year, m)}"
        )
        out.extend(_month_grid(days))
        notes = [f"  {d.date:%d.%m} {d.note}" for d in days if d.note]
        out.extend(notes)
        out.append("")
    if month is None:
        days_total = len(calendar.days_in(year))
        working = calendar.working_days_in(year)
        out.append(
            f"Итого за {year} год: календарных дней {days_total}, рабочих {working}, "
            f"выходных и праздничных {days_total - working}, сокращённых {calendar.short_days_in(year)}, "
            f"норма часов (40/36/24 ч в неделю) {_hours(calendar, year, None)}"
        )
    out.append(LEGEND)
    return "\n".join(out)


def _hours(calendar: RussianCalendar, year: int, month: int | None) -> str:
    return " / ".join(_fmt(calendar.working_hours_in(year, month, h)) for h in (40, 36, 24))


def _fmt(hours: float) -> str:
    return f"{hours:g}".replace(".", ",")


def calendar_safe(calendar: RussianCalendar, day: dt.date) -> str:
    """The Russian day kind of ``day``, or «вне календаря» outside the calendar's coverage."""
    try:
        return calendar.day_kind(day).russian
    except GiaRoadmapError:
        return "вне календаря"
