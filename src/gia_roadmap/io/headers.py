"""Column headers: which role a header names, from a vocabulary kept as data, and which rows are headers.

Officials title the same column in many ways: «Сроки», «Сроки реализации», «Срок исполнения»,
«Дата проведения»; «Ответственные», «Ответственный исполнитель», «Исполнители», «Куратор». The
wordings live in ``io/data/headers.toml`` (one list of phrases per :class:`ColumnRole`); a header is
compared with them word by word, by stem (:func:`gia_roadmap.text.stem`), forgiving small typos
(:class:`gia_roadmap.text.Vocabulary`), so unseen inflections and misspellings («Ответсвенные»,
«Срок выполненя») are recognised too. The most specific phrase wins: «Срок исполнения мероприятия»
is a deadline, «Отметка о выполнении» a completion column, «№ по приказу» a reference number.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from importlib import resources

import attrs

from gia_roadmap.io.cells import clean_text, is_number, looks_like_term
from gia_roadmap.io.tables import ColumnRole
from gia_roadmap.text import Vocabulary, stem

__all__ = ["header_key", "is_header_row", "role_of_header"]

_PUNCT = re.compile(r"[^\w№/\\ ]+")


def header_key(text: str) -> str:
    """A header normalised for comparison: markup removed, lower case, «ё» → «е», punctuation and
    extra spaces removed («№ п\\п» and «№ п/п» compare equal)."""
    paragraphs, _ = clean_text(text)
    low = " ".join(paragraphs).lower().replace("ё", "е").replace("\\", "/")
    low = _PUNCT.sub(" ", low)
    return " ".join(low.split())


@attrs.frozen
class _Phrase:
    role: ColumnRole
    words: tuple[str, ...]  # stems
    whole: bool
    order: int


def _words(key: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in key.split())


@functools.cache
def _vocabulary() -> tuple[tuple[_Phrase, ...], Vocabulary[str], Vocabulary[str]]:
    """The phrases of ``io/data/headers.toml``, the vocabulary of their words as written (each mapped to
    its stem) and the vocabulary of their stems."""
    source = resources.files("gia_roadmap.io").joinpath("data", "headers.toml")
    data = tomllib.loads(source.read_text("utf-8"))
    phrases = []
    written: dict[str, str] = {}
    for order, entry in enumerate(data["role"]):
        role = ColumnRole(entry["name"])
        for phrase in entry["phrases"]:
            key = header_key(phrase)
            phrases.append(_Phrase(role, _words(key), bool(entry.get("whole", False)), order))
            written.update((w, stem(w)) for w in key.split() if w.isalpha())
    stems = Vocabulary(sorted({w for p in phrases for w in p.words if w.isalpha()}))
    return tuple(phrases), Vocabulary(written), stems


def _canonical(word: str, written: Vocabulary[str], stems: Vocabulary[str]) -> str:
    """The vocabulary stem a header word stands for (its own stem when none is close): the word as
    written is compared with the phrases' words first (a typo can change what the stemmer cuts off),
    then its stem with their stems."""
    own = stem(word)
    if own in stems or not word.isalpha():
        return own
    match = written.match(word) or stems.match(own)
    return match.value if match is not None else own


def role_of_header(text: str) -> ColumnRole:
    """The role a header names («Сроки реализации» → TERM); :attr:`ColumnRole.OTHER` when unknown.

    A blank header is OTHER here; the table builder decides from the column's values whether a blank
    first header is the «№» column.

    >>> role_of_header("Ответсвенные исполнители").value, role_of_header("Отметка о выполнении").value
    ('responsible', 'completion')
    """
    return _role_of_key(header_key(text))


@functools.lru_cache(maxsize=4096)
def _role_of_key(key: str) -> ColumnRole:
    if not key:
        return ColumnRole.OTHER
    phrases, written, stems = _vocabulary()
    words = tuple(_canonical(w, written, stems) for w in key.split())
    present = set(words)
    best: _Phrase | None = None
    for phrase in phrases:
        if not set(phrase.words) <= present:
            continue
        if phrase.whole and set(words) != set(phrase.words):
            continue
        if best is None or (len(phrase.words), -phrase.order) > (len(best.words), -best.order):
            best = phrase
    return best.role if best is not None else ColumnRole.OTHER


def is_header_row(texts: Sequence[str]) -> bool:
    """True when the cells look like a header row of a plan or glossary table.

    At least two cells must name known roles, one of them a title, deadline, responsible party or
    glossary role; every non-blank cell must be short (headers are labels, not sentences).
    """
    non_blank = [t for t in texts if t.strip()]
    if len(non_blank) < 2:
        return False
    if any(len(header_key(t)) > 160 for t in non_blank):
        return False
    # Headers are labels: never a number, a date or a deadline.
    roles = [role_of_header(t) for t in non_blank]
    if any(
        is_number(t) or (looks_like_term(t) and r is ColumnRole.OTHER)
        for t, r in zip(non_blank, roles, strict=True)
    ):
        return False
    known = [r for r in roles if r is not ColumnRole.OTHER]
    if len(known) < 2 or len(known) < 0.6 * len(non_blank):
        return False
    anchors = {ColumnRole.TITLE, ColumnRole.TERM, ColumnRole.RESPONSIBLE, ColumnRole.ABBREVIATION}
    if not anchors.intersection(known):
        return False
    # Data rows may mention «сроки» or «ответственных» in passing; a header has few long cells.
    long_cells = sum(1 for t in non_blank if len(header_key(t).split()) > 12)
    return long_cells <= 1
