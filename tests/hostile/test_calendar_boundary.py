"""The calendar's boundary (issue 19): dates at the ends of :class:`datetime.date`, ``NaT``,
``datetime64`` values beyond those ends and offsets of any integer dtype give the scalar answer or a
typed error (``CalendarCoverageError``: «outside the calendar», with the date or shift that left it),
never ``OverflowError`` or ``IndexError``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.errors import CalendarCoverageError, GiaRoadmapError, InvalidValueError

np = pytest.importorskip("numpy")
CAL = RussianCalendar()
INSIDE = st.dates(dt.date(2013, 1, 1), dt.date(2027, 12, 31))


@pytest.mark.parametrize("far", [dt.date.max, dt.date.min])
@pytest.mark.parametrize("include_start", [False, True])
def test_working_days_delta_to_the_ends_of_time(far: dt.date, include_start: bool) -> None:
    for start, end in ((dt.date(2024, 1, 1), far), (far, dt.date(2024, 1, 1))):
        with pytest.raises(CalendarCoverageError, match=far.isoformat()):
            CAL.get_working_days_delta(start, end, include_start)


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(start=INSIDE, end=INSIDE, include_start=st.booleans())
def test_working_days_delta_inside_is_unchanged(start: dt.date, end: dt.date, include_start: bool) -> None:
    low, high = sorted((start, end))
    expected = 0 if low == high else CAL.working_days_between(low + dt.timedelta(1), high + dt.timedelta(1))
    expected += int(include_start and low != high and CAL.is_working_day(low))
    assert CAL.get_working_days_delta(start, end, include_start) == expected


_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(
    day=INSIDE,
    dtype=st.sampled_from(_DTYPES),
    data=st.data(),
)
def test_batch_offsets_of_every_dtype_agree_with_the_scalar(
    day: dt.date, dtype: str, data: st.DataObject
) -> None:
    info = np.iinfo(dtype)
    step = data.draw(
        st.integers(int(info.min), int(info.max)) | st.integers(-30, 30).filter(lambda n: info.min <= n)
    )
    days = np.array([day], dtype="datetime64[D]")
    try:
        expected: dt.date | None = CAL.add_working_days(day, step)
    except CalendarCoverageError:
        expected = None
    if expected is None:
        with pytest.raises(CalendarCoverageError, match=f"by {step} working days"):
            CAL.add_working_days_batch(days, np.array([step], dtype=dtype))
    else:
        got = CAL.add_working_days_batch(days, np.array([step], dtype=dtype))
        assert got.astype(dt.date).tolist() == [expected]


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(day=INSIDE, step=st.integers(-(10**40), 10**40))
def test_a_python_integer_of_any_width_as_the_offset(day: dt.date, step: int) -> None:
    days = np.array([day], dtype="datetime64[D]")
    try:
        expected = CAL.add_working_days(day, step)
    except CalendarCoverageError:
        with pytest.raises(CalendarCoverageError):
            CAL.add_working_days_batch(days, step)
    else:
        assert CAL.add_working_days_batch(days, step).astype(dt.date).tolist() == [expected]


@pytest.mark.parametrize(
    "call",
    [
        lambda days: CAL.is_working_day_batch(days),
        lambda days: CAL.add_working_days_batch(days, 1),
        lambda days: CAL.working_days_between_batch(days, days),
    ],
    ids=["is_working_day", "add_working_days", "working_days_between"],
)
def test_nat_in_a_batch_is_named(call: object) -> None:
    days = np.array(["2024-05-06", "NaT", "2024-05-08"], dtype="datetime64[D]")
    with pytest.raises(InvalidValueError, match="index 1 is NaT"):
        call(days)  # type: ignore[operator]


@pytest.mark.parametrize("value", ["99999-01-01", "-5000-01-01", "9999-12-31", "0001-01-01", "1970-01-01"])
@pytest.mark.parametrize("unit", ["D", "s", "ns"])
def test_datetime64_beyond_the_calendar(value: str, unit: str) -> None:
    day = np.datetime64(value, unit)
    if day.astype("datetime64[D]") != np.datetime64(value, "D"):  # ns cannot hold year 99999 or -5000
        pytest.skip(f"{value} does not fit datetime64[{unit}]")
    days = np.array(["2024-05-06", day], dtype=f"datetime64[{unit}]")
    with pytest.raises(CalendarCoverageError, match=r"\(index 1\)"):
        CAL.is_working_day_batch(days)
    with pytest.raises(GiaRoadmapError):
        CAL.add_working_days_batch(days, np.array([1, 1], dtype="uint64"))
