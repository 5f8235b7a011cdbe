"""The official Russian production calendar with fast working-day arithmetic.

:class:`RussianCalendar` subclasses workalendar's ``Russia`` so that workalendar's own API
(``holidays()``, ``is_working_day()``, ``add_working_days()``, ``get_working_days_delta()`` …) answers
from the official data as well. Every answer is a look-up in arrays precomputed once per calendar:
the day kind of every date, the number of working days before every date (a prefix count) and the
ordinals of the working days. ``add_working_days`` and ``working_days_between`` are therefore two
index look-ups, never a day-by-day loop.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs
from workalendar.europe import Russia

from gia_roadmap.calendar.daykinds import CalendarDay, DayKind, WorkWeek
from gia_roadmap.calendar.labour_code import RULES_FIRST_YEAR, RULES_LAST_YEAR, estimate_year
from gia_roadmap.calendar.regional import (
    RegionalYear,
    official_run,
    official_years,
    region_rules,
    regional_year,
)
from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.calendar.yeardata import YearData, load_bundled_years
from gia_roadmap.errors import CalendarCoverageError, CalendarOverrideError, DateTypeError

if TYPE_CHECKING:
    from gia_roadmap.calendar.batch import DateBatch, IntBatch
    from gia_roadmap.calendar.month_view import CalendarMonth

__all__ = ["HOLIDAY_NAMES", "RussianCalendar"]

HOLIDAY_NAMES: Mapping[tuple[int, int], str] = {
    **{(1, d): "Новогодние каникулы" for d in (1, 2, 3, 4, 5, 6, 8)},
    (1, 7): "Рождество Христово",
    (2, 23): "День защитника Отечества",
    (3, 8): "Международный женский день",
    (5, 1): "Праздник Весны и Труда",
    (5, 9): "День Победы",
    (6, 12): "День России",
    (11, 4): "День народного единства",
}
"""Names of the art. 112 holidays by (month, day)."""

_KINDS: tuple[DayKind, ...] = tuple(DayKind)
_CODE = {kind: code for code, kind in enumerate(_KINDS)}
_OFF_KINDS = frozenset(
    {
        DayKind.WEEKEND,
        DayKind.HOLIDAY,
        DayKind.TRANSFERRED_DAY_OFF,
        DayKind.REGIONAL_HOLIDAY,
        DayKind.EXTRA_DAY_OFF,
    }
)


@attrs.frozen(eq=False)
class _Index:
    """Precomputed arrays over the days ``base .. base + size - 1`` (proleptic ordinals)."""

    first_year: int
    last_year: int
    base: int
    kinds: bytes
    short: bytes
    working: tuple[bool, ...]
    rank: list[int]  # rank[i]: working days in [base, base + i); len size + 1
    work_ord: list[int]  # ordinals of working days, ascending
    work_dates: list[dt.date]  # the same working days as date objects (saves date.fromordinal)
    notes: Mapping[int, str]
    estimated_years: frozenset[int]
    size: int  # number of days indexed
    working_count: int  # number of working days indexed
    cache: dict[str, Any] = attrs.field(factory=dict)  # numpy arrays, built on first batch call


def _fill_year(
    data: YearData,
    week: WorkWeek,
    kinds: bytearray,
    short: bytearray,
    notes: dict[int, str],
    base: int,
) -> None:
    year = data.year
    start = dt.date(year, 1, 1).toordinal()
    end = dt.date(year + 1, 1, 1).toordinal()
    weekend = (5, 6) if week is WorkWeek.FIVE_DAY else (6,)
    for ordinal in range(start, end):
        weekday = (ordinal + 6) % 7  # date.fromordinal(o).weekday()
        kinds[ordinal - base] = _CODE[DayKind.WEEKEND if weekday in weekend else DayKind.WORKING]
    suffix = " (оценка по правилам ТК РФ)" if data.is_estimate else ""
    week_data = data.five_day if week is WorkWeek.FIVE_DAY else data.six_day
    decree = data.decree.short_citation() if data.decree else "ст. 112 ТК РФ"
    for transfer in week_data.transfers:
        source = transfer.source.toordinal() - base
        if transfer.source not in data.holidays and kinds[source] == _CODE[DayKind.WEEKEND]:
            kinds[source] = _CODE[DayKind.WORKING_WEEKEND]
            notes[source + base] = f"рабочий день: выходной перенесён на {transfer.target:%d.%m} ({decree})"
        basis = decree if transfer.basis == "decree" else "ст. 112 ч. 2 ТК РФ"
        kinds[transfer.target.toordinal() - base] = _CODE[DayKind.TRANSFERRED_DAY_OFF]
        notes[transfer.target.toordinal()] = (
            f"выходной перенесён с {transfer.source:%d.%m.%Y} ({basis}){suffix}"
        )
    for holiday in data.holidays:
        kinds[holiday.toordinal() - base] = _CODE[DayKind.HOLIDAY]
        notes[holiday.toordinal()] = HOLIDAY_NAMES.get((holiday.month, holiday.day), "праздник") + suffix
    # A decree period makes every day in it non-working, on either week: the days that would otherwise be
    # working (a six-day Saturday, a six-day working 05.11.2021) become special; days off stay what they are.
    working_codes = (_CODE[DayKind.WORKING], _CODE[DayKind.WORKING_WEEKEND])
    for period in data.special_periods:
        for ordinal in range(period.start.toordinal(), period.end.toordinal() + 1):
            if kinds[ordinal - base] in working_codes:
                kinds[ordinal - base] = _CODE[DayKind.SPECIAL_NON_WORKING]
                notes[ordinal] = f"нерабочий день: {period.basis}"
    for day in week_data.short_days:
        short[day.toordinal() - base] = 1


_REGIONAL = _CODE[DayKind.REGIONAL_HOLIDAY]
_MOVABLE_OFF = (_CODE[DayKind.WEEKEND], _CODE[DayKind.TRANSFERRED_DAY_OFF])
_WORKING_CODES = (_CODE[DayKind.WORKING], _CODE[DayKind.WORKING_WEEKEND], _CODE[DayKind.SPECIAL_NON_WORKING])


def _fill_region(
    region: RegionalYear, week: WorkWeek, kinds: bytearray, short: bytearray, notes: dict[int, str], base: int
) -> None:
    """Stack one region's year on the federal kinds already filled in (either week).

    A regional day becomes ``REGIONAL_HOLIDAY`` unless it is a federal holiday (then it stays one, the
    note names both). Where the region's law moves a holiday that falls on a day off (a weekend day or a
    transferred day off of this week), the next working day becomes a transferred day off. The working
    day before a regional holiday is shortened where the law applies art. 95 ТК РФ to regional holidays.
    A day-off special day (2020–2021) counts as working here, as in the official norms.
    """
    rules = region.rules
    suffix = " (оценка)" if region.is_estimate else ""
    moved: list[tuple[int, str]] = []
    for day in region.days:
        ordinal = day.date.toordinal()
        i = ordinal - base
        label = f"{day.name} ({day.basis})"
        if kinds[i] == _CODE[DayKind.HOLIDAY]:
            notes[ordinal] = f"{notes.get(ordinal, '')}; {label}"
            continue
        if kinds[i] in _MOVABLE_OFF and rules.moves(day.holiday, region.year):
            moved.append((i, day.name))
        kinds[i] = _REGIONAL
        short[i] = 0
        notes[ordinal] = label
    six_day = week is WorkWeek.SIX_DAY
    for transfer in region.transfers:
        if six_day and transfer.source.weekday() != 6:
            continue  # a Saturday is a working day of the six-day week: nothing to move
        from_index = transfer.source.toordinal() - base
        if kinds[from_index] == _CODE[DayKind.WEEKEND]:
            kinds[from_index] = _CODE[DayKind.WORKING_WEEKEND]
            notes[transfer.source.toordinal()] = (
                f"рабочий день: выходной перенесён на {transfer.target:%d.%m} ({transfer.basis})"
            )
        to_index = transfer.target.toordinal() - base
        kinds[to_index] = _CODE[DayKind.TRANSFERRED_DAY_OFF]
        short[to_index] = 0
        notes[transfer.target.toordinal()] = (
            f"выходной перенесён с {transfer.source:%d.%m.%Y} ({transfer.basis})"
        )
    for i, name in moved:
        j = i + 1
        while kinds[j] not in _WORKING_CODES:
            j += 1
        kinds[j] = _CODE[DayKind.TRANSFERRED_DAY_OFF]
        short[j] = 0
        moved_from = dt.date.fromordinal(i + base)
        notes[j + base] = f"выходной перенесён с {moved_from:%d.%m.%Y} ({name}; {rules.law_short}){suffix}"
    if rules.shorten_eve:
        for day in region.days:
            before = day.date.toordinal() - 1 - base
            if before >= 0 and kinds[before] in _WORKING_CODES:
                short[before] = 1


def _build_index(
    years: Sequence[YearData],
    week: WorkWeek,
    special_days_off: bool,
    days_off: Mapping[dt.date, str],
    working_days: Mapping[dt.date, str],
    regional: Sequence[RegionalYear] = (),
) -> _Index:
    first, last = years[0].year, years[-1].year
    base = dt.date(first, 1, 1).toordinal()
    size = dt.date(last + 1, 1, 1).toordinal() - base
    kinds = bytearray(size)
    short = bytearray(size)
    notes: dict[int, str] = {}
    for data in years:
        _fill_year(data, week, kinds, short, notes, base)
    for region in regional:
        _fill_region(region, week, kinds, short, notes, base)
    for day, note in days_off.items():
        kinds[day.toordinal() - base] = _CODE[DayKind.EXTRA_DAY_OFF]
        short[day.toordinal() - base] = 0
        notes[day.toordinal()] = note
    for day, note in working_days.items():
        kinds[day.toordinal() - base] = _CODE[DayKind.EXTRA_WORKING_DAY]
        notes[day.toordinal()] = note
    off = {_CODE[k] for k in _OFF_KINDS}
    if special_days_off:
        off.add(_CODE[DayKind.SPECIAL_NON_WORKING])
    working = tuple(code not in off for code in kinds)
    if special_days_off:
        # a pre-holiday day that is itself a special non-working day (03.11.2021) is not shortened:
        # only a working day can be
        for i, is_working in enumerate(working):
            if not is_working:
                short[i] = 0
    rank = [0] * (size + 1)
    work_ord: list[int] = []
    count = 0
    for i, is_working in enumerate(working):
        rank[i] = count
        if is_working:
            work_ord.append(base + i)
            count += 1
    rank[size] = count
    return _Index(
        first_year=first,
        last_year=last,
        base=base,
        kinds=bytes(kinds),
        short=bytes(short),
        working=working,
        rank=rank,
        work_ord=work_ord,
        work_dates=[dt.date.fromordinal(o) for o in work_ord],
        notes=notes,
        estimated_years=frozenset(
            [d.year for d in years if d.is_estimate] + [r.year for r in regional if r.is_estimate]
        ),
        size=size,
        working_count=len(work_ord),
    )


@functools.cache
def _year_data(rules_only: bool) -> tuple[YearData, ...]:
    official = load_bundled_years()
    if not rules_only:
        return tuple(official[y] for y in sorted(official))
    first = min(RULES_FIRST_YEAR, min(official))
    last = max(RULES_LAST_YEAR, max(official))
    return tuple(official[y] if y in official else estimate_year(y) for y in range(first, last + 1))


@functools.cache
def _region_data(region: str, rules_only: bool) -> tuple[tuple[YearData, ...], tuple[RegionalYear, ...]]:
    """The federal years a regional calendar covers and the region's data for each of them.

    Without ``rules_only`` a regional calendar covers the latest run of consecutive years with official
    regional data (inside the official federal years); with it, every year the federal calendar answers
    for, official regional data where there is some and estimates elsewhere.
    """
    federal = _year_data(rules_only)
    if not rules_only:
        run = official_run(region, [y.year for y in federal])
        if run is None:
            raise CalendarCoverageError(
                federal[-1].year,
                (federal[0].year, federal[-1].year),
                what=f"regional days of {region}: no year has official data",
                rules_only=False,
            )
        federal = tuple(y for y in federal if run[0] <= y.year <= run[1])
    regional: list[RegionalYear] = []
    for data in federal:
        year = regional_year(region, data.year, rules_only=rules_only or data.is_estimate)
        if year is not None:
            regional.append(year)
    return federal, tuple(regional)


@functools.cache
def _cached_index(
    week: WorkWeek, rules_only: bool, special_days_off: bool, region: str | None = None
) -> _Index:
    if region is None:
        return _build_index(_year_data(rules_only), week, special_days_off, {}, {})
    federal, regional = _region_data(region, rules_only)
    return _build_index(federal, week, special_days_off, {}, {}, regional)


def _reject_date(value: object, what: str) -> NoReturn:
    if isinstance(value, dt.datetime):
        raise DateTypeError(
            f"{what} must be a datetime.date, got the datetime {value.isoformat()}; pass "
            f"{value.date().isoformat()!r} as a date (value.date()) — the calendar counts whole days"
        )
    raise DateTypeError(f"{what} must be a datetime.date, got {type(value).__name__} {value!r}")


def _check_date(value: object, what: str) -> dt.date:
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    _reject_date(value, what)


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool):
        raise DateTypeError(f"{what} must be a whole number of days, got the bool {value!r}")
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise DateTypeError(
            f"{what} must be a whole number of days (an int), got {type(value).__name__} {value!r}"
        ) from None


class RussianCalendar(Russia):  # type: ignore[misc]  # workalendar is untyped
    """The official Russian production calendar (производственный календарь).

    Built on workalendar's ``Russia`` and corrected by the official per-year data (the Government
    decrees on moving days off, the shortened pre-holiday days, the Presidential decrees on
    non-working days) bundled in ``gia_roadmap/calendar/data``.

    Args:
        work_week: ``WorkWeek.FIVE_DAY`` (default) or ``WorkWeek.SIX_DAY`` (also accepts the strings
            ``"five_day"`` / ``"six_day"``).
        rules_only: answer for years without official data from the Labour Code rules
            (:mod:`gia_roadmap.calendar.labour_code`, years 2005–2099), marking those answers as
            estimates. Without it such a date raises :class:`~gia_roadmap.errors.CalendarCoverageError`.
        region: the ISO 3166-2:RU code of a subject (e.g. ``"RU-TA"``) whose own non-working days stack
            on the federal calendar (:mod:`gia_roadmap.calendar.regional`): the regional holidays, the
            days off moved by the regional law, the shortened days before them, on either week. A subject
            without days of its own gives the federal calendar. Without ``rules_only`` the calendar covers
            the years with official regional data; with it, other years are estimated and marked so.
        special_days_off: count the days declared non-working by Presidential decrees (2020, 2021) as
            days off. Default ``False``: the official working-time norms and the Supreme Court (Обзор
            № 1 от 21.04.2020, вопрос 2) treat them as working days for counting periods.

    The calendar is immutable: :meth:`with_overrides` returns a new calendar.

    Example:
        >>> import datetime as dt
        >>> cal = RussianCalendar()
        >>> cal.add_working_days(dt.date(2025, 6, 16), -1)
        datetime.date(2025, 6, 11)
    """

    __slots__ = (
        "_index",
        "_overrides_off",
        "_overrides_work",
        "_region",
        "_rules_only",
        "_special_days_off",
        "_week",
    )

    def __init__(
        self,
        *,
        work_week: WorkWeek | str = WorkWeek.FIVE_DAY,
        rules_only: bool = False,
        special_days_off: bool = False,
        region: str | None = None,
    ) -> None:
        super().__init__()
        try:
            week = WorkWeek(work_week)
        except ValueError:
            raise CalendarOverrideError(
                f"work_week {work_week!r} is not valid; use one of "
                f"{', '.join(repr(w.value) for w in WorkWeek)} or a WorkWeek member"
            ) from None
        self._week = week
        self._rules_only = bool(rules_only)
        self._special_days_off = bool(special_days_off)
        self._region = None if region is None else federal_subject(region).code
        self._overrides_off: Mapping[dt.date, str] = {}
        self._overrides_work: Mapping[dt.date, str] = {}
        self._index = _cached_index(week, self._rules_only, self._special_days_off, self._regional_key())

    # ------------------------------------------------------------------ identity and coverage
    @property
    def work_week(self) -> WorkWeek:
        """The working-week regime of this calendar."""
        return self._week

    @property
    def rules_only(self) -> bool:
        """Whether years without official data are estimated from the Labour Code rules."""
        return self._rules_only

    @property
    def special_days_off(self) -> bool:
        """Whether the Presidential non-working days count as days off."""
        return self._special_days_off

    @property
    def region(self) -> str | None:
        """The ISO 3166-2:RU code of the region whose own non-working days this calendar includes."""
        return self._region

    def _regional_key(self) -> str | None:
        """The region, when it has days of its own modelled (else the federal calendar is the answer)."""
        return self._region if self._region is not None and region_rules(self._region) else None

    @property
    def official_years(self) -> tuple[int, int]:
        """The first and last year with official data (inclusive)."""
        years = load_bundled_years()
        return min(years), max(years)

    @property
    def covered_years(self) -> tuple[int, int]:
        """The first and last year this calendar answers for (wider with ``rules_only``)."""
        return self._index.first_year, self._index.last_year

    @property
    def overrides(self) -> tuple[Mapping[dt.date, str], Mapping[dt.date, str]]:
        """The user overrides: (extra days off, extra working days), each date with its note."""
        return dict(self._overrides_off), dict(self._overrides_work)

    def regional_year(self, year: int) -> RegionalYear | None:
        """The regional days of ``year`` with their acts and sources (``None`` without a region).

        ``is_estimate`` tells an estimate (``rules_only``) from official data.
        """
        year = _whole(year, "year")
        self._check_year(year)
        if self._region is None:
            return None
        return regional_year(
            self._region, year, rules_only=self._rules_only or year in self._index.estimated_years
        )

    def year_data(self, year: int) -> YearData:
        """The official (or, with ``rules_only``, estimated) data of ``year``, with its decree."""
        year = _whole(year, "year")
        self._check_year(year)
        return _year_data(self._rules_only)[year - _year_data(self._rules_only)[0].year]

    def __repr__(self) -> str:
        first, last = self.covered_years
        extras = len(self._overrides_off) + len(self._overrides_work)
        return (
            f"RussianCalendar(work_week={self._week.value!r}, rules_only={self._rules_only}, "
            f"special_days_off={self._special_days_off}"
            + (f", region={self._region!r}" if self._region else "")
            + f"; covers {first}–{last}"
            + (f"; {extras} override(s))" if extras else ")")
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RussianCalendar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[object, ...]:
        return (
            self._week,
            self._rules_only,
            self._special_days_off,
            self._region,
            frozenset(self._overrides_off.items()),
            frozenset(self._overrides_work.items()),
        )

    def _coverage_error(self, year: int, what: str) -> CalendarCoverageError:
        if self._regional_key() is not None and not self._rules_only:
            first, last = self.covered_years
            known = _spans(official_years(self._region or ""))
            scope = (
                f"the {self._region} calendar covers the latest unbroken run of years with official regional "
                f"data, {first}–{last} (official regional data: {known}; other years are unknown)"
            )
            what = f"{what} ({scope})" if what else scope
        return CalendarCoverageError(year, self.covered_years, what=what, rules_only=self._rules_only)

    def _check_year(self, year: int) -> None:
        if not self._index.first_year <= year <= self._index.last_year:
            raise self._coverage_error(year, "")

    def _position(self, day: object, what: str = "date") -> int:
        checked = _check_date(day, what)
        index = self._index
        i = checked.toordinal() - index.base
        if 0 <= i < index.size:
            return i
        raise self._coverage_error(checked.year, f"{what} {checked.isoformat()}")

    # ------------------------------------------------------------------ overrides
    def with_overrides(
        self,
        *,
        days_off: Iterable[dt.date] | Mapping[dt.date, str] = (),
        working_days: Iterable[dt.date] | Mapping[dt.date, str] = (),
    ) -> RussianCalendar:
        """A new calendar with extra days off and extra working days; this one is unchanged.

        For a regional day off (e.g. a regional holiday) pass ``days_off``; for an organisation that
        works on a Saturday pass ``working_days``. A mapping attaches a note to each date (shown by
        :meth:`day`). Overrides accumulate over repeated calls; a later call wins for a date it names.

        Raises:
            DateTypeError: an element is not a date.
            CalendarCoverageError: a date is outside the calendar's coverage.
            CalendarOverrideError: the same date is both a day off and a working day.
        """
        off = _as_notes(days_off, "override: дополнительный выходной")
        work = _as_notes(working_days, "override: дополнительный рабочий день")
        both = sorted(set(off) & set(work))
        if both:
            raise CalendarOverrideError(
                f"{', '.join(d.isoformat() for d in both)} given both as a day off and as a working day; "
                f"name each date in one of days_off or working_days"
            )
        for day in (*off, *work):
            self._position(day, "override date")
        merged_off = {d: n for d, n in self._overrides_off.items() if d not in work} | off
        merged_work = {d: n for d, n in self._overrides_work.items() if d not in off} | work
        clone: RussianCalendar = RussianCalendar.__new__(RussianCalendar)
        Russia.__init__(clone)
        clone._week = self._week
        clone._rules_only = self._rules_only
        clone._special_days_off = self._special_days_off
        clone._region = self._region
        clone._overrides_off = merged_off
        clone._overrides_work = merged_work
        regional_key = self._regional_key()
        years, regional = (
            (_year_data(self._rules_only), ())
            if regional_key is None
            else _region_data(regional_key, self._rules_only)
        )
        clone._index = _build_index(
            years, self._week, self._special_days_off, merged_off, merged_work, regional
        )
        return clone

    def with_region(self, region: str | None, *, rules_only: bool | None = None) -> RussianCalendar:
        """The same calendar (week, switches, overrides) for another region (``None``: federal only).

        ``rules_only`` keeps this calendar's setting unless given.
        """
        twin = RussianCalendar(
            work_week=self._week,
            rules_only=self._rules_only if rules_only is None else rules_only,
            special_days_off=self._special_days_off,
            region=region,
        )
        if self._overrides_off or self._overrides_work:
            twin = twin.with_overrides(days_off=self._overrides_off, working_days=self._overrides_work)
        return twin

    def with_work_week(self, work_week: WorkWeek | str) -> RussianCalendar:
        """The same calendar (switches and overrides) on another working-week regime."""
        twin = RussianCalendar(
            work_week=work_week,
            rules_only=self._rules_only,
            special_days_off=self._special_days_off,
            region=self._region,
        )
        if self._overrides_off or self._overrides_work:
            twin = twin.with_overrides(days_off=self._overrides_off, working_days=self._overrides_work)
        return twin

    # ------------------------------------------------------------------ single days
    def day_kind(self, day: dt.date) -> DayKind:
        """The :class:`DayKind` of ``day``."""
        index = self._index
        return _KINDS[index.kinds[self._position(day)]]

    def day(self, day: dt.date) -> CalendarDay:
        """Everything known about ``day``: kind, working or not, short or not, estimate or not, note."""
        i = self._position(day)
        index = self._index
        return CalendarDay(
            date=day,
            kind=_KINDS[index.kinds[i]],
            is_working=index.working[i],
            is_short=bool(index.short[i]),
            is_estimate=day.year in index.estimated_years,
            note=index.notes.get(i + index.base, ""),
        )

    def is_short_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day shortened by one hour (предпраздничный день)."""
        return bool(self._index.short[self._position(day)])

    def is_estimate(self, day: dt.date) -> bool:
        """Whether the answer for ``day`` comes from the Labour Code rules rather than official data."""
        self._position(day)
        return day.year in self._index.estimated_years

    def is_working_day(
        self,
        day: dt.date,
        extra_working_days: Iterable[dt.date] | None = None,
        extra_holidays: Iterable[dt.date] | None = None,
    ) -> bool:
        """Whether ``day`` is a working day (shortened days and working weekends included).

        ``extra_working_days`` / ``extra_holidays`` are workalendar's per-call exceptions; prefer
        :meth:`with_overrides`, which is much faster for repeated use.
        """
        if extra_working_days or extra_holidays:
            return self._ad_hoc(extra_working_days, extra_holidays).is_working_day(day)
        index = self._index
        if type(day) is dt.date:
            i = day.toordinal() - index.base
            if 0 <= i < index.size:
                return index.working[i]
        return index.working[self._position(day)]

    def is_holiday(self, day: dt.date, extra_holidays: Iterable[dt.date] | None = None) -> bool:
        """workalendar's notion: ``day`` is a non-working day other than a plain weekend day."""
        if extra_holidays and _check_date(day, "date") in set(extra_holidays):
            return True
        i = self._position(day)
        return not self._index.working[i] and _KINDS[self._index.kinds[i]] is not DayKind.WEEKEND

    def next_working_day(self, day: dt.date, *, include_self: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself if working and ``include_self``)."""
        if include_self and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: dt.date, *, include_self: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself if working and ``include_self``)."""
        if include_self and self.is_working_day(day):
            return day
        return self.add_working_days(day, -1)

    # ------------------------------------------------------------------ arithmetic
    def add_working_days(
        self,
        day: dt.date,
        delta: int,
        extra_working_days: Iterable[dt.date] | None = None,
        extra_holidays: Iterable[dt.date] | None = None,
        keep_datetime: bool = False,
    ) -> dt.date:
        """Shift ``day`` by ``delta`` working days.

        * ``delta > 0``: the ``delta``-th working day strictly after ``day``;
        * ``delta < 0``: the ``|delta|``-th working day strictly before ``day``;
        * ``delta == 0``: ``day`` itself, even when it is a day off (use :meth:`next_working_day` or
          :meth:`previous_working_day` with ``include_self=True`` to roll a day off).

        This matches workalendar's ``add_working_days`` and the Civil Code's counting of a period
        from the day after an event (art. 191). The signature keeps workalendar's parameters;
        ``keep_datetime`` is accepted for compatibility but datetimes are rejected.

        Raises:
            DateTypeError: ``day`` is not a date (a datetime included) or ``delta`` not an int.
            CalendarCoverageError: ``day`` or the result lies outside the calendar's coverage.
        """
        index = self._index
        if type(day) is dt.date and type(delta) is int and not (extra_working_days or extra_holidays):
            i = day.toordinal() - index.base  # fast path: two list look-ups
            if 0 <= i < index.size:
                if delta > 0:
                    k = index.rank[i + 1] + delta - 1
                elif delta < 0:
                    k = index.rank[i] + delta
                else:
                    return day
                if 0 <= k < index.working_count:
                    return index.work_dates[k]
        return self._add_working_days_checked(day, delta, extra_working_days, extra_holidays)

    def _add_working_days_checked(
        self,
        day: dt.date,
        delta: int,
        extra_working_days: Iterable[dt.date] | None,
        extra_holidays: Iterable[dt.date] | None,
    ) -> dt.date:
        if extra_working_days or extra_holidays:
            return self._ad_hoc(extra_working_days, extra_holidays).add_working_days(day, delta)
        checked = _check_date(day, "date")
        steps = _whole(delta, "delta")
        index = self._index
        i = checked.toordinal() - index.base
        if not 0 <= i < index.size:
            raise self._coverage_error(checked.year, f"date {checked.isoformat()}")
        if steps == 0:
            return checked
        k = index.rank[i + 1] + steps - 1 if steps > 0 else index.rank[i] + steps
        if 0 <= k < index.working_count:
            return index.work_dates[k]
        year = index.last_year + 1 if k >= 0 else index.first_year - 1
        raise self._coverage_error(year, f"shifting {checked.isoformat()} by {steps} working days")

    def sub_working_days(
        self,
        day: dt.date,
        delta: int,
        extra_working_days: Iterable[dt.date] | None = None,
        extra_holidays: Iterable[dt.date] | None = None,
        keep_datetime: bool = False,
    ) -> dt.date:
        """workalendar's helper: ``add_working_days(day, -abs(delta))``."""
        return self.add_working_days(day, -abs(_whole(delta, "delta")), extra_working_days, extra_holidays)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open interval ``[start, end)``; negative when ``end < start``.

        The numpy ``busday_count`` convention: ``working_days_between(a, b) +
        working_days_between(b, c) == working_days_between(a, c)`` for all dates. ``end`` may be the
        day after the last covered day.
        """
        index = self._index
        if type(start) is dt.date and type(end) is dt.date:  # fast path
            i = start.toordinal() - index.base
            j = end.toordinal() - index.base
            if 0 <= i < index.size and 0 <= j <= index.size:
                return index.rank[j] - index.rank[i]
        i = self._position(start, "start")
        checked_end = _check_date(end, "end")
        j = checked_end.toordinal() - index.base
        if not 0 <= j <= index.size:
            raise self._coverage_error(checked_end.year, f"end {checked_end.isoformat()}")
        return index.rank[j] - index.rank[i]

    def get_working_days_delta(
        self,
        start: dt.date,
        end: dt.date,
        include_start: bool = False,
        extra_working_days: Iterable[dt.date] | None = None,
        extra_holidays: Iterable[dt.date] | None = None,
    ) -> int:
        """workalendar's count: working days in ``(start, end]`` whatever the order of the dates,
        plus ``start`` itself when ``include_start`` and it is a working day."""
        if extra_working_days or extra_holidays:
            calendar = self._ad_hoc(extra_working_days, extra_holidays)
            return calendar.get_working_days_delta(start, end, include_start)
        low, high = sorted((_check_date(start, "start"), _check_date(end, "end")))
        if low == high:
            return 0
        self._position(low, "start" if low is start else "end")  # before the day after: date.max has none
        self._position(high, "end" if high is end else "start")
        count = self.working_days_between(low + dt.timedelta(days=1), high + dt.timedelta(days=1))
        if include_start and self.is_working_day(low):
            count += 1
        return count

    def _ad_hoc(
        self, extra_working_days: Iterable[dt.date] | None, extra_holidays: Iterable[dt.date] | None
    ) -> RussianCalendar:
        work = list(extra_working_days or ())
        working = set(work)
        off = [d for d in (extra_holidays or ()) if d not in working]  # workalendar: working wins
        return self.with_overrides(days_off=off, working_days=work)

    # ------------------------------------------------------------------ periods
    def _span(self, year: int, month: int | None) -> tuple[int, int]:
        year = _whole(year, "year")
        self._check_year(year)
        if month is None:
            return dt.date(year, 1, 1).toordinal(), dt.date(year + 1, 1, 1).toordinal()
        month = _whole(month, "month")
        if not 1 <= month <= 12:
            raise CalendarOverrideError(f"month {month} is not valid; use 1–12 or None for the whole year")
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
        return start.toordinal(), end.toordinal()

    def days_in(self, year: int, month: int | None = None) -> tuple[CalendarDay, ...]:
        """Every day of a year or month with its kind (for printing a calendar)."""
        start, end = self._span(year, month)
        return tuple(self.day(dt.date.fromordinal(o)) for o in range(start, end))

    def month(self, year: int, month: int) -> CalendarMonth:
        """One month with its day kinds, totals and hours; shown as a grid in notebooks."""
        from gia_roadmap.calendar.month_view import CalendarMonth

        return CalendarMonth.of(self, year, month)

    def working_days_in(self, year: int, month: int | None = None) -> int:
        """Number of working days in a year or one month of it."""
        start, end = self._span(year, month)
        base = self._index.base
        return self._index.rank[end - base] - self._index.rank[start - base]

    def short_days_in(self, year: int, month: int | None = None) -> int:
        """Number of shortened working days in a year or one month of it."""
        start, end = self._span(year, month)
        base = self._index.base
        return sum(self._index.short[start - base : end - base])

    def working_hours_in(self, year: int, month: int | None = None, week_hours: float = 40) -> float:
        """The official norm of working hours (норма рабочего времени) for a year or month.

        Computed as the Порядок (приказ Минздравсоцразвития России от 13.08.2009 № 588н) says: by the
        five-day week whatever the calendar's regime, ``week_hours / 5`` hours a working day, one hour
        less on each shortened day. 40 h gives 8 h a day; 36 h gives 7.2 h; 24 h gives 4.8 h.

        Raises:
            CalendarOverrideError: ``week_hours`` is not in (0, 40].
        """
        if (
            isinstance(week_hours, bool)
            or not isinstance(week_hours, int | float)
            or not 0 < week_hours <= 40
        ):
            raise CalendarOverrideError(
                f"week_hours {week_hours!r} is not valid; use a number of hours a week in (0, 40], "
                f"e.g. 40, 36 or 24"
            )
        five = self if self._week is WorkWeek.FIVE_DAY else self.with_work_week(WorkWeek.FIVE_DAY)
        days = five.working_days_in(year, month)
        short = five.short_days_in(year, month)
        tenths = round(week_hours * 2 * days) - 10 * short  # week_hours / 5 h = 2 * week_hours tenths
        return tenths / 10

    # ------------------------------------------------------------------ workalendar API
    def holidays(self, year: int | None = None) -> list[tuple[dt.date, str]]:
        """workalendar's list of non-working days other than plain weekends, with labels."""
        if year is None:
            year = dt.date.today().year
        start, end = self._span(year, None)
        index = self._index
        result: list[tuple[dt.date, str]] = []
        for ordinal in range(start, end):
            i = ordinal - index.base
            kind = _KINDS[index.kinds[i]]
            if not index.working[i] and kind is not DayKind.WEEKEND:
                result.append((dt.date.fromordinal(ordinal), index.notes.get(ordinal, kind.russian)))
        return result

    def holidays_set(self, year: int | None = None) -> set[dt.date]:
        """workalendar's set form of :meth:`holidays`."""
        return {day for day, _ in self.holidays(year)}

    def get_holiday_label(self, day: dt.date) -> str | None:
        """The label of a non-working non-weekend day, else ``None`` (workalendar API)."""
        return self.day(day).note or None if self.is_holiday(day) else None

    def get_calendar_holidays(self, year: int) -> list[tuple[dt.date, str]]:
        """workalendar hook; answers from the official data."""
        return self.holidays(year)

    # ------------------------------------------------------------------ batch
    def add_working_days_batch(self, days: DateBatch, delta: int | IntBatch) -> Any:
        """Vectorised :meth:`add_working_days`; see :mod:`gia_roadmap.calendar.batch`."""
        from gia_roadmap.calendar import batch

        return batch.add_working_days(self, days, delta)

    def working_days_between_batch(self, starts: DateBatch, ends: DateBatch) -> Any:
        """Vectorised :meth:`working_days_between`; see :mod:`gia_roadmap.calendar.batch`."""
        from gia_roadmap.calendar import batch

        return batch.working_days_between(self, starts, ends)

    def is_working_day_batch(self, days: DateBatch) -> Any:
        """Vectorised :meth:`is_working_day`; see :mod:`gia_roadmap.calendar.batch`."""
        from gia_roadmap.calendar import batch

        return batch.is_working_day(self, days)


def _spans(years: Sequence[int]) -> str:
    """«2014, 2016–2018, 2020» for the sorted ``years``."""
    parts: list[str] = []
    for year in years:
        if parts and parts[-1].rsplit("–", 1)[-1] == str(year - 1):
            parts[-1] = f"{parts[-1].split('–')[0]}–{year}"
        else:
            parts.append(str(year))
    return ", ".join(parts) or "none"


def _as_notes(values: Iterable[dt.date] | Mapping[dt.date, str], default: str) -> dict[dt.date, str]:
    if isinstance(values, Mapping):
        pairs = [(_check_date(d, "override date"), str(n)) for d, n in values.items()]
    else:
        pairs = [(_check_date(d, "override date"), default) for d in values]
    return dict(pairs)
