"""Item links between a plan and its parent («соответствие пунктов»): what the documents write, and
what their wording suggests.

:func:`link_plans` ties each measure of a child plan to the items of its parent it implements:

* **explicit links** (:class:`ItemLink`), as the document writes them: a column of parent item
  numbers (seed 003's «№ по приказу Департамента»: ``Measure.parent_item``), or a reference in the
  text (:func:`~gia_roadmap.plan.cascade.references.read_item_references`) whose cited document is the
  parent (:func:`cites_parent`): «п. 2.3 приказа Департамента от 29.10.2021 № 10-П-1485», «пп. 1.2,
  1.4 регионального плана». A link to a number the parent does not have is kept, with no target;
* **suggested links** (:class:`LinkSuggestion`): for a measure with no explicit link, the parent item
  whose wording is most similar (:mod:`~gia_roadmap.plan.cascade.similarity`), with the shared stems
  as evidence. A suggestion is never a fact: nothing counts it as an implementation.

Which measure of a child plan a parent item obliges it to have is :func:`obliges`: the item names the
child's level among those responsible.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator

import attrs

from gia_roadmap.plan.bodies import Body, BodyKind, BodyLevel
from gia_roadmap.plan.cascade.planset import _issuer_head, _place_names, same_order
from gia_roadmap.plan.cascade.references import CitedDocument, CitedKind, ItemReference, read_item_references
from gia_roadmap.plan.cascade.similarity import SimilarityIndex
from gia_roadmap.plan.model import ActionLevel, LocatedMeasure, MeasureId, PlanLevel, Roadmap
from gia_roadmap.plan.responsible import Responsible
from gia_roadmap.text import normalize

__all__ = [
    "TEXT_FIELDS",
    "ItemLink",
    "LinkSource",
    "LinkSuggestion",
    "PlanLinks",
    "cites_parent",
    "link_plans",
    "obliges",
    "obliging_party",
]


class LinkSource(enum.Enum):
    """Where the document writes a link to its parent's item."""

    COLUMN = "column"
    """A column of parent item numbers («№ по приказу Департамента»)."""
    TEXT = "text"
    """A reference in the measure's text («в соответствии с п. 2.3 регионального плана»)."""


@attrs.frozen
class ItemLink:
    """A measure of a child plan implements an item of its parent, as the document writes.

    Attributes:
        child: the implementing measure.
        number: the parent item's number as cited, canonical («6.16»).
        targets: the parent's measures with that number (none: the parent has no such item; two: the
            parent numbers two items alike).
        source: a column or the text.
        field: the measure field it is written in («parent_item», «title», «level_actions» …).
        evidence: the cell or the reference as written.
    """

    child: MeasureId
    number: str
    targets: tuple[MeasureId, ...]
    source: LinkSource
    field: str
    evidence: str


@attrs.frozen
class LinkSuggestion:
    """A measure of a child plan may implement an item of its parent: their wording is alike.

    Attributes:
        child: the measure of the child plan.
        parent: the parent's measure.
        score: the similarity, 0 to 1 (:mod:`~gia_roadmap.plan.cascade.similarity`).
        shared: the word stems both share, the rarest first (the evidence).
    """

    child: MeasureId
    parent: MeasureId
    score: float
    shared: tuple[str, ...]


@attrs.frozen
class PlanLinks:
    """The links of one child plan to its parent.

    Attributes:
        child: the child plan's id.
        parent: the parent plan's id.
        links: the explicit links, in the child's document order.
        suggestions: the suggested links of measures with no explicit link, in document order.
    """

    child: str
    parent: str
    links: tuple[ItemLink, ...] = ()
    suggestions: tuple[LinkSuggestion, ...] = ()

    @property
    def explicit(self) -> bool:
        """True when the child plan writes links to its parent's items at all."""
        return bool(self.links)

    def implemented(self) -> frozenset[MeasureId]:
        """The parent's measures some explicit link targets."""
        return frozenset(target for link in self.links for target in link.targets)

    def suggested(self) -> frozenset[MeasureId]:
        """The parent's measures some suggestion points to."""
        return frozenset(s.parent for s in self.suggestions)

    def links_of(self, child: MeasureId) -> tuple[ItemLink, ...]:
        """The explicit links of one measure of the child plan."""
        return tuple(link for link in self.links if link.child == child)


