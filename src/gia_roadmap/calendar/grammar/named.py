"""Productions of named periods and of references: school and calendar years, the plan period, the
exam campaign and its stages, seasons, quarters, half-years and parts of a month; continuous activity,
conditions, external schedules, separate plans and requests.

::

    school_year   := [«в течение» | «в» | «на»] YYYY («-» | «/») YYYY [«учебного года» | «уч. г.» | «гг.»]
                   | («в течение» | «в») [«учебного»] «года»
    calendar_year := [«в течение» | «в» | «на»] YYYY year_mark
    plan_period   := [«в течение»] («весь» | «всего») «период» [«подготовки и проведения» exams]
    exam_period   := («в период» | «во время» | «в ходе» | «при») «проведени…» exams
                   | [«в период»] stage («,» | «и» stage)* («этап» | «период») [exams] [year]
    season        := «зима» | «весна» | «лето» | «осень» (any case) [year]
    quarter       := (1–4 | I–IV) [«-й»] «квартал» [year]
    half_year     := (1–2 | I–II) «полугодие» [year | school_year]    no year or a school year: the school's
    period_end    := («до конца» | «к концу» | «до окончания» | «в конце» | «на конец» | «после окончания»
                     | «по окончании» | «по итогам» …) (calendar year | half_year | quarter | explicit school
                     year | [«текущего»] «месяца» | «квартала»)
    month_part    := [«в»] («начало» | «середина» | «конец» | («первая» | «вторая») «половина») month_genitive
                     [year]
                   | [«в»] (1–3 | I–III) [«-я»] «декада» month_genitive [year]
                   | [«в» | «на» | «в течение»] (1–4 | I–IV | «последняя») [«-я»] «неделя» month_genitive
                     [year]                            (any case: «в первую неделю», «на 2-й неделе»)
    continuous    := «постоянно» | «круглогодично»
    conditional   := «по мере …» | «при необходимости» | «по согласованию …» | «при наличии …»
                   | «в случае …»
    reference     := («по» | «согласно» | «в соответствии с») schedule_or_plan_words …
                   | «в установленные сроки»
"""

from __future__ import annotations

import re

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.grammar.lexicon import (
    BLANKS,
    EXAMS,
    EXAMS_NC,
    MONTH,
    MONTH_GEN,
    ORDINAL,
    STAGE_ADJ,
    TIME_AHEAD,
    YEAR,
    YEAR_MARK,
    clean_exam,
    exams,
    month_number,
    ordinal_value,
    rx,
    stages,
)
from gia_roadmap.calendar.grammar.months import assign
from gia_roadmap.calendar.grammar.reader import Found, Reader
from gia_roadmap.calendar.terms import (
    Bound,
    CalendarYear,
    Conditional,
    Continuous,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    Frequency,
    HalfYearTerm,
    MonthPart,
    OnRequest,
    PartOfMonth,
    PeriodEnd,
    PlanPeriod,
    QuarterTerm,
    Recurring,
    Relative,
    SchoolYearTerm,
    Season,
    SeasonTerm,
    SeparatePlan,
    SeparateSchedule,
    Unit,
    YearOrigin,
)
from gia_roadmap.text import month_adjective_pattern

__all__ = [
    "m_calendar_year",
    "m_conditional",
    "m_continuous",
    "m_exam_period",
    "m_half_year",
    "m_month_part",
    "m_period_end",
    "m_plan_period",
    "m_quarter",
    "m_reference",
    "m_school_year",
    "m_season",
]

