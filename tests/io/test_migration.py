"""schema_version 2 (#18, #19 part 4): version-1 files load through an explicit migration; a newer
version is refused naming both versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.errors import RoadmapFormatError
from gia_roadmap.io.serialization import SCHEMA_VERSION, migrate
from gia_roadmap.plan import Measure, Roadmap, Section

# A bundled example as version 1 wrote it (kept as written, never regenerated).
V1_FILE = Path(__file__).parent / "fixtures" / "smolensk-attitude-2023.v1.json"


def test_the_current_version_is_2() -> None:
    assert SCHEMA_VERSION == 2
    assert json.loads(io.dumps(Roadmap("x")))["schema_version"] == 2


def test_a_version_1_file_loads_and_writes_back_as_version_2() -> None:
    text = V1_FILE.read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == 1
    plan = io.loads(text)
    assert len(plan.measures) > 10
    again = io.loads(io.dumps(plan))
    assert again == plan
    assert json.loads(io.dumps(plan))["schema_version"] == 2


def _v1(periods_per_measure: list[list[str]]) -> dict[str, object]:
    measures = [{"title": f"m{i}", "exam_periods": periods} for i, periods in enumerate(periods_per_measure)]
    return {
        "schema_version": 1,
        "roadmap": {"id": "v1", "sections": [{"heading": "1", "subgroups": [{"measures": measures}]}]},
    }


@settings(deadline=None, max_examples=50)
@given(
    periods=st.lists(
        st.lists(st.sampled_from(["early", "main", "additional", "reserve"]), unique=True, max_size=4),
        min_size=1,
        max_size=5,
    )
)
def test_the_reserve_stage_of_version_1_becomes_reserve_days(periods: list[list[str]]) -> None:
    document = _v1(periods)
    plan = io.loads(json.dumps(document))
    for measure, written in zip(plan.measures, periods, strict=True):
        assert measure.reserve_days is ("reserve" in written)
        assert [p.value for p in measure.exam_periods] == [p for p in written if p != "reserve"]
    lifted, changed = migrate(document)
    assert lifted["schema_version"] == 2
    assert document["schema_version"] == 1  # the caller's document is left as it was
    assert len(changed) == sum("reserve" in p for p in periods)


def test_version_2_files_are_not_migrated() -> None:
    plan = Roadmap(
        "v2", sections=(Section(measures=(Measure(exam_periods=(ExamStage.MAIN,), reserve_days=True),)),)
    )
    assert io.loads(io.dumps(plan)) == plan


@pytest.mark.parametrize("version", [3, 99])
def test_a_newer_version_is_refused_naming_both_versions(version: int) -> None:
    with pytest.raises(RoadmapFormatError) as caught:
        io.loads(json.dumps({"schema_version": version, "roadmap": {"id": "x"}}))
    message = str(caught.value)
    assert f"schema_version {version}" in message
    assert "versions 1 to 2" in message
    assert caught.value.problems[0].location.path == "$.schema_version"


@pytest.mark.parametrize("version", [0, -1])
def test_a_version_before_1_is_refused(version: int) -> None:
    with pytest.raises(RoadmapFormatError, match="unsupported version"):
        io.loads(json.dumps({"schema_version": version, "roadmap": {"id": "x"}}))


def test_yaml_version_1_loads_too() -> None:
    plan = io.loads(
        "schema_version: 1\nroadmap:\n  id: y\n  sections:\n  - measures:\n"
        "    - exam_periods: [main, reserve]\n",
        "yaml",
    )
    assert plan.measures[0].reserve_days
    assert plan.measures[0].exam_periods == (ExamStage.MAIN,)
