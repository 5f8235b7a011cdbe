"""Reading and writing data files (JSON, YAML, TOML) from strangers within stated limits.

Roadmap files (:func:`gia_roadmap.io.load`) and exam-schedule files
(:meth:`gia_roadmap.calendar.ExamSchedule.load`) are read through this module, so both refuse the same
hostile input the same way: with a :class:`DataFileError` that says what was wrong, where (a line and
column, or the JSONPath of the value) and which limit applies, in bounded time and memory.

The limits (:class:`LoadLimits`, every one documented in ``docs/security.md``):

* **bytes** (``max_bytes``, 64 MiB): a file is measured before it is read, a text before it is parsed;
* **nesting** (``max_depth``, 64 levels of arrays and objects): checked while parsing where the parser
  allows it (PyYAML's pure-Python composer, libyaml's own limit of 1000), and on the parsed value;
* **aliases** (``max_alias_nodes``, 0): a YAML collection used again through an alias (``*name``) adds
  all its values once more to what the library will read. Up to ``max_alias_nodes`` such values are
  allowed; with the default 0 a reused collection is refused, and a recursive one always is. That
  defeats the «billion laughs» file (538 bytes expanding to a million measures);
* **integers**: at most as many digits as the interpreter converts (``sys.get_int_max_str_digits()``,
  4300 unless changed), in JSON, YAML and TOML;
* **encodings**: UTF-8, with or without a byte-order mark, and UTF-16/UTF-32 (recognised by their
  byte-order mark or their zero bytes, as JSON's RFC 8259 and YAML 1.2 allow); anything else is refused
  with the place of the first byte that is not UTF-8.

YAML is read with libyaml's C parser when PyYAML has it (``yaml.__with_libyaml__``) and with PyYAML's
pure-Python one otherwise; both are *safe* loaders (no Python objects from tags). A YAML timestamp is
kept as the text written (``2024-13-01`` is then reported as a bad date at its path, not a crash).
YAML is written with libyaml's emitter when present, without anchors or aliases; the pure-Python
emitter double-quotes strings holding U+0085, U+2028 or U+2029, which it would otherwise fold away.

>>> parse("[1, [2, [3]]]", "json", limits=LoadLimits(max_depth=2))
Traceback (most recent call last):
...
gia_roadmap.datafiles.DataFileError: at $[1][1]: nested 3 levels deep; the limit is 2 (LoadLimits.max_depth)
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, cast

import attrs
import yaml

from gia_roadmap.errors import GiaRoadmapError, InvalidValueError, Location, Problem, Severity

__all__ = [
    "DEPTH_CEILING",
    "DataFileError",
    "DataFormat",
    "LoadLimits",
    "decode",
    "dump_json",
    "dump_yaml",
    "parse",
    "read_limited",
]

DataFormat = Literal["json", "yaml", "toml"]
"""The data formats this module reads."""

DEPTH_CEILING = 200
"""The largest ``max_depth`` accepted: every reader and writer of the library (and the model's own
recursive code) works at this depth without exhausting the interpreter's stack."""


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(f"LoadLimits.{attribute.name} must be a whole number ≥ 0, got {value!r}")


def _depth(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= DEPTH_CEILING:
        raise InvalidValueError(
            f"LoadLimits.max_depth must be a whole number from 1 to {DEPTH_CEILING}, got {value!r}"
        )


@attrs.frozen(kw_only=True)
class LoadLimits:
    """The budgets a data file must keep to be read (see the module docstring and ``docs/security.md``).

    Attributes:
        max_bytes: the largest file or text, in bytes (characters for a text), 64 MiB by default.
        max_depth: the deepest nesting of arrays and objects (the document itself is level 1), 64 by
            default; at most :data:`DEPTH_CEILING`. The bundled roadmaps nest 11–15 levels.
        max_alias_nodes: how many values YAML aliases may add by reusing a collection; 0 (the default)
            refuses every reused collection. A recursive alias is always refused.
    """

    max_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_depth)
    max_alias_nodes: int = attrs.field(default=0, validator=_positive)


