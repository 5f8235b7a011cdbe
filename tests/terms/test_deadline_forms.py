"""Deadline forms of real plans, read as productions: weeks of a month, counts per period, ends of
periods, times of day and durations in hours, the end of an exam campaign, the school half-year.

Each table row is text → the term it means → the windows it resolves to (plan of 2023/24). The
generator (``grammar.phrases``) draws these productions in every combination; the rows pin what the
rules decide on fixed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from gia_roadmap.calendar import SchoolYear, parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.terms import (
    Frequency,
    MonthPart,
    MonthRef,
    PartOfMonth,
    Recurring,
    Term,
    YearOrigin,
)
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.io.serialization import converter

SY = SchoolYear(2023)
D = dt.date


def _windows(text: str) -> list[tuple[dt.date, dt.date]]:
    return [(w.start, w.end) for w in parse_term(text, school_year=SY).resolve(school_year=SY)]


WEEKS = [
    ("первая неделя сентября", PartOfMonth.FIRST_WEEK, 9, [(D(2023, 9, 1), D(2023, 9, 7))]),
    ("в первую неделю сентября", PartOfMonth.FIRST_WEEK, 9, [(D(2023, 9, 1), D(2023, 9, 7))]),
    ("последняя неделя мая", PartOfMonth.LAST_WEEK, 5, [(D(2024, 5, 25), D(2024, 5, 31))]),
    ("в последнюю неделю февраля", PartOfMonth.LAST_WEEK, 2, [(D(2024, 2, 23), D(2024, 2, 29))]),
    ("2-я неделя апреля", PartOfMonth.SECOND_WEEK, 4, [(D(2024, 4, 8), D(2024, 4, 14))]),
    ("на третьей неделе октября", PartOfMonth.THIRD_WEEK, 10, [(D(2023, 10, 15), D(2023, 10, 21))]),
    ("в течение IV недели марта", PartOfMonth.FOURTH_WEEK, 3, [(D(2024, 3, 22), D(2024, 3, 28))]),
]


@pytest.mark.parametrize(("text", "part", "month", "windows"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_of_a_month(
    text: str, part: PartOfMonth, month: int, windows: list[tuple[dt.date, dt.date]]
) -> None:
    term = parse_term(text, school_year=SY)
    assert term == MonthPart(part, MonthRef(month, SY.year_of_month(month), YearOrigin.SCHOOL_YEAR))
    assert _windows(text) == windows
    assert parse_term(render(term), school_year=SY) == term


def test_last_week_of_a_common_february_is_its_last_seven_days() -> None:
    assert _windows("последняя неделя февраля 2023 года") == [(D(2023, 2, 22), D(2023, 2, 28))]


def test_a_fifth_week_is_not_read() -> None:
    assert parse_term("5-я неделя марта", school_year=SY).kind == "unparsed"


COUNTS = [
    ("2 раза в год", Frequency.YEARLY, 2),
    ("не реже двух раз в месяц", Frequency.MONTHLY, 2),
    ("3 раза в четверть", Frequency.SCHOOL_QUARTERLY, 3),
    ("не менее 3-х раз в квартал", Frequency.QUARTERLY, 3),
    ("пять раз в неделю", Frequency.WEEKLY, 5),
    ("раз в месяц", Frequency.MONTHLY, 1),
]


@pytest.mark.parametrize(("text", "frequency", "times"), COUNTS, ids=[c[0] for c in COUNTS])
def test_count_per_period(text: str, frequency: Frequency, times: int) -> None:
    term = parse_term(text, school_year=SY)
    assert term == Recurring(frequency, times=times)
    assert parse_term(render(term), school_year=SY) == term


def test_a_count_per_period_keeps_one_window_per_period() -> None:
    windows = _windows("2 раза в год")
    assert windows == [(D(2023, 9, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 8, 31))]


def test_a_count_per_period_goes_without_a_day_of_the_month() -> None:
    with pytest.raises(InvalidValueError, match="times"):
        Recurring(Frequency.MONTHLY, 25, times=2)
    with pytest.raises(InvalidValueError, match="times"):
        Recurring(Frequency.MONTHLY, times=0)


def test_a_count_per_period_survives_the_json_round_trip() -> None:
    term = Recurring(Frequency.YEARLY, times=2)
    data = converter.unstructure(term, Term)
    assert data["times"] == 2
    assert converter.structure(data, Term) == term  # type: ignore[arg-type]
