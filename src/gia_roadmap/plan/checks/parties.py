"""GR3xx: responsible parties (missing, unread, read only approximately)."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.plan.checks.context import (
    CheckContext,
    _label,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import (
    ProvenanceKind,
)
from gia_roadmap.plan.responsible import MatchQuality

# --------------------------------------------------------------------------------------------
# GR3xx: responsible parties
# --------------------------------------------------------------------------------------------


@rule("GR301")
def check_missing_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR301: no responsible party (group rows with sub-items are exempt)."""
    groups = ctx.with_children
    for item, responsible in zip(ctx.located, ctx.responsible_list, strict=True):
        if responsible or item.measure.responsible_raw.strip() or (groups and item.id in groups):
            continue
        if any(p.kind is ProvenanceKind.NOT_IN_LAYOUT for p in item.measure.provenance):
            continue  # the table has no responsible column: a valid plan, not a blank cell
        yield ctx.finding(
            "GR301",
            f"{_label(item)} «{_title(item)}» names no one responsible",
            ctx.location(item, "responsible"),
        )


@rule("GR302")
def check_unresolved_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR302: a responsible party no rule could read."""
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if not parties:
            continue
        seen: set[str] = set()
        for responsible in parties:
            if responsible.party is None and responsible.raw not in seen:
                seen.add(responsible.raw)
                note = f" ({responsible.note})" if responsible.note else ""
                yield ctx.finding(
                    "GR302",
                    f"cannot tell who «{responsible.raw}» in {_label(item)} is{note}",
                    ctx.location(item, "responsible"),
                    evidence=responsible.raw,
                )


@rule("GR303")
def check_approximate_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR303: a party read only partly, or through a typo rule."""
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if not parties:
            continue
        for responsible in parties:
            if responsible.party is not None and responsible.quality in (
                MatchQuality.FUZZY,
                MatchQuality.PARTIAL,
            ):
                note = f": {responsible.note}" if responsible.note else ""
                yield ctx.finding(
                    "GR303",
                    f"«{responsible.raw}» in {_label(item)} was read as {responsible.party} "
                    f"({responsible.quality.value}{note})",
                    ctx.location(item, "responsible"),
                    evidence=responsible.raw,
                )
