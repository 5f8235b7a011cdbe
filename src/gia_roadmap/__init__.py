"""gia_roadmap: typed, checkable «дорожные карты» for Russia's school-leaving exams (ГИА).

Subpackages:

* :mod:`gia_roadmap.calendar` — the official production calendar, working-day arithmetic and deadline
  terms («Сроки»).
* :mod:`gia_roadmap.plan` — roadmaps, sections and measures, the registries that read real documents,
  the dependency graph and :func:`~gia_roadmap.plan.check`.
* :mod:`gia_roadmap.io` — JSON/YAML, importing Word/Excel/CSV/text tables, exports.
* :mod:`gia_roadmap.examples` — the five seed documents as seven bundled roadmaps.
* :mod:`gia_roadmap.strategies` — Hypothesis strategies for every public type.
* :mod:`gia_roadmap.errors` — the error hierarchy rooted at :class:`GiaRoadmapError`.
"""

from importlib.metadata import PackageNotFoundError, version

from gia_roadmap.errors import (
    CalendarCoverageError,
    CalendarDataError,
    CalendarOverrideError,
    DateTypeError,
    FieldError,
    GiaRoadmapError,
    InvalidTypeError,
    InvalidValueError,
    RoadmapFormatError,
    ScheduleCoverageError,
    ScheduleDataError,
    ScheduleProblem,
    TableReadError,
    TermSyntaxError,
    UnknownExampleError,
    UnsupportedFormatError,
)

try:
    __version__ = version("gia-roadmap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "CalendarCoverageError",
    "CalendarDataError",
    "CalendarOverrideError",
    "DateTypeError",
    "FieldError",
    "GiaRoadmapError",
    "InvalidTypeError",
    "InvalidValueError",
    "RoadmapFormatError",
    "ScheduleCoverageError",
    "ScheduleDataError",
    "ScheduleProblem",
    "TableReadError",
    "TermSyntaxError",
    "UnknownExampleError",
    "UnsupportedFormatError",
    "__version__",
]
