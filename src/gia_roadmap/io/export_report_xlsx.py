"""XLSX export of the execution report («отчёт об исполнении на дату»,
:func:`gia_roadmap.plan.execution_report`): the workbook an official sends up the chain.

Sheet «Отчёт» holds the plan's title, the report's head line («На 01.03.2026: выполнено 3, просрочено
1, …») and one row per measure with the report's columns (№, measure, responsible, due date, state,
days overdue, the date it was done, the evidence, who reported it); the due and done dates are real
Excel dates, an overdue row is shaded red, an at-risk one amber, a done one green. Sheet «По
ответственным» counts each responsible party's measures by state (a measure with two parties counts for
both), with a total. Column names and states are Russian by default, English with ``lang="en"``. Every
text is a string-typed cell, never a formula (:mod:`gia_roadmap.io.xlsx_cells`).

>>> import datetime as dt, io as _io
>>> import openpyxl
>>> from gia_roadmap.calendar import RussianCalendar
>>> from gia_roadmap.plan import RoadmapBuilder, execution_report
>>> plan = (
...     RoadmapBuilder("mo-2026", school_year="2025/26")
...     .measure("1", "Приказ о подготовке к ГИА", "до 15.10.2025", "УО", done="2025-10-10")
...     .measure("2", "Обучение организаторов ППЭ", "до 20.11.2025", "ИМЦ")
...     .build()
... )
>>> report = execution_report(plan, dt.date(2025, 12, 1), RussianCalendar())
>>> book = openpyxl.load_workbook(_io.BytesIO(execution_report_xlsx_bytes(report)))
>>> book.sheetnames
['Отчёт', 'По ответственным']
>>> [c.value for c in book["Отчёт"][6]][:5]
['2', 'Обучение организаторов ППЭ', 'ИМЦ', datetime.datetime(2025, 11, 20, 0, 0), 'просрочено']
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import attrs
import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gia_roadmap.errors import InvalidValueError, Language, Location, Problem
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.io.xlsx_cells import put_cell
from gia_roadmap.plan.execution import ExecutionReport, ExecutionState

__all__ = ["execution_report_xlsx_bytes", "write_execution_report_xlsx"]

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_STATE_FILLS = {
    ExecutionState.OVERDUE: PatternFill("solid", fgColor="F8CBAD"),
    ExecutionState.AT_RISK: PatternFill("solid", fgColor="FFE699"),
    ExecutionState.DONE: PatternFill("solid", fgColor="C6EFCE"),
    ExecutionState.DONE_LATE: PatternFill("solid", fgColor="C6EFCE"),
}
_WIDTHS = (8, 60, 30, 12, 26, 10, 12, 40, 24)
_DATE_COLUMNS = (4, 7)
_SHEETS = {"ru": ("Отчёт", "По ответственным"), "en": ("Report", "By responsible party")}


def _header(sheet: Worksheet, row: int, names: tuple[str, ...], cleaner: TextCleaner) -> None:
    for column, name in enumerate(names, start=1):
        cell = put_cell(sheet, row, column, name, cleaner)
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.alignment = _WRAP


def _report_sheet(sheet: Worksheet, report: ExecutionReport, lang: Language, cleaner: TextCleaner) -> None:
    plan = Location(plan=report.roadmap.id)
    title = put_cell(
        sheet, 1, 1, report.text(lang).splitlines()[0], cleaner, attrs.evolve(plan, field="title")
    )
    title.font = Font(bold=True, size=12)
    put_cell(sheet, 2, 1, report.summary(lang), cleaner)
    records = report.to_records(lang)
    names = tuple(records[0]) if records else ()
    _header(sheet, 4, names, cleaner)
    for offset, (row, record) in enumerate(zip(report.rows, records, strict=True)):
        line = 5 + offset
        where = attrs.evolve(plan, measure=row.row.number)
        for column, value in enumerate(record.values(), start=1):
            cell = put_cell(sheet, line, column, value, cleaner, where)
            cell.alignment = _WRAP
            if column in _DATE_COLUMNS:
                cell.number_format = "DD.MM.YYYY"
            fill = _STATE_FILLS.get(row.state)
            if fill is not None:
                cell.fill = fill
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "C5"
    if names:
        sheet.auto_filter.ref = f"A4:{get_column_letter(len(names))}{4 + max(1, len(records))}"


def _parties_sheet(sheet: Worksheet, report: ExecutionReport, lang: Language, cleaner: TextCleaner) -> None:
    states = [state for state, count in report.counts.items() if count]
    total = "Всего" if lang == "ru" else "Total"
    party = "Ответственный" if lang == "ru" else "Responsible party"
    _header(sheet, 1, (party, *(s.label(lang) for s in states), total), cleaner)
    for offset, (name, counts) in enumerate(report.by_responsible(lang).items()):
        line = 2 + offset
        put_cell(sheet, line, 1, name, cleaner).alignment = _WRAP
        for column, state in enumerate(states, start=2):
            put_cell(sheet, line, column, counts[state], cleaner)
        put_cell(sheet, line, len(states) + 2, sum(counts.values()), cleaner).font = _BOLD
    sheet.column_dimensions["A"].width = 40
    for column in range(2, len(states) + 3):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.freeze_panes = "B2"


def execution_report_xlsx_bytes(
    report: ExecutionReport, *, lang: Language = "ru", problems: list[Problem] | None = None
) -> bytes:
    """The execution report as a workbook (.xlsx bytes): sheets «Отчёт» and «По ответственным».

    Args:
        report: the report (:func:`gia_roadmap.plan.execution_report`).
        lang: «ru» (default) or «en» for the sheet names, columns and states.
        problems: receives a ``dropped-control-character`` problem per text that held a character XLSX
            cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` when None).

    Raises:
        InvalidValueError: ``lang`` is neither «ru» nor «en».
    """
    if lang not in _SHEETS:
        raise InvalidValueError(f"lang must be 'ru' or 'en', got {lang!r}")
    cleaner = TextCleaner("XLSX", problems)
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    report_name, parties_name = _SHEETS[lang]
    first.title = report_name
    _report_sheet(first, report, lang, cleaner)
    _parties_sheet(book.create_sheet(parties_name), report, lang, cleaner)
    book.properties.title = cleaner(report.summary(lang), Location(plan=report.roadmap.id))
    book.properties.creator = "gia_roadmap"
    buffer = io.BytesIO()
    book.save(buffer)
    cleaner.finish()
    return buffer.getvalue()


def write_execution_report_xlsx(
    report: ExecutionReport,
    path: str | os.PathLike[str],
    *,
    lang: Language = "ru",
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`execution_report_xlsx_bytes` to ``path``."""
    Path(path).write_bytes(execution_report_xlsx_bytes(report, lang=lang, problems=problems))
