"""Round trips through the real formats: each bundled example written as a Word table (DOCX) and as a
plain plan sheet (XLSX), read back with ``import_file``, equals the original in every field a table
carries (``table_view`` states the three normalisations and why)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from gia_roadmap import examples
from gia_roadmap.io import ImportOptions, import_file
from gia_roadmap.io.export_docx import write_docx
from gia_roadmap.io.export_table_xlsx import write_table_xlsx
from gia_roadmap.io.roundtrip import table_view
from gia_roadmap.plan.model import Roadmap

WRITERS = {"docx": write_docx, "xlsx": write_table_xlsx}


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
