"""Scale of scheduling plus check(): synthetic plans of 1k, 10k and 100k measures, about three links each.

Run as ``python benchmarks/check_scale.py``; the last line reads
``100k: <seconds> s; growth 10k->100k: <ratio>x`` (targets: at most 3 s, at most 12x). Each size is
timed seven times, each time in a fresh Python process after a warm-up check of a 1k plan, the sizes
taking turns, and the median is reported (the time of one ``check()`` call: full scheduling and
every check).
``--detail`` first prints, per size, where the time goes: the shared context (graph, schedule,
suggestions) and each check, slowest first.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import subprocess
import sys
import time

from gia_roadmap.calendar import RussianCalendar, SchoolYear
from gia_roadmap.calendar.terms import Month, MonthRange, MonthRef
from gia_roadmap.plan import Dependency, Measure, MeasureNumber, MeasureRef, Order, Roadmap, Section
from gia_roadmap.plan.checks import CHECKS, CheckContext, check


def synthetic(size: int, seed: int = 7) -> Roadmap:
    """A plan of ``size`` measures in sections of 100, each depending on up to three earlier measures
    of its section, with month terms in the school year 2023/2024."""
    rng = random.Random(seed)
    sections = []
    per = 100
    for s in range(size // per):
        measures = []
        for i in range(per):
            month = 9 + (i * 12) // per
            ref = MonthRef.written(2023 + (month > 12), (month - 1) % 12 + 1)
            term = Month(ref) if i % 3 else MonthRange(ref, ref)
            deps = tuple(
                Dependency(MeasureRef((s,), str(j + 1)), lag_days=rng.randint(0, 3), working_days=True)
                for j in sorted(rng.sample(range(i), min(i, 3)))
            )
            measures.append(
                Measure(
                    number=MeasureNumber.parse(str(i + 1)),
                    ordinal=i,
                    title=f"Мероприятие {s}.{i} по подготовке к ГИА",
                    term=term,
                    responsible_raw="ОО",
                    dependencies=deps,
                )
            )
        sections.append(Section(heading=f"{s + 1}. Раздел", measures=tuple(measures)))
    return Roadmap(
        id=f"synthetic-{size}",
        school_year=SchoolYear(2023),
        orders=(Order(number="1", date=dt.date(2023, 9, 1)),),
        sections=tuple(sections),
    )


def timed(size: int, calendar: RussianCalendar) -> float:
    roadmap = synthetic(size)
    start = time.perf_counter()
    check(roadmap, calendar=calendar)
    return time.perf_counter() - start


def detail(size: int, calendar: RussianCalendar) -> None:
    """Where the time of one check() goes: the shared context's parts, then each check."""
    roadmap = synthetic(size)
    parts: list[tuple[str, float]] = []
    start = time.perf_counter()
    ctx = CheckContext(roadmap, calendar=calendar)
    parts.append(("context", time.perf_counter() - start))
    for name in ("resolution_list", "explicit_list", "graph", "windows", "schedule", "suggestions"):
        start = time.perf_counter()
        getattr(ctx, name)
        parts.append((name, time.perf_counter() - start))
    for code, function in CHECKS:
        start = time.perf_counter()
        list(function(ctx))
        parts.append((code, time.perf_counter() - start))
    total = sum(t for _, t in parts)
    print(f"{size // 1000}k detail: {total:.2f} s")
    for name, seconds in sorted(parts, key=lambda p: -p[1])[:16]:
        print(f"  {name:<18}{seconds:7.3f} s")


RUNS = 7
"""Timings per size, each in a fresh process; the median is reported. The 10k and 100k runs
alternate, so that both sizes meet the same (shared, noisy) machine."""


def one(size: int) -> float:
    """One timing in this process: a warm-up check of a 1k plan, then ``check()`` of a plan of ``size``."""
    calendar = RussianCalendar()
    timed(1000, calendar)
    return timed(size, calendar)


def fresh(size: int) -> float:
    """One timing in a fresh Python process: no heap left over from an earlier (larger) plan, whose
    freed memory would scatter the new plan's objects and slow every pass over them."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True
    )
    return float(done.stdout.split()[-1])


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        print(f"{one(int(args[1])):.6f}")
        return
    if "--detail" in args:
        calendar = RussianCalendar()
        timed(1000, calendar)  # warm up
        for size in (10_000, 100_000):
            detail(size, calendar)
    runs: dict[int, list[float]] = {size: [] for size in (1_000, 10_000, 100_000)}
    for _ in range(RUNS):
        for size in runs:
            runs[size].append(fresh(size))
    results = {size: statistics.median(times) for size, times in runs.items()}
    for size, times in runs.items():
        print(
            f"{size // 1000}k: {results[size]:.2f} s "
            f"(median of {RUNS} runs, each in a fresh process; {min(times):.2f}-{max(times):.2f} s)"
        )
    ratios = sorted(big / small for small, big in zip(runs[10_000], runs[100_000], strict=True))
    print(f"growth per pair of runs: {', '.join(f'{r:.1f}x' for r in ratios)}")
    growth = results[100_000] / results[10_000]
    print(f"100k: {results[100_000]:.2f} s; growth 10k->100k: {growth:.1f}x")


if __name__ == "__main__":
    main()
