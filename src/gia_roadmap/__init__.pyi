# The public names of gia_roadmap, written once: type checkers read this stub, and at run time
# _lazy.attach (lazy_loader) in __init__.py builds __all__ and the lazy imports from it.

from .errors import (
    CalendarCoverageError as CalendarCoverageError,
)
from .errors import (
    CalendarDataError as CalendarDataError,
)
from .errors import (
    CalendarOverrideError as CalendarOverrideError,
)
from .errors import (
    DateTypeError as DateTypeError,
)
from .errors import (
    GiaRoadmapError as GiaRoadmapError,
)
from .errors import (
    InvalidTypeError as InvalidTypeError,
)
from .errors import (
    InvalidValueError as InvalidValueError,
)
from .errors import (
    Language as Language,
)
from .errors import (
    Location as Location,
)
from .errors import (
    Problem as Problem,
)
from .errors import (
    RoadmapFormatError as RoadmapFormatError,
)
from .errors import (
    ScheduleCoverageError as ScheduleCoverageError,
)
from .errors import (
    ScheduleDataError as ScheduleDataError,
)
from .errors import (
    Severity as Severity,
)
from .errors import (
    TableReadError as TableReadError,
)
from .errors import (
    TermSyntaxError as TermSyntaxError,
)
from .errors import (
    UnknownExampleError as UnknownExampleError,
)
from .errors import (
    UnsupportedFormatError as UnsupportedFormatError,
)
from .errors import (
    UsageError as UsageError,
)
from .errors import (
    problems_of as problems_of,
)

__version__: str

def _hypothesis_setup_hook() -> None: ...
