"""Regenerate the bundled example roadmaps (``src/gia_roadmap/examples/data/*.json``) and the problems
their import reported (``*.problems.json``).

Each example is imported afresh from its bundled seed text with the reviewed corrections
(``src/gia_roadmap/examples/corrections.toml``) applied, and written with ``gia_roadmap.io.dumps``.
``tests/importer/test_examples.py`` fails when the bundled JSON differs from a fresh import, so run
this after changing the importer, the registries or the corrections:

    python scripts/regenerate_examples.py          # write the files
    python scripts/regenerate_examples.py --check  # exit 1 when a file is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gia_roadmap import examples, io

DATA = Path(__file__).resolve().parents[1] / "src" / "gia_roadmap" / "examples" / "data"


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) every example's JSON; return the exit status."""
    parser = argparse.ArgumentParser(description="Regenerate the bundled example roadmaps.")
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    args = parser.parse_args(argv)
    DATA.mkdir(parents=True, exist_ok=True)
    stale = []
    for name in examples.names():
        roadmap = examples.build(name)
        problems = examples.fresh_problems(name)
        files = {
            DATA / f"{name}.json": io.dumps(roadmap) + "\n",
            DATA / f"{name}.problems.json": examples.problems_json(problems),
        }
        for target, text in files.items():
            if args.check:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    stale.append(target.name)
                continue
            target.write_text(text, encoding="utf-8")
        if not args.check:
            print(f"wrote {name} ({len(roadmap.measures)} measures, {len(problems)} import problems)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
