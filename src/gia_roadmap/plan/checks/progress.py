"""GR7xx: progress and load (overdue measures, a body's monthly load)."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import ResolutionStatus
from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import LocatedMeasure
from gia_roadmap.plan.queries import DueState, state_of


@rule("GR701", Severity.WARNING)
def check_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """The deadline has passed (as of ``today``; only when a day is given) and the measure is not
    marked done or cancelled. Continuous work is never overdue."""
    today = ctx.today
    if today is None:
        return
    for item, resolution in zip(ctx.located, ctx.resolution_list, strict=True):
        if state_of(resolution, item.measure, today) is DueState.OVERDUE:
            raw = item.measure.term.raw
            yield ctx.finding(
                "GR701",
                ctx.location(item, "status"),
                params={"text": raw, "due": resolution.due or today, "today": today},
                evidence=raw,
            )


_DEADLINE_DAYS = 31
"""A window of at most a month is a deadline falling due in its month; a longer one (a term, «в
течение учебного года», «сентябрь – ноябрь») is work spread over its months, due in none of them."""


def _due_month(window: DateWindow) -> tuple[int, int] | None:
    """The month a window falls due in, None for spread work."""
    if window.open_start or (window.end - window.start).days < _DEADLINE_DAYS:
        return window.end.year, window.end.month
    return None


@rule("GR702", Severity.INFO)
def check_load(ctx: CheckContext) -> Iterator[Finding]:
    """One responsible body with more deadlines falling due in one month than the threshold
    (``CheckOptions.load_threshold``). Only deadlines of a month or less («до 15.11.2023», «ноябрь
    2023 года») count, in the month they fall due; work spread over a longer window is due in no
    single month, and continuous work never is."""
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
            months = months_of[id(resolution)] = {
                due for w in resolution.windows if (due := _due_month(w)) is not None
            }
        for body in bodies:
            for due_year, due_month in months:
                where.setdefault((body, due_year, due_month), []).append(item)
    threshold = ctx.options.load_threshold
    for (body, year, month), items in sorted(where.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        count = len(items)
        if count > threshold:
            yield ctx.finding(
                "GR702",
                ctx.location(None, "responsible"),
                params={"body": body, "count": count, "month": f"{month:02d}.{year}", "threshold": threshold},
                related=[ctx.location(i, "term") for i in items],
                evidence=body,
            )
