"""CSV export: the plan table (the columns of the XLSX «План» sheet) as a spreadsheet-safe CSV file.

One row per measure under the header :data:`~gia_roadmap.io.export_common.PLAN_COLUMNS`: section,
number as written, title, «Сроки» as written, the deadline form, the first start and the last end
(``ДД.ММ.ГГГГ``), every resolved window, the resolution status and reason, the responsible cell as
written and the parties read from it, the exam scopes and the measure's identity. Written with the
standard :mod:`csv` module: «;» between fields (Russian Excel's default), quotes where needed, CR LF
line ends, UTF-8 with a byte-order mark so that Excel shows Cyrillic.

**Spreadsheet safety.** A cell a spreadsheet would evaluate — starting with ``=``, ``+`` or ``@``, or
with ``-`` followed by a digit or ``(`` — is written with a leading apostrophe
(:func:`~gia_roadmap.io.safe_text.guard_csv_cell`). Our CSV reader removes exactly that apostrophe
again, so the cells read back are the texts written. Control characters are written as they are (CSV
carries any text).

>>> from gia_roadmap.testing import PlanBuilder
>>> plan = PlanBuilder("demo").measure("1", "=ИТОГ(1)", term="май 2024").build()
>>> to_csv(plan).splitlines()[1].split(";")[:3]
['', '1', "'=ИТОГ(1)"]
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.io.export_common import PLAN_COLUMNS, PlanValue, measure_rows, plan_values
from gia_roadmap.io.safe_text import guard_csv_cell
from gia_roadmap.plan.model import Roadmap

__all__ = ["csv_text", "to_csv", "write_csv"]


def _text(value: PlanValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return f"{value:%d.%m.%Y}"


def csv_text(header: tuple[str, ...], rows: list[tuple[PlanValue, ...]], *, delimiter: str = ";") -> str:
    """A table as CSV text: ``header`` then ``rows``, every cell guarded
    (:func:`~gia_roadmap.io.safe_text.guard_csv_cell`), dates as ``ДД.ММ.ГГГГ``, CR LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([guard_csv_cell(name) for name in header])
    for row in rows:
        writer.writerow([guard_csv_cell(_text(value)) for value in row])
    return buffer.getvalue()


def to_csv(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    delimiter: str = ";",
) -> str:
    """The plan table of ``roadmap`` as CSV text (see the module docstring)."""
    rows = [plan_values(row) for row in measure_rows(roadmap, calendar, events, options)]
    return csv_text(PLAN_COLUMNS, rows, delimiter=delimiter)


def write_csv(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    delimiter: str = ";",
) -> None:
    """Write :func:`to_csv` to ``path`` (UTF-8 with a byte-order mark, for Excel).

    Raises:
        InvalidValueError: a text holds a lone surrogate, which UTF-8 cannot encode (nothing is written).
    """
    text = to_csv(roadmap, calendar, events, options=options, delimiter=delimiter)
    Path(path).write_bytes(csv_bytes(text, f"roadmap {roadmap.id!r} as CSV to {path}"))


def csv_bytes(text: str, what: str) -> bytes:
    """CSV text as UTF-8 with a byte-order mark (so that Excel shows Cyrillic).

    Raises:
        InvalidValueError: the text holds a lone surrogate, which UTF-8 cannot encode; the message
            names ``what`` was being written and the line.
    """
    try:
        return text.encode("utf-8-sig")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        raise InvalidValueError(
            f"cannot write {what}: line {line} holds "
            f"{text[error.start]!r}, which UTF-8 cannot encode (a lone surrogate); remove it"
        ) from None
