"""The raw tables of a roadmap document as they were written (a typed intermediate representation).

Officials write a roadmap («дорожная карта») as a Word or Excel table: a numbered list of measures
(«мероприятия») with their deadlines («сроки») and responsible parties («ответственные»), interrupted by
section headings, group rows, page-break fragments and merged cells. Reading such a file happens in two
steps:

1. a *source reader* (:mod:`gia_roadmap.io.sources` for DOCX, XLSX, CSV/TSV and text conversions,
   :mod:`gia_roadmap.io.readers` for ODT/ODS, PDF, HTML and legacy XLS) turns a file into
   :class:`SourceBlock` values: document paragraphs and grids of cells in document order;
2. the *table builder* (:mod:`gia_roadmap.io.structure`) finds the header row of each grid, gives each
   column a :class:`ColumnRole`, classifies rows (:class:`RowKind`), rejoins rows split by page breaks,
   fills vertically merged cells from the row above and collects glossary entries.

Every value here is a frozen attrs value. Nothing is normalised away: each cell keeps its verbatim text
(``raw``) beside the cleaned text, and a :class:`CellProvenance`: its
:class:`~gia_roadmap.errors.Location` (source file, table or sheet, line, row, column) and the
:class:`CellFlag` values that say what the reader did to it. A cell the reader cannot place is kept in
:attr:`RawRow.extra` and reported as a :class:`~gia_roadmap.errors.Problem` in :attr:`RawTable.problems`,
never dropped.
"""

from __future__ import annotations

import enum

import attrs

from gia_roadmap.errors import Location, Problem, Severity

__all__ = [
    "READER_REPAIRS",
    "CellFlag",
    "CellProvenance",
    "Column",
    "ColumnRole",
    "GlossaryDefinition",
    "GlossaryKind",
    "RawCell",
    "RawDocument",
    "RawParagraph",
    "RawRow",
    "RawTable",
    "RowKind",
    "SourceBlock",
    "SourceGrid",
    "SourceRow",
    "reader_problem",
]


class CellFlag(enum.Enum):
    """What the reader did to a cell, recorded in its :class:`CellProvenance`."""

    #: The cell is the continuation of a vertically merged cell (DOCX ``vMerge``, an XLSX merged range).
    MERGED_ABOVE = "merged-above"
    #: The cell is covered by a horizontally merged cell to its left (DOCX ``gridSpan``, XLSX range).
    SPANNED = "spanned"
    #: The value was copied from the nearest row above (a vertically merged or blank cell).
    INHERITED = "inherited"
    #: Text from a continuation row (a row split by a page break) was appended to this cell.
    CONTINUATION = "continuation"
    #: A word hyphenated across a page break was rejoined («учи-» + «телей» → «учителей»).
    HYPHEN_REJOINED = "hyphen-rejoined"
    #: The row lost or gained a column separator; its cells were moved to other columns.
    SHIFTED = "shifted"
    #: The cell could not be placed in any column of the table.
    UNPLACED = "unplaced"
    #: Markup (HTML tags, Markdown emphasis, bookmarks) was removed from the text.
    MARKUP_REMOVED = "markup-removed"
    #: A bare page number inside the cell was removed from the text.
    PAGE_NUMBER_REMOVED = "page-number-removed"
    #: The row came from a paragraph between table rows (a heading written outside the grid).
    FROM_PARAGRAPH = "from-paragraph"
    #: The number was produced by Word list numbering, reconstructed by the reader (not typed).
    AUTO_NUMBERED = "auto-numbered"
    #: The cell held a nested table, flattened into paragraphs («a | b» per nested row).
    NESTED_TABLE = "nested-table"
    #: The cell's line breaks are the source's own paragraphs (paragraphs of a Word cell, line breaks
    #: typed in a spreadsheet cell): hard breaks between stacked items, unlike the wrapped lines of a
    #: text conversion.
    PARAGRAPHS = "paragraphs"


class ColumnRole(enum.Enum):
    """The meaning of a table column, found from its header by synonyms."""

    NUMBER = "number"  #: «№», «№ п/п» (or a blank header over numbers)
    TITLE = "title"  #: «Мероприятия», «Наименование мероприятия», «Меры, мероприятия»
    TERM = "term"  #: «Сроки», «Сроки реализации», «Срок исполнения»
    RESPONSIBLE = "responsible"  #: «Ответственные», «Ответственный исполнитель»
    RESULT = "result"  #: «Ожидаемый результат», «Управленческие решения/ожидаемый результат»
    EVIDENCE = "evidence"  #: «Вид подтверждающего документа»
    COMPLETION = "completion"  #: «Отметка о выполнении», «Информация об исполнении» (status, evidence)
    CATEGORY = "category"  #: «Категории» (of specialists trained)
    PROBLEM = "problem"  #: «Проблема/актуальное направление деятельности»
    SPECIFICS = "specifics"  #: «Описание специфики», «Специфика»
    PARTICIPANTS = "participants"  #: «Участники»
    REFERENCE_NUMBER = "reference-number"  #: «№ по приказу …» (the number in a parent plan)
    ACTION = "action"  #: «Действия по реализации мероприятий» (parent of level columns)
    LEVEL_ACTION = "level-action"  #: «муниципальный уровень», «институциональный уровень (ОО)»
    ABBREVIATION = "abbreviation"  #: «Сокращение» (glossary tables)
    EXPANSION = "expansion"  #: «Расшифровка» (glossary tables)
    OTHER = "other"  #: a header the reader does not know; the column is kept


