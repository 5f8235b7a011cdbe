"""Validation at construction for the plan's values: every field checked against its annotation.

A frozen attrs class of the plan calls :func:`check_fields` from its ``__attrs_post_init__``. The
checks are read once per class from the field annotations (``str``, ``int``, ``bool``, an enum, an
attrs class, ``X | None``, ``tuple[X, ...]``, ``frozenset[X]``, ``Mapping[K, V]``, the ``Term`` union),
so adding a field adds its check; nothing is listed twice. A wrong value is an
:class:`~gia_roadmap.errors.InvalidTypeError` (or, from a class's own invariants,
:class:`~gia_roadmap.errors.InvalidValueError`) whose message and problem name the class, the field
and the place inside it (``Measure.responsible[0]``) and say what would be valid; no bare
``TypeError``, ``AttributeError`` or ``KeyError`` reaches the caller later.

A list given where the annotation asks for a tuple (as JSON and notebooks write it) is accepted and
kept as a tuple; nothing else is converted: a text where a typed value belongs is an error that
names the reader for it (:func:`~gia_roadmap.calendar.parse_term` for a deadline,
:class:`~gia_roadmap.plan.RoadmapBuilder` for a plan written as text).
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from gia_roadmap.calendar.terms import Term
from gia_roadmap.errors import InvalidTypeError, InvalidValueError, Location, Problem, Severity

__all__ = ["check_fields", "field_error", "trusted", "value_error"]

# A checker returns None when the value fits, else (path suffix, what was expected, the value met).
_Miss = tuple[str, str, object]
_Checker = Callable[[object], "_Miss | None"]

_HINTS: dict[type, tuple[tuple[str, _Checker, bool], ...]] = {}
_LOCK = threading.Lock()

# What a text standing for a typed value should go through instead, by the expected type's name.
_READERS = {
    "deadline term": "read a deadline with gia_roadmap.calendar.parse_term(text)",
    "Responsible": "read parties with gia_roadmap.plan.resolve_responsible(text) or build the plan "
    "with RoadmapBuilder",
    "MeasureNumber": "read a number with MeasureNumber.parse(text)",
    "SchoolYear": "read a school year with SchoolYear.parse(text)",
    "Target": "name trained categories with RoadmapBuilder(...).measure(..., trains=text)",
    "Dependency": "link measures with RoadmapBuilder(...).measure(..., after=number)",
}


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


def _describe(tp: object) -> str:
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            members = ", ".join(f"{tp.__name__}.{m.name}" for m in tp)
            return f"{_article(tp.__name__)} ({members})"
        return {bool: "True or False", int: "an int", str: "a text (str)", float: "a number"}.get(
            tp, _article(tp.__name__)
        )
    return str(tp)


def _union_text(args: tuple[object, ...]) -> str:
    optional = type(None) in args
    kinds = tuple(a for a in args if a is not type(None))
    terms = set(typing.get_args(Term))
    if terms <= set(kinds):  # the deadline union: named as one thing, not as its 35 classes
        rest = [a for a in kinds if a not in terms]
        text = "a deadline term (Term)" + "".join(f" or {_describe(a)}" for a in rest)
    elif len(kinds) > 3:
        text = "one of " + ", ".join(getattr(a, "__name__", str(a)) for a in kinds)
    else:
        text = " or ".join(_describe(a) for a in kinds)
    return text + " or None" if optional else text


def _shown(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:80] + '…' if len(text) > 80 else text}"


def _leaf(tp: type) -> _Checker:
    expected = _describe(tp)
    if tp is bool:
        return lambda v: None if isinstance(v, bool) else ("", expected, v)
    if tp is int:
        return lambda v: None if isinstance(v, int) and not isinstance(v, bool) else ("", expected, v)
    if tp is float:
        return lambda v: None if isinstance(v, int | float) and not isinstance(v, bool) else ("", expected, v)
    if tp is dt.date:  # a datetime is a date subclass, but not a day
        return lambda v: (
            None if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else ("", expected, v)
        )
    return lambda v: None if isinstance(v, tp) else ("", expected, v)


def _accept(value: object) -> _Miss | None:
    """The checker of ``Any``, ``object`` and annotations this module does not read (a Protocol, a
    TypeVar): every value is trusted."""
    return None


def _compile(tp: object) -> _Checker:
    """The checker of an annotation: by its generic origin (a union, a literal, a tuple, a set, a
    mapping), else a plain class."""
    if tp is Any or tp is object:
        return _accept
    compiler = _COMPILERS.get(typing.get_origin(tp))
    if compiler is not None:
        return compiler(typing.get_args(tp))
    if isinstance(tp, type):
        return _leaf(tp)
    return _accept


def _union(args: tuple[Any, ...]) -> _Checker:
    """``X | Y | …``: plain classes by one isinstance test (bool, int and date need their leaf test),
    then each other member's checker."""
    classes = tuple(a for a in args if isinstance(a, type) and typing.get_origin(a) is None)
    others = [_compile(a) for a in args if a not in classes]
    expected = _union_text(args)
    exact = tuple(c for c in classes if c not in (bool, int, dt.date))
    leaves = [_leaf(c) for c in classes if c in (bool, int, dt.date)]

    def union(value: object) -> _Miss | None:
        if isinstance(value, exact):
            return None
        for check in (*leaves, *others):
            if check(value) is None:
                return None
        return ("", expected, value)

    return union


