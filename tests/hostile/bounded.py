"""Run one hostile case in a child process with an address-space limit (``resource.RLIMIT_AS``), a CPU
limit (``RLIMIT_CPU``) and a wall-clock timeout, and report how it ended.

A case is a function of :mod:`tests.hostile.cases` (no arguments). The child prints one JSON line: the
names of the exception's classes (its MRO) and its message, or ``null`` when the case returned. A case
that exhausts its memory, its CPU time or the wall clock ends the child, and the test fails with that
reason instead of taking the machine down with it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, resource, sys, traceback
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))
from tests.hostile import cases
try:
    value = getattr(cases, {name!r})()
except BaseException as error:  # the test judges it
    print(json.dumps({{"error": [c.__name__ for c in type(error).__mro__], "message": str(error),
                      "traceback": traceback.format_exc()}}))
else:
    print(json.dumps({{"error": None, "message": repr(value)[:2000], "traceback": ""}}))
"""


@attrs.frozen
class Outcome:
    """How a case ended: the exception's class names (most derived first) and message, or none."""

    error: tuple[str, ...]
    message: str
    traceback: str

    def raised(self, name: str) -> bool:
        """True when the case raised ``name`` or a subclass of it."""
        return name in self.error


def run_case(name: str, *, memory_mb: int = 1024, seconds: int = 30) -> Outcome:
    """Run ``cases.<name>()`` in a child under the limits; fail the test when a limit ended it."""
    code = _CHILD.format(memory=memory_mb * 1024 * 1024, seconds=seconds, name=name)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=seconds * 3,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{name}: still running after {seconds * 3} s of wall-clock time") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise AssertionError(
            f"{name}: the child ended with status {done.returncode} (memory {memory_mb} MiB, "
            f"CPU {seconds} s); stderr: {done.stderr[-2000:]}"
        )
    report = json.loads(lines[-1])
    return Outcome(tuple(report["error"] or ()), report["message"], report["traceback"])
