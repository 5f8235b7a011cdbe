"""Terms that hold other terms (a term with its qualifier, several terms in one cell, terms per exam),
the unreadable and the empty cell, and :data:`Term`, the union of every term class."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, TypeAlias

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms.days import ByDate, DateList, DayList, DayRange, ExactDate, FromDate
from gia_roadmap.calendar.terms.months import ByMonth, Month, MonthList, MonthPart, MonthRange, PeriodList
from gia_roadmap.calendar.terms.periods import (
    CalendarYear,
    HalfYearTerm,
    PlanPeriod,
    QuarterTerm,
    SchoolYearTerm,
    SeasonTerm,
)
from gia_roadmap.calendar.terms.references import (
    Conditional,
    Continuous,
    ExternalSchedule,
    Label,
    Note,
    OnRequest,
    SeparatePlan,
    SeparateSchedule,
    TimeOfDay,
)
from gia_roadmap.calendar.terms.relative import Bound, ExamPeriod, Relative
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _combine,
    _Ctx,
    _raw,
    _unresolved,
)
from gia_roadmap.calendar.terms.rules import Frequency, NthDay, Recurring
from gia_roadmap.errors import InvalidValueError

__all__ = [
    "REFERENCE_KINDS",
    "TERM_CLASSES",
    "Compound",
    "MissingTerm",
    "PerExam",
    "PeriodEnd",
    "Term",
    "TermSequence",
    "UnparsedTerm",
    "parts",
    "walk",
]


@attrs.frozen
class Compound(_Base):
    """A term plus a qualifier: «в течение учебного года по плану ИРОК», «ноябрь 2021 г. (при
    необходимости)», «Октябрь 2023 г. – май 2024 г. (по плану мобильной сети)». Parentheses carry
    data and are kept (``parenthesized``).

    Resolves to the windows of ``base``; the qualifier's reason is added to ``reason``. When the
    base itself is a reference the result stays UNKNOWN.
    """

    kind: ClassVar[str] = "compound"
    container: ClassVar[bool] = True
    base: Term
    qualifier: Term
    parenthesized: bool = False
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Flags of the base and the qualifier."""
        return self.base.flags | self.qualifier.flags

    def children(self) -> tuple[Term, ...]:
        """The base, then the qualifier."""
        return (self.base, self.qualifier)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        base = self.base._resolve(ctx)
        qual = self.qualifier._resolve(ctx)
        reason = "; ".join(r for r in (base.reason, qual.reason) if r)
        windows = base.windows
        if isinstance(self.qualifier, Label):  # «04.12.2024 (основная дата)»: the windows say so
            label = self.qualifier.wording
            windows = tuple(w if w.label else attrs.evolve(w, label=label) for w in windows)
        elif isinstance(self.qualifier, TimeOfDay):  # «17.11.2021 до 18:00»: the time goes with each day
            time = self.qualifier.text
            windows = tuple(attrs.evolve(w, label=f"{w.label} {time}" if w.label else time) for w in windows)
            reason = base.reason
        return Resolution(windows, base.status, reason)


