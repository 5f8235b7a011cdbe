"""Exam schedules (расписание ГИА) as cited data: exam days, periods, subjects and the orders that fixed them.

An :class:`ExamSchedule` holds the exam days (:class:`ExamDay`) of one school year for the exams of the
state final attestation (государственная итоговая аттестация, ГИА): ЕГЭ, ОГЭ, ГВЭ-9, ГВЭ-11, and the
two admission tests, итоговое сочинение (изложение) and итоговое собеседование по русскому языку.
Every row names its sources (keys resolving to URLs, :class:`ScheduleSource`) and a :class:`Confidence` mark;
rows confirmed by one source only are flagged (:attr:`ExamDay.single_source`).

Amendments are data, not overwrites. Each row names the order that introduced it (``order``) and,
when a later amendment replaced it, that amendment (``superseded_by``). A schedule is a *view*: the
set of orders in force (``in_force``) decides which rows are visible. The default view is "as
amended" (every adopted order); :meth:`ExamSchedule.original` shows the schedule before amendments,
:meth:`ExamSchedule.with_drafts` adds draft orders, :meth:`ExamSchedule.with_orders` picks any set.

``ExamSchedule.bundled(2023)`` gives the shipped data for the school year 2023/24 (also 2024/25 and
2025/26); :meth:`ExamSchedule.load` / :meth:`ExamSchedule.loads` read a user's own schedule from YAML
or JSON and report every problem with its file and path (:class:`~gia_roadmap.errors.ScheduleDataError`).
:func:`gia_roadmap.calendar.events.exam_events` turns the days into dated, scoped events (the anchor →
dates map that ``Term.resolve`` takes).

Example:
    >>> from gia_roadmap.calendar import ExamKind, ExamSchedule
    >>> ege = ExamSchedule.bundled(2024).filter(exam=ExamKind.EGE)
    >>> [d.date.isoformat() for d in ege.days if d.period.value == "main_reserve"][0]
    '2025-06-16'
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from gia_roadmap import datafiles
from gia_roadmap.calendar.exams import ExamKind, ExamStage, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.errors import (
    DateTypeError,
    Location,
    Problem,
    ScheduleCoverageError,
    ScheduleDataError,
    Severity,
)

__all__ = [
    "Confidence",
    "ExamDay",
    "ExamSchedule",
    "OrderKind",
    "OrderStatus",
    "PeriodWindow",
    "ScheduleOrder",
    "ScheduleSource",
    "bundled_school_years",
    "bundled_sources",
]


# --------------------------------------------------------------------------------------------
# Confidence and orders
# --------------------------------------------------------------------------------------------


class Confidence(enum.Enum):
    """How well a date fact is confirmed (marks of the exam-schedules reference notes)."""

    A = "A"
    """Date and subjects stated by two or more independent pages."""
    A_STAR = "A*"
    """Two pages agree, one reporting the published draft and the other the final order."""
    B = "B"
    """One page only (single source): usable, verify before relying on it."""
    C = "C"
    """Only a draft, a proposal or an inference: not confirmed as final."""
    UNCONFIRMED = "—"
    """Not confirmed: the value is unknown, the row only records that the slot exists."""

    @property
    def single_source(self) -> bool:
        """True for B: confirmed by one source only."""
        return self is Confidence.B

    @property
    def confirmed(self) -> bool:
        """True for A and A*: confirmed by two or more pages."""
        return self in (Confidence.A, Confidence.A_STAR)


class OrderKind(enum.Enum):
    """What an order (приказ) does."""

    SCHEDULE = "schedule"
    """Approves a schedule (единое расписание)."""
    AMENDMENT = "amendment"
    """Amends schedule orders (о внесении изменений)."""
    PROCEDURE = "procedure"
    """A procedure (Порядок проведения ГИА) whose rules fix dates (сочинение, собеседование)."""


class OrderStatus(enum.Enum):
    """Whether an order is in force or only proposed."""

    ADOPTED = "adopted"
    """Signed (and, as far as known, registered): in the default view."""
    DRAFT = "draft"
    """A published draft (проект) whose adoption is not confirmed.

    Its rows appear only in :meth:`ExamSchedule.with_drafts`.
    """


# --------------------------------------------------------------------------------------------
# Value objects
# --------------------------------------------------------------------------------------------


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class ScheduleSource:
    """A public page a date fact was taken from.

    Attributes:
        key: stable identifier used in the data (``"rg-20240422"``).
        url: the page's address.
        group: the heading it is listed under in the reference notes (``"ЕГЭ / ОГЭ 2024"``).
    """

    key: str
    url: str
    group: str = ""


@attrs.frozen
class ScheduleOrder:
    """An order (приказ) or procedure (Порядок) that fixes exam days, with its sources.

    Attributes:
        key: its number as written (``"953/2116"``: Минпросвещения № / Рособрнадзора №) or a stable
            placeholder when the number is not confirmed (``"oge-2025"``).
        kind: schedule, amendment or procedure.
        title: the title (Russian), as far as known.
        exams: the exam kinds it covers.
        status: adopted or draft.
        signed: the signing date, None when not confirmed.
        amends: keys of the orders it amends.
        confidence: how well the order's number and date are confirmed.
        sources: source keys.
        note: anything else worth knowing (registration, repeal, doubts).
    """

    key: str
    kind: OrderKind
    title: str
    exams: tuple[ExamKind, ...]
    status: OrderStatus = OrderStatus.ADOPTED
    signed: dt.date | None = None
    amends: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    confidence: Confidence = Confidence.A
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    note: str = ""


@attrs.frozen(order=False)
class ExamDay:
    """One exam day of one exam kind: «2025-06-16, ЕГЭ, резервный день: география, литература …».

    Attributes:
        date: the day.
        exam: the exam kind.
        period: the period the day belongs to.
        subjects: the subjects held that day (empty for the итоговое сочинение, and where the subjects
            are not known).
        confidence: how well the date and subjects are confirmed.
        sources: source keys (see :class:`ScheduleSource`).
        order: the key of the order that introduced this row.
        superseded_by: the key of the amendment that replaced this row, None while it stands.
        subjects_confirmed: False when the date is known but which subject is on it is not.
        note: remarks from the reference notes (doubts, regional scope, truncated sources).
    """

    date: dt.date
    exam: ExamKind
    period: PeriodKind
    subjects: tuple[Subject, ...]
    confidence: Confidence
    sources: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    order: str
    superseded_by: str | None = None
    subjects_confirmed: bool = True
    note: str = ""

    @property
    def single_source(self) -> bool:
        """True when the row is confirmed by one source only (confidence B)."""
        return self.confidence.single_source

    @property
    def stage(self) -> ExamStage | None:
        """The stage (досрочный, основной, дополнительный) of the day's period."""
        return self.period.stage

    @property
    def specific_subjects(self) -> tuple[Subject, ...]:
        """The subjects with «по всем учебным предметам» expanded for the exam kind."""
        out: list[Subject] = []
        for subject in self.subjects:
            if subject is Subject.ALL:
                out.extend(exam_subjects(self.exam))
            elif subject is Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS:
                out.extend(
                    s
                    for s in exam_subjects(self.exam)
                    if s is not Subject.RUSSIAN and s not in Subject.MATHEMATICS.parts
                )
            else:
                out.append(subject)
        return tuple(dict.fromkeys(out))

    def covers(self, subject: Subject) -> bool:
        """True when ``subject`` can be taken on this day.

        A general subject matches its parts (``MATHEMATICS`` matches both ЕГЭ levels, ``FOREIGN_LANGUAGES``
        both parts); «по всем учебным предметам» matches every subject of the exam kind.
        """
        wanted = subject.parts
        return any(s in wanted for s in self.specific_subjects)

    def label(self) -> str:
        """A short Russian label: «ЕГЭ 2025-06-16 (резервные дни основного периода)»."""
        return f"{self.exam.russian} {self.date.isoformat()} ({self.period.russian})"


