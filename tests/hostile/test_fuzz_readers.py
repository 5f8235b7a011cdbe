"""Fuzzing the importer (issue 19, point 7): a roadmap document drawn in every format the importer
reads, with hostile cell text, drawn spans, and — for the ZIP formats — its XML edited at drawn places
with hostile markup (huge spans and merges, entity declarations, broken tags), or its bytes edited
for the others. Every input ends in an :class:`ImportResult` whose roadmap writes back to itself, or
in a :class:`~gia_roadmap.errors.GiaRoadmapError`; never in another exception.

Documents come from the test writers (:mod:`tests.io_tables.writers`), never from the web. The long
profile's number of documents per test is ``GIA_FUZZ_DOCUMENTS`` (default ``GIA_FUZZ_EXAMPLES``,
:mod:`tests.hostile.fuzzing`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap import io
from gia_roadmap.errors import GiaRoadmapError
from gia_roadmap.io import ImportResult, import_file, import_text
from tests.hostile.fuzzing import HOSTILE_TEXT, profile
from tests.io_tables.writers import ALL_WRITERS, Cell, Doc

_HEADER = ("№ п/п", "Наименование мероприятия", "Сроки", "Ответственные")
_WORDS = (
    "Совещание", "с", "руководителями", "ОО", "по", "вопросам", "ГИА-9", "ЕГЭ", "информирование",
    "выпускников", "обучение", "организаторов", "ППЭ", "до", "15", "ноября", "2023", "года", "в", "течение",
    "учебного", "ежемесячно", "за", "3", "дня", "до", "экзамена", "МОУО", "РЦОИ", "I.", "1.1.", "–",
)  # fmt: skip
_XML_PIECES = (
    ' gridSpan="3000000"', '<w:gridSpan w:val="3000000"/>', '<w:vMerge w:val="restart"/>',
    '<mergeCell ref="A1:XFD1048576"/>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    ' table:number-columns-spanned="16384"', ' table:number-rows-repeated="1048576"',
    ' table:number-columns-repeated="16384"', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', "&a;", "&#0;",
    "<", ">", "</w:tc>", "<w:tc>", "<w:tbl>", "</w:tbl>",
    '<c r="XFD1048576"><v>1</v></c>', '<row r="1048576">',
    "\x00", "]]>", "<![CDATA[", "&amp;", '"', "=",
)  # fmt: skip
_ZIP = ("docx", "xlsx", "odt", "ods")
_ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _writable(text: str, fmt: str) -> str:
    """What the format can hold at all (XML has no NUL; a PDF page draws printable characters, and
    the test writer cannot split one table row over two pages)."""
    if fmt == "pdf":
        return "".join(ch for ch in text if ch.isprintable() and not "\ud800" <= ch <= "\udfff")[:120]
    if fmt == "csv":
        return re.sub("[\ud800-\udfff]", "", text)
    return _ILLEGAL_IN_XML.sub("", text)


_cell_text = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
    st.lists(st.sampled_from(HOSTILE_TEXT) | st.sampled_from(_WORDS), max_size=5).map("".join),
    st.text(max_size=20),
)


@st.composite
def documents(draw: st.DrawFn, fmt: str) -> Doc:
    width = draw(st.integers(2, 5))
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h) for h in _HEADER[:width])]
    for _ in range(draw(st.integers(0, 7))):
        row: list[Cell] = []
        used = 0
        while used < width:
            span = draw(st.sampled_from([1, 1, 1, 1, 2, 3]))
            span = min(span, width - used)
            row.append(Cell(_writable(draw(_cell_text), fmt), colspan=span))
            used += span
        rows.append(tuple(row))
    title = tuple(_writable(t, fmt) for t in draw(st.lists(_cell_text, max_size=3)))
    return Doc(title=title, tables=(tuple(rows),))


def _mutate_zip(path: Path, data: st.DataObject) -> None:
    draw = data.draw
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = sorted(name for name in parts if name.endswith(".xml"))
    name = draw(st.sampled_from(xml))
    text = parts[name].decode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        tags = [m.end() - 1 for m in re.finditer(r"<[^<>]*>", text)] or [0]
        at = draw(st.sampled_from(tags) | st.integers(0, len(text)))
        text = (
            text[:at] + draw(st.sampled_from(_XML_PIECES)) * draw(st.sampled_from([1, 1, 5, 300])) + text[at:]
        )
    parts[name] = text.encode("utf-8", "surrogatepass")
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in parts.items():
            archive.writestr(member, content)


def _mutate_bytes(path: Path, drawn: st.DataObject) -> None:
    draw = drawn.draw
    data = path.read_bytes()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, min(8, len(data) - at)))
        piece = draw(st.binary(max_size=8) | st.sampled_from([b"\x00", b"\xff\xfe", b'"', b";", b"\r\n"]))
        data = data[:at] + piece * draw(st.sampled_from([1, 1, 100])) + data[at + cut :]
    path.write_bytes(data)


def _imports_cleanly(read: Callable[[], ImportResult]) -> None:
    """An import ends in a result whose roadmaps write back to themselves, or a typed error."""
    try:
        result = read()
    except GiaRoadmapError:
        return
    assert isinstance(result, ImportResult)
    for roadmap in result.roadmaps:
        assert io.loads(io.dumps(roadmap)) == roadmap


@pytest.mark.parametrize("fmt", sorted(ALL_WRITERS))
@profile("documents", ci_examples=25)
@given(data=st.data())
def test_fuzzed_documents_import_or_fail_typed(
    fmt: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    doc = data.draw(documents(fmt))
    path = ALL_WRITERS[fmt](doc, tmp_path_factory.mktemp(fmt) / f"plan.{fmt}")
    how = data.draw(st.sampled_from(["as written", "edited"]))
    if how == "edited":
        if fmt in _ZIP:
            _mutate_zip(path, data)
        else:
            _mutate_bytes(path, data)
    _imports_cleanly(lambda: import_file(path))


@profile("documents")
@given(
    st.lists(st.lists(_cell_text, min_size=1, max_size=5), max_size=8),
    st.sampled_from([None, ";", ",", "\t"]),
)
def test_fuzzed_text_tables_import_or_fail_typed(rows: list[list[str]], delimiter: str | None) -> None:
    sep = delimiter or "\t"
    text = "\n".join(sep.join(row) for row in [list(_HEADER), *rows])
    _imports_cleanly(lambda: import_text(text, delimiter=delimiter))
