"""The production of days: a run of day atoms with prefixes, ranges, lists and annotations.

::

    day_run    := piece (list_sep piece)*
    piece      := [prefix] atom [annotation*] [range_sep atom [annotation*]]
    atom       := day_number month_genitive [year]           «1 декабря 2021 г.», «1-го дек.», «7 Декабря»
                | dd.mm.yyyy | dd.mm.yy | dd.mm. | dd.mm [year] «17.05.2024», «22.04.», «20.04 2024»
                | day_number                                 «12» in «с 12 по 16 декабря», «1, 5 и 12 мая»
    prefix     := by: «до», «не позднее [чем]», «в срок до», «в срок не позднее», «в срок по», «по», «к»,
                      «не позже [чем]»
                | from: «не ранее [чем]», «начиная с», «после»
                | range: «с», «со», «в период с», «на период с», «в срок с»
    range_sep  := «по» | «до» (after a range prefix) | «-» (any dash, any spacing)
    annotation := «(пт)», «(пятница)», «, среда»   (a weekday)
                | «(основная дата)», «– дополнительный этап», «(резервный день)»   (a stage label)
                | «включительно», «(исключительно)»
    list_sep   := «,» | «;» | «/» | «и» | a line break | nothing

A day number without a month («12» in «с 12 по 16 декабря») takes the month of the next day to its
right; a year written once applies leftwards and rolls back across New Year; a day with no year to its
right gets it from the school year, a written weekday choosing among the candidate years
(:func:`~gia_roadmap.calendar.terms.infer_year`).

The terms: one day → :class:`ExactDate` (no prefix), :class:`ByDate` (by), :class:`FromDate` (from,
or «с» without an end); a range → :class:`DayRange`; several by-dates → :class:`DateList`; several days
or ranges → :class:`DayList`; a label makes the piece a :class:`Compound` with a :class:`Label`.
"""

from __future__ import annotations

import attrs

from gia_roadmap.calendar.grammar.lexicon import (
    BLANKS,
    LABEL,
    MONTH_GEN,
    SEP,
    TIME,
    TIME_AHEAD,
    WEEKDAY,
    YEAR,
    YEAR_MARK,
    inclusive,
    month_number,
    rx,
    stages,
    two_digit_year,
    weekday_number,
)
from gia_roadmap.calendar.grammar.reader import Found, Reader
from gia_roadmap.calendar.terms import (
    ByDate,
    Compound,
    DateList,
    DayList,
    DayRange,
    DayRef,
    ExactDate,
    FromDate,
    Label,
    Term,
    TermSequence,
    TimeOfDay,
    YearOrigin,
)
from gia_roadmap.calendar.terms.years import day_years_leftwards
from gia_roadmap.errors import InvalidValueError

__all__ = ["m_day_run", "m_labelled_run", "m_time"]

_BY = frozenset({"в срок не позднее", "в срок до", "в срок по", "не позднее", "не позже", "до", "по", "к"})
_FROM = frozenset({"не ранее", "начиная с", "начиная со", "после"})
_RANGE = frozenset({"с", "со", "в период с", "в период со", "на период с", "в срок с"})
_EXACT, _BY_KIND, _FROM_KIND, _RANGE_KIND = 0, 1, 2, 3

_RE_PREFIX = rx(
    r"(в срок не позднее|в срок до|в срок по|в срок с|не позднее|не позже|не ранее|начиная со|начиная с"
    r"|в период со|в период с|на период с|до|по|к|со|с|после)(,? чем)? (?=\d)"
)
_ORDINAL_SUFFIX = r"(?:~-?~(?:го|ое|е)(?![а-я]))?"
_RE_WORD_DATE = rx(
    r"(\d{1,2})(?![\d.])" + _ORDINAL_SUFFIX + " " + MONTH_GEN + r"(?: " + YEAR + r"(?:~" + YEAR_MARK + r")?)?"
)
_RE_NUM_DATE_YEAR = rx(r"(\d{1,2})~\.~(\d{1,2})~\.~(\d{4}|\d{2})(?!\d)(?!~:~\d|\.\d)(?:~" + YEAR_MARK + r")?")
"""«17.05.2024», «22.04.24»; never «2.01. 10:00» (the day 2 January and a time of day)."""
_RE_NUM_DATE_SPACE_YEAR = rx(r"(\d{1,2})~\.~(\d{1,2})[ ¶]+" + YEAR + r"(?:~" + YEAR_MARK + r")?")
_RE_NUM_DATE = rx(r"(\d{1,2})~\.~(\d{1,2})(?!\d)(?:\.(?!~\d)|\.(?=~" + TIME_AHEAD + r"))?")
_RE_BARE_DAY = rx(r"(\d{1,2})(?![\d.])" + _ORDINAL_SUFFIX)
_RE_WEEKDAY_ANN = rx(r"~(?:\(~" + WEEKDAY + r"~\)|,?~" + WEEKDAY + ")")
_RE_LABEL_ANN = rx(r"~(?:\(~" + LABEL + r"~\)|-~" + LABEL + ")")
_RE_LABEL_FIRST = rx(LABEL + r"~:~")
_RE_INCLUSIVE_ANN = rx(
    r"~(?:\(~(включительно|исключительно|не включительно)~\)"
    r"|(включительно|исключительно|не включительно))(?![а-я])"
)
_RE_RANGE_WORD = rx(r"~(?:-|по |до )~(?=\d)")
_RE_RANGE_DASH = rx(r"~-~(?=\d)")
_RE_SEP = rx(SEP)