def _literal(args: tuple[Any, ...]) -> _Checker:
    """``Literal[a, b, …]``: a value equal to one of them and of its type."""
    allowed = ", ".join(repr(a) for a in args)
    return lambda v: (
        None if any(v == a and type(v) is type(a) for a in args) else ("", f"one of {allowed}", v)
    )


def _tuple(args: tuple[Any, ...]) -> _Checker:
    """``tuple[X, ...]`` (every element checked) or ``tuple[X, Y]`` (as many values, each checked)."""
    if len(args) == 2 and args[1] is Ellipsis:
        item = _compile(args[0])

        def items(value: object) -> _Miss | None:
            if not isinstance(value, tuple):
                return ("", f"a tuple of {_describe(args[0])}", value)
            for position, element in enumerate(value):
                miss = item(element)
                if miss is not None:
                    return (f"[{position}]{miss[0]}", miss[1], miss[2])
            return None

        return items
    parts = [_compile(a) for a in args]

    def fixed(value: object) -> _Miss | None:
        if not isinstance(value, tuple) or len(value) != len(parts):
            return ("", f"a tuple of {len(parts)} values", value)
        for position, (check, element) in enumerate(zip(parts, value, strict=True)):
            miss = check(element)
            if miss is not None:
                return (f"[{position}]{miss[0]}", miss[1], miss[2])
        return None

    return fixed


def _members(args: tuple[Any, ...]) -> _Checker:
    """``frozenset[X]`` (a set annotation too: the value must be a frozenset), every member checked."""
    item = _compile(args[0]) if args else _accept

    def members(value: object) -> _Miss | None:
        if not isinstance(value, frozenset):
            return ("", "a frozenset", value)
        for element in value:
            miss = item(element)
            if miss is not None:
                return (f"{{{element!r}}}{miss[0]}", miss[1], miss[2])
        return None

    return members


def _mapping(args: tuple[Any, ...]) -> _Checker:
    """``Mapping[K, V]`` (or ``dict``): every key and value checked."""
    key_check, value_check = (_compile(args[0]), _compile(args[1])) if args else (_accept, _accept)

    def mapping(value: object) -> _Miss | None:
        if not isinstance(value, Mapping):
            return ("", "a mapping", value)
        for key, element in value.items():
            miss = key_check(key) or value_check(element)
            if miss is not None:
                return (f"[{key!r}]{miss[0]}", miss[1], miss[2])
        return None

    return mapping


#: The checker builder of a generic annotation, by its origin (``typing.get_origin``).
_COMPILERS: dict[object, Callable[[tuple[Any, ...]], _Checker]] = {
    typing.Union: _union,
    types.UnionType: _union,
    typing.Literal: _literal,
    tuple: _tuple,
    frozenset: _members,
    set: _members,
    Mapping: _mapping,
    dict: _mapping,
    typing.Mapping: _mapping,
}


