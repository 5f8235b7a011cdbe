"""Productions of terms counted from events, and of recurring deadlines.

::

    relative  := head count unit [«,»] direction event [detail]
               | no_offset event [detail]
    head      := «не позднее [,] [чем] за» | «не менее чем за»      → latest before (with «до»)
               | «за»                                              → exactly before (with «до»)
               | «в течение»                                       → within before («до») / after / unnamed
               | «не позднее [,] [чем] [через]»                      → latest after
               | «через»                                           → exactly after
               | nothing                                           → latest before («до») / latest after
    count     := digits [«-» case ending] [«(» number in words «)»] («3-х», «5-ти») | a number in words
                 («двух», «пяти») | nothing (one:
                 «за неделю», «в течение дня»)
    unit      := «рабочих дней» | «календарных дней» | «дней» | «недель» | «месяцев» | «суток» (any case)
    direction := «до» | «после» | «со дня» | «с момента» | «с даты» | «от даты» | «следующих за [днём]»
    no_offset := «в день», «в [конце]» → on, «накануне» → eve, «до» | «перед» | «к» → until, «после» |
                 «с момента» | «по окончании» | «по завершении» | «по итогам» → after
    event     := a built-in anchor («дня проведения экзамена», «принятия решения АК», «начала учебного
                 года», «окончания четверти» …)
               | [«начала» | «окончания» | «завершения» | «дня»] [«проведения»] an exam's name [detail] → the
                 exam start, the end of its exam periods (the exam day when a subject is named: «после
                 окончания ЕГЭ по математике») or the exam day, the name kept as the detail
                 («до ГИА», «до начала ГИА-9», «после завершения ГИА-9», «после ЕГЭ по математике»)
               | any other phrase up to the end of the item → an open anchor («получения сведений»)
    recurring := [«ежемесячно» | «ежеквартально» | «ежегодно»] («до» | «не позднее») N «числа»
                 [«каждого месяца» | «месяца, следующего за отчётным»]
               | «ежедневно» | «еженедельно» | «ежемесячно» | «ежеквартально» | «ежегодно» | «ежечетвертно»
               | [«не реже» | «не менее»] [N] («раз» | «раза») «в» period   N: «2 раза», «двух раз», «3-х раз»
    period    := «день» | «неделю» | «месяц» | «квартал» | «год» | «четверть»
               | «каждую четверть» | «в каждой четверти» | «по четвертям»    → once a school quarter

Built-in anchors are tried first (:func:`m_relative`); an event phrase the enum does not know is read
only when nothing else fits the item (:func:`m_relative_open`), so «до декабря» stays a month and «после
15 мая» a date.
"""

from __future__ import annotations

import re

import attrs

from gia_roadmap.calendar.anchors import ANCHOR_SEARCH_ORDER, Anchor, OpenAnchor
from gia_roadmap.calendar.exams import detect_exam_scopes
from gia_roadmap.calendar.grammar.lexicon import (
    EXAM_NAME,
    MONTH,
    MONTH_GEN,
    ORDINAL,
    TIME_AHEAD,
    UNIT,
    UNIT_SINGULAR,
    WEEKDAY,
    YEAR,
    YEAR_MARK,
    clean_exam,
    is_ordinal,
    month_number,
    ordinal_value,
    rx,
    unit_of,
    weekday_number,
)
from gia_roadmap.calendar.grammar.months import assign
from gia_roadmap.calendar.grammar.named import ref_end
from gia_roadmap.calendar.grammar.reader import Found, Reader
from gia_roadmap.calendar.terms import Bound, Frequency, MonthRef, NthDay, Recurring, Relative, Unit
from gia_roadmap.text import (
    Case,
    Gender,
    NumeralKind,
    number_words,
    parse_number,
    weekday_of,
    weekday_pattern,
)

__all__ = ["m_nth_day", "m_recurring", "m_relative", "m_relative_open"]