class _Atom:
    """A day as written: month 0 for a bare day number, year and weekday None when not written."""

    __slots__ = ("day", "end", "month", "start", "weekday", "year")

    def __init__(self, day: int, month: int, year: int | None, start: int, end: int) -> None:
        self.day = day
        self.month = month
        self.year = year
        self.weekday: int | None = None
        self.start = start
        self.end = end


class _Piece:
    """One item of a run: its kind and wording, its atoms (``second`` −1 unless a range), its span,
    the label and the inclusiveness word written after it."""

    __slots__ = ("end", "first", "flag", "kind", "label", "label_at", "second", "start", "wording")

    def __init__(self, kind: int, wording: str, first: int, second: int, start: int, end: int) -> None:
        self.kind = kind
        self.wording = wording
        self.first = first
        self.second = second
        self.start = start
        self.end = end
        self.label: Label | None = None
        self.label_at = -1  # where the label starts (the date's own text ends there)
        self.flag: str | None = None


def _atom(p: Reader, pos: int, end: int) -> _Atom | None:
    """A day atom at ``pos``: with its month (and year), or a bare day number (month 0)."""
    m = p.match(_RE_NUM_DATE_YEAR, pos, end)
    if m is not None:
        return _Atom(int(m.group(1)), int(m.group(2)), two_digit_year(m.group(3)), pos, m.end())
    m = p.match(_RE_NUM_DATE_SPACE_YEAR, pos, end)
    if m is not None:
        return _Atom(int(m.group(1)), int(m.group(2)), int(m.group(3)), pos, m.end())
    m = p.match(_RE_WORD_DATE, pos, end)
    if m is not None:
        year = int(m.group(3)) if m.group(3) else None
        return _Atom(int(m.group(1)), month_number(m.group(2)), year, pos, m.end())
    m = p.match(_RE_NUM_DATE, pos, end)
    if m is not None:
        return _Atom(int(m.group(1)), int(m.group(2)), None, pos, m.end())
    m = p.match(_RE_BARE_DAY, pos, end)
    if m is not None:
        return _Atom(int(m.group(1)), 0, None, pos, m.end())
    return None


def _annotate(p: Reader, atom: _Atom, piece: _Piece, end: int) -> None:
    """Read the weekday, label and inclusiveness written after a dated atom (moving its end)."""
    while True:
        stop = atom.end
        m = p.match(_RE_WEEKDAY_ANN, stop, end) if atom.weekday is None else None
        if m is not None:
            atom.weekday = weekday_number(m.group(1) or m.group(2))
            atom.end = m.end()
            continue
        m = p.match(_RE_LABEL_ANN, stop, end) if piece.label is None else None
        if m is not None:
            label = _label(p, m.group(1) or m.group(2), m.start(), m.end())
            if label is not None:
                piece.label, piece.label_at = label, m.start()
                atom.end = m.end()
                continue
        m = p.match(_RE_INCLUSIVE_ANN, stop, end) if piece.flag is None else None
        if m is not None:
            piece.flag = m.group(1) or m.group(2)
            atom.end = m.end()
            continue
        return


def _prefix(p: Reader, pos: int, end: int) -> tuple[int, str, int]:
    """The prefix at ``pos``: (kind, wording, where the atom starts)."""
    m = _RE_PREFIX.match(p.low, pos, end)
    if m is None:
        return _EXACT, "", pos
    word = BLANKS.sub(" ", m.group(1))
    wording = word + (" чем" if m.group(2) else "")
    if word in _BY:
        return _BY_KIND, wording, m.end()
    if word in _FROM:
        return _FROM_KIND, wording, m.end()
    return _RANGE_KIND, wording, m.end()


def m_labelled_run(p: Reader, pos: int, end: int) -> Found:
    """A run of days after its label and a colon: «резерв: 1 июля (пн)», «основной период: 24 мая –
    1 июля», «резервные дни: 25, 26 июня» (every day of the run carries the label)."""
    m = p.match(_RE_LABEL_FIRST, pos, end)
    if m is None:
        return None
    label = _label(p, m.group(1), m.start(), m.end() - 1)
    return None if label is None else _run(p, m.end(), end, label)


