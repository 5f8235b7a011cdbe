"""The header vocabulary (issue 13 part 1): every usual wording of each column kind, inflected and
misspelt; columns recognised by their cells when the header is unusual; the completion column as the
measure's status and evidence; a plan without a responsible column."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import ExamSchedule, RussianCalendar, exam_events
from gia_roadmap.io import import_text
from gia_roadmap.io.headers import role_of_header
from gia_roadmap.io.tables import ColumnRole
from gia_roadmap.plan import check
from gia_roadmap.plan.model import ProvenanceKind, StatusKind


def _vocabulary() -> list[tuple[ColumnRole, str]]:
    text = resources.files("gia_roadmap.io").joinpath("data", "headers.toml").read_text("utf-8")
    return [(ColumnRole(e["name"]), p) for e in tomllib.loads(text)["role"] for p in e["phrases"]]


VOCABULARY = _vocabulary()


@pytest.mark.parametrize(("role", "phrase"), VOCABULARY, ids=[p for _, p in VOCABULARY])
def test_every_phrase_names_its_role(role: ColumnRole, phrase: str) -> None:
    assert role_of_header(phrase) is role
    assert role_of_header(phrase.upper()) is role
    assert role_of_header(phrase.capitalize() + ":") is role


def _typo(word: str, position: int) -> str:
    """Swap two neighbouring letters (the commonest typo)."""
    i = position % (len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


@given(
    pair=st.sampled_from(
        [(r, p) for r, p in VOCABULARY if len(p.split()) == 1 and len(p) >= 6 and p.isalpha()]
    ),
    position=st.integers(0, 20),
)
def test_a_swapped_letter_is_forgiven(pair: tuple[ColumnRole, str], position: int) -> None:
    role, phrase = pair
    assert role_of_header(_typo(phrase, position)) is role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Срок исполнения мероприятия", ColumnRole.TERM),
        ("Ответственные за проведение мероприятия", ColumnRole.RESPONSIBLE),
        ("Сроки проведения (дата, месяц)", ColumnRole.TERM),
        ("Ответсвенный исполнитель", ColumnRole.RESPONSIBLE),
        ("Наименованние мероприятий", ColumnRole.TITLE),
        ("Отметка о выполнении (дата, реквизиты документа)", ColumnRole.COMPLETION),
        ("Фактический срок исполнения", ColumnRole.COMPLETION),
        ("№ п/п по приказу Минобрнауки", ColumnRole.REFERENCE_NUMBER),
        ("Планируемые результаты", ColumnRole.RESULT),
        ("Примечание", ColumnRole.OTHER),
    ],
)
def test_unseen_wordings(header: str, role: ColumnRole) -> None:
    assert role_of_header(header) is role


def test_columns_are_recognised_by_their_cells() -> None:
    text = (
        "План на 2025/2026 учебный год\n"
        "№\tНаша работа\tКогда-нибудь\tЗа кем\tПримечание\n"
        "1.\tСовещание с директорами\tсентябрь 2025\tУО, ИМЦ\tтекст\n"
        "2.\tОбучение организаторов\tдо 15.03.2026\tИванов И.И.\tещё\n"
        "3.\tСобрание\tв течение года\tзаместитель директора\t\n"
    )
    result = import_text(text)
    roles = [c.role for c in result.document.tables[0].columns]
    assert roles == [
        ColumnRole.NUMBER,
        ColumnRole.TITLE,
        ColumnRole.TERM,
        ColumnRole.RESPONSIBLE,
        ColumnRole.OTHER,
    ]
    assert [m.responsible_raw for m in result.roadmap.measures][1] == "Иванов И.И."
    codes = [p.code for p in result.problems]
    assert codes.count("column-by-content") == 2
    assert "column-to-notes" in codes  # «Примечание» goes to the notes, and says so


def test_a_completion_column_is_status_and_evidence() -> None:
    text = (
        "План на 2025/2026 учебный год\n"
        "№\tМероприятия\tСроки\tОтветственные\tОтметка о выполнении\n"
        "1.\tСовещание\tсентябрь 2025\tУО\tВыполнено. Протокол от 12.09.2025 № 3\n"
        "2.\tОбучение\tмарт 2026\tИМЦ\tв работе\n"
        "3.\tСобрание\tмай 2026\tОО\tотменено 01.05.2026\n"
    )
    plan = import_text(text).roadmap
    first, second, third = plan.measures
    assert first.status.kind is StatusKind.DONE
    assert first.status.date is not None
    assert first.status.date.isoformat() == "2025-09-12"
    assert first.status.evidence == "Протокол от 12.09.2025 № 3"
    assert first.evidence == ""  # the document that shows it was done, not the planned kind of document
    assert first.expected_result == ""  # not a result
    assert second.status.kind is StatusKind.PLANNED
    assert second.status.note == "в работе"
    assert third.status.kind is StatusKind.CANCELLED


def test_a_plan_without_a_responsible_column_is_valid() -> None:
    text = (
        "План работы школы на 2025/2026 учебный год\n"
        "№\tМероприятия\tСроки\n"
        "1.\tРодительское собрание\tсентябрь 2025\n"
        "2.\tПробный экзамен по математике\tмарт 2026\n"
    )
    result = import_text(text)
    plan = result.roadmap
    assert all(
        any(p.field == "responsible" and p.kind is ProvenanceKind.NOT_IN_LAYOUT for p in m.provenance)
        for m in plan.measures
    )
    assert "no-responsible-column" in [p.code for p in result.problems]
    calendar = RussianCalendar()
    report = check(plan, calendar=calendar, events=exam_events(ExamSchedule.bundled(2025), calendar))
    assert not [f for f in report if f.code == "GR301"]
    # the clean twin: a blank responsible cell in a table that has the column is still a finding
    blank = import_text(
        "План на 2025/2026 учебный год\n№\tМероприятия\tСроки\tОтветственные\n"
        "1.\tРодительское собрание\tсентябрь 2025\t\n2.\tПробный экзамен\tмарт 2026\tОО\n",
    ).roadmap
    report = check(blank, calendar=calendar, events=exam_events(ExamSchedule.bundled(2025), calendar))
    assert [f for f in report if f.code == "GR301"]
