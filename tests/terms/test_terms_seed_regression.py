"""Regression table: every distinct deadline string of the five seed roadmaps.

The strings live in ``seed_deadlines.tsv`` next to this file (copied from the seeds; the test
never reads the seeds themselves). Each row gives the expected kind, canonical rendering, flags,
resolution status and windows for the seed's school year.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.schoolyear import SchoolYear

DATA = Path(__file__).with_name("seed_deadlines.tsv")
SCHOOL_YEARS = {"000": 2023, "001": 2023, "002": 2023, "003": 2021, "004": 2022}

# deliberately unparsed (documented in docs/deadline-grammar.md): activity text, not a deadline,
# and page-break fragments that are only meaningful once joined with their continuation row
DELIBERATELY_UNPARSED = {
    "ежемесячное предоставление отчетов",
}


class Row(NamedTuple):
    seed: str
    source: str
    raw: str
    kind: str
    canonical: str
    flags: str
    status: str
    windows: str


def _unescape(text: str) -> str:
    out = []
    chars = iter(text)
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
        else:
            out.append(c)
    return "".join(out)


def _rows() -> list[Row]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("seed\t"):
            continue
        fields = line.split("\t")
        fields += [""] * (8 - len(fields))
        rows.append(Row(*(_unescape(f) for f in fields[:8])))
    return rows


ROWS = _rows()


def test_table_is_complete() -> None:
    seeds = {r.seed for r in ROWS}
    assert seeds == set(SCHOOL_YEARS)
    assert len([r for r in ROWS if r.source == "cell"]) >= 300
    assert len({(r.seed, r.raw) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.seed}-{r.source}-{i}" for i, r in enumerate(ROWS)])
def test_seed_string(row: Row) -> None:
    sy = SchoolYear(SCHOOL_YEARS[row.seed])
    term = parse_term(row.raw, school_year=sy)
    assert term.kind == row.kind
    assert render(term) == row.canonical
    assert ",".join(sorted(term.flags)) == row.flags
    resolution = term.resolve(school_year=sy)
    assert resolution.status.value == row.status
    assert ";".join(str(w) for w in resolution.windows) == row.windows
    # lossless: the source text is kept
    assert term.raw == row.raw
    # canonical text reads back to the same term
    assert parse_term(render(term), school_year=sy) == term


def test_only_fragments_and_documented_strings_stay_unparsed() -> None:
    unparsed = {r.raw for r in ROWS if r.kind == "unparsed" and r.source != "fragment"}
    assert unparsed == DELIBERATELY_UNPARSED
