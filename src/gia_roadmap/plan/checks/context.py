"""The context every check shares for one run (:class:`CheckContext`): the measures in document
order, each deadline resolved once, the dependency graph and its schedule; and the small helpers
the check families share (labels, titles, deadline parts)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import overload

import attrs

from gia_roadmap.calendar.events import ExamEvents
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    ByDate,
    ByMonth,
    CalendarYear,
    DateList,
    DayRange,
    EventDates,
    ExactDate,
    ExamPeriod,
    ExternalSchedule,
    Month,
    MonthList,
    MonthRange,
    OnRequest,
    PeriodList,
    QuarterTerm,
    Relative,
    Resolution,
    ResolutionStatus,
    SchoolYearTerm,
    SeasonTerm,
    SeparatePlan,
    SeparateSchedule,
    Term,
    WorkingDayCalendar,
    event_dates,
)
from gia_roadmap.calendar.terms import parts as term_parts
from gia_roadmap.errors import Language, Location, Severity
from gia_roadmap.plan.binding import EventBinder
from gia_roadmap.plan.checks.options import CheckOptions
from gia_roadmap.plan.checks.registry import default_severity
from gia_roadmap.plan.findings import Finding, Suppression
from gia_roadmap.plan.graph import (
    DependencyGraph,
    EventNode,
    Link,
    Node,
    SuggestedLink,
    _normalized,
    _normalized_all,
    _suggest,
)
from gia_roadmap.plan.messages import Localized, Param, render
from gia_roadmap.plan.model import (
    LocatedMeasure,
    MeasureId,
    MeasureNumber,
    Roadmap,
    Section,
    SectionKind,
)
from gia_roadmap.plan.responsible import Responsible
from gia_roadmap.plan.scheduling import Schedule, schedule

__all__ = ["CheckContext", "is_training"]

# --------------------------------------------------------------------------------------------
# Term helpers
# --------------------------------------------------------------------------------------------

_EXPLICIT = (
    ByDate,
    ByMonth,
    DateList,
    DayRange,
    ExactDate,
    Month,
    MonthRange,
    MonthList,
    PeriodList,
    SeasonTerm,
    QuarterTerm,
    CalendarYear,
)
_EXTERNAL = (ExternalSchedule, SeparateSchedule, SeparatePlan, OnRequest)


def _leaves(term: Term) -> Iterator[Term]:
    """The parts of a term that are not containers (a DateList or PeriodList counts as one part)."""
    return term_parts(term)


def _explicit(term: Term) -> bool:
    return isinstance(term, _EXPLICIT) or (isinstance(term, SchoolYearTerm) and term.explicit)


Pairs = tuple[tuple[Term, DateWindow], ...]
"""The parts of one deadline written as dates, months or years, each with one of its windows."""


class _Leaves(Sequence[tuple[Term, ...]]):
    """Per measure, the parts of its deadline (:attr:`CheckContext.leaves`), held as the deadline itself
    when it is its only part: no tuple per measure is kept (such objects outlive the check's passes and
    make the garbage collector's full collections longer), one is made when it is read."""

    __slots__ = ("_items",)

    def __init__(self, items: list[Term | tuple[Term, ...]]) -> None:
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> tuple[Term, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Term, ...]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Term, ...] | Sequence[tuple[Term, ...]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._items)))]
        item = self._items[index]
        return item if isinstance(item, tuple) else (item,)

    def __iter__(self) -> Iterator[tuple[Term, ...]]:
        for item in self._items:
            yield item if isinstance(item, tuple) else (item,)


class _ExplicitPairs(Sequence[Pairs]):
    """Per measure, :attr:`CheckContext.explicit_list`'s pairs, held as the resolution of the whole
    deadline when that is the only part: the pairs are made when they are read (see :class:`_Leaves`)."""

    __slots__ = ("_items", "_terms")

    def __init__(self, terms: list[Term], items: list[Resolution | Pairs]) -> None:
        self._terms = terms
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def _pairs(self, index: int) -> Pairs:
        item = self._items[index]
        if isinstance(item, tuple):
            return item
        term = self._terms[index]
        return tuple([(term, window) for window in item.windows])

    @overload
    def __getitem__(self, index: int) -> Pairs: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Pairs]: ...

    def __getitem__(self, index: int | slice) -> Pairs | Sequence[Pairs]:
        if isinstance(index, slice):
            return [self._pairs(i) for i in range(*index.indices(len(self._items)))]
        return self._pairs(index if index >= 0 else index + len(self._items))

    def __iter__(self) -> Iterator[Pairs]:
        for index in range(len(self._items)):
            yield self._pairs(index)


