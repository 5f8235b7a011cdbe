"""The readers forgive typos by the general rule, not by a list: a misspelt unit of a relative
deadline, a misspelt owner of an external schedule, a month written in any form."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from gia_roadmap.calendar import ExternalSchedule, Relative, parse_term
from gia_roadmap.plan.owners import term_owners
from tests.text.test_fuzzy import _reference_osa, typo

_UNITS = {"день": 0, "дня": 0, "дней": 0, "неделя": 1, "неделю": 1, "недели": 1, "недель": 1}
_UNITS |= {"месяц": 2, "месяца": 2, "месяцев": 2}


@given(st.data(), st.sampled_from(sorted(_UNITS)), st.sampled_from(["", "календарных ", "рабочих "]))
def test_a_misspelt_unit_is_its_unit(data: st.DataObject, form: str, adjective: str) -> None:
    misspelt = data.draw(typo(form))
    assume(misspelt not in _UNITS and len(misspelt) >= 3)
    close = {unit for known, unit in _UNITS.items() if _reference_osa(misspelt, known) <= 1}
    assume(close == {_UNITS[form]})
    assume(any(len(f) <= len(misspelt) for f, u in _UNITS.items() if u == _UNITS[form]))
    if _UNITS[form] != 0:
        adjective = ""
    correct = parse_term(f"за 3 {adjective}{form} до дня проведения экзамена")
    read = parse_term(f"за 3 {adjective}{misspelt} до дня проведения экзамена")
    assert isinstance(correct, Relative)
    assert isinstance(read, Relative)
    assert (read.offset, read.unit, read.bound, read.anchor) == (
        correct.offset,
        correct.unit,
        correct.bound,
        correct.anchor,
    )


def test_a_word_far_from_every_unit_is_not_a_unit() -> None:
    # («суток» is a unit: «за 3 суток» = 3 calendar days; so is «часа»: hours are Unit.HOUR)
    for word in ("года", "класса", "лет", "дн"):
        assert not isinstance(parse_term(f"за 3 {word} до дня проведения экзамена"), Relative), word


_OWNERS = {
    "Рособрнадзора": "Рособрнадзор",
    "Департамента": "Департамент",
    "Министерства": "Министерство",
    "Спецсвязью": "Спецсвязь",
}


@given(st.data(), st.sampled_from(sorted(_OWNERS)))
def test_a_misspelt_owner_is_recognised(data: st.DataObject, written: str) -> None:
    misspelt = data.draw(typo(written))
    assume(misspelt[:1].isalpha())
    term = parse_term(f"согласно приказам {misspelt}")
    assert isinstance(term, ExternalSchedule)
    assert term_owners(term) == (_OWNERS[written],)


def test_institute_owners_are_named_as_written() -> None:
    term = parse_term("по графику СОИРО и ФЦТ")
    assert isinstance(term, ExternalSchedule)
    assert term_owners(term) == ("ФЦТ", "СОИРО")
