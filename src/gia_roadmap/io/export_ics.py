"""iCalendar (RFC 5545) export: one all-day event per resolved date window of every measure.

Each ``VEVENT`` carries the measure number and title in ``SUMMARY``, the raw «Сроки», the section and
the responsible parties in ``DESCRIPTION``, the section kind in ``CATEGORIES``, and a stable ``UID``
built from the measure's identity (so re-importing an updated plan updates the events instead of
duplicating them). Events are all-day (``VALUE=DATE``) with the exclusive ``DTEND`` the standard
requires (a window 01.11–30.11 ends on ``20231201``). Text is escaped (``\\``, ``;``, ``,`` and newlines)
and lines are folded at 75 octets without splitting a UTF-8 character, so the file opens in common
calendar applications. Written by hand: no dependency.

>>> from gia_roadmap import examples
>>> from gia_roadmap.io.export_ics import to_ics
>>> text = to_ics(examples.load("kogalym-2022"))
>>> text.startswith("BEGIN:VCALENDAR\\r\\n"), text.count("BEGIN:VEVENT") > 50
(True, True)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.io.export_common import MeasureRow, measure_rows
from gia_roadmap.plan.model import Roadmap

__all__ = ["escape_text", "fold_line", "to_ics", "write_ics"]

_PRODID = "-//gia_roadmap//Roadmap export//RU"


def escape_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (RFC 5545 §3.1), CRLF + space between them,
    never splitting a UTF-8 character."""
    out: list[str] = []
    chunk = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(chunk)
            chunk, size, limit = "", 0, 74  # continuation lines start with a space
        chunk += char
        size += width
    out.append(chunk)
    return "\r\n ".join(out)


def _uid(plan: str, row: MeasureRow, index: int) -> str:
    digest = hashlib.sha1(f"{row.id}#{index}".encode()).hexdigest()[:16]
    return f"{plan}-{digest}-{index}@gia-roadmap"


def _summary(row: MeasureRow) -> str:
    title = " ".join(row.title.split())
    return f"{row.number} {title}".strip()


def _description(row: MeasureRow, label: str) -> str:
    lines = [f"Сроки: {row.term_raw.strip()}"]
    if label:
        lines.append(f"Окно: {label}")
    if row.section:
        lines.append(f"Раздел: {row.section}")
    if row.responsible:
        lines.append("Ответственные: " + "; ".join(row.responsible))
    if row.exam_scope:
        lines.append("Экзамены: " + ", ".join(row.exam_scope))
    lines.append(f"Мероприятие: {row.id}")
    return "\n".join(lines)


def to_ics(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    stamp: dt.datetime | None = None,
) -> str:
    """The roadmap as an iCalendar text (CRLF line ends): one event per resolved window.

    Args:
        roadmap: the plan.
        calendar: a working-day calendar for working-day offsets (optional).
        events: exam days and other anchors, for relative terms (optional).
        options: counting rules.
        stamp: the ``DTSTAMP`` of every event (UTC); now by default. Fix it for reproducible files.
    """
    stamp = stamp or dt.datetime.now(dt.UTC)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(roadmap.title or roadmap.id)}",
    ]
    for row in measure_rows(roadmap, calendar, events, options):
        for index, window in enumerate(row.windows):
            end = window.end + dt.timedelta(days=1)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{_uid(roadmap.id, row, index)}",
                f"DTSTAMP:{stamp_text}",
                f"DTSTART;VALUE=DATE:{window.start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                f"SUMMARY:{escape_text(_summary(row))}",
                f"DESCRIPTION:{escape_text(_description(row, window.label))}",
                f"CATEGORIES:{escape_text(row.section_kind)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def write_ics(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    stamp: dt.datetime | None = None,
) -> None:
    """Write :func:`to_ics` to ``path`` (UTF-8, CRLF line ends)."""
    text = to_ics(roadmap, calendar, events, options=options, stamp=stamp)
    Path(path).write_bytes(text.encode("utf-8"))
