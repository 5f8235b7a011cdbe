"""GR2xx: deadlines (unread, missing, outside the period, impossible ranges, unordered lists, days off,
before adoption, stale years, a weekday that contradicts its date) and the reading notices about them
(events without dates, external schedules, no exam schedule)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    ByDate,
    DateList,
    DayList,
    DayRange,
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
    walk,
)
from gia_roadmap.calendar.terms.years import DayRef
from gia_roadmap.errors import CalendarCoverageError, Severity
from gia_roadmap.plan.checks.context import _EXTERNAL, CheckContext
from gia_roadmap.plan.checks.registry import FindingKind, rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized

_NOTICE = FindingKind.NOTICE


@rule("GR201", Severity.INFO, kind=_NOTICE)
def check_unparsed_terms(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: deadline text (or a part of it) that no rule of the grammar reads. The
    library's gap, not the document's: the measure's dates are simply not checked."""
    for position in ctx._holding(UnparsedTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, UnparsedTerm):
                yield ctx.finding(
                    "GR201",
                    ctx.location(item, "term"),
                    params={"text": leaf.text, "position": leaf.position, "reason": leaf.reason},
                    evidence=leaf.text,
                )


@rule("GR202", Severity.WARNING)
def check_missing_terms(ctx: CheckContext) -> Iterator[Finding]:
    """An empty deadline cell. A group row is exempt: a row with numbered sub-items, or a heading row
    ending with a colon («ГИА-9:») whose items follow it."""
    groups = ctx.group_rows
    for position in ctx._holding(MissingTerm):  # a MissingTerm is no container: its own only part
        item = ctx.located[position]
        if isinstance(item.measure.term, MissingTerm) and position not in groups:
            yield ctx.finding("GR202", ctx.location(item, "term"))


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


@rule("GR203", Severity.WARNING)
def check_outside_period(ctx: CheckContext) -> Iterator[Finding]:
    """A deadline reaching past the period the plan declares for itself. Stale years are GR208;
    open ends («с 01.09.2023») and continuous work reach nothing."""
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
                raw = item.measure.term.raw
                yield ctx.finding(
                    "GR203",
                    ctx.location(item, "term"),
                    params={"text": raw, "window": window, "period": period},
                    evidence=raw,
                )
                break


_RANGES = (MonthRange, SchoolYearTerm)


@rule("GR204", Severity.ERROR)
def check_inverted_ranges(ctx: CheckContext) -> Iterator[Finding]:
    """A range that ends before it starts («май – март 2024 года»). A range across New Year without a
    year on its start («сентябрь – май 2024 года») is read forward and is not reported."""
    for position in ctx._holding(PeriodList, MonthRange, SchoolYearTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            parts: Sequence[Term] = leaf.items if isinstance(leaf, PeriodList) else (leaf,)
            for part in parts:
                if not isinstance(part, _RANGES):
                    continue
                resolution = ctx._own_resolution(position, part)
                if resolution.status is ResolutionStatus.INVALID:
                    text = part.raw or leaf.raw
                    yield ctx.finding(
                        "GR204", ctx.location(item, "term"), params={"text": text}, evidence=text
                    )


_LISTS = (MonthList, DateList, PeriodList)


@rule("GR205", Severity.INFO)
def check_unordered_lists(ctx: CheckContext) -> Iterator[Finding]:
    """Dates or months of one list that are not in chronological order. Only worth a look: lists
    often follow the order of the sub-items they date."""
    for position in ctx._holding(*_LISTS):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _LISTS) and "chronology_violated" in leaf.flags:
                yield ctx.finding(
                    "GR205", ctx.location(item, "term"), params={"text": leaf.raw}, evidence=leaf.raw
                )


def _due_days(leaf: Term) -> Iterator[tuple[DayRef, Term]]:
    """The days a deadline part makes due, whatever form they are written in («до 16.03.2024», «16
    марта 2024 года», «22.04 (пт)», the end of «с 1 по 20 мая»), each with the part that writes it."""
    for part in walk(leaf):
        if isinstance(part, ExactDate | ByDate):
            if not isinstance(part, ByDate) or part.inclusive:
                yield part.day, part
        elif isinstance(part, DayRange):
            yield part.end, part


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).month != day.month


def _day_off_reason(calendar: object, day: dt.date) -> Localized:
    label_of = getattr(calendar, "get_holiday_label", None)
    label = label_of(day) if callable(label_of) else None
    if label and "перенес" in label:
        return Localized(f"выходной день ({label})", f"a day off ({label})")
    if label:
        return Localized(f"нерабочий праздничный день («{label}»)", f"a public holiday («{label}»)")
    return Localized("выходной день", "a day off")


