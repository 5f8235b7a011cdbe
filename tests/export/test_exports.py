"""Exports: iCalendar parsed back with icalendar, XLSX with openpyxl, the DataFrame, the HTML report."""

from __future__ import annotations

import datetime as dt
import io as _io
from pathlib import Path
from typing import Any

import icalendar
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap import examples
from gia_roadmap.calendar import DateWindow, parse_term
from gia_roadmap.io.export_common import FindingRow, findings_for, measure_rows
from gia_roadmap.io.export_html import to_html, write_html
from gia_roadmap.io.export_ics import escape_text, fold_line
from gia_roadmap.io.export_xlsx import PLAN_COLUMNS, to_xlsx_bytes, write_xlsx
from gia_roadmap.io.safe_text import export_text
from gia_roadmap.plan import Measure, MeasureNumber, Roadmap, Section


def _tiny(title: str = "Совещание; «итоги», часть 1\\2") -> Roadmap:
    measure = Measure(number=MeasureNumber.parse("1.1."), title=title, term=parse_term("ноябрь 2023"))
    return Roadmap("tiny", title="План <b>&</b>", sections=(Section("1. Раздел", measures=(measure,)),))


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(",;\\\n"), max_size=300
    )
)
def test_escape_and_fold_round_trip(text: str) -> None:
    line = "SUMMARY:" + escape_text(text)
    folded = fold_line(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    event: Any = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{folded}\r\nEND:VEVENT\r\n")
    assert str(event["SUMMARY"]) == export_text(text)[0]


@pytest.mark.parametrize("name", ["yurga-2024", "altai-2024"])
def test_xlsx_reads_back(name: str, tmp_path: Path) -> None:
    roadmap = examples.load(name)
    write_xlsx(roadmap, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    plan, findings = book["План"], book["Замечания"]
    assert [c.value for c in plan[4]] == list(PLAN_COLUMNS)
    rows = measure_rows(roadmap)
    assert plan.max_row - 4 == len(rows)
    for offset, row in enumerate(rows[:40]):
        values = [c.value for c in plan[5 + offset]]
        assert values[1] == (row.number or None)
        assert values[3] == (row.term_raw or None)
        start = values[5]
        assert (start.date() if isinstance(start, dt.datetime) else None) == row.start
    assert findings.max_row - 1 == len(findings_for(roadmap))


def test_xlsx_text_is_never_a_formula() -> None:
    book = openpyxl.load_workbook(_io.BytesIO(to_xlsx_bytes(_tiny("=1+1"), findings=[])))
    cell = book["План"]["C5"]
    assert cell.value == "=1+1"
    assert cell.data_type == "s"
    assert book["Замечания"].max_row == 1


def test_dataframe() -> None:
    pandas = pytest.importorskip("pandas")
    from gia_roadmap.io.export_pandas import DATAFRAME_COLUMNS, to_dataframe

    frame = to_dataframe(examples.load("kogalym-2022"))
    assert tuple(frame.columns) == DATAFRAME_COLUMNS
    assert len(frame) == 99
    assert frame["start"].dtype.kind == "M"
    assert frame.loc[0, "start"] == pandas.Timestamp(2021, 8, 1)


def test_html_report_escapes_and_is_self_contained(tmp_path: Path) -> None:
    page = to_html(
        _tiny("<script>alert(1)</script> & «ГИА»"), findings=[FindingRow("X1", "warning", "<b>", "1.1.")]
    )
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; «ГИА»" in page
    assert "План &lt;b&gt;&amp;&lt;/b&gt;" in page
    assert "&lt;b&gt;" in page
    assert "http://" not in page
    assert "https://" not in page
    assert "<link" not in page
    write_html(examples.load("altai-2024"), tmp_path / "report.html")
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert text.count('class="bar') >= 100
    assert "Замечания" in text


def test_findings_hook_prefers_given_rows() -> None:
    given_rows = [FindingRow("A", "info", "m", "w")]
    assert findings_for(_tiny(), given_rows) == tuple(given_rows)
    assert DateWindow(dt.date(2024, 1, 1), dt.date(2024, 1, 2)).days == 2
