"""Numerals in words, both ways: every number 0–999 in every case and gender is written and read
back; digits, «5 (пяти)» and «1-го» are read; a number is never found inside a word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import (
    MAX_NUMBER,
    Case,
    Gender,
    NumeralKind,
    collective_words,
    find_numbers,
    number_words,
    ordinal_digits,
    ordinal_words,
    parse_number,
    plural_form,
)

_NUMBERS = range(MAX_NUMBER + 1)


@pytest.mark.parametrize("case", list(Case), ids=[c.value for c in Case])
def test_every_cardinal_round_trips(case: Case) -> None:
    for gender in Gender:
        for n in _NUMBERS:
            words = number_words(n, case, gender)
            found = parse_number(words)
            assert found is not None, words
            assert (found.value, found.kind, found.end) == (n, NumeralKind.CARDINAL, len(words)), words
            assert case in found.cases, words
            assert gender in found.genders, words


@pytest.mark.parametrize("case", list(Case), ids=[c.value for c in Case])
def test_every_ordinal_round_trips(case: Case) -> None:
    for gender in Gender:
        for n in _NUMBERS:
            words = ordinal_words(n, case, gender)
            found = parse_number(words)
            assert found is not None, words
            assert (found.value, found.kind, found.end) == (n, NumeralKind.ORDINAL, len(words)), words
            assert case in found.cases, words
            assert gender in found.genders, words


def test_every_digit_ordinal_round_trips() -> None:
    for case in Case:
        for gender in Gender:
            for n in _NUMBERS:
                written = ordinal_digits(n, case, gender)
                found = parse_number(written)
                assert found is not None, written
                assert (found.value, found.end, found.digits) == (n, len(written), True)
                if found.kind is NumeralKind.CARDINAL:
                    # «2-х», «7-ми» are read as cardinals (deadlines write «в течение 2-х дней»)
                    assert written.endswith(("-х", "-ми")), written
                else:
                    assert found.kind is NumeralKind.ORDINAL, written
                    assert case in found.cases, written
                    assert gender in found.genders, written


def test_collectives_round_trip() -> None:
    for n in range(2, 11):
        for case in Case:
            words = collective_words(n, case)
            found = parse_number(words)
            assert found is not None
            assert (found.value, found.kind, case in found.cases) == (n, NumeralKind.COLLECTIVE, True)


@given(st.integers(0, MAX_NUMBER), st.sampled_from(list(Case)), st.sampled_from(list(Gender)), st.booleans())
def test_digits_with_words_in_parentheses(n: int, case: Case, gender: Gender, digits_first: bool) -> None:
    words = number_words(n, case, gender)
    written = f"{n} ({words})" if digits_first else f"{words} ({n})"
    phrase = f"за {written} рабочих дней"
    found = parse_number(phrase, 3)
    assert found is not None
    assert (found.value, found.end, found.digits) == (n, 3 + len(written), True)
    assert case in found.cases


@given(st.integers(0, MAX_NUMBER), st.integers(0, MAX_NUMBER).filter(bool))
def test_parentheses_that_disagree_are_not_taken(n: int, shift: int) -> None:
    other = (n + shift) % (MAX_NUMBER + 1)
    written = f"{n} ({number_words(other)})"
    found = parse_number(written)
    assert found is not None
    assert (found.value, found.end) == (n, len(str(n)))


@given(
    st.integers(0, MAX_NUMBER),
    st.sampled_from(list(Case)),
    # Letters that never end a numeral form: «сорок» + «а» is «сорока» (40 again), «одно» + «ю» is
    # «одною», so a tail from the letters of numeral endings can make another whole numeral.
    st.text(alphabet="бжзщъэфц", min_size=1, max_size=3),
)
def test_numbers_are_whole_words(n: int, case: Case, tail: str) -> None:
    words = number_words(n, case)
    found = parse_number(words + tail)
    if found is not None:  # a shorter number may end before the last word («сто двадцать» + «пятьx»)
        assert found.end < len(words)
    assert parse_number("x" + words, 1) is None


def test_spellings_and_capitals() -> None:
    for written, value in (("ТРЕХ", 3), ("Трёх", 3), ("нуль", 0), ("одною", 1), ("восьмью", 8)):
        found = parse_number(written)
        assert found is not None
        assert found.value == value


def test_find_numbers_in_deadline_phrases() -> None:
    text = "в течение двух рабочих дней, за 5 (пяти) дней, во вторую среду, до 1-го числа, 2024 года"
    assert [(m.value, m.kind) for m in find_numbers(text)] == [
        (2, NumeralKind.CARDINAL),
        (5, NumeralKind.CARDINAL),
        (2, NumeralKind.ORDINAL),
        (1, NumeralKind.ORDINAL),
    ]
    assert [m.value for m in find_numbers("двадцать пятнадцать")] == [20, 15]


def _reference_plural(n: int) -> int:
    n = abs(n)
    last_two, last = n % 100, n % 10
    if 11 <= last_two <= 14:
        return 2
    return 0 if last == 1 else 1 if last in (2, 3, 4) else 2


@given(st.integers(-10_000, 10_000))
def test_plural_form(n: int) -> None:
    forms = ("день", "дня", "дней")
    assert plural_form(n, *forms) == forms[_reference_plural(n)]


def test_bad_input() -> None:
    with pytest.raises(InvalidValueError, match="0–999"):
        number_words(1000)
    with pytest.raises(InvalidTypeError):
        number_words(True)
    with pytest.raises(InvalidValueError):
        collective_words(1)
    with pytest.raises(InvalidTypeError):
        ordinal_words(1, "genitive")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        parse_number("пять", 10)
    assert parse_number("") is None
    assert parse_number("2024") is None  # four digits are a year, not a count
