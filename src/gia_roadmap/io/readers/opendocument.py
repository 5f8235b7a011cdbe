"""OpenDocument text (.odt) and spreadsheets (.ods), the files of LibreOffice and the domestic office
suites (МойОфис, Р7-Офис save them too), read with odfpy, the OpenDocument library pandas uses for
``.ods``.

* **ODT**: the body in document order: paragraphs and headings (lists item by item, sections
  entered) and tables. A table's rows (header rows included) are laid out with their spans
  (``number-columns-spanned``/``number-rows-spanned``; the covered cells are skipped, the layout marks
  them), a cell's paragraphs are hard breaks, a nested table is flattened into paragraphs.
* **ODS**: one grid per sheet. ``number-rows-repeated``/``number-columns-repeated`` are expanded only
  up to the last cell that holds text (a sheet ends in a million repeated empty rows), after checking
  the budget; an empty repeated row is a break.

The archive is inflated and counted against the budgets before odfpy parses it, and its XML parts
are checked to be well-formed first: odfpy itself prints a part it cannot parse to standard output
and goes on with an empty document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from gia_roadmap.errors import Location, MissingDependencyError, TableReadError
from gia_roadmap.io.cells import clean_text
from gia_roadmap.io.limits import CellBudget, ReadLimits, check_archive
from gia_roadmap.io.readers._grid import SpanCell, lay_out, source_rows
from gia_roadmap.io.tables import CellFlag, CellProvenance, RawParagraph, SourceBlock, SourceGrid

__all__ = ["read_ods_blocks", "read_odt_blocks"]

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _load(path: Path, limits: ReadLimits, kind: str) -> Any:
    try:
        from odf.opendocument import load
    except ImportError as exc:
        raise MissingDependencyError(f"reading {kind} files", "odfpy", "odf") from exc
    check_archive(path, limits, kind)
    _check_well_formed(path, kind)
    try:
        document = load(str(path))
    except Exception as exc:  # odfpy raises KeyError, xml.sax errors … for a damaged file
        raise TableReadError(
            f"{path.name}: odfpy cannot open the {kind} document: {exc}", location=Location(file=path.name)
        ) from exc
    body = "text" if kind == "ODT" else "spreadsheet"
    if getattr(document, body, None) is None:
        raise TableReadError(
            f"{path.name}: the {kind} document has no {body} body (office:{body}); it is damaged, or "
            f"another kind of OpenDocument file saved as .{kind.lower()}",
            location=Location(file=path.name, path="content.xml"),
        )
    return document


#: The parts odfpy parses.
_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")


def _check_well_formed(path: Path, kind: str) -> None:
    """Parse each XML part odfpy will read (no entity expansion, no network), to name a damage."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for part in _PARTS:
            if part not in names:
                continue
            try:
                etree.fromstring(archive.read(part), parser)
            except etree.XMLSyntaxError as exc:
                line, column = exc.position
                raise TableReadError(
                    f"{path.name}: {part} of the {kind} document is not well-formed XML (line {line}, "
                    f"column {column}: {exc.msg}); save the document again in its own program",
                    location=Location(file=path.name, path=part, line=line),
                ) from None


def _name(node: Any) -> tuple[str, str]:
    qname = getattr(node, "qname", None)
    return qname if isinstance(qname, tuple) else ("", "")


def _int(node: Any, attribute: str) -> int:
    value = node.attributes.get((_TABLE, attribute))
    try:
        return max(int(value), 1) if value is not None else 1
    except ValueError:
        return 1


def _text(node: Any) -> str:
    """The text of a paragraph node: spaces (text:s), tabs and line breaks as written."""
    out: list[str] = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            out.append(str(child.data))
            continue
        ns, local = _name(child)
        if ns == _TEXT and local == "s":
            count = child.attributes.get((_TEXT, "c"))
            out.append(" " * (int(count) if count and str(count).isdigit() else 1))
        elif ns == _TEXT and local == "tab":
            out.append("\t")
        elif ns == _TEXT and local == "line-break":
            out.append("\n")
        elif ns == _TEXT and local in ("note", "note-citation"):
            continue  # footnote marks and bodies are not the cell's text
        else:
            out.append(_text(child))
    return "".join(out)


def _blocks_of(node: Any) -> Iterator[tuple[str, Any]]:
    """("p", paragraph node) and ("table", table node) in document order."""
    for child in node.childNodes:
        ns, local = _name(child)
        if ns == _TEXT and local in ("p", "h"):
            yield "p", child
        elif ns == _TABLE and local == "table":
            yield "table", child
        elif (ns == _TEXT and local in ("list", "list-item", "list-header", "section")) or (
            ns == _TABLE and local in ("table-header-rows", "table-rows", "table-row-group")
        ):
            yield from _blocks_of(child)


def _rows_of(table: Any) -> Iterator[Any]:
    for child in table.childNodes:
        ns, local = _name(child)
        if ns != _TABLE:
            continue
        if local == "table-row":
            yield child
        elif local in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _rows_of(child)


def _cells_of(row: Any) -> Iterator[tuple[Any, bool]]:
    for child in row.childNodes:
        ns, local = _name(child)
        if ns == _TABLE and local in ("table-cell", "covered-table-cell"):
            yield child, local == "covered-table-cell"


