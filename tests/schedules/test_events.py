"""Exam events: each carries its scope; the collection filters by scope and is the anchor map of terms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.events import EventScope, ExamEvents, exam_events
from gia_roadmap.calendar.exams import ExamKind, ExamStage, PeriodKind, Subject
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import ExamSchedule, bundled_school_years
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import Bound, Relative, Unit
from gia_roadmap.errors import DateTypeError

CAL = RussianCalendar()
YEARS = bundled_school_years()


@pytest.fixture(scope="module", params=YEARS)
def year(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def _day_dates(schedule: ExamSchedule) -> tuple[dt.date, ...]:
    """The days of the exams of the ГИА (not the admission tests)."""
    return tuple(sorted({d.date for d in schedule.days if not d.exam.is_admission_test}))


def test_every_exam_day_is_an_event_with_its_scope(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    events = exam_events(schedule)
    days = (*events.of(Anchor.EXAM_DAY), *events.of(Anchor.ESSAY_DAY), *events.of(Anchor.INTERVIEW_DAY))
    assert len(days) == len(schedule.days)
    for day in schedule.days:
        (event,) = [e for e in days if e.when == day.date and e.exam is day.exam]
        expected = {ExamKind.FINAL_ESSAY: Anchor.ESSAY_DAY, ExamKind.FINAL_INTERVIEW: Anchor.INTERVIEW_DAY}
        assert event.anchor is expected.get(day.exam, Anchor.EXAM_DAY)
        assert event.period is day.period
        assert event.stage is day.period.stage
        assert event.reserve is day.period.is_reserve
        assert event.subjects == day.specific_subjects
        assert event.confidence is day.confidence
        assert event.sources == day.sources
    # a year may have admission tests only (2026/27): then no exam day at all
    assert events.get(Anchor.EXAM_DAY, ()) == _day_dates(schedule)
    assert events.get(Anchor.EXAM_START, ()) == events.get(Anchor.EXAM_DAY, ())


@pytest.mark.parametrize("exam", list(ExamKind))
def test_filtering_events_by_exam_is_filtering_the_schedule(year: int, exam: ExamKind) -> None:
    schedule = ExamSchedule.bundled(year)
    filtered = exam_events(schedule).filter(exams={exam})
    assert filtered == exam_events(schedule.filter(exam=exam))
    assert all(e.exam is exam for e in filtered.events)


@pytest.mark.parametrize("subject", [s for s in Subject if not s.is_collective])
def test_filtering_days_by_subject_is_filtering_the_schedule(subject: Subject) -> None:
    schedule = ExamSchedule.bundled(2024)
    events = exam_events(schedule).filter(subjects=subject)
    exams = [d for d in schedule.days if not d.exam.is_admission_test]
    unknown = {d.date for d in exams if not d.specific_subjects}  # any subject may be on such a day
    expected = {d.date for d in exams if d.covers(subject)} | unknown
    assert set(events.get(Anchor.EXAM_DAY, ())) == expected
    # a period is the period of every subject of its exam
    assert events[Anchor.MAIN_PERIOD] == exam_events(schedule)[Anchor.MAIN_PERIOD]


def test_reserve_and_stage_filters(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    events = exam_events(schedule)
    reserve = events.filter(reserve=True, exams=ExamKind.EGE)
    assert set(reserve.get(Anchor.EXAM_DAY, ())) == {  # 2026/27 has no exam day yet
        d.date for d in schedule.days if d.exam is ExamKind.EGE and d.period.is_reserve
    }
    main = events.filter(stages=ExamStage.MAIN, reserve=False, exams=ExamKind.OGE)
    assert set(main.get(Anchor.EXAM_DAY, ())) == {
        d.date for d in schedule.days if d.exam is ExamKind.OGE and d.period is PeriodKind.MAIN
    }
    assert all(isinstance(w, DateWindow) for w in main.get(Anchor.MAIN_PERIOD, ()))
    assert Anchor.EARLY_PERIOD not in main


def test_scope_argument_and_keywords_both_apply() -> None:
    events = exam_events(ExamSchedule.bundled(2024))
    scope = EventScope(exams={ExamKind.EGE, ExamKind.OGE})
    both = events.filter(scope, exams=ExamKind.OGE)
    assert both.exams == (ExamKind.OGE,)
    assert EventScope().is_everything
    assert not scope.is_everything
    with pytest.raises(DateTypeError, match="exams"):
        EventScope(exams=["ege"])  # type: ignore[list-item]


def test_derived_events_carry_the_exam_day_scope() -> None:
    schedule = ExamSchedule.bundled(2023)
    events = exam_events(schedule, CAL)
    approvals = events.of(Anchor.GEK_RESULTS_APPROVAL)
    assert approvals
    for event in approvals:
        assert event.rule
        assert event.exam in (ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11)
        assert event.period is not None
    ege = events.filter(exams=ExamKind.EGE)
    assert dt.date(2024, 6, 25) in ege[Anchor.GEK_RESULTS_APPROVAL]
    assert ege[Anchor.AK_WORK_START] == _day_dates(schedule.filter(exam=ExamKind.EGE))
    # without a calendar there are no derived events
    assert Anchor.GEK_RESULTS_APPROVAL not in exam_events(schedule)


def test_the_collection_is_the_anchor_map_terms_take() -> None:
    schedule = ExamSchedule.bundled(2024).filter(exam=ExamKind.EGE, period=PeriodKind.MAIN_RESERVE)
    events = exam_events(schedule, CAL)
    term = Relative(1, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_DAY)
    resolution = term.resolve(CAL, events)
    assert resolution.windows[0].end == dt.date(2025, 6, 11)
    assert dict(events) == {a: events[a] for a in events}
    assert len(events) == len(list(events))


@given(st.sets(st.sampled_from(list(ExamKind))), st.sets(st.sampled_from(list(ExamStage))), st.booleans())
def test_filters_narrow_and_compose(kinds: set[ExamKind], stages: set[ExamStage], reserve: bool) -> None:
    events = _EVENTS
    narrowed = events.filter(exams=kinds, stages=stages, reserve=reserve)
    stepwise = events.filter(exams=kinds).filter(stages=stages).filter(reserve=reserve)
    assert narrowed == stepwise
    assert set(narrowed.events) <= set(events.events)
    for anchor, dates in narrowed.items():
        assert set(dates) <= set(events[anchor])


_EVENTS: ExamEvents = exam_events(ExamSchedule.bundled(2025), CAL)


def test_exam_never_means_the_admission_tests(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    events = exam_events(schedule, CAL)
    essays = {d.date for d in schedule.days if d.exam is ExamKind.FINAL_ESSAY}
    interviews = {d.date for d in schedule.days if d.exam is ExamKind.FINAL_INTERVIEW}
    assert set(events.get(Anchor.ESSAY_DAY, ())) == essays
    assert set(events.get(Anchor.INTERVIEW_DAY, ())) == interviews
    for anchor in (Anchor.EXAM_DAY, Anchor.EXAM_START, Anchor.AK_WORK_START):
        assert not any(e.exam.is_admission_test for e in events.of(anchor))
    assert events.filter(exams={ExamKind.FINAL_ESSAY}).get(Anchor.EXAM_DAY) is None


def test_derived_events_under_every_anchor_that_names_them() -> None:
    events = exam_events(ExamSchedule.bundled(2023), CAL).filter(exams=ExamKind.OGE)
    # ОГЭ 2024-05-21 (main period): processed by Fri 05-31 (10 calendar days), approved Mon 06-03, at
    # the schools 06-04, announced (the official day of results) 06-05
    assert dt.date(2024, 6, 4) in events[Anchor.RESULTS_RECEIVED]
    assert dt.date(2024, 6, 5) in events[Anchor.RESULTS_ANNOUNCED]
    assert events[Anchor.RESULTS_ANNOUNCED] == events[Anchor.RESULTS_PUBLISHED]
    assert events[Anchor.APPEAL_RECEIVED] == events[Anchor.APPEAL_TRANSFER]


def test_a_year_without_a_schedule_says_so() -> None:
    from gia_roadmap.calendar.events import exam_events_for
    from gia_roadmap.calendar.schoolyear import SchoolYear

    missing = exam_events_for(2019, CAL)
    assert len(missing) == 0
    assert missing.uncovered == SchoolYear(2019)
    assert missing.notice == "нет расписания экзаменов на 2019/20 учебный год"
    assert missing.filter(exams=ExamKind.EGE).notice == missing.notice
    bundled = exam_events_for(SchoolYear(2021), CAL)
    assert bundled.uncovered is None
    assert bundled.notice == ""
    assert bundled == exam_events(ExamSchedule.bundled(2021), CAL)
