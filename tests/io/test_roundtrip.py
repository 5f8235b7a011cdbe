"""JSON and YAML round trips: generated roadmaps, the example roadmap, source texts, files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.calendar import terms as t
from gia_roadmap.errors import UnsupportedFormatError
from gia_roadmap.plan import Measure, Roadmap
from gia_roadmap.strategies import any_roadmaps, terms, unparsed_terms
from tests.plan.example import example_roadmap

FORMATS = ("json", "yaml")


def _term_raws(value: Any) -> Iterator[tuple[str, str]]:
    """(class, raw) of every term nested in ``value``: raw is out of term equality, so check it apart."""
    if isinstance(value, tuple):
        for item in value:
            yield from _term_raws(item)
    elif attrs.has(type(value)):
        if isinstance(value, t.TERM_CLASSES):
            yield type(value).__name__, value.raw
        for field in attrs.fields(type(value)):
            yield from _term_raws(getattr(value, field.name))


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmap=any_roadmaps())
def test_generated_roadmaps_round_trip(fmt: io.Format, roadmap: Roadmap) -> None:
    back = io.loads(io.dumps(roadmap, format=fmt), format=fmt)
    assert back == roadmap
    assert list(_term_raws(back)) == list(_term_raws(roadmap))


@pytest.mark.parametrize("fmt", FORMATS)
@given(term=terms() | unparsed_terms() | st.just(t.MissingTerm()))
def test_every_term_kind_round_trips_with_its_source_text(fmt: io.Format, term: t.Term) -> None:
    roadmap = Roadmap(
        "t", sections=(__import__("gia_roadmap.plan").plan.Section(measures=(Measure(term=term),)),)
    )
    back = io.loads(io.dumps(roadmap, format=fmt), format=fmt)
    assert back == roadmap
    assert list(_term_raws(back)) == list(_term_raws(roadmap))


@pytest.mark.parametrize("fmt", FORMATS)
def test_example_roadmap_using_every_feature_round_trips(fmt: io.Format, tmp_path: Path) -> None:
    roadmap = example_roadmap()
    path = tmp_path / f"plan.{'yaml' if fmt == 'yaml' else 'json'}"
    io.dump(roadmap, path)
    assert io.load(path) == roadmap
    text = path.read_text(encoding="utf-8")
    assert "не позднее чем за 1 рабочий день до дня проведения экзамена" in text  # raw kept, readable
    assert "schema_version" in text


def test_json_is_readable_utf8_and_tags_unions() -> None:
    text = io.dumps(example_roadmap())
    assert "\\u04" not in text
    assert '"kind": "relative"' in text
    assert '"type": "Person"' in text


def test_unknown_format_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError):
        io.dumps(Roadmap("x"), format="xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unsupported format"):
        io.loads("{}", format="toml")  # type: ignore[arg-type]


@given(st.from_type(Roadmap))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_from_type_works_through_the_entry_point(roadmap: Roadmap) -> None:
    assert isinstance(roadmap, Roadmap)


@given(st.from_type(Measure), st.from_type(t.Relative), st.from_type(t.PerExam))
@settings(max_examples=20, deadline=None)
def test_from_type_for_measures_and_terms(
    measure: Measure, relative: t.Relative, per_exam: t.PerExam
) -> None:
    assert isinstance(measure, Measure)
    assert isinstance(relative, t.Relative)
    assert isinstance(per_exam, t.PerExam)
