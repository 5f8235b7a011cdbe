"""Plan files: a roadmap written to and read from lossless JSON or YAML (``schema_version`` 1), within
stated limits (:class:`LoadLimits`, see ``docs/security.md``).

>>> from gia_roadmap.plan import Roadmap
>>> loads(dumps(Roadmap("demo"), format="yaml"), format="yaml") == Roadmap("demo")
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from gia_roadmap.datafiles import LoadLimits

if TYPE_CHECKING:
    from gia_roadmap.io.serialization import Format
    from gia_roadmap.plan.model import Roadmap

__all__ = ["LoadLimits", "dump", "dumps", "load", "loads"]


def dumps(roadmap: Roadmap, format: Format = "json", *, limits: LoadLimits | None = None) -> str:
    """The roadmap as JSON or YAML text (every field, source texts included).

    Raises:
        InvalidValueError: the roadmap nests deeper than ``limits.max_depth`` allows a file to.
        UnsupportedFormatError: for a format other than "json" or "yaml".
    """
    from gia_roadmap.io.serialization import dumps_text

    return dumps_text(roadmap, format, limits=limits)


def loads(text: str, format: Format = "json", *, limits: LoadLimits | None = None) -> Roadmap:
    """A roadmap from JSON or YAML text, read within ``limits`` (:class:`LoadLimits`, the defaults
    when None: see ``docs/security.md``).

    Raises:
        RoadmapFormatError: listing every bad field with its path, or the syntax error or broken
            limit with its line and column or path.
        UnsupportedFormatError: for a format other than "json" or "yaml".
    """
    from gia_roadmap.io.serialization import loads_text

    return loads_text(text, format, limits=limits)


def _format_of(path: Path, format: Format | None) -> Format:
    if format is not None:
        return format
    return "yaml" if path.suffix.lower() in (".yaml", ".yml") else "json"


def dump(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    limits: LoadLimits | None = None,
) -> None:
    """Write the roadmap to ``path`` (UTF-8); the format follows the suffix unless given.

    Raises:
        InvalidValueError: the roadmap cannot be written (see :func:`dumps`), or holds text that UTF-8
            cannot encode (a lone surrogate), with its line and column; nothing is written then.
        OSError: the file cannot be written.
    """
    from gia_roadmap.errors import InvalidValueError

    target = Path(path)
    text = dumps(roadmap, _format_of(target, format), limits=limits)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        column = error.start - text.rfind("\n", 0, error.start)
        raise InvalidValueError(
            f"cannot write roadmap {roadmap.id!r} to {target}: line {line}, column {column}: "
            f"{text[error.start]!r} cannot be written in UTF-8 (a lone surrogate); remove it"
        ) from None
    target.write_bytes(data)


def load(
    path: str | os.PathLike[str], format: Format | None = None, *, limits: LoadLimits | None = None
) -> Roadmap:
    """Read a roadmap from ``path``; the format follows the suffix (.yaml/.yml → YAML) unless given.

    The file is read within ``limits`` (its size is checked before reading) and may be UTF-8 (with or
    without a byte-order mark), UTF-16 or UTF-32.

    Raises:
        RoadmapFormatError: as :func:`loads`, and for a file too large or not in one of those encodings.
        OSError: the file cannot be read.
    """
    from gia_roadmap.datafiles import DataFileError, decode, read_limited
    from gia_roadmap.datafiles import LoadLimits as DataLimits
    from gia_roadmap.errors import RoadmapFormatError
    from gia_roadmap.io.serialization import loads_text

    source = Path(path)
    limits = limits or DataLimits()
    try:
        text = decode(read_limited(source, limits))
    except DataFileError as error:
        raise RoadmapFormatError([error.located(str(source))], source=str(source)) from None
    return loads_text(text, _format_of(source, format), source=str(source), limits=limits)
