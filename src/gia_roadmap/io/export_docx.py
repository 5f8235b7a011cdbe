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

from gia_roadmap.io.table_layout import LayoutTable, roadmap_layout
from gia_roadmap.plan.model import Roadmap

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

__all__ = ["to_docx_bytes", "write_docx"]


def _set_text(cell: _Cell, text: str) -> None:
    lines = text.split("\n") if text else [""]
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _add_table(document: DocxDocument, table: LayoutTable) -> None:
    for text in table.preamble:
        document.add_paragraph(text)
    width = table.width
    grid = document.add_table(rows=len(table.header) + len(table.rows), cols=width)
    grid.style = "Table Grid"
    rows = grid.rows
    for r, names in enumerate(table.header):
        cells = rows[r].cells
        for c, name in enumerate(names):
            if name:
                _set_text(cells[c], name)
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
                _set_text(target, cell.text)
            c += cell.span


def to_docx_bytes(roadmap: Roadmap) -> bytes:
    """The roadmap as a Word document (.docx bytes)."""
    import docx

    document = docx.Document()
    for table in roadmap_layout(roadmap).tables:
        _add_table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(roadmap: Roadmap, path: str | os.PathLike[str]) -> None:
    """Write the roadmap to ``path`` as a Word document (.docx)."""
    Path(path).write_bytes(to_docx_bytes(roadmap))
