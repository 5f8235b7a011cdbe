"""Scale of scheduling plus check(): synthetic plans of 1k, 10k and 100k measures, about three links each.

Run as ``python benchmarks/check_scale.py``; the last two lines read
``wall: 100k: <seconds> s; growth 10k->100k: <ratio>x`` and the same for ``CPU`` (targets: at most
3 s, at most 12x). Each size is
timed seven times, each time in a fresh Python process after a warm-up check of a 1k plan, the sizes
taking turns, and the median is reported (the time of one ``check()`` call: full scheduling and
every check), as wall time and as CPU time (``time.process_time``: on a shared machine the wall time
says more about the other work than about the check).
``--detail`` first prints, per size, where the time goes: the shared context (graph, schedule,
suggestions) and each check, slowest first.
``--warm-up 700,800,900,1000,1100,1200,1300`` gives the warm-up plan's size run by run (in turn):
whether a full collection of the garbage collector falls inside a check depends on the objects made
before it, the same in every run with one warm-up, so varied warm-ups meet the collector at different
points (``docs/performance.md``).
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


def timed(size: int, calendar: RussianCalendar) -> tuple[float, float]:
    """Wall and CPU time of one ``check()`` of a fresh synthetic plan of ``size`` measures."""
    roadmap = synthetic(size)
    start, cpu = time.perf_counter(), time.process_time()
    check(roadmap, calendar=calendar)
    return time.perf_counter() - start, time.process_time() - cpu


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


def one(size: int, warm_up: int = 1000) -> tuple[float, float]:
    """One timing in this process (wall, CPU): a warm-up check of a plan of ``warm_up`` measures, then
    ``check()`` of a plan of ``size``."""
    calendar = RussianCalendar()
    timed(warm_up, calendar)
    return timed(size, calendar)


def fresh(size: int, warm_up: int = 1000) -> tuple[float, float]:
    """One timing (wall, CPU) in a fresh Python process: no heap left over from an earlier (larger)
    plan, whose freed memory would scatter the new plan's objects and slow every pass over them."""
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(size), str(warm_up)],
        check=True,
        capture_output=True,
        text=True,
    )
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def _report(label: str, runs: dict[int, list[float]]) -> None:
    results = {size: statistics.median(times) for size, times in runs.items()}
    for size, times in runs.items():
        print(
            f"{size // 1000}k {label}: {results[size]:.3f} s "
            f"(median of {RUNS} runs, each in a fresh process; {min(times):.3f}-{max(times):.3f} s)"
        )
    ratios = sorted(big / small for small, big in zip(runs[10_000], runs[100_000], strict=True))
    print(f"growth per pair of runs ({label}): {', '.join(f'{r:.1f}x' for r in ratios)}")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        wall, cpu = one(int(args[1]), int(args[2]) if len(args) > 2 else 1000)
        print(f"{wall:.6f} {cpu:.6f}")
        return
    warm_ups = [1000]
    if "--warm-up" in args:
        warm_ups = [int(n) for n in args[args.index("--warm-up") + 1].split(",")]
    if "--detail" in args:
        calendar = RussianCalendar()
        timed(warm_ups[0], calendar)  # warm up
        for size in (10_000, 100_000):
            detail(size, calendar)
    sizes = (1_000, 10_000, 100_000)
    walls: dict[int, list[float]] = {size: [] for size in sizes}
    cpus: dict[int, list[float]] = {size: [] for size in sizes}
    for run in range(RUNS):
        for size in sizes:
            wall, cpu = fresh(size, warm_ups[run % len(warm_ups)])
            walls[size].append(wall)
            cpus[size].append(cpu)
    _report("wall", walls)
    _report("CPU", cpus)
    for label, runs in (("wall", walls), ("CPU", cpus)):
        big, small = statistics.median(runs[100_000]), statistics.median(runs[10_000])
        print(f"{label}: 100k: {big:.2f} s; growth 10k->100k: {big / small:.1f}x")


if __name__ == "__main__":
    main()
