"""Terms whose date is set elsewhere or not at all: external schedules, separate plans, requests,
conditions, continuous activity, labels, times of day and free notes."""

from __future__ import annotations

from typing import ClassVar

import attrs

from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _Ctx,
    _raw,
    _unresolved,
)
from gia_roadmap.errors import InvalidValueError

__all__ = [
    "Conditional",
    "Continuous",
    "ExternalSchedule",
    "Label",
    "Note",
    "OnRequest",
    "SeparatePlan",
    "SeparateSchedule",
    "TimeOfDay",
]


def _unknown(ctx: _Ctx, reason: str) -> Resolution:
    if ctx.options.unknown_as_period and ctx.frame is not None:
        return Resolution((ctx.frame,), ResolutionStatus.UNKNOWN, reason)
    return _unresolved(ResolutionStatus.UNKNOWN, reason)


@attrs.frozen
class ExternalSchedule(_Base):
    """Dates set by someone else's schedule or act: «по графику ФЦТ», «по согласованному со
    Спецсвязью графику», «в соответствии с Порядком и графиком Рособрнадзора», «согласно приказам
    Департамента». Resolves to UNKNOWN (reason names the reference).

    Attributes:
        preposition: «по», «в соответствии с», «согласно» … (empty for a bare «приказы Департамента»).
        text: the reference as written (whitespace and dashes normalised).
    """

    kind: ClassVar[str] = "external_schedule"
    preposition: str
    text: str
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"external schedule: {self.preposition} {self.text}".replace("  ", " "))


@attrs.frozen
class SeparateSchedule(_Base):
    """A separate schedule with no owner named: «по отдельному графику», «По спец. графику»,
    «Согласно графику». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "separate_schedule"
    preposition: str = "по"
    text: str = "отдельному графику"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"separate schedule: {self.preposition} {self.text}")


@attrs.frozen
class SeparatePlan(_Base):
    """A separate plan: «по отдельному плану», «по плану учредительного контроля», «По плану ОО»,
    «в соответствии с планом работы отделений краевого УМО». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "separate_plan"
    preposition: str = "по"
    text: str = "отдельному плану"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"separate plan: {self.preposition} {self.text}")


@attrs.frozen
class OnRequest(_Base):
    """On request: «по запросу ФЦТ», «по запросу МОУО, ОО». Resolves to UNKNOWN."""

    kind: ClassVar[str] = "on_request"
    text: str = "запросу"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"on request: по {self.text}")


@attrs.frozen
class Conditional(_Base):
    """A condition instead of a date: «по мере необходимости», «при необходимости», «по мере
    поступления региональной ДК», «по согласованию с Министерством …». Resolves to UNKNOWN.

    ``text`` is the whole phrase, first letter lower-cased.
    """

    kind: ClassVar[str] = "conditional"
    text: str
    raw: str = _raw()

    @property
    def condition(self) -> str:
        """ "as_needed", "on_receipt", "on_agreement" or "other"."""
        low = self.text.lower()
        if "необходимост" in low:
            return "as_needed"
        if "поступлени" in low or "получени" in low:
            return "on_receipt"
        if "согласовани" in low:
            return "on_agreement"
        return "other"

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"conditional: {self.text}")


@attrs.frozen
class Continuous(_Base):
    """Continuous activity, no due date: «постоянно», «круглогодично».

    Resolves to the plan period (or school year) with status CONTINUOUS, so it is never overdue.
    """

    kind: ClassVar[str] = "continuous"
    word: str = "постоянно"
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if not ctx.options.continuous_as_period:
            return _unresolved(ResolutionStatus.UNKNOWN, f"continuous activity ({self.word}): no due date")
        frame = ctx.frame
        if frame is None:
            return _unresolved(ResolutionStatus.NO_SCHOOL_YEAR, "continuous activity: no plan period given")
        return Resolution((frame,), ResolutionStatus.CONTINUOUS, f"continuous activity ({self.word})")


@attrs.frozen
class Note(_Base):
    """A free qualifier that is neither a date nor a reference, usually in parentheses:
    «(промежуточные сведения соответствующих периодов)». Resolves to nothing (status RESOLVED,
    no windows) so it never hides the dates of the term it qualifies."""

    kind: ClassVar[str] = "note"
    text: str
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return Resolution((), ResolutionStatus.RESOLVED, "")


def _check_label(instance: Label, attribute: attrs.Attribute[bool], value: bool) -> None:
    if instance.stage is None and not value:
        raise InvalidValueError("a Label names a stage, or a reserve day, or both")


