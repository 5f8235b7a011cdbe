"""Helpers for your own tests: a fixed "today", small synthetic calendars and a plan builder.

* :class:`FixedClock` — a clock that always says the same day (сегодня), to pass as ``today=`` to
  :func:`gia_roadmap.plan.states`, :func:`gia_roadmap.plan.checks.check` and anything else that
  judges a plan on a given day; :meth:`FixedClock.shifted` moves it by calendar or working days.
* :class:`SyntheticCalendar` — a working-day calendar (рабочий календарь) you write by hand: a
  weekend, some holidays, some working weekends, over any years. It implements the calendar
  protocol the deadline terms use (:class:`~gia_roadmap.calendar.WorkingDayCalendar`), so a term
  resolves against it exactly as against :class:`~gia_roadmap.calendar.RussianCalendar`;
  :func:`synthetic_calendars` is a Hypothesis strategy of them.
* :class:`PlanBuilder` — a fluent builder of small :class:`~gia_roadmap.plan.Roadmap` values:
  sections, measures with numbers, terms from text («Сроки»), responsible parties from text
  («Ответственные»), dependencies by number.

>>> import datetime as dt
>>> from gia_roadmap.testing import PlanBuilder, SyntheticCalendar
>>> cal = SyntheticCalendar(holidays=[dt.date(2030, 1, 1)])
>>> cal.add_working_days(dt.date(2029, 12, 31), 1)  # 1 January is off in this calendar
datetime.date(2030, 1, 2)
>>> plan = (
...     PlanBuilder("demo", school_year=2023)
...     .section("1. Организационное сопровождение ГИА")
...     .measure("1.1", "Совещание с руководителями ОО", term="до 01.12.2023", responsible="УО")
...     .build()
... )
>>> len(plan.measures)
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import MissingTerm, Term, WorkingDayCalendar
from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.plan.glossary import Glossary, GlossarySource
from gia_roadmap.plan.model import (
    Dependency,
    DependencyKind,
    Measure,
    MeasureNumber,
    MeasureRef,
    PlanLevel,
    Roadmap,
    Section,
    SectionKind,
    Status,
    StatusKind,
)
from gia_roadmap.plan.people import NameOrder
from gia_roadmap.plan.responsible import ResponsibleResolver
from gia_roadmap.plan.sections import classify_section

__all__ = [
    "Clock",
    "FixedClock",
    "PlanBuilder",
    "SyntheticCalendar",
    "synthetic_calendars",
    "system_clock",
]

_ONE = dt.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# A fixed "today"
# --------------------------------------------------------------------------------------------


@runtime_checkable
class Clock(Protocol):
    """Anything that tells today's date: ``clock() -> date``."""

    def __call__(self) -> dt.date:
        """Today."""
        ...


def system_clock() -> dt.date:
    """The real today (``datetime.date.today()``); the clock production code uses by default."""
    return dt.date.today()


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(f"expected a datetime.date, got {type(value).__name__} {value!r}")
    return value


@attrs.frozen(slots=True)
class FixedClock:
    """A clock frozen on one day, for tests of anything judged "as of today".

    Call it (``clock()``) or read :attr:`day`; pass ``today=clock()`` to
    :func:`gia_roadmap.plan.states` or ``check(..., today=clock())``. A code under test that takes a
    :class:`Clock` (a callable returning a date) can take the clock itself.

    Attributes:
        day: the day the clock always tells.

    >>> import datetime as dt
    >>> clock = FixedClock(dt.date(2024, 3, 1))
    >>> clock(), clock.shifted(days=-1)()
    (datetime.date(2024, 3, 1), datetime.date(2024, 2, 29))
    """

    day: dt.date = attrs.field(converter=_as_date)

    def __call__(self) -> dt.date:
        """The fixed day."""
        return self.day

    def today(self) -> dt.date:
        """The fixed day (the same as calling the clock)."""
        return self.day

    def shifted(
        self, days: int = 0, *, working_days: int = 0, calendar: WorkingDayCalendar | None = None
    ) -> FixedClock:
        """A clock moved by ``days`` calendar days, then by ``working_days`` working days of
        ``calendar`` (required when ``working_days`` is not zero)."""
        day = self.day + dt.timedelta(days=days)
        if working_days:
            if calendar is None:
                raise InvalidValueError("shifting by working days needs a calendar")
            day = calendar.add_working_days(day, working_days)
        return FixedClock(day)


# --------------------------------------------------------------------------------------------
# Synthetic calendars
# --------------------------------------------------------------------------------------------


