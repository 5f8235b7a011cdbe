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
import gia_roadmap._lazy

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


# What the Hypothesis entry point may import: it runs at every `import hypothesis` wherever gia_roadmap is
# installed, so it imports nothing of the model (benchmarks/bench_entry_point.py times it).
FOR_HYPOTHESIS = ["gia_roadmap", "gia_roadmap._hypothesis", "gia_roadmap._lazy"]


def test_the_hypothesis_entry_point_imports_three_small_modules() -> None:
    modules = _modules_after("import hypothesis")
    assert sorted(name for name in modules if name.startswith("gia_roadmap")) == FOR_HYPOTHESIS
    assert sorted(modules.intersection(NOT_FOR_HYPOTHESIS)) == []


def test_the_strategies_module_imports_only_the_model() -> None:
    modules = _modules_after("import gia_roadmap.strategies")
    assert "gia_roadmap.plan.model" in modules
    assert sorted(modules.intersection(NOT_FOR_HYPOTHESIS)) == []


_FROM_TYPE = (
    "import hypothesis.strategies as st\n"
    "from hypothesis.strategies._internal.types import _global_type_lookup\n"
    "from gia_roadmap.plan.model import Measure\n"
    "from gia_roadmap.calendar.terms import Relative\n"
    "from gia_roadmap.errors import Location\n"
    "assert {Measure, Relative, Location} <= set(_global_type_lookup)\n"
    "warnings.resetwarnings()  # (.example() warns that it is meant for interactive use)\n"
    "assert isinstance(st.from_type(Measure).example(), Measure)\n"
    "assert isinstance(st.from_type(Relative).example(), Relative)\n"
)


@pytest.mark.parametrize(
    "first",
    [
        "import hypothesis",
        "import gia_roadmap.strategies",
        "import gia_roadmap.plan.model",
        "import gia_roadmap.errors, gia_roadmap.calendar.terms.relative",
    ],
    ids=["hypothesis", "strategies", "model", "errors-and-terms"],
)
def test_the_strategies_are_registered_whichever_is_imported_first(first: str) -> None:
    # Types imported before Hypothesis are registered by the entry point at once, the others as their
    # modules are imported (the entry point's finder); either way silently.
    prelude = f"import warnings\nwarnings.simplefilter('error')\n{first}\nimport hypothesis\n"
    _modules_after(prelude + _FROM_TYPE)


def test_the_entry_point_finder_leaves_when_every_type_module_is_in() -> None:
    code = (
        "import sys, hypothesis\n"
        "from gia_roadmap import _hypothesis\n"
        "finders = lambda: [f for f in sys.meta_path if type(f).__module__ == 'gia_roadmap._hypothesis']\n"
        "assert len(finders()) == 1\n"
        "for name in sorted(_hypothesis.TYPE_MODULES):\n"
        "    __import__(name)\n"
        "assert finders() == []\n"
        "import gia_roadmap.plan.model as model\n"
        "assert model.__loader__ is model.__spec__.loader\n"
        "assert type(model.__loader__).__module__ != 'gia_roadmap._hypothesis'\n"
    )
    _modules_after(code)


def test_with_plugins_off_importing_the_strategies_registers_them() -> None:
    code = (
        "import os\n"
        "os.environ['HYPOTHESIS_NO_PLUGINS'] = '1'\n"
        "import warnings\n"
        "import hypothesis\n"
        "import gia_roadmap.strategies\n"
        f"{_FROM_TYPE}"
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


def _stub_names(package: str) -> dict[str, tuple[str, str]]:
    """What a package's ``__init__.pyi`` re-exports: public name -> (submodule, attribute)."""
    spec = importlib.util.find_spec(package)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).with_suffix(".pyi").read_text(encoding="utf-8"))
    names: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        assert isinstance(node, ast.ImportFrom), f"only re-exports belong in the stub: {ast.unparse(node)}"
        assert node.level == 1, ast.unparse(node)
        assert node.module, ast.unparse(node)
        for alias in node.names:
            assert alias.asname == alias.name, f"write «{alias.name} as {alias.name}» (a re-export)"
            assert alias.name not in names, f"{alias.name} is exported twice"
            names[alias.name] = (f"{package}.{node.module}", alias.name)
    return names


LAZY_PACKAGES = ("gia_roadmap.calendar", "gia_roadmap.io", "gia_roadmap.plan")


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_public_names_are_written_once_in_the_stub(package: str) -> None:
    """#21: a package's public names are its stub's re-exports, and each is the object of its
    submodule (what type checkers see is what runs)."""
    module = importlib.import_module(package)
    names = _stub_names(package)
    assert sorted(module.__all__) == sorted(names)
    for name, (source, attribute) in names.items():
        assert getattr(module, name) is getattr(importlib.import_module(source), attribute), name
    spec = importlib.util.find_spec(package)
    assert spec is not None
    init = Path(spec.origin or "").read_text(encoding="utf-8")
    again = [name for name in names if f"{name}," in init or f'"{name}"' in init]
    assert again == [], f"written again in {package}/__init__.py: {again}"


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
    from gia_roadmap import _hypothesis

    def fail() -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(_hypothesis, "install", fail)
    with pytest.warns(UserWarning, match=r"gia_roadmap.*RuntimeError: simulated failure"):
        gia_roadmap._hypothesis_setup_hook()


def test_hook_turns_an_import_error_into_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(gia_roadmap, "_hypothesis")
    monkeypatch.setitem(sys.modules, "gia_roadmap._hypothesis", None)  # importing it now fails
    with pytest.warns(UserWarning, match=r"gia_roadmap.*ModuleNotFoundError"):
        gia_roadmap._hypothesis_setup_hook()


def test_a_broken_install_only_warns_at_import_hypothesis(tmp_path: Path) -> None:
    # A gia_roadmap whose hook module is broken (a bad upgrade, a half-deleted file): importing
    # Hypothesis still works and says why gia_roadmap's types are not registered.
    broken = tmp_path / "gia_roadmap"
    broken.mkdir()
    source = Path(gia_roadmap.__file__).read_text(encoding="utf-8")
    (broken / "__init__.py").write_text(source, encoding="utf-8")
    (broken / "_lazy.py").write_text(Path(gia_roadmap._lazy.__file__).read_text(encoding="utf-8"))
    stub = Path(gia_roadmap.__file__).with_suffix(".pyi")  # the public names, read at import
    (broken / "__init__.pyi").write_text(stub.read_text(encoding="utf-8"), encoding="utf-8")
    (broken / "_hypothesis.py").write_text("raise ImportError('simulated broken install')\n")
    code = (
        "import sys, warnings\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    import hypothesis\n"
        "assert any('simulated broken install' in str(w.message) for w in caught), caught\n"
        "assert sys.modules['gia_roadmap'].__file__.startswith(sys.path[0])\n"
    )
    _modules_after(code)


def test_hook_registers_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gia_roadmap._hypothesis_setup_hook()


def test_the_entry_point_is_the_hook_that_guards_the_import() -> None:
    # Hypothesis imports the entry point's module before calling it: the module must be the light
    # top-level package, whose hook imports gia_roadmap.strategies inside its guard.
    from importlib.metadata import entry_points

    values = [
        entry.value for entry in entry_points(group="hypothesis") if entry.value.startswith("gia_roadmap")
    ]
    assert values == ["gia_roadmap:_hypothesis_setup_hook"]


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
        extra -= gia_roadmap._SUBMODULES
    assert not extra, f"dir({package}) shows non-public names: {sorted(extra)}"
