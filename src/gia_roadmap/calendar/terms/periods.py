"""Terms that name a longer period: seasons, quarters, school years, calendar years, the plan period."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from gia_roadmap.calendar.school_dates import school_year_end
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms.resolution import (
    Resolution,
    ResolutionStatus,
    _Base,
    _Ctx,
    _last_day,
    _no_year,
    _ok,
    _raw,
    _unresolved,
)
from gia_roadmap.calendar.terms.years import YearOrigin
from gia_roadmap.errors import CalendarCoverageError

__all__ = [
    "CalendarYear",
    "HalfYearTerm",
    "PlanPeriod",
    "QuarterTerm",
    "SchoolYearTerm",
    "Season",
    "SeasonTerm",
]


class Season(enum.Enum):
    """Seasons; value is the first month."""

    WINTER = 12
    SPRING = 3
    SUMMER = 6
    AUTUMN = 9


def _season_window(season: Season, year: int) -> DateWindow:
    first = season.value
    if season is Season.WINTER:
        return DateWindow(dt.date(year, 12, 1), _last_day(year + 1, 2))
    return DateWindow(dt.date(year, first, 1), _last_day(year, first + 2))


@attrs.frozen
class SeasonTerm(_Base):
    """A season: «осень 2022 года», «весна 2023 года».

    Winter «зима YEAR» is read as December YEAR – February YEAR+1 (flag ``winter_ambiguous``).
    Without a year the school year decides (autumn/winter: start year, spring/summer: start+1).
    """

    kind: ClassVar[str] = "season"
    season: Season
    year: int | None = None
    origin: YearOrigin = YearOrigin.NONE
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``assumed_year``, ``year_unknown``, ``winter_ambiguous``."""
        flags = set()
        if self.origin is YearOrigin.SCHOOL_YEAR:
            flags.add("assumed_year")
        if self.year is None:
            flags.add("year_unknown")
        if self.season is Season.WINTER:
            flags.add("winter_ambiguous")
        return frozenset(flags)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        year = self.year
        if year is None and ctx.school_year is not None:
            year = ctx.school_year.year_of_month(self.season.value)
        if year is None:
            return _no_year("season")
        return _ok(_season_window(self.season, year))


class _PartOfYear(_Base):
    """A quarter or a half of a calendar year: ``number`` of ``months`` months, in ``year`` (written,
    or assumed from the school year when the text has none)."""

    __slots__ = ()
    months: ClassVar[int] = 3
    year: int | None
    origin: YearOrigin

    @property
    def number(self) -> int:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    @property
    def flags(self) -> frozenset[str]:
        """``assumed_year``, ``year_unknown``."""
        if self.origin is YearOrigin.SCHOOL_YEAR:
            return frozenset({"assumed_year"})
        return frozenset({"year_unknown"}) if self.year is None else frozenset()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        first = self.months * (self.number - 1) + 1
        year = self.year
        if year is None and ctx.school_year is not None:
            year = ctx.school_year.year_of_month(first)
        if year is None:
            return _no_year(self.kind.replace("_", "-"))
        return _ok(DateWindow(dt.date(year, first, 1), _last_day(year, first + self.months - 1)))


@attrs.frozen
class QuarterTerm(_PartOfYear):
    """A calendar quarter: «I квартал 2024 года», «2 квартал», «в первом квартале»."""

    kind: ClassVar[str] = "quarter"
    quarter: int = attrs.field(validator=attrs.validators.in_((1, 2, 3, 4)))
    year: int | None = None
    origin: YearOrigin = YearOrigin.NONE
    raw: str = _raw()

    @property
    def number(self) -> int:
        """The quarter."""
        return self.quarter


