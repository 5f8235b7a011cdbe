"""Schedule views and the execution report (#18 parts 3 and 8): rules checked against an oracle that
reads the generated dates directly, never through the library's resolution."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.plan import (
    DueState,
    ExecutionState,
    Roadmap,
    RoadmapBuilder,
    StatusKind,
    execution_report,
    mark,
    plan_schedule,
)

CALENDAR = RussianCalendar()
YEAR_START = dt.date(2025, 9, 1)
YEAR_END = dt.date(2026, 8, 31)

# One measure: its due day, its status (kind, day) and the parties.
_day = st.dates(YEAR_START, YEAR_END)
_status = st.one_of(
    st.just((StatusKind.PLANNED, None)),
    st.tuples(st.just(StatusKind.DONE), _day),
    st.tuples(st.just(StatusKind.CANCELLED), _day),
)
_measures = st.lists(
    st.tuples(_day, _status, st.sampled_from(["УО", "ИМЦ", "УО, ИМЦ"])), min_size=1, max_size=12
)


def _plan(
    items: list[tuple[dt.date, tuple[StatusKind, dt.date | None], str]], after: bool = False
) -> Roadmap:
    builder = RoadmapBuilder(
        "mo-2026",
        school_year="2025/26",
        parties={"УО": "Управление образования", "ИМЦ": "методический центр"},
    ).section("1. Организация")
    for position, (due, (kind, day), who) in enumerate(items, start=1):
        extra: dict[str, object] = {}
        if kind is StatusKind.DONE:
            extra["done"] = day
        elif kind is StatusKind.CANCELLED:
            extra["cancelled"] = day
        if after and position > 1:
            extra["after"] = str(position - 1)
        builder.measure(str(position), f"Мероприятие {position}", f"до {due:%d.%m.%Y}", who, **extra)  # type: ignore[arg-type]
    return builder.build()


def _oracle(
    due: dt.date,
    kind: StatusKind,
    day: dt.date | None,
    on: dt.date,
    horizon: dt.date,
    predecessor_overdue: bool,
) -> ExecutionState:
    if day is not None and day > on:
        kind = StatusKind.PLANNED
    if kind is StatusKind.CANCELLED:
        return ExecutionState.CANCELLED
    if kind is StatusKind.DONE:
        return ExecutionState.DONE_LATE if day is not None and day > due else ExecutionState.DONE
    if due < on:
        return ExecutionState.OVERDUE
    if due <= horizon or predecessor_overdue:
        return ExecutionState.AT_RISK
    return ExecutionState.IN_PROGRESS  # «до DATE» opens at the school year's start


@settings(deadline=None, max_examples=60)
@given(items=_measures, on=_day, soon=st.integers(0, 15), chained=st.booleans())
def test_the_report_states_follow_the_rules(
    items: list[tuple[dt.date, tuple[StatusKind, dt.date | None], str]], on: dt.date, soon: int, chained: bool
) -> None:
    report = execution_report(_plan(items, chained), on, CALENDAR, soon=soon)
    horizon = CALENDAR.add_working_days(on, soon) if soon else on
    expected: list[ExecutionState] = []
    for position, (due, (kind, day), _) in enumerate(items):
        previous_overdue = chained and position > 0 and expected[-1] is ExecutionState.OVERDUE
        expected.append(_oracle(due, kind, day, on, horizon, previous_overdue))
    assert [row.state for row in report.rows] == expected
    assert sum(report.counts.values()) == len(items)
    for row, (due, _, _) in zip(report.rows, items, strict=True):
        assert row.row.due == due
        assert row.days_overdue == (
            (on - due).days if row.state is ExecutionState.OVERDUE else row.days_overdue
        )


@settings(deadline=None, max_examples=40)
@given(items=_measures, today=_day, a=_day, b=_day, ahead=st.integers(0, 10))
def test_the_schedule_answers_by_the_due_dates(
    items: list[tuple[dt.date, tuple[StatusKind, dt.date | None], str]],
    today: dt.date,
    a: dt.date,
    b: dt.date,
    ahead: int,
) -> None:
    start, end = min(a, b), max(a, b)
    view = plan_schedule(_plan(items), CALENDAR, today=today)
    dues = [due for due, _, _ in items]
    assert sorted(r.due for r in view.due_between(start, end)) == sorted(d for d in dues if start <= d <= end)  # type: ignore[type-var]
    open_kinds = [kind for _, (kind, _), _ in items]
    assert {r.id.number for r in view.overdue()} == {
        str(i + 1) for i, d in enumerate(dues) if d < today and open_kinds[i] is StatusKind.PLANNED
    }
    horizon = CALENDAR.add_working_days(today, ahead) if ahead else today
    assert {r.id.number for r in view.due_soon(working_days=ahead)} == {
        str(i + 1)
        for i, d in enumerate(dues)
        if today <= d <= horizon and open_kinds[i] is StatusKind.PLANNED
    }
    months = view.by_month()
    assert sum(len(rows) for rows in months.values()) == len(items)
    assert all((r.due.year, r.due.month) == key for key, rows in months.items() for r in rows if r.due)
    parties = view.by_responsible()
    assert set(parties) <= {"УО", "ИМЦ"}
    assert len(view.to_records()) == len(items)
    assert len(view.gantt_text().splitlines()) == len(items) + 1


def test_a_chain_of_dependencies_is_the_critical_path() -> None:
    plan = (
        RoadmapBuilder("chain", school_year="2025/26")
        .measure("1", "Приказ", "15.10.2025", "УО")
        .measure("2", "Обучение", "октябрь 2025", "УО", after="1")
        .measure("3", "Совещание", "ноябрь 2025", "УО")
        .build()
    )
    view = plan_schedule(plan, CALENDAR, today=dt.date(2025, 9, 15))
    assert [r.number for r in view.critical()] == ["1", "2"]
    assert [r.critical for r in view.rows] == [True, True, False]
    assert view.rows[1].slack == CALENDAR.working_days_between(dt.date(2025, 10, 15), dt.date(2025, 10, 31))
    assert "*1" in view.gantt_text()


def test_marking_round_trips_through_json_and_shows_in_the_report() -> None:
    plan = _plan([(dt.date(2025, 10, 1), (StatusKind.PLANNED, None), "УО")] * 2)
    plan = mark(
        plan, "2", done=dt.date(2025, 10, 3), evidence="приказ УО от 03.10.2025 № 345", reported_by="УО"
    )
    back = io.loads(io.dumps(plan))
    assert back == plan
    status = back.find("2")[0].measure.status
    assert (status.kind, status.evidence, status.reported_by) == (
        StatusKind.DONE,
        "приказ УО от 03.10.2025 № 345",
        "УО",
    )
    report = execution_report(back, dt.date(2025, 10, 10), CALENDAR)
    assert [r.state for r in report.rows] == [ExecutionState.OVERDUE, ExecutionState.DONE_LATE]
    assert report.rows[1].days_overdue == 2
    text = report.text()
    assert "Отчёт об исполнении" in text
    assert "просрочено 1" in text
    assert "приказ УО" in report.to_html()
    assert report.to_records("en")[1]["evidence"] == "приказ УО от 03.10.2025 № 345"


def test_wrong_arguments_are_typed_errors() -> None:
    plan = _plan([(dt.date(2025, 10, 1), (StatusKind.PLANNED, None), "УО")])
    with pytest.raises(InvalidValueError, match="no measure"):
        mark(plan, "9", done=dt.date(2025, 10, 1))
    with pytest.raises(InvalidValueError, match="exactly one"):
        mark(plan, "1")
    with pytest.raises(InvalidTypeError, match="on must be"):
        execution_report(plan, "2025-10-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="soon"):
        execution_report(plan, dt.date(2025, 10, 1), soon=-1)
    view = plan_schedule(plan, today=dt.date(2025, 10, 1))
    with pytest.raises(InvalidValueError):
        view.due_between(dt.date(2025, 10, 2), dt.date(2025, 10, 1))
    assert view.rows[0].state is DueState.DUE
