"""A user's own schedule in YAML or JSON: round trips; every problem of a malformed file, located."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar.exams import ExamKind, PeriodKind, exam_subjects
from gia_roadmap.calendar.schedule import (
    Confidence,
    ExamDay,
    ExamSchedule,
    OrderKind,
    ScheduleOrder,
    ScheduleSource,
)
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.errors import Location, Problem, ScheduleDataError, Severity

USER_YAML = """\
school_year: 2026/27
sources:
  region-order: {url: "https://example.org/region/order-15", group: "Регион"}
orders:
  - key: "900/1000"
    kind: schedule
    title: "Расписание ЕГЭ 2027 (пример)"
    exams: [ege]
    signed: 2026-11-10
    confidence: B
    sources: [region-order]
days:
  - {date: 2027-05-25, exam: ege, period: main, subjects: [русский язык], confidence: B,
     sources: [region-order], order: "900/1000"}
  - {date: 2027-06-21, exam: ege, period: main_reserve, subjects: [по всем учебным предметам],
     confidence: B, sources: [region-order], order: "900/1000", note: "резервный день"}
  - {date: 2026-12-02, exam: final_essay, period: main_date, subjects: [], confidence: A,
     sources: [tass-soch], order: "233/552"}
windows:
  - {exam: ege, periods: [main, main_reserve], start: 2027-05-25, end: 2027-06-30, confidence: B,
     sources: [region-order], order: "900/1000"}
