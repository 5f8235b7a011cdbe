"""A plan summary: how many measures per section, per responsible body and per month."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import attrs

from gia_roadmap.calendar.terms import EventDates, ResolveOptions, WorkingDayCalendar
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.plan.queries import resolve_measure

__all__ = ["PlanSummary", "summarize"]


@attrs.frozen
class PlanSummary:
    """Counts over one roadmap.

    Attributes:
        total: number of measures.
        by_section: (heading of the top-level section, count) in document order.
        by_body: (body short name, count), most measures first; a measure counts once per body.
        by_month: ((year, month), count) in calendar order; a measure counts once in every month
            one of its resolved windows touches.
        unresolved: measures whose term resolves to no window.
        unresolved_parties: responsible entries that could not be read.
    """

    total: int
    by_section: tuple[tuple[str, int], ...]
    by_body: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[tuple[int, int], int], ...]
    unresolved: int
    unresolved_parties: int


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def summarize(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> PlanSummary:
    """Counts by section, body and month (see :class:`PlanSummary`)."""
    sections: Counter[int] = Counter()
    bodies: Counter[str] = Counter()
    months: Counter[tuple[int, int]] = Counter()
    total = unresolved = unresolved_parties = 0
    for located in roadmap.walk():
        total += 1
        sections[located.id.section[0]] += 1
        names = set()
        for responsible in located.measure.all_responsible:
            body = responsible.body
            if body is not None:
                names.add(body.short)
            elif responsible.party is None:
                unresolved_parties += 1
        bodies.update(names)
        resolution = resolve_measure(roadmap, located.measure, calendar, events, options)
        if not resolution.windows:
            unresolved += 1
        touched = {m for w in resolution.windows for m in _months(w.start, w.end)}
        months.update(touched)
    by_section = tuple(
        (roadmap.sections[i].heading, sections[i]) for i in range(len(roadmap.sections)) if sections[i]
    )
    return PlanSummary(
        total=total,
        by_section=by_section,
        by_body=tuple(sorted(bodies.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_month=tuple(sorted(months.items())),
        unresolved=unresolved,
        unresolved_parties=unresolved_parties,
    )