def _member_days(ctx: CheckContext, position: int) -> set[dt.date]:
    """The days made due by the rows of the group row at ``position``: the rows after it in its section
    that are unnumbered or numbered deeper (its sub-items), up to the next row or group row of its own
    depth."""
    located, groups, school_year = ctx.located, ctx.group_rows, ctx.roadmap.school_year
    group = located[position]
    depth = group.measure.number.depth
    days: set[dt.date] = set()
    for member in range(position + 1, len(located)):
        item = located[member]
        number = item.measure.number
        if item.id.section != group.id.section:
            break
        if number.depth <= depth and (number.is_numbered or member in groups):
            break
        for leaf in ctx.leaves[member]:
            days.update(day for ref, _ in _due_days(leaf) if (day := ref.date(school_year)) is not None)
    return days


@rule("GR206", Severity.WARNING)
def check_days_off(ctx: CheckContext) -> Iterator[Finding]:
    """A deadline day that is not a working day by the plan's calendar, whatever form the date is
    written in: an exact date, «до DATE», a date with a month name, the end of a span of days. The
    plan's working week decides (a six-day calendar works on Saturdays). By Civil Code art. 193 such a
    deadline moves to the next working day, so it is ambiguous rather than void: a warning; the last
    day of a month («до 31.12.2023») is the usual way to say «by the end of the month» and is only
    info. One finding per measure and day, however often the day is written; a group row («по ГИА–9:»
    over its dash sub-items) that repeats a day one of its own rows makes due leaves the finding to that
    row, where the day is written beside its item. Spans of days are judged by their end only, and «не
    ранее DATE» is no deadline."""
    calendar = ctx.calendar
    if calendar is None:
        return
    school_year = ctx.roadmap.school_year
    groups = ctx.group_rows
    for position in ctx._holding(ExactDate, ByDate, DateList, DayList, DayRange):
        item = ctx.located[position]
        seen: set[dt.date] = _member_days(ctx, position) if position in groups else set()
        for leaf in ctx.leaves[position]:
            for ref, part in _due_days(leaf):
                day = ref.date(school_year)
                if day is None or day in seen:
                    continue
                seen.add(day)
                try:
                    working = calendar.is_working_day(day)
                except CalendarCoverageError:
                    continue
                if working:
                    continue
                text = part.raw or leaf.raw
                holiday = bool(getattr(calendar, "get_holiday_label", lambda _: None)(day))
                yield ctx.finding(
                    "GR206",
                    ctx.location(item, "term"),
                    params={"text": text, "day": day, "why": _day_off_reason(calendar, day)},
                    evidence=text,
                    severity=Severity.INFO if _month_end(day) and not holiday else None,
                )


@rule("GR207", Severity.WARNING)
def check_before_adoption(ctx: CheckContext) -> Iterator[Finding]:
    """A deadline written as dates or months that is entirely over before the plan was adopted
    («Сентябрь 2023 г.» in a plan adopted on 02.10.2023). A deadline with later occurrences still
    ahead («Сентябрь, март», «Август 2022 / Август 2023») is recurring work and is not reported; a
    stale year is GR208."""
    adoption = ctx.adoption
    if adoption is None:
        return
    start = ctx.frame_start
    limit = None if start is None else start - _STALE_MARGIN
    for item, pairs, resolution in zip(ctx.located, ctx.explicit_list, ctx.resolution_list, strict=True):
        if not pairs:
            continue
        windows = resolution.windows or tuple(window for _, window in pairs)
        if max(window.end for window in windows) >= adoption:
            continue
        leaf, window = max(pairs, key=lambda pair: pair[1].end)
        if start is not None and limit is not None and _stale(window.end, leaf, start, limit):
            continue
        raw = item.measure.term.raw
        yield ctx.finding(
            "GR207",
            ctx.location(item, "term"),
            params={"text": raw, "end": window.end, "adopted": adoption},
            evidence=raw,
        )


@rule("GR208", Severity.WARNING)
def check_stale_years(ctx: CheckContext) -> Iterator[Finding]:
    """A written year that puts a deadline before the plan's school year («январь 2023 года» in a
    2023/2024 plan). August before the school year is its preparation, not a stale year."""
    start = ctx.frame_start
    if start is None:
        return
    limit = start - _STALE_MARGIN
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if window.end < start and _stale(window.end, leaf, start, limit):
                yield ctx.finding(
                    "GR208",
                    ctx.location(item, "term"),
                    params={"text": leaf.raw, "window": window, "start": start},
                    evidence=leaf.raw,
                )
                break


