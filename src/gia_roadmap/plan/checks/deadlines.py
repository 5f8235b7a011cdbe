"""GR2xx: deadlines (unread, missing, outside the period, impossible ranges, unordered lists, days off,
before adoption, stale years, events without dates, external schedules)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    ByDate,
    DateList,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    MissingTerm,
    MonthList,
    MonthRange,
    PeriodList,
    Relative,
    ResolutionStatus,
    SchoolYearTerm,
    Term,
    UnparsedTerm,
)
from gia_roadmap.errors import CalendarCoverageError
from gia_roadmap.plan.checks.context import (
    _EXTERNAL,
    CheckContext,
    _label,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding

# --------------------------------------------------------------------------------------------
# GR2xx: deadlines
# --------------------------------------------------------------------------------------------


@rule("GR201")
def check_unparsed_terms(ctx: CheckContext) -> Iterator[Finding]:
    """GR201: deadline text (or a part of it) no rule could read."""
    for position in ctx._holding(UnparsedTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, UnparsedTerm):
                yield ctx.finding(
                    "GR201",
                    f"cannot read the deadline «{leaf.text}» of {_label(item)} "
                    f"(at {leaf.position}: {leaf.reason})",
                    ctx.location(item, "term"),
                    evidence=leaf.text,
                )


@rule("GR202")
def check_missing_terms(ctx: CheckContext) -> Iterator[Finding]:
    """GR202: an empty deadline cell (group rows with sub-items are exempt)."""
    groups = ctx.with_children
    for position in ctx._holding(MissingTerm):  # a MissingTerm is no container: its own only part
        item = ctx.located[position]
        if isinstance(item.measure.term, MissingTerm) and not (groups and item.id in groups):
            yield ctx.finding(
                "GR202",
                f"{_label(item)} «{_title(item)}» has no deadline",
                ctx.location(item, "term"),
            )


_STALE_MARGIN = dt.timedelta(days=31)


def _is_stale(ctx: CheckContext, window: DateWindow, leaf: Term | None = None) -> bool:
    """The window ends more than a month before the plan's school year starts (August before a
    school year is its preparation, not a stale year), or ``leaf`` names an earlier school year
    («2022-2023 уч. г.» in a 2023/2024 plan)."""
    start = ctx.frame_start
    if start is None:
        return False
    return _stale(window.end, leaf, start, start - _STALE_MARGIN)


def _stale(end: dt.date, leaf: Term | None, start: dt.date, limit: dt.date) -> bool:
    """:func:`_is_stale` of a window ending on ``end``, for a plan whose frame starts on ``start``
    (``limit``: a month before)."""
    return end < limit or (end < start and isinstance(leaf, SchoolYearTerm) and leaf.explicit)


@rule("GR203")
def check_outside_period(ctx: CheckContext) -> Iterator[Finding]:
    """GR203: a window reaching past the plan's declared period (stale years are GR208)."""
    period = ctx.roadmap.period
    if period is None:
        return
    start = ctx.frame_start
    limit = None if start is None else start - _STALE_MARGIN
    for item, resolution in zip(ctx.located, ctx.resolution_list, strict=True):
        if resolution.status is ResolutionStatus.CONTINUOUS:
            continue
        for window in resolution.windows:
            if limit is not None and window.end < limit:  # stale (_is_stale without a part): GR208
                continue
            late = window.end > period.end and not window.open_end
            early = window.start < period.start and not window.open_start
            if late or early:
                yield ctx.finding(
                    "GR203",
                    f"the deadline «{item.measure.term.raw}» of {_label(item)} gives {window}, outside the "
                    f"plan period {period.start}..{period.end}",
                    ctx.location(item, "term"),
                    evidence=item.measure.term.raw,
                )
                break


_RANGES = (MonthRange, SchoolYearTerm)


@rule("GR204")
def check_inverted_ranges(ctx: CheckContext) -> Iterator[Finding]:
    """GR204: a range that ends before it starts («май – март 2024»)."""
    for position in ctx._holding(PeriodList, MonthRange, SchoolYearTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            parts: Sequence[Term] = leaf.items if isinstance(leaf, PeriodList) else (leaf,)
            for part in parts:
                if not isinstance(part, _RANGES):
                    continue
                resolution = ctx._own_resolution(position, part)
                if resolution.status is ResolutionStatus.INVALID:
                    yield ctx.finding(
                        "GR204",
                        f"the range «{part.raw or leaf.raw}» of {_label(item)} is impossible: "
                        f"{resolution.reason}",
                        ctx.location(item, "term"),
                        evidence=part.raw or leaf.raw,
                    )


_LISTS = (MonthList, DateList, PeriodList)


@rule("GR205")
def check_unordered_lists(ctx: CheckContext) -> Iterator[Finding]:
    """GR205: dates or months of a list that are not in chronological order."""
    for position in ctx._holding(*_LISTS):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _LISTS) and "chronology_violated" in leaf.flags:
                yield ctx.finding(
                    "GR205",
                    f"the list «{leaf.raw}» of {_label(item)} is not in chronological order",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )


