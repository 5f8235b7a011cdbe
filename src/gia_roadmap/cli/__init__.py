"""The ``gia-roadmap`` command.

Sub-commands::

    gia-roadmap check FILE | --example NAME [--format text|json] [--today DATE] [--schedule FILE]
    gia-roadmap check FOLDER [--jobs N] [--to html|xlsx -o OUT] [--parent CHILD=PARENT ...] [--format json]
    gia-roadmap resolve "TEXT" [--school-year 2023] [--exam-day DATE ...] [--event ANCHOR=DATE ...]
    gia-roadmap calendar YEAR [--month M] [--six-day] [--rules-only] [--special-days-off]
    gia-roadmap import FILE.docx|FILE.xlsx|FILE.csv|FILE.txt -o plan.yaml|plan.json
    gia-roadmap export FILE | --example NAME --to xlsx|csv|ics|html|json|yaml -o OUT
    gia-roadmap cascade PATH ... [--example NAME ...] [--parent CHILD=PARENT ...] [--format text|json]
    gia-roadmap examples

Exit status: 0 on success (for ``check``: nothing worse than info), 1 when ``check`` found warnings,
3 when it found errors, 2 on bad input (one line on standard error), 70 on an internal error (a bug;
``--debug`` shows its traceback), 130 when interrupted, 141 when the output's reader went away
(:mod:`gia_roadmap.cli.boundary`). ``gia-roadmap --version`` prints the version.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

# Only what every command needs is imported here, so `gia-roadmap --help` and `gia-roadmap calendar`
# do not pay for rich, the importer (openpyxl, python-docx), the checks or the graph (networkx): each
# command imports the rest when it runs. gia_roadmap.calendar and gia_roadmap.io import lazily (PEP 562).
from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import Anchor
from gia_roadmap.calendar.anchors import OpenAnchor
from gia_roadmap.cli import plan_views
from gia_roadmap.cli.boundary import guarded
from gia_roadmap.cli.calendar_view import render_calendar
from gia_roadmap.cli.cascade_command import (
    add_cascade_parser,
    add_folder_options,
    refuse_folder_options,
    run_cascade,
    run_check_folder,
)
from gia_roadmap.cli.exam_options import bundled_events, exam_scopes, subjects
from gia_roadmap.cli.plan_commands import (
    check_exit_status,
    dumps_json,
    events_for,
    load_source,
    print_report,
    report_document,
)
from gia_roadmap.errors import Problem, UsageError
from gia_roadmap.text import dash_class

if TYPE_CHECKING:
    from rich.console import Console

    from gia_roadmap.calendar import ExamSchedule, RussianCalendar
    from gia_roadmap.calendar.terms import EventDates
    from gia_roadmap.cli.plan_commands import Source
    from gia_roadmap.io import ImportOptions
    from gia_roadmap.plan import Roadmap

__all__ = ["main", "render_calendar"]


def __dir__() -> list[str]:
    """The public names only: no helper or import leaks into ``dir()``."""
    return sorted(__all__)


EXPORT_FORMATS = ("xlsx", "csv", "ics", "html", "json", "yaml", "docx", "xlsx-table", "csv-table")
"""The report exports (resolved dates, findings), the plan files, and the plan as the table officials
keep (Word, Excel, CSV), which `gia-roadmap import` reads back to the same plan."""


def _date(text: str) -> dt.date:
    if text == "today":
        return dt.date.today()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; write 2025-06-16, 16.06.2025 or today")


def _event(text: str) -> tuple[Anchor | OpenAnchor, dt.date]:
    name, sep, value = text.partition("=")
    anchor: Anchor | OpenAnchor
    if re.search("[а-яёА-ЯЁ]", name):  # an event in the text's own words: «получения сведений=…»
        anchor = OpenAnchor(name)
    else:
        try:
            anchor = Anchor(name.strip())
        except ValueError:
            valid = ", ".join(a.value for a in Anchor)
            raise argparse.ArgumentTypeError(
                f"{name!r} is not an anchor; use one of: {valid}, or the event as the text writes it "
                "(«получения сведений=2025-03-03»)"
            ) from None
    if not sep:
        raise argparse.ArgumentTypeError(f"{text!r}: write ANCHOR=DATE, e.g. ak_decision=2025-06-20")
    return anchor, _date(value.strip())


def _add_source(command: argparse.ArgumentParser, *, folder: bool = False) -> None:
    what = "a saved roadmap (.json/.yaml) or a table to import"
    command.add_argument("file", nargs="?", help=what + (", or a folder of plans" if folder else ""))
    command.add_argument("--example", metavar="NAME", help="a bundled roadmap (see `gia-roadmap examples`)")
    _add_import_options(command)


def _add_import_options(command: argparse.ArgumentParser) -> None:
    """What the importer cannot always read from a document, given by hand."""
    command.add_argument(
        "--school-year",
        metavar="YEAR",
        help="the plan's school year, «2025/2026» or its first year (default: read from the title)",
    )
    command.add_argument(
        "--level",
        choices=("federal", "regional", "municipal", "school"),
        help="the plan's level (default: read from the issuer and the title)",
    )
    command.add_argument(
        "--exam",
        action="append",
        metavar="EXAM",
        help="the exams the whole plan is about: ГИА-9, ГИА-11, ЕГЭ, ОГЭ, ГВЭ … (repeatable)",
    )


def _import_options(args: argparse.Namespace) -> ImportOptions | None:
    from gia_roadmap.calendar import SchoolYear
    from gia_roadmap.calendar.exams import ExamScope
    from gia_roadmap.io import ImportOptions
    from gia_roadmap.plan import PlanLevel

    school_year = level = None
    scopes: list[ExamScope] = []
    if getattr(args, "school_year", None):
        text = str(args.school_year).strip()
        parts = [p for p in re.split(rf"\s*{dash_class('/')}\s*", text) if p]
        if not parts or not all(p.isdigit() for p in parts) or len(parts[0]) != 4 or len(parts) > 2:
            raise UsageError(f"--school-year {text!r}: write it as 2025/2026 or 2025")
        first = int(parts[0])
        if len(parts) == 2 and int(parts[1]) % 100 != (first + 1) % 100:
            raise UsageError(f"--school-year {text!r}: the second year must follow the first (2025/2026)")
        school_year = SchoolYear(first)
    if getattr(args, "level", None):
        level = PlanLevel(args.level)
    scopes.extend(exam_scopes(getattr(args, "exam", None) or ()))
    if school_year is None and level is None and not scopes:
        return None
    return ImportOptions(school_year=school_year, level=level, exam_scope=tuple(scopes))


def _add_calendar_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--six-day", action="store_true", help="count working days on a six-day week")
    command.add_argument(
        "--region",
        metavar="CODE",
        help="the plan's region, an ISO 3166-2:RU code such as RU-TA: its own non-working days count "
        "(default: read from the issuer, territory or title)",
    )
    command.add_argument(
        "--schedule",
        metavar="FILE",
        help="exam schedule (.json/.yaml/.toml); default: bundled",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gia-roadmap",
        description="Roadmaps («дорожные карты») of Russia's school-leaving exams (ГИА) as data.",
        epilog="Examples: gia-roadmap check --example yurga-2024 · gia-roadmap calendar 2025 --month 6",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    chk = commands.add_parser(
        "check",
        help="check a roadmap, or a folder of roadmaps, for consistency and print the findings",
        description="Resolve every deadline against the production calendar and the exam schedule, and "
        "report the plan's problems (docs/findings.md lists every code). Given a folder, check every plan "
        "file in it as a set, each against its parent (as `gia-roadmap cascade` does: docs/cascade.md), and "
        "print one summary; --parent, --jobs, --to, -o and --cascade-only are for a folder.",
        epilog="Examples: gia-roadmap check --example yurga-2024 · gia-roadmap check plan.docx --format json "
        "· gia-roadmap check plan.yaml --today today · gia-roadmap check plans/ --jobs 0 --to html -o "
        "summary.html. Exit status: 0 nothing worse than info, 1 warnings, 3 errors, 2 bad input.",
    )
    _add_source(chk, folder=True)
    _add_calendar_options(chk)
    chk.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    chk.add_argument("--today", type=_date, metavar="DATE", help="report overdue measures as of DATE")
    chk.add_argument(
        "--limit", type=int, metavar="N", help="print the N most severe findings per plan (default 200)"
    )
    chk.add_argument(
        "--all", action="store_true", help="also print info findings (by default: errors and warnings)"
    )
    chk.add_argument(
        "--lang", choices=("ru", "en"), default="ru", help="the language of the report (default: Russian)"
    )
    add_folder_options(chk)

    cal = commands.add_parser(
        "calendar",
        help="print the official production calendar of a year",
        description="The production calendar (производственный календарь) month by month.",
        epilog="Examples: gia-roadmap calendar 2025 · gia-roadmap calendar 2024 --month 4 --six-day",
    )
    cal.add_argument("year", type=int, help="the calendar year, e.g. 2025")
    cal.add_argument("--month", type=int, choices=range(1, 13), metavar="M", help="only this month (1-12)")
    cal.add_argument("--six-day", action="store_true", help="the six-day working week")
    cal.add_argument(
        "--region",
        metavar="CODE",
        help="with a region's own non-working days (ISO 3166-2:RU code, e.g. RU-TA)",
    )
    cal.add_argument(
        "--rules-only",
        action="store_true",
        help="estimate years without official data",
    )
    cal.add_argument(
        "--special-days-off",
        action="store_true",
        help="count the 2020-2021 special days as days off",
    )

    res = commands.add_parser(
        "resolve",
        help="read a «Сроки» text and resolve it to dates",
        description="Parse deadline text into a typed term and resolve it to date windows.",
        epilog=(
            'Examples: gia-roadmap resolve "август – сентябрь 2023 года" · '
            'gia-roadmap resolve "не позднее чем за 1 рабочий день до дня проведения экзамена" '
            '--exam-day 2025-06-16 · gia-roadmap resolve "в течение учебного года" --school-year 2023'
        ),
    )
    res.add_argument("text", help="the deadline text, in Russian, as written in the roadmap")
    res.add_argument("--school-year", type=int, metavar="YEAR", help="school year start, e.g. 2023")
    res.add_argument(
        "--exam-day", type=_date, action="append", default=[], metavar="DATE", help="an exam day (repeatable)"
    )
    res.add_argument(
        "--event",
        type=_event,
        action="append",
        default=[],
        metavar="ANCHOR=DATE",
        help="an event (repeatable)",
    )
    res.add_argument(
        "--exam",
        action="append",
        default=[],
        metavar="EXAM",
        help="count from the days of these exams only: ОГЭ, ЕГЭ, ГВЭ-9, ГВЭ-11, ГИА-9, ГИА-11 … (repeatable; "
        "with --school-year and no --exam-day or --event, the bundled schedule of the year is used)",
    )
    res.add_argument(
        "--subject",
        action="append",
        default=[],
        metavar="SUBJECT",
        help="count from the days of these subjects only: математика, русский язык … (repeatable)",
    )
    res.add_argument("--strict", action="store_true", help="fail on text the parser cannot read")
    res.add_argument("--json", action="store_true", help="print the term and its dates as JSON")
    res.add_argument("--six-day", action="store_true", help="count working days on a six-day week")

    imp = commands.add_parser(
        "import",
        help="import a Word/Excel/CSV/text table into a roadmap file",
        description="Read the roadmap table(s) of a document and save them as JSON or YAML.",
        epilog="Examples: gia-roadmap import plan.docx -o plan.yaml · gia-roadmap import t.xlsx -o t.json",
    )
    imp.add_argument(
        "file", help="the document: .docx, .xlsx, .odt, .ods, .pdf, .html, .xls, .csv, .tsv or .txt"
    )
    imp.add_argument("-o", "--output", required=True, help="where to write: .yaml/.yml or .json")
    _add_import_options(imp)

    exp = commands.add_parser(
        "export",
        help="export a roadmap to XLSX, CSV, iCalendar, HTML, JSON, YAML or a Word/Excel/CSV plan table",
        description="Write a roadmap with its resolved dates (and, for XLSX and HTML, its findings), or "
        "as the plan table officials keep (docx, xlsx-table, csv-table), which `import` reads back.",
        epilog="Examples: gia-roadmap export --example yurga-2024 --to ics -o yurga.ics · "
        "gia-roadmap export plan.yaml --to xlsx -o plan.xlsx · "
        "gia-roadmap export plan.pdf --to docx -o plan.docx",
    )
    _add_source(exp)
    _add_calendar_options(exp)
    exp.add_argument("--to", required=True, choices=EXPORT_FORMATS, help="the format to write")
    exp.add_argument("-o", "--output", required=True, help="the output file")

    cas = add_cascade_parser(commands)
    _add_calendar_options(cas)
    _add_import_options(cas)

    commands.add_parser("examples", help="list the bundled example roadmaps")
    plan_views.add_commands(commands, _add_source, _add_calendar_options, _date)
    _add_global_options(parser, commands)
    return parser


class _Version(argparse.Action):
    """``--version``: the installed version, asked of the package metadata only when wanted."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from gia_roadmap import __version__

        print(f"gia-roadmap {__version__}")
        parser.exit()


