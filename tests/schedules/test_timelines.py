"""Federal timeline rules: known outcomes, derived events for every exam day, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.events import derive, exam_events, resolve_per_exam_day
from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import (
    Confidence,
    ExamDay,
    ExamSchedule,
    OrderKind,
    ScheduleOrder,
    bundled_sources,
)
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import Bound, Relative, Unit
from gia_roadmap.calendar.timeline_data import federal_timelines
from gia_roadmap.calendar.timelines import DerivedEvents, TimelineEvent

CAL = RussianCalendar()
EV = TimelineEvent


def derived_for(year: int, exam: ExamKind, date: dt.date, subject: Subject | None = None) -> DerivedEvents:
    schedule = ExamSchedule.bundled(year)
    found = [
        d
        for d in derive(schedule, CAL)
        if d.day.exam is exam and d.day.date == date and (subject is None or subject in d.subjects)
    ]
    assert len(found) == 1, found
    return found[0]


def test_issue_example_reserve_day_16_06_2025() -> None:
    """«не позднее чем за 1 рабочий день до дня проведения экзамена» for 16.06.2025 is 11.06.2025."""
    term = Relative(1, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_DAY)
    ege = ExamSchedule.bundled(2024).filter(exam=ExamKind.EGE)
    assert dt.date(2025, 6, 16) in [d.date for d in ege.filter(period=PeriodKind.MAIN_RESERVE)]
    resolution = term.resolve(CAL, exam_events(ege, CAL))
    by_day = dict(zip(exam_events(ege)[Anchor.EXAM_DAY], resolution.windows, strict=True))
    assert by_day[dt.date(2025, 6, 16)].end == dt.date(2025, 6, 11)
    # 12.06 is a public holiday, 13.06 a transferred day off
    assert CAL.day_kind(dt.date(2025, 6, 12)).value == "holiday"
    assert CAL.day_kind(dt.date(2025, 6, 13)).value == "transferred_day_off"


@pytest.mark.parametrize(
    ("year", "exam", "day", "subject", "published"),
    [
        # exact matches of the published result dates
        (2023, ExamKind.EGE, dt.date(2024, 6, 13), Subject.PHYSICS, dt.date(2024, 6, 26)),  # kirov
        (
            2024,
            ExamKind.EGE,
            dt.date(2025, 6, 5),
            Subject.FOREIGN_LANGUAGES_WRITTEN,
            dt.date(2025, 6, 24),
        ),  # obr-118178
    ],
)
def test_published_results_exact(
    year: int, exam: ExamKind, day: dt.date, subject: Subject, published: dt.date
) -> None:
    assert derived_for(year, exam, day, subject).due(EV.RESULTS_PUBLISHED) == published


@pytest.mark.parametrize(
    ("year", "exam", "day", "subject", "published"),
    [
        (
            2023,
            ExamKind.EGE,
            dt.date(2024, 6, 11),
            Subject.BIOLOGY,
            dt.date(2024, 6, 25),
        ),  # yar: «до 26 июня»
        (2024, ExamKind.EGE, dt.date(2025, 5, 30), Subject.RUSSIAN, dt.date(2025, 6, 15)),  # orenburg
        (2024, ExamKind.EGE, dt.date(2025, 6, 2), Subject.PHYSICS, dt.date(2025, 6, 18)),  # 360-2025
        (
            2024,
            ExamKind.OGE,
            dt.date(2025, 6, 6),
            Subject.GEOGRAPHY,
            dt.date(2025, 6, 16),
        ),  # daytimenews (Moscow)
    ],
)
def test_published_results_not_later_than_the_rules(
    year: int, exam: ExamKind, day: dt.date, subject: Subject, published: dt.date
) -> None:
    latest = derived_for(year, exam, day, subject).due(EV.RESULTS_PUBLISHED)
    assert latest is not None
    assert published <= latest


def test_ege_chain_2024_06_13() -> None:
    d = derived_for(2023, ExamKind.EGE, dt.date(2024, 6, 13))
    assert [
        (x.event, x.due)
        for x in d.dates
        if x.rule
        and x.rule.key.startswith("gia11.")
        and x.event
        in (EV.PROCESSING_DONE, EV.CENTRAL_CHECK_DONE, EV.RESULTS_APPROVED, EV.RESULTS_TRANSFERRED)
    ] == [
        (EV.PROCESSING_DONE, dt.date(2024, 6, 17)),
        (EV.CENTRAL_CHECK_DONE, dt.date(2024, 6, 24)),
        (EV.RESULTS_APPROVED, dt.date(2024, 6, 25)),
        (EV.RESULTS_TRANSFERRED, dt.date(2024, 6, 26)),
    ]
    assert d.due(EV.PROCEDURE_APPEAL_SUBMISSION) == dt.date(2024, 6, 13)
    assert d.due(EV.PROCEDURE_APPEAL_DECISION) == dt.date(2024, 6, 17)
    assert d.due(EV.SCORE_APPEAL_SUBMISSION) == dt.date(2024, 6, 28)
    assert d.due(EV.SCORE_APPEAL_DECISION) == dt.date(2024, 7, 4)


def test_russian_takes_six_days_and_retake_days_split_by_subject() -> None:
    groups = [d for d in derive(ExamSchedule.bundled(2024), CAL) if d.day.date == dt.date(2025, 7, 3)]
    processing = {frozenset(g.subjects): g.due(EV.PROCESSING_DONE) for g in groups}
    assert processing[frozenset({Subject.RUSSIAN})] == dt.date(2025, 7, 9)
    others = [v for k, v in processing.items() if Subject.PHYSICS in k]
    assert others == [dt.date(2025, 7, 7)]


def test_oge_processing_depends_on_the_period() -> None:
    main = derived_for(2024, ExamKind.OGE, dt.date(2025, 6, 9))
    assert main.due(EV.PROCESSING_DONE) == dt.date(2025, 6, 19)  # 10 calendar days
    early = derived_for(2023, ExamKind.OGE, dt.date(2024, 5, 13))
    assert early.due(EV.PROCESSING_DONE) == dt.date(2024, 5, 18)  # 5 calendar days (reserve)
    # approval, transfer, publication one working day each
    assert main.due(EV.RESULTS_APPROVED) == dt.date(2025, 6, 20)
    assert main.due(EV.RESULTS_TRANSFERRED) == dt.date(2025, 6, 23)
    assert main.due(EV.RESULTS_PUBLISHED) == dt.date(2025, 6, 24)


@pytest.mark.parametrize(
    ("day", "cut_off"),
    [  # published application cut-offs of the итоговое сочинение (bratsk, sch26ptz, gym25, uo-nu)
        (dt.date(2024, 12, 4), dt.date(2024, 11, 20)),
        (dt.date(2025, 2, 5), dt.date(2025, 1, 22)),
        (dt.date(2025, 4, 9), dt.date(2025, 3, 26)),
        (dt.date(2025, 12, 3), dt.date(2025, 11, 19)),
        (dt.date(2026, 2, 4), dt.date(2026, 1, 21)),
        (dt.date(2026, 4, 8), dt.date(2026, 3, 25)),
    ],
)
def test_essay_application_cut_offs(day: dt.date, cut_off: dt.date) -> None:
    year = SchoolYear.containing(day).start_year
    assert derived_for(year, ExamKind.FINAL_ESSAY, day).due(EV.APPLICATION_DEADLINE) == cut_off


def test_essay_and_interview_checking() -> None:
    assert derived_for(2023, ExamKind.FINAL_ESSAY, dt.date(2023, 12, 6)).due(EV.CHECKING_DONE) == dt.date(
        2023, 12, 13
    )
    assert derived_for(2024, ExamKind.FINAL_ESSAY, dt.date(2024, 12, 4)).due(EV.CHECKING_DONE) == dt.date(
        2024, 12, 16
    )
    assert derived_for(2024, ExamKind.FINAL_ESSAY, dt.date(2025, 2, 5)).due(EV.CHECKING_DONE) == dt.date(
        2025, 2, 17
    )
    assert derived_for(2024, ExamKind.FINAL_ESSAY, dt.date(2025, 4, 9)).due(EV.CHECKING_DONE) == dt.date(
        2025, 4, 17
    )
    interview = derived_for(2023, ExamKind.FINAL_INTERVIEW, dt.date(2024, 2, 14))
    assert interview.due(EV.CHECKING_DONE) == dt.date(2024, 2, 19)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_derived_events_exist_for_every_exam_day(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    derived = derive(schedule, CAL)
    for day in schedule.days:
        mine = [d for d in derived if d.day == day]
        assert mine, day.label()
        for d in mine:
            if day.exam is ExamKind.GVE_11:
                # the ГИА-11 processing chain is modelled for the ЕГЭ only; the appeals hold for ГВЭ-11 too
                assert d.due(EV.PROCEDURE_APPEAL_DECISION) is not None, day.label()
            elif not day.exam.is_admission_test:  # ЕГЭ, ОГЭ, ГВЭ-9
                for event in (
                    EV.RESULTS_APPROVED,
                    EV.RESULTS_PUBLISHED,
                    EV.PROCEDURE_APPEAL_DECISION,
                    EV.SCORE_APPEAL_SUBMISSION,
                    EV.SCORE_APPEAL_DECISION,
                ):
                    assert d.due(event) is not None, (day.label(), event)
            else:
                assert d.due(EV.CHECKING_DONE) is not None
        if day.exam in (ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9):
            subjects = {s for d in mine for s in d.subjects}
            assert subjects == set(day.specific_subjects or exam_subjects(day.exam))


def test_events_anchors_from_derived() -> None:
    ege = ExamSchedule.bundled(2023).filter(exam=ExamKind.EGE)
    pooled = exam_events(ege, CAL)
    assert dt.date(2024, 6, 25) in pooled[Anchor.GEK_RESULTS_APPROVAL]
    assert dt.date(2024, 6, 13) in pooled[Anchor.APPEAL_SUBMISSION]
    assert dt.date(2024, 6, 28) in pooled[Anchor.APPEAL_SUBMISSION]
    assert pooled[Anchor.AK_WORK_START] == tuple(d.date for d in ege.days)


def test_rules_are_cited_and_typed() -> None:
    registry = {s.key for s in bundled_sources()}
    keys = set()
    for timeline in federal_timelines():
        for rule in timeline.rules:
            assert rule.key not in keys
            keys.add(rule.key)
            assert set(rule.sources) <= registry
            assert rule.sources or rule.confidence is Confidence.C
            assert rule.wording
            if rule.after.anchor is not None:
                term = rule.term
                assert term is not None
                assert term.anchor is rule.after.anchor
                assert (term.offset, term.unit, term.bound) == (rule.offset, rule.unit, rule.bound)
            else:
                assert rule.term is None


def test_without_inferences() -> None:
    strict = federal_timelines(include_inferences=False)
    assert all(r.confidence is not Confidence.C for t in strict for r in t.rules)
    d = next(
        x
        for x in derive(ExamSchedule.bundled(2023), CAL, timelines=strict)
        if x.day.date == dt.date(2024, 6, 13) and x.day.exam is ExamKind.EGE
    )
    assert d.due(EV.RESULTS_PUBLISHED) is None
    assert d.due(EV.PROCEDURE_APPEAL_DECISION) == dt.date(2024, 6, 17)


def test_six_day_week_changes_working_day_rules() -> None:
    six = RussianCalendar(work_week="six_day")
    five = derived_for(2023, ExamKind.EGE, dt.date(2024, 6, 13))
    sat = next(
        d
        for d in derive(ExamSchedule.bundled(2023), six)
        if d.day.date == dt.date(2024, 6, 13) and d.day.exam is ExamKind.EGE
    )
    due_six, due_five = sat.due(EV.RESULTS_PUBLISHED), five.due(EV.RESULTS_PUBLISHED)
    assert due_six is not None
    assert due_five is not None
    assert due_six < due_five


def test_resolve_per_exam_day() -> None:
    ege = ExamSchedule.bundled(2024).filter(exam=ExamKind.EGE, period=PeriodKind.MAIN_RESERVE)
    terms = [
        Relative(1, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_DAY),
        Relative(2, Unit.CALENDAR_DAY, Bound.LATEST_AFTER, Anchor.GEK_RESULTS_APPROVAL),
    ]
    results = resolve_per_exam_day(terms, ege, CAL)
    assert [r.day.date for r in results] == [d.date for d in ege.days]
    first = results[0]
    assert first.day.date == dt.date(2025, 6, 16)
    assert first.resolutions[0].due == dt.date(2025, 6, 11)
    assert first.resolutions[1].resolved


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_ORDER = ScheduleOrder("test", OrderKind.SCHEDULE, "test", tuple(ExamKind))
_PERIODS: dict[ExamKind, list[PeriodKind]] = {
    ExamKind.EGE: [p for p in PeriodKind if not p.for_admission_tests],
    ExamKind.OGE: [p for p in PeriodKind if not p.for_admission_tests and p is not PeriodKind.RETAKE],
}


def one_day(day: dt.date, exam: ExamKind, period: PeriodKind, subject: Subject) -> ExamSchedule:
    row = ExamDay(day, exam, period, (subject,), Confidence.A, ("tvn",), "test")
    return ExamSchedule(SchoolYear.containing(day), (_ORDER,), (row,))


@st.composite
def exam_cases(draw: st.DrawFn) -> tuple[ExamKind, PeriodKind, Subject, dt.date, dt.date]:
    exam: ExamKind = draw(st.sampled_from([ExamKind.EGE, ExamKind.OGE]))
    period = draw(st.sampled_from(_PERIODS[exam]))
    subject = draw(st.sampled_from(exam_subjects(exam)))
    first = draw(st.dates(dt.date(2014, 1, 1), dt.date(2026, 9, 30)))
    second = first + dt.timedelta(days=draw(st.integers(0, 60)))
    return exam, period, subject, first, second


def chain(exam: ExamKind, period: PeriodKind, subject: Subject, day: dt.date) -> DerivedEvents:
    (derived,) = derive(one_day(day, exam, period, subject), CAL)
    return derived


@settings(deadline=None)
@given(exam_cases())
def test_derived_dates_are_monotone_in_the_exam_day(
    case: tuple[ExamKind, PeriodKind, Subject, dt.date, dt.date],
) -> None:
    exam, period, subject, first, second = case
    a, b = chain(exam, period, subject, first), chain(exam, period, subject, second)
    assert [d.event for d in a.dates] == [d.event for d in b.dates]
    for x, y in zip(a.dates, b.dates, strict=True):
        assert x.due <= y.due, (x.event, first, second)


@settings(deadline=None)
@given(exam_cases())
def test_chain_order(case: tuple[ExamKind, PeriodKind, Subject, dt.date, dt.date]) -> None:
    exam, period, subject, day, _ = case
    d = chain(exam, period, subject, day)

    def due(event: TimelineEvent) -> dt.date:
        value = d.due(event)
        assert value is not None
        return value

    assert due(EV.RESULTS_APPROVED) > day
    assert day < due(EV.PROCESSING_DONE) <= due(EV.RESULTS_APPROVED) <= due(EV.RESULTS_TRANSFERRED)
    assert due(EV.RESULTS_TRANSFERRED) <= due(EV.RESULTS_PUBLISHED) < due(EV.SCORE_APPEAL_SUBMISSION)
    assert due(EV.SCORE_APPEAL_SUBMISSION) < due(EV.SCORE_APPEAL_DECISION)
    assert due(EV.PROCEDURE_APPEAL_SUBMISSION) == day < due(EV.PROCEDURE_APPEAL_DECISION)
    for event in (
        EV.RESULTS_APPROVED,
        EV.RESULTS_TRANSFERRED,
        EV.SCORE_APPEAL_SUBMISSION,
        EV.SCORE_APPEAL_DECISION,
    ):
        assert CAL.is_working_day(due(event))
    for x in d.dates:
        assert x.window.start <= x.window.end


@settings(deadline=None)
@given(st.dates(dt.date(2013, 2, 1), dt.date(2027, 12, 31)))
def test_latest_one_working_day_before(day: dt.date) -> None:
    term = Relative(1, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_DAY)
    due = term.resolve(CAL, {Anchor.EXAM_DAY: (day,)}).due
    assert due is not None
    assert due < day
    assert CAL.is_working_day(due)
    assert CAL.working_days_between(due + dt.timedelta(days=1), day) == 0
