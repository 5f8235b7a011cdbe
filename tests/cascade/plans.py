"""Small plans of several levels built in code for the cascade's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from tests.checks.plans import SY, m

from gia_roadmap.plan import Measure, Order, ParentItemRef, PlanLevel, Roadmap, Section, SectionKind

__all__ = ["REGION_ORDER", "child", "m", "municipal", "region", "school"]

REGION_ORDER = Order(
    issuer="Министерство образования Энской области", number="1485", date=dt.date(2023, 9, 1), kind="приказ"
)


def _plan(
    plan_id: str,
    level: PlanLevel,
    measures: Sequence[Measure],
    *,
    issuer: str,
    territory: str = "",
    order: Order | None = None,
    legal_basis: Sequence[Order] = (),
    title: str = "План мероприятий («дорожная карта») по подготовке к ГИА в 2023/2024 учебном году",
) -> Roadmap:
    numbered = tuple(attrs.evolve(x, ordinal=i) for i, x in enumerate(measures))
    return Roadmap(
        id=plan_id,
        title=title,
        issuer=issuer,
        level=level,
        territory=territory,
        school_year=SY,
        orders=(order,) if order is not None else (),
        legal_basis=tuple(legal_basis),
        sections=(Section(heading="1. Организационное сопровождение ГИА", kind=SectionKind.ORGANISATIONAL,
                          measures=numbered),),
    )  # fmt: skip


def region(*measures: Measure, plan_id: str = "region", order: Order | None = REGION_ORDER) -> Roadmap:
    """The region's plan, approved by :data:`REGION_ORDER`."""
    return _plan(
        plan_id,
        PlanLevel.REGIONAL,
        measures,
        issuer=REGION_ORDER.issuer,
        territory="Энской области",
        order=order,
    )


def municipal(
    *measures: Measure,
    plan_id: str = "ensk",
    city: str = "Энска",
    basis: Sequence[Order] = (),
    number: str = "12",
) -> Roadmap:
    """A city's plan («управление образования администрации города …»)."""
    return _plan(
        plan_id,
        PlanLevel.MUNICIPAL,
        measures,
        issuer=f"Управление образования администрации города {city}",
        territory=f"города {city}",
        order=Order(issuer=f"Управление образования администрации города {city}", number=number,
                    date=dt.date(2023, 9, 20)),
        legal_basis=basis,
    )  # fmt: skip


def school(*measures: Measure, plan_id: str = "school-5", city: str = "Энска", number: str = "5") -> Roadmap:
    """A school's plan («МБОУ «СОШ № 5» города …»)."""
    return _plan(
        plan_id,
        PlanLevel.SCHOOL,
        measures,
        issuer=f"МБОУ «СОШ № {number}» города {city}",
        title=f"План подготовки к ГИА МБОУ «СОШ № {number}» города {city} на 2023/2024 учебный год",
        order=Order(number=f"{number}-од", date=dt.date(2023, 9, 25)),
    )


def child(number: str, cited: str, title: str = "Мероприятие", term: str = "ноябрь 2023 года") -> Measure:
    """A municipal measure citing the parent's items in a column («1.2», «6.16, 6.17», «» for none)."""
    return m(number, title, term, "УО", parent_item=ParentItemRef.parse(cited) if cited else None)
