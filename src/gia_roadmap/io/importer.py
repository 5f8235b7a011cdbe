"""The importer: raw tables (:mod:`gia_roadmap.io.tables`) → :class:`~gia_roadmap.plan.model.Roadmap` values.

Reading a file gives a :class:`~gia_roadmap.io.tables.RawDocument`: tables as written. This module
maps them to the model with general rules (no look-ups of particular documents):

* **Plans.** The first table of measures opens a roadmap; a later one opens another roadmap when
  the paragraphs before it hold an order of its own («ПРИКАЗ … № 653»), and is added to the current
  roadmap as a section when they call it an appendix («Приложение 1 к плану …»).
* **Document header** («шапка»): the issuer (the capitalised lines above «ПРИКАЗ»), the order's date
  and number (garbled dates such as «От « 17 » ноября 20 21 г.» and «02.10. 2023» included), the
  order title («Об утверждении …»), the plan title («ПЛАН МЕРОПРИЯТИЙ («дорожная карта») …»), the
  level (regional ministry, municipal office), the territory and the school year
  («2023 – 2024 учебном году», «2022/2023 учебный год», «в 2024 году» → 2023/24).
* **Sections**: heading rows; a numbered heading followed at once by an unnumbered one is one
  heading split over two rows; an unnumbered heading followed at once by another heading is the
  parent of the headings that follow. A table with a grouping column («Категории»,
  «Проблема …») opens a sub-group for each new value of that column, which carries the row's number.
* **Measures**: every item and dash sub-item row, with its number as written and its ordinal
  position. Deadlines («Сроки») are read with :func:`~gia_roadmap.calendar.parse_term` in the
  plan's school year (page-break fragments are joined by the reader before parsing; a blank cell is
  an explicit :class:`~gia_roadmap.calendar.MissingTerm`). Several events stacked in one cell
  (000) become one measure each when the events and the deadlines split into the same number of
  items; otherwise the cell is kept whole and the mismatch is reported. Dash sub-items stacked inside
  one cell are aligned with the stacked deadlines by position only when the counts match.
* **Responsible parties** are read by :class:`~gia_roadmap.plan.responsible.ResponsibleResolver`
  with the document's glossary (glossary tables, bullet lists and inline «(далее – X)»).
* **Provenance**: values inherited from merged cells, rejoined from page breaks or moved back into
  their column keep that history (:class:`~gia_roadmap.plan.model.Provenance`).

Nothing is dropped: a cell that fits no column, a row the reader could not classify, a deadline no
rule reads and a party no rule resolves are kept in the roadmap and reported as
:class:`~gia_roadmap.errors.Problem` values, each at its :class:`~gia_roadmap.errors.Location` (the file,
table, row or line, and the plan).

>>> from gia_roadmap.io.importer import import_text
>>> result = import_text("№\\tМероприятия\\tСроки\\tОтветственные\\n1.\\tСовещание\\tмай 2024\\tУО\\n")
>>> [m.term.kind for m in result.roadmap.measures]
['month']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from gia_roadmap.calendar import MissingTerm, SchoolYear, Term, TermSequence, parse_term, split_terms
from gia_roadmap.calendar.exams import (
    ExamScope,
    detect_exam_scopes,
    detect_exam_stages,
    mentions_reserve_days,
)
from gia_roadmap.errors import Location, Problem, Severity, TableReadError
from gia_roadmap.io.cells import is_dash_item, join_cells, split_stacked
from gia_roadmap.io.completion import read_completion
from gia_roadmap.io.limits import ReadLimits
from gia_roadmap.io.metadata import (
    exam_school_year,
    is_school_name,
    level_of,
    school_year_of_dates,
    stamp_order,
)
from gia_roadmap.io.reading import read_tables, read_tables_text, require_plan_table
from gia_roadmap.io.structure import ReadOptions
from gia_roadmap.io.tables import (
    CellFlag,
    Column,
    ColumnRole,
    GlossaryKind,
    RawCell,
    RawDocument,
    RawParagraph,
    RawRow,
    RawTable,
    RowKind,
)
from gia_roadmap.plan.bodies import BodyLevel, body_from_name
from gia_roadmap.plan.categories import resolve_category
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry, GlossarySource
from gia_roadmap.plan.model import (
    ActionLevel,
    GroupingKind,
    LevelAction,
    LocatedMeasure,
    Measure,
    MeasureNumber,
    Order,
    ParentItemRef,
    PlanLevel,
    Provenance,
    ProvenanceKind,
    Roadmap,
    Section,
    SectionKind,
    Status,
    Target,
    TargetKind,
)
from gia_roadmap.plan.people import NameOrder, Person
from gia_roadmap.plan.responsible import MatchQuality, Responsible, ResponsibleResolver
from gia_roadmap.plan.sections import classify_section
from gia_roadmap.text import DASH_CLASS, MONTH_PATTERN, dash_class, month_of

__all__ = [
    "ImportOptions",
    "ImportResult",
    "import_document",
    "import_file",
    "import_problems",
    "import_text",
    "parse_document_date",
]


# --------------------------------------------------------------------------------------------
# Public values
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class ImportOptions:
    """How to import a document.

    Attributes:
        plan_ids: ids for the roadmaps found, in document order; missing ones are made from the
            source name («plan», «plan-2» …).
        school_year: the school year months without a year belong to; by default read from the
            title block (every usual form: «на 2025/2026 учебный год», «ГИА-2026», «в 2026 году»),
            failing that inferred from the dated deadlines or the order's date, and said so.
        level: the plan's level (regional, municipal, school); by default read from the issuer and
            the title, failing that from the responsible parties.
        exam_scope: the exams the whole plan is about («ГИА-9», «ЕГЭ» …): measures whose own words,
            group row and section name none get these (recorded in their provenance).
        split_stacked_events: a row whose «Мероприятия» cell stacks several events and whose
            «Сроки» cell stacks as many deadlines becomes one measure per event.
        appendix_as_section: a table introduced as «Приложение N к плану …» becomes a section of
            the current roadmap (else a roadmap of its own).
        name_order: how the document writes names (decided per cell when UNKNOWN).
    """

    plan_ids: tuple[str, ...] = ()
    school_year: SchoolYear | None = None
    level: PlanLevel | None = None
    exam_scope: tuple[ExamScope, ...] = ()
    split_stacked_events: bool = True
    appendix_as_section: bool = True
    name_order: NameOrder = NameOrder.UNKNOWN


@attrs.frozen(slots=True)
class ImportResult:
    """The roadmaps read from one document, the problems found, and the raw document.

    Attributes:
        roadmaps: one per plan in the document, in order.
        problems: everything kept but not placed or read, reader problems included; each is located
            in the file and, once it belongs to a plan, by ``location.plan``.
        document: the raw tables the roadmaps were built from.
    """

    roadmaps: tuple[Roadmap, ...]
    problems: tuple[Problem, ...]
    document: RawDocument

    @property
    def roadmap(self) -> Roadmap:
        """The first (usually the only) roadmap."""
        return self.roadmaps[0]


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def import_file(
    path: str | Path,
    options: ImportOptions | None = None,
    *,
    read_options: ReadOptions | None = None,
    max_bytes: int | None = None,
    limits: ReadLimits | None = None,
) -> ImportResult:
    """Read a roadmap file (.docx, .xlsx, .odt, .ods, .pdf, .html, .xls, .csv, .tsv or .txt) into
    :class:`Roadmap` values.

    Raises:
        TableReadError: the file holds no table of measures, is too large or damaged; its subclasses
            say more (:class:`~gia_roadmap.errors.UnsupportedFileError` for a legacy .doc,
            :class:`~gia_roadmap.errors.NoTextLayerError` for a scanned PDF,
            :class:`~gia_roadmap.errors.ReadLimitError` for a budget exceeded …).
        FileNotFoundError: no such file.
    """
    path = Path(path)
    document = require_plan_table(read_tables(path, options=read_options, max_bytes=max_bytes, limits=limits))
    if options is None or not options.plan_ids:
        options = attrs.evolve(options or ImportOptions(), plan_ids=(_slug(path.stem),))
    return import_document(document, options)


def import_text(
    text: str,
    options: ImportOptions | None = None,
    *,
    source: str = "<string>",
    delimiter: str | None = None,
    read_options: ReadOptions | None = None,
) -> ImportResult:
    """Read roadmap tables from text (a TAB-layout text conversion, or CSV/TSV with ``delimiter``).

    Raises:
        TableReadError: the text holds no table of measures.
    """
    document = require_plan_table(
        read_tables_text(text, source=source, delimiter=delimiter, options=read_options)
    )
    return import_document(document, options)


def import_document(document: RawDocument, options: ImportOptions | None = None) -> ImportResult:
    """Map a raw document to roadmaps (see the module docstring for the rules)."""
    options = options or ImportOptions()
    plan_tables = [t for t in document.tables if not t.is_glossary]
    if not any(t.column(ColumnRole.TITLE) is not None and t.items() for t in plan_tables):
        raise TableReadError(f"{document.source}: no table of measures found")
    problems: list[Problem] = list(document.problems)
    glossary = _glossary_of(document)
    groups = _group_tables(document, options)
    roadmaps: list[Roadmap] = []
    base = _slug(Path(document.source).stem) or "plan"
    for index, (header, tables) in enumerate(groups):
        plan_id = options.plan_ids[index] if index < len(options.plan_ids) else _default_id(base, index)
        builder = _PlanBuilder(plan_id, header, tables, glossary, options, document.source)
        roadmaps.append(builder.build())
        problems.extend(builder.problems)
        for table in tables:
            problems.extend(_in_plan(p, plan_id) for p in table.problems)
    return ImportResult(tuple(roadmaps), tuple(problems), document)


def _in_plan(problem: Problem, plan_id: str) -> Problem:
    """A reader's problem, placed in the plan its table belongs to."""
    return attrs.evolve(problem, location=attrs.evolve(problem.location, plan=plan_id))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _default_id(base: str, index: int) -> str:
    return base if index == 0 else f"{base}-{index + 1}"


