"""Source readers: DOCX (python-docx), XLSX (openpyxl), CSV/TSV and text conversions of Word tables.

Each reader turns a file into :class:`~gia_roadmap.io.tables.SourceBlock` values in document order:
paragraphs, and grids of cells with their provenance. Merged cells are recorded as flags
(:attr:`CellFlag.MERGED_ABOVE`, :attr:`CellFlag.SPANNED`); the table builder
(:mod:`gia_roadmap.io.structure`) decides what they inherit.

Safety: files are size-limited (:data:`MAX_FILE_BYTES`, and the total unpacked size of a DOCX/XLSX
archive :data:`MAX_UNPACKED_BYTES`), python-docx parses XML without resolving entities (lxml,
``resolve_entities=False``), openpyxl's expat parser refuses an external entity as undefined, both
refuse entity-expansion bombs by their amplification limits, formulas in spreadsheets are never
evaluated (only cached values are read), macros and embedded objects are never opened, and nothing
from a file is executed (see ``tests/safety``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gia_roadmap.errors import TableReadError

if TYPE_CHECKING:
    from docx.table import _Cell

from gia_roadmap.io.cells import clean_text, make_cell
from gia_roadmap.io.headers import is_header_row
from gia_roadmap.io.tables import (
    CellFlag,
    Location,
    Provenance,
    RawCell,
    RawParagraph,
    SourceBlock,
    SourceGrid,
    SourceRow,
)

__all__ = [
    "MAX_CELLS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "decode_text",
    "read_delimited_blocks",
    "read_docx_blocks",
    "read_path_blocks",
    "read_text_blocks",
    "read_xlsx_blocks",
]

#: Largest file accepted by the readers (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Largest total unpacked size of a DOCX/XLSX archive (bytes): a guard against zip bombs.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
#: Largest number of cells read from one source.
MAX_CELLS = 500_000

_SEPARATOR = re.compile(r"^[\s\-–—=_|+:]*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _check_size(size: int, source: str, limit: int) -> None:
    if size > limit:
        raise TableReadError(
            f"{source}: the file is {size} bytes, more than the limit of {limit} bytes; "
            "split it or pass a larger max_bytes if you trust it"
        )


def _check_archive(path: Path, max_bytes: int, max_unpacked: int) -> None:
    source = str(path)
    _check_size(path.stat().st_size, source, max_bytes)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise TableReadError(
            f"{source}: not a valid DOCX/XLSX file (they are ZIP archives): {exc}; "
            "save the document as .docx or .xlsx (Office Open XML)"
        ) from exc
    if unpacked > max_unpacked:
        raise TableReadError(
            f"{source}: the archive unpacks to {unpacked} bytes, more than the limit of {max_unpacked}; "
            "this looks like a damaged or malicious file"
        )


def decode_text(data: bytes, source: str = "<bytes>") -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1251 (common for Russian CSV)."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableReadError(f"{source}: cannot decode the text as UTF-8 or Windows-1251")  # pragma: no cover


class _CellBudget:
    def __init__(self, source: str, limit: int) -> None:
        self.source = source
        self.limit = limit
        self.count = 0

    def take(self, n: int) -> None:
        self.count += n
        if self.count > self.limit:
            raise TableReadError(
                f"{self.source}: more than {self.limit} cells; a roadmap is far smaller, "
                "so the file is refused (pass a larger max_cells if you trust it)"
            )


# ----------------------------------------------------------------------------------------------------
# DOCX


def read_docx_blocks(
    path: str | Path, *, max_bytes: int = MAX_FILE_BYTES, max_cells: int = MAX_CELLS
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
    _check_archive(path, max_bytes, MAX_UNPACKED_BYTES)
    source = path.name
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise TableReadError(f"{source}: python-docx cannot open the document: {exc}") from exc
    budget = _CellBudget(source, max_cells)
    blocks: list[SourceBlock] = []
    numbering = _AutoNumbering()
    table_index = 0
    paragraph_index = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraph_index += 1
            text = item.text
            if text.strip():
                prov = Provenance(source, Location(line=paragraph_index))
                blocks.append(RawParagraph("\n".join(clean_text(text)[0]), text, prov))
            continue
        if not isinstance(item, Table):  # pragma: no cover - python-docx yields only these two
            continue
        table_index += 1
        rows: list[SourceRow] = []
        for r, tr in enumerate(item._tbl.tr_lst, start=1):
            cells: list[RawCell] = []
            col = 0
            for _ in range(tr.grid_before):
                col += 1
                cells.append(make_cell("", Provenance(source, Location(row=r, column=col), table_index)))
            for tc in tr.tc_lst:
                col += 1
                prov = Provenance(source, Location(row=r, column=col), table_index)
                cell = _Cell(tc, item)
                if tc.vMerge == "continue":
                    cells.append(make_cell("", prov, flags=(CellFlag.MERGED_ABOVE,)))
                else:
                    cells.append(_docx_cell(cell, prov, numbering))
                for _ in range(tc.grid_span - 1):
                    col += 1
                    span_prov = Provenance(source, Location(row=r, column=col), table_index)
                    cells.append(make_cell("", span_prov, flags=(CellFlag.SPANNED,)))
            budget.take(len(cells))
            row_prov = Provenance(source, Location(row=r), table_index)
            rows.append(SourceRow(tuple(cells), row_prov, fixed_columns=True, whole=True))
        blocks.append(SourceGrid(tuple(rows), Provenance(source, Location(), table_index)))
    return tuple(blocks)


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


def _docx_cell(cell: _Cell, prov: Provenance, numbering: _AutoNumbering) -> RawCell:
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


def read_xlsx_blocks(
    path: str | Path, *, max_bytes: int = MAX_FILE_BYTES, max_cells: int = MAX_CELLS
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
    _check_archive(path, max_bytes, MAX_UNPACKED_BYTES)
    source = path.name
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True, read_only=False)
    except Exception as exc:
        raise TableReadError(f"{source}: openpyxl cannot open the workbook: {exc}") from exc
    budget = _CellBudget(source, max_cells)
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
            max_col = ws.max_column
            budget.take(ws.max_row * max_col)
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
                texts = [_xlsx_text(v) for v in values]
                if not any(t.strip() for t in texts) and not any((r, c) in covered for c in range(1, 3)):
                    pending_break = bool(rows)
                    continue
                cells = []
                for c, text in enumerate(texts, start=1):
                    prov = Provenance(source, Location(row=r, column=c), sheet_index, ws.title)
                    flag = covered.get((r, c))
                    flags = (flag,) if flag else ()
                    if "\n" in text.strip():
                        flags = (*flags, CellFlag.PARAGRAPHS)
                    cells.append(make_cell(text, prov, flags=flags))
                while cells and cells[-1].is_blank and not cells[-1].flags and len(cells) > 1:
                    cells.pop()
                row_prov = Provenance(source, Location(row=r), sheet_index, ws.title)
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
                blocks.append(SourceGrid(tuple(rows), Provenance(source, Location(), sheet_index, ws.title)))
    finally:
        workbook.close()
    return tuple(blocks)


# ----------------------------------------------------------------------------------------------------
# CSV / TSV


def _sniff_delimiter(lines: Sequence[str]) -> str:
    best, best_score = ",", -1.0
    sample = [ln for ln in lines[:50] if ln.strip()]
    for delim in ("\t", ";", ","):
        counts = [ln.count(delim) for ln in sample]
        if not counts or max(counts) == 0:
            continue
        present = sum(1 for c in counts if c > 0) / len(counts)
        score = present * 10 + (1 if delim == "\t" else 0) + (0.5 if delim == ";" else 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_delimited_blocks(
    text: str, *, source: str = "<string>", delimiter: str | None = None, max_cells: int = MAX_CELLS
) -> tuple[SourceBlock, ...]:
    """Read CSV or TSV text (quoted multi-line cells allowed) into one grid.

    The delimiter is guessed (TAB, «;» — Russian Excel's default — or «,») unless given. Empty rows
    mark a break before the next row. Provenance lines are the first line of each record.
    """
    lines = text.splitlines()
    delim = delimiter or _sniff_delimiter(lines)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    budget = _CellBudget(source, max_cells)
    rows: list[SourceRow] = []
    pending_break = False
    start = 1
    for record in reader:
        line = start
        start = reader.line_num + 1
        if not any(v.strip() for v in record):
            pending_break = bool(rows)
            continue
        budget.take(len(record))
        cells = tuple(
            make_cell(v, Provenance(source, Location(line=line, column=c), 1))
            for c, v in enumerate(record, start=1)
        )
        rows.append(SourceRow(cells, Provenance(source, Location(line=line), 1), after_break=pending_break))
        pending_break = False
    if not rows:
        return ()
    return (SourceGrid(tuple(rows), Provenance(source, Location(), 1)),)


# ----------------------------------------------------------------------------------------------------
# Text conversions of Word documents (the seed layouts)


def read_text_blocks(
    text: str, *, source: str = "<string>", max_cells: int = MAX_CELLS
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
        return _read_cell_stream(lines, source, _CellBudget(source, max_cells))
    return _read_row_lines(lines, source, _CellBudget(source, max_cells))


def _paragraphs_only(lines: Sequence[str], source: str) -> Iterator[RawParagraph]:
    for n, line in enumerate(lines, start=1):
        if line.strip():
            yield RawParagraph("\n".join(clean_text(line)[0]), line, Provenance(source, Location(line=n)))


def _read_row_lines(lines: Sequence[str], source: str, budget: _CellBudget) -> tuple[SourceBlock, ...]:
    blocks: list[SourceBlock] = []
    rows: list[SourceRow] = []
    pending_break = False
    grid_index = 0

    def flush() -> None:
        nonlocal rows, grid_index
        if rows:
            grid_index += 1
            prov = Provenance(source, Location(line=rows[0].provenance.location.line), grid_index)
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
                RawParagraph("\n".join(clean_text(line)[0]), line, Provenance(source, Location(line=n)))
            )
            pending_break = False
            continue
        parts = line.split("\t")
        budget.take(len(parts))
        cells = tuple(
            make_cell(part, Provenance(source, Location(line=n, column=c), grid_index + 1))
            for c, part in enumerate(parts, start=1)
        )
        lead_missing = bool(rows) and not line.startswith("\t") and _lead_tab_usual(rows)
        prov = Provenance(source, Location(line=n), grid_index + 1)
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


def _read_cell_stream(lines: Sequence[str], source: str, budget: _CellBudget) -> tuple[SourceBlock, ...]:
    blocks: list[SourceBlock] = []
    cells: list[_StreamCell] = []
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
            blocks.append(
                RawParagraph("\n".join(clean_text(line)[0]), line, Provenance(source, Location(line=n)))
            )
    budget.take(len(cells))
    # Groups of cells between blank lines; a row is one or more groups.
    groups: list[list[_StreamCell]] = []
    for cell in cells:
        if cell.blank_before or not groups:
            groups.append([cell])
        else:
            groups[-1].append(cell)
    width = 0
    grid_rows: list[SourceRow] = []
    grid_index = 0

    def flush() -> None:
        nonlocal grid_rows
        if grid_rows:
            prov = Provenance(source, Location(line=grid_rows[0].provenance.location.line), grid_index)
            blocks.append(SourceGrid(tuple(grid_rows), prov))
            grid_rows = []

    def emit(group: list[_StreamCell], after_break: bool) -> None:
        row_cells = tuple(_stream_cell(c, source, grid_index, col) for col, c in enumerate(group, start=1))
        prov = Provenance(source, Location(line=group[0].line), grid_index)
        grid_rows.append(SourceRow(row_cells, prov, after_break=after_break))

    pending: list[_StreamCell] = []
    for group in groups:
        texts = ["\n".join(c.lines) for c in group]
        if len(group) >= 2 and is_header_row(texts):
            if pending:
                emit(pending, True)
                pending = []
            flush()
            grid_index += 1
            width = len(group)
            emit(group, True)
            continue
        starts_number = bool(re.match(r"^\s*\d{1,3}(?:\.\d{1,3})*\.?\s*$", group[0].lines[0]))
        if pending and len(pending) + len(group) <= max(width, 1) and not starts_number:
            pending.extend(group)
        else:
            if pending:
                emit(pending, True)
            pending = list(group)
        if width and len(pending) >= width:
            emit(pending, True)
            pending = []
    if pending:
        emit(pending, True)
    flush()
    return tuple(blocks)


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
    prov = Provenance(source, Location(line=cell.line, column=column), table)
    paragraphs, markup = clean_text("\n".join(lines))
    if markup:
        flags.append(CellFlag.MARKUP_REMOVED)
    if flags:
        prov = prov.flagged(*flags)
    return RawCell("\n".join(paragraphs), raw, paragraphs, prov)


def read_path_blocks(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[SourceBlock, ...]:
    """Read any supported file by its extension: .docx, .xlsx/.xlsm, .csv, .tsv, .txt/.md."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx_blocks(path, max_bytes=max_bytes)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx_blocks(path, max_bytes=max_bytes)
    if suffix in (".csv", ".tsv", ".txt", ".md", ".text"):
        _check_size(path.stat().st_size, str(path), max_bytes)
        text = decode_text(path.read_bytes(), path.name)
        if suffix == ".csv":
            return read_delimited_blocks(text, source=path.name)
        if suffix == ".tsv":
            return read_delimited_blocks(text, source=path.name, delimiter="\t")
        return read_text_blocks(text, source=path.name)
    raise TableReadError(
        f"{path}: unsupported file type {suffix or '(none)'!r}; "
        "supported: .docx, .xlsx, .xlsm, .csv, .tsv, .txt, .md (.doc and .xls: save as .docx/.xlsx first)"
    )
