"""Text normalisation shared by the registries: the repairs real roadmaps need before matching.

Real cells carry HTML residue (``<p>``, ``<b>``), markdown escapes (``\\_``), three kinds of dash,
hyphens broken by a space («ГИА- 9», «учителей- предметников»), Latin letters that look Cyrillic
(«Депатраментa» with a Latin «a»), «ё» beside «е», tabs and runs of blank lines. :func:`normalize`
repairs all of these *for matching only*; the library always keeps the text as written beside
what it read from it.

:func:`osa_distance` (optimal string alignment: insertions, deletions, substitutions and swaps
of neighbours) and :func:`similar_words` are the general typo rule the registries use instead of
lists of misspellings.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

__all__ = [
    "clean_cell",
    "normalize",
    "osa_distance",
    "similar_words",
    "strip_markup",
]

_TAG = re.compile(r"</?\s*[a-zA-Z][^<>]*>")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "‒": "-", "―": "-"})
# Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter.
_LATIN_LOOKALIKES = str.maketrans(
    {
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к", "m": "м",
        "t": "т", "h": "н", "b": "в",
        "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "K": "К", "M": "М", "T": "Т",
        "H": "Н", "B": "В",
    }
)  # fmt: skip
_MIXED_WORD = re.compile(r"\b\w*[а-яёА-ЯЁ]\w*\b")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=\d|[а-яё])")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def strip_markup(text: str) -> str:
    """Remove HTML tags, bookmarks and markdown escapes; unescape HTML entities.

    Tags become a space so that ``<p>a</p><p>b</p>`` does not glue ``a`` and ``b``.
    """
    text = _BOOKMARK.sub("", text)
    text = _TAG.sub(" ", text)
    text = text.replace("\\_", "_").replace("\\*", "*").replace("**", "")
    return html.unescape(text)


def _fix_lookalikes(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_LATIN_LOOKALIKES)


@functools.lru_cache(maxsize=1 << 18)
def clean_cell(text: str) -> str:
    """Text of a cell as a reader sees it: markup removed, dashes and spaces unified, case kept.

    Line breaks are kept (they separate parties in a responsible cell); runs of spaces and tabs
    become one space; blank lines collapse. Pure, so its results are cached (checks and registries
    clean the same cells many times).
    """
    text = unicodedata.normalize("NFC", strip_markup(text)).translate(_DASHES)
    text = _MIXED_WORD.sub(_fix_lookalikes, text)
    text = _BROKEN_HYPHEN.sub("-", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def normalize(text: str) -> str:
    """Lower-case, «ё»→«е», one line, one space: the form the registries match against."""
    text = clean_cell(text).replace("\n", " ")
    return text.lower().replace("ё", "е")


def osa_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal-string-alignment distance between ``a`` and ``b``.

    Counts insertions, deletions, substitutions and swaps of two neighbouring letters. With
    ``limit`` the computation stops early and returns ``limit + 1`` once the distance must exceed it.
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
    return previous[-1]


def similar_words(a: str, b: str) -> bool:
    """True when two words differ only by a typo a reader would forgive.

    The rule scales with length: words shorter than 5 letters must be equal, 5–9 letters allow
    one edit, 10 or more allow two. Comparison ignores case and «ё».
    """
    a = a.lower().replace("ё", "е")
    b = b.lower().replace("ё", "е")
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 5:
        return False
    allowed = 1 if shortest < 10 else 2
    return osa_distance(a, b, allowed) <= allowed