def import_problems(roadmap: Roadmap) -> tuple[Problem, ...]:
    """The problems that can be read off an imported roadmap itself: unparsed and missing deadlines,
    unresolved parties, stacked-cell mismatches and unplaced text kept in notes.

    This is what exports show on their findings sheet until :func:`gia_roadmap.plan.checks.check`
    (issue 6) is available; it needs no raw document, so it works on bundled examples too.
    """
    out: list[Problem] = []

    def report(code: str, message: str, location: Location) -> None:
        out.append(Problem(code=code, severity=Severity.WARNING, location=location, message=message))

    for located in roadmap.walk():
        measure = located.measure
        term = measure.term
        if isinstance(term, MissingTerm):
            report("missing-term", "the «Сроки» cell is empty", _measure_location(located, "term"))
        for kind, text in _unreadable_terms(term):
            report(kind, f"no deadline rule reads «{text}»", _measure_location(located, "term"))
        for party in measure.all_responsible:
            if party.quality is MatchQuality.UNRESOLVED:
                note = f" ({party.note})" if party.note else ""
                message = f"no party read from «{party.raw}»{note}"
                report("unresolved-party", message, _measure_location(located, "responsible"))
        for note in measure.notes:
            if note.startswith(("unplaced:", "stacked-mismatch:")):
                code = note.split(":", 1)[0]
                report(code, note.split(":", 1)[1].strip(), _measure_location(located))
    for note in roadmap.notes:
        if note.startswith(("note-row:", "unplaced:")):
            code = note.split(":", 1)[0]
            report(code, note.split(":", 1)[1].strip(), Location(plan=roadmap.id))
    return tuple(out)


