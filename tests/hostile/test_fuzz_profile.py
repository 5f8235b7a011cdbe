"""The long fuzz profile's numbers (:mod:`tests.hostile.fuzzing`): each group's own variable, else
``GIA_FUZZ_EXAMPLES``, else the CI profile; a value that is not a whole number is refused by name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile.fuzzing import VARIABLES, Group, examples, profile

_ALL = ["GIA_FUZZ_EXAMPLES", *VARIABLES.values()]
_COUNT = st.none() | st.integers(1, 10**7)


@given(shared=_COUNT, own=st.fixed_dictionaries(dict.fromkeys(VARIABLES, _COUNT)))
def test_a_group_runs_its_own_count_else_the_shared_one(
    shared: int | None, own: dict[Group, int | None]
) -> None:
    with pytest.MonkeyPatch.context() as env:
        for variable in _ALL:
            env.delenv(variable, raising=False)
        if shared is not None:
            env.setenv("GIA_FUZZ_EXAMPLES", str(shared))
        for group, count in own.items():
            if count is not None:
                env.setenv(VARIABLES[group], str(count))
        for group, count in own.items():
            expected = count or shared or 0
            assert examples(group) == expected
            chosen = profile(group, ci_examples=25)
            assert chosen.max_examples == (expected or 25)
            assert chosen.deadline is None
            if not expected:
                assert profile(group).max_examples == settings().max_examples


@pytest.mark.parametrize("value", ["abc", "-5", "1e6", "10 000", "²"])
def test_a_count_that_is_not_a_whole_number_is_refused_by_name(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIA_FUZZ_LOADS", value)
    with pytest.raises(ValueError, match="GIA_FUZZ_LOADS"):
        examples("loads")