TEXT_FIELDS: tuple[str, ...] = ("title", "level_actions", "description", "expected_result", "notes")
"""The fields of a measure searched for references to the parent's items."""


def _texts(item: LocatedMeasure) -> Iterator[tuple[str, str]]:
    measure = item.measure
    yield "title", measure.title
    for action in measure.level_actions:
        yield "level_actions", action.text
    yield "description", measure.description
    yield "expected_result", measure.expected_result
    for note in measure.notes:
        yield "notes", note


def cites_parent(document: CitedDocument, parent: Roadmap) -> bool:
    """True when the document a reference cites is ``parent``:

    * an order or a plan with a date or a number: one of the parent's approving orders
      (:func:`~gia_roadmap.plan.cascade.planset.same_order`);
    * otherwise an order or a plan whose level («регионального плана», the issuer «Министерства
      образования … области») is the parent's, or whose issuer's first word is the parent issuer's
      («приказа Департамента» under the «Департамент образования …»).

    The citing document itself («настоящего плана»), other documents («Порядка») and references that
    name no document («см. п. 2.3»), or a bare «плана» or «приказа», are never the parent.
    """
    if document.kind not in (CitedKind.ORDER, CitedKind.PLAN):
        return False
    if document.date is not None or document.number:
        return any(
            same_order(order, document.date, document.number, document.issuer) for order in parent.orders
        )
    issuer = _issuer_head(document.issuer)
    if issuer and _issuer_head(parent.issuer) and issuer != _issuer_head(parent.issuer):
        return False
    if document.level is not None:
        return document.level is parent.level
    return bool(issuer) and issuer == _issuer_head(parent.issuer)


def _parent_index(parent: Roadmap) -> tuple[list[LocatedMeasure], dict[str, list[MeasureId]]]:
    items = list(parent.walk())
    numbers: dict[str, list[MeasureId]] = {}
    for item in items:
        if item.measure.number.is_numbered:
            numbers.setdefault(item.measure.number.canonical, []).append(item.id)
    return items, numbers


def link_plans(
    child: Roadmap,
    parent: Roadmap,
    *,
    suggest: bool = True,
    min_score: float = 0.45,
) -> PlanLinks:
    """The explicit and suggested links of ``child``'s measures to ``parent``'s items (see the module
    docstring); suggestions only for measures with no explicit link, scored at least ``min_score``."""
    parent_items, numbers = _parent_index(parent)
    links: list[ItemLink] = []
    unlinked: list[LocatedMeasure] = []
    child_items = list(child.walk())
    for item in child_items:
        own: list[ItemLink] = []
        ref = item.measure.parent_item
        if ref is not None:
            for number in ref.numbers:
                targets = tuple(numbers.get(number, ()))
                own.append(ItemLink(item.id, number, targets, LinkSource.COLUMN, "parent_item", ref.raw))
        for field, text in _texts(item):
            if not text or not _MAY_CITE.search(text):
                continue
            for reference in read_item_references(text):
                if cites_parent(reference.document, parent):
                    own.extend(_text_links(item.id, reference, field, numbers))
        links.extend(_unique(own))
        if not own:
            unlinked.append(item)
    suggestions: list[LinkSuggestion] = []
    if suggest and unlinked and parent_items:
        index = SimilarityIndex(
            [p.measure.title for p in parent_items], [c.measure.title for c in child_items]
        )
        for item in unlinked:
            for position, score, shared in index.best(item.measure.title, min_score=min_score):
                suggestions.append(LinkSuggestion(item.id, parent_items[position].id, score, shared))
    return PlanLinks(child.id, parent.id, tuple(links), tuple(suggestions))


