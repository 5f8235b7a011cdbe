"""A pandas DataFrame of a roadmap: one row per measure (optional extra ``pandas``, imported lazily).

Columns: ``id``, ``section``, ``section_kind``, ``number``, ``title``, ``term_raw``, ``term_kind``,
``start``, ``end`` (``datetime64``, NaT when unresolved), ``windows`` (a tuple of
:class:`~gia_roadmap.calendar.DateWindow`), ``status``, ``reason``, ``responsible`` (a tuple of
phrases), ``responsible_raw``, ``exam_scope`` (a tuple of labels).

Install with ``pip install gia-roadmap[pandas]``; without pandas, :func:`to_dataframe` raises
:class:`ImportError` with that hint.
"""

from __future__ import annotations

import importlib
from typing import Any

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.io.export_common import measure_rows
from gia_roadmap.plan.model import Roadmap

__all__ = ["DATAFRAME_COLUMNS", "to_dataframe"]

#: The columns of :func:`to_dataframe`, in order.
DATAFRAME_COLUMNS = (
    "id",
    "section",
    "section_kind",
    "number",
    "title",
    "term_raw",
    "term_kind",
    "start",
    "end",
    "windows",
    "status",
    "reason",
    "responsible",
    "responsible_raw",
    "exam_scope",
)


def to_dataframe(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
) -> Any:
    """The measures of ``roadmap`` as a ``pandas.DataFrame`` (see the module docstring).

    Raises:
        ImportError: pandas is not installed (``pip install gia-roadmap[pandas]``).
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install gia-roadmap[pandas]") from exc
    records = [
        {
            "id": row.id,
            "section": row.section,
            "section_kind": row.section_kind,
            "number": row.number,
            "title": row.title,
            "term_raw": row.term_raw,
            "term_kind": row.term_kind,
            "start": row.start,
            "end": row.end,
            "windows": row.windows,
            "status": row.status,
            "reason": row.reason,
            "responsible": row.responsible,
            "responsible_raw": row.responsible_raw,
            "exam_scope": row.exam_scope,
        }
        for row in measure_rows(roadmap, calendar, events, options)
    ]
    frame = pandas.DataFrame.from_records(records, columns=list(DATAFRAME_COLUMNS))
    for column in ("start", "end"):
        frame[column] = pandas.to_datetime(frame[column])
    return frame
