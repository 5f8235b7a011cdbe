"""gia_roadmap: typed, checkable «дорожные карты» for Russia's school-leaving exams (ГИА).

Subpackages:

* :mod:`gia_roadmap.calendar` — the official production calendar, working-day arithmetic and deadline
  terms («Сроки»).
* :mod:`gia_roadmap.errors` — the error hierarchy rooted at :class:`GiaRoadmapError`.
"""

from importlib.metadata import PackageNotFoundError, version

from gia_roadmap.errors import (
    CalendarCoverageError,
    CalendarDataError,
    CalendarOverrideError,
    DateTypeError,
    GiaRoadmapError,
    TermSyntaxError,
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
    "GiaRoadmapError",
    "TermSyntaxError",
    "__version__",
]
