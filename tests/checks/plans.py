"""Small plans built in code for the checks' tests (one trigger and one non-trigger per code)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import attrs

from gia_roadmap.calendar import RussianCalendar, SchoolYear, parse_term
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import EventDates
from gia_roadmap.plan import (
    Dependency,
    DependencyKind,
    Glossary,
    Measure,
    MeasureNumber,
    MeasureRef,
    Order,
    ParentItemRef,
    PlanLevel,
    ResponsibleResolver,
    Roadmap,
    Section,
    SectionKind,
)

SY = SchoolYear(2023)
RESOLVER = ResponsibleResolver(Glossary())


@lru_cache(maxsize=1)
def calendar() -> RussianCalendar:
    """The official calendar (cached: building it takes a moment)."""
    return RussianCalendar()


def m(
    number: str,
    title: str = "Мероприятие",
    term: str = "ноябрь 2023 года",
    responsible: str = "ОО",
    *,
    after: Sequence[str] = (),
    kind: DependencyKind = DependencyKind.FINISH_TO_START,
    lag: int = 0,
    working: bool = True,
    **fields: Any,
) -> Measure:
    """A measure: number, title, deadline text (parsed in school year 2023), responsible cell
    (resolved), and FS dependencies on the numbers in ``after`` (same section)."""
    deps = tuple(Dependency(MeasureRef((0,), n), kind, lag, working) for n in after)
    measure = Measure(
        number=MeasureNumber.parse(number),
        title=title,
        term=parse_term(term, school_year=SY),
        responsible=RESOLVER.resolve(responsible),
        responsible_raw=responsible,
        dependencies=deps,
    )
    return attrs.evolve(measure, **fields) if fields else measure


def plan(
    *measures: Measure,
    heading: str = "1. Организационное сопровождение ГИА",
    kind: SectionKind = SectionKind.ORGANISATIONAL,
    plan_id: str = "test",
    adopted: dt.date | None = dt.date(2023, 10, 2),
    period: DateWindow | None = None,
    glossary: Glossary | None = None,
    sections: Sequence[Section] = (),
    level: PlanLevel = PlanLevel.REGIONAL,
    school_year: SchoolYear = SY,
) -> Roadmap:
    """A plan with one section holding ``measures`` (ordinals numbered in order), or ``sections``."""
    numbered = tuple(attrs.evolve(x, ordinal=i) for i, x in enumerate(measures))
    secs = tuple(sections) or (Section(heading=heading, kind=kind, measures=numbered),)
    return Roadmap(
        id=plan_id,
        title="Дорожная карта по подготовке к проведению ГИА",
        school_year=school_year,
        period=period,
        orders=(Order(number="1", date=adopted),) if adopted else (),
        sections=secs,
        glossary=glossary or Glossary(),
        level=level,
    )


def section(heading: str, *measures: Measure, kind: SectionKind = SectionKind.OTHER) -> Section:
    """A section with its measures (ordinals numbered in order)."""
    numbered = tuple(attrs.evolve(x, ordinal=i) for i, x in enumerate(measures))
    return Section(heading=heading, kind=kind, measures=numbered)


def events() -> EventDates:
    """Exam events of 2024: ЕГЭ main period from 23 May, ОГЭ from 24 May, AK work from 27 May."""
    return {
        Anchor.EXAM_DAY: (dt.date(2024, 5, 23), dt.date(2024, 5, 28)),
        Anchor.MAIN_PERIOD: (
            DateWindow(dt.date(2024, 5, 23), dt.date(2024, 7, 1), label="ЕГЭ: основной период"),
            DateWindow(dt.date(2024, 5, 24), dt.date(2024, 7, 1), label="ОГЭ: основной период"),
        ),
        Anchor.AK_WORK_START: (dt.date(2024, 5, 27),),
    }


__all__ = ["SY", "ExamScope", "ParentItemRef", "calendar", "events", "m", "plan", "section"]
