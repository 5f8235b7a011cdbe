"""Generated plan sets for the cascade's property tests: a regional plan and municipal plans that
implement some of its items, with what was generated kept beside them (the oracle's facts).

The titles of different items share no word stem, so a measure is worded like an item only when it is
that item's counterpart (the similarity rule is tested on its own); deadlines are whole months of the
school year 2023/24, or continuous («в течение учебного года»), or external.
"""

from __future__ import annotations

import functools

import attrs
from hypothesis import strategies as st
from tests.cascade.plans import m, municipal, region
from tests.checks.plans import SY

from gia_roadmap.calendar import Term, parse_term
from gia_roadmap.plan import Measure, ParentItemRef, Roadmap

__all__ = ["MONTHS", "Counterpart", "Generated", "Item", "plan_sets"]

MONTHS = (
    "сентябрь 2023 года", "октябрь 2023 года", "ноябрь 2023 года", "декабрь 2023 года",
    "январь 2024 года", "февраль 2024 года", "март 2024 года", "апрель 2024 года", "май 2024 года",
)  # fmt: skip
"""Explicit deadlines, in order: a later index ends later."""

OPEN_TERMS = ("в течение учебного года", "по отдельному графику")
"""Deadlines no check compares."""

_WORDS = (
    "аккредитация наблюдателей", "бюджетная смета", "видеонаблюдение аудиторий", "горячая линия",
    "дежурство медиков", "журналы инструктажа", "заявки транспорта", "инвентаризация сейфов",
    "картография маршрутов", "лицензирование помещений", "маркировка пакетов", "нормативы освещения",
    "опечатывание кабинетов", "протоколы совещаний", "резервирование связи", "сертификация станций",
    "тестирование сканеров", "уведомление родителей", "фотофиксация вскрытия", "хронометраж работы",
)  # fmt: skip
"""Item titles whose words share no stem with another's."""

_OWN_TITLES = (
    "Классный час",
    "Родительское собрание",
    "Заседание методического объединения",
    "Педагогический совет",
)
"""Titles of a municipality's own measures (no stem shared with an item's)."""

_OBLIGING = ("ОМСУ", "МОУО", "муниципальные органы управления образованием")
_NOT_OBLIGING = ("Министерство", "РЦОИ", "ГЭК")

_EXAMS = ("", "ЕГЭ", "ОГЭ", "ГИА-9", "ГИА-11")
_GRADES = {"": frozenset(), "ЕГЭ": frozenset({11}), "ОГЭ": frozenset({9}), "ГИА-9": frozenset({9}),
           "ГИА-11": frozenset({11})}  # fmt: skip


@functools.cache
def term(text: str) -> Term:
    """The deadline text parsed in school year 2023 (cached: the strategies draw the same few)."""
    return parse_term(text, school_year=SY)


@attrs.frozen
class Item:
    """A generated regional item."""

    number: str
    title: str
    deadline: str
    responsible: str
    exam: str

    @property
    def obliges(self) -> bool:
        return self.responsible in _OBLIGING

    def measure(self) -> Measure:
        title = f"{self.title} {self.exam}".strip()
        return attrs.evolve(
            m(self.number, title, "ноябрь 2023 года", self.responsible), term=term(self.deadline)
        )


@attrs.frozen
class Counterpart:
    """A generated municipal measure citing an item."""

    number: str
    cites: str
    deadline: str
    exam: str
    in_text: bool

    def measure(self, item: Item) -> Measure:
        title = f"{item.title} {self.exam}".strip()
        if self.in_text:
            title += f" (п. {self.cites} регионального плана)"
            measure = m(self.number, title, "ноябрь 2023 года", "УО")
        else:
            measure = m(
                self.number, title, "ноябрь 2023 года", "УО", parent_item=ParentItemRef.parse(self.cites)
            )
        return attrs.evolve(measure, term=term(self.deadline))


