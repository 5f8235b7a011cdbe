"""The JSON Schema: valid, published copy up to date, and files written by dumps validate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings

from gia_roadmap import io
from gia_roadmap.io.schema import json_schema, json_schema_text
from gia_roadmap.plan import Roadmap
from gia_roadmap.strategies import any_roadmaps
from tests.plan.example import example_roadmap

PUBLISHED = Path(__file__).resolve().parents[2] / "docs" / "roadmap.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_published_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == json_schema_text()


def test_example_file_validates() -> None:
    VALIDATOR.validate(json.loads(io.dumps(example_roadmap())))


@given(any_roadmaps())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_files_validate(roadmap: Roadmap) -> None:
    VALIDATOR.validate(json.loads(io.dumps(roadmap)))


def test_schema_rejects_what_the_loader_rejects() -> None:
    doc = json.loads(io.dumps(example_roadmap()))
    doc["roadmap"]["sections"][0]["measures"][0]["term"]["kind"] = "no_such_kind"
    assert not VALIDATOR.is_valid(doc)
