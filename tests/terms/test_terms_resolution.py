"""Resolution of terms to date windows: relative terms against exam days, counting defaults."""

from __future__ import annotations

import datetime as dt

import pytest

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schoolyear import DateWindow, SchoolYear
from gia_roadmap.calendar.terms import ResolutionStatus, ResolveOptions, WorkingDayCalendar
from gia_roadmap.errors import CalendarCoverageError

SY = SchoolYear(2024)
EXAM = dt.date(2025, 6, 16)  # Monday; 12.06 holiday, 13.06 transferred day off


class FakeCalendar:
    """Weekends plus a holiday set (enough for the relative-term arithmetic)."""

    def __init__(self, holidays: set[dt.date]) -> None:
        self.holidays = holidays

    def is_working_day(self, day: dt.date, /) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, day: dt.date, n: int, /) -> dt.date:
        step = 1 if n > 0 else -1
        while n:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                n -= step
        return day

    def next_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        if include_self and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: dt.date, /, *, include_self: bool = False) -> dt.date:
        if include_self and self.is_working_day(day):
            return day
        return self.add_working_days(day, -1)

    def working_days_between(self, start: dt.date, end: dt.date, /) -> int:
        return sum(self.is_working_day(start + dt.timedelta(days=k)) for k in range((end - start).days))


FAKE = FakeCalendar({dt.date(2025, 6, 12), dt.date(2025, 6, 13)})
EVENTS = {Anchor.EXAM_DAY: (EXAM,)}


def _one(text: str, events: dict[Anchor, tuple[dt.date, ...]] | None = None, **kw: object) -> DateWindow:
    term = parse_term(text, school_year=SY)
    resolution = term.resolve(FAKE, events or EVENTS, school_year=SY, **kw)  # type: ignore[arg-type]
    assert resolution.status is ResolutionStatus.RESOLVED, resolution.reason
    (window,) = resolution.windows
    return window


def test_fake_calendar_satisfies_protocol() -> None:
    assert isinstance(FAKE, WorkingDayCalendar)


def test_latest_working_day_before_exam_skips_holidays() -> None:
    window = _one("не позднее чем за 1 рабочий день до дня проведения экзамена")
    assert window.end == dt.date(2025, 6, 11)
    assert window.open_start
    assert window.label == "2025-06-16"


def test_calendar_day_offsets() -> None:
    assert _one("не позднее чем за 1 календарный день до дня проведения экзамена").end == dt.date(2025, 6, 15)
    exact = _one("за 3 календарных деня до дня проведения экзамена")
    assert (exact.start, exact.end) == (dt.date(2025, 6, 13), dt.date(2025, 6, 13))
    latest = _one(
        "за 3 календарных дня до дня проведения экзамена", options=ResolveOptions(bare_offset_is_latest=True)
    )
    assert latest.end == dt.date(2025, 6, 13)
    assert latest.open_start


def test_on_eve_and_until() -> None:
    assert _one("в день проведения экзамена") == DateWindow.day(EXAM, label="2025-06-16")
    assert _one("накануне экзаменов").end == dt.date(2025, 6, 15)
    assert _one("накануне экзаменов", options=ResolveOptions(eve_is_working_day=True)).end == dt.date(
        2025, 6, 11
    )
    until = _one("до начала работы АК", {Anchor.AK_WORK_START: (EXAM,)})
    assert until.end == dt.date(2025, 6, 15)
    assert until.open_start


def test_within_days_counts_from_the_next_day() -> None:
    decision = dt.date(2025, 6, 10)
    window = _one("в течение 2 дней со дня принятия решения", {Anchor.ADMISSION_DECISION: (decision,)})
    assert (window.start, window.end) == (dt.date(2025, 6, 11), dt.date(2025, 6, 12))
    working = _one(
        "в течение 2 рабочих дней со дня принятия решения", {Anchor.ADMISSION_DECISION: (decision,)}
    )
    assert working.end == dt.date(2025, 6, 16)
    same_day = _one(
        "в течение 2 дней со дня принятия решения",
        {Anchor.ADMISSION_DECISION: (decision,)},
        options=ResolveOptions(count_from_next_day=False),
    )
    assert (same_day.start, same_day.end) == (decision, dt.date(2025, 6, 11))


def test_latest_after() -> None:
    approval = dt.date(2025, 6, 20)
    window = _one(
        "не позднее 2 календарных дней после утверждения результатов председателем ГЭК",
        {Anchor.GEK_RESULTS_APPROVAL: (approval,)},
    )
    assert window.end == dt.date(2025, 6, 22)
    ak = _one(
        "не позднее 2 календарных дней с момента принятия решения АК", {Anchor.AK_DECISION: (approval,)}
    )
    assert ak.end == dt.date(2025, 6, 22)


def test_month_offset() -> None:
    window = _one("за 1 месяц до начала экзамена", {Anchor.EXAM_START: (dt.date(2024, 3, 31),)})
    assert window.start == dt.date(2024, 2, 29)


