"""The five seed texts (text conversions of Word tables) read into the documented tables and rows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gia_roadmap.io.reading import read_tables
from gia_roadmap.io.tables import CellFlag, ColumnRole, GlossaryKind, RawDocument, RawTable, RowKind

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def _doc(prefix: str) -> RawDocument:
    return read_tables(next(SEEDS.glob(f"{prefix}_*.txt")))


def _kinds(table: RawTable) -> Counter[RowKind]:
    return Counter(row.kind for row in table.rows)


def _row(table: RawTable, number: str) -> list[str]:
    rows = [r for r in table.rows if r.number == number]
    assert rows, f"no row numbered {number!r}"
    return [c.text for c in rows[0].cells]


@pytest.fixture(scope="module")
def seeds() -> dict[str, RawDocument]:
    return {p: _doc(p) for p in ("000", "001", "002", "003", "004")}


def test_000_stacked_category_rows(seeds: dict[str, RawDocument]) -> None:
    (table,) = seeds["000"].tables
    assert [c.role for c in table.columns] == [
        ColumnRole.NUMBER,
        ColumnRole.CATEGORY,
        ColumnRole.TITLE,
        ColumnRole.TERM,
        ColumnRole.RESPONSIBLE,
    ]
    items = table.items()
    assert [r.number for r in items] == [str(n) for n in range(1, 13)]
    row10 = items[9]
    assert len(row10.cells[2].paragraphs) == 9  # nine events stacked with <p>
    assert len(row10.cells[3].paragraphs) == 9
    assert row10.cells[4].paragraphs == ("МОК, ГКУ КЦМКО", "МОУО")
    # row 1 stacks its three events with double spaces
    from gia_roadmap.io.cells import split_stacked

    assert len(split_stacked(items[0].cells[2])) == 3
    assert len(split_stacked(items[0].cells[3])) == 3


def test_001_cell_stream_layout(seeds: dict[str, RawDocument]) -> None:
    glossary, plan = seeds["001"].tables
    assert glossary.is_glossary
    assert [c.role for c in plan.columns] == [
        ColumnRole.NUMBER,  # the blank «№» header
        ColumnRole.TITLE,
        ColumnRole.RESPONSIBLE,
        ColumnRole.TERM,
    ]
    kinds = _kinds(plan)
    assert kinds[RowKind.ITEM] == 334  # 333 numbered rows + 1 unnumbered row
    assert kinds[RowKind.SECTION] == 8
    assert sum(1 for r in plan.items() if r.number) == 333
    sections = [r.cells[0].text or r.cells[1].text for r in plan.rows if r.kind is RowKind.SECTION]
    assert sections[0] == "Анализ проведения ГИА в 2023 году"
    assert sections[3] == "Финансовое обеспечение ГИА-9 и ГИА-11"
    unnumbered = [r for r in plan.items() if not r.number]
    assert unnumbered[0].cells[1].text.startswith("Формирование списка председателей АК")
    assert unnumbered[0].cells[3].text == "декабрь 2023 года"


def test_001_merged_cells_inherited_and_flagged(seeds: dict[str, RawDocument]) -> None:
    plan = seeds["001"].tables[1]
    row = next(r for r in plan.rows if r.number == "2.2." and "истории" in r.cells[1].text)
    assert row.cells[2].text == "ИРОК, ОО, ИМЦ, ПК"
    assert CellFlag.INHERITED in row.cells[2].flags
    assert row.cells[3].text == "в течение учебного года"
    assert row.cells[2].provenance.origin  # where the value came from


def test_001_page_break_fragment_rejoined(seeds: dict[str, RawDocument]) -> None:
    plan = seeds["001"].tables[1]
    title = next(r for r in plan.rows if r.number == "2.41.").cells[1]
    assert title.text.endswith("на профильном ЕГЭ по математике: типология и основные методы решения»")
    assert CellFlag.CONTINUATION in title.flags


def test_001_glossary_and_page_number(seeds: dict[str, RawDocument]) -> None:
    doc = seeds["001"]
    table = {e.abbreviation: e for e in doc.glossary if e.kind is GlossaryKind.TABLE}
    assert table["УО"].expansion == "Управление образованием Администрации города Юрги"
    assert table["ИМЦ"].expansion == "МБУ ДПО «Информационно-методический центр г. Юрги»"
    assert not table["РИС"].expansion.endswith("2")  # the printed page number «2» is not text
    rows = [r for r in doc.tables[0].rows if r.cells[0].text == "РИС"]
    assert CellFlag.PAGE_NUMBER_REMOVED in rows[0].cells[1].flags


def test_002_sections_dash_items_and_appendices(seeds: dict[str, RawDocument]) -> None:
    main, app1, app2 = seeds["002"].tables
    kinds = _kinds(main)
    assert kinds[RowKind.ITEM] == 82
    assert kinds[RowKind.SUB_ITEM] == 33
    assert [r.number for r in main.rows if r.kind is RowKind.SECTION] == [f"{n}." for n in range(1, 9)]
    assert _kinds(app1)[RowKind.ITEM] == 9
    assert _kinds(app2)[RowKind.ITEM] == 36
    assert _kinds(app2)[RowKind.HEADER] == 8  # the header repeated after page breaks
    subjects = [r.cells[0].text for r in app1.rows if r.kind is RowKind.SECTION]
    assert subjects[:3] == ["РУССКИЙ ЯЗЫК И ЛИТЕРАТУРА", "МАТЕМАТИКА", "ИНФОРМАТИКА"]


def test_002_hyphenated_words_rejoined(seeds: dict[str, RawDocument]) -> None:
    main = seeds["002"].tables[0]
    cells = _row(main, "1.4")
    assert "сопровождения учителей, повысивших квалификацию" in cells[1]
    assert cells[2] == "в течение 2023-2024 учебного года"
    assert "ФГБНУ «Федеральный институт педагогических измерений»" in _row(main, "4.4")[1]
    row = next(r for r in main.rows if r.number == "1.4")
    assert CellFlag.HYPHEN_REJOINED in row.cells[1].flags


def test_002_dash_items_own_terms_and_inherited_party(seeds: dict[str, RawDocument]) -> None:
    main = seeds["002"].tables[0]
    subs = [r for r in main.rows if r.kind is RowKind.SUB_ITEM]
    assert subs[0].cells[1].text.startswith("– порядка подготовки и проведения итогового собеседования")
    assert subs[0].cells[2].text == "ноябрь 2023"
    assert subs[0].cells[3].text == "Полосина Н.В. Рязанов М.А."
    assert CellFlag.INHERITED in subs[0].cells[3].flags
    # a row that lost its leading TAB is moved back under its columns
    shifted = next(r for r in subs if r.cells[1].text.startswith("– персонального состава председателей"))
    assert shifted.cells[2].text == "февраль, май 2024"
    assert CellFlag.SHIFTED in shifted.cells[1].flags


def test_003_two_level_header_and_continuations(seeds: dict[str, RawDocument]) -> None:
    (table,) = seeds["003"].tables
    roles = [c.role for c in table.columns]
    assert roles == [
        ColumnRole.NUMBER,
        ColumnRole.TITLE,
        ColumnRole.REFERENCE_NUMBER,
        ColumnRole.TERM,
        ColumnRole.LEVEL_ACTION,
        ColumnRole.LEVEL_ACTION,
    ]
    assert table.columns[4].parent_header == "Действия по реализации мероприятий"
    assert table.columns[5].header == "институциональный уровень (ОО)"
    assert len(table.header_rows) == 2
    assert _kinds(table)[RowKind.ITEM] == 99
    assert _row(table, "3.6.")[3] == "февраль-март 2022 г."
    assert _row(table, "1.10.")[2] == "1.9."


def test_004_three_plans(seeds: dict[str, RawDocument]) -> None:
    a, b, c = seeds["004"].tables
    assert _kinds(a)[RowKind.ITEM] == 33
    assert _kinds(b)[RowKind.ITEM] == 27
    assert _kinds(c)[RowKind.ITEM] == 68
    assert a.column(ColumnRole.PROBLEM) == 1
    assert c.column(ColumnRole.PARTICIPANTS) == 3
    # 004 A: the problem cell is vertically merged; later rows inherit it
    second = a.items()[1]
    assert second.cells[2].text == "Инструктаж независимых наблюдателей ВПР"
    assert second.cells[1].text == "Низкая объективность оценки качества подготовки обучающихся"
    assert CellFlag.INHERITED in second.cells[1].flags
    # rows whose merged cell lost its separator: the deadline lands under «Сроки»
    consult = next(r for r in a.items() if r.cells[2].text.startswith("Консультирование руководителей"))
    assert consult.cells[4].text == "В течение года"
    # 004 B: the unnumbered second row of 18 is an item of its own
    b18 = [r for r in b.items() if r.cells[1].text.startswith("Тренировочный экзамен")]
    assert [r.number for r in b18] == ["18.", ""]


def test_inline_and_bullet_glossaries(seeds: dict[str, RawDocument]) -> None:
    inline = {e.abbreviation: e for e in seeds["002"].glossary if e.kind is GlossaryKind.INLINE}
    assert inline["ППЭ"].expansion == "пунктов проведения экзаменов"
    assert inline["РЦОИ"].expansion == "Регионального центра обработки информации"
    assert inline["ППЭ"].exact
    bullets = {e.abbreviation: e for e in seeds["003"].glossary if e.kind is GlossaryKind.BULLET}
    assert bullets["РПК"].expansion == "Региональные предметные комиссии"
    assert bullets["ИРО"].expansion == bullets["РЦОИ"].expansion  # «ИРО, РЦОИ – …»
    assert bullets["ХМАО – Югра"].expansion == "Ханты-Мансийский автономный округ – Югра"
