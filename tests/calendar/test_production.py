"""RussianCalendar: pinned official facts, day kinds, coverage, overrides, errors, workalendar API.

Every pinned date names its source in the comment beside it; docs/calendar-data.md lists the sources.
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from workalendar.europe import Russia

from gia_roadmap.calendar import DayKind, RussianCalendar, WorkWeek, bundled_years
from gia_roadmap.errors import (
    CalendarCoverageError,
    CalendarOverrideError,
    DateTypeError,
    GiaRoadmapError,
)

from .strategies import LAST_YEAR, any_dates, inner_dates

D = dt.date
CAL = RussianCalendar()
SIX = RussianCalendar(work_week=WorkWeek.SIX_DAY)


# ---------------------------------------------------------------- pinned facts


def test_issue_example_one_working_day_before_ege_reserve_day_2025() -> None:
    # Постановление № 1335 от 04.10.2024: 12.06.2025 holiday, 13.06 transferred from 08.03.
    assert CAL.add_working_days(D(2025, 6, 16), -1) == D(2025, 6, 11)
    assert CAL.day_kind(D(2025, 6, 12)) is DayKind.HOLIDAY
    assert CAL.day_kind(D(2025, 6, 13)) is DayKind.TRANSFERRED_DAY_OFF
    # workalendar's own Russia gets it wrong (the reason this calendar exists).
    assert Russia().add_working_days(D(2025, 6, 16), -1) == D(2025, 6, 13)


@pytest.mark.parametrize("day", [D(2024, 4, 27), D(2024, 11, 2), D(2024, 12, 28)])
def test_working_saturdays_2024(day: dt.date) -> None:
    # Постановление Правительства РФ от 10.08.2023 «О переносе выходных дней в 2024 году».
    assert CAL.day_kind(day) is DayKind.WORKING_WEEKEND
    assert CAL.is_working_day(day)
    assert CAL.is_short_day(day) is (day == D(2024, 11, 2))  # only 02.11 precedes a holiday block
    assert SIX.day_kind(day) is not DayKind.WORKING_WEEKEND  # a six-day week works Saturdays anyway


@pytest.mark.parametrize(
    "day", [D(2024, 4, 29), D(2024, 4, 30), D(2024, 5, 10), D(2024, 12, 30), D(2024, 12, 31)]
)
def test_transferred_days_off_2024(day: dt.date) -> None:
    assert CAL.day_kind(day) is DayKind.TRANSFERRED_DAY_OFF
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize("day", [D(2025, 2, 24), D(2025, 3, 10)])
def test_no_monday_shift_in_2025(day: dt.date) -> None:
    # The 2025 decree moved 23.02 (Sun) to 08.05 and 08.03 (Sat) to 13.06; workalendar invents Mondays.
    assert CAL.day_kind(day) is DayKind.WORKING
    assert not Russia().is_working_day(day)


def test_labour_code_shift_2023_unity_day() -> None:
    # 04.11.2023 was a Saturday: art. 112 part 2 moves the day off to Monday 06.11.2023.
    assert CAL.day_kind(D(2023, 11, 6)) is DayKind.TRANSFERRED_DAY_OFF
    assert CAL.is_short_day(D(2023, 11, 3))


@pytest.mark.parametrize(
    ("year", "days", "hours"),
    [(2023, 247, 1973), (2024, 248, 1979), (2025, 247, 1972)],
)
def test_published_totals(year: int, days: int, hours: int) -> None:
    # Published norms (Минтруд России / КонсультантПлюс), also stored as checks in data/YYYY.toml.
    assert CAL.working_days_in(year) == days
    assert CAL.working_hours_in(year) == hours


@pytest.mark.parametrize("year", bundled_years())
def test_totals_equal_the_published_ones_for_every_year(year: int) -> None:
    totals = CAL.year_data(year).totals
    assert CAL.working_days_in(year) == totals["working_days"]
    assert CAL.working_hours_in(year) == totals["working_hours_40"]
    assert SIX.working_days_in(year) == totals["working_days_six_day"]
    days = 366 if year % 4 == 0 else 365
    assert days - CAL.working_days_in(year) == totals["days_off"]


def test_monthly_counts_add_up_to_the_year() -> None:
    for year in bundled_years():
        for calendar in (CAL, SIX):
            assert sum(calendar.working_days_in(year, m) for m in range(1, 13)) == calendar.working_days_in(
                year
            )
            assert sum(calendar.short_days_in(year, m) for m in range(1, 13)) == calendar.short_days_in(year)


def test_hours_for_shorter_weeks() -> None:
    # Приказ Минздравсоцразвития № 588н: 36 h → 7.2 h a day, one hour less on short days.
    days, short = CAL.working_days_in(2024), CAL.short_days_in(2024)
    assert CAL.working_hours_in(2024, week_hours=36) == pytest.approx(7.2 * days - short)
    assert CAL.working_hours_in(2024, week_hours=24) == pytest.approx(4.8 * days - short)
    # The norm follows the five-day week even for a six-day calendar.
    assert SIX.working_hours_in(2024) == CAL.working_hours_in(2024)
    assert CAL.working_hours_in(2024, 4) == 168  # April 2024: 21 working days, none shortened
    assert CAL.working_hours_in(2024, 11) == 167  # November 2024: 21 days, 02.11 shortened


def test_special_non_working_days_switch() -> None:
    # Указ Президента РФ от 01.06.2020 № 354: 01.07.2020 non-working (all-Russian vote).
    day = D(2020, 7, 1)
    assert CAL.day_kind(day) is DayKind.SPECIAL_NON_WORKING
    assert CAL.is_working_day(day)
    off = RussianCalendar(special_days_off=True)
    assert off.day_kind(day) is DayKind.SPECIAL_NON_WORKING
    assert not off.is_working_day(day)
    assert off.working_days_in(2020) < CAL.working_days_in(2020)
    assert day in off.holidays_set(2020)
    assert day not in CAL.holidays_set(2020)


def test_a_short_day_made_non_working_is_not_short() -> None:
    # 03.11.2021: the shortened day before 04.11 (Постановление Правительства РФ от 10.10.2020
    # № 1648 calendar) and a non-working day by Указ Президента РФ от 20.10.2021 № 595.
    day = D(2021, 11, 3)
    assert CAL.is_working_day(day)
    assert CAL.is_short_day(day)
    off = RussianCalendar(special_days_off=True)
    assert not off.is_working_day(day)
    assert not off.is_short_day(day)
    assert not off.day(day).is_short
    assert off.short_days_in(2021, 11) == 0
    assert CAL.short_days_in(2021, 11) == 1


# ---------------------------------------------------------------- coverage and rules-only


def test_coverage_error_names_the_covered_years() -> None:
    first, last = bundled_years()[0], bundled_years()[-1]
    with pytest.raises(CalendarCoverageError) as caught:
        CAL.is_working_day(D(last + 1, 3, 3))
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, GiaRoadmapError)
    message = str(caught.value)
    assert f"{first}–{last}" in message
    assert str(last + 1) in message
    assert "rules_only=True" in message
    assert caught.value.covered == (first, last)


def test_shift_past_the_end_of_coverage_is_an_error() -> None:
    with pytest.raises(CalendarCoverageError, match=str(LAST_YEAR + 1)):
        CAL.add_working_days(D(LAST_YEAR, 12, 20), 30)
    with pytest.raises(CalendarCoverageError):
        CAL.working_days_in(1999)


def test_rules_only_estimates_years_without_data() -> None:
    estimator = RussianCalendar(rules_only=True)
    future = D(LAST_YEAR + 2, 6, 12)
    assert estimator.day_kind(future) is DayKind.HOLIDAY
    assert estimator.is_estimate(future)
    assert "оценка" in estimator.day(future).note
    covered = D(2024, 4, 29)
    assert not estimator.is_estimate(covered)
    assert estimator.day(covered) == CAL.day(covered)
    assert estimator.add_working_days(D(LAST_YEAR, 12, 20), 30).year == LAST_YEAR + 1
    with pytest.raises(CalendarCoverageError, match="rule estimates are offered"):
        estimator.is_working_day(D(2200, 1, 1))


@given(any_dates)
def test_rules_only_agrees_with_official_data_in_covered_years(day: dt.date) -> None:
    estimator = RussianCalendar(rules_only=True)
    assert estimator.day(day) == CAL.day(day)


# ---------------------------------------------------------------- overrides


def test_overrides_return_a_new_calendar() -> None:
    regional = CAL.with_overrides(days_off={D(2025, 6, 6): "Курбан-байрам (Республика Татарстан)"})
    assert CAL.is_working_day(D(2025, 6, 6))
    assert not regional.is_working_day(D(2025, 6, 6))
    assert regional.day_kind(D(2025, 6, 6)) is DayKind.EXTRA_DAY_OFF
    assert regional.day(D(2025, 6, 6)).note == "Курбан-байрам (Республика Татарстан)"
    assert regional != CAL
    working = regional.with_overrides(working_days=[D(2025, 6, 7)])
    assert working.day_kind(D(2025, 6, 7)) is DayKind.EXTRA_WORKING_DAY
    assert not working.is_working_day(D(2025, 6, 6))  # earlier overrides are kept
    assert RussianCalendar() == CAL


@given(
    st.lists(inner_dates, max_size=8, unique=True),
    st.lists(inner_dates, max_size=8, unique=True),
    any_dates,
)
def test_overrides_only_change_the_dates_given(
    off: list[dt.date], work: list[dt.date], probe: dt.date
) -> None:
    work = [d for d in work if d not in off]
    changed = CAL.with_overrides(days_off=off, working_days=work)
    if probe in off:
        assert not changed.is_working_day(probe)
    elif probe in work:
        assert changed.is_working_day(probe)
    else:
        assert changed.day_kind(probe) is CAL.day_kind(probe)
        assert changed.is_working_day(probe) is CAL.is_working_day(probe)


def test_contradictory_overrides_are_rejected() -> None:
    with pytest.raises(CalendarOverrideError, match="2025-06-06"):
        CAL.with_overrides(days_off=[D(2025, 6, 6)], working_days=[D(2025, 6, 6)])
    with pytest.raises(CalendarCoverageError):
        CAL.with_overrides(days_off=[D(1990, 1, 10)])


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.is_working_day(dt.datetime(2025, 6, 16, 9, 0)),
        lambda: CAL.add_working_days(dt.datetime(2025, 6, 16, 9, 0), 1),
        lambda: CAL.add_working_days("2025-06-16", 1),  # type: ignore[arg-type]
        lambda: CAL.add_working_days(D(2025, 6, 16), 1.5),  # type: ignore[arg-type]
        lambda: CAL.add_working_days(D(2025, 6, 16), True),
        lambda: CAL.working_days_between(D(2025, 6, 16), None),  # type: ignore[arg-type]
        lambda: CAL.with_overrides(days_off=["2025-06-16"]),  # type: ignore[list-item]
    ],
)
def test_bad_input_gets_a_typed_error(call: object) -> None:
    with pytest.raises(DateTypeError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, TypeError)


def test_datetime_error_says_what_to_pass() -> None:
    with pytest.raises(DateTypeError, match=r"value\.date\(\)"):
        CAL.day_kind(dt.datetime(2025, 6, 16, 9, 0))


def test_bad_month_week_hours_and_work_week() -> None:
    with pytest.raises(CalendarOverrideError, match="1–12"):
        CAL.working_days_in(2025, 13)
    with pytest.raises(CalendarOverrideError, match=r"\(0, 40\]"):
        CAL.working_hours_in(2025, week_hours=50)
    with pytest.raises(CalendarOverrideError, match="six_day"):
        RussianCalendar(work_week="seven_day")


def test_numpy_integers_are_whole_numbers() -> None:
    import numpy as np

    assert CAL.add_working_days(D(2025, 6, 16), np.int64(-1)) == D(2025, 6, 11)  # type: ignore[arg-type]


# ---------------------------------------------------------------- workalendar API


def test_workalendar_api_answers_from_official_data() -> None:
    assert isinstance(CAL, Russia)
    labels = dict(CAL.holidays(2024))
    assert D(2024, 4, 29) in labels
    assert D(2024, 5, 9) in labels
    assert labels[D(2024, 5, 9)] == "День Победы"
    assert D(2024, 4, 27) not in labels
    assert CAL.is_holiday(D(2024, 4, 30))
    assert not CAL.is_holiday(D(2024, 4, 27))
    assert not CAL.is_holiday(D(2024, 4, 28))  # a plain Sunday is a weekend, not a holiday
    assert CAL.get_holiday_label(D(2024, 6, 12)) == "День России"
    assert CAL.get_holiday_label(D(2024, 6, 13)) is None
    assert CAL.sub_working_days(D(2025, 6, 16), 1) == D(2025, 6, 11)
    # workalendar's delta counts (start, end], order-independent.
    assert CAL.get_working_days_delta(D(2025, 6, 11), D(2025, 6, 16)) == 1
    assert CAL.get_working_days_delta(D(2025, 6, 16), D(2025, 6, 11)) == 1
    assert CAL.get_working_days_delta(D(2025, 6, 11), D(2025, 6, 16), include_start=True) == 2
    # Per-call exceptions behave as in workalendar; working days win over holidays.
    assert not CAL.is_working_day(D(2025, 6, 16), extra_holidays=[D(2025, 6, 16)])
    assert CAL.is_working_day(D(2025, 6, 14), extra_working_days=[D(2025, 6, 14)])
    assert CAL.add_working_days(D(2025, 6, 11), 1, extra_working_days=[D(2025, 6, 13)]) == D(2025, 6, 13)


def test_six_day_week() -> None:
    saturday = D(2025, 6, 14)
    assert SIX.day_kind(saturday) is DayKind.WORKING
    assert SIX.day_kind(D(2025, 6, 15)) is DayKind.WEEKEND
    assert SIX.is_working_day(D(2025, 6, 13))  # the decree's transfer does not apply to a six-day week
    assert SIX.add_working_days(D(2025, 6, 16), -1) == D(2025, 6, 14)
    assert SIX.working_days_in(2024) > CAL.working_days_in(2024)
    assert SIX.with_work_week("five_day") == CAL


def test_repr_and_hash() -> None:
    assert "five_day" in repr(CAL)
    assert len({RussianCalendar(), RussianCalendar(), SIX}) == 2
