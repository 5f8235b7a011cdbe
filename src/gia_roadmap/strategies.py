"""Hypothesis strategies for every public type of gia_roadmap.

Use them in your own property tests::

    from hypothesis import given
    from gia_roadmap import strategies as gst

    @given(gst.roadmaps())
    def test_my_rule(roadmap): ...

They are also registered with Hypothesis through the ``hypothesis`` entry point of this package,
so ``st.from_type(Measure)`` (or any other public model, registry or term type) works without
importing this module. That entry point runs at every ``import hypothesis``, so this module imports only
the model and value types (never the checks, the dependency graph, networkx or :mod:`gia_roadmap.io`),
registers deferred strategies (built on first draw), and turns any failure into a warning.

Every generated value is valid for its constructor and survives a JSON/YAML round trip: texts
are drawn from Cyrillic and Latin letters, digits and the punctuation real plans use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import NotImplementedType
from typing import Any

from hypothesis import strategies as st

from gia_roadmap.calendar import terms as t
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope, ExamStage
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.errors import Location, Problem, Severity
from gia_roadmap.plan import model as m
from gia_roadmap.plan.bodies import Body, BodyKind, BodyLevel
from gia_roadmap.plan.categories import SpecialistCategory
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry, GlossarySource
from gia_roadmap.plan.people import NameOrder, Person, Role
from gia_roadmap.plan.responsible import MatchQuality, Responsible

__all__ = [
    "bodies",
    "clusters",
    "date_windows",
    "dates",
    "dependencies",
    "glossaries",
    "glossary_entries",
    "level_actions",
    "locations",
    "measure_numbers",
    "measure_refs",
    "measures",
    "month_refs",
    "orders",
    "parent_item_refs",
    "parties",
    "persons",
    "plan_refs",
    "problems",
    "provenances",
    "responsibles",
    "roadmaps",
    "roles",
    "school_years",
    "sections",
    "statuses",
    "targets",
    "terms",
    "texts",
]



_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯabcXYZ0123456789 .,;:-–«»()№/"


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Short texts of the letters, digits and punctuation real plans use."""
    return st.text(_ALPHABET, max_size=max_size)


def dates() -> st.SearchStrategy[dt.date]:
    """Days from 2000 to 2035."""
    return st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))


def school_years() -> st.SearchStrategy[SchoolYear]:
    """School years starting 2000–2035."""
    return st.builds(SchoolYear, st.integers(2000, 2035))


@st.composite
def date_windows(draw: st.DrawFn) -> DateWindow:
    """Inclusive windows with optional open ends and a label."""
    start = draw(dates())
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    return DateWindow(
        start, end, open_start=draw(st.booleans()), open_end=draw(st.booleans()), label=draw(texts(10))
    )


@st.composite
def month_refs(draw: st.DrawFn) -> t.MonthRef:
    """Month references with a year consistent with its origin."""
    month = draw(st.integers(1, 12))
    origin = draw(st.sampled_from(t.YearOrigin))
    year = None if origin is t.YearOrigin.NONE else draw(st.integers(2000, 2035))
    return t.MonthRef(month, year, origin)


def _raw() -> st.SearchStrategy[str]:
    return texts(40)


def _by_dates() -> st.SearchStrategy[t.ByDate]:
    return st.builds(
        t.ByDate, dates(), st.booleans(), st.sampled_from(["до", "в срок до", "не позднее"]), raw=_raw()
    )


def _months() -> st.SearchStrategy[t.Month]:
    return st.builds(t.Month, month_refs(), raw=_raw())


def _month_ranges() -> st.SearchStrategy[t.MonthRange]:
    return st.builds(t.MonthRange, month_refs(), month_refs(), raw=_raw())


@st.composite
def _day_ranges(draw: st.DrawFn) -> t.DayRange:
    start = draw(dates())
    return t.DayRange(start, start + dt.timedelta(days=draw(st.integers(0, 200))), raw=draw(_raw()))


