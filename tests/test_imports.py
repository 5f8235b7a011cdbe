"""Import cost: the package ``__init__`` files import lazily (PEP 562), the Hypothesis hook is cheap
and never breaks ``import hypothesis``, and the CLI imports heavy modules only in the commands that
use them. Timings are never asserted: only which modules get imported."""

import ast
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import gia_roadmap
import gia_roadmap.strategies

PACKAGES = ("gia_roadmap", "gia_roadmap.calendar", "gia_roadmap.io", "gia_roadmap.plan")

# Modules the Hypothesis entry point (run at every `import hypothesis`) must not import.
NOT_FOR_HYPOTHESIS = (
    "networkx",
    "openpyxl",
    "docx",
    "gia_roadmap.plan.checks",
    "gia_roadmap.plan.graph",
    "gia_roadmap.io",
    "gia_roadmap.cli",
)
# Modules `gia-roadmap --help` and `gia-roadmap calendar` must not import.
NOT_FOR_LIGHT_COMMANDS = (
    "networkx",
    "openpyxl",
    "docx",
    "gia_roadmap.plan.checks",
    "gia_roadmap.plan.graph",
    "gia_roadmap.io.importing",
    "gia_roadmap.examples",
    "gia_roadmap.display",
    "gia_roadmap.plan.model",
)


def _modules_after(code: str) -> set[str]:
    """The names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("code", ["import gia_roadmap.strategies", "import hypothesis"])
def test_the_hypothesis_hook_imports_only_the_model(code: str) -> None:
    modules = _modules_after(code)
    assert "gia_roadmap.strategies" in modules  # the entry point ran (or the module was imported)
    assert "gia_roadmap.plan.model" in modules
    assert sorted(modules.intersection(NOT_FOR_HYPOTHESIS)) == []


@pytest.mark.parametrize(
    "first", ["import hypothesis", "import gia_roadmap.strategies"], ids=["hypothesis", "strategies"]
)
def test_the_strategies_are_registered_whichever_is_imported_first(first: str) -> None:
    # Importing gia_roadmap.strategies first makes its own `import hypothesis` run the entry point
    # while the module is half built: the strategies are registered when it is complete, silently.
    code = (
        "import warnings\n"
        "warnings.simplefilter('error')\n"
        f"{first}\n"
        "import hypothesis.strategies as st\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup\n"
        "from gia_roadmap.plan.model import Measure\n"
        "assert Measure in _global_type_lookup\n"
        "warnings.resetwarnings()  # (.example() warns that it is meant for interactive use)\n"
        "assert isinstance(st.from_type(Measure).example(), Measure)"
    )
    _modules_after(code)


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["calendar", "2025"], ["calendar", "2024", "--month", "4", "--six-day"]],
    ids=["help", "calendar", "calendar-month"],
)
def test_light_commands_skip_the_heavy_modules(argv: list[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from gia_roadmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        status = main({argv!r})\n"
        "    except SystemExit as stop:\n"
        "        status = stop.code\n"
        "assert status == 0, status"
    )
    assert sorted(_modules_after(code).intersection(NOT_FOR_LIGHT_COMMANDS)) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_public_names_resolve_in_a_fresh_interpreter(package: str) -> None:
    code = f"""
