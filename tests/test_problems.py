"""The one shape of a problem at a place: Severity, Location, Problem, problems_of and the errors that
carry problems."""

from __future__ import annotations

import doctest
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gia_roadmap.errors as errors_module
from gia_roadmap import strategies as gst
from gia_roadmap.errors import (
    GiaRoadmapError,
    InvalidTypeError,
    InvalidValueError,
    Location,
    Problem,
    RoadmapFormatError,
    ScheduleDataError,
    Severity,
    TableReadError,
    TermSyntaxError,
    UsageError,
    problems_of,
)


def test_the_module_examples_run() -> None:
    assert doctest.testmod(errors_module).failed == 0


def test_severities_are_ordered_and_named_in_both_languages() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR > Severity.WARNING >= Severity.WARNING > Severity.INFO
    assert Severity.INFO <= Severity.INFO
    assert max(Severity) is Severity.ERROR
    assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == list(Severity)
    assert [s.label() for s in Severity] == ["к сведению", "предупреждение", "ошибка"]
    assert [s.label("en") for s in Severity] == ["info", "warning", "error"]
    with pytest.raises(InvalidValueError, match="'ru' or 'en'"):
        Severity.ERROR.label("de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "ru", "en"),
    [
        (
            Location(file="plan.docx", table=1, row=95),
            "файл plan.docx, таблица 1, строка 95",
            "file plan.docx, table 1, row 95",
        ),
        (
            Location(plan="yurga-2024", section="2", measure="2.2.14", field="term"),
            "план yurga-2024, раздел 2, п. 2.2.14, графа «Сроки»",
            "plan yurga-2024, section 2, item 2.2.14, field term",
        ),
        (
            Location(section="II.", measure="3"),
            "раздел II, п. 3",
            "section II, item 3",
        ),
        (
            Location(section="Правовое обеспечение", ordinal=4, field="dependencies"),
            "раздел «Правовое обеспечение», мероприятие 5 по порядку, поле dependencies",
            "section «Правовое обеспечение», measure 5 in order, field dependencies",
        ),
        (
            Location(file="plan.xlsx", sheet="План", table=2, row=7, column=3, cell="C7"),
            "файл plan.xlsx, лист «План», строка 7, столбец 3, ячейка C7",
            "file plan.xlsx, sheet «План», row 7, column 3, cell C7",
        ),
        (
            Location(file="plan.pdf", page=3, line=12, span=(4, 9)),
            "файл plan.pdf, стр. 3, строка 12, символы 5–9",
            "file plan.pdf, page 3, line 12, characters 5–9",
        ),
        (Location(path="$.roadmap.level"), "путь $.roadmap.level", "at $.roadmap.level"),
        (Location(span=(6, 6)), "символ 7", "character 7"),
        (Location(), "", ""),
    ],
)
def test_a_location_reads_in_russian_by_default_and_in_english_on_request(
    location: Location, ru: str, en: str
) -> None:
    assert str(location) == location.describe() == ru
    assert location.describe("en") == en


@given(gst.locations())
def test_every_known_part_of_a_location_is_told(location: Location) -> None:
    for lang in ("ru", "en"):
        text = location.describe(lang)
        for name in ("file", "plan", "measure", "path", "cell"):
            value = getattr(location, name)
            assert value in text
        for name in ("page", "row", "column", "line"):
            value = getattr(location, name)
            if value is not None:
                assert str(value) in text
        if location.sheet:
            assert location.sheet in text
        elif location.table is not None:
            assert str(location.table) in text
    assert bool(location.describe()) == bool(location.to_dict().keys() - {"section_path"})


@given(gst.locations())
def test_a_location_survives_json(location: Location) -> None:
    document = json.loads(json.dumps(location.to_dict(), ensure_ascii=False))
    assert Location(**document) == location


@given(gst.locations(), gst.locations())
def test_document_order_is_a_total_order_of_locations(a: Location, b: Location) -> None:
    assert (a.sort_key() <= b.sort_key()) or (b.sort_key() <= a.sort_key())
    assert (a.sort_key() == b.sort_key()) == (a == b)


