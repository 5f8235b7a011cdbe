"""The federal timelines of the ГИА as typed rules: what happens after an exam day, and by when.

The Порядок ГИА-11 (приказ Минпросвещения России и Рособрнадзора 233/552 of 04.04.2023) and the
Порядок ГИА-9 (232/551) fix how long each step after an exam may take: processing in the regional
centre (РЦОИ, региональный центр обработки информации) with checking by the subject commissions
(предметные комиссии), central checking (централизованная проверка, ФЦТ), approval by the chair of
the state exam commission (ГЭК, государственная экзаменационная комиссия), transfer to schools,
publication to participants (официальный день объявления результатов), and appeals to the conflict
commission (конфликтная комиссия, АК/КК) on procedure (о нарушении Порядка) and on scores (о
несогласии с выставленными баллами), each in calendar or working days.

Each step is a :class:`TimelineRule`: an offset, a unit and a bound — the same vocabulary as the
Term model's :class:`~gia_roadmap.calendar.terms.Relative` — counted from an earlier
:class:`TimelineEvent`. Where that event is an anchor of the Term model the rule *is* a Relative term
(:attr:`TimelineRule.term`); the date arithmetic is always the Term model's, so a rule and a roadmap
deadline written with the same words give the same date. Every rule quotes its wording and names its
sources and :class:`~gia_roadmap.calendar.schedule.Confidence`; the rules marked ``C`` are inferences
(see their notes) and can be left out with ``federal_timelines(include_inferences=False)``.

The rules are data: ``calendar/data/timelines/federal.toml`` holds one ``[[rule]]`` per step with named
fields, checked against a schema when it is read
(:func:`~gia_roadmap.calendar.timeline_data.read_timelines`: every problem with its path,
``$.rule[7].offset``), once per process (:func:`~gia_roadmap.calendar.timeline_data.federal_timelines`).

Applied to a schedule, the timelines give, for every exam day and group of subjects, the derived
events (:class:`DerivedEvents`): results processed, checked, approved, published, and the appeal
deadlines (:func:`gia_roadmap.calendar.events.derive`); :func:`gia_roadmap.calendar.events.exam_events`
turns them into dated, scoped events.

All dates are the *latest* dates the rules allow: results may be approved and published earlier.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.schedule import Confidence, ExamDay
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import Bound, Relative, ResolutionStatus, Unit, WorkingDayCalendar
from gia_roadmap.errors import CalendarCoverageError, InvalidTypeError, InvalidValueError

__all__ = [
    "Applicability",
    "DerivedDate",
    "DerivedEvents",
    "JointAssessment",
    "Timeline",
    "TimelineEvent",
    "TimelineRule",
    "applicability_issues",
    "step_issues",
]


class TimelineEvent(enum.Enum):
    """An event of the timeline after an exam day. The value is a stable identifier."""

    EXAM_DAY = "exam_day"
    """«день проведения экзамена»: the exam day itself (the start of every chain)."""
    APPLICATION_DEADLINE = "application_deadline"
    """«подача заявления»: the last day to apply (итоговое сочинение / собеседование)."""
    PROCESSING_DONE = "processing_done"
    """«обработка и проверка экзаменационных работ» in the РЦОИ, with the предметные комиссии, completed."""
    CENTRAL_CHECK_DONE = "central_check_done"
    """«централизованная проверка» (ФЦТ) completed (ЕГЭ)."""
    CHECKING_DONE = "checking_done"
    """«проверка» of the итоговое сочинение / собеседование completed."""
    RESULTS_APPROVED = "results_approved"
    """«утверждение результатов председателем ГЭК»."""
    RESULTS_TRANSFERRED = "results_transferred"
    """«передача результатов в образовательные организации»."""
    RESULTS_PUBLISHED = "results_published"
    """«официальный день объявления результатов»: participants are told their results."""
    PROCEDURE_APPEAL_SUBMISSION = "procedure_appeal_submission"
    """«подача апелляции о нарушении Порядка» (in the exam room building, on the exam day)."""
    PROCEDURE_APPEAL_TRANSFER = "procedure_appeal_transfer"
    """«передача апелляции о нарушении Порядка в конфликтную комиссию»."""
    PROCEDURE_APPEAL_DECISION = "procedure_appeal_decision"
    """«рассмотрение апелляции о нарушении Порядка» completed (decision of the АК)."""
    SCORE_APPEAL_SUBMISSION = "score_appeal_submission"
    """«подача апелляции о несогласии с выставленными баллами»: the last day to submit."""
    SCORE_APPEAL_TRANSFER = "score_appeal_transfer"
    """«передача апелляции о несогласии с баллами в конфликтную комиссию»."""
    SCORE_APPEAL_DECISION = "score_appeal_decision"
    """«рассмотрение апелляции о несогласии с выставленными баллами» completed (decision of the АК)."""

    @property
    def anchor(self) -> Anchor | None:
        """The Term model's main anchor for this event, None when it has none."""
        anchors = _EVENT_ANCHORS.get(self, ())
        return anchors[0] if anchors else None

    @property
    def anchors(self) -> tuple[Anchor, ...]:
        """Every Term-model anchor that names this event, the main one first: the transfer of an appeal
        to the conflict commission is also its «поступление»; the official day of results is the day they
        are «объявлены» and «опубликованы»; the transfer of results to the schools is the day they are
        «получены» there."""
        return _EVENT_ANCHORS.get(self, ())


