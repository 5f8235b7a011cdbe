"""Fuzzing ``io.loads`` (issue 19, point 7): mutated and generated JSON and YAML texts end in a roadmap
or a :class:`~gia_roadmap.errors.GiaRoadmapError`, never in another exception, and a roadmap that loads
writes back to the same roadmap.

Inputs come two ways: a valid file (a small plan written by ``io.dumps``) edited at drawn places with
drawn pieces of hostile syntax (brackets by the thousand, anchors and aliases, merge keys, tags, wide
integers, impossible dates, byte-order marks, NUL, U+0085, U+2028, lone surrogate escapes…), and plain
data drawn from a recursive strategy and written with the json module.

The CI profile runs the suite's Hypothesis profile (300 examples per format); the long profile's
number per test is ``GIA_FUZZ_LOADS`` (default ``GIA_FUZZ_EXAMPLES``, :mod:`tests.hostile.fuzzing`).
Its runs and their figures are in ``docs/security.md``.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.errors import GiaRoadmapError
from gia_roadmap.plan import Roadmap
from gia_roadmap.testing import PlanBuilder
from tests.hostile.fuzzing import profile

_PIECES = [
    "[", "]", "{", "}", ",", ":", "- ", "? ", "\n", "\n  ", "\t", " ", '"', "'", "#",
    "&a ", "*a", "&b [*a, *a, *a]", "<<: *a\n", "!!binary ", "!!timestamp ", "!!python/object:os.system ",
    "!!set ", "!!omap ", "!!int ", "!!float ", "!!str ", "%YAML 1.1\n---\n", "---\n", "...\n",
    "9" * 5000, "0x" + "f" * 5000, "1e999", "-0", "NaN", "Infinity", ".nan", "0o17", "1_000", "1:30:00",
    "2024-13-01", "2024-02-30", "2024-05-01T10:00:00", "~", "null", "true", "yes", "on",
    "\ufeff", "\x00", "\x85", "\u2028", "\u2029", "\x0b", "\x1b", "\\ud800", "\\u0000", "\ud800",
    "schema_version", "roadmap", "sections", "measures", "kind", "type", "Body", "month_range",
]  # fmt: skip


@cache
def _seed_texts() -> dict[str, str]:
    roadmap = (
        PlanBuilder("fuzz", title="Дорожная карта «ГИА-2024»")
        .section("1. Организационные мероприятия")
        .measure("1.1.", "Совещание с руководителями ОО", term="до 17 ноября 2023 года", responsible="УО")
        .measure("1.2.", "Мониторинг", term="август – сентябрь 2023 года", responsible="ОО")
        .build()
    )
    return {fmt: io.dumps(roadmap, fmt) for fmt in ("json", "yaml")}


@st.composite
def _mutated(draw: st.DrawFn, fmt: io.Format) -> str:
    text = _seed_texts()[fmt]
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        piece = draw(st.sampled_from(_PIECES) | st.text(max_size=12))
        times = draw(st.sampled_from([1, 1, 1, 2, 10, 70, 1500]))
        text = text[:start] + piece * times + text[end:]
    return text


_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@st.composite
def _generated(draw: st.DrawFn) -> str:
    roadmap = draw(_PLAIN | st.fixed_dictionaries({"id": st.text(max_size=8)}, optional={"notes": _PLAIN}))
    document = draw(st.sampled_from([{"schema_version": 1, "roadmap": roadmap}, roadmap]))
    return json.dumps(document, ensure_ascii=draw(st.booleans()))


def _loads_cleanly(text: str, fmt: io.Format) -> None:
    try:
        roadmap = io.loads(text, fmt)
    except GiaRoadmapError:
        return
    assert isinstance(roadmap, Roadmap)
    assert io.loads(io.dumps(roadmap, fmt), fmt) == roadmap


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@profile("loads")
@given(data=st.data())
def test_mutated_files_load_or_fail_typed(fmt: io.Format, data: st.DataObject) -> None:
    _loads_cleanly(data.draw(_mutated(fmt)), fmt)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@profile("loads")
@given(text=_generated())
def test_generated_documents_load_or_fail_typed(fmt: io.Format, text: str) -> None:
    _loads_cleanly(text, fmt)  # JSON text is YAML too