@pytest.mark.parametrize(
    ("arguments", "error", "fragment"),
    [
        ({"row": 0}, InvalidValueError, "Location.row is 1-based"),
        ({"page": -1}, InvalidValueError, "Location.page is 1-based"),
        ({"ordinal": -1}, InvalidValueError, "Location.ordinal is 0-based"),
        ({"line": "95"}, InvalidTypeError, "Location.line must be an int"),
        ({"table": True}, InvalidTypeError, "Location.table must be an int"),
        ({"file": None}, InvalidTypeError, "Location.file must be a str"),
        ({"cell": "b7"}, InvalidValueError, "Location.cell must be a spreadsheet reference"),
        ({"span": (5, 2)}, InvalidValueError, "Location.span must satisfy"),
        ({"span": (1, 2, 3)}, InvalidTypeError, "Location.span must be"),
        ({"section_path": (1, -2)}, InvalidValueError, "section_path"),
        ({"section_path": "12"}, InvalidTypeError, "section_path"),
    ],
)
def test_a_bad_location_is_refused_naming_the_field(
    arguments: dict[str, Any], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        Location(**arguments)


def test_a_location_takes_keywords_only() -> None:
    with pytest.raises(TypeError):
        Location("plan.docx")  # type: ignore[call-arg]


def _problem(**changes: Any) -> Problem:
    arguments: dict[str, Any] = {
        "code": "unparsed-term",
        "severity": Severity.WARNING,
        "location": Location(file="plan.docx", table=1, row=95, field="term"),
        "message": "no deadline rule reads «по мере поступления»",
    }
    arguments.update(changes)
    return Problem(**arguments)


def test_a_problem_reads_as_its_place_message_and_what_was_expected() -> None:
    problem = _problem(expected="a date or a month")
    assert str(problem) == (
        "файл plan.docx, таблица 1, строка 95, графа «Сроки»: no deadline rule reads «по мере поступления»; "
        "ожидалось: a date or a month"
    )
    assert problem.describe("en").endswith("; expected a date or a month")
    assert str(_problem(location=Location())) == "no deadline rule reads «по мере поступления»"
    assert problem.to_dict() == {
        "code": "unparsed-term",
        "severity": "warning",
        "location": {"file": "plan.docx", "table": 1, "row": 95, "field": "term"},
        "message": "no deadline rule reads «по мере поступления»",
        "expected": "a date or a month",
        "evidence": "",
    }
    assert attrs.evolve(problem, evidence="по мере поступления").evidence == "по мере поступления"


@pytest.mark.parametrize(
    ("changes", "error", "fragment"),
    [
        ({"code": ""}, InvalidValueError, "Problem.code must not be empty"),
        ({"message": "  "}, InvalidValueError, "Problem.message must not be empty"),
        ({"severity": "warning"}, InvalidTypeError, "Problem.severity must be a Severity"),
        ({"location": "plan.docx, row 95"}, InvalidTypeError, "Problem.location must be a Location"),
        ({"expected": None}, InvalidTypeError, "Problem.expected must be a str"),
    ],
)
def test_a_bad_problem_is_refused_naming_the_field(
    changes: dict[str, Any], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        _problem(**changes)


def test_the_errors_that_stop_a_load_carry_their_problems() -> None:
    first, second = _problem(severity=Severity.ERROR), _problem(code="invalid-field", severity=Severity.ERROR)
    assert problems_of(RoadmapFormatError([first, second], source="plan.json")) == (first, second)
    assert problems_of(ScheduleDataError([second])) == (second,)
    assert "2 errors" in str(RoadmapFormatError([first, second], source="plan.json"))
    assert "file plan.docx, table 1, row 95, field term" in str(ScheduleDataError([second]))

    read = TableReadError("plan.doc: legacy Word files cannot be read", location=Location(file="plan.doc"))
    (problem,) = problems_of(read)
    assert (problem.code, problem.severity, problem.location.file) == (
        "unreadable-file",
        Severity.ERROR,
        "plan.doc",
    )
    assert str(read) == "plan.doc: legacy Word files cannot be read"


def test_a_term_syntax_error_locates_the_unread_rest_of_the_text() -> None:
    text = "ноябрь 2023 года и когда-нибудь"
    cell = Location(file="plan.docx", table=1, row=9, field="term")
    error = TermSyntaxError(text, 19, "a deadline", location=cell)
    (problem,) = problems_of(error)
    assert problem is error.problem
    assert problem.location == attrs.evolve(cell, span=(19, len(text)))
    assert (problem.code, problem.expected, problem.evidence) == ("term-syntax", "a deadline", text)
    assert "символы 20–31" in str(problem)
    assert "position 19" in str(error)


def test_problems_of_flattens_groups_and_plain_errors() -> None:
    inner = ScheduleDataError([_problem(severity=Severity.ERROR)])
    group = ExceptionGroup("two files", [inner, ExceptionGroup("nested", [UsageError("no such example")])])
    flat = problems_of(group)
    assert [p.code for p in flat] == ["unparsed-term", "UsageError"]
    assert flat[1].message == "no such example"
    assert flat[1].location == Location()
    (plain,) = problems_of(KeyError("sections"))
    assert (plain.code, plain.severity, plain.message) == ("KeyError", Severity.ERROR, "'sections'")


def test_usage_error_is_a_library_error() -> None:
    assert issubclass(UsageError, GiaRoadmapError)
    assert issubclass(UsageError, ValueError)


@given(st.from_type(Problem))
def test_any_problem_reads_with_its_message_and_place(problem: Problem) -> None:
    for lang in ("ru", "en"):
        text = problem.describe(lang)
        assert problem.message in text
        assert problem.location.describe(lang) in text
    assert problem.to_dict()["location"] == problem.location.to_dict()
