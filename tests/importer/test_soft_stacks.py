"""Deadlines stacked without hard breaks beside a lead-in with dash items (issue 13).

A PDF cell has no paragraphs: its lines may be wraps of one deadline or one deadline each. A Word or
Excel cell converted from such a page, or typed that way, holds the deadlines on one paragraph, one
after another («до 01.11.2023 до 20.04.2024»). The importer reads both the same way (one code path):
beside a lead-in with N dash items («Провести совещания:» + «– …»), N pieces that each read as a
deadline of their own are one deadline per dash item, and the lead-in becomes a measure with N
sub-items. When the counts differ (the clean twin) the cell is not split and nothing is lost: one
measure keeps the whole title and every deadline text. The deadlines are generated from dates and
month names of the school year, never copied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import SchoolYear, TermSequence, UnparsedTerm, parse_term
from gia_roadmap.io import import_file
from gia_roadmap.plan.model import Measure, ProvenanceKind
from gia_roadmap.text import MONTHS_GENITIVE, MONTHS_NOMINATIVE

from ..io_tables.writers import ALL_WRITERS, Doc, cells

SCHOOL_YEAR = SchoolYear(2025)
_LEADS = ("Провести совещания:", "Размещение в СМИ информации:", "Организовать обучение:", "Обеспечить")
_ITEMS = (
    "с руководителями ОО",
    "организаторов ППЭ",
    "о сроках подачи заявлений на участие в ГИА",
    "технических специалистов",
    "членов ГЭК",
    "о сроках, местах и порядке информирования о результатах",
)
_DAYS = st.dates(dt.date(2025, 9, 1), dt.date(2026, 8, 31))
_FORMS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"до {d:%d.%m.%Y}",
    lambda d: f"не позднее {d:%d.%m.%Y}",
    lambda d: f"{d.day} {MONTHS_GENITIVE[d.month - 1]} {d.year} года",
    lambda d: f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year} года",
)
FORMATS = ("pdf", "docx", "xlsx")


@st.composite
def _deadlines(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` one-deadline texts, each a complete deadline (a day or a month with its year)."""
    days = draw(st.lists(_DAYS, min_size=count, max_size=count))
    return [draw(st.sampled_from(_FORMS))(day) for day in days]


@st.composite
def _rows(draw: st.DrawFn, *, agree: bool) -> tuple[str, list[str], list[str]]:
    lead = draw(st.sampled_from(_LEADS))
    items = draw(st.lists(st.sampled_from(_ITEMS), min_size=2, max_size=4, unique=True))
    count = len(items) if agree else draw(st.integers(2, 5).filter(lambda n: n != len(items)))
    return lead, items, draw(_deadlines(count))


def _import(
    kind: str, lead: str, items: list[str], deadlines: list[str], dash: str, folder: Path
) -> list[Measure]:
    """The plan written in ``kind``: the title cell «lead – item; – item …», the deadlines one per line
    in a PDF cell, one after another on one paragraph in a Word or Excel cell."""
    title = " ".join([lead, *(f"{dash} {item};" for item in items)])
    term = ("\n" if kind == "pdf" else " ").join(deadlines)
    doc = Doc(
        ("План на 2025/2026 учебный год",),
        (
            cells(
                ["№", "Мероприятия", "Сроки", "Ответственные"],
                ["1.", title, term, "УО"],
                ["2.", "Собрание выпускников", "май 2026", "ОО"],
            ),
        ),
    )
    return list(import_file(ALL_WRITERS[kind](doc, folder / f"plan.{kind}")).roadmap.measures)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("kind", FORMATS)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=_rows(agree=True), dash=st.sampled_from(("–", "-", "—")))
def test_one_deadline_per_dash_item_makes_sub_items(
    kind: str, row: tuple[str, list[str], list[str]], dash: str, tmp_path: Path
) -> None:
    lead, items, deadlines = row
    first, *subs, last = _import(kind, lead, items, deadlines, dash, tmp_path)
    assert first.title == lead
    assert isinstance(first.term, TermSequence)
    assert [_words(t.raw) for t in first.term.items] == deadlines
    assert [m.title for m in subs] == [f"– {item}" for item in items]
    assert [m.term for m in subs] == [parse_term(text, school_year=SCHOOL_YEAR) for text in deadlines]
    assert all(not isinstance(m.term, UnparsedTerm) for m in subs)
    assert all(
        any(p.field == "title" and p.kind is ProvenanceKind.INFERRED for p in m.provenance) for m in subs
    )
    assert all(m.responsible_raw == "УО" for m in subs)
    assert last.title == "Собрание выпускников"


@pytest.mark.parametrize("kind", FORMATS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=_rows(agree=False))
def test_counts_that_differ_split_nothing_and_lose_nothing(
    kind: str, row: tuple[str, list[str], list[str]], tmp_path: Path
) -> None:
    lead, items, deadlines = row
    first, last = _import(kind, lead, items, deadlines, "–", tmp_path)
    title = _words(first.title)
    assert title.startswith(lead)
    assert all(item in title for item in items)
    written = _words(first.term.raw)
    assert all(text in written for text in deadlines)
    assert not any("stacked in one cell" in p.note for p in first.provenance)
    assert last.title == "Собрание выпускников"
