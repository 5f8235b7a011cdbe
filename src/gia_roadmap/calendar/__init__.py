"""Dates: the official Russian production calendar, working-day arithmetic and deadline terms.

This package knows dates, never plans:

* :class:`RussianCalendar` — the official production calendar (производственный календарь);
* the deadline terms («Сроки»): :func:`parse_term`, :func:`split_terms`, :func:`render` and one class per
  form (:class:`Month`, :class:`MonthRange`, :class:`Relative`, …), resolved to :class:`DateWindow` values;
* :class:`SchoolYear` and the :class:`Anchor` events relative terms count from;
* the exam vocabulary (:class:`ExamKind`, :class:`ExamStage`, :class:`Subject`, :class:`ExamScope`, and
  :func:`detect_exam_scopes`, :func:`find_subjects` for reading them in text);
* :class:`ExamSchedule` (exam days of ЕГЭ, ОГЭ, ГВЭ, итоговое сочинение, итоговое собеседование), the
  federal timelines of the Порядки ГИА (:func:`federal_timelines`), and the dated, scoped exam events
  both give (:func:`exam_events`, :class:`ExamEvents`).
"""

from gia_roadmap._lazy import attach

# The public names are written once, in __init__.pyi; each is imported from its submodule on first use.
__getattr__, __dir__, __all__ = attach(__name__, __file__)
