"""The responsible-cell resolver over every responsible cell of the five seeds, and unseen variants."""

from __future__ import annotations

import re

import pytest

from gia_roadmap.plan import (
    Body,
    BodyKind,
    BodyLevel,
    Glossary,
    MatchQuality,
    NameOrder,
    Person,
    Responsible,
    ResponsibleResolver,
    Role,
    SpecialistCategory,
)
from gia_roadmap.text import normalize
from tests.plan.seed_data import glossary_001, glossary_003, glossary_for, responsible_cells

CELLS = responsible_cells()


def _resolve(seed: str, order: NameOrder, cell: str) -> tuple[Responsible, ...]:
    return ResponsibleResolver(glossary_for(seed), order).resolve(cell)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", normalize(text))


@pytest.mark.parametrize(("seed", "order", "cell"), CELLS)
def test_every_seed_cell_is_read_or_kept_and_marked(seed: str, order: NameOrder, cell: str) -> None:
    parties = _resolve(seed, order, cell)
    assert parties, "a non-empty cell yields at least one entry"
    for party in parties:
        assert party.raw.strip()
        if party.party is None:
            assert party.quality is MatchQuality.UNRESOLVED
            assert party.note
    # Lossless: every word of the cell is in some entry's raw text (a stray keystroke aside).
    kept = " ".join(p.raw for p in parties)
    missing = [w for w in _words(cell) if w not in _words(kept) and len(w) > 1]
    assert not missing, missing


def test_unresolved_entries_across_the_seeds_are_only_the_known_hard_cases() -> None:
    unresolved = sorted(
        {p.raw for seed, order, cell in CELLS for p in _resolve(seed, order, cell) if p.party is None}
    )
    # Page-break fragments and a plan named where a party belongs.
    assert unresolved == ["По плану ИРОК", "образованию", "ых учреждений"]


def _kinds(parties: tuple[Responsible, ...]) -> list[str]:
    out = []
    for p in parties:
        party = p.party
        if isinstance(party, Body):
            out.append(f"B:{party.short}")
        elif isinstance(party, Person):
            out.append(f"P:{party.surname} {party.initials}")
        elif isinstance(party, Role):
            out.append(f"R:{party.title} {party.of}")
        else:
            out.append(f"U:{p.raw}")
    return out


TABLE = [
    ("000", NameOrder.INITIALS_FIRST, "<p>МОК ГКУ КЦМКО</p> <p>МОУО, руководители ППЭ</p>",
     ["B:МОК", "B:ГКУ КЦМКО", "B:МОУО", "R:руководители ППЭ"]),
    ("001", NameOrder.UNKNOWN, "УГУиОКО МОК, ГЭК,\nГКУ КЦМКО", ["B:УГУиОКО МОК", "B:ГЭК", "B:ГКУ КЦМКО"]),
    ("001", NameOrder.UNKNOWN, "УО. ОО, ИМЦ", ["B:УО", "B:ОО", "B:ИМЦ"]),
    ("001", NameOrder.UNKNOWN, "ИМЦ, ПК,УО, ", ["B:ИМЦ", "B:ПК", "B:УО"]),
    ("001", NameOrder.UNKNOWN, "У УО", ["B:УО"]),
    ("001", NameOrder.UNKNOWN, "УО, ОО, \nПАО\n«Ростелеком»", ["B:УО", "B:ОО", "B:Ростелеком"]),
    ("001", NameOrder.UNKNOWN, "По плану ИРОК", ["U:По плану ИРОК"]),
    ("002", NameOrder.SURNAME_FIRST, "Полосина Н.В. Дюбенкова М.В.", ["P:Полосина Н.В.", "P:Дюбенкова М.В."]),
    ("002", NameOrder.SURNAME_FIRST, "Полосина Н.В., Рязанов М.А., руководители ППЭ, члены ГЭК",
     ["P:Полосина Н.В.", "P:Рязанов М.А.", "R:руководители ППЭ", "R:члены ГЭК"]),
    ("002", NameOrder.SURNAME_FIRST, "Дюбенкова М.В. Полосина Н.В. Сорокина О.В. руководители МОУО руководители ОО",  # noqa: E501
     ["P:Дюбенкова М.В.", "P:Полосина Н.В.", "P:Сорокина О.В.", "R:руководители МОУО", "R:руководители ОО"]),
    ("004C", NameOrder.INITIALS_FIRST, "О.Н. Симонова Н.В. Сафонова С.П. Денисенкова",
     ["P:Симонова О.Н.", "P:Сафонова Н.В.", "P:Денисенкова С.П."]),
    ("004C", NameOrder.INITIALS_FIRST, "Н.В. Сафонова С.П. Денисенкова Руководители ШНРО, ШсРНР",
     ["P:Сафонова Н.В.", "P:Денисенкова С.П.", "R:Руководители ШНРО", "R:Руководители ШсРНР"]),
    ("004B", NameOrder.SURNAME_FIRST, "Общий отдел Отдел общего образования (Симонова О.Н.)",
     ["B:Общий отдел", "P:Симонова О.Н."]),
    # Unseen variants: another region, other typos and orders.
    ("new", NameOrder.SURNAME_FIRST, "Иванова А.Б.; Петров В.Г.\nруководители ОО",
     ["P:Иванова А.Б.", "P:Петров В.Г.", "R:руководители ОО"]),
    ("new", NameOrder.INITIALS_FIRST, "А.Б.Иванова В. Г. Петров", ["P:Иванова А.Б.", "P:Петров В.Г."]),
    ("new", NameOrder.UNKNOWN, "Рособнадзор, ФЦТ, Спецсвязь", ["B:Рособрнадзор", "B:ФГБУ «ФЦТ»", "B:Спецсвязь"]),  # noqa: E501
    ("new", NameOrder.UNKNOWN, "Рособранзор\nУМВД России по городу Смоленску", ["B:Рособрнадзор", "B:МВД России"]),  # noqa: E501
    ("new", NameOrder.UNKNOWN, "Министерство образования Тульской области, МОУО",
     ["B:Министерство образования Тульской области", "B:МОУО"]),
]  # fmt: skip


