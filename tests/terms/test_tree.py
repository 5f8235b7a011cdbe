"""The one traversal of term trees: ``children()``, ``walk()`` and ``parts()``."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given

from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import (
    TERM_CLASSES,
    Compound,
    DateList,
    Note,
    PerExam,
    PeriodList,
    Term,
    TermSequence,
    parts,
    walk,
)
from gia_roadmap.strategies import terms_with_school_year


def _reference_parts(term: Term) -> Iterator[Term]:
    """The recursive definition the checks, the graph and the importer each used to spell out."""
    if isinstance(term, Compound):
        yield from _reference_parts(term.base)
        yield from _reference_parts(term.qualifier)
    elif isinstance(term, TermSequence):
        for item in term.items:
            yield from _reference_parts(item)
    elif isinstance(term, PerExam):
        for _, part in term.parts:
            yield from _reference_parts(part)
    else:
        yield term


def _reference_walk(term: Term) -> Iterator[Term]:
    yield term
    for child in term.children():
        yield from _reference_walk(child)


@given(terms_with_school_year())
def test_parts_and_walk_follow_children(case: tuple[Term, SchoolYear]) -> None:
    term, _ = case
    assert list(parts(term)) == list(_reference_parts(term))
    assert list(walk(term)) == list(_reference_walk(term))


def test_only_the_grouping_classes_are_containers() -> None:
    assert {cls for cls in TERM_CLASSES if cls.container} == {Compound, TermSequence, PerExam}


def test_lists_have_children_but_are_one_part() -> None:
    term = parse_term("до 01.11.2023, до 20.04.2024")
    assert isinstance(term, DateList)
    assert term.children() == term.items
    assert list(parts(term)) == [term]
    listed = parse_term("март, апрель-май, август 2024")
    assert isinstance(listed, PeriodList)
    assert [t.kind for t in walk(listed)] == ["period_list", "month", "month_range", "month"]


def test_walk_has_no_depth_limit() -> None:
    term: Term = Note("x")
    for _ in range(5000):
        term = Compound(term, Note("y"), True)
    assert sum(1 for _ in walk(term)) == 10001
    assert sum(1 for _ in parts(term)) == 5001
