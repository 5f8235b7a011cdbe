"""Consistency checks («проверки»): one small function per finding code, composed by :func:`check`.

``check(roadmap, calendar=…, events=…, parent=…, today=…)`` resolves every deadline once, builds
the :class:`~gia_roadmap.plan.graph.DependencyGraph`, schedules it
(:func:`~gia_roadmap.plan.scheduling.schedule`) and runs every registered check. Each check is a
function ``(CheckContext) -> Iterable[Finding]`` for one code, registered with
:func:`~gia_roadmap.plan.checks.registry.rule` in the module of its family:

* :mod:`~gia_roadmap.plan.checks.links` (GR1xx), :mod:`~gia_roadmap.plan.checks.deadlines` (GR2xx),
  :mod:`~gia_roadmap.plan.checks.regions` (GR212), :mod:`~gia_roadmap.plan.checks.parties` (GR3xx),
  :mod:`~gia_roadmap.plan.checks.abbreviations` (GR4xx), :mod:`~gia_roadmap.plan.checks.structure`
  (GR5xx), :mod:`~gia_roadmap.plan.checks.coverage` (GR6xx), :mod:`~gia_roadmap.plan.checks.progress`
  (GR7xx);
* :mod:`~gia_roadmap.plan.checks.context` (:class:`CheckContext`, shared by all) and
  :mod:`~gia_roadmap.plan.checks.options` (:class:`CheckOptions`).

The result is a :class:`~gia_roadmap.plan.findings.Report` — never printed, never raised. The codes,
their triggers and fixes are documented in ``docs/findings.md`` and
:data:`~gia_roadmap.plan.findings.CATALOGUE`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Sequence

import attrs

from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Location
from gia_roadmap.plan.checks import (
    abbreviations,
    coverage,
    deadlines,
    links,
    parties,
    progress,
    regions,
    structure,
)
from gia_roadmap.plan.checks.context import CheckContext, is_training
from gia_roadmap.plan.checks.options import STANDARD_TRAINED_CATEGORIES, CheckOptions
from gia_roadmap.plan.checks.registry import CheckFunction, registered
from gia_roadmap.plan.findings import Finding, Report, Suppression
from gia_roadmap.plan.graph import Link
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.plan.regions import regional_calendar

__all__ = [
    "CHECKS",
    "STANDARD_TRAINED_CATEGORIES",
    "CheckContext",
    "CheckOptions",
    "check",
    "is_training",
]

_FAMILIES = (abbreviations, coverage, deadlines, links, parties, progress, regions, structure)
"""The family modules: importing them registers their checks."""

CHECKS: tuple[tuple[str, CheckFunction], ...] = registered()
"""Every check, by the code it reports, in code order (collected from the ``@rule`` registry)."""


def _suppress(
    findings: list[Finding], suppressions: Sequence[Suppression], ctx: CheckContext
) -> list[Finding]:
    used: set[int] = set()
    out = []
    for finding in findings:
        for index, suppression in enumerate(suppressions):
            if suppression.matches(finding):
                used.add(index)
                finding = attrs.evolve(finding, suppressed=suppression)
                break
        out.append(finding)
    if ctx.options.enabled("GR801"):
        for index, suppression in enumerate(suppressions):
            if index not in used and (not suppression.plan or suppression.plan == ctx.roadmap.id):
                out.append(
                    ctx.finding(
                        "GR801",
                        f"the suppression of {suppression.code} for {suppression.measure or 'the plan'} "
                        f"(«{suppression.reason}») matched no finding",
                        Location(plan=suppression.plan or ctx.roadmap.id, measure=suppression.measure),
                        evidence=suppression.reason,
                    )
                )
    return out


def check(
    roadmap: Roadmap,
    *,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None = None,
    parent: Roadmap | None = None,
    today: dt.date | None = None,
    options: CheckOptions | None = None,
    links: Iterable[Link] = (),
) -> Report:
    """Check a roadmap and report what is inconsistent, missing or late.

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (a :class:`~gia_roadmap.calendar.RussianCalendar`); None
            skips the day-off check and counts lags in calendar days. A RussianCalendar without a region
            gets the plan's region (:func:`~gia_roadmap.plan.regions.regional_calendar`): its own
            non-working days count; GR212 says when they cannot, or only as estimates.
        events: exam events (``exam_events(ExamSchedule.bundled(…), calendar)``) for relative deadlines,
            the training-before-exams check and event nodes; None reports GR211 instead.
        parent: the parent plan, for the cascade checks (GR603, GR604).
        today: the day to judge overdue measures against (GR701 runs only with it).
        options: severities, codes to run, suppressions, thresholds (:class:`CheckOptions`).
        links: extra precedence links (for instance accepted suggestions).

    Returns:
        A :class:`~gia_roadmap.plan.findings.Report`, findings in catalogue order and, within a code,
        in document order. Nothing is printed or raised for what the plan contains.

    Note:
        Python's cyclic garbage collector is paused while the check runs (it is process-wide: other
        threads run without it for that time) and switched back on afterwards, also after an error;
        it is left alone when the caller had already turned it off. On a 100k-measure plan the
        collector would otherwise take about half the time; cyclic garbage made meanwhile is
        collected once the collector runs again.
    """
    calendar = regional_calendar(roadmap, calendar)
    with _collection_paused():
        ctx = CheckContext(
            roadmap,
            calendar=calendar,
            events=events,
            parent=parent,
            today=today,
            options=options,
            links=links,
        )
        findings: list[Finding] = []
        for code, function in CHECKS:
            if ctx.options.enabled(code):
                findings.extend(function(ctx))
        return Report(tuple(_suppress(findings, ctx.options.suppressions, ctx)))


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (and back on after, also on error).

    A check builds a few small objects per measure and link that all stay alive until it returns;
    on a large plan the collector would walk the whole plan again and again meanwhile (half the
    time of a 100 000-measure check) and find nothing to free. Reference counting still frees
    everything as usual. Left alone when the caller already turned the collector off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
