"""The exam options of the CLI: ``--exam ОГЭ|ЕГЭ|ГВЭ-9|ГИА-11|…`` and ``--subject математика``, and the
bundled exam events ``gia-roadmap resolve`` counts from.

``resolve`` binds its text the way ``check`` binds a measure (:func:`gia_roadmap.plan.measure_scope`):
the exams given with ``--exam`` (else those the text names, «…экзамена ГИА-9»), the stages and reserve
days the text names, and the subjects given with ``--subject`` (else those the text names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from gia_roadmap.errors import UsageError

if TYPE_CHECKING:
    from gia_roadmap.calendar import ExamEvents, ExamScope, SchoolYear, Subject, WorkingDayCalendar

__all__ = ["bundled_events", "exam_scopes", "subjects"]

T = TypeVar("T")


def _named(
    values: Sequence[str],
    option: str,
    choices: Sequence[T],
    code: Callable[[T], str],
    read: Callable[[str], Iterable[T]],
    what: str,
    names: Iterable[str],
) -> list[T]:
    """The members of ``choices`` each of ``values`` names by its ``code`` or in words (``read``), each once.

    Raises:
        UsageError: a value names none; the message says ``what`` it is not and lists ``names``.
    """
    found: list[T] = []
    for text in values:
        named = [c for c in choices if code(c) == text.strip().lower()] or list(read(text))
        if not named:
            raise UsageError(f"{option} {text!r}: not {what}; use one of {', '.join(names)}")
        found.extend(c for c in named if c not in found)
    return found


def exam_scopes(values: Sequence[str], option: str = "--exam") -> list[ExamScope]:
    """The exam scopes named by ``values`` (codes such as ``oge`` or names such as «ОГЭ», «ГИА-9»).

    Raises:
        UsageError: a value names no exam; the message lists the names.
    """
    from gia_roadmap.calendar import ExamScope, detect_exam_scopes

    scopes = list(ExamScope)
    names = (s.label for s in scopes)
    return _named(values, option, scopes, lambda s: s.value, detect_exam_scopes, "an exam name", names)


def subjects(values: Sequence[str], option: str = "--subject") -> list[Subject]:
    """The subjects named by ``values`` («математика», «русскому языку», «иностранные языки (устная часть)»).

    Raises:
        UsageError: a value names no subject; the message lists the names.
    """
    from gia_roadmap.calendar import Subject, find_subjects

    every = list(Subject)
    names = (s.value for s in every if not s.is_collective)
    return _named(values, option, every, lambda s: s.value, find_subjects, "a subject", names)


def bundled_events(
    text: str,
    *,
    school_year: SchoolYear,
    calendar: WorkingDayCalendar | None,
    exams: Sequence[ExamScope] = (),
    subject: Sequence[Subject] = (),
) -> ExamEvents:
    """The events of the bundled schedule of ``school_year`` in the scope of the deadline ``text``.

    When no schedule is bundled for the year the result is empty and its ``notice`` says so.
    """
    from gia_roadmap.calendar import exam_events_for, parse_term
    from gia_roadmap.plan import Measure, measure_scope

    measure = Measure(term=parse_term(text, school_year=school_year), exam_scope=tuple(exams))
    scope = measure_scope(measure)
    if subject:
        scope = attrs.evolve(scope, subjects=frozenset(subject))
    return exam_events_for(school_year, calendar).filter(scope)
