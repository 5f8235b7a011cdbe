"""GR212: the plan's region and its own non-working days."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.calendar.regional import region_rules
from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.plan.checks.context import (
    CheckContext,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.regions import estimated_years, plan_region


@rule("GR212")
def check_regional_days(ctx: CheckContext) -> Iterator[Finding]:
    """GR212: the plan's region has non-working days of its own that the count does not use, uses only
    as estimates, or uses only in part (a reading notice about the calendar, not about the document)."""
    calendar = ctx.calendar
    if calendar is None:
        return
    reading = plan_region(ctx.roadmap)
    where = ctx.location(None, "region")
    if reading.candidates:
        yield ctx.finding(
            "GR212",
            f"the {reading.source} «{reading.text}» names several subjects "
            f"({', '.join(reading.candidates)}), so the plan's region is not known and the federal "
            "calendar applies; set the region (Roadmap.region, or --region)",
            where,
            evidence=reading.text,
        )
        return
    code = reading.code
    rules = None if code is None else region_rules(code)
    if code is None or rules is None:
        return
    name = federal_subject(code).name
    days = ", ".join(h.name for h in rules.holidays)
    applied = getattr(calendar, "region", None)
    if applied != code:
        used = f"has the region {applied}" if applied else "is the federal one"
        yield ctx.finding(
            "GR212",
            f"the plan is from {code} ({name}), which has non-working days of its own ({days}); the calendar "
            f"used {used}, so they are not counted",
            where,
            evidence=reading.text,
        )
        return
    estimated = estimated_years(ctx.roadmap, calendar)
    if estimated:
        yield ctx.finding(
            "GR212",
            f"the non-working days of {code} ({name}) in {', '.join(map(str, estimated))} are estimates: no "
            f"regional act fixing them is bundled ({days}); check the dates against the regional acts",
            where,
            evidence=reading.text,
        )
    if rules.unmodelled:
        yield ctx.finding(
            "GR212",
            f"other regional days of {code} are not counted: {'; '.join(rules.unmodelled)}",
            where,
            evidence=reading.text,
        )
