"""GR1xx: the dependency graph and its schedule (cycles, precedence, lags, dangling and suggested links)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from gia_roadmap.errors import Location, Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.graph import EventNode, SuggestedLink
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.model import MeasureId
from gia_roadmap.plan.scheduling import ViolationKind
from gia_roadmap.text import plural_form


@rule("GR101", Severity.ERROR)
def check_cycles(ctx: CheckContext) -> Iterator[Finding]:
    """Measures that depend on each other in a cycle, reported once with the whole path (each cycle
    once, at its first measure). Only declared, term and accepted links count; links the wording
    merely suggests (GR105) never make a cycle."""
    for cycle in ctx.schedule.cycles:
        first = next((n for n in cycle if not isinstance(n, EventNode)), cycle[0])
        yield ctx.finding(
            "GR101",
            _with_field(ctx.node_location(first), "dependencies"),
            params={"path": tuple(ctx.node_ref(n) for n in (*cycle, cycle[0]))},
            related=[ctx.node_location(n) for n in cycle],
        )


def _with_field(location: Location, field: str) -> Location:
    return attrs.evolve(location, field=field)


def _lag(days: int, working: bool) -> Localized:
    unit_ru = (
        plural_form(days, "рабочий день", "рабочих дня", "рабочих дней")
        if working
        else plural_form(days, "календарный день", "календарных дня", "календарных дней")
    )
    unit_en = f"{'working' if working else 'calendar'} day{'s' if days != 1 else ''}"
    return Localized(f"{days} {unit_ru}", f"{days} {unit_en}")


def _violations(ctx: CheckContext, kind: ViolationKind, code: str) -> Iterator[Finding]:
    for violation in ctx.schedule.violations:
        if violation.kind is not kind:
            continue
        link = violation.link
        successor = ctx.node_location(link.successor)
        yield ctx.finding(
            code,
            _with_field(successor, "term"),
            params={
                "due": violation.due,
                "predecessor": ctx.node_ref(link.predecessor),
                "required": violation.required,
                "lag": _lag(link.lag, link.working_days),
            },
            related=[ctx.node_location(link.predecessor)],
            evidence=link.evidence,
        )


@rule("GR102", Severity.ERROR)
def check_precedence(ctx: CheckContext) -> Iterator[Finding]:
    """A measure due before a measure it depends on can finish (a lag of 0 already fails). Only
    declared and accepted links count; continuous and unread deadlines constrain nothing."""
    return _violations(ctx, ViolationKind.PRECEDENCE, "GR102")


@rule("GR103", Severity.WARNING)
def check_lags(ctx: CheckContext) -> Iterator[Finding]:
    """The order of two linked measures is right, but their dates leave less time than the link's
    lag («не позднее чем за 5 рабочих дней до …»)."""
    return _violations(ctx, ViolationKind.LAG, "GR103")


@rule("GR104", Severity.ERROR)
def check_dangling_links(ctx: CheckContext) -> Iterator[Finding]:
    """A declared dependency on a measure number that the plan does not have."""
    for dangling in ctx.graph.dangling:
        item = ctx.by_id[dangling.successor]
        yield ctx.finding(
            "GR104",
            ctx.location(item, "dependencies"),
            params={"number": dangling.ref.number, "text": dangling.dependency.raw},
            evidence=dangling.dependency.raw,
        )


def _undeclared(ctx: CheckContext) -> Iterator[tuple[SuggestedLink, MeasureId, MeasureId]]:
    """The suggested links between two measures of this plan that are not declared: (suggestion,
    successor, predecessor)."""
    if not ctx.options.suggest:
        return
    graph = ctx.graph
    for suggestion in ctx.suggestions:
        successor, predecessor = suggestion.successor, suggestion.predecessor
        if not isinstance(successor, MeasureId) or not isinstance(predecessor, MeasureId):
            continue  # «по итогам ГИА-2023», «по мере поступления …»: a basis outside the plan
        if successor not in ctx.by_id or predecessor not in ctx.by_id:
            continue
        if graph.has_link(predecessor, successor):
            continue
        yield suggestion, successor, predecessor


@rule("GR105", Severity.INFO)
def check_suggested_links(ctx: CheckContext) -> Iterator[Finding]:
    """The wording («по итогам», «с учетом результатов», «на основе анализа») points to another
    measure of the plan as the one this measure follows, and no dependency is declared (it is never
    added silently). A marker naming something outside the plan («по итогам ГИА-2023», «по мере
    поступления региональной ДК») is a basis, not a missing link, and is not reported."""
    for suggestion, successor, predecessor in _undeclared(ctx):
        yield ctx.finding(
            "GR105",
            ctx.location(ctx.by_id[successor], suggestion.field),
            params={"marker": suggestion.marker, "predecessor": ctx.node_ref(predecessor)},
            related=[ctx.node_location(predecessor)],
            evidence=suggestion.evidence,
        )


@rule("GR106", Severity.WARNING)
def check_review_before_work(ctx: CheckContext) -> Iterator[Finding]:
    """A measure done «по итогам» (after) another measure of the plan is due before that measure's
    own window is over: the report on a training due in April while the training runs to May. Both
    deadlines must be written as dates or months; a link the document declares is judged by GR102."""
    windows = ctx.windows
    for suggestion, successor, predecessor in _undeclared(ctx):
        own, before = windows.get(successor), windows.get(predecessor)
        if own is None or before is None or own.open_end or before.open_end:
            continue
        if before.end > own.end and before.start <= own.end:
            yield ctx.finding(
                "GR106",
                ctx.location(ctx.by_id[successor], "term"),
                params={
                    "marker": suggestion.marker,
                    "due": own.end,
                    "predecessor": ctx.node_ref(predecessor),
                    "end": before.end,
                },
                related=[_with_field(ctx.node_location(predecessor), "term")],
                evidence=suggestion.evidence,
            )