_EVENT_ANCHORS: dict[TimelineEvent, tuple[Anchor, ...]] = {
    TimelineEvent.EXAM_DAY: (Anchor.EXAM_DAY,),
    TimelineEvent.RESULTS_APPROVED: (Anchor.GEK_RESULTS_APPROVAL,),
    TimelineEvent.RESULTS_TRANSFERRED: (Anchor.RESULTS_RECEIVED,),
    TimelineEvent.RESULTS_PUBLISHED: (Anchor.RESULTS_ANNOUNCED, Anchor.RESULTS_PUBLISHED),
    TimelineEvent.PROCEDURE_APPEAL_SUBMISSION: (Anchor.APPEAL_SUBMISSION,),
    TimelineEvent.SCORE_APPEAL_SUBMISSION: (Anchor.APPEAL_SUBMISSION,),
    TimelineEvent.PROCEDURE_APPEAL_TRANSFER: (Anchor.APPEAL_TRANSFER, Anchor.APPEAL_RECEIVED),
    TimelineEvent.SCORE_APPEAL_TRANSFER: (Anchor.APPEAL_TRANSFER, Anchor.APPEAL_RECEIVED),
    TimelineEvent.PROCEDURE_APPEAL_DECISION: (Anchor.AK_DECISION,),
    TimelineEvent.SCORE_APPEAL_DECISION: (Anchor.AK_DECISION,),
}


def _exams(value: Iterable[ExamKind]) -> frozenset[ExamKind]:
    return frozenset(value)


def _periods(value: Iterable[PeriodKind] | None) -> frozenset[PeriodKind] | None:
    return None if value is None else frozenset(value)


def _subjects(value: Iterable[Subject] | None) -> frozenset[Subject] | None:
    return None if value is None else frozenset(value)


def _subject_set(value: Iterable[Subject]) -> frozenset[Subject]:
    return frozenset(value)


