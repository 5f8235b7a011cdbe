"""Plans in a hierarchy («каскад»): a regional plan, the municipal plans that implement it and the
school plans below them, linked item by item.

* :mod:`~gia_roadmap.plan.cascade.planset` — :class:`PlanSet`: the plans, each knowing its parent
  (given, or inferred from what the documents say of themselves);
* :mod:`~gia_roadmap.plan.cascade.references` — the reader of references to another document's items
  («п. 2.3 приказа Департамента от 29.10.2021 № 10-П-1485») and of order citations;
* :mod:`~gia_roadmap.plan.cascade.linking` — :func:`link_plans`: explicit links (a column of parent
  item numbers, references in the text) and suggested ones (similar wording, never a fact), and
  :func:`obliges`, the rule of which parent items a lower plan must act on (:func:`obliging_party`, the
  party of the item that obliges it);
* :mod:`~gia_roadmap.plan.cascade.similarity` — the weighted word-stem similarity behind suggestions.

The cascade checks read these (:mod:`gia_roadmap.plan.checks.cascade`: GR603, GR604, GR606–GR608), and
:func:`gia_roadmap.plan.checks.sets.check_plans` checks a whole set at once.
"""

from __future__ import annotations

from gia_roadmap.plan.cascade.linking import (
    TEXT_FIELDS,
    ItemLink,
    LinkSource,
    LinkSuggestion,
    PlanLinks,
    cites_parent,
    link_plans,
    obliges,
    obliging_party,
)
from gia_roadmap.plan.cascade.planset import LEVEL_RANK, PlanSet, infer_parent, order_key, same_order
from gia_roadmap.plan.cascade.references import (
    CitedDocument,
    CitedKind,
    ItemReference,
    OrderCitation,
    read_item_references,
    read_order_citations,
)
from gia_roadmap.plan.cascade.similarity import SimilarityIndex, word_stems

__all__ = [
    "LEVEL_RANK",
    "TEXT_FIELDS",
    "CitedDocument",
    "CitedKind",
    "ItemLink",
    "ItemReference",
    "LinkSource",
    "LinkSuggestion",
    "OrderCitation",
    "PlanLinks",
    "PlanSet",
    "SimilarityIndex",
    "cites_parent",
    "infer_parent",
    "link_plans",
    "obliges",
    "obliging_party",
    "order_key",
    "read_item_references",
    "read_order_citations",
    "same_order",
    "word_stems",
]


def __dir__() -> list[str]:
    return list(__all__)
