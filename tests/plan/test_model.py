"""The model: numbers, identity with duplicate and missing numbers, walking, parent references."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.terms import MissingTerm
from gia_roadmap.plan import (
    Measure,
    MeasureNumber,
    ParentItemRef,
    Roadmap,
    Section,
    SectionKind,
    classify_section,
)
from tests.plan.example import example_roadmap
from tests.plan.seed_data import rows


@pytest.mark.parametrize(
    ("raw", "parts", "dot"),
    [("1.", (1,), True), ("2.2.13", (2, 2, 13), False), (" 1.2.1. ", (1, 2, 1), True), ("4.8", (4, 8), False),
     ("", (), False), ("—", (), False), ("1.2.а", (), False), ("3 .4", (3, 4), False)],
)  # fmt: skip
def test_measure_numbers_keep_raw_and_parts(raw: str, parts: tuple[int, ...], dot: bool) -> None:
    number = MeasureNumber.parse(raw)
    assert (number.raw, number.parts, number.trailing_dot) == (raw, parts, dot)


@given(st.text(max_size=12))
def test_number_parsing_never_raises_and_keeps_raw(raw: str) -> None:
    assert MeasureNumber.parse(raw).raw == raw


def test_duplicate_and_missing_numbers_are_legal_and_distinct_by_identity() -> None:
    roadmap = example_roadmap()
    duplicates = roadmap.find("1.2")
    assert len(duplicates) == 2
    assert duplicates[0].id != duplicates[1].id
    ids = [m.id for m in roadmap.walk()]
    assert len(ids) == len(set(ids))
    unnumbered = [m for m in roadmap.walk() if not m.measure.number.is_numbered]
    assert unnumbered
    assert isinstance(unnumbered[0].measure.term, MissingTerm)
    assert roadmap.get(duplicates[1].id) == duplicates[1]


def test_walk_visits_subgroups_after_own_measures_with_paths() -> None:
    roadmap = example_roadmap()
    located = list(roadmap.walk())
    assert [m.id.section for m in located] == [(0,)] * 6 + [(0, 0), (1,)]
    assert located[6].sections[-1].heading == "Проведение ГИА-11"
    assert str(located[0].id) == "kogalym-2021/§0/1.1#0"


def test_section_kind_falls_back_to_enclosing_sections_and_topic_wins() -> None:
    roadmap = example_roadmap()
    located = list(roadmap.walk())
    assert located[6].section_kind is SectionKind.ANALYSIS  # subgroup is OTHER, its parent ANALYSIS
    assert located[4].section_kind is SectionKind.ORGANISATIONAL  # own topic


def test_parent_item_refs_read_one_to_many() -> None:
    assert ParentItemRef.parse("6.16, 6.17").numbers == ("6.16", "6.17")
    assert ParentItemRef.parse("2.16").numbers == ("2.16",)
    assert ParentItemRef.parse("").numbers == ()


def test_empty_defaults_are_explicit() -> None:
    measure = Measure()
    assert isinstance(measure.term, MissingTerm)
    assert measure.status.kind.value == "planned"
    assert Roadmap("x").measures == ()
    assert Section().measures == ()


HEADINGS = rows("section_headings.tsv")


@pytest.mark.parametrize(("heading", "kind"), HEADINGS, ids=[h[:40] for h, _ in HEADINGS])
def test_section_headings_of_the_seeds(heading: str, kind: str) -> None:
    assert classify_section(heading) is SectionKind(kind)


def test_unknown_heading_is_other() -> None:
    assert classify_section("Разное") is SectionKind.OTHER
