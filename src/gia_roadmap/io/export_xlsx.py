"""XLSX export (openpyxl): the roadmap with resolved dates beside the raw «Сроки», and the findings.

Sheet «План» has one row per measure: section, number as written, title, «Сроки» as written, the
deadline form, the first start and the last end as real Excel dates, every resolved window, the
resolution status (and why it did not resolve), the responsible cell as written and the parties read
from it, and the exam scopes. Sheet «Замечания» lists the findings (those of ``check()``, or the
ones given; see :func:`~gia_roadmap.io.export_common.findings_for`).
Every text is a string-typed cell, never a formula, and unchanged («=…», «+7 …», «- провести …» stay as
written); control characters are mapped or dropped and reported (:mod:`gia_roadmap.io.safe_text`).

>>> import io as _io
>>> import openpyxl
>>> from gia_roadmap import examples
>>> from gia_roadmap.io.export_xlsx import to_xlsx_bytes
>>> book = openpyxl.load_workbook(_io.BytesIO(to_xlsx_bytes(examples.load("smolensk-gia-2023"))))
>>> book.sheetnames
['План', 'Замечания']
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

import attrs
import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Location, Problem
from gia_roadmap.io.export_common import PLAN_COLUMNS, FindingRow, findings_for, measure_rows, plan_values
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.io.xlsx_cells import CellValue, put_cell
from gia_roadmap.plan.model import Roadmap

__all__ = ["PLAN_COLUMNS", "to_xlsx_bytes", "write_xlsx"]

_WIDTHS = (30, 8, 60, 28, 14, 12, 12, 28, 12, 24, 30, 40, 14, 30)
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _put(
    sheet: Worksheet,
    row: int,
    column: int,
    value: CellValue,
    cleaner: TextCleaner,
    location: Location | None = None,
) -> None:
    put_cell(sheet, row, column, value, cleaner, location).alignment = _WRAP


def _header(sheet: Worksheet, row: int, names: Iterable[str], cleaner: TextCleaner) -> None:
    for column, name in enumerate(names, start=1):
        cell = put_cell(sheet, row, column, name, cleaner)
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.alignment = _WRAP


def _plan_sheet(
    sheet: Worksheet,
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None,
    options: ResolveOptions | None,
    cleaner: TextCleaner,
) -> None:
    sheet.title = "План"
    plan = Location(plan=roadmap.id)
    title = put_cell(sheet, 1, 1, roadmap.title or roadmap.id, cleaner, attrs.evolve(plan, field="title"))
    title.font = Font(bold=True, size=12)
    order = roadmap.orders[0] if roadmap.orders else None
    info = [roadmap.issuer]
    if order is not None:
        date = f"{order.date:%d.%m.%Y}" if order.date else ""
        info.append(f"приказ от {date} № {order.number}".strip())
    if roadmap.school_year is not None:
        info.append(f"{roadmap.school_year} учебный год")
    put_cell(sheet, 2, 1, " · ".join(i for i in info if i), cleaner, attrs.evolve(plan, field="issuer"))
    _header(sheet, 4, PLAN_COLUMNS, cleaner)
    for offset, item in enumerate(measure_rows(roadmap, calendar, events, options)):
        row = 5 + offset
        where = attrs.evolve(plan, measure=item.number)
        for column, value in enumerate(plan_values(item), start=1):
            _put(sheet, row, column, value, cleaner, where)
        for column in (6, 7):
            sheet.cell(row=row, column=column).number_format = "DD.MM.YYYY"
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "D5"
    sheet.auto_filter.ref = f"A4:{get_column_letter(len(PLAN_COLUMNS))}{4 + max(1, sheet.max_row - 4)}"


def _findings_sheet(sheet: Worksheet, findings: tuple[FindingRow, ...], cleaner: TextCleaner) -> None:
    _header(sheet, 1, ("Код", "Уровень", "Сообщение", "Где"), cleaner)
    for offset, finding in enumerate(findings):
        for column, value in enumerate(
            (finding.code, finding.severity, finding.message, finding.where), start=1
        ):
            _put(sheet, 2 + offset, column, value, cleaner)
    for column, width in enumerate((18, 10, 90, 40), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def to_xlsx_bytes(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    findings: Iterable[FindingRow | Problem] | None = None,
    problems: list[Problem] | None = None,
) -> bytes:
    """The workbook as bytes (sheets «План» and «Замечания»).

    Args:
        problems: receives a ``dropped-control-character`` problem for every text that held a
            character XLSX cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` is issued
            instead when None).
    """
    cleaner = TextCleaner("XLSX", problems)
    book = openpyxl.Workbook()
    plan = book.active
    assert plan is not None
    _plan_sheet(plan, roadmap, calendar, events, options, cleaner)
    found = findings_for(roadmap, findings, calendar, events)
    _findings_sheet(book.create_sheet("Замечания"), found, cleaner)
    book.properties.title = cleaner(roadmap.title or roadmap.id, Location(plan=roadmap.id, field="title"))
    book.properties.creator = "gia_roadmap"
    buffer = io.BytesIO()
    book.save(buffer)
    cleaner.finish()
    return buffer.getvalue()


def write_xlsx(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    findings: Iterable[FindingRow | Problem] | None = None,
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`to_xlsx_bytes` to ``path``."""
    data = to_xlsx_bytes(roadmap, calendar, events, options=options, findings=findings, problems=problems)
    Path(path).write_bytes(data)
