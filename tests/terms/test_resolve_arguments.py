"""``resolve`` and ``parse_term`` check their arguments: a school year may be given as its start year,
and a value of a wrong type is an :class:`InvalidTypeError` naming the argument, never an
``AttributeError`` from inside a term."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar, SchoolYear, parse_term
from gia_roadmap.errors import InvalidTypeError
from gia_roadmap.strategies import terms

CALENDAR = RussianCalendar()


@given(terms(), st.integers(2014, 2026))
def test_a_school_year_may_be_given_as_its_start_year(term: object, year: int) -> None:
    resolve = term.resolve  # type: ignore[attr-defined]
    assert resolve(CALENDAR, school_year=year) == resolve(CALENDAR, school_year=SchoolYear(year))


WRONG = [
    ({"school_year": "2024"}, "school_year"),
    ({"school_year": 2024.0}, "school_year"),
    ({"school_year": True}, "school_year"),
    ({"plan_period": (dt.date(2024, 1, 1), dt.date(2024, 5, 1))}, "plan_period"),
    ({"events": [dt.date(2024, 5, 23)]}, "events"),
    ({"options": {"strict": True}}, "options"),
    ({"calendar": "production"}, "calendar"),
]


@pytest.mark.parametrize(("kwargs", "name"), WRONG, ids=[w[1] + repr(w[0]) for w in WRONG])
def test_a_wrong_argument_is_named(kwargs: dict[str, object], name: str) -> None:
    term = parse_term("до 15 числа каждого месяца", school_year=2023)
    with pytest.raises(InvalidTypeError, match=name):
        term.resolve(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("school_year", ["2023", 2023.0, [2023]])
def test_parse_term_names_a_wrong_school_year(school_year: object) -> None:
    with pytest.raises(InvalidTypeError, match="school_year"):
        parse_term("до 1 мая", school_year=school_year)  # type: ignore[arg-type]