def _label(p: Reader, words: str, start: int, stop: int) -> Label | None:
    """The label of ``words`` (a stage or a reserve), or None when they name neither."""
    found = stages(words)
    reserve = "резерв" in words or "запасн" in words
    if not (found or reserve):
        return None
    text = p.text(start, stop).strip("()-: ")
    return Label(found[0] if found else None, reserve, text, raw=p.raw(start, stop).strip())


def m_day_run(p: Reader, pos: int, end: int) -> Found:
    """A run of days (see the module docstring), or None when no dated day starts at ``pos``."""
    return _run(p, pos, end, None)


def _run(p: Reader, pos: int, end: int, label: Label | None) -> Found:
    """The run of days at ``pos``; ``label`` (written before it) goes to each piece without its own."""
    low = p.low
    atoms: list[_Atom] = []
    pieces: list[_Piece] = []
    cursor = pos
    family = -1
    last_full = -1  # the pieces up to this one end with a dated atom
    while True:
        if pieces and _RE_TIME_AHEAD.match(low, cursor, end) is not None:
            break  # «до 1.01. (основная дата) до 0.30»: a time of day qualifies the run, it is no day
        kind, wording, at = _prefix(p, cursor, end)
        if pieces and kind != _EXACT and kind != family:
            break
        atom = _atom(p, at, end)
        if atom is None:
            break
        piece = _Piece(kind, wording, len(atoms), -1, cursor, atom.end)
        atoms.append(atom)
        if atom.month:
            _annotate(p, atom, piece, end)
        sep = _RE_RANGE_WORD if kind == _RANGE_KIND else (_RE_RANGE_DASH if kind == _EXACT else None)
        r = p.match(sep, atom.end, end) if sep is not None and piece.label is None else None
        if r is not None and _RE_TIME_AHEAD.match(low, r.end(), end) is None:  # «с 1.01 до 9.30»: a time
            atom2 = _atom(p, r.end(), end)
            if atom2 is not None and atom2.month:
                piece.second = len(atoms)
                atoms.append(atom2)
                _annotate(p, atom2, piece, end)
                if kind == _EXACT:
                    piece.kind = _RANGE_KIND
        if piece.kind == _RANGE_KIND and piece.second < 0:
            piece.kind, piece.wording = _FROM_KIND, wording or "с"
        stop = piece.end = atoms[-1].end
        if not pieces:
            family = piece.kind if piece.kind != _EXACT else -1
        pieces.append(piece)
        if atoms[-1].month:
            last_full = len(pieces) - 1
        s = _RE_SEP.match(low, stop, end)
        nxt = s.end() if s else stop
        if nxt == stop or nxt >= end:
            break
        if p.split_mode and atoms[-1].month and p.run_breaks(low[stop:nxt], atoms[-1].year is not None):
            break
        cursor = nxt
    if last_full < 0:
        return None
    del pieces[last_full + 1 :]
    last = pieces[-1]
    del atoms[(last.second if last.second >= 0 else last.first) + 1 :]
    return _build(p, pos, atoms, pieces, label)


def _build(
    p: Reader, pos: int, atoms: list[_Atom], pieces: list[_Piece], label: Label | None = None
) -> Found:
    """The term of a read run: its days dated, one term per piece, several pieces made a list;
    ``label`` (written before the run) labels every piece, adding its stage and reserve to a piece's
    own label («основной период: 1 июля (резерв)»: the main period's reserve day)."""
    if label is not None:
        for piece in pieces:
            own = piece.label
            if own is None:
                piece.label, piece.label_at = label, piece.end
            else:
                piece.label = attrs.evolve(
                    own, stage=own.stage or label.stage, reserve=own.reserve or label.reserve
                )
    refs = _day_refs(p, atoms)
    terms = [_piece_term(p, piece, refs) for piece in pieces]
    stop = pieces[-1].end
    complete = atoms[-1].year is not None
    if len(terms) == 1:
        return terms[0][0], stop, complete
    return _list_term(terms, p.raw(pos, stop)), stop, complete


def _day_refs(p: Reader, atoms: list[_Atom]) -> list[DayRef]:
    """The atoms as days: a bare day number takes the month of the next day to its right, a year
    written once applies leftwards, and a day with no year gets it from the school year."""
    month = 0
    for atom in reversed(atoms):
        if atom.month:
            month = atom.month
        else:
            atom.month = month
    for atom in atoms:
        if not 1 <= atom.month <= 12:
            raise p.fail(atom.start, "a valid calendar date (a month 1..12)")
    years = day_years_leftwards([(a.month, a.day, a.year, a.weekday) for a in atoms], p.sy)
    refs: list[DayRef] = []
    for atom, (year, origin) in zip(atoms, years, strict=True):
        try:
            if year is None and p.sy is not None:  # no candidate year has the day (29 February)
                raise InvalidValueError("no such day")
            refs.append(DayRef(atom.month, atom.day, year, origin, atom.weekday))
        except InvalidValueError:
            raise p.fail(atom.start, "a valid calendar date") from None
    return refs


