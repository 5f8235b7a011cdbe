"""The roadmap model: :class:`Roadmap` → :class:`Section` → :class:`Measure`, all frozen attrs values.

Everything is kept as written beside what was read from it: a measure's ``number`` keeps its raw
text («2.2.13», «1.1.», an empty cell), its ``term`` is a :mod:`~gia_roadmap.calendar.terms` value
that keeps its source text, its responsible parties keep the cell text (``responsible_raw``) and
each party its own. Duplicate or missing numbers are legal: a measure's identity is
(plan, section path, raw number, ordinal position) — :class:`MeasureId`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterator

import attrs

from gia_roadmap.calendar.exams import ExamScope, ExamStage
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import MissingTerm, Term
from gia_roadmap.errors import GiaRoadmapError
from gia_roadmap.plan.bodies import Body, BodyLevel
from gia_roadmap.plan.categories import SpecialistCategory
from gia_roadmap.plan.fields import check_fields, trusted, value_error
from gia_roadmap.plan.glossary import Glossary
from gia_roadmap.plan.people import NameOrder
from gia_roadmap.plan.responsible import Responsible

__all__ = [
    "ActionLevel",
    "Cluster",
    "Dependency",
    "DependencyKind",
    "GroupingKind",
    "LevelAction",
    "LocatedMeasure",
    "Measure",
    "MeasureId",
    "MeasureNumber",
    "MeasureRef",
    "Order",
    "ParentItemRef",
    "PlanLevel",
    "PlanRef",
    "Provenance",
    "ProvenanceKind",
    "Roadmap",
    "Section",
    "SectionKind",
    "Status",
    "StatusKind",
    "Target",
    "TargetKind",
]


class PlanLevel(enum.Enum):
    """Who issues the plan («уровень»)."""

    FEDERAL = "federal"
    REGIONAL = "regional"
    MUNICIPAL = "municipal"
    SCHOOL = "school"


class SectionKind(enum.Enum):
    """Canonical topic of a section heading (seed analysis §2); the raw heading is kept beside it."""

    ANALYSIS = "analysis"
    """«Анализ проведения ГИА …»: results, statistics, «зоны риска»."""
    QUALITY_OBJECTIVITY = "quality_objectivity"
    """«Меры по повышению объективности и качества …», ВПР, НИКО, low-result schools."""
    METHODICAL_SUPPORT = "methodical_support"
    """«Методическая поддержка …», professional development of teachers."""
    LEGAL = "legal"
    """«Нормативно-правовое обеспечение …»."""
    FINANCIAL = "financial"
    """«Финансовое обеспечение …»."""
    STAFF_TRAINING = "staff_training"
    """«Обучение лиц, привлекаемых к проведению ГИА»."""
    ORGANISATIONAL = "organisational"
    """«Организационное (организационно-технологическое) сопровождение …»."""
    INFORMATION = "information"
    """«Информационное сопровождение …»."""
    PSYCHOLOGICAL_SUPPORT = "psychological_support"
    """«Психологическое сопровождение участников ГИА»."""
    CONTROL = "control"
    """«Контроль за организацией и проведением …»."""
    OTHER = "other"
    """Anything else (the raw heading says what)."""


class GroupingKind(enum.Enum):
    """What a section groups its measures by."""

    TOPIC = "topic"
    PROBLEM_TRACK = "problem_track"
    AUDIENCE = "audience"
    SUBJECT = "subject"
    ACTIVITY_FORMAT = "activity_format"
    SPECIALIST_CATEGORY = "specialist_category"
    EXAM_SUBBLOCK = "exam_subblock"


_WIDEST_PART = 18  # digits of one part: more is no item number (and past 4300 int() refuses it)
_NUMBER = re.compile(r"^\s*(\d+(?:\s*\.\s*\d+)*)\s*(\.)?\s*$")


@attrs.frozen
class MeasureNumber:
    """A measure's number as written («2.2.13», «1.1.», «4.8», empty) and its parts.

    Attributes:
        raw: the number cell verbatim.
        parts: the numbers read from it (``(2, 2, 13)``); empty when the cell is empty or unreadable.
        trailing_dot: the number ends in a dot («1.1.»).
    """

    raw: str = ""
    parts: tuple[int, ...] = ()
    trailing_dot: bool = False

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if any(p < 0 for p in self.parts):
            raise value_error(MeasureNumber, "parts", f"{self.parts!r} holds a negative part", "parts ≥ 0")

    @classmethod
    def parse(cls, raw: str) -> MeasureNumber:
        """Read «1.2.1.», «2.8», «1», « 1.1 »; anything else keeps ``parts`` empty (never raises)."""
        if cls is MeasureNumber:
            return _parse_number(raw)
        return cls._read(raw)

    @classmethod
    def _read(cls, raw: str) -> MeasureNumber:
        match = _NUMBER.match(raw)
        if match is None:
            return cls(raw)
        pieces = re.split(r"\s*\.\s*", match.group(1))
        if any(len(p) > _WIDEST_PART for p in pieces):  # no number of an item: keep it as written
            return cls(raw)
        parts = tuple(int(p) for p in pieces)
        return cls(raw, parts, match.group(2) is not None)

    @property
    def depth(self) -> int:
        """Number of parts (0 when unnumbered)."""
        return len(self.parts)

    @property
    def is_numbered(self) -> bool:
        """True when parts were read."""
        return bool(self.parts)

    @property
    def canonical(self) -> str:
        """Parts joined by dots, no trailing dot («2.2.13»); the raw text when unnumbered."""
        return ".".join(str(p) for p in self.parts) if self.parts else self.raw.strip()

    def __str__(self) -> str:
        return self.canonical


@functools.lru_cache(maxsize=65536)
def _parse_number(raw: str) -> MeasureNumber:
    """Cached :meth:`MeasureNumber.parse` (numbers are immutable values; graphs re-read them often)."""
    return MeasureNumber._read(raw)


class TargetKind(enum.Enum):
    """What a participant / target entry names."""

    CATEGORY = "category"
    """A category of trained specialists («организаторы ППЭ»)."""
    CLUSTER = "cluster"
    """A cluster (group) of schools («Кластер 4 – ШНРО»)."""
    SCHOOL = "school"
    """One named school («МБОУ «СШ № 37»»)."""
    ALL_SCHOOLS = "all_schools"
    """«Все общеобразовательные организации»."""
    BODY = "body"
    """An organisation («Управление», «методический отдел МБУ ДО «ЦДО»»)."""
    GROUP = "group"
    """A group of people that is not a trained category («Обучающиеся 9,11 классов», «родители»)."""
    OTHER = "other"
    """Not classified; the text says what."""


@attrs.frozen
class Target:
    """A participant or target of a measure («Участники», «Специфика», «Описание специфики»).

    Attributes:
        raw: the entry as written.
        kind: what it names.
        category: the trained category, for kind CATEGORY.
        cluster: the cluster code or name, for kind CLUSTER («Кластер 4», «ШНРО»).
        body: the organisation, for kinds BODY and SCHOOL.
    """

    raw: str
    kind: TargetKind = TargetKind.OTHER
    category: SpecialistCategory | None = None
    cluster: str = ""
    body: Body | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class Cluster:
    """A cluster (group) of schools defined by a plan or its order («кластер 4 – школы с низкими
    образовательными результатами»).

    Attributes:
        code: the short code as written («ШНРО»), possibly several spellings («ШНРО», «ШПРО»).
        name: the full name as written.
        number: the cluster number when given («Кластер 4»).
        schools: the schools as written.
    """

    code: tuple[str, ...] = ()
    name: str = ""
    number: int | None = None
    schools: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)


class ActionLevel(enum.Enum):
    """The level an action of a measure is taken at.

    003 has two: «муниципальный уровень» and «институциональный уровень (ОО)».
    """

    FEDERAL = "federal"
    REGIONAL = "regional"
    MUNICIPAL = "municipal"
    INSTITUTIONAL = "institutional"


@attrs.frozen
class LevelAction:
    """What one level does to carry out a measure, and who is responsible there.

    Attributes:
        level: municipal, institutional …
        text: the action as written.
        responsible: the parties responsible at that level.
        responsible_raw: the responsible text as written.
    """

    level: ActionLevel
    text: str
    responsible: tuple[Responsible, ...] = ()
    responsible_raw: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class ParentItemRef:
    """A reference to the item(s) of the parent plan this measure implements (003's «№ по приказу
    Департамента»: «1.10», «2.16», «6.16, 6.17», or blank for municipal-only measures).

    Attributes:
        raw: the cell verbatim.
        numbers: the item numbers read from it, canonical («6.16», «6.17»).
    """

    raw: str
    numbers: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @classmethod
    def parse(cls, raw: str) -> ParentItemRef:
        """Read one or several item numbers («6.16, 6.17»); unreadable parts are skipped, ``raw`` kept."""
        numbers = tuple(
            MeasureNumber.parse(p).canonical
            for p in re.split(r"[,;]\s*|\s+", raw.strip())
            if _NUMBER.match(p)
        )
        return cls(raw, numbers)


@attrs.frozen
class MeasureRef:
    """A reference to a measure of the same plan: by section path and raw number, and the ordinal
    position when the number alone is ambiguous (duplicates are legal).

    Attributes:
        section: ordinals of the section path (``(5, 2)``: the third subgroup of the sixth section).
        number: the canonical number («2.2.14»).
        ordinal: the measure's ordinal inside its section, or None when the number is unique.
    """

    section: tuple[int, ...]
    number: str
    ordinal: int | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if any(p < 0 for p in self.section):
            raise value_error(
                MeasureRef, "section", f"{self.section!r} holds a negative ordinal", "0-based ordinals (≥ 0)"
            )


class DependencyKind(enum.Enum):
    """How two measures are linked (precedence-diagram terms)."""

    FINISH_TO_START = "FS"
    START_TO_START = "SS"
    FINISH_TO_FINISH = "FF"
    START_TO_FINISH = "SF"


@attrs.frozen
class Dependency:
    """An explicit dependency of a measure on another one.

    Attributes:
        on: the predecessor.
        kind: FS (default), SS, FF or SF.
        lag_days: the lag (negative = lead).
        working_days: the lag counts working days (else calendar days).
        raw: the wording the dependency was read from («по итогам …»), empty when added by hand.
    """

    on: MeasureRef
    kind: DependencyKind = DependencyKind.FINISH_TO_START
    lag_days: int = 0
    working_days: bool = False
    raw: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)


class ProvenanceKind(enum.Enum):
    """How a value got into a measure other than being written in its own cell."""

    INHERITED = "inherited"
    """Inherited from a vertically merged cell (a row above)."""
    REJOINED = "rejoined"
    """Rejoined from a row split by a page break («учи-» + «телей»)."""
    SPILLED = "spilled"
    """Moved back from a neighbouring cell it had spilled into."""
    DEDUPLICATED = "deduplicated"
    """Text repeated at a page break was removed."""
    INFERRED = "inferred"
    """Inferred by a rule (an exam scope from the heading, a parent from the numbering)."""
    MANUAL = "manual"
    """Set by hand."""
    NOT_IN_LAYOUT = "not-in-layout"
    """The document's table has no column for the field (a plan without a responsible column): the
    field is empty by the document's design, not left blank."""