_YEAR_OPT = r"(?:~" + YEAR + r"(?:~" + YEAR_MARK + r")?)?"
_RE_SY_EXPLICIT = rx(
    r"(?:(?:в течение|в|на) )?"
    + YEAR
    + r"~[-/]~"
    + r"((?:19|20)?\d\d)(?![\d])"
    + r"(?:~(учебн(?:ого|ый|ом|ые|ых) (?:года|году|годов|годы|год)|уч\.?~г(?:ода|од|г)?\.?|"
    + YEAR_MARK
    + r"|годы|годах))?"
)
_RE_SY_IMPLICIT = rx(
    r"(?:(?:в течение|в|на протяжении) (?:учебного )?(?:года|году)"
    r"|(?:в течение|на протяжении) всего (?:учебного )?года"
    r"|(?:на )?(?:весь|целый) (?:учебный )?год)(?![а-я])"
)
_RE_CAL_YEAR = rx(r"(?:(?:в течение|в|на) )?" + YEAR + r"~" + YEAR_MARK)
_RE_PLAN_PERIOD = rx(
    r"(?:(?:в течение|на протяжении) )?(?:весь|всего) период(?:а)?(?: подготовки (?:и проведения |к~)"
    + EXAMS
    + r")?(?![а-я])"
)
_RE_PLAN_PERIOD2 = rx(r"(?:в|на) период подготовки и проведения " + EXAMS)
_RE_EXAM_CONDUCT = rx(
    r"(?:(?:в период|во время|в течение|в ходе|на период) проведения|при проведении) " + EXAMS
)
_RE_ONE_SUBJECT = rx(
    r" по (?!графику|плану|запрос|отдельн|мере|согласовани|итогам|окончани|завершени)(?=[а-я])"
)
"""A subject after an exam's name («ЕГЭ по математике»), not a reference or a condition («по графику»)."""
_RE_EXAM_PREP = rx(r"(?:в период|во время|в ходе) подготовки (?:к~)?" + EXAMS)
_RE_EXAM_STAGES = rx(
    r"(?:в период |в )?(?P<stages>"
    + STAGE_ADJ
    + r"(?:(?:~,~| и )"
    + STAGE_ADJ
    + r")*)"
    + r"(?:~\(~"
    + month_adjective_pattern(9)
    + r"~\))? (?:этап|период)\w*(?: проведения)?(?: (?P<exams>"
    + EXAMS_NC
    + r"))?"
    + r"(?:~,?~(?:в )?(?P<year>(?:19|20)\d\d)(?![\d])(?![ ¶]*[-/])(?:~"
    + YEAR_MARK
    + r")?)?"
)
_RE_CONTINUOUS = rx(r"(постоянно|круглогодично)(?![а-я])")
_RE_SEASON = rx(
    r"(?:(?:в|во) )?(зим[аоуе]й?|весн[аоуе]й?|лет[оау]м?|осен[ьи]ю?"
    r"|(?:зимн|весенн|летн|осенн)(?:ий период|ем периоде))(?![а-я])" + _YEAR_OPT
)
_RE_QUARTER = rx(
    r"(?:(?:в|во|в течение) )?"
    + ORDINAL
    + r"~(?:-?(?:й|го|ом|ый))? квартал(?:а|е|у|ом)?(?![а-я])"
    + _YEAR_OPT
)
_RE_HALF_YEAR = rx(
    r"(?:(?:в|во|в течение) )?"
    + ORDINAL
    + r"~(?:-?(?:е|го|ом|ое))? полугоди(?:е|я|и|ю|ем)(?![а-я])"
    + r"(?:~(?P<sy1>(?:19|20)\d\d)~[-/]~(?P<sy2>(?:19|20)?\d\d)(?![\d])"
    + r"~(?:учебн(?:ого|ом|ый) (?:года|году|год)"
    + r"|уч\.?~г(?:ода|од)?\.?)(?![а-я])|~(?P<cy>(?:19|20)\d\d)(?![\d])(?:~"
    + YEAR_MARK
    + r")?)?"
)
_RE_END_HEAD = rx(
    r"(?:((?:до|не позднее|в срок до) (?:конца|окончания|завершения)|(?:к|ко) (?:концу|окончанию|завершению))"
    r"|((?:в|на) (?:конце|конец))"
    r"|(после (?:окончания|завершения|истечения)|по (?:окончании|завершении|истечении|итогам))) "
)
_END_BOUNDS = (Bound.UNTIL, Bound.ON, Bound.AFTER)
_RE_EVERY = rx(r"(?:текущего |каждого |отчетного )?(месяца|квартала)(?![а-я])")
_PARTS = (
    ("начал", PartOfMonth.BEGINNING),
    ("середин", PartOfMonth.MIDDLE),
    ("кон", PartOfMonth.END),
    ("перв", PartOfMonth.FIRST_HALF),
    ("втор", PartOfMonth.SECOND_HALF),
)
_RE_MONTH_PART = rx(
    r"(?:(?:в|во) )?(?:(начал[оеау]|середин[аеуы]|конец|конце|конца|(?:перв|втор)(?:ая|ой|ую) половин[аеуы])"
    r"|" + ORDINAL + r"~(?:-?(?:я|й|ей|ой|ю))? декад\w*) " + MONTH_GEN + _YEAR_OPT
)
_RE_MONTH_WEEK = rx(
    r"(?:(?:в|во|на|в течение) )?(?:"
    + ORDINAL
    + r"|(последн(?:яя|юю|ей|ее)))~(?:-?(?:я|ю|й|ей|ой))? недел(?:я|ю|е|и)(?![а-я]) "
    + MONTH_GEN
    + _YEAR_OPT
)
_WEEKS = (PartOfMonth.FIRST_WEEK, PartOfMonth.SECOND_WEEK, PartOfMonth.THIRD_WEEK, PartOfMonth.FOURTH_WEEK)

