"""The data-file loader: malformed files are reported with file, key and what is valid."""

import datetime as dt
import tomllib
from typing import Any

import pytest

from gia_roadmap.calendar.yeardata import load_bundled_years, parse_year_data
from gia_roadmap.errors import CalendarDataError

GOOD = """
year = 2030
sources = ["a test"]
holidays = [2030-01-01]
transfers = [{ from = 2030-01-05, to = 2030-05-03, basis = "decree" }]
short_days = [2030-12-31]
special_periods = [{ start = 2030-06-24, end = 2030-06-25, basis = "Указ Президента РФ" }]
[decree]
issuer = "Правительство Российской Федерации"
kind = "Постановление"
number = "1"
date = 2029-09-01
title = "О переносе выходных дней в 2030 году"
[six_day]
transfers = []
short_days = []
[totals]
working_days = 247
"""


def _doc(**changes: Any) -> dict[str, Any]:
    document = tomllib.loads(GOOD)
    document.update(changes)
    return document


def test_a_good_document_parses() -> None:
    data = parse_year_data(_doc(), "2030.toml")
    assert data.year == 2030
    assert data.five_day.transfers[0].target == dt.date(2030, 5, 3)
    assert data.decree is not None
    assert data.decree.citation().startswith("Постановление Правительства Российской Федерации от 01.09.2029")
    (period,) = data.special_periods
    assert period.days() == (dt.date(2030, 6, 24), dt.date(2030, 6, 25))
    assert dt.date(2030, 6, 25) in period
    assert dt.date(2030, 6, 26) not in period


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"year": "2030"}, "key 'year': expected a year"),
        ({"holidays": [dt.date(2031, 1, 1)]}, "2031-01-01 is not in 2030"),
        ({"holidays": ["2030-01-01"]}, "is not a date"),
        ({"holidays": [dt.date(2030, 1, 1), dt.date(2030, 1, 1)]}, "dates listed twice: 2030-01-01"),
        (
            {"transfers": [{"from": dt.date(2030, 1, 5), "to": dt.date(2030, 5, 3)}]},
            "exactly the keys from, to, basis",
        ),
        (
            {"transfers": [{"from": dt.date(2030, 1, 5), "to": dt.date(2030, 5, 3), "basis": "law"}]},
            "'law' is not one of decree, labour_code",
        ),
        (
            {"transfers": [{"from": dt.date(2030, 1, 5), "to": dt.date(2030, 1, 1), "basis": "decree"}]},
            "already a holiday",
        ),
        ({"short_days": [dt.date(2030, 1, 1)]}, "cannot be a shortened working day"),
        ({"sources": []}, "must cite its sources"),
        (
            {"special_periods": [{"start": dt.date(2030, 6, 24), "basis": "Указ"}]},
            "exactly the keys start, end, basis",
        ),
        (
            {"special_periods": [{"start": dt.date(2030, 6, 24), "end": dt.date(2030, 6, 23), "basis": "x"}]},
            "ends (2030-06-23) before it starts",
        ),
        (
            {
                "special_periods": [
                    {"start": dt.date(2030, 6, 24), "end": dt.date(2030, 6, 30), "basis": "x"},
                    {"start": dt.date(2030, 6, 30), "end": dt.date(2030, 7, 1), "basis": "y"},
                ]
            },
            "overlap",
        ),
        (
            {"special_periods": [{"start": dt.date(2030, 6, 24), "end": dt.date(2031, 1, 1), "basis": "x"}]},
            "2031-01-01 is not in 2030",
        ),
        (
            {"special_non_working": [{"date": dt.date(2030, 6, 24), "basis": "x"}]},
            "special_non_working is now special_periods",
        ),
        ({"short_day": []}, "unknown top-level keys short_day"),
        ({"decree": {"issuer": "x", "date": dt.date(2029, 9, 1)}}, "key 'decree.kind'"),
    ],
)
def test_malformed_documents_are_located(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(CalendarDataError, match=r"2030\.toml") as caught:
        parse_year_data(_doc(**changes), "2030.toml")
    assert message in str(caught.value)


def test_keys_swallowed_by_the_decree_table_are_explained() -> None:
    text = GOOD.replace("[decree]\n", "").replace("year = 2030\n", "year = 2030\n[decree]\n")
    with pytest.raises(CalendarDataError, match="before \\[decree\\]"):
        parse_year_data(tomllib.loads(text), "2030.toml")


def test_bundled_years_are_contiguous_and_cite_decrees() -> None:
    years = load_bundled_years()
    assert sorted(years) == list(range(min(years), max(years) + 1))
    for year, data in years.items():
        assert data.decree is not None
        assert data.decree.date.year in (year - 2, year - 1)
        assert len(data.sources) >= 2
