"""Benchmark: what gia_roadmap's Hypothesis entry point adds to every ``import hypothesis``.

Run as ``python benchmarks/bench_entry_point.py [runs]``. Each run is a fresh interpreter that imports
Hypothesis with its plugins off (``HYPOTHESIS_NO_PLUGINS=1``), then times, in the same process:

* the entry point as Hypothesis runs it: ``import gia_roadmap`` and ``gia_roadmap._hypothesis_setup_hook()``
  (target: at most 15 ms);
* for comparison, what the entry point used to do: import :mod:`gia_roadmap.strategies` (the model, the
  terms, the registries) and register every strategy.

Timing a whole ``import hypothesis`` with and without the plugin also works, but the difference of two
numbers near 100 ms is mostly noise on a shared machine; timing the hook inside the process is not.
Prints the median and the best run of each, and their ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

TARGET_MS = 15.0

_ENTRY_POINT = """
import time
import hypothesis
start = time.perf_counter()
import gia_roadmap
gia_roadmap._hypothesis_setup_hook()
print((time.perf_counter() - start) * 1e3)
"""

_EAGER = """
import time
import hypothesis
start = time.perf_counter()
import gia_roadmap.strategies
gia_roadmap.strategies.register_strategies()
print((time.perf_counter() - start) * 1e3)
"""


def _times(code: str, runs: int) -> list[float]:
    env = dict(os.environ, HYPOTHESIS_NO_PLUGINS="1")
    times = []
    for _ in range(runs):
        command = [sys.executable, "-c", code]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        times.append(float(result.stdout.split()[-1]))
    return times


def main(runs: int = 21) -> None:
    hook, eager = [], []
    for _ in range(runs):  # interleaved, so both meet the same machine
        hook += _times(_ENTRY_POINT, 1)
        eager += _times(_EAGER, 1)
    print(f"{'':40} {'median':>10} {'best':>10}")
    for label, times in (
        ("entry point (import gia_roadmap + hook)", hook),
        ("eager (import strategies + register)", eager),
    ):
        print(f"{label:40} {statistics.median(times):8.2f}ms {min(times):8.2f}ms")
    ratio = statistics.median(eager) / statistics.median(hook)
    print(f"eager / entry point: {ratio:.0f}x (medians); target for the entry point: <= {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
