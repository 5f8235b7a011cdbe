"""Plan sets («каскад»): a regional plan, the municipal plans that implement it and the school plans
below them, clean for the cascade's checks by construction, with defects of the kinds asked for planted
and said where.

A set is drawn as a careful region writes one:

* the **regional plan** numbers its items 1.1 … 1.n; each item is due in a month of the school year or
  continuously («в течение учебного года»), may concern one grade's exams, and is the region's own
  (the ministry, the РЦОИ, the ГЭК) or the municipalities' («ОМСУ», «МОУО» …). Items 1.1 and 1.2
  always oblige the municipalities, are due in a month before May and concern one grade's exams, so
  that every kind of defect can be planted in every plan;
* each **municipal plan** implements every item that obliges the municipalities (and may implement
  some of the region's own), citing its number in the column of parent items or in the text («во
  исполнение п. 1.2 регионального плана»), due no later than the item, about the same grade's exams;
  its counterparts of items 1.1 and 1.2 also oblige the schools («УО, ОО»), others may. It cites the
  order approving the regional plan as its basis, and adds measures of its own;
* each **school plan** implements every measure of its municipality that obliges the schools, in the
  same way, and adds measures of its own.

Titles of different items share no word stem (the exams are a measure's ``exam_scope``, never words of
its title), so a measure is worded like an item only when it is that item's counterpart: GR603's
likeness rule never hides a planted defect. Each plan's own checks are not the point here (draw single
plans with :func:`~gia_roadmap.strategies.roadmaps` for those).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import Term
from gia_roadmap.errors import InvalidValueError, Location
from gia_roadmap.plan.cascade.planset import PlanSet
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.glossary import Glossary
from gia_roadmap.plan.model import Measure, MeasureNumber, Order, ParentItemRef, PlanLevel, Roadmap, Section
from gia_roadmap.plan.responsible import ResponsibleResolver
from gia_roadmap.strategies._plans import PlantedDefect
from gia_roadmap.text import MONTHS_NOMINATIVE

if TYPE_CHECKING:
    # the checks are imported when a set is drawn, not with the strategies module (which imports the
    # model only: tests/test_imports.py)
    from gia_roadmap.plan.checks.sets import CascadeReport

__all__ = ["PlanSetCase", "plan_sets"]

_TITLES = (
    "Аккредитация наблюдателей", "Бюджетная смета", "Видеонаблюдение аудиторий", "Горячая линия",
    "Дежурство медиков", "Журналы инструктажа", "Заявки транспорта", "Инвентаризация сейфов",
    "Картография маршрутов", "Лицензирование помещений", "Маркировка пакетов", "Нормативы освещения",
    "Опечатывание кабинетов", "Протоколы совещаний", "Резервирование связи", "Сертификация станций",
    "Тестирование сканеров", "Уведомление родителей", "Фотофиксация вскрытия", "Хронометраж смен",
)  # fmt: skip
"""Item titles: no two share a word stem."""

_OWN_TITLES = ("Классный час", "Педагогический совет", "Заседание методического объединения")
"""Titles of a plan's own measures (no stem shared with an item's)."""

_STRAY_TITLE = "Консультирование выпускников"
"""The title of a measure citing an item its parent does not have (GR604)."""

_REGION_OWN = ("Министерство", "РЦОИ", "ГЭК")
_MUNICIPALITIES = ("ОМСУ", "МОУО", "муниципальные органы управления образованием")
_GRADE = {
    ExamScope.EGE: 11, ExamScope.GIA_11: 11, ExamScope.GVE_11: 11,
    ExamScope.OGE: 9, ExamScope.GIA_9: 9, ExamScope.GVE_9: 9,
}  # fmt: skip
"""The grade whose ГИА each exam belongs to."""
_OTHER = {11: ExamScope.OGE, 9: ExamScope.EGE}
_MONTH_COUNT = 9
"""Explicit deadlines are the months September to May of the school year."""
_OPEN = "в течение учебного года"
_FIRST_OWN, _FIRST_PLANTED = 100, 50
_UNKNOWN_ITEM = "77.7"
_REGION_ISSUER = "Министерство образования Энской области"
_PLAN_TITLE = "План мероприятий («дорожная карта») по подготовке к ГИА в {} учебном году"


@functools.cache
def _resolver() -> ResponsibleResolver:
    return ResponsibleResolver(Glossary())


@functools.cache
def _term(text: str, year: int) -> Term:
    return parse_term(text, school_year=SchoolYear(year))


def _month(year: int, index: int) -> str:
    """The ``index``-th month of the school year (0: September) as a deadline («октябрь 2023 года»)."""
    month = (8 + index) % 12 + 1
    return f"{MONTHS_NOMINATIVE[month - 1]} {year + (month < 9)} года"


# --------------------------------------------------------------------------------------------
# The drawn rows, before they become measures
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Row:
    """A measure as drawn: its deadline a month index or None (continuous), the parent number it cites
    (or none) and where."""

    number: str
    title: str
    month: int | None
    responsible: str
    exam: ExamScope | None = None
    cites: str = ""
    in_text: bool = False
    planted: str = ""


@attrs.frozen
class _Plan:
    plan_id: str
    level: PlanLevel
    name: str
    rows: tuple[_Row, ...]
    parent: str = ""
    basis_number: str = ""
    """The number under which the plan cites its parent's approving order ("" : not cited)."""


