"""GR215: a vague deadline on a task whose date the federal rules fix.

The итоговое сочинение (изложение) and the итоговое собеседование are held on days the Порядок fixes by
rule («первая среда декабря», «вторая среда февраля»: :mod:`gia_roadmap.calendar.admission_dates`). A
measure that *holds* one of them («Проведение итогового сочинения (изложения)») with a deadline that
names no day — «в течение учебного года», «постоянно», «по мере необходимости», a half-year — leaves
its reader to look the days up, though the plan could state them. The check names the days.

It is deliberately narrow: the title must begin with the holding of the test itself. Preparing for it
(«Подготовка к проведению …»), organising it over months («Организация и проведение …» as a group
row), trial runs («пробного», «тренировочного») and rows with sub-items are not reported, nor
deadlines that name months or days, nor a school year no known Порядок governs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gia_roadmap.calendar.admission_dates import admission_test_dates
from gia_roadmap.calendar.exams import ExamKind
from gia_roadmap.calendar.terms import Conditional, Continuous, ResolutionStatus, SchoolYearTerm
from gia_roadmap.errors import InvalidValueError, Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized

_HOLDING = re.compile(
    r"^\s*проведение\s+итогового\s+(?P<test>сочинения|собеседования)(?![\w-])", re.IGNORECASE
)
"""«Проведение итогового сочинения (изложения)», «Проведение итогового собеседования по русскому языку»."""

_TESTS = {
    "сочинения": (ExamKind.FINAL_ESSAY, Localized("итогового сочинения (изложения)", "the final essay")),
    "собеседования": (ExamKind.FINAL_INTERVIEW, Localized("итогового собеседования", "the final interview")),
}

_LONG = 92
"""A single window of more than three months names no day."""


def _vague(ctx: CheckContext, position: int) -> bool:
    """True when the deadline of the measure at ``position`` names no day or month of its own."""
    term = ctx.located[position].measure.term
    if isinstance(term, (Continuous, Conditional, SchoolYearTerm)):
        return True
    resolution = ctx.resolution_list[position]
    if resolution.status is ResolutionStatus.CONTINUOUS:
        return True
    windows = resolution.windows
    return (
        resolution.status is ResolutionStatus.RESOLVED
        and len(windows) == 1
        and (windows[0].end - windows[0].start).days > _LONG
    )


@rule("GR215", Severity.INFO)
def check_vague_fixed_dates(ctx: CheckContext) -> Iterator[Finding]:
    """A measure that holds the итоговое сочинение (изложение) or the итоговое собеседование (its title
    begins «Проведение итогового сочинения|собеседования») with a deadline that names no day: a
    continuous or conditional term, the whole school year, or one window of more than three months.
    The days the Порядок fixes for the plan's school year are named. Preparation, trial runs, group
    rows with sub-items and deadlines written as months or days are not reported."""
    school_year = ctx.roadmap.school_year
    calendar = ctx.calendar
    if school_year is None or calendar is None:
        return
    for position, item in enumerate(ctx.located):
        match = _HOLDING.match(item.measure.title)
        if match is None or item.id in ctx.with_children or not _vague(ctx, position):
            continue
        exam, name = _TESTS[match.group("test").lower()]
        try:
            dates = admission_test_dates(school_year, calendar, exam=exam)
        except InvalidValueError:  # no Порядок known for the year: nothing to compare with
            continue
        raw = item.measure.term.raw
        yield ctx.finding(
            "GR215",
            ctx.location(item, "term"),
            params={"text": raw, "test": name, "days": tuple(d.date for d in dates)},
            evidence=raw,
        )
