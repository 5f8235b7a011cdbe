"""CSV *table* export: the roadmap as the plain table a user keeps in a spreadsheet and saves as CSV,
which :func:`gia_roadmap.io.import_file` reads back to the same plan.

Unlike the report export (:mod:`gia_roadmap.io.export_csv`: one row per measure with the resolved
dates beside «Сроки»), this writes the layout the DOCX and XLSX table writers write
(:mod:`gia_roadmap.io.table_layout`), in one file:

* the header lines (issuer, «ПРИКАЗ», the order's date, number and title, the plan title), one field
  each, above the table;
* the table «№ п/п;Мероприятия;Сроки;Ответственные …»; a section heading is a row whose only text is
  in its first field; a cell's paragraphs (stacked deadlines, groups of parties) are lines inside one
  quoted field;
* each appendix («Приложение 1. …») and the glossary «Сокращение;Расшифровка» as tables of their own,
  each after an empty line and its label lines.

CSV records no merged cells: a cell that continues a vertically merged one (a «Категории» value over
its rows) is written blank, as a spreadsheet saves it, and the importer reads the blank as
continuing the value above (see :mod:`gia_roadmap.io.structure`). Every cell is guarded against
spreadsheet formulas (:func:`~gia_roadmap.io.safe_text.guard_csv_cell`), which our reader undoes;
«;» between fields, CR LF line ends, UTF-8 with a byte-order mark so that Excel shows Cyrillic.

>>> import tempfile, pathlib
>>> from gia_roadmap import examples
>>> from gia_roadmap.io import import_file
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "plan.csv"
...     write_table_csv(examples.load("smolensk-gia-2023"), path)
...     len(import_file(path).roadmap.measures)
69
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from gia_roadmap.errors import InvalidValueError
from gia_roadmap.io.export_csv import csv_bytes
from gia_roadmap.io.safe_text import guard_csv_cell
from gia_roadmap.io.table_layout import LayoutTable, roadmap_layout
from gia_roadmap.plan.model import Roadmap

__all__ = ["to_table_csv", "write_table_csv"]


def _table_records(table: LayoutTable) -> list[list[str]]:
    """The records of one table: its preamble lines, header rows and body rows (spans as blanks)."""
    records = [[line] for line in table.preamble]
    records.extend(list(names) for names in table.header)
    for row in table.rows:
        record: list[str] = []
        for cell in row.cells:
            record.append("" if cell.merged_above else cell.text)
            record.extend("" for _ in range(cell.span - 1))
        records.append(record)
    return records


def to_table_csv(roadmap: Roadmap, *, delimiter: str = ";") -> str:
    """The roadmap as a plain CSV table (see the module docstring), tables separated by an empty line.

    Raises:
        InvalidValueError: ``delimiter`` is not one of «;», «,» or TAB (the ones our reader detects).
    """
    if delimiter not in (";", ",", "\t"):
        raise InvalidValueError(f"delimiter must be ';', ',' or a TAB, not {delimiter!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for index, table in enumerate(roadmap_layout(roadmap).tables):
        if index:
            writer.writerow([])
        for record in _table_records(table):
            writer.writerow([guard_csv_cell(text) for text in record])
    return buffer.getvalue()


def write_table_csv(roadmap: Roadmap, path: str | os.PathLike[str], *, delimiter: str = ";") -> None:
    """Write :func:`to_table_csv` to ``path`` (UTF-8 with a byte-order mark, for Excel).

    Raises:
        InvalidValueError: a text holds a lone surrogate, which UTF-8 cannot encode (nothing is
            written), or the delimiter is not one our reader detects.
    """
    text = to_table_csv(roadmap, delimiter=delimiter)
    Path(path).write_bytes(csv_bytes(text, f"roadmap {roadmap.id!r} as a CSV table to {path}"))
