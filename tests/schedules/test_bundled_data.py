"""Integrity of every bundled exam schedule; the ЕГЭ/ОГЭ and admission-test facts of 2023/24 – 2025/26.

The 2021/22 and 2022/23 facts are pinned in test_bundled_2021_2022.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.events import exam_events
from gia_roadmap.calendar.exams import ExamKind, ExamStage, PeriodKind, Subject, exam_subjects
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import (
    Confidence,
    ExamDay,
    ExamSchedule,
    OrderStatus,
    PeriodWindow,
    ScheduleOrder,
    bundled_school_years,
    bundled_sources,
)
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.errors import DateTypeError, GiaRoadmapError, ScheduleCoverageError, ScheduleDataError

YEARS = (2021, 2022, 2023, 2024, 2025, 2026)
PINNED_YEARS = (2023, 2024, 2025)  # every ЕГЭ, ОГЭ and admission-test day of these years is in FACTS
CAL = RussianCalendar()


def all_views(year: int) -> list[ExamSchedule]:
    s = ExamSchedule.bundled(year)
    return [s, s.original(), s.with_drafts()]


def test_bundled_years() -> None:
    assert bundled_school_years() == YEARS


@pytest.mark.parametrize("spelling", [2023, SchoolYear(2023), "2023/24", "2023/2024", "2023-2024", "2023"])
def test_bundled_accepts_school_year_spellings(spelling: object) -> None:
    assert ExamSchedule.bundled(spelling).school_year == SchoolYear(2023)  # type: ignore[arg-type]


def test_bundled_unknown_year_is_a_lookup_error() -> None:
    with pytest.raises(ScheduleCoverageError) as info:
        ExamSchedule.bundled(2030)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, GiaRoadmapError)
    assert "2021/22, 2022/23, 2023/24, 2024/25, 2025/26, 2026/27" in str(info.value)


def test_bundled_bad_arguments() -> None:
    with pytest.raises(ScheduleDataError):
        ExamSchedule.bundled("next year")
    with pytest.raises(DateTypeError):
        ExamSchedule.bundled(2023.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", YEARS)
def test_no_integrity_problems_in_any_view(year: int) -> None:
    for view in all_views(year):
        assert view.check(CAL) == ()


@pytest.mark.parametrize("year", YEARS)
def test_no_exam_on_a_day_off(year: int) -> None:
    """An exam on a Sunday or a public holiday is a data error; Saturdays are legal exam days."""
    six_day = RussianCalendar(work_week="six_day")
    for view in all_views(year):
        for day in view.all_days:
            if day.date.weekday() == 5:
                assert six_day.is_working_day(day.date), day.label()
            else:
                assert CAL.is_working_day(day.date), day.label()


@pytest.mark.parametrize("year", YEARS)
def test_periods_in_order(year: int) -> None:
    for view in all_views(year):
        for exam in ExamKind:
            days = [d for d in view.days if d.exam is exam]
            for a in days:
                for b in days:
                    if a.period.rank < b.period.rank:
                        assert a.date < b.date, (a.label(), b.label())


@pytest.mark.parametrize("year", YEARS)
def test_subjects_from_the_known_list(year: int) -> None:
    for day in ExamSchedule.bundled(year).all_days:
        allowed = set(exam_subjects(day.exam)) | {Subject.ALL, Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS}
        assert set(day.subjects) <= allowed, day.label()
        assert day.subjects or not day.subjects_confirmed or day.exam is ExamKind.FINAL_ESSAY


@pytest.mark.parametrize("year", YEARS)
def test_no_duplicate_days(year: int) -> None:
    for view in all_views(year):
        keys = [(d.exam, d.date) for d in view.days]
        assert len(keys) == len(set(keys))


@pytest.mark.parametrize("year", YEARS)
def test_every_row_cites_known_sources(year: int) -> None:
    registry = {s.key: s.url for s in bundled_sources()}
    schedule = ExamSchedule.bundled(year)
    rows: list[ExamDay | PeriodWindow | ScheduleOrder] = [
        *schedule.all_days,
        *schedule.all_windows,
        *schedule.orders,
    ]
    for row in rows:
        if row.confidence is not Confidence.UNCONFIRMED:
            assert row.sources, row
        for key in row.sources:
            assert registry[key].startswith("http")
            assert schedule.source(key).url == registry[key]


def test_source_registry_is_complete() -> None:
    sources = bundled_sources()
    assert len(sources) == 201
    assert len({s.key for s in sources}) == 201
    assert all(re.match(r"https?://", s.url) for s in sources)


def test_single_source_rows_are_flagged() -> None:
    s = ExamSchedule.bundled(2023)
    flagged = {d.date for d in s.single_source_days}
    # ЕГЭ 2024 early days (tvn), reserves 06-17/18/19 (rg-20240613), ОГЭ early reserves (sochinyashka)
    assert {dt.date(2024, 3, 22), dt.date(2024, 6, 17), dt.date(2024, 5, 13)} <= flagged
    for day in s.single_source_days:
        assert day.confidence is Confidence.B


def test_view_sizes() -> None:
    s = ExamSchedule.bundled(2023)
    assert len(s.filter(exam=ExamKind.EGE)) == 21
    assert len(s.original().filter(exam=ExamKind.EGE)) == 21 - 12 + 14  # 12 amended rows out, 14 original in
    assert len(s.filter(exam=ExamKind.OGE)) == 13
    assert len(s.filter(exam=ExamKind.FINAL_ESSAY)) == 3
    assert len(s.filter(exam=ExamKind.FINAL_INTERVIEW)) == 3
    # ГВЭ, mirrored (C): ГВЭ-11 русский язык and математика on the ЕГЭ days, three reserves as amended by
    # 244/803; ГВЭ-9 on every ОГЭ day but the second foreign-language day
    assert len(s.filter(exam=ExamKind.GVE_11)) == 12
    assert len(s.original().filter(exam=ExamKind.GVE_11)) == 9
    assert len(s.filter(exam=ExamKind.GVE_9)) == 32
    assert {d.confidence for d in s.filter(exam={ExamKind.GVE_9, ExamKind.GVE_11})} == {Confidence.C}


# ---------------------------------------------------------------------------------------------
# Every date fact with its source(s): (school year, exam, date, period, subjects, sources)
# ---------------------------------------------------------------------------------------------

E, OG, ES, IN = ExamKind.EGE, ExamKind.OGE, ExamKind.FINAL_ESSAY, ExamKind.FINAL_INTERVIEW
RU, M, MB, MP = Subject.RUSSIAN, Subject.MATHEMATICS, Subject.MATHEMATICS_BASE, Subject.MATHEMATICS_PROFILE
PH, CH, BI, GE, HI = Subject.PHYSICS, Subject.CHEMISTRY, Subject.BIOLOGY, Subject.GEOGRAPHY, Subject.HISTORY
SO, LI, IN_, FL = Subject.SOCIAL_STUDIES, Subject.LITERATURE, Subject.INFORMATICS, Subject.FOREIGN_LANGUAGES
FW, FO, ALL = Subject.FOREIGN_LANGUAGES_WRITTEN, Subject.FOREIGN_LANGUAGES_ORAL, Subject.ALL
EXC = Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS
P = PeriodKind

FACTS: list[tuple[int, ExamKind, str, PeriodKind, set[Subject], set[str]]] = [
    # ЕГЭ 2024, as amended by 244/803
    (2023, E, "2024-03-22", P.EARLY, {GE, LI}, {"tvn"}),
    (2023, E, "2024-03-26", P.EARLY, {RU}, {"tvn"}),
    (2023, E, "2024-03-29", P.EARLY, {MB, MP}, {"tvn"}),
    (2023, E, "2024-05-23", P.MAIN, {GE, LI, CH}, {"rg-20240422", "tsargrad", "tvn"}),
    (2023, E, "2024-05-28", P.MAIN, {RU}, {"rg-20240422", "tsargrad", "tvn"}),
    (2023, E, "2024-05-31", P.MAIN, {MB, MP}, {"rg-20240422", "gia-centr", "tsargrad"}),
    (2023, E, "2024-06-04", P.MAIN, {SO, PH}, {"rg-20240422", "adygea", "smolensk"}),
    (2023, E, "2024-06-07", P.MAIN, {FO, IN_}, {"rg-20240422", "smolensk"}),
    (2023, E, "2024-06-08", P.MAIN, {FO, IN_}, {"rg-20240422", "rossaprimavera"}),
    (2023, E, "2024-06-11", P.MAIN, {BI, FW, HI}, {"rg-20240422", "yar"}),
    (2023, E, "2024-06-13", P.MAIN_RESERVE, {GE, LI, SO, PH}, {"rg-20240613", "kirov"}),
    (2023, E, "2024-06-17", P.MAIN_RESERVE, {RU}, {"rg-20240613"}),
    (2023, E, "2024-06-18", P.MAIN_RESERVE, {HI, CH, FO}, {"rg-20240613"}),
    (2023, E, "2024-06-19", P.MAIN_RESERVE, {BI, IN_, FW}, {"rg-20240613"}),
    (2023, E, "2024-06-20", P.MAIN_RESERVE, {MB, MP}, {"rg-20240613", "kalmykia"}),
    (2023, E, "2024-06-21", P.MAIN_RESERVE, {ALL}, {"rg-20240613", "kirov"}),
    (2023, E, "2024-07-04", P.RETAKE, {FW, IN_, SO, RU, PH, CH}, {"rg-20240422", "rossaprimavera"}),
    (2023, E, "2024-07-05", P.RETAKE, {BI, GE, MB, MP, FO, HI, LI}, {"rg-20240422", "rossaprimavera"}),
    (2023, E, "2024-09-04", P.ADDITIONAL, {RU, MB}, {"neva", "dzen-2024", "squarenews"}),
    (2023, E, "2024-09-09", P.ADDITIONAL, {RU, MB}, {"neva", "life-2024"}),
    (2023, E, "2024-09-23", P.ADDITIONAL_RESERVE, {RU, MB}, {"neva", "dzen-2024", "squarenews"}),
    # ОГЭ 2024
    (2023, OG, "2024-04-23", P.EARLY, {M}, {"sochinyashka", "vorot"}),
    (2023, OG, "2024-04-26", P.EARLY, {RU}, {"sochinyashka", "vorot"}),
    (2023, OG, "2024-05-03", P.EARLY, {IN_, LI, SO, CH}, {"sochinyashka", "vorot"}),
    (2023, OG, "2024-05-07", P.EARLY, {BI, GE, FL, HI, PH}, {"sochinyashka", "vorot"}),
    (2023, OG, "2024-05-13", P.EARLY_RESERVE, {M}, {"sochinyashka"}),
    (2023, OG, "2024-05-14", P.EARLY_RESERVE, {IN_, LI, SO, CH}, {"sochinyashka"}),
    (2023, OG, "2024-05-15", P.EARLY_RESERVE, {BI, GE, FL, HI, PH}, {"sochinyashka"}),
    (2023, OG, "2024-05-16", P.EARLY_RESERVE, {RU}, {"sochinyashka"}),
    (2023, OG, "2024-05-18", P.EARLY_RESERVE, {ALL}, {"sochinyashka", "dzen-2024", "squarenews"}),
    (2023, OG, "2024-05-21", P.MAIN, {FL}, {"sochinyashka", "mano", "bloknot"}),
    (2023, OG, "2024-05-22", P.MAIN, {FL}, {"sochinyashka", "mano", "bloknot"}),
    (2023, OG, "2024-05-27", P.MAIN, {BI, IN_, SO, CH}, {"sochinyashka", "bloknot"}),
    (2023, OG, "2024-05-30", P.MAIN, {GE, HI, PH, CH}, {"sochinyashka", "vorot"}),
    # сочинение / собеседование 2023/24
    (2023, ES, "2023-12-06", P.MAIN_DATE, set(), {"kerch", "cfsmo", "celinnoe", "kolesnikova"}),
    (2023, ES, "2024-02-07", P.ADDITIONAL_DATE, set(), {"kerch", "cfsmo", "celinnoe", "kolesnikova"}),
    (2023, ES, "2024-04-10", P.ADDITIONAL_DATE, set(), {"kerch", "cfsmo", "celinnoe", "kolesnikova"}),
    (2023, IN, "2024-02-14", P.MAIN_DATE, {RU}, {"krasnoarmeets", "kpiz", "ruobr"}),
    (2023, IN, "2024-03-13", P.ADDITIONAL_DATE, {RU}, {"krasnoarmeets", "kpiz", "ruobr"}),
    (2023, IN, "2024-04-15", P.ADDITIONAL_DATE, {RU}, {"krasnoarmeets", "kpiz", "ruobr"}),
    # ЕГЭ 2025 (787/2089)
    (2024, E, "2025-03-21", P.EARLY, {GE, LI}, {"m24", "gidvuz", "chitamedia"}),
    (2024, E, "2025-03-25", P.EARLY, {RU}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-03-28", P.EARLY, {MB, MP}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-04-01", P.EARLY, {BI, FW, PH}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-04-04", P.EARLY, {FO}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-04-08", P.EARLY, {IN_, SO}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-04-11", P.EARLY, {HI, CH}, {"m24", "vesti", "chitamedia"}),
    (2024, E, "2025-05-23", P.MAIN, {HI, LI, CH}, {"interfax-2025", "ryazhsk", "kursk", "starodub"}),
    (2024, E, "2025-05-27", P.MAIN, {MB, MP}, {"interfax-2025", "ryazhsk", "kursk"}),
    (2024, E, "2025-05-30", P.MAIN, {RU}, {"interfax-2025", "ryazhsk", "orenburg"}),
    (2024, E, "2025-06-02", P.MAIN, {SO, PH}, {"interfax-2025", "ryazhsk", "360-2025"}),
    (2024, E, "2025-06-05", P.MAIN, {BI, GE, FW}, {"interfax-2025", "ryazhsk", "obr-118178"}),
    (2024, E, "2025-06-10", P.MAIN, {IN_, FO}, {"interfax-2025", "ryazhsk", "kursk"}),
    (2024, E, "2025-06-11", P.MAIN, {IN_, FO}, {"interfax-2025", "ryazhsk", "kursk"}),
    (2024, E, "2025-06-16", P.MAIN_RESERVE, {GE, LI, SO, PH}, {"ryazhsk", "penza-online"}),
    (2024, E, "2025-06-17", P.MAIN_RESERVE, {RU}, {"ryazhsk", "penza-online", "stolica58"}),
    (2024, E, "2025-06-18", P.MAIN_RESERVE, {FO, HI, CH}, {"ryazhsk", "penza-online"}),
    (2024, E, "2025-06-19", P.MAIN_RESERVE, {BI, FW, IN_}, {"ryazhsk", "penza-online"}),
    (2024, E, "2025-06-20", P.MAIN_RESERVE, {MB, MP}, {"ryazhsk", "penza-online", "stolica58"}),
    (2024, E, "2025-06-23", P.MAIN_RESERVE, {ALL}, {"ryazhsk", "penza-online", "stolica58", "obr-118178"}),
    (2024, E, "2025-07-03", P.RETAKE, {FW, IN_, LI, RU, PH, CH}, {"ryazhsk", "interfax-2025"}),
    (2024, E, "2025-07-04", P.RETAKE, {BI, GE, MB, MP, FO, HI, SO}, {"ryazhsk", "interfax-2025"}),
    (2024, E, "2025-09-04", P.ADDITIONAL, {RU}, {"ryazhsk", "stolica58", "interfax-2025"}),
    (2024, E, "2025-09-08", P.ADDITIONAL, {MB}, {"ryazhsk", "stolica58", "interfax-2025"}),
    (2024, E, "2025-09-23", P.ADDITIONAL_RESERVE, {RU, MB}, {"ryazhsk", "stolica58", "interfax-2025"}),
    # ОГЭ 2025
    (2024, OG, "2025-04-22", P.EARLY, {M}, {"uchros"}),
    (2024, OG, "2025-04-25", P.EARLY, {RU}, {"uchros"}),
    (2024, OG, "2025-04-29", P.EARLY, {IN_, LI, SO, CH}, {"uchros"}),
    (2024, OG, "2025-05-06", P.EARLY, {BI, GE, FL, HI, PH}, {"uchros"}),
    (2024, OG, "2025-05-21", P.MAIN, {FL}, {"ruopr", "zaks", "uchros"}),
    (2024, OG, "2025-05-22", P.MAIN, {FL}, {"ruopr", "zaks", "uchros"}),
    (2024, OG, "2025-05-26", P.MAIN, {BI, IN_, SO, CH}, {"ruopr", "zaks", "uchros"}),
    (2024, OG, "2025-05-29", P.MAIN, {GE, HI, PH, CH}, {"ruopr", "zaks", "uchros"}),
    (2024, OG, "2025-06-03", P.MAIN, {M}, {"ruopr", "zaks", "uchros"}),
    (2024, OG, "2025-06-06", P.MAIN, {GE, IN_, SO}, {"ruopr", "daytimenews"}),
    (2024, OG, "2025-06-09", P.MAIN, {RU}, {"ruopr", "zaks", "daytimenews"}),
    (2024, OG, "2025-06-16", P.MAIN, {BI, IN_, LI, PH}, {"ruopr", "zaks"}),
    (2024, OG, "2025-09-02", P.ADDITIONAL, {M}, {"lifelines"}),
    (2024, OG, "2025-09-05", P.ADDITIONAL, {RU}, {"lifelines"}),
    (2024, OG, "2025-09-09", P.ADDITIONAL, {BI, GE, HI, PH}, {"lifelines"}),
    (2024, OG, "2025-09-12", P.ADDITIONAL, {FL, IN_, LI, SO, CH}, {"lifelines"}),
    (2024, OG, "2025-09-17", P.ADDITIONAL_RESERVE, {RU}, {"radio1"}),
    (2024, ES, "2024-12-04", P.MAIN_DATE, set(), {"sch26ptz", "yadrin", "goity", "3535-sochin"}),
    (2024, ES, "2025-02-05", P.ADDITIONAL_DATE, set(), {"sch26ptz", "yadrin", "goity", "3535-sochin"}),
    (2024, ES, "2025-04-09", P.ADDITIONAL_DATE, set(), {"sch26ptz", "yadrin", "goity"}),
    (2024, IN, "2025-02-12", P.MAIN_DATE, {RU}, {"nounpg", "syzran", "novpoo"}),
    (2024, IN, "2025-03-12", P.ADDITIONAL_DATE, {RU}, {"nounpg", "syzran"}),
    (2024, IN, "2025-04-21", P.ADDITIONAL_DATE, {RU}, {"nounpg", "syzran"}),
    # ЕГЭ 2026 (798/1904)
    (2025, E, "2026-03-20", P.EARLY, {GE, LI}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-03-24", P.EARLY, {RU}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-03-27", P.EARLY, {MB, MP}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-03-31", P.EARLY, {BI, FW, PH}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-03", P.EARLY, {FO}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-07", P.EARLY, {IN_, SO}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-10", P.EARLY, {HI, CH}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-13", P.EARLY_RESERVE, {RU}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-16", P.EARLY_RESERVE, {MB, MP}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-17", P.EARLY_RESERVE, {BI, FW, LI, SO, PH}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-04-20", P.EARLY_RESERVE, {GE, FO, IN_, HI, CH}, {"360-2026", "penzainform-ege"}),
    (2025, E, "2026-06-01", P.MAIN, {HI, LI, CH}, {"niasam", "ura", "vedomosti-1205", "infofiz"}),
    (2025, E, "2026-06-04", P.MAIN, {RU}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-06-08", P.MAIN, {MB, MP}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-06-11", P.MAIN, {SO, PH}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-06-15", P.MAIN, {BI, GE, FW}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-06-18", P.MAIN, {FO, IN_}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-06-19", P.MAIN, {FO, IN_}, {"niasam", "ura", "vedomosti-1205"}),
    (2025, E, "2026-07-08", P.RETAKE, set(), {"vedomosti-1205", "ura", "rcoi58"}),
    (2025, E, "2026-07-09", P.RETAKE, set(), {"vedomosti-1205", "ura", "rcoi58"}),
    # ОГЭ 2026 (799/1905)
    (2025, OG, "2026-04-21", P.EARLY, {M}, {"penzainform-oge"}),
    (2025, OG, "2026-04-24", P.EARLY, {RU}, {"penzainform-oge"}),
    (2025, OG, "2026-04-28", P.EARLY, {IN_, LI, SO, CH}, {"penzainform-oge"}),
    (2025, OG, "2026-05-06", P.EARLY, {BI, GE, FL, HI, PH}, {"penzainform-oge"}),
    (2025, OG, "2026-05-12", P.EARLY_RESERVE, {M}, {"penzainform-oge"}),
    (2025, OG, "2026-05-13", P.EARLY_RESERVE, {IN_, LI, SO, CH}, {"penzainform-oge"}),
    (2025, OG, "2026-05-14", P.EARLY_RESERVE, {BI, GE, FL, HI, PH}, {"penzainform-oge"}),
    (2025, OG, "2026-05-15", P.EARLY_RESERVE, {RU}, {"penzainform-oge"}),
    (2025, OG, "2026-05-18", P.EARLY_RESERVE, {ALL}, {"penzainform-oge"}),
    (2025, OG, "2026-06-02", P.MAIN, {M}, {"ria", "niasam", "tass-oge26-final"}),
    (2025, OG, "2026-06-05", P.MAIN, {EXC}, {"ria", "niasam"}),
    (2025, OG, "2026-06-06", P.MAIN, {FL, IN_}, {"ria", "niasam", "tass-oge26-final"}),
    (2025, OG, "2026-06-09", P.MAIN, {RU}, {"ria", "niasam", "tass-oge26-final", "rzn"}),
    (2025, OG, "2026-06-16", P.MAIN, {EXC}, {"ria", "tass-oge26-final"}),
    (2025, OG, "2026-06-19", P.MAIN, {EXC}, {"ria", "tass-oge26-final"}),
    (2025, OG, "2026-06-29", P.MAIN_RESERVE, {M}, {"ria", "staroyurevo"}),
    (2025, OG, "2026-07-02", P.MAIN_RESERVE, {RU}, {"ria", "staroyurevo"}),
    (2025, OG, "2026-07-03", P.MAIN_RESERVE, {EXC}, {"ria", "staroyurevo"}),
    (2025, OG, "2026-07-06", P.MAIN_RESERVE, {EXC}, {"ria", "staroyurevo"}),
    (2025, ES, "2025-12-03", P.MAIN_DATE, set(), {"tass-soch", "interfax-soch", "uovp", "gym25"}),
    (
        2025,
        ES,
        "2026-02-04",
        P.ADDITIONAL_DATE,
        set(),
        {"tass-soch", "interfax-soch", "uovp", "gym25", "m24-2026"},
    ),
    (
        2025,
        ES,
        "2026-04-08",
        P.ADDITIONAL_DATE,
        set(),
        {"tass-soch", "interfax-soch", "uovp", "gym25", "m24-2026"},
    ),
    (2025, IN, "2026-02-11", P.MAIN_DATE, {RU}, {"valdai", "sch56", "bologoe", "nerchinsk", "mosreg"}),
    (2025, IN, "2026-03-11", P.ADDITIONAL_DATE, {RU}, {"valdai", "sch56", "bologoe"}),
    (2025, IN, "2026-04-20", P.ADDITIONAL_DATE, {RU}, {"valdai", "sch56", "bologoe", "prokina"}),
]


def _find(schedule: ExamSchedule, exam: ExamKind, date: dt.date) -> ExamDay:
    (day,) = [d for d in schedule.days if d.exam is exam and d.date == date]
    return day


@pytest.mark.parametrize(("year", "exam", "date", "period", "subjects", "sources"), FACTS)
def test_date_fact(
    year: int, exam: ExamKind, date: str, period: PeriodKind, subjects: set[Subject], sources: set[str]
) -> None:
    day = _find(ExamSchedule.bundled(year), exam, dt.date.fromisoformat(date))
    assert day.period is period
    assert set(day.subjects) == subjects
    assert sources <= set(day.sources)


@pytest.mark.parametrize("year", PINNED_YEARS)
def test_facts_cover_every_default_day(year: int) -> None:
    pinned = {(e, dt.date.fromisoformat(d)) for y, e, d, *_ in FACTS if y == year}
    days = ExamSchedule.bundled(year).filter(exam=(E, OG, ES, IN)).days
    assert {(d.exam, d.date) for d in days} == pinned


def test_the_2024_amendment_is_data() -> None:
    s = ExamSchedule.bundled(2023).filter(exam=ExamKind.EGE)
    amendment = s.order("244/803")
    assert amendment.amends == ("953/2116", "954/2117", "955/2118")
    assert amendment.signed == dt.date(2024, 4, 12)
    original = s.original()
    assert set(_find(original, E, dt.date(2024, 6, 4)).subjects) == {SO}
    assert set(_find(s, E, dt.date(2024, 6, 4)).subjects) == {SO, PH}
    assert set(_find(original, E, dt.date(2024, 6, 10)).subjects) == {HI, PH}
    assert not [d for d in s.days if d.date == dt.date(2024, 6, 10)]
    assert not original.filter(period=PeriodKind.RETAKE).days
    assert [d.date.isoformat() for d in s.filter(period=PeriodKind.RETAKE)] == ["2024-07-04", "2024-07-05"]
    assert max(d.date for d in original.filter(stage=ExamStage.MAIN)) == dt.date(2024, 7, 1)
    assert s.with_orders(["953/2116"]).days == original.days


def test_drafts_only_in_the_draft_view() -> None:
    for year, dates in ((2024, ("2025-05-26", "2025-05-29")), (2025, ("2026-06-05", "2026-06-09"))):
        s = ExamSchedule.bundled(year).filter(exam=ExamKind.EGE)
        draft = {d.date.isoformat() for d in s.with_drafts().days} - {d.date.isoformat() for d in s.days}
        assert draft == set(dates)
        assert {s.order(d.order).status for d in s.with_drafts().days if d.date.isoformat() in dates} == {
            OrderStatus.DRAFT
        }


def test_unknown_order_in_view() -> None:
    with pytest.raises(ScheduleDataError, match="no order 'x'"):
        ExamSchedule.bundled(2023).with_orders(["x"])


def test_filters() -> None:
    s = ExamSchedule.bundled(2024)
    physics = s.filter(exam=ExamKind.EGE, subject=Subject.PHYSICS)
    assert [d.date.isoformat() for d in physics] == [
        "2025-04-01",
        "2025-06-02",
        "2025-06-16",
        "2025-06-23",
        "2025-07-03",
    ]
    maths = s.filter(subject=Subject.MATHEMATICS, period=PeriodKind.MAIN)
    assert {(d.exam, d.date.isoformat()) for d in maths} == {
        (E, "2025-05-27"),
        (OG, "2025-06-03"),
        (ExamKind.GVE_11, "2025-05-27"),
        (ExamKind.GVE_9, "2025-06-03"),
    }
    september = s.filter(stage=ExamStage.ADDITIONAL)
    assert all(d.date.month == 9 for d in september)
    window = s.filter(exam=(E, OG), start=dt.date(2025, 6, 1), end=dt.date(2025, 6, 5))
    assert [d.date.day for d in window] == [2, 3, 5]
    assert len(s.filter(exam=(E, OG), predicate=lambda d: d.confidence is Confidence.C)) == 4
    with pytest.raises(DateTypeError):
        s.filter(exam=["ege"])  # type: ignore[list-item]


def test_events_map() -> None:
    s = ExamSchedule.bundled(2024).filter(exam=ExamKind.EGE)
    events = exam_events(s)
    assert events[Anchor.EXAM_DAY][0] == dt.date(2025, 3, 21)
    assert dt.date(2025, 6, 16) in events[Anchor.EXAM_DAY]
    (main,) = events[Anchor.MAIN_PERIOD]
    assert isinstance(main, DateWindow)
    assert (main.start, main.end) == (dt.date(2025, 5, 23), dt.date(2025, 7, 4))
    assert events[Anchor.EXAM_PERIOD_START] == (
        dt.date(2025, 3, 21),
        dt.date(2025, 5, 23),
        dt.date(2025, 9, 4),
    )
    assert Anchor.GEK_RESULTS_APPROVAL not in events
    with_rules = exam_events(s, CAL)
    for anchor in (
        Anchor.GEK_RESULTS_APPROVAL,
        Anchor.APPEAL_SUBMISSION,
        Anchor.AK_DECISION,
        Anchor.AK_WORK_START,
    ):
        assert with_rules[anchor]
    assert Anchor.ADMISSION_DECISION not in with_rules
