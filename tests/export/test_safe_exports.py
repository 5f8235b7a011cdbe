"""Safe exports (issue 19, part 3): texts that a spreadsheet would evaluate, control characters and
property injection, through every export. Each hostile text is built from the rule it attacks."""

from __future__ import annotations

import io as _io
import re
import zipfile
from typing import Any

import docx
import icalendar
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from gia_roadmap.calendar import parse_term
from gia_roadmap.errors import Problem
from gia_roadmap.io.export_csv import csv_text, to_csv
from gia_roadmap.io.export_docx import to_docx_bytes
from gia_roadmap.io.export_html import to_html
from gia_roadmap.io.export_ics import to_ics
from gia_roadmap.io.export_table_xlsx import to_table_xlsx_bytes
from gia_roadmap.io.export_xlsx import to_xlsx_bytes
from gia_roadmap.io.safe_text import (
    DROPPED_CONTROL_CHARACTER,
    ExportWarning,
    export_text,
    guard_csv_cell,
    unguard_csv_cell,
)
from gia_roadmap.io.sources import read_delimited
from gia_roadmap.plan import Measure, MeasureNumber, Roadmap, Section

FORMULAS = ("=1+2", "+7 (999) 123-45-67", "@SUM(A1)", "-1+2", "-(1)", '=HYPERLINK("http://x")')
PLAIN = ("- провести совещание", "-провести", "—(тире)", "'уже в кавычке", "1+1=2")
BREAKS = ("строка 1\vстрока 2", "a\fb", "a\u2028b", "a\u2029b", "a\x85b", "a\r\nb", "a\rb", "a\x1eb")
DROPPED = ("a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\ufffeb", "a\uffffb")


def _plan(texts: tuple[str, ...], plan_id: str = "demo") -> Roadmap:
    measures = tuple(
        Measure(
            number=MeasureNumber.parse(f"{i + 1}."),
            ordinal=i,
            title=text,
            term=parse_term("ноябрь 2023"),
            responsible_raw=text,
        )
        for i, text in enumerate(texts)
    )
    return Roadmap(
        plan_id, title=texts[0], issuer=texts[-1], sections=(Section("1. Раздел", measures=measures),)
    )


def _cell_xml(data: bytes) -> str:
    with zipfile.ZipFile(_io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )


@pytest.mark.parametrize("write", [to_xlsx_bytes, to_table_xlsx_bytes], ids=["report", "table"])
def test_xlsx_text_is_a_string_cell_never_a_formula_and_unchanged(write: Any) -> None:
    texts = FORMULAS + PLAIN
    data = write(_plan(texts), findings=[]) if write is to_xlsx_bytes else write(_plan(texts))
    assert "<f>" not in _cell_xml(data)
    book = openpyxl.load_workbook(_io.BytesIO(data))
    values = {c.value: c.data_type for sheet in book for row in sheet.iter_rows() for c in row if c.value}
    for text in texts:
        assert values.get(text) == "s", text  # the title cell holds the text exactly, as a string


@pytest.mark.parametrize(
    "write",
    [
        lambda plan, problems: to_xlsx_bytes(plan, findings=[], problems=problems),
        lambda plan, problems: to_table_xlsx_bytes(plan, problems=problems),
        lambda plan, problems: to_docx_bytes(plan, problems=problems),
        lambda plan, problems: to_html(plan, findings=[], problems=problems),
        lambda plan, problems: to_ics(plan, problems=problems),
    ],
    ids=["xlsx", "table-xlsx", "docx", "html", "ics"],
)
def test_control_characters_never_crash_an_export_and_drops_are_reported(write: Any) -> None:
    problems: list[Problem] = []
    write(_plan(BREAKS + DROPPED), problems)
    dropped = [p for p in problems if p.code == DROPPED_CONTROL_CHARACTER]
    assert dropped
    assert all("U+" in p.message for p in dropped)
    assert {p.location.plan for p in dropped if p.location.plan} <= {"demo"}
    clean: list[Problem] = []
    write(_plan(BREAKS), clean)  # line breaks are mapped, not dropped
    assert clean == []


