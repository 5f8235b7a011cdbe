"""Source readers: DOCX (python-docx), XLSX (openpyxl), CSV/TSV and text conversions of Word tables.

Each reader turns a file into :class:`~gia_roadmap.io.tables.SourceBlock` values in document order:
paragraphs, and grids of cells with their provenance. Merged cells are recorded as flags
(:attr:`CellFlag.MERGED_ABOVE`, :attr:`CellFlag.SPANNED`); the table builder
(:mod:`gia_roadmap.io.structure`) decides what they inherit.

Safety: every budget of :class:`~gia_roadmap.io.limits.ReadLimits` is checked while reading, before the
memory is spent (archives are inflated in bounded chunks and counted, never trusting their headers; XLSX
merged ranges and cell counts are measured by streaming the sheet XML before openpyxl loads it; Word
``gridSpan`` values before any cell is made; CSV fields as they are read), python-docx parses XML
without resolving entities (lxml, ``resolve_entities=False``), openpyxl's expat parser refuses an
external entity as undefined, both refuse entity-expansion bombs by their amplification limits, formulas
in spreadsheets are never evaluated (only cached values are read), macros and embedded objects are never
opened, and nothing from a file is executed (see ``tests/safety``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from gia_roadmap.errors import Location, Problem, ReadLimitError, TableReadError
from gia_roadmap.io.encodings import decode_bytes
from gia_roadmap.io.limits import CellBudget, ReadLimits, check_archive, check_span
from gia_roadmap.io.safe_text import unguard_csv_cell

if TYPE_CHECKING:
    from docx.table import _Cell
    from openpyxl.worksheet.worksheet import Worksheet

from gia_roadmap.io.cells import clean_text, make_cell
from gia_roadmap.io.headers import is_header_row
from gia_roadmap.io.tables import (
    CellFlag,
    CellProvenance,
    RawCell,
    RawParagraph,
    SourceBlock,
    SourceGrid,
    SourceRow,
    reader_problem,
)
from gia_roadmap.text import dash_class

__all__ = [
    "MAX_CELLS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "decode_text",
    "read_delimited",
    "read_delimited_blocks",
    "read_docx_blocks",
    "read_text_blocks",
    "read_xlsx_blocks",
]

#: Largest file accepted by the readers (bytes): the default of :attr:`ReadLimits.max_file_bytes`.
MAX_FILE_BYTES = ReadLimits().max_file_bytes
#: Largest total unpacked size of a DOCX/XLSX archive: the default of
#: :attr:`ReadLimits.max_unpacked_bytes`.
MAX_UNPACKED_BYTES = ReadLimits().max_unpacked_bytes
#: Largest number of cells read from one source: the default of :attr:`ReadLimits.max_cells`.
MAX_CELLS = ReadLimits().max_cells

_SEPARATOR = re.compile("^" + dash_class(r"\s=_|+:") + "*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _limits(
    limits: ReadLimits | None, max_bytes: int | None = None, max_cells: int | None = None
) -> ReadLimits:
    limits = limits or ReadLimits()
    if max_bytes is not None:
        limits = attrs.evolve(limits, max_file_bytes=max_bytes)
    if max_cells is not None:
        limits = attrs.evolve(limits, max_cells=max_cells)
    return limits


def decode_text(data: bytes, source: str = "<bytes>") -> str:
    """Decode a text file: a BOM, else UTF-8, else the encoding detected from its letters
    (:func:`gia_roadmap.io.encodings.decode_bytes`, which also says whether the guess is uncertain).

    Raises:
        UndecodableTextError: no supported encoding reads it.
    """
    return decode_bytes(data, source).text


# ----------------------------------------------------------------------------------------------------
# DOCX


def read_docx_blocks(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    max_cells: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[SourceBlock, ...]:
    """Read a Word document (.docx) into paragraphs and table grids, in document order.

    Vertically merged cells (``vMerge``) come out blank with :attr:`CellFlag.MERGED_ABOVE`; cells
    covered by a horizontal span (``gridSpan``) come out blank with :attr:`CellFlag.SPANNED`, so every
    row has one cell per grid column. Nested tables are flattened into their cell's paragraphs.
    Automatic numbering («1.», «1.1.» produced by Word list numbering, not typed) is reconstructed
    approximately for cells that have none typed.

    Raises:
        TableReadError: the file is too large, not a DOCX, or unreadable.
    """
    import docx
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    path = Path(path)
    limits = _limits(limits, max_bytes, max_cells)
    check_archive(path, limits, "DOCX")
    source = path.name
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise TableReadError(
            f"{source}: python-docx cannot open the document: {exc}", location=Location(file=source)
        ) from exc
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    numbering = _AutoNumbering()
    table_index = 0
    paragraph_index = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraph_index += 1
            text = item.text
            if text.strip():
                prov = CellProvenance(Location(file=source, line=paragraph_index))
                blocks.append(RawParagraph("\n".join(clean_text(text)[0]), text, prov))
            continue
        if not isinstance(item, Table):  # pragma: no cover - python-docx yields only these two
            continue
        table_index += 1
        rows: list[SourceRow] = []
        trs = item._tbl.tr_lst
        budget.row_count(len(trs), f"table {table_index}")
        for r, tr in enumerate(trs, start=1):
            cells: list[RawCell] = []
            col = 0
            where = f"table {table_index}, row {r}"
            # Spans are measured before any cell is made (a gridSpan of millions is refused here).
            width = _docx_int(tr.grid_before)
            for tc in tr.tc_lst:
                span = _docx_int(tc.grid_span)
                check_span(source, 1, span, limits, f"{where}, column {width + 1}")
                width += span
            budget.row_width(width, where)
            budget.take(width, where)
            for _ in range(_docx_int(tr.grid_before)):
                col += 1
                cells.append(
                    make_cell("", CellProvenance(Location(file=source, table=table_index, row=r, column=col)))
                )
            for tc in tr.tc_lst:
                col += 1
                prov = CellProvenance(Location(file=source, table=table_index, row=r, column=col))
                cell = _Cell(tc, item)
                if tc.vMerge == "continue":
                    cells.append(make_cell("", prov, flags=(CellFlag.MERGED_ABOVE,)))
                else:
                    cells.append(_docx_cell(cell, prov, numbering))
                for _ in range(_docx_int(tc.grid_span) - 1):
                    col += 1
                    span_prov = CellProvenance(Location(file=source, table=table_index, row=r, column=col))
                    cells.append(make_cell("", span_prov, flags=(CellFlag.SPANNED,)))
            row_prov = CellProvenance(Location(file=source, table=table_index, row=r))
            rows.append(SourceRow(tuple(cells), row_prov, fixed_columns=True, whole=True))
        blocks.append(SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=table_index))))
    return tuple(blocks)


def _docx_int(value: object) -> int:
    """A count from a Word attribute (``gridSpan``, ``gridBefore``): 1 or more, 0 for a missing one."""
    return value if isinstance(value, int) and value >= 0 else 0


class _AutoNumbering:
    """Approximate Word list numbering: counters per list id and level («1.», «1.1.»)."""

    def __init__(self) -> None:
        self.counters: dict[str, list[int]] = {}

    def next(self, num_id: str, level: int) -> str:
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        del counters[level + 1 :]
        return ".".join(str(max(c, 1)) for c in counters) + "."


def _docx_cell(cell: _Cell, prov: CellProvenance, numbering: _AutoNumbering) -> RawCell:
    paragraphs: list[str] = []
    auto = ""
    for p in cell.paragraphs:
        text = p.text
        ppr = p._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None and not auto:
            level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            auto = numbering.next(str(num_pr.numId.val), int(level))
        paragraphs.append(text)
    nested = False
    for table in cell.tables:
        nested = True
        for tr in table.rows:
            paragraphs.append(" | ".join(c.text for c in tr.cells))
    raw = "\n".join(paragraphs)
    flags: list[CellFlag] = []
    if not raw.strip() and auto:
        raw = auto
        flags.append(CellFlag.AUTO_NUMBERED)
    if nested:
        flags.append(CellFlag.NESTED_TABLE)
    if "\n" in raw.strip():
        flags.append(CellFlag.PARAGRAPHS)
    return make_cell(raw, prov, flags=tuple(flags))


# ----------------------------------------------------------------------------------------------------
# XLSX


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _prescan_xlsx(path: Path, limits: ReadLimits) -> None:
    """Stream every worksheet's XML before openpyxl loads it: count the cells and measure the merged
    ranges, so a tiny file claiming a merged range over a whole sheet (``A1:XFD1048576``, which
    openpyxl would expand into 17 billion cells) or millions of cells is refused first."""
    import lxml.etree
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    source = path.name
    cells = 0
    covered = 0
    with zipfile.ZipFile(path) as archive:
        members = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        for member in members:
            with archive.open(member) as stream:
                events = lxml.etree.iterparse(
                    stream,
                    events=("end",),
                    tag=(f"{_SHEET_NS}c", f"{_SHEET_NS}mergeCell", f"{_SHEET_NS}row"),
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                )
                try:
                    for _event, element in events:
                        tag = element.tag
                        if tag == f"{_SHEET_NS}c":
                            cells += 1
                            if cells > limits.max_cells:
                                raise ReadLimitError(source, "max_cells", cells, limits.max_cells, member)
                            ref = element.get("r")
                            if ref and len(element):
                                try:
                                    row, column = coordinate_to_tuple(ref)
                                except (ValueError, TypeError):
                                    row, column = 0, 0
                                if column > limits.max_columns:
                                    raise ReadLimitError(
                                        source,
                                        "max_columns",
                                        column,
                                        limits.max_columns,
                                        f"{member}, cell {ref}",
                                    )
                                if row > limits.max_rows:
                                    raise ReadLimitError(
                                        source, "max_rows", row, limits.max_rows, f"{member}, cell {ref}"
                                    )
                        elif tag == f"{_SHEET_NS}mergeCell":
                            ref = element.get("ref") or ""
                            try:
                                min_col, min_row, max_col, max_row = range_boundaries(ref)
                            except (ValueError, TypeError) as exc:
                                raise TableReadError(
                                    f"{source}: {member}: a malformed merged range {ref!r}",
                                    location=Location(file=source, path=member),
                                ) from exc
                            if None in (min_col, min_row, max_col, max_row):
                                raise TableReadError(
                                    f"{source}: {member}: an unbounded merged range {ref!r}",
                                    location=Location(file=source, path=member),
                                )
                            rows = int(max_row or 0) - int(min_row or 0) + 1
                            columns = int(max_col or 0) - int(min_col or 0) + 1
                            check_span(source, rows, columns, limits, f"{member}, merged range {ref}")
                            covered += rows * columns
                            if covered > limits.max_cells:
                                raise ReadLimitError(
                                    source,
                                    "max_cells",
                                    covered,
                                    limits.max_cells,
                                    f"{member}, merged range {ref}",
                                )
                        else:
                            element.clear()
                            while element.getprevious() is not None:
                                del element.getparent()[0]
                except lxml.etree.XMLSyntaxError as exc:
                    raise TableReadError(
                        f"{source}: {member}: malformed worksheet XML: {exc}",
                        location=Location(file=source, path=member, line=exc.lineno or None),
                    ) from exc


def _sheet_extent(ws: Worksheet) -> tuple[int, int]:
    """The last row and column that hold a value or a merged range (openpyxl's own ``max_column``
    also counts cells that only carry a style)."""
    last_row = last_column = 0
    cells: dict[tuple[int, int], object] = getattr(ws, "_cells", {})
    for (row, column), cell in cells.items():
        if getattr(cell, "value", None) is not None:
            last_row = max(last_row, row)
            last_column = max(last_column, column)
    for rng in ws.merged_cells.ranges:
        last_row = max(last_row, rng.max_row)
        last_column = max(last_column, rng.max_col)
    return last_row, last_column


def read_xlsx_blocks(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    max_cells: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[SourceBlock, ...]:
    """Read an Excel workbook (.xlsx): one grid per worksheet, in sheet order.

    Cells inside a merged range other than its top-left cell come out blank, flagged
    :attr:`CellFlag.MERGED_ABOVE` (below the first row of the range) or :attr:`CellFlag.SPANNED`
    (right of the first column). Dates become «ДД.ММ.ГГГГ». Formulas are not evaluated: the value
    Excel cached when it saved the file is read. Empty rows mark a break before the next row.

    Raises:
        TableReadError: the file is too large, not an XLSX, or unreadable.
    """
    import openpyxl

    path = Path(path)
    limits = _limits(limits, max_bytes, max_cells)
    check_archive(path, limits, "XLSX")
    source = path.name
    _prescan_xlsx(path, limits)
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True, read_only=False)
    except Exception as exc:
        raise TableReadError(
            f"{source}: openpyxl cannot open the workbook: {exc}", location=Location(file=source)
        ) from exc
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    try:
        for sheet_index, ws in enumerate(workbook.worksheets, start=1):
            covered: dict[tuple[int, int], CellFlag] = {}
            for rng in ws.merged_cells.ranges:
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        if r == rng.min_row and c == rng.min_col:
                            continue
                        covered[(r, c)] = CellFlag.SPANNED if r == rng.min_row else CellFlag.MERGED_ABOVE
            rows: list[SourceRow] = []
            pending_break = False
            last_row, last_column = _sheet_extent(ws)
            where = f"sheet «{ws.title}»"
            budget.row_count(last_row, where)
            budget.row_width(last_column, where)
            budget.take(last_row * last_column, where)
            if not last_row or not last_column:
                continue
            sheet_rows = ws.iter_rows(min_row=1, max_row=last_row, max_col=last_column, values_only=True)
            for r, values in enumerate(sheet_rows, start=1):
                texts = [_xlsx_text(v) for v in values]
                if not any(t.strip() for t in texts) and not any((r, c) in covered for c in range(1, 3)):
                    pending_break = bool(rows)
                    continue
                cells = []
                for c, text in enumerate(texts, start=1):
                    prov = CellProvenance(
                        Location(file=source, table=sheet_index, sheet=ws.title, row=r, column=c)
                    )
                    flag = covered.get((r, c))
                    flags = (flag,) if flag else ()
                    if "\n" in text.strip():
                        flags = (*flags, CellFlag.PARAGRAPHS)
                    cells.append(make_cell(text, prov, flags=flags))
                while cells and cells[-1].is_blank and not cells[-1].flags and len(cells) > 1:
                    cells.pop()
                row_prov = CellProvenance(Location(file=source, table=sheet_index, sheet=ws.title, row=r))
                rows.append(
                    SourceRow(
                        tuple(cells),
                        row_prov,
                        after_break=pending_break,
                        fixed_columns=True,
                        whole=not pending_break,
                    )
                )
                pending_break = False
            if rows:
                blocks.append(
                    SourceGrid(
                        tuple(rows), CellProvenance(Location(file=source, table=sheet_index, sheet=ws.title))
                    )
                )
    finally:
        workbook.close()
    return tuple(blocks)


# ----------------------------------------------------------------------------------------------------
# CSV / TSV


def _sniff_delimiter(lines: Sequence[str]) -> str:
    """TAB, «;» or «,»: the one whose records (parsed as CSV: a quoted field may hold the other
    delimiters and line breaks) include a header row of a plan or glossary table, then the one that
    splits the most records of the first lines into the same number (two or more) of fields. Title
    lines above the table are prose full of commas, so counting delimiters per line misleads. Ties go
    to TAB, then «;» (Russian Excel's default)."""
    sample = "\n".join(lines[:200])
    best, best_score = ",", (False, -1)
    for delim in ("\t", ";", ","):
        widths: Counter[int] = Counter()
        header = False
        try:
            for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delim):
                if len(record) > 1:
                    widths[len(record)] += 1
                    header = header or is_header_row(record)
        except csv.Error:  # an over-long field or a stray quote: judge by what was read
            pass
        score = (header, widths.most_common(1)[0][1] if widths else 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_delimited_blocks(
    text: str,
    *,
    source: str = "<string>",
    delimiter: str | None = None,
    max_cells: int | None = None,
    limits: ReadLimits | None = None,
) -> tuple[SourceBlock, ...]:
    """Read CSV or TSV text into one grid (see :func:`read_delimited`, which also returns what the
    reader noticed, such as an unbalanced quote)."""
    return read_delimited(text, source=source, delimiter=delimiter, limits=_limits(limits, None, max_cells))[
        0
    ]


#: After this many unbalanced quotes the rest of the file is read with quotes as plain characters.
_MAX_QUOTE_REPAIRS = 100


def read_delimited(
    text: str,
    *,
    source: str = "<string>",
    delimiter: str | None = None,
    limits: ReadLimits | None = None,
) -> tuple[tuple[SourceBlock, ...], tuple[Problem, ...]]:
    """Read CSV or TSV text (quoted multi-line cells allowed) into one grid, and the problems noticed.

    The delimiter is guessed (TAB, «;» — Russian Excel's default — or «,») unless given. Empty rows
    mark a break before the next row. CellProvenance lines are the first line of each record.
    A cell written with the spreadsheet-safety apostrophe before a formula-like text («'=…») reads
    as the text without it (:func:`~gia_roadmap.io.safe_text.unguard_csv_cell`), so what
    :func:`~gia_roadmap.io.export_csv.to_csv` wrote reads back unchanged.

    An opening quote that is never closed would swallow the rest of the file into one cell; such a
    record is read again with its quotes as plain characters and reported (``unbalanced-quote``, with
    its line). A field longer than ``limits.max_field_chars`` raises
    :class:`~gia_roadmap.errors.ReadLimitError` with its line.
    """
    limits = limits or ReadLimits()
    lines = text.split("\n")
    delim = delimiter or _sniff_delimiter(lines)
    budget = CellBudget(source, limits)
    problems: list[Problem] = []
    rows: list[SourceRow] = []
    pending_break = False
    offset = 0  # lines before the part being parsed
    quoting: Literal[0, 3] = csv.QUOTE_MINIMAL

    def add(record: Sequence[str], line: int) -> None:
        nonlocal pending_break
        for column, value in enumerate(record, start=1):
            if len(value) > limits.max_field_chars:
                where = f"line {line}, field {column}"
                raise ReadLimitError(source, "max_field_chars", len(value), limits.max_field_chars, where)
        if not any(v.strip() for v in record):
            pending_break = bool(rows)
            return
        budget.row_width(len(record), f"line {line}")
        budget.take(len(record), f"line {line}")
        cells = tuple(  # a cell guarded against spreadsheet formulas reads back as written
            make_cell(
                unguard_csv_cell(v),
                CellProvenance(Location(file=source, table=1, line=line, column=c)),
                # a line break inside a quoted field is a spreadsheet cell's hard break (Alt+Enter),
                # as in the XLSX a CSV is saved from: the paragraphs of the cell
                flags=(CellFlag.PARAGRAPHS,) if "\n" in v.strip() else (),
            )
            for c, v in enumerate(record, start=1)
        )
        rows.append(
            SourceRow(
                cells,
                CellProvenance(Location(file=source, table=1, line=line)),
                after_break=pending_break,
                # a record is one row of the spreadsheet it was saved from, unless an empty line
                # (a page or sheet boundary of a converted document) comes right before it
                whole=not pending_break,
                delimited=True,
            )
        )
        pending_break = False

    while offset < len(lines):
        part = lines[offset:]
        if part and part[-1] == "":
            part = part[:-1]
        if not part:
            break
        reader = csv.reader(io.StringIO("\n".join(part), newline=""), delimiter=delim, quoting=quoting)
        start = 1
        restart: int | None = None
        try:
            for record in reader:
                line = offset + start
                consumed = reader.line_num
                start = consumed + 1
                raw = "\n".join(part[line - offset - 1 : consumed])
                if (
                    quoting != csv.QUOTE_NONE
                    and consumed >= len(part)
                    and consumed > line - offset
                    and raw.count('"') % 2 == 1
                ):
                    problems.append(
                        reader_problem(
                            "unbalanced-quote",
                            f"line {line}: a quote opened here is never closed (it would swallow the "
                            f"{consumed - (line - offset)} line(s) after it into one cell); the line was "
                            "read with its quotes as plain characters",
                            CellProvenance(Location(file=source, table=1, line=line)),
                        )
                    )
                    single = next(
                        csv.reader([part[line - offset - 1]], delimiter=delim, quoting=csv.QUOTE_NONE)
                    )
                    add(single, line)
                    restart = line
                    if len(problems) >= _MAX_QUOTE_REPAIRS:
                        quoting = csv.QUOTE_NONE
                    break
                add(record, line)
        except csv.Error as exc:
            line = offset + reader.line_num
            if "field limit" in str(exc):
                raise ReadLimitError(
                    source,
                    "max_field_chars",
                    limits.max_field_chars + 1,
                    limits.max_field_chars,
                    f"line {line}",
                ) from exc
            raise TableReadError(
                f"{source}: line {line}: malformed CSV: {exc}", location=Location(file=source, line=line)
            ) from exc
        if restart is None:
            break
        offset = restart
    if not rows:
        return (), tuple(problems)
    return (SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=1))),), tuple(problems)


