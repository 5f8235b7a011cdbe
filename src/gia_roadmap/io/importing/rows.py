"""Row and cell helpers of the importer: dash items, provenance of cells, appendix titles, runs of
numbers, unreadable deadline parts, and the draft of a section being built."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from gia_roadmap.calendar import Term
from gia_roadmap.errors import Location
from gia_roadmap.io.importing.grouping import _APPENDIX
from gia_roadmap.io.tables import (
    CellFlag,
    Column,
    ColumnRole,
    RawCell,
    RawParagraph,
    RawRow,
    RawTable,
    RowKind,
)
from gia_roadmap.plan.model import (
    ActionLevel,
    GroupingKind,
    Measure,
    MeasureNumber,
    Provenance,
    ProvenanceKind,
    Section,
    SectionKind,
)
from gia_roadmap.plan.sections import classify_section
from gia_roadmap.text import DASH_CLASS

_GROUPING_ROLES = (ColumnRole.CATEGORY, ColumnRole.PROBLEM)
_SUBJECTS = re.compile(
    r"^(?:русск|математик|информатик|физик|хими|биологи|географи|истори|обществознани|литератур|иностранн|английск|"
    r"немецк|французск)",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(r"^работа с\s", re.IGNORECASE)
_TRACK = re.compile(r"^трек\b", re.IGNORECASE)
_LEVEL_WORDS = (
    (re.compile(r"муниципальн", re.IGNORECASE), ActionLevel.MUNICIPAL),
    (
        re.compile(r"институциональн|\(ОО\)|образовательн\w* организаци", re.IGNORECASE),
        ActionLevel.INSTITUTIONAL,
    ),
    (re.compile(r"региональн", re.IGNORECASE), ActionLevel.REGIONAL),
    (re.compile(r"федеральн", re.IGNORECASE), ActionLevel.FEDERAL),
)
_TRAILING_PARTY = re.compile(
    r"(?P<party>(?:(?:Отдел|Управлени|Сектор|Служб|Комитет|Департамент|Руководител|Директор|Заместител)\w*"
    r"[^;:]*?\([^()]*\)|(?:Руководител|Директор)\w*\s+(?:ОО|ППЭ|МОУО|общеобразовательн\w+\s+\w+)))\s*[.;]?\s*$"
)
_ALL_SCHOOLS = re.compile(r"^вс[еи]\w*\s+(?:обще)?образовательн", re.IGNORECASE)


_MINOR_WORDS = frozenset({"и", "по", "в", "на", "с", "для", "при", "за", "к", "о", "об", "от", "из"})


def _initials_of(issuer: str) -> str:
    """The abbreviation the issuer's own words spell («МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА» → «МОК»)."""
    words = [w for w in re.findall(r"[А-ЯЁа-яё]+", issuer) if w.lower() not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words) if 2 <= len(words) <= 8 else ""


def _hard_breaks(cell: RawCell) -> str:
    """A cell whose paragraphs are the source's own (a Word cell), with its paragraph breaks written as
    the blank lines the deadline splitter and the responsible resolver read as hard breaks."""
    return "\n\n".join(cell.paragraphs)


def _blank_like(cell: RawCell) -> RawCell:
    return RawCell("", "", (), attrs.evolve(cell.provenance, flags=frozenset()))


def _join(first: str, second: str) -> str:
    return f"{first}\n{second}".strip() if first else second


def _short(row: RawRow) -> str:
    text = next((c.text for c in row.cells if c.text.strip()), "")
    return text[:80]


def _dash_items(cell: RawCell | None) -> list[str]:
    if cell is None:
        return []
    out: list[str] = []
    for paragraph in cell.paragraphs:
        pieces = re.split(rf"(?:^|\s){DASH_CLASS}\s+", paragraph)
        if len(pieces) > 1:
            out.extend(p.strip(" ;") for p in pieces[1:] if p.strip(" ;"))
    return out


def _cell_provenance(column: Column, cell: RawCell) -> list[Provenance]:
    field = {
        ColumnRole.TITLE: "title",
        ColumnRole.TERM: "term",
        ColumnRole.RESPONSIBLE: "responsible",
        ColumnRole.RESULT: "expected_result",
        ColumnRole.EVIDENCE: "evidence",
        ColumnRole.COMPLETION: "status",
        ColumnRole.SPECIFICS: "description",
        ColumnRole.PARTICIPANTS: "participants",
        ColumnRole.CATEGORY: "targets",
        ColumnRole.REFERENCE_NUMBER: "parent_item",
        ColumnRole.LEVEL_ACTION: "level_actions",
        ColumnRole.ACTION: "level_actions",
    }.get(column.role)
    if field is None or cell.is_blank:
        return []
    origin = ", ".join(_place_text(o, in_table=True) for o in cell.provenance.origin)
    out = []
    flags = cell.flags
    if CellFlag.INHERITED in flags or CellFlag.MERGED_ABOVE in flags:
        out.append(
            Provenance(
                field,
                ProvenanceKind.INHERITED,
                origin,
                "a vertically merged (or blank) cell filled from above",
            )
        )
    if CellFlag.CONTINUATION in flags:
        note = "a word broken across the page break was rejoined" if CellFlag.HYPHEN_REJOINED in flags else ""
        out.append(
            Provenance(
                field,
                ProvenanceKind.REJOINED,
                origin,
                note or "joined with its continuation after a page break",
            )
        )
    if CellFlag.SHIFTED in flags:
        out.append(
            Provenance(
                field,
                ProvenanceKind.SPILLED,
                _place_text(cell.provenance.location, in_table=True),
                "moved back into its column",
            )
        )
    return out


