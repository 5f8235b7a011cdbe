"""Term → canonical Russian deadline text (the grammar's "compiler", as babel's plural compilers render
one rule tree).

:func:`render` writes one canonical wording per meaning, such that
``parse_term(render(t), school_year=sy) == t`` for every term ``t`` read with that school year
(years inferred by the parser — propagated, rolled back, assumed, picked by a weekday — are left out,
so the parser infers them again). Canonical choices: lower-case month names in the nominative, years
as «2024 года», ranges with a spaced en dash «–», lists joined by «, », dates as «dd.mm.yyyy» (or
«dd.mm» without a written year), a written weekday as «(пт)», day ranges as «с 1 марта по 20 мая».
"""

from __future__ import annotations

from collections.abc import Callable

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.grammar.lexicon import unit_phrase
from gia_roadmap.calendar.terms import (
    Bound,
    ByDate,
    ByMonth,
    CalendarYear,
    Compound,
    Conditional,
    Continuous,
    DateList,
    DayList,
    DayRange,
    DayRef,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    Frequency,
    FromDate,
    HalfYearTerm,
    Label,
    MissingTerm,
    Month,
    MonthList,
    MonthPart,
    MonthRange,
    MonthRef,
    Note,
    NthDay,
    OnRequest,
    PartOfMonth,
    PerExam,
    PeriodEnd,
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
    TimeOfDay,
    Unit,
    UnparsedTerm,
    YearOrigin,
)
from gia_roadmap.errors import InvalidTypeError
from gia_roadmap.text import (
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    WEEKDAY_NAMES,
    WEEKDAYS_SHORT,
    Case,
    Gender,
    enumeration,
    month_name,
    ordinal_words,
    plural_form,
)

__all__ = ["render"]

_SEASONS = {Season.WINTER: "зима", Season.SPRING: "весна", Season.SUMMER: "лето", Season.AUTUMN: "осень"}
_STAGES_GEN = {
    ExamStage.EARLY: "досрочного",
    ExamStage.MAIN: "основного",
    ExamStage.ADDITIONAL: "дополнительного",
}
_PARTS = {
    PartOfMonth.FIRST_DECADE: ordinal_words(1, Case.NOMINATIVE, Gender.FEMININE) + " декада",
    PartOfMonth.SECOND_DECADE: ordinal_words(2, Case.NOMINATIVE, Gender.FEMININE) + " декада",
    PartOfMonth.THIRD_DECADE: ordinal_words(3, Case.NOMINATIVE, Gender.FEMININE) + " декада",
    PartOfMonth.BEGINNING: "начало",
    PartOfMonth.MIDDLE: "середина",
    PartOfMonth.END: "конец",
    PartOfMonth.FIRST_HALF: "первая половина",
    PartOfMonth.SECOND_HALF: "вторая половина",
    PartOfMonth.FIRST_WEEK: ordinal_words(1, Case.NOMINATIVE, Gender.FEMININE) + " неделя",
    PartOfMonth.SECOND_WEEK: ordinal_words(2, Case.NOMINATIVE, Gender.FEMININE) + " неделя",
    PartOfMonth.THIRD_WEEK: ordinal_words(3, Case.NOMINATIVE, Gender.FEMININE) + " неделя",
    PartOfMonth.FOURTH_WEEK: ordinal_words(4, Case.NOMINATIVE, Gender.FEMININE) + " неделя",
    PartOfMonth.LAST_WEEK: "последняя неделя",
}
_FREQ = {
    Frequency.DAILY: "ежедневно",
    Frequency.WEEKLY: "еженедельно",
    Frequency.MONTHLY: "ежемесячно",
    Frequency.QUARTERLY: "ежеквартально",
    Frequency.YEARLY: "ежегодно",
    Frequency.SCHOOL_QUARTERLY: "1 раз в четверть",
}

_PER = {
    Frequency.DAILY: "день",
    Frequency.WEEKLY: "неделю",
    Frequency.MONTHLY: "месяц",
    Frequency.QUARTERLY: "квартал",
    Frequency.YEARLY: "год",
    Frequency.SCHOOL_QUARTERLY: "четверть",
}
"""The period of «N раз в …», in the accusative."""


