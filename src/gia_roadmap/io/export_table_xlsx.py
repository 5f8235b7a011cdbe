"""XLSX *table* export (openpyxl): the roadmap as a plain plan sheet that the importer reads back.

Unlike the report export (:mod:`gia_roadmap.io.export_xlsx`: resolved dates beside the raw «Сроки»
and a findings sheet), this writes the table as officials keep it in Excel: sheet «План» holds the
header lines (issuer, «ПРИКАЗ», the order's date, number and title, the plan title) above the table
«№ п/п | Мероприятия | Сроки | Ответственные …», section headings as rows merged across the table,
grouping columns merged over their rows; each appendix («Приложение 1. …») gets a sheet of its own
and the glossary the sheet «Сокращения». The layout is the one the DOCX export writes
(:mod:`gia_roadmap.io.table_layout`). Every value is stored as a string-typed cell, never a formula,
with its text unchanged; control characters are mapped or dropped and reported
(:mod:`gia_roadmap.io.safe_text`).

>>> import tempfile, pathlib
>>> from gia_roadmap import examples
>>> from gia_roadmap.io import import_file
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "plan.xlsx"
...     write_table_xlsx(examples.load("smolensk-gia-2023"), path)
...     len(import_file(path).roadmap.measures)
69
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gia_roadmap.errors import Problem
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.io.table_layout import LayoutTable, roadmap_layout
from gia_roadmap.io.xlsx_cells import put_cell
from gia_roadmap.plan.model import Roadmap

__all__ = ["to_table_xlsx_bytes", "write_table_xlsx"]

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


def _put(ws: Worksheet, row: int, column: int, text: str, cleaner: TextCleaner) -> None:
    put_cell(ws, row, column, text, cleaner).alignment = _WRAP


def _fill(ws: Worksheet, table: LayoutTable, cleaner: TextCleaner) -> None:
    r = 1
    for text in table.preamble:
        _put(ws, r, 1, text, cleaner)
        r += 1
    header_top = r
    for names, spans in zip(table.header, table.header_spans, strict=True):
        for c, name in enumerate(names, start=1):
            _put(ws, r, c, name, cleaner)
            ws.cell(row=r, column=c).font = _BOLD
        for start, span in spans:
            ws.merge_cells(start_row=r, start_column=start + 1, end_row=r, end_column=start + span)
        r += 1
    if len(table.header) > 1:
        for c in range(1, table.width + 1):
            if not table.header[1][c - 1] and table.header[0][c - 1]:
                ws.merge_cells(start_row=header_top, start_column=c, end_row=header_top + 1, end_column=c)
    merge_start: dict[int, int] = {}
    for row in table.rows:
        c = 1
        for cell in row.cells:
            if cell.merged_above:
                merge_start.setdefault(c, r - 1)
            else:
                if c in merge_start:
                    ws.merge_cells(start_row=merge_start.pop(c), start_column=c, end_row=r - 1, end_column=c)
                _put(ws, r, c, cell.text, cleaner)
            if cell.span > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + cell.span - 1)
            c += cell.span
        r += 1
    for c, start in merge_start.items():
        ws.merge_cells(start_row=start, start_column=c, end_row=r - 1, end_column=c)
    widths = {"№ п/п": 8, "Мероприятия": 60, "Сроки": 24}
    for c, name in enumerate(table.header[-1] if table.header else (), start=1):
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = widths.get(name, 30)


def to_table_xlsx_bytes(roadmap: Roadmap, *, problems: list[Problem] | None = None) -> bytes:
    """The roadmap as a plain plan workbook (.xlsx bytes) that :func:`gia_roadmap.io.import_file`
    reads back.

    Args:
        problems: receives a ``dropped-control-character`` problem per cell that held a character
            XLSX cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` when None).
    """
    cleaner = TextCleaner("XLSX", problems)
    book = openpyxl.Workbook()
    first = True
    appendix = 0
    for table in roadmap_layout(roadmap).tables:
        if first:
            ws = book.active
            assert ws is not None
            ws.title = "План"
            first = False
        elif table.glossary:
            ws = book.create_sheet("Сокращения")
        else:
            appendix += 1
            ws = book.create_sheet(f"Приложение {appendix}")
        _fill(ws, table, cleaner)
    buffer = io.BytesIO()
    book.save(buffer)
    cleaner.finish()
    return buffer.getvalue()


def write_table_xlsx(
    roadmap: Roadmap, path: str | os.PathLike[str], *, problems: list[Problem] | None = None
) -> None:
    """Write the roadmap to ``path`` as a plain plan workbook (.xlsx)."""
    Path(path).write_bytes(to_table_xlsx_bytes(roadmap, problems=problems))