_REF_START = rx(r"(в соответствии со|в соответствии с|согласно|по)(?= )")
_REF_TERMS = rx(
    r"(в (?:установленные|утвержденные|устанавливаемые|определенные) (?:\w+ )?сроки|в сроки"
    r"|в (?:установленный|утвержденный|определенный) (?:\w+ )?срок"
    r"|в срок(?=~,| (?:установленн|утвержденн|определенн|предусмотренн)))(?![а-я])"
)
_REF_TIME_FIRST = rx(TIME_AHEAD)
_REF_BARE = rx(r"(отдельн\w+ график\w*|приказ\w*|график\w*|расписани\w+|циклограмм\w+|порядк\w+)(?![а-я])")
# (every alternative starts with a blank, «¶», «,», «(» or «)»: the leading lookahead says so, which
# lets a search skip other characters quickly)
_REF_STOP = rx(
    r"(?=[ ¶,()])(?:~\(|~\)|¶|,~(?=(?:"
    + MONTH
    + r"|(?:19|20)\d\d|в течение|весь|всего|в период|до |на период|дополнительн|"
    r"досрочн|основн|в соответствии|согласно|по (?:графику|плану|запрос|отдельн)|постоянно|"
    + TIME_AHEAD
    + r"))"
    r"| (?=(?:в соответствии с|согласно |в течение |по плану |по графику |по отдельному |"
    + TIME_AHEAD
    + r")))"
)
# What the body of a reference («по …», «в соответствии с …») starts with, per kind
_BODY_SEPARATE_SCHEDULE = re.compile(r"(отдельному |спец\.? ?)?график\w*$")
_BODY_SEPARATE_PLAN = re.compile(r"(отдельному )?план")
_BODY_CONDITIONAL = re.compile(r"(мере|согласованию)(?![а-я])")
_BODY_EXTERNAL = re.compile(
    r"(отдельн\w* |согласованн\w* |утвержденн\w* |установленн\w* |един\w* )?"
    r"(график|порядк|расписани|приказ|срок|циклограмм|план|регламент|распоряжени|письм|"
    r"поручени|требовани|рекомендаци|методическ|федеральн|указани|решени|нормативн|"
    r"согласованному|графику|отдельному|спец)"
)
_CONDITIONAL_START = rx(r"(по мере |при необходимости|по согласованию |при наличии |в случае )")


