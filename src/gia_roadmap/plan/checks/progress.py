"""GR7xx: progress and load (overdue measures, a body's monthly load)."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.calendar.terms import (
    ResolutionStatus,
)
from gia_roadmap.plan.checks.context import (
    CheckContext,
    _label,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import (
    LocatedMeasure,
)
from gia_roadmap.plan.queries import DueState, state_of

# --------------------------------------------------------------------------------------------
# GR7xx: progress and load
# --------------------------------------------------------------------------------------------


@rule("GR701")
def check_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """GR701: the deadline has passed (against ``today``) and the measure is not done or cancelled."""
    today = ctx.today
    if today is None:
        return
    for item, resolution in zip(ctx.located, ctx.resolution_list, strict=True):
        if state_of(resolution, item.measure, today) is DueState.OVERDUE:
            yield ctx.finding(
                "GR701",
                f"{_label(item)} «{_title(item, 60)}» was due by {resolution.due} "
                f"(«{item.measure.term.raw}») "
                f"and is not marked done on {today}",
                ctx.location(item, "status"),
                evidence=item.measure.term.raw,
            )


@rule("GR702")
def check_load(ctx: CheckContext) -> Iterator[Finding]:
    """GR702: one responsible body with more deadlines in one month than the threshold."""
    # per (body, year, month), the measures due then (each once): their number is the count
    where: dict[tuple[str, int, int], list[LocatedMeasure]] = {}
    # plans repeat parties and deadlines: each tuple of parties and each resolution read once
    bodies_of: dict[int, set[str]] = {}
    months_of: dict[int, set[tuple[int, int]]] = {}
    continuous = ResolutionStatus.CONTINUOUS
    for item, resolution, parties in zip(ctx.located, ctx.resolution_list, ctx.responsible_list, strict=True):
        if not parties or resolution.status is continuous:
            continue
        bodies = bodies_of.get(id(parties))  # the lists hold every tuple and resolution alive meanwhile
        if bodies is None:
            bodies = bodies_of[id(parties)] = {r.body.short for r in parties if r.body is not None}
        if not bodies:
            continue
        months = months_of.get(id(resolution))
        if months is None:
            months = months_of[id(resolution)] = {(w.end.year, w.end.month) for w in resolution.windows}
        for body in bodies:
            for year, month in months:
                where.setdefault((body, year, month), []).append(item)
    threshold = ctx.options.load_threshold
    for (body, year, month), items in sorted(where.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        count = len(items)
        if count > threshold:
            yield ctx.finding(
                "GR702",
                f"«{body}» has {count} deadlines in {year}-{month:02d} (threshold {threshold})",
                ctx.location(None, "responsible"),
                related=[ctx.location(i, "term") for i in items],
                evidence=body,
            )
