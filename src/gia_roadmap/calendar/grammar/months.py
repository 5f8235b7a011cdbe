"""Productions of months: runs of months and month ranges, and months after a preposition.

* **Month run** — months and month ranges joined by commas, «и», «;», «/», hard breaks or nothing
  (juxtaposed months are separate occurrences, only a dash makes a range), each with or without its
  year («ноябрь 2023 года январь 2024 года», «декабрь – март 2024 года», «март, апрель-май, август
  2024»), parentheses between them kept as qualifiers («март, июль (промежуточные сведения) сентябрь –
  октябрь (итоговые сведения 2022 года)»). A month may be in any case.
* **By a month** — «до», «не позднее», «в срок до», «на период до», «до конца» + month, «к» + month
  (dative): :class:`~gia_roadmap.calendar.terms.ByMonth`.
* **In a month** — «в», «во», «в течение» + a month run: «в декабре 2024 года», «в течение ноября и
  декабря».
* **From a month** — «с сентября по декабрь 2023 года», «с января до мая» (a range); «с сентября 2023
  года», «начиная с января» (from the month's first day).

Years: a year written once at the end applies leftwards and rolls back across New Year
(:func:`~gia_roadmap.calendar.terms.assign_years`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from gia_roadmap.calendar.grammar.lexicon import (
    BLANKS,
    DASH,
    MONTH,
    MONTH_DAT,
    MONTH_GEN,
    SEP,
    YEAR,
    YEAR_MARK,
    inclusive,
    month_number,
    rx,
)
from gia_roadmap.calendar.grammar.reader import Found, Item, Reader, month_ref
from gia_roadmap.calendar.terms import (
    ByMonth,
    Compound,
    DayRef,
    FromDate,
    Month,
    MonthList,
    MonthRange,
    MonthRef,
    Note,
    PeriodList,
    Term,
    TermSequence,
    UnparsedTerm,
    range_start,
)
from gia_roadmap.calendar.terms.years import _years_leftwards

__all__ = ["assign", "m_by_month", "m_from_month", "m_in_month", "m_month_run", "month_step"]

# One step of a run of months: a month (group 1, at a word boundary); the year that may follow it
# (group 2: all of it; 3: a comma before it, 4: the year, 5: its marker, 6: empty when a dash and a
# digit come next); then what follows (group 7: a dash, or else group 8: separators).
_RE_MONTH_STEP = rx(
    MONTH
    + r"(?![^\W_])(~(,)?~"
    + YEAR
    + r"(?:~("
    + YEAR_MARK
    + r"))?((?=[ ¶]*-[ ¶]*\d))?)?(?:("
    + DASH
    + r")|("
    + SEP
    + r"))"
)
_RE_DASH = rx(DASH)
_RE_SEP = rx(SEP)
_NOTE_YEAR = re.compile(r"((?:19|20)\d\d)\s*(?:года|год|г\.?)(?![а-я])")
_INCLUSIVE = r"(?:~\(?(включительно|исключительно|не включительно)\)?)?"
_YEAR_OPT = r"(?:~" + YEAR + r"(?:~" + YEAR_MARK + r")?)?"
_RE_BY_MONTH = rx(
    r"(на период до|в срок до|в срок не позднее|не позднее(?:,? чем)?|до конца|к концу|до) "
    + MONTH_GEN
    + _YEAR_OPT
    + _INCLUSIVE
)
_RE_TO_MONTH = rx(r"(к) " + MONTH_DAT + _YEAR_OPT)
_RE_IN_MONTH = rx(r"(?:в течение|в|во) (?=" + MONTH + ")")
_RE_FROM_MONTH = rx(
    r"(начиная с|начиная со|в период с|в период со|со|с) "
    + MONTH_GEN
    + _YEAR_OPT
    + r"(?:~(?:(по|до)|-)~"
    + MONTH
    + _YEAR_OPT
    + r")?"
)


def assign(reader: Reader, entries: Sequence[tuple[int, int | None]]) -> list[MonthRef]:
    """Month references for ``(month, year)`` entries (month 0: a year written in a note), the year
    written once at the end applying leftwards and rolling back across New Year."""
    return _years_leftwards(entries, reader.sy, month_ref)


def month_step(p: Reader, pos: int, end: int) -> tuple[int, int | None, int, int, int] | None:
    """A month reference at ``pos`` and what follows it, or None.

    Returns ``(month, year or None, stop, dash_end, sep_end)``: the reference ends at ``stop``;
    ``dash_end`` is the end of a dash after it (-1 when none); ``sep_end`` the end of the
    separators after it (-1 when a dash follows instead: no further month can follow then).
    """
    if pos >= end:
        return None
    m = _RE_MONTH_STEP.match(p.low, pos, end)
    if m is None:
        return None
    name, _, comma, year_text, mark, dash_digit, dash, _ = m.groups()
    month = month_number(name)
    if year_text is None:  # no year: what follows was matched after the month
        year = None
    # «Январь – февраль, 2024 г.»: a comma before the year only with a year marker; a year
    # followed by a dash and a digit starts a school year («май 2023-2024»), not this month's
    elif (comma is None or mark is not None) and dash_digit is None:
        year = int(year_text)
    else:  # the year is not this month's: look again at what follows the month
        stop = m.end(1)
        d = _RE_DASH.match(p.low, stop, end)
        if d is not None:
            return month, None, stop, d.end(), -1
        s = _RE_SEP.match(p.low, stop, end)
        return month, None, stop, -1, s.end() if s else stop
    if dash is not None:
        return month, year, m.start(7), m.end(7), -1
    return month, year, m.start(8), -1, m.end(8)


# One item of a segment of a month run: (entry index, range end entry index or -1, start, end).
_RunItem = tuple[int, int, int, int]


def m_month_run(p: Reader, pos: int, end: int) -> Found:
    """A run of months and month ranges, with juxtaposition, commas, parentheses."""
    ref = month_step(p, pos, end)
    if ref is None:
        return None
    entries, segments, qualifiers, last_end, complete = _read_month_run(p, pos, end, ref)
    refs = assign(p, entries)
    if len(segments) == 1:
        term = _segment_term(p, refs, segments[0], qualifiers[0] if qualifiers else None)
    else:
        terms: list[Term] = []
        for k, seg in enumerate(segments):
            terms.append(_segment_term(p, refs, seg, qualifiers[k] if k < len(qualifiers) else None))
        term = TermSequence(tuple(terms), raw=p.raw(pos, last_end))
    return term, last_end, complete


def _read_month_run(
    p: Reader, pos: int, end: int, ref: tuple[int, int | None, int, int, int]
) -> tuple[list[tuple[int, int | None]], list[list[_RunItem]], list[Item], int, bool]:
    """Read months, month ranges and parentheses from ``pos`` (where ``ref`` was read) while another
    month follows and (when splitting) the gap does not break the run.

    Returns the ``(month, year)`` entries (month 0: a year from a note), the items in segments (a
    parenthesis closes a segment and qualifies it), the parentheses, where the run ends and whether
    its last month has a year.
    """
    low = p.low
    split_mode = p.split_mode
    entries: list[tuple[int, int | None]] = []
    seg: list[_RunItem] = []
    segments = [seg]
    qualifiers: list[Item] = []
    cursor = pos
    step: tuple[int, int | None, int, int, int] | None = ref
    while step is not None:
        # ``step`` is the month reference at ``cursor``; a dash and a month after it make a range
        month, year, stop, dash_end, nxt = step
        first = len(entries)
        entries.append((month, year))
        second = -1
        complete = year is not None
        if dash_end >= 0:
            ref2 = month_step(p, dash_end, end)
            if ref2 is not None:
                second = first + 1
                entries.append((ref2[0], ref2[1]))
                stop, nxt = ref2[2], ref2[4]
                complete = ref2[1] is not None
        seg.append((first, second, cursor, stop))
        last_end = stop
        if nxt < 0:  # a dash that no month follows: the run ends
            break
        paren = nxt < end and low[nxt] == "("
        if paren:  # a parenthesis after the separators qualifies the segment
            qualifier = _qualifier(p, nxt, end)
            qualifiers.append(qualifier)
            year = _note_year(qualifier.term)
            if year is not None and not complete:
                entries.append((0, year))
                complete = True
            last_end = qualifier.end
            s = _RE_SEP.match(low, last_end, end)
            nxt = s.end() if s else last_end
        step = month_step(p, nxt, end)
        if step is None or (split_mode and p.run_breaks(low[last_end:nxt], complete)):
            break
        if paren:
            seg = []
            segments.append(seg)
        cursor = nxt
    return entries, segments, qualifiers, last_end, complete


def _qualifier(p: Reader, at: int, end: int) -> Item:
    """The parenthesis at ``at``."""
    inner, close_end = p.paren(at, end)
    return Item(inner, at, close_end, "", paren=True)


def _note_year(term: Term) -> int | None:
    """The year written in a note («итоговые сведения 2022 года»), None when none is."""
    if isinstance(term, Note):
        ym = _NOTE_YEAR.search(term.text.lower())
        if ym is not None:
            return int(ym.group(1))
    return None


def _item_term(p: Reader, refs: list[MonthRef], item: _RunItem) -> Month | MonthRange:
    first, second, a, b = item
    if second < 0:
        return Month(refs[first], raw=p.raw(a, b))
    return MonthRange(range_start(refs[first], refs[second]), refs[second], raw=p.raw(a, b))


def _segment_term(p: Reader, refs: list[MonthRef], seg: list[_RunItem], qualifier: Item | None) -> Term:
    """One segment: a month or range (its raw text is the segment's), a list of single months, or a
    list of months and ranges; a Compound with the parenthesis that closes it."""
    base: Term
    if len(seg) == 1:
        base = _item_term(p, refs, seg[0])
    elif all(item[1] < 0 for item in seg):
        base = MonthList(tuple(refs[item[0]] for item in seg), raw=p.raw(seg[0][2], seg[-1][3]))
    else:
        base = PeriodList(tuple(_item_term(p, refs, item) for item in seg), raw=p.raw(seg[0][2], seg[-1][3]))
    if qualifier is None:
        return base
    return Compound(base, qualifier.term, True, raw=p.raw(seg[0][2], qualifier.end))


def m_by_month(p: Reader, pos: int, end: int) -> Found:
    """«до декабря 2022», «не позднее марта», «до конца декабря 2024 года», «к декабрю»."""
    m = p.match(_RE_BY_MONTH, pos, end)
    flag: str | None = None
    if m is not None:
        flag = m.group(4)
    else:
        m = p.match(_RE_TO_MONTH, pos, end)
        if m is None:
            return None
    month = month_number(m.group(2))
    year = int(m.group(3)) if m.group(3) else None
    ref = assign(p, [(month, year)])[0]
    wording = BLANKS.sub(" ", m.group(1)).replace(", чем", " чем")
    return ByMonth(ref, inclusive(flag), wording, raw=p.raw(pos, m.end())), m.end(), year is not None


def m_in_month(p: Reader, pos: int, end: int) -> Found:
    """«в декабре 2024 года», «в течение ноября и декабря 2023 года»: the month run after the
    preposition (the preposition adds nothing to the meaning)."""
    m = p.match(_RE_IN_MONTH, pos, end)
    if m is None:
        return None
    found = m_month_run(p, m.end(), end)
    if found is None:
        return None
    term, stop, complete = found
    return _with_raw(term, p.raw(pos, stop)), stop, complete


def _with_raw(term: Term, raw: str) -> Term:
    if isinstance(term, UnparsedTerm):  # pragma: no cover - a month run is never unparsed
        return term
    return attrs.evolve(term, raw=raw)


def m_from_month(p: Reader, pos: int, end: int) -> Found:
    """«с сентября по декабрь 2023 года» (a month range), «с сентября 2023 года» (from its first day)."""
    m = p.match(_RE_FROM_MONTH, pos, end)
    if m is None:
        return None
    month1 = month_number(m.group(2))
    year1 = int(m.group(3)) if m.group(3) else None
    if m.group(5) is None:  # no second month: from the first day of the month
        ref = assign(p, [(month1, year1)])[0]
        day = DayRef(ref.month, 1, ref.year, ref.origin)
        wording = BLANKS.sub(" ", m.group(1))
        return FromDate(day, True, wording, raw=p.raw(pos, m.end())), m.end(), year1 is not None
    month2 = month_number(m.group(5))
    year2 = int(m.group(6)) if m.group(6) else None
    first, second = assign(p, [(month1, year1), (month2, year2)])
    return MonthRange(range_start(first, second), second, raw=p.raw(pos, m.end())), m.end(), year2 is not None