_MAY_CITE = re.compile(r"(?<![\w])(?:п\.|пп|пункт|подпункт)", re.IGNORECASE)
"""A text that may hold a reference (most hold none: the reader runs only on these)."""


def _text_links(
    child: MeasureId, reference: ItemReference, field: str, numbers: dict[str, list[MeasureId]]
) -> Iterator[ItemLink]:
    for number in reference.numbers:
        yield ItemLink(child, number, tuple(numbers.get(number, ())), LinkSource.TEXT, field, reference.raw)


def _unique(links: Iterable[ItemLink]) -> list[ItemLink]:
    """One link per cited number of a measure: the column's first, then the text's."""
    seen: set[str] = set()
    out = []
    for link in links:
        if link.number not in seen:
            seen.add(link.number)
            out.append(link)
    return out


# --------------------------------------------------------------------------------------------
# Duties: which parent items oblige a child plan
# --------------------------------------------------------------------------------------------

_BODY_LEVEL = {PlanLevel.MUNICIPAL: BodyLevel.MUNICIPAL, PlanLevel.SCHOOL: BodyLevel.SCHOOL}
_ACTION_LEVEL = {PlanLevel.MUNICIPAL: ActionLevel.MUNICIPAL, PlanLevel.SCHOOL: ActionLevel.INSTITUTIONAL}


def obliges(item: LocatedMeasure, child: Roadmap) -> bool:
    """True when the parent's ``item`` obliges the ``child`` plan to act, by one rule: the item names
    the child's level among those responsible (the level of the responsible body, :class:`Body`'s
    ``level``).

    * A body of the child's level as a whole — «ОМСУ», «МОУО», «муниципальные органы управления
      образованием», «органы местного самоуправления, осуществляющие управление в сфере образования»
      for a municipal plan; «ОО», «общеобразовательные организации», «руководители ОО» for a school
      plan — obliges every plan of that level.
    * A named body of that level obliges only the plan of that body: for a municipal plan, its issuer
      or a body named after its territory («Управление образования Администрации города Когалыма»);
      for a school plan, its issuer only («МБОУ «СОШ № 3» города Энска» obliges that school, not the
      other schools of the city).
    * An action written for that level (a column «муниципальный уровень» or «институциональный уровень
      (ОО)» with text in it) obliges the plans of that level.

    Items of a plan's own bodies only (the region's ministry, its institute, the ГЭК) oblige no one
    below; a child plan of a level the item does not name is not obliged — a municipal plan need not
    repeat the region's own items, a school plan the municipality's own. Exam sites («ППЭ»,
    «руководители ППЭ», «организаторы ППЭ») oblige no school plan: a ППЭ is set up and staffed by the
    region's order for the exam days, and most schools host none.
    """
    level = _BODY_LEVEL.get(child.level)
    if level is None:
        return False
    measure = item.measure
    action_level = _ACTION_LEVEL[child.level]
    if any(action.level is action_level and action.text.strip() for action in measure.level_actions):
        return True
    return obliging_party(item, child) is not None


def obliging_party(item: LocatedMeasure, child: Roadmap) -> Responsible | None:
    """The first of the parent's ``item``'s responsible parties that obliges the ``child`` plan (see
    :func:`obliges`: a body of the child's level, as a whole or the child's own); None for none."""
    level = _BODY_LEVEL.get(child.level)
    for responsible in item.measure.all_responsible:
        body = responsible.body
        if body is None or level is None or body.level is not level or body.kind is BodyKind.EXAM_SITE:
            continue
        if body.generic or _is_childs_body(body, child):
            return responsible
    return None


def _is_childs_body(body: Body, child: Roadmap) -> bool:
    if child.issuer_body is not None and body.same_as(child.issuer_body):
        return True
    if child.level is PlanLevel.SCHOOL:  # a city has many schools: only the school's own name counts
        return bool(child.issuer) and normalize(body.name) == normalize(child.issuer)
    names = _place_names(child.territory or child.issuer)
    return bool(names) and bool(_place_names(body.name) & names)
