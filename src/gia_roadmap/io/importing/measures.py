"""Reading the measures of one row: fields by column role, deadlines (stacked, split into events),
responsible parties, and the problems of what could not be read."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from gia_roadmap.calendar import MissingTerm, SchoolYear, Term, TermSequence, parse_term, split_terms
from gia_roadmap.calendar.exams import (
    ExamScope,
    detect_exam_scopes,
    detect_exam_stages,
    mentions_reserve_days,
)
from gia_roadmap.calendar.terms import Compound, Label, PerExam, UnparsedTerm
from gia_roadmap.errors import Location, Problem, Severity
from gia_roadmap.io.cells import is_dash_item, split_stacked
from gia_roadmap.io.completion import read_completion
from gia_roadmap.io.importing.header import parse_document_date
from gia_roadmap.io.importing.options import ImportOptions
from gia_roadmap.io.importing.rows import (
    _ALL_SCHOOLS,
    _LEVEL_WORDS,
    _TRAILING_PARTY,
    _cell_provenance,
    _dash_items,
    _hard_breaks,
    _join,
    _place_text,
    _SectionDraft,
    _unreadable_terms,
)
from gia_roadmap.io.tables import (
    CellFlag,
    Column,
    ColumnRole,
    RawCell,
    RawRow,
    RawTable,
    RowKind,
)
from gia_roadmap.plan.categories import resolve_category
from gia_roadmap.plan.model import (
    ActionLevel,
    LevelAction,
    Measure,
    MeasureNumber,
    ParentItemRef,
    Provenance,
    ProvenanceKind,
    Status,
    Target,
    TargetKind,
)
from gia_roadmap.plan.responsible import MatchQuality, Responsible, ResponsibleResolver
from gia_roadmap.text import DASH_CLASS


@attrs.define
class _RowFields:
    """The cells of an item row read by their column's role: the first title, deadline and
    responsible cells (a further title or responsible cell becomes a note), every deadline column,
    text fields, targets, participants, level actions, the parent item, notes, provenance."""

    fields: dict[str, str] = attrs.Factory(dict)
    provenance: list[Provenance] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    level_actions: list[LevelAction] = attrs.Factory(list)
    participants: tuple[Target, ...] = ()
    targets: list[Target] = attrs.Factory(list)
    parent_item: ParentItemRef | None = None
    term_columns: list[tuple[Column, RawCell]] = attrs.Factory(list)
    title_cell: RawCell | None = None
    term_cell: RawCell | None = None
    responsible_cell: RawCell | None = None

    def add_title(self, column: Column, cell: RawCell) -> None:
        if self.title_cell is None:
            self.title_cell = cell
        elif not cell.is_blank:
            self.add_note(column, cell)

    def add_term(self, column: Column, cell: RawCell) -> None:
        self.term_columns.append((column, cell))
        if self.term_cell is None:
            self.term_cell = cell

    def add_responsible(self, column: Column, cell: RawCell) -> None:
        if self.responsible_cell is None:
            self.responsible_cell = cell
        elif not cell.is_blank:
            self.add_note(column, cell)

    def add_text(self, column: Column, cell: RawCell) -> None:
        """A text field (result, evidence, completion, specifics): cells of one role are joined."""
        name = _TEXT_FIELDS[column.role]
        self.fields[name] = _join(self.fields.get(name, ""), cell.text)

    def add_specifics(self, column: Column, cell: RawCell) -> None:
        """The specifics column: the description, and a target when it names all schools."""
        self.add_text(column, cell)
        if _ALL_SCHOOLS.match(cell.text.strip()):
            self.targets.append(Target(cell.text.strip(), TargetKind.ALL_SCHOOLS))

    def add_category(self, column: Column, cell: RawCell) -> None:
        if not cell.is_blank:
            text = re.sub(r"\s+", " ", cell.text).strip()
            self.targets.append(Target(text, TargetKind.CATEGORY, resolve_category(text)))

    def add_reference(self, column: Column, cell: RawCell) -> None:
        if not cell.is_blank:
            self.parent_item = ParentItemRef.parse(cell.text)

    def skip(self, column: Column, cell: RawCell) -> None:
        """A column read elsewhere: the number, the problem (the sub-group heading)."""

    def add_note(self, column: Column, cell: RawCell) -> None:
        if not cell.is_blank:
            self.notes.append(f"«{column.header}»: {cell.text}")


_TEXT_FIELDS = {
    ColumnRole.RESULT: "expected_result",
    ColumnRole.EVIDENCE: "evidence",
    ColumnRole.COMPLETION: "completion",
    ColumnRole.SPECIFICS: "description",
}
#: How a cell is read by its column's role (participants and level actions, which need the party
#: resolver, are read by the measure reader; a role not listed becomes a note).
_ROLE_READERS: dict[ColumnRole, Callable[[_RowFields, Column, RawCell], None]] = {
    ColumnRole.TITLE: _RowFields.add_title,
    ColumnRole.TERM: _RowFields.add_term,
    ColumnRole.RESPONSIBLE: _RowFields.add_responsible,
    ColumnRole.RESULT: _RowFields.add_text,
    ColumnRole.EVIDENCE: _RowFields.add_text,
    ColumnRole.COMPLETION: _RowFields.add_text,
    ColumnRole.SPECIFICS: _RowFields.add_specifics,
    ColumnRole.CATEGORY: _RowFields.add_category,
    ColumnRole.REFERENCE_NUMBER: _RowFields.add_reference,
    ColumnRole.PROBLEM: _RowFields.skip,
    ColumnRole.NUMBER: _RowFields.skip,
}


class _MeasureReader:
    """Reading the measures of one item row: fields by column role, deadlines, parties, problems."""

    plan_id: str
    source: str
    options: ImportOptions
    school_year: SchoolYear | None
    resolver: ResponsibleResolver
    problems: list[Problem]

    # ---- helpers ----------------------------------------------------------------------------

    def _problem(
        self,
        code: str,
        message: str,
        location: Location | None = None,
        severity: Severity = Severity.WARNING,
    ) -> None:
        place = attrs.evolve(location or Location(file=self.source), plan=self.plan_id)
        self.problems.append(Problem(code=code, severity=severity, location=place, message=message))

    # ---- measures ---------------------------------------------------------------------------

    def _measures(
        self,
        row: RawRow,
        table: RawTable,
        number_raw: str,
        scopes: list[tuple[tuple[int, ...], tuple[ExamScope, ...], str]],
        section: _SectionDraft,
    ) -> list[Measure]:
        where = row.provenance.location
        cols = self._row_fields(row, table)
        events = self._split_events(cols.title_cell, cols.term_cell)
        term: Term = MissingTerm()
        term_notes: list[str] = []
        lead: str | None = None
        if events is None:
            term, term_notes, lead = self._row_term(cols, where)
        # a lead-in with dash sub-items: the measure is the lead-in (its exams and stages its own)
        title = lead if lead is not None else cols.title_cell.text if cols.title_cell is not None else ""
        number = MeasureNumber.parse(number_raw) if number_raw else MeasureNumber()
        exam_scope, scope_from = self._scopes(row, number, title, scopes, section)
        scope_note = "from the heading or group row above"
        if not exam_scope and self.options.exam_scope:
            exam_scope, scope_from = self.options.exam_scope, "ImportOptions.exam_scope"
            scope_note = "the exams the whole plan is about, as the importer was told"
        if scope_from:
            cols.provenance.append(Provenance("exam_scope", ProvenanceKind.INFERRED, scope_from, scope_note))
        if table.column(ColumnRole.RESPONSIBLE) is None and not table.columns_with(ColumnRole.LEVEL_ACTION):
            cols.provenance.append(
                Provenance(
                    "responsible",
                    ProvenanceKind.NOT_IN_LAYOUT,
                    f"{table.source} (table {table.index})",
                    "the table has no responsible column",
                )
            )
        base = self._base_measure(cols, number, title, exam_scope)
        if events is not None:
            measures = self._event_measures(base, events, cols.responsible_cell, where)
        elif lead is not None and isinstance(term, TermSequence):
            measures = self._sub_item_measures(base, term, cols.title_cell, cols.responsible_cell, where)
        else:
            measures = [attrs.evolve(base, term=term, notes=base.notes + tuple(term_notes))]
        for measure in measures:
            self._report_unread(measure, cols.term_cell, cols.responsible_cell, where)
        self._report_guessed_fills(row, table, where)
        return measures

    def _row_fields(self, row: RawRow, table: RawTable) -> _RowFields:
        """The cells of an item row read by their column's role; unplaced cells kept as notes (and
        reported)."""
        cols = _RowFields()
        for column, cell in zip(table.columns, row.cells, strict=False):
            cols.provenance.extend(_cell_provenance(column, cell))
            role = column.role
            if role is ColumnRole.PARTICIPANTS:
                cols.participants = self._participants(cell.text)
            elif role in (ColumnRole.LEVEL_ACTION, ColumnRole.ACTION):
                if not cell.is_blank:
                    cols.level_actions.append(self._level_action(column, cell))
            else:
                _ROLE_READERS.get(role, _RowFields.add_note)(cols, column, cell)
        for cell in row.extra:
            cols.notes.append(f"unplaced: «{cell.text}» ({_place_text(cell.provenance.location)})")
            self._problem(
                "unplaced-cell",
                f"a cell that fits no column was kept in the notes: «{cell.text[:100]}»",
                cell.provenance.location,
            )
        return cols

    def _row_term(self, cols: _RowFields, where: Location) -> tuple[Term, list[str], str | None]:
        """The deadline of a row that is not split into events: its term, the notes the term reading
        left, and the lead-in of dash sub-items (None when it has none). Several filled date columns
        make one composite term."""
        term, term_notes = self._term(cols.term_cell, cols.title_cell, where)
        filled = [(c, cell) for c, cell in cols.term_columns if not cell.is_blank]
        if len(filled) > 1:
            term, term_notes = self._columns_term(filled, cols.title_cell, where), []
        return term, term_notes, self._lead_in(cols.title_cell, term, term_notes)

    def _base_measure(
        self, cols: _RowFields, number: MeasureNumber, title: str, exam_scope: tuple[ExamScope, ...]
    ) -> Measure:
        """The measure of a row before its deadline is set; the completion column read as its status."""
        fields = cols.fields
        status = Status()
        evidence = fields.get("evidence", "")
        if fields.get("completion"):
            status = read_completion(fields["completion"], parse_document_date)
        return Measure(
            number=number,
            title=title,
            responsible=self._responsible(cols.responsible_cell),
            responsible_raw=cols.responsible_cell.text if cols.responsible_cell is not None else "",
            participants=cols.participants,
            targets=tuple(cols.targets),
            exam_scope=exam_scope,
            exam_periods=detect_exam_stages(title),
            reserve_days=mentions_reserve_days(title),
            level_actions=tuple(cols.level_actions),
            expected_result=fields.get("expected_result", ""),
            evidence=evidence,
            status=status,
            description=fields.get("description", ""),
            parent_item=cols.parent_item,
            notes=tuple(cols.notes),
            provenance=tuple(cols.provenance),
        )

    def _report_unread(
        self, measure: Measure, term_cell: RawCell | None, responsible_cell: RawCell | None, where: Location
    ) -> None:
        """A problem for each deadline no rule reads and each party no rule resolves, at its cell."""
        label = f" (№ {measure.number.raw})" if measure.number.raw else ""
        term_place = term_cell.provenance.location if term_cell is not None else where
        for _kind, text in _unreadable_terms(measure.term):
            self._problem("unparsed-term", f"no deadline rule reads «{text}»{label}", term_place)
        party_place = responsible_cell.provenance.location if responsible_cell is not None else where
        for party in measure.all_responsible:
            if party.quality is MatchQuality.UNRESOLVED:
                note = f" ({party.note})" if party.note else ""
                message = f"no party read from «{party.raw}»{note}{label}"
                self._problem("unresolved-party", message, party_place)

    def _report_guessed_fills(self, row: RawRow, table: RawTable, where: Location) -> None:
        """A problem for each blank cell filled from a row above without a merged cell proving it."""
        for column, cell in zip(table.columns, row.cells, strict=False):
            if CellFlag.INHERITED in cell.flags and CellFlag.MERGED_ABOVE not in cell.flags:
                origin = ", ".join(_place_text(o, in_table=True) for o in cell.provenance.origin)
                self._problem(
                    "guessed-fill",
                    f"the blank «{column.header or column.role.value}» cell was filled from the row above "
                    f"({origin}) without a merged cell proving it: «{cell.text[:60]}»",
                    cell.provenance.location,
                    Severity.INFO,
                )

    def _scopes(
        self,
        row: RawRow,
        number: MeasureNumber,
        title: str,
        scopes: list[tuple[tuple[int, ...], tuple[ExamScope, ...], str]],
        section: _SectionDraft,
    ) -> tuple[tuple[ExamScope, ...], str]:
        own = detect_exam_scopes(title)
        parts = number.parts
        if row.kind is RowKind.ITEM and parts:
            while scopes and not (
                len(scopes[-1][0]) < len(parts) and parts[: len(scopes[-1][0])] == scopes[-1][0]
            ):
                scopes.pop()
            scopes.append((parts, own, number.raw))
        if own:
            return own, ""
        if row.kind is RowKind.SUB_ITEM or not parts:
            for entry_parts, entry_scopes, raw in reversed(scopes):
                if entry_scopes and (row.kind is RowKind.SUB_ITEM or entry_parts != parts):
                    return entry_scopes, raw
        else:
            for _parts, entry_scopes, raw in reversed(scopes[:-1]):
                if entry_scopes:
                    return entry_scopes, raw
        heading_scopes = detect_exam_scopes(section.heading)
        if heading_scopes:
            return heading_scopes, section.heading
        return (), ""

    def _participants(self, text: str) -> tuple[Target, ...]:
        out = []
        for piece in re.split(r"[,;\n]", text):
            piece = piece.strip(" .")
            if not piece:
                continue
            category = resolve_category(piece)
            if category is not None:
                out.append(Target(piece, TargetKind.CATEGORY, category))
            elif _ALL_SCHOOLS.match(piece):
                out.append(Target(piece, TargetKind.ALL_SCHOOLS))
            else:
                body, _quality, _note = self.resolver.resolve_body(piece)
                if body is not None:
                    out.append(Target(piece, TargetKind.BODY, body=body))
                else:
                    out.append(Target(piece, TargetKind.GROUP if piece[:1].isupper() else TargetKind.OTHER))
        return tuple(out)

    def _level_action(self, column: Column, cell: RawCell) -> LevelAction:
        header = f"{column.header} {column.parent_header or ''}"
        level = next((lvl for rx, lvl in _LEVEL_WORDS if rx.search(header)), ActionLevel.MUNICIPAL)
        text = re.sub(r"[ \t]+", " ", cell.text).strip()
        match = _TRAILING_PARTY.search(text.replace("\n", " "))
        responsible_raw = match.group("party").strip() if match else ""
        responsible: tuple[Responsible, ...] = ()
        if responsible_raw:
            responsible = tuple(r for r in self.resolver.resolve(responsible_raw) if r.party is not None)
        return LevelAction(level, text, responsible, responsible_raw)

    def _responsible(self, cell: RawCell | None) -> tuple[Responsible, ...]:
        if cell is None or cell.is_blank:
            return ()
        if CellFlag.CONTINUATION in cell.flags:
            source = cell.text
        elif CellFlag.PARAGRAPHS in cell.flags:
            source = _hard_breaks(cell)
        else:
            source = cell.raw
        return self.resolver.resolve(source)

    # ---- deadlines --------------------------------------------------------------------------

    def _columns_term(
        self, filled: list[tuple[Column, RawCell]], title_cell: RawCell | None, where: Location
    ) -> Term:
        """One composite term from several date columns (main, reserve and additional periods, one
        column per round): each part labelled by its column's header. When every header names an exam
        stage or reserve days, the parts are dates qualified by a stage :class:`Label`; otherwise the
        parts are labelled by the header as written (:class:`PerExam` parts)."""
        parts = [
            (
                re.sub(r"\s+", " ", c.header).strip() or f"графа {c.index + 1}",
                self._term(cell, title_cell, where)[0],
            )
            for c, cell in filled
        ]
        raw = " / ".join(f"{label}: {cell.text}" for (label, _), (_, cell) in zip(parts, filled, strict=True))
        labels = []
        for label, _ in parts:
            stages = detect_exam_stages(label)
            reserve = mentions_reserve_days(label)
            labels.append(
                Label(stage=stages[0], reserve=reserve, text=label)
                if stages
                else (Label(reserve=True, text=label) if reserve else None)
            )
        if all(item is not None for item in labels):
            return TermSequence(
                tuple(
                    Compound(base=term, qualifier=lab, raw=f"{term.raw} ({lab.text})")
                    for (_, term), lab in zip(parts, labels, strict=True)
                    if lab is not None
                ),
                raw=raw,
            )
        return PerExam(tuple(parts), raw=raw)

    def _term_source(self, cell: RawCell) -> str:
        # Page-break fragments were joined by the reader; for those the cleaned text is the source.
        # Otherwise the verbatim text keeps <p> breaks between stacked items.
        # The paragraphs of a Word or spreadsheet cell are hard breaks between stacked items.
        if CellFlag.CONTINUATION in cell.flags or CellFlag.SHIFTED in cell.flags:
            return cell.text
        if CellFlag.PARAGRAPHS in cell.flags:
            return _hard_breaks(cell)
        return cell.raw.strip("\t ")

    def _term(
        self, cell: RawCell | None, title_cell: RawCell | None, where: Location
    ) -> tuple[Term, list[str]]:
        if cell is None or cell.is_blank:
            return MissingTerm(raw=cell.raw if cell is not None else ""), []
        source = self._term_source(cell)
        items = split_terms(source)
        notes: list[str] = []
        hard = len(cell.paragraphs) > 1 or "  " in cell.text
        dashes = _dash_items(title_cell)
        if len(items) > 1 and (hard or self._soft_stack(items, dashes)):
            terms = tuple(parse_term(item, school_year=self.school_year) for item in items)
            term: Term = TermSequence(terms, raw=source)
            if dashes:
                if len(dashes) == len(items):
                    notes.extend(f"stacked: «{d}» → «{t}»" for d, t in zip(dashes, items, strict=True))
                else:
                    message = (
                        f"{len(dashes)} sub-items but {len(items)} stacked deadlines; the cell is kept whole "
                        f"(«{' / '.join(items)}»)"
                    )
                    notes.append(f"stacked-mismatch: {message}")
                    self._problem("stacked-mismatch", message, where)
            return term, notes
        return parse_term(source, school_year=self.school_year), notes

    def _soft_stack(self, items: Sequence[str], dashes: Sequence[str]) -> bool:
        """Deadlines stacked on soft line breaks (a PDF cell has no paragraphs: every line break may be
        a wrap): read as one deadline per line only when the title cell's dash items are as many and
        every line reads as a deadline of its own («октябрь 2025» / «ноябрь 2025» under «– …» / «– …»;
        a wrapped «в течение учебного» / «года» does not)."""
        return len(dashes) == len(items) and all(
            not isinstance(parse_term(item, school_year=self.school_year), UnparsedTerm) for item in items
        )

    def _split_events(
        self, title_cell: RawCell | None, term_cell: RawCell | None
    ) -> list[tuple[str, str]] | None:
        """Events stacked in the title cell with as many stacked deadlines, or None."""
        if (
            not self.options.split_stacked_events
            or title_cell is None
            or term_cell is None
            or term_cell.is_blank
        ):
            return None
        events = split_stacked(title_cell)
        if len(events) < 2 or any(is_dash_item(e) or e.rstrip().endswith(":") for e in events):
            return None
        if len(title_cell.paragraphs) < 2 and "  " not in term_cell.raw:
            return None
        items = split_terms(self._term_source(term_cell))
        if len(items) != len(events):
            return None
        return list(zip(events, items, strict=True))

    def _event_measures(
        self, base: Measure, events: list[tuple[str, str]], responsible_cell: RawCell | None, where: Location
    ) -> list[Measure]:
        groups = self._responsible_groups(responsible_cell)
        out = []
        for index, (event, term_text) in enumerate(events):
            provenance = list(base.provenance)
            responsible = base.responsible
            responsible_raw = base.responsible_raw
            if len(groups) == len(events):
                responsible = groups[index]
                responsible_raw = " ".join(r.raw for r in responsible)
            elif len(events) > 1 and base.responsible:
                provenance.append(
                    Provenance(
                        "responsible",
                        ProvenanceKind.INHERITED,
                        "the row's responsible cell",
                        f"{len(groups)} responsible group(s) for {len(events)} events: shared, not aligned",
                    )
                )
            provenance.append(
                Provenance(
                    "title",
                    ProvenanceKind.INFERRED,
                    _place_text(where),
                    f"event {index + 1} of {len(events)} stacked in one row",
                )
            )
            out.append(
                attrs.evolve(
                    base,
                    number=MeasureNumber(),
                    title=event,
                    term=parse_term(term_text, school_year=self.school_year),
                    responsible=responsible,
                    responsible_raw=responsible_raw,
                    exam_scope=detect_exam_scopes(event) or base.exam_scope,
                    exam_periods=detect_exam_stages(event),
                    reserve_days=mentions_reserve_days(event),
                    provenance=tuple(provenance),
                )
            )
        return out

    @staticmethod
    def _lead_in(title_cell: RawCell | None, term: Term, term_notes: list[str]) -> str | None:
        """The lead-in of a title cell whose dash items each got a stacked deadline of their own
        («Провести совещания:» + «– с руководителями ОО» … over «октябрь» …), else None: the text
        before the first dash item, when there is one and the counts agreed (a mismatch keeps the
        cell whole and is reported by :meth:`_term`)."""
        if title_cell is None or not isinstance(term, TermSequence):
            return None
        if not any(note.startswith("stacked: ") for note in term_notes):
            return None
        text = " ".join(title_cell.text.split())
        match = re.search(rf"(?:^|\s){DASH_CLASS}\s+", text)
        lead = text[: match.start()].strip() if match is not None else ""
        return lead or None

    def _sub_item_measures(
        self,
        base: Measure,
        term: TermSequence,
        title_cell: RawCell | None,
        responsible_cell: RawCell | None,
        where: Location,
    ) -> list[Measure]:
        """A lead-in with dash items and as many stacked deadlines: the lead-in is one measure
        (``base``, titled by the lead-in; its «Сроки» the stacked cell as written) followed by one dash
        sub-item per item, each with its own deadline, as if the table had a row per item. Their
        responsible parties are the row's: a group each when the cell stacks as many groups, else
        shared (and said so)."""
        items = _dash_items(title_cell)
        groups = self._responsible_groups(responsible_cell)
        aligned = len(groups) == len(items)
        lead = base.title
        out = [attrs.evolve(base, term=term)]
        for index, (item, part) in enumerate(zip(items, term.items, strict=True)):
            provenance = list(base.provenance)
            responsible = tuple(attrs.evolve(r, group=0) for r in base.responsible)
            responsible_raw = base.responsible_raw
            if aligned:
                responsible = tuple(attrs.evolve(r, group=0) for r in groups[index])
                responsible_raw = " ".join(r.raw for r in groups[index])
            elif base.responsible:
                provenance.append(
                    Provenance(
                        "responsible",
                        ProvenanceKind.INHERITED,
                        "the row's responsible cell",
                        f"{len(groups)} responsible group(s) for {len(items)} sub-items: shared",
                    )
                )
            provenance.append(
                Provenance(
                    "title",
                    ProvenanceKind.INFERRED,
                    _place_text(where),
                    f"sub-item {index + 1} of {len(items)} of «{lead[:60]}» stacked in one cell",
                )
            )
            title = f"– {item}"
            out.append(
                Measure(
                    title=title,
                    term=part,
                    responsible=responsible,
                    responsible_raw=responsible_raw,
                    participants=base.participants,
                    targets=base.targets,
                    exam_scope=detect_exam_scopes(title) or base.exam_scope,
                    exam_periods=detect_exam_stages(title),
                    reserve_days=mentions_reserve_days(title),
                    provenance=tuple(provenance),
                )
            )
        return out

    def _responsible_groups(self, cell: RawCell | None) -> list[tuple[Responsible, ...]]:
        parties = self._responsible(cell)
        if not parties:
            return []
        count = max(r.group for r in parties) + 1
        return [tuple(r for r in parties if r.group == g) for g in range(count)]
