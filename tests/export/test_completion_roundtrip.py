"""Execution tracking survives the plan tables: a status (done or cancelled with its date, the evidence,
who reported it, the note) is written to the completion column «Отметка о выполнении» and read back by
the importer unchanged, in every table format we write (DOCX, XLSX, CSV)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap import strategies as gst
from gia_roadmap.io import ImportOptions, import_file
from gia_roadmap.io.completion import COMPLETION_HEADER, read_completion, write_completion
from gia_roadmap.io.export_docx import write_docx
from gia_roadmap.io.export_table_csv import write_table_csv
from gia_roadmap.io.export_table_xlsx import write_table_xlsx
from gia_roadmap.io.importing import parse_document_date
from gia_roadmap.plan import Roadmap, RoadmapBuilder, Section, Status, StatusKind, mark

WRITERS: dict[str, Callable[[Roadmap, Path], None]] = {
    "docx": write_docx,
    "xlsx": write_table_xlsx,
    "csv": write_table_csv,
}


def _collapsed(status: Status) -> Status:
    """The status as a table cell carries it: white space inside each text collapsed (as the importer
    does for every cell)."""
    return attrs.evolve(
        status,
        note=" ".join(status.note.split()),
        evidence=" ".join(status.evidence.split()),
        reported_by=" ".join(status.reported_by.split()),
    )


def _round_trip(plan: Roadmap, folder: Path, kind: str) -> Roadmap:
    path = folder / f"plan.{kind}"
    WRITERS[kind](plan, path)
    return import_file(path, ImportOptions(plan_ids=(plan.id,))).roadmap


@settings(max_examples=300)
@given(status=gst.statuses())
def test_a_written_cell_reads_back_to_its_status(status: Status) -> None:
    cell = write_completion(status, parse_document_date)
    assert read_completion(cell, parse_document_date) == _collapsed(status)


@given(status=gst.statuses())
def test_a_cell_read_and_written_again_is_unchanged(status: Status) -> None:
    """Writing is idempotent on what was read: a cell as the importer read it is written as it was."""
    cell = write_completion(status, parse_document_date)
    again = write_completion(read_completion(cell, parse_document_date), parse_document_date)
    assert again == cell


def _with_statuses(section: Section, statuses: list[Status]) -> Section:
    measures = tuple(attrs.evolve(m, status=statuses.pop()) for m in section.measures)
    subgroups = tuple(_with_statuses(s, statuses) for s in section.subgroups)
    return attrs.evolve(section, measures=measures, subgroups=subgroups)


@st.composite
def _tracked_plans(draw: st.DrawFn) -> Roadmap:
    """A realistic plan (``strategies.roadmaps``) whose measures carry generated statuses: planned,
    done or cancelled, with or without the date, evidence, reporter and note."""
    plan = draw(gst.roadmaps(size=(1, 6)))
    statuses = [_collapsed(draw(gst.statuses())) for _ in plan.measures]
    return attrs.evolve(plan, sections=tuple(_with_statuses(s, statuses) for s in plan.sections))


@pytest.mark.parametrize("kind", sorted(WRITERS))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=_tracked_plans())
def test_statuses_round_trip_through_the_plan_tables(
    kind: str, plan: Roadmap, tmp_path_factory: pytest.TempPathFactory
) -> None:
    back = _round_trip(plan, tmp_path_factory.mktemp(kind), kind)
    assert [(m.number.raw, m.title) for m in back.measures] == [
        (m.number.raw, m.title) for m in plan.measures
    ]
    assert [m.status for m in back.measures] == [m.status for m in plan.measures]


def test_a_measure_marked_done_comes_back_done(tmp_path: Path) -> None:
    plan = (
        RoadmapBuilder("mo-2026", school_year="2025/26")
        .measure(
            "1",
            "Приказ о подготовке к ГИА",
            "до 15.10.2025",
            "УО",
            done="2025-10-10",
            evidence="приказ № 345",
        )
        .measure("2", "Обучение организаторов ППЭ", "ноябрь 2025", "ИМЦ")
        .build()
    )
    plan = mark(plan, "2", cancelled=dt.date(2025, 11, 1), reported_by="ИМЦ", note="обучение проводит РЦОИ")
    path = tmp_path / "plan.xlsx"
    write_table_xlsx(plan, path)
    sheet = openpyxl.load_workbook(path)["План"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0] == "№ п/п")
    column = header.index(COMPLETION_HEADER)
    cells = [r[column] for r in rows[rows.index(header) + 1 :]]
    assert cells == [
        "Выполнено 10.10.2025\nПодтверждение: приказ № 345",
        "Отменено 01.11.2025\nСообщил: ИМЦ\nПримечание: обучение проводит РЦОИ",
    ]
    first, second = import_file(path).roadmap.measures
    assert first.status == Status(StatusKind.DONE, dt.date(2025, 10, 10), evidence="приказ № 345")
    assert first.evidence == ""  # the document that shows it was done is the status's, not the planned kind
    assert second.status == plan.measures[1].status


def test_a_plan_without_marks_has_no_completion_column(tmp_path: Path) -> None:
    plan = (
        RoadmapBuilder("mo-2026", school_year="2025/26").measure("1", "Совещание", "май 2026", "УО").build()
    )
    path = tmp_path / "plan.xlsx"
    write_table_xlsx(plan, path)
    values = {c.value for row in openpyxl.load_workbook(path)["План"].iter_rows() for c in row}
    assert COMPLETION_HEADER not in values


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Выполнено 12.10.2025", Status(StatusKind.DONE, dt.date(2025, 10, 12))),
        (
            "исполнено 20.03.2026, протокол совещания № 2",
            Status(
                StatusKind.DONE,
                dt.date(2026, 3, 20),
                "исполнено 20.03.2026, протокол совещания № 2",
                "20.03.2026, протокол совещания № 2",
            ),
        ),
        ("в работе", Status(note="в работе")),
        ("Примечание: выполнено частично", Status(note="выполнено частично")),
        (
            "Выполнено\nРеквизиты документа: приказ от 01.09.2025 № 12\nКто сообщил: Иванова И.И.",
            Status(StatusKind.DONE, None, evidence="приказ от 01.09.2025 № 12", reported_by="Иванова И.И."),
        ),
        (
            "Отменено 01.05.2026\nКомментарий: перенесено\nна следующий год",
            Status(StatusKind.CANCELLED, dt.date(2026, 5, 1), "перенесено на следующий год"),
        ),
    ],
)
def test_completion_cells(cell: str, expected: Status) -> None:
    assert read_completion(cell, parse_document_date) == expected