class DataFileError(GiaRoadmapError, ValueError):
    """A data file that breaks its format or a limit.

    It carries one :class:`~gia_roadmap.errors.Problem` (severity ERROR) located by line and column or
    by JSONPath; the callers raise it again as their own error, with the file named (a roadmap file's
    :class:`~gia_roadmap.errors.RoadmapFormatError`, a schedule's
    :class:`~gia_roadmap.errors.ScheduleDataError`).

    Codes: ``invalid-json``, ``invalid-yaml``, ``invalid-toml`` (syntax), ``not-unicode`` (encoding),
    ``too-large``, ``too-deep``, ``yaml-alias``, ``integer-too-wide`` (limits), ``invalid-key`` (a
    mapping key that is not text).

    Attributes:
        problem: the problem (also the only member of ``problems``).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        path: str = "",
        line: int = 0,
        column: int = 0,
        expected: str = "",
    ) -> None:
        location = Location(path=path, line=line or None, column=column or None)
        self.problem = Problem(
            code=code, severity=Severity.ERROR, location=location, message=message, expected=expected
        )
        self.problems = (self.problem,)
        super().__init__(self.problem.describe("en"))

    def located(self, file: str, *, code: str = "") -> Problem:
        """The problem, in ``file`` (and under ``code`` when given)."""
        location = attrs.evolve(self.problem.location, file=file)
        return attrs.evolve(self.problem, location=location, code=code or self.problem.code)


# ---- reading bytes ------------------------------------------------------------------------------


def read_limited(path: str | os.PathLike[str], limits: LoadLimits) -> bytes:
    """The bytes of ``path``, or :class:`DataFileError` when it holds more than ``limits.max_bytes``.

    The size is checked before reading, and the read stops one byte past the limit, so a file that grows
    meanwhile (or a device with no size) is never read whole. Errors of the file system (missing file,
    no permission) are raised as :class:`OSError`.
    """
    with Path(path).open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limits.max_bytes:
            raise DataFileError(_too_large(size, limits), code="too-large")
        data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise DataFileError(_too_large(len(data), limits, at_least=True), code="too-large")
    return data


def _too_large(size: int, limits: LoadLimits, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"the file holds {more}{size:,} bytes; the limit is {limits.max_bytes:,} (LoadLimits.max_bytes)"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _encoding_of(data: bytes) -> str:
    """UTF-8, or UTF-16/32 told by a byte-order mark or by the zero bytes of ASCII text (RFC 8259 §8.1,
    YAML 1.2 §5.2: a data file begins with an ASCII character)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4]
    if len(head) == 4 and head[:3] == b"\0\0\0":
        return "utf-32-be"
    if len(head) == 4 and head[1:] == b"\0\0\0":
        return "utf-32-le"
    if len(head) >= 2 and head[0] == 0:
        return "utf-16-be"
    if len(head) >= 2 and head[1] == 0:
        return "utf-16-le"
    return "utf-8"


