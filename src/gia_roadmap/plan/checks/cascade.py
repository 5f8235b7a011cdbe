"""GR603, GR604, GR606, GR607, GR608: the cascade («каскад»), what is wrong between a plan and its parent.

Each check runs with a parent plan given (``check(plan, parent=…)``, or
:func:`~gia_roadmap.plan.checks.sets.check_plans` for a whole set) and compares the plan with it
through the item links the plan writes (:func:`~gia_roadmap.plan.cascade.linking.link_plans`) and the
duties the parent's items put on the plan's level (:func:`~gia_roadmap.plan.cascade.linking.obliges`):

* **GR603** ``parent_item_not_implemented`` (warning): a parent item that obliges the plan's level and
  that no measure of the plan implements — none cites it (in a column of parent item numbers or in
  the text; the item itself, one of its sub-items or the group it belongs to) and none is worded like
  it (:mod:`~gia_roadmap.plan.cascade.similarity`). A measure worded like the item counts as a
  possible counterpart: the finding never claims a gap where the plan may have written the work
  without the number. Items of the parent's own bodies oblige no one below and are never reported;
* **GR604** ``unknown_parent_item`` (error): a measure citing a parent item number the parent does not
  have — in the column of parent numbers or in the text («согласно п. 7.4 регионального плана»);
* **GR606** ``later_than_parent`` (warning): a measure citing a parent item whose own deadline ends
  after that item's («до 15 марта» under the region's «до 1 марта»). Only deadlines written as
  dates, months or years are compared (both resolved on the working-day calendar); relative,
  continuous («в течение года») and external deadlines are not, nor a number the parent gives twice;
* **GR607** ``counterpart_contradicts`` (warning): a measure citing a parent item about the exams of
  the other grade («ОГЭ» under an item about «ЕГЭ»): the exams of both are known and belong to the
  ГИА of different grades (9 or 11; the итоговое собеседование to the 9th's, the итоговое сочинение
  to the 11th's). Two exams of one grade («ЕГЭ» and «ГВЭ-11») are not a contradiction;
* **GR608** ``parent_order_cited_differently`` (warning): the plan cites as its basis the act approving
  its parent's plan under another number (the same issuer and day) or another date (the same number):
  one order cited two ways.

A finding is located in the plan (the measure, or the plan itself for a missing counterpart), with the
parent's item in ``related``. Suggested links are never evidence of a defect.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Iterator

import attrs

from gia_roadmap.calendar.exams import ExamKind, ExamScope, detect_exam_scopes
from gia_roadmap.errors import Location, Severity
from gia_roadmap.plan.cascade.linking import ItemLink, PlanLinks, link_plans, obliges, obliging_party
from gia_roadmap.plan.cascade.planset import _issuer_head, order_key
from gia_roadmap.plan.cascade.references import read_order_citations
from gia_roadmap.plan.cascade.similarity import SimilarityIndex
from gia_roadmap.plan.checks.context import CheckContext, _title
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.model import LocatedMeasure, MeasureId, Order, PlanLevel, Roadmap

__all__ = ["MIN_LIKENESS", "OpenItems", "Pair", "open_items", "pair_of"]

MIN_LIKENESS = 0.45
"""The similarity (:class:`~gia_roadmap.plan.cascade.similarity.SimilarityIndex`) at which a measure
counts as worded like a parent item (GR603)."""


# --------------------------------------------------------------------------------------------
# The pair: the plan's context, the parent's, and the links between them
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Pair:
    """A plan's run with its parent: the plan's context, the parent's (its deadlines resolved on the
    same calendar and events) and the plan's links to the parent's items."""

    child: CheckContext
    parent: CheckContext
    links: PlanLinks


_PAIRS: weakref.WeakKeyDictionary[CheckContext, Pair] = weakref.WeakKeyDictionary()


def pair_of(ctx: CheckContext) -> Pair | None:
    """The pair of a run with a parent plan (built once per run and shared by the cascade checks);
    None without a parent."""
    if ctx.parent is None:
        return None
    held = _PAIRS.get(ctx)
    if held is None:
        parent = CheckContext(ctx.parent, calendar=ctx.calendar, events=ctx.events, options=ctx.options)
        held = _PAIRS[ctx] = Pair(ctx, parent, link_plans(ctx.roadmap, ctx.parent, suggest=False))
    return held


# --------------------------------------------------------------------------------------------
# GR603: an obliging item with no counterpart
# --------------------------------------------------------------------------------------------


def _related_numbers(a: str, b: str) -> bool:
    """True when one number is the other or holds it («2.3» and «2.3.1»)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