"""


def test_user_yaml_loads(tmp_path: Path) -> None:
    path = tmp_path / "region.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    schedule = ExamSchedule.load(path)
    assert schedule.school_year == SchoolYear(2026)
    assert [d.date for d in schedule.days] == [
        dt.date(2026, 12, 2),
        dt.date(2027, 5, 25),
        dt.date(2027, 6, 21),
    ]
    assert schedule.source("region-order").url == "https://example.org/region/order-15"
    assert schedule.source("tass-soch").url.startswith("https://tass.ru/")
    assert {o.key for o in schedule.orders} == {"900/1000", "233/552"}  # the procedure comes from the bundle


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_user_file_round_trips(tmp_path: Path, suffix: str) -> None:
    original = ExamSchedule.loads(USER_YAML, format="yaml")
    path = tmp_path / f"copy{suffix}"
    original.save(path)
    again = ExamSchedule.load(path)
    assert again == original
    again.save(tmp_path / f"twice{suffix}")
    assert (tmp_path / f"twice{suffix}").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("year", [2023, 2024, 2025])
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_bundled_schedules_round_trip(year: int, fmt: str) -> None:
    schedule = ExamSchedule.bundled(year)
    for view in (schedule, schedule.original(), schedule.with_drafts()):
        again = ExamSchedule.loads(view.dumps(fmt), format=fmt)
        assert again == view
        assert again.days == view.days


def test_toml_loads_like_the_bundled_file() -> None:
    from importlib import resources

    text = (resources.files("gia_roadmap.calendar") / "schedules" / "2024-2025.toml").read_text(
        encoding="utf-8"
    )
    assert ExamSchedule.loads(text, format="toml") == ExamSchedule.bundled(2024)


MALFORMED: dict[str, Any] = {
    "school_year": 2023,
    "colour": "red",
    "orders": [
        {
            "key": "1/2",
            "kind": "schedule",
            "title": "x",
            "exams": ["ege", "egee"],
            "confidence": "A",
            "sources": ["nowhere"],
        },
        {
            "key": "1/2",
            "kind": "schedule",
            "title": "dup",
            "exams": ["ege"],
            "confidence": "A",
            "sources": ["tvn"],
        },
    ],
    "days": [
        {
            "date": "2024-02-30",
            "exam": "ege",
            "period": "main",
            "subjects": ["русский язык"],
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
        },
        {
            "date": "2024-05-28",
            "exam": "egee",
            "period": "mainn",
            "subjects": ["латынь"],
            "confidence": "AA",
            "sources": ["tvn"],
            "order": "1/2",
        },
        {
            "date": "2024-05-29",
            "exam": "ege",
            "period": "main",
            "subjects": ["русский язык"],
            "confidence": "A",
            "sources": [],
            "order": "9/9",
            "superseded_by": "8/8",
        },
        {
            "date": "2024-05-30",
            "exam": "oge",
            "period": "main_date",
            "subjects": ["математика профильного уровня"],
            "confidence": "B",
            "sources": ["tvn"],
            "order": "1/2",
        },
        "not a row",
        {
            "exam": "ege",
            "period": "main",
            "subjects": "русский язык",
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
            "subjects_confirmed": "yes",
        },
        {
            "date": "2025-10-01",
            "exam": "ege",
            "period": "main",
            "subjects": ["химия"],
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
        },
        {
            "date": "2024-05-31",
            "exam": "ege",
            "period": "main",
            "subjects": ["химия"],
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
        },
        {
            "date": "2024-05-31",
            "exam": "ege",
            "period": "main",
            "subjects": ["физика"],
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
        },
    ],
    "windows": [
        {
            "exam": "ege",
            "periods": ["main"],
            "start": "2024-06-10",
            "end": "2024-06-01",
            "confidence": "A",
            "sources": ["tvn"],
            "order": "1/2",
        },
    ],
}

EXPECTED: list[tuple[str, str]] = [
    ("colour", "unknown key"),
    ("orders[0].exams[1]", "'egee' is not a valid ExamKind"),
    ("orders[1].key", "defined twice"),
    ("days[0].date", "expected a date, got '2024-02-30'"),
    ("days[1].exam", "'egee' is not a valid ExamKind"),
    ("days[1].period", "'mainn' is not a valid PeriodKind"),
    ("days[1].subjects[0]", "'латынь' is not a valid Subject"),
    ("days[1].confidence", "'AA' is not a valid Confidence"),
    ("days[2].order", "no order '9/9'"),
    ("days[2].superseded_by", "no order '8/8'"),
    ("days[2].sources", "no source given"),
    ("days[3].exam", "order '1/2' does not cover 'oge'"),
    ("days[3].period", "period 'main_date' does not apply to 'oge'"),
    ("days[3].subjects[0]", "'математика профильного уровня' is not a subject of 'oge'"),
    ("days[4]", "expected a table/object"),
    ("days[5].date", "missing required key 'date'"),
    ("days[5].subjects", "expected a list"),
    ("days[5].subjects_confirmed", "expected true or false"),
    ("days[6].date", "outside the exam campaign of 2023/2024"),
    ("days[8]", "a second ege row for 2024-05-31 (first at days[7])"),
    ("windows[0].end", "ends (2024-06-01) before it starts"),
    ("orders[0].sources[0]", "unknown source 'nowhere'"),
]


@pytest.mark.parametrize(("fmt", "dump"), [("json", json.dumps), ("yaml", None)])
def test_malformed_file_reports_every_problem_with_its_location(tmp_path: Path, fmt: str, dump: Any) -> None:
    if dump is None:
        import yaml

        text = yaml.safe_dump(MALFORMED, allow_unicode=True)
    else:
        text = dump(MALFORMED, ensure_ascii=False)
    path = tmp_path / f"bad.{fmt}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScheduleDataError) as info:
        ExamSchedule.load(path)
    problems = info.value.problems
    assert isinstance(info.value, ValueError)
    assert all(p.location.file == str(path) for p in problems)
    assert all(p.expected for p in problems)
    found = [(p.location.path, p.message) for p in problems]
    for path_, fragment in EXPECTED:
        assert any(p == path_ and fragment in m for p, m in found), (path_, fragment, found)
    assert len(problems) == len(EXPECTED), found
    message = str(info.value)
    assert f"{len(EXPECTED)} problems" in message
    assert "days[1].period" in message
    assert "expected one of 'additional', 'additional_date'" in message


def test_what_is_valid_is_named() -> None:
    doc = {
        "school_year": 2023,
        "days": [
            {
                "date": "2024-05-28",
                "exam": "ege",
                "period": "x",
                "subjects": [],
                "confidence": "A",
                "sources": ["tvn"],
                "order": "953/2116",
            }
        ],
    }
    with pytest.raises(ScheduleDataError) as info:
        ExamSchedule.loads(json.dumps(doc))
    (problem,) = [p for p in info.value.problems if p.location.path == "days[0].period"]
    assert problem == Problem(
        code="invalid-schedule",
        severity=Severity.ERROR,
        location=Location(file="<string>", path="days[0].period"),
        message="'x' is not a valid PeriodKind",
        expected="one of " + ", ".join(repr(p.value) for p in sorted(PeriodKind, key=lambda p: p.value)),
    )


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ('{"school_year": 2023,', "json", "line 1"),
        ("school_year: [2023\n", "yaml", "line 2"),
        ("school_year = ", "toml", ""),
        ("[1, 2]", "json", ""),
        ("{}", "json", "school_year"),
        ('{"school_year": "soon"}', "json", "school_year"),
    ],
)
def test_unreadable_documents(text: str, fmt: str, where: str) -> None:
    with pytest.raises(ScheduleDataError) as info:
        ExamSchedule.loads(text, format=fmt, file="mine")
    assert info.value.problems
    assert info.value.problems[0].location.file == "mine"
    assert where in info.value.problems[0].location.describe("en")


def test_unknown_format_and_suffix(tmp_path: Path) -> None:
    with pytest.raises(ScheduleDataError, match="unknown format"):
        ExamSchedule.loads("{}", format="xml")
    with pytest.raises(ScheduleDataError, match="unknown file type"):
        ExamSchedule.load(tmp_path / "schedule.xml")
    with pytest.raises(ScheduleDataError, match="cannot read the file"):
        ExamSchedule.load(tmp_path / "missing.json")
    with pytest.raises(ScheduleDataError, match="unknown format"):
        ExamSchedule.bundled(2023).dumps("xml")


# ---------------------------------------------------------------------------------------------
# Property: any valid schedule round-trips through JSON and YAML
# ---------------------------------------------------------------------------------------------

_ORDER = ScheduleOrder(
    "1/1", OrderKind.SCHEDULE, "Тест", tuple(ExamKind), signed=dt.date(2023, 12, 1), sources=("tvn",)
)


@st.composite
def exam_day_rows(draw: st.DrawFn) -> ExamDay:
    exam = draw(st.sampled_from([ExamKind.EGE, ExamKind.OGE, ExamKind.FINAL_INTERVIEW]))
    periods = [p for p in PeriodKind if p.for_admission_tests == exam.is_admission_test]
    if exam is not ExamKind.EGE:
        periods = [p for p in periods if p is not PeriodKind.RETAKE]
    subjects = draw(st.lists(st.sampled_from(exam_subjects(exam)), min_size=1, max_size=4, unique=True))
    return ExamDay(
        date=draw(st.dates(dt.date(2023, 9, 1), dt.date(2024, 9, 30))),
        exam=exam,
        period=draw(st.sampled_from(periods)),
        subjects=tuple(subjects),
        confidence=draw(st.sampled_from([c for c in Confidence if c is not Confidence.UNCONFIRMED])),
        sources=("tvn",),
        order="1/1",
        note=draw(st.text(max_size=20)),
    )


@settings(max_examples=50, deadline=None)
@given(
    st.lists(exam_day_rows(), max_size=8, unique_by=lambda d: (d.exam, d.date)),
    st.sampled_from(["json", "yaml"]),
)
def test_any_valid_schedule_round_trips(days: list[ExamDay], fmt: str) -> None:
    schedule = ExamSchedule(
        SchoolYear(2023),
        (_ORDER,),
        tuple(sorted(days, key=lambda d: (d.date, d.exam.value, d.order))),
        sources=(
            ScheduleSource(
                "tvn", "http://www.tvn-tv.ru/news/education/sroki_ege_2024.html", "ЕГЭ / ОГЭ 2024"
            ),
        ),
    )
    assert ExamSchedule.loads(schedule.dumps(fmt), format=fmt) == schedule


def test_yaml_impossible_date_is_located_not_raised_bare() -> None:
    text = USER_YAML.replace("date: 2027-05-25", "date: 2027-02-30")
    with pytest.raises(ScheduleDataError) as info:
        ExamSchedule.loads(text, format="yaml", file="region.yaml")
    (problem,) = info.value.problems
    assert problem == Problem(
        code="invalid-schedule",
        severity=Severity.ERROR,
        location=Location(file="region.yaml", path="days[0].date"),
        message="expected a date, got '2027-02-30'",
        expected="an ISO date YYYY-MM-DD",
    )


def test_bad_types_never_escape_as_bare_errors() -> None:
    docs: tuple[Any, ...] = (
        None,
        3,
        "text",
        [],
        {"school_year": 2023, "days": {"a": 1}},
        {"school_year": 2023, "orders": [[]]},
        {"school_year": 2023, "sources": [1]},
        {"school_year": 2023, "sources": {"k": 5}},
        {"school_year": True},
        {"school_year": 2023, "in_force": ["zz"]},
    )
    for doc in docs:
        with pytest.raises(ScheduleDataError):
            ExamSchedule.loads(json.dumps(doc))
