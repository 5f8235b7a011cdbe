"""Malformed files: every bad field is reported with its path, never a bare KeyError or IndexError."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.errors import GiaRoadmapError, RoadmapFormatError
from tests.plan.example import example_roadmap


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(io.dumps(example_roadmap()))
    return document


def _errors(document: object, fmt: io.Format = "json") -> dict[str, str]:
    text = json.dumps(document) if fmt == "json" else yaml.safe_dump(document, allow_unicode=True)
    with pytest.raises(RoadmapFormatError) as info:
        io.loads(text, format=fmt)
    return {e.location.path: e.message for e in info.value.problems}


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_bad_field_is_listed_with_its_path(fmt: io.Format) -> None:
    doc = _document()
    roadmap = doc["roadmap"]
    measures = roadmap["sections"][0]["measures"]
    roadmap["level"] = "planetary"
    measures[1]["ordinal"] = "5"
    measures[1]["term"] = {"kind": "no_such_kind"}
    measures[0]["status"]["date"] = "2024-13-01"
    measures[1]["responsible"][0]["party"]["type"] = "Alien"
    measures[2]["number"]["parts"] = [1, "x"]
    roadmap["sections"][1]["measures"][0]["term"]["month"]["month"] = 13
    roadmap["surprise"] = True
    errors = _errors(doc, fmt)
    assert set(errors) == {
        "$.roadmap.level",
        "$.roadmap.sections[0].measures[1].ordinal",
        "$.roadmap.sections[0].measures[1].term",
        "$.roadmap.sections[0].measures[0].status.date",
        "$.roadmap.sections[0].measures[1].responsible[0].party",
        "$.roadmap.sections[0].measures[2].number.parts[1]",
        "$.roadmap.sections[1].measures[0].term.month",
        "$.roadmap",
    }
    assert "planetary" in errors["$.roadmap.level"]
    assert "2024-13-01" in errors["$.roadmap.sections[0].measures[0].status.date"]
    assert "Alien" in errors["$.roadmap.sections[0].measures[1].responsible[0].party"]
    assert "surprise" in errors["$.roadmap"]


def test_message_lists_all_errors_one_per_line() -> None:
    doc = _document()
    doc["roadmap"]["title"] = 7
    doc["roadmap"]["territory"] = None
    with pytest.raises(RoadmapFormatError) as info:
        io.loads(json.dumps(doc))
    text = str(info.value)
    assert "2 errors" in text
    assert "$.roadmap.title: " in text
    assert "$.roadmap.territory: " in text


def test_schema_version_is_checked() -> None:
    doc = _document()
    doc["schema_version"] = 99
    assert "unsupported version 99" in _errors(doc)["$.schema_version"]
    del doc["schema_version"]
    assert "$.schema_version" in _errors(doc)
    assert set(_errors({"schema_version": 1})) == {"$.roadmap"}
    assert set(_errors([1, 2])) == {"$"}


@pytest.mark.parametrize(
    ("text", "fmt", "fragment"),
    [
        ("{", "json", "line 1, column 2: invalid JSON"),
        ("a: [", "yaml", r"line \d, column \d: invalid YAML"),  # libyaml: line 2, column 1
        ("null", "json", "expected an object"),
    ],
)
def test_syntax_errors_are_format_errors(text: str, fmt: io.Format, fragment: str) -> None:
    with pytest.raises(RoadmapFormatError, match=fragment):
        io.loads(text, format=fmt)


def test_yaml_is_loaded_safely() -> None:
    with pytest.raises(RoadmapFormatError):
        io.loads("!!python/object/apply:os.system ['echo pwned']", format="yaml")


def test_hand_written_yaml_dates_are_accepted() -> None:
    text = io.dumps(example_roadmap(), format="yaml").replace("'2021-09-20'", "2021-09-20")
    assert io.loads(text, format="yaml") == example_roadmap()


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3)))  # fmt: skip  # noqa: E501
def test_arbitrary_data_never_crashes_with_a_bare_error(data: object) -> None:
    for document in (data, {"schema_version": 1, "roadmap": data}):
        with contextlib.suppress(GiaRoadmapError):
            io.loads(json.dumps(document))
