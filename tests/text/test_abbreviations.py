"""Institutional abbreviations by their rule: the initials of the name, capitals, a region's
letters around them; generated for regions that do not exist."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.plan.bodies import BodyKind, classify_body
from gia_roadmap.text import abbreviates, initialism, is_abbreviation

_CAPITALS = st.text(alphabet="АБВГДЕЖЗКЛМНОПРСТУФХЦЧШЭЮЯ", max_size=3)
_INSTITUTE = "институт развития образования"


@given(_CAPITALS, _CAPITALS.filter(lambda s: len(s) <= 2))
def test_region_letters_around_the_initials(before: str, after: str) -> None:
    word = f"{before}ИРО{after}"
    expected = len(before) + len(after) <= 3
    assert abbreviates(word, _INSTITUTE) is expected
    assert not abbreviates(word.lower(), _INSTITUTE)  # not written as an abbreviation
    if expected:
        assert classify_body(word) == (BodyKind.DEVELOPMENT_INSTITUTE, classify_body("ИРО")[1], False)  # type: ignore[index]


def test_initialisms() -> None:
    assert initialism(_INSTITUTE) == "иро"
    assert initialism("Институт повышения квалификации и переподготовки работников образования") == "ипкипро"
    assert abbreviates("КРИПКиПРО", "институт повышения квалификации и переподготовки работников образования")
    assert not abbreviates("УПОиПК", "институт повышения квалификации")  # a small «и» is a conjunction
    assert not abbreviates("ИРОНИЯ", _INSTITUTE)
    assert is_abbreviation("ИРОК")
    assert is_abbreviation("КРИПКиПРО")
    assert not is_abbreviation("Ирок")
    assert not is_abbreviation("И")
