"""Hypothesis properties: canonical rendering reads back to the same term."""

from __future__ import annotations

from hypothesis import given

from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import Term
from gia_roadmap.strategies_terms import terms_with_school_year


@given(terms_with_school_year())
def test_render_parse_round_trip(case: tuple[Term, SchoolYear]) -> None:
    term, sy = case
    text = render(term)
    back = parse_term(text, school_year=sy)
    assert back == term, text
    assert back.raw == text


@given(terms_with_school_year())
def test_render_is_stable(case: tuple[Term, SchoolYear]) -> None:
    term, sy = case
    assert render(parse_term(render(term), school_year=sy)) == render(term)


@given(terms_with_school_year())
def test_resolution_never_raises(case: tuple[Term, SchoolYear]) -> None:
    term, sy = case
    resolution = term.resolve(school_year=sy)
    for window in resolution:
        assert window.start <= window.end
