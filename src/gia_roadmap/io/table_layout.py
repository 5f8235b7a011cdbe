"""The layout of a roadmap as officials write it: document header paragraphs, the plan table(s) and the
glossary table, ready to be rendered by the DOCX and XLSX table writers.

The layout follows the tables the importer (:mod:`gia_roadmap.io.importing`) reads, so a roadmap
written this way reads back to an equal roadmap (see :func:`gia_roadmap.io.roundtrip.table_view`):

* **Header paragraphs**: the issuer, «ПРИКАЗ», the order's date and number lines as written, the order
  title, the paragraphs that cite other orders (the legal basis), the plan title and, when none of
  these names it, the school year («2023/2024 учебный год»).
* **The plan table**: «№ п/п | Мероприятия | Сроки | Ответственные», plus the columns the roadmap
  uses («Категории», «Проблема …», «Описание специфики», «Участники», «Ожидаемый результат»,
  «Вид подтверждающего документа», «№ по приказу …», «Отметка о выполнении» (the execution status,
  :func:`gia_roadmap.io.completion.write_completion`), and level columns under «Действия по
  реализации мероприятий» on a second header row). Section headings are rows spanning the table;
  sub-groups read from a grouping column («Категории», «Проблема …») are values of that column,
  vertically merged over the group's rows.
* **Appendices** («Приложение 1. …» sections) are tables of their own, introduced by their label and
  title paragraphs.
* **The glossary** is a «Сокращение | Расшифровка» table after the plan.

>>> from gia_roadmap.testing import PlanBuilder
>>> plan = PlanBuilder("demo").section("Подготовка").measure("1.", "Совещание", term="май 2024").build()
>>> layout = roadmap_layout(plan)
>>> layout.tables[0].header[0][:4]
('№ п/п', 'Мероприятия', 'Сроки', 'Ответственные')
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from gia_roadmap.calendar import MissingTerm, SchoolYear, Term, TermSequence, parse_term, split_terms
from gia_roadmap.io.cells import clean_text
from gia_roadmap.io.completion import COMPLETION_HEADER, write_completion
from gia_roadmap.io.importing.header import parse_document_date
from gia_roadmap.plan.model import (
    ActionLevel,
    GroupingKind,
    Measure,
    MeasureNumber,
    Order,
    ProvenanceKind,
    Roadmap,
    Section,
    Status,
)
from gia_roadmap.text import dash_class

__all__ = ["LayoutCell", "LayoutRow", "LayoutTable", "RoadmapLayout", "hard_paragraphs", "roadmap_layout"]

_APPENDIX = re.compile(r"^\s*(приложени[ея]\s*(?:№\s*)?\d*)\.?\s*", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(
    rf"(20\d\d)\s*(?:{dash_class('/')}|\s)\s*(20\d\d)\s*(?:учебн|уч\.)|\bв\s+20\d\d\s+год", re.I
)
_STACKED = re.compile(r"^event (\d+) of (\d+) stacked in one row$")
_LEVEL_HEADERS = {
    ActionLevel.FEDERAL: "федеральный уровень",
    ActionLevel.REGIONAL: "региональный уровень",
    ActionLevel.MUNICIPAL: "муниципальный уровень",
    ActionLevel.INSTITUTIONAL: "институциональный уровень (ОО)",
}


@attrs.frozen
class LayoutCell:
    """One cell of a layout row.

    Attributes:
        text: the text; paragraphs are separated by ``"\\n"``.
        span: how many grid columns the cell covers (a heading row spans the whole table).
        merged_above: the cell continues the vertically merged cell above (its text is blank).
    """

    text: str = ""
    span: int = 1
    merged_above: bool = False


@attrs.frozen
class LayoutRow:
    """One table row: its cells (spans included) and whether it is a section heading."""

    cells: tuple[LayoutCell, ...]
    heading: bool = False


@attrs.frozen
class LayoutTable:
    """One table with the paragraphs written above it.

    Attributes:
        preamble: paragraphs above the table (the document header, an appendix label and title).
        header: the header rows, one string per grid column («» under a spanning parent header).
        header_spans: for each header row, ``(column, span)`` pairs of parent headers spanning columns.
        rows: the body rows.
        glossary: True for the «Сокращение | Расшифровка» table.
    """

    preamble: tuple[str, ...]
    header: tuple[tuple[str, ...], ...]
    header_spans: tuple[tuple[tuple[int, int], ...], ...]
    rows: tuple[LayoutRow, ...]
    glossary: bool = False

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return len(self.header[0]) if self.header else 0


@attrs.frozen
class RoadmapLayout:
    """A roadmap as a Word or Excel document: its tables in order (each with its paragraphs above)."""

    title: str
    tables: tuple[LayoutTable, ...]


def _clean(text: str) -> str:
    """A source text as the paragraphs a table cell holds (conversion markup removed)."""
    return "\n".join(clean_text(text)[0])


def _order_lines(order: Order) -> list[str]:
    lines: list[str] = []
    if order.raw.strip():
        lines.extend(part.strip() for part in order.raw.split(" | ") if part.strip())
    else:
        if order.date is not None:
            lines.append(f"от {order.date:%d.%m.%Y}")
        if order.number:
            lines.append(f"№ {order.number}")
    if order.title:
        lines.append(order.title)
    return lines


def _header_paragraphs(roadmap: Roadmap) -> list[str]:
    lines: list[str] = []
    if roadmap.orders:
        order = roadmap.orders[0]
        issuer = order.issuer or roadmap.issuer
        if issuer:
            lines.append(issuer)
        lines.append(order.kind.upper() if order.kind else "ПРИКАЗ")
        lines.extend(_order_lines(order))
    elif roadmap.issuer:
        lines.append(roadmap.issuer)
    lines.extend(
        _merge_overlapping([_clean(o.raw).replace("\n", " ") for o in roadmap.legal_basis if o.raw.strip()])
    )
    order_title = roadmap.orders[0].title if roadmap.orders else ""
    if roadmap.title and roadmap.title != order_title:
        lines.append(roadmap.title)
    if roadmap.school_year is not None and not any(
        _SCHOOL_YEAR.search(t) for t in (roadmap.title, order_title)
    ):
        year = roadmap.school_year.start_year
        lines.append(f"{year}/{year + 1} учебный год")
    return lines


def _merge_overlapping(texts: Sequence[str], least: int = 20) -> list[str]:
    """Excerpts of one paragraph (two orders cited in one sentence) joined back where they overlap."""
    out: list[str] = []
    for text in texts:
        if out:
            last = out[-1]
            if text in last:
                continue
            overlap = next(
                (n for n in range(min(len(last), len(text)), least - 1, -1) if last.endswith(text[:n])), 0
            )
            if overlap:
                out[-1] = last + text[overlap:]
                continue
        out.append(text)
    return out


_HARD_BREAK = re.compile(r"</?(?:p|li|ul|ol|br|div|tr)\b[^>]*>|\n[ \t]*\n|[ \t]{2,}", re.IGNORECASE)


def hard_paragraphs(raw: str) -> tuple[str, ...]:
    """A source text cut at its hard breaks only — paragraph tags, blank lines and double spaces, the
    breaks that separate stacked deadlines or groups of parties; the lines a text conversion wrapped
    are joined with a space.

    >>> hard_paragraphs("<p>май</p><p>июнь 2024</p>")
    ('май', 'июнь 2024')
    >>> hard_paragraphs("по отдельному\\nплану-графику")
    ('по отдельному плану-графику',)
    """
    pieces = (" ".join(clean_text(piece)[0]) for piece in _HARD_BREAK.split(raw))
    return tuple(piece for piece in pieces if piece)


def _term_paragraphs(term: Term, school_year: SchoolYear | None = None) -> tuple[str, ...]:
    """The «Сроки» cell as paragraphs: one per stacked deadline of a sequence, else the text cut at its
    hard breaks. ``school_year``: the plan's, which the importer reads the cell back in."""
    if isinstance(term, MissingTerm):
        return ()
    if isinstance(term, TermSequence) and _stacked(term, school_year):
        return tuple(" ".join(item.raw.split()) for item in term.items)
    return hard_paragraphs(term.raw)


