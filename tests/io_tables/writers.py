"""Writers of test documents in every format the importer reads — the read-only ones (HTML, ODT, ODS,
PDF, XLS) with dev-only tools (odfpy, fpdf2, xlwt, plain HTML), and DOCX, XLSX and CSV with
python-docx, openpyxl and the csv module — generated here, never copied from the web.

A document is a :class:`Doc`: title paragraphs above the tables, and tables whose cells may span rows
and columns (the HTML model: a spanned position has no cell of its own).
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

import attrs


@attrs.frozen
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    nested: tuple[tuple[str, ...], ...] = ()  # a table nested in the cell, after its text (HTML, DOCX)


@attrs.frozen
class Doc:
    title: tuple[str, ...]
    tables: tuple[tuple[tuple[Cell, ...], ...], ...]
    between: tuple[tuple[str, ...], ...] = ()  # paragraphs before each table after the first
    page_breaks: bool = False  # PDF: each table after the first starts a new page


def cells(*rows: Sequence[str | Cell]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(c if isinstance(c, Cell) else Cell(c) for c in row) for row in rows)


def grid(table: Sequence[Sequence[Cell]]) -> list[list[tuple[Cell | None, bool]]]:
    """Every position of the table: (the cell starting there, False) or (None, True) when covered."""
    taken: dict[tuple[int, int], bool] = {}
    out: list[list[tuple[Cell | None, bool]]] = []
    for r, row in enumerate(table):
        line: list[tuple[Cell | None, bool]] = []
        c = 0
        for cell in row:
            while taken.get((r, c)):
                line.append((None, True))
                c += 1
            line.append((cell, False))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        taken[(r + dr, c + dc)] = True
            for _ in range(1, cell.colspan):
                line.append((None, True))
            c += cell.colspan
        while taken.get((r, c)):
            line.append((None, True))
            c += 1
        out.append(line)
    return out


def _paragraphs_before(doc: Doc, index: int) -> tuple[str, ...]:
    if index == 0:
        return doc.title
    return doc.between[index - 1] if index - 1 < len(doc.between) else ()


def write_html(doc: Doc, path: Path, *, charset: str | None = "utf-8", encoding: str = "utf-8") -> Path:
    parts = ["<!DOCTYPE html><html><head>"]
    if charset:
        parts.append(f'<meta charset="{charset}">')
    parts.append("<title>План</title></head><body>")
    for index, table in enumerate(doc.tables):
        parts.extend(f"<p>{html.escape(t)}</p>" for t in _paragraphs_before(doc, index))
        parts.append('<table border="1">')
        for row in table:
            parts.append("<tr>")
            for cell in row:
                span = ""
                if cell.colspan > 1:
                    span += f' colspan="{cell.colspan}"'
                if cell.rowspan > 1:
                    span += f' rowspan="{cell.rowspan}"'
                text = "<br>".join(html.escape(line) for line in cell.text.split("\n"))
                if cell.nested:
                    inner = "".join(
                        "<tr>" + "".join(f"<td>{html.escape(t)}</td>" for t in line) + "</tr>"
                        for line in cell.nested
                    )
                    text += f'<table border="1">{inner}</table>'
                parts.append(f"<td{span}>{text}</td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("".join(parts).encode(encoding))
    return path


def _odf_table(table: Sequence[Sequence[Cell]], name: str) -> object:
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    width = max(len(line) for line in grid(table))
    element = Table(name=name)
    element.addElement(TableColumn(numbercolumnsrepeated=width))
    for line in grid(table):
        tr = TableRow()
        for cell, covered in line:
            if covered or cell is None:
                tr.addElement(CoveredTableCell())
                continue
            attributes: dict[str, object] = {"valuetype": "string"}
            if cell.colspan > 1:
                attributes["numbercolumnsspanned"] = cell.colspan
            if cell.rowspan > 1:
                attributes["numberrowsspanned"] = cell.rowspan
            tc = TableCell(**attributes)
            for paragraph in cell.text.split("\n"):
                tc.addElement(P(text=paragraph))
            tr.addElement(tc)
        element.addElement(tr)
    return element


def write_odt(doc: Doc, path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for index, table in enumerate(doc.tables):
        for text in _paragraphs_before(doc, index):
            document.text.addElement(P(text=text))
        document.text.addElement(_odf_table(table, f"Таблица{index + 1}"))
    document.save(str(path))
    return path


def write_ods(doc: Doc, path: Path) -> Path:
    """One sheet per table; the paragraphs before a table are rows above it on its sheet."""
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    for index, table in enumerate(doc.tables):
        above = tuple((Cell(t),) for t in _paragraphs_before(doc, index))
        document.spreadsheet.addElement(_odf_table((*above, *table), f"Лист{index + 1}"))
    document.save(str(path))
    return path


def write_xls(doc: Doc, path: Path) -> Path:
    """One sheet per table, like :func:`write_ods`."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for index, table in enumerate(doc.tables):
        sheet = book.add_sheet(f"Лист{index + 1}")
        r0 = 0
        for text in _paragraphs_before(doc, index):
            sheet.write(r0, 0, text)
            r0 += 1
        for r, line in enumerate(grid(table)):
            for c, (cell, covered) in enumerate(line):
                if covered or cell is None:
                    continue
                if cell.colspan > 1 or cell.rowspan > 1:
                    sheet.write_merge(r0 + r, r0 + r + cell.rowspan - 1, c, c + cell.colspan - 1, cell.text)
                else:
                    sheet.write(r0 + r, c, cell.text)
    book.save(str(path))
    return path


