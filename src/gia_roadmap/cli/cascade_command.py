"""``gia-roadmap cascade``: a regional plan with its municipal and school plans, checked together.

The plans come from files, folders (every plan file in them, in name order) and bundled examples.
Each plan's parent is given (``--parent CHILD=PARENT``) or inferred from the documents
(:meth:`~gia_roadmap.plan.cascade.PlanSet.build`). A file that cannot be read is reported and
skipped; the run goes on. The output is one summary (:meth:`~gia_roadmap.plan.cascade.CascadeReport.to_text`,
or JSON): the plans with their parents and counts, the findings per code, the plans with the most
errors, the cascade findings, the parent items no plan below implements and the reading notices.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from gia_roadmap.cli.plan_commands import (
    SAVED_SUFFIXES,
    TABLE_SUFFIXES,
    check_exit_status,
    dumps_json,
    events_for,
    load_source,
)
from gia_roadmap.errors import GiaRoadmapError, Location, Problem, Severity, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from gia_roadmap.calendar import ExamSchedule, RussianCalendar
    from gia_roadmap.io import ImportOptions
    from gia_roadmap.plan import Roadmap

__all__ = ["add_cascade_parser", "plan_files", "run_cascade"]


def add_cascade_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The ``cascade`` sub-command's parser (the calendar and import options are added by the caller)."""
    command = commands.add_parser(
        "cascade",
        help="check a regional plan with its municipal and school plans together",
        description="Check plans of several levels together: each plan on its own, and each plan against "
        "its parent (GR603, GR604, GR606, GR607: docs/cascade.md). Parents are inferred from the documents "
        "unless given.",
        epilog="Examples: gia-roadmap cascade plans/ · gia-roadmap cascade region.yaml city.docx "
        "--parent city=region · gia-roadmap cascade plans/ --format json. Exit status as for check.",
    )
    command.add_argument("paths", nargs="*", metavar="PATH", help="plan files, or folders of plan files")
    command.add_argument(
        "--example", action="append", default=[], metavar="NAME", help="a bundled roadmap (repeatable)"
    )
    command.add_argument(
        "--parent",
        action="append",
        default=[],
        metavar="CHILD=PARENT",
        help="a plan's parent by plan ids (repeatable; CHILD= for none)",
    )
    command.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    command.add_argument("--lang", choices=("ru", "en"), default="ru", help="language of the messages")
    command.add_argument(
        "--cascade-only", action="store_true", help="only the cascade's codes, not each plan's own checks"
    )
    return command


def plan_files(paths: Sequence[str]) -> Iterator[Path]:
    """The plan files named: a file as given, a folder's plan files in name order (not its subfolders).

    Raises:
        UsageError: a path that does not exist.
    """
    suffixes = {*SAVED_SUFFIXES, *TABLE_SUFFIXES}
    for text in paths:
        path = Path(text)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"{text}: no such file or folder")


def _parents(pairs: Sequence[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for text in pairs:
        child, sep, parent = text.partition("=")
        if not sep or not child.strip():
            raise UsageError(f"--parent {text!r}: write CHILD=PARENT with plan ids, e.g. kogalym=region")
        out[child.strip()] = parent.strip() or None
    return out


def _unique(plans: list[Roadmap]) -> list[Roadmap]:
    """The plans with ids made unique («plan», «plan-2») in the order loaded."""
    seen: set[str] = set()
    out = []
    for plan in plans:
        plan_id, n = plan.id, 1
        while plan_id in seen:
            n += 1
            plan_id = f"{plan.id}-{n}"
        seen.add(plan_id)
        out.append(plan if plan_id == plan.id else attrs.evolve(plan, id=plan_id))
    return out


def _load(
    files: Sequence[Path], console: Console, options: ImportOptions | None
) -> tuple[list[Roadmap], list[Problem]]:
    plans: list[Roadmap] = []
    unreadable: list[Problem] = []

    def read(path: Path) -> None:
        try:
            plans.extend(load_source(str(path), None, options=options).roadmaps)
        except GiaRoadmapError as error:
            unreadable.append(
                Problem(
                    code="cascade-unreadable",
                    severity=Severity.WARNING,
                    location=Location(file=path.name),
                    message=f"файл не прочитан и пропущен: {error}",
                )
            )

    _with_progress(console, files, read)
    return plans, unreadable


def _with_progress(console: Console, files: Sequence[Path], work: Callable[[Path], None]) -> None:
    if not console.is_terminal or len(files) < 2:
        for path in files:
            work(path)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Чтение планов", total=len(files))
        for path in files:
            progress.update(task, description=f"Чтение {path.name}")
            work(path)
            progress.advance(task)


def run_cascade(
    args: argparse.Namespace,
    out: TextIO,
    status: Console,
    *,
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    options: ImportOptions | None,
) -> int:
    """Run ``gia-roadmap cascade``; returns the exit status."""
    from gia_roadmap import examples
    from gia_roadmap.plan import PlanSet, check_plans
    from gia_roadmap.plan.regions import regional_calendar

    files = list(plan_files(args.paths))
    if not files and not args.example:
        raise UsageError("name the plans: files, folders or --example NAME")
    plans, unreadable = _load(files, status, options)
    for name in args.example:
        if name not in examples.names():
            raise UsageError(f"no bundled example {name!r}; the examples are: {', '.join(examples.names())}")
        plans.append(examples.load(name))
    if args.region:
        plans = [attrs.evolve(plan, region=args.region) for plan in plans]
    if not plans:
        raise UsageError("no plan could be read: " + "; ".join(p.describe() for p in unreadable))
    plan_set = PlanSet.build(_unique(plans), _parents(args.parent))
    dated = [p for p in plan_set if p.school_year is not None]
    events = events_for(dated[0], regional_calendar(dated[0], calendar), schedule) if dated else None
    report = check_plans(
        plan_set, calendar=calendar, events=events, cascade_only=args.cascade_only, lang=args.lang
    )
    if args.format == "json":
        document = report.to_dict(args.lang)
        document["unreadable"] = [p.to_dict() for p in unreadable]
        print(dumps_json(document), file=out)
    else:
        print(report.to_text(args.lang), file=out)
        for problem in unreadable:
            print(f"  {problem.describe(args.lang)}", file=out)
    return check_exit_status([r for _, r in report.reports])
