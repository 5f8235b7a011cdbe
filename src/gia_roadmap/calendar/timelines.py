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

Applied to a schedule, the timelines give, for every exam day and group of subjects, the derived
events (:class:`DerivedEvents`): results processed, checked, approved, published, and the appeal
deadlines. :func:`gia_roadmap.calendar.events.exam_events` turns them into dated, scoped events.

All dates are the *latest* dates the rules allow: results may be approved and published earlier.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence

import attrs

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.schedule import Confidence, ExamDay, ExamSchedule
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import Bound, Relative, ResolutionStatus, Unit, WorkingDayCalendar

__all__ = [
    "Applicability",
    "DerivedDate",
    "DerivedEvents",
    "JointAssessment",
    "Timeline",
    "TimelineEvent",
    "TimelineRule",
    "derive",
    "federal_timelines",
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
        """The Term model's anchor for this event, None when it has none."""
        return _EVENT_ANCHOR.get(self)


_EVENT_ANCHOR = {
    TimelineEvent.EXAM_DAY: Anchor.EXAM_DAY,
    TimelineEvent.RESULTS_APPROVED: Anchor.GEK_RESULTS_APPROVAL,
    TimelineEvent.PROCEDURE_APPEAL_SUBMISSION: Anchor.APPEAL_SUBMISSION,
    TimelineEvent.SCORE_APPEAL_SUBMISSION: Anchor.APPEAL_SUBMISSION,
    TimelineEvent.PROCEDURE_APPEAL_TRANSFER: Anchor.APPEAL_TRANSFER,
    TimelineEvent.SCORE_APPEAL_TRANSFER: Anchor.APPEAL_TRANSFER,
    TimelineEvent.PROCEDURE_APPEAL_DECISION: Anchor.AK_DECISION,
    TimelineEvent.SCORE_APPEAL_DECISION: Anchor.AK_DECISION,
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


@attrs.frozen(slots=True)
class Applicability:
    """Which exam days (and subjects) a rule applies to. ``None`` means "any".

    Attributes:
        exams: the exam kinds.
        periods: the periods, or None for all.
        subjects: the subjects, or None for all (a rule for a subject group: русский язык …).
        months: the months of the exam day, or None for all (сочинение: February vs April).
        first_school_year, last_school_year: start years of the school years the rule holds in
            (inclusive), None for open ends.
    """

    exams: frozenset[ExamKind] = attrs.field(converter=_exams)
    periods: frozenset[PeriodKind] | None = attrs.field(default=None, converter=_periods)
    subjects: frozenset[Subject] | None = attrs.field(default=None, converter=_subjects)
    months: frozenset[int] | None = attrs.field(default=None, converter=_months)
    first_school_year: int | None = None
    last_school_year: int | None = None

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


@attrs.frozen(slots=True)
class TimelineRule:
    """One step of a federal timeline: ``event`` happens ``offset`` ``unit`` ``bound`` ``after``.

    Attributes:
        key: a stable identifier («gia11.processing.russian_maths»).
        event: the event the rule dates.
        after: the event it counts from.
        offset, unit, bound: as in :class:`~gia_roadmap.calendar.terms.Relative`.
        applies: which exam days and subjects it holds for.
        wording: the rule's Russian wording as published (quoted) or described.
        basis: the document it comes from («233/552», «232/551»).
        confidence: how well the rule is confirmed (C: an inference, see ``note``).
        sources: source keys (:func:`gia_roadmap.calendar.schedule.bundled_sources`).
        note: conflicts, doubts, what was inferred.
    """

    key: str
    event: TimelineEvent
    after: TimelineEvent
    offset: int
    unit: Unit
    bound: Bound
    applies: Applicability
    wording: str
    basis: str
    confidence: Confidence
    sources: tuple[str, ...]
    note: str = ""

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
            from gia_roadmap.errors import CalendarCoverageError

            raise CalendarCoverageError(base.year, (base.year, base.year), what=resolution.reason)
        (window,) = resolution.windows
        return attrs.evolve(window, label=self.event.value, open_start=False)

    def due(self, calendar: WorkingDayCalendar, base: dt.date) -> dt.date:
        """The latest date of ``event`` when ``after`` happened on ``base``."""
        return self.window(calendar, base).end


@attrs.frozen(slots=True)
class JointAssessment:
    """Subjects whose parts are assessed together, so their results wait for the last part.

    ЕГЭ foreign languages: the written and the oral part give one result, so the chain of either
    part starts from the later of the two days in the same period (2025: written 06-05, oral
    06-10/11 → results «не позднее 24 июня», obr-118178).
    """

    exams: frozenset[ExamKind] = attrs.field(converter=_exams)
    subjects: frozenset[Subject] = attrs.field(converter=_subject_set)
    wording: str = ""
    confidence: Confidence = Confidence.B
    sources: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Timeline:
    """The rules of one Порядок, applied to exam days.

    Attributes:
        name: «ГИА-11 (233/552)» …
        basis: the document key («233/552»).
        rules: the rules; for each event the first rule that applies to a day and subject wins.
        joint: subjects assessed together (their chains start from the last part's day).
    """

    name: str
    basis: str
    rules: tuple[TimelineRule, ...]
    joint: tuple[JointAssessment, ...] = ()

    def rule_for(self, event: TimelineEvent, day: ExamDay, subject: Subject | None) -> TimelineRule | None:
        """The rule that dates ``event`` for ``subject`` on ``day``, or None."""
        for rule in self.rules:
            if rule.event is event and rule.applies.matches(day, subject):
                return rule
        return None

    def applies_to(self, day: ExamDay) -> bool:
        """True when any rule of this timeline applies to ``day``."""
        return any(day.exam in rule.applies.exams for rule in self.rules)


@attrs.frozen(slots=True)
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


@attrs.frozen(slots=True)
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

        ``AK_WORK_START`` is the exam day: the conflict commission receives the first appeals (on
        procedure) for an exam on the day of the exam.
        """
        out: dict[Anchor, list[dt.date]] = {Anchor.AK_WORK_START: [self.day.date]}
        for d in self.dates:
            anchor = d.event.anchor
            if anchor is not None:
                out.setdefault(anchor, []).append(d.due)
        return {a: tuple(sorted(set(v))) for a, v in out.items()}


# --------------------------------------------------------------------------------------------
# The federal rules
# --------------------------------------------------------------------------------------------

_GIA11 = frozenset({ExamKind.EGE, ExamKind.GVE_11})
_GIA9 = frozenset({ExamKind.OGE, ExamKind.GVE_9})
_APPEAL_SOURCES = ("nikolskaya", "college", "sch072")


def _appeal_rules(
    prefix: str, exams: frozenset[ExamKind], basis: str, inferences: bool
) -> list[TimelineRule]:
    every = Applicability(exams)
    rules = [
        TimelineRule(
            f"{prefix}.appeal.procedure.submission",
            TimelineEvent.PROCEDURE_APPEAL_SUBMISSION,
            TimelineEvent.EXAM_DAY,
            0,
            Unit.NONE,
            Bound.ON,
            every,
            "«в день проведения экзамена по соответствующему учебному предмету члену ГЭК, не покидая ППЭ»",
            basis,
            Confidence.A,
            _APPEAL_SOURCES,
        ),
    ]
    if inferences:
        rules.append(
            TimelineRule(
                f"{prefix}.appeal.procedure.transfer",
                TimelineEvent.PROCEDURE_APPEAL_TRANSFER,
                TimelineEvent.PROCEDURE_APPEAL_SUBMISSION,
                0,
                Unit.NONE,
                Bound.ON,
                every,
                "(no wording in the sources) the appeal reaches the conflict commission on the day it is "
                "submitted",
                basis,
                Confidence.C,
                (),
                "Inference: the consideration periods count «со дня ее поступления в конфликтную комиссию», "
                "and the reference notes give no separate transfer period.",
            )
        )
    rules += [
        TimelineRule(
            f"{prefix}.appeal.procedure.decision",
            TimelineEvent.PROCEDURE_APPEAL_DECISION,
            TimelineEvent.PROCEDURE_APPEAL_TRANSFER
            if inferences
            else TimelineEvent.PROCEDURE_APPEAL_SUBMISSION,
            2,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«Конфликтная комиссия рассматривает апелляцию о нарушении Порядка проведения ГИА в течение двух "
            "рабочих дней … следующих за днем ее поступления в конфликтную комиссию»",
            basis,
            Confidence.B,
            _APPEAL_SOURCES,
            "edupressa's «не позднее трех календарных дней» is the 2018 rule – superseded.",
        ),
        TimelineRule(
            f"{prefix}.appeal.scores.submission",
            TimelineEvent.SCORE_APPEAL_SUBMISSION,
            TimelineEvent.RESULTS_PUBLISHED,
            2,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«в течение двух рабочих дней, следующих за официальным днем объявления результатов ГИА по "
            "соответствующему учебному предмету»",
            basis,
            Confidence.A,
            (*_APPEAL_SOURCES, "spb324"),
            "St. Petersburg counts Saturday as a working day here (sch072, B): use a six-day calendar.",
        ),
    ]
    if inferences:
        rules.append(
            TimelineRule(
                f"{prefix}.appeal.scores.transfer",
                TimelineEvent.SCORE_APPEAL_TRANSFER,
                TimelineEvent.SCORE_APPEAL_SUBMISSION,
                0,
                Unit.NONE,
                Bound.ON,
                every,
                "(no wording in the sources) the appeal reaches the conflict commission on the day it is "
                "submitted",
                basis,
                Confidence.C,
                (),
                "Inference, as for appeals on procedure; dated from the last day of submission.",
            )
        )
    rules.append(
        TimelineRule(
            f"{prefix}.appeal.scores.decision",
            TimelineEvent.SCORE_APPEAL_DECISION,
            TimelineEvent.SCORE_APPEAL_TRANSFER if inferences else TimelineEvent.SCORE_APPEAL_SUBMISSION,
            4,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«в течение … четырех рабочих дней, следующих за днем ее поступления в конфликтную комиссию»",
            basis,
            Confidence.A,
            (*_APPEAL_SOURCES, "spb324"),
        )
    )
    return rules


def _gia11(inferences: bool) -> Timeline:
    ege = frozenset({ExamKind.EGE})
    compulsory = frozenset({Subject.RUSSIAN, Subject.MATHEMATICS_BASE, Subject.MATHEMATICS_PROFILE})
    rules = [
        TimelineRule(
            "gia11.processing.russian",
            TimelineEvent.PROCESSING_DONE,
            TimelineEvent.EXAM_DAY,
            6,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(ege, subjects={Subject.RUSSIAN}),
            "русский язык – не позднее шести календарных дней после проведения экзамена (processing in the "
            "РЦОИ, checking of extended answers by the предметные комиссии included)",
            "233/552",
            Confidence.A,
            ("neurum", "piterburger", "eocshool"),
            "piterburger and eocshool describe the same figures under the previous Порядок.",
        ),
        TimelineRule(
            "gia11.processing.mathematics",
            TimelineEvent.PROCESSING_DONE,
            TimelineEvent.EXAM_DAY,
            6,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(ege, subjects=compulsory - {Subject.RUSSIAN}),
            "«На обязательные предметы (русский язык и математику) даётся шесть календарных дней»",
            "233/552",
            Confidence.B,
            ("neurum", "piterburger", "eocshool"),
            "The literal wording of 233/552 for mathematics is not confirmed.",
        ),
        TimelineRule(
            "gia11.processing.by_choice",
            TimelineEvent.PROCESSING_DONE,
            TimelineEvent.EXAM_DAY,
            4,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(ege),
            "«на предметы по выбору — четыре дня» (calendar days)",
            "233/552",
            Confidence.A,
            ("neurum", "piterburger", "eocshool"),
        ),
        TimelineRule(
            "gia11.central_check",
            TimelineEvent.CENTRAL_CHECK_DONE,
            TimelineEvent.PROCESSING_DONE,
            5,
            Unit.WORKING_DAY,
            Bound.LATEST_AFTER,
            Applicability(ege),
            "«завершается не позднее чем через 5 рабочих дней с момента получения работ»",
            "233/552",
            Confidence.B,
            ("piterburger", "neurum"),
            "Conflict: neurum says «ещё пять календарных дней». Working days follow the Порядок tradition "
            "and reproduce the published result dates 2024-06-26 (kirov) and 2025-06-24 (obr-118178).",
        ),
        TimelineRule(
            "gia11.approval",
            TimelineEvent.RESULTS_APPROVED,
            TimelineEvent.CENTRAL_CHECK_DONE,
            1,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            Applicability(ege),
            "«в течение 1 рабочего дня результаты утверждаются» (after central checking)",
            "233/552",
            Confidence.A,
            ("piterburger", "neurum"),
            "Rosobrnadzor's «график обработки экзаменационных материалов» binds; results may be approved "
            "earlier "
            "(spb102, neurum).",
        ),
        TimelineRule(
            "gia11.transfer",
            TimelineEvent.RESULTS_TRANSFERRED,
            TimelineEvent.RESULTS_APPROVED,
            1,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            Applicability(ege),
            "«После утверждения результаты ГИА-11 в течение одного рабочего дня передаются в образовательные "
            "организации»",
            "233/552",
            Confidence.B,
            ("ltbm",),
            "A 2022/23 page, i.e. stated under the previous Порядок.",
        ),
    ]
    if inferences:
        rules.append(
            TimelineRule(
                "gia11.publication",
                TimelineEvent.RESULTS_PUBLISHED,
                TimelineEvent.RESULTS_TRANSFERRED,
                0,
                Unit.NONE,
                Bound.ON,
                Applicability(ege),
                "(inferred) participants learn their results on the day the results reach the schools",
                "233/552",
                Confidence.C,
                ("kirov", "obr-118178", "360-2025"),
                "Inference: the chain «4 calendar days + 5 working days + 1 working day (ГЭК) + 1 working "
                "day» reproduces the published result dates 2024-06-13 → 2024-06-26 (kirov) and 2025-06-05 "
                "(foreign languages, oral part on 06-11) → 2025-06-24 (obr-118178) exactly; 2025-06-02 → "
                "2025-06-18 (360-2025) is one day earlier than the chain's 06-19, because 13.06.2025 was a "
                "transferred day off (results may be published earlier than the latest date).",
            )
        )
    rules += _appeal_rules("gia11", _GIA11, "233/552", inferences)
    foreign = JointAssessment(
        ege,
        frozenset({Subject.FOREIGN_LANGUAGES_WRITTEN, Subject.FOREIGN_LANGUAGES_ORAL}),
        "written and oral parts are assessed together, so the result date follows the later of the two parts",
        Confidence.B,
        ("obr-118178",),
    )
    return Timeline("ГИА-11 (233/552)", "233/552", tuple(rules), (foreign,))


def _gia9(inferences: bool) -> Timeline:
    quick = {
        PeriodKind.EARLY,
        PeriodKind.EARLY_RESERVE,
        PeriodKind.MAIN_RESERVE,
        PeriodKind.ADDITIONAL,
        PeriodKind.ADDITIONAL_RESERVE,
    }
    every = Applicability(_GIA9)
    rules = [
        TimelineRule(
            "gia9.processing.main",
            TimelineEvent.PROCESSING_DONE,
            TimelineEvent.EXAM_DAY,
            10,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(_GIA9, periods={PeriodKind.MAIN}),
            "«Обработка и проверка экзаменационных работ занимают в основной период проведения ГИА – не "
            "более "
            "десяти календарных дней»",
            "232/551",
            Confidence.A,
            ("school21", "gim5"),
        ),
        TimelineRule(
            "gia9.processing.other",
            TimelineEvent.PROCESSING_DONE,
            TimelineEvent.EXAM_DAY,
            5,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(_GIA9, periods=quick),
            "«в досрочный и дополнительный период проведения ГИА, а также в резервные сроки каждого из "
            "периодов "
            "ГИА – не более пяти календарных дней после проведения соответствующего экзамена»",
            "232/551",
            Confidence.B,
            ("school21",),
        ),
        TimelineRule(
            "gia9.approval",
            TimelineEvent.RESULTS_APPROVED,
            TimelineEvent.PROCESSING_DONE,
            1,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«Утверждение результатов ГИА-9 осуществляется председателем государственной экзаменационной "
            "комиссии в течение одного рабочего дня, следующего за днем получения результатов проверки "
            "экзаменационных работ»",
            "232/551",
            Confidence.A,
            ("school21", "gim5"),
        ),
        TimelineRule(
            "gia9.transfer",
            TimelineEvent.RESULTS_TRANSFERRED,
            TimelineEvent.RESULTS_APPROVED,
            1,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«После утверждения результаты ГИА-9 в течение одного рабочего дня передаются в образовательные "
            "организации, а также органы местного самоуправления»",
            "232/551",
            Confidence.A,
            ("school21", "gim5"),
        ),
        TimelineRule(
            "gia9.publication",
            TimelineEvent.RESULTS_PUBLISHED,
            TimelineEvent.RESULTS_TRANSFERRED,
            1,
            Unit.WORKING_DAY,
            Bound.WITHIN_AFTER,
            every,
            "«Ознакомление участников ГИА-9 с утвержденными … результатами ГИА-9 осуществляется в течение "
            "одного "
            "рабочего дня со дня их передачи … Указанный день считается официальным днем объявления "
            "результатов "
            "ГИА»",
            "232/551",
            Confidence.A,
            ("school21", "gim5"),
            "«не позднее трех рабочих дней со дня их утверждения ГЭК» is the previous Порядок – superseded "
            "(mousosh30, giabalakovo).",
        ),
    ]
    rules += _appeal_rules("gia9", _GIA9, "232/551", inferences)
    return Timeline("ГИА-9 (232/551)", "232/551", tuple(rules))


def _admission_tests() -> Timeline:
    essay = frozenset({ExamKind.FINAL_ESSAY})
    interview = frozenset({ExamKind.FINAL_INTERVIEW})
    both = essay | interview
    rules = (
        TimelineRule(
            "admission.application",
            TimelineEvent.APPLICATION_DEADLINE,
            TimelineEvent.EXAM_DAY,
            2,
            Unit.WEEK,
            Bound.LATEST_BEFORE,
            Applicability(both),
            "«не позднее чем за две недели до начала проведения»",
            "233/552, 232/551",
            Confidence.A,
            ("krasnodar9", "bratsk", "bologoe", "prokina"),
            "Regions publish their own cut-offs for the собеседование and they differ (bologoe, prokina).",
        ),
        TimelineRule(
            "essay.checking.2023",
            TimelineEvent.CHECKING_DONE,
            TimelineEvent.EXAM_DAY,
            7,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(essay, last_school_year=2023),
            "«не позднее чем через семь календарных дней»",
            "233/552",
            Confidence.B,
            ("kolesnikova",),
        ),
        TimelineRule(
            "essay.checking.main_february",
            TimelineEvent.CHECKING_DONE,
            TimelineEvent.EXAM_DAY,
            12,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(essay, months={12, 2}, first_school_year=2024),
            "«итоговое сочинение, проведённое в основную дату и первую среду февраля — не позднее чем через "
            "12 "
            "календарных дней»",
            "233/552",
            Confidence.A,
            ("bratsk", "gym25"),
        ),
        TimelineRule(
            "essay.checking.april",
            TimelineEvent.CHECKING_DONE,
            TimelineEvent.EXAM_DAY,
            8,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(essay, first_school_year=2024),
            "«проведённое во вторую среду апреля, а также в дополнительную дату, определённую "
            "Рособрнадзором — не "
            "позднее чем через 8 календарных дней»",
            "233/552",
            Confidence.A,
            ("bratsk", "gym25"),
        ),
        TimelineRule(
            "interview.checking",
            TimelineEvent.CHECKING_DONE,
            TimelineEvent.EXAM_DAY,
            5,
            Unit.CALENDAR_DAY,
            Bound.LATEST_AFTER,
            Applicability(interview),
            "«Проверка ответов участников итогового собеседования … завершается не позднее чем через пять "
            "календарных дней с даты его проведения»",
            "232/551",
            Confidence.A,
            ("sursk", "3535-sobes", "amsvlad"),
        ),
    )
    return Timeline("итоговое сочинение и собеседование", "233/552, 232/551", rules)


def federal_timelines(*, include_inferences: bool = True) -> tuple[Timeline, ...]:
    """The federal timelines: ГИА-11 (233/552), ГИА-9 (232/551), and the admission tests.

    Args:
        include_inferences: keep the rules marked C (appeals reach the conflict commission on the
            day they are submitted; ЕГЭ results are published on the day they reach the schools).
            Without them the ЕГЭ chain stops at the transfer to schools and appeal decisions count
            from the submission day.
    """
    return (_gia11(include_inferences), _gia9(include_inferences), _admission_tests())


# --------------------------------------------------------------------------------------------
# Deriving the events of every exam day
# --------------------------------------------------------------------------------------------


def _joint_start(
    schedule: ExamSchedule, day: ExamDay, subject: Subject, joint: Sequence[JointAssessment]
) -> dt.date:
    for group in joint:
        if day.exam in group.exams and subject in group.subjects:
            days = [
                d.date
                for d in schedule.days
                if d.exam is day.exam
                and d.period is day.period
                and any(s in group.subjects for s in d.subjects)
            ]
            return max([day.date, *days])
    return day.date


def _chain(
    timeline: Timeline, day: ExamDay, subject: Subject | None, start: dt.date, calendar: WorkingDayCalendar
) -> tuple[DerivedDate, ...]:
    known: dict[TimelineEvent, dt.date] = {TimelineEvent.EXAM_DAY: day.date}
    out: list[DerivedDate] = []
    progressed = True
    done: set[TimelineEvent] = set()
    while progressed:
        progressed = False
        for rule in timeline.rules:
            if rule.event in done:
                continue
            if timeline.rule_for(rule.event, day, subject) is not rule or rule.after not in known:
                continue
            base = known[rule.after]
            if rule.after is TimelineEvent.EXAM_DAY and rule.event is TimelineEvent.PROCESSING_DONE:
                base = start  # jointly assessed parts start from the last part
            window = rule.window(calendar, base)
            known[rule.event] = window.end
            done.add(rule.event)
            out.append(DerivedDate(rule.event, window, rule, base))
            progressed = True
    order = {e: i for i, e in enumerate(TimelineEvent)}
    return tuple(sorted(out, key=lambda d: (order[d.event], d.due)))


def derive(
    schedule: ExamSchedule,
    calendar: WorkingDayCalendar,
    *,
    timelines: Sequence[Timeline] | None = None,
) -> tuple[DerivedEvents, ...]:
    """The derived events of every visible exam day of ``schedule``, per group of subjects.

    Subjects of a day whose chains give the same dates form one group; «по всем учебным предметам»
    is expanded into the subjects of the exam kind first, and so is a day whose subjects are not
    known (``subjects_confirmed`` false and none listed, e.g. the ЕГЭ 2026 retake days).

    Raises:
        CalendarCoverageError: a date falls outside the calendar's covered years.
    """
    rules = tuple(timelines) if timelines is not None else federal_timelines()
    out: list[DerivedEvents] = []
    for day in schedule.days:
        for timeline in rules:
            if not any(day.exam in r.applies.exams for r in timeline.rules):
                continue
            subjects: Sequence[Subject | None] = day.specific_subjects or (None,)
            if not day.specific_subjects and not day.subjects_confirmed and exam_subjects(day.exam):
                subjects = exam_subjects(day.exam)  # any subject may be on this day
            groups: dict[tuple[dt.date, tuple[DerivedDate, ...]], list[Subject]] = {}
            for subject in subjects:
                start = day.date if subject is None else _joint_start(schedule, day, subject, timeline.joint)
                chain = _chain(timeline, day, subject, start, calendar)
                members = groups.setdefault((start, chain), [])
                if subject is not None:
                    members.append(subject)
            for (start, chain), members in groups.items():
                if chain:
                    out.append(DerivedEvents(day, tuple(members), start, chain))
    return tuple(out)