def _month(ref: MonthRef) -> str:
    name = MONTHS_NOMINATIVE[ref.month - 1]
    return f"{name} {ref.year} года" if ref.year_written else name


def _weekday(ref: DayRef) -> str:
    return f" ({WEEKDAYS_SHORT[ref.weekday]})" if ref.weekday is not None else ""


def _date(ref: DayRef) -> str:
    """«17.05.2024», «17.05» without a written year, «22.04 (пт)» with a written weekday."""
    text = f"{ref.day:02d}.{ref.month:02d}"
    if ref.year_written:
        text += f".{ref.year:04d}"
    return text + _weekday(ref)


def _day_words(ref: DayRef) -> str:
    """«1 марта», «1 марта 2024 года», «1 марта (пт)»."""
    text = f"{ref.day} {MONTHS_GENITIVE[ref.month - 1]}"
    if ref.year_written:
        text += f" {ref.year} года"
    return text + _weekday(ref)


def _year_suffix(year: int | None, written: bool) -> str:
    return f" {year} года" if written and year is not None else ""


def _half_year_suffix(term: HalfYearTerm) -> str:
    """« 2024 года» (the calendar's), « 2023/2024 учебного года» (the school's, written), or nothing (the
    school's, read from the school year)."""
    if term.school:
        written = term.origin is YearOrigin.WRITTEN and term.year is not None
        return f" {term.year}/{term.year + 1} учебного года" if written and term.year is not None else ""
    return f" {term.year} года" if term.year is not None else ""


_END_WORDS = {Bound.UNTIL: "до конца", Bound.ON: "в конце", Bound.AFTER: "после окончания"}


def _period_genitive(period: Term) -> str:
    """The period of a :class:`PeriodEnd` in the genitive: «2023 года», «1 полугодия», «месяца»."""
    if isinstance(period, CalendarYear):
        return f"{period.year} года"
    if isinstance(period, HalfYearTerm):
        return f"{period.half} полугодия" + _half_year_suffix(period)
    if isinstance(period, QuarterTerm):
        return f"{period.quarter} квартала" + _year_suffix(period.year, period.origin is YearOrigin.WRITTEN)
    if isinstance(period, SchoolYearTerm):
        return f"{period.start_year}-{period.end_year} учебного года"
    if isinstance(period, Recurring):
        return "месяца" if period.frequency is Frequency.MONTHLY else "квартала"
    raise InvalidTypeError(f"not the period of a period's end: {period!r}")


def _anchor(anchor: Anchor | OpenAnchor, *, after_day_word: bool = False) -> str:
    phrase = anchor.phrase
    if after_day_word and phrase.startswith("дня "):
        return phrase[len("дня ") :]
    return phrase


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _numbered(phrase: str, occurrence: int | None) -> str:
    """«окончания II четверти»: the number of the occurrence before the anchor's last word."""
    if occurrence is None:
        return phrase
    head, _, last = phrase.rpartition(" ")
    number = _ROMAN[occurrence - 1] if occurrence <= len(_ROMAN) else f"{occurrence}-й"
    return f"{head} {number} {last}" if head else f"{number} {last}"


def _relative(t: Relative) -> str:
    a = _numbered(_anchor(t.anchor), t.occurrence)
    bound = t.bound
    accusative = unit_phrase(t.offset, t.unit, Case.ACCUSATIVE)
    genitive = unit_phrase(t.offset, t.unit, Case.GENITIVE)
    if not a and bound in (Bound.WITHIN_AFTER, Bound.LATEST_AFTER, Bound.EXACT_AFTER):  # no event named
        text = {
            Bound.WITHIN_AFTER: f"в течение {genitive}",
            Bound.LATEST_AFTER: f"не позднее {genitive}",
            Bound.EXACT_AFTER: f"через {accusative}",
        }[bound]
    elif bound is Bound.LATEST_BEFORE:
        text = f"не позднее чем за {accusative} до {a}"
    elif bound is Bound.EXACT_BEFORE:
        text = f"за {accusative} до {a}"
    elif bound is Bound.WITHIN_BEFORE:
        text = f"в течение {genitive} до {a}"
    elif bound is Bound.WITHIN_AFTER and t.unit is Unit.HOUR:  # hours run from the event, not its next day
        text = f"в течение {genitive} после {a}"
    elif bound is Bound.WITHIN_AFTER:
        text = (
            f"в течение {genitive} со дня {_numbered(_anchor(t.anchor, after_day_word=True), t.occurrence)}"
        )
    elif bound is Bound.LATEST_AFTER:
        text = f"не позднее {genitive} после {a}"
    elif bound is Bound.EXACT_AFTER:
        text = f"через {accusative} после {a}"
    elif bound is Bound.ON:
        text = f"в день {_numbered(_anchor(t.anchor, after_day_word=True), t.occurrence)}"
    elif bound is Bound.EVE:
        text = f"накануне {a}"
    elif bound is Bound.UNTIL:
        text = f"до {a}"
    else:
        text = f"после {a}"
    return f"{text} {t.detail}" if t.detail else text


