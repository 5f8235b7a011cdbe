"""The examples in the docstrings of gia_roadmap.plan.cascade are true (doctest)."""

import doctest
import importlib

import pytest

MODULES = (
    "gia_roadmap.plan.cascade.planset",
    "gia_roadmap.plan.cascade.references",
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
