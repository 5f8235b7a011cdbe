"""Exam events: the exam days of a schedule and what the timelines derive from them, dated and scoped.

An :class:`~gia_roadmap.calendar.schedule.ExamSchedule` is a record of exam days; the federal timelines
(:mod:`~gia_roadmap.calendar.timelines`) say what follows each day. This module puts the two together:
:func:`exam_events` gives an :class:`ExamEvents` collection, one :class:`ExamEvent` per dated event,
each carrying its exam kind, period, stage, whether it is a reserve day, its subjects, and its
confidence and sources.

An :class:`ExamEvents` collection is also the anchor → dates mapping that ``Term.resolve(calendar,
events)`` and ``check(…, events=…)`` take, and :meth:`ExamEvents.filter` narrows it to a scope
(:class:`EventScope`: exam kinds, stages, reserve days, subjects):

>>> from gia_roadmap.calendar import Anchor, ExamKind, ExamSchedule, RussianCalendar, exam_events
>>> events = exam_events(ExamSchedule.bundled(2024), RussianCalendar())
>>> ege = events.filter(exams={ExamKind.EGE})
>>> ege[Anchor.EXAM_DAY][0]
datetime.date(2025, 3, 21)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamKind, ExamStage, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.schedule import (
    Confidence,
    ExamDay,
    ExamSchedule,
    PeriodWindow,
    bundled_school_years,
)
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import Resolution, ResolveOptions, TermLike, WorkingDayCalendar
from gia_roadmap.calendar.timeline_data import federal_timelines
from gia_roadmap.calendar.timelines import (
    DerivedDate,
    DerivedEvents,
    JointAssessment,
    Timeline,
    TimelineEvent,
)
from gia_roadmap.errors import DateTypeError

__all__ = [
    "EventScope",
    "ExamDayResolution",
    "ExamEvent",
    "ExamEvents",
    "derive",
    "exam_events",
    "exam_events_for",
    "resolve_per_exam_day",
]

EventDate = dt.date | DateWindow


def _subjects(value: Iterable[Subject]) -> tuple[Subject, ...]:
    return tuple(value)


def _sources(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _events(value: Iterable[ExamEvent]) -> tuple[ExamEvent, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ExamEvent:
    """One dated event of the exam campaign: an exam day, a period, or a step derived from an exam day.

    Attributes:
        anchor: the event relative deadlines count from (:attr:`Anchor.EXAM_DAY`, :attr:`Anchor.MAIN_PERIOD`,
            :attr:`Anchor.GEK_RESULTS_APPROVAL` …).
        when: the day, or the window of a period.
        exam: the exam kind (ЕГЭ, ОГЭ, ГВЭ-9, ГВЭ-11, итоговое сочинение, итоговое собеседование).
        stage: the stage of the campaign (досрочный, основной, дополнительный), None for admission tests.
        period: the period of the exam day it comes from; None for a period window (several periods).
        subjects: the specific subjects it holds for; empty when it holds for every subject of the exam
            (period windows, days whose subjects are not known).
        confidence: the weaker of the exam day's confidence and the timeline rule's.
        sources: source keys of the exam day (and of the rule that derived the event).
        rule: the key of the timeline rule that derived it, empty for exam days and periods.
    """

    anchor: Anchor
    when: EventDate
    exam: ExamKind
    stage: ExamStage | None
    period: PeriodKind | None = None
    subjects: tuple[Subject, ...] = attrs.field(default=(), converter=_subjects)
    confidence: Confidence
    sources: tuple[str, ...] = attrs.field(default=(), converter=_sources)
    rule: str = ""

    @property
    def reserve(self) -> bool:
        """True for events of a reserve day (резервный день)."""
        return self.period is not None and self.period.is_reserve

    @property
    def start(self) -> dt.date:
        """The first day of the event."""
        return self.when.start if isinstance(self.when, DateWindow) else self.when

    def label(self) -> str:
        """A short Russian label: «ЕГЭ, основной период: 2025-06-16»."""
        period = (
            self.period.russian if self.period is not None else (self.stage.russian if self.stage else "")
        )
        return (
            f"{self.exam.russian}, {period}: {self.when}" if period else f"{self.exam.russian}: {self.when}"
        )


M = TypeVar("M", ExamKind, ExamStage, Subject)


def _members(value: Iterable[M] | M | None, kind: type[M], field: str) -> frozenset[M] | None:
    if value is None:
        return None
    items: frozenset[object] = frozenset([value]) if isinstance(value, kind) else frozenset(value)  # type: ignore[arg-type]
    for item in items:
        if not isinstance(item, kind):
            raise DateTypeError(f"{field}: expected {kind.__name__} members, got {item!r}")
    return frozenset(items)  # type: ignore[arg-type]


def _exam_kinds(value: Iterable[ExamKind] | ExamKind | None) -> frozenset[ExamKind] | None:
    return _members(value, ExamKind, "exams")


def _stages(value: Iterable[ExamStage] | ExamStage | None) -> frozenset[ExamStage] | None:
    return _members(value, ExamStage, "stages")


def _subject_set(value: Iterable[Subject] | Subject | None) -> frozenset[Subject] | None:
    return _members(value, Subject, "subjects")


@attrs.frozen(kw_only=True)
class EventScope:
    """Which events a deadline may count from. ``None`` means "any".

    Attributes:
        exams: the exam kinds.
        stages: the stages of the campaign.
        reserve: True for reserve days only, False for main days only (period windows match either).
        subjects: the subjects; an event matches when it holds for any of them (a general subject such
            as :attr:`Subject.MATHEMATICS` stands for its parts), and events that hold for every subject
            match any subject.
    """

    exams: frozenset[ExamKind] | None = attrs.field(default=None, converter=_exam_kinds)
    stages: frozenset[ExamStage] | None = attrs.field(default=None, converter=_stages)
    reserve: bool | None = None
    subjects: frozenset[Subject] | None = attrs.field(default=None, converter=_subject_set)

    def matches(self, event: ExamEvent) -> bool:
        """True when ``event`` is in this scope."""
        if self.exams is not None and event.exam not in self.exams:
            return False
        if self.stages is not None and event.stage not in self.stages:
            return False
        if self.reserve is not None and event.period is not None and event.reserve is not self.reserve:
            return False
        if self.subjects is not None and event.subjects:
            wanted = {part for s in self.subjects for part in s.parts}
            return any(s in wanted for s in event.subjects)
        return True

    @property
    def is_everything(self) -> bool:
        """True when the scope narrows nothing."""
        return self.exams is None and self.stages is None and self.reserve is None and self.subjects is None


def _group(events: Iterable[ExamEvent]) -> dict[Anchor, tuple[EventDate, ...]]:
    pooled: dict[Anchor, set[EventDate]] = {}
    for event in events:
        pooled.setdefault(event.anchor, set()).add(event.when)
    return {
        anchor: tuple(sorted(values, key=_sort_key))
        for anchor, values in sorted(pooled.items(), key=lambda kv: _ANCHOR_ORDER[kv[0]])
    }


_ANCHOR_ORDER = {anchor: i for i, anchor in enumerate(Anchor)}


def _sort_key(value: EventDate) -> tuple[dt.date, dt.date, str]:
    if isinstance(value, DateWindow):
        return (value.start, value.end, value.label)
    return (value, value, "")


@attrs.frozen
class ExamEvents(Mapping[Anchor, tuple[EventDate, ...]]):
    """Dated exam events, filterable by scope, and the anchor → dates mapping ``Term.resolve`` takes.

    As a mapping, each anchor gives its dates sorted, each once: ``events[Anchor.EXAM_DAY]``. Period
    anchors give windows. :attr:`Anchor.EXAM_PERIOD` holds every stage window and
    :attr:`Anchor.EXAM_PERIOD_START` their first days; :attr:`Anchor.EXAM_START` the exam days.

    Attributes:
        events: the events, in date order.
        school_year: the school year of the schedule they come from, None when unknown.
        uncovered: the school year no schedule covers, when that is why there are no events
            (:func:`exam_events_for`); its :attr:`notice` says so.
        scheduled: the (exam kind, stage) pairs of the exams of the ГИА the source schedule has days for
            (:func:`exam_events` fills it in); None when not known (events put together by hand).
        gap: set by :meth:`filter`: the notice that the schedule has no day of the exams (and stages) of
            the scope at all («нет расписания ОГЭ и ГВЭ-9 на 2026/27 учебный год»), else empty.
    """

    events: tuple[ExamEvent, ...] = attrs.field(converter=_events)
    school_year: SchoolYear | None = None
    uncovered: SchoolYear | None = None
    # what the source schedule holds and what a filter found missing: knowledge about the data, not
    # part of which events these are (equal collections of events compare equal)
    scheduled: frozenset[tuple[ExamKind, ExamStage]] | None = attrs.field(
        default=None, kw_only=True, eq=False
    )
    gap: str = attrs.field(default="", kw_only=True, eq=False)
    _by_anchor: dict[Anchor, tuple[EventDate, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_anchor", _group(self.events))

    def __getitem__(self, anchor: Anchor) -> tuple[EventDate, ...]:
        return self._by_anchor[anchor]

    def __iter__(self) -> Iterator[Anchor]:
        return iter(self._by_anchor)

    def __len__(self) -> int:
        return len(self._by_anchor)

    def filter(
        self,
        scope: EventScope | None = None,
        *,
        exams: Iterable[ExamKind] | ExamKind | None = None,
        stages: Iterable[ExamStage] | ExamStage | None = None,
        reserve: bool | None = None,
        subjects: Iterable[Subject] | Subject | None = None,
    ) -> ExamEvents:
        """The events in ``scope`` (or in the scope the keywords give; both may be given and both apply).

        When the source schedule has no day of the scope's exams of the ГИА in the scope's stages at all
        (the year's ЕГЭ and ОГЭ are not published yet, or its additional period is not bundled), the
        result says so in its :attr:`notice`; a scope whose subjects have no day is not a gap.
        """
        given = EventScope(exams=exams, stages=stages, reserve=reserve, subjects=subjects)
        kept = tuple(e for e in self.events if given.matches(e) and (scope is None or scope.matches(e)))
        return ExamEvents(
            kept,
            school_year=self.school_year,
            uncovered=self.uncovered,
            scheduled=self.scheduled,
            gap=self._gap(kept, (given,) if scope is None else (given, scope)) or self.gap,
        )

    def _gap(self, kept: Sequence[ExamEvent], scopes: Sequence[EventScope]) -> str:
        """The notice for events ``kept`` by ``scopes`` when the schedule has no day of their exams."""
        if self.scheduled is None or self.school_year is None:
            return ""
        kinds = set(_GIA_KINDS)
        stages = set(ExamStage)
        narrowed = False
        for scope in scopes:
            if scope.exams is not None:
                kinds &= scope.exams
            if scope.stages is not None:
                stages &= scope.stages
                narrowed = True
        if not kinds or not stages or any(e.anchor is Anchor.EXAM_DAY for e in kept):
            return ""
        if any((kind, stage) in self.scheduled for kind in kinds for stage in stages):
            return ""  # the exams have days: the subjects or reserve days of the scope have none
        ordered = [k for k in ExamKind if k in kinds]
        what = "экзаменов" if len(ordered) == len(_GIA_KINDS) else _and([k.short for k in ordered])
        if narrowed:
            what += f" ({_and([s.russian for s in ExamStage if s in stages])})"
        return f"нет расписания {what} на {_short_year(self.school_year)} учебный год"

    @property
    def notice(self) -> str:
        """Why there are no exam days to count from, as a notice about the library's data (not about a
        document): «нет расписания экзаменов на 2021/22 учебный год» when no schedule covers the school
        year, «нет расписания ОГЭ и ГВЭ-9 на 2026/27 учебный год» when the events were filtered to exams
        the year's schedule has no day for (:meth:`filter`); else empty."""
        if self.uncovered is None:
            return self.gap
        return f"нет расписания экзаменов на {_short_year(self.uncovered)} учебный год"

    @property
    def exams(self) -> tuple[ExamKind, ...]:
        """The exam kinds with at least one event, in enum order."""
        present = {e.exam for e in self.events}
        return tuple(k for k in ExamKind if k in present)

    def of(self, anchor: Anchor) -> tuple[ExamEvent, ...]:
        """The events of one anchor, in date order."""
        return tuple(e for e in self.events if e.anchor is anchor)


