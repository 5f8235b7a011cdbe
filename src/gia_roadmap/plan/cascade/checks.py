"""The cascade checks («проверки каскада»): what is wrong between a plan and its parent.

Each check compares one child plan with its parent (a municipal plan with the regional one, a school
plan with the municipal one) through the item links the child writes
(:func:`~gia_roadmap.plan.cascade.linking.link_plans`) and the duties the parent's items put on the
child's level (:func:`~gia_roadmap.plan.cascade.linking.obliges`):

* **GR611** ``obliged_item_not_implemented`` (warning): a parent item that obliges the child's level
  and that no measure of the child implements — none cites it (in a column of parent item numbers
  or in the text, the item itself, one of its sub-items or the group it belongs to) and none is
  worded like it (:mod:`~gia_roadmap.plan.cascade.similarity`). A measure worded like the item
  counts as a possible counterpart: the finding never claims a gap where the plan may have written
  the work without the number;
* **GR612** ``later_than_parent`` (warning): a measure citing a parent item whose own deadline ends
  after that item's deadline («до 15 марта» under the region's «до 1 марта»). Only deadlines written
  as dates, months or years are compared (both ends resolved on the working-day calendar); relative,
  continuous («в течение года») and external deadlines are not;
* **GR613** ``counterpart_contradicts`` (warning): a measure citing a parent item about the exams of
  the other grade («ОГЭ» under an item about «ЕГЭ»): the exams of both are known and belong to the
  ГИА of different grades (9 or 11; the итоговое собеседование to the 9th's, the итоговое сочинение
  to the 11th's). Two exams of one grade («ЕГЭ» and «ГВЭ-11») are not a contradiction;
* **GR604** ``unknown_parent_item`` (error): a measure citing a parent item number the parent plan
  does not have — in the column of parent numbers or in the text («согласно п. 7.4 регионального
  плана»). The same code as the single-plan check: one concept, one code.

Every finding is a :class:`~gia_roadmap.plan.findings.Finding` located in the child plan (the
measure, or the plan itself for a missing counterpart), with the parent's item in ``related``, a
message in Russian (``lang="en"``: English) from :data:`CASCADE_CODES`, and the source text as
evidence. Suggested links are never evidence of a defect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import attrs

from gia_roadmap.calendar.exams import ExamKind, ExamScope, detect_exam_scopes
from gia_roadmap.errors import Language, Location, Severity
from gia_roadmap.plan.cascade.linking import _BODY_LEVEL, ItemLink, PlanLinks, link_plans, obliges
from gia_roadmap.plan.cascade.similarity import SimilarityIndex
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import LocatedMeasure, MeasureId, PlanLevel, Roadmap

__all__ = ["CASCADE_CODES", "CascadeCode", "PairContext", "check_pair"]


@attrs.frozen(slots=True)
class CascadeCode:
    """One cascade code's entry: its name, default severity and texts.

    Attributes:
        code: the stable code («GR611»).
        name: snake_case name.
        severity: the default severity.
        title: what the code means, per language (``{"ru": …, "en": …}``).
        message: the message template per language (:meth:`str.format` fields).
        hint: what to change in the document, per language.
    """

    code: str
    name: str
    severity: Severity
    title: Mapping[str, str]
    message: Mapping[str, str]
    hint: Mapping[str, str]

    def render(self, params: Mapping[str, object], lang: Language = "ru") -> str:
        """The message in ``lang`` written from ``params``."""
        return self.message[lang].format(**params)


def _code(code: str, name: str, severity: Severity, **texts: str) -> CascadeCode:
    return CascadeCode(
        code,
        name,
        severity,
        title={"ru": texts["ru_title"], "en": texts["en_title"]},
        message={"ru": texts["ru_message"], "en": texts["en_message"]},
        hint={"ru": texts["ru_hint"], "en": texts["en_hint"]},
    )


CASCADE_CODES: Mapping[str, CascadeCode] = {
    c.code: c
    for c in (
        _code(
            "GR604",
            "unknown_parent_item",
            Severity.ERROR,
            ru_title="Ссылка на несуществующий пункт вышестоящего плана",
            ru_message="Мероприятие ссылается на п. {number} вышестоящего плана («{text}»), которого в "
            "плане «{parent}» нет",
            ru_hint="Исправьте номер пункта вышестоящего плана.",
            en_title="A measure points to a parent-plan item that does not exist",
            en_message="The measure cites parent item {number} («{text}»), which «{parent}» does not have",
            en_hint="Correct the parent item's number.",
        ),
        _code(
            "GR611",
            "obliged_item_not_implemented",
            Severity.WARNING,
            ru_title="Пункт вышестоящего плана, обязательный для уровня, не реализован",
            ru_message="П. {number} «{title}» плана «{parent}» поручен {who}, но ни одно мероприятие "
            "плана «{plan}» не ссылается на этот пункт и не совпадает с ним по формулировке",
            ru_hint="Добавьте мероприятие, которое реализует этот пункт, со ссылкой на его номер.",
            en_title="A parent-plan item that obliges this level has no counterpart",
            en_message="Item {number} «{title}» of «{parent}» is assigned to {who}, but no measure of "
            "«{plan}» cites it or is worded like it",
            en_hint="Add a measure implementing that item, citing its number.",
        ),
        _code(
            "GR612",
            "later_than_parent",
            Severity.WARNING,
            ru_title="Срок позже срока пункта вышестоящего плана",
            ru_message="Срок «{term}» (до {end}) позже срока п. {number} плана «{parent}» «{parent_term}» "
            "(до {parent_end}), который мероприятие реализует",
            ru_hint="Установите срок не позднее срока пункта вышестоящего плана.",
            en_title="A deadline later than the parent item's",
            en_message="The deadline «{term}» (until {end}) is later than the deadline «{parent_term}» "
            "(until {parent_end}) of item {number} of «{parent}» that the measure implements",
            en_hint="Set a deadline no later than the parent item's.",
        ),
        _code(
            "GR613",
            "counterpart_contradicts",
            Severity.WARNING,
            ru_title="Мероприятие противоречит пункту вышестоящего плана, который реализует",
            ru_message="Мероприятие относится к {exams}, а п. {number} плана «{parent}», на который оно "
            "ссылается, — к {parent_exams}",
            ru_hint="Проверьте номер пункта, на который ссылается мероприятие.",
            en_title="A measure contradicts the parent item it implements",
            en_message="The measure concerns {exams}, but item {number} of «{parent}» that it cites "
            "concerns {parent_exams}",
            en_hint="Check the item number the measure cites.",
        ),
    )
}
"""The cascade codes with their names, default severities and texts (Russian and English)."""


# --------------------------------------------------------------------------------------------
# The context of one pair
# --------------------------------------------------------------------------------------------


@attrs.define(slots=True)
class PairContext:
    """A child plan with its parent, each with its :class:`~gia_roadmap.plan.checks.context.CheckContext`
    (deadlines resolved once per plan), and the child's links to the parent.

    Attributes:
        child: the child plan's context.
        parent: the parent plan's context.
        links: the child's links to the parent (explicit and suggested).
        lang: the language of the messages.
        min_score: the similarity at which a measure counts as worded like a parent item.
    """

    child: CheckContext
    parent: CheckContext
    links: PlanLinks
    lang: Language = "ru"
    min_score: float = 0.45

    @classmethod
    def of(cls, child: CheckContext, parent: CheckContext, *, lang: Language = "ru") -> PairContext:
        """The pair, with the child's links to the parent computed."""
        return cls(child, parent, link_plans(child.roadmap, parent.roadmap, suggest=False), lang)

    def finding(
        self,
        code: str,
        location: Location,
        params: Mapping[str, object],
        *,
        related: tuple[Location, ...] = (),
        evidence: str = "",
    ) -> Finding:
        """A finding of ``code`` with the child run's severity and the message in :attr:`lang`."""
        entry = CASCADE_CODES[code]
        severity = self.child.options.severities.get(code, entry.severity)
        return Finding(
            code=code,
            severity=severity,
            message=entry.render(params, self.lang),
            location=location,
            related=related,
            evidence=evidence,
        )


