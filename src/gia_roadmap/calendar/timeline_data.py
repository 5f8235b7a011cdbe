"""The bundled federal timelines, read from ``calendar/data/timelines/federal.toml`` and checked.

The file holds one ``[[timeline]]`` per Порядок, one ``[[joint]]`` per group of jointly assessed
subjects and one ``[[rule]]`` per step, each with named fields (its comments describe them).
:func:`read_timelines` checks a document of that shape against the schema — types and vocabularies
through cattrs, then references, steps and applicability — and reports *every* problem with its JSON
path (``$.rule[7].offset``) in one :class:`~gia_roadmap.errors.ScheduleDataError`.
:func:`federal_timelines` reads the bundled file once per process.
"""

from __future__ import annotations

import enum
import functools
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject
from gia_roadmap.calendar.schedule import Confidence, bundled_sources
from gia_roadmap.calendar.terms import Bound, Unit
from gia_roadmap.calendar.timelines import (
    Applicability,
    JointAssessment,
    Timeline,
    TimelineEvent,
    TimelineRule,
    applicability_issues,
    step_issues,
)
from gia_roadmap.errors import Location, Problem, ScheduleDataError, Severity

__all__ = ["federal_timelines", "read_timelines"]


_BUNDLED_FILE = "gia_roadmap/calendar/data/timelines/federal.toml"


@attrs.frozen(kw_only=True)
class _TimelineRecord:
    key: str
    name: str
    basis: str


@attrs.frozen(kw_only=True)
class _JointRecord:
    timeline: str
    exams: tuple[ExamKind, ...]
    subjects: tuple[Subject, ...]
    wording: str = ""
    confidence: Confidence = Confidence.B
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _RuleRecord:
    id: str
    timeline: str
    event: TimelineEvent
    after: tuple[TimelineEvent, ...]  # the file's `from`: one event, or a list of fallbacks
    offset: int
    unit: Unit
    bound: Bound
    exams: tuple[ExamKind, ...]
    periods: tuple[PeriodKind, ...] | None = None
    subjects: tuple[Subject, ...] | None = None
    months: tuple[int, ...] | None = None
    first_school_year: int | None = None
    last_school_year: int | None = None
    wording: str
    basis: str
    confidence: Confidence
    sources: tuple[str, ...]
    note: str = ""


@attrs.frozen(kw_only=True)
class _Document:
    """The records that could be read, each with its index in the file."""

    timeline: tuple[tuple[int, _TimelineRecord], ...]
    joint: tuple[tuple[int, _JointRecord], ...]
    rule: tuple[tuple[int, _RuleRecord], ...]


_SECTIONS: tuple[tuple[str, type, bool], ...] = (
    ("timeline", _TimelineRecord, True),
    ("joint", _JointRecord, False),
    ("rule", _RuleRecord, True),
)


_FILE_KEYS = {"after": "from"}  # record attribute -> the key written in the file


class _WrongTypeError(TypeError):
    def __init__(self, value: object, expected: str) -> None:
        super().__init__(f"expected {expected}, got {value!r}")
        self.expected = expected


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _WrongTypeError(value, "text")
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _WrongTypeError(value, "a whole number")
    return value


def _event_or_events(value: object, _: type) -> tuple[TimelineEvent, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise _WrongTypeError(value, "an event or a list of events")
    return tuple(TimelineEvent(item) for item in items)


def _lists_only(kind: Any, converter: cattrs.BaseConverter) -> Callable[[object, Any], Any]:
    """cattrs' tuple hook, refusing a string or a table where the file must hold a list."""
    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, list):
            raise _WrongTypeError(value, "a list")
        return items(value, target)

    return structure


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook_factory(is_sequence, _lists_only)
    converter.register_structure_hook(
        _RuleRecord,
        make_dict_structure_fn(
            _RuleRecord,
            converter,
            _cattrs_forbid_extra_keys=True,
            after=override(rename="from", struct_hook=_event_or_events),
        ),
    )
    return converter