@attrs.frozen
class Provenance:
    """Where one field's value came from.

    Attributes:
        field: the measure field («responsible», «term», «title» …).
        kind: inherited, rejoined …
        source: the row it came from (a raw number, «row 214»), empty when not known.
        note: free explanation.
    """

    field: str
    kind: ProvenanceKind
    source: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)


class StatusKind(enum.Enum):
    """Execution status of a measure."""

    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


@attrs.frozen
class Status:
    """Execution status («отметка об исполнении»): planned, done (with the date) or cancelled, what
    shows it and who reported it.

    Attributes:
        kind: planned, done or cancelled.
        date: when it was done or cancelled.
        note: free text (the completion cell as written, a reason).
        evidence: what shows it was done: a document («приказ УО от 12.10.2025 № 345»), a link.
        reported_by: who reported it (a party, a person).
    """

    kind: StatusKind = StatusKind.PLANNED
    date: dt.date | None = None
    note: str = ""
    evidence: str = ""
    reported_by: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.kind is StatusKind.PLANNED and self.date is not None:
            raise value_error(
                Status,
                "date",
                f"a planned measure has no date of execution, got {self.date.isoformat()}",
                "kind=StatusKind.DONE or StatusKind.CANCELLED with the date, or no date",
            )


@attrs.frozen(kw_only=True)
class Measure:
    """One row of a roadmap («мероприятие»).

    Attributes:
        number: the number as written and its parts.
        ordinal: 0-based position inside its section (part of the identity).
        title: «Мероприятия» / «Наименование мероприятия», as written.
        term: the deadline («Сроки»); an empty cell is an explicit :class:`MissingTerm`.
        responsible: parties read from the responsible cell, in order.
        responsible_raw: the responsible cell as written.
        participants: «Участники» (004 C), as targets.
        targets: whom the measure addresses («Специфика», clusters, schools).
        exam_scope: exams the measure concerns.
        exam_periods: the stages of the exam campaign it concerns (досрочный, основной, дополнительный).
        reserve_days: True when it concerns the reserve days (резервные дни) of those stages.
        level_actions: per-level actions (003: municipal and institutional).
        expected_result: «Ожидаемый результат» / «Управленческие решения».
        evidence: «Вид подтверждающего документа».
        description: «Описание специфики» / «Специфика» text, as written.
        parent_item: the parent plan's item(s) it implements.
        dependencies: explicit dependencies on other measures.
        topic: the measure's own topic when it differs from its section's kind.
        notes: anything else worth keeping.
        provenance: which fields were inherited, rejoined or inferred.
        status: planned / done / cancelled.
    """

    number: MeasureNumber = attrs.field(factory=MeasureNumber)
    ordinal: int = 0
    title: str = ""
    term: Term = attrs.field(factory=MissingTerm)
    responsible: tuple[Responsible, ...] = ()
    responsible_raw: str = ""
    participants: tuple[Target, ...] = ()
    targets: tuple[Target, ...] = ()
    exam_scope: tuple[ExamScope, ...] = ()
    exam_periods: tuple[ExamStage, ...] = ()
    reserve_days: bool = False
    level_actions: tuple[LevelAction, ...] = ()
    expected_result: str = ""
    evidence: str = ""
    description: str = ""
    parent_item: ParentItemRef | None = None
    dependencies: tuple[Dependency, ...] = ()
    topic: SectionKind | None = None
    notes: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    status: Status = attrs.field(factory=Status)

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def all_responsible(self) -> tuple[Responsible, ...]:
        """The measure's own parties followed by those of its level actions."""
        return self.responsible + tuple(r for a in self.level_actions for r in a.responsible)

    def inherited(self, field: str) -> bool:
        """True when ``field`` came from a merged cell above."""
        return any(p.field == field and p.kind is ProvenanceKind.INHERITED for p in self.provenance)

    def _repr_html_(self) -> str:
        """The measure as an HTML table in notebooks (:func:`gia_roadmap.plan.html.measure_html`)."""
        from gia_roadmap.plan.html import measure_html  # lazy: only a notebook needs the view

        return measure_html(self)