_LB, _EB, _WITHIN, _LA, _EA, _BARE = range(6)
_RE_HEAD = rx(
    r"(?:(не позднее~,?(?: чем)? за |не менее~,?(?: чем)? за )|(за )|(в течение )"
    r"|(не позднее~,?(?: чем)?(?: через)? )|(через ))"
)
_RE_DIGITS = re.compile(r"(\d{1,9})(?![\d.,])")
_RE_WORDS_IN_PARENS = rx(r"~\(~[а-я ]+?~\)")
_RE_UNIT = rx(r" " + UNIT)
_RE_SINGULAR = rx(UNIT_SINGULAR)
_RE_BEFORE = rx(r"~,?~до (?:дня )?")
_RE_AFTER = rx(
    r"~,?~(?:после|с момента|со дня|с даты|от даты"
    r"|следующ(?:их|его|ие|ий) за(?: официальным)?(?: днем| днём)?) (?:дня )?"
)
_OWN_YEAR = r"(?:(?:нового|текущего|данного|этого) )?учебного года"
_RE_NO_OFFSET = rx(
    r"(?:(в (?:день|дни) |в (?=конце )|(?:в|на) (?=начал[оае] " + _OWN_YEAR + r")"
    r"|(?=(?:начало|конец|окончание) " + _OWN_YEAR + r"))"
    r"|(накануне (?:дня )?|(?:в )?(?:день|дня|дне)~,?~предшествующ(?:ий|его|ем) (?:дню )?)"
    r"|((?:до|перед) (?:дня )?|(?:к|ко) )"
    r"|((?:после|с момента|по окончании|по завершении|по итогам) (?:дня )?))"
)
_NO_OFFSET_BOUNDS = (Bound.ON, Bound.EVE, Bound.UNTIL, Bound.AFTER)
_ANCHOR = rx(
    "(?:"
    + "|".join(f"(?P<a{i}>{a.pattern.pattern})" for i, a in enumerate(ANCHOR_SEARCH_ORDER))
    + r")(?![а-я])"
)
_RE_EXAM_EVENT = rx(
    r"(?:(начал[аоу] (?:проведения )?)|((?:окончани[яюе]|завершени[яюе]|конц[аеу]) (?:проведения )?)"
    r"|(?:(?:дня|дню|днем|день) )?(?:проведения )?)(?=" + EXAM_NAME + r")"
)
_RE_SUBJECT = re.compile(r" по ")
_RE_TIME_NEXT = rx(r"~,?~" + TIME_AHEAD)
_RE_TERM_WORDS = rx(
    r"в (?:(\d{1,3})(?:~-?~(?:х|ти|ми))?~-?~|([а-я]+?)-?)(дневный|недельный|месячный) срок(?![а-я])"
)
_TERM_UNITS = {"дневный": Unit.DAY, "недельный": Unit.WEEK, "месячный": Unit.MONTH}
_COMPOUND_STEMS: dict[str, int] = {
    word.replace("ё", "е"): n
    for n in range(2, 101)
    if " " not in (word := number_words(n, Case.GENITIVE, Gender.MASCULINE))
} | {"одно": 1}
"""The first part of «трёхдневный», «пятидневный», «десятидневный», «двухнедельный»: the number in the
genitive (one word), «одно» for one."""
_RE_QUARTER_NUMBER = re.compile(ORDINAL + r"(?:-?(?:й|ой|ей))? (?=четверт)")
_RE_DETAIL = rx(
    r"~(?:,~)?(?!по (?:графику|плану|запрос|отдельн|мере|согласовани)|" + TIME_AHEAD + r")(?=[а-я0-9(«\"])"
)
_RE_DURING = rx(
    r"(?:(?:в|на) период|во время|в ходе) (?!(?:до|с|со|по|на|в|во|к|от|после|за|не|из|для|при|между) )"
)
"""«в период осенних каникул», «во время проверки работ», «в период проведения итогового сочинения»: on
the dates of an event (tried after every other production; a preposition after it is not an event)."""
_RE_OPEN_START = re.compile(r"[а-я]")
_RE_NOT_EVENT = rx(r"(?:" + MONTH + r"|(?:конца|начала) (?=" + MONTH + r"|\d)|\d)")


