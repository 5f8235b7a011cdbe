"""Which reader reads a file: decided from its first bytes, then its name.

A file's name often lies (an HTML page saved as «план.xls», a .docx renamed .doc), so the content is
looked at first: ``%PDF`` is a PDF; a ZIP archive is a DOCX, XLSX, ODT or ODS by the members it
holds; an OLE compound file is a legacy .xls, or a legacy .doc (refused with how to convert it); a
page that starts like HTML is HTML; RTF and pictures are refused with what to do. Only plain text is
told apart by the name: .csv (delimiter guessed), .tsv, and .txt/.md text conversions of Word tables.
Text is decoded by :func:`gia_roadmap.io.encodings.decode_bytes`; a detected or uncertain encoding
is reported as a problem of the document.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import attrs

from gia_roadmap.errors import Location, Problem, TableReadError, UnsupportedFileError
from gia_roadmap.io.encodings import decode_bytes
from gia_roadmap.io.limits import ReadLimits, check_file_size
from gia_roadmap.io.readers.legacy_xls import DOC_HINT
from gia_roadmap.io.sources import read_delimited, read_docx_blocks, read_text_blocks, read_xlsx_blocks
from gia_roadmap.io.tables import CellProvenance, SourceBlock, reader_problem

__all__ = ["SUPPORTED_SUFFIXES", "SourceRead", "file_kind", "read_source", "read_text_bytes"]

#: The file types the readers accept, by their usual suffix.
SUPPORTED_SUFFIXES = (
    ".docx", ".xlsx", ".xlsm", ".odt", ".ods", ".pdf", ".html", ".htm", ".xls", ".csv", ".tsv", ".txt", ".md",
)  # fmt: skip

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SUFFIXES = {
    ".docx": "DOCX (a ZIP archive)",
    ".xlsx": "XLSX (a ZIP archive)",
    ".xlsm": "XLSM (a ZIP archive)",
    ".odt": "ODT (a ZIP archive)",
    ".ods": "ODS (a ZIP archive)",
    ".pdf": "PDF",
    ".xls": "XLS",
}
_TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".md", ".text"})
_PICTURES = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


@attrs.frozen
class SourceRead:
    """What a reader made of a file: its blocks, what it noticed, the type it was read as.

    Attributes:
        blocks: paragraphs and grids in document order.
        problems: what the reader noticed (a detected or uncertain encoding, an unbalanced quote).
        kind: the type read (``"docx"``, ``"xlsx"``, ``"odt"``, ``"ods"``, ``"pdf"``, ``"html"``,
            ``"xls"``, ``"csv"``, ``"tsv"``, ``"text"``).
        encoding: the text encoding of a text file, else None.
    """

    blocks: tuple[SourceBlock, ...]
    problems: tuple[Problem, ...] = ()
    kind: str = ""
    encoding: str | None = None


_ZIP_SUFFIXES = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".odt": "odt", ".ods": "ods"}


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = ""
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype")[:200].decode("ascii", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise TableReadError(
            f"{path.name}: a damaged ZIP-based document: {exc}", location=Location(file=path.name)
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype.endswith("opendocument.text"):
        return "odt"
    if mimetype.endswith("opendocument.spreadsheet"):
        return "ods"
    if path.suffix.lower() in _ZIP_SUFFIXES:  # let its reader say what is wrong with it
        return _ZIP_SUFFIXES[path.suffix.lower()]
    raise UnsupportedFileError(
        path.name,
        "zip",
        "a ZIP archive that is not a Word, Excel or OpenDocument file; "
        "unpack it and import the document inside",
    )


def file_kind(path: str | Path) -> str:
    """The type of a file, from its first bytes and then its name (see the module docstring).

    Raises:
        UnsupportedFileError: a type no reader handles (legacy .doc, RTF, pictures, other archives).
    """
    path = Path(path)
    with path.open("rb") as stream:
        head = stream.read(2048)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE):
        if suffix in (".doc", ".dot"):
            raise UnsupportedFileError(path.name, "doc", DOC_HINT)
        return "xls"
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFileError(
            path.name,
            "rtf",
            "an RTF document cannot be read; open it in Word or LibreOffice Writer and save it as .docx",
        )
    for magic, name in _PICTURES:
        if head.startswith(magic):
            raise UnsupportedFileError(
                path.name,
                name.lower(),
                f"a {name} picture holds no text to read; ask for the .docx/.xlsx/.pdf original",
            )
    low = head.lower()
    if suffix in (".html", ".htm") or any(mark in low for mark in (b"<html", b"<!doctype html", b"<table")):
        return "html"
    if suffix in (".doc", ".dot"):
        raise UnsupportedFileError(path.name, "doc", DOC_HINT)
    if suffix in _BINARY_SUFFIXES:
        raise TableReadError(
            f"{path.name}: not a valid {_BINARY_SUFFIXES[suffix]} file (its content does not begin as one "
            "does), or a damaged one; save the document again in its own program",
            location=Location(file=path.name),
        )
    if suffix == ".csv":
        return "csv"
    if suffix == ".tsv":
        return "tsv"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    raise UnsupportedFileError(
        path.name,
        suffix or "(none)",
        f"unsupported file type {suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
    )


def read_text_bytes(data: bytes, *, source: str, kind: str, limits: ReadLimits | None = None) -> SourceRead:
    """Decode a text file and read it as CSV (``kind="csv"``), TSV or a text conversion."""
    limits = limits or ReadLimits()
    decoded = decode_bytes(data, source)
    problems: list[Problem] = []
    where = CellProvenance(Location(file=source, line=1))
    if decoded.how == "detected":
        problems.append(
            reader_problem(
                "encoding-detected",
                f"the text is not UTF-8; it was read as {decoded.encoding} (detected from its letters)",
                where,
            )
        )
    if decoded.uncertain:
        rivals = ", ".join(decoded.rivals) or "none reads it cleanly"
        problems.append(
            reader_problem(
                "encoding-uncertain",
                f"the encoding guess {decoded.encoding} is uncertain (other candidates: {rivals}); check the "
                "Russian letters, or save the file as UTF-8",
                where,
            )
        )
    text = decoded.text
    if kind in ("csv", "tsv"):
        blocks, more = read_delimited(
            text, source=source, delimiter="\t" if kind == "tsv" else None, limits=limits
        )
        problems.extend(more)
    else:
        blocks = read_text_blocks(text, source=source, max_cells=limits.max_cells)
    return SourceRead(blocks, tuple(problems), kind, decoded.encoding)


def read_source(path: str | Path, *, limits: ReadLimits | None = None) -> SourceRead:
    """Read any supported file into source blocks (the reader chosen by :func:`file_kind`).

    Raises:
        UnsupportedFileError: a type no reader handles (with what to do: convert a .doc to .docx …).
        MissingDependencyError: the optional library of the format is not installed.
        NoTextLayerError: a scanned PDF.
        UndecodableTextError: a text file no encoding reads.
        ReadLimitError: a budget exceeded.
        TableReadError: damaged.
        FileNotFoundError: no such file.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    check_file_size(path, limits)
    kind = file_kind(path)
    if kind == "docx":
        return SourceRead(read_docx_blocks(path, limits=limits), kind=kind)
    if kind == "xlsx":
        return SourceRead(read_xlsx_blocks(path, limits=limits), kind=kind)
    if kind in ("odt", "ods"):
        from gia_roadmap.io.readers.opendocument import read_ods_blocks, read_odt_blocks

        reader = read_odt_blocks if kind == "odt" else read_ods_blocks
        return SourceRead(reader(path, limits=limits), kind=kind)
    if kind == "pdf":
        from gia_roadmap.io.readers.pdf import read_pdf_blocks

        return SourceRead(read_pdf_blocks(path, limits=limits), kind=kind)
    if kind == "xls":
        from gia_roadmap.io.readers.legacy_xls import read_xls_blocks

        return SourceRead(read_xls_blocks(path, limits=limits), kind=kind)
    if kind == "html":
        from gia_roadmap.io.readers.html_tables import read_html_blocks

        return SourceRead(read_html_blocks(path.read_bytes(), source=path.name, limits=limits), kind=kind)
    return read_text_bytes(path.read_bytes(), source=path.name, kind=kind, limits=limits)
