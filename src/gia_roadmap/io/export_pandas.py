"""A pandas DataFrame of a roadmap: one row per measure (optional extra ``pandas``, imported lazily).

Columns: ``id``, ``section``, ``section_kind``, ``number``, ``title``, ``term_raw``, ``term_kind``,
``start``, ``end`` (``datetime64``, NaT when unresolved), ``windows`` (a tuple of
:class:`~gia_roadmap.calendar.DateWindow`), ``status``, ``reason``, ``responsible`` (a tuple of
phrases), ``responsible_raw``, ``exam_scope`` (a tuple of labels), ``dependencies`` (a tuple of «FS 1.2»),
``categories`` (a tuple of trained categories), ``execution`` («planned», «done», «cancelled»), ``done_on``
(``datetime64``), ``evidence``, ``reported_by``, ``notes`` (a tuple), ``slack`` (working days, nullable
integer) and ``critical`` (on the critical path).

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
    "dependencies",
    "categories",
    "execution",
    "done_on",
    "evidence",
    "reported_by",
    "notes",
    "slack",
    "critical",
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
        {name: getattr(row, name) for name in DATAFRAME_COLUMNS}
        for row in measure_rows(roadmap, calendar, events, options)
    ]
    frame = pandas.DataFrame.from_records(records, columns=list(DATAFRAME_COLUMNS))
    for column in ("start", "end", "done_on"):
        frame[column] = pandas.to_datetime(frame[column])
    frame["slack"] = frame["slack"].astype("Int64")
    return frame