def _count(p: Reader, pos: int, end: int) -> tuple[int, Unit, int] | None:
    """N and the unit at ``pos`` and where they end: digits («2 рабочих дня», any size), a number in
    words in any case («двух рабочих дней», «двадцати одного дня»), both («5 (пяти) дней»), or none
    before a unit in the singular, which means one («за неделю», «в течение дня»)."""
    low = p.low
    m = _RE_DIGITS.match(low, pos, end)
    if m is not None:
        n, at = int(m.group(1)), m.end(1)
        if low.startswith("-", at):  # «3-х», «5-ти», «7-ми»: the case ending written after the digits
            number = parse_number(low, pos)
            if number is None or number.kind is not NumeralKind.CARDINAL or not at < number.end <= end:
                return None
            at = number.end
        paren = _RE_WORDS_IN_PARENS.match(low, at, end)
        if paren is not None:  # «5 (пяти)», «5 (пять)»: the digits count, the words repeat them
            at = paren.end()
    else:
        if low[pos].isdigit() or _RE_OPEN_START.match(low, pos) is None:
            return None
        number = parse_number(low, pos)
        if number is None or number.kind is not NumeralKind.CARDINAL or number.end > end:
            return None
        n, at = number.value, number.end
    if at != pos:
        u = _RE_UNIT.match(low, at, end)
        if u is not None and p.match(_RE_UNIT, at, end) is not None:
            return n, unit_of(u.group(1)), u.end()
        return None
    return None


def _one(p: Reader, pos: int, end: int) -> tuple[int, Unit, int] | None:
    """A unit in the singular with no number: one («за неделю до …», «в течение дня»)."""
    m = p.match(_RE_SINGULAR, pos, end)
    if m is not None:
        return 1, unit_of(m.group(1)), m.end()
    return None


def _event(
    p: Reader, pos: int, end: int, *, open_events: bool
) -> tuple[Anchor | OpenAnchor, str, int, int | None] | None:
    """The event at ``pos``: a built-in anchor with the detail after it, where it ends and which of its
    dates the text numbers («II четверти»), or (``open_events``) the phrase up to the end of the item
    as an open anchor."""
    m = p.match(_ANCHOR, pos, end)
    if m is not None:
        anchor = next(a for i, a in enumerate(ANCHOR_SEARCH_ORDER) if m.group(f"a{i}") is not None)
        occurrence: int | None = None
        if anchor in (Anchor.SCHOOL_QUARTER, Anchor.SCHOOL_QUARTER_END):
            number = _RE_QUARTER_NUMBER.search(m.group())
            occurrence = ordinal_value(number.group(1)) if number is not None else None
        stop = m.end()
        detail = ""
        d = _RE_DETAIL.match(p.low, stop, end)
        if d is not None:
            tail_end = ref_end(p, d.end(), end)
            if tail_end > d.end():
                detail = clean_exam(p.text(d.end(), tail_end))
                stop = tail_end
        return anchor, detail, stop, occurrence
    m = p.match(_RE_EXAM_EVENT, pos, end)
    if m is not None:  # «до ГИА», «до начала ГИА-9», «после завершения ГИА-9», «после проведения ЕГЭ …»
        stop = ref_end(p, m.end(), end)
        detail = clean_exam(p.text(m.end(), stop))
        if detect_exam_scopes(detail):  # the exam vocabulary's reading, not a copy of it
            named = Anchor.EXAM_START if m.group(1) else Anchor.EXAM_DAY
            if m.group(2) and not _RE_SUBJECT.search(detail):  # the end of a campaign, not of one subject
                named = Anchor.EXAM_PERIOD_END
            return named, detail, stop, None
    if not open_events or pos >= end or _RE_OPEN_START.match(p.low, pos) is None:
        return None
    if _RE_NOT_EVENT.match(p.low, pos, end) is not None:
        return None
    stop = ref_end(p, pos, end)
    comma = p.low.find(",", pos, stop)
    if comma >= 0:
        stop = comma
    while stop > pos and p.low[stop - 1] in " ¶.":
        stop -= 1
    if stop <= pos:
        return None
    return OpenAnchor(p.text(pos, stop)), "", stop, None


def _term_words(p: Reader, pos: int, end: int) -> tuple[int, Unit, int] | None:
    """«в трёхдневный срок», «в 3-х дневный срок», «в 10-дневный срок», «в двухнедельный срок»: N units
    as one word, which means «в течение N units»."""
    m = p.match(_RE_TERM_WORDS, pos, end)
    if m is None:
        return None
    if m.group(1):
        n = int(m.group(1))
    else:
        found = _COMPOUND_STEMS.get(m.group(2))
        if found is None:
            return None
        n = found
    return n, _TERM_UNITS[m.group(3)], m.end()


