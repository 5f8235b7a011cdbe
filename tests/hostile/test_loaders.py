"""Hostile roadmap and schedule files (issue 19): each ends in a typed error with a location, or in the
right result, within bounded memory and time. Every case runs in a child process under an address-space
limit (RLIMIT_AS), a CPU limit and a wall-clock timeout (tests/hostile/bounded.py)."""

from __future__ import annotations

import re

import pytest

from tests.hostile.bounded import run_case

# (case, the error it must end in, a fragment of the message naming the place and the rule)
_YAML_TOO_DEEP = r"nested (too|65 levels) deep"  # libyaml's own limit, where it has one, or ours

TYPED = [
    ("json_nested_100000_deep", "RoadmapFormatError", r"line 1, column \d+: nested too deep.*max_depth"),
    ("yaml_nested_100000_deep", "RoadmapFormatError", rf"line 2, column \d+: {_YAML_TOO_DEEP}.*max_depth"),
    ("yaml_block_nested_30000_deep", "RoadmapFormatError", rf"line 3, column \d+: {_YAML_TOO_DEEP}"),
    ("yaml_block_nested_30000_deep_cr_lines", "RoadmapFormatError", rf"line 3, column \d+: {_YAML_TOO_DEEP}"),
    ("json_integer_of_5000_digits", "RoadmapFormatError", r"line 1, column \d+: an integer of 5,000 digits"),
    ("yaml_integer_of_5000_digits", "RoadmapFormatError", r"line 4, column 11: an integer of 5,000 digits"),
    ("yaml_hex_integer_of_5000_digits", "RoadmapFormatError", r"line 4, column 11: an integer of 5,000"),
    ("yaml_date_2024_13_01", "RoadmapFormatError", r"measures\[0\]\.status\.date: .*'2024-13-01'"),
    ("yaml_recursive_alias", "RoadmapFormatError", r"\$\.roadmap\.notes\[0\]: the collection holds itself"),
    (
        "from_document_recursive",
        "RoadmapFormatError",
        r"\$\.roadmap\.notes\[0\]: the collection holds itself",
    ),
    ("yaml_alias_bomb_6_levels", "RoadmapFormatError", r"subgroups\[\d\]: a YAML alias.*max_alias_nodes=0"),
    ("yaml_alias_bomb_9_levels", "RoadmapFormatError", r"subgroups\[\d\]: a YAML alias.*max_alias_nodes=0"),
    ("yaml_alias_bomb_within_a_raised_limit", "RoadmapFormatError", r"add more than 100,000 values"),
    ("cp1251_json_file", "RoadmapFormatError", r"line \d+, column \d+: not UTF-8.*Windows-1251"),
    ("file_over_the_byte_limit", "RoadmapFormatError", r"2,002 bytes; the limit is 1,000 \(LoadLimits"),
    ("dumps_300_nested_sections", "InvalidValueError", r"'deep'.*at most 64 levels.*max_depth"),
    ("dumps_300_nested_sections_yaml", "InvalidValueError", r"'deep'.*at most 64 levels.*max_depth"),
    ("schedule_yaml_alias_bomb", "ScheduleDataError", r"a9(\[\d\])+: a YAML alias"),
    ("schedule_json_nested_100000_deep", "ScheduleDataError", r"line 1, column \d+: nested too deep"),
    ("schedule_yaml_nested_100000_deep", "ScheduleDataError", rf"line 1, column \d+: {_YAML_TOO_DEEP}"),
    ("schedule_toml_nested_100000_deep", "ScheduleDataError", r"nested too deep"),
    ("schedule_cp1251_yaml_file", "ScheduleDataError", r"line 2, column \d+: not UTF-8.*Windows-1251"),
    ("schedule_yaml_date_2024_13_01", "ScheduleDataError", r"days\[\d+\]\.date: .*'2024-13-01'"),
]


@pytest.mark.parametrize(("case", "error", "message"), TYPED, ids=[c[0] for c in TYPED])
def test_hostile_file_ends_in_a_typed_located_error(case: str, error: str, message: str) -> None:
    outcome = run_case(case)
    assert outcome.raised(error), f"{case} ended in {outcome.error or 'no error'}:\n{outcome.traceback}"
    assert outcome.raised("GiaRoadmapError")
    assert re.search(message, outcome.message, re.DOTALL), outcome.message


@pytest.mark.parametrize("case", ["utf16_json_file", "utf16_yaml_file_without_bom"])
def test_utf16_files_are_read(case: str) -> None:
    outcome = run_case(case)
    assert not outcome.error, outcome.traceback
