"""Lazy public names for a package (PEP 562): each is imported from its submodule on first use.

A package's ``__init__`` keeps its ``__all__`` and, under ``TYPE_CHECKING``, the real imports for
type checkers; at run time :func:`lazy_names` gives it the module ``__getattr__`` that imports a name
the first time it is asked for and keeps it in the package from then on, and the ``__dir__`` that shows
the public names only (``__all__``): no helper, import or submodule leaks into ``dir()``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_names"]


def lazy_names(
    package: str,
    sources: Mapping[str, tuple[str, ...]],
    renamed: Mapping[str, str] | None = None,
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``.

    Args:
        package: the package's ``__name__``.
        sources: per submodule (relative name), the public names it provides.
        renamed: a public name -> its name in the submodule, where they differ.
    """
    origins = {name: module for module, names in sources.items() for name in names}
    renames = dict(renamed or {})

    def attribute(name: str) -> object:
        module = origins.get(name)
        if module is None:
            raise AttributeError(
                f"module {package!r} has no attribute {name!r} (its public names are in {package}.__all__)"
            )
        value = getattr(importlib.import_module(f"{package}.{module}"), renames.get(name, name))
        setattr(sys.modules[package], name, value)
        return value

    def names() -> list[str]:
        return sorted(getattr(sys.modules[package], "__all__", ()))

    return attribute, names
