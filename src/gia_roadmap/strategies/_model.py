"""Strategies for the model: parties, registries, measures, sections and whole roadmaps using every
field, and the one problem shape. Every value is valid for its constructor and survives a JSON/YAML
round trip; free texts are drawn from the Cyrillic and Latin letters, digits and punctuation real plans
use.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar import terms as t
from gia_roadmap.calendar.exams import ExamScope, ExamStage
from gia_roadmap.errors import Location, Problem, Severity
from gia_roadmap.plan import model as m
from gia_roadmap.plan.bodies import Body, BodyKind, BodyLevel
from gia_roadmap.plan.categories import SpecialistCategory
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry, GlossarySource
from gia_roadmap.plan.people import NameOrder, Person, Role
from gia_roadmap.plan.responsible import MatchQuality, Responsible
from gia_roadmap.strategies._calendar import covered_dates, date_windows, school_years
from gia_roadmap.strategies._terms import terms, unparsed_terms

__all__ = [
    "any_roadmaps",
    "bodies",
    "clusters",
    "dependencies",
    "glossaries",
    "glossary_entries",
    "level_actions",
    "located_measures",
    "locations",
    "measure_ids",
    "measure_numbers",
    "measure_refs",
    "measures",
    "orders",
    "parent_item_refs",
    "parties",
    "persons",
    "plan_refs",
    "problems",
    "provenances",
    "responsibles",
    "roles",
    "sections",
    "statuses",
    "targets",
    "texts",
]

_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯabcXYZ0123456789 .,;:-–«»()№/"


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Short texts of the letters, digits and punctuation real plans use."""
    return st.text(_ALPHABET, max_size=max_size)


def _small_tuple(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


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
    """Planned (no date), done or cancelled (with or without the date), with evidence and reporter."""
    kinds = st.sampled_from(m.StatusKind)
    return kinds.flatmap(
        lambda kind: st.builds(
            m.Status,
            st.just(kind),
            st.none() if kind is m.StatusKind.PLANNED else st.none() | covered_dates(),
            texts(20),
            texts(20),
            texts(12),
        )
    )


def _scopes() -> st.SearchStrategy[tuple[ExamScope, ...]]:
    return st.lists(st.sampled_from(ExamScope), max_size=3, unique=True).map(tuple)


def _cell_terms() -> st.SearchStrategy[t.Term]:
    """What a deadline cell holds: a term that reads back from its rendering, now and then a cell the
    parser could not read or an empty one (as documents have them)."""
    return st.one_of(terms(), terms(), terms(), unparsed_terms(), st.just(t.MissingTerm()))


def measures() -> st.SearchStrategy[m.Measure]:
    """Measures using every field; the term is any :func:`terms` value, or an unread or empty cell."""
    return st.builds(
        m.Measure,
        number=measure_numbers(),
        ordinal=st.integers(0, 200),
        title=texts(60),
        term=_cell_terms(),
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
    return st.builds(
        m.Order, texts(30), texts(10), st.none() | covered_dates(), texts(40), texts(12), texts(30)
    )


def plan_refs() -> st.SearchStrategy[m.PlanRef]:
    """References to parent plans."""
    return st.builds(m.PlanRef, texts(40), texts(20), st.none() | orders(), texts(10))


def any_roadmaps() -> st.SearchStrategy[m.Roadmap]:
    """Whole roadmaps using every field of the model: any valid value, not a realistic plan (for
    those, :func:`~gia_roadmap.strategies.roadmaps`). What ``st.from_type(Roadmap)`` draws."""
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


def measure_ids() -> st.SearchStrategy[m.MeasureId]:
    """Identities of measures (plan, section path, number as written, ordinal)."""
    return st.builds(
        m.MeasureId,
        texts(12),
        st.lists(st.integers(0, 12), max_size=3).map(tuple),
        st.sampled_from(["1", "1.1", "2.16", "4.", ""]) | texts(6),
        st.integers(0, 500),
    )


@st.composite
def located_measures(draw: st.DrawFn) -> m.LocatedMeasure:
    """Measures with their identity and the sections holding them, as ``Roadmap.walk()`` gives them."""
    roadmap = draw(any_roadmaps())
    last = m.Section(measures=(draw(measures()),))
    roadmap = attrs.evolve(roadmap, sections=(*roadmap.sections, last))
    return draw(st.sampled_from(tuple(roadmap.walk())))
