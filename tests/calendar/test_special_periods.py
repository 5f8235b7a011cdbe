"""The Presidential non-working periods (2020, 2021) on both working weeks.

The oracle is the decree text (``DECREE_PERIODS``, written from the decrees, not read from the data
files): every day of a period is a non-working day, whatever the week.
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import DayKind, RussianCalendar, WorkWeek

from ..test_calendar_data_sources import DECREE_PERIODS
from .strategies import any_dates

ONE = dt.timedelta(days=1)
PERIODS = sorted((start, end) for periods in DECREE_PERIODS.values() for start, end, _ in periods)
OFF_KINDS = {DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.TRANSFERRED_DAY_OFF, DayKind.SPECIAL_NON_WORKING}
CALENDARS = {
    (week, special): RussianCalendar(work_week=week, special_days_off=special)
    for week in WorkWeek
    for special in (False, True)
}
weeks = st.sampled_from(list(WorkWeek))
period_days = st.sampled_from(PERIODS).flatmap(lambda p: st.dates(min_value=p[0], max_value=p[1]))


def _in_a_period(day: dt.date) -> bool:
    return any(start <= day <= end for start, end in PERIODS)


@given(weeks, period_days)
def test_every_day_of_a_period_is_a_day_off_on_both_weeks(week: WorkWeek, day: dt.date) -> None:
    off = CALENDARS[week, True]
    assert not off.is_working_day(day)
    assert not off.is_short_day(day)
    assert off.day_kind(day) in OFF_KINDS
    # by default the days count as working (the official norms), and keep their special kind
    norms = CALENDARS[week, False]
    if norms.is_working_day(day):
        assert norms.day_kind(day) is DayKind.SPECIAL_NON_WORKING


@given(weeks, any_dates)
def test_outside_the_periods_the_switch_changes_nothing(week: WorkWeek, day: dt.date) -> None:
    off, norms = CALENDARS[week, True], CALENDARS[week, False]
    if _in_a_period(day):
        assert not off.is_working_day(day)
    else:
        assert off.day(day) == norms.day(day)


@given(weeks, st.integers(min_value=2013, max_value=2027))
def test_the_switch_removes_exactly_the_working_days_of_the_periods(week: WorkWeek, year: int) -> None:
    off, norms = CALENDARS[week, True], CALENDARS[week, False]
    start = dt.date(year, 1, 1)
    days = [start + ONE * i for i in range((dt.date(year + 1, 1, 1) - start).days)]
    taken = sum(norms.is_working_day(d) for d in days if _in_a_period(d))
    assert norms.working_days_in(year) - off.working_days_in(year) == taken


@pytest.mark.parametrize(
    ("week", "year", "total"),
    [
        (WorkWeek.FIVE_DAY, 2020, 219),
        (WorkWeek.SIX_DAY, 2020, 267),
        (WorkWeek.FIVE_DAY, 2021, 240),
        (WorkWeek.SIX_DAY, 2021, 289),
    ],
)
def test_yearly_totals_with_special_days_off(week: WorkWeek, year: int, total: int) -> None:
    calendar = CALENDARS[week, True]
    assert calendar.working_days_in(year) == total
    key = "working_days_special_off" if week is WorkWeek.FIVE_DAY else "working_days_six_day_special_off"
    assert calendar.year_data(year).totals[key] == total


@pytest.mark.parametrize(
    "day",
    [dt.date(2020, 4, 4), dt.date(2020, 4, 11), dt.date(2020, 4, 18), dt.date(2020, 4, 25),
     dt.date(2021, 10, 30), dt.date(2021, 11, 5), dt.date(2021, 11, 6)],
)  # fmt: skip
def test_six_day_days_inside_the_periods(day: dt.date) -> None:
    # Saturdays of April 2020 (Указ № 239), Saturdays 30.10 and 06.11.2021 and Friday 05.11.2021 (Указ № 595)
    six = CALENDARS[WorkWeek.SIX_DAY, False]
    assert six.day_kind(day) is DayKind.SPECIAL_NON_WORKING
    assert six.is_working_day(day)
    assert not CALENDARS[WorkWeek.SIX_DAY, True].is_working_day(day)
    assert "Указ Президента РФ" in six.day(day).note


@pytest.mark.parametrize("week", list(WorkWeek))
@pytest.mark.parametrize("special", [False, True])
@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_the_day_before_a_period_is_not_shortened(
    week: WorkWeek, special: bool, start: dt.date, end: dt.date
) -> None:
    """Art. 95 ТК РФ shortens the day before a holiday, not the day before a decree period."""
    calendar = CALENDARS[week, special]
    assert not calendar.is_short_day(start - ONE)