# --------------------------------------------------------------------------------------------
# Deriving the events of every exam day
# --------------------------------------------------------------------------------------------


def _joint_start(
    schedule: ExamSchedule, day: ExamDay, subject: Subject, joint: Sequence[JointAssessment]
) -> dt.date:
    for group in joint:
        if day.exam in group.exams and subject in group.subjects:
            days = [
                d.date
                for d in schedule.days
                if d.exam is day.exam
                and d.period is day.period
                and any(s in group.subjects for s in d.subjects)
            ]
            return max([day.date, *days])
    return day.date


def _chain(
    timeline: Timeline, day: ExamDay, subject: Subject | None, start: dt.date, calendar: WorkingDayCalendar
) -> tuple[DerivedDate, ...]:
    known: dict[TimelineEvent, dt.date] = {TimelineEvent.EXAM_DAY: day.date}
    out: list[DerivedDate] = []
    progressed = True
    done: set[TimelineEvent] = set()
    while progressed:
        progressed = False
        for rule in timeline.rules:
            if rule.event in done:
                continue
            if timeline.rule_for(rule.event, day, subject) is not rule:
                continue
            after = timeline.base_event(rule, day, subject)
            if after is None or after not in known:
                continue
            base = known[after]
            if after is TimelineEvent.EXAM_DAY and rule.event is TimelineEvent.PROCESSING_DONE:
                base = start  # jointly assessed parts start from the last part
            window = rule.window(calendar, base)
            known[rule.event] = window.end
            done.add(rule.event)
            out.append(DerivedDate(event=rule.event, window=window, rule=rule, base=base))
            progressed = True
    order = {e: i for i, e in enumerate(TimelineEvent)}
    return tuple(sorted(out, key=lambda d: (order[d.event], d.due)))


