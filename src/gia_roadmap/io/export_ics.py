"""iCalendar (RFC 5545) export: a calendar an official can subscribe to, one entry per due date.

Each entry is an all-day ``VEVENT`` on the day a measure is due — common calendar services ignore
``VTODO`` — so a calendar shows what is due when, not months-long bars:

* **A dated term** («не позднее 1 марта 2026», «ноябрь 2023», «август – сентябрь 2023 года») gives one
  entry on its due date: the last day of each window (the first day for an open-ended «после …»).
  The full window is in the description («с 01.09.2025 по 01.03.2026»), never in the entry.
* **A term relative to exam days** («не позднее чем за 1 рабочий день до дня проведения экзамена»,
  «в течение 1 дня со дня подачи апелляции») gives one entry per main-period exam day (основной период)
  of the events it binds to, labelled with the exam and its subjects. Exam days that share a due date
  share its entry. The reserve days, the early and the additional period are listed in the description
  instead; only when a measure binds to no main-period day do its other days get entries. A term
  counted from an event derived from exam days (an appeal, the approval of results) follows the same
  rule on the derived events, and an exam-period term («в период проведения ГИА») on the periods: the
  main period's end is the entry, the early and additional periods are in the description.
* **A recurring term** («ежемесячно», «до 25 числа каждого месяца», «еженедельно») gives one entry with
  an ``RRULE``; occurrences the rule cannot express (a month cut short by the end of the school year)
  get entries of their own.
* A continuous activity («постоянно») has no due date, and a term that does not resolve (an external
  schedule, a missing event) has no dates: neither gets an entry.

Every entry carries the measure number and title in ``SUMMARY``, and in ``DESCRIPTION`` the «Сроки» as
written, the window, the exam days, the responsible parties and the section; ``CATEGORIES`` is the
section kind. ``UID`` is stable (the measure's identity and the entry's date), so a re-imported
calendar updates its entries instead of duplicating them.

**Safety.** Every property built from user text — ``SUMMARY``, ``DESCRIPTION``, ``CATEGORIES``,
``X-WR-CALNAME`` and ``UID`` — is escaped (:func:`escape_text`), so a CR LF in a plan id or a title
cannot inject a property; control characters are mapped or dropped and reported
(:mod:`gia_roadmap.io.safe_text`); lines are folded at 75 octets without splitting a UTF-8 character.

>>> from gia_roadmap.testing import PlanBuilder
>>> plan = PlanBuilder("demo", school_year=2025).measure("1", "Отчёт", term="не позднее 1 марта 2026").build()
>>> [(entry.due, entry.window.start) for entry in calendar_entries(plan)]
[(datetime.date(2026, 3, 1), datetime.date(2025, 9, 1))]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
from dateutil import rrule

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.events import ExamEvent, ExamEvents
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    EventDates,
    ExamPeriod,
    Frequency,
    PerExam,
    Recurring,
    Relative,
    ResolutionStatus,
    Term,
    WorkingDayCalendar,
    parts,
)
from gia_roadmap.errors import Location, Problem
from gia_roadmap.io.export_common import MeasureRow, measure_rows
from gia_roadmap.io.safe_text import TextCleaner, export_text
from gia_roadmap.plan.model import LocatedMeasure, Roadmap

__all__ = ["CalendarEntry", "calendar_entries", "escape_text", "fold_line", "to_ics", "write_ics"]

_PRODID = "-//gia_roadmap//Roadmap export//RU"
_ONE = dt.timedelta(days=1)


def escape_text(text: str, cleaner: TextCleaner | None = None, location: Location | None = None) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.

    Line-break characters (CR LF, CR, a vertical tab, U+2028 …) become ``\\n``; the control characters
    a TEXT value cannot hold are dropped, reported through ``cleaner`` at ``location`` when one is given
    (:mod:`gia_roadmap.io.safe_text`). The result never holds a CR or an LF, so no value can end its
    content line early and inject a property.
    """
    text = cleaner(text, location) if cleaner is not None else export_text(text)[0]
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


# --------------------------------------------------------------------------------------------
# Entries: what is due on which day
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CalendarEntry:
    """One calendar entry: a measure due on one day.

    Attributes:
        row: the measure, flattened (number, title, «Сроки», parties …).
        due: the day the entry is on.
        window: the full window the day closes (or opens, for «после …»).
        label: what the day belongs to: the exam and its subjects («ЕГЭ 03.06.2024: математика
            профильного уровня»), an exam scope («ГИА-9»); empty when nothing needs saying.
        other_days: the exam days of the measure that have no entry of their own (reserve days, the
            early and additional periods), each with its due date, for the description.
        rrule: the recurrence rule (``FREQ=MONTHLY;BYMONTHDAY=25;COUNT=12``), empty for one day.
    """

    row: MeasureRow
    due: dt.date
    window: DateWindow
    label: str = ""
    other_days: tuple[str, ...] = ()
    rrule: str = ""


