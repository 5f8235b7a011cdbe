"""Hostile files refused cleanly while reading (issue 19, the reader part): each case ends in a typed
error with the file and the place, within bounded time and memory. The cases that would exhaust the
machine if a budget failed run in a subprocess with a memory and a time limit."""

from __future__ import annotations

import resource
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from gia_roadmap.errors import ReadLimitError, TableReadError
from gia_roadmap.io import ReadLimits, import_text, read_tables, read_tables_text
from gia_roadmap.io.sources import read_delimited
from gia_roadmap.io.tables import RowKind

_MEMORY = 1024 * 1024 * 1024  # 1 GiB of address space is plenty for a refusal


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))


def _refused_in_subprocess(path: Path, code: str = "") -> str:
    """Read ``path`` in a child process limited in memory and time; return what it printed."""
    script = textwrap.dedent(
        f"""
        from gia_roadmap.io import read_tables
        from gia_roadmap.errors import GiaRoadmapError
        try:
            read_tables({str(path)!r})
        except GiaRoadmapError as error:
            print(type(error).__name__, error)
        else:
            print("read")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code + script],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["№", "Мероприятия", "Сроки", "Ответственные"])
    sheet.append(["1.", "Совещание", "май 2026", "УО"])
    book.save(path)
    return path


def _rewrite(path: Path, member: str, edit: object) -> None:
    with zipfile.ZipFile(path) as archive:
        items = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            if name == member:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            archive.writestr(name, data)


def test_a_merged_range_over_the_whole_sheet_is_refused_before_expansion(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "merge.xlsx")

    def merge_all(xml: str) -> str:
        return xml.replace(
            "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        )

    _rewrite(path, "xl/worksheets/sheet1.xml", merge_all)
    assert path.stat().st_size < 10_000
    out = _refused_in_subprocess(path)
    assert out.startswith(
        "ReadLimitError merge.xlsx at xl/worksheets/sheet1.xml, merged range A1:XFD1048576: max_span"
    )


def test_a_huge_grid_span_is_refused_before_any_cell_is_made(tmp_path: Path) -> None:
    path = tmp_path / "span.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Мероприятия"
    table.cell(0, 1).text = "Сроки"
    document.save(str(path))
    _rewrite(
        path,
        "word/document.xml",
        lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="3000000"/>', 1),
    )
    out = _refused_in_subprocess(path)
    assert out.startswith("ReadLimitError span.docx at table 1, row 1, column 1: max_span is 3000000")


def _falsify_sizes(path: Path, member: str, claimed: int) -> None:
    """Write ``claimed`` as the uncompressed size of ``member`` in both of its ZIP headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    position = 0
    while True:
        local = data.find(b"PK\x03\x04", position)
        if local < 0:
            break
        length = struct.unpack_from("<H", data, local + 26)[0]
        if bytes(data[local + 30 : local + 30 + length]) == name:
            struct.pack_into("<I", data, local + 22, claimed)
        position = local + 4
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + length]) == name:
            struct.pack_into("<I", data, central + 24, claimed)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_falsified_zip_size_headers_are_never_trusted(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Мероприятия"
    table.cell(0, 1).text = "Сроки"
    document.add_paragraph("я" * 5_000_000)  # 10 MB inflated, a few KB compressed
    document.save(str(path))
    _falsify_sizes(path, "word/document.xml", 1000)  # the headers claim 1000 bytes
    out = _refused_in_subprocess(path)
    assert out.startswith("TableReadError liar.docx: not a valid DOCX file"), out
    # and with honest headers the bytes inflated are counted against the budget
    honest = tmp_path / "big.docx"
    document.save(str(honest))
    with pytest.raises(ReadLimitError, match=r"word/document\.xml: max_member_bytes") as info:
        read_tables(honest, limits=ReadLimits(max_member_bytes=1_000_000))
    assert info.value.value > 1_000_000


def test_a_csv_field_over_the_limit_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("№;Мероприятия;Сроки\n1;Совещание;май\n2;" + "а" * 200_000 + ";июнь\n", encoding="utf-8")
    with pytest.raises(ReadLimitError, match=r"long\.csv at line 3.*max_field_chars") as info:
        read_tables(path)
    assert info.value.limit == "max_field_chars"
    quoted = tmp_path / "quoted.csv"
    quoted.write_text('№;Мероприятия\n1;"' + "б" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(ReadLimitError, match=r"line 2"):
        read_tables(quoted)


def test_an_unbalanced_quote_is_reported_with_its_line() -> None:
    text = '№;Мероприятия;Сроки\n1;"Совещание;май 2026\n2;Семинар;июнь 2026\n3;Обучение;июль 2026\n'
    _blocks, problems = read_delimited(text, source="q.csv")
    assert [p.code for p in problems] == ["unbalanced-quote"]
    assert problems[0].location.line == 2
    document = read_tables_text(text, source="q.csv", delimiter=";")
    titles = [row.cells[1].text for row in document.tables[0].items()]
    assert titles == ['"Совещание', "Семинар", "Обучение"]  # nothing swallowed, the quote kept
    assert "unbalanced-quote" in [p.code for p in document.problems]


def test_item_1000_is_not_merged_into_item_999() -> None:
    rows = "".join(f"{n}.\tМероприятие {n}\tмай 2026\tУО\n" for n in range(995, 1003))
    result = import_text("№\tМероприятия\tСроки\tОтветственные\n" + rows)
    assert [m.number.raw for m in result.roadmap.measures] == [f"{n}." for n in range(995, 1003)]


def test_a_vertical_tab_is_a_line_break() -> None:
    document = read_tables_text("№\tМероприятия\tСроки\n1.\tСовещание:\x0bс директорами\x0c\x01\tмай 2026\n")
    (item,) = document.tables[0].items()
    assert item.kind is RowKind.ITEM
    assert item.cells[1].paragraphs == ("Совещание:", "с директорами")
    assert "\x0b" in item.cells[1].raw  # the verbatim text keeps it


def test_a_damaged_archive_is_a_typed_error(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "cut.xlsx")
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(TableReadError, match=r"cut\.xlsx"):
        read_tables(path)


def test_read_limits_are_validated() -> None:
    from gia_roadmap.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="max_cells"):
        ReadLimits(max_cells=0)


@pytest.mark.parametrize("fmt", ["odt", "ods"])
def test_an_opendocument_part_that_is_not_well_formed_is_a_located_error(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """odfpy prints a part it cannot parse and goes on with an empty document; we name the damage."""
    from tests.io_tables.writers import WRITERS, Doc, cells

    path = WRITERS[fmt](
        Doc(title=("План",), tables=(cells(("№", "Мероприятие", "Сроки")),)), tmp_path / f"p.{fmt}"
    )
    clean = read_tables(path)  # the twin reads
    assert clean.tables
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(b"<office:body>", b"<office:body><<", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(TableReadError, match=r"content\.xml .*not well-formed XML \(line \d+, column \d+"):
        read_tables(path)
    assert capsys.readouterr().out == ""
