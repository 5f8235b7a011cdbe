"""Text similarity of measures across two plans, for suggested links («предполагаемое соответствие»).

A municipal measure that cites no regional item may still implement one: «Организация участия в
обучении организаторов ППЭ» under the region's «Обучение лиц, привлекаемых к проведению ГИА». The
wording is compared as weighted word stems:

* a word's stem is its first :data:`STEM_LENGTH` letters (Russian case endings change the end of the
  word; «обучения», «обучение», «обучению» share «обучен»), numbers and words of three letters or
  fewer («ГИА», «ППЭ», «ЕГЭ») are kept whole, a short list of function words is left out;
* each stem weighs by how rare it is among the titles of both plans (inverse document frequency): a
  stem every measure has («проведени», «гиа») says little, a rare one («апелляц», «собеседов») much;
* the score of two measures is the cosine of their weighted stem sets, from 0 (nothing shared) to 1.

The score is a suggestion, never a fact: :class:`~gia_roadmap.plan.cascade.linking.PlanLinks` keeps
suggestions apart from the links the documents write.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

__all__ = ["STEM_LENGTH", "SimilarityIndex", "word_stems"]

STEM_LENGTH = 6
"""The letters of a word that make its stem."""

_WORD = re.compile(r"[а-яёa-z]+|\d+", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    (
        "и", "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "от", "до", "для", "при", "за", "из",
        "без", "над", "под", "не", "а", "или", "как", "что", "это", "их", "его", "её", "также", "том",
        "числе", "т", "ч", "г", "года", "году", "год",
    )
)  # fmt: skip


def word_stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` (see the module docstring)."""
    out = set()
    for word in _WORD.findall(text.lower().replace("ё", "е")):
        if word in _FUNCTION_WORDS:
            continue
        out.add(word if len(word) <= 3 or word.isdigit() else word[:STEM_LENGTH])
    return frozenset(out)


class SimilarityIndex:
    """The weighted stems of one plan's measures (the *targets*), to score texts of another against.

    Args:
        targets: the texts of the target measures, in order.
        others: the texts of the measures to be compared (they count in the stems' weights too).
    """

    __slots__ = ("_index", "_norms", "_targets", "_weights")

    def __init__(self, targets: Sequence[str], others: Sequence[str] = ()) -> None:
        self._targets = [word_stems(text) for text in targets]
        counts: Counter[str] = Counter()
        for stems in self._targets:
            counts.update(stems)
        for text in others:
            counts.update(word_stems(text))
        total = len(self._targets) + len(others)
        self._weights: Mapping[str, float] = {
            stem: math.log((1 + total) / (1 + count)) + 1.0 for stem, count in counts.items()
        }
        self._index: dict[str, list[int]] = {}
        for position, stems in enumerate(self._targets):
            for stem in stems:
                self._index.setdefault(stem, []).append(position)
        self._norms = [math.sqrt(sum(self._weight(s) ** 2 for s in stems)) for stems in self._targets]

    def _weight(self, stem: str) -> float:
        return self._weights.get(stem, 1.0)

    def best(
        self, text: str, *, min_score: float, limit: int = 1
    ) -> list[tuple[int, float, tuple[str, ...]]]:
        """The targets most similar to ``text``, best first: (position, score, shared stems by weight);
        only scores of at least ``min_score``, at most ``limit`` of them, ties by position."""
        stems = word_stems(text)
        if not stems:
            return []
        norm = math.sqrt(sum(self._weight(s) ** 2 for s in stems))
        overlap: dict[int, float] = {}
        for stem in stems:
            weight = self._weight(stem) ** 2
            for position in self._index.get(stem, ()):
                overlap[position] = overlap.get(position, 0.0) + weight
        scored = []
        for position, dot in overlap.items():
            score = dot / (norm * self._norms[position]) if self._norms[position] else 0.0
            if score >= min_score:
                scored.append((position, score))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        out = []
        for position, score in scored[:limit]:
            shared = sorted(stems & self._targets[position], key=lambda s: (-self._weight(s), s))
            out.append((position, round(score, 4), tuple(shared)))
        return out