def decode(data: bytes) -> str:
    """The text of a data file (see the module docstring for the encodings read).

    Raises:
        DataFileError: the bytes are not in one of those encodings; the message names the line and
            column of the first bad byte and what to do.
    """
    encoding = _encoding_of(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        column = len(before) - before.rfind("\n")
        bad = data[error.start : error.start + 1].hex().upper()
        hint = "save the file as UTF-8"
        if encoding == "utf-8" and _reads_as(data, "cp1251"):
            hint = "the file looks like Windows-1251 (cp1251); save it as UTF-8"
        raise DataFileError(
            f"not {encoding.upper().removesuffix('-SIG')} text (byte 0x{bad}): {hint}",
            line=line,
            column=column,
            code="not-unicode",
        ) from None


def _reads_as(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


# ---- parsing ------------------------------------------------------------------------------------


def parse(text: str, format: DataFormat, *, limits: LoadLimits | None = None) -> Any:
    """Parse ``text`` as ``format`` within ``limits`` (the defaults when None).

    Returns plain data: dicts, lists, strings, integers, floats, booleans and None (YAML timestamps
    stay strings). Raises :class:`DataFileError` for a syntax error (with its line and column) and for
    a broken limit (with its line and column or JSONPath).
    """
    limits = limits or LoadLimits()
    if len(text) > limits.max_bytes:
        raise DataFileError(
            f"the text holds {len(text):,} characters; the limit is {limits.max_bytes:,} "
            "(LoadLimits.max_bytes)",
            code="too-large",
        )
    if format == "json":
        document = _parse_json(text, limits)
    elif format == "yaml":
        document = _parse_yaml(text, limits)
    elif format == "toml":
        document = _parse_toml(text, limits)
    else:
        raise InvalidValueError(f"unknown data format {format!r}; use 'json', 'yaml' or 'toml'")
    check_shape(document, limits)
    return document


def _int_digits() -> int:
    return sys.get_int_max_str_digits() or sys.maxsize


def _too_wide(digits: int) -> str:
    return (
        f"an integer of {digits:,} digits; at most {_int_digits():,} are read "
        "(the interpreter's sys.get_int_max_str_digits())"
    )


class _WideIntegerError(Exception):
    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _json_int(literal: str) -> int:
    try:
        return int(literal)
    except ValueError:
        raise _WideIntegerError(literal) from None


def _json_constant(name: str) -> float:
    raise DataFileError(f"{name} is not JSON; write a number or a string", code="invalid-json")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _parse_json(text: str, limits: LoadLimits) -> Any:
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as error:
        raise DataFileError(
            f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno, code="invalid-json"
        ) from None
    except _WideIntegerError as error:
        line, column = _line_column(text, max(text.find(error.literal), 0))
        raise DataFileError(
            _too_wide(len(error.literal.lstrip("-"))), line=line, column=column, code="integer-too-wide"
        ) from None
    except RecursionError:
        # json's C scanner stops at the interpreter's recursion limit: the nesting is far past any limit
        line, column = _line_column(text, _json_depth_offset(text, limits.max_depth))
        raise DataFileError(
            _too_deep_message(None, limits), line=line, column=column, code="too-deep"
        ) from None


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _json_depth_offset(text: str, max_depth: int) -> int:
    """Where the nesting of a JSON text first passes ``max_depth`` (used only to locate the error)."""
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def _too_deep_message(depth: int | None, limits: LoadLimits) -> str:
    how = f"nested {depth} levels deep" if depth is not None else "nested too deep to read"
    return f"{how}; the limit is {limits.max_depth} (LoadLimits.max_depth)"


def _parse_toml(text: str, limits: LoadLimits) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"invalid TOML: {error}", code="invalid-toml") from None
    except ValueError:  # an integer past the interpreter's digit limit
        raise DataFileError(
            f"an integer wider than {_int_digits():,} digits "
            "(the interpreter's sys.get_int_max_str_digits())",
            code="integer-too-wide",
        ) from None
    except RecursionError:
        raise DataFileError(_too_deep_message(None, limits), code="too-deep") from None


# -- YAML --


def _mark(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


class _Constructor(yaml.constructor.SafeConstructor):
    """PyYAML's safe constructor, with timestamps kept as written, integers within the digit limit, and
    every value that its tag cannot hold («!!float abc», «!!bool maybe») reported at its node."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except DataFileError:
            raise
        except (ValueError, TypeError, KeyError, OverflowError, ArithmeticError) as error:
            line, column = _mark(node)
            tag = str(node.tag).rpartition(":")[2]
            value = node.value if isinstance(node, yaml.ScalarNode) else type(node).__name__
            raise DataFileError(
                f"invalid YAML: {str(value)[:60]!r} cannot be read as !!{tag} ({type(error).__name__})",
                line=line,
                column=column,
                code="invalid-yaml",
            ) from None

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        digits = len(re.sub(r"^[-+]?0[xob]|[-+_:]", "", text))
        try:
            value = super().construct_yaml_int(node)
            str(value)  # 0x…, 0b… and 0o… forms are converted without the limit: write it out
        except ValueError:
            if digits <= _int_digits() and len(text) <= _int_digits():
                raise  # not an integer at all («!!int abc»): reported by construct_object
            line, column = _mark(node)
            raise DataFileError(
                _too_wide(digits), line=line, column=column, code="integer-too-wide"
            ) from None
        return value


_Constructor.yaml_constructors = {
    **yaml.constructor.SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:timestamp": _Constructor.construct_yaml_timestamp,
    "tag:yaml.org,2002:int": _Constructor.construct_yaml_int,
}


class _PyComposer(yaml.composer.Composer):
    """PyYAML's composer (recursive) with the nesting limit checked while composing."""

    max_depth = LoadLimits().max_depth
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = cast(Any, self).peek_event()
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                line, column = _mark(event)
                raise DataFileError(
                    _too_deep_message(self._depth, LoadLimits(max_depth=self.max_depth)),
                    line=line,
                    column=column,
                    code="too-deep",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PyLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _PyComposer,
    _Constructor,
    yaml.resolver.Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _PyComposer.__init__(self)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


_CParser: Any
_CEmitter: Any
try:  # libyaml's parser and emitter, when PyYAML was built with them
    from yaml._yaml import CEmitter as _CEmitter
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - the wheels ship libyaml
    _CParser = _CEmitter = None


def _loader(text: str, limits: LoadLimits) -> Any:
    if _CParser is not None:
        return _CLoader(text)
    loader = _PyLoader(text)
    loader.max_depth = limits.max_depth
    return loader


if _CParser is not None:

    class _CLoader(_CParser, _Constructor, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml's parser (its own nesting limit is 1000) with the safe constructor above."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


#: Nesting that libyaml's composer is known to build safely. PyYAML wheels up to 6.0.3 carry a libyaml
#: with no nesting limit, whose recursive composer overflows the C stack (a crash, not an exception) a
#: few ten thousand levels down; later ones stop at 1000 levels.
_C_SAFE_DEPTH = 1000
_FLOW = re.compile(r"[^\[\]{}]+")
_DEEP_BLOCK = re.compile(r"\n[ ?:-]{%d}" % (_C_SAFE_DEPTH // 4))  # noqa: UP031
_DEEP_BLOCK_ANY_BREAK = re.compile("[\n\r\x85\u2028\u2029][ ?:-]{%d}" % (_C_SAFE_DEPTH // 4))  # noqa: UP031
_BLOCK_PREFIX = frozenset(" ?:-")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _might_nest_deep(text: str) -> bool:
    """False when the text cannot nest past :data:`_C_SAFE_DEPTH` (a cheap bound, C-speed scans).

    Block collections nest by indentation: each level needs a deeper column, or a compact
    ``- ``/``? `` indicator, so a line's prefix of spaces and indicators bounds them (searched at the
    start and after each line break; libyaml also breaks lines at a lone CR, NEL, LS and PS, and a
    text with none of those is searched after LF only, a literal the regex engine scans for fast).
    Flow collections nest by brackets: at the deepest point every open collection but the last holds
    another, so the openers not closed at once («[]», «{}») bound the depth; when they are many, the
    running count of brackets does (brackets in quoted strings only raise either bound).
    """
    half = _C_SAFE_DEPTH // 2
    prefix = _C_SAFE_DEPTH // 4
    if len(text) >= prefix and _BLOCK_PREFIX.issuperset(text[:prefix]):
        return True
    lone_cr = "\r" in text and text.count("\r") > text.count("\r\n")
    other_breaks = lone_cr or any(b in text for b in "\x85\u2028\u2029")
    if (_DEEP_BLOCK_ANY_BREAK if other_breaks else _DEEP_BLOCK).search(text):
        return True
    openers = text.count("[") + text.count("{")
    if openers <= half or openers - text.count("[]") - text.count("{}") + 1 <= half:
        return False
    brackets = _FLOW.sub("", text)
    return max(itertools.accumulate(_BRACKET_STEP[b] for b in brackets), default=0) > half


def _check_yaml_depth(text: str, limits: LoadLimits) -> None:
    """Walk libyaml's events (no recursion) and stop where the nesting passes the limit."""
    parser = _CParser(text)
    depth = 0
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > limits.max_depth:
                    line, column = _mark(event)
                    raise DataFileError(
                        _too_deep_message(depth, limits), line=line, column=column, code="too-deep"
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.StreamEndEvent):
                return
    except yaml.YAMLError:
        # a syntax error, or libyaml's own nesting limit (1000, where it has one: its scanner looks
        # ahead for a key, so it may stop before the events reach ours): the loader below meets the
        # same error at the same place and reports it
        return
    finally:
        parser.dispose()


def _parse_yaml(text: str, limits: LoadLimits) -> Any:
    try:
        if _CParser is not None and _might_nest_deep(text):
            _check_yaml_depth(text, limits)
        loader = _loader(text, limits)
    except UnicodeEncodeError as error:  # libyaml reads UTF-8: a lone surrogate cannot be given to it
        line, column = _line_column(text, error.start)
        raise DataFileError(
            f"invalid YAML: {text[error.start]!r} is a lone surrogate, not a character",
            line=line,
            column=column,
            code="invalid-yaml",
        ) from None
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = error.problem or error.context or "malformed"
        if "nesting depth" in problem:  # libyaml's own limit (1000 levels)
            problem = _too_deep_message(None, limits)
            raise DataFileError(problem, line=line, column=column, code="too-deep") from None
        raise DataFileError(
            f"invalid YAML: {problem}", line=line, column=column, code="invalid-yaml"
        ) from None
    except yaml.YAMLError as error:
        raise DataFileError(f"invalid YAML: {error}", code="invalid-yaml") from None
    except RecursionError:
        raise DataFileError(_too_deep_message(None, limits), code="too-deep") from None
    finally:
        loader.dispose()


# ---- the shape of the parsed document -----------------------------------------------------------


def _path_of(frames: list[tuple[Any, Any]], key: Any = None) -> str:
    parts = ["$"]
    for _, frame_key in frames[1:]:
        parts.append(_step(frame_key))
    if key is not None:
        parts.append(_step(key))
    return "".join(parts)


def _step(key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"[{key}]"
    if isinstance(key, str) and key.isidentifier():
        return f".{key}"
    return f"[{key!r}]"


def _children(value: Any) -> list[tuple[Any, Any]]:
    if isinstance(value, dict):
        return [(k, v) for k, v in value.items() if isinstance(v, (dict, list))]
    return [(i, v) for i, v in enumerate(value) if isinstance(v, (dict, list))]


def _size(value: dict[Any, Any] | list[Any]) -> int:
    return len(value)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain_tree_within(document: dict[Any, Any] | list[Any], max_depth: int) -> bool:
    """True when the document is a tree (no collection met twice) no deeper than ``max_depth``: the
    common case, checked level by level with one type test per value."""
    seen = {id(document)}
    level: list[Any] = [document]
    depth = 1
    while level:
        if depth > max_depth:
            return False
        below: list[Any] = []
        for collection in level:
            if type(collection) is dict:
                if not all(type(key) is str for key in collection):
                    return False
                values = collection.values()
            else:
                values = collection
            for value in values:
                if type(value) not in _SCALARS and isinstance(value, (dict, list)):
                    below.append(value)
        for value in below:
            if id(value) in seen:
                return False
            seen.add(id(value))
        level = below
        depth += 1
    return True


def _text_keys(collection: Any, frames: list[tuple[Any, Any]]) -> None:
    """Every key of a mapping is text: the formats read here name their fields (YAML could key by
    ``0``, ``null`` or ``true``)."""
    if isinstance(collection, dict):
        for key in collection:
            if not isinstance(key, str):
                raise DataFileError(
                    f"a key must be text, got {key!r} ({type(key).__name__}); quote it",
                    path=_path_of(frames),
                    code="invalid-key",
                )


def check_shape(document: Any, limits: LoadLimits) -> None:
    """Check the nesting, the keys and the aliases of a parsed document (iteratively: any depth is
    safe). Every mapping key must be text.

    A collection met a second time is an alias (or, when it holds itself, a recursive alias); its
    values count against ``limits.max_alias_nodes`` each time it is met again.

    Raises:
        DataFileError: at the JSONPath of the first value that breaks a limit.
    """
    if not isinstance(document, (dict, list)) or _plain_tree_within(document, limits.max_depth):
        return
    # Something to report or to count: walk again, depth first, keeping paths, sizes and heights.
    # height and expanded size of each collection closed so far, by id (the document keeps them alive)
    closed: dict[int, tuple[int, int]] = {}
    open_ids: set[int] = set()
    added = 0
    # a frame: the collection, the key it has in its parent, its pending children, its expanded size
    frames: list[tuple[Any, Any]] = [(document, None)]
    _text_keys(document, frames)
    pending: list[list[tuple[Any, Any]]] = [_children(document)]
    sizes: list[int] = [_size(document)]
    heights: list[int] = [1]
    open_ids.add(id(document))
    if limits.max_depth < 1:  # pragma: no cover - the validator forbids it
        raise DataFileError(_too_deep_message(1, limits), code="too-deep")
    while frames:
        if not pending[-1]:
            value, _ = frames.pop()
            pending.pop()
            size = sizes.pop()
            height = heights.pop()
            open_ids.discard(id(value))
            closed[id(value)] = (height, size)
            if sizes:
                sizes[-1] += size
                heights[-1] = max(heights[-1], height + 1)
            continue
        key, child = pending[-1].pop()
        depth = len(frames) + 1
        ident = id(child)
        if ident in open_ids:
            raise DataFileError(
                "the collection holds itself (a recursive YAML alias); write the values out",
                path=_path_of(frames, key),
                code="yaml-alias",
            )
        if ident in closed:
            height, size = closed[ident]
            added += size
            if limits.max_alias_nodes == 0:
                raise DataFileError(
                    "a YAML alias reuses a collection written earlier; such aliases are refused "
                    "(LoadLimits.max_alias_nodes=0): write the values out",
                    path=_path_of(frames, key),
                    code="yaml-alias",
                )
            if added > limits.max_alias_nodes:
                raise DataFileError(
                    f"YAML aliases add more than {limits.max_alias_nodes:,} values "
                    "(LoadLimits.max_alias_nodes)",
                    path=_path_of(frames, key),
                    code="yaml-alias",
                )
            if depth + height - 1 > limits.max_depth:
                raise DataFileError(
                    _too_deep_message(depth + height - 1, limits), path=_path_of(frames, key), code="too-deep"
                )
            sizes[-1] += size
            heights[-1] = max(heights[-1], height + 1)
            continue
        if depth > limits.max_depth:
            raise DataFileError(_too_deep_message(depth, limits), path=_path_of(frames, key), code="too-deep")
        frames.append((child, key))
        _text_keys(child, frames)
        pending.append(_children(child))
        sizes.append(_size(child))
        heights.append(1)
        open_ids.add(ident)


# ---- writing ------------------------------------------------------------------------------------


def dump_json(document: Any) -> str:
    """Indented JSON (UTF-8 text, non-ASCII written as is) with a final newline.

    Raises:
        DataFileError: an integer wider than the interpreter writes, or a float that is not finite.
    """
    try:
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError as error:
        raise DataFileError(f"cannot write JSON: {error}", code="invalid-value") from None


def _represent_str(dumper: yaml.representer.SafeRepresenter, data: str) -> yaml.Node:
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


class _Representer(yaml.representer.SafeRepresenter):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a shared value is written out again: files hold no anchors or aliases


class _PyDumper(yaml.emitter.Emitter, yaml.serializer.Serializer, _Representer, yaml.resolver.Resolver):
    def __init__(self, stream: Any, **options: Any) -> None:
        yaml.emitter.Emitter.__init__(
            self,
            stream,
            canonical=None,
            indent=None,
            width=options.get("width"),
            allow_unicode=options.get("allow_unicode"),
            line_break=None,
        )
        yaml.serializer.Serializer.__init__(self)
        _Representer.__init__(self, default_flow_style=False, sort_keys=False)
        yaml.resolver.Resolver.__init__(self)


_PyDumper.add_representer(str, _represent_str)

_Dumper: Callable[..., Any] = _PyDumper
if _CEmitter is not None:

    class _CDumper(_CEmitter, _Representer, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml's emitter (it writes U+0085 and U+2028 so that they read back) without aliases."""

        def __init__(self, stream: Any, **options: Any) -> None:
            _CEmitter.__init__(
                self, stream, width=options.get("width"), allow_unicode=options.get("allow_unicode")
            )
            _Representer.__init__(self, default_flow_style=False, sort_keys=False)
            yaml.resolver.Resolver.__init__(self)

    _Dumper = _CDumper


def dump_yaml(document: Any, *, width: int = 100) -> str:
    """Block-style YAML (UTF-8 text, non-ASCII written as is, keys in their order), no aliases.

    Every string reads back unchanged (U+0085, U+2028 and U+2029 included), with either emitter.

    Raises:
        DataFileError: an integer wider than the interpreter writes.
    """
    try:
        return str(yaml.dump_all([document], Dumper=_Dumper, allow_unicode=True, width=width))
    except ValueError as error:
        raise DataFileError(f"cannot write YAML: {error}", code="invalid-value") from None
