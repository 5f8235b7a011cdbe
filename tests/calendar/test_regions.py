"""Regional non-working days: data, coverage, stacking on the federal calendar, estimates."""

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import DayKind, RussianCalendar, WorkWeek
from gia_roadmap.calendar.regional import (
    estimate_islamic,
    estimate_lunar_new_year,
    official_years,
    region_rules,
    regional_year,
    regions_with_days,
)
from gia_roadmap.calendar.subjects import federal_subjects
from gia_roadmap.errors import CalendarCoverageError, CalendarDataError, InvalidValueError

D = dt.date
ONE = dt.timedelta(days=1)
DATA = Path(__file__).resolve().parents[2] / "src" / "gia_roadmap" / "calendar" / "data" / "regions"
YEAR_FILES = sorted(p for p in DATA.glob("*.toml") if p.stem.isdigit())
FEDERAL = {week: RussianCalendar(work_week=week) for week in WorkWeek}
ESTIMATES = {
    (code, week): RussianCalendar(region=code, work_week=week, rules_only=True)
    for code in regions_with_days()
    for week in WorkWeek
}


def _official_rows() -> list[tuple[str, int, dict[str, Any]]]:
    rows: list[tuple[str, int, dict[str, Any]]] = []
    for path in YEAR_FILES:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        for code, table in document.items():
            if code != "year":
                rows.extend((code, document["year"], item) for item in table["days"])
    return rows


ROWS = _official_rows()


# ------------------------------------------------------------------------------------------ data
def test_the_required_regions_are_modelled() -> None:
    # issue 14: the Muslim holidays, the lunar new year, Ысыах and the two republic days
    required = {
        "RU-TA": {"uraza_bayram", "kurban_bayram", "republic_day"},
        "RU-BA": {"uraza_bayram", "kurban_bayram", "republic_day"},
        "RU-CE": {"uraza_bayram", "kurban_bayram"},
        "RU-DA": {"uraza_bayram", "kurban_bayram"},
        "RU-IN": {"uraza_bayram", "kurban_bayram"},
        "RU-KB": {"uraza_bayram", "kurban_bayram"},
        "RU-KC": {"uraza_bayram", "kurban_bayram"},
        "RU-AD": {"uraza_bayram", "kurban_bayram"},
        "RU-BU": {"sagaalgan"},
        "RU-TY": {"shagaa"},
        "RU-KL": {"tsagan_sar"},
        "RU-SA": {"ysyakh"},
    }
    for code, keys in required.items():
        rules = region_rules(code)
        assert rules is not None, code
        assert keys <= {h.key for h in rules.holidays}, code
        assert rules.sources
        assert rules.law
        assert all(s.startswith("http") for s in rules.sources)


@pytest.mark.parametrize(("code", "year", "item"), ROWS, ids=[f"{c}-{i['date']}" for c, _, i in ROWS])
def test_every_official_date_has_its_act_and_sources(code: str, year: int, item: dict[str, Any]) -> None:
    assert item["date"].year == year
    assert item["sources"]
    assert all(s.startswith("http") for s in item["sources"])
    assert item["basis"][:5] in {"Указ ", "Поста", "Распо", "Закон"}
    data = regional_year(code, year, rules_only=True)
    assert data is not None
    assert item["date"] in {d.date for d in data.days}


def test_official_years_hold_every_movable_holiday() -> None:
    for code in regions_with_days():
        rules = region_rules(code)
        assert rules is not None
        for year in official_years(code):
            data = regional_year(code, year)
            assert data is not None
            assert data.is_official
            movable = {h.key for h in rules.holidays_in(year) if h.movable}
            assert movable <= {d.holiday for d in data.days if d.sources}


def test_a_partial_year_is_not_official_but_keeps_its_known_date() -> None:
    # 2018 in Башкортостан: Курбан-байрам 21.08 is sourced (постановление от 27.09.2017), Ураза-байрам not
    assert 2018 not in official_years("RU-BA")
    assert regional_year("RU-BA", 2018) is None
    estimate = regional_year("RU-BA", 2018, rules_only=True)
    assert estimate is not None
    assert estimate.is_estimate
    kurban = next(d for d in estimate.days if d.holiday == "kurban_bayram")
    assert kurban.date == D(2018, 8, 21)
    assert not kurban.is_estimate
    assert kurban.sources
    uraza = next(d for d in estimate.days if d.holiday == "uraza_bayram")
    assert uraza.is_estimate
    assert "оценка" in uraza.basis


