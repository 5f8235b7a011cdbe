"""Terms counted from events: offsets from an anchor («не позднее чем за 1 рабочий день до дня проведения
экзамена») and the exam campaign or its stages («в период проведения ГИА»)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs
from dateutil.relativedelta import relativedelta

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.exams import ExamScope, ExamStage, detect_exam_scopes
from gia_roadmap.calendar.school_dates import school_year_event
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms.periods import PlanPeriod
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _Ctx,
    _ok,
    _raw,
    _unresolved,
    event_dates,
)
from gia_roadmap.errors import CalendarCoverageError, InvalidValueError

__all__ = ["Bound", "ExamPeriod", "ExamPhase", "Relative", "Unit"]


class Unit(enum.Enum):
    """Unit of a relative offset."""

    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"
    DAY = "day"
    """«дней» with no «рабочих»/«календарных»: calendar days by default, flagged."""
    WEEK = "week"
    MONTH = "month"
    HOUR = "hour"
    """«часов»: counted in whole days, since a plan gives its events no time of day: N hours shift the
    event's day by N // 24 days («в течение 2 часов после экзамена»: the exam's day; flag
    ``hours_as_days``)."""
    NONE = "none"
    """No offset («в день», «накануне», «до начала»)."""


class Bound(enum.Enum):
    """How a relative term is bounded by its anchor."""

    LATEST_BEFORE = "latest_before"
    """«не позднее чем за N … до X»: due no later than N units before X."""
    EXACT_BEFORE = "exact_before"
    """«за N … до X»: on the day N units before X."""
    WITHIN_BEFORE = "within_before"
    """«в течение N … до X»: within the N units before X (X−N … X−1)."""
    WITHIN_AFTER = "within_after"
    """«в течение N … со дня X»: within N units counted from the day after X."""
    LATEST_AFTER = "latest_after"
    """«не позднее N … после X» / «с момента X»: no later than N units after X."""
    EXACT_AFTER = "exact_after"
    """«через N … после X»: on the day N units after X."""
    ON = "on"
    """«в день X»: on the day of X."""
    EVE = "eve"
    """«накануне X»: the day before X."""
    UNTIL = "until"
    """«до X», «до начала X», «перед X»: any time before X (open start)."""
    AFTER = "after"
    """«после X», «с момента X» without an offset: any time after X (open end)."""

    @property
    def direction(self) -> str:
        """ "before", "after" or "on"."""
        if self in (Bound.LATEST_BEFORE, Bound.EXACT_BEFORE, Bound.WITHIN_BEFORE, Bound.EVE, Bound.UNTIL):
            return "before"
        if self is Bound.ON:
            return "on"
        return "after"

    @property
    def takes_offset(self) -> bool:
        """True for bounds written with a count («за 2 дня», «в течение 2 дней»)."""
        return self in _OFFSET_BOUNDS


_OFFSET_BOUNDS = frozenset(
    {
        Bound.LATEST_BEFORE,
        Bound.EXACT_BEFORE,
        Bound.WITHIN_BEFORE,
        Bound.WITHIN_AFTER,
        Bound.LATEST_AFTER,
        Bound.EXACT_AFTER,
    }
)


class ExamPhase(enum.Enum):
    """Which part of the exam campaign an exam-period term means."""

    CONDUCT = "conduct"
    """«в период проведения ГИА», «во время проведения», «при проведении»."""
    PREPARATION = "preparation"
    """«в период подготовки ГИА»."""


def _as_window(value: dt.date | DateWindow, label: str = "") -> DateWindow:
    if isinstance(value, DateWindow):
        return value if not label or value.label else attrs.evolve(value, label=label)
    return DateWindow.day(value, label=label)


@attrs.frozen
class ExamPeriod(_Base):
    """The exam campaign or its stages: «в период проведения ГИА», «во время проведения ГИА»,
    «В период подготовки ГИА», «в период досрочного, основного и дополнительного этапов ГИА, ЕГЭ
    в 2022 г.», «дополнительный (сентябрьский) период 2022 г.», «При проведении оценочных процедур».

    Resolves against ``events``: stage anchors (:attr:`Anchor.EARLY_PERIOD` …) for the named stages,
    else :attr:`Anchor.EXAM_PERIOD`; windows outside ``year`` (when written) are dropped. Without
    those events the status is NO_EVENT_DATES. The preparation phase («в период подготовки»)
    resolves like :class:`PlanPeriod`.
    """

    kind: ClassVar[str] = "exam_period"
    phase: ExamPhase = ExamPhase.CONDUCT
    stages: tuple[ExamStage, ...] = ()
    exams: tuple[str, ...] = ()
    year: int | None = None
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if self.phase is ExamPhase.PREPARATION:
            return PlanPeriod(self.exams)._resolve(ctx)
        anchors = [s.anchor for s in self.stages] or [Anchor.EXAM_PERIOD]
        windows = [_as_window(v, label=a.value) for a in anchors for v in event_dates(ctx.events, a)]
        if self.year is not None:
            windows = [w for w in windows if w.start.year <= self.year <= w.end.year]
        if not windows:
            names = ", ".join(a.value for a in anchors)
            return _unresolved(ResolutionStatus.NO_EVENT_DATES, f"no dates given for {names}")
        return _ok(*windows)


def _check_offset(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(f"offset must be a count of units (an int >= 0), got {value!r}")


def _check_occurrence(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidValueError(f"occurrence must be None or a number >= 1, got {value!r}")


@attrs.frozen
class Relative(_Base):
    """An offset from an anchor event: «не позднее чем за 1 рабочий день до дня проведения
    экзамена», «за 3 календарных дня до …», «в течение 2 дней со дня принятия решения», «не
    позднее 2 календарных дней после утверждения результатов председателем ГЭК», «в день
    проведения экзамена», «накануне экзаменов», «до начала работы АК», «за 1 месяц до начала
    экзамена», «в течение двух рабочих дней со дня получения сведений».

    Resolves to one window per event date of ``anchor`` (see the package docstring for the
    counting rules); with no event dates: no windows, status NO_EVENT_DATES.

    Attributes:
        offset: the count N (0 for bounds without one), as digits or words («двух», «5 (пяти)»).
        unit: working, calendar or unspecified days, weeks, months (NONE without an offset).
        bound: latest/exact/within …, which also gives the direction.
        anchor: the event: an :class:`~gia_roadmap.calendar.anchors.Anchor`, or an
            :class:`~gia_roadmap.calendar.anchors.OpenAnchor` for an event the enum does not name
            (flag ``open_anchor``; ``event_unnamed`` when the text names no event at all).
        detail: extra words naming the event more precisely («ГИА-11», «по математике», «2023
            года»), may be empty.
        occurrence: which of the anchor's dates, in order, when the text numbers it: 2 for «до
            окончания II четверти» (None: every date of the anchor).
    """

    kind: ClassVar[str] = "relative"
    offset: int = attrs.field(validator=_check_offset)
    unit: Unit
    bound: Bound
    anchor: Anchor | OpenAnchor
    detail: str = ""
    occurrence: int | None = attrs.field(default=None, kw_only=True, validator=_check_occurrence)
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``unit_unspecified`` for bare «дней»; ``open_anchor`` for an event the enum does not name,
        ``event_unnamed`` when no event is named at all."""
        flags = []
        if self.unit is Unit.DAY:
            flags.append("unit_unspecified")
        elif self.unit is Unit.HOUR:
            flags.append("hours_as_days")
        if isinstance(self.anchor, OpenAnchor):
            flags.append("open_anchor" if self.anchor.key else "event_unnamed")
        return frozenset(flags)

    @property
    def direction(self) -> str:
        """ "before", "after" or "on"."""
        return self.bound.direction

    def _shift(self, ctx: _Ctx, day: dt.date, sign: int) -> dt.date:
        unit = self.unit
        if unit is Unit.DAY:
            unit = Unit.WORKING_DAY if ctx.options.unspecified_days_are_working else Unit.CALENDAR_DAY
        n = sign * self.offset
        if unit is Unit.WORKING_DAY:
            if ctx.calendar is None:
                raise _NeedsCalendarError
            return ctx.calendar.add_working_days(day, n)
        if unit is Unit.WEEK:
            return day + dt.timedelta(weeks=n)
        if unit is Unit.MONTH:
            return day + relativedelta(months=n)
        if unit is Unit.HOUR:  # whole days only: the event's time of day is not known
            return day + dt.timedelta(days=sign * (self.offset // 24))
        return day + dt.timedelta(days=n)

    def _one(self, ctx: _Ctx, event: dt.date, label: str) -> DateWindow:
        bound = self.bound
        opts = ctx.options
        one = dt.timedelta(days=1)
        if bound is Bound.EXACT_BEFORE and opts.bare_offset_is_latest:
            bound = Bound.LATEST_BEFORE
        if self.unit is Unit.HOUR and bound in (Bound.WITHIN_AFTER, Bound.LATEST_AFTER):
            return DateWindow(event, self._shift(ctx, event, +1), label=label)  # hours run from the event
        if self.unit is Unit.HOUR and bound is Bound.WITHIN_BEFORE:
            return DateWindow(self._shift(ctx, event, -1), event, label=label)
        if bound is Bound.LATEST_BEFORE:
            end = self._shift(ctx, event, -1)
            return DateWindow(ctx.lower_bound(end), end, open_start=True, label=label)
        if bound is Bound.EXACT_BEFORE:
            return DateWindow.day(self._shift(ctx, event, -1), label=label)
        if bound is Bound.WITHIN_BEFORE:
            return DateWindow(self._shift(ctx, event, -1), event - one, label=label)
        if bound in (Bound.WITHIN_AFTER, Bound.LATEST_AFTER):
            end = self._shift(ctx, event, +1)
            start = event + one if opts.count_from_next_day else event
            if not opts.count_from_next_day:
                end -= one
            return DateWindow(min(start, end), end, label=label)
        if bound is Bound.EXACT_AFTER:
            return DateWindow.day(self._shift(ctx, event, +1), label=label)
        if bound is Bound.ON:
            return DateWindow.day(event, label=label)
        if bound is Bound.EVE:
            if opts.eve_is_working_day:
                if ctx.calendar is None:
                    raise _NeedsCalendarError
                return DateWindow.day(ctx.calendar.previous_working_day(event), label=label)
            return DateWindow.day(event - one, label=label)
        if bound is Bound.UNTIL:
            end = event if opts.until_includes_anchor_day else event - one
            return DateWindow(ctx.lower_bound(end), end, open_start=True, label=label)
        start = event + one
        return DateWindow(start, ctx.upper_bound(start), open_end=True, label=label)

    @property
    def exam_scopes(self) -> tuple[ExamScope, ...]:
        """The exams the detail names («ГИА-9» in «до начала ГИА-9», «ЕГЭ» in «после ЕГЭ по
        математике»), read by :func:`~gia_roadmap.calendar.exams.detect_exam_scopes`: the scope the
        anchor's events are bound in."""
        return detect_exam_scopes(self.detail) if self.detail else ()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        values = event_dates(ctx.events, self.anchor)
        if not values and isinstance(self.anchor, Anchor):
            # calendar facts of the school year (its start and end), the ends of the quarters bound
            values = school_year_event(
                self.anchor, ctx.school_year, ctx.calendar, event_dates(ctx.events, Anchor.SCHOOL_QUARTER)
            )
        if self.occurrence is not None:
            values = tuple(values)[self.occurrence - 1 : self.occurrence]
        if not values:
            reason = f"no dates given for anchor {self.anchor.key}"
            if self.anchor in (Anchor.SCHOOL_QUARTER, Anchor.SCHOOL_QUARTER_END):
                reason = _NO_QUARTERS + reason
            return _unresolved(ResolutionStatus.NO_EVENT_DATES, reason)
        windows = []
        for value in values:
            day = value.start if isinstance(value, DateWindow) else value
            try:
                windows.append(self._one(ctx, day, day.isoformat()))
            except _NeedsCalendarError:
                return _unresolved(ResolutionStatus.NEEDS_CALENDAR, "working days need a calendar")
            except CalendarCoverageError as exc:
                return _unresolved(ResolutionStatus.OUTSIDE_CALENDAR, str(exc))
            except (OverflowError, ValueError):
                # dates hold the years 1..9999: a count such as «за 800000 календарных дней» or 25 000
                # months leaves them, as it leaves any calendar
                return _unresolved(
                    ResolutionStatus.OUTSIDE_CALENDAR,
                    f"shifting {day.isoformat()} by {self.offset} {self.unit.value}s leaves the years "
                    "a calendar can hold (1–9999)",
                )
        return _ok(*windows)


_NO_QUARTERS = (
    "each school sets its quarters in its calendar graph (ФОП, п. 172.1): bind Anchor.SCHOOL_QUARTER "
    "to the quarters or Anchor.SCHOOL_QUARTER_END to their last days; "
)


class _NeedsCalendarError(Exception):
    pass
