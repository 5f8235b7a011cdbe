"""For every code of the catalogue: one small plan that triggers it and a clean twin that does not.

A finding must come back among the report's findings with its default severity; a reading notice
among its notices. The registry, the message catalogue and these cases hold the same codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from gia_roadmap.calendar import SchoolYear
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.plan import (
    Glossary,
    GlossaryEntry,
    Order,
    ParentItemRef,
    PlanLevel,
    Roadmap,
    SectionKind,
    Status,
    StatusKind,
)
from gia_roadmap.plan.checks import CATALOGUE, CheckOptions, FindingKind, check
from gia_roadmap.plan.findings import Finding, Report, Suppression
from gia_roadmap.plan.messages import codes as message_codes

from .plans import calendar, events, m, plan, section

Run = Callable[[], Report]


def run(roadmap: object, **kwargs: object) -> Report:
    kwargs.setdefault("calendar", calendar())
    return check(roadmap, **kwargs)  # type: ignore[arg-type]


TRAINING = SectionKind.STAFF_TRAINING
ALL_CATEGORIES = (
    "муниципальных координаторов ГИА, ответственных за ведение РИС, председателей предметных комиссий, "
    "экспертов предметных комиссий, членов апелляционной комиссии, руководителей ППЭ, организаторов в ППЭ, "
    "технических специалистов ППЭ, членов ГЭК, общественных наблюдателей, операторов сканирования, "
    "специалистов РЦОИ"
)


MUNICIPAL = PlanLevel.MUNICIPAL


def _parent(responsible: str = "ОО", *, term: str = "ноябрь 2023 года", title: str = "Семинары") -> Roadmap:
    return plan(
        m("1.10", "Анализ результатов", responsible=responsible),
        m("2.16", title, term, responsible=responsible),
        plan_id="region",
    )


def _approved() -> Roadmap:
    order = Order(issuer="Министерство образования", number="1485", date=dt.date(2023, 9, 1))
    return attrs.evolve(_parent(), orders=(order,))


def _basis(number: str) -> Order:
    raw = f"На основании приказа Министерства от 01.09.2023 № {number} «Об утверждении плана мероприятий»"
    return Order(number=number, date=dt.date(2023, 9, 1), raw=raw)


def _child(
    *refs: str,
    level: PlanLevel = PlanLevel.REGIONAL,
    term: str = "ноябрь 2023 года",
    title: str = "Мероприятие",
) -> Roadmap:
    """A plan whose measures cite ``refs`` in the parent-number column; the last one has ``term`` and
    ``title``."""
    last = len(refs) - 1
    return plan(
        *(
            m(
                f"1.{i + 1}",
                title if i == last else "Мероприятие",
                term if i == last else "ноябрь 2023 года",
                parent_item=ParentItemRef.parse(r),
            )
            for i, r in enumerate(refs)
        ),
        plan_id="city",
        level=level,
    )


CASES: dict[str, tuple[Run, Run]] = {
    "GR101": (
        lambda: run(plan(m("1", after=["2"]), m("2", after=["1"]))),
        lambda: run(plan(m("1"), m("2", after=["1"]))),
    ),
    "GR102": (
        lambda: run(plan(m("1", term="май 2024 года"), m("2", term="март 2024 года", after=["1"]))),
        lambda: run(plan(m("1", term="март 2024 года"), m("2", term="май 2024 года", after=["1"]))),
    ),
    "GR103": (
        lambda: run(plan(m("1", term="31.05.2024"), m("2", term="до 03.06.2024", after=["1"], lag=5))),
        lambda: run(plan(m("1", term="31.05.2024"), m("2", term="до 10.06.2024", after=["1"], lag=5))),
    ),
    "GR104": (
        lambda: run(plan(m("1"), m("2", after=["7"]))),
        lambda: run(plan(m("1"), m("2", after=["1"]))),
    ),
    "GR105": (
        lambda: run(
            plan(
                m("1", "Анализ результатов региональных диагностических работ"),
                m("2", "Корректировка программ по итогам региональных диагностических работ"),
            )
        ),
        lambda: run(
            plan(
                m("1", "Анализ результатов региональных диагностических работ"),
                m("2", "Корректировка программ по итогам региональных диагностических работ", after=["1"]),
            )
        ),
    ),
    "GR106": (
        lambda: run(
            plan(
                m(
                    "1",
                    "Обучение организаторов ППЭ и технических специалистов",
                    term="апрель – май 2024 года",
                ),
                m("2", "Подготовка отчета по итогам обучения организаторов ППЭ", term="апрель 2024 года"),
            )
        ),
        lambda: run(
            plan(
                m(
                    "1",
                    "Обучение организаторов ППЭ и технических специалистов",
                    term="апрель – май 2024 года",
                ),
                m("2", "Подготовка отчета по итогам обучения организаторов ППЭ", term="июнь 2024 года"),
            )
        ),
    ),
    "GR201": (lambda: run(plan(m("1", term="абракадабра 77"))), lambda: run(plan(m("1")))),
    "GR202": (lambda: run(plan(m("1", term=""))), lambda: run(plan(m("1")))),
    "GR203": (
        lambda: run(
            plan(
                m("1", term="октябрь 2024 года"), period=DateWindow(dt.date(2023, 9, 1), dt.date(2024, 8, 31))
            )
        ),
        lambda: run(
            plan(
                m("1", term="август 2024 года"), period=DateWindow(dt.date(2023, 9, 1), dt.date(2024, 8, 31))
            )
        ),
    ),
    "GR204": (
        lambda: run(plan(m("1", term="май 2024 года – март 2024 года"))),
        lambda: run(plan(m("1", term="март 2024 года – май 2024 года"))),
    ),
    "GR205": (
        lambda: run(plan(m("1", term="март 2024 года, февраль 2024 года"))),
        lambda: run(plan(m("1", term="февраль 2024 года, март 2024 года"))),
    ),
    "GR206": (
        lambda: run(plan(m("1", term="до 16.03.2024"))),
        lambda: run(plan(m("1", term="до 15.03.2024"))),
    ),
    "GR207": (
        lambda: run(plan(m("1", term="сентябрь 2023 года"), adopted=dt.date(2023, 10, 25))),
        lambda: run(plan(m("1", term="ноябрь 2023 года"), adopted=dt.date(2023, 10, 25))),
    ),
    "GR208": (
        lambda: run(plan(m("1", term="январь 2023 года"))),
        lambda: run(plan(m("1", term="январь 2024 года"))),
    ),
    "GR209": (
        lambda: run(
            plan(m("1", term="в течение 2 календарных дней со дня подачи апелляции")), events=events()
        ),
        lambda: run(plan(m("1", term="до начала работы АК")), events=events()),
    ),
    "GR210": (lambda: run(plan(m("1", term="по графику ФЦТ"))), lambda: run(plan(m("1")))),
    "GR211": (
        lambda: run(plan(m("1", term="не позднее чем за 1 рабочий день до дня проведения экзамена"))),
        lambda: run(
            plan(m("1", term="не позднее чем за 1 рабочий день до дня проведения экзамена")), events=events()
        ),
    ),
    "GR212": (
        # Калмыкия 2023/2024: no act for 2023 is bundled, so the regional days of 2023 are estimates
        lambda: run(attrs.evolve(plan(m("1")), issuer="Министерство образования Республики Калмыкия")),
        # Татарстан 2023/2024: official regional data for both years
        lambda: run(attrs.evolve(plan(m("1")), issuer="Министерство образования Республики Татарстан")),
    ),
    "GR213": (
        lambda: run(plan(m("1", term="ноябрь 2030 года"), adopted=None, school_year=SchoolYear(2030))),
        lambda: run(plan(m("1", term="ноябрь 2024 года"), adopted=None, school_year=SchoolYear(2024))),
    ),
    "GR214": (
        lambda: run(plan(m("1", term="до 22.04.2024 (пт)"))),
        lambda: run(plan(m("1", term="до 26.04.2024 (пт)"))),
    ),
    "GR215": (
        lambda: run(plan(m("1", "Проведение итогового сочинения", term="в течение учебного года"))),
        lambda: run(
            plan(
                m("1", "Проведение итогового сочинения", term="06.12.2023, 07.02.2024, 10.04.2024"),
                m("2", "Проведение пробного итогового сочинения", term="в течение учебного года"),
            )
        ),
    ),
    "GR216": (
        lambda: run(plan(m("1", "Консультации по технологии проведения ЕГЭ-2023", term="март 2024 года"))),
        lambda: run(
            plan(
                m("1", "Консультации по технологии проведения ЕГЭ-2024", term="март 2024 года"),
                m("2", "Анализ результатов ЕГЭ-2023", term="сентябрь 2023 года"),
            )
        ),
    ),
    "GR301": (lambda: run(plan(m("1", responsible=""))), lambda: run(plan(m("1")))),
    "GR302": (lambda: run(plan(m("1", responsible="Хрюндель"))), lambda: run(plan(m("1")))),
    "GR303": (
        lambda: run(plan(m("1", responsible="Рособнадзор"))),
        lambda: run(plan(m("1", responsible="Рособрнадзор"))),
    ),
    "GR401": (
        lambda: run(plan(m("1", "Совещание с КЦМКО"))),
        lambda: run(
            plan(
                m("1", "Совещание с КЦМКО"),
                glossary=Glossary(
                    (GlossaryEntry("КЦМКО", "Кузбасский центр мониторинга качества образования"),)
                ),
            )
        ),
    ),
    "GR402": (
        lambda: run(
            plan(
                m("1"),
                glossary=Glossary(
                    (
                        GlossaryEntry("ПРА", "пункт рассмотрения апелляций"),
                        GlossaryEntry("ПРА", "пункт регистрации абитуриентов"),
                    )
                ),
            )
        ),
        lambda: run(plan(m("1"), glossary=Glossary((GlossaryEntry("ПРА", "пункт рассмотрения апелляций"),)))),
    ),
    "GR403": (
        lambda: run(
            plan(
                m("1", responsible="Владимирова Е.В."),
                m("2", responsible="Владимирова Е.В."),
                m("3", responsible="Владиминова Е.В."),
            )
        ),
        lambda: run(
            plan(
                m("1", responsible="Владимирова Е.В."),
                m("2", responsible="Владимиров Е.В."),  # another person: not a typo
                m("3", responsible="Владимирова А.В."),  # other initials
            )
        ),
    ),
    "GR501": (lambda: run(plan(m("1"), m("2"), m("2"))), lambda: run(plan(m("1"), m("2"), m("3")))),
    "GR502": (lambda: run(plan(m("1"), m("2"), m("4"))), lambda: run(plan(m("1"), m("2"), m("3")))),
    "GR503": (lambda: run(plan(m("1"), m("2.2.1"))), lambda: run(plan(m("1"), m("1.1")))),
    "GR504": (
        lambda: run(plan(sections=(section("1. Анализ", m("1.1")), section("2. Правовое обеспечение")))),
        lambda: run(
            plan(sections=(section("1. Анализ", m("1.1")), section("2. Правовое обеспечение", m("2.1"))))
        ),
    ),
    "GR505": (
        lambda: run(plan(m("1"), m("", "Совещание с руководителями ППЭ"), m("2"))),
        lambda: run(plan(m("1"), m("2", "Совещание с руководителями ППЭ"), m("3"))),
    ),
    "GR506": (
        lambda: run(
            plan(
                m("1", "Совещание с руководителями ППЭ по итогам"),
                m("2", "Совещание с руководителями ППЭ по итогам"),
            )
        ),
        lambda: run(
            plan(
                m("1", "Совещание с руководителями ППЭ по итогам"),
                m("2", "Совещание с руководителями ППЭ по итогам", term="март 2024 года"),
            )
        ),
    ),
    "GR507": (
        lambda: run(plan(m("1", term="январь – апрель 2024 года"), m("1.1", term="декабрь 2023 года"))),
        lambda: run(plan(m("1", term="январь – апрель 2024 года"), m("1.1", term="февраль 2024 года"))),
    ),
    "GR601": (
        lambda: run(plan(m("1", "Обучение руководителей ППЭ"), kind=TRAINING)),
        lambda: run(plan(m("1", f"Обучение: {ALL_CATEGORIES}"), kind=TRAINING)),
    ),
    "GR602": (
        lambda: run(
            plan(m("1", "Обучение организаторов ППЭ", term="июнь 2024 года", exam_scope=(ExamScope.GIA_11,))),
            events=events(),
        ),
        lambda: run(
            plan(
                m("1", "Обучение организаторов ППЭ", term="апрель 2024 года", exam_scope=(ExamScope.GIA_11,))
            ),
            events=events(),
        ),
    ),
    "GR603": (
        lambda: run(_child("1.10", level=MUNICIPAL), parent=_parent("ОМСУ")),
        lambda: run(_child("1.10", "2.16", level=MUNICIPAL), parent=_parent("ОМСУ")),
    ),
    "GR604": (
        lambda: run(_child("1.10", "2.16", "9.9"), parent=_parent()),
        lambda: run(_child("1.10", "2.16"), parent=_parent()),
    ),
    "GR605": (lambda: run(_child("1.10", "")), lambda: run(_child("1.10", "2.16"))),
    "GR606": (
        lambda: run(_child("1.10", "2.16", term="март 2024 года"), parent=_parent(term="февраль 2024 года")),
        lambda: run(
            _child("1.10", "2.16", term="февраль 2024 года"), parent=_parent(term="февраль 2024 года")
        ),
    ),
    "GR607": (
        lambda: run(
            _child("1.10", "2.16", title="Обучение экспертов ОГЭ"), parent=_parent(title="Обучение ЕГЭ")
        ),
        lambda: run(
            _child("1.10", "2.16", title="Обучение экспертов ЕГЭ"), parent=_parent(title="Обучение ЕГЭ")
        ),
    ),
    "GR608": (
        lambda: run(attrs.evolve(_child("1.10"), legal_basis=(_basis("1486"),)), parent=_approved()),
        lambda: run(attrs.evolve(_child("1.10"), legal_basis=(_basis("1485"),)), parent=_approved()),
    ),
    "GR701": (
        lambda: run(plan(m("1", term="ноябрь 2023 года")), today=dt.date(2024, 1, 10)),
        lambda: run(
            plan(m("1", term="ноябрь 2023 года", status=Status(StatusKind.DONE, dt.date(2023, 11, 20)))),
            today=dt.date(2024, 1, 10),
        ),
    ),
    "GR702": (
        lambda: run(plan(*(m(str(i + 1)) for i in range(4))), options=CheckOptions(load_threshold=3)),
        lambda: run(plan(*(m(str(i + 1)) for i in range(3))), options=CheckOptions(load_threshold=3)),
    ),
    "GR801": (
        lambda: run(
            plan(m("1")), options=CheckOptions(suppressions=[Suppression("GR502", "3", "renumbered")])
        ),
        lambda: run(
            plan(m("1"), m("2"), m("4")),
            options=CheckOptions(suppressions=[Suppression("GR502", "4", "renumbered")]),
        ),
    ),
}


def test_every_code_has_cases_and_texts() -> None:
    assert set(CASES) == set(CATALOGUE) == set(message_codes())


def _entries(report: Report, code: str) -> tuple[Finding, ...]:
    notice = CATALOGUE[code].kind is FindingKind.NOTICE
    return tuple(f for f in (report.notices if notice else report.findings) if f.code == code)


@pytest.mark.parametrize("code", sorted(CASES))
def test_triggers(code: str) -> None:
    report = CASES[code][0]()
    entries = _entries(report, code)
    assert entries, report.to_text()
    finding = entries[0]
    assert finding.severity is CATALOGUE[code].severity
    assert finding.location.plan
    assert finding.text("ru")
    assert finding.text("en")
    assert finding.hint("ru")
    assert finding.title("en")


@pytest.mark.parametrize("code", sorted(CASES))
def test_does_not_trigger(code: str) -> None:
    report = CASES[code][1]()
    assert not _entries(report, code), report.to_text()


def test_notices_are_never_findings() -> None:
    for code, info in CATALOGUE.items():
        report = CASES[code][0]()
        if info.kind is FindingKind.NOTICE:
            assert code not in report.codes
        else:
            assert code not in report.notice_codes