_LEVEL_WORDS = {
    PlanLevel.MUNICIPAL: Localized("муниципальному уровню", "the municipal level"),
    PlanLevel.SCHOOL: Localized("образовательным организациям", "the schools"),
}


def _who(item: LocatedMeasure, plan: Roadmap) -> str | Localized:
    """The words of the item that oblige the plan: the responsible body as written, else the level of
    the action column."""
    responsible = obliging_party(item, plan)
    if responsible is not None and responsible.raw.strip():
        return f"«{' '.join(responsible.raw.split())}»"
    return _LEVEL_WORDS[plan.level]


@attrs.frozen
class OpenItems:
    """The parent's items that oblige a plan's level and that no measure of the plan cites, with the
    measures worded like each (shared by GR603 and GR605, which split them between them).

    Attributes:
        items: the open items, in the parent's order.
        alike: per open item (by its identity), the positions in the plan of the measures worded like
            it, in document order; empty when no measure is.
        citing: the plan's measures that cite some parent item, in a column or in the text.
    """

    items: tuple[LocatedMeasure, ...]
    alike: dict[MeasureId, tuple[int, ...]]
    citing: frozenset[MeasureId]


_OPEN: weakref.WeakKeyDictionary[CheckContext, OpenItems] = weakref.WeakKeyDictionary()


def open_items(ctx: CheckContext) -> OpenItems | None:
    """The parent's obliging items no measure cites, with their look-alikes in the plan (once per run);
    None without a parent."""
    pair = pair_of(ctx)
    if pair is None:
        return None
    held = _OPEN.get(ctx)
    if held is not None:
        return held
    plan = ctx.roadmap
    obliged = [
        item for item in pair.parent.located if item.measure.number.is_numbered and obliges(item, plan)
    ]
    cited = {link.number for link in pair.links.links}
    items = tuple(
        item
        for item in obliged
        if not any(_related_numbers(item.measure.number.canonical, number) for number in cited)
    )
    alike: dict[MeasureId, list[int]] = {item.id: [] for item in items}
    if items:
        # the stems weigh by their rarity among the parent's titles alone, so adding a measure to this
        # plan never hides another's likeness
        titles = [item.measure.title for item in pair.parent.located]
        index = SimilarityIndex(titles)
        open_at = {position: item.id for position, item in enumerate(pair.parent.located) if item.id in alike}
        for position, item in enumerate(ctx.located):
            for p, _, _ in index.best(item.measure.title, min_score=MIN_LIKENESS, limit=len(titles)):
                if p in open_at:
                    alike[open_at[p]].append(position)
    held = _OPEN[ctx] = OpenItems(
        items, {k: tuple(v) for k, v in alike.items()}, frozenset(link.child for link in pair.links.links)
    )
    return held


@rule("GR603", Severity.WARNING)
def check_parent_coverage(ctx: CheckContext) -> Iterator[Finding]:
    """With a parent plan given: a parent item that obliges this plan's level (it names the level among
    those responsible, or has an action for it) and that no measure of this plan cites — the item, one
    of its sub-items or the group it belongs to, in the column of parent numbers or in the text — nor is
    worded like. Items of the parent's own bodies (the ministry, the РЦОИ, the ГЭК) oblige no one below
    and are not reported; nor is an item some measure is worded like: it may implement it without the
    number, and GR605 reports that measure instead (one finding for one gap)."""
    pair, found = pair_of(ctx), open_items(ctx)
    if pair is None or found is None:
        return
    plan = ctx.roadmap
    for item in found.items:
        if found.alike[item.id]:
            continue
        yield ctx.finding(
            "GR603",
            Location(plan=plan.id),
            params={
                "number": item.measure.number.canonical,
                "title": _title(item, 80),
                "parent": pair.parent.roadmap.id,
                "who": _who(item, plan),
                "plan": plan.id,
            },
            related=(pair.parent.location(item),),
            evidence=item.measure.title,
        )


