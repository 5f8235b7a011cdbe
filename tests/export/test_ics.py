"""The iCalendar export: one all-day entry per due date, exam days in scope, recurrences as RRULEs,
checked in two independent parsers (icalendar and ical) and against oracles computed here."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import icalendar
import pytest
from dateutil import rrule
from ical.calendar_stream import IcsCalendarStream

from gia_roadmap import examples
from gia_roadmap.calendar import (
    Anchor,
    ExamSchedule,
    ExamStage,
    RussianCalendar,
    bundled_school_years,
    exam_events,
)
from gia_roadmap.io.export_ics import calendar_entries, to_ics, write_ics
from gia_roadmap.plan import Roadmap
from gia_roadmap.testing import PlanBuilder

STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
CALENDAR = RussianCalendar()


def _events(plan: Roadmap) -> Any:
    year = plan.school_year.start_year if plan.school_year is not None else None
    if year is None or year not in bundled_school_years():
        return None
    return exam_events(ExamSchedule.bundled(year), CALENDAR)


def _icalendar(text: str | bytes) -> list[Any]:
    calendar: Any = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("name", examples.names())
def test_every_example_parses_in_two_parsers_with_one_day_entries(name: str) -> None:
    plan = examples.load(name)
    events = _events(plan)
    text = to_ics(plan, CALENDAR, events, stamp=STAMP)
    entries = calendar_entries(plan, CALENDAR, events)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    first = _icalendar(text)
    second = IcsCalendarStream.calendar_from_ics(text).events
    assert len(first) == len(second) == len(entries) > 0
    assert len({str(e["UID"]) for e in first}) == len(first)
    for a, b, entry in zip(first, second, entries, strict=True):
        assert a["DTSTART"].dt == b.dtstart == entry.due
        assert a["DTEND"].dt == b.dtend == entry.due + dt.timedelta(days=1)  # one day, DTEND exclusive
        assert str(a["SUMMARY"]) == b.summary
        assert b.summary.startswith(f"п. {entry.row.number.strip()}" if entry.row.number.strip() else "")
        assert str(a["DESCRIPTION"]) == b.description
        assert entry.row.term_raw.split()[0] in b.description if entry.row.term_raw.split() else True


@pytest.mark.parametrize("name", examples.names())
def test_entries_are_on_due_dates_of_resolved_windows(name: str) -> None:
    plan = examples.load(name)
    events = _events(plan)
    for entry in calendar_entries(plan, CALENDAR, events):
        window = entry.window
        assert window.start <= entry.due <= window.end
        assert entry.due == (window.start if window.open_end and not window.open_start else window.end)
        assert entry.row.status != "continuous"


def test_by_date_term_is_one_entry_on_its_due_day_with_the_window_described() -> None:
    builder = PlanBuilder("demo", school_year=2025)
    plan = builder.measure("4.1", "Отчёт", term="не позднее 1 марта 2026").build()
    (event,) = _icalendar(to_ics(plan, stamp=STAMP))
    assert event["DTSTART"].dt == dt.date(2026, 3, 1)
    assert event["DTEND"].dt == dt.date(2026, 3, 2)
    description = str(event["DESCRIPTION"])
    assert "не позднее 01.03.2026 (с 01.09.2025)" in description
    assert "Мероприятие № 4.1" in description
    assert str(event["SUMMARY"]) == "п. 4.1 Отчёт"


def test_month_range_and_month_list_give_one_entry_per_due_date() -> None:
    plan = (
        PlanBuilder("demo", school_year=2023)
        .measure("1", "Анализ", term="август – сентябрь 2023 года", responsible="УО")
        .measure("2", "Мониторинг", term="ноябрь 2023 года, март 2024 года")
        .build()
    )
    entries = calendar_entries(plan)
    assert [(e.row.number, e.due) for e in entries] == [
        ("1", dt.date(2023, 9, 30)),
        ("2", dt.date(2023, 11, 30)),
        ("2", dt.date(2024, 3, 31)),
    ]
    (first, *_) = _icalendar(to_ics(plan, stamp=STAMP))
    assert "с 01.08.2023 по 30.09.2023" in str(first["DESCRIPTION"])
    assert "Ответственные: УО" in str(first["DESCRIPTION"])


def test_exam_relative_term_gets_one_entry_per_main_period_exam_day() -> None:
    events = exam_events(ExamSchedule.bundled(2024), CALENDAR)
    plan = (
        PlanBuilder("demo", school_year=2024)
        .measure("2.1", "Проверка ППЭ", term="не позднее чем за 1 рабочий день до дня проведения экзамена")
        .build()
    )
    entries = calendar_entries(plan, CALENDAR, events)
    exam_days = events.of(Anchor.EXAM_DAY)
    main = {e.start for e in exam_days if e.stage is ExamStage.MAIN and not e.reserve}
    other = {e.start for e in exam_days} - main
    # the oracle: the working day before each main-period exam day, each once
    assert {e.due for e in entries} == {CALENDAR.add_working_days(day, -1) for day in main}
    assert len(entries) == len({CALENDAR.add_working_days(day, -1) for day in main})
    for entry in entries:
        assert entry.label  # the exam and its subjects
        assert any(kind in entry.label for kind in ("ЕГЭ", "ОГЭ", "ГВЭ"))
        assert 0 < len(entry.other_days) <= len(other)
        assert entry.window.open_start
    text = to_ics(plan, CALENDAR, events, stamp=STAMP)
    described = str(_icalendar(text)[0]["DESCRIPTION"])
    assert "Другие дни" in described
    assert "(резерв)" in described


def test_relative_entry_is_labelled_with_exam_and_subjects() -> None:
    events = exam_events(ExamSchedule.bundled(2024), CALENDAR)
    builder = PlanBuilder("demo", school_year=2024)
    plan = builder.measure("1", "Выдача ЭМ", term="в день проведения экзамена").build()
    entries = calendar_entries(plan, CALENDAR, events)
    by_day = {e.due: e for e in entries}
    for event in events.of(Anchor.EXAM_DAY):
        if event.stage is ExamStage.MAIN and not event.reserve:
            label = by_day[event.start].label
            assert f"{event.exam.short} {event.start:%d.%m.%Y}" in label
            assert all(subject.value in label for subject in event.subjects)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ежемесячно до 25 числа", 12),
        ("ежемесячно", 12),
        ("еженедельно", 52),
        ("по вторникам и четвергам", 104),
        ("еженедельно по пятницам", 52),
    ],
)
def test_recurring_terms_become_rrules_that_expand_to_the_due_dates(text: str, count: int) -> None:
    plan = PlanBuilder("demo", school_year=2025).measure("1", "Мониторинг", term=text).build()
    entries = calendar_entries(plan)
    rule_entries = [e for e in entries if e.rrule]
    assert len(rule_entries) == 1
    (measure,) = plan.measures
    windows = measure.term.resolve(school_year=plan.school_year).windows
    wanted = sorted(w.end for w in windows)
    # expanded independently by dateutil and by the second parser
    rule = rule_entries[0]
    start = dt.datetime.combine(rule.due, dt.time())
    expanded = [d.date() for d in rrule.rrulestr(rule.rrule, dtstart=start)]
    singles = [e.due for e in entries if not e.rrule]
    assert sorted(expanded + singles) == wanted
    assert len(expanded) >= count - 1
    timeline = IcsCalendarStream.calendar_from_ics(to_ics(plan, stamp=STAMP)).timeline
    assert sorted(event.dtstart for event in timeline if event.dtstart is not None) == wanted


def test_continuous_and_unresolved_measures_have_no_entry() -> None:
    plan = (
        PlanBuilder("demo", school_year=2025)
        .measure("1", "Консультирование", term="постоянно")
        .measure("2", "По графику", term="по графику ФЦТ")
        .measure("3", "Отчёт", term="до 10.10.2025")
        .build()
    )
    assert [e.row.number for e in calendar_entries(plan)] == ["3"]


def test_yurga_has_a_few_one_day_entries_per_measure(tmp_path: Path) -> None:
    plan = examples.load("yurga-2024")
    events = exam_events(ExamSchedule.bundled(2023), CALENDAR)
    entries = calendar_entries(plan, CALENDAR, events)
    per_measure = Counter(e.row.id for e in entries)

    def main(anchor: Anchor) -> int:
        return len(
            {(e.exam, e.start) for e in events.of(anchor) if e.stage is ExamStage.MAIN and not e.reserve}
        )

    # a relative term: at most one entry per main-period event (exam day, or appeal day derived from one)
    # of each exam kind; anything else a handful
    most = max(main(anchor) for anchor in Anchor)
    for entry in entries:
        limit = most if entry.row.term_kind in ("relative", "compound", "sequence") else 6
        assert per_measure[entry.row.id] <= limit, entry.row.number
    relative = [e for e in entries if e.row.term_kind == "relative"]
    assert max(Counter(e.row.id for e in relative).values()) <= most
    assert len(entries) < 700  # the first wave's export wrote 1,113 events, 43 for one relative measure
    write_ics(plan, tmp_path / "yurga.ics", CALENDAR, events, stamp=STAMP)
    assert len(_icalendar((tmp_path / "yurga.ics").read_bytes())) == len(entries)
