"""The public builder (#18 part 1): plain strings in, typed values out, every problem at its measure."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import ExamScope, Relative, RussianCalendar, SchoolYear, UnparsedTerm, parse_term
from gia_roadmap.calendar.grammar.phrases import deadline_texts
from gia_roadmap.errors import GiaRoadmapError, InvalidTypeError, InvalidValueError
from gia_roadmap.plan import (
    RoadmapBuilder,
    RoadmapBuildError,
    SpecialistCategory,
    StatusKind,
    TargetKind,
    check,
)
from gia_roadmap.testing import PlanBuilder

PARTIES = {"УО": "Управление образования", "ИМЦ": "Информационно-методический центр"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "planning.md"


def _builder(**options: Any) -> RoadmapBuilder:
    return RoadmapBuilder("demo", school_year="2025/26", parties=PARTIES, **options)


def test_scenario_of_the_docs_fits_in_about_fifteen_lines() -> None:
    block = re.search(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    lines = [
        line for line in block.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    assert len(lines) <= 16
    namespace: dict[str, Any] = {}
    exec(compile(block.group(1), "docs/planning.md", "exec"), namespace)
    plan = namespace["plan"]
    assert len(plan.measures) == 6
    by_number = {m.number.canonical: m for m in plan.measures}
    assert isinstance(by_number["1.4"].term, Relative)
    assert by_number["1.2"].targets[0].category is SpecialistCategory.PPE_ORGANISER
    assert [d.on.number for d in by_number["1.6"].dependencies] == ["1.5"]
    assert by_number["1.3"].exam_scope == (ExamScope.GIA_9,)
    assert set(by_number["1.1"].exam_scope) == {ExamScope.GIA_9, ExamScope.GIA_11}
    check(plan, calendar=RussianCalendar())  # the plan is a plan check() can read


def test_typed_values_from_strings() -> None:
    plan = (
        _builder(level="муниципальный", exams="ГИА-9")
        .section("1. Обучение лиц, привлекаемых к проведению ГИА")
        .measure("1.1", "Семинар", "ноябрь 2025", "ИМЦ, Иванов И.И., руководители ППЭ", trains="членов ГЭК")
        .measure(
            2, "Отчёт", "до 15.12.2025", "УО", done="2025-12-10", evidence="приказ № 5", reported_by="УО"
        )
        .build()
    )
    first, second = plan.measures
    assert plan.school_year == SchoolYear(2025)
    assert first.term == parse_term("ноябрь 2025", school_year=2025)
    assert [type(r.party).__name__ for r in first.responsible] == ["Body", "Person", "Role"]
    assert first.targets[0].kind is TargetKind.CATEGORY
    assert first.targets[0].category is SpecialistCategory.GEK_MEMBER
    assert first.exam_scope == (ExamScope.GIA_9,)
    assert second.number.canonical == "2"
    assert second.status.kind is StatusKind.DONE
    assert second.status.date == dt.date(2025, 12, 10)
    assert (second.status.evidence, second.status.reported_by) == ("приказ № 5", "УО")


def test_an_unreadable_deadline_is_an_error_naming_the_measure() -> None:
    builder = _builder().section("2. Раздел").measure("2.7", "Мониторинг", "когда-нибудь потом", "УО")
    with pytest.raises(RoadmapBuildError) as raised:
        builder.build()
    (problem,) = raised.value.problems
    assert problem.code == "unreadable-term"
    assert (problem.location.measure, problem.location.field) == ("2.7", "term")
    assert "когда-нибудь потом" in problem.message
    assert "2.7" in str(raised.value)
    assert isinstance(raised.value, GiaRoadmapError)


def test_lenient_builder_keeps_the_text_and_warns() -> None:
    builder = _builder(strict=False).measure(
        "1", "Мониторинг", "когда-нибудь потом", "Комитет по образованию"
    )
    plan = builder.build()
    assert isinstance(plan.measures[0].term, UnparsedTerm)
    assert plan.measures[0].responsible[0].raw == "Комитет по образованию"
    assert sorted(p.code for p in builder.problems) == ["undeclared-party", "unreadable-term"]
    assert {p.severity.value for p in builder.problems} == {"warning"}


def test_parties_are_checked_against_the_declared_list() -> None:
    with pytest.raises(RoadmapBuildError) as raised:
        _builder().measure("1", "Совещание", "май 2026", "УО, Комитет по образованию").build()
    (problem,) = raised.value.problems
    assert problem.code == "undeclared-party"
    assert "Комитет по образованию" in problem.message
    assert "УО" in problem.expected
    assert problem.location.field == "responsible"
    # declared (by abbreviation or full name), standard bodies, persons and roles need nothing more
    plan = (
        _builder()
        .measure("1", "Совещание", "май 2026", "Управление образования, ОО, Рособрнадзор")
        .measure("2", "Совещание", "май 2026", "Петрова А.А., руководители ППЭ")
        .build()
    )
    assert len(plan.measures) == 2
    # without a declared list any readable party is accepted; an unreadable one never is
    assert RoadmapBuilder("x").measure("1", "a", "май 2026", "Комитет по образованию").build().measures
    with pytest.raises(RoadmapBuildError, match=r"unresolved-party|ГорОНО"):
        RoadmapBuilder("x").measure("1", "a", "май 2026", "ГорОНО").build()


def test_glossary_declares_parties() -> None:
    builder = RoadmapBuilder("x", school_year=2025, glossary={"ЦОКО": "Центр оценки качества образования"})
    assert builder.measure("1", "a", "май 2026", "ЦОКО").build().glossary.abbreviations == ("ЦОКО",)


@pytest.mark.parametrize(
    "text", ["организаторы ППЭ", "организаторов ППЭ", "членов ГЭК", "технических специалистов"]
)
def test_categories_by_name_or_inflected_synonym(text: str) -> None:
    plan = _builder().measure("1", "Обучение", "май 2026", "ИМЦ", trains=text).build()
    assert plan.measures[0].targets[0].category is not None


def test_unknown_category_exam_and_dependency_are_errors() -> None:
    builder = (
        _builder()
        .measure("1", "Обучение", "май 2026", "ИМЦ", trains="астронавты")
        .measure("2", "Экзамен", "май 2026", "УО", exams="олимпиада по космосу")
        .measure("3", "Отчёт", "июнь 2026", "УО", after="9.9")
    )
    with pytest.raises(RoadmapBuildError) as raised:
        builder.build()
    codes = [(p.code, p.location.measure) for p in raised.value.problems]
    assert codes == [("unknown-category", "1"), ("unknown-exam", "2"), ("unknown-dependency", "3")]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"school_year": "2025/27"}, InvalidValueError),
        ({"school_year": 2.5}, InvalidTypeError),
        ({"level": "галактический"}, InvalidValueError),
        ({"region": "RU-XX"}, InvalidValueError),
        ({"parties": {"УО": 1}}, InvalidTypeError),
        ({"title": None}, InvalidTypeError),
        ({"strict": "yes"}, InvalidTypeError),
    ],
)
def test_wrong_plan_options_are_typed_errors(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        RoadmapBuilder("demo", **options)


def test_the_testing_kit_builder_is_this_builder() -> None:
    assert issubclass(PlanBuilder, RoadmapBuilder)
    plan = PlanBuilder(school_year="2025/26").measure("1", "a", term="как получится").build()
    assert isinstance(plan.measures[0].term, UnparsedTerm)


RECORDS: list[dict[str, Any]] = [
    {
        "section": "1. Организация",
        "number": "1.1",
        "title": "Совещание",
        "term": "до 15.09.2025",
        "responsible": "УО",
    },
    {
        "section": "1. Организация",
        "number": "1.2",
        "title": "Обучение организаторов",
        "term": "ноябрь 2025",
        "responsible": "ИМЦ",
        "trains": "организаторы ППЭ",
        "after": "1.1",
    },
    {
        "section": "2. Анализ",
        "number": "2.1",
        "title": "Анализ",
        "term": "до 01.08.2026",
        "responsible": "ИМЦ",
        "after": "1.2",
        "done": dt.date(2026, 7, 20),
    },
]


def _fluent() -> Any:
    return (
        _builder()
        .section("1. Организация")
        .measure("1.1", "Совещание", "до 15.09.2025", "УО")
        .measure(
            "1.2", "Обучение организаторов", "ноябрь 2025", "ИМЦ", trains="организаторы ППЭ", after="1.1"
        )
        .section("2. Анализ")
        .measure("2.1", "Анализ", "до 01.08.2026", "ИМЦ", after="1.2", done=dt.date(2026, 7, 20))
        .build()
    )


def test_records_and_dataframe_build_the_same_plan() -> None:
    from_records = RoadmapBuilder.from_records(RECORDS, "demo", school_year="2025/26", parties=PARTIES)
    frame = pd.DataFrame.from_records(RECORDS)  # missing cells become NaN, dates Timestamps or objects
    frame["done"] = pd.to_datetime(frame["done"])
    from_frame = RoadmapBuilder.from_dataframe(frame, "demo", school_year="2025/26", parties=PARTIES)
    assert from_records == _fluent()
    assert from_frame == _fluent()


def test_records_report_every_problem_with_its_row() -> None:
    rows = [{**RECORDS[0], "colour": "red"}, {**RECORDS[1], "term": "по настроению"}]
    with pytest.raises(RoadmapBuildError) as raised:
        RoadmapBuilder.from_records(rows, "demo", school_year=2025, parties=PARTIES)
    assert [p.code for p in raised.value.problems] == ["unknown-field", "unreadable-term"]
    assert raised.value.problems[0].location.row == 1


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_grammar_phrase_builds_strictly_to_its_term(data: st.DataObject) -> None:
    text, term = data.draw(deadline_texts(2025))
    plan = RoadmapBuilder("p", school_year=2025).measure("1", "Мероприятие", text).build()
    assert plan.measures[0].term == term


_JUNK = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        [
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
        ]
    ),
    _JUNK,
)
def test_wrong_measure_arguments_end_in_typed_errors(field: str, value: object) -> None:
    arguments: dict[str, Any] = {"number": "1", "title": "a", "term": "май 2026", "responsible": "УО"}
    arguments[field] = value
    number = arguments.pop("number")
    with contextlib.suppress(GiaRoadmapError):  # anything else is a raw crash and fails the test
        RoadmapBuilder("p", school_year=2025).measure(number, **arguments).build()
