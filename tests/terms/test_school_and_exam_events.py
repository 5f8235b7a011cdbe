"""Events the text names without the anchor list's wording: the start and end of the school year (a
calendar fact), the school's quarters (the school's own dates), exams by their names (the exam
anchors with the exam as their scope), and counts written as digits with a case ending («3-х»)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import detect_exam_scopes
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.school_dates import school_year_end, school_year_start
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import Bound, Frequency, Recurring, Relative, ResolutionStatus, Unit
from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import Case, Gender, number_words

CALENDAR = RussianCalendar()
SCHOOL_YEARS = st.integers(2013, 2026).map(SchoolYear)  # the years the official calendar covers


# --- the school year's start and end: ФОП НОО п. 172.3–172.4 ------------------------------------


@given(SCHOOL_YEARS)
def test_the_school_year_starts_on_1_september_or_the_next_working_day(sy: SchoolYear) -> None:
    start = school_year_start(sy, CALENDAR)
    assert CALENDAR.is_working_day(start)
    first = dt.date(sy.start_year, 9, 1)
    assert first <= start
    assert all(not CALENDAR.is_working_day(first + dt.timedelta(days=k)) for k in range((start - first).days))


@given(SCHOOL_YEARS)
def test_the_school_year_ends_on_26_may_or_the_working_day_before(sy: SchoolYear) -> None:
    end = school_year_end(sy, CALENDAR)
    assert CALENDAR.is_working_day(end)
    last = dt.date(sy.end_year, 5, 26)
    assert end <= last
    assert all(not CALENDAR.is_working_day(last - dt.timedelta(days=k)) for k in range((last - end).days))


def test_known_starts_and_ends() -> None:
    """1 September 2024 was a Sunday (the year began on 2 September); 26 May 2024 was a Sunday (the
    year ended on Friday 24 May)."""
    assert school_year_start(SchoolYear(2024), CALENDAR) == dt.date(2024, 9, 2)
    assert school_year_start(SchoolYear(2023)) == dt.date(2023, 9, 1)
    assert school_year_end(SchoolYear(2023), CALENDAR) == dt.date(2024, 5, 24)
    assert school_year_end(SchoolYear(2024)) == dt.date(2025, 5, 26)
    with pytest.raises(InvalidTypeError):
        school_year_start(2024)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "anchor", "bound"),
    [
        ("к началу учебного года", Anchor.SCHOOL_YEAR_START, Bound.UNTIL),
        ("до начала нового учебного года", Anchor.SCHOOL_YEAR_START, Bound.UNTIL),
        ("к концу учебного года", Anchor.SCHOOL_YEAR_END, Bound.UNTIL),
        ("до окончания учебного года", Anchor.SCHOOL_YEAR_END, Bound.UNTIL),
        ("в конце учебного года", Anchor.SCHOOL_YEAR_END, Bound.ON),
        ("по окончании учебного года", Anchor.SCHOOL_YEAR_END, Bound.AFTER),
        ("по итогам учебного года", Anchor.SCHOOL_YEAR_END, Bound.AFTER),
        # the plan's own school year named as «текущего», «данного», «этого»
        ("до конца текущего учебного года", Anchor.SCHOOL_YEAR_END, Bound.UNTIL),
        ("в конце данного учебного года", Anchor.SCHOOL_YEAR_END, Bound.ON),
        ("по окончании этого учебного года", Anchor.SCHOOL_YEAR_END, Bound.AFTER),
        ("к началу текущего учебного года", Anchor.SCHOOL_YEAR_START, Bound.UNTIL),
        # the event alone, in the nominative: on its day
        ("начало учебного года", Anchor.SCHOOL_YEAR_START, Bound.ON),
        ("конец учебного года", Anchor.SCHOOL_YEAR_END, Bound.ON),
        ("окончание текущего учебного года", Anchor.SCHOOL_YEAR_END, Bound.ON),
    ],
)
def test_school_year_events_are_built_in_anchors(text: str, anchor: Anchor, bound: Bound) -> None:
    term = parse_term(text, school_year=2023)
    assert isinstance(term, Relative)
    assert (term.anchor, term.bound, term.flags) == (anchor, bound, frozenset())


@given(SCHOOL_YEARS, st.integers(1, 20))
def test_school_year_anchors_resolve_from_the_school_year(sy: SchoolYear, n: int) -> None:
    until = parse_term("к началу учебного года", school_year=sy).resolve(CALENDAR, school_year=sy)
    assert until.due == school_year_start(sy, CALENDAR) - dt.timedelta(days=1)
    before = parse_term(f"за {n} рабочих дней до окончания учебного года", school_year=sy)
    day = before.resolve(CALENDAR, school_year=sy).windows[0]
    assert day.start == CALENDAR.add_working_days(school_year_end(sy, CALENDAR), -n)
    # a date bound by the caller wins over the rule (the ГИА schedule ends the year of grades 9, 11)
    own = dt.date(sy.end_year, 6, 20)
    bound = before.resolve(CALENDAR, {Anchor.SCHOOL_YEAR_END: (own,)}, school_year=sy).windows[0]
    assert bound.start == CALENDAR.add_working_days(own, -n)
    assert parse_term("к началу учебного года").resolve().status is ResolutionStatus.NO_EVENT_DATES


# --- school quarters: the school's own dates -------------------------------------------------------


@st.composite
def quarters(draw: st.DrawFn, sy: SchoolYear) -> list[DateWindow]:
    """Four consecutive quarters of ``sy`` with holidays between them, as a school's graph sets them."""
    out = []
    start = sy.start
    for _ in range(4):
        end = start + dt.timedelta(days=draw(st.integers(40, 70)))
        out.append(DateWindow(start, end))
        start = end + dt.timedelta(days=draw(st.integers(7, 14)))
    return out


