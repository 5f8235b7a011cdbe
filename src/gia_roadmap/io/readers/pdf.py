"""PDF roadmaps with a text layer (what most school sites publish), read with pdfplumber, a maintained
table-extraction library built on pdfminer.six: it finds a table from its ruling lines and cuts the
page's characters into its cells.

Each page is cut into horizontal bands: the text above, between and below the tables becomes
paragraphs (line by line), each table a grid on that page. A cell that pdfplumber reports as missing
is covered by a merged cell: from the left (:attr:`CellFlag.SPANNED`) when the nearest cell to its
left reaches into its column, else from above (:attr:`CellFlag.MERGED_ABOVE`). A table that starts a
page after the first may continue the table of the page before: its first rows (a repeated header, a
row the page break split) are not taken as whole, so the table builder can join them. Line breaks
inside a PDF cell are where the text wrapped, not paragraphs.

A PDF whose pages hold no characters at all is a scan: :class:`~gia_roadmap.errors.NoTextLayerError`
(«нет текстового слоя»).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from gia_roadmap.errors import (
    Location,
    MissingDependencyError,
    NoTextLayerError,
    ReadLimitError,
    TableReadError,
)
from gia_roadmap.io.cells import clean_text, make_cell
from gia_roadmap.io.limits import CellBudget, ReadLimits, check_file_size
from gia_roadmap.io.readers._grid import source_rows
from gia_roadmap.io.tables import (
    CellFlag,
    CellProvenance,
    RawCell,
    RawParagraph,
    SourceBlock,
    SourceGrid,
)
from gia_roadmap.text import dash_class

__all__ = ["read_pdf_blocks", "unwrap"]

_EPSILON = 1.0
_ITEM_START = re.compile(rf"^(?:{dash_class('•·▪●')}\s|\d{{1,3}}(?:\.\d{{1,3}})*[.)]\s)")


def unwrap(text: str) -> str:
    """Join the lines a PDF cell wrapped: a line continues the one above unless it starts an item (a
    dash, a bullet, «1.») or the line above ends a clause («:», «;»). A word hyphenated at the wrap is
    rejoined («учи-» + «телей»); a hyphen after a capital or a digit stays («ГИА-» + «9» → «ГИА-9»).

    >>> unwrap("Обучение учи-\nтелей по ГИА-\n9:\n– первое")
    'Обучение учителей по ГИА-9:\n– первое'
    """
    out: list[str] = []
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        if not out or _ITEM_START.match(line) or out[-1].endswith((":", ";")):
            out.append(line)
            continue
        previous = out[-1]
        if previous.endswith("-") and len(previous) > 1 and previous[-2] not in " -":
            if previous[-2].islower() and line[:1].islower():
                out[-1] = previous[:-1] + line
            else:
                out[-1] = previous + line
        else:
            out[-1] = f"{previous} {line}"
    return "\n".join(out)


def read_pdf_blocks(path: str | Path, *, limits: ReadLimits | None = None) -> tuple[SourceBlock, ...]:
    """Read a PDF's tables and text, page by page, in reading order.

    Raises:
        MissingDependencyError: pdfplumber is not installed.
        NoTextLayerError: no page holds text (a scanned document).
        TableReadError: not a PDF, damaged, encrypted, or a budget exceeded.
    """
    try:
        import pdfplumber
    except ImportError as exc:
        raise MissingDependencyError("reading PDF files", "pdfplumber", "pdf") from exc
    path = Path(path)
    limits = limits or ReadLimits()
    check_file_size(path, limits)
    source = path.name
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = pdf.pages
            if len(pages) > limits.max_pages:
                raise ReadLimitError(source, "max_pages", len(pages), limits.max_pages)
            has_text = False
            table_index = 0
            line = 0
            for page_number, page in enumerate(pages, start=1):
                if page.chars:
                    has_text = True
                tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
                top = page.bbox[1]
                for table in tables:
                    line = _text_band(page, top, table.bbox[1], source, page_number, line, blocks)
                    table_index += 1
                    grid = _grid(table, source, table_index, page_number, budget)
                    rows = source_rows(
                        grid, source=source, table=table_index, page=page_number, broken_head=page_number > 1
                    )
                    rows = [r for r in rows if any(not c.is_blank for c in r.cells)]
                    if rows:
                        prov = CellProvenance(Location(file=source, page=page_number, table=table_index))
                        blocks.append(SourceGrid(tuple(rows), prov))
                    top = table.bbox[3]
                line = _text_band(page, top, page.bbox[3], source, page_number, line, blocks)
                page.close()
            if not has_text:
                raise NoTextLayerError(source, len(pages))
    except TableReadError:
        raise
    except Exception as exc:  # pdfminer's PDFSyntaxError, PSEOF, encryption errors …
        raise TableReadError(
            f"{source}: pdfplumber cannot read the PDF: {type(exc).__name__}: {exc}",
            location=Location(file=source),
        ) from exc
    return tuple(blocks)


def _text_band(
    page: Any, top: float, bottom: float, source: str, page_number: int, line: int, blocks: list[SourceBlock]
) -> int:
    """Append the text lines of the page between ``top`` and ``bottom`` as paragraphs."""
    x0, _, x1, _ = page.bbox
    if bottom - top <= _EPSILON:
        return line
    text = page.crop((x0, top, x1, bottom), strict=False).extract_text() or ""
    for raw in text.split("\n"):
        paragraphs, _ = clean_text(raw)
        if not paragraphs:
            continue
        line += 1
        prov = CellProvenance(Location(file=source, page=page_number, line=line))
        blocks.append(RawParagraph(paragraphs[0], raw, prov))
    return line


def _grid(table: Any, source: str, index: int, page: int, budget: CellBudget) -> list[list[RawCell]]:
    texts: list[list[str | None]] = table.extract()
    columns = table.columns
    budget.row_count(len(texts), f"page {page}, table {index}")
    out: list[list[RawCell]] = []
    for r, (values, row) in enumerate(zip(texts, table.rows, strict=False), start=1):
        where = f"page {page}, table {index}, row {r}"
        budget.row_width(len(values), where)
        budget.take(len(values), where)
        cells: list[RawCell] = []
        for c, value in enumerate(values):
            prov = CellProvenance(Location(file=source, page=page, table=index, row=r, column=c + 1))
            if value is not None:
                cell = make_cell(unwrap(value), prov)
                cells.append(attrs.evolve(cell, raw=value))
                continue
            flag = CellFlag.MERGED_ABOVE
            left = next((b for b in reversed(row.cells[:c]) if b is not None), None)
            if left is not None and c < len(columns) and left[2] > columns[c].bbox[0] + _EPSILON:
                flag = CellFlag.SPANNED
            cells.append(make_cell("", prov, flags=(flag,)))
        out.append(cells)
    return out
