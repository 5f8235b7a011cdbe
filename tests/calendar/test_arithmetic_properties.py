"""Property tests of working-day arithmetic: inverses, monotonicity, additivity, batch = scalar."""

import datetime as dt

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar

from .strategies import any_dates, calendars, inner_dates, nonzero_shifts, shifts

ONE = dt.timedelta(days=1)


def _slow_count(calendar: RussianCalendar, start: dt.date, end: dt.date) -> int:
    """Reference implementation: a day-by-day loop over [start, end)."""
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count, day = 0, start
    while day < end:
        count += calendar.is_working_day(day)
        day += ONE
    return sign * count


def _slow_shift(calendar: RussianCalendar, day: dt.date, n: int) -> dt.date:
    """Reference implementation: step day by day, counting working days strictly after/before."""
    step = ONE if n > 0 else -ONE
    remaining = abs(n)
    while remaining:
        day += step
        remaining -= calendar.is_working_day(day)
    return day


@given(calendars, inner_dates, nonzero_shifts)
def test_shift_matches_day_by_day_reference(calendar: RussianCalendar, day: dt.date, n: int) -> None:
    assert calendar.add_working_days(day, n) == _slow_shift(calendar, day, n)


@given(calendars, inner_dates, inner_dates)
def test_count_matches_day_by_day_reference(calendar: RussianCalendar, a: dt.date, b: dt.date) -> None:
    assert calendar.working_days_between(a, b) == _slow_count(calendar, a, b)


@given(calendars, inner_dates, nonzero_shifts)
def test_nonzero_shift_lands_on_a_working_day(calendar: RussianCalendar, day: dt.date, n: int) -> None:
    assert calendar.is_working_day(calendar.add_working_days(day, n))


@given(calendars, inner_dates, nonzero_shifts)
def test_shifting_and_counting_back_gives_n(calendar: RussianCalendar, day: dt.date, n: int) -> None:
    target = calendar.add_working_days(day, n)
    if n > 0:
        # n working days in (day, target]
        assert calendar.working_days_between(day + ONE, target + ONE) == n
    else:
        # |n| working days in [target, day)
        assert calendar.working_days_between(target, day) == -n
    if calendar.is_working_day(day):
        assert calendar.working_days_between(day, target) == n


@given(calendars, inner_dates)
def test_zero_shift_is_identity(calendar: RussianCalendar, day: dt.date) -> None:
    assert calendar.add_working_days(day, 0) == day


@given(calendars, inner_dates, inner_dates, shifts)
def test_shift_is_monotone_in_the_date(calendar: RussianCalendar, a: dt.date, b: dt.date, n: int) -> None:
    a, b = min(a, b), max(a, b)
    if n != 0:
        assert calendar.add_working_days(a, n) <= calendar.add_working_days(b, n)


@given(calendars, inner_dates, shifts, shifts)
def test_shift_is_monotone_in_n(calendar: RussianCalendar, day: dt.date, m: int, n: int) -> None:
    m, n = min(m, n), max(m, n)
    if m != 0 and n != 0:
        assert calendar.add_working_days(day, m) <= calendar.add_working_days(day, n)
        if m < n:
            assert calendar.add_working_days(day, m) < calendar.add_working_days(day, n)


@given(calendars, inner_dates, st.integers(1, 40), st.integers(1, 40))
def test_shifts_compose_from_working_days(calendar: RussianCalendar, day: dt.date, m: int, n: int) -> None:
    assert calendar.add_working_days(calendar.add_working_days(day, m), n) == calendar.add_working_days(
        day, m + n
    )
    assert calendar.add_working_days(calendar.add_working_days(day, -m), -n) == calendar.add_working_days(
        day, -m - n
    )


@given(calendars, any_dates, any_dates, any_dates)
def test_counts_are_additive(calendar: RussianCalendar, a: dt.date, b: dt.date, c: dt.date) -> None:
    between = calendar.working_days_between
    assert between(a, b) + between(b, c) == between(a, c)
    assert between(a, b) == -between(b, a)


@given(calendars, inner_dates)
def test_next_and_previous_working_day(calendar: RussianCalendar, day: dt.date) -> None:
    following = calendar.next_working_day(day)
    preceding = calendar.previous_working_day(day)
    assert preceding < day < following
    assert calendar.working_days_between(preceding + ONE, following) == int(calendar.is_working_day(day))
    if calendar.is_working_day(day):
        assert calendar.next_working_day(day, include_self=True) == day
        assert calendar.previous_working_day(day, include_self=True) == day
    else:
        assert calendar.next_working_day(day, include_self=True) == following
        assert calendar.previous_working_day(day, include_self=True) == preceding


@given(calendars, st.lists(inner_dates, min_size=1, max_size=30), shifts)
def test_batch_equals_scalar_for_lists(calendar: RussianCalendar, days: list[dt.date], n: int) -> None:
    assert calendar.add_working_days_batch(days, n) == [calendar.add_working_days(d, n) for d in days]
    assert calendar.is_working_day_batch(days) == [calendar.is_working_day(d) for d in days]
    ends = list(reversed(days))
    assert calendar.working_days_between_batch(days, ends) == [
        calendar.working_days_between(a, b) for a, b in zip(days, ends, strict=True)
    ]


@given(calendars, st.lists(st.tuples(inner_dates, shifts), min_size=1, max_size=30))
def test_batch_equals_scalar_for_numpy(calendar: RussianCalendar, pairs: list[tuple[dt.date, int]]) -> None:
    days = np.array([d for d, _ in pairs], dtype="datetime64[D]")
    steps = np.array([n for _, n in pairs], dtype=np.int64)
    shifted = calendar.add_working_days_batch(days, steps)
    assert shifted.dtype == np.dtype("datetime64[D]")
    assert [d.item() for d in shifted] == [calendar.add_working_days(d, n) for d, n in pairs]
    working = calendar.is_working_day_batch(days)
    assert working.tolist() == [calendar.is_working_day(d) for d, _ in pairs]
    ends = days[::-1]
    counts = calendar.working_days_between_batch(days, ends)
    assert counts.tolist() == [
        calendar.working_days_between(a.item(), b.item()) for a, b in zip(days, ends, strict=True)
    ]


@given(calendars, any_dates)
def test_day_record_agrees_with_predicates(calendar: RussianCalendar, day: dt.date) -> None:
    record = calendar.day(day)
    assert record.date == day
    assert record.kind is calendar.day_kind(day)
    assert record.is_working is calendar.is_working_day(day)
    assert record.is_short is calendar.is_short_day(day)
    if record.is_short:
        assert record.is_working
    assert record.is_estimate is calendar.is_estimate(day)
    if not calendar.rules_only:
        assert not record.is_estimate