def m_school_year(p: Reader, pos: int, end: int) -> Found:
    """An explicit or implicit school year."""
    m = p.match(_RE_SY_EXPLICIT, pos, end)
    if m is not None:
        y1, y2 = int(m.group(1)), int(m.group(2))
        if len(m.group(2)) == 2:  # «2023/24»: the end year's last two digits
            if y2 != (y1 + 1) % 100:
                return None
            y2 = y1 + 1
        marker = m.group(3) or ""
        academic = marker.startswith("уч")
        if not marker:
            # a bare «2023-2024» is read as a school year only at the end of an item
            rest = p.low[m.end() : end].lstrip(" ")
            if rest and rest[0] not in "¶,;(":
                return None
        term = SchoolYearTerm(y1, y2, True, academic, raw=p.raw(pos, m.end()))
        return term, m.end(), True
    m = p.match(_RE_SY_IMPLICIT, pos, end)
    if m is not None:
        academic = "учебн" in m.group()
        start_year = p.sy.start_year if p.sy is not None else None
        end_year = start_year + 1 if start_year is not None else None
        return SchoolYearTerm(start_year, end_year, False, academic, raw=p.raw(pos, m.end())), m.end(), True
    return None


def m_plan_period(p: Reader, pos: int, end: int) -> Found:
    """«весь период», «в течение всего периода подготовки и проведения ГИА»."""
    for pattern in (_RE_PLAN_PERIOD, _RE_PLAN_PERIOD2):
        m = p.match(pattern, pos, end)
        if m is not None:
            found = exams(p.disp[m.start(1) : m.end(1)]) if m.group(1) else ()
            return PlanPeriod(found, raw=p.raw(pos, m.end())), m.end(), True
    return None


def m_exam_period(p: Reader, pos: int, end: int) -> Found:
    """The exam campaign or its stages."""
    m = p.match(_RE_EXAM_CONDUCT, pos, end)
    phase = ExamPhase.CONDUCT
    if m is None:
        m = p.match(_RE_EXAM_PREP, pos, end)
        phase = ExamPhase.PREPARATION
    if m is not None:
        if phase is ExamPhase.CONDUCT and p.match(_RE_ONE_SUBJECT, m.end(), end) is not None:
            # «в период проведения ЕГЭ по математике»: one subject's exam is held on its days
            stop = ref_end(p, m.end(), end)
            detail = clean_exam(p.text(m.start(1), stop))
            return Relative(0, Unit.NONE, Bound.ON, Anchor.EXAM_DAY, detail, raw=p.raw(pos, stop)), stop, True
        found = exams(p.disp[m.start(1) : m.end(1)])
        return ExamPeriod(phase, (), found, None, raw=p.raw(pos, m.end())), m.end(), True
    m = p.match(_RE_EXAM_STAGES, pos, end)
    if m is not None:
        named = exams(p.disp[m.start("exams") : m.end("exams")]) if m.group("exams") else ()
        year = int(m.group("year")) if m.group("year") else None
        term = ExamPeriod(ExamPhase.CONDUCT, stages(m.group("stages")), named, year, raw=p.raw(pos, m.end()))
        return term, m.end(), True
    return None


def m_calendar_year(p: Reader, pos: int, end: int) -> Found:
    """«в течение 2023 года», «2022 г.»."""
    m = p.match(_RE_CAL_YEAR, pos, end)
    if m is None:
        return None
    return CalendarYear(int(m.group(1)), raw=p.raw(pos, m.end())), m.end(), True


def m_continuous(p: Reader, pos: int, end: int) -> Found:
    """«постоянно», «круглогодично»."""
    m = p.match(_RE_CONTINUOUS, pos, end)
    if m is None:
        return None
    return Continuous(m.group(1), raw=p.raw(pos, m.end())), m.end(), True


def _year_of(p: Reader, written: str | None, month: int) -> tuple[int | None, YearOrigin]:
    if written:
        return int(written), YearOrigin.WRITTEN
    if p.sy is not None:
        return p.sy.year_of_month(month), YearOrigin.SCHOOL_YEAR
    return None, YearOrigin.NONE


