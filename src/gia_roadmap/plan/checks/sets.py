"""Checking a set of plans at once («проверка каскада»): :func:`check_plans` and its
:class:`CascadeReport`.

:func:`check_plans` checks every plan of a :class:`~gia_roadmap.plan.cascade.planset.PlanSet` with
:func:`~gia_roadmap.plan.checks.check`, each with its parent from the set, so one run gives each plan's
own findings and the cascade's (:mod:`~gia_roadmap.plan.checks.cascade`: GR603, GR604, GR606–GR608).
The :class:`CascadeReport` keeps the reading notices of the set (a plan whose parent could not be
decided, a plan that cites none of its parent's items) apart from the findings, and answers what the
owner of a region's ГИА asks: findings per plan and per code, the plans with the most errors, and the
parent items no plan below implements.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs

from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import InvalidValueError, Language, Location, Problem, Severity
from gia_roadmap.plan.cascade.linking import PlanLinks, link_plans, obliges
from gia_roadmap.plan.cascade.planset import PlanSet
from gia_roadmap.plan.checks import check
from gia_roadmap.plan.checks.options import CheckOptions
from gia_roadmap.plan.findings import Finding, Report
from gia_roadmap.plan.model import PlanLevel, Roadmap

__all__ = ["CASCADE_CODES", "CascadeReport", "PlanRow", "UnimplementedItem", "check_plans"]

CASCADE_CODES: frozenset[str] = frozenset({"GR603", "GR604", "GR606", "GR607", "GR608"})
"""The codes of what lies between a plan and its parent (:mod:`~gia_roadmap.plan.checks.cascade`)."""


@attrs.frozen
class PlanRow:
    """One plan's line of the summary.

    Attributes:
        plan: the plan id.
        level: its level.
        parent: its parent's id, empty for a root.
        measures: how many measures it has.
        errors: its errors (its own and the cascade's; suppressed ones left out).
        warnings: its warnings.
        infos: its findings at info level.
        notices: its reading notices (the run's and the set's).
    """

    plan: str
    level: PlanLevel
    parent: str
    measures: int
    errors: int
    warnings: int
    infos: int
    notices: int


@attrs.frozen
class UnimplementedItem:
    """A parent item that obliges a level and that no plan of that level below the parent implements
    (every one of them has a GR603 for it).

    Attributes:
        plan: the parent plan's id.
        number: the item number.
        title: the item's title.
        plans: the plans obliged to act on it.
    """

    plan: str
    number: str
    title: str
    plans: tuple[str, ...]


@attrs.frozen
class CascadeReport:
    """The result of :func:`check_plans`.

    Attributes:
        plans: the plan set checked.
        reports: each plan's report (its findings, the cascade's against its parent, its reading
            notices), from the top down.
        notices: the reading notices of the set (``cascade-parent``: a parent not decided;
            ``cascade-no-links``: a plan citing none of its parent's items, matched by wording only).
        links: each plan's links to its parent.
        unimplemented: the parent items no plan below implements.
    """

    plans: PlanSet
    reports: tuple[tuple[str, Report], ...] = ()
    notices: tuple[Problem, ...] = ()
    links: tuple[PlanLinks, ...] = ()
    unimplemented: tuple[UnimplementedItem, ...] = ()

    def report(self, plan_id: str) -> Report:
        """The report of one plan.

        Raises:
            InvalidValueError: no plan of the set has that id.
        """
        self.plans.get(plan_id)
        return dict(self.reports)[plan_id]

    def findings(self) -> Iterator[Finding]:
        """Every finding of every plan, plan by plan from the top down."""
        for _, report in self.reports:
            yield from report

    @property
    def cascade(self) -> tuple[Finding, ...]:
        """The cascade's findings (:data:`CASCADE_CODES`), plan by plan from the top down."""
        return tuple(f for f in self.findings() if f.code in CASCADE_CODES)

    def rows(self) -> tuple[PlanRow, ...]:
        """One summary row per plan, from the top down."""
        set_notices = Counter(n.location.plan for n in self.notices)
        rows = []
        for plan_id, report in self.reports:
            plan = self.plans.get(plan_id)
            parent = self.plans.parent(plan_id)
            count = Counter(f.severity for f in report.active)
            rows.append(
                PlanRow(
                    plan=plan_id,
                    level=plan.level,
                    parent="" if parent is None else parent.id,
                    measures=sum(1 for _ in plan.walk()),
                    errors=count[Severity.ERROR],
                    warnings=count[Severity.WARNING],
                    infos=count[Severity.INFO],
                    notices=len(report.notices) + set_notices[plan_id],
                )
            )
        return tuple(rows)

    def by_code(self) -> tuple[tuple[str, int], ...]:
        """Active findings per code, in code order."""
        return tuple(sorted(Counter(f.code for f in self.findings() if f.active).items()))

    def weakest(self, limit: int = 10) -> tuple[PlanRow, ...]:
        """The plans with the most errors, then warnings (ties in the set's order); plans with neither
        are left out."""
        rows = [r for r in self.rows() if r.errors or r.warnings]
        return tuple(sorted(rows, key=lambda r: (-r.errors, -r.warnings))[:limit])

    def to_text(self, lang: Language = "ru") -> str:
        """The summary for people: the plans with their parents and counts, the findings per code, the
        plans with the most errors, the cascade's findings, the unimplemented items and the set's
        reading notices."""
        words = _WORDS[lang]
        lines = [words["plans"].format(n=len(self.plans))]
        for row in self.rows():
            parent = f" ← {row.parent}" if row.parent else ""
            counts = words["row"].format(m=row.measures, e=row.errors, w=row.warnings, i=row.infos)
            lines.append(f"  {row.plan} ({words[row.level.value]}){parent}: {counts}")
        codes = self.by_code()
        if codes:
            lines.append(words["codes"] + " " + ", ".join(f"{code} × {n}" for code, n in codes))
        weakest = self.weakest(5)
        if weakest:
            worst = ", ".join(f"{r.plan} ({r.errors}/{r.warnings})" for r in weakest)
            lines.append(f"{words['weakest']} {worst}")
        cascade = [f for f in self.cascade if f.active]
        lines.append(words["cascade"].format(n=len(cascade)))
        lines.extend(f"  {finding.to_text(lang)}" for finding in cascade)
        if self.unimplemented:
            lines.append(words["unimplemented"])
            for item in self.unimplemented:
                lines.append(f"  {item.plan}, п. {item.number} «{item.title}»: {', '.join(item.plans)}")
        if self.notices:
            lines.append(words["notices"])
            lines.extend(f"  {notice.describe(lang)}" for notice in self.notices)
        return "\n".join(lines)

    def to_dict(self, lang: Language = "ru") -> dict[str, Any]:
        """A JSON-ready dict: the plans (rows), the counts per code, the cascade's findings, the
        unimplemented items and the set's notices."""
        return {
            "plans": [{**attrs.asdict(row), "level": row.level.value} for row in self.rows()],
            "by_code": dict(self.by_code()),
            "cascade": [f.to_dict(lang) for f in self.cascade],
            "unimplemented": [attrs.asdict(item) for item in self.unimplemented],
            "notices": [n.to_dict() for n in self.notices],
            "lang": lang,
        }


_WORDS: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "plans": "Планов: {n}",
        "row": "мероприятий {m}, ошибок {e}, предупреждений {w}, сведений {i}",
        "regional": "региональный",
        "municipal": "муниципальный",
        "school": "образовательная организация",
        "federal": "федеральный",
        "codes": "Замечания по кодам:",
        "weakest": "Больше всего ошибок (ошибки/предупреждения):",
        "cascade": "Замечания каскада: {n}",
        "unimplemented": "Пункты, которые не реализует ни один план нижестоящего уровня:",
        "notices": "Уведомления о чтении:",
    },
    "en": {
        "plans": "Plans: {n}",
        "row": "{m} measures, {e} errors, {w} warnings, {i} infos",
        "regional": "regional",
        "municipal": "municipal",
        "school": "school",
        "federal": "federal",
        "codes": "Findings per code:",
        "weakest": "Most errors (errors/warnings):",
        "cascade": "Cascade findings: {n}",
        "unimplemented": "Items no plan of the level below implements:",
        "notices": "Reading notices:",
    },
}