def _small_tuple(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _leaf_strategies() -> dict[type, st.SearchStrategy[Any]]:
    years = st.none() | st.integers(2000, 2035)
    return {
        t.ByDate: _by_dates(),
        t.ByMonth: st.builds(t.ByMonth, month_refs(), st.booleans(), st.just("до"), raw=_raw()),
        t.DateList: st.builds(t.DateList, _small_tuple(_by_dates()), raw=_raw()),
        t.DayRange: _day_ranges(),
        t.ExactDate: st.builds(t.ExactDate, dates(), raw=_raw()),
        t.Month: _months(),
        t.MonthRange: _month_ranges(),
        t.MonthList: st.builds(t.MonthList, _small_tuple(month_refs()), raw=_raw()),
        t.PeriodList: st.builds(t.PeriodList, _small_tuple(_months() | _month_ranges()), raw=_raw()),
        t.SeasonTerm: st.builds(
            t.SeasonTerm, st.sampled_from(t.Season), years, st.sampled_from(t.YearOrigin), raw=_raw()
        ),
        t.QuarterTerm: st.builds(
            t.QuarterTerm, st.integers(1, 4), years, st.sampled_from(t.YearOrigin), raw=_raw()
        ),
        t.SchoolYearTerm: st.builds(t.SchoolYearTerm, years, years, st.booleans(), st.booleans(), raw=_raw()),
        t.CalendarYear: st.builds(t.CalendarYear, st.integers(2000, 2035), raw=_raw()),
        t.PlanPeriod: st.builds(t.PlanPeriod, _small_tuple(texts(8)), raw=_raw()),
        t.ExamPeriod: st.builds(
            t.ExamPeriod,
            st.sampled_from(t.ExamPhase),
            _small_tuple(st.sampled_from(ExamStage)),
            _small_tuple(texts(8)),
            years,
            raw=_raw(),
        ),
        t.Relative: st.builds(
            t.Relative,
            st.integers(0, 60),
            st.sampled_from(t.Unit),
            st.sampled_from(t.Bound),
            st.sampled_from(Anchor),
            texts(10),
            raw=_raw(),
        ),
        t.ExternalSchedule: st.builds(t.ExternalSchedule, texts(10), texts(20), raw=_raw()),
        t.SeparateSchedule: st.builds(t.SeparateSchedule, texts(10), texts(20), raw=_raw()),
        t.SeparatePlan: st.builds(t.SeparatePlan, texts(10), texts(20), raw=_raw()),
        t.OnRequest: st.builds(t.OnRequest, texts(20), raw=_raw()),
        t.Conditional: st.builds(t.Conditional, texts(20), raw=_raw()),
        t.Continuous: st.builds(t.Continuous, texts(12), raw=_raw()),
        t.Recurring: st.builds(
            t.Recurring, st.sampled_from(t.Frequency), st.none() | st.integers(1, 31), raw=_raw()
        ),
        t.Note: st.builds(t.Note, texts(20), raw=_raw()),
        t.UnparsedTerm: st.builds(t.UnparsedTerm, texts(30), st.integers(0, 30), texts(20)),
        t.MissingTerm: st.builds(t.MissingTerm, raw=_raw()),
    }


def _leaf_terms() -> st.SearchStrategy[t.Term]:
    return st.one_of(list(_leaf_strategies().values()))


def terms() -> st.SearchStrategy[t.Term]:
    """Every kind of deadline term, containers (compound, sequence, per-exam) nested up to two levels."""

    def extend(children: st.SearchStrategy[t.Term]) -> st.SearchStrategy[t.Term]:
        return st.one_of(
            st.builds(t.Compound, children, children, st.booleans(), raw=_raw()),
            st.builds(t.TermSequence, _small_tuple(children), raw=_raw()),
            st.builds(t.PerExam, _small_tuple(st.tuples(texts(8), children)), raw=_raw()),
        )

    return st.recursive(_leaf_terms(), extend, max_leaves=4)


_BODY_NAMES = st.sampled_from(
    ["Министерство образования Кузбасса", "Управление образования", "Отдел общего образования", "ГКУ КЦМКО"]
)


def bodies(max_depth: int = 2) -> st.SearchStrategy[Body]:
    """Bodies with abbreviations, level, kind and up to ``max_depth`` parents."""
    base = st.builds(
        Body,
        _BODY_NAMES | texts(20),
        _small_tuple(texts(8), 2),
        st.sampled_from(BodyLevel),
        st.sampled_from(BodyKind),
        st.none(),
        st.booleans(),
    )
    strategy = base
    for _ in range(max_depth):
        strategy = st.builds(
            Body,
            texts(20),
            _small_tuple(texts(8), 2),
            st.sampled_from(BodyLevel),
            st.sampled_from(BodyKind),
            st.none() | strategy,
            st.booleans(),
        )
    return strategy


def persons() -> st.SearchStrategy[Person]:
    """Named officials, some with a unit and an organisation."""
    return st.builds(
        Person,
        st.sampled_from(["Полосина", "Симонова", "Власенко"]) | texts(12),
        st.sampled_from(["Н.В.", "О.Н.", "М.Г."]) | texts(4),
        st.none() | bodies(0),
        st.none() | bodies(0),
        texts(12),
    )


def roles() -> st.SearchStrategy[Role]:
    """Generic roles, some with a body and a category."""
    return st.builds(
        Role,
        st.sampled_from(["руководители", "члены", "председатели"]) | texts(12),
        texts(20),
        st.none() | bodies(0),
        st.none() | st.sampled_from(SpecialistCategory),
    )


def parties() -> st.SearchStrategy[Body | Person | Role]:
    """A body, a person or a role."""
    return st.one_of(bodies(1), persons(), roles())


def responsibles() -> st.SearchStrategy[Responsible]:
    """Responsible entries, resolved or not."""
    return st.builds(
        Responsible,
        st.none() | parties(),
        texts(30),
        st.sampled_from(MatchQuality),
        st.integers(0, 3),
        texts(20),
    )


def glossary_entries() -> st.SearchStrategy[GlossaryEntry]:
    """Glossary entries from any source."""
    return st.builds(GlossaryEntry, texts(8), texts(40), st.sampled_from(GlossarySource), texts(40))


def glossaries() -> st.SearchStrategy[Glossary]:
    """Small glossaries (duplicates allowed, as documents have them)."""
    return st.builds(Glossary, _small_tuple(glossary_entries(), 4))


def measure_numbers() -> st.SearchStrategy[m.MeasureNumber]:
    """Numbers as real plans write them («1.», «2.2.13», «4.8», empty, garbage), parsed."""
    written = st.lists(st.integers(0, 30), min_size=0, max_size=3).flatmap(
        lambda parts: st.sampled_from([".".join(map(str, parts)), ".".join(map(str, parts)) + "."])
    )
    return (written | texts(6)).map(m.MeasureNumber.parse)


def targets() -> st.SearchStrategy[m.Target]:
    """Participants and targets of every kind."""
    return st.builds(
        m.Target,
        texts(30),
        st.sampled_from(m.TargetKind),
        st.none() | st.sampled_from(SpecialistCategory),
        texts(8),
        st.none() | bodies(0),
    )


def clusters() -> st.SearchStrategy[m.Cluster]:
    """Clusters of schools."""
    return st.builds(
        m.Cluster,
        _small_tuple(texts(6), 2),
        texts(30),
        st.none() | st.integers(1, 9),
        _small_tuple(texts(15)),
    )


def level_actions() -> st.SearchStrategy[m.LevelAction]:
    """Per-level actions with their responsible parties."""
    return st.builds(
        m.LevelAction, st.sampled_from(m.ActionLevel), texts(40), _small_tuple(responsibles(), 2), texts(30)
    )


def parent_item_refs() -> st.SearchStrategy[m.ParentItemRef]:
    """References to the parent plan's items, read from their cell text."""
    return (st.sampled_from(["1.10", "2.16", "6.16, 6.17", ""]) | texts(10)).map(m.ParentItemRef.parse)


def measure_refs() -> st.SearchStrategy[m.MeasureRef]:
    """References to measures."""
    return st.builds(
        m.MeasureRef, _small_tuple(st.integers(0, 9), 3), texts(8), st.none() | st.integers(0, 50)
    )


def dependencies() -> st.SearchStrategy[m.Dependency]:
    """Dependencies of every kind, with leads and lags."""
    return st.builds(
        m.Dependency,
        measure_refs(),
        st.sampled_from(m.DependencyKind),
        st.integers(-30, 30),
        st.booleans(),
        texts(30),
    )


@st.composite
def _locations(draw: st.DrawFn) -> Location:
    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | strategy)

    counts = st.integers(min_value=1, max_value=10_000)
    start = draw(st.integers(0, 200))
    return Location(
        file=draw(st.just("") | texts(12)),
        page=maybe(counts),
        table=maybe(counts),
        sheet=draw(st.just("") | texts(10)),
        row=maybe(counts),
        column=maybe(st.integers(1, 60)),
        cell=draw(st.just("") | st.from_regex(r"[A-Z]{1,3}[1-9][0-9]{0,4}", fullmatch=True)),
        line=maybe(counts),
        path=draw(st.just("") | st.from_regex(r"\$\.roadmap(\.sections\[[0-9]\])?", fullmatch=True)),
        plan=draw(st.just("") | st.from_regex(r"[a-z]{1,8}-20[0-9]{2}", fullmatch=True)),
        section=draw(st.just("") | texts(20)),
        section_path=draw(st.lists(st.integers(0, 12), max_size=3).map(tuple)),
        measure=draw(st.just("") | st.from_regex(r"[1-9][0-9]?(\.[1-9][0-9]?){0,2}", fullmatch=True)),
        field=draw(st.sampled_from(["", "term", "responsible", "number", "title", "dependencies"])),
        ordinal=maybe(st.integers(0, 500)),
        span=maybe(st.integers(0, 40).map(lambda n: (start, start + n))),
    )


