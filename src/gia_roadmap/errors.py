"""The one error hierarchy of gia_roadmap.

Every error the library raises on purpose is a :class:`GiaRoadmapError`. Each specific error also
subclasses the built-in exception a caller would naturally catch (``ValueError``, ``LookupError``,
``TypeError``), so ``except ValueError`` keeps working for code that does not know this library.

Every message says what was wrong, where (the text and position, the date, the measure number) and
what would have been valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

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
]


class GiaRoadmapError(Exception):
    """Root of every error raised by gia_roadmap."""


class CalendarCoverageError(GiaRoadmapError, LookupError):
    """A date lies in a year for which no official production-calendar data is bundled.

    Attributes:
        year: the year that was asked for.
        covered: the first and last covered year (inclusive).
    """

    def __init__(
        self, year: int, covered: tuple[int, int], *, what: str = "", rules_only: bool = False
    ) -> None:
        self.year = year
        self.covered = covered
        first, last = covered
        subject = f"{what}: " if what else ""
        if rules_only:
            advice = f"Labour Code rule estimates are offered for {first}–{last} only."
            scope = "the years this calendar can estimate"
        else:
            advice = (
                f"Use a date in {first}–{last}, or create the calendar with "
                f"RussianCalendar(rules_only=True) to get Labour Code rule estimates for other years."
            )
            scope = "the official production calendar"
        super().__init__(f"{subject}{year} is outside {scope} (covered years: {first}–{last}). {advice}")


class CalendarDataError(GiaRoadmapError, ValueError):
    """A bundled or user-supplied calendar data file is malformed or inconsistent."""


class CalendarOverrideError(GiaRoadmapError, ValueError):
    """User overrides of a calendar contradict each other or fall outside its coverage."""


class InvalidValueError(GiaRoadmapError, ValueError):
    """A value given to a constructor or a function is outside what it accepts (a month 13, a window
    that ends before it starts, an unknown option); the message says what would be valid."""


class InvalidTypeError(GiaRoadmapError, TypeError):
    """A value of the wrong type was given; the message names the type expected."""


class DateTypeError(InvalidTypeError):
    """A value of the wrong type was given where a date or a whole number of days is expected."""


class TermSyntaxError(GiaRoadmapError, ValueError):
    """Deadline text («Сроки») that the parser cannot read, raised only in strict mode.

    Attributes:
        text: the whole text being parsed.
        position: 0-based character offset where reading failed.
        expected: a description of what would have been valid there.
    """

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        pointer = text[:position] + "⟨here⟩" + text[position:]
        super().__init__(
            f"cannot read deadline text {text!r} at position {position}: expected {expected}; "
            f"text with the position marked: {pointer!r}"
        )


class ScheduleProblem(NamedTuple):
    """One problem found in an exam-schedule document (a located, explained error).

    Attributes:
        file: the file (or ``"<string>"``) the document came from.
        path: where in the document, as ``days[3].date`` (``""`` for the whole document).
        message: what is wrong, quoting the offending value.
        expected: what would have been valid there.
    """

    file: str
    path: str
    message: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}; expected {self.expected}"


class ScheduleDataError(GiaRoadmapError, ValueError):
    """An exam-schedule document (bundled or the user's YAML/JSON) is malformed or inconsistent.

    The loader collects *every* problem before raising, so one run shows them all.

    Attributes:
        problems: each problem with its file, path in the document and what would be valid.
    """

    def __init__(self, problems: Sequence[ScheduleProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the exam schedule:\n{lines}")


class ScheduleCoverageError(GiaRoadmapError, LookupError):
    """No bundled exam schedule exists for the requested school year.

    Attributes:
        school_year: the start year of the school year asked for.
        available: start years of the bundled school years.
    """

    def __init__(self, school_year: int, available: Sequence[int]) -> None:
        self.school_year = school_year
        self.available = tuple(available)
        names = ", ".join(f"{y}/{str(y + 1)[-2:]}" for y in self.available)
        super().__init__(
            f"no bundled exam schedule for the school year {school_year}/{str(school_year + 1)[-2:]}; "
            f"bundled school years: {names}. Load your own with ExamSchedule.load(path)."
        )


class FieldError(tuple[str, str]):
    """One bad field of a roadmap file: ``(path, message)``, the path in JSONPath form
    (``$.sections[2].measures[14].term``)."""

    __slots__ = ()

    def __new__(cls, path: str, message: str) -> FieldError:
        return super().__new__(cls, (path, message))

    @property
    def path(self) -> str:
        """JSONPath of the bad field (``$`` is the document root)."""
        return self[0]

    @property
    def message(self) -> str:
        """What is wrong there."""
        return self[1]

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RoadmapFormatError(GiaRoadmapError, ValueError):
    """A roadmap file (JSON or YAML) cannot be loaded.

    Lists **every** bad field, each with its path, not only the first one.

    Attributes:
        errors: the bad fields, in document order as far as it is known.
    """

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...], *, source: str = "") -> None:
        self.errors = tuple(errors)
        where = f" {source}" if source else ""
        lines = "\n".join(f"  {e}" for e in self.errors)
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        super().__init__(f"cannot load roadmap{where}: {count} {noun}\n{lines}")


class UnsupportedFormatError(GiaRoadmapError, ValueError):
    """A serialization format other than the supported ones (``"json"``, ``"yaml"``) was asked for."""


class UnknownExampleError(GiaRoadmapError, KeyError):
    """A bundled example or seed name that does not exist; the message lists the valid names."""

    def __str__(self) -> str:  # KeyError would print the message with quotes around it
        return str(self.args[0]) if self.args else ""


class TableReadError(GiaRoadmapError, ValueError):
    """A file of tables (DOCX, XLSX, CSV/TSV or text) cannot be read as a roadmap.

    Raised for a file that is too large, damaged, of an unsupported type, or that holds no table of
    measures; the message names the file, what was wrong and what would be accepted.
    """
