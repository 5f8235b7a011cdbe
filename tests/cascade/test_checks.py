"""The cascade checks: each code fires on its defect and stays silent on a clean twin."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from tests.cascade.plans import child, m, municipal, region, school
from tests.checks.plans import calendar

from gia_roadmap.errors import InvalidValueError, Language, Severity
from gia_roadmap.plan import Measure, Order, ParentItemRef, PlanSet, Roadmap, check, check_plans
from gia_roadmap.plan.checks import CheckOptions
from gia_roadmap.plan.findings import Finding

REGION = region(
    m("1.1", "Анализ результатов ГИА-2023", "август 2023 года", "Министерство"),
    m("1.2", "Обучение организаторов ППЭ ЕГЭ", "до 1 марта 2024 года", "ОМСУ"),
    m("1.3", "Сбор сведений об участниках ОГЭ", "ноябрь 2023 года", "МОУО"),
    m("1.4", "Мониторинг готовности общеобразовательных организаций", "в течение учебного года", "ОМСУ"),
)


def cascade(*children: Roadmap, parent: Roadmap = REGION, lang: Language = "ru") -> list[Finding]:
    plans = PlanSet.build([parent, *children])
    return list(check_plans(plans, calendar=calendar(), cascade_only=True, lang=lang).cascade)


def codes(findings: list[Finding], code: str) -> list[tuple[str, str]]:
    return [(f.location.plan, f.location.measure) for f in findings if f.code == code]


FAITHFUL = (
    child("1", "1.2", "Организация обучения организаторов ППЭ ЕГЭ", "февраль 2024 года"),
    child("2", "1.3", "Сбор сведений об участниках ОГЭ города", "ноябрь 2023 года"),
    child("3", "1.4", "Участие в мониторинге готовности ОО", "в течение учебного года"),
)


def test_a_faithful_plan_has_no_cascade_finding() -> None:
    assert cascade(municipal(*FAITHFUL)) == []


# --------------------------------------------------------------------------------------------
# GR603: an obliging item with no counterpart
# --------------------------------------------------------------------------------------------


def test_gr603_an_obliged_item_without_counterpart() -> None:
    findings = cascade(municipal(*FAITHFUL[:2]))
    (finding,) = [f for f in findings if f.code == "GR603"]
    assert finding.severity is Severity.WARNING
    assert finding.location.plan == "ensk"
    assert [(r.plan, r.measure) for r in finding.related] == [("region", "1.4")]
    assert finding.message == (
        "П. 1.4 «Мониторинг готовности общеобразовательных организаций» плана «region» поручен «ОМСУ», "
        "но ни одно мероприятие плана «ensk» не ссылается на этот пункт и не совпадает с ним по формулировке"
    )


def test_gr603_clean_twins() -> None:
    # a sub-item cited covers its group, a group cited covers its sub-items
    grouped = region(
        m("2", "Организационные мероприятия", "в течение учебного года", "ОМСУ"),
        m("2.1", "Назначение муниципальных координаторов", "сентябрь 2023 года", "ОМСУ"),
    )
    assert codes(cascade(municipal(child("1", "2.1")), parent=grouped), "GR603") == []
    assert codes(cascade(municipal(child("1", "2")), parent=grouped), "GR603") == []
    # a measure worded like the item, with no number: a possible counterpart, no claim of a gap
    worded = municipal(*FAITHFUL[:2], m("3", "Мониторинг готовности общеобразовательных организаций города",
                                        responsible="УО"))  # fmt: skip
    assert codes(cascade(worded), "GR603") == []
    # an item of the region's own bodies obliges no municipality (1.1 is the ministry's)
    assert all("1.1" not in f.message for f in cascade(municipal(*FAITHFUL[:2])) if f.code == "GR603")


def _own(plan: Roadmap, parent: Roadmap = REGION) -> list[tuple[str, str]]:
    """GR603 and GR605 of a plan checked with its parent, (code, measure) in order."""
    report = check(plan, parent=parent, calendar=calendar())
    return sorted((f.code, f.location.measure) for f in report.findings if f.code in ("GR603", "GR605"))


def test_gr603_and_gr605_give_one_finding_for_one_gap() -> None:
    # 3 implements 1.4 without its number: GR605 on 3, with 1.4 related; no GR603 about 1.4
    worded = municipal(*FAITHFUL[:2], m("3", "Мониторинг готовности общеобразовательных организаций города",
                                        responsible="УО"))  # fmt: skip
    assert _own(worded) == [("GR605", "3")]
    report = check(worded, parent=REGION, calendar=calendar())
    (gap,) = report.filter(code="GR605")
    assert [(r.plan, r.measure) for r in gap.related] == [("region", "1.4")]
    # nothing in the plan is like 1.4: GR603 about 1.4; the plan's own measure is not reported
    lonely = municipal(*FAITHFUL[:2], m("3", "Классный час «Профессии будущего»", responsible="УО"))
    assert _own(lonely) == [("GR603", "")]


def test_gr603_and_gr605_clean_twins() -> None:
    # every item cited, in the column or in the text: neither code
    assert _own(municipal(*FAITHFUL)) == []
    in_text = m("3", "Мониторинг готовности общеобразовательных организаций (п. 1.4 регионального плана)",
                responsible="УО")  # fmt: skip
    assert _own(municipal(*FAITHFUL[:2], in_text)) == []
    # without the parent, GR605 keeps its plain reading: a measure citing nothing while others do
    worded = municipal(*FAITHFUL[:2], m("3", "Классный час", responsible="УО"))
    assert [f.location.measure for f in check(worded, calendar=calendar()).filter(code="GR605")] == ["3"]


def test_gr603_only_the_level_named() -> None:
    schools = region(m("1.1", "Информирование выпускников о порядке ГИА", "декабрь 2023 года", "ОО"))
    lonely = school(m("1", "Классный час", responsible="классные руководители"))
    assert codes(cascade(lonely, parent=schools), "GR603") == [("school-5", "")]
    assert codes(cascade(municipal(child("1", "")), parent=schools), "GR603") == []


CITY = municipal(
    m("1", "Информирование выпускников о сроках ГИА", "декабрь 2023 года", "УО"),
    m("2", "Проведение классных часов о порядке ГИА", "декабрь 2023 года", "УО, ОО"),
    m("3", "Обеспечение ППЭ средствами видеонаблюдения", "март 2024 года", "УО, руководители ППЭ"),
    m("4", "Организация работы горячей линии", "сентябрь 2023 года", "ИМЦ"),
    m("5", "Проведение пробного экзамена на базе школы", "декабрь 2023 года", "МБОУ «СОШ № 3» города Энска"),
)


def _school(*measures: Measure, number: str = "5") -> Roadmap:
    own = m("90", "Педагогический совет", responsible="директор")
    return school(own, *measures, plan_id=f"school-{number}", number=number)


@pytest.mark.parametrize(
    ("number", "reported"),
    [
        ("5", ["2"]),  # the schools' item; not the municipality's own (1, 4), the ППЭ's (3), school 3's (5)
        ("3", ["2", "5"]),  # the item that names school 3 obliges school 3
    ],
)
def test_gr603_a_school_answers_for_the_schools_items_only(number: str, reported: list[str]) -> None:
    findings = cascade(_school(number=number), parent=CITY)
    assert [f.related[0].measure for f in findings if f.code == "GR603"] == reported
    # the clean twin implements them, citing the municipal numbers
    counterparts = (m(n, "Мероприятие школы", parent_item=ParentItemRef.parse(n)) for n in reported)
    twin = _school(*counterparts, number=number)
    assert codes(cascade(twin, parent=CITY), "GR603") == []


def test_gr603_a_municipality_answers_for_the_municipalities_items_only() -> None:
    regional = region(
        m("1.1", "Аккредитация общественных наблюдателей", "март 2024 года", "Министерство, РЦОИ"),
        m("1.2", "Обучение организаторов ППЭ", "март 2024 года", "Министерство, ОМСУ"),
        m("1.3", "Проведение классных часов", "март 2024 года", "ОО"),
        m("1.4", "Выдача пропусков членам ГЭК", "март 2024 года", "ГЭК"),
        m("1.5", "Подготовка аудиторий ППЭ", "март 2024 года", "руководители ППЭ"),
    )
    lonely = municipal(m("1", "Совещание с руководителями ОО", responsible="УО"))
    findings = cascade(lonely, parent=regional)
    assert [f.related[0].measure for f in findings if f.code == "GR603"] == ["1.2"]
    assert "поручен «Министерство, ОМСУ»" not in findings[0].message  # the party that obliges, as written
    assert "поручен «ОМСУ»" in findings[0].message
    assert codes(cascade(municipal(child("1", "1.2")), parent=regional), "GR603") == []


def test_gr603_items_no_plan_implements() -> None:
    plans = PlanSet.build(
        [REGION, municipal(*FAITHFUL[:2]), municipal(*FAITHFUL, plan_id="other", city="Другограда")]
    )
    report = check_plans(plans, calendar=calendar(), cascade_only=True)
    assert report.unimplemented == ()
    plans = PlanSet.build(
        [REGION, municipal(*FAITHFUL[:2]), municipal(*FAITHFUL[:2], plan_id="other", city="Другограда")]
    )
    (item,) = check_plans(plans, calendar=calendar(), cascade_only=True).unimplemented
    assert (item.plan, item.number, item.plans) == ("region", "1.4", ("ensk", "other"))


# --------------------------------------------------------------------------------------------
# GR606: a deadline later than the parent's
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "late"),
    [
        ("до 15 марта 2024 года", True),
        ("март 2024 года", True),
        ("январь – апрель 2024 года", True),
        ("до 1 марта 2024 года", False),
        ("февраль 2024 года", False),
        ("до 29.02.2024", False),
        ("в течение учебного года", False),  # continuous: not compared
        ("по отдельному графику", False),  # external: not compared
    ],
)
def test_gr606_later_than_the_parent(term: str, late: bool) -> None:
    findings = cascade(municipal(child("1", "1.2", "Обучение организаторов ППЭ ЕГЭ", term), *FAITHFUL[1:]))
    assert codes(findings, "GR606") == ([("ensk", "1")] if late else [])
    if late:
        (finding,) = [f for f in findings if f.code == "GR606"]
        assert finding.location.field == "term"
        assert finding.related[0].measure == "1.2"
        assert "(до 01.03.2024)" in finding.message


def test_gr606_by_a_reference_in_the_text() -> None:
    text = m("1", "Обучение организаторов ППЭ ЕГЭ (п. 1.2 регионального плана)", "апрель 2024 года", "УО")
    assert codes(cascade(municipal(text, *FAITHFUL[1:])), "GR606") == [("ensk", "1")]


# --------------------------------------------------------------------------------------------
# GR607: a counterpart about other exams
# --------------------------------------------------------------------------------------------


def test_gr607_other_exams() -> None:
    wrong = child("1", "1.2", "Обучение организаторов ППЭ ОГЭ", "февраль 2024 года")
    findings = cascade(municipal(wrong, *FAITHFUL[1:]))
    (finding,) = [f for f in findings if f.code == "GR607"]
    assert finding.message == (
        "Мероприятие относится к ОГЭ, а п. 1.2 плана «region», на который оно ссылается, — к ЕГЭ"
    )
    interview = child("1", "1.2", "Обучение экспертов итогового собеседования", "февраль 2024 года")
    assert codes(cascade(municipal(interview, *FAITHFUL[1:])), "GR607") == [("ensk", "1")]


@pytest.mark.parametrize(
    "title",
    [
        "Обучение организаторов ППЭ ЕГЭ",
        "Обучение организаторов ППЭ ГИА-11",
        "Обучение организаторов ППЭ ГИА",  # ГИА covers ЕГЭ
        "Обучение организаторов ППЭ",  # no exam named
        "Обучение организаторов итогового сочинения",  # the admission test of the 11th grade
        "Обучение организаторов ППЭ ГВЭ-11",  # the same grade
    ],
)
def test_gr607_clean_twins(title: str) -> None:
    findings = cascade(municipal(child("1", "1.2", title, "февраль 2024 года"), *FAITHFUL[1:]))
    assert codes(findings, "GR607") == []


# --------------------------------------------------------------------------------------------
# GR604: an item that does not exist
# --------------------------------------------------------------------------------------------


def test_gr604_in_the_column_and_in_the_text() -> None:
    column = child("4", "1.9")
    text = m("5", "Обучение экспертов (согласно п. 7.4 регионального плана)", responsible="УО")
    findings = cascade(municipal(*FAITHFUL, column, text))
    assert codes(findings, "GR604") == [("ensk", "4"), ("ensk", "5")]
    assert [f.location.field for f in findings if f.code == "GR604"] == ["parent_item", "title"]
    assert codes(cascade(municipal(*FAITHFUL)), "GR604") == []


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


def test_codes_can_be_ignored_and_suppressed() -> None:
    plans = PlanSet.build([REGION, municipal(*FAITHFUL[:2])])
    quiet = check_plans(plans, calendar=calendar(), cascade_only=True, options=CheckOptions(ignore={"GR603"}))
    assert list(quiet.cascade) == []


def test_english_messages() -> None:
    (finding,) = [f for f in cascade(municipal(*FAITHFUL[:2]), lang="en") if f.code == "GR603"]
    assert finding.message.startswith("Item 1.4 «Мониторинг")


def test_a_single_plan_with_its_parent() -> None:
    # check(plan, parent=…) runs the same checks as a set
    report = check(municipal(*FAITHFUL[:2]), calendar=calendar(), parent=REGION)
    assert [f.code for f in report if f.code == "GR603"] == ["GR603"]
    assert check(municipal(*FAITHFUL), calendar=calendar(), parent=REGION).codes.isdisjoint(
        {"GR603", "GR604", "GR606", "GR607"}
    )


def test_notices_of_the_set() -> None:
    lonely = municipal(m("1", "Классный час", responsible="УО"))
    report = check_plans(PlanSet.build([REGION, lonely]), calendar=calendar(), cascade_only=True)
    assert [n.code for n in report.notices] == ["cascade-no-links"]
    assert "соответствие пунктов проверено только по формулировкам" in report.notices[0].message


def test_the_summary() -> None:
    plans = PlanSet.build([REGION, municipal(*FAITHFUL[:2]), school(m("1", "Классный час"))])
    report = check_plans(plans, calendar=calendar())
    rows = {row.plan: row for row in report.rows()}
    assert rows["ensk"].parent == "region"
    assert rows["school-5"].parent == "ensk"
    assert rows["ensk"].warnings >= 1
    text = report.to_text()
    assert "Планов: 3" in text
    assert "GR603" in text
    assert report.to_dict()["plans"][0]["plan"] == "region"


def test_the_same_report_whatever_the_number_of_jobs() -> None:
    plans = PlanSet.build(
        [
            REGION,
            municipal(*FAITHFUL[:2]),
            municipal(child("1", "1.2", "Обучение организаторов ППЭ ОГЭ", "май 2024 года"), plan_id="other",
                      city="Другограда"),
            school(m("1", "Классный час")),
        ]
    )  # fmt: skip
    seen: list[str] = []
    one = check_plans(plans, calendar=calendar(), progress=seen.append)
    two = check_plans(plans, calendar=calendar(), jobs=2)
    assert one == two
    assert seen == [plan.id for plan in plans]
    assert {f.code for f in one.cascade} >= {"GR603", "GR606", "GR607"}


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_jobs_must_be_a_positive_number(jobs: object) -> None:
    with pytest.raises(InvalidValueError, match="jobs must be a positive whole number"):
        check_plans(PlanSet.build([REGION]), calendar=None, jobs=jobs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# GR608: the parent's approving order cited another way
# --------------------------------------------------------------------------------------------

_APPROVES = "«Об утверждении плана мероприятий («дорожной карты») по подготовке к ГИА»"


def _basis(
    number: str, day: int = 1, words: str = _APPROVES, issuer: str = "Министерства образования"
) -> Order:
    raw = f"На основании приказа {issuer} Энской области от {day:02d}.09.2023 № {number} {words}"
    return Order(number=number, date=dt.date(2023, 9, day), raw=raw)


@pytest.mark.parametrize(
    ("basis", "differs"),
    [
        ((_basis("1458"),), "тот же день, другой номер"),
        ((_basis("1485", day=2),), "тот же номер, другая дата"),
        ((_basis("1485"),), None),  # as it is
        ((_basis("1485"), _basis("1486", words="«О проведении итогового сочинения»")), None),
        ((_basis("1485"), _basis("1486")), None),  # the parent's order is cited: 1486 is another one
        ((_basis("1458", words="«О проведении итогового сочинения»"),), None),  # approves no plan
        ((_basis("1458", issuer="Департамента культуры"),), None),  # another issuer
    ],
)
def test_gr608_one_order_two_ways(basis: tuple[Order, ...], differs: str | None) -> None:
    city = attrs.evolve(municipal(*FAITHFUL), legal_basis=basis)
    findings = [f for f in check(city, calendar=calendar(), parent=REGION) if f.code == "GR608"]
    if differs is None:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.message.endswith(differs)
        assert "план «region» утверждён приказом от 01.09.2023 № 1485" in finding.message


def test_the_cascade_codes_are_the_family_registered() -> None:
    from gia_roadmap.plan.checks.registry import registered
    from gia_roadmap.plan.checks.sets import CASCADE_CODES

    family = {r.code for r in registered() if r.function.__module__ == "gia_roadmap.plan.checks.cascade"}
    assert family == CASCADE_CODES