def _place_text(location: Location, *, in_table: bool = False) -> str:
    """A source place as the roadmap's provenance records keep it, in English («file plan.txt, table 1,
    line 95»; ``in_table``: the place inside its table only, «line 95, column 3»)."""
    if in_table:
        location = attrs.evolve(location, file="", table=None, sheet="")
    return location.describe("en")


def _appendix_title(preamble: Sequence[RawParagraph]) -> str:
    texts = [p.text.strip() for p in preamble if p.text.strip()]
    label = next((t for t in texts if _APPENDIX.match(t)), "")
    body = [t for t in texts if not _APPENDIX.match(t) and not re.match(r"^к\s+план", t, re.IGNORECASE)]
    title = " ".join(body)
    match = _APPENDIX.match(label)
    label_text = match.group(0).strip() if match is not None else ""
    return f"{label_text}. {title}".strip(". ") if label_text else title


def _appendix_grouping(table: RawTable) -> GroupingKind:
    headings = [r.cells[0].text for r in table.rows if r.kind is RowKind.SECTION]
    if headings and all(_SUBJECTS.match(h) for h in headings):
        return GroupingKind.SUBJECT
    if headings:
        return GroupingKind.ACTIVITY_FORMAT
    return GroupingKind.TOPIC


def _interrupts_numbered_run(rows: Sequence[RawRow], position: int) -> bool:
    """An unnumbered heading between two items of one numbered run (3.23 … 3.24) is not a heading."""
    row = rows[position]
    if row.number:
        return False
    before = next((r for r in reversed(rows[:position]) if r.kind is not RowKind.HEADER), None)
    after = next((r for r in rows[position + 1 :] if r.kind is not RowKind.HEADER), None)
    if before is None or after is None or before.kind is not RowKind.ITEM or after.kind is not RowKind.ITEM:
        return False
    a = MeasureNumber.parse(before.number).parts
    b = MeasureNumber.parse(after.number).parts
    return bool(a) and len(a) == len(b) and len(a) > 1 and a[:-1] == b[:-1] and b[-1] == a[-1] + 1


def _as_item(row: RawRow, rows: Sequence[RawRow], position: int, table: RawTable) -> RawRow:
    """A heading row turned into an unnumbered item: its blank deadline and responsible cells continue
    the merged cells of the item above (flagged INHERITED)."""
    before = next(r for r in reversed(rows[:position]) if r.kind is RowKind.ITEM)
    cells = list(row.cells)
    title_col = table.column(ColumnRole.TITLE)
    text_cell = next((c for c in row.cells if not c.is_blank), None)
    if title_col is not None and text_cell is not None and cells[title_col].is_blank:
        cells = [c if c is not text_cell else attrs.evolve(c, text="", raw="", paragraphs=()) for c in cells]
        cells[title_col] = text_cell
    for role in (ColumnRole.TERM, ColumnRole.RESPONSIBLE, ColumnRole.PARTICIPANTS, ColumnRole.EVIDENCE):
        for index in table.columns_with(role):
            if cells[index].is_blank and not before.cells[index].is_blank:
                source = before.cells[index]
                cells[index] = attrs.evolve(
                    source,
                    provenance=source.provenance.flagged(
                        CellFlag.INHERITED, origin=(source.provenance.location,)
                    ),
                )
    return attrs.evolve(row, kind=RowKind.ITEM, cells=tuple(cells), level=before.level)


def _unreadable_terms(term: Term) -> list[tuple[str, str]]:
    from gia_roadmap.calendar.terms import UnparsedTerm, walk

    return [("unparsed-term", part.text) for part in walk(term) if isinstance(part, UnparsedTerm)]


@attrs.define
class _SectionDraft:
    heading: str
    number: MeasureNumber | None
    grouping: GroupingKind
    kind: SectionKind | None = None
    measures: list[Measure] = attrs.field(factory=list)
    subgroups: list[_SectionDraft] = attrs.field(factory=list)
    numbered_heading: bool = False
    has_content: bool = False
    by_column: bool = False
    term: Term | None = None

    def freeze(self, ordinal: int, parent_kind: SectionKind = SectionKind.OTHER) -> Section:
        kind = self.kind if self.kind is not None else classify_section(self.heading)
        if kind is SectionKind.OTHER:
            kind = parent_kind
        return Section(
            heading=self.heading,
            kind=kind,
            grouping=self.grouping,
            ordinal=ordinal,
            number=self.number,
            measures=tuple(attrs.evolve(m, ordinal=i) for i, m in enumerate(self.measures)),
            subgroups=tuple(s.freeze(i, kind) for i, s in enumerate(self.subgroups)),
            term=self.term,
        )
