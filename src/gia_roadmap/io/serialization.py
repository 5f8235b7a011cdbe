"""Lossless JSON and YAML for roadmaps, built on cattrs.

The file is ``{"schema_version": 2, "roadmap": {...}}``. Every attrs field is written, including
the source text (``raw``) that deadline terms keep out of equality. Unions are tagged: a deadline
term carries its class's ``kind`` («month_range», «relative» …), a responsible party its ``type``
(«Body», «Person», «Role»). Dates are ISO strings; enums are their values.

Loading is strict and reports **every** bad field with its JSONPath
(``$.roadmap.sections[2].measures[14].term: …``) in one :class:`~gia_roadmap.errors.RoadmapFormatError`:
wrong types are not coerced (``"5"`` is not an integer), unknown keys are errors, YAML is read
with a safe loader only (libyaml's when present).

A file of an older version is read through an explicit migration to the current one
(:data:`MIGRATIONS`: version 1 → 2 moves the reserve-day stage into ``reserve_days``); a file of a
newer version is refused with an error naming both versions.

Files from strangers are read within :class:`~gia_roadmap.datafiles.LoadLimits` (size, nesting, YAML
aliases, integer width, encodings: see ``docs/security.md``); a broken limit is a
:class:`~gia_roadmap.errors.RoadmapFormatError` at its line and column or JSONPath. Writing refuses
what reading would refuse (a roadmap nested deeper than ``max_depth``), so every file written reads back.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Literal

import cattrs
import cattrs.gen
from cattrs.strategies import configure_tagged_union
from cattrs.v import format_exception

from gia_roadmap.calendar import terms
from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.terms import DayRef, YearOrigin
from gia_roadmap.datafiles import DataFileError, LoadLimits, check_shape, dump_json, dump_yaml, parse
from gia_roadmap.errors import (
    InvalidTypeError,
    InvalidValueError,
    Location,
    Problem,
    RoadmapFormatError,
    Severity,
    UnsupportedFormatError,
)
from gia_roadmap.plan.bodies import Body
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.plan.people import Person, Role
from gia_roadmap.plan.responsible import Responsible

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Format",
    "converter",
    "dumps_text",
    "from_document",
    "loads_text",
    "migrate",
    "to_document",
]

SCHEMA_VERSION = 2
"""Version of the file format. Bumped on any change an older reader could not load.

* 1 — the first wave's format.
* 2 — a measure's reserve days are ``reserve_days: true`` (version 1 wrote the stage «reserve» in
  ``exam_periods``, which is no stage of the campaign); new fields an older reader would refuse:
  ``Status.evidence`` and ``reported_by``, ``Section.term``, ``Roadmap.region``, ``Recurring.following``;
  days may be written as ``DayRef`` objects (a day without a year). Within version 2, readers gained
  (all optional, with defaults): ``Recurring.times``, ``HalfYearTerm.school``, the term kinds
  ``period_end`` and ``time_of_day``, the unit ``hour`` and the anchor ``exam_period_end``, and
  ``Recurring.weekdays`` and ``TimeOfDay.zone`` (written only when set).
"""


def _v1_to_v2(roadmap: Any, path: str) -> list[tuple[str, str]]:
    """Version 1 → 2, in place: every measure's «reserve» in ``exam_periods`` becomes ``reserve_days``.

    Returns what was changed, as (JSONPath, what) pairs. Anything that is not the expected shape is
    left for the loader to report at its path.
    """
    changed: list[tuple[str, str]] = []

    def section(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            return
        measures = value.get("measures")
        for i, measure in enumerate(measures if isinstance(measures, list) else ()):
            periods = measure.get("exam_periods") if isinstance(measure, dict) else None
            if isinstance(periods, list) and "reserve" in periods:
                measure["exam_periods"] = [p for p in periods if p != "reserve"]
                measure["reserve_days"] = True
                changed.append((f"{where}.measures[{i}].exam_periods", "«reserve» → reserve_days: true"))
        subgroups = value.get("subgroups")
        if isinstance(subgroups, list):
            for i, sub in enumerate(subgroups):
                section(sub, f"{where}.subgroups[{i}]")

    sections = roadmap.get("sections") if isinstance(roadmap, dict) else None
    if isinstance(sections, list):
        for i, value in enumerate(sections):
            section(value, f"{path}.sections[{i}]")
    return changed


MIGRATIONS: dict[int, Any] = {1: _v1_to_v2}
"""Per old version, the function that lifts a file's ``roadmap`` to the next version (in place)."""