def _add_global_options(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction[Any]) -> None:
    """``--version``, and ``--debug`` before or after the command."""
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    debug = "on an internal error (exit status 70), show the traceback too"
    parser.add_argument("--debug", action="store_true", help=debug)
    for command in commands.choices.values():
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug)


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    return guarded(
        lambda: _run(args, out, err),
        err=err,
        debug=bool(getattr(args, "debug", False)),
        lang=getattr(args, "lang", "ru"),
    )


def _calendar(args: argparse.Namespace) -> RussianCalendar:
    from gia_roadmap.calendar import RussianCalendar, WorkWeek

    return RussianCalendar(
        work_week=WorkWeek.SIX_DAY if getattr(args, "six_day", False) else WorkWeek.FIVE_DAY
    )


def _schedule(args: argparse.Namespace) -> ExamSchedule | None:
    from gia_roadmap.calendar import ExamSchedule

    return ExamSchedule.load(args.schedule) if getattr(args, "schedule", None) else None


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the command: the commands that read no plan, then those that report progress on the error
    stream, then the commands on a loaded plan (its calendar and exam schedule loaded first)."""
    plain: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
        "calendar": _calendar_command,
        "resolve": _resolve,
        "examples": _examples_command,
    }
    if args.command in plain:
        return plain[args.command](args, out)
    from rich.console import Console

    status_console = Console(file=err)
    with_status: dict[str, Callable[[argparse.Namespace, TextIO, Console], int]] = {
        "import": _import,
        "diff": _diff_command,
        "compare": _compare_command,
        "cascade": _cascade_command,
        "check FOLDER": _check_folder_command,
    }
    folder = args.command == "check" and args.file is not None and Path(args.file).is_dir()
    command = "check FOLDER" if folder else args.command
    if command in with_status:
        return with_status[command](args, out, status_console)
    if command == "check":
        refuse_folder_options(args)
    on_plan: dict[
        str, Callable[[argparse.Namespace, Source, RussianCalendar, ExamSchedule | None, TextIO], int]
    ] = {
        "check": _check_command,
        "export": lambda args, source, calendar, schedule, out: _export(
            args, source.roadmaps, calendar, schedule, out
        ),
        "report": plan_views.run_report,
        "roll-forward": lambda args, source, _cal, _sched, out: plan_views.run_roll_forward(
            args, source, out
        ),
    }
    if args.command not in on_plan:  # pragma: no cover - argparse rejects it first
        raise UsageError(f"unknown command {args.command!r}")
    source = load_source(args.file, args.example, console=status_console, options=_import_options(args))
    if getattr(args, "region", None):
        import attrs

        source = attrs.evolve(
            source, roadmaps=tuple(attrs.evolve(r, region=args.region) for r in source.roadmaps)
        )
    return on_plan[args.command](args, source, _calendar(args), _schedule(args), out)


def _calendar_command(args: argparse.Namespace, out: TextIO) -> int:
    """``gia-roadmap calendar``: a month of the production calendar."""
    from gia_roadmap.calendar import RussianCalendar, WorkWeek

    calendar = RussianCalendar(
        work_week=WorkWeek.SIX_DAY if args.six_day else WorkWeek.FIVE_DAY,
        rules_only=args.rules_only,
        special_days_off=args.special_days_off,
        region=args.region,
    )
    print(render_calendar(calendar, args.year, args.month), file=out)
    return 0


def _examples_command(args: argparse.Namespace, out: TextIO) -> int:
    """``gia-roadmap examples``: the bundled plans."""
    from gia_roadmap import examples

    for name in examples.names():
        roadmap = examples.load(name)
        print(f"{name:<28} {roadmap.title or roadmap.id}", file=out)
    return 0


def _two_plans(run: Callable[..., int]) -> Callable[[argparse.Namespace, TextIO, Console], int]:
    """A command on two plans (``diff``, ``compare``): each loaded as the CLI loads one."""

    def command(args: argparse.Namespace, out: TextIO, status_console: Console) -> int:
        def load(path: str) -> Source:
            return load_source(path, None, console=status_console, options=None)

        return run(args, load, _calendar(args), _schedule(args), out)

    return command


_diff_command = _two_plans(plan_views.run_diff)
"""``gia-roadmap diff``: two versions of a plan compared."""
_compare_command = _two_plans(plan_views.run_compare)
"""``gia-roadmap compare``: a plan against its revision or last year's."""


