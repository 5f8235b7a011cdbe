"""Weekday names: every form and abbreviation is read back, as annotations write them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.errors import InvalidValueError
from gia_roadmap.text import (
    WEEKDAY_NAMES,
    WEEKDAY_PATTERN,
    WEEKDAYS_SHORT,
    Case,
    month_of,
    weekday_name,
    weekday_of,
    weekday_pattern,
)


@st.composite
def written_weekday(draw: st.DrawFn) -> tuple[int, str]:
    entry = draw(st.sampled_from(WEEKDAY_NAMES))
    word = draw(st.sampled_from(entry.forms + entry.plural_forms + entry.abbreviations))
    if word in entry.abbreviations and draw(st.booleans()):
        word += "."
    word = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    if draw(st.booleans()):
        word = f"({word})"
    return entry.weekday, word


@given(written_weekday())
def test_weekday_of_reads_every_written_form(case: tuple[int, str]) -> None:
    weekday, word = case
    assert weekday_of(word) == weekday
    assert month_of(word) is None


@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(list(Case)), st.booleans())
def test_names_round_trip(day: dt.date, case: Case, plural: bool) -> None:
    name = weekday_name(day.weekday(), case, plural=plural)
    assert weekday_of(name) == day.weekday()
    assert re.fullmatch(WEEKDAY_PATTERN, name)


def test_forms_and_patterns() -> None:
    assert WEEKDAYS_SHORT == ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
    assert weekday_name(2, Case.ACCUSATIVE) == "среду"
    assert weekday_of(["во", "вторник"][1]) == 1
    assert weekday_of("пятн") is None
    assert weekday_of("") is None
    singular = re.compile(weekday_pattern([Case.ACCUSATIVE], plural=False, abbreviations=False))
    assert singular.fullmatch("среду")
    assert not singular.fullmatch("ср")
    with pytest.raises(InvalidValueError):
        weekday_name(7)