def check_pair(pair: PairContext) -> Iterator[Finding]:
    """Every cascade finding of one child plan against its parent, by code, in document order."""
    options = pair.child.options
    for code, function in _CHECKS:
        if options.enabled(code):
            yield from function(pair)


# --------------------------------------------------------------------------------------------
# GR604: a cited item that does not exist
# --------------------------------------------------------------------------------------------


def _unknown_items(pair: PairContext) -> Iterator[Finding]:
    by_id = pair.child.by_id
    for link in pair.links.links:
        if link.targets:
            continue
        yield pair.finding(
            "GR604",
            pair.child.location(by_id[link.child], link.field),
            {"number": link.number, "text": link.evidence, "parent": pair.parent.roadmap.id},
            evidence=link.evidence,
        )


# --------------------------------------------------------------------------------------------
# GR611: an obliging item with no counterpart
# --------------------------------------------------------------------------------------------


def _related_numbers(a: str, b: str) -> bool:
    """True when one number is the other or holds it («2.3» and «2.3.1»)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


_LEVEL_WORDS = {
    "ru": {PlanLevel.MUNICIPAL: "муниципальному уровню", PlanLevel.SCHOOL: "образовательным организациям"},
    "en": {PlanLevel.MUNICIPAL: "the municipal level", PlanLevel.SCHOOL: "the schools"},
}


def _who(item: LocatedMeasure, child: Roadmap, lang: Language) -> str:
    """The words of the item that oblige the child's level: the responsible body as written, else the
    level of the action column."""
    level = _BODY_LEVEL.get(child.level)
    for responsible in item.measure.all_responsible:
        body = responsible.body
        if body is not None and body.level is level and responsible.raw.strip():
            return f"«{' '.join(responsible.raw.split())}»"
    return _LEVEL_WORDS[lang][child.level]


def _obliged_missing(pair: PairContext) -> Iterator[Finding]:
    child, parent = pair.child.roadmap, pair.parent.roadmap
    obliged = [
        item for item in pair.parent.located if item.measure.number.is_numbered and obliges(item, child)
    ]
    if not obliged:
        return
    cited = {link.number for link in pair.links.links}
    open_items = [
        item
        for item in obliged
        if not any(_related_numbers(item.measure.number.canonical, number) for number in cited)
    ]
    if not open_items:
        return
    # a measure worded like the item may implement it: no claim of a gap then. The stems weigh by
    # their rarity among the parent's titles alone, so adding a measure to the child never hides
    # another's likeness
    titles = [item.measure.title for item in pair.parent.located]
    index = SimilarityIndex(titles)
    alike: set[int] = set()
    for measure in pair.child.located:
        alike.update(
            p for p, _, _ in index.best(measure.measure.title, min_score=pair.min_score, limit=len(titles))
        )
    position_of = {item.id: position for position, item in enumerate(pair.parent.located)}
    for item in open_items:
        if position_of[item.id] in alike:
            continue
        number = item.measure.number.canonical
        yield pair.finding(
            "GR611",
            Location(plan=child.id),
            {
                "number": number,
                "title": _short(item.measure.title),
                "parent": parent.id,
                "who": _who(item, child, pair.lang),
                "plan": child.id,
            },
            related=(pair.parent.location(item),),
            evidence=item.measure.title,
        )


def _short(title: str, limit: int = 80) -> str:
    text = " ".join(title.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# GR612: later than the parent; GR613: about other exams
# --------------------------------------------------------------------------------------------


def _end(ctx: CheckContext, measure: MeasureId) -> dt.date | None:
    """The last day of a measure's deadline parts written as dates, months or years; None for none."""
    pairs = ctx.explicit_windows.get(measure, ())
    return max((window.end for _, window in pairs), default=None)


