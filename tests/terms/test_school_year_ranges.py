"""Month ranges written with no year at all that cross 1 September run forwards, not backwards."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import (
    DateWindow,
    MonthRange,
    ResolutionStatus,
    SchoolYear,
    SchoolYearTerm,
    parse_term,
    render,
)

MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь"]  # fmt: skip


def test_august_september_in_the_school_year_2023() -> None:
    sy = SchoolYear(2023)
    term = parse_term("август – сентябрь", school_year=sy)
    assert isinstance(term, MonthRange)
    assert term.resolve(school_year=sy).windows == (DateWindow(dt.date(2023, 8, 1), dt.date(2023, 9, 30)),)
    assert "rolled_back" in term.flags
    assert parse_term(render(term), school_year=sy) == term


def test_the_same_rule_when_the_school_year_comes_only_at_resolution() -> None:
    term = parse_term("август – сентябрь")
    resolution = term.resolve(school_year=SchoolYear(2023))
    assert resolution.windows == (DateWindow(dt.date(2023, 8, 1), dt.date(2023, 9, 30)),)


def test_ranges_inside_the_school_year_are_unchanged() -> None:
    sy = SchoolYear(2022)
    term = parse_term("Сентябрь-май", school_year=sy)
    assert term.resolve(school_year=sy).windows == (DateWindow(dt.date(2022, 9, 1), dt.date(2023, 5, 31)),)
    assert "rolled_back" not in term.flags


@given(st.integers(2014, 2030), st.integers(1, 12), st.integers(1, 12))
def test_yearless_ranges_never_run_backwards(year: int, first: int, last: int) -> None:
    sy = SchoolYear(year)
    text = f"{MONTHS[first - 1]} – {MONTHS[last - 1]}"
    for term in (parse_term(text, school_year=sy), parse_term(text)):
        resolution = term.resolve(school_year=sy)
        assert resolution.status is ResolutionStatus.RESOLVED
        (window,) = resolution.windows
        assert window.start.month == first
        assert window.end.month == last
        assert window.days <= 366


@given(st.integers(2000, 2040), st.integers(-3, 3))
def test_explicit_school_year_span_resolves_or_is_invalid(start: int, length: int) -> None:
    """«2023-2024 учебный год» runs from 1 September of the first year to 31 August of the last; a span
    that does not move forward («2023-2023») is invalid, never a crash."""
    resolution = SchoolYearTerm(start, start + length).resolve()
    if length >= 1:
        (window,) = resolution.windows
        assert (window.start, window.end) == (dt.date(start, 9, 1), dt.date(start + length, 8, 31))
    else:
        assert resolution.status is ResolutionStatus.INVALID
        assert not resolution.windows
