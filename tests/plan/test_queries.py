"""Queries over the example roadmap: by body, person, role, category, exam scope, section kind,
dates, states on a given day, and the summary."""

from __future__ import annotations

import datetime as dt

from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.plan import (
    DueState,
    Person,
    Role,
    SectionKind,
    SpecialistCategory,
    by_body,
    by_category,
    by_exam_scope,
    by_person,
    by_role,
    by_section_kind,
    in_range,
    states,
    summarize,
)
from tests.plan.example import example_roadmap

ROADMAP = example_roadmap()


def _titles(found: tuple[object, ...]) -> list[str]:
    return [m.measure.title for m in found]  # type: ignore[attr-defined]


def test_by_body_through_abbreviation_units_and_level_actions() -> None:
    assert _titles(by_body(ROADMAP, "РЦОИ")) == ["Семинар для организаторов ППЭ"]  # «ИРО, РЦОИ» is one body
    assert _titles(by_body(ROADMAP, "ИРО")) == ["Семинар для организаторов ППЭ"]
    assert "Проведение статистического анализа результатов ГИА-9, ГИА-11" in _titles(by_body(ROADMAP, "ОО"))
    assert by_body(ROADMAP, "ФЦТ") == ()


def test_by_person_forgives_case_endings_and_typos() -> None:
    assert len(by_person(ROADMAP, Person("Власенко", "М.Г."))) == 1
    assert len(by_person(ROADMAP, Person("Абдреевой", "Н.П."))) == 1  # dative in a preamble
    assert len(by_person(ROADMAP, Person("Абдрева", "Н.П."))) == 1  # one letter dropped
    assert by_person(ROADMAP, Person("Абдреева", "А.А.")) == ()  # other initials: another person


def test_by_role_and_category() -> None:
    assert _titles(by_role(ROADMAP, Role("члены", "ГЭК"))) == ["Обучение членов ГЭК"]
    assert _titles(by_category(ROADMAP, SpecialistCategory.GEK_MEMBER)) == ["Обучение членов ГЭК"]
    assert _titles(by_category(ROADMAP, SpecialistCategory.PPE_ORGANISER)) == [
        "Семинар для организаторов ППЭ"
    ]
    assert by_category(ROADMAP, SpecialistCategory.PPE_ORGANISER, include_title=False) == ()
    assert _titles(by_category(ROADMAP, SpecialistCategory.SUBJECT_COMMISSION_EXPERT)) == [
        "Курсы экспертов РПК"
    ]


def test_by_exam_scope_broad_and_narrow() -> None:
    assert _titles(by_exam_scope(ROADMAP, ExamScope.GIA_11)) == [
        "Проведение статистического анализа результатов ГИА-9, ГИА-11",
        "Обучение членов ГЭК",
    ]
    assert _titles(by_exam_scope(ROADMAP, ExamScope.OGE, broad=False)) == ["Курсы экспертов РПК"]
    assert len(by_exam_scope(ROADMAP, ExamScope.OGE)) == 2  # ГИА-9 covers ОГЭ
    assert by_exam_scope(ROADMAP, ExamScope.VPR) == ()


def test_by_section_kind() -> None:
    assert _titles(by_section_kind(ROADMAP, SectionKind.STAFF_TRAINING)) == ["Курсы экспертов РПК"]
    assert _titles(by_section_kind(ROADMAP, SectionKind.ORGANISATIONAL)) == ["Отменено"]


def test_in_range_with_calendar_and_events() -> None:
    found = in_range(ROADMAP, dt.date(2022, 5, 1), dt.date(2022, 5, 31))
    assert "Дубль номера" in _titles(tuple(m for m, _ in found))
    assert "Обучение членов ГЭК" not in _titles(tuple(m for m, _ in found))  # no exam days given
    events = {Anchor.EXAM_DAY: (dt.date(2022, 5, 26),)}
    found = in_range(ROADMAP, dt.date(2022, 5, 25), dt.date(2022, 5, 25), RussianCalendar(), events)
    _located, resolution = next((m, r) for m, r in found if m.measure.title == "Обучение членов ГЭК")
    assert resolution.due == dt.date(2022, 5, 25)


def test_states_on_a_given_day() -> None:
    by_title = {s.measure.measure.title: s.state for s in states(ROADMAP, dt.date(2022, 5, 15))}
    assert by_title["Проведение статистического анализа результатов ГИА-9, ГИА-11"] is DueState.DONE
    assert by_title["Дубль номера"] is DueState.DUE
    assert by_title["Отменено"] is DueState.CANCELLED
    assert by_title["Без номера и срока"] is DueState.UNKNOWN
    assert by_title["Семинар для организаторов ППЭ"] is DueState.CONTINUOUS
    assert by_title["Обучение членов ГЭК"] is DueState.UNKNOWN
    later = {s.measure.measure.title: s.state for s in states(ROADMAP, dt.date(2022, 6, 1))}
    assert later["Дубль номера"] is DueState.OVERDUE
    earlier = {s.measure.measure.title: s.state for s in states(ROADMAP, dt.date(2022, 4, 1))}
    assert earlier["Дубль номера"] is DueState.UPCOMING


def test_summary_counts() -> None:
    summary = summarize(ROADMAP)
    assert summary.total == 8
    assert [count for _, count in summary.by_section] == [7, 1]
    assert dict(summary.by_month)[(2022, 5)] >= 2
    assert dict(summary.by_month)[(2021, 8)] >= 1
    assert summary.unresolved == 4  # relative without events, missing, unparsed, untermed subgroup row
    assert dict(summary.by_body)["ОО"] == 1
