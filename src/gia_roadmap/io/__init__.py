"""Reading and writing roadmaps: lossless JSON and YAML (``schema_version`` 1), the JSON Schema, and
reading the tables officials write (Word, Excel, CSV, text) into typed raw tables with provenance,
importing them into :class:`~gia_roadmap.plan.Roadmap` values, and exports (XLSX report, CSV,
iCalendar, HTML, pandas, and the Word/Excel plan tables that read back to an equal roadmap).

>>> from gia_roadmap.plan import Roadmap
>>> from gia_roadmap import io
>>> io.loads(io.dumps(Roadmap("demo"), format="yaml"), format="yaml") == Roadmap("demo")
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from gia_roadmap._lazy import lazy_names

if TYPE_CHECKING:  # the real names for type checkers and IDEs; at run time each is imported on first use
    from gia_roadmap.datafiles import LoadLimits
    from gia_roadmap.io.export_common import (
        FindingRow,
        MeasureRow,
        findings_for,
        measure_rows,
    )
    from gia_roadmap.io.export_csv import to_csv, write_csv
    from gia_roadmap.io.export_docx import (
        to_docx_bytes,
        write_docx,
    )
    from gia_roadmap.io.export_html import (
        to_html,
        write_html,
    )
    from gia_roadmap.io.export_ics import (
        to_ics,
        write_ics,
    )
    from gia_roadmap.io.export_pandas import (
        to_dataframe,
    )
    from gia_roadmap.io.export_table_csv import to_table_csv, write_table_csv
    from gia_roadmap.io.export_table_xlsx import (
        to_table_xlsx_bytes,
        write_table_xlsx,
    )
    from gia_roadmap.io.export_xlsx import (
        to_xlsx_bytes,
        write_xlsx,
    )
    from gia_roadmap.io.importing import (
        ImportOptions,
        ImportResult,
        import_document,
        import_file,
        import_problems,
        import_text,
    )
    from gia_roadmap.io.limits import ReadLimits
    from gia_roadmap.io.reading import read_tables, read_tables_text, require_plan_table
    from gia_roadmap.io.roundtrip import table_view
    from gia_roadmap.io.serialization import (
        SCHEMA_VERSION,
        Format,
        from_document,
        to_document,
    )
    from gia_roadmap.io.structure import ReadOptions
    from gia_roadmap.io.tables import (
        CellFlag,
        ColumnRole,
        GlossaryEntry,
        GlossaryKind,
        Provenance,
        RawCell,
        RawDocument,
        RawRow,
        RawTable,
        RowKind,
    )
    from gia_roadmap.plan.model import Roadmap

__all__ = [
    "SCHEMA_VERSION",
    "CellFlag",
    "ColumnRole",
    "FindingRow",
    "Format",
    "GlossaryEntry",
    "GlossaryKind",
    "ImportOptions",
    "ImportResult",
    "LoadLimits",
    "MeasureRow",
    "Provenance",
    "RawCell",
    "RawDocument",
    "RawRow",
    "RawTable",
    "ReadLimits",
    "ReadOptions",
    "RowKind",
    "dump",
    "dumps",
    "findings_for",
    "from_document",
    "import_document",
    "import_file",
    "import_problems",
    "import_text",
    "load",
    "loads",
    "measure_rows",
    "read_tables",
    "read_tables_text",
    "require_plan_table",
    "table_view",
    "to_csv",
    "to_dataframe",
    "to_document",
    "to_docx_bytes",
    "to_html",
    "to_ics",
    "to_table_csv",
    "to_table_xlsx_bytes",
    "to_xlsx_bytes",
    "write_csv",
    "write_docx",
    "write_html",
    "write_ics",
    "write_table_csv",
    "write_table_xlsx",
    "write_xlsx",
]

# Where each public name lives. A name's submodule is imported when the name is first used (PEP 562),
# so ``from gia_roadmap import io`` costs nothing until a reader or an export is asked for (openpyxl,
# python-docx, lxml, pandas are imported only by the modules that use them).
_SOURCES: dict[str, tuple[str, ...]] = {
    "export_common": ("FindingRow", "MeasureRow", "findings_for", "measure_rows"),
    "export_csv": ("to_csv", "write_csv"),
    "export_docx": ("to_docx_bytes", "write_docx"),
    "export_html": ("to_html", "write_html"),
    "export_ics": ("to_ics", "write_ics"),
    "export_pandas": ("to_dataframe",),
    "export_table_csv": ("to_table_csv", "write_table_csv"),
    "export_table_xlsx": ("to_table_xlsx_bytes", "write_table_xlsx"),
    "export_xlsx": ("to_xlsx_bytes", "write_xlsx"),
    "importing": (
        "ImportOptions",
        "ImportResult",
        "import_document",
        "import_file",
        "import_problems",
        "import_text",
    ),
    "limits": ("ReadLimits",),
    "reading": ("read_tables", "read_tables_text", "require_plan_table"),
    "roundtrip": ("table_view",),
    # (dumps_text and loads_text are not public: kept for code that used them as io attributes)
    "serialization": (
        "SCHEMA_VERSION",
        "Format",
        "LoadLimits",
        "dumps_text",
        "from_document",
        "loads_text",
        "to_document",
    ),
    "structure": ("ReadOptions",),
    "tables": (
        "CellFlag",
        "ColumnRole",
        "GlossaryEntry",
        "GlossaryKind",
        "Provenance",
        "RawCell",
        "RawDocument",
        "RawRow",
        "RawTable",
        "RowKind",
    ),
}
_lazy_attribute, __dir__ = lazy_names(__name__, _SOURCES)

if not TYPE_CHECKING:  # hidden from type checkers, which see the imports above and flag unknown names
    __getattr__ = _lazy_attribute


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