def test_one_window_per_event_date() -> None:
    term = parse_term("в день проведения экзамена")
    days = (dt.date(2025, 5, 26), dt.date(2025, 5, 29), EXAM)
    resolution = term.resolve(FAKE, {Anchor.EXAM_DAY: days})
    assert [w.start for w in resolution] == list(days)


def test_no_event_dates_is_not_an_error() -> None:
    resolution = parse_term("в день проведения экзамена").resolve(FAKE, {})
    assert resolution.windows == ()
    assert resolution.status is ResolutionStatus.NO_EVENT_DATES
    assert "exam_day" in resolution.reason


def test_working_days_need_a_calendar() -> None:
    term = parse_term("не позднее чем за 1 рабочий день до дня проведения экзамена")
    assert term.resolve(None, EVENTS).status is ResolutionStatus.NEEDS_CALENDAR


def test_by_date_inclusive_default_and_exclusive_option() -> None:
    term = parse_term("до 01.11.2023")
    assert term.resolve().windows[0].end == dt.date(2023, 11, 1)
    exclusive = term.resolve(options=ResolveOptions(by_inclusive=False))
    assert exclusive.windows[0].end == dt.date(2023, 10, 31)
    month = parse_term("до декабря 2022")
    assert month.resolve().windows[0].end == dt.date(2022, 12, 31)
    assert month.resolve(options=ResolveOptions(by_inclusive=False)).windows[0].end == dt.date(2022, 11, 30)


def test_unknown_and_continuous() -> None:
    sy = SchoolYear(2023)
    external = parse_term("по графику ФЦТ").resolve(school_year=sy)
    assert external.status is ResolutionStatus.UNKNOWN
    assert external.windows == ()
    assert "ФЦТ" in external.reason
    as_period = parse_term("по графику ФЦТ").resolve(
        school_year=sy, options=ResolveOptions(unknown_as_period=True)
    )
    assert as_period.windows == (sy.window,)
    continuous = parse_term("постоянно").resolve(school_year=sy)
    assert continuous.status is ResolutionStatus.CONTINUOUS
    plan = DateWindow(dt.date(2023, 7, 1), dt.date(2024, 10, 31))
    assert parse_term("Весь период").resolve(school_year=sy, plan_period=plan).windows == (plan,)


def test_exam_period_from_events() -> None:
    main = DateWindow(dt.date(2024, 5, 23), dt.date(2024, 7, 1))
    term = parse_term("в период проведения ГИА")
    assert term.resolve(events={Anchor.EXAM_PERIOD: (main,)}).windows[0].start == main.start
    assert term.resolve().status is ResolutionStatus.NO_EVENT_DATES


def test_recurring_monthly() -> None:
    term = parse_term("до 25 числа каждого месяца")
    windows = term.resolve(school_year=SchoolYear(2023)).windows
    assert len(windows) == 12
    assert windows[0] == DateWindow(dt.date(2023, 9, 1), dt.date(2023, 9, 25))


@pytest.fixture(scope="module")
def russian() -> WorkingDayCalendar:
    production = pytest.importorskip("gia_roadmap.calendar.production")
    calendar: WorkingDayCalendar = production.RussianCalendar()
    return calendar


def test_real_calendar_day_before_exam(russian: WorkingDayCalendar) -> None:
    term = parse_term("не позднее чем за 1 рабочий день до дня проведения экзамена")
    try:
        resolution = term.resolve(russian, EVENTS)
    except CalendarCoverageError:  # pragma: no cover - data for 2025 not bundled
        pytest.skip("2025 not covered")
    assert resolution.windows[0].end == dt.date(2025, 6, 11)


def test_real_calendar_within_working_days(russian: WorkingDayCalendar) -> None:
    term = parse_term("в течение 2 рабочих дней со дня принятия решения")
    resolution = term.resolve(russian, {Anchor.ADMISSION_DECISION: (dt.date(2025, 6, 10),)})
    assert resolution.windows[0].end == dt.date(2025, 6, 16)


def test_outside_calendar_is_reported() -> None:
    production = pytest.importorskip("gia_roadmap.calendar.production")
    term = parse_term("не позднее чем за 1 рабочий день до дня проведения экзамена")
    resolution = term.resolve(production.RussianCalendar(), {Anchor.EXAM_DAY: (dt.date(1990, 6, 1),)})
    assert resolution.status is ResolutionStatus.OUTSIDE_CALENDAR


@pytest.mark.parametrize(
    "text",
    [
        "за 800000 календарных дней до дня проведения экзамена",
        "за 25000 месяцев до дня проведения экзамена",
        "через 999999999 недель после дня проведения экзамена",
        "не позднее 3000000 календарных дней после утверждения результатов председателем ГЭК",
    ],
)
def test_huge_offsets_resolve_outside_the_calendar(text: str) -> None:
    events = {
        Anchor.EXAM_DAY: (dt.date(2025, 6, 16),),
        Anchor.GEK_RESULTS_APPROVAL: (dt.date(2025, 6, 20),),
    }
    resolution = parse_term(text).resolve(RussianCalendar(), events)
    assert resolution.status is ResolutionStatus.OUTSIDE_CALENDAR
    assert "leaves the years a calendar can hold" in resolution.reason
    assert resolution.windows == ()
