"""``gia-roadmap report``, ``gia-roadmap diff``, ``gia-roadmap compare`` and ``gia-roadmap roll-forward``: the
execution report on a date, what changed between two versions of a plan, a plan against its revision or
against last year's, and next year's plan (Russian by default)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import ExamSchedule, RussianCalendar
from gia_roadmap.cli.plan_commands import Source, events_for
from gia_roadmap.errors import Language, Problem, UsageError

if TYPE_CHECKING:
    from gia_roadmap.plan import ExecutionReport, MeasureChange, PlanDiff, Roadmap, Status

__all__ = ["add_commands", "run_compare", "run_diff", "run_report", "run_roll_forward"]


def add_commands(
    commands: argparse._SubParsersAction[Any],
    add_source: Callable[[argparse.ArgumentParser], None],
    add_calendar_options: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], dt.date],
) -> None:
    """The commands' parsers."""
    rep = commands.add_parser(
        "report",
        help="the execution report on a date («отчёт об исполнении»)",
        description="What is done, overdue, at risk and upcoming on a date, measure by measure and by "
        "responsible party, from the plan's execution marks.",
        epilog="Examples: gia-roadmap report plan.yaml --on 2026-03-01 · gia-roadmap report --example "
        "yurga-2024 --on 2024-03-01 --soon 10 · gia-roadmap report plan.docx --on 2026-03-01 "
        "--format xlsx -o report.xlsx. Exit status: 0 nothing overdue, 1 something overdue, 2 bad "
        "input.",
    )
    add_source(rep)
    add_calendar_options(rep)
    rep.add_argument("--on", type=date, required=True, metavar="DATE", help="the report's day")
    rep.add_argument("--soon", type=int, default=5, metavar="N", help="«at risk» horizon in working days")
    rep.add_argument(
        "--format", choices=("text", "json", "xlsx"), default="text", help="output format (xlsx: a file, -o)"
    )
    rep.add_argument("-o", "--output", metavar="FILE", help="with --format xlsx: the workbook to write")
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

    cmp = commands.add_parser(
        "compare",
        help="a plan against its revised version, or against last year's",
        description="Measures added, removed, and with a changed deadline, responsible parties or execution "
        "mark, from OLD to NEW; measures pair by number and title, then by title (renumbered), then by "
        "number (retitled). When NEW is of a later school year, OLD is first carried into it "
        "(roll-forward), so only what changed beyond the calendar shows.",
        epilog="Examples: gia-roadmap compare plan-v1.yaml plan-v2.yaml · gia-roadmap compare "
        "plan-2025.yaml plan-2026.docx --json · gia-roadmap compare old.json new.json --lang en. "
        "Exit status: 0 no difference, 1 differences, 2 bad input.",
    )
    cmp.add_argument("old", help="the earlier plan (a saved roadmap or a table)")
    cmp.add_argument("new", help="the revised plan, or this year's")
    add_calendar_options(cmp)
    cmp.add_argument(
        "--json", dest="format", action="store_const", const="json", default="text", help="print JSON"
    )
    cmp.add_argument("--lang", choices=("ru", "en"), default="ru", help="the language (default: Russian)")

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
    if (args.format == "xlsx") != bool(args.output):
        raise UsageError(
            "--format xlsx writes a workbook: give -o FILE.xlsx"
            if args.format == "xlsx"
            else f"-o is for --format xlsx; --format {args.format} prints to the terminal"
        )
    overdue = False
    documents = []
    roadmaps = source.roadmaps
    for roadmap in roadmaps:
        plan_calendar = regional_calendar(roadmap, calendar)
        report = execution_report(
            roadmap, args.on, plan_calendar, events_for(roadmap, plan_calendar, schedule), soon=args.soon
        )
        overdue = overdue or bool(report.of(ExecutionState.OVERDUE))
        if args.format == "xlsx":
            _write_report_xlsx(
                report, _report_path(Path(args.output), roadmap.id, len(roadmaps)), args.lang, out
            )
        elif args.format == "json":
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


