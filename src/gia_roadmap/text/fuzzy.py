"""Tolerant matching of known words (нечёткое сравнение): the general typo rule of the package.

Documents misspell: «Рособнадзора», «Депатрамента», «календарных деня». Instead of listing each
misspelling, the library compares words by the optimal-string-alignment distance
(:func:`osa_distance`: insertions, deletions, substitutions and swaps of neighbouring letters) and
forgives as many edits as the length of the word allows (:func:`allowed_edits`: none below 5
letters, one for 5–9, two from 10 on). :func:`similar_words` compares two words by that rule;
a :class:`Vocabulary` holds the known words of one job and finds the known word a possibly
misspelt word stands for, or None when none is close enough or two different ones are equally
close.

>>> units = Vocabulary({"департамент": "Департамент", "министерство": "Министерство"}, endings=3)
>>> units.lookup("Депатрамента"), units.lookup("министерствами"), units.lookup("комитет")
('Департамент', 'Министерство', None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, TypeVar, overload

import attrs

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = ["Vocabulary", "VocabularyMatch", "allowed_edits", "osa_distance", "similar_words"]

T = TypeVar("T")


def osa_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal-string-alignment distance between ``a`` and ``b``.

    Counts insertions, deletions, substitutions and swaps of two neighbouring letters. With
    ``limit`` the computation stops early and returns ``limit + 1`` once the distance must exceed it.

    >>> osa_distance("департамент", "депатрамент")
    1
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if limit is not None and min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1] if limit is None else min(previous[-1], limit + 1)


def allowed_edits(length: int) -> int:
    """How many edits a word of ``length`` letters may carry and still be recognised: 0 below 5
    letters (short words and abbreviations must be exact), 1 for 5–9, 2 from 10 on."""
    if length < 5:
        return 0
    return 1 if length < 10 else 2


def _key(word: str) -> str:
    """The form words are compared in: look-alikes repaired, lower case, «е» for «ё»."""
    return fix_lookalikes(word.strip()).lower().replace("ё", "е")


def similar_words(a: str, b: str) -> bool:
    """True when two words differ only by a typo a reader would forgive.

    The rule scales with the shorter word (:func:`allowed_edits`). Comparison ignores case, «ё»
    and look-alike Latin letters.

    >>> similar_words("Рособнадзора", "рособрнадзора"), similar_words("для", "дня")
    (True, False)
    """
    a, b = _key(a), _key(b)
    if a == b:
        return True
    allowed = allowed_edits(min(len(a), len(b)))
    return allowed > 0 and osa_distance(a, b, allowed) <= allowed


@attrs.frozen
class VocabularyMatch(Generic[T]):
    """What :meth:`Vocabulary.match` found.

    Attributes:
        known: the known word (in the vocabulary's comparison form: lower case, «е» for «ё»).
        value: the value stored with it.
        distance: edits between the known word and the word looked up (after any cut ending).
        ending: the letters cut off the end of the looked-up word (an inflectional ending), or "".
    """

    known: str
    value: T
    distance: int
    ending: str = ""


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``depth`` letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class Vocabulary(Generic[T]):
    """Known words of one job, found again when misspelt, inflected or mixed with Latin letters.

    A word is looked up in its comparison form (lower case, «е» for «ё», look-alikes repaired).
    It matches a known word when the :func:`osa_distance` between them is at most
    ``max_edits(length of the shorter)``; the closest known word wins, and when two known words
    with different values are equally close the lookup gives nothing rather than guess.

    With ``endings=n`` the known words are stems: up to ``n`` letters may be cut off the end of the
    word looked up (its case ending, «департамент|ами»), as long as at least ``min_stem`` letters
    remain, so short abbreviations are never matched inside longer words.

    Candidates are found through an index of deletions (the "symmetric delete" method), so a
    lookup costs a few dictionary probes, not a comparison with every known word.

    Args:
        words: the known words, or a mapping from each known word to its value (a plain iterable
            stores each word as its own value).
        max_edits: edits allowed by word length; non-decreasing (default :func:`allowed_edits`).
        endings: how many letters of ending may be cut off a looked-up word (default 0).
        min_stem: the fewest letters left after cutting an ending (default 5).

    Adding words is not thread-safe; look-ups are (they only read).
    """

    __slots__ = ("_endings", "_exact", "_index", "_max_edits", "_min_stem")

    @overload
    def __init__(
        self,
        words: Mapping[str, T],
        *,
        max_edits: Callable[[int], int] = ...,
        endings: int = ...,
        min_stem: int = ...,
    ) -> None: ...

    @overload
    def __init__(
        self: Vocabulary[str],
        words: Iterable[str] = (),
        *,
        max_edits: Callable[[int], int] = ...,
        endings: int = ...,
        min_stem: int = ...,
    ) -> None: ...

    def __init__(
        self,
        words: Iterable[str] | Mapping[str, T] = (),
        *,
        max_edits: Callable[[int], int] = allowed_edits,
        endings: int = 0,
        min_stem: int = 5,
    ) -> None:
        for name, number in (("endings", endings), ("min_stem", min_stem)):
            if isinstance(number, bool) or not isinstance(number, int):
                raise InvalidTypeError(f"Vocabulary({name}=…) must be an int, got {type(number).__name__}")
            if number < 0:
                raise InvalidValueError(f"Vocabulary({name}=…) must be 0 or more, got {number}")
        if not callable(max_edits):
            kind = type(max_edits).__name__
            raise InvalidTypeError(f"Vocabulary(max_edits=…) must be callable, got {kind}")
        self._max_edits = max_edits
        self._endings = endings
        self._min_stem = min_stem
        self._exact: dict[str, T] = {}
        self._index: dict[str, set[str]] = {}
        if isinstance(words, Mapping):
            for word, value in words.items():
                self.add(word, value)
        elif isinstance(words, str):
            raise InvalidTypeError("Vocabulary(words) takes an iterable of words, not one str")
        else:
            for word in words:
                self.add(word)

    def add(self, word: str, value: T | None = None) -> None:
        """Add ``word`` with ``value`` (the word itself when None).

        Raises:
            InvalidValueError: ``word`` is empty, or is already known with a different value.
        """
        if not isinstance(word, str):
            raise InvalidTypeError(f"a vocabulary word must be a str, got {type(word).__name__}")
        key = _key(word)
        if not key:
            raise InvalidValueError(f"a vocabulary word must have letters, got {word!r}")
        stored: T = value if value is not None else word  # type: ignore[assignment]
        known = self._exact.get(key)
        if known is not None or key in self._exact:
            if known != stored:
                raise InvalidValueError(
                    f"the word {word!r} is already known as {known!r}; cannot also mean {stored!r}"
                )
            return
        self._exact[key] = stored
        for deleted in _deletions(key, self._edits(len(key))):
            self._index.setdefault(deleted, set()).add(key)

    def _edits(self, length: int) -> int:
        edits = self._max_edits(length)
        if isinstance(edits, bool) or not isinstance(edits, int) or edits < 0:
            raise InvalidValueError(f"max_edits({length}) must give an int ≥ 0, got {edits!r}")
        return edits

    def __contains__(self, word: object) -> bool:
        """True when ``word`` is known exactly (in comparison form), typos not forgiven."""
        return isinstance(word, str) and _key(word) in self._exact

    def __len__(self) -> int:
        return len(self._exact)

    def __iter__(self) -> Iterator[str]:
        """The known words in comparison form, in the order they were added."""
        return iter(self._exact)

    def __repr__(self) -> str:
        return f"Vocabulary({len(self)} words, endings={self._endings})"

    def match(self, word: str) -> VocabularyMatch[T] | None:
        """The known word ``word`` stands for, with its value and distance, or None.

        >>> Vocabulary(["рособрнадзор"], endings=3).match("Рособнадзора")
        VocabularyMatch(known='рособрнадзор', value='рособрнадзор', distance=1, ending='а')
        """
        if not isinstance(word, str):
            raise InvalidTypeError(f"Vocabulary.match() takes a str, got {type(word).__name__}")
        key = _key(word)
        if not key:
            return None
        best: list[VocabularyMatch[T]] = []
        for cut in range(min(self._endings, max(0, len(key) - self._min_stem)) + 1):
            stem, ending = key[: len(key) - cut], key[len(key) - cut :]
            for found in self._candidates(stem, ending):
                if not best or found.distance < best[0].distance:
                    best = [found]
                elif found.distance == best[0].distance:
                    best.append(found)
            if best and best[0].distance == 0:
                break
        if not best:
            return None
        if any(other.value != best[0].value for other in best[1:]):
            return None  # two different known words are equally close: do not guess
        return best[0]

    def _candidates(self, stem: str, ending: str) -> Iterator[VocabularyMatch[T]]:
        exact = self._exact.get(stem)
        if exact is not None or stem in self._exact:
            yield VocabularyMatch(stem, self._exact[stem], 0, ending)
            return
        seen: set[str] = set()
        for deleted in _deletions(stem, self._edits(len(stem))):
            for known in self._index.get(deleted, ()):
                if known in seen:
                    continue
                seen.add(known)
                limit = self._edits(min(len(stem), len(known)))
                if limit == 0:
                    continue
                distance = osa_distance(stem, known, limit)
                if distance <= limit:
                    yield VocabularyMatch(known, self._exact[known], distance, ending)

    def lookup(self, word: str) -> T | None:
        """The value of the known word ``word`` stands for (see :meth:`match`), or None."""
        found = self.match(word)
        return None if found is None else found.value

