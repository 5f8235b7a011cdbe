"""End to end: the relative deadlines of seeds 001 and 002 against the 2023/24 schedule, as in the docs."""

from __future__ import annotations

import datetime as dt

import pytest

from gia_roadmap.calendar.events import resolve_per_exam_day
from gia_roadmap.calendar.exams import ExamKind
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import ExamSchedule
from gia_roadmap.calendar.terms import ResolutionStatus
from tests.schedules.seed_table import DOCS, SEED_TERMS, SeedTerm, render_docs, table_rows

CAL = RussianCalendar()


@pytest.mark.parametrize("seed_term", SEED_TERMS, ids=[t.code for t in SEED_TERMS])
def test_parser_reads_the_seed_text_as_the_term(seed_term: SeedTerm) -> None:
    assert parse_term(seed_term.text) == seed_term.term


@pytest.mark.parametrize("exam", [ExamKind.EGE, ExamKind.OGE])
def test_every_seed_term_resolves_for_every_exam_day(exam: ExamKind) -> None:
    schedule = ExamSchedule.bundled(2023).filter(exam=exam)
    terms = [t for t in SEED_TERMS if exam in t.exams]
    results = resolve_per_exam_day([t.term for t in terms], schedule, CAL)
    assert len(results) == len(schedule.days) > 0
    for result in results:
        for seed_term, resolution in zip(terms, result.resolutions, strict=True):
            if seed_term.code == "T7":  # «принятие решения» о допуске: not a schedule event
                assert resolution.status is ResolutionStatus.NO_EVENT_DATES
            else:
                assert resolution.status is ResolutionStatus.RESOLVED, (seed_term.code, result.day.label())
                assert resolution.windows


def test_known_cells() -> None:
    ege = {row[0]: row for row in table_rows(ExamKind.EGE)}
    codes = ["day", "period"] + [t.code for t in SEED_TERMS if ExamKind.EGE in t.exams]
    cell = {day: dict(zip(codes, row, strict=True)) for day, row in ege.items()}
    # 17.06.2024 (Monday): the working day before is Friday 14.06, the calendar day before Sunday 16.06
    assert cell["17.06.2024"]["T1"] == "≤ 14.06"
    assert cell["17.06.2024"]["T2"] == "≤ 16.06"
    assert cell["17.06.2024"]["T3"] == "14.06"
    # 13.06.2024: the ГЭК approves by 25.06 → «не позднее 2 календарных дней после» is 26.06–27.06
    assert cell["13.06.2024"]["T10"] == "26.06–27.06"
    # «за 1 месяц до начала экзамена» from 29.03.2024 (leap year)
    assert cell["29.03.2024"]["T13"] == "29.02"
    oge = {row[0]: row for row in table_rows(ExamKind.OGE)}
    # 13.05.2024 (Monday after the 9–12 May holidays): the working day before is 08.05
    assert oge["13.05.2024"][2] == "≤ 08.05"
    assert dt.date(2024, 5, 13).weekday() == 0


def test_docs_tables_are_current() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert render_docs(text) == text, "run: python -m tests.schedules.seed_table"