_ORDINALS = ("I", "II", "III", "IV")


@given(SCHOOL_YEARS.flatmap(lambda sy: st.tuples(st.just(sy), quarters(sy))), st.integers(1, 4), st.data())
def test_a_numbered_quarter_picks_its_own_dates(
    case: tuple[SchoolYear, list[DateWindow]], n: int, data: st.DataObject
) -> None:
    sy, qs = case
    number = data.draw(
        st.sampled_from(
            (_ORDINALS[n - 1], str(n), f"{n}-й", ("первой", "второй", "третьей", "четвертой")[n - 1])
        )
    )
    term = parse_term(f"до окончания {number} четверти", school_year=sy)
    assert isinstance(term, Relative)
    assert (term.anchor, term.occurrence) == (Anchor.SCHOOL_QUARTER_END, n)
    assert parse_term(render(term), school_year=sy) == term
    windows = term.resolve(events={Anchor.SCHOOL_QUARTER: qs}, school_year=sy).windows
    assert [w.end for w in windows] == [qs[n - 1].end - dt.timedelta(days=1)]
    each = parse_term("по итогам каждой четверти", school_year=sy).resolve(events={Anchor.SCHOOL_QUARTER: qs})
    assert [w.start for w in each.windows] == [q.end + dt.timedelta(days=1) for q in qs]


@pytest.mark.parametrize(
    "text", ["1 раз в четверть", "ежечетвертно", "по четвертям", "Каждую четверть", "один раз в четверть"]
)
def test_once_a_quarter_is_a_recurrence_by_school_quarter(text: str) -> None:
    term = parse_term(text, school_year=2023)
    assert term == Recurring(Frequency.SCHOOL_QUARTERLY)
    unbound = term.resolve(school_year=SchoolYear(2023))
    assert unbound.status is ResolutionStatus.NO_EVENT_DATES
    assert "172.1" in unbound.reason


@given(SCHOOL_YEARS.flatmap(lambda sy: st.tuples(st.just(sy), quarters(sy))))
def test_once_a_quarter_resolves_to_the_schools_quarters(case: tuple[SchoolYear, list[DateWindow]]) -> None:
    sy, qs = case
    resolution = Recurring(Frequency.SCHOOL_QUARTERLY).resolve(
        events={Anchor.SCHOOL_QUARTER: qs}, school_year=sy
    )
    assert list(resolution.windows) == qs


def test_a_school_quarterly_recurrence_has_no_day_of_the_month() -> None:
    with pytest.raises(InvalidValueError):
        Recurring(Frequency.SCHOOL_QUARTERLY, 5)


# --- exams by their names -------------------------------------------------------------------------

_NAMES = ("ГИА", "ГИА-9", "ГИА - 11", "ЕГЭ", "ОГЭ", "ГВЭ-9", "ГВЭ-11", "государственной итоговой аттестации")


@given(
    st.sampled_from(_NAMES),
    st.sampled_from(("", " по математике")),
    st.sampled_from(
        (
            ("за 3 дня до ", Anchor.EXAM_DAY, Bound.EXACT_BEFORE),
            ("до ", Anchor.EXAM_DAY, Bound.UNTIL),
            ("накануне ", Anchor.EXAM_DAY, Bound.EVE),
            ("в день проведения ", Anchor.EXAM_DAY, Bound.ON),
            ("в течение 2 дней после проведения ", Anchor.EXAM_DAY, Bound.WITHIN_AFTER),
            ("за две недели до начала ", Anchor.EXAM_START, Bound.EXACT_BEFORE),
            ("до начала проведения ", Anchor.EXAM_START, Bound.UNTIL),
            ("к началу ", Anchor.EXAM_START, Bound.UNTIL),
        )
    ),
)
def test_an_exam_named_is_the_exam_anchor_in_that_exams_scope(
    name: str, subject: str, head: tuple[str, Anchor, Bound]
) -> None:
    words, anchor, bound = head
    term = parse_term(words + name + subject)
    assert isinstance(term, Relative)
    assert (term.anchor, term.bound) == (anchor, bound)
    assert term.exam_scopes == detect_exam_scopes(name) != ()
    assert "open_anchor" not in term.flags
    assert parse_term(render(term)) == term


# --- counts in digits with a case ending --------------------------------------------------------


@given(st.integers(2, 999), st.sampled_from((Unit.DAY, Unit.WORKING_DAY, Unit.WEEK)))
def test_digits_with_a_case_ending_count(n: int, unit: Unit) -> None:
    last = number_words(n, Case.GENITIVE, Gender.FEMININE if unit is Unit.WEEK else Gender.MASCULINE).split()[
        -1
    ]
    ending = next((e for e in ("х", "ти", "ми", "ка", "та") if last.endswith(e)), None)
    noun = {Unit.DAY: "дней", Unit.WORKING_DAY: "рабочих дней", Unit.WEEK: "недель"}[unit]
    if ending is None:
        return
    term = parse_term(f"в течение {n}-{ending} {noun} после проведения экзамена")
    assert term == Relative(n, unit, Bound.WITHIN_AFTER, Anchor.EXAM_DAY)
