"""Every data file the package reads at run time is declared as package data, so a normal (non-editable)
install carries it. A CI run once failed because ``plan/data/findings.toml`` was read by the code and
present in the source tree but missing from the installed wheel."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "gia_roadmap"


def _declared() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["gia_roadmap"]
    return patterns


def test_every_data_file_is_package_data() -> None:
    patterns = _declared()
    undeclared = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix not in {".py", ".pyc"}
        and "__pycache__" not in path.parts
        and not path.name.startswith(".")
        and not any(fnmatch.fnmatchcase(str(path.relative_to(PACKAGE)), p) for p in patterns)
    )
    assert undeclared == [], f"add these to [tool.setuptools.package-data] in pyproject.toml: {undeclared}"


def test_the_check_sees_an_undeclared_file() -> None:
    patterns = _declared()
    assert not any(fnmatch.fnmatchcase("plan/data/new.yaml", p) for p in patterns)
    assert any(fnmatch.fnmatchcase("plan/data/findings.toml", p) for p in patterns)
