"""The productions table of docs/deadline-grammar.md is a test: every example parses to its class."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gia_roadmap.calendar import SchoolYear, parse_term
from gia_roadmap.calendar.terms import UnparsedTerm, walk

PAGE = Path(__file__).resolve().parents[2] / "docs" / "deadline-grammar.md"
_ROW = re.compile(r"^\| (?P<production>[^|]+) \| [^|]+ \| «(?P<example>[^»]+)» \| `(?P<kind>\w+)` \|$")


def _rows() -> list[tuple[str, str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## The grammar: productions") : text.index("## Year inference")]
    return [(m["production"], m["example"], m["kind"]) for m in map(_ROW.match, table.splitlines()) if m]


ROWS = _rows()


def test_the_table_lists_every_production() -> None:
    assert len(ROWS) >= 30


@pytest.mark.parametrize(("production", "example", "kind"), ROWS, ids=[r[0] for r in ROWS])
def test_example_parses_to_its_class(production: str, example: str, kind: str) -> None:
    term = parse_term(example, school_year=SchoolYear(2023))
    assert term.kind == kind, term
    assert not any(isinstance(t, UnparsedTerm) for t in walk(term))
    assert term.resolve(school_year=SchoolYear(2023)).status.value != "unparsed"