@attrs.frozen
class Label(_Base):
    """A stage label on a date: «04 декабря 2024 года (основная дата)», «(резервный день)»,
    «05.07.2014 – дополнительный этап», «(дополнительные сроки)».

    It qualifies the date before it (the two form a :class:`~gia_roadmap.calendar.terms.Compound`,
    whose windows carry the label) and resolves to nothing itself. Two labels are equal when they say
    the same: the stage and whether the date is a reserve; ``text`` keeps the wording.

    Attributes:
        stage: the exam stage named («основная» → main, «дополнительные сроки» → additional), or None.
        reserve: the date is a reserve one («резервный день», «резерв»).
        text: the label as written (spaces normalised), not compared.
    """

    kind: ClassVar[str] = "label"
    stage: ExamStage | None = None
    reserve: bool = attrs.field(default=False, validator=_check_label)
    text: str = attrs.field(default="", eq=False)
    raw: str = _raw()

    @property
    def wording(self) -> str:
        """The canonical Russian wording: «основная дата», «резервный день», «дополнительный срок»,
        «резервный день основного периода» …"""
        if self.reserve:
            return "резервный день" + (f" {_STAGE_GENITIVE[self.stage]} периода" if self.stage else "")
        return _STAGE_WORDING[self.stage] if self.stage else ""

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return Resolution((), ResolutionStatus.RESOLVED, "")


_STAGE_WORDING = {
    ExamStage.EARLY: "досрочный срок",
    ExamStage.MAIN: "основная дата",
    ExamStage.ADDITIONAL: "дополнительный срок",
}
_STAGE_GENITIVE = {
    ExamStage.EARLY: "досрочного",
    ExamStage.MAIN: "основного",
    ExamStage.ADDITIONAL: "дополнительного",
}


TIME_WORDINGS = ("", "в", "до", "не позднее", "к", "с", "начиная с", "не ранее", "после")
"""What may stand before a time of day: nothing or «в» (at), «до», «не позднее», «к» (by), «с», «начиная
с», «не ранее», «после» (from)."""


def _check_hour(instance: TimeOfDay, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 24:
        raise InvalidValueError(f"hour must be 0..24, got {value!r}")


def _check_minute(instance: TimeOfDay, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 59:
        raise InvalidValueError(f"minute must be 0..59, got {value!r}")
    if instance.hour == 24 and value:
        raise InvalidValueError(f"24:{value:02d} is no time of day (24:00 is the day's end)")


TIME_ZONES = ("", "местному", "московскому")
"""Whose clock a time is on: «по местному времени», «по московскому времени», or unsaid."""


def _check_zone(instance: TimeOfDay, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in TIME_ZONES:
        raise InvalidValueError(f"zone must be one of {TIME_ZONES!r}, got {value!r}")


def _check_time_wording(instance: TimeOfDay, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in TIME_WORDINGS:
        raise InvalidValueError(f"wording must be one of {TIME_WORDINGS!r}, got {value!r}")


@attrs.frozen
class TimeOfDay(_Base):
    """A time of day: «до 10:00», «в 10.00 ч.», «не позднее 18:00», «с 9:00».

    Next to a date or a relative term it qualifies it (a :class:`~gia_roadmap.calendar.terms.Compound`
    whose windows carry the time as their label): «17.11.2021 до 18:00», «не позднее 18:00 дня,
    предшествующего экзамену». Windows are days, so the time is kept in the term and in the label,
    never dropped. Alone it names no day: it resolves to nothing, status UNKNOWN.

    Attributes:
        hour: 0..24 (24:00 is the day's end).
        minute: 0..59.
        wording: the word before it (:data:`TIME_WORDINGS`): «до», «не позднее», «к» make it the latest
            time, «с», «не ранее», «после» the earliest, «в» or nothing the time itself.
        zone: whose clock (:data:`TIME_ZONES`): «местному» for «по местному времени», «московскому»
            for «по московскому времени» (exam start times are local; federal deadlines often Moscow's),
            empty when the text does not say.
    """

    kind: ClassVar[str] = "time_of_day"
    hour: int = attrs.field(validator=_check_hour)
    minute: int = attrs.field(default=0, validator=_check_minute)
    wording: str = attrs.field(default="", validator=_check_time_wording)
    raw: str = _raw()
    zone: str = attrs.field(default="", kw_only=True, validator=_check_zone)

    @property
    def text(self) -> str:
        """The canonical Russian wording: «до 18:00», «в 10:00», «9:30», «в 10:00 по местному времени»."""
        zone = f" по {self.zone} времени" if self.zone else ""
        return f"{self.wording} {self.hour}:{self.minute:02d}{zone}".strip()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _unknown(ctx, f"a time of day ({self.text}) names no day")