def derive(
    schedule: ExamSchedule,
    calendar: WorkingDayCalendar,
    *,
    timelines: Sequence[Timeline] | None = None,
) -> tuple[DerivedEvents, ...]:
    """The derived events of every visible exam day of ``schedule``, per group of subjects.

    Subjects of a day whose chains give the same dates form one group; «по всем учебным предметам»
    is expanded into the subjects of the exam kind first, and so is a day whose subjects are not
    known (``subjects_confirmed`` false and none listed, e.g. the ЕГЭ 2026 retake days).

    Raises:
        CalendarCoverageError: a date falls outside the calendar's covered years.
    """
    rules = tuple(timelines) if timelines is not None else federal_timelines()
    out: list[DerivedEvents] = []
    for day in schedule.days:
        for timeline in rules:
            if not any(day.exam in r.applies.exams for r in timeline.rules):
                continue
            subjects: Sequence[Subject | None] = day.specific_subjects or (None,)
            if not day.specific_subjects and not day.subjects_confirmed and exam_subjects(day.exam):
                subjects = exam_subjects(day.exam)  # any subject may be on this day
            groups: dict[tuple[dt.date, tuple[DerivedDate, ...]], list[Subject]] = {}
            for subject in subjects:
                start = day.date if subject is None else _joint_start(schedule, day, subject, timeline.joint)
                chain = _chain(timeline, day, subject, start, calendar)
                members = groups.setdefault((start, chain), [])
                if subject is not None:
                    members.append(subject)
            for (start, chain), members in groups.items():
                if chain:
                    out.append(DerivedEvents(day=day, subjects=tuple(members), start=start, dates=chain))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Building the events of a schedule
