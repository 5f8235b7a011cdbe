"""Roadmaps as data: the model, the registries that read real documents, and queries.

* :mod:`~gia_roadmap.plan.model` — :class:`Roadmap`, :class:`Section`, :class:`Measure` and their parts;
* :mod:`~gia_roadmap.plan.categories`, :mod:`~gia_roadmap.plan.bodies`,
  :mod:`~gia_roadmap.plan.glossary`, :mod:`~gia_roadmap.plan.people`,
  :mod:`~gia_roadmap.plan.responsible` — the registries (general rules for synonyms, inflections,
  typos);
* :mod:`~gia_roadmap.plan.exams` — exam scopes and periods; :mod:`~gia_roadmap.plan.sections` —
  canonical section kinds;
* :mod:`~gia_roadmap.plan.queries`, :mod:`~gia_roadmap.plan.summary` — questions asked of a plan;
* :mod:`~gia_roadmap.plan.graph`, :mod:`~gia_roadmap.plan.scheduling` — the dependency graph between
  measures and events, earliest/latest dates, slack and the critical path;
* :mod:`~gia_roadmap.plan.checks`, :mod:`~gia_roadmap.plan.findings` — :func:`check` and its
  :class:`Report` of coded findings (never printed, never raised).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the real names for type checkers and IDEs; at run time each is imported on first use
    from gia_roadmap.plan.bodies import (
        FEDERAL_BODIES,
        STANDARD_ABBREVIATIONS,
        Body,
        BodyKind,
        BodyLevel,
        classify_body,
        find_federal_body,
        standard_body,
    )
    from gia_roadmap.plan.categories import (
        CategoryMention,
        SpecialistCategory,
        find_categories,
        resolve_category,
    )
    from gia_roadmap.plan.checks import (
        CHECKS,
        STANDARD_TRAINED_CATEGORIES,
        CheckContext,
        CheckOptions,
        check,
        is_training,
    )
    from gia_roadmap.plan.exams import ExamPeriod, ExamScope, detect_exam_periods, detect_exam_scopes
    from gia_roadmap.plan.findings import (
        CATALOGUE,
        CodeInfo,
        Finding,
        Location,
        Report,
        ReportSummary,
        Severity,
        Suppression,
    )
    from gia_roadmap.plan.glossary import (
        Glossary,
        GlossaryEntry,
        GlossarySource,
        harvest_inline,
        harvest_list,
    )
    from gia_roadmap.plan.graph import (
        MARKERS,
        DanglingLink,
        DependencyGraph,
        EventNode,
        ImplementsLink,
        Link,
        LinkOrigin,
        Node,
        SuggestedLink,
        suggest_links,
    )
    from gia_roadmap.plan.model import (
        ActionLevel,
        Cluster,
        Dependency,
        DependencyKind,
        GroupingKind,
        LevelAction,
        LocatedMeasure,
        Measure,
        MeasureId,
        MeasureNumber,
        MeasureRef,
        Order,
        ParentItemRef,
        PlanLevel,
        PlanRef,
        Provenance,
        ProvenanceKind,
        Roadmap,
        Section,
        SectionKind,
        Status,
        StatusKind,
        Target,
        TargetKind,
    )
    from gia_roadmap.plan.people import NameOrder, Person, Role, parse_person
    from gia_roadmap.plan.queries import (
        DueState,
        MeasureState,
        by_body,
        by_category,
        by_exam_scope,
        by_person,
        by_role,
        by_section_kind,
        in_range,
        resolve_measure,
        states,
    )
    from gia_roadmap.plan.responsible import (
        MatchQuality,
        Party,
        Responsible,
        ResponsibleResolver,
        resolve_responsible,
    )
    from gia_roadmap.plan.scheduling import (
        NodeSchedule,
        Schedule,
        Violation,
        ViolationKind,
        schedule,
    )
    from gia_roadmap.plan.sections import classify_section
    from gia_roadmap.plan.summary import PlanSummary, summarize

__all__ = [
    "CATALOGUE",
    "CHECKS",
    "FEDERAL_BODIES",
    "MARKERS",
    "STANDARD_ABBREVIATIONS",
    "STANDARD_TRAINED_CATEGORIES",
    "ActionLevel",
    "Body",
    "BodyKind",
    "BodyLevel",
    "CategoryMention",
    "CheckContext",
    "CheckOptions",
    "Cluster",
    "CodeInfo",
    "DanglingLink",
    "Dependency",
    "DependencyGraph",
    "DependencyKind",
    "DueState",
    "EventNode",
    "ExamPeriod",
    "ExamScope",
    "Finding",
    "Glossary",
    "GlossaryEntry",
    "GlossarySource",
    "GroupingKind",
    "ImplementsLink",
    "LevelAction",
    "Link",
    "LinkOrigin",
    "LocatedMeasure",
    "Location",
    "MatchQuality",
    "Measure",
    "MeasureId",
    "MeasureNumber",
    "MeasureRef",
    "MeasureState",
    "NameOrder",
    "Node",
    "NodeSchedule",
    "Order",
    "ParentItemRef",
    "Party",
    "Person",
    "PlanLevel",
    "PlanRef",
    "PlanSummary",
    "Provenance",
    "ProvenanceKind",
    "Report",
    "ReportSummary",
    "Responsible",
    "ResponsibleResolver",
    "Roadmap",
    "Role",
    "Schedule",
    "Section",
    "SectionKind",
    "Severity",
    "SpecialistCategory",
    "Status",
    "StatusKind",
    "SuggestedLink",
    "Suppression",
    "Target",
    "TargetKind",
    "Violation",
    "ViolationKind",
    "by_body",
    "by_category",
    "by_exam_scope",
    "by_person",
    "by_role",
    "by_section_kind",
    "check",
    "classify_body",
    "classify_section",
    "detect_exam_periods",
    "detect_exam_scopes",
    "find_categories",
    "find_federal_body",
    "harvest_inline",
    "harvest_list",
    "in_range",
    "is_training",
    "parse_person",
    "resolve_category",
    "resolve_measure",
    "resolve_responsible",
    "schedule",
    "standard_body",
    "states",
    "suggest_links",
    "summarize",
]

# Where each public name lives. A name's submodule is imported when the name is first used (PEP 562),
# so ``import gia_roadmap.plan.model`` (as the Hypothesis hook does) pays neither for the checks nor for
# the dependency graph and networkx.
_SOURCES: dict[str, tuple[str, ...]] = {
    "bodies": (
        "FEDERAL_BODIES",
        "STANDARD_ABBREVIATIONS",
        "Body",
        "BodyKind",
        "BodyLevel",
        "classify_body",
        "find_federal_body",
        "standard_body",
    ),
    "categories": ("CategoryMention", "SpecialistCategory", "find_categories", "resolve_category"),
    "checks": (
        "CHECKS",
        "STANDARD_TRAINED_CATEGORIES",
        "CheckContext",
        "CheckOptions",
        "check",
        "is_training",
    ),
    "exams": ("ExamPeriod", "ExamScope", "detect_exam_periods", "detect_exam_scopes"),
    "findings": (
        "CATALOGUE",
        "CodeInfo",
        "Finding",
        "Location",
        "Report",
        "ReportSummary",
        "Severity",
        "Suppression",
    ),
    "glossary": ("Glossary", "GlossaryEntry", "GlossarySource", "harvest_inline", "harvest_list"),
    "graph": (
        "MARKERS",
        "DanglingLink",
        "DependencyGraph",
        "EventNode",
        "ImplementsLink",
        "Link",
        "LinkOrigin",
        "Node",
        "SuggestedLink",
        "suggest_links",
    ),
    "model": (
        "ActionLevel",
        "Cluster",
        "Dependency",
        "DependencyKind",
        "GroupingKind",
        "LevelAction",
        "LocatedMeasure",
        "Measure",
        "MeasureId",
        "MeasureNumber",
        "MeasureRef",
        "Order",
        "ParentItemRef",
        "PlanLevel",
        "PlanRef",
        "Provenance",
        "ProvenanceKind",
        "Roadmap",
        "Section",
        "SectionKind",
        "Status",
        "StatusKind",
        "Target",
        "TargetKind",
    ),
    "people": ("NameOrder", "Person", "Role", "parse_person"),
    "queries": (
        "DueState",
        "MeasureState",
        "by_body",
        "by_category",
        "by_exam_scope",
        "by_person",
        "by_role",
        "by_section_kind",
        "in_range",
        "resolve_measure",
        "states",
    ),
    "responsible": ("MatchQuality", "Party", "Responsible", "ResponsibleResolver", "resolve_responsible"),
    "scheduling": ("NodeSchedule", "Schedule", "Violation", "ViolationKind", "schedule"),
    "sections": ("classify_section",),
    "summary": ("PlanSummary", "summarize"),
}
_ORIGINS: dict[str, str] = {name: module for module, names in _SOURCES.items() for name in names}


def _lazy_attribute(name: str) -> object:
    """A public name, imported from its submodule on first use and kept in the package from then on."""
    module = _ORIGINS.get(name)
    if module is None:
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r} (its public names are in {__name__}.__all__)"
        )
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if not TYPE_CHECKING:  # hidden from type checkers, which see the imports above and flag unknown names
    __getattr__ = _lazy_attribute