def _relative(p: Reader, pos: int, end: int, *, open_events: bool) -> Found:
    head = _RE_HEAD.match(p.low, pos, end)
    kind = (head.lastindex or 0) - 1 if head is not None else _BARE
    at = head.end() if head is not None else pos
    count = _count(p, at, end) if at < end else None
    if count is None and head is None and p.low.startswith("в ", pos):
        count = _term_words(p, pos, end)
        if count is not None:
            kind = _WITHIN
    if count is None and head is not None and at < end:
        count = _one(p, at, end)
    if count is None:
        if head is not None:
            return None
        m = _RE_NO_OFFSET.match(p.low, pos, end)
        if m is None:
            return None
        return _at_event(p, pos, m.end(), end, _NO_OFFSET_BOUNDS[(m.lastindex or 1) - 1], open_events)
    n, unit, at = count
    timed = _RE_TIME_NEXT.match(p.low, at, end) is not None  # «в течение дня до 18:00»: no event, a time
    before = None if timed else p.match(_RE_BEFORE, at, end)
    after = None if before is not None or timed else p.match(_RE_AFTER, at, end)
    bound: Bound | None
    if before is not None:
        bound = {
            _LB: Bound.LATEST_BEFORE,
            _EB: Bound.EXACT_BEFORE,
            _WITHIN: Bound.WITHIN_BEFORE,
            _LA: Bound.LATEST_BEFORE,  # «не позднее 10 дней до начала экзамена»
            _BARE: Bound.LATEST_BEFORE,
        }.get(kind)
        direction_end = before.end()
    elif after is not None:
        bound = {_WITHIN: Bound.WITHIN_AFTER, _LA: Bound.LATEST_AFTER, _EA: Bound.EXACT_AFTER}.get(
            kind, Bound.LATEST_AFTER if kind == _BARE else None
        )
        direction_end = after.end()
    else:  # «в течение двух рабочих дней», «через 3 дня»: the event is not named
        bound = {_WITHIN: Bound.WITHIN_AFTER, _LA: Bound.LATEST_AFTER, _EA: Bound.EXACT_AFTER}.get(kind)
        if bound is None or not open_events:
            return None
        return Relative(n, unit, bound, OpenAnchor(""), raw=p.raw(pos, at)), at, True
    if bound is None:
        return None
    event = _event(p, direction_end, end, open_events=open_events)
    if event is None:
        return None
    anchor, detail, stop, occurrence = event
    return Relative(n, unit, bound, anchor, detail, occurrence=occurrence, raw=p.raw(pos, stop)), stop, True


def m_relative(p: Reader, pos: int, end: int) -> Found:
    """A relative term whose event is a built-in anchor."""
    return _relative(p, pos, end, open_events=False)


def m_relative_open(p: Reader, pos: int, end: int) -> Found:
    """A relative term whose event the anchor enum does not name (an open anchor), or none at all;
    «в период (во время, в ходе) …» of such an event: on its dates."""
    found = _relative(p, pos, end, open_events=True)
    if found is not None:
        return found
    m = p.match(_RE_DURING, pos, end)
    return None if m is None else _at_event(p, pos, m.end(), end, Bound.ON, True)


def _at_event(p: Reader, pos: int, at: int, end: int, bound: Bound, open_events: bool) -> Found:
    """A relative term without a count whose words from ``pos`` to ``at`` give ``bound``: the event at
    ``at`` with no offset («в день проведения экзамена», «в период осенних каникул»), or None."""
    event = _event(p, at, end, open_events=open_events)
    if event is None:
        return None
    anchor, detail, stop, occurrence = event
    term = Relative(0, Unit.NONE, bound, anchor, detail, occurrence=occurrence, raw=p.raw(pos, stop))
    return term, stop, True


