"""The bundled schedules of 2021/22 and 2022/23 (ГИА-2022, ГИА-2023): shape, facts, the ОГЭ-2022 amendment."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import Confidence, ExamDay, ExamSchedule, OrderKind
from gia_roadmap.calendar.schoolyear import SchoolYear

CAL = RussianCalendar()
E, OG, G9, G11 = ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11
ES, IN = ExamKind.FINAL_ESSAY, ExamKind.FINAL_INTERVIEW
RU, M, MB, MP = Subject.RUSSIAN, Subject.MATHEMATICS, Subject.MATHEMATICS_BASE, Subject.MATHEMATICS_PROFILE
PH, CH, BI, GE, HI = Subject.PHYSICS, Subject.CHEMISTRY, Subject.BIOLOGY, Subject.GEOGRAPHY, Subject.HISTORY
SO, LI, INF, FL = Subject.SOCIAL_STUDIES, Subject.LITERATURE, Subject.INFORMATICS, Subject.FOREIGN_LANGUAGES
FW, FO, ALL = Subject.FOREIGN_LANGUAGES_WRITTEN, Subject.FOREIGN_LANGUAGES_ORAL, Subject.ALL
EXC = Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS
P = PeriodKind
AMENDMENT = "836/1481-amendment-2022"


def _day(schedule: ExamSchedule, exam: ExamKind, date: str) -> ExamDay:
    (day,) = [d for d in schedule.days if d.exam is exam and d.date == dt.date.fromisoformat(date)]
    return day


@pytest.mark.parametrize("year", [2021, 2022])
def test_loads_clean_in_every_view(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    assert schedule.school_year == SchoolYear(year)
    for view in (schedule, schedule.original(), schedule.with_drafts()):
        assert view.check(CAL) == ()


# Rows per exam kind and confidence in the default view: what is sourced and what is inferred.
COUNTS = {
    2021: {
        (E, "A"): 12, (E, "A*"): 11, (E, "B"): 2, (E, "C"): 8,
        (OG, "A"): 11, (OG, "B"): 4, (OG, "C"): 20,
        (G11, "B"): 6, (G11, "C"): 20,
        (G9, "C"): 34,
        (ES, "A"): 3, (IN, "A"): 3,
    },
    2022: {
        (E, "A"): 12, (E, "B"): 4, (E, "C"): 14,
        (OG, "A"): 8, (OG, "A*"): 1, (OG, "B"): 1, (OG, "C"): 23,
        (G11, "C"): 25,
        (G9, "C"): 32,
        (ES, "A"): 3, (IN, "A"): 3,
    },
}  # fmt: skip


@pytest.mark.parametrize("year", [2021, 2022])
def test_row_counts_by_exam_and_confidence(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    counts = Counter((d.exam, d.confidence.value) for d in schedule.days)
    assert dict(counts) == COUNTS[year]


@pytest.mark.parametrize("year", [2021, 2022])
def test_inferred_rows_say_what_was_inferred(year: int) -> None:
    for day in ExamSchedule.bundled(year).all_days:
        assert day.sources, day.label()
        if day.confidence is Confidence.C:
            assert day.note, day.label()


FACTS: list[tuple[int, ExamKind, str, PeriodKind, set[Subject], str, set[str]]] = [
    # ЕГЭ 2022 (834/1479)
    (2021, E, "2022-03-21", P.EARLY, {GE, LI, CH}, "A*", {"nivasposad", "examwiki-2022"}),
    (2021, E, "2022-04-13", P.EARLY_RESERVE, {FW, INF, PH, SO, BI}, "A*", {"nivasposad"}),
    (2021, E, "2022-04-18", P.EARLY_RESERVE, {MB, MP}, "C", {"nakanune-2022"}),
    (2021, E, "2022-05-26", P.MAIN, {GE, LI, CH}, "A", {"samaraobr", "nversia"}),
    (2021, E, "2022-05-31", P.MAIN, {RU}, "A", {"samaraobr", "nversia"}),
    (2021, E, "2022-06-02", P.MAIN, {MP}, "A", {"samaraobr"}),
    (2021, E, "2022-06-03", P.MAIN, {MB}, "A", {"samaraobr"}),
    (2021, E, "2022-06-21", P.MAIN, {INF}, "A", {"samaraobr"}),
    (2021, E, "2022-06-23", P.MAIN_RESERVE, {RU}, "B", {"ege35"}),
    (2021, E, "2022-07-02", P.MAIN_RESERVE, {ALL}, "A*", {"today29ru-2022", "ege314"}),
    (2021, E, "2022-09-08", P.ADDITIONAL, {RU}, "B", {"itperemena"}),
    # ОГЭ 2022 as amended in April 2022
    (2021, OG, "2022-04-21", P.EARLY, {M}, "C", {"glavsprav-oge22"}),
    (2021, OG, "2022-05-19", P.MAIN, {FL}, "A", {"pkgo", "2nsergi"}),
    (2021, OG, "2022-05-20", P.MAIN, {FL}, "A", {"eduinspector-oge22", "pkgo"}),
    (2021, OG, "2022-05-23", P.MAIN, {M}, "A", {"pkgo", "2nsergi"}),
    (2021, OG, "2022-05-28", P.MAIN, {SO}, "A", {"pkgo"}),
    (2021, OG, "2022-06-07", P.MAIN, {RU}, "A", {"pkgo", "coko43-2022"}),
    (2021, OG, "2022-06-15", P.MAIN, {BI, INF, GE, CH}, "A", {"pkgo"}),
    (2021, OG, "2022-06-22", P.MAIN, {LI, PH, INF, GE}, "A", {"pkgo"}),
    (2021, OG, "2022-07-05", P.MAIN_RESERVE, {RU}, "C", {"pkgo", "uo-kgo66"}),
    (2021, OG, "2022-09-05", P.ADDITIONAL, {M}, "B", {"itperemena"}),
    # ГВЭ 2022
    (2021, G11, "2022-06-14", P.MAIN, {FL, BI, INF}, "B", {"eduinspector-gve11-22"}),
    (2021, G11, "2022-06-02", P.MAIN, {M}, "B", {"eduinspector-gve11-22"}),
    (2021, G9, "2022-06-08", P.MAIN, {RU}, "C", {"pkgo"}),
    # сочинение / собеседование 2021/22
    (2021, ES, "2021-12-01", P.MAIN_DATE, set(), "A", {"chernava", "school4syzran"}),
    (2021, ES, "2022-05-04", P.ADDITIONAL_DATE, set(), "A", {"chernava", "school4syzran"}),
    (2021, IN, "2022-02-09", P.MAIN_DATE, {RU}, "A", {"usishin", "suojarvi", "17school"}),
    (2021, IN, "2022-05-16", P.ADDITIONAL_DATE, {RU}, "A", {"usishin", "suojarvi"}),
    # ЕГЭ 2023 (989/1143)
    (2022, E, "2023-03-20", P.EARLY, {GE, LI}, "B", {"bezformata-2023"}),
    (2022, E, "2023-04-03", P.EARLY, {SO, INF}, "C", {"bezformata-2023"}),
    (2022, E, "2023-05-26", P.MAIN, {GE, LI, CH}, "A", {"examwiki-2023", "comilfo11", "sc15sarov"}),
    (2022, E, "2023-06-01", P.MAIN, {MB, MP}, "A", {"examwiki-2023", "comilfo11"}),
    (2022, E, "2023-06-17", P.MAIN, {FO}, "A", {"examwiki-2023", "profession-online"}),
    (2022, E, "2023-06-22", P.MAIN_RESERVE, {RU}, "A", {"examwiki-2023", "profession-online"}),
    (2022, E, "2023-06-23", P.MAIN_RESERVE, {GE, LI, FO}, "A", {"examwiki-2023", "profession-online"}),
    (2022, E, "2023-06-27", P.MAIN_RESERVE, {FW, BI, INF}, "B", {"profession-online"}),
    (2022, E, "2023-07-01", P.MAIN_RESERVE, {ALL}, "B", {"sc15sarov"}),
    # ОГЭ 2023 (990/1144)
    (2022, OG, "2023-05-24", P.MAIN, {HI, PH, BI}, "A", {"shkola46lip", "ria56", "obyektiv"}),
    (2022, OG, "2023-06-06", P.MAIN, {RU}, "A", {"shkola46lip", "ria56"}),
    (2022, OG, "2023-06-09", P.MAIN, {M}, "A", {"shkola46lip", "ria56"}),
    (2022, OG, "2023-06-26", P.MAIN_RESERVE, {RU}, "A*", {"shkola46lip", "muuo-alyta"}),
    (2022, OG, "2023-06-27", P.MAIN_RESERVE, {EXC}, "B", {"shkola46lip"}),
    (2022, OG, "2023-09-04", P.ADDITIONAL, {M}, "C", {"sc15sarov"}),
    # ГВЭ 2023: mirrored
    (2022, G11, "2023-05-29", P.MAIN, {RU}, "C", {"sc15sarov"}),
    (2022, G9, "2023-06-02", P.MAIN, {FL}, "C", {"muuo-alyta"}),
    # сочинение / собеседование 2022/23
    (2022, ES, "2022-12-07", P.MAIN_DATE, set(), "A", {"coko38", "ltbm-sochinenie-2223"}),
    (2022, ES, "2023-05-03", P.ADDITIONAL_DATE, set(), "A", {"coko38", "school33ptz"}),
    (2022, IN, "2023-02-08", P.MAIN_DATE, {RU}, "A", {"sh25pyat", "uo-npokr"}),
    (2022, IN, "2023-03-15", P.ADDITIONAL_DATE, {RU}, "A", {"sh25pyat", "uo-npokr"}),
]


@pytest.mark.parametrize(("year", "exam", "date", "period", "subjects", "confidence", "sources"), FACTS)
def test_date_fact(
    year: int,
    exam: ExamKind,
    date: str,
    period: PeriodKind,
    subjects: set[Subject],
    confidence: str,
    sources: set[str],
) -> None:
    day = _day(ExamSchedule.bundled(year), exam, date)
    assert day.period is period
    assert set(day.subjects) == subjects
    assert day.confidence.value == confidence
    assert sources <= set(day.sources)


def test_the_oge_2022_amendment_is_data() -> None:
    schedule = ExamSchedule.bundled(2021).filter(exam=OG)
    amendment = schedule.order(AMENDMENT)
    assert amendment.kind is OrderKind.AMENDMENT
    assert amendment.amends == ("836/1481",)
    original = schedule.original()
    # 07.06: биология, информатика, география, химия in the order; русский язык as amended
    assert set(_day(original, OG, "2022-06-07").subjects) == {BI, INF, GE, CH}
    assert set(_day(schedule, OG, "2022-06-07").subjects) == {RU}
    # русский язык: 15.06 in the order; 07.06 and 08.06 as amended
    assert [d.date.isoformat() for d in original.filter(subject=RU, period=P.MAIN)] == ["2022-06-15"]
    amended = [d.date.isoformat() for d in schedule.filter(subject=RU, period=P.MAIN)]
    assert amended == ["2022-06-07", "2022-06-08"]
    # the reserves moved from 27.06–02.07 to 04.07–09.07
    reserves = [d.date for d in schedule.filter(period=P.MAIN_RESERVE)]
    assert (min(reserves), max(reserves)) == (dt.date(2022, 7, 4), dt.date(2022, 7, 9))
    reserves = [d.date for d in original.filter(period=P.MAIN_RESERVE)]
    assert (min(reserves), max(reserves)) == (dt.date(2022, 6, 27), dt.date(2022, 7, 2))
    # the days the amendment left alone are one row each, in both views
    for date in ("2022-05-20", "2022-05-24", "2022-05-27", "2022-06-01"):
        assert _day(original, OG, date) == _day(schedule, OG, date)
        assert _day(schedule, OG, date).order == "836/1481"
    assert len(schedule) == 35
    assert len(original) == 32
    assert schedule.with_orders(["836/1481"]).days == original.days
    (main,) = [w for w in schedule.stage_windows().values() if w.start.month == 5]
    assert (main.start, main.end) == (dt.date(2022, 5, 19), dt.date(2022, 7, 9))


def test_gve_9_skips_the_second_foreign_language_day() -> None:
    for year, second in ((2021, "2022-05-20"), (2022, "2023-06-03")):
        schedule = ExamSchedule.bundled(year)
        ogе_days = {d.date for d in schedule.filter(exam=OG).days}
        gve_days = {d.date for d in schedule.filter(exam=G9).days}
        assert gve_days == ogе_days - {dt.date.fromisoformat(second)}


def test_orders_of_the_two_years() -> None:
    y21, y22 = ExamSchedule.bundled(2021), ExamSchedule.bundled(2022)
    assert y21.order("834/1479").signed == dt.date(2021, 11, 17)
    assert y21.order("835/1480").exams == (G11,)
    assert y21.order("gve9-2022").confidence is Confidence.UNCONFIRMED
    assert {d.order for d in y21.filter(exam={ES, IN}).days} == {"190/1512", "189/1513"}
    assert y22.order("991/1145").exams == (G9, G11)
    assert y22.order("483/1233").amends == ("991/1145",)
    assert not [d for d in y22.all_days if d.order == "483/1233"]  # its content was not seen
    assert {d.order for d in y22.filter(exam={ES, IN}).days} == {"190/1512", "189/1513"}
    assert y22.order("190/1512").signed == dt.date(2018, 11, 7)


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_gve_11_days_are_ege_days(year: int) -> None:
    """ГВЭ-11 rows mirror the ЕГЭ days (or, in 2022, the ГВЭ-11 order); where the ЕГЭ reserves are known
    only as a span, the ГВЭ-11 reserve lies in it. Never a day outside the ЕГЭ campaign."""
    schedule = ExamSchedule.bundled(year)
    for view in (schedule, schedule.original()):
        ege = {d.date for d in view.filter(exam=E).days}
        spans = [(w.start, w.end) for w in view.filter(exam=E).windows]
        for day in view.filter(exam=G11).days:
            assert day.date in ege or any(a <= day.date <= b for a, b in spans), day.label()


@pytest.mark.parametrize("year", [2021, 2022, 2025])
def test_gve_9_days_are_oge_days(year: int) -> None:
    schedule = ExamSchedule.bundled(year)
    oge = {d.date for d in schedule.filter(exam=OG).days}
    assert {d.date for d in schedule.filter(exam=G9).days} <= oge


def test_gve_from_2023_lists_the_compulsory_subjects_only() -> None:
    for year in (2023, 2024, 2025):
        for day in ExamSchedule.bundled(year).filter(exam=G11).days:
            assert set(day.specific_subjects) <= set(
                Subject.RUSSIAN.parts | M.parts | ALL.parts
            ) or day.subjects == (ALL,), day.label()
            assert day.confidence is Confidence.C


def test_gia_2027_ships_only_the_computed_admission_tests() -> None:
    """No ЕГЭ/ОГЭ/ГВЭ-2027 order or draft is published: 2026/27 has the сочинение and собеседование only,
    computed by rule and flagged C, and no exam day or period window is invented."""
    schedule = ExamSchedule.bundled(2026)
    assert schedule.exams == (ES, IN)
    assert not schedule.windows
    assert {d.confidence for d in schedule.all_days} == {Confidence.C}
    assert [d.date.isoformat() for d in schedule.days] == [
        "2026-12-02",
        "2027-02-03",
        "2027-02-10",
        "2027-03-10",
        "2027-04-14",
        "2027-04-19",
    ]
    assert all(d.note.startswith("Computed") for d in schedule.days)