# ------------------------------------------------------------------------------------------ engine
@pytest.mark.parametrize(
    ("code", "day", "kind", "short"),
    [
        # Татарстан 2025 (rt.rbc.ru): Ураза-байрам on Sunday 30.03 — no day moves since the 2017 amendment;
        # Курбан-байрам on Friday 06.06, Thursday 05.06 shortened by an hour.
        ("RU-TA", D(2025, 3, 30), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-TA", D(2025, 3, 31), DayKind.WORKING, False),
        ("RU-TA", D(2025, 6, 6), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-TA", D(2025, 6, 5), DayKind.WORKING, True),
        # Татарстан 2024: 30.08 (Friday) День Республики, 06.11 (Wednesday) День Конституции — by the law
        ("RU-TA", D(2024, 8, 30), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-TA", D(2024, 8, 29), DayKind.WORKING, True),
        ("RU-TA", D(2024, 11, 6), DayKind.REGIONAL_HOLIDAY, False),
        # Башкортостан 2022 (birsk-gp.ru): Ураза-байрам 02.05 on the federal days off 01–03.05 moves to 04.05
        ("RU-BA", D(2022, 5, 2), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-BA", D(2022, 5, 3), DayKind.TRANSFERRED_DAY_OFF, False),
        ("RU-BA", D(2022, 5, 4), DayKind.TRANSFERRED_DAY_OFF, False),
        ("RU-BA", D(2022, 5, 5), DayKind.WORKING, False),
        # Башкортостан 2020 (gtrkrb.ru): Ураза-байрам on Sunday 24.05, Monday 25.05 a day off
        ("RU-BA", D(2020, 5, 25), DayKind.TRANSFERRED_DAY_OFF, False),
        # Башкортостан 2021 (belskazak): Ураза-байрам on Thursday 13.05, Wednesday 12.05 shortened (ст. 95)
        ("RU-BA", D(2021, 5, 13), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-BA", D(2021, 5, 12), DayKind.WORKING, True),
        # Чечня 2025 (grozny-news.net): the act declares 30.03, 31.03 and 01.04 non-working
        ("RU-CE", D(2025, 3, 31), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-CE", D(2025, 4, 1), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-CE", D(2025, 4, 2), DayKind.WORKING, False),
        # Адыгея 2025 (adigeatoday.ru): Ураза-байрам on Sunday 30.03 moves to 31.03 by the law; the act moves
        # the day off from Saturday 26.04 to Wednesday 30.04; День республики 05.10 (Sunday) -> 06.10
        ("RU-AD", D(2025, 3, 31), DayKind.TRANSFERRED_DAY_OFF, False),
        ("RU-AD", D(2025, 4, 26), DayKind.WORKING_WEEKEND, False),
        ("RU-AD", D(2025, 4, 30), DayKind.TRANSFERRED_DAY_OFF, False),
        ("RU-AD", D(2025, 4, 29), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-AD", D(2025, 10, 6), DayKind.TRANSFERRED_DAY_OFF, False),
        # Калмыкия 2025 (ddt-elista.ru): Цаган Сар 28.02 (Friday), 27.02 shortened
        ("RU-KL", D(2025, 2, 28), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-KL", D(2025, 2, 27), DayKind.WORKING, True),
        # Якутия 2025 (infotimes.ru): 27.04 Sunday -> 28.04; Ысыах 21.06 Saturday -> 23.06
        ("RU-SA", D(2025, 4, 28), DayKind.TRANSFERRED_DAY_OFF, False),
        ("RU-SA", D(2025, 6, 23), DayKind.TRANSFERRED_DAY_OFF, False),
        # Бурятия 2025 (newbur.ru): Сагаалган on Saturday 01.03, Monday 03.03 a day off
        ("RU-BU", D(2025, 3, 1), DayKind.REGIONAL_HOLIDAY, False),
        ("RU-BU", D(2025, 3, 3), DayKind.TRANSFERRED_DAY_OFF, False),
    ],
)
def test_sourced_facts(code: str, day: dt.date, kind: DayKind, short: bool) -> None:
    # rules_only: a partial year (Калмыкия 2025: Цаган Сар sourced, Зул not yet) still uses its sourced dates
    record = RussianCalendar(region=code, rules_only=True).day(day)
    assert record.kind is kind
    assert record.is_short is short
    if day.year in official_years(code):
        assert RussianCalendar(region=code).day(day) == record


def test_an_act_can_make_a_saturday_working() -> None:
    # Дагестан 2013 (постановление № 473): the day off moves from Saturday 12.10 to Monday 14.10
    five = RussianCalendar(region="RU-DA", rules_only=True)
    assert five.day_kind(D(2013, 10, 12)) is DayKind.WORKING_WEEKEND
    assert five.day_kind(D(2013, 10, 14)) is DayKind.TRANSFERRED_DAY_OFF
    assert not five.is_working_day(D(2013, 10, 15))
    # the six-day week works Saturdays anyway: nothing moves there
    six = RussianCalendar(region="RU-DA", rules_only=True, work_week=WorkWeek.SIX_DAY)
    assert six.day_kind(D(2013, 10, 12)) is DayKind.WORKING
    assert six.is_working_day(D(2013, 10, 14))


def test_unmodelled_days_are_named() -> None:
    rules = region_rules("RU-KC")
    assert rules is not None
    assert any("Радоница" in note for note in rules.unmodelled)


def test_tatarstan_moved_days_before_2017() -> None:
    # until 2016 a holiday on a day off moved to the next working day: Ураза-байрам 05.07.2016 was a Tuesday
    # (no move), but День Республики 30.08.2015 (Sunday) gave Monday 31.08.2015 off by that rule
    calendar = RussianCalendar(region="RU-TA", rules_only=True)
    assert calendar.day_kind(D(2015, 8, 31)) is DayKind.TRANSFERRED_DAY_OFF
    assert calendar.day_kind(D(2020, 8, 31)) is DayKind.WORKING  # 30.08.2020 a Sunday: no move any more
    assert calendar.is_short_day(D(2016, 8, 29))  # rt-online.ru: Monday 29.08.2016 was shortened


def test_six_day_week() -> None:
    six = RussianCalendar(region="RU-BA", work_week=WorkWeek.SIX_DAY)
    # Курбан-байрам 09.07.2022, a Saturday: a working day of the six-day week, so it is simply a day off
    assert six.day_kind(D(2022, 7, 9)) is DayKind.REGIONAL_HOLIDAY
    assert six.is_working_day(D(2022, 7, 11))
    assert not RussianCalendar(region="RU-BA").is_working_day(D(2022, 7, 11))
    # Курбан-байрам 16.06.2024, a Sunday: moves to Monday on both weeks
    assert not six.is_working_day(D(2024, 6, 17))
    assert six.is_short_day(D(2022, 7, 8))


def test_coverage_is_explicit() -> None:
    calendar = RussianCalendar(region="RU-TA")
    first, last = calendar.covered_years
    assert set(range(first, last + 1)) <= set(official_years("RU-TA"))
    assert first - 1 not in official_years("RU-TA")
    with pytest.raises(CalendarCoverageError, match="RU-TA") as caught:
        calendar.is_working_day(D(first - 1, 6, 4))
    assert "rules_only=True" in str(caught.value)
    assert "official regional data: " in str(caught.value)
    with pytest.raises(CalendarCoverageError):
        calendar.add_working_days(D(last, 12, 20), 30)
    estimate = RussianCalendar(region="RU-TA", rules_only=True)
    assert estimate.is_estimate(D(first - 1, 6, 4))
    assert not estimate.is_estimate(D(last, 6, 4))


def test_a_subject_without_days_of_its_own_is_the_federal_calendar() -> None:
    moscow = RussianCalendar(region="ru-mow")
    assert moscow.region == "RU-MOW"
    assert moscow.covered_years == FEDERAL[WorkWeek.FIVE_DAY].covered_years
    assert moscow._index is FEDERAL[WorkWeek.FIVE_DAY]._index
    assert moscow.regional_year(2025) is not None


def test_unknown_region_is_named() -> None:
    with pytest.raises(InvalidValueError, match="RU-XX"):
        RussianCalendar(region="RU-XX")
    with pytest.raises(InvalidValueError):
        RussianCalendar(region=42)  # type: ignore[arg-type]


def test_the_calendar_keeps_its_region() -> None:
    calendar = RussianCalendar(region="RU-BA")
    assert "region='RU-BA'" in repr(calendar)
    assert calendar.with_work_week("six_day").region == "RU-BA"
    with_override = calendar.with_overrides(days_off=[D(2025, 5, 5)])
    assert with_override.region == "RU-BA"
    assert not with_override.is_working_day(D(2025, 6, 6))
    assert calendar != RussianCalendar()
    assert calendar == RussianCalendar(region="ru-ba")


# ------------------------------------------------------------------------------------------ properties
regions = st.sampled_from(regions_with_days())
weeks = st.sampled_from(list(WorkWeek))
years = st.integers(min_value=2013, max_value=2027)
days = st.dates(min_value=D(2013, 1, 1), max_value=D(2027, 12, 31))


@given(regions, weeks, days)
def test_a_region_never_adds_a_working_day(code: str, week: WorkWeek, day: dt.date) -> None:
    regional = ESTIMATES[code, week]
    if regional.is_working_day(day):
        assert FEDERAL[week].is_working_day(day)


@given(regions, weeks, years)
def test_every_regional_day_is_a_day_off_on_both_weeks(code: str, week: WorkWeek, year: int) -> None:
    calendar = ESTIMATES[code, week]
    data = calendar.regional_year(year)
    assert data is not None
    for day in data.days:
        assert not calendar.is_working_day(day.date)
        kind = calendar.day_kind(day.date)
        assert kind in {DayKind.REGIONAL_HOLIDAY, DayKind.HOLIDAY}


@given(regions, weeks, years)
def test_the_region_takes_exactly_its_days(code: str, week: WorkWeek, year: int) -> None:
    """Working days lost = regional days on federal working days + the moved days off."""
    calendar, federal = ESTIMATES[code, week], FEDERAL[week]
    data = calendar.regional_year(year)
    assert data is not None
    start = D(year, 1, 1)
    span = [start + ONE * i for i in range((D(year + 1, 1, 1) - start).days)]
    lost = [d for d in span if federal.is_working_day(d) and not calendar.is_working_day(d)]
    holidays = {d.date for d in data.days}
    moved = [d for d in lost if d not in holidays]
    for day in moved:
        assert calendar.day_kind(day) is DayKind.TRANSFERRED_DAY_OFF
        assert "перенесён" in calendar.day(day).note
    if not data.transfers and not any(data.rules.moves(d.holiday, year) for d in data.days):
        assert not moved


@given(regions, weeks, days)
def test_short_days_are_working_days(code: str, week: WorkWeek, day: dt.date) -> None:
    calendar = ESTIMATES[code, week]
    if calendar.is_short_day(day):
        assert calendar.is_working_day(day)


@given(regions, weeks, days, st.integers(min_value=-40, max_value=40))
def test_arithmetic_honours_the_region(code: str, week: WorkWeek, day: dt.date, n: int) -> None:
    calendar = ESTIMATES[code, week]
    if not D(2013, 3, 1) <= day <= D(2027, 10, 1):
        return
    shifted = calendar.add_working_days(day, n)
    if n:
        assert calendar.is_working_day(shifted)
    low, high = sorted((day, shifted))
    count = sum(calendar.is_working_day(low + ONE * i) for i in range((high - low).days))
    assert abs(calendar.working_days_between(day, shifted)) == count


def test_batch_equals_scalar() -> None:
    np = pytest.importorskip("numpy")
    calendar = RussianCalendar(region="RU-BA")
    dates = [D(2022, 5, 1) + ONE * i for i in range(0, 900, 7)]
    array = np.array(dates, dtype="datetime64[D]")
    assert calendar.is_working_day_batch(array).tolist() == [calendar.is_working_day(d) for d in dates]
    assert calendar.add_working_days_batch(array, 3).tolist() == [
        calendar.add_working_days(d, 3) for d in dates
    ]


# ------------------------------------------------------------------------------------------ estimates
def test_islamic_estimates_against_the_official_dates() -> None:
    """The Umm al-Qura estimate against every official Ураза-/Курбан-байрам: one of the declared days or
    next to one (a region may declare several days around the holiday)."""
    declared: dict[tuple[str, int, str], set[dt.date]] = {}
    for code, year, item in ROWS:
        declared.setdefault((code, year, item["holiday"]), set()).add(item["date"])
    hits = total = 0
    for (code, year, key), days in declared.items():
        rules = region_rules(code)
        assert rules is not None
        rule = next(h for h in rules.holidays if h.key == key)
        if rule.kind != "islamic":
            continue
        estimate = estimate_islamic(year, rule.month, rule.day)
        assert estimate is not None
        # within two days of a declared day (Чечня 2022 declared only 04.05, after the federal days off
        # 02–03.05 on which the holiday fell)
        assert min(abs((estimate - day).days) for day in days) <= 2, (code, year, key)
        hits += estimate in days
        total += 1
    assert total >= 60
    # 68 of 77 when measured; the misses are mostly a holiday on a day off whose region declared the next
    # working day instead
    assert hits / total >= 0.85


def test_islamic_estimate_past_the_umm_al_qura_table() -> None:
    assert estimate_islamic(2090, 10, 1) is not None
    assert estimate_islamic(2025, 10, 1) == D(2025, 3, 30)


def test_lunar_new_year_estimate_is_in_its_season() -> None:
    for year in range(2005, 2100):
        day = estimate_lunar_new_year(year)
        assert D(year, 1, 30) <= day <= D(year, 3, 2)


# ------------------------------------------------------------------------------------------ loader
def test_malformed_rules_are_located() -> None:
    from gia_roadmap.calendar import regional

    good = tomllib.loads((DATA / "rules.toml").read_text(encoding="utf-8"))["RU-TA"]
    bad = dict(good, weekend_rule="sometimes")
    with pytest.raises(CalendarDataError, match=r"RU-TA\.weekend_rule"):
        regional._region_rules("RU-TA", bad, "rules.toml")
    bad = dict(
        good, holidays=[{"key": "x", "name": "x", "kind": "fixed", "month": 2, "day": 30, "first_year": 1}]
    )
    with pytest.raises(CalendarDataError, match="02-30 is not a day"):
        regional._region_rules("RU-TA", bad, "rules.toml")
    with pytest.raises(CalendarDataError, match="unknown keys"):
        regional._region_rules("RU-TA", dict(good, extra=1), "rules.toml")


def test_malformed_year_tables_are_located() -> None:
    from gia_roadmap.calendar import regional

    rules = region_rules("RU-TA")
    assert rules is not None
    item = {"holiday": "uraza_bayram", "date": D(2030, 3, 5), "basis": "Указ", "sources": ["https://x"]}
    with pytest.raises(CalendarDataError, match="not a movable holiday"):
        regional._year_table(rules, 2030, {"days": [dict(item, holiday="republic_day")]}, "2030.toml")
    with pytest.raises(CalendarDataError, match="a TOML date in 2030"):
        regional._year_table(rules, 2030, {"days": [dict(item, date=D(2031, 1, 1))]}, "2030.toml")
    with pytest.raises(CalendarDataError, match="at least one source"):
        regional._year_table(rules, 2030, {"days": [dict(item, sources=[])]}, "2030.toml")
    with pytest.raises(CalendarDataError, match="given twice"):
        regional._year_table(rules, 2030, {"days": [item, item]}, "2030.toml")
    partial = regional._year_table(rules, 2030, {"days": [item]}, "2030.toml")
    assert partial.missing == ("kurban_bayram",)
    assert not partial.is_official


def test_subjects_are_the_89_with_iso_codes() -> None:
    pycountry = pytest.importorskip("pycountry")
    all_subjects = federal_subjects()
    assert len(all_subjects) == 89
    iso = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    ours = {s.code for s in all_subjects if s.iso}
    assert ours == iso
    assert {s.code for s in all_subjects if not s.iso} == {
        "RU-CR",
        "RU-SEV",
        "RU-DON",
        "RU-LUG",
        "RU-ZAP",
        "RU-KHE",
    }


# ------------------------------------------------------------------------------------------ docs
DOC = Path(__file__).resolve().parents[2] / "docs" / "calendar-data.md"


def test_the_documented_coverage_table_is_the_data() -> None:
    from gia_roadmap.calendar.regional import coverage

    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- coverage-table:", 1)[1].split("<!-- /coverage-table -->", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| RU-")]
    documented = {row.split("|")[1].strip(): [c.strip() for c in row.split("|")[2:-1]] for row in rows}
    assert set(documented) == set(regions_with_days())
    for code, cells in documented.items():
        for year, cell in zip(range(2013, 2028), cells, strict=True):
            status, count = coverage(code, year)
            expected = {"official": f"O{count}" if count else "L", "partial": f"p{count}", "unknown": "·"}
            assert cell == expected[status], (code, year)


def test_every_regional_source_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code, _, item in ROWS:
        for source in item["sources"]:
            assert source.split(" ")[0] in text, (code, source)
    for code in regions_with_days():
        rules = region_rules(code)
        assert rules is not None
        for source in rules.sources:
            assert source.split(" ")[0] in text, (code, source)