def m_season(p: Reader, pos: int, end: int) -> Found:
    """«осень 2022 года», «весной», «в летний период»."""
    m = p.match(_RE_SEASON, pos, end)
    if m is None:
        return None
    word = m.group(1)
    season = (
        Season.WINTER
        if word.startswith("зим")
        else Season.SPRING
        if word.startswith(("весн", "весен"))
        else Season.SUMMER
        if word.startswith("лет")
        else Season.AUTUMN
    )
    year, origin = _year_of(p, m.group(2), season.value)
    return SeasonTerm(season, year, origin, raw=p.raw(pos, m.end())), m.end(), True


def m_quarter(p: Reader, pos: int, end: int) -> Found:
    """«I квартал 2024 года», «во 2-м квартале»."""
    m = p.match(_RE_QUARTER, pos, end)
    if m is None:
        return None
    q = ordinal_value(m.group(1))
    if not 1 <= q <= 4:
        return None
    year, origin = _year_of(p, m.group(2), 3 * q - 2)
    return QuarterTerm(q, year, origin, raw=p.raw(pos, m.end())), m.end(), True


def m_half_year(p: Reader, pos: int, end: int) -> Found:
    """«1 полугодие 2024 года» (the calendar's), «во II полугодии», «I полугодие 2023/24 учебного года»
    (the school's: no year, or a school year, written; see :class:`HalfYearTerm`)."""
    m = p.match(_RE_HALF_YEAR, pos, end)
    if m is None:
        return None
    half = ordinal_value(m.group(1))
    if not 1 <= half <= 2:
        return None
    raw = p.raw(pos, m.end())
    if m.group("cy"):
        return HalfYearTerm(half, int(m.group("cy")), YearOrigin.WRITTEN, raw=raw), m.end(), True
    if m.group("sy1"):
        first, last = int(m.group("sy1")), int(m.group("sy2"))
        if last != (first + 1 if len(m.group("sy2")) == 4 else (first + 1) % 100):
            return None  # «2023/25»: not one school year
        term = HalfYearTerm(half, int(m.group("sy1")), YearOrigin.WRITTEN, raw=raw, school=True)
        return term, m.end(), True
    if p.sy is not None:
        term = HalfYearTerm(half, p.sy.start_year, YearOrigin.SCHOOL_YEAR, raw=raw, school=True)
    else:
        term = HalfYearTerm(half, None, YearOrigin.NONE, raw=raw, school=True)
    return term, m.end(), True


def m_period_end(p: Reader, pos: int, end: int) -> Found:
    """«до конца 2023 года», «к концу I полугодия», «в конце I квартала 2024 года», «после окончания I
    полугодия», «до конца 2023/24 учебного года», «до конца месяца» (every month)."""
    head = p.match(_RE_END_HEAD, pos, end)
    if head is None:
        return None
    bound = _END_BOUNDS[(head.lastindex or 1) - 1]
    at = head.end()
    every = p.match(_RE_EVERY, at, end)
    if every is not None:
        frequency = Frequency.MONTHLY if every.group(1) == "месяца" else Frequency.QUARTERLY
        period = Recurring(frequency, raw=p.raw(at, every.end()))
        return PeriodEnd(bound, period, raw=p.raw(pos, every.end())), every.end(), True
    for production in (m_school_year, m_half_year, m_quarter, m_calendar_year):
        found = production(p, at, end)
        if found is None:
            continue
        term, stop, _ = found
        if isinstance(term, SchoolYearTerm) and not term.explicit:
            return None
        return PeriodEnd(bound, term, raw=p.raw(pos, stop)), stop, True
    return None


