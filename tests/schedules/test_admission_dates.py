"""The admission-test dates by rule: every shipped date reproduced, the rules' properties, bad input."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.admission_dates import (
    EXCEPTIONS,
    PROCEDURES,
    AdmissionDate,
    AdmissionRule,
    admission_procedure,
    admission_test_dates,
)
from gia_roadmap.calendar.exams import ExamKind, PeriodKind
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import ExamSchedule, OrderKind, bundled_school_years, bundled_sources
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import MonthRef, NthDay
from gia_roadmap.errors import GiaRoadmapError, InvalidTypeError, InvalidValueError

CAL = RussianCalendar()
TESTS = (ExamKind.FINAL_ESSAY, ExamKind.FINAL_INTERVIEW)
# The school years the production calendar covers exactly and a known Порядок governs.
RULE_YEARS = st.integers(min_value=2021, max_value=2026)


def _published(year: int, exam: ExamKind) -> list[tuple[dt.date, PeriodKind, str]]:
    schedule = ExamSchedule.bundled(year).filter(exam=exam)
    return sorted((d.date, d.period, d.order) for d in schedule.days)


def _national_exceptions(year: int, exam: ExamKind) -> dict[dt.date, tuple[dt.date, ...]]:
    return {
        e.rule_date: e.published
        for e in EXCEPTIONS
        if e.school_year == year and e.exam is exam and e.national
    }


@pytest.mark.parametrize("year", bundled_school_years())
@pytest.mark.parametrize("exam", TESTS)
def test_rule_reproduces_every_shipped_date(year: int, exam: ExamKind) -> None:
    """Each shipped сочинение / собеседование date is the rule's date, from the Порядок the row cites."""
    expected = []
    moved = _national_exceptions(year, exam)
    for d in admission_test_dates(year, CAL, exam=exam):
        for date in moved.get(d.date, (d.date,)):
            expected.append((date, d.period, d.procedure.key))
    assert _published(year, exam) == sorted(expected)


