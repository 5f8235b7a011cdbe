"""The registry of checks: ``@rule("GR501")`` on a check function declares the code it reports.

Each family module of :mod:`gia_roadmap.plan.checks` decorates its check functions; importing the
package registers them all. :func:`registered` gives them in code order, which is the order
:func:`~gia_roadmap.plan.checks.check` runs them in. A code is registered once: a second function for
the same code is a programming error and fails at import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from gia_roadmap.plan.checks.context import CheckContext
    from gia_roadmap.plan.findings import Finding

__all__ = ["CheckFunction", "registered", "rule"]

CheckFunction = Callable[["CheckContext"], Iterable["Finding"]]
"""A check: the context of one run in, the findings of its code out."""

_F = TypeVar("_F", bound=CheckFunction)

_RULES: dict[str, CheckFunction] = {}


def rule(code: str) -> Callable[[_F], _F]:
    """Register the decorated function as the check that reports ``code``."""

    def register(function: _F) -> _F:
        held = _RULES.get(code)
        if held is not None and held is not function:
            raise RuntimeError(f"{code} is registered twice: {held.__qualname__} and {function.__qualname__}")
        _RULES[code] = function
        return function

    return register


def registered() -> tuple[tuple[str, CheckFunction], ...]:
    """Every registered check with its code, in code order."""
    return tuple(sorted(_RULES.items()))