def _measure_location(located: LocatedMeasure, field: str = "") -> Location:
    """Where a measure (or one of its fields) is in its plan: section, number as written, ordinal."""
    number = located.measure.number
    return Location(
        plan=located.id.plan,
        section=located.section.heading,
        section_path=located.id.section,
        measure=number.canonical if number.is_numbered else "",
        field=field,
        ordinal=located.id.ordinal,
    )


def _unreadable_terms(term: Term) -> list[tuple[str, str]]:
    from gia_roadmap.calendar.terms import UnparsedTerm, walk

    return [("unparsed-term", part.text) for part in walk(term) if isinstance(part, UnparsedTerm)]


# --------------------------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------------------------

_GLOSSARY_SOURCES = {
    GlossaryKind.TABLE: GlossarySource.TABLE,
    GlossaryKind.BULLET: GlossarySource.LIST,
    GlossaryKind.INLINE: GlossarySource.INLINE,
}


def _glossary_of(document: RawDocument) -> Glossary:
    entries = tuple(
        GlossaryEntry(
            e.abbreviation, e.expansion, _GLOSSARY_SOURCES[e.kind], f"{e.abbreviation} – {e.expansion}"
        )
        for e in document.glossary
        if e.abbreviation.strip() and e.expansion.strip()
    )
    return Glossary().merge(Glossary(entries))


