"""Property tests of the cascade checks on generated plan sets (:func:`gia_roadmap.strategies.plan_sets`):
every planted defect is found where it was planted, nothing else is reported, and the clean twin is
silent."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.checks.plans import calendar

from gia_roadmap import strategies as gst
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import PlanLevel, PlanSet, check_plans
from gia_roadmap.plan.checks.sets import CASCADE_CODES, CascadeReport

# each example checks a few small plans; the CI profile's 300 would take minutes
CASCADE = settings(max_examples=30, deadline=None)


def run(plans: PlanSet) -> CascadeReport:
    return check_plans(plans, calendar=calendar(), cascade_only=True)


@CASCADE
@given(gst.plan_sets())
def test_a_clean_set_has_no_cascade_finding(case: gst.PlanSetCase) -> None:
    assert case.defects == ()
    assert case.plans == case.clean
    assert run(case.plan_set()).cascade == ()


@pytest.mark.parametrize("code", sorted(CASCADE_CODES))
def test_each_code_fires_on_its_defect_and_only_there(code: str) -> None:
    @CASCADE
    @given(gst.plan_sets([code]))
    def planted(case: gst.PlanSetCase) -> None:
        (defect,) = case.defects
        assert defect.code == code
        report = run(case.plan_set())
        assert case.missed(report) == ()
        assert case.unexpected(report) == ()
        assert run(case.clean_set()).cascade == ()  # the clean twin

    planted()


@CASCADE
@given(gst.plan_sets(None, schools=(0, 3)))
def test_any_mixture_of_defects_is_found_exactly(case: gst.PlanSetCase) -> None:
    report = run(case.plan_set())
    assert case.missed(report) == ()
    assert case.unexpected(report) == ()
    assert {f.code for f in report.cascade} == case.codes


@CASCADE
@given(gst.plan_sets(None), st.randoms(use_true_random=False))
def test_the_order_of_the_plans_does_not_matter(case: gst.PlanSetCase, random: Any) -> None:
    def keys(report: CascadeReport) -> set[tuple[Any, ...]]:
        return {(f.code, f.location.plan, f.location.measure, f.location.field) for f in report.cascade}

    shuffled = list(case.plans)
    random.shuffle(shuffled)
    assert keys(run(PlanSet(shuffled, case.parents))) == keys(run(case.plan_set()))


@CASCADE
@given(gst.plan_sets(["GR603"], schools=1))
def test_a_school_is_held_only_to_what_its_municipality_gives_the_schools(case: gst.PlanSetCase) -> None:
    # the schools implement only the municipal measures that name the schools; the municipal-only
    # ones (and the region's, which are no school's parent) are never reported for a school
    report = run(case.plan_set())
    by_id = {plan.id: plan for plan in case.plans}
    for finding in report.cascade:
        plan = by_id[finding.location.plan or ""]
        if plan.level is PlanLevel.SCHOOL:
            (related,) = finding.related
            parent = by_id[related.plan or ""]
            item = next(i for i in parent.walk() if i.measure.number.canonical == related.measure)
            assert any(r.raw.strip() == "ОО" for r in item.measure.all_responsible)


@CASCADE
@given(gst.plan_sets(municipalities=2, schools=(1, 2), items=3, school_year=2024))
def test_the_shape_asked_for(case: gst.PlanSetCase) -> None:
    levels = [plan.level for plan in case.plans]
    assert levels.count(PlanLevel.REGIONAL) == 1
    assert levels.count(PlanLevel.MUNICIPAL) == 2
    assert 2 <= levels.count(PlanLevel.SCHOOL) <= 4
    assert len(list(case.plans[0].walk())) == 3
    assert {plan.school_year.start_year for plan in case.plans if plan.school_year} == {2024}
    assert dict(case.parents).keys() == {plan.id for plan in case.plans[1:]}


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"defects": ["GR999"]}, "defects must be codes of"),
        ({"municipalities": 0}, "municipalities must be"),
        ({"items": (1, 3)}, "items must be"),
        ({"items": 40}, "items: at most"),
        ({"schools": (2, 1)}, "schools must be"),
    ],
)
def test_bad_arguments_say_what_is_wrong(kwargs: dict[str, Any], says: str) -> None:
    with pytest.raises(InvalidValueError, match=says):
        gst.plan_sets(**kwargs)
