"""Next year's plan from this one («дорожная карта на следующий учебный год»): :func:`roll_forward`.

A roadmap is rewritten every year from last year's. :func:`roll_forward` carries a plan into another
school year by the calendar and the exam schedule, not by +365 days:

* a **written date that is a known event** of the plan's year — an exam day, the day of the итоговое
  сочинение or собеседование — moves to the same event of the new year: the сочинение of 06.12.2023 becomes
  04.12.2024 (the same anchor, exam, stage and period; the same subjects where the day has them, else the
  same position among that exam's days);
* **other written dates**, months and years move by the school-year offset (29 February to 28 February);
* a moved date that lands on a **non-working day** moves to the nearest working day in the direction that
  keeps the deadline: a due date («до …», a range's end, a date) to the working day before, a start («с …»,
  «не ранее …») to the working day after; each such move is reported;
* **relative terms and calendar rules** («за 1 рабочий день до экзамена», «первая среда мая») are kept as
  written: they re-resolve against the new year's calendar and exam schedule, and the report gives the due
  dates before and after;
* **year mentions** in the plan's title, id, section headings and measure titles («ГИА-2024», «в 2023/2024
  учебном году») move by the offset; each is reported;
* the execution status is reset (nothing of next year's plan is done yet), and the approving orders are
  dropped (the new plan has none yet; the report says so).

The :class:`RollForward` result holds the new plan and a :class:`RollChange` per change, as records and
HTML.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
from collections.abc import Iterable
from typing import Any

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.events import ExamEvent, ExamEvents, exam_events_for
from gia_roadmap.calendar.exams import ExamKind, detect_exam_scopes
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import EventDates, Term, WorkingDayCalendar
from gia_roadmap.calendar.terms.years import DayRef, MonthRef
from gia_roadmap.errors import InvalidTypeError, InvalidValueError, Language
from gia_roadmap.plan.binding import EventBinder
from gia_roadmap.plan.model import Measure, Roadmap, Section, Status
from gia_roadmap.plan.views import html_table
from gia_roadmap.text.dashes import dash_class

__all__ = ["RollChange", "RollForward", "RollReason", "roll_forward"]

# Events a written date can be: their days carry one exam each, so the same event exists next year.
_EVENT_ANCHORS = (Anchor.ESSAY_DAY, Anchor.INTERVIEW_DAY, Anchor.EXAM_DAY)
_YEAR_FIELDS = ("year", "start_year", "end_year")
# Fields of a term whose day opens a window (moved forward to a working day); every other day closes one.
_START_FIELDS = ("start",)
_START_TERMS = ("FromDate",)
# Terms of one day, the only ones whose date can be an event's (a range from 01.07 is no exam day).
_ONE_DAY_KINDS = ("date", "date_by", "date_list_by", "day_list")


class RollReason(enum.Enum):
    """Why a value changed when the plan was rolled forward."""

    EVENT = "event"
    """A written date of an exam event moved to the same event of the new year."""
    YEAR_OFFSET = "year_offset"
    """A written date, month or year moved by the school-year offset."""
    WORKING_DAY = "working_day"
    """A moved date fell on a non-working day and moved to the nearest working day."""
    AMBIGUOUS_EVENT = "ambiguous_event"
    """A written date is the day of events of several exams that fall on different days next year and
    the measure names none of them: the date moved by the offset; check it."""
    RE_RESOLVED = "re_resolved"
    """A relative term or calendar rule, kept as written, resolves to another due date."""
    YEAR_IN_TEXT = "year_in_text"
    """A year mentioned in a title, heading or the id moved by the offset."""
    STATUS_RESET = "status_reset"
    """The execution status was reset: nothing of the new plan is done yet."""
    DROPPED = "dropped"
    """A value that belongs to the old plan only (its approving orders) was left out."""

    def label(self, lang: Language = "ru") -> str:
        """The reason for people («дата события», «сдвиг на учебный год» …)."""
        if lang == "en":
            return self.value.replace("_", " ")
        return _REASONS[self]


_REASONS = {
    RollReason.EVENT: "дата события нового года",
    RollReason.YEAR_OFFSET: "сдвиг на учебный год",
    RollReason.WORKING_DAY: "перенос на рабочий день",
    RollReason.AMBIGUOUS_EVENT: "день нескольких экзаменов: проверьте дату",
    RollReason.RE_RESOLVED: "срок пересчитан по новому расписанию",
    RollReason.YEAR_IN_TEXT: "год в тексте",
    RollReason.STATUS_RESET: "отметка об исполнении снята",
    RollReason.DROPPED: "не переносится",
}


@attrs.frozen(kw_only=True)
class RollChange:
    """One change made by :func:`roll_forward`.

    Attributes:
        measure: the measure's number as written; empty for the plan's own fields and headings.
        field: what changed («term», «title», «heading», «id», «status», «orders», «due»).
        before: the value before, as text.
        after: the value after, as text.
        reason: why.
        note: the event matched, the day skipped, …
    """

    measure: str
    field: str
    before: str
    after: str
    reason: RollReason
    note: str = ""

    def record(self, lang: Language = "ru") -> dict[str, str]:
        """The change as a flat mapping (Russian column names by default)."""
        keys = ("№", "Поле", "Было", "Стало", "Причина", "Примечание")
        if lang == "en":
            keys = ("number", "field", "before", "after", "reason", "note")
        values = (self.measure, self.field, self.before, self.after, self.reason.label(lang), self.note)
        return dict(zip(keys, values, strict=True))


@attrs.frozen(kw_only=True)
class RollForward:
    """The result of :func:`roll_forward`.

    Attributes:
        roadmap: the new plan.
        source: the plan it was made from.
        changes: every change, in document order.
    """

    roadmap: Roadmap
    source: Roadmap
    changes: tuple[RollChange, ...]

    def of(self, *reasons: RollReason) -> tuple[RollChange, ...]:
        """The changes made for any of ``reasons``."""
        return tuple(c for c in self.changes if c.reason in reasons)

    def to_records(self, lang: Language = "ru") -> list[dict[str, str]]:
        """The change report as one mapping per change."""
        return [c.record(lang) for c in self.changes]

    def to_dataframe(self, lang: Language = "ru") -> Any:
        """The change report as a ``pandas.DataFrame``."""
        import pandas as pd  # optional: only this method needs it

        return pd.DataFrame(self.to_records(lang))

    def to_html(self, lang: Language = "ru") -> str:
        """The change report as an HTML table."""
        years = f"{self.source.school_year} → {self.roadmap.school_year}"
        return f"<p>{html.escape(years)}</p>{html_table(self.to_records(lang))}"

    def _repr_html_(self) -> str:
        return self.to_html()


# ----------------------------------------------------------------------------------------------------
# dates


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February of a leap year into a common year
        return day.replace(year=day.year + years, day=28)


def _event_key(event: ExamEvent) -> tuple[object, ...]:
    return (event.anchor, event.exam, event.stage, event.period)


class _EventMap:
    """Days of the old year's events and where the same events fall in the new year."""

    def __init__(self, old: EventDates | None, new: EventDates | None) -> None:
        self._old = _day_events(old)
        self._new = _day_events(new)

    def move(self, day: dt.date, kinds: frozenset[ExamKind]) -> tuple[dt.date | None, str] | None:
        """The new year's day of the event ``day`` is, with the event's label; None when the day is no
        event. With ``kinds`` (the exams the measure concerns) only events of those exams count. When
        the day's events fall on different days next year and nothing tells which is meant, the day is
        ``None`` and the label lists them."""
        found: dict[dt.date, str] = {}
        for event in self._old.get(day, ()):
            if kinds and event.exam not in kinds:
                continue
            target = self._counterpart(event)
            if target is not None:
                found.setdefault(target, event.label())
        if not found:
            return None
        if len(found) == 1:
            ((target, label),) = found.items()
            return target, label
        return None, "; ".join(f"{label} → {target:%d.%m.%Y}" for target, label in sorted(found.items()))

    def _counterpart(self, event: ExamEvent) -> dt.date | None:
        """The same event next year: the same anchor, exam, stage and period, with the same subjects at
        the same position among such days (the second additional day stays the second); else the day
        sharing most subjects."""
        key = _event_key(event)
        wanted = frozenset(event.subjects)

        def days(events: dict[dt.date, tuple[ExamEvent, ...]], exact: bool) -> list[ExamEvent]:
            found = (
                e
                for es in events.values()
                for e in es
                if _event_key(e) == key and (not exact or frozenset(e.subjects) == wanted)
            )
            return sorted(found, key=lambda e: e.start)

        same = days(self._new, exact=True)
        if same:
            old_days = list(dict.fromkeys(e.start for e in days(self._old, exact=True)))
            new_days = list(dict.fromkeys(e.start for e in same))
            position = old_days.index(event.start)
            return new_days[position] if position < len(new_days) else None
        near = [e for e in days(self._new, exact=False) if wanted & set(e.subjects)]
        if not near:
            return None
        return max(near, key=lambda e: (len(wanted & set(e.subjects)), -e.start.toordinal())).start


