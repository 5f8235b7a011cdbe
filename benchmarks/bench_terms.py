"""Benchmark: parse every distinct seed deadline string with gia_roadmap and with dateparser, and time
phrases drawn from the grammar.

Run as ``python benchmarks/bench_terms.py [--generated N]``. Prints the per-string time of both parsers
on the seed strings (the mean over all strings, then the median and the ten slowest strings with their
own times), the speed ratio of the means (target: gia_roadmap at least 20× faster) and how many strings
each reads into a dated result (gia_roadmap: the term resolves to at least one window for the seed's
school year; dateparser: ``dateparser.parse(text, languages=["ru"])`` returns a datetime). Then it draws
N phrases (default 100 000) from the grammar generator (:mod:`gia_roadmap.calendar.grammar.phrases`)
and prints the median, the 90th and 99th percentile time per phrase and how many read to their meaning.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.schoolyear import SchoolYear

DATA = Path(__file__).resolve().parent.parent / "tests" / "terms" / "seed_deadlines.tsv"
SCHOOL_YEARS = {"000": 2023, "001": 2023, "002": 2023, "003": 2021, "004": 2022}
TARGET_RATIO = 20.0


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def load() -> list[tuple[str, str]]:
    """(seed, text) for every distinct whole-cell or item string of the regression table."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("seed\t"):
            continue
        seed, source, raw = line.split("\t")[:3]
        if source in ("cell", "item", "text"):
            rows.append((seed, _unescape(raw)))
    return rows


def bench_ours(rows: list[tuple[str, str]], repeat: int) -> tuple[float, int]:
    """Seconds per string (best of ``repeat`` passes) and the number of strings resolving to dates."""
    best = float("inf")
    for _ in range(repeat):  # best of several passes, as timeit does
        start = time.perf_counter()
        for seed, text in rows:
            parse_term(text, school_year=SCHOOL_YEARS[seed])
        best = min(best, time.perf_counter() - start)
    elapsed = best / len(rows)
    dated = 0
    for seed, text in rows:
        sy = SchoolYear(SCHOOL_YEARS[seed])
        if parse_term(text, school_year=sy).resolve(school_year=sy).windows:
            dated += 1
    return elapsed, dated


def per_string(rows: list[tuple[str, str]], repeat: int) -> list[tuple[float, str]]:
    """(seconds, text) for each string on its own: the best of ``repeat`` runs of 20 parses."""
    out = []
    for seed, text in rows:
        school_year = SCHOOL_YEARS[seed]
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            for _ in range(20):
                parse_term(text, school_year=school_year)
            best = min(best, (time.perf_counter() - start) / 20)
        out.append((best, text))
    return out


def bench_dateparser(rows: list[tuple[str, str]], repeat: int) -> tuple[float, int] | None:
    """Seconds per string and the number of strings dateparser reads into a datetime."""
    try:
        import dateparser
    except ImportError:
        return None
    dateparser.parse("1 января 2024", languages=["ru"])  # warm-up: loads the language data
    best = float("inf")
    dated = 0
    for _ in range(repeat):  # best of several passes
        dated = 0
        start = time.perf_counter()
        for _, text in rows:
            if dateparser.parse(text, languages=["ru"]) is not None:
                dated += 1
        best = min(best, time.perf_counter() - start)
    return best / len(rows), dated


def generated(count: int) -> list[tuple[str, object, int]]:
    """``count`` phrases drawn from the grammar: (text, meaning, school year)."""
    from hypothesis import HealthCheck, Phase, given, settings

    from gia_roadmap.calendar.grammar.phrases import Phrase, phrases

    out: list[tuple[str, object, int]] = []

    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(phrases())
    def collect(phrase: Phrase) -> None:
        out.append((phrase.text, phrase.term, phrase.school_year.start_year))

    collect()
    return out


def bench_generated(count: int) -> None:
    """Time ``parse_term`` on ``count`` generated phrases, each on its own (best of 3 runs of 5 parses)."""
    started = time.perf_counter()
    cases = generated(count)
    print(f"generated phrases: {len(cases)} in {time.perf_counter() - started:.0f} s")
    times = []
    right = 0
    for text, term, school_year in cases:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for _ in range(5):
                parsed = parse_term(text, school_year=school_year)
            best = min(best, (time.perf_counter() - start) / 5)
        times.append(best)
        right += parsed == term
    times.sort()
    median = statistics.median(times)
    p90, p99 = times[int(0.9 * len(times))], times[int(0.99 * len(times))]
    print(
        f"parse_term on generated phrases: median {median * 1e6:.1f} µs, 90% {p90 * 1e6:.1f} µs, "
        f"99% {p99 * 1e6:.1f} µs; read to their meaning: {right}/{len(cases)}"
    )


def main() -> int:
    """Run both parsers and print the comparison; exit status 1 when the target is missed."""
    count = 100_000
    if "--generated" in sys.argv:
        count = int(sys.argv[sys.argv.index("--generated") + 1])
    rows = load()
    ours, ours_dated = bench_ours(rows, repeat=10)
    print(f"strings: {len(rows)} distinct seed deadline strings")
    print(f"gia_roadmap.parse_term: {ours * 1e6:9.1f} µs/string, dated: {ours_dated}/{len(rows)}")
    times = per_string(rows, repeat=5)
    median = statistics.median(t for t, _ in times)
    print(f"  per string on its own: median {median * 1e6:.1f} µs; the ten slowest:")
    for seconds, text in sorted(times, reverse=True)[:10]:
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 70 else shown[:69] + "…"
        print(f"  {seconds * 1e6:9.1f} µs  {shown}")
    other = bench_dateparser(rows, repeat=3)
    if other is None:
        print("dateparser not installed: no comparison")
        return 0
    theirs, theirs_dated = other
    ratio = theirs / ours
    print(f"dateparser.parse(ru):   {theirs * 1e6:9.1f} µs/string, dated: {theirs_dated}/{len(rows)}")
    print(f"ratio: gia_roadmap is {ratio:.1f}× faster (target ≥ {TARGET_RATIO:.0f}×)")
    if count:
        bench_generated(count)
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