# --------------------------------------------------------------------------------------------
# GR604: a cited item that does not exist
# --------------------------------------------------------------------------------------------


@rule("GR604", Severity.ERROR)
def check_unknown_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """With a parent plan given: a measure citing a parent item number the parent does not have, in the
    column of parent numbers («№ по приказу Департамента») or in the text («согласно п. 7.4
    регионального плана»). References to the plan itself («п. 5 настоящего плана»), to federal acts
    («п. 41 Порядка») or to no document («см. п. 2.3») are not links to the parent and never reported."""
    pair = pair_of(ctx)
    if pair is None:
        return
    for link in pair.links.links:
        if link.targets:
            continue
        yield ctx.finding(
            "GR604",
            ctx.location(ctx.by_id[link.child], link.field),
            params={"number": link.number, "text": link.evidence, "parent": pair.parent.roadmap.id},
            evidence=link.evidence,
        )


# --------------------------------------------------------------------------------------------
# GR606: later than the parent; GR607: about the other grade's exams
# --------------------------------------------------------------------------------------------


def _end(ctx: CheckContext, measure: MeasureId) -> dt.date | None:
    """The last day of a measure's deadline parts written as dates, months or years; None for none."""
    pairs = ctx.explicit_windows.get(measure, ())
    return max((window.end for _, window in pairs), default=None)


def _targets(pair: Pair) -> Iterator[tuple[ItemLink, LocatedMeasure, LocatedMeasure]]:
    """Every explicit link with one target: (link, the plan's measure, the parent's item). A number the
    parent gives two items is ambiguous and compared with neither."""
    child_items, parent_items = pair.child.by_id, pair.parent.by_id
    for link in pair.links.links:
        if len(link.targets) == 1:
            yield link, child_items[link.child], parent_items[link.targets[0]]


@rule("GR606", Severity.WARNING)
def check_later_than_parent(ctx: CheckContext) -> Iterator[Finding]:
    """With a parent plan given: a measure citing a parent item whose deadline ends after that item's
    («до 15 марта» under «до 1 марта»). Only deadlines written as dates, months or years are compared;
    relative, continuous («в течение учебного года») and external ones are not, nor a number the parent
    gives two items."""
    pair = pair_of(ctx)
    if pair is None:
        return
    for link, item, target in _targets(pair):
        end, parent_end = _end(pair.child, item.id), _end(pair.parent, target.id)
        if end is None or parent_end is None or end <= parent_end:
            continue
        yield ctx.finding(
            "GR606",
            ctx.location(item, "term"),
            params={
                "term": item.measure.term.raw,
                "end": end,
                "number": link.number,
                "parent": pair.parent.roadmap.id,
                "parent_term": target.measure.term.raw,
                "parent_end": parent_end,
            },
            related=(pair.parent.location(target, "term"),),
            evidence=item.measure.term.raw,
        )


_GRADE = {
    ExamKind.OGE: 9,
    ExamKind.GVE_9: 9,
    ExamKind.FINAL_INTERVIEW: 9,
    ExamKind.EGE: 11,
    ExamKind.GVE_11: 11,
    ExamKind.FINAL_ESSAY: 11,
}
"""The grade whose ГИА an exam day belongs to (the admission tests to their level's ГИА)."""


def _exams(item: LocatedMeasure) -> tuple[tuple[ExamScope, ...], frozenset[int]]:
    """The exams a measure is about (its scopes, else those its title names) and the grades (9, 11)
    whose ГИА they belong to."""
    scopes = item.measure.exam_scope or detect_exam_scopes(item.measure.title)
    return scopes, frozenset(_GRADE[kind] for scope in scopes for kind in scope.exam_kinds)