def _day_events(events: EventDates | None) -> dict[dt.date, tuple[ExamEvent, ...]]:
    if not isinstance(events, ExamEvents):
        return {}
    out: dict[dt.date, list[ExamEvent]] = {}
    for anchor in _EVENT_ANCHORS:
        for event in events.of(anchor):
            if isinstance(event.when, dt.date) and not event.rule:
                out.setdefault(event.when, []).append(event)
    return {day: tuple(found) for day, found in out.items()}


@attrs.define
class _Roller:
    years: int
    calendar: WorkingDayCalendar
    events: _EventMap
    notes: list[tuple[RollReason, str]] = attrs.field(factory=list)
    kinds: frozenset[ExamKind] = frozenset()
    one_day: bool = False

    def day(self, ref: DayRef, opens: bool) -> DayRef:
        if ref.year is None:
            return ref
        before = dt.date(ref.year, ref.month, ref.day)
        moved = self.events.move(before, self.kinds) if self.one_day else None
        if moved is not None and moved[0] is not None:
            after, label = moved[0], moved[1]
            self.notes.append((RollReason.EVENT, f"{before:%d.%m.%Y} → {after:%d.%m.%Y}: {label}"))
        else:
            after = _shift_year(before, self.years)
            if moved is not None:  # the day of several events, which move apart: say so
                self.notes.append((RollReason.AMBIGUOUS_EVENT, f"{before:%d.%m.%Y}: {moved[1]}"))
            if not self.calendar.is_working_day(after):
                worked = (
                    self.calendar.next_working_day(after)
                    if opens
                    else self.calendar.previous_working_day(after)
                )
                self.notes.append(
                    (RollReason.WORKING_DAY, f"{after:%d.%m.%Y} — нерабочий день, {worked:%d.%m.%Y}")
                )
                after = worked
            else:
                self.notes.append((RollReason.YEAR_OFFSET, f"{before:%d.%m.%Y} → {after:%d.%m.%Y}"))
        weekday = None if ref.weekday is None else after.weekday()
        return attrs.evolve(ref, year=after.year, month=after.month, day=after.day, weekday=weekday)

    def value(self, value: Any, field: str = "", owner: str = "") -> Any:
        if isinstance(value, DayRef):
            return self.day(value, field in _START_FIELDS or owner in _START_TERMS)
        if isinstance(value, MonthRef):
            if value.year is None:
                return value
            self.notes.append((RollReason.YEAR_OFFSET, f"{value.month:02d}.{value.year} → +{self.years}"))
            return attrs.evolve(value, year=value.year + self.years)
        if isinstance(value, tuple):
            return tuple(self.value(item, field, owner) for item in value)
        if attrs.has(type(value)) and not isinstance(value, enum.Enum):
            changes: dict[str, Any] = {}
            for attribute in attrs.fields(type(value)):
                if attribute.name == "raw" or not attribute.init:
                    continue
                old = getattr(value, attribute.name)
                if attribute.name in _YEAR_FIELDS and isinstance(old, int) and not isinstance(old, bool):
                    new: Any = old + self.years
                    self.notes.append((RollReason.YEAR_OFFSET, f"{old} → {new}"))
                else:
                    new = self.value(old, attribute.name, type(value).__name__)
                if new is not old and new != old:
                    changes[attribute.name] = new
            return attrs.evolve(value, **changes) if changes else value
        return value

    def term(self, term: Term, kinds: frozenset[ExamKind] = frozenset()) -> Term:
        """``term`` moved; only a one-day term («06.12.2023», «до 01.03.2024») is read as an event's day,
        of the exams ``kinds`` when given."""
        self.kinds = kinds
        self.one_day = term.kind in _ONE_DAY_KINDS
        new: Term = self.value(term)
        if new is term:
            return term
        changes: dict[str, Any] = {"raw": render(new)} if "raw" in attrs.fields_dict(type(new)) else {}
        moved: Term = attrs.evolve(new, **changes)
        return moved