def _schema_problems(error: BaseException, path: str, target: Any) -> Iterator[tuple[str, str, str]]:
    """(path, message, expected) for every leaf of a cattrs validation error, with the file's own keys."""
    if isinstance(error, ForbiddenExtraKeysError):
        known = [_FILE_KEYS.get(f.name, f.name) for f in attrs.fields(error.cl)]
        for key in sorted(error.extra_fields):
            yield f"{path}.{key}", f"unknown key {key!r}", "one of " + ", ".join(known)
        return
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        for sub in error.exceptions:
            step, kind = path, target
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    step, kind = f"{step}.{_FILE_KEYS.get(note.name, note.name)}", note.type
                elif isinstance(note, IterableValidationNote):
                    step, kind = f"{step}[{note.index}]", note.type
            yield from _schema_problems(sub, step, kind)
        return
    if isinstance(error, KeyError):
        yield path, "a required key is missing", "a value here"
    elif isinstance(error, _WrongTypeError):
        yield path, str(error), error.expected
    elif isinstance(kind := _enum_of(target), type):
        yield path, str(error), "one of " + ", ".join(repr(m.value) for m in kind)
    else:
        yield path, str(error), "a value of the documented type"


def _enum_of(target: Any) -> type[enum.Enum] | None:
    """The enum a value was structured into, looking inside tuples and optionals."""
    if isinstance(target, type) and issubclass(target, enum.Enum):
        return target
    for arg in getattr(target, "__args__", ()):
        found = _enum_of(arg)
        if found is not None:
            return found
    return None


def _problem(file: str, path: str, message: str, expected: str) -> Problem:
    return Problem(
        code="invalid-timeline",
        severity=Severity.ERROR,
        location=Location(file=file, path=path),
        message=message,
        expected=expected,
    )


def _consistency(document: _Document, known_sources: frozenset[str]) -> Iterator[tuple[str, str, str]]:
    """(path, message, expected) for what the types cannot say: references, steps, applicability."""
    keys: list[str] = []
    for i, timeline in document.timeline:
        if timeline.key in keys:
            yield f"$.timeline[{i}].key", f"the timeline {timeline.key!r} is defined twice", "each key once"
        keys.append(timeline.key)
    known = "one of " + ", ".join(repr(k) for k in keys)
    for i, joint in document.joint:
        if joint.timeline not in keys:
            yield f"$.joint[{i}].timeline", f"no timeline {joint.timeline!r}", known
        yield from _sources_problems(f"$.joint[{i}]", joint.sources, joint.confidence, known_sources)
    seen: dict[str, int] = {}
    for i, rule in document.rule:
        where = f"$.rule[{i}]"
        if rule.id in seen:
            yield (
                f"{where}.id",
                f"the rule {rule.id!r} is defined twice (first at $.rule[{seen[rule.id]}])",
                "each id once",
            )
        seen.setdefault(rule.id, i)
        if rule.timeline not in keys:
            yield f"{where}.timeline", f"no timeline {rule.timeline!r}", known
        for field, message, expected in step_issues(
            event=rule.event, after=rule.after, offset=rule.offset, unit=rule.unit, bound=rule.bound
        ):
            yield f"{where}.{_FILE_KEYS.get(field, field)}", message, expected
        for field, message, expected in applicability_issues(
            exams=rule.exams,
            periods=rule.periods,
            subjects=rule.subjects,
            months=rule.months,
            first_school_year=rule.first_school_year,
            last_school_year=rule.last_school_year,
        ):
            yield f"{where}.{field}", message, expected
        for field in ("wording", "basis"):
            if not getattr(rule, field).strip():
                yield f"{where}.{field}", "empty", "the rule's wording and the Порядок it comes from"
        yield from _sources_problems(where, rule.sources, rule.confidence, known_sources)


def _sources_problems(
    where: str, sources: Sequence[str], confidence: Confidence, known: frozenset[str]
) -> Iterator[tuple[str, str, str]]:
    for j, key in enumerate(sources):
        if key not in known:
            yield (
                f"{where}.sources[{j}]",
                f"unknown source {key!r}",
                "a key of calendar/schedules/sources.toml",
            )
    if not sources and confidence is not Confidence.C:
        yield f"{where}.sources", "no source given", "at least one source (only inferences, C, may have none)"


