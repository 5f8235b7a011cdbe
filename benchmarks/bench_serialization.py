"""Benchmark: JSON against YAML, dumping and loading the Юрга plan (``examples.load("yurga-2024")``).

Run as ``python benchmarks/bench_serialization.py``. Times the public calls users wait for,
``io.dumps`` and ``io.loads``, in each format, and splits each into its two stages: the text stage
(JSON's C scanner and encoder; libyaml's parser and emitter through PyYAML, or PyYAML's pure-Python
ones) and the model stage (cattrs, the same for both formats; for loading, with the limits' shape
check). Each figure is the median of several runs in this process; ratios are YAML over JSON. The last
line reads ``yurga-2024: YAML/JSON dumps <x>x, loads <y>x (target: at most 3x)``.
"""

from __future__ import annotations

import functools
import statistics
import sys
import time
from collections.abc import Callable

from gia_roadmap import datafiles, examples, io
from gia_roadmap.io.serialization import from_document, to_document

TARGET_RATIO = 3.0


def median_ms(call: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls, in milliseconds (after one call to warm up)."""
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(runs: int = 7) -> None:
    roadmap = examples.load("yurga-2024")
    document = to_document(roadmap)
    texts = {fmt: io.dumps(roadmap, fmt) for fmt in ("json", "yaml")}
    measures = sum(1 for _ in roadmap.walk())
    print(
        f"yurga-2024: {measures} measures; "
        f"JSON {len(texts['json']):,} characters, YAML {len(texts['yaml']):,}"
    )
    print(f"libyaml: {'yes' if datafiles._CParser is not None else 'no'} (PyYAML's C parser and emitter)")
    rows: list[tuple[str, float, float]] = []
    formats: tuple[io.Format, ...] = ("json", "yaml")
    whole: dict[str, dict[str, float]] = {"dumps": {}, "loads": {}}
    for fmt in formats:
        whole["dumps"][fmt] = median_ms(functools.partial(io.dumps, roadmap, fmt), runs)
        whole["loads"][fmt] = median_ms(functools.partial(io.loads, texts[fmt], fmt), runs)
    for what in ("dumps", "loads"):
        rows.append((f"io.{what} (all of it)", whole[what]["json"], whole[what]["yaml"]))
    rows.append(
        (
            "  text stage: dump",
            median_ms(lambda: datafiles.dump_json(document), runs),
            median_ms(lambda: datafiles.dump_yaml(document), runs),
        )
    )
    rows.append(
        (
            "  text stage: parse",
            median_ms(lambda: datafiles.parse(texts["json"], "json"), runs),
            median_ms(lambda: datafiles.parse(texts["yaml"], "yaml"), runs),
        )
    )
    model_out = median_ms(lambda: to_document(roadmap), runs)
    model_in = median_ms(lambda: from_document(document), runs)
    rows.append(("  model stage: to_document", model_out, model_out))
    rows.append(("  model stage: from_document", model_in, model_in))
    saved = datafiles._CParser, datafiles._Dumper
    datafiles._CParser, datafiles._Dumper = None, datafiles._PyDumper
    try:
        pure_dump = median_ms(lambda: io.dumps(roadmap, "yaml"), max(1, runs // 3))
        pure_load = median_ms(lambda: io.loads(texts["yaml"], "yaml"), max(1, runs // 3))
    finally:
        datafiles._CParser, datafiles._Dumper = saved
    rows.append(("io.dumps, pure-Python YAML", whole["dumps"]["json"], pure_dump))
    rows.append(("io.loads, pure-Python YAML", whole["loads"]["json"], pure_load))

    print(f"{'':32} {'JSON ms':>9} {'YAML ms':>9} {'YAML/JSON':>10}")
    for name, json_ms, yaml_ms in rows:
        print(f"{name:32} {json_ms:9.1f} {yaml_ms:9.1f} {yaml_ms / json_ms:9.1f}x")
    dump_ratio = whole["dumps"]["yaml"] / whole["dumps"]["json"]
    load_ratio = whole["loads"]["yaml"] / whole["loads"]["json"]
    print(
        f"yurga-2024: YAML/JSON dumps {dump_ratio:.1f}x, loads {load_ratio:.1f}x "
        f"(target: at most {TARGET_RATIO:.0f}x)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