def _labelled_parts(term: Term) -> Iterator[tuple[Term, str]]:
    """The parts of a term (:func:`~gia_roadmap.calendar.terms.parts`), each with the scope a per-exam
    term («для ГИА-9: …, для ГИА-11: …») gives it."""
    if isinstance(term, PerExam):
        for scope, item in term.parts:
            yield from ((part, scope) for part in parts(item))
    else:
        yield from ((part, "") for part in parts(term))


def _due(window: DateWindow) -> dt.date:
    """The day of a window's entry: its end, or its start when only the start is known («после …»)."""
    return window.start if window.open_end and not window.open_start else window.end


def _day_label(events: Sequence[ExamEvent], day: dt.date) -> str:
    """«ЕГЭ 03.06.2024: математика профильного уровня; ГВЭ-11 03.06.2024» for the exams of one day."""
    parts = []
    for exam, group in _by_exam(events).items():
        subjects = sorted({s.value for e in group for s in e.subjects})
        reserve = " (резерв)" if all(e.reserve for e in group) else ""
        text = f"{exam} {day:%d.%m.%Y}{reserve}"
        parts.append(f"{text}: {', '.join(subjects)}" if subjects else text)
    return "; ".join(parts) or f"{day:%d.%m.%Y}"


def _by_exam(events: Sequence[ExamEvent]) -> dict[str, list[ExamEvent]]:
    grouped: dict[str, list[ExamEvent]] = {}
    for event in events:
        grouped.setdefault(event.exam.short, []).append(event)
    return grouped


def _is_main(event: ExamEvent) -> bool:
    return event.stage is ExamStage.MAIN and not event.reserve


_Found = tuple[DateWindow, list[ExamEvent]]


def _period_label(events: Sequence[ExamEvent], window: DateWindow) -> str:
    """«ЕГЭ, основной период» for the exams of one period window."""
    stages = {e.stage.russian for e in events if e.stage is not None}
    labels = (f"{exam}, {', '.join(sorted(stages))}" if stages else exam for exam in _by_exam(events))
    return "; ".join(labels) or window.label


def _relative_found(part: Relative, windows: Sequence[DateWindow], events: EventDates | None) -> list[_Found]:
    """Each window of a relative term with the events of the day it was counted from (its label)."""
    anchor = part.anchor
    known = events.of(anchor) if isinstance(events, ExamEvents) and isinstance(anchor, Anchor) else ()
    out: list[_Found] = []
    for window in windows:
        day = _day_of(window)
        out.append((window, [e for e in known if day is not None and e.start == day]))
    return out


def _period_found(windows: Sequence[DateWindow], events: EventDates | None) -> list[_Found]:
    """Each window of an exam-period term with the period events that span exactly it."""
    spans: dict[tuple[dt.date, dt.date], list[ExamEvent]] = {}
    for event in events.events if isinstance(events, ExamEvents) else ():
        if isinstance(event.when, DateWindow):
            spans.setdefault((event.when.start, event.when.end), []).append(event)
    return [(window, spans.get((window.start, window.end), [])) for window in windows]


def _day_of(window: DateWindow) -> dt.date | None:
    """The event day a relative window was counted from (its label), None for other windows."""
    try:
        return dt.date.fromisoformat(window.label)
    except ValueError:
        return None


def _label(events: Sequence[ExamEvent], window: DateWindow) -> str:
    day = _day_of(window)
    if day is None:
        return _period_label(events, window) if events else window.label
    return _day_label(events, day) if events else f"{day:%d.%m.%Y}"


def _event_entries(row: MeasureRow, found: list[_Found]) -> list[CalendarEntry]:
    """One entry per due date of the main-period events the windows come from, labelled with the exams;
    the other events' due dates (reserve days, the other periods) listed in the description."""
    chosen = [f for f in found if not f[1] or any(_is_main(e) for e in f[1])]
    if not chosen:  # no main-period event: the other non-reserve ones, else every one
        chosen = [f for f in found if any(not e.reserve for e in f[1])] or found
    kept = {id(window) for window, _ in chosen}
    others = tuple(
        dict.fromkeys(
            f"{_label(matched, window)} → {_due(window):%d.%m.%Y}"
            for window, matched in found
            if id(window) not in kept
        )
    )
    by_due: dict[dt.date, list[_Found]] = {}
    for item in chosen:
        by_due.setdefault(_due(item[0]), []).append(item)
    entries = []
    for due, items in sorted(by_due.items()):
        labels = (_label([e for e in matched if _is_main(e)] or matched, window) for window, matched in items)
        entries.append(
            CalendarEntry(
                row=row,
                due=due,
                window=items[0][0],
                label="; ".join(dict.fromkeys(label for label in labels if label)),
                other_days=others,
            )
        )
    return entries


