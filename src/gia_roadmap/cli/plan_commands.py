"""The roadmap commands of ``gia-roadmap``: ``check``, ``import``, ``export`` and ``examples``.

A roadmap is named either by a file (``.json``/``.yaml``/``.yml`` saved by gia_roadmap, or a table to
import: ``.docx``, ``.xlsx``, ``.odt``, ``.ods``, ``.pdf``, ``.html``, ``.xls``, ``.csv``, ``.tsv``,
``.txt``) or by ``--example NAME`` (a bundled seed).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gia_roadmap import io as roadmap_io
from gia_roadmap.errors import Problem, Severity, UsageError

if TYPE_CHECKING:  # rich, the examples, the importer and the calendars are imported where they are used
    from rich.console import Console
    from rich.table import Table

    from gia_roadmap.calendar import Anchor, DateWindow, ExamSchedule, RussianCalendar
    from gia_roadmap.io import ImportOptions, ImportResult
    from gia_roadmap.plan import Finding, Report, Roadmap

__all__ = [
    "EXIT_ERROR_FINDINGS",
    "EXIT_OK",
    "EXIT_WARNING_FINDINGS",
    "Source",
    "check_exit_status",
    "dumps_json",
    "events_for",
    "load_source",
    "print_report",
    "report_document",
]

EXIT_OK = 0
"""No finding worse than info."""
EXIT_WARNING_FINDINGS = 1
"""The worst finding is a warning."""
EXIT_ERROR_FINDINGS = 3
"""The worst finding is an error (2 is taken by bad input, as argparse uses it)."""

SAVED_SUFFIXES = (".json", ".yaml", ".yml")
TABLE_SUFFIXES = (
    ".docx", ".xlsx", ".xlsm", ".odt", ".ods", ".pdf", ".html", ".htm", ".xls", ".csv", ".tsv", ".txt", ".md",
)  # fmt: skip


@attrs.frozen(slots=True)
class Source:
    """The roadmaps a command works on, with what the import reported."""

    label: str
    roadmaps: tuple[Roadmap, ...]
    problems: tuple[Problem, ...] = ()


def _imported(label: str, result: ImportResult) -> Source:
    return Source(label, result.roadmaps, result.problems)


def load_source(
    path: str | None,
    example: str | None,
    *,
    console: Console | None = None,
    options: ImportOptions | None = None,
) -> Source:
    """The roadmaps named by a file or a bundled example.

    Raises:
        UsageError: neither or both given, an unknown example, or a file type that cannot be read.
        GiaRoadmapError: the file could not be read (the message says where and why).
    """
    if (path is None) == (example is None):
        raise UsageError("name a roadmap: either a FILE or --example NAME (see `gia-roadmap examples`)")
    if example is not None:
        from gia_roadmap import examples

        if example not in examples.names():
            raise UsageError(
                f"no bundled example {example!r}; the examples are: {', '.join(examples.names())}"
            )
        return Source(example, (examples.load(example),))
    assert path is not None
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"{path}: no such file")
    suffix = file.suffix.lower()
    if suffix in SAVED_SUFFIXES:
        return Source(file.name, (roadmap_io.load(file),))
    if suffix not in TABLE_SUFFIXES:
        raise UsageError(
            f"{path}: cannot read {suffix or 'a file without a suffix'}; use a saved roadmap "
            f"({', '.join(SAVED_SUFFIXES)}) or a table ({', '.join(TABLE_SUFFIXES)})"
        )
    label = f"Importing {file.name}"
    return _imported(file.name, _with_progress(console, label, lambda: roadmap_io.import_file(file, options)))


def _with_progress(console: Console | None, label: str, work: Callable[[], ImportResult]) -> ImportResult:
    if console is None or not console.is_terminal:
        return work()
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        progress.add_task(label, total=None)
        return work()


def events_for(
    roadmap: Roadmap, calendar: RussianCalendar, schedule: ExamSchedule | None
) -> Mapping[Anchor, tuple[dt.date | DateWindow, ...]]:
    """Anchor dates for a roadmap: the given schedule, else the bundled one of its school year."""
    from gia_roadmap.calendar import ExamSchedule, bundled_school_years, exam_events

    if schedule is None:
        year = roadmap.school_year.start_year if roadmap.school_year is not None else None
        if year is None or year not in bundled_school_years():
            return {}
        schedule = ExamSchedule.bundled(year)
    return exam_events(schedule, calendar)


def check_exit_status(reports: Sequence[Report]) -> int:
    """0 when nothing is worse than info, 1 for warnings, 3 for errors (2 is bad input)."""
    worst = [r.worst for r in reports if r.worst is not None]
    if not worst:
        return EXIT_OK
    top = max(worst, key=lambda s: s.rank)
    if top is Severity.ERROR:
        return EXIT_ERROR_FINDINGS
    if top is Severity.WARNING:
        return EXIT_WARNING_FINDINGS
    return EXIT_OK


_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_report(console: Console, source: Source, roadmap: Roadmap, report: Report, *, limit: int) -> None:
    """The check report of one roadmap, as a table grouped by severity, worst first."""
    from rich.markup import escape

    title = roadmap.title or roadmap.id
    console.print(f"[bold]{escape(roadmap.id)}[/bold] — {escape(' '.join(title.split()))}", soft_wrap=True)
    measures = sum(1 for _ in roadmap.walk())
    console.print(f"{measures} measures · {escape(str(report.summary()))}", highlight=False)
    if source.problems:
        console.print(f"import: {len(source.problems)} problem(s) reported by the importer", highlight=False)
    findings = [f for f in report.sorted("severity") if f.active]
    if not findings:
        console.print("No findings.")
        return
    shown = findings[:limit]
    if console.is_terminal:
        console.print(_table(shown))
    else:  # a file or a pipe: one finding per line, whatever the width
        for finding in shown:
            console.print(escape(finding.to_text()), soft_wrap=True)
            if finding.evidence and f"«{finding.evidence}»" not in finding.message:
                console.print(escape(f"    «{finding.evidence}»"), soft_wrap=True)
    if len(findings) > limit:
        console.print(f"… and {len(findings) - limit} more (use --limit or --format json)", highlight=False)
    console.print()


def _table(findings: Sequence[Finding]) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False, expand=False, highlight=False)
    for column in ("severity", "code", "where", "finding"):
        table.add_column(column, overflow="fold")
    for finding in findings:
        style = _STYLES[finding.severity]
        where = " / ".join(
            part
            for part in (finding.location.section, finding.location.measure, finding.location.field)
            if part
        )
        text = finding.message + (f"\n«{finding.evidence}»" if finding.evidence else "")
        table.add_row(
            f"[{style}]{finding.severity.value}[/{style}]", finding.code, escape(where), escape(text)
        )
    return table


def report_document(source: Source, reports: Sequence[tuple[Roadmap, Report]]) -> dict[str, Any]:
    """The JSON document of ``gia-roadmap check --format json``."""
    return {
        "source": source.label,
        "roadmaps": [
            {"id": roadmap.id, "title": roadmap.title, "report": report.to_dict()}
            for roadmap, report in reports
        ],
        "import_problems": [problem.to_dict() for problem in source.problems],
    }


def dumps_json(document: dict[str, Any]) -> str:
    """JSON with Russian text kept readable."""
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)
