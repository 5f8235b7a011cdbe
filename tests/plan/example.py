"""A small roadmap that uses every feature of the model (built in code)."""

from __future__ import annotations

import datetime as dt

from gia_roadmap.calendar import terms as t
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope, ExamStage
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.plan import (
    ActionLevel,
    Cluster,
    Dependency,
    DependencyKind,
    GroupingKind,
    LevelAction,
    Measure,
    MeasureNumber,
    MeasureRef,
    NameOrder,
    Order,
    ParentItemRef,
    PlanLevel,
    PlanRef,
    Provenance,
    ProvenanceKind,
    ResponsibleResolver,
    Roadmap,
    Section,
    SectionKind,
    SpecialistCategory,
    Status,
    StatusKind,
    Target,
    TargetKind,
    classify_body,
)
from tests.plan.seed_data import glossary_003


def example_roadmap() -> Roadmap:
    """Kogalym-like municipal plan: glossary, per-level actions, parent items, every status."""
    glossary = glossary_003()
    resolver = ResponsibleResolver(glossary, NameOrder.SURNAME_FIRST)
    may = t.Month(t.MonthRef.written(2022, 5), raw="май 2022 г.")
    measures = (
        Measure(
            number=MeasureNumber.parse("1.1"),
            ordinal=0,
            title="Проведение статистического анализа результатов ГИА-9, ГИА-11",
            term=t.MonthRange(
                t.MonthRef.written(2021, 8), t.MonthRef.written(2021, 9), raw="август-сентябрь 2021 г."
            ),
            responsible=resolver.resolve("Отдел по общему и дополнительному образованию (Власенко М.Г.)"),
            responsible_raw="Отдел по общему и дополнительному образованию (Власенко М.Г.)",
            exam_scope=(ExamScope.GIA_9, ExamScope.GIA_11),
            parent_item=ParentItemRef.parse(""),
            status=Status(StatusKind.DONE, dt.date(2021, 9, 20), "справка"),
            level_actions=(
                LevelAction(
                    ActionLevel.MUNICIPAL,
                    "подготовка аналитических материалов",
                    resolver.resolve("Отдел по общему и дополнительному образованию (Власенко М.Г.)"),
                ),
                LevelAction(ActionLevel.INSTITUTIONAL, "анализ на уровне ОО", resolver.resolve("ОО")),
            ),
        ),
        Measure(
            number=MeasureNumber.parse("1.2."),
            ordinal=1,
            title="Обучение членов ГЭК",
            term=t.Relative(
                1,
                t.Unit.WORKING_DAY,
                t.Bound.LATEST_BEFORE,
                Anchor.EXAM_DAY,
                raw="не позднее чем за 1 рабочий день до дня проведения экзамена",
            ),
            responsible=resolver.resolve(
                "Отдел по организационно-педагогической деятельности (Абдреева Н.П.), члены ГЭК"
            ),
            participants=(Target("члены ГЭК", TargetKind.CATEGORY, SpecialistCategory.GEK_MEMBER),),
            targets=(Target("Кластер 4 – ШНРО", TargetKind.CLUSTER, cluster="ШНРО"),),
            exam_scope=(ExamScope.GIA_11,),
            exam_periods=(ExamStage.MAIN,),
            reserve_days=True,
            parent_item=ParentItemRef.parse("6.16, 6.17"),
            dependencies=(
                Dependency(MeasureRef((0,), "1.1"), DependencyKind.FINISH_TO_START, 2, True, "по итогам"),
            ),
            provenance=(Provenance("responsible", ProvenanceKind.INHERITED, "1.1"),),
            expected_result="протоколы",
            evidence="Приказы, письма",
            notes=("перенесено",),
        ),
        Measure(number=MeasureNumber.parse("1.2."), ordinal=2, title="Дубль номера", term=may),
        Measure(number=MeasureNumber.parse(""), ordinal=3, title="Без номера и срока"),
        Measure(
            number=MeasureNumber.parse("1.4"),
            ordinal=4,
            title="Отменено",
            term=t.UnparsedTerm("по мере готовности кое-чего", 0, "no rule"),
            status=Status(StatusKind.CANCELLED, dt.date(2022, 1, 10)),
            topic=SectionKind.ORGANISATIONAL,
        ),
        Measure(
            number=MeasureNumber.parse("1.5"),
            ordinal=5,
            title="Семинар для организаторов ППЭ",
            term=t.Compound(
                t.Continuous(raw="постоянно"),
                t.SeparatePlan(raw="по плану ИРО"),
                raw="постоянно по плану ИРО",
            ),
            responsible=resolver.resolve("ИРО, РЦОИ"),
        ),
    )
    kind, level, _ = classify_body("управление образования Администрации города Когалыма") or (
        None,
        None,
        None,
    )
    assert kind is not None
    assert level is not None
    return Roadmap(
        id="kogalym-2021",
        title="План мероприятий («дорожной карты») по подготовке к проведению ГИА",
        issuer="УПРАВЛЕНИЕ ОБРАЗОВАНИЯ Администрации города Когалыма",
        issuer_body=resolver.resolve("УО")[0].body,
        level=PlanLevel.MUNICIPAL,
        territory="г. Когалым",
        school_year=SchoolYear(2021),
        period=DateWindow(dt.date(2021, 9, 1), dt.date(2022, 9, 30)),
        orders=(Order("УО", "11-Пр-859", dt.date(2021, 11, 17), "Об утверждении", raw="От « 17 » ноября 20 21 г."),),  # noqa: E501
        legal_basis=(Order("Департамент", "10-П-1485", dt.date(2021, 10, 29)), Order("", "", None, kind="письмо")),  # noqa: E501
        sections=(
            Section(
                "1. Анализ результатов участия, подготовки и проведения ГИА-9, ГИА-11, ЕГЭ",
                SectionKind.ANALYSIS,
                GroupingKind.TOPIC,
                0,
                MeasureNumber.parse("1."),
                measures,
                (Section("Проведение ГИА-11", SectionKind.OTHER, GroupingKind.EXAM_SUBBLOCK, 0,
                         measures=(Measure(number=MeasureNumber.parse("1.1"), title="Подблок"),)),),
            ),
            Section("5. Обучение лиц", SectionKind.STAFF_TRAINING, ordinal=1,
                    measures=(Measure(number=MeasureNumber.parse("5.1"), title="Курсы экспертов РПК",
                                      term=may, exam_scope=(ExamScope.OGE,)),)),
        ),
        glossary=glossary,
        name_order=NameOrder.SURNAME_FIRST,
        clusters=(Cluster(("ШНРО", "ШПРО"), "школы с низкими образовательными результатами", 4, ("МБОУ «СШ № 9»",)),),  # noqa: E501
        parent=PlanRef("региональная дорожная карта", "Департамент", Order("Департамент", "10-П-1485")),
        notes=("составлена на основе анализа 2020-2021",),
    )  # fmt: skip
