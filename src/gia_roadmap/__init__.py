"""gia_roadmap: typed, checkable «дорожные карты» for Russia's school-leaving exams (ГИА).

Subpackages:

* :mod:`gia_roadmap.calendar` — the official production calendar, working-day arithmetic and deadline
  terms («Сроки»).
* :mod:`gia_roadmap.plan` — roadmaps, sections and measures, the registries that read real documents,
  the dependency graph and :func:`~gia_roadmap.plan.check`.
* :mod:`gia_roadmap.io` — JSON/YAML, importing Word/Excel/CSV/text tables, exports.
* :mod:`gia_roadmap.examples` — the five seed documents as seven bundled roadmaps.
* :mod:`gia_roadmap.strategies` — Hypothesis strategies for every public type.
* :mod:`gia_roadmap.errors` — the error hierarchy rooted at :class:`GiaRoadmapError`, and the one shape
  of a problem at a place (:class:`Problem`, :class:`Location`, :class:`Severity`).
"""

import sys
import warnings

from gia_roadmap._lazy import attach

# Nothing is imported here: ``import gia_roadmap.plan`` (or ``.calendar``, ``.io``) imports what it needs,
# each of them lazily (PEP 562), and so do the errors below, because the Hypothesis entry point imports
# this package at every ``import hypothesis`` wherever it is installed (see _hypothesis_setup_hook).
# ``__version__`` asks the package metadata on first use only.

_SUBMODULES = frozenset(
    {"calendar", "cli", "display", "examples", "io", "plan", "strategies", "testing", "text"}
)
_error_attribute, _, _error_names = attach(__name__, __file__)  # the errors, written once in __init__.pyi
__all__ = [*_error_names, "__version__"]


def _lazy_attribute(name: str) -> object:
    """An error class or ``problems_of`` (imported from :mod:`gia_roadmap.errors` on first use), or
    ``__version__``, read from the installed package's metadata on first use; each kept from then on."""
    if name in _error_names:
        return _error_attribute(name)
    if name != "__version__":
        hint = f"import {__name__}.{name} first" if name in _SUBMODULES else f"see {__name__}.__all__"
        raise AttributeError(f"module {__name__!r} has no attribute {name!r} ({hint})")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("gia-roadmap")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        value = "0.0.0"
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names and the public subpackages imported so far; no helper leaks into ``dir()``."""
    loaded = {name for name in _SUBMODULES if f"{__name__}.{name}" in sys.modules}
    return sorted({*__all__, *loaded})


__getattr__ = _lazy_attribute


def _hypothesis_setup_hook() -> None:
    """Register the strategies of :mod:`gia_roadmap.strategies` for ``st.from_type``, or warn.

    Hypothesis runs the ``hypothesis`` entry point at every ``import hypothesis`` where this package is
    installed, so it must be cheap: it imports only :mod:`gia_roadmap._hypothesis`, which registers each
    type as its module is imported and builds its strategy when a test first asks for it. A failure here
    becomes a warning: a broken gia_roadmap must not break ``import hypothesis`` in someone else's project.
    """
    try:
        from gia_roadmap import _hypothesis

        _hypothesis.install()
    except Exception as error:
        warnings.warn(
            "gia_roadmap: its Hypothesis strategies were not registered, so st.from_type() does not know "
            f"gia_roadmap's types ({type(error).__name__}: {error})",
            stacklevel=2,
        )