@pytest.mark.parametrize("year", bundled_school_years())
def test_every_bundled_year_has_both_admission_tests(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    for exam in TESTS:
        days = schedule.filter(exam=exam).days
        assert [d.period for d in days].count(PeriodKind.MAIN_DATE) == 1
        assert [d.period for d in days].count(PeriodKind.ADDITIONAL_DATE) == 2
        for d in days:
            assert d.sources, d.label()


def test_published_dates_by_year() -> None:
    """The dates of the reference notes (§4), written out: the rule test above is not circular."""
    essays = {
        2021: ("2021-12-01", "2022-02-02", "2022-05-04"),
        2022: ("2022-12-07", "2023-02-01", "2023-05-03"),
        2023: ("2023-12-06", "2024-02-07", "2024-04-10"),
        2024: ("2024-12-04", "2025-02-05", "2025-04-09"),
        2025: ("2025-12-03", "2026-02-04", "2026-04-08"),
        2026: ("2026-12-02", "2027-02-03", "2027-04-14"),
    }
    interviews = {
        2021: ("2022-02-09", "2022-03-09", "2022-05-16"),
        2022: ("2023-02-08", "2023-03-15", "2023-05-15"),
        2023: ("2024-02-14", "2024-03-13", "2024-04-15"),
        2024: ("2025-02-12", "2025-03-12", "2025-04-21"),
        2025: ("2026-02-11", "2026-03-11", "2026-04-20"),
        2026: ("2027-02-10", "2027-03-10", "2027-04-19"),
    }
    for table, exam in ((essays, ExamKind.FINAL_ESSAY), (interviews, ExamKind.FINAL_INTERVIEW)):
        for year, dates in table.items():
            assert tuple(d.date.isoformat() for d in admission_test_dates(year, CAL, exam=exam)) == dates


def test_procedure_change_in_2023() -> None:
    assert admission_procedure(ExamKind.FINAL_ESSAY, 2022).key == "190/1512"
    assert admission_procedure(ExamKind.FINAL_ESSAY, SchoolYear(2023)).key == "233/552"
    assert admission_procedure(ExamKind.FINAL_INTERVIEW, 2022).key == "189/1513"
    assert admission_procedure(ExamKind.FINAL_INTERVIEW, 2023).key == "232/551"
    texts = [r.russian for r in admission_procedure(ExamKind.FINAL_ESSAY, 2022).rules]
    assert texts == ["первая среда декабря", "первая среда февраля", "первая рабочая среда мая"]
    texts = [r.russian for r in admission_procedure(ExamKind.FINAL_INTERVIEW, 2023).rules]
    assert texts == ["вторая среда февраля", "вторая рабочая среда марта", "третий понедельник апреля"]
    assert (
        admission_procedure(ExamKind.FINAL_INTERVIEW, 2022).rules[2].russian
        == "первый рабочий понедельник мая"
    )


def test_working_rules_skip_holidays() -> None:
    """8 March 2023 was a holiday; 2 and 9 May 2022 and 1 and 8 May 2023 were days off."""
    interview = {d.rule.month: d.date for d in admission_test_dates(2022, CAL, exam=ExamKind.FINAL_INTERVIEW)}
    assert interview[3] == dt.date(2023, 3, 15)
    assert not CAL.is_working_day(dt.date(2023, 3, 8))
    assert interview[5] == dt.date(2023, 5, 15)
    may = {d.rule.month: d.date for d in admission_test_dates(2021, CAL, exam=ExamKind.FINAL_INTERVIEW)}
    assert may[5] == dt.date(2022, 5, 16)
    assert not CAL.is_working_day(dt.date(2022, 5, 2))
    assert not CAL.is_working_day(dt.date(2022, 5, 9))
    # A regional day off on the rule's Wednesday moves a «рабочая среда» rule, never a plain one.
    regional = CAL.with_overrides(days_off=[dt.date(2024, 3, 13), dt.date(2024, 2, 14)])
    moved = {
        d.rule.month: d.date for d in admission_test_dates(2023, regional, exam=ExamKind.FINAL_INTERVIEW)
    }
    assert moved[3] == dt.date(2024, 3, 20)
    assert moved[2] == dt.date(2024, 2, 14)


def test_procedures_match_the_bundled_orders() -> None:
    """The rule module and the schedule data name the same Порядки with the same dates."""
    registry = {s.key for s in bundled_sources()}
    text = resources.files("gia_roadmap.calendar").joinpath("schedules", "sources.toml").read_text("utf-8")
    orders = {o["key"]: o for o in tomllib.loads(text)["orders"]}
    for procedure in PROCEDURES:
        year = procedure.first_school_year
        order = orders[procedure.key]
        assert order["kind"] == OrderKind.PROCEDURE.value
        assert order.get("signed") == procedure.signed
        assert procedure.exam.value in order["exams"]
        assert set(procedure.sources) <= registry
        assert procedure.governs(year)
        assert not procedure.governs(year - 1) or procedure.first_school_year < year
    for exam in TESTS:
        spans = sorted(
            (p.first_school_year, p.last_school_year if p.last_school_year is not None else 9999)
            for p in PROCEDURES
            if p.exam is exam
        )
        for (_, last), (first, _) in itertools.pairwise(spans):
            assert first == last + 1  # no gap, no overlap


def test_exceptions_are_sourced_and_depart_from_the_rule() -> None:
    registry = {s.key for s in bundled_sources()}
    for e in EXCEPTIONS:
        assert e.sources
        assert set(e.sources) <= registry
        assert e.rule_date in {d.date for d in admission_test_dates(e.school_year, CAL, exam=e.exam)}
        assert e.rule_date not in e.published
        assert e.note


@given(RULE_YEARS)
def test_rule_dates_are_in_their_month_on_their_weekday(year: int) -> None:
    for exam in TESTS:
        dates = admission_test_dates(year, CAL, exam=exam)
        assert [d.period for d in dates] == [
            PeriodKind.MAIN_DATE,
            PeriodKind.ADDITIONAL_DATE,
            PeriodKind.ADDITIONAL_DATE,
        ]
        assert [d.date for d in dates] == sorted(d.date for d in dates)
        for d in dates:
            assert isinstance(d, AdmissionDate)
            assert d.date.month == d.rule.month
            assert d.date.weekday() == d.rule.weekday
            assert SchoolYear(year).start <= d.date <= SchoolYear(year).end
            assert CAL.is_working_day(d.date), d  # no admission test on a day off, any year
            candidates = [
                d.date - dt.timedelta(days=7 * k)
                for k in range(1, 6)
                if (d.date - dt.timedelta(days=7 * k)).month == d.rule.month
            ]
            counted = [c for c in candidates if not d.rule.working or CAL.is_working_day(c)]
            assert len(counted) == d.rule.ordinal - 1


@given(
    st.integers(min_value=2014, max_value=2026),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=1, max_value=3),
)
def test_working_rule_never_earlier_than_the_plain_one(year: int, month: int, weekday: int, n: int) -> None:
    plain = AdmissionRule.of(PeriodKind.ADDITIONAL_DATE, n, weekday, month)
    working = AdmissionRule.of(PeriodKind.ADDITIONAL_DATE, n, weekday, month, working=True)
    first = plain.date(year, CAL)
    try:
        second = working.date(year, CAL)
    except InvalidValueError:
        return  # too few working such weekdays in the month
    assert first <= second
    assert CAL.is_working_day(second)
    assert (first == second) == all(
        CAL.is_working_day(first - dt.timedelta(days=7 * k))
        for k in range(n)
        if (first - dt.timedelta(days=7 * k)).month == month
    )