@attrs.frozen
class Section:
    """A section of a plan (or a sub-group of one).

    Attributes:
        heading: the heading as written («5. Организационное сопровождение ГИА»), empty when untitled.
        kind: canonical topic.
        grouping: what the section groups by.
        ordinal: 0-based position among its siblings.
        number: the heading's number when it has one.
        measures: the measures directly in this section, in document order.
        subgroups: nested sections («5.1 Подготовка к ГИА:»).
        term: the section's own window, when its heading row carries a deadline (a stage row «II.
            Основной этап | январь – май»); None otherwise.
    """

    heading: str = ""
    kind: SectionKind = SectionKind.OTHER
    grouping: GroupingKind = GroupingKind.TOPIC
    ordinal: int = 0
    number: MeasureNumber | None = None
    measures: tuple[Measure, ...] = ()
    subgroups: tuple[Section, ...] = ()
    term: Term | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class Order:
    """An order or another legal act («приказ», «постановление», «письмо», «решение»).

    Attributes:
        issuer: who issued it, as written.
        number: the number as written («3654», «11-Пр-859», «233/552»); empty when blank.
        date: the date, None when blank or unreadable.
        title: the title as written.
        kind: «приказ», «постановление», «письмо», «распоряжение», «решение» …
        raw: the text it was read from (a stamp «от 25.10.2023 № 3654»).
    """

    issuer: str = ""
    number: str = ""
    date: dt.date | None = None
    title: str = ""
    kind: str = "приказ"
    raw: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class PlanRef:
    """A reference to another plan: the parent regional plan a municipal one implements.

    Attributes:
        title: its title as written.
        issuer: its issuer as written.
        order: the order approving it, when known.
        plan_id: its id when the plan is loaded too.
    """

    title: str = ""
    issuer: str = ""
    order: Order | None = None
    plan_id: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen
