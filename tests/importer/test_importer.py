"""The importer on small tables built in the tests (DOCX, XLSX, CSV, text): general rules, not seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import MissingTerm, SchoolYear, TermSequence
from gia_roadmap.errors import TableReadError
from gia_roadmap.io.importing import (
    ImportOptions,
    import_file,
    import_problems,
    import_text,
    parse_document_date,
)
from gia_roadmap.plan import Body, GroupingKind, PlanLevel, ProvenanceKind

HEADER = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"]
ROWS = [
    ["1. Правовое обеспечение", "", "", ""],
    ["1.1", "Подготовка приказа о проведении ГИА-9", "ноябрь 2023", "Управление образования (далее – УО)"],
    ["1.2", "Совещание с руководителями ОО", "", "УО"],
    ["2. Обучение лиц, привлекаемых к проведению ГИА", "", "", ""],
    ["2.1", "Обучение организаторов ППЭ", "март – апрель 2024 года", ""],
]


def test_docx_with_header_order_and_merged_cell(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("КОМИТЕТ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА ЭНСКА")
    document.add_paragraph("ПРИКАЗ")
    document.add_paragraph("От « 05 » сентября 20 23 г.")
    document.add_paragraph("№ 12-ОД")
    document.add_paragraph("Об утверждении дорожной карты ГИА в 2024 году")
    document.add_paragraph("ПЛАН МЕРОПРИЯТИЙ")
    document.add_paragraph("(«дорожная карта») подготовки к ГИА в городе Энске в 2024 году")
    table = document.add_table(rows=1 + len(ROWS), cols=4)
    for r, values in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    result = import_file(path)
    roadmap = result.roadmap
    assert roadmap.id == "plan"
    assert roadmap.issuer == "КОМИТЕТ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА ЭНСКА"
    assert roadmap.level is PlanLevel.MUNICIPAL
    assert (roadmap.orders[0].number, roadmap.orders[0].date) == ("12-ОД", dt.date(2023, 9, 5))
    assert roadmap.school_year == SchoolYear(2023)  # «в 2024 году» is the exam year
    assert roadmap.title.startswith("ПЛАН МЕРОПРИЯТИЙ («дорожная карта»)")
    assert [s.heading for s in roadmap.sections] == [
        "1. Правовое обеспечение",
        "2. Обучение лиц, привлекаемых к проведению ГИА",
    ]
    first, second = roadmap.sections[0].measures
    assert first.term.kind == "month"
    assert first.exam_scope
    assert isinstance(first.responsible[0].party, Body)
    # a blank «Срок» cell of a Word table stays blank: no merged cell proves it continues the one above
    assert isinstance(second.term, MissingTerm)
    assert not second.inherited("term")
    assert second.responsible[0].raw == "УО"


def test_xlsx_merged_cells_and_stacked_events(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["№", "Категории", "Мероприятия", "Сроки", "Ответственные"])
    sheet.append(["1", "руководители ППЭ", "семинар\nвебинар", "март 2024 года\nапрель 2024 года", "МОУО"])
    sheet.append(["2", "организаторы ППЭ", "инструктаж", "май 2024 года", None])
    sheet.merge_cells("E2:E3")
    path = tmp_path / "training.xlsx"
    book.save(path)
    roadmap = import_file(path, ImportOptions(school_year=SchoolYear(2023))).roadmap
    (top,) = roadmap.sections
    assert [g.grouping for g in top.subgroups] == [GroupingKind.SPECIALIST_CATEGORY] * 2
    first, second = top.subgroups
    assert [m.title for m in first.measures] == ["семинар", "вебинар"]
    assert [m.term.raw for m in first.measures] == ["март 2024 года", "апрель 2024 года"]
    assert first.number is not None
    assert first.number.raw == "1"
    assert second.measures[0].responsible_raw == "МОУО"
    assert second.measures[0].inherited("responsible")
    assert all(m.targets[0].category is not None for g in top.subgroups for m in g.measures)


def test_stacked_mismatch_is_kept_and_reported() -> None:
    text = (
        "№\tМероприятия\tСроки\tОтветственные\n"
        "1.\t<p>Организация ГИА для выпускников с ОВЗ:</p><p>– создание условий в ППЭ</p>"
        "<p>– обучение ассистентов</p><p>– консультации</p>"
        "\t<p>в течение года</p><p>февраль–март 2024</p>\tУО\n"
    )
    result = import_text(text, ImportOptions(school_year=SchoolYear(2023)))
    (measure,) = result.roadmap.measures
    assert isinstance(measure.term, TermSequence)
    assert len(measure.term.items) == 2
    assert any(note.startswith("stacked-mismatch:") for note in measure.notes)
    assert [p.code for p in result.problems if p.code == "stacked-mismatch"] == ["stacked-mismatch"]
    assert any(p.code == "stacked-mismatch" for p in import_problems(result.roadmap))


def test_csv_missing_term_unplaced_cell_and_unknown_party(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "№;Мероприятия;Сроки;Ответственные\n1;Совещание;;ХЮЗ\n2;Семинар;по отдельному плану;УО;лишнее\n",
        encoding="utf-8",
    )
    result = import_file(path, ImportOptions(school_year=SchoolYear(2023)))
    first, second = result.roadmap.measures
    assert isinstance(first.term, MissingTerm)
    codes = {p.code for p in import_problems(result.roadmap)}
    assert "missing-term" in codes
    assert any("лишнее" in note for note in second.notes) or any(
        p.code == "unplaced-cell" for p in result.problems
    )
    assert first.responsible_raw == "ХЮЗ"  # kept even when nothing resolves it


def test_no_table_of_measures() -> None:
    with pytest.raises(TableReadError):
        import_text("Просто текст без таблицы\nи ещё строка\n")


def test_provenance_of_page_break_joins() -> None:
    text = (
        "№ п/п\tНаименование мероприятия\tСроки\tОтветственный\n"
        "1.1\tОрганизация посткурсового сопровождения учи-\tв течение 2023-\tУО\n"
        "\tтелей, повысивших квалификацию\t2024 учебного года\t\n"
    )
    (measure,) = import_text(text).roadmap.measures
    assert measure.title == "Организация посткурсового сопровождения учителей, повысивших квалификацию"
    assert measure.term.kind == "academic_year"
    assert any(p.kind is ProvenanceKind.REJOINED and p.field == "term" for p in measure.provenance)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("От «25» 10.2023 г.", dt.date(2023, 10, 25)),
        ("02.10. 2023", dt.date(2023, 10, 2)),
        ("От « 17 » ноября 20 21 г.", dt.date(2021, 11, 17)),
        ("от 29.12.2022", dt.date(2022, 12, 29)),
        ("30 сентября 2022 года", dt.date(2022, 9, 30)),
        ("от «___» _____ № _____", None),
        ("31.02.2023", None),
    ],
)
def test_parse_document_date(text: str, expected: dt.date | None) -> None:
    assert parse_document_date(text) == expected


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_parse_document_date_round_trip(day: dt.date) -> None:
    assert parse_document_date(f"от {day:%d.%m.%Y}") == day
    assert parse_document_date(f"От «{day.day}» {day:%m.%Y} г.") == day
