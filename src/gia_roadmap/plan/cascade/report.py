"""Checking a set of plans at once («проверка каскада»): :func:`check_plans` and its
:class:`CascadeReport`.

:func:`check_plans` runs, for a :class:`~gia_roadmap.plan.cascade.planset.PlanSet`:

* the checks of each plan on its own (:func:`gia_roadmap.plan.checks.check`, without a parent: what
  lies between a plan and its parent is the cascade's);
* the cascade checks of every (child, parent) pair (:mod:`~gia_roadmap.plan.cascade.checks`), each
  plan's deadlines resolved once for all the pairs it belongs to.

The :class:`CascadeReport` keeps both apart, with the reading notices of the set (a plan whose parent
could not be decided, a plan that cites none of its parent's items) apart from the findings, and
answers what the owner of a region's ГИА asks: findings per plan and per code, the plans with the
most errors, and the parent items that no plan below implements.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Language, Location, Problem, Severity
from gia_roadmap.plan.cascade.checks import PairContext, check_pair
from gia_roadmap.plan.cascade.linking import PlanLinks, obliges
from gia_roadmap.plan.cascade.planset import PlanSet
from gia_roadmap.plan.checks import check
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.options import CheckOptions
from gia_roadmap.plan.findings import Finding, Report
from gia_roadmap.plan.model import PlanLevel
from gia_roadmap.plan.regions import regional_calendar

__all__ = ["CascadeReport", "PlanRow", "UnimplementedItem", "check_plans"]


@attrs.frozen(slots=True)
class PlanRow:
    """One plan's line of the summary.

    Attributes:
        plan: the plan id.
        level: its level.
        parent: its parent's id, empty for a root.
        measures: how many measures it has.
        errors: its errors (its own and the cascade's, suppressed ones left out).
        warnings: its warnings.
        infos: its findings at info level.
        notices: the reading notices about it.
    """

    plan: str
    level: PlanLevel
    parent: str
    measures: int
    errors: int
    warnings: int
    infos: int
    notices: int


@attrs.frozen(slots=True)
class UnimplementedItem:
    """A parent item that obliges a level and that no plan of that level below the parent implements
    (every one of them has a GR611 for it).

    Attributes:
        plan: the parent plan's id.
        number: the item number.
        title: the item's title.
        plans: the child plans obliged to act on it.
    """

    plan: str
    number: str
    title: str
    plans: tuple[str, ...]


@attrs.frozen(slots=True)
class CascadeReport:
    """The result of :func:`check_plans`.

    Attributes:
        plans: the plan set checked.
        own: each plan's own report (:func:`gia_roadmap.plan.checks.check`), in the set's order; empty
            when the run skipped them.
        cascade: the cascade findings, pair by pair from the top down, by code within a pair.
        notices: what the run could not decide or read (never counted as findings).
        links: each child plan's links to its parent.
        unimplemented: the parent items no plan below implements.
    """

    plans: PlanSet
    own: tuple[tuple[str, Report], ...] = ()
    cascade: Report = attrs.field(factory=Report)
    notices: tuple[Problem, ...] = ()
    links: tuple[PlanLinks, ...] = ()
    unimplemented: tuple[UnimplementedItem, ...] = ()

    def findings(self) -> Iterator[Finding]:
        """Every finding: each plan's own, then the cascade's."""
        for _, report in self.own:
            yield from report
        yield from self.cascade

    def rows(self) -> tuple[PlanRow, ...]:
        """One summary row per plan, from the top down."""
        counts: dict[str, Counter[Severity]] = {plan.id: Counter() for plan in self.plans.plans}
        for finding in self.findings():
            if finding.active and finding.location.plan in counts:
                counts[finding.location.plan][finding.severity] += 1
        notices = Counter(n.location.plan for n in self.notices)
        rows = []
        for plan in self.plans:
            parent = self.plans.parent(plan.id)
            count = counts[plan.id]
            rows.append(
                PlanRow(
                    plan=plan.id,
                    level=plan.level,
                    parent="" if parent is None else parent.id,
                    measures=sum(1 for _ in plan.walk()),
                    errors=count[Severity.ERROR],
                    warnings=count[Severity.WARNING],
                    infos=count[Severity.INFO],
                    notices=notices[plan.id],
                )
            )
        return tuple(rows)

    def by_code(self) -> tuple[tuple[str, int], ...]:
        """Active findings per code, in code order."""
        counts = Counter(f.code for f in self.findings() if f.active)
        return tuple(sorted(counts.items()))

    def weakest(self, limit: int = 10) -> tuple[PlanRow, ...]:
        """The plans with the most errors, then warnings (ties in the set's order); plans with neither
        are left out."""
        rows = [r for r in self.rows() if r.errors or r.warnings]
        return tuple(sorted(rows, key=lambda r: (-r.errors, -r.warnings))[:limit])

    def to_text(self, lang: Language = "ru") -> str:
        """The summary for people: the plans with their parents and counts, the findings per code, the
        cascade findings, the unimplemented items and the reading notices."""
        words = _WORDS[lang]
        lines = [words["plans"].format(n=len(self.plans))]
        for row in self.rows():
            parent = f" ← {row.parent}" if row.parent else ""
            lines.append(
                f"  {row.plan} ({words[row.level.value]}){parent}: "
                + words["row"].format(m=row.measures, e=row.errors, w=row.warnings, i=row.infos)
            )
        codes = self.by_code()
        if codes:
            lines.append(words["codes"] + " " + ", ".join(f"{code} × {n}" for code, n in codes))
        weakest = self.weakest(5)
        if weakest:
            lines.append(
                words["weakest"] + " " + ", ".join(f"{r.plan} ({r.errors}/{r.warnings})" for r in weakest)
            )
        cascade = [f for f in self.cascade if f.active]
        lines.append(words["cascade"].format(n=len(cascade)))
        for finding in cascade:
            where = finding.location.describe(lang)
            lines.append(f"  {finding.severity.label(lang)} {finding.code} {where}: {finding.message}")
        if self.unimplemented:
            lines.append(words["unimplemented"])
            for item in self.unimplemented:
                lines.append(f"  {item.plan}, п. {item.number} «{item.title}»: {', '.join(item.plans)}")
        if self.notices:
            lines.append(words["notices"])
            lines.extend(f"  {notice.describe(lang)}" for notice in self.notices)
        return "\n".join(lines)

    def to_dict(self, lang: Language = "ru") -> dict[str, Any]:
        """A JSON-ready dict: the plans (rows), the counts per code, the cascade findings, the
        unimplemented items and the notices."""
        return {
            "plans": [{**attrs.asdict(row), "level": row.level.value} for row in self.rows()],
            "by_code": dict(self.by_code()),
            "cascade": [f.to_dict() for f in self.cascade],
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
    own: bool = True,
    lang: Language = "ru",
) -> CascadeReport:
    """Check every plan of ``plans`` on its own (unless ``own`` is False) and every (child, parent) pair
    with the cascade checks.

    Args:
        plans: the plan set (:meth:`PlanSet.build` infers the parents the caller does not give).
        calendar: the working-day calendar (each plan gets its region's days, as in
            :func:`~gia_roadmap.plan.checks.check`); None counts calendar days.
        events: exam events for relative deadlines (one school year's, shared by the set).
        today: the day to judge overdue measures against.
        options: severities, codes to run (cascade codes included), suppressions.
        own: also run each plan's own checks.
        lang: the language of the cascade messages and notices.

    Returns:
        A :class:`CascadeReport`; nothing is printed or raised for what the plans contain.
    """
    options = options or CheckOptions()
    contexts: dict[str, CheckContext] = {}

    def context(plan_id: str) -> CheckContext:
        held = contexts.get(plan_id)
        if held is None:
            plan = plans.get(plan_id)
            held = contexts[plan_id] = CheckContext(
                plan, calendar=regional_calendar(plan, calendar), events=events, today=today, options=options
            )
        return held

    reports: list[tuple[str, Report]] = []
    if own:
        for plan in plans:
            reports.append(
                (plan.id, check(plan, calendar=calendar, events=events, today=today, options=options))
            )
    findings: list[Finding] = []
    all_links: list[PlanLinks] = []
    notices: list[Problem] = list(plans.notices)
    missing: dict[tuple[str, str], list[str]] = {}
    for child, parent in plans.pairs():
        pair = PairContext.of(context(child.id), context(parent.id), lang=lang)
        all_links.append(pair.links)
        if not pair.links.explicit:
            notices.append(_no_links_notice(child.id, parent.id, lang))
        for finding in check_pair(pair):
            findings.append(finding)
            if finding.code == "GR611":
                for place in finding.related:
                    missing.setdefault((place.plan, place.measure), []).append(child.id)
    return CascadeReport(
        plans=plans,
        own=tuple(reports),
        cascade=Report(tuple(_suppressed(findings, options))),
        notices=tuple(notices),
        links=tuple(all_links),
        unimplemented=tuple(_unimplemented(plans, missing)),
    )


def _no_links_notice(child: str, parent: str, lang: Language) -> Problem:
    message = (
        f"План «{child}» не ссылается на пункты плана «{parent}»: соответствие пунктов проверено только "
        "по формулировкам"
        if lang == "ru"
        else f"«{child}» cites no item of «{parent}»: its items were matched by wording only"
    )
    return Problem(
        code="cascade-no-links", severity=Severity.INFO, location=Location(plan=child), message=message
    )


def _suppressed(findings: Iterable[Finding], options: CheckOptions) -> Iterator[Finding]:
    for finding in findings:
        rule = next((s for s in options.suppressions if s.matches(finding)), None)
        yield finding if rule is None else attrs.evolve(finding, suppressed=rule)


def _unimplemented(
    plans: PlanSet, missing: Mapping[tuple[str, str], list[str]]
) -> Iterator[UnimplementedItem]:
    """The parent items every obliged child plan misses (GR611 in each of them)."""
    for (plan_id, number), lacking in missing.items():
        parent = plans.get(plan_id)
        item = next(
            i for i in parent.walk() if i.measure.number.is_numbered and i.measure.number.canonical == number
        )
        obliged = [c.id for c in plans.children(plan_id) if obliges(item, c)]
        if obliged and set(obliged) <= set(lacking):
            yield UnimplementedItem(plan_id, number, " ".join(item.measure.title.split()), tuple(obliged))
