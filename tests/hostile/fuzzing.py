"""The one fuzz profile of the hostile-input harness (issue 19, point 7).

CI runs the suite's Hypothesis profile (its ``max_examples``). The long profile gives each group of
fuzz tests its own number of examples per test, because one input costs milliseconds in one group
and a tenth of a second in another:

- ``GIA_FUZZ_CELLS``: deadline cells, ``parse_term`` → ``resolve`` (``test_fuzz_terms.py``);
- ``GIA_FUZZ_LOADS``: ``io.loads`` of mutated and generated JSON and YAML (``test_fuzz_loads.py``,
  four tests);
- ``GIA_FUZZ_DOCUMENTS``: the importer and every reader (``test_fuzz_readers.py``, one test per
  format and one for ``import_text``).

Each defaults to ``GIA_FUZZ_EXAMPLES``; a group with neither set runs the CI profile. For example::

    GIA_FUZZ_EXAMPLES=250000 python -m pytest tests/hostile -k fuzz -p no:cacheprovider -q
    GIA_FUZZ_CELLS=500000 python -m pytest tests/hostile/test_fuzz_terms.py -p no:cacheprovider -q

Its runs and their figures are in ``docs/security.md``.
"""

from __future__ import annotations

import os
from typing import Literal

from hypothesis import HealthCheck, settings

Group = Literal["cells", "loads", "documents"]
"""A group of fuzz tests with its own number of examples in the long profile."""

VARIABLES: dict[Group, str] = {
    "cells": "GIA_FUZZ_CELLS",
    "loads": "GIA_FUZZ_LOADS",
    "documents": "GIA_FUZZ_DOCUMENTS",
}
"""Each group's own environment variable for its long-profile number of examples."""


def _count(variable: str, default: int = 0) -> int:
    """The number of examples an environment variable asks for (``default`` when it is unset or empty)."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"{variable}={value!r}: expected a whole number of examples, e.g. {variable}=100000")
    return int(value)


def examples(group: Group) -> int:
    """The long profile's number of examples per test of ``group``: its own variable, else
    ``GIA_FUZZ_EXAMPLES``; 0 when neither is set (the test then runs the CI profile)."""
    return _count(VARIABLES[group], _count("GIA_FUZZ_EXAMPLES"))


def profile(group: Group, ci_examples: int | None = None) -> settings:
    """The settings of a fuzz test of ``group``: its long-profile number of examples when one is set
    (:func:`examples`); otherwise the suite's profile, or ``ci_examples`` for a test whose single
    example costs tens of milliseconds."""
    long = examples(group)
    if long:
        return settings(
            max_examples=long, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
    if ci_examples is not None:
        return settings(max_examples=ci_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


#: Text that has broken readers and parsers somewhere: control characters, look-alikes, markup,
#: spreadsheet formulas, huge numbers, brackets by the hundred, stray surrogates.
HOSTILE_TEXT = [
    "\x00", "\x0b", "\x0c", "\x1b", "\x85", "\u2028", "\u2029", "\ufeff", "\ud800", "\u200b", "\xa0",
    "=1+1", "+7", "@SUM(A1)", "-2", "=HYPERLINK(\"x\")", "<b>", "</td>", "&amp;", "&#0;", "]]>", "<!--",
    '"', ";", ",", "\t", "\r\n", "\n", "(" * 300, ")" * 300, "9" * 400, "до", "за", "дней", "–", "—",
    "января", "31.02.2024", "29.02.2023", "00.00.0000", "1.", "999.", "1000.", "I.", "IV.", "§", "№",
]  # fmt: skip