def locations() -> st.SearchStrategy[Location]:
    """Places in a file, a saved document or a plan: any mix of the parts a
    :class:`~gia_roadmap.errors.Location` holds, each valid."""
    return _locations()


def problems() -> st.SearchStrategy[Problem]:
    """Located problems: a code, a severity, a place, a message and, sometimes, what was expected."""
    code = st.from_regex(r"GR[1-8][0-9]{2}|[a-z]{3,10}(-[a-z]{3,10})?", fullmatch=True)
    return st.builds(
        Problem,
        code=code,
        severity=st.sampled_from(Severity),
        location=locations(),
        message=texts(40).filter(str.strip),
        expected=st.just("") | texts(20),
        evidence=st.just("") | texts(30),
    )


def provenances() -> st.SearchStrategy[m.Provenance]:
    """Provenance records."""
    return st.builds(m.Provenance, texts(12), st.sampled_from(m.ProvenanceKind), texts(10), texts(20))


def statuses() -> st.SearchStrategy[m.Status]:
    """Planned, done (with a date) or cancelled."""
    return st.builds(m.Status, st.sampled_from(m.StatusKind), st.none() | dates(), texts(20))


def _scopes() -> st.SearchStrategy[tuple[ExamScope, ...]]:
    return st.lists(st.sampled_from(ExamScope), max_size=3, unique=True).map(tuple)


