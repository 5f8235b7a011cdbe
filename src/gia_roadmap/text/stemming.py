"""Word stems (основы слов): one Russian stemmer for every vocabulary that compares words by stem.

A Russian word changes its ending with case, number and gender («республика», «Республики»,
«республикой»; «исполнитель», «исполнителей»). Vocabularies kept as data (column headers, the names of
the subjects of the Federation) compare words by their *stems*, so every case form of a word matches
the one form written in the data. The stems are Snowball's Russian stemmer (the ``snowballstemmer``
package, a runtime dependency), the well-kept implementation of Porter's Russian algorithm.

* :func:`stem` gives the stem of one word, lower case, with «ё» read as «е». Words of three letters or
  fewer and words that are not all letters («ППЭ-2», «9») stay as they are: a stemmer cuts the ending
  of a word, and such a token has none to cut. A hyphenated compound is stemmed part by part
  («Ханты-Мансийского» → «хант-мансийск»), since each part may decline («Северная
  Осетия-Алания», «Осетии-Алании»).
* :func:`stems` gives the stems of the words of a text, in order.

The stemmer object of ``snowballstemmer`` keeps its state while it works, so each thread has its own;
results are cached per word (the cache is thread-safe and holds only values).

>>> [stem(w) for w in ("Республики", "республикой", "исполнителей", "ППЭ", "Ханты-Мансийского")]
['республик', 'республик', 'исполнител', 'ппэ', 'хант-мансийск']
>>> stems("Сроки исполнения мероприятий")
('срок', 'исполнен', 'мероприят')
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

__all__ = ["stem", "stems"]

_SHORTEST = 4
"""The fewest letters of a word the stemmer cuts an ending from."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\w+")
_local = threading.local()


def _stemmer() -> Any:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer  # type: ignore[import-untyped]

        stemmer = _local.stemmer = snowballstemmer.stemmer("russian")
    return stemmer


@functools.lru_cache(maxsize=65536)
def _stem_part(part: str) -> str:
    if len(part) < _SHORTEST or not part.isalpha():
        return part
    return str(_stemmer().stemWord(part))


def stem(word: str) -> str:
    """The stem of one word (see the module docstring): lower case, «ё» as «е», the ending cut by
    Snowball's Russian stemmer; short or non-alphabetic words as they are, compounds part by part."""
    low = word.lower().replace("ё", "е")
    if "-" in low:
        return "-".join(_stem_part(part) for part in low.split("-"))
    return _stem_part(low)


def stems(text: str) -> tuple[str, ...]:
    """The stems of the words of ``text``, in order (words are runs of letters, hyphenated compounds
    included, or of digits; punctuation separates them)."""
    return tuple(stem(word) for word in _WORD.findall(text))