def _stacked(term: TermSequence, school_year: SchoolYear | None) -> bool:
    """True when ``term`` is deadlines stacked in one cell, to be written one per paragraph: the
    importer reads a cell with paragraphs as one deadline per paragraph, and a cell of one paragraph
    as one deadline. So a sequence is stacked when its text breaks between the items (lines,
    paragraphs), or when the text read as one line is another deadline but cuts
    (:func:`~gia_roadmap.calendar.split_terms`) into exactly its items: «август 2024 года сентябрь–
    октябрь 2024», two stacked deadlines whose lines a PDF or its text conversion joined, read as one
    line is a list of periods. A sequence the grammar reads from one line («в течение года
    февраль–март 2024 во время проведения ГИА») stays that line."""
    items = [" ".join(item.raw.split()) for item in term.items]
    if len(items) < 2 or not all(items):
        return False
    if "\n" in term.raw.strip() or len(hard_paragraphs(term.raw)) > 1:
        return True
    line = " ".join(term.raw.split())
    if parse_term(line, school_year=school_year) == term:
        return False
    return [" ".join(piece.split()) for piece in split_terms(line)] == items


def _responsible_paragraphs(measure: Measure) -> tuple[str, ...]:
    """The responsible cell as paragraphs, one per group of parties the importer read (the groups are
    aligned with stacked events); the lines a text conversion wrapped are joined with a space."""
    text = " ".join(measure.responsible_raw.split())
    groups = sorted({r.group for r in measure.responsible})
    if len(groups) <= 1:
        return (text,) if text else ()
    cuts: list[int] = []
    position = 0
    for group in groups[1:]:
        first = " ".join(next(r for r in measure.responsible if r.group == group).raw.split())
        found = text.find(first, position) if first else -1
        if found <= position:
            return hard_paragraphs(measure.responsible_raw)
        cuts.append(found)
        position = found + len(first)
    bounds = [0, *cuts, len(text)]
    return tuple(text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip())