# --------------------------------------------------------------------------------------------
# Splitting a document into plans
# --------------------------------------------------------------------------------------------

_ORDER_WORD = re.compile(r"^\s*(?:п\s*р\s*и\s*к\s*а\s*з|постановление|распоряжение)\s*$", re.IGNORECASE)
_APPENDIX = re.compile(r"^\s*приложени[ея]\s*(?:№\s*)?\d*", re.IGNORECASE)


def _group_tables(
    document: RawDocument, options: ImportOptions
) -> list[tuple[list[RawParagraph], list[RawTable]]]:
    """(header paragraphs, plan tables) per roadmap."""
    groups: list[tuple[list[RawParagraph], list[RawTable]]] = []
    pending: list[RawParagraph] = []
    for table in document.tables:
        pending.extend(table.preamble)
        if table.is_glossary:
            continue
        if table.column(ColumnRole.TITLE) is None and not table.items():
            continue
        has_order = any(_ORDER_WORD.match(p.text) for p in table.preamble)
        is_appendix = any(_APPENDIX.match(p.text) for p in table.preamble)
        if (groups and (is_appendix and options.appendix_as_section) and not has_order) or (
            groups and not has_order and not is_appendix and not _has_plan_title(table.preamble)
        ):
            groups[-1][1].append(table)
        else:
            groups.append((pending, [table]))
        pending = []
    return groups


_PLAN_TITLE = re.compile(r"^[\s«\"“*]*(?:план\w*|дорожн\w+\s+карт\w*)\b", re.IGNORECASE)


def _has_plan_title(paragraphs: Sequence[RawParagraph]) -> bool:
    return any(_PLAN_TITLE.match(p.text) for p in paragraphs)


# --------------------------------------------------------------------------------------------
# Dates and the document header
# --------------------------------------------------------------------------------------------

