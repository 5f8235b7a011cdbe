# The public names of gia_roadmap, written once: type checkers read this stub, and at run time
# _lazy.attach (lazy_loader) in __init__.py builds __all__ and the lazy imports from it.

from .errors import (
    CalendarCoverageError as CalendarCoverageError,
    CalendarDataError as CalendarDataError,
    CalendarOverrideError as CalendarOverrideError,
    DateTypeError as DateTypeError,
    GiaRoadmapError as GiaRoadmapError,
    InvalidTypeError as InvalidTypeError,
    InvalidValueError as InvalidValueError,
    Language as Language,
    Location as Location,
    Problem as Problem,
    problems_of as problems_of,
    RoadmapFormatError as RoadmapFormatError,
    ScheduleCoverageError as ScheduleCoverageError,
    ScheduleDataError as ScheduleDataError,
    Severity as Severity,
    TableReadError as TableReadError,
    TermSyntaxError as TermSyntaxError,
    UnknownExampleError as UnknownExampleError,
    UnsupportedFormatError as UnsupportedFormatError,
    UsageError as UsageError,
)

__version__: str
_SUBMODULES: frozenset[str]  # the public subpackages, imported on their own (not lazily)

def _hypothesis_setup_hook() -> None: ...
