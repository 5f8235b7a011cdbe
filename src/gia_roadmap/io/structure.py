"""From source blocks to tables: headers, column roles, row kinds, page-break continuations, merges.

The rules (general, not tied to any particular document):

* **Header.** The first row of a grid whose cells name at least two known column roles
  (:func:`gia_roadmap.io.headers.is_header_row`). A blank first header is the «№» column. The row
  right below is a second header level when its non-blank cells sit under blank, spanned or unknown
  upper headers and name roles themselves («муниципальный уровень» under «Действия по реализации»).
  A header identical to the current one (repeated after a page break) continues the same table.
* **Sections.** A row whose only text sits in the first (or number/title) column is a heading,
  with its leading number split off («2. Правовое обеспечение»). A short paragraph between rows of
  the same table («МАТЕМАТИКА») is a heading too; several paragraphs start a new table.
* **Items.** A row with a number («2.1.», «1.11», «4.8») is an item; its level is the number of
  parts. An unnumbered row that starts with a capital letter is an unnumbered item; one that starts
  with a dash is a sub-item of the item above.
* **Continuations.** A row without a number whose title is blank or starts with a lower-case letter,
  a digit or closing punctuation, or that follows a cell ending in a broken word («учи-»), continues
  the row above after a page break: it is joined cell by cell and flagged. In a Word table or a sheet
  (rows kept whole by the format, unless a converter split them) only the strong signs join a row:
  a word broken by a hyphen or a quote or parenthesis left open above; a lower-case start alone
  does not («совещания …» is an unnumbered measure there).
* **Column drift.** A row with fewer cells than columns is padded where the cells fit best (a
  deadline-looking text in the «Сроки» column); a row that lost its leading separator is shifted
  right. Both are flagged and reported. Cells beyond the last column are kept as unplaced. Word
  tables and sheets place every cell in its column, so their rows are taken as written.
* **Merged cells.** A vertically merged cell takes the value above. In a format that records merged
  cells (Word, spreadsheets, HTML, PDF) that is the only fill: a blank cell stays blank (a missing
  responsible party is a defect to report, not to hide). A text conversion loses the merge marks, so
  there, with ``inherit_blank``, a blank deadline or responsible cell of an item takes the value of
  the nearest preceding item of the same or a higher level in the same section (never from a heading,
  never invented); the importer reports each such fill as a guess (``guessed-fill``). Both are
  flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from gia_roadmap.errors import Location, Problem
from gia_roadmap.io.cells import (
    ends_with_break_hyphen,
    is_dash_item,
    is_number,
    join_cells,
    looks_like_term,
    make_cell,
    normalize_number,
    number_depth,
    section_label,
    split_leading_number,
)
from gia_roadmap.io.headers import header_key, is_header_row, role_of_header
from gia_roadmap.io.tables import (
    CellFlag,
    CellProvenance,
    Column,
    ColumnRole,
    RawCell,
    RawDocument,
    RawParagraph,
    RawRow,
    RawTable,
    RowKind,
    SourceBlock,
    SourceGrid,
    SourceRow,
    reader_problem,
)

__all__ = ["DEFAULT_INHERITED_ROLES", "ReadOptions", "build_document"]

#: The column roles whose blank cells are filled from the rows above by default.
DEFAULT_INHERITED_ROLES = frozenset(
    {ColumnRole.TERM, ColumnRole.RESPONSIBLE, ColumnRole.PROBLEM, ColumnRole.CATEGORY}
)

_SHORT_PARAGRAPH = 160


@attrs.frozen
class ReadOptions:
    """How the table builder treats blank cells and page breaks.

    Attributes:
        inherit_roles: columns whose blank item cells are filled from above (flagged INHERITED).
        inherit_blank: fill blank cells of items from above, not only cells the source marks as
            vertically merged. Text conversions lose merge marks, so this defaults to True.
        join_continuations: join rows split by page breaks into the row above.
    """

    inherit_roles: frozenset[ColumnRole] = DEFAULT_INHERITED_ROLES
    inherit_blank: bool = True
    join_continuations: bool = True


def build_document(
    blocks: Iterable[SourceBlock], source: str, options: ReadOptions | None = None
) -> RawDocument:
    """Build the tables of a document from its source blocks (see the module rules).

    Glossary entries are not collected here; see :func:`gia_roadmap.io.glossary.collect_glossary`.
    """
    document = _DocumentBuilder(source, options or ReadOptions())
    for block in _split_grids(blocks):
        if isinstance(block, RawParagraph):
            document.add_paragraph(block)
        else:
            document.add_grid(block)
    return document.finish()


class _DocumentBuilder:
    """The tables of a document, built block by block. Paragraphs wait (``pending``) until the next
    grid shows what they are: headings inside the table that goes on, or the preamble of a new one."""

    def __init__(self, source: str, options: ReadOptions) -> None:
        self.source = source
        self.options = options
        self.paragraphs: list[RawParagraph] = []
        self.pending: list[RawParagraph] = []
        self.tables: list[RawTable] = []
        self.problems: list[Problem] = []
        self.builder: _TableBuilder | None = None  # the table being built

    def add_paragraph(self, block: RawParagraph) -> None:
        """A paragraph; a bare number of up to three digits is a page number and goes."""
        text = block.text.strip()
        if text.isdigit() and len(text) <= 3:
            self.problems.append(
                reader_problem(
                    "page-number", f"a bare number {text!r} read as a page number", block.provenance
                )
            )
            return
        self.paragraphs.append(block)
        self.pending.append(block)

    def add_grid(self, block: SourceGrid) -> None:
        """A grid: with a header row it opens a new table (unless it repeats the current table's
        header after a short gap); without one it goes on with the current table or opens a
        headerless one."""
        rows = list(block.rows)
        header_at = _find_header(rows)
        if header_at is None and self.builder is None and _label_row(rows):
            header_at = 0  # unusual headers: the columns are recognised by their cells
        if header_at is not None:
            if not self._repeat_header(rows, header_at):
                self._open_table(rows, header_at)
        elif self.builder is None:
            self._open_headerless(block, rows)
        else:
            self._headings_into(self.builder)
            self.builder.page_start = True  # a grid without a header of its own goes on with the table
            for row in rows:
                self.builder.feed(row)

    def finish(self) -> RawDocument:
        """The document, the last table closed."""
        self._close()
        return RawDocument(self.source, tuple(self.tables), tuple(self.paragraphs), (), tuple(self.problems))

    def _repeat_header(self, rows: list[SourceRow], header_at: int) -> bool:
        """Go on with the current table when the grid repeats its header after at most one short
        paragraph or title line; False (nothing done) when the grid opens a new table."""
        builder = self.builder
        header = rows[header_at]
        if builder is None or not builder.same_header(header):
            return False
        # Lines above the header inside the grid (title rows of a sheet) count as paragraphs.
        above = [r for r in rows[:header_at] if any(not c.is_blank for c in r.cells)]
        if len(self.pending) + len(above) > 1 or any(len(p.text) > _SHORT_PARAGRAPH for p in self.pending):
            return False
        self._headings_into(builder)
        for row in rows[:header_at]:
            builder.feed(row)
        builder.add_repeated_header(header)
        for row in rows[header_at + 1 :]:
            builder.feed(row)
        return True

    def _open_table(self, rows: list[SourceRow], header_at: int) -> None:
        """A new table under the header at ``header_at``: the pending paragraphs and the lines above
        the header are its preamble, the row below may be a second header level."""
        self._close()
        preamble = list(self.pending)
        for row in rows[:header_at]:
            text = " ".join(c.text for c in row.cells if not c.is_blank)
            if text:
                preamble.append(RawParagraph(text, text, row.provenance))
        self.pending = []
        builder = _TableBuilder(
            self.source, len(self.tables) + 1, rows[header_at], tuple(preamble), self.options
        )
        self.builder = builder
        rest = rows[header_at + 1 :]
        if rest and builder.try_sub_header(rest[0]):
            rest = rest[1:]
        for row in rest:
            builder.feed(row)

    def _open_headerless(self, block: SourceGrid, rows: list[SourceRow]) -> None:
        """A new table without a header row: its column roles guessed from the values, and reported."""
        builder = _TableBuilder.headerless(
            self.source, len(self.tables) + 1, rows, tuple(self.pending), self.options
        )
        self.builder = builder
        self.pending = []
        self.problems.append(
            reader_problem(
                "no-header",
                "a table without a recognisable header row; column roles were guessed from the values "
                "(expected headers such as «№», «Мероприятия», «Сроки», «Ответственные»)",
                block.provenance,
            )
        )
        for row in rows:
            builder.feed(row)

    def _headings_into(self, builder: _TableBuilder) -> None:
        """The pending paragraphs become headings of the table that goes on."""
        for paragraph in self.pending:
            builder.add_paragraph_heading(paragraph)
        self.pending = []

    def _close(self) -> None:
        if self.builder is not None:
            self.tables.append(self.builder.finish())
            self.builder = None


#: How far down a grid the header row is looked for: a sheet may carry the document's title lines
#: (issuer, order, plan title) above its table.
_HEADER_SEARCH_ROWS = 30


def _split_grids(blocks: Iterable[SourceBlock]) -> Iterator[SourceBlock]:
    """The blocks with every grid cut where a second table starts inside it: a header row unlike the
    grid's first header (a glossary «Сокращение | Расшифровка» or an appendix with other columns
    below the plan on one sheet, in one CSV file, on one PDF page). The one-cell rows right above that
    header, up to the empty line before them, are its title lines («Приложение 1», «Перечень
    сокращений»); without an empty line the new table starts at its header. Only a header after an
    empty line or a one-cell line cuts (never the row right below the first header: a second header
    level). A header equal to the first one cuts only with title lines above it (the next appendix
    in the same columns); repeated after a page break, it continues the table. Whether a cut grid
    opens a new table is then decided as for separate grids (:func:`build_document`)."""
    for block in blocks:
        if isinstance(block, RawParagraph):
            yield block
            continue
        rows = list(block.rows)
        first = _find_header(rows)
        if first is None:
            yield block
            continue
        key = _row_key(rows[first])
        start = 0
        for index in range(first + 1, len(rows)):
            row = rows[index]
            above = rows[index - 1]
            opens = row.after_break or sum(1 for c in above.cells if not c.is_blank) == 1
            if index == first + 1 or not opens:  # a second header level, or a data row that reads so
                continue
            if not is_header_row([c.raw for c in row.cells]):
                continue
            cut = index
            back = index
            while back - 1 > start and sum(1 for c in rows[back - 1].cells if not c.is_blank) == 1:
                back -= 1
                if rows[back].after_break:
                    cut = back
                    break
            if rows[index].after_break:
                cut = index
            if cut == index and _row_key(row) == key:
                continue  # the header repeated after a page break: the same table goes on
            yield SourceGrid(tuple(rows[start:cut]), block.provenance)
            start, key = cut, _row_key(row)
        yield SourceGrid(tuple(rows[start:]), block.provenance) if start else block


def _row_key(row: SourceRow) -> tuple[str, ...]:
    return tuple(header_key(c.raw) for c in _trim(row.cells))


def _label_row(rows: Sequence[SourceRow]) -> bool:
    """True when the first row of a grid is a row of labels over data rows: at least three short
    cells, none a number (but «№»), a date or a deadline, and at least two rows below it."""
    if len(rows) < 3:
        return False
    texts = [c.text.strip() for c in rows[0].cells if not c.is_blank]
    if len(texts) < 3 or any(len(t) > 60 for t in texts):
        return False
    return not any((is_number(t) or looks_like_term(t)) and t not in ("№", "N") for t in texts)


def _find_header(rows: Sequence[SourceRow]) -> int | None:
    for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if is_header_row([c.raw for c in row.cells]):
            return i
    return None


@attrs.frozen(kw_only=True)
class _RowView:
    """A row placed in the columns of a table, as the row rules see it: which cells hold text, the
    text of the «№» column, and the last section, item or note above."""

    row: SourceRow
    cells: tuple[RawCell, ...]
    extra: tuple[RawCell, ...]
    number_col: int | None
    title_col: int
    filled: list[int]
    number_text: str
    previous: RawRow | None


def _section_label(v: _RowView) -> str:
    """A Roman or letter section label in the «№» column, or leading the only text of a row of at
    most two filled cells (in its first or title column); "" when none."""
    if v.number_text:
        return section_label(v.number_text)[0]
    if len(v.filled) > 2 or not v.filled or v.filled[0] not in {0, v.title_col}:
        return ""
    return section_label(v.cells[v.filled[0]].text.strip())[0]


class _TableBuilder:
    """Accumulates the rows of one table."""

    def __init__(
        self,
        source: str,
        index: int,
        header: SourceRow | None,
        preamble: tuple[RawParagraph, ...],
        options: ReadOptions,
        columns: tuple[Column, ...] | None = None,
    ) -> None:
        self.source = source
        self.index = index
        self.options = options
        self.preamble = preamble
        self.problems: list[Problem] = []
        self.rows: list[RawRow] = []
        self.header_rows: list[tuple[RawCell, ...]] = []
        if header is not None:
            cells = _trim(header.cells)
            self.header_rows.append(cells)
            self.columns = tuple(_column(i, c.raw) for i, c in enumerate(cells))
            if self.columns and self.columns[0].role is ColumnRole.OTHER and not cells[0].raw.strip():
                self.columns = (Column(0, ColumnRole.NUMBER, cells[0].raw), *self.columns[1:])
            self.header_key = tuple(header_key(c.raw) for c in cells)
        else:
            self.columns = columns or ()
            self.header_key = ()
        self.width = len(self.columns)
        #: The rows come from a format that records merged cells (Word, spreadsheets, HTML, PDF), so a
        #: blank cell is blank: only a merged cell is filled from above.
        self.fixed = False
        #: The next row starts a page (after a repeated header or a new grid continuing the table):
        #: a format's row may have been split there, so a lower-case start may continue the row above.
        self.page_start = False

    @classmethod
    def headerless(
        cls,
        source: str,
        index: int,
        rows: Sequence[SourceRow],
        preamble: tuple[RawParagraph, ...],
        options: ReadOptions,
    ) -> _TableBuilder:
        width = max((len(_trim(r.cells)) for r in rows), default=0)
        columns = []
        for c in range(width):
            values = [r.cells[c].text for r in rows if c < len(r.cells) and not r.cells[c].is_blank]
            n = max(len(values), 1)
            if sum(is_number(v) for v in values) / n >= 0.6:
                role = ColumnRole.NUMBER
            elif sum(looks_like_term(v) for v in values) / n >= 0.5:
                role = ColumnRole.TERM
            else:
                role = ColumnRole.OTHER
            columns.append(Column(c, role, ""))
        others = [c for c in columns if c.role is ColumnRole.OTHER]
        if others:

            def mean_length(col: Column) -> float:
                values = [len(r.cells[col.index].text) for r in rows if col.index < len(r.cells)]
                return sum(values) / max(len(values), 1)

            title = max(others, key=mean_length)
            columns[title.index] = Column(title.index, ColumnRole.TITLE, "")
        return cls(source, index, None, preamble, options, tuple(columns))

    # -- header handling --------------------------------------------------------------------------

    def same_header(self, row: SourceRow) -> bool:
        key = tuple(header_key(c.raw) for c in _trim(row.cells))
        return bool(self.header_key) and key == self.header_key

    def try_sub_header(self, row: SourceRow) -> bool:
        cells = _trim(row.cells)
        if not self.header_rows or len(cells) > self.width + 1:
            return False
        top = self.header_rows[0]
        found = False
        for i, cell in enumerate(cells):
            if cell.is_blank:
                continue
            if is_number(cell.text) or looks_like_term(cell.text) or len(cell.text.split()) > 14:
                return False
            top_cell = top[i] if i < len(top) else None
            top_role = self.columns[i].role if i < len(self.columns) else ColumnRole.OTHER
            under_open = (
                top_cell is None
                or top_cell.is_blank
                or CellFlag.SPANNED in top_cell.flags
                or top_role in (ColumnRole.ACTION, ColumnRole.OTHER)
            )
            if not under_open:
                return False
            if role_of_header(cell.raw) is not ColumnRole.OTHER:
                found = True
        if not found:
            return False
        self.header_rows.append(cells)
        columns = list(self.columns)
        while len(columns) < len(cells):
            columns.append(Column(len(columns), ColumnRole.OTHER, ""))
        for i, cell in enumerate(cells):
            if cell.is_blank:
                continue
            parent = ""
            for j in range(i, -1, -1):
                if j < len(top) and not top[j].is_blank:
                    parent = top[j].text
                    break
            role = role_of_header(cell.raw)
            if role is ColumnRole.OTHER:
                role = role_of_header(parent)
            columns[i] = Column(i, role, cell.text, parent or None)
        self.columns = tuple(columns)
        self.width = len(self.columns)
        return True

    def add_repeated_header(self, row: SourceRow) -> None:
        cells = self._fit(row)[0]
        self.rows.append(RawRow(RowKind.HEADER, cells, "", 0, row.provenance))
        self.page_start = True

    def add_paragraph_heading(self, paragraph: RawParagraph) -> None:
        prov = paragraph.provenance.flagged(CellFlag.FROM_PARAGRAPH)
        first = make_cell(paragraph.raw, prov)
        cells = (first, *(make_cell("", prov) for _ in range(self.width - 1)))
        number, _rest = split_leading_number(paragraph.text)
        kind = RowKind.SECTION if len(paragraph.text) <= 2 * _SHORT_PARAGRAPH or number else RowKind.NOTE
        if kind is RowKind.NOTE:
            self.problems.append(
                reader_problem(
                    "paragraph-in-table",
                    f"a long paragraph inside the table kept as a note: {paragraph.text[:80]!r}",
                    prov,
                )
            )
        self.rows.append(RawRow(kind, cells[: max(self.width, 1)], number, number_depth(number), prov))

    # -- rows -------------------------------------------------------------------------------------

    def _role_index(self, role: ColumnRole) -> int | None:
        for col in self.columns:
            if col.role is role:
                return col.index
        return None

    def _fit(self, row: SourceRow) -> tuple[tuple[RawCell, ...], tuple[RawCell, ...], bool]:
        """Align a source row with the columns: (cells, unplaced extra cells, shifted?)."""
        cells = list(row.cells)
        width = self.width
        shifted = False
        blank_prov = row.provenance
        if (
            row.lead_missing
            and not row.fixed_columns
            and width > 1
            and cells
            and not cells[0].is_blank
            and not is_number(cells[0].text)
            and not split_leading_number(cells[0].text)[0]
            and (
                sum(1 for c in cells if not c.is_blank) > 1
                or cells[0].text[:1].islower()
                or cells[0].text[:1].isdigit()
                or is_dash_item(cells[0].text)
            )
        ):
            cells = [make_cell("", blank_prov), *cells]
            shifted = True
        cells = list(_trim(cells))
        extra: list[RawCell] = []
        non_blank = sum(1 for c in cells if not c.is_blank)
        as_written = self._pad(cells, len(cells), blank_prov)
        best = as_written
        # A CSV record at least as wide as the header with nothing beyond it (a spreadsheet saves its
        # blank fields, and the empty columns right of the table) has nothing to realign: only a
        # record that lost or gained separators drifts.
        complete = row.delimited and len(cells) <= width <= len(row.cells)
        if non_blank > 1 and not shifted and not row.fixed_columns and not complete:
            best_score = self._score(as_written)
            for candidate, bonus in self._alignments(cells, blank_prov):
                score = self._score(candidate) + bonus
                if score > best_score:
                    best, best_score = candidate, score
        if best is not as_written:
            shifted = True
        cells = best[:width]
        extra = [c for c in best[width:] if not c.is_blank]
        if shifted:
            cells = [
                c if c.is_blank else attrs.evolve(c, provenance=c.provenance.flagged(CellFlag.SHIFTED))
                for c in cells
            ]
        extra = [attrs.evolve(c, provenance=c.provenance.flagged(CellFlag.UNPLACED)) for c in extra]
        return tuple(cells), tuple(extra), shifted

    def _pad(self, cells: list[RawCell], position: int, prov: CellProvenance) -> list[RawCell]:
        """The cells with blanks inserted at ``position`` up to the table width."""
        missing = max(self.width - len(cells), 0)
        return [*cells[:position], *(make_cell("", prov) for _ in range(missing)), *cells[position:]]

    def _alignments(self, cells: list[RawCell], prov: CellProvenance) -> list[tuple[list[RawCell], float]]:
        """Other ways to align a row whose cells drifted, each with a small bonus: blanks inserted
        earlier (a merged cell lost its separator; preferred under columns that were blank in the
        item above, as merged cells are) or a blank cell removed (a stray separator)."""
        previous = next((r for r in reversed(self.rows) if r.kind in (RowKind.ITEM, RowKind.SUB_ITEM)), None)
        out: list[tuple[list[RawCell], float]] = []

        def insert(gaps: Sequence[tuple[int, int]]) -> tuple[list[RawCell], float]:
            """The cells with ``count`` blanks inserted before cell ``position`` for each gap, and
            the bonus for blanks that fall under columns blank in the item above."""
            candidate: list[RawCell] = []
            inserted: list[int] = []
            at = dict(gaps)
            for index in range(len(cells) + 1):
                for _ in range(at.get(index, 0)):
                    inserted.append(len(candidate))
                    candidate.append(make_cell("", prov))
                if index < len(cells):
                    candidate.append(cells[index])
            bonus = 0.0
            if previous is not None:
                bonus = 0.5 * sum(
                    1 for i in inserted if i < len(previous.cells) and previous.cells[i].is_blank
                )
            return candidate, bonus

        if len(cells) < self.width:
            missing = self.width - len(cells)
            out.extend(insert([(position, missing)]) for position in range(len(cells) - 1, -1, -1))
            # Blanks lost at two places: a stage row «II. Основной этап | январь – май» whose blank
            # cells beside the title and after the deadline were both dropped by the conversion.
            out.extend(
                insert([(first, count), (second, missing - count)])
                for first in range(1, len(cells))
                for second in range(first + 1, len(cells) + 1)
                for count in range(1, missing)
            )
        if len(cells) > self.width or (len(cells) == self.width and cells[-1].is_blank):
            for i in range(len(cells) - 1, 0, -1):
                if cells[i].is_blank:
                    rest = [*cells[:i], *cells[i + 1 :]]
                    out.append((self._pad(rest, len(rest), prov), 0.0))
        return out

    def _score(self, candidate: Sequence[RawCell]) -> float:
        """How well cells fit the columns: a deadline under «Сроки», a number or nothing under «№»,
        a title under the title column, nothing beyond the last column."""
        term = self._role_index(ColumnRole.TERM)
        number = self._role_index(ColumnRole.NUMBER)
        title = self._role_index(ColumnRole.TITLE)
        score = 0.0
        if term is not None and term < len(candidate):
            cell = candidate[term]
            if len(cell.text) < 80 and looks_like_term(cell.text):
                score += 2
        headed = False  # the «№» cell holds a number or section label and the words after it
        if number is not None and number < len(candidate):
            cell = candidate[number]
            headed = number != title and _numbered_text(cell.text)
            score += 1 if cell.is_blank or is_number(cell.text) or headed else -1
        if title is not None and title < len(candidate) and candidate[title].is_blank and not headed:
            score -= 3
        score -= 2 * sum(1 for c in candidate[self.width :] if not c.is_blank)
        return score

    def _last_row(self) -> RawRow | None:
        for row in reversed(self.rows):
            if row.kind in (RowKind.ITEM, RowKind.SUB_ITEM, RowKind.SECTION, RowKind.NOTE):
                return row
        return None

    def _last_item_level(self) -> int:
        for row in reversed(self.rows):
            if row.kind is RowKind.SECTION:
                return 1
            if row.kind in (RowKind.ITEM, RowKind.SUB_ITEM):
                return row.level
        return 1

    def feed(self, row: SourceRow) -> None:
        """Add a source row: aligned with the columns, then read as a repeated header, a section, an
        item or a sub-item, or joined to the row above as its continuation."""
        placed = self._place(row)
        if placed is None:
            return
        row, cells, extra = placed
        if (
            is_header_row([c.raw for c in cells])
            and tuple(header_key(c.raw) for c in cells) == self.header_key
        ):
            self.rows.append(RawRow(RowKind.HEADER, cells, "", 0, row.provenance, extra))
            self.page_start = True
            return
        number_col = self._role_index(ColumnRole.NUMBER)
        title_col = self._role_index(ColumnRole.TITLE)
        if title_col is None:
            title_col = next((c.index for c in self.columns if c.role is not ColumnRole.NUMBER), 0)
        view = _RowView(
            row=row,
            cells=cells,
            extra=extra,
            number_col=number_col,
            title_col=title_col,
            filled=[i for i, c in enumerate(cells) if not c.is_blank],
            number_text=cells[number_col].text.strip() if number_col is not None else "",
            previous=self._last_row(),
        )
        kind = self._kind(view)
        if kind is None:
            self._join(view.previous, cells, extra, row)
        else:
            self._append(kind[0], cells, kind[1], row, extra)

    def _place(self, row: SourceRow) -> tuple[SourceRow, tuple[RawCell, ...], tuple[RawCell, ...]] | None:
        """The row (no longer whole when it opens a page) with its cells aligned with the columns and
        its unplaced cells, shifted and unplaced cells reported; None when the row is blank."""
        self.fixed = self.fixed or row.fixed_columns
        if self.page_start and any(not c.is_blank for c in row.cells):
            self.page_start = False
            if row.whole:
                row = attrs.evolve(row, whole=False)
        cells, extra, shifted = self._fit(row)
        if not any(not c.is_blank for c in cells) and not extra:
            return None
        if shifted:
            self.problems.append(
                reader_problem(
                    "shifted-row",
                    f"the row has {len(_trim(row.cells))} cells for {self.width} columns; its cells were "
                    "moved to the columns they fit best",
                    row.provenance,
                )
            )
        for cell in extra:
            self.problems.append(
                reader_problem(
                    "unplaced-cell",
                    f"a cell beyond the last column kept as unplaced: {cell.text[:80]!r}",
                    cell.provenance,
                )
            )
        return row, cells, extra

    def _kind(self, v: _RowView) -> tuple[RowKind, str] | None:
        """The kind and number of a placed row, None when it continues the row above."""
        # A Roman or letter section label («II.», «А.») in the «№» column, or leading the only text of a
        # heading row, opens a section; a stage row keeps its own deadline («II. Основной этап | январь –
        # май»), which the importer reads as the section's window.
        label = _section_label(v)
        if label and not self._after_broken_word(v.previous, v.cells):
            return RowKind.SECTION, label
        # A heading: the only text sits in the first, number or title column.
        if len(v.filled) == 1 and v.filled[0] in {0, v.number_col, v.title_col} and not v.extra:
            return self._heading_kind(v)
        if v.number_col is not None and v.number_text:
            return self._numbered_kind(v)
        title_text = v.cells[v.title_col].text.strip()
        if self._continues(v.previous, v.cells, title_text, v.title_col, v.row):
            return None
        return (RowKind.SUB_ITEM if is_dash_item(title_text) else RowKind.ITEM), ""

    def _heading_kind(self, v: _RowView) -> tuple[RowKind, str] | None:
        """A row whose only text sits in the first, number or title column: an item numbered in the
        «№» column, a numbered section, a continuation, a dash sub-item, an item whose number slipped
        into the title, or else a section."""
        col = v.filled[0]
        text = v.cells[col].text.strip()
        if v.number_col is not None and col == v.number_col and is_number(text):
            return RowKind.ITEM, normalize_number(text)
        number, _rest = split_leading_number(text)
        if number and col in {0, v.number_col} and not self._after_broken_word(v.previous, v.cells):
            return RowKind.SECTION, number
        if self._continues(v.previous, v.cells, text, v.title_col, v.row):
            return None
        if col == v.title_col and is_dash_item(text):
            return RowKind.SUB_ITEM, ""
        if number and col == v.title_col and v.number_col is not None:
            # «2.1 Подготовка …» in the title column: an item whose number slipped into the title
            return RowKind.ITEM, number
        return RowKind.SECTION, number

    def _numbered_kind(self, v: _RowView) -> tuple[RowKind, str] | None:
        """A row with text in the «№» column: an item when it is (or starts with) a number, else a
        continuation, else an unnumbered item (reported)."""
        if is_number(v.number_text):
            return RowKind.ITEM, normalize_number(v.number_text)
        number, _rest = split_leading_number(v.number_text)
        if number:
            return RowKind.ITEM, number
        if self._continues(v.previous, v.cells, v.number_text, v.title_col, v.row):
            return None
        self.problems.append(
            reader_problem(
                "odd-number",
                f"text {v.number_text[:60]!r} in the «№» column is not a number; "
                "the row is kept as an unnumbered item",
                v.row.provenance,
            )
        )
        return RowKind.ITEM, ""

    @staticmethod
    def _after_broken_word(previous: RawRow | None, cells: Sequence[RawCell]) -> bool:
        if previous is None:
            return False
        return any(
            not cell.is_blank and i < len(previous.cells) and ends_with_break_hyphen(previous.cells[i].text)
            for i, cell in enumerate(cells)
        )

    def _continues(
        self, previous: RawRow | None, cells: Sequence[RawCell], text: str, title_col: int, row: SourceRow
    ) -> bool:
        if previous is None or not self.options.join_continuations or previous.kind is RowKind.HEADER:
            return False
        for i, cell in enumerate(cells):
            if (
                not cell.is_blank
                and i < len(previous.cells)
                and ends_with_break_hyphen(previous.cells[i].text)
            ):
                return True
        if title_col < len(previous.cells) and not is_dash_item(text):
            before = previous.cells[title_col].text
            if before.count("«") > before.count("»") or before.count("(") > before.count(")"):
                return True
        if row.whole:
            # A Word or sheet row is a row as written: a lower-case start alone does not make it a
            # fragment (a converter that split rows leaves the broken word or the open quote above).
            return False
        if previous.kind is RowKind.SECTION:
            return bool(text) and text[:1].islower() and not is_dash_item(text)
        if not text:
            return True
        if is_dash_item(text):
            return False
        first = text[:1]
        return first.islower() or first.isdigit() or first in ",.;:()»”"

    def _join(
        self, previous: RawRow | None, cells: Sequence[RawCell], extra: Sequence[RawCell], row: SourceRow
    ) -> None:
        assert previous is not None
        index = max(i for i, r in enumerate(self.rows) if r is previous)
        joined = tuple(
            join_cells(a, b) if i < len(cells) else a
            for i, (a, b) in enumerate(zip(previous.cells, cells, strict=False))
        )
        joined = joined + previous.cells[len(joined) :]
        self.rows[index] = attrs.evolve(previous, cells=joined, extra=previous.extra + tuple(extra))
        self.problems.append(
            reader_problem(
                "continuation",
                "a row continuing the row above after a page break was joined to it",
                row.provenance,
            )
        )

    def _append(
        self,
        kind: RowKind,
        cells: tuple[RawCell, ...],
        number: str,
        row: SourceRow,
        extra: tuple[RawCell, ...],
    ) -> None:
        if kind is RowKind.ITEM:
            level = number_depth(number) if number else self._last_item_level()
        elif kind is RowKind.SUB_ITEM:
            previous = next(
                (r for r in reversed(self.rows) if r.kind in (RowKind.ITEM, RowKind.SUB_ITEM)), None
            )
            if previous is None:
                level = 1
            elif previous.kind is RowKind.SUB_ITEM:
                level = previous.level
            else:
                level = previous.level + 1
        else:
            level = number_depth(number)
        self.rows.append(RawRow(kind, cells, number, level, row.provenance, extra))

    # -- finishing --------------------------------------------------------------------------------

    def _recognise_by_content(self) -> None:
        """Give a column whose header names no known role the role its cells show: the measures are the
        longest texts (when no header names them), deadlines look like dates («до 15.05.2026», «в
        течение года»), responsible parties like bodies or people («УО, ОО», «Иванов И.И.»,
        «заместитель директора»). Each guess is reported, so it can be checked."""
        items = [r for r in self.rows if r.kind in (RowKind.ITEM, RowKind.SUB_ITEM)]
        columns = list(self.columns)
        roles = {c.role for c in columns}

        def values(column: Column) -> list[str]:
            return [
                r.cells[column.index].text
                for r in items
                if column.index < len(r.cells) and not r.cells[column.index].is_blank
            ]

        def mean_length(column: Column) -> float:
            texts = values(column)
            return sum(len(t) for t in texts) / max(len(texts), 1)

        def assign(column: Column, role: ColumnRole, why: str) -> None:
            roles.add(role)
            columns[column.index] = attrs.evolve(column, role=role)
            header = f"«{column.header}»" if column.header else "without a header"
            place = Location(file=self.source, table=self.index, column=column.index + 1)
            self.problems.append(
                reader_problem(
                    "column-by-content",
                    f"column {column.index + 1} {header} names no known role; {why}, so it is read as the "
                    f"«{role.value}» column",
                    CellProvenance(place),
                )
            )

        others = [c for c in columns if c.role is ColumnRole.OTHER and len(values(c)) >= 2]
        if ColumnRole.TITLE not in roles and others:
            title = max(others, key=mean_length)
            if mean_length(title) >= 12 and not all(looks_like_term(v) for v in values(title)):
                assign(title, ColumnRole.TITLE, "its cells are the longest texts")
                others.remove(title)
        title_length = max((mean_length(c) for c in columns if c.role is ColumnRole.TITLE), default=0.0)
        for column in others:
            texts = values(column)
            terms = sum(1 for v in texts if len(v) < 120 and looks_like_term(v)) / len(texts)
            parties = sum(1 for v in texts if _looks_like_party(v)) / len(texts)
            if terms >= 0.6:
                assign(column, ColumnRole.TERM, "its cells look like deadlines")
            elif (
                parties >= 0.6
                and ColumnRole.RESPONSIBLE not in roles
                and (not title_length or mean_length(column) < title_length)
            ):
                assign(column, ColumnRole.RESPONSIBLE, "its cells look like responsible parties")
        self.columns = tuple(columns)

    def finish(self) -> RawTable:
        if self.header_rows:
            self._recognise_by_content()
        rows = self._inherit(self.rows)
        return RawTable(
            self.source,
            self.index,
            self.columns,
            tuple(self.header_rows),
            tuple(rows),
            self.preamble,
            tuple(self.problems),
        )

    def _inherit(self, rows: list[RawRow]) -> list[RawRow]:
        out = list(rows)
        roles = self.options.inherit_roles
        columns = [c.index for c in self.columns if c.role in roles]
        for i, row in enumerate(out):
            if row.kind not in (RowKind.ITEM, RowKind.SUB_ITEM):
                continue
            has_children = i + 1 < len(out) and (
                (out[i + 1].kind is RowKind.SUB_ITEM and row.kind is RowKind.ITEM)
                or (out[i + 1].kind is RowKind.ITEM and out[i + 1].number and out[i + 1].level > row.level)
            )
            cells = list(row.cells)
            changed = False
            for c in range(len(cells)):
                cell = cells[c]
                if not cell.is_blank:
                    continue
                merged = CellFlag.MERGED_ABOVE in cell.flags
                guess = self.options.inherit_blank and not self.fixed
                if not merged and (c not in columns or not guess or has_children):
                    continue
                source_row = self._inherit_source(out, i, c, merged)
                if source_row is None:
                    continue
                above = source_row.cells[c]
                prov = cell.provenance.flagged(CellFlag.INHERITED, origin=(above.provenance.location,))
                cells[c] = RawCell(above.text, above.raw, above.paragraphs, prov)
                changed = True
            if changed:
                out[i] = attrs.evolve(row, cells=tuple(cells))
        return out

    @staticmethod
    def _inherit_source(rows: Sequence[RawRow], i: int, column: int, merged: bool) -> RawRow | None:
        level = rows[i].level
        for j in range(i - 1, -1, -1):
            other = rows[j]
            if other.kind is RowKind.HEADER:
                continue
            if other.kind is RowKind.SECTION or other.kind is RowKind.NOTE:
                return other if merged and not other.cells[column].is_blank else None
            if column >= len(other.cells):
                return None
            if merged:
                return other if not other.cells[column].is_blank else None
            if other.level > level:
                continue
            if not other.cells[column].is_blank:
                return other
        return None


#: An abbreviation in capitals («УО», «МОУО») or a name with initials («Иванов И.И.», «И.И. Иванов»).
_PARTY_FORM = re.compile(
    r"\b[А-ЯЁ]{2,}\b|\b[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.|\b[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+"
)
#: The words that name bodies and posts.
_PARTY_WORD = re.compile(
    r"управлени|отдел|министерств|департамент|комитет|администраци|директор|руководител|заместител|"
    r"учител|педагог|специалист|координатор|методист|организатор|председател|секретар",
    re.IGNORECASE,
)


def _looks_like_party(text: str) -> bool:
    """True for a short cell naming bodies or people («УО, ОО», «Иванов И.И., заместитель директора»)."""
    if len(text) > 150 or looks_like_term(text):
        return False
    return _PARTY_FORM.search(text) is not None or _PARTY_WORD.search(text) is not None


def _numbered_text(text: str) -> bool:
    """True when ``text`` is a number or a section label followed by words («II. Основной этап», «1.1
    Совещание с руководителями»): a cell holding both a row's number and its title, as a heading cell
    spanning the «№» and title columns is written, or a conversion that lost the separator between
    them writes it."""
    stripped = text.strip()
    splits = (split_leading_number(stripped), section_label(stripped))
    return any(label and rest.strip() for label, rest in splits)


def _trim(cells: Sequence[RawCell]) -> tuple[RawCell, ...]:
    """Drop trailing blank cells that carry no merge flag."""
    out = list(cells)
    while (
        len(out) > 1 and out[-1].is_blank and not (out[-1].flags & {CellFlag.MERGED_ABOVE, CellFlag.SPANNED})
    ):
        out.pop()
    return tuple(out)


def _column(index: int, raw: str) -> Column:
    cell = make_cell(raw, CellProvenance(Location(file="<header>")))
    return Column(index, role_of_header(raw), cell.text)