def _stacked_run(measure: Measure) -> tuple[str, int, int] | None:
    """(source row, event index, event count) for a measure split from events stacked in one row."""
    for p in measure.provenance:
        match = _STACKED.match(p.note) if p.field == "title" and p.kind is ProvenanceKind.INFERRED else None
        if match is not None:
            return p.source, int(match.group(1)), int(match.group(2))
    return None


def _restack(measures: Sequence[Measure]) -> list[list[Measure]]:
    """Measures in row order, those split from one row of stacked events grouped back into one row."""
    rows: list[list[Measure]] = []
    for measure in measures:
        run = _stacked_run(measure)
        previous = _stacked_run(rows[-1][-1]) if rows else None
        if (
            run is not None
            and previous is not None
            and run[0] == previous[0]
            and run[2] == previous[2]
            and run[1] == previous[1] + 1
        ):
            rows[-1].append(measure)
        else:
            rows.append([measure])
    return rows


def _stacked_measure(events: Sequence[Measure]) -> Measure:
    """One measure whose cells stack the events, deadlines and (aligned) responsible groups."""
    if len(events) == 1:
        return events[0]
    raws = [e.responsible_raw for e in events]
    shared = all(r == raws[0] for r in raws)
    responsible = events[0].responsible
    if not shared:
        responsible = tuple(attrs.evolve(r, group=i) for i, e in enumerate(events) for r in e.responsible)
    return attrs.evolve(
        events[0],
        responsible=responsible,
        number=MeasureNumber(),
        title="\n".join(e.title for e in events),
        term=TermSequence(tuple(e.term for e in events), raw="\n\n".join(e.term.raw for e in events)),
        responsible_raw=raws[0] if shared else "\n".join(raws),
    )


@attrs.frozen
class _Columns:
    names: tuple[str, ...]
    roles: tuple[str, ...]
    levels: tuple[ActionLevel, ...]
    school_year: SchoolYear | None = None

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


