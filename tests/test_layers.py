"""The layer contract: layers point one way, siblings form no circle, and no module reaches another of
ours by name at run time, where neither the contract nor a type checker can see it (docs/design.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "gia_roadmap"


_DYNAMIC = {"import_module", "__import__"}


def _dynamic_imports(tree: ast.AST) -> list[ast.Call]:
    """Calls of ``importlib.import_module``, ``import_module`` or ``__import__`` (however imported)."""
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in _DYNAMIC:
            calls.append(node)
    return calls


def _names_our_module(call: ast.Call) -> bool:
    """True unless the call names a third-party module as a plain string («pandas», «yaml»)."""
    if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
        return True  # a name computed at run time could be anything, ours included
    name = call.args[0].value
    return name.startswith(("gia_roadmap", "."))


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)}"
        for call in _dynamic_imports(tree)
        if _names_our_module(call)
    ]


def test_no_module_imports_another_of_ours_by_name() -> None:
    offences = [o for path in sorted(PACKAGE.rglob("*.py")) for o in _offences(path)]
    assert offences == [], "import these with an import statement, so the layer contract sees them"


@pytest.mark.parametrize(
    ("source", "offends"),
    [
        ("import importlib\nimportlib.import_module('gia_roadmap.plan.checks')", True),
        ("from importlib import import_module\nimport_module('.checks', 'gia_roadmap.plan')", True),
        ("__import__('gia_roadmap.plan')", True),
        ("import importlib\nname = 'plan'\nimportlib.import_module(f'gia_roadmap.{name}')", True),
        ("import importlib\nimportlib.import_module(module_name)", True),
        ("import importlib\nimportlib.import_module('pandas')", False),
        ("from gia_roadmap.plan.checks import check", False),
    ],
)
def test_the_detector_tells_a_detour_from_an_optional_library(source: str, offends: bool) -> None:
    tree = ast.parse(source)
    assert any(_names_our_module(call) for call in _dynamic_imports(tree)) is offends


def test_the_layers_are_declared_in_the_documented_order() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    order = [name.strip("()") for layer in layers["layers"] for name in layer.replace("|", ":").split(" : ")]
    for lower, upper in [
        ("errors", "text"),
        ("text", "calendar"),
        ("calendar", "plan"),
        ("plan", "io"),
        ("io", "examples"),
        ("examples", "cli"),
    ]:
        assert order.index(upper) < order.index(lower), (upper, lower)
    assert layers["exhaustive"] is True
    assert any(c["type"] == "acyclic_siblings" for c in config["contracts"])


def test_the_layer_contract_holds() -> None:
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
