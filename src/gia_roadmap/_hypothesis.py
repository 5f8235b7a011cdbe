"""The work of the Hypothesis entry point, kept cheap: strategies are registered for gia_roadmap's types
as the modules defining them are imported, never by importing them.

Hypothesis runs the entry point (``gia_roadmap:_hypothesis_setup_hook``) at every ``import hypothesis``
wherever gia_roadmap is installed, including projects that never use it. So :func:`install` imports
nothing of gia_roadmap beyond this module:

* for a type module already imported (:data:`TYPE_MODULES`), it registers a resolver for each of the
  module's public attrs classes at once;
* for the others it puts a finder at the front of :data:`sys.meta_path` that answers for those module
  names only: it lets the usual finder find the module, runs the module's code as usual, then registers
  the module's classes. The finder leaves :data:`sys.meta_path` when the last type module is in.

A resolver is a function, called by ``st.from_type`` the first time a test asks for its type; only then
does it import :mod:`gia_roadmap.strategies` (and with it the model), and it hands over the module's
strategy for that type.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

__all__ = ["TYPE_MODULES", "install", "register_module"]

TYPE_MODULES = frozenset(
    {
        "gia_roadmap.errors",
        "gia_roadmap.calendar.anchors",
        "gia_roadmap.calendar.schedule",
        "gia_roadmap.calendar.schoolyear",
        "gia_roadmap.calendar.terms.containers",
        "gia_roadmap.calendar.terms.days",
        "gia_roadmap.calendar.terms.months",
        "gia_roadmap.calendar.terms.periods",
        "gia_roadmap.calendar.terms.references",
        "gia_roadmap.calendar.terms.relative",
        "gia_roadmap.calendar.terms.rules",
        "gia_roadmap.calendar.terms.years",
        "gia_roadmap.plan.bodies",
        "gia_roadmap.plan.glossary",
        "gia_roadmap.plan.model",
        "gia_roadmap.plan.people",
        "gia_roadmap.plan.responsible",
    }
)
"""The modules defining the types :mod:`gia_roadmap.strategies` has strategies for (a test keeps the
two in step)."""


def _resolve(thing: type) -> Any:
    """The strategy for ``thing`` (``NotImplemented`` for a type the kit does not cover, so Hypothesis
    falls back to its own inference)."""
    from gia_roadmap import strategies

    return strategies.strategy_for(thing)


def register_module(module: ModuleType) -> None:
    """Register the resolver for each public attrs class ``module`` defines."""
    from hypothesis import strategies as st

    for name in getattr(module, "__all__", ()):
        value = module.__dict__.get(name)
        if isinstance(value, type) and value.__module__ == module.__name__ and _is_attrs_class(value):
            st.register_type_strategy(value, _resolve)


def _is_attrs_class(cls: type) -> bool:
    return "__attrs_attrs__" in vars(cls)


class _Announcing(Loader):
    """A module's own loader, which registers the module's classes once its code has run."""

    def __init__(self, loader: Loader, finder: _TypeModuleFinder) -> None:
        self._loader = loader
        self._finder = finder

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # The module keeps its own loader (source lookups, resources), not this wrapper.
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        self._finder.loaded(module)


class _TypeModuleFinder(MetaPathFinder):
    """Finds nothing itself: for the pending type modules it wraps the loader another finder found."""

    def __init__(self, pending: set[str]) -> None:
        self.pending = pending

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in self.pending:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is None:
                continue
            if isinstance(spec.loader, Loader) and hasattr(spec.loader, "exec_module"):
                spec.loader = _Announcing(spec.loader, self)
            return spec
        return None

    def loaded(self, module: ModuleType) -> None:
        self.pending.discard(module.__name__)
        if not self.pending and self in sys.meta_path:
            sys.meta_path.remove(self)
        register_module(module)


def install() -> None:
    """Register the type modules already imported, and watch for the others."""
    if any(isinstance(finder, _TypeModuleFinder) for finder in sys.meta_path):
        return  # installed already (Hypothesis imported afresh, say)
    pending = set()
    for name in sorted(TYPE_MODULES):
        module = sys.modules.get(name)
        if module is None:
            pending.add(name)
        else:
            register_module(module)
    if pending:
        sys.meta_path.insert(0, _TypeModuleFinder(pending))