@rule("GR206")
def check_days_off(ctx: CheckContext) -> Iterator[Finding]:
    """GR206: an exact date or a «до DATE» deadline on a weekend or public holiday."""
    calendar = ctx.calendar
    if calendar is None:
        return
    for position in ctx._holding(ExactDate, ByDate, DateList):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, ExactDate | ByDate):
                refs = [leaf.day]
            elif isinstance(leaf, DateList):
                refs = [i.day for i in leaf.items]
            else:
                continue
            for ref in refs:
                day = ref.date(ctx.roadmap.school_year)
                if day is None:
                    continue
                try:
                    working = calendar.is_working_day(day)
                except CalendarCoverageError:
                    continue
                if not working:
                    yield ctx.finding(
                        "GR206",
                        f"the deadline «{leaf.raw}» of {_label(item)} falls on {day.isoformat()}, "
                        f"a {day.strftime('%A')} off work",
                        ctx.location(item, "term"),
                        evidence=leaf.raw,
                    )


@rule("GR207")
def check_before_adoption(ctx: CheckContext) -> Iterator[Finding]:
    """GR207: a written date that ends before the plan was adopted (and is not a stale year)."""
    adoption = ctx.adoption
    if adoption is None:
        return
    start = ctx.frame_start
    limit = None if start is None else start - _STALE_MARGIN
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if window.end < adoption and not (
                start is not None and limit is not None and _stale(window.end, leaf, start, limit)
            ):
                yield ctx.finding(
                    "GR207",
                    f"the deadline «{leaf.raw}» of {_label(item)} ends on {window.end}, before the plan was "
                    f"adopted on {adoption}",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


@rule("GR208")
def check_stale_years(ctx: CheckContext) -> Iterator[Finding]:
    """GR208: a written year that puts a deadline before the plan's school year."""
    start = ctx.frame_start
    if start is None:
        return
    limit = start - _STALE_MARGIN
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if window.end < start and _stale(window.end, leaf, start, limit):
                yield ctx.finding(
                    "GR208",
                    f"the deadline «{leaf.raw}» of {_label(item)} resolves to {window}, before the plan's "
                    f"school year starts on {start}; the year looks stale",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def _event_leaves(leaves: Iterable[Term]) -> Iterator[Relative | ExamPeriod]:
    for leaf in leaves:
        if isinstance(leaf, Relative) or (isinstance(leaf, ExamPeriod) and leaf.phase is ExamPhase.CONDUCT):
            yield leaf


def _has_event_leaf(leaves: Iterable[Term]) -> bool:
    return any(
        isinstance(leaf, Relative) or (isinstance(leaf, ExamPeriod) and leaf.phase is ExamPhase.CONDUCT)
        for leaf in leaves
    )


@rule("GR209")
def check_anchor_events(ctx: CheckContext) -> Iterator[Finding]:
    """GR209: a schedule was given but has no dates for the event a deadline counts from."""
    if ctx.events is None:
        return
    for position in ctx._holding(Relative, ExamPeriod):
        item = ctx.located[position]
        for leaf in _event_leaves(ctx.leaves[position]):
            resolution = ctx._own_resolution(position, leaf)
            if resolution.status is ResolutionStatus.NO_EVENT_DATES:
                yield ctx.finding(
                    "GR209",
                    f"the deadline «{leaf.raw}» of {_label(item)} counts from an event with no dates in the "
                    f"schedule given ({resolution.reason})",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


@rule("GR210")
def check_external_schedules(ctx: CheckContext) -> Iterator[Finding]:
    """GR210: the date is set by an external schedule, a separate plan or a request."""
    for position in ctx._holding(*_EXTERNAL):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _EXTERNAL):
                yield ctx.finding(
                    "GR210",
                    f"the deadline «{leaf.raw}» of {_label(item)} depends on a schedule or plan "
                    "not given here",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


@rule("GR211")
def check_schedule_supplied(ctx: CheckContext) -> Iterator[Finding]:
    """GR211: deadlines count from exam events but no exam schedule was given (one finding per plan)."""
    if ctx.events is not None:
        return
    located, leaves = ctx.located, ctx.leaves
    items = [located[p] for p in ctx._holding(Relative, ExamPeriod) if _has_event_leaf(leaves[p])]
    if not items:
        return
    numbers = ", ".join(_label(i) for i in items[:8]) + (" …" if len(items) > 8 else "")
    yield ctx.finding(
        "GR211",
        f"{len(items)} deadlines count from exam days or periods ({numbers}) but no exam schedule was given; "
        "pass events=exam_events(ExamSchedule.bundled(…), calendar)",
        ctx.location(None, "term"),
        related=[ctx.location(i, "term") for i in items],
        evidence=items[0].measure.term.raw,
    )
