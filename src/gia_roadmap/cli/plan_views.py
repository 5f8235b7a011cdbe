"""``gia-roadmap report``, ``gia-roadmap diff`` and ``gia-roadmap roll-forward``: the execution report on a
date, what changed between two versions of a plan, and next year's plan (Russian by default)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import ExamSchedule, RussianCalendar
from gia_roadmap.cli.plan_commands import Source, events_for
from gia_roadmap.errors import UsageError

__all__ = ["add_commands", "run_diff", "run_report", "run_roll_forward"]


def add_commands(
    commands: argparse._SubParsersAction[Any],
    add_source: Callable[[argparse.ArgumentParser], None],
    add_calendar_options: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], dt.date],
) -> None:
    """The three commands' parsers."""
    rep = commands.add_parser(
        "report",
        help="the execution report on a date («отчёт об исполнении»)",
        description="What is done, overdue, at risk and upcoming on a date, measure by measure and by "
        "responsible party, from the plan's execution marks.",
        epilog="Examples: gia-roadmap report plan.yaml --on 2026-03-01 · gia-roadmap report --example "
        "yurga-2024 --on 2024-03-01 --soon 10. Exit status: 0 nothing overdue, 1 something overdue, 2 bad "
        "input.",
    )
    add_source(rep)
    add_calendar_options(rep)
    rep.add_argument("--on", type=date, required=True, metavar="DATE", help="the report's day")
    rep.add_argument("--soon", type=int, default=5, metavar="N", help="«at risk» horizon in working days")
    rep.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    rep.add_argument("--lang", choices=("ru", "en"), default="ru", help="the language (default: Russian)")

    dif = commands.add_parser(
        "diff",
        help="what changed between two versions of a roadmap",
        description="Measures added, removed and changed, and due dates moved, from OLD to NEW.",
        epilog="Examples: gia-roadmap diff plan-v1.yaml plan-v2.yaml · gia-roadmap diff old.docx new.docx "
        "--format json. Exit status: 0 no difference, 1 differences, 2 bad input.",
    )
    dif.add_argument("old", help="the first version (a saved roadmap or a table)")
    dif.add_argument("new", help="the second version")
    add_calendar_options(dif)
    dif.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    dif.add_argument("--lang", choices=("ru", "en"), default="ru", help="the language (default: Russian)")

    rol = commands.add_parser(
        "roll-forward",
        help="next school year's plan from this one",
        description="Carry a plan into the next school year by the exam schedule and the calendar, write it "
        "and print every change.",
        epilog="Examples: gia-roadmap roll-forward plan-2024.yaml -o plan-2025.yaml · "
        "gia-roadmap roll-forward --example yurga-2024 --year 2024/25 -o yurga-2025.json",
    )
    add_source(rol)
    rol.add_argument("-o", "--output", required=True, help="where to write: .yaml/.yml or .json")
    rol.add_argument("--year", metavar="YEAR", help="the new school year («2025/26»; default: the next one)")
    rol.add_argument("--lang", choices=("ru", "en"), default="ru", help="the language (default: Russian)")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=lambda v: v.isoformat())


def run_report(
    args: argparse.Namespace,
    source: Source,
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    out: TextIO,
) -> int:
    """``gia-roadmap report``: 0 when nothing is overdue, 1 otherwise."""
    from gia_roadmap.plan import ExecutionState, execution_report
    from gia_roadmap.plan.regions import regional_calendar

    if args.soon < 0:
        raise UsageError(f"--soon {args.soon} is not valid; give a number of working days ≥ 0")
    overdue = False
    documents = []
    for roadmap in source.roadmaps:
        plan_calendar = regional_calendar(roadmap, calendar)
        report = execution_report(
            roadmap, args.on, plan_calendar, events_for(roadmap, plan_calendar, schedule), soon=args.soon
        )
        overdue = overdue or bool(report.of(ExecutionState.OVERDUE))
        if args.format == "json":
            documents.append(
                {
                    "plan": roadmap.id,
                    "on": args.on,
                    "counts": {state.value: n for state, n in report.counts.items()},
                    "measures": report.to_records(args.lang),
                }
            )
        else:
            print(report.text(args.lang), file=out)
    if args.format == "json":
        print(_json(documents), file=out)
    return 1 if overdue else 0


def run_diff(
    args: argparse.Namespace,
    load: Callable[[str], Source],
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    out: TextIO,
) -> int:
    """``gia-roadmap diff``: 0 when the versions do not differ, 1 when they do."""
    from gia_roadmap.plan import diff

    old, new = load(args.old), load(args.new)
    if len(old.roadmaps) != 1 or len(new.roadmaps) != 1:
        raise UsageError("diff compares one roadmap with one: each file must hold exactly one plan")
    (first,), (second,) = old.roadmaps, new.roadmaps
    result = diff(
        first,
        second,
        calendar,
        events_for(first, calendar, schedule),
        second_events=events_for(second, calendar, schedule),
    )
    if args.format == "json":
        document = {"summary": result.summary(args.lang), "changes": result.to_records(args.lang)}
        print(_json(document), file=out)
    else:
        print(result.text(args.lang), file=out)
    return 1 if result else 0


def run_roll_forward(args: argparse.Namespace, source: Source, out: TextIO) -> int:
    """``gia-roadmap roll-forward``: writes the new plan, prints the changes; 0."""
    from gia_roadmap.plan import roll_forward

    if len(source.roadmaps) != 1:
        raise UsageError("roll-forward carries one roadmap: the file must hold exactly one plan")
    rolled = roll_forward(source.roadmaps[0], args.year)
    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise UsageError(f"{args.output}: write the plan as .json, .yaml or .yml")
    roadmap_io.dump(rolled.roadmap, target, format="json" if suffix == ".json" else "yaml")
    for change in rolled.changes:
        record = list(change.record(args.lang).values())
        print(" | ".join(str(v) for v in record if v), file=out)
    print(f"{target}: {rolled.roadmap.id}, {rolled.roadmap.school_year}, {len(rolled.changes)}", file=out)
    return 0