def _exam_of(draw: st.DrawFn, exam: ExamScope | None) -> ExamScope | None:
    """An exam of the same grade as ``exam``, or none (a counterpart need not name it)."""
    if exam is None:
        return None
    same = [scope for scope, grade in _GRADE.items() if grade == _GRADE[exam]]
    return draw(st.sampled_from([exam, *same, None]))


def _month_of(draw: st.DrawFn, month: int | None) -> int | None:
    """A deadline no later than ``month``: an earlier or the same month; any, or continuous, under a
    continuous item."""
    if month is None:
        return draw(st.one_of(st.none(), st.integers(0, _MONTH_COUNT - 1)))
    return draw(st.integers(0, month).map(lambda m: month - m))


@st.composite
def _region(draw: st.DrawFn, count: tuple[int, int]) -> tuple[_Row, ...]:
    size = draw(st.integers(*count))
    titles = draw(st.permutations(_TITLES))[:size]
    rows = []
    for index, title in enumerate(titles):
        pinned = index < 2  # 1.1 and 1.2: every defect can be planted under them
        exams = list(_GRADE) if pinned else [None, *_GRADE]
        rows.append(
            _Row(
                number=f"1.{index + 1}",
                title=title,
                month=draw(
                    st.integers(0, _MONTH_COUNT - 2) if pinned else st.one_of(st.none(), st.integers(0, 8))
                ),
                responsible=draw(
                    st.sampled_from(_MUNICIPALITIES if pinned else _MUNICIPALITIES + _REGION_OWN)
                ),
                exam=draw(st.sampled_from(exams)),
            )
        )
    return tuple(rows)


def _obliges(row: _Row, level: PlanLevel) -> bool:
    if level is PlanLevel.MUNICIPAL:
        return row.responsible in _MUNICIPALITIES
    return "ОО" in row.responsible.split(", ")


@st.composite
def _below(
    draw: st.DrawFn, parent: tuple[_Row, ...], level: PlanLevel, plan_id: str, name: str, parent_id: str
) -> _Plan:
    """A plan implementing every row of ``parent`` that obliges ``level`` (and, for a municipality,
    perhaps some of the region's own), with measures of its own."""
    rows: list[_Row] = []
    for row in parent:
        if not _obliges(row, level) and not (level is PlanLevel.MUNICIPAL and draw(st.booleans())):
            continue
        pinned = level is PlanLevel.MUNICIPAL and row.number in ("1.1", "1.2")
        duty = "УО, ОО" if pinned else draw(st.sampled_from(("УО", "УО, ОО")))
        rows.append(
            _Row(
                number=str(len(rows) + 1),
                title=row.title,
                month=_month_of(draw, row.month),
                responsible=duty if level is PlanLevel.MUNICIPAL else "ОО",
                exam=row.exam if pinned else _exam_of(draw, row.exam),
                cites=row.number,
                in_text=draw(st.booleans()),
            )
        )
    own = draw(st.lists(st.sampled_from(_OWN_TITLES), max_size=2, unique=True))
    own_duty = "УО" if level is PlanLevel.MUNICIPAL else "классные руководители"
    rows += [_Row(str(_FIRST_OWN + i), title, None, own_duty) for i, title in enumerate(own)]
    basis = "1485" if level is PlanLevel.MUNICIPAL and draw(st.booleans()) else ""
    return _Plan(plan_id, level, name, tuple(rows), parent_id, basis)


