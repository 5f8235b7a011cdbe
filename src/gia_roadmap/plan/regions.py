"""Which subject of the Russian Federation a roadmap belongs to, for its regional non-working days.

:func:`plan_region` takes ``Roadmap.region`` when it is set; otherwise it reads the subject from the
issuer («Министерство образования и науки Республики Татарстан» → ``RU-TA``), then from the territory,
then from the title, with :func:`gia_roadmap.calendar.find_federal_subjects` (any grammatical case). A
text that names several subjects decides nothing: the reading says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from gia_roadmap.calendar.regional import region_rules
from gia_roadmap.calendar.subjects import find_federal_subjects
from gia_roadmap.errors import CalendarCoverageError

__all__ = ["RegionReading", "estimated_years", "plan_region", "regional_calendar"]


@attrs.frozen
class RegionReading:
    """How a plan's region was found.

    Attributes:
        code: the ISO 3166-2:RU code, or ``None`` when the region is not known.
        source: ``"set"`` (``Roadmap.region``), ``"issuer"``, ``"territory"``, ``"title"``, or ``""`` when
            not known.
        text: the text the region was read from (empty when set or not known).
        candidates: the codes a text named when it named several (the region is then not known).
    """

    code: str | None
    source: str = ""
    text: str = ""
    candidates: tuple[str, ...] = ()


def plan_region(roadmap: object) -> RegionReading:
    """The region of ``roadmap`` (a :class:`~gia_roadmap.plan.model.Roadmap`), as set or as read."""
    code = getattr(roadmap, "region", None)
    if code:
        return RegionReading(code=code, source="set")
    for field in ("issuer", "territory", "title"):
        text = getattr(roadmap, field, "") or ""
        if not text:
            continue
        found = find_federal_subjects(text)
        if len(found) == 1:
            return RegionReading(code=found[0].code, source=field, text=text)
        if len(found) > 1:
            return RegionReading(code=None, source=field, text=text, candidates=tuple(s.code for s in found))
    return RegionReading(code=None)


def regional_calendar(roadmap: object, calendar: Any) -> Any:
    """``calendar`` with the plan's regional non-working days, when it can take them.

    A :class:`~gia_roadmap.calendar.RussianCalendar` without a region gets the plan's region (when known
    and it has days of its own). When the official regional data does not cover the plan's school year,
    the regional days are estimated there (``rules_only``; the check reports it, GR212). A calendar that
    already has a region, ``None``, or another kind of calendar is returned as it is.
    """
    with_region = getattr(calendar, "with_region", None)
    if calendar is None or with_region is None or getattr(calendar, "region", None) is not None:
        return calendar
    code = plan_region(roadmap).code
    if code is None or region_rules(code) is None:
        return calendar
    try:
        regional = with_region(code)
    except CalendarCoverageError:
        return with_region(code, rules_only=True)
    school_year = getattr(roadmap, "school_year", None)
    first, last = regional.covered_years
    covered = school_year is not None and first <= school_year.start_year < last
    return regional if covered else with_region(code, rules_only=True)


def estimated_years(roadmap: object, calendar: Any) -> tuple[int, ...]:
    """The years of the plan's school year whose regional days ``calendar`` only estimates."""
    school_year = getattr(roadmap, "school_year", None)
    if school_year is None or getattr(calendar, "region", None) is None:
        return ()
    years = (school_year.start_year, school_year.start_year + 1)
    result = []
    for year in years:
        try:
            if calendar.is_estimate(dt.date(year, 6, 1)):
                result.append(year)
        except CalendarCoverageError:
            result.append(year)
    return tuple(result)
