"""Building a roadmap from plain strings: :class:`RoadmapBuilder` («конструктор дорожной карты»).

An analyst writes a plan the way officials write it — numbers, titles, «Сроки», «Ответственные» as
text — and gets typed values back, each checked where it is written:

* a deadline is read by the deadline grammar (:func:`~gia_roadmap.calendar.parse_term`) in the plan's
  school year, **strictly** by default: a text no rule reads is an error naming the measure;
* responsible parties are read by :class:`~gia_roadmap.plan.ResponsibleResolver` and, when the plan
  declares its parties (``parties=``, or a ``glossary=``), checked against them: a body that is
  neither declared nor a standard or federal body («ОО», «ППЭ», «Рособрнадзор») is an error naming the
  measure and the declared ones; named officials and roles («руководители ППЭ») need no declaration;
* trained categories are read by name or synonym («организаторы ППЭ», «организаторов в аудитории»,
  «членов ГЭК»: :func:`~gia_roadmap.plan.resolve_category`);
* dependencies are given by measure number (``after="1.2"``) and bound when the plan is built;
* exams by their names («ГИА-9», «ЕГЭ»), the plan's ``exams=`` standing for every measure that names none.

Every problem is collected and :meth:`RoadmapBuilder.build` raises one :class:`RoadmapBuildError` that
lists them all, each at its place (plan, section, measure number, field) with what would be valid.
With ``strict=False`` a deadline no rule reads stays an :class:`~gia_roadmap.calendar.UnparsedTerm`
and a party nobody declared stays as read; both are kept in :attr:`RoadmapBuilder.problems` as
warnings instead.

Plans also come from rows: :meth:`RoadmapBuilder.from_records` (an iterable of mappings) and
:meth:`RoadmapBuilder.from_dataframe` (a ``pandas.DataFrame``, one row per measure).

>>> plan = (
...     RoadmapBuilder("demo", school_year="2025/26", parties={"УО": "Управление образования"})
...     .section("1. Организационное сопровождение ГИА")
...     .measure("1.1", "Совещание с руководителями ОО", "до 15 сентября 2025", "УО")
...     .measure("1.2", "Обучение организаторов ППЭ", "ноябрь 2025", "УО",
...              trains="организаторы ППЭ", after="1.1")
...     .build()
... )
>>> [m.number.canonical for m in plan.measures], plan.measures[1].dependencies[0].on.number
(['1.1', '1.2'], '1.1')
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Self

import attrs

from gia_roadmap.calendar.exams import ExamScope, detect_exam_scopes
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.calendar.terms import MissingTerm, Term
from gia_roadmap.errors import (
    GiaRoadmapError,
    InvalidTypeError,
    InvalidValueError,
    Location,
    Problem,
    Severity,
    TermSyntaxError,
)
from gia_roadmap.plan.bodies import Body, find_federal_body, standard_body
from gia_roadmap.plan.categories import SpecialistCategory, resolve_category
from gia_roadmap.plan.glossary import Glossary, GlossarySource
from gia_roadmap.plan.model import (
    Dependency,
    DependencyKind,
    Measure,
    MeasureNumber,
    MeasureRef,
    PlanLevel,
    Provenance,
    ProvenanceKind,
    Roadmap,
    Section,
    SectionKind,
    Status,
    StatusKind,
    Target,
    TargetKind,
)
from gia_roadmap.plan.people import NameOrder
from gia_roadmap.plan.responsible import Responsible, ResponsibleResolver
from gia_roadmap.plan.sections import classify_section

__all__ = ["RECORD_FIELDS", "RoadmapBuildError", "RoadmapBuilder"]

RECORD_FIELDS = (
    "section",
    "number",
    "title",
    "term",
    "responsible",
    "trains",
    "exams",
    "after",
    "status",
    "done",
    "evidence",
    "reported_by",
)
"""The fields a record (a row of :meth:`RoadmapBuilder.from_records`) may have; ``section`` starts a
new section whenever its heading changes, the others are :meth:`RoadmapBuilder.measure` arguments."""


class RoadmapBuildError(InvalidValueError):
    """A plan could not be built as written: every problem, each at its measure and field.

    Attributes:
        problems: the problems, in the order the measures were given.
    """

    def __init__(self, plan: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        listing = "\n".join(f"  - {p.describe('en')}" for p in self.problems)
        super().__init__(f"plan {plan!r} cannot be built ({len(self.problems)} problem(s)):\n{listing}")


@attrs.define
class _SectionDraft:
    heading: str
    kind: SectionKind
    measures: list[Measure] = attrs.field(factory=list)
    afters: list[tuple[str | Dependency, ...]] = attrs.field(factory=list)
    subgroups: list[_SectionDraft] = attrs.field(factory=list)


def _level(value: PlanLevel | str) -> PlanLevel:
    if isinstance(value, PlanLevel):
        return value
    words = {
        "federal": PlanLevel.FEDERAL,
        "федеральный": PlanLevel.FEDERAL,
        "regional": PlanLevel.REGIONAL,
        "региональный": PlanLevel.REGIONAL,
        "municipal": PlanLevel.MUNICIPAL,
        "муниципальный": PlanLevel.MUNICIPAL,
        "school": PlanLevel.SCHOOL,
        "школьный": PlanLevel.SCHOOL,
        "институциональный": PlanLevel.SCHOOL,
    }
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise InvalidValueError(f"level must be a PlanLevel or one of {', '.join(sorted(words))}, got {value!r}")


def _texts(value: object, field: str) -> tuple[str, ...]:
    """A text or texts: «1.1», «1.1, 1.2» or ("1.1", "1.2") → ("1.1", "1.2"); empty for None."""
    if value is None or _is_blank(value):
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in re.split(r"[,;\n]", value) if p.strip())
    if isinstance(value, Iterable):
        out: list[str] = []
        for item in value:
            out += _texts(item, field)
        return tuple(out)
    raise InvalidTypeError(f"{field} must be a text or a list of texts, got {type(value).__name__} {value!r}")


def _is_blank(value: object) -> bool:
    """None, an empty text, or a missing value of a DataFrame (NaN, NaT, pandas.NA)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NaTType", "NAType")