# --------------------------------------------------------------------------------------------
# Planting
# --------------------------------------------------------------------------------------------


def _targets(plans: list[_Plan], by_id: Mapping[str, _Plan]) -> list[tuple[int, int]]:
    """(plan index, row index) of every counterpart of a parent row due in a month before May and
    about one grade's exams: a later deadline and the other grade's exams can be planted there."""
    out = []
    for p, plan in enumerate(plans):
        parent_rows = {row.number: row for row in _rows_of(plan.parent, by_id)}
        for r, row in enumerate(plan.rows):
            above = parent_rows.get(row.cites)
            if (
                above is not None
                and above.month is not None
                and above.month < _MONTH_COUNT - 1
                and above.exam
            ):
                out.append((p, r))
    return out


def _rows_of(plan_id: str, by_id: Mapping[str, _Plan]) -> tuple[_Row, ...]:
    return by_id[plan_id].rows if plan_id in by_id else ()


def _planted_number(plan: _Plan) -> str:
    return str(_FIRST_PLANTED + sum(1 for row in plan.rows if row.planted))


def _duty(plan: _Plan) -> str:
    """The responsible cell of a planted measure: the plan's own body, obliging no one below."""
    return "УО" if plan.level is PlanLevel.MUNICIPAL else "ОО"


def _plant(draw: st.DrawFn, code: str, plans: list[_Plan], region: tuple[_Row, ...]) -> None:
    """Plant one defect of ``code`` in a drawn plan below the region (changing ``plans``)."""
    by_id = {plan.plan_id: plan for plan in plans}
    by_id["region"] = _Plan("region", PlanLevel.REGIONAL, "", region)
    if code == "GR603":  # a counterpart left out: one no other defect is planted on
        choices = [
            (p, r) for p, plan in enumerate(plans) for r, row in enumerate(plan.rows)
            if row.cites and not row.planted
            and _obliges(next(x for x in _rows_of(plan.parent, by_id) if x.number == row.cites), plan.level)
        ]  # fmt: skip
        p, r = draw(st.sampled_from(choices))
        plan = plans[p]
        left_out = attrs.evolve(plan.rows[r], planted="GR603")
        plans[p] = attrs.evolve(plan, rows=(*plan.rows[:r], left_out, *plan.rows[r + 1 :]))
        for s, school in enumerate(plans):  # the schools' counterparts of a measure left out go too
            if school.parent == plan.plan_id:
                kept = tuple(row for row in school.rows if row.cites != left_out.number)
                plans[s] = attrs.evolve(school, rows=kept)
        return
    if code == "GR608":
        p = draw(st.sampled_from([p for p, plan in enumerate(plans) if plan.level is PlanLevel.MUNICIPAL]))
        plans[p] = attrs.evolve(plans[p], basis_number="1486")
        return
    if code == "GR604":
        p = draw(st.integers(0, len(plans) - 1))
        added = _Row(
            number=_planted_number(plans[p]), title=_STRAY_TITLE, month=None, responsible=_duty(plans[p]),
            cites=_UNKNOWN_ITEM, in_text=draw(st.booleans()), planted="GR604",
        )  # fmt: skip
        plans[p] = attrs.evolve(plans[p], rows=(*plans[p].rows, added))
        return
    # GR606, GR607: a second counterpart of an item, due later or about the other grade's exams, under
    # an item whose first counterpart is not left out (that would hide the GR603 planted)
    choices = [(p, r) for p, r in _targets(plans, by_id) if plans[p].rows[r].planted != "GR603"]
    p, r = draw(st.sampled_from(choices))
    plan, row = plans[p], plans[p].rows[r]
    above = next(x for x in _rows_of(plan.parent, by_id) if x.number == row.cites)
    assert above.month is not None
    assert above.exam is not None
    if code == "GR606":
        month, exam = draw(st.integers(above.month + 1, _MONTH_COUNT - 1)), above.exam
    else:
        month, exam = above.month, _OTHER[_GRADE[above.exam]]
    added = attrs.evolve(
        row, number=_planted_number(plan), month=month, exam=exam, responsible=_duty(plan), planted=code
    )
    plans[p] = attrs.evolve(plan, rows=(*plan.rows, added))


