"""DOCX export (python-docx): the roadmap as the Word table officials write.

The document holds the header paragraphs (issuer, «ПРИКАЗ», the order's date, number and title, the
paragraphs citing other orders, the plan title), the plan table — «№ п/п | Мероприятия | Сроки |
Ответственные …» with section heading rows spanning the table, grouping columns vertically merged
over their rows and level columns under a two-level header — each appendix as a table of its own,
and the glossary table «Сокращение | Расшифровка». The layout is :mod:`gia_roadmap.io.table_layout`;
:func:`gia_roadmap.io.import_file` reads the file back to an equal roadmap (see
:func:`gia_roadmap.io.roundtrip.table_view` for what "equal" means).

>>> import tempfile, pathlib
>>> from gia_roadmap import examples
>>> from gia_roadmap.io import import_file
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "plan.docx"
...     write_docx(examples.load("smolensk-gia-2023"), path)
...     len(import_file(path).roadmap.measures)
69
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from gia_roadmap.errors import Location, Problem
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.io.table_layout import LayoutTable, roadmap_layout
from gia_roadmap.plan.model import Roadmap

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

__all__ = ["to_docx_bytes", "write_docx"]


def _set_text(cell: _Cell, text: str, cleaner: TextCleaner, where: Location) -> None:
    lines = cleaner(text, where).split("\n") if text else [""]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _add_table(document: DocxDocument, table: LayoutTable, number: int, cleaner: TextCleaner) -> None:
    for line, text in enumerate(table.preamble, start=1):
        for paragraph in cleaner(text, Location(table=number, line=line)).split("\n"):
            document.add_paragraph(paragraph)
    width = table.width
    grid = document.add_table(rows=len(table.header) + len(table.rows), cols=width)
    grid.style = "Table Grid"
    rows = grid.rows
    for r, names in enumerate(table.header):
        cells = rows[r].cells
        for c, name in enumerate(names):
            if name:
                _set_text(cells[c], name, cleaner, Location(table=number, row=r + 1, column=c + 1))
        for start, span in table.header_spans[r]:
            cells[start].merge(cells[start + span - 1])
        if r > 0:
            # columns without a sub-header: one header cell merged over both header rows
            above = rows[r - 1].cells
            for c, name in enumerate(names):
                if not name and table.header[r - 1][c]:
                    above[c].merge(cells[c])
    offset = len(table.header)
    for r, row in enumerate(table.rows):
        cells = rows[offset + r].cells
        c = 0
        for cell in row.cells:
            target = cells[c]
            if cell.span > 1:
                target = target.merge(cells[c + cell.span - 1])
            if cell.merged_above:
                above = rows[offset + r - 1].cells[c]
                above.merge(target)
            else:
                where = Location(table=number, row=offset + r + 1, column=c + 1)
                _set_text(target, cell.text, cleaner, where)
            c += cell.span


def to_docx_bytes(roadmap: Roadmap, *, problems: list[Problem] | None = None) -> bytes:
    """The roadmap as a Word document (.docx bytes).

    Line-break characters (a vertical tab, U+2028 …) start a new paragraph; characters Word cannot
    carry are dropped and reported (:mod:`gia_roadmap.io.safe_text`).

    Args:
        problems: receives a ``dropped-control-character`` problem per cell that held such a character
            (an :class:`~gia_roadmap.io.safe_text.ExportWarning` is issued instead when None).
    """
    import docx

    cleaner = TextCleaner("DOCX", problems)
    document = docx.Document()
    for number, table in enumerate(roadmap_layout(roadmap).tables, start=1):
        _add_table(document, table, number, cleaner)
    buffer = io.BytesIO()
    document.save(buffer)
    cleaner.finish()
    return buffer.getvalue()


def write_docx(
    roadmap: Roadmap, path: str | os.PathLike[str], *, problems: list[Problem] | None = None
) -> None:
    """Write the roadmap to ``path`` as a Word document (.docx)."""
    Path(path).write_bytes(to_docx_bytes(roadmap, problems=problems))
