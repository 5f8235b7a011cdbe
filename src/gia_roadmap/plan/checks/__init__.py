"""Consistency checks («проверки»): one small function per finding code, composed by :func:`check`.

``check(roadmap, calendar=…, events=…, parent=…, today=…)`` resolves every deadline once, builds
the :class:`~gia_roadmap.plan.graph.DependencyGraph`, schedules it
(:func:`~gia_roadmap.plan.scheduling.schedule`) and runs every registered check. Each check is a
function ``(CheckContext) -> Iterable[Finding]`` for one code, registered with
:func:`~gia_roadmap.plan.checks.registry.rule` in the module of its family:

* :mod:`~gia_roadmap.plan.checks.links` (GR1xx), :mod:`~gia_roadmap.plan.checks.deadlines` (GR2xx),
  :mod:`~gia_roadmap.plan.checks.regions` (GR212),
  :mod:`~gia_roadmap.plan.checks.fixed_dates` (GR215),
  :mod:`~gia_roadmap.plan.checks.title_years` (GR216), :mod:`~gia_roadmap.plan.checks.parties` (GR3xx),
  :mod:`~gia_roadmap.plan.checks.abbreviations` (GR401, GR402),
  :mod:`~gia_roadmap.plan.checks.spelling` (GR403), :mod:`~gia_roadmap.plan.checks.structure`
  (GR5xx), :mod:`~gia_roadmap.plan.checks.coverage` (GR6xx), :mod:`~gia_roadmap.plan.checks.progress`
  (GR7xx);
* :mod:`~gia_roadmap.plan.checks.context` (:class:`CheckContext`, shared by all) and
  :mod:`~gia_roadmap.plan.checks.options` (:class:`CheckOptions`).

The result is a :class:`~gia_roadmap.plan.findings.Report` — never printed, never raised — that keeps
the *findings* (what is wrong in the document, worst first) apart from the *reading notices* (what the
library could not read or check). The registry is the single source of the catalogue
(:data:`CATALOGUE`); ``docs/findings.md`` is generated from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Language, Location, Severity
from gia_roadmap.plan.checks import (
    abbreviations,
    cascade,
    coverage,
    deadlines,
    fixed_dates,
    links,
    parties,
    progress,
    regions,
    spelling,
    structure,
    title_years,
)
from gia_roadmap.plan.checks.context import CheckContext, is_training
from gia_roadmap.plan.checks.options import STANDARD_TRAINED_CATEGORIES, CheckOptions
from gia_roadmap.plan.checks.registry import (
    CheckFunction,
    CodeInfo,
    FindingKind,
    catalogue,
    kind_of,
    registered,
    rule,
)
from gia_roadmap.plan.findings import Finding, Report, Suppression
from gia_roadmap.plan.graph import Link
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.plan.regions import regional_calendar

__all__ = [
    "CATALOGUE",
    "CHECKS",
    "STANDARD_TRAINED_CATEGORIES",
    "CheckContext",
    "CheckOptions",
    "CodeInfo",
    "FindingKind",
    "check",
    "is_training",
]

_FAMILIES = (
    abbreviations,
    cascade,
    coverage,
    deadlines,
    fixed_dates,
    links,
    parties,
    progress,
    regions,
    spelling,
    structure,
    title_years,
)
"""The family modules: importing them registers their checks."""


@rule("GR801", Severity.INFO, kind=FindingKind.NOTICE)
def check_unused_suppressions(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice about the run: a suppression (``CheckOptions.suppressions``) that matched no
    finding, most often a renumbered item. Runs after every other check."""
    for suppression in ctx.unused_suppressions:
        yield ctx.finding(
            "GR801",
            Location(plan=suppression.plan or ctx.roadmap.id, measure=suppression.measure),
            params={
                "code": suppression.code,
                "target": f"п. {suppression.measure}" if suppression.measure else ctx.roadmap.id,
                "reason": suppression.reason,
            },
            evidence=suppression.reason,
        )


CHECKS: tuple[tuple[str, CheckFunction], ...] = tuple((r.code, r.function) for r in registered())
"""Every check, by the code it reports, in code order (collected from the ``@rule`` registry)."""

CATALOGUE: Mapping[str, CodeInfo] = catalogue()
"""Every code with its name, default severity, kind (finding or reading notice), Russian title and what
it catches (the check's docstring); texts in both languages come from :mod:`gia_roadmap.plan.messages`."""


def _mark_suppressed(findings: list[Finding], ctx: CheckContext) -> list[Finding]:
    """The findings with their suppressions marked; the suppressions that matched none are kept on the
    context for GR801."""
    suppressions: Sequence[Suppression] = ctx.options.suppressions
    used: set[int] = set()
    out = []
    for finding in findings:
        for index, suppression in enumerate(suppressions):
            if suppression.matches(finding):
                used.add(index)
                finding = attrs.evolve(finding, suppressed=suppression)
                break
        out.append(finding)
    ctx.unused_suppressions = tuple(
        s
        for index, s in enumerate(suppressions)
        if index not in used and (not s.plan or s.plan == ctx.roadmap.id)
    )
    return out


