"""The testing kit: FixedClock, SyntheticCalendar, PlanBuilder."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_roadmap.testing as kit
from gia_roadmap.calendar import (
    Anchor,
    ByDate,
    MissingTerm,
    Relative,
    ResolutionStatus,
    RussianCalendar,
    SchoolYear,
    UnparsedTerm,
    WorkingDayCalendar,
    parse_term,
)
from gia_roadmap.plan import (
    DependencyKind,
    DueState,
    MatchQuality,
    PlanLevel,
    SectionKind,
    StatusKind,
    states,
)
from gia_roadmap.plan.checks import check
from gia_roadmap.testing import FixedClock, PlanBuilder, SyntheticCalendar

OFFICIAL = RussianCalendar()
FIRST, LAST = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
COPY = SyntheticCalendar.copy_of(OFFICIAL, FIRST, LAST)
days_2024_2025 = st.dates(FIRST + dt.timedelta(days=100), LAST - dt.timedelta(days=100))
any_days = st.dates(dt.date(1900, 1, 1), dt.date(2300, 12, 31))
small_calendars = st.builds(
    SyntheticCalendar,
    holidays=st.frozensets(st.dates(dt.date(2030, 1, 1), dt.date(2030, 12, 31)), max_size=30),
    weekend=st.frozensets(st.integers(0, 6), max_size=3),
)


def test_doctests() -> None:
    assert doctest.testmod(kit).failed == 0


# ------------------------------------------------------------------ FixedClock


def test_fixed_clock() -> None:
    clock = FixedClock(dt.date(2024, 3, 1))
    assert clock() == clock.today() == clock.day == dt.date(2024, 3, 1)
    assert isinstance(clock, kit.Clock)
    assert clock.shifted(days=1)() == dt.date(2024, 3, 2)
    # 2024-03-08 is a holiday: 7 March + 1 working day is 11 March.
    assert clock.shifted(days=6, working_days=1, calendar=OFFICIAL)() == dt.date(2024, 3, 11)
    with pytest.raises(ValueError, match="calendar"):
        clock.shifted(working_days=1)
    with pytest.raises(TypeError):
        FixedClock(dt.datetime(2024, 3, 1, 12, 0))
    assert isinstance(kit.system_clock(), dt.date)


def test_fixed_clock_drives_states() -> None:
    plan = PlanBuilder("p", school_year=2023).measure("1", "Отчёт", term="до 01.12.2023").build()
    before, after = FixedClock(dt.date(2023, 11, 1)), FixedClock(dt.date(2023, 12, 2))
    assert [s.state for s in states(plan, before())] == [DueState.DUE]
    assert [s.state for s in states(plan, after())] == [DueState.OVERDUE]


# ------------------------------------------------------------------ SyntheticCalendar


def test_synthetic_calendar_is_a_working_day_calendar() -> None:
    assert isinstance(SyntheticCalendar(), WorkingDayCalendar)


@given(days_2024_2025, st.integers(-30, 30))
def test_copy_of_the_official_calendar_agrees(day: dt.date, n: int) -> None:
    assert COPY.is_working_day(day) == OFFICIAL.is_working_day(day)
    assert COPY.add_working_days(day, n) == OFFICIAL.add_working_days(day, n)
    other = day + dt.timedelta(days=n * 3)
    assert COPY.working_days_between(day, other) == OFFICIAL.working_days_between(day, other)
    assert COPY.next_working_day(day) == OFFICIAL.next_working_day(day)
    assert COPY.previous_working_day(day, include_self=True) == OFFICIAL.previous_working_day(
        day, include_self=True
    )


def test_copy_of_counts_the_official_year() -> None:
    assert COPY.working_days_in(2025) == OFFICIAL.working_days_in(2025) == 247
    assert COPY.working_days_in(2025, 6) == OFFICIAL.working_days_in(2025, 6)


@given(small_calendars, any_days, any_days, any_days)
def test_between_is_additive(cal: SyntheticCalendar, a: dt.date, b: dt.date, c: dt.date) -> None:
    assert cal.working_days_between(a, b) + cal.working_days_between(b, c) == cal.working_days_between(a, c)


@settings(max_examples=50)
@given(small_calendars, st.dates(dt.date(2029, 6, 1), dt.date(2031, 6, 1)), st.integers(-40, 40))
def test_add_and_between_agree(cal: SyntheticCalendar, day: dt.date, n: int) -> None:
    shifted = cal.add_working_days(day, n)
    if n == 0:
        assert shifted == day
        return
    assert cal.is_working_day(shifted)
    if n > 0:
        assert cal.working_days_between(day + dt.timedelta(days=1), shifted + dt.timedelta(days=1)) == n
    else:
        assert cal.working_days_between(shifted, day) == -n


@given(small_calendars, st.dates(dt.date(2029, 6, 1), dt.date(2031, 6, 1)))
def test_between_counts_day_by_day(cal: SyntheticCalendar, day: dt.date) -> None:
    end = day + dt.timedelta(days=45)
    expected = sum(1 for i in range(45) if cal.is_working_day(day + dt.timedelta(days=i)))
    assert cal.working_days_between(day, end) == expected


def test_six_day_week_holidays_and_working_weekends() -> None:
    saturday = dt.date(2031, 3, 1)
    cal = SyntheticCalendar(weekend={6})
    assert cal.is_working_day(saturday)
    assert not cal.is_working_day(saturday + dt.timedelta(days=1))
    cal2 = SyntheticCalendar().with_working_days(saturday).with_holidays(dt.date(2031, 3, 3))
    assert cal2.is_working_day(saturday)
    assert not cal2.is_working_day(dt.date(2031, 3, 3))
    assert cal2.with_holidays(saturday).is_working_day(saturday) is False
    assert cal2.with_working_days(dt.date(2031, 3, 3)).is_working_day(dt.date(2031, 3, 3))


def test_synthetic_calendar_rejects_bad_input() -> None:
    day = dt.date(2030, 5, 4)
    with pytest.raises(ValueError, match="both"):
        SyntheticCalendar(holidays={day}, working_weekends={day})
    with pytest.raises(ValueError, match="seven"):
        SyntheticCalendar(weekend=range(7))
    with pytest.raises(ValueError, match="weekday"):
        SyntheticCalendar(weekend={7})
    with pytest.raises(TypeError):
        SyntheticCalendar().is_working_day("2030-05-04")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SyntheticCalendar().add_working_days(day, 1.5)  # type: ignore[arg-type]


def test_terms_resolve_against_a_synthetic_calendar() -> None:
    exam = dt.date(2030, 6, 3)  # a Monday
    cal = SyntheticCalendar(holidays={dt.date(2030, 5, 31)})  # the Friday before is off
    term = parse_term("не позднее чем за 1 рабочий день до дня проведения экзамена")
    (window,) = term.resolve(cal, {Anchor.EXAM_DAY: (exam,)}).windows
    assert window.end == dt.date(2030, 5, 30)


# ------------------------------------------------------------------ PlanBuilder


def _plan() -> kit.PlanBuilder:
    return (
        PlanBuilder(
            "demo",
            school_year=2023,
            title="Дорожная карта",
            level=PlanLevel.SCHOOL,
            glossary={"УО": "Управление образования администрации города"},
        )
        .section("1. Организационное сопровождение ГИА")
        .measure("1.1", "Совещание", term="до 01.12.2023", responsible="УО")
        .measure("1.2", "Отчёт", term="декабрь", after="1.1")
        .subsection("1.3 Подготовка ППЭ")
        .measure("1.3.1", "Проверка ППЭ", term="не позднее чем за 1 рабочий день до дня проведения экзамена")
        .end()
        .measure("1.4", "Итоги", after=["1.2", "1.3.1"], done=dt.date(2024, 7, 1))
        .section("2. Информационное сопровождение")
        .measure("2.1", "Публикация", term="постоянно", cancelled=dt.date(2023, 9, 5), notes=("n",))
    )


def test_builder_structure() -> None:
    plan = _plan().build()
    assert plan.id == "demo"
    assert plan.school_year == SchoolYear(2023)
    assert plan.level is PlanLevel.SCHOOL
    assert [s.kind for s in plan.sections] == [SectionKind.ORGANISATIONAL, SectionKind.INFORMATION]
    assert [str(m.measure.number) for m in plan.walk()] == ["1.1", "1.2", "1.4", "1.3.1", "2.1"]
    first, second = plan.sections
    assert first.number is not None
    assert first.number.parts == (1,)
    assert first.subgroups[0].heading == "1.3 Подготовка ППЭ"
    assert [m.ordinal for m in first.measures] == [0, 1, 2]
    assert second.measures[0].notes == ("n",)


def test_builder_reads_terms_and_parties() -> None:
    plan = _plan().build()
    (m11,) = plan.find("1.1")
    (m12,) = plan.find("1.2")
    (m131,) = plan.find("1.3.1")
    (m14,) = plan.find("1.4")
    assert isinstance(m11.measure.term, ByDate)
    assert m11.measure.term.raw == "до 01.12.2023"
    assert m12.measure.term.resolve(school_year=plan.school_year).windows[0].start == dt.date(2023, 12, 1)
    assert isinstance(m131.measure.term, Relative)
    assert isinstance(m14.measure.term, MissingTerm)
    (party,) = m11.measure.responsible
    assert party.quality is MatchQuality.EXACT
    assert party.body is not None
    assert party.body.name == "Управление образования администрации города"
    assert m14.measure.status.kind is StatusKind.DONE
    assert plan.find("2.1")[0].measure.status.kind is StatusKind.CANCELLED


def test_builder_dependencies_are_found_by_the_checks() -> None:
    plan = _plan().build()
    (m14,) = plan.find("1.4")
    assert [d.on.number for d in m14.measure.dependencies] == ["1.2", "1.3.1"]
    assert all(d.kind is DependencyKind.FINISH_TO_START for d in m14.measure.dependencies)
    assert m14.measure.dependencies[1].on.section == (0, 0)
    report = check(plan, calendar=OFFICIAL)
    assert "GR104" not in report.codes  # no dangling link


def test_builder_errors() -> None:
    with pytest.raises(ValueError, match="no measure"):
        PlanBuilder().measure("1", after="9").build()
    with pytest.raises(ValueError, match="end"):
        PlanBuilder().section("1").end()
    with pytest.raises(ValueError, match="both"):
        PlanBuilder().measure("1", done=dt.date(2024, 1, 1), cancelled=dt.date(2024, 1, 1))


def test_builder_defaults_and_term_values() -> None:
    term = ByDate(dt.date(2024, 5, 1), True, "до")
    plan = PlanBuilder().measure("", "без номера", term=term).measure("2", term="какой-то текст").build()
    assert plan.id == "test-plan"
    assert plan.school_year is None
    assert plan.measures[0].term == term
    assert isinstance(plan.measures[1].term, UnparsedTerm)
    assert plan.measures[1].term.resolve().status is ResolutionStatus.UNPARSED
    nested = PlanBuilder().subsection("x").measure("1").build()
    assert len(nested.sections) == 1
    assert nested.sections[0].subgroups[0].measures[0].number.raw == "1"


@settings(max_examples=50)
@given(kit.synthetic_calendars(dt.date(2031, 1, 1), dt.date(2031, 3, 31), max_working_weekends=8))
def test_synthetic_calendars_strategy(cal: SyntheticCalendar) -> None:
    span = (dt.date(2031, 1, 1), dt.date(2031, 3, 31))
    assert all(span[0] <= d <= span[1] for d in cal.holidays | cal.working_weekends)
    assert not cal.holidays & cal.working_weekends
    assert all(d.weekday() in cal.weekend for d in cal.working_weekends)
    assert cal.weekend in (frozenset({5, 6}), frozenset({6}))
    assert all(cal.is_working_day(d) for d in cal.working_weekends)