def _checks(cls: type) -> tuple[tuple[str, _Checker, bool], ...]:
    found = _HINTS.get(cls)
    if found is not None:
        return found
    with _LOCK:
        found = _HINTS.get(cls)
        if found is None:
            module = sys.modules[cls.__module__]
            hints = typing.get_type_hints(cls, vars(module))
            found = tuple(
                (a.name, _compile(hints[a.name]), typing.get_origin(hints[a.name]) is tuple)
                for a in attrs.fields(cls)
                if a.name in hints
            )
            _HINTS[cls] = found
    return found


def _problem(cls: type, path: str, message: str, expected: str) -> Problem:
    return Problem(
        code="invalid-field",
        severity=Severity.ERROR,
        location=Location(path=f"{cls.__name__}.{path}"),
        message=message,
        expected=expected,
    )


def field_error(cls: type, path: str, expected: str, value: object) -> InvalidTypeError:
    """The error for a value of the wrong type at ``cls.path``: typed, with its problem."""
    hint = ""
    if isinstance(value, str):
        name = next((n for n in _READERS if n in expected), None)
        hint = f" ({_READERS[name]})" if name else ""
    message = f"{cls.__name__}.{path} must be {expected}, got {_shown(value)}{hint}"
    error = InvalidTypeError(message)
    error.problems = (_problem(cls, path, f"got {_shown(value)}{hint}", expected),)
    return error


def value_error(cls: type, path: str, message: str, expected: str) -> InvalidValueError:
    """The error for a value of the right type that breaks an invariant of ``cls`` at ``path``."""
    error = InvalidValueError(f"{cls.__name__}.{path}: {message}; expected {expected}")
    error.problems = (_problem(cls, path, message, expected),)
    return error


def check_fields(instance: object) -> None:
    """Check every field of the attrs ``instance`` against its annotation (a list given for a tuple
    is kept as a tuple).

    Raises:
        InvalidTypeError: the first field whose value does not fit, named with its path.
    """
    cls = type(instance)
    for name, check, is_tuple in _checks(cls):
        value = getattr(instance, name)
        if is_tuple and isinstance(value, list):
            value = tuple(value)
            object.__setattr__(instance, name, value)
        miss = check(value)
        if miss is not None:
            raise field_error(cls, f"{name}{miss[0]}", miss[1], miss[2])


_T = TypeVar("_T", bound=attrs.AttrsInstance)


def trusted(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen, slotted attrs class ``cls`` for values already known valid (taken
    from validated objects, as :meth:`Roadmap.walk` takes them from the plan): it sets the fields in
    order, positionally, and skips ``__attrs_post_init__`` (the field checks).

    A plan of 100 000 measures walks into 200 000 identities and located measures; checking fields
    already checked made that walk about four times slower. The class must have no defaults,
    converters or validators (all fields are passed) and must not cache its hash (attrs'
    ``cache_hash`` keeps the hash in an ``int`` subclass object that the garbage collector tracks:
    one more object per instance for every full collection to walk), which this function verifies
    once.
    """
    fields = attrs.fields(cls)
    if any(
        f.default is not attrs.NOTHING or f.converter is not None or f.validator is not None for f in fields
    ):
        raise TypeError(f"trusted() needs every field of {cls.__name__} plain and required")
    if hasattr(cls, "_attrs_cached_hash"):
        raise TypeError(f"trusted() needs {cls.__name__} without a cached hash")
    setters = tuple(getattr(cls, f.name).__set__ for f in fields)
    new = object.__new__
    # Three and four fields (LocatedMeasure, MeasureId) set one by one, without a loop over the
    # setters: twice as fast as the loop, which the other sizes take.
    if len(setters) == 3:
        set_a, set_b, set_c = setters

        def build_3(a: object, b: object, c: object) -> _T:
            instance = new(cls)
            set_a(instance, a)
            set_b(instance, b)
            set_c(instance, c)
            return instance

        return build_3
    if len(setters) == 4:
        set_1, set_2, set_3, set_4 = setters

        def build_4(a: object, b: object, c: object, d: object) -> _T:
            instance = new(cls)
            set_1(instance, a)
            set_2(instance, b)
            set_3(instance, c)
            set_4(instance, d)
            return instance

        return build_4

    def build(*values: object) -> _T:
        instance = new(cls)
        for setter, value in zip(setters, values, strict=True):
            setter(instance, value)
        return instance

    return build
