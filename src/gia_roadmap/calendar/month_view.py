"""One month of the production calendar as a view: :class:`CalendarMonth` (its days with their kinds,
the working days, days off and the norm of hours), printed as text or shown as a grid in a notebook.

Also the small HTML vocabulary the notebook views share (:func:`escape`, :data:`TABLE_STYLE`,
:data:`CELL_STYLE`): the calendar's month grid here, the plan's views in :mod:`gia_roadmap.plan.html`.

>>> from gia_roadmap.calendar import RussianCalendar
>>> june = CalendarMonth.of(RussianCalendar(), 2025, 6)
>>> june.working_days, june.days_off
(19, 11)
"""

from __future__ import annotations

import html as _html
from typing import TYPE_CHECKING

import attrs

from gia_roadmap.calendar.daykinds import CalendarDay, DayKind, WorkWeek
from gia_roadmap.text import MONTHS_NOMINATIVE, WEEKDAYS_SHORT

if TYPE_CHECKING:
    from gia_roadmap.calendar.production import RussianCalendar

__all__ = ["CELL_STYLE", "TABLE_STYLE", "CalendarMonth", "day_mark", "escape", "month_html"]

TABLE_STYLE = 'style="border-collapse:collapse;font-size:90%"'
"""The ``style`` attribute of a view's table."""
CELL_STYLE = 'style="border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top"'
"""The ``style`` attribute of a view's cell."""


def escape(value: object) -> str:
    """``value`` as escaped HTML text (quotes included)."""
    return _html.escape(str(value), quote=True)


_DAY_COLOURS = {
    DayKind.WORKING: "#ffffff",
    DayKind.SHORT: "#fff4cc",
    DayKind.WEEKEND: "#f3d6d6",
    DayKind.HOLIDAY: "#e57373",
    DayKind.TRANSFERRED_DAY_OFF: "#f0a8a8",
    DayKind.WORKING_WEEKEND: "#cfe8cf",
    DayKind.SPECIAL_NON_WORKING: "#d9c6e8",
    DayKind.REGIONAL_HOLIDAY: "#e9a0a0",
    DayKind.EXTRA_DAY_OFF: "#f0a8a8",
    DayKind.EXTRA_WORKING_DAY: "#cfe8cf",
}
_DAY_MARKS = {
    DayKind.WORKING: "",
    DayKind.SHORT: "*",
    DayKind.WEEKEND: "в",
    DayKind.HOLIDAY: "П",
    DayKind.TRANSFERRED_DAY_OFF: "т",
    DayKind.WORKING_WEEKEND: "р",
    DayKind.SPECIAL_NON_WORKING: "н",
    DayKind.REGIONAL_HOLIDAY: "Р",
    DayKind.EXTRA_DAY_OFF: "-",
    DayKind.EXTRA_WORKING_DAY: "+",
}


@attrs.frozen
class CalendarMonth:
    """One month of a production calendar: its days and totals.

    Attributes:
        year: the year.
        month: the month, 1–12.
        days: every day of the month with its kind.
        work_week: the calendar's working-week regime.
        working_days: working days (рабочие дни).
        short_days: shortened pre-holiday days (предпраздничные дни) among them.
        hours: the norm of working hours (норма рабочего времени) for a 40-, 36- and 24-hour week.
    """

    year: int
    month: int
    days: tuple[CalendarDay, ...]
    work_week: WorkWeek = WorkWeek.FIVE_DAY
    working_days: int = 0
    short_days: int = 0
    hours: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @classmethod
    def of(cls, calendar: RussianCalendar, year: int, month: int) -> CalendarMonth:
        """The month of ``calendar`` (raises as the calendar does outside its coverage)."""
        return cls(
            year,
            month,
            calendar.days_in(year, month),
            calendar.work_week,
            calendar.working_days_in(year, month),
            calendar.short_days_in(year, month),
            (
                calendar.working_hours_in(year, month, 40),
                calendar.working_hours_in(year, month, 36),
                calendar.working_hours_in(year, month, 24),
            ),
        )

    @property
    def name(self) -> str:
        """«Июнь 2025»."""
        return f"{MONTHS_NOMINATIVE[self.month - 1].capitalize()} {self.year}"

    @property
    def days_off(self) -> int:
        """Days that are not working days (выходные и праздничные дни)."""
        return sum(1 for d in self.days if not d.is_working)

    @property
    def weeks(self) -> tuple[tuple[CalendarDay | None, ...], ...]:
        """The days in rows of seven, Monday first; None pads the first and last weeks."""
        cells: list[CalendarDay | None] = [None] * self.days[0].date.weekday() if self.days else []
        cells.extend(self.days)
        cells.extend([None] * (-len(cells) % 7))
        return tuple(tuple(cells[i : i + 7]) for i in range(0, len(cells), 7))

    def __str__(self) -> str:
        lines = [self.name, " ".join(f"{w.capitalize():<4}" for w in WEEKDAYS_SHORT).rstrip()]
        for week in self.weeks:
            cells = ["    " if d is None else f"{d.date.day:>2}{day_mark(d):<2}" for d in week]
            lines.append(" ".join(cells).rstrip())
        lines.append(self._totals())
        return "\n".join(lines)

    def _totals(self) -> str:
        h40, h36, h24 = (f"{h:g}" for h in self.hours)
        return (
            f"рабочих дней: {self.working_days}, выходных и праздничных: {self.days_off}, "
            f"сокращённых: {self.short_days}; норма часов (40/36/24 ч в неделю): {h40} / {h36} / {h24}"
        )

    def _repr_html_(self) -> str:
        return month_html(self)


def day_mark(day: CalendarDay) -> str:
    """The one-letter mark of a day in a printed calendar («П» holiday, «в» weekend, «*» shortened …;
    empty for an ordinary working day)."""
    mark = _DAY_MARKS[day.kind]
    if day.is_short and day.kind is not DayKind.SHORT:
        mark += "*"
    return mark


def month_html(month: CalendarMonth) -> str:
    """A month as an HTML grid: one cell per day, coloured by kind, the kind and note on hover."""
    head = "".join(f"<th {CELL_STYLE}>{escape(w.capitalize())}</th>" for w in WEEKDAYS_SHORT)
    rows = []
    for week in month.weeks:
        cells = []
        for day in week:
            if day is None:
                cells.append(f"<td {CELL_STYLE}></td>")
                continue
            tip = (
                day.kind.russian
                + (f": {day.note}" if day.note else "")
                + (" (оценка)" if day.is_estimate else "")
            )
            style = (
                f'style="border:1px solid #ddd;padding:2px 6px;text-align:right;'
                f'background:{_DAY_COLOURS[day.kind]}"'
            )
            cells.append(f'<td {style} title="{escape(tip)}">{day.date.day}{escape(day_mark(day))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="gia-month"><table {TABLE_STYLE}><caption style="text-align:left;font-weight:bold">'
        f"{escape(month.name)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<div>{escape(month._totals())}</div></div>"
    )
