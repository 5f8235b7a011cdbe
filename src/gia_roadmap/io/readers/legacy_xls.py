"""Legacy Excel workbooks (.xls, Excel 97–2003), read with xlrd, the reference reader of the BIFF
format (pandas uses it for ``.xls``).

One grid per sheet, as for .xlsx: merged ranges are measured against the budgets before any cell is
made, cells covered by a range come out blank and flagged, dates become «ДД.ММ.ГГГГ», whole numbers
lose their «.0», formulas are read from the values Excel cached. Empty rows mark a break.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

from gia_roadmap.errors import Location, MissingDependencyError, TableReadError, UnsupportedFileError
from gia_roadmap.io.cells import make_cell
from gia_roadmap.io.limits import CellBudget, ReadLimits, check_file_size, check_span
from gia_roadmap.io.tables import CellFlag, CellProvenance, RawCell, SourceBlock, SourceGrid, SourceRow

__all__ = ["DOC_HINT", "read_xls_blocks"]

#: What to do with a legacy binary Word document.
DOC_HINT = (
    "a legacy binary Word document (.doc) cannot be read; convert it to .docx first: "
    "`libreoffice --headless --convert-to docx FILE.doc` (or open it in Word or LibreOffice Writer "
    "and save it as .docx), then import the .docx"
)


def _text(book: Any, cell: Any) -> str:
    import xlrd

    kind = cell.ctype
    value = cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_DATE:
        try:
            stamp: dt.datetime = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return str(value)
        if stamp.time() == dt.time(0, 0):
            return stamp.strftime("%d.%m.%Y")
        return stamp.strftime("%d.%m.%Y %H:%M")
    if kind == xlrd.XL_CELL_NUMBER:
        number = float(value)
        return str(int(number)) if number.is_integer() else str(number)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "ИСТИНА" if value else "ЛОЖЬ"
    if kind == xlrd.XL_CELL_ERROR:
        return ""
    return str(value)


def read_xls_blocks(path: str | Path, *, limits: ReadLimits | None = None) -> tuple[SourceBlock, ...]:
    """Read a legacy Excel workbook (.xls): one grid per worksheet, in sheet order.

    Raises:
        MissingDependencyError: xlrd is not installed.
        UnsupportedFileError: the file is a legacy Office document that is not a workbook (a .doc).
        TableReadError: damaged, or a budget exceeded.
    """
    try:
        import xlrd  # noqa: F401  (its absence is reported before anything is read)
    except ImportError as exc:
        raise MissingDependencyError("reading .xls files", "xlrd", "xls") from exc
    path = Path(path)
    limits = limits or ReadLimits()
    check_file_size(path, limits)
    source = path.name
    book = _open_workbook(path)
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    try:
        for sheet_index in range(book.nsheets):
            sheet = book.sheet_by_index(sheet_index)
            covered = _measure_sheet(sheet, source, limits, budget)
            grid = _sheet_grid(book, sheet, sheet_index + 1, covered, source)
            if grid is not None:
                blocks.append(grid)
            book.unload_sheet(sheet_index)
    finally:
        book.release_resources()
    return tuple(blocks)


def _open_workbook(path: Path) -> Any:
    """The xlrd workbook at ``path``, its sheets loaded on demand."""
    import xlrd

    source = path.name
    try:
        return xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "workbook" in str(exc).lower() and "ole2" in str(exc).lower():
            raise UnsupportedFileError(source, "doc", DOC_HINT) from exc
        raise TableReadError(
            f"{source}: xlrd cannot open the .xls workbook: {exc}", location=Location(file=source)
        ) from exc
    except Exception as exc:  # a damaged compound file: struct.error, IndexError, AssertionError …
        raise TableReadError(
            f"{source}: a damaged .xls workbook: {exc}", location=Location(file=source)
        ) from exc


def _measure_sheet(
    sheet: Any, source: str, limits: ReadLimits, budget: CellBudget
) -> dict[tuple[int, int], CellFlag]:
    """Measure a sheet's merged ranges and size against the budgets before any cell is made; the
    flag of each cell a merged range covers, by ``(row, column)``."""
    title = str(sheet.name)
    covered: dict[tuple[int, int], CellFlag] = {}
    for rlo, rhi, clo, chi in sheet.merged_cells:
        where = f"sheet «{title}», merged range at row {rlo + 1}, column {clo + 1}"
        check_span(source, rhi - rlo, chi - clo, limits, where)
        budget.take((rhi - rlo) * (chi - clo), where)
        for r in range(rlo, rhi):
            for c in range(clo, chi):
                if (r, c) != (rlo, clo):
                    covered[(r, c)] = CellFlag.SPANNED if r == rlo else CellFlag.MERGED_ABOVE
    budget.row_count(sheet.nrows, f"sheet «{title}»")
    budget.row_width(sheet.ncols, f"sheet «{title}»")
    budget.take(sheet.nrows * sheet.ncols, f"sheet «{title}»")
    return covered


def _sheet_grid(
    book: Any, sheet: Any, table: int, covered: dict[tuple[int, int], CellFlag], source: str
) -> SourceGrid | None:
    """The grid of a sheet (table number ``table``), None when it has no rows: empty rows mark a
    break, trailing blank cells go."""
    title = str(sheet.name)
    rows: list[SourceRow] = []
    pending_break = False
    for r in range(sheet.nrows):
        texts = [_text(book, sheet.cell(r, c)) for c in range(sheet.ncols)]
        if not any(t.strip() for t in texts) and not any((r, c) in covered for c in range(2)):
            pending_break = bool(rows)
            continue
        cells: list[RawCell] = []
        for c, text in enumerate(texts):
            prov = CellProvenance(Location(file=source, table=table, sheet=title, row=r + 1, column=c + 1))
            flag = covered.get((r, c))
            flags: tuple[CellFlag, ...] = (flag,) if flag else ()
            if "\n" in text.strip():
                flags = (*flags, CellFlag.PARAGRAPHS)
            cells.append(make_cell(text, prov, flags=flags))
        while len(cells) > 1 and cells[-1].is_blank and not cells[-1].flags:
            cells.pop()
        row_prov = CellProvenance(Location(file=source, table=table, sheet=title, row=r + 1))
        rows.append(
            SourceRow(tuple(cells), row_prov, after_break=pending_break, fixed_columns=True, whole=True)
        )
        pending_break = False
    if not rows:
        return None
    rows = [attrs.evolve(row, whole=not row.after_break) for row in rows]
    return SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=table, sheet=title)))