def parse_document_date(text: str) -> dt.date | None:
    """The date of an order as officials (and converters) write it, or None.

    Quotes, stray spaces and a year broken in two are tolerated: «От «25» 10.2023 г.»,
    «02.10. 2023», «От « 17 » ноября 20 21 г.», «от 29.12.2022», «30 сентября 2022 года».
    A blank stamp («от «___» _____») gives None.

    >>> parse_document_date("От « 17 » ноября 20 21 г.")
    datetime.date(2021, 11, 17)
    >>> parse_document_date("02.10. 2023")
    datetime.date(2023, 10, 2)
    """
    cleaned = re.sub(r"[«»\"“”'_*]", " ", text)
    cleaned = re.sub(r"(?<=[а-яё] )(1[89]|20)\s(\d{2})\b", r"\1\2", cleaned)  # «ноября 20 21 г.» → 2021
    cleaned = re.sub(r"\s+", " ", cleaned)
    numeric = re.search(r"\b(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})\b", cleaned)
    if numeric is None:
        numeric = re.search(r"\b(\d{1,2})\s+(\d{1,2})\s*\.\s*(\d{4})\b", cleaned)  # «25 10.2023»
    if numeric is not None:
        day, month, year = (int(g) for g in numeric.groups())
        year = year + 2000 if year < 100 else year
        return _safe_date(year, month, day)
    worded = re.search(r"\b(\d{1,2})\s+([А-Яа-яЁё]+)\s+(\d{4})\b", cleaned)
    if worded is not None:
        month_number = month_of(worded.group(2))
        if month_number is not None:
            return _safe_date(int(worded.group(3)), month_number, int(worded.group(1)))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ISSUER_WORD = re.compile(
    r"\b(?:МИНИСТЕРСТВ\w*|УПРАВЛЕНИ\w*|ДЕПАРТАМЕНТ\w*|КОМИТЕТ\w*|АДМИНИСТРАЦИ\w*|ОТДЕЛ\w*|СЛУЖБ\w*)\b"
)
_NUMBER_LINE = re.compile(r"№\s*(?P<number>[0-9A-Za-zА-Яа-яЁё][\w./\-]*)")
_STAMP = re.compile(r"^\s*(?:утвержд\w*|приложени\w*)\b", re.IGNORECASE)
_ORDER_TITLE = re.compile(r"^\s*[«\"*]*(?:Об?|Об?о)\s", re.UNICODE)
_CITED_ORDER = re.compile(
    r"(?:от\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?\s*)?№\s*(?P<number>[\w./\-]+))", re.IGNORECASE
)
_SCHOOL_YEAR = re.compile(rf"(20\d\d)\s*(?:{dash_class('/')}|\s)\s*(20\d\d)\s*(?:учебн|уч\.)", re.IGNORECASE)
_EXAM_YEAR = re.compile(r"\bв\s+(20\d\d)\s+год", re.IGNORECASE)
_TERRITORY = re.compile(
    r"\b(?:в|на территории)\s+((?:город\w*\s+[А-ЯЁ][\w-]+)"
    r"|(?:[А-ЯЁ][\w-]+\s+(?:кра\w+|област\w+|округ\w*|республик\w+)(?:\s*"
    + DASH_CLASS
    + r"\s*[А-ЯЁ][\w-]+)?)"
    r"|(?:Республик\w+\s+[А-ЯЁ][\w-]+))"
)

_CITY = re.compile(r"\b(город\w*\s+[А-ЯЁ][\w-]+)")


@attrs.frozen(slots=True)
class _Header:
    title: str = ""
    issuer: str = ""
    orders: tuple[Order, ...] = ()
    legal_basis: tuple[Order, ...] = ()
    school_year: SchoolYear | None = None
    territory: str = ""
    level: PlanLevel | None = None
    school_year_how: str = ""
    order_date: dt.date | None = None