def _day(value: object, field: str) -> dt.date | None:
    if _is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
        raise InvalidValueError(f"{field} {value!r} is not a date; write 2026-03-01 or 01.03.2026")
    to_date = getattr(value, "date", None)  # a pandas Timestamp
    if callable(to_date):
        day = to_date()
        if isinstance(day, dt.date):
            return day
    raise InvalidTypeError(f"{field} must be a date, got {type(value).__name__} {value!r}")


_STATUS_WORDS = {
    "planned": StatusKind.PLANNED,
    "запланировано": StatusKind.PLANNED,
    "в работе": StatusKind.PLANNED,
    "done": StatusKind.DONE,
    "выполнено": StatusKind.DONE,
    "исполнено": StatusKind.DONE,
    "cancelled": StatusKind.CANCELLED,
    "canceled": StatusKind.CANCELLED,
    "отменено": StatusKind.CANCELLED,
}


def _status_kind(value: object) -> StatusKind:
    if isinstance(value, StatusKind):
        return value
    if isinstance(value, str) and value.strip().lower() in _STATUS_WORDS:
        return _STATUS_WORDS[value.strip().lower()]
    raise InvalidValueError(
        f"status must be a StatusKind or one of {', '.join(_STATUS_WORDS)}, got {value!r}"
    )