_WRITTEN = {"ru": "Отчёт об исполнении записан: {path}", "en": "Execution report written: {path}"}


def _report_path(output: Path, plan_id: str, plans: int) -> Path:
    """The workbook of one plan: ``output`` itself, or ``<stem>-<plan id>.xlsx`` beside it when the
    source holds several plans (one workbook each)."""
    return output if plans == 1 else output.with_name(f"{output.stem}-{plan_id}{output.suffix or '.xlsx'}")


def _write_report_xlsx(report: ExecutionReport, path: Path, lang: Language, out: TextIO) -> None:
    problems: list[Problem] = []
    roadmap_io.write_execution_report_xlsx(report, path, lang=lang, problems=problems)
    print(_WRITTEN[lang].format(path=path), file=out)
    for problem in problems:
        print(f"  {problem.describe(lang)}", file=out)


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


_ASPECTS: dict[str, tuple[str, str]] = {
    "added": ("Добавлено", "Added"),
    "removed": ("Удалено", "Removed"),
    "deadline": ("Изменён срок", "Deadline changed"),
    "responsible": ("Изменены ответственные", "Responsible changed"),
    "status": ("Изменена отметка об исполнении", "Execution mark changed"),
    "other": ("Другие изменения", "Other changes"),
}
_FIELD_LABELS = {
    "number": ("номер", "number"),
    "title": ("название", "title"),
    "exams": ("экзамены", "exams"),
    "categories": ("обучаемые категории", "trained categories"),
    "dependencies": ("зависимости", "dependencies"),
    "term": ("сроки (та же дата, другая формулировка)", "deadline (same date, other wording)"),
}


def _status_text(status: Status, lang: Language) -> str:
    words = {
        "planned": ("не отмечено", "not marked"),
        "done": ("выполнено", "done"),
        "cancelled": ("отменено", "cancelled"),
    }[status.kind.value]
    word = words[0] if lang == "ru" else words[1]
    return f"{word} {status.date:%d.%m.%Y}" if status.date is not None else word


def _aspects(result: PlanDiff, lang: Language, rolled: bool) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """The changes by what changed (each item with the number, title, before, after and due dates), and
    how many paired measures are the same. A deadline reworded to the same term with the same due date is
    an other change, and none after a roll-forward (which writes dates its own way)."""
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in _ASPECTS}
    same = result.unchanged

    def item(change: MeasureChange, before: Any, after: Any) -> dict[str, Any]:
        return {
            "number": change.number,
            "title": " ".join(change.title.split()),
            "before": before,
            "after": after,
            "due_before": change.due_before,
            "due_after": change.due_after,
        }

    for change in result.changes:
        old, new = change.before, change.after
        if old is None and new is not None:
            groups["added"].append(item(change, None, " ".join(new.term.raw.split())))
            continue
        if new is None and old is not None:
            groups["removed"].append(item(change, " ".join(old.term.raw.split()), None))
            continue
        assert old is not None
        assert new is not None
        names = {name: (before, after) for name, before, after in change.fields}
        reworded = "term" in names and old.term == new.term and not change.due_moved
        if ("term" in names or change.due_moved) and not reworded:
            before, after = names.get("term", (" ".join(old.term.raw.split()),) * 2)
            groups["deadline"].append(item(change, before, after))
        if "responsible" in names:
            groups["responsible"].append(item(change, *names["responsible"]))
        if "status" in names:
            marks = _status_text(old.status, lang), _status_text(new.status, lang)
            groups["status"].append(item(change, *marks))
        other = [
            (name, before, after)
            for name, before, after in change.fields
            if (name in _FIELD_LABELS and name != "term") or (name == "term" and reworded and not rolled)
        ]
        listed = (("term" in names or change.due_moved) and not reworded) or bool(
            {"responsible", "status"} & names.keys() or other
        )
        same += 0 if listed else 1
        if other:
            index = 0 if lang == "ru" else 1
            groups["other"].append(
                item(
                    change,
                    "; ".join(f"{_FIELD_LABELS[n][index]}: {b}" for n, b, _ in other),
                    "; ".join(f"{_FIELD_LABELS[n][index]}: {a}" for n, _, a in other),
                )
            )
    return groups, same


