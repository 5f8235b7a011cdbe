"""The examples in the docstrings of gia_roadmap.text are true (doctest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gia_roadmap.text

MODULES = sorted(m.name for m in pkgutil.iter_modules(gia_roadmap.text.__path__, "gia_roadmap.text."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_every_public_module_has_examples() -> None:
    public = [name for name in MODULES if not name.rsplit(".", 1)[1].startswith("_")]
    without = [n for n in public if doctest.testmod(importlib.import_module(n)).attempted == 0]
    assert without == ["gia_roadmap.text.cases"]  # enums only