def _cascade_command(args: argparse.Namespace, out: TextIO, status_console: Console) -> int:
    """``gia-roadmap cascade``: a plan checked against the plans above it."""
    return run_cascade(
        args,
        out,
        status_console,
        calendar=_calendar(args),
        schedule=_schedule(args),
        options=_import_options(args),
    )


def _check_folder_command(args: argparse.Namespace, out: TextIO, status_console: Console) -> int:
    """``gia-roadmap check FOLDER``: every plan of a folder checked as a set (docs/cascade.md)."""
    return run_check_folder(
        args,
        out,
        status_console,
        calendar=_calendar(args),
        schedule=_schedule(args),
        options=_import_options(args),
    )


def _check_command(
    args: argparse.Namespace,
    source: Source,
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    out: TextIO,
) -> int:
    """``gia-roadmap check``: each plan checked on its region's calendar and exam days."""
    from rich.console import Console

    from gia_roadmap.plan import check
    from gia_roadmap.plan.regions import regional_calendar

    console = Console(file=out, highlight=False, soft_wrap=False)
    limit = 200 if args.limit is None else args.limit
    if limit < 1:
        raise UsageError(f"--limit {limit} is not valid; give a positive number")
    reports = []
    for r in source.roadmaps:
        plan_calendar = regional_calendar(r, calendar)
        plan_events = events_for(r, plan_calendar, schedule)
        report = check(r, calendar=plan_calendar, events=plan_events, today=args.today, lang=args.lang)
        reports.append((r, report))
    if args.format == "json":
        print(dumps_json(report_document(source, reports, lang=args.lang)), file=out)
    else:
        for roadmap, report in reports:
            print_report(console, source, roadmap, report, limit=limit, everything=args.all, lang=args.lang)
    return check_exit_status([report for _, report in reports])


