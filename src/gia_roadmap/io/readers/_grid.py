"""Laying out a table whose cells carry row and column spans (HTML, ODF, XLS, PDF) on a grid.

Every grid position gets one :class:`~gia_roadmap.io.tables.RawCell`: the cell that starts there, or a
blank cell flagged :attr:`CellFlag.SPANNED` (covered by a span from the left, in the span's first
row) or :attr:`CellFlag.MERGED_ABOVE` (covered by a span from above), as the DOCX and XLSX readers
do. Spans are measured against the budgets before any cell of them is made.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from gia_roadmap.errors import Location
from gia_roadmap.io.cells import make_cell
from gia_roadmap.io.limits import CellBudget, check_span
from gia_roadmap.io.tables import CellFlag, CellProvenance, RawCell, SourceRow

__all__ = ["SpanCell", "lay_out", "source_rows"]


@attrs.frozen
class SpanCell:
    """A cell as a format writes it: its verbatim text, its spans and what the reader noticed.

    Attributes:
        raw: the text, paragraphs joined by ``"\\n"``.
        colspan: the columns it covers (1 or more).
        rowspan: the rows it covers (1 or more).
        flags: flags for the cell itself (:attr:`CellFlag.PARAGRAPHS`, :attr:`CellFlag.NESTED_TABLE`).
    """

    raw: str
    colspan: int = 1
    rowspan: int = 1
    flags: tuple[CellFlag, ...] = ()


def lay_out(
    rows: Sequence[Sequence[SpanCell]],
    *,
    source: str,
    table: int,
    budget: CellBudget,
    sheet: str | None = None,
    page: int | None = None,
    first_row: int = 1,
    row_numbers: Sequence[int] | None = None,
) -> list[list[RawCell]]:
    """The rows with every grid position filled (see the module docstring).

    ``row_numbers`` gives the source row number of each row (a sheet's own numbering); by default
    rows are numbered from ``first_row``.
    """
    carried: dict[int, int] = {}  # column → rows still covered from above
    out: list[list[RawCell]] = []
    budget.row_count(len(rows), f"table {table}")
    for index, row in enumerate(rows):
        number = row_numbers[index] if row_numbers is not None else first_row + index
        where = f"table {table}, row {number}" if sheet is None else f"sheet «{sheet}», row {number}"
        line = _Line(source, table, sheet, page, number, where, budget, carried)
        for cell in row:
            line.fill_carried()
            colspan = max(cell.colspan, 1)
            rowspan = max(cell.rowspan, 1)
            check_span(source, rowspan, colspan, budget.limits, f"{where}, column {line.column + 1}")
            budget.row_width(line.column + colspan, where)
            budget.take(colspan, where)
            line.cells.append(make_cell(cell.raw, line.prov(line.column + 1), flags=cell.flags))
            for extra in range(1, colspan):
                line.cells.append(
                    make_cell("", line.prov(line.column + extra + 1), flags=(CellFlag.SPANNED,))
                )
            if rowspan > 1:
                for c in range(line.column, line.column + colspan):
                    line.below[c] = rowspan - 1
            line.column += colspan
        line.fill_carried()
        for c in sorted(carried):  # covered columns right of the last cell of this row
            if c >= line.column and carried[c] > 0:
                while line.column < c:
                    budget.take(1, where)
                    line.cells.append(make_cell("", line.prov(line.column + 1)))
                    line.column += 1
                line.fill_carried()
        carried = {c: n for c, n in line.below.items() if n > 0}
        out.append(line.cells)
    return out


class _Line:
    """The row being laid out: its cells so far, its next column, what it leaves covered below."""

    def __init__(
        self,
        source: str,
        table: int,
        sheet: str | None,
        page: int | None,
        number: int,
        where: str,
        budget: CellBudget,
        carried: dict[int, int],
    ) -> None:
        self.source, self.table, self.sheet, self.page = source, table, sheet, page
        self.number, self.where, self.budget, self.carried = number, where, budget, carried
        self.cells: list[RawCell] = []
        self.column = 0
        self.below: dict[int, int] = {}

    def prov(self, column: int) -> CellProvenance:
        sheet = self.sheet or ""
        return CellProvenance(
            Location(
                file=self.source,
                page=self.page,
                table=self.table,
                sheet=sheet,
                row=self.number,
                column=column,
            )
        )

    def fill_carried(self) -> None:
        """Blank cells for the columns covered from above at the current column."""
        while self.carried.get(self.column, 0) > 0:
            self.budget.take(1, self.where)
            self.cells.append(make_cell("", self.prov(self.column + 1), flags=(CellFlag.MERGED_ABOVE,)))
            self.below[self.column] = self.carried[self.column] - 1
            self.column += 1


def source_rows(
    grid: Sequence[Sequence[RawCell]],
    *,
    source: str,
    table: int,
    sheet: str | None = None,
    page: int | None = None,
    row_numbers: Sequence[int] | None = None,
    broken_head: bool = False,
) -> list[SourceRow]:
    """Wrap laid-out rows as :class:`SourceRow` values of a format that keeps every cell in its column.

    ``broken_head``: the grid continues a table from the previous page (PDF), so its first two rows
    (a repeated header and a row the page break may have split) are not taken as whole.
    """
    out = []
    for index, cells in enumerate(grid):
        number = row_numbers[index] if row_numbers is not None else index + 1
        prov = CellProvenance(Location(file=source, page=page, table=table, sheet=sheet or "", row=number))
        whole = not (broken_head and index < 2)
        out.append(
            SourceRow(
                tuple(cells),
                prov,
                after_break=broken_head and index == 0,
                fixed_columns=True,
                whole=whole,
            )
        )
    return out
