"""The public strategies: one module, every public value type drawn by construction (Hypothesis' health
checks on), terms that read back from their rendering, days the calendar covers, bundled exam days."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import _hypothesis
from gia_roadmap import strategies as gst
from gia_roadmap.calendar import (
    Anchor,
    Bound,
    ExamKind,
    ExamSchedule,
    ExamScope,
    OpenAnchor,
    Relative,
    RussianCalendar,
    SchoolYear,
    Unit,
    parse_term,
    render,
)
from gia_roadmap.calendar.schedule import bundled_school_years
from gia_roadmap.calendar.terms import TERM_CLASSES, Label, MissingTerm, Note, Term, UnparsedTerm

OFFICIAL = RussianCalendar()
RULES_ONLY = RussianCalendar(rules_only=True)
NOT_READ_ALONE = (Label, Note, UnparsedTerm, MissingTerm)
READ_ALONE = [cls for cls in TERM_CLASSES if cls not in NOT_READ_ALONE]

# Public classes with no strategy, and why: what the library computes from drawn inputs, the services
# that compute it, and the reference data it ships (read it from the library).
NOT_DRAWN = {
    # computed: run the library on drawn inputs
    "Resolution": "computed",
    "ExamDayResolution": "computed",
    "ExamEvent": "computed",
    "ExamEvents": "computed",
    "DerivedDate": "computed",
    "DerivedEvents": "computed",
    "EventScope": "computed",
    "Timeline": "computed",
    "CalendarDay": "computed",
    "CategoryMention": "computed",
    "Finding": "computed",
    "Report": "computed",
    "ReportSummary": "computed",
    "DanglingLink": "computed",
    "EventNode": "computed",
    "ImplementsLink": "computed",
    "Link": "computed",
    "SuggestedLink": "computed",
    "MeasureState": "computed",
    "NodeSchedule": "computed",
    "PlanSummary": "computed",
    "Schedule": "computed",
    "Violation": "computed",
    "PlanSchedule": "computed",
    "ScheduleRow": "computed",
    "ExecutionReport": "computed",
    "ExecutionRow": "computed",
    "RollForward": "computed",
    "RollChange": "computed",
    "PlanDiff": "computed",
    "MeasureChange": "computed",
    "RoadmapBuilder": "service",
    "AdmissionDate": "computed",
    "PlanSet": "computed",  # built from drawn plans (PlanSet.build)
    "PlanLinks": "computed",
    "ItemLink": "computed",
    "LinkSuggestion": "computed",
    "CascadeReport": "computed",
    # services and options
    "RussianCalendar": "service",
    "WorkingDayCalendar": "service",
    "TermLike": "service",
    "ResponsibleResolver": "service",
    "DependencyGraph": "service",
    "EventBinder": "service",
    "CheckContext": "service",
    "CheckOptions": "options",
    "ResolveOptions": "options",
    "Suppression": "options",
    "CodeInfo": "catalogue",
    # reference data shipped with the library
    "AdmissionProcedure": "data",
    "AdmissionRule": "data",
    "Applicability": "data",
    "Decree": "data",
    "FederalSubject": "data",
    "JointAssessment": "data",
    "RegionalDay": "data",
    "RegionalYear": "data",
    "SpecialPeriod": "data",
    "TimelineRule": "data",
    "Transfer": "data",
    "WeekData": "data",
    "YearData": "data",
}


def _name(cls: object) -> str:
    return str(getattr(cls, "__name__", cls))


def _public_classes() -> dict[str, type]:
    classes: dict[str, type] = {}
    for package in ("gia_roadmap", "gia_roadmap.calendar", "gia_roadmap.plan"):
        module = importlib.import_module(package)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and not issubclass(value, enum.Enum | BaseException):
                classes[name] = value
    return classes


DRAWN = sorted(
    (cls for cls in _public_classes().values() if gst.strategy_for(cls) is not NotImplemented), key=_name
)


def test_one_public_module_and_nothing_else_in_dir() -> None:
    assert dir(gst) == sorted(gst.__all__)
    assert all(callable(getattr(gst, name)) for name in gst.__all__ if name != "DEFECT_KINDS")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("gia_roadmap.strategies_terms")


def test_every_public_value_type_has_a_strategy() -> None:
    classes = _public_classes()
    drawn = {name for name, cls in classes.items() if gst.strategy_for(cls) is not NotImplemented}
    assert sorted(set(classes) - drawn - set(NOT_DRAWN)) == []  # new public types need a strategy
    assert sorted(drawn & set(NOT_DRAWN)) == []
    assert sorted(set(NOT_DRAWN) - set(classes)) == []  # (the list keeps up with the API)


def test_the_entry_point_registers_every_drawn_type() -> None:
    assert {cls.__module__ for cls in DRAWN} == set(_hypothesis.TYPE_MODULES)


@pytest.mark.parametrize("cls", DRAWN, ids=_name)
def test_from_type_builds_valid_values_with_the_health_checks_on(cls: type) -> None:
    @settings(max_examples=10, deadline=None, database=None)
    @given(st.from_type(cls))
    def draws(value: object) -> None:
        assert isinstance(value, cls)
        if attrs.has(cls):  # valid: its own constructor accepts its fields again
            assert attrs.evolve(value) == value  # type: ignore[misc]

    draws()


# ------------------------------------------------------------------ terms


@pytest.mark.parametrize("cls", READ_ALONE, ids=_name)
def test_from_type_terms_read_back_with_or_without_a_school_year(cls: type) -> None:
    @settings(max_examples=30, deadline=None)
    @given(st.from_type(cls), gst.school_years())
    def reads_back(term: Term, school_year: SchoolYear) -> None:
        text = render(term)
        assert term.raw == text
        assert parse_term(text) == term, text
        assert parse_term(text, school_year=school_year) == term, text

    reads_back()


@pytest.mark.parametrize("cls", READ_ALONE, ids=_name)
def test_terms_of_a_school_year_read_back_in_it(cls: type) -> None:
    @settings(max_examples=30, deadline=None)
    @given(st.data())
    def reads_back(data: st.DataObject) -> None:
        school_year = data.draw(gst.school_years())
        term: Term = data.draw(gst.term_of(cls, school_year))
        assert type(term) is cls
        assert parse_term(render(term), school_year=school_year) == term, render(term)

    reads_back()


@settings(deadline=None)
@given(gst.terms())
def test_terms_read_back_without_a_school_year(term: Term) -> None:
    assert parse_term(render(term)) == term, render(term)


def test_the_qualifiers_read_back_beside_a_date_only() -> None:
    @settings(max_examples=20, deadline=None)
    @given(gst.labels() | gst.notes(), gst.day_refs())
    def beside_a_date(qualifier: Label | Note, day: object) -> None:
        from gia_roadmap.calendar.terms import Compound, ExactDate

        term = Compound(ExactDate(day), qualifier, True)  # type: ignore[arg-type]
        assert parse_term(render(term)) == term

    beside_a_date()


@pytest.mark.parametrize("unit", list(Unit), ids=lambda u: u.name)
def test_relative_terms_have_the_unit_and_anchor_asked_for(unit: Unit) -> None:
    @settings(max_examples=20, deadline=None)
    @given(st.data())
    def asked(data: st.DataObject) -> None:
        anchor = data.draw(st.sampled_from([a for a in Anchor if not a.is_period]) | gst.open_anchors())
        term = data.draw(gst.relative_terms(anchor=anchor, unit=unit))
        assert (term.anchor, term.unit) == (anchor, unit)
        assert (term.offset == 0) == (unit is Unit.NONE)
        assert parse_term(render(term)) == term, render(term)

    asked()


@pytest.mark.parametrize("bound", list(Bound), ids=lambda b: b.name)
def test_relative_terms_have_the_bound_asked_for(bound: Bound) -> None:
    @settings(max_examples=20, deadline=None)
    @given(gst.relative_terms(bound=bound))
    def asked(term: Relative) -> None:
        assert term.bound is bound
        assert (term.unit is Unit.NONE) != bound.takes_offset
        assert parse_term(render(term)) == term, render(term)

    asked()


def test_relative_terms_refuse_what_cannot_be_written() -> None:
    with pytest.raises(ValueError, match="period"):
        gst.relative_terms(anchor=Anchor.EXAM_PERIOD)
    with pytest.raises(ValueError, match="takes a count"):
        gst.relative_terms(unit=Unit.NONE, bound=Bound.EXACT_BEFORE)
    with pytest.raises(ValueError, match="takes no count"):
        gst.relative_terms(unit=Unit.WORKING_DAY, bound=Bound.EVE)


@settings(deadline=None)
@given(st.from_type(Relative))
def test_a_relative_term_never_has_a_made_up_detail(term: Relative) -> None:
    # the example: offset 0 with detail '0' did not read back
    assert term.detail in ("", "ГИА-9", "ГИА-11", "ЕГЭ", "ОГЭ", "2024 года")
    if isinstance(term.anchor, OpenAnchor):
        assert term.detail == ""


# ------------------------------------------------------------------ days and school years


@given(gst.covered_dates())
def test_covered_dates_are_answered_by_the_official_calendar(day: dt.date) -> None:
    first, last = OFFICIAL.official_years
    assert first <= day.year <= last
    OFFICIAL.is_working_day(day)  # never CalendarCoverageError


@given(gst.covered_dates(rules_only=True))
def test_rules_only_dates_are_answered_by_a_rules_only_calendar(day: dt.date) -> None:
    RULES_ONLY.is_working_day(day)


@given(gst.working_days())
def test_working_days_are_working_days(day: dt.date) -> None:
    assert OFFICIAL.is_working_day(day)


@given(gst.working_days(RussianCalendar(region="RU-TA", work_week="six_day")))
def test_working_days_of_any_calendar(day: dt.date) -> None:
    assert RussianCalendar(region="RU-TA", work_week="six_day").is_working_day(day)


@given(gst.school_years())
def test_school_years_are_covered_whole(school_year: SchoolYear) -> None:
    OFFICIAL.working_days_between(school_year.start, school_year.end)


@given(gst.school_years(rules_only=True))
def test_rules_only_school_years_are_covered_whole(school_year: SchoolYear) -> None:
    RULES_ONLY.working_days_between(school_year.start, school_year.end)


@given(gst.school_years(with_schedule=True))
def test_school_years_with_a_schedule_have_exam_days(school_year: SchoolYear) -> None:
    schedule = ExamSchedule.bundled(school_year)
    assert {ExamKind.EGE, ExamKind.OGE} <= {day.exam for day in schedule.days}


@pytest.mark.parametrize(
    "scope", [None, ExamScope.GIA_9, ExamScope.GIA_11, ExamScope.FINAL_ESSAY, ExamKind.EGE], ids=str
)
def test_exam_days_are_bundled_days_of_the_scope(scope: ExamScope | ExamKind | None) -> None:
    kinds = (
        set(ExamKind) if scope is None else {scope} if isinstance(scope, ExamKind) else set(scope.exam_kinds)
    )

    @settings(max_examples=20)
    @given(gst.exam_days(scope))
    def bundled(day: object) -> None:
        assert day.exam in kinds  # type: ignore[attr-defined]
        assert any(day in ExamSchedule.bundled(year).days for year in bundled_school_years())

    bundled()


def test_exam_days_of_a_year_without_them_say_so() -> None:
    with pytest.raises(ValueError, match="no bundled exam days"):
        gst.exam_days(ExamScope.VPR)