def _resolve(args: argparse.Namespace, out: TextIO) -> int:
    """``gia-roadmap resolve``: a deadline text resolved to its dates, in text or JSON."""
    from gia_roadmap.calendar import SchoolYear
    from gia_roadmap.cli.resolve_view import render_resolution, resolution_document

    given: dict[Anchor | OpenAnchor, tuple[dt.date, ...]] = {}
    if args.exam_day:
        given[Anchor.EXAM_DAY] = tuple(args.exam_day)
    for anchor, day in args.event:
        given[anchor] = (*given.get(anchor, ()), day)
    school_year = SchoolYear(args.school_year) if args.school_year is not None else None
    calendar = _calendar(args)
    exams, chosen = exam_scopes(args.exam), subjects(args.subject)
    events: EventDates = given
    notice = ""
    if not given and school_year is not None:  # the bundled schedule of the year, in the text's scope
        bound = bundled_events(
            args.text, school_year=school_year, calendar=calendar, exams=exams, subject=chosen
        )
        events, notice = bound, bound.notice
    elif exams or chosen:
        raise UsageError("--exam and --subject choose days of the bundled schedule: give --school-year")
    if args.json:
        document = resolution_document(
            args.text, school_year=school_year, events=events, calendar=calendar, strict=args.strict
        )
        if notice:
            document["notice"] = notice
        print(dumps_json(document), file=out)
    else:
        text = render_resolution(
            args.text, school_year=school_year, events=events, calendar=calendar, strict=args.strict
        )
        print(f"Расписание: {notice}\n{text}" if notice else text, file=out)
    return 0


