"""Dashes, blanks, invisible characters and look-alike letters: each table is complete, and every
reader that uses it sees every member (the drift that hid «ГИА‐9» cannot come back)."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import DayRange, parse_term
from gia_roadmap.calendar.exams import ExamScope, detect_exam_scopes
from gia_roadmap.io.cells import ends_with_break_hyphen
from gia_roadmap.text import (
    BLANKS,
    DASH_CLASS,
    DASHES,
    HYPHENS,
    INVISIBLES,
    LINE_BREAKS,
    LOOKALIKES,
    SPACES,
    clean_cell,
    drop_invisibles,
    fix_lookalikes,
    mixes_scripts,
    normalize,
    unify_dashes,
)

_EVERY_CHAR = [chr(c) for c in range(sys.maxunicode + 1)]


def test_dashes_are_every_dash_punctuation_and_the_minus() -> None:
    pd = {c for c in _EVERY_CHAR if unicodedata.category(c) == "Pd"}
    assert pd <= set(DASHES)
    assert set(DASHES) - pd <= {"\u2212", "\U00010d6e"}  # the minus; a dash newer than this Python
    assert len(DASHES) == len(set(DASHES))
    assert set(HYPHENS) <= set(DASHES)


_DASH = st.sampled_from(DASHES)


@given(_DASH)
def test_every_dash_is_one_hyphen(dash: str) -> None:
    assert unify_dashes(f"а{dash}б") == "а-б"
    assert re.fullmatch(DASH_CLASS, dash)
    assert clean_cell(f"май {dash} июнь") == "май - июнь"


@given(_DASH, st.sampled_from(["", " "]), st.sampled_from(["9", "11"]))
def test_gia_level_is_read_with_any_dash(dash: str, space: str, level: str) -> None:
    scopes = detect_exam_scopes(f"Проведение ГИА{dash}{space}{level} в 2024 году")
    assert scopes == ((ExamScope.GIA_9,) if level == "9" else (ExamScope.GIA_11,))


@given(_DASH, st.sampled_from(["", " "]))
def test_the_deadline_parser_reads_any_dash(dash: str, space: str) -> None:
    term = parse_term(f"с 5{space}{dash}{space}22 сентября 2023 года".replace(f"{space}{dash}{space}", " - "))
    assert isinstance(term, DayRange)
    assert parse_term(f"август{space}{dash}{space}сентябрь 2023 года") == parse_term(
        "август – сентябрь 2023 года"
    )


def test_a_break_hyphen_is_any_hyphen() -> None:
    assert all(ends_with_break_hyphen(f"учи{h}") for h in HYPHENS)
    assert not ends_with_break_hyphen("учи")


def test_blanks_are_every_whitespace() -> None:
    assert set(BLANKS) == {c for c in _EVERY_CHAR if c.isspace()}
    assert len(BLANKS) == len(set(BLANKS))
    breaks = {c for c in BLANKS if len(f"a{c}b".splitlines()) == 2}
    assert set(LINE_BREAKS) == breaks
    assert set(SPACES) == set(BLANKS) - breaks


def test_invisibles_render_as_nothing() -> None:
    assert all(unicodedata.category(c) in {"Cf", "Mn"} for c in INVISIBLES)
    assert drop_invisibles("учи\u00adтель\u200b") == "учитель"
    assert normalize("учи\u00adтеля\ufeff") == "учителя"


_CYRILLIC_TWIN = {cyr: lat for lat, cyr in LOOKALIKES.items()}
_RUSSIAN_WORD = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюяАБВЕКМНОРСТУХ", min_size=2, max_size=12)


@given(_RUSSIAN_WORD, st.data())
def test_lookalikes_are_repaired_in_mixed_words(word: str, data: st.DataObject) -> None:
    """Replace some letters of a Russian word by their Latin twins, keeping one Cyrillic letter:
    the repair gives the word back, character for character."""
    letters = list(word)
    keep = data.draw(st.integers(0, len(word) - 1))
    for i, c in enumerate(letters):
        if i != keep and c in _CYRILLIC_TWIN and data.draw(st.booleans()):
            letters[i] = _CYRILLIC_TWIN[c]
    mixed = "".join(letters)
    text = f"до {mixed}, PISA"
    assert fix_lookalikes(text) == f"до {word}, PISA"
    assert len(fix_lookalikes(text)) == len(text)


@given(st.text(alphabet="abcehkmopxyABCEHKMOPTXY", min_size=1, max_size=8))
def test_words_wholly_latin_stay_latin(word: str) -> None:
    assert not mixes_scripts(word)
    assert fix_lookalikes(f"по {word} и") == f"по {word} и"


def test_clean_cell_and_normalize() -> None:
    assert clean_cell("<p>Учителей- предметников</p><p>ГИА\u2011 9</p>") == "Учителей-предметников ГИА-9"
    assert clean_cell("a\u2003\u2003b\n\n\nc") == "a b\nc"
    assert normalize("Депатраментa\u00a0Ё") == "депатрамента е"


_PHRASES = [
    "с 1 по 5 декабря 2023 года",
    "август – сентябрь 2023 года",
    "за 3 календарных дня до дня проведения экзамена",
    "не позднее 17.05.2024",
]


@given(st.sampled_from(_PHRASES), st.sampled_from(INVISIBLES), st.data())
def test_the_parser_ignores_invisibles(phrase: str, invisible: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(phrase)))
    written = phrase[:at] + invisible + phrase[at:]
    assert parse_term(written).resolve() == parse_term(phrase).resolve()