def test_no_fifth_weekday() -> None:
    rule = AdmissionRule.of(PeriodKind.ADDITIONAL_DATE, 5, 2, 2)
    with pytest.raises(InvalidValueError, match="'пятая среда февраля' in 2022/2023: no such day"):
        rule.date(2022, CAL)


def test_bad_input() -> None:
    with pytest.raises(InvalidValueError, match="not an admission test"):
        admission_procedure(ExamKind.EGE, 2023)
    with pytest.raises(
        InvalidValueError, match=r"no Порядок known .* 2019/2020; covered: 190/1512: 2021/2022 – 2022/2023"
    ):
        admission_procedure(ExamKind.FINAL_ESSAY, 2019)
    with pytest.raises(InvalidValueError, match="2029/2030"):
        admission_test_dates(2029, CAL, exam=ExamKind.FINAL_ESSAY)
    with pytest.raises(InvalidTypeError):
        admission_test_dates("2023", CAL)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        admission_test_dates(2023, CAL, exam=["final_essay"])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="period must be"):
        AdmissionRule.of(PeriodKind.MAIN, 1, 2, 12)
    for bad in (
        NthDay(1, None, True, MonthRef(12)),  # «первый рабочий день декабря»: not a weekday rule
        NthDay(-1, 2, False, MonthRef(12)),  # «последняя среда декабря»
        NthDay(1, 2, False, None),  # every month
        NthDay(1, 2, False, MonthRef.written(2023, 12)),  # one year only
    ):
        with pytest.raises(InvalidValueError) as info:
            AdmissionRule(period=PeriodKind.MAIN_DATE, day=bad)
        assert isinstance(info.value, GiaRoadmapError)
        assert "day must" in str(info.value)
    with pytest.raises(InvalidTypeError):
        AdmissionRule(period=PeriodKind.MAIN_DATE, day="первая среда декабря")  # type: ignore[arg-type]
    for bad_args in ((1, 7, 12), (0, 2, 12), (1, 2, 13)):  # weekday, ordinal, month out of range
        with pytest.raises(GiaRoadmapError):
            AdmissionRule.of(PeriodKind.MAIN_DATE, *bad_args)


def test_the_rule_is_the_deadline_term() -> None:
    """«во вторую среду февраля» in a roadmap parses to the very term a Порядок rule holds."""
    rule = admission_procedure(ExamKind.FINAL_INTERVIEW, 2023).rules[0]
    term = parse_term("во вторую среду февраля", school_year=SchoolYear(2023))
    assert isinstance(term, NthDay)
    assert (term.ordinal, term.weekday, term.working, term.month.month if term.month else None) == (
        rule.ordinal,
        rule.weekday,
        rule.working,
        rule.month,
    )
    assert term.resolve(CAL, school_year=SchoolYear(2023)).windows[0].start == rule.date(2023, CAL)


def test_both_tests_by_default_sorted_by_date() -> None:
    dates = admission_test_dates(2025, CAL)
    assert [d.exam for d in dates].count(ExamKind.FINAL_ESSAY) == 3
    assert [d.date for d in dates] == sorted(d.date for d in dates)
    assert admission_test_dates(2025, CAL, exam=TESTS) == dates
