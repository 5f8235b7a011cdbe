"""Questions asked of a roadmap: who does what, what is due when, what is late.

Every query takes a :class:`~gia_roadmap.plan.model.Roadmap` and returns
:class:`~gia_roadmap.plan.model.LocatedMeasure` values (a measure with its identity and its
sections) in document order. Matching is by the registries' rules, not by string equality: a
body matches through a shared abbreviation or its normalised name, a person through
:meth:`~gia_roadmap.plan.people.Person.same_as` (case endings, one-letter typos), a category
through the measure's targets, participants, roles and title.

Date queries resolve each measure's term with the given calendar, event dates and options
(see :meth:`gia_roadmap.calendar.terms.TermLike.resolve`); the school year and plan period come
from the roadmap.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    EventDates,
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    WorkingDayCalendar,
)
from gia_roadmap.plan.binding import EventBinder
from gia_roadmap.plan.bodies import Body
from gia_roadmap.plan.categories import SpecialistCategory, find_categories
from gia_roadmap.plan.model import LocatedMeasure, Measure, Roadmap, SectionKind, StatusKind
from gia_roadmap.plan.people import Person, Role

__all__ = [
    "DueState",
    "MeasureState",
    "by_body",
    "by_category",
    "by_exam_scope",
    "by_person",
    "by_role",
    "by_section_kind",
    "in_range",
    "resolve_measure",
    "state_of",
    "states",
]


def by_body(roadmap: Roadmap, body: Body | str, *, include_units: bool = True) -> tuple[LocatedMeasure, ...]:
    """Measures a body is responsible for: the body itself, a person of its unit or organisation,
    or a role held in it. ``body`` may be a :class:`Body` or an abbreviation/name as written.

    With ``include_units`` a unit whose parent is the body counts too («УГУиОКО МОК» for «МОК»).
    """
    wanted = body if isinstance(body, Body) else Body(body, (body,))

    def matches(candidate: Body | None) -> bool:
        while candidate is not None:
            if candidate.same_as(wanted):
                return True
            candidate = candidate.parent if include_units else None
        return False

    return tuple(m for m in roadmap.walk() if any(matches(r.body) for r in m.measure.all_responsible))


def by_person(roadmap: Roadmap, person: Person) -> tuple[LocatedMeasure, ...]:
    """Measures a person is responsible for (typos and case endings forgiven)."""
    return tuple(
        m
        for m in roadmap.walk()
        if any(isinstance(r.party, Person) and r.party.same_as(person) for r in m.measure.all_responsible)
    )


def by_role(roadmap: Roadmap, role: Role) -> tuple[LocatedMeasure, ...]:
    """Measures a generic role is responsible for («руководители ОО»)."""
    return tuple(
        m
        for m in roadmap.walk()
        if any(isinstance(r.party, Role) and r.party.same_as(role) for r in m.measure.all_responsible)
    )


def _categories_of(measure: Measure, include_title: bool) -> set[SpecialistCategory]:
    found = {t.category for t in (*measure.targets, *measure.participants) if t.category is not None}
    found.update(
        r.party.category
        for r in measure.all_responsible
        if isinstance(r.party, Role) and r.party.category is not None
    )
    if include_title:
        found.update(m.category for m in find_categories(measure.title))
    return found


def by_category(
    roadmap: Roadmap, category: SpecialistCategory, *, include_title: bool = True
) -> tuple[LocatedMeasure, ...]:
    """Measures concerning a category of trained specialists: in their targets or participants,
    as a responsible role, in the title (unless ``include_title`` is False), or — in a plan grouped
    by category (000) — in the heading of their section."""
    out = []
    for located in roadmap.walk():
        categories = _categories_of(located.measure, include_title)
        categories.update(m.category for s in located.sections for m in find_categories(s.heading))
        if category in categories:
            out.append(located)
    return tuple(out)


def by_exam_scope(roadmap: Roadmap, scope: ExamScope, *, broad: bool = True) -> tuple[LocatedMeasure, ...]:
    """Measures concerning an exam. With ``broad`` a measure scoped to a covering exam counts too
    (an ОГЭ query finds ГИА-9 measures; a ГИА-9 query finds ОГЭ measures)."""

    def concerns(own: ExamScope) -> bool:
        if own is scope:
            return True
        return broad and (own.includes(scope) or scope.includes(own))

    return tuple(m for m in roadmap.walk() if any(concerns(s) for s in m.measure.exam_scope))


def by_section_kind(roadmap: Roadmap, kind: SectionKind) -> tuple[LocatedMeasure, ...]:
    """Measures whose topic (their own, else their section's) is ``kind``."""
    return tuple(m for m in roadmap.walk() if m.section_kind is kind)


def resolve_measure(
    roadmap: Roadmap,
    measure: Measure,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> Resolution:
    """The measure's term resolved in the roadmap's school year and period, against the exam events in the
    measure's scope (:mod:`~gia_roadmap.plan.binding`)."""
    return EventBinder(roadmap, events).resolve(measure, calendar, options=options)


def in_range(
    roadmap: Roadmap,
    start: dt.date,
    end: dt.date,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> tuple[tuple[LocatedMeasure, Resolution], ...]:
    """Measures with a resolved window meeting ``start``..``end`` (inclusive), with their resolution.

    Measures whose term does not resolve to windows are not returned (use :func:`states` to see
    them).
    """
    span = DateWindow(start, end)
    out = []
    binder = EventBinder(roadmap, events)
    for located in roadmap.walk():
        resolution = binder.resolve(located.measure, calendar, options=options)
        if any(w.overlaps(span) for w in resolution.windows):
            out.append((located, resolution))
    return tuple(out)


class DueState(enum.Enum):
    """A measure's state on a given day."""

    UPCOMING = "upcoming"
    """Every window starts after today."""
    DUE = "due"
    """Today lies in a window (or between the first start and the last end)."""
    OVERDUE = "overdue"
    """The last window ended before today and the measure is not done."""
    DONE = "done"
    """Marked done."""
    CANCELLED = "cancelled"
    """Marked cancelled."""
    CONTINUOUS = "continuous"
    """Continuous activity: never overdue."""
    UNKNOWN = "unknown"
    """The term does not resolve to dates (external schedule, missing events, unparsed text)."""


@attrs.frozen
class MeasureState:
    """A measure's state on a day, with the resolution it was decided from."""

    measure: LocatedMeasure
    state: DueState
    resolution: Resolution


def state_of(resolution: Resolution, measure: Measure, today: dt.date) -> DueState:
    """The state of ``measure`` on ``today`` given its term's ``resolution``.

    Done and cancelled win over dates; a measure done late is still DONE (its status date says
    when). A partial resolution is judged on the windows it has.
    """
    if measure.status.kind is StatusKind.DONE:
        return DueState.DONE
    if measure.status.kind is StatusKind.CANCELLED:
        return DueState.CANCELLED
    if resolution.status is ResolutionStatus.CONTINUOUS:
        return DueState.CONTINUOUS
    if not resolution.windows:
        return DueState.UNKNOWN
    first = min(w.start for w in resolution.windows)
    last = max(w.end for w in resolution.windows)
    if today < first:
        return DueState.UPCOMING
    if today > last:
        return DueState.OVERDUE
    return DueState.DUE


def states(
    roadmap: Roadmap,
    today: dt.date,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> tuple[MeasureState, ...]:
    """The state of every measure on ``today``, in document order."""
    out = []
    binder = EventBinder(roadmap, events)
    for located in roadmap.walk():
        resolution = binder.resolve(located.measure, calendar, options=options)
        out.append(MeasureState(located, state_of(resolution, located.measure, today), resolution))
    return tuple(out)
