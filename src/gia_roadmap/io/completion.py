"""The completion column of a plan («Отметка о выполнении», «Информация об исполнении»): the measure's
execution status and its evidence, not a result.

Plans that report on themselves fill a column with what was done: «Выполнено. Приказ УО от
12.10.2025 № 345», «исполнено 20.03.2026, протокол совещания № 2», «отменено», «в работе». The
rules (:func:`read_completion`):

* a cell that starts with a word of completion («выполнено», «исполнено», «проведено», «реализовано»,
  «да», «+», «✓») is done; the first date written in it is when;
* «отменено», «снято с контроля» is cancelled, with the date when one is written;
* anything else (blank, «в работе», «не выполнено», «частично») leaves the measure planned;
* the document the cell names (a приказ, протокол, справка, отчёт, письмо, a link) is the evidence
  (:attr:`Status.evidence <gia_roadmap.plan.Status.evidence>`);
* the cell as written is kept in the status note, unless it says no more than the status and its date
  («Выполнено 12.10.2025»);
* lines labelled «Подтверждение:» (or «Подтверждающий документ:», «Реквизиты документа:»,
  «Документ:»), «Сообщил:» (or «Сообщила:», «Кто сообщил:», «Отчитался:») and «Примечание:» (or
  «Комментарий:») give the evidence, who reported it and the note as written; the unlabelled text
  before them is the status line. A line that follows a labelled one continues it.

:func:`write_completion` writes a status as such a cell: the cell it was read from when that reads
back to the same status, else the status line («Выполнено 12.10.2025», «Отменено 01.05.2026», none
for a planned measure) followed by the labelled lines. Reading what it writes gives the status back,
with white space collapsed as in every cell the importer reads.

>>> from gia_roadmap.io.importing import parse_document_date
>>> status = read_completion("Выполнено. Приказ УО от 12.10.2025 № 345", parse_document_date)
>>> status.kind.value, status.date, status.evidence
('done', datetime.date(2025, 10, 12), 'Приказ УО от 12.10.2025 № 345')
>>> import datetime as dt
>>> from gia_roadmap.plan import Status, StatusKind
>>> cell = write_completion(
...     Status(StatusKind.DONE, dt.date(2025, 10, 10), evidence="приказ № 345", reported_by="УО"),
...     parse_document_date,
... )
>>> print(cell)
Выполнено 10.10.2025
Подтверждение: приказ № 345
Сообщил: УО
>>> read_completion(cell, parse_document_date).reported_by
'УО'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from gia_roadmap.plan.model import Status, StatusKind
from gia_roadmap.text import dash_class

__all__ = ["COMPLETION_HEADER", "read_completion", "write_completion"]

COMPLETION_HEADER = "Отметка о выполнении"
"""The header of the completion column the table writers add (one the importer recognises)."""

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
_LABELS: dict[str, tuple[str, ...]] = {
    "evidence": (
        "подтверждение",
        "подтверждающий документ",
        "подтверждающие документы",
        "реквизиты документа",
        "документ",
    ),
    "reported_by": ("сообщил", "сообщила", "сообщили", "кто сообщил", "отчитался", "отчиталась"),
    "note": ("примечание", "комментарий"),
}
_WRITTEN_LABELS = {"evidence": "Подтверждение", "reported_by": "Сообщил", "note": "Примечание"}
_LABEL = re.compile(
    r"^\s*("
    + "|".join(sorted((w for ws in _LABELS.values() for w in ws), key=len, reverse=True))
    + r")\s*:\s*",
    re.IGNORECASE,
)
_FIELD_OF_LABEL = {word: field for field, words in _LABELS.items() for word in words}


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _status_line(kind: StatusKind, date: dt.date | None) -> str:
    """«Выполнено 12.10.2025», «Отменено», or «» for a planned measure."""
    word = {StatusKind.DONE: "Выполнено", StatusKind.CANCELLED: "Отменено"}.get(kind, "")
    return f"{word} {date:%d.%m.%Y}" if word and date is not None else word


def _split(text: str) -> tuple[str, dict[str, str]]:
    """The unlabelled status text and the labelled values of a cell (a line after a labelled one
    continues it)."""
    unlabelled: list[str] = []
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = _LABEL.match(line)
        if match is not None:
            current = values.setdefault(_FIELD_OF_LABEL[match.group(1).lower()], [])
            current.append(line[match.end() :])
        elif current is not None:
            current.append(line)
        else:
            unlabelled.append(line)
    return _collapse(" ".join(unlabelled)), {
        field: _collapse(" ".join(lines)) for field, lines in values.items()
    }


def read_completion(text: str, parse_date: Callable[[str], dt.date | None]) -> Status:
    """The status a completion cell gives: kind, date, note, evidence and who reported it (see the
    module rules); ``parse_date`` reads a date as officials write it
    (:func:`gia_roadmap.io.importing.parse_document_date`)."""
    cleaned, labelled = _split(text)
    evidence = labelled.get("evidence")
    if evidence is None:
        evidence = _LEAD.sub("", cleaned).strip() if _EVIDENCE.search(cleaned) else ""
    kind, date = StatusKind.PLANNED, None
    if cleaned and _DONE.match(cleaned) and not _NOT.match(cleaned):
        kind, date = StatusKind.DONE, parse_date(cleaned)
    elif cleaned and _CANCELLED.search(cleaned):
        kind, date = StatusKind.CANCELLED, parse_date(cleaned)
    note = labelled.get("note")
    if note is None:
        bare = cleaned.rstrip(" .").casefold() == _status_line(kind, date).casefold()
        note = "" if bare else cleaned
    return Status(kind, date, note, evidence, labelled.get("reported_by", ""))


def write_completion(status: Status, parse_date: Callable[[str], dt.date | None]) -> str:
    """The completion cell of a status, one that :func:`read_completion` reads back to it: the note
    alone when it is the cell the status was read from, else the status line and the labelled lines
    (white space inside each text collapsed)."""
    normal = Status(
        status.kind,
        status.date,
        _collapse(status.note),
        _collapse(status.evidence),
        _collapse(status.reported_by),
    )
    if normal.note and read_completion(normal.note, parse_date) == normal:
        return normal.note
    lines = [_status_line(normal.kind, normal.date)] if normal.kind is not StatusKind.PLANNED else []
    for field, label in _WRITTEN_LABELS.items():
        value = getattr(normal, field)
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)
