"""The API reference (docs/api/, one short page per task) and the public names hold each other (#21):
every name a package exports is documented on exactly one task page, and no page documents an internal
name of those packages."""

from __future__ import annotations

import importlib
import re
from collections import Counter
from pathlib import Path

import pytest

API = Path(__file__).resolve().parents[1] / "docs" / "api"
# The packages whose reference is written name by name on the task pages.
BY_NAME = ("calendar", "plan", "io")
_DIRECTIVE = re.compile(r"^::: gia_roadmap\.(\w+)\.(\w+)\s*$", re.MULTILINE)


def _documented() -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for page in API.glob("*.md"):
        found.update(_DIRECTIVE.findall(page.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("package", BY_NAME)
def test_every_public_name_is_on_one_task_page(package: str) -> None:
    public = importlib.import_module(f"gia_roadmap.{package}").__all__
    documented = _documented()
    missing = [name for name in public if documented[(package, name)] == 0]
    twice = [name for name in public if documented[(package, name)] > 1]
    assert not missing, (
        f"public names of gia_roadmap.{package} missing from the API reference: {missing}; add a line "
        f"'::: gia_roadmap.{package}.<Name>' to the task page in docs/api/ where a user looks for it"
    )
    assert not twice, f"documented on more than one page: {twice}"


@pytest.mark.parametrize("package", BY_NAME)
def test_no_task_page_documents_an_internal_name(package: str) -> None:
    public = set(importlib.import_module(f"gia_roadmap.{package}").__all__)
    internal = sorted(name for pkg, name in _documented() if pkg == package and name not in public)
    assert not internal, f"docs/api documents names gia_roadmap.{package} does not export: {internal}"


def test_every_task_page_is_in_the_navigation() -> None:
    nav = (API.parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(page.name for page in API.glob("*.md"))
    assert [name for name in pages if f"api/{name}" not in nav] == []
