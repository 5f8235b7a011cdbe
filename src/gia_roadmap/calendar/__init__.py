"""Dates: the official Russian production calendar and working-day arithmetic.

This package knows dates, never plans. Its main entry point is :class:`RussianCalendar`.
"""

from gia_roadmap.calendar.daykinds import CalendarDay, DayKind, WorkWeek
from gia_roadmap.calendar.production import HOLIDAY_NAMES, RussianCalendar
from gia_roadmap.calendar.yeardata import Decree, SpecialDay, Transfer, WeekData, YearData, bundled_years

__all__ = [
    "HOLIDAY_NAMES",
    "CalendarDay",
    "DayKind",
    "Decree",
    "RussianCalendar",
    "SpecialDay",
    "Transfer",
    "WeekData",
    "WorkWeek",
    "YearData",
    "bundled_years",
]
