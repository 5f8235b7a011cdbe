"""One vocabulary: month words live only in gia_roadmap.text, and the text package stands at the
bottom (standard library and gia_roadmap.errors only)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import gia_roadmap
import gia_roadmap.text as text

SRC = Path(gia_roadmap.__file__).resolve().parent
TEXT = SRC / "text"

# A month stem («январ», «сентябрьск», «ма[йяю]» …) or a month abbreviation as a word.
_STEM = re.compile(
    r"январ|феврал|март|апрел|(?<![а-яё])ма[йяюе](?![а-яё])|июн[ьяюе]|июл[ьяюе]|август|сентябр|октябр|ноябр|декабр"
    r"|(?<![а-яё])(?:янв|фев|февр|апр|авг|сен|сент|окт|ноя|нояб|дек)(?![а-яё])",
    re.IGNORECASE,
)
# A literal that looks like vocabulary, not prose: a single word, or regex syntax.
_REGEX_SYNTAX = re.compile(r"[\\|\[\]?*+{]")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        for statement in body if isinstance(body, list) else ():
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                found.add(id(statement.value))
    return found


def _literals(source: str, copy: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(line, literal) of each string literal but docstrings that ``copy`` calls a copy."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
        if copy(node.value)
    )


def _month_vocabulary(value: str) -> bool:
    """A month word that reads as vocabulary (a single word or a regex), not as prose (labels,
    messages and examples may name a month)."""
    return bool(_STEM.search(value)) and (" " not in value.strip() or bool(_REGEX_SYNTAX.search(value)))


def _vocabulary_literals(source: str) -> list[tuple[int, str]]:
    return _literals(source, _month_vocabulary)


def _offenders(copy: Callable[[str], bool]) -> list[str]:
    """Copies in src/ outside text/, as «path:line: literal»."""
    return [
        f"{path.relative_to(SRC)}:{line}: {value[:60]!r}"
        for path in sorted(SRC.rglob("*.py"))
        if TEXT not in path.parents
        for line, value in _literals(path.read_text(encoding="utf-8"), copy)
    ]


def test_no_month_vocabulary_outside_text() -> None:
    """Month names, stems or patterns written anywhere in src/ but text/ are a second copy."""
    assert _offenders(_month_vocabulary) == []


def test_the_scan_finds_a_copy() -> None:
    planted = (
        '"""Docstrings may say «1 января»."""\n'
        'LABEL = "дополнительный (сентябрьский) период"\n'
        'MONTHS = ("январь", "февраль")\n'
        'STEMS = r"(январ|феврал)\\w*"\n'
        'SHORT = ("янв", "фев")\n'
        'WORDS = ("маяк", "декада", "апробация")\n'
    )
    found = [value for _, value in _vocabulary_literals(planted)]
    assert sorted(found) == sorted(["январь", "февраль", "(январ|феврал)\\w*", "янв", "фев"])


def test_text_imports_only_the_standard_library_and_errors() -> None:
    """The bottom layer imports the standard library, attrs, our errors and, for word stems only,
    snowballstemmer (a runtime dependency)."""
    allowed_ours = {"gia_roadmap.errors"}
    for path in TEXT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                module = node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            else:
                continue
            if module.startswith("gia_roadmap"):
                assert module in allowed_ours or module.startswith("gia_roadmap.text"), (path, module)
            else:
                allowed = {"__future__", "attrs", *_stdlib()}
                if path.name == "stemming.py":
                    allowed.add("snowballstemmer")
                assert module.split(".")[0] in allowed, (path, module)


def _stdlib() -> set[str]:
    import sys

    return set(sys.stdlib_module_names)


def test_public_names_written_once() -> None:
    modules = [text.abbreviations, text.blanks, text.cases, text.cleaning, text.dashes, text.fuzzy]
    modules += [text.lists, text.lookalikes, text.months, text.numerals, text.stemming, text.weekdays]
    names = [name for module in modules for name in module.__all__]
    assert len(names) == len(set(names))
    assert sorted(names) == text.__all__
    assert dir(text) == sorted(text.__all__)
    for name in text.__all__:
        assert getattr(text, name) is not None


_OTHER_DASHES = "".join(c for c in text.DASHES if c != "-")
# A regex character class holding a dash other than «-», or a literal made of dashes only: a copy of
# the dash table.
_DASH_TABLE = re.compile(rf"\[[^\]]*[{_OTHER_DASHES}][^\]]*\]|^[{re.escape(text.DASHES)}]{{2,}}$")


def _dash_tables(source: str) -> list[tuple[int, str]]:
    return _literals(source, lambda value: _DASH_TABLE.search(value) is not None)


def test_no_dash_table_outside_text() -> None:
    """Dash classes written by hand drift (the one that missed U+2010 hid «ГИА‐9»): build them from
    gia_roadmap.text (DASH_CLASS, dash_class, DASHES)."""
    assert _offenders(lambda value: _DASH_TABLE.search(value) is not None) == []


def test_the_dash_scan_finds_a_copy() -> None:
    planted = 'A = r"\\s+[–—-]\\s+"\nB = "-‐‑"\nC = "май – июнь"\nD = r"[-•*]"\n'
    assert [value for _, value in _dash_tables(planted)] == ["\\s+[–—-]\\s+", "-‐‑"]
