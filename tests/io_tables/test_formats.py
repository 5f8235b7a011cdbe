"""Reading tables from DOCX, XLSX and CSV/TSV files built here: merged cells, two-level headers,
page-break continuations, column synonyms; and the safety limits."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.errors import GiaRoadmapError, ReadLimitError, TableReadError, UnsupportedFileError
from gia_roadmap.io.limits import ReadLimits
from gia_roadmap.io.reading import read_tables, read_tables_text, require_plan_table
from gia_roadmap.io.sources import read_delimited_blocks, read_xlsx_blocks
from gia_roadmap.io.tables import CellFlag, ColumnRole, RowKind, SourceGrid


def _docx(path: Path, rows: list[list[str]], *, before: str = "План мероприятий") -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(path))
    return document


def test_docx_vertical_merge_is_inherited_and_flagged(tmp_path: Path) -> None:
    rows = [
        ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"],
        ["1.", "Совещание с руководителями ОО", "октябрь 2023 года", "УО, ИМЦ"],
        ["2.", "Семинар для организаторов ППЭ", "", ""],
        ["3.", "Инструктаж технических специалистов", "март 2024 года", "УО"],
    ]
    path = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("ДОРОЖНАЯ КАРТА (далее – ДК) подготовки к ГИА")
    table = document.add_table(rows=4, cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 3).merge(table.cell(2, 3))  # «УО, ИМЦ» spans items 1 and 2
    document.save(str(path))

    doc = require_plan_table(read_tables(path))
    (plan,) = doc.tables
    assert [c.role for c in plan.columns] == [
        ColumnRole.NUMBER,
        ColumnRole.TITLE,
        ColumnRole.TERM,
        ColumnRole.RESPONSIBLE,
    ]
    item2 = plan.items()[1]
    assert item2.cells[3].text == "УО, ИМЦ"
    assert {CellFlag.MERGED_ABOVE, CellFlag.INHERITED} <= item2.cells[3].flags
    assert item2.cells[3].provenance.location.row == 3
    assert item2.cells[3].provenance.origin[0].row == 2
    assert doc.paragraphs[0].text.startswith("ДОРОЖНАЯ КАРТА")


def test_docx_two_level_header_with_spans(tmp_path: Path) -> None:
    path = tmp_path / "two-level.docx"
    document = docx.Document()
    table = document.add_table(rows=4, cols=5)
    top = ["№", "Мероприятия", "Сроки", "Действия по реализации мероприятий", ""]
    sub = ["", "", "", "муниципальный уровень", "институциональный уровень (ОО)"]
    for c, value in enumerate(top):
        if value:
            table.cell(0, c).text = value
    for c, value in enumerate(sub):
        if value:
            table.cell(1, c).text = value
    for c in range(3):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 3).text = "Действия по реализации мероприятий"
    data = [
        ["1.1.", "Анализ результатов ГИА", "август 2021 г.", "анализ (УО)", "анализ в ОО"],
        ["1.2.", "Совещания", "март, май 2022 г.", "совещания", "участие"],
    ]
    for r, values in enumerate(data, start=2):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(path))

    (plan,) = read_tables(path).tables
    assert len(plan.header_rows) == 2
    assert [c.role for c in plan.columns] == [
        ColumnRole.NUMBER,
        ColumnRole.TITLE,
        ColumnRole.TERM,
        ColumnRole.LEVEL_ACTION,
        ColumnRole.LEVEL_ACTION,
    ]
    assert plan.columns[4].parent_header == "Действия по реализации мероприятий"
    assert [r.number for r in plan.items()] == ["1.1.", "1.2."]
    assert plan.items()[1].cells[4].text == "участие"


def test_docx_section_and_page_break_continuation(tmp_path: Path) -> None:
    path = tmp_path / "sections.docx"
    _docx(
        path,
        [
            ["№", "Мероприятия", "Сроки", "Ответственные"],
            ["1. Правовое обеспечение", "", "", ""],
            ["1.1", "Организация посткурсового сопровождения учи-", "в течение 2023-", "Полосина Н.В."],
            ["", "телей, повысивших квалификацию", "2024 учебного года", ""],
            ["", "– перечня ППЭ в досрочный период", "февраль 2024", ""],
        ],
    )
    (plan,) = read_tables(path).tables
    kinds = [r.kind for r in plan.rows]
    assert kinds == [RowKind.SECTION, RowKind.ITEM, RowKind.SUB_ITEM]
    section, item, sub = plan.rows
    assert section.number == "1."
    assert item.cells[1].text == "Организация посткурсового сопровождения учителей, повысивших квалификацию"
    assert item.cells[2].text == "в течение 2023-2024 учебного года"
    assert CellFlag.HYPHEN_REJOINED in item.cells[1].flags
    assert sub.level == 3
    # a blank cell of a Word table stays blank (no merged cell proves it continues the one above)
    assert sub.cells[3].is_blank
    assert CellFlag.INHERITED not in sub.cells[3].flags


def test_xlsx_merged_cells_and_dates(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "plan.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "План"
    ws.append(["№", "Мероприятия", "Сроки реализации", "Ответственные"])
    ws.append(["1", "Обучение организаторов ППЭ", dt.date(2024, 5, 17), "МОК, ГКУ КЦМКО"])
    ws.append(["2", "Обучение технических специалистов", "март 2024 года", None])
    ws.append([None, None, None, None])
    ws.append(["3", "Совещание", "апрель 2024 года", "МОУО"])
    ws.merge_cells("D2:D3")
    wb.save(str(path))

    (plan,) = read_tables(path).tables
    items = plan.items()
    assert [r.number for r in items] == ["1", "2", "3"]
    assert items[0].cells[2].text == "17.05.2024"
    assert items[1].cells[3].text == "МОК, ГКУ КЦМКО"
    assert CellFlag.MERGED_ABOVE in items[1].cells[3].flags
    assert items[1].cells[3].provenance.location.sheet == "План"
    grid = read_xlsx_blocks(path)[0]
    assert isinstance(grid, SourceGrid)
    assert grid.rows[3].after_break  # the empty row before item 3


def test_csv_semicolon_windows_1251(tmp_path: Path) -> None:
    text = "№;Мероприятия;Сроки;Ответственные\n1.;Совещание;май 2024;УО\n2.;Семинар;«по графику ФЦТ»;ОО\n"
    path = tmp_path / "plan.csv"
    path.write_bytes(text.encode("cp1251"))
    (plan,) = read_tables(path).tables
    assert plan.column(ColumnRole.TERM) == 2
    assert [r.cells[1].text for r in plan.items()] == ["Совещание", "Семинар"]


def test_headerless_table_roles_guessed() -> None:
    doc = read_tables_text(
        "1.\tСовещание с руководителями\tмай 2024\n2.\tСеминар\tиюнь 2024\n", delimiter="\t"
    )
    (plan,) = doc.tables
    assert plan.column(ColumnRole.NUMBER) == 0
    assert plan.column(ColumnRole.TERM) == 2
    assert plan.column(ColumnRole.TITLE) == 1
    assert doc.problems[0].code == "no-header"


def test_unsupported_and_empty_files(tmp_path: Path) -> None:
    bad = tmp_path / "plan.doc"
    bad.write_bytes(b"binary")
    with pytest.raises(UnsupportedFileError, match=r"plan\.doc: a legacy binary Word.*--convert-to docx"):
        read_tables(bad)
    not_zip = tmp_path / "plan.docx"
    not_zip.write_bytes(b"not a zip")
    with pytest.raises(TableReadError, match="not a valid DOCX"):
        read_tables(not_zip)
    text = tmp_path / "empty.txt"
    text.write_text("Просто текст без таблицы\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="no table of measures") as info:
        require_plan_table(read_tables(text))
    assert isinstance(info.value, GiaRoadmapError)
    assert isinstance(info.value, ValueError)


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("№\tМероприятия\tСроки\n" * 100, encoding="utf-8")
    with pytest.raises(TableReadError, match="more than the limit"):
        read_tables(path, max_bytes=100)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/huge.xml", "0" * 100_000)
    with pytest.raises(ReadLimitError, match=r"xl/huge\.xml: max_unpacked_bytes is 100000") as info:
        read_tables(bomb, limits=ReadLimits(max_unpacked_bytes=10_000))
    assert info.value.limit == "max_unpacked_bytes"
    assert info.value.where == "xl/huge.xml"


def test_unplaced_cell_is_kept_and_reported() -> None:
    doc = read_tables_text("№\tМероприятия\tСроки\n1.\tСовещание\tмай 2024\tлишняя ячейка\n")
    (plan,) = doc.tables
    (item,) = plan.items()
    assert [c.text for c in item.extra] == ["лишняя ячейка"]
    assert CellFlag.UNPLACED in item.extra[0].flags
    assert [p.code for p in plan.problems] == ["unplaced-cell"]


_ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФЭЮЯabcXYZ0123456789 «»-–.,;()№"'
_cell_text = st.text(
    alphabet=_ALPHABET,
    min_size=0,
    max_size=30,
).map(lambda s: " ".join(s.split()))
_tables = st.integers(min_value=1, max_value=5).flatmap(
    lambda width: st.lists(st.lists(_cell_text, min_size=width, max_size=width), min_size=1, max_size=8)
)


def _grid_texts(grid: SourceGrid, width: int) -> list[list[str]]:
    return [[(row.cells[c].text if c < len(row.cells) else "") for c in range(width)] for row in grid.rows]


@given(_tables)
@settings(max_examples=60, deadline=None)
def test_csv_round_trip(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    blocks = read_delimited_blocks(buffer.getvalue(), delimiter=";")
    expected = [r for r in rows if any(v.strip() for v in r)]
    if not expected:
        assert blocks == ()
        return
    (grid,) = blocks
    assert isinstance(grid, SourceGrid)
    assert _grid_texts(grid, len(rows[0])) == expected


@given(_tables)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_xlsx_round_trip(tmp_path: Path, rows: list[list[str]]) -> None:
    path = tmp_path / "round.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append([v if v else None for v in row])
    wb.save(str(path))
    blocks = read_xlsx_blocks(path)
    expected = [r for r in rows if any(v.strip() for v in r)]
    if not expected:
        assert blocks == ()
        return
    (grid,) = blocks
    assert isinstance(grid, SourceGrid)
    assert _grid_texts(grid, len(rows[0])) == expected
