"""A clean, realistic plan gets no warning and no error.

The plans come from the public testing kit, :func:`gia_roadmap.strategies.roadmaps`: plans as a careful
official writes them (numbered sections of the usual kinds, items numbered without gaps or repeats,
sub-items dated inside their item, deadlines of the plan's school year after its adoption, links to
earlier items, a responsible party of the plan's level in every row, the exam staff the level must train
trained before the exams, the plan's glossary defining what it abbreviates). Whatever it draws,
``check()`` may report info and reading notices, never a warning or an error: each would be a false
alarm. With the exam events the kit promises more (no finding at all, ``tests/kit/test_plans.py``);
here the plan is also checked without them, as a user who has no schedule would.

The CI run draws a few dozen plans, with Hypothesis's health checks on; ``GIA_CLEAN_PLANS=2000`` runs
the long profile.
"""

from __future__ import annotations

import functools
import os

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import strategies as gst
from gia_roadmap.calendar import ExamSchedule, RussianCalendar, SchoolYear, exam_events
from gia_roadmap.calendar.terms import EventDates
from gia_roadmap.errors import Severity
from gia_roadmap.plan import Roadmap
from gia_roadmap.plan.checks import check

EXAMPLES = int(os.environ.get("GIA_CLEAN_PLANS", "25"))
# From Hypothesis's own defaults, not the suite's profile: every health check stays on.
PROFILE = settings(
    settings.get_profile("default"),
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
)
CALENDAR = RussianCalendar()


@functools.cache
def _events(school_year: SchoolYear) -> EventDates:
    return exam_events(ExamSchedule.bundled(school_year), CALENDAR)


@PROFILE
@given(gst.roadmaps(), st.booleans())
def test_a_clean_plan_gets_no_warning_or_error(roadmap: Roadmap, with_events: bool) -> None:
    assert roadmap.school_year is not None
    events = _events(roadmap.school_year) if with_events else None
    report = check(roadmap, calendar=CALENDAR, events=events)
    alarms = [f.to_text() for f in report.findings if f.severity >= Severity.WARNING]
    assert not alarms, alarms


@settings(PROFILE, max_examples=5)
@given(gst.roadmaps())
def test_the_generator_can_draw_a_defect_the_checks_see(roadmap: Roadmap) -> None:
    """The property is not empty: the same plan with a measure given twice is an error."""
    first = roadmap.sections[0]
    twice = attrs.evolve(first, measures=(*first.measures, attrs.evolve(first.measures[0], ordinal=99)))
    report = check(attrs.evolve(roadmap, sections=(twice, *roadmap.sections[1:])), calendar=CALENDAR)
    assert "GR501" in report.codes or "GR506" in report.codes
