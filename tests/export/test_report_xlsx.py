"""The execution report as XLSX (#18 part 8): the workbook holds exactly the report's rows and counts."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import strategies as gst
from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.io import execution_report_xlsx_bytes
from gia_roadmap.plan import Roadmap, RoadmapBuilder, execution_report, mark

CALENDAR = RussianCalendar()


def _plan() -> Roadmap:
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
        .measure("2", "Обучение организаторов ППЭ", "до 20.11.2025", "ИМЦ")
        .measure("3", "=Проверка готовности ППЭ", "до 05.12.2025", "УО, ИМЦ")
        .build()
    )
    return mark(plan, "3", cancelled=dt.date(2025, 11, 1), reported_by="УО")


def test_the_workbook_holds_the_report() -> None:
    report = execution_report(_plan(), dt.date(2025, 12, 1), CALENDAR)
    book = openpyxl.load_workbook(io.BytesIO(execution_report_xlsx_bytes(report)))
    sheet = book["Отчёт"]
    assert sheet["A2"].value == report.summary()
    rows = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows[0] == list(report.to_records()[0])
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert rows[1][6] == dt.datetime(2025, 10, 10)  # done on, a real date
    assert rows[2][4] == "просрочено"
    assert rows[3][1] == "=Проверка готовности ППЭ"  # text, never a formula
    assert sheet["B7"].data_type == "s"
    parties = {r[0]: r[1:] for r in book["По ответственным"].iter_rows(min_row=2, values_only=True)}
    assert set(parties) == {"УО", "ИМЦ"}
    assert parties["УО"][-1] == 2  # a measure with two parties counts for both
    english = openpyxl.load_workbook(io.BytesIO(execution_report_xlsx_bytes(report, lang="en")))
    assert english.sheetnames == ["Report", "By responsible party"]
    with pytest.raises(InvalidValueError):
        execution_report_xlsx_bytes(report, lang="de")  # type: ignore[arg-type]


@settings(max_examples=10, deadline=None)
@given(plan=gst.roadmaps(size=(1, 6)), day=st.dates(dt.date(2022, 9, 1), dt.date(2027, 6, 30)))
def test_counts_by_party_add_up_to_the_report(plan: Roadmap, day: dt.date) -> None:
    report = execution_report(plan, day, CALENDAR)
    book = openpyxl.load_workbook(io.BytesIO(execution_report_xlsx_bytes(report)))
    rows = list(book["Отчёт"].iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(report.rows)
    totals = {r[0]: r[-1] for r in book["По ответственным"].iter_rows(min_row=2, values_only=True)}
    assert totals == {party: sum(c.values()) for party, c in report.by_responsible().items()}