def _cell_text(cell: Any) -> tuple[list[str], bool]:
    paragraphs: list[str] = []
    nested = False
    for kind, node in _blocks_of(cell):
        if kind == "p":
            paragraphs.extend(_text(node).split("\n"))
        else:
            nested = True
            for row in _rows_of(node):
                texts = [
                    " ".join(" ".join(_cell_text(c)[0]).split())
                    for c, covered in _cells_of(row)
                    if not covered
                ]
                paragraphs.append(" | ".join(texts))
    return paragraphs, nested


def _span_cell(cell: Any) -> SpanCell:
    paragraphs, nested = _cell_text(cell)
    raw = "\n".join(paragraphs).strip("\n")
    flags = []
    if nested:
        flags.append(CellFlag.NESTED_TABLE)
    if "\n" in raw.strip():
        flags.append(CellFlag.PARAGRAPHS)
    return SpanCell(
        raw, _int(cell, "number-columns-spanned"), _int(cell, "number-rows-spanned"), tuple(flags)
    )


def read_odt_blocks(path: str | Path, *, limits: ReadLimits | None = None) -> tuple[SourceBlock, ...]:
    """Read an OpenDocument text (.odt) into paragraphs and table grids, in document order.

    Raises:
        MissingDependencyError: odfpy is not installed.
        TableReadError: damaged, or a budget exceeded.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    document = _load(path, limits, "ODT")
    source = path.name
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    paragraph_index = 0
    table_index = 0
    for kind, node in _blocks_of(document.text):
        if kind == "p":
            paragraph_index += 1
            raw = _text(node)
            if raw.strip():
                prov = CellProvenance(Location(file=source, line=paragraph_index))
                blocks.append(RawParagraph("\n".join(clean_text(raw)[0]), raw, prov))
            continue
        table_index += 1
        span_rows = []
        for row in _rows_of(node):
            repeat = _int(row, "number-rows-repeated")
            cells = [_span_cell(c) for c, covered in _cells_of(row) if not covered]
            budget.take(min(repeat, limits.max_rows) * len(cells), f"table {table_index}")
            span_rows.extend([cells] * min(repeat, limits.max_rows))
        grid = lay_out(span_rows, source=source, table=table_index, budget=budget)
        rows = source_rows(grid, source=source, table=table_index)
        blocks.append(SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=table_index))))
    return tuple(blocks)


def read_ods_blocks(path: str | Path, *, limits: ReadLimits | None = None) -> tuple[SourceBlock, ...]:
    """Read an OpenDocument spreadsheet (.ods): one grid per sheet, in sheet order.

    Raises:
        MissingDependencyError: odfpy is not installed.
        TableReadError: damaged, or a budget exceeded.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    document = _load(path, limits, "ODS")
    source = path.name
    budget = CellBudget(source, limits)
    blocks: list[SourceBlock] = []
    sheets = [node for kind, node in _blocks_of(document.spreadsheet) if kind == "table"]
    for sheet_index, sheet in enumerate(sheets, start=1):
        title = str(sheet.attributes.get((_TABLE, "name")) or f"Лист{sheet_index}")
        span_rows: list[list[SpanCell]] = []
        numbers: list[int] = []
        breaks: set[int] = set()
        row_number = 0
        for row in _rows_of(sheet):
            repeat = _int(row, "number-rows-repeated")
            cells: list[SpanCell] = []
            pending_blank: list[SpanCell] = []
            has_covered = False
            for cell, covered in _cells_of(row):
                count = _int(cell, "number-columns-repeated")
                if covered:
                    has_covered = True  # laid out by the span that covers it
                    continue
                span = _span_cell(cell)
                if not span.raw.strip() and span.colspan == 1 and span.rowspan == 1:
                    if len(cells) + len(pending_blank) + count > limits.max_columns + 1:
                        pending_blank = [span] * (limits.max_columns + 1 - len(cells))
                    else:
                        pending_blank.extend([span] * count)
                    continue
                budget.row_width(
                    len(cells) + len(pending_blank) + count, f"sheet «{title}», row {row_number + 1}"
                )
                cells.extend(pending_blank)
                pending_blank = []
                cells.extend([span] * count)
            if not cells and not has_covered:
                row_number += repeat
                if span_rows:
                    breaks.add(len(span_rows))
                continue
            budget.row_count(row_number + repeat, f"sheet «{title}», row {row_number + 1}")
            budget.take(repeat * len(cells), f"sheet «{title}», row {row_number + 1}")
            for _ in range(repeat):
                row_number += 1
                span_rows.append(cells)
                numbers.append(row_number)
        if not span_rows:
            continue
        grid = lay_out(
            span_rows, source=source, table=sheet_index, budget=budget, sheet=title, row_numbers=numbers
        )
        rows = source_rows(grid, source=source, table=sheet_index, sheet=title, row_numbers=numbers)
        rows = [
            attrs.evolve(r, after_break=True, whole=False) if i in breaks else r for i, r in enumerate(rows)
        ]
        blocks.append(
            SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=sheet_index, sheet=title)))
        )
    return tuple(blocks)
