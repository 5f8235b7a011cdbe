"""roll_forward (#18 part 4): next year's plan by the calendar and the exam schedule, not by +365 days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import examples, io
from gia_roadmap.calendar import Anchor, RussianCalendar, SchoolYear, exam_events_for
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import Roadmap, RoadmapBuilder, RollReason, StatusKind, roll_forward

CALENDAR = RussianCalendar()
OLD, NEW = SchoolYear(2023), SchoolYear(2024)
OLD_EVENTS = exam_events_for(OLD, CALENDAR)
NEW_EVENTS = exam_events_for(NEW, CALENDAR)
_EVENT_DAYS = {
    e.start
    for anchor in (Anchor.EXAM_DAY, Anchor.ESSAY_DAY, Anchor.INTERVIEW_DAY)
    for e in OLD_EVENTS.of(anchor)
}


def _one(term: str, title: str = "Мероприятие", **options: object) -> Roadmap:
    return RoadmapBuilder("mo-2024", school_year=OLD).measure("1", title, term, "УО", **options).build()  # type: ignore[arg-type]


def _day_of(plan: Roadmap) -> dt.date:
    resolution = plan.measures[0].term.resolve(CALENDAR, school_year=plan.school_year)
    (window,) = resolution.windows
    return window.end


def test_the_essay_day_moves_to_the_essay_day_of_the_new_year() -> None:
    rolled = roll_forward(_one("06.12.2023", "Проведение итогового сочинения (изложения)"))
    assert _day_of(rolled.roadmap) == dt.date(2024, 12, 4)
    (change,) = rolled.of(RollReason.EVENT)
    assert change.after == "04.12.2024"


@pytest.mark.parametrize("anchor", [Anchor.ESSAY_DAY, Anchor.INTERVIEW_DAY])
def test_every_admission_day_moves_to_its_counterpart(anchor: Anchor) -> None:
    old = sorted({e.start for e in OLD_EVENTS.of(anchor)})
    new = sorted({e.start for e in NEW_EVENTS.of(anchor)})
    title = "Итоговое сочинение" if anchor is Anchor.ESSAY_DAY else "Итоговое собеседование по русскому языку"
    for before, after in zip(old, new, strict=False):
        assert _day_of(roll_forward(_one(f"{before:%d.%m.%Y}", title)).roadmap) == after


@settings(deadline=None, max_examples=40)
@given(day=st.dates(dt.date(2023, 9, 1), dt.date(2024, 8, 31)), opens=st.booleans())
def test_other_dates_move_a_year_to_the_working_day_that_keeps_the_deadline(
    day: dt.date, opens: bool
) -> None:
    if day in _EVENT_DAYS:
        return
    text = f"не ранее {day:%d.%m.%Y}" if opens else f"до {day:%d.%m.%Y}"
    rolled = roll_forward(_one(text))
    try:
        shifted = day.replace(year=day.year + 1)
    except ValueError:
        shifted = day.replace(year=day.year + 1, day=28)
    if opens:
        expected = CALENDAR.next_working_day(shifted, include_self=True)
        got = rolled.roadmap.measures[0].term.resolve(CALENDAR, school_year=NEW).windows[0].start
    else:
        expected = CALENDAR.previous_working_day(shifted, include_self=True)
        got = _day_of(rolled.roadmap)
    assert got == expected
    reasons = {c.reason for c in rolled.changes if c.field == "term"}
    assert reasons == ({RollReason.YEAR_OFFSET} if expected == shifted else {RollReason.WORKING_DAY})


@settings(deadline=None, max_examples=25)
@given(offset=st.integers(1, 15), anchor=st.sampled_from(["итогового сочинения", "итогового собеседования"]))
def test_relative_terms_keep_their_working_day_offsets_from_their_anchors(offset: int, anchor: str) -> None:
    text = f"не позднее чем за {offset} рабочих дня до дня проведения {anchor}"
    plan = _one(text)
    rolled = roll_forward(plan).roadmap
    assert rolled.measures[0].term == plan.measures[0].term
    key = Anchor.ESSAY_DAY if "сочинения" in anchor else Anchor.INTERVIEW_DAY
    for roadmap, events in ((plan, OLD_EVENTS), (rolled, NEW_EVENTS)):
        resolution = roadmap.measures[0].term.resolve(CALENDAR, events, school_year=roadmap.school_year)
        days = sorted({e.start for e in events.of(key)})
        dues = sorted(w.end for w in resolution.windows)
        assert [CALENDAR.working_days_between(due, day) for due, day in zip(dues, days, strict=True)] == [
            offset
        ] * len(days)


def test_years_in_titles_ids_and_headings_move_and_are_reported() -> None:
    plan = (
        RoadmapBuilder("gia-2024", title="Дорожная карта ГИА-2024 на 2023/24 учебный год", school_year=OLD)
        .section("1. Анализ ГИА-2023")
        .measure("1", "Анализ результатов 2023-2024 учебного года", "май 2024", "УО", done="2024-05-20")
        .build()
    )
    rolled = roll_forward(plan)
    new = rolled.roadmap
    assert (new.id, new.title) == ("gia-2025", "Дорожная карта ГИА-2025 на 2024/25 учебный год")
    assert new.sections[0].heading == "1. Анализ ГИА-2024"
    assert new.measures[0].title == "Анализ результатов 2024-2025 учебного года"
    assert new.measures[0].status.kind is StatusKind.PLANNED
    assert new.school_year == NEW
    assert {c.field for c in rolled.of(RollReason.YEAR_IN_TEXT)} == {"id", "title", "heading"}
    assert rolled.of(RollReason.STATUS_RESET)
    assert "Было" in rolled.to_records()[0]
    assert "<table>" in rolled.to_html()


@pytest.mark.parametrize("name", ["yurga-2024", "altai-2024"])
def test_bundled_examples_roll_forward_and_round_trip(name: str) -> None:
    plan = examples.load(name)
    rolled = roll_forward(plan)
    new = rolled.roadmap
    assert len(new.measures) == len(plan.measures)
    assert new.school_year == SchoolYear(plan.school_year.start_year + 1)  # type: ignore[union-attr]
    assert io.loads(io.dumps(new)) == new
    assert rolled.of(RollReason.YEAR_OFFSET)


def test_a_plan_without_a_school_year_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="names no school year"):
        roll_forward(Roadmap("x"))
    with pytest.raises(InvalidValueError, match="must come after"):
        roll_forward(_one("до 01.10.2023"), 2022)
