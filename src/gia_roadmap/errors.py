"""The one error hierarchy of gia_roadmap, and the one shape of "a problem at a place".

Every error the library raises on purpose is a :class:`GiaRoadmapError`. Each specific error also
subclasses the built-in exception a caller would naturally catch (``ValueError``, ``LookupError``,
``TypeError``), so ``except ValueError`` keeps working for code that does not know this library.

Every message says what was wrong, where (the text and position, the date, the measure number) and
what would have been valid.

Whatever the library reports, raised or not, is told in one shape:

* a :class:`Location` («место») says where: the file, page, table or sheet, row, column or cell, line,
  JSON path, plan, section, measure number as written, field, ordinal and text span, each optional;
  it reads in Russian by default («файл plan.docx, таблица 1, строка 95», «раздел 2, п. 2.2.14»);
* a :class:`Problem` («проблема») says what: a stable code, a :class:`Severity`, the location, the
  message, what would have been valid and the source text it rests on.

A reader's repairs and doubts, an importer's unread cells, a bad field of a saved roadmap, a
malformed exam schedule and a check's finding are all :class:`Problem` values. The errors that stop
a load carry theirs (:attr:`GiaRoadmapError.problems`), and :func:`problems_of` flattens any error,
or a group of them, into the list of its problems, as cattrs' ``transform_error`` does.

>>> problem = Problem(
...     code="unparsed-term",
...     severity=Severity.WARNING,
...     location=Location(file="plan.docx", table=1, row=95, field="term"),
...     message="no deadline rule reads «по мере поступления»",
... )
>>> str(problem.location)
'файл plan.docx, таблица 1, строка 95, графа «Сроки»'
>>> problem.location.describe("en")
'file plan.docx, table 1, row 95, field term'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

__all__ = [
    "CalendarCoverageError",
    "CalendarDataError",
    "CalendarOverrideError",
    "DateTypeError",
    "GiaRoadmapError",
    "InvalidTypeError",
    "InvalidValueError",
    "Language",
    "Location",
    "MissingDependencyError",
    "NoTextLayerError",
    "Problem",
    "ReadLimitError",
    "RoadmapFormatError",
    "ScheduleCoverageError",
    "ScheduleDataError",
    "Severity",
    "TableReadError",
    "TermSyntaxError",
    "UndecodableTextError",
    "UnknownExampleError",
    "UnsupportedFileError",
    "UnsupportedFormatError",
    "UsageError",
    "problems_of",
]

Language = Literal["ru", "en"]
"""The language of text written for people: ``"ru"`` (the default everywhere) or ``"en"``."""


class GiaRoadmapError(Exception):
    """Root of every error raised by gia_roadmap.

    Attributes:
        problems: the located problems the error carries (empty for an error that is one plain
            message); :func:`problems_of` gives them for any error.
    """

    problems: tuple[Problem, ...] = ()


class InvalidValueError(GiaRoadmapError, ValueError):
    """A value given to a constructor or a function is outside what it accepts (a month 13, a window
    that ends before it starts, an unknown option); the message says what would be valid."""


class InvalidTypeError(GiaRoadmapError, TypeError):
    """A value of the wrong type was given; the message names the type expected."""


# ----------------------------------------------------------------------------------------------------
# Severity, Location, Problem


@functools.total_ordering
class Severity(enum.Enum):
    """How serious a problem is, from INFO (worth knowing) to ERROR (it cannot be right as written).

    Severities compare by :attr:`rank`: ``Severity.INFO < Severity.WARNING < Severity.ERROR``.
    """

    INFO = "info"
    """Worth knowing; nothing is wrong by itself («к сведению»)."""
    WARNING = "warning"
    """Probably a mistake or a gap a reader should look at («предупреждение»)."""
    ERROR = "error"
    """Wrong as written: the document contradicts itself, or the data cannot be used («ошибка»)."""

    @property
    def rank(self) -> int:
        """0 for INFO, 1 for WARNING, 2 for ERROR."""
        return _RANK[self]

    def label(self, lang: Language = "ru") -> str:
        """The word for people: «ошибка», «предупреждение», «к сведению» (``lang="en"``: the value)."""
        return _SEVERITY_LABELS[_language(lang)][self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SEVERITY_LABELS: Mapping[str, Mapping[Severity, str]] = {
    "ru": {Severity.INFO: "к сведению", Severity.WARNING: "предупреждение", Severity.ERROR: "ошибка"},
    "en": {Severity.INFO: "info", Severity.WARNING: "warning", Severity.ERROR: "error"},
}


def _language(lang: object) -> Language:
    if lang == "ru":
        return "ru"
    if lang == "en":
        return "en"
    raise InvalidValueError(f"lang must be 'ru' or 'en', got {lang!r}")


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{_where(instance, attribute)} must be a str, got {value!r}")


def _is_filled_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _is_text(instance, attribute, value)
    if not str(value).strip():
        raise InvalidValueError(f"{_where(instance, attribute)} must not be empty")


def _is_count(least: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidTypeError(f"{_where(instance, attribute)} must be an int or None, got {value!r}")
        if value < least:
            base = "1-based" if least == 1 else "0-based"
            raise InvalidValueError(
                f"{_where(instance, attribute)} is {base}: expected {least} or more, got {value}"
            )

    return check


def _ints(value: object) -> tuple[int, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"Location.section_path must be a tuple of ints, got {value!r}")
    items = tuple(value)
    if any(isinstance(i, bool) or not isinstance(i, int) or i < 0 for i in items):
        raise InvalidValueError(f"Location.section_path must hold 0-based ordinals (ints ≥ 0), got {items!r}")
    return items


def _pair(value: object) -> object:
    """A list of two offsets (as JSON gives it back) becomes a tuple; anything else is left to the check."""
    return tuple(value) if isinstance(value, list) else value


def _is_span(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(i, int) and not isinstance(i, bool) for i in value)
    ):
        raise InvalidTypeError(
            f"{_where(instance, attribute)} must be (start, end), two character offsets, got {value!r}"
        )
    start, end = value
    if not 0 <= start <= end:
        raise InvalidValueError(
            f"{_where(instance, attribute)} must satisfy 0 ≤ start ≤ end, got ({start}, {end})"
        )


_CELL_REFERENCE = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


def _is_cell(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _is_text(instance, attribute, value)
    if value and not _CELL_REFERENCE.fullmatch(str(value)):
        raise InvalidValueError(
            f"{_where(instance, attribute)} must be a spreadsheet reference such as 'B7', got {value!r}"
        )


# A section written as its number («2», «2.1.», «IV», «А.») reads «раздел 2»; a heading is quoted.
_SECTION_NUMBER = re.compile(r"(?:[0-9]+|[IVXLCDM]+|[А-ЯЁA-Z])(?:\.[0-9]+)*\.?")

# The measure fields findings point at, by the column header officials write over them.
_FIELD_HEADERS = {
    "number": "№",
    "title": "Мероприятие",
    "term": "Сроки",
    "responsible": "Ответственные",
    "result": "Ожидаемый результат",
    "status": "Отметка о выполнении",
}

_WORDS: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "file": "файл {}",
        "page": "стр. {}",
        "sheet": "лист «{}»",
        "table": "таблица {}",
        "row": "строка {}",
        "column": "столбец {}",
        "cell": "ячейка {}",
        "line": "строка {}",
        "text_line": "строка текста {}",
        "path": "путь {}",
        "plan": "план {}",
        "section_number": "раздел {}",
        "section_heading": "раздел «{}»",
        "measure": "п. {}",
        "ordinal": "мероприятие {} по порядку",
        "follows": "строка без номера после п. {}",
        "field_header": "графа «{}»",
        "field": "поле {}",
        "position": "символ {}",
        "span": "символы {}–{}",
        "nowhere": "",
        "expected": "ожидалось: {}",
    },
    "en": {
        "file": "file {}",
        "page": "page {}",
        "sheet": "sheet «{}»",
        "table": "table {}",
        "row": "row {}",
        "column": "column {}",
        "cell": "cell {}",
        "line": "line {}",
        "text_line": "line {}",
        "path": "at {}",
        "plan": "plan {}",
        "section_number": "section {}",
        "section_heading": "section «{}»",
        "measure": "item {}",
        "ordinal": "measure {} in order",
        "follows": "unnumbered row after item {}",
        "field_header": "field {}",
        "field": "field {}",
        "position": "character {}",
        "span": "characters {}–{}",
        "nowhere": "",
        "expected": "expected {}",
    },
}


@attrs.frozen(kw_only=True)
class Location:
    """Where something is («место»): in a file, in a saved document, in a plan, in a cell's text.

    Every part is optional; give what is known. Numbers people read (page, table, row, column, line)
    are 1-based, as a viewer shows them; ordinals and character offsets are 0-based, as Python counts.
    ``str(location)`` reads in Russian, :meth:`describe` in either language.

    Attributes:
        file: the file name, or ``"<string>"`` for text given directly.
        page: the page of a paged document (PDF, a Word page break).
        table: the table's position in the document (a Word table, a text table, a sheet).
        sheet: the spreadsheet sheet name.
        row: the row in the table or sheet.
        column: the column in the table or sheet.
        cell: the spreadsheet cell reference («B7»).
        line: the line of a text source (or the paragraph of a Word document outside its tables).
        path: the path inside a structured document: JSONPath of a saved roadmap
            (``$.roadmap.sections[2].measures[14].term``) or the path in an exam schedule
            (``days[3].date``).
        plan: the roadmap id.
        section: the section as written: its number («2») or its heading.
        section_path: the 0-based ordinals of the section path (``(5, 0)``).
        measure: the measure number as written («2.2.14»).
        follows: for a measure without a number, the number of the numbered measure it follows in
            its section («6.5»: «строка без номера после п. 6.5»).
        field: the measure field meant («term», «responsible», «number»), or a plan field.
        ordinal: the measure's 0-based position in its section (tells duplicates apart).
        span: the characters meant in the text of the cell or field, as 0-based ``(start, end)``
            offsets, end exclusive.
    """

    file: str = attrs.field(default="", validator=_is_text)
    page: int | None = attrs.field(default=None, validator=_is_count(1))
    table: int | None = attrs.field(default=None, validator=_is_count(1))
    sheet: str = attrs.field(default="", validator=_is_text)
    row: int | None = attrs.field(default=None, validator=_is_count(1))
    column: int | None = attrs.field(default=None, validator=_is_count(1))
    cell: str = attrs.field(default="", validator=_is_cell)
    line: int | None = attrs.field(default=None, validator=_is_count(1))
    path: str = attrs.field(default="", validator=_is_text)
    plan: str = attrs.field(default="", validator=_is_text)
    section: str = attrs.field(default="", validator=_is_text)
    section_path: tuple[int, ...] = attrs.field(default=(), converter=_ints)
    measure: str = attrs.field(default="", validator=_is_text)
    follows: str = attrs.field(default="", validator=_is_text)
    field: str = attrs.field(default="", validator=_is_text)
    ordinal: int | None = attrs.field(default=None, validator=_is_count(0))
    span: tuple[int, int] | None = attrs.field(default=None, converter=_pair, validator=_is_span)

    def describe(self, lang: Language = "ru") -> str:
        """The place for people, most general part first: «файл plan.docx, таблица 1, строка 95»,
        «план yurga-2024, раздел 2, п. 2.2.14, графа «Сроки»» (``lang="en"``: «file plan.docx, table 1,
        row 95»). Empty when nothing is known."""
        words = _WORDS[_language(lang)]
        parts = [words["file"].format(self.file)] if self.file else []
        if self.page is not None:
            parts.append(words["page"].format(self.page))
        if self.sheet:
            parts.append(words["sheet"].format(self.sheet))
        elif self.table is not None:
            parts.append(words["table"].format(self.table))
        for name in ("row", "line", "column"):
            value = getattr(self, name)
            if value is not None:
                # a text line beside a table row: «строка 7, строка текста 130»
                key = "text_line" if name == "line" and self.row is not None else name
                parts.append(words[key].format(value))
        if self.cell:
            parts.append(words["cell"].format(self.cell))
        if self.path:
            parts.append(words["path"].format(self.path))
        parts.extend(self._plan_parts(words, lang))
        if self.span is not None:
            start, end = self.span
            span = words["position"].format(start + 1) if end <= start + 1 else None
            parts.append(span or words["span"].format(start + 1, end))
        return ", ".join(parts)

    def _plan_parts(self, words: Mapping[str, str], lang: Language) -> list[str]:
        parts = [words["plan"].format(self.plan)] if self.plan else []
        if self.section:
            if _SECTION_NUMBER.fullmatch(self.section):
                parts.append(words["section_number"].format(self.section.rstrip(".")))
            else:
                parts.append(words["section_heading"].format(self.section))
        if self.measure:
            parts.append(words["measure"].format(self.measure))
        elif self.follows:
            parts.append(words["follows"].format(self.follows))
        elif self.ordinal is not None:
            parts.append(words["ordinal"].format(self.ordinal + 1))
        if self.field:
            header = _FIELD_HEADERS.get(self.field) if lang == "ru" else None
            field = words["field_header"].format(header) if header else words["field"].format(self.field)
            parts.append(field)
        return parts

    def __str__(self) -> str:
        return self.describe("ru")

    def to_dict(self) -> dict[str, Any]:
        """The parts that are known, JSON-ready (``section_path`` and ``span`` as lists)."""
        out: dict[str, Any] = {}
        for attribute in attrs.fields(Location):
            value = getattr(self, attribute.name)
            if value is None or value in ("", ()):
                continue
            out[attribute.name] = list(value) if isinstance(value, tuple) else value
        return out

    def sort_key(self) -> tuple[Any, ...]:
        """Document order: file, page, table, row, line, column, then plan, section path, ordinal,
        field and span; the remaining parts break ties, so equal keys mean equal locations."""

        def number(value: int | None) -> int:
            return -1 if value is None else value

        return (
            self.file,
            number(self.page),
            number(self.table),
            self.sheet,
            number(self.row),
            number(self.column),
            number(self.line),
            self.path,
            self.plan,
            self.section_path,
            number(self.ordinal),
            self.field,
            (-1, -1) if self.span is None else self.span,
            self.cell,
            self.section,
            self.measure,
            self.follows,
        )


def _is_severity(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Severity):
        raise InvalidTypeError(f"{_where(instance, attribute)} must be a Severity, got {value!r}")


def _is_location(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Location):
        raise InvalidTypeError(f"{_where(instance, attribute)} must be a Location, got {value!r}")


@attrs.frozen(kw_only=True)
class Problem:
    """One problem at one place («проблема»): what a reader, an importer, a loader or a check reports.

    Attributes:
        code: a stable identifier: a reader or importer code («unparsed-term», «shifted-row»), a
            loader code («invalid-field», «invalid-schedule») or a finding code («GR501»).
        severity: how serious it is.
        location: where it is.
        message: what is wrong, quoting the source text in «».
        expected: what would have been valid there; empty when there is nothing to propose.
        evidence: the source text the problem rests on, verbatim; empty when the message quotes it.
    """

    code: str = attrs.field(validator=_is_filled_text)
    severity: Severity = attrs.field(validator=_is_severity)
    location: Location = attrs.field(default=Location(), validator=_is_location)
    message: str = attrs.field(validator=_is_filled_text)
    expected: str = attrs.field(default="", validator=_is_text)
    evidence: str = attrs.field(default="", validator=_is_text)

    def describe(self, lang: Language = "ru") -> str:
        """One line for people: the place, the message and what was expected
        («файл s.json, путь days[3].date: not a date; ожидалось: YYYY-MM-DD»)."""
        words = _WORDS[_language(lang)]
        where = self.location.describe(lang)
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}; {words['expected'].format(self.expected)}" if self.expected else text

    def __str__(self) -> str:
        return self.describe("ru")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: code, severity (its value), location (:meth:`Location.to_dict`), message,
        expected and evidence."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "location": self.location.to_dict(),
            "message": self.message,
            "expected": self.expected,
            "evidence": self.evidence,
        }


def problems_of(error: BaseException) -> tuple[Problem, ...]:
    """Every problem an error carries, flattened, in order (as cattrs' ``transform_error`` does).

    A :class:`GiaRoadmapError` gives its :attr:`~GiaRoadmapError.problems`; an exception group gives
    the problems of each member, depth first; any other error (or one that carries no problem) gives
    one problem of severity ERROR, coded by its class name, with its message.

    >>> from gia_roadmap.errors import ScheduleDataError
    >>> error = ScheduleDataError([
    ...     Problem(code="invalid-schedule", severity=Severity.ERROR,
    ...             location=Location(file="s.json", path="days[3].date"), message="not a date",
    ...             expected="YYYY-MM-DD"),
    ... ])
    >>> [str(p) for p in problems_of(ExceptionGroup("load", [error, OSError("disk full")]))]
    ['файл s.json, путь days[3].date: not a date; ожидалось: YYYY-MM-DD', 'disk full']
    """
    if isinstance(error, BaseExceptionGroup):
        return tuple(p for member in error.exceptions for p in problems_of(member))
    if isinstance(error, GiaRoadmapError) and error.problems:
        return error.problems
    name = type(error).__name__
    return (Problem(code=name, severity=Severity.ERROR, message=str(error) or name),)


def _listing(problems: Sequence[Problem]) -> str:
    return "\n".join(f"  - {p.describe('en')}" for p in problems)


# ----------------------------------------------------------------------------------------------------
# The errors


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


class DateTypeError(InvalidTypeError):
    """A value of the wrong type was given where a date or a whole number of days is expected."""


class TermSyntaxError(GiaRoadmapError, ValueError):
    """Deadline text («Сроки») that the parser cannot read, raised only in strict mode.

    Its one problem (code ``"term-syntax"``) locates the failure: ``location.span`` runs from the
    0-based offset where reading failed to the end of the text, inside the cell given as ``location``
    (when the caller knows it); ``expected`` says what would have been valid there and ``evidence``
    is the whole text.

    Attributes:
        text: the whole text being parsed.
        problem: the located problem.
    """

    def __init__(self, text: str, position: int, expected: str, *, location: Location | None = None) -> None:
        self.text = text
        place = attrs.evolve(location or Location(), span=(position, max(position, len(text))))
        self.problem = Problem(
            code="term-syntax",
            severity=Severity.ERROR,
            location=place,
            message=f"cannot read the deadline text at character {position + 1}",
            expected=expected,
            evidence=text,
        )
        self.problems = (self.problem,)
        pointer = text[:position] + "⟨here⟩" + text[position:]
        super().__init__(
            f"cannot read deadline text {text!r} at position {position}: expected {expected}; "
            f"text with the position marked: {pointer!r}"
        )


class ScheduleDataError(GiaRoadmapError, ValueError):
    """An exam-schedule document (bundled or the user's YAML/JSON) is malformed or inconsistent.

    The loader collects *every* problem before raising, so one run shows them all.

    Attributes:
        problems: each problem with its file, path in the document and what would be valid.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in the exam schedule:\n{_listing(self.problems)}"
        )


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


class RoadmapFormatError(GiaRoadmapError, ValueError):
    """A roadmap file (JSON or YAML) cannot be loaded.

    Lists **every** bad field, each as a :class:`Problem` located by its JSONPath
    (``location.path``, ``$.roadmap.sections[2].measures[14].term``), not only the first one.

    Attributes:
        problems: the bad fields, in document order as far as it is known.
    """

    def __init__(self, problems: Sequence[Problem], *, source: str = "") -> None:
        self.problems = tuple(problems)
        where = f" {source}" if source else ""
        count = len(self.problems)
        noun = "error" if count == 1 else "errors"
        super().__init__(f"cannot load roadmap{where}: {count} {noun}\n{_listing(self.problems)}")


class UnsupportedFormatError(GiaRoadmapError, ValueError):
    """A serialization format other than the supported ones (``"json"``, ``"yaml"``) was asked for."""


class UnknownExampleError(GiaRoadmapError, KeyError):
    """A bundled example or seed name that does not exist; the message lists the valid names."""

    def __str__(self) -> str:  # KeyError would print the message with quotes around it
        return str(self.args[0]) if self.args else ""


class TableReadError(GiaRoadmapError, ValueError):
    """A file of tables (DOCX, XLSX, CSV/TSV or text) cannot be read as a roadmap.

    Raised for a file that is too large, damaged, of an unsupported type, or that holds no table of
    measures; the message names the file, what was wrong and what would be accepted. It carries one
    problem (``code``, default ``"unreadable-file"``) at ``location``.
    """

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        code: str = "unreadable-file",
        expected: str = "",
    ) -> None:
        self.problems = (
            Problem(
                code=code,
                severity=Severity.ERROR,
                location=location or Location(),
                message=message,
                expected=expected,
            ),
        )
        super().__init__(message)


