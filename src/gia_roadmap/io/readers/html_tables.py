"""HTML tables (school sites built on the gosweb platform publish roadmaps as HTML tables), read with
lxml's HTML parser (libxml2: tolerant of the broken markup of real pages, never fetching anything).

The body is walked in document order: every table that is not inside another table becomes a grid
(``rowspan``/``colspan`` laid out as merged cells), every block of text outside tables (``<p>``,
``<h1>``…``<h6>``, ``<li>``, ``<div>`` with text) a paragraph. Inside a cell, ``<p>``, ``<br>``,
``<li>`` and ``<div>`` are paragraph breaks (:attr:`CellFlag.PARAGRAPHS`), and a nested table is
flattened into paragraphs «a | b» per row (:attr:`CellFlag.NESTED_TABLE`), as the DOCX reader does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gia_roadmap.errors import Location, TableReadError
from gia_roadmap.io.cells import clean_text
from gia_roadmap.io.encodings import decode_bytes
from gia_roadmap.io.limits import CellBudget, ReadLimits
from gia_roadmap.io.readers._grid import SpanCell, lay_out, source_rows
from gia_roadmap.io.tables import (
    CellFlag,
    CellProvenance,
    RawParagraph,
    SourceBlock,
    SourceGrid,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["read_html_blocks"]

_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "ul", "ol", "section", "article",
     "header", "footer", "main", "blockquote", "pre", "caption", "dt", "dd", "table", "center"}
)  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe"})
_META_CHARSET = re.compile(rb"<meta[^>]+charset", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _span(value: str | None) -> int:
    if value is None:
        return 1
    match = re.match(r"\s*(\d+)", value)
    if match is None:
        return 1
    return max(int(match.group(1)[:9]), 1)


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _lines(element: HtmlElement, out: list[str], nested: list[bool]) -> None:
    """Append the text of an element to ``out``; a new list item starts a new paragraph."""
    if element.text:
        out[-1] += element.text
    for child in element:
        tag = _tag(child)
        if tag in _SKIP or not tag:
            pass
        elif tag == "table":
            nested[0] = True
            for row in _rows_of(child):
                texts = [" ".join(_cell_paragraphs(cell)[0]) for cell in _cells_of(row)]
                out.append(" | ".join(texts))
            out.append("")
        elif tag == "br":
            out.append("")
        elif tag in _BLOCKS:
            out.append("")
            _lines(child, out, nested)
            out.append("")
        else:
            _lines(child, out, nested)
        if child.tail:
            out[-1] += child.tail


def _cell_paragraphs(cell: HtmlElement) -> tuple[list[str], bool]:
    out = [""]
    nested = [False]
    _lines(cell, out, nested)
    paragraphs = [" ".join(line.split()) for line in out]
    return [p for p in paragraphs if p], nested[0]


def _rows_of(table: HtmlElement) -> list[HtmlElement]:
    rows: list[HtmlElement] = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    return rows


def _cells_of(row: HtmlElement) -> list[HtmlElement]:
    cells: list[HtmlElement] = row.xpath("./td|./th")
    return cells


def read_html_blocks(
    data: bytes, *, source: str, limits: ReadLimits | None = None
) -> tuple[SourceBlock, ...]:
    """Read an HTML page's tables and text blocks, in document order.

    Raises:
        TableReadError: not HTML, or a budget exceeded (:class:`~gia_roadmap.errors.ReadLimitError`).
    """
    limits = limits or ReadLimits()
    root = _parse_page(data, source)
    body = root.find("body")
    page = _PageReader(source, CellBudget(source, limits))
    page.walk(body if body is not None else root)
    return tuple(page.blocks)


def _parse_page(data: bytes, source: str) -> HtmlElement:
    """The document of an HTML page: bytes with a declared charset or a byte-order mark go to lxml as
    they are, others are decoded first (an XML declaration dropped)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        if _META_CHARSET.search(data[:4096]) or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            return lxml.html.document_fromstring(data, parser=parser)
        text = _XML_DECLARATION.sub("", decode_bytes(data, source).text)
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise TableReadError(
            f"{source}: cannot read the page as HTML: {exc}", location=Location(file=source)
        ) from exc


class _PageReader:
    """The blocks of a page in document order, tables and paragraphs numbered as they come."""

    def __init__(self, source: str, budget: CellBudget) -> None:
        self.source = source
        self.budget = budget
        self.blocks: list[SourceBlock] = []
        self.tables = 0
        self.paragraphs = 0

    def walk(self, element: HtmlElement) -> None:
        """Read an element's children: a table becomes a grid, a block without tables a paragraph
        (its inner blocks are line breaks), a block holding a table is walked, the text between
        them is a paragraph of its own."""
        own = [element.text or ""]
        for child in element:
            tag = _tag(child)
            if tag in _SKIP or not tag:
                own.append(child.tail or "")
                continue
            if tag == "table":
                self.paragraph("".join(own))
                own = [""]
                self.table(child)
            elif tag in _BLOCKS and not child.xpath(".//table"):
                self.paragraph("".join(own))
                own = [""]
                lines = [""]
                _lines(child, lines, [False])
                self.paragraph("\n".join(lines))
            elif tag in _BLOCKS:
                self.paragraph("".join(own))
                own = [""]
                self.walk(child)
            else:
                own.append(child.text_content())
            own.append(child.tail or "")
        self.paragraph("".join(own))

    def paragraph(self, text: str) -> None:
        """One paragraph block per paragraph of ``text`` (none when it is blank)."""
        paragraphs, _ = clean_text(text)
        for line in paragraphs:
            self.paragraphs += 1
            prov = CellProvenance(Location(file=self.source, line=self.paragraphs))
            self.blocks.append(RawParagraph(line, line, prov))

    def table(self, element: HtmlElement) -> None:
        """The grid of a table, its spans laid out and its blank rows dropped (none when all are)."""
        self.tables += 1
        index, source = self.tables, self.source
        span_rows = [[_span_cell(td) for td in _cells_of(tr)] for tr in _rows_of(element)]
        grid = lay_out(span_rows, source=source, table=index, budget=self.budget)
        rows = [
            r for r in source_rows(grid, source=source, table=index) if any(not c.is_blank for c in r.cells)
        ]
        if rows:
            self.blocks.append(SourceGrid(tuple(rows), CellProvenance(Location(file=source, table=index))))


def _span_cell(td: HtmlElement) -> SpanCell:
    """A table cell with its spans, its paragraphs and any nested table flattened."""
    paragraphs, nested = _cell_paragraphs(td)
    flags = []
    if nested:
        flags.append(CellFlag.NESTED_TABLE)
    if len(paragraphs) > 1:
        flags.append(CellFlag.PARAGRAPHS)
    return SpanCell("\n".join(paragraphs), _span(td.get("colspan")), _span(td.get("rowspan")), tuple(flags))
