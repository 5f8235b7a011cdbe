"""The grammar generator as an oracle: every phrase the documented productions build parses to the
meaning the generator built with it; hostile variants never crash the reader.

Profiles (``GIA_GRAMMAR_PROFILE``): ``grammar-ci`` runs 10⁴ phrases (the default under ``CI``),
``grammar-dev`` 500 (the default elsewhere), ``grammar-long`` 10⁶ (run by hand; the figures are in
docs/performance.md)::

    GIA_GRAMMAR_PROFILE=grammar-long python -m pytest tests/terms/test_grammar_phrases.py -p no:cacheprovider
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from gia_roadmap.calendar.grammar import parse_term, split_terms
from gia_roadmap.calendar.grammar.phrases import Phrase, hostile_texts, phrases
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.terms import UnparsedTerm, walk
from gia_roadmap.errors import TermSyntaxError

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "print_blob": True}
settings.register_profile("grammar-dev", max_examples=500, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("grammar-ci", max_examples=10_000, derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("grammar-long", max_examples=1_000_000, database=None, **_COMMON)  # type: ignore[arg-type]
PROFILE = settings.get_profile(
    os.environ.get("GIA_GRAMMAR_PROFILE", "grammar-ci" if os.environ.get("CI") else "grammar-dev")
)
FUZZ = settings(PROFILE, max_examples=max(100, PROFILE.max_examples // 10))


@settings(PROFILE)
@given(phrases())
def test_every_generated_phrase_parses_to_its_meaning(phrase: Phrase) -> None:
    term = parse_term(phrase.text, school_year=phrase.school_year)
    assert term == phrase.term, phrase.text
    assert term.raw == phrase.text
    back = parse_term(render(term), school_year=phrase.school_year)
    assert back == term, render(term)
    for window in term.resolve(school_year=phrase.school_year):
        assert window.start <= window.end


@FUZZ
@given(hostile_texts())
def test_hostile_text_gives_a_term_or_a_typed_error(text: str) -> None:
    term = parse_term(text)
    assert not any(isinstance(t, UnparsedTerm) and "internal error" in t.reason for t in walk(term))
    position = 0
    try:
        parse_term(text, strict=True)
    except TermSyntaxError as exc:
        position = exc.problem.location.span[0] if exc.problem.location.span else -1
    assert 0 <= position <= len(text)
    split_terms(text)
