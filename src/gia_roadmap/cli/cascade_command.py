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
import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from gia_roadmap.cli.plan_commands import check_exit_status, dumps_json, events_for
from gia_roadmap.errors import InvalidValueError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from gia_roadmap.calendar import ExamSchedule, RussianCalendar
    from gia_roadmap.errors import Language
    from gia_roadmap.io import ImportOptions, PlansRead
    from gia_roadmap.plan import CascadeReport

__all__ = [
    "FOLDER_OPTIONS",
    "add_cascade_parser",
    "add_folder_options",
    "folder_options_given",
    "refuse_folder_options",
    "run_cascade",
    "run_check_folder",
]


def add_cascade_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """The ``cascade`` sub-command's parser (the calendar and import options are added by the caller)."""
    command = commands.add_parser(
        "cascade",
        help="check a regional plan with its municipal and school plans together",
        description="Check plans of several levels together: each plan on its own, and each plan against "
        "its parent (GR603, GR604, GR606-GR608: docs/cascade.md). Parents are inferred from the documents "
        "unless given.",
        epilog="Examples: gia-roadmap cascade plans/ · gia-roadmap cascade region.yaml city.docx "
        "--parent city=region · gia-roadmap cascade plans/ --format json. Exit status as for check.",
    )
    command.add_argument("paths", nargs="*", metavar="PATH", help="plan files, or folders of plan files")
    command.add_argument(
        "--example", action="append", default=[], metavar="NAME", help="a bundled roadmap (repeatable)"
    )
    add_folder_options(command)
    command.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    command.add_argument("--lang", choices=("ru", "en"), default="ru", help="language of the messages")
    return command


FOLDER_OPTIONS = {
    "parent": "--parent",
    "jobs": "--jobs",
    "to": "--to",
    "output": "--output",
    "cascade_only": "--cascade-only",
}
"""The options of a set of plans (``cascade``, and ``check`` given a folder), by their argparse
destination: a single plan has none of them."""


def add_folder_options(command: argparse.ArgumentParser) -> None:
    """The options of checking a set of plans, the same for ``cascade`` and ``check FOLDER``: parents
    given, processes, the summary written as a page or a workbook, the cascade's codes alone.

    Their defaults are ``None`` (``[]`` for ``--parent``), so that :func:`folder_options_given` can
    tell a single plan's run that was given one."""
    command.add_argument(
        "--parent",
        action="append",
        default=[],
        metavar="CHILD=PARENT",
        help="a plan's parent by plan ids (repeatable; CHILD= for none); default: inferred",
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="check the plans in N processes (0: one per core; default 1); the results do not depend on N",
    )
    command.add_argument(
        "--to", choices=("html", "xlsx"), help="also write the summary as an HTML page or an XLSX workbook"
    )
    command.add_argument("-o", "--output", metavar="FILE", help="where --to writes")
    command.add_argument(
        "--cascade-only",
        action="store_true",
        default=None,
        help="only the cascade's codes, not each plan's own checks",
    )


def folder_options_given(args: argparse.Namespace) -> list[str]:
    """The options of a set of plans given on the command line, as written (``--jobs`` …)."""
    return [flag for name, flag in FOLDER_OPTIONS.items() if getattr(args, name, None) not in (None, [])]


def refuse_folder_options(args: argparse.Namespace) -> None:
    """``check`` of a single plan (a file or a bundled example) refuses the options of a set of plans
    rather than ignore them.

    Raises:
        UsageError: one was given (the message names them, and ``gia-roadmap export`` for ``--to``).
    """
    given = folder_options_given(args)
    source = args.file or (args.example and f"--example {args.example}")
    if not given or not source:
        return  # no plan named: load_source says so
    hint = ""
    if {"--to", "--output"} & set(given):
        hint = "; to export one plan's report: gia-roadmap export FILE --to html|xlsx -o OUT"
    raise UsageError(f"{', '.join(given)}: for a folder of plans, and {source} is one plan{hint}")