def check_plans(
    plans: PlanSet,
    *,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None = None,
    today: dt.date | None = None,
    options: CheckOptions | None = None,
    cascade_only: bool = False,
    lang: Language | None = None,
    jobs: int = 1,
    progress: Callable[[str], None] | None = None,
) -> CascadeReport:
    """Check every plan of ``plans`` with its parent from the set.

    Args:
        plans: the plan set (:meth:`~gia_roadmap.plan.cascade.planset.PlanSet.build` infers the
            parents the caller does not give).
        calendar: the working-day calendar (each plan gets its region's days, as in
            :func:`~gia_roadmap.plan.checks.check`); None counts calendar days.
        events: exam events for relative deadlines (one school year's, shared by the set).
        today: the day to judge overdue measures against.
        options: severities, codes to run, suppressions, language.
        cascade_only: run only the cascade's codes (:data:`CASCADE_CODES`), not each plan's own.
        lang: the language of the messages and notices; overrides ``options.lang``.
        jobs: how many processes check the plans (1: this one). The report is the same whatever the
            number: the plans are checked independently and their reports kept in the set's order.
            The processes are started fresh («spawn»), so a script that asks for more than one calls
            this under ``if __name__ == "__main__":``, as Python's multiprocessing requires.
        progress: called with each plan's id once it is checked (a progress bar's hook).

    Returns:
        A :class:`CascadeReport`; nothing is printed or raised for what the plans contain.

    Raises:
        InvalidValueError: ``jobs`` is not a positive number.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise InvalidValueError(f"jobs must be a positive whole number of processes, got {jobs!r}")
    options = options or CheckOptions()
    if lang is not None:
        options = attrs.evolve(options, lang=lang)
    if cascade_only:
        chosen = CASCADE_CODES if options.select is None else CASCADE_CODES & options.select
        options = attrs.evolve(options, select=chosen)
    ordered = list(plans)
    tasks = [(plan, plans.parent(plan.id), calendar, events, today, options) for plan in ordered]
    reports: list[tuple[str, Report]] = []
    if jobs == 1 or len(tasks) < 2:
        results: Iterable[Report] = map(_check_one, tasks)
        for plan, report in zip(ordered, results, strict=True):
            reports.append((plan.id, report))
            if progress is not None:
                progress(plan.id)
    else:
        context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool:
            chunk = max(1, len(tasks) // (jobs * 8))
            for plan, report in zip(ordered, pool.map(_check_one, tasks, chunksize=chunk), strict=True):
                reports.append((plan.id, report))
                if progress is not None:
                    progress(plan.id)
    links: list[PlanLinks] = []
    notices: list[Problem] = list(plans.notices)
    for plan, (_, parent, *_rest) in zip(ordered, tasks, strict=True):
        if parent is not None:
            plan_links = link_plans(plan, parent, suggest=False)
            links.append(plan_links)
            if not plan_links.explicit:
                notices.append(_no_links(plan.id, parent.id, options.lang))
    return CascadeReport(
        plans=plans,
        reports=tuple(reports),
        notices=tuple(notices),
        links=tuple(links),
        unimplemented=tuple(_unimplemented(plans, reports)),
    )


_Task = tuple[
    Roadmap,
    "Roadmap | None",
    "WorkingDayCalendar | None",
    "EventDates | None",
    "dt.date | None",
    CheckOptions,
]


def _check_one(task: _Task) -> Report:
    """One plan checked with its parent (a module-level function: the process pool pickles it)."""
    plan, parent, calendar, events, today, options = task
    return check(plan, calendar=calendar, events=events, parent=parent, today=today, options=options)


def _no_links(child: str, parent: str, lang: Language) -> Problem:
    message = (
        f"План «{child}» не ссылается на пункты плана «{parent}»: соответствие пунктов проверено только "
        "по формулировкам"
        if lang == "ru"
        else f"«{child}» cites no item of «{parent}»: its items were matched by wording only"
    )
    return Problem(
        code="cascade-no-links", severity=Severity.INFO, location=Location(plan=child), message=message
    )


def _unimplemented(plans: PlanSet, reports: list[tuple[str, Report]]) -> Iterator[UnimplementedItem]:
    """The parent items every obliged plan below misses (a GR603 in each of them), in parent order."""
    lacking: dict[tuple[str, str], set[str]] = {}
    for plan_id, report in reports:
        for finding in report.active:
            if finding.code == "GR603":
                for place in finding.related:
                    lacking.setdefault((place.plan, place.measure), set()).add(plan_id)
    for parent in plans:
        children = plans.children(parent.id)
        for item in parent.walk():
            number = item.measure.number.canonical
            missing = lacking.get((parent.id, number))
            if not missing:
                continue
            obliged = [c.id for c in children if obliges(item, c)]
            if obliged and set(obliged) <= missing:
                yield UnimplementedItem(
                    parent.id, number, " ".join(item.measure.title.split()), tuple(obliged)
                )