def _merged(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per problem: the same code, place, message and evidence reported twice become one,
    with the other places of both."""
    out: dict[tuple[Any, ...], Finding] = {}
    for finding in findings:
        key = (finding.code, finding.location, finding.message, finding.evidence)
        held = out.get(key)
        if held is None:
            out[key] = finding
            continue
        extra = tuple(r for r in finding.related if r not in held.related)
        if extra:
            out[key] = attrs.evolve(held, related=(*held.related, *extra))
    return list(out.values())


def _plan_years(roadmap: Roadmap) -> set[int]:
    years: set[int] = set()
    if roadmap.school_year is not None:
        years.update((roadmap.school_year.start_year, roadmap.school_year.start_year + 1))
    if roadmap.period is not None:
        years.update(range(roadmap.period.start.year, roadmap.period.end.year + 1))
    return years


def _covering(roadmap: Roadmap, calendar: Any) -> tuple[Any, tuple[int, ...]]:
    """``calendar``, or its rules-only twin when the plan's years lie outside its official data, with
    the years whose days off are then estimated (GR213)."""
    official = getattr(calendar, "official_years", None)
    with_region = getattr(calendar, "with_region", None)
    if official is None or with_region is None:
        return calendar, ()
    first, last = official
    outside = tuple(sorted(y for y in _plan_years(roadmap) if not first <= y <= last))
    if not outside:
        return calendar, ()
    if not getattr(calendar, "rules_only", False):
        calendar = with_region(getattr(calendar, "region", None), rules_only=True)
    return calendar, outside


def _severity_order(finding: Finding) -> tuple[Any, ...]:
    return (-finding.severity.rank, finding.location.sort_key(), finding.code)


def check(
    roadmap: Roadmap,
    *,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None = None,
    parent: Roadmap | None = None,
    today: dt.date | None = None,
    options: CheckOptions | None = None,
    links: Iterable[Link] = (),
    lang: Language | None = None,
) -> Report:
    """Check a roadmap: what is wrong in it (findings) and what could not be read (reading notices).

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (a :class:`~gia_roadmap.calendar.RussianCalendar`, whose
            working week is the plan's: a six-day calendar works on Saturdays); None skips the day-off
            check and counts lags in calendar days. A RussianCalendar without a region gets the plan's
            region (:func:`~gia_roadmap.plan.regions.regional_calendar`); one whose official data does
            not cover the plan's years is replaced by its rules-only twin, and GR213 says so.
        events: exam events (``exam_events(ExamSchedule.bundled(…), calendar)``) for relative deadlines,
            the measures that must precede the exams and event nodes; None (or empty) reports GR211.
        parent: the parent plan, for the cascade checks (GR603, GR604, GR606–GR608;
            :func:`~gia_roadmap.plan.checks.sets.check_plans` checks a whole set of plans).
        today: the day to judge overdue measures against (GR701 runs only with it).
        options: severities, codes to run, suppressions, thresholds, language (:class:`CheckOptions`).
        links: extra precedence links (for instance accepted suggestions).
        lang: the language of the messages, ``"ru"`` (the default) or ``"en"``; overrides
            ``options.lang``.

    Returns:
        A :class:`~gia_roadmap.plan.findings.Report`: the findings worst first (errors, warnings,
        info) and in document order within each severity, one per problem with all its places; the
        reading notices apart, in document order. Nothing is printed or raised for what the plan
        contains, and nothing process-wide is changed.
    """
    options = options or CheckOptions()
    if lang is not None:
        options = attrs.evolve(options, lang=lang)
    calendar = regional_calendar(roadmap, calendar)
    calendar, estimated = _covering(roadmap, calendar)
    ctx = CheckContext(
        roadmap,
        calendar=calendar,
        events=events,
        parent=parent,
        today=today,
        options=options,
        links=links,
    )
    ctx.estimated_calendar_years = estimated
    entries: list[Finding] = []
    marked = False
    for code, function in CHECKS:
        if code.startswith("GR8") and not marked:  # the run's own notices come after every finding
            entries = _mark_suppressed(_merged(entries), ctx)
            marked = True
        if options.enabled(code):
            entries.extend(function(ctx))
    if not marked:  # pragma: no cover - GR801 is always registered
        entries = _mark_suppressed(_merged(entries), ctx)
    findings = [f for f in entries if kind_of(f.code) is FindingKind.FINDING]
    notices = [f for f in entries if kind_of(f.code) is FindingKind.NOTICE]
    return Report(
        tuple(sorted(findings, key=_severity_order)),
        notices=tuple(sorted(notices, key=lambda f: (f.location.sort_key(), f.code))),
    )