@attrs.frozen
class HalfYearTerm(_PartOfYear):
    """A half-year (полугодие): of the school year («I полугодие», «во II полугодии 2023/24 учебного
    года»: ``school``) or of a calendar year («первое полугодие 2024 года»).

    «I полугодие» names two different periods: the school's first half-year is September–December,
    the calendar's January–June. The text decides (``docs/deadline-grammar.md``, *Half-years*): a
    calendar year written after it («2024 года», «2024 г.») makes it the calendar half-year; a school
    year written («2023/24 учебного года») or none at all makes it the school's, since a roadmap runs
    over a school year (flag ``school_half_year`` when no year was written and the rule decided).

    Attributes:
        half: 1 or 2.
        year: the calendar year (calendar half-year), or the school year's start year (school
            half-year); None when not written and no school year was given.
        origin: where the year came from.
        school: the school's half-year: the first runs from 1 September to 31 December of ``year``
            (the winter holidays close it), the second from 1 January of ``year + 1`` to the end of
            the school year (26 May or the working day before:
            :func:`~gia_roadmap.calendar.school_dates.school_year_end`).
    """

    kind: ClassVar[str] = "half_year"
    months: ClassVar[int] = 6
    half: int = attrs.field(validator=attrs.validators.in_((1, 2)))
    year: int | None = None
    origin: YearOrigin = YearOrigin.NONE
    raw: str = _raw()
    school: bool = attrs.field(default=False, kw_only=True)

    @property
    def number(self) -> int:
        """The half."""
        return self.half

    @property
    def flags(self) -> frozenset[str]:
        """``assumed_year``, ``year_unknown``; ``school_half_year`` when the school's half-year was
        read from a text that wrote no year."""
        flags = super().flags
        if self.school and self.origin is not YearOrigin.WRITTEN:
            flags |= {"school_half_year"}
        return flags

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if not self.school:
            return super()._resolve(ctx)
        year = self.year
        if year is None and ctx.school_year is not None:
            year = ctx.school_year.start_year
        if year is None:
            return _no_year("school half-year")
        if self.half == 1:
            return _ok(DateWindow(dt.date(year, 9, 1), dt.date(year, 12, 31)))
        try:
            end = school_year_end(SchoolYear(year), ctx.calendar)
        except CalendarCoverageError:
            end = school_year_end(SchoolYear(year))
        return _ok(DateWindow(dt.date(year + 1, 1, 1), end))


@attrs.frozen
class SchoolYearTerm(_Base):
    """A school year: explicit «в течение 2023-2024 учебного года», «2021 – 2022 учебный год»,
    «2023-2024 уч. г.», or implicit «в течение учебного года», «в течение года».

    Attributes:
        start_year, end_year: the years written (explicit) or taken from the school year given at
            parse time (implicit); None when implicit and no school year was given.
        explicit: the years are written in the text.
        academic: the text says «учебный год» («уч. г.»). An explicit span without it («2023-2024
            г.») is read as a school year and flagged ``academic_or_calendar_ambiguous``; an
            implicit «в течение года» without it means the plan's school year (catalogue §6.6).
    """

    kind: ClassVar[str] = "academic_year"
    start_year: int | None = None
    end_year: int | None = None
    explicit: bool = True
    academic: bool = True
    raw: str = _raw()

    @property
    def flags(self) -> frozenset[str]:
        """``implicit``, ``academic_or_calendar_ambiguous``, ``span_not_one_year``, ``year_unknown``."""
        flags = set()
        if not self.explicit:
            flags.add("implicit")
        elif not self.academic:
            flags.add("academic_or_calendar_ambiguous")
        if self.start_year is None:
            flags.add("year_unknown")
        elif self.end_year is not None and self.end_year != self.start_year + 1:
            flags.add("span_not_one_year")
        return frozenset(flags)

    def _resolve(self, ctx: _Ctx) -> Resolution:
        start_year = self.start_year
        if start_year is None and ctx.school_year is not None:
            start_year = ctx.school_year.start_year
        if start_year is None:
            return _no_year("school year")
        end_year = self.end_year if self.end_year is not None else start_year + 1
        if end_year <= start_year:  # 1 September of the first year to 31 August of the last
            return _unresolved(
                ResolutionStatus.INVALID, f"school year {start_year}-{end_year} ends before it starts"
            )
        return _ok(DateWindow(dt.date(start_year, 9, 1), dt.date(end_year, 8, 31)))


@attrs.frozen
class CalendarYear(_Base):
    """A calendar year: «в течение 2023 года», «2022 г.». Window 1 January – 31 December."""

    kind: ClassVar[str] = "year"
    year: int
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        return _ok(DateWindow(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)))


@attrs.frozen
class PlanPeriod(_Base):
    """The plan's whole period: «Весь период», «в течение всего периода подготовки и проведения
    ГИА, ЕГЭ», «В период подготовки и проведения ГИА».

    Resolves to ``plan_period`` when given, else to the school year (reason says so).
    ``exams`` keeps the exams named («ГИА», «ЕГЭ»), empty for «весь период».
    """

    kind: ClassVar[str] = "whole_period"
    exams: tuple[str, ...] = ()
    raw: str = _raw()

    def _resolve(self, ctx: _Ctx) -> Resolution:
        if ctx.plan_period is not None:
            return _ok(ctx.plan_period)
        if ctx.school_year is not None:
            return Resolution(
                (ctx.school_year.window,),
                ResolutionStatus.RESOLVED,
                "plan period not given; the school year is used",
            )
        return _unresolved(
            ResolutionStatus.NO_SCHOOL_YEAR, "neither a plan period nor a school year was given"
        )