# --------------------------------------------------------------------------------------------
# Building the plans
# --------------------------------------------------------------------------------------------

_REGION_ORDER = Order(
    issuer=_REGION_ISSUER,
    number="1485",
    date=dt.date(2023, 9, 1),  # moved to the school year's
    kind="приказ",
    title="Об утверждении плана мероприятий («дорожной карты») по подготовке к ГИА",
)


def _measure(row: _Row, year: int, parent_level: PlanLevel | None, ordinal: int) -> Measure:
    term = _OPEN if row.month is None else _month(year, row.month)
    cell = row.responsible
    measure = Measure(
        number=MeasureNumber.parse(row.number),
        title=row.title,
        term=_term(term, year),
        responsible=_resolver().resolve(cell),
        responsible_raw=cell,
        exam_scope=(row.exam,) if row.exam is not None else (),
        ordinal=ordinal,
    )
    if not row.cites:
        return measure
    if row.in_text:
        whose = "регионального" if parent_level is PlanLevel.REGIONAL else "муниципального"
        return attrs.evolve(measure, description=f"Во исполнение п. {row.cites} {whose} плана")
    return attrs.evolve(measure, parent_item=ParentItemRef.parse(row.cites))


def _roadmap(plan: _Plan, year: int, region_order: Order) -> Roadmap:
    parent_level = PlanLevel.REGIONAL if plan.level is PlanLevel.MUNICIPAL else PlanLevel.MUNICIPAL
    rows = [row for row in plan.rows if row.planted != "GR603"]
    measures = tuple(_measure(row, year, parent_level, i) for i, row in enumerate(rows))
    if plan.level is PlanLevel.REGIONAL:
        issuer, territory, orders = _REGION_ISSUER, "Энской области", (region_order,)
    elif plan.level is PlanLevel.MUNICIPAL:
        issuer = f"Управление образования администрации города {plan.name}"
        territory = f"города {plan.name}"
        orders = (Order(issuer=issuer, number="12", date=dt.date(year, 9, 20)),)
    else:
        issuer, territory = f"МБОУ «СОШ № {plan.name}»", ""
        orders = (Order(number=f"{plan.name}-од", date=dt.date(year, 9, 25)),)
    basis: tuple[Order, ...] = ()
    if plan.basis_number:
        basis = (attrs.evolve(region_order, number=plan.basis_number),)
    return Roadmap(
        id=plan.plan_id,
        title=_PLAN_TITLE.format(f"{year}/{year + 1}"),
        issuer=issuer,
        level=plan.level,
        territory=territory,
        school_year=SchoolYear(year),
        orders=orders,
        legal_basis=basis,
        sections=(Section(heading="1. Организационное сопровождение ГИА", measures=measures),),
    )


# --------------------------------------------------------------------------------------------
# The case
# --------------------------------------------------------------------------------------------


def _key(code: str, plan: str, number: str) -> tuple[str, str, str]:
    return code, plan, MeasureNumber.parse(number).canonical if number else ""


