"""Every ``TableReadError`` the readers raise carries its place: at least the file, and the member,
line or merged range where that is known (the one Problem/Location shape)."""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

from gia_roadmap.errors import TableReadError, problems_of
from gia_roadmap.io import import_file
from gia_roadmap.io.reading import read_tables

IO = Path(__file__).resolve().parents[2] / "src" / "gia_roadmap" / "io"


def _raise_sites() -> list[tuple[str, int, bool]]:
    """(file, line, passes location=) for every ``TableReadError(...)`` call in the io package."""
    sites = []
    for path in sorted(IO.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id == "TableReadError":
                located = any(keyword.arg == "location" for keyword in node.keywords)
                sites.append((str(path.relative_to(IO)), node.lineno, located))
    return sites


def test_every_raise_site_passes_a_location() -> None:
    sites = _raise_sites()
    assert len(sites) >= 15  # the scan finds the readers' raise sites
    assert [(file, line) for file, line, located in sites if not located] == []


def test_the_scan_sees_a_site_without_a_location() -> None:
    planted = ast.parse('raise TableReadError("x")\nraise TableReadError("y", location=here)\n')
    calls = [n for n in ast.walk(planted) if isinstance(n, ast.Call)]
    assert [any(k.arg == "location" for k in call.keywords) for call in calls] == [False, True]


def _problem(error: TableReadError) -> tuple[str, str, int | None, str]:
    (problem,) = problems_of(error)
    return problem.location.file, problem.location.path, problem.location.line, problem.code


def test_a_damaged_archive_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableReadError) as error:
        import_file(path)
    assert _problem(error.value)[0] == "damaged.docx"


def test_malformed_worksheet_xml_names_the_member(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "plan.xlsx"
    openpyxl.Workbook().save(path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                bad = b"<mergeCells><mergeCell ref='A1:'/></mergeCells></worksheet>"
                data = data.replace(b"</worksheet>", bad)
            target.writestr(info, data)
    with pytest.raises(TableReadError) as error:
        read_tables(broken)
    file, member, _line, _code = _problem(error.value)
    assert (file, member) == ("broken.xlsx", "xl/worksheets/sheet1.xml")


def test_a_file_without_a_plan_table_is_located_and_coded(tmp_path: Path) -> None:
    path = tmp_path / "letter.csv"
    path.write_text("Фамилия;Телефон\nИванов;123\n", encoding="utf-8")
    with pytest.raises(TableReadError) as error:
        import_file(path)
    file, _member, _line, code = _problem(error.value)
    assert (file, code) == ("letter.csv", "no-plan-table")