@attrs.frozen
class PeriodWindow:
    """A span of days known for a period although (some of) its days are not: period bounds
    («основной период с 23 мая по 5 июля») or a slot whose per-day subjects are not confirmed.

    Attributes:
        exam: the exam kind.
        periods: the periods the span covers (bounds of a stage list all of its periods).
        start, end: the inclusive span.
        confidence, sources, order, superseded_by, subjects_confirmed, note: as on :class:`ExamDay`.
    """

    exam: ExamKind
    periods: tuple[PeriodKind, ...]
    start: dt.date
    end: dt.date
    confidence: Confidence
    sources: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    order: str
    superseded_by: str | None = None
    subjects_confirmed: bool = True
    note: str = ""

    @property
    def window(self) -> DateWindow:
        """The span as a :class:`DateWindow`."""
        return DateWindow(self.start, self.end, label=f"{self.exam.russian}: {self.periods[0].russian}")

    @property
    def stages(self) -> frozenset[ExamStage]:
        """The stages of the covered periods."""
        return frozenset(s for s in (p.stage for p in self.periods) if s is not None)


# --------------------------------------------------------------------------------------------
# The schedule
# --------------------------------------------------------------------------------------------


def _frozen_keys(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _default_in_force(orders: Iterable[ScheduleOrder]) -> frozenset[str]:
    return frozenset(o.key for o in orders if o.status is OrderStatus.ADOPTED)


@attrs.frozen
class ExamSchedule:
    """Exam days of one school year, with their orders and sources, seen through a set of orders in force.

    Build one with :meth:`bundled`, :meth:`load` or :meth:`loads` (the constructor takes already
    validated parts). ``all_days`` and ``all_windows`` hold every version of every row; :attr:`days`
    and :attr:`windows` are the rows visible in this view: introduced by an order in ``in_force`` and
    not superseded by one.

    Attributes:
        school_year: the school year the schedule belongs to.
        orders: every order referenced by the rows (adopted and draft).
        all_days: every exam-day row, all versions, sorted by (date, exam).
        all_windows: every period window, all versions.
        sources: the sources the rows, orders and windows cite.
        in_force: keys of the orders applied in this view.
    """

    school_year: SchoolYear
    orders: tuple[ScheduleOrder, ...]
    all_days: tuple[ExamDay, ...]
    all_windows: tuple[PeriodWindow, ...] = ()
    sources: tuple[ScheduleSource, ...] = ()
    in_force: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda self: _default_in_force(self.orders), takes_self=True),
        converter=_frozen_keys,
    )

    # ------------------------------------------------------------------ views
    def _visible(self, row: ExamDay | PeriodWindow) -> bool:
        return row.order in self.in_force and (
            row.superseded_by is None or row.superseded_by not in self.in_force
        )

    @property
    def days(self) -> tuple[ExamDay, ...]:
        """The exam days visible in this view, sorted by date and exam kind."""
        return tuple(d for d in self.all_days if self._visible(d))

    @property
    def windows(self) -> tuple[PeriodWindow, ...]:
        """The period windows visible in this view."""
        return tuple(w for w in self.all_windows if self._visible(w))

    def __iter__(self) -> Iterator[ExamDay]:
        return iter(self.days)

    def __len__(self) -> int:
        return len(self.days)

    def order(self, key: str) -> ScheduleOrder:
        """The order with ``key``.

        Raises:
            ScheduleDataError: no such order (the message lists the known keys).
        """
        for order in self.orders:
            if order.key == key:
                return order
        raise ScheduleDataError(
            [_problem("<schedule>", "orders", f"no order {key!r}", _one_of(o.key for o in self.orders))]
        )

    def source(self, key: str) -> ScheduleSource:
        """The source with ``key``.

        Raises:
            ScheduleDataError: no such source among those this schedule cites.
        """
        for source in self.sources:
            if source.key == key:
                return source
        raise ScheduleDataError(
            [_problem("<schedule>", "sources", f"no source {key!r}", "a key the schedule cites")]
        )

    def as_amended(self) -> ExamSchedule:
        """The default view: every adopted order, amendments applied, drafts left out."""
        return attrs.evolve(self, in_force=_default_in_force(self.orders))

    def original(self) -> ExamSchedule:
        """The view before amendments: adopted schedule orders and procedures only."""
        keys = frozenset(
            o.key
            for o in self.orders
            if o.status is OrderStatus.ADOPTED and o.kind is not OrderKind.AMENDMENT
        )
        return attrs.evolve(self, in_force=keys)

    def with_drafts(self) -> ExamSchedule:
        """Every order in force, drafts included (proposed extra dates become visible)."""
        return attrs.evolve(self, in_force=frozenset(o.key for o in self.orders))

    def with_orders(self, keys: Iterable[str]) -> ExamSchedule:
        """The view with exactly the orders ``keys`` in force.

        Raises:
            ScheduleDataError: a key names no order of this schedule.
        """
        wanted = frozenset(keys)
        known = {o.key for o in self.orders}
        unknown = sorted(wanted - known)
        if unknown:
            raise ScheduleDataError(
                [_problem("<schedule>", "in_force", f"no order {k!r}", _one_of(known)) for k in unknown]
            )
        return attrs.evolve(self, in_force=wanted)

    # ------------------------------------------------------------------ filters
    def filter(
        self,
        *,
        exam: ExamKind | Iterable[ExamKind] | None = None,
        subject: Subject | Iterable[Subject] | None = None,
        period: PeriodKind | Iterable[PeriodKind] | None = None,
        stage: ExamStage | Iterable[ExamStage] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        predicate: Callable[[ExamDay], bool] | None = None,
    ) -> ExamSchedule:
        """A schedule with only the rows that match every given criterion (all versions are filtered alike).

        Args:
            exam: one exam kind or several.
            subject: one subject or several; a day matches when it :meth:`~ExamDay.covers` any of them.
                Windows are kept only when no subject is asked for.
            period: one period or several.
            stage: one stage (досрочный, основной, дополнительный) or several.
            start: inclusive lower date bound.
            end: inclusive upper date bound.
            predicate: any further test on a day (windows are then dropped).
        """
        exams = _as_set(exam, ExamKind)
        subjects = _as_set(subject, Subject)
        periods = _as_set(period, PeriodKind)
        stages = _as_set(stage, ExamStage)

        def keep_day(d: ExamDay) -> bool:
            return (
                (exams is None or d.exam in exams)
                and (periods is None or d.period in periods)
                and (stages is None or d.stage in stages)
                and (subjects is None or any(d.covers(s) for s in subjects))
                and (start is None or d.date >= start)
                and (end is None or d.date <= end)
                and (predicate is None or predicate(d))
            )

        def keep_window(w: PeriodWindow) -> bool:
            return (
                subjects is None
                and predicate is None
                and (exams is None or w.exam in exams)
                and (periods is None or any(p in periods for p in w.periods))
                and (stages is None or any(s in stages for s in w.stages))
                and (start is None or w.end >= start)
                and (end is None or w.start <= end)
            )

        return attrs.evolve(
            self,
            all_days=tuple(d for d in self.all_days if keep_day(d)),
            all_windows=tuple(w for w in self.all_windows if keep_window(w)),
        )

    @property
    def exams(self) -> tuple[ExamKind, ...]:
        """The exam kinds with at least one visible day, in enum order."""
        present = {d.exam for d in self.days}
        return tuple(e for e in ExamKind if e in present)

    @property
    def single_source_days(self) -> tuple[ExamDay, ...]:
        """Visible days confirmed by one source only (confidence B)."""
        return tuple(d for d in self.days if d.single_source)

    # ------------------------------------------------------------------ periods
    def stage_windows(self) -> dict[tuple[ExamKind, ExamStage], DateWindow]:
        """For each (exam kind, stage) the span from its first to its last known day, windows included."""
        spans: dict[tuple[ExamKind, ExamStage], tuple[dt.date, dt.date]] = {}

        def widen(key: tuple[ExamKind, ExamStage], first: dt.date, last: dt.date) -> None:
            old = spans.get(key)
            spans[key] = (first, last) if old is None else (min(old[0], first), max(old[1], last))

        for d in self.days:
            if d.stage is not None:
                widen((d.exam, d.stage), d.date, d.date)
        for w in self.windows:
            for s in w.stages:
                widen((w.exam, s), w.start, w.end)
        return {
            key: DateWindow(a, b, label=f"{key[0].russian}: {key[1].russian}")
            for key, (a, b) in sorted(spans.items(), key=lambda kv: (kv[1][0], kv[0][0].value))
        }

    # ------------------------------------------------------------------ integrity
    def check(self, calendar: Any | None = None) -> tuple[Problem, ...]:
        """Integrity problems of this view (empty when all is well).

        Checks: no two visible rows of one exam kind on the same day; periods in chronological
        order within each exam kind; subjects valid for the exam kind; every date inside the exam
        campaign (1 September of the school year to 30 September after it: the additional period
        falls in the next school year's September); and, with a ``RussianCalendar``, no exam on a
        public holiday, a transferred day off or a Sunday (Saturdays are legal exam days —
        2024-06-08, 2026-06-06 — and are not reported).
        """
        file = f"<{self.school_year} schedule>"
        problems: list[Problem] = []
        days = self.days
        seen: dict[tuple[ExamKind, dt.date], int] = {}
        for i, d in enumerate(days):
            path = f"{d.exam.value} {d.date.isoformat()}"
            key = (d.exam, d.date)
            if key in seen:
                problems.append(_problem(file, path, "two visible rows for the same exam day", "one row"))
            seen[key] = i
            if not _in_campaign(d.date, self.school_year):
                problems.append(
                    _problem(
                        file,
                        path,
                        "date outside the exam campaign of the school year",
                        f"a date from {self.school_year.start} to {_campaign_end(self.school_year)}",
                    )
                )
            allowed = set(exam_subjects(d.exam)) | {Subject.ALL, Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS}
            for s in d.subjects:
                if s not in allowed:
                    problems.append(
                        _problem(
                            file,
                            path,
                            f"subject {s.value!r} is not held in {d.exam.russian}",
                            _one_of(x.value for x in allowed),
                        )
                    )
            if calendar is not None:
                kind = calendar.day_kind(d.date).value
                if kind in ("holiday", "transferred_day_off", "special_non_working", "extra_day_off") or (
                    d.date.weekday() == 6 and not calendar.is_working_day(d.date)
                ):
                    problems.append(
                        _problem(
                            file,
                            path,
                            f"exam on a day off ({kind}, {d.date:%A})",
                            "a working day or a Saturday",
                        )
                    )
        for exam in ExamKind:
            latest: dict[PeriodKind, dt.date] = {}
            earliest: dict[PeriodKind, dt.date] = {}
            for d in days:
                if d.exam is exam:
                    latest[d.period] = max(latest.get(d.period, d.date), d.date)
                    earliest[d.period] = min(earliest.get(d.period, d.date), d.date)
            for p in earliest:
                for q in earliest:
                    if p.rank < q.rank and latest[p] >= earliest[q]:
                        problems.append(
                            _problem(
                                file,
                                f"{exam.value} {p.value}/{q.value}",
                                f"{p.value} ends {latest[p]} on or after {q.value} starts {earliest[q]}",
                                f"every {p.value} day before every {q.value} day",
                            )
                        )
        return tuple(problems)

    # ------------------------------------------------------------------ loading and saving
    @classmethod
    def bundled(cls, school_year: SchoolYear | int | str) -> ExamSchedule:
        """The shipped schedule of a school year (2023/24, 2024/25, 2025/26), as amended.

        Args:
            school_year: ``SchoolYear(2023)``, the start year ``2023``, or ``"2023/24"`` / ``"2023/2024"``.

        Raises:
            ScheduleCoverageError: no bundled schedule for that school year.
            DateTypeError: ``school_year`` is of another type.
        """
        year = _start_year(school_year)
        available = bundled_school_years()
        if year not in available:
            raise ScheduleCoverageError(year, available)
        return _load_bundled(year)

    @classmethod
    def load(cls, path: str | Path) -> ExamSchedule:
        """Read a schedule file: ``.json``, ``.yaml`` / ``.yml`` or ``.toml`` (the bundled format).

        ScheduleSource keys may be defined in the file's ``sources`` table or taken from the bundled
        registry; the two procedures (233/552, 232/551) need not be repeated.

        Raises:
            ScheduleDataError: with every problem, each located by file and path.
        """
        p = Path(path)
        fmt = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}.get(p.suffix.lower())
        if fmt is None:
            raise ScheduleDataError(
                [
                    _problem(
                        str(p), "", f"unknown file type {p.suffix!r}", "a .json, .yaml, .yml or .toml file"
                    )
                ]
            )
        try:
            text = datafiles.decode(datafiles.read_limited(p, datafiles.LoadLimits()))
        except datafiles.DataFileError as error:
            raise ScheduleDataError([error.located(str(p), code="invalid-schedule")]) from None
        except OSError as exc:
            raise ScheduleDataError(
                [_problem(str(p), "", f"cannot read the file: {exc}", "a readable file")]
            ) from exc
        return cls.loads(text, format=fmt, file=str(p))

    @classmethod
    def loads(cls, text: str, *, format: str = "json", file: str = "<string>") -> ExamSchedule:
        """Read a schedule from text in ``format`` ``"json"``, ``"yaml"`` or ``"toml"``.

        Raises:
            ScheduleDataError: with every problem, each located by ``file`` and path.
        """
        data = _parse_text(text, format, file)
        return _build(data, file)

    def to_dict(self) -> dict[str, Any]:
        """The schedule as plain data (the file format; dates as ISO strings), every version included."""
        doc: dict[str, Any] = {"school_year": self.school_year.start_year}
        doc["sources"] = {s.key: {"url": s.url, "group": s.group} for s in self.sources}
        doc["orders"] = [_order_dict(o) for o in self.orders]
        doc["days"] = [_day_dict(d) for d in self.all_days]
        doc["windows"] = [_window_dict(w) for w in self.all_windows]
        if self.in_force != _default_in_force(self.orders):
            doc["in_force"] = sorted(self.in_force)
        return doc

    def dumps(self, format: str = "json") -> str:
        """The schedule as JSON or YAML text that :meth:`loads` reads back to an equal schedule.

        Raises:
            ScheduleDataError: an unknown format.
        """
        doc = self.to_dict()
        if format == "json":
            return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        if format == "yaml":
            return datafiles.dump_yaml(doc, width=80)
        raise ScheduleDataError([_problem("<dumps>", "", f"unknown format {format!r}", "'json' or 'yaml'")])

    def save(self, path: str | Path) -> None:
        """Write the schedule to ``path`` (``.json`` or ``.yaml``/``.yml`` by its suffix)."""
        p = Path(path)
        fmt = "yaml" if p.suffix.lower() in (".yaml", ".yml") else "json"
        p.write_text(self.dumps(fmt), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

E = TypeVar("E", bound=enum.Enum)


def _as_set(value: E | Iterable[E] | None, kind: type[E]) -> frozenset[E] | None:
    if value is None:
        return None
    if isinstance(value, kind):
        return frozenset({value})
    items = frozenset(value)  # type: ignore[arg-type]
    for item in items:
        if not isinstance(item, kind):
            raise DateTypeError(f"expected {kind.__name__} members, got {item!r}")
    return items


def _campaign_end(school_year: SchoolYear) -> dt.date:
    """The exam campaign of a school year ends with its additional (September) period: 30 September."""
    return dt.date(school_year.end_year, 9, 30)


def _in_campaign(day: dt.date, school_year: SchoolYear) -> bool:
    return school_year.start <= day <= _campaign_end(school_year)


def _problem(
    file: str, path: str, message: str, expected: str, *, line: int | None = None, column: int | None = None
) -> Problem:
    """A problem of a schedule document: at ``path`` (``days[3].date``) or ``line``/``column`` of ``file``."""
    return Problem(
        code="invalid-schedule",
        severity=Severity.ERROR,
        location=Location(file=file, path=path, line=line, column=column),
        message=message,
        expected=expected,
    )


def _one_of(values: Iterable[str]) -> str:
    items = sorted(set(values))
    if len(items) > 12:
        return "one of " + ", ".join(repr(v) for v in items[:12]) + f", … ({len(items)} in all)"
    return "one of " + ", ".join(repr(v) for v in items)


def _start_year(value: SchoolYear | int | str) -> int:
    if isinstance(value, SchoolYear):
        return value.start_year
    if isinstance(value, bool):
        raise DateTypeError(f"school_year must be a SchoolYear, an int or a 'YYYY/YY' string, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        year = _parse_school_year_text(value)
        if year is None:
            raise ScheduleDataError(
                [
                    _problem(
                        "<argument>",
                        "school_year",
                        f"cannot read {value!r}",
                        "'2023/24', '2023/2024', '2023-2024' or 2023",
                    )
                ]
            )
        return year
    raise DateTypeError(f"school_year must be a SchoolYear, an int or a 'YYYY/YY' string, got {value!r}")


def _parse_school_year_text(text: str) -> int | None:
    t = text.strip().replace("–", "/").replace("-", "/")
    if t.isdigit() and len(t) == 4:
        return int(t)
    parts = t.split("/")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    first, second = parts
    if len(first) != 4:
        return None
    start = int(first)
    if len(second) == 4 and int(second) == start + 1:
        return start
    if len(second) == 2 and int(second) == (start + 1) % 100:
        return start
    return None


def _bundled_folder() -> Any:
    return resources.files("gia_roadmap.calendar") / "schedules"


@cache
def bundled_school_years() -> tuple[int, ...]:
    """Start years of the school years with a bundled schedule (``(2023, 2024, 2025)``)."""
    years = []
    for entry in _bundled_folder().iterdir():
        name = entry.name
        if name.endswith(".toml") and name[:4].isdigit():
            years.append(int(name[:4]))
    return tuple(sorted(years))


@cache
def _common() -> dict[str, Any]:
    text = _bundled_folder().joinpath("sources.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def bundled_sources() -> tuple[ScheduleSource, ...]:
    """The registry of every source key the bundled data and timeline rules cite, with its URL."""
    return tuple(
        ScheduleSource(key, str(v["url"]), str(v.get("group", ""))) for key, v in _common()["sources"].items()
    )


@cache
def _load_bundled(year: int) -> ExamSchedule:
    name = f"{year}-{year + 1}.toml"
    text = _bundled_folder().joinpath(name).read_text(encoding="utf-8")
    return _build(tomllib.loads(text), f"gia_roadmap/calendar/schedules/{name}")


def _parse_text(text: str, format: str, file: str) -> Any:
    """Plain data from a user's schedule file, within the data-file limits (gia_roadmap.datafiles)."""
    if format not in ("json", "yaml", "toml"):
        message = f"unknown format {format!r}"
        raise ScheduleDataError([_problem(file, "", message, "'json', 'yaml' or 'toml'")])
    try:
        return datafiles.parse(text, format)  # type: ignore[arg-type]  # checked just above
    except datafiles.DataFileError as error:
        raise ScheduleDataError([error.located(file, code="invalid-schedule")]) from None


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _drop_defaults(d: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if not (k in defaults and v == defaults[k])}


def _order_dict(o: ScheduleOrder) -> dict[str, Any]:
    d = {
        "key": o.key,
        "kind": o.kind.value,
        "title": o.title,
        "exams": [e.value for e in o.exams],
        "status": o.status.value,
        "signed": _iso(o.signed),
        "amends": list(o.amends),
        "confidence": o.confidence.value,
        "sources": list(o.sources),
        "note": o.note,
    }
    return _drop_defaults(d, {"signed": None, "amends": [], "note": ""})


def _day_dict(r: ExamDay) -> dict[str, Any]:
    d = {
        "date": r.date.isoformat(),
        "exam": r.exam.value,
        "period": r.period.value,
        "subjects": [s.value for s in r.subjects],
        "confidence": r.confidence.value,
        "sources": list(r.sources),
        "order": r.order,
        "superseded_by": r.superseded_by,
        "subjects_confirmed": r.subjects_confirmed,
        "note": r.note,
    }
    return _drop_defaults(d, {"superseded_by": None, "subjects_confirmed": True, "note": ""})


def _window_dict(w: PeriodWindow) -> dict[str, Any]:
    d = {
        "exam": w.exam.value,
        "periods": [p.value for p in w.periods],
        "start": w.start.isoformat(),
        "end": w.end.isoformat(),
        "confidence": w.confidence.value,
        "sources": list(w.sources),
        "order": w.order,
        "superseded_by": w.superseded_by,
        "subjects_confirmed": w.subjects_confirmed,
        "note": w.note,
    }
    return _drop_defaults(d, {"superseded_by": None, "subjects_confirmed": True, "note": ""})


# --------------------------------------------------------------------------------------------
# The validating reader: collects every problem, each with its path
# --------------------------------------------------------------------------------------------

_MISSING = object()
_TOP_KEYS = ("school_year", "sources", "orders", "days", "windows", "in_force")
_ORDER_KEYS = ("key", "kind", "title", "exams", "status", "signed", "amends", "confidence", "sources", "note")
_DAY_KEYS = (
    "date",
    "exam",
    "period",
    "subjects",
    "confidence",
    "sources",
    "order",
    "superseded_by",
    "subjects_confirmed",
    "note",
)
_WINDOW_KEYS = (
    "exam",
    "periods",
    "start",
    "end",
    "confidence",
    "sources",
    "order",
    "superseded_by",
    "subjects_confirmed",
    "note",
)


class _Reader:
    """Reads plain data into schedule values, recording every problem instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, expected: str) -> None:
        self.problems.append(_problem(self.file, path, message, expected))

    def mapping(self, value: Any, path: str, keys: Sequence[str]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.problem(
                path, f"expected a table/object, got {_show(value)}", f"an object with keys {', '.join(keys)}"
            )
            return None
        for key in value:
            if key not in keys:
                self.problem(f"{path}.{key}" if path else str(key), f"unknown key {key!r}", _one_of(keys))
        return value

    def field(self, m: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> Any:
        value = m.get(key, _MISSING)
        if value is _MISSING and required:
            self.problem(_join(path, key), f"missing required key {key!r}", f"a value for {key!r}")
        return value

    def text(
        self, m: Mapping[str, Any], key: str, path: str, *, required: bool = True, default: str = ""
    ) -> str:
        value = self.field(m, key, path, required=required)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.problem(_join(path, key), f"expected text, got {_show(value)}", "a string")
            return default
        return value

    def flag(self, m: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = self.field(m, key, path, required=False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(_join(path, key), f"expected true or false, got {_show(value)}", "true or false")
            return default
        return value

    def date(self, m: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> dt.date | None:
        value = self.field(m, key, path, required=required)
        if value is _MISSING or (value is None and not required):
            return None
        if isinstance(value, dt.datetime):
            self.problem(
                _join(path, key), f"expected a date, got a date and time {value!r}", "an ISO date YYYY-MM-DD"
            )
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(_join(path, key), f"expected a date, got {_show(value)}", "an ISO date YYYY-MM-DD")
        return None

    def choice(
        self, m: Mapping[str, Any], key: str, path: str, kind: type[E], *, required: bool = True
    ) -> E | None:
        value = self.field(m, key, path, required=required)
        if value is _MISSING:
            return None
        return self.member(value, _join(path, key), kind)

    def member(self, value: Any, path: str, kind: type[E]) -> E | None:
        try:
            return kind(value)
        except (ValueError, TypeError):
            self.problem(
                path, f"{_show(value)} is not a valid {kind.__name__}", _one_of(str(e.value) for e in kind)
            )
            return None

    def members(
        self, m: Mapping[str, Any], key: str, path: str, kind: type[E], *, required: bool = True
    ) -> tuple[E, ...]:
        value = self.field(m, key, path, required=required)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self.problem(
                _join(path, key), f"expected a list, got {_show(value)}", f"a list of {kind.__name__} values"
            )
            return ()
        out = []
        for i, item in enumerate(value):
            member = self.member(item, f"{_join(path, key)}[{i}]", kind)
            if member is not None:
                out.append(member)
        return tuple(out)

    def strings(self, m: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.field(m, key, path, required=required)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self.problem(_join(path, key), f"expected a list, got {_show(value)}", "a list of strings")
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(f"{_join(path, key)}[{i}]", f"expected text, got {_show(item)}", "a string")
        return tuple(out)

    def rows(self, doc: Mapping[str, Any], key: str) -> list[tuple[str, Any]]:
        value = doc.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {_show(value)}", f"a list of {key}")
            return []
        return [(f"{key}[{i}]", item) for i, item in enumerate(value)]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _build(data: Any, file: str) -> ExamSchedule:
    """An :class:`ExamSchedule` from a parsed document, or :class:`ScheduleDataError` with every
    problem found (each part is read, then the references between the parts are checked)."""
    r = _Reader(file)
    doc = r.mapping(data, "", _TOP_KEYS)
    if doc is None:
        raise ScheduleDataError(r.problems)
    school_year = _read_school_year(r, doc)
    known_sources = _read_sources(r, doc)
    orders, order_paths = _read_orders(r, doc)
    days = [(path, d) for path, item in r.rows(doc, "days") if (d := _read_day(r, item, path)) is not None]
    windows = [
        (path, w) for path, item in r.rows(doc, "windows") if (w := _read_window(r, item, path)) is not None
    ]
    _add_common_orders(orders, order_paths, [d for _, d in days], [w for _, w in windows])
    refs = _References(r, {o.key: o for o in orders}, known_sources)
    refs.check_orders(order_paths, orders)
    for path, d in days:
        refs.check(path, d.order, d.superseded_by, d.sources, d.confidence, d.exam)
        _check_day(r, path, d, school_year)
    for path, w in windows:
        refs.check(path, w.order, w.superseded_by, w.sources, w.confidence, w.exam)
        _check_window(r, path, w, school_year)
    _check_duplicate_days(r, days)
    in_force = _read_in_force(r, doc, refs)
    if r.problems:
        raise ScheduleDataError(r.problems)
    assert school_year is not None  # a missing or bad school year is a problem above
    used_sources = tuple(s for key, s in known_sources.items() if key in refs.cited)
    return ExamSchedule(
        school_year=school_year,
        orders=tuple(orders),
        all_days=tuple(sorted((d for _, d in days), key=lambda d: (d.date, d.exam.value, d.order))),
        all_windows=tuple(w for _, w in windows),
        sources=used_sources,
        in_force=in_force if in_force is not None else _default_in_force(orders),
    )


def _read_school_year(r: _Reader, doc: Mapping[str, Any]) -> SchoolYear | None:
    year_value = r.field(doc, "school_year", "")
    if year_value is _MISSING:
        return None
    start: int | None = None
    if isinstance(year_value, int) and not isinstance(year_value, bool):
        start = year_value
    elif isinstance(year_value, str):
        start = _parse_school_year_text(year_value)
    if start is None or not 1900 <= start <= 2200:
        r.problem(
            "school_year",
            f"cannot read the school year {_show(year_value)}",
            "the start year as a number (2023) or '2023/24'",
        )
        return None
    return SchoolYear(start)


def _read_sources(r: _Reader, doc: Mapping[str, Any]) -> dict[str, ScheduleSource]:
    """The bundled registry of sources plus the document's own ``sources`` table."""
    known_sources = {s.key: s for s in bundled_sources()}
    raw_sources = doc.get("sources", {})
    if raw_sources is None:
        raw_sources = {}
    if not isinstance(raw_sources, Mapping):
        r.problem(
            "sources",
            f"expected a table/object, got {_show(raw_sources)}",
            "key = { url = ..., group = ... }",
        )
        return known_sources
    for key, value in raw_sources.items():
        path = f"sources.{key}"
        if isinstance(value, str):
            known_sources[str(key)] = ScheduleSource(str(key), value)
            continue
        m = r.mapping(value, path, ("url", "group"))
        if m is None:
            continue
        url = r.text(m, "url", path)
        known_sources[str(key)] = ScheduleSource(str(key), url, r.text(m, "group", path, required=False))
    return known_sources


def _read_orders(r: _Reader, doc: Mapping[str, Any]) -> tuple[list[ScheduleOrder], dict[str, str]]:
    """The document's orders, and the path each key was defined at (a key defined twice is a problem)."""
    orders: list[ScheduleOrder] = []
    order_paths: dict[str, str] = {}
    for path, item in r.rows(doc, "orders"):
        order = _read_order(r, item, path)
        if order is None:
            continue
        if order.key in order_paths:
            r.problem(
                f"{path}.key",
                f"order {order.key!r} is defined twice (first at {order_paths[order.key]})",
                "each order key once",
            )
            continue
        order_paths[order.key] = path
        orders.append(order)
    return orders, order_paths


_COMMON_ORDERS = "(bundled procedures)"


def _add_common_orders(
    orders: list[ScheduleOrder],
    order_paths: dict[str, str],
    days: Sequence[ExamDay],
    windows: Sequence[PeriodWindow],
) -> None:
    """Add the shared procedures (``sources.toml``) that the rows or orders name and the document does
    not define itself."""
    common_orders = {}
    for i, item in enumerate(_common().get("orders", [])):
        order = _read_order(_Reader("gia_roadmap/calendar/schedules/sources.toml"), item, f"orders[{i}]")
        if order is not None:
            common_orders[order.key] = order
    referenced = {k for d in days for k in (d.order, d.superseded_by) if k}
    referenced |= {k for w in windows for k in (w.order, w.superseded_by) if k}
    referenced |= {k for o in orders for k in o.amends}
    for key in sorted(referenced):
        if key not in order_paths and key in common_orders:
            orders.append(common_orders[key])
            order_paths[key] = _COMMON_ORDERS


class _References:
    """Checks the references between the parts of a schedule (orders, sources) and collects the
    sources cited."""

    def __init__(
        self,
        r: _Reader,
        known_orders: Mapping[str, ScheduleOrder],
        known_sources: Mapping[str, ScheduleSource],
    ) -> None:
        self.r = r
        self.known_orders = known_orders
        self.known_sources = known_sources
        self.valid_orders = _one_of(known_orders) if known_orders else "a key defined under 'orders'"
        self.cited: set[str] = set()

    def check_sources(self, path: str, sources: Sequence[str]) -> None:
        for i, key in enumerate(sources):
            if key not in self.known_sources:
                self.r.problem(
                    f"{path}.sources[{i}]",
                    f"unknown source {key!r}",
                    "a key of the bundled registry or of the document's 'sources' table",
                )
            self.cited.add(key)

    def check_order(self, path: str, key: str) -> None:
        if key not in self.known_orders:
            self.r.problem(path, f"no order {key!r}", self.valid_orders)

    def check_orders(self, order_paths: Mapping[str, str], orders: Sequence[ScheduleOrder]) -> None:
        for path, o in zip(order_paths.values(), orders, strict=True):
            if path == _COMMON_ORDERS:
                self.cited.update(o.sources)
                continue
            for i, key in enumerate(o.amends):
                self.check_order(f"{path}.amends[{i}]", key)
            self.check_sources(path, o.sources)

    def check(
        self,
        path: str,
        order: str,
        superseded_by: str | None,
        sources: Sequence[str],
        confidence: Confidence,
        exam: ExamKind,
    ) -> None:
        """The references of one day or window row."""
        r = self.r
        if order not in self.known_orders:
            r.problem(f"{path}.order", f"no order {order!r}", self.valid_orders)
        elif exam not in self.known_orders[order].exams:
            r.problem(
                f"{path}.exam",
                f"order {order!r} does not cover {exam.value!r}",
                _one_of(e.value for e in self.known_orders[order].exams),
            )
        if superseded_by is not None:
            if superseded_by == order and order in self.known_orders:
                r.problem(
                    f"{path}.superseded_by",
                    "a row cannot be superseded by the order that introduced it",
                    "a later amending order",
                )
            else:
                self.check_order(f"{path}.superseded_by", superseded_by)
        self.check_sources(path, sources)
        if not sources and confidence is not Confidence.UNCONFIRMED:
            r.problem(
                f"{path}.sources",
                "no source given",
                "at least one source key (only confidence '—' rows may have none)",
            )


def _check_day(r: _Reader, path: str, d: ExamDay, school_year: SchoolYear | None) -> None:
    """One exam day on its own: within the campaign, a period and subjects its exam has."""
    if school_year is not None and not _in_campaign(d.date, school_year):
        r.problem(
            f"{path}.date",
            f"{d.date.isoformat()} is outside the exam campaign of {school_year}",
            f"a date from {school_year.start} to {_campaign_end(school_year)}",
        )
    if d.period.for_admission_tests != d.exam.is_admission_test:
        valid = [p.value for p in PeriodKind if p.for_admission_tests == d.exam.is_admission_test]
        r.problem(
            f"{path}.period",
            f"period {d.period.value!r} does not apply to {d.exam.value!r}",
            _one_of(valid),
        )
    if d.period is PeriodKind.RETAKE and d.exam is not ExamKind.EGE:
        r.problem(f"{path}.period", "retake days exist for the ЕГЭ only", "another period")
    allowed = set(exam_subjects(d.exam)) | {Subject.ALL, Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS}
    for i, s in enumerate(d.subjects):
        if s not in allowed:
            r.problem(
                f"{path}.subjects[{i}]",
                f"{s.value!r} is not a subject of {d.exam.value!r}",
                _one_of(x.value for x in allowed),
            )
    if not d.subjects and d.subjects_confirmed and d.exam is not ExamKind.FINAL_ESSAY:
        r.problem(
            f"{path}.subjects",
            "no subjects on a day whose subjects are marked as confirmed",
            "the subjects, or subjects_confirmed = false",
        )


def _check_window(r: _Reader, path: str, w: PeriodWindow, school_year: SchoolYear | None) -> None:
    if school_year is not None and not (
        _in_campaign(w.start, school_year) and _in_campaign(w.end, school_year)
    ):
        r.problem(
            path,
            f"{w.start.isoformat()}..{w.end.isoformat()} is outside the exam campaign of {school_year}",
            f"dates from {school_year.start} to {_campaign_end(school_year)}",
        )


def _check_duplicate_days(r: _Reader, days: Sequence[tuple[str, ExamDay]]) -> None:
    """Two rows of one exam on one day that can be visible together (neither supersedes the other)."""
    first_seen: dict[tuple[ExamKind, dt.date], list[tuple[str, ExamDay]]] = {}
    for path, d in days:
        for other_path, other in first_seen.get((d.exam, d.date), []):
            replaces = d.superseded_by == other.order or other.superseded_by == d.order
            if not replaces:
                r.problem(
                    path,
                    f"a second {d.exam.value} row for {d.date.isoformat()} (first at {other_path})",
                    "one row per exam day, or superseded_by naming the amendment that replaced it",
                )
        first_seen.setdefault((d.exam, d.date), []).append((path, d))


def _read_in_force(r: _Reader, doc: Mapping[str, Any], refs: _References) -> frozenset[str] | None:
    if doc.get("in_force", _MISSING) is _MISSING:
        return None
    keys = r.strings(doc, "in_force", "")
    for i, key in enumerate(keys):
        refs.check_order(f"in_force[{i}]", key)
    return frozenset(keys)


def _read_order(r: _Reader, item: Any, path: str) -> ScheduleOrder | None:
    m = r.mapping(item, path, _ORDER_KEYS)
    if m is None:
        return None
    key = r.text(m, "key", path)
    kind = r.choice(m, "kind", path, OrderKind)
    title = r.text(m, "title", path)
    exams = r.members(m, "exams", path, ExamKind)
    status = r.choice(m, "status", path, OrderStatus, required=False) or OrderStatus.ADOPTED
    signed = r.date(m, "signed", path, required=False)
    amends = r.strings(m, "amends", path, required=False)
    confidence = r.choice(m, "confidence", path, Confidence)
    sources = r.strings(m, "sources", path)
    note = r.text(m, "note", path, required=False)
    # An order with a bad field is still kept (its other problems are reported), so that rows naming
    # it do not each report it as missing and a duplicate key is still caught.
    if kind is None or confidence is None or not key:
        return None
    return ScheduleOrder(key, kind, title, exams, status, signed, amends, confidence, sources, note)


def _read_day(r: _Reader, item: Any, path: str) -> ExamDay | None:
    m = r.mapping(item, path, _DAY_KEYS)
    if m is None:
        return None
    before = len(r.problems)
    date = r.date(m, "date", path)
    exam = r.choice(m, "exam", path, ExamKind)
    period = r.choice(m, "period", path, PeriodKind)
    subjects = r.members(m, "subjects", path, Subject)
    confidence = r.choice(m, "confidence", path, Confidence)
    sources = r.strings(m, "sources", path)
    order = r.text(m, "order", path)
    superseded_by = _optional_text(r, m, "superseded_by", path)
    subjects_confirmed = r.flag(m, "subjects_confirmed", path, True)
    note = r.text(m, "note", path, required=False)
    if len(r.problems) > before or date is None or exam is None or period is None or confidence is None:
        return None
    return ExamDay(
        date, exam, period, subjects, confidence, sources, order, superseded_by, subjects_confirmed, note
    )


def _read_window(r: _Reader, item: Any, path: str) -> PeriodWindow | None:
    m = r.mapping(item, path, _WINDOW_KEYS)
    if m is None:
        return None
    before = len(r.problems)
    exam = r.choice(m, "exam", path, ExamKind)
    periods = r.members(m, "periods", path, PeriodKind)
    start = r.date(m, "start", path)
    end = r.date(m, "end", path)
    confidence = r.choice(m, "confidence", path, Confidence)
    sources = r.strings(m, "sources", path)
    order = r.text(m, "order", path)
    superseded_by = _optional_text(r, m, "superseded_by", path)
    subjects_confirmed = r.flag(m, "subjects_confirmed", path, True)
    note = r.text(m, "note", path, required=False)
    if start is not None and end is not None and end < start:
        r.problem(
            f"{path}.end",
            f"the window ends ({end.isoformat()}) before it starts ({start.isoformat()})",
            "an end on or after the start",
        )
    if "periods" in m and not periods and isinstance(m["periods"], list) and not m["periods"]:
        r.problem(f"{path}.periods", "no period given", "at least one period")
    if len(r.problems) > before or exam is None or start is None or end is None or confidence is None:
        return None
    return PeriodWindow(
        exam, periods, start, end, confidence, sources, order, superseded_by, subjects_confirmed, note
    )


def _optional_text(r: _Reader, m: Mapping[str, Any], key: str, path: str) -> str | None:
    value = m.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        r.problem(_join(path, key), f"expected text, got {_show(value)}", "an order key or nothing")
        return None
    return value
