"""The typo rule: the distance, the length-scaled forgiveness, and a vocabulary that finds exactly
what comparing with every known word would find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text import Vocabulary, allowed_edits, osa_distance, similar_words


def _reference_osa(a: str, b: str) -> int:
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


_WORD = st.text(alphabet="абвгдеклмнорст", max_size=12)


@given(_WORD, _WORD, st.integers(0, 3))
def test_osa_distance_is_the_textbook_distance(a: str, b: str, limit: int) -> None:
    exact = _reference_osa(a, b)
    assert osa_distance(a, b) == exact == osa_distance(b, a)
    assert osa_distance(a, b, limit) == (exact if exact <= limit else limit + 1)


@st.composite
def typo(draw: st.DrawFn, word: str) -> str:
    """``word`` with one random edit: a deletion, an insertion, a substitution or a swap."""
    letters = list(word)
    kind = draw(st.sampled_from(["delete", "insert", "substitute", "swap"]))
    at = draw(st.integers(0, len(letters) - 1))
    new = draw(st.sampled_from("абвгдежзиклмнопрст"))
    if kind == "delete":
        del letters[at]
    elif kind == "insert":
        letters.insert(at, new)
    elif kind == "substitute":
        letters[at] = new
    elif at + 1 < len(letters):
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


@given(
    st.data(), st.sampled_from(["рособрнадзор", "департамент", "министерство", "спецсвязь", "минпросвещения"])
)
def test_one_typo_in_a_long_word_is_forgiven(data: st.DataObject, word: str) -> None:
    misspelt = data.draw(typo(word))
    assert similar_words(misspelt, word)
    assert similar_words(misspelt.upper(), word)


def test_short_words_must_be_exact() -> None:
    assert [allowed_edits(n) for n in (1, 4, 5, 9, 10, 20)] == [0, 0, 1, 1, 2, 2]
    assert not similar_words("для", "дня")
    assert similar_words("Учёт", "учет")


def _brute_force(known: dict[str, str], word: str, endings: int, min_stem: int) -> str | None:
    """Compare with every known word: the closest within the rule, None when none or a tie of
    different values."""
    key = word.lower().replace("ё", "е")
    best: list[tuple[int, str]] = []
    for cut in range(min(endings, max(0, len(key) - min_stem)) + 1):
        stem = key[: len(key) - cut]
        for k, value in known.items():
            limit = allowed_edits(min(len(stem), len(k)))
            d = _reference_osa(stem, k)
            if d <= limit:
                best.append((d, value))
        if any(d == 0 for d, _ in best):
            break
    if not best:
        return None
    top = min(d for d, _ in best)
    values = {v for d, v in best if d == top}
    return values.pop() if len(values) == 1 else None


_KNOWN = st.dictionaries(
    st.text(alphabet="абвгдеклмнор", min_size=1, max_size=12), st.sampled_from("XYZ"), max_size=8
)


@settings(max_examples=300)
@given(_KNOWN, st.text(alphabet="абвгдеклмнор", min_size=1, max_size=14), st.integers(0, 3))
def test_vocabulary_finds_what_comparing_with_every_word_finds(
    known: dict[str, str], word: str, endings: int
) -> None:
    vocabulary = Vocabulary(known, endings=endings)
    assert vocabulary.lookup(word) == _brute_force(known, word, endings, 5)
    for k, value in known.items():
        assert vocabulary.lookup(k.upper()) == value
        assert k in vocabulary


def test_vocabulary_refuses_to_guess_between_equals() -> None:
    vocabulary = Vocabulary({"проверка": "A", "проверки": "B"})
    assert vocabulary.lookup("проверку") is None  # one edit from both
    assert vocabulary.lookup("проверка") == "A"
    same = Vocabulary({"дня": "день", "день": "день"}, max_edits=lambda n: 1 if n >= 3 else 0)
    assert same.lookup("деня") == "день"  # equally close to two forms of one unit


def test_vocabulary_match_and_validation() -> None:
    vocabulary = Vocabulary(["рособрнадзор"], endings=3)
    found = vocabulary.match("Рособнадзором")
    assert found is not None
    assert (found.known, found.distance, found.ending) == ("рособрнадзор", 1, "ом")
    assert len(vocabulary) == 1
    assert list(vocabulary) == ["рособрнадзор"]
    assert Vocabulary(["умо"], endings=3).lookup("умом") is None  # abbreviations take no endings
    with pytest.raises(InvalidValueError, match="already known"):
        Vocabulary({"дня": "день"}).add("ДНЯ", "неделя")
    with pytest.raises(InvalidValueError):
        Vocabulary([" "])
    with pytest.raises(InvalidTypeError):
        Vocabulary("слово")
    with pytest.raises(InvalidValueError):
        Vocabulary(endings=-1)
    with pytest.raises(InvalidTypeError):
        vocabulary.match(None)  # type: ignore[arg-type]