def _rule_text(part: Recurring, first: dt.date) -> str:
    """The RRULE (without COUNT/UNTIL) whose occurrences are the term's due dates from ``first`` on."""
    frequency = part.frequency
    if frequency is Frequency.DAILY:
        return "FREQ=DAILY"
    if frequency is Frequency.WEEKLY:  # its days of the week («по вторникам»), else the due day's
        days = part.weekdays or (first.weekday(),)
        return f"FREQ=WEEKLY;BYDAY={','.join(('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[d] for d in days)}"
    if frequency is Frequency.YEARLY:
        return f"FREQ=YEARLY;BYMONTH={first.month};BYMONTHDAY={first.day}"
    interval = ";INTERVAL=3" if frequency is Frequency.QUARTERLY else ""
    day = part.day
    if day is None:
        return f"FREQ=MONTHLY{interval};BYMONTHDAY=-1"
    if day <= 28:
        return f"FREQ=MONTHLY{interval};BYMONTHDAY={day}"
    # «до 30 числа»: the 30th, or the last day of a shorter month
    return f"FREQ=MONTHLY{interval};BYMONTHDAY={','.join(str(d) for d in range(28, day + 1))};BYSETPOS=-1"


def _recurring_entries(
    row: MeasureRow, part: Recurring, windows: Sequence[DateWindow]
) -> list[CalendarEntry]:
    """One entry with an RRULE for the regular occurrences; the irregular ones (a window cut short by
    the plan period) as entries of their own. The rule is checked against the windows by expanding it."""
    if len(windows) < 2:
        return [CalendarEntry(row=row, due=_due(w), window=w) for w in windows]
    dues = [_due(w) for w in windows]
    rule = _rule_text(part, dues[0])
    occurrences = [
        d.date()
        for d in rrule.rrulestr(rule, dtstart=dt.datetime.combine(dues[0], dt.time())).between(
            dt.datetime.combine(dues[0], dt.time()), dt.datetime.combine(dues[-1], dt.time()), inc=True
        )
    ]
    regular = [d for d in occurrences if d in set(dues)]
    if len(regular) != len(occurrences) or len(regular) < 2:
        return [CalendarEntry(row=row, due=d, window=w) for d, w in zip(dues, windows, strict=True)]
    span = ", ".join(f"{w.start:%d.%m}–{w.end:%d.%m.%Y}" for w in windows[:2])
    entry = CalendarEntry(
        row=row,
        due=regular[0],
        window=windows[0],
        label=f"повторяется: {span} …",
        rrule=f"{rule};COUNT={len(regular)}",
    )
    extra = [
        CalendarEntry(row=row, due=d, window=w)
        for d, w in zip(dues, windows, strict=True)
        if d not in set(regular)
    ]
    return [entry, *extra]


def _measure_entries(
    roadmap: Roadmap,
    located: LocatedMeasure,
    row: MeasureRow,
    calendar: WorkingDayCalendar | None,
    events: EventDates | None,
    options: ResolveOptions | None,
) -> list[CalendarEntry]:
    if row.status == ResolutionStatus.CONTINUOUS.value or not row.windows:
        return []
    entries: list[CalendarEntry] = []
    plain: dict[dt.date, list[DateWindow]] = {}
    for part, scope in _labelled_parts(located.measure.term):
        resolution = part.resolve(
            calendar, events, school_year=roadmap.school_year, plan_period=roadmap.period, options=options
        )
        if resolution.status is ResolutionStatus.CONTINUOUS or not resolution.windows:
            continue
        if isinstance(part, Relative):
            entries += _event_entries(row, _relative_found(part, resolution.windows, events))
        elif isinstance(part, ExamPeriod):
            entries += _event_entries(row, _period_found(resolution.windows, events))
        elif isinstance(part, Recurring):
            entries += _recurring_entries(row, part, resolution.windows)
        else:
            for window in resolution.windows:
                labelled = attrs.evolve(window, label=scope) if scope else window
                plain.setdefault(_due(window), []).append(labelled)
    for due, windows in plain.items():
        label = "; ".join(dict.fromkeys(w.label for w in windows if w.label))
        entries.append(CalendarEntry(row=row, due=due, window=windows[0], label=label))
    entries.sort(key=lambda e: (e.due, e.label))
    return entries


def calendar_entries(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
) -> tuple[CalendarEntry, ...]:
    """Every calendar entry of ``roadmap``, measure by measure in document order (see the module
    docstring for the rules). Relative terms need ``events`` (an
    :class:`~gia_roadmap.calendar.ExamEvents` labels each entry with its exam and subjects)."""
    rows = measure_rows(roadmap, calendar, events, options)
    out: list[CalendarEntry] = []
    for located, row in zip(roadmap.walk(), rows, strict=True):
        out += _measure_entries(roadmap, located, row, calendar, events, options)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# The file