def test_without_a_problem_list_a_drop_is_a_warning() -> None:
    with pytest.warns(ExportWarning, match="U\\+0007"):
        to_docx_bytes(_plan(("a\x07b",)))


def test_vertical_tab_is_a_line_break_in_docx_and_xlsx() -> None:
    text = "Совещание\vс руководителями ОО"
    document = docx.Document(_io.BytesIO(to_docx_bytes(_plan((text,)))))
    paragraphs = [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    assert "Совещание" in paragraphs
    assert "с руководителями ОО" in paragraphs
    book = openpyxl.load_workbook(_io.BytesIO(to_table_xlsx_bytes(_plan((text,)))))
    values = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
    assert "Совещание\nс руководителями ОО" in values


def test_ics_properties_cannot_be_injected() -> None:
    hostile = "x\r\nX-INJECTED:1\r\nBEGIN:VALARM"
    plan = _plan((hostile, "Итоги\nSUMMARY:подмена", "a,b;c\\d"), plan_id="plan\r\nX-INJECTED:2")
    text = to_ics(plan, problems=[])
    assert "\r\nX-INJECTED" not in text
    assert "\r\nBEGIN:VALARM" not in text
    assert "\r\nSUMMARY:подмена" not in text
    first: Any = icalendar.Calendar.from_ical(text)
    events = list(first.walk("VEVENT"))
    assert len(events) == 3
    assert not any("X-INJECTED" in component for component in first.walk())
    second = IcsCalendarStream.calendar_from_ics(text).events
    for event in second:
        assert re.fullmatch(r"[A-Za-z0-9._-]+@gia-roadmap", event.uid)
    assert second[0].summary == "п. 1. x X-INJECTED:1 BEGIN:VALARM"  # one line: a title, nothing more
    assert "a,b;c\\d" in (second[2].summary or "")


def test_html_escapes_and_drops_control_characters() -> None:
    page = to_html(_plan(("<script>alert(1)</script>", "a\x00b&")), findings=[], problems=[])
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "\x00" not in page
    assert "ab&amp;" in page


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_guards_what_a_spreadsheet_would_evaluate(text: str) -> None:
    assert guard_csv_cell(text) == "'" + text
    assert unguard_csv_cell(guard_csv_cell(text)) == text


@pytest.mark.parametrize("text", PLAIN)
def test_csv_leaves_other_text_as_written(text: str) -> None:
    assert guard_csv_cell(text) == text
    assert unguard_csv_cell(text) == text


_FORMULA_START = re.compile(r"[=+@]|-[0-9(]")


@given(st.text(alphabet=st.sampled_from("'=+@-(0a ")) | st.text())
def test_csv_guard_round_trips_every_text_and_leaves_no_formula(text: str) -> None:
    guarded = guard_csv_cell(text)
    assert unguard_csv_cell(guarded) == text
    assert not _FORMULA_START.match(guarded)


def test_csv_export_reads_back_through_our_reader_unchanged() -> None:
    texts = FORMULAS + PLAIN + ("''=1", 'многострочный\nтекст; с «кавычками» "и" разделителями')
    text = csv_text(("Мероприятие",), [(t,) for t in texts])
    assert "\n=" not in text
    assert "\n+" not in text
    (grid,), problems = read_delimited(text, delimiter=";")
    assert problems == ()
    assert [row.cells[0].raw for row in grid.rows] == ["Мероприятие", *texts]  # type: ignore[union-attr]


def test_csv_export_of_a_plan() -> None:
    plan = _plan(FORMULAS)
    text = to_csv(plan)
    (grid,), _ = read_delimited(text, delimiter=";")
    titles = [row.cells[2].raw for row in grid.rows[1:]]  # type: ignore[union-attr]
    assert titles == list(FORMULAS)


@given(st.text())
def test_export_text_maps_breaks_and_drops_the_rest(text: str) -> None:
    cleaned, dropped = export_text(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff\r\x85\u2028\u2029]", cleaned)
    assert len(cleaned) + len(dropped) <= len(text)
    assert export_text(cleaned) == (cleaned, "")