class RowKind(enum.Enum):
    """The kind of a table row."""

    HEADER = "header"  #: a header row (the first one, or one repeated after a page break)
    SECTION = "section"  #: a heading across the table («2. Правовое обеспечение», «МАТЕМАТИКА»)
    ITEM = "item"  #: a numbered or unnumbered entry: a measure, or a group row over numbered children
    SUB_ITEM = "sub-item"  #: a dash item («– перечня ППЭ …») under the item above, often with its own term
    NOTE = "note"  #: a row the reader could not classify; kept and reported


class GlossaryKind(enum.Enum):
    """Where a glossary entry was written."""

    TABLE = "table"  #: a «Сокращение | Расшифровка» table
    BULLET = "bullet"  #: a bullet list («- ГИА – государственная итоговая аттестация;»)
    INLINE = "inline"  #: an inline definition «… пунктов проведения экзаменов (далее – ППЭ)»


@attrs.frozen
class CellProvenance:
    """Where a value came from and what the reader did to it.

    Attributes:
        location: the place of the value: the file, the table (DOCX table, XLSX sheet, text table)
            or sheet, and the line, row and column in it.
        flags: what the reader did (:class:`CellFlag`).
        origin: further source places the value was assembled from: the row an inherited value was
            copied from, the continuation rows that were joined into it.
    """

    location: Location
    flags: frozenset[CellFlag] = frozenset()
    origin: tuple[Location, ...] = ()

    def flagged(self, *flags: CellFlag, origin: tuple[Location, ...] = ()) -> CellProvenance:
        """Return a copy with more flags and origin places."""
        return attrs.evolve(self, flags=self.flags | frozenset(flags), origin=self.origin + origin)

    def __str__(self) -> str:
        return str(self.location)


@attrs.frozen
class RawCell:
    """One table cell as written.

    Attributes:
        text: the cleaned text: markup removed, paragraphs joined by ``"\\n"``, spaces kept.
        raw: the verbatim text of the cell (markup, tabs and all).
        paragraphs: the cell's paragraphs (``<p>``, ``<li>``, line breaks), cleaned; empty ones dropped.
        provenance: where the cell came from and what the reader did to it.
    """

    text: str
    raw: str
    paragraphs: tuple[str, ...]
    provenance: CellProvenance

    @property
    def is_blank(self) -> bool:
        """True when the cell holds no visible text."""
        return not self.text.strip()

    @property
    def flags(self) -> frozenset[CellFlag]:
        """Shortcut for ``provenance.flags``."""
        return self.provenance.flags


@attrs.frozen
class Column:
    """A table column: its position, its header as written and its role.

    Attributes:
        index: 0-based position.
        role: the meaning found from the header.
        header: the header text as written (the lower level of a two-level header).
        parent_header: the upper header of a two-level header («Действия по реализации мероприятий»).
    """

    index: int
    role: ColumnRole
    header: str
    parent_header: str | None = None


@attrs.frozen
class RawRow:
    """One logical row of a table: a source row with its continuation rows joined.

    Attributes:
        kind: what the row is (:class:`RowKind`).
        cells: one cell per column of the table.
        number: the number as written («2.1.», «1.11», «» when unnumbered), stripped of spaces.
        level: the depth: the number of parts of the number (1 for «2.», 3 for «2.2.14»); for
            unnumbered rows, the level of the row they belong with; dash items one deeper.
        provenance: the source place of the (first) source row.
        extra: cells that could not be placed in a column (kept, and reported in the table's problems).
    """

    kind: RowKind
    cells: tuple[RawCell, ...]
    number: str
    level: int
    provenance: CellProvenance
    extra: tuple[RawCell, ...] = ()

    def cell(self, column: int) -> RawCell:
        """The cell in the given 0-based column."""
        return self.cells[column]


#: The codes of the reader's repairs and notes: reported for the record at severity INFO. Anything else
#: the reader kept but could not place is a WARNING.
READER_REPAIRS = frozenset({"continuation", "shifted-row", "page-number", "markup", "encoding-detected"})


