"""The generator covers the grammar: every production of the parser reads some generated phrase, and
every anchor, frequency and term class the productions build is drawn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import Phase, find, given, settings

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.grammar import parse_term, parser
from gia_roadmap.calendar.grammar import phrases as phrases_module
from gia_roadmap.calendar.grammar.phrases import Phrase, phrases
from gia_roadmap.calendar.grammar.reader import Found, Reader
from gia_roadmap.calendar.terms import Frequency, Recurring, Relative, walk

Production = Callable[[Reader, int, int], Found]


def _recording(production: Production, hits: Counter[str]) -> Production:
    def recording(p: Reader, pos: int, end: int) -> Found:
        found = production(p, pos, end)
        if found is not None:
            hits[production.__name__] += 1
        return found

    return recording


def test_every_production_reads_some_generated_phrase(monkeypatch: pytest.MonkeyPatch) -> None:
    hits: Counter[str] = Counter()
    wrapped = {production: _recording(production, hits) for production, _ in parser.PRODUCTIONS}
    dispatch = {c: tuple(wrapped[f] for f in found) for c, found in parser._DISPATCH.items()}
    monkeypatch.setattr(parser, "_DISPATCH", dispatch)

    @settings(max_examples=1500, derandomize=True, database=None, deadline=None)
    @given(phrases())
    def read(phrase: Phrase) -> None:
        parse_term(phrase.text, school_year=phrase.school_year)

    read()
    # a production the fixed sample missed is searched for, not hoped for: which phrases a derandomized
    # sample holds depends on the Hypothesis version and on how many productions the generator has
    for name in sorted({p.__name__ for p, _ in parser.PRODUCTIONS} - set(hits)):

        def reads(phrase: Phrase, name: str = name) -> bool:
            before = hits[name]
            parse_term(phrase.text, school_year=phrase.school_year)
            return hits[name] > before

        find(
            phrases(),
            reads,
            settings=settings(max_examples=20_000, database=None, deadline=None, phases=[Phase.generate]),
        )
    assert {p.__name__ for p, _ in parser.PRODUCTIONS} - set(hits) == set()


def _anchors_of(phrase: Phrase) -> set[Anchor]:
    term = parse_term(phrase.text, school_year=phrase.school_year)
    return {t.anchor for t in walk(term) if isinstance(t, Relative) and isinstance(t.anchor, Anchor)}


@pytest.mark.parametrize(
    "anchor", [Anchor.EXAM_DAY, Anchor.EXAM_START, Anchor.SCHOOL_YEAR_START, Anchor.SCHOOL_QUARTER_END]
)
def test_the_generator_writes_phrases_read_as_each_anchor(anchor: Anchor) -> None:
    """Searched for, not hoped for in a fixed sample: a rare event (about one phrase in 150 counts from
    a quarter's end) must not depend on which examples one Hypothesis version happens to draw."""
    found = find(
        phrases(),
        lambda phrase: anchor in _anchors_of(phrase),
        settings=settings(max_examples=20_000, database=None, deadline=None, phases=[Phase.generate]),
    )
    assert anchor in _anchors_of(found)


def test_the_generator_writes_a_phrase_read_as_once_a_quarter() -> None:
    def quarterly(phrase: Phrase) -> bool:
        term = parse_term(phrase.text, school_year=phrase.school_year)
        return any(isinstance(t, Recurring) and t.frequency is Frequency.SCHOOL_QUARTERLY for t in walk(term))

    found = find(
        phrases(),
        quarterly,
        settings=settings(max_examples=20_000, database=None, deadline=None, phases=[Phase.generate]),
    )
    assert quarterly(found)


def test_the_generator_writes_every_anchor_and_frequency() -> None:
    """Every anchor a relative term counts from (the exam campaign's periods are read as exam-period
    terms instead) is among the events the generator writes, every frequency among its recurrences."""
    written = {a for a, _, _ in phrases_module._BUILT_IN} | {a for a, _, _ in phrases_module._SCHOOL_EVENTS}
    assert {a for a in Anchor if not a.is_period or a is Anchor.SCHOOL_QUARTER} - written == set()
    assert {f for f, _ in phrases_module._ONCE_A} == set(Frequency)
