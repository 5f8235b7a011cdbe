"""Fuzzing deadline cells end to end (issue 19, point 7): a hostile text — a grammar phrase cut,
glued, nested, repeated and sprinkled with other characters (the deadlines issue's generator,
:func:`~gia_roadmap.calendar.grammar.phrases.hostile_texts`), or one with a huge count — is read to
a term (never an internal error), and the term resolves in a school year to windows, or fails with a
:class:`~gia_roadmap.errors.GiaRoadmapError`; never another exception. The long profile's number
of cells is ``GIA_FUZZ_CELLS`` (default ``GIA_FUZZ_EXAMPLES``, :mod:`tests.hostile.fuzzing`).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.grammar import parse_term, split_terms
from gia_roadmap.calendar.grammar.phrases import hostile_texts
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import UnparsedTerm, walk
from gia_roadmap.errors import GiaRoadmapError
from tests.hostile.fuzzing import profile

_HUGE = st.builds(
    "{} {} {} до {}".format,
    st.sampled_from(["за", "не позднее чем за", "в течение", "через"]),
    st.sampled_from([0, 1, 366, 10**4, 8 * 10**5, 10**9, 10**30]).map(str),
    st.sampled_from(["дней", "рабочих дней", "календарных дней", "недель", "месяцев", "лет"]),
    st.sampled_from(["экзамена", "начала учебного года", "1 марта", "дня проведения ГИА"]),
)


@profile("cells", ci_examples=300)
@given(hostile_texts() | _HUGE, st.integers(2013, 2027))
def test_a_hostile_cell_reads_and_resolves_or_fails_typed(text: str, year: int) -> None:
    school_year = SchoolYear(year)
    term = parse_term(text, school_year=school_year)
    assert not any(isinstance(t, UnparsedTerm) and "internal error" in t.reason for t in walk(term))
    split_terms(text)
    try:
        windows = list(term.resolve(school_year=school_year))
    except GiaRoadmapError:
        return
    for window in windows:
        assert window.start <= window.end