def _finding_key(finding: Finding) -> tuple[str, str, str]:
    """GR603 is about the parent's item (in ``related``); the others about the plan's measure, or the
    plan itself (GR608)."""
    where = (
        finding.related[0].measure
        if finding.code == "GR603" and finding.related
        else finding.location.measure
    )
    return _key(finding.code, finding.location.plan or "", where or "")


@attrs.frozen(kw_only=True)
class PlanSetCase:
    """A drawn region: its plans, their parents, the defects planted and the clean twin.

    Attributes:
        plans: the regional plan first, then each municipal plan followed by its schools' plans.
        parents: (child id, parent id) for every plan but the regional one.
        clean: the same plans before planting: ``check_plans`` finds no cascade finding in them.
        defects: what was planted, in the order planted. The location names the plan and the measure
            the finding points at («field» as the check reports it); for GR603 (a parent item left
            out) ``measure`` is the parent item's number and the finding points at the plan, with the
            item in ``related``; for GR608 there is no measure.
    """

    plans: tuple[Roadmap, ...]
    parents: tuple[tuple[str, str], ...]
    clean: tuple[Roadmap, ...]
    defects: tuple[PlantedDefect, ...]

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the planted defects."""
        return frozenset(d.code for d in self.defects)

    def plan_set(self) -> PlanSet:
        """The plans as a :class:`~gia_roadmap.plan.PlanSet`, with their parents given."""
        return PlanSet(self.plans, self.parents)

    def clean_set(self) -> PlanSet:
        """The clean twin as a :class:`~gia_roadmap.plan.PlanSet`."""
        return PlanSet(self.clean, self.parents)

    def expected(self) -> frozenset[tuple[str, str, str]]:
        """(code, plan id, canonical number) of every planted defect: the cascade findings a check of
        :meth:`plan_set` must report, and no other (the number is the parent item's for GR603, none
        for GR608)."""
        return frozenset(_key(d.code, d.location.plan or "", d.location.measure or "") for d in self.defects)

    def missed(self, report: CascadeReport) -> tuple[PlantedDefect, ...]:
        """The planted defects ``report`` (``check_plans`` of :meth:`plan_set`) does not find."""
        found = {_finding_key(f) for f in report.cascade if f.active}
        return tuple(
            d
            for d in self.defects
            if _key(d.code, d.location.plan or "", d.location.measure or "") not in found
        )

    def unexpected(self, report: CascadeReport) -> tuple[Finding, ...]:
        """The cascade findings of ``report`` that no planted defect explains: false alarms."""
        expected = self.expected()
        return tuple(f for f in report.cascade if f.active and _finding_key(f) not in expected)


_FIELDS = {"GR606": "term", "GR608": "legal_basis"}


def _defects(plans: list[_Plan]) -> tuple[PlantedDefect, ...]:
    out = []
    for plan in plans:
        if plan.basis_number not in ("", "1485"):
            out.append(
                PlantedDefect(
                    code="GR608",
                    location=Location(plan=plan.plan_id, field="legal_basis"),
                    description=f"приказ об утверждении регионального плана указан под № {plan.basis_number}",
                )
            )
        for row in plan.rows:
            if not row.planted:
                continue
            if row.planted == "GR603":
                where, what = row.cites, f"нет мероприятия по п. {row.cites}"
            else:
                where = row.number
                what = {
                    "GR604": f"ссылка на несуществующий п. {row.cites}",
                    "GR606": f"срок позже срока п. {row.cites}",
                    "GR607": f"экзамены другого уровня, чем в п. {row.cites}",
                }[row.planted]
            field = _FIELDS.get(row.planted, "description" if row.in_text else "parent_item")
            location = Location(
                plan=plan.plan_id, measure=where, field="" if row.planted == "GR603" else field
            )
            out.append(PlantedDefect(code=row.planted, location=location, description=what))
    return tuple(out)


def _range(name: str, value: int | tuple[int, int], least: int) -> tuple[int, int]:
    low, high = (value, value) if isinstance(value, int) else value
    if not least <= low <= high:
        raise InvalidValueError(
            f"{name} must be a number or a (min, max) range from {least} up, got {value!r}"
        )
    return low, high


def plan_sets(
    defects: Iterable[str] | None = (),
    *,
    municipalities: int | tuple[int, int] = (1, 3),
    schools: int | tuple[int, int] = (0, 2),
    items: int | tuple[int, int] = (2, 8),
    school_year: SchoolYear | int = 2023,
) -> st.SearchStrategy[PlanSetCase]:
    """Sets of plans of a region (:class:`PlanSetCase`): a regional plan, municipal plans derived
    from it and school plans derived from theirs (see the module's description), clean for the
    cascade's checks, with the defects asked for planted.

    With ``defects=()`` (the default) nothing is planted: ``check_plans(case.plan_set(),
    cascade_only=True)`` reports no finding. Otherwise each code given is planted once, in a plan
    drawn below the region:

    * GR603: a counterpart of an item that obliges the plan's level left out (a municipal item of the
      schools' for a school plan; never an item of the region's own or one only the municipalities
      carry out);
    * GR604: a measure citing an item number the parent does not have;
    * GR606: a second counterpart of an item, due in a later month than the item;
    * GR607: a second counterpart of an item, about the other grade's exams;
    * GR608: the order approving the regional plan cited under another number (municipal plans).

    ``case.missed(report)`` and ``case.unexpected(report)`` compare a ``check_plans`` report with what
    was planted; ``case.clean_set()`` is the twin on which the same checks stay silent.

    Args:
        defects: cascade codes (:data:`~gia_roadmap.plan.checks.sets.CASCADE_CODES`) to plant, each
            once; None: a drawn subset of them (perhaps none).
        municipalities: how many municipal plans, or a ``(min, max)`` range (at least 1).
        schools: how many school plans under each municipal plan, or a range.
        items: how many items the regional plan has, or a range (at least 2).
        school_year: the school year of every plan (deadlines are its months); its first year.

    Raises:
        InvalidValueError: an unknown code, or a count out of range.
    """
    from gia_roadmap.plan.checks.sets import CASCADE_CODES

    wanted = None if defects is None else tuple(dict.fromkeys(defects))
    if wanted is not None and not set(wanted) <= CASCADE_CODES:
        raise InvalidValueError(f"defects must be codes of {sorted(CASCADE_CODES)}, got {list(wanted)}")
    cities = _range("municipalities", municipalities, 1)
    per_city = _range("schools", schools, 0)
    size = _range("items", items, 2)
    if size[1] > len(_TITLES):
        raise InvalidValueError(f"items: at most {len(_TITLES)}, got {items!r}")
    year = (school_year if isinstance(school_year, SchoolYear) else SchoolYear(school_year)).start_year
    codes = (
        st.just(wanted)
        if wanted is not None
        else st.lists(st.sampled_from(sorted(CASCADE_CODES)), unique=True).map(tuple)
    )

    @st.composite
    def build(draw: st.DrawFn) -> PlanSetCase:
        region = draw(_region(size))
        plans: list[_Plan] = []
        for c in range(draw(st.integers(*cities))):
            city = draw(_below(region, PlanLevel.MUNICIPAL, f"city{c}", f"Энск-{c + 1}", "region"))
            plans.append(city)
            for s in range(draw(st.integers(*per_city))):
                plans.append(
                    draw(
                        _below(
                            city.rows, PlanLevel.SCHOOL, f"city{c}-school{s}", f"{c + 1}{s + 1}", city.plan_id
                        )
                    )
                )
        order = attrs.evolve(_REGION_ORDER, date=dt.date(year, 9, 1))
        region_plan = _Plan("region", PlanLevel.REGIONAL, "", region)
        clean = [_roadmap(p, year, order) for p in (region_plan, *plans)]
        for code in sorted(draw(codes), key=lambda c: c != "GR603"):  # GR603 first: it removes rows
            _plant(draw, code, plans, region)
        return PlanSetCase(
            plans=tuple(_roadmap(p, year, order) for p in (region_plan, *plans)),
            parents=tuple((p.plan_id, p.parent) for p in plans),
            clean=tuple(clean),
            defects=_defects(plans),
        )

    return build()