_RE_RECURRING_WORD = rx(r"(ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|ежечетвертно)(?![а-я])")
_RE_AT_LEAST = rx(r"не (?:реже|менее)(?:~,?)?(?: чем)? ")
_RE_TIMES_A = rx(r"раза? в (день|неделю|месяц|квартал|год|четверть)(?![а-я])")
_RE_ONCE_A = rx(r"(?:каждую|(?:в )?каждой) (четверть|четверти)(?![а-я])|(по четвертям)(?![а-я])")
_ONCE_A = {
    "день": Frequency.DAILY,
    "неделю": Frequency.WEEKLY,
    "месяц": Frequency.MONTHLY,
    "квартал": Frequency.QUARTERLY,
    "год": Frequency.YEARLY,
}
_RE_RECURRING_DAY = rx(
    r"(?:(ежемесячно|ежеквартально|ежегодно|каждый месяц|каждый квартал),? )?(?:до|не позднее) (\d{1,2})"
    r"(?:~-?~го)? числа(?:(?: (?:каждого|ежемесячно) месяца| ежемесячно)"
    r"|( месяца,? следующего за отч[её]тным(?: (?:периодом|месяцем|кварталом|годом))?))?"
)
_FREQUENCIES = {
    "ежедневно": Frequency.DAILY,
    "еженедельно": Frequency.WEEKLY,
    "ежемесячно": Frequency.MONTHLY,
    "каждый месяц": Frequency.MONTHLY,
    "ежеквартально": Frequency.QUARTERLY,
    "каждый квартал": Frequency.QUARTERLY,
    "ежегодно": Frequency.YEARLY,
    "ежечетвертно": Frequency.SCHOOL_QUARTERLY,
}


_DAYS_DAT = weekday_pattern((Case.DATIVE,), abbreviations=False)
_DAYS_ACC = weekday_pattern((Case.ACCUSATIVE,), plural=False, abbreviations=False)
_DAYS_DAT_LIST = r"((?:" + _DAYS_DAT + r")(?:(?:~,~| и )(?:" + _DAYS_DAT + r"))*)"
_DAYS_ACC_LIST = r"((?:" + _DAYS_ACC + r")(?:(?:~,~| и )(?:" + _DAYS_ACC + r"))*)"
"""Days of the week listed («понедельникам, средам и пятницам»), the list as one group."""
_RE_ON_DAYS = rx(r"~,?~(\(~)?(?:по " + _DAYS_DAT_LIST + r"|(?:в|во) " + _DAYS_ACC_LIST + r")(?![а-я])")
"""The days of the week after a weekly recurrence: «по понедельникам», «(по вторникам и четвергам)»,
«, в пятницу»."""
_RE_BARE_DAYS = rx(r"(?:по " + _DAYS_DAT_LIST + r"|кажд(?:ый|ую|ое) " + _DAYS_ACC_LIST + r")(?![а-я])")
"""Days of the week as a weekly rule on their own: «по средам», «каждую пятницу»."""
_RE_WEEKDAY_WORD = re.compile(r"[а-я]+")
_RE_CLOSE = re.compile(r"[ ¶]*\)")


def _weekdays(words: str) -> tuple[int, ...]:
    """The days of the week a list of their names names, Monday first."""
    found = {weekday_of(w) for w in _RE_WEEKDAY_WORD.findall(words)}  # «и» names no day
    return tuple(sorted(d for d in found if d is not None))


def _on_days(p: Reader, term: Recurring, stop: int, end: int) -> tuple[Recurring, int]:
    """A weekly ``term`` ending at ``stop`` with the days of the week written after it, if any."""
    if term.frequency is not Frequency.WEEKLY or term.day is not None or stop >= end:
        return term, stop
    m = p.match(_RE_ON_DAYS, stop, end)
    if m is None:
        return term, stop
    at = m.end()
    if m.group(1):  # «(по понедельникам)»: the closing parenthesis belongs to it
        close = _RE_CLOSE.match(p.low, at, end)
        if close is None:
            return term, stop
        at = close.end()
    days = _weekdays(m.group(2) or m.group(3))
    return attrs.evolve(term, weekdays=days), at


def m_recurring(p: Reader, pos: int, end: int) -> Found:
    """«ежемесячно», «до 25 числа каждого месяца», «ежеквартально до 5 числа месяца, следующего за
    отчётным», «еженедельно по понедельникам», «каждую среду»."""
    found = _m_recurring(p, pos, end)
    if found is None:
        m = p.match(_RE_BARE_DAYS, pos, end)
        if m is None:
            return None
        term = Recurring(
            Frequency.WEEKLY, weekdays=_weekdays(m.group(1) or m.group(2)), raw=p.raw(pos, m.end())
        )
        return term, m.end(), True
    read, stop, complete = found
    if not isinstance(read, Recurring):
        return found
    weekly, stop = _on_days(p, read, stop, end)
    return attrs.evolve(weekly, raw=p.raw(pos, stop)), stop, complete