@rule("GR607", Severity.WARNING)
def check_contradicting_counterpart(ctx: CheckContext) -> Iterator[Finding]:
    """With a parent plan given: a measure citing a parent item about the exams of the other grade
    («ОГЭ» under an item about «ЕГЭ»; the итоговое собеседование belongs to the 9th grade's ГИА, the
    итоговое сочинение to the 11th's). Two exams of one grade («ЕГЭ», «ГВЭ-11») are no contradiction,
    and a measure or item naming no exam is not judged."""
    pair = pair_of(ctx)
    if pair is None:
        return
    for link, item, target in _targets(pair):
        scopes, grades = _exams(item)
        parent_scopes, parent_grades = _exams(target)
        if not grades or not parent_grades or grades & parent_grades:
            continue
        yield ctx.finding(
            "GR607",
            ctx.location(item, link.field),
            params={
                "exams": tuple(s.label for s in scopes if s.exam_kinds),
                "number": link.number,
                "parent": pair.parent.roadmap.id,
                "parent_exams": tuple(s.label for s in parent_scopes if s.exam_kinds),
            },
            related=(pair.parent.location(target),),
            evidence=item.measure.title,
        )


# --------------------------------------------------------------------------------------------
# GR608: the parent's approving order cited under another number or date
# --------------------------------------------------------------------------------------------

_APPROVES_PLAN = re.compile(r"утвержд\w*\s+(?:\S+\s+){0,3}?план|дорожн\w*\s+карт", re.IGNORECASE)
"""A citation of an act that approves a plan («Об утверждении плана мероприятий («дорожной карты»)»)."""


def _cited_issuer(order: Order) -> str:
    if order.issuer:
        return order.issuer
    found = read_order_citations(order.raw)
    return found[0].issuer if found else ""


def _stamp(order: Order) -> str:
    parts = [f"от {order.date:%d.%m.%Y}" if order.date else "", f"№ {order.number}" if order.number else ""]
    return " ".join(p for p in parts if p)


@rule("GR608", Severity.WARNING)
def check_parent_order_cited(ctx: CheckContext) -> Iterator[Finding]:
    """With a parent plan given: the plan cites as its basis an act approving a plan («Об утверждении
    плана мероприятий («дорожной карты»)…») by the parent's issuer, dated the day the parent was
    approved but under another number — or under the parent's number but another date: one order
    cited two ways. Not reported when the plan also cites the parent's order as it is (the other act
    of that day is another order), when either issuer is written and they differ, or when the citation
    does not say it approves a plan."""
    parent = ctx.parent
    if parent is None:
        return
    approving = [o for o in parent.orders if o.date is not None and o.number]
    basis = [o for o in ctx.roadmap.legal_basis if o.date is not None and o.number]
    if not approving or not basis:
        return
    if any(o.date == a.date and order_key(o.number) == order_key(a.number) for a in approving for o in basis):
        return  # the parent's order is cited as it is: another act of that day is another order
    for order in basis:
        if not _APPROVES_PLAN.search(f"{order.title} {order.raw}"):
            continue
        issuer = _issuer_head(_cited_issuer(order))
        for own in approving:
            theirs = _issuer_head(own.issuer or parent.issuer)
            if issuer and theirs and issuer != theirs:
                continue
            same_day, same_number = order.date == own.date, order_key(order.number) == order_key(own.number)
            if same_day == same_number:
                continue
            yield ctx.finding(
                "GR608",
                ctx.location(None, "legal_basis"),
                params={
                    "cited": _stamp(order),
                    "parent": parent.id,
                    "approving": _stamp(own),
                    "differs": _NUMBER if same_day else _DATE,
                },
                evidence=order.raw or _stamp(order),
            )
            break


_NUMBER = Localized("тот же день, другой номер", "the same day, another number")
_DATE = Localized("тот же номер, другая дата", "the same number, another date")
