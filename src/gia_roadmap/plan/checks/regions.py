"""GR212–GR213: reading notices about the calendar the deadlines were counted on (the plan's region
and its own non-working days; years the production calendar does not cover)."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.calendar.regional import region_rules
from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import FindingKind, rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.regions import estimated_years, plan_region

_SOURCES = {
    "issuer": ("организация, издавшая план,", "issuer"),
    "territory": ("территория", "territory"),
    "title": ("заголовок", "title"),
}


def _source(name: str) -> tuple[str, str]:
    return _SOURCES.get(name, (name, name))


@rule("GR212", Severity.INFO, kind=FindingKind.NOTICE)
def check_regional_days(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: the plan's region has non-working days of its own that the count does not use,
    uses only as estimates, or uses only in part. About the calendar, not about the document."""
    calendar = ctx.calendar
    if calendar is None:
        return
    reading = plan_region(ctx.roadmap)
    where = ctx.location(None, "region")
    if reading.candidates:
        ru, en = _source(reading.source)
        names = ", ".join(reading.candidates)
        detail = Localized(
            f"{ru.capitalize()} «{reading.text}» называет несколько субъектов ({names}), поэтому регион "
            "плана не определён и применён федеральный календарь",
            f"The {en} «{reading.text}» names several subjects ({names}), so the plan's region is not known "
            "and the federal calendar applies",
        )
        yield ctx.finding("GR212", where, params={"detail": detail}, evidence=reading.text)
        return
    code = reading.code
    rules = None if code is None else region_rules(code)
    if code is None or rules is None:
        return
    name = federal_subject(code).name
    days = ", ".join(h.name for h in rules.holidays)
    applied = getattr(calendar, "region", None)
    if applied != code:
        detail = Localized(
            f"План — из региона {name} ({code}), где есть свои нерабочие дни ({days}); календарь, "
            "по которому считались сроки, их не содержит",
            f"The plan is from {code} ({name}), which has non-working days of its own ({days}); the calendar "
            "used does not hold them",
        )
        yield ctx.finding("GR212", where, params={"detail": detail}, evidence=reading.text)
        return
    estimated = estimated_years(ctx.roadmap, calendar)
    if estimated:
        years = ", ".join(map(str, estimated))
        detail = Localized(
            f"Нерабочие дни региона {name} ({code}) в {years} г. определены по правилам: акт региона "
            f"за эти годы в библиотеке отсутствует ({days})",
            f"The non-working days of {code} ({name}) in {years} are estimates: no regional act fixing "
            f"them is bundled ({days})",
        )
        yield ctx.finding("GR212", where, params={"detail": detail}, evidence=reading.text)
    if rules.unmodelled:
        other = "; ".join(rules.unmodelled)
        detail = Localized(
            f"Другие региональные дни ({code}) не учтены: {other}",
            f"Other regional days of {code} are not counted: {other}",
        )
        yield ctx.finding("GR212", where, params={"detail": detail}, evidence=reading.text)


@rule("GR213", Severity.INFO, kind=FindingKind.NOTICE)
def check_calendar_coverage(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: the plan's years lie outside the official production calendar, so its days off
    were counted by the Labour Code rules alone (:func:`~gia_roadmap.plan.checks.check` falls back to a
    rules-only calendar rather than skip the checks silently)."""
    years = ctx.estimated_calendar_years
    if years:
        yield ctx.finding(
            "GR213",
            ctx.location(None, "term"),
            params={"years": ", ".join(map(str, years))},
        )
