"""The ``gia-roadmap`` command.

Sub-commands:

* ``gia-roadmap calendar YEAR [--month M] [--six-day] [--rules-only]`` — the production calendar as a
  month-by-month grid with day kinds, working days, days off and the norm of hours.

Exit status: 0 on success, 2 on bad input (with a message on standard error).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from gia_roadmap.calendar import CalendarDay, DayKind, RussianCalendar, WorkWeek
from gia_roadmap.errors import GiaRoadmapError

__all__ = ["main", "render_calendar"]

MONTHS = (
    "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь",
    "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь",
)  # fmt: skip
WEEKDAYS = ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")
MARKS = {
    DayKind.WORKING: " ",
    DayKind.SHORT: "*",
    DayKind.WEEKEND: "в",
    DayKind.HOLIDAY: "П",
    DayKind.TRANSFERRED_DAY_OFF: "т",
    DayKind.WORKING_WEEKEND: "р",
    DayKind.SPECIAL_NON_WORKING: "н",
    DayKind.EXTRA_DAY_OFF: "-",
    DayKind.EXTRA_WORKING_DAY: "+",
}
LEGEND = (
    "Обозначения: П праздник (ст. 112 ТК РФ) · в выходной · т перенесённый выходной · "
    "р рабочий выходной (перенос) · * предпраздничный сокращённый день · н нерабочий день (указ Президента)"
)


def _mark(day: CalendarDay) -> str:
    mark = MARKS[day.kind]
    if day.is_short and day.kind is not DayKind.SHORT:
        mark = mark.strip() + "*"
    return mark


def _month_grid(days: Sequence[CalendarDay]) -> list[str]:
    lines = [" ".join(f"{w:<4}" for w in WEEKDAYS).rstrip()]
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
            f"{MONTHS[m - 1]} {year}: рабочих дней {working}, выходных и праздничных {off}, "
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gia-roadmap",
        description="Roadmaps («дорожные карты») of Russia's school-leaving exams as data.",
        epilog="Example: gia-roadmap calendar 2025 --month 6",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    cal = commands.add_parser(
        "calendar",
        help="print the official production calendar of a year",
        description="The production calendar (производственный календарь) month by month.",
        epilog="Examples: gia-roadmap calendar 2025 · gia-roadmap calendar 2024 --month 4 --six-day",
    )
    cal.add_argument("year", type=int, help="the calendar year, e.g. 2025")
    cal.add_argument("--month", type=int, choices=range(1, 13), metavar="M", help="only this month (1-12)")
    cal.add_argument("--six-day", action="store_true", help="the six-day working week")
    cal.add_argument(
        "--rules-only",
        action="store_true",
        help="estimate years without official data from the Labour Code rules",
    )
    cal.add_argument(
        "--special-days-off",
        action="store_true",
        help="count the 2020-2021 Presidential non-working days as days off",
    )
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "calendar":
            calendar = RussianCalendar(
                work_week=WorkWeek.SIX_DAY if args.six_day else WorkWeek.FIVE_DAY,
                rules_only=args.rules_only,
                special_days_off=args.special_days_off,
            )
            print(render_calendar(calendar, args.year, args.month), file=out)
            return 0
    except GiaRoadmapError as error:
        print(f"gia-roadmap: error: {error}", file=err)
        return 2
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
