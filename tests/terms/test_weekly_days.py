"""Weekly rules on days of the week: «еженедельно по понедельникам», «по вторникам и четвергам»,
«каждую среду» (``Recurring.weekdays``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar, SchoolYear, parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import Frequency, Recurring, Term
from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.io.serialization import converter

SY = SchoolYear(2023)
CALENDAR = RussianCalendar()

FORMS = [
    ("еженедельно по понедельникам", (0,), 1),
    ("еженедельно (по понедельникам)", (0,), 1),
    ("еженедельно, по пятницам", (4,), 1),
    ("еженедельно во вторник", (1,), 1),
    ("по средам", (2,), 1),
    ("по вторникам и четвергам", (1, 3), 1),
    ("по понедельникам, средам и пятницам", (0, 2, 4), 1),
    ("каждую среду", (2,), 1),
    ("каждый понедельник и четверг", (0, 3), 1),
    ("1 раз в неделю (по средам)", (2,), 1),
    ("2 раза в неделю по вторникам и четвергам", (1, 3), 2),
]


@pytest.mark.parametrize(("text", "days", "times"), FORMS, ids=[f[0] for f in FORMS])
def test_days_of_the_week_are_read(text: str, days: tuple[int, ...], times: int) -> None:
    term = parse_term(text, school_year=SY)
    assert term == Recurring(Frequency.WEEKLY, times=times, weekdays=days)
    assert parse_term(render(term), school_year=SY) == term


@pytest.mark.parametrize("text", ["в среду", "по графику", "по плану", "по средствам"])
def test_other_words_are_no_weekly_rule(text: str) -> None:
    term = parse_term(text, school_year=SY)
    assert not (isinstance(term, Recurring) and term.weekdays)


@given(
    st.sets(st.integers(0, 6), min_size=1, max_size=7),
    st.dates(dt.date(2014, 1, 1), dt.date(2027, 6, 1)),
    st.integers(0, 120),
)
def test_every_such_day_of_the_period_and_no_other(days: set[int], start: dt.date, length: int) -> None:
    """The oracle: the days of the period whose weekday is listed, one window each, in order."""
    period = DateWindow(start, start + dt.timedelta(days=length))
    term = Recurring(Frequency.WEEKLY, weekdays=tuple(sorted(days)))
    windows = term.resolve(CALENDAR, plan_period=period).windows
    expected = [
        start + dt.timedelta(days=k)
        for k in range(length + 1)
        if (start + dt.timedelta(days=k)).weekday() in days
    ]
    assert [(w.start, w.end) for w in windows] == [(d, d) for d in expected]


@given(st.sets(st.integers(0, 6), max_size=7))
def test_saved_and_read_back(days: set[int]) -> None:
    term = Recurring(Frequency.WEEKLY, weekdays=tuple(sorted(days)))
    data = converter.unstructure(term, Term)
    assert ("weekdays" in data) == bool(days)  # written only when set
    assert converter.structure(data, Term) == term  # type: ignore[arg-type]


def test_invalid_days_are_named() -> None:
    with pytest.raises(InvalidValueError, match="weekdays"):
        Recurring(Frequency.WEEKLY, weekdays=(7,))
    with pytest.raises(InvalidValueError, match="weekdays"):
        Recurring(Frequency.WEEKLY, weekdays=(3, 1))
    with pytest.raises(InvalidValueError, match="weekly"):
        Recurring(Frequency.MONTHLY, weekdays=(1,))
    with pytest.raises(InvalidTypeError, match="weekdays"):
        Recurring(Frequency.WEEKLY, weekdays=1)