# --------------------------------------------------------------------------------------------

_CONFIDENCE_ORDER = (
    Confidence.A,
    Confidence.A_STAR,
    Confidence.B,
    Confidence.C,
    Confidence.UNCONFIRMED,
)


def _weaker(a: Confidence, b: Confidence) -> Confidence:
    return a if _CONFIDENCE_ORDER.index(a) >= _CONFIDENCE_ORDER.index(b) else b


_DAY_ANCHORS = {
    ExamKind.FINAL_ESSAY: (Anchor.ESSAY_DAY,),
    ExamKind.FINAL_INTERVIEW: (Anchor.INTERVIEW_DAY,),
}
"""The anchors of an exam day by kind: «экзамен» is never the итоговое сочинение or собеседование."""
_EXAM_ANCHORS = (Anchor.EXAM_DAY, Anchor.EXAM_START)


def _day_events(day: ExamDay) -> list[ExamEvent]:
    return [
        ExamEvent(
            anchor=anchor,
            when=day.date,
            exam=day.exam,
            stage=day.stage,
            period=day.period,
            subjects=day.specific_subjects,
            confidence=day.confidence,
            sources=day.sources,
        )
        for anchor in _DAY_ANCHORS.get(day.exam, _EXAM_ANCHORS)
    ]


def _stage_events(schedule: ExamSchedule) -> list[ExamEvent]:
    out: list[ExamEvent] = []
    for (exam, stage), window in schedule.stage_windows().items():
        rows: list[ExamDay | PeriodWindow] = [
            *(d for d in schedule.days if d.exam is exam and d.stage is stage),
            *(w for w in schedule.windows if w.exam is exam and stage in w.stages),
        ]
        confidence = Confidence.A
        for row in rows:
            confidence = _weaker(confidence, row.confidence)
        sources = tuple(dict.fromkeys(key for row in rows for key in row.sources))
        for anchor, when in (
            (stage.anchor, window),
            (Anchor.EXAM_PERIOD, window),
            (Anchor.EXAM_PERIOD_START, window.start),
            (Anchor.EXAM_PERIOD_END, window.end),
        ):
            out.append(
                ExamEvent(
                    anchor=anchor, when=when, exam=exam, stage=stage, confidence=confidence, sources=sources
                )
            )
    return out


