"""GR1xx: the dependency graph and its schedule (cycles, precedence, lags, dangling and suggested links)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from gia_roadmap.errors import Location
from gia_roadmap.plan.checks.context import (
    CheckContext,
    _label,
    _node_text,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.graph import (
    EventNode,
)
from gia_roadmap.plan.model import (
    MeasureId,
)
from gia_roadmap.plan.scheduling import ViolationKind

# --------------------------------------------------------------------------------------------
# GR1xx: graph and scheduling
# --------------------------------------------------------------------------------------------


@rule("GR101")
def check_cycles(ctx: CheckContext) -> Iterator[Finding]:
    """GR101: every dependency cycle, reported once with its full path."""
    for cycle in ctx.schedule.cycles:
        path = " → ".join(_node_text(ctx, n) for n in (*cycle, cycle[0]))
        first = next((n for n in cycle if not isinstance(n, EventNode)), cycle[0])
        yield ctx.finding(
            "GR101",
            f"dependency cycle: {path}",
            _with_field(ctx.node_location(first), "dependencies"),
            related=[ctx.node_location(n) for n in cycle],
        )


def _with_field(location: Location, field: str) -> Location:
    return attrs.evolve(location, field=field)


def _violations(ctx: CheckContext, kind: ViolationKind, code: str) -> Iterator[Finding]:
    for violation in ctx.schedule.violations:
        if violation.kind is not kind:
            continue
        link = violation.link
        unit = "working days" if link.working_days else "calendar days"
        what = "start" if link.kind.value in ("FS", "SS") else "finish"
        lag = f" with a lag of {link.lag} {unit}" if link.lag else ""
        if kind is ViolationKind.PRECEDENCE:
            message = (
                f"{_node_text(ctx, link.successor)} is due by {violation.due} but depends "
                f"({link.kind.value}{lag}) on {_node_text(ctx, link.predecessor)}, which lets it {what} "
                f"no earlier than {violation.required}"
            )
        else:
            message = (
                f"{_node_text(ctx, link.successor)} is due by {violation.due}; the {link.kind.value} link "
                f"from {_node_text(ctx, link.predecessor)}{lag} needs it to {what} no earlier than "
                f"{violation.required} ({violation.shortfall} {unit} short)"
            )
        successor = ctx.node_location(link.successor)
        yield ctx.finding(
            code,
            message,
            _with_field(successor, "term"),
            related=[ctx.node_location(link.predecessor)],
            evidence=link.evidence,
        )


@rule("GR102")
def check_precedence(ctx: CheckContext) -> Iterator[Finding]:
    """GR102: a measure due before a measure it depends on can finish (lag 0 already fails)."""
    return _violations(ctx, ViolationKind.PRECEDENCE, "GR102")


@rule("GR103")
def check_lags(ctx: CheckContext) -> Iterator[Finding]:
    """GR103: the order is right, but the dates leave less time than the link's lag."""
    return _violations(ctx, ViolationKind.LAG, "GR103")


@rule("GR104")
def check_dangling_links(ctx: CheckContext) -> Iterator[Finding]:
    """GR104: a declared dependency on a measure that does not exist."""
    for dangling in ctx.graph.dangling:
        item = ctx.by_id[dangling.successor]
        ref = dangling.ref
        yield ctx.finding(
            "GR104",
            f"{_label(item)} «{_title(item, 50)}» depends on measure {ref.number} "
            f"(section {'.'.join(map(str, ref.section)) or 'any'}), which does not exist",
            ctx.location(item, "dependencies"),
            evidence=dangling.dependency.raw,
        )


@rule("GR105")
def check_suggested_links(ctx: CheckContext) -> Iterator[Finding]:
    """GR105: the wording suggests a dependency that is not declared (never added silently)."""
    if not ctx.options.suggest:
        return
    graph = ctx.graph
    for suggestion in ctx.suggestions:
        holder = (
            suggestion.successor if isinstance(suggestion.successor, MeasureId) else suggestion.predecessor
        )
        if suggestion.predecessor is not None and graph._has_edge(
            suggestion.predecessor, suggestion.successor
        ):
            continue
        if not isinstance(holder, MeasureId) or holder not in ctx.by_id:
            continue
        item = ctx.by_id[holder]
        if suggestion.predecessor is None:
            message = (
                f"«{suggestion.marker}» in {_label(item)}: the measure waits for something outside the plan"
            )
            related: list[Location] = []
        else:
            message = (
                f"«{suggestion.marker}» suggests {_node_text(ctx, suggestion.successor)} depends on "
                f"{_node_text(ctx, suggestion.predecessor)} (match {suggestion.score:.2f}); declare the "
                "link if it is meant"
            )
            related = [ctx.node_location(suggestion.predecessor)]
        yield ctx.finding(
            "GR105",
            message,
            ctx.location(item, suggestion.field),
            related=related,
            evidence=suggestion.evidence,
        )