# ----------------------------------------------------------------------------------------------------
# Text conversions of Word documents (the seed layouts)


def read_text_blocks(
    text: str, *, source: str = "<string>", max_cells: int | None = None, limits: ReadLimits | None = None
) -> tuple[SourceBlock, ...]:
    """Read a text conversion of a Word document: paragraphs and tab-separated tables.

    Two layouts are recognised automatically:

    * **one row per line**: cells separated by TABs; a line without a TAB is a paragraph; blank lines
      and separator lines («---\\t-----») mark a (page) break before the next row;
    * **one cell per line**: every line that begins with a TAB starts a cell and the lines after it
      (up to the next TAB line) continue that cell; blank lines inside a cell are empty paragraphs.
      Rows are then reassembled using the column count of the nearest header row above.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tab_lines = [ln for ln in lines if "\t" in ln]
    if not tab_lines:
        return tuple(_paragraphs_only(lines, source))
    stream_like = sum(1 for ln in tab_lines if ln.startswith("\t") and ln.count("\t") == 1)
    if stream_like >= 0.6 * len(tab_lines):
        return _read_cell_stream(lines, source, CellBudget(source, _limits(limits, None, max_cells)))
    return _read_row_lines(lines, source, CellBudget(source, _limits(limits, None, max_cells)))


def _paragraphs_only(lines: Sequence[str], source: str) -> Iterator[RawParagraph]:
    for n, line in enumerate(lines, start=1):
        if line.strip():
            yield RawParagraph(
                "\n".join(clean_text(line)[0]), line, CellProvenance(Location(file=source, line=n))
            )


def _read_row_lines(lines: Sequence[str], source: str, budget: CellBudget) -> tuple[SourceBlock, ...]:
    blocks: list[SourceBlock] = []
    rows: list[SourceRow] = []
    pending_break = False
    grid_index = 0

    def flush() -> None:
        nonlocal rows, grid_index
        if rows:
            grid_index += 1
            prov = CellProvenance(
                Location(file=source, table=grid_index, line=rows[0].provenance.location.line)
            )
            blocks.append(SourceGrid(tuple(rows), prov))
            rows = []

    for n, line in enumerate(lines, start=1):
        if not line.strip():
            pending_break = True
            continue
        if "\t" in line and _SEPARATOR.match(line) and "-" in line:
            pending_break = True
            continue
        if "\t" not in line:
            flush()
            blocks.append(
                RawParagraph(
                    "\n".join(clean_text(line)[0]), line, CellProvenance(Location(file=source, line=n))
                )
            )
            pending_break = False
            continue
        parts = line.split("\t")
        budget.take(len(parts))
        cells = tuple(
            make_cell(part, CellProvenance(Location(file=source, table=grid_index + 1, line=n, column=c)))
            for c, part in enumerate(parts, start=1)
        )
        lead_missing = bool(rows) and not line.startswith("\t") and _lead_tab_usual(rows)
        prov = CellProvenance(Location(file=source, table=grid_index + 1, line=n))
        rows.append(SourceRow(cells, prov, after_break=pending_break, lead_missing=lead_missing))
        pending_break = False
    flush()
    return tuple(blocks)


def _lead_tab_usual(rows: Sequence[SourceRow]) -> bool:
    """True when recent rows of this grid often begin with an empty first cell."""
    recent = rows[-12:]
    return sum(1 for r in recent if r.cells and r.cells[0].raw == "") >= 2


class _StreamCell:
    __slots__ = ("blank_before", "line", "lines")

    def __init__(self, line: int, first: str, blank_before: bool) -> None:
        self.line = line
        self.lines = [first]
        self.blank_before = blank_before


def _read_cell_stream(lines: Sequence[str], source: str, budget: CellBudget) -> tuple[SourceBlock, ...]:
    cells, paragraphs = _stream_cells(lines, source)
    budget.take(len(cells))
    grids = _StreamGrids(source)
    for group in _cell_groups(cells):
        grids.add(group)
    return (*paragraphs, *grids.finish())


def _stream_cells(lines: Sequence[str], source: str) -> tuple[list[_StreamCell], list[SourceBlock]]:
    """The cells of a cell stream (a tab-led line starts one, the lines after it continue it) and the
    paragraphs before the first cell."""
    cells: list[_StreamCell] = []
    paragraphs: list[SourceBlock] = []
    blank = False
    for n, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            cells.append(_StreamCell(n, line[1:], blank))
            blank = False
        elif not line.strip():
            blank = True
            if cells:
                cells[-1].lines.append("")
        elif cells:
            cells[-1].lines.append(line)
            blank = False
        else:
            paragraphs.append(
                RawParagraph(
                    "\n".join(clean_text(line)[0]), line, CellProvenance(Location(file=source, line=n))
                )
            )
    return cells, paragraphs


def _cell_groups(cells: list[_StreamCell]) -> list[list[_StreamCell]]:
    """Groups of cells between blank lines; a row is one or more groups."""
    groups: list[list[_StreamCell]] = []
    for cell in cells:
        if cell.blank_before or not groups:
            groups.append([cell])
        else:
            groups[-1].append(cell)
    return groups


class _StreamGrids:
    """Groups of stream cells made rows of grids: a header-like group of two or more cells starts a
    new grid and sets the row width; a group joins the pending row while the row fits that width and
    the group does not start with a measure number; a row is complete when it reaches the width."""

    __slots__ = ("blocks", "grid_index", "pending", "rows", "source", "width")

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[SourceBlock] = []
        self.rows: list[SourceRow] = []  # the rows of the current grid
        self.pending: list[_StreamCell] = []  # the cells of the row being assembled
        self.grid_index = 0
        self.width = 0

    def add(self, group: list[_StreamCell]) -> None:
        """Place a group of cells."""
        if len(group) >= 2 and is_header_row(["\n".join(c.lines) for c in group]):
            self._end_row()
            self._end_grid()
            self.grid_index += 1
            self.width = len(group)
            self._row(group)
            return
        starts_number = bool(re.match(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s*$", group[0].lines[0]))
        if self.pending and len(self.pending) + len(group) <= max(self.width, 1) and not starts_number:
            self.pending.extend(group)
        else:
            self._end_row()
            self.pending = list(group)
        if self.width and len(self.pending) >= self.width:
            self._end_row()

    def finish(self) -> list[SourceBlock]:
        """The grids, the pending row ended."""
        self._end_row()
        self._end_grid()
        return self.blocks

    def _end_row(self) -> None:
        if self.pending:
            self._row(self.pending)
            self.pending = []

    def _row(self, group: list[_StreamCell]) -> None:
        source, table = self.source, self.grid_index
        row_cells = tuple(_stream_cell(c, source, table, col) for col, c in enumerate(group, start=1))
        prov = CellProvenance(Location(file=source, table=table or None, line=group[0].line))
        self.rows.append(SourceRow(row_cells, prov, after_break=True))

    def _end_grid(self) -> None:
        if self.rows:
            line = self.rows[0].provenance.location.line
            prov = CellProvenance(Location(file=self.source, table=self.grid_index or None, line=line))
            self.blocks.append(SourceGrid(tuple(self.rows), prov))
            self.rows = []


def _stream_cell(cell: _StreamCell, source: str, table: int, column: int) -> RawCell:
    lines = list(cell.lines)
    flags: list[CellFlag] = []
    # A bare page number between blank lines inside a cell is a printed page number, not text.
    for i, line in enumerate(lines):
        if (
            i > 0
            and _PAGE_NUMBER.match(line)
            and not lines[i - 1].strip()
            and (i == len(lines) - 1 or not lines[i + 1].strip())
            and any(ln.strip() for ln in lines[:i])
        ):
            lines[i] = ""
            flags.append(CellFlag.PAGE_NUMBER_REMOVED)
    raw = "\n".join(cell.lines).rstrip("\n")
    prov = CellProvenance(Location(file=source, table=table or None, line=cell.line, column=column))
    paragraphs, markup = clean_text("\n".join(lines))
    if markup:
        flags.append(CellFlag.MARKUP_REMOVED)
    if flags:
        prov = prov.flagged(*flags)
    return RawCell("\n".join(paragraphs), raw, paragraphs, prov)
