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
from gia_roadmap.errors import Language, Problem, Severity, UsageError

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


@attrs.frozen
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
        return Source(example, (examples.load(example),), examples.problems(example))
    assert path is not None
    file = Path(path)
    if file.is_dir():
        raise UsageError(
            f"{path} is a folder; this command takes one plan file (`gia-roadmap check FOLDER` checks a "
            "folder of plans)"
        )
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
) -> Mapping[Anchor, tuple[dt.date | DateWindow, ...]] | None:
    """The exam events of a roadmap: those of the given schedule, else of the bundled schedule of its
    school year (:func:`~gia_roadmap.calendar.exam_events_for`: when none is bundled, an empty collection
    whose notice says so, exactly as the Python route gives); None when the plan names no school year."""
    from gia_roadmap.calendar import exam_events, exam_events_for

    if schedule is not None:
        return exam_events(schedule, calendar)
    if roadmap.school_year is None:
        return None
    return exam_events_for(roadmap.school_year, calendar)


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


def print_report(
    console: Console,
    source: Source,
    roadmap: Roadmap,
    report: Report,
    *,
    limit: int,
    everything: bool = False,
    lang: Language = "ru",
) -> None:
    """The check report of one roadmap: the findings worst first (errors and warnings; info too with
    ``everything``), at most ``limit`` of them (the most severe), then the reading notices in a block
    of their own, one line per code. Russian unless ``lang="en"``."""
    from rich.markup import escape

    from gia_roadmap.plan.messages import plural, ui

    title = roadmap.title or roadmap.id
    console.print(f"[bold]{escape(roadmap.id)}[/bold] — {escape(' '.join(title.split()))}", soft_wrap=True)
    measures = sum(1 for _ in roadmap.walk())
    summary = report.summary().describe(lang)
    console.print(f"{plural(measures, 'measures', lang)} · {escape(summary)}", highlight=False)
    if source.problems:
        problems = plural(len(source.problems), "problems", lang)
        console.print(ui("import_problems", lang).format(count=problems), highlight=False)
    floor = Severity.INFO if everything else Severity.WARNING
    findings = [f for f in report.top(len(report)) if f.severity >= floor]
    hidden_info = 0 if everything else sum(1 for f in report.active if f.severity < floor)
    if not findings:
        console.print(ui("no_findings", lang))
    shown = findings[:limit]
    if shown and console.is_terminal:
        console.print(_table(shown, lang))
    else:  # a file or a pipe: one finding per line, whatever the width
        for finding in shown:
            console.print(escape(finding.to_text(lang)), soft_wrap=True)
            if finding.evidence and f"«{finding.evidence}»" not in finding.text(lang):
                console.print(escape(f"    «{finding.evidence}»"), soft_wrap=True)
    if len(findings) > limit:
        console.print(ui("more", lang).format(count=len(findings) - limit), highlight=False)
    if hidden_info:
        console.print(ui("info_hidden", lang).format(count=hidden_info), highlight=False)
    if report.notices:
        _print_notices(console, report, lang)
    console.print()


def _print_notices(console: Console, report: Report, lang: Language) -> None:
    """The reading notices, one line per code: its title, how many and where (the first few places)."""
    from rich.markup import escape

    from gia_roadmap.plan.messages import ui

    console.print(f"{ui('notices_heading', lang)}:", highlight=False)
    by_code: dict[str, list[Finding]] = {}
    for notice in report.notices:
        by_code.setdefault(notice.code, []).append(notice)
    for code, notices in sorted(by_code.items()):
        if len(notices) == 1:
            line = f"  {code} {notices[0].where(lang)}: {notices[0].text(lang)}"
        else:
            places = "; ".join(_place(n, lang) for n in notices[:4]) + (" …" if len(notices) > 4 else "")
            line = f"  {code} {notices[0].title(lang)} ({len(notices)}): {places}"
        console.print(escape(line), soft_wrap=True, highlight=False)


def _place(finding: Finding, lang: Language) -> str:
    """A short place for a list: the measure without the field («п. 2.2.8»), else the section."""
    location = finding.location
    short = attrs.evolve(location, plan="", field="", section="" if location.measure else location.section)
    return short.describe(lang) or finding.where(lang)


def _table(findings: Sequence[Finding], lang: Language) -> Table:
    from rich.markup import escape
    from rich.table import Table

    from gia_roadmap.plan.messages import ui

    table = Table(show_lines=False, expand=False, highlight=False)
    for column in ("severity", "code", "where", "what"):
        table.add_column(ui(column, lang), overflow="fold")
    for finding in findings:
        style = _STYLES[finding.severity]
        text = finding.text(lang) + (f"\n«{finding.evidence}»" if finding.evidence else "")
        table.add_row(
            f"[{style}]{escape(finding.severity.label(lang))}[/{style}]",
            finding.code,
            escape(finding.where(lang)),
            escape(text),
        )
    return table


def report_document(
    source: Source, reports: Sequence[tuple[Roadmap, Report]], *, lang: Language = "ru"
) -> dict[str, Any]:
    """The JSON document of ``gia-roadmap check --format json``."""
    return {
        "source": source.label,
        "roadmaps": [
            {"id": roadmap.id, "title": roadmap.title, "report": report.to_dict(lang)}
            for roadmap, report in reports
        ],
        "import_problems": [problem.to_dict() for problem in source.problems],
    }


def dumps_json(document: dict[str, Any]) -> str:
    """JSON with Russian text kept readable."""
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)