class UsageError(GiaRoadmapError, ValueError):
    """A command-line argument that names nothing usable (an unknown example, an unreadable suffix)."""

class UnsupportedFileError(TableReadError):
    """A file whose type no reader handles (a legacy binary Word .doc, an image, an archive).

    Attributes:
        source: the file name.
        kind: what the file was recognised as (``"doc"``, ``".rtf"`` …).
        hint: how to make it readable (for a .doc: convert it to .docx).
    """

    def __init__(self, source: str, kind: str, hint: str) -> None:
        self.source = source
        self.kind = kind
        self.hint = hint
        super().__init__(f"{source}: {hint}", location=Location(file=source), code="unsupported-file")


class NoTextLayerError(TableReadError):
    """A PDF without a text layer («нет текстового слоя»): its pages are scanned images, so there is
    no text to read without optical character recognition.

    Attributes:
        source: the file name.
        pages: the number of pages, none of which holds text.
    """

    def __init__(self, source: str, pages: int) -> None:
        self.source = source
        self.pages = pages
        super().__init__(
            f"{source}: нет текстового слоя (the PDF has no text layer): its {pages} page(s) are images, "
            "probably a scan; ask for the original .docx/.xlsx, or run OCR first (e.g. `ocrmypdf -l rus "
            f"{source} out.pdf`) and import the result",
            location=Location(file=source),
            code="no-text-layer",
        )