@attrs.frozen
class TermSequence(_Base):
    """Several different terms in one cell: «в течение года февраль–март 2024 во время проведения
    ГИА», «2021- 2022 учебный год, 2021 г., дополнительный (сентябрьский) период 2022 г.».
    Resolves to the windows of all items."""

    kind: ClassVar[str] = "sequence"
    container: ClassVar[bool] = True
    items: tuple[Term, ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Union of the items' flags."""
        return frozenset().union(*(i.flags for i in self.items))

    def children(self) -> tuple[Term, ...]:
        """The items."""
        return self.items

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _combine([i._resolve(ctx) for i in self.items])


@attrs.frozen
class PerExam(_Base):
    """Different deadlines per exam: «для ГИА-9: апрель, май 2024 / для ГИА-11: февраль–май 2024».

    ``parts`` pairs each scope («ГИА-9») with its term. Windows are labelled with the scope.
    """

    kind: ClassVar[str] = "per_exam_type"
    container: ClassVar[bool] = True
    parts: tuple[tuple[str, Term], ...]
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Union of the parts' flags."""
        return frozenset().union(*(t.flags for _, t in self.parts))

    def children(self) -> tuple[Term, ...]:
        """The term of each exam, in order."""
        return tuple(term for _, term in self.parts)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        results = []
        for scope, term in self.parts:
            r = term._resolve(ctx)
            results.append(
                Resolution(tuple(attrs.evolve(w, label=scope) for w in r.windows), r.status, r.reason)
            )
        return _combine(results)


_END_BOUNDS = (Bound.UNTIL, Bound.ON, Bound.AFTER)
_EVERY = (Frequency.MONTHLY, Frequency.QUARTERLY)


def _check_end_bound(instance: PeriodEnd, attribute: attrs.Attribute[Bound], value: Bound) -> None:
    if value not in _END_BOUNDS:
        names = ", ".join(b.name for b in _END_BOUNDS)
        raise InvalidValueError(f"the bound of a period's end must be one of {names}, got {value!r}")


def _check_period(instance: PeriodEnd, attribute: attrs.Attribute[Term], value: Term) -> None:
    if isinstance(value, CalendarYear | HalfYearTerm | QuarterTerm):
        return
    if isinstance(value, SchoolYearTerm) and value.explicit:
        return
    if isinstance(value, Recurring) and value.frequency in _EVERY and value.day is None and value.times == 1:
        return
    raise InvalidValueError(
        "the period of a period's end must be a CalendarYear, HalfYearTerm, QuarterTerm, an explicit "
        f"SchoolYearTerm or a plain monthly or quarterly Recurring («месяца», «квартала»), got {value!r}"
    )


@attrs.frozen
class PeriodEnd(_Base):
    """A deadline at the end of a named period: «до конца 2023 года», «к концу I полугодия», «в конце
    I квартала», «после окончания I полугодия», «до конца месяца» (every month: the period is a
    monthly :class:`Recurring`).

    Resolves from the windows of ``period``, each by its last day (see ``docs/deadline-grammar.md``,
    *Counting defaults*):

    * ``Bound.UNTIL`` («до конца», «к концу», «до окончания»): due by the period's last day,
      inclusive; open start (from the plan period's start; for every month or quarter, from the
      start of each);
    * ``Bound.ON`` («в конце», «на конец»): the period's last month; for every month, the last
      decade of each (days 21 to the last, as «в конце мая»);
    * ``Bound.AFTER`` («после окончания», «по окончании», «по итогам»): from the day after the period,
      open end.

    The school year's own end stays the anchor :attr:`~gia_roadmap.calendar.anchors.Anchor.SCHOOL_YEAR_END`
    («до конца учебного года», a :class:`Relative`); an explicit school year («до конца 2023/24
    учебного года») is a period here.
    """

    kind: ClassVar[str] = "period_end"
    bound: Bound = attrs.field(validator=_check_end_bound)
    period: Term = attrs.field(validator=_check_period)
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """The period's flags."""
        return self.period.flags

    def _resolve(self, ctx: _Ctx) -> Resolution:
        inner = self.period._resolve(ctx)
        if not inner.windows:
            return inner
        every = isinstance(self.period, Recurring)
        windows: list[DateWindow] = []
        one = dt.timedelta(days=1)
        for w in inner.windows:
            label = w.label or (f"{w.start:%m.%Y}" if every else "")
            if self.bound is Bound.UNTIL:
                start = w.start if every else ctx.lower_bound(w.end)
                windows.append(DateWindow(start, w.end, open_start=True, label=label))
            elif self.bound is Bound.ON:
                if every and self.period.frequency is Frequency.MONTHLY:  # type: ignore[union-attr]
                    start = w.end.replace(day=21) if w.end.day >= 21 else w.start
                else:
                    start = max(w.start, w.end.replace(day=1))
                windows.append(DateWindow(start, w.end, label=label))
            else:
                start = w.end + one
                windows.append(DateWindow(start, ctx.upper_bound(start), open_end=True, label=label))
        return Resolution(tuple(windows), inner.status, inner.reason)


@attrs.frozen
class UnparsedTerm(_Base):
    """Text no rule fits: kept, never dropped. ``position`` is where reading failed (0-based, in
    the original text) and ``reason`` says what was expected there."""

    kind: ClassVar[str] = "unparsed"
    text: str
    position: int = 0
    reason: str = ""

    @property
    def raw(self) -> str:
        """The unparsed text itself."""
        return self.text

    @property
    def flags(self) -> frozenset[str]:
        """Always ``unparsed``."""
        return frozenset({"unparsed"})

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unresolved(ResolutionStatus.UNPARSED, f"unparsed at {self.position}: {self.reason}")


@attrs.frozen
class MissingTerm(_Base):
    """An empty deadline cell (kept and reported, never filled in silently)."""

    kind: ClassVar[str] = "missing"
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """Always ``missing``."""
        return frozenset({"missing"})

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unresolved(ResolutionStatus.MISSING, "the deadline is empty")


Term: TypeAlias = (
    ByDate
    | ByMonth
    | DateList
    | DayRange
    | DayList
    | ExactDate
    | FromDate
    | Month
    | MonthRange
    | MonthList
    | MonthPart
    | PeriodList
    | SeasonTerm
    | QuarterTerm
    | HalfYearTerm
    | SchoolYearTerm
    | CalendarYear
    | PlanPeriod
    | ExamPeriod
    | Relative
    | PeriodEnd
    | NthDay
    | Recurring
    | ExternalSchedule
    | SeparateSchedule
    | SeparatePlan
    | OnRequest
    | Conditional
    | Continuous
    | Label
    | Note
    | TimeOfDay
    | Compound
    | TermSequence
    | PerExam
    | UnparsedTerm
    | MissingTerm
)
"""Any deadline term (the union of all term classes)."""

TERM_CLASSES: tuple[type[Term], ...] = (
    ByDate,
    ByMonth,
    DateList,
    DayRange,
    DayList,
    ExactDate,
    FromDate,
    Month,
    MonthRange,
    MonthList,
    MonthPart,
    PeriodList,
    SeasonTerm,
    QuarterTerm,
    HalfYearTerm,
    SchoolYearTerm,
    CalendarYear,
    PlanPeriod,
    ExamPeriod,
    Relative,
    PeriodEnd,
    NthDay,
    Recurring,
    ExternalSchedule,
    SeparateSchedule,
    SeparatePlan,
    OnRequest,
    Conditional,
    Continuous,
    Label,
    Note,
    TimeOfDay,
    Compound,
    TermSequence,
    PerExam,
    UnparsedTerm,
    MissingTerm,
)
"""Every term class, in a stable order."""

REFERENCE_KINDS = (ExternalSchedule, SeparateSchedule, SeparatePlan, OnRequest, Conditional, Label, Note)
"""Classes that qualify another term when they follow it (forming a :class:`Compound`)."""


def walk(term: Term) -> Iterator[Term]:
    """``term`` and every term inside it, depth first in reading order (no recursion, so any depth).

    >>> from gia_roadmap.calendar.grammar import parse_term
    >>> [t.kind for t in walk(parse_term("ноябрь 2023 г. (при необходимости)"))]
    ['compound', 'month', 'conditional']
    """
    stack: list[Term] = [term]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children()))


def parts(term: Term) -> Iterator[Term]:
    """The parts of ``term`` that are not mere containers (:attr:`container`), in reading order: a
    :class:`Compound` gives its base's and its qualifier's parts, a :class:`TermSequence` and a
    :class:`PerExam` those of their items; any other term (a list included) is one part."""
    stack: list[Term] = [term]
    while stack:
        current = stack.pop()
        if current.container:
            stack.extend(reversed(current.children()))
        else:
            yield current
