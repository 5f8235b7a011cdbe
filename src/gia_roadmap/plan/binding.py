"""Binding a measure's relative deadlines to the exam events in its scope («привязка к экзаменам»).

«Не позднее чем за 1 рабочий день до дня проведения экзамена» in a ГИА-9 measure counts from the days of
ОГЭ and ГВЭ-9, not from ЕГЭ days, and never from the итоговое сочинение. :func:`measure_scope` reads a
measure's scope (:class:`~gia_roadmap.calendar.events.EventScope`: exam kinds, stages, reserve days,
subjects) and :class:`EventBinder` gives each measure the events in it. ``check()``, the queries
(:func:`~gia_roadmap.plan.queries.resolve_measure`, ``states``, ``in_range``), the exports and the CLI
all bind through this module, so a deadline resolves to the same dates everywhere.

The rules, in order:

* **exams**: the measure's exam scope (``Measure.exam_scope``: «ГИА-9» is ОГЭ and ГВЭ-9); the exams named
  in the deadline's own words narrow it («…экзамена ГИА-9», «ЕГЭ по математике») when they overlap it.
  A measure without a scope takes the exams its deadline or its title names, else the plan's exams (named
  in its title), else every exam of the ГИА. «Экзамен» is never the итоговое сочинение or собеседование:
  those are anchors of their own.
* **stages**: the stages the measure names (``Measure.exam_periods``) or its deadline names («в
  дополнительный период»); else every stage.
* **reserve days**: only reserve days when the measure or its deadline names them; else all days.
* **subjects**: the subjects the deadline names as those of its exam («…экзамена по математике»), else
  those the measure's title names so («экспертов предметной комиссии по математике»:
  :func:`~gia_roadmap.calendar.exams.find_exam_subjects`, subjects after «по»); else every subject.
  Periods hold for every subject.

Events given as a plain mapping (``{Anchor.EXAM_DAY: (…,)}``) carry no scope and bind as given. When the
events are those of a school year no schedule covers (:func:`~gia_roadmap.calendar.exam_events_for`),
relative deadlines stay unresolved with the reason «нет расписания экзаменов на 2019/20 учебный год»;
when the year's schedule has no day of the measure's exams (2026/27: only the admission tests are
bundled), with «нет расписания ОГЭ и ГВЭ-9 на 2026/27 учебный год» (:attr:`ExamEvents.notice
<gia_roadmap.calendar.events.ExamEvents.notice>`).
"""

from __future__ import annotations

import attrs

from gia_roadmap.calendar.events import EventScope, ExamEvents
from gia_roadmap.calendar.exams import (
    ExamKind,
    ExamScope,
    detect_exam_scopes,
    detect_exam_stages,
    find_exam_subjects,
    mentions_reserve_days,
)
from gia_roadmap.calendar.terms import (
    EventDates,
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    Term,
    WorkingDayCalendar,
)
from gia_roadmap.plan.model import Measure, Roadmap

__all__ = ["EventBinder", "measure_scope", "plan_exam_kinds"]


def _kinds(scopes: tuple[ExamScope, ...]) -> frozenset[ExamKind]:
    return frozenset(kind for scope in scopes for kind in scope.exam_kinds)


def plan_exam_kinds(roadmap: Roadmap) -> frozenset[ExamKind]:
    """The exam kinds the plan's title names («Дорожная карта … ГИА-9 и ГИА-11»); empty when it names none."""
    return _kinds(detect_exam_scopes(roadmap.title))


def _term_text(term: Term) -> str:
    return str(getattr(term, "raw", "") or "")


def measure_scope(
    measure: Measure, *, plan_exams: frozenset[ExamKind] = frozenset(), term: Term | None = None
) -> EventScope:
    """The scope of the events ``measure``'s deadline (or ``term``, a part of it) counts from.

    See the module docstring for the rules. ``plan_exams`` are the plan's exams
    (:func:`plan_exam_kinds`), used when the measure and its deadline name none.
    """
    text = _term_text(term if term is not None else measure.term)
    own = _kinds(measure.exam_scope)
    written = _kinds(detect_exam_scopes(text))
    if own:
        exams = (own & written) or own
    else:
        exams = written or _kinds(detect_exam_scopes(measure.title)) or plan_exams
    stages = measure.exam_periods or detect_exam_stages(text)
    reserve = True if measure.reserve_days or mentions_reserve_days(text) else None
    subjects = find_exam_subjects(text) or find_exam_subjects(measure.title)
    return EventScope(
        exams=exams or None,
        stages=frozenset(stages) or None,
        reserve=reserve,
        subjects=frozenset(subjects) or None,
    )


@attrs.define
class EventBinder:
    """The exam events of one plan, bound measure by measure to the events in each measure's scope.

    Filtered events are kept per scope, so measures with the same scope share them (and the memo of
    resolutions built on them).

    Attributes:
        roadmap: the plan.
        events: the events: an :class:`~gia_roadmap.calendar.events.ExamEvents` collection (bound by scope)
            or any anchor → dates mapping (used as given), or None.
    """

    roadmap: Roadmap
    events: EventDates | None
    _plan_exams: frozenset[ExamKind] = attrs.field(init=False)
    _by_scope: dict[EventScope, EventDates] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._plan_exams = plan_exam_kinds(self.roadmap)

    @property
    def notice(self) -> str:
        """«нет расписания экзаменов на 2019/20 учебный год» when the events are those of a year no schedule
        covers, else empty."""
        return self.events.notice if isinstance(self.events, ExamEvents) else ""

    def scope(self, measure: Measure, term: Term | None = None) -> EventScope:
        """The scope of ``measure``'s deadline (or of ``term``, a part of it)."""
        return measure_scope(measure, plan_exams=self._plan_exams, term=term)

    def events_for(self, measure: Measure, term: Term | None = None) -> EventDates | None:
        """The events ``measure``'s deadline (or ``term``) counts from: those in its scope."""
        events = self.events
        if not isinstance(events, ExamEvents):
            return events
        scope = self.scope(measure, term)
        bound = self._by_scope.get(scope)
        if bound is None:
            bound = self._by_scope[scope] = events.filter(scope)
        return bound

    def explain(self, resolution: Resolution, events: EventDates | None = None) -> Resolution:
        """``resolution`` with the missing-schedule notice of ``events`` (the bound events it was resolved
        against; by default all of them) as its reason, when the term needed exam dates the library has
        no schedule for."""
        source = self.events if events is None else events
        notice = source.notice if isinstance(source, ExamEvents) else ""
        if not notice:
            return resolution
        if resolution.status is ResolutionStatus.NO_EVENT_DATES:
            return attrs.evolve(resolution, reason=notice)
        if resolution.status is ResolutionStatus.PARTIAL and "no dates given" in resolution.reason:
            return attrs.evolve(resolution, reason=f"{notice}; {resolution.reason}")
        return resolution

    def resolve(
        self,
        measure: Measure,
        calendar: WorkingDayCalendar | None = None,
        *,
        term: Term | None = None,
        options: ResolveOptions | None = None,
    ) -> Resolution:
        """``measure``'s deadline (or ``term``, a part of it) resolved in the plan's school year and period
        against the events in its scope."""
        target = term if term is not None else measure.term
        events = self.events_for(measure, term)
        resolution = target.resolve(
            calendar,
            events,
            school_year=self.roadmap.school_year,
            plan_period=self.roadmap.period,
            options=options,
        )
        return self.explain(resolution, events)