def _read_header(paragraphs: Sequence[RawParagraph]) -> _Header:
    texts = [p.text.strip() for p in paragraphs if p.text.strip()]
    # The last order block wins (a cover page may list several orders before the real one).
    order_at = max((i for i, t in enumerate(texts) if _ORDER_WORD.match(t)), default=None)
    issuer = ""
    date: dt.date | None = None
    number = ""
    order_title = ""
    raw_parts: list[str] = []
    if order_at is not None:
        start = order_at
        # The issuer: the short lines right above «ПРИКАЗ» back to the first one naming a body in
        # capitals («МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ» + «АЛТАЙСКОГО КРАЯ»; «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ» +
        # «Администрации города Когалыма»).
        for back in range(order_at - 1, max(-1, order_at - 5), -1):
            if len(texts[back]) > 120:
                break
            if _ISSUER_WORD.search(texts[back]) and texts[back].replace("*", "").split()[0].isupper():
                start = back
        issuer = " ".join(texts[start:order_at]).replace("*", "")
        for text in texts[order_at + 1 : order_at + 8]:
            if date is None and parse_document_date(text) is not None and len(text) < 60:
                date = parse_document_date(text)
                raw_parts.append(text)
                continue
            match = _NUMBER_LINE.search(text)
            if not number and match is not None and len(text) < 60:
                number = match.group("number").strip(".")
                raw_parts.append(text)
                continue
            if not order_title and _ORDER_TITLE.match(text):
                order_title = text
                break
    else:
        issuer_lines = []
        for text in texts[:6]:
            if text.isupper() and _ISSUER_WORD.search(text):
                issuer_lines.append(text)
            elif issuer_lines:
                break
        if not issuer_lines:
            # a school's plan is headed by the school's name («МБОУ «СОШ № 5»»)
            issuer_lines = [t for t in texts[:3] if is_school_name(t) and not _PLAN_TITLE.match(t)][:1]
        issuer = " ".join(issuer_lines)
    # An approval stamp naming the order in full («Приложение к приказу управления образования … от
    # 12.09.2025 № 345», possibly over several lines): the act, its issuer, date and number.
    stamp = stamp_order(texts, parse_document_date)
    kind = "приказ"
    if stamp is not None and (date is None or not number):
        date = date or stamp.date
        number = number or stamp.number
        kind = stamp.kind if order_at is None else kind
        issuer = issuer or stamp.issuer
        raw_parts.append(stamp.raw)
    # Approval stamp «от 25.10.2023 № 3654»: fills what the order block lacks.
    for text in texts:
        if date is not None and number:
            break
        cited = _CITED_ORDER.search(text)
        if cited is not None and len(text) < 80:
            date = date or parse_document_date(cited.group("date"))
            number = number or cited.group("number")
            raw_parts.append(text)
    title = _plan_title(texts) or order_title
    orders: tuple[Order, ...] = ()
    if number or date is not None or order_title:
        orders = (Order(issuer, number, date, order_title, kind, " | ".join(raw_parts)),)
    legal = []
    seen = {(number, date)}
    for text in texts:
        if _STAMP.match(text) or len(text) < 80:
            continue
        for cited in _CITED_ORDER.finditer(text):
            cited_date = parse_document_date(cited.group("date"))
            key = (cited.group("number").rstrip("."), cited_date)
            if key in seen:
                continue
            seen.add(key)
            context = text[max(0, cited.start() - 120) : cited.end() + 120]
            legal.append(Order("", key[0], cited_date, "", "", context.strip()))
    school_year, school_year_how = _school_year(title, order_title, texts)
    territory_match = (
        _TERRITORY.search(title)
        or _TERRITORY.search(order_title)
        or _CITY.search(title)
        or _CITY.search(order_title)
    )
    territory = territory_match.group(1) if territory_match else ""
    level = level_of(issuer, title) or (level_of(stamp.issuer) if stamp is not None else None)
    return _Header(title, issuer, orders, tuple(legal), school_year, territory, level, school_year_how, date)


_SENTENCE = re.compile(r":\s*$|\b(?:содержит|составлен\w*|является|утвержден\w*)\b", re.IGNORECASE)


def _plan_title(texts: Sequence[str]) -> str:
    start = None
    for i, text in enumerate(texts):
        if (
            _PLAN_TITLE.match(text)
            and not _STAMP.match(text)
            and len(text) < 400
            and not _SENTENCE.search(text)
        ):
            start = i
    if start is None:
        return ""
    parts = [texts[start]]
    for text in texts[start + 1 : start + 7]:
        first = text.lstrip("*")[:1]
        if first.islower() or first in '(«"':
            parts.append(text)
        else:
            break
    return re.sub(r"\s+", " ", " ".join(parts).replace("*", "")).strip()


