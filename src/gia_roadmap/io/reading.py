"""Read the tables of a roadmap document: one call from a file (or text) to a :class:`RawDocument`.

>>> from gia_roadmap.io.reading import read_tables_text
>>> doc = read_tables_text("№\\tМероприятия\\tСроки\\tОтветственные\\n1.\\tСовещание\\tмай 2024\\tУО\\n")
>>> [row.number for row in doc.tables[0].items()]
['1.']
"""

from __future__ import annotations

from pathlib import Path

import attrs

from gia_roadmap.errors import TableReadError
from gia_roadmap.io.glossary import collect_glossary
from gia_roadmap.io.sources import (
    MAX_FILE_BYTES,
    read_delimited_blocks,
    read_path_blocks,
    read_text_blocks,
)
from gia_roadmap.io.structure import ReadOptions, build_document
from gia_roadmap.io.tables import ColumnRole, RawDocument, RawTable

__all__ = ["is_plan_table", "read_tables", "read_tables_text", "require_plan_table"]


def _finish(document: RawDocument) -> RawDocument:
    return attrs.evolve(document, glossary=collect_glossary(document))


def read_tables(
    path: str | Path, *, options: ReadOptions | None = None, max_bytes: int = MAX_FILE_BYTES
) -> RawDocument:
    """Read every table, paragraph and glossary entry of a .docx, .xlsx, .csv, .tsv or .txt file.

    Raises:
        TableReadError: unsupported type, too large, damaged.
        FileNotFoundError: no such file.
    """
    path = Path(path)
    blocks = read_path_blocks(path, max_bytes=max_bytes)
    return _finish(build_document(blocks, path.name, options))


def read_tables_text(
    text: str,
    *,
    source: str = "<string>",
    delimiter: str | None = None,
    options: ReadOptions | None = None,
) -> RawDocument:
    """Read tables from text: a text conversion of a Word document (TAB layouts), or CSV/TSV when a
    ``delimiter`` is given."""
    if delimiter is None:
        blocks = read_text_blocks(text, source=source)
    else:
        blocks = read_delimited_blocks(text, source=source, delimiter=delimiter)
    return _finish(build_document(blocks, source, options))


def is_plan_table(table: RawTable) -> bool:
    """True for a table of measures (see :func:`require_plan_table`)."""
    if table.is_glossary or table.column(ColumnRole.TITLE) is None or not table.items():
        return False
    if table.header_rows:
        return True
    return table.column(ColumnRole.TERM) is not None or table.column(ColumnRole.NUMBER) is not None


def require_plan_table(document: RawDocument) -> RawDocument:
    """Return the document if it holds a table of measures; raise :class:`TableReadError` if not.

    A table of measures has a title column and at least one item row, and either a recognised
    header row or, for a table without one, a «№» or «Сроки» column recognised from its values (a
    table of names and telephone numbers is not a plan just because some column is the longest).
    """
    for table in document.plan_tables():
        if is_plan_table(table):
            return document
    raise TableReadError(
        f"{document.source}: no table of measures found ({len(document.tables)} table(s) read); "
        "expected a table with a header row such as «№ | Мероприятия | Сроки | Ответственные»"
    )
