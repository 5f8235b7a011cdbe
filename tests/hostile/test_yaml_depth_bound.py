"""The cheap bound that decides whether a YAML text is walked for depth before libyaml composes it
(see ``datafiles._might_nest_deep``) never says "shallow" of a text that nests past libyaml's safe
depth, whatever mix of block and flow collections, indentation and compact indicators it uses."""

from __future__ import annotations

import sys
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import datafiles


def _nest(kinds: list[bool]) -> Any:
    value: Any = "x"
    for is_list in reversed(kinds):
        value = [value] if is_list else {"k": value}
    return value


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.booleans(), min_size=1001, max_size=1100),
    st.sampled_from([None, False, True]),
    st.integers(2, 4),
    st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]),
)
def test_a_text_nested_past_the_safe_depth_is_always_walked(
    kinds: list[bool], flow: bool | None, indent: int, line_break: str
) -> None:
    """libyaml breaks lines at LF, CR LF, a lone CR, NEL, LS and PS alike."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)  # PyYAML's representer recurses once per level or two
    try:
        text = yaml.safe_dump(_nest(kinds), default_flow_style=flow, indent=indent, width=10**9)
    finally:
        sys.setrecursionlimit(limit)
    assert datafiles._might_nest_deep(text.replace("\n", line_break))


def test_a_plain_large_plan_is_not_walked() -> None:
    plan = {"measures": [{"id": f"m{i}", "depends_on": [], "tags": {}} for i in range(5000)]}
    assert not datafiles._might_nest_deep(yaml.safe_dump(plan))