def _date_set(values: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(_as_date(v) for v in values)


def _weekday_set(values: Iterable[int]) -> frozenset[int]:
    days = frozenset(int(v) for v in values)
    if not all(0 <= d <= 6 for d in days):
        raise InvalidValueError(
            f"weekend days are weekday numbers 0 (Monday) … 6 (Sunday), got {sorted(days)}"
        )
    if len(days) == 7:
        raise InvalidValueError("a weekend of all seven days leaves no working day")
    return days


def _no_overlap(
    instance: SyntheticCalendar, attribute: attrs.Attribute[Any], value: frozenset[dt.date]
) -> None:
    both = value & instance.holidays
    if both:
        listed = ", ".join(d.isoformat() for d in sorted(both))
        raise InvalidValueError(f"a day cannot be both a holiday and a working weekend: {listed}")


@attrs.frozen(slots=True)
class SyntheticCalendar:
    """A small working-day calendar written by hand, valid for every year.

    A day is a working day unless its weekday is in ``weekend`` or it is in ``holidays``; a day of
    ``working_weekends`` (рабочий выходной) is a working day whatever its weekday. It implements
    :class:`~gia_roadmap.calendar.WorkingDayCalendar` with the counting conventions of
    :class:`~gia_roadmap.calendar.RussianCalendar` (see :meth:`add_working_days` and
    :meth:`working_days_between`), so unit tests of deadline rules can use a calendar whose every
    day off they chose, in any year, without the official data.

    Attributes:
        holidays: extra days off (праздничные и перенесённые выходные дни).
        working_weekends: weekend days that are working days.
        weekend: weekday numbers of the weekly days off (0 = Monday … 6 = Sunday); Saturday and
            Sunday by default, ``{6}`` for a six-day week (шестидневная рабочая неделя).

    >>> import datetime as dt
    >>> cal = SyntheticCalendar(holidays={dt.date(2025, 6, 12), dt.date(2025, 6, 13)})
    >>> cal.add_working_days(dt.date(2025, 6, 16), -1)
    datetime.date(2025, 6, 11)
    """

    holidays: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    working_weekends: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=_date_set, validator=_no_overlap
    )
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekday_set)

    @classmethod
    def copy_of(cls, calendar: WorkingDayCalendar, start: dt.date, end: dt.date) -> SyntheticCalendar:
        """A synthetic calendar that agrees with ``calendar`` on every day of ``start``..``end``
        (inclusive) and has a plain Saturday–Sunday weekend outside it.

        Useful to freeze a slice of the official calendar into a test.
        """
        holidays, working = set(), set()
        day = _as_date(start)
        while day <= end:
            off = day.weekday() >= 5
            if calendar.is_working_day(day):
                if off:
                    working.add(day)
            elif not off:
                holidays.add(day)
            day += _ONE
        return cls(holidays=holidays, working_weekends=working)

    def with_holidays(self, *days: dt.date) -> SyntheticCalendar:
        """A copy with more days off (a working weekend named here stops being one)."""
        extra = _date_set(days)
        return attrs.evolve(
            self, holidays=self.holidays | extra, working_weekends=self.working_weekends - extra
        )

    def with_working_days(self, *days: dt.date) -> SyntheticCalendar:
        """A copy where ``days`` are working days (holidays named here stop being days off)."""
        extra = _date_set(days)
        weekend_days = {d for d in extra if d.weekday() in self.weekend}
        return attrs.evolve(
            self, holidays=self.holidays - extra, working_weekends=self.working_weekends | weekend_days
        )

    # ------------------------------------------------------------------ the calendar protocol
    def is_working_day(self, day: dt.date, /) -> bool:
        """True when ``day`` is a working day."""
        day = _as_date(day)
        if day in self.working_weekends:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself when ``include_self``)."""
        day = _as_date(day)
        if not include_self:
            day += _ONE
        while not self.is_working_day(day):
            day += _ONE
        return day

    def previous_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself when ``include_self``)."""
        day = _as_date(day)
        if not include_self:
            day -= _ONE
        while not self.is_working_day(day):
            day -= _ONE
        return day

    def add_working_days(self, day: dt.date, n: int, /) -> dt.date:
        """The n-th working day strictly after ``day`` (n > 0), strictly before it (n < 0), or
        ``day`` itself (n == 0, even on a day off) — as :meth:`RussianCalendar.add_working_days`."""
        day = _as_date(day)
        if isinstance(n, bool) or not isinstance(n, int):
            raise InvalidTypeError(f"n must be an int, got {type(n).__name__} {n!r}")
        step = self.next_working_day if n > 0 else self.previous_working_day
        for _ in range(abs(n)):
            day = step(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date, /) -> int:
        """Working days in the half-open span ``[start, end)``; negative when ``end < start``
        (so ``between(a, b) + between(b, c) == between(a, c)``)."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        span = (end - start).days
        weeks, rest = divmod(span, 7)
        count = weeks * (7 - len(self.weekend))
        first = start + dt.timedelta(days=weeks * 7)
        count += sum(1 for i in range(rest) if (first + dt.timedelta(days=i)).weekday() not in self.weekend)
        count -= sum(1 for d in self.holidays if start <= d < end and d.weekday() not in self.weekend)
        count += sum(1 for d in self.working_weekends if start <= d < end and d.weekday() in self.weekend)
        return count

    def working_days_in(self, year: int, month: int | None = None) -> int:
        """Number of working days of a year, or of one month of it."""
        if month is None:
            return self.working_days_between(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        return self.working_days_between(start, end)


def synthetic_calendars(
    start: dt.date = dt.date(2030, 1, 1),
    end: dt.date = dt.date(2030, 12, 31),
    *,
    max_holidays: int = 40,
    max_working_weekends: int = 5,
    weekends: tuple[frozenset[int], ...] = (frozenset({5, 6}), frozenset({6})),
) -> st.SearchStrategy[SyntheticCalendar]:
    """A Hypothesis strategy of synthetic calendars whose special days lie in ``start``..``end``.

    Holidays and working weekends are drawn from the span (never the same day twice); the weekly days
    off from ``weekends`` (five- and six-day weeks by default). Use it to test a deadline rule on
    calendars more hostile than the official one: long runs of holidays, a six-day week, working
    Saturdays.
    """
    days = st.dates(start, end)

    @st.composite
    def build(draw: st.DrawFn) -> SyntheticCalendar:
        weekend = draw(st.sampled_from(weekends))
        holidays = draw(st.frozensets(days, max_size=max_holidays))
        working = draw(
            st.frozensets(days.filter(lambda d: d.weekday() in weekend), max_size=max_working_weekends)
        )
        return SyntheticCalendar(holidays=holidays - working, working_weekends=working, weekend=weekend)

    return build()


# --------------------------------------------------------------------------------------------
# The plan builder
# --------------------------------------------------------------------------------------------


@attrs.define
class _SectionDraft:
    heading: str
    kind: SectionKind
    measures: list[Measure] = attrs.field(factory=list)
    afters: list[tuple[str, ...]] = attrs.field(factory=list)
    subgroups: list[_SectionDraft] = attrs.field(factory=list)


_Fix = Callable[[Measure], Measure]


class PlanBuilder:
    """A fluent builder of small roadmaps for tests.

    Each call returns the builder, so a plan reads top to bottom::

        plan = (
            PlanBuilder("demo", school_year=2023, glossary={"УО": "Управление образования"})
            .section("1. Организационное сопровождение ГИА")
            .measure("1.1", "Совещание", term="до 01.12.2023", responsible="УО")
            .measure("1.2", "Отчёт", term="декабрь", after="1.1")
            .subsection("1.3 Подготовка ППЭ")
            .measure("1.3.1", "Проверка ППЭ", term="май 2024")
            .end()
            .section("2. Информационное сопровождение")
            .measure("2.1", "Публикация", term="постоянно", done=dt.date(2023, 9, 5))
            .build()
        )

    Terms given as text are read with :func:`~gia_roadmap.calendar.parse_term` in the plan's school
    year (months without a year take it); responsible text is read with the plan's glossary and
    name order by :class:`~gia_roadmap.plan.ResponsibleResolver`; a section's kind is classified
    from its heading unless given. ``after="1.1"`` (or several numbers) adds finish-to-start
    dependencies, resolved by number when the plan is built.

    Args:
        plan_id: the roadmap id (part of every measure's identity).
        school_year: the school year (its start year or a :class:`SchoolYear`); None for none.
        title: the plan title.
        level: the plan level.
        glossary: the document's abbreviations, as {abbreviation: expansion}.
        name_order: how the document writes names.
        period: the plan period; None for the school year.
    """

    def __init__(
        self,
        plan_id: str = "test-plan",
        *,
        school_year: int | SchoolYear | None = None,
        title: str = "",
        level: PlanLevel = PlanLevel.MUNICIPAL,
        glossary: Mapping[str, str] | None = None,
        name_order: NameOrder = NameOrder.UNKNOWN,
        period: DateWindow | None = None,
    ) -> None:
        self._id = plan_id
        self._school_year = SchoolYear(school_year) if isinstance(school_year, int) else school_year
        self._title = title
        self._level = level
        self._glossary = Glossary.from_pairs((glossary or {}).items(), GlossarySource.MANUAL)
        self._name_order = name_order
        self._period = period
        self._resolver = ResponsibleResolver(self._glossary, name_order)
        self._sections: list[_SectionDraft] = []
        self._path: list[_SectionDraft] = []

    # ------------------------------------------------------------------ structure
    def section(self, heading: str = "", *, kind: SectionKind | None = None) -> PlanBuilder:
        """Start a new top-level section; following measures go into it."""
        draft = _SectionDraft(heading, kind if kind is not None else classify_section(heading))
        self._sections.append(draft)
        self._path = [draft]
        return self

    def subsection(self, heading: str = "", *, kind: SectionKind | None = None) -> PlanBuilder:
        """Start a sub-group of the current section (nested one level deeper); :meth:`end` leaves it."""
        if not self._path:
            self.section()
        draft = _SectionDraft(heading, kind if kind is not None else classify_section(heading))
        self._path[-1].subgroups.append(draft)
        self._path.append(draft)
        return self

    def end(self) -> PlanBuilder:
        """Leave the current sub-group: following measures go into its parent."""
        if len(self._path) <= 1:
            raise InvalidValueError("end() without an open subsection")
        self._path.pop()
        return self

    # ------------------------------------------------------------------ measures
    def term(self, text: str) -> Term:
        """``text`` read as a deadline in the plan's school year (an empty text is a missing term)."""
        if not text.strip():
            return MissingTerm(raw=text)
        return parse_term(text, school_year=self._school_year)

    def measure(
        self,
        number: str,
        title: str = "",
        *,
        term: str | Term = "",
        responsible: str = "",
        exam_scope: Iterable[ExamScope] = (),
        after: str | Iterable[str] = (),
        done: dt.date | None = None,
        cancelled: dt.date | None = None,
        **fields: Any,
    ) -> PlanBuilder:
        """Add a measure to the current section (an untitled section is opened when none is).

        Args:
            number: the number as written («1.1», «2.2.13.», "" for none).
            title: the measure text.
            term: the deadline, as text («до 01.12.2023») or a term value.
            responsible: the responsible cell as written («УО, Иванов И.И.»).
            exam_scope: exams the measure concerns.
            after: number(s) of measures this one follows (finish-to-start dependencies).
            done: mark it done on that day.
            cancelled: mark it cancelled on that day.
            **fields: any other :class:`~gia_roadmap.plan.Measure` field (``targets``, ``notes`` …).
        """
        if done is not None and cancelled is not None:
            raise InvalidValueError("a measure cannot be both done and cancelled")
        if not self._path:
            self.section()
        draft = self._path[-1]
        status = Status()
        if done is not None:
            status = Status(StatusKind.DONE, done)
        elif cancelled is not None:
            status = Status(StatusKind.CANCELLED, cancelled)
        measure = Measure(
            number=MeasureNumber.parse(number),
            ordinal=len(draft.measures),
            title=title,
            term=self.term(term) if isinstance(term, str) else term,
            responsible=self._resolver.resolve(responsible) if responsible.strip() else (),
            responsible_raw=responsible,
            exam_scope=tuple(exam_scope),
            status=status,
        )
        if fields:
            measure = attrs.evolve(measure, **fields)
        draft.measures.append(measure)
        draft.afters.append((after,) if isinstance(after, str) else tuple(after))
        return self

    # ------------------------------------------------------------------ result
    def build(self) -> Roadmap:
        """The roadmap.

        Raises:
            ValueError: an ``after=`` number names no measure of the plan.
        """
        refs: dict[str, list[MeasureRef]] = {}

        def index(draft: _SectionDraft, path: tuple[int, ...]) -> None:
            for measure in draft.measures:
                refs.setdefault(measure.number.canonical, []).append(
                    MeasureRef(path, measure.number.canonical, measure.ordinal)
                )
            for position, sub in enumerate(draft.subgroups):
                index(sub, (*path, position))

        for position, draft in enumerate(self._sections):
            index(draft, (position,))

        def ref(number: str) -> MeasureRef:
            found = refs.get(MeasureNumber.parse(number).canonical, [])
            if not found:
                raise InvalidValueError(f"after={number!r}: no measure of plan {self._id!r} has that number")
            first = found[0]
            return first if len(found) > 1 else attrs.evolve(first, ordinal=None)

        def freeze(draft: _SectionDraft, ordinal: int) -> Section:
            measures = tuple(
                attrs.evolve(
                    m,
                    dependencies=m.dependencies
                    + tuple(Dependency(ref(n), DependencyKind.FINISH_TO_START) for n in after),
                )
                if after
                else m
                for m, after in zip(draft.measures, draft.afters, strict=True)
            )
            return Section(
                heading=draft.heading,
                kind=draft.kind,
                ordinal=ordinal,
                number=_heading_number(draft.heading),
                measures=measures,
                subgroups=tuple(freeze(s, i) for i, s in enumerate(draft.subgroups)),
            )

        return Roadmap(
            self._id,
            title=self._title,
            level=self._level,
            school_year=self._school_year,
            period=self._period,
            sections=tuple(freeze(s, i) for i, s in enumerate(self._sections)),
            glossary=self._glossary,
            name_order=self._name_order,
        )


def _heading_number(heading: str) -> MeasureNumber | None:
    head = heading.strip().split(" ", 1)[0] if heading.strip() else ""
    number = MeasureNumber.parse(head)
    return number if number.is_numbered else None
