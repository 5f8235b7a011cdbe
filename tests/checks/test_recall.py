"""What careful readers catch, checked on generated wording (issue 16, part 3).

Each test draws the forms a real document uses and holds a check to a rule stated independently of
the check's code: a deadline day off in any written form (GR206), one name or order number spelled
two ways (GR403), a deadline that names no day on the holding of an admission test whose days the
Порядок fixes (GR215), an exam season in a title older than the measure's dates allow (GR216).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.plan.checks import check
from gia_roadmap.text import MONTHS_GENITIVE

from .plans import calendar, m, plan

SCHOOL_DAYS = st.dates(dt.date(2023, 10, 3), dt.date(2024, 8, 30))

FORMS = (
    lambda d: f"до {d.day} {MONTHS_GENITIVE[d.month - 1]} {d.year} года",
    lambda d: f"не позднее {d.day} {MONTHS_GENITIVE[d.month - 1]} {d.year} г.",
    lambda d: f"{d.day} {MONTHS_GENITIVE[d.month - 1]}",
    lambda d: f"до {d:%d.%m.%Y}",
    lambda d: f"{d:%d.%m.%Y} г.",
)


@settings(deadline=None)  # the first example builds the calendar
@given(SCHOOL_DAYS, st.sampled_from(FORMS))
def test_a_deadline_on_a_day_off_is_found_whatever_its_form(day: dt.date, form: object) -> None:
    assert callable(form)
    text = form(day)
    report = check(plan(m("1", term=text)), calendar=calendar())
    found = bool(report.filter(code="GR206").findings)
    assert found == (not calendar().is_working_day(day)), (text, report.to_text())


SURNAMES = ("Владимирова", "Полосина", "Дюбенкова", "Тухватуллина", "Сафонова", "Денисенкова")


def _typo(word: str, position: int, letter: str) -> str:
    """``word`` with the letter at ``position`` (inside the word, not in its ending) replaced."""
    return word[:position] + letter + word[position + 1 :]


@settings(deadline=None)  # the first example builds the calendar
@given(st.sampled_from(SURNAMES), st.integers(1, 4), st.sampled_from("нлрмк"))
def test_one_surname_spelt_two_ways_is_one_finding(surname: str, position: int, letter: str) -> None:
    typo = _typo(surname, position, letter)
    rows = [m(str(i + 1), responsible=f"{name} Е.В.") for i, name in enumerate((surname, surname, typo))]
    found = check(plan(*rows), calendar=calendar()).filter(code="GR403").findings
    if typo.lower() == surname.lower():
        assert not found
    else:
        (finding,) = found
        assert finding.location.measure == "3"
        assert [r.measure for r in finding.related] == ["1", "2"]


@settings(deadline=None)  # the first example builds the calendar
@given(st.sampled_from(SURNAMES), st.sampled_from(("", "ой", "у", "ы")))
def test_forms_of_one_surname_and_other_people_are_not_typos(surname: str, ending: str) -> None:
    other = surname[:-1] if surname.endswith("а") else surname + "а"  # the other gender
    rows = [
        m("1", responsible=f"{surname} Е.В."),
        m("2", responsible=f"{surname[:-1] + ending if ending else surname} Е.В."),
        m("3", responsible=f"{other} Е.В."),
        m("4", responsible=f"{_typo(surname, 2, 'ж')} А.Б."),  # other initials: another person
    ]
    assert not check(plan(*rows), calendar=calendar()).filter(code="GR403").findings


@settings(deadline=None)  # the first example builds the calendar
@given(st.sampled_from(("П", "ОД", "р", "Пр")), st.sampled_from(("ПП", "О", "п", "Р")))
def test_one_order_numbered_two_ways(letters: str, other: str) -> None:
    first = f"Исполнение приказа от 29.10.2021 № 10-{letters}-1485"
    second = f"Отчет по приказу от 29.10.2021 №10-{other}-1485"
    later = "Исполнение приказа от 30.10.2021 № 10-Р-1485"  # another day: another order
    report = check(plan(m("1", first), m("2", second), m("3", later)), calendar=calendar())
    found = report.filter(code="GR403").findings
    if letters.upper() == other.upper():
        assert not found
    else:
        (finding,) = found
        assert {finding.location.measure, *(r.measure for r in finding.related)} == {"1", "2"}


VAGUE = ("в течение учебного года", "постоянно", "по мере необходимости", "I полугодие", "сентябрь – май")
NAMED = ("06.12.2023", "декабрь 2023 года", "декабрь 2023 года, февраль, апрель 2024 года", "14.02.2024")


@settings(deadline=None)  # the first example builds the calendar
@given(
    st.sampled_from(("сочинения (изложения)", "собеседования по русскому языку")),
    st.sampled_from(VAGUE + NAMED),
    st.sampled_from(
        ("Проведение итогового", "Проведение пробного итогового", "Подготовка к проведению итогового")
    ),
)
def test_a_vague_term_on_a_fixed_date_is_found(test: str, term: str, lead: str) -> None:
    """GR215 exactly when the measure holds the test itself and its deadline names no day or month."""
    report = check(plan(m("1", f"{lead} {test}", term=term)), calendar=calendar())
    found = report.filter(code="GR215").findings
    assert bool(found) == (lead == "Проведение итогового" and term in VAGUE), report.to_text()
    if found:
        days = dict(found[0].params)["days"]
        assert isinstance(days, tuple)
        # Wednesdays, and the Monday of the April interview
        assert all(isinstance(d, dt.date) and d.weekday() in (0, 2) for d in days)


@settings(deadline=None)  # the first example builds the calendar
@given(
    st.integers(2019, 2026),
    st.sampled_from(("Анализ результатов ЕГЭ-{y}", "Совещание по итогам ГИА в {y} году")),
    st.dates(dt.date(2023, 9, 1), dt.date(2024, 8, 31)),
)
def test_a_review_names_a_season_over_at_its_start(year: int, wording: str, start: dt.date) -> None:
    """A review may name the last season over when it starts (a season is over by August) or an
    earlier one only if no later one is over."""
    title = wording.format(y=year)
    term = f"{start:%d.%m.%Y}"
    found = check(plan(m("1", title, term=term)), calendar=calendar()).filter(code="GR216").findings
    last_over = start.year if start.month >= 8 else start.year - 1
    assert bool(found) == (year < last_over), (title, term)


@settings(deadline=None)  # the first example builds the calendar
@given(
    st.integers(2019, 2027), st.sampled_from(("март 2024 года", "по мере необходимости", "август 2023 года"))
)
def test_other_measures_name_the_plans_season(year: int, term: str) -> None:
    """Preparation for the exams of 2023/2024 names 2024 (or later); dates before the school year are
    the preparation of an earlier season and are left alone."""
    title = f"Консультации для учителей по технологии проведения ОГЭ-{year}"
    found = check(plan(m("1", title, term=term)), calendar=calendar()).filter(code="GR216").findings
    assert bool(found) == (year < 2024 and term != "август 2023 года"), (title, term)
