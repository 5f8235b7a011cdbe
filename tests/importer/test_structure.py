"""Structure (issue 13 part 2): Roman and letter section numbers, stage rows with their own term as
sections with a window, numbering running on across sections, and fill-down only where the layout
proves a merged cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import MissingTerm
from gia_roadmap.io import import_file, import_text
from gia_roadmap.io.cells import section_label

from ..io_tables.writers import WRITERS, Cell, Doc, cells


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I. Нормативное обеспечение", "I."),
        ("II Организационные мероприятия", "II"),
        ("IV) Информирование", "IV)"),
        ("XII.", "XII."),
        ("А. Подготовка", "А."),
        ("Б) Проведение", "Б)"),
        ("В течение года", ""),
        ("Информирование", ""),
        ("ИМЦ", ""),
        ("1. Совещание", ""),
    ],
)
def test_section_labels(text: str, label: str) -> None:
    assert section_label(text)[0] == label


STAGES = Doc(
    ("ПЛАН подготовки к ГИА на 2025/2026 учебный год",),
    (
        cells(
            ["№", "Мероприятия", "Сроки", "Ответственные"],
            ["I.", "Подготовительный этап", "сентябрь – декабрь 2025", ""],
            ["1.", "Совещание с руководителями ОО", "сентябрь 2025", "УО"],
            ["2.", "Обучение организаторов ППЭ", "", "ИМЦ"],
            [Cell("II. Основной этап", colspan=2), "январь – май 2026", ""],
            ["3.", "Пробный экзамен по математике", "март 2026", "ОО"],
            [Cell("А. Работа с родителями", colspan=4)],
            ["4.", "Родительское собрание", Cell("апрель 2026", rowspan=2), "ОО"],
            ["5.", "Консультации для родителей", "ОО"],
        ),
    ),
)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_stage_rows_are_sections_with_a_window(kind: str, tmp_path: Path) -> None:
    path = WRITERS[kind](STAGES, tmp_path / f"stages.{kind}")
    plan = import_file(path).roadmap
    sections = plan.sections
    assert [s.number.raw if s.number else "" for s in sections] == ["I.", "II.", "А."]
    assert [s.heading for s in sections] == [
        "I. Подготовительный этап",
        "II. Основной этап",
        "А. Работа с родителями",
    ]
    assert [s.term.raw if s.term else None for s in sections] == [
        "сентябрь – декабрь 2025",
        "январь – май 2026",
        None,
    ]
    # numbering runs on across the sections; every item is a measure, no stage row is one
    assert [[m.number.raw for m in s.measures] for s in sections] == [["1.", "2."], ["3."], ["4.", "5."]]
    # a blank cell stays blank (the layout records merges); a merged one is filled and says so
    second = sections[0].measures[1]
    assert isinstance(second.term, MissingTerm)
    fifth = sections[2].measures[1]
    assert fifth.term.raw == "апрель 2026"
    assert fifth.inherited("term")


def test_a_section_window_survives_the_file_format(tmp_path: Path) -> None:
    path = WRITERS["html"](STAGES, tmp_path / "stages.html")
    plan = import_file(path).roadmap
    assert roadmap_io.loads(roadmap_io.dumps(plan)) == plan
    assert roadmap_io.loads(roadmap_io.dumps(plan, format="yaml"), format="yaml") == plan


def test_a_text_conversion_guesses_fills_and_says_so() -> None:
    text = (
        "План на 2025/2026 учебный год\n"
        "№\tМероприятия\tСроки\tОтветственные\n"
        "1.\tСовещание\tсентябрь 2025\tУО\n"
        "2.\tОбучение\tоктябрь 2025\t\n"
    )
    result = import_text(text)
    assert result.roadmap.measures[1].responsible_raw == "УО"
    (problem,) = [p for p in result.problems if p.code == "guessed-fill"]
    assert "without a merged cell proving it" in problem.message


def test_several_date_columns_are_one_composite_term_with_labelled_parts(tmp_path: Path) -> None:
    from gia_roadmap.calendar import TermSequence
    from gia_roadmap.calendar.terms import Compound, Label, PerExam

    doc = Doc(
        ("План на 2025/2026 учебный год",),
        (
            cells(
                [
                    "№",
                    "Мероприятия",
                    "Основной период",
                    "Резервные дни",
                    "Дополнительный период",
                    "Ответственные",
                ],
                ["1.", "Проведение ЕГЭ по математике", "20.05.2026", "25.06.2026", "10.09.2026", "УО"],
                ["2.", "Собрание выпускников", "15.04.2026", "", "", "ОО"],
            ),
        ),
    )
    result = import_file(WRITERS["html"](doc, tmp_path / "rounds.html"))
    first, second = result.roadmap.measures
    assert isinstance(first.term, TermSequence)
    parts = first.term.items
    assert all(isinstance(p, Compound) and isinstance(p.qualifier, Label) for p in parts)
    assert [
        p.qualifier.reserve for p in parts if isinstance(p, Compound) and isinstance(p.qualifier, Label)
    ] == [
        False,
        True,
        False,
    ]
    assert first.notes == ()  # nothing dropped into notes
    assert second.term.raw == "15.04.2026"  # one filled column is a plain term
    assert "column-to-notes" not in [p.code for p in result.problems]
    rounds = import_text(
        "План на 2025/2026 учебный год\n№\tМероприятия\t1 тур\t2 тур\tОтветственные\n"
        "1.\tОлимпиада\tоктябрь 2025\tдекабрь 2025\tУО\n"
    ).roadmap.measures[0]
    assert isinstance(rounds.term, PerExam)
    assert [label for label, _ in rounds.term.parts] == ["1 тур", "2 тур"]


_STAGE_NAMES = ("Подготовительный этап", "Основной этап", "Заключительный этап", "Организационный этап")
_MONTHS = ("сентябрь", "октябрь", "ноябрь", "декабрь", "январь", "февраль", "март", "апрель", "май", "июнь")


@st.composite
def _stage_plans(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, int]]]:
    """A text conversion of a plan with stage rows, each written as conversions write it: the blank
    cells beside the title and after the deadline kept, or lost (all of them, or some)."""
    extra = draw(st.sampled_from(((), ("Ожидаемый результат",), ("Примечание", "Ожидаемый результат"))))
    header = ["№", "Мероприятия", "Сроки", "Ответственные", *extra]
    lines = ["План подготовки к ГИА на 2025/2026 учебный год", "\t".join(header)]
    stages: list[tuple[str, str, int]] = []
    number = 0
    count = draw(st.integers(1, 4))
    for index in range(count):
        label = ("I", "II", "III", "IV")[index] + draw(st.sampled_from((".", "")))
        name = draw(st.sampled_from(_STAGE_NAMES))
        first, last = sorted(draw(st.lists(st.integers(0, len(_MONTHS) - 1), min_size=2, max_size=2)))
        term = f"{_MONTHS[first]} – {_MONTHS[last]}"
        written = draw(st.sampled_from(("lost", "split", "kept", "partly")))
        if written == "lost":  # every blank cell dropped
            cells_ = [f"{label} {name}", term]
        elif written == "split":  # the label in «№», the name in «Мероприятия»
            cells_ = [label, name, term]
        elif written == "kept":
            cells_ = [f"{label} {name}", "", term, "", *("" for _ in extra)]
        else:  # the blank beside the title kept, the trailing ones lost
            cells_ = [f"{label} {name}", "", term]
        lines.append("\t".join(cells_))
        items = draw(st.integers(1, 3))
        for _ in range(items):
            number += 1
            month = draw(st.sampled_from(_MONTHS))
            year = 2025 if _MONTHS.index(month) < 4 else 2026
            lines.append(f"{number}.\tМероприятие номер {number}\t{month} {year}\tУО\t" + "\t".join(extra))
        stages.append((f"{label} {name}", term, items))
    return "\n".join(lines) + "\n", stages


@settings(max_examples=60, deadline=None)
@given(plan=_stage_plans())
def test_stage_rows_of_a_text_conversion_keep_their_term(
    plan: tuple[str, list[tuple[str, str, int]]],
) -> None:
    """However the conversion dropped a stage row's blank cells, the row is a section with its window
    (the deadline is never glued to the heading) and the items under it are its measures."""
    text, stages = plan
    sections = import_text(text).roadmap.sections
    assert [" ".join(s.heading.split()) for s in sections] == [heading for heading, _, _ in stages]
    assert [s.term.raw if s.term else None for s in sections] == [term for _, term, _ in stages]
    assert [len(s.measures) for s in sections] == [items for _, _, items in stages]
