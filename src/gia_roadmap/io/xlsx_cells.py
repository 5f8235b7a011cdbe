"""Writing one spreadsheet cell safely (openpyxl): the one place every XLSX export puts a value.

A text is written as a string-typed cell — never a formula, whatever it starts with («=», «+», «@»,
«- провести …») — with its text unchanged except for the control characters
:class:`~gia_roadmap.io.safe_text.TextCleaner` maps or drops (and reports). Dates are real Excel
dates, numbers numbers.
"""

from __future__ import annotations

import datetime as dt

import attrs
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gia_roadmap.errors import Location
from gia_roadmap.io.safe_text import TextCleaner

__all__ = ["CellValue", "put_cell"]

CellValue = str | int | float | dt.date | None
"""What an export writes into a cell."""


def put_cell(
    sheet: Worksheet,
    row: int,
    column: int,
    value: CellValue,
    cleaner: TextCleaner,
    location: Location | None = None,
) -> Cell:
    """Write ``value`` at (``row``, ``column``) of ``sheet``: a text string-typed (never a formula) after
    ``cleaner``, a dropped character reported at the sheet and cell (and ``location``'s plan,
    measure and field when given); an empty text leaves the
    cell empty. Returns the cell."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        reference = f"{get_column_letter(column)}{row}"
        where = attrs.evolve(location or Location(), sheet=sheet.title, cell=reference)
        text = cleaner(value, where)
        cell.value = text or None
        if text:
            cell.data_type = "s"  # a string, never a formula («=…» stays text)
    else:
        cell.value = value
    return cell  # type: ignore[return-value]  # sheet.cell gives a Cell for a real position