class MeasureId:
    """Identity of a measure: (plan, section path, raw number, ordinal position).

    The hash is computed when asked, not cached: attrs keeps a cached hash in an object of its own
    that the garbage collector tracks, and a check makes an identity per measure, so caching doubled
    what every full collection walks for a few hash look-ups per measure.
    """

    plan: str
    section: tuple[int, ...]
    number: str
    ordinal: int

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def __str__(self) -> str:
        path = ".".join(str(s) for s in self.section)
        return f"{self.plan}/§{path}/{self.number.strip() or '∅'}#{self.ordinal}"


@attrs.frozen
class LocatedMeasure:
    """A measure with its identity and the path of sections that holds it."""

    id: MeasureId
    measure: Measure
    sections: tuple[Section, ...]

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def section(self) -> Section:
        """The innermost section."""
        return self.sections[-1]

    @property
    def section_kind(self) -> SectionKind:
        """The measure's topic when set, else the nearest section kind that is not OTHER."""
        if self.measure.topic is not None:
            return self.measure.topic
        for section in reversed(self.sections):
            if section.kind is not SectionKind.OTHER:
                return section.kind
        return SectionKind.OTHER


def _region_code(value: object) -> str | None:
    """``None``, or the canonical ISO 3166-2:RU code of a subject («ru-ta» → «RU-TA»); an unknown code is
    an :class:`~gia_roadmap.errors.InvalidValueError` naming the nearest valid ones."""
    if value is None:
        return None
    from gia_roadmap.calendar.subjects import federal_subject

    try:
        return federal_subject(value).code  # type: ignore[arg-type]  # federal_subject checks the type
    except GiaRoadmapError as error:
        raise value_error(Roadmap, "region", str(error), "an ISO 3166-2:RU code such as 'RU-TA'") from None


