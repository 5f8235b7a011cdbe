"""Regional non-working days (нерабочие праздничные дни субъектов РФ): rules, official data, estimates.

Several subjects of the Russian Federation have non-working days of their own, by regional law: the
Muslim holidays Ураза-байрам and Курбан-байрам (by the Federal Law of 26.09.1997 № 125-ФЗ, art. 4 part 7,
a subject may declare religious holidays non-working days), the Buddhist new year (Сагаалган, Шагаа, Цаган
Сар), Ысыах, and republic days. Two files describe them:

* ``gia_roadmap/calendar/data/regions/rules.toml`` — per region, the law, its holidays (fixed dates, or
  the lunar holidays whose date the regional authority fixes every year), whether a holiday that falls on
  a day off moves to the next working day, and whether the working day before it is shortened;
* ``gia_roadmap/calendar/data/regions/YYYY.toml`` — per year, the date of every movable holiday of every
  region whose act for that year was found, each with the act that fixed it and the sources.

A region's year is *official* when its year file gives every movable holiday of that year; a fixed-date
holiday comes from the law itself. Other years are *unknown*: the regional calendar raises
:class:`~gia_roadmap.errors.CalendarCoverageError` there, or, with ``rules_only=True``, *estimates* them —
the Muslim holidays from the Umm al-Qura calendar (``hijridate``), the lunar new year from the lunisolar
rule described in :func:`estimate_lunar_new_year` — and marks every such day as an estimate.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import tomllib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import attrs

from gia_roadmap.calendar.subjects import federal_subject
from gia_roadmap.errors import CalendarDataError

__all__ = [
    "HolidayRule",
    "RegionRules",
    "RegionalDay",
    "RegionalTransfer",
    "RegionalYear",
    "coverage",
    "estimate_islamic",
    "estimate_lunar_new_year",
    "region_rules",
    "regional_year",
    "regions_with_days",
]

HolidayKind = Literal["fixed", "islamic", "lunar_new_year", "easter", "announced"]
_KINDS: tuple[HolidayKind, ...] = ("fixed", "islamic", "lunar_new_year", "easter", "announced")
WeekendRule = Literal["none", "next_working_day"]
_WEEKEND_RULES: tuple[WeekendRule, ...] = ("none", "next_working_day")


@attrs.frozen
class HolidayRule:
    """One regional non-working holiday as the region's law describes it.

    Attributes:
        key: a short identifier used in the year files, e.g. ``"kurban_bayram"``.
        name: the Russian name, e.g. «Курбан-байрам».
        kind: ``"fixed"`` (a fixed day of the year, ``month``/``day``), ``"islamic"`` (a day of the Hijri
            year, ``month``/``day`` of the Hijri calendar, fixed each year by the regional authority) or
            ``"lunar_new_year"`` (the first day of the Buddhist lunar year, fixed each year) or ``"easter"``
            (``day`` days after Orthodox Easter, e.g. Радоница = 9, fixed each year) or ``"announced"`` (a
            date announced each year that no rule of this library estimates, e.g. Зул; with
            ``rules_only`` such a day is missing from an estimated year).
        month, day: the date (fixed), the Hijri month and day (islamic), the offset from Easter (easter);
            0 for the lunar new year.
        moves: whether the holiday, falling on a day off, moves to the next working day; ``None`` takes
            the region's ``weekend_rule``.
        first_year, last_year: the years the holiday is a non-working day by the law (inclusive).
        basis: the law (and article) that makes it a non-working day.
    """

    key: str
    name: str
    kind: HolidayKind
    month: int
    day: int
    first_year: int
    last_year: int
    basis: str
    moves: bool | None = None

    @property
    def movable(self) -> bool:
        """Whether the date changes from year to year and is fixed by a yearly act."""
        return self.kind != "fixed"

    def applies(self, year: int) -> bool:
        """Whether the holiday is a non-working day in ``year``."""
        return self.first_year <= year <= self.last_year


@attrs.frozen
class RegionRules:
    """The regional law on non-working days of one subject.

    Attributes:
        code: the ISO 3166-2:RU code.
        law: the regional law; ``law_short`` its short citation («Закон РТ № 1448-XII»).
        set_by: who fixes the dates of the movable holidays each year (e.g. «указ Раиса Республики
            Татарстан»).
        weekend_rule: ``"next_working_day"`` when a holiday falling on a day off moves to the next working
            day (the region's law says so), else ``"none"``; ``weekend_rule_history`` holds the earlier
            rules as (rule, last year).
        shorten_eve: whether the working day before a regional holiday is shortened by one hour (ст. 95 ТК
            РФ, as the region's official calendars apply it).
        holidays: the holidays.
        sources: where the rules were checked.
        unmodelled: other regional non-working days the sources mention that this version does not model
            (shown to the user; a region with such days is not complete).
    """

    code: str
    law: str
    law_short: str
    set_by: str
    weekend_rule: WeekendRule
    shorten_eve: bool
    holidays: tuple[HolidayRule, ...]
    sources: tuple[str, ...]
    weekend_rule_history: tuple[tuple[WeekendRule, int], ...] = ()
    unmodelled: tuple[str, ...] = ()

    def weekend_rule_in(self, year: int) -> WeekendRule:
        """The weekend rule in force in ``year`` (``weekend_rule_history`` holds earlier rules and their
        last years)."""
        for rule, last_year in sorted(self.weekend_rule_history, key=lambda r: r[1]):
            if year <= last_year:
                return rule
        return self.weekend_rule

    def moves(self, key: str, year: int) -> bool:
        """Whether holiday ``key``, falling on a day off in ``year``, moves to the next working day."""
        rule = next((h for h in self.holidays if h.key == key), None)
        if rule is not None and rule.moves is not None:
            return rule.moves
        return self.weekend_rule_in(year) == "next_working_day"

    def holidays_in(self, year: int) -> tuple[HolidayRule, ...]:
        """The holidays that are non-working days in ``year``."""
        return tuple(h for h in self.holidays if h.applies(year))


@attrs.frozen
class RegionalDay:
    """One regional non-working day of one year.

    Attributes:
        date: the day.
        holiday: the :class:`HolidayRule` key.
        name: the holiday's Russian name.
        basis: the act that makes this date a non-working day (the yearly act for a movable holiday, the
            law for a fixed one; «оценка» for an estimate).
        sources: where the date was checked (empty for a fixed date and for an estimate).
        is_estimate: the date is computed, not taken from an act.
    """

    date: dt.date
    holiday: str
    name: str
    basis: str
    sources: tuple[str, ...] = ()
    is_estimate: bool = False


@attrs.frozen
class RegionalTransfer:
    """A day off moved by a yearly regional act: ``source`` (a weekend day) becomes a working day on the
    five-day week, ``target`` a day off (on the six-day week only when ``source`` is a Sunday)."""

    source: dt.date
    target: dt.date
    basis: str
    sources: tuple[str, ...]


@attrs.frozen
class RegionalYear:
    """The regional non-working days of one region in one year, official or estimated."""

    code: str
    year: int
    days: tuple[RegionalDay, ...]
    rules: RegionRules
    is_estimate: bool = False
    missing: tuple[str, ...] = ()
    transfers: tuple[RegionalTransfer, ...] = ()

    @property
    def is_official(self) -> bool:
        """Every day comes from an act: no estimate, nothing missing."""
        return not self.is_estimate and not self.missing


# ---------------------------------------------------------------------------------------------- loading
def _fail(origin: str, key: str, message: str) -> CalendarDataError:
    return CalendarDataError(f"{origin}, key {key!r}: {message}")


def _int(table: Mapping[str, Any], key: str, origin: str, where: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(origin, f"{where}.{key}", f"expected a whole number, got {value!r}")
    return value


def _str(table: Mapping[str, Any], key: str, origin: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(origin, f"{where}.{key}", f"expected a non-empty string, got {value!r}")
    return value


def _holiday(item: object, origin: str, where: str) -> HolidayRule:
    allowed = {"key", "name", "kind", "month", "day", "first_year", "last_year", "basis", "moves"}
    if not isinstance(item, dict) or not set(item) <= allowed:
        raise _fail(origin, where, f"expected a table with the keys {', '.join(sorted(allowed))}")
    kind = item.get("kind")
    if kind not in _KINDS:
        raise _fail(origin, f"{where}.kind", f"{kind!r} is not one of {', '.join(_KINDS)}")
    month = _int(item, "month", origin, where, 0)
    day = _int(item, "day", origin, where, 0)
    if kind == "fixed":
        try:
            dt.date(2000, month, day)
        except ValueError:
            raise _fail(origin, where, f"{month:02d}-{day:02d} is not a day of the year") from None
    elif kind == "islamic" and not (1 <= month <= 12 and 1 <= day <= 30):
        raise _fail(origin, where, f"Hijri month {month} day {day} is not valid (month 1–12, day 1–30)")
    moves = item.get("moves")
    if moves is not None and not isinstance(moves, bool):
        raise _fail(origin, f"{where}.moves", f"expected true or false, got {moves!r}")
    return HolidayRule(
        key=_str(item, "key", origin, where),
        name=_str(item, "name", origin, where),
        kind=kind,
        month=month,
        day=day,
        first_year=_int(item, "first_year", origin, where),
        last_year=_int(item, "last_year", origin, where, 2099),
        basis=_str(item, "basis", origin, where),
        moves=moves,
    )


def _region_rules(code: str, table: object, origin: str) -> RegionRules:
    if not isinstance(table, dict):
        raise _fail(origin, code, "expected a table")
    federal_subject(code)  # a valid code, or InvalidValueError naming the valid ones
    weekend_rule = table.get("weekend_rule")
    if weekend_rule not in _WEEKEND_RULES:
        raise _fail(
            origin, f"{code}.weekend_rule", f"{weekend_rule!r} is not one of {', '.join(_WEEKEND_RULES)}"
        )
    shorten = table.get("shorten_eve")
    if not isinstance(shorten, bool):
        raise _fail(origin, f"{code}.shorten_eve", f"expected true or false, got {shorten!r}")
    holidays = tuple(
        _holiday(item, origin, f"{code}.holidays[{i}]") for i, item in enumerate(table.get("holidays", []))
    )
    keys = [h.key for h in holidays]
    if not holidays or len(set(keys)) != len(keys):
        raise _fail(origin, f"{code}.holidays", "expected at least one holiday, each key once")
    sources = tuple(str(s) for s in table.get("sources", []))
    if not sources:
        raise _fail(origin, f"{code}.sources", "every region must cite where its rules were checked")
    history: list[tuple[WeekendRule, int]] = []
    for i, item in enumerate(table.get("weekend_rule_history", [])):
        where = f"{code}.weekend_rule_history[{i}]"
        if (
            not isinstance(item, dict)
            or set(item) != {"rule", "last_year"}
            or item["rule"] not in _WEEKEND_RULES
        ):
            raise _fail(
                origin, where, f"expected {{ rule = one of {', '.join(_WEEKEND_RULES)}, last_year = … }}"
            )
        history.append((item["rule"], _int(item, "last_year", origin, where)))
    strays = set(table) - {
        "law",
        "law_short",
        "set_by",
        "weekend_rule",
        "weekend_rule_history",
        "shorten_eve",
        "holidays",
        "sources",
        "unmodelled",
    }
    if strays:
        raise _fail(origin, code, f"unknown keys {', '.join(sorted(strays))}")
    return RegionRules(
        code=code,
        law=_str(table, "law", origin, code),
        law_short=_str(table, "law_short", origin, code),
        set_by=_str(table, "set_by", origin, code),
        weekend_rule=weekend_rule,
        shorten_eve=shorten,
        holidays=holidays,
        sources=sources,
        weekend_rule_history=tuple(history),
        unmodelled=tuple(str(u) for u in table.get("unmodelled", [])),
    )


def _data_folder() -> Any:
    return importlib.resources.files("gia_roadmap.calendar") / "data" / "regions"


@functools.cache
def _all_rules() -> Mapping[str, RegionRules]:
    document = tomllib.loads((_data_folder() / "rules.toml").read_text(encoding="utf-8"))
    return {code: _region_rules(code, table, "regions/rules.toml") for code, table in document.items()}


def regions_with_days() -> tuple[str, ...]:
    """The codes of the regions whose own non-working days are modelled, in order."""
    return tuple(sorted(_all_rules()))


def region_rules(code: str) -> RegionRules | None:
    """The rules of region ``code``, or ``None`` when it has no non-working days of its own modelled."""
    return _all_rules().get(federal_subject(code).code)


def _year_table(rules: RegionRules, year: int, table: object, origin: str) -> RegionalYear:
    """One region's table of a year file: official when it gives every movable holiday, else partial
    (``RegionalYear.missing`` names what is unknown)."""
    code = rules.code
    if not isinstance(table, dict) or set(table) - {"days", "transfers"}:
        raise _fail(origin, code, "expected a table with the keys days and (optional) transfers")
    by_key = {h.key: h for h in rules.holidays_in(year)}
    days: list[RegionalDay] = []
    for index, item in enumerate(table.get("days", [])):
        where = f"{code}.days[{index}]"
        if not isinstance(item, dict) or set(item) != {"holiday", "date", "basis", "sources"}:
            raise _fail(origin, where, "expected a table with exactly the keys holiday, date, basis, sources")
        rule = by_key.get(item["holiday"])
        if rule is None or not rule.movable:
            movable = ", ".join(k for k, h in by_key.items() if h.movable)
            raise _fail(
                origin,
                f"{where}.holiday",
                f"{item['holiday']!r} is not a movable holiday of {code} in {year}; use one of {movable}",
            )
        date = item["date"]
        if any(d.date == date for d in days):
            raise _fail(origin, f"{where}.date", f"{date!r} is given twice")
        if isinstance(date, dt.datetime) or not isinstance(date, dt.date) or date.year != year:
            raise _fail(origin, f"{where}.date", f"expected a TOML date in {year}, got {date!r}")
        sources = item["sources"]
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
            raise _fail(origin, f"{where}.sources", "every date needs at least one source")
        days.append(
            RegionalDay(
                date=date,
                holiday=rule.key,
                name=rule.name,
                basis=_str(item, "basis", origin, where),
                sources=tuple(sources),
            )
        )
    given = {d.holiday for d in days}
    missing = tuple(k for k, h in by_key.items() if h.movable and k not in given)
    days.extend(_fixed_days(rules, year))
    transfers: list[RegionalTransfer] = []
    for index, item in enumerate(table.get("transfers", [])):
        where = f"{code}.transfers[{index}]"
        if not isinstance(item, dict) or set(item) != {"from", "to", "basis", "sources"}:
            raise _fail(origin, where, "expected a table with exactly the keys from, to, basis, sources")
        source, target = item["from"], item["to"]
        for key, value in (("from", source), ("to", target)):
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date) or value.year != year:
                raise _fail(origin, f"{where}.{key}", f"expected a TOML date in {year}, got {value!r}")
        if source.weekday() < 5 or target.weekday() >= 5:
            raise _fail(origin, where, "a transfer moves a weekend day off to a weekday")
        sources = item["sources"]
        if not isinstance(sources, list) or not sources:
            raise _fail(origin, f"{where}.sources", "every transfer needs at least one source")
        transfers.append(
            RegionalTransfer(
                source=source,
                target=target,
                basis=_str(item, "basis", origin, where),
                sources=tuple(str(s) for s in sources),
            )
        )
    return RegionalYear(
        code=code,
        year=year,
        days=tuple(sorted(days, key=lambda d: d.date)),
        rules=rules,
        missing=missing,
        transfers=tuple(transfers),
    )


def _fixed_days(rules: RegionRules, year: int, *, estimate: bool = False) -> list[RegionalDay]:
    return [
        RegionalDay(
            date=dt.date(year, h.month, h.day),
            holiday=h.key,
            name=h.name,
            basis=h.basis,
            is_estimate=estimate,
        )
        for h in rules.holidays_in(year)
        if h.kind == "fixed"
    ]


@functools.cache
def _official_years() -> Mapping[str, Mapping[int, RegionalYear]]:
    rules = _all_rules()
    result: dict[str, dict[int, RegionalYear]] = {code: {} for code in rules}
    for entry in _data_folder().iterdir():
        if not (entry.name.endswith(".toml") and entry.name[:-5].isdigit()):
            continue  # rules.toml and subjects.toml are not year files
        origin = f"regions/{entry.name}"
        document = tomllib.loads(entry.read_text(encoding="utf-8"))
        year = document.get("year")
        if not isinstance(year, int) or entry.name != f"{year}.toml":
            raise CalendarDataError(f"{origin}: the file must hold year = {entry.name[:-5]}, got {year!r}")
        for code, table in document.items():
            if code == "year":
                continue
            if code not in rules:
                raise _fail(origin, code, f"no rules for {code} in regions/rules.toml")
            result[code][year] = _year_table(rules[code], year, table, origin)
    # a region with fixed-date holidays only is official in every year of its law that the federal data
    # covers (the law may change later, as the federal calendar may)
    from gia_roadmap.calendar.yeardata import bundled_years

    last = bundled_years()[-1]
    for code, region in rules.items():
        if not any(h.movable for h in region.holidays):
            for year in range(min(h.first_year for h in region.holidays), last + 1):
                result[code].setdefault(
                    year,
                    RegionalYear(code=code, year=year, days=tuple(_fixed_days(region, year)), rules=region),
                )
    return result


def official_years(code: str) -> tuple[int, ...]:
    """The years with complete official data of region ``code`` (empty for a region without days of its
    own); a year with some movable dates unknown is not among them."""
    known = _official_years().get(federal_subject(code).code, {})
    return tuple(sorted(year for year, data in known.items() if data.is_official))


# -------------------------------------------------------------------------------------------- estimates
def estimate_islamic(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date in ``year`` of Hijri ``month``/``day``, or ``None`` when it falls in no day of
    ``year``.

    By the Umm al-Qura calendar (``hijridate``) for 1924–2077, by the arithmetical (tabular) Islamic
    calendar (``convertdate``) outside. The Russian muftiates announce the dates from their own computation
    or sighting; over the years with official data the Umm al-Qura date agrees with the date the regions
    fixed in most years and is off by a day in a few (the tests measure it). A Hijri date can fall twice
    in one Gregorian year (about every 33 years); the first is given.
    """
    from convertdate import islamic  # type: ignore[import-untyped]
    from hijridate import Gregorian, Hijri

    def umm_al_qura(hijri_year: int) -> dt.date:
        found = Hijri(hijri_year, month, day).to_gregorian()
        return dt.date(found.year, found.month, found.day)

    def tabular(hijri_year: int) -> dt.date:
        found: tuple[int, int, int] = islamic.to_gregorian(hijri_year, month, day)
        return dt.date(*found)

    convert: Callable[[int], dt.date] = umm_al_qura
    try:
        first = Gregorian(year, 1, 1).to_hijri().year
    except OverflowError:
        first, convert = int(islamic.from_gregorian(year, 1, 1)[0]), tabular
    for hijri_year in (first, first + 1):
        try:
            date = convert(hijri_year)
        except (ValueError, OverflowError):
            continue
        if date.year == year:
            return date
    return None


def estimate_lunar_new_year(year: int) -> dt.date:
    """An estimate of the Buddhist lunar new year (Сагаалган, Шагаа, Цаган Сар) in ``year``.

    The date is fixed each year by the Buddhist authorities from the Tibetan-Mongolian calendar, which
    this library does not compute. The estimate takes the first day of the Chinese lunisolar month that
    begins on or after 30 January (the Chinese new year, or the next new moon when the Chinese new year
    falls earlier): the Tibetan-Mongolian new year is one lunar month later than the Chinese one in the
    years the Chinese falls in January. The tests measure it against the official dates; a day's
    difference is common, as the Tibetan calendar drops and doubles days.
    """
    from lunardate import LunarDate  # type: ignore[import-untyped]

    first: dt.date = LunarDate(year, 1, 1).to_solar_date()
    if first >= dt.date(year, 1, 30):
        return first
    second: dt.date = LunarDate(year, 2, 1).to_solar_date()
    return second


def _estimated_year(rules: RegionRules, year: int, partial: RegionalYear | None) -> RegionalYear:
    """Estimates for the movable holidays the acts do not give; the dates they do give are kept."""
    days = list(partial.days) if partial is not None else _fixed_days(rules, year)
    known = {d.holiday for d in days}
    for rule in rules.holidays_in(year):
        if rule.key in known:
            continue
        if rule.kind == "islamic":
            date = estimate_islamic(year, rule.month, rule.day)
            method = "исламский календарь"
        elif rule.kind == "lunar_new_year":
            date, method = estimate_lunar_new_year(year), "лунно-солнечный календарь"
        elif rule.kind == "easter":
            from dateutil.easter import EASTER_ORTHODOX, easter

            date = easter(year, EASTER_ORTHODOX) + dt.timedelta(days=rule.day)
            method = "православная Пасха"
        else:
            continue
        if date is not None:
            days.append(
                RegionalDay(
                    date=date,
                    holiday=rule.key,
                    name=rule.name,
                    basis=f"оценка ({method}); дату устанавливает {rules.set_by}",
                    is_estimate=True,
                )
            )
    return RegionalYear(
        code=rules.code,
        year=year,
        days=tuple(sorted(days, key=lambda d: d.date)),
        rules=rules,
        is_estimate=True,
        transfers=partial.transfers if partial is not None else (),
    )


def regional_year(code: str, year: int, *, rules_only: bool = False) -> RegionalYear | None:
    """The regional days of ``code`` in ``year``: official, estimated (``rules_only``) or ``None``.

    ``None`` means unknown: no official data and no estimate asked for. A region without days of its own
    gives an empty official year.
    """
    rules = region_rules(code)
    if rules is None:
        return RegionalYear(code=federal_subject(code).code, year=year, days=(), rules=_NO_RULES)
    known = _official_years()[rules.code].get(year)
    if known is not None and known.is_official:
        return known
    if rules_only:
        return _estimated_year(rules, year, known)
    return None


_NO_RULES = RegionRules(
    code="", law="", law_short="", set_by="", weekend_rule="none", shorten_eve=False, holidays=(), sources=()
)


def coverage(code: str, year: int) -> tuple[str, int]:
    """How ``code``'s regional days of ``year`` are known, and from how many distinct sources.

    ``"official"`` (every day from an act or the law), ``"partial"`` (some movable dates unknown; estimated
    with ``rules_only``), ``"unknown"`` (nothing; estimated with ``rules_only``) or ``"none"`` (the region
    has no days of its own).
    """
    rules = region_rules(code)
    if rules is None:
        return "none", 0
    known = _official_years()[rules.code].get(year)
    if known is None:
        return "unknown", 0
    sources = {s for d in known.days for s in d.sources} | {s for t in known.transfers for s in t.sources}
    return ("official" if known.is_official else "partial"), len(sources)


def official_run(code: str, years: Sequence[int]) -> tuple[int, int] | None:
    """The longest run of consecutive ``years`` with official data of ``code`` that ends at the latest
    such year, as (first, last); ``None`` when no year has official data."""
    known = set(official_years(code)) & set(years)
    if not known:
        return None
    last = max(known)
    first = last
    while first - 1 in known:
        first -= 1
    return first, last