def _derived(found: DerivedEvents) -> list[ExamEvent]:
    day = found.day

    def event(
        anchor: Anchor, when: dt.date, confidence: Confidence, sources: Sequence[str], rule: str
    ) -> ExamEvent:
        return ExamEvent(
            anchor=anchor,
            when=when,
            exam=day.exam,
            stage=day.stage,
            period=day.period,
            subjects=found.subjects,
            confidence=confidence,
            sources=tuple(dict.fromkeys((*day.sources, *sources))),
            rule=rule,
        )

    out: list[ExamEvent] = []
    if not day.exam.is_admission_test:  # the admission tests have no conflict commission
        out.append(event(Anchor.AK_WORK_START, day.date, day.confidence, (), ""))
    for derived in found.dates:
        rule = derived.rule
        if rule is None:
            continue
        confidence = _weaker(day.confidence, rule.confidence)
        out.extend(
            event(anchor, derived.due, confidence, rule.sources, rule.key)
            for anchor in derived.event.anchors
            if anchor is not Anchor.EXAM_DAY
        )
    return out


def exam_events(
    schedule: ExamSchedule,
    calendar: WorkingDayCalendar | None = None,
    *,
    timelines: Sequence[Timeline] | None = None,
) -> ExamEvents:
    """The dated events of the visible days and windows of ``schedule``.

    * :attr:`Anchor.EXAM_DAY` and :attr:`Anchor.EXAM_START`: every exam day of ЕГЭ, ОГЭ and ГВЭ;
      :attr:`Anchor.ESSAY_DAY` and :attr:`Anchor.INTERVIEW_DAY`: the days of the итоговое сочинение
      (изложение) and собеседование («экзамен» never means them);
    * :attr:`Anchor.EARLY_PERIOD`, :attr:`Anchor.MAIN_PERIOD`, :attr:`Anchor.ADDITIONAL_PERIOD`: one window
      per exam kind and stage; :attr:`Anchor.EXAM_PERIOD`: all of them; :attr:`Anchor.EXAM_PERIOD_START`:
      their first days; :attr:`Anchor.EXAM_PERIOD_END`: their last days.

    With a ``calendar``, the federal timelines (:func:`~gia_roadmap.calendar.timeline_data.federal_timelines`,
    or the given ``timelines``) add the events derived from every exam day:
    :attr:`Anchor.GEK_RESULTS_APPROVAL`, :attr:`Anchor.RESULTS_RECEIVED` (the results reach the schools),
    :attr:`Anchor.RESULTS_ANNOUNCED` and :attr:`Anchor.RESULTS_PUBLISHED` (the official day of results),
    :attr:`Anchor.APPEAL_SUBMISSION`, :attr:`Anchor.APPEAL_TRANSFER` and :attr:`Anchor.APPEAL_RECEIVED`,
    :attr:`Anchor.AK_DECISION` and :attr:`Anchor.AK_WORK_START` (exams of the ГИА only).
    :attr:`Anchor.ADMISSION_DECISION` is not a schedule event and is never filled in.

    Raises:
        CalendarCoverageError: a derived date falls outside the calendar's covered years.
    """
    events: list[ExamEvent] = []
    for day in schedule.days:
        events.extend(_day_events(day))
    events.extend(_stage_events(schedule))
    if calendar is not None:
        for found in derive(schedule, calendar, timelines=timelines):
            events.extend(_derived(found))
    events.sort(key=lambda e: (e.start, _ANCHOR_ORDER[e.anchor], e.exam.value))
    scheduled = frozenset(
        (day.exam, day.period.stage)
        for day in schedule.days
        if day.period.stage is not None and not day.exam.is_admission_test
    )
    return ExamEvents(events, school_year=schedule.school_year, scheduled=scheduled)