def _day(day: dt.date, lang: Language) -> str:
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()


def _targets(pair: PairContext) -> Iterator[tuple[ItemLink, LocatedMeasure, LocatedMeasure]]:
    """Every explicit link with one target: (link, child measure, parent item). A number the parent
    gives two items is ambiguous and compared with neither."""
    child_items, parent_items = pair.child.by_id, pair.parent.by_id
    for link in pair.links.links:
        if len(link.targets) == 1:
            yield link, child_items[link.child], parent_items[link.targets[0]]


def _later(pair: PairContext) -> Iterator[Finding]:
    for link, item, target in _targets(pair):
        end, parent_end = _end(pair.child, item.id), _end(pair.parent, target.id)
        if end is None or parent_end is None or end <= parent_end:
            continue
        yield pair.finding(
            "GR612",
            pair.child.location(item, "term"),
            {
                "term": item.measure.term.raw,
                "end": _day(end, pair.lang),
                "number": link.number,
                "parent": pair.parent.roadmap.id,
                "parent_term": target.measure.term.raw,
                "parent_end": _day(parent_end, pair.lang),
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


def _contradicting(pair: PairContext) -> Iterator[Finding]:
    for link, item, target in _targets(pair):
        scopes, grades = _exams(item)
        parent_scopes, parent_grades = _exams(target)
        if not grades or not parent_grades or grades & parent_grades:
            continue
        yield pair.finding(
            "GR613",
            pair.child.location(item, link.field),
            {
                "exams": ", ".join(s.label for s in scopes if s.exam_kinds),
                "number": link.number,
                "parent": pair.parent.roadmap.id,
                "parent_exams": ", ".join(s.label for s in parent_scopes if s.exam_kinds),
            },
            related=(pair.parent.location(target),),
            evidence=item.measure.title,
        )


_CHECKS = (
    ("GR604", _unknown_items),
    ("GR611", _obliged_missing),
    ("GR612", _later),
    ("GR613", _contradicting),
)
