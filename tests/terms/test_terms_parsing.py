"""Parser behaviour: tolerance, years, strict errors, split_terms, fuzz."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.grammar import normalize, parse_term, split_terms
from gia_roadmap.calendar.grammar.months import assign
from gia_roadmap.calendar.grammar.parser import Parser
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import (
    Bound,
    ByDate,
    ByMonth,
    CalendarYear,
    Compound,
    Conditional,
    DateList,
    DayRange,
    DayRef,
    ExternalSchedule,
    MissingTerm,
    Month,
    MonthList,
    MonthRange,
    MonthRef,
    Note,
    PerExam,
    PeriodList,
    Relative,
    SchoolYearTerm,
    TermSequence,
    Unit,
    UnparsedTerm,
    YearOrigin,
    assign_years,
    walk,
)
from gia_roadmap.errors import GiaRoadmapError, TermSyntaxError
from gia_roadmap.plan.owners import term_owners

SY23 = SchoolYear(2023)


def _m(year: int, month: int) -> MonthRef:
    return MonthRef.written(year, month)


@pytest.mark.parametrize(
    "text",
    [
        "август – сентябрь 2023 года",
        "август-сентябрь 2023 г.",
        "Август- сентябрь 2023г.",
        "август –сентябрь 2023 г",
        "<p>август\n–\nсентябрь 2023 года</p>",
        "АВГУСТ — СЕНТЯБРЬ 2023 ГОДА",
        "aвгуст – сeнтябрь 2023 года",  # Latin a and e
    ],
)
def test_month_range_tolerance(text: str) -> None:
    assert parse_term(text) == MonthRange(MonthRef(8, 2023, YearOrigin.PROPAGATED), _m(2023, 9))


def test_raw_is_kept_but_not_compared() -> None:
    a = parse_term("Ноябрь 2023 г.")
    b = parse_term("ноябрь 2023 года")
    assert a == b
    assert hash(a) == hash(b)
    assert a.raw == "Ноябрь 2023 г."
    assert b.raw == "ноябрь 2023 года"


def test_year_written_once_rolls_back_across_new_year() -> None:
    term = parse_term("декабрь – март 2024 года")
    assert term == MonthRange(MonthRef(12, 2023, YearOrigin.ROLLED_BACK), _m(2024, 3))
    assert "rolled_back" in term.flags
    assert parse_term("Ноябрь-май 2023").resolve().windows[0].start == dt.date(2022, 11, 1)


def test_stale_year_kept_as_written() -> None:
    term = parse_term("сентябрь – апрель 2023 года", school_year=SY23)
    window = term.resolve(school_year=SY23).windows[0]
    assert (window.start, window.end) == (dt.date(2022, 9, 1), dt.date(2023, 4, 30))


def test_juxtaposed_months_are_occurrences() -> None:
    term = parse_term("ноябрь 2023 года январь 2024 года март 2024 года")
    assert term == MonthList((_m(2023, 11), _m(2024, 1), _m(2024, 3)))
    assert len(term.resolve()) == 3


def test_year_propagates_leftwards_in_lists() -> None:
    term = parse_term("декабрь 2023, февраль, август 2024")
    assert isinstance(term, MonthList)
    assert [(m.year, m.month) for m in term.months] == [(2023, 12), (2024, 2), (2024, 8)]
    assert term.months[1].origin is YearOrigin.PROPAGATED


def test_a_year_written_in_a_note_applies_leftwards() -> None:
    term = parse_term("октябрь, ноябрь (по согласованию, 2022 г.)", school_year=SchoolYear(2023))
    assert isinstance(term, Compound)
    assert isinstance(term.base, MonthList)
    assert term.base.months == (
        MonthRef(10, 2022, YearOrigin.PROPAGATED),
        MonthRef(11, 2022, YearOrigin.PROPAGATED),
    )


@given(
    st.lists(st.tuples(st.integers(1, 12), st.none() | st.integers(2015, 2030)), min_size=1, max_size=6),
    st.none() | st.integers(2015, 2030).map(SchoolYear),
)
def test_the_parser_assigns_years_as_assign_years_does(
    entries: list[tuple[int, int | None]], school_year: SchoolYear | None
) -> None:
    parser = Parser(normalize(""), school_year)
    assert tuple(assign(parser, entries)) == assign_years(entries, school_year)


def test_mixed_period_list() -> None:
    term = parse_term("март, апрель-май, август 2024")
    assert isinstance(term, PeriodList)
    assert [str(w) for w in term.resolve()] == [
        "2024-03-01..2024-03-31",
        "2024-04-01..2024-05-31",
        "2024-08-01..2024-08-31",
    ]


def test_missing_year_from_school_year_is_flagged() -> None:
    term = parse_term("Сентябрь, март", school_year=2022)
    assert term == MonthList(
        (MonthRef(9, 2022, YearOrigin.SCHOOL_YEAR), MonthRef(3, 2023, YearOrigin.SCHOOL_YEAR))
    )
    assert "assumed_year" in term.flags
    no_sy = parse_term("Январь")
    assert no_sy == Month(MonthRef(1))
    assert no_sy.resolve().status.value == "no_school_year"
    assert str(no_sy.resolve(school_year=SY23).windows[0]) == "2024-01-01..2024-01-31"


def test_chronology_violation_is_flagged() -> None:
    assert "chronology_violated" in parse_term("(февраль, май, декабрь)", school_year=2021).flags


def test_comma_before_year() -> None:
    assert parse_term("Январь – февраль, 2024 г.") == MonthRange(
        MonthRef(1, 2024, YearOrigin.PROPAGATED), _m(2024, 2)
    )


def test_by_dates() -> None:
    assert parse_term("в срок до 17.05.2024") == ByDate(dt.date(2024, 5, 17), True, "в срок до")
    assert parse_term("до 20.04 2024") == ByDate(dt.date(2024, 4, 20))
    assert parse_term("до 01.11.2023, до 20.04.2024") == DateList(
        (ByDate(dt.date(2023, 11, 1)), ByDate(dt.date(2024, 4, 20)))
    )
    exclusive = parse_term("до 01.11.2023 исключительно")
    assert isinstance(exclusive, ByDate)
    assert not exclusive.inclusive
    assert parse_term("до декабря 2022") == ByMonth(_m(2022, 12))


def test_day_range_year_written_once() -> None:
    assert parse_term("с 1 марта по 20 мая 2024 года") == DayRange(
        DayRef(3, 1, 2024, YearOrigin.PROPAGATED), dt.date(2024, 5, 20)
    )


def test_school_years() -> None:
    assert parse_term("в течение 2023–2024 учебного года") == SchoolYearTerm(2023, 2024, True, True)
    assert parse_term("2023-2024 уч. г.") == SchoolYearTerm(2023, 2024, True, True)
    assert parse_term("В течение 2022/2023 учебного года") == SchoolYearTerm(2022, 2023, True, True)
    ambiguous = parse_term("2023-2024 г.")
    assert ambiguous == SchoolYearTerm(2023, 2024, True, False)
    assert "academic_or_calendar_ambiguous" in ambiguous.flags
    assert parse_term("в течение года", school_year=SY23) == SchoolYearTerm(2023, 2024, False, False)
    assert parse_term("в течение 2023 года") == CalendarYear(2023)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "не позднее чем за 1 рабочий день до дня проведения экзамена",
            Relative(1, Unit.WORKING_DAY, Bound.LATEST_BEFORE, Anchor.EXAM_DAY),
        ),
        (
            "за 3 календарных деня до дня проведения экзамена",
            Relative(3, Unit.CALENDAR_DAY, Bound.EXACT_BEFORE, Anchor.EXAM_DAY),
        ),
        (
            "в течение 2 дней со дня принятия решения",
            Relative(2, Unit.DAY, Bound.WITHIN_AFTER, Anchor.ADMISSION_DECISION),
        ),
        (
            "не позднее 2 календарных дней с момента принятия решения АК",
            Relative(2, Unit.CALENDAR_DAY, Bound.LATEST_AFTER, Anchor.AK_DECISION),
        ),
        (
            "не позднее 2 календарных дней после утверждения результатов председателем ГЭК",
            Relative(2, Unit.CALENDAR_DAY, Bound.LATEST_AFTER, Anchor.GEK_RESULTS_APPROVAL),
        ),
        (
            "в течение 1 календарного дня со дня передачи апелляции в АК",
            Relative(1, Unit.CALENDAR_DAY, Bound.WITHIN_AFTER, Anchor.APPEAL_TRANSFER),
        ),
        ("за 1 месяц до начала экзамена", Relative(1, Unit.MONTH, Bound.EXACT_BEFORE, Anchor.EXAM_START)),
        ("в день проведения экзамена", Relative(0, Unit.NONE, Bound.ON, Anchor.EXAM_DAY)),
        ("накануне экзаменов", Relative(0, Unit.NONE, Bound.EVE, Anchor.EXAM_DAY)),
        ("до начала работы АК", Relative(0, Unit.NONE, Bound.UNTIL, Anchor.AK_WORK_START)),
        ("за 2 недели до начала экзамена", Relative(2, Unit.WEEK, Bound.EXACT_BEFORE, Anchor.EXAM_START)),
    ],
)
def test_relative_forms(text: str, expected: Relative) -> None:
    assert parse_term(text) == expected


def test_unit_unspecified_flag() -> None:
    assert "unit_unspecified" in parse_term("в течение 2 дней со дня принятия решения").flags


def test_parentheses_carry_data() -> None:
    term = parse_term("ноябрь 2021 г. (при необходимости)")
    assert term == Compound(Month(_m(2021, 11)), Conditional("при необходимости"), True)
    term = parse_term(
        "март, июль (промежуточные сведения соответствующих периодов) "
        "сентябрь – октябрь (итоговые сведения 2022 года)"
    )
    assert isinstance(term, TermSequence)
    last = term.items[-1]
    assert isinstance(last, Compound)
    assert isinstance(last.qualifier, Note)
    # the only year of the list sits in the last parenthesis
    assert [str(w) for w in term.resolve()] == [
        "2022-03-01..2022-03-31",
        "2022-07-01..2022-07-31",
        "2022-09-01..2022-10-31",
    ]


def test_external_schedule_owner_typos() -> None:
    term = parse_term("по графику Рособнадзора, графику региональных апробаций")
    assert isinstance(term, ExternalSchedule)
    assert term_owners(term) == ("Рособрнадзор",)
    latin = parse_term("согласно приказам Депатраментa")
    assert isinstance(latin, ExternalSchedule)
    assert latin.text == "приказам Депатрамента"
    assert term_owners(latin) == ("Департамент",)


def test_per_exam() -> None:
    term = parse_term("<p>для ГИА-9: апрель, май 2024</p> <p>для ГИА-11: февраль–май 2024</p>")
    assert isinstance(term, PerExam)
    assert [scope for scope, _ in term.parts] == ["ГИА-9", "ГИА-11"]
    labels = [w.label for w in term.resolve()]
    assert labels == ["ГИА-9", "ГИА-9", "ГИА-11"]


def test_missing_and_unparsed() -> None:
    assert isinstance(parse_term(""), MissingTerm)
    assert isinstance(parse_term("  <p></p> \n"), MissingTerm)
    bad = parse_term("когда-нибудь потом")
    assert isinstance(bad, UnparsedTerm)
    assert bad.text == "когда-нибудь потом"
    assert bad.position == 0
    partial = parse_term("ноябрь 2023 года и когда-нибудь")
    assert isinstance(partial, UnparsedTerm)
    assert partial.position == partial.text.index("когда")


def test_strict_mode_raises_with_position() -> None:
    with pytest.raises(TermSyntaxError) as info:
        parse_term("ноябрь 2023 года и когда-нибудь", strict=True)
    text = "ноябрь 2023 года и когда-нибудь"
    assert info.value.problem.location.span == (len("ноябрь 2023 года и "), len(text))
    assert info.value.problem.evidence == text
    assert "deadline" in info.value.problem.expected
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, GiaRoadmapError)
    with pytest.raises(TermSyntaxError) as date_info:
        parse_term("до 31.02.2024", strict=True)
    assert "valid calendar date" in date_info.value.problem.expected


def test_normalize_keeps_offsets() -> None:
    norm = normalize("<p>Ноябрь\u00a0 2022г.</p>")
    assert norm.low == "ноябрь¶2022 г."
    assert norm.original[norm.origin(0)] == "Н"


STACKED = [
    (
        "ноябрь 2023 года январь 2024 года март 2024 года апрель 2024 года  "
        "ноябрь 2023 года декабрь 2023 года"
        " январь 2024 года март 2024 года май 2024 года  январь 2024 года – март 2024 года",
        (
            "ноябрь 2023 года январь 2024 года март 2024 года апрель 2024 года",
            "ноябрь 2023 года декабрь 2023 года январь 2024 года март 2024 года май 2024 года",
            "январь 2024 года – март 2024 года",
        ),
    ),
    (
        "<p>ноябрь 2023</p> <p>декабрь 2023</p> <p>декабрь 2023</p> <p>февраль, май 2024</p>",
        ("ноябрь 2023", "декабрь 2023", "декабрь 2023", "февраль, май 2024"),
    ),
    (
        "февраль 2024 года\nмарт 2024 года\nавгуст 2024 года",
        ("февраль 2024 года", "март 2024 года", "август 2024 года"),
    ),
    (
        "март – апрель 2024 года май – июль 2024 года\nсентябрь 2024 года",
        ("март – апрель 2024 года", "май – июль 2024 года", "сентябрь 2024 года"),
    ),
    ("август 2024 года сентябрь– октябрь 2024", ("август 2024 года", "сентябрь– октябрь 2024")),
    ("в течение проведения ГИА–11 февраль 2024", ("в течение проведения ГИА–11", "февраль 2024")),
    (
        "в течение года февраль–март 2024 во время проведения ГИА",
        ("в течение года", "февраль–март 2024", "во время проведения ГИА"),
    ),
    (
        "до 31.12.2023 до 31.12.2023 до 01.04.2024 до 20.03.2024",
        ("до 31.12.2023", "до 31.12.2023", "до 01.04.2024", "до 20.03.2024"),
    ),
    (
        "до 01.11.2023 до 31.12.2023 до 01.11.2023 до 20.02.2024 до 01.11.2023, до 20.04.2024",
        ("до 01.11.2023", "до 31.12.2023", "до 01.11.2023", "до 20.02.2024", "до 01.11.2023, до 20.04.2024"),
    ),
    (
        "<p>для ГИА-9: апрель, май 2024</p> <p>для ГИА-11: февраль–май 2024</p>",
        ("для ГИА-9: апрель, май 2024", "для ГИА-11: февраль–май 2024"),
    ),
    (
        "<p>Август 2022</p> <p>Декабрь 2022</p> <p>Август 2023</p>",
        ("Август 2022", "Декабрь 2022", "Август 2023"),
    ),
    ("в течение учебного года по плану ИРОК", ("в течение учебного года по плану ИРОК",)),
    ("декабрь 2023, февраль, август 2024", ("декабрь 2023, февраль, август 2024",)),
    (
        "сентябрь – декабрь 2021 г. январь – август 2022 г.",
        ("сентябрь – декабрь 2021 г.", "январь – август 2022 г."),
    ),
    ("", ()),
]


@pytest.mark.parametrize(("text", "items"), STACKED)
def test_split_terms(text: str, items: tuple[str, ...]) -> None:
    assert split_terms(text) == items


def test_split_unreadable_text_at_hard_breaks() -> None:
    assert split_terms("<p>что-то</p><p>ещё что-то</p>") == ("что-то", "ещё что-то")


@given(st.text())
def test_lenient_never_raises(text: str) -> None:
    term = parse_term(text)
    assert term.kind
    assert not any(isinstance(t, UnparsedTerm) and "internal error" in t.reason for t in walk(term))
    split_terms(text)


@given(st.text(alphabet="январьфевлмтпиюнгсдокбз0123456789 .,-–()<>/pгодаучв\n", max_size=60))
def test_lenient_never_raises_on_deadline_like_text(text: str) -> None:
    term = parse_term(text, school_year=SY23)
    term.resolve(school_year=SY23)
    split_terms(text)


@given(st.text(max_size=40))
def test_strict_raises_only_term_syntax_errors(text: str) -> None:
    span: tuple[int, int] | None = (0, len(text))
    try:
        parse_term(text, strict=True)
    except TermSyntaxError as exc:
        span = exc.problem.location.span
    assert span is not None
    assert 0 <= span[0] <= span[1] == len(text)


@pytest.mark.parametrize("depth", [1, 8, 9, 500, 5000])
def test_nested_parentheses_give_a_term_never_a_recursion_error(depth: int) -> None:
    text = "май 2024 " + "(" * depth + "при необходимости" + ")" * depth
    term = parse_term(text, school_year=SY23)
    assert not isinstance(term, UnparsedTerm)
    assert term.resolve(school_year=SY23).windows[0].start == dt.date(2024, 5, 1)
    assert parse_term(text, strict=True) is not None
    assert split_terms(text)
    unbalanced = "(" * depth + "май 2024"
    with pytest.raises(TermSyntaxError):
        parse_term(unbalanced, strict=True)
    assert isinstance(parse_term(unbalanced), UnparsedTerm)
