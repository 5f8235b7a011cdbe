"""Working-day arithmetic: gia_roadmap vs workalendar, python-holidays and numpy, side by side.

Run: ``python benchmarks/bench_calendar.py`` (needs the ``bench`` or ``dev`` extra). Every peer
answers the same questions over the same random dates in one run; the table prints the time per
operation and the ratio peer / ours (higher means ours is faster).

Peers, each as a user would use it:

* workalendar ``Russia`` (its own ``is_working_day`` / ``add_working_days`` / ``get_working_days_delta``);
* python-holidays ``holidays.Russia`` (a date-set membership test plus a weekday check; arithmetic is a
  day-by-day loop, because the library has none);
* numpy ``is_busday`` / ``busday_offset`` / ``busday_count`` with a ``busdaycalendar`` holding the same
  days off as ours (numpy cannot express working Saturdays, so its answers differ on those days).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import timeit
from collections.abc import Callable, Sequence

import holidays
import numpy as np
from workalendar.europe import Russia

from gia_roadmap.calendar import RussianCalendar

ONE = dt.timedelta(days=1)
FIRST, LAST = dt.date(2014, 1, 1), dt.date(2025, 12, 31)


def _dates(count: int, seed: int) -> list[dt.date]:
    rng = random.Random(seed)
    span = (LAST - FIRST).days - 400
    return [FIRST + dt.timedelta(days=200 + rng.randrange(span)) for _ in range(count)]


def _per_op(function: Callable[[], object], operations: int, repeat: int = 5) -> float:
    """Best-of-``repeat`` seconds per operation."""
    runs = timeit.repeat(function, number=1, repeat=repeat)
    return min(runs) / operations


def main() -> None:
    ours = RussianCalendar()
    wa = Russia()
    ru = holidays.country_holidays("RU", years=range(FIRST.year - 1, LAST.year + 2))
    off_days = [
        d for d in (FIRST + ONE * i for i in range((LAST - FIRST).days + 1)) if not ours.is_working_day(d)
    ]
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=[d for d in off_days if d.weekday() < 5])

    def holidays_is_working(day: dt.date) -> bool:
        return day.weekday() < 5 and day not in ru

    def holidays_add(day: dt.date, n: int) -> dt.date:
        step = ONE if n > 0 else -ONE
        remaining = abs(n)
        while remaining:
            day += step
            remaining -= holidays_is_working(day)
        return day

    def holidays_between(start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day < end:
            count += holidays_is_working(day)
            day += ONE
        return count

    days = _dates(2000, seed=1)
    spans = [(d, d + dt.timedelta(days=random.Random(i).randrange(1, 120))) for i, d in enumerate(days)]
    for d in [*days[:50], dt.date(2025, 6, 16)]:  # warm workalendar's and holidays' caches
        wa.is_working_day(d)
        holidays_is_working(d)

    rows: list[tuple[str, dict[str, float]]] = []
    few = 300  # the slow peers answer a subset; times are per operation either way

    def scalar(name: str, calls: dict[str, tuple[Callable[[], object], int]]) -> None:
        rows.append(
            (name, {who: _per_op(call, ops, 5 if who == "ours" else 3) for who, (call, ops) in calls.items()})
        )

    def is_working_ours() -> object:
        return [ours.is_working_day(d) for d in days]

    scalar(
        "is_working_day (scalar)",
        {
            "ours": (is_working_ours, len(days)),
            "workalendar": (lambda: [wa.is_working_day(d) for d in days], len(days)),
            "python-holidays": (lambda: [holidays_is_working(d) for d in days], len(days)),
        },
    )
    for n in (10, -10):

        def add_ours(n: int = n) -> object:
            return [ours.add_working_days(d, n) for d in days]

        def add_wa(n: int = n) -> object:
            return [wa.add_working_days(d, n) for d in days[:few]]

        def add_holidays(n: int = n) -> object:
            return [holidays_add(d, n) for d in days[:few]]

        scalar(
            f"add_working_days(d, {n}) (scalar)",
            {
                "ours": (add_ours, len(days)),
                "workalendar": (add_wa, few),
                "python-holidays": (add_holidays, few),
            },
        )
    scalar(
        "working_days_between(a, b), b - a up to 120 days (scalar)",
        {
            "ours": (lambda: [ours.working_days_between(a, b) for a, b in spans], len(spans)),
            "workalendar": (lambda: [wa.get_working_days_delta(a, b) for a, b in spans[:few]], few),
            "python-holidays": (lambda: [holidays_between(a, b) for a, b in spans[:few]], few),
        },
    )

    big = np.array(_dates(200_000, seed=2), dtype="datetime64[D]")
    ends = big + np.random.default_rng(3).integers(1, 120, size=big.size).astype("timedelta64[D]")
    batch: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "is_working_day (batch of 200k)",
            lambda: ours.is_working_day_batch(big),
            lambda: np.is_busday(big, busdaycal=busdaycal),
        ),
        (
            "add_working_days(d, 10) (batch of 200k)",
            lambda: ours.add_working_days_batch(big, 10),
            lambda: np.busday_offset(big, 10, roll="backward", busdaycal=busdaycal),
        ),
        (
            "working_days_between (batch of 200k)",
            lambda: ours.working_days_between_batch(big, ends),
            lambda: np.busday_count(big, ends, busdaycal=busdaycal),
        ),
    ]
    for name, mine, theirs in batch:
        rows.append((name, {"ours": _per_op(mine, big.size), "numpy": _per_op(theirs, big.size)}))

    _print(rows)
    _regional(days, spans, big, ends)


def _regional(days: list[dt.date], spans: list[tuple[dt.date, dt.date]], big: object, ends: object) -> None:
    """A regional calendar answers from the same kind of arrays: its times should equal the federal one's."""
    federal = RussianCalendar()
    regional = RussianCalendar(region="RU-BA", rules_only=True)  # official 2019-2026, estimates elsewhere
    calls: list[tuple[str, Callable[[RussianCalendar], object], int]] = [
        ("is_working_day (scalar)", lambda c: [c.is_working_day(d) for d in days], len(days)),
        ("add_working_days(d, 10) (scalar)", lambda c: [c.add_working_days(d, 10) for d in days], len(days)),
        (
            "working_days_between (scalar)",
            lambda c: [c.working_days_between(a, b) for a, b in spans],
            len(spans),
        ),
        ("add_working_days(d, 10) (batch of 200k)", lambda c: c.add_working_days_batch(big, 10), 200_000),
    ]
    print("\nregional calendar (region='RU-BA') vs the federal one, same dates")
    for name, call, ops in calls:
        mine = _per_op(functools.partial(call, federal), ops)
        theirs = _per_op(functools.partial(call, regional), ops)
        print(
            f"{name:<58} federal {mine * 1e9:>6.0f} ns   RU-BA {theirs * 1e9:>6.0f} ns   "
            f"ratio {theirs / mine:.2f}"
        )


def _print(rows: Sequence[tuple[str, dict[str, float]]]) -> None:
    peers = ("workalendar", "python-holidays", "numpy")
    header = f"{'operation':<58} {'ours':>10} " + " ".join(f"{p:>24}" for p in peers)
    print(header)
    print("-" * len(header))
    for name, timings in rows:
        mine = timings["ours"]
        cells = []
        for peer in peers:
            if peer in timings:
                cells.append(f"{timings[peer] * 1e9:>10.0f} ns {timings[peer] / mine:>8.1f}x")
            else:
                cells.append(f"{'':>24}")
        print(f"{name:<58} {mine * 1e9:>7.0f} ns " + " ".join(cells))
    print("\nratio = peer time / our time (targets: scalar >= 40x workalendar, >= 25x python-holidays;")
    print("batch: numpy / ours >= 0.5, i.e. within 2x of numpy)")


if __name__ == "__main__":
    main()
