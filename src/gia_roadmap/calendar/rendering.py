"""Term → canonical Russian deadline text.

:func:`render` writes one canonical wording per meaning, such that
``parse_term(render(t), school_year=sy) == t`` for every term ``t`` read with that school year
(years inferred by the parser — propagated, rolled back, assumed — are left out, so the parser
infers them again). Canonical choices: lower-case month names in the nominative, years as
«2024 года», ranges with a spaced en dash «–», lists joined by «, », dates as «dd.mm.yyyy».
"""

from __future__ import annotations

import datetime as dt

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.terms import (
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
)
from gia_roadmap.errors import InvalidTypeError
from gia_roadmap.text import MONTHS_GENITIVE, MONTHS_NOMINATIVE, plural_form

__all__ = ["render"]

_SEASONS = {Season.WINTER: "зима", Season.SPRING: "весна", Season.SUMMER: "лето", Season.AUTUMN: "осень"}
_STAGES_GEN = {
    ExamStage.EARLY: "досрочного",
    ExamStage.MAIN: "основного",
    ExamStage.ADDITIONAL: "дополнительного",
}
_FREQ = {
    Frequency.DAILY: "ежедневно",
    Frequency.WEEKLY: "еженедельно",
    Frequency.MONTHLY: "ежемесячно",
    Frequency.QUARTERLY: "ежеквартально",
    Frequency.YEARLY: "ежегодно",
}


# accusative («за N …») and genitive («в течение N …») forms: (one, few, many)
_UNIT_ACC = {
    Unit.WORKING_DAY: ("рабочий день", "рабочих дня", "рабочих дней"),
    Unit.CALENDAR_DAY: ("календарный день", "календарных дня", "календарных дней"),
    Unit.DAY: ("день", "дня", "дней"),
    Unit.WEEK: ("неделю", "недели", "недель"),
    Unit.MONTH: ("месяц", "месяца", "месяцев"),
}
_UNIT_GEN = {
    Unit.WORKING_DAY: ("рабочего дня", "рабочих дней", "рабочих дней"),
    Unit.CALENDAR_DAY: ("календарного дня", "календарных дней", "календарных дней"),
    Unit.DAY: ("дня", "дней", "дней"),
    Unit.WEEK: ("недели", "недель", "недель"),
    Unit.MONTH: ("месяца", "месяцев", "месяцев"),
}


def _count(n: int, unit: Unit, forms: dict[Unit, tuple[str, str, str]]) -> str:
    one, few, many = forms.get(unit, ("дня", "дней", "дней"))
    return f"{n} {plural_form(n, one, few, many)}"


def _month(ref: MonthRef) -> str:
    name = MONTHS_NOMINATIVE[ref.month - 1]
    return f"{name} {ref.year} года" if ref.year_written else name


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.") + f"{day.year:04d}"


def _year_suffix(year: int | None, written: bool) -> str:
    return f" {year} года" if written and year is not None else ""


def _anchor(anchor: Anchor, *, after_day_word: bool = False) -> str:
    phrase = anchor.phrase
    if after_day_word and phrase.startswith("дня "):
        return phrase[len("дня ") :]
    return phrase


def _relative(t: Relative) -> str:
    a = _anchor(t.anchor)
    bound = t.bound
    if bound is Bound.LATEST_BEFORE:
        text = f"не позднее чем за {_count(t.offset, t.unit, _UNIT_ACC)} до {a}"
    elif bound is Bound.EXACT_BEFORE:
        text = f"за {_count(t.offset, t.unit, _UNIT_ACC)} до {a}"
    elif bound is Bound.WITHIN_AFTER:
        text = (
            f"в течение {_count(t.offset, t.unit, _UNIT_GEN)} со дня {_anchor(t.anchor, after_day_word=True)}"
        )
    elif bound is Bound.LATEST_AFTER:
        text = f"не позднее {_count(t.offset, t.unit, _UNIT_GEN)} после {a}"
    elif bound is Bound.EXACT_AFTER:
        text = f"через {_count(t.offset, t.unit, _UNIT_ACC)} после {a}"
    elif bound is Bound.ON:
        text = f"в день {_anchor(t.anchor, after_day_word=True)}"
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
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " и " + names[-1]
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
    if isinstance(term, Month):
        return _month(term.month)
    if isinstance(term, MonthRange):
        return f"{_month(term.start)} – {_month(term.end)}"
    if isinstance(term, MonthList):
        return ", ".join(_month(m) for m in term.months)
    if isinstance(term, PeriodList):
        return ", ".join(render(i) for i in term.items)
    if isinstance(term, ByDate):
        text = f"{term.wording} {_date(term.day)}"
        return text if term.inclusive else text + " исключительно"
    if isinstance(term, ByMonth):
        m = term.month
        text = f"{term.wording} {MONTHS_GENITIVE[m.month - 1]}{_year_suffix(m.year, m.year_written)}"
        return text if term.inclusive else text + " исключительно"
    if isinstance(term, DateList):
        return ", ".join(render(i) for i in term.items)
    if isinstance(term, DayRange):
        s, e = term.start, term.end
        if s.year == e.year:
            first, last = MONTHS_GENITIVE[s.month - 1], MONTHS_GENITIVE[e.month - 1]
            return f"с {s.day} {first} по {e.day} {last} {e.year} года"
        return (
            f"с {s.day} {MONTHS_GENITIVE[s.month - 1]} {s.year} года "
            f"по {e.day} {MONTHS_GENITIVE[e.month - 1]} {e.year} года"
        )
    if isinstance(term, ExactDate):
        return _date(term.day)
    if isinstance(term, SeasonTerm):
        return _SEASONS[term.season] + _year_suffix(term.year, term.origin.value == "written")
    if isinstance(term, QuarterTerm):
        return f"{term.quarter} квартал" + _year_suffix(term.year, term.origin.value == "written")
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
    if isinstance(term, ExternalSchedule | SeparateSchedule | SeparatePlan):
        return f"{term.preposition} {term.text}".strip()
    if isinstance(term, OnRequest):
        return f"по {term.text}"
    if isinstance(term, Conditional):
        return term.text
    if isinstance(term, Continuous):
        return term.word
    if isinstance(term, Recurring):
        if term.day is not None:
            return f"до {term.day} числа каждого месяца"
        return _FREQ[term.frequency]
    if isinstance(term, Note):
        return term.text
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
    raise InvalidTypeError(f"not a deadline term: {term!r}")