import json
import {package} as package
names = list(package.__all__)
assert len(names) == len(set(names)), "duplicate names in __all__"
unlisted = [name for name in names if name not in dir(package)]
assert not unlisted, f"dir() misses {{unlisted}}"
resolved = {{name: getattr(package, name) for name in names}}
assert all(value is not None for value in resolved.values())
star = {{}}
exec("from {package} import *", star)
missing = [name for name in names if star.get(name) is not resolved[name]]
assert not missing, f"import * misses {{missing}}"
"""
    _modules_after(code)


def _fresh(package: str) -> ModuleType:
    """A package's ``__init__`` run afresh (outside ``sys.modules``): nothing looked up lazily yet, no
    subpackage imported by other tests."""
    spec = importlib.util.find_spec(package)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _type_checking_names(package: str) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """What the ``if TYPE_CHECKING:`` block of a package's ``__init__`` imports (name -> module,
    attribute) and declares (annotated names)."""
    spec = importlib.util.find_spec(package)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    imported: dict[str, tuple[str, str]] = {}
    declared: set[str] = set()
    for node in tree.body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            if isinstance(statement, ast.ImportFrom):
                assert statement.module is not None
                for alias in statement.names:
                    imported[alias.asname or alias.name] = (statement.module, alias.name)
            elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                declared.add(statement.target.id)
    return imported, declared


@pytest.mark.parametrize("package", PACKAGES)
def test_lazy_names_are_what_type_checkers_see(package: str) -> None:
    module = importlib.import_module(package)
    imported, declared = _type_checking_names(package)
    for name, (source, attribute) in imported.items():
        if name in module.__all__:  # (some are imported for annotations only)
            assert getattr(module, name) is getattr(importlib.import_module(source), attribute), name
    # Every public name is seen by type checkers: imported in the TYPE_CHECKING block, or defined (or
    # imported) eagerly by the module itself.
    eager = set(vars(_fresh(package)))
    assert sorted(set(module.__all__) - set(imported) - declared - eager) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_unknown_names_raise_a_helpful_attribute_error(package: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=rf"module '{package}' has no attribute 'no_such_name'"):
        module.no_such_name  # noqa: B018
    assert not hasattr(module, "no_such_name")
    with pytest.raises(ImportError, match="no_such_name"):
        exec(f"from {package} import no_such_name", {})


def test_a_subpackage_that_is_not_imported_is_named_in_the_error() -> None:
    with pytest.raises(AttributeError, match=r"import gia_roadmap\.testing first"):
        _fresh("gia_roadmap").testing  # noqa: B018


def test_version_is_read_on_first_use() -> None:
    assert isinstance(gia_roadmap.__version__, str)
    assert gia_roadmap.__version__
    assert "__version__" in dir(gia_roadmap)


def test_hook_turns_a_registration_error_into_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(gia_roadmap.strategies, "register_strategies", fail)
    with pytest.warns(UserWarning, match=r"gia_roadmap.*RuntimeError: simulated failure"):
        gia_roadmap.strategies._hypothesis_setup_hook()


def test_hook_turns_an_import_error_into_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(gia_roadmap, "strategies")
    monkeypatch.setitem(sys.modules, "gia_roadmap.strategies", None)  # importing it now fails
    with pytest.warns(UserWarning, match=r"gia_roadmap.*ModuleNotFoundError"):
        gia_roadmap._hypothesis_setup_hook()


def test_hook_registers_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gia_roadmap.strategies._hypothesis_setup_hook()


def test_the_entry_point_is_the_hook_that_guards_the_import() -> None:
    # Hypothesis imports the entry point's module before calling it: the module must be the light
    # top-level package, whose hook imports gia_roadmap.strategies inside its guard.
    from importlib.metadata import entry_points

    values = [
        entry.value for entry in entry_points(group="hypothesis") if entry.value.startswith("gia_roadmap")
    ]
    assert values == ["gia_roadmap:_hypothesis_setup_hook"]


SUBPACKAGES = ("calendar", "cli", "display", "examples", "io", "plan", "strategies", "testing", "text")


@pytest.mark.parametrize(
    "package", [*PACKAGES, "gia_roadmap.examples", "gia_roadmap.cli", "gia_roadmap.text"]
)
def test_dir_shows_the_public_names_only(package: str) -> None:
    """#21: no helper, import or submodule leaks into ``dir()`` (after every name was used once)."""
    module = importlib.import_module(package)
    for name in module.__all__:
        getattr(module, name)
    shown = set(dir(module))
    assert set(module.__all__) <= shown
    extra = shown - set(module.__all__)
    if package == "gia_roadmap":  # the public subpackages imported so far may show as well
        extra -= set(SUBPACKAGES)
    assert not extra, f"dir({package}) shows non-public names: {sorted(extra)}"
