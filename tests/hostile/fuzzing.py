"""The one fuzz profile of the hostile-input harness (issue 19, point 7).

CI runs the suite's Hypothesis profile (its ``max_examples``). The long profile is every fuzz test
with ``GIA_FUZZ_EXAMPLES=N``, N examples each::

    GIA_FUZZ_EXAMPLES=250000 python -m pytest tests/hostile -k fuzz -p no:cacheprovider -q

Its runs and their figures are in ``docs/security.md``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = int(os.environ.get("GIA_FUZZ_EXAMPLES", "0"))


def profile(ci_examples: int | None = None) -> settings:
    """The settings of a fuzz test: ``GIA_FUZZ_EXAMPLES`` examples in the long profile; otherwise the
    suite's profile, or ``ci_examples`` for a test whose single example costs tens of milliseconds."""
    if LONG:
        return settings(
            max_examples=LONG, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
    if ci_examples is not None:
        return settings(max_examples=ci_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


PROFILE = profile()
"""The settings of the fuzz tests that run the suite's number of examples in CI."""

#: Text that has broken readers and parsers somewhere: control characters, look-alikes, markup,
#: spreadsheet formulas, huge numbers, brackets by the hundred, stray surrogates.
HOSTILE_TEXT = [
    "\x00", "\x0b", "\x0c", "\x1b", "\x85", "\u2028", "\u2029", "\ufeff", "\ud800", "\u200b", "\xa0",
    "=1+1", "+7", "@SUM(A1)", "-2", "=HYPERLINK(\"x\")", "<b>", "</td>", "&amp;", "&#0;", "]]>", "<!--",
    '"', ";", ",", "\t", "\r\n", "\n", "(" * 300, ")" * 300, "9" * 400, "до", "за", "дней", "–", "—",
    "января", "31.02.2024", "29.02.2023", "00.00.0000", "1.", "999.", "1000.", "I.", "IV.", "§", "№",
]  # fmt: skip