def m_month_part(p: Reader, pos: int, end: int) -> Found:
    """«в начале марта», «конец декабря 2024 года», «2-я декада мая», «во второй половине апреля»,
    «в первую неделю сентября», «последняя неделя мая»."""
    m = p.match(_RE_MONTH_PART, pos, end)
    if m is None:
        return _month_week(p, pos, end)
    if m.group(1):
        part = next(part for stem, part in _PARTS if m.group(1).startswith(stem))
    else:
        decade = ordinal_value(m.group(2))
        if not 1 <= decade <= 3:
            return None
        part = (PartOfMonth.FIRST_DECADE, PartOfMonth.SECOND_DECADE, PartOfMonth.THIRD_DECADE)[decade - 1]
    month = month_number(m.group(3))
    ref = assign(p, [(month, int(m.group(4)) if m.group(4) else None)])[0]
    return MonthPart(part, ref, raw=p.raw(pos, m.end())), m.end(), m.group(4) is not None


def _month_week(p: Reader, pos: int, end: int) -> Found:
    """«первая неделя сентября», «в последнюю неделю мая 2024 года», «на 2-й неделе апреля»."""
    m = p.match(_RE_MONTH_WEEK, pos, end)
    if m is None:
        return None
    if m.group(2) is not None:
        part = PartOfMonth.LAST_WEEK
    else:
        week = ordinal_value(m.group(1))
        if not 1 <= week <= len(_WEEKS):
            return None
        part = _WEEKS[week - 1]
    month = month_number(m.group(3))
    ref = assign(p, [(month, int(m.group(4)) if m.group(4) else None)])[0]
    return MonthPart(part, ref, raw=p.raw(pos, m.end())), m.end(), m.group(4) is not None


def ref_end(p: Reader, start: int, end: int) -> int:
    """Where a free-text reference starting at ``start`` stops.

    A time of day stops it even where the reference has no words yet («в установленные сроки до 18:00»:
    the time qualifies the term and the reference's text is empty)."""
    if p.match(_REF_TIME_FIRST, start, end) is not None:
        return start
    m = _REF_STOP.search(p.low, start, end)
    stop = m.start() if m is not None else end
    while stop > start and p.low[stop - 1] in " ¶,;":
        stop -= 1
    return stop


def m_conditional(p: Reader, pos: int, end: int) -> Found:
    """«по мере необходимости», «при необходимости», «по согласованию с …»."""
    m = p.match(_CONDITIONAL_START, pos, end)
    if m is None:
        return None
    stop = ref_end(p, m.end() - 1 if m.group(1).endswith(" ") else m.end(), end)
    text = p.text(pos, stop)
    text = text[:1].lower() + text[1:]
    return Conditional(text, raw=p.raw(pos, stop)), stop, True


def m_reference(p: Reader, pos: int, end: int) -> Found:
    """External schedules, separate schedules and plans, requests."""
    m = p.match(_REF_START, pos, end)
    if m is not None:
        prep = BLANKS.sub(" ", m.group(1))
        body_start = m.end()
        while body_start < end and p.low[body_start] in " ¶":
            body_start += 1
        stop = ref_end(p, body_start + 1, end)
        if stop <= body_start:
            return None
        body_low = p.low[body_start:stop]
        text = p.text(body_start, stop)
        raw = p.raw(pos, stop)
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
    m = p.match(_REF_TERMS, pos, end)
    if m is not None:
        prep = BLANKS.sub(" ", m.group(1))
        body_start = m.end()
        while body_start < end and p.low[body_start] in " ¶,":
            body_start += 1
        stop = ref_end(p, body_start, end) if body_start < end else end
        text = p.text(body_start, stop) if stop > body_start else ""
        if not text:
            stop = m.end()
        return ExternalSchedule(prep, text, raw=p.raw(pos, stop)), stop, True
    m = p.match(_REF_BARE, pos, end)
    if m is not None:
        stop = ref_end(p, pos + 1, end)
        text = p.text(pos, stop)
        text = text[:1].lower() + text[1:]
        return ExternalSchedule("", text, raw=p.raw(pos, stop)), stop, True
    return None