def _walk(sections: Sequence[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.subgroups)


def _is_column_group(section: Section) -> bool:
    """A sub-group read from a grouping column («Категории», «Проблема …»), not from a heading row."""
    if section.grouping is GroupingKind.SPECIALIST_CATEGORY:
        return True
    return (
        section.grouping is GroupingKind.PROBLEM_TRACK
        and not section.subgroups
        and section.number is not None
    )


def _columns(sections: Sequence[Section]) -> _Columns:
    all_sections = list(_walk(sections))
    measures = [m for s in all_sections for m in s.measures]
    names: list[str] = ["№ п/п"]
    roles: list[str] = ["number"]

    def add(role: str, name: str) -> None:
        roles.append(role)
        names.append(name)

    groups = [s for s in all_sections if _is_column_group(s)]
    if any(s.grouping is GroupingKind.SPECIALIST_CATEGORY for s in groups):
        add("category", "Категории")
    elif groups:
        add("problem", "Проблема/актуальное направление деятельности")
    add("title", "Мероприятия")
    if any(m.parent_item is not None for m in measures):
        add("parent_item", "№ по приказу")
    if any(m.description for m in measures):
        add("description", "Описание специфики")
    add("term", "Сроки")
    if any(m.participants for m in measures):
        add("participants", "Участники")
    if any(m.responsible_raw or m.responsible for m in measures) or not any(
        m.level_actions for m in measures
    ):
        add("responsible", "Ответственные")
    if any(m.expected_result for m in measures):
        add("expected_result", "Ожидаемый результат")
    if any(m.evidence for m in measures):
        add("evidence", "Вид подтверждающего документа")
    if any(m.status != Status() for m in measures):
        add("completion", COMPLETION_HEADER)
    levels = tuple(
        lvl for lvl in ActionLevel if any(a.level is lvl for m in measures for a in m.level_actions)
    )
    for level in levels:
        add(f"level:{level.value}", _LEVEL_HEADERS[level])
    return _Columns(tuple(names), tuple(roles), levels)


def _measure_cells(measure: Measure, columns: _Columns, group: tuple[str, bool] | None) -> list[LayoutCell]:
    """One cell per column of a measure's row; ``group``: the text of a category or problem column
    and whether the cell merges with the one above (it is blank then)."""
    cells: list[LayoutCell] = []
    for role in columns.roles:
        if role in ("category", "problem"):
            text, merged = group if group is not None else ("", False)
            cells.append(LayoutCell("" if merged else text, 1, merged))
        elif role.startswith("level:"):
            level = ActionLevel(role.split(":", 1)[1])
            text = "\n".join(a.text for a in measure.level_actions if a.level is level)
            cells.append(LayoutCell(text, 1, False))
        elif role == "term":
            cells.append(LayoutCell("\n".join(_term_paragraphs(measure.term, columns.school_year)), 1, False))
        else:
            text_of = _CELL_TEXT.get(role)
            cells.append(LayoutCell(text_of(measure) if text_of is not None else "", 1, False))
    return cells


#: The text of a measure's cell by its column's role (the category, problem, level and term columns apart).
_CELL_TEXT: dict[str, Callable[[Measure], str]] = {
    "number": lambda m: m.number.raw,
    "title": lambda m: m.title,
    "parent_item": lambda m: m.parent_item.raw if m.parent_item is not None else "",
    "description": lambda m: m.description,
    "participants": lambda m: "\n".join(t.raw for t in m.participants),
    "responsible": lambda m: "\n".join(_responsible_paragraphs(m)),
    "expected_result": lambda m: m.expected_result,
    "evidence": lambda m: m.evidence,
    "completion": lambda m: write_completion(m.status, parse_document_date),
}


def _measure_rows(measures: Sequence[Measure], columns: _Columns, out: list[LayoutRow]) -> None:
    for events in _restack(measures):
        out.append(LayoutRow(tuple(_measure_cells(_stacked_measure(events), columns, None))))


def _heading_row(text: str, width: int) -> LayoutRow:
    return LayoutRow((LayoutCell(text, width),), heading=True)


def _section_rows(
    section: Section, columns: _Columns, out: list[LayoutRow]
) -> None:
    width = len(columns.names)
    if _is_column_group(section):
        for i, events in enumerate(_restack(section.measures)):
            measure = _stacked_measure(events)
            cells = _measure_cells(measure, columns, (section.heading, i > 0))
            if i == 0 and section.number is not None:
                cells[0] = LayoutCell(section.number.raw)
            out.append(LayoutRow(tuple(cells)))
        return
    if section.heading:
        out.append(_heading_row(section.heading, width))
    _measure_rows(section.measures, columns, out)
    for sub in section.subgroups:
        _section_rows(sub, columns, out)


def _header(columns: _Columns) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[tuple[int, int], ...], ...]]:
    names = columns.names
    if not columns.levels:
        return (names,), ((),)
    first = names.index(_LEVEL_HEADERS[columns.levels[0]])
    top = tuple(names[:first]) + ("Действия по реализации мероприятий",) + ("",) * (len(names) - first - 1)
    sub = ("",) * first + tuple(names[first:])
    return (top, sub), (((first, len(names) - first),), ())


def roadmap_layout(roadmap: Roadmap) -> RoadmapLayout:
    """The roadmap as the tables and paragraphs of an official document (see the module docstring)."""
    tables: list[LayoutTable] = []
    columns = attrs.evolve(_columns(roadmap.sections), school_year=roadmap.school_year)
    header, spans = _header(columns)
    preamble: list[str] = _header_paragraphs(roadmap)
    rows: list[LayoutRow] = []
    for section in roadmap.sections:
        match = _APPENDIX.match(section.heading)
        if match is not None and match.group(1).strip()[-1:].isdigit():
            tables.append(LayoutTable(tuple(preamble), header, spans, tuple(rows)))
            label = match.group(1).strip()
            rest = section.heading[match.end() :].strip()
            preamble = [label, rest] if rest else [label]
            rows = []
            _measure_rows(section.measures, columns, rows)
            for sub in section.subgroups:
                _section_rows(sub, columns, rows)
            continue
        _section_rows(section, columns, rows)
    tables.append(LayoutTable(tuple(preamble), header, spans, tuple(rows)))
    entries = roadmap.glossary.entries
    if entries:
        glossary_rows = tuple(
            LayoutRow((LayoutCell(e.abbreviation), LayoutCell(e.expansion))) for e in entries
        )
        tables.append(
            LayoutTable(
                ("Перечень сокращений",),
                (("Сокращение", "Расшифровка"),),
                ((),),
                glossary_rows,
                glossary=True,
            )
        )
    return RoadmapLayout(roadmap.title, tuple(tables))
