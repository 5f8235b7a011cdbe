"""GR6xx: coverage (staff training, training after the exams, the parent plan's items)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.errors import Location
from gia_roadmap.plan.categories import SpecialistCategory, find_categories
from gia_roadmap.plan.checks.context import (
    CheckContext,
    _label,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import (
    LocatedMeasure,
    PlanLevel,
    SectionKind,
)

# --------------------------------------------------------------------------------------------
# GR6xx: coverage (training, cascade)
# --------------------------------------------------------------------------------------------


def _categories(item: LocatedMeasure) -> set[SpecialistCategory]:
    measure = item.measure
    found = {t.category for t in (*measure.targets, *measure.participants) if t.category is not None}
    for responsible in measure.all_responsible:
        category = getattr(responsible.party, "category", None)
        if isinstance(category, SpecialistCategory):
            found.add(category)
    found.update(m.category for m in find_categories(measure.title))
    found.update(m.category for s in item.sections for m in find_categories(s.heading))
    return found


def _plan_scopes(ctx: CheckContext) -> set[ExamScope]:
    scopes: set[ExamScope] = set()
    for item in ctx.located:
        for scope in item.measure.exam_scope:
            scopes.add(scope)
            scopes.update(scope.covers)
    return scopes


_REGIONAL_ONLY = frozenset({SpecialistCategory.SCANNING_OPERATOR, SpecialistCategory.RCOI_SPECIALIST})
"""Categories only the region trains (its data-processing centre): not expected of a municipal plan."""


@rule("GR601")
def check_untrained_categories(ctx: CheckContext) -> Iterator[Finding]:
    """GR601: a standard category of exam staff with no training measure (plans that train no one
    are exempt; categories of exams the plan does not cover are skipped, and municipal or school
    plans are not expected to train scanning operators or РЦОИ staff)."""
    training = [item for item, flag in zip(ctx.located, ctx.training, strict=True) if flag]
    if not training:
        return
    covered: set[SpecialistCategory] = set()
    for item in training:
        covered |= _categories(item)
    scopes = _plan_scopes(ctx)
    local = ctx.roadmap.level in (PlanLevel.MUNICIPAL, PlanLevel.SCHOOL)
    where = next(
        ((i, s) for i, s in enumerate(ctx.roadmap.sections) if s.kind is SectionKind.STAFF_TRAINING), None
    )
    location = ctx.location(None, "", section=where[1], path=(where[0],)) if where else ctx.location(None, "")
    for category in ctx.options.standard_categories:
        if category in covered or (local and category in _REGIONAL_ONLY):
            continue
        if scopes and not any(scope in scopes for scope in category.exams):
            continue
        yield ctx.finding(
            "GR601",
            f"no training measure for «{category.label}» ({category.label_en})",
            location,
            evidence=category.label,
        )


_LEVEL_EXAMS = {
    ExamScope.GIA_11: ("ЕГЭ", "ГВЭ-11"),
    ExamScope.EGE: ("ЕГЭ",),
    ExamScope.GIA_9: ("ОГЭ", "ГВЭ-9"),
    ExamScope.OGE: ("ОГЭ",),
    ExamScope.GVE: ("ГВЭ-9", "ГВЭ-11"),
}


def _first_exam(ctx: CheckContext, item: LocatedMeasure) -> tuple[dt.date, str] | None:
    events = ctx.events or {}
    measure = item.measure
    scopes = set(measure.exam_scope)
    if not scopes:
        for category in _categories(item):
            scopes.update(category.exams)
    prefixes = tuple(p for s in scopes for p in _LEVEL_EXAMS.get(s, ()))
    if ExamScope.GIA in scopes:
        prefixes = ()
    if scopes and not prefixes and ExamScope.GIA not in scopes:
        return None  # admission tests, ВПР …: not exams of the campaign
    anchors = [stage.anchor for stage in measure.exam_periods] or [Anchor.MAIN_PERIOD]
    for anchor in (*anchors, Anchor.EXAM_PERIOD):
        windows = [v for v in events.get(anchor, ()) if isinstance(v, DateWindow)]
        matching = [w for w in windows if not prefixes or w.label.startswith(prefixes)]
        if matching:
            first = min(matching, key=lambda w: w.start)
            return first.start, first.label or anchor.value
    days = [v for v in events.get(Anchor.EXAM_DAY, ()) if isinstance(v, dt.date)]
    return (min(days), "first exam day") if days else None


@rule("GR602")
def check_training_after_exams(ctx: CheckContext) -> Iterator[Finding]:
    """GR602: a training measure whose written dates start after the first exam it prepares for."""
    if ctx.events is None:
        return
    for index, (item, flag) in enumerate(zip(ctx.located, ctx.training, strict=True)):
        if not flag:
            continue
        pairs = ctx.explicit_list[index]
        if not pairs:
            continue
        first = _first_exam(ctx, item)
        if first is None:
            continue
        day, label = first
        for leaf, window in pairs:
            if window.start > day:
                yield ctx.finding(
                    "GR602",
                    f"training {_label(item)} «{_title(item, 60)}» is scheduled «{leaf.raw}» "
                    f"({window}), after "
                    f"the first exam it prepares for ({label}: {day})",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


@rule("GR603")
def check_parent_coverage(ctx: CheckContext) -> Iterator[Finding]:
    """GR603: a measure of the parent plan that no measure of this plan implements."""
    parent = ctx.parent
    if parent is None:
        return
    referenced = {
        n for item in ctx.located if item.measure.parent_item for n in item.measure.parent_item.numbers
    }
    for item in parent.walk():
        number = item.measure.number
        if not number.is_numbered or number.canonical in referenced:
            continue
        yield Finding(
            code="GR603",
            severity=ctx.severity("GR603"),
            message=f"parent-plan measure {number.canonical} «{_title(item, 60)}» has no implementing "
            f"measure in «{ctx.roadmap.id}»",
            location=Location(
                plan=item.id.plan,
                section=item.section.heading,
                measure=number.canonical,
                section_path=item.id.section,
                ordinal=item.id.ordinal,
            ),
            evidence=item.measure.title,
        )


@rule("GR604")
def check_unknown_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """GR604: a measure pointing to a parent-plan item that does not exist."""
    parent = ctx.parent
    if parent is None:
        return
    existing = {item.measure.number.canonical for item in parent.walk() if item.measure.number.is_numbered}
    for item in ctx.located:
        ref = item.measure.parent_item
        if ref is None:
            continue
        for number in ref.numbers:
            if number not in existing:
                yield ctx.finding(
                    "GR604",
                    f"{_label(item)} implements parent item {number} («{ref.raw}»), which «{parent.id}» "
                    "does not have",
                    ctx.location(item, "parent_item"),
                    evidence=ref.raw,
                )


@rule("GR605")
def check_missing_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """GR605: in a plan whose measures name parent-plan items, a measure that names none (a
    measure of this level only)."""
    if not any(item.measure.parent_item and item.measure.parent_item.numbers for item in ctx.located):
        return
    groups = ctx.with_children
    for item in ctx.located:
        ref = item.measure.parent_item
        if (ref is None or not ref.numbers) and not (groups and item.id in groups):
            yield ctx.finding(
                "GR605",
                f"{_label(item)} «{_title(item, 60)}» names no parent-plan item "
                "(a measure of this level only?)",
                ctx.location(item, "parent_item"),
                evidence="" if ref is None else ref.raw,
            )