def _exam_period(t: ExamPeriod) -> str:
    exams = ", ".join(t.exams)
    if t.stages:
        names = [_STAGES_GEN[s] for s in t.stages]
        joined = enumeration(names)
        noun = "этапа" if len(names) == 1 else "этапов"
        text = f"в период {joined} {noun}"
        if exams:
            text += f" {exams}"
        if t.year is not None:
            text += f" в {t.year} году"
        return text
    if t.phase is ExamPhase.PREPARATION:
        return f"в период подготовки {exams}"
    return f"в период проведения {exams}"


def render(term: Term) -> str:
    """Canonical Russian text for ``term`` (``parse_term(render(t), school_year=…) == t``)."""
    family = _FAMILY_OF.get(type(term))
    if family is not None:  # a class seen before: its family, without trying the others first
        text = family(term)
        if text is not None:
            return text
    for family in _FAMILIES:
        text = family(term)
        if text is not None:
            _FAMILY_OF[type(term)] = family  # which family renders a class depends on the class only
            return text
    raise InvalidTypeError(f"not a deadline term: {term!r}")


def _render_months(term: Term) -> str | None:
    if isinstance(term, Month):
        return _month(term.month)
    if isinstance(term, MonthRange):
        return f"{_month(term.start)} – {_month(term.end)}"
    if isinstance(term, MonthList):
        return ", ".join(_month(m) for m in term.months)
    if isinstance(term, PeriodList):
        return ", ".join(render(i) for i in term.items)
    return None


def _render_days(term: Term) -> str | None:
    if isinstance(term, ByDate):
        text = f"{term.wording} {_date(term.day)}"
        return text if term.inclusive else text + " исключительно"
    if isinstance(term, FromDate):
        return f"{term.wording} {_date(term.day)}"
    if isinstance(term, ByMonth):
        m = term.month
        name = month_name(m.month, Case.DATIVE) if term.wording == "к" else MONTHS_GENITIVE[m.month - 1]
        text = f"{term.wording} {name}{_year_suffix(m.year, m.year_written)}"
        return text if term.inclusive else text + " исключительно"
    if isinstance(term, DateList):
        return ", ".join(render(i) for i in term.items)
    if isinstance(term, DayRange):
        return f"с {_day_words(term.start)} по {_day_words(term.end)}"
    if isinstance(term, DayList):
        return ", ".join(render(i) for i in term.items)
    if isinstance(term, ExactDate):
        return _date(term.day)
    if isinstance(term, MonthPart):
        return f"{_PARTS[term.part]} {MONTHS_GENITIVE[term.month.month - 1]}" + _year_suffix(
            term.month.year, term.month.year_written
        )
    return None


def _render_periods(term: Term) -> str | None:
    if isinstance(term, SeasonTerm):
        return _SEASONS[term.season] + _year_suffix(term.year, term.origin.value == "written")
    if isinstance(term, QuarterTerm):
        return f"{term.quarter} квартал" + _year_suffix(term.year, term.origin.value == "written")
    if isinstance(term, HalfYearTerm):
        return f"{term.half} полугодие" + _half_year_suffix(term)
    if isinstance(term, PeriodEnd):
        return f"{_END_WORDS[term.bound]} {_period_genitive(term.period)}"
    if isinstance(term, SchoolYearTerm):
        if term.explicit:
            if term.academic:
                return f"в течение {term.start_year}-{term.end_year} учебного года"
            return f"{term.start_year}-{term.end_year} гг."
        return "в течение учебного года" if term.academic else "в течение года"
    if isinstance(term, CalendarYear):
        return f"в течение {term.year} года"
    if isinstance(term, PlanPeriod):
        if term.exams:
            return "в течение всего периода подготовки и проведения " + ", ".join(term.exams)
        return "весь период"
    if isinstance(term, ExamPeriod):
        return _exam_period(term)
    if isinstance(term, Relative):
        return _relative(term)
    return None


