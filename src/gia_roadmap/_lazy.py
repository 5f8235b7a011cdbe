"""Lazy public names for a package (PEP 562), written once in the package's ``__init__.pyi``.

Type checkers and IDEs read the stub's ``from .module import Name as Name`` lines; at run time
:func:`attach` builds the package's ``__all__``, ``__dir__`` (the public names only) and ``__getattr__``
from the same stub with `lazy_loader <https://pypi.org/project/lazy-loader/>`_ (Scientific Python's
lazy loader), so each name is imported from its submodule on first use: ``import gia_roadmap.calendar``
does not pay for the term parser or the production calendar until they are asked for.
"""

from __future__ import annotations

from collections.abc import Callable

import lazy_loader  # type: ignore[import-untyped]

__all__ = ["attach"]


def attach(package: str, file: str) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """The module ``__getattr__``, ``__dir__`` and ``__all__`` of ``package`` from its ``__init__.pyi``.

    An unknown name raises an :class:`AttributeError` that says where the public names are.
    """
    lazy_getattr, lazy_dir, names = lazy_loader.attach_stub(package, file)

    def attribute(name: str) -> object:
        try:
            return lazy_getattr(name)
        except AttributeError:
            raise AttributeError(
                f"module {package!r} has no attribute {name!r} (its public names are in {package}.__all__)"
            ) from None

    return attribute, lazy_dir, list(names)
