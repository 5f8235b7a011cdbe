"""Lists of words (перечисление): «а, б и в»."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import enumeration

WORDS = st.lists(st.text("абвгдежз", min_size=1, max_size=8), min_size=1, max_size=6)


@given(WORDS, st.sampled_from(["и", "или"]))
def test_commas_then_the_conjunction_before_the_last(words: list[str], conjunction: str) -> None:
    text = enumeration(words, conjunction)
    if len(words) == 1:
        assert text == words[0]
    else:
        head, last = text.rsplit(f" {conjunction} ", 1)
        assert last == words[-1]
        assert head.split(", ") == words[:-1]


@pytest.mark.parametrize(
    ("words", "error"), [([], InvalidValueError), ("ab", InvalidTypeError), ([1], InvalidTypeError)]
)
def test_bad_input_is_named(words: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="enumeration"):
        enumeration(words)  # type: ignore[arg-type]
