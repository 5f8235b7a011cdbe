"""The completion column of a plan («Отметка о выполнении», «Информация об исполнении»): the measure's
execution status and its evidence, not a result.

Plans that report on themselves fill a column with what was done: «Выполнено. Приказ УО от
12.10.2025 № 345», «исполнено 20.03.2026, протокол совещания № 2», «отменено», «в работе». The
rules:

* a cell that starts with a word of completion («выполнено», «исполнено», «проведено», «реализовано»,
  «да», «+», «✓») is done; the first date written in it is when;
* «отменено», «снято с контроля» is cancelled, with the date when one is written;
* anything else (blank, «в работе», «не выполнено», «частично») leaves the measure planned; the text is
  kept in the status note;
* the document the cell names (a приказ, протокол, справка, отчёт, письмо, a link) is the evidence.

>>> from gia_roadmap.io.importing import parse_document_date
>>> status, evidence = read_completion("Выполнено. Приказ УО от 12.10.2025 № 345", parse_document_date)
>>> status.kind.value, status.date, evidence
('done', datetime.date(2025, 10, 12), 'Приказ УО от 12.10.2025 № 345')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from gia_roadmap.plan.model import Status, StatusKind
from gia_roadmap.text import dash_class

__all__ = ["read_completion"]

_DONE = re.compile(
    r"^\s*(?:выполнен\w*|исполнен\w*|проведен\w*|реализован\w*|сделано|завершен\w*|да\b|\+|✓|✔)",
    re.IGNORECASE,
)
_NOT = re.compile(r"^\s*не\s", re.IGNORECASE)
_CANCELLED = re.compile(r"\b(?:отмен[её]н\w*|снят\w*\s+с\s+контроля|исключен\w*)", re.IGNORECASE)
_EVIDENCE = re.compile(
    r"(?:приказ|протокол|справк|отч[её]т|письм|распоряжени|постановлени|\bакт\b|\bакты\b|аналитическ|"
    r"информаци\w*\s+(?:размещ|направл)|https?://|www\.)",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(?:выполнен\w*|исполнен\w*|проведен\w*|реализован\w*|сделано|завершен\w*|да)\b"
    + dash_class(r"\s.,;:")
    + "*",
    re.IGNORECASE,
)


def read_completion(text: str, parse_date: Callable[[str], dt.date | None]) -> tuple[Status, str]:
    """The status and the evidence a completion cell gives (see the module rules); ``parse_date``
    reads a date as officials write it (:func:`gia_roadmap.io.importing.parse_document_date`)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return Status(), ""
    evidence = ""
    match = _EVIDENCE.search(cleaned)
    if match is not None:
        evidence = _LEAD.sub("", cleaned).strip()
    if _DONE.match(cleaned) and not _NOT.match(cleaned):
        return Status(StatusKind.DONE, parse_date(cleaned), cleaned), evidence
    if _CANCELLED.search(cleaned):
        return Status(StatusKind.CANCELLED, parse_date(cleaned), cleaned), evidence
    return Status(StatusKind.PLANNED, None, cleaned), evidence
