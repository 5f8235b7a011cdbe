"""Forms of official writing the probes found unread, each a rule of the language (the generator draws
them too): two-digit end years, «не позднее N дней до …», «в трёхдневный срок», «весь учебный год»,
«г.г.», «на начало учебного года», «после окончания экзамена», «не реже 1 раза в месяц», «в течение I
квартала», «на протяжении учебного года», «в срок, установленный …», «следующих за официальным днём …»."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.terms import (
    Bound,
    ExternalSchedule,
    Frequency,
    HalfYearTerm,
    MonthPart,
    MonthRange,
    MonthRef,
    PartOfMonth,
    PlanPeriod,
    QuarterTerm,
    Recurring,
    Relative,
    SchoolYearTerm,
    Term,
    Unit,
    YearOrigin,
)
from gia_roadmap.text import Case, Gender, number_words

CASES: list[tuple[str, Term]] = [
    ("2023/24 уч. г.", SchoolYearTerm(2023, 2024, True, True)),
    ("в течение 2023-24 учебного года", SchoolYearTerm(2023, 2024, True, True)),
    ("в 2014-2015 учебном году", SchoolYearTerm(2014, 2015, True, True)),
    ("в течение всего учебного года", SchoolYearTerm(2023, 2024, False, True)),
    ("весь учебный год", SchoolYearTerm(2023, 2024, False, True)),
    ("не позднее 10 дней до начала экзамена", Relative(10, Unit.DAY, Bound.LATEST_BEFORE, Anchor.EXAM_START)),
    (
        "не позднее 5 рабочих дней до начала ГИА",
        Relative(5, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_START, "ГИА"),
    ),
    ("в трехдневный срок", Relative(3, Unit.DAY, Bound.WITHIN_AFTER, OpenAnchor(""))),
    (
        "в 3-х дневный срок со дня получения заявления",
        Relative(3, Unit.DAY, Bound.WITHIN_AFTER, OpenAnchor("получения заявления")),
    ),
    (
        "в двухнедельный срок после окончания экзамена",
        Relative(2, Unit.WEEK, Bound.WITHIN_AFTER, Anchor.EXAM_DAY),
    ),
    (
        "сентябрь 2023 – май 2024 г.г.",
        MonthRange(MonthRef(9, 2023, YearOrigin.WRITTEN), MonthRef(5, 2024, YearOrigin.WRITTEN)),
    ),
    ("на начало учебного года", Relative(0, Unit.NONE, Bound.ON, Anchor.SCHOOL_YEAR_START)),
    ("после окончания экзамена", Relative(0, Unit.NONE, Bound.AFTER, Anchor.EXAM_DAY)),
    ("до начала итогового собеседования", Relative(0, Unit.NONE, Bound.UNTIL, Anchor.INTERVIEW_DAY)),
    ("в соответствии с единым расписанием", ExternalSchedule("в соответствии с", "единым расписанием")),
    ("не реже 1 раза в четверть", Recurring(Frequency.SCHOOL_QUARTERLY)),
    ("не реже одного раза в месяц", Recurring(Frequency.MONTHLY)),
    ("в течение I квартала 2024 года", QuarterTerm(1, 2024, YearOrigin.WRITTEN)),
    # no year written: the school's first half-year (September–December of the school year's start)
    ("в течение первого полугодия", HalfYearTerm(1, 2023, YearOrigin.SCHOOL_YEAR, school=True)),
    ("на протяжении учебного года", SchoolYearTerm(2023, 2024, False, True)),
    ("на протяжении всего периода подготовки к ГИА", PlanPeriod(("ГИА",))),
    ("в срок, установленный Рособрнадзором", ExternalSchedule("в срок", "установленный Рособрнадзором")),
    (
        "в течение 2 рабочих дней, следующих за официальным днем объявления результатов",
        Relative(2, Unit.WORKING_DAY, Bound.WITHIN_AFTER, Anchor.RESULTS_ANNOUNCED),
    ),
    ("после утверждения результатов", Relative(0, Unit.NONE, Bound.AFTER, Anchor.GEK_RESULTS_APPROVAL)),
    ("вторая половина апреля", MonthPart(PartOfMonth.SECOND_HALF, MonthRef(4, 2024, YearOrigin.SCHOOL_YEAR))),
    (
        "в первой половине мая 2024 г.",
        MonthPart(PartOfMonth.FIRST_HALF, MonthRef(5, 2024, YearOrigin.WRITTEN)),
    ),
]


@pytest.mark.parametrize(("text", "term"), CASES, ids=[c[0] for c in CASES])
def test_official_wording(text: str, term: Term) -> None:
    parsed = parse_term(text, school_year=2023)
    assert parsed == term
    assert parse_term(render(parsed), school_year=2023) == parsed


def test_a_two_digit_end_year_must_follow_the_start_year() -> None:
    assert parse_term("2023/25 уч. г.").kind == "unparsed"


@given(st.integers(1, 30), st.sampled_from((Unit.DAY, Unit.WEEK, Unit.MONTH)), st.booleans())
def test_a_term_in_one_word_is_a_count(n: int, unit: Unit, digits: bool) -> None:
    """«в N-дневный срок» in words or digits means «в течение N дней» (weeks, months alike)."""
    noun = {Unit.DAY: "дневный", Unit.WEEK: "недельный", Unit.MONTH: "месячный"}[unit]
    words = "одно" if n == 1 else number_words(n, Case.GENITIVE, Gender.MASCULINE)
    if not digits and " " in words:
        return
    text = f"в {n}-{noun} срок" if digits else f"в {words}{noun} срок"
    assert parse_term(f"{text} до экзамена") == Relative(n, unit, Bound.WITHIN_BEFORE, Anchor.EXAM_DAY)