def _compare_text(
    first: Roadmap,
    second: Roadmap,
    rolled: bool,
    groups: dict[str, list[dict[str, Any]]],
    unchanged: int,
    lang: Language,
) -> str:
    index = 0 if lang == "ru" else 1

    def plan(roadmap: Roadmap) -> str:
        return f"{roadmap.id} ({roadmap.school_year})" if roadmap.school_year else roadmap.id

    lines = [f"{('Сравнение планов', 'Comparing plans')[index]}: {plan(first)} → {plan(second)}"]
    if rolled:
        lines.append(
            f"План {first.school_year} перенесён на {second.school_year} учебный год (roll-forward): "
            "показано только то, что изменилось сверх календаря."
            if lang == "ru"
            else f"The {first.school_year} plan was carried into {second.school_year} (roll-forward): "
            "only what changed beyond the calendar shows."
        )
    counts = ", ".join(f"{_ASPECTS[name][index].lower()}: {len(items)}" for name, items in groups.items())
    lines.append(f"{counts}; {('без изменений', 'unchanged')[index]}: {unchanged}")
    for name, items in groups.items():
        if not items:
            continue
        lines.append("")
        lines.append(f"{_ASPECTS[name][index]} ({len(items)}):")
        for entry in items:
            head = f"  {entry['number'] or '—'} {entry['title']}"
            if name in ("added", "removed"):
                term = entry["after"] if name == "added" else entry["before"]
                lines.append(f"{head} — {term}" if term else head)
                continue
            due = ""
            moved = entry["due_before"] != entry["due_after"] and entry["due_before"] and entry["due_after"]
            if name == "deadline" and moved:
                due = f" ({entry['due_before']:%d.%m.%Y} → {entry['due_after']:%d.%m.%Y})"
            text = f": «{entry['before']}» → «{entry['after']}»" if entry["before"] != entry["after"] else ""
            lines.append(f"{head}{text}{due}")
    return "\n".join(lines)


def run_compare(
    args: argparse.Namespace,
    load: Callable[[str], Source],
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    out: TextIO,
) -> int:
    """``gia-roadmap compare``: 0 when the plans do not differ, 1 when they do (a plan of an earlier school
    year is carried forward first)."""
    from gia_roadmap.plan import diff, roll_forward

    old, new = load(args.old), load(args.new)
    if len(old.roadmaps) != 1 or len(new.roadmaps) != 1:
        raise UsageError("compare takes one roadmap and one: each file must hold exactly one plan")
    (first,), (second,) = old.roadmaps, new.roadmaps
    second_events = events_for(second, calendar, schedule)
    rolled = False
    before = first
    if first.school_year is not None and second.school_year is not None:
        if second.school_year.start_year < first.school_year.start_year:
            raise UsageError(
                f"compare OLD NEW: OLD ({first.id}, {first.school_year}) is of a later school year than NEW "
                f"({second.id}, {second.school_year}); give the earlier plan first"
            )
        if second.school_year.start_year > first.school_year.start_year:
            carried = roll_forward(first, second.school_year, calendar=calendar, new_events=second_events)
            before = carried.roadmap
            rolled = True
    first_events = second_events if rolled else events_for(first, calendar, schedule)
    result = diff(before, second, calendar, first_events, second_events=second_events)
    groups, unchanged = _aspects(result, args.lang, rolled)
    if args.format == "json":
        document = {
            "old": {"id": first.id, "school_year": str(first.school_year) if first.school_year else None},
            "new": {"id": second.id, "school_year": str(second.school_year) if second.school_year else None},
            "rolled_forward": rolled,
            "counts": {**{name: len(items) for name, items in groups.items()}, "unchanged": unchanged},
            **groups,
        }
        print(_json(document), file=out)
    else:
        print(_compare_text(first, second, rolled, groups, unchanged, args.lang), file=out)
    return 1 if any(groups.values()) else 0


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
