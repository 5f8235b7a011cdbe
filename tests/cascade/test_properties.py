"""Property tests of the cascade checks on generated plan sets (:mod:`tests.cascade.strategies`)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.cascade.strategies import Generated, faithful, plan_sets
from tests.checks.plans import calendar

from gia_roadmap.plan import PlanSet, Roadmap, check_plans
from gia_roadmap.plan.cascade import word_stems
from gia_roadmap.plan.findings import Finding

# each example checks a few small plans; the CI profile's 300 would take minutes
CASCADE = settings(max_examples=40, deadline=None)


def run(plans: list[Roadmap]) -> list[Finding]:
    return list(check_plans(PlanSet.build(plans), calendar=calendar(), cascade_only=True).cascade)


def keys(findings: list[Finding], code: str | None = None) -> set[tuple[Any, ...]]:
    return {
        (
            f.code,
            f.location.plan,
            f.location.measure,
            f.location.field,
            tuple((r.plan, r.measure) for r in f.related),
        )
        for f in findings
        if code is None or f.code == code
    }


def numbers(findings: list[Finding], code: str) -> set[tuple[str, str]]:
    return {(f.location.plan, f.location.measure) for f in findings if f.code == code}


@CASCADE
@given(plan_sets())
def test_later_deadlines_oracle(generated: Generated) -> None:
    assert numbers(run(generated.plans()), "GR606") == generated.later()


@CASCADE
@given(plan_sets())
def test_contradicting_exams_oracle(generated: Generated) -> None:
    assert numbers(run(generated.plans()), "GR607") == generated.contradicting()


@CASCADE
@given(plan_sets())
def test_missing_counterparts_oracle(generated: Generated) -> None:
    found = {(f.location.plan, f.related[0].measure) for f in run(generated.plans()) if f.code == "GR603"}
    missing = generated.missing()
    assert found <= missing  # every finding is true
    # and every missing item no measure of the plan shares a word stem with is found
    plans = {plan.id: plan for plan in generated.plans()}
    items = generated.by_number
    for plan_id, number in missing - found:
        titles = [item.measure.title for item in plans[plan_id].walk()]
        assert any(word_stems(items[number].measure().title) & word_stems(t) for t in titles)


@CASCADE
@given(plan_sets(), st.data())
def test_a_faithful_counterpart_never_adds_a_finding(generated: Generated, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(generated.children) - 1))
    item = data.draw(st.sampled_from(generated.items))
    before = keys(run(generated.plans()))
    after = keys(run(generated.plans({index: (faithful(generated, index, item),)})))
    assert after <= before


@CASCADE
@given(plan_sets(), st.randoms(use_true_random=False))
def test_the_order_of_the_plans_does_not_matter(generated: Generated, random: Any) -> None:
    plans = generated.plans()
    shuffled = list(plans)
    random.shuffle(shuffled)
    assert keys(run(shuffled)) == keys(run(plans))


@CASCADE
@given(plan_sets())
def test_no_finding_without_an_obliging_or_cited_item(generated: Generated) -> None:
    # every finding is about an item the plan cites, or an item that obliges it
    items = generated.by_number
    for finding in run(generated.plans()):
        (related,) = finding.related
        item = items[related.measure]
        if finding.code == "GR603":
            assert item.obliges
        else:
            cited = {c.cites for pid, cs, _ in generated.children if pid == finding.location.plan for c in cs}
            assert related.measure in cited
