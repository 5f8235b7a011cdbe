"""Resolution: what a term resolves to, the calendar it needs, and the base every term class shares.

* :class:`WorkingDayCalendar` — the protocol resolution needs from a calendar;
* :class:`Resolution` (windows, :class:`ResolutionStatus`, reason) and :class:`ResolveOptions` (the
  counting rules, see the package docstring);
* :class:`TermLike` — the small protocol every term class offers — and ``_Base``, its shared
  implementation (``resolve`` builds the context and calls the class's ``_resolve``).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import enum
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeAlias, cast, runtime_checkable

import attrs

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear, school_year_of
from gia_roadmap.errors import InvalidTypeError

if TYPE_CHECKING:
    from gia_roadmap.calendar.terms.containers import Term

__all__ = [
    "EventDates",
    "Resolution",
    "ResolutionStatus",
    "ResolveOptions",
    "TermLike",
    "WorkingDayCalendar",
    "event_dates",
]


@runtime_checkable
class WorkingDayCalendar(Protocol):
    """What resolution needs from a calendar (``RussianCalendar`` implements it)."""

    def is_working_day(self, day: dt.date, /) -> bool:
        """True when ``day`` is a working day."""
        ...

    def add_working_days(self, day: dt.date, n: int, /) -> dt.date:
        """The n-th working day strictly after ``day`` (n > 0), strictly before (n < 0), or ``day`` (0)."""
        ...

    def next_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself when ``include_self``)."""
        ...

    def previous_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself when ``include_self``)."""
        ...

    def working_days_between(self, start: dt.date, end: dt.date, /) -> int:
        """Number of working days in the half-open span [start, end)."""
        ...


EventDates: TypeAlias = Mapping[Any, Sequence[dt.date | DateWindow]]
"""Dates of anchor events: ``{Anchor.EXAM_DAY: (date(2025, 6, 16), …)}``.

The keys are :class:`~gia_roadmap.calendar.anchors.Anchor` members, open anchors (events the enum
does not name, :class:`~gia_roadmap.calendar.anchors.OpenAnchor`) or an open anchor's key as a string:
``{"получения сведений": (date(2025, 3, 3),)}``. (The key type is ``Any`` because a ``Mapping`` is
invariant in its keys: a ``dict[Anchor, …]`` must be accepted as it is.) Period anchors (exam periods
and stages) may map to :class:`DateWindow` values."""


def event_dates(events: EventDates, anchor: Anchor | OpenAnchor) -> Sequence[dt.date | DateWindow]:
    """The dates ``events`` gives for ``anchor`` (an open anchor by itself, else by its key)."""
    found = cast(Mapping[object, Sequence[dt.date | DateWindow]], events)
    values = found.get(anchor)
    if values is None and isinstance(anchor, OpenAnchor):
        values = found.get(anchor.key)
    return values or ()


class ResolutionStatus(enum.Enum):
    """How a resolution turned out."""

    RESOLVED = "resolved"
    """All windows are known."""
    PARTIAL = "partial"
    """Some parts resolved (windows given), others did not (see ``reason``)."""
    CONTINUOUS = "continuous"
    """Continuous activity: the window is the plan period; there is no due date."""
    NO_EVENT_DATES = "no_event_dates"
    """A relative term whose anchor has no dates in the given events."""
    NO_SCHOOL_YEAR = "no_school_year"
    """The text has no year and no school year (or plan period) was given."""
    NEEDS_CALENDAR = "needs_calendar"
    """Working-day arithmetic was needed but no calendar was given."""
    OUTSIDE_CALENDAR = "outside_calendar"
    """Working-day arithmetic fell outside the calendar's covered years."""
    UNKNOWN = "unknown"
    """The date is set elsewhere (external schedule, separate plan, on request, conditional)."""
    INVALID = "invalid"
    """The text is self-contradictory (a range that ends before it starts)."""
    MISSING = "missing"
    """The deadline cell is empty."""
    UNPARSED = "unparsed"
    """The text could not be read."""


