"""The formats beyond Word and Excel: ODT, ODS, PDF with a text layer, HTML tables, legacy XLS, and the
refusals (a scanned PDF, a legacy .doc, an undecodable text file, a missing optional library); the
encodings of CSV files. Every fixture is generated here (see ``writers.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import MissingTerm
from gia_roadmap.errors import (
    MissingDependencyError,
    NoTextLayerError,
    TableReadError,
    UndecodableTextError,
    UnsupportedFileError,
)
from gia_roadmap.io import import_file, read_tables
from gia_roadmap.io.encodings import decode_bytes
from gia_roadmap.io.formats import file_kind
from gia_roadmap.io.tables import CellFlag

from .writers import WRITERS, Cell, Doc, cells, write_html, write_pdf, write_scanned_pdf, write_xls

PLAN = Doc(
    title=(
        "ПЛАН МЕРОПРИЯТИЙ («дорожная карта») по подготовке к проведению ГИА в 2026 году",
        "Государственная итоговая аттестация (далее – ГИА)",
    ),
    tables=(
        cells(
            ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"],
            [Cell("1. Нормативное обеспечение", colspan=4)],
            [
                "1.1.",
                "Подготовка приказа о проведении ГИА-9",
                Cell("октябрь 2025 года", rowspan=2),
                "Управление образования",
            ],
            ["1.2.", "Совещание с руководителями ОО", "ИМЦ"],
            ["1.3.", "Обучение организаторов ППЭ", "март 2026 года", "ИМЦ"],
        ),
    ),
)

FORMATS = sorted(WRITERS)


@pytest.mark.parametrize("kind", FORMATS)
def test_each_format_reads_the_same_plan(kind: str, tmp_path: Path) -> None:
    path = WRITERS[kind](PLAN, tmp_path / f"plan.{kind}")
    assert file_kind(path) == kind
    result = import_file(path)
    plan = result.roadmap
    assert [m.title for m in plan.measures] == [
        "Подготовка приказа о проведении ГИА-9",
        "Совещание с руководителями ОО",
        "Обучение организаторов ППЭ",
    ]
    assert [m.number.raw for m in plan.measures] == ["1.1.", "1.2.", "1.3."]
    assert [m.term.raw for m in plan.measures] == ["октябрь 2025 года", "октябрь 2025 года", "март 2026 года"]
    assert not any(isinstance(m.term, MissingTerm) for m in plan.measures)
    assert plan.measures[1].inherited("term")  # the vertically merged cell, read as merged
    assert plan.sections[0].heading.endswith("Нормативное обеспечение")
    assert "ГИА" in plan.glossary
    assert plan.title.startswith("ПЛАН МЕРОПРИЯТИЙ")


@pytest.mark.parametrize("kind", FORMATS)
def test_merged_cells_are_flagged(kind: str, tmp_path: Path) -> None:
    path = WRITERS[kind](PLAN, tmp_path / f"plan.{kind}")
    (table,) = read_tables(path).plan_tables()
    second = table.items()[1]
    assert CellFlag.MERGED_ABOVE in second.cells[2].flags
    heading = next(r for r in table.rows if r.kind.value == "section")
    assert all(CellFlag.SPANNED in c.flags for c in heading.cells[1:])


def test_pdf_cells_know_their_page(tmp_path: Path) -> None:
    rows = [["№", "Мероприятия", "Сроки", "Ответственные"]]
    rows += [
        [f"{i}.", f"Мероприятие номер {i} по подготовке к экзамену", "май 2026 года", "ОО"]
        for i in range(1, 80)
    ]
    path = write_pdf(
        Doc(("ПЛАН мероприятий на 2025/2026 учебный год",), (cells(*rows),)), tmp_path / "long.pdf"
    )
    document = read_tables(path)
    (table,) = document.plan_tables()  # the header repeated on every page continues one table
    items = table.items()
    assert len(items) == 79
    pages = {item.provenance.location.page for item in items}
    assert len(pages) >= 2
    assert "стр." in str(items[-1].provenance)
    assert "page" in items[-1].provenance.location.describe("en")


def test_a_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError, match=r"scan\.pdf: нет текстового слоя") as info:
        import_file(path)
    assert info.value.pages == 1
    assert isinstance(info.value, TableReadError)


def test_a_legacy_doc_is_refused_with_how_to_convert(tmp_path: Path) -> None:
    xls = write_xls(PLAN, tmp_path / "plan.xls")
    doc = tmp_path / "plan.doc"
    doc.write_bytes(xls.read_bytes())  # an OLE compound file, as a .doc is
    with pytest.raises(UnsupportedFileError, match=r"libreoffice --headless --convert-to docx") as info:
        import_file(doc)
    assert info.value.kind == "doc"


def test_an_html_page_saved_as_xls_is_read_as_html(tmp_path: Path) -> None:
    path = write_html(PLAN, tmp_path / "plan.xls")
    assert file_kind(path) == "html"
    assert len(import_file(path).roadmap.measures) == 3


def test_html_without_a_declared_charset_is_detected(tmp_path: Path) -> None:
    path = write_html(PLAN, tmp_path / "plan.html", charset=None, encoding="cp1251")
    assert import_file(path).roadmap.measures[0].title == "Подготовка приказа о проведении ГИА-9"


@pytest.mark.parametrize(
    ("module", "extra", "kind"), [("pdfplumber", "pdf", "pdf"), ("odf", "odf", "odt"), ("xlrd", "xls", "xls")]
)
def test_a_missing_optional_library_says_what_to_install(
    module: str, extra: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = WRITERS[kind](PLAN, tmp_path / f"plan.{kind}")
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import fails
    with pytest.raises(MissingDependencyError, match=rf"gia-roadmap\[{extra}\]"):
        read_tables(path)


# ---- encodings -------------------------------------------------------------------------------------

CSV_TEXT = (
    "N;Мероприятия;Сроки;Ответственные\n"
    "1.;Совещание с руководителями общеобразовательных организаций;сентябрь 2025 года;"
    "Управление образования\n"
    "2.;Информирование выпускников и их родителей о порядке проведения экзаменов;"
    "в течение учебного года;ОО\n"
)


@pytest.mark.parametrize(
    "encoding", ["utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "cp1251", "koi8_r", "cp866"]
)
def test_every_usual_encoding_is_detected(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    result = import_file(path)
    assert (
        next(m.title for m in result.roadmap.measures)
        == "Совещание с руководителями общеобразовательных организаций"
    )
    codes = [p.code for p in result.problems]
    if encoding in ("utf_8", "utf_8_sig", "utf_16"):
        assert "encoding-detected" not in codes
    else:
        assert "encoding-detected" in codes
    assert "encoding-uncertain" not in codes


def test_an_uncertain_guess_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_bytes("N;Мероприятия;Сроки\n1;ГИА;май\n".encode("cp1251")[:-1] + b"\xc0\xc1\n")
    decoded = decode_bytes(path.read_bytes(), path.name)
    assert decoded.how == "detected"
    tiny = decode_bytes(bytes([0xC0, 0xC1, 0xE0]))
    assert tiny.uncertain
    assert tiny.rivals


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(0, 32)) * 50)
    with pytest.raises(UndecodableTextError, match=r"noise\.csv: cannot decode"):
        import_file(path)


_WORDS = (
    "мероприятие", "подготовка", "проведение", "экзамен", "совещание", "руководитель", "организация",
    "обучение", "выпускник", "родитель", "информирование", "государственной", "итоговой", "аттестации",
    "сроки", "ответственные", "управление", "образования", "пункт", "проведения", "экзаменов", "и", "в",
    "по", "с", "для", "о", "порядке", "технический", "специалист", "муниципальный", "региональный",
)  # fmt: skip
_natural = st.lists(st.sampled_from(_WORDS), min_size=4, max_size=40).map(" ".join)
_letters = st.text(
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ", min_size=1, max_size=80
)
_ENCODINGS = st.sampled_from(["cp1251", "koi8_r", "cp866", "utf_8", "utf_16", "utf_16_le"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=_natural, encoding=_ENCODINGS)
def test_russian_text_decodes_back_in_every_encoding(words: str, encoding: str) -> None:
    text = "Мероприятия подготовки к экзаменам: " + words
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters=_letters, encoding=_ENCODINGS)
def test_a_wrong_guess_is_always_flagged_uncertain(letters: str, encoding: str) -> None:
    text = "Сроки: " + letters
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text or decoded.uncertain