def migrate(
    document: dict[str, Any], *, in_place: bool = False
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``document`` (``{"schema_version": n, "roadmap": …}``, 1 ≤ n ≤ :data:`SCHEMA_VERSION`) lifted to
    the current version — a copy unless ``in_place`` — and what each step changed as (JSONPath, what)."""
    import copy

    version = document["schema_version"]
    lifted = document if in_place else copy.deepcopy(document)
    changed: list[tuple[str, str]] = []
    while version < SCHEMA_VERSION:
        changed += MIGRATIONS[version](lifted.get("roadmap"), "$.roadmap")
        version += 1
    lifted["schema_version"] = version
    return lifted, changed


Format = Literal["json", "yaml"]
"""Supported text formats."""


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # YAML written by hand may hold a bare date
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"expected an ISO date string (YYYY-MM-DD), got {type(value).__name__} {value!r}"
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"expected an ISO date (YYYY-MM-DD), got {value!r}") from None


def _strict(kind: type) -> typing.Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        if kind is int and isinstance(value, bool):
            raise InvalidTypeError(f"expected an integer, got a boolean {value!r}")
        if not isinstance(value, kind):
            raise InvalidTypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


_PARTY_TYPE = typing.get_type_hints(Responsible)["party"]
_PARTY_BY_NAME: dict[str, type[Body] | type[Person] | type[Role]] = {
    "Body": Body,
    "Person": Person,
    "Role": Role,
}


def _configure_parties(conv: cattrs.Converter) -> None:
    """``Responsible.party`` (a body, person, role or null) is tagged by ``type``.

    The tag is the class name: «Body», «Person» or «Role».
    """

    def unstructure(party: Body | Person | Role | None) -> dict[str, Any] | None:
        if party is None:
            return None
        data: dict[str, Any] = conv.unstructure(party, type(party))
        return {"type": type(party).__name__, **data}

    def structure(value: object, _: type) -> Body | Person | Role | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise InvalidTypeError(
                f"expected an object tagged with type Body, Person or Role, or null; got {value!r}"
            )
        tag = value.get("type")
        cls = _PARTY_BY_NAME.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise InvalidValueError(f"unknown party type {tag!r}; expected one of Body, Person, Role")
        data = {k: v for k, v in value.items() if k != "type"}
        party: Body | Person | Role = conv.structure(data, cls)
        return party

    conv.register_unstructure_hook_func(lambda t: t == _PARTY_TYPE, unstructure)
    conv.register_structure_hook_func(lambda t: t == _PARTY_TYPE, structure)


_ANCHOR_TYPE = Anchor | OpenAnchor


def _configure_anchors(conv: cattrs.Converter) -> None:
    """A relative term's event: a built-in anchor as its value («exam_day»), an open anchor (an event
    the enum does not name) as ``{"phrase": "получения сведений"}``."""

    def unstructure(anchor: Anchor | OpenAnchor) -> object:
        if isinstance(anchor, Anchor):
            return anchor.value
        return {"phrase": anchor.phrase}

    def structure(value: object, _: type) -> Anchor | OpenAnchor:
        if isinstance(value, str):
            try:
                return Anchor(value)
            except ValueError:
                valid = ", ".join(a.value for a in Anchor)
                raise InvalidValueError(
                    f'unknown anchor {value!r}; expected one of {valid}, or an open anchor {{"phrase": …}}'
                ) from None
        open_anchor: OpenAnchor = conv.structure(value, OpenAnchor)
        return open_anchor

    conv.register_unstructure_hook_func(lambda t: t == _ANCHOR_TYPE, unstructure)
    conv.register_structure_hook_func(lambda t: t == _ANCHOR_TYPE, structure)


def _configure_days(conv: cattrs.Converter) -> None:
    """A day of a deadline: an ISO date when its year is written and no weekday is (as version 1 of
    the format wrote every day), else the object ``{"month", "day", "year", "origin", "weekday"}``."""
    plain = cattrs.gen.make_dict_unstructure_fn(DayRef, conv)
    structure_object = cattrs.gen.make_dict_structure_fn(DayRef, conv, _cattrs_forbid_extra_keys=True)

    def unstructure(day: DayRef) -> object:
        if day.origin is YearOrigin.WRITTEN and day.weekday is None and day.year is not None:
            return dt.date(day.year, day.month, day.day).isoformat()
        return plain(day)

    def structure(value: object, _: type) -> DayRef:
        if isinstance(value, str | dt.date):
            return DayRef.of(_structure_date(value, dt.date))
        if not isinstance(value, dict):
            kind = type(value).__name__
            raise InvalidTypeError(f"expected an ISO date or a day object, got {kind} {value!r}")
        return structure_object(value, DayRef)

    conv.register_unstructure_hook(DayRef, unstructure)
    conv.register_structure_hook(DayRef, structure)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _structure_date)
    for kind in (int, str, bool):
        conv.register_structure_hook(kind, _strict(kind))
    # Deadline terms: tagged by their class-level ``kind``. The inner union of PeriodList first:
    # configuring the Term union builds its members' hooks at once.
    _configure_days(conv)  # before the unions below build the hooks of the classes holding days
    # fields added within version 2 are written only when set, so an older reader of version 2 meets
    # them only in documents that use them
    conv.register_unstructure_hook(
        terms.Recurring,
        cattrs.gen.make_dict_unstructure_fn(
            terms.Recurring, conv, weekdays=cattrs.gen.override(omit_if_default=True)
        ),
    )
    conv.register_unstructure_hook(
        terms.TimeOfDay,
        cattrs.gen.make_dict_unstructure_fn(
            terms.TimeOfDay, conv, zone=cattrs.gen.override(omit_if_default=True)
        ),
    )
    for inner in (terms.Month | terms.MonthRange, terms.ExactDate | terms.DayRange):
        configure_tagged_union(
            inner,
            conv,
            tag_generator=lambda cl: typing.cast(str, getattr(cl, "kind")),  # noqa: B009
            tag_name="kind",
        )
    _configure_anchors(conv)
    configure_tagged_union(
        terms.Term,
        conv,
        tag_generator=lambda cl: typing.cast(str, getattr(cl, "kind")),  # noqa: B009
        tag_name="kind",
    )
    # A section's window is a term or nothing.
    optional_term = terms.Term | None
    conv.register_structure_hook_func(
        lambda t: t == optional_term,
        lambda value, _: None if value is None else conv.structure(value, terms.Term),  # type: ignore[arg-type]
    )
    conv.register_unstructure_hook_func(
        lambda t: t == optional_term,
        lambda value: None if value is None else conv.unstructure(value, terms.Term),
    )
    _configure_parties(conv)
    return conv


converter: cattrs.Converter = _make_converter()
"""The converter used by :mod:`gia_roadmap.io` (strict, detailed validation, unknown keys forbidden)."""


def to_document(roadmap: Roadmap) -> dict[str, Any]:
    """The roadmap as plain data: ``{"schema_version": 2, "roadmap": {...}}``."""
    return {"schema_version": SCHEMA_VERSION, "roadmap": converter.unstructure(roadmap, Roadmap)}


def _format_exception(exc: BaseException, type_: type | None) -> str:
    base = format_exception(exc, type_)
    if isinstance(exc, KeyError) and exc.args:
        missing = exc.args[0]
        return f"unknown tag or missing field {missing!r}" if isinstance(missing, str) else base
    detail = str(exc)
    if isinstance(exc, (TypeError, ValueError)) and detail and detail not in base:
        return f"{base} ({detail})"
    return base


def _bad_field(
    path: str,
    message: str,
    source: str,
    *,
    code: str = "invalid-field",
    line: int | None = None,
    column: int | None = None,
) -> Problem:
    """A bad field of a roadmap document, located by its JSONPath (``$.roadmap.sections[2]``), or a
    syntax error located by line and column."""
    return Problem(
        code=code,
        severity=Severity.ERROR,
        location=Location(file=source, path=path, line=line, column=column),
        message=message,
    )


def _field_errors(exc: BaseException, path: str, source: str) -> list[Problem]:
    out: list[Problem] = []
    for line in cattrs.transform_error(exc, path=path, format_exception=_format_exception):
        message, _, where = line.rpartition(" @ ")
        out.append(_bad_field(where or path, message or line, source))
    return out


def from_document(document: object, *, source: str = "", limits: LoadLimits | None = None) -> Roadmap:
    """A roadmap from plain data, or :class:`RoadmapFormatError` listing every bad field.

    The data is first held to ``limits`` (nesting, shared or recursive collections; see
    :class:`~gia_roadmap.datafiles.LoadLimits`), so a recursive or absurdly deep value is an error too.
    """
    try:
        check_shape(document, limits or LoadLimits())
    except DataFileError as error:
        raise RoadmapFormatError([error.located(source)], source=source) from None
    return _from_document(document, source=source)


def _from_document(document: object, *, source: str, owned: bool = False) -> Roadmap:
    if not isinstance(document, dict):
        message = f"expected an object with schema_version and roadmap, got {type(document).__name__}"
        raise RoadmapFormatError([_bad_field("$", message, source)], source=source)
    errors: list[Problem] = []
    version = document.get("schema_version")
    readable = f"this reader reads versions 1 to {SCHEMA_VERSION}"
    if version is None:
        errors.append(_bad_field("$.schema_version", f"missing; {readable}", source))
    elif isinstance(version, bool) or not isinstance(version, int):
        errors.append(_bad_field("$.schema_version", f"expected an integer, got {version!r}", source))
    elif version > SCHEMA_VERSION:
        message = (
            f"unsupported version {version}: the file was written by a newer gia_roadmap (schema_version "
            f"{version}) and {readable}; upgrade gia_roadmap to read it"
        )
        errors.append(_bad_field("$.schema_version", message, source))
    elif version < 1:
        errors.append(_bad_field("$.schema_version", f"unsupported version {version}; {readable}", source))
    elif version < SCHEMA_VERSION:
        document, _ = migrate(document, in_place=owned)
    for key in document:
        if key not in ("schema_version", "roadmap"):
            message = "unknown key; expected only schema_version and roadmap"
            errors.append(_bad_field(f"$.{key}", message, source))
    roadmap: Roadmap | None = None
    if "roadmap" not in document:
        errors.append(_bad_field("$.roadmap", "missing", source))
    else:
        try:
            roadmap = converter.structure(document["roadmap"], Roadmap)
        except (cattrs.ClassValidationError, cattrs.IterableValidationError) as exc:
            errors.extend(_field_errors(exc, "$.roadmap", source))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            errors.append(_bad_field("$.roadmap", f"{type(exc).__name__}: {exc}", source))
    if errors or roadmap is None:
        raise RoadmapFormatError(errors, source=source)
    return roadmap


def dumps_text(roadmap: Roadmap, format: Format = "json", *, limits: LoadLimits | None = None) -> str:
    """Serialize to JSON (UTF-8 text, Cyrillic unescaped, indented) or YAML (block style).

    Raises:
        UnsupportedFormatError: for a format other than "json" or "yaml".
        InvalidValueError: the roadmap nests deeper than ``limits.max_depth`` (reading would refuse the
            file), or holds an integer wider than the interpreter writes; the message names the place.
    """
    if format not in ("json", "yaml"):
        raise UnsupportedFormatError(f"unsupported format {format!r}; use 'json' or 'yaml'")
    limits = limits or LoadLimits()
    try:
        document = to_document(roadmap)
    except RecursionError:
        raise InvalidValueError(
            f"cannot write roadmap {roadmap.id!r}: it nests deeper than a file may "
            f"(at most {limits.max_depth} levels, LoadLimits.max_depth)"
        ) from None
    try:
        check_shape(document, limits)
        return dump_json(document) if format == "json" else dump_yaml(document)
    except DataFileError as error:
        raise InvalidValueError(f"cannot write roadmap {roadmap.id!r}: {error}") from None


def loads_text(
    text: str, format: Format = "json", *, source: str = "", limits: LoadLimits | None = None
) -> Roadmap:
    """Parse JSON or YAML text (YAML with a safe loader only) into a roadmap, within ``limits``.

    Raises:
        RoadmapFormatError: a syntax error or a broken limit (at its line and column or JSONPath), or
            every bad field with its path.
        UnsupportedFormatError: for a format other than "json" or "yaml".
    """
    if format not in ("json", "yaml"):
        raise UnsupportedFormatError(f"unsupported format {format!r}; use 'json' or 'yaml'")
    try:
        document = parse(text, format, limits=limits)
    except DataFileError as error:
        raise RoadmapFormatError([error.located(source)], source=source) from None
    return _from_document(document, source=source, owned=True)  # parsed here: migrated in place
