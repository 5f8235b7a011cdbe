"""Consistency checks («проверки»): one small function per finding code, composed by :func:`check`.

``check(roadmap, calendar=…, events=…, parent=…, today=…)`` resolves every deadline once, builds
the :class:`~gia_roadmap.plan.graph.DependencyGraph`, schedules it
(:func:`~gia_roadmap.plan.scheduling.schedule`) and runs every check in :data:`CHECKS`. Each check
is a function ``(CheckContext) -> Iterable[Finding]`` for one code; the result is a
:class:`~gia_roadmap.plan.findings.Report` — never printed, never raised. The codes, their
triggers and fixes are documented in ``docs/findings.md`` and :data:`~gia_roadmap.plan.findings.CATALOGUE`.

Options (:class:`CheckOptions`): severities per code, codes to run or skip, suppressions per
measure (kept visible in the report), the monthly load threshold, the standard list of exam staff
categories, and the counting rules for deadlines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.regional import region_rules
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.calendar.terms import (
    ByDate,
    ByMonth,
    CalendarYear,
    DateList,
    DayRange,
    EventDates,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    MissingTerm,
    Month,
    MonthList,
    MonthRange,
    OnRequest,
    PeriodList,
    QuarterTerm,
    Relative,
    Resolution,
    ResolutionStatus,
    ResolveOptions,
    SchoolYearTerm,
    SeasonTerm,
    SeparatePlan,
    SeparateSchedule,
    Term,
    UnparsedTerm,
    WorkingDayCalendar,
    event_dates,
)
from gia_roadmap.calendar.terms import parts as term_parts
from gia_roadmap.errors import CalendarCoverageError, Location, Severity
from gia_roadmap.plan.bodies import FEDERAL_BODIES, STANDARD_ABBREVIATIONS
from gia_roadmap.plan.categories import SpecialistCategory, find_categories
from gia_roadmap.plan.findings import CATALOGUE, Finding, Report, Suppression
from gia_roadmap.plan.glossary import abbreviation_key
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
from gia_roadmap.plan.model import (
    LocatedMeasure,
    MeasureId,
    MeasureNumber,
    PlanLevel,
    ProvenanceKind,
    Roadmap,
    Section,
    SectionKind,
)
from gia_roadmap.plan.queries import DueState, state_of
from gia_roadmap.plan.regions import estimated_years, plan_region, regional_calendar
from gia_roadmap.plan.responsible import MatchQuality, Responsible
from gia_roadmap.plan.scheduling import Schedule, ViolationKind, schedule

__all__ = [
    "CHECKS",
    "STANDARD_TRAINED_CATEGORIES",
    "CheckContext",
    "CheckOptions",
    "check",
    "is_training",
]

STANDARD_TRAINED_CATEGORIES: tuple[SpecialistCategory, ...] = (
    SpecialistCategory.MUNICIPAL_COORDINATOR,
    SpecialistCategory.RIS_OFFICER,
    SpecialistCategory.SUBJECT_COMMISSION_CHAIR,
    SpecialistCategory.SUBJECT_COMMISSION_EXPERT,
    SpecialistCategory.APPEAL_COMMISSION_MEMBER,
    SpecialistCategory.PPE_HEAD,
    SpecialistCategory.PPE_ORGANISER,
    SpecialistCategory.PPE_TECHNICAL_SPECIALIST,
    SpecialistCategory.GEK_MEMBER,
    SpecialistCategory.PUBLIC_OBSERVER,
    SpecialistCategory.SCANNING_OPERATOR,
    SpecialistCategory.RCOI_SPECIALIST,
)
"""The categories of exam staff every plan that trains staff should train (the list of the 000
order «Об организации подготовки специалистов, привлекаемых к проведению ГИА»)."""

_GENERAL_ABBREVIATIONS = frozenset(
    {
        "ГИА",
        "ЕГЭ",
        "КЕГЭ",
        "ОГЭ",
        "ГВЭ",
        "ВПР",
        "СПО",
        "НИКО",
        "РФ",
        "ФЗ",
        "ОВЗ",
        "КИМ",
        "ЭМ",
        "РИС",
        "ФИС",
        "ФГОС",
        "ООО",
        "СОО",
        "НОО",
        "ДПО",
        "ДПП",
        "ИКТ",
        "ЭЦП",
        "PISA",
        "МБОУ",
        "МАОУ",
        "МБУ",
        "МКУ",
        "ГКУ",
        "ГАУ",
        "ГБУ",
        "ФГБУ",
        "ФГБНУ",
        "АУ",
        "КАУ",
        "ПАО",
        "ОГАУ",
        "СОШ",
        "СШ",
        "ГО",
        "ВКС",
        "АРМ",
    }
)
"""Abbreviations no roadmap defines and none needs to (exams, legal forms, «РФ»)."""


def _codes(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _suppressions(values: Iterable[Suppression]) -> tuple[Suppression, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class CheckOptions:
    """How :func:`check` runs.

    Attributes:
        severities: severity per code, overriding the catalogue default (``{"GR401": Severity.WARNING}``).
        select: run only these codes (None: all).
        ignore: never run these codes.
        suppressions: findings not to act on, per measure with a reason; suppressed findings stay in
            the report (``finding.suppressed``).
        load_threshold: GR702 fires when one body has more than this many deadlines in one month.
        standard_categories: the categories GR601 expects a training measure for.
        resolve_options: counting rules for deadlines (:class:`~gia_roadmap.calendar.terms.ResolveOptions`).
        suggest: report suggested links from wording markers (GR105).
        min_suggestion_score: the least share of word stems a suggested predecessor's title must share.
        known_abbreviations: abbreviations GR401 accepts without a definition, besides the standard ones.
    """

    severities: Mapping[str, Severity] = attrs.field(factory=dict)
    select: frozenset[str] | None = attrs.field(default=None, converter=attrs.converters.optional(_codes))
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    suppressions: tuple[Suppression, ...] = attrs.field(default=(), converter=_suppressions)
    load_threshold: int = 15
    standard_categories: tuple[SpecialistCategory, ...] = STANDARD_TRAINED_CATEGORIES
    resolve_options: ResolveOptions | None = None
    suggest: bool = True
    min_suggestion_score: float = 0.5
    known_abbreviations: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)

    def enabled(self, code: str) -> bool:
        """True when ``code`` runs under these options."""
        return (self.select is None or code in self.select) and code not in self.ignore


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


_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:\s*\.\s*\d+)*)\s*\.?(?=\s|$)")


def _section_number(section: Section) -> tuple[int, ...]:
    if section.number is not None and section.number.is_numbered:
        return section.number.parts
    match = _LEADING_NUMBER.match(section.heading)
    return MeasureNumber.parse(match.group(1)).parts if match else ()


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
        self._memo: dict[Term, Resolution] = {}
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
        values: list[Resolution] = []
        append = values.append
        for item in self.located:
            term = item.measure.term
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
    def leaves(self) -> tuple[tuple[Term, ...], ...]:
        """Per measure (in the order of :attr:`located`), the parts of its deadline that are not
        containers (a DateList or PeriodList counts as one part)."""
        return tuple(
            tuple(_leaves(term)) if term.container else (term,)
            for term in (item.measure.term for item in self.located)
        )

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
    def explicit_windows(self) -> dict[MeasureId, tuple[tuple[Term, DateWindow], ...]]:
        """Per measure, the windows of the parts of its deadline written as dates, months or years
        (not relative, continuous or external), each with its part."""
        return {item.id: pairs for item, pairs in zip(self.located, self._own_explicit, strict=True) if pairs}

    @cached_property
    def explicit_list(self) -> tuple[tuple[tuple[Term, DateWindow], ...], ...]:
        """:attr:`explicit_windows` per measure in the order of :attr:`located` (empty for none)."""
        if not self._unique_ids:
            return tuple(self.explicit_windows.get(item.id, ()) for item in self.located)
        return tuple(self._own_explicit)

    @cached_property
    def _own_explicit(self) -> list[tuple[tuple[Term, DateWindow], ...]]:
        """Per measure (in the order of :attr:`located`), the pairs :attr:`explicit_windows` holds for
        it (empty for none; a repeated identity does not take the last one's here)."""
        resolve = self.resolve
        explicit_class: dict[type, bool] = {}  # per class: every instance is explicit (_EXPLICIT)
        out: list[tuple[tuple[Term, DateWindow], ...]] = []
        append = out.append
        for item, leaves, own in zip(self.located, self.leaves, self._own_resolutions, strict=True):
            term = item.measure.term
            if len(leaves) == 1 and leaves[0] is term:  # the deadline is one part, resolved already
                kind = type(term)
                explicit = explicit_class.get(kind)
                if explicit is None:
                    explicit = explicit_class[kind] = issubclass(kind, _EXPLICIT)
                if not (explicit or (isinstance(term, SchoolYearTerm) and term.explicit)):  # _explicit()
                    append(())
                    continue
                windows = own.windows
                if len(windows) == 1:
                    append(((term, windows[0]),))
                else:
                    append(tuple([(term, window) for window in windows]))
            else:
                parts = [leaf for leaf in leaves if _explicit(leaf)]
                append(tuple([(leaf, window) for leaf in parts for window in resolve(leaf).windows]))
        return out

    def _own_resolution(self, position: int, part: Term) -> Resolution:
        """:meth:`resolve` of ``part`` of the deadline of the measure at ``position``."""
        if part is self.located[position].measure.term:
            return self._own_resolutions[position]
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
    def severity(self, code: str) -> Severity:
        """The severity of ``code`` in this run."""
        return self.options.severities.get(code, CATALOGUE[code].severity)

    def location(
        self,
        item: LocatedMeasure | None = None,
        field: str = "",
        *,
        section: Section | None = None,
        path: tuple[int, ...] = (),
    ) -> Location:
        """The location of a measure field (or of a section, or of the plan)."""
        if item is None:
            heading = "" if section is None else section.heading
            return Location(plan=self.roadmap.id, section=heading, field=field, section_path=path)
        return Location(
            plan=item.id.plan,
            section=item.section.heading,
            measure=_label(item),
            field=field,
            section_path=item.id.section,
            ordinal=item.id.ordinal,
        )

    def node_location(self, node: Node) -> Location:
        """The location of a graph node (a measure of this or the parent plan, or an event)."""
        if isinstance(node, EventNode):
            return Location(plan=self.roadmap.id, measure=f"event:{node.anchor.key}")
        item = self.by_id.get(node)
        if item is not None:
            return self.location(item)
        return Location(
            plan=node.plan,
            measure=MeasureNumber.parse(node.number).canonical or f"#{node.ordinal}",
            section_path=node.section,
            ordinal=node.ordinal,
        )

    def finding(
        self,
        code: str,
        message: str,
        location: Location,
        *,
        related: Iterable[Location] = (),
        evidence: str = "",
    ) -> Finding:
        """A finding of ``code`` with this run's severity."""
        return Finding(
            code=code,
            severity=self.severity(code),
            message=message,
            location=location,
            related=tuple(related),
            evidence=evidence,
        )


def _node_text(ctx: CheckContext, node: Node) -> str:
    if isinstance(node, EventNode):
        return f"event «{node.anchor.phrase}»"
    item = ctx.by_id.get(node)
    if item is None:
        return str(node)
    return f"{_label(item)} «{_title(item, 50)}»"


# --------------------------------------------------------------------------------------------
# GR1xx: graph and scheduling
# --------------------------------------------------------------------------------------------


def check_cycles(ctx: CheckContext) -> Iterator[Finding]:
    """GR101: every dependency cycle, reported once with its full path."""
    for cycle in ctx.schedule.cycles:
        path = " → ".join(_node_text(ctx, n) for n in (*cycle, cycle[0]))
        first = next((n for n in cycle if not isinstance(n, EventNode)), cycle[0])
        yield ctx.finding(
            "GR101",
            f"dependency cycle: {path}",
            _with_field(ctx.node_location(first), "dependencies"),
            related=[ctx.node_location(n) for n in cycle],
        )


def _with_field(location: Location, field: str) -> Location:
    return attrs.evolve(location, field=field)


def _violations(ctx: CheckContext, kind: ViolationKind, code: str) -> Iterator[Finding]:
    for violation in ctx.schedule.violations:
        if violation.kind is not kind:
            continue
        link = violation.link
        unit = "working days" if link.working_days else "calendar days"
        what = "start" if link.kind.value in ("FS", "SS") else "finish"
        lag = f" with a lag of {link.lag} {unit}" if link.lag else ""
        if kind is ViolationKind.PRECEDENCE:
            message = (
                f"{_node_text(ctx, link.successor)} is due by {violation.due} but depends "
                f"({link.kind.value}{lag}) on {_node_text(ctx, link.predecessor)}, which lets it {what} "
                f"no earlier than {violation.required}"
            )
        else:
            message = (
                f"{_node_text(ctx, link.successor)} is due by {violation.due}; the {link.kind.value} link "
                f"from {_node_text(ctx, link.predecessor)}{lag} needs it to {what} no earlier than "
                f"{violation.required} ({violation.shortfall} {unit} short)"
            )
        successor = ctx.node_location(link.successor)
        yield ctx.finding(
            code,
            message,
            _with_field(successor, "term"),
            related=[ctx.node_location(link.predecessor)],
            evidence=link.evidence,
        )


def check_precedence(ctx: CheckContext) -> Iterator[Finding]:
    """GR102: a measure due before a measure it depends on can finish (lag 0 already fails)."""
    return _violations(ctx, ViolationKind.PRECEDENCE, "GR102")


def check_lags(ctx: CheckContext) -> Iterator[Finding]:
    """GR103: the order is right, but the dates leave less time than the link's lag."""
    return _violations(ctx, ViolationKind.LAG, "GR103")


def check_dangling_links(ctx: CheckContext) -> Iterator[Finding]:
    """GR104: a declared dependency on a measure that does not exist."""
    for dangling in ctx.graph.dangling:
        item = ctx.by_id[dangling.successor]
        ref = dangling.ref
        yield ctx.finding(
            "GR104",
            f"{_label(item)} «{_title(item, 50)}» depends on measure {ref.number} "
            f"(section {'.'.join(map(str, ref.section)) or 'any'}), which does not exist",
            ctx.location(item, "dependencies"),
            evidence=dangling.dependency.raw,
        )


def check_suggested_links(ctx: CheckContext) -> Iterator[Finding]:
    """GR105: the wording suggests a dependency that is not declared (never added silently)."""
    if not ctx.options.suggest:
        return
    graph = ctx.graph
    for suggestion in ctx.suggestions:
        holder = (
            suggestion.successor if isinstance(suggestion.successor, MeasureId) else suggestion.predecessor
        )
        if suggestion.predecessor is not None and graph._has_edge(
            suggestion.predecessor, suggestion.successor
        ):
            continue
        if not isinstance(holder, MeasureId) or holder not in ctx.by_id:
            continue
        item = ctx.by_id[holder]
        if suggestion.predecessor is None:
            message = (
                f"«{suggestion.marker}» in {_label(item)}: the measure waits for something outside the plan"
            )
            related: list[Location] = []
        else:
            message = (
                f"«{suggestion.marker}» suggests {_node_text(ctx, suggestion.successor)} depends on "
                f"{_node_text(ctx, suggestion.predecessor)} (match {suggestion.score:.2f}); declare the "
                "link if it is meant"
            )
            related = [ctx.node_location(suggestion.predecessor)]
        yield ctx.finding(
            "GR105",
            message,
            ctx.location(item, suggestion.field),
            related=related,
            evidence=suggestion.evidence,
        )


# --------------------------------------------------------------------------------------------
# GR2xx: deadlines
# --------------------------------------------------------------------------------------------


def check_unparsed_terms(ctx: CheckContext) -> Iterator[Finding]:
    """GR201: deadline text (or a part of it) no rule could read."""
    for position in ctx._holding(UnparsedTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, UnparsedTerm):
                yield ctx.finding(
                    "GR201",
                    f"cannot read the deadline «{leaf.text}» of {_label(item)} "
                    f"(at {leaf.position}: {leaf.reason})",
                    ctx.location(item, "term"),
                    evidence=leaf.text,
                )


def check_missing_terms(ctx: CheckContext) -> Iterator[Finding]:
    """GR202: an empty deadline cell (group rows with sub-items are exempt)."""
    groups = ctx.with_children
    for position in ctx._holding(MissingTerm):  # a MissingTerm is no container: its own only part
        item = ctx.located[position]
        if isinstance(item.measure.term, MissingTerm) and not (groups and item.id in groups):
            yield ctx.finding(
                "GR202",
                f"{_label(item)} «{_title(item)}» has no deadline",
                ctx.location(item, "term"),
            )


_STALE_MARGIN = dt.timedelta(days=31)


def _is_stale(ctx: CheckContext, window: DateWindow, leaf: Term | None = None) -> bool:
    """The window ends more than a month before the plan's school year starts (August before a
    school year is its preparation, not a stale year), or ``leaf`` names an earlier school year
    («2022-2023 уч. г.» in a 2023/2024 plan)."""
    start = ctx.frame_start
    if start is None:
        return False
    return _stale(window.end, leaf, start, start - _STALE_MARGIN)


def _stale(end: dt.date, leaf: Term | None, start: dt.date, limit: dt.date) -> bool:
    """:func:`_is_stale` of a window ending on ``end``, for a plan whose frame starts on ``start``
    (``limit``: a month before)."""
    return end < limit or (end < start and isinstance(leaf, SchoolYearTerm) and leaf.explicit)


def check_outside_period(ctx: CheckContext) -> Iterator[Finding]:
    """GR203: a window reaching past the plan's declared period (stale years are GR208)."""
    period = ctx.roadmap.period
    if period is None:
        return
    start = ctx.frame_start
    limit = None if start is None else start - _STALE_MARGIN
    for item, resolution in zip(ctx.located, ctx.resolution_list, strict=True):
        if resolution.status is ResolutionStatus.CONTINUOUS:
            continue
        for window in resolution.windows:
            if limit is not None and window.end < limit:  # stale (_is_stale without a part): GR208
                continue
            late = window.end > period.end and not window.open_end
            early = window.start < period.start and not window.open_start
            if late or early:
                yield ctx.finding(
                    "GR203",
                    f"the deadline «{item.measure.term.raw}» of {_label(item)} gives {window}, outside the "
                    f"plan period {period.start}..{period.end}",
                    ctx.location(item, "term"),
                    evidence=item.measure.term.raw,
                )
                break


_RANGES = (MonthRange, SchoolYearTerm)


def check_inverted_ranges(ctx: CheckContext) -> Iterator[Finding]:
    """GR204: a range that ends before it starts («май – март 2024»)."""
    for position in ctx._holding(PeriodList, MonthRange, SchoolYearTerm):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            parts: Sequence[Term] = leaf.items if isinstance(leaf, PeriodList) else (leaf,)
            for part in parts:
                if not isinstance(part, _RANGES):
                    continue
                resolution = ctx._own_resolution(position, part)
                if resolution.status is ResolutionStatus.INVALID:
                    yield ctx.finding(
                        "GR204",
                        f"the range «{part.raw or leaf.raw}» of {_label(item)} is impossible: "
                        f"{resolution.reason}",
                        ctx.location(item, "term"),
                        evidence=part.raw or leaf.raw,
                    )


_LISTS = (MonthList, DateList, PeriodList)


def check_unordered_lists(ctx: CheckContext) -> Iterator[Finding]:
    """GR205: dates or months of a list that are not in chronological order."""
    for position in ctx._holding(*_LISTS):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _LISTS) and "chronology_violated" in leaf.flags:
                yield ctx.finding(
                    "GR205",
                    f"the list «{leaf.raw}» of {_label(item)} is not in chronological order",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )


def check_days_off(ctx: CheckContext) -> Iterator[Finding]:
    """GR206: an exact date or a «до DATE» deadline on a weekend or public holiday."""
    calendar = ctx.calendar
    if calendar is None:
        return
    for position in ctx._holding(ExactDate, ByDate, DateList):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, ExactDate | ByDate):
                refs = [leaf.day]
            elif isinstance(leaf, DateList):
                refs = [i.day for i in leaf.items]
            else:
                continue
            for ref in refs:
                day = ref.date(ctx.roadmap.school_year)
                if day is None:
                    continue
                try:
                    working = calendar.is_working_day(day)
                except CalendarCoverageError:
                    continue
                if not working:
                    yield ctx.finding(
                        "GR206",
                        f"the deadline «{leaf.raw}» of {_label(item)} falls on {day.isoformat()}, "
                        f"a {day.strftime('%A')} off work",
                        ctx.location(item, "term"),
                        evidence=leaf.raw,
                    )


def check_before_adoption(ctx: CheckContext) -> Iterator[Finding]:
    """GR207: a written date that ends before the plan was adopted (and is not a stale year)."""
    adoption = ctx.adoption
    if adoption is None:
        return
    start = ctx.frame_start
    limit = None if start is None else start - _STALE_MARGIN
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if window.end < adoption and not (
                start is not None and limit is not None and _stale(window.end, leaf, start, limit)
            ):
                yield ctx.finding(
                    "GR207",
                    f"the deadline «{leaf.raw}» of {_label(item)} ends on {window.end}, before the plan was "
                    f"adopted on {adoption}",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def check_stale_years(ctx: CheckContext) -> Iterator[Finding]:
    """GR208: a written year that puts a deadline before the plan's school year."""
    start = ctx.frame_start
    if start is None:
        return
    limit = start - _STALE_MARGIN
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if window.end < start and _stale(window.end, leaf, start, limit):
                yield ctx.finding(
                    "GR208",
                    f"the deadline «{leaf.raw}» of {_label(item)} resolves to {window}, before the plan's "
                    f"school year starts on {start}; the year looks stale",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def _event_leaves(leaves: Iterable[Term]) -> Iterator[Relative | ExamPeriod]:
    for leaf in leaves:
        if isinstance(leaf, Relative) or (isinstance(leaf, ExamPeriod) and leaf.phase is ExamPhase.CONDUCT):
            yield leaf


def _has_event_leaf(leaves: Iterable[Term]) -> bool:
    return any(
        isinstance(leaf, Relative) or (isinstance(leaf, ExamPeriod) and leaf.phase is ExamPhase.CONDUCT)
        for leaf in leaves
    )


def check_anchor_events(ctx: CheckContext) -> Iterator[Finding]:
    """GR209: a schedule was given but has no dates for the event a deadline counts from."""
    if ctx.events is None:
        return
    for position in ctx._holding(Relative, ExamPeriod):
        item = ctx.located[position]
        for leaf in _event_leaves(ctx.leaves[position]):
            resolution = ctx._own_resolution(position, leaf)
            if resolution.status is ResolutionStatus.NO_EVENT_DATES:
                yield ctx.finding(
                    "GR209",
                    f"the deadline «{leaf.raw}» of {_label(item)} counts from an event with no dates in the "
                    f"schedule given ({resolution.reason})",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def check_external_schedules(ctx: CheckContext) -> Iterator[Finding]:
    """GR210: the date is set by an external schedule, a separate plan or a request."""
    for position in ctx._holding(*_EXTERNAL):
        item = ctx.located[position]
        for leaf in ctx.leaves[position]:
            if isinstance(leaf, _EXTERNAL):
                yield ctx.finding(
                    "GR210",
                    f"the deadline «{leaf.raw}» of {_label(item)} depends on a schedule or plan "
                    "not given here",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def check_schedule_supplied(ctx: CheckContext) -> Iterator[Finding]:
    """GR211: deadlines count from exam events but no exam schedule was given (one finding per plan)."""
    if ctx.events is not None:
        return
    located, leaves = ctx.located, ctx.leaves
    items = [located[p] for p in ctx._holding(Relative, ExamPeriod) if _has_event_leaf(leaves[p])]
    if not items:
        return
    numbers = ", ".join(_label(i) for i in items[:8]) + (" …" if len(items) > 8 else "")
    yield ctx.finding(
        "GR211",
        f"{len(items)} deadlines count from exam days or periods ({numbers}) but no exam schedule was given; "
        "pass events=exam_events(ExamSchedule.bundled(…), calendar)",
        ctx.location(None, "term"),
        related=[ctx.location(i, "term") for i in items],
        evidence=items[0].measure.term.raw,
    )


def check_regional_days(ctx: CheckContext) -> Iterator[Finding]:
    """GR212: the plan's region has non-working days of its own that the count does not use, uses only
    as estimates, or uses only in part (a reading notice about the calendar, not about the document)."""
    calendar = ctx.calendar
    if calendar is None:
        return
    reading = plan_region(ctx.roadmap)
    where = ctx.location(None, "region")
    if reading.candidates:
        yield ctx.finding(
            "GR212",
            f"the {reading.source} «{reading.text}» names several subjects "
            f"({', '.join(reading.candidates)}), so the plan's region is not known and the federal "
            "calendar applies; set the region (Roadmap.region, or --region)",
            where,
            evidence=reading.text,
        )
        return
    code = reading.code
    rules = None if code is None else region_rules(code)
    if code is None or rules is None:
        return
    name = federal_subject(code).name
    days = ", ".join(h.name for h in rules.holidays)
    applied = getattr(calendar, "region", None)
    if applied != code:
        used = f"has the region {applied}" if applied else "is the federal one"
        yield ctx.finding(
            "GR212",
            f"the plan is from {code} ({name}), which has non-working days of its own ({days}); the calendar "
            f"used {used}, so they are not counted",
            where,
            evidence=reading.text,
        )
        return
    estimated = estimated_years(ctx.roadmap, calendar)
    if estimated:
        yield ctx.finding(
            "GR212",
            f"the non-working days of {code} ({name}) in {', '.join(map(str, estimated))} are estimates: no "
            f"regional act fixing them is bundled ({days}); check the dates against the regional acts",
            where,
            evidence=reading.text,
        )
    if rules.unmodelled:
        yield ctx.finding(
            "GR212",
            f"other regional days of {code} are not counted: {'; '.join(rules.unmodelled)}",
            where,
            evidence=reading.text,
        )


# --------------------------------------------------------------------------------------------
# GR3xx: responsible parties
# --------------------------------------------------------------------------------------------


def check_missing_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR301: no responsible party (group rows with sub-items are exempt)."""
    groups = ctx.with_children
    for item, responsible in zip(ctx.located, ctx.responsible_list, strict=True):
        if responsible or item.measure.responsible_raw.strip() or (groups and item.id in groups):
            continue
        if any(p.kind is ProvenanceKind.NOT_IN_LAYOUT for p in item.measure.provenance):
            continue  # the table has no responsible column: a valid plan, not a blank cell
        yield ctx.finding(
            "GR301",
            f"{_label(item)} «{_title(item)}» names no one responsible",
            ctx.location(item, "responsible"),
        )


def check_unresolved_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR302: a responsible party no rule could read."""
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if not parties:
            continue
        seen: set[str] = set()
        for responsible in parties:
            if responsible.party is None and responsible.raw not in seen:
                seen.add(responsible.raw)
                note = f" ({responsible.note})" if responsible.note else ""
                yield ctx.finding(
                    "GR302",
                    f"cannot tell who «{responsible.raw}» in {_label(item)} is{note}",
                    ctx.location(item, "responsible"),
                    evidence=responsible.raw,
                )


def check_approximate_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """GR303: a party read only partly, or through a typo rule."""
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if not parties:
            continue
        for responsible in parties:
            if responsible.party is not None and responsible.quality in (
                MatchQuality.FUZZY,
                MatchQuality.PARTIAL,
            ):
                note = f": {responsible.note}" if responsible.note else ""
                yield ctx.finding(
                    "GR303",
                    f"«{responsible.raw}» in {_label(item)} was read as {responsible.party} "
                    f"({responsible.quality.value}{note})",
                    ctx.location(item, "responsible"),
                    evidence=responsible.raw,
                )


# --------------------------------------------------------------------------------------------
# GR4xx: abbreviations
# --------------------------------------------------------------------------------------------

_ABBREVIATION = re.compile(r"[А-ЯЁ](?<![\w][А-ЯЁ])[А-ЯЁ]+(?:и[А-ЯЁ]{2,})*(?![\w])")
"""Two or more capitals, or such runs joined by «и» («ОИВиМСУ»), not inside a word; the check that no
letter comes before is made after the first capital, so that the regex engine skips ahead to capitals."""


def _known_abbreviations(ctx: CheckContext) -> set[str]:
    known = set(_GENERAL_ABBREVIATIONS) | set(STANDARD_ABBREVIATIONS) | set(ctx.options.known_abbreviations)
    for body in FEDERAL_BODIES:
        for abbreviation in body.abbreviations:
            known.update(_ABBREVIATION.findall(abbreviation))
    for entry in ctx.roadmap.glossary.entries:
        known.add(entry.key)
        known.update(_ABBREVIATION.findall(entry.abbreviation))
        known.update(_ABBREVIATION.findall(entry.expansion))
    return {abbreviation_key(k) for k in known}


def check_undefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """GR401: an abbreviation used in titles or responsible cells, defined nowhere in the document
    and not standard (one finding per abbreviation, at its first use)."""
    known = _known_abbreviations(ctx)
    measures = [item.measure for item in ctx.located]
    texts = {m.title for m in measures}  # each text once: responsible cells (and titles) recur
    texts.update(m.responsible_raw for m in measures)
    findall = _ABBREVIATION.findall
    unknown: dict[str, bool] = {}  # per token: its key is not known (the same few tokens recur)
    flagged: dict[str, list[str]] = {}  # per text with an unknown token: its unknown tokens in order
    for text in texts:
        for token in findall(text):
            flag = unknown.get(token)
            if flag is None:
                flag = unknown[token] = abbreviation_key(token) not in known
            if flag:
                flagged.setdefault(text, []).append(token)
    if not flagged:
        return
    uses: dict[str, list[tuple[LocatedMeasure, str]]] = {}
    for item, measure in zip(ctx.located, measures, strict=True):
        for field, text in (("title", measure.title), ("responsible", measure.responsible_raw)):
            for token in flagged.get(text, ()):
                uses.setdefault(token, []).append((item, field))
    for token, places in uses.items():
        first, field = places[0]
        yield ctx.finding(
            "GR401",
            f"«{token}» is used {len(places)} time{'s' if len(places) != 1 else ''} but the document does "
            "not define it",
            ctx.location(first, field),
            related=[ctx.location(i, f) for i, f in places[1:]],
            evidence=token,
        )


def check_redefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """GR402: the document defines an abbreviation twice, differently."""
    glossary = ctx.roadmap.glossary
    seen: set[str] = set()
    for entry in glossary.entries:
        if entry.key in seen or not glossary.is_ambiguous(entry.abbreviation):
            continue
        seen.add(entry.key)
        meanings = "; ".join(f"«{e.expansion}»" for e in glossary.meanings(entry.abbreviation))
        yield ctx.finding(
            "GR402",
            f"«{entry.abbreviation}» is defined more than once, differently: {meanings}",
            ctx.location(None, "glossary"),
            evidence=entry.abbreviation,
        )


# --------------------------------------------------------------------------------------------
# GR5xx: numbering and structure
# --------------------------------------------------------------------------------------------


def check_duplicate_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """GR501: two measures of one section with the same number."""
    located = ctx.located
    first_at: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}  # per number: its first position
    repeats: dict[tuple[tuple[int, ...], tuple[int, ...]], list[LocatedMeasure]] = {}
    for position, item in enumerate(located):
        parts = item.measure.number.parts
        if parts:
            key = (item.id.section, parts)
            if first_at.setdefault(key, position) != position:
                repeats.setdefault(key, []).append(item)
    for key in sorted(repeats, key=first_at.__getitem__):  # in the order of the first uses
        first = located[first_at[key]]
        for other in repeats[key]:
            yield ctx.finding(
                "GR501",
                f"number {_label(other)} is used twice in «{other.section.heading}»: "
                f"«{_title(first, 50)}» and "
                f"«{_title(other, 50)}»",
                ctx.location(other, "number"),
                related=[ctx.location(first, "number")],
                evidence=other.measure.number.raw,
            )


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


def check_numbering_gaps(ctx: CheckContext) -> Iterator[Finding]:
    """GR502: a skipped number among siblings («3.3», «3.5»: no «3.4»), under an existing parent."""
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        siblings: dict[tuple[int, ...], set[int]] = defaultdict(set)
        for parts in numbers:
            siblings[parts[:-1]].add(parts[-1])
        first_at: dict[tuple[int, ...], LocatedMeasure] | None = None  # built for the first gap
        for prefix, lasts in sorted(siblings.items()):
            if prefix and prefix not in numbers and prefix != top:
                continue  # the parent itself is missing: GR503
            missing = [n for n in range(1, max(lasts)) if n not in lasts]
            if not missing:
                continue
            if first_at is None:
                first_at = {}
                for item in items:
                    first_at.setdefault(item.measure.number.parts, item)
            runs: list[list[int]] = []
            for n in missing:
                if runs and runs[-1][-1] == n - 1:
                    runs[-1].append(n)
                else:
                    runs.append([n])
            section = ctx.roadmap.sections[position]
            for run in runs:
                names = ", ".join(".".join(map(str, (*prefix, n))) for n in run)
                anchor = first_at.get((*prefix, run[-1] + 1))
                location = (
                    ctx.location(anchor, "number")
                    if anchor is not None
                    else ctx.location(None, "number", section=section, path=(position,))
                )
                yield ctx.finding("GR502", f"numbering skips {names} in «{section.heading}»", location)


def check_missing_parents(ctx: CheckContext) -> Iterator[Finding]:
    """GR503: sub-items whose parent number exists nowhere in the section (one finding per missing parent)."""
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        orphans: dict[tuple[int, ...], list[LocatedMeasure]] = {}
        for item in items:
            parts = item.measure.number.parts
            prefix = parts[:-1]
            if len(parts) > 1 and prefix not in numbers and prefix != top:
                orphans.setdefault(prefix, []).append(item)
        for prefix, children in orphans.items():
            name = ".".join(map(str, prefix))
            yield ctx.finding(
                "GR503",
                f"{len(children)} item{'s' if len(children) != 1 else ''} numbered under {name} "
                f"({', '.join(_label(c) for c in children[:5])}{' …' if len(children) > 5 else ''}) but "
                f"there is no {name}",
                ctx.location(children[0], "number"),
                related=[ctx.location(c, "number") for c in children[1:]],
                evidence=children[0].measure.number.raw,
            )


def check_empty_sections(ctx: CheckContext) -> Iterator[Finding]:
    """GR504: a section (or sub-group) with no measure anywhere inside it."""

    def count(section: Section) -> int:
        return len(section.measures) + sum(count(s) for s in section.subgroups)

    def visit(section: Section, path: tuple[int, ...]) -> Iterator[Finding]:
        if count(section) == 0:
            yield ctx.finding(
                "GR504",
                f"the section «{section.heading}» holds no measures",
                ctx.location(None, "", section=section, path=path),
                evidence=section.heading,
            )
            return
        for index, sub in enumerate(section.subgroups):
            yield from visit(sub, (*path, index))

    for position, section in enumerate(ctx.roadmap.sections):
        yield from visit(section, (position,))


# --------------------------------------------------------------------------------------------
# GR6xx: coverage (training, cascade)
# --------------------------------------------------------------------------------------------


def _categories(item: LocatedMeasure) -> set[SpecialistCategory]:
    measure = item.measure
    found = {t.category for t in (*measure.targets, *measure.participants) if t.category is not None}
    for responsible in measure.all_responsible:
        category = getattr(responsible.party, "category", None)
        if isinstance(category, SpecialistCategory):
            found.add(category)
    found.update(m.category for m in find_categories(measure.title))
    found.update(m.category for s in item.sections for m in find_categories(s.heading))
    return found


def _plan_scopes(ctx: CheckContext) -> set[ExamScope]:
    scopes: set[ExamScope] = set()
    for item in ctx.located:
        for scope in item.measure.exam_scope:
            scopes.add(scope)
            scopes.update(scope.covers)
    return scopes


_REGIONAL_ONLY = frozenset({SpecialistCategory.SCANNING_OPERATOR, SpecialistCategory.RCOI_SPECIALIST})
"""Categories only the region trains (its data-processing centre): not expected of a municipal plan."""


def check_untrained_categories(ctx: CheckContext) -> Iterator[Finding]:
    """GR601: a standard category of exam staff with no training measure (plans that train no one
    are exempt; categories of exams the plan does not cover are skipped, and municipal or school
    plans are not expected to train scanning operators or РЦОИ staff)."""
    training = [item for item, flag in zip(ctx.located, ctx.training, strict=True) if flag]
    if not training:
        return
    covered: set[SpecialistCategory] = set()
    for item in training:
        covered |= _categories(item)
    scopes = _plan_scopes(ctx)
    local = ctx.roadmap.level in (PlanLevel.MUNICIPAL, PlanLevel.SCHOOL)
    where = next(
        ((i, s) for i, s in enumerate(ctx.roadmap.sections) if s.kind is SectionKind.STAFF_TRAINING), None
    )
    location = ctx.location(None, "", section=where[1], path=(where[0],)) if where else ctx.location(None, "")
    for category in ctx.options.standard_categories:
        if category in covered or (local and category in _REGIONAL_ONLY):
            continue
        if scopes and not any(scope in scopes for scope in category.exams):
            continue
        yield ctx.finding(
            "GR601",
            f"no training measure for «{category.label}» ({category.label_en})",
            location,
            evidence=category.label,
        )


_LEVEL_EXAMS = {
    ExamScope.GIA_11: ("ЕГЭ", "ГВЭ-11"),
    ExamScope.EGE: ("ЕГЭ",),
    ExamScope.GIA_9: ("ОГЭ", "ГВЭ-9"),
    ExamScope.OGE: ("ОГЭ",),
    ExamScope.GVE: ("ГВЭ-9", "ГВЭ-11"),
}


def _first_exam(ctx: CheckContext, item: LocatedMeasure) -> tuple[dt.date, str] | None:
    events = ctx.events or {}
    measure = item.measure
    scopes = set(measure.exam_scope)
    if not scopes:
        for category in _categories(item):
            scopes.update(category.exams)
    prefixes = tuple(p for s in scopes for p in _LEVEL_EXAMS.get(s, ()))
    if ExamScope.GIA in scopes:
        prefixes = ()
    if scopes and not prefixes and ExamScope.GIA not in scopes:
        return None  # admission tests, ВПР …: not exams of the campaign
    anchors = [stage.anchor for stage in measure.exam_periods] or [Anchor.MAIN_PERIOD]
    for anchor in (*anchors, Anchor.EXAM_PERIOD):
        windows = [v for v in events.get(anchor, ()) if isinstance(v, DateWindow)]
        matching = [w for w in windows if not prefixes or w.label.startswith(prefixes)]
        if matching:
            first = min(matching, key=lambda w: w.start)
            return first.start, first.label or anchor.value
    days = [v for v in events.get(Anchor.EXAM_DAY, ()) if isinstance(v, dt.date)]
    return (min(days), "first exam day") if days else None


def check_training_after_exams(ctx: CheckContext) -> Iterator[Finding]:
    """GR602: a training measure whose written dates start after the first exam it prepares for."""
    if ctx.events is None:
        return
    for index, (item, flag) in enumerate(zip(ctx.located, ctx.training, strict=True)):
        if not flag:
            continue
        pairs = ctx.explicit_list[index]
        if not pairs:
            continue
        first = _first_exam(ctx, item)
        if first is None:
            continue
        day, label = first
        for leaf, window in pairs:
            if window.start > day:
                yield ctx.finding(
                    "GR602",
                    f"training {_label(item)} «{_title(item, 60)}» is scheduled «{leaf.raw}» "
                    f"({window}), after "
                    f"the first exam it prepares for ({label}: {day})",
                    ctx.location(item, "term"),
                    evidence=leaf.raw,
                )
                break


def check_parent_coverage(ctx: CheckContext) -> Iterator[Finding]:
    """GR603: a measure of the parent plan that no measure of this plan implements."""
    parent = ctx.parent
    if parent is None:
        return
    referenced = {
        n for item in ctx.located if item.measure.parent_item for n in item.measure.parent_item.numbers
    }
    for item in parent.walk():
        number = item.measure.number
        if not number.is_numbered or number.canonical in referenced:
            continue
        yield Finding(
            code="GR603",
            severity=ctx.severity("GR603"),
            message=f"parent-plan measure {number.canonical} «{_title(item, 60)}» has no implementing "
            f"measure in «{ctx.roadmap.id}»",
            location=Location(
                plan=item.id.plan,
                section=item.section.heading,
                measure=number.canonical,
                section_path=item.id.section,
                ordinal=item.id.ordinal,
            ),
            evidence=item.measure.title,
        )


def check_unknown_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """GR604: a measure pointing to a parent-plan item that does not exist."""
    parent = ctx.parent
    if parent is None:
        return
    existing = {item.measure.number.canonical for item in parent.walk() if item.measure.number.is_numbered}
    for item in ctx.located:
        ref = item.measure.parent_item
        if ref is None:
            continue
        for number in ref.numbers:
            if number not in existing:
                yield ctx.finding(
                    "GR604",
                    f"{_label(item)} implements parent item {number} («{ref.raw}»), which «{parent.id}» "
                    "does not have",
                    ctx.location(item, "parent_item"),
                    evidence=ref.raw,
                )


def check_missing_parent_items(ctx: CheckContext) -> Iterator[Finding]:
    """GR605: in a plan whose measures name parent-plan items, a measure that names none (a
    measure of this level only)."""
    if not any(item.measure.parent_item and item.measure.parent_item.numbers for item in ctx.located):
        return
    groups = ctx.with_children
    for item in ctx.located:
        ref = item.measure.parent_item
        if (ref is None or not ref.numbers) and not (groups and item.id in groups):
            yield ctx.finding(
                "GR605",
                f"{_label(item)} «{_title(item, 60)}» names no parent-plan item "
                "(a measure of this level only?)",
                ctx.location(item, "parent_item"),
                evidence="" if ref is None else ref.raw,
            )


# --------------------------------------------------------------------------------------------
# GR7xx: progress and load
# --------------------------------------------------------------------------------------------


def check_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """GR701: the deadline has passed (against ``today``) and the measure is not done or cancelled."""
    today = ctx.today
    if today is None:
        return
    for item, resolution in zip(ctx.located, ctx.resolution_list, strict=True):
        if state_of(resolution, item.measure, today) is DueState.OVERDUE:
            yield ctx.finding(
                "GR701",
                f"{_label(item)} «{_title(item, 60)}» was due by {resolution.due} "
                f"(«{item.measure.term.raw}») "
                f"and is not marked done on {today}",
                ctx.location(item, "status"),
                evidence=item.measure.term.raw,
            )


def check_load(ctx: CheckContext) -> Iterator[Finding]:
    """GR702: one responsible body with more deadlines in one month than the threshold."""
    # per (body, year, month), the measures due then (each once): their number is the count
    where: dict[tuple[str, int, int], list[LocatedMeasure]] = {}
    # plans repeat parties and deadlines: each tuple of parties and each resolution read once
    bodies_of: dict[int, set[str]] = {}
    months_of: dict[int, set[tuple[int, int]]] = {}
    continuous = ResolutionStatus.CONTINUOUS
    for item, resolution, parties in zip(ctx.located, ctx.resolution_list, ctx.responsible_list, strict=True):
        if not parties or resolution.status is continuous:
            continue
        bodies = bodies_of.get(id(parties))  # the lists hold every tuple and resolution alive meanwhile
        if bodies is None:
            bodies = bodies_of[id(parties)] = {r.body.short for r in parties if r.body is not None}
        if not bodies:
            continue
        months = months_of.get(id(resolution))
        if months is None:
            months = months_of[id(resolution)] = {(w.end.year, w.end.month) for w in resolution.windows}
        for body in bodies:
            for year, month in months:
                where.setdefault((body, year, month), []).append(item)
    threshold = ctx.options.load_threshold
    for (body, year, month), items in sorted(where.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        count = len(items)
        if count > threshold:
            yield ctx.finding(
                "GR702",
                f"«{body}» has {count} deadlines in {year}-{month:02d} (threshold {threshold})",
                ctx.location(None, "responsible"),
                related=[ctx.location(i, "term") for i in items],
                evidence=body,
            )


# --------------------------------------------------------------------------------------------
# Composition
# --------------------------------------------------------------------------------------------

CHECKS: tuple[tuple[str, Callable[[CheckContext], Iterable[Finding]]], ...] = (
    ("GR101", check_cycles),
    ("GR102", check_precedence),
    ("GR103", check_lags),
    ("GR104", check_dangling_links),
    ("GR105", check_suggested_links),
    ("GR201", check_unparsed_terms),
    ("GR202", check_missing_terms),
    ("GR203", check_outside_period),
    ("GR204", check_inverted_ranges),
    ("GR205", check_unordered_lists),
    ("GR206", check_days_off),
    ("GR207", check_before_adoption),
    ("GR208", check_stale_years),
    ("GR209", check_anchor_events),
    ("GR210", check_external_schedules),
    ("GR211", check_schedule_supplied),
    ("GR212", check_regional_days),
    ("GR301", check_missing_responsible),
    ("GR302", check_unresolved_responsible),
    ("GR303", check_approximate_responsible),
    ("GR401", check_undefined_abbreviations),
    ("GR402", check_redefined_abbreviations),
    ("GR501", check_duplicate_numbers),
    ("GR502", check_numbering_gaps),
    ("GR503", check_missing_parents),
    ("GR504", check_empty_sections),
    ("GR601", check_untrained_categories),
    ("GR602", check_training_after_exams),
    ("GR603", check_parent_coverage),
    ("GR604", check_unknown_parent_items),
    ("GR605", check_missing_parent_items),
    ("GR701", check_overdue),
    ("GR702", check_load),
)
"""Every check, by the code it reports, in catalogue order."""


def _suppress(
    findings: list[Finding], suppressions: Sequence[Suppression], ctx: CheckContext
) -> list[Finding]:
    used: set[int] = set()
    out = []
    for finding in findings:
        for index, suppression in enumerate(suppressions):
            if suppression.matches(finding):
                used.add(index)
                finding = attrs.evolve(finding, suppressed=suppression)
                break
        out.append(finding)
    if ctx.options.enabled("GR801"):
        for index, suppression in enumerate(suppressions):
            if index not in used and (not suppression.plan or suppression.plan == ctx.roadmap.id):
                out.append(
                    ctx.finding(
                        "GR801",
                        f"the suppression of {suppression.code} for {suppression.measure or 'the plan'} "
                        f"(«{suppression.reason}») matched no finding",
                        Location(plan=suppression.plan or ctx.roadmap.id, measure=suppression.measure),
                        evidence=suppression.reason,
                    )
                )
    return out


def check(
    roadmap: Roadmap,
    *,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None = None,
    parent: Roadmap | None = None,
    today: dt.date | None = None,
    options: CheckOptions | None = None,
    links: Iterable[Link] = (),
) -> Report:
    """Check a roadmap and report what is inconsistent, missing or late.

    Args:
        roadmap: the plan.
        calendar: the working-day calendar (a :class:`~gia_roadmap.calendar.RussianCalendar`); None
            skips the day-off check and counts lags in calendar days. A RussianCalendar without a region
            gets the plan's region (:func:`~gia_roadmap.plan.regions.regional_calendar`): its own
            non-working days count; GR212 says when they cannot, or only as estimates.
        events: exam events (``exam_events(ExamSchedule.bundled(…), calendar)``) for relative deadlines,
            the training-before-exams check and event nodes; None reports GR211 instead.
        parent: the parent plan, for the cascade checks (GR603, GR604).
        today: the day to judge overdue measures against (GR701 runs only with it).
        options: severities, codes to run, suppressions, thresholds (:class:`CheckOptions`).
        links: extra precedence links (for instance accepted suggestions).

    Returns:
        A :class:`~gia_roadmap.plan.findings.Report`, findings in catalogue order and, within a code,
        in document order. Nothing is printed or raised for what the plan contains.

    Note:
        Python's cyclic garbage collector is paused while the check runs (it is process-wide: other
        threads run without it for that time) and switched back on afterwards, also after an error;
        it is left alone when the caller had already turned it off. On a 100k-measure plan the
        collector would otherwise take about half the time; cyclic garbage made meanwhile is
        collected once the collector runs again.
    """
    calendar = regional_calendar(roadmap, calendar)
    with _collection_paused():
        ctx = CheckContext(
            roadmap,
            calendar=calendar,
            events=events,
            parent=parent,
            today=today,
            options=options,
            links=links,
        )
        findings: list[Finding] = []
        for code, function in CHECKS:
            if ctx.options.enabled(code):
                findings.extend(function(ctx))
        return Report(tuple(_suppress(findings, ctx.options.suppressions, ctx)))


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (and back on after, also on error).

    A check builds a few small objects per measure and link that all stay alive until it returns;
    on a large plan the collector would walk the whole plan again and again meanwhile (half the
    time of a 100 000-measure check) and find nothing to free. Reference counting still frees
    everything as usual. Left alone when the caller already turned the collector off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