def _import(args: argparse.Namespace, out: TextIO, status_console: Console) -> int:
    target = Path(args.output)
    if target.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise UsageError(f"{args.output}: write the roadmap to a .yaml, .yml or .json file")
    source = load_source(args.file, None, console=status_console, options=_import_options(args))
    if Path(args.file).suffix.lower() in (".json", ".yaml", ".yml"):
        raise UsageError(f"{args.file} is already a saved roadmap; `import` reads .docx/.xlsx/.csv/.tsv/.txt")
    written = []
    for index, roadmap in enumerate(source.roadmaps):
        path = target if len(source.roadmaps) == 1 else target.with_stem(f"{target.stem}-{index + 1}")
        roadmap_io.dump(roadmap, path)
        written.append(path)
        print(_import_summary(path, roadmap), file=out)
    print(_problems_summary(source.problems), file=out)
    for problem in source.problems:
        print(f"  {problem.severity.label()} [{problem.code}] {problem}", file=out)
    if not written:
        raise UsageError(f"{args.file}: no roadmap table found (it needs a deadline column such as «Сроки»)")
    return 0


_LEVEL_RU = {
    "federal": "федеральный",
    "regional": "региональный",
    "municipal": "муниципальный",
    "school": "школьный",
}


def _import_summary(path: Path, roadmap: Roadmap) -> str:
    """One line in Russian: what was imported and written where."""
    measures = sum(1 for _ in roadmap.walk())
    year = "учебный год не найден"
    if roadmap.school_year is not None:
        year = f"учебный год {roadmap.school_year}"
    level = _LEVEL_RU.get(roadmap.level.value, roadmap.level.value)
    return (
        f"{path}: план «{roadmap.id}» — мероприятий: {measures}, разделов: {len(roadmap.sections)}; "
        f"{year}; уровень: {level}"
    )


