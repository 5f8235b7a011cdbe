"""Round trips through the real formats: each bundled example, and generated plans, written as a Word
table (DOCX), as a plain plan sheet (XLSX) and as a CSV table, read back with ``import_file``, equals
the original in every field a table carries (``table_view`` states the three normalisations and why)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap import examples
from gia_roadmap.calendar.grammar.phrases import deadline_texts
from gia_roadmap.io import ImportOptions, import_file, import_text
from gia_roadmap.io.export_docx import write_docx
from gia_roadmap.io.export_table_csv import write_table_csv
from gia_roadmap.io.export_table_xlsx import write_table_xlsx
from gia_roadmap.io.roundtrip import table_view
from gia_roadmap.plan.model import Roadmap

WRITERS: dict[str, Callable[[Roadmap, Path], None]] = {
    "docx": write_docx,
    "xlsx": write_table_xlsx,
    "csv": write_table_csv,
}


def _first_difference(a: object, b: object, path: str = "") -> str:
    import attrs

    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} != {type(b).__name__}"
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):  # type: ignore[arg-type]
            x, y = getattr(a, field.name), getattr(b, field.name)
            if x != y:
                return _first_difference(x, y, f"{path}.{field.name}")
    if isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r:.200} != {b!r:.200}"


def _round_trip(roadmap: Roadmap, tmp_path: Path, kind: str) -> Roadmap:
    path = tmp_path / f"{roadmap.id}.{kind}"
    WRITERS[kind](roadmap, path)
    result = import_file(path, ImportOptions(plan_ids=(roadmap.id,)))
    assert len(result.roadmaps) == 1
    return result.roadmap


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("name", examples.names())
def test_example_round_trip(name: str, kind: str, tmp_path: Path) -> None:
    original = examples.load(name)
    back = _round_trip(original, tmp_path, kind)
    assert len(back.measures) == len(original.measures)
    expected, actual = table_view(original), table_view(back)
    assert actual == expected, _first_difference(expected, actual)


def test_table_view_keeps_what_a_table_carries() -> None:
    original = examples.load("kogalym-2022")
    view = table_view(original)
    # only provenance, raw texts and glossary sources are normalised
    assert [m.title for m in view.measures] == [m.title for m in original.measures]
    assert [m.term for m in view.measures] == [m.term for m in original.measures]
    assert [m.level_actions[0].text for m in view.measures] == [
        m.level_actions[0].text for m in original.measures
    ]
    assert [(e.abbreviation, e.expansion) for e in view.glossary.entries] == [
        (e.abbreviation, e.expansion) for e in original.glossary.entries
    ]
    changed = table_view(
        Roadmap(original.id, sections=original.sections[:1], title=original.title + " (изменено)")
    )
    assert changed != table_view(Roadmap(original.id, sections=original.sections[:1], title=original.title))


def test_docx_looks_like_an_official_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write_docx(examples.load("altai-2024"), path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "ПРИКАЗ" in texts
    assert "Приложение 1" in texts
    plan = document.tables[0]
    assert [c.text for c in plan.rows[0].cells][:4] == ["№ п/п", "Мероприятия", "Сроки", "Ответственные"]
    heading = plan.rows[1].cells
    assert heading[0].text.startswith("1. ")
    assert heading[0].text == heading[-1].text  # one cell spanning the row
    glossary = document.tables[-1]
    assert [c.text for c in glossary.rows[0].cells] == ["Сокращение", "Расшифровка"]


def test_xlsx_table_sheets(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_table_xlsx(examples.load("altai-2024"), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["План", "Приложение 1", "Приложение 2", "Сокращения"]
    assert book["Приложение 1"]["A1"].value == "Приложение 1"


_SECTIONS = (
    "Нормативное правовое обеспечение",
    "Организационное сопровождение ГИА",
    "Обучение лиц, привлекаемых к проведению ГИА",
    "Информационное сопровождение",
    "Контроль за организацией и проведением ГИА",
)
_ACTIONS = (
    "Подготовка приказа о",
    "Проведение совещания по вопросам",
    "Организация обучения по",
    "Мониторинг",
)
_OBJECTS = (
    "проведении итогового собеседования",
    "подготовке к ГИА-9 и ГИА-11",
    "работе пунктов проведения экзаменов",
    "информированию родителей выпускников",
    "сопровождению участников ГИА с ОВЗ",
)
_PARTIES = ("УО", "ИМЦ", "руководители ОО", "Петрова А.В., специалист УО", "МОУО, ОО", "РЦОИ")
_RESULTS = ("приказ", "протокол совещания", "аналитическая справка", "")


@st.composite
def _plans(draw: st.DrawFn) -> Roadmap:
    """A plan as the importer reads it: a generated text conversion (title block, header, numbered
    sections and items with deadlines drawn from the deadline grammar, parties, an optional result
    column), imported."""
    year = draw(st.integers(2022, 2026))
    result = draw(st.booleans())
    header = ["№ п/п", "Мероприятия", "Сроки", "Ответственные", *(["Ожидаемый результат"] if result else [])]
    lines = [
        draw(st.sampled_from(("ПЛАН мероприятий («дорожная карта»)", "План мероприятий"))),
        f"по подготовке к проведению ГИА в {year}/{year + 1} учебном году",
        "\t".join(header),
    ]
    for i, section in enumerate(draw(st.lists(st.sampled_from(_SECTIONS), min_size=1, max_size=3)), 1):
        lines.append(f"{i}. {section}" + "\t" * (len(header) - 1))
        for j in range(1, draw(st.integers(1, 4)) + 1):
            title = f"{draw(st.sampled_from(_ACTIONS))} {draw(st.sampled_from(_OBJECTS))}"
            term = " ".join(draw(deadline_texts(year))[0].split())
            cells = [f"{i}.{j}.", title, term, draw(st.sampled_from(_PARTIES))]
            if result:
                cells.append(draw(st.sampled_from(_RESULTS)))
            lines.append("\t".join(cells))
    return import_text("\n".join(lines) + "\n", ImportOptions(plan_ids=("plan",))).roadmap


@pytest.mark.parametrize("kind", sorted(WRITERS))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(plan=_plans())
def test_generated_plans_round_trip(
    kind: str, plan: Roadmap, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Export → import gives the same plan, in every format we write."""
    back = _round_trip(plan, tmp_path_factory.mktemp(kind), kind)
    expected, actual = table_view(plan), table_view(back)
    assert actual == expected, _first_difference(expected, actual)
