"""Hypothesis strategies that speak the domain, for property tests of deadline rules and of code built
on gia_roadmap.

Use them in your own tests::

    from hypothesis import given
    from gia_roadmap import strategies as gst

    @given(gst.working_days(), gst.relative_terms(unit=Unit.WORKING_DAY))
    def test_my_rule(day, term): ...

**Valid by construction.** Every strategy builds valid values from their parts (never by drawing and
throwing away), so none needs a health check suppressed and each shrinks towards a small, readable
example: the first years of the calendar, short lists, one section, few measures.

**Days the library answers for.** :func:`covered_dates`, :func:`working_days` and :func:`school_years`
stay within the official production calendar's years (2013–2027), so a test never meets
:class:`~gia_roadmap.errors.CalendarCoverageError` at random; ``rules_only=True`` widens them to the years a
``RussianCalendar(rules_only=True)`` estimates. :func:`exam_days` and :func:`exam_schedules` draw from
the bundled exam schedules (2021/22 onwards); ``school_years(with_schedule=True)`` gives the years that
have one.

**Terms read back.** Every term :func:`terms` draws reads back from its rendering:
``parse_term(render(t), school_year=sy) == t`` (without a school year every year is written, so the
equality holds with any school year or none). What has no rendering of its own is left out: unread and
empty cells (``UnparsedTerm``, ``MissingTerm``) and the qualifiers ``Label`` and ``Note``, which read
back beside the date they qualify (inside a ``Compound``, which :func:`terms` does draw).
:func:`deadline_texts` gives the other direction: Russian phrases with the term each must be read as,
from the deadline grammar's own generator.

**Plans.** :func:`roadmaps` draws realistic plans, clean by construction: ``check()`` finds nothing in
them. :func:`defective_roadmaps` plants defects of the kinds asked for (finding codes, :data:`DEFECT_KINDS`)
in such a plan and says where each one is (:class:`DefectivePlan`, :class:`PlantedDefect`), with the clean
twin beside it. :func:`plan_sets` draws a region's plans together — a regional plan, municipal plans
derived from it and school plans derived from theirs (:class:`PlanSetCase`) — clean for the cascade's
checks, with cascade defects of the kinds asked for planted. :func:`any_roadmaps` (and
:func:`measures`, :func:`sections` …) use every field of the model with arbitrary texts: for round
trips and robustness (a measure's term may be an unread cell there).

**st.from_type.** Every public value type of the model, the terms, the calendar's days and exam
schedules and the problem shape has a strategy registered for ``st.from_type`` (no import needed: the
package's Hypothesis entry point registers each type as its module is imported, at a cost of about 2 ms
to ``import hypothesis``). What the library computes — resolutions, reports and findings, schedules,
exam events — and its services (calendars, resolvers) are not drawn: run the library on drawn inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from types import NotImplementedType
from typing import Any

from hypothesis import strategies as st

from gia_roadmap.calendar import terms as t
from gia_roadmap.calendar.anchors import OpenAnchor
from gia_roadmap.calendar.grammar.phrases import deadline_texts
from gia_roadmap.calendar.schedule import ExamDay, ExamSchedule, PeriodWindow, ScheduleOrder, ScheduleSource
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.errors import Location, Problem
from gia_roadmap.plan import model as m
from gia_roadmap.plan.bodies import Body
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry
from gia_roadmap.plan.people import Person, Role
from gia_roadmap.plan.responsible import Responsible
from gia_roadmap.strategies._calendar import (
    covered_dates,
    date_windows,
    exam_days,
    exam_schedules,
    period_windows,
    schedule_orders,
    schedule_sources,
    school_years,
    working_days,
)
from gia_roadmap.strategies._cascade import PlanSetCase, plan_sets
from gia_roadmap.strategies._model import (
    any_roadmaps,
    bodies,
    clusters,
    dependencies,
    glossaries,
    glossary_entries,
    level_actions,
    located_measures,
    locations,
    measure_ids,
    measure_numbers,
    measure_refs,
    measures,
    orders,
    parent_item_refs,
    parties,
    persons,
    plan_refs,
    problems,
    provenances,
    responsibles,
    roles,
    sections,
    statuses,
    targets,
    texts,
)
from gia_roadmap.strategies._plans import (
    DEFECT_KINDS,
    DefectivePlan,
    PlantedDefect,
    defective_roadmaps,
    roadmaps,
)
from gia_roadmap.strategies._terms import (
    day_refs,
    labels,
    month_refs,
    notes,
    open_anchors,
    relative_terms,
    term_of,
    terms,
    terms_with_school_year,
    unparsed_terms,
)

__all__ = [
    "DEFECT_KINDS",
    "DefectivePlan",
    "PlanSetCase",
    "PlantedDefect",
    "any_roadmaps",
    "bodies",
    "clusters",
    "covered_dates",
    "date_windows",
    "day_refs",
    "deadline_texts",
    "defective_roadmaps",
    "dependencies",
    "exam_days",
    "exam_schedules",
    "glossaries",
    "glossary_entries",
    "labels",
    "level_actions",
    "located_measures",
    "locations",
    "measure_ids",
    "measure_numbers",
    "measure_refs",
    "measures",
    "month_refs",
    "notes",
    "open_anchors",
    "orders",
    "parent_item_refs",
    "parties",
    "period_windows",
    "persons",
    "plan_refs",
    "plan_sets",
    "problems",
    "provenances",
    "register_strategies",
    "relative_terms",
    "responsibles",
    "roadmaps",
    "roles",
    "schedule_orders",
    "schedule_sources",
    "school_years",
    "sections",
    "statuses",
    "strategy_for",
    "targets",
    "term_of",
    "terms",
    "terms_with_school_year",
    "texts",
    "unparsed_terms",
    "working_days",
]

_FOR_TYPE: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Location: locations,
    Problem: problems,
    SchoolYear: school_years,
    DateWindow: date_windows,
    t.DayRef: day_refs,
    t.MonthRef: month_refs,
    OpenAnchor: open_anchors,
    ExamDay: exam_days,
    ExamSchedule: exam_schedules,
    PeriodWindow: period_windows,
    ScheduleOrder: schedule_orders,
    ScheduleSource: schedule_sources,
    Body: bodies,
    Person: persons,
    Role: roles,
    Responsible: responsibles,
    GlossaryEntry: glossary_entries,
    Glossary: glossaries,
    m.MeasureNumber: measure_numbers,
    m.MeasureId: measure_ids,
    m.Target: targets,
    m.Cluster: clusters,
    m.LevelAction: level_actions,
    m.ParentItemRef: parent_item_refs,
    m.MeasureRef: measure_refs,
    m.Dependency: dependencies,
    m.Provenance: provenances,
    m.Status: statuses,
    m.Measure: measures,
    m.LocatedMeasure: located_measures,
    m.Section: sections,
    m.Order: orders,
    m.PlanRef: plan_refs,
    m.Roadmap: any_roadmaps,
}
_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {}


def _factory(thing: type) -> Callable[[], st.SearchStrategy[Any]] | None:
    if thing in _FOR_TYPE:
        return _FOR_TYPE[thing]
    if thing in t.TERM_CLASSES:
        return lambda: term_of(thing)
    return None


def strategy_for(thing: type) -> st.SearchStrategy[Any] | NotImplementedType:
    """The strategy ``st.from_type(thing)`` draws from, built on first use and kept; ``NotImplemented``
    for a type this module has no strategy for (Hypothesis then infers one itself)."""
    strategy = _STRATEGIES.get(thing)
    if strategy is None:
        factory = _factory(thing)
        if factory is None:
            return NotImplemented  # type: ignore[no-any-return]  # (typeshed: NotImplemented is Any)
        strategy = _STRATEGIES[thing] = st.deferred(factory)
    return strategy


def register_strategies() -> None:
    """Register every strategy with :func:`hypothesis.strategies.register_type_strategy`.

    The Hypothesis entry point does this by itself, type by type as their modules are imported;
    importing this module does it too, for runs with Hypothesis' plugins off (``HYPOTHESIS_NO_PLUGINS``).
    """
    for cls in (*_FOR_TYPE, *t.TERM_CLASSES):
        st.register_type_strategy(cls, strategy_for)


def __dir__() -> list[str]:
    return sorted(__all__)


register_strategies()