def read_timelines(document: Mapping[str, Any], *, file: str = "<data>") -> tuple[Timeline, ...]:
    """Timelines from a document shaped like the bundled ``calendar/data/timelines/federal.toml``.

    The document has ``timeline`` (key, name, basis), ``joint`` (timeline, exams, subjects, wording,
    confidence, sources) and ``rule`` tables (id, timeline, event, from, offset, unit, bound, exams,
    periods, subjects, months, first_school_year, last_school_year, wording, basis, confidence, sources,
    note); the file's comments describe each field.

    Raises:
        ScheduleDataError: with every problem, each located by ``file`` and JSON path
            (``$.rule[7].offset``): a missing or unknown key, a value of the wrong type or outside its
            vocabulary, a reference to an unknown timeline or source, a step or an applicability that does
            not hold together.
    """
    parsed, found = _structure(document)
    found += _consistency(parsed, frozenset(s.key for s in bundled_sources()))
    if found:
        raise ScheduleDataError([_problem(file, *f) for f in found])
    return tuple(_build(parsed, t) for _, t in parsed.timeline)


def _structure(document: object) -> tuple[_Document, list[tuple[str, str, str]]]:
    """Each table of the document read into its record (those that can be), and the problems met."""
    found: list[tuple[str, str, str]] = []
    names = [name for name, _, _ in _SECTIONS]
    parts: dict[str, tuple[tuple[int, Any], ...]] = dict.fromkeys(names, ())
    if not isinstance(document, Mapping):
        found.append(("$", f"expected a table, got {document!r:.60}", "a table with " + ", ".join(names)))
        return _Document(**parts), found
    for key in document:
        if key not in names:
            found.append((f"$.{key}", f"unknown key {key!r}", "one of " + ", ".join(repr(n) for n in names)))
    for name, record, required in _SECTIONS:
        raw = document.get(name)
        if raw is None:
            if required:
                found.append((f"$.{name}", "a required key is missing", f"a list of [[{name}]] tables"))
            continue
        if not isinstance(raw, list):
            found.append((f"$.{name}", f"expected a list, got {raw!r:.60}", f"a list of [[{name}]] tables"))
            continue
        items: list[tuple[int, Any]] = []
        for i, item in enumerate(raw):
            if not isinstance(item, Mapping):
                found.append((f"$.{name}[{i}]", f"expected a table, got {item!r:.60}", f"a [[{name}]] table"))
                continue
            try:
                items.append((i, _CONVERTER.structure(item, record)))
            except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
                found.extend(_schema_problems(error, f"$.{name}[{i}]", record))
        parts[name] = tuple(items)
    return _Document(**parts), found


def _build(document: _Document, timeline: _TimelineRecord) -> Timeline:
    rules = tuple(
        TimelineRule(
            key=r.id,
            event=r.event,
            after=r.after[0],
            fallbacks=r.after[1:],
            offset=r.offset,
            unit=r.unit,
            bound=r.bound,
            applies=Applicability(
                exams=r.exams,
                periods=r.periods,
                subjects=r.subjects,
                months=r.months,
                first_school_year=r.first_school_year,
                last_school_year=r.last_school_year,
            ),
            wording=r.wording,
            basis=r.basis,
            confidence=r.confidence,
            sources=r.sources,
            note=r.note,
        )
        for _, r in document.rule
        if r.timeline == timeline.key
    )
    joint = tuple(
        JointAssessment(
            exams=j.exams, subjects=j.subjects, wording=j.wording, confidence=j.confidence, sources=j.sources
        )
        for _, j in document.joint
        if j.timeline == timeline.key
    )
    return Timeline(key=timeline.key, name=timeline.name, basis=timeline.basis, rules=rules, joint=joint)


_CONVERTER = _converter()


@functools.cache
def _bundled() -> tuple[Timeline, ...]:
    folder = resources.files("gia_roadmap.calendar") / "data" / "timelines"
    text = folder.joinpath("federal.toml").read_text(encoding="utf-8")
    return read_timelines(tomllib.loads(text), file=_BUNDLED_FILE)


def federal_timelines(*, include_inferences: bool = True) -> tuple[Timeline, ...]:
    """The federal timelines: ГИА-11 (233/552), ГИА-9 (232/551), and the admission tests.

    Read once from the bundled data file ``calendar/data/timelines/federal.toml``.

    Args:
        include_inferences: keep the rules marked C (appeals reach the conflict commission on the
            day they are submitted; ЕГЭ results are published on the day they reach the schools).
            Without them the ЕГЭ chain stops at the transfer to schools and appeal decisions count
            from the submission day (their ``fallbacks``).
    """
    timelines = _bundled()
    if include_inferences:
        return timelines
    return tuple(
        attrs.evolve(t, rules=tuple(r for r in t.rules if r.confidence is not Confidence.C))
        for t in timelines
    )
