"""Month names: every form of the one table is read back, in any spelling documents use, and the
regex sources match exactly the month words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import (
    LOOKALIKE_TRANSLATION,
    LOOKALIKES,
    MONTH_ABBREVIATION_PATTERN,
    MONTH_FORMS,
    MONTH_NAMES,
    MONTH_PATTERN,
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    MONTHS_SHORT,
    Case,
    month_adjective_pattern,
    month_name,
    month_of,
    month_pattern,
)

_CYRILLIC_TWIN = {cyr: lat for lat, cyr in LOOKALIKES.items()}


@st.composite
def written_month(draw: st.DrawFn) -> tuple[int, str]:
    """A month and one way a document writes it: a case form or an abbreviation (with or without
    its dot), in any capitalisation, «ё» or «е», some letters Latin look-alikes."""
    entry = draw(st.sampled_from(MONTH_NAMES))
    word = draw(
        st.sampled_from(entry.forms + tuple(a + "." for a in entry.abbreviations) + entry.abbreviations)
    )
    if draw(st.booleans()):
        word = word.replace("ё", "е")
    word = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    letters = list(word)
    cyrillic_positions = [i for i, c in enumerate(letters) if c.isalpha()]
    keep = draw(st.sampled_from(cyrillic_positions))  # at least one letter stays Cyrillic
    for i in cyrillic_positions:
        if i != keep and letters[i] in _CYRILLIC_TWIN and draw(st.booleans()):
            letters[i] = _CYRILLIC_TWIN[letters[i]]
    return entry.number, "".join(letters)


@given(written_month())
def test_month_of_reads_every_written_form(case: tuple[int, str]) -> None:
    number, word = case
    assert month_of(word) == number
    assert month_of(f"  {word} ") == number


@pytest.mark.parametrize("word", ["маяк", "мартен", "январский", "ма", "1 мая", "", "июньск", "декабря2024"])
def test_month_of_refuses_other_words(word: str) -> None:
    assert month_of(word) is None


def test_month_name_round_trips_every_case() -> None:
    for entry in MONTH_NAMES:
        for case in Case:
            assert month_of(month_name(entry.number, case)) == entry.number
    assert month_name(12, Case.PREPOSITIONAL) == "декабре"
    assert month_name(5, Case.GENITIVE) == "мая"


def test_month_name_rejects_bad_months() -> None:
    with pytest.raises(InvalidValueError, match="1–12"):
        month_name(13)
    with pytest.raises(InvalidTypeError):
        month_name(True)
    with pytest.raises(InvalidTypeError):
        month_of(5)  # type: ignore[arg-type]


def test_render_tables_are_the_table() -> None:
    assert tuple(m.nominative for m in MONTH_NAMES) == MONTHS_NOMINATIVE
    assert MONTHS_GENITIVE[0] == "января"
    assert MONTHS_GENITIVE[11] == "декабря"
    assert len(set(MONTHS_SHORT)) == 12
    assert all(month_of(short) == i for i, short in enumerate(MONTHS_SHORT, start=1))


def test_forms_map_to_one_month_each() -> None:
    """No word is the form of two months (so month_of is well defined)."""
    seen: dict[str, int] = {}
    for entry in MONTH_NAMES:
        for word in (*entry.forms, *entry.abbreviations):
            key = word.replace("ё", "е")
            assert seen.setdefault(key, entry.number) == entry.number, word
    assert dict(MONTH_FORMS) == seen


_BOUNDED = re.compile(rf"(?<![а-яё])({MONTH_PATTERN})(?![а-яё])")


@given(written_month(), st.sampled_from(["до ", "с 1 ", "в ", ""]), st.sampled_from([" 2024 года", ",", ""]))
def test_month_pattern_finds_the_month_in_a_phrase(case: tuple[int, str], before: str, after: str) -> None:
    number, word = case
    low = word.lower().translate(LOOKALIKE_TRANSLATION)
    found = _BOUNDED.search(f"{before}{low}{after}")
    if low.rstrip(".") in {a for m in MONTH_NAMES for a in m.abbreviations} - {
        f for m in MONTH_NAMES for f in m.forms
    }:
        assert found is None  # abbreviations are a separate pattern
    else:
        assert found is not None
        assert month_of(found.group(1)) == number


def test_pattern_variants() -> None:
    genitive = re.compile(f"(?:{month_pattern([Case.GENITIVE])})")
    assert all(genitive.fullmatch(m.genitive) for m in MONTH_NAMES)
    assert genitive.fullmatch("декабрь") is None
    with_abbreviations = re.compile(month_pattern(abbreviations=True))
    assert with_abbreviations.fullmatch("сент.")
    assert with_abbreviations.fullmatch("нояб")
    assert re.fullmatch(MONTH_ABBREVIATION_PATTERN, "дек.")
    assert not re.fullmatch(MONTH_ABBREVIATION_PATTERN, "дек")
    assert re.fullmatch(month_adjective_pattern(9), "сентябрьские")
    assert re.fullmatch(month_adjective_pattern(9), "октябрьские") is None
    assert re.fullmatch(month_adjective_pattern(), "майских")