class RoadmapBuilder:
    """Build a :class:`~gia_roadmap.plan.Roadmap` from plain strings (see the module docstring).

    Each call returns the builder, so a plan reads top to bottom; :meth:`build` returns the roadmap.

    Args:
        plan_id: the plan's id (part of every measure's identity).
        title: the plan title.
        school_year: the school year: ``2025``, ``"2025/26"``, ``"2025/2026"`` or a
            :class:`~gia_roadmap.calendar.SchoolYear`; months written without a year take it.
        level: «federal», «regional», «municipal» (default) or «school» (or the Russian words), or a
            :class:`~gia_roadmap.plan.PlanLevel`.
        issuer: the issuer as written («Управление образования администрации …»).
        territory: the territory as written.
        region: the ISO 3166-2:RU code of the region («RU-KEM»), for its regional days off.
        exams: the exams the plan is about («ГИА-9», «ГИА-11», «ЕГЭ» …), given to every measure that
            names none.
        parties: the plan's parties: ``{"УО": "Управление образования", …}`` (abbreviations and what
            they stand for, which also become the glossary) or a list of names; when given, every
            responsible body must be one of them or a standard body.
        glossary: the document's abbreviations ({abbreviation: expansion} or a
            :class:`~gia_roadmap.plan.Glossary`); declares parties too.
        name_order: how the plan writes names.
        period: the plan period, when it is not the school year.
        strict: raise on an unreadable deadline or an undeclared party (True, default) or keep them
            and report them in :attr:`problems` (False).
    """

    def __init__(
        self,
        plan_id: str = "plan",
        *,
        title: str = "",
        school_year: SchoolYear | int | str | None = None,
        level: PlanLevel | str = PlanLevel.MUNICIPAL,
        issuer: str = "",
        territory: str = "",
        region: str | None = None,
        exams: Iterable[ExamScope | str] | str = (),
        parties: Mapping[str, str] | Iterable[str] | None = None,
        glossary: Mapping[str, str] | Glossary | None = None,
        name_order: NameOrder = NameOrder.UNKNOWN,
        period: DateWindow | None = None,
        strict: bool = True,
    ) -> None:
        if not isinstance(plan_id, str) or not plan_id.strip():
            raise InvalidValueError(f"plan_id must be a non-empty text, got {plan_id!r}")
        for name, text in (("title", title), ("issuer", issuer), ("territory", territory)):
            if not isinstance(text, str):
                raise InvalidTypeError(f"{name} must be a text, got {type(text).__name__} {text!r}")
        if not isinstance(strict, bool):
            raise InvalidTypeError(f"strict must be True or False, got {strict!r}")
        if not isinstance(name_order, NameOrder):
            raise InvalidTypeError(f"name_order must be a NameOrder, got {name_order!r}")
        if period is not None and not isinstance(period, DateWindow):
            raise InvalidTypeError(f"period must be a DateWindow or None, got {period!r}")
        self._id = plan_id
        self._title = title
        self._school_year = None if school_year is None else SchoolYear.parse(school_year)
        self._level = _level(level)
        self._issuer = issuer
        self._territory = territory
        self._region = region
        self._period = period
        self._strict = strict
        self._name_order = name_order
        self._problems: list[Problem] = []
        self._exams = self._scopes(exams, Location(plan=plan_id, field="exams"))
        self._glossary, self._declared = self._declarations(parties, glossary)
        self._resolver = ResponsibleResolver(self._glossary, name_order)
        self._declared_bodies = tuple(
            body for name in self._declared for body in (self._resolver.resolve_body(name)[0],) if body
        )
        self._sections: list[_SectionDraft] = []
        self._path: list[_SectionDraft] = []
        if region is not None:
            self._region = federal_subject(region).code  # an unknown code fails here, where it was given

    # ------------------------------------------------------------------ what was reported
    @property
    def problems(self) -> tuple[Problem, ...]:
        """Everything reported so far: errors (raised by :meth:`build` in strict mode) and warnings."""
        return tuple(self._problems)

    def _report(
        self, code: str, location: Location, message: str, expected: str = "", *, error: bool = True
    ) -> None:
        severity = Severity.ERROR if error else Severity.WARNING
        self._problems.append(
            Problem(code=code, severity=severity, location=location, message=message, expected=expected)
        )

    # ------------------------------------------------------------------ declarations
    @staticmethod
    def _declarations(
        parties: Mapping[str, str] | Iterable[str] | None, glossary: Mapping[str, str] | Glossary | None
    ) -> tuple[Glossary, tuple[str, ...]]:
        if glossary is None:
            base = Glossary()
        elif isinstance(glossary, Glossary):
            base = glossary
        elif isinstance(glossary, Mapping):
            base = Glossary.from_pairs(_pairs(glossary, "glossary"), GlossarySource.MANUAL)
        else:
            raise InvalidTypeError(f"glossary must be a mapping or a Glossary, got {glossary!r}")
        declared: list[str] = [e.abbreviation for e in base.entries]
        if parties is None:
            return base, tuple(declared)
        if isinstance(parties, Mapping):
            pairs = _pairs(parties, "parties")
            base = base.merge(Glossary.from_pairs(pairs, GlossarySource.MANUAL))
            declared += [name for pair in pairs for name in pair if name.strip()]
        elif isinstance(parties, str):
            declared += list(_texts(parties, "parties"))
        elif isinstance(parties, Iterable):
            for name in parties:
                if not isinstance(name, str):
                    raise InvalidTypeError(f"parties must be texts, got {type(name).__name__} {name!r}")
                declared.append(name)
        else:
            raise InvalidTypeError(f"parties must be a mapping or a list of names, got {parties!r}")
        return base, tuple(declared)

    def _scopes(self, value: object, where: Location) -> tuple[ExamScope, ...]:
        if isinstance(value, ExamScope):
            return (value,)
        out: list[ExamScope] = []
        items: Iterable[object] = (value,) if isinstance(value, str) else value  # type: ignore[assignment]
        if not isinstance(items, Iterable):
            raise InvalidTypeError(f"exams must be exam names or ExamScope values, got {value!r}")
        for item in items:
            if isinstance(item, ExamScope):
                out.append(item)
                continue
            if not isinstance(item, str):
                raise InvalidTypeError(f"exams must be exam names or ExamScope values, got {item!r}")
            if _is_blank(item):
                continue
            found = detect_exam_scopes(item)
            if not found:
                self._report(
                    "unknown-exam",
                    where,
                    f"«{item}» names no exam",
                    ", ".join(s.label for s in ExamScope),
                )
            out.extend(found)
        return tuple(dict.fromkeys(out))

    # ------------------------------------------------------------------ structure
    def section(self, heading: str = "", *, kind: SectionKind | None = None) -> Self:
        """Start a new top-level section; following measures go into it. Its kind is read from the
        heading unless given."""
        self._path = [self._draft(heading, kind)]
        self._sections.append(self._path[0])
        return self

    def subsection(self, heading: str = "", *, kind: SectionKind | None = None) -> Self:
        """Start a sub-group of the current section; :meth:`end` leaves it."""
        if not self._path:
            self.section()
        draft = self._draft(heading, kind)
        self._path[-1].subgroups.append(draft)
        self._path.append(draft)
        return self

    def end(self) -> Self:
        """Leave the current sub-group: following measures go into its parent."""
        if len(self._path) <= 1:
            raise InvalidValueError("end() without an open subsection")
        self._path.pop()
        return self

    @staticmethod
    def _draft(heading: str, kind: SectionKind | None) -> _SectionDraft:
        if not isinstance(heading, str):
            raise InvalidTypeError(
                f"a section heading must be a text, got {type(heading).__name__} {heading!r}"
            )
        if kind is not None and not isinstance(kind, SectionKind):
            raise InvalidTypeError(f"kind must be a SectionKind or None, got {kind!r}")
        return _SectionDraft(heading, kind if kind is not None else classify_section(heading))

    # ------------------------------------------------------------------ values
    def term(self, text: str) -> Term:
        """``text`` read as a deadline in the plan's school year (leniently: an unreadable text is an
        :class:`~gia_roadmap.calendar.UnparsedTerm`); an empty text is a missing term."""
        if not text.strip():
            return MissingTerm(raw=text)
        return parse_term(text, school_year=self._school_year)

    def _term(self, value: object, where: Location) -> Term:
        if _is_blank(value):
            return MissingTerm(raw=value if isinstance(value, str) else "")
        if not isinstance(value, str):
            if attrs.has(type(value)) and hasattr(value, "resolve"):
                return value  # type: ignore[return-value]  # a term value given as it is
            raise InvalidTypeError(f"term must be a text or a term, got {type(value).__name__} {value!r}")
        try:
            return parse_term(value, school_year=self._school_year, strict=True)
        except TermSyntaxError as error:
            self._report(
                "unreadable-term",
                where,
                f"no deadline rule reads «{' '.join(value.split())}»: {error.problem.message}",
                error.problem.expected,
                error=self._strict,
            )
            return parse_term(value, school_year=self._school_year)

    def _responsible(self, value: object, where: Location) -> tuple[tuple[Responsible, ...], str]:
        if _is_blank(value):
            return (), ""
        if not isinstance(value, str):
            raise InvalidTypeError(f"responsible must be a text, got {type(value).__name__} {value!r}")
        parties = self._resolver.resolve(value)
        for party in parties:
            if party.party is None:
                self._report(
                    "unresolved-party",
                    where,
                    f"«{party.raw}» names no body, person or role ({party.note or 'no rule reads it'})",
                    self._declared_text(),
                    error=self._strict,
                )
            elif isinstance(party.party, Body) and self._declared and not self._known(party.party):
                self._report(
                    "undeclared-party",
                    where,
                    f"«{party.raw}» is not one of the plan's parties",
                    self._declared_text(),
                    error=self._strict,
                )
        return parties, value

    def _declared_text(self) -> str:
        if not self._declared:
            return "a body, a person («Иванов И.И.») or a role («руководители ППЭ»)"
        return "one of " + ", ".join(dict.fromkeys(self._declared)) + ", or a standard body («ОО», «ППЭ»)"

    def _known(self, body: Body) -> bool:
        if any(body.same_as(declared) for declared in self._declared_bodies):
            return True
        if any(standard_body(a) is not None for a in body.abbreviations):
            return True
        return find_federal_body(body.name) is not None or standard_body(body.name) is not None

    def _categories(self, value: object, where: Location) -> tuple[Target, ...]:
        if isinstance(value, SpecialistCategory):
            return (Target(value.label, TargetKind.CATEGORY, value),)
        if _is_blank(value):
            return ()
        if isinstance(value, str) or not isinstance(value, Iterable):
            value = (value,)
        out: list[Target] = []
        for item in value:
            if isinstance(item, SpecialistCategory):
                out.append(Target(item.label, TargetKind.CATEGORY, item))
                continue
            for text in _texts(item, "trains"):
                category = resolve_category(text)
                if category is None:
                    self._report(
                        "unknown-category",
                        where,
                        f"«{text}» names no category of exam staff",
                        ", ".join(c.label for c in SpecialistCategory),
                    )
                    continue
                out.append(Target(text, TargetKind.CATEGORY, category))
        return tuple(out)

    def _status(
        self,
        status: object,
        done: object,
        cancelled: object,
        evidence: object,
        reported_by: object,
        where: Location,
    ) -> Status:
        done_day = _day(done, "done")
        cancelled_day = _day(cancelled, "cancelled")
        if done_day is not None and cancelled_day is not None:
            raise InvalidValueError(f"{where}: a measure cannot be both done and cancelled")
        kind = StatusKind.PLANNED if _is_blank(status) else _status_kind(status)
        if done_day is not None:
            kind = StatusKind.DONE
        elif cancelled_day is not None:
            kind = StatusKind.CANCELLED
        for name, text in (("evidence", evidence), ("reported_by", reported_by)):
            if not _is_blank(text) and not isinstance(text, str):
                raise InvalidTypeError(f"{name} must be a text, got {type(text).__name__} {text!r}")
        return Status(
            kind=kind,
            date=done_day or cancelled_day,
            evidence="" if _is_blank(evidence) else str(evidence),
            reported_by="" if _is_blank(reported_by) else str(reported_by),
        )

    # ------------------------------------------------------------------ measures
    def measure(
        self,
        number: str | int,
        title: str = "",
        term: str | Term = "",
        responsible: str = "",
        *,
        trains: str | SpecialistCategory | Iterable[str | SpecialistCategory] = (),
        exams: str | ExamScope | Iterable[str | ExamScope] = (),
        exam_scope: Iterable[ExamScope] = (),
        after: str | Dependency | Iterable[str | Dependency] = (),
        status: StatusKind | str | None = None,
        done: dt.date | str | None = None,
        cancelled: dt.date | str | None = None,
        evidence: str = "",
        reported_by: str = "",
        **fields: Any,
    ) -> Self:
        """Add a measure to the current section (an untitled section is opened when none is).

        Args:
            number: the number as written («1.1», «2.2.13.», "" for none).
            title: the measure text («Мероприятие»).
            term: the deadline («Сроки») as text, or a term value.
            responsible: the responsible cell as written («УО, руководители ППЭ»).
            trains: the categories of exam staff it trains, by name or synonym.
            exams: the exams it concerns («ГИА-9», «ЕГЭ»); the plan's ``exams`` when none.
            exam_scope: the same as :class:`~gia_roadmap.calendar.ExamScope` values.
            after: number(s) of measures this one follows (finish-to-start), or dependencies.
            status: «planned», «done», «cancelled» (or the Russian words, or a StatusKind).
            done: the day it was done (sets the status to done).
            cancelled: the day it was cancelled.
            evidence: what shows it was done (a document, a link).
            reported_by: who reported it.
            **fields: any other :class:`~gia_roadmap.plan.Measure` field (``notes``, ``description`` …).
        """
        if not self._path:
            self.section()
        draft = self._path[-1]
        if isinstance(number, int) and not isinstance(number, bool):
            number = str(number)
        if not isinstance(number, str):
            raise InvalidTypeError(
                f"number must be a text as written («1.10»), got {type(number).__name__} {number!r}"
            )
        if not isinstance(title, str):
            raise InvalidTypeError(f"measure {number}: title must be a text, got {type(title).__name__}")
        where = Location(plan=self._id, section=draft.heading, measure=number, ordinal=len(draft.measures))
        parties, responsible_raw = self._responsible(responsible, attrs.evolve(where, field="responsible"))
        scopes = (*self._scopes(exams, attrs.evolve(where, field="exams")), *self._scopes(exam_scope, where))
        provenance: tuple[Provenance, ...] = ()
        if not scopes and self._exams:
            scopes = self._exams
            provenance = (Provenance("exam_scope", ProvenanceKind.INFERRED, "", "the plan's exams"),)
        measure = Measure(
            number=MeasureNumber.parse(number),
            ordinal=len(draft.measures),
            title=title,
            term=self._term(term, attrs.evolve(where, field="term")),
            responsible=parties,
            responsible_raw=responsible_raw,
            targets=self._categories(trains, attrs.evolve(where, field="targets")),
            exam_scope=tuple(dict.fromkeys(scopes)),
            provenance=provenance,
            status=self._status(
                status, done, cancelled, evidence, reported_by, attrs.evolve(where, field="status")
            ),
        )
        if fields:
            try:
                measure = attrs.evolve(measure, **fields)
            except TypeError as error:
                valid = ", ".join(f.name for f in attrs.fields(Measure))
                raise InvalidValueError(f"measure {number}: {error}; the fields are {valid}") from None
        draft.measures.append(measure)
        draft.afters.append(_afters(after))
        return self

    # ------------------------------------------------------------------ result
    def build(self) -> Roadmap:
        """The roadmap.

        Raises:
            RoadmapBuildError: listing every problem found (in strict mode, and always for unknown
                categories, exams and dependencies).
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

        def dependency(item: str | Dependency, measure: Measure, heading: str) -> Dependency | None:
            if isinstance(item, Dependency):
                return item
            found = refs.get(MeasureNumber.parse(item).canonical, [])
            if not found:
                self._report(
                    "unknown-dependency",
                    Location(
                        plan=self._id, section=heading, measure=measure.number.raw, field="dependencies"
                    ),
                    f"after «{item}»: no measure of the plan has that number",
                    ", ".join(refs) or "the number of a measure of the plan",
                )
                return None
            first = found[0]
            return Dependency(
                first if len(found) > 1 else attrs.evolve(first, ordinal=None), DependencyKind.FINISH_TO_START
            )

        def freeze(draft: _SectionDraft, ordinal: int) -> Section:
            measures = []
            for measure, afters in zip(draft.measures, draft.afters, strict=True):
                links = tuple(
                    d for d in (dependency(a, measure, draft.heading) for a in afters) if d is not None
                )
                measures.append(
                    attrs.evolve(measure, dependencies=measure.dependencies + links) if links else measure
                )
            return Section(
                heading=draft.heading,
                kind=draft.kind,
                ordinal=ordinal,
                number=_heading_number(draft.heading),
                measures=tuple(measures),
                subgroups=tuple(freeze(s, i) for i, s in enumerate(draft.subgroups)),
            )

        sections = tuple(freeze(s, i) for i, s in enumerate(self._sections))
        errors = [p for p in self._problems if p.severity is Severity.ERROR]
        if errors:
            raise RoadmapBuildError(self._id, errors)
        return Roadmap(
            self._id,
            title=self._title,
            issuer=self._issuer,
            level=self._level,
            territory=self._territory,
            region=self._region,
            school_year=self._school_year,
            period=self._period,
            sections=sections,
            glossary=self._glossary,
            name_order=self._name_order,
        )

    # ------------------------------------------------------------------ rows
    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], plan_id: str = "plan", **options: Any
    ) -> Roadmap:
        """A roadmap from rows, one measure each, with the fields of :data:`RECORD_FIELDS`
        (``section`` starts a new section whenever it changes); ``options`` are the builder's.

        Raises:
            RoadmapBuildError: every problem of every row, an unknown field among them.
        """
        builder = cls(plan_id, **options)
        heading: str | None = None
        for row, record in enumerate(records, start=1):
            if not isinstance(record, Mapping):
                raise InvalidTypeError(
                    f"record {row} must be a mapping of fields, got {type(record).__name__}"
                )
            unknown = [key for key in record if key not in RECORD_FIELDS]
            for key in unknown:
                builder._report(
                    "unknown-field",
                    Location(plan=plan_id, row=row, field=str(key)),
                    f"record {row} has a field «{key}» no measure has",
                    ", ".join(RECORD_FIELDS),
                )
            values = {key: value for key, value in record.items() if key in RECORD_FIELDS}
            section = values.pop("section", None)
            section_text = "" if _is_blank(section) else str(section)
            if heading is None or section_text != heading:
                builder.section(section_text)
                heading = section_text
            for key in ("title", "term", "responsible", "evidence", "reported_by", "number"):
                if key in values and _is_blank(values[key]):
                    values[key] = ""
            try:
                builder.measure(values.pop("number", ""), **values)
            except GiaRoadmapError as error:
                builder._report("invalid-value", Location(plan=plan_id, row=row), str(error))
        return builder.build()

    @classmethod
    def from_dataframe(cls, frame: Any, plan_id: str = "plan", **options: Any) -> Roadmap:
        """A roadmap from a ``pandas.DataFrame`` with the columns of :data:`RECORD_FIELDS` (missing
        values are empty); see :meth:`from_records`."""
        to_dict = getattr(frame, "to_dict", None)
        if not callable(to_dict):
            raise InvalidTypeError(f"expected a pandas.DataFrame, got {type(frame).__name__}")
        return cls.from_records(to_dict("records"), plan_id, **options)


def _afters(value: object) -> tuple[str | Dependency, ...]:
    """``after=`` as numbers and dependencies: «1.1», «1.1, 1.2», a Dependency, or a list of them."""
    if isinstance(value, Dependency):
        return (value,)
    if isinstance(value, str) or value is None or _is_blank(value) or not isinstance(value, Iterable):
        return _texts(value, "after")
    out: list[str | Dependency] = []
    for item in value:
        out += _afters(item)
    return tuple(out)


def _pairs(mapping: Mapping[Any, Any], field: str) -> list[tuple[str, str]]:
    pairs = []
    for key, value in mapping.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise InvalidTypeError(f"{field} must map texts to texts, got {key!r}: {value!r}")
        pairs.append((key, value))
    return pairs


def _heading_number(heading: str) -> MeasureNumber | None:
    head = heading.strip().split(" ", 1)[0] if heading.strip() else ""
    number = MeasureNumber.parse(head)
    return number if number.is_numbered else None
