"""What the loaders keep (issue 19, point 5): every character and every integer the model holds survives
JSON and YAML, with libyaml and with PyYAML's pure-Python parser and emitter alike; and what they refuse
on the way out is what they would refuse on the way in."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import datafiles, io
from gia_roadmap.errors import InvalidValueError, RoadmapFormatError
from gia_roadmap.plan import Roadmap
from gia_roadmap.plan.model import Measure, Section
from gia_roadmap.testing import PlanBuilder


@contextlib.contextmanager
def _backend(name: str) -> Iterator[None]:
    """libyaml's parser and emitter, or PyYAML's pure-Python ones."""
    saved = datafiles._CParser, datafiles._Dumper
    if name == "pure":
        datafiles._CParser, datafiles._Dumper = None, datafiles._PyDumper
    elif datafiles._CParser is None:  # pragma: no cover - the PyYAML wheels ship libyaml
        pytest.skip("PyYAML without libyaml")
    try:
        yield
    finally:
        datafiles._CParser, datafiles._Dumper = saved


backends = pytest.mark.parametrize("yaml_backend", ["libyaml", "pure"])


_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
_LINE_BREAKS = st.sampled_from(["\x85", "\u2028", "\u2029", "\r\n", "\r", "\t", "\x0b", "\x0c", " "])


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(
    title=_TEXT, notes=st.lists(st.builds("".join, st.lists(_TEXT | _LINE_BREAKS, max_size=6)), max_size=3)
)
@backends
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_character_survives(yaml_backend: str, fmt: io.Format, title: str, notes: list[str]) -> None:
    roadmap = Roadmap("text", title=title, notes=tuple(notes))
    with _backend(yaml_backend):
        assert io.loads(io.dumps(roadmap, fmt), fmt) == roadmap


@backends
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_u0085_and_u2028_survive_yaml(yaml_backend: str, fmt: io.Format) -> None:
    text = "строка\x85вторая\u2028третья\u2029 четвёртая "
    roadmap = Roadmap("nel", title=text, notes=(text, "\x85", "\u2028"))
    with _backend(yaml_backend):
        assert io.loads(io.dumps(roadmap, fmt), fmt) == roadmap


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(width=st.integers(min_value=1, max_value=sys.get_int_max_str_digits()), negative=st.booleans())
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_integers_of_any_readable_width_survive(fmt: io.Format, width: int, negative: bool) -> None:
    value = int("9" * width) * (-1 if negative else 1)
    roadmap = Roadmap("n", sections=(Section(ordinal=value, measures=(Measure(ordinal=value),)),))
    assert io.loads(io.dumps(roadmap, fmt), fmt) == roadmap


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(digits=st.text("0123456789", min_size=1, max_size=5000))
def test_numbers_written_as_text_stay_text(digits: str) -> None:
    roadmap = Roadmap("digits", title=digits, notes=(digits, f"{digits}.", f"0{digits}"))
    for fmt in ("json", "yaml"):
        assert io.loads(io.dumps(roadmap, fmt), fmt) == roadmap


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_an_integer_too_wide_to_write_is_a_typed_error(fmt: io.Format) -> None:
    roadmap = Roadmap("wide", sections=(Section(ordinal=10 ** sys.get_int_max_str_digits()),))
    with pytest.raises(InvalidValueError, match="cannot write roadmap 'wide'"):
        io.dumps(roadmap, fmt)


def _nested(levels: int) -> Roadmap:
    section = PlanBuilder("d").section("1. A").measure("1.1.", "x", term="май 2024").build().sections[0]
    for _ in range(levels):
        section = Section(heading="h", subgroups=(section,))
    return Roadmap("d", sections=(section,))


def _depth(roadmap: Roadmap) -> int:
    shape: list[tuple[object, int]] = [(io.to_document(roadmap), 1)]
    deepest = 0
    while shape:
        value, depth = shape.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            shape.extend((v, depth + 1) for v in value)
    return deepest


@backends
@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("max_depth", [64, datafiles.DEPTH_CEILING])
def test_what_dumps_writes_loads_reads_and_no_deeper(
    yaml_backend: str, fmt: io.Format, max_depth: int
) -> None:
    with _backend(yaml_backend):
        _dumps_and_loads_agree(fmt, max_depth)


def _dumps_and_loads_agree(fmt: io.Format, max_depth: int) -> None:
    limits = io.LoadLimits(max_depth=max_depth)
    levels = next(k for k in range(max_depth) if _depth(_nested(k + 1)) > max_depth)
    deepest = _nested(levels)
    assert io.loads(io.dumps(deepest, fmt, limits=limits), fmt, limits=limits) == deepest
    with pytest.raises(InvalidValueError, match=r"nested \d+ levels deep; the limit is"):
        io.dumps(_nested(levels + 1), fmt, limits=limits)
    # the document (1) › roadmap (2) › notes (3) › max_depth - 2 more lists: one level too deep
    deeper = (
        '{"schema_version": 1, "roadmap": {"id": "x", "notes": '
        + "[" * (max_depth - 1)
        + "]" * (max_depth - 1)
        + "}}"
    )
    with pytest.raises(
        RoadmapFormatError, match=f"nested {max_depth + 1} levels deep; the limit is {max_depth}"
    ):
        io.loads(deeper, fmt, limits=limits)


@backends
def test_yaml_holds_no_anchors_for_shared_values(yaml_backend: str) -> None:
    with _backend(yaml_backend):
        _no_anchors()


def _no_anchors() -> None:
    measure = (
        PlanBuilder("d").section("A").measure("1.", "x", term="май 2024").build().sections[0].measures[0]
    )
    roadmap = Roadmap("shared", sections=(Section(measures=(measure, measure)), Section(measures=(measure,))))
    text = io.dumps(roadmap, "yaml")
    assert "&id" not in text
    assert "*id" not in text
    assert io.loads(text, "yaml") == roadmap


@backends
def test_aliases_within_a_raised_limit_are_read(yaml_backend: str) -> None:
    with _backend(yaml_backend):
        _aliases_within_limit()


def _aliases_within_limit() -> None:
    text = (
        "schema_version: 1\nroadmap:\n  id: a\n  notes: &n [x, y]\n"
        "  orders: []\n  legal_basis: []\n  clusters: []\n  sections: [{measures: []}, {measures: []}]\n"
    )
    assert io.loads(text, "yaml").notes == ("x", "y")
    shared = text.replace(
        "  sections: [{measures: []}, {measures: []}]", "  sections: [&s {measures: []}, *s]"
    )
    with pytest.raises(RoadmapFormatError, match="max_alias_nodes=0"):
        io.loads(shared, "yaml")
    roadmap = io.loads(shared, "yaml", limits=io.LoadLimits(max_alias_nodes=1))
    assert len(roadmap.sections) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_depth", 0),
        ("max_depth", datafiles.DEPTH_CEILING + 1),
        ("max_bytes", -1),
        ("max_alias_nodes", True),
    ],
)
def test_limits_are_validated(field: str, value: object) -> None:
    with pytest.raises(InvalidValueError, match=f"LoadLimits.{field}"):
        io.LoadLimits(**{field: value})  # type: ignore[arg-type]


def test_limits_are_a_frozen_value() -> None:
    limits = io.LoadLimits()
    assert (limits.max_bytes, limits.max_depth, limits.max_alias_nodes) == (64 * 1024 * 1024, 64, 0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        limits.max_depth = 3  # type: ignore[misc]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_unicode_files_are_read_in_every_utf(tmp_path: object, encoding: str, fmt: io.Format) -> None:
    from pathlib import Path

    roadmap = Roadmap("enc", title="Дорожная карта «ГИА-2024» — ёлка 𝄞")
    path = Path(str(tmp_path)) / f"plan.{fmt}"
    path.write_bytes(io.dumps(roadmap, fmt).encode(encoding))
    assert io.load(path) == roadmap


def test_a_lone_surrogate_is_refused_before_anything_is_written(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "plan.json"
    with pytest.raises(InvalidValueError, match=r"line \d+, column \d+: .*lone surrogate"):
        io.dump(Roadmap("s", title="a\ud800b"), path)
    assert not path.exists()
    assert io.loads(io.dumps(Roadmap("s", title="a\ud800b"))).title == "a\ud800b"


@settings(deadline=None)  # timing varies on a shared machine; no test here is timed
@given(
    parts=st.lists(st.text("0123456789", min_size=1, max_size=5000), min_size=1, max_size=3),
    dot=st.booleans(),
)
def test_a_measure_number_of_any_width_is_kept_as_written(parts: list[str], dot: bool) -> None:
    from gia_roadmap.plan.model import MeasureNumber

    raw = ".".join(parts) + ("." if dot else "")
    number = MeasureNumber.parse(raw)
    assert number.raw == raw
    if all(len(p) <= 18 for p in parts):
        assert number.parts == tuple(int(p) for p in parts)
    else:
        assert number.parts == ()
    roadmap = Roadmap("n", sections=(Section(measures=(Measure(number=number),)),))
    assert io.loads(io.dumps(roadmap)) == roadmap


@pytest.mark.parametrize("key", ["0", "null", "~", "true", "1.5", "0x1F"])
def test_a_key_that_is_not_text_is_located(key: str) -> None:
    text = f"schema_version: 1\nroadmap:\n  id: k\n  sections:\n  - measures:\n    - {key}: x\n"
    with pytest.raises(RoadmapFormatError) as caught:
        io.loads(text, "yaml")
    problem = caught.value.problems[0]
    assert problem.code == "invalid-key"
    assert problem.location.path == "$.roadmap.sections[0].measures[0]"
