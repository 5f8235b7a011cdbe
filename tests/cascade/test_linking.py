"""Item links between a child plan and its parent: the column, the text, suggestions, and the rule
of which parent items oblige a lower plan."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.cascade.plans import child, m, municipal, region, school

from gia_roadmap import examples
from gia_roadmap.plan import ActionLevel, LevelAction, PlanLevel
from gia_roadmap.plan.cascade import (
    CitedDocument,
    CitedKind,
    LinkSource,
    cites_parent,
    link_plans,
    obliges,
)

PARENT = region(
    m("1.1", "Проведение анализа результатов ГИА-2023", "август 2023 года", "Министерство"),
    m("1.2", "Организация обучения организаторов ППЭ", "март 2024 года", "Министерство, ОМСУ"),
    m("1.3", "Мониторинг готовности ППЭ к экзаменам", "май 2024 года", "РЦОИ"),
)


def test_links_from_the_column() -> None:
    links = link_plans(municipal(child("1", "1.2"), child("2", "1.2, 1.9"), child("3", "")), PARENT)
    assert [(link.child.number, link.number, len(link.targets), link.source) for link in links.links] == [
        ("1", "1.2", 1, LinkSource.COLUMN),
        ("2", "1.2", 1, LinkSource.COLUMN),
        ("2", "1.9", 0, LinkSource.COLUMN),
    ]
    assert links.explicit
    assert {t.number for t in links.implemented()} == {"1.2"}


@pytest.mark.parametrize(
    ("title", "linked"),
    [
        ("Обучение (п. 1.2 приказа Министерства образования Энской области от 01.09.2023 № 1485)", True),
        ("Обучение организаторов согласно п. 1.2 регионального плана", True),
        ("Обучение организаторов согласно п. 1.2 приказа Министерства", True),
        ("Обучение организаторов согласно п. 1.2 приказа от 01.09.2023 № 1485", True),
        ("Обучение организаторов согласно п. 1.2 приказа № 1485", True),
        ("Обучение организаторов согласно п. 1.2 приказа № 1486", False),  # another order
        ("Обучение организаторов согласно п. 1.2 приказа Департамента", False),  # another issuer
        ("Обучение организаторов согласно п. 1.2 настоящего плана", False),
        ("Обучение организаторов согласно п. 1.2 муниципального плана", False),
        ("Обучение организаторов согласно п. 12 Порядка проведения ГИА", False),
        ("Обучение организаторов (см. п. 1.2)", False),
        ("Обучение организаторов согласно п. 1.2 плана", False),
    ],
)  # fmt: skip
def test_links_from_the_text(title: str, linked: bool) -> None:
    links = link_plans(municipal(m("1", title, responsible="УО")), PARENT, suggest=False)
    assert [(link.number, link.source, link.field) for link in links.links] == (
        [("1.2", LinkSource.TEXT, "title")] if linked else []
    )


def test_a_reference_in_the_level_action_text() -> None:
    action = LevelAction(ActionLevel.MUNICIPAL, "участие в реализации пп. 1.2–1.3 регионального плана")
    measure = m("1", "Обучение", responsible="УО", level_actions=(action,))
    links = link_plans(municipal(measure), PARENT, suggest=False)
    assert [(link.number, link.field) for link in links.links] == [
        ("1.2", "level_actions"),
        ("1.3", "level_actions"),
    ]


def test_cites_parent_by_kind() -> None:
    for kind in (CitedKind.OWN, CitedKind.OTHER, CitedKind.UNSTATED):
        assert not cites_parent(CitedDocument(kind, level=PlanLevel.REGIONAL), PARENT)
    assert cites_parent(CitedDocument(CitedKind.PLAN, level=PlanLevel.REGIONAL), PARENT)
    assert cites_parent(CitedDocument(CitedKind.ORDER, date=dt.date(2023, 9, 1)), PARENT)
    assert not cites_parent(CitedDocument(CitedKind.ORDER, date=dt.date(2023, 9, 2)), PARENT)


def test_suggestions_are_kept_apart() -> None:
    links = link_plans(
        municipal(m("1", "Организация обучения организаторов ППЭ города", responsible="УО"),
                  m("2", "Подготовка муниципальных приказов", responsible="УО")),
        PARENT,
    )  # fmt: skip
    assert links.links == ()
    assert not links.explicit
    (suggestion,) = links.suggestions
    assert (suggestion.child.number, suggestion.parent.number) == ("1", "1.2")
    assert suggestion.score > 0.5
    assert "обучен" in suggestion.shared
    assert links.implemented() == frozenset()


def test_no_suggestion_for_a_linked_measure() -> None:
    links = link_plans(municipal(child("1", "1.2", "Организация обучения организаторов ППЭ")), PARENT)
    assert links.suggestions == ()


# --------------------------------------------------------------------------------------------
# obliges(): which parent items a lower plan must act on
# --------------------------------------------------------------------------------------------


def _item(responsible: str, **fields: object) -> object:
    plan = region(m("1.1", "Мероприятие", "май 2024 года", responsible, **fields))  # type: ignore[arg-type]
    return next(plan.walk())


@pytest.mark.parametrize(
    ("responsible", "municipal_obliged", "school_obliged"),
    [
        ("ОМСУ", True, False),
        ("МОУО", True, False),
        ("муниципальные органы управления образованием", True, False),
        ("органы местного самоуправления, осуществляющие управление в сфере образования", True, False),
        ("Министерство, руководители ОО", False, True),
        ("общеобразовательные организации", False, True),
        ("Министерство образования Энской области", False, False),
        ("РЦОИ, ГЭК", False, False),
        ("Управление образования администрации города Энска", True, False),
        ("Управление образования администрации города Другограда", False, False),
    ],
)
def test_obliges_by_the_responsible(responsible: str, municipal_obliged: bool, school_obliged: bool) -> None:
    item = _item(responsible)
    assert obliges(item, municipal()) is municipal_obliged  # type: ignore[arg-type]
    assert obliges(item, school()) is school_obliged  # type: ignore[arg-type]
    assert not obliges(item, region(plan_id="other"))  # type: ignore[arg-type]


def test_obliges_by_a_level_action() -> None:
    item = _item(
        "Министерство", level_actions=(LevelAction(ActionLevel.INSTITUTIONAL, "участие в мониторинге"),)
    )
    assert obliges(item, school())  # type: ignore[arg-type]
    assert not obliges(item, municipal())  # type: ignore[arg-type]
    empty = _item("Министерство", level_actions=(LevelAction(ActionLevel.MUNICIPAL, " "),))
    assert not obliges(empty, municipal())  # type: ignore[arg-type]


def test_the_regional_seeds_oblige_municipalities() -> None:
    # 002 (Алтайский край) names «МОУО», «руководители МОУО», «муниципальные методические службы»
    altai = examples.load("altai-2024")
    city = municipal()
    obliged = {item.measure.number.canonical for item in altai.walk() if obliges(item, city)}
    assert {"1.4", "1.5", "1.8"} <= obliged
    assert len(obliged) < len(altai.measures) / 2
