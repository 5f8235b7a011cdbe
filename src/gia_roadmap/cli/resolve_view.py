"""What ``gia-roadmap resolve`` prints: a deadline read back in Russian, with its dates.

:func:`render_resolution` is the text an official reads: the text as written, the canonical wording the
library read it as, the dates (each with its weekday and what the production calendar says of it), the
final due date, and in words what could not be decided (an assumed year, a written weekday that does not
fit the date, events without dates). :func:`resolution_document` is the same as a JSON-ready mapping for
programs (``gia-roadmap resolve --json``). Neither prints a Python repr.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import EventDates, Relative, Resolution, ResolutionStatus, Term, UnparsedTerm
from gia_roadmap.errors import GiaRoadmapError
from gia_roadmap.text import WEEKDAYS_SHORT

if TYPE_CHECKING:
    from gia_roadmap.calendar.production import RussianCalendar

__all__ = ["render_resolution", "resolution_document"]


STATUS_RU: Mapping[ResolutionStatus, str] = {
    ResolutionStatus.RESOLVED: "даты определены",
    ResolutionStatus.PARTIAL: "определены не все даты",
    ResolutionStatus.CONTINUOUS: "постоянная деятельность: срока исполнения нет",
    ResolutionStatus.NO_EVENT_DATES: "нет дат события, от которого отсчитывается срок",
    ResolutionStatus.NO_SCHOOL_YEAR: "год не написан, а учебный год не задан (--school-year)",
    ResolutionStatus.NEEDS_CALENDAR: "для рабочих дней нужен производственный календарь",
    ResolutionStatus.OUTSIDE_CALENDAR: "дата вне производственного календаря",
    ResolutionStatus.UNKNOWN: "срок задан другим документом или условием",
    ResolutionStatus.INVALID: "текст противоречит сам себе",
    ResolutionStatus.MISSING: "срок не указан",
    ResolutionStatus.UNPARSED: "текст не прочитан",
}
"""What each :class:`ResolutionStatus` means, in Russian."""

FLAGS_RU: Mapping[str, str] = {
    "assumed_year": "год не написан и взят из учебного года",
    "year_propagated": "год взят из года, написанного правее",
    "rolled_back": "год перенесён на предыдущий (перечень переходит через Новый год)",
    "chronology_violated": "даты перечня идут не по порядку",
    "year_unknown": "год не написан, учебный год не задан",
    "unit_unspecified": "не сказано, рабочие или календарные дни: считаются календарные",
    "implicit": "учебный год не назван, берётся учебный год плана",
    "academic_or_calendar_ambiguous": "неясно, учебный это год или календарный: прочитан как учебный",
    "span_not_one_year": "учебный год длиннее одного года",
    "winter_ambiguous": "зима читается как декабрь – февраль следующего года",
    "weekday_mismatch": "написанный день недели не совпадает с датой",
    "year_from_weekday": "год выбран по написанному дню недели",
    "open_anchor": "событие названо своими словами: его даты задаёт пользователь",
    "event_unnamed": "событие, от которого отсчитывается срок, не названо",
    "school_half_year": "полугодие без года прочитано как учебное (I — сентябрь–декабрь, II — январь–май)",
    "hours_as_days": "часы считаются целыми днями: время события не известно",
    "missing": "срок не указан",
    "unparsed": "текст не прочитан",
}
"""What each term flag means, in Russian (a flag not listed here is printed as it is)."""


def _weekday(day: dt.date) -> str:
    return WEEKDAYS_SHORT[day.weekday()]


def _day_kind(calendar: RussianCalendar | None, day: dt.date) -> str:
    if calendar is None:
        return ""
    try:
        return calendar.day_kind(day).russian
    except GiaRoadmapError:
        return "вне производственного календаря"


def _day(calendar: RussianCalendar | None, day: dt.date) -> str:
    kind = _day_kind(calendar, day)
    return f"{day:%d.%m.%Y} ({_weekday(day)}{', ' + kind if kind else ''})"


def _label(label: str) -> str:
    try:
        return f"событие {dt.date.fromisoformat(label):%d.%m.%Y}"
    except ValueError:
        return label


def _window(calendar: RussianCalendar | None, window: DateWindow) -> str:
    if window.start == window.end and not window.open_start and not window.open_end:
        text = _day(calendar, window.start)
    elif window.open_start:
        text = f"не позднее {_day(calendar, window.end)}"
    elif window.open_end:
        text = f"не ранее {_day(calendar, window.start)}"
    else:
        text = f"с {_day(calendar, window.start)} по {_day(calendar, window.end)}"
    return f"{text} — {_label(window.label)}" if window.label else text


def _explain(term: Term, resolution: Resolution) -> str:
    """Why the status is what it is, in Russian (empty when every date is known)."""
    status = resolution.status
    if status is ResolutionStatus.RESOLVED:
        return ""
    if status is ResolutionStatus.NO_EVENT_DATES and isinstance(term, Relative):
        option = "--exam-day ДАТА" if term.anchor is Anchor.EXAM_DAY else f"--event «{term.anchor.key}=ДАТА»"
        return f"{STATUS_RU[status]}: «{term.anchor.phrase}» (укажите {option})"
    if isinstance(term, UnparsedTerm):
        before, after = term.text[: term.position], term.text[term.position :]
        return f"{STATUS_RU[status]}: чтение остановилось здесь: «{before}⟨…⟩{after}»"
    return STATUS_RU[status]


def render_resolution(
    text: str,
    *,
    school_year: SchoolYear | None,
    events: EventDates,
    calendar: RussianCalendar | None,
    strict: bool = False,
) -> str:
    """The text report of ``gia-roadmap resolve``, in Russian.

    >>> print(render_resolution("август – сентябрь 2023 года", school_year=None, events={}, calendar=None))
    Текст:        август – сентябрь 2023 года
    Прочитано:    август – сентябрь 2023 года
    Пометки:      год взят из года, написанного правее
    Даты:         с 01.08.2023 (вт) по 30.09.2023 (сб)
    Срок:         30.09.2023 (сб)
    """
    term = parse_term(text, school_year=school_year, strict=strict)
    resolution = term.resolve(calendar, events, school_year=school_year)
    out = [f"Текст:        {' '.join(text.split())}", f"Прочитано:    {render(term)}"]
    notes = [FLAGS_RU.get(flag, flag) for flag in sorted(term.flags) if flag not in ("unparsed", "missing")]
    if notes:
        out.append("Пометки:      " + "; ".join(notes))
    windows = [_window(calendar, w) for w in resolution.windows]
    if len(windows) == 1:
        out.append(f"Даты:         {windows[0]}")
    elif windows:
        out.append("Даты:")
        out.extend(f"  {w}" for w in windows)
    explanation = _explain(term, resolution)
    if explanation:
        out.append(f"Состояние:    {explanation}")
    if resolution.due is not None and resolution.status is not ResolutionStatus.CONTINUOUS:
        out.append(f"Срок:         {_day(calendar, resolution.due)}")
    return "\n".join(out)


def _window_document(window: DateWindow) -> dict[str, Any]:
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "open_start": window.open_start,
        "open_end": window.open_end,
        "label": window.label,
    }


def resolution_document(
    text: str,
    *,
    school_year: SchoolYear | None,
    events: EventDates,
    calendar: RussianCalendar | None,
    strict: bool = False,
) -> dict[str, Any]:
    """``gia-roadmap resolve --json``: the term (as the roadmap file format writes it), its canonical
    wording, flags, status and windows, as a JSON-ready mapping."""
    from gia_roadmap.io.serialization import converter

    term = parse_term(text, school_year=school_year, strict=strict)
    resolution = term.resolve(calendar, events, school_year=school_year)
    return {
        "text": text,
        "school_year": school_year.start_year if school_year is not None else None,
        "canonical": render(term),
        "kind": term.kind,
        "flags": sorted(term.flags),
        "term": converter.unstructure(term, Term),
        "status": resolution.status.value,
        "status_ru": STATUS_RU[resolution.status],
        "reason": resolution.reason,
        "windows": [_window_document(w) for w in resolution.windows],
        "due": resolution.due.isoformat() if resolution.due is not None else None,
    }
