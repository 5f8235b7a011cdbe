"""Reading one deadline cell: the items of a cell, the productions tried at each, and :func:`parse_term`.

::

    cell      := per_exam+ | item (separator item)*
    per_exam  := «для» exam «:» cell                      «для ГИА-9: апрель, май 2024»
    separator := «,» | «;» | «/» | «и» | a hard break | nothing
    item      := «(» cell «)» | a production

Each item is read by the first production that fits at its start (:data:`PRODUCTIONS`, dispatched on
the first character). A parenthesis or a reference after an item qualifies it (a
:class:`~gia_roadmap.calendar.terms.Compound`); several items make a
:class:`~gia_roadmap.calendar.terms.TermSequence`. Reading is a loop over the items: only parentheses
are read recursively, and only :data:`~gia_roadmap.calendar.grammar.reader.MAX_DEPTH` deep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from gia_roadmap.calendar.grammar import counted, days, months, named
from gia_roadmap.calendar.grammar.lexicon import (
    CARDINAL_WORDS,
    EXAM,
    ORDINAL_WORDS,
    SEP,
    SEP_FIRST,
    clean_exam,
    rx,
)
from gia_roadmap.calendar.grammar.normalizer import PARA, Normalized, normalize
from gia_roadmap.calendar.grammar.reader import FailError, Found, Item, Reader
from gia_roadmap.calendar.schoolyear import SchoolYear, school_year_of
from gia_roadmap.calendar.terms import (
    REFERENCE_KINDS,
    Compound,
    MissingTerm,
    PerExam,
    Term,
    TermSequence,
    TimeOfDay,
    UnparsedTerm,
)
from gia_roadmap.errors import InvalidTypeError, TermSyntaxError

__all__ = ["PRODUCTIONS", "Parser", "parse_term"]

PER_EXAM = rx(r"для (" + EXAM + r")~:")
_RE_SEP = rx(SEP)

Production = Callable[[Reader, int, int], Found]

_ORDINAL_STARTS = "0123456789" + "".join(sorted({w[0] for w in ORDINAL_WORDS})) + "в"  # «во вторую»
_RELATIVE_STARTS = "нзвчдпск0123456789" + "".join(sorted({w[0] for w in CARDINAL_WORDS}))  # «две недели до …»

PRODUCTIONS: tuple[tuple[Production, str], ...] = (
    (counted.m_relative, _RELATIVE_STARTS),
    (days.m_time, "0123456789днвкпсн"),
    (days.m_day_run, "0123456789днвкпсн"),
    (days.m_labelled_run, "дорз"),
    (months.m_month_run, "яфмаисонд"),
    (months.m_by_month, "днвк"),
    (months.m_in_month, "в"),
    (months.m_from_month, "снв"),
    (named.m_month_part, _ORDINAL_STARTS + "нскi"),
    (named.m_period_end, "дкнвп"),
    (counted.m_nth_day, _ORDINAL_STARTS + "i"),
    (named.m_school_year, "вн0123456789"),
    (named.m_plan_period, "вн"),
    (named.m_exam_period, "впдо"),
    (named.m_calendar_year, "вн0123456789"),
    (named.m_continuous, "пк"),
    (counted.m_recurring, "екрп" + _RELATIVE_STARTS),
    (named.m_conditional, "пв"),
    (named.m_reference, "всопгрц"),
    (named.m_season, "звлов"),
    (named.m_quarter, _ORDINAL_STARTS + "iv"),
    (named.m_half_year, _ORDINAL_STARTS + "i"),
    (counted.m_relative_open, _RELATIVE_STARTS),
)
"""Each production with the characters an item it reads can start with, in the order they are tried."""

_DISPATCH: dict[str, tuple[Production, ...]] = {}
for _production, _starts in PRODUCTIONS:
    for _c in _starts:
        _DISPATCH[_c] = (*_DISPATCH.get(_c, ()), _production)


class Parser(Reader):
    """Reads a cell (see the module docstring)."""

    __slots__ = ()

    def parse(self, start: int, end: int) -> Term:
        """Read ``low[start:end]`` as one cell."""
        # «для ГИА-9: …» (every per-exam split starts with «для»)
        low = self.low
        per = list(PER_EXAM.finditer(low, start, end)) if low.find("для", start, end) >= 0 else []
        if per and low[start : per[0].start()].strip(" ¶") == "":
            parts: list[tuple[str, Term]] = []
            for k, m in enumerate(per):
                stop = per[k + 1].start() if k + 1 < len(per) else end
                scope = clean_exam(self.disp[m.start(1) : m.end(1)].replace(PARA, " "))
                sub_end = stop
                while sub_end > m.end() and low[sub_end - 1] in " ¶;/,":
                    sub_end -= 1
                parts.append((scope, self.assemble(self.items(m.end(), sub_end), m.end(), sub_end)))
            return PerExam(tuple(parts), raw=self.raw(start, end))
        return self.assemble(self.items(start, end), start, end)

    def assemble(self, items: Sequence[Item], start: int, end: int) -> Term:
        """One term of the items: a parenthesis or a reference qualifies the item before it."""
        if len(items) == 1:  # nothing to merge with
            return items[0].term
        merged: list[Item] = []
        for item in items:
            if merged and (item.paren or isinstance(item.term, (*REFERENCE_KINDS, TimeOfDay))):
                prev = merged[-1]
                term = Compound(prev.term, item.term, item.paren, raw=self.raw(prev.start, item.end))
                merged[-1] = Item(term, prev.start, item.end, prev.sep, complete=True)
            elif merged and isinstance(merged[-1].term, TimeOfDay):  # «не позднее 18:00 дня, …»
                prev = merged[-1]
                term = Compound(item.term, prev.term, False, raw=self.raw(prev.start, item.end))
                merged[-1] = Item(term, prev.start, item.end, prev.sep, complete=True)
            else:
                merged.append(item)
        if not merged:
            raise self.fail(start)
        if len(merged) == 1:
            return merged[0].term
        return TermSequence(tuple(m.term for m in merged), raw=self.raw(start, end))

    def items(self, start: int, end: int) -> list[Item]:
        """The items of ``low[start:end]`` with what separates them."""
        out: list[Item] = []
        low = self.low
        pos = start
        while pos < end:
            m = _RE_SEP.match(low, pos, end) if low[pos] in SEP_FIRST else None
            if m is not None and m.end() > pos:
                sep_text = low[pos : m.end()]
                pos = m.end()
                if PARA in sep_text:
                    sep = "hard"
                else:
                    sep = "comma" if ("," in sep_text or ";" in sep_text) else "space"
            else:
                sep = "space"
            if pos >= end:
                break
            if not out:
                sep = ""
            if low[pos] == "(":
                inner, close_end = self.paren(pos, end)
                out.append(Item(inner, pos, min(close_end, end), sep, paren=True))
                pos = min(close_end, end)
                continue
            item = self.item(pos, end, sep)
            out.append(item)
            if item.end <= pos:
                raise self.fail(pos)
            pos = item.end
        return out

    def item(self, pos: int, end: int, sep: str) -> Item:
        """The item at ``pos``, read by the first production that fits."""
        first = self.low[pos]
        productions = _DISPATCH.get(first)
        if productions is None:
            raise self.fail(pos)
        for production in productions:
            found = production(self, pos, end)
            if found is not None:
                term, stop, complete = found
                return Item(term, pos, stop, sep, complete=complete)
        raise self.fail(pos)


def is_blank(norm: Normalized) -> bool:
    """True for a cell with nothing but blanks and punctuation."""
    return norm.low.strip(" ¶,;.-") == ""


def parse_term(text: str, *, school_year: SchoolYear | int | None = None, strict: bool = False) -> Term:
    """Read one deadline cell into a term.

    Args:
        text: the cell text as found (tags, newlines and typos allowed).
        school_year: the plan's school year (a :class:`SchoolYear` or its start year); months and
            days written without a year take their year from it (see
            :func:`~gia_roadmap.calendar.terms.infer_year`), and implicit «в течение года» is bound
            to it. Without it such years stay None (resolved later).
        strict: raise :class:`~gia_roadmap.errors.TermSyntaxError` instead of returning
            :class:`UnparsedTerm`.

    Returns:
        The term; :class:`MissingTerm` for an empty cell; :class:`UnparsedTerm` (lenient mode)
        when no rule fits. Lenient mode never raises.
    """
    sy = school_year_of(school_year)  # a wrong type is an error naming the argument
    if strict:
        return _parse(text, sy, strict=True)
    try:
        return _parse(text, sy, strict=False)
    except Exception as exc:  # pragma: no cover - a bug: the fuzz tests hold that this never happens
        return UnparsedTerm(str(text), 0, f"internal error: {type(exc).__name__}: {exc}")


def _parse(text: str, school_year: SchoolYear | None, *, strict: bool) -> Term:
    if not isinstance(text, str):
        if strict:
            raise InvalidTypeError(f"deadline text must be str, got {type(text).__name__}")
        return UnparsedTerm(repr(text), 0, "not a string")
    norm = normalize(text)
    if is_blank(norm):
        return MissingTerm(raw=text)
    parser = Parser(norm, school_year)
    try:
        term = parser.parse(0, len(norm.low))
    except FailError as fail:
        position = norm.origin(fail.pos)
        if strict:
            raise TermSyntaxError(text, position, fail.expected) from None
        return UnparsedTerm(text, position, f"expected {fail.expected}")
    if isinstance(term, UnparsedTerm) or term.raw == text:
        return term
    return attrs.evolve(term, raw=text)