# ----------------------------------------------------------------------------------------------------
# years in text


def _year_pattern(years: Iterable[int]) -> re.Pattern[str]:
    alternatives = "|".join(str(y) for y in sorted(set(years), reverse=True))
    # a four-digit year («2024»), optionally followed by «/25» or «-25» (a school year written short)
    dash = dash_class("/")
    return re.compile(rf"(?<!\d)({alternatives})(?:({dash})(\d{{2}})(?!\d))?(?!\d)")


def _shift_text(text: str, pattern: re.Pattern[str], years: int) -> str:
    def replace(match: re.Match[str]) -> str:
        year = int(match.group(1)) + years
        if match.group(3) is None:
            return str(year)
        return f"{year}{match.group(2)}{(int(match.group(3)) + years) % 100:02d}"

    return pattern.sub(replace, text)


# ----------------------------------------------------------------------------------------------------
# the plan


def roll_forward(
    roadmap: Roadmap,
    school_year: SchoolYear | int | str | None = None,
    *,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    new_events: EventDates | None = None,
) -> RollForward:
    """The plan carried into ``school_year`` (the next one by default), with a report of every change.

    Args:
        roadmap: this year's plan; it must name its school year.
        school_year: the new plan's school year («2025/26», 2025 or a SchoolYear); the next by default.
        calendar: the working-day calendar (the Russian production calendar by default).
        events: this year's exam events (the bundled schedule of the plan's year by default).
        new_events: the new year's exam events (the bundled schedule of ``school_year`` by default).

    Raises:
        InvalidValueError: the plan names no school year, or the new year is not after it.
    """
    if not isinstance(roadmap, Roadmap):
        raise InvalidTypeError(f"roadmap must be a Roadmap, got {type(roadmap).__name__}")
    old_year = roadmap.school_year
    if old_year is None:
        raise InvalidValueError(
            f"plan {roadmap.id!r} names no school year; give it one "
            "(Roadmap(..., school_year=SchoolYear(2024)))"
        )
    new_year = SchoolYear(old_year.start_year + 1) if school_year is None else SchoolYear.parse(school_year)
    years = new_year.start_year - old_year.start_year
    if years <= 0:
        raise InvalidValueError(f"the new school year {new_year} must come after the plan's {old_year}")
    work_calendar = calendar if calendar is not None else RussianCalendar()
    old_events = events if events is not None else exam_events_for(old_year, work_calendar)
    next_events = new_events if new_events is not None else exam_events_for(new_year, work_calendar)
    roller = _Roller(years, work_calendar, _EventMap(old_events, next_events))
    pattern = _year_pattern(range(old_year.start_year - 1, old_year.end_year + 1))
    changes: list[RollChange] = []

    def text(value: str, measure: str, field: str) -> str:
        new = _shift_text(value, pattern, years)
        if new != value:
            changes.append(
                RollChange(
                    measure=measure, field=field, before=value, after=new, reason=RollReason.YEAR_IN_TEXT
                )
            )
        return new

    def measure(item: Measure) -> Measure:
        number = item.number.raw
        roller.notes.clear()
        scopes = item.exam_scope or detect_exam_scopes(f"{item.title} {item.term.raw}")
        term = roller.term(item.term, frozenset(k for scope in scopes for k in scope.exam_kinds))
        if term is not item.term:
            for reason, note in roller.notes:
                changes.append(
                    RollChange(
                        measure=number,
                        field="term",
                        before=item.term.raw,
                        after=term.raw,
                        reason=reason,
                        note=note,
                    )
                )
        title = text(item.title, number, "title")
        status = item.status
        if status != Status():
            changes.append(
                RollChange(
                    measure=number,
                    field="status",
                    before=status.kind.value,
                    after="planned",
                    reason=RollReason.STATUS_RESET,
                    note=status.evidence,
                )
            )
            status = Status()
        return attrs.evolve(item, term=term, title=title, status=status)

    def section(item: Section) -> Section:
        heading = text(item.heading, "", "heading")
        section_term = None if item.term is None else roller.term(item.term)
        return attrs.evolve(
            item,
            heading=heading,
            term=section_term,
            measures=tuple(measure(m) for m in item.measures),
            subgroups=tuple(section(s) for s in item.subgroups),
        )

    new_id = text(roadmap.id, "", "id")
    title = text(roadmap.title, "", "title")
    sections = tuple(section(s) for s in roadmap.sections)
    period = None
    if roadmap.period is not None:
        start = _shift_year(roadmap.period.start, years)
        end = _shift_year(roadmap.period.end, years)
        period = DateWindow(start, max(start, end))
    if roadmap.orders:
        before = "; ".join(o.raw or f"{o.kind} {o.number}".strip() for o in roadmap.orders)
        changes.append(
            RollChange(
                measure="",
                field="orders",
                before=before,
                after="",
                reason=RollReason.DROPPED,
                note="приказ об утверждении нового плана ещё не издан",
            )
        )
    new = attrs.evolve(
        roadmap, id=new_id, title=title, school_year=new_year, period=period, orders=(), sections=sections
    )
    changes.extend(_re_resolved(roadmap, new, work_calendar, old_events, next_events))
    return RollForward(roadmap=new, source=roadmap, changes=tuple(changes))


def _re_resolved(
    old: Roadmap,
    new: Roadmap,
    calendar: WorkingDayCalendar,
    old_events: EventDates | None,
    new_events: EventDates | None,
) -> list[RollChange]:
    """Terms kept as written (relative terms, rules) whose due date the new year's schedule moves."""
    out = []
    years = (new.school_year.start_year if new.school_year else 0) - (
        old.school_year.start_year if old.school_year else 0
    )
    old_binder, new_binder = EventBinder(old, old_events), EventBinder(new, new_events)
    for before, after in zip(old.walk(), new.walk(), strict=True):
        if before.measure.term is not after.measure.term:
            continue  # a written date: reported where it moved
        old_due = old_binder.resolve(before.measure, calendar).due
        new_due = new_binder.resolve(after.measure, calendar).due
        if old_due is None or new_due is None or _shift_year(old_due, years) == new_due:
            continue
        out.append(
            RollChange(
                measure=after.measure.number.raw,
                field="due",
                before=f"{old_due:%d.%m.%Y}",
                after=f"{new_due:%d.%m.%Y}",
                reason=RollReason.RE_RESOLVED,
                note=after.measure.term.raw,
            )
        )
    return out