def _problems_summary(problems: Sequence[Problem]) -> str:
    """How many problems the import reported, by severity (worst first), in Russian."""
    if not problems:
        return "Проблем импорта нет."
    counts = Counter(problem.severity for problem in problems)
    parts = ", ".join(f"{severity.label()}: {counts[severity]}" for severity in sorted(counts, reverse=True))
    return f"Проблемы импорта: {len(problems)} ({parts}). Что не прочитано и где:"


def _export(
    args: argparse.Namespace,
    roadmaps: Sequence[Roadmap],
    calendar: RussianCalendar,
    schedule: ExamSchedule | None,
    out: TextIO,
) -> int:
    from gia_roadmap.plan.regions import regional_calendar

    target = Path(args.output)
    for index, roadmap in enumerate(roadmaps):
        path = target if len(roadmaps) == 1 else target.with_stem(f"{target.stem}-{index + 1}")
        plan_calendar = regional_calendar(roadmap, calendar)
        events = events_for(roadmap, plan_calendar, schedule)
        if args.to == "xlsx":
            roadmap_io.write_xlsx(roadmap, path, plan_calendar, events)
        elif args.to == "csv":
            roadmap_io.write_csv(roadmap, path, plan_calendar, events)
        elif args.to == "ics":
            roadmap_io.write_ics(roadmap, path, plan_calendar, events)
        elif args.to == "html":
            roadmap_io.write_html(roadmap, path, plan_calendar, events)
        elif args.to == "docx":
            roadmap_io.write_docx(roadmap, path)
        elif args.to == "xlsx-table":
            roadmap_io.write_table_xlsx(roadmap, path)
        elif args.to == "csv-table":
            roadmap_io.write_table_csv(roadmap, path)
        else:
            roadmap_io.dump(roadmap, path, format="yaml" if args.to == "yaml" else "json")
        print(f"{path}: {roadmap.id} as {args.to}", file=out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