def _school_year(title: str, order_title: str, texts: Sequence[str]) -> tuple[SchoolYear | None, str]:
    """The school year the title block names (:func:`gia_roadmap.io.metadata.exam_school_year`): the
    plan title first, then the order title, then any line of the block."""
    for text in (title, order_title, *texts):
        year, how = exam_school_year(text)
        if year is not None:
            return year, how
    return None, ""


#: A date in a deadline cell that names its year: «17.05.2026», «май 2026», «17 мая 2026 года».
_DATED = re.compile(r"\b\d{1,2}\.(\d{1,2})\.(20\d\d)\b")
_MONTH_YEAR = re.compile(rf"(?<![а-яё])({MONTH_PATTERN})(?![а-яё])\s+(20\d\d)\b", re.IGNORECASE)


def _dates_in(texts: Iterable[str]) -> list[tuple[int, int]]:
    """The (year, month) of every date with a year written in the texts."""
    out: list[tuple[int, int]] = []
    for text in texts:
        out.extend((int(y), int(m)) for m, y in _DATED.findall(text) if 1 <= int(m) <= 12)
        for match in _MONTH_YEAR.finditer(text):
            month = month_of(match.group(1).lower())
            if month is not None:
                out.append((int(match.group(2)), month))
    return out


# --------------------------------------------------------------------------------------------
# Building one plan
# --------------------------------------------------------------------------------------------

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
        )


