"""Official per-year production-calendar data: typed values and the loader of the bundled TOML files.

One file per year lives in ``gia_roadmap/calendar/data/YYYY.toml``; ``docs/calendar-data.md`` describes
the format and the sources. The loader validates every file and reports a malformed one with the file
name, the key and what would be valid.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import itertools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from gia_roadmap.errors import CalendarDataError

__all__ = [
    "Decree",
    "SpecialPeriod",
    "Transfer",
    "WeekData",
    "YearData",
    "bundled_years",
    "load_bundled_years",
    "parse_year_data",
]

TransferBasis = Literal["decree", "labour_code"]
_BASES: tuple[TransferBasis, ...] = ("decree", "labour_code")


@attrs.frozen
class Decree:
    """The Government decree (постановление Правительства РФ) on moving days off in a year."""

    issuer: str
    kind: str
    number: str
    date: dt.date
    title: str

    def citation(self) -> str:
        """Full Russian citation, e.g. «Постановление Правительства Российской Федерации от 10.08.2023
        № 1335 «О переносе выходных дней в 2024 году»»."""
        return f"{self.kind} {_genitive(self.issuer)} от {self.date:%d.%m.%Y} № {self.number} «{self.title}»"

    def short_citation(self) -> str:
        """Short citation, e.g. «постановление № 1335 от 10.08.2023»."""
        return f"{self.kind.lower()} № {self.number} от {self.date:%d.%m.%Y}"


def _genitive(issuer: str) -> str:
    """«Правительство Российской Федерации» → «Правительства Российской Федерации»."""
    head, _, rest = issuer.partition(" ")
    forms = {"Правительство": "Правительства", "Президент": "Президента"}
    return " ".join(part for part in (forms.get(head, head), rest) if part)


@attrs.frozen
class Transfer:
    """A moved day off (перенос выходного дня).

    ``source`` is the weekend day (or a holiday on a weekend) whose day off moves; it becomes a working
    day unless it is itself a holiday. ``target`` is the new day off.
    """

    source: dt.date
    target: dt.date
    basis: TransferBasis


@attrs.frozen
class SpecialPeriod:
    """A period of non-working days declared by a Presidential decree (нерабочие дни, указ Президента РФ).

    The decrees of 2020 and 2021 made *every* day from ``start`` to ``end`` (inclusive) a non-working day,
    whatever the working week: a Saturday inside the period is non-working on the six-day week too, and a
    six-day working day inside it (05.11.2021) as well. Holidays and weekend days inside the period stay
    what they are.
    """

    start: dt.date
    end: dt.date
    basis: str

    def days(self) -> tuple[dt.date, ...]:
        """Every date of the period, in order."""
        first = self.start.toordinal()
        return tuple(dt.date.fromordinal(o) for o in range(first, self.end.toordinal() + 1))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@attrs.frozen
class WeekData:
    """The day-off transfers and shortened days of one working-week regime in one year."""

    transfers: tuple[Transfer, ...]
    short_days: tuple[dt.date, ...]


@attrs.frozen
class YearData:
    """Official production-calendar data of one year.

    Attributes:
        year: the calendar year.
        decree: the decree on moving days off, ``None`` for rule-based estimates.
        sources: the public sources the data was checked against.
        holidays: non-working public holidays (art. 112 part 1 of the Labour Code).
        five_day: transfers and short days of the five-day week.
        six_day: transfers and short days of the six-day week.
        special_periods: the periods of non-working days declared by Presidential decrees.
        totals: published yearly totals (checks only), e.g. ``{"working_days": 248}``.
        is_estimate: ``True`` when computed from the Labour Code rules instead of official data.
    """

    year: int
    decree: Decree | None
    sources: tuple[str, ...]
    holidays: tuple[dt.date, ...]
    five_day: WeekData
    six_day: WeekData
    special_periods: tuple[SpecialPeriod, ...]
    totals: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    is_estimate: bool = False


def _where(origin: str, key: str) -> str:
    return f"{origin}, key {key!r}"


def _expect_date(value: object, origin: str, key: str, year: int) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise CalendarDataError(
            f"{_where(origin, key)}: {value!r} is not a date; write a TOML date such as {year}-05-01"
        )
    if value.year != year:
        raise CalendarDataError(
            f"{_where(origin, key)}: {value.isoformat()} is not in {year}; every date of the file "
            f"must fall in the year the file describes"
        )
    return value


def _expect_list(value: object, origin: str, key: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise CalendarDataError(f"{_where(origin, key)}: expected a list, got {type(value).__name__}")
    return value


def _expect_str(table: Mapping[str, Any], origin: str, key: str, *, prefix: str = "") -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CalendarDataError(f"{_where(origin, prefix + key)}: expected a non-empty string, got {value!r}")
    return value


def _dates(values: Iterable[object], origin: str, key: str, year: int) -> tuple[dt.date, ...]:
    result = tuple(_expect_date(v, origin, key, year) for v in values)
    if len(set(result)) != len(result):
        dupes = sorted({d for d in result if result.count(d) > 1})
        raise CalendarDataError(
            f"{_where(origin, key)}: dates listed twice: {', '.join(d.isoformat() for d in dupes)}"
        )
    return tuple(sorted(result))


def _transfers(values: object, origin: str, key: str, year: int) -> tuple[Transfer, ...]:
    result: list[Transfer] = []
    for index, item in enumerate(_expect_list(values, origin, key)):
        where = f"{key}[{index}]"
        if not isinstance(item, dict) or set(item) != {"from", "to", "basis"}:
            raise CalendarDataError(
                f"{_where(origin, where)}: expected a table with exactly the keys from, to, basis; "
                f"got {item!r}"
            )
        basis = item["basis"]
        if basis not in _BASES:
            raise CalendarDataError(
                f"{_where(origin, where + '.basis')}: {basis!r} is not one of {', '.join(_BASES)}"
            )
        result.append(
            Transfer(
                source=_expect_date(item["from"], origin, where + ".from", year),
                target=_expect_date(item["to"], origin, where + ".to", year),
                basis=basis,
            )
        )
    return tuple(result)


def _special(values: object, origin: str, year: int) -> tuple[SpecialPeriod, ...]:
    result: list[SpecialPeriod] = []
    for index, item in enumerate(_expect_list(values, origin, "special_periods")):
        where = f"special_periods[{index}]"
        if not isinstance(item, dict) or set(item) != {"start", "end", "basis"}:
            raise CalendarDataError(
                f"{_where(origin, where)}: expected a table with exactly the keys start, end, basis; "
                f"got {item!r}"
            )
        start = _expect_date(item["start"], origin, where + ".start", year)
        end = _expect_date(item["end"], origin, where + ".end", year)
        if end < start:
            raise CalendarDataError(
                f"{_where(origin, where)}: the period ends ({end.isoformat()}) before it starts "
                f"({start.isoformat()}); write start <= end"
            )
        result.append(
            SpecialPeriod(start=start, end=end, basis=_expect_str(item, origin, "basis", prefix=where + "."))
        )
    result.sort(key=lambda p: p.start)
    for before, after in itertools.pairwise(result):
        if after.start <= before.end:
            raise CalendarDataError(
                f"{_where(origin, 'special_periods')}: the periods {before.start.isoformat()}–"
                f"{before.end.isoformat()} and {after.start.isoformat()}–{after.end.isoformat()} overlap"
            )
    return tuple(result)


def _decree(table: object, origin: str) -> Decree:
    if not isinstance(table, dict):
        raise CalendarDataError(f"{_where(origin, 'decree')}: expected a table [decree]")
    strays = sorted(set(table) - {"issuer", "kind", "number", "date", "title"})
    if strays:
        raise CalendarDataError(
            f"{_where(origin, 'decree')}: unexpected keys {', '.join(strays)} inside [decree]; in TOML every "
            f"key after a [table] header belongs to that table, so write the top-level keys (year, sources, "
            f"holidays, transfers, …) before [decree]"
        )
    date = table.get("date")
    if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
        raise CalendarDataError(f"{_where(origin, 'decree.date')}: expected a TOML date, got {date!r}")
    issuer, kind, number, title = (
        _expect_str(table, origin, key, prefix="decree.") for key in ("issuer", "kind", "number", "title")
    )
    return Decree(issuer=issuer, kind=kind, number=number, date=date, title=title)


def _check_consistency(data: YearData, origin: str) -> None:
    holidays = set(data.holidays)
    for label, week in (("", data.five_day), ("six_day.", data.six_day)):
        targets = [t.target for t in week.transfers]
        if len(set(targets)) != len(targets):
            raise CalendarDataError(f"{_where(origin, label + 'transfers')}: a day off is moved twice")
        for transfer in week.transfers:
            if transfer.target in holidays:
                raise CalendarDataError(
                    f"{_where(origin, label + 'transfers')}: the day off moves to "
                    f"{transfer.target.isoformat()}, which is already a holiday"
                )
        off = holidays | set(targets)
        for short in week.short_days:
            if short in off:
                raise CalendarDataError(
                    f"{_where(origin, label + 'short_days')}: {short.isoformat()} is a day off, so it "
                    f"cannot be a shortened working day"
                )


_TOP_LEVEL_KEYS = frozenset(
    {
        "year",
        "sources",
        "holidays",
        "transfers",
        "short_days",
        "special_periods",
        "decree",
        "six_day",
        "totals",
    }
)


def parse_year_data(document: Mapping[str, Any], origin: str) -> YearData:
    """Validate one parsed TOML document and turn it into :class:`YearData`.

    Args:
        document: the result of ``tomllib.loads`` on a year file.
        origin: the file name, used in error messages.

    Raises:
        CalendarDataError: naming the file, the key and what would be valid.
    """
    strays = sorted(set(document) - _TOP_LEVEL_KEYS)
    if strays:
        renamed = " (special_non_working is now special_periods: { start, end, basis })" * (
            "special_non_working" in strays
        )
        raise CalendarDataError(
            f"{origin}: unknown top-level keys {', '.join(strays)}{renamed}; the valid keys are "
            f"{', '.join(sorted(_TOP_LEVEL_KEYS))}"
        )
    year = document.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        raise CalendarDataError(f"{_where(origin, 'year')}: expected a year such as 2024, got {year!r}")
    six = document.get("six_day", {})
    if not isinstance(six, dict):
        raise CalendarDataError(f"{_where(origin, 'six_day')}: expected a table [six_day]")
    totals = document.get("totals", {})
    if not isinstance(totals, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in totals.values()
    ):
        raise CalendarDataError(f"{_where(origin, 'totals')}: expected a table of whole numbers")
    decree = _decree(document.get("decree"), origin)
    sources = tuple(str(s) for s in _expect_list(document.get("sources", []), origin, "sources"))
    if not sources:
        raise CalendarDataError(f"{_where(origin, 'sources')}: every year must cite its sources")
    data = YearData(
        year=year,
        decree=decree,
        sources=sources,
        holidays=_dates(_expect_list(document.get("holidays"), origin, "holidays"), origin, "holidays", year),
        five_day=WeekData(
            transfers=_transfers(document.get("transfers", []), origin, "transfers", year),
            short_days=_dates(
                _expect_list(document.get("short_days", []), origin, "short_days"), origin, "short_days", year
            ),
        ),
        six_day=WeekData(
            transfers=_transfers(six.get("transfers", []), origin, "six_day.transfers", year),
            short_days=_dates(
                _expect_list(six.get("short_days", []), origin, "six_day.short_days"),
                origin,
                "six_day.short_days",
                year,
            ),
        ),
        special_periods=_special(document.get("special_periods", []), origin, year),
        totals=dict(totals),
    )
    _check_consistency(data, origin)
    return data


def bundled_years() -> tuple[int, ...]:
    """The years for which official data is bundled, in order."""
    return tuple(sorted(load_bundled_years()))


@functools.cache
def load_bundled_years() -> Mapping[int, YearData]:
    """Load and validate every bundled year file (cached; the result is read-only by convention).

    Raises:
        CalendarDataError: a file is malformed, a year is missing inside the covered range, or a file's
            name does not match its ``year``.
    """
    folder = importlib.resources.files("gia_roadmap.calendar") / "data"
    years: dict[int, YearData] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".toml"):
            continue
        try:
            document = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise CalendarDataError(f"{entry.name}: not valid TOML: {error}") from error
        data = parse_year_data(document, entry.name)
        if entry.name != f"{data.year}.toml":
            raise CalendarDataError(f"{entry.name}: the file describes {data.year}; name it {data.year}.toml")
        years[data.year] = data
    if not years:
        raise CalendarDataError("no production-calendar data files are bundled in gia_roadmap/calendar/data")
    missing = sorted(set(range(min(years), max(years) + 1)) - set(years))
    if missing:
        raise CalendarDataError(
            f"production-calendar data has gaps: no file for {', '.join(map(str, missing))}; the covered "
            f"years must be contiguous"
        )
    return years