def measures() -> st.SearchStrategy[m.Measure]:
    """Measures using every field."""
    return st.builds(
        m.Measure,
        number=measure_numbers(),
        ordinal=st.integers(0, 200),
        title=texts(60),
        term=terms(),
        responsible=_small_tuple(responsibles()),
        responsible_raw=texts(40),
        participants=_small_tuple(targets(), 2),
        targets=_small_tuple(targets(), 2),
        exam_scope=_scopes(),
        exam_periods=st.lists(st.sampled_from(ExamStage), max_size=2, unique=True).map(tuple),
        reserve_days=st.booleans(),
        level_actions=_small_tuple(level_actions(), 2),
        expected_result=texts(30),
        evidence=texts(20),
        description=texts(20),
        parent_item=st.none() | parent_item_refs(),
        dependencies=_small_tuple(dependencies(), 2),
        topic=st.none() | st.sampled_from(m.SectionKind),
        notes=_small_tuple(texts(20), 2),
        provenance=_small_tuple(provenances(), 2),
        status=statuses(),
    )


def sections(max_depth: int = 1) -> st.SearchStrategy[m.Section]:
    """Sections with measures and up to ``max_depth`` levels of subgroups."""

    def build(subgroups: st.SearchStrategy[tuple[m.Section, ...]]) -> st.SearchStrategy[m.Section]:
        return st.builds(
            m.Section,
            texts(40),
            st.sampled_from(m.SectionKind),
            st.sampled_from(m.GroupingKind),
            st.integers(0, 20),
            st.none() | measure_numbers(),
            _small_tuple(measures(), 3),
            subgroups,
        )

    strategy = build(st.just(()))
    for _ in range(max_depth):
        strategy = build(_small_tuple(strategy, 2))
    return strategy


