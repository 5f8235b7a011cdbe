"""Exports carry the whole plan (#18 part 7): dependencies, trained categories, execution marks, slack,
the critical path and notes reach the CSV, XLSX, DataFrame and HTML exports."""

from __future__ import annotations

import datetime as dt
import io as stdio

from openpyxl import load_workbook

from gia_roadmap import io
from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.io.export_common import PLAN_COLUMNS
from gia_roadmap.plan import Roadmap, RoadmapBuilder

CALENDAR = RussianCalendar()


def _plan() -> Roadmap:
    return (
        RoadmapBuilder("whole", school_year="2025/26")
        .section("1. Обучение")
        .measure(
            "1.1",
            "Приказ об обучении",
            "15.10.2025",
            "УО",
            done="2025-10-14",
            evidence="приказ № 345",
            reported_by="УО",
        )
        .measure(
            "1.2",
            "Обучение организаторов ППЭ",
            "октябрь 2025",
            "ИМЦ",
            trains="организаторы ППЭ",
            after="1.1",
            notes=("по графику РЦОИ",),
        )
        .build()
    )


def test_the_plan_rows_hold_every_part() -> None:
    first, second = io.measure_rows(_plan(), CALENDAR)
    assert (first.execution, first.done_on, first.evidence, first.reported_by) == (
        "done",
        dt.date(2025, 10, 14),
        "приказ № 345",
        "УО",
    )
    assert second.dependencies == ("FS 1.1",)
    assert second.categories == ("организаторы в ППЭ",)
    assert second.notes == ("по графику РЦОИ",)
    assert (first.critical, second.critical) == (True, True)
    assert second.slack == CALENDAR.working_days_between(dt.date(2025, 10, 15), dt.date(2025, 10, 31))


def test_xlsx_and_csv_carry_them() -> None:
    sheet = load_workbook(stdio.BytesIO(io.to_xlsx_bytes(_plan(), CALENDAR)))["План"]
    header = [c.value for c in sheet[4]]
    assert header == list(PLAN_COLUMNS)
    second = {name: cell.value for name, cell in zip(header, sheet[6], strict=True)}
    assert second["Зависимости"] == "FS 1.1"
    assert second["Обучаемые категории"] == "организаторы в ППЭ"
    assert second["Примечания"] == "по графику РЦОИ"
    assert second["Критический путь"] == "да"
    first = {name: cell.value for name, cell in zip(header, sheet[5], strict=True)}
    assert first["Исполнение"] == "выполнено"
    assert first["Подтверждение"] == "приказ № 345"
    text = io.to_csv(_plan(), CALENDAR)
    assert "FS 1.1" in text
    assert "организаторы в ППЭ" in text


def test_dataframe_and_html_carry_them() -> None:
    frame = io.to_dataframe(_plan(), CALENDAR)
    assert list(frame["dependencies"]) == [(), ("FS 1.1",)]
    assert list(frame["execution"]) == ["done", "planned"]
    assert frame["slack"].dtype.name == "Int64"
    page = io.to_html(_plan(), CALENDAR)
    assert "FS 1.1" in page
    assert "выполнено 14.10.2025: приказ № 345 (УО)" in page
    assert "организаторы в ППЭ" in page
