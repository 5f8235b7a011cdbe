"""Estimates of the production calendar from the Labour Code rules alone.

Used for years without official data when a calendar is created with ``rules_only=True``, and in the
tests as an independent check of the official data (every difference between rules and data must be a
decree transfer or a listed exception).

The rules (Трудовой кодекс РФ):

* art. 112 part 1 — the non-working public holidays. Since 2013 (Federal Law of 23.04.2012 № 35-ФЗ):
  1–6 and 8 January, 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November.
  2005–2012: 1–5 January, 7 January and the same others.
* art. 112 part 2 — a weekend day that coincides with a holiday moves to the next working day after
  the holiday; since 2013 the January holidays are excluded (the Government decree moves those).
* art. 95 part 1 — a working day immediately before a holiday is shortened by one hour. «Нерабочий
  праздничный день» there means an art. 112 holiday only: the day before a period of non-working days
  declared by a Presidential decree (e.g. Friday 29.10.2021 before 30.10–07.11.2021, Указ № 595) is not
  shortened, because those days are not holidays; the official 2020 and 2021 calendars shorten none of
  them. A shortened day that falls inside such a period is not a working day when the period counts as
  days off (``special_days_off=True``), so it is not shortened either.

Decree transfers (which make e.g. 29–30 April days off) cannot be predicted and are not estimated.
"""

from __future__ import annotations

import datetime as dt

from gia_roadmap.calendar.daykinds import WorkWeek
from gia_roadmap.calendar.yeardata import Transfer, WeekData, YearData

__all__ = ["RULES_FIRST_YEAR", "RULES_LAST_YEAR", "estimate_year", "holidays_by_law", "shift_by_law"]

RULES_FIRST_YEAR = 2005
"""First year for which the rules are known to describe the law (the 2005 holiday reform)."""
RULES_LAST_YEAR = 2099
"""Last year the rule estimates are offered for."""

_COMMON = ((1, 7), (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4))


def holidays_by_law(year: int) -> tuple[dt.date, ...]:
    """The art. 112 part 1 holidays of ``year``, sorted."""
    january = (1, 2, 3, 4, 5, 6, 8) if year >= 2013 else (1, 2, 3, 4, 5)
    days = [dt.date(year, 1, d) for d in january] + [dt.date(year, m, d) for m, d in _COMMON]
    return tuple(sorted(days))


def _weekend_days(week: WorkWeek) -> frozenset[int]:
    return frozenset({5, 6}) if week is WorkWeek.FIVE_DAY else frozenset({6})


def shift_by_law(year: int, week: WorkWeek) -> tuple[Transfer, ...]:
    """The art. 112 part 2 transfers of ``year`` for the given week regime."""
    holidays = set(holidays_by_law(year))
    weekend = _weekend_days(week)
    taken: set[dt.date] = set()
    transfers: list[Transfer] = []
    for holiday in sorted(holidays):
        if holiday.weekday() not in weekend:
            continue
        if year >= 2013 and holiday.month == 1 and holiday.day <= 8:
            continue
        candidate = holiday + dt.timedelta(days=1)
        while candidate.weekday() in weekend or candidate in holidays or candidate in taken:
            candidate += dt.timedelta(days=1)
        if candidate.year != year:
            continue  # the next year's decree deals with it
        taken.add(candidate)
        transfers.append(Transfer(source=holiday, target=candidate, basis="labour_code"))
    return tuple(transfers)


def _short_days(year: int, week: WorkWeek, transfers: tuple[Transfer, ...]) -> tuple[dt.date, ...]:
    holidays = set(holidays_by_law(year)) | set(holidays_by_law(year + 1))
    weekend = _weekend_days(week)
    off = {t.target for t in transfers}
    short: list[dt.date] = []
    for holiday in sorted(holidays):
        before = holiday - dt.timedelta(days=1)
        if before.year != year:
            continue
        if before.weekday() in weekend or before in holidays or before in off:
            continue
        short.append(before)
    return tuple(short)


def estimate_year(year: int) -> YearData:
    """Rule-based estimate of one year's calendar, flagged ``is_estimate``."""
    weeks: dict[WorkWeek, WeekData] = {}
    for week in WorkWeek:
        transfers = shift_by_law(year, week)
        weeks[week] = WeekData(transfers=transfers, short_days=_short_days(year, week, transfers))
    return YearData(
        year=year,
        decree=None,
        sources=("Трудовой кодекс РФ, ст. 95 и 112 (rule-based estimate, not official data)",),
        holidays=holidays_by_law(year),
        five_day=weeks[WorkWeek.FIVE_DAY],
        six_day=weeks[WorkWeek.SIX_DAY],
        special_periods=(),
        is_estimate=True,
    )
