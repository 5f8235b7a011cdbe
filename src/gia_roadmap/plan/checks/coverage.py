"""GR6xx: coverage (staff training by the plan's level and subject, measures that must precede the
exams, measures that cite no parent item). What lies between a plan and its parent is
:mod:`~gia_roadmap.plan.checks.cascade`'s."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import tomllib
from collections.abc import Iterator
from importlib import resources

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import ByDate, ExactDate
from gia_roadmap.errors import Location, Severity
from gia_roadmap.plan.categories import SpecialistCategory, find_categories
from gia_roadmap.plan.checks.cascade import open_items, pair_of
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.model import LocatedMeasure, PlanLevel, SectionKind
from gia_roadmap.text import normalize


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


_SITE_STAFF = frozenset(
    {
        SpecialistCategory.PPE_HEAD,
        SpecialistCategory.PPE_ORGANISER,
        SpecialistCategory.PPE_TECHNICAL_SPECIALIST,
        SpecialistCategory.ASSISTANT,
        SpecialistCategory.MEDICAL_WORKER,
    }
)
"""The staff of the exam sites: training «лиц, привлекаемых к проведению ГИА» covers them; the
regional functions (ГЭК, commissions, РЦОИ, РИС, coordinators, observers) must be named."""

_ALL_STAFF = re.compile(
    r"(?:лиц\w*|специалист\w*|работник\w*|кадр\w*),? (?:привлекаем\w*|задействованн\w*|участвующ\w*)"
    r"(?: к| в)? (?:подготовк\w* и )?(?:организаци\w* и )?(?:проведени\w*|организаци\w*)"
)
"""«лиц, привлекаемых к подготовке и проведению ГИА»: training meant for all the exam staff."""


def _plan_scopes(ctx: CheckContext) -> set[ExamScope]:
    scopes: set[ExamScope] = set()
    for item in ctx.located:
        for scope in item.measure.exam_scope:
            scopes.add(scope)
            scopes.update(scope.covers)
    return scopes


@functools.cache
def expected_categories(level: PlanLevel) -> tuple[SpecialistCategory, ...]:
    """The categories of exam staff a plan of ``level`` is expected to train (``plan/data/training.toml``)."""
    text = resources.files("gia_roadmap.plan").joinpath("data/training.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return tuple(SpecialistCategory(value) for value in data[level.value]["categories"])


_EXAMS = re.compile(
    r"г(?<!\wг)иа\b|е(?<!\wе)гэ\b|о(?<!\wо)гэ\b|г(?<!\wг)вэ\b|государственн\w* итогов\w* аттестаци|экзамен"
    r"|итогов\w* сочинени|итогов\w* собеседовани"
)
# «г(?<!\wг)иа\b» is «\bгиа\b» written so that every alternative starts with a letter: the regex
# engine then skips ahead to the positions holding one of those first letters.


def is_exam_plan(ctx: CheckContext) -> bool:
    """True when the plan is about the exams (its title names them; without a title, at least a fifth
    of its measures do); a plan about objective assessment or ВПР is not."""
    title = normalize(ctx.roadmap.title)
    if title:
        return _EXAMS.search(title) is not None
    titles = ctx.normalized_titles
    if not titles:
        return False
    needed = -(-len(titles) // 5)  # a fifth, rounded up: counting stops there
    search = _EXAMS.search
    return sum(1 for _ in itertools.islice((t for t in titles if search(t)), needed)) == needed


@rule("GR601", Severity.WARNING)
def check_untrained_categories(ctx: CheckContext) -> Iterator[Finding]:
    """A category of exam staff the plan is expected to train, with no training measure naming it.
    Expectations scale with the plan: a region trains everyone who runs its exams, a municipality the
    staff of its exam sites, a school no exam staff; categories of exams the plan does not cover are
    skipped, and a plan that is not about the exams (objective assessment, ВПР) or trains no one is
    exempt. Training «лиц, привлекаемых к проведению ГИА» covers the staff of the exam sites; a
    list such as «председателей и экспертов ПК» names each of its categories."""
    if not is_exam_plan(ctx):
        return
    training = [item for item, flag in zip(ctx.located, ctx.training, strict=True) if flag]
    if not training:
        return
    covered: set[SpecialistCategory] = set()
    for item in training:
        if _ALL_STAFF.search(normalize(item.measure.title)):
            covered |= _SITE_STAFF
        covered |= _categories(item)
    scopes = _plan_scopes(ctx)
    where = next(
        ((i, s) for i, s in enumerate(ctx.roadmap.sections) if s.kind is SectionKind.STAFF_TRAINING), None
    )
    location = ctx.location(None, "", section=where[1], path=(where[0],)) if where else ctx.location(None, "")
    expected = ctx.options.standard_categories
    if expected is None:
        expected = expected_categories(ctx.roadmap.level)
    for category in expected:
        if category in covered:
            continue
        if scopes and not any(scope in scopes for scope in category.exams):
            continue
        yield ctx.finding(
            "GR601",
            location,
            params={"category": Localized(f"«{category.label}»", f"{category.label_en}")},
            evidence=category.label,
        )


_LEVEL_EXAMS = {
    ExamScope.GIA_11: ("ЕГЭ", "ГВЭ-11"),
    ExamScope.EGE: ("ЕГЭ",),
    ExamScope.GIA_9: ("ОГЭ", "ГВЭ-9"),
    ExamScope.OGE: ("ОГЭ",),
    ExamScope.GVE: ("ГВЭ-9", "ГВЭ-11"),
}

_EXAM_STAFF = frozenset(
    {
        SpecialistCategory.GEK_CHAIR,
        SpecialistCategory.GEK_MEMBER,
        SpecialistCategory.PPE_HEAD,
        SpecialistCategory.PPE_ORGANISER,
        SpecialistCategory.PPE_TECHNICAL_SPECIALIST,
        SpecialistCategory.PUBLIC_OBSERVER,
        SpecialistCategory.ASSISTANT,
        SpecialistCategory.MEDICAL_WORKER,
        SpecialistCategory.SCANNING_OPERATOR,
        SpecialistCategory.EXAM_MATERIALS_OFFICER,
        SpecialistCategory.VIDEO_SURVEILLANCE_OFFICER,
        SpecialistCategory.MUNICIPAL_COORDINATOR,
    }
)
"""The staff who work on the exam days: their training must be over before the exams start."""

_BEFORE_EXAMS = re.compile(
    r"готовност\w* (?:\w+ ){0,3}ппэ|ппэ\W+(?:\w+ ){0,2}готовност|при[её]мк\w* ппэ"
    r"|заказ\w* (?:\w+ ){0,2}(?:эм|ким|экзаменационн\w* материал)|заявк\w* на (?:эм|ким|экзаменационн)"
)
"""Exam-site readiness and the ordering of exam materials: done before the exams by their nature."""


def _must_precede(ctx: CheckContext, index: int, item: LocatedMeasure) -> bool:
    """A measure that must be over before the exams: training of the staff who work on exam days, the
    readiness of exam sites, the ordering of exam materials. The training of teachers is not."""
    title = ctx.normalized_titles[index]
    if _BEFORE_EXAMS.search(title):
        return True
    if not ctx.training[index]:
        return False
    return bool(_categories(item) & _EXAM_STAFF) or _ALL_STAFF.search(title) is not None


def _first_exam(ctx: CheckContext, item: LocatedMeasure) -> tuple[dt.date, str] | None:
    """The first day of the main period of the exams the measure is about (its own stage when it
    names one): early-period exams start in March and training in April is normal."""
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
    for anchor in anchors:
        windows = [v for v in events.get(anchor, ()) if isinstance(v, DateWindow)]
        matching = [w for w in windows if not prefixes or w.label.startswith(prefixes)]
        if matching:
            first = min(matching, key=lambda w: w.start)
            return first.start, first.label or anchor.value
    return None


@rule("GR602", Severity.ERROR)
def check_training_after_exams(ctx: CheckContext) -> Iterator[Finding]:
    """A measure that must precede the exams — training of the staff who work on exam days, exam-site
    readiness, the ordering of exam materials — dated after the start of the main period of its exams.
    Judged on the earliest occurrence (a list «март, май, август» serves the later periods too): a
    window that starts after the first exam day is an error; a day-precise deadline («до 31.05») that
    allows the work after it, a warning. A month straddling the first exam day («май») is not
    reported, nor is the early period (training in April is normal), nor the training of teachers."""
    if not ctx.events:
        return
    for index, item in enumerate(ctx.located):
        pairs = ctx.explicit_list[index]
        if not pairs or not _must_precede(ctx, index, item):
            continue
        first = _first_exam(ctx, item)
        if first is None:
            continue
        day, label = first
        leaf, window = min(pairs, key=lambda pair: pair[1].start)  # later occurrences serve later periods
        late = window.start > day
        loose = not late and window.end > day and isinstance(leaf, ByDate | ExactDate)
        if late or loose:
            yield ctx.finding(
                "GR602",
                ctx.location(item, "term"),
                params={"text": leaf.raw, "window": window, "exam": label, "day": day},
                evidence=leaf.raw,
                severity=None if late else Severity.WARNING,
            )


@rule("GR605", Severity.INFO)
def check_missing_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """In a plan whose measures cite parent-plan items, a measure that cites none: perhaps a measure
    of this level only, worth a look. Group rows with sub-items are exempt.

    With the parent plan given the check knows more and says only what GR603 does not: a measure that
    cites no item (in the column or in its text) is reported when it is worded like an obliging item
    no measure cites — the likely counterpart written without the number, with that item as related.
    GR603 reports the items with no such measure, so one gap gives one finding; a measure like no open
    item is the plan's own and is not reported."""
    if not any(item.measure.parent_item and item.measure.parent_item.numbers for item in ctx.located):
        return
    groups = ctx.with_children
    pair, found = pair_of(ctx), open_items(ctx)
    candidates: dict[int, list[LocatedMeasure]] | None = None
    if found is not None:
        candidates = {}
        for parent_item in found.items:
            for position in found.alike[parent_item.id]:
                candidates.setdefault(position, []).append(parent_item)
    for position, item in enumerate(ctx.located):
        ref = item.measure.parent_item
        if (ref is not None and ref.numbers) or (groups and item.id in groups):
            continue
        related: tuple[Location, ...] = ()
        if candidates is not None and found is not None and pair is not None:
            if item.id in found.citing or position not in candidates:
                continue
            related = tuple(pair.parent.location(p) for p in candidates[position])
        evidence = "" if ref is None else ref.raw
        yield ctx.finding("GR605", ctx.location(item, "parent_item"), evidence=evidence, related=related)