def _render_references(term: Term) -> str | None:
    if isinstance(term, ExternalSchedule | SeparateSchedule | SeparatePlan):
        return f"{term.preposition} {term.text}".strip()
    if isinstance(term, OnRequest):
        return f"по {term.text}"
    if isinstance(term, Conditional):
        return term.text
    if isinstance(term, Continuous):
        return term.word
    if isinstance(term, Recurring):
        if term.weekdays:  # «еженедельно по вторникам и четвергам», «2 раза в неделю по …»
            days = [WEEKDAY_NAMES[d].form(Case.DATIVE, plural=True) for d in term.weekdays]
            return f"{_recurring(term)} по {enumeration(days)}"
        return _recurring(term)
    if isinstance(term, NthDay):
        return _nth_day(term)
    if isinstance(term, Label):
        return term.wording
    if isinstance(term, TimeOfDay):
        return term.text
    if isinstance(term, Note):
        return term.text
    return None


def _recurring(term: Recurring) -> str:
    """A recurrence without its days of the week."""
    if term.times > 1:
        return f"{term.times} {plural_form(term.times, 'раз', 'раза', 'раз')} в {_PER[term.frequency]}"
    if term.day is None:
        return _FREQ[term.frequency]
    if term.following:
        return f"{_FREQ[term.frequency]} до {term.day} числа месяца, следующего за отчётным"
    if term.frequency is Frequency.MONTHLY:
        return f"до {term.day} числа каждого месяца"
    return f"{_FREQ[term.frequency]} до {term.day} числа"


def _render_containers(term: Term) -> str | None:
    if isinstance(term, Compound):
        qualifier = render(term.qualifier)
        if term.parenthesized:
            return f"{render(term.base)} ({qualifier})"
        return f"{render(term.base)} {qualifier}"
    if isinstance(term, TermSequence):
        return ", ".join(render(i) for i in term.items)
    if isinstance(term, PerExam):
        return "; ".join(f"для {scope}: {render(t)}" for scope, t in term.parts)
    if isinstance(term, UnparsedTerm):
        return term.text
    if isinstance(term, MissingTerm):
        return ""
    return None


_FAMILIES: tuple[Callable[[Term], str | None], ...] = (
    _render_months,
    _render_days,
    _render_periods,
    _render_references,
    _render_containers,
)
_FAMILY_OF: dict[type, Callable[[Term], str | None]] = {}


def _nth_day(term: NthDay) -> str:
    """«вторая среда февраля», «первая рабочая среда декабря», «последний рабочий день каждого месяца»."""
    if term.weekday is None:
        gender, noun = Gender.MASCULINE, "день"
    else:
        noun = WEEKDAY_NAMES[term.weekday].form(Case.NOMINATIVE)
        gender = (
            Gender.FEMININE
            if noun.endswith("а")
            else Gender.NEUTER
            if noun.endswith("е")
            else Gender.MASCULINE
        )
    if term.working:
        noun = _WORKING[gender] + " " + noun
    ordinal = _LAST[gender] if term.ordinal == -1 else ordinal_words(term.ordinal, Case.NOMINATIVE, gender)
    if term.month is None:
        return f"{ordinal} {noun} каждого месяца"
    return f"{ordinal} {noun} {MONTHS_GENITIVE[term.month.month - 1]}" + _year_suffix(
        term.month.year, term.month.year_written
    )


_GENDER_OF_ENDING = {"а": Gender.FEMININE, "е": Gender.NEUTER}
_WORKING = {Gender.MASCULINE: "рабочий", Gender.FEMININE: "рабочая", Gender.NEUTER: "рабочее"}
_LAST = {Gender.MASCULINE: "последний", Gender.FEMININE: "последняя", Gender.NEUTER: "последнее"}
