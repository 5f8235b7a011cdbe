"""The entry points of the importer: a file, a text or a raw document → roadmaps and their problems."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from gia_roadmap.calendar import MissingTerm
from gia_roadmap.errors import Location, Problem, Severity
from gia_roadmap.io.importing.builder import _PlanBuilder
from gia_roadmap.io.importing.grouping import _group_tables
from gia_roadmap.io.importing.options import ImportOptions, ImportResult
from gia_roadmap.io.importing.rows import _unreadable_terms
from gia_roadmap.io.limits import ReadLimits
from gia_roadmap.io.reading import no_plan_table, read_tables, read_tables_text, require_plan_table
from gia_roadmap.io.structure import ReadOptions
from gia_roadmap.io.tables import (
    ColumnRole,
    GlossaryKind,
    RawDocument,
)
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry, GlossarySource
from gia_roadmap.plan.model import (
    LocatedMeasure,
    Roadmap,
)
from gia_roadmap.plan.responsible import MatchQuality

__all__ = ["import_document", "import_file", "import_problems", "import_text"]


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
        raise no_plan_table(document)
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