def _months(value: Iterable[int] | None) -> frozenset[int] | None:
    return None if value is None else frozenset(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidTypeError(f"expected a sequence of source keys, got the string {value!r}")
    return tuple(value)


def _events(value: Iterable[TimelineEvent]) -> tuple[TimelineEvent, ...]:
    return tuple(value)


def _members_of(kind: type[enum.Enum]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = value if isinstance(value, (frozenset, tuple)) else (value,)
        for item in items:
            if not isinstance(item, kind):
                where = f"{type(instance).__name__}.{attribute.name}"
                raise InvalidTypeError(f"{where}: expected {kind.__name__} members, got {item!r}")

    return check


def _optional_members_of(kind: type[enum.Enum]) -> Any:
    check = _members_of(kind)

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _raise_first(owner: str, issues: Sequence[tuple[str, str, str]]) -> None:
    if issues:
        field, message, expected = issues[0]
        raise InvalidValueError(f"{owner}.{field}: {message}; expected {expected}")


def applicability_issues(
    *,
    exams: Iterable[ExamKind],
    periods: Iterable[PeriodKind] | None,
    subjects: Iterable[Subject] | None,
    months: Iterable[int] | None,
    first_school_year: int | None,
    last_school_year: int | None,
) -> list[tuple[str, str, str]]:
    """What is wrong with these parts of an :class:`Applicability`, as (field, message, expected) triples.

    Empty when they are consistent: at least one exam kind; periods that exist for those exams (the
    admission tests have only their основной / дополнительный срок); subjects held in one of them;
    months 1–12; a first school year not after the last.
    """
    issues: list[tuple[str, str, str]] = []
    kinds = tuple(exams)
    if not kinds:
        issues.append(("exams", "no exam kind given", "at least one exam kind"))
    if periods is not None:
        allowed = {p for k in kinds for p in PeriodKind if p.for_admission_tests == k.is_admission_test}
        for period in periods:
            if period not in allowed:
                issues.append(
                    ("periods", f"{period.value!r} is not a period of these exams", _one_of(allowed))
                )
    if subjects is not None:
        held = {s for k in kinds for s in exam_subjects(k)}
        for subject in subjects:
            if subject not in held:
                issues.append(("subjects", f"{subject.value!r} is not held in these exams", _one_of(held)))
    for month in months or ():
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            issues.append(("months", f"{month!r} is not a month", "numbers 1-12"))
    for name, year in (("first_school_year", first_school_year), ("last_school_year", last_school_year)):
        if year is not None and (
            isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100
        ):
            issues.append((name, f"{year!r} is not the start year of a school year", "a year 2000-2100"))
    if (
        isinstance(first_school_year, int)
        and isinstance(last_school_year, int)
        and first_school_year > last_school_year
    ):
        issues.append(
            (
                "last_school_year",
                f"{last_school_year} is before the first school year {first_school_year}",
                "a year on or after first_school_year",
            )
        )
    return issues


def _one_of(values: Iterable[enum.Enum]) -> str:
    names = sorted(str(v.value) for v in values)
    return "one of " + ", ".join(repr(n) for n in names) if names else "nothing (no value fits)"


@attrs.frozen(kw_only=True)
class Applicability:
    """Which exam days (and subjects) a rule applies to. ``None`` means "any".

    Attributes:
        exams: the exam kinds.
        periods: the periods, or None for all.
        subjects: the subjects, or None for all (a rule for a subject group: русский язык …).
        months: the months of the exam day, or None for all (сочинение: February vs April).
        first_school_year, last_school_year: start years of the school years the rule holds in
            (inclusive), None for open ends.

    Raises:
        InvalidTypeError, InvalidValueError: a part of the wrong type, or parts that do not fit together
            (:func:`applicability_issues`).
    """

    exams: frozenset[ExamKind] = attrs.field(converter=_exams, validator=_members_of(ExamKind))
    periods: frozenset[PeriodKind] | None = attrs.field(
        default=None, converter=_periods, validator=_optional_members_of(PeriodKind)
    )
    subjects: frozenset[Subject] | None = attrs.field(
        default=None, converter=_subjects, validator=_optional_members_of(Subject)
    )
    months: frozenset[int] | None = attrs.field(default=None, converter=_months)
    first_school_year: int | None = None
    last_school_year: int | None = None

    def __attrs_post_init__(self) -> None:
        _raise_first(
            "Applicability",
            applicability_issues(
                exams=self.exams,
                periods=self.periods,
                subjects=self.subjects,
                months=self.months,
                first_school_year=self.first_school_year,
                last_school_year=self.last_school_year,
            ),
        )

    def matches(self, day: ExamDay, subject: Subject | None = None) -> bool:
        """True when the rule applies to ``day`` (and to ``subject`` on that day, when given)."""
        if day.exam not in self.exams:
            return False
        if self.periods is not None and day.period not in self.periods:
            return False
        if self.months is not None and day.date.month not in self.months:
            return False
        year = SchoolYear.containing(day.date).start_year
        if day.date.month == 9 and day.period.stage is not None:
            year -= 1  # the September additional period belongs to the previous school year
        if self.first_school_year is not None and year < self.first_school_year:
            return False
        if self.last_school_year is not None and year > self.last_school_year:
            return False
        if self.subjects is not None:
            return subject is not None and subject in self.subjects
        return True


def step_issues(
    *,
    event: TimelineEvent,
    after: Sequence[TimelineEvent],
    offset: int,
    unit: Unit,
    bound: Bound,
) -> list[tuple[str, str, str]]:
    """What is wrong with the step of a :class:`TimelineRule`, as (field, message, expected) triples.

    ``after`` is the event counted from followed by its fallbacks. A bound written with a count («за N
    дней», «в течение N дней») needs an offset of 1 or more and a unit; a bound without one («в день»)
    needs offset 0 and unit ``none``; an event is never counted from itself, and each event counted
    from is named once.
    """
    issues: list[tuple[str, str, str]] = []
    if not after:
        issues.append(("after", "no event to count from", "an event, optionally followed by fallbacks"))
    if event in after:
        issues.append(("after", f"{event.value!r} is counted from itself", "an earlier event"))
    if len(set(after)) != len(after):
        issues.append(("after", "an event is named twice", "each event once"))
    if isinstance(offset, bool) or not isinstance(offset, int):
        issues.append(("offset", f"{offset!r} is not a whole number", "a number of days, weeks or months"))
    elif bound.takes_offset:
        if offset < 1:
            issues.append(("offset", f"{offset} with the bound {bound.value!r}", "1 or more"))
        if unit is Unit.NONE:
            issues.append(("unit", f"'none' with the bound {bound.value!r}", "a unit of time"))
    else:
        if offset != 0:
            issues.append(("offset", f"{offset} with the bound {bound.value!r}, which takes no count", "0"))
        if unit is not Unit.NONE:
            issues.append(("unit", f"{unit.value!r} with the bound {bound.value!r}", "'none'"))
    return issues


@attrs.frozen(kw_only=True)
class TimelineRule:
    """One step of a federal timeline: ``event`` happens ``offset`` ``unit`` ``bound`` ``after``.

    Attributes:
        key: a stable identifier («gia11.processing.russian»).
        event: the event the rule dates.
        after: the event it counts from.
        fallbacks: events to count from instead, in order, when the timeline does not date ``after`` for
            an exam day (leaving out the inferences marked C drops the appeal transfer, so a decision
            counts from the submission).
        offset, unit, bound: as in :class:`~gia_roadmap.calendar.terms.Relative`.
        applies: which exam days and subjects it holds for.
        wording: the rule's Russian wording as published (quoted) or described.
        basis: the document it comes from («233/552», «232/551»).
        confidence: how well the rule is confirmed (C: an inference, see ``note``).
        sources: source keys (:func:`gia_roadmap.calendar.schedule.bundled_sources`).
        note: conflicts, doubts, what was inferred.

    Raises:
        InvalidTypeError, InvalidValueError: a part of the wrong type, or a step that does not hold
            together (:func:`step_issues`).
    """

    key: str = attrs.field(validator=attrs.validators.instance_of(str))
    event: TimelineEvent = attrs.field(validator=_members_of(TimelineEvent))
    after: TimelineEvent = attrs.field(validator=_members_of(TimelineEvent))
    fallbacks: tuple[TimelineEvent, ...] = attrs.field(
        default=(), converter=_events, validator=_members_of(TimelineEvent)
    )
    offset: int
    unit: Unit = attrs.field(validator=_members_of(Unit))
    bound: Bound = attrs.field(validator=_members_of(Bound))
    applies: Applicability = attrs.field(validator=attrs.validators.instance_of(Applicability))
    wording: str = attrs.field(validator=attrs.validators.instance_of(str))
    basis: str = attrs.field(validator=attrs.validators.instance_of(str))
    confidence: Confidence = attrs.field(validator=_members_of(Confidence))
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        _raise_first(
            "TimelineRule",
            step_issues(
                event=self.event,
                after=(self.after, *self.fallbacks),
                offset=self.offset,
                unit=self.unit,
                bound=self.bound,
            ),
        )

    @property
    def term(self) -> Relative | None:
        """The rule as a Relative term when the event it counts from is a Term-model anchor, else None."""
        anchor = self.after.anchor
        if anchor is None:
            return None
        return Relative(self.offset, self.unit, self.bound, anchor)

    def window(self, calendar: WorkingDayCalendar, base: dt.date) -> DateWindow:
        """The window of ``event`` when ``after`` happened on ``base`` (counted by the Term model).

        Raises:
            CalendarCoverageError: the arithmetic leaves the calendar's covered years.
        """
        # The anchor is only the key of the one-event map here; the arithmetic ignores it.
        term = Relative(self.offset, self.unit, self.bound, Anchor.EXAM_DAY)
        resolution = term.resolve(calendar, {Anchor.EXAM_DAY: (base,)})
        if resolution.status is ResolutionStatus.OUTSIDE_CALENDAR:
            raise CalendarCoverageError(base.year, (base.year, base.year), what=resolution.reason)
        (window,) = resolution.windows
        return attrs.evolve(window, label=self.event.value, open_start=False)

    def due(self, calendar: WorkingDayCalendar, base: dt.date) -> dt.date:
        """The latest date of ``event`` when ``after`` happened on ``base``."""
        return self.window(calendar, base).end


@attrs.frozen(kw_only=True)
class JointAssessment:
    """Subjects whose parts are assessed together, so their results wait for the last part.

    ЕГЭ foreign languages: the written and the oral part give one result, so the chain of either
    part starts from the later of the two days in the same period (2025: written 06-05, oral
    06-10/11 → results «не позднее 24 июня», obr-118178).
    """

    exams: frozenset[ExamKind] = attrs.field(converter=_exams, validator=_members_of(ExamKind))
    subjects: frozenset[Subject] = attrs.field(converter=_subject_set, validator=_members_of(Subject))
    wording: str = ""
    confidence: Confidence = Confidence.B
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _rules(value: Iterable[TimelineRule]) -> tuple[TimelineRule, ...]:
    return tuple(value)


def _joint(value: Iterable[JointAssessment]) -> tuple[JointAssessment, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Timeline:
    """The rules of one Порядок, applied to exam days.

    Attributes:
        key: a stable identifier («gia11»).
        name: «ГИА-11 (233/552)» …
        basis: the document key («233/552»).
        rules: the rules; for each event the first rule that applies to a day and subject wins.
        joint: subjects assessed together (their chains start from the last part's day).
    """

    key: str
    name: str
    basis: str
    rules: tuple[TimelineRule, ...] = attrs.field(converter=_rules)
    joint: tuple[JointAssessment, ...] = attrs.field(default=(), converter=_joint)

    def rule_for(self, event: TimelineEvent, day: ExamDay, subject: Subject | None) -> TimelineRule | None:
        """The rule that dates ``event`` for ``subject`` on ``day``, or None."""
        for rule in self.rules:
            if rule.event is event and rule.applies.matches(day, subject):
                return rule
        return None

    def applies_to(self, day: ExamDay) -> bool:
        """True when any rule of this timeline applies to ``day``."""
        return any(day.exam in rule.applies.exams for rule in self.rules)

    def base_event(self, rule: TimelineRule, day: ExamDay, subject: Subject | None) -> TimelineEvent | None:
        """The event ``rule`` counts from for ``subject`` on ``day``: ``after``, or the first fallback the
        timeline dates there; None when none is dated."""
        for event in (rule.after, *rule.fallbacks):
            if event is TimelineEvent.EXAM_DAY or self.rule_for(event, day, subject) is not None:
                return event
        return None


@attrs.frozen(kw_only=True)
class DerivedDate:
    """A derived event of one exam day: its window, the rule that gave it and the date it counted from."""

    event: TimelineEvent
    window: DateWindow
    rule: TimelineRule | None
    base: dt.date

    @property
    def due(self) -> dt.date:
        """The latest date of the event."""
        return self.window.end


@attrs.frozen(kw_only=True)
class DerivedEvents:
    """The derived events of one exam day for a group of its subjects that share one chain.

    Attributes:
        day: the exam day.
        subjects: the subjects the chain holds for (empty for days without subjects).
        start: the day the result chain counts from (later than ``day.date`` for jointly assessed
            subjects such as the ЕГЭ foreign languages).
        dates: the derived dates, in timeline order.
    """

    day: ExamDay
    subjects: tuple[Subject, ...]
    start: dt.date
    dates: tuple[DerivedDate, ...]

    def get(self, event: TimelineEvent) -> DerivedDate | None:
        """The derived date of ``event``, None when no rule produced it."""
        for d in self.dates:
            if d.event is event:
                return d
        return None

    def due(self, event: TimelineEvent) -> dt.date | None:
        """The latest date of ``event``, None when no rule produced it."""
        d = self.get(event)
        return None if d is None else d.due

    def events(self) -> dict[Anchor, tuple[dt.date, ...]]:
        """These dates as an anchor → dates map (events without an anchor left out).

        ``AK_WORK_START`` is the exam day of an exam of the ГИА: the conflict commission receives the
        first appeals (on procedure) on the day of the exam. The admission tests have no conflict
        commission.
        """
        out: dict[Anchor, list[dt.date]] = {}
        if not self.day.exam.is_admission_test:
            out[Anchor.AK_WORK_START] = [self.day.date]
        for d in self.dates:
            for anchor in d.event.anchors:
                out.setdefault(anchor, []).append(d.due)
        return {a: tuple(sorted(set(v))) for a, v in out.items()}