class _PlanBuilder:
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
        text = " ".join(c.text for c in row.cells if c.text.strip()).strip()
        text = re.sub(r"\s+", " ", text)
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
        siblings.append(_SectionDraft(text, number, grouping, numbered_heading=number is not None))

    # ---- tables -----------------------------------------------------------------------------

    def _report_note_columns(self, table: RawTable) -> None:
        """A problem for each column whose cells go to the measures' notes, not to a field."""
        seen: set[ColumnRole] = set()
        for column in table.columns:
            role = column.role
            first = role not in seen
            seen.add(role)
            to_notes = role is ColumnRole.OTHER or (
                not first and role in (ColumnRole.TITLE, ColumnRole.TERM, ColumnRole.RESPONSIBLE)
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
        fields: dict[str, str] = {}
        provenance: list[Provenance] = []
        notes: list[str] = []
        level_actions: list[LevelAction] = []
        participants: tuple[Target, ...] = ()
        targets: list[Target] = []
        parent_item: ParentItemRef | None = None
        title_cell: RawCell | None = None
        term_cell: RawCell | None = None
        responsible_cell: RawCell | None = None
        for column, cell in zip(table.columns, row.cells, strict=False):
            provenance.extend(_cell_provenance(column, cell))
            role = column.role
            if role is ColumnRole.TITLE:
                title_cell = cell if title_cell is None else title_cell
                if cell is not title_cell and not cell.is_blank:
                    notes.append(f"«{column.header}»: {cell.text}")
            elif role is ColumnRole.TERM:
                if term_cell is None:
                    term_cell = cell
                elif not cell.is_blank:
                    notes.append(f"«{column.header}»: {cell.text}")
            elif role is ColumnRole.RESPONSIBLE:
                if responsible_cell is None:
                    responsible_cell = cell
                elif not cell.is_blank:
                    notes.append(f"«{column.header}»: {cell.text}")
            elif role is ColumnRole.RESULT:
                fields["expected_result"] = _join(fields.get("expected_result", ""), cell.text)
            elif role is ColumnRole.EVIDENCE:
                fields["evidence"] = _join(fields.get("evidence", ""), cell.text)
            elif role is ColumnRole.COMPLETION:
                fields["completion"] = _join(fields.get("completion", ""), cell.text)
            elif role is ColumnRole.SPECIFICS:
                fields["description"] = _join(fields.get("description", ""), cell.text)
                if _ALL_SCHOOLS.match(cell.text.strip()):
                    targets.append(Target(cell.text.strip(), TargetKind.ALL_SCHOOLS))
            elif role is ColumnRole.PARTICIPANTS:
                participants = self._participants(cell.text)
            elif role is ColumnRole.CATEGORY:
                if not cell.is_blank:
                    text = re.sub(r"\s+", " ", cell.text).strip()
                    targets.append(Target(text, TargetKind.CATEGORY, resolve_category(text)))
            elif role is ColumnRole.PROBLEM:
                pass  # the problem is the sub-group heading
            elif role is ColumnRole.REFERENCE_NUMBER:
                if not cell.is_blank:
                    parent_item = ParentItemRef.parse(cell.text)
            elif role in (ColumnRole.LEVEL_ACTION, ColumnRole.ACTION):
                if not cell.is_blank:
                    level_actions.append(self._level_action(column, cell))
            elif role is ColumnRole.NUMBER:
                pass
            elif not cell.is_blank:
                notes.append(f"«{column.header}»: {cell.text}")
        for cell in row.extra:
            notes.append(f"unplaced: «{cell.text}» ({_place_text(cell.provenance.location)})")
            self._problem(
                "unplaced-cell",
                f"a cell that fits no column was kept in the notes: «{cell.text[:100]}»",
                cell.provenance.location,
            )
        title = title_cell.text if title_cell is not None else ""
        responsible_raw = responsible_cell.text if responsible_cell is not None else ""
        responsible = self._responsible(responsible_cell)
        number = MeasureNumber.parse(number_raw) if number_raw else MeasureNumber()
        exam_scope, scope_from = self._scopes(row, number, title, scopes, section)
        scope_note = "from the heading or group row above"
        if not exam_scope and self.options.exam_scope:
            exam_scope, scope_from = self.options.exam_scope, "ImportOptions.exam_scope"
            scope_note = "the exams the whole plan is about, as the importer was told"
        if scope_from:
            provenance.append(Provenance("exam_scope", ProvenanceKind.INFERRED, scope_from, scope_note))
        status = Status()
        evidence = fields.get("evidence", "")
        if fields.get("completion"):
            status, reported = read_completion(fields["completion"], parse_document_date)
            evidence = _join(evidence, reported) if reported and reported not in evidence else evidence
        if table.column(ColumnRole.RESPONSIBLE) is None and not table.columns_with(ColumnRole.LEVEL_ACTION):
            provenance.append(
                Provenance(
                    "responsible",
                    ProvenanceKind.NOT_IN_LAYOUT,
                    f"{table.source} (table {table.index})",
                    "the table has no responsible column",
                )
            )
        base = Measure(
            number=number,
            title=title,
            responsible=responsible,
            responsible_raw=responsible_raw,
            participants=participants,
            targets=tuple(targets),
            exam_scope=exam_scope,
            exam_periods=detect_exam_stages(title),
            reserve_days=mentions_reserve_days(title),
            level_actions=tuple(level_actions),
            expected_result=fields.get("expected_result", ""),
            evidence=evidence,
            status=status,
            description=fields.get("description", ""),
            parent_item=parent_item,
            notes=tuple(notes),
            provenance=tuple(provenance),
        )
        events = self._split_events(title_cell, term_cell)
        if events is not None:
            measures = self._event_measures(base, events, responsible_cell, where)
        else:
            term, term_notes = self._term(term_cell, title_cell, where)
            measures = [attrs.evolve(base, term=term, notes=base.notes + tuple(term_notes))]
        for measure in measures:
            self._report_unread(measure, term_cell, responsible_cell, where)
        self._report_guessed_fills(row, table, where)
        return measures

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
        if len(items) > 1 and hard:
            terms = tuple(parse_term(item, school_year=self.school_year) for item in items)
            term: Term = TermSequence(terms, raw=source)
            dashes = _dash_items(title_cell)
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

    def _responsible_groups(self, cell: RawCell | None) -> list[tuple[Responsible, ...]]:
        parties = self._responsible(cell)
        if not parties:
            return []
        count = max(r.group for r in parties) + 1
        return [tuple(r for r in parties if r.group == g) for g in range(count)]


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
