"""Reading budgets: how much a file may hold before it is refused, checked while reading.

A roadmap is a few hundred rows. A file from a stranger may claim far more: a 5 KB workbook whose
merged range covers every cell of a sheet (``<mergeCell ref="A1:XFD1048576"/>``), a Word cell spanning
three million grid columns (``gridSpan="3000000"``), a ZIP archive whose headers understate what its
members inflate to, a CSV field of megabytes. Every budget here is checked *before* the memory is
spent: archives are inflated in bounded chunks and counted (headers are never trusted), merged ranges
and spans are measured before any cell is made, and cells are counted as they are made.

Each budget is a field of :class:`ReadLimits`; a file over one raises
:class:`~gia_roadmap.errors.ReadLimitError` naming the file, the budget and the place.

>>> ReadLimits().max_cells
500000
>>> ReadLimits(max_cells=10).with_file_bytes(1024).max_file_bytes
1024
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import attrs

from gia_roadmap.errors import InvalidValueError, Location, ReadLimitError, TableReadError

__all__ = ["CellBudget", "ReadLimits", "check_archive", "check_file_size", "check_span"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidValueError(f"ReadLimits.{attribute.name} must be a positive whole number, not {value!r}")


@attrs.frozen(kw_only=True)
class ReadLimits:
    """The reading budgets (every one configurable; the defaults are far above any real roadmap).

    Attributes:
        max_file_bytes: the size of the file on disk (50 MiB).
        max_unpacked_bytes: the total inflated size of a ZIP-based file (DOCX, XLSX, ODT, ODS),
            counted while inflating, never read from the archive's headers (300 MiB).
        max_member_bytes: the inflated size of one member of such an archive (200 MiB).
        max_cells: the cells made from one file, merged and covered cells included (500 000).
        max_columns: the columns of one table row, spans included (1 000).
        max_rows: the rows of one table or sheet (100 000).
        max_span: the rows or columns one merged cell covers (10 000).
        max_field_chars: the characters of one CSV/TSV field (131 072, Python's csv module's own
            limit, which is the largest value honoured).
        max_pages: the pages of a PDF (2 000).
    """

    max_file_bytes: int = attrs.field(default=50 * 1024 * 1024, validator=_positive)
    max_unpacked_bytes: int = attrs.field(default=300 * 1024 * 1024, validator=_positive)
    max_member_bytes: int = attrs.field(default=200 * 1024 * 1024, validator=_positive)
    max_cells: int = attrs.field(default=500_000, validator=_positive)
    max_columns: int = attrs.field(default=1_000, validator=_positive)
    max_rows: int = attrs.field(default=100_000, validator=_positive)
    max_span: int = attrs.field(default=10_000, validator=_positive)
    max_field_chars: int = attrs.field(default=128 * 1024, validator=_positive)
    max_pages: int = attrs.field(default=2_000, validator=_positive)

    def with_file_bytes(self, max_file_bytes: int) -> ReadLimits:
        """A copy with another file-size budget (the ``max_bytes`` argument of the readers)."""
        return attrs.evolve(self, max_file_bytes=max_file_bytes)


def check_file_size(path: Path, limits: ReadLimits) -> None:
    """Refuse a file larger than ``limits.max_file_bytes``."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ReadLimitError(path.name, "max_file_bytes", size, limits.max_file_bytes)


_CHUNK = 1024 * 1024


def check_archive(path: Path, limits: ReadLimits, kind: str = "DOCX/XLSX") -> None:
    """Inflate every member of a ZIP-based file in bounded chunks and count what comes out.

    The sizes written in the archive's headers are never trusted: a member whose real data is larger
    than its header says is cut off by :mod:`zipfile` and fails its CRC check (a damaged file), and
    the bytes actually produced are counted against ``max_member_bytes`` and ``max_unpacked_bytes``.
    The cost is one extra inflation, bounded by the budgets.

    Raises:
        ReadLimitError: a budget is exceeded (the member is named).
        TableReadError: not a ZIP archive, or damaged.
    """
    check_file_size(path, limits)
    source = path.name
    total = 0
    name = ""  # the member being inflated, for the place of a damage
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                name = info.filename
                member = 0
                with archive.open(info) as stream:
                    while True:
                        chunk = stream.read(_CHUNK)
                        if not chunk:
                            break
                        member += len(chunk)
                        total += len(chunk)
                        if member > limits.max_member_bytes:
                            raise ReadLimitError(
                                source, "max_member_bytes", member, limits.max_member_bytes, info.filename
                            )
                        if total > limits.max_unpacked_bytes:
                            raise ReadLimitError(
                                source, "max_unpacked_bytes", total, limits.max_unpacked_bytes, info.filename
                            )
    except TableReadError:
        raise
    except Exception as exc:  # BadZipFile, a CRC mismatch, zlib.error, EOFError: a damaged file
        raise TableReadError(
            f"{source}: not a valid {kind} file (they are ZIP archives), or a damaged one: {exc}; "
            "save the document again in its own program",
            location=Location(file=source, path=name),
        ) from exc


def check_span(source: str, rows: int, columns: int, limits: ReadLimits, where: str) -> None:
    """Refuse a merged cell spanning more rows or columns than the budgets allow, before any cell of
    it is made."""
    if rows > limits.max_span or columns > limits.max_span:
        raise ReadLimitError(source, "max_span", max(rows, columns), limits.max_span, where)
    if columns > limits.max_columns:
        raise ReadLimitError(source, "max_columns", columns, limits.max_columns, where)
    if rows > limits.max_rows:
        raise ReadLimitError(source, "max_rows", rows, limits.max_rows, where)


class CellBudget:
    """Counts the cells made from one file and refuses more than ``limits.max_cells``."""

    def __init__(self, source: str, limits: ReadLimits) -> None:
        self.source = source
        self.limits = limits
        self.count = 0

    def take(self, n: int, where: str = "") -> None:
        """Count ``n`` more cells (call before making them)."""
        self.count += n
        if self.count > self.limits.max_cells:
            raise ReadLimitError(self.source, "max_cells", self.count, self.limits.max_cells, where)

    def row_width(self, width: int, where: str) -> None:
        """Refuse a row wider than ``limits.max_columns`` (call before making its cells)."""
        if width > self.limits.max_columns:
            raise ReadLimitError(self.source, "max_columns", width, self.limits.max_columns, where)

    def row_count(self, rows: int, where: str) -> None:
        """Refuse a table longer than ``limits.max_rows``."""
        if rows > self.limits.max_rows:
            raise ReadLimitError(self.source, "max_rows", rows, self.limits.max_rows, where)