def reader_problem(code: str, message: str, provenance: CellProvenance) -> Problem:
    """What the reader noticed at ``provenance`` and could not (or would not) silently fix, as a
    :class:`~gia_roadmap.errors.Problem` at its location (INFO for a repair, else WARNING)."""
    severity = Severity.INFO if code in READER_REPAIRS else Severity.WARNING
    return Problem(code=code, severity=severity, location=provenance.location, message=message)


@attrs.frozen
class RawParagraph:
    """A paragraph of a document outside the tables (titles, order text, bullet lists)."""

    text: str
    raw: str
    provenance: CellProvenance


@attrs.frozen
class GlossaryDefinition:
    """An abbreviation and its expansion as a document defines it (scoped to that document).

    Attributes:
        abbreviation: as written («МОУО», «ИРО», «ФГБНУ «ФИПИ»»).
        expansion: as written.
        kind: a glossary table, a bullet list or an inline «(далее – X)» definition.
        provenance: where it was defined.
        exact: False when the reader had to guess where the expanded phrase starts (inline
            definitions whose words do not spell the abbreviation).
    """

    abbreviation: str
    expansion: str
    kind: GlossaryKind
    provenance: CellProvenance
    exact: bool = True


@attrs.frozen
class RawTable:
    """A table of a document, as written, with its columns found and its rows classified.

    Attributes:
        source: the file name.
        index: the 1-based position of the table in the source.
        columns: the columns with their roles.
        header_rows: the header row(s) as written (two for a two-level header).
        rows: the rows after the header, in order (repeated headers kept as :attr:`RowKind.HEADER`).
        preamble: the document paragraphs between the previous table and this one (title, caption).
        problems: what the reader noticed (unplaced cells, shifted rows, removed page numbers).
    """

    source: str
    index: int
    columns: tuple[Column, ...]
    header_rows: tuple[tuple[RawCell, ...], ...]
    rows: tuple[RawRow, ...]
    preamble: tuple[RawParagraph, ...] = ()
    problems: tuple[Problem, ...] = ()

    def column(self, role: ColumnRole) -> int | None:
        """The 0-based index of the first column with that role, or None."""
        for col in self.columns:
            if col.role is role:
                return col.index
        return None

    def columns_with(self, role: ColumnRole) -> tuple[int, ...]:
        """The 0-based indexes of every column with that role."""
        return tuple(col.index for col in self.columns if col.role is role)

    @property
    def is_glossary(self) -> bool:
        """True for an abbreviation table («Сокращение | Расшифровка»)."""
        roles = {c.role for c in self.columns}
        return ColumnRole.ABBREVIATION in roles and ColumnRole.EXPANSION in roles

    def items(self) -> tuple[RawRow, ...]:
        """The rows that are entries (:attr:`RowKind.ITEM` and :attr:`RowKind.SUB_ITEM`)."""
        return tuple(r for r in self.rows if r.kind in (RowKind.ITEM, RowKind.SUB_ITEM))


@attrs.frozen
class RawDocument:
    """Everything read from one source: its tables, paragraphs, glossary entries and problems."""

    source: str
    tables: tuple[RawTable, ...]
    paragraphs: tuple[RawParagraph, ...]
    glossary: tuple[GlossaryDefinition, ...]
    problems: tuple[Problem, ...] = ()

    def plan_tables(self) -> tuple[RawTable, ...]:
        """The tables that are not glossaries."""
        return tuple(t for t in self.tables if not t.is_glossary)


# ----------------------------------------------------------------------------------------------------
# Source blocks: what a source reader produces before the table structure is known.


@attrs.frozen
class SourceRow:
    """A physical row of a grid as read from the source.

    Attributes:
        cells: the cells in source order (their number may differ from the table's column count).
        provenance: the place of the row (line of a text source, row of a sheet).
        after_break: a page break, blank line or separator line came right before this row.
        lead_missing: the text source suggests a leading separator was lost (a row line that does
            not begin with a TAB while its neighbours do).
        fixed_columns: the format places every cell in its grid column (a Word table, a sheet), so
            there is no column drift to repair.
        whole: the row is one row of the format (a Word table keeps a row broken across pages as one
            row), so only strong signs (a word broken by a hyphen, an open quote or parenthesis above)
            make it the continuation of the row above, not a lower-case start alone.
        delimited: a record of a delimited file (CSV): every field is written, blank ones included,
            so a record as wide as the header has its fields in their columns (only a shorter or
            longer one drifts). The format records no merged cells, so blank cells may still be
            filled from above as guesses.
    """

    cells: tuple[RawCell, ...]
    provenance: CellProvenance
    after_break: bool = False
    lead_missing: bool = False
    fixed_columns: bool = False
    whole: bool = False
    delimited: bool = False


@attrs.frozen
class SourceGrid:
    """A run of table rows in a source (a DOCX table, a sheet, a run of tab-separated lines)."""

    rows: tuple[SourceRow, ...]
    provenance: CellProvenance


#: A block of a source document, in document order.
SourceBlock = RawParagraph | SourceGrid