_GIA_KINDS = frozenset(k for k in ExamKind if not k.is_admission_test)


def _and(names: Sequence[str]) -> str:
    """«ЕГЭ», «ОГЭ и ГВЭ-9», «ЕГЭ, ОГЭ и ГВЭ-9»."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} и {names[-1]}"


def _short_year(school_year: SchoolYear) -> str:
    """The school year as officials write it in a sentence: «2021/22»."""
    return f"{school_year.start_year}/{(school_year.start_year + 1) % 100:02d}"


def exam_events_for(
    school_year: SchoolYear | int,
    calendar: WorkingDayCalendar | None = None,
    *,
    timelines: Sequence[Timeline] | None = None,
) -> ExamEvents:
    """The events of the bundled schedule of ``school_year`` (:func:`exam_events`).

    When no bundled schedule covers the year the result is empty and says why: its
    :attr:`ExamEvents.uncovered` is the year and its :attr:`ExamEvents.notice` reads «нет расписания
    экзаменов на 2019/20 учебный год», so callers report one notice instead of a missing date per
    deadline.
    """
    year = school_year if isinstance(school_year, SchoolYear) else SchoolYear(school_year)
    if year.start_year not in bundled_school_years():
        return ExamEvents((), school_year=year, uncovered=year)
    return exam_events(ExamSchedule.bundled(year), calendar, timelines=timelines)


# --------------------------------------------------------------------------------------------
# Resolving deadline terms against every exam day
# --------------------------------------------------------------------------------------------


@attrs.frozen
class ExamDayResolution:
    """Deadline terms resolved against one exam day and the events derived from it.

    Attributes:
        day: the exam day.
        events: the events of that day alone (its derived events included).
        resolutions: one :class:`~gia_roadmap.calendar.terms.Resolution` per term, in the given order.
    """

    day: ExamDay
    events: ExamEvents
    resolutions: tuple[Resolution, ...]


def resolve_per_exam_day(
    terms: Sequence[TermLike],
    schedule: ExamSchedule,
    calendar: WorkingDayCalendar,
    *,
    timelines: Sequence[Timeline] | None = None,
    options: ResolveOptions | None = None,
) -> tuple[ExamDayResolution, ...]:
    """Resolve every term against every visible exam day of ``schedule`` on its own.

    For each day the events are that day (``EXAM_DAY``, ``EXAM_START``) and the events the
    timelines derive from it (approval, appeals …), so «не позднее чем за 1 рабочий день до дня
    проведения экзамена» gives one date per exam day. Terms are resolved with the day's school year.
    """
    by_day: dict[ExamDay, list[ExamEvent]] = {}
    for found in derive(schedule, calendar, timelines=timelines):
        by_day.setdefault(found.day, []).extend(_derived(found))
    out = []
    for day in schedule.days:
        events = ExamEvents((*_day_events(day), *by_day.get(day, ())), school_year=schedule.school_year)
        resolutions = tuple(
            t.resolve(calendar, events, school_year=schedule.school_year, options=options) for t in terms
        )
        out.append(ExamDayResolution(day, events, resolutions))
    return tuple(out)