def font_file() -> str:
    """A TTF font with Cyrillic letters: DejaVu Sans, shipped inside matplotlib (a dev dependency)."""
    import matplotlib

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf", "DejaVuSans.ttf")


def write_pdf(doc: Doc, path: Path, *, widths: Sequence[float] | None = None) -> Path:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF()
    pdf.add_font("dejavu", fname=font_file())
    pdf.set_font("dejavu", size=9)
    pdf.add_page()
    for index, table in enumerate(doc.tables):
        if index and doc.page_breaks:
            pdf.add_page()
        for text in _paragraphs_before(doc, index):
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        width = max(len(line) for line in grid(table))
        col_widths = tuple(widths) if widths is not None else (12, *([178 / (width - 1)] * (width - 1)))
        with pdf.table(
            col_widths=col_widths[:width],
            repeat_headings=1,
            headings_style=FontFace(),
            num_heading_rows=_heading_rows(table),
        ) as out:
            for row in table:
                line = out.row()
                for cell in row:
                    line.cell(cell.text, colspan=cell.colspan, rowspan=cell.rowspan)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def _heading_rows(table: Sequence[Sequence[Cell]]) -> int:
    """The rows the heading takes: the first, and every row a merged cell of the heading reaches."""
    rows = 1
    index = 0
    while index < rows and index < len(table):
        rows = max([rows, *(index + cell.rowspan for cell in table[index])])
        index += 1
    return min(rows, len(table))


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose only page is a picture (what a scanner makes): no text layer."""
    from fpdf import FPDF
    from PIL import Image

    picture = path.with_suffix(".png")
    Image.new("L", (200, 100), color=200).save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=150)
    pdf.output(str(path))
    return path


def write_docx(doc: Doc, path: Path) -> Path:
    """Word: paragraphs and tables, spans as merged cells, nested tables inside their cells."""
    import docx

    document = docx.Document()
    for index, table in enumerate(doc.tables):
        for text in _paragraphs_before(doc, index):
            document.add_paragraph(text)
        lines = grid(table)
        width = max(len(line) for line in lines)
        out = document.add_table(rows=len(lines), cols=width)
        for r, line in enumerate(lines):
            for c, (cell, _covered) in enumerate(line):
                if cell is None:
                    continue
                target = out.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(out.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                paragraphs = cell.text.split("\n")
                target.paragraphs[0].text = paragraphs[0]
                for paragraph in paragraphs[1:]:
                    target.add_paragraph(paragraph)
                if cell.nested:
                    inner = target.add_table(rows=len(cell.nested), cols=len(cell.nested[0]))
                    for ir, values in enumerate(cell.nested):
                        for ic, value in enumerate(values):
                            inner.cell(ir, ic).text = value
    document.save(str(path))
    return path


def _sheet_rows(doc: Doc, index: int) -> list[list[tuple[Cell | None, bool]]]:
    above: list[list[tuple[Cell | None, bool]]] = [[(Cell(t), False)] for t in _paragraphs_before(doc, index)]
    return [*above, *grid(doc.tables[index])]


def write_xlsx(doc: Doc, path: Path) -> Path:
    """Excel: one sheet per table (the paragraphs before it as rows above it), spans merged."""
    import openpyxl

    book = openpyxl.Workbook()
    for index in range(len(doc.tables)):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = f"Лист{index + 1}"
        for r, line in enumerate(_sheet_rows(doc, index), start=1):
            for c, (cell, _covered) in enumerate(line, start=1):
                if cell is None:
                    continue
                sheet.cell(row=r, column=c, value=cell.text)
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(
                        start_row=r,
                        start_column=c,
                        end_row=r + cell.rowspan - 1,
                        end_column=c + cell.colspan - 1,
                    )
    book.save(str(path))
    return path


def write_csv(doc: Doc, path: Path) -> Path:
    """CSV as a spreadsheet saves one sheet holding every table: «;» between fields, an empty line
    between tables, a merged cell's text in its first position only (CSV records no merges)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for index in range(len(doc.tables)):
        if index:
            writer.writerow([])
        for line in _sheet_rows(doc, index):
            writer.writerow(["" if cell is None else cell.text for cell, _covered in line])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


WRITERS = {"html": write_html, "odt": write_odt, "ods": write_ods, "pdf": write_pdf, "xls": write_xls}
ALL_WRITERS = {**WRITERS, "docx": write_docx, "xlsx": write_xlsx, "csv": write_csv}