class UndecodableTextError(TableReadError):
    """A text file (CSV, TSV, TXT, JSON) whose bytes no supported encoding reads.

    Attributes:
        source: the file name.
        tried: the encodings tried.
    """

    def __init__(self, source: str, tried: Sequence[str], detail: str = "") -> None:
        self.source = source
        self.tried = tuple(tried)
        more = f" ({detail})" if detail else ""
        super().__init__(
            f"{source}: cannot decode the text{more}; tried {', '.join(self.tried)}; "
            "save the file as UTF-8 text",
            location=Location(file=source),
            code="undecodable-text",
        )


class ReadLimitError(TableReadError):
    """A file exceeds one of the reading budgets (size, unpacked size, cells, span, field length …).

    The budget is checked while reading, before the memory is spent.

    Attributes:
        source: the file name.
        limit: the name of the budget (a field of :class:`gia_roadmap.io.ReadLimits`).
        value: the value found (or a lower bound of it).
        maximum: the budget.
        where: the place in the file (member, sheet, row, cell, line), ``""`` for the whole file.
    """

    def __init__(self, source: str, limit: str, value: int, maximum: int, where: str = "") -> None:
        self.source = source
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.where = where
        place = f" at {where}" if where else ""
        super().__init__(
            f"{source}{place}: {limit} is {value}, more than the limit of {maximum}; a roadmap is far "
            f"smaller, so the file is refused (pass ReadLimits({limit}=...) if you trust it)",
            location=Location(file=source),
            code="read-limit",
            expected=f"{limit} ≤ {maximum}",
        )


class MissingDependencyError(GiaRoadmapError, ImportError):
    """An optional library needed for one file format is not installed.

    Attributes:
        package: the missing distribution (``"pdfplumber"``).
        extra: the gia-roadmap extra that installs it (``"pdf"``).
    """

    def __init__(self, what: str, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{what} needs the optional library {package}; install it with "
            f"`pip install 'gia-roadmap[{extra}]'` (or `pip install {package}`)"
        )
