"""Cross-checks of the official per-year calendar data against independent sources.

The TOML files in ``src/gia_roadmap/calendar/data`` are read directly with :mod:`tomllib`, not through the
calendar engine, so that the data is checked on its own. See ``docs/calendar-data.md``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "gia_roadmap" / "calendar" / "data"
YEARS = sorted(int(path.stem) for path in DATA_DIR.glob("*.toml"))

# Labour Code art. 112 part 1 (since 2013): the non-working public holidays.
ART_112_HOLIDAYS = (
    (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
    (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
)  # fmt: skip

# Where python-holidays disagrees with the official calendar, and python-holidays is wrong.
# 2014: 8 March was a Saturday, so art. 112 part 2 made Monday 10 March a day off. The official calendar has
# it (data.gov.ru open data, xmlcalendar ru/2014, press: «с 8 по 10 марта»); python-holidays 0.109 has no
# observed-day entry for 2014 and misses it.
PYTHON_HOLIDAYS_MISSING: dict[int, frozenset[date]] = {2014: frozenset({date(2014, 3, 10)})}
PYTHON_HOLIDAYS_EXTRA: dict[int, frozenset[date]] = {}


@dataclass(frozen=True)
class Transfer:
    source: date
    target: date
    basis: str


@dataclass(frozen=True)
class YearData:
    year: int
    holidays: frozenset[date]
    transfers: tuple[Transfer, ...]
    short_days: frozenset[date]
    special_periods: tuple[tuple[date, date, str], ...]
    six_day_transfers: tuple[Transfer, ...]
    six_day_short_days: frozenset[date]
    totals: dict[str, int]


def _dates(values: list[Any]) -> frozenset[date]:
    assert all(type(value) is date for value in values), values
    return frozenset(values)


def _transfers(values: list[dict[str, Any]]) -> tuple[Transfer, ...]:
    result = []
    for value in values:
        assert set(value) == {"from", "to", "basis"}, value
        assert type(value["from"]) is date
        assert type(value["to"]) is date
        assert value["basis"] in {"decree", "labour_code"}, value
        result.append(Transfer(value["from"], value["to"], value["basis"]))
    return tuple(result)


def load(year: int) -> YearData:
    with (DATA_DIR / f"{year}.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    assert raw["year"] == year
    six = raw["six_day"]
    return YearData(
        year=year,
        holidays=_dates(raw["holidays"]),
        transfers=_transfers(raw["transfers"]),
        short_days=_dates(raw["short_days"]),
        special_periods=tuple((p["start"], p["end"], p["basis"]) for p in raw["special_periods"]),
        six_day_transfers=_transfers(six["transfers"]),
        six_day_short_days=_dates(six["short_days"]),
        totals={key: int(value) for key, value in raw["totals"].items()},
    )


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def is_five_day_working(data: YearData, day: date) -> bool:
    """Five-day week; special non-working days (2020-2021 decrees) count as working, as the norms do."""
    if day in data.holidays or day in {t.target for t in data.transfers}:
        return False
    return day.weekday() < 5 or day in {t.source for t in data.transfers}


def is_six_day_working(data: YearData, day: date) -> bool:
    if day in data.holidays or day in {t.target for t in data.six_day_transfers}:
        return False
    return day.weekday() < 6 or day in {t.source for t in data.six_day_transfers}


def art_112_part_2(
    year: int,
    holiday_days: frozenset[date],
    rest_weekdays: frozenset[int],
    decree: tuple[Transfer, ...],
) -> set[tuple[date, date]]:
    """Labour Code art. 112 part 2: a weekend day that coincides with a non-January holiday moves to the
    next working day after the holiday, unless the Government decree moved that day off itself."""
    moved_by_decree = {t.source for t in decree}
    taken = {t.target for t in decree}
    shifts: set[tuple[date, date]] = set()
    for month, day_of_month in ART_112_HOLIDAYS:
        holiday = date(year, month, day_of_month)
        if month == 1 or holiday.weekday() not in rest_weekdays or holiday in moved_by_decree:
            continue
        target = holiday + timedelta(days=1)
        while target.weekday() in rest_weekdays or target in holiday_days or target in taken:
            target += timedelta(days=1)
        shifts.add((holiday, target))
        taken.add(target)
    return shifts


def test_years_are_contiguous_from_2013() -> None:
    assert YEARS[0] == 2013
    assert list(range(2013, YEARS[-1] + 1)) == YEARS
    assert YEARS[-1] >= 2026


@pytest.mark.parametrize("year", YEARS)
def test_holidays_are_art_112(year: int) -> None:
    data = load(year)
    assert data.holidays == {date(year, m, d) for m, d in ART_112_HOLIDAYS}


@pytest.mark.parametrize("year", YEARS)
def test_days_off_match_python_holidays(year: int) -> None:
    """(a) holidays ∪ art. 112 shifts ∪ decree days off == python-holidays, up to documented errors."""
    data = load(year)
    ours = set(data.holidays) | {t.target for t in data.transfers}
    theirs = set(holidays.country_holidays("RU", years=year).keys())
    assert ours - theirs == PYTHON_HOLIDAYS_MISSING.get(year, frozenset())
    assert theirs - ours == PYTHON_HOLIDAYS_EXTRA.get(year, frozenset())


@pytest.mark.parametrize("year", YEARS)
def test_decree_transfer_weekdays(year: int) -> None:
    """(b) a decree moves a weekend day (or a holiday on a weekend) to a weekday."""
    data = load(year)
    decree = [t for t in data.transfers if t.basis == "decree"]
    for transfer in decree:
        assert transfer.source.year == year
        assert transfer.target.year == year
        assert transfer.source.weekday() >= 5, transfer
        assert transfer.target.weekday() < 5, transfer
        assert transfer.target not in data.holidays, transfer
    assert len({t.target for t in data.transfers}) == len(data.transfers)


@pytest.mark.parametrize("year", YEARS)
def test_working_days_total(year: int) -> None:
    """(c) the five-day working-day count equals the published total."""
    data = load(year)
    days = days_of(year)
    working = sum(is_five_day_working(data, day) for day in days)
    assert working == data.totals["working_days"]
    assert len(days) - working == data.totals["days_off"]


@pytest.mark.parametrize("year", YEARS)
def test_working_hours_total(year: int) -> None:
    """(d) 8 h a working day, one hour less on each short day."""
    data = load(year)
    working = sum(is_five_day_working(data, day) for day in days_of(year))
    assert 8 * working - len(data.short_days) == data.totals["working_hours_40"]


@pytest.mark.parametrize("year", YEARS)
def test_six_day_working_days_total(year: int) -> None:
    """(e) the six-day working-day count equals the total in the file."""
    data = load(year)
    working = sum(is_six_day_working(data, day) for day in days_of(year))
    assert working == data.totals["working_days_six_day"]


@pytest.mark.parametrize("year", YEARS)
def test_short_days_are_working_days(year: int) -> None:
    """(f) a shortened pre-holiday day is a working day (five- and six-day week respectively)."""
    data = load(year)
    for day in data.short_days:
        assert day.year == year
        assert is_five_day_working(data, day), day
    for day in data.six_day_short_days:
        assert day.year == year
        assert is_six_day_working(data, day), day


@pytest.mark.parametrize("year", YEARS)
def test_labour_code_transfers_follow_art_112(year: int) -> None:
    """(g) the labour_code transfers are exactly what art. 112 part 2 gives."""
    data = load(year)
    five_decree = tuple(t for t in data.transfers if t.basis == "decree")
    five = {(t.source, t.target) for t in data.transfers if t.basis == "labour_code"}
    assert five == art_112_part_2(year, data.holidays, frozenset({5, 6}), five_decree)
    six_decree = tuple(t for t in data.six_day_transfers if t.basis == "decree")
    six = {(t.source, t.target) for t in data.six_day_transfers if t.basis == "labour_code"}
    assert six == art_112_part_2(year, data.holidays, frozenset({6}), six_decree)


@pytest.mark.parametrize("year", YEARS)
def test_six_day_decree_transfers_are_sunday_ones(year: int) -> None:
    """On the six-day week only the decree transfers of a Sunday apply (Saturday is a working day there)."""
    data = load(year)
    expected = {
        (t.source, t.target) for t in data.transfers if t.basis == "decree" and t.source.weekday() == 6
    }
    actual = {(t.source, t.target) for t in data.six_day_transfers if t.basis == "decree"}
    assert actual == expected


# The Presidential decrees on non-working days, each with its whole period as the decree text says
# («установить с … по … включительно нерабочие дни»; see docs/calendar-data.md for the stored copies).
DECREE_PERIODS = {
    2020: {
        (date(2020, 3, 30), date(2020, 4, 3), "206"),
        (date(2020, 4, 4), date(2020, 4, 30), "239"),
        (date(2020, 5, 6), date(2020, 5, 8), "294"),
        (date(2020, 6, 24), date(2020, 6, 24), "345"),
        (date(2020, 7, 1), date(2020, 7, 1), "354"),
    },
    2021: {
        (date(2021, 5, 4), date(2021, 5, 7), "242"),
        (date(2021, 10, 30), date(2021, 11, 7), "595"),
    },
}


@pytest.mark.parametrize("year", YEARS)
def test_special_periods_are_the_decrees(year: int) -> None:
    data = load(year)
    periods = {(start, end, basis.rsplit("№ ", 1)[-1]) for start, end, basis in data.special_periods}
    assert periods == DECREE_PERIODS.get(year, set())
    for _, _, basis in data.special_periods:
        assert basis.startswith("Указ Президента РФ от "), basis


def _in_periods(data: YearData, day: date) -> bool:
    return any(start <= day <= end for start, end, _ in data.special_periods)


def test_special_periods_working_days_2020_2021() -> None:
    """The days the periods take from each week: 29 and 33 in 2020, 7 and 10 in 2021."""
    y2020, y2021 = load(2020), load(2021)
    five_2020 = [d for d in days_of(2020) if _in_periods(y2020, d) and is_five_day_working(y2020, d)]
    six_2020 = [d for d in days_of(2020) if _in_periods(y2020, d) and is_six_day_working(y2020, d)]
    assert len(five_2020) == 29
    assert sorted(set(six_2020) - set(five_2020)) == [
        date(2020, 4, 4), date(2020, 4, 11), date(2020, 4, 18), date(2020, 4, 25),
    ]  # fmt: skip
    five_2021 = {d for d in days_of(2021) if _in_periods(y2021, d) and is_five_day_working(y2021, d)}
    six_2021 = {d for d in days_of(2021) if _in_periods(y2021, d) and is_six_day_working(y2021, d)}
    assert five_2021 == {
        date(2021, 5, 4), date(2021, 5, 5), date(2021, 5, 6), date(2021, 5, 7),
        date(2021, 11, 1), date(2021, 11, 2), date(2021, 11, 3),
    }  # fmt: skip
    # Saturday 30.10, Friday 05.11 (a day off on the five-day week only, by the transfer from 02.01) and
    # Saturday 06.11 are six-day working days inside the 30.10–07.11.2021 period.
    assert sorted(six_2021 - five_2021) == [date(2021, 10, 30), date(2021, 11, 5), date(2021, 11, 6)]


@pytest.mark.parametrize("year", YEARS)
def test_totals_with_special_days_off(year: int) -> None:
    """With the decree periods as days off: the totals recorded for 2020 and 2021 (267 and 289 six-day)."""
    data = load(year)
    five = sum(is_five_day_working(data, d) and not _in_periods(data, d) for d in days_of(year))
    six = sum(is_six_day_working(data, d) and not _in_periods(data, d) for d in days_of(year))
    assert five == data.totals.get("working_days_special_off", data.totals["working_days"])
    assert six == data.totals.get("working_days_six_day_special_off", data.totals["working_days_six_day"])


def test_known_facts() -> None:
    """A few facts that were checked by hand against stored publications."""
    y2024 = load(2024)
    # 27.04 and 28.12.2024: working Saturdays, NOT shortened (28.12: newslab.su);
    # 02.11.2024 is shortened (orsk.ru).
    assert date(2024, 4, 27) not in y2024.short_days
    assert date(2024, 12, 28) not in y2024.short_days
    assert date(2024, 11, 2) in y2024.short_days
    assert is_five_day_working(y2024, date(2024, 12, 28))
    # 2015: 20.02 and 06.03 are not shortened (klerk.ru monthly norms; xmlcalendar has them wrong).
    y2015 = load(2015)
    assert date(2015, 2, 20) not in y2015.short_days
    assert date(2015, 3, 6) not in y2015.short_days
    # 2015 six-day week: only the Sunday 4 January transfer applies (klerk.ru).
    assert {(t.source, t.target) for t in y2015.six_day_transfers if t.basis == "decree"} == {
        (date(2015, 1, 4), date(2015, 5, 4))
    }
    # 2021 six-day week (krasnoyarskmedia.ru): 12.06 is a Saturday, a working day there, so no day off
    # moves to Monday 14.06; Friday 11.06 is the shortened pre-holiday day.
    y2021 = load(2021)
    assert all(t.source != date(2021, 6, 12) for t in y2021.six_day_transfers)
    assert is_six_day_working(y2021, date(2021, 6, 14))
    assert date(2021, 6, 11) in y2021.six_day_short_days
    # 2024 six-day week, first half (audit-uslugi.com): 22.02, 07.03, 30.04, 08.05, 11.06 shortened.
    first_half = {d for d in y2024.six_day_short_days if d.month <= 6}
    assert first_half == {
        date(2024, 2, 22), date(2024, 3, 7), date(2024, 4, 30), date(2024, 5, 8), date(2024, 6, 11),
    }  # fmt: skip


def test_six_day_facts_and_the_third_party_disagreements() -> None:
    """docs/calendar-data.md, «The six-day week»: the published partial facts hold, and the days a
    third-party dataset takes from five-day Saturday transfers are working days of the six-day week."""
    y2022, y2023, y2024, y2025 = load(2022), load(2023), load(2024), load(2025)
    # 2022 (m24.ru): the Saturday 05.03 -> 07.03 transfer concerns five-day workers only
    assert is_six_day_working(y2022, date(2022, 3, 7))
    assert date(2022, 3, 7) in y2022.six_day_short_days
    # 2025 (isdayoff/calendars db/2025/ru2025.json, dayoff6/predayoff6): agrees with the rules, except
    # that the dataset leaves out 08.03, a holiday (art. 112) on a Saturday, which is a day off on any week
    off = {d for d in days_of(2025) if d.weekday() < 6 and not is_six_day_working(y2025, d)}
    assert off == {date(2025, 1, d) for d in (1, 2, 3, 4, 6, 7, 8)} | {
        date(2025, 3, 8), date(2025, 5, 1), date(2025, 5, 8), date(2025, 5, 9), date(2025, 6, 12),
        date(2025, 11, 4), date(2025, 12, 31),
    }  # fmt: skip
    assert y2025.six_day_short_days == {
        date(2025, 2, 22), date(2025, 3, 7), date(2025, 4, 30), date(2025, 6, 11), date(2025, 11, 3),
    }  # fmt: skip
    # the disagreements: five-day Saturday transfers do not reach the six-day week
    assert is_six_day_working(y2024, date(2024, 4, 29))
    assert is_six_day_working(y2024, date(2024, 4, 30))
    assert date(2024, 4, 30) in y2024.six_day_short_days
    assert is_six_day_working(y2023, date(2023, 11, 6))
    assert not is_five_day_working(y2023, date(2023, 11, 6))