def _label(item: LocatedMeasure) -> str:
    number = item.measure.number
    return number.canonical if number.is_numbered else f"#{item.id.ordinal}"


def _title(item: LocatedMeasure, limit: int = 70) -> str:
    title = " ".join(item.measure.title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _hull(windows: Sequence[DateWindow]) -> DateWindow | None:
    if not windows:
        return None
    return DateWindow(min(w.start for w in windows), max(w.end for w in windows))


_LEADING_NUMBER = re.compile(
    r"^\s*(?:раздел\s+|глава\s+)?(?:(?P<arabic>\d+(?:\s*\.\s*\d+)*)|(?P<roman>[IVXLC]+))\s*\.?(?=\s|$)",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    """The value of a Roman numeral («IV» → 4)."""
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _section_number(section: Section) -> tuple[int, ...]:
    """The number a section's measures continue: its own number, else the leading number of its heading
    in Arabic or Roman figures («2. Правовое обеспечение», «II. Организационное …», «Раздел 3»)."""
    if section.number is not None and section.number.is_numbered:
        return section.number.parts
    match = _LEADING_NUMBER.match(section.heading)
    if match is None:
        return ()
    if match.group("arabic"):
        return MeasureNumber.parse(match.group("arabic")).parts
    roman = match.group("roman")
    if roman.upper() != roman or len(roman) > 6:
        return ()  # «Ли…» or a word: only capital Roman figures count
    return (_roman(roman),)


_TRAINING = re.compile(
    r"обучени|обучающ\w* (?:семинар|инструктаж|мероприяти)|семинар|вебинар|инструктаж|тренинг"
    r"|курс\w* повышения|повышени\w* квалификаци|квалификационн\w* испытани|у(?<!\wу)чеб[аеуы]\b"
    r"|подготовк\w* (?:специалист|эксперт|член|организатор|руководител|лиц\b|кадр|общественн|техническ)"
)
# «у(?<!\wу)чеб» is «\bучеб» written so that every alternative starts with a letter: the regex
# engine then skips ahead to the positions holding one of those first letters (twice as fast).


def is_training(item: LocatedMeasure) -> bool:
    """True for a training measure: in a staff-training section, or a title that says training
    («обучение», «семинар», «инструктаж», «вебинар», «повышение квалификации», «подготовка
    экспертов» …)."""
    if item.section_kind is SectionKind.STAFF_TRAINING:
        return True
    return _TRAINING.search(_normalized(item.measure.title)) is not None


# --------------------------------------------------------------------------------------------
# The context shared by all checks
# --------------------------------------------------------------------------------------------


class CheckContext:
    """Everything the checks share for one run: the measures in document order, each deadline
    resolved once, the dependency graph and its schedule (built on first use)."""

    def __init__(
        self,
        roadmap: Roadmap,
        *,
        calendar: WorkingDayCalendar | None,
        events: EventDates | None = None,
        parent: Roadmap | None = None,
        today: dt.date | None = None,
        options: CheckOptions | None = None,
        links: Iterable[Link] = (),
    ) -> None:
        self.roadmap = roadmap
        self.calendar = calendar
        self.events = events
        self.parent = parent
        self.today = today
        self.options = options or CheckOptions()
        self.links = tuple(links)
        self.located: tuple[LocatedMeasure, ...] = tuple(roadmap.walk())
        self.estimated_calendar_years: tuple[int, ...] = ()
        self.unused_suppressions: tuple[Suppression, ...] = ()
        """Years whose days off come from the rules alone (set by :func:`~gia_roadmap.plan.checks.check`
        when it falls back to a rules-only calendar; GR213 reports them)."""
        self.binder = EventBinder(roadmap, events)
        """Binds each measure's deadline to the exam events in its scope (:mod:`gia_roadmap.plan.binding`)."""
        self._memo: dict[Term, Resolution] = {}
        # per set of bound events (by identity: the binder keeps one object per scope), resolved terms
        self._scoped_memo: dict[int, dict[Term, Resolution]] = {}
        # the same term object asked again (a measure's term, then its parts): no hashing
        self._resolved: dict[int, tuple[Term, Resolution]] = {}

    # ------------------------------------------------------------------ resolution
    def resolve(self, term: Term) -> Resolution:
        """``term`` resolved in the plan's school year and period (memoised: equal terms resolve once)."""
        held = self._resolved.get(id(term))
        if held is not None and held[0] is term:
            return held[1]
        try:
            result = self._memo[term]
        except KeyError:
            result = self._memo[term] = self._resolve(term)
        except TypeError:  # pragma: no cover - every term class is hashable
            return self._resolve(term)
        self._resolved[id(term)] = (term, result)
        return result

    def _resolve(self, term: Term) -> Resolution:
        return term.resolve(
            self.calendar,
            self.events,
            school_year=self.roadmap.school_year,
            plan_period=self.roadmap.period,
            options=self.options.resolve_options,
        )

    @cached_property
    def _event_positions(self) -> frozenset[int]:
        """Positions (in :attr:`located`) of the measures whose deadline counts from exam events."""
        return frozenset(self._holding(Relative, ExamPeriod))

    def _scoped_resolve(self, position: int, term: Term) -> Resolution:
        """``term`` (the deadline of the measure at ``position``, or a part of it) resolved against the
        events in that measure's scope (:class:`~gia_roadmap.plan.binding.EventBinder`)."""
        events = self.binder.events_for(self.located[position].measure)
        memo = self._scoped_memo.setdefault(id(events), {})
        result = memo.get(term)
        if result is None:
            result = memo[term] = self.binder.explain(
                term.resolve(
                    self.calendar,
                    events,
                    school_year=self.roadmap.school_year,
                    plan_period=self.roadmap.period,
                    options=self.options.resolve_options,
                ),
                events,
            )
        return result

    def schedule_notices(self, positions: Iterable[int]) -> tuple[str, ...]:
        """Why the library has no exam dates for the measures at ``positions``, each reason once: the
        notice of the events given («нет расписания экзаменов на 2019/20 учебный год») or of those bound
        to each measure («нет расписания ОГЭ на 2026/27 учебный год»); empty when the events were not
        given at all."""
        events = self.binder.events
        if isinstance(events, ExamEvents) and (whole := events.filter().notice):
            return (whole,)  # no exam of the year at all: one reason says it for every measure
        notices = (getattr(self.binder.events_for(self.located[p].measure), "notice", "") for p in positions)
        return tuple(dict.fromkeys(n for n in notices if n))

    @cached_property
    def unscheduled(self) -> frozenset[int]:
        """Positions (in :attr:`located`) of the measures with a part of the deadline left unresolved
        because the library has no exam schedule for its exams in the plan's year (the reason is the
        notice of the events bound to it: «нет расписания ОГЭ и ГВЭ-9 на 2026/27 учебный год»)."""
        out = set()
        for position in self._event_positions:
            events = self.binder.events_for(self.located[position].measure)
            notice = getattr(events, "notice", "")
            if notice and any(
                self._own_resolution(position, leaf).reason.startswith(notice)
                for leaf in self.leaves[position]
                if isinstance(leaf, Relative | ExamPeriod)
            ):
                out.add(position)
        return frozenset(out)

    @cached_property
    def resolutions(self) -> dict[MeasureId, Resolution]:
        """Each measure's deadline resolved."""
        return dict(zip((item.id for item in self.located), self.resolution_list, strict=True))

    @cached_property
    def _unique_ids(self) -> bool:
        """No two measures share an identity (else the per-measure lists repeat the mappings' choice).

        Identities of one plan differ between sections (their paths differ) and, inside a section,
        wherever the ordinals differ; only when a section repeats an ordinal (or a path comes back)
        are the identities themselves compared — a large plan is not hashed measure by measure.
        """
        paths: set[tuple[int, ...]] = set()
        path: tuple[int, ...] | None = None
        ordinals: set[int] = set()
        plan = self.roadmap.id
        for item in self.located:
            measure_id = item.id
            if measure_id.section is not path:
                path = measure_id.section
                if path in paths:
                    return len(self.by_id) == len(self.located)
                paths.add(path)
                ordinals = set()
            if measure_id.ordinal in ordinals or measure_id.plan != plan:
                return len(self.by_id) == len(self.located)
            ordinals.add(measure_id.ordinal)
        return True

    @cached_property
    def resolution_list(self) -> tuple[Resolution, ...]:
        """:attr:`resolutions` per measure in the order of :attr:`located` (no look-up by identity)."""
        values = self._own_resolutions
        if not self._unique_ids:  # a repeated identity: the mapping keeps the last one's
            last = dict(zip((item.id for item in self.located), values, strict=True))
            values = [last[item.id] for item in self.located]
        return tuple(values)

    @cached_property
    def _own_resolutions(self) -> list[Resolution]:
        """Per measure (in the order of :attr:`located`), its own deadline resolved (:meth:`resolve`;
        a repeated identity does not take the last one's here)."""
        known = self._memo.get  # plans repeat the same deadlines: one hash look-up, no method call
        resolve = self.resolve
        bound = self._event_positions
        values: list[Resolution] = []
        append = values.append
        for position, item in enumerate(self.located):
            term = item.measure.term
            if bound and position in bound:  # counts from exam events: those of the measure's scope
                append(self._scoped_resolve(position, term))
                continue
            try:
                result = known(term)
            except TypeError:  # pragma: no cover - every term class is hashable
                result = None
            append(resolve(term) if result is None else result)
        return values

    @cached_property
    def responsible_list(self) -> tuple[tuple[Responsible, ...], ...]:
        """Per measure (in the order of :attr:`located`), ``measure.all_responsible``."""
        # ``all_responsible`` is ``responsible`` itself when there are no level actions
        return tuple(
            measure.all_responsible if measure.level_actions else measure.responsible
            for measure in (item.measure for item in self.located)
        )

    @cached_property
    def numbering(self) -> dict[int, tuple[set[tuple[int, ...]], list[LocatedMeasure]]]:
        """Per top section, the numbers used in it (its sub-sections' and its measures') and its
        numbered measures (shared by the numbering checks; read only)."""
        return _numbers_by_top(self)

    @cached_property
    def leaves(self) -> Sequence[tuple[Term, ...]]:
        """Per measure (in the order of :attr:`located`), the parts of its deadline that are not
        containers (a DateList or PeriodList counts as one part)."""
        terms = (item.measure.term for item in self.located)
        return _Leaves([tuple(_leaves(term)) if term.container else term for term in terms])

    @cached_property
    def _leaf_classes(self) -> dict[type, list[int]]:
        """Per class of deadline part, the positions (in :attr:`located`, ascending) of the measures
        with a part of that class in :attr:`leaves`."""
        out: dict[type, list[int]] = {}
        for position, leaves in enumerate(self.leaves):
            for leaf in leaves:
                positions = out.get(type(leaf))
                if positions is None:
                    out[type(leaf)] = [position]
                elif positions[-1] != position:
                    positions.append(position)
        return out

    def _holding(self, *classes: type) -> Sequence[int]:
        """The positions (in :attr:`located`, ascending) of the measures with a part of their deadline
        (:attr:`leaves`) that is an instance of one of ``classes``: the only measures a check about
        those parts needs to visit (most plans hold few of them)."""
        found = [positions for kind, positions in self._leaf_classes.items() if issubclass(kind, classes)]
        if len(found) <= 1:
            return found[0] if found else ()
        return sorted(set().union(*found))

    @cached_property
    def normalized_titles(self) -> tuple[str, ...]:
        """Per measure (in the order of :attr:`located`), its title normalised
        (:func:`~gia_roadmap.text.normalize`)."""
        return tuple(_normalized_all([item.measure.title for item in self.located]))

    @cached_property
    def _section_kinds(self) -> list[SectionKind]:
        """Per measure (in the order of :attr:`located`), ``item.section_kind``."""
        by_chain: dict[int, SectionKind] = {}  # the measures of a section share its chain of sections
        out: list[SectionKind] = []
        append = out.append
        for item in self.located:
            topic = item.measure.topic
            if topic is not None:
                append(topic)
                continue
            kind = by_chain.get(id(item.sections))  # ``located`` holds every chain alive meanwhile
            if kind is None:
                kind = by_chain[id(item.sections)] = item.section_kind
            append(kind)
        return out

    @cached_property
    def training(self) -> tuple[bool, ...]:
        """Per measure (in the order of :attr:`located`), whether it is a training measure
        (:func:`is_training`)."""
        search = _TRAINING.search
        staff = SectionKind.STAFF_TRAINING
        return tuple(
            kind is staff or search(low) is not None
            for kind, low in zip(self._section_kinds, self.normalized_titles, strict=True)
        )

    @cached_property
    def explicit_windows(self) -> dict[MeasureId, Pairs]:
        """Per measure, the windows of the parts of its deadline written as dates, months or years
        (not relative, continuous or external), each with its part."""
        return {item.id: pairs for item, pairs in zip(self.located, self._own_explicit, strict=True) if pairs}

    @cached_property
    def explicit_list(self) -> Sequence[Pairs]:
        """:attr:`explicit_windows` per measure in the order of :attr:`located` (empty for none)."""
        if not self._unique_ids:
            return tuple(self.explicit_windows.get(item.id, ()) for item in self.located)
        return self._own_explicit

    @cached_property
    def _own_explicit(self) -> _ExplicitPairs:
        """Per measure (in the order of :attr:`located`), the pairs :attr:`explicit_windows` holds for
        it (empty for none; a repeated identity does not take the last one's here)."""
        resolve = self.resolve
        explicit_class: dict[type, bool] = {}  # per class: every instance is explicit (_EXPLICIT)
        terms: list[Term] = []
        out: list[Resolution | Pairs] = []
        append = out.append
        for item, leaves, own in zip(self.located, self.leaves, self._own_resolutions, strict=True):
            term = item.measure.term
            terms.append(term)
            if len(leaves) == 1 and leaves[0] is term:  # the deadline is one part, resolved already
                kind = type(term)
                explicit = explicit_class.get(kind)
                if explicit is None:
                    explicit = explicit_class[kind] = issubclass(kind, _EXPLICIT)
                if not (explicit or (isinstance(term, SchoolYearTerm) and term.explicit)):  # _explicit()
                    append(())
                    continue
                append(own if own.windows else ())  # the pairs are made when read
            else:
                parts = [leaf for leaf in leaves if _explicit(leaf)]
                append(tuple([(leaf, window) for leaf in parts for window in resolve(leaf).windows]))
        return _ExplicitPairs(terms, out)

    def _own_resolution(self, position: int, part: Term) -> Resolution:
        """:meth:`resolve` of ``part`` of the deadline of the measure at ``position``."""
        if part is self.located[position].measure.term:
            return self._own_resolutions[position]
        if position in self._event_positions:
            return self._scoped_resolve(position, part)
        return self.resolve(part)

    @cached_property
    def by_id(self) -> dict[MeasureId, LocatedMeasure]:
        """The measures by identity."""
        return {item.id: item for item in self.located}

    @cached_property
    def with_children(self) -> frozenset[MeasureId]:
        """Measures that have numbered sub-items (group rows such as «2.2. Формирование баз данных:»)."""
        prefixes: set[tuple[int, tuple[int, ...]]] = set()
        for item in self.located:
            parts = item.measure.number.parts
            if len(parts) > 1:
                top = item.id.section[0]
                for size in range(1, len(parts)):
                    prefixes.add((top, parts[:size]))
        if not prefixes:  # no sub-items anywhere
            return frozenset()
        return frozenset(
            item.id
            for item in self.located
            if item.measure.number.parts and (item.id.section[0], item.measure.number.parts) in prefixes
        )

    @cached_property
    def group_rows(self) -> frozenset[int]:
        """Positions (in :attr:`located`) of group rows: a measure with numbered sub-items, or a heading
        row whose title ends with a colon («ГИА-9:», «2.2. Формирование баз данных:») followed in its
        section by rows of its own (unnumbered items or deeper numbers)."""
        groups = self.with_children
        out: set[int] = set()
        located = self.located
        for position, item in enumerate(located):
            if groups and item.id in groups:
                out.add(position)
                continue
            if not item.measure.title.rstrip().endswith(":"):
                continue
            following = located[position + 1] if position + 1 < len(located) else None
            if following is None or following.id.section != item.id.section:
                continue
            number, other = item.measure.number, following.measure.number
            if not other.is_numbered or (number.is_numbered and other.depth > number.depth):
                out.add(position)
        return frozenset(out)

    @cached_property
    def _outline(self) -> list[tuple[str, ...]]:
        """Per measure (in the order of :attr:`located`), the titles of the numbered rows above it in
        its top section at each shallower level (the outline it sits in: «1. Проведение ГИА-11» above
        «2.2.14» even when «2» is missing)."""
        out: list[tuple[str, ...]] = []
        top: int | None = None
        stack: list[tuple[int, str]] = []  # (depth, title), depths increasing
        for item in self.located:
            section_top = item.id.section[0] if item.id.section else None
            if section_top != top:
                top, stack = section_top, []
            depth = item.measure.number.depth
            if not depth:
                out.append(tuple(title for _, title in stack))
                continue
            while stack and stack[-1][0] >= depth:
                stack.pop()
            out.append(tuple(title for _, title in stack))
            stack.append((depth, item.measure.title))
        return out

    def parent_titles(self, item: LocatedMeasure) -> tuple[str, ...]:
        """The titles of the numbered rows above ``item`` at each shallower level, outermost first."""
        position = self._positions.get(id(item))
        return () if position is None else self._outline[position]

    @cached_property
    def graph(self) -> DependencyGraph:
        """The dependency graph (declared, term and extra links; implements links with a parent)."""
        return DependencyGraph.from_roadmap(
            self.roadmap, parent=self.parent, links=self.links, located=self.located
        )

    @cached_property
    def windows(self) -> dict[Node, DateWindow | None]:
        """Each node's own window: a measure's resolved windows' hull (none for continuous or
        unresolved terms), an event's dates' hull."""
        # by resolution: equal terms share one (``resolution_list`` holds each alive meanwhile)
        hulls: dict[int, DateWindow | None] = {}
        own: list[DateWindow | None] = []
        append = own.append
        continuous = ResolutionStatus.CONTINUOUS
        for resolution in self.resolution_list:
            key = id(resolution)
            if key in hulls:
                append(hulls[key])
                continue
            hull = hulls[key] = None if resolution.status is continuous else _hull(resolution.windows)
            append(hull)
        out: dict[Node, DateWindow | None] = dict(zip((item.id for item in self.located), own, strict=True))
        for event in self.graph.events:
            values = event_dates(self.events or {}, event.anchor)
            days = [v if isinstance(v, DateWindow) else DateWindow.day(v) for v in values]
            out[event] = _hull(days)
        return out

    @cached_property
    def schedule(self) -> Schedule:
        """The schedule of the graph."""
        return schedule(self.graph, self.windows, self.calendar)

    @cached_property
    def suggestions(self) -> tuple[SuggestedLink, ...]:
        """Links the wording suggests (:func:`~gia_roadmap.plan.graph.suggest_links`)."""
        return _suggest(self.located, self.normalized_titles, self.options.min_suggestion_score)

    @cached_property
    def adoption(self) -> dt.date | None:
        """The date the plan was adopted: its earliest order date, None when no order is dated."""
        return min((o.date for o in self.roadmap.orders if o.date is not None), default=None)

    @cached_property
    def frame_start(self) -> dt.date | None:
        """The start of the plan's school year (else of its period)."""
        if self.roadmap.school_year is not None:
            return self.roadmap.school_year.start
        return None if self.roadmap.period is None else self.roadmap.period.start

    # ------------------------------------------------------------------ findings
    def severity(self, code: str, default: Severity | None = None) -> Severity:
        """The severity of ``code`` in this run: the options' choice, else ``default`` (a check's own
        grading of one finding), else the registered default."""
        chosen = self.options.severities.get(code)
        if chosen is not None:
            return chosen
        return default if default is not None else default_severity(code)

    @cached_property
    def _follows(self) -> list[str]:
        """Per measure (in the order of :attr:`located`), the number of the last numbered measure
        before it in its top section (empty when none)."""
        out: list[str] = []
        top: int | None = None
        last = ""
        for item in self.located:
            if item.id.section[:1] != (top,):
                top = item.id.section[0] if item.id.section else None
                last = ""
            out.append(last)
            if item.measure.number.is_numbered:
                last = item.measure.number.canonical
        return out

    @cached_property
    def _positions(self) -> dict[int, int]:
        """Per measure object (by identity), its position in :attr:`located`."""
        return {id(item): position for position, item in enumerate(self.located)}

    def location(
        self,
        item: LocatedMeasure | None = None,
        field: str = "",
        *,
        section: Section | None = None,
        path: tuple[int, ...] = (),
    ) -> Location:
        """The location of a measure field (or of a section, or of the plan), in the document's own
        terms: the section's number (else its heading), the measure's number, or for a row without a
        number the number it follows."""
        if item is None:
            label = "" if section is None else _section_label(section)
            return Location(plan=self.roadmap.id, section=label, field=field, section_path=path)
        number = item.measure.number
        follows = ""
        if not number.is_numbered:
            position = self._positions.get(id(item))
            follows = self._follows[position] if position is not None else ""
        return Location(
            plan=item.id.plan,
            section=_section_label(item.section),
            measure=number.canonical if number.is_numbered else "",
            follows=follows,
            field=field,
            section_path=item.id.section,
            ordinal=item.id.ordinal,
        )

    def node_location(self, node: Node) -> Location:
        """The location of a graph node (a measure of this or the parent plan, or an event)."""
        if isinstance(node, EventNode):
            return Location(plan=self.roadmap.id, field=f"event:{node.anchor.key}")
        item = self.by_id.get(node)
        if item is not None:
            return self.location(item)
        number = MeasureNumber.parse(node.number)
        return Location(
            plan=node.plan,
            measure=number.canonical if number.is_numbered else "",
            section_path=node.section,
            ordinal=node.ordinal,
        )

    def ref(self, item: LocatedMeasure, limit: int = 60) -> Localized:
        """A measure named for a message: its place and its title («п. 2.2 «Подготовка отчетных …»»)."""
        where = self.location(item)
        title = _title(item, limit)
        return Localized(
            f"{_short(where, 'ru')} «{title}»",
            f"{_short(where, 'en')} «{title}»",
        )

    def node_ref(self, node: Node) -> Localized:
        """A graph node named for a message: a measure (:meth:`ref`) or an exam event."""
        if isinstance(node, EventNode):
            return Localized(f"событие «{node.anchor.phrase}»", f"event «{node.anchor.phrase}»")
        item = self.by_id.get(node)
        if item is not None:
            return self.ref(item)
        where = self.node_location(node)
        return Localized(_short(where, "ru"), _short(where, "en"))

    def finding(
        self,
        code: str,
        location: Location,
        *,
        params: dict[str, Param] | None = None,
        related: Iterable[Location] = (),
        evidence: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of ``code`` with this run's severity, its message written from the catalogue in
        the run's language."""
        values = params or {}
        return Finding(
            code=code,
            severity=self.severity(code, severity),
            message=render(code, values, self.options.lang),
            location=location,
            related=tuple(related),
            evidence=evidence,
            params=tuple(values.items()),
        )


def _short(location: Location, lang: Language) -> str:
    """A place without the plan, the section and the field: «п. 2.2», «строка без номера после п. 6.5»."""
    text = attrs.evolve(location, plan="", section="", field="").describe(lang)
    return text or attrs.evolve(location, plan="", field="").describe(lang)


_SECTION_HEADING_LIMIT = 70


def _section_label(section: Section) -> str:
    """A section as the document names it: its number when it has one («2», «5.1»), else its heading
    (shortened to 70 characters)."""
    parts = _section_number(section)
    if parts:
        return ".".join(map(str, parts))
    heading = " ".join(section.heading.split())
    if len(heading) <= _SECTION_HEADING_LIMIT:
        return heading
    return heading[: _SECTION_HEADING_LIMIT - 1].rstrip() + "…"


def _numbers_by_top(ctx: CheckContext) -> dict[int, tuple[set[tuple[int, ...]], list[LocatedMeasure]]]:
    out: dict[int, tuple[set[tuple[int, ...]], list[LocatedMeasure]]] = {}

    def sections(section: Section) -> Iterator[Section]:
        yield section
        for sub in section.subgroups:
            yield from sections(sub)

    for position, section in enumerate(ctx.roadmap.sections):
        numbers = {n for sub in section.subgroups for s in sections(sub) if (n := _section_number(s))}
        out[position] = (numbers, [])
    top = -1
    for item in ctx.located:
        parts = item.measure.number.parts
        if not parts:
            continue
        if item.id.section[0] != top:  # the measures of a top section come one after another
            top = item.id.section[0]
            numbers, items = out[top]
        numbers.add(parts)
        items.append(item)
    return out


def _node_text(ctx: CheckContext, node: Node) -> str:
    if isinstance(node, EventNode):
        return f"event «{node.anchor.phrase}»"
    item = ctx.by_id.get(node)
    if item is None:
        return str(node)
    return f"{_label(item)} «{_title(item, 50)}»"