def _parents(pairs: Sequence[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for text in pairs:
        child, sep, parent = text.partition("=")
        if not sep or not child.strip():
            raise UsageError(f"--parent {text!r}: write CHILD=PARENT with plan ids, e.g. kogalym=region")
        out[child.strip()] = parent.strip() or None
    return out


def _reading(console: Console, paths: Sequence[str], options: ImportOptions | None) -> PlansRead:
    """The plans of the files and folders named, with a progress bar of the files on a terminal."""
    from gia_roadmap.io import read_plans
    from gia_roadmap.io.plansets import plan_files

    try:
        files = list(plan_files(paths))
    except InvalidValueError as error:
        raise UsageError(str(error)) from None
    if not console.is_terminal or len(files) < 2:
        return read_plans(files, options=options)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Чтение планов", total=len(files))

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=f"Чтение {path.name}")

        return read_plans(files, options=options, progress=advance)


@contextlib.contextmanager
def _checking(console: Console, total: int) -> Iterator[Callable[[str], None] | None]:
    """A progress bar of the plans checked, on a terminal only."""
    if not console.is_terminal or total < 2:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Проверка планов", total=total)

        def advance(plan_id: str) -> None:
            progress.update(task, advance=1, description=f"Проверен {plan_id}")

        yield advance


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

    if not args.paths and not args.example:
        raise UsageError("name the plans: files, folders or --example NAME")
    read = _reading(status, args.paths, options)
    plans = list(read.plans)
    unreadable = [p for p in read.problems if p.code == "unreadable-plan"]
    for name in args.example:
        if name not in examples.names():
            raise UsageError(f"no bundled example {name!r}; the examples are: {', '.join(examples.names())}")
        plans.append(examples.load(name))
    if args.region:
        plans = [attrs.evolve(plan, region=args.region) for plan in plans]
    if not plans:
        raise UsageError("no plan could be read: " + "; ".join(p.describe() for p in unreadable))
    plan_set = PlanSet.build(plans, _parents(args.parent))
    dated = [p for p in plan_set if p.school_year is not None]
    events = events_for(dated[0], regional_calendar(dated[0], calendar), schedule) if dated else None
    if args.to and not args.output:
        raise UsageError(f"--to {args.to} needs -o FILE, where to write the summary")
    jobs = 1 if args.jobs is None else args.jobs
    if jobs < 0:
        raise UsageError(f"--jobs {jobs} is not valid; give a number of processes, or 0 for one per core")
    jobs = jobs or os.cpu_count() or 1
    with _checking(status, len(plan_set)) as advance:
        report = check_plans(
            plan_set,
            calendar=calendar,
            events=events,
            today=getattr(args, "today", None),
            cascade_only=bool(args.cascade_only),
            lang=args.lang,
            jobs=jobs,
            progress=advance,
        )
    if args.to:
        _write_summary(report, args.to, args.output, args.lang)
    if args.format == "json":
        document = report.to_dict(args.lang)
        document["unreadable"] = [p.to_dict() for p in unreadable]
        print(dumps_json(document), file=out)
    else:
        print(report.to_text(args.lang), file=out)
        for problem in unreadable:
            print(f"  {problem.describe(args.lang)}", file=out)
    return check_exit_status([r for _, r in report.reports])


def run_check_folder(
    args: argparse.Namespace,
    out: TextIO,
    status: Console,
    *,
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    options: ImportOptions | None,
) -> int:
    """Run ``gia-roadmap check FOLDER``: every plan file of the folder checked as a set, as
    ``gia-roadmap cascade FOLDER`` does (the same summary, options and exit status), with ``--today``
    passed on to each plan's checks.

    Raises:
        UsageError: a bundled example given too (``check`` takes one source), or ``--limit`` / ``--all``,
            which choose the findings printed for one plan (a folder prints the summary; ``--format json``
            has every count).
    """
    if args.example is not None:
        raise UsageError(
            "name a roadmap: either a FILE or FOLDER or --example NAME (see `gia-roadmap examples`)"
        )
    single = [flag for flag, given in (("--limit", args.limit is not None), ("--all", args.all)) if given]
    if single:
        raise UsageError(
            f"{' and '.join(single)} choose the findings printed for one plan; {args.file} is a folder, "
            "whose check prints the summary of its plans (check a plan file to list its findings)"
        )
    folder = argparse.Namespace(**{**vars(args), "paths": [args.file], "example": []})
    return run_cascade(folder, out, status, calendar=calendar, schedule=schedule, options=options)


def _write_summary(report: CascadeReport, kind: str, output: str, lang: Language) -> None:
    from gia_roadmap.io import write_cascade_html, write_cascade_xlsx

    if kind == "html":
        write_cascade_html(report, output, lang=lang)
    else:
        write_cascade_xlsx(report, output, lang=lang)
