"""Scale of a whole region's cascade: one regional plan, 60 municipal plans and 1 500 school plans
(synthetic), their parents inferred and every plan checked with its parent in one run.

Run as ``python benchmarks/cascade_scale.py [--municipalities 60] [--schools 1500] [--jobs 1 2 0]``
(``0``: one process per core). It prints the size of the region, the time to build the plan set
(parents inferred from the documents), and for each number of jobs the wall time of
:func:`~gia_roadmap.plan.check_plans` and its ratio to one job; it checks that every run gives the
same report.

The plans: the region has 150 items, a third of them for the municipalities («ОМСУ»), a third for
the schools («ОО»), a third the ministry's own, with month deadlines of the school year 2023/24; each
municipal plan has 80 measures, most citing a regional item in the column «№ по приказу» (a few
deliberately later than the item, a few items left out); each school plan has 40 measures, citing
its municipality's items in the text («п. 12 плана управления образования»).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import time

from gia_roadmap.calendar import RussianCalendar, SchoolYear, Term, parse_term
from gia_roadmap.plan import (
    Glossary,
    Measure,
    MeasureNumber,
    Order,
    ParentItemRef,
    PlanLevel,
    PlanSet,
    ResponsibleResolver,
    Roadmap,
    Section,
    check_plans,
)

YEAR = SchoolYear(2023)
MONTHS = (
    "сентябрь 2023 года", "октябрь 2023 года", "ноябрь 2023 года", "декабрь 2023 года", "январь 2024 года",
    "февраль 2024 года", "март 2024 года", "апрель 2024 года", "май 2024 года",
)  # fmt: skip
TOPICS = (
    "обучение организаторов ППЭ", "информирование участников ГИА", "мониторинг готовности ППЭ",
    "сбор сведений для РИС", "проведение тренировочных экзаменов", "работа горячей линии",
    "аккредитация общественных наблюдателей", "подготовка аудиторий", "анализ результатов",
    "совещание с руководителями",
)  # fmt: skip
_RESOLVER = ResponsibleResolver(Glossary())


@functools.cache
def _term(text: str) -> Term:
    return parse_term(text, school_year=YEAR)


@functools.cache
def _responsible(text: str) -> tuple[object, ...]:
    return tuple(_RESOLVER.resolve(text))


def _measure(number: str, title: str, term: str, responsible: str, parent_item: str = "") -> Measure:
    return Measure(
        number=MeasureNumber.parse(number),
        title=title,
        term=_term(term),
        responsible=_responsible(responsible),  # type: ignore[arg-type]
        responsible_raw=responsible,
        parent_item=ParentItemRef.parse(parent_item) if parent_item else None,
    )


def _city(index: int) -> str:
    """A city's name in the genitive, its first four letters unique («Бараска», «Беренска» …)."""
    consonants, vowels = "БВГДЗКЛМНПРСТФХ", "аеиоу"
    first = consonants[index % len(consonants)] + vowels[(index // len(consonants)) % len(vowels)]
    second = "рлнмвкдтсп"[index // (len(consonants) * len(vowels))] + "а"
    return f"{first}{second}ска"


def region(rng: random.Random) -> Roadmap:
    order = Order(issuer="Министерство образования Энской области", number="1485", date=dt.date(2023, 9, 1))
    measures = []
    for i in range(150):
        who = ("ОМСУ", "ОО", "Министерство")[i % 3]
        title = f"{TOPICS[i % len(TOPICS)].capitalize()} (этап {i + 1})"
        measures.append(_measure(f"{i // 10 + 1}.{i % 10 + 1}", title, rng.choice(MONTHS[2:]), who))
    return Roadmap(
        "region", level=PlanLevel.REGIONAL, issuer=order.issuer, orders=(order,), school_year=YEAR,
        sections=(Section(measures=tuple(measures)),),
    )  # fmt: skip


def municipal(index: int, parent: Roadmap, rng: random.Random) -> Roadmap:
    city = _city(index)
    items = [item.measure for item in parent.walk()]
    measures = []
    for i in range(80):
        item = items[(i * 2 + index) % len(items)]
        late = rng.random() < 0.05
        position = MONTHS.index(item.term.raw) if item.term.raw in MONTHS else 4
        term = MONTHS[min(position + 1, 8)] if late else MONTHS[max(position - 1, 0)]
        cited = item.number.canonical if rng.random() < 0.9 else ""
        measures.append(_measure(str(i + 1), f"{item.title} в городе {city}", term, "УО", cited))
    issuer = f"Управление образования администрации города {city}"
    basis = Order(
        number="1485", date=dt.date(2023, 9, 1), raw="На основании приказа Министерства от 01.09.2023 № 1485"
    )
    return Roadmap(
        f"city-{index:02d}", level=PlanLevel.MUNICIPAL, issuer=issuer, territory=f"города {city}",
        orders=(Order(issuer=issuer, number=f"{index}-од", date=dt.date(2023, 9, 20)),), legal_basis=(basis,),
        school_year=YEAR, sections=(Section(measures=tuple(measures)),),
    )  # fmt: skip


def school(index: int, city: int, rng: random.Random) -> Roadmap:
    name = _city(city)
    measures = []
    for i in range(40):
        number = rng.randint(1, 80)
        title = f"{TOPICS[i % len(TOPICS)].capitalize()} в школе (п. {number} плана управления образования)"
        measures.append(_measure(str(i + 1), title, rng.choice(MONTHS), "руководитель ОО"))
    issuer = f"МБОУ «СОШ № {index % 40 + 1}» города {name}"
    return Roadmap(
        f"school-{index:04d}", level=PlanLevel.SCHOOL, issuer=issuer,
        title=f"План подготовки к ГИА {issuer} на 2023/2024 учебный год", school_year=YEAR,
        orders=(Order(issuer=issuer, number=f"{index}-од", date=dt.date(2023, 9, 25)),),
        sections=(Section(measures=tuple(measures)),),
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=60)
    parser.add_argument("--schools", type=int, default=1500)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 0])
    args = parser.parse_args()
    rng = random.Random(17)
    top = region(rng)
    cities = [municipal(i, top, rng) for i in range(args.municipalities)]
    schools = [school(i, i % args.municipalities, rng) for i in range(args.schools)]
    plans = [top, *cities, *schools]
    measures = sum(sum(1 for _ in plan.walk()) for plan in plans)
    print(f"{len(plans)} plans ({args.municipalities} municipal, {args.schools} school), {measures} measures")
    start = time.perf_counter()
    plan_set = PlanSet.build(plans)
    print(f"PlanSet.build (parents inferred): {time.perf_counter() - start:.2f} s, "
          f"{len(plan_set.parents)} parents, {len(plan_set.notices)} undecided")  # fmt: skip
    calendar = RussianCalendar()
    first: object = None
    base = 0.0
    for jobs in args.jobs:
        n = jobs or os.cpu_count() or 1
        start = time.perf_counter()
        report = check_plans(plan_set, calendar=calendar, jobs=n)
        wall = time.perf_counter() - start
        base = base or wall
        if first is None:
            first = report
        same = "same report" if report == first else "DIFFERENT REPORT"
        counts = dict(report.by_code())
        print(f"jobs={n}: {wall:.1f} s ({base / wall:.2f}x of one job), {sum(counts.values())} findings, "
              f"GR603 {counts.get('GR603', 0)}, GR606 {counts.get('GR606', 0)}; {same}")  # fmt: skip


if __name__ == "__main__":
    main()
