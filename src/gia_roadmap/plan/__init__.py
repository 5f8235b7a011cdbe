"""Roadmaps as data: the model, the registries that read real documents, and queries.

* :mod:`~gia_roadmap.plan.model` — :class:`Roadmap`, :class:`Section`, :class:`Measure` and their parts;
* :mod:`~gia_roadmap.plan.categories`, :mod:`~gia_roadmap.plan.bodies`,
  :mod:`~gia_roadmap.plan.glossary`, :mod:`~gia_roadmap.plan.people`,
  :mod:`~gia_roadmap.plan.responsible` — the registries (general rules for synonyms, inflections,
  typos);
* :mod:`~gia_roadmap.plan.sections` — canonical section kinds (exam scopes and stages are calendar
  vocabulary: :mod:`gia_roadmap.calendar.exams`);
* :mod:`~gia_roadmap.plan.queries`, :mod:`~gia_roadmap.plan.summary` — questions asked of a plan;
* :mod:`~gia_roadmap.plan.graph`, :mod:`~gia_roadmap.plan.scheduling` — the dependency graph between
  measures and events, earliest/latest dates, slack and the critical path;
* :mod:`~gia_roadmap.plan.checks`, :mod:`~gia_roadmap.plan.findings` — :func:`check` and its
  :class:`Report` of coded findings (never printed, never raised).
"""

from gia_roadmap._lazy import attach

# The public names are written once, in __init__.pyi; each is imported from its submodule on first use.
__getattr__, __dir__, __all__ = attach(__name__, __file__)