_TRUSTED_ID = trusted(MeasureId)
_TRUSTED_LOCATED = trusted(LocatedMeasure)


@attrs.frozen
class Roadmap:
    """A «дорожная карта»: one plan with its sections and measures.

    Attributes:
        id: a short identifier of the plan, part of every measure's identity («kuzbass-2024»).
        title: the title as written.
        issuer: the issuer as written («МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА»).
        issuer_body: the issuer as a body, when read.
        level: federal, regional, municipal or school.
        territory: the region / city as written.
        region: the ISO 3166-2:RU code of the subject of the Russian Federation the plan belongs to
            («RU-TA»), when set; :func:`gia_roadmap.plan.regions.plan_region` otherwise reads it from the
            issuer, the territory or the title. ``check()`` counts working days with the region's own
            non-working days.
        school_year: the school year, when the plan names one.
        period: the period the plan covers (e.g. the first to the last term), when known.
        orders: the order(s) approving the plan.
        legal_basis: acts the plan cites.
        sections: the sections, in order.
        glossary: the document's abbreviations.
        name_order: how the document writes names.
        clusters: clusters of schools the plan uses.
        parent: the plan this one implements.
        notes: anything else worth keeping.
    """

    id: str
    title: str = attrs.field(default="", kw_only=True)
    issuer: str = attrs.field(default="", kw_only=True)
    issuer_body: Body | None = attrs.field(default=None, kw_only=True)
    level: PlanLevel = attrs.field(default=PlanLevel.REGIONAL, kw_only=True)
    territory: str = attrs.field(default="", kw_only=True)
    region: str | None = attrs.field(kw_only=True, default=None, converter=_region_code)
    school_year: SchoolYear | None = attrs.field(default=None, kw_only=True)
    period: DateWindow | None = attrs.field(default=None, kw_only=True)
    orders: tuple[Order, ...] = attrs.field(default=(), kw_only=True)
    legal_basis: tuple[Order, ...] = attrs.field(default=(), kw_only=True)
    sections: tuple[Section, ...] = attrs.field(default=(), kw_only=True)
    glossary: Glossary = attrs.field(kw_only=True, factory=Glossary)
    name_order: NameOrder = attrs.field(default=NameOrder.UNKNOWN, kw_only=True)
    clusters: tuple[Cluster, ...] = attrs.field(default=(), kw_only=True)
    parent: PlanRef | None = attrs.field(default=None, kw_only=True)
    notes: tuple[str, ...] = attrs.field(default=(), kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def walk(self) -> Iterator[LocatedMeasure]:
        """Every measure in document order (a section's own measures before its subgroups)."""

        plan = self.id
        # The values come from this validated plan: built without checking them again.
        located, identity = _TRUSTED_LOCATED, _TRUSTED_ID

        def visit(
            section: Section, path: tuple[int, ...], chain: tuple[Section, ...]
        ) -> Iterator[LocatedMeasure]:
            # a section's measures made at once (no generator step per measure)
            yield from [
                located(
                    identity(
                        plan, path, measure.number.raw, position if measure.ordinal < 0 else measure.ordinal
                    ),
                    measure,
                    chain,
                )
                for position, measure in enumerate(section.measures)
            ]
            for sub_position, sub in enumerate(section.subgroups):
                yield from visit(sub, (*path, sub_position), (*chain, sub))

        for position, section in enumerate(self.sections):
            yield from visit(section, (position,), (section,))

    @property
    def measures(self) -> tuple[Measure, ...]:
        """All measures in document order."""
        return tuple(m.measure for m in self.walk())

    def find(self, number: str) -> tuple[LocatedMeasure, ...]:
        """Measures whose canonical number is ``number`` («2.2.14» may name two: duplicates are legal)."""
        wanted = MeasureNumber.parse(number).canonical
        return tuple(m for m in self.walk() if m.measure.number.canonical == wanted)

    def get(self, measure_id: MeasureId) -> LocatedMeasure | None:
        """The measure with this identity, or None."""
        return next((m for m in self.walk() if m.id == measure_id), None)

    @property
    def body_level(self) -> BodyLevel:
        """The plan level as a :class:`BodyLevel`."""
        return BodyLevel(self.level.value)

    def _repr_html_(self) -> str:
        """The roadmap as HTML in notebooks (:func:`gia_roadmap.plan.html.roadmap_html`)."""
        from gia_roadmap.plan.html import roadmap_html  # lazy: only a notebook needs the view

        return roadmap_html(self)
