"""Read the tables of a roadmap document: one call from a file (or text) to a :class:`RawDocument`.

>>> from gia_roadmap.io.reading import read_tables_text
>>> doc = read_tables_text("№\\tМероприятия\\tСроки\\tОтветственные\\n1.\\tСовещание\\tмай 2024\\tУО\\n")
>>> [row.number for row in doc.tables[0].items()]
['1.']
"""

from __future__ import annotations

from pathlib import Path

import attrs

from gia_roadmap.errors import Location, Problem, TableReadError
from gia_roadmap.io.formats import read_source
from gia_roadmap.io.glossary import collect_glossary
from gia_roadmap.io.limits import ReadLimits
from gia_roadmap.io.sources import read_delimited, read_text_blocks
from gia_roadmap.io.structure import ReadOptions, build_document
from gia_roadmap.io.tables import ColumnRole, RawDocument, RawTable

__all__ = ["is_plan_table", "read_tables", "read_tables_text", "require_plan_table"]


def _finish(document: RawDocument, problems: tuple[Problem, ...] = ()) -> RawDocument:
    return attrs.evolve(document, glossary=collect_glossary(document), problems=problems + document.problems)


def read_tables(
    path: str | Path,
    *,
    options: ReadOptions | None = None,
    max_bytes: int | None = None,
    limits: ReadLimits | None = None,
) -> RawDocument:
    """Read every table, paragraph and glossary entry of a file: .docx, .xlsx, .odt, .ods, .pdf (with
    a text layer), .html, .xls, .csv, .tsv or .txt (the type is told from the content first, see
    :mod:`gia_roadmap.io.formats`).

    Args:
        path: the file.
        options: how the table builder treats blank cells and page breaks.
        max_bytes: the file-size budget (shortcut for ``limits.max_file_bytes``).
        limits: the reading budgets (:class:`~gia_roadmap.io.limits.ReadLimits`).

    Raises:
        UnsupportedFileError: a type no reader handles (a legacy .doc: with how to convert it).
        NoTextLayerError: a scanned PDF («нет текстового слоя»).
        UndecodableTextError: a text file no supported encoding reads.
        ReadLimitError: a budget exceeded, with the place.
        MissingDependencyError: the optional library of the format is missing.
        TableReadError: damaged (the base of all the above).
        FileNotFoundError: no such file.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    if max_bytes is not None:
        limits = limits.with_file_bytes(max_bytes)
    read = read_source(path, limits=limits)
    return _finish(build_document(read.blocks, path.name, options), read.problems)


def read_tables_text(
    text: str,
    *,
    source: str = "<string>",
    delimiter: str | None = None,
    options: ReadOptions | None = None,
) -> RawDocument:
    """Read tables from text: a text conversion of a Word document (TAB layouts), or CSV/TSV when a
    ``delimiter`` is given."""
    problems: tuple[Problem, ...] = ()
    if delimiter is None:
        blocks = read_text_blocks(text, source=source)
    else:
        blocks, problems = read_delimited(text, source=source, delimiter=delimiter)
    return _finish(build_document(blocks, source, options), problems)


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
    raise no_plan_table(document)


def no_plan_table(document: RawDocument) -> TableReadError:
    """The error for a document without a table of measures (code ``no-plan-table``, at its file)."""
    expected = "a table with a header row such as «№ | Мероприятия | Сроки | Ответственные»"
    return TableReadError(
        f"{document.source}: no table of measures found ({len(document.tables)} table(s) read); "
        f"expected {expected}",
        location=Location(file=document.source),
        code="no-plan-table",
        expected=expected,
    )