@attrs.frozen
class Resolution:
    """The dates a term resolves to: inclusive windows, a status and a reason.

    Iterating over a resolution (or ``len()``) walks its windows, so it can be used where a tuple
    of :class:`DateWindow` is expected. ``reason`` explains anything that did not resolve and is
    empty when everything did.
    """

    windows: tuple[DateWindow, ...] = ()
    status: ResolutionStatus = ResolutionStatus.RESOLVED
    reason: str = ""

    def __iter__(self) -> Iterator[DateWindow]:
        return iter(self.windows)

    def __len__(self) -> int:
        return len(self.windows)

    @property
    def resolved(self) -> bool:
        """True when the status is RESOLVED or CONTINUOUS (every part has its windows)."""
        return self.status in (ResolutionStatus.RESOLVED, ResolutionStatus.CONTINUOUS)

    @property
    def due(self) -> dt.date | None:
        """The latest window end (the final due date), or None without windows."""
        return max((w.end for w in self.windows), default=None)


def _unresolved(status: ResolutionStatus, reason: str) -> Resolution:
    return Resolution((), status, reason)


def _ok(*windows: DateWindow) -> Resolution:
    return Resolution(tuple(windows), ResolutionStatus.RESOLVED, "")


def _is_flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A counting rule is True or False (``by_inclusive`` may also be None: keep each term's own)."""
    if isinstance(value, bool) or (value is None and attribute.name == "by_inclusive"):
        return
    allowed = "True, False or None" if attribute.name == "by_inclusive" else "True or False"
    raise InvalidTypeError(f"ResolveOptions.{attribute.name} must be {allowed}, got {value!r}")


@attrs.frozen(kw_only=True)
class ResolveOptions:
    """Configurable counting rules. The defaults follow the deadline-grammar catalogue (§6).

    Attributes:
        by_inclusive: None keeps each term's ``inclusive`` flag (inclusive unless the text says
            otherwise); True/False forces the reading of «до DATE» («до 01.11.2023» exclusive ends
            on 31.10.2023; «до декабря 2022» exclusive ends on 30.11.2022).
        bare_offset_is_latest: bare «за N дней до X» means exactly X−N (False, default) or "no later
            than X−N" with an open start (True).
        count_from_next_day: «в течение N дней со дня X» starts on X+1 and ends on X+N (True,
            Civil Code art. 191); False starts on X and ends on X+N−1.
        unspecified_days_are_working: days of unstated unit count as calendar days (False,
            default) or as working days (True).
        eve_is_working_day: «накануне X» is the calendar day before X (False, default) or the
            previous working day (True).
        until_includes_anchor_day: «до начала X» ends on X−1 (False, default) or on X (True).
        continuous_as_period: «постоянно», «круглогодично» resolve to the plan period with status
            CONTINUOUS (True, default) or to no windows with status UNKNOWN (False).
        unknown_as_period: external schedules, separate plans, requests and conditions resolve to
            no windows (False, default) or to the plan period (True); the status stays UNKNOWN.
    """

    by_inclusive: bool | None = attrs.field(default=None, validator=_is_flag)
    bare_offset_is_latest: bool = attrs.field(default=False, validator=_is_flag)
    count_from_next_day: bool = attrs.field(default=True, validator=_is_flag)
    unspecified_days_are_working: bool = attrs.field(default=False, validator=_is_flag)
    eve_is_working_day: bool = attrs.field(default=False, validator=_is_flag)
    until_includes_anchor_day: bool = attrs.field(default=False, validator=_is_flag)
    continuous_as_period: bool = attrs.field(default=True, validator=_is_flag)
    unknown_as_period: bool = attrs.field(default=False, validator=_is_flag)


@attrs.frozen
class _Ctx:
    calendar: WorkingDayCalendar | None
    events: EventDates
    school_year: SchoolYear | None
    plan_period: DateWindow | None
    options: ResolveOptions

    @property
    def frame(self) -> DateWindow | None:
        """The plan period, else the school year window."""
        if self.plan_period is not None:
            return self.plan_period
        if self.school_year is not None:
            return self.school_year.window
        return None

    def lower_bound(self, end: dt.date) -> dt.date:
        frame = self.frame
        if frame is not None and frame.start <= end:
            return frame.start
        return end

    def upper_bound(self, start: dt.date) -> dt.date:
        frame = self.frame
        if frame is not None and frame.end >= start:
            return frame.end
        return start


_CALENDAR_TYPES: set[type] = set()
"""Types already found to be working-day calendars."""


def _context(
    calendar: object, events: object, school_year: object, plan_period: object, options: object
) -> _Ctx:
    """The resolution context of :meth:`resolve`'s arguments, each checked: a wrong type is an
    :class:`~gia_roadmap.errors.InvalidTypeError` naming the argument, never an error deep inside."""
    if calendar is not None and type(calendar) not in _CALENDAR_TYPES:
        if isinstance(calendar, WorkingDayCalendar):  # a protocol check is slow: once per type
            _CALENDAR_TYPES.add(type(calendar))
        else:
            raise InvalidTypeError(
                f"calendar must be a working-day calendar (RussianCalendar or one with is_working_day, "
                f"add_working_days, …), got {type(calendar).__name__}"
            )
    if events is not None and type(events) is not dict and not isinstance(events, Mapping):  # ABC check: slow
        raise InvalidTypeError(
            f"events must be a mapping of anchors to dates ({{Anchor.EXAM_DAY: (date, …)}}), "
            f"got {type(events).__name__}"
        )
    if plan_period is not None and not isinstance(plan_period, DateWindow):
        raise InvalidTypeError(f"plan_period must be a DateWindow, got {type(plan_period).__name__}")
    if options is not None and not isinstance(options, ResolveOptions):
        raise InvalidTypeError(f"options must be ResolveOptions, got {type(options).__name__}")
    return _Ctx(
        cast("WorkingDayCalendar | None", calendar),
        cast("EventDates", events or {}),
        school_year_of(school_year),
        plan_period,
        options or ResolveOptions(),
    )


class TermLike(Protocol):
    """What every term offers (the one small protocol all term classes share)."""

    kind: ClassVar[str]

    @property
    def raw(self) -> str:
        """The source text (not part of equality)."""
        ...

    @property
    def flags(self) -> frozenset[str]:
        """Ambiguities the parser decided, as stable snake_case names."""
        ...

    def resolve(
        self,
        calendar: WorkingDayCalendar | None = None,
        events: EventDates | None = None,
        *,
        school_year: SchoolYear | int | None = None,
        plan_period: DateWindow | None = None,
        options: ResolveOptions | None = None,
    ) -> Resolution:
        """Resolve to inclusive date windows (see :class:`Resolution`)."""
        ...


class _Base:
    """Shared behaviour of the term classes (no state of its own)."""

    __slots__ = ()
    kind: ClassVar[str] = ""
    container: ClassVar[bool] = False
    """True for the classes that only group other terms (a term with its qualifier, a sequence, terms
    per exam): :func:`~gia_roadmap.calendar.terms.parts` looks through them."""

    @property
    def flags(self) -> frozenset[str]:
        """Ambiguities the parser decided (empty by default)."""
        return frozenset()

    def children(self) -> tuple[Term, ...]:
        """The terms this term holds, in reading order (none for a simple term).

        The one traversal of term trees: :func:`~gia_roadmap.calendar.terms.walk` and
        :func:`~gia_roadmap.calendar.terms.parts` are built on it.
        """
        return ()

    def resolve(
        self,
        calendar: WorkingDayCalendar | None = None,
        events: EventDates | None = None,
        *,
        school_year: SchoolYear | int | None = None,
        plan_period: DateWindow | None = None,
        options: ResolveOptions | None = None,
    ) -> Resolution:
        """Resolve this term to inclusive date windows.

        Args:
            calendar: working-day calendar, needed only for working-day offsets.
            events: dates of anchor events (exam days, decisions, appeals, exam periods).
            school_year: frame for months written without a year and for «в течение года» (a
                :class:`~gia_roadmap.calendar.SchoolYear` or its start year).
            plan_period: the plan's whole period («весь период»); defaults to the school year.
            options: counting rules (:class:`ResolveOptions`).
        """
        return self._resolve(_context(calendar, events, school_year, plan_period, options))

    def _resolve(self, ctx: _Ctx) -> Resolution:
        raise NotImplementedError


def _raw() -> str:
    return attrs.field(default="", eq=False, kw_only=True)


def _combine(parts: Sequence[Resolution]) -> Resolution:
    windows = tuple(w for r in parts for w in r.windows)
    bad = [r for r in parts if not r.resolved]
    reasons = "; ".join(r.reason for r in parts if r.reason)
    if not bad:
        status = (
            ResolutionStatus.CONTINUOUS
            if parts and all(r.status is ResolutionStatus.CONTINUOUS for r in parts)
            else ResolutionStatus.RESOLVED
        )
        return Resolution(windows, status, reasons)
    if windows:
        return Resolution(windows, ResolutionStatus.PARTIAL, reasons)
    statuses = {r.status for r in bad}
    status = statuses.pop() if len(statuses) == 1 else ResolutionStatus.PARTIAL
    return Resolution((), status, reasons)


def _no_year(what: str) -> Resolution:
    return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, f"{what} has no year and no school year was given")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])