# --------------------------------------------------------------------------------------------

_UID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _uid(plan: str, entry: CalendarEntry) -> str:
    """A stable UID from the measure's identity and the entry's day: the plan id reduced to letters,
    digits, «.», «_» and «-» (whatever it holds, CR LF included, cannot reach the property line) and a
    digest of the whole identity, so two plans whose ids reduce alike still differ."""
    key = f"{entry.row.id}#{entry.due.isoformat()}#{entry.rrule}"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    slug = _UID_SAFE.sub("-", plan).strip("-")[:40] or "plan"
    return f"{slug}-{digest}@gia-roadmap"


def _window_text(window: DateWindow) -> str:
    if window.open_start and not window.open_end:
        return f"не позднее {window.end:%d.%m.%Y} (с {window.start:%d.%m.%Y})"
    if window.open_end and not window.open_start:
        return f"не ранее {window.start:%d.%m.%Y}"
    if window.start == window.end:
        return f"{window.end:%d.%m.%Y}"
    return f"с {window.start:%d.%m.%Y} по {window.end:%d.%m.%Y}"


def _summary(entry: CalendarEntry) -> str:
    row = entry.row
    title = " ".join(row.title.split())
    number = f"п. {row.number.strip()} " if row.number.strip() else ""
    text = f"{number}{title}".strip()
    return f"{text} — {entry.label}" if entry.label and not entry.rrule else text


def _description(entry: CalendarEntry) -> str:
    row = entry.row
    lines = []
    if row.number.strip():
        lines.append(f"Мероприятие № {row.number.strip()}")
    lines.append(f"Сроки: {' '.join(row.term_raw.split())}")
    lines.append(f"Окно: {_window_text(entry.window)}")
    if entry.label:
        lines.append(f"Экзамен: {entry.label}" if not entry.rrule else entry.label)
    if entry.other_days:
        lines.append("Другие дни (резервные, досрочный и дополнительный периоды):")
        lines += [f"  {day}" for day in entry.other_days]
    if row.responsible or row.responsible_raw.strip():
        parties = "; ".join(row.responsible) or " ".join(row.responsible_raw.split())
        lines.append(f"Ответственные: {parties}")
    if row.section:
        lines.append(f"Раздел: {row.section}")
    if row.exam_scope:
        lines.append("Экзамены плана: " + ", ".join(row.exam_scope))
    lines.append(f"Идентификатор: {row.id}")
    return "\n".join(lines)


def _event_lines(plan: str, entry: CalendarEntry, stamp: str, cleaner: TextCleaner) -> list[str]:
    where = Location(plan=plan, measure=entry.row.number, field="title")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(_uid(plan, entry))}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{entry.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{entry.due + _ONE:%Y%m%d}",
    ]
    if entry.rrule:
        lines.append(f"RRULE:{entry.rrule}")
    lines += [
        f"SUMMARY:{escape_text(_summary(entry), cleaner, where)}",
        f"DESCRIPTION:{escape_text(_description(entry), cleaner, attrs.evolve(where, field=''))}",
        f"CATEGORIES:{escape_text(entry.row.section_kind, cleaner)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return lines


def to_ics(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    stamp: dt.datetime | None = None,
    problems: list[Problem] | None = None,
) -> str:
    """The roadmap as an iCalendar text (CRLF line ends): one all-day event per
    :class:`CalendarEntry` (:func:`calendar_entries`).

    Args:
        roadmap: the plan.
        calendar: a working-day calendar for working-day offsets (optional).
        events: exam days and other anchors, for relative terms (optional; an
            :class:`~gia_roadmap.calendar.ExamEvents` labels the entries with exams and subjects).
        options: counting rules.
        stamp: the ``DTSTAMP`` of every event (UTC); now by default. Fix it for reproducible files.
        problems: receives a ``dropped-control-character`` problem per text that held a character
            iCalendar cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` when None).
    """
    cleaner = TextCleaner("iCalendar", problems)
    stamp = stamp or dt.datetime.now(dt.UTC)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    name = escape_text(roadmap.title or roadmap.id, cleaner, Location(plan=roadmap.id, field="title"))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{name}",
    ]
    for entry in calendar_entries(roadmap, calendar, events, options=options):
        lines += _event_lines(roadmap.id, entry, stamp_text, cleaner)
    lines.append("END:VCALENDAR")
    cleaner.finish()
    return "".join(fold_line(line) + "\r\n" for line in lines)


def write_ics(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    stamp: dt.datetime | None = None,
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`to_ics` to ``path`` (UTF-8, CRLF line ends)."""
    text = to_ics(roadmap, calendar, events, options=options, stamp=stamp, problems=problems)
    Path(path).write_bytes(text.encode("utf-8"))