def _event_leaves(leaves: Iterable[Term]) -> Iterator[Relative | ExamPeriod]:
    for leaf in leaves:
        if isinstance(leaf, Relative) or (isinstance(leaf, ExamPeriod) and leaf.phase is ExamPhase.CONDUCT):
            yield leaf


def _has_event_leaf(leaves: Iterable[Term]) -> bool:
    return any(True for _ in _event_leaves(leaves))


@rule("GR209", Severity.INFO, kind=_NOTICE)
def check_anchor_events(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: an exam schedule was given, but it has no dates for the event a deadline
    counts from (a school's admission decision, an event the library does not know)."""
    if not ctx.events:
        return
    unscheduled = ctx.unscheduled  # no schedule for the measure's exams: GR211 says so once
    for position in ctx._holding(Relative, ExamPeriod):
        if position in unscheduled:
            continue
        item = ctx.located[position]
        for leaf in _event_leaves(ctx.leaves[position]):
            resolution = ctx._own_resolution(position, leaf)
            if resolution.status is ResolutionStatus.NO_EVENT_DATES:
                yield ctx.finding(
                    "GR209",
                    ctx.location(item, "term"),
                    params={"text": leaf.raw, "event": resolution.reason},
                    evidence=leaf.raw,
                )
                break


@rule("GR210", Severity.INFO, kind=_NOTICE)
def check_external_schedules(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: the date is set by a schedule or plan not given here («по графику ФЦТ», «по
    отдельному плану», «по запросу»). The normal way federal and regional schedules are cited: not a
    defect, only dates the library could not check."""
    for position in ctx._holding(*_EXTERNAL):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _EXTERNAL):
                yield ctx.finding(
                    "GR210", ctx.location(item, "term"), params={"text": leaf.raw}, evidence=leaf.raw
                )
                break


@rule("GR211", Severity.INFO, kind=_NOTICE)
def check_schedule_supplied(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice, once per plan: deadlines count from exam days or periods, but no exam schedule
    was given (none is bundled for the plan's school year, or the caller passed none), or the schedule
    given has no day of the measures' exams (2026/27: only the admission tests are bundled)."""
    located, leaves = ctx.located, ctx.leaves
    if ctx.events:
        positions = sorted(ctx.unscheduled)
    else:
        positions = [p for p in ctx._holding(Relative, ExamPeriod) if _has_event_leaf(leaves[p])]
    if not positions:
        return
    items = [located[p] for p in positions]
    places = tuple(ctx.location(i) for i in items)
    notices = ctx.schedule_notices(positions)  # «нет расписания экзаменов на 2021/22 учебный год»
    missing = (
        Localized("; ".join(notices), "the library has no exam schedule for them in the plan's school year")
        if notices
        else Localized("расписания экзаменов на этот год нет", "there is no exam schedule for the year")
    )
    yield ctx.finding(
        "GR211",
        ctx.location(None, "term"),
        params={"count": len(items), "places": places, "missing": missing},
        related=[ctx.location(i, "term") for i in items],
        evidence=items[0].measure.term.raw,
    )


_WEEKDAY_NAMES = (
    ("понедельник", "Monday"),
    ("вторник", "Tuesday"),
    ("среда", "Wednesday"),
    ("четверг", "Thursday"),
    ("пятница", "Friday"),
    ("суббота", "Saturday"),
    ("воскресенье", "Sunday"),
)


@rule("GR214", Severity.ERROR)
def check_weekday_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """A weekday written beside a date that the date does not fall on («22.04.2024 (пт)»: a Monday).
    One of the two is wrong as written. A date without a year whose weekday picks the year is not
    reported: the weekday decided it."""
    for position in ctx._holding(ExactDate, ByDate, DateList, DayList, DayRange):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if "weekday_mismatch" not in leaf.flags:
                continue
            for part in walk(leaf):
                refs: tuple[DayRef, ...] = ()
                if isinstance(part, ExactDate | ByDate):
                    refs = (part.day,)
                elif isinstance(part, DayRange):
                    refs = (part.start, part.end)
                for ref in refs:
                    if ref.weekday is None or not ref.weekday_mismatch:
                        continue
                    day = ref.date()
                    if day is None:
                        continue
                    ru, en = _WEEKDAY_NAMES[ref.weekday]
                    text = part.raw or leaf.raw
                    yield ctx.finding(
                        "GR214",
                        ctx.location(item, "term"),
                        params={"text": text, "day": day, "written": Localized(ru, en)},
                        evidence=text,
                    )
