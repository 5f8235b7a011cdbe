"""Category registry: every seed mention plus unseen variants, and texts that name no category."""

from __future__ import annotations

import itertools

import pytest

from gia_roadmap.plan import SpecialistCategory, find_categories, resolve_category
from tests.plan.seed_data import rows

MENTIONS = rows("category_mentions.tsv")


@pytest.mark.parametrize(("mention", "expected"), MENTIONS, ids=[m for m, _ in MENTIONS])
def test_every_mention_resolves_to_its_category(mention: str, expected: str) -> None:
    assert resolve_category(mention) is SpecialistCategory(expected)


def test_the_table_covers_every_category() -> None:
    assert {SpecialistCategory(e) for _, e in MENTIONS} == set(SpecialistCategory)


@pytest.mark.parametrize(
    "text",
    [
        "руководители МОУО",
        "Организация передачи ЭМ в ППЭ",
        "Полосина Н.В.",
        "Формирование состава ГЭК",
        "учителя-предметники",
        "член ГВЭ",  # «ГВЭ» is an exam, two letters away from «ГЭК»: no typo rule applies
    ],
)
def test_texts_naming_no_category(text: str) -> None:
    assert resolve_category(text) is None


def test_several_mentions_in_one_text_in_order_without_overlap() -> None:
    found = find_categories(
        "председатели и заместители председателей предметных комиссий, эксперты предметных комиссий, члены ГЭЖ"  # noqa: E501
    )
    assert [m.category for m in found] == [
        SpecialistCategory.SUBJECT_COMMISSION_CHAIR,
        SpecialistCategory.SUBJECT_COMMISSION_EXPERT,
        SpecialistCategory.GEK_MEMBER,
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_categories_have_labels_and_exams() -> None:
    for category in SpecialistCategory:
        assert category.label
        assert category.label_en
        assert category.exams
