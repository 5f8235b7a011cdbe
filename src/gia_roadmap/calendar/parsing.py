"""Russian deadline text («Сроки») → :mod:`terms`.

:func:`parse_term` reads one cell into one term (a list, a sequence or a compound when the cell
holds several parts); :func:`split_terms` cuts a stacked cell into its items (by ``<p>``, double
spaces, blank lines, or juxtaposed complete items) for alignment with stacked sub-measures.

Reading is tolerant of what real documents contain: en dashes and hyphens with any spacing,
«г.» / «г» / «год» / «года» / «гг.» / «уч. г.», digits glued to letters («2022г.»), newlines and
HTML tags inside a cell, any case, «ё», Latin look-alike letters inside Russian words, typos
forgiven by the general rule of :class:`~gia_roadmap.text.Vocabulary` («календарных деня»,
«Рособнадзора», «Депатраментa»), a space for a dot («20.04 2024»), a comma before the year
(«Январь – февраль, 2024 г.»), trailing commas.

Lenient mode (the default) never raises: text no rule fits becomes :class:`UnparsedTerm` with the
position (in the original text) where reading stopped and what was expected there. Strict mode
raises :class:`~gia_roadmap.errors.TermSyntaxError` instead.

Years: a year written once at the end applies leftwards, rolling back across New Year
(:func:`~gia_roadmap.calendar.terms.assign_years`); months without any year take it from
``school_year`` (Sep–Dec: start year, Jan–Aug: start + 1) and are flagged ``assumed_year``.
Stale years are kept as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeAlias

import attrs

from gia_roadmap.calendar.anchors import ANCHOR_SEARCH_ORDER
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import (
    REFERENCE_KINDS,
    Bound,
    ByDate,
    ByMonth,
    CalendarYear,
    Compound,
    Conditional,
    Continuous,
    DateList,
    DayRange,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    Frequency,
    MissingTerm,
    Month,
    MonthList,
    MonthRange,
    MonthRef,
    Note,
    OnRequest,
    PerExam,
    PeriodList,
    PlanPeriod,
    QuarterTerm,
    Recurring,
    Relative,
    SchoolYearTerm,
    Season,
    SeasonTerm,
    SeparatePlan,
    SeparateSchedule,
    Term,
    TermSequence,
    Unit,
    UnparsedTerm,
    YearOrigin,
    _years_leftwards,
    range_start,
)
from gia_roadmap.errors import InvalidTypeError, TermSyntaxError
from gia_roadmap.text import (
    BLANKS,
    DASH_CLASS,
    INVISIBLES,
    MONTH_FORMS,
    MONTH_PATTERN,
    Vocabulary,
    fix_lookalikes,
    month_adjective_pattern,
)

__all__ = ["normalize", "parse_term", "split_terms"]

PARA = "¶"
"""Marker the normaliser puts where a cell has a hard break (``<p>``, double space, blank line)."""

# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)[^<>]{0,200}>")
_BLOCK_TAGS = frozenset({"p", "br", "li", "ul", "ol", "div", "tr", "td"})


@attrs.frozen(slots=True)
class Normalized:
    """Deadline text prepared for matching.

    Attributes:
        low: lower-case matching text (``ё``→``е``, dashes→``-``, look-alikes→Cyrillic, runs of
            whitespace → one space, hard breaks → ``¶``).
        disp: the same text with the original case (used for names and references).
        index: ``index[i]`` is the offset in the original text of ``low[i]``.
        original: the original text.
    """

    low: str
    disp: str
    index: tuple[int, ...]
    original: str

    def origin(self, pos: int) -> int:
        """Offset in the original text of normalised position ``pos``."""
        if pos < len(self.index):
            return self.index[pos]
        return len(self.original)


_DASH = re.compile(DASH_CLASS)
_GLUE = re.compile(r"\d(?=[^\W\d_])")  # a digit glued to a letter: a space goes after the digit
_OTHER_BLANKS = BLANKS.replace(" ", "")
"""Every whitespace character but the space."""
# What sends text to the general path, besides a leading, trailing or double space: whitespace
# other than the space, tags or angle brackets, Latin letters (look-alikes), a digit glued to a letter.
_ODD_CHAR = re.compile("[<>A-Za-z" + re.escape(_OTHER_BLANKS + INVISIBLES) + "]")
_INVISIBLE = re.compile("[" + re.escape(INVISIBLES) + "]")
_GLUED = re.compile(r"\d[^\W\d_]")
_IDENTITY: dict[int, tuple[int, ...]] = {}
"""``tuple(range(n))`` by ``n``: the offset map of text the fast path leaves as it is."""
# One token of the general path: a tag (group 1: its name), a blank run (group 2) or a chunk of
# words separated by single spaces, which normalises to itself (group 3; a «<» that does not
# open a tag is a chunk of its own).
_TOKEN = re.compile(r"<\s*/?\s*([a-zA-Z]+)[^<>]{0,200}>|(\s+)|([^\s<]+(?: [^\s<]+)*|<)")
_HARD_BLANK = re.compile(r"[ \t\u00a0]{2}")
# Units of a relative term, a closed class: in the slot after a number («за 3 календарных деня до»)
# a word within one edit of exactly one unit is that unit (a general typo rule, length-preserving).
_UNIT_FORMS = {
    "день": "день", "дня": "день", "дней": "день",
    "неделя": "неделя", "неделю": "неделя", "недели": "неделя", "недель": "неделя",
    "месяц": "месяц", "месяца": "месяц", "месяцев": "месяц",
}  # fmt: skip
_UNITS = Vocabulary(_UNIT_FORMS, max_edits=lambda length: 1 if length >= 3 else 0)
_UNIT_SLOT = re.compile(
    r"(?<![\w])\d+[ ¶]+(?:(?:рабоч|календарн)[а-я]*[ ¶]+)?(?!(?:"
    + "|".join(_UNIT_FORMS)
    + r")(?![а-я]))([а-я]{3,})(?![а-я])[ ¶]+(?=до |после |со |с |перед )"
)


def _repair_units(low: str) -> str:
    """``low`` with misspelt unit words in the unit slot replaced by the unit's form of the same
    length (or a shorter one padded with spaces); a typo no form fits in length is left alone."""
    parts: list[str] = []
    pos = 0
    for m in _UNIT_SLOT.finditer(low):
        word = m.group(1)
        unit = _UNITS.lookup(word)
        if unit is None:
            continue
        fitting = [f for f, u in _UNIT_FORMS.items() if u == unit and len(f) <= len(word)]
        if not fitting:
            continue
        form = max(fitting, key=len)
        parts.append(low[pos : m.start(1)])
        parts.append(form.ljust(len(word)))
        pos = m.end(1)
    if not parts:
        return low
    parts.append(low[pos:])
    return "".join(parts)


def normalize(text: str) -> Normalized:
    """Normalise deadline text for matching (see :class:`Normalized`)."""
    if (
        text
        and text[0] != " "
        and text[-1] != " "
        and "  " not in text
        and _ODD_CHAR.search(text) is None
        and _GLUED.search(text) is None
    ):
        # fast path: single spaces, no tags, no look-alikes, no glued digits
        disp = _DASH.sub("-", text)
        low = disp.lower()
        if len(low) == len(disp):
            low = low.replace("ё", "е")
            if _UNIT_SLOT.search(low) is None:
                n = len(text)
                ident = _IDENTITY.get(n)
                if ident is None:
                    ident = tuple(range(n))
                    if n <= 1024:
                        _IDENTITY[n] = ident
                return Normalized(low, disp, ident, text)
    # Latin look-alikes inside words that also contain Cyrillic letters, then dashes: both
    # length-preserving (dashes are neither blanks, letters nor digits)
    # invisible characters (soft hyphens, zero-width spaces) go; ``kept`` maps back to the original
    kept: list[int] | None = None
    if _INVISIBLE.search(text):
        kept = [i for i, c in enumerate(text) if c not in INVISIBLES]
        work = _DASH.sub("-", fix_lookalikes("".join(text[i] for i in kept)))
    else:
        work = _DASH.sub("-", fix_lookalikes(text))
    glued = _GLUE.search(work) is not None

    parts: list[str] = []
    index: list[int] = []
    pending_at = -1  # original offset of a pending blank run, -1 when none
    pending_hard = False
    for m in _TOKEN.finditer(work):
        kind = m.lastindex
        if kind == 3:  # words
            at = m.start()
            if pending_at >= 0:
                if parts:
                    parts.append(PARA if pending_hard else " ")
                    index.append(pending_at)
                pending_at, pending_hard = -1, False
            run = m.group(3)
            pos = 0
            if glued:
                for g in _GLUE.finditer(run):
                    cut = g.end()
                    parts.append(run[pos:cut])
                    index.extend(range(at + pos, at + cut))
                    parts.append(" ")
                    index.append(at + cut)
                    pos = cut
            parts.append(run[pos:] if pos else run)
            index.extend(range(at + pos, m.end()))
        elif kind == 2:  # a blank run
            if pending_at < 0:
                pending_at = m.start()
            if not pending_hard:
                run = m.group(2)
                if run != " ":
                    newlines = run.count("\n")
                    if newlines >= 2 or (newlines == 0 and _HARD_BLANK.search(run)):
                        pending_hard = True
        elif m.group(1).lower() in _BLOCK_TAGS:  # a block tag is a hard break
            if pending_at < 0:
                pending_at = m.start()
            pending_hard = True

    disp = "".join(parts)
    low = disp.lower()
    if len(low) != len(disp):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in disp)
    low = low.replace("ё", "е")
    if _UNIT_SLOT.search(low) is not None:  # a misspelt unit («календарных деня»), length-preserving
        low = _repair_units(low)
    if kept is not None:
        index = [kept[i] for i in index]
    return Normalized(low, disp, tuple(index), text)


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile with " " = required blank run and "~" = optional blank run (blanks include ¶).

    Spaces inside character classes are left alone.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            out.append(c)
            if c == "]":
                in_class = False
        elif c == "[":
            out.append(c)
            in_class = True
        elif c == " ":
            out.append("[ ¶]+")
        elif c == "~":
            out.append("[ ¶]*")
        else:
            out.append(c)
    return re.compile("".join(out))


_MONTH = "(" + MONTH_PATTERN + r")(?![а-я])"
_YEAR_MARK = r"(?:года|году|год|гг\.?|г\.?)(?![а-я])"
_YEAR = r"((?:19|20)\d\d)(?![\d])"
_DASH_SRC = r"~-~"
_SEP_SRC = r"(?:[ ¶,;/]|и(?= ))*"
_RE_YEAR_MARK = _rx(r"~" + _YEAR_MARK)
_RE_DASH = _rx(_DASH_SRC)
# One step of a run of months: a month (group 1, at a word boundary); the year that may follow it
# (group 2: all of it; 3: a comma before it, 4: the year, 5: its marker, 6: empty when a dash and a
# digit come next); then what follows (group 7: a dash, or else group 8: separators).
_RE_MONTH_STEP = _rx(
    _MONTH
    + r"(?![^\W_])(~(,)?~"
    + _YEAR
    + r"(?:~("
    + _YEAR_MARK
    + r"))?((?=[ ¶]*-[ ¶]*\d))?)?(?:("
    + _DASH_SRC
    + r")|("
    + _SEP_SRC
    + r"))"
)
_BLANKS = re.compile(r"[ ¶]+")
_SPACES = re.compile(r"\s+")
_RE_SEP = _rx(_SEP_SRC)
_SEP_FIRST = frozenset(" ¶,;/и")  # what a non-empty _RE_SEP match starts with
_RE_SKIP = re.compile(r"[ ¶,;.:/]+")


def _month_number(word: str) -> int:
    return MONTH_FORMS[word]


_MONTH_REFS: dict[tuple[int, int | None, int], MonthRef] = {}
_NO_REF = MonthRef(1)  # a placeholder, never returned
_NOTE_YEAR = re.compile(r"((?:19|20)\d\d)\s*(?:года|год|г\.?)(?![а-я])")


def _month_ref(month: int, year: int | None, origin: YearOrigin) -> MonthRef:
    """``MonthRef(month, year, origin)``, shared: month references are immutable values (the
    placeholder for month 0, a year written in a note)."""
    key = (month, year, id(origin))  # enum members are singletons, and hashing one is slow
    ref = _MONTH_REFS.get(key)
    if ref is None:
        ref = _MONTH_REFS[key] = _NO_REF if month == 0 else MonthRef(month, year, origin)
    return ref


_EXAM = r"(?:гиа~-?~(?:9|11)|гиа|егэ|огэ|гвэ|оценочных процедур|экзаменов|экзамена)(?![а-я0-9])"
_EXAMS_NC = _EXAM + r"(?:(?:~,~| и )" + _EXAM + r")*"
_EXAMS = r"(" + _EXAMS_NC + r")"

_RE_SY_EXPLICIT = _rx(
    r"(?:(?:в течение|в|на) )?"
    + _YEAR
    + r"~[-/]~"
    + _YEAR
    + r"(?:~(учебн(?:ого|ый|ом|ые|ых) (?:года|год|году|годов|годы)|уч\.?~г(?:ода|од|г)?\.?|"
    + _YEAR_MARK
    + r"|годы|годах))?"
)
_RE_SY_IMPLICIT = _rx(r"(?:в течение|в) (учебного )?(?:года|году)(?![а-я])")
_RE_CAL_YEAR = _rx(r"(?:(?:в течение|в|на) )?" + _YEAR + r"~" + _YEAR_MARK)
_RE_PLAN_PERIOD = _rx(
    r"(?:в течение )?(?:весь|всего) период(?:а)?(?: подготовки и проведения " + _EXAMS + r")?(?![а-я])"
)
_RE_PLAN_PERIOD2 = _rx(r"(?:в|на) период подготовки и проведения " + _EXAMS)
_RE_EXAM_CONDUCT = _rx(
    r"(?:(?:в период|во время|в течение|в ходе|на период) проведения|при проведении) " + _EXAMS
)
_RE_EXAM_PREP = _rx(r"(?:в период|во время|в ходе) подготовки (?:к~)?" + _EXAMS)
_STAGE_ADJ = r"(?:досрочн|основн|дополнительн)(?:ого|ый|ом|ые|ых|ым)"
_RE_EXAM_STAGES = _rx(
    r"(?:в период |в )?(?P<stages>"
    + _STAGE_ADJ
    + r"(?:(?:~,~| и )"
    + _STAGE_ADJ
    + r")*)"
    + r"(?:~\(~"
    + month_adjective_pattern(9)
    + r"~\))? (?:этап|период)\w*(?: проведения)?(?: (?P<exams>"
    + _EXAMS_NC
    + r"))?"
    + r"(?:~,?~(?:в )?(?P<year>(?:19|20)\d\d)(?![\d])(?![ ¶]*[-/])(?:~"
    + _YEAR_MARK
    + r")?)?"
)
_RE_CONTINUOUS = _rx(r"(постоянно|круглогодично)(?![а-я])")
_RE_RECURRING_WORD = _rx(r"(ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно)(?![а-я])")
_RE_RECURRING_DAY = _rx(
    r"(?:ежемесячно )?(?:до|не позднее) (\d{1,2})(?:-?го)? числа"
    r"(?: (?:каждого|ежемесячно) месяца| ежемесячно)?"
)
_RE_DATE = r"(\d{1,2})\.~(\d{1,2})[. ]~(\d{4}|\d{2})(?![\d])(?:~" + _YEAR_MARK + r")?"
_RE_BY_DATE = _rx(
    r"(в срок до|в срок не позднее|не позднее|в срок по|до|по|к) "
    + _RE_DATE
    + r"(?:~\(?(включительно|исключительно|не включительно)\)?)?"
)
_RE_BY_MONTH = _rx(
    r"(на период до|в срок до|до|не позднее) " + _MONTH + r"(?:~" + _YEAR + r"(?:~" + _YEAR_MARK + r")?)?"
    r"(?:~\(?(включительно|исключительно|не включительно)\)?)?"
)
_RE_EXACT_DATE = _rx(_RE_DATE)
_RE_DAY_RANGE = _rx(
    r"с (\d{1,2})(?: " + _MONTH + r")?(?: " + _YEAR + r"(?:~" + _YEAR_MARK + r")?)?"
    r" (?:по|до|-) (\d{1,2}) " + _MONTH + r"(?: " + _YEAR + r"(?:~" + _YEAR_MARK + r")?)?"
)
_RE_DAY_RANGE_NUM = _rx(r"с " + _RE_DATE + r" (?:по|до) " + _RE_DATE)
_RE_SEASON = _rx(
    r"(зим[аоуе]й?|весн[аоуе]й?|лет[оау]м?|осен[ьи]ю?)(?![а-я])(?:~" + _YEAR + r"(?:~" + _YEAR_MARK + r")?)?"
)
_RE_QUARTER = _rx(
    r"(iv|i{1,3}|[1-4])~(?:-?(?:й|го|ом))? квартал(?:а|е|у)?(?![а-я])(?:~"
    + _YEAR
    + r"(?:~"
    + _YEAR_MARK
    + r")?)?"
)

_UNIT = (
    r"(рабоч(?:ий|их|его|ему|им) (?:день|дня|дней)|календарн(?:ый|ых|ого|ому|ым) (?:день|дня|дней)"
    r"|день|дня|дней|недел[юиья]|недель|месяц(?:а|ев)?)(?![а-я])"
)
_ANCHOR_ALT = "|".join(f"(?P<a{i}>{a.pattern.pattern})" for i, a in enumerate(ANCHOR_SEARCH_ORDER))
_ANCHOR = r"(?:" + _ANCHOR_ALT + r")(?![а-я])"
_DETAIL = (
    r"(?P<detail>(?: (?:проведения )?(?:гиа~-~(?:9|11)|егэ|огэ|гвэ)| " + _YEAR + r"~" + _YEAR_MARK + r"))?"
)
_RE_REL = [
    (
        Bound.LATEST_BEFORE,
        _rx(r"не позднее(?:,? чем)? за (?P<n>\d+) (?P<u>" + _UNIT + r") до (?:дня )?" + _ANCHOR + _DETAIL),
    ),
    (Bound.EXACT_BEFORE, _rx(r"за (?P<n>\d+) (?P<u>" + _UNIT + r") до (?:дня )?" + _ANCHOR + _DETAIL)),
    (
        Bound.WITHIN_AFTER,
        _rx(r"в течение (?P<n>\d+) (?P<u>" + _UNIT + r") (?:со дня|с момента|с даты) " + _ANCHOR + _DETAIL),
    ),
    (
        Bound.LATEST_AFTER,
        _rx(
            r"не позднее (?:чем )?(?:через )?(?P<n>\d+) (?P<u>"
            + _UNIT
            + r") (?:после|с момента|со дня|с даты) (?:дня )?"
            + _ANCHOR
            + _DETAIL
        ),
    ),
    (
        Bound.EXACT_AFTER,
        _rx(
            r"через (?P<n>\d+) (?P<u>"
            + _UNIT
            + r") (?:после|с момента|со дня|с даты) (?:дня )?"
            + _ANCHOR
            + _DETAIL
        ),
    ),
    (Bound.ON, _rx(r"в (?:день|дни) " + _ANCHOR + _DETAIL)),
    (Bound.EVE, _rx(r"накануне (?:дня )?" + _ANCHOR + _DETAIL)),
    (Bound.UNTIL, _rx(r"(?:до|перед) (?:дня )?" + _ANCHOR + _DETAIL)),
    (Bound.AFTER, _rx(r"(?:после|с момента) (?:дня )?" + _ANCHOR + _DETAIL)),
]

# The words every pattern of _RE_REL starts with (one group per distinct opening) and, per group,
# the patterns that start so, in _RE_REL's order: only those can match after that opening.
_REL_HEAD = _rx(
    r"(не позднее)|(за )|(в течение )|(через )|(в (?:день|дни) )|(накануне )|(до |перед )|(после |с момента )"
)
_REL_BY_HEAD: dict[int, list[tuple[Bound, re.Pattern[str]]]] = {
    k: [(bound, pattern) for bound, pattern in _RE_REL if bound in bounds]
    for k, bounds in enumerate(
        (
            (Bound.LATEST_BEFORE, Bound.LATEST_AFTER),
            (Bound.EXACT_BEFORE,),
            (Bound.WITHIN_AFTER,),
            (Bound.EXACT_AFTER,),
            (Bound.ON,),
            (Bound.EVE,),
            (Bound.UNTIL,),
            (Bound.AFTER,),
        ),
        start=1,
    )
}

_REF_START = _rx(r"(в соответствии со|в соответствии с|согласно|по)(?= )")
_REF_TERMS = _rx(
    r"(в (?:установленные|утвержденные|устанавливаемые|определенные) (?:\w+ )?сроки|в сроки)(?![а-я])"
)
_REF_BARE = _rx(r"(отдельн\w+ график\w*|приказ\w*|график\w*|расписани\w+|циклограмм\w+|порядк\w+)(?![а-я])")
# (every alternative starts with a blank, «¶», «,», «(» or «)»: the leading lookahead says so, which
# lets a search skip other characters quickly)
_REF_STOP = _rx(
    r"(?=[ ¶,()])(?:~\(|~\)|¶|,~(?=(?:"
    + _MONTH
    + r"|(?:19|20)\d\d|в течение|весь|всего|в период|до |на период|дополнительн|"
    r"досрочн|основн|в соответствии|согласно|по (?:графику|плану|запрос|отдельн)|постоянно))"
    r"| (?=(?:в соответствии с|согласно |в течение |по плану |по графику |по отдельному )))"
)
# What the body of a reference («по …», «в соответствии с …») starts with, per kind
_BODY_SEPARATE_SCHEDULE = re.compile(r"(отдельному |спец\.? ?)?график\w*$")
_BODY_SEPARATE_PLAN = re.compile(r"(отдельному )?план")
_BODY_CONDITIONAL = re.compile(r"(мере|согласованию)(?![а-я])")
_BODY_EXTERNAL = re.compile(
    r"(отдельн\w* |согласованн\w* |утвержденн\w* |установленн\w* )?"
    r"(график|порядк|расписани|приказ|срок|циклограмм|план|регламент|распоряжени|письм|"
    r"поручени|требовани|рекомендаци|методическ|федеральн|указани|решени|нормативн|"
    r"согласованному|графику|отдельному|спец)"
)
_CONDITIONAL_START = _rx(r"(по мере |при необходимости|по согласованию |при наличии |в случае )")
_PER_EXAM = _rx(r"для (гиа~-?~(?:9|11)|гиа|егэ|огэ|гвэ)~:")
_WINDOW_START = _rx(_MONTH)


def _unit(word: str) -> Unit:
    if word.startswith("рабоч"):
        return Unit.WORKING_DAY
    if word.startswith("календарн"):
        return Unit.CALENDAR_DAY
    if word.startswith("недел"):
        return Unit.WEEK
    if word.startswith("месяц"):
        return Unit.MONTH
    return Unit.DAY


def _inclusive(flag: str | None) -> bool:
    """«исключительно» / «не включительно» → False; nothing or «включительно» → True (the default)."""
    if flag is None:
        return True
    return _BLANKS.sub(" ", flag) not in ("исключительно", "не включительно")


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _clean_exam(text: str) -> str:
    return re.sub(r"\s*-\s*", "-", text.strip())


def _exams(disp: str) -> tuple[str, ...]:
    parts = re.split(r"\s*,\s*|\s+и\s+", disp.replace(PARA, " ").strip())
    return tuple(_clean_exam(p) for p in parts if p.strip())


def _stages(low: str) -> tuple[ExamStage, ...]:
    out = []
    for m in re.finditer(r"(досрочн|основн|дополнительн)", low):
        stage = {"досрочн": ExamStage.EARLY, "основн": ExamStage.MAIN, "дополнительн": ExamStage.ADDITIONAL}[
            m.group(1)
        ]
        if stage not in out:
            out.append(stage)
    return tuple(out)


Found: TypeAlias = tuple[Term, int, bool] | None


class _FailError(Exception):
    def __init__(self, pos: int, expected: str) -> None:
        super().__init__(expected)
        self.pos = pos
        self.expected = expected


@attrs.define
class _Item:
    term: Term
    start: int
    end: int
    sep: str  # "" (start), "space", "comma", "hard"
    paren: bool = False
    complete: bool = True


_EXPECTED = (
    "a deadline: a month («ноябрь 2023 года»), a range («август – сентябрь 2023 года»), a date "
    "(«до 17.05.2024»), a period («в течение учебного года», «весь период»), a relative term "
    "(«за 1 рабочий день до дня проведения экзамена») or a reference («по графику ФЦТ»)"
)


class _Parser:
    __slots__ = ("disp", "hard_breaks", "index", "low", "n", "original", "split_mode", "sy")

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

    def run_breaks(self, sep: str, complete: bool) -> bool:
        """In split mode, whether the separator ``sep`` after an item starts a new stacked item."""
        if not self.split_mode:
            return False
        if PARA in sep:
            return True
        return not self.hard_breaks and complete and "," not in sep and ";" not in sep

    # -- helpers ---------------------------------------------------------------------------
    def fail(self, pos: int, expected: str = _EXPECTED) -> _FailError:
        return _FailError(pos, expected)

    def raw(self, start: int, end: int) -> str:
        """The original text of normalised positions ``start:end`` (as :meth:`Normalized.origin`)."""
        index = self.index
        a = index[start] if start < len(index) else len(self.original)
        if end <= start:
            return ""
        b = index[end - 1] + 1 if end - 1 < len(index) else len(self.original) + 1
        return self.original[a:b]

    def text(self, start: int, end: int) -> str:
        s = self.disp[start:end].replace(PARA, " ")
        return _SPACES.sub(" ", s).strip(" ,;.")

    # -- top level ---------------------------------------------------------------------------
    def parse(self, start: int, end: int) -> Term:
        # «для ГИА-9: …» (every per-exam split starts with «для»)
        per = list(_PER_EXAM.finditer(self.low, start, end)) if self.low.find("для", start, end) >= 0 else []
        if per and self.low[start : per[0].start()].strip(" ¶") == "":
            parts: list[tuple[str, Term]] = []
            for k, m in enumerate(per):
                stop = per[k + 1].start() if k + 1 < len(per) else end
                scope = _clean_exam(self.disp[m.start(1) : m.end(1)].replace(PARA, " "))
                sub_end = stop
                while sub_end > m.end() and self.low[sub_end - 1] in " ¶;/,":
                    sub_end -= 1
                parts.append((scope, self.parse(m.end(), sub_end)))
            return PerExam(tuple(parts), raw=self.raw(start, end))
        items = self.items(start, end)
        return self.assemble(items, start, end)

    def assemble(self, items: Sequence[_Item], start: int, end: int) -> Term:
        if len(items) == 1:  # nothing to merge with
            return items[0].term
        merged: list[_Item] = []
        for item in items:
            if merged and (item.paren or isinstance(item.term, REFERENCE_KINDS)):
                prev = merged[-1]
                term = Compound(prev.term, item.term, item.paren, raw=self.raw(prev.start, item.end))
                merged[-1] = _Item(term, prev.start, item.end, prev.sep, complete=True)
            else:
                merged.append(item)
        if not merged:
            raise self.fail(start)
        if len(merged) == 1:
            return merged[0].term
        return TermSequence(tuple(m.term for m in merged), raw=self.raw(start, end))

    def items(self, start: int, end: int) -> list[_Item]:
        out: list[_Item] = []
        low = self.low
        pos = start
        while pos < end:
            m = _RE_SEP.match(low, pos, end) if low[pos] in _SEP_FIRST else None
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
                close = self.matching(pos, end)
                inner_start, inner_end = pos + 1, close
                try:
                    inner = self.parse(inner_start, inner_end)
                except _FailError:
                    inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
                if isinstance(inner, UnparsedTerm | MissingTerm):
                    inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
                out.append(_Item(inner, pos, min(close + 1, end), sep, paren=True))
                pos = min(close + 1, end)
                continue
            item = self.item(pos, end, sep)
            out.append(item)
            if item.end <= pos:
                raise self.fail(pos)
            pos = item.end
        return out

    def matching(self, pos: int, end: int) -> int:
        depth = 0
        for k in range(pos, end):
            if self.low[k] == "(":
                depth += 1
            elif self.low[k] == ")":
                depth -= 1
                if depth == 0:
                    return k
        raise self.fail(end, "«)» closing the parenthesis")

    def item(self, pos: int, end: int, sep: str) -> _Item:
        first = self.low[pos]
        matchers = _DISPATCH.get("0" if first.isdigit() else first)
        if matchers is None:
            raise self.fail(pos)
        for matcher in matchers:
            found = matcher(self, pos, end)
            if found is not None:
                term, stop, complete = found
                return _Item(term, pos, stop, sep, complete=complete)
        raise self.fail(pos)

    # -- matchers: each returns (term, end, complete) or None ------------------------------

    def _match(self, pattern: re.Pattern[str], pos: int, end: int) -> re.Match[str] | None:
        m = pattern.match(self.low, pos, end)
        if m is None:
            return None
        # a match must end at a word boundary
        if m.end() < end and self.low[m.end() - 1].isalnum() and self.low[m.end()].isalnum():
            return None
        return m

    def m_relative(self, pos: int, end: int) -> Found:
        head = _REL_HEAD.match(self.low, pos, end)
        if head is None:
            return None
        for bound, pattern in _REL_BY_HEAD[head.lastindex or 0]:
            m = self._match(pattern, pos, end)
            if m is None:
                continue
            anchor = next(a for i, a in enumerate(ANCHOR_SEARCH_ORDER) if m.group(f"a{i}") is not None)
            if bound.takes_offset:
                offset = int(m.group("n"))
                unit = _unit(m.group("u"))
            else:
                offset, unit = 0, Unit.NONE
            detail = ""
            if m.group("detail"):
                d0, d1 = m.span("detail")
                detail = _clean_exam(self.text(d0, d1))
            return Relative(offset, unit, bound, anchor, detail, raw=self.raw(pos, m.end())), m.end(), True
        return None

    def month_step(self, pos: int, end: int) -> tuple[int, int | None, int, int, int] | None:
        """A month reference at ``pos`` and what follows it, or None.

        Returns ``(month, year or None, stop, dash_end, sep_end)``: the reference ends at ``stop``;
        ``dash_end`` is the end of a dash after it (-1 when none); ``sep_end`` the end of the
        separators after it (-1 when a dash follows instead: no further month can follow then).
        """
        if pos >= end:
            return None
        m = _RE_MONTH_STEP.match(self.low, pos, end)
        if m is None:
            return None
        name, _, comma, year_text, mark, dash_digit, dash, _ = m.groups()
        month = MONTH_FORMS[name]
        if year_text is None:  # no year: what follows was matched after the month
            year = None
        # «Январь – февраль, 2024 г.»: a comma before the year only with a year marker; a year
        # followed by a dash and a digit starts a school year («май 2023-2024»), not this month's
        elif (comma is None or mark is not None) and dash_digit is None:
            year = int(year_text)
        else:  # the year is not this month's: look again at what follows the month
            stop = m.end(1)
            d = _RE_DASH.match(self.low, stop, end)
            if d is not None:
                return month, None, stop, d.end(), -1
            s = _RE_SEP.match(self.low, stop, end)
            return month, None, stop, -1, s.end() if s else stop
        if dash is not None:
            return month, year, m.start(7), m.end(7), -1
        return month, year, m.start(8), -1, m.end(8)

    def m_per_window_run(self, pos: int, end: int) -> Found:
        """A run of months and month ranges, with juxtaposition, commas, parentheses."""
        ref = self.month_step(pos, end)
        if ref is None:
            return None
        low = self.low
        split_mode = self.split_mode
        entries: list[tuple[int, int | None]] = []  # (month, year); month 0: a year from a note
        # segments (a parenthesis closes one); per item: (entry, range end entry or -1, start, end)
        seg: list[tuple[int, int, int, int]] = []
        segments = [seg]
        qualifiers: list[_Item] = []
        cursor = pos
        last_end = pos
        complete = True
        while True:
            # ``ref`` is the month reference at ``cursor``
            month, year, stop, dash_end, nxt = ref
            first = len(entries)
            entries.append((month, year))
            second = -1
            complete = year is not None
            if dash_end >= 0:
                ref2 = self.month_step(dash_end, end)
                if ref2 is not None:
                    second = first + 1
                    entries.append((ref2[0], ref2[1]))
                    stop = ref2[2]
                    nxt = ref2[4]
                    complete = ref2[1] is not None
            seg.append((first, second, cursor, stop))
            last_end = stop
            if nxt < 0:  # a dash that no month follows: the run ends
                break
            # after the separators, maybe a parenthesis, then maybe another month
            if nxt < end and low[nxt] == "(":
                close = self.matching(nxt, end)
                inner_start, inner_end = nxt + 1, close
                try:
                    inner = self.parse(inner_start, inner_end)
                except _FailError:
                    inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
                if isinstance(inner, UnparsedTerm | MissingTerm):
                    inner = Note(self.text(inner_start, inner_end), raw=self.raw(inner_start, inner_end))
                if isinstance(inner, Note):
                    ym = _NOTE_YEAR.search(inner.text.lower())
                    if ym is not None and not complete:
                        entries.append((0, int(ym.group(1))))
                        complete = True
                qualifiers.append(_Item(inner, nxt, close + 1, "", paren=True))
                last_end = close + 1
                s = _RE_SEP.match(low, last_end, end)
                nxt = s.end() if s else last_end
                ref = self.month_step(nxt, end)
                if ref is None or (split_mode and self.run_breaks(low[last_end:nxt], complete)):
                    break
                seg = []
                segments.append(seg)
                cursor = nxt
                continue
            ref = self.month_step(nxt, end)
            if ref is None or (split_mode and self.run_breaks(low[stop:nxt], complete)):
                break
            cursor = nxt
        refs = self._assign(entries)
        raw = self.raw
        if len(segments) == 1 and len(seg) == 1 and not qualifiers:  # one month or one range
            first, second, a, b = seg[0]
            if second < 0:
                return Month(refs[first], raw=raw(a, b)), last_end, complete
            start_ref = range_start(refs[first], refs[second])
            return MonthRange(start_ref, refs[second], raw=raw(a, b)), last_end, complete
        terms: list[Term] = []
        for k, seg in enumerate(segments):
            seg_start, seg_end = seg[0][2], seg[-1][3]
            base: Term
            if len(seg) == 1:  # one item: its raw text is the segment's
                first, second, a, b = seg[0]
                if second < 0:
                    base = Month(refs[first], raw=raw(a, b))
                else:
                    base = MonthRange(range_start(refs[first], refs[second]), refs[second], raw=raw(a, b))
            elif all(item[1] < 0 for item in seg):  # a list of single months
                base = MonthList(tuple(refs[item[0]] for item in seg), raw=raw(seg_start, seg_end))
            else:
                items: list[Month | MonthRange] = []
                for first, second, a, b in seg:
                    if second < 0:
                        items.append(Month(refs[first], raw=raw(a, b)))
                    else:
                        start_ref = range_start(refs[first], refs[second])
                        items.append(MonthRange(start_ref, refs[second], raw=raw(a, b)))
                base = PeriodList(tuple(items), raw=raw(seg_start, seg_end))
            if k < len(qualifiers):
                qual = qualifiers[k]
                base = Compound(base, qual.term, True, raw=raw(seg_start, qual.end))
            terms.append(base)
        term = terms[0] if len(terms) == 1 else TermSequence(tuple(terms), raw=raw(pos, last_end))
        return term, last_end, complete

    def _assign(self, entries: Sequence[tuple[int, int | None]]) -> list[MonthRef]:
        """Month references for ``(month, year)`` entries (month 0: a year written in a note), the
        year written once at the end applying leftwards and rolling back across New Year."""
        return _years_leftwards(entries, self.sy, _month_ref)

    def _date(self, m: re.Match[str], first: int, pos: int) -> dt.date:
        try:
            return dt.date(_year(m.group(first + 2)), int(m.group(first + 1)), int(m.group(first)))
        except ValueError:
            raise self.fail(pos, "a valid calendar date (dd.mm.yyyy)") from None

    def m_by_dates(self, pos: int, end: int) -> Found:
        items: list[ByDate] = []
        cursor = pos
        last = pos
        while True:
            m = self._match(_RE_BY_DATE, cursor, end)
            if m is None:
                bm = self._match(_RE_BY_MONTH, cursor, end) if not items else None
                if bm is not None:
                    month = _month_number(bm.group(2))
                    year = int(bm.group(3)) if bm.group(3) else None
                    ref = self._assign([(month, year)])[0]
                    inclusive = _inclusive(bm.group(4))
                    wording = _BLANKS.sub(" ", bm.group(1))
                    term = ByMonth(ref, inclusive, wording, raw=self.raw(pos, bm.end()))
                    return term, bm.end(), True
                break
            day = self._date(m, 2, cursor)
            inclusive = _inclusive(m.group(5))
            items.append(ByDate(day, inclusive, _BLANKS.sub(" ", m.group(1)), raw=self.raw(cursor, m.end())))
            last = m.end()
            s = _RE_SEP.match(self.low, last, end)
            cursor = s.end() if s else last
            if self.run_breaks(self.low[last:cursor], True):
                break
        if not items:
            return None
        if len(items) == 1:
            return items[0], last, True
        return DateList(tuple(items), raw=self.raw(pos, last)), last, True

    def m_day_range(self, pos: int, end: int) -> Found:
        m = self._match(_RE_DAY_RANGE_NUM, pos, end)
        if m is not None:
            start, stop = self._date(m, 1, pos), self._date(m, 4, pos)
            if stop < start:
                raise self.fail(pos, "a day range whose end is not before its start")
            return DayRange(start, stop, raw=self.raw(pos, m.end())), m.end(), True
        m = self._match(_RE_DAY_RANGE, pos, end)
        if m is None:
            return None
        d1, mon1, y1, d2, mon2, y2 = m.groups()
        month2 = _month_number(mon2)
        month1 = _month_number(mon1) if mon1 else month2
        if y2 is None:
            if self.sy is None:
                raise self.fail(m.end(), "a year after the day range (no school year given)")
            year2 = self.sy.year_of_month(month2)
        else:
            year2 = int(y2)
        year1 = int(y1) if y1 else (year2 if month1 <= month2 else year2 - 1)
        try:
            start, stop = dt.date(year1, month1, int(d1)), dt.date(year2, month2, int(d2))
        except ValueError:
            raise self.fail(pos, "a valid calendar date") from None
        if stop < start:
            raise self.fail(pos, "a day range whose end is not before its start")
        return DayRange(start, stop, raw=self.raw(pos, m.end())), m.end(), True

    def m_school_year(self, pos: int, end: int) -> Found:
        m = self._match(_RE_SY_EXPLICIT, pos, end)
        if m is not None:
            y1, y2 = int(m.group(1)), int(m.group(2))
            marker = m.group(3) or ""
            academic = marker.startswith("уч")
            if not marker:
                # a bare «2023-2024» is read as a school year only at the end of an item
                rest = self.low[m.end() : end].lstrip(" ")
                if rest and rest[0] not in "¶,;(":
                    return None
            term = SchoolYearTerm(y1, y2, True, academic, raw=self.raw(pos, m.end()))
            return term, m.end(), True
        m = self._match(_RE_SY_IMPLICIT, pos, end)
        if m is not None:
            academic = m.group(1) is not None
            start_year = self.sy.start_year if self.sy is not None else None
            end_year = start_year + 1 if start_year is not None else None
            return (
                SchoolYearTerm(start_year, end_year, False, academic, raw=self.raw(pos, m.end())),
                m.end(),
                True,
            )
        return None

    def m_plan_period(self, pos: int, end: int) -> Found:
        for pattern in (_RE_PLAN_PERIOD, _RE_PLAN_PERIOD2):
            m = self._match(pattern, pos, end)
            if m is not None:
                exams = _exams(self.disp[m.start(1) : m.end(1)]) if m.group(1) else ()
                return PlanPeriod(exams, raw=self.raw(pos, m.end())), m.end(), True
        return None

    def m_exam_period(self, pos: int, end: int) -> Found:
        m = self._match(_RE_EXAM_CONDUCT, pos, end)
        phase = ExamPhase.CONDUCT
        if m is None:
            m = self._match(_RE_EXAM_PREP, pos, end)
            phase = ExamPhase.PREPARATION
        if m is not None:
            exams = _exams(self.disp[m.start(1) : m.end(1)])
            return ExamPeriod(phase, (), exams, None, raw=self.raw(pos, m.end())), m.end(), True
        m = self._match(_RE_EXAM_STAGES, pos, end)
        if m is not None:
            stages = _stages(m.group("stages"))
            exams = _exams(self.disp[m.start("exams") : m.end("exams")]) if m.group("exams") else ()
            year = int(m.group("year")) if m.group("year") else None
            return (
                ExamPeriod(ExamPhase.CONDUCT, stages, exams, year, raw=self.raw(pos, m.end())),
                m.end(),
                True,
            )
        return None

    def m_calendar_year(self, pos: int, end: int) -> Found:
        m = self._match(_RE_CAL_YEAR, pos, end)
        if m is None:
            return None
        return CalendarYear(int(m.group(1)), raw=self.raw(pos, m.end())), m.end(), True

    def m_continuous(self, pos: int, end: int) -> Found:
        m = self._match(_RE_CONTINUOUS, pos, end)
        if m is None:
            return None
        return Continuous(m.group(1), raw=self.raw(pos, m.end())), m.end(), True

    def m_recurring(self, pos: int, end: int) -> Found:
        m = self._match(_RE_RECURRING_DAY, pos, end)
        if m is not None:
            day = int(m.group(1))
            if not 1 <= day <= 31:
                raise self.fail(pos, "a day of the month 1..31")
            return Recurring(Frequency.MONTHLY, day, raw=self.raw(pos, m.end())), m.end(), True
        m = self._match(_RE_RECURRING_WORD, pos, end)
        if m is None:
            return None
        freq = {
            "ежедневно": Frequency.DAILY,
            "еженедельно": Frequency.WEEKLY,
            "ежемесячно": Frequency.MONTHLY,
            "ежеквартально": Frequency.QUARTERLY,
            "ежегодно": Frequency.YEARLY,
        }[m.group(1)]
        return Recurring(freq, None, raw=self.raw(pos, m.end())), m.end(), True

    def ref_end(self, start: int, end: int) -> int:
        """Where a free-text reference starting at ``start`` stops."""
        m = _REF_STOP.search(self.low, start, end)
        stop = m.start() if m is not None else end
        while stop > start and self.low[stop - 1] in " ¶,;":
            stop -= 1
        return stop

    def m_conditional(self, pos: int, end: int) -> Found:
        m = self._match(_CONDITIONAL_START, pos, end)
        if m is None:
            return None
        stop = self.ref_end(m.end() - 1 if m.group(1).endswith(" ") else m.end(), end)
        text = self.text(pos, stop)
        text = text[:1].lower() + text[1:]
        return Conditional(text, raw=self.raw(pos, stop)), stop, True

    def m_reference(self, pos: int, end: int) -> Found:
        m = self._match(_REF_START, pos, end)
        if m is not None:
            prep = _BLANKS.sub(" ", m.group(1))
            body_start = m.end()
            while body_start < end and self.low[body_start] in " ¶":
                body_start += 1
            stop = self.ref_end(body_start + 1, end)
            if stop <= body_start:
                return None
            body_low = self.low[body_start:stop]
            text = self.text(body_start, stop)
            raw = self.raw(pos, stop)
            if _BODY_SEPARATE_SCHEDULE.match(body_low):
                return SeparateSchedule(prep, text, raw=raw), stop, True
            if _BODY_SEPARATE_PLAN.match(body_low):
                return SeparatePlan(prep, text, raw=raw), stop, True
            if body_low.startswith("запрос") and prep == "по":
                return OnRequest(text, raw=raw), stop, True
            if _BODY_CONDITIONAL.match(body_low):
                return None
            if not _BODY_EXTERNAL.match(body_low):
                return None
            return ExternalSchedule(prep, text, raw=raw), stop, True
        m = self._match(_REF_TERMS, pos, end)
        if m is not None:
            prep = _BLANKS.sub(" ", m.group(1))
            body_start = m.end()
            while body_start < end and self.low[body_start] in " ¶,":
                body_start += 1
            stop = self.ref_end(body_start, end) if body_start < end else end
            text = self.text(body_start, stop) if stop > body_start else ""
            stop = max(stop, m.end())
            return ExternalSchedule(prep, text, raw=self.raw(pos, stop)), stop, True
        m = self._match(_REF_BARE, pos, end)
        if m is not None:
            stop = self.ref_end(pos + 1, end)
            text = self.text(pos, stop)
            text = text[:1].lower() + text[1:]
            return ExternalSchedule("", text, raw=self.raw(pos, stop)), stop, True
        return None

    def m_season(self, pos: int, end: int) -> Found:
        m = self._match(_RE_SEASON, pos, end)
        if m is None:
            return None
        word = m.group(1)
        season = (
            Season.WINTER
            if word.startswith("зим")
            else Season.SPRING
            if word.startswith("весн")
            else Season.SUMMER
            if word.startswith("лет")
            else Season.AUTUMN
        )
        if m.group(2):
            term = SeasonTerm(season, int(m.group(2)), YearOrigin.WRITTEN, raw=self.raw(pos, m.end()))
        elif self.sy is not None:
            year = self.sy.year_of_month(season.value)
            term = SeasonTerm(season, year, YearOrigin.SCHOOL_YEAR, raw=self.raw(pos, m.end()))
        else:
            term = SeasonTerm(season, None, YearOrigin.NONE, raw=self.raw(pos, m.end()))
        return term, m.end(), True

    def m_quarter(self, pos: int, end: int) -> Found:
        m = self._match(_RE_QUARTER, pos, end)
        if m is None:
            return None
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group(1)) or int(m.group(1))
        if m.group(2):
            term = QuarterTerm(q, int(m.group(2)), YearOrigin.WRITTEN, raw=self.raw(pos, m.end()))
        elif self.sy is not None:
            year = self.sy.year_of_month(3 * q - 2)
            term = QuarterTerm(q, year, YearOrigin.SCHOOL_YEAR, raw=self.raw(pos, m.end()))
        else:
            term = QuarterTerm(q, None, YearOrigin.NONE, raw=self.raw(pos, m.end()))
        return term, m.end(), True

    def m_exact_date(self, pos: int, end: int) -> Found:
        m = self._match(_RE_EXACT_DATE, pos, end)
        if m is None:
            return None
        return ExactDate(self._date(m, 1, pos), raw=self.raw(pos, m.end())), m.end(), True


# Which matchers can start with a given first character ("0" = any digit), in priority order.
_MATCHER_STARTS: tuple[tuple[str, str], ...] = (
    ("m_relative", "нзвчдпс"),
    ("m_per_window_run", "яфмаисонд"),
    ("m_by_dates", "вндпк"),
    ("m_day_range", "с"),
    ("m_school_year", "вн0"),
    ("m_plan_period", "вн"),
    ("m_exam_period", "впдо"),
    ("m_calendar_year", "вн0"),
    ("m_continuous", "пк"),
    ("m_recurring", "едн"),
    ("m_conditional", "пв"),
    ("m_reference", "всопгрц"),
    ("m_season", "звло"),
    ("m_quarter", "iv0"),
    ("m_exact_date", "0"),
)
_DISPATCH: dict[str, tuple[Callable[[_Parser, int, int], Found], ...]] = {}
for _name, _starts in _MATCHER_STARTS:
    for _c in _starts:
        _DISPATCH[_c] = (*_DISPATCH.get(_c, ()), getattr(_Parser, _name))


def _is_blank(norm: Normalized) -> bool:
    return norm.low.strip(" ¶,;.-") == ""


_SCHOOL_YEARS: dict[int, SchoolYear] = {}


def _school_year(start_year: int) -> SchoolYear:
    """``SchoolYear(start_year)``, shared: school years are immutable values."""
    found = _SCHOOL_YEARS.get(start_year)
    if found is None:
        found = SchoolYear(start_year)  # raises for an invalid year, as before
        if len(_SCHOOL_YEARS) < 256:
            _SCHOOL_YEARS[start_year] = found
    return found


def parse_term(text: str, *, school_year: SchoolYear | int | None = None, strict: bool = False) -> Term:
    """Read one deadline cell into a term.

    Args:
        text: the cell text as found (tags, newlines and typos allowed).
        school_year: the plan's school year (a :class:`SchoolYear` or its start year); months
            written without a year take their year from it, and implicit «в течение года» is
            bound to it. Without it such years stay None (resolved later).
        strict: raise :class:`~gia_roadmap.errors.TermSyntaxError` instead of returning
            :class:`UnparsedTerm`.

    Returns:
        The term; :class:`MissingTerm` for an empty cell; :class:`UnparsedTerm` (lenient mode)
        when no rule fits. Lenient mode never raises.
    """
    if isinstance(school_year, int) and not isinstance(school_year, bool):
        school_year = _school_year(school_year)
    if strict:
        return _parse(text, school_year if isinstance(school_year, SchoolYear) else None, strict=True)
    try:
        return _parse(text, school_year if isinstance(school_year, SchoolYear) else None, strict=False)
    except Exception as exc:  # pragma: no cover - lenient mode must never raise
        return UnparsedTerm(str(text), 0, f"internal error: {type(exc).__name__}: {exc}")


def _parse(text: str, school_year: SchoolYear | None, *, strict: bool) -> Term:
    if not isinstance(text, str):
        if strict:
            raise InvalidTypeError(f"deadline text must be str, got {type(text).__name__}")
        return UnparsedTerm(repr(text), 0, "not a string")
    norm = normalize(text)
    if _is_blank(norm):
        return MissingTerm(raw=text)
    parser = _Parser(norm, school_year)
    try:
        term = parser.parse(0, len(norm.low))
    except _FailError as fail:
        position = norm.origin(fail.pos)
        if strict:
            raise TermSyntaxError(text, position, fail.expected) from None
        return UnparsedTerm(text, position, f"expected {fail.expected}")
    return _with_raw(term, text)


def _with_raw(term: Term, text: str) -> Term:
    if isinstance(term, UnparsedTerm) or term.raw == text:
        return term
    return attrs.evolve(term, raw=text)


def split_terms(text: str) -> tuple[str, ...]:
    """Cut a stacked cell into its items, as substrings of the original text (tags removed).

    When the cell has hard breaks (``<p>`` and other block tags, double spaces, blank lines), the
    items are exactly the pieces between them. Otherwise items are separated by nothing at all
    between complete items («август 2024 года сентябрь– октябрь 2024»). Comma-joined parts
    stay together («до 01.11.2023, до 20.04.2024», «декабрь 2023, февраль, август 2024»), as do a
    term and its qualifier («в течение учебного года по плану ИРОК»). A month without a year never
    ends an item (the year written later belongs to it). Text that cannot be read is split at
    hard breaks only.
    """
    norm = normalize(text)
    if _is_blank(norm):
        return ()
    parser = _Parser(norm, None)
    parser.split_mode = True
    end = len(norm.low)
    groups: list[tuple[int, int]] = []
    try:
        per = list(_PER_EXAM.finditer(norm.low))
        if per and norm.low[: per[0].start()].strip(" ¶") == "":
            for k, m in enumerate(per):
                stop = per[k + 1].start() if k + 1 < len(per) else end
                groups.append((m.start(), stop))
        else:
            items = parser.items(0, end)
            hard_breaks = PARA in norm.low
            prev: _Item | None = None
            for item in items:
                if hard_breaks:
                    joins = prev is not None and item.sep != "hard"
                else:
                    joins = prev is not None and (
                        item.paren
                        or isinstance(item.term, REFERENCE_KINDS)
                        or item.sep == "comma"
                        or (item.sep == "space" and not prev.complete)
                    )
                if joins and groups:
                    groups[-1] = (groups[-1][0], item.end)
                else:
                    groups.append((item.start, item.end))
                prev = item
    except _FailError:
        groups = []
        start = 0
        for k, c in enumerate(norm.low + PARA):
            if c == PARA:
                if norm.low[start:k].strip(" ,;"):
                    groups.append((start, k))
                start = k + 1
    out = []
    for a, b in groups:
        while b > a and norm.low[b - 1] in " ¶,;/":
            b -= 1
        piece = _TAG.sub(" ", parser.raw(a, b))
        piece = re.sub(r"\s+", " ", piece).strip(" ,;")
        if piece:
            out.append(piece)
    return tuple(out)
