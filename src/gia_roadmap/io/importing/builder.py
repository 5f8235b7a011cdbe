"""Building one plan: sections from heading rows, measures from item rows, the plan's metadata."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from gia_roadmap.calendar import SchoolYear, Term, parse_term
from gia_roadmap.calendar.exams import (
    ExamScope,
)
from gia_roadmap.errors import Location, Problem, Severity
from gia_roadmap.io.cells import join_cells
from gia_roadmap.io.importing.header import _dates_in, _read_header
from gia_roadmap.io.importing.measures import _MeasureReader
from gia_roadmap.io.importing.options import ImportOptions
from gia_roadmap.io.importing.rows import (
    _AUDIENCE,
    _GROUPING_ROLES,
    _SUBJECTS,
    _TRACK,
    _appendix_grouping,
    _appendix_title,
    _as_item,
    _blank_like,
    _dash_items,
    _initials_of,
    _interrupts_numbered_run,
    _place_text,
    _SectionDraft,
    _short,
    _unreadable_terms,
)
from gia_roadmap.io.metadata import (
    school_year_of_dates,
)
from gia_roadmap.io.tables import (
    CellFlag,
    ColumnRole,
    RawParagraph,
    RawRow,
    RawTable,
    RowKind,
)
from gia_roadmap.plan.bodies import BodyLevel, body_from_name
from gia_roadmap.plan.glossary import Glossary, GlossarySource
from gia_roadmap.plan.model import (
    GroupingKind,
    Measure,
    MeasureNumber,
    PlanLevel,
    Roadmap,
    Section,
    SectionKind,
)
from gia_roadmap.plan.people import NameOrder, Person
from gia_roadmap.plan.responsible import ResponsibleResolver
from gia_roadmap.plan.sections import classify_section
from gia_roadmap.text import DASH_CLASS


class _PlanBuilder(_MeasureReader):
    """Builds one roadmap from its header paragraphs and tables."""

    def __init__(
        self,
        plan_id: str,
        header: Sequence[RawParagraph],
        tables: Sequence[RawTable],
        glossary: Glossary,
        options: ImportOptions,
        source: str,
    ) -> None:
        self.plan_id = plan_id
        self.header = _read_header(header)
        self.tables = tables
        self.glossary = glossary
        self.options = options
        self.source = source
        self.school_year = options.school_year or self.header.school_year
        self.issuer_body = body_from_name(self.header.issuer) if self.header.issuer else None
        abbreviation = _initials_of(self.header.issuer)
        if abbreviation and abbreviation not in glossary:
            # «МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА» is «МОК» in its own tables: the issuer's initials name it.
            glossary = glossary.with_entry(abbreviation, self.header.issuer, GlossarySource.MANUAL)
        self.glossary = glossary
        self.resolver = ResponsibleResolver(glossary, options.name_order)
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.sections: list[_SectionDraft] = []
        if self.school_year is None:
            self.school_year = self._infer_school_year()

    def _infer_school_year(self) -> SchoolYear | None:
        """The school year when the title block names none: from the dates the deadlines write, else
        from the order's date; each said so in a problem."""
        texts = [
            row.cells[index].text
            for table in self.tables
            for index in table.columns_with(ColumnRole.TERM)
            for row in table.items()
            if index < len(row.cells)
        ]
        dates = _dates_in(texts)
        inferred = school_year_of_dates(dates)
        if inferred is not None:
            self._problem(
                "school-year-inferred",
                f"the title block names no school year; {inferred} was inferred from the {len(dates)} "
                "dated deadline(s) (most fall in it); set it with ImportOptions(school_year=…) or "
                "--school-year if that is wrong",
                severity=Severity.INFO,
            )
            return inferred
        date = self.header.order_date
        if date is not None:
            # A plan approved from June on is for the school year that starts that September.
            inferred = SchoolYear(date.year if date.month >= 6 else date.year - 1)
            self._problem(
                "school-year-inferred",
                f"neither the title block nor the deadlines name a school year; {inferred} was inferred "
                f"from the order's date {date:%d.%m.%Y}; set it with --school-year if that is wrong",
                severity=Severity.INFO,
            )
            return inferred
        self._problem(
            "no-school-year",
            "no school year in the title block, the deadlines or an order date; months without a year "
            "stay unresolved (set it with ImportOptions(school_year=…) or --school-year)",
        )
        return None

    def build(self) -> Roadmap:
        for index, table in enumerate(self.tables):
            self._table(table, appendix=index > 0)
        sections = tuple(s.freeze(i) for i, s in enumerate(self.sections))
        level = self.options.level or self.header.level or self._level_from_parties(sections)
        roadmap = Roadmap(
            id=self.plan_id,
            title=self.header.title,
            issuer=self.header.issuer,
            issuer_body=self.issuer_body,
            level=level,
            territory=self.header.territory,
            school_year=self.school_year,
            orders=self.header.orders,
            legal_basis=self.header.legal_basis,
            sections=sections,
            glossary=self.glossary,
            name_order=self._name_order(sections),
            notes=tuple(self.notes),
        )
        return roadmap

    @staticmethod
    def _all_measures(sections: Iterable[Section]) -> Iterable[Measure]:
        for section in sections:
            yield from section.measures
            yield from _PlanBuilder._all_measures(section.subgroups)

    def _level_from_parties(self, sections: Sequence[Section]) -> PlanLevel:
        counts: dict[BodyLevel, int] = {}
        for measure in self._all_measures(sections):
            for party in measure.all_responsible:
                body = party.body
                if body is not None and body.level in (
                    BodyLevel.REGIONAL,
                    BodyLevel.MUNICIPAL,
                    BodyLevel.FEDERAL,
                ):
                    counts[body.level] = counts.get(body.level, 0) + 1
        if not counts:
            return PlanLevel.REGIONAL
        return PlanLevel(max(counts, key=lambda k: counts[k]).value)

    def _name_order(self, sections: Sequence[Section]) -> NameOrder:
        first = last = 0
        for measure in self._all_measures(sections):
            for party in measure.all_responsible:
                if isinstance(party.party, Person) and party.party.initials:
                    raw = party.raw.strip()
                    if raw.startswith(party.party.initials[:2]):
                        first += 1
                    elif raw.startswith(party.party.surname[:3]):
                        last += 1
        if first == last == 0:
            return NameOrder.UNKNOWN
        return NameOrder.INITIALS_FIRST if first > last else NameOrder.SURNAME_FIRST

    # ---- sections ---------------------------------------------------------------------------

    def _open_section(self, row: RawRow, table: RawTable, root: _SectionDraft | None) -> None:
        window_columns = set(table.columns_with(ColumnRole.TERM)) | set(
            table.columns_with(ColumnRole.RESPONSIBLE)
        )
        text = " ".join(
            c.text for i, c in enumerate(row.cells) if c.text.strip() and (i not in window_columns or i == 0)
        ).strip()
        text = re.sub(r"\s+", " ", text)
        window: Term | None = None
        term_cells = [
            row.cells[i] for i in table.columns_with(ColumnRole.TERM) if i < len(row.cells) and i > 0
        ]
        term_cell = next(
            (c for c in term_cells if not c.is_blank and CellFlag.INHERITED not in c.flags), None
        )
        if term_cell is not None:
            window = parse_term(term_cell.text, school_year=self.school_year)
            for _kind, unread in _unreadable_terms(window):
                self._problem(
                    "unparsed-term",
                    f"no deadline rule reads the section's «{unread}»",
                    term_cell.provenance.location,
                )
        number = MeasureNumber.parse(row.number) if row.number else None
        grouping = GroupingKind.TOPIC
        if _SUBJECTS.match(text) and text.upper() == text:
            grouping = GroupingKind.SUBJECT
        elif _AUDIENCE.match(text):
            grouping = GroupingKind.AUDIENCE
        elif _TRACK.match(text) or table.column(ColumnRole.PROBLEM) is not None:
            grouping = GroupingKind.PROBLEM_TRACK
        siblings = root.subgroups if root is not None else self.sections
        last = siblings[-1] if siblings else None
        if last is not None and not last.has_content and not last.subgroups:
            if last.numbered_heading and number is None:
                # «2. Реализация мер …» + «Объективность оценки …»: one heading over two rows
                last.heading = f"{last.heading} {text}"
                return
            if not last.numbered_heading and number is None and last.heading:
                # an unnumbered heading with no rows of its own is the parent of the headings that follow
                last.subgroups.append(_SectionDraft(text, None, grouping, has_content=False))
                return
        if (
            last is not None
            and last.subgroups
            and not last.subgroups[-1].by_column
            and not last.numbered_heading
            and number is None
        ):
            last.subgroups.append(_SectionDraft(text, None, grouping))
            return
        siblings.append(
            _SectionDraft(text, number, grouping, numbered_heading=number is not None, term=window)
        )

    # ---- tables -----------------------------------------------------------------------------

    def _report_note_columns(self, table: RawTable) -> None:
        """A problem for each column whose cells go to the measures' notes, not to a field."""
        seen: set[ColumnRole] = set()
        for column in table.columns:
            role = column.role
            first = role not in seen
            seen.add(role)
            to_notes = role is ColumnRole.OTHER or (
                not first and role in (ColumnRole.TITLE, ColumnRole.RESPONSIBLE)
            )
            if not to_notes or not any(
                column.index < len(r.cells) and not r.cells[column.index].is_blank for r in table.items()
            ):
                continue
            why = "of no known kind" if role is ColumnRole.OTHER else f"a second «{role.value}» column"
            self._problem(
                "column-to-notes",
                f"the column «{column.header}» ({column.index + 1}) is {why}; its cells are kept in each "
                "measure's notes, not read as a field",
                Location(file=table.source, table=table.index, column=column.index + 1),
            )

    def _table(self, table: RawTable, *, appendix: bool) -> None:
        self._report_note_columns(table)
        if table.column(ColumnRole.RESPONSIBLE) is None and not table.columns_with(ColumnRole.LEVEL_ACTION):
            self._problem(
                "no-responsible-column",
                "the table has no responsible column; its measures are read without one (a valid plan, "
                "so no measure is faulted for it)",
                Location(file=table.source, table=table.index),
                Severity.INFO,
            )
        root: _SectionDraft | None = None
        if appendix:
            heading = " ".join(p.text.strip() for p in table.preamble if p.text.strip())
            title = _appendix_title(table.preamble)
            root = _SectionDraft(title or heading, None, _appendix_grouping(table), has_content=True)
            root.kind = classify_section(title or heading)
            self.sections.append(root)
        grouping_col = next((table.column(r) for r in _GROUPING_ROLES if table.column(r) is not None), None)
        scopes: list[tuple[tuple[int, ...], tuple[ExamScope, ...], str]] = []
        rows = self._repair_lists(list(table.rows), table)
        for position, row in enumerate(rows):
            if row.kind is RowKind.HEADER:
                continue
            if row.kind is RowKind.SECTION:
                if _interrupts_numbered_run(rows, position):
                    row = _as_item(row, rows, position, table)
                    self._problem(
                        "heading-in-run",
                        f"the unnumbered row «{_short(row)}» sits inside a numbered run; read as an "
                        "unnumbered measure whose blank cells continue the merged cells above",
                        row.provenance.location,
                        Severity.INFO,
                    )
                else:
                    self._open_section(row, table, root)
                    scopes.clear()
                    continue
            if row.kind is RowKind.NOTE:
                text = " | ".join(c.text for c in row.cells if c.text.strip())
                self.notes.append(f"note-row: «{text}» ({_place_text(row.provenance.location)})")
                self._problem(
                    "note-row",
                    f"a row the reader could not classify was kept: «{text[:120]}»",
                    row.provenance.location,
                )
                continue
            self._item(row, table, grouping_col, scopes, root)

    def _repair_lists(self, rows: list[RawRow], table: RawTable) -> list[RawRow]:
        """Dash lists a page break cut apart.

        * An item whose title already holds an inline dash list («…: – a; – b») followed directly by a
          dash sub-item row: the row is the rest of that list after a page break; it is joined back
          (its own deadline joins the item's stacked deadlines).
        * An item whose title holds exactly one inline dash item after a colon («ГИА–11: – мест и сроков
          …»), with a deadline, followed by dash sub-items: the first sub-item was glued to its group
          row; it is split off with the deadline and the responsible parties.
        """
        title_col = table.column(ColumnRole.TITLE)
        term_col = table.column(ColumnRole.TERM)
        if title_col is None:
            return rows
        out: list[RawRow] = []
        for position, row in enumerate(rows):
            previous = out[-1] if out else None
            if (
                row.kind is RowKind.SUB_ITEM
                and previous is not None
                and previous.kind is RowKind.ITEM
                and len(_dash_items(previous.cells[title_col])) >= 2
            ):
                cells = tuple(
                    a if b.is_blank or CellFlag.INHERITED in b.flags else join_cells(a, b)
                    for a, b in zip(previous.cells, row.cells, strict=False)
                )
                out[-1] = attrs.evolve(previous, cells=cells, extra=previous.extra + row.extra)
                self._problem(
                    "list-rejoined",
                    f"the dash item «{row.cells[title_col].text[:60]}» continues the list of "
                    f"{previous.number} after a page break; joined back",
                    row.provenance.location,
                    Severity.INFO,
                )
                continue
            following = rows[position + 1] if position + 1 < len(rows) else None
            title = row.cells[title_col].text
            glued = re.match(
                rf"^(?P<lead>[^:]{{1,80}}?:)\s*(?P<item>{DASH_CLASS}\s+.+)$", title, flags=re.DOTALL
            )
            if (
                row.kind is RowKind.ITEM
                and glued is not None
                and following is not None
                and following.kind is RowKind.SUB_ITEM
                and term_col is not None
                and not row.cells[term_col].is_blank
                and len(_dash_items(row.cells[title_col])) == 1
            ):
                lead, item = glued.group("lead").strip(), glued.group("item").strip()
                title_cell = row.cells[title_col]
                group_cells = list(row.cells)
                sub_cells = [_blank_like(c) for c in row.cells]
                group_cells[title_col] = attrs.evolve(title_cell, text=lead, paragraphs=(lead,))
                sub_cells[title_col] = attrs.evolve(title_cell, text=item, paragraphs=(item,))
                for role in (ColumnRole.TERM, ColumnRole.RESPONSIBLE):
                    for index in table.columns_with(role):
                        sub_cells[index] = row.cells[index]
                        if role is ColumnRole.TERM:
                            group_cells[index] = _blank_like(row.cells[index])
                out.append(attrs.evolve(row, cells=tuple(group_cells)))
                out.append(
                    attrs.evolve(
                        row, kind=RowKind.SUB_ITEM, cells=tuple(sub_cells), number="", level=row.level + 1
                    )
                )
                self._problem(
                    "item-split",
                    f"the first dash item «{item[:60]}» was glued to its group row {row.number} «{lead}»; "
                    "split off with the row's deadline",
                    row.provenance.location,
                    Severity.INFO,
                )
                continue
            out.append(row)
        return out

    def _target_section(self, root: _SectionDraft | None) -> _SectionDraft:
        """The innermost open section (not descending into groups opened by a grouping column)."""
        if root is None:
            if not self.sections:
                default = _SectionDraft(
                    "", None, GroupingKind.TOPIC, kind=classify_section(self.header.title)
                )
                self.sections.append(default)
            section = self.sections[-1]
        else:
            section = root
        while section.subgroups and not section.subgroups[-1].by_column:
            section = section.subgroups[-1]
        return section

    def _item(
        self,
        row: RawRow,
        table: RawTable,
        grouping_col: int | None,
        scopes: list[tuple[tuple[int, ...], tuple[ExamScope, ...], str]],
        root: _SectionDraft | None,
    ) -> None:
        section = self._target_section(root)
        number_raw = row.number
        if grouping_col is not None:
            group_cell = row.cells[grouping_col]
            if not group_cell.is_blank and CellFlag.INHERITED not in group_cell.flags:
                # A new value of the grouping column opens a sub-group that carries the row's number.
                role = table.columns[grouping_col].role
                kind = (
                    GroupingKind.SPECIALIST_CATEGORY
                    if role is ColumnRole.CATEGORY
                    else GroupingKind.PROBLEM_TRACK
                )
                heading = re.sub(r"\s+", " ", group_cell.text).strip()
                number = MeasureNumber.parse(row.number) if row.number else None
                draft = _SectionDraft(heading, number, kind, by_column=True)
                draft.kind = section.kind if section.kind not in (None, SectionKind.OTHER) else None
                if draft.kind is None:
                    parent_kind = classify_section(section.heading)
                    draft.kind = (
                        parent_kind
                        if parent_kind is not SectionKind.OTHER
                        else classify_section(self.header.title)
                    )
                section.subgroups.append(draft)
                section.has_content = True
                section = draft
                number_raw = ""
            elif section.subgroups and section.subgroups[-1].by_column:
                section = section.subgroups[-1]
        section.has_content = True
        for measure in self._measures(row, table, number_raw, scopes, section):
            section.measures.append(measure)
