"""The reader's state: the normalised text, the school year, where reading failed, and the helpers every
production uses (original text of a span, word-bounded matching, parentheses with a depth limit).

A production is a function ``(reader, pos, end) -> Found``: the term it read starting at ``pos``, where
it stopped, and whether the item is *complete* (a month without its year is not: the year written later
belongs to it). Productions never recurse on the input except into parentheses, and parentheses nest at
most :data:`MAX_DEPTH` deep: deeper text is kept as a note, never read recursively.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import attrs

from gia_roadmap.calendar.grammar.lexicon import SPACES
from gia_roadmap.calendar.grammar.normalizer import PARA, Normalized
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import MissingTerm, MonthRef, Note, Term, UnparsedTerm, YearOrigin

__all__ = ["EXPECTED", "MAX_DEPTH", "FailError", "Found", "Item", "Reader"]

Found: TypeAlias = tuple[Term, int, bool] | None
"""What a production returns: (term, end, complete), or None when it does not apply at ``pos``."""

MAX_DEPTH = 8
"""How deep parentheses are read (a deadline cell rarely nests two); deeper text becomes a note."""

EXPECTED = (
    "a deadline: a date («до 17 ноября 2021 г.», «22.04. (пт)»), a month («ноябрь 2023 года»), a range "
    "(«с 12 по 16 декабря», «август – сентябрь 2023 года»), a period («в течение учебного года», «весь "
    "период»), a relative term («за 2 рабочих дня до дня проведения экзамена») or a reference («по "
    "графику ФЦТ»)"
)


class FailError(Exception):
    """Reading failed at ``pos`` (normalised offset); ``expected`` says what would be valid there."""

    def __init__(self, pos: int, expected: str) -> None:
        super().__init__(expected)
        self.pos = pos
        self.expected = expected


@attrs.define
class Item:
    """One item of a cell as read: the term, its span, and what separated it from the previous one."""

    term: Term
    start: int
    end: int
    sep: str  # "" (start), "space", "comma", "hard"
    paren: bool = False
    complete: bool = True


_MONTH_REFS: dict[tuple[int, int | None, int], MonthRef] = {}
_NO_REF = MonthRef(1)  # a placeholder for month 0 (a year written in a note), never returned


def month_ref(month: int, year: int | None, origin: YearOrigin) -> MonthRef:
    """``MonthRef(month, year, origin)``, shared: month references are immutable values."""
    key = (month, year, id(origin))  # enum members are singletons, and hashing one is slow
    ref = _MONTH_REFS.get(key)
    if ref is None:
        ref = _NO_REF if month == 0 else MonthRef(month, year, origin)
        if len(_MONTH_REFS) < 4096:
            _MONTH_REFS[key] = ref
    return ref


class Reader:
    """The state of reading one cell (see the module docstring)."""

    __slots__ = ("depth", "disp", "hard_breaks", "index", "low", "n", "original", "split_mode", "sy")

    def __init__(self, norm: Normalized, school_year: SchoolYear | None) -> None:
        self.n = norm
        self.low = norm.low
        self.disp = norm.disp
        self.sy = school_year
        # split mode (split_terms): runs of months / dates stop where a new stacked item begins
        self.split_mode = False
        self.hard_breaks = PARA in norm.low
        self.index = norm.index
        self.original = norm.original
        self.depth = 0

    # -- reading a span (the parser implements it) -------------------------------------------

    def parse(self, start: int, end: int) -> Term:
        """Read ``low[start:end]`` as one cell."""
        raise NotImplementedError

    def paren(self, pos: int, end: int) -> tuple[Term, int]:
        """The term inside the parenthesis opening at ``pos`` and the end of its closing one.

        What cannot be read inside is a :class:`Note` (parentheses carry data: they are never
        dropped). Beyond :data:`MAX_DEPTH` levels the inside is a note without being read.
        """
        close = self.matching(pos, end)
        inner_start, inner_end = pos + 1, close
        if self.depth >= MAX_DEPTH:
            return Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end)), close + 1
        self.depth += 1
        try:
            inner = self.parse(inner_start, inner_end)
        except FailError:
            inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
        finally:
            self.depth -= 1
        if isinstance(inner, UnparsedTerm | MissingTerm):
            inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
        return inner, close + 1

    def run_breaks(self, sep: str, complete: bool) -> bool:
        """In split mode, whether the separator ``sep`` after an item starts a new stacked item."""
        if not self.split_mode:
            return False
        if PARA in sep:
            return True
        return not self.hard_breaks and complete and "," not in sep and ";" not in sep

    # -- helpers ---------------------------------------------------------------------------

    def fail(self, pos: int, expected: str = EXPECTED) -> FailError:
        """The error for reading that stopped at ``pos``."""
        return FailError(pos, expected)

    def raw(self, start: int, end: int) -> str:
        """The original text of normalised positions ``start:end`` (as :meth:`Normalized.origin`)."""
        index = self.index
        a = index[start] if start < len(index) else len(self.original)
        if end <= start:
            return ""
        b = index[end - 1] + 1 if end - 1 < len(index) else len(self.original) + 1
        return self.original[a:b]

    def text(self, start: int, end: int) -> str:
        """The display text of ``start:end``: original case, one space, no edge punctuation."""
        s = self.disp[start:end].replace(PARA, " ")
        return SPACES.sub(" ", s).strip(" ,;.")

    def match(self, pattern: re.Pattern[str], pos: int, end: int) -> re.Match[str] | None:
        """``pattern`` matched at ``pos``, ending at a word boundary, or None."""
        m = pattern.match(self.low, pos, end)
        if m is None:
            return None
        if m.end() < end and self.low[m.end() - 1].isalnum() and self.low[m.end()].isalnum():
            return None
        return m

    def matching(self, pos: int, end: int) -> int:
        """The position of the «)» closing the «(» at ``pos`` (a loop, not recursion)."""
        depth = 0
        low = self.low
        for k in range(pos, end):
            c = low[k]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return k
        raise self.fail(end, "«)» closing the parenthesis")