@attrs.frozen
class Generated:
    """A region, municipal plans and what was generated."""

    items: tuple[Item, ...]
    children: tuple[tuple[str, tuple[Counterpart, ...], tuple[str, ...]], ...]
    """(plan id, counterparts, own measure titles) per municipal plan."""

    @property
    def by_number(self) -> dict[str, Item]:
        return {item.number: item for item in self.items}

    def region(self) -> Roadmap:
        return region(*(item.measure() for item in self.items))

    def child(self, index: int, extra: tuple[Counterpart, ...] = ()) -> Roadmap:
        plan_id, counterparts, own = self.children[index]
        items = self.by_number
        measures = [c.measure(items[c.cites]) for c in counterparts + extra]
        measures += [m(f"{100 + i}", title, responsible="УО") for i, title in enumerate(own)]
        return municipal(*measures, plan_id=plan_id, city=plan_id.capitalize())

    def plans(self, extra: dict[int, tuple[Counterpart, ...]] | None = None) -> list[Roadmap]:
        extra = extra or {}
        return [self.region(), *(self.child(i, extra.get(i, ())) for i in range(len(self.children)))]

    def later(self) -> set[tuple[str, str]]:
        """The oracle of GR612: (plan, measure number) of every counterpart due after its item."""
        items = self.by_number
        out = set()
        for plan_id, counterparts, _ in self.children:
            for c in counterparts:
                parent = items[c.cites].deadline
                if (
                    c.deadline in MONTHS
                    and parent in MONTHS
                    and MONTHS.index(c.deadline) > MONTHS.index(parent)
                ):
                    out.add((plan_id, c.number))
        return out

    def contradicting(self) -> set[tuple[str, str]]:
        """The oracle of GR613: counterparts about the other grade's exams."""
        items = self.by_number
        out = set()
        for plan_id, counterparts, _ in self.children:
            for c in counterparts:
                mine, theirs = _GRADES[c.exam], _GRADES[items[c.cites].exam]
                if mine and theirs and not mine & theirs:
                    out.add((plan_id, c.number))
        return out

    def missing(self) -> set[tuple[str, str]]:
        """(plan, item number) of every obliging item a plan does not cite: GR611 reports these and no
        other, leaving out those some measure of the plan is worded like."""
        out = set()
        for plan_id, counterparts, _ in self.children:
            cited = {c.cites for c in counterparts}
            out |= {(plan_id, i.number) for i in self.items if i.obliges and i.number not in cited}
        return out


_DEADLINES = st.sampled_from(MONTHS + OPEN_TERMS)


@st.composite
def items(draw: st.DrawFn) -> tuple[Item, ...]:
    """Regional items 1.1 … 1.n with distinct titles."""
    count = draw(st.integers(1, 8))
    titles = draw(st.permutations(_WORDS))[:count]
    return tuple(
        Item(
            number=f"1.{i + 1}",
            title=title.capitalize(),
            deadline=draw(_DEADLINES),
            responsible=draw(st.sampled_from(_OBLIGING + _NOT_OBLIGING)),
            exam=draw(st.sampled_from(_EXAMS)),
        )
        for i, title in enumerate(titles)
    )


@st.composite
def counterparts(draw: st.DrawFn, regional: tuple[Item, ...], start: int = 1) -> tuple[Counterpart, ...]:
    """Municipal measures citing some of the items, each once, numbered from ``start``."""
    chosen = draw(st.lists(st.sampled_from(regional), unique_by=lambda i: i.number, max_size=len(regional)))
    return tuple(
        Counterpart(
            number=str(start + n),
            cites=item.number,
            deadline=draw(_DEADLINES),
            exam=draw(st.sampled_from(_EXAMS)),
            in_text=draw(st.booleans()),
        )
        for n, item in enumerate(chosen)
    )


@st.composite
def plan_sets(draw: st.DrawFn) -> Generated:
    """A region with one to three municipal plans."""
    regional = draw(items())
    children = []
    for index in range(draw(st.integers(1, 3))):
        own = tuple(draw(st.lists(st.sampled_from(_OWN_TITLES), max_size=2)))
        children.append((f"city{index}", draw(counterparts(regional)), own))
    return Generated(regional, tuple(children))


def faithful(generated: Generated, index: int, item: Item) -> Counterpart:
    """A counterpart of ``item`` for the ``index``-th plan that agrees with it in every respect: cited
    in the column, due when it is due, about its exams."""
    return Counterpart(number="99", cites=item.number, deadline=item.deadline, exam=item.exam, in_text=False)