_LABELLED = -1  # the list kind of a labelled piece: a run holding one is a TermSequence


def _piece_term(p: Reader, piece: _Piece, refs: list[DayRef]) -> tuple[Term, int]:
    """The term of one piece and its list kind (_EXACT, _BY_KIND, _FROM_KIND or _LABELLED)."""
    raw = p.raw(piece.start, piece.end)
    term: Term
    if piece.second >= 0:
        a, b = _range_ends(refs[piece.first], refs[piece.second])
        first_day, last_day = a.date(), b.date()
        if first_day is not None and last_day is not None and last_day < first_day:
            raise p.fail(piece.start, "a day range whose end is not before its start")
        term, kind = DayRange(a, b, raw=raw), _EXACT
    elif piece.kind == _BY_KIND:
        term, kind = ByDate(refs[piece.first], inclusive(piece.flag), piece.wording, raw=raw), _BY_KIND
    elif piece.kind == _FROM_KIND:
        term, kind = FromDate(refs[piece.first], piece.wording != "после", piece.wording, raw=raw), _FROM_KIND
    else:
        term, kind = ExactDate(refs[piece.first], raw=raw), _EXACT
    if piece.label is None:
        return term, kind
    base_raw = p.raw(piece.start, piece.label_at).rstrip()
    return Compound(attrs.evolve(term, raw=base_raw), piece.label, True, raw=raw), _LABELLED


def _list_term(terms: list[tuple[Term, int]], raw: str) -> Term:
    """Several pieces: by-dates make a DateList, days and ranges a DayList, any other mix (or a
    labelled piece) a TermSequence."""
    kinds = {kind for _, kind in terms}
    if kinds == {_BY_KIND}:
        return DateList(tuple(t for t, _ in terms if isinstance(t, ByDate)), raw=raw)
    if kinds == {_EXACT}:
        return DayList(tuple(t for t, _ in terms if isinstance(t, ExactDate | DayRange)), raw=raw)
    return TermSequence(tuple(t for t, _ in terms), raw=raw)


def _range_ends(start: DayRef, end: DayRef) -> tuple[DayRef, DayRef]:
    """A range written with no year at all takes its years from the school year day by day, which can
    run backwards across 1 September («29 августа – 5 сентября»): the start is rolled back then."""
    assumed = (YearOrigin.SCHOOL_YEAR, YearOrigin.WEEKDAY)
    if (
        start.origin in assumed
        and end.origin in assumed
        and start.year is not None
        and end.year is not None
        and (start.year, start.month, start.day) > (end.year, end.month, end.day)
    ):
        year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
        try:
            return DayRef(start.month, start.day, year, YearOrigin.ROLLED_BACK, start.weekday), end
        except InvalidValueError:  # 29 February of a year that has none
            return start, end
    return start, end


_RE_TIME_AHEAD = rx(TIME_AHEAD)
_RE_TIME = rx(r"(?:(до|не позднее|не ранее|начиная с|после|в|к|с) )?" + TIME)
_RE_ZONE = rx(r"~,?~\(?~по (местному|московскому|мск)(?: времени)?~\)?(?![а-я])")
"""Whose clock: «по местному времени», «(по московскому времени)», «по мск»."""


def m_time(p: Reader, pos: int, end: int) -> Found:
    """A time of day: «до 10:00», «в 10.00 ч.», «не позднее 18:00», «с 9:00». With a dot it is a time only
    when it cannot be a date or says it is one: «10.00», «18.30», «10.05 ч.» are times, «до 10.05» is
    10 May."""
    m = p.match(_RE_TIME, pos, end)
    if m is None:
        return None
    hour, minute = int(m.group(2)), int(m.group(4))
    if m.group(3) == "." and 1 <= minute <= 12 and m.group(5) is None:
        return None  # «10.05»: a day and a month
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    wording = BLANKS.sub(" ", m.group(1) or "")
    stop, zone = m.end(), ""
    z = p.match(_RE_ZONE, stop, end)
    if z is not None and p.low[z.start() : z.end()].count("(") == p.low[z.start() : z.end()].count(")"):
        stop, zone = z.end(), "московскому" if z.group(1) == "мск" else z.group(1)
    return TimeOfDay(hour, minute, wording, raw=p.raw(pos, stop), zone=zone), stop, True
