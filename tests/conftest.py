"""Shared test configuration: Hypothesis profiles (CI runs more examples, deterministically).

No profile has a per-example deadline: a deadline is a timed assertion, and on a shared 2-core CI
machine it fails a correct test at random (speed is measured in benchmarks/, never asserted)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
