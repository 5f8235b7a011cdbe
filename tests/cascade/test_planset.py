"""PlanSet: validation, the hierarchy's questions, and parents inferred from the documents."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from tests.cascade.plans import REGION_ORDER, municipal, region, school

from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import Order, PlanLevel, PlanRef, Roadmap
from gia_roadmap.plan.cascade import PlanSet, infer_parent, order_key, same_order


def test_the_hierarchy() -> None:
    plans = PlanSet(
        [school(), region(), municipal(), municipal(plan_id="other", city="Другограда")],
        {"school-5": "ensk", "ensk": "region", "other": "region"},
    )
    assert [p.id for p in plans] == ["region", "ensk", "school-5", "other"]
    assert [p.id for p in plans.ancestors("school-5")] == ["ensk", "region"]
    assert [p.id for p in plans.children("region")] == ["ensk", "other"]
    assert [p.id for p in plans.roots] == ["region"]
    assert plans.parent("region") is None
    assert [p.id for p in plans.by_level(PlanLevel.MUNICIPAL)] == ["ensk", "other"]
    assert [(c.id, p.id) for c, p in plans.pairs()] == [("ensk", "region"), ("school-5", "ensk"),
                                                         ("other", "region")]  # fmt: skip
    assert "ensk" in plans
    assert "nowhere" not in plans
    assert len(plans) == 4


@pytest.mark.parametrize(
    ("plans", "parents", "says"),
    [
        ([region(), region()], {}, "given twice"),
        ([region(), municipal()], {"ensk": "nowhere"}, "'nowhere' is not a plan of the set"),
        ([region(), municipal()], {"region": "ensk"}, "cannot be the parent"),
        ([municipal(), municipal(plan_id="b")], {"b": "ensk"}, "cannot be the parent"),
    ],
)
def test_invalid_sets_say_what_is_wrong(plans: list[Roadmap], parents: dict[str, str], says: str) -> None:
    with pytest.raises(InvalidValueError, match=says):
        PlanSet(plans, parents)


def test_an_unknown_id_is_an_error() -> None:
    with pytest.raises(InvalidValueError, match="no plan 'x' in the set; the plans are 'region'"):
        PlanSet([region()]).parent("x")


def test_the_only_plan_above_is_the_parent() -> None:
    plans = PlanSet.build([municipal(), region()])
    assert plans.parent("ensk") is not None
    assert plans.notices == ()


def test_the_cited_order_decides_between_regions() -> None:
    other = region(
        plan_id="other-region", order=Order(issuer="Министерство", number="77", date=dt.date(2023, 8, 1))
    )
    basis = Order(
        number="1485", date=dt.date(2023, 9, 1), raw="На основании приказа Министерства от 01.09.2023 № 1485"
    )
    plans = PlanSet.build([other, region(), municipal(basis=[basis])])
    assert plans.parent("ensk").id == "region"  # type: ignore[union-attr]


def test_the_territory_decides_between_municipalities() -> None:
    plans = PlanSet.build(
        [region(), municipal(), municipal(plan_id="drug", city="Другограда"), school(city="Другограда")]
    )
    assert plans.parent("school-5").id == "drug"  # type: ignore[union-attr]
    assert plans.parent("drug").id == "region"  # type: ignore[union-attr]


def test_an_undecided_parent_is_a_notice_not_a_guess() -> None:
    plans = PlanSet.build(
        [region(), municipal(), municipal(plan_id="drug", city="Другограда"), school(city="Третьеградска")]
    )
    assert plans.parent("school-5") is None
    (notice,) = plans.notices
    assert notice.location.plan == "school-5"
    assert "любой из планов уровня «муниципальный»: ensk, drug" in notice.message


def test_a_plan_of_another_region_is_never_the_parent() -> None:
    # the plan's region read from the order it cites, the candidate's from its issuer
    basis = Order(
        number="10-П-1485",
        date=dt.date(2021, 10, 29),
        raw="На основании приказа Департамента образования Ханты-Мансийского автономного округа – Югры "
        "от 29.10.2021 № 10-П-1485",
    )
    altai = attrs.evolve(region(), issuer="Министерство образования и науки Алтайского края")
    plans = PlanSet.build([altai, municipal(basis=[basis])])
    assert plans.parent("ensk") is None
    assert "нет вышестоящего плана того же региона" in plans.notices[0].message
    # a candidate whose region is unknown does not contradict
    assert PlanSet.build([region(), municipal(basis=[basis])]).parent("ensk") is not None


def test_given_parents_win_and_none_means_no_parent() -> None:
    plans = PlanSet.build([region(), municipal(), school()], {"school-5": "region", "ensk": None})
    assert plans.parent("school-5").id == "region"  # type: ignore[union-attr]
    assert plans.parent("ensk") is None


def test_a_plan_that_names_its_parent() -> None:
    named = municipal()
    named = Roadmap(**{**{f: getattr(named, f) for f in ("id", "title", "issuer", "level")},
                       "parent": PlanRef(plan_id="b-region")})  # fmt: skip
    parent, how = infer_parent(named, [region(), region(plan_id="b-region")])
    assert parent is not None
    assert parent.id == "b-region"
    assert "называет вышестоящий план" in how


def test_order_numbers_compare_as_numbers() -> None:
    assert order_key("№ 10-П-1485") == order_key("10–п–1485")
    assert order_key("10-П-1485") != order_key("10-ПП-1485")
    assert same_order(REGION_ORDER, None, "№1485")
    assert same_order(REGION_ORDER, dt.date(2023, 9, 1), "", "Министерства образования")
    assert not same_order(REGION_ORDER, dt.date(2023, 9, 1), "", "Департамента")
    assert not same_order(REGION_ORDER, dt.date(2023, 9, 2), "")