@pytest.mark.parametrize(("seed", "order", "cell", "expected"), TABLE)
def test_resolution_table(seed: str, order: NameOrder, cell: str, expected: list[str]) -> None:
    assert _kinds(_resolve(seed, order, cell)) == expected


def test_name_order_decides_who_is_who() -> None:
    cell = "О.Н. Симонова Н.В. Сафонова"
    initials_first = ResponsibleResolver(Glossary(), NameOrder.INITIALS_FIRST).resolve(cell)
    assert [p.party for p in initials_first] == [Person("Симонова", "О.Н."), Person("Сафонова", "Н.В.")]
    surname_first = ResponsibleResolver(Glossary(), NameOrder.SURNAME_FIRST).resolve(cell)
    assert Person("Симонова", "Н.В.") in [p.party for p in surname_first]


def test_a_unit_with_its_head_in_parentheses() -> None:
    (party,) = ResponsibleResolver(Glossary(), NameOrder.SURNAME_FIRST).resolve(
        "Отдел по общему и дополнительному образованию (Власенко М.Г.)"
    )
    assert isinstance(party.party, Person)
    assert party.party.unit is not None
    assert party.party.unit.kind is BodyKind.UNIT
    assert party.raw == "Отдел по общему и дополнительному образованию (Власенко М.Г.)"


def test_glossary_scopes_abbreviations_to_their_document() -> None:
    cell = "УО"
    yurga = ResponsibleResolver(glossary_001()).resolve(cell)[0].party
    kogalym = ResponsibleResolver(glossary_003()).resolve(cell)[0].party
    assert isinstance(yurga, Body)
    assert isinstance(kogalym, Body)
    assert "Юрги" in yurga.name
    assert "Когалыма" in kogalym.name
    assert yurga.level is kogalym.level is BodyLevel.MUNICIPAL


def test_units_get_their_parent_from_the_glossary() -> None:
    party = ResponsibleResolver(glossary_001()).resolve("УГУиОКО МОК")[0].party
    assert isinstance(party, Body)
    assert party.parent is not None
    assert party.parent.short == "МОК"


def test_typos_are_marked_fuzzy_or_normalised() -> None:
    resolver = ResponsibleResolver(glossary_001())
    truncated = resolver.resolve("УГУиОКО МО")
    assert len(truncated) == 1
    assert truncated[0].quality is MatchQuality.FUZZY
    assert resolver.resolve("МОУ")[0].quality is MatchQuality.FUZZY
    assert resolver.resolve("У УО")[0].quality is MatchQuality.NORMALISED


def test_without_a_glossary_an_undefined_abbreviation_is_kept_and_marked() -> None:
    (party,) = ResponsibleResolver().resolve("МОК")
    assert party.party is None
    assert party.quality is MatchQuality.UNRESOLVED
    assert party.raw == "МОК"


def test_roles_carry_categories_and_bodies() -> None:
    party = ResponsibleResolver().resolve("члены ГЭК")[0].party
    assert isinstance(party, Role)
    assert party.category is SpecialistCategory.GEK_MEMBER
    partial = ResponsibleResolver().resolve("Специалисты СС СПИД")[0]
    assert partial.quality is MatchQuality.PARTIAL
    assert isinstance(partial.party, Role)


def test_paragraph_groups_are_numbered() -> None:
    parties = ResponsibleResolver(glossary_001()).resolve("<p>МОК, ГКУ КЦМКО</p> <p>МОУО</p>")
    assert [p.group for p in parties] == [0, 0, 1]


@pytest.mark.parametrize(
    "cell", ["", "   ", "---", "<p></p>", "()", "((", ")", "(далее -)", "«", "\\_\\_\\_"]
)
def test_degenerate_cells_never_crash(cell: str) -> None:
    for party in ResponsibleResolver(glossary_001()).resolve(cell):
        assert party.raw
