"""The ``gia-roadmap`` command.

Sub-commands:

* ``gia-roadmap calendar YEAR [--month M] [--six-day] [--rules-only]`` — the production calendar as a
  month-by-month grid with day kinds, working days, days off and the norm of hours.
* ``gia-roadmap resolve "TEXT" [--school-year 2023] [--exam-day DATE ...] [--event ANCHOR=DATE ...]`` —
  the typed deadline term of a «Сроки» text, its canonical rendering and the date windows it resolves to.

Exit status: 0 on success, 2 on bad input (with a message on standard error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TextIO

from gia_roadmap.calendar import (
    Anchor,
    CalendarDay,
    DayKind,
    RussianCalendar,
    SchoolYear,
    WorkWeek,
    parse_term,
    render,
)
from gia_roadmap.errors import GiaRoadmapError

__all__ = ["main", "render_calendar", "render_resolution"]

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


def render_resolution(
    text: str,
    *,
    school_year: SchoolYear | None,
    events: dict[Anchor, tuple[dt.date, ...]],
    calendar: RussianCalendar,
    strict: bool = False,
) -> str:
    """The text report of ``gia-roadmap resolve``: the typed term, its rendering and its windows."""
    term = parse_term(text, school_year=school_year, strict=strict)
    resolution = term.resolve(calendar, events, school_year=school_year)
    out = [f"Текст:      {text}", f"Форма:      {term.kind}", f"Значение:   {term!r}"]
    out.append(f"Канон:      {render(term)}")
    if term.flags:
        out.append(f"Флаги:      {', '.join(sorted(term.flags))}")
    out.append(
        f"Статус:     {resolution.status.value}" + (f" — {resolution.reason}" if resolution.reason else "")
    )
    for window in resolution.windows:
        first, last = calendar_safe(calendar, window.start), calendar_safe(calendar, window.end)
        out.append(f"  окно {window}  ({first} … {last})")
    if resolution.due is not None:
        out.append(f"Срок:       {resolution.due:%d.%m.%Y}")
    return "\n".join(out)


def calendar_safe(calendar: RussianCalendar, day: dt.date) -> str:
    """The Russian day kind of ``day``, or «вне календаря» outside the calendar's coverage."""
    try:
        return calendar.day_kind(day).russian
    except GiaRoadmapError:
        return "вне календаря"


def _date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write 2025-06-16 or 16.06.2025")


def _event(text: str) -> tuple[Anchor, dt.date]:
    name, sep, value = text.partition("=")
    try:
        anchor = Anchor(name.strip())
    except ValueError:
        valid = ", ".join(a.value for a in Anchor)
        raise argparse.ArgumentTypeError(f"{name!r} is not an anchor; use one of: {valid}") from None
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r}: write ANCHOR=DATE, e.g. ak_decision=2025-06-20")
    return anchor, _date(value.strip())


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
    res = commands.add_parser(
        "resolve",
        help="read a «Сроки» text and resolve it to dates",
        description="Parse deadline text into a typed term and resolve it to date windows.",
        epilog=(
            'Examples: gia-roadmap resolve "август – сентябрь 2023 года" · '
            'gia-roadmap resolve "не позднее чем за 1 рабочий день до дня проведения экзамена" '
            '--exam-day 2025-06-16 · gia-roadmap resolve "в течение учебного года" --school-year 2023'
        ),
    )
    res.add_argument("text", help="the deadline text, in Russian, as written in the roadmap")
    res.add_argument(
        "--school-year", type=int, metavar="YEAR", help="first year of the school year, e.g. 2023"
    )
    res.add_argument(
        "--exam-day", type=_date, action="append", default=[], metavar="DATE", help="an exam day (repeatable)"
    )
    res.add_argument(
        "--event",
        type=_event,
        action="append",
        default=[],
        metavar="ANCHOR=DATE",
        help="an event date (repeatable)",
    )
    res.add_argument("--strict", action="store_true", help="fail on text the parser cannot read")
    res.add_argument("--six-day", action="store_true", help="count working days on a six-day week")
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
        if args.command == "resolve":
            events: dict[Anchor, tuple[dt.date, ...]] = {}
            if args.exam_day:
                events[Anchor.EXAM_DAY] = tuple(args.exam_day)
            for anchor, day in args.event:
                events[anchor] = (*events.get(anchor, ()), day)
            school_year = SchoolYear(args.school_year) if args.school_year is not None else None
            calendar = RussianCalendar(work_week=WorkWeek.SIX_DAY if args.six_day else WorkWeek.FIVE_DAY)
            report = render_resolution(
                args.text, school_year=school_year, events=events, calendar=calendar, strict=args.strict
            )
            print(report, file=out)
            return 0
    except GiaRoadmapError as error:
        print(f"gia-roadmap: error: {error}", file=err)
        return 2
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
