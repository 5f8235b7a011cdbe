"""The Hypothesis entry point registers exactly the types the strategies module covers.

Which modules the entry point imports, and that a broken install only warns, is in tests/test_imports.py.
"""

from __future__ import annotations

import importlib

from gia_roadmap import _hypothesis
from gia_roadmap import strategies as gst


def _public_attrs_classes(module_name: str) -> list[type]:
    module = importlib.import_module(module_name)
    return [
        value
        for name in module.__all__
        if isinstance(value := module.__dict__.get(name), type)
        and value.__module__ == module_name
        and "__attrs_attrs__" in vars(value)
    ]


def test_the_entry_point_watches_the_modules_of_the_covered_types() -> None:
    covered = {cls for name in _hypothesis.TYPE_MODULES for cls in _public_attrs_classes(name)}
    with_strategy = {cls for cls in covered if gst.strategy_for(cls) is not NotImplemented}
    assert {cls.__module__ for cls in with_strategy} == set(_hypothesis.TYPE_MODULES)
