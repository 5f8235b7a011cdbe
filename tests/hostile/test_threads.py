"""Thread safety (issue 19, point 6): the calendar (scalar and batch, on a calendar fresh enough that its
lazily built tables do not exist yet), ``parse_term``, ``check()`` and ``loads`` give, from 16 threads at
once with a tiny switch interval, exactly what they give in one thread.

``check()`` changes nothing process-wide (it no longer switches the garbage collector); the test compares
results only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from gia_roadmap import examples, io
from gia_roadmap.calendar import ExamSchedule, RussianCalendar, exam_events, parse_term
from gia_roadmap.plan import check

np = pytest.importorskip("numpy")

THREADS = 16


@contextlib.contextmanager
def _tiny_switch_interval() -> Iterator[None]:
    saved = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(saved)


def _fresh_calendar() -> RussianCalendar:
    """A calendar of its own tables (overrides make a new index, with no numpy arrays built yet)."""
    return RussianCalendar().with_overrides(days_off={dt.date(2024, 5, 13): "день города"})


def _tasks() -> dict[str, Callable[[], Any]]:
    calendar = _fresh_calendar()
    days = np.arange(np.datetime64("2023-09-01"), np.datetime64("2024-09-01"))
    steps = (np.arange(days.size) % 41) - 20
    plans = [examples.load(name) for name in ("yurga-2024", "kogalym-2022", "smolensk-gia-2023")]
    texts = sorted({getattr(m.term, "raw", "") for plan in plans for m in plan.measures} - {""})
    events = exam_events(ExamSchedule.bundled(2023), RussianCalendar())
    document = io.dumps(plans[1])
    return {
        "is_working_day_batch": lambda: calendar.is_working_day_batch(days).tolist(),
        "add_working_days_batch": lambda: calendar.add_working_days_batch(days, steps).tolist(),
        "working_days_between_batch": lambda: calendar.working_days_between_batch(
            days[:-1], days[1:]
        ).tolist(),
        "scalar": lambda: [calendar.add_working_days(d, 3) for d in days.astype(dt.date).tolist()],
        "parse_term": lambda: [parse_term(t, school_year=2023) for t in texts],
        "check": lambda: [tuple(check(p, calendar=RussianCalendar(), events=events)) for p in plans],
        "loads": lambda: io.loads(document),
    }


def _run_all(tasks: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    return {name: task() for name, task in tasks.items()}


def test_sixteen_threads_agree_with_one_thread() -> None:
    expected = _run_all(_tasks())
    tasks = _tasks()  # a fresh calendar again: its tables are built by the threads, concurrently
    start = threading.Barrier(THREADS)
    results: list[dict[str, Any] | BaseException] = [RuntimeError("not run")] * THREADS

    def work(slot: int) -> None:
        try:
            start.wait()
            names = list(tasks)
            order = names[slot % len(names) :] + names[: slot % len(names)]  # each thread its own order
            results[slot] = {name: tasks[name]() for name in order}
        except BaseException as error:  # reported below, with its thread
            results[slot] = error

    with _tiny_switch_interval():
        threads = [threading.Thread(target=work, args=(slot,)) for slot in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    assert not any(thread.is_alive() for thread in threads)
    for slot, result in enumerate(results):
        assert not isinstance(result, BaseException), f"thread {slot}: {result!r}"
        for name, value in expected.items():
            assert result[name] == value, f"thread {slot}: {name} differs from the single-threaded run"


def test_fresh_calendar_batch_from_sixteen_threads() -> None:
    """The original failure: ``KeyError('working')`` from a half-filled table of a fresh calendar."""
    days = np.arange(np.datetime64("2024-01-01"), np.datetime64("2025-01-01"))
    for _ in range(20):
        _race_once(_fresh_calendar(), days)


def _race_once(calendar: RussianCalendar, days: Any) -> None:
    expected = [calendar.is_working_day(d) for d in days.astype(dt.date).tolist()]
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []
    seen: list[list[bool]] = []

    def work() -> None:
        try:
            start.wait()
            seen.append(calendar.is_working_day_batch(days).tolist())
        except BaseException as error:
            failures.append(error)

    with _tiny_switch_interval():
        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not failures, failures[0]
    assert seen == [expected] * THREADS