def orders() -> st.SearchStrategy[m.Order]:
    """Orders and other acts, some with blank dates."""
    return st.builds(m.Order, texts(30), texts(10), st.none() | dates(), texts(40), texts(12), texts(30))


def plan_refs() -> st.SearchStrategy[m.PlanRef]:
    """References to parent plans."""
    return st.builds(m.PlanRef, texts(40), texts(20), st.none() | orders(), texts(10))


def roadmaps() -> st.SearchStrategy[m.Roadmap]:
    """Whole roadmaps using every feature of the model."""
    return st.builds(
        m.Roadmap,
        id=texts(12),
        title=texts(60),
        issuer=texts(30),
        issuer_body=st.none() | bodies(1),
        level=st.sampled_from(m.PlanLevel),
        territory=texts(20),
        school_year=st.none() | school_years(),
        period=st.none() | date_windows(),
        orders=_small_tuple(orders(), 2),
        legal_basis=_small_tuple(orders(), 2),
        sections=_small_tuple(sections(), 2),
        glossary=glossaries(),
        name_order=st.sampled_from(NameOrder),
        clusters=_small_tuple(clusters(), 2),
        parent=st.none() | plan_refs(),
        notes=_small_tuple(texts(20), 2),
    )


_FACTORIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Location: locations,
    Problem: problems,
    SchoolYear: school_years,
    DateWindow: date_windows,
    t.MonthRef: month_refs,
    Body: bodies,
    Person: persons,
    Role: roles,
    Responsible: responsibles,
    GlossaryEntry: glossary_entries,
    Glossary: glossaries,
    m.MeasureNumber: measure_numbers,
    m.Target: targets,
    m.Cluster: clusters,
    m.LevelAction: level_actions,
    m.ParentItemRef: parent_item_refs,
    m.MeasureRef: measure_refs,
    m.Dependency: dependencies,
    m.Provenance: provenances,
    m.Status: statuses,
    m.Measure: measures,
    m.Section: sections,
    m.Order: orders,
    m.PlanRef: plan_refs,
    m.Roadmap: roadmaps,
}


def _one_term(cls: type) -> st.SearchStrategy[Any]:
    """A strategy drawing only ``cls`` terms (containers are built of leaf terms)."""
    leaves = _leaf_terms()
    if cls is t.Compound:
        return st.builds(t.Compound, leaves, leaves, st.booleans(), raw=_raw())
    if cls is t.TermSequence:
        return st.builds(t.TermSequence, _small_tuple(leaves), raw=_raw())
    if cls is t.PerExam:
        return st.builds(t.PerExam, _small_tuple(st.tuples(texts(8), leaves)), raw=_raw())
    return _leaf_strategies()[cls]


def _term_factory(cls: type) -> Callable[[], st.SearchStrategy[Any]]:
    def factory() -> st.SearchStrategy[Any]:
        return _one_term(cls)

    return factory


_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {}


def strategy_for(thing: type) -> st.SearchStrategy[Any] | NotImplementedType:
    """The strategy ``st.from_type(thing)`` draws from: built on first use, then kept. ``NotImplemented``
    for a type this module has no strategy for (Hypothesis then infers one itself)."""
    strategy = _STRATEGIES.get(thing)
    if strategy is None:
        if thing in _FACTORIES:
            strategy = st.deferred(_FACTORIES[thing])
        elif thing in t.TERM_CLASSES:
            strategy = st.deferred(_term_factory(thing))
        else:
            return NotImplemented  # type: ignore[no-any-return]  # (typeshed: NotImplemented is Any)
        _STRATEGIES[thing] = strategy
    return strategy


def register_strategies() -> None:
    """Register every strategy with :func:`hypothesis.strategies.register_type_strategy`.

    The Hypothesis entry point does this by itself, type by type as their modules are imported; this is
    for a process that runs Hypothesis with its plugins off (``HYPOTHESIS_NO_PLUGINS``).
    """
    for cls in (*_FACTORIES, *t.TERM_CLASSES):
        st.register_type_strategy(cls, strategy_for)


register_strategies()  # (the entry point registers them too, type by type; this covers plugins off)
