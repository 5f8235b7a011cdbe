"""Document metadata (issue 13 part 3): the school year from every usual title form (or inferred from
the dates, and said so), the approving order from an approval stamp, the level, glossaries anywhere,
and the overrides in ImportOptions and on the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import SchoolYear
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.cli import main
from gia_roadmap.io import ImportOptions, import_text
from gia_roadmap.io.metadata import exam_school_year, level_of
from gia_roadmap.plan import PlanLevel

TABLE = "№\tМероприятия\tСроки\tОтветственные\n1.\tСовещание с руководителями ОО\tсентябрь\tУО\n"

DASHES = st.sampled_from(["-", "–", "—", "/", " - ", " – ", " / "])


@given(
    year=st.integers(2015, 2035),
    dash=DASHES,
    tail=st.sampled_from(["учебный год", "уч. год", "учебном году", ""]),
)
def test_a_pair_of_years_is_the_school_year(year: int, dash: str, tail: str) -> None:
    for second in (str(year + 1), str(year + 1)[-2:]):
        title = f"План мероприятий на {year}{dash}{second} {tail}".strip()
        assert exam_school_year(title)[0] == SchoolYear(year), title


@given(
    year=st.integers(2015, 2035),
    form=st.sampled_from(
        [
            "в {y} году",
            "в {y} г.",
            "ГИА-{y}",
            "ЕГЭ-{y}",
            "ОГЭ–{y}",
            "ГИА {y}",
            "ГИА-9 в {y} году",
            "на {y} год",
        ]
    ),
)
def test_one_exam_year_is_the_school_year_ending_in_it(year: int, form: str) -> None:
    title = "Дорожная карта по подготовке к проведению " + form.format(y=year)
    assert exam_school_year(title)[0] == SchoolYear(year - 1), title


def test_grade_numbers_are_not_years() -> None:
    assert exam_school_year("План подготовки к ГИА-9 и ГИА-11")[0] is None
    assert exam_school_year("сроки 2025/2026")[0] == SchoolYear(2025)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("ПЛАН МЕРОПРИЯТИЙ («дорожная карта») по подготовке к проведению ГИА в 2026 году", 2025),
        ("Дорожная карта подготовки к ЕГЭ-2026", 2025),
        ("План на 2025/2026 учебный год", 2025),
        ("План работы школы по подготовке к ГИА, 2025-2026 уч. год", 2025),
        ("Сроки 2024/2025", 2024),
    ],
)
def test_the_title_block_gives_the_school_year(title: str, year: int) -> None:
    result = import_text(title + "\n" + TABLE)
    assert result.roadmap.school_year == SchoolYear(year)
    assert "school-year-inferred" not in [p.code for p in result.problems]


def test_without_a_title_form_the_year_is_inferred_from_the_dates_and_said_so() -> None:
    text = (
        "План мероприятий по подготовке к ГИА\n"
        "№\tМероприятия\tСроки\tОтветственные\n"
        "1.\tСовещание\tсентябрь 2025 года\tУО\n"
        "2.\tПробный экзамен\t20.03.2026\tОО\n"
        "3.\tИнструктаж\tмай 2026 г.\tУО\n"
        "4.\tСобрание\tоктябрь\tОО\n"
    )
    result = import_text(text)
    assert result.roadmap.school_year == SchoolYear(2025)
    (problem,) = [p for p in result.problems if p.code == "school-year-inferred"]
    assert "inferred from the 3 dated deadline(s)" in problem.message
    assert result.roadmap.measures[3].term.raw == "октябрь"


def test_no_year_anywhere_is_reported() -> None:
    result = import_text("План мероприятий\n" + TABLE)
    assert result.roadmap.school_year is None
    assert "no-school-year" in [p.code for p in result.problems]


@pytest.mark.parametrize(
    "stamp",
    [
        [
            "Приложение № 1 к приказу управления образования администрации города Энска "
            "от «12» сентября 2025 г. № 345-ОД"
        ],
        [
            "Приложение",
            "к приказу управления образования",
            "администрации города Энска",
            "от 12.09.2025 № 345-ОД",
        ],
        ["УТВЕРЖДЕН", "приказом управления образования администрации города Энска от 12.09.2025 № 345-ОД"],
    ],
)
def test_the_approving_order_is_read_from_the_stamp(stamp: list[str]) -> None:
    text = "\n".join([*stamp, "ПЛАН МЕРОПРИЯТИЙ по подготовке к ГИА-2026", TABLE])
    plan = import_text(text).roadmap
    (order,) = plan.orders
    assert order.number == "345-ОД"
    assert order.date is not None
    assert order.date.isoformat() == "2025-09-12"
    assert "управления образования" in order.issuer
    assert plan.level is PlanLevel.MUNICIPAL


@pytest.mark.parametrize(
    ("issuer", "title", "level"),
    [
        ("МБОУ «СОШ № 5» г. Энска", "", PlanLevel.SCHOOL),
        ("", "План подготовки к ГИА-9 в МБОУ «Гимназия № 2» на 2025/2026 учебный год", PlanLevel.SCHOOL),
        ("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА ЭНСКА", "", PlanLevel.MUNICIPAL),
        ("Комитет по образованию администрации Энского муниципального района", "", PlanLevel.MUNICIPAL),
        ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ ЭНСКОЙ ОБЛАСТИ", "", PlanLevel.REGIONAL),
        ("Департамент образования и науки Энского края", "", PlanLevel.REGIONAL),
        ("", "Дорожная карта подготовки к ГИА в Энской области в 2026 году", None),
    ],
)
def test_the_level_from_issuer_and_title(issuer: str, title: str, level: PlanLevel | None) -> None:
    assert level_of(issuer, title) is level


def test_a_school_plan_is_imported_at_the_school_level() -> None:
    text = "МБОУ «СОШ № 5»\nПЛАН подготовки к ГИА-9 на 2025/2026 учебный год\n" + TABLE
    assert import_text(text).roadmap.level is PlanLevel.SCHOOL


def test_glossaries_anywhere_in_any_case() -> None:
    text = (
        "ПЛАН мероприятий по подготовке к государственной итоговой аттестации (Далее – ГИА) "
        "на 2025/2026 год\n"
        "№\tМероприятия\tСроки\tОтветственные\n"
        "1.\tОбучение в пунктах проведения экзаменов (ДАЛЕЕ - ППЭ)\tмарт 2026\tУО\n"
    )
    glossary = import_text(text).roadmap.glossary
    assert "ГИА" in glossary
    assert "ППЭ" in glossary


def test_options_override_what_the_document_says() -> None:
    text = "ПЛАН на 2024/2025 учебный год\n" + TABLE
    options = ImportOptions(
        school_year=SchoolYear(2025), level=PlanLevel.SCHOOL, exam_scope=(ExamScope.GIA_9,)
    )
    plan = import_text(text, options).roadmap
    assert plan.school_year == SchoolYear(2025)
    assert plan.level is PlanLevel.SCHOOL
    measure = plan.measures[0]
    assert measure.exam_scope == (ExamScope.GIA_9,)
    assert any(p.field == "exam_scope" and "ImportOptions" in p.source for p in measure.provenance)


def test_the_cli_import_sets_the_metadata_and_prints_a_russian_summary(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(
        "№;Мероприятия;Сроки;Ответственные\n1.;Совещание;сентябрь;УО\n"
        "2.;Обучение;по мере поступления;Кто-то\n",
        encoding="utf-8",
    )
    target = tmp_path / "plan.yaml"
    out = io.StringIO()
    status = main(
        [
            "import",
            str(source),
            "-o",
            str(target),
            "--school-year",
            "2025/2026",
            "--level",
            "school",
            "--exam",
            "ГИА-9",
        ],
        stdout=out,
    )
    assert status == 0
    text = out.getvalue()
    assert "мероприятий: 2" in text
    assert "учебный год 2025/2026" in text
    assert "уровень: школьный" in text
    assert "Проблемы импорта:" in text
    plan = roadmap_io.load(target)
    assert plan.school_year == SchoolYear(2025)
    assert plan.level is PlanLevel.SCHOOL
    assert all(m.exam_scope == (ExamScope.GIA_9,) for m in plan.measures)


@pytest.mark.parametrize("value", ["2025/2027", "25/26", "осень"])
def test_a_bad_school_year_flag_is_bad_input(value: str, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("№;Мероприятия;Сроки\n1.;Совещание;май\n", encoding="utf-8")
    err = io.StringIO()
    status = main(["import", str(source), "-o", str(tmp_path / "p.yaml"), "--school-year", value], stderr=err)
    assert status == 2
    assert "--school-year" in err.getvalue()