def _m_recurring(p: Reader, pos: int, end: int) -> Found:
    m = p.match(_RE_RECURRING_DAY, pos, end)
    if m is not None:
        day = int(m.group(2))
        if not 1 <= day <= 31:
            raise p.fail(pos, "a day of the month 1..31")
        frequency = _FREQUENCIES.get(re.sub(r"[ ¶]+", " ", m.group(1) or ""), Frequency.MONTHLY)
        term = Recurring(frequency, day, m.group(3) is not None, raw=p.raw(pos, m.end()))
        return term, m.end(), True
    found = _times_a(p, pos, end)
    if found is not None:
        return found
    m = p.match(_RE_ONCE_A, pos, end)
    if m is not None:  # «каждую четверть», «по четвертям»
        return Recurring(Frequency.SCHOOL_QUARTERLY, None, raw=p.raw(pos, m.end())), m.end(), True
    m = p.match(_RE_RECURRING_WORD, pos, end)
    if m is None:
        return None
    return Recurring(_FREQUENCIES[m.group(1)], None, raw=p.raw(pos, m.end())), m.end(), True


def _times_a(p: Reader, pos: int, end: int) -> Found:
    """«2 раза в год», «раз в четверть», «не реже двух раз в месяц», «не менее 3-х раз в квартал»: a
    count per period (N in digits or in words, in the nominative or, after «не реже», the genitive)."""
    at = pos
    m = p.match(_RE_AT_LEAST, pos, end)
    if m is not None:
        at = m.end()
    times = 1
    if at < end and p.low[at] != "р":  # «раз в месяц»: once
        number = parse_number(p.low, at)
        if number is None or number.kind is not NumeralKind.CARDINAL or number.end >= end:
            return None
        times, at = number.value, number.end
        if p.low[at] != " " or times < 1:
            return None
        at += 1
    m = p.match(_RE_TIMES_A, at, end)
    if m is None:
        return None
    frequency = _ONCE_A.get(m.group(1), Frequency.SCHOOL_QUARTERLY)
    return Recurring(frequency, None, raw=p.raw(pos, m.end()), times=times), m.end(), True


_LAST = r"последн(?:ий|яя|юю|ее|его|ей|ем)"
_RE_NTH_DAY = rx(
    r"(?:(?:в|во) )?(?:"
    + ORDINAL
    + r"|("
    + _LAST
    + r"))~(?:-?[а-я]{1,3})?(?: (рабоч(?:ий|ая|ую|ее|его|ей|ем)))? (?:"
    + WEEKDAY
    + r"|(день|дня|дню|днем))(?![а-я]) (?:"
    + MONTH_GEN
    + r"(?:~"
    + YEAR
    + r"(?:~"
    + YEAR_MARK
    + r")?)?|(?:(?:каждого|ежемесячно|текущего|отчетного) )?месяца(?![а-я]))"
)


def m_nth_day(p: Reader, pos: int, end: int) -> Found:
    """A day by its place in a month: «во вторую среду февраля», «в первую рабочую среду декабря»,
    «последний рабочий день месяца», «в последнюю пятницу каждого месяца»."""
    m = p.match(_RE_NTH_DAY, pos, end)
    if m is None:
        return None
    if m.group(1) is not None:
        if not is_ordinal(m.group(1)) and not m.group(1).isdigit():
            return None
        ordinal = ordinal_value(m.group(1))
    else:
        ordinal = -1
    weekday = weekday_number(m.group(4)) if m.group(4) else None
    if weekday is not None and not (ordinal == -1 or 1 <= ordinal <= 5):
        return None
    if weekday is None and not (ordinal == -1 or 1 <= ordinal <= 31):
        return None
    month: MonthRef | None = None
    if m.group(6):
        year = int(m.group(7)) if m.group(7) else None
        month = assign(p, [(month_number(m.group(6)), year)])[0]
    term = NthDay(ordinal, weekday, m.group(3) is not None, month, raw=p.raw(pos, m.end()))
    return term, m.end(), month is None or month.year_written
