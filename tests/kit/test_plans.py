"""Realistic plans from the strategies: clean ones have no finding, every planted defect is found where
the strategy says it is (and nothing else is), and a failing property shrinks to a plan of a few measures.

Profiles (``GIA_KIT_PROFILE``), the health checks on in each: ``kit-ci`` draws 25 plans per property,
deterministically (the default under ``CI``), ``kit-dev`` 25 (elsewhere), ``kit-long`` 2,000 (run by
hand; see docs/testing.md)::

    GIA_KIT_PROFILE=kit-long python -m pytest tests/kit/test_plans.py -p no:cacheprovider
"""

from __future__ import annotations

import functools
import os

import pytest
from hypothesis import find, given, settings

from gia_roadmap import strategies as gst
from gia_roadmap.calendar import ExamSchedule, RussianCalendar, SchoolYear, exam_events
from gia_roadmap.calendar.terms import EventDates
from gia_roadmap.errors import GiaRoadmapError, Location
from gia_roadmap.plan import PlanLevel, Roadmap, Section, SectionKind
from gia_roadmap.plan.checks import CATALOGUE, check
from gia_roadmap.plan.findings import Report

settings.register_profile("kit-dev", max_examples=25, deadline=None)
settings.register_profile("kit-ci", max_examples=25, deadline=None, derandomize=True)
settings.register_profile("kit-long", max_examples=2_000, deadline=None, database=None)
PROFILE = settings.get_profile(
    os.environ.get("GIA_KIT_PROFILE", "kit-ci" if os.environ.get("CI") else "kit-dev")
)
FEW = settings(PROFILE, max_examples=max(5, PROFILE.max_examples // 5))
SHRINK = settings(max_examples=100, deadline=None, derandomize=True, database=None)
"""For find(): deterministic, so that the size of the smallest example does not depend on the run."""
CALENDAR = RussianCalendar()


@functools.cache
def events(school_year: SchoolYear) -> EventDates:
    return exam_events(ExamSchedule.bundled(school_year), CALENDAR)


def run(plan: Roadmap) -> Report:
    assert plan.school_year is not None
    return check(plan, calendar=CALENDAR, events=events(plan.school_year))


@settings(PROFILE)
@given(gst.roadmaps())
def test_a_clean_plan_has_no_findings_and_no_notices(plan: Roadmap) -> None:
    report = run(plan)
    assert [f.to_text() for f in report.findings] == []
    assert [f.to_text() for f in report.notices] == []


@settings(PROFILE)
@given(gst.defective_roadmaps())
def test_every_planted_defect_is_found_and_nothing_else(case: gst.DefectivePlan) -> None:
    report = run(case.roadmap)
    assert case.missed(report) == ()
    assert report.codes == case.codes, [f.to_text() for f in report.findings]
    assert run(case.clean).findings == ()


@pytest.mark.parametrize("code", gst.DEFECT_KINDS)
def test_each_kind_is_planted_where_it_says(code: str) -> None:
    @FEW
    @given(gst.defective_roadmaps([code]))
    def planted(case: gst.DefectivePlan) -> None:
        (defect,) = case.defects
        assert defect.code == code
        assert CATALOGUE[code].name  # a code of the catalogue
        report = run(case.roadmap)
        assert defect.found_in(report), [f.to_text() for f in report.findings]
        assert not defect.found_in(run(case.clean))
        measure = defect.location.measure
        if measure:  # the place names a measure of the plan
            assert measure in {m.number.raw for m in case.roadmap.measures}

    planted()


@pytest.mark.parametrize("level", [PlanLevel.REGIONAL, PlanLevel.MUNICIPAL, PlanLevel.SCHOOL])
def test_plans_of_each_level(level: PlanLevel) -> None:
    @FEW
    @given(gst.roadmaps(level=level, size=(3, 8), school_year=2023))
    def drawn(plan: Roadmap) -> None:
        assert plan.level is level
        assert plan.school_year == SchoolYear(2023)
        assert 3 <= sum(len(s.measures) for s in ordinary(plan)) <= 8
        assert run(plan).findings == ()

    drawn()


def test_a_failing_property_on_a_planted_defect_shrinks_to_a_few_measures() -> None:
    """A property that fails on every plan with a duplicate number shrinks to the smallest such plan:
    one section of one measure and its duplicate, plus the municipal training measure."""
    smallest = find(
        gst.defective_roadmaps(["GR501"]),
        lambda case: not case.missed(run(case.roadmap)) and len(case.roadmap.measures) >= 1,
        settings=SHRINK,
    )
    assert len(smallest.roadmap.measures) <= 3
    assert len(smallest.roadmap.sections) <= 2
    for measure in smallest.roadmap.measures:  # readable: deadlines as documents write them
        assert measure.term.raw


def ordinary(plan: Roadmap) -> list[Section]:
    return [s for s in plan.sections if s.kind is not SectionKind.STAFF_TRAINING]


def test_a_clean_plan_shrinks_to_one_section() -> None:
    """A property that fails on every plan of three measures or more shrinks to three measures in one
    section (beside the training the level requires)."""
    smallest = find(
        gst.roadmaps(),
        lambda plan: sum(len(s.measures) for s in ordinary(plan)) >= 3,
        settings=SHRINK,
    )
    assert len(ordinary(smallest)) == 1
    assert len(ordinary(smallest)[0].measures) == 3


def test_defective_plans_of_several_kinds_keep_the_places_apart() -> None:
    kinds = ("GR501", "GR502", "GR503", "GR506", "GR102", "GR202", "GR301")

    @FEW
    @given(gst.defective_roadmaps(kinds, size=(1, 3)))
    def apart(case: gst.DefectivePlan) -> None:
        assert [d.code for d in case.defects] == list(kinds)
        assert case.missed(run(case.roadmap)) == ()
        places = [(d.location.section_path, d.location.measure) for d in case.defects]
        assert len(set(places)) == len(places)

    apart()


def test_a_planted_defect_is_not_found_in_another_place() -> None:
    defect = gst.PlantedDefect(code="GR501", location=Location(plan="plan", section_path=(0,), measure="7"))
    plan = find(gst.defective_roadmaps(["GR501"], size=1), lambda case: True)
    assert not defect.found_in(run(plan.roadmap))
    assert plan.defects[0].found_in(run(plan.roadmap))


@pytest.mark.parametrize(
    "make",
    [
        lambda: gst.roadmaps(size=0),
        lambda: gst.roadmaps(size=(5, 2)),
        lambda: gst.roadmaps(level=PlanLevel.FEDERAL),
        lambda: gst.defective_roadmaps(["GR999"]),
        lambda: gst.defective_roadmaps([]),
    ],
)
def test_bad_arguments_say_what_is_valid(make: object) -> None:
    with pytest.raises(GiaRoadmapError):
        make()  # type: ignore[operator]


def test_training_defects_need_a_plan_that_trains() -> None:
    with pytest.raises(GiaRoadmapError, match="school plan trains no exam staff"):
        gst.defective_roadmaps(["GR601"], level=PlanLevel.SCHOOL)


@FEW
@given(gst.defective_roadmaps(level=PlanLevel.SCHOOL))
def test_a_school_plan_draws_the_kinds_it_can_have(case: gst.DefectivePlan) -> None:
    assert not case.codes & {"GR601", "GR602"}
    assert case.missed(run(case.roadmap)) == ()


@settings(PROFILE, max_examples=3)
@given(gst.roadmaps(level=PlanLevel.MUNICIPAL, size=120))
def test_a_large_plan_overloads_no_one(plan: Roadmap) -> None:
    """Deadlines of one month are spread over the parties (GR702 fires above 15 a month per body)."""
    assert run(plan).findings == ()


@FEW
@given(gst.defective_roadmaps(["GR601", "GR602"]))
def test_training_defects_draw_plans_that_train(case: gst.DefectivePlan) -> None:
    assert case.roadmap.level in (PlanLevel.REGIONAL, PlanLevel.MUNICIPAL)
    assert case.missed(run(case.roadmap)) == ()
